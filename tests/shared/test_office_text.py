"""Resident registration numbers are spotted however they are typed; exported cells never run."""

from __future__ import annotations

import pytest

from sync.shared.office_text import looks_like_rrn, safe_cell, safe_row


@pytest.mark.parametrize(
    "text",
    [
        "900101-1234567",
        "9001011234567",
        "900101 1234567",
        "900101.1234567",
        "900101\u20131234567",  # en dash
        "900101\u20141234567",  # em dash
        "900101\u22121234567",  # minus sign
        "９００１０１－１２３４５６７",  # full-width digits and dash
        "주민번호: 900101 - 1234567 입니다",
    ],
)
def test_a_resident_number_is_spotted_however_it_is_typed(text):
    assert looks_like_rrn(text)


@pytest.mark.parametrize("text", ["010-1234-5678", "2026-11-25", "900000000019", "홍길동", "9001011234"])
def test_phone_numbers_dates_and_card_numbers_are_not_resident_numbers(text):
    assert not looks_like_rrn(text)


@pytest.mark.parametrize(
    "cell", ['=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx"]
)
def test_cells_a_spreadsheet_would_run_are_neutralised(cell):
    assert safe_cell(cell) == "'" + cell


def test_ordinary_cells_and_numbers_are_left_alone():
    assert safe_row(["홍길동", -3000, 0, "카페라테"]) == ["홍길동", -3000, 0, "카페라테"]
