"""Real ledgers for the reliability tests: a programme on PostgreSQL (own schema) or SQLite, served on loopback."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from reliability.world import Programme, ThreadedLedgerServer, make_programme, pg_reachable, pg_schema


def _pg_or_skip() -> None:
    if not pg_reachable():
        if os.environ.get("ALLIVE_REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL is required but unreachable")
        pytest.skip("PostgreSQL unreachable")


@pytest.fixture
def pg_url() -> Iterator[str]:
    _pg_or_skip()
    with pg_schema("relt") as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'ledger.sqlite3'}"


def _programme(url: str, **kwargs: object) -> Iterator[Programme]:
    programme = make_programme(url, **kwargs)  # type: ignore[arg-type]
    yield programme
    programme.ledger.dispose()


@pytest.fixture
def pg_programme(pg_url) -> Iterator[Programme]:
    """A PostgreSQL ledger with shop cafe1 (till cafe1-1, cafe1-2), shop rest1 (rest1-1) and 4 cards of 100,000."""
    programme = make_programme(pg_url, shops=("cafe1", "rest1"), tills_per_shop=2, cards=4)
    yield programme
    programme.ledger.dispose()


@pytest.fixture
def sqlite_programme(sqlite_url) -> Iterator[Programme]:
    programme = make_programme(sqlite_url, shops=("cafe1", "rest1"), tills_per_shop=2, cards=4)
    yield programme
    programme.ledger.dispose()


@pytest.fixture
def pg_server(pg_programme) -> Iterator[ThreadedLedgerServer]:
    with ThreadedLedgerServer(pg_programme.ledger) as server:
        yield server


@pytest.fixture
def sqlite_server(sqlite_programme) -> Iterator[ThreadedLedgerServer]:
    with ThreadedLedgerServer(sqlite_programme.ledger) as server:
        yield server
