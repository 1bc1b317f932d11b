"""Every office command that changes something leaves a row in the audit log, under its operator."""

from __future__ import annotations

import pytest

from reliability.world import YEAR
from sync.admin.cli import main as admin
from sync.admin.office import operator_name
from sync.ledger.service import Ledger
from tests.admin.test_admin_cli import setup_programme


@pytest.fixture
def db(tmp_path):
    return f"sqlite:///{tmp_path / 'ledger.sqlite3'}"


def test_each_office_command_is_in_the_audit_log_with_its_operator(tmp_path, db, monkeypatch, capsys):
    monkeypatch.setenv("ALLIVE_OPERATOR", "office-kim")
    key = setup_programme(tmp_path, db)
    ledger = Ledger(db)
    try:
        card = ledger.cards()[0].number
        run = ["--database", db, "--operator", "office-lee"]
        assert admin([*run, "add-shop", "cafe9", "--name", "올리브카페9"]) == 0
        assert (
            admin(
                [
                    *run,
                    "enrol-till",
                    "cafe9",
                    "cafe9-1",
                    "--ledger-url",
                    "http://x",
                    "--out",
                    str(tmp_path / "t.json"),
                ]
            )
            == 0
        )
        out = tmp_path / "cards"
        assert admin([*run, "issue-cards", "--key-file", str(key), "--out-dir", str(out)]) == 0
        assert (
            admin([*run, "replace", card, "--reason", "분실", "--key-file", str(key), "--out-dir", str(out)])
            == 0
        )
        new = ledger.audit_log(action="replace")[0].after["new_card"]
        assert admin([*run, "revoke", new, "--reason", "부정 사용"]) == 0
        actions = [(r.action, r.operator) for r in reversed(ledger.audit_log())]
        assert actions == [
            ("init_programme", "office-kim"),
            ("import_participants", "office-kim"),
            ("grant", "office-kim"),
            ("add_shop", "office-lee"),
            ("enrol_till", "office-lee"),
            ("issue_cards", "office-lee"),
            ("replace", "office-lee"),
            ("revoke", "office-lee"),
        ]
        replaced = ledger.audit_log(action="replace")[0]
        assert replaced.target == card and replaced.before == {"status": "active", "balance": 100_000}
        assert ledger.audit_log(action="revoke")[0].before["balance"] == 100_000
        assert ledger.audit_log(action="grant")[0].target == str(YEAR)
        capsys.readouterr()
        assert admin(["--database", db, "audit", "--by", "office-lee", "--action", "revoke"]) == 0
        listed = capsys.readouterr().out.strip().splitlines()
        assert len(listed) == 1 and "\toffice-lee\trevoke\t" + new in listed[0] and "부정 사용" in listed[0]
    finally:
        ledger.dispose()


def test_a_refused_command_leaves_no_row(tmp_path, db):
    setup_programme(tmp_path, db)
    ledger = Ledger(db)
    try:
        before = len(ledger.audit_log())
        assert admin(["--database", db, "revoke", "000000000000", "--reason", "x"]) == 2
        assert len(ledger.audit_log()) == before
    finally:
        ledger.dispose()


def test_the_operator_comes_from_the_flag_then_the_environment_then_the_os_user(monkeypatch):
    monkeypatch.setenv("ALLIVE_OPERATOR", "office-kim")
    assert operator_name("office-lee") == "office-lee"
    assert operator_name(None) == "office-kim"
    monkeypatch.delenv("ALLIVE_OPERATOR")
    assert operator_name("  ") not in ("", "  ")
