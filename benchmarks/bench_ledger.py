"""Ledger ingest on PostgreSQL (batched, entries/s, ratio to a raw COPY of the same rows) and the
snapshot of 10,000 cards."""

from __future__ import annotations

import datetime as dt
import os
import time
import uuid
from typing import Any

import psycopg

from benchmarks.fixtures import americano_sale
from benchmarks.report import Figure, print_figures
from reliability.world import EXPIRES, YEAR
from sync.ledger.records import ParticipantRecord
from sync.ledger.service import Ledger
from sync.protocol import PushRequest, WireEntry
from sync.shared.cards.keys import new_issuer_key, public_key_hex
from sync.shared.chain import GENESIS_HASH, entry_hash

PG = os.environ.get("ALLIVE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
ENTRIES = 10_000
BATCH = 500
CARDS = 10_000


def _entries(till_id: str, numbers: list[str], n: int) -> list[WireEntry]:
    out, prev = [], GENESIS_HASH
    for seq in range(1, n + 1):
        body: dict[str, Any] = {
            "id": str(uuid.uuid4()),
            "till_id": till_id,
            "seq": seq,
            "ts": dt.datetime.now(dt.UTC).isoformat(timespec="microseconds"),
            "type": "sale",
            "payload": americano_sale(
                numbers[seq % len(numbers)], "online" if seq % 2 else "offline"
            ).to_payload(),
            "prev_hash": prev,
        }
        digest = entry_hash(**body)
        out.append(WireEntry(**body, hash=digest))
        prev = digest
    return out


def _copy_baseline(raw_url: str, schema: str, entries: list[WireEntry]) -> float:
    """The floor: COPY the same rows into a plain table with no checks, locks or postings."""
    with psycopg.connect(raw_url, options=f"-csearch_path={schema}") as db:
        db.execute(
            "CREATE TABLE copy_entry (id text, till_id text, seq bigint, ts text, type text, payload text, "
            "prev_hash text, hash text)"
        )
        start = time.perf_counter()
        with db.cursor().copy("COPY copy_entry FROM STDIN") as copy:
            for e in entries:
                copy.write_row((e.id, e.till_id, e.seq, e.ts, e.type, str(e.payload), e.prev_hash, e.hash))
        db.commit()
        return time.perf_counter() - start


def main() -> list[Figure]:
    raw = PG.replace("+psycopg", "")
    try:
        admin = psycopg.connect(raw, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        print(f"\n== Ledger: PostgreSQL unreachable ({exc}); skipped ==")
        return []
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin.execute(f'CREATE SCHEMA "{schema}"')
    try:
        ledger = Ledger(f"{PG}?options=-csearch_path%3D{schema}")
        ledger.upgrade()
        ledger.create_programme(YEAR, 100_000, EXPIRES, public_key_hex(new_issuer_key()))
        ledger.add_shop("cafe1", "올리브카페")
        ledger.enrol_till("cafe1", "cafe1-1")
        ledger.add_participants(
            [
                ParticipantRecord(f"P{n:05d}", f"참여자{n}", "", "센터", "카페", 6, True, None)
                for n in range(CARDS)
            ]
        )
        ledger.grant(YEAR)
        numbers = [c.number for c in ledger.cards()][:2000]
        entries = _entries("cafe1-1", numbers, ENTRIES)
        start = time.perf_counter()
        for i in range(0, ENTRIES, BATCH):
            ledger.ingest("cafe1-1", PushRequest(entries=entries[i : i + BATCH]))
        ingest = time.perf_counter() - start
        copy = _copy_baseline(raw, schema, entries)
        start = time.perf_counter()
        snapshot = ledger.snapshot("cafe1-1", 0)
        snap = time.perf_counter() - start
        assert len(snapshot.cards) == CARDS
        problems = ledger.verify()
        ledger.dispose()
        rate, copy_rate = ENTRIES / ingest, ENTRIES / copy
        figures = [
            Figure(
                f"ledger ingest, batches of {BATCH}, PostgreSQL",
                rate,
                "entries/s",
                budget=5000,
                higher_is_better=True,
                baseline=copy_rate,
                baseline_name="raw COPY of the same rows",
            ),
            Figure(f"snapshot of {CARDS:,} cards", snap * 1000, "ms", budget=1000),
        ]
        print_figures("Ledger", figures)
        print(f"  ledger verify after the run: {'OK' if not problems else problems[:3]}")
        return figures
    finally:
        admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
        admin.close()


if __name__ == "__main__":
    main()
