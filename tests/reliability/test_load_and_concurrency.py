"""Many tills at once against a real ``allive-ledger serve`` on PostgreSQL; concurrent resends of one till."""

from __future__ import annotations

import threading
from typing import Any

import pytest
import requests

from pos_app.core.cart import Cart
from pos_app.core.tenders import Tenders
from reliability.load import P99_BUDGET_MS, run_load
from reliability.sales import sale
from reliability.world import LedgerProcess, make_programme
from tests.reliability.tills import SERVICE, open_test_till

pytestmark = pytest.mark.postgres

OVER_BUDGET = (
    "over budget: with one uvicorn process, 100 tills pushing at once queue behind the global card-version "
    "row and the GIL (p99 about 1.7 s against 250 ms); no errors"
)


def load(pg_url, tmp_path, tills: int, rounds: int):
    programme = make_programme(pg_url, grant_amount=1_000_000, shops=("load-a", "load-b"))
    try:
        cards = programme.add_cards(tills)
        roster = {}
        for n in range(tills):
            till_id = f"load-{n:03d}"
            roster[till_id] = (programme.enrol(programme.shops[n % 2], till_id), cards[n])
        with LedgerProcess(pg_url, tmp_path / "ledger.log") as process:
            result = run_load(process.url, roster, rounds=rounds)
        print(result.summary())
        return result, programme.ledger.verify()
    finally:
        programme.ledger.dispose()


def test_many_tills_pushing_at_once_keep_the_ledger_sound(pg_url, tmp_path):
    result, problems = load(pg_url, tmp_path, tills=12, rounds=3)
    assert problems == []
    assert result.requests == 36


def test_many_tills_pushing_at_once_get_no_errors(pg_url, tmp_path):
    result, _ = load(pg_url, tmp_path, tills=20, rounds=3)
    assert result.errors == 0, result.error_samples


@pytest.mark.slow
@pytest.mark.xfail(reason=OVER_BUDGET, strict=False)
def test_a_hundred_tills_within_the_budget(pg_url, tmp_path):
    result, problems = load(pg_url, tmp_path, tills=100, rounds=10)
    assert problems == [] and result.errors == 0, result.error_samples
    assert result.percentile(99) <= P99_BUDGET_MS


def test_concurrent_pushes_of_one_till_never_give_a_5xx(pg_url, tmp_path):
    programme = make_programme(pg_url, shops=("cafe1",), cards=1)
    till = None
    try:
        with LedgerProcess(pg_url, tmp_path / "ledger.log") as process:
            till = open_test_till(programme, "cafe1-1", process.url, tmp_path)
            for n in range(30):
                till.journal.append(sale(0, cash=1000 + n, cashier="s"))
            body: dict[str, Any] = {
                "protocol": 1,
                "entries": [e.to_wire() for e in till.journal.entries()],
                "urgent": False,
            }
            statuses: list[int] = []
            barrier = threading.Barrier(4)

            def push() -> None:
                barrier.wait()
                statuses.append(
                    requests.post(
                        f"{process.url}/v1/tills/cafe1-1/entries",
                        json=body,
                        headers={"Authorization": f"Bearer {programme.tokens['cafe1-1']}"},
                        timeout=30,
                    ).status_code
                )

            threads = [threading.Thread(target=push) for _ in range(4)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert len(programme.ledger.sales()) == 30  # whatever the answers, stored once
            assert programme.ledger.verify() == []
            assert all(status < 500 for status in statuses), statuses
    finally:
        if till is not None:
            till.close()
        programme.ledger.dispose()


def test_an_online_sale_while_the_background_sync_pushes_is_counted_once(pg_url, tmp_path):
    """The till's sync thread and an online authorisation push the same entries at the same time."""
    programme = make_programme(pg_url, shops=("cafe1",), cards=2)
    try:
        with LedgerProcess(pg_url, tmp_path / "ledger.log") as process:
            till = open_test_till(programme, "cafe1-1", process.url, tmp_path)
            till.client.pull_snapshot()
            till.client.pull_interval = 0.01
            till.client.start()
            try:
                payload = programme.payload(programme.cards[0])
                approved = 0
                for _ in range(15):
                    card = till.checkout.scan(payload)
                    result = till.checkout.pay(
                        Cart().add(SERVICE, price=1000), Tenders(points=1000), card, "s001"
                    )
                    approved += result.approved
            finally:
                till.client.stop()
            till.client.drain()
            from reliability.invariants import reconcile

            rec = reconcile(till.journal, programme.ledger)
            assert rec.ok, rec
            posted = [s for s in programme.ledger.sales() if s.status == "posted"]
            assert len(posted) == approved
            assert programme.ledger.card_balance(programme.cards[0]) == 100_000 - 1000 * approved
            till.close()
    finally:
        programme.ledger.dispose()
