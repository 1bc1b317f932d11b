"""The office console's server-side sessions: a random token in an HttpOnly cookie, kept in the
database only as its SHA-256, with the form token (CSRF) every form of the session carries.

A session ends when its operator signs out, after ``LIFETIME`` whatever happens, after ``IDLE``
without a request, and when its operator is disabled or given a new password.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import Connection, false, insert, select, update

from sync.ledger import schema as t
from sync.shared.clock import Clock

LIFETIME = dt.timedelta(hours=8)
IDLE = dt.timedelta(minutes=30)
TOUCH_EVERY = dt.timedelta(seconds=30)  # last_seen_at is written at most this often


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _stamp(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class OfficeSession:
    """A signed-in operator, as each request of the console sees it."""

    username: str
    display_name: str
    role: str
    csrf_token: str
    expires_at: str  # ISO 8601, UTC

    def form_token_matches(self, presented: str | None) -> bool:
        return bool(presented) and hmac.compare_digest(self.csrf_token.encode(), (presented or "").encode())


@dataclass(frozen=True)
class NewSession:
    token: str  # for the cookie only: the ledger keeps its hash
    session: OfficeSession


def start(conn: Connection, clock: Clock, username: str, display_name: str, role: str) -> NewSession:
    now = clock()
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    expires = _stamp(now + LIFETIME)
    conn.execute(
        insert(t.office_session).values(
            token_hash=token_hash(token),
            username=username,
            csrf_token=csrf,
            created_at=_stamp(now),
            last_seen_at=_stamp(now),
            expires_at=expires,
            ended=False,
        )
    )
    return NewSession(token, OfficeSession(username, display_name, role, csrf, expires))


def current(conn: Connection, clock: Clock, token: str) -> OfficeSession | None:
    """The session a cookie's token opens, or None (unknown, ended, expired, idle too long, or its
    operator disabled); a live session's last request is noted."""
    if not token or len(token) > 200:
        return None
    s, o = t.office_session, t.operator
    row = conn.execute(
        select(s.c.token_hash, s.c.csrf_token, s.c.last_seen_at, s.c.expires_at, s.c.ended, o)
        .join(o, o.c.username == s.c.username)
        .where(s.c.token_hash == token_hash(token))
    ).first()
    if row is None or row.ended or not row.active:
        return None
    now = clock()
    last_seen = dt.datetime.fromisoformat(row.last_seen_at)
    if dt.datetime.fromisoformat(row.expires_at) <= now or now - last_seen >= IDLE:
        return None
    if now - last_seen >= TOUCH_EVERY:
        conn.execute(update(s).where(s.c.token_hash == row.token_hash).values(last_seen_at=_stamp(now)))
    return OfficeSession(row.username, row.display_name, row.role, row.csrf_token, row.expires_at)


def end(conn: Connection, token: str) -> str | None:
    """End the session of a cookie's token; its operator, or None when it was not open."""
    s = t.office_session
    row = conn.execute(
        select(s.c.username).where(s.c.token_hash == token_hash(token), s.c.ended == false())
    ).first()
    if row is None:
        return None
    conn.execute(update(s).where(s.c.token_hash == token_hash(token)).values(ended=True))
    return str(row.username)


def end_all(conn: Connection, username: str) -> int:
    """End every open session of an operator (disabled, or a new password); how many were open."""
    s = t.office_session
    done = conn.execute(update(s).where(s.c.username == username, s.c.ended == false()).values(ended=True))
    return int(done.rowcount or 0)
