"""The payment service without a ledger: the offline rules of ARCHITECTURE §6, journal first."""

import datetime as dt

import pytest

from pos_app.checkout import RefundOutcome, SaleOutcome
from pos_app.core.cart import Cart
from pos_app.core.catalogue import Item
from pos_app.core.offline_rules import Refusal
from pos_app.core.tenders import Tenders
from pos_app.journal.store import JournalWriteFailed
from reliability.sales import sale as sale_of
from sync.shared.cards.token import CardProblem, CardRejected

KIMCHI = Item("M05", "김치찌개", 8000)
BIBIMBAP = Item("M08", "비빔밥", 8500)


def cart_of(item, qty=1):
    return Cart().add(item, qty)


def test_offline_points_sale_is_journalled_and_reduces_what_the_card_may_spend(till):
    till.load_cards({1: 100_000})
    card = till.checkout.scan(till.payload(1))
    assert (card.source, card.spendable_now, card.masked_name, card.last4) == (
        "offline",
        30_000,
        "홍*동",
        card.number[-4:],
    )
    result = till.checkout.pay(cart_of(BIBIMBAP), Tenders(points=8500), card, "s001")
    assert result.approved and result.mode == "offline"
    assert result.entry.type == "sale" and result.entry.payload["auth"] == "offline"
    assert result.card_balance == 91_500
    again = till.checkout.scan(till.payload(1))
    assert again.balance == 91_500 and again.spendable_now == 30_000 - 8500


def test_per_card_daily_cap_refuses_with_its_reason_and_journals_nothing(till):
    till.load_cards({1: 100_000})
    card = till.checkout.scan(till.payload(1))
    assert till.checkout.pay(cart_of(KIMCHI, 3), Tenders(points=24_000), card, "s001").approved
    before = till.journal.last_seq()
    result = till.checkout.pay(cart_of(KIMCHI), Tenders(points=8000), card, "s001")
    assert not result.approved and result.refusal == "card_daily_cap"
    assert result.code is Refusal.CARD_DAILY_CAP
    assert till.journal.last_seq() == before
    # Cash still works when points are refused.
    assert till.checkout.pay(cart_of(KIMCHI), Tenders(cash_received=10_000), None, "s001").approved


def test_daily_cap_resets_the_next_day_but_balance_still_binds(till):
    till.load_cards({1: 40_000})
    card = till.checkout.scan(till.payload(1))
    assert till.checkout.pay(cart_of(KIMCHI, 3), Tenders(points=24_000), card, "s001").approved
    till.clock[0] += dt.timedelta(hours=12)  # 00:00 next day in Seoul, snapshot 12 h old
    card = till.checkout.scan(till.payload(1))
    assert card.spendable_now == 16_000 and card.limited_by.value == "insufficient_points"


def test_till_cap_bounds_all_offline_points_of_the_till(till):
    till.load_cards({n: 100_000 for n in range(1, 30)})
    taken = 0
    for n in range(1, 30):
        card = till.checkout.scan(till.payload(n))
        result = till.checkout.pay(cart_of(KIMCHI, 3), Tenders(points=24_000), card, "s001")
        if not result.approved:
            assert result.refusal == "till_cap"
            break
        taken += 24_000
    assert taken == 480_000  # 20 sales; the 21st would pass 500,000


def test_old_snapshot_refuses_points(till):
    till.load_cards({1: 100_000})
    till.clock[0] += dt.timedelta(hours=25)
    card = till.checkout.scan(till.payload(1))
    assert card.spendable_now == 0
    result = till.checkout.pay(cart_of(KIMCHI), Tenders(points=8000), card, "s001")
    assert result.refusal == "snapshot_too_old" and result.code is Refusal.SNAPSHOT_TOO_OLD


def test_a_snapshot_from_the_future_is_stale_when_the_pc_clock_was_set_back(till):
    till.load_cards({1: 100_000})  # taken when the clock was right
    till.clock[0] -= dt.timedelta(days=30)  # then the PC clock goes a month slow
    card = till.checkout.scan(till.payload(1))
    assert card.spendable_now == 0 and card.limited_by is Refusal.SNAPSHOT_TOO_OLD
    result = till.checkout.pay(cart_of(KIMCHI), Tenders(points=8000), card, "s001")
    assert not result.approved and result.refusal == "snapshot_too_old"
    till.clock[0] += dt.timedelta(days=30, minutes=1)  # the clock is right again: the snapshot is fresh
    assert till.checkout.scan(till.payload(1)).spendable_now == 30_000  # the daily cap


@pytest.mark.parametrize(
    ("status", "problem"), [("revoked", CardProblem.REVOKED), ("replaced", CardProblem.REPLACED)]
)
def test_stopped_cards_are_refused_at_scan(till, status, problem):
    till.load_cards({1: 100_000}, status=status)
    with pytest.raises(CardRejected) as err:
        till.checkout.scan(till.payload(1))
    assert err.value.problem is problem


def test_an_older_issue_of_a_replaced_card_is_refused(till):
    till.load_cards({1: 100_000})
    till.journal.apply_snapshot(
        [
            {
                "number": till.checkout.scan(till.payload(1)).number,
                "masked_name": "홍*동",
                "balance": 0,
                "status": "active",
                "issue": 2,
                "version": 2,
            }
        ],
        2,
        full=False,
        at=till.clock[0],
    )
    with pytest.raises(CardRejected) as err:
        till.checkout.scan(till.payload(1, issue=1))
    assert err.value.problem is CardProblem.REPLACED


def test_typed_card_number_needs_the_ledger_for_points(till):
    till.load_cards({1: 100_000})
    number = till.checkout.scan(till.payload(1)).number
    card = till.checkout.lookup_number(f"{number[:4]} {number[4:8]} {number[8:]}")
    assert not card.verified and card.spendable_now == 0
    result = till.checkout.pay(cart_of(KIMCHI), Tenders(points=8000), card, "s001")
    assert result.refusal == "manual_needs_online"
    with pytest.raises(CardRejected):
        till.checkout.lookup_number("1234 5678 9012")


def test_refund_needs_a_reason_restores_points_first_and_never_twice(till):
    till.load_cards({1: 100_000})
    card = till.checkout.scan(till.payload(1))
    sale = till.checkout.pay(cart_of(BIBIMBAP), Tenders(points=5000, cash_received=5000), card, "s001")
    assert sale.approved and sale.payment.change == 1500
    assert not till.checkout.refund(sale.entry.id, reason=" ", manager="s002", cashier="s001").approved
    refund = till.checkout.refund(
        sale.entry.id, reason="음식이 식음", manager="s002", cashier="s001", amount=6000
    )
    assert refund.approved and (refund.split.points, refund.split.cash) == (5000, 1000)
    void = till.checkout.refund(
        sale.entry.id, reason="전체 취소", manager="s002", cashier="s001", kind="void"
    )
    assert void.approved and void.split.total == 2500
    assert not till.checkout.refund(sale.entry.id, reason="again", manager="s002", cashier="s001").approved


def test_refund_window_is_enforced(till):
    sale = till.checkout.pay(cart_of(KIMCHI), Tenders(cash_received=8000), None, "s001")
    till.clock[0] += dt.timedelta(hours=25)
    result = till.checkout.refund(sale.entry.id, reason="late", manager="s002", cashier="s001")
    assert not result.approved and result.code is RefundOutcome.WINDOW_PASSED
    assert result.values["hours"] == 24


def test_points_without_a_card_are_refused(till):
    result = till.checkout.pay(cart_of(KIMCHI), Tenders(points=8000), None, "s001")
    assert not result.approved and result.code is SaleOutcome.NO_CARD
    assert till.journal.last_seq() == 0


def test_an_online_sale_interrupted_before_its_answer_is_cancelled_at_start_up(till):
    till.load_cards({1: 100_000})
    card = till.checkout.scan(till.payload(1))
    # What a power cut leaves: the sale journalled for online authorisation, no answer, no decision.
    sale = till.journal.append(sale_of(8000, card=card.number, auth="online"))
    settled = till.checkout.pay(
        cart_of(KIMCHI), Tenders(points=8000), card, "s001"
    )  # an offline one, decided
    cancelled = till.checkout.resolve_interrupted()
    assert [e.payload for e in cancelled] == [{"ref": sale.id, "reason": "interrupted"}]
    assert till.checkout.sale_state(sale.id).status == "cancelled"
    assert till.checkout.sale_state(settled.entry.id).status == "pending"
    assert till.checkout.resolve_interrupted() == []


def test_a_full_disk_sells_nothing_and_says_so(till):
    till.load_cards({1: 100_000})
    card = till.checkout.scan(till.payload(1))
    sold = till.checkout.pay(cart_of(KIMCHI), Tenders(cash_received=8000), None, "s001")
    # SQLite's own "database or disk is full", as on a full disk: no page may be added, and what
    # room is left in the last pages is used up first.
    till.journal.query(f"PRAGMA max_page_count = {till.journal.query('PRAGMA page_count')[0][0]}")
    with pytest.raises(JournalWriteFailed):
        for _ in range(1000):
            till.journal.append_raw("note", {"text": "x" * 200})
    before = till.journal.last_seq()
    for tenders, view in ((Tenders(cash_received=8000), None), (Tenders(points=8000), card)):
        result = till.checkout.pay(cart_of(KIMCHI), tenders, view, "s001")
        assert not result.approved and result.code is SaleOutcome.NOT_RECORDED and result.entry is None
    refund = till.checkout.refund(sold.entry.id, reason="full disk", manager="s002", cashier="s001")
    assert not refund.approved and refund.code is RefundOutcome.NOT_RECORDED
    assert till.journal.last_seq() == before and till.journal.verify() == []
