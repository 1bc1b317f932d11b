"""Payment: points up to what the card may spend now, the rest in cash (with change) or by bank card.

After the items are chosen a sale takes at most four touches: 결제 → (points are pre-filled) →
a quick-cash button or 카드 → 결제 완료.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.checkout import CardView, SaleResult
from pos_app.core.cart import Cart
from pos_app.core.money import won
from pos_app.core.tenders import Tenders, quick_cash_options
from pos_app.scanning.wedge import parse_card_input
from pos_app.ui.background import BackgroundOp
from pos_app.ui.card_panel import limited_reason
from pos_app.ui.messages import sale_text
from pos_app.ui.widgets import MessageLine, NumberPad, big_button, clear_layout, fit_to_screen

log = logging.getLogger(__name__)


def _amount(text: str) -> int | None:
    digits = parse_card_input(text.replace(",", ""))
    return int(digits) if digits and len(digits) <= 9 else (0 if not text.strip() else None)


class PaymentDialog(QDialog):
    """Calls ``pay(tenders)`` (the checkout) and closes on approval; a refusal stays on screen.

    ``pay`` may wait up to the authorisation timeout for the ledger, so it runs in a worker thread:
    meanwhile the dialog says so, and neither a second 결제 완료 nor 뒤로 is taken. An approved sale
    is reported by ``sig_paid`` (also when the till locked while the answer was on its way: the
    payment was started by a signed-in cashier). ``may_pay`` is asked before each payment: a locked
    till takes none."""

    sig_paid = Signal(object)  # SaleResult
    sig_refused_after_lock = Signal(str)  # the refusal's text, for the sale screen's message line

    def __init__(
        self,
        cart: Cart,
        card: CardView | None,
        pay: Callable[[Tenders], SaleResult],
        parent: QWidget | None = None,
        *,
        may_pay: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Payment"))
        self.setObjectName("payment")
        self.setModal(True)
        self.setMinimumSize(760, 560)
        self.cart, self.card, self._pay = cart, card, pay
        self._may_pay = may_pay or (lambda: True)
        self.sale: SaleResult | None = None
        self.busy = False
        self.locked_out = False
        self.released = False  # the sale screen is done with it: deleted once no payment is under way
        total = cart.total
        self.points_limit = min(total, card.spendable_now) if card else 0

        heading = QLabel(self.tr("Total %1 won").replace("%1", won(total)))
        heading.setProperty("total", True)
        heading.setObjectName("pay-total")

        self.points = QLineEdit()
        self.points.setObjectName("points")
        self.points.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.points.setMaxLength(9)
        self.points.setText(str(self.points_limit))
        self.points.setEnabled(card is not None)
        self.points.textChanged.connect(self._points_changed)
        points_row = QHBoxLayout()
        label = QLabel(self.tr("Points") if card else self.tr("Points (scan a card to use points)"))
        label.setWordWrap(True)
        points_row.addWidget(label)
        points_row.addWidget(self.points, 1)
        all_points = big_button(self.tr("Max"), name="points-max")
        all_points.clicked.connect(lambda: self.points.setText(str(self.points_limit)))
        no_points = big_button(self.tr("None"), name="points-none")
        no_points.clicked.connect(lambda: self.points.setText("0"))
        points_row.addWidget(all_points)
        points_row.addWidget(no_points)
        self.card_line = QLabel()
        self.card_line.setProperty("caption", True)
        self.card_line.setWordWrap(True)
        if card:
            reason = limited_reason(card)
            self.card_line.setText(
                self.tr("Card %1 · can use %2 won now")
                .replace("%1", card.masked_number)
                .replace("%2", won(card.spendable_now))
                + ("" if card.source == "online" else self.tr(" (offline)"))
                + (f" · {reason}" if reason else "")
            )

        self.remainder = QLabel()
        self.remainder.setProperty("heading", True)
        self.remainder.setObjectName("remainder")

        # The rest: cash or bank card.
        self.method_cash = big_button(self.tr("Cash"), name="method-cash")
        self.method_card = big_button(self.tr("Bank card"), name="method-card")
        group = QButtonGroup(self)
        for button in (self.method_cash, self.method_card):
            button.setCheckable(True)
            button.setProperty("tab", True)
            group.addButton(button)
        self.method_cash.setChecked(True)
        self.methods = QStackedWidget()
        self.method_cash.clicked.connect(lambda: self.methods.setCurrentIndex(0))
        self.method_card.clicked.connect(lambda: self.methods.setCurrentIndex(1))
        cash_page = QWidget()
        cash_layout = QVBoxLayout(cash_page)
        self.received = QLineEdit()
        self.received.setObjectName("received")
        self.received.setMaxLength(9)
        self.received.setPlaceholderText(self.tr("Cash received"))
        self.received.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.received.textChanged.connect(self._update)
        self.quick = QGridLayout()
        cash_layout.addWidget(self.received)
        cash_layout.addLayout(self.quick)
        self.change = QLabel()
        self.change.setProperty("huge", True)
        self.change.setObjectName("change")
        cash_layout.addWidget(self.change)
        card_page = QWidget()
        card_layout = QVBoxLayout(card_page)
        self.approval = QLineEdit()
        self.approval.setObjectName("approval")
        self.approval.setMaxLength(20)
        self.approval.setPlaceholderText(self.tr("Approval number from the card terminal"))
        terminal = QLabel(
            self.tr("Charge the remainder on the card terminal, then type its approval number.")
        )
        terminal.setWordWrap(True)
        card_layout.addWidget(terminal)
        card_layout.addWidget(self.approval)
        card_layout.addStretch(1)
        self.methods.addWidget(cash_page)
        self.methods.addWidget(card_page)
        # Every number of this dialog can be typed on the pad: points, cash received, approval number.
        self.pad = NumberPad([self.received, self.points, self.approval], prefix="pay-pad", money=True)
        self.method_cash.clicked.connect(lambda: self.received.setFocus())
        self.method_card.clicked.connect(lambda: self.approval.setFocus())

        self.message = MessageLine()
        self.pay_button = big_button(self.tr("Complete payment"), primary=True, name="pay-complete")
        self.pay_button.setMinimumHeight(72)
        self.pay_button.clicked.connect(self._complete)
        cancel = big_button(self.tr("Back"), name="pay-cancel")
        cancel.clicked.connect(self.reject)
        self.cancel_button = cancel

        left = QVBoxLayout()
        left.addWidget(heading)
        left.addWidget(self.card_line)
        left.addLayout(points_row)
        left.addWidget(self.remainder)
        methods = QHBoxLayout()
        methods.addWidget(self.method_cash)
        methods.addWidget(self.method_card)
        left.addLayout(methods)
        left.addWidget(self.methods, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addWidget(self.pad, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel, 1)
        buttons.addWidget(self.pay_button, 3)
        layout.addLayout(buttons)
        self._update()
        fit_to_screen(self, 1100, 760)
        (self.received if card is None or self.points_limit >= total else self.points).setFocus()

    # -- what is left to pay --------------------------------------------------------------------
    def points_value(self) -> int | None:
        return _amount(self.points.text())

    def due(self) -> int:
        points = self.points_value() or 0
        return max(0, self.cart.total - points)

    def _points_changed(self) -> None:
        """Warn at once when the points typed are more than the card may use now; say nothing more
        once they are within it (a stale red line is cleared, e.g. after 최대)."""
        points = self.points_value()
        if points is not None and points > self.points_limit and self.card is not None:
            self.message.error(self.over_limit_text())
        elif self.message.property("message") == "error" and not self.busy:
            self.message.clear_message()
        self._update()

    def over_limit_text(self) -> str:
        text = self.tr("At most %1 won in points can be used now.").replace("%1", won(self.points_limit))
        reason = limited_reason(self.card) if self.card is not None else ""
        return f"{text} {reason}".strip()

    def _update(self) -> None:
        due = self.due()
        self.remainder.setText(self.tr("Left to pay: %1 won").replace("%1", won(due)))
        clear_layout(self.quick)
        for index, amount in enumerate(quick_cash_options(due)):
            button = big_button(won(amount), name=f"quick-{index}")
            button.setMinimumHeight(64)
            button.clicked.connect(lambda _=False, a=amount: self.received.setText(str(a)))
            self.quick.addWidget(button, 0, index)
        received = _amount(self.received.text())
        if due and received is not None and received >= due:
            self.change.setText(self.tr("Change %1 won").replace("%1", won(received - due)))
        else:
            self.change.setText("")
        self.method_cash.setEnabled(due > 0)
        self.method_card.setEnabled(due > 0)

    def tenders(self) -> Tenders | None:
        points = self.points_value()
        if points is None:
            self.message.error(self.tr("Type the points as a number."))
            return None
        if points > self.points_limit and self.card is not None:
            # Not sent to be refused: the field goes to what the card may use, the cashier sees why.
            self.points.setText(str(self.points_limit))
            self.message.error(self.over_limit_text())
            return None
        due = max(0, self.cart.total - points)
        if due and self.methods.currentIndex() == 1:
            return Tenders(points=points, bank_card=due, approval_no=self.approval.text())
        received = _amount(self.received.text()) if due else 0
        if received is None:
            self.message.error(self.tr("Type the cash received as a number."))
            return None
        return Tenders(points=points, cash_received=received or 0)

    def _complete(self) -> None:
        if self.busy:
            return  # a second touch while the first payment is under way
        if not self._may_pay():
            self.reject()  # the till locked: no sale completes without a signed-in cashier
            return
        tenders = self.tenders()
        if tenders is None:
            return
        self.set_busy(True)
        pay = self._pay
        BackgroundOp(self, lambda: pay(tenders)).on_success(self._paid).on_failure(self._failed).run()

    def release(self) -> None:
        """The sale screen is done with this dialog (its ``exec`` returned): delete it, or, when the
        lock hid it while a payment was being decided, once that answer has been handed on."""
        self.released = True
        if not self.busy:
            self.deleteLater()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        if not busy and self.released:
            # The answer of a payment the lock hid: it is handled first (``sig_paid``, the refusal's
            # message), the deletion comes after, back in the event loop.
            self.deleteLater()
        for widget in (self.pay_button, self.cancel_button, self.received, self.approval):
            widget.setEnabled(not busy)
        self.points.setEnabled(not busy and self.card is not None)
        if busy:
            self.message.show_message(self.tr("Taking the payment… please wait."))

    def reject(self) -> None:
        if self.busy:
            return  # the payment is being decided: closing now would lose its result
        super().reject()

    def lock_out(self) -> None:
        """The till locks: close, or, while a payment is being decided, hide until its answer (which
        still reaches the sale screen through ``sig_paid``)."""
        self.locked_out = True
        if self.busy:
            self.hide()
        else:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            event.ignore()
            return
        super().closeEvent(event)

    def _failed(self, exc: BaseException) -> None:
        self.set_busy(False)
        log.error("payment failed unexpectedly", exc_info=exc)
        self.message.error(self.tr("The payment could not be taken. Try again, or ask the manager."))

    def _paid(self, result: SaleResult) -> None:
        self.set_busy(False)
        if result.approved:
            self.sale = result
            self.sig_paid.emit(result)
            if self.isVisible():
                self.accept()
            return
        if self.locked_out:
            self.sig_refused_after_lock.emit(sale_text(result))
            return
        if result.refusal not in ("payment", None) and self.card is not None:
            # Points were refused: offer the sale without points, the cashier takes cash or a card.
            self.points_limit = 0
            self.points.setText("0")
        self.message.error(sale_text(result))
