"""Property tests of the pure posting rules (sync.ledger.rules): no database, random sale histories.

Each history is one sale on one card followed by refunds, cancellations and fallbacks, decided by
the rules in order with the balances kept in memory as the ledger keeps them during a push.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from hypothesis import given, settings
from hypothesis import strategies as st

from reliability.sales import sale as make_sale
from sync.ledger.rules import Books, CardView, Decision, EntryMeta, SaleBook, card_problem, decide
from sync.ledger.transaction import SHORTFALL, card_account, shop_account
from sync.shared.entries import FollowUp, Refund, Sale, SaleCancelled, SaleFallback
from sync.shared.sale_state import fold_sale

CARD = "123456789012"
ACCOUNT = card_account(CARD)
SHOP = shop_account("s1")
NOON = "2026-11-25T03:00:00.000000+00:00"  # 12:00 KST


@dataclass
class Model:
    """The ledger's state for one card, one shop and the shortfall, as a push keeps it in memory."""

    balance: int
    status: str = "active"
    accounts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    sale: SaleBook | None = None
    seq: int = 0
    decisions: list[Decision] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.accounts[ACCOUNT] = self.balance

    def books(self) -> Books:
        card = CardView(CARD, self.status, dt.date(2026, 12, 31))
        return Books("t1", "s1", {CARD: card}, {ACCOUNT: self.accounts[ACCOUNT]}, offline_card_cap=30_000)

    def push(self, payload: Sale | FollowUp, entry_id: str | None = None) -> Decision:
        self.seq += 1
        meta = EntryMeta.of(entry_id or str(uuid.uuid4()), self.seq, NOON)
        decision = decide(self.books(), meta, payload, self.sale)
        for txn in decision.transactions:
            for account, amount in txn.moves:
                self.accounts[account] += amount
        for _, status in decision.card_status:
            self.status = status
        if decision.sale is not None:
            self.sale = decision.sale
        self.decisions.append(decision)
        return decision


amounts = st.integers(min_value=0, max_value=150_000)
tenders = st.integers(min_value=0, max_value=20_000)


@st.composite
def sales(draw: st.DrawFn) -> Sale:
    points = draw(amounts)
    auth = draw(st.sampled_from(["online", "offline"])) if points else "none"
    return make_sale(points, cash=draw(tenders), bank_card=draw(tenders), card=CARD, auth=auth)


@st.composite
def follow_ups(draw: st.DrawFn, ref: str) -> list[FollowUp]:
    kinds = draw(st.lists(st.sampled_from(["refund", "refund", "cancel", "fallback"]), max_size=6))
    out: list[FollowUp] = []
    for kind in kinds:
        if kind == "refund":
            out.append(
                Refund(ref=ref, points=draw(amounts), cash=draw(tenders), bank_card=draw(tenders), reason="r")
            )
        elif kind == "cancel":
            out.append(SaleCancelled(ref=ref, reason="offline_refused"))
        else:
            out.append(SaleFallback(ref=ref))
    return out


@st.composite
def histories(draw: st.DrawFn) -> tuple[int, str, Sale, list[FollowUp]]:
    ref = str(uuid.uuid4())
    return draw(amounts), ref, draw(sales()), draw(follow_ups(ref))


def run(history: tuple[int, str, Sale, list[FollowUp]]) -> Model:
    balance, ref, sale, later = history
    model = Model(balance)
    model.push(sale, ref)
    for follow_up in later:
        model.push(follow_up)
    return model


@given(histories())
def test_every_transaction_balances_and_no_card_goes_negative(history):
    model = run(history)
    for decision in model.decisions:
        for txn in decision.transactions:
            assert sum(amount for _, amount in txn.moves) == 0 and all(amount for _, amount in txn.moves)
    assert sum(model.accounts.values()) == history[0]  # only the card's opening balance exists
    assert model.accounts[ACCOUNT] >= 0


@given(amounts, sales())
def test_an_online_sale_never_takes_more_than_the_card_holds(balance, sale):
    model = Model(balance)
    decision = model.push(sale)
    if sale.auth == "online" and decision.status == "accepted":
        assert sale.points <= balance and model.accounts[ACCOUNT] == balance - sale.points
    if decision.status == "rejected":
        assert decision.reason == "insufficient_points" and sale.points > balance
        assert model.accounts[ACCOUNT] == balance and not decision.transactions


@given(amounts, sales())
def test_an_offline_sale_splits_into_card_part_and_shortfall(balance, sale):
    model = Model(balance)
    model.push(sale)
    book = model.sale
    assert book is not None
    if sale.auth == "offline":
        # What the per-card daily cap allows is posted (card first, then the fund's shortfall);
        # the rest is a disputed claim, never the shop's credit.
        allowed = min(sale.points, 30_000)
        assert book.disputed == sale.points - allowed
        assert book.card_part == min(allowed, balance)
        assert book.card_part + book.shortfall == allowed
        assert model.accounts[SHORTFALL] == -book.shortfall and model.accounts[SHOP] == allowed
        assert (model.status == "online_only") == (book.shortfall > 0)
        claimed = sum(c.amount for d in model.decisions for c in d.claims)
        assert claimed == book.disputed


@given(histories())
def test_refunds_never_give_back_more_than_the_sale_posted(history):
    model = run(history)
    book = model.sale
    assert book is not None
    assert book.refunded_points <= book.points
    assert book.refunded_cash <= book.cash and book.refunded_bank_card <= book.bank_card
    assert book.refunded_card <= book.card_part
    # The shop never owes back more than it was credited, nor the card gets more than it paid.
    assert model.accounts[SHOP] >= 0
    assert model.accounts[ACCOUNT] <= history[0]
    assert -model.accounts[SHORTFALL] >= 0


@given(histories())
def test_a_cancel_after_refunds_reverses_only_the_unrefunded_part(history):
    model = run(history)
    model.push(SaleCancelled(ref=history[1], reason="offline_refused"))
    book = model.sale
    assert book is not None
    if book.status == "cancelled":
        # Every won is back where it came from, refunds and the cancellation together.
        assert model.accounts[SHOP] == 0 and model.accounts[SHORTFALL] == 0
        assert model.accounts[ACCOUNT] == history[0]


@given(histories())
def test_the_ledgers_sale_state_agrees_with_the_shared_sale_rule(history):
    _, _, sale, later = history
    model = run(history)
    book = model.sale
    assert book is not None
    outcome = model.decisions[0].status if sale.auth == "online" else None
    state = fold_sale(sale, later, outcome=outcome)
    assert state.counts == (book.status == "posted")
    if book.disputed == 0:
        assert state.refunded == book.state.refunded
    else:
        # A disputed part was never credited to the shop: the ledger refunds only what it posted
        # (the till's own view cannot know what the ledger disputes; its ack says so).
        assert book.refunded_points <= book.posted_points


@given(st.sampled_from(["active", "online_only", "revoked", "replaced", "expired"]))
def test_card_problems_are_codes(status):
    card = CardView(CARD, status, dt.date(2026, 12, 31))
    problem = card_problem(card, dt.date(2026, 12, 31))
    expected = {"revoked": "card_revoked", "replaced": "card_replaced", "expired": "card_expired"}
    assert problem == expected.get(status)


def test_expiry_is_compared_as_a_kst_business_day_not_as_text():
    card = CardView(CARD, "active", dt.date(2026, 12, 31))
    # 15:30 UTC on 31 December is already 1 January in Seoul: expired, although "2026-12-31" <= expiry.
    late = EntryMeta.of("x", 1, "2026-12-31T15:30:00+00:00")
    assert card_problem(card, late.business_day) == "card_expired"
    # The same instant written with a +09:00 offset is the same business day.
    assert EntryMeta.of("x", 1, "2027-01-01T00:30:00+09:00").business_day == late.business_day
    assert late.ts == "2026-12-31T15:30:00.000000+00:00"
    # A time the ledger cannot read is refused for online sales, never compared as text.
    assert card_problem(card, EntryMeta.of("x", 1, "0").business_day) == "invalid_timestamp"


@settings(max_examples=50)
@given(amounts)
def test_a_points_sale_refunded_as_cash_is_refused(points):
    model = Model(200_000)
    ref = str(uuid.uuid4())
    model.push(make_sale(points + 1, card=CARD, auth="online"), ref)
    refused = model.push(Refund(ref=ref, points=0, cash=points + 1, bank_card=0, reason="r"))
    assert refused.reason == "refund_exceeds_sale" and not refused.transactions
