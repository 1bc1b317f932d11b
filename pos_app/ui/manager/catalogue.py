"""Catalogue editor: categories, items, prices in won, taxable / tax-free, sold out, grid order, open price."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.catalogue_store import CatalogueStore
from pos_app.core.catalogue import CatalogueError, Category, Item, parse_price
from pos_app.ui.manager.common import MessageLine, amount_text, fill_table, heading, make_table
from pos_app.ui.messages import problem_text


class CatalogueScreen(QWidget):
    sig_changed = Signal()  # the sale screen re-reads the catalogue

    def __init__(self, store: CatalogueStore, manager_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.manager_id = manager_id
        self.shown: list[Item] = []

        self.filter_box = QComboBox()
        self.filter_box.currentIndexChanged.connect(self.refresh_items)
        self.new_category_edit = QLineEdit()
        self.new_category_edit.setPlaceholderText(self.tr("New category name"))
        self.add_category_button = QPushButton(self.tr("Add category"))
        self.add_category_button.clicked.connect(self.add_category)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Menu")))
        top.addWidget(self.filter_box, 1)
        top.addWidget(self.new_category_edit, 1)
        top.addWidget(self.add_category_button)

        self.table = make_table(
            [
                self.tr("Code"),
                self.tr("Name"),
                self.tr("Price"),
                self.tr("Category"),
                self.tr("Tax"),
                self.tr("Status"),
            ]
        )
        self.table.itemSelectionChanged.connect(self._load_selected)

        self.sku_edit = QLineEdit()
        self.name_edit = QLineEdit()
        self.price_edit = QLineEdit()
        self.price_edit.setPlaceholderText(self.tr("e.g. 3500"))
        self.category_box = QComboBox()
        self.taxable_box = QCheckBox(self.tr("Taxable (VAT included)"))
        self.taxable_box.setChecked(True)
        self.open_price_box = QCheckBox(self.tr("Cashier types the amount (services)"))
        self.sold_out_box = QCheckBox(self.tr("Sold out"))
        form = QFormLayout()
        form.addRow(self.tr("Code"), self.sku_edit)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Price (won)"), self.price_edit)
        form.addRow(self.tr("Category"), self.category_box)
        checks = QHBoxLayout()
        for box in (self.taxable_box, self.open_price_box, self.sold_out_box):
            checks.addWidget(box)
        form.addRow("", checks)

        self.new_button = QPushButton(self.tr("New item"))
        self.new_button.clicked.connect(self.new_item)
        self.save_button = QPushButton(self.tr("Save item"))
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save_item)
        self.sold_out_button = QPushButton(self.tr("Sold out / on sale"))
        self.sold_out_button.clicked.connect(self.toggle_sold_out)
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        self.remove_button = QPushButton(self.tr("Remove item"))
        self.remove_button.clicked.connect(self.remove_item)
        buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.sold_out_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        self.message = MessageLine()

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.refresh()

    # -- reading -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        current = self.filter_box.currentData()
        self.filter_box.blockSignals(True)
        self.filter_box.clear()
        self.filter_box.addItem(self.tr("All categories"), "")
        self.category_box.clear()
        for category in self.store.categories():
            self.filter_box.addItem(category.name, category.category_id)
            self.category_box.addItem(category.name, category.category_id)
        index = self.filter_box.findData(current) if current else 0
        self.filter_box.setCurrentIndex(max(0, index))
        self.filter_box.blockSignals(False)
        self.refresh_items()

    def refresh_items(self) -> None:
        category_id = self.filter_box.currentData() or None
        names = {c.category_id: c.name for c in self.store.categories()}
        items = self.store.items(category_id)
        if category_id is None:
            order = {c.category_id: i for i, c in enumerate(self.store.categories())}
            items.sort(key=lambda i: (order.get(i.category_id, 999), i.position, i.name))
        self.shown = items
        fill_table(
            self.table,
            [
                [
                    item.sku,
                    item.name,
                    self.tr("typed by cashier") if item.open_price else amount_text(item.price),
                    names.get(item.category_id, ""),
                    self.tr("taxable") if item.taxable else self.tr("tax-free"),
                    self.tr("SOLD OUT") if item.sold_out else self.tr("on sale"),
                ]
                for item in items
            ],
            frozenset({2}),
        )

    def selected(self) -> Item | None:
        row = self.table.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def select_sku(self, sku: str) -> None:
        for row, item in enumerate(self.shown):
            if item.sku == sku:
                self.table.selectRow(row)
                return

    def _load_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        self.sku_edit.setText(item.sku)
        self.sku_edit.setReadOnly(True)
        self.name_edit.setText(item.name)
        self.price_edit.setText("" if item.open_price and not item.price else str(item.price))
        self.category_box.setCurrentIndex(max(0, self.category_box.findData(item.category_id)))
        self.taxable_box.setChecked(item.taxable)
        self.open_price_box.setChecked(item.open_price)
        self.sold_out_box.setChecked(item.sold_out)
        self.message.clear_message()

    # -- changes -----------------------------------------------------------------------------------
    def _changed(self, text: str, sku: str | None = None) -> None:
        self.refresh_items()
        if sku:
            self.select_sku(sku)
        self.message.ok(text)
        self.sig_changed.emit()

    def new_item(self) -> None:
        self.table.clearSelection()
        skus = {i.sku for i in self.store.items()}
        n = len(skus) + 1
        while f"P{n:02d}" in skus:
            n += 1
        self.sku_edit.setReadOnly(False)
        self.sku_edit.setText(f"P{n:02d}")
        self.name_edit.clear()
        self.price_edit.clear()
        self.taxable_box.setChecked(True)
        self.open_price_box.setChecked(False)
        self.sold_out_box.setChecked(False)
        self.name_edit.setFocus()
        self.message.ok(self.tr("Type the name and price, then press Save item."))

    def save_item(self) -> None:
        sku = self.sku_edit.text().strip()
        existing = self.store.item(sku)
        open_price = self.open_price_box.isChecked()
        try:
            price = (
                0
                if open_price and not self.price_edit.text().strip()
                else parse_price(self.price_edit.text())
            )
            category_id = str(self.category_box.currentData() or "")
            position = (
                existing.position
                if existing and existing.category_id == category_id
                else self._next_position(category_id)
            )
            item = Item(
                sku=sku,
                name=self.name_edit.text().strip(),
                price=price,
                category_id=category_id,
                taxable=self.taxable_box.isChecked(),
                open_price=open_price,
                sold_out=self.sold_out_box.isChecked(),
                position=position,
            )
        except CatalogueError as exc:
            self.message.error(problem_text(exc))
            return
        self.store.save_item(item, by=self.manager_id)
        self.sku_edit.setReadOnly(True)
        self._changed(self.tr("Saved. The sale screen shows it now."), item.sku)

    def _next_position(self, category_id: str) -> int:
        return max((i.position for i in self.store.items(category_id)), default=0) + 1

    def toggle_sold_out(self) -> None:
        item = self.selected()
        if item is None:
            self.message.error(self.tr("Choose an item in the list first."))
            return
        self.store.save_item(replace(item, sold_out=not item.sold_out), by=self.manager_id)
        self._changed(
            self.tr("Marked sold out.") if not item.sold_out else self.tr("On sale again."), item.sku
        )

    def move_item(self, step: int) -> None:
        """Move the chosen item up or down on the sale screen's grid (within its category)."""
        item = self.selected()
        if item is None:
            self.message.error(self.tr("Choose an item in the list first."))
            return
        siblings = self.store.items(item.category_id)
        index = next(i for i, s in enumerate(siblings) if s.sku == item.sku)
        target = index + step
        if not 0 <= target < len(siblings):
            return
        siblings[index], siblings[target] = siblings[target], siblings[index]
        for position, sibling in enumerate(siblings, start=1):
            if sibling.position != position:
                self.store.save_item(replace(sibling, position=position), by=self.manager_id)
        self._changed(self.tr("Order changed."), item.sku)

    def remove_item(self) -> None:
        item = self.selected()
        if item is None:
            self.message.error(self.tr("Choose an item in the list first."))
            return
        self.store.remove_item(item.sku, by=self.manager_id)
        self.new_item()
        self._changed(self.tr("Removed from the menu."))

    def add_category(self) -> None:
        name = self.new_category_edit.text().strip()
        if not name:
            self.message.error(self.tr("Type the new category's name first."))
            return
        categories = self.store.categories()
        if any(c.name == name for c in categories):
            self.message.error(self.tr("That category already exists."))
            return
        ids = {c.category_id for c in categories}
        n = len(ids) + 1
        while f"cat{n}" in ids:
            n += 1
        position = max((c.position for c in categories), default=0) + 1
        self.store.save_category(Category(f"cat{n}", name, position), by=self.manager_id)
        self.new_category_edit.clear()
        self.refresh()
        self.message.ok(self.tr("Category added."))
        self.sig_changed.emit()
