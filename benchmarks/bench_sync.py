"""Drain a 10,000-entry backlog from a till to the ledger over loopback (PostgreSQL) — budget ≤ 5 s."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import psycopg
import requests

from benchmarks.fixtures import americano_sale
from benchmarks.report import Figure, print_figures
from pos_app.journal.store import Journal
from reliability.world import EXPIRES, YEAR
from sync.client import SyncClient
from sync.ledger.records import ParticipantRecord
from sync.ledger.service import Ledger
from sync.shared.cards.keys import new_issuer_key, public_key_hex

PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
ADMIN = "bench-admin-token-0123456789abcdef"
BACKLOG = 10_000


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def prepare(url: str, cards: int) -> tuple[str, list[str]]:
    ledger = Ledger(url)
    ledger.upgrade()
    ledger.create_programme(YEAR, 100_000, EXPIRES, public_key_hex(new_issuer_key()))
    ledger.add_shop("cafe1", "올리브카페")
    token = ledger.enrol_till("cafe1", "cafe1-1")
    ledger.add_participants(
        [
            ParticipantRecord(f"P{n:05d}", f"참여자{n}", "", "센터", "카페", 6, True, dt.date(2024, 1, 1))
            for n in range(cards)
        ]
    )
    ledger.grant(YEAR)
    return token, [c.number for c in ledger.cards()]


def fill_backlog(journal: Journal, numbers: list[str]) -> None:
    for n in range(BACKLOG):
        journal.append(americano_sale(numbers[n % len(numbers)], "offline"))


def main() -> list[Figure]:
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    raw = PG.replace("+psycopg", "")
    try:
        admin_db = psycopg.connect(raw, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        print(f"\n== Sync drain: PostgreSQL unreachable ({exc}); skipped ==")
        return []
    admin_db.execute(f'CREATE SCHEMA "{schema}"')
    url = f"{PG}?options=-csearch_path%3D{schema}"
    server = None
    try:
        token, numbers = prepare(url, 500)
        port = _free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sync.ledger",
                "serve",
                "--database",
                url,
                "--port",
                str(port),
                "--admin-token",
                ADMIN,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                if requests.get(f"{base}/v1/health", timeout=1).ok:
                    break
            except requests.RequestException:
                time.sleep(0.1)
        with tempfile.TemporaryDirectory() as tmp:
            journal = Journal(Path(tmp) / "till.sqlite3", "cafe1-1")
            fill_backlog(journal, numbers)
            client = SyncClient(base, "cafe1-1", token, journal)
            start = time.perf_counter()
            client.drain()
            elapsed = time.perf_counter() - start
            assert journal.outbox_size() == 0
            journal.close()
        figures = [
            Figure(f"drain {BACKLOG:,} queued entries over loopback (PostgreSQL)", elapsed, "s", budget=5.0),
            Figure("  drain rate", BACKLOG / elapsed, "entries/s"),
        ]
        print_figures("Sync drain", figures)
        return figures
    finally:
        if server is not None:
            server.terminate()
            server.wait(10)
        admin_db.execute(f'DROP SCHEMA "{schema}" CASCADE')
        admin_db.close()


if __name__ == "__main__":
    main()
