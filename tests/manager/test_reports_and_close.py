"""Day figures, reports and the day close over a real journal: counting rules, CSV, Z report, re-close."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from pos_app.core.dayclose import CashCount, DayCloseError, DayCloseProblem, parse_count
from pos_app.core.reports import csv_bytes, summarise
from pos_app.manager import DayCloseBook, SalesQueries
from pos_app.manager.printouts import report_lines, z_report_escpos, z_report_lines, z_report_pdf
from pos_app.printing.receipt import ShopHeader
from reliability.sales import sale
from sync.shared.clock import business_day_bounds
from sync.shared.entries import SaleCancelled, SaleRejected

from .conftest import DAY, NOW

HEADER = ShopHeader("올리브카페 해운대점", "220-81-62517", "김대표", "부산광역시 해운대구", "051-000-0000")


def day_of_sales(shop):
    """Three approved sales, one refund, one void, an online sale the ledger rejected and one cancelled."""
    shop.load_cards({1: 50_000})
    a = shop.sell("C01", "C02", cash=10_000)  # 6,500 cash
    b = shop.sell("M08", card=8_500)  # 8,500 bank card
    c = shop.sell("M05", points=8_000)  # 8,000 points, offline
    rejected = shop.journal.append(sale(3000, card="900000000019", auth="online"), at=NOW)
    shop.journal.append(SaleRejected(ref=rejected.id, reason="insufficient_points"), at=NOW)
    timed_out = shop.journal.append(sale(3000, card="900000000019", auth="online"), at=NOW)
    shop.journal.append(SaleCancelled(ref=timed_out.id, reason="card_daily_cap"), at=NOW)
    refund = shop.checkout.refund(
        a.entry.id, reason="음료 잘못 나감", manager="s001", cashier="s002", amount=3_000
    )
    assert refund.approved, refund.code
    void = shop.checkout.refund(b.entry.id, reason="주문 취소", manager="s001", cashier="s002", kind="void")
    assert void.approved
    return a, b, c


def test_day_summary_counts_only_approved_sales_and_nets_refunds(shop):
    day_of_sales(shop)
    summary = SalesQueries(shop.journal).day_summary(DAY)
    assert summary.sales_count == 3
    assert (summary.gross.points, summary.gross.cash, summary.gross.bank_card) == (8_000, 6_500, 8_500)
    assert (summary.refunds.cash, summary.refunds.bank_card) == (3_000, 8_500)
    assert summary.net.total == 23_000 - 11_500
    assert summary.average_ticket == 23_000 // 3
    assert (summary.refund_count, summary.void_count) == (1, 1)


def test_sql_totals_agree_with_reference_arithmetic(shop):
    day_of_sales(shop)
    start, end = business_day_bounds(DAY)
    entries = shop.journal.entries()
    undone = {e.payload["ref"] for e in entries if e.type in ("sale_rejected", "sale_cancelled")}
    sales = [
        (e.payload["total"], e.payload["points"], e.payload["cash"], e.payload["bank_card"])
        for e in entries
        if e.type == "sale" and e.id not in undone
    ]
    refunds = [
        (e.type, e.payload["points"], e.payload["cash"], e.payload["bank_card"])
        for e in entries
        if e.type in ("refund", "void")
    ]
    assert SalesQueries(shop.journal).summary(start, end) == summarise(sales, refunds)


def test_glance_has_hours_top_products_refunds_and_unsynced(shop):
    day_of_sales(shop)
    glance = SalesQueries(shop.journal).glance(DAY)
    assert glance.by_hour[12] == 23_000 and sum(glance.by_hour) == 23_000  # 03:00 UTC is 12 in Seoul
    assert glance.top_products[0].name == "비빔밥"
    assert [(r.kind, r.reason, r.manager) for r in glance.refunds] == [
        ("refund", "음료 잘못 나감", "s001"),
        ("void", "주문 취소", "s001"),
    ]
    assert glance.unsynced["sale"] == 5 and glance.unsynced_total == len(shop.journal.entries())
    assert glance.offline.pending_count == 1 and glance.offline.pending_points == 8_000


def test_business_day_is_seoul_midnight_to_midnight(shop):
    shop.clock[0] = dt.datetime(2026, 11, 25, 14, 59, tzinfo=dt.UTC)  # 23:59 Seoul
    shop.sell("C01", cash=3_000)
    shop.clock[0] = dt.datetime(2026, 11, 25, 15, 1, tzinfo=dt.UTC)  # 00:01 Seoul, the next day
    shop.sell("C02", cash=3_500)
    q = SalesQueries(shop.journal)
    assert q.day_summary(DAY).gross.cash == 3_000
    assert q.day_summary(DAY + dt.timedelta(days=1)).gross.cash == 3_500
    report = q.report("day", DAY, DAY + dt.timedelta(days=1))
    assert [(r.key, r.amount) for r in report.rows] == [("2026-11-25", 3_000), ("2026-11-26", 3_500)]


def test_reports_by_product_category_tender_cashier_and_csv_with_bom(shop):
    day_of_sales(shop)
    q = SalesQueries(shop.journal)

    def category_of(sku):
        item = shop.catalogue.item(sku)
        cats = {c.category_id: c.name for c in shop.catalogue.categories()}
        return (item.category_id, cats.get(item.category_id, "")) if item else ("", "")

    by_category = q.report("category", DAY, DAY, category_of=category_of)
    assert {r.label: r.amount for r in by_category.rows} == {"식사": 16_500, "커피·음료": 6_500}
    by_tender = q.report("tender", DAY, DAY)
    assert {r.key: r.amount for r in by_tender.rows} == {"points": 8_000, "cash": 3_500, "bank_card": 0}
    by_cashier = q.report("cashier", DAY, DAY, staff_name=lambda sid: {"s002": "이계산"}.get(sid, sid))
    assert [(r.label, r.count, r.amount) for r in by_cashier.rows] == [("이계산", 3, 11_500)]
    data = csv_bytes(q.report("product", DAY, DAY))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["상품 코드", "상품명", "수량", "판매 금액(원)"]
    assert ["M08", "비빔밥", "1", "8500"] in rows
    assert any("비빔밥" in line for line in report_lines(q.report("product", DAY, DAY)))


def test_close_writes_one_entry_and_carries_the_float(shop, tmp_path):
    day_of_sales(shop)
    book = DayCloseBook(shop.journal, initial_float=lambda: 100_000, clock=lambda: shop.clock[0])
    draft = book.draft(DAY)
    assert draft.opening_float == 100_000
    assert draft.expected_cash == 100_000 + 6_500 - 3_000
    counts = {10_000: "10", 1_000: "3", 500: "1"}  # 103,500
    z, entry = book.close(DAY, counts, reason="", next_float="100,000", closed_by="s001")
    assert entry.type == "day_close" and entry.payload["difference"] == 0
    assert entry.payload["supersedes"] is None
    assert book.opening_float(DAY + dt.timedelta(days=1)) == 100_000
    lines = z_report_lines(z, HEADER, "김매니저")
    assert any("마감자" in line and "김매니저 (s001)" in line for line in lines)
    assert any("예상 현금" in line and "103,500" in line for line in lines)
    assert all(len(line.encode("cp949")) <= 42 for line in lines)  # CP949: Hangul is 2 bytes = 2 columns
    escpos = z_report_escpos(z, HEADER)
    assert escpos.startswith(b"\x1b@\x1c&") and "마감 보고서".encode("cp949") in escpos
    assert z_report_pdf(z, HEADER, "김매니저", tmp_path / "z.pdf").read_bytes().startswith(b"%PDF")


def test_difference_needs_a_reason_and_nothing_is_written(shop):
    day_of_sales(shop)
    book = DayCloseBook(shop.journal, clock=lambda: shop.clock[0])
    last = shop.journal.last_seq()
    with pytest.raises(DayCloseError) as err:
        book.close(DAY, {1_000: "3"}, reason=" ", next_float="0", closed_by="s001")
    assert err.value.code is DayCloseProblem.CASH_SHORT_NEEDS_REASON and err.value.values == {"amount": 500}
    assert shop.journal.last_seq() == last
    z, _ = book.close(DAY, {1_000: "3"}, reason="거스름돈 착오", next_float="0", closed_by="s001")
    assert z.difference == 3_000 - 3_500


def test_cash_count_with_letters_is_refused_with_the_denomination(shop):
    book = DayCloseBook(shop.journal, clock=lambda: shop.clock[0])
    last = shop.journal.last_seq()
    with pytest.raises(DayCloseError) as err:
        book.close(DAY, {10_000: "열", 1_000: "2"}, reason="", next_float="0", closed_by="s001")
    assert err.value.code is DayCloseProblem.COUNT_NOT_NUMBER
    assert err.value.values == {"denomination": 10_000}
    for bad in ("-1", "1.5", "3a", "１２"):
        with pytest.raises(DayCloseError):
            parse_count(bad, 500)
    assert shop.journal.last_seq() == last
    assert CashCount.from_texts({50_000: "1", 10: "3개"}).total == 50_030


def test_second_close_needs_confirmation_and_supersedes(shop):
    shop.sell("C01", cash=3_000)
    book = DayCloseBook(shop.journal, clock=lambda: shop.clock[0])
    _, first = book.close(DAY, {1_000: "3"}, reason="", next_float="0", closed_by="s001")
    last = shop.journal.last_seq()
    with pytest.raises(DayCloseError) as err:
        book.close(DAY, {1_000: "3"}, reason="", next_float="0", closed_by="s001")
    assert err.value.code is DayCloseProblem.ALREADY_CLOSED
    assert shop.journal.last_seq() == last
    shop.sell("C02", cash=3_500)
    z, second = book.close(
        DAY, {1_000: "6", 500: "1"}, reason="", next_float="0", closed_by="s001", confirm_reclose=True
    )
    assert second.payload["supersedes"] == first.id and z.summary.sales_count == 2
    assert [e.id for e in book.closes(DAY)] == [first.id, second.id]
    assert book.current_close(DAY).id == second.id
    assert "재마감" in z_report_lines(z, HEADER)[0]


def test_float_larger_than_counted_cash_is_refused(shop):
    book = DayCloseBook(shop.journal, clock=lambda: shop.clock[0])
    with pytest.raises(DayCloseError) as err:
        book.close(DAY, {1_000: "1"}, reason="x", next_float="50000", closed_by="s001")
    assert err.value.code is DayCloseProblem.FLOAT_OVER_COUNTED
    assert err.value.values == {"next_float": 50_000, "counted": 1_000}


def test_sales_after_the_close_are_listed_and_left_out_of_the_close(shop):
    """A sale after the close belongs to the closed business day, but only a re-close takes it in."""
    first = shop.sell("C01", cash=3_000)
    book = DayCloseBook(shop.journal, clock=lambda: shop.clock[0])
    assert book.after_close(DAY) is None
    z, close = book.close(DAY, {1_000: "3"}, reason="", next_float="0", closed_by="s001")
    after = book.after_close(DAY)
    assert after is not None and after.close.id == close.id and not after.anything

    shop.clock[0] += dt.timedelta(hours=2)
    shop.load_cards({1: 50_000})
    late_cash = shop.sell("C02", cash=5_000)  # 3,500 in cash
    late_points = shop.sell("M08", points=8_500)
    back = shop.checkout.refund(first.entry.id, reason="식음", manager="s001", cashier="s002", amount=1_000)
    assert back.approved
    after = book.after_close(DAY)
    assert after is not None
    assert [s.sale_no for s in after.sales] == [late_cash.sale_no, late_points.sale_no]
    assert [s.total for s in after.sales] == [3_500, 8_500]
    assert after.sold.points == 8_500 and after.sold.cash == 3_500
    assert (after.refund_count, after.refunds.cash) == (1, 1_000)
    assert after.cash_change == 2_500
    assert after.closed_at == NOW and after.closed_by == "s001"
    assert after.sales[0].at == NOW + dt.timedelta(hours=2) and after.sales[0].cashier == "s002"
    # The day's reports count the late sales; the standing close does not.
    assert book.queries.day_summary(DAY).sales_count == 3
    assert book.standing_z_report(DAY).summary.sales_count == 1
    # The next business day is not closed and starts from the close's float, not from the late cash.
    assert book.after_close(DAY + dt.timedelta(days=1)) is None
    assert book.draft(DAY + dt.timedelta(days=1)).expected_cash == 0
    # A re-close takes them in, and nothing is after it any more.
    book.close(DAY, {1_000: "5", 500: "1"}, reason="", next_float="0", closed_by="s001", confirm_reclose=True)
    assert not book.after_close(DAY).anything
    assert z.summary.sales_count == 1


def test_z_report_is_rebuilt_from_the_journal_after_a_restart(shop, tmp_path):
    from pos_app.journal.store import Journal

    day_of_sales(shop)
    book = DayCloseBook(shop.journal, initial_float=lambda: 100_000, clock=lambda: shop.clock[0])
    z, close = book.close(
        DAY, {10_000: "10", 1_000: "3", 500: "1"}, reason="", next_float="50000", closed_by="s001"
    )
    printed = z_report_lines(z, HEADER, "김매니저")
    shop.clock[0] += dt.timedelta(hours=1)
    shop.sell("M01", "M01", "M01", cash=10_500)  # after the close: not in the reprint's top products
    path = shop.journal.path
    shop.journal.close()

    reopened = Journal(path, "cafe1-1")  # the till after a restart: nothing in memory
    try:
        rebuilt = DayCloseBook(reopened).standing_z_report(DAY)
        assert rebuilt is not None and rebuilt == z
        assert z_report_lines(rebuilt, HEADER, "김매니저") == printed
        assert DayCloseBook(reopened).z_report(reopened.entry(close.id)) == z
        assert DayCloseBook(reopened).standing_z_report(DAY + dt.timedelta(days=1)) is None
    finally:
        reopened.close()
        shop.journal = Journal(path, "cafe1-1")  # the fixture closes it
