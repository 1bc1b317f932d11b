"""The ledger's posting rules, pure: an entry's typed payload and the card and sale state in, postings
and an outcome out.

No database here (in the spirit of Beancount's booking functions): ``ingest`` locks the rows, hands
their state in as values, and writes what comes back. Every transaction a rule returns sums to zero
(``Transaction`` refuses anything else), and the rules never take more from a card than its balance
online, nor give back more than a sale posted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal

from sync.ledger.transaction import SHORTFALL, Move, Transaction, card_account, shop_account
from sync.shared.clock import business_day_of, parse_instant
from sync.shared.entries import (
    EntryPayload,
    InvalidPayload,
    Refund,
    Sale,
    SaleCancelled,
    SaleFallback,
)
from sync.shared.sale_state import SaleState, SaleStatus, TenderSplit, refund_problem

Status = Literal["accepted", "rejected"]
MAX_REASON = 64  # the stored reason column


@dataclass(frozen=True)
class CardView:
    """What the rules need of a card (its row is locked while they decide)."""

    number: str
    status: str  # active | online_only | revoked | replaced | expired
    expires_on: dt.date
    replaced_by: str | None = None


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
class Decision:
    """The outcome of one entry: what to post, the sale row after it, cards whose status changes."""

    status: Status
    reason: str | None = None
    transactions: tuple[Transaction, ...] = ()
    sale: SaleBook | None = None
    card_status: tuple[tuple[str, str], ...] = ()
    alerts: tuple[Alert, ...] = ()
    balance_of: str | None = None  # the card account whose balance the till is told, after posting


@dataclass(frozen=True)
class Books:
    """The locked state one push decides against (read-only to the rules)."""

    till_id: str
    shop_id: str
    cards: Mapping[str, CardView]
    balances: Mapping[str, int]  # card account name -> balance
    offline_card_cap: int = 0  # the programme's per-card offline cap: larger offline sales are alerted


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


def rejected(reason: str) -> Decision:
    return Decision("rejected", reason[:MAX_REASON])


def card_problem(card: CardView | None, day: dt.date | None) -> str | None:
    """Why ``card`` cannot pay online on business ``day``, or None."""
    if card is None:
        return "card_unknown"
    if card.status in ("revoked", "replaced"):
        return f"card_{card.status}"
    if day is None:
        return "invalid_timestamp"
    if card.status == "expired" or day > card.expires_on:
        return "card_expired"
    return None


def decide(
    books: Books, entry: EntryMeta, payload: EntryPayload | InvalidPayload, ref: SaleBook | None
) -> Decision:
    """The outcome of one entry; ``ref`` is the sale a follow-up refers to (None when unknown)."""
    if isinstance(payload, InvalidPayload):
        return rejected(payload.reason)
    if isinstance(payload, Sale):
        return apply_sale(books, entry, payload)
    if not isinstance(payload, SaleFallback | SaleCancelled | Refund):
        return Decision("accepted")  # no money moves (day close, rejections the till recorded, ...)
    if ref is None or ref.till_id != books.till_id:
        return rejected("unknown_sale")
    if isinstance(payload, SaleFallback):
        return apply_fallback(books, entry.id, ref)
    if isinstance(payload, SaleCancelled):
        return apply_cancel(books, entry.id, ref)
    return apply_refund(books, entry.id, payload, ref)


def apply_sale(books: Books, entry: EntryMeta, sale: Sale) -> Decision:
    number = sale.card.number if sale.card is not None else None
    outcome: Status = "accepted"
    reason, status, balance_of = None, "posted", None
    offline = Offline()
    txns: tuple[Transaction, ...] = ()
    if sale.points and number is not None:  # the entry type guarantees a card when points are taken
        balance_of = card_account(number)
        if sale.auth == "online":
            balance = books.balances.get(balance_of)
            reason = card_problem(books.cards.get(number), entry.business_day)
            if reason is None and (balance or 0) < sale.points:
                reason = "insufficient_points"
            if reason is None:
                moves: list[Move] = [(balance_of, -sale.points), (shop_account(books.shop_id), sale.points)]
                txns = (Transaction.of("sale", entry.id, moves, "online"),)
                offline = Offline(card_part=sale.points)
            else:
                outcome, status = "rejected", "rejected"
        else:
            offline = take_offline(books, entry.id, number, sale.points)
            txns = (offline.txn,) if offline.txn is not None else ()
    book = SaleBook(
        entry_id=entry.id,
        till_id=books.till_id,
        shop_id=books.shop_id,
        seq=entry.seq,
        ts=entry.ts,
        cashier=sale.cashier,
        total=sale.total,
        points=sale.points,
        cash=sale.cash,
        bank_card=sale.bank_card,
        card_number=number,
        auth=sale.auth,
        status=status,
        card_part=offline.card_part,
        shortfall=offline.shortfall,
    )
    return Decision(outcome, reason, txns, book, offline.card_status, offline.alerts, balance_of)


@dataclass(frozen=True)
class Offline:
    """How an offline sale's points are paid: the card's part, the fund's shortfall, and its effects."""

    card_part: int = 0
    shortfall: int = 0
    txn: Transaction | None = None
    card_status: tuple[tuple[str, str], ...] = ()
    alerts: tuple[Alert, ...] = ()


def take_offline(books: Books, entry_id: str, number: str, points: int) -> Offline:
    """An offline sale is always posted (the goods were handed over): the card pays what it has, the
    fund's shortfall the rest, and a card that fell short becomes online-only."""
    alerts: tuple[Alert, ...] = ()
    if books.offline_card_cap and points > books.offline_card_cap:
        alerts = (
            Alert(
                "offline_over_cap",
                f"offline sale {entry_id} took {points} points from card {number}; "
                f"the cap is {books.offline_card_cap}",
            ),
        )
    account = card_account(number)
    card = books.cards.get(number)
    from_card = min(points, max(0, books.balances.get(account, 0))) if card is not None else 0
    rest = points - from_card
    moves: list[Move] = [(shop_account(books.shop_id), points), (account, -from_card), (SHORTFALL, -rest)]
    txn = Transaction.of("sale", entry_id, moves, "offline" if rest == 0 else f"offline, shortfall {rest}")
    changes: tuple[tuple[str, str], ...] = ()
    if rest and card is not None and card.status in ("active", "expired"):
        changes = ((number, "online_only"),)
    return Offline(from_card, rest, txn, changes, alerts)


def apply_fallback(books: Books, entry_id: str, book: SaleBook) -> Decision:
    """The till accepted offline an online sale the ledger had refused: post it as offline."""
    account = card_account(book.card_number) if book.card_number else None
    if book.status != "rejected" or book.card_number is None:
        return Decision("accepted", balance_of=account)
    offline = take_offline(books, entry_id, book.card_number, book.points)
    posted = replace(
        book, auth="fallback", status="posted", card_part=offline.card_part, shortfall=offline.shortfall
    )
    txns = (offline.txn,) if offline.txn is not None else ()
    return Decision("accepted", None, txns, posted, offline.card_status, offline.alerts, account)


def apply_cancel(books: Books, entry_id: str, book: SaleBook) -> Decision:
    """Reverse what a posted sale still holds (refunds already returned their share), to the card
    that holds its balance now. A cancelled sale stays cancelled: a later fallback posts nothing,
    as the shared sale rule says."""
    number = current_card(books.cards, book.card_number) if book.card_number else None
    account = card_account(number) if number else None
    if book.status == "cancelled":
        return Decision("accepted", balance_of=account)
    txns: tuple[Transaction, ...] = ()
    if book.status == "posted" and book.points > book.refunded_points:
        to_card = book.card_part - book.refunded_card
        to_shortfall = book.shortfall - (book.refunded_points - book.refunded_card)
        moves: list[Move] = [
            (shop_account(books.shop_id), -(to_card + to_shortfall)),
            (SHORTFALL, to_shortfall),
        ]
        if account is not None:
            moves.append((account, to_card))
        txns = (Transaction.of("reversal", entry_id, moves, "sale cancelled after a lost answer"),)
    return Decision("accepted", transactions=txns, sale=replace(book, status="cancelled"), balance_of=account)


def current_card(cards: Mapping[str, CardView], number: str) -> str:
    """The card that holds ``number``'s balance now: a replaced card's refunds land on its replacement."""
    for _ in range(len(cards) + 1):
        card = cards.get(number)
        if card is None or not card.replaced_by:
            break
        number = card.replaced_by
    return number


def apply_refund(books: Books, entry_id: str, refund: Refund, book: SaleBook) -> Decision:
    """Give back part of a sale, each tender only up to what it paid (the shared sale rule).

    Points go back to the card up to what the card paid; what the fund's shortfall covered goes
    back to the shortfall.
    """
    problem = refund_problem(book.state, refund)
    if problem is not None:
        return rejected(problem.value)
    points = refund.points
    txns: tuple[Transaction, ...] = ()
    to_card, balance_of = 0, None
    if points:
        to_card = min(points, book.card_part - book.refunded_card)
        balance_of = card_account(current_card(books.cards, book.card_number or ""))
        moves: list[Move] = [
            (shop_account(books.shop_id), -points),
            (balance_of, to_card),
            (SHORTFALL, points - to_card),
        ]
        txns = (Transaction.of("refund", entry_id, moves, refund.reason[:200]),)
    after = replace(
        book,
        refunded_points=book.refunded_points + points,
        refunded_card=book.refunded_card + to_card,
        refunded_total=book.refunded_total + refund.amount,
        refunded_cash=book.refunded_cash + refund.cash,
        refunded_bank_card=book.refunded_bank_card + refund.bank_card,
    )
    return Decision("accepted", transactions=txns, sale=after, balance_of=balance_of)
