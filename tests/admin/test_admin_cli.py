"""`allive-admin` against a real ledger: CSV import rules, eligibility, cards, replacement, verify."""

from __future__ import annotations

import csv
import json

import pytest
from sqlalchemy import text

from pos_app.scanning.decoder import decode_image
from reliability.world import EXPIRES, YEAR
from sync.admin.cli import main as admin
from sync.admin.participants_csv import CsvRefused, EligibilityRule, parse_participants
from sync.ledger.service import Ledger
from sync.shared.cards.keys import load_public_key_hex
from sync.shared.cards.qr import render_qr
from sync.shared.cards.token import verify_card_payload

HEADER = "참여자번호,이름,전화,지역자활센터,사업단/기업,전년도참여개월,참여중,참여시작일\n"
ROWS = [
    "A001,홍길동,010-0000-0001,해운대,올리브카페,6,Y,2024-01-02",
    "A002,김철수,,해운대,올리브식당,2,Y,2024-05-01",
    "A003,이영희,,수영,세탁사업단,12,N,2023-01-01",
    "A004,남궁민수,,수영,청소사업단,3,예,2024-02-01",
]


@pytest.fixture
def db(tmp_path):
    return f"sqlite:///{tmp_path / 'ledger.sqlite3'}"


def write(tmp_path, body: str, encoding: str = "utf-8", name: str = "p.csv"):
    path = tmp_path / name
    path.write_bytes(body.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949"])
def test_utf8_bom_and_cp949_files_read_the_same(tmp_path, encoding):
    parsed = parse_participants(write(tmp_path, HEADER + "\n".join(ROWS), encoding))
    assert [r.name for r in parsed.rows] == ["홍길동", "김철수", "이영희", "남궁민수"]
    assert parsed.encoding == ("CP949" if encoding == "cp949" else "UTF-8")


def test_eligibility_says_why_not():
    rows = parse_participants_from(ROWS)
    rule = EligibilityRule()
    reasons = {r.participant_id: rule.reasons_not(r) for r in rows}
    assert reasons["A001"] == [] and reasons["A004"] == []
    assert "3개월 미만 (2개월)" in reasons["A002"][0]
    assert "참여 중 아님" in reasons["A003"][0]


def parse_participants_from(rows, tmp_path=None):
    import tempfile
    from pathlib import Path

    path = Path(tempfile.mkdtemp()) / "p.csv"
    path.write_text(HEADER + "\n".join(rows), encoding="utf-8")
    return parse_participants(path).rows


@pytest.mark.parametrize(
    "body",
    [
        "participant_id,name,주민등록번호,months_prev_year,active\nA1,홍길동,800101-1234567,6,Y\n",
        "participant_id,name,memo,months_prev_year,active\nA1,홍길동,800101-1234567,6,Y\n",
        # Typed with a space, a dot, an en dash, full-width digits: still a resident number.
        "participant_id,name,memo,months_prev_year,active\nA1,홍길동,800101 1234567,6,Y\n",
        "participant_id,name,memo,months_prev_year,active\nA1,홍길동,800101.1234567,6,Y\n",
        "participant_id,name,memo,months_prev_year,active\nA1,홍길동,800101\u20131234567,6,Y\n",
        "participant_id,name,memo,months_prev_year,active\nA1,홍길동,８００１０１１２３４５６７,6,Y\n",
        "participant_id,name,ｊｕｍｉｎ,months_prev_year,active\nA1,홍길동,x,6,Y\n",
    ],
)
def test_a_resident_registration_number_refuses_the_whole_file(tmp_path, db, body, capsys):
    path = write(tmp_path, body)
    with pytest.raises(CsvRefused) as err:
        parse_participants(path)
    assert "주민등록번호" in str(err.value)
    assert admin(["--database", db, "import-participants", str(path)]) == 2
    assert Ledger(db).participants() == []


def test_malformed_rows_are_listed_with_line_numbers_and_nothing_is_imported(tmp_path, db, capsys):
    rows = [*ROWS, "A005,,,,,x,Y,", "A001,중복,,,,6,Y,2024-01-01", "A007,박,,,,6,maybe,01/02/2024"]
    path = write(tmp_path, HEADER + "\n".join(rows))
    assert admin(["--database", db, "import-participants", str(path)]) == 2
    err = capsys.readouterr().err
    assert "line 6:" in err and "이름 없음" in err and "0~12의 숫자" in err
    assert "line 7:" in err and "중복" in err
    assert "line 8:" in err and "Y 또는 N" in err and "YYYY-MM-DD" in err
    assert Ledger(db).participants() == []


def test_dry_run_lists_everyone_and_changes_nothing(tmp_path, db, capsys):
    path = write(tmp_path, HEADER + "\n".join(ROWS))
    assert admin(["--database", db, "import-participants", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "참여자 4명, 지급 대상 2명" in out and "A002\t김철수\t지급 대상 아님" in out
    assert "미리보기" in out and Ledger(db).participants() == []
    # The same report in English for the office's foreign staff.
    assert admin(["--database", db, "--lang", "en", "import-participants", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "4 participant(s), 2 eligible" in out and "A002\t김철수\tnot eligible" in out
    assert "dry run: nothing was changed" in out


def setup_programme(tmp_path, db, n_rows=None):
    key = tmp_path / "issuer.pem"
    assert (
        admin(
            [
                "--database",
                db,
                "init-programme",
                "--year",
                str(YEAR),
                "--grant",
                "100000",
                "--expires",
                EXPIRES.isoformat(),
                "--key-file",
                str(key),
            ]
        )
        == 0
    )
    rows = n_rows or ROWS
    assert (
        admin(["--database", db, "import-participants", str(write(tmp_path, HEADER + "\n".join(rows)))]) == 0
    )
    assert admin(["--database", db, "grant", "--year", str(YEAR)]) == 0
    return key


def test_grant_and_cards_for_eligible_participants_only(tmp_path, db):
    rows = [
        f"B{n:03d},참여자{n},,센터,카페,{2 if n % 4 == 0 else 5},{'N' if n % 7 == 0 else 'Y'},2024-01-01"
        for n in range(1, 24)
    ]
    key = setup_programme(tmp_path, db, rows)
    ledger = Ledger(db)
    eligible = [n for n in range(1, 24) if n % 4 and n % 7]
    assert len(ledger.cards()) == len(eligible)
    assert all(ledger.card_balance(c.number) == 100_000 for c in ledger.cards())
    assert admin(["--database", db, "grant", "--year", str(YEAR)]) == 0  # again: nobody twice
    assert sum(b.balance for b in ledger.balances() if b.kind == "card") == 100_000 * len(eligible)
    out = tmp_path / "cards"
    assert admin(["--database", db, "issue-cards", "--key-file", str(key), "--out-dir", str(out)]) == 0
    pdf = (out / "cards.pdf").read_bytes()
    assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") + pdf.count(b"/Type /Page/") >= 2
    assert "홍길동".encode() not in pdf and b"welfare" not in pdf
    with open(out / "cards.csv", encoding="utf-8-sig") as handle:
        issued = list(csv.DictReader(handle))
    assert len(issued) == len(eligible)
    assert [r.after["cards"] for r in ledger.audit_log(action="issue_cards")] == [len(eligible)]
    # The QR on the sheet decodes to a payload that verifies with the programme's public key.
    from sync.admin.commands.cards import printed_cards

    card = printed_cards(ledger, key, None)[0]
    read = decode_image(render_qr(card.payload, box_size=4, border=1)).text
    public = load_public_key_hex(ledger.programme().issuer_public_key)
    import datetime as dt

    assert verify_card_payload(read, public, dt.date(2026, 11, 25)).number == card.number


def test_business_number_is_checked_when_a_shop_is_added(tmp_path, db, capsys):
    setup_programme(tmp_path, db)
    assert admin(["--database", db, "add-shop", "x", "--name", "카페", "--business-no", "123-45-67890"]) == 2
    assert "사업자등록번호" in capsys.readouterr().err
    assert admin(["--database", db, "add-shop", "x", "--name", "카페", "--business-no", "1234567891"]) == 0


def test_enrol_till_writes_settings_with_the_token_once(tmp_path, db):
    setup_programme(tmp_path, db)
    assert admin(["--database", db, "add-shop", "cafe1", "--name", "카페"]) == 0
    out = tmp_path / "till.json"
    assert (
        admin(
            [
                "--database",
                db,
                "enrol-till",
                "cafe1",
                "t1",
                "--ledger-url",
                "http://127.0.0.1:1",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    settings = json.loads(out.read_text())
    assert Ledger(db).authenticate_till(settings["token"]).till_id == "t1"
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert (
        admin(["--database", db, "enrol-till", "cafe1", "t1", "--ledger-url", "http://x", "--out", str(out)])
        == 2
    )


def test_replace_moves_the_balance_and_revoke_stops_a_card(tmp_path, db, capsys):
    key = setup_programme(tmp_path, db)
    ledger = Ledger(db)
    first, second = (c.number for c in ledger.cards())
    assert (
        admin(
            [
                "--database",
                db,
                "replace",
                first,
                "--reason",
                "분실",
                "--key-file",
                str(key),
                "--out-dir",
                str(tmp_path / "r"),
            ]
        )
        == 0
    )
    new = next(c for c in ledger.cards() if c.number not in (first, second))
    assert ledger.card_balance(new.number) == 100_000 and ledger.card_balance(first) == 0
    assert admin(["--database", db, "revoke", second, "--reason", "부정사용"]) == 0
    assert ledger.card_status(second) == "revoked"
    assert admin(["--database", db, "verify"]) == 0


def test_verify_exits_non_zero_on_a_corrupted_ledger(tmp_path, db, capsys):
    setup_programme(tmp_path, db)
    with Ledger(db).engine.begin() as conn:
        conn.execute(text("UPDATE account SET balance = balance + 1000 WHERE kind = 'card'"))
    assert admin(["--database", db, "verify"]) == 1
    assert "postings sum" in capsys.readouterr().out


def test_the_issuer_key_is_never_overwritten(tmp_path, db, capsys):
    setup_programme(tmp_path, db)
    assert (
        admin(
            [
                "--database",
                db,
                "init-programme",
                "--year",
                "2027",
                "--grant",
                "100000",
                "--expires",
                "2027-12-31",
                "--key-file",
                str(tmp_path / "issuer.pem"),
            ]
        )
        == 2
    )
    assert "발급키는 덮어쓰지 않습니다" in capsys.readouterr().err


def test_ledger_refusals_are_codes_the_message_table_turns_into_text(tmp_path, db, capsys, monkeypatch):
    setup_programme(tmp_path, db)
    assert admin(["--database", db, "add-shop", "cafe9", "--name", "카페"]) == 0
    capsys.readouterr()
    assert admin(["--database", db, "add-shop", "cafe9", "--name", "카페"]) == 2
    assert capsys.readouterr().err.strip() == "allive-admin: 매장 cafe9이(가) 이미 있습니다."
    monkeypatch.setenv("ALLIVE_LANG", "en")
    assert admin(["--database", db, "revoke", "000000000000", "--reason", "x"]) == 2
    assert capsys.readouterr().err.strip() == "allive-admin: unknown card 000000000000"


def test_every_message_has_both_languages_with_the_same_fields():
    import string

    from sync.admin.messages import MESSAGES, text

    for code, (korean, english) in MESSAGES.items():
        fields = [{f for _, f, _, _ in string.Formatter().parse(t) if f} for t in (korean, english)]
        assert fields[0] == fields[1], code
    assert text("no_such_code", "ko", card="1") == "no_such_code (card=1)"


def test_every_refusal_the_ledger_raises_has_a_message():
    import re
    from pathlib import Path

    from sync.admin.messages import MESSAGES

    ledger = Path(__file__).parents[2] / "sync" / "ledger"
    codes = {
        code
        for path in ledger.glob("*.py")
        for code in re.findall(r'LedgerError\(\s*f?"([a-z_{}\[\]\'"]+)"', path.read_text(encoding="utf-8"))
    }
    codes = {c.replace("{row['status']}", s) for c in codes for s in ("revoked", "replaced")}
    assert codes and codes <= set(MESSAGES), codes - set(MESSAGES)
