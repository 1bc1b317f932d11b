"""The office console's tests: a ledger on SQLite and on PostgreSQL (a fresh schema each)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from reliability.world import PG_BASE, pg_reachable, pg_schema


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.sqlite3'}"
        return
    if not pg_reachable():
        if os.environ.get("ALLIVE_REQUIRE_POSTGRES"):
            pytest.fail(f"PostgreSQL is required but unreachable at {PG_BASE}")
        pytest.skip(f"PostgreSQL unreachable at {PG_BASE}")
    with pg_schema("office") as url:
        yield url
