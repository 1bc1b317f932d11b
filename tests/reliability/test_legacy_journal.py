"""A journal written before entries were typed still syncs: the wire stays protocol 1."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pos_app.journal.store import Journal
from sync.client import SyncClient

LEGACY = Path(__file__).resolve().parents[1] / "fixtures" / "journal-v1.sqlite3"


def drain_legacy(tmp_path: Path, programme, server) -> Journal:
    copy = tmp_path / "journal-v1.sqlite3"
    shutil.copy(LEGACY, copy)
    journal = Journal(copy, "cafe1-1")
    client = SyncClient(server.url, "cafe1-1", programme.tokens["cafe1-1"], journal)
    client.drain()
    return journal


def check_synced(journal: Journal, programme) -> None:
    assert journal.outbox_size() == 0 and journal.acked_through() == journal.last_seq()
    acks = [journal.ack(e.seq) for e in journal.entries()]
    assert all(a is not None and a.status in ("accepted", "rejected") for a in acks)
    assert not [a for a in acks if a and a.reason and a.reason.startswith(("malformed", "invalid"))]
    assert programme.ledger.verify() == []
    sales = programme.ledger.sales()
    assert len(sales) == len([e for e in journal.entries() if e.type == "sale"])
    journal.close()


def test_a_journal_from_the_previous_version_syncs_to_sqlite(tmp_path, sqlite_programme, sqlite_server):
    check_synced(drain_legacy(tmp_path, sqlite_programme, sqlite_server), sqlite_programme)


@pytest.mark.postgres
def test_a_journal_from_the_previous_version_syncs_to_postgres(tmp_path, pg_programme, pg_server):
    check_synced(drain_legacy(tmp_path, pg_programme, pg_server), pg_programme)
