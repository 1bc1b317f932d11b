"""Immutable records the ledger service returns and accepts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sync.protocol import TillLimits


@dataclass(frozen=True)
class ProgrammeInfo:
    year: int
    grant_amount: int
    expires_on: dt.date
    issuer_public_key: str
    limits: TillLimits


@dataclass(frozen=True)
class ParticipantRecord:
    participant_id: str
    name: str
    phone: str
    centre: str
    workplace: str
    months_prev_year: int
    active: bool
    start_date: dt.date | None


@dataclass(frozen=True)
class CardRecord:
    number: str
    issue: int
    expires_on: dt.date
    participant_id: str | None
    status: str
    replaced_by: str | None = None


@dataclass(frozen=True)
class GrantRecord:
    participant_id: str
    card_number: str
    amount: int


@dataclass(frozen=True)
class AccountBalance:
    name: str
    kind: str
    balance: int


@dataclass(frozen=True)
class TillRecord:
    till_id: str
    shop_id: str
    # The hash of the token this record was found by: a request carries it to the database work it
    # asks for, which refuses it once the till's token was replaced (``tills.current_till``).
    token_hash: str = ""


@dataclass(frozen=True)
class ShortfallRecord:
    sale_id: str
    till_id: str
    shop_id: str
    card_number: str | None
    ts: str
    amount: int


@dataclass(frozen=True)
class SaleRecord:
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
    status: str
    shortfall: int
    refunded_points: int
    refunded_total: int
