"""Card sheets for handing cards out: grouped by centre and workplace, each group on new pages with
its receipt list (card number, masked name, participant id, a column to sign in), then its cards."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess

import pytest

from sync.admin.card_sheet import (
    ROWS_PER_LIST_PAGE,
    PrintedCard,
    hand_out_groups,
    write_card_csv,
    write_card_sheet,
)
from sync.shared.cards.keys import new_issuer_key
from sync.shared.cards.number import format_card_number, make_card_number
from sync.shared.cards.token import CardToken, sign_card

EXPIRES = dt.date(2026, 12, 31)
PEOPLE = [
    ("P3", "홍길동", "해운대지역자활센터", "올리브카페"),
    ("P1", "김철수", "해운대지역자활센터", "올리브카페"),
    ("P2", "남궁민수", "수영지역자활센터", "세탁사업단"),
    ("P4", "이영희", "해운대지역자활센터", "올리브식당"),
    ("P5", "박지성", "", ""),
]


def printed(people=PEOPLE) -> list[PrintedCard]:
    key = new_issuer_key()
    cards = []
    for serial, (pid, name, centre, workplace) in enumerate(people, start=1):
        number = make_card_number(serial)
        payload = sign_card(CardToken(number, 1, EXPIRES), key)
        cards.append(PrintedCard(number, 1, EXPIRES, payload, pid, name, centre, workplace))
    return cards


def pdf_pages(path) -> list[str]:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return text.stdout.split("\f")[:-1]


def test_cards_are_grouped_by_centre_then_workplace_and_ordered_by_name():
    groups = hand_out_groups(printed())
    assert [(g.centre, g.workplace, [c.name for c in g.cards]) for g in groups] == [
        ("수영지역자활센터", "세탁사업단", ["남궁민수"]),
        ("해운대지역자활센터", "올리브식당", ["이영희"]),
        ("해운대지역자활센터", "올리브카페", ["김철수", "홍길동"]),
        ("", "", ["박지성"]),  # without a centre: last, and named so on the sheet
    ]
    assert groups[-1].label == "센터 미지정 · 사업단 미지정"


def test_each_group_starts_a_new_page_with_its_receipt_list(tmp_path):
    cards = printed()
    sheet = write_card_sheet(cards, tmp_path / "cards.pdf", printed_on=dt.date(2026, 11, 25))
    assert (sheet.cards, sheet.groups, sheet.pages) == (5, 4, 8)  # a list page and a card page each
    pages = pdf_pages(sheet.path)
    assert len(pages) == 8
    lists, card_pages = pages[0::2], pages[1::2]
    assert all("카드 수령 확인" in page and "수령 서명" in page for page in lists)
    assert (
        "해운대지역자활센터 · 올리브카페" in lists[2] and "카드 2장" in lists[2] and "2026-11-25" in lists[2]
    )
    by_id = {c.participant_id: c for c in cards}
    kim, hong = by_id["P1"], by_id["P3"]
    rows = [line.split() for line in lists[2].splitlines() if line.strip().startswith(("1 ", "2 "))]
    assert [[row[0], " ".join(row[1:4]), *row[4:6]] for row in rows] == [
        ["1", format_card_number(kim.number), "김*수", "P1"],
        ["2", format_card_number(hong.number), "홍*동", "P3"],
    ]
    assert "남**수" in lists[0] and "전달한 담당자" in lists[0]
    # The cards follow their list, in its order; a page's group is named outside the cut lines only.
    assert (
        format_card_number(kim.number) in card_pages[2] and format_card_number(hong.number) in card_pages[2]
    )
    assert card_pages[2].index(format_card_number(kim.number)) < card_pages[2].index(
        format_card_number(hong.number)
    )
    assert "해운대지역자활센터 · 올리브카페 — 카드 1/1쪽" in card_pages[2]
    # Full names are never printed: masked on the list, absent from the cards.
    assert not any(name in "".join(pages) for _, name, _, _ in PEOPLE)


def test_a_long_group_continues_its_list_on_the_next_page(tmp_path):
    people = [(f"A{n:03d}", f"참여자{n:03d}", "센터", "카페") for n in range(ROWS_PER_LIST_PAGE + 3)]
    sheet = write_card_sheet(printed(people), tmp_path / "cards.pdf")
    pages = pdf_pages(sheet.path)
    # Two list pages, then the cards ten a page.
    assert sheet.pages == len(pages) == 2 + -(-len(people) // 10)
    assert "수령 목록 1/2쪽" in pages[0] and "수령 목록 2/2쪽" in pages[1]
    assert "전달한 담당자" not in pages[0] and "전달한 담당자" in pages[1]
    assert f"A{ROWS_PER_LIST_PAGE:03d}" in pages[1] and f"A{ROWS_PER_LIST_PAGE:03d}" not in pages[0]


def test_the_offices_csv_is_in_the_sheets_order_with_centre_and_workplace(tmp_path):
    path = write_card_csv(printed(), tmp_path / "cards.csv")
    with open(path, encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["participant_id"] for r in rows] == ["P2", "P4", "P1", "P3", "P5"]
    assert (rows[0]["centre"], rows[0]["workplace"], rows[0]["name"]) == (
        "수영지역자활센터",
        "세탁사업단",
        "남궁민수",
    )


def test_issue_cards_prints_the_groups_and_audits_the_export(tmp_path, capsys):
    from sync.admin.cli import main as admin
    from sync.ledger.service import Ledger
    from tests.admin.test_admin_cli import setup_programme

    db = f"sqlite:///{tmp_path / 'ledger.sqlite3'}"
    key = setup_programme(tmp_path, db)  # 홍길동 of 해운대 · 올리브카페, 남궁민수 of 수영 · 청소사업단
    out = tmp_path / "cards"
    capsys.readouterr()
    assert (
        admin(
            [
                "--database",
                db,
                "--operator",
                "kim",
                "issue-cards",
                "--key-file",
                str(key),
                "--out-dir",
                str(out),
            ]
        )
        == 0
    )
    assert "카드 2장을 센터·사업단별 2묶음으로" in capsys.readouterr().out
    row = Ledger(db).audit_log(action="issue_cards")[0]
    assert row.operator == "kim" and row.after["groups"] == 2 and row.after["pages"] == 4
    with open(out / "cards.csv", encoding="utf-8-sig") as handle:
        assert [(r["centre"], r["name"]) for r in csv.DictReader(handle)] == [
            ("수영", "남궁민수"),
            ("해운대", "홍길동"),
        ]
    pages = pdf_pages(out / "cards.pdf")
    assert "수영 · 청소사업단" in pages[0] and "남**수" in pages[0] and "해운대 · 올리브카페" in pages[2]
