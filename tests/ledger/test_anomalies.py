"""The anomaly rules on real sales (SQLite and PostgreSQL): each fires on its pattern and stays quiet
on an ordinary day; a scan raises each anomaly once; the office acknowledges and resolves alerts
and changes thresholds, each step in the audit log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from sync.ledger.anomalies import ANOMALY_KINDS, SCANNED_KINDS, Hours, Thresholds
from sync.ledger.errors import LedgerError
from sync.ledger.settlement import Period
from tests.ledger.market import DAY, Market, kst, open_market, ordinary_day

ONE_DAY = Period(DAY, DAY)


@pytest.fixture
def market(database_url) -> Iterator[Market]:
    market = open_market(database_url)
    yield market
    market.ledger.dispose()


def scanned(market: Market, period: Period = ONE_DAY) -> list[tuple[str, str]]:
    result = market.ledger.scan_anomalies(period, operator="kim")
    return sorted((a.kind, a.subject) for a in result.raised)


def test_an_ordinary_day_raises_nothing(market):
    ordinary_day(market)
    ordinary_day(market, DAY + dt.timedelta(days=1))
    result = market.ledger.scan_anomalies(Period(DAY, DAY + dt.timedelta(days=1)), operator="kim")
    assert result.sales == 38
    assert result.raised == () and result.found == 0
    assert market.ledger.alert_list(kinds=SCANNED_KINDS) == []


def test_a_sale_draining_the_card_is_raised(market):
    ordinary_day(market)
    big = market.sell("P5", "rest1", kst(DAY, "19:00"), 91_000, lines=[("M07", "제육덮밥", 10, 9100)])
    assert scanned(market) == [("card_drained", f"sale:{big.entry_id}")]
    facts = market.ledger.alert_list(kinds=["card_drained"])[0].facts
    assert facts is not None
    assert facts["card"] == market.cards["P5"] and facts["shop"] == "rest1"
    # P5 had spent 7,000 won earlier that day: 91,000 of 93,000 is 98 %.
    assert facts["balance_before"] == 93_000 and facts["percent"] == 98 and facts["open_price"] is False


def test_an_open_price_sale_draining_the_card_is_raised_from_a_smaller_amount(market):
    market.sell("P2", "rest1", kst(DAY - dt.timedelta(days=20), "12:00"), 88_000, item="단체 식사")
    # 11,000 of the 12,000 left: an open-price laundry line is raised, a fixed-price sale is not.
    laundry = market.laundry("P2", kst(DAY, "11:00"), 11_000)
    market.sell("P3", "rest1", kst(DAY - dt.timedelta(days=20), "12:30"), 88_000, item="단체 식사")
    market.sell("P3", "grocery1", kst(DAY, "11:30"), 11_000, item="쌀")
    assert scanned(market) == [("card_drained", f"sale:{laundry.entry_id}")]
    assert market.ledger.alert_list(kinds=["card_drained"])[0].facts["open_price"] is True  # type: ignore[index]


def test_an_offline_sale_beyond_the_balance_is_raised(market):
    market.sell("P6", "rest1", kst(DAY - dt.timedelta(days=3), "12:00"), 75_000, item="단체 식사")
    offline = market.sell("P6", "cafe1", kst(DAY, "10:00"), 30_000, auth="offline", item="케이크")
    assert scanned(market) == [("card_drained", f"sale:{offline.entry_id}")]
    facts = market.ledger.alert_list(kinds=["card_drained"])[0].facts
    # The card had 25,000 won; the fund's shortfall paid the rest.
    assert facts is not None and facts["balance_before"] == 25_000 and facts["points"] == 30_000
    assert facts["percent"] == 120


def test_many_sales_of_one_card_at_one_shop_in_a_day(market):
    ordinary_day(market)
    for hhmm, points in (("10:00", 3000), ("11:30", 4500), ("15:00", 3500), ("18:40", 4000)):
        market.sell("P8", "rest2", kst(DAY, hhmm), points)
    # Three sales of P3 at cafe1 or cafe2 in the ordinary day are below the threshold of four.
    card = market.cards["P8"]
    assert scanned(market) == [("many_sales_one_shop", f"card:{card}:{DAY.isoformat()}:shop:rest2")]
    facts = market.ledger.alert_list()[0].facts
    assert facts is not None and facts["count"] == 4 and facts["points"] == 15_000


def test_one_amount_repeated_by_one_card_in_a_day(market):
    ordinary_day(market)
    for shop, hhmm in (("cafe1", "10:30"), ("rest1", "14:00"), ("grocery1", "19:00")):
        market.sell("P7", shop, kst(DAY, hhmm), 10_000, item="상품권")
    card = market.cards["P7"]
    assert scanned(market) == [("repeated_amount", f"card:{card}:{DAY.isoformat()}:won:10000")]
    facts = market.ledger.alert_list()[0].facts
    assert facts is not None and facts["shops"] == ["cafe1", "grocery1", "rest1"] and facts["count"] == 3


def test_one_card_at_two_shops_minutes_apart(market):
    ordinary_day(market)
    market.sell("P4", "cafe2", kst(DAY, "15:00"), 3000)
    market.sell("P4", "rest2", kst(DAY, "15:06"), 4000)
    card = market.cards["P4"]
    assert scanned(market) == [("two_shops_quickly", f"card:{card}:{DAY.isoformat()}")]
    facts = market.ledger.alert_list()[0].facts
    assert facts is not None
    assert (facts["first_shop"], facts["second_shop"], facts["minutes"]) == ("cafe2", "rest2", 6.0)


def test_sales_outside_the_shops_hours(market):
    ordinary_day(market)
    market.sell("P1", "rest2", kst(DAY, "23:10"), 4000)
    market.sell("P3", "rest2", kst(DAY + dt.timedelta(days=1), "06:30"), 4000)
    raised = scanned(market, Period(DAY, DAY + dt.timedelta(days=1)))
    assert raised == [
        ("outside_hours", f"shop:rest2:{DAY.isoformat()}"),
        ("outside_hours", f"shop:rest2:{(DAY + dt.timedelta(days=1)).isoformat()}"),
    ]
    # A shop open late has its own hours: its late sale is no anomaly.
    market.ledger.set_anomaly_thresholds({"hours.cafe1": "07:00-24:00"}, operator="kim")
    market.sell("P2", "cafe1", kst(DAY, "23:30"), 3000)
    assert scanned(market) == []


def test_offline_claims_over_the_caps_are_listed_with_the_anomalies(market):
    ordinary_day(market)
    market.sell("P1", "cafe1", kst(DAY, "10:00"), 20_000, auth="offline", item="케이크")
    market.sell(
        "P1", "cafe1", kst(DAY, "13:00"), 20_000, auth="offline", item="케이크"
    )  # 10,000 over the cap
    listed = market.ledger.alert_list(kinds=ANOMALY_KINDS)
    assert [a.kind for a in listed] == ["offline_claim_disputed"] and "10000 won" in listed[0].detail
    assert listed[0].status == "open" and listed[0].facts is None


def test_a_rescan_raises_nothing_twice_and_a_resolved_alert_stays_resolved(market):
    ordinary_day(market)
    for shop, hhmm in (("cafe1", "10:30"), ("rest1", "14:00"), ("grocery1", "19:00")):
        market.sell("P7", shop, kst(DAY, hhmm), 10_000, item="상품권")
    first = market.ledger.scan_anomalies(ONE_DAY, operator="kim")
    assert len(first.raised) == 1
    again = market.ledger.scan_anomalies(Period(DAY - dt.timedelta(days=1), DAY), operator="kim")
    assert again.found == 1 and again.raised == ()
    alert = market.ledger.alert_list(kinds=SCANNED_KINDS)[0]
    market.ledger.resolve_alert(alert.id, operator="lee", note="상품권 판매 확인, 정상")
    assert market.ledger.scan_anomalies(ONE_DAY, operator="kim").raised == ()
    assert [a.status for a in market.ledger.alert_list(kinds=SCANNED_KINDS)] == ["resolved"]
    scans = market.ledger.audit_log(action="scan_anomalies")
    assert [r.after["raised"] for r in scans] == [0, 0, 1] and scans[0].operator == "kim"


def test_alerts_are_acknowledged_then_resolved_each_step_audited(market):
    ordinary_day(market)
    market.sell("P4", "cafe2", kst(DAY, "15:00"), 3000)
    market.sell("P4", "rest2", kst(DAY, "15:06"), 4000)
    scanned(market)
    alert = market.ledger.alert_list(status="open", kinds=["two_shops_quickly"])[0]
    market.clock.now = kst(DAY + dt.timedelta(days=1), "09:00")
    seen = market.ledger.acknowledge_alert(alert.id, operator="kim")
    assert (seen.status, seen.handled_by) == ("acknowledged", "kim")
    assert seen.handled_at is not None and seen.handled_at.startswith(
        (DAY + dt.timedelta(days=1)).isoformat()
    )
    with pytest.raises(LedgerError) as refused:
        market.ledger.acknowledge_alert(alert.id, operator="kim")
    assert refused.value.code == "alert_not_open"
    with pytest.raises(LedgerError) as refused:
        market.ledger.resolve_alert(alert.id, operator="lee", note="  ")
    assert refused.value.code == "alert_needs_note"
    done = market.ledger.resolve_alert(alert.id, operator="lee", note="같은 건물의 두 매장, 확인함")
    assert (done.status, done.handled_by, done.note) == ("resolved", "lee", "같은 건물의 두 매장, 확인함")
    with pytest.raises(LedgerError) as refused:
        market.ledger.resolve_alert(alert.id, operator="lee", note="again")
    assert refused.value.code == "alert_already_resolved"
    with pytest.raises(LedgerError) as refused:
        market.ledger.acknowledge_alert(999_999, operator="kim")
    assert refused.value.code == "alert_unknown"
    steps = [
        (r.action, r.operator, r.before, r.after["status"])
        for r in market.ledger.audit_log(target=str(alert.id))
    ]
    assert steps == [
        ("resolve_alert", "lee", {"status": "acknowledged"}, "resolved"),
        ("acknowledge_alert", "kim", {"status": "open"}, "acknowledged"),
    ]
    assert market.ledger.alert_list(status="open", kinds=SCANNED_KINDS) == []
    assert [a.id for a in market.ledger.alert_list(status="resolved")] == [alert.id]


def test_thresholds_are_kept_per_year_checked_and_audited(market):
    year, defaults = market.ledger.anomaly_thresholds()
    assert (year, defaults) == (2026, Thresholds())
    changed = market.ledger.set_anomaly_thresholds(
        {"sales_per_shop_day": "3", "hours": "08:00-21:00", "hours.laundry1": "09:00-18:00"}, operator="kim"
    )
    assert changed.sales_per_shop_day == 3 and changed.hours == Hours(dt.time(8), dt.time(21))
    assert changed.hours_of("laundry1") == Hours(dt.time(9), dt.time(18))
    assert market.ledger.anomaly_thresholds(2026)[1] == changed
    for changes, code in (
        ({"sales_per_day": "3"}, "threshold_unknown"),
        ({"drain_percent": "150"}, "threshold_invalid"),
        ({"repeat_count": "세"}, "threshold_invalid"),
        ({"hours": "22:00"}, "threshold_invalid"),
    ):
        with pytest.raises(LedgerError) as refused:
            market.ledger.set_anomaly_thresholds(changes, operator="kim")
        assert refused.value.code == code
    with pytest.raises(LedgerError) as refused:
        market.ledger.anomaly_thresholds(2019)
    assert refused.value.code == "programme_unknown"
    (row,) = market.ledger.audit_log(action="set_thresholds")
    assert row.operator == "kim" and row.target == "2026"
    assert row.before["sales_per_shop_day"] == 4 and row.after["sales_per_shop_day"] == 3
    assert row.after["shop_hours"] == {"laundry1": "09:00-18:00"}
    # The scan uses them: three sales at one shop are now enough, and 08:00-21:00 is the day.
    for hhmm in ("09:00", "12:00", "15:00"):
        market.sell("P8", "rest2", kst(DAY, hhmm), 4000 + int(hhmm[:2]))
    market.sell("P7", "cafe1", kst(DAY, "07:40"), 3000)
    card = market.cards["P8"]
    assert scanned(market) == [
        ("many_sales_one_shop", f"card:{card}:{DAY.isoformat()}:shop:rest2"),
        ("outside_hours", f"shop:cafe1:{DAY.isoformat()}"),
    ]


def test_hours_past_midnight_and_a_shop_back_to_the_default():
    bar = Hours.parse("18:00-02:00")
    assert dt.time(23, 59) in bar and dt.time(1, 30) in bar and dt.time(2, 0) not in bar
    assert dt.time(12) not in bar and str(bar) == "18:00-02:00"
    late = Hours.parse("07:00-24:00")
    assert dt.time(23, 59, 59) in late and dt.time(6, 59) not in late and str(late) == "07:00-24:00"
    for bad in ("7-22", "07:00-07:00", "25:00-02:00", "07:00-24:30"):
        with pytest.raises(ValueError):
            Hours.parse(bad)
    own = Thresholds().changed({"hours.cafe1": "06:00-23:00"})
    assert (
        own.hours_of("cafe1") == Hours(dt.time(6), dt.time(23))
        and own.hours_of("rest1") == Thresholds().hours
    )
    assert own.changed({"hours.cafe1": "default"}) == Thresholds()
    assert Thresholds.from_settings({"anomalies": own.as_settings()}) == own
    assert Thresholds.from_settings({}) == Thresholds()
