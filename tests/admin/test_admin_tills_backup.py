"""`allive-admin` for the till fleet (tills, disable-till, enable-till, rotate-token) and for backups
(backup, restore), against real ledgers."""

from __future__ import annotations

import json

import pytest

from sync.admin.cli import main as admin
from sync.ledger.backup import checksum_path
from sync.ledger.service import Ledger
from tests.admin.test_admin_cli import setup_programme
from tests.ledger.conftest import pg_url  # noqa: F401 - a fixture
from tests.ledger.test_backup import empty_database


@pytest.fixture
def db(tmp_path):
    return f"sqlite:///{tmp_path / 'ledger.sqlite3'}"


def _enrol(tmp_path, db) -> str:
    assert admin(["--database", db, "add-shop", "cafe1", "--name", "올리브카페"]) == 0
    out = tmp_path / "cafe1-1.json"
    run = [
        "--database",
        db,
        "enrol-till",
        "cafe1",
        "cafe1-1",
        "--ledger-url",
        "http://ledger",
        "--out",
        str(out),
    ]
    assert admin(run) == 0
    return json.loads(out.read_text())["token"]


def test_the_office_lists_disables_enables_and_rotates_a_till(tmp_path, db, capsys, monkeypatch):
    monkeypatch.setenv("ALLIVE_OPERATOR", "office-lee")
    setup_programme(tmp_path, db)
    old = _enrol(tmp_path, db)
    ledger = Ledger(db)
    capsys.readouterr()
    assert admin(["--database", db, "tills"]) == 0
    header, row = capsys.readouterr().out.splitlines()
    assert header.startswith("단말기\t매장\t등록\t상태")
    assert row.split("\t")[:2] == ["cafe1-1", "cafe1 (올리브카페)"] and row.split("\t")[3:] == [
        "사용 중",
        "-",
        "-",
        "0",
        "-",
        "-",
    ]
    assert admin(["--database", db, "--operator", "kim", "disable-till", "cafe1-1", "--reason", "도난"]) == 0
    assert "단말기 cafe1-1을(를) 정지했습니다" in capsys.readouterr().out
    assert ledger.authenticate_till(old) is None
    assert admin(["--database", db, "--lang", "en", "tills", "--shop", "cafe1"]) == 0
    assert "\tdisabled\t" in capsys.readouterr().out
    assert admin(["--database", db, "disable-till", "cafe1-1", "--reason", "again"]) == 2
    assert "이미 정지되었습니다" in capsys.readouterr().err
    # A new PC: a new token and settings file while still disabled, then enabled.
    out = tmp_path / "new" / "cafe1-1.json"
    run = ["--database", db, "rotate-token", "cafe1-1", "--ledger-url", "https://ledger", "--out", str(out)]
    assert admin(run) == 0
    said = capsys.readouterr().out
    assert "새 토큰을" in said and "아직 정지 상태입니다" in said
    settings = json.loads(out.read_text())
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert (settings["till_id"], settings["shop_id"], settings["ledger_url"]) == (
        "cafe1-1",
        "cafe1",
        "https://ledger",
    )
    assert settings["token"] != old and ledger.authenticate_till(settings["token"]) is None
    assert admin(["--database", db, "enable-till", "cafe1-1"]) == 0
    assert ledger.authenticate_till(settings["token"]).till_id == "cafe1-1"
    assert ledger.authenticate_till(old) is None
    assert [(r.action, r.operator) for r in ledger.audit_log(target="cafe1-1")[:3]] == [
        ("enable_till", "office-lee"),
        ("rotate_till_token", "office-lee"),
        ("disable_till", "kim"),
    ]
    # Printed instead of written: stdout holds the settings alone.
    capsys.readouterr()
    assert (
        admin(["--database", db, "--lang", "en", "rotate-token", "cafe1-1", "--ledger-url", "https://l"]) == 0
    )
    printed = capsys.readouterr()
    assert ledger.authenticate_till(json.loads(printed.out)["token"]).till_id == "cafe1-1"
    assert "old token is refused from now on" in printed.err
    assert admin(["--database", db, "enable-till", "nope"]) == 2
    assert "모르는 단말기 nope" in capsys.readouterr().err
    ledger.dispose()


def test_backup_then_restore_into_an_empty_database_with_verify(tmp_path, db, capsys):
    setup_programme(tmp_path, db)
    _enrol(tmp_path, db)
    backup = tmp_path / "backups" / "ledger-2026-11-25.sqlite3"
    assert admin(["--database", db, "--operator", "kim", "backup", "--out", str(backup)]) == 0
    said = capsys.readouterr().out
    assert "SHA-256" in said and "첫 백업" in said and "서버 밖 두 곳" in said
    assert checksum_path(backup).exists()
    assert admin(["--database", db, "backup", "--out", str(tmp_path / "backups" / "second")]) == 0
    said = capsys.readouterr().out
    assert "이전 백업:" in said and ", kim, " in said and str(backup.resolve()) in said
    assert admin(["--database", db, "backup", "--out", str(backup)]) == 2
    assert "덮어쓰지 않습니다" in capsys.readouterr().err
    assert admin(["--database", db, "audit", "--action", "backup"]) == 0
    assert capsys.readouterr().out.count("\tbackup\t") == 2
    restored = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    assert admin(["--database", restored, "--operator", "lee", "restore", str(backup)]) == 0
    said = capsys.readouterr().out
    assert "복원했습니다" in said and said.strip().endswith("이상 없음 (OK)")
    assert Ledger(restored).balances() == Ledger(db).balances()
    # Into a database that is not empty: refused, nothing changed.
    assert admin(["--database", restored, "restore", str(backup)]) == 2
    assert "비어 있지 않습니다" in capsys.readouterr().err


def test_a_damaged_backup_is_refused_and_the_new_database_stays_empty(tmp_path, db, capsys):
    setup_programme(tmp_path, db)
    backup = tmp_path / "ledger.bak"
    assert admin(["--database", db, "backup", "--out", str(backup)]) == 0
    data = bytearray(backup.read_bytes())
    data[len(data) // 2] ^= 0x01
    backup.write_bytes(bytes(data))
    target = tmp_path / "restored.sqlite3"
    capsys.readouterr()
    assert admin(["--database", f"sqlite:///{target}", "--lang", "en", "restore", str(backup)]) == 2
    err = capsys.readouterr().err
    assert "is damaged" in err and "Nothing was changed" in err
    assert not target.exists()


@pytest.mark.postgres
def test_backup_and_restore_on_postgresql(tmp_path, pg_url, capsys):  # noqa: F811 - the fixture
    setup_programme(tmp_path, pg_url)
    backup = tmp_path / "ledger.dump"
    assert admin(["--database", pg_url, "backup", "--out", str(backup)]) == 0
    assert backup.read_bytes().startswith(b"PGDMP")
    source = Ledger(pg_url)
    with empty_database(source, tmp_path) as target:
        capsys.readouterr()
        assert admin(["--database", target.database_url, "restore", str(backup)]) == 0
        assert capsys.readouterr().out.strip().endswith("이상 없음 (OK)")
        assert target.balances() == source.balances() and len(target.cards()) == 2
    assert admin(["--database", pg_url, "restore", str(backup)]) == 2
    assert "비어 있지 않습니다" in capsys.readouterr().err
    source.dispose()
