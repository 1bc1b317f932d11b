"""The one place tests, the reliability harness and the benchmarks build sale and refund entries.

A real till builds sales from a cart (``pos_app.checkout``); everything that needs a sale without
a till — a simulated till, a hostile one, a benchmark — takes it from here, typed and consistent.
A hostile test that wants what no honest till writes starts from ``sale(...).to_payload()``.
"""

from __future__ import annotations

from collections.abc import Sequence

from sync.shared.entries import Auth, CardRef, Refund, Sale, SaleLine

# (sku, name, qty, unit price)
Line = tuple[str, str, int, int]


def sale(
    points: int,
    *,
    cash: int = 0,
    bank_card: int = 0,
    card: str | None = None,
    auth: Auth | None = None,
    item: str = "아메리카노",
    cashier: str = "s001",
    lines: Sequence[Line] = (),
    approval_no: str | None = None,
) -> Sale:
    """A taxable sale (VAT included) paid with ``points``, ``cash`` and ``bank_card``.

    Without ``lines`` it is one ``item`` at the whole amount; with ``lines`` their amounts must sum
    to the tenders. ``auth`` defaults to online when points are taken, else none.
    """
    total = points + cash + bank_card
    items = tuple(
        SaleLine(sku=sku, name=name, qty=qty, unit_price=price, amount=qty * price, taxable=True)
        for sku, name, qty, price in (lines or [("C01", item, 1, total)])
    )
    vat = total // 11
    return Sale(
        cashier=cashier,
        lines=items,
        total=total,
        points=points,
        bank_card=bank_card,
        cash=cash,
        cash_received=cash,
        change=0,
        approval_no=approval_no,
        vat=vat,
        supply_value=total - vat,
        tax_free=0,
        card=CardRef(number=card, issue=1) if card else None,
        auth=auth or ("online" if points else "none"),
    )


def refund_of(sale_id: str, sold: Sale, *, reason: str = "주문 취소", manager: str = "s001") -> Refund:
    """Everything a sale took, given back tender by tender."""
    return Refund(
        ref=sale_id,
        points=sold.points,
        bank_card=sold.bank_card,
        cash=sold.cash,
        reason=reason,
        manager=manager,
        cashier=sold.cashier,
        card=sold.card,
    )
