"""The same card at two tills at the same instant: online never overdraws; offline stays within the caps."""

from __future__ import annotations

import threading

import pytest

from pos_app.checkout import SaleResult
from pos_app.core.cart import Cart
from pos_app.core.tenders import Tenders
from reliability.invariants import ledger_problems, reconcile
from reliability.proxy import FaultProxy
from tests.reliability.tills import SERVICE, open_test_till


def pay_at_once(tills, cards, points) -> list[SaleResult]:
    """Every till pays with its view of the card at the same instant (threads behind a barrier)."""
    barrier = threading.Barrier(len(tills))
    results: list[SaleResult | None] = [None] * len(tills)

    def pay(index: int) -> None:
        barrier.wait()
        cart = Cart().add(SERVICE, price=points)
        results[index] = tills[index].checkout.pay(cart, Tenders(points=points), cards[index], "s001")

    threads = [threading.Thread(target=pay, args=(i,)) for i in range(len(tills))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(r is not None for r in results)
    return results  # type: ignore[return-value]


@pytest.mark.postgres
@pytest.mark.parametrize(
    "balance, each, winners", [(10_000, 8_000, 1), (16_000, 8_000, 2), (7_000, 8_000, 0)]
)
def test_online_the_same_card_at_two_tills_at_once(tmp_path, pg_programme, pg_server, balance, each, winners):
    programme, ledger = pg_programme, pg_programme.ledger
    tills = [
        open_test_till(programme, till_id, pg_server.url, tmp_path) for till_id in ("cafe1-1", "rest1-1")
    ]
    try:
        for round_no, number in enumerate(programme.cards):
            payload = programme.payload(number)
            spend_down = 100_000 - balance
            assert tills[0].sell(payload, spend_down).approved
            assert ledger.card_balance(number) == balance
            cards = [till.checkout.scan(payload) for till in tills]
            results = pay_at_once(tills, cards, each)
            approved = [r for r in results if r.approved]
            assert len(approved) == winners, f"round {round_no}: {[r.refusal for r in results]}"
            assert all(r.mode == "online" for r in results)  # the ledger answered both
            assert all(r.refusal == "insufficient_points" for r in results if not r.approved)
            assert ledger.card_balance(number) == balance - winners * each >= 0
        problems, overdrafts = ledger_problems(ledger)
        assert problems == [] and overdrafts == 0
        for till in tills:
            till.client.drain()
            rec = reconcile(till.journal, ledger)
            assert rec.ok, rec
    finally:
        for till in tills:
            till.close()


@pytest.mark.postgres
def test_offline_the_same_card_at_two_tills_is_bounded_by_the_caps_and_recorded(
    tmp_path, pg_programme, pg_server
):
    programme, ledger = pg_programme, pg_programme.ledger
    number = programme.cards[0]
    payload = programme.payload(number)
    proxies = [FaultProxy(pg_server.port).start() for _ in range(2)]
    tills = [
        open_test_till(programme, till_id, proxy.url, tmp_path)
        for till_id, proxy in zip(("cafe1-1", "rest1-1"), proxies, strict=True)
    ]
    try:
        assert tills[0].sell(payload, 80_000).approved  # 20,000 left
        for till in tills:
            till.client.pull_snapshot()
            snapshot = till.journal.snapshot_card(number)
            assert snapshot is not None and snapshot.balance == 20_000
        for proxy in proxies:
            proxy.set_partitioned(True)  # both tills lose the ledger
        taken = [0, 0]
        for index, till in enumerate(tills):
            while True:
                result = till.sell(payload, 5_000)
                if not result.approved:
                    assert result.refusal == "insufficient_points"  # the snapshot balance binds first
                    break
                assert result.mode == "offline"
                taken[index] += 5_000
        # Each till alone stays within what the card had and within the daily cap.
        assert taken == [20_000, 20_000]
        for proxy in proxies:
            proxy.heal()
        for till in tills:
            till.client.drain()
        assert ledger.card_balance(number) == 0  # never negative
        shortfall = sum(s.amount for s in ledger.shortfalls() if s.card_number == number)
        assert shortfall == 20_000  # the over-spend is the fund's, and recorded
        assert ledger.card_status(number) == "online_only"
        problems, overdrafts = ledger_problems(ledger)
        assert problems == [] and overdrafts == 0
        for till in tills:
            assert reconcile(till.journal, ledger).ok
        # From now on the card needs the ledger: offline it is refused even with a fresh snapshot.
        tills[0].client.pull_snapshot()
        proxies[0].set_partitioned(True)
        refused = tills[0].sell(payload, 1_000)
        assert not refused.approved and refused.refusal == "card_online_only"
    finally:
        for till in tills:
            till.close()
        for proxy in proxies:
            proxy.stop()


@pytest.mark.postgres
def test_offline_over_spend_is_bounded_by_the_daily_cap_per_till(tmp_path, pg_programme, pg_server):
    """A copied card at three tills while all are offline: at most 3 x 30,000 goes, the rest is refused."""
    programme, ledger = pg_programme, pg_programme.ledger
    number = programme.cards[1]
    payload = programme.payload(number)
    programme.enrol("cafe1", "cafe1-3")
    ids = ("cafe1-1", "cafe1-2", "cafe1-3")
    proxies = [FaultProxy(pg_server.port).start() for _ in ids]
    tills = [open_test_till(programme, t, p.url, tmp_path) for t, p in zip(ids, proxies, strict=True)]
    try:
        for till, proxy in zip(tills, proxies, strict=True):
            till.client.pull_snapshot()
            proxy.set_partitioned(True)
        taken = 0
        for till in tills:
            for _ in range(10):
                result = till.sell(payload, 9_000)
                if result.approved:
                    taken += 9_000
                else:
                    assert result.refusal == "card_daily_cap"
        assert taken == 3 * 27_000  # 3 sales of 9,000 fit under 30,000 at each till
        for till, proxy in zip(tills, proxies, strict=True):
            proxy.heal()
            till.client.drain()
        assert ledger.card_balance(number) == 100_000 - taken
        assert ledger.shortfalls() == [] and ledger_problems(ledger) == ([], 0)
    finally:
        for till in tills:
            till.close()
        for proxy in proxies:
            proxy.stop()
