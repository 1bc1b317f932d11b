"""Refunds: how much of each tender goes back, given what a sale took and what was refunded before."""

from __future__ import annotations

from dataclasses import dataclass

from pos_app.core.money import require_won, won
from pos_app.core.tenders import PaymentError


@dataclass(frozen=True)
class RefundSplit:
    points: int
    bank_card: int
    cash: int

    @property
    def total(self) -> int:
        return self.points + self.bank_card + self.cash


def split_refund(amount: int, paid: RefundSplit, already_refunded: RefundSplit) -> RefundSplit:
    """Return tenders for a refund of ``amount``.

    Points go back first: they are the programme's money and the participant's to spend again;
    then the bank card (cancelled at the terminal), then cash from the drawer.
    """
    require_won(amount)
    left = RefundSplit(
        points=paid.points - already_refunded.points,
        bank_card=paid.bank_card - already_refunded.bank_card,
        cash=paid.cash - already_refunded.cash,
    )
    if amount <= 0:
        raise PaymentError("refund must be positive", "환불 금액을 입력하세요.")
    if amount > left.total:
        raise PaymentError(
            f"refund {amount} exceeds refundable {left.total}",
            f"환불할 수 있는 금액은 {won(left.total)}원까지입니다.",
        )
    points = min(amount, left.points)
    bank_card = min(amount - points, left.bank_card)
    cash = amount - points - bank_card
    return RefundSplit(points=points, bank_card=bank_card, cash=cash)
