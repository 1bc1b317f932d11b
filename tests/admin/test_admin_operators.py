"""`allive-admin operator`: add, list, disable and reset-password, each audited under the operator."""

from __future__ import annotations

import io

import pytest

from sync.admin.cli import main as admin
from sync.ledger.service import Ledger


@pytest.fixture
def db(tmp_path):
    return f"sqlite:///{tmp_path / 'ledger.sqlite3'}"


def test_operator_commands(db, monkeypatch, capsys):
    run = ["--database", db, "--operator", "office-kim"]
    monkeypatch.setattr("sys.stdin", io.StringIO("a long password\n"))
    assert (
        admin([*run, "operator", "add", "lee", "--role", "staff", "--name", "이직원", "--password-stdin"])
        == 0
    )
    assert "lee(staff)" in capsys.readouterr().out

    answers = iter(["another password", "another password"])
    monkeypatch.setattr("getpass.getpass", lambda _prompt="": next(answers))
    assert admin([*run, "--lang", "en", "operator", "add", "park", "--role", "viewer"]) == 0
    assert "added operator park (viewer)" in capsys.readouterr().out

    answers = iter(["first password", "other password"])
    assert admin([*run, "operator", "reset-password", "park"]) == 2
    assert "두 번 입력한 비밀번호가 다릅니다" in capsys.readouterr().err

    monkeypatch.setattr("sys.stdin", io.StringIO("too short\n"))
    assert admin([*run, "operator", "add", "choi", "--role", "admin", "--password-stdin"]) == 2
    assert "10자 이상" in capsys.readouterr().err

    assert admin([*run, "operator", "disable", "lee"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("the newest password\n"))
    assert admin([*run, "operator", "reset-password", "park", "--password-stdin"]) == 0
    capsys.readouterr()
    assert admin([*run, "--lang", "en", "operator", "list"]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()[1:]]
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
        ("lee", "이직원", "staff", "disabled"),
        ("park", "-", "viewer", "active"),
    ]

    ledger = Ledger(db)
    try:
        assert ledger.sign_in("park", "the newest password") is not None
        assert ledger.sign_in("lee", "a long password") is None
        audited = [(r.action, r.operator, r.target) for r in reversed(ledger.audit_log())]
        assert audited[:4] == [
            ("add_operator", "office-kim", "lee"),
            ("add_operator", "office-kim", "park"),
            ("disable_operator", "office-kim", "lee"),
            ("reset_password", "office-kim", "park"),
        ]
    finally:
        ledger.dispose()
