"""Canonical encoding and SHA-256 hash chain of journal entries (shared by till and ledger)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from sync.shared.entries import EntryPayload, InvalidPayload, parse_payload

GENESIS_HASH = "0" * 64


def canonical_json(value: Any) -> bytes:
    """One byte string per value: sorted keys, no spaces, UTF-8, integers only (no floats in money)."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode()


def entry_hash(
    *, id: str, till_id: str, seq: int, ts: str, type: str, payload: Mapping[str, Any], prev_hash: str
) -> str:
    body = {
        "id": id,
        "till_id": till_id,
        "seq": seq,
        "ts": ts,
        "type": type,
        "payload": payload,
        "prev_hash": prev_hash,
    }
    return hashlib.sha256(canonical_json(body)).hexdigest()


@dataclass(frozen=True)
class JournalEntry:
    """One immutable journal entry, as stored on the till and sent to the ledger."""

    id: str
    till_id: str
    seq: int
    ts: str
    type: str
    payload: Mapping[str, Any]
    prev_hash: str
    hash: str

    @cached_property
    def body(self) -> EntryPayload | InvalidPayload:
        """The payload as its typed entry (parsed once per entry object)."""
        return parse_payload(self.type, self.payload)

    def computed_hash(self) -> str:
        return entry_hash(
            id=self.id,
            till_id=self.till_id,
            seq=self.seq,
            ts=self.ts,
            type=self.type,
            payload=self.payload,
            prev_hash=self.prev_hash,
        )

    def to_wire(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "till_id": self.till_id,
            "seq": self.seq,
            "ts": self.ts,
            "type": self.type,
            "payload": dict(self.payload),
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }


def chain_problems(
    entries: Iterable[JournalEntry], start_seq: int = 1, start_hash: str = GENESIS_HASH
) -> list[str]:
    """Every break in a run of entries: a gap, a wrong link, or a hash that does not match its content."""
    problems: list[str] = []
    expected_seq, expected_prev = start_seq, start_hash
    for entry in entries:
        if entry.seq != expected_seq:
            problems.append(f"sequence {entry.seq}: expected {expected_seq}")
        if entry.prev_hash != expected_prev:
            problems.append(f"sequence {entry.seq}: previous-hash link broken")
        if entry.computed_hash() != entry.hash:
            problems.append(f"sequence {entry.seq}: content does not match its hash")
        expected_seq, expected_prev = entry.seq + 1, entry.hash
    return problems
