"""The till's payment service: scan a card, take a sale (online or offline), refund — journal first.

The UI calls only this. Every decision follows ARCHITECTURE §5-§6: a sale is appended to the
journal before anything else happens; the ledger is asked with a short timeout; when it cannot
answer, the offline rules decide, and the outcome is itself a journal entry.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal, Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from pos_app.core.cart import Cart
from pos_app.core.offline_rules import (
    Allowance,
    OfflineLimits,
    OfflinePosition,
    Refusal,
    offline_allowance,
)
from pos_app.core.refunds import RefundSplit, split_refund
from pos_app.core.tenders import Payment, PaymentError, Tenders, settle
from pos_app.journal.store import Journal, JournalWriteFailed
from sync.shared.cards.keys import load_public_key_hex
from sync.shared.cards.number import is_valid_card_number, mask_card_number
from sync.shared.cards.token import CardProblem, CardRejected, verify_card_payload
from sync.shared.chain import JournalEntry
from sync.shared.clock import KST
from sync.shared.entries import (
    FOLLOW_UP_CLASSES,
    FOLLOW_UP_TYPES,
    SALE_TYPES,
    CardRef,
    Refund,
    Sale,
    SaleCancelled,
    SaleFallback,
    SaleLine,
    SaleRejected,
    Void,
)
from sync.shared.sale_state import fold_sale

log = logging.getLogger(__name__)

DEFAULT_LIMITS = OfflineLimits()


@dataclass(frozen=True)
class AuthAnswer:
    """The ledger's answer to an urgent push of a sale."""

    status: Literal["accepted", "rejected", "unavailable"]
    reason: str | None = None
    card_balance: int | None = None


class LedgerLink(Protocol):
    """What the checkout needs from the sync client (``sync.client.SyncClient`` implements it)."""

    def authorise(self, entry: JournalEntry, timeout: float) -> AuthAnswer: ...

    def refresh_cards(self, timeout: float) -> bool: ...

    def wake(self) -> None: ...

    def reachable(self) -> bool:
        """False while the ledger is known to be down: sell offline at once instead of waiting."""
        ...


@dataclass(frozen=True)
class CardView:
    """What the card panel shows: never a full name, only the masked one and the last four digits."""

    number: str
    issue: int
    masked_name: str
    balance: int
    status: str
    source: Literal["online", "offline"]
    snapshot_age: dt.timedelta | None
    spendable_now: int
    limited_by: Refusal | None
    verified: bool  # scanned and signature-checked; False for a typed card number

    @property
    def last4(self) -> str:
        return self.number[-4:]

    @property
    def masked_number(self) -> str:
        return mask_card_number(self.number)


class SaleOutcome(StrEnum):
    """What became of a sale, beyond the offline rules' ``Refusal`` and the tenders' ``PaymentProblem``."""

    PAID = "paid"
    PAID_OFFLINE = "paid_offline"  # sent to the ledger once the connection is back
    NO_CARD = "no_card"  # points asked for without a scanned card
    REFUSED = "refused"  # the ledger refused for a reason this till does not know
    NOT_RECORDED = "not_recorded"  # the journal could not write (disk full): nothing was sold


class RefundOutcome(StrEnum):
    """What became of a refund (an amount problem comes back as a ``PaymentProblem``)."""

    REFUNDED = "refunded"
    REFUNDED_POINTS_LATER = "refunded_points_later"  # points return to the card once synced
    REASON_NEEDED = "reason_needed"
    SALE_NOT_FOUND = "sale_not_found"
    SALE_NOT_APPROVED = "sale_not_approved"
    WINDOW_PASSED = "window_passed"  # values: hours, minutes (the window)
    FULLY_REFUNDED = "fully_refunded"
    NOT_RECORDED = "refund_not_recorded"  # the journal could not write (disk full): nothing refunded


def refusal_code(reason: str) -> StrEnum:
    """A refusal reason from the rules or the ledger as a code the UI can word."""
    try:
        return Refusal(reason)
    except ValueError:
        return SaleOutcome.REFUSED


@dataclass(frozen=True)
class SaleResult:
    """``code`` (with ``values``) says what happened; the till's translation layer words it."""

    approved: bool
    code: StrEnum
    entry: JournalEntry | None = None
    payment: Payment | None = None
    mode: Literal["online", "offline", "none"] = "none"
    card: CardView | None = None
    card_balance: int | None = None
    refusal: str | None = None
    extra_entries: tuple[JournalEntry, ...] = field(default=())
    values: Mapping[str, int | str] = field(default_factory=dict)

    @property
    def sale_no(self) -> str | None:
        return sale_number(self.entry) if self.entry else None


@dataclass(frozen=True)
class RefundResult:
    approved: bool
    code: StrEnum
    entry: JournalEntry | None = None
    split: RefundSplit | None = None
    values: Mapping[str, int | str] = field(default_factory=dict)


@dataclass(frozen=True)
class SaleState:
    entry: JournalEntry
    status: Literal["pending", "posted", "rejected", "cancelled"]
    mode: str
    paid: RefundSplit
    refunded: RefundSplit


def sale_number(entry: JournalEntry) -> str:
    return f"{entry.till_id}-{entry.seq:06d}"


class Checkout:
    def __init__(
        self,
        journal: Journal,
        *,
        issuer_public_key: Ed25519PublicKey | None = None,
        limits: OfflineLimits | Callable[[], OfflineLimits] = DEFAULT_LIMITS,
        link: LedgerLink | None = None,
        clock: Callable[[], dt.datetime] | None = None,
        auth_timeout: float = 1.5,
        online_backlog_limit: int = 50,
        refund_window: dt.timedelta | Callable[[], dt.timedelta] = dt.timedelta(hours=24),
    ) -> None:
        self.journal = journal
        self._issuer_key = issuer_public_key  # bootstraps the keyring until the first snapshot
        self._keyring: list[Ed25519PublicKey] = []
        self._keyring_text = ""
        self._limits = limits
        self.link = link
        # Every entry this service writes is stamped by one clock: the journal's unless given.
        self.clock = clock or journal.clock
        self.auth_timeout = auth_timeout
        self.online_backlog_limit = online_backlog_limit
        # The ledger sends the window with its limits (``TillLimits.refund_window_minutes``).
        self._refund_window = refund_window

    # -- configuration pulled from the ledger ----------------------------------------------------
    def issuer_keys(self) -> list[Ed25519PublicKey]:
        """The keyring cards are checked against: every programme year's key the ledger sent with
        its last snapshot; before the first sync, the key the till was enrolled with."""
        ring = self.journal.setting("issuer_keys")
        if ring:
            if ring != self._keyring_text:
                self._keyring = [load_public_key_hex(k) for _, k in sorted(json.loads(ring).items())]
                self._keyring_text = ring
            return self._keyring
        if self._issuer_key is None:
            stored = self.journal.setting("issuer_public_key")
            if not stored:
                raise CardRejected(CardProblem.UNREADABLE, "no issuer key configured")
            self._issuer_key = load_public_key_hex(stored)
        return [self._issuer_key]

    def limits(self) -> OfflineLimits:
        return self._limits() if callable(self._limits) else self._limits

    def refund_window(self) -> dt.timedelta:
        """How long after a sale this till may refund it (the ledger's setting once it has sent one)."""
        return self._refund_window() if callable(self._refund_window) else self._refund_window

    # -- cards -----------------------------------------------------------------------------------
    def scan(self, payload: str, *, refresh: bool = True) -> CardView:
        """Verify a scanned QR payload and show the card; raises ``CardRejected`` with the problem.

        ``refresh=False`` answers at once from this till's snapshot (no network): the screen shows
        that first and the refreshed view when the ledger has answered."""
        now = self.clock()
        token = verify_card_payload(payload, self.issuer_keys(), now.astimezone(KST).date())
        return self._card_view(token.number, token.issue, verified=True, now=now, refresh=refresh)

    def lookup_number(self, number: str, *, refresh: bool = True) -> CardView:
        """A card number typed by the cashier: no signature, so points need the ledger (online)."""
        digits = "".join(ch for ch in number if ch.isdigit())
        if not is_valid_card_number(digits):
            raise CardRejected(CardProblem.BAD_NUMBER, digits)
        return self._card_view(digits, None, verified=False, now=self.clock(), refresh=refresh)

    def _card_view(
        self, number: str, issue: int | None, *, verified: bool, now: dt.datetime, refresh: bool = True
    ) -> CardView:
        online = bool(refresh and self.link and self.link.refresh_cards(self.auth_timeout))
        card = self.journal.snapshot_card(number)
        if card is not None and issue is not None and issue < card.issue:
            raise CardRejected(CardProblem.REPLACED, number)
        if card is not None and card.status in ("revoked", "replaced"):
            raise CardRejected(
                CardProblem.REVOKED if card.status == "revoked" else CardProblem.REPLACED, number
            )
        if card is None and online:
            raise CardRejected(CardProblem.BAD_NUMBER, f"{number} not known to the ledger")
        position = self._offline_position(number, now)
        allowance = self._allowance(position, verified, now)
        balance = (card.balance if card else 0) - position.taken_since_snapshot
        snapshot_at = self.journal.snapshot_at()
        if online and card is not None:
            spendable = max(0, balance)
            limited_by: Refusal | None = Refusal.INSUFFICIENT_POINTS
            if card.status == "expired":
                spendable, limited_by = 0, Refusal.CARD_EXPIRED
        else:
            spendable, limited_by = allowance.max_points, allowance.limited_by
        return CardView(
            number=number,
            issue=issue if issue is not None else (card.issue if card else 0),
            masked_name=card.masked_name if card else "",
            balance=max(0, balance),
            status=card.status if card else "unknown",
            source="online" if online else "offline",
            snapshot_age=(now - snapshot_at) if snapshot_at else None,
            spendable_now=spendable,
            limited_by=limited_by,
            verified=verified,
        )

    # -- offline bookkeeping ----------------------------------------------------------------------
    def _offline_position(self, number: str, now: dt.datetime) -> OfflinePosition:
        card = self.journal.snapshot_card(number)
        snapshot_through = int(self.journal.setting("snapshot_acked_through") or 0)
        acked_through = self.journal.acked_through()
        today_start = now.astimezone(KST).replace(hour=0, minute=0, second=0, microsecond=0)
        # Only entries that can still matter are read: those the ledger had not applied when the
        # snapshot was taken, and today's (for the daily cap).
        since_seq = min(snapshot_through, acked_through, self._first_seq_since(today_start))
        taken_since = taken_today = outstanding = 0
        for entry, points, card_number in self._offline_spends(since_seq):
            entry_day_ok = dt.datetime.fromisoformat(entry.ts) >= today_start
            if entry.seq > acked_through:
                outstanding += points
            if card_number != number:
                continue
            if entry.seq > snapshot_through:
                taken_since += points
            if entry_day_ok:
                taken_today += points
        return OfflinePosition(
            status=card.status if card else None,
            snapshot_balance=card.balance if card else 0,
            snapshot_at=self.journal.snapshot_at(),
            taken_since_snapshot=taken_since,
            taken_today=taken_today,
            till_outstanding=outstanding,
        )

    def _first_seq_since(self, start: dt.datetime) -> int:
        rows = self.journal.query(
            "SELECT MIN(seq) FROM entry WHERE ts >= ?",
            (start.astimezone(dt.UTC).isoformat(timespec="microseconds"),),
        )
        first = rows[0][0]
        return (first - 1) if first is not None else self.journal.last_seq()

    def _offline_spends(self, after_seq: int) -> list[tuple[JournalEntry, int, str]]:
        """Points this till took offline after ``after_seq``: offline sales and online sales that fell back."""
        entries = self.journal.entries(after_seq=after_seq, types=SALE_TYPES)
        sales = {e.id: e for e in entries if e.type == "sale"}
        spends = []
        for entry in entries:
            body = entry.body
            if isinstance(body, Sale) and body.auth == "offline" and body.card is not None:
                spends.append((entry, body.points, body.card.number))
            elif isinstance(body, SaleFallback):
                # The fallback may follow a sale older than the window read here.
                sale = sales.get(body.ref) or self.journal.entry(body.ref)
                sold = sale.body if sale is not None else None
                if isinstance(sold, Sale) and sold.card is not None:
                    spends.append((entry, sold.points, sold.card.number))
        return spends

    def _allowance(self, position: OfflinePosition, verified: bool, now: dt.datetime) -> Allowance:
        if not verified:
            return Allowance(0, Refusal.MANUAL_NEEDS_ONLINE)
        return offline_allowance(position, self.limits(), now)

    def _backlog_small(self) -> bool:
        return self.journal.outbox_size() <= self.online_backlog_limit

    # -- selling ----------------------------------------------------------------------------------
    def pay(self, cart: Cart, tenders: Tenders, card: CardView | None, cashier: str) -> SaleResult:
        """Take a sale. Refusals come back as a result with a code; nothing half-done stays."""
        try:
            return self._pay(cart, tenders, card, cashier)
        except JournalWriteFailed:
            # Whatever was journalled before the failure is settled as "not sold" by the rules
            # (an online sale without its decision is cancelled at the next start).
            return SaleResult(False, SaleOutcome.NOT_RECORDED, refusal="not_recorded")

    def _pay(self, cart: Cart, tenders: Tenders, card: CardView | None, cashier: str) -> SaleResult:
        try:
            payment = settle(cart.total, tenders)
        except PaymentError as exc:
            return SaleResult(False, exc.code, refusal="payment", values=exc.values)
        if payment.points > 0 and card is None:
            return SaleResult(False, SaleOutcome.NO_CARD, refusal="no_card")
        now = self.clock()
        sale = _sale(cart, payment, card, cashier, self.journal.snapshot_version())
        if payment.points == 0:
            entry = self.journal.append(sale, at=now)
            self._wake()
            return SaleResult(True, SaleOutcome.PAID, entry=entry, payment=payment, mode="none", card=card)
        assert card is not None
        online_possible = self.link is not None and self.link.reachable() and self._backlog_small()
        if online_possible:
            return self._pay_online(sale, payment, card, now)
        return self._pay_offline(sale, payment, card, now)

    def _pay_offline(self, sale: Sale, payment: Payment, card: CardView, now: dt.datetime) -> SaleResult:
        refusal = self._offline_refusal(card, payment.points, now)
        if refusal is not None:
            return SaleResult(False, refusal, payment=payment, card=card, refusal=refusal.value)
        entry = self.journal.append(sale.model_copy(update={"auth": "offline"}), at=now)
        self._wake()
        return self._offline_approved(entry, payment, card, now)

    def _offline_refusal(self, card: CardView, points: int, now: dt.datetime) -> Refusal | None:
        position = self._offline_position(card.number, now)
        return self._allowance(position, card.verified, now).check(points)

    def _offline_approved(
        self, entry: JournalEntry, payment: Payment, card: CardView, now: dt.datetime, *extra: JournalEntry
    ) -> SaleResult:
        position = self._offline_position(card.number, now)
        balance = max(0, position.snapshot_balance - position.taken_since_snapshot)
        return SaleResult(
            True,
            SaleOutcome.PAID_OFFLINE,
            entry=entry,
            payment=payment,
            mode="offline",
            card=card,
            card_balance=balance,
            extra_entries=extra,
        )

    def _pay_online(self, sale: Sale, payment: Payment, card: CardView, now: dt.datetime) -> SaleResult:
        assert self.link is not None
        entry = self.journal.append(sale.model_copy(update={"auth": "online"}), at=now)
        answer = self.link.authorise(entry, self.auth_timeout)
        if answer.status == "accepted":
            if answer.card_balance is not None:
                self.journal.update_card_balance(card.number, answer.card_balance)
            return SaleResult(
                True,
                SaleOutcome.PAID,
                entry=entry,
                payment=payment,
                mode="online",
                card=card,
                card_balance=answer.card_balance,
            )
        if answer.status == "rejected":
            reason = answer.reason or "rejected"
            rejected = self.journal.append(SaleRejected(ref=entry.id, reason=reason), at=self.clock())
            if answer.card_balance is not None:
                self.journal.update_card_balance(card.number, answer.card_balance)
            self._wake()
            return SaleResult(
                False,
                refusal_code(reason),
                entry=entry,
                payment=payment,
                mode="online",
                card=card,
                card_balance=answer.card_balance,
                refusal=reason,
                extra_entries=(rejected,),
            )
        # No answer in time: the offline rules decide, and the decision is journalled either way.
        # The sale entry itself is not counted by the rules until a fallback entry confirms it.
        refusal = self._offline_refusal(card, payment.points, now)
        if refusal is None:
            fallback = self.journal.append(SaleFallback(ref=entry.id), at=self.clock())
            self._wake()
            return self._offline_approved(entry, payment, card, now, fallback)
        cancelled = self.journal.append(SaleCancelled(ref=entry.id, reason=refusal.value), at=self.clock())
        self._wake()
        return SaleResult(
            False,
            refusal,
            entry=entry,
            payment=payment,
            mode="offline",
            card=card,
            refusal=refusal.value,
            extra_entries=(cancelled,),
        )

    def _wake(self) -> None:
        if self.link is not None:
            self.link.wake()

    # -- refunds ----------------------------------------------------------------------------------
    def sale_state(self, sale_id: str) -> SaleState | None:
        """The sale and where it stands, by the one rule the ledger and the reports use too."""
        sale = self.journal.entry(sale_id)
        body = sale.body if sale is not None else None
        if sale is None or not isinstance(body, Sale):
            return None
        ack = self.journal.ack(sale.seq)
        follow_ups = [
            later.body
            for later in self.journal.entries(after_seq=sale.seq, types=FOLLOW_UP_TYPES)
            if later.payload.get("ref") == sale.id
        ]
        state = fold_sale(
            body,
            [f for f in follow_ups if isinstance(f, FOLLOW_UP_CLASSES)],
            outcome=None if ack is None else ("accepted" if ack.status == "accepted" else "rejected"),
        )
        status: Literal["pending", "posted", "rejected", "cancelled"] = state.status.value
        if state.counts:
            # A sale that stands is "pending" until the ledger has acknowledged it.
            status = "posted" if ack is not None else "pending"
        return SaleState(sale, status, body.auth, state.paid, state.refunded)

    def refund(
        self,
        sale_id: str,
        *,
        reason: str,
        manager: str,
        cashier: str,
        amount: int | None = None,
        kind: Literal["refund", "void"] = "refund",
    ) -> RefundResult:
        """Refund (part of) a recent sale; points go back to the card through the ledger."""
        if not reason.strip():
            return RefundResult(False, RefundOutcome.REASON_NEEDED)
        state = self.sale_state(sale_id)
        if state is None:
            return RefundResult(False, RefundOutcome.SALE_NOT_FOUND)
        if state.status in ("rejected", "cancelled"):
            return RefundResult(False, RefundOutcome.SALE_NOT_APPROVED)
        now = self.clock()
        sold_at = dt.datetime.fromisoformat(state.entry.ts)
        window = self.refund_window()
        if now - sold_at > window:
            minutes = int(window.total_seconds() // 60)
            return RefundResult(
                False, RefundOutcome.WINDOW_PASSED, values={"hours": minutes // 60, "minutes": minutes}
            )
        left = state.paid.total - state.refunded.total
        if left <= 0:
            return RefundResult(False, RefundOutcome.FULLY_REFUNDED)
        try:
            split = split_refund(
                left if amount is None or kind == "void" else amount, state.paid, state.refunded
            )
        except PaymentError as exc:
            return RefundResult(False, exc.code, values=exc.values)
        sold = state.entry.body
        refund = (Void if kind == "void" else Refund)(
            ref=sale_id,
            points=split.points,
            bank_card=split.bank_card,
            cash=split.cash,
            reason=reason.strip(),
            manager=manager,
            cashier=cashier,
            card=sold.card if isinstance(sold, Sale) else None,
        )
        try:
            entry = self.journal.append(refund, at=now)
        except JournalWriteFailed:
            return RefundResult(False, RefundOutcome.NOT_RECORDED)
        self._wake()
        return RefundResult(
            True,
            RefundOutcome.REFUNDED_POINTS_LATER if split.points else RefundOutcome.REFUNDED,
            entry,
            split,
        )

    def resolve_interrupted(self) -> list[JournalEntry]:
        """At start-up, settle online sales a crash or power cut left without a recorded decision.

        A sale with no answer was never shown to the cashier as paid: it is cancelled (the ledger
        reverses it if it had posted it) and the cashier rings it up again. A sale whose refusal
        arrived but whose ``sale_rejected`` entry was not yet written gets that entry now, so the
        journal alone says the sale did not happen (the reports read only entries).
        """
        written = []
        acked = self.journal.acked_through()
        pending = self.journal.entries(after_seq=acked, types=SALE_TYPES)
        decided = {str(e.payload.get("ref")) for e in pending if e.type != "sale"}
        for entry in pending:
            body = entry.body
            if not isinstance(body, Sale) or body.auth != "online" or entry.id in decided:
                continue
            ack = self.journal.ack(entry.seq)
            if ack is None:
                log.warning("cancelling online sale %s interrupted before its answer", entry.id)
                written.append(
                    self.journal.append(SaleCancelled(ref=entry.id, reason="interrupted"), at=self.clock())
                )
            elif ack.status != "accepted":
                log.warning("recording the ledger's refusal of online sale %s after a restart", entry.id)
                written.append(
                    self.journal.append(
                        SaleRejected(ref=entry.id, reason=(ack.reason or "rejected")[:64]), at=self.clock()
                    )
                )
        return written

    def recent_sales(self, limit: int = 30) -> list[SaleState]:
        """The latest sales, newest first, for the refund screen."""
        rows = self.journal.query(
            "SELECT id FROM entry WHERE type = 'sale' ORDER BY seq DESC LIMIT ?", (limit,)
        )
        states = [self.sale_state(row[0]) for row in rows]
        return [s for s in states if s is not None]


def _sale(
    cart: Cart, payment: Payment, card: CardView | None, cashier: str, snapshot_version: int | None = None
) -> Sale:
    """The sale entry for a cart and its payment (``auth`` is set by the path that takes it); a points
    sale carries the snapshot version it was sold under, for the ledger to judge an offline claim."""
    split = cart.vat()
    return Sale(
        cashier=cashier,
        lines=tuple(SaleLine.model_validate(line.to_payload()) for line in cart.lines),
        total=payment.total,
        points=payment.points,
        bank_card=payment.bank_card,
        cash=payment.cash,
        cash_received=payment.cash_received,
        change=payment.change,
        approval_no=payment.approval_no,
        vat=split.vat,
        supply_value=split.supply_value,
        tax_free=split.tax_free,
        card=CardRef(number=card.number, issue=card.issue) if card and payment.points else None,
        auth="offline" if payment.points else "none",
        snapshot_version=snapshot_version if payment.points else None,
    )
