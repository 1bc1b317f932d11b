"""Refund or void a recent sale: a manager's PIN and a reason are always needed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
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
from pos_app.ui.messages import problem_text, refund_text
from pos_app.ui.widgets import MessageLine, big_button
from sync.shared.clock import KST

QUICK_REASONS = ("고객 변심", "상품 문제", "잘못 계산함", "주문 취소")


def describe(state: SaleState) -> str:
    at = dt.datetime.fromisoformat(state.entry.ts).astimezone(KST)
    tenders = []
    if state.paid.points:
        tenders.append(f"포인트 {won(state.paid.points)}")
    if state.paid.cash:
        tenders.append(f"현금 {won(state.paid.cash)}")
    if state.paid.bank_card:
        tenders.append(f"카드 {won(state.paid.bank_card)}")
    left = state.paid.total - state.refunded.total
    note = "" if left == state.paid.total else f" · 환불 가능 {won(left)}"
    return f"{at:%H:%M}  {sale_number(state.entry)}  {won(state.paid.total)}원  ({', '.join(tenders) or '0'}){note}"


class RefundDialog(QDialog):
    def __init__(
        self, checkout: Checkout, roster: StaffRoster, cashier: StaffMember, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Refund or cancel a sale"))
        self.setMinimumSize(1000, 700)
        self.checkout, self.roster, self.cashier = checkout, roster, cashier
        self.outcome: RefundResult | None = None
        self.sales = QListWidget()
        self.sales.setObjectName("refund-sales")
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
        self.pin.setPlaceholderText(self.tr("Manager's PIN"))
        self.reason = QLineEdit()
        self.reason.setObjectName("refund-reason")
        self.reason.setPlaceholderText(self.tr("Reason (required)"))
        reasons = QGridLayout()
        for index, text in enumerate(QUICK_REASONS):
            button = big_button(text, name=f"reason-{index}")
            button.clicked.connect(lambda _=False, t=text: self.reason.setText(t))
            reasons.addWidget(button, 0, index)
        self.amount = QLineEdit()
        self.amount.setObjectName("refund-amount")
        self.amount.setPlaceholderText(self.tr("Amount (empty: everything left)"))
        self.message = MessageLine()
        refund = big_button(self.tr("Refund"), primary=True, name="do-refund")
        refund.clicked.connect(lambda: self._run("refund"))
        void = big_button(self.tr("Cancel whole sale"), danger=True, name="do-void")
        void.clicked.connect(lambda: self._run("void"))
        close = big_button(self.tr("Close"), name="refund-close")
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("1. Choose the sale")))
        layout.addWidget(self.sales, 1)
        layout.addWidget(QLabel(self.tr("2. Manager: choose your name and enter your PIN")))
        layout.addLayout(manager_row)
        layout.addWidget(self.pin)
        layout.addWidget(QLabel(self.tr("3. Why?")))
        layout.addLayout(reasons)
        layout.addWidget(self.reason)
        layout.addWidget(self.amount)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addWidget(close, 1)
        buttons.addWidget(void, 2)
        buttons.addWidget(refund, 2)
        layout.addLayout(buttons)

    def _run(self, kind: str) -> None:
        item = self.sales.currentItem()
        if item is None:
            self.message.error(self.tr("Choose the sale to refund first."))
            return
        button = self.managers.checkedButton()
        if button is None:
            self.message.error(self.tr("A manager must choose their name and enter their PIN."))
            return
        if not self.reason.text().strip():
            self.message.error(self.tr("Type or choose the reason."))
            return
        amount_text = self.amount.text().replace(",", "").strip()
        if amount_text and not (amount_text.isascii() and amount_text.isdigit()):
            self.message.error(self.tr("Type the amount as a number, or leave it empty."))
            return
        permission = Permission.VOID if kind == "void" else Permission.REFUND
        try:
            manager = self.roster.authorise(str(button.property("staff_id")), self.pin.text(), permission)
        except StaffError as exc:
            self.pin.clear()
            self.message.error(problem_text(exc))
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
