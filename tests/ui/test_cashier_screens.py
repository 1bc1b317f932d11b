"""pytest-qt drives the real till window: sign-in, sales, scanning, payment, refunds, offline."""

from __future__ import annotations

import re

from PIL import ImageDraw
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from pos_app.ui.theme import CONTRAST_PAIRS, contrast_ratio
from sync.shared.cards.qr import render_qr
from tests.ui.conftest import background_done, button, sign_in, wedge_scan, when_modal

HANGUL = re.compile("[가-힣]")
CASHIER, MANAGER = "s002", "s001"  # demo staff: 매니저 1234, 계산원 0000


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def signed_in(qtbot, till) -> None:
    sign_in(qtbot, till, CASHIER, "0000")
    assert till.window.stack.currentWidget() is till.sale
    till.window.activateWindow()
    qtbot.waitUntil(lambda: till.window.isActiveWindow(), timeout=2000)


def add(qtbot, till, category: str, sku: str, times: int = 1) -> None:
    click(qtbot, button(till.sale, f"cat-{category}"))
    for _ in range(times):
        click(qtbot, button(till.sale, f"item-{sku}"))


def test_wrong_pin_is_refused_in_korean(qtbot, till):
    sign_in(qtbot, till, CASHIER, "9999")
    assert till.window.stack.currentWidget() is till.window.signin
    assert "PIN이 맞지 않습니다" in till.window.signin.message.text()


def test_full_points_sale_online_in_four_touches(qtbot, till):
    signed_in(qtbot, till)
    add(qtbot, till, "meal", "M08")  # 비빔밥 8,500
    wedge_scan(qtbot, till.window, till.cards[0]["payload"])
    assert till.sale.card is not None  # at once, from the till's snapshot
    background_done(qtbot)  # then as the ledger sees it
    assert till.sale.card.source == "online"
    number = till.sale.card.number
    # Touches after the items: 결제, 결제 완료 (points are pre-filled with the whole total).
    when_modal(qtbot, lambda dialog: click(qtbot, button(dialog, "pay-complete")))
    click(qtbot, button(till.sale, "pay"))
    sale = till.runtime.journal.entries(types=["sale"])[-1]
    assert sale.payload["points"] == 8500 and sale.payload["auth"] == "online"
    assert till.ledger.card_balance(number) == 91_500
    assert "결제되었습니다" in till.sale.message.text()
    background_done(qtbot)  # the receipt is written off the UI thread
    assert list(till.runtime.config.receipts_path.glob("*.pdf"))
    assert "영수증을 PDF로 저장했습니다" in till.sale.message.text()
    assert till.sale.cart.is_empty


def test_points_and_cash_with_change(qtbot, till):
    signed_in(qtbot, till)
    add(qtbot, till, "meal", "M05", 2)  # 김치찌개 × 2 = 16,000
    wedge_scan(qtbot, till.window, till.cards[1]["payload"])
    background_done(qtbot)

    def pay(dialog):
        points = dialog.findChild(QLineEdit, "points")
        points.setText("10000")
        click(qtbot, button(dialog, "quick-1"))  # 6,000 due: the 10,000 note
        assert dialog.findChild(QLineEdit, "received").text() == "10000"
        assert "거스름돈" in dialog.findChild(QLabel, "change").text()
        click(qtbot, button(dialog, "pay-complete"))

    when_modal(qtbot, pay)
    click(qtbot, button(till.sale, "pay"))
    sale = till.runtime.journal.entries(types=["sale"])[-1]
    assert (sale.payload["points"], sale.payload["cash"]) == (10_000, 6000)
    assert sale.payload["change"] == 4000
    assert "거스름돈" in till.sale.message.text()


def test_offline_sale_and_offline_refusal(qtbot, till):
    signed_in(qtbot, till)
    till.server.stop()
    add(qtbot, till, "meal", "M07", 3)  # 제육덮밥 × 3 = 27,000
    wedge_scan(qtbot, till.window, till.cards[2]["payload"])
    background_done(qtbot)
    assert till.sale.card.source == "offline" and till.sale.card.spendable_now == 30_000
    when_modal(qtbot, lambda dialog: click(qtbot, button(dialog, "pay-complete")))
    click(qtbot, button(till.sale, "pay"))
    sale = till.runtime.journal.entries(types=["sale"])[-1]
    assert sale.payload["auth"] == "offline" and sale.payload["points"] == 27_000
    assert "오프라인" in till.sale.message.text()
    till.sale.refresh_status()
    assert "오프라인" in till.sale.badge.text()
    # The same card again: 8,000 more would pass today's offline limit.
    add(qtbot, till, "meal", "M05")
    wedge_scan(qtbot, till.window, till.cards[2]["payload"])
    background_done(qtbot)
    assert till.sale.card.spendable_now == 3000
    before = till.runtime.journal.last_seq()
    seen: dict[str, str] = {}

    def refuse(dialog):
        dialog.findChild(QLineEdit, "points").setText("8000")
        click(qtbot, button(dialog, "pay-complete"))
        qtbot.waitUntil(lambda: not dialog.busy)  # the checkout answers from a worker thread
        seen["message"] = dialog.message.text()
        click(qtbot, button(dialog, "pay-cancel"))

    when_modal(qtbot, refuse)
    click(qtbot, button(till.sale, "pay"))
    assert "한도" in seen["message"] or "부족" in seen["message"]
    assert till.runtime.journal.last_seq() == before


def test_refund_with_manager_pin_and_reason(qtbot, till):
    signed_in(qtbot, till)
    add(qtbot, till, "coffee", "C01")
    wedge_scan(qtbot, till.window, till.cards[3]["payload"])
    background_done(qtbot)
    number = till.sale.card.number
    when_modal(qtbot, lambda dialog: click(qtbot, button(dialog, "pay-complete")))
    click(qtbot, button(till.sale, "pay"))
    assert till.ledger.card_balance(number) == 97_000

    def refund(dialog):
        dialog.sales.setCurrentRow(0)
        click(qtbot, button(dialog, "do-refund"))
        assert "매니저" in dialog.message.text()  # no manager chosen yet: nothing happens
        click(qtbot, button(dialog, f"manager-{MANAGER}"))
        dialog.findChild(QLineEdit, "manager-pin").setText("0000")
        click(qtbot, button(dialog, "reason-1"))
        click(qtbot, button(dialog, "do-refund"))
        assert "PIN" in dialog.message.text()  # wrong PIN
        dialog.findChild(QLineEdit, "manager-pin").setText("1234")
        click(qtbot, button(dialog, "do-refund"))

    when_modal(qtbot, refund)
    click(qtbot, button(till.sale, "refund"))
    refunds = till.runtime.journal.entries(types=["refund"])
    assert len(refunds) == 1 and refunds[0].payload["reason"] == "상품 문제"
    assert refunds[0].payload["manager"] == MANAGER and refunds[0].payload["points"] == 3000
    till.runtime.sync.drain()
    assert till.ledger.card_balance(number) == 100_000


def test_wedge_burst_while_a_quantity_field_has_focus(qtbot, till):
    signed_in(qtbot, till)
    add(qtbot, till, "coffee", "C02")
    qty = till.sale.cart_view.qty_boxes[0]
    wedge_scan(qtbot, qty, till.cards[4]["payload"])
    assert qty.value() == 1 and till.sale.cart.lines[0].qty == 1
    assert till.sale.card is not None and till.sale.card.last4 == till.cards[4]["label"][-4:]
    # A person typing into the field still gets their digits.
    qty.setFocus()
    qty.selectAll()
    qtbot.keyClick(qty, "3")
    qtbot.wait(150)
    assert qty.text() == "3"


def test_wedge_burst_in_hangul_mode_still_scans(qtbot, till):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    signed_in(qtbot, till)
    target = till.window
    target.setFocus()
    for digit in till.cards[5]["payload"]:
        # An IME in Hangul mode: the key code is the digit, the text is a jamo.
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                QApplication.focusWidget() or target,
                QKeyEvent(kind, Qt.Key(ord(digit)), Qt.KeyboardModifier.NoModifier, "ㅇ"),
            )
    qtbot.keyClick(QApplication.focusWidget() or target, Qt.Key.Key_Return)
    assert till.sale.card is not None and till.sale.card.last4 == till.cards[5]["label"][-4:]


def test_damaged_card_image_gives_a_korean_message_and_changes_nothing(qtbot, till, tmp_path):
    signed_in(qtbot, till)
    image = render_qr(till.cards[0]["payload"])
    ImageDraw.Draw(image).rectangle((0, 0, image.width // 2, image.height // 2), fill=0)
    path = tmp_path / "damaged.png"
    image.save(path)
    before = till.runtime.journal.last_seq()
    till.sale.scan_image(str(path))
    assert "읽지 못했습니다" in till.sale.message.text()
    assert till.sale.card is None and till.runtime.journal.last_seq() == before


def test_revoked_card_is_refused_with_a_reason(qtbot, till):
    signed_in(qtbot, till)
    till.sale.handle_scan(till.cards[-1]["payload"])
    assert till.sale.card is None and "중지" in till.sale.message.text()


def test_sale_screen_speaks_korean_with_large_text(qtbot, till):
    signed_in(qtbot, till)
    texts = [w.text() for w in till.sale.findChildren(QLabel) if w.isVisible() and w.text()]
    texts += [b.text() for b in till.sale.findChildren(type(button(till.sale, "pay"))) if b.isVisible()]
    latin_words = [t for t in texts if re.search("[A-Za-z]{3,}", t) and not HANGUL.search(t)]
    assert not latin_words, latin_words
    for widget in till.sale.findChildren(QLabel) + till.sale.findChildren(type(button(till.sale, "pay"))):
        if widget.isVisible() and widget.text():
            assert widget.fontInfo().pixelSize() >= 22, widget.text()  # body text at least 22 px on 1024×768


def test_theme_colours_have_enough_contrast():
    for text, background in CONTRAST_PAIRS:
        assert contrast_ratio(text, background) >= 4.5, (text, background)


def test_no_full_name_on_the_customer_side(qtbot, till):
    signed_in(qtbot, till)
    till.sale.handle_scan(till.cards[0]["payload"])
    shown = " ".join(w.text() for w in till.sale.findChildren(QLabel))
    assert "김민준" not in shown and "김*준" in shown


def test_no_camera_here_says_so_and_leaves_the_button_off(qtbot, till):
    signed_in(qtbot, till)
    camera = button(till.sale, "camera")
    click(qtbot, camera)
    assert not camera.isChecked() and "카메라" in till.sale.message.text()


def test_manage_opens_the_manager_window_after_a_manager_pin(qtbot, till):
    from pos_app.ui.manager import ManagerWindow
    from pos_app.ui.signin import ManagerSignInDialog

    signed_in(qtbot, till)
    opened: list[ManagerWindow] = []
    seen: dict[str, str] = {}

    def who(dialog, pin: str, then=None):  # type: ignore[no-untyped-def]
        assert isinstance(dialog, ManagerSignInDialog)
        click(qtbot, button(dialog, f"manager-{MANAGER}"))
        for digit in pin:  # typed on the dialog's own number pad
            click(qtbot, button(dialog, f"manager-pad-{digit}"))
        if then is not None:
            when_modal(qtbot, then)
        click(qtbot, button(dialog, "manager-signin-ok"))
        if dialog.isVisible():  # a wrong PIN keeps the dialog open with the reason
            seen["message"] = dialog.message.text()
            click(qtbot, button(dialog, "manager-signin-cancel"))

    def look(dialog):  # type: ignore[no-untyped-def]
        assert isinstance(dialog, ManagerWindow)
        opened.append(dialog)
        dialog.reject()

    when_modal(qtbot, lambda dialog: who(dialog, "1234", look))
    click(qtbot, button(till.sale, "manage"))
    qtbot.waitUntil(lambda: len(opened) == 1)
    assert opened[0].member.staff_id == MANAGER
    # A wrong PIN opens nothing and says why, in the dialog.
    when_modal(qtbot, lambda dialog: who(dialog, "0000"))
    click(qtbot, button(till.sale, "manage"))
    assert len(opened) == 1 and "PIN" in seen["message"]
