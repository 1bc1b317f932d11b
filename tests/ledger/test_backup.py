"""Backup and restore on both databases: a backup restores into an empty database and verifies; a
damaged file, a missing checksum, the wrong kind of backup and a database that is not empty are
refused before anything changes."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text, update
from sqlalchemy.exc import DBAPIError

from reliability.world import PG_BASE
from sync.ledger import schema as t
from sync.ledger.backup import archive_schema, checksum_path, sha256_of
from sync.ledger.errors import LedgerError
from sync.ledger.service import Ledger
from tests.ledger.conftest import TillStream, push


@contextmanager
def empty_database(source: Ledger, tmp_path: Path, *, with_schema: bool = False) -> Iterator[Ledger]:
    """A new, empty database of the same kind, where a restore of ``source`` is looked for: a new
    SQLite file, or a new PostgreSQL database searching the schema ``source`` is in (created empty
    beforehand when ``with_schema``, as ``public`` is in a new database)."""
    if not source.is_postgres:
        target = Ledger(f"sqlite:///{tmp_path / 'restored' / 'ledger.sqlite3'}")
        yield target
        target.dispose()
        return
    import psycopg

    with source.engine.connect() as conn:
        schema = conn.execute(text("SELECT current_schema()")).scalar_one()
    name = f"restore_{uuid.uuid4().hex[:12]}"
    server = PG_BASE.replace("+psycopg", "")
    with psycopg.connect(server, autocommit=True) as db:
        db.execute(f'CREATE DATABASE "{name}"')
    base = PG_BASE.rsplit("/", 1)[0]
    if with_schema:
        with psycopg.connect(f"{server.rsplit('/', 1)[0]}/{name}", autocommit=True) as db:
            db.execute(f'CREATE SCHEMA "{schema}"')
    target = Ledger(f"{base}/{name}?options=-csearch_path%3D{schema}")
    try:
        yield target
    finally:
        target.dispose()
        with psycopg.connect(server, autocommit=True) as db:
            db.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def _tables(ledger: Ledger) -> int:
    with ledger.engine.connect() as conn:
        if ledger.is_postgres:
            return int(
                conn.execute(
                    text(
                        "SELECT count(*) FROM information_schema.tables "
                        "WHERE table_schema = ANY(current_schemas(false))"
                    )
                ).scalar_one()
            )
        return int(conn.execute(text("SELECT count(*) FROM sqlite_master WHERE type = 'table'")).scalar_one())


def _with_sales(programme) -> Ledger:
    ledger, card = programme.ledger, programme.cards[0]
    stream = TillStream("cafe1-1")
    push(
        ledger,
        "cafe1-1",
        stream.sale(card, 1000),
        stream.sale(card, 2500),
        stream.sale(programme.cards[1], 700),
    )
    ledger.revoke_card(programme.cards[2], "분실", operator="kim")
    return ledger


@pytest.mark.parametrize("with_schema", [False, True], ids=["new-schema", "empty-schema-there"])
def test_a_backup_restores_into_an_empty_database_and_verifies(programme, tmp_path, with_schema):
    ledger = _with_sales(programme)
    if with_schema and not ledger.is_postgres:
        pytest.skip("an empty schema that is there already is a PostgreSQL case")
    out = tmp_path / "backups" / "ledger-backup"
    done = ledger.backup(out, operator="kim")
    assert done.path == out and done.kind == ("postgresql" if ledger.is_postgres else "sqlite")
    assert checksum_path(out).read_text() == f"{sha256_of(out)}  {out.name}\n" and done.sha256 == sha256_of(
        out
    )
    assert not out.with_name(out.name + ".partial").exists()
    last = ledger.last_backup()
    assert last is not None and last.operator == "kim" and last.target == str(out.resolve())
    assert last.after == {"sha256": done.sha256, "bytes": done.size, "kind": done.kind}
    with empty_database(ledger, tmp_path, with_schema=with_schema) as target:
        restored, problems = target.restore(out, operator="lee")
        assert problems == [] and restored.sha256 == done.sha256
        assert target.balances() == ledger.balances()
        assert target.card_status(programme.cards[2]) == "revoked"
        assert [x.last_seq for x in target.tills() if x.till_id == "cafe1-1"] == [3]
        # The restored ledger says where it came from; the backup's own row came after the dump.
        assert [(r.action, r.operator) for r in target.audit_log()[:2]] == [
            ("restore", "lee"),
            ("revoke", "kim"),
        ]
        assert target.last_backup() is None
        # Tills of the restored ledger keep their tokens, and the database's own guards came along.
        assert target.authenticate_till(programme.tokens["cafe1-1"]).till_id == "cafe1-1"
        with pytest.raises(DBAPIError, match="append-only"), target.engine.begin() as conn:
            conn.execute(update(t.audit_log).values(operator="nobody"))


def test_a_damaged_backup_is_refused_and_changes_nothing(programme, tmp_path):
    ledger = _with_sales(programme)
    out = ledger.backup(tmp_path / "ledger-backup").path
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0x01
    out.write_bytes(bytes(data))
    with empty_database(ledger, tmp_path) as target:
        with pytest.raises(LedgerError) as refused:
            target.restore(out)
        assert refused.value.code == "backup_checksum_mismatch"
        assert refused.value.params["actual"] == sha256_of(out)
        assert _tables(target) == 0
        checksum_path(out).unlink()
        with pytest.raises(LedgerError, match="backup_checksum_missing"):
            target.restore(out)
        with pytest.raises(LedgerError, match="backup_missing"):
            target.restore(tmp_path / "no-such-backup")
        assert _tables(target) == 0


def test_a_database_that_is_not_empty_is_refused(programme, tmp_path):
    ledger = _with_sales(programme)
    out = ledger.backup(tmp_path / "ledger-backup").path
    balances, audited = ledger.balances(), len(ledger.audit_log())
    with pytest.raises(LedgerError) as refused:
        Ledger(ledger.database_url).restore(out)
    assert refused.value.code == "restore_not_empty" and refused.value.params["tables"] > 10
    assert ledger.balances() == balances and len(ledger.audit_log()) == audited
    assert ledger.verify() == []


def test_a_backup_is_never_written_over_and_restores_only_into_its_kind(programme, tmp_path):
    ledger = programme.ledger
    out = ledger.backup(tmp_path / "ledger-backup").path
    before = out.read_bytes()
    with pytest.raises(LedgerError, match="backup_exists"):
        ledger.backup(out)
    assert out.read_bytes() == before and len(ledger.audit_log(action="backup")) == 1
    other = tmp_path / "other.sqlite3" if ledger.is_postgres else tmp_path / "other.dump"
    other.write_bytes(
        b"PGDMP" + b"\0" * 100 if not ledger.is_postgres else b"SQLite format 3\0" + b"\0" * 100
    )
    checksum_path(other).write_text(f"{sha256_of(other)}  {other.name}\n")
    with empty_database(ledger, tmp_path) as target:
        with pytest.raises(LedgerError, match="backup_kind_mismatch"):
            target.restore(other)
        assert _tables(target) == 0


def test_the_schema_of_a_pg_restore_listing():
    listing = "\n".join(
        [
            ";",
            "; Archive created at 2026-11-25 10:00:00 KST",
            "5; 2615 78200 SCHEMA - t_abc postgres",
            "214; 1259 78164 TABLE t_abc account postgres",
            "3338; 0 78164 TABLE DATA t_abc account postgres",
        ]
    )
    assert archive_schema(listing) == "t_abc"
    assert archive_schema(listing + "\n215; 1259 78165 TABLE other x postgres") is None
    assert archive_schema(";\n") is None
