"""Office console operators and sessions on SQLite and PostgreSQL: argon2 hashes, one answer for
every failed sign-in, lockout after five failures, session expiry and idle time, and the audit log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from sync.ledger import office_sessions
from sync.ledger.errors import LedgerError
from sync.ledger.operators import LOCKOUT, MAX_FAILED
from sync.ledger.service import Ledger

START = dt.datetime(2026, 3, 2, 0, 30, tzinfo=dt.UTC)
PASSWORD = "correct horse battery"


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, delta: dt.timedelta) -> None:
        self.now += delta


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def ledger(database_url: str, clock: Clock) -> Iterator[Ledger]:
    ledger = Ledger(database_url, clock=clock)
    ledger.upgrade()
    ledger.add_operator("kim", "admin", PASSWORD, "김관리", operator="setup")
    yield ledger
    ledger.dispose()


def test_passwords_are_stored_as_argon2_hashes_and_checked(ledger: Ledger) -> None:
    from sqlalchemy import select

    from sync.ledger import schema as t

    with ledger.engine.connect() as conn:
        stored = conn.execute(select(t.operator.c.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert ledger.sign_in("kim", "wrong password!") is None
    signed = ledger.sign_in("kim", PASSWORD)
    assert signed is not None and signed.session.role == "admin"
    assert signed.session.display_name == "김관리"
    with ledger.engine.connect() as conn:
        kept = conn.execute(select(t.office_session.c.token_hash)).scalar_one()
    assert kept == office_sessions.token_hash(signed.token) and signed.token not in kept


@pytest.mark.parametrize(
    ("username", "role", "password", "code"),
    [
        ("kim", "staff", PASSWORD, "operator_exists"),
        ("lee", "owner", PASSWORD, "operator_role_unknown"),
        ("lee", "staff", "123456789", "password_too_short"),
        ("이직원", "staff", PASSWORD, "operator_name_invalid"),
        ("", "staff", PASSWORD, "operator_name_invalid"),
    ],
)
def test_an_operator_needs_a_fresh_name_a_known_role_and_ten_characters(
    ledger: Ledger, username: str, role: str, password: str, code: str
) -> None:
    with pytest.raises(LedgerError) as refused:
        ledger.add_operator(username, role, password, operator="kim")
    assert refused.value.code == code
    assert [o.username for o in ledger.operators()] == ["kim"]


def test_five_wrong_passwords_lock_the_operator_for_fifteen_minutes(ledger: Ledger, clock: Clock) -> None:
    for _ in range(MAX_FAILED - 1):
        assert ledger.sign_in("kim", "not the password") is None
    assert ledger.sign_in("kim", PASSWORD) is not None  # a success clears the count
    for _ in range(MAX_FAILED):
        assert ledger.sign_in("kim", "not the password") is None
    locked = ledger.operators()[0]
    assert locked.locked_until == (clock.now + LOCKOUT).isoformat(timespec="microseconds")
    assert ledger.sign_in("kim", PASSWORD) is None  # the right password, while locked
    clock.advance(LOCKOUT - dt.timedelta(seconds=1))
    assert ledger.sign_in("kim", PASSWORD) is None
    clock.advance(dt.timedelta(seconds=1))
    assert ledger.sign_in("kim", PASSWORD) is not None
    failed = ledger.audit_log(action="sign_in_failed")
    reasons = [r.args["reason"] for r in reversed(failed)]
    assert reasons == ["wrong_password"] * (2 * MAX_FAILED - 1) + ["locked", "locked"]
    assert failed[2].after["locked_until"] == locked.locked_until


def test_an_unknown_name_is_answered_like_a_wrong_password_and_logged(ledger: Ledger) -> None:
    assert ledger.sign_in("nobody", PASSWORD) is None
    assert ledger.sign_in("<script>", PASSWORD) is None
    rows = ledger.audit_log(action="sign_in_failed")
    assert [(r.operator, r.target, r.args["reason"]) for r in rows] == [
        ("unknown", "", "unknown_operator"),
        ("unknown", "nobody", "unknown_operator"),
    ]


def test_a_session_ends_at_sign_out_after_idle_time_and_after_eight_hours(
    ledger: Ledger, clock: Clock
) -> None:
    first = ledger.sign_in("kim", PASSWORD)
    assert first is not None
    assert ledger.office_session(first.token) == first.session
    assert ledger.office_session(first.token + "x") is None
    ledger.sign_out(first.token)
    assert ledger.office_session(first.token) is None

    idle = ledger.sign_in("kim", PASSWORD)
    assert idle is not None
    clock.advance(office_sessions.IDLE - dt.timedelta(seconds=1))
    assert ledger.office_session(idle.token) is not None  # a request keeps it alive
    clock.advance(office_sessions.IDLE - dt.timedelta(seconds=1))
    assert ledger.office_session(idle.token) is not None
    clock.advance(office_sessions.IDLE)
    assert ledger.office_session(idle.token) is None

    busy = ledger.sign_in("kim", PASSWORD)
    assert busy is not None
    for _ in range(16):  # a request every 29 minutes for eight hours
        assert ledger.office_session(busy.token) is not None
        clock.advance(dt.timedelta(minutes=29))
    clock.advance(office_sessions.LIFETIME - 16 * dt.timedelta(minutes=29))
    assert ledger.office_session(busy.token) is None
    actions = [r.action for r in reversed(ledger.audit_log(operator="kim"))]
    assert actions == ["sign_in", "sign_out", "sign_in", "sign_in"]


def test_disabling_or_a_new_password_ends_the_operators_sessions(ledger: Ledger) -> None:
    ledger.add_operator("lee", "staff", PASSWORD, operator="kim")
    session = ledger.sign_in("lee", PASSWORD)
    assert session is not None
    assert ledger.reset_password("lee", "another password", operator="kim") == 1
    assert ledger.office_session(session.token) is None
    assert ledger.sign_in("lee", PASSWORD) is None
    again = ledger.sign_in("lee", "another password")
    assert again is not None
    assert ledger.disable_operator("lee", operator="kim") == 1
    assert ledger.office_session(again.token) is None
    assert ledger.sign_in("lee", "another password") is None
    assert ledger.audit_log(action="sign_in_failed")[0].args["reason"] == "disabled"
    with pytest.raises(LedgerError, match="operator_already_disabled"):
        ledger.disable_operator("lee", operator="kim")
    with pytest.raises(LedgerError, match="operator_unknown"):
        ledger.reset_password("nobody", "another password", operator="kim")
    audited = [(r.action, r.operator, r.target) for r in reversed(ledger.audit_log(target="lee"))]
    assert audited == [
        ("add_operator", "kim", "lee"),
        ("sign_in", "lee", "lee"),
        ("reset_password", "kim", "lee"),
        ("sign_in_failed", "lee", "lee"),
        ("sign_in", "lee", "lee"),
        ("disable_operator", "kim", "lee"),
        ("sign_in_failed", "lee", "lee"),
    ]
    assert all("another password" not in str(r) for r in ledger.audit_log())


def test_the_form_token_must_match_exactly(ledger: Ledger) -> None:
    signed = ledger.sign_in("kim", PASSWORD)
    assert signed is not None
    session = signed.session
    assert session.form_token_matches(session.csrf_token)
    assert not session.form_token_matches(None)
    assert not session.form_token_matches("")
    assert not session.form_token_matches(session.csrf_token[:-1])
