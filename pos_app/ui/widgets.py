"""Small widgets the till's screens share: big buttons, a message line, number pads, a number dialog."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

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


class NumberPad(QWidget):
    """A touch number pad for a touch-only till: it types into the last focused of ``fields``.

    Its keys never take the focus, so the field being filled keeps it; ``sig_enter`` is the pad's
    확인 key when ``enter`` is given. Key names are ``<prefix>-<digit>``, ``<prefix>-back``,
    ``<prefix>-clear`` (and ``<prefix>-000`` on a money pad)."""

    sig_enter = Signal()

    def __init__(
        self,
        fields: list[QLineEdit],
        parent: QWidget | None = None,
        *,
        prefix: str = "pad",
        money: bool = False,
        enter: str = "",
    ) -> None:
        super().__init__(parent)
        self.fields = list(fields)
        self.target: QLineEdit | None = self.fields[0] if self.fields else None
        self.prefix = prefix
        for field in self.fields:
            field.installEventFilter(self)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        for index, digit in enumerate("789456123"):
            grid.addWidget(self._key(digit, digit), index // 3, index % 3)
        back = self._key("⌫", "back")
        back.clicked.disconnect()
        back.clicked.connect(self._backspace)
        if money:
            grid.addWidget(self._key("0", "0"), 3, 0)
            grid.addWidget(self._key("000", "000"), 3, 1)
            grid.addWidget(back, 3, 2)
        else:
            clear = self._key(self.tr("Clear"), "clear")
            clear.clicked.disconnect()
            clear.clicked.connect(self._clear)
            grid.addWidget(clear, 3, 0)
            grid.addWidget(self._key("0", "0"), 3, 1)
            grid.addWidget(back, 3, 2)
        if enter:
            ok = big_button(enter, primary=True, name=f"{prefix}-ok")
            ok.clicked.connect(self.sig_enter.emit)
            grid.addWidget(ok, 4, 0, 1, 3)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # The field touched (or focused) last is the one the pad types into.
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress) and isinstance(obj, QLineEdit):
            self.target = obj
        return False

    def _key(self, text: str, name: str) -> QPushButton:
        button = big_button(text, name=f"{self.prefix}-{name}")
        button.setProperty("key", True)
        button.setMinimumWidth(72)
        button.clicked.connect(lambda: self._type(text))
        return button

    def _field(self) -> QLineEdit | None:
        target = self.target
        return target if target is not None and target.isEnabled() else None

    def _type(self, digits: str) -> None:
        field = self._field()
        if field is not None:
            field.insert(digits)

    def _backspace(self) -> None:
        field = self._field()
        if field is not None:
            field.backspace()

    def _clear(self) -> None:
        field = self._field()
        if field is not None:
            field.clear()


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
        self.pad = NumberPad([self.field], prefix="pin", enter=self.tr("OK"))
        self.pad.sig_enter.connect(self._submit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.pad)

    def _submit(self) -> None:
        self.sig_submit.emit(self.field.text())
        self.field.clear()


def fit_to_screen(dialog: QWidget, width: int, height: int) -> None:
    """Open a dialog at its wished size, or as large as the till's window (or screen) allows."""
    parent = dialog.parentWidget()
    area = parent.window().geometry() if parent is not None else None
    screen = dialog.screen()
    if area is None or area.width() < 200:
        area = screen.availableGeometry() if screen is not None else None
    if area is None:
        dialog.resize(width, height)
        return
    dialog.resize(min(width, area.width()), min(height, area.height()))
    dialog.move(area.center() - dialog.rect().center())


class NumberEntryDialog(QDialog):
    """Asks for one number (a card number, an amount) with a number pad and Korean 확인 / 취소."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        prompt: str,
        *,
        max_length: int = 16,
        money: bool = False,
        name: str = "number-entry",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName(name)
        self.setModal(True)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setObjectName(f"{name}-field")
        self.field.setMaxLength(max_length)
        self.field.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.field.returnPressed.connect(self.accept)
        self.pad = NumberPad([self.field], prefix=f"{name}-pad", money=money)
        ok = big_button(self.tr("OK"), primary=True, name=f"{name}-ok")
        ok.clicked.connect(self.accept)
        cancel = big_button(self.tr("Cancel"), name=f"{name}-cancel")
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel, 1)
        buttons.addWidget(ok, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.field)
        layout.addWidget(self.pad, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 560, 640)
        self.field.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, prompt: str, **options: object) -> str | None:
        dialog = cls(parent, title, prompt, **options)  # type: ignore[arg-type]
        answer = dialog.field.text() if dialog.exec() else None
        dialog.deleteLater()  # asked once: not kept as a hidden child of the window
        return answer
