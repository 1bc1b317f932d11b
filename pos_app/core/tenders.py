"""Tenders and split payment: points first, then bank card, the rest in cash with change."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pos_app.core.money import require_won
from pos_app.core.problems import Problem


class TenderKind(StrEnum):
    POINTS = "points"
    CASH = "cash"
    BANK_CARD = "bank_card"


class PaymentProblem(StrEnum):
    """Why a payment (or a refund's amount) cannot be taken as asked."""

    EMPTY_CART = "empty_cart"
    BAD_AMOUNT = "bad_amount"
    POINTS_OVER_TOTAL = "points_over_total"  # values: total
    CARD_OVER_REMAINDER = "card_over_remainder"  # values: remainder
    APPROVAL_NEEDED = "approval_needed"
    CASH_SHORT = "cash_short"  # values: short
    CASH_NOT_NEEDED = "cash_not_needed"
    REFUND_AMOUNT_NEEDED = "refund_amount_needed"
    REFUND_OVER_LEFT = "refund_over_left"  # values: refundable


class PaymentError(Problem, ValueError):
    """A payment that cannot be taken as asked; ``code`` says why (the UI tells the cashier what to do)."""

    code: PaymentProblem


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
        raise PaymentError(PaymentProblem.EMPTY_CART)
    if min(tenders.points, tenders.bank_card, tenders.cash_received) < 0:
        raise PaymentError(PaymentProblem.BAD_AMOUNT, "negative tender")
    if tenders.points > total:
        raise PaymentError(PaymentProblem.POINTS_OVER_TOTAL, total=total)
    remainder = total - tenders.points
    if tenders.bank_card > remainder:
        raise PaymentError(PaymentProblem.CARD_OVER_REMAINDER, remainder=remainder)
    if tenders.bank_card > 0 and not (tenders.approval_no or "").strip():
        raise PaymentError(PaymentProblem.APPROVAL_NEEDED)
    cash_due = remainder - tenders.bank_card
    if tenders.cash_received < cash_due:
        short = cash_due - tenders.cash_received
        raise PaymentError(PaymentProblem.CASH_SHORT, short=short)
    if cash_due == 0 and tenders.cash_received > 0:
        raise PaymentError(PaymentProblem.CASH_NOT_NEEDED)
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
