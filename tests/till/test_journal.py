"""The till's journal: durable appends, an unbroken chain, immutability, outbox and acks."""

import datetime as dt
import sqlite3

import pytest

from pos_app.journal.store import Ack, Journal, JournalCorrupt
from sync.shared.chain import GENESIS_HASH


@pytest.fixture
def journal(tmp_path):
    j = Journal(tmp_path / "j.sqlite3", "cafe1-1")
    yield j
    j.close()


def test_entries_get_gap_free_sequence_and_chain(journal):
    first = journal.append_raw("sale", {"total": 3000})
    second = journal.append_raw("sale", {"total": 3500})
    assert (first.seq, second.seq) == (1, 2)
    assert first.prev_hash == GENESIS_HASH and second.prev_hash == first.hash
    assert journal.verify() == []


def test_journal_uses_wal_and_full_sync(journal):
    db = sqlite3.connect(journal.path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()
    assert journal._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_entries_cannot_be_edited_or_deleted(journal):
    journal.append_raw("sale", {"total": 3000})
    with pytest.raises(sqlite3.DatabaseError):
        journal._db.execute("UPDATE entry SET payload = '{}' WHERE seq = 1")
    with pytest.raises(sqlite3.DatabaseError):
        journal._db.execute("DELETE FROM entry")


def test_reopen_continues_the_chain(tmp_path):
    path = tmp_path / "j.sqlite3"
    j = Journal(path, "t1")
    j.append_raw("sale", {"total": 1})
    j.close()
    j = Journal(path, "t1")
    assert j.append_raw("sale", {"total": 2}).seq == 2
    assert j.verify() == []


def test_tampered_journal_is_detected_at_start_up(tmp_path):
    path = tmp_path / "j.sqlite3"
    j = Journal(path, "t1")
    for total in (3000, 3500, 4000):
        j.append_raw("sale", {"total": total})
    j.close()
    db = sqlite3.connect(path)
    db.execute("DROP TRIGGER entry_no_update")
    db.execute("UPDATE entry SET payload = '{\"total\": 300}' WHERE seq = 2")
    db.commit()
    db.close()
    with pytest.raises(JournalCorrupt) as err:
        Journal(path, "t1")
    assert "sequence 2" in str(err.value)
    assert err.value.problems


def test_a_file_that_is_not_a_database_is_reported_not_crashed(tmp_path):
    path = tmp_path / "j.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(JournalCorrupt):
        Journal(path, "t1")


def test_outbox_shrinks_as_acks_arrive_and_first_answer_wins(journal):
    for total in (1, 2, 3):
        journal.append_raw("sale", {"total": total})
    assert [e.seq for e in journal.outbox()] == [1, 2, 3]
    journal.record_acks([Ack(1, "accepted", None, 100), Ack(3, "accepted", None, 90)])
    assert [e.seq for e in journal.outbox()] == [2]
    assert journal.acked_through() == 1
    journal.record_acks([Ack(2, "rejected", "insufficient_points", 90), Ack(1, "rejected", "x", 0)])
    assert journal.outbox() == [] and journal.acked_through() == 3
    assert journal.ack(1).status == "accepted"


def test_snapshot_is_stored_with_version_and_time(journal):
    at = dt.datetime(2026, 11, 25, 1, 0, tzinfo=dt.UTC)
    card = {
        "number": "900000000019",
        "masked_name": "홍*동",
        "balance": 100000,
        "status": "active",
        "issue": 1,
        "version": 5,
    }
    journal.apply_snapshot([card], 5, full=True, at=at)
    assert journal.snapshot_card("900000000019").balance == 100000
    assert journal.snapshot_version() == 5 and journal.snapshot_at() == at
    journal.apply_snapshot([{**card, "balance": 91500, "version": 6}], 6, full=False, at=at)
    assert journal.snapshot_card("900000000019").balance == 91500


def test_a_full_disk_records_nothing_and_moves_nothing_in_memory(tmp_path):
    from pos_app.journal.store import JournalWriteFailed

    journal = Journal(tmp_path / "j.sqlite3", "t1")
    first = journal.append_raw("sale", {"total": 1})
    # SQLite's own "database or disk is full" (SQLITE_FULL), as on a full disk: no more pages.
    pages = journal.query("PRAGMA page_count")[0][0]
    journal.query(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(JournalWriteFailed):
        for n in range(200):
            journal.append_raw("sale", {"total": 2, "padding": "x" * 4000, "n": n})
    written = journal.last_seq()
    assert journal.verify() == [] and journal.entries()[-1].seq == written
    journal.query(f"PRAGMA max_page_count = {pages * 100}")  # room again
    after = journal.append_raw("sale", {"total": 3})
    assert after.seq == written + 1 and journal.verify() == []
    assert journal.entries()[0] == first
    journal.close()
    assert Journal(tmp_path / "j.sqlite3", "t1").last_seq() == written + 1
