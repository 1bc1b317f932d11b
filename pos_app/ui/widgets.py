"""Small widgets the till's screens share: big buttons, a message line, a PIN keypad."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLayout, QLineEdit, QPushButton, QWidget

from pos_app.ui.theme import restyle


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget of a layout (hidden at once: deletion waits for the event loop)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()


def big_button(text: str, *, primary: bool = False, danger: bool = False, name: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setProperty("primary", primary)
    button.setProperty("danger", danger)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # touch buttons never steal the keyboard
    if name:
        button.setObjectName(name)
    return button


class MessageLine(QLabel):
    """Says what happened and what to do next: red for a problem, green when done."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setMinimumHeight(40)

    def show_message(self, text: str, kind: str = "info") -> None:
        self.setProperty("message", kind)
        restyle(self)
        self.setText(text)

    def error(self, text: str) -> None:
        self.show_message(text, "error")

    def ok(self, text: str) -> None:
        self.show_message(text, "ok")

    def clear_message(self) -> None:
        self.show_message("", "info")


class PinPad(QWidget):
    """A touch keypad for PINs; the digits are masked. ``sig_submit`` carries the PIN."""

    sig_submit = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(8)
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.setObjectName("pin")
        self.field.returnPressed.connect(self._submit)
        grid = QGridLayout(self)
        grid.addWidget(self.field, 0, 0, 1, 3)
        for index, digit in enumerate("123456789"):
            grid.addWidget(self._key(digit), 1 + index // 3, index % 3)
        clear = big_button(self.tr("Clear"))
        clear.clicked.connect(self.field.clear)
        grid.addWidget(clear, 4, 0)
        grid.addWidget(self._key("0"), 4, 1)
        ok = big_button(self.tr("OK"), primary=True, name="pin-ok")
        ok.clicked.connect(self._submit)
        grid.addWidget(ok, 4, 2)

    def _key(self, digit: str) -> QPushButton:
        button = big_button(digit, name=f"pin-{digit}")
        button.setMinimumSize(96, 64)
        button.clicked.connect(lambda: self.field.insert(digit))
        return button

    def _submit(self) -> None:
        self.sig_submit.emit(self.field.text())
        self.field.clear()
