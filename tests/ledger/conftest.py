"""A real ledger per test, on SQLite and on PostgreSQL (a fresh schema each), plus a till's entries."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import requests

from reliability.sales import sale
from reliability.world import EXPIRES, PG_BASE, YEAR, ThreadedLedgerServer, pg_reachable, pg_schema
from sync.ledger.records import ParticipantRecord
from sync.ledger.service import Ledger
from sync.protocol import PushRequest, WireEntry
from sync.shared.cards.keys import new_issuer_key, public_key_hex
from sync.shared.chain import GENESIS_HASH, entry_hash

ADMIN_TOKEN = "test-admin-token-0123456789abcdef"


def _pg_schema(request: pytest.FixtureRequest) -> Iterator[str]:
    if not pg_reachable():
        if os.environ.get("ALLIVE_REQUIRE_POSTGRES"):
            pytest.fail(f"PostgreSQL is required but unreachable at {PG_BASE}")
        pytest.skip(f"PostgreSQL unreachable at {PG_BASE}")
    with pg_schema("t") as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.sqlite3'}"
    else:
        yield from _pg_schema(request)


@pytest.fixture
def pg_url(request) -> Iterator[str]:
    yield from _pg_schema(request)


@dataclass
class TillStream:
    """Entries of one till, chained exactly as the till's journal chains them."""

    till_id: str
    seq: int = 0
    last_hash: str = GENESIS_HASH
    entries: list[WireEntry] = field(default_factory=list)

    def make(self, type: str, payload: dict[str, Any]) -> WireEntry:
        self.seq += 1
        body: dict[str, Any] = {
            "id": str(uuid.uuid4()),
            "till_id": self.till_id,
            "seq": self.seq,
            "ts": dt.datetime.now(dt.UTC).isoformat(timespec="microseconds"),
            "type": type,
            "payload": payload,
            "prev_hash": self.last_hash,
        }
        wire = WireEntry(**body, hash=entry_hash(**body))
        self.last_hash = wire.hash
        self.entries.append(wire)
        return wire

    def sale(
        self, card: str | None, points: int, auth: str = "online", total: int | None = None, cash: int = 0
    ) -> WireEntry:
        return self.make("sale", sale_payload(card, points, auth, total=total, cash=cash))


def sale_payload(
    card: str | None, points: int, auth: str = "online", *, total: int | None = None, cash: int = 0
) -> dict[str, Any]:
    """A sale as the till journals it; ``total`` other than points + cash is what no honest till sends."""
    payload = sale(points, cash=cash, card=card, auth=auth if points else "none").to_payload()  # type: ignore[arg-type]
    if total is not None:
        payload["total"] = total
    payload["auth"] = auth
    return payload


def push(ledger: Ledger, till_id: str, *entries: WireEntry):
    return ledger.ingest(till_id, PushRequest(entries=list(entries)))


@dataclass
class Programme:
    ledger: Ledger
    cards: list[str]
    tokens: dict[str, str]


@pytest.fixture
def programme(database_url) -> Iterator[Programme]:
    ledger = Ledger(database_url)
    ledger.upgrade()
    ledger.create_programme(YEAR, 100_000, EXPIRES, public_key_hex(new_issuer_key()))
    ledger.add_shop("cafe1", "올리브카페")
    ledger.add_shop("rest1", "올리브식당")
    tokens = {
        "cafe1-1": ledger.enrol_till("cafe1", "cafe1-1"),
        "cafe1-2": ledger.enrol_till("cafe1", "cafe1-2"),
        "rest1-1": ledger.enrol_till("rest1", "rest1-1"),
    }
    ledger.add_participants(
        [
            ParticipantRecord(f"P{n}", name, "", "해운대", "올리브카페", 6, True, None)
            for n, name in enumerate(["홍길동", "김철수", "이영희", "남궁민수"], start=1)
        ]
    )
    cards = [g.card_number for g in ledger.grant(YEAR)]
    yield Programme(ledger, cards, tokens)
    ledger.dispose()


@dataclass
class Server:
    base_url: str
    programme: Programme


@pytest.fixture
def server(programme) -> Iterator[Server]:
    with ThreadedLedgerServer(programme.ledger, ADMIN_TOKEN) as running:
        assert requests.get(f"{running.url}/v1/health", timeout=5).ok
        yield Server(running.url, programme)
