"""Card versions: every change to a card's state gets a version, so a till pulls only changes.

The promise: a till that pulled snapshot version ``v`` has seen every change numbered ``<= v``, so
asking for ``version > v`` next time misses nothing.

On PostgreSQL a change is numbered by its transaction id (``pg_current_xact_id()``, 64-bit, never
reused) and a snapshot's version is the highest id below the oldest transaction still running
(``pg_snapshot_xmin(pg_current_snapshot()) - 1``): every transaction numbered at or below it has
finished, so its changes are visible. Pushes of different tills no longer queue on one counter
row. A change committed later with a lower number than a running one is still above the returned
version and arrives with the next pull (cards may be sent twice; the till's copy is an upsert).

On SQLite there is one writer at a time, so a counter row updated in the same transaction keeps
versions in commit order.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ColumnClause, Connection, literal_column, select, text, update

from sync.ledger import schema as t
from sync.ledger.db import among

_PG_CHANGE_VERSION_SQL: ColumnClause[int] = literal_column("pg_current_xact_id()::text::bigint")
_PG_CHANGE_VERSION = select(_PG_CHANGE_VERSION_SQL)
_PG_VISIBLE_THROUGH = text("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint - 1")


def current_version(conn: Connection) -> int:
    """The version a snapshot read in this transaction may promise: every change numbered at or
    below it is visible. Call it before reading the cards."""
    if conn.dialect.name == "postgresql":
        return int(conn.execute(_PG_VISIBLE_THROUGH).scalar_one())
    return int(conn.execute(select(t.counter.c.value).where(t.counter.c.name == "card_version")).scalar_one())


def bump_version(conn: Connection) -> int:
    """The version of the changes this transaction makes."""
    if conn.dialect.name == "postgresql":
        return int(conn.execute(_PG_CHANGE_VERSION).scalar_one())
    # One counter row, updated in the writing transaction: SQLite commits one writer at a time.
    conn.execute(
        update(t.counter).where(t.counter.c.name == "card_version").values(value=t.counter.c.value + 1)
    )
    return current_version(conn)


def touch_cards(conn: Connection, numbers: Iterable[str]) -> None:
    """Give the cards a new version (their balance or status changed)."""
    numbers = sorted(set(numbers))
    if not numbers:
        return
    # On PostgreSQL the version is computed in the same statement: one round trip per push.
    version = _PG_CHANGE_VERSION_SQL if conn.dialect.name == "postgresql" else bump_version(conn)
    conn.execute(update(t.card).where(among(conn, t.card.c.number, numbers)).values(version=version))
