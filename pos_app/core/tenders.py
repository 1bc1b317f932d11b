"""Tenders and split payment: points first, then bank card, the rest in cash with change."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pos_app.core.money import require_won, won


class TenderKind(StrEnum):
    POINTS = "points"
    CASH = "cash"
    BANK_CARD = "bank_card"


class PaymentError(ValueError):
    """A payment that cannot be taken as asked; ``message_ko`` tells the cashier what to do."""

    def __init__(self, message: str, message_ko: str) -> None:
        super().__init__(message)
        self.message_ko = message_ko


@dataclass(frozen=True)
class Tenders:
    """What the customer offers: points to use, a bank-card amount, and cash handed over."""

    points: int = 0
    bank_card: int = 0
    cash_received: int = 0
    approval_no: str | None = None


@dataclass(frozen=True)
class Payment:
    """How a total is settled. ``points + bank_card + cash == total``; ``change`` goes back in cash."""

    total: int
    points: int
    bank_card: int
    cash: int
    cash_received: int
    change: int
    approval_no: str | None = None

    def to_payload(self) -> dict[str, object]:
        return {
            "total": self.total,
            "points": self.points,
            "bank_card": self.bank_card,
            "cash": self.cash,
            "cash_received": self.cash_received,
            "change": self.change,
            "approval_no": self.approval_no,
        }


def settle(total: int, tenders: Tenders) -> Payment:
    """Check the tenders against the total and work out the cash part and the change."""
    for value in (total, tenders.points, tenders.bank_card, tenders.cash_received):
        require_won(value)
    if total <= 0:
        raise PaymentError("nothing to pay", "장바구니가 비어 있습니다. 상품을 먼저 고르세요.")
    if min(tenders.points, tenders.bank_card, tenders.cash_received) < 0:
        raise PaymentError("negative tender", "금액이 올바르지 않습니다.")
    if tenders.points > total:
        raise PaymentError("points exceed total", f"포인트는 합계({won(total)}원)보다 많이 쓸 수 없습니다.")
    remainder = total - tenders.points
    if tenders.bank_card > remainder:
        raise PaymentError(
            "card exceeds remainder", f"카드 결제 금액은 남은 금액({won(remainder)}원)까지입니다."
        )
    if tenders.bank_card > 0 and not (tenders.approval_no or "").strip():
        raise PaymentError("bank card needs an approval number", "카드 승인번호를 입력하세요.")
    cash_due = remainder - tenders.bank_card
    if tenders.cash_received < cash_due:
        short = cash_due - tenders.cash_received
        raise PaymentError(
            f"cash short by {short}", f"현금이 {won(short)}원 부족합니다. 받은 돈을 다시 입력하세요."
        )
    if cash_due == 0 and tenders.cash_received > 0:
        raise PaymentError("cash given but nothing left to pay", "남은 금액이 없습니다. 현금을 받지 마세요.")
    return Payment(
        total=total,
        points=tenders.points,
        bank_card=tenders.bank_card,
        cash=cash_due,
        cash_received=tenders.cash_received,
        change=tenders.cash_received - cash_due,
        approval_no=tenders.approval_no.strip() if tenders.approval_no else None,
    )


QUICK_CASH_NOTES = (1_000, 5_000, 10_000, 50_000)


def quick_cash_options(due: int) -> list[int]:
    """Amounts for the quick-cash buttons: exact, then the next round notes above what is due."""
    require_won(due)
    if due <= 0:
        return []
    options = [due]
    for note in QUICK_CASH_NOTES:
        rounded = -(-due // note) * note
        if rounded not in options:
            options.append(rounded)
    return sorted(options)[:4]
