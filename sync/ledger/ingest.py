"""A till's push: each entry stored once by (till, seq) and id, resends answered from what is stored,
gaps held, the chain checked, and the rules applied in sequence order; written in bulk at the end.

One push is one database transaction. The till's row is locked first (one push of a till at a
time), then its cards in card-number order and their accounts in name order (FOR NO KEY UPDATE),
then the shared accounts when balances change: every writer takes locks in that order.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Select, exists, select

from sync.ledger import schema as t
from sync.ledger.db import among
from sync.ledger.push_state import PushState, open_push
from sync.ledger.rules import EntryMeta, decide
from sync.ledger.tills import TillRow, current_till
from sync.protocol import EntryResult, EntryStatus, PushRequest, PushResponse, TillLimits, WireEntry
from sync.shared.chain import GENESIS_HASH, canonical_json
from sync.shared.clock import Clock
from sync.shared.entries import FOLLOW_UP_CLASSES, EntryPayload, InvalidPayload, parse_payload

# A check of an entry as it arrived: (entry, the pushing till, its canonical encoding) -> problem.
WireCheck = Callable[[WireEntry, str, bytes], str | None]


def belongs_to_till(wire: WireEntry, till_id: str, _canonical: bytes) -> str | None:
    return "entry belongs to another till" if wire.till_id != till_id else None


def hash_matches(wire: WireEntry, _till_id: str, canonical: bytes) -> str | None:
    # The content must match its hash before anything else: a resend is recognised by hash.
    return (
        None
        if hashlib.sha256(canonical).hexdigest() == wire.hash
        else "hash does not match the entry's content"
    )


# NUL in a payload is no reason to stop a till: the canonical text stores it escaped ("\\u0000"),
# and the typed payloads refuse it, so such an entry is recorded as refused and the chain goes on.
WIRE_CHECKS: tuple[WireCheck, ...] = (belongs_to_till, hash_matches)


def _json(value: str) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode()


def canonical_parts(wire: WireEntry) -> tuple[bytes, bytes]:
    """The entry's canonical encoding (what its hash covers, as ``chain.canonical_json`` makes it)
    and, inside it, its payload's: the payload is encoded once, and stored as it was hashed.

    Keys in sorted order, no spaces; ``tests/ledger/test_ingest_checks.py`` proves the bytes equal
    ``canonical_json`` of the whole entry.
    """
    payload = canonical_json(wire.payload)
    body = b"".join(
        (
            b'{"id":',
            _json(wire.id),
            b',"payload":',
            payload,
            b',"prev_hash":',
            _json(wire.prev_hash),
            b',"seq":',
            str(wire.seq).encode(),
            b',"till_id":',
            _json(wire.till_id),
            b',"ts":',
            _json(wire.ts),
            b',"type":',
            _json(wire.type),
            b"}",
        )
    )
    return body, payload


def wire_problem(wire: WireEntry, till_id: str) -> tuple[str | None, str]:
    """The first problem the wire checks find (None when there is none), and the payload as stored."""
    try:
        canonical, payload = canonical_parts(wire)
    except UnicodeEncodeError:  # a lone surrogate: no till can have hashed it
        return "payload holds text that is not valid Unicode", ""
    except ValueError:  # NaN or Infinity: JSON numbers the chain's encoding refuses
        return "payload holds NaN or Infinity", ""
    for check in WIRE_CHECKS:
        if problem := check(wire, till_id, canonical):
            return problem, ""
    return None, payload.decode()


@dataclass
class Stored:
    """What the ledger holds of a till around this push."""

    by_id: dict[str, dict[str, Any]]
    by_seq: dict[int, dict[str, Any]]
    applied: int  # the till's last applied sequence
    last_hash: str
    held: dict[int, WireEntry] = field(default_factory=dict)


def _lock_till(till_id: str) -> Select[Any]:
    return (
        select(t.till.c.shop_id, t.till.c.active, t.till.c.token_hash)
        .where(t.till.c.till_id == till_id)
        .with_for_update(key_share=True)
    )


def _till_head(till_id: str) -> Select[Any]:
    """What every push needs, in one round trip: the till's last stored entry, whether it has held
    entries, and the programme's offline limits."""
    last = (
        select(t.entry.c.seq, t.entry.c.hash)
        .where(t.entry.c.till_id == till_id)
        .order_by(t.entry.c.seq.desc())
        .limit(1)
    )
    return select(
        last.with_only_columns(t.entry.c.seq).scalar_subquery(),
        last.with_only_columns(t.entry.c.hash).scalar_subquery(),
        exists().where(t.held_entry.c.till_id == till_id),
        select(t.programme.c.limits).order_by(t.programme.c.year.desc()).limit(1).scalar_subquery(),
    )


@dataclass(frozen=True)
class TillHead:
    shop_id: str
    applied: int  # the till's last applied sequence
    last_hash: str
    has_held: bool
    limits: TillLimits


def lock_till(conn: Connection, till_id: str, token_hash: str | None = None) -> TillHead:
    """Lock the till's row (a second push of the same till waits, then finds its entries stored),
    then read its head. Two statements, not one: a statement that waits for the lock would read
    the rest from the snapshot it took before waiting, and miss what the push it waited for wrote.

    A till disabled, or given a new token, since ``token_hash`` was checked pushes nothing."""
    row = conn.execute(_lock_till(till_id)).first()
    shop_id = current_till(till_id, TillRow(row[0], bool(row[1]), row[2]) if row else None, token_hash)
    seq, last_hash, has_held, limits = conn.execute(_till_head(till_id)).one()
    return TillHead(
        shop_id,
        int(seq) if seq is not None else 0,
        str(last_hash) if last_hash is not None else GENESIS_HASH,
        bool(has_held),
        TillLimits.model_validate_json(limits) if limits else TillLimits(),
    )


def load_stored(conn: Connection, till_id: str, head: TillHead, entries: Sequence[WireEntry]) -> Stored:
    ids, seqs = [e.id for e in entries], [e.seq for e in entries]
    by_id: dict[str, dict[str, Any]] = {}
    if entries:
        for found in conn.execute(
            select(
                t.entry.c.id,
                t.entry.c.till_id,
                t.entry.c.seq,
                t.entry.c.hash,
                t.entry.c.status,
                t.entry.c.reason,
                t.entry.c.card_balance,
            ).where(
                among(conn, t.entry.c.id, ids)
                | ((t.entry.c.till_id == till_id) & among(conn, t.entry.c.seq, seqs))
            )
        ).mappings():
            by_id[found["id"]] = dict(found)
    by_seq = {r["seq"]: r for r in by_id.values() if r["till_id"] == till_id}
    held: dict[int, WireEntry] = {}
    if head.has_held:
        held_rows = conn.execute(
            select(t.held_entry.c.seq, t.held_entry.c.raw).where(t.held_entry.c.till_id == till_id)
        )
        held = {int(seq): WireEntry.model_validate_json(raw) for seq, raw in held_rows}
    return Stored(by_id, by_seq, head.applied, head.last_hash, held)


def ingest(
    conn: Connection, clock: Clock, till_id: str, request: PushRequest, token_hash: str | None = None
) -> PushResponse:
    """Store and apply a till's batch in the current transaction; resends return the stored results.
    ``token_hash``: the hash of the token the push came with (refused once it is not the till's)."""
    # One push of a till at a time (the background sync and an online authorisation may carry the
    # same entries): the second waits and then finds them stored.
    head = lock_till(conn, till_id, token_hash)
    entries = sorted(request.entries, key=lambda e: e.seq)
    stored = load_stored(conn, till_id, head, entries)
    wires = [*entries, *stored.held.values()]
    payloads = {w.id: parse_payload(w.type, w.payload) for w in wires}
    push = open_push(
        conn, clock, till_id, head.shop_id, head.limits, [(w.id, w.ts, payloads[w.id]) for w in wires]
    )
    results: list[EntryResult] = []
    new_held: list[dict[str, Any]] = []
    stored_payloads: dict[str, str] = {}
    for wire in entries:
        problem, stored_payloads[wire.id] = wire_problem(wire, till_id)
        if problem:
            results.append(invalid(push, wire, problem))
            continue
        previous = stored.by_id.get(wire.id) or stored.by_seq.get(wire.seq)
        if previous is not None:
            if previous["hash"] == wire.hash and previous["id"] == wire.id and previous["till_id"] == till_id:
                results.append(
                    EntryResult(
                        id=wire.id,
                        seq=wire.seq,
                        status=EntryStatus.DUPLICATE,
                        outcome=previous["status"],
                        reason=previous["reason"],
                        card_balance=previous["card_balance"],
                    )
                )
            else:
                results.append(invalid(push, wire, "conflict: this id or sequence holds other content"))
            continue
        if wire.seq > stored.applied + 1:
            held = stored.held.get(wire.seq)
            if held is not None and (held.hash != wire.hash or held.id != wire.id):
                results.append(
                    invalid(push, wire, "conflict: a held entry with this sequence holds other content")
                )
                continue
            if held is None:
                stored.held[wire.seq] = wire
                new_held.append(
                    {"till_id": till_id, "seq": wire.seq, "id": wire.id, "raw": wire.model_dump_json()}
                )
            results.append(EntryResult(id=wire.id, seq=wire.seq, status=EntryStatus.HELD, outcome="held"))
            continue
        if wire.seq <= stored.applied or wire.prev_hash != stored.last_hash:
            results.append(invalid(push, wire, "chain broken: previous hash does not match"))
            continue
        results.append(apply(push, stored, wire, payloads[wire.id], stored_payloads[wire.id]))
    # Entries held earlier that now follow on are applied too (their results reach the till on its next push).
    released: list[int] = []
    while stored.applied + 1 in stored.held:
        wire = stored.held[stored.applied + 1]
        if wire.prev_hash != stored.last_hash or wire.id in stored.by_id:
            break
        apply(push, stored, wire, payloads[wire.id], canonical_json(wire.payload).decode())
        released.append(wire.seq)
    push.flush(new_held, released)
    head_hash = stored.last_hash if stored.applied else None
    return PushResponse(results=results, applied_through=stored.applied, head_hash=head_hash)


def invalid(push: PushState, wire: WireEntry, reason: str) -> EntryResult:
    """Not stored, alerted: the till must not go on from this entry."""
    push.alert("invalid_entry", f"seq {wire.seq} id {wire.id}: {reason}")
    return EntryResult(id=wire.id, seq=wire.seq, status=EntryStatus.INVALID, outcome="invalid", reason=reason)


def apply(
    push: PushState, stored: Stored, wire: WireEntry, payload: EntryPayload | InvalidPayload, text: str
) -> EntryResult:
    """Decide one in-sequence entry with the rules, keep the outcome, and store the entry."""
    ref = push.sale(payload.ref) if isinstance(payload, FOLLOW_UP_CLASSES) else None
    decision = decide(push.books, EntryMeta.of(wire.id, wire.seq, wire.ts), payload, ref)
    balance = push.keep(decision)
    row = {
        "id": wire.id,
        "till_id": wire.till_id,
        "seq": wire.seq,
        "ts": wire.ts,
        "type": wire.type,
        "payload": text,  # canonical JSON: what the hash covers
        "prev_hash": wire.prev_hash,
        "hash": wire.hash,
        "status": decision.status,
        "reason": decision.reason,
        "card_balance": balance,
        "received_at": push.received_at,
    }
    push.entries.append(row)
    stored.by_id[wire.id] = row
    stored.applied, stored.last_hash = wire.seq, wire.hash
    return EntryResult(
        id=wire.id,
        seq=wire.seq,
        status=EntryStatus(decision.status),
        outcome=decision.status,
        reason=decision.reason,
        card_balance=balance,
    )
