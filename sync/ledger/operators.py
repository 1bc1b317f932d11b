"""The office console's operators: accounts with a role, argon2 password hashes, and the lockout
after repeated failed sign-ins.

Roles: ``admin`` (everything, operators included), ``staff`` (the office's work, no operator
management) and ``viewer`` (reads only, with masked names). A sign-in that fails for any reason —
an unknown name, a wrong password, a locked or disabled account — is one answer to the person
signing in (the audit log keeps the real reason), and takes the time of one password check, so
neither the answer nor its time tells whether a name exists. Failures are counted per operator:
``MAX_FAILED`` in a row lock the account for ``LOCKOUT``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, insert, select, update

from sync.ledger import schema as t
from sync.ledger.errors import LedgerError
from sync.shared.clock import Clock

ROLES = ("admin", "staff", "viewer")
MIN_PASSWORD = 10
MAX_PASSWORD = 1024  # argon2 takes any length; a bound keeps a hostile form from costing more
MAX_FAILED = 5
LOCKOUT = dt.timedelta(minutes=15)
USERNAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")

# argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): about 70 ms a check on the
# 2-core build machine; argon2-cffi's default (64 MiB, 3 passes, 4 lanes) took 400 ms there.
# A stored hash with other parameters is re-hashed at its next successful sign-in.
HASHER = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)


@cache
def _decoy_hash() -> str:
    """A hash no password matches in practice: checked against when there is no real one."""
    return HASHER.hash("decoy password for unknown operators")


def hash_password(password: str) -> str:
    check_password(password)
    return HASHER.hash(password)


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise LedgerError("password_too_short", minimum=MIN_PASSWORD)
    if len(password) > MAX_PASSWORD:
        raise LedgerError("password_too_long", maximum=MAX_PASSWORD)


def _matches(stored: str, password: str) -> bool:
    try:
        return HASHER.verify(stored, password[:MAX_PASSWORD])
    except (VerificationError, InvalidHashError):
        return False


@dataclass(frozen=True)
class Operator:
    username: str
    display_name: str
    role: str
    active: bool
    failed_attempts: int
    locked_until: str | None  # ISO 8601, UTC
    created_at: str

    def locked(self, now: dt.datetime) -> bool:
        return self.locked_until is not None and dt.datetime.fromisoformat(self.locked_until) > now


def _operator(row: object) -> Operator:
    r = row._mapping  # type: ignore[attr-defined]
    return Operator(
        r["username"],
        r["display_name"],
        r["role"],
        bool(r["active"]),
        int(r["failed_attempts"]),
        r["locked_until"],
        r["created_at"],
    )


def _stamp(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).isoformat(timespec="microseconds")


def operators(conn: Connection) -> list[Operator]:
    return [_operator(r) for r in conn.execute(select(t.operator).order_by(t.operator.c.username))]


def find(conn: Connection, username: str, *, lock: bool = False) -> Operator | None:
    query = select(t.operator).where(t.operator.c.username == username)
    row = conn.execute(query.with_for_update() if lock else query).first()
    return _operator(row) if row is not None else None


def _existing(conn: Connection, username: str) -> Operator:
    found = find(conn, username, lock=True)
    if found is None:
        raise LedgerError("operator_unknown", username=username)
    return found


def add_operator(
    conn: Connection, clock: Clock, username: str, role: str, password: str, display_name: str = ""
) -> Operator:
    if not USERNAME.fullmatch(username):
        raise LedgerError("operator_name_invalid", username=username)
    if role not in ROLES:
        raise LedgerError("operator_role_unknown", role=role, known=", ".join(ROLES))
    if find(conn, username) is not None:
        raise LedgerError("operator_exists", username=username)
    hashed = hash_password(password)
    conn.execute(
        insert(t.operator).values(
            username=username,
            display_name=display_name.strip()[:100],
            role=role,
            password_hash=hashed,
            active=True,
            failed_attempts=0,
            locked_until=None,
            created_at=_stamp(clock()),
        )
    )
    added = find(conn, username)
    assert added is not None
    return added


def disable_operator(conn: Connection, username: str) -> Operator:
    """Stop an operator from signing in; returns the account as it was."""
    before = _existing(conn, username)
    if not before.active:
        raise LedgerError("operator_already_disabled", username=username)
    conn.execute(update(t.operator).where(t.operator.c.username == username).values(active=False))
    return before


def reset_password(conn: Connection, username: str, password: str) -> Operator:
    """A new password, and the lockout lifted; returns the account as it was."""
    before = _existing(conn, username)
    hashed = hash_password(password)
    conn.execute(
        update(t.operator)
        .where(t.operator.c.username == username)
        .values(password_hash=hashed, failed_attempts=0, locked_until=None)
    )
    return before


@dataclass(frozen=True)
class SignInCheck:
    """What a password check decided: the operator when it passed, else the reason (for the audit
    log only: the person signing in sees one answer for all of them)."""

    operator: Operator | None
    reason: str  # "" | unknown_operator | disabled | locked | wrong_password
    failed_attempts: int = 0
    locked_until: str | None = None


def check_sign_in(conn: Connection, clock: Clock, username: str, password: str) -> SignInCheck:
    """Check a name and password under the operator's row lock, counting a failure (and locking
    the account after ``MAX_FAILED`` in a row) or clearing the count after a success."""
    now = clock()
    found = find(conn, username, lock=True) if USERNAME.fullmatch(username) else None
    if found is None or not found.active or found.locked(now):
        _matches(_decoy_hash(), password)  # the same time as a real check
        if found is None:
            return SignInCheck(None, "unknown_operator")
        return SignInCheck(
            None, "disabled" if not found.active else "locked", locked_until=found.locked_until
        )
    stored = conn.execute(
        select(t.operator.c.password_hash).where(t.operator.c.username == username)
    ).scalar_one()
    table = t.operator
    if not _matches(stored, password):
        failed = found.failed_attempts + 1
        locked_until = _stamp(now + LOCKOUT) if failed >= MAX_FAILED else None
        conn.execute(
            update(table)
            .where(table.c.username == username)
            .values(failed_attempts=0 if locked_until else failed, locked_until=locked_until)
        )
        return SignInCheck(None, "wrong_password", failed, locked_until)
    values: dict[str, object] = {"failed_attempts": 0, "locked_until": None}
    if HASHER.check_needs_rehash(stored):
        values["password_hash"] = HASHER.hash(password)
    conn.execute(update(table).where(table.c.username == username).values(**values))
    return SignInCheck(found, "")
