"""The office's audit log: every office action, append-only, in the ledger's own database and in the
same transaction as the action (an action that fails leaves no row; one that commits always has one).

A row says who (the operator), when (the ledger's clock), what (an action code such as ``grant``),
on what (``target``: a shop, a card, a year), with which arguments, and the figures before and after
(small JSON objects: balances, statuses, counts). Personal data views are logged here too
(action ``view_participant``), as DOMAIN.md asks.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select

from sync.ledger import schema as t
from sync.shared.clock import Clock


def _json(value: Mapping[str, Any] | None) -> str:
    return json.dumps(dict(value or {}), ensure_ascii=False, sort_keys=True, default=str)


def record(
    conn: Connection,
    clock: Clock,
    operator: str,
    action: str,
    target: str = "",
    *,
    args: Mapping[str, Any] | None = None,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
) -> None:
    """Add one row to the audit log in the current transaction."""
    conn.execute(
        insert(t.audit_log).values(
            at=clock().astimezone(dt.UTC).isoformat(timespec="microseconds"),
            operator=operator[:64] or "unknown",
            action=action,
            target=target,
            args=_json(args),
            before=_json(before),
            after=_json(after),
        )
    )


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: str  # ISO 8601, UTC
    operator: str
    action: str
    target: str
    args: dict[str, Any]
    before: dict[str, Any]
    after: dict[str, Any]


def entries(
    conn: Connection,
    *,
    action: str | None = None,
    operator: str | None = None,
    target: str | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    limit: int = 1000,
) -> list[AuditRecord]:
    """The newest rows first, filtered."""
    query = select(t.audit_log).order_by(t.audit_log.c.id.desc()).limit(limit)
    if action:
        query = query.where(t.audit_log.c.action == action)
    if operator:
        query = query.where(t.audit_log.c.operator == operator)
    if target:
        query = query.where(t.audit_log.c.target == target)
    if since:
        query = query.where(t.audit_log.c.at >= since.astimezone(dt.UTC).isoformat(timespec="microseconds"))
    if until:
        query = query.where(t.audit_log.c.at < until.astimezone(dt.UTC).isoformat(timespec="microseconds"))
    return [
        AuditRecord(
            int(r["id"]),
            r["at"],
            r["operator"],
            r["action"],
            r["target"],
            json.loads(r["args"]),
            json.loads(r["before"]),
            json.loads(r["after"]),
        )
        for r in conn.execute(query).mappings()
    ]
