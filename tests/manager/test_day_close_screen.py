"""The day-close screen on a closed day (what came after the close), the Z report reprinted after a
restart off the UI thread, and the number pad on the count fields."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos_app.manager import ShopSettings, ShopSettingsStore
from pos_app.manager.printouts import z_report_escpos
from pos_app.ui.background import pending
from pos_app.ui.manager import ManagerWindow

from .conftest import DAY, MANAGER_PIN, NOW, background_done


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def pad_key(screen, name):
    from PySide6.QtWidgets import QPushButton

    key = screen.findChild(QPushButton, f"close-pad-{name}")
    assert key is not None, name
    return key


def test_closed_day_lists_what_was_sold_after_the_close(qtbot, manager_window, runtime, shop):
    shop.sell("C01", cash=3_000)
    runtime.day_close.close(DAY, {1_000: "3"}, reason="", next_float="0", closed_by="s001")
    screen = manager_window.dayclose
    screen.refresh()
    assert not screen.closed_note.isHidden() and screen.after_table.isHidden()
    assert "12:00에 김매니저님이 마감했습니다" in screen.closed_note.text()
    assert "마감 후 판매나 환불은 없습니다" in screen.closed_note.text()
    assert screen.print_button.isEnabled()

    shop.clock[0] = NOW + dt.timedelta(hours=2, minutes=5)
    late = shop.sell("C02", "C03", cash=10_000)  # 7,500 in cash
    shop.load_cards({1: 50_000})
    shop.sell("M08", points=8_500)
    screen.refresh()
    note = screen.closed_note.text()
    assert "마감 후 판매 2건, 16,000원 (현금 7,500원)" in note
    assert "마감 보고서에 들어 있지 않습니다" in note and "다시 마감" in note
    table = screen.after_table
    assert not table.isHidden() and table.rowCount() == 2
    assert [table.item(0, c).text() for c in range(5)] == [
        "14:05",
        late.sale_no,
        "7,500원",
        "현금 7,500원",
        "이계산",
    ]
    assert table.item(1, 3).text() == "포인트 8,500원"

    # A re-close takes them in: the list is gone.
    screen.count_edits[1_000].setText("10")
    screen.count_edits[500].setText("1")
    screen.reclose_box.setChecked(True)
    click(qtbot, screen.close_button)
    background_done(qtbot)
    assert screen.after_table.isHidden()
    assert "마감 후 판매나 환불은 없습니다" in screen.closed_note.text()


def test_z_report_reprint_works_after_a_restart_and_off_the_ui_thread(qtbot, runtime, shop, tmp_path):
    from pos_app.journal.store import Journal
    from pos_app.runtime import compose
    from sync.client import SyncClient

    printer = tmp_path / "printer.bin"
    store = ShopSettingsStore(shop.journal)
    store.save(
        ShopSettings(shop_name="올리브카페", business_no="220-81-62517", printer=f"file:{printer}"), by="s001"
    )
    shop.sell("C01", "C02", cash=10_000)
    z, _ = runtime.day_close.close(DAY, {1_000: "6", 500: "1"}, reason="", next_float="0", closed_by="s001")
    shop.clock[0] += dt.timedelta(hours=1)
    shop.sell("M01", cash=3_500)  # after the close: the reprint is still the close's own report
    expected = z_report_escpos(z, store.receipt_header(), "김매니저", runtime.config.printer_columns)
    shop.journal.close()

    # The till restarts: a new journal object, new services, a new manager window; nothing in memory.
    journal = Journal(shop.journal.path, "cafe1-1", clock=lambda: shop.clock[0])
    try:
        client = SyncClient(runtime.config.ledger_url, "cafe1-1", runtime.config.token, journal)
        again = compose(runtime.config, journal, client, shop.checkout, clock=lambda: shop.clock[0])
        window = ManagerWindow(again, again.roster.sign_in("s001", MANAGER_PIN))
        qtbot.addWidget(window)
        screen = window.dayclose
        assert screen.last_z is None and screen.print_button.isEnabled()
        click(qtbot, screen.print_button)
        # The click returns at once: the PDF and the printer are the worker's.
        assert pending() == 1 and screen.last_pdf is None and not screen.print_button.isEnabled()
        assert "다시 출력" in screen.message.text()
        background_done(qtbot)
        assert printer.read_bytes() == expected
        assert screen.last_pdf is not None and screen.last_pdf.read_bytes().startswith(b"%PDF")
        assert screen.last_pdf.parent == again.config.receipts_path / "reports"
        assert "마감 보고서 저장" in screen.message.text() and screen.print_button.isEnabled()
    finally:
        journal.close()


def test_reprint_says_so_when_the_printer_cannot_be_reached(qtbot, manager_window, runtime, shop):
    ShopSettingsStore(shop.journal).save(
        ShopSettings(shop_name="올리브카페", business_no="220-81-62517", printer="tcp:127.0.0.1:9"), by="s001"
    )
    runtime.day_close.close(DAY, {}, reason="", next_float="0", closed_by="s001")
    screen = manager_window.dayclose
    screen.refresh()
    click(qtbot, screen.print_button)
    background_done(qtbot)
    assert "마감 보고서 저장" in screen.message.text() and "영수증 프린터" in screen.message.text()
    assert screen.message.property("message") == "error"


def test_number_pad_types_into_the_count_field_touched_last(qtbot, manager_window, shop):
    shop.sell("C01", cash=3_000)
    screen = manager_window.dayclose
    manager_window.tabs.setCurrentIndex(1)
    manager_window.show()
    qtbot.waitExposed(manager_window)
    manager_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is manager_window, timeout=2000)
    ten_thousands, thousands = screen.count_edits[10_000], screen.count_edits[1_000]
    click(qtbot, thousands)
    for key in ("1", "2"):
        click(qtbot, pad_key(screen, key))
    assert thousands.text() == "12" and thousands.hasFocus()
    assert screen.amount_labels[1_000].text() == "12,000원"
    click(qtbot, pad_key(screen, "back"))
    click(qtbot, pad_key(screen, "3"))
    assert thousands.text() == "13"
    click(qtbot, ten_thousands)
    click(qtbot, pad_key(screen, "7"))
    assert ten_thousands.text() == "7" and thousands.text() == "13"
    assert "센 현금 83,000원" in screen.counted_label.text()
    click(qtbot, screen.float_edit)
    click(qtbot, pad_key(screen, "clear"))
    for key in "50000":
        click(qtbot, pad_key(screen, key))
    assert screen.float_edit.text() == "50000"
    # Every key is a touch target at least 48 px high.
    assert all(pad_key(screen, key).height() >= 48 for key in ("0", "1", "back", "clear"))
