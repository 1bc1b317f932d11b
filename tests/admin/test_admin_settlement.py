"""`allive-admin` settlement commands and files on SQLite and PostgreSQL: bank details, statements
(CSV with a BOM and neutralised cells, a Korean PDF), the bank transfer file and payments."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from reliability.world import pg_reachable, pg_schema
from sync.admin.cli import main as admin
from sync.admin.statement_files import (
    file_stem,
    transfer_memo,
    write_statement_csv,
    write_statement_pdf,
    write_transfer_file,
)
from sync.ledger.settlement import Period
from tests.ledger.settlement_world import CAFE_NOVEMBER, YEAR, kst, november

NOVEMBER = Period.month(YEAR, 11)
ISSUED = kst(12, 3, 9, 0)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.sqlite3'}"
        return
    if not pg_reachable():
        pytest.skip("PostgreSQL unreachable")
    with pg_schema("adm") as url:
        yield url


def rows(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Korean Excel opens it as Korean
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def pdf_text(path: Path) -> str:
    assert path.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


# -- files -----------------------------------------------------------------------------------------------


def test_statement_csv_has_a_bom_the_figures_and_no_formulas(tmp_path, db):
    world = november(db)
    ledger = world.ledger
    ledger.add_shop("evil", '=HYPERLINK("http://x","y")')
    ledger.set_shop_bank("evil", "신한", "110-123-456789", "@SUM(A1)")
    ledger.set_shop_bank("cafe1", "KB국민", "123-456-787890", "올리브카페")
    s = ledger.statement("cafe1", NOVEMBER)
    found = rows(write_statement_csv(s, tmp_path / "s.csv", ISSUED))
    assert found[0] == ["올리브 마켓 포인트 정산 내역서"]
    summary = {r[0]: r[1] for r in found if len(r) == 2}
    assert summary["정산 금액"] == str(CAFE_NOVEMBER["net"])
    assert summary["미지급 잔액"] == str(CAFE_NOVEMBER["net"])
    assert summary["입금 계좌"] == "KB국민 123-***-**7890 (올리브카페)"  # masked on a statement
    days = {r[0]: r for r in found if len(r) == 6 and r[0][:4] == str(YEAR)}
    assert len(days) == 30
    assert days[f"{YEAR}-11-10"] == [f"{YEAR}-11-10", "화", "1", "8000", "-8000", "0"]
    assert days[f"{YEAR}-11-30"][2:] == ["2", "8500", "0", "8500"]
    assert sum(int(r[5]) for r in days.values()) == CAFE_NOVEMBER["points"] - CAFE_NOVEMBER["refunds"]
    claims = [r for r in found if len(r) == 7 and r[1] == "cafe1-1"]
    assert [(r[2], r[4], r[6]) for r in claims] == [("10000", "승인", "10000"), ("5000", "거절", "0")]

    evil = rows(write_statement_csv(ledger.statement("evil", NOVEMBER), tmp_path / "e.csv", ISSUED))
    cells = [c for r in evil for c in r]
    assert '\'=HYPERLINK("http://x","y") (evil)' in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "@") or (c[:1] == "-" and not c[1:].isdigit())]


def test_statement_pdf_is_korean_with_the_figures(tmp_path, db):
    world = november(db)
    s = world.ledger.statement("cafe1", NOVEMBER)
    path = write_statement_pdf(s, tmp_path / f"{file_stem(s)}.pdf", ISSUED)
    assert path.name == f"statement-cafe1-{YEAR}-11.pdf"
    shown = pdf_text(path)
    for expected in (
        "올리브 마켓 포인트 정산 내역서",
        "올리브카페 해운대점",
        "정산 금액",
        "81,500",
        "-10,500",
    ):
        assert expected in shown
    assert "카드 하루 오프라인 한도 초과" in shown and "등록된 계좌 없음" in shown
    # The same statement issued at the same time is the same file.
    again = write_statement_pdf(s, tmp_path / "again.pdf", ISSUED)
    assert again.read_bytes() == path.read_bytes()
    english = pdf_text(write_statement_pdf(s, tmp_path / "en.pdf", ISSUED, lang="en"))
    assert "Owed for the period" in english and "81,500" in english


def test_transfer_file_carries_the_whole_account_and_a_korean_memo(tmp_path, db):
    world = november(db)
    world.ledger.set_shop_bank("cafe1", "국민", "123-456-787890", "=올리브카페")
    batch = world.ledger.transfers(NOVEMBER)
    found = rows(write_transfer_file(batch, tmp_path / "bank.csv", lang="en"))
    assert found == [
        ["bank", "bank code", "account", "holder", "amount", "memo", "shop"],
        ["KB국민", "004", "123-456-787890", "'=올리브카페", "81500", f"올리브 {YEAR}-11 정산 cafe1", "cafe1"],
    ]
    assert transfer_memo("2026-11", "cafe1") == "올리브 2026-11 정산 cafe1"


# -- commands --------------------------------------------------------------------------------------------


def test_shop_bank_command_checks_masks_and_audits(db, capsys):
    november(db)
    run = ["--database", db, "--operator", "office-kim"]
    assert admin([*run, "shop-bank", "cafe1"]) == 1
    assert "입금 계좌가 없습니다" in capsys.readouterr().out
    assert (
        admin(
            [
                *run,
                "shop-bank",
                "cafe1",
                "--bank",
                "국민",
                "--account",
                "123-456-787890",
                "--holder",
                "올리브카페",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "KB국민 123-***-**7890" in out and "787890" not in out.replace("**7890", "")
    assert (
        admin(
            [*run, "shop-bank", "cafe1", "--bank", "올리브은행", "--account", "1234567890", "--holder", "x"]
        )
        == 2
    )
    assert "모르는 은행 '올리브은행'" in capsys.readouterr().err
    assert admin([*run, "shop-bank", "cafe1", "--bank", "신한", "--account", "12-34", "--holder", "x"]) == 2
    assert "10~16자리" in capsys.readouterr().err
    assert admin([*run, "--lang", "en", "shop-bank", "cafe1", "--bank", "신한"]) == 2
    assert "give all of --bank, --account and --holder" in capsys.readouterr().err
    assert admin([*run, "shop-banks"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].startswith("매장\t")
    assert "cafe1\t올리브카페 해운대점\tKB국민\t123-***-**7890\t올리브카페" in listed
    from sync.ledger.service import Ledger

    ledger = Ledger(db)
    try:
        row = ledger.audit_log(action="set_shop_bank")[0]
        assert (row.operator, row.after["account_no"]) == ("office-kim", "123-***-**7890")
    finally:
        ledger.dispose()


def test_statement_and_bank_file_commands(tmp_path, db, capsys):
    world = november(db)
    world.ledger.set_shop_bank("cafe1", "KB국민", "123-456-787890", "올리브카페")
    run = ["--database", db, "--operator", "office-kim"]
    out = tmp_path / "out"
    assert admin([*run, "statement", "cafe1", "--month", f"{YEAR}-11", "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "정산 금액 81,500원" in said and "미지급 잔액 81,500원" in said
    assert {p.name for p in out.iterdir()} == {
        f"statement-cafe1-{YEAR}-11.csv",
        f"statement-cafe1-{YEAR}-11.pdf",
    }
    assert admin([*run, "statement", "--all", "--month", f"{YEAR}-11", "--out", str(out)]) == 0
    assert len(list(out.iterdir())) == 4
    assert admin([*run, "statement", "--month", f"{YEAR}-11"]) == 2
    assert "--all" in capsys.readouterr().err
    assert admin([*run, "statement", "cafe1", "--month", "11월"]) == 2
    assert "YYYY-MM" in capsys.readouterr().err

    bank = tmp_path / "bank.csv"
    assert admin([*run, "bank-file", "--month", f"{YEAR}-11", "--out", str(bank)]) == 1
    said = capsys.readouterr().out
    assert "매장 1곳, 합계 81,500원" in said
    assert "rest1 (올리브식당): 4,500원을 지급해야 하지만 입금 계좌가 없습니다" in said
    assert "allive-admin shop-bank rest1" in said
    assert [r[0] for r in rows(bank)] == ["은행", "KB국민"]

    ledger = world.ledger
    exports = [(r.action, r.target) for r in reversed(ledger.audit_log()) if r.action.startswith("export")]
    assert exports == [
        ("export_statement", "cafe1"),
        ("export_statement", "cafe1"),
        ("export_statement", "rest1"),
        ("export_bank_file", f"{YEAR}-11"),
    ]
    assert ledger.audit_log(action="export_bank_file")[0].after["problems"] == ["rest1: transfer_no_bank"]


def test_record_payment_command_is_idempotent_and_refuses_overpayment(db, capsys):
    world = november(db)
    run = ["--database", db, "--operator", "office-kim"]
    pay = [*run, "record-payment", "cafe1", "--month", f"{YEAR}-11", "--paid-on", f"{YEAR}-12-03"]
    assert admin([*pay, "--amount", "81,501", "--reference", "KB-1"]) == 2
    assert "미지급 잔액은 81500원" in capsys.readouterr().err
    assert admin([*pay, "--amount", "81,500", "--reference", "KB-1"]) == 0
    assert "지급 81,500원을 기록했습니다" in capsys.readouterr().out
    assert admin([*pay, "--amount", "81500", "--reference", "KB-1"]) == 0
    assert "이미 기록되어 있습니다" in capsys.readouterr().out
    assert admin([*pay, "--amount", "1000", "--reference", "KB-1"]) == 2
    assert "다른 내용으로 기록" in capsys.readouterr().err
    ledger = world.ledger
    assert [p.reference for p in ledger.payments("cafe1")] == ["KB-1"]
    assert ledger.statement("cafe1", NOVEMBER).balance == 0
    assert [r.operator for r in ledger.audit_log(action="record_payment")] == ["office-kim", "office-kim"]
    assert ledger.verify() == []
    assert dt.date(YEAR, 12, 3) == ledger.payments()[0].paid_on
