"""The harness catches what matters: every planted bug (ledger or till) fails a scenario, and the
table shows the latency row and fails a run whose p99 is over budget."""

from __future__ import annotations

from contextlib import contextmanager

import pytest

from reliability.report import Row, table
from reliability.selftest import PLANTS, run_selftest
from reliability.world import pg_schema

pytestmark = pytest.mark.postgres


def test_every_planted_bug_is_caught(pg_url):
    @contextmanager
    def database(name: str):
        with pg_schema(f"plant_{name[:10]}") as url:
            yield url

    results = run_selftest(database, list(range(7000, 7015)))
    assert [r.name for r in results] == list(PLANTS)
    missed = [r.name for r in results if not r.caught]
    assert not missed, f"planted bugs the harness did not catch: {missed}"


def test_a_latency_over_budget_fails_the_table():
    fast, slow = (
        Row("latency p99 120 ms (budget 250)"),
        Row("latency p99 1,300 ms (budget 250)", over_budget=1),
    )
    assert fast.clean and not slow.clean
    assert "over budget / missed" in table([fast, slow])
