"""The one sale rule: status, what counts, what may still be refunded."""

from __future__ import annotations

import uuid

from hypothesis import given
from hypothesis import strategies as st

from reliability.sales import sale
from sync.shared.entries import Refund, SaleCancelled, SaleFallback, SaleRejected, Void
from sync.shared.sale_state import (
    RefundProblem,
    SaleStatus,
    TenderSplit,
    fold_sale,
    refund_problem,
)

REF = str(uuid.UUID(int=1))
CARD = "900000000019"


def refund(points: int = 0, cash: int = 0, bank_card: int = 0, *, kind: type[Refund] = Refund) -> Refund:
    return kind(ref=REF, points=points, cash=cash, bank_card=bank_card, reason="r")


def test_an_online_sale_waits_for_its_answer_and_an_offline_one_stands_at_once():
    online = sale(5000, card=CARD, auth="online")
    assert fold_sale(online).status is SaleStatus.PENDING
    assert fold_sale(online, outcome="accepted").status is SaleStatus.POSTED
    assert fold_sale(online, outcome="rejected").counts is False
    assert fold_sale(sale(5000, card=CARD, auth="offline")).status is SaleStatus.POSTED
    assert fold_sale(sale(0, cash=5000)).status is SaleStatus.POSTED


def test_rejected_and_cancelled_sales_count_nowhere_and_cannot_be_refunded():
    online = sale(5000, card=CARD, auth="online")
    for follow_up in (
        SaleRejected(ref=REF, reason="insufficient_points"),
        SaleCancelled(ref=REF, reason="x"),
    ):
        state = fold_sale(online, [follow_up])
        assert not state.counts and state.refundable == TenderSplit()
        assert refund_problem(state, refund(points=1000)) is RefundProblem.SALE_NOT_POSTED


def test_a_fallback_posts_a_sale_the_ledger_refused_before_the_till_heard():
    state = fold_sale(sale(5000, card=CARD, auth="online"), [SaleFallback(ref=REF)], outcome="rejected")
    assert state.status is SaleStatus.POSTED


def test_refunds_go_back_per_tender_and_never_beyond_what_was_paid():
    mixed = sale(3000, cash=2000, card=CARD, auth="offline")
    state = fold_sale(mixed, [refund(points=1000), refund(cash=500)])
    assert state.refunded == TenderSplit(points=1000, cash=500)
    assert state.refundable == TenderSplit(points=2000, cash=1500)
    # Points paid back as cash would turn the programme's points into money: refused.
    assert (
        refund_problem(fold_sale(sale(20_000, card=CARD)), refund(cash=20_000)) is RefundProblem.EXCEEDS_SALE
    )
    assert refund_problem(state, refund(points=2001)) is RefundProblem.EXCEEDS_SALE
    assert refund_problem(state, refund()) is RefundProblem.AMOUNT_INVALID
    assert refund_problem(state, refund(points=2000, cash=1500, kind=Void)) is None


def test_a_refund_beyond_what_is_left_is_ignored_by_the_fold():
    state = fold_sale(sale(1000, card=CARD, auth="offline"), [refund(points=800), refund(points=800)])
    assert state.refunded == TenderSplit(points=800)


follow_ups = st.lists(
    st.one_of(
        st.builds(lambda p, c: refund(points=p, cash=c), st.integers(0, 6000), st.integers(0, 6000)),
        st.just(SaleRejected(ref=REF, reason="x")),
        st.just(SaleCancelled(ref=REF, reason="x")),
        st.just(SaleFallback(ref=REF)),
    ),
    max_size=8,
)


@given(
    points=st.integers(0, 5000),
    cash=st.integers(0, 5000),
    auth=st.sampled_from(["online", "offline"]),
    history=follow_ups,
    outcome=st.sampled_from([None, "accepted", "rejected"]),
)
def test_whatever_happens_refunds_stay_within_what_each_tender_paid(points, cash, auth, history, outcome):
    paid = sale(points, cash=cash, card=CARD if points else None, auth=auth if points else "none")
    state = fold_sale(paid, history, outcome=outcome)
    assert 0 <= state.refunded.points <= paid.points and 0 <= state.refunded.cash <= paid.cash
    assert state.counts == (state.status not in (SaleStatus.REJECTED, SaleStatus.CANCELLED))
    if not state.counts:
        assert state.refundable == TenderSplit()
    if any(isinstance(f, SaleCancelled | SaleRejected) for f in history):
        assert not state.counts  # once undone, a sale never comes back
