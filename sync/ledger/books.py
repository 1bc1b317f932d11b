"""The values the ledger's rules decide over, pure: a card and a sale as the rules see them, the
locked state of one push (``Books``), an entry's identity and time, and a decision's outcome.

No database here; ``push_state`` fills these from locked rows and writes back what ``rules`` decides.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from sync.ledger.transaction import Transaction
from sync.shared.clock import business_day_of, parse_instant
from sync.shared.sale_state import SaleState, SaleStatus, TenderSplit

Status = Literal["accepted", "rejected"]
MAX_REASON = 64  # the stored reason column
# How far a till's clock may be from the ledger's for an offline claim: its sale time may be at most
# this far after the ledger received it, and inside [snapshot served - skew, served + max age + skew].
MAX_CLOCK_SKEW = dt.timedelta(minutes=15)


@dataclass(frozen=True)
class CardView:
    """What the rules need of a card (its row is locked while they decide)."""

    number: str
    status: str  # active | online_only | revoked | replaced | expired
    expires_on: dt.date
    replaced_by: str | None = None
    revoked_version: int | None = None  # the card version at which it was revoked or replaced


@dataclass(frozen=True)
class SaleBook:
    """The ledger's record of one sale (a row of ``sale``): its tenders, who paid the points (card
    or the fund's shortfall), and what was given back per tender."""

    entry_id: str
    till_id: str
    shop_id: str
    seq: int
    ts: str
    cashier: str
    total: int
    points: int
    cash: int
    bank_card: int
    card_number: str | None
    auth: str
    status: str = "posted"  # posted | rejected | cancelled
    card_part: int = 0
    shortfall: int = 0
    refunded_points: int = 0
    refunded_card: int = 0  # of the refunded points, those that went back to a card
    refunded_total: int = 0
    refunded_cash: int = 0
    refunded_bank_card: int = 0
    disputed: int = 0  # points of an offline claim the rules did not allow: never credited here
    snapshot_version: int | None = None

    @property
    def posted_points(self) -> int:
        """The points the shop was credited for this sale (a disputed part waits for the office)."""
        return self.points - self.disputed

    @property
    def state(self) -> SaleState:
        """The shared sale rule's view of this row (status, paid and refunded per tender)."""
        return SaleState(
            SaleStatus(self.status),
            TenderSplit(self.points, self.bank_card, self.cash),
            TenderSplit(self.refunded_points, self.refunded_bank_card, self.refunded_cash),
        )


@dataclass(frozen=True)
class Alert:
    kind: str
    detail: str


@dataclass(frozen=True)
class Claim:
    """Points of an offline sale the rules do not allow: recorded for the office, never credited."""

    entry_id: str
    amount: int
    reason: str


@dataclass(frozen=True)
class Decision:
    """The outcome of one entry: what to post, the sale row after it, cards whose status changes."""

    status: Status
    reason: str | None = None
    transactions: tuple[Transaction, ...] = ()
    sale: SaleBook | None = None
    card_status: tuple[tuple[str, str], ...] = ()
    alerts: tuple[Alert, ...] = ()
    balance_of: str | None = None  # the card account whose balance the till is told, after posting
    claims: tuple[Claim, ...] = ()


@dataclass(frozen=True)
class Books:
    """The locked state one push decides against (read-only to the rules)."""

    till_id: str
    shop_id: str
    cards: Mapping[str, CardView]
    balances: Mapping[str, int]  # card account name -> balance
    offline_card_cap: int = 0  # per card and business day (0: no cap)
    offline_till_cap: int = 0  # per till and snapshot it sold under (0: no cap)
    snapshot_max_age: dt.timedelta = dt.timedelta(hours=24)
    received_at: dt.datetime | None = None  # the ledger's own time for this push
    current_version: int = 0  # the ledger's card version now
    served: Mapping[int, dt.datetime] = field(default_factory=dict)  # versions served to this till
    # Offline points already allowed: per (card, business day), and per snapshot version of this till.
    # Kept current by the push as each decision is kept.
    card_day_taken: Mapping[tuple[str, dt.date], int] = field(default_factory=dict)
    till_period_taken: Mapping[int | None, int] = field(default_factory=dict)
    max_skew: dt.timedelta = MAX_CLOCK_SKEW


@dataclass(frozen=True)
class EntryMeta:
    """An entry's identity and time: ``ts`` as stored with its sale, ``at`` the instant (None when
    the till's time cannot be read)."""

    id: str
    seq: int
    ts: str
    at: dt.datetime | None

    @classmethod
    def of(cls, entry_id: str, seq: int, ts: str) -> EntryMeta:
        try:
            at = parse_instant(ts)
        except ValueError:
            return cls(entry_id, seq, ts, None)
        # Stored in UTC with microseconds, so that text order is time order (what tills send already).
        if len(ts) != 32 or ts[10] != "T" or not ts.endswith("+00:00"):
            ts = at.astimezone(dt.UTC).isoformat(timespec="microseconds")
        return cls(entry_id, seq, ts, at)

    @property
    def business_day(self) -> dt.date | None:
        """The business day (KST) of the entry, compared as a date, never as text."""
        return business_day_of(self.at) if self.at is not None else None
