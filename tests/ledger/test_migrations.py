"""The Alembic revisions build exactly the tables of sync.ledger.schema, on SQLite and PostgreSQL,
and the baseline is frozen DDL (it never reads the live schema module)."""

from __future__ import annotations

import json
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from sync.ledger.db import make_engine, upgrade
from sync.ledger.schema import metadata

VERSIONS = Path(__file__).parents[2] / "sync" / "ledger" / "migrations" / "versions"


def test_the_migrated_database_matches_the_schema_module(database_url):
    engine = make_engine(database_url)
    try:
        upgrade(engine)
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, metadata) == []
    finally:
        engine.dispose()


def test_no_revision_reads_the_live_schema():
    for revision in VERSIONS.glob("0*.py"):
        source = revision.read_text(encoding="utf-8")
        assert "from sync.ledger" not in source and "create_all(" not in source, revision.name


def test_refunds_per_tender_are_filled_in_from_accepted_refunds(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    upgrade(engine, "0002")
    sale_id, refund_id = "00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO shop (shop_id, name, business_no, representative, address, phone) VALUES ('s', 'S', '', '', '', '')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO till (till_id, shop_id, token_hash, active, created_at) VALUES ('t', 's', 'h', 1, 'now')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO sale (entry_id, till_id, shop_id, seq, ts, cashier, total, points, cash, bank_card, "
                "card_number, auth, status, card_part, shortfall, refunded_points, refunded_card, refunded_total) "
                "VALUES (:id, 't', 's', 1, 'ts', '', 9000, 5000, 3000, 1000, NULL, 'online', 'posted', 5000, 0, 2000, 2000, 3500)"
            ),
            {"id": sale_id},
        )
        payload = {"ref": sale_id, "points": 2000, "cash": 1000, "bank_card": 500, "reason": "x"}
        conn.execute(
            text(
                "INSERT INTO entry (id, till_id, seq, ts, type, payload, prev_hash, hash, status, received_at) "
                "VALUES (:id, 't', 2, 'ts', 'refund', :payload, 'p', 'h', 'accepted', 'now')"
            ),
            {"id": refund_id, "payload": json.dumps(payload)},
        )
    upgrade(engine)
    with engine.connect() as conn:
        row = conn.execute(text("SELECT refunded_cash, refunded_bank_card FROM sale")).one()
    engine.dispose()
    assert tuple(row) == (1000, 500)
