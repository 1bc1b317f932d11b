"""Sign-in: the cashier picks their name and types a PIN on the keypad."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pos_app.staff import StaffError, StaffMember, StaffRoster
from pos_app.ui.messages import problem_text, role_text
from pos_app.ui.widgets import MessageLine, PinPad, big_button, clear_layout


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
        layout.setContentsMargins(40, 30, 40, 30)
        layout.addLayout(left, 3)
        layout.addSpacing(40)
        layout.addLayout(right, 2)
        self.refresh()

    def refresh(self) -> None:
        clear_layout(self.names)
        for index, member in enumerate(self.roster.members()):
            button = big_button(f"{member.name}\n{role_text(member.role)}", name=f"staff-{member.staff_id}")
            button.setCheckable(True)
            button.setProperty("tab", True)
            button.setMinimumHeight(84)
            button.clicked.connect(lambda _=False, m=member: self._choose(m))
            self.group.addButton(button)
            self.names.addWidget(button, index // 3, index % 3)
        self.selected = None
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
