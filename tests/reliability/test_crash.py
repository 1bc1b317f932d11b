"""kill -9 a real till process while it sells and syncs; after each restart nothing is lost or twice."""

from __future__ import annotations

import pytest

from reliability.crash import run_crash_rounds
from reliability.world import ThreadedLedgerServer, make_programme

pytestmark = pytest.mark.postgres


def crash(url: str, tmp_path, rounds: int, seed: int, **kwargs):
    programme = make_programme(url, grant_amount=1_000_000, shops=())
    try:
        with ThreadedLedgerServer(programme.ledger) as server:
            return run_crash_rounds(
                programme, server.port, tmp_path / "crash", rounds=rounds, seed=seed, **kwargs
            )
    finally:
        programme.ledger.dispose()


def test_killed_tills_lose_nothing_and_count_nothing_twice(pg_url, tmp_path):
    result = crash(pg_url, tmp_path, rounds=6, seed=11)
    assert not result.failed, "\n".join(result.violations[:30])
    assert result.rounds == 6 and result.sales > 0
    assert set(result.kills) <= {"timed", "after_sale", "after_commit"}


def test_a_kill_after_the_ledger_committed_and_before_the_till_heard(pg_url, tmp_path):
    # The proxy kills the till between the ledger's answer and the till reading it.
    result = crash(pg_url, tmp_path, rounds=4, seed=3, modes=["after_commit"])
    assert not result.failed, "\n".join(result.violations[:30])
    assert result.commit_kills >= 3


@pytest.mark.slow
def test_a_hundred_crash_rounds(pg_url, tmp_path):
    result = crash(pg_url, tmp_path, rounds=100, seed=1)
    assert not result.failed, "\n".join(result.violations[:30])
