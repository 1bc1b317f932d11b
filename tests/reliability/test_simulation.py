"""Seeded scenarios against the real ledger on PostgreSQL; failures replay from their seed."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import update

from reliability.simulation import SimConfig, run_scenario
from reliability.world import Programme, ThreadedLedgerServer, make_programme, pg_schema
from sync.ledger import schema as t

pytestmark = pytest.mark.postgres


def run_many(url: str, seeds: list[int], config: SimConfig) -> list:
    programme = make_programme(url, grant_amount=20_000, shops=())
    try:
        with ThreadedLedgerServer(programme.ledger) as server:
            return [run_scenario(programme, server.port, seed, config) for seed in seeds]
    finally:
        programme.ledger.dispose()


def assert_clean(results) -> None:
    failed = [r for r in results if r.failed]
    assert not failed, "\n\n".join(r.failure_report() for r in failed)


def test_scenarios_with_faults_keep_every_invariant(pg_url):
    results = run_many(pg_url, list(range(1000, 1012)), SimConfig(steps=20))
    assert_clean(results)
    assert sum(r.faults for r in results) > 0  # faults were injected
    assert sum(r.sales for r in results) > 50
    assert sum(r.shortfall for r in results) >= 0


def test_a_scenario_replays_exactly_from_its_seed(pg_url):
    config = SimConfig(steps=25, fault_rate=0.3)
    first = run_many(pg_url, [4242], config)[0]
    with pg_schema("relt") as other_url:
        again = run_many(other_url, [4242], config)[0]
    assert first.trace == again.trace
    assert first.faults == again.faults and first.faults > 0


def tamper_once(step: int, rng: random.Random, programme: Programme) -> None:
    """A deliberate bug: at a seeded step, one card balance drifts from its postings."""
    if step != 7:
        return
    victim = rng.choice(programme.cards)
    with programme.ledger.engine.begin() as conn:
        conn.execute(
            update(t.account)
            .where(t.account.c.name == f"card:{victim}")
            .values(balance=t.account.c.balance + 1)
        )


def test_a_failure_prints_its_seed_and_the_same_seed_gives_the_same_failure(pg_url):
    config = SimConfig(steps=12, fault_rate=0.3)
    programme = make_programme(pg_url, grant_amount=20_000, shops=())
    with ThreadedLedgerServer(programme.ledger) as server:
        first = run_scenario(programme, server.port, 31337, config, hook=tamper_once, name="bug")
    programme.ledger.dispose()
    assert first.failed
    report = first.failure_report()
    assert "SEED=31337 to replay" in report
    assert "after step 7" in report and "postings sum" in report
    print(report)
    with pg_schema("relt") as other_url:
        programme = make_programme(other_url, grant_amount=20_000, shops=())
        with ThreadedLedgerServer(programme.ledger) as server:
            again = run_scenario(programme, server.port, 31337, config, hook=tamper_once, name="bug")
        programme.ledger.dispose()
    assert again.failure_report() == report  # same trace, same faults, same broken account


@pytest.mark.slow
def test_a_thousand_scenarios(pg_url):
    seeds = list(range(100_000, 101_000))
    for start in range(0, len(seeds), 50):
        with pg_schema("relt") as url:
            assert_clean(run_many(url, seeds[start : start + 50], SimConfig(steps=20)))
