"""The office's oversight reports and participant lookups on real sales (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from sync.ledger.errors import LedgerError
from sync.ledger.oversight import MAX_SHOWN, stored_bounds
from sync.ledger.settlement import Period
from tests.ledger.market import DAY, Market, kst, open_market, ordinary_day

NEXT = DAY + dt.timedelta(days=1)


@pytest.fixture
def market(database_url) -> Iterator[Market]:
    market = open_market(database_url)
    yield market
    market.ledger.dispose()


def test_a_period_is_whole_business_days_in_kst():
    november = Period.parse_month("2026-11")
    assert stored_bounds(november) == ("2026-10-31T15:00:00.000000+00:00", "2026-11-30T15:00:00.000000+00:00")


def test_spending_by_shop_centre_workplace_and_day(market):
    ordinary_day(market)
    late = market.sell("P1", "rest2", kst(NEXT, "00:30"), 4000)  # after midnight KST: the next day
    market.refund("rest2", kst(NEXT, "00:40"), late)
    market.sell("P2", "cafe1", kst(NEXT, "10:00"), 2000, cash=1500)  # the cash part is no spending
    ledger = market.ledger
    period = Period(DAY, NEXT)
    by_shop = {r.key: r for r in ledger.spending("shop", period)}
    assert by_shop["cafe1"].label == "올리브카페 해운대점"
    assert (by_shop["cafe1"].sales, by_shop["cafe1"].cards, by_shop["cafe1"].points) == (6, 5, 16_500)
    assert (by_shop["rest2"].points, by_shop["rest2"].refunded, by_shop["rest2"].net) == (
        16_500,
        4000,
        12_500,
    )
    assert by_shop["laundry1"].points == 8000
    total = 14_500 + 12_000 + 9000 + 21_000 + 7000 + 17_500 + 7000 + 11_500  # the ordinary day
    assert sum(r.points for r in by_shop.values()) == total + 4000 + 2000
    by_day = ledger.spending("day", period)
    assert [(r.key, r.sales, r.points) for r in by_day] == [
        (DAY.isoformat(), 19, total),
        (NEXT.isoformat(), 2, 6000),
    ]
    by_centre = {r.key: (r.sales, r.net) for r in ledger.spending("centre", period)}
    assert by_centre == {"해운대": (9, 35_500), "사하": (7, 41_500), "북구": (5, 24_500)}
    by_workplace = {r.key: r.net for r in ledger.spending("workplace", period)}
    assert by_workplace["올리브세탁"] == 12_000 + 2000 + 11_500
    assert sum(by_workplace.values()) == 35_500 + 41_500 + 24_500
    assert ledger.spending("shop", Period(DAY - dt.timedelta(days=7), DAY - dt.timedelta(days=1))) == []
    with pytest.raises(LedgerError) as refused:
        ledger.spending("till", period)  # type: ignore[arg-type]
    assert refused.value.code == "report_by_unknown"


def test_unspent_balances_by_centre_and_by_participant(market):
    ordinary_day(market)
    ledger = market.ledger
    spent = {
        "P1": 14_500,
        "P2": 12_000,
        "P3": 9000,
        "P4": 21_000,
        "P5": 7000,
        "P6": 17_500,
        "P7": 7000,
        "P8": 11_500,
    }
    centres = {c.centre: c for c in ledger.unspent_by_centre()}
    assert set(centres) == {"해운대", "사하", "북구"}
    haeundae = centres["해운대"]
    assert (haeundae.participants, haeundae.cards) == (3, 3)
    assert haeundae.balance == 300_000 - spent["P1"] - spent["P2"] - spent["P7"]
    assert haeundae.first_expiry == dt.date(2026, 12, 31)
    people = ledger.unspent_by_participant(centre="사하")
    assert [p.participant_id for p in people] == ["P3", "P8", "P4"]  # the largest balance first
    p4 = people[-1]
    assert (p4.masked_name, p4.balance, p4.workplace, p4.last_sale) == ("남**수", 79_000, "올리브식당", DAY)
    everyone = ledger.unspent_by_participant()
    assert len(everyone) == 8 and {p.masked_name for p in everyone} >= {"홍*동", "한*"}
    assert ledger.audit_log(action="view_participant") == []  # masked names only: nothing to log


def test_a_lookup_shows_cards_balances_and_sales_and_is_logged(market):
    sold = ordinary_day(market)
    ledger = market.ledger
    found = ledger.lookup_participant("P4", operator="kim")
    assert found.matched == 1 and found.others == ()
    (p4,) = found.shown
    assert p4.participant.name == "남궁민수" and p4.participant.centre == "사하"
    assert [(c.number, c.status, c.balance) for c in p4.cards] == [(market.cards["P4"], "active", 79_000)]
    assert p4.balance == 79_000
    assert [(s.shop_name, s.points) for s in p4.sales] == [("올리브식품", 12_000), ("올리브식당", 9000)]
    assert {s.entry_id for s in p4.sales} <= {s.entry_id for s in sold}
    by_name = ledger.lookup_participant("궁민", operator="lee")
    assert [d.participant.participant_id for d in by_name.shown] == ["P4"]
    by_card = ledger.lookup_participant(
        " ".join(market.cards["P2"][i : i + 4] for i in (0, 4, 8)), operator="lee"
    )
    assert [d.participant.name for d in by_card.shown] == ["김철수"]
    views = ledger.audit_log(action="view_participant")
    assert [(r.operator, r.target, r.args["query"]) for r in views] == [
        ("lee", "P2", by_card.query),
        ("lee", "P4", "궁민"),
        ("kim", "P4", "P4"),
    ]


def test_a_lookup_matching_many_shows_masked_names_and_logs_nothing(market):
    ledger = market.ledger
    found = ledger.lookup_participant("P", operator="kim")
    assert found.matched == 8 > MAX_SHOWN and found.shown == ()
    assert [m.masked_name for m in found.others[:2]] == ["홍*동", "김*수"]
    assert ledger.lookup_participant("없는사람", operator="kim").matched == 0
    assert ledger.lookup_participant("50%_", operator="kim").matched == 0  # no wildcards
    assert ledger.audit_log(action="view_participant") == []
    with pytest.raises(LedgerError) as refused:
        ledger.lookup_participant("  ", operator="kim")
    assert refused.value.code == "lookup_empty"
