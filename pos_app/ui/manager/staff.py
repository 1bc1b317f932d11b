"""Staff screen: add a person with a role and PIN, disable or re-enable, reset a PIN."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.staff import ROLE_PERMISSIONS, StaffError, StaffMember, StaffRoster
from pos_app.ui.manager.common import MessageLine, fill_table, heading, make_table
from pos_app.ui.messages import problem_text, role_text


class StaffScreen(QWidget):
    def __init__(self, roster: StaffRoster, manager_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.roster = roster
        self.manager_id = manager_id
        self.shown: list[StaffMember] = []

        self.table = make_table([self.tr("No."), self.tr("Name"), self.tr("Role"), self.tr("Status")])
        self.name_edit = QLineEdit()
        self.role_box = QComboBox()
        for role in ROLE_PERMISSIONS:
            self.role_box.addItem(role_text(role), role)
        self.pin_edit = QLineEdit()
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setPlaceholderText(self.tr("4 to 8 digits"))
        self.add_button = QPushButton(self.tr("Add staff"))
        self.add_button.setProperty("primary", True)
        self.add_button.clicked.connect(self.add)
        add_form = QFormLayout()
        add_form.addRow(self.tr("Name"), self.name_edit)
        add_form.addRow(self.tr("Role"), self.role_box)
        add_form.addRow(self.tr("PIN"), self.pin_edit)
        add_form.addRow("", self.add_button)

        self.toggle_button = QPushButton(self.tr("Disable / enable"))
        self.toggle_button.clicked.connect(self.toggle_active)
        self.new_pin_edit = QLineEdit()
        self.new_pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_pin_edit.setPlaceholderText(self.tr("New PIN"))
        self.reset_button = QPushButton(self.tr("Reset PIN"))
        self.reset_button.clicked.connect(self.reset_pin)
        chosen = QHBoxLayout()
        chosen.addWidget(self.toggle_button)
        chosen.addStretch(1)
        chosen.addWidget(self.new_pin_edit)
        chosen.addWidget(self.reset_button)
        self.message = MessageLine()

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Staff")))
        layout.addWidget(self.table, 1)
        layout.addLayout(chosen)
        layout.addWidget(heading(self.tr("Add a person")))
        layout.addLayout(add_form)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        self.shown = self.roster.members(include_inactive=True)
        fill_table(
            self.table,
            [
                [
                    m.staff_id,
                    m.name,
                    role_text(m.role),
                    self.tr("working") if m.active else self.tr("disabled"),
                ]
                for m in self.shown
            ],
        )

    def selected(self) -> StaffMember | None:
        row = self.table.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def select(self, staff_id: str) -> None:
        for row, member in enumerate(self.shown):
            if member.staff_id == staff_id:
                self.table.selectRow(row)

    def add(self) -> None:
        try:
            member = self.roster.add(
                self.name_edit.text(),
                str(self.role_box.currentData()),
                self.pin_edit.text(),
                by=self.manager_id,
            )
        except StaffError as exc:
            self.message.error(problem_text(exc))
            return
        self.name_edit.clear()
        self.pin_edit.clear()
        self.refresh()
        self.select(member.staff_id)
        self.message.ok(
            self.tr("%1 was added as number %2.").replace("%1", member.name).replace("%2", member.staff_id)
        )

    def toggle_active(self) -> None:
        member = self.selected()
        if member is None:
            self.message.error(self.tr("Choose a person in the list first."))
            return
        if member.staff_id == self.manager_id and member.active:
            self.message.error(self.tr("You cannot disable yourself. Ask another manager."))
            return
        self.roster.set_active(member.staff_id, not member.active, by=self.manager_id)
        self.refresh()
        self.select(member.staff_id)
        self.message.ok(self.tr("Disabled.") if member.active else self.tr("Enabled again."))

    def reset_pin(self) -> None:
        member = self.selected()
        if member is None:
            self.message.error(self.tr("Choose a person in the list first."))
            return
        try:
            self.roster.reset_pin(member.staff_id, self.new_pin_edit.text(), by=self.manager_id)
        except StaffError as exc:
            self.message.error(problem_text(exc))
            return
        self.new_pin_edit.clear()
        self.message.ok(self.tr("The PIN of %1 was changed.").replace("%1", member.name))
