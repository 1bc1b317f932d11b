"""Refund or void a recent sale: a manager's PIN and a reason are always needed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.checkout import Checkout, RefundResult, SaleState, sale_number
from pos_app.core.money import won
from pos_app.staff import Permission, StaffError, StaffMember, StaffRoster
from pos_app.ui.messages import problem_text, quick_reasons, refund_text, tender_text
from pos_app.ui.widgets import MessageLine, NumberPad, big_button, fit_to_screen
from sync.shared.clock import KST


def describe(state: SaleState) -> str:
    """One line of the sale list: time (KST), number, total, tenders, what may still be refunded."""
    at = dt.datetime.fromisoformat(state.entry.ts).astimezone(KST)
    tenders = []
    for tender, amount in (
        ("points", state.paid.points),
        ("cash", state.paid.cash),
        ("bank_card", state.paid.bank_card),
    ):
        if amount:
            tenders.append(f"{tender_text(tender)} {won(amount)}")
    left = state.paid.total - state.refunded.total
    note = (
        ""
        if left == state.paid.total
        else " · " + QCoreApplication.translate("RefundDialog", "refundable %1").replace("%1", won(left))
    )
    won_text = QCoreApplication.translate("RefundDialog", "%1 won").replace("%1", won(state.paid.total))
    return f"{at:%H:%M}  {sale_number(state.entry)}  {won_text}  ({', '.join(tenders) or '0'}){note}"


class RefundDialog(QDialog):
    def __init__(
        self, checkout: Checkout, roster: StaffRoster, cashier: StaffMember, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Refund or cancel a sale"))
        self.setObjectName("refund")
        self.setMinimumSize(760, 560)
        self.checkout, self.roster, self.cashier = checkout, roster, cashier
        self.outcome: RefundResult | None = None
        self.sales = QListWidget()
        self.sales.setObjectName("refund-sales")
        self.sales.setWordWrap(True)
        for state in checkout.recent_sales(40):
            if state.status in ("rejected", "cancelled") or state.paid.total - state.refunded.total <= 0:
                continue
            item = QListWidgetItem(describe(state))
            item.setData(Qt.ItemDataRole.UserRole, state.entry.id)
            self.sales.addItem(item)
        self.managers = QButtonGroup(self)
        manager_row = QHBoxLayout()
        for member in roster.members():
            if not member.can(Permission.REFUND):
                continue
            button = big_button(member.name, name=f"manager-{member.staff_id}")
            button.setCheckable(True)
            button.setProperty("tab", True)
            button.setProperty("staff_id", member.staff_id)
            self.managers.addButton(button)
            manager_row.addWidget(button)
        manager_row.addStretch(1)
        self.pin = QLineEdit()
        self.pin.setObjectName("manager-pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setPlaceholderText(self.tr("Manager's PIN"))
        self.reason = QLineEdit()
        self.reason.setObjectName("refund-reason")
        self.reason.setPlaceholderText(self.tr("Reason (required)"))
        reasons = QGridLayout()
        for index, text in enumerate(quick_reasons()):
            button = big_button(text, name=f"reason-{index}")
            button.clicked.connect(lambda _=False, t=text: self.reason.setText(t))
            reasons.addWidget(button, index // 2, index % 2)
        self.amount = QLineEdit()
        self.amount.setObjectName("refund-amount")
        self.amount.setMaxLength(9)
        self.amount.setPlaceholderText(self.tr("Amount (empty: everything left)"))
        # The PIN and the amount are typed on the pad (a touch-only till has no keyboard).
        self.pad = NumberPad([self.pin, self.amount], prefix="refund-pad")
        self.message = MessageLine()
        refund = big_button(self.tr("Refund"), primary=True, name="do-refund")
        refund.clicked.connect(lambda: self._run("refund"))
        void = big_button(self.tr("Cancel whole sale"), danger=True, name="do-void")
        void.clicked.connect(lambda: self._run("void"))
        close = big_button(self.tr("Close"), name="refund-close")
        close.clicked.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("1. Choose the sale")))
        left.addWidget(self.sales, 1)
        left.addWidget(QLabel(self.tr("3. Why?")))
        left.addLayout(reasons)
        left.addWidget(self.reason)
        right = QVBoxLayout()
        step2 = QLabel(self.tr("2. Manager: choose your name and enter your PIN"))
        step2.setWordWrap(True)
        right.addWidget(step2)
        right.addLayout(manager_row)
        right.addWidget(self.pin)
        right.addWidget(self.amount)
        right.addWidget(self.pad, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addWidget(close, 1)
        buttons.addWidget(void, 2)
        buttons.addWidget(refund, 2)
        layout.addLayout(buttons)
        fit_to_screen(self, 1200, 800)

    def _run(self, kind: str) -> None:
        """The sale, then the manager's PIN (checked before anything else is asked), then the reason
        and the amount."""
        item = self.sales.currentItem()
        if item is None:
            self.message.error(self.tr("Choose the sale to refund first."))
            return
        button = self.managers.checkedButton()
        if button is None:
            self.message.error(self.tr("A manager must choose their name and enter their PIN."))
            return
        permission = Permission.VOID if kind == "void" else Permission.REFUND
        try:
            manager = self.roster.authorise(str(button.property("staff_id")), self.pin.text(), permission)
        except StaffError as exc:
            self.pin.clear()
            self.pin.setFocus()
            self.message.error(problem_text(exc))
            return
        if not self.reason.text().strip():
            self.message.error(self.tr("Type or choose the reason."))
            return
        amount_text = self.amount.text().replace(",", "").strip()
        if amount_text and not (amount_text.isascii() and amount_text.isdigit()):
            self.message.error(self.tr("Type the amount as a number, or leave it empty."))
            return
        result = self.checkout.refund(
            str(item.data(Qt.ItemDataRole.UserRole)),
            reason=self.reason.text(),
            manager=manager.staff_id,
            cashier=self.cashier.staff_id,
            amount=int(amount_text) if amount_text else None,
            kind="void" if kind == "void" else "refund",
        )
        if not result.approved:
            self.message.error(refund_text(result))
            return
        self.outcome = result
        self.accept()
