"""Alerts for the office: something a till or an operator did that someone should look at."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import Connection, insert, select

from sync.ledger import schema as t
from sync.ledger.db import insert_rows
from sync.ledger.postings import stamp
from sync.shared.clock import Clock

log = logging.getLogger(__name__)


def raise_alert(conn: Connection, clock: Clock, kind: str, till_id: str | None, detail: str) -> None:
    """Record an alert in the current transaction (it stands or falls with what caused it)."""
    log.warning("ledger alert kind=%s till=%s detail=%s", kind, till_id, detail)
    conn.execute(insert(t.alert).values(kind=kind, till_id=till_id, detail=detail, at=stamp(clock)))


LOGGED_PER_BATCH = 20  # a hostile push may raise hundreds: the table keeps them all, the log a sample


def raise_alerts(conn: Connection, clock: Clock, rows: list[tuple[str, str | None, str]]) -> None:
    """Several alerts (kind, till, detail) in one statement."""
    for kind, till_id, detail in rows[:LOGGED_PER_BATCH]:
        log.warning("ledger alert kind=%s till=%s detail=%s", kind, till_id, detail)
    if len(rows) > LOGGED_PER_BATCH:
        log.warning(
            "ledger alerts: %d more in this batch (see the alert table)", len(rows) - LOGGED_PER_BATCH
        )
    if rows:
        at = stamp(clock)
        insert_rows(conn, t.alert, [{"kind": k, "till_id": i, "detail": d, "at": at} for k, i, d in rows])


def alerts(conn: Connection) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(select(t.alert).order_by(t.alert.c.id)).mappings()]
