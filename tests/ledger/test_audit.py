"""The audit log: rows in the action's own transaction, filters, and no way to change a row."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, update
from sqlalchemy.exc import DBAPIError

from sync.ledger import audit
from sync.ledger import schema as t
from sync.ledger.db import uow


def test_rows_are_listed_newest_first_and_filtered(programme):
    ledger = programme.ledger
    ledger.audit("kim", "view_participant", "P1", args={"why": "phone call"})
    ledger.audit("lee", "settle", "cafe1", before={"owed": 5000}, after={"owed": 0})
    rows = ledger.audit_log()
    assert [r.action for r in rows[:2]] == ["settle", "view_participant"]
    assert rows[0].before == {"owed": 5000} and rows[0].after == {"owed": 0} and rows[0].operator == "lee"
    assert [r.target for r in ledger.audit_log(operator="kim")] == ["P1"]
    assert ledger.audit_log(action="settle", target="rest1") == []


def test_a_failed_action_leaves_no_row(programme):
    ledger = programme.ledger
    before = len(ledger.audit_log())
    with pytest.raises(RuntimeError), uow(ledger.engine) as conn:
        audit.record(conn, ledger.clock, "kim", "grant", "2026")
        raise RuntimeError("the grant failed after its audit row")
    assert len(ledger.audit_log()) == before


def test_audit_rows_cannot_be_changed_or_deleted(programme):
    ledger = programme.ledger
    ledger.audit("kim", "revoke", "123456789012")
    for statement in (update(t.audit_log).values(operator="nobody"), delete(t.audit_log)):
        with pytest.raises(DBAPIError, match="append-only"), uow(ledger.engine) as conn:
            conn.execute(statement)
    assert ledger.audit_log()[0].operator == "kim"
