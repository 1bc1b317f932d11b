"""The offline rules (ARCHITECTURE §6): how many points a card may spend while the ledger is out of reach."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from pos_app.core.money import won


class Refusal(StrEnum):
    """Why points cannot be taken; each has a Korean message that says what to do next."""

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


_TAKE_OTHER = " 남은 금액은 현금이나 카드로 받으세요."
REFUSAL_KO: dict[Refusal, str] = {
    Refusal.NO_SNAPSHOT: "인터넷이 연결되지 않았고 이 계산대에 카드 정보가 아직 없습니다. 포인트는 연결된 뒤에 쓸 수 있습니다."
    + _TAKE_OTHER,
    Refusal.SNAPSHOT_TOO_OLD: "인터넷 연결이 오래 끊겨 카드 정보가 너무 오래되었습니다. 연결되면 포인트를 쓸 수 있습니다."
    + _TAKE_OTHER,
    Refusal.CARD_UNKNOWN: "등록되지 않은 카드입니다. 카드 소지자는 지역자활센터에 문의하세요." + _TAKE_OTHER,
    Refusal.CARD_REVOKED: "사용이 중지된 카드입니다. 카드 소지자는 지역자활센터에 문의하세요." + _TAKE_OTHER,
    Refusal.CARD_REPLACED: "재발급되어 더 이상 쓸 수 없는 카드입니다. 새 카드를 사용하세요." + _TAKE_OTHER,
    Refusal.CARD_EXPIRED: "사용 기간이 끝난 카드입니다." + _TAKE_OTHER,
    Refusal.CARD_ONLINE_ONLY: "이 카드는 인터넷이 연결되었을 때만 포인트를 쓸 수 있습니다." + _TAKE_OTHER,
    Refusal.INSUFFICIENT_POINTS: "포인트가 부족합니다. 쓸 수 있는 만큼만 포인트로 받고" + _TAKE_OTHER,
    Refusal.CARD_DAILY_CAP: "인터넷이 끊긴 동안 이 카드로 오늘 쓸 수 있는 포인트 한도를 넘었습니다."
    + _TAKE_OTHER,
    Refusal.TILL_CAP: "인터넷이 끊긴 동안 이 계산대에서 받을 수 있는 포인트 한도를 넘었습니다." + _TAKE_OTHER,
    Refusal.MANUAL_NEEDS_ONLINE: "번호를 직접 입력한 카드는 인터넷이 연결되었을 때만 포인트를 쓸 수 있습니다. 카드의 QR을 스캔하세요."
    + _TAKE_OTHER,
    Refusal.REFUND_EXCEEDS_SALE: "환불할 포인트가 결제한 포인트보다 많습니다. 환불 금액을 확인하세요.",
}


def refusal_message_ko(reason: str) -> str:
    """Korean text for a refusal code from the rules or from the ledger (unknown codes get a safe default)."""
    try:
        return REFUSAL_KO[Refusal(reason)]
    except ValueError:
        return "포인트 결제가 승인되지 않았습니다. 현금이나 카드로 받거나 매니저에게 문의하세요."


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

    def describe_ko(self) -> str:
        return f"지금 쓸 수 있는 포인트: {won(self.max_points)}원"


_STATUS_REFUSAL = {
    "revoked": Refusal.CARD_REVOKED,
    "replaced": Refusal.CARD_REPLACED,
    "expired": Refusal.CARD_EXPIRED,
    "online_only": Refusal.CARD_ONLINE_ONLY,
}


def offline_allowance(position: OfflinePosition, limits: OfflineLimits, now: dt.datetime) -> Allowance:
    if position.snapshot_at is None:
        return Allowance(0, Refusal.NO_SNAPSHOT)
    if now - position.snapshot_at > limits.snapshot_max_age:
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
