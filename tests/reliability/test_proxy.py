"""The fault-injecting proxy does what it says, against the real ledger, and the same seed repeats itself."""

from __future__ import annotations

import contextlib
import time

import pytest
import requests

from pos_app.journal.store import Journal
from reliability.proxy import FaultPlan, FaultProxy
from reliability.sales import sale
from sync.client import LedgerUnavailable, SyncClient


def till_client(tmp_path, programme, proxy, till_id="cafe1-1"):
    journal = Journal(tmp_path / f"{till_id}.sqlite3", till_id)
    journal.append(sale(0, cash=3000))
    return journal, SyncClient(proxy.url, till_id, programme.tokens[till_id], journal, request_timeout=5)


def stored_entries(programme, till_id="cafe1-1"):
    return [s for s in programme.ledger.sales() if s.till_id == till_id]


def test_a_clean_proxy_passes_requests_and_keep_alive_clients_work(sqlite_server):
    with FaultProxy(sqlite_server.port, seed=1) as proxy:
        session = requests.Session()
        for _ in range(5):
            assert session.get(f"{proxy.url}/v1/health", timeout=5).json()["status"] == "ok"
        assert proxy.requests == 5 and proxy.total_faults() == 0


def test_drop_never_reaches_the_ledger(tmp_path, sqlite_programme, sqlite_server):
    with FaultProxy(sqlite_server.port, plan=FaultPlan({"drop": 1.0})) as proxy:
        journal, client = till_client(tmp_path, sqlite_programme, proxy)
        with pytest.raises(LedgerUnavailable):
            client.push_once()
        assert stored_entries(sqlite_programme) == [] and journal.outbox_size() == 1
        assert proxy.faults["drop"] == 1
        journal.close()


def test_cut_lets_the_ledger_commit_while_the_till_never_hears(tmp_path, sqlite_programme, sqlite_server):
    with FaultProxy(sqlite_server.port, plan=FaultPlan({"cut": 1.0})) as proxy:
        journal, client = till_client(tmp_path, sqlite_programme, proxy)
        with pytest.raises(LedgerUnavailable):
            client.push_once()
        assert len(stored_entries(sqlite_programme)) == 1  # committed
        assert journal.outbox_size() == 1  # but not acknowledged on the till
        proxy.heal()
        client.drain()  # the resend is recognised as a duplicate: stored once
        assert journal.outbox_size() == 0 and len(stored_entries(sqlite_programme)) == 1
        journal.close()


def test_duplicate_sends_the_push_twice_and_the_ledger_stores_it_once(
    tmp_path, sqlite_programme, sqlite_server
):
    with FaultProxy(sqlite_server.port, plan=FaultPlan({"duplicate": 1.0})) as proxy:
        journal, client = till_client(tmp_path, sqlite_programme, proxy)
        client.push_once()
        assert journal.ack(1).status == "accepted"  # the second answer repeats the stored result
        assert len(stored_entries(sqlite_programme)) == 1 and sqlite_programme.ledger.verify() == []
        journal.close()


def test_partitions_drop_everything_until_healed(sqlite_server):
    with FaultProxy(sqlite_server.port, plan=FaultPlan({"partition": 1.0}, partition_length=(3, 3))) as proxy:
        for _ in range(3):
            with pytest.raises(requests.ConnectionError):
                requests.get(f"{proxy.url}/v1/health", timeout=5)
        proxy.set_partitioned(True)
        with pytest.raises(requests.ConnectionError):
            requests.get(f"{proxy.url}/v1/health", timeout=5)
        proxy.heal()
        assert requests.get(f"{proxy.url}/v1/health", timeout=5).ok


def test_reorder_lets_a_later_request_overtake_a_held_one(sqlite_server):
    import threading

    plan = FaultPlan({"reorder": 1.0}, reorder_hold=2.0)
    with FaultProxy(sqlite_server.port, plan=plan) as proxy:
        first = threading.Thread(target=lambda: requests.get(f"{proxy.url}/v1/health?n=1", timeout=10))
        first.start()
        while proxy.requests < 1:
            time.sleep(0.005)
        proxy.set_plan(FaultPlan())
        assert requests.get(f"{proxy.url}/v1/health?n=2", timeout=10).ok
        first.join()
        # The ledger received the later request first.
        assert proxy.forwarded == ["GET /v1/health?n=2 HTTP/1.1", "GET /v1/health?n=1 HTTP/1.1"]


def test_the_same_seed_injects_the_same_faults(sqlite_server):
    def run(seed):
        with FaultProxy(sqlite_server.port, seed=seed, plan=FaultPlan.uniform(0.6, max_delay=0.01)) as proxy:
            for n in range(40):
                with contextlib.suppress(requests.RequestException):
                    requests.get(f"{proxy.url}/v1/health?n={n}", timeout=5)
            return proxy.trace, dict(proxy.faults)

    first, again, other = run(7), run(7), run(8)
    assert first == again
    assert first != other
    assert sum(first[1].values()) > 10
