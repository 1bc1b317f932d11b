"""Wire models shared by the till's sync client and the central ledger (protocol version 1).

Journal entries travel exactly as the till stored them; the ledger recomputes each entry's hash
from the same canonical encoding (``sync.shared.chain``) and checks the chain per till. What each
entry type's payload holds, and how it is validated, is ``sync.shared.entries`` (one frozen type per
entry type, read with ``parse_payload``); what a sale and its follow-ups mean is
``sync.shared.sale_state``. In short:

``sale``: ``auth=online`` is posted card -> shop only if the card is active and covers ``points``,
    else rejected with a reason; ``auth=offline`` follows the offline rules (ARCHITECTURE §6).
``sale_rejected`` / ``sale_fallback`` / ``sale_cancelled`` (``ref``): the till's decision after an
    online attempt; a cancellation reverses whatever the ledger posted for ``ref``.
``refund`` / ``void`` (``ref``, amounts per tender): points go back shop -> card, never more per
    tender than the sale took less earlier refunds.
anything else (``day_close``, ``catalogue``, ``staff``, ``settings``, ...): stored and
    acknowledged, no postings.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL_VERSION = 1
MAX_BATCH = 500


class Strict(BaseModel):
    """What a till sends: the ledger refuses any field it does not know."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Answer(BaseModel):
    """What the ledger answers: a till ignores fields it does not know yet, so a ledger can add one
    (as it added the acknowledged head) without stopping the tills of an older version."""

    model_config = ConfigDict(extra="ignore", frozen=True)


class WireEntry(Strict):
    id: str = Field(
        pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", description="UUID"
    )
    till_id: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")
    seq: int = Field(ge=1, le=2**63 - 1, description="gap-free per-till sequence, from 1")
    ts: str = Field(min_length=1, max_length=40, pattern=r"^[0-9T:.+\-Z ]+$", description="ISO 8601 UTC time")
    type: str = Field(min_length=1, max_length=32, pattern=r"^[a-z_]+$")
    payload: dict[str, Any]
    prev_hash: str = Field(pattern=r"^[0-9a-f]{64}$")
    hash: str = Field(pattern=r"^[0-9a-f]{64}$")


class PushRequest(Strict):
    protocol: Literal[1] = 1
    entries: list[WireEntry] = Field(max_length=MAX_BATCH)
    urgent: bool = Field(default=False, description="an online authorisation is waiting on this push")


class EntryStatus(StrEnum):
    ACCEPTED = "accepted"  # stored and applied (postings made, if any)
    REJECTED = "rejected"  # stored, business refusal (e.g. insufficient_points); sequence consumed
    DUPLICATE = "duplicate"  # already stored; ``outcome`` repeats the stored result
    HELD = "held"  # sequence skips ahead: kept until the missing entries arrive
    INVALID = "invalid"  # not stored: bad hash, broken chain, id reused with other content (alerted)


class EntryResult(Answer):
    id: str
    seq: int
    status: EntryStatus
    # For DUPLICATE: the stored result ("accepted" or "rejected"); otherwise equal to status.
    outcome: Literal["accepted", "rejected", "held", "invalid"]
    reason: str | None = None
    # For sales and refunds with a card: the card's balance after this entry was applied.
    card_balance: int | None = None


class PushResponse(Answer):
    protocol: Literal[1] = 1
    results: list[EntryResult]
    # Highest sequence of this till the ledger has applied contiguously from 1 (its acknowledged
    # head), and that entry's hash: a till whose journal is behind or differs knows it at once.
    applied_through: int
    head_hash: str | None = None


class CardState(Answer):
    number: str
    masked_name: str
    balance: int
    status: Literal["active", "online_only", "revoked", "replaced", "expired"]
    issue: int
    version: int


class TillLimits(Answer):
    offline_card_daily_cap: int = 30_000
    offline_till_cap: int = 500_000
    snapshot_max_age_seconds: int = 24 * 3600
    refund_window_minutes: int = 24 * 60


class SnapshotResponse(Answer):
    protocol: Literal[1] = 1
    version: int
    full: bool
    server_time: dt.datetime
    cards: list[CardState]
    issuer_public_key: str  # the latest year's (what a till before keyrings reads)
    issuer_keys: dict[str, str] = Field(
        default_factory=dict,
        description="year -> issuer public key of every year whose cards can still be spent",
    )
    limits: TillLimits
    shop: dict[str, Any] = Field(default_factory=dict, description="shop header for receipts")
    applied_through: int | None = Field(default=None, description="the till's acknowledged head")
    head_hash: str | None = Field(default=None, description="hash of the acknowledged head entry")


class StoredEntry(Answer):
    """An entry the ledger holds for a till, as the till wrote it, with the ledger's answer."""

    entry: WireEntry
    outcome: Literal["accepted", "rejected"]
    reason: str | None = None
    card_balance: int | None = None


class TillEntriesResponse(Answer):
    """A page of a till's acknowledged entries (``GET /v1/tills/{id}/entries?after=N``), in order."""

    protocol: Literal[1] = 1
    entries: list[StoredEntry]
    applied_through: int
    more: bool


class ErrorBody(Answer):
    error: str
    detail: str | Any = None
