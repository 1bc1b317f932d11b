"""One rule for a sale's state: does it count, what it was paid with, what may still be refunded.

A pure function over a sale and the entries that refer to it, in journal order. The till's checkout
(refunds), the till's reports (whose SQL is proved equal to this by a property test) and the ledger
(postings) all decide with it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from sync.shared.entries import FollowUp, Refund, Sale, SaleCancelled, SaleFallback, SaleRejected


class SaleStatus(StrEnum):
    PENDING = "pending"  # an online sale waiting for the ledger's answer
    POSTED = "posted"  # it stands (offline and cash sales stand at once)
    REJECTED = "rejected"  # the ledger refused it: it never happened
    CANCELLED = "cancelled"  # no answer and the offline rules refused: it never happened


class RefundProblem(StrEnum):
    AMOUNT_INVALID = "refund_amount_invalid"
    SALE_NOT_POSTED = "sale_not_posted"
    EXCEEDS_SALE = "refund_exceeds_sale"


@dataclass(frozen=True)
class TenderSplit:
    """Amounts per tender, in won."""

    points: int = 0
    bank_card: int = 0
    cash: int = 0

    @property
    def total(self) -> int:
        return self.points + self.bank_card + self.cash

    def __add__(self, other: TenderSplit) -> TenderSplit:
        return TenderSplit(
            self.points + other.points, self.bank_card + other.bank_card, self.cash + other.cash
        )

    def __sub__(self, other: TenderSplit) -> TenderSplit:
        return TenderSplit(
            self.points - other.points, self.bank_card - other.bank_card, self.cash - other.cash
        )


NOTHING = TenderSplit()


@dataclass(frozen=True)
class SaleState:
    status: SaleStatus
    paid: TenderSplit
    refunded: TenderSplit

    @property
    def counts(self) -> bool:
        """A sale counts in every total unless it was rejected or cancelled."""
        return self.status not in (SaleStatus.REJECTED, SaleStatus.CANCELLED)

    @property
    def refundable(self) -> TenderSplit:
        """What may still go back, per tender (nothing for a sale that does not count)."""
        return self.paid - self.refunded if self.counts else NOTHING


def paid_split(sale: Sale) -> TenderSplit:
    return TenderSplit(sale.points, sale.bank_card, sale.cash)


def refund_split(refund: Refund) -> TenderSplit:
    return TenderSplit(refund.points, refund.bank_card, refund.cash)


def fold_sale(
    sale: Sale,
    follow_ups: Iterable[FollowUp] = (),
    *,
    outcome: Literal["accepted", "rejected"] | None = None,
) -> SaleState:
    """The state of ``sale`` after ``follow_ups`` (the entries whose ``ref`` is this sale, in order).

    ``outcome`` is the ledger's answer to the sale entry itself when known (the till's ack); without
    it an online sale is pending until a follow-up decides. Refunds of a sale that does not count,
    or beyond what is left, are ignored here as the ledger refuses them.
    """
    if sale.auth == "online":
        status = {None: SaleStatus.PENDING, "accepted": SaleStatus.POSTED, "rejected": SaleStatus.REJECTED}[
            outcome
        ]
    else:
        status = SaleStatus.POSTED
    paid, refunded = paid_split(sale), NOTHING
    # Once a follow-up says the sale never happened, nothing after it brings the sale back.
    undone: SaleStatus | None = None
    for follow_up in follow_ups:
        if undone is not None:
            continue
        if isinstance(follow_up, SaleRejected):
            undone = SaleStatus.REJECTED
        elif isinstance(follow_up, SaleCancelled):
            undone = SaleStatus.CANCELLED
        elif isinstance(follow_up, SaleFallback):
            # The offline rules accepted it after a timeout: the ledger posts it whatever it said.
            status = SaleStatus.POSTED
        elif (
            isinstance(follow_up, Refund)
            and refund_problem(SaleState(status, paid, refunded), follow_up) is None
        ):
            refunded = refunded + refund_split(follow_up)
    if undone is not None:
        status = undone
    return SaleState(status, paid, refunded)


def refund_problem(state: SaleState, refund: Refund) -> RefundProblem | None:
    """Why ``refund`` cannot be taken against a sale in ``state``, or None."""
    asked = refund_split(refund)
    if asked.total <= 0:
        return RefundProblem.AMOUNT_INVALID
    if not state.counts:
        return RefundProblem.SALE_NOT_POSTED
    left = state.refundable
    if asked.points > left.points or asked.bank_card > left.bank_card or asked.cash > left.cash:
        return RefundProblem.EXCEEDS_SALE
    return None
