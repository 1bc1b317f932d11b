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

from sync.ledger.books import (
    MAX_CLOCK_SKEW,
    MAX_REASON,
    Alert,
    Books,
    CardView,
    Claim,
    Decision,
    EntryMeta,
    SaleBook,
    Status,
)
from sync.ledger.transaction import SHORTFALL, Move, Transaction, card_account, shop_account
from sync.shared.clock import business_day_of
from sync.shared.entries import (
    EntryPayload,
    InvalidPayload,
    Refund,
    Sale,
    SaleCancelled,
    SaleFallback,
)
from sync.shared.sale_state import refund_problem

__all__ = [
    "MAX_CLOCK_SKEW",
    "Alert",
    "Books",
    "CardView",
    "Claim",
    "Decision",
    "EntryMeta",
    "SaleBook",
    "decide",
]


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
            # Online, the ledger's own clock decides (the till's time is only its claim).
            day = business_day_of(books.received_at) if books.received_at else entry.business_day
            reason = card_problem(books.cards.get(number), day)
            if reason is None and (balance or 0) < sale.points:
                reason = "insufficient_points"
            if reason is None:
                moves: list[Move] = [(balance_of, -sale.points), (shop_account(books.shop_id), sale.points)]
                txns = (Transaction.of("sale", entry.id, moves, "online"),)
                offline = Offline(card_part=sale.points)
            else:
                outcome, status = "rejected", "rejected"
        else:
            offline = take_offline(books, entry, number, sale.points, sale.snapshot_version)
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
        disputed=offline.disputed,
        snapshot_version=sale.snapshot_version,
    )
    return Decision(
        outcome, reason, txns, book, offline.card_status, offline.alerts, balance_of, offline.claims
    )


@dataclass(frozen=True)
class Offline:
    """How an offline sale's points are paid: the card's part, the fund's shortfall, the disputed
    rest, and its effects."""

    card_part: int = 0
    shortfall: int = 0
    disputed: int = 0
    txn: Transaction | None = None
    card_status: tuple[tuple[str, str], ...] = ()
    alerts: tuple[Alert, ...] = ()
    claims: tuple[Claim, ...] = ()


def offline_allowed(
    books: Books, entry: EntryMeta, number: str, points: int, version: int | None
) -> tuple[int, str | None]:
    """How many of an offline sale's points §6 allows, judged with what the ledger knows, and why
    not all of them (None when all are allowed)."""
    card = books.cards.get(number)
    if card is None:
        return 0, "card_unknown"
    if entry.at is None:
        return 0, "invalid_timestamp"
    if books.received_at is not None and entry.at > books.received_at + books.max_skew:
        return 0, "till_time_in_future"
    # No snapshot named: the till's time must fall in the last snapshot period before receipt.
    oldest = books.received_at - books.snapshot_max_age - books.max_skew if books.received_at else None
    if version is None and oldest is not None and entry.at < oldest:
        return 0, "snapshot_too_old"
    if version is not None:
        served = books.served.get(version)
        if served is None or version > books.current_version:
            return 0, "snapshot_unknown"
        if entry.at < served - books.max_skew:
            return 0, "till_time_before_snapshot"
        if entry.at > served + books.snapshot_max_age + books.max_skew:
            return 0, "snapshot_too_old"
    # A revocation binds the till when its snapshot had it (a till that does not say which
    # snapshot it sold under is held to everything).
    known = version is None or card.revoked_version is None or card.revoked_version <= version
    if card.status in ("revoked", "replaced") and known:
        return 0, f"card_{card.status}"
    day = business_day_of(entry.at)
    if day > card.expires_on:
        return 0, "card_expired"
    allowed, reason = points, None
    if books.offline_card_cap:
        left = max(0, books.offline_card_cap - books.card_day_taken.get((number, day), 0))
        if left < allowed:
            allowed, reason = left, "over_card_daily_cap"
    if books.offline_till_cap:
        left = max(0, books.offline_till_cap - books.till_period_taken.get(version, 0))
        if left < allowed:
            allowed, reason = left, "over_till_cap"
    return allowed, reason


def take_offline(books: Books, entry: EntryMeta, number: str, points: int, version: int | None) -> Offline:
    """An offline sale as far as the rules allow it: the card pays what it has of the allowed part,
    the fund's shortfall the rest (the card becomes online-only), and whatever the rules do not
    allow is a disputed claim for the office, never the shop's credit."""
    allowed, why = offline_allowed(books, entry, number, points, version)
    disputed = points - allowed
    claims: tuple[Claim, ...] = ()
    alerts: tuple[Alert, ...] = ()
    if disputed:
        # The push raises one alert for all its claims (``PushState.flush``).
        claims = (Claim(entry.id, disputed, why or "disputed"),)
    account = card_account(number)
    card = books.cards.get(number)
    from_card = min(allowed, max(0, books.balances.get(account, 0))) if card is not None else 0
    rest = allowed - from_card
    moves: list[Move] = [(shop_account(books.shop_id), allowed), (account, -from_card), (SHORTFALL, -rest)]
    txn = Transaction.of("sale", entry.id, moves, "offline" if rest == 0 else f"offline, shortfall {rest}")
    changes: tuple[tuple[str, str], ...] = ()
    if rest and card is not None and card.status in ("active", "expired"):
        changes = ((number, "online_only"),)
    return Offline(from_card, rest, disputed, txn, changes, alerts, claims)


def apply_fallback(books: Books, entry_id: str, book: SaleBook) -> Decision:
    """The till accepted offline an online sale the ledger had refused: post it as offline."""
    account = card_account(book.card_number) if book.card_number else None
    if book.status != "rejected" or book.card_number is None:
        return Decision("accepted", balance_of=account)
    # Judged at the time and under the snapshot of the sale itself; postings carry this entry's id.
    meta = EntryMeta.of(book.entry_id, book.seq, book.ts)
    offline = take_offline(books, meta, book.card_number, book.points, book.snapshot_version)
    posted = replace(
        book,
        auth="fallback",
        status="posted",
        card_part=offline.card_part,
        shortfall=offline.shortfall,
        disputed=offline.disputed,
    )
    txns = tuple(replace(t, entry_id=entry_id) for t in (offline.txn,) if t is not None)
    return Decision(
        "accepted", None, txns, posted, offline.card_status, offline.alerts, account, offline.claims
    )


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
    if points > book.posted_points - book.refunded_points:
        return rejected("refund_exceeds_posted_points")  # a disputed part was never credited
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
