"""The cart: lines the cashier rings up, as an immutable value with totals and the VAT split."""

from __future__ import annotations

from dataclasses import dataclass, replace

from pos_app.core.catalogue import CatalogueError, CatalogueProblem, Item
from pos_app.core.money import VatRounding, VatSplit, require_won, vat_split

MAX_QTY = 999


@dataclass(frozen=True)
class CartLine:
    sku: str
    name: str
    qty: int
    unit_price: int
    taxable: bool = True

    @property
    def amount(self) -> int:
        return self.qty * self.unit_price

    def to_payload(self) -> dict[str, object]:
        return {
            "sku": self.sku,
            "name": self.name,
            "qty": self.qty,
            "unit_price": self.unit_price,
            "amount": self.amount,
            "taxable": self.taxable,
        }

    @classmethod
    def from_payload(cls, data: dict[str, object]) -> CartLine:
        return cls(
            sku=str(data["sku"]),
            name=str(data["name"]),
            qty=int(data["qty"]),  # type: ignore[call-overload]
            unit_price=int(data["unit_price"]),  # type: ignore[call-overload]
            taxable=bool(data.get("taxable", True)),
        )


@dataclass(frozen=True)
class Cart:
    lines: tuple[CartLine, ...] = ()
    rounding: VatRounding = VatRounding.FLOOR

    def add(self, item: Item, qty: int = 1, price: int | None = None) -> Cart:
        """Add an item; open-price items need ``price`` (typed by the cashier)."""
        if item.sold_out:
            raise CatalogueError(CatalogueProblem.SOLD_OUT, item.sku, name=item.name)
        if item.open_price:
            if price is None or require_won(price) <= 0:
                raise CatalogueError(CatalogueProblem.AMOUNT_NEEDED)
            unit = price
        else:
            unit = item.price
        # Open-price lines never merge: each service is its own line with its own amount.
        if not item.open_price:
            for index, line in enumerate(self.lines):
                if line.sku == item.sku and line.unit_price == unit:
                    return self.set_qty(index, line.qty + qty)
        line = CartLine(sku=item.sku, name=item.name, qty=qty, unit_price=unit, taxable=item.taxable)
        _check_qty(line.qty)
        return replace(self, lines=(*self.lines, line))

    def set_qty(self, index: int, qty: int) -> Cart:
        """Change a line's quantity; 0 removes the line."""
        if qty == 0:
            return self.remove(index)
        _check_qty(qty)
        lines = list(self.lines)
        lines[index] = replace(lines[index], qty=qty)
        return replace(self, lines=tuple(lines))

    def remove(self, index: int) -> Cart:
        return replace(self, lines=self.lines[:index] + self.lines[index + 1 :])

    def clear(self) -> Cart:
        return replace(self, lines=())

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)

    @property
    def is_empty(self) -> bool:
        return not self.lines

    def vat(self) -> VatSplit:
        taxable = sum(line.amount for line in self.lines if line.taxable)
        tax_free = sum(line.amount for line in self.lines if not line.taxable)
        return vat_split(taxable, tax_free, self.rounding)


def _check_qty(qty: int) -> None:
    require_won(qty)  # same rule: whole numbers only
    if not 1 <= qty <= MAX_QTY:
        raise CatalogueError(CatalogueProblem.QTY_OUT_OF_RANGE, str(qty), max=MAX_QTY)
