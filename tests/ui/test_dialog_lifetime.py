"""A day at the counter does not pile up windows: every payment, refund and number dialog is
deleted once it is done with, also a payment the lock hid while its answer was on the way."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from pos_app.ui.manager import ManagerWindow
from pos_app.ui.payment import PaymentDialog
from pos_app.ui.refund import RefundDialog
from pos_app.ui.signin import ManagerSignInDialog
from pos_app.ui.widgets import NumberEntryDialog
from tests.ui.conftest import background_done, button, sign_in, wedge_scan, when_modal

CASHIER, MANAGER = "s002", "s001"  # demo staff: 매니저 1234, 계산원 0000


def click(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def signed_in(qtbot, till) -> None:  # type: ignore[no-untyped-def]
    sign_in(qtbot, till, CASHIER, "0000")
    assert till.window.stack.currentWidget() is till.sale
    till.window.activateWindow()
    qtbot.waitUntil(lambda: till.window.isActiveWindow(), timeout=2000)


def settle() -> None:
    """Let pending deletions happen (``deleteLater`` runs once control is back in the event loop)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def dialogs(till, kind: type[QDialog]) -> int:  # type: ignore[no-untyped-def]
    """Dialogs of this kind still alive anywhere: children of the window or top-level."""
    found = set(till.window.findChildren(kind))
    found.update(w for w in QApplication.topLevelWidgets() if isinstance(w, kind))
    return len(found)


def sell(qtbot, till, sku: str, card: int | None = None) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, button(till.sale, "cat-coffee"))
    click(qtbot, button(till.sale, f"item-{sku}"))
    if card is not None:
        wedge_scan(qtbot, till.window, till.cards[card]["payload"])
        background_done(qtbot)

    def pay(dialog):  # type: ignore[no-untyped-def]
        if dialog.due():
            click(qtbot, button(dialog, "quick-0"))
        click(qtbot, button(dialog, "pay-complete"))

    when_modal(qtbot, pay)
    click(qtbot, button(till.sale, "pay"))
    background_done(qtbot)


def refund_first(qtbot, till) -> None:  # type: ignore[no-untyped-def]
    def refund(dialog):  # type: ignore[no-untyped-def]
        dialog.sales.setCurrentRow(0)
        click(qtbot, button(dialog, f"manager-{MANAGER}"))
        dialog.findChild(QLineEdit, "manager-pin").setText("1234")
        click(qtbot, button(dialog, "reason-1"))
        click(qtbot, button(dialog, "do-refund"))

    when_modal(qtbot, refund)
    click(qtbot, button(till.sale, "refund"))
    background_done(qtbot)


def test_five_sales_two_refunds_and_the_other_dialogs_leave_no_window_behind(qtbot, till):
    signed_in(qtbot, till)
    for index in range(5):
        sell(qtbot, till, "C01", card=index if index % 2 else None)  # points and cash sales
        settle()
        assert dialogs(till, PaymentDialog) == 0, f"after sale {index + 1}"
    assert len(till.runtime.journal.entries(types=["sale"])) == 5
    for index in range(2):
        refund_first(qtbot, till)
        settle()
        assert dialogs(till, RefundDialog) == 0, f"after refund {index + 1}"
    assert len(till.runtime.journal.entries(types=["refund"])) == 2
    # A payment closed with 뒤로 and a typed card number cancelled on the pad go too.
    click(qtbot, button(till.sale, "item-C01"))
    when_modal(qtbot, lambda dialog: click(qtbot, button(dialog, "pay-cancel")))
    click(qtbot, button(till.sale, "pay"))
    when_modal(qtbot, lambda dialog: click(qtbot, button(dialog, "card-entry-cancel")))
    click(qtbot, button(till.sale, "type-card"))

    # A visit to the manager's window, and a manager sign-in cancelled.
    def manager(dialog):  # type: ignore[no-untyped-def]
        click(qtbot, button(dialog, f"manager-{MANAGER}"))
        dialog.pin.setText("1234")
        when_modal(qtbot, lambda window: window.reject())
        click(qtbot, button(dialog, "manager-signin-ok"))

    when_modal(qtbot, manager)
    click(qtbot, button(till.sale, "manage"))
    when_modal(qtbot, lambda dialog: click(qtbot, button(dialog, "manager-signin-cancel")))
    click(qtbot, button(till.sale, "manage"))
    settle()
    assert dialogs(till, PaymentDialog) == 0
    assert dialogs(till, NumberEntryDialog) == 0
    assert dialogs(till, ManagerSignInDialog) == 0 and dialogs(till, ManagerWindow) == 0


def test_a_payment_hidden_by_the_lock_still_reports_its_sale_and_then_goes(qtbot, till):
    """The lock hides a payment under way; its answer still reaches the sale screen, and only then
    is the dialog deleted."""
    signed_in(qtbot, till)
    click(qtbot, button(till.sale, "cat-coffee"))
    click(qtbot, button(till.sale, "item-C01"))
    seen: dict[str, object] = {}
    checkout = till.runtime.checkout
    real_pay, answer = checkout.pay, threading.Event()

    def slow_pay(*args, **kwargs):  # type: ignore[no-untyped-def]
        answer.wait(10)  # the ledger deciding, until the test lets it answer
        return real_pay(*args, **kwargs)

    def lock_while_paying(dialog):  # type: ignore[no-untyped-def]
        assert isinstance(dialog, PaymentDialog)
        click(qtbot, button(dialog, "quick-0"))
        click(qtbot, button(dialog, "pay-complete"))
        seen["busy"] = dialog.busy
        till.window.lock()  # the idle timer, while the payment is being decided
        seen["visible"] = dialog.isVisible()

    checkout.pay = slow_pay  # type: ignore[method-assign]
    try:
        when_modal(qtbot, lock_while_paying)
        click(qtbot, button(till.sale, "pay"))  # returns once the lock hid the dialog
        settle()  # deletions due now happen before the answer comes
        assert dialogs(till, PaymentDialog) == 1  # kept: the answer is still on its way
        answer.set()
        background_done(qtbot)
    finally:
        answer.set()
        checkout.pay = real_pay  # type: ignore[method-assign]
    settle()
    assert seen["busy"] is True and seen["visible"] is False
    assert len(till.runtime.journal.entries(types=["sale"])) == 1
    assert "결제되었습니다" in till.sale.message.text()  # the answer reached the sale screen
    assert dialogs(till, PaymentDialog) == 0
