"""Many tills at once against a real ``allive-ledger serve`` on PostgreSQL; concurrent resends of one till."""

from __future__ import annotations

import threading
from typing import Any

import pytest
import requests
from sqlalchemy import func, select

from pos_app.core.cart import Cart
from pos_app.core.tenders import Tenders
from reliability.load import market_layout, market_programme, run_load, run_market
from reliability.sales import sale
from reliability.world import LedgerProcess, make_programme
from sync.ledger import schema as t
from tests.reliability.tills import SERVICE, open_test_till

pytestmark = pytest.mark.postgres


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


def test_the_market_layout_puts_most_shops_on_one_till_and_the_busiest_on_three():
    layout = market_layout(100, 70)
    assert sum(layout) == 100 and len(layout) == 70
    assert layout.count(3) == 15 and layout.count(1) == 55
    assert market_layout(30, 1) == [30] and sum(market_layout(31, 15)) == 31
    with pytest.raises(ValueError):
        market_layout(5, 6)


def test_a_market_of_tills_selling_at_their_own_rhythm_is_counted_once_each(pg_url, tmp_path):
    programme, tills = market_programme(pg_url, market_layout(12, 8), cards=20)
    try:
        with LedgerProcess(pg_url, tmp_path / "ledger.log") as process:
            result = run_market(process.url, tills, programme.cards, shops=8, seconds=4, sale_every=0.5)
        print(result.summary())
        assert result.errors == 0 and result.unsent == 0, result.error_samples
        assert result.auth_ms and result.push_ms and result.sales == result.entries
        with programme.ledger.engine.connect() as conn:
            stored = conn.execute(select(func.count()).select_from(t.entry)).scalar_one()
            points = conn.execute(select(func.coalesce(func.sum(t.sale.c.points), 0))).scalar_one()
        assert stored == result.sales
        spent = sum(100_000 - programme.ledger.card_balance(c) for c in programme.cards)
        assert spent == points > 0
        assert programme.ledger.verify() == []
    finally:
        programme.ledger.dispose()


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
