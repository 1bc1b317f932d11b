"""Sign-in: the cashier picks their name and types a PIN on the keypad; a manager does the same for 관리."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pos_app.staff import StaffError, StaffMember, StaffRoster
from pos_app.ui.messages import problem_text, role_text
from pos_app.ui.widgets import MessageLine, NumberPad, PinPad, big_button, clear_layout, fit_to_screen


class SignInScreen(QWidget):
    sig_signed_in = Signal(object)  # StaffMember
    sig_language = Signal(str)

    def __init__(self, roster: StaffRoster, shop_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.roster = roster
        self.selected: StaffMember | None = None
        title = QLabel(self.tr("ALL-LIVE Market till"))
        title.setProperty("heading", True)
        self.shop = QLabel(shop_name)
        self.shop.setProperty("caption", True)
        self.prompt = QLabel(self.tr("Choose your name, then enter your PIN."))
        self.names = QGridLayout()
        self.group = QButtonGroup(self)
        self.pad = PinPad()
        self.pad.sig_submit.connect(self._try_pin)
        self.message = MessageLine()
        english = big_button("English", name="lang-en")
        korean = big_button("한국어", name="lang-ko")
        english.clicked.connect(lambda: self.sig_language.emit("en"))
        korean.clicked.connect(lambda: self.sig_language.emit("ko"))

        left = QVBoxLayout()
        left.addWidget(title)
        left.addWidget(self.shop)
        left.addSpacing(12)
        left.addWidget(self.prompt)
        left.addLayout(self.names)
        left.addStretch(1)
        languages = QHBoxLayout()
        languages.addWidget(korean)
        languages.addWidget(english)
        languages.addStretch(1)
        left.addLayout(languages)
        right = QVBoxLayout()
        right.addStretch(1)
        right.addWidget(self.pad)
        right.addWidget(self.message)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(left, 3)
        layout.addSpacing(24)
        layout.addLayout(right, 2)
        self.refresh()

    def refresh(self) -> None:
        clear_layout(self.names)
        for index, member in enumerate(self.roster.members()):
            role = role_text(member.role)
            label = member.name if role == member.name else f"{member.name}\n{role}"
            button = big_button(label, name=f"staff-{member.staff_id}")
            button.setCheckable(True)
            button.setProperty("tab", True)
            button.setMinimumHeight(84)
            button.clicked.connect(lambda _=False, m=member: self._choose(m))
            self.group.addButton(button)
            self.names.addWidget(button, index // 3, index % 3)
        self.selected = None
        self.pad.field.clear()
        self.message.clear_message()

    def _choose(self, member: StaffMember) -> None:
        self.selected = member
        self.message.show_message(self.tr("Enter the PIN for %1.").replace("%1", member.name))
        self.pad.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _try_pin(self, pin: str) -> None:
        if self.selected is None:
            self.message.error(self.tr("Choose your name first."))
            return
        try:
            member = self.roster.sign_in(self.selected.staff_id, pin)
        except StaffError as exc:
            self.message.error(problem_text(exc))
            return
        self.message.clear_message()
        self.sig_signed_in.emit(member)


class ManagerSignInDialog(QDialog):
    """Who opens 관리: a manager touches their name and types their PIN on the pad (확인 / 취소).

    A wrong PIN stays in this dialog with the reason; ``member`` is set once the PIN is right."""

    def __init__(
        self, roster: StaffRoster, managers: list[StaffMember], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Manager"))
        self.setObjectName("manager-signin")
        self.setModal(True)
        self.roster = roster
        self.member: StaffMember | None = None
        self.selected: StaffMember | None = managers[0] if len(managers) == 1 else None
        prompt = QLabel(self.tr("Who are you? Touch your name, then type your PIN."))
        prompt.setWordWrap(True)
        names = QGridLayout()
        group = QButtonGroup(self)
        for index, member in enumerate(managers):
            button = big_button(
                f"{member.name} · {role_text(member.role)}", name=f"manager-{member.staff_id}"
            )
            button.setCheckable(True)
            button.setProperty("tab", True)
            button.setChecked(member is self.selected)
            button.clicked.connect(lambda _=False, m=member: self._choose(m))
            group.addButton(button)
            names.addWidget(button, index // 2, index % 2)
        self.pin = QLineEdit()
        self.pin.setObjectName("manager-signin-pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.pin.returnPressed.connect(self._try)
        self.pad = NumberPad([self.pin], prefix="manager-pad")
        self.message = MessageLine()
        ok = big_button(self.tr("OK"), primary=True, name="manager-signin-ok")
        ok.clicked.connect(self._try)
        cancel = big_button(self.tr("Cancel"), name="manager-signin-cancel")
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel, 1)
        buttons.addWidget(ok, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addLayout(names)
        layout.addWidget(self.pin)
        layout.addWidget(self.pad, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        fit_to_screen(self, 620, 720)
        self.pin.setFocus()

    def _choose(self, member: StaffMember) -> None:
        self.selected = member
        self.message.clear_message()
        self.pin.setFocus()

    def _try(self) -> None:
        if self.selected is None:
            self.message.error(self.tr("Choose your name first."))
            return
        try:
            self.member = self.roster.sign_in(self.selected.staff_id, self.pin.text())
        except StaffError as exc:
            self.pin.clear()
            self.message.error(problem_text(exc))
            return
        self.accept()
