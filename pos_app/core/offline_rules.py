"""The offline rules (ARCHITECTURE §6): how many points a card may spend while the ledger is out of reach."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class Refusal(StrEnum):
    """Why points cannot be taken; the till's translation layer words each code and what to do next.

    The ledger answers a rejected authorisation with a reason string: the same codes, or one the till
    does not know (the UI then shows a general refusal)."""

    NO_SNAPSHOT = "no_snapshot"
    SNAPSHOT_TOO_OLD = "snapshot_too_old"
    CARD_UNKNOWN = "card_unknown"
    CARD_REVOKED = "card_revoked"
    CARD_REPLACED = "card_replaced"
    CARD_EXPIRED = "card_expired"
    CARD_ONLINE_ONLY = "card_online_only"
    INSUFFICIENT_POINTS = "insufficient_points"
    CARD_DAILY_CAP = "card_daily_cap"
    TILL_CAP = "till_cap"
    REFUND_EXCEEDS_SALE = "refund_exceeds_sale"
    MANUAL_NEEDS_ONLINE = "manual_needs_online"


@dataclass(frozen=True)
class OfflineLimits:
    card_daily_cap: int = 30_000
    till_cap: int = 500_000
    snapshot_max_age: dt.timedelta = dt.timedelta(hours=24)


@dataclass(frozen=True)
class OfflinePosition:
    """What the till knows about a card without the ledger."""

    status: str | None  # None: the card is not in the snapshot
    snapshot_balance: int
    snapshot_at: dt.datetime | None
    taken_since_snapshot: int  # offline points this till took from this card not yet in the snapshot
    taken_today: int  # offline points this till took from this card today
    till_outstanding: int  # offline points of this till not yet acknowledged by the ledger


@dataclass(frozen=True)
class Allowance:
    """The most points the card may spend offline now; ``limited_by`` says which rule binds."""

    max_points: int
    limited_by: Refusal | None

    def check(self, amount: int) -> Refusal | None:
        if amount <= self.max_points:
            return None
        return self.limited_by or Refusal.INSUFFICIENT_POINTS


_STATUS_REFUSAL = {
    "revoked": Refusal.CARD_REVOKED,
    "replaced": Refusal.CARD_REPLACED,
    "expired": Refusal.CARD_EXPIRED,
    "online_only": Refusal.CARD_ONLINE_ONLY,
}


def offline_allowance(position: OfflinePosition, limits: OfflineLimits, now: dt.datetime) -> Allowance:
    if position.snapshot_at is None:
        return Allowance(0, Refusal.NO_SNAPSHOT)
    age = now - position.snapshot_at
    # A negative age means the PC clock was set back after the snapshot: its true age is unknown,
    # so it is stale (a clock 30 days slow must not make a month-old snapshot look fresh).
    if age < dt.timedelta(0) or age > limits.snapshot_max_age:
        return Allowance(0, Refusal.SNAPSHOT_TOO_OLD)
    if position.status is None:
        return Allowance(0, Refusal.CARD_UNKNOWN)
    if position.status in _STATUS_REFUSAL:
        return Allowance(0, _STATUS_REFUSAL[position.status])
    candidates = [
        (position.snapshot_balance - position.taken_since_snapshot, Refusal.INSUFFICIENT_POINTS),
        (limits.card_daily_cap - position.taken_today, Refusal.CARD_DAILY_CAP),
        (limits.till_cap - position.till_outstanding, Refusal.TILL_CAP),
    ]
    amount, binding = min(candidates, key=lambda c: c[0])
    return Allowance(max(0, amount), binding)
