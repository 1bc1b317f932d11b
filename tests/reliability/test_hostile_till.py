"""Issue 10's findings, each written as the attack it was: a till holding a valid token sends hostile
entries to a real ledger on loopback. Every test ends on the money: no shop credited beyond the
rules, no card below zero, every disputed won accounted for, and ``verify`` exact."""

from __future__ import annotations

import datetime as dt
import json
import socket
import time
import uuid
from typing import Any

import pytest
import requests
from sqlalchemy import select

from reliability.sales import sale
from reliability.world import EXPIRES
from sync.admin.cli import main as admin
from sync.ledger import schema as t
from sync.shared.chain import GENESIS_HASH, entry_hash

NOW = dt.datetime(2026, 11, 25, 3, 0, tzinfo=dt.UTC)  # 12:00 KST
NOBODY = "999999999999"  # a card number the ledger never issued


class HostileTill:
    """Writes whatever it likes, correctly chained and hashed, and pushes it with its real token."""

    def __init__(self, url: str, till_id: str, token: str) -> None:
        self.url, self.till_id, self.token = url, till_id, token
        self.seq, self.prev = 0, GENESIS_HASH

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def entry(
        self, type: str, payload: dict[str, Any], ts: str | None = None, seq: int | None = None
    ) -> dict:
        seq = seq if seq is not None else self.seq + 1
        body = {
            "id": str(uuid.uuid4()),
            "till_id": self.till_id,
            "seq": seq,
            "ts": ts if ts is not None else NOW.isoformat(timespec="microseconds"),
            "type": type,
            "payload": payload,
            "prev_hash": self.prev,
        }
        body["hash"] = entry_hash(**body)
        return body

    def send(self, *entries: dict) -> dict:
        response = requests.post(
            f"{self.url}/v1/tills/{self.till_id}/entries",
            json={"protocol": 1, "entries": list(entries), "urgent": False},
            headers=self.headers,
            timeout=10,
        )
        assert response.status_code == 200, response.text
        answer = response.json()
        for result in answer["results"]:
            if result["status"] in ("accepted", "rejected"):
                self.seq, self.prev = (
                    result["seq"],
                    next(e["hash"] for e in entries if e["id"] == result["id"]),
                )
        return answer

    def push(self, type: str, payload: dict[str, Any], ts: str | None = None) -> dict:
        """One entry; returns its result."""
        return self.send(self.entry(type, payload, ts))["results"][0]

    def snapshot(self) -> dict:
        response = requests.get(
            f"{self.url}/v1/tills/{self.till_id}/snapshot", headers=self.headers, timeout=10
        )
        assert response.status_code == 200
        return response.json()


def offline(points: int, card: str, version: int | None, **kwargs: Any) -> dict[str, Any]:
    body = sale(points, card=card, auth="offline", **kwargs).to_payload()
    if version is not None:
        body["snapshot_version"] = version
    return body


def money_holds(ledger: Any) -> None:
    """No card below zero, every disputed won accounted for, verify exact."""
    balances = {b.name: b.balance for b in ledger.balances()}
    assert all(v >= 0 for k, v in balances.items() if k.startswith("card:"))
    accepted = sum(d.amount for d in ledger.disputes() if d.status == "accepted")
    assert balances.get("disputed", 0) == -accepted
    assert ledger.verify() == []


@pytest.fixture
def attack(pg_programme, pg_server):
    pg_programme.ledger.clock = lambda: NOW
    return HostileTill(pg_server.url, "cafe1-1", pg_programme.tokens["cafe1-1"])


def revoked_version(ledger: Any, number: str) -> int:
    with ledger.engine.connect() as conn:
        return int(
            conn.execute(select(t.card.c.revoked_version).where(t.card.c.number == number)).scalar_one()
        )


def shop(ledger: Any, shop_id: str = "cafe1") -> int:
    return next(b.balance for b in ledger.balances() if b.name == f"shop:{shop_id}")


@pytest.mark.postgres
def test_finding_1_offline_claims_beyond_the_rules_are_disputed_never_credited(pg_programme, attack):
    ledger, cards = pg_programme.ledger, pg_programme.cards
    version = attack.snapshot()["version"]
    # 10^12 won of points on a card that was never issued.
    assert attack.push("sale", offline(10**12, NOBODY, version))["status"] == "accepted"
    # An auth the protocol does not know is refused (recorded; the chain goes on).
    whatever = {**sale(1000, card=cards[0]).to_payload(), "auth": "whatever"}
    assert attack.push("sale", whatever)["status"] == "rejected"
    # Over the per-card daily cap: 30,000 posted, 10,000 disputed.
    assert attack.push("sale", offline(40_000, cards[0], version))["status"] == "accepted"
    # Revoked after the till's snapshot: the till could not know, so the claim stands.
    ledger.revoke_card(cards[1], "lost")
    assert attack.push("sale", offline(5_000, cards[1], version))["status"] == "accepted"
    # Revoked and the till's snapshot said so: disputed. (A snapshot promises the changes below the
    # oldest transaction still running anywhere on the server; other tests' transactions can hold
    # it below the revocation for a moment, as a busy office would: take snapshots until it covers it.)
    later = attack.snapshot()["version"]
    for _ in range(100):
        if later >= revoked_version(ledger, cards[1]):
            break
        time.sleep(0.05)
        later = attack.snapshot()["version"]
    assert attack.push("sale", offline(7_000, cards[1], later))["status"] == "accepted"
    # A snapshot version never served to this till, and no version at all on a revoked card.
    assert attack.push("sale", offline(3_000, cards[2], 10**9))["status"] == "accepted"
    assert attack.push("sale", offline(2_000, cards[1], None))["status"] == "accepted"

    assert shop(ledger) == 30_000 + 5_000
    assert ledger.card_balance(cards[0]) == 70_000 and ledger.card_balance(cards[1]) == 95_000
    assert ledger.card_balance(cards[2]) == 100_000
    claims = sorted((d.amount, d.reason) for d in ledger.disputes("open"))
    assert claims == [
        (2_000, "card_revoked"),
        (3_000, "snapshot_unknown"),
        (7_000, "card_revoked"),
        (10_000, "over_card_daily_cap"),
        (10**12, "card_unknown"),
    ]
    assert {a["kind"] for a in ledger.alerts()} >= {"offline_claim_disputed"}
    money_holds(ledger)

    # The office decides, with a note, and the decision is audited.
    over_cap = next(d for d in ledger.disputes() if d.reason == "over_card_daily_cap")
    url = ledger.database_url
    assert (
        admin(["--database", url, "resolve-dispute", over_cap.id, "--accept", "--note", "checked receipt"])
        == 0
    )
    huge = next(d for d in ledger.disputes() if d.reason == "card_unknown")
    assert admin(["--database", url, "resolve-dispute", huge.id, "--reject", "--note", "no such card"]) == 0
    assert admin(["--database", url, "resolve-dispute", huge.id, "--accept", "--note", "again"]) == 2
    assert shop(ledger) == 45_000
    decided = {d.id: d for d in ledger.disputes()}
    assert decided[over_cap.id].status == "accepted" and decided[huge.id].status == "rejected"
    assert decided[huge.id].note == "no such card" and decided[huge.id].resolved_by
    assert {"dispute_accepted", "dispute_rejected"} <= {a["kind"] for a in ledger.alerts()}
    money_holds(ledger)


@pytest.mark.postgres
def test_finding_2_points_refunded_as_cash_and_totals_that_do_not_add_up_are_refused(pg_programme, attack):
    ledger, card = pg_programme.ledger, pg_programme.cards[0]
    paid = attack.entry("sale", sale(20_000, card=card).to_payload())
    assert attack.send(paid)["results"][0]["status"] == "accepted"
    as_cash = {"ref": paid["id"], "points": 0, "cash": 20_000, "bank_card": 0, "reason": "cash please"}
    assert attack.push("refund", as_cash)["reason"] == "refund_exceeds_sale"
    small_total = {**sale(1_000, card=card).to_payload(), "total": 10}
    assert attack.push("sale", small_total)["status"] == "rejected"
    lines_short = sale(1_000, card=card).to_payload()
    lines_short["lines"][0].update(amount=10, unit_price=10)
    assert "lines must sum" in attack.push("sale", lines_short)["reason"]
    assert ledger.card_balance(card) == 80_000 and shop(ledger) == 20_000
    money_holds(ledger)


@pytest.mark.postgres
def test_finding_3_the_ledger_decides_by_its_own_clock_and_bounds_the_tills(pg_programme, attack):
    ledger, card = pg_programme.ledger, pg_programme.cards[0]
    version = attack.snapshot()["version"]
    # Offline: a time from the future, an unreadable time, a time before the snapshot was served.
    future = (NOW + dt.timedelta(hours=1)).isoformat()
    assert attack.push("sale", offline(1_000, card, version), ts=future)["status"] == "accepted"
    assert attack.push("sale", offline(1_000, card, version), ts="0")["status"] == "accepted"
    before = (NOW - dt.timedelta(days=2)).isoformat()
    assert attack.push("sale", offline(1_000, card, version), ts=before)["status"] == "accepted"
    # Within the skew bound (15 minutes), the till's time is believed.
    near = (NOW + dt.timedelta(minutes=10)).isoformat()
    assert attack.push("sale", offline(1_000, card, version), ts=near)["status"] == "accepted"
    reasons = sorted(d.reason for d in ledger.disputes())
    assert reasons == ["invalid_timestamp", "till_time_before_snapshot", "till_time_in_future"]
    assert shop(ledger) == 1_000
    # Online after the card expired (EXPIRES, 31 December), a till claiming October is refused.
    after = dt.datetime.combine(EXPIRES + dt.timedelta(days=5), dt.time(3), tzinfo=dt.UTC)
    ledger.clock = lambda: after
    claimed = dt.datetime.combine(EXPIRES - dt.timedelta(days=61), dt.time(3), tzinfo=dt.UTC)
    late = attack.push("sale", sale(1_000, card=card).to_payload(), ts=claimed.isoformat())
    assert (late["status"], late["reason"]) == ("rejected", "card_expired")
    assert ledger.card_balance(card) == 99_000
    money_holds(ledger)


@pytest.mark.postgres
def test_finding_4_poison_entries_are_refused_and_the_chain_goes_on(pg_programme, attack):
    ledger, card = pg_programme.ledger, pg_programme.cards[0]
    paid = attack.entry("sale", sale(2_000, card=card).to_payload())
    assert attack.send(paid)["results"][0]["status"] == "accepted"
    nul = {"ref": paid["id"], "points": 1_000, "cash": 0, "bank_card": 0, "reason": "bad\u0000reason"}
    assert attack.push("refund", nul)["status"] == "rejected"
    long_card = sale(1_000, card=card).to_payload()
    long_card["card"]["number"] = "1" * 40
    assert attack.push("sale", long_card)["status"] == "rejected"
    long_auth = {**sale(1_000, card=card).to_payload(), "auth": "x" * 40}
    assert attack.push("sale", long_auth)["status"] == "rejected"
    # NaN is no JSON number a till writes: a clear 4xx, never a 5xx.
    nan = attack.entry("sale", {**sale(1_000, card=card).to_payload(), "total": 1.0})
    nan["payload"]["total"] = float("nan")
    body = json.dumps({"protocol": 1, "entries": [nan]})
    response = requests.post(
        f"{attack.url}/v1/tills/cafe1-1/entries", data=body, headers=attack.headers, timeout=10
    )
    assert response.status_code == 422 and "malformed" in response.json()["error"], response.text
    surrogate = body.replace('"C01"', '"\\ud800"')
    response = requests.post(
        f"{attack.url}/v1/tills/cafe1-1/entries", data=surrogate, headers=attack.headers, timeout=10
    )
    assert response.status_code in (200, 422)
    for broken in ("{", '{"protocol": 1, "entries": [1]}'):
        response = requests.post(
            f"{attack.url}/v1/tills/cafe1-1/entries", data=broken, headers=attack.headers, timeout=10
        )
        assert response.status_code == 422
    # The chain goes on: the next honest sale is accepted.
    assert attack.push("sale", sale(1_000, card=card).to_payload())["status"] == "accepted"
    assert ledger.card_balance(card) == 97_000 and shop(ledger) == 3_000
    money_holds(ledger)


def raw_post(port: int, path: str, headers: dict[str, str], body: bytes = b"") -> tuple[int, float]:
    """Send only the request head (and ``body``) and read the status line: the answer must not wait
    for a body that never comes."""
    start = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
        head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        head += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
        conn.sendall(head.encode() + body)
        status = int(conn.recv(200).split(b" ")[1])
    return status, time.monotonic() - start


@pytest.mark.postgres
def test_finding_5_huge_bodies_are_refused_before_they_are_read(pg_programme, pg_server, attack):
    path = "/v1/tills/cafe1-1/entries"
    huge = {"Content-Type": "application/json", "Content-Length": "150000000"}
    status, took = raw_post(pg_server.port, path, huge)
    assert status == 401 and took < 2  # no token: refused without reading a byte of the body
    status, took = raw_post(pg_server.port, path, {**huge, "Authorization": f"Bearer {attack.token}"})
    assert status == 413 and took < 2
    # A chunked body gets no further than the limit (1 MB).
    entry = attack.entry("sale", {**sale(0, cash=1000).to_payload(), "padding": "x" * 2_000_000})
    chunks = (
        json.dumps({"protocol": 1, "entries": [entry]}).encode()[i : i + 65536]
        for i in range(0, 2_100_000, 65536)
    )
    response = requests.post(f"{attack.url}{path}", data=chunks, headers=attack.headers, timeout=10)
    assert response.status_code == 413
    assert pg_programme.ledger.sales() == []
    money_holds(pg_programme.ledger)


@pytest.mark.postgres
def test_finding_7_other_content_for_a_held_sequence_is_invalid_and_alerted(pg_programme, attack):
    ahead = attack.entry("sale", sale(0, cash=1_000).to_payload(), seq=3)
    assert attack.send(ahead)["results"][0]["status"] == "held"
    other = attack.entry("sale", sale(0, cash=2_000).to_payload(), seq=3)
    result = attack.send(other)["results"][0]
    assert result["status"] == "invalid" and "held" in result["reason"]
    assert any(
        "held entry" in a["detail"] for a in pg_programme.ledger.alerts() if a["kind"] == "invalid_entry"
    )
    assert attack.send(ahead)["results"][0]["status"] == "held"  # the first one still stands
    money_holds(pg_programme.ledger)
