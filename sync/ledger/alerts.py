"""Alerts for the office: something a till or an operator did that someone should look at.

Tills' pushes and office actions raise alerts without a subject; the anomaly scan raises them with
one, once per (kind, subject) whatever the number of scans. The office acknowledges an alert (seen,
being looked at) and resolves it with a note; both keep who and when, and the audit log has them.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from sync.ledger import schema as t
from sync.ledger.anomalies import Anomaly
from sync.ledger.db import among, insert_rows, is_postgres
from sync.ledger.errors import LedgerError
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


STATUSES = ("open", "acknowledged", "resolved")


@dataclass(frozen=True)
class AlertRecord:
    id: int
    kind: str
    till_id: str | None
    detail: str  # a sentence for the log, or (anomalies) a JSON object of facts
    at: str  # ISO 8601, UTC
    subject: str | None
    status: str  # open | acknowledged | resolved
    handled_by: str | None
    handled_at: str | None
    note: str

    @property
    def facts(self) -> dict[str, Any] | None:
        """An anomaly's facts (card, shop, day, counts), None for an alert told in a sentence."""
        if not self.detail.startswith("{"):
            return None
        try:
            value = json.loads(self.detail)
        except ValueError:
            return None
        return value if isinstance(value, dict) else None


def _record(row: Any) -> AlertRecord:
    return AlertRecord(
        int(row["id"]),
        row["kind"],
        row["till_id"],
        row["detail"],
        row["at"],
        row["subject"],
        row["status"],
        row["handled_by"],
        row["handled_at"],
        row["note"],
    )


def alert_list(
    conn: Connection,
    *,
    status: str | None = None,
    kinds: Sequence[str] | None = None,
    limit: int = 1000,
) -> list[AlertRecord]:
    """The newest first; ``status`` None lists every status, ``kinds`` None every kind."""
    if status is not None and status not in STATUSES:
        raise LedgerError("alert_status_unknown", status=status, known=", ".join(STATUSES))
    query = select(t.alert).order_by(t.alert.c.id.desc()).limit(limit)
    if status is not None:
        query = query.where(t.alert.c.status == status)
    if kinds is not None:
        query = query.where(t.alert.c.kind.in_(list(kinds)))
    return [_record(r) for r in conn.execute(query).mappings()]


def _locked(conn: Connection, alert_id: int) -> AlertRecord:
    row = conn.execute(select(t.alert).where(t.alert.c.id == alert_id).with_for_update()).mappings().first()
    if row is None:
        raise LedgerError("alert_unknown", alert=alert_id)
    return _record(row)


def acknowledge(
    conn: Connection, clock: Clock, alert_id: int, operator: str
) -> tuple[AlertRecord, AlertRecord]:
    """Mark an open alert as being looked at; returns it before and after."""
    before = _locked(conn, alert_id)
    if before.status != "open":
        raise LedgerError("alert_not_open", alert=alert_id, status=before.status)
    conn.execute(
        update(t.alert)
        .where(t.alert.c.id == alert_id)
        .values(status="acknowledged", handled_by=operator[:64], handled_at=stamp(clock))
    )
    return before, _locked(conn, alert_id)


def resolve(
    conn: Connection, clock: Clock, alert_id: int, operator: str, note: str
) -> tuple[AlertRecord, AlertRecord]:
    """Close an open or acknowledged alert with what was found or done; returns it before and after."""
    if not note.strip():
        raise LedgerError("alert_needs_note")
    before = _locked(conn, alert_id)
    if before.status == "resolved":
        raise LedgerError("alert_already_resolved", alert=alert_id, by=before.handled_by or "")
    conn.execute(
        update(t.alert)
        .where(t.alert.c.id == alert_id)
        .values(status="resolved", handled_by=operator[:64], handled_at=stamp(clock), note=note.strip())
    )
    return before, _locked(conn, alert_id)


def raise_anomalies(conn: Connection, clock: Clock, anomalies: Sequence[Anomaly]) -> list[Anomaly]:
    """An alert for each anomaly whose (kind, subject) has none yet; returns those raised.

    Subjects already alerted (whatever their status: a resolved anomaly stays resolved) are left
    alone; the unique index on (kind, subject) settles a race with a scan running at the same time.
    """
    if not anomalies:
        return []
    kinds = {a.kind for a in anomalies}
    known = {
        (kind, subject)
        for kind, subject in conn.execute(
            select(t.alert.c.kind, t.alert.c.subject).where(
                among(conn, t.alert.c.kind, kinds), t.alert.c.subject.is_not(None)
            )
        )
    }
    fresh = {(a.kind, a.subject): a for a in anomalies if (a.kind, a.subject) not in known}
    if not fresh:
        return []
    at = stamp(clock)
    rows = [
        {
            "kind": a.kind,
            "till_id": a.till_id,
            "detail": json.dumps(dict(a.facts), ensure_ascii=False, sort_keys=True),
            "at": at,
            "subject": a.subject,
        }
        for a in fresh.values()
    ]
    dialect_insert = pg_insert if is_postgres(conn) else sqlite_insert
    conn.execute(dialect_insert(t.alert).on_conflict_do_nothing(index_elements=["kind", "subject"]), rows)
    log.warning(
        "ledger anomalies: %d raised (%s)", len(rows), ", ".join(sorted({a.kind for a in fresh.values()}))
    )
    return list(fresh.values())
