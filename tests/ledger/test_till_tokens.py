"""Checked till tokens are trusted for a few seconds; a disabled till's push is refused at once."""

from __future__ import annotations

import json

import requests
from sqlalchemy import update

from sync.ledger import schema as t
from sync.ledger.records import TillRecord
from sync.ledger.till_tokens import TillTokens
from tests.ledger.conftest import TillStream

TILL = TillRecord("cafe1-1", "cafe1")


class Lookups:
    def __init__(self) -> None:
        self.calls: list[str] = []
        self.known = {"good": TILL}

    def __call__(self, token: str) -> TillRecord | None:
        self.calls.append(token)
        return self.known.get(token)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_checked_token_is_trusted_until_its_time_is_up():
    lookups, clock = Lookups(), Clock()
    tokens = TillTokens(lookups, ttl=10, monotonic=clock)
    assert tokens.cached("good") is None
    assert tokens("good") == TILL and tokens("good") == TILL
    assert lookups.calls == ["good"]
    clock.now += 9.9
    assert tokens.cached("good") == TILL
    clock.now += 0.1
    assert tokens.cached("good") is None
    lookups.known.clear()  # the till was disabled meanwhile
    assert tokens("good") is None and lookups.calls == ["good", "good"]


def test_unknown_tokens_are_looked_up_every_time_and_never_kept():
    lookups = Lookups()
    tokens = TillTokens(lookups, monotonic=Clock())
    assert tokens("guess-1") is None and tokens("guess-1") is None
    assert lookups.calls == ["guess-1", "guess-1"] and tokens.cached("guess-1") is None


def test_forget_and_the_size_bound_make_tokens_checked_again():
    lookups = Lookups()
    lookups.known.update({f"t{n}": TILL for n in range(3)})
    tokens = TillTokens(lookups, monotonic=Clock(), size=2)
    tokens("t0"), tokens("t1"), tokens("t2")  # the third clears the full cache
    assert tokens.cached("t0") is None and tokens.cached("t2") == TILL
    tokens.forget()
    assert tokens.cached("t2") is None


def test_a_till_disabled_while_its_token_is_trusted_cannot_push(server):
    ledger, token = server.programme.ledger, server.programme.tokens["cafe1-1"]
    card = server.programme.cards[0]
    url = f"{server.base_url}/v1/tills/cafe1-1/entries"
    headers = {"Authorization": f"Bearer {token}"}
    stream = TillStream("cafe1-1")
    first = {"protocol": 1, "entries": [json.loads(stream.sale(card, 1000).model_dump_json())]}
    assert requests.post(url, headers=headers, json=first, timeout=10).status_code == 200
    assert ledger.till_tokens.cached(token) is not None
    with ledger.engine.begin() as conn:
        conn.execute(update(t.till).where(t.till.c.till_id == "cafe1-1").values(active=False))
    second = {"protocol": 1, "entries": [json.loads(stream.sale(card, 2000).model_dump_json())]}
    refused = requests.post(url, headers=headers, json=second, timeout=10)
    assert refused.status_code == 409 and refused.json()["detail"]["code"] == "till_unknown"
    assert ledger.card_balance(card) == 100_000 - 1000
    ledger.till_tokens.forget()
    assert requests.post(url, headers=headers, json=second, timeout=10).status_code == 401
