"""What a receipt says (ARCHITECTURE §9): plain values, built by the till, rendered by the printers.

There is no field for a participant's name or status: a receipt never shows either.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class ShopHeader:
    name: str
    business_no: str = ""
    representative: str = ""
    address: str = ""
    phone: str = ""


@dataclass(frozen=True)
class ReceiptLine:
    name: str
    qty: int
    unit_price: int
    amount: int
    taxable: bool = True


@dataclass(frozen=True)
class Receipt:
    header: ShopHeader
    sale_no: str
    at: dt.datetime
    lines: tuple[ReceiptLine, ...]
    total: int
    supply_value: int
    vat: int
    tax_free: int
    points: int = 0
    cash: int = 0
    cash_received: int = 0
    change: int = 0
    bank_card: int = 0
    approval_no: str | None = None
    card_last4: str | None = None
    points_balance: int | None = None
    cashier: str = ""
    offline: bool = False
    kind: str = "sale"  # sale | refund | void | reprint
    note: str = ""
    original_no: str = ""  # a refund's or void's original sale number
