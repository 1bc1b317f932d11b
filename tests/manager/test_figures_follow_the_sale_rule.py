"""The manager's SQL figures equal the one sale rule (``sync.shared.sale_state``) over any history.

Histories are made by the real checkout: cash, bank-card and points sales (online accepted, online
refused, online with no answer, offline), refunds and voids of any earlier sale, and time passing
across business days. The ledger's side of the conversation is the one thing stood in for.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos_app.checkout import AuthAnswer, Checkout
from pos_app.core.cart import Cart
from pos_app.core.offline_rules import OfflineLimits
from pos_app.core.reports import SalesSummary, TenderTotals
from pos_app.core.tenders import Tenders
from pos_app.demo_catalogue import DEMO_ITEMS
from pos_app.journal.store import Journal
from pos_app.manager.queries import SalesQueries
from sync.shared.cards.keys import new_issuer_key
from sync.shared.cards.number import make_card_number
from sync.shared.cards.token import CardToken, sign_card
from sync.shared.chain import JournalEntry
from sync.shared.clock import business_day_bounds, business_day_of
from sync.shared.entries import FollowUp, Refund, Sale
from sync.shared.sale_state import SaleState, fold_sale, refund_problem

START = dt.datetime(2027, 3, 1, 0, 30, tzinfo=dt.UTC)
ISSUER = new_issuer_key()
CARD = make_card_number(1)
ITEMS = [i for i in DEMO_ITEMS if not i.open_price and not i.sold_out and i.price > 0]


class ScriptedLedger:
    """Answers online authorisations as the example says (accepted, rejected or no answer)."""

    def __init__(self) -> None:
        self.next: str = "accepted"

    def authorise(self, entry: JournalEntry, timeout: float) -> AuthAnswer:
        if self.next == "unavailable":
            return AuthAnswer("unavailable")
        return AuthAnswer(self.next, "insufficient_points" if self.next == "rejected" else None)  # type: ignore[arg-type]

    def refresh_cards(self, timeout: float) -> bool:
        return False

    def wake(self) -> None:
        pass

    def reachable(self) -> bool:
        return self.next != "offline"


def python_summary(entries: list[JournalEntry], start: dt.datetime, end: dt.datetime) -> SalesSummary:
    """The figures by the sale rule: sales of the range that count, and the refunds the rule takes."""
    in_range = lambda e: start <= dt.datetime.fromisoformat(e.ts) < end  # noqa: E731
    sales = [e for e in entries if isinstance(e.body, Sale)]
    gross, count = TenderTotals(), 0
    refunds, refund_count, void_count = TenderTotals(), 0, 0
    for sale in sales:
        body = sale.body
        assert isinstance(body, Sale)
        follow_ups: list[FollowUp] = []
        for later in entries:
            if later.seq <= sale.seq or later.payload.get("ref") != sale.id:
                continue
            step = later.body
            if (
                isinstance(step, Refund)
                and refund_problem(fold_sale(body, follow_ups), step) is None
                and in_range(later)
            ):
                refunds += TenderTotals(step.points, step.cash, step.bank_card)
                refund_count += step.type == "refund"
                void_count += step.type == "void"
            follow_ups.append(step)  # type: ignore[arg-type]
        state: SaleState = fold_sale(body, follow_ups)
        if state.counts and in_range(sale):
            count += 1
            gross += TenderTotals(body.points, body.cash, body.bank_card)
    return SalesSummary(count, gross, refunds, refund_count, void_count)


step = st.one_of(
    st.tuples(st.just("cash"), st.lists(st.sampled_from(ITEMS), min_size=1, max_size=3)),
    st.tuples(st.just("bank_card"), st.lists(st.sampled_from(ITEMS), min_size=1, max_size=2)),
    st.tuples(
        st.just("points"),
        st.lists(st.sampled_from(ITEMS), min_size=1, max_size=8),
        st.sampled_from(["accepted", "rejected", "unavailable", "offline"]),
        st.integers(1, 40_000),  # points asked: over the offline daily cap, some are refused
    ),
    st.tuples(st.just("refund"), st.integers(0, 50), st.integers(1, 20_000), st.booleans()),
    st.tuples(st.just("tick"), st.integers(1, 60 * 30)),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(step, min_size=1, max_size=25))
def test_sql_figures_equal_the_sale_rule(steps):
    clock = [START]
    with tempfile.TemporaryDirectory() as tmp:
        journal = Journal(Path(tmp) / "till.sqlite3", "cafe1-1", clock=lambda: clock[0])
        ledger = ScriptedLedger()
        # A small daily cap, so that sales with no answer are often refused and cancelled.
        limits = OfflineLimits(card_daily_cap=12_000)
        checkout = Checkout(journal, issuer_public_key=ISSUER.public_key(), link=ledger, limits=limits)
        journal.apply_snapshot(
            [
                {
                    "number": CARD,
                    "masked_name": "홍*동",
                    "balance": 10**6,
                    "status": "active",
                    "issue": 1,
                    "version": 1,
                }
            ],
            1,
            full=True,
            at=clock[0],
        )
        qr = sign_card(CardToken(CARD, 1, dt.date(2099, 12, 31)), ISSUER)
        sales: list[str] = []
        for kind, *args in steps:
            if kind == "tick":
                clock[0] += dt.timedelta(minutes=args[0])
                continue
            if kind == "refund":
                if sales:
                    index, amount, void = args
                    checkout.refund(
                        sales[index % len(sales)],
                        reason="r",
                        manager="s001",
                        cashier="s002",
                        amount=amount,
                        kind="void" if void else "refund",
                    )
                continue
            cart = Cart()
            for item in args[0]:
                cart = cart.add(item)
            if kind == "cash":
                result = checkout.pay(cart, Tenders(cash_received=cart.total), None, "s002")
            elif kind == "bank_card":
                result = checkout.pay(cart, Tenders(bank_card=cart.total, approval_no="1234"), None, "s002")
            else:
                ledger.next = args[1]
                journal.apply_snapshot([], 1, full=False, at=clock[0])  # keep the snapshot fresh
                view = checkout.scan(qr)
                points = min(cart.total, args[2])
                result = checkout.pay(
                    cart, Tenders(points=points, cash_received=cart.total - points), view, "s002"
                )
            if result.entry is not None:
                sales.append(result.entry.id)
        entries = journal.entries()
        queries = SalesQueries(journal)
        first, last = business_day_of(START), business_day_of(clock[0])
        ranges = [(business_day_bounds(first)[0], business_day_bounds(last)[1])]
        day = first
        while day <= last:
            ranges.append(business_day_bounds(day))
            day += dt.timedelta(days=1)
        for start, end in ranges:
            assert queries.summary(start, end) == python_summary(entries, start, end), (start, end)
        journal.close()
