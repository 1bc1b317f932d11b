"""Report CSV: Hangul for Excel (BOM) and no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import datetime as dt
import io

from pos_app.core.reports import Report, ReportRow, SalesSummary, TenderTotals, csv_bytes


def test_a_product_named_like_a_formula_is_exported_as_text():
    report = Report(
        kind="product",
        first_day=dt.date(2026, 11, 25),
        last_day=dt.date(2026, 11, 25),
        columns=("상품 코드", "상품명", "수량", "판매 금액(원)"),
        rows=(
            ReportRow("X1", '=HYPERLINK("http://evil","클릭")', 1, 3000),
            ReportRow("X2", "+cmd|' /C calc'!A0", 2, 4000),
            ReportRow("C01", "아메리카노", 3, 9000),
        ),
        summary=SalesSummary(6, TenderTotals(cash=16_000), TenderTotals()),
    )
    data = csv_bytes(report)
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[1][1].startswith("'=") and rows[2][1].startswith("'+")
    assert rows[3] == ["C01", "아메리카노", "3", "9000"]
