"""Settlement on SQLite and PostgreSQL: statements match the sales to the won, periods share out every
won the shops were credited, bank details are checked and masked, the transfer file names the shops
it cannot pay, and payments are idempotent by the bank's reference, never more than is owed, audited."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import func, select

from sync.ledger import schema as t
from sync.ledger.banks import BANKS, bank_details, find_bank, mask_account
from sync.ledger.errors import LedgerError
from sync.ledger.service import Ledger
from sync.ledger.settlement import Period
from tests.ledger.settlement_world import (
    CAFE_DECEMBER_NET,
    CAFE_NOVEMBER,
    CAFE_OCTOBER_NET,
    YEAR,
    kst,
    make_world,
    november,
)

NOVEMBER = Period.month(YEAR, 11)


def shop_balance(ledger: Ledger, shop_id: str) -> int:
    return next(b.balance for b in ledger.balances() if b.name == f"shop:{shop_id}")


def settlement_txns(ledger: Ledger) -> int:
    with ledger.engine.connect() as conn:
        return int(conn.execute(select(func.count()).where(t.txn.c.kind == "settlement")).scalar_one())


# -- periods ------------------------------------------------------------------------------------------


def test_a_month_is_its_kst_business_days():
    period = Period.parse_month("2026-02")
    assert (period.start, period.end, period.label) == (dt.date(2026, 2, 1), dt.date(2026, 2, 28), "2026-02")
    start, end = Period.parse_month("2026-12").bounds()
    assert start == dt.datetime(2026, 11, 30, 15, tzinfo=dt.UTC)  # 1 Dec 00:00 KST
    assert end == dt.datetime(2026, 12, 31, 15, tzinfo=dt.UTC)  # 1 Jan 00:00 KST
    assert Period.month_before(dt.date(2027, 1, 3)) == Period.month(2026, 12)
    assert Period(dt.date(2026, 11, 1), dt.date(2026, 11, 15)).label == "2026-11-01~2026-11-15"
    for bad in ("2026-13", "2026/11", "11-2026", "", "2026-1x"):
        with pytest.raises(LedgerError) as err:
            Period.parse_month(bad)
        assert err.value.code == "settlement_month_invalid"
    with pytest.raises(LedgerError):
        Period(dt.date(2026, 11, 2), dt.date(2026, 11, 1))


# -- statements -----------------------------------------------------------------------------------------


def test_statement_matches_the_sales_to_the_won(database_url):
    world = november(database_url)
    s = world.ledger.statement("cafe1", NOVEMBER)
    assert len(s.days) == 30 and s.days[0].day == NOVEMBER.start and s.days[-1].day == NOVEMBER.end
    active = {d.day: (d.sales, d.points, d.refunds) for d in s.days if d.sales or d.refunds}
    assert active == CAFE_NOVEMBER["days"]
    assert (s.points, s.refunds, s.disputes_accepted, s.net) == (
        CAFE_NOVEMBER["points"],
        CAFE_NOVEMBER["refunds"],
        CAFE_NOVEMBER["disputes_accepted"],
        CAFE_NOVEMBER["net"],
    )
    assert (s.paid, s.balance) == (0, CAFE_NOVEMBER["net"])
    assert s.shop_name == "올리브카페 해운대점"
    # The other shop's sale is its own.
    rest = world.ledger.statement("rest1", NOVEMBER)
    assert (rest.sales, rest.net) == (1, 4_500)
    assert world.ledger.verify() == []


def test_the_last_instant_of_a_month_in_kst_belongs_to_that_month(database_url):
    world = november(database_url)
    october, december = Period.month(YEAR, 10), Period.month(YEAR, 12)
    assert world.ledger.statement("cafe1", october).net == CAFE_OCTOBER_NET  # 31 Oct 23:59:59.999999
    assert world.ledger.statement("cafe1", october).days[-1].points == 4_000
    last = world.ledger.statement("cafe1", NOVEMBER).days[-1]
    assert (last.day, last.sales, last.points) == (dt.date(YEAR, 11, 30), 2, 8_500)  # 23:50 and 23:59:30
    first = world.ledger.statement("cafe1", NOVEMBER).days[0]
    assert (first.sales, first.points) == (1, 3_000)  # 1 Nov 00:00:00, not October
    dec = world.ledger.statement("cafe1", december)
    # 1 Dec 00:00:00 is December's, and so is the refund at 00:10 of a sale made on 30 Nov.
    assert (dec.days[0].points, dec.days[0].refunds, dec.net) == (2_000, 3_500, CAFE_DECEMBER_NET)


def test_periods_share_out_every_won_the_shop_was_credited(database_url):
    world = november(database_url)
    ledger = world.ledger
    months = [ledger.statement("cafe1", Period.month(YEAR, m)).net for m in (9, 10, 11, 12)]
    assert sum(months) == shop_balance(ledger, "cafe1") == 84_000
    quarter = ledger.statement("cafe1", Period(dt.date(YEAR, 9, 1), dt.date(YEAR, 12, 31)))
    halves = [
        ledger.statement("cafe1", Period(dt.date(YEAR, 11, 1), dt.date(YEAR, 11, 15))),
        ledger.statement("cafe1", Period(dt.date(YEAR, 11, 16), dt.date(YEAR, 11, 30))),
    ]
    assert quarter.net == 84_000
    assert sum(h.net for h in halves) == CAFE_NOVEMBER["net"]
    # The accepted claim (20 Nov) is the second half's; the claims of both halves are listed.
    assert [h.disputes_accepted for h in halves] == [0, 10_000]


def test_two_runs_give_identical_statements(database_url):
    world = november(database_url)
    assert world.ledger.statements(NOVEMBER) == world.ledger.statements(NOVEMBER)
    assert [s.shop_id for s in world.ledger.statements(NOVEMBER)] == ["cafe1", "rest1"]
    assert world.ledger.statements(NOVEMBER, ["rest1"])[0] == world.ledger.statement("rest1", NOVEMBER)


def test_disputed_claims_are_listed_and_only_an_accepted_one_is_owed(database_url):
    world = november(database_url)
    claims = world.ledger.statement("cafe1", NOVEMBER).disputes
    assert [(c.amount, c.status, c.counted) for c in claims] == [
        (10_000, "accepted", 10_000),
        (5_000, "rejected", 0),
    ]
    assert claims[0].reason == "over_card_daily_cap" and claims[0].resolved_by == "office1"
    assert claims[0].sale_ts is not None and claims[0].sale_ts.startswith("2026-11-15T04:00:00")
    # December lists the claim it rejected, owing nothing for it.
    dec = world.ledger.statement("cafe1", Period.month(YEAR, 12))
    assert [(c.amount, c.status, c.counted) for c in dec.disputes] == [(5_000, "rejected", 0)]
    assert world.ledger.statement("cafe1", Period.month(YEAR, 10)).disputes == ()


def test_a_statement_of_an_unknown_shop_is_refused(database_url):
    world = make_world(database_url, shops=("cafe1",))
    with pytest.raises(LedgerError) as err:
        world.ledger.statement("nowhere", NOVEMBER)
    assert err.value.code == "shop_unknown"
    empty = world.ledger.statement("cafe1", NOVEMBER)
    assert (empty.sales, empty.net, empty.balance, empty.disputes, empty.payments) == (0, 0, 0, (), ())


# -- bank details ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bank", "expected"),
    [
        ("KB국민", "KB국민"),
        ("국민은행", "KB국민"),
        ("kb", "KB국민"),
        ("004", "KB국민"),
        ("신한", "신한"),
        ("농협", "NH농협"),
        (" NH 농협 ", "NH농협"),
        ("부산은행", "부산"),
        ("카카오뱅크", "카카오뱅크"),
        ("토스뱅크", "토스뱅크"),
        ("새마을금고", "새마을금고"),
        ("우체국", "우체국"),
        ("ＳＣ제일", "SC제일"),
    ],
)
def test_banks_are_known_by_their_usual_names(bank, expected):
    found = find_bank(bank)
    assert found is not None and found.name == expected
    assert len({b.code for b in BANKS}) == len(BANKS)


@pytest.mark.parametrize(
    ("account", "code"),
    [
        ("123-456-787890", None),
        ("1234567890", None),
        ("1234-5678-9012-3456", None),
        ("１２３-４５６-７８７８９０", None),  # full-width digits, as a Korean IME types them
        ("123456789", "account_no_length"),
        ("12345678901234567", "account_no_length"),
        ("123--456-7890123", "account_no_invalid"),
        ("-1234567890", "account_no_invalid"),
        ("123 456 7890", None),  # spaces are dropped
        ("123-456-78a90", "account_no_invalid"),
        ("=1234567890", "account_no_invalid"),
        ("", "account_no_invalid"),
    ],
)
def test_account_numbers_are_digits_and_hyphens_of_ten_to_sixteen_digits(account, code):
    if code is None:
        details = bank_details("신한", account, "홍길동")
        assert details.account_no.replace("-", "").isdigit()
    else:
        with pytest.raises(LedgerError) as err:
            bank_details("신한", account, "홍길동")
        assert err.value.code == code


def test_bank_and_holder_are_checked():
    with pytest.raises(LedgerError) as err:
        bank_details("올리브은행", "123-456-787890", "홍길동")
    assert err.value.code == "bank_unknown" and "KB국민" in str(err.value.params["banks"])
    for holder, code in (("  ", "account_holder_empty"), ("홍\x00길동", "account_holder_invalid")):
        with pytest.raises(LedgerError) as err:
            bank_details("우리", "123-456-787890", holder)
        assert err.value.code == code
    assert bank_details("우리", "123-456-787890", "  올리브  카페 ").holder == "올리브 카페"


def test_account_numbers_are_masked():
    assert mask_account("123-456-787890") == "123-***-**7890"
    assert mask_account("1234567890") == "123***7890"
    assert mask_account("3333-01-1234567") == "333*-**-***4567"
    assert mask_account("") == ""


def test_bank_details_are_kept_masked_in_lists_and_audited(database_url):
    world = make_world(database_url)
    ledger = world.ledger
    first = ledger.set_shop_bank("cafe1", "국민은행", "123-456-787890", "올리브카페", operator="office1")
    assert (first.bank, first.account_no, first.bank_code) == ("KB국민", "123-456-787890", "004")
    ledger.set_shop_bank("cafe1", "부산", "101-2020-3030-40", "올리브카페", operator="office2")
    listed = {s.shop_id: s for s in ledger.shop_banks()}
    assert listed["cafe1"].bank.masked.account_no == "101-****-**30-40"
    assert not listed["rest1"].bank.complete
    rows = ledger.audit_log(action="set_shop_bank")
    assert [r.operator for r in rows] == ["office2", "office1"]
    assert rows[0].before == {"bank": "KB국민", "account_no": "123-***-**7890", "holder": "올리브카페"}
    assert rows[0].after == {"bank": "부산", "account_no": "101-****-**30-40", "holder": "올리브카페"}
    assert rows[1].before == {"bank": "", "account_no": "", "holder": ""}
    assert "787890" not in str([r.before for r in rows] + [r.after for r in rows])
    with pytest.raises(LedgerError) as err:
        ledger.set_shop_bank("nowhere", "신한", "123-456-787890", "x")
    assert err.value.code == "shop_unknown"
    with pytest.raises(LedgerError):
        ledger.set_shop_bank("cafe1", "신한", "12", "x")
    assert ledger.shop_banks()[0].bank.bank == "부산"  # a refused change leaves the details as they were
    assert len(ledger.audit_log(action="set_shop_bank")) == 2


# -- the transfer file ------------------------------------------------------------------------------------


def test_transfers_pay_what_is_owed_and_name_the_shops_they_cannot_pay(database_url):
    world = november(database_url)
    ledger = world.ledger
    ledger.set_shop_bank("cafe1", "KB국민", "123-456-787890", "올리브카페")
    ledger.add_shop("idle", "손님 없는 가게")  # owed nothing: neither a transfer nor a problem
    batch = ledger.transfers(NOVEMBER)
    assert [(x.shop_id, x.amount, x.bank.account_no) for x in batch.transfers] == [
        ("cafe1", CAFE_NOVEMBER["net"], "123-456-787890")
    ]
    assert [(p.shop_id, p.code, p.amount) for p in batch.problems] == [("rest1", "transfer_no_bank", 4_500)]
    assert batch.total == CAFE_NOVEMBER["net"]
    # December owes cafe1 less than nothing (a refund of a November sale): a problem, not a transfer.
    dec = ledger.transfers(Period.month(YEAR, 12))
    assert dec.transfers == () and [(p.shop_id, p.code, p.amount) for p in dec.problems] == [
        ("cafe1", "transfer_negative", CAFE_DECEMBER_NET)
    ]
    ledger.record_payment("cafe1", NOVEMBER, CAFE_NOVEMBER["net"], "KB-20261203-0001", dt.date(YEAR, 12, 3))
    assert [x.shop_id for x in ledger.transfers(NOVEMBER).transfers] == []


def test_a_period_owed_more_than_the_account_holds_is_a_problem(database_url):
    world = november(database_url)
    ledger = world.ledger
    ledger.set_shop_bank("cafe1", "KB국민", "123-456-787890", "올리브카페")
    ledger.settle("cafe1", 80_000)  # a settlement without a period (the older command)
    batch = ledger.transfers(NOVEMBER)
    assert [(p.code, p.amount, p.held) for p in batch.problems if p.shop_id == "cafe1"] == [
        ("transfer_over_account", CAFE_NOVEMBER["net"], 4_000)
    ]


# -- payments ------------------------------------------------------------------------------------------------


def test_a_payment_is_recorded_once_by_its_reference(database_url):
    world = november(database_url)
    ledger = world.ledger
    owed = CAFE_NOVEMBER["net"]
    done = ledger.record_payment(
        "cafe1", NOVEMBER, 50_000, " KB-20261203-0001 ", dt.date(YEAR, 12, 3), operator="office1"
    )
    assert not done.already_recorded and done.payment.reference == "KB-20261203-0001"
    assert (done.balance_before, done.balance_after) == (owed, owed - 50_000)
    assert (done.account_before, done.account_after) == (84_000, 34_000)
    again = ledger.record_payment("cafe1", NOVEMBER, 50_000, "KB-20261203-0001", dt.date(YEAR, 12, 3))
    assert again.already_recorded and again.payment == done.payment
    assert settlement_txns(ledger) == 1
    assert shop_balance(ledger, "cafe1") == 34_000
    s = ledger.statement("cafe1", NOVEMBER)
    assert (s.net, s.paid, s.balance) == (owed, 50_000, owed - 50_000)
    assert [(p.reference, p.amount, p.paid_on) for p in s.payments] == [
        ("KB-20261203-0001", 50_000, dt.date(YEAR, 12, 3))
    ]
    # The same reference with other figures is refused, and changes nothing.
    for shop, amount, paid_on in (
        ("cafe1", 40_000, dt.date(YEAR, 12, 3)),
        ("cafe1", 50_000, dt.date(YEAR, 12, 2)),
        ("rest1", 4_500, dt.date(YEAR, 12, 3)),
    ):
        with pytest.raises(LedgerError) as err:
            ledger.record_payment(shop, NOVEMBER, amount, "KB-20261203-0001", paid_on)
        assert err.value.code == "payment_reference_conflict"
        assert err.value.params["amount"] == 50_000
    with pytest.raises(LedgerError) as err:
        ledger.record_payment(
            "cafe1", Period.month(YEAR, 10), 50_000, "KB-20261203-0001", dt.date(YEAR, 12, 3)
        )
    assert err.value.code == "payment_reference_conflict"
    rest = ledger.record_payment("cafe1", NOVEMBER, owed - 50_000, "KB-20261203-0002", dt.date(YEAR, 12, 3))
    assert rest.balance_after == 0
    assert ledger.statement("cafe1", NOVEMBER).balance == 0
    settled = next(b.balance for b in ledger.balances() if b.name == "settled:cafe1")
    assert settled == owed == sum(p.amount for p in ledger.payments("cafe1"))
    assert ledger.verify() == []


def test_no_payment_beyond_what_is_owed(database_url):
    world = november(database_url)
    ledger = world.ledger
    owed = CAFE_NOVEMBER["net"]
    with pytest.raises(LedgerError) as err:
        ledger.record_payment("cafe1", NOVEMBER, owed + 1, "R-1", dt.date(YEAR, 12, 3))
    assert err.value.code == "payment_exceeds_owed" and err.value.params["owed"] == owed
    ledger.record_payment("cafe1", NOVEMBER, owed, "R-2", dt.date(YEAR, 12, 3))
    with pytest.raises(LedgerError) as err:
        ledger.record_payment("cafe1", NOVEMBER, 1, "R-3", dt.date(YEAR, 12, 3))
    assert err.value.code == "payment_exceeds_owed" and err.value.params["owed"] == 0
    # December owes less than nothing; October's 4,000 is more than the account holds now (December,
    # with the refund made on 1 December, took 1,500 back).
    with pytest.raises(LedgerError) as err:
        ledger.record_payment("cafe1", Period.month(YEAR, 12), 1, "R-4", dt.date(YEAR, 12, 3))
    assert err.value.code == "payment_exceeds_owed"
    with pytest.raises(LedgerError) as err:
        ledger.record_payment("cafe1", Period.month(YEAR, 10), 4_000, "R-5", dt.date(YEAR, 12, 3))
    assert err.value.code == "payment_exceeds_account" and err.value.params["held"] == 2_500
    assert shop_balance(ledger, "cafe1") == 2_500
    assert settlement_txns(ledger) == 1
    assert [r.args["reference"] for r in ledger.audit_log(action="record_payment")] == ["R-2"]


@pytest.mark.parametrize(
    ("amount", "reference", "paid_on", "code"),
    [
        (0, "R-1", dt.date(YEAR, 12, 3), "payment_amount_invalid"),
        (-5, "R-1", dt.date(YEAR, 12, 3), "payment_amount_invalid"),
        (1_000, "   ", dt.date(YEAR, 12, 3), "payment_reference_empty"),
        (1_000, "R" * 65, dt.date(YEAR, 12, 3), "payment_reference_invalid"),
        (1_000, "R-\n1", dt.date(YEAR, 12, 3), "payment_reference_invalid"),
        (1_000, "R-1", dt.date(YEAR, 12, 4), "payment_in_future"),  # the ledger's today is 3 Dec
        (1_000, "R-1", dt.date(YEAR, 10, 31), "payment_before_period"),
    ],
)
def test_a_payment_is_checked_before_anything_is_written(database_url, amount, reference, paid_on, code):
    world = november(database_url)
    with pytest.raises(LedgerError) as err:
        world.ledger.record_payment("cafe1", NOVEMBER, amount, reference, paid_on)
    assert err.value.code == code
    assert settlement_txns(world.ledger) == 0 and world.ledger.payments() == []


def test_money_is_whole_won():
    period = NOVEMBER
    with pytest.raises(TypeError):
        Ledger("sqlite://").record_payment("cafe1", period, 1.5, "R", dt.date(YEAR, 12, 3))  # type: ignore[arg-type]


def test_a_payment_to_an_unknown_shop_is_refused(database_url):
    world = make_world(database_url, shops=("cafe1",))
    world.clock.at = kst(12, 3)
    with pytest.raises(LedgerError) as err:
        world.ledger.record_payment("nowhere", NOVEMBER, 1_000, "R-1", dt.date(YEAR, 12, 3))
    assert err.value.code == "shop_unknown"


def test_payments_are_audited_with_the_figures_before_and_after(database_url):
    world = november(database_url)
    ledger = world.ledger
    ledger.record_payment("cafe1", NOVEMBER, 80_000, "R-1", dt.date(YEAR, 12, 3), operator="office1")
    ledger.record_payment("cafe1", NOVEMBER, 80_000, "R-1", dt.date(YEAR, 12, 3), operator="office2")
    second, first = ledger.audit_log(action="record_payment")
    assert (first.operator, first.target, first.at) == (
        "office1",
        "cafe1",
        "2026-12-03T00:00:00.000000+00:00",
    )
    assert first.args == {
        "period": "2026-11",
        "amount": 80_000,
        "reference": "R-1",
        "paid_on": "2026-12-03",
        "already_recorded": False,
    }
    assert first.before == {"period_balance": 81_500, "account": 84_000}
    assert first.after == {"period_balance": 1_500, "account": 4_000}
    assert second.args["already_recorded"] is True and second.before == second.after


@pytest.mark.postgres
def test_the_same_payment_sent_twice_at_once_is_recorded_once(pg_url):
    world = november(pg_url)
    ledger = world.ledger
    start = threading.Barrier(4)
    answers: list[object] = []

    def pay() -> None:
        start.wait()
        try:
            answers.append(ledger.record_payment("cafe1", NOVEMBER, 81_500, "R-1", dt.date(YEAR, 12, 3)))
        except Exception as exc:
            answers.append(exc)

    threads = [threading.Thread(target=pay) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(getattr(a, "already_recorded", a) for a in answers) == [False, True, True, True]
    assert settlement_txns(ledger) == 1 and shop_balance(ledger, "cafe1") == 2_500
    assert ledger.verify() == []


def test_verify_finds_a_payment_that_is_not_its_transfer(database_url):
    world = november(database_url)
    ledger = world.ledger
    paid = ledger.record_payment("cafe1", NOVEMBER, 80_000, "R-1", dt.date(YEAR, 12, 3)).payment
    assert ledger.verify() == []
    with ledger.engine.begin() as conn:
        sale_txn = conn.execute(select(t.txn.c.id).where(t.txn.c.kind == "sale").limit(1)).scalar_one()
        row = {
            "shop_id": "cafe1",
            "period_start": NOVEMBER.start,
            "period_end": NOVEMBER.end,
            "paid_on": dt.date(YEAR, 12, 3),
            "recorded_at": "2026-12-03T00:00:00.000000+00:00",
            "operator": "x",
        }
        conn.execute(t.payment.insert().values(reference="R-2", amount=1_500, txn_id=paid.txn_id, **row))
        conn.execute(t.payment.insert().values(reference="R-3", amount=1_000, txn_id=sale_txn, **row))
    problems = ledger.verify()
    assert len(problems) == 3
    assert problems[0].startswith("payment R-2 (1500 won to cafe1) is not posted as its transfer")
    assert "payments R-1 and R-2 share transaction" in problems[1]
    assert problems[2].startswith("payment R-3 (1000 won to cafe1)") and "sale" in problems[2]
