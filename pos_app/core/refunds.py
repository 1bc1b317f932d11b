"""Refunds: how much of each tender goes back, given what a sale took and what was refunded before."""

from __future__ import annotations

from pos_app.core.money import require_won
from pos_app.core.tenders import PaymentError, PaymentProblem
from sync.shared.sale_state import TenderSplit

# Amounts per tender, shared with the ledger's sale rule (``sync.shared.sale_state``).
RefundSplit = TenderSplit


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
        raise PaymentError(PaymentProblem.REFUND_AMOUNT_NEEDED)
    if amount > left.total:
        raise PaymentError(PaymentProblem.REFUND_OVER_LEFT, f"refund {amount}", refundable=left.total)
    points = min(amount, left.points)
    bank_card = min(amount - points, left.bank_card)
    cash = amount - points - bank_card
    return RefundSplit(points=points, bank_card=bank_card, cash=cash)
