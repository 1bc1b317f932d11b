"""The shop's catalogue on the till: ``catalogue`` journal entries replayed into categories and items."""

from __future__ import annotations

from dataclasses import asdict

from pos_app.core.catalogue import Category, Item
from pos_app.journal.store import Journal
from sync.shared.entries import CatalogueChange


class CatalogueStore:
    """Every change is a journal entry (who changed what, when); the current menu is their replay."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self._cache: tuple[int, dict[str, Category], dict[str, Item]] | None = None

    def _load(self) -> tuple[dict[str, Category], dict[str, Item]]:
        last = self.journal.last_seq()
        if self._cache is not None and self._cache[0] == last:
            return self._cache[1], self._cache[2]
        categories: dict[str, Category] = {}
        items: dict[str, Item] = {}
        for entry in self.journal.entries(types=["catalogue"]):
            change = entry.body
            if not isinstance(change, CatalogueChange):
                continue
            if change.action == "category" and change.category:
                categories[str(change.category["category_id"])] = Category(**change.category)
            elif change.action == "remove_category" and change.category_id:
                categories.pop(change.category_id, None)
            elif change.action == "item" and change.item:
                items[str(change.item["sku"])] = Item(**change.item)
            elif change.action == "remove_item" and change.sku:
                items.pop(change.sku, None)
        self._cache = (last, categories, items)
        return categories, items

    def categories(self) -> list[Category]:
        categories, _ = self._load()
        return sorted(categories.values(), key=lambda c: (c.position, c.name))

    def items(self, category_id: str | None = None) -> list[Item]:
        _, items = self._load()
        chosen = [i for i in items.values() if category_id is None or i.category_id == category_id]
        return sorted(chosen, key=lambda i: (i.position, i.name))

    def item(self, sku: str) -> Item | None:
        return self._load()[1].get(sku)

    def save_category(self, category: Category, by: str = "") -> None:
        self.journal.append(CatalogueChange(action="category", category=asdict(category), by=by))

    def save_item(self, item: Item, by: str = "") -> None:
        self.journal.append(CatalogueChange(action="item", item=asdict(item), by=by))

    def remove_item(self, sku: str, by: str = "") -> None:
        self.journal.append(CatalogueChange(action="remove_item", sku=sku, by=by))

    def seed(self, categories: list[Category], items: list[Item]) -> None:
        """Fill an empty catalogue (demo, first start); a catalogue that has entries is left alone."""
        if self.journal.entries(types=["catalogue"], limit=1):
            return
        for category in categories:
            self.save_category(category, by="seed")
        for item in items:
            self.save_item(item, by="seed")
