"""The till's payment service: scan a card, take a sale (online or offline), refund — journal first.

The UI calls only this. Every decision follows ARCHITECTURE §5-§6: a sale is appended to the
journal before anything else happens; the ledger is asked with a short timeout; when it cannot
answer, the offline rules decide, and the outcome is itself a journal entry.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from pos_app.core.cart import Cart
from pos_app.core.offline_rules import (
    Allowance,
    OfflineLimits,
    OfflinePosition,
    Refusal,
    offline_allowance,
    refusal_message_ko,
)
from pos_app.core.refunds import RefundSplit, split_refund
from pos_app.core.tenders import Payment, PaymentError, Tenders, settle
from pos_app.journal.store import Journal
from sync.shared.cards.keys import load_public_key_hex
from sync.shared.cards.number import is_valid_card_number, mask_card_number
from sync.shared.cards.token import CardProblem, CardRejected, verify_card_payload
from sync.shared.chain import JournalEntry
from sync.shared.clock import KST

log = logging.getLogger(__name__)

DEFAULT_LIMITS = OfflineLimits()
SALE_TYPES = ("sale", "sale_rejected", "sale_fallback", "sale_cancelled", "refund", "void")


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


@dataclass(frozen=True)
class SaleResult:
    approved: bool
    message_ko: str
    entry: JournalEntry | None = None
    payment: Payment | None = None
    mode: Literal["online", "offline", "none"] = "none"
    card: CardView | None = None
    card_balance: int | None = None
    refusal: str | None = None
    extra_entries: tuple[JournalEntry, ...] = field(default=())

    @property
    def sale_no(self) -> str | None:
        return sale_number(self.entry) if self.entry else None


@dataclass(frozen=True)
class RefundResult:
    approved: bool
    message_ko: str
    entry: JournalEntry | None = None
    split: RefundSplit | None = None


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
        refund_window: dt.timedelta = dt.timedelta(hours=24),
    ) -> None:
        self.journal = journal
        self._issuer_key = issuer_public_key
        self._limits = limits
        self.link = link
        # Every entry this service writes is stamped by one clock: the journal's unless given.
        self.clock = clock or journal.clock
        self.auth_timeout = auth_timeout
        self.online_backlog_limit = online_backlog_limit
        self.refund_window = refund_window

    # -- configuration pulled from the ledger ----------------------------------------------------
    def issuer_key(self) -> Ed25519PublicKey:
        if self._issuer_key is None:
            stored = self.journal.setting("issuer_public_key")
            if not stored:
                raise CardRejected(CardProblem.UNREADABLE, "no issuer key configured")
            self._issuer_key = load_public_key_hex(stored)
        return self._issuer_key

    def limits(self) -> OfflineLimits:
        return self._limits() if callable(self._limits) else self._limits

    # -- cards -----------------------------------------------------------------------------------
    def scan(self, payload: str) -> CardView:
        """Verify a scanned QR payload and show the card; raises ``CardRejected`` with a Korean message."""
        now = self.clock()
        token = verify_card_payload(payload, self.issuer_key(), now.astimezone(KST).date())
        return self._card_view(token.number, token.issue, verified=True, now=now)

    def lookup_number(self, number: str) -> CardView:
        """A card number typed by the cashier: no signature, so points need the ledger (online)."""
        digits = "".join(ch for ch in number if ch.isdigit())
        if not is_valid_card_number(digits):
            raise CardRejected(CardProblem.BAD_NUMBER, digits)
        return self._card_view(digits, None, verified=False, now=self.clock())

    def _card_view(self, number: str, issue: int | None, *, verified: bool, now: dt.datetime) -> CardView:
        online = bool(self.link and self.link.refresh_cards(self.auth_timeout))
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
            if entry.type == "sale" and entry.payload.get("auth") == "offline" and entry.payload.get("card"):
                spends.append((entry, int(entry.payload["points"]), str(entry.payload["card"]["number"])))
            elif entry.type == "sale_fallback":
                # The fallback may follow a sale older than the window read here.
                ref = str(entry.payload.get("ref"))
                sale = sales.get(ref) or self.journal.entry(ref)
                if sale is not None and sale.payload.get("card"):
                    spends.append((entry, int(sale.payload["points"]), str(sale.payload["card"]["number"])))
        return spends

    def _allowance(self, position: OfflinePosition, verified: bool, now: dt.datetime) -> Allowance:
        if not verified:
            return Allowance(0, Refusal.MANUAL_NEEDS_ONLINE)
        return offline_allowance(position, self.limits(), now)

    def _backlog_small(self) -> bool:
        return self.journal.outbox_size() <= self.online_backlog_limit

    # -- selling ----------------------------------------------------------------------------------
    def pay(self, cart: Cart, tenders: Tenders, card: CardView | None, cashier: str) -> SaleResult:
        """Take a sale. Refusals come back as a result with a Korean message; nothing half-done stays."""
        try:
            payment = settle(cart.total, tenders)
        except PaymentError as exc:
            return SaleResult(approved=False, message_ko=exc.message_ko, refusal="payment")
        if payment.points > 0 and card is None:
            return SaleResult(False, "포인트로 결제하려면 카드를 먼저 스캔하세요.", refusal="no_card")
        now = self.clock()
        payload = _sale_payload(cart, payment, card, cashier)
        if payment.points == 0:
            entry = self.journal.append("sale", {**payload, "auth": "none"}, at=now)
            self._wake()
            return SaleResult(
                True, "결제가 완료되었습니다.", entry=entry, payment=payment, mode="none", card=card
            )
        assert card is not None
        online_possible = self.link is not None and self.link.reachable() and self._backlog_small()
        if online_possible:
            return self._pay_online(payload, payment, card, now)
        return self._pay_offline(payload, payment, card, now)

    def _pay_offline(
        self, payload: dict[str, object], payment: Payment, card: CardView, now: dt.datetime
    ) -> SaleResult:
        refusal = self._offline_refusal(card, payment.points, now)
        if refusal is not None:
            return SaleResult(
                False, refusal_message_ko(refusal.value), payment=payment, card=card, refusal=refusal.value
            )
        entry = self.journal.append("sale", {**payload, "auth": "offline"}, at=now)
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
            "오프라인으로 결제되었습니다. 인터넷이 연결되면 자동으로 전송됩니다.",
            entry=entry,
            payment=payment,
            mode="offline",
            card=card,
            card_balance=balance,
            extra_entries=extra,
        )

    def _pay_online(
        self, payload: dict[str, object], payment: Payment, card: CardView, now: dt.datetime
    ) -> SaleResult:
        assert self.link is not None
        entry = self.journal.append("sale", {**payload, "auth": "online"}, at=now)
        answer = self.link.authorise(entry, self.auth_timeout)
        if answer.status == "accepted":
            if answer.card_balance is not None:
                self.journal.update_card_balance(card.number, answer.card_balance)
            return SaleResult(
                True,
                "결제가 완료되었습니다.",
                entry=entry,
                payment=payment,
                mode="online",
                card=card,
                card_balance=answer.card_balance,
            )
        if answer.status == "rejected":
            reason = answer.reason or "rejected"
            rejected = self.journal.append(
                "sale_rejected", {"ref": entry.id, "reason": reason}, at=self.clock()
            )
            if answer.card_balance is not None:
                self.journal.update_card_balance(card.number, answer.card_balance)
            self._wake()
            return SaleResult(
                False,
                refusal_message_ko(reason),
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
            fallback = self.journal.append("sale_fallback", {"ref": entry.id}, at=self.clock())
            self._wake()
            return self._offline_approved(entry, payment, card, now, fallback)
        cancelled = self.journal.append(
            "sale_cancelled", {"ref": entry.id, "reason": refusal.value}, at=self.clock()
        )
        self._wake()
        return SaleResult(
            False,
            refusal_message_ko(refusal.value),
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
        sale = self.journal.entry(sale_id)
        if sale is None or sale.type != "sale":
            return None
        status: Literal["pending", "posted", "rejected", "cancelled"] = "pending"
        ack = self.journal.ack(sale.seq)
        if ack is not None:
            status = "posted" if ack.status == "accepted" else "rejected"
        if sale.payload.get("auth") != "online":
            status = "posted" if ack is not None else "pending"
        refunded = RefundSplit(0, 0, 0)
        for later in self.journal.entries(after_seq=sale.seq, types=SALE_TYPES):
            if later.payload.get("ref") != sale.id:
                continue
            if later.type == "sale_rejected":
                status = "rejected"
            elif later.type == "sale_cancelled":
                status = "cancelled"
            elif later.type == "sale_fallback":
                status = "posted" if ack is not None else "pending"
            elif later.type in ("refund", "void"):
                p = later.payload
                refunded = RefundSplit(
                    refunded.points + int(p["points"]),
                    refunded.bank_card + int(p["bank_card"]),
                    refunded.cash + int(p["cash"]),
                )
        p = sale.payload
        paid = RefundSplit(int(p["points"]), int(p["bank_card"]), int(p["cash"]))
        return SaleState(sale, status, str(p.get("auth")), paid, refunded)

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
            return RefundResult(False, "환불 사유를 입력하세요.")
        state = self.sale_state(sale_id)
        if state is None:
            return RefundResult(False, "해당 판매를 찾을 수 없습니다. 영수증 번호를 확인하세요.")
        if state.status in ("rejected", "cancelled"):
            return RefundResult(False, "승인되지 않은 판매는 환불할 수 없습니다.")
        now = self.clock()
        sold_at = dt.datetime.fromisoformat(state.entry.ts)
        if now - sold_at > self.refund_window:
            hours = int(self.refund_window.total_seconds() // 3600)
            return RefundResult(
                False,
                f"판매 후 {hours}시간이 지나 이 계산대에서 환불할 수 없습니다. 프로그램 사무실에 문의하세요.",
            )
        left = state.paid.total - state.refunded.total
        if left <= 0:
            return RefundResult(False, "이미 전액 환불된 판매입니다.")
        try:
            split = split_refund(
                left if amount is None or kind == "void" else amount, state.paid, state.refunded
            )
        except PaymentError as exc:
            return RefundResult(False, exc.message_ko)
        payload = {
            "ref": sale_id,
            "points": split.points,
            "bank_card": split.bank_card,
            "cash": split.cash,
            "reason": reason.strip(),
            "manager": manager,
            "cashier": cashier,
            "card": state.entry.payload.get("card"),
        }
        entry = self.journal.append(kind, payload, at=now)
        self._wake()
        return RefundResult(
            True,
            "환불되었습니다. 포인트는 인터넷 연결 후 카드에 돌아갑니다."
            if split.points
            else "환불되었습니다.",
            entry,
            split,
        )

    def resolve_interrupted(self) -> list[JournalEntry]:
        """At start-up: an online sale journalled just before a crash or power cut, with no answer and no
        decision recorded, was never shown to the cashier as paid; it is cancelled (the ledger reverses it
        if it had posted it) and the cashier rings it up again."""
        cancelled = []
        acked = self.journal.acked_through()
        pending = self.journal.entries(after_seq=acked, types=SALE_TYPES)
        decided = {str(e.payload.get("ref")) for e in pending if e.type != "sale"}
        for entry in pending:
            if entry.type != "sale" or entry.payload.get("auth") != "online" or entry.id in decided:
                continue
            if self.journal.ack(entry.seq) is not None:
                continue
            log.warning("cancelling online sale %s interrupted before its answer", entry.id)
            cancelled.append(
                self.journal.append(
                    "sale_cancelled", {"ref": entry.id, "reason": "interrupted"}, at=self.clock()
                )
            )
        return cancelled

    def recent_sales(self, limit: int = 30) -> list[SaleState]:
        """The latest sales, newest first, for the refund screen."""
        rows = self.journal.query(
            "SELECT id FROM entry WHERE type = 'sale' ORDER BY seq DESC LIMIT ?", (limit,)
        )
        states = [self.sale_state(row[0]) for row in rows]
        return [s for s in states if s is not None]


def _sale_payload(cart: Cart, payment: Payment, card: CardView | None, cashier: str) -> dict[str, object]:
    split = cart.vat()
    return {
        "cashier": cashier,
        "lines": [line.to_payload() for line in cart.lines],
        **payment.to_payload(),
        "vat": split.vat,
        "supply_value": split.supply_value,
        "tax_free": split.tax_free,
        "card": {"number": card.number, "issue": card.issue} if card and payment.points else None,
    }
