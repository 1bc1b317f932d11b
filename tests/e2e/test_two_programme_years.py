"""Two programme years (on SQLite and PostgreSQL): each year's cards, keys and expiry, at a till enrolled in
either year; December's and January's statements match the sales to the won and are paid; the first
year's expiry touches only its own points."""

from __future__ import annotations

import datetime as dt

import pytest

from pos_app.config import TillConfig
from pos_app.core.cart import Cart
from pos_app.core.tenders import Tenders
from pos_app.runtime import TillRuntime, open_till
from reliability.world import EXPIRES, YEAR, LedgerProcess, make_programme
from sync.ledger.errors import LedgerError
from sync.ledger.service import Ledger
from sync.ledger.settlement import Period
from sync.shared.cards.keys import new_issuer_key, public_key_hex
from sync.shared.cards.token import CardRejected, CardToken, sign_card
from sync.shared.clock import KST
from tests.reliability.tills import SERVICE

NEXT_EXPIRES = dt.date(YEAR + 2, 12, 31)


class TillClock:
    """The tills' clock: December of the first year, then January of the next (KST)."""

    def __init__(self) -> None:
        self.now = dt.datetime(YEAR, 12, 20, 12, 0, tzinfo=KST)

    def __call__(self) -> dt.datetime:
        return self.now


def till(programme, till_id: str, url: str, key_hex: str, data_dir, clock: TillClock) -> TillRuntime:
    config = TillConfig(
        till_id=till_id,
        shop_id="cafe1",
        ledger_url=url,
        token=programme.tokens[till_id],
        issuer_public_key=key_hex,
        data_dir=str(data_dir),
    )
    return open_till(config, start_sync=False, clock=clock)


def spend(runtime: TillRuntime, payload: str, points: int) -> None:
    card = runtime.checkout.scan(payload)
    result = runtime.checkout.pay(Cart().add(SERVICE, price=points), Tenders(points=points), card, "s001")
    assert result.approved and result.mode == "online", result


def test_a_second_programme_year_works_at_every_till_and_expires_on_its_own(ledger_url, tmp_path):
    programme = make_programme(ledger_url, shops=("cafe1",), tills_per_shop=0)
    ledger = programme.ledger
    runtimes: list[TillRuntime] = []
    clock = TillClock()
    try:
        [old_card] = programme.add_cards(1)
        programme.enrol("cafe1", "cafe1-1")  # enrolled in the first year, with its key
        with LedgerProcess(ledger_url, tmp_path / "ledger.log") as server:
            first = till(
                programme, "cafe1-1", server.url, programme.issuer_public_hex, tmp_path / "t1", clock
            )
            runtimes.append(first)
            first.sync.pull_snapshot()
            spend(first, programme.payload(old_card), 30_000)  # December
            clock.now = dt.datetime(YEAR, 12, 31, 23, 59, 30, tzinfo=KST)
            spend(first, programme.payload(old_card), 2_500)  # the last minute of December
            clock.now = dt.datetime(YEAR + 1, 1, 10, 12, 0, tzinfo=KST)

            # The second year: its own key and expiry; the grant puts its points on a card of that year.
            key2 = new_issuer_key()
            ledger.create_programme(YEAR + 1, 100_000, NEXT_EXPIRES, public_key_hex(key2))
            [granted] = ledger.grant(YEAR + 1)
            new_card = granted.card_number
            assert new_card != old_card and len(ledger.cards()) == 2
            new_payload = sign_card(CardToken(new_card, 1, NEXT_EXPIRES), key2)
            with pytest.raises(CardRejected):  # not before this till has the new year's key
                first.checkout.scan(new_payload)

            programme.enrol("cafe1", "cafe1-2")  # enrolled in the second year, with its key
            second = till(programme, "cafe1-2", server.url, public_key_hex(key2), tmp_path / "t2", clock)
            runtimes.append(second)
            for runtime in runtimes:
                runtime.sync.pull_snapshot()
            spend(first, new_payload, 10_000)
            spend(second, programme.payload(old_card), 20_000)
            spend(second, new_payload, 5_000)
            for runtime in runtimes:
                runtime.sync.drain()

        assert ledger.card_balance(old_card) == 100_000 - 30_000 - 2_500 - 20_000
        assert ledger.card_balance(new_card) == 100_000 - 10_000 - 5_000
        # The statements: December's and January's sales to the won, whichever year's points paid.
        december, january = Period.month(YEAR, 12), Period.month(YEAR + 1, 1)
        dec, jan = ledger.statement("cafe1", december), ledger.statement("cafe1", january)
        assert (dec.sales, dec.points, dec.net) == (2, 32_500, 32_500)
        assert (jan.sales, jan.points, jan.net) == (3, 35_000, 35_000)
        office = Ledger(ledger.database_url, clock=lambda: dt.datetime(YEAR + 1, 2, 3, 1, 0, tzinfo=dt.UTC))
        try:
            office.set_shop_bank("cafe1", "부산", "101-2000-3000-04", "올리브카페", operator="office-kim")
            office.record_payment(
                "cafe1", december, 32_500, "BNK-1231", dt.date(YEAR + 1, 1, 5), operator="office-kim"
            )
            office.record_payment(
                "cafe1", january, 35_000, "BNK-0131", dt.date(YEAR + 1, 2, 2), operator="office-kim"
            )
            again = office.record_payment(
                "cafe1", january, 35_000, "BNK-0131", dt.date(YEAR + 1, 2, 2), operator="office-kim"
            )
        finally:
            office.dispose()
        assert again.already_recorded  # the same bank reference again posts nothing
        assert ledger.statement("cafe1", december).balance == 0 == ledger.statement("cafe1", january).balance
        assert {b.name: b.balance for b in ledger.balances()}["shop:cafe1"] == 0
        # The first year cannot be expired while its cards can still be spent.
        with pytest.raises(LedgerError, match="expire_too_early"):
            ledger.expire(YEAR)
        after = Ledger(
            ledger.database_url, clock=lambda: dt.datetime.combine(EXPIRES, dt.time(15, 1), dt.UTC)
        )
        try:
            assert after.expire(YEAR, operator="office-kim") == 47_500
            with pytest.raises(LedgerError, match="no_programme"):
                after.expire(YEAR + 5)
        finally:
            after.dispose()
        assert ledger.card_balance(old_card) == 0 and ledger.card_status(old_card) == "expired"
        assert ledger.card_balance(new_card) == 85_000 and ledger.card_status(new_card) == "active"
        funds = {b.name: b.balance for b in ledger.balances() if b.name.startswith("fund:")}
        # Each year's fund: what it granted, less what came back; spent points stay with the shop.
        assert funds == {f"fund:{YEAR}": -100_000 + 47_500, f"fund:{YEAR + 1}": -100_000}
        assert ledger.audit_log(action="expire")[0].operator == "office-kim"
        assert ledger.verify() == []
    finally:
        for runtime in runtimes:
            runtime.close()
        ledger.dispose()
