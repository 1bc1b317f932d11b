"""Integer-won money: formatting and the VAT split printed on Korean receipts."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sync.shared.money import require_won, won

__all__ = ["VatRounding", "VatSplit", "require_won", "vat_split", "won"]


class VatRounding(StrEnum):
    """How the VAT included in a price is rounded to the won (a shop setting)."""

    FLOOR = "floor"  # what most Korean POS print: VAT = taxable // 11
    HALF_UP = "half_up"


@dataclass(frozen=True)
class VatSplit:
    """The tax lines of a receipt; ``supply_value + vat + tax_free == total``."""

    total: int
    supply_value: int
    vat: int
    tax_free: int


def vat_split(taxable_total: int, tax_free_total: int, rounding: VatRounding = VatRounding.FLOOR) -> VatSplit:
    """Split VAT-inclusive totals: VAT = taxable ÷ 11, supply value = taxable − VAT."""
    require_won(taxable_total)
    require_won(tax_free_total)
    sign = -1 if taxable_total < 0 else 1
    magnitude = abs(taxable_total)
    vat = magnitude // 11 if rounding is VatRounding.FLOOR else (magnitude * 2 + 11) // 22
    vat *= sign
    return VatSplit(
        total=taxable_total + tax_free_total,
        supply_value=taxable_total - vat,
        vat=vat,
        tax_free=tax_free_total,
    )
