"""The till's SQLite journal: append-only hash-chained entries, outbox, acks, card snapshot, settings.

Durability comes first: WAL with ``synchronous=FULL`` means an appended entry survives a power cut
the moment ``append`` returns. Entries are never updated or deleted (triggers refuse it); an
acknowledgement from the ledger is its own row in ``ack``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sync.shared.chain import GENESIS_HASH, JournalEntry, chain_problems, entry_hash
from sync.shared.clock import Clock, utc_now
from sync.shared.entries import Payload

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS entry (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    till_id    TEXT NOT NULL,
    ts         TEXT NOT NULL,
    type       TEXT NOT NULL,
    payload    TEXT NOT NULL,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS entry_no_update BEFORE UPDATE ON entry
BEGIN SELECT RAISE(ABORT, 'journal entries are immutable'); END;
CREATE TRIGGER IF NOT EXISTS entry_no_delete BEFORE DELETE ON entry
BEGIN SELECT RAISE(ABORT, 'journal entries are immutable'); END;
CREATE INDEX IF NOT EXISTS entry_type ON entry(type);
CREATE INDEX IF NOT EXISTS entry_ts ON entry(ts);
-- Reports read one type over a time range (a day's sales, refunds) and a sale's figures: with these
-- in the index a year's totals need no payload parsing. pos_app.manager.queries uses exactly these
-- expressions; on other entry types they are NULL.
CREATE INDEX IF NOT EXISTS entry_type_ts_figures ON entry(
    type,
    ts,
    json_extract(payload, '$.total'),
    json_extract(payload, '$.points'),
    json_extract(payload, '$.cash'),
    json_extract(payload, '$.bank_card'),
    json_extract(payload, '$.cashier')
);
CREATE TABLE IF NOT EXISTS ack (
    seq          INTEGER PRIMARY KEY REFERENCES entry(seq),
    status       TEXT NOT NULL,
    reason       TEXT,
    card_balance INTEGER,
    acked_at     TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS card (
    number      TEXT PRIMARY KEY,
    masked_name TEXT NOT NULL,
    balance     INTEGER NOT NULL,
    status      TEXT NOT NULL,
    issue       INTEGER NOT NULL,
    version     INTEGER NOT NULL,
    seen_at     TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


class JournalCorrupt(Exception):
    """The journal's chain is broken: the till must not sell on it (the UI words the message)."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("journal chain broken: " + "; ".join(problems[:5]))
        self.problems = list(problems)


class JournalWriteFailed(Exception):
    """The journal could not write (disk full, read-only, locked): nothing was recorded.

    The sale did not happen; the cashier must not hand anything over (the UI words the message).
    """


@dataclass(frozen=True)
class Ack:
    seq: int
    status: str
    reason: str | None
    card_balance: int | None


@dataclass(frozen=True)
class SnapshotCard:
    number: str
    masked_name: str
    balance: int
    status: str
    issue: int
    version: int
    seen_at: dt.datetime


class Journal:
    """One till's journal. Thread-safe: the UI thread appends while the sync thread reads and acks."""

    def __init__(
        self,
        path: Path | str,
        till_id: str,
        *,
        verify: bool = True,
        clock: Clock = utc_now,
    ) -> None:
        self.path = Path(path)
        self.till_id = till_id
        # Entries appended without an explicit time, and acknowledgements, are stamped by this clock.
        self.clock = clock
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.executescript(SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise JournalCorrupt([f"cannot open journal database: {exc}"]) from exc
        self._tail = self._read_tail()
        self.on_append: list[Callable[[JournalEntry], None]] = []
        if verify:
            problems = self.verify()
            if problems:
                raise JournalCorrupt(problems)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- entries ---------------------------------------------------------------------------------
    def _read_tail(self) -> tuple[int, str]:
        row = self._db.execute("SELECT seq, hash FROM entry ORDER BY seq DESC LIMIT 1").fetchone()
        return (row[0], row[1]) if row else (0, GENESIS_HASH)

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction. A failure anywhere, COMMIT included (a full disk), rolls it back
        and raises ``JournalWriteFailed``: nothing is half-written and nothing in memory moves on."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    yield self._db
                    self._db.execute("COMMIT")
                except BaseException:
                    if self._db.in_transaction:
                        self._db.execute("ROLLBACK")
                    raise
            except sqlite3.OperationalError as exc:
                log.error("journal write failed: %s", exc)
                raise JournalWriteFailed(str(exc)) from exc

    def append(self, payload: Payload, *, at: dt.datetime | None = None) -> JournalEntry:
        """Append one typed entry durably; when this returns the entry survives a crash or power cut."""
        return self.append_raw(payload.TYPE, payload.to_payload(), at=at)

    def append_raw(
        self, type: str, payload: Mapping[str, Any], *, at: dt.datetime | None = None
    ) -> JournalEntry:
        """Append an untyped payload. Only for tools and tests that must write what no typed payload
        allows (an old version's entry, a hostile till in the security tests); the till uses ``append``."""
        with self._write() as db:
            # Re-read the tail inside the write lock: another process may have appended (it should not,
            # but a second till process on the same file must not fork the chain).
            last_seq, last_hash = self._read_tail()
            entry_id = str(uuid.uuid4())
            ts = (at or self.clock()).astimezone(dt.UTC).isoformat(timespec="microseconds")
            seq = last_seq + 1
            body = json.loads(json.dumps(payload))  # what is stored is exactly what gets hashed
            digest = entry_hash(
                id=entry_id,
                till_id=self.till_id,
                seq=seq,
                ts=ts,
                type=type,
                payload=body,
                prev_hash=last_hash,
            )
            db.execute(
                "INSERT INTO entry (seq, id, till_id, ts, type, payload, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)",
                (
                    seq,
                    entry_id,
                    self.till_id,
                    ts,
                    type,
                    json.dumps(body, ensure_ascii=False),
                    last_hash,
                    digest,
                ),
            )
        self._tail = (seq, digest)  # only once the entry is committed
        entry = JournalEntry(entry_id, self.till_id, seq, ts, type, body, last_hash, digest)
        for listener in self.on_append:
            listener(entry)
        return entry

    def entries(
        self, after_seq: int = 0, types: Sequence[str] | None = None, limit: int | None = None
    ) -> list[JournalEntry]:
        sql = "SELECT id, till_id, seq, ts, type, payload, prev_hash, hash FROM entry WHERE seq > ?"
        params: list[Any] = [after_seq]
        if types:
            sql += f" AND type IN ({','.join('?' * len(types))})"
            params.extend(types)
        sql += " ORDER BY seq"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        with self._lock:
            rows = self._db.execute(sql, params).fetchall()
        return [_entry_from_row(row) for row in rows]

    def entry(self, entry_id: str) -> JournalEntry | None:
        with self._lock:
            row = self._db.execute(
                "SELECT id, till_id, seq, ts, type, payload, prev_hash, hash FROM entry WHERE id = ?",
                (entry_id,),
            ).fetchone()
        return _entry_from_row(row) if row else None

    def last_seq(self) -> int:
        return self._tail[0]

    def verify(self) -> list[str]:
        """Walk the whole chain; a list of readable problems, empty when it is intact."""
        problems: list[str] = []
        expected_seq, expected_prev = 1, GENESIS_HASH
        batch = 5000
        try:
            while True:
                chunk = self.entries(after_seq=expected_seq - 1, limit=batch)
                if not chunk:
                    break
                problems += chain_problems(chunk, expected_seq, expected_prev)
                foreign = [e.seq for e in chunk if e.till_id != self.till_id]
                if foreign:
                    problems.append(f"entries of another till at sequence {foreign[0]}")
                expected_seq, expected_prev = chunk[-1].seq + 1, chunk[-1].hash
                if len(problems) > 20:
                    break
        except (sqlite3.DatabaseError, json.JSONDecodeError) as exc:
            problems.append(f"journal unreadable: {exc}")
        return problems

    # -- outbox and acknowledgements -----------------------------------------------------------
    def outbox(self, limit: int = 500) -> list[JournalEntry]:
        """Entries the ledger has not acknowledged yet, oldest first (and those it must be sent
        again, see ``resend``)."""
        after, through = self._resend_window()
        with self._lock:
            rows = self._db.execute(
                "SELECT e.id, e.till_id, e.seq, e.ts, e.type, e.payload, e.prev_hash, e.hash FROM entry e "
                "WHERE e.seq > ? AND (e.seq <= ? OR NOT EXISTS (SELECT 1 FROM ack a WHERE a.seq = e.seq)) "
                "ORDER BY e.seq LIMIT ?",
                (min(after, self.acked_through()), through, limit),
            ).fetchall()
        return [_entry_from_row(row) for row in rows]

    def outbox_size(self) -> int:
        after, through = self._resend_window()
        with self._lock:
            row = self._db.execute(
                "SELECT COUNT(*) FROM entry e WHERE (e.seq > ? AND e.seq <= ?) "
                "OR NOT EXISTS (SELECT 1 FROM ack a WHERE a.seq = e.seq)",
                (after, through),
            ).fetchone()
        return int(row[0])

    # A ledger restored from a backup can hold less than it once acknowledged: the entries after
    # its head are sent again (same entries, same chain), until it has taken them all.
    def resend(self, after: int, through: int) -> None:
        """Send entries ``after`` + 1 .. ``through`` again, though they were acknowledged."""
        self.set_setting("resend", f"{after}:{through}")

    def resend_done(self) -> None:
        if self.setting("resend"):
            self.set_setting("resend", "")

    def _resend_window(self) -> tuple[int, int]:
        """(after, through) of entries to send again; (0, 0) when there are none."""
        raw = self.setting("resend") or ""
        after, _, through = raw.partition(":")
        return (int(after), int(through)) if through else (0, 0)

    def acked_through(self) -> int:
        """Highest sequence n such that 1..n are all acknowledged."""
        with self._lock:
            row = self._db.execute("SELECT value FROM setting WHERE key = 'acked_through'").fetchone()
            start = int(row[0]) if row else 0
            seqs = self._db.execute("SELECT seq FROM ack WHERE seq > ? ORDER BY seq", (start,)).fetchall()
        through = start
        for (seq,) in seqs:
            if seq != through + 1:
                break
            through = seq
        return through

    def record_acks(self, acks: Sequence[Ack]) -> None:
        """Store the ledger's answers; an entry acknowledged twice keeps its first answer."""
        if not acks:
            return
        now = self.clock().isoformat()
        with self._write() as db:
            db.executemany(
                "INSERT OR IGNORE INTO ack (seq, status, reason, card_balance, acked_at) VALUES (?,?,?,?,?)",
                [(a.seq, a.status, a.reason, a.card_balance, now) for a in acks],
            )
        through = self.acked_through()
        self.set_setting("acked_through", str(through))

    def ack(self, seq: int) -> Ack | None:
        with self._lock:
            row = self._db.execute(
                "SELECT seq, status, reason, card_balance FROM ack WHERE seq = ?", (seq,)
            ).fetchone()
        return Ack(*row) if row else None

    # -- card snapshot ------------------------------------------------------------------------------
    def apply_snapshot(
        self, cards: Sequence[Mapping[str, Any]], version: int, *, full: bool, at: dt.datetime
    ) -> None:
        """Store card states pulled from the ledger; a full snapshot replaces the local copy."""
        seen = at.astimezone(dt.UTC).isoformat()
        with self._write() as db:
            if full:
                db.execute("DELETE FROM card")
            db.executemany(
                "INSERT INTO card (number, masked_name, balance, status, issue, version, seen_at) "
                "VALUES (:number, :masked_name, :balance, :status, :issue, :version, :seen_at) "
                "ON CONFLICT(number) DO UPDATE SET masked_name=excluded.masked_name, balance=excluded.balance, "
                "status=excluded.status, issue=excluded.issue, version=excluded.version, seen_at=excluded.seen_at",
                [{**dict(card), "seen_at": seen} for card in cards],
            )
            for key, value in (("snapshot_version", str(version)), ("snapshot_at", seen)):
                db.execute(
                    "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                    (key, value),
                )

    def snapshot_card(self, number: str) -> SnapshotCard | None:
        with self._lock:
            row = self._db.execute(
                "SELECT number, masked_name, balance, status, issue, version, seen_at FROM card WHERE number = ?",
                (number,),
            ).fetchone()
        if row is None:
            return None
        number_, masked_name, balance, status, issue, version, seen_at = row
        return SnapshotCard(
            number_, masked_name, balance, status, issue, version, dt.datetime.fromisoformat(seen_at)
        )

    def snapshot_version(self) -> int:
        value = self.setting("snapshot_version")
        return int(value) if value else 0

    def snapshot_at(self) -> dt.datetime | None:
        value = self.setting("snapshot_at")
        return dt.datetime.fromisoformat(value) if value else None

    def update_card_balance(self, number: str, balance: int) -> None:
        """Keep the local copy current with a balance the ledger just told us (online sales)."""
        with self._write() as db:
            db.execute("UPDATE card SET balance = ? WHERE number = ?", (balance, number))

    # -- settings -----------------------------------------------------------------------------------
    def setting(self, key: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_setting(self, key: str, value: str) -> None:
        with self._write() as db:
            db.execute(
                "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                (key, value),
            )

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Read-only SQL for reports (the journal is the till's source of truth)."""
        with self._lock:
            return self._db.execute(sql, params).fetchall()


def _entry_from_row(row: Sequence[Any]) -> JournalEntry:
    return JournalEntry(
        id=row[0],
        till_id=row[1],
        seq=row[2],
        ts=row[3],
        type=row[4],
        payload=json.loads(row[5]),
        prev_hash=row[6],
        hash=row[7],
    )
