"""Ingest's wire checks without a database: the entry is encoded once, exactly as the hash chain
encodes it, and the payload is stored as it was hashed."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from sync.ledger.ingest import canonical_parts, wire_problem
from sync.protocol import WireEntry
from sync.shared.chain import canonical_json, entry_hash

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**15), 10**15) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@st.composite
def wires(draw: st.DrawFn) -> WireEntry:
    body = {
        "id": str(draw(st.uuids())),
        "till_id": draw(st.from_regex(r"[A-Za-z0-9_.:-]{1,20}", fullmatch=True)),
        "seq": draw(st.integers(1, 2**63 - 1)),
        "ts": draw(st.from_regex(r"[0-9T:.+\-Z ]{1,40}", fullmatch=True)),
        "type": draw(st.from_regex(r"[a-z_]{1,32}", fullmatch=True)),
        "payload": draw(st.dictionaries(st.text(max_size=8), json_values, max_size=6)),
        "prev_hash": "0" * 64,
    }
    return WireEntry(**body, hash=entry_hash(**body))


@given(wires())
def test_the_entry_is_encoded_exactly_as_the_chain_encodes_it(wire):
    body = wire.model_dump(exclude={"hash"})
    canonical, payload = canonical_parts(wire)
    assert canonical == canonical_json(body)
    assert payload == canonical_json(wire.payload)
    problem, stored = wire_problem(wire, wire.till_id)
    if problem is None:
        assert json.loads(stored) == wire.payload
    else:  # only a payload with NUL is refused here: everything else hashes as sent
        assert "\\u0000" in json.dumps(wire.payload, ensure_ascii=False)


def test_nan_is_an_invalid_entry_not_a_crash():
    wire = WireEntry(
        id="00000000-0000-4000-8000-000000000001",
        till_id="t1",
        seq=1,
        ts="2026-11-25T00:00:00.000000+00:00",
        type="sale",
        payload={"total": float("nan")},
        prev_hash="0" * 64,
        hash="0" * 64,
    )
    assert wire_problem(wire, "t1") == ("payload holds NaN or Infinity", "")
