"""The sale the benchmarks repeat: one 아메리카노 paid with points, as the till journals it."""

from __future__ import annotations

from typing import Any


def americano_sale(card_number: str, auth: str = "offline") -> dict[str, Any]:
    return {
        "cashier": "s001",
        "lines": [
            {
                "sku": "C01",
                "name": "아메리카노",
                "qty": 1,
                "unit_price": 3000,
                "amount": 3000,
                "taxable": True,
            }
        ],
        "total": 3000,
        "points": 3000,
        "bank_card": 0,
        "cash": 0,
        "cash_received": 0,
        "change": 0,
        "approval_no": None,
        "vat": 272,
        "supply_value": 2728,
        "tax_free": 0,
        "card": {"number": card_number, "issue": 1},
        "auth": auth,
    }
