"""The one place tests, the reliability harness and the benchmarks build a sale entry.

A real till builds sales from a cart (``pos_app.checkout``); everything that needs a sale without
a till — a simulated till, a hostile one, a benchmark — takes it from here, typed and consistent.
A hostile test that wants what no honest till writes starts from ``sale(...).to_payload()``.
"""

from __future__ import annotations

from sync.shared.entries import Auth, CardRef, Sale, SaleLine


def sale(
    points: int,
    *,
    cash: int = 0,
    bank_card: int = 0,
    card: str | None = None,
    auth: Auth | None = None,
    item: str = "아메리카노",
    cashier: str = "s001",
) -> Sale:
    """One line of ``item`` paid with ``points``, ``cash`` and ``bank_card`` (taxable, VAT included).

    ``auth`` defaults to online when points are taken, else none; a card is needed for points.
    """
    total = points + cash + bank_card
    vat = total // 11
    return Sale(
        cashier=cashier,
        lines=(SaleLine(sku="C01", name=item, qty=1, unit_price=total, amount=total, taxable=True),),
        total=total,
        points=points,
        bank_card=bank_card,
        cash=cash,
        cash_received=cash,
        change=0,
        approval_no=None,
        vat=vat,
        supply_value=total - vat,
        tax_free=0,
        card=CardRef(number=card, issue=1) if card else None,
        auth=auth or ("online" if points else "none"),
    )
