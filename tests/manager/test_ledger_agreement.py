"""Integration: sell, refund, void and close a day on a real till; sync to a real ledger server; the totals agree.

The ledger attributes a refund to the sale it refunds, the till's reports to the day it is made;
here both fall on the same business day, as they do for a refund at the counter.
"""

from __future__ import annotations

import datetime as dt

import requests

from pos_app.catalogue_store import CatalogueStore
from pos_app.config import load_config
from pos_app.core.cart import Cart
from pos_app.core.reports import range_bounds
from pos_app.core.tenders import Tenders
from pos_app.demo_catalogue import DEMO_CATEGORIES, DEMO_ITEMS
from pos_app.manager import DayCloseBook, SalesQueries
from pos_app.runtime import open_till
from pos_app.staff import StaffRoster
from reliability.world import EXPIRES, YEAR
from sync.admin.cli import main as admin
from sync.ledger.service import Ledger
from sync.shared.cards.keys import load_private_key_pem
from sync.shared.cards.token import CardToken, sign_card
from sync.shared.clock import KST, business_day_of
from tests.e2e.conftest import ADMIN_TOKEN, ledger_process, ledger_url  # noqa: F401 - fixtures

HEADER = "participant_id,name,phone,centre,workplace,months_prev_year,active,start_date\n"


def enrol(url: str, base_url: str, tmp_path) -> tuple[object, str]:
    key_file = tmp_path / "office" / "issuer.pem"
    assert admin(["--database", url, "init-programme", "--year", str(YEAR), "--grant", "100000",
                  "--expires", EXPIRES.isoformat(), "--key-file", str(key_file)]) == 0  # fmt: skip
    assert (
        admin(
            ["--database", url, "add-shop", "cafe1", "--name", "올리브카페", "--business-no", "220-81-62517"]
        )
        == 0
    )
    till_file = tmp_path / "till.json"
    assert (
        admin(
            [
                "--database",
                url,
                "enrol-till",
                "cafe1",
                "cafe1-1",
                "--ledger-url",
                base_url,
                "--out",
                str(till_file),
            ]
        )
        == 0
    )
    people = tmp_path / "participants.csv"
    people.write_text(
        HEADER + "P001,참여자01,,해운대지역자활센터,올리브카페,6,Y,2024-03-01\n", encoding="utf-8"
    )
    assert admin(["--database", url, "import-participants", str(people)]) == 0
    assert admin(["--database", url, "grant", "--year", str(YEAR)]) == 0
    assert (
        admin(
            [
                "--database",
                url,
                "issue-cards",
                "--key-file",
                str(key_file),
                "--out-dir",
                str(tmp_path / "cards"),
            ]
        )
        == 0
    )
    ledger = Ledger(url)
    card = ledger.cards()[0]
    payload = sign_card(
        CardToken(card.number, card.issue, card.expires_on), load_private_key_pem(key_file.read_bytes())
    )
    return till_file, payload


def test_till_day_totals_agree_with_the_ledger(ledger_process, tmp_path):  # noqa: F811 - fixture
    url = ledger_process.database_url
    ledger_process.start()
    till_file, card_payload = enrol(url, ledger_process.base_url, tmp_path)
    config = load_config(till_file).with_changes(data_dir=str(tmp_path / "till"))
    runtime = open_till(config, start_sync=False)
    try:
        journal = runtime.journal
        runtime.sync.pull_snapshot()
        roster = StaffRoster(journal)
        roster.add("김매니저", "manager", "2580")
        roster.add("이계산", "cashier", "1111")
        catalogue = CatalogueStore(journal)
        catalogue.seed(DEMO_CATEGORIES, DEMO_ITEMS)
        menu = {i.sku: i for i in catalogue.items()}
        pay = runtime.checkout.pay

        card = runtime.checkout.scan(card_payload)
        online = pay(Cart().add(menu["M08"]), Tenders(points=8_500), card, "s002")
        assert online.approved and online.mode == "online"
        too_much = pay(Cart().add(menu["M07"], qty=12), Tenders(points=108_000), card, "s002")
        assert not too_much.approved and too_much.refusal == "insufficient_points"  # rejected: must not count
        cash = pay(Cart().add(menu["C01"]).add(menu["C02"]), Tenders(cash_received=10_000), None, "s002")
        bank = pay(Cart().add(menu["M05"]), Tenders(bank_card=8_000, approval_no="30012345"), None, "s001")
        mixed = pay(
            Cart().add(menu["M01"]).add(menu["B02"]),
            Tenders(points=3_000, bank_card=1_000, approval_no="30012346", cash_received=5_000),
            runtime.checkout.scan(card_payload),
            "s002",
        )
        assert all(s.approved for s in (cash, bank, mixed))
        assert runtime.checkout.refund(
            cash.entry.id, reason="음료 잘못 나감", manager="s001", cashier="s002", amount=3_000
        ).approved
        assert runtime.checkout.refund(
            bank.entry.id, reason="주문 취소", manager="s001", cashier="s001", kind="void"
        ).approved
        assert runtime.checkout.refund(
            mixed.entry.id, reason="포인트 환불", manager="s001", cashier="s002", amount=2_000
        ).approved

        today = business_day_of(dt.datetime.now(dt.UTC))
        book = DayCloseBook(journal)
        draft = book.draft(today)
        assert draft.expected_cash == 6_500 + 2_000 - 3_000  # mixed sale: 6,000 − 3,000 pts − 1,000 card
        expected = draft.expected_cash
        counts = {
            10_000: str(expected // 10_000),
            1_000: str(expected % 10_000 // 1_000),
            500: str(expected % 1_000 // 500),
        }
        _, close = book.close(today, counts, reason="", next_float="0", closed_by="s001")

        runtime.sync.drain()
        assert journal.outbox_size() == 0 and journal.ack(close.seq) is not None

        # A generous window around today: both sides must agree whatever the hour.
        start, end = range_bounds(today - dt.timedelta(days=1), today + dt.timedelta(days=1))
        till = SalesQueries(journal).summary(start, end)
        ledger_sales = [s for s in Ledger(url).sales("cafe1", start, end) if s.status == "posted"]
        assert till.sales_count == len(ledger_sales) == 4
        assert till.gross.total == sum(s.total for s in ledger_sales) == 8_500 + 6_500 + 8_000 + 6_000
        assert till.gross.points == sum(s.points for s in ledger_sales)
        assert till.gross.cash == sum(s.cash for s in ledger_sales)
        assert till.gross.bank_card == sum(s.bank_card for s in ledger_sales)
        assert till.refunds.total == sum(s.refunded_total for s in ledger_sales) == 3_000 + 8_000 + 2_000
        assert till.refunds.points == sum(s.refunded_points for s in ledger_sales)

        # The office's admin endpoint says the same for the Seoul business day.
        day_start = dt.datetime.combine(today, dt.time(0), tzinfo=KST)
        response = requests.get(
            f"{ledger_process.base_url}/v1/admin/sales",
            params={
                "shop_id": "cafe1",
                "start": day_start.isoformat(),
                "end": (day_start + dt.timedelta(days=1)).isoformat(),
            },
            headers={"Authorization": f"Bearer {ADMIN_TOKEN}"},
            timeout=10,
        )
        assert response.status_code == 200, response.text
        posted = [s for s in response.json() if s["status"] == "posted"]
        day = SalesQueries(journal).day_summary(today)
        assert sum(s["total"] - s["refunded_total"] for s in posted) == day.net.total
    finally:
        runtime.close()
