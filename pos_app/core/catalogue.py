"""Catalogue items and categories as the till sells them."""

from __future__ import annotations

from dataclasses import dataclass

from pos_app.core.money import require_won


class CatalogueError(ValueError):
    """An item or price the catalogue refuses; ``message_ko`` is shown to the manager."""

    def __init__(self, message: str, message_ko: str) -> None:
        super().__init__(message)
        self.message_ko = message_ko


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
            raise CatalogueError("item needs a code", "상품 코드를 입력하세요.")
        if not self.name.strip():
            raise CatalogueError("item needs a name", "상품 이름을 입력하세요.")
        if self.price < 0:
            raise CatalogueError("price must not be negative", "가격은 0원 이상이어야 합니다.")
        if not self.open_price and self.price == 0:
            raise CatalogueError(
                "a fixed-price item needs a price",
                "가격을 입력하세요. (금액을 직접 입력하는 상품은 '금액 직접 입력'을 선택하세요)",
            )


def parse_price(text: str) -> int:
    """Read a price typed by a manager (``3,500``, ``3500원``); refuse anything else in Korean."""
    cleaned = text.strip().replace(",", "").removesuffix("원").strip()
    if not cleaned.isdecimal() or not cleaned.isascii():
        raise CatalogueError(f"not a price: {text!r}", "가격은 숫자로만 입력하세요. 예: 3500")
    value = int(cleaned)
    if value > 10_000_000:
        raise CatalogueError(f"price too large: {value}", "가격이 너무 큽니다. 1,000만 원 이하로 입력하세요.")
    return value
