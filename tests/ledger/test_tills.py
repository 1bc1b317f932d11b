"""The till fleet: the office's list, disabling, enabling and new tokens, all audited; a disabled till
and a replaced token are refused at once by a real server process that trusted the token moments ago."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import pytest
import requests
from sqlalchemy import func, select

from reliability.world import LedgerProcess
from sync.ledger import schema as t
from sync.ledger.errors import LedgerError
from sync.ledger.programme import token_hash
from sync.ledger.service import Ledger
from sync.protocol import PushRequest
from tests.ledger.conftest import TillStream, push

AT = dt.datetime(2026, 11, 25, 1, 2, 3, tzinfo=dt.UTC)


def test_the_list_shows_each_tills_last_entry_held_entries_and_last_snapshot(programme):
    ledger, card = programme.ledger, programme.cards[0]
    ledger.clock = lambda: AT
    stream = TillStream("cafe1-1")
    first, second = stream.sale(card, 1000), stream.sale(card, 500)
    third, fourth = stream.sale(card, 200), stream.sale(card, 300)
    push(ledger, "cafe1-1", first, second, fourth)  # the fourth waits for the third
    served = ledger.snapshot("cafe1-1").version
    listed = {till.till_id: till for till in ledger.tills()}
    assert sorted(listed) == ["cafe1-1", "cafe1-2", "rest1-1"]
    till = listed["cafe1-1"]
    assert (till.shop_id, till.shop_name, till.active) == ("cafe1", "올리브카페", True)
    assert (till.last_seq, till.last_received_at, till.held) == (2, AT.isoformat(timespec="microseconds"), 1)
    assert (till.last_snapshot_version, till.last_snapshot_at) == (
        served,
        AT.isoformat(timespec="microseconds"),
    )
    quiet = listed["cafe1-2"]
    assert (quiet.last_seq, quiet.last_received_at, quiet.held, quiet.last_snapshot_version) == (
        None,
        None,
        0,
        None,
    )
    push(ledger, "cafe1-1", third)
    assert [(x.last_seq, x.held) for x in ledger.tills("cafe1") if x.till_id == "cafe1-1"] == [(4, 0)]
    assert [x.till_id for x in ledger.tills("rest1")] == ["rest1-1"]


def test_disabling_enabling_and_a_new_token_are_audited(programme):
    ledger = programme.ledger
    ledger.disable_till("cafe1-2", "도난", operator="kim")
    assert [x.active for x in ledger.tills() if x.till_id == "cafe1-2"] == [False]
    ledger.enable_till("cafe1-2", operator="lee")
    new = ledger.rotate_till_token("cafe1-2", operator="park")
    assert (new.till_id, new.shop_id, new.active) == ("cafe1-2", "cafe1", True)
    rows = ledger.audit_log(target="cafe1-2")
    assert [(r.action, r.operator) for r in rows[:3]] == [
        ("rotate_till_token", "park"),
        ("enable_till", "lee"),
        ("disable_till", "kim"),
    ]
    assert rows[2].args == {"shop_id": "cafe1", "reason": "도난"}
    assert (rows[2].before, rows[2].after) == ({"active": True}, {"active": False})
    # The audit log never holds a token or its hash.
    assert new.token not in json.dumps([r.__dict__ for r in rows])
    assert token_hash(new.token) not in json.dumps([r.__dict__ for r in rows])


def test_refusals_say_why_and_change_nothing(programme):
    ledger = programme.ledger
    before = len(ledger.audit_log())
    for call, code in (
        (lambda: ledger.disable_till("nope", "x"), "till_unknown"),
        (lambda: ledger.enable_till("cafe1-1"), "till_already_active"),
        (lambda: ledger.disable_till("cafe1-1", "  "), "till_needs_reason"),
        (lambda: ledger.rotate_till_token("nope"), "till_unknown"),
    ):
        with pytest.raises(LedgerError) as refused:
            call()
        assert refused.value.code == code
    ledger.disable_till("cafe1-1", "도난")
    with pytest.raises(LedgerError, match="till_already_disabled"):
        ledger.disable_till("cafe1-1", "again")
    assert len(ledger.audit_log()) == before + 1


def test_a_disabled_till_or_an_old_token_reads_and_pushes_nothing(programme):
    ledger, card = programme.ledger, programme.cards[0]
    old = token_hash(programme.tokens["cafe1-1"])
    stream = TillStream("cafe1-1")
    push(ledger, "cafe1-1", stream.sale(card, 1000))
    ledger.snapshot("cafe1-1", token_hash=old)
    new = ledger.rotate_till_token("cafe1-1")
    for refused in (
        lambda: ledger.ingest("cafe1-1", PushRequest(entries=[stream.sale(card, 1)]), token_hash=old),
        lambda: ledger.snapshot("cafe1-1", token_hash=old),
        lambda: ledger.till_entries("cafe1-1", token_hash=old),
    ):
        with pytest.raises(LedgerError, match="till_unknown"):
            refused()
    assert ledger.snapshot("cafe1-1", token_hash=token_hash(new.token)).applied_through == 1
    assert ledger.authenticate_till(programme.tokens["cafe1-1"]) is None
    assert ledger.authenticate_till(new.token).till_id == "cafe1-1"
    ledger.disable_till("cafe1-1", "도난")
    with pytest.raises(LedgerError, match="till_unknown"):
        ledger.snapshot("cafe1-1")
    with pytest.raises(LedgerError, match="till_unknown"):
        ledger.till_entries("cafe1-1")
    assert ledger.authenticate_till(new.token) is None


# -- against `allive-ledger serve` in its own process, changed by the office from this one ---------


@pytest.fixture
def served(programme, tmp_path) -> Iterator[tuple[LedgerProcess, Ledger]]:
    """The programme served by a real ledger process; the test's Ledger is the office's."""
    with LedgerProcess(programme.ledger.database_url, tmp_path / "ledger.log") as process:
        yield process, programme.ledger


def _body(*entries) -> dict:
    return {"protocol": 1, "entries": [json.loads(e.model_dump_json()) for e in entries]}


def _stored(ledger: Ledger, till_id: str) -> int:
    with ledger.engine.connect() as conn:
        return int(
            conn.execute(
                select(func.count()).select_from(t.entry).where(t.entry.c.till_id == till_id)
            ).scalar_one()
        )


def test_a_till_disabled_by_the_office_is_refused_at_once_by_a_server_that_trusts_its_token(
    served, programme
):
    process, office = served
    card, token = programme.cards[0], programme.tokens["cafe1-1"]
    headers = {"Authorization": f"Bearer {token}"}
    entries, snapshot = f"{process.url}/v1/tills/cafe1-1/entries", f"{process.url}/v1/tills/cafe1-1/snapshot"
    stream = TillStream("cafe1-1")
    assert requests.post(entries, headers=headers, json=_body(stream.sale(card, 1000)), timeout=10).ok
    assert requests.get(snapshot, headers=headers, timeout=10).ok  # the server now trusts the token
    office.disable_till("cafe1-1", "도난")
    refused = requests.post(entries, headers=headers, json=_body(stream.sale(card, 2000)), timeout=10)
    assert refused.status_code == 409 and refused.json()["detail"]["code"] == "till_unknown"
    read = requests.get(snapshot, headers=headers, timeout=10)
    assert read.status_code == 409 and read.json()["detail"]["code"] == "till_unknown"
    assert requests.get(entries, headers=headers, timeout=10).status_code == 409
    assert _stored(office, "cafe1-1") == 1 and office.card_balance(card) == 100_000 - 1000
    assert [x.last_seq for x in office.tills() if x.till_id == "cafe1-1"] == [1]
    # Enabled again, the same till and token go on where they stopped.
    office.enable_till("cafe1-1")
    assert requests.post(entries, headers=headers, json=_body(stream.entries[1]), timeout=10).ok
    assert office.card_balance(card) == 100_000 - 3000


def test_a_replaced_token_is_refused_at_once_and_the_new_one_works(served, programme):
    process, office = served
    card, old = programme.cards[0], {"Authorization": f"Bearer {programme.tokens['cafe1-1']}"}
    entries, snapshot = f"{process.url}/v1/tills/cafe1-1/entries", f"{process.url}/v1/tills/cafe1-1/snapshot"
    stream = TillStream("cafe1-1")
    assert requests.post(entries, headers=old, json=_body(stream.sale(card, 1000)), timeout=10).ok
    assert requests.get(snapshot, headers=old, timeout=10).ok
    new = office.rotate_till_token("cafe1-1")
    refused = requests.post(entries, headers=old, json=_body(stream.sale(card, 2000)), timeout=10)
    assert refused.status_code == 409 and refused.json()["detail"]["code"] == "till_unknown"
    assert requests.get(snapshot, headers=old, timeout=10).status_code == 409
    assert _stored(office, "cafe1-1") == 1
    fresh = {"Authorization": f"Bearer {new.token}"}
    assert requests.get(snapshot, headers=fresh, timeout=10).json()["applied_through"] == 1
    answer = requests.post(entries, headers=fresh, json=_body(stream.entries[1]), timeout=10)
    assert answer.ok and answer.json()["applied_through"] == 2
    assert office.card_balance(card) == 100_000 - 3000
