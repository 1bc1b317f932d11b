"""Card versions: every change to a card's state gets a new version, so a till pulls only changes."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, select, update

from sync.ledger import schema as t
from sync.ledger.db import among


def current_version(conn: Connection) -> int:
    return int(conn.execute(select(t.counter.c.value).where(t.counter.c.name == "card_version")).scalar_one())


def bump_version(conn: Connection) -> int:
    # One counter row, updated last in a transaction: versions become visible in commit order, so
    # a till that pulled version v never misses a change numbered below v.
    conn.execute(
        update(t.counter).where(t.counter.c.name == "card_version").values(value=t.counter.c.value + 1)
    )
    return current_version(conn)


def touch_cards(conn: Connection, numbers: Iterable[str]) -> None:
    """Give the cards a new version (their balance or status changed)."""
    numbers = sorted(set(numbers))
    if numbers:
        version = bump_version(conn)
        conn.execute(update(t.card).where(among(conn, t.card.c.number, numbers)).values(version=version))
