"""The cart table: name, quantity with − and +, amount, remove."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from pos_app.core.cart import MAX_QTY, Cart
from pos_app.core.money import won
from pos_app.ui.widgets import big_button


class CartView(QTableWidget):
    sig_set_qty = Signal(int, int)  # line index, quantity (0 removes)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Qty"), self.tr("Amount"), ""])
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setVisible(False)
        self.scale = 1.0
        self.set_scale(1.0)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.qty_boxes: list[QSpinBox] = []

    def set_scale(self, scale: float) -> None:
        """Rows, columns and the − / + buttons grow with the type on a larger screen."""
        self.scale = scale
        for column, width in ((1, 190), (2, 120), (3, 64)):
            self.setColumnWidth(column, round(width * scale))
        self.verticalHeader().setDefaultSectionSize(round(64 * scale))

    def show_cart(self, cart: Cart) -> None:
        self.setRowCount(len(cart.lines))
        self.qty_boxes = []
        for row, line in enumerate(cart.lines):
            tax_free = self.tr("tax-free")
            name = QTableWidgetItem(line.name if line.taxable else f"{line.name} ({tax_free})")
            self.setItem(row, 0, name)
            qty = QWidget()
            box = QHBoxLayout(qty)
            box.setContentsMargins(2, 2, 2, 2)
            minus = big_button("−", name=f"minus-{row}")
            plus = big_button("+", name=f"plus-{row}")
            side = round(52 * self.scale)
            for button in (minus, plus):
                button.setFixedSize(side, side)
            spin = QSpinBox()
            spin.setObjectName(f"qty-{row}")
            spin.setRange(0, MAX_QTY)
            spin.setValue(line.qty)
            spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
            spin.setFixedWidth(round(70 * self.scale))
            spin.editingFinished.connect(lambda r=row, s=spin: self._typed(r, s))
            minus.clicked.connect(lambda _=False, r=row, q=line.qty: self.sig_set_qty.emit(r, q - 1))
            plus.clicked.connect(lambda _=False, r=row, q=line.qty: self.sig_set_qty.emit(r, q + 1))
            box.addWidget(minus)
            box.addWidget(spin)
            box.addWidget(plus)
            self.setCellWidget(row, 1, qty)
            self.qty_boxes.append(spin)
            amount = QTableWidgetItem(won(line.amount))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.setItem(row, 2, amount)
            remove = big_button("✕", name=f"remove-{row}")
            remove.setFixedSize(round(52 * self.scale), round(52 * self.scale))
            remove.clicked.connect(lambda _=False, r=row: self.sig_set_qty.emit(r, 0))
            self.setCellWidget(row, 3, remove)
        if cart.lines:
            self.scrollToBottom()

    def _typed(self, row: int, spin: QSpinBox) -> None:
        self.sig_set_qty.emit(row, spin.value())
