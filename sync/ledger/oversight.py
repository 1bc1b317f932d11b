"""The office's oversight queries: points spent by centre, workplace, shop and business day, unspent
balances by centre and by participant, and one participant's cards, balances and sales.

Read-only and Qt-free; each returns records. Spending counts posted sales that took points: the
points the shops were credited (a disputed part waits for the office and is left out), the points
refunded since and the difference. A sale belongs to the business day (KST) of its till time, and
its refunds are counted with it (the settlement statement counts a refund on its own day instead,
so the two differ only by refunds made after the period). Periods are settlement's ``Period``. Participant lookups show full names: the service records each
one shown in the audit log (``view_participant``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import TIMESTAMP, Connection, cast, func, literal_column, or_, select
from sqlalchemy.sql.elements import ColumnElement

from sync.ledger import schema as t
from sync.ledger.db import is_postgres
from sync.ledger.errors import LedgerError
from sync.ledger.records import ParticipantRecord
from sync.ledger.settlement import Period
from sync.shared.cards.number import mask_name
from sync.shared.clock import KST, KST_SQLITE_MODIFIER

SpendingBy = Literal["centre", "workplace", "shop", "day"]
SPENDING_BY: tuple[SpendingBy, ...] = ("centre", "workplace", "shop", "day")
MAX_SHOWN = 5  # a lookup matching more shows masked names only (and nothing is logged)
MAX_MATCHES = 50
MAX_SALES = 200  # a participant's newest sales shown


@dataclass(frozen=True)
class SpendingRow:
    key: str  # the centre, workplace, shop id or business day (ISO); "" when a card has no holder
    label: str  # the shop's name for shops, else the key
    sales: int  # posted sales that took points
    cards: int  # distinct cards among them
    points: int  # points the shops were credited
    refunded: int  # points refunded since
    net: int  # points - refunded


def _kst_day(conn: Connection) -> ColumnElement[Any]:
    if is_postgres(conn):
        local = func.timezone(
            literal_column("INTERVAL '+09:00'"), cast(t.sale.c.ts, TIMESTAMP(timezone=True))
        )
        return func.to_char(local, "YYYY-MM-DD")
    return func.date(t.sale.c.ts, KST_SQLITE_MODIFIER)


def stored_bounds(period: Period) -> tuple[str, str]:
    """The period's UTC instants [start, end) as sale times are stored (ISO 8601, microseconds)."""
    start, end = period.bounds()
    return _stored(start), _stored(end)


def _stored(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).isoformat(timespec="microseconds")


def _spent_sales(period: Period) -> Sequence[ColumnElement[bool]]:
    start, end = stored_bounds(period)
    return (t.sale.c.status == "posted", t.sale.c.points > 0, t.sale.c.ts >= start, t.sale.c.ts < end)


def spending(conn: Connection, by: SpendingBy, period: Period) -> list[SpendingRow]:
    """Points spent in the period, one row per centre, workplace, shop or business day."""
    if by not in SPENDING_BY:
        raise LedgerError("report_by_unknown", by=by, known=", ".join(SPENDING_BY))
    key: ColumnElement[Any]
    label: ColumnElement[Any]
    source: Any = t.sale
    if by == "shop":
        source = t.sale.outerjoin(t.shop, t.shop.c.shop_id == t.sale.c.shop_id)
        key, label = t.sale.c.shop_id, func.max(t.shop.c.name)
    elif by == "day":
        key = _kst_day(conn)
        label = key
    else:
        source = t.sale.outerjoin(t.card, t.card.c.number == t.sale.c.card_number).outerjoin(
            t.participant, t.participant.c.participant_id == t.card.c.participant_id
        )
        key = func.coalesce(t.participant.c.centre if by == "centre" else t.participant.c.workplace, "")
        label = key
    points = func.sum(t.sale.c.points - t.sale.c.disputed)
    refunded = func.sum(t.sale.c.refunded_points)
    query = (
        select(
            key.label("key"),
            label.label("label"),
            func.count().label("sales"),
            func.count(t.sale.c.card_number.distinct()).label("cards"),
            points.label("points"),
            refunded.label("refunded"),
        )
        .select_from(source)
        .where(*_spent_sales(period))
        .group_by(key)
        .order_by(key)
    )
    return [
        SpendingRow(
            str(r.key),
            str(r.label if r.label is not None else r.key),
            int(r.sales),
            int(r.cards),
            int(r.points),
            int(r.refunded),
            int(r.points) - int(r.refunded),
        )
        for r in conn.execute(query)
    ]


@dataclass(frozen=True)
class UnspentCentre:
    centre: str
    participants: int  # holding unspent points
    cards: int
    balance: int
    first_expiry: dt.date | None  # the earliest expiry among those cards


@dataclass(frozen=True)
class UnspentParticipant:
    participant_id: str
    masked_name: str  # 홍*동: the full name is shown only by a logged lookup
    centre: str
    workplace: str
    cards: int
    balance: int
    first_expiry: dt.date | None
    last_sale: dt.date | None  # business day of the last posted sale with any of their cards


def _card_accounts() -> Any:
    return t.card.join(t.account, t.account.c.name == literal_column("'card:'") + t.card.c.number)


def unspent_by_centre(conn: Connection) -> list[UnspentCentre]:
    """Points still on cards, per centre (cards without a holder under "")."""
    centre = func.coalesce(t.participant.c.centre, "")
    query = (
        select(
            centre.label("centre"),
            func.count(t.card.c.participant_id.distinct()),
            func.count(),
            func.sum(t.account.c.balance),
            func.min(t.card.c.expires_on),
        )
        .select_from(
            _card_accounts().outerjoin(
                t.participant, t.participant.c.participant_id == t.card.c.participant_id
            )
        )
        .where(t.account.c.balance > 0)
        .group_by(centre)
        .order_by(centre)
    )
    return [
        UnspentCentre(str(name), int(people), int(cards), int(balance), expiry)
        for name, people, cards, balance, expiry in conn.execute(query)
    ]


def _day_of_stored(ts: str | None) -> dt.date | None:
    if not ts:
        return None
    try:
        return dt.datetime.fromisoformat(ts).astimezone(KST).date()
    except ValueError:
        return None


def unspent_by_participant(conn: Connection, centre: str | None = None) -> list[UnspentParticipant]:
    """Who still holds points (masked names), by centre and the largest balance first."""
    query = (
        select(
            t.participant.c.participant_id,
            t.participant.c.name,
            t.participant.c.centre,
            t.participant.c.workplace,
            func.count(),
            func.sum(t.account.c.balance),
            func.min(t.card.c.expires_on),
        )
        .select_from(
            _card_accounts().join(t.participant, t.participant.c.participant_id == t.card.c.participant_id)
        )
        .where(t.account.c.balance > 0)
        .group_by(
            t.participant.c.participant_id,
            t.participant.c.name,
            t.participant.c.centre,
            t.participant.c.workplace,
        )
        .order_by(
            t.participant.c.centre, func.sum(t.account.c.balance).desc(), t.participant.c.participant_id
        )
    )
    if centre is not None:
        query = query.where(t.participant.c.centre == centre)
    rows = conn.execute(query).all()
    last = dict(
        conn.execute(
            select(t.card.c.participant_id, func.max(t.sale.c.ts))
            .select_from(t.sale.join(t.card, t.card.c.number == t.sale.c.card_number))
            .where(t.sale.c.status == "posted", t.card.c.participant_id.is_not(None))
            .where(*([t.card.c.participant_id.in_([r[0] for r in rows])] if centre is not None else []))
            .group_by(t.card.c.participant_id)
        ).all()
    )
    return [
        UnspentParticipant(
            pid,
            mask_name(name),
            centre_,
            workplace,
            int(cards),
            int(balance),
            expiry,
            _day_of_stored(last.get(pid)),
        )
        for pid, name, centre_, workplace, cards, balance, expiry in rows
    ]


@dataclass(frozen=True)
class CardHolding:
    number: str
    status: str
    balance: int
    expires_on: dt.date
    year: int | None


@dataclass(frozen=True)
class ParticipantSale:
    entry_id: str
    ts: str  # ISO 8601, UTC (the till's time)
    shop_id: str
    shop_name: str
    card_number: str
    total: int
    points: int
    refunded_points: int
    status: str  # posted | rejected | cancelled
    auth: str


@dataclass(frozen=True)
class ParticipantDetail:
    participant: ParticipantRecord
    cards: tuple[CardHolding, ...]
    sales: tuple[ParticipantSale, ...]  # the newest first, at most MAX_SALES

    @property
    def balance(self) -> int:
        return sum(c.balance for c in self.cards)


@dataclass(frozen=True)
class ParticipantMatch:
    participant_id: str
    masked_name: str
    centre: str
    workplace: str


@dataclass(frozen=True)
class ParticipantLookup:
    """What a lookup found: in full when few match (each one shown is logged), else masked."""

    query: str
    shown: tuple[ParticipantDetail, ...]
    others: tuple[ParticipantMatch, ...]  # too many to show in full: narrow the query
    matched: int


def _card_number(query: str) -> str | None:
    digits = re.sub(r"[\s-]", "", query)
    return digits if len(digits) == 12 and digits.isascii() and digits.isdecimal() else None


def _participant_rows(conn: Connection, query: str) -> list[Any]:
    p = t.participant
    exact = conn.execute(select(p).where(p.c.participant_id == query)).mappings().all()
    if exact:
        return list(exact)
    number = _card_number(query)
    if number is not None:
        holder = select(t.card.c.participant_id).where(t.card.c.number == number).scalar_subquery()
        found = conn.execute(select(p).where(p.c.participant_id == holder)).mappings().all()
        if found:
            return list(found)
    return list(
        conn.execute(
            select(p)
            .where(
                or_(
                    p.c.name.icontains(query, autoescape=True),
                    p.c.participant_id.icontains(query, autoescape=True),
                )
            )
            .order_by(p.c.participant_id)
            .limit(MAX_MATCHES + 1)
        ).mappings()
    )


def _detail(conn: Connection, row: Any) -> ParticipantDetail:
    pid = row["participant_id"]
    cards = tuple(
        CardHolding(number, status, int(balance or 0), expires_on, year)
        for number, status, balance, expires_on, year in conn.execute(
            select(t.card.c.number, t.card.c.status, t.account.c.balance, t.card.c.expires_on, t.card.c.year)
            .select_from(
                t.card.outerjoin(t.account, t.account.c.name == literal_column("'card:'") + t.card.c.number)
            )
            .where(t.card.c.participant_id == pid)
            .order_by(t.card.c.serial)
        )
    )
    sales = tuple(
        ParticipantSale(
            r.entry_id,
            r.ts,
            r.shop_id,
            r.name or r.shop_id,
            r.card_number,
            int(r.total),
            int(r.points),
            int(r.refunded_points),
            r.status,
            r.auth,
        )
        for r in conn.execute(
            select(
                t.sale.c.entry_id,
                t.sale.c.ts,
                t.sale.c.shop_id,
                t.shop.c.name,
                t.sale.c.card_number,
                t.sale.c.total,
                t.sale.c.points,
                t.sale.c.refunded_points,
                t.sale.c.status,
                t.sale.c.auth,
            )
            .select_from(t.sale.outerjoin(t.shop, t.shop.c.shop_id == t.sale.c.shop_id))
            .where(t.sale.c.card_number.in_([c.number for c in cards]))
            .order_by(t.sale.c.ts.desc())
            .limit(MAX_SALES)
        )
    )
    return ParticipantDetail(ParticipantRecord(**dict(row)), cards, sales)


def lookup(conn: Connection, query: str) -> ParticipantLookup:
    """Participants by their id, a card number, or part of their name or id."""
    query = query.strip()
    if not query:
        raise LedgerError("lookup_empty")
    rows = _participant_rows(conn, query)
    if len(rows) <= MAX_SHOWN:
        return ParticipantLookup(query, tuple(_detail(conn, r) for r in rows), (), len(rows))
    others = tuple(
        ParticipantMatch(r["participant_id"], mask_name(r["name"]), r["centre"], r["workplace"])
        for r in rows[:MAX_MATCHES]
    )
    return ParticipantLookup(query, (), others, len(rows))
