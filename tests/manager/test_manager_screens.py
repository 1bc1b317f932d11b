"""pytest-qt tests of the manager's screens: real widgets over a real journal, clicked like a manager would."""

from __future__ import annotations

import csv
import io
import json

import pytest
from PySide6.QtCore import Qt

from pos_app.catalogue_store import CatalogueStore
from pos_app.manager import ShopSettingsStore
from pos_app.staff import Permission, StaffError, StaffProblem
from pos_app.ui.manager import ManagerWindow

from .conftest import CASHIER_PIN, DAY, MANAGER_PIN, background_done


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def some_sales(shop):
    shop.load_cards({1: 50_000})
    a = shop.sell("C01", "C02", cash=10_000)  # 6,500 cash
    shop.sell("M08", card=8_500)
    shop.sell("M05", points=8_000)
    refund = shop.checkout.refund(
        a.entry.id, reason="음료 잘못 나감", manager="s001", cashier="s002", amount=3_000
    )
    assert refund.approved


def test_window_opens_with_korean_tabs(manager_window):
    tabs = manager_window.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "오늘",
        "마감",
        "보고서",
        "메뉴",
        "직원",
        "매장 설정",
    ]
    assert all(tabs.isTabEnabled(i) for i in range(tabs.count()))
    assert manager_window.back_button.text() == "판매 화면으로"


def test_supervisor_sees_only_what_the_role_allows(qtbot, runtime, shop):
    member = shop.roster.add("박책임", "supervisor", "4321")
    window = ManagerWindow(runtime, member)
    qtbot.addWidget(window)
    enabled = [window.tabs.isTabEnabled(i) for i in range(window.tabs.count())]
    assert enabled == [True, False, True, False, False, False]
    assert "매니저" in window.tabs.tabToolTip(1)


def test_manager_pin_is_rate_limited(shop):
    now = [1000.0]
    shop.roster.clock = lambda: now[0]
    for left in (4, 3, 2, 1):
        with pytest.raises(StaffError) as err:
            shop.roster.sign_in("s001", "0000")
        assert err.value.code is StaffProblem.WRONG_PIN and err.value.values == {"left": left}
    with pytest.raises(StaffError):
        shop.roster.sign_in("s001", "0000")
    with pytest.raises(StaffError) as err:  # even the right PIN waits out the lock
        shop.roster.sign_in("s001", MANAGER_PIN)
    assert err.value.code is StaffProblem.LOCKED and err.value.values["seconds"] > 0
    now[0] += 31
    assert shop.roster.authorise("s001", MANAGER_PIN, Permission.CLOSE_DAY).name == "김매니저"
    with pytest.raises(StaffError) as err:
        shop.roster.authorise("s002", CASHIER_PIN, Permission.CLOSE_DAY)
    assert err.value.code is StaffProblem.NOT_PERMITTED


def test_today_shows_totals_chart_and_refunds(manager_window, shop):
    some_sales(shop)
    screen = manager_window.today
    screen.refresh()
    assert screen.net_tile.value.text() == "20,000원"  # 23,000 sold − 3,000 refunded
    assert screen.count_tile.value.text() == "3건"
    assert screen.average_tile.value.text() == "7,666원"
    assert screen.chart.values()[12] == 23_000
    assert screen.tenders.item(1, 0).text() == "현금" and screen.tenders.item(1, 3).text() == "3,500원"
    assert screen.refunds.item(0, 3).text() == "음료 잘못 나감"
    assert (screen.refunds.item(0, 4).text(), screen.refunds.item(0, 5).text()) == ("김매니저", "이계산")
    assert "오프라인 포인트 판매: 1건 (8,000원)" in screen.offline_label.text()
    assert screen.top_products.item(0, 0).text() == "비빔밥"


def fill_count(screen, counts):
    for value, edit in screen.count_edits.items():
        edit.setText(counts.get(value, ""))


def test_day_close_refuses_letters_then_closes_and_prints(qtbot, manager_window, shop, tmp_path):
    some_sales(shop)
    printer_file = tmp_path / "printer.bin"
    ShopSettingsStore(shop.journal).save(
        ShopSettingsStore(shop.journal)
        .current()
        .__class__(shop_name="올리브카페", business_no="220-81-62517", printer=f"file:{printer_file}"),
        by="s001",
    )
    manager_window.tabs.setCurrentIndex(1)
    screen = manager_window.dayclose
    assert "예상 현금 3,500원" in screen.expected_label.text()
    last = shop.journal.last_seq()
    fill_count(screen, {1_000: "세개"})
    assert screen.amount_labels[1_000].text() == "숫자만"
    click(qtbot, screen.close_button)
    assert "1,000원 지폐 개수는 숫자로만" in screen.message.text()
    assert shop.journal.last_seq() == last

    fill_count(screen, {1_000: "3"})
    assert "500원 부족" in screen.difference_label.text()
    click(qtbot, screen.close_button)
    assert "차이 사유를 입력하세요" in screen.message.text()
    assert shop.journal.last_seq() == last

    fill_count(screen, {1_000: "3", 500: "1"})
    assert screen.difference_label.text() == "차이 없음"
    click(qtbot, screen.close_button)
    assert shop.journal.last_seq() == last + 1
    assert "마감했습니다" in screen.message.text()
    background_done(qtbot)  # the Z report is saved and printed off the UI thread
    assert "마감 보고서 저장" in screen.message.text()
    assert screen.last_pdf is not None and screen.last_pdf.read_bytes().startswith(b"%PDF")
    assert printer_file.read_bytes().startswith(b"\x1b@\x1c&")

    # A second close needs the explicit confirmation and then supersedes the first.
    assert not screen.reclose_box.isHidden()
    last = shop.journal.last_seq()
    click(qtbot, screen.close_button)
    assert "이미 마감" in screen.message.text()
    assert shop.journal.last_seq() == last
    screen.reclose_box.setChecked(True)
    click(qtbot, screen.close_button)
    entries = shop.journal.entries(types=["day_close"])
    assert len(entries) == 2 and entries[1].payload["supersedes"] == entries[0].id
    background_done(qtbot)


def test_reports_export_csv_with_bom_and_pdf(qtbot, monkeypatch, manager_window, shop, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(tmp_path)))
    some_sales(shop)
    screen = manager_window.reports
    screen.kind_box.setCurrentIndex(screen.kind_box.findData("product"))
    click(qtbot, screen.show_button)
    assert screen.table.horizontalHeaderItem(1).text() == "상품명"
    assert screen.table.item(0, 1).text() == "비빔밥"
    assert "순매출 20,000원" in screen.totals.text()
    assert screen.export_csv() and screen.export_pdf()
    background_done(qtbot)
    (path,) = tmp_path.glob("report-product-*.csv")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert ["M08", "비빔밥", "1", "8500"] in list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert path.with_suffix(".pdf").read_bytes().startswith(b"%PDF")
    screen.kind_box.setCurrentIndex(screen.kind_box.findData("cashier"))
    report = screen.run()
    assert [(r.label, r.amount) for r in report.rows] == [("이계산", 20_000)]
    assert report.first_day == DAY.replace(day=1) and report.last_day == DAY


def test_catalogue_refuses_bad_prices_and_saves_good_ones(qtbot, manager_window, shop):
    screen = manager_window.catalogue_screen
    changed = []
    manager_window.sig_catalogue_changed.connect(lambda: changed.append(1))
    click(qtbot, screen.new_button)
    screen.name_edit.setText("호떡")
    last = shop.journal.last_seq()
    for bad, words in (("-500", "숫자로만"), ("삼천원", "숫자로만"), ("12.5", "숫자로만"), ("", "숫자로만")):
        screen.price_edit.setText(bad)
        click(qtbot, screen.save_button)
        assert words in screen.message.text(), bad
        assert shop.journal.last_seq() == last
    screen.price_edit.setText("1,500")
    screen.taxable_box.setChecked(False)
    click(qtbot, screen.save_button)
    sku = screen.sku_edit.text()
    item = CatalogueStore(shop.journal).item(sku)  # a fresh reader, as the sale screen is
    assert item is not None and item.price == 1_500 and not item.taxable and changed

    # An open-price service needs no price; the cashier types it.
    click(qtbot, screen.new_button)
    screen.name_edit.setText("운동화 세탁")
    screen.open_price_box.setChecked(True)
    click(qtbot, screen.save_button)
    assert CatalogueStore(shop.journal).item(screen.sku_edit.text()).open_price

    screen.filter_box.setCurrentIndex(screen.filter_box.findData("coffee"))
    screen.select_sku("C02")
    click(qtbot, screen.sold_out_button)
    assert CatalogueStore(shop.journal).item("C02").sold_out
    click(qtbot, screen.up_button)
    order = [i.sku for i in CatalogueStore(shop.journal).items("coffee")]
    assert order.index("C02") < order.index("C01")


def test_staff_add_disable_and_reset_pin(qtbot, manager_window, shop):
    screen = manager_window.staff
    screen.name_edit.setText("최신입")
    screen.pin_edit.setText("12")
    last = shop.journal.last_seq()
    click(qtbot, screen.add_button)
    assert "PIN은 숫자 4~8자리" in screen.message.text()
    assert shop.journal.last_seq() == last
    screen.pin_edit.setText("7777")
    click(qtbot, screen.add_button)
    new = next(m for m in shop.roster.members() if m.name == "최신입")
    assert new.role == "cashier" and shop.roster.sign_in(new.staff_id, "7777")
    screen.new_pin_edit.setText("8888")
    click(qtbot, screen.reset_button)
    assert shop.roster.sign_in(new.staff_id, "8888")
    click(qtbot, screen.toggle_button)
    assert not shop.roster.member(new.staff_id).active
    assert screen.table.item(screen.table.currentRow(), 3).text() == "사용 중지"


def test_settings_refuse_invalid_business_number_and_header_is_used(qtbot, manager_window, shop):
    shop.journal.set_setting("shop", json.dumps({"name": "사무실 등록 상호", "business_no": "220-81-62517"}))
    store = ShopSettingsStore(shop.journal)
    assert store.receipt_header().name == "사무실 등록 상호"
    screen = manager_window.settings
    screen.load()
    assert screen.edits["shop_name"].text() == "사무실 등록 상호"
    screen.edits["shop_name"].setText("올리브카페 해운대점")
    screen.edits["business_no"].setText("123-45-67890")
    last = shop.journal.last_seq()
    click(qtbot, screen.save_button)
    assert "사업자등록번호가 올바르지 않습니다" in screen.message.text()
    assert shop.journal.last_seq() == last
    screen.edits["business_no"].setText("2208162517")
    screen.edits["lock_timeout"].setText("열")
    click(qtbot, screen.save_button)
    assert "화면 잠금 시간" in screen.message.text() and shop.journal.last_seq() == last
    screen.edits["lock_timeout"].setText("300")
    click(qtbot, screen.save_button)
    assert shop.journal.last_seq() == last + 1
    header = store.receipt_header()
    assert (header.name, header.business_no) == ("올리브카페 해운대점", "220-81-62517")
    assert store.current().lock_timeout_seconds == 300


def test_a_forgotten_day_can_be_closed_the_next_morning(qtbot, runtime, shop):
    import datetime as dt

    from PySide6.QtCore import QDate

    shop.sell("C01", cash=3_000)  # sold on DAY, not closed that night
    shop.clock[0] += dt.timedelta(days=1)
    window = ManagerWindow(runtime, shop.roster.sign_in("s001", MANAGER_PIN))
    qtbot.addWidget(window)
    screen = window.dayclose
    assert screen.business_day() == DAY + dt.timedelta(days=1)
    screen.day_edit.setDate(QDate(DAY.year, DAY.month, DAY.day))
    assert "예상 현금 3,000원" in screen.expected_label.text()
    fill_count(screen, {1_000: "3"})
    screen.float_edit.setText("3000")
    click(qtbot, screen.close_button)
    close = shop.journal.entries(types=["day_close"])[-1]
    assert close.payload["business_day"] == DAY.isoformat()
    assert screen.book.opening_float(DAY + dt.timedelta(days=1)) == 3_000


def test_english_without_the_korean_translation(qtbot, runtime, shop):
    from PySide6.QtCore import QCoreApplication

    from pos_app.ui.manager import common

    removed = QCoreApplication.instance().findChildren(common.QTranslator)
    for translator in removed:
        QCoreApplication.removeTranslator(translator)
    try:
        window = ManagerWindow(runtime, shop.roster.sign_in("s001", MANAGER_PIN))
        qtbot.addWidget(window)
        assert window.tabs.tabText(0) == "Today" and window.back_button.text() == "Back to selling"
    finally:  # the tests after this one in the same process read Korean
        for translator in removed:
            QCoreApplication.installTranslator(translator)
