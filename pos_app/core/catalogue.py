"""Catalogue items and categories as the till sells them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pos_app.core.money import require_won
from pos_app.core.problems import Problem


class CatalogueProblem(StrEnum):
    """Why an item, a price or a cart line is refused."""

    CODE_NEEDED = "code_needed"
    NAME_NEEDED = "name_needed"
    NEGATIVE_PRICE = "negative_price"
    PRICE_NEEDED = "price_needed"
    PRICE_NOT_NUMBER = "price_not_number"
    PRICE_TOO_LARGE = "price_too_large"
    SOLD_OUT = "sold_out"  # values: name
    AMOUNT_NEEDED = "amount_needed"
    QTY_OUT_OF_RANGE = "qty_out_of_range"  # values: max


class CatalogueError(Problem, ValueError):
    """An item or price the catalogue refuses; ``code`` says why (the UI words it for the manager)."""

    code: CatalogueProblem


@dataclass(frozen=True)
class Category:
    category_id: str
    name: str
    position: int = 0


@dataclass(frozen=True)
class Item:
    """A product or service on the sale screen. ``open_price`` items get their amount from the cashier."""

    sku: str
    name: str
    price: int
    category_id: str = ""
    taxable: bool = True
    open_price: bool = False
    sold_out: bool = False
    position: int = 0

    def __post_init__(self) -> None:
        require_won(self.price)
        if not self.sku.strip():
            raise CatalogueError(CatalogueProblem.CODE_NEEDED)
        if not self.name.strip():
            raise CatalogueError(CatalogueProblem.NAME_NEEDED)
        if self.price < 0:
            raise CatalogueError(CatalogueProblem.NEGATIVE_PRICE)
        if not self.open_price and self.price == 0:
            raise CatalogueError(CatalogueProblem.PRICE_NEEDED)


def parse_price(text: str) -> int:
    """Read a price typed by a manager (``3,500``, ``3500원``); refuse anything else."""
    cleaned = text.strip().replace(",", "").removesuffix("원").strip()
    if not cleaned.isdecimal() or not cleaned.isascii():
        raise CatalogueError(CatalogueProblem.PRICE_NOT_NUMBER, repr(text))
    value = int(cleaned)
    if value > 10_000_000:
        raise CatalogueError(CatalogueProblem.PRICE_TOO_LARGE, str(value))
    return value
