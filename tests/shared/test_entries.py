"""Typed entry payloads: today's journals still read, hostile payloads become explicit invalid results."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_app.journal.store import Journal
from reliability.sales import sale
from sync.shared.entries import (
    MAX_WON,
    PAYLOAD_TYPES,
    DayClose,
    InvalidPayload,
    OtherEntry,
    Refund,
    Sale,
    parse_payload,
)

LEGACY = Path(__file__).resolve().parents[1] / "fixtures" / "journal-v1.sqlite3"


def legacy_journal(tmp_path: Path) -> Journal:
    """A journal written by the till before entries were typed (sales, fallbacks, refunds, closes...)."""
    copy = tmp_path / "journal-v1.sqlite3"
    shutil.copy(LEGACY, copy)
    return Journal(copy, "cafe1-1")


def test_every_entry_of_a_journal_written_before_typed_entries_reads_as_its_type(tmp_path):
    journal = legacy_journal(tmp_path)
    entries = journal.entries()
    assert {e.type for e in entries} >= {"sale", "sale_rejected", "sale_fallback", "sale_cancelled"}
    assert {e.type for e in entries} >= {"refund", "void", "day_close", "catalogue", "staff", "settings"}
    for entry in entries:
        body = entry.body
        assert not isinstance(body, InvalidPayload), (entry.seq, entry.type, body)
        assert type(body) is PAYLOAD_TYPES[entry.type]
    closes = [e.body for e in entries if isinstance(e.body, DayClose)]
    assert closes[1].supersedes == next(e.id for e in entries if e.type == "day_close")
    journal.close()


def test_an_entry_type_this_version_does_not_know_is_kept_as_it_is():
    body = parse_payload("cash_count", {"counted": {"10000": 3}, "by": "s001"})
    assert isinstance(body, OtherEntry) and body.model_extra == {"counted": {"10000": 3}, "by": "s001"}


def hostile(**changes: Any) -> dict[str, Any]:
    payload = sale(3000, card="900000000019", auth="offline").to_payload()
    payload.update(changes)
    return payload


@pytest.mark.parametrize(
    ("payload", "where"),
    [
        (hostile(points=1.5), "points"),
        (hostile(points=True, total=1), "points"),
        (hostile(points=float("nan")), "points"),
        (hostile(points=float("inf")), "points"),
        (hostile(points=-1000), "points"),
        (hostile(points=MAX_WON + 1), "points"),
        (hostile(points="3000"), "points"),
        (hostile(total=10), "total"),  # points 3,000 on a sale of 10 won
        (hostile(card=None), "card"),  # points without a card
        (hostile(card={"number": "9" * 40, "issue": 1}), "card.number"),
        (hostile(auth="whatever"), "auth"),
        (hostile(cashier="a\x00b"), "cashier"),
        (hostile(cashier="\ud800"), "cashier"),
        (hostile(lines="many"), "lines"),
        ({k: v for k, v in hostile().items() if k != "points"}, "points"),
    ],
)
def test_a_hostile_or_broken_sale_is_an_explicit_invalid_result(payload, where):
    body = parse_payload("sale", payload)
    assert isinstance(body, InvalidPayload)
    assert body.reason.startswith("invalid_payload: ") and where.split(".")[0] in body.reason
    assert len(body.reason) <= 120 and "\x00" not in body.reason


@pytest.mark.parametrize("payload", [None, [], "sale", 3])
def test_a_payload_that_is_not_an_object_is_invalid(payload):
    assert isinstance(parse_payload("refund", payload), InvalidPayload)


def test_a_refund_reason_holding_nul_is_invalid_not_a_crash():
    payload = {"ref": "0" * 8 + "-0000-0000-0000-" + "0" * 12, "points": 0, "cash": 1000, "bank_card": 0}
    assert isinstance(parse_payload("refund", {**payload, "reason": "ok"}), Refund)
    assert isinstance(parse_payload("refund", {**payload, "reason": "bad\x00"}), InvalidPayload)


won = st.integers(min_value=0, max_value=10**7)


@given(points=won, cash=won, bank_card=won, auth=st.sampled_from(["online", "offline"]))
def test_a_sale_reads_back_as_itself(points, cash, bank_card, auth):
    written = sale(points, cash=cash, bank_card=bank_card, card="900000000019" if points else None, auth=auth)
    assert parse_payload("sale", written.to_payload()) == written


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=10,
)


@given(
    entry_type=st.sampled_from([*PAYLOAD_TYPES, "other"]),
    payload=st.dictionaries(
        st.sampled_from(["points", "cash", "total", "ref", "card", "lines", "auth", "reason", "x"]),
        json_values,
    ),
)
def test_reading_any_payload_never_raises(entry_type, payload):
    body = parse_payload(entry_type, payload)
    assert isinstance(body, InvalidPayload) or body.type in (entry_type, "")


def test_sale_is_immutable():
    written = sale(1000, card="900000000019")
    with pytest.raises(Exception):  # noqa: B017 - pydantic's frozen error type is internal
        written.points = 5  # type: ignore[misc]
    assert isinstance(written, Sale)
