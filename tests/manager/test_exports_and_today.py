"""Saving reports where the manager chooses (remembered, written off the UI thread, 폴더 열기 after),
the daily CSV split by tender, and 관리 › 오늘 with no text cut off at 1024×768."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFontMetrics
from PySide6.QtWidgets import QFileDialog, QStyle, QTableWidget, QWidget

from pos_app.core.reports import DAY_CSV_COLUMNS
from pos_app.manager import ExportFolder
from pos_app.ui.background import pending
from pos_app.ui.manager import ManagerWindow, install_translator
from pos_app.ui.theme import style_for

from .conftest import DAY, MANAGER_PIN, background_done


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def some_sales(shop, reason="음료 잘못 나감"):
    shop.load_cards({1: 50_000})
    a = shop.sell("C01", "C02", cash=10_000)  # 6,500 cash
    shop.sell("M08", card=8_500)
    shop.sell("M05", points=8_000)
    assert shop.checkout.refund(
        a.entry.id, reason=reason, manager="s001", cashier="s002", amount=3_000
    ).approved


class Desk:
    """The manager's answers to the folder question, and the folders the till asked to open."""

    def __init__(self, monkeypatch, answer: Path | str) -> None:
        self.answer = answer
        self.asked_from: list[str] = []
        self.opened: list[QUrl] = []

        def ask(parent, caption, start="", *args, **kwargs):
            self.asked_from.append(start)
            return str(self.answer)

        def open_url(url):
            self.opened.append(url)
            return True

        monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(ask))
        monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))


def rows_of(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads Hangul only with the BOM
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_report_export_asks_for_the_folder_remembers_it_and_opens_it(
    qtbot, monkeypatch, manager_window, runtime, shop, tmp_path
):
    some_sales(shop)
    documents = tmp_path / "Documents"
    documents.mkdir()
    from PySide6.QtCore import QStandardPaths

    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(lambda _where: str(documents)))
    chosen = tmp_path / "usb"
    chosen.mkdir()
    desk = Desk(monkeypatch, chosen)
    screen = manager_window.reports
    screen.kind_box.setCurrentIndex(screen.kind_box.findData("product"))
    assert screen.saver.open_button.isHidden()
    click(qtbot, screen.csv_button)
    # The file is written by a worker: the click has returned before it is there.
    assert pending() == 1 and "저장하는 중" in screen.message.text()
    background_done(qtbot)
    path = chosen / f"report-product-{DAY.replace(day=1).isoformat()}-{DAY.isoformat()}.csv"
    assert ["M08", "비빔밥", "1", "8500"] in rows_of(path)
    assert desk.asked_from == [str(documents)]  # first time: the manager's Documents
    assert screen.message.text() == f"저장했습니다: {path}"
    assert not screen.saver.open_button.isHidden() and screen.saver.open_button.text() == "폴더 열기"
    click(qtbot, screen.saver.open_button)
    assert desk.opened == [QUrl.fromLocalFile(str(chosen))]

    click(qtbot, screen.pdf_button)
    background_done(qtbot)
    assert desk.asked_from[-1] == str(chosen)  # the folder chosen last
    assert path.with_suffix(".pdf").read_bytes().startswith(b"%PDF")

    # After a restart the till still starts in that folder (a setting of this PC, not an entry).
    assert ExportFolder(shop.journal).last() == chosen
    assert not [e for e in shop.journal.entries() if "export" in e.type]
    again = ManagerWindow(runtime, shop.roster.sign_in("s001", MANAGER_PIN))
    qtbot.addWidget(again)
    assert again.today.saver is not None and again.today.saver.start_folder() == chosen


def test_cancelled_or_refused_folder_writes_nothing_and_says_why(
    qtbot, monkeypatch, manager_window, tmp_path
):
    screen = manager_window.reports
    desk = Desk(monkeypatch, "")  # 취소
    assert screen.export_csv() is False and pending() == 0
    assert not list(tmp_path.glob("**/report-*.csv"))
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("x")
    desk.answer = not_a_folder
    click(qtbot, screen.csv_button)
    background_done(qtbot)
    assert screen.message.property("message") == "error"
    assert str(not_a_folder) in screen.message.text() and "다른 폴더" in screen.message.text()
    assert screen.saver.open_button.isHidden()


def test_daily_csv_splits_each_day_by_tender_with_refunds(qtbot, monkeypatch, manager_window, shop, tmp_path):
    some_sales(shop, reason="=HYPERLINK(1)")
    Desk(monkeypatch, tmp_path)
    screen = manager_window.reports
    screen.kind_box.setCurrentIndex(screen.kind_box.findData("day"))
    screen.set_range(0)  # today
    click(qtbot, screen.csv_button)
    background_done(qtbot)
    rows = rows_of(tmp_path / f"report-day-{DAY.isoformat()}-{DAY.isoformat()}.csv")
    assert tuple(rows[0]) == DAY_CSV_COLUMNS
    #           day, weekday, sales, points, cash, card, refunded points, cash, card, net
    assert rows[1] == [DAY.isoformat(), "수", "3", "8000", "6500", "8500", "0", "-3000", "0", "20000"]
    assert rows[-1] == ["합계", "", "3", "8000", "6500", "8500", "0", "-3000", "0", "20000"]
    for row in rows[1:]:
        assert sum(int(v) for v in row[3:9]) == int(row[9])  # each row adds up to its net

    # 오늘 saves the same split for today, in the folder chosen.
    today = manager_window.today
    click(qtbot, today.csv_button)
    background_done(qtbot)
    assert rows_of(tmp_path / f"today-{DAY.isoformat()}.csv")[1] == rows[1]
    assert not today.message.isHidden() and today.saver is not None and not today.saver.open_button.isHidden()


def _margin(table: QTableWidget) -> int:
    # QCommonStyle lays a cell's text out inside this margin on each side.
    return table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1


def cut_off(table: QTableWidget, wrapping: frozenset[int] = frozenset()) -> list[str]:
    """Every header or cell whose text is wider than its column (or, wrapped, taller than its row)."""
    problems = []
    header = table.horizontalHeader()
    if table.horizontalScrollBar().maximum() > 0:
        problems.append("the columns do not all fit: a horizontal scroll bar")
    for column in range(table.columnCount()):
        width = table.columnWidth(column)
        if header.sectionSizeFromContents(column).width() > width:
            problems.append(f"header {table.horizontalHeaderItem(column).text()!r} is wider than {width}")
        room = width - 2 * _margin(table)
        for row in range(table.rowCount()):
            item = table.item(row, column)
            if item is None or not item.text():
                continue
            metrics = QFontMetrics(item.font())
            text = item.text()
            if column in wrapping:
                words = max(metrics.horizontalAdvance(w) for w in text.split())
                needed = metrics.boundingRect(
                    QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, text
                ).height()
                if words > room or needed > table.rowHeight(row):
                    problems.append(f"{text!r} does not fit {room}×{table.rowHeight(row)}")
            elif metrics.horizontalAdvance(text) > room:
                problems.append(f"{text!r} is {metrics.horizontalAdvance(text)} px in a {room} px column")
    return problems


def shows_every_row(table: QTableWidget) -> bool:
    last = table.rowCount() - 1
    return table.rowViewportPosition(last) + table.rowHeight(last) <= table.viewport().height()


@pytest.mark.parametrize("till_style", [False, True], ids=["alone", "over-the-till"])
@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)], ids=["1024x768", "1920x1080"])
def test_today_cuts_no_text_off(qtbot, runtime, shop, till_style, size):
    some_sales(shop, reason="손님이 음료가 너무 달다고 하셔서 새로 만들어 드리고 값은 돌려드림")
    shop.roster.add("남궁민수", "manager", "9999")
    shop.checkout.refund(
        shop.checkout.recent_sales(5)[0].entry.id,
        reason="주문 취소",
        manager="s003",
        cashier="s002",
        kind="void",
    )
    install_translator(language="ko")  # the words measured are the Korean ones, whatever ran before
    parent = None
    if till_style:  # in the till the window opens over the sale screen, whose style sheet also applies
        parent = QWidget()
        parent.setStyleSheet(style_for(1.0 if size[0] < 1200 else 1.4))
        qtbot.addWidget(parent)
    window = ManagerWindow(runtime, shop.roster.sign_in("s001", MANAGER_PIN), parent)
    if parent is None:
        qtbot.addWidget(window)  # else it goes with its parent
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    assert (window.width(), window.height()) == size
    screen = window.today
    assert screen.tenders.item(3, 0).text() == "합계" and screen.refunds.rowCount() == 2
    assert cut_off(screen.tenders) == []
    assert cut_off(screen.top_products) == []
    assert cut_off(screen.refunds, wrapping=frozenset({3})) == []
    assert shows_every_row(screen.tenders) and shows_every_row(screen.top_products)
    assert screen.tenders.verticalScrollBar().maximum() == 0
    assert {screen.refunds.item(r, 4).text() for r in range(2)} == {"김매니저", "남궁민수"}
