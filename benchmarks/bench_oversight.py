"""The anomaly scan over a year of sales (100,000) on PostgreSQL — budget ≤ 5 s (ARCHITECTURE §10).

The ledger is the market's (100 tills over 70 shops, the busiest with three; ten of them laundries
whose services have an open price on their tills' menus) with 10,120 granted cards. A year of
100,000 ordinary online points sales (ten a card at most, between 08:00 and 21:00 KST, at any shop)
is loaded as the ledger writes them — the entry with its payload and the balance told to the till,
and the sale row — in bulk (COPY through ``insert_rows``), with 20 of each pattern the rules look
for planted on 120 cards of their own. Timed: the first scan of the year (which raises the alerts),
and scans again (which find the same and raise nothing). For the record, the spending reports of
the year by shop, centre and day.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import statistics
import time
import uuid
from typing import Any

from sqlalchemy import text

from benchmarks.report import Figure, print_figures
from reliability.load import market_layout
from reliability.sales import sale
from reliability.world import PG_BASE, pg_reachable, pg_schema
from sync.ledger import schema as t
from sync.ledger.anomalies import SCANNED_KINDS
from sync.ledger.db import insert_rows
from sync.ledger.records import ParticipantRecord
from sync.ledger.service import Ledger
from sync.ledger.settlement import Period
from sync.shared.cards.keys import new_issuer_key, public_key_hex
from sync.shared.clock import KST
from sync.shared.entries import CatalogueChange

SALES = int(os.environ.get("ALLIVE_BENCH_OVERSIGHT_SALES", "100000"))
SHOPS = 70
TILLS = 100
LAUNDRIES = 10  # the last shops: their S01 is an open-price service
CARDS = 10_000  # ordinary cards: ten sales each at most, never more than their 100,000 won
PLANTED = 20  # of each pattern, each on cards of its own (120 cards)
YEAR = 2026
THE_YEAR = Period(dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31))
BUDGET_S = 5.0
RUNS = 3
MENU = (
    ("C01", "아메리카노", 3000),
    ("C02", "카페라테", 3500),
    ("M01", "김밥", 3500),
    ("M03", "라면", 4000),
    ("M02", "참치김밥", 4500),
    ("M05", "김치찌개", 8000),
    ("M08", "비빔밥", 8500),
    ("M07", "제육덮밥", 9000),
)
CENTRES = ("해운대", "수영", "사하", "북구", "동래", "남구", "부산진", "연제", "금정", "기장")


def _stamp(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).isoformat(timespec="microseconds")


class Clock:
    """The ledger's clock: set up before the year, scanning after it."""

    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def __call__(self) -> dt.datetime:
        return self.at


class Loader:
    """Rows as ingest writes them: an entry per sale (its payload, the balance told to the till)
    and the sale row; card balances follow the sales in time order."""

    def __init__(self, rng: random.Random, tills: list[tuple[str, str]]) -> None:
        self.rng = rng
        self.tills = tills
        self.by_shop: dict[str, list[str]] = {}
        for till, shop in tills:
            self.by_shop.setdefault(shop, []).append(till)
        self.planned: list[tuple[dt.datetime, str, str, int, tuple[tuple[str, str, int, int], ...]]] = []
        self.seq: dict[str, int] = {}
        self.entries: list[dict[str, Any]] = []
        self.sales: list[dict[str, Any]] = []

    def plan(
        self, at: dt.datetime, shop: str, card: str, lines: tuple[tuple[str, str, int, int], ...]
    ) -> None:
        self.planned.append((at, shop, card, sum(q * p for _, _, q, p in lines), lines))

    def entry(self, till: str, kind: str, at: dt.datetime, payload: str, balance: int | None) -> str:
        self.seq[till] = self.seq.get(till, 0) + 1
        entry_id = str(uuid.UUID(int=self.rng.getrandbits(128), version=4))
        self.entries.append(
            {
                "id": entry_id,
                "till_id": till,
                "seq": self.seq[till],
                "ts": _stamp(at),
                "type": kind,
                "payload": payload,
                "prev_hash": "0" * 64,
                "hash": "0" * 64,
                "status": "accepted",
                "reason": None,
                "card_balance": balance,
                "received_at": _stamp(at + dt.timedelta(seconds=1)),
            }
        )
        return entry_id

    def rows(self, grant: int) -> None:
        balances: dict[str, int] = {}
        for at, shop, card, points, lines in sorted(self.planned):
            till = self.rng.choice(self.by_shop[shop])
            left = balances.get(card, grant) - points
            balances[card] = left
            payload = json.dumps(sale(points, card=card, lines=lines).to_payload(), ensure_ascii=False)
            sale_id = self.entry(till, "sale", at, payload, left)
            self.sales.append(
                {
                    "entry_id": sale_id,
                    "till_id": till,
                    "shop_id": shop,
                    "seq": self.seq[till],
                    "ts": _stamp(at),
                    "cashier": "s001",
                    "total": points,
                    "points": points,
                    "cash": 0,
                    "bank_card": 0,
                    "card_number": card,
                    "auth": "online",
                    "status": "posted",
                    "card_part": points,
                    "shortfall": 0,
                    "refunded_points": 0,
                    "refunded_card": 0,
                    "refunded_total": 0,
                    "refunded_cash": 0,
                    "refunded_bank_card": 0,
                    "disputed": 0,
                    "snapshot_version": None,
                }
            )


def _kst(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=KST)


def build(url: str) -> tuple[Ledger, dict[str, float]]:
    clock = Clock(dt.datetime(YEAR - 1, 12, 20, 9, tzinfo=KST))
    ledger = Ledger(url, clock=clock)
    ledger.upgrade()
    ledger.create_programme(YEAR, 100_000, dt.date(YEAR, 12, 31), public_key_hex(new_issuer_key()))
    tills: list[tuple[str, str]] = []
    shops = [f"shop{n + 1:02d}" for n in range(SHOPS)]
    for n, count in enumerate(market_layout(TILLS, SHOPS)):
        ledger.add_shop(shops[n], f"올리브 {n + 1}호점")
        for k in range(count):
            ledger.enrol_till(shops[n], f"{shops[n]}-{k + 1}")
            tills.append((f"{shops[n]}-{k + 1}", shops[n]))
    people = CARDS + 6 * PLANTED
    ledger.add_participants(
        [
            ParticipantRecord(
                f"P{n:05d}", f"참여자{n}", "", CENTRES[n % len(CENTRES)], f"사업단{n % 40}", 6, True, None
            )
            for n in range(people)
        ]
    )
    cards = [g.card_number for g in ledger.grant(YEAR)]
    ordinary, planted = cards[:CARDS], iter(cards[CARDS:])
    laundries = shops[-LAUNDRIES:]
    rng = random.Random(17)
    load = Loader(rng, tills)
    days = THE_YEAR.days()
    for n in range(SALES - 12 * PLANTED):  # the planted patterns hold 12 sales each
        item = rng.choice(MENU)
        at = _kst(rng.choice(days), rng.randrange(8, 21), rng.randrange(60))
        load.plan(at, rng.choice(shops), ordinary[n % CARDS], ((item[0], item[1], 1, item[2]),))
    for n in range(PLANTED):
        day = days[(n * 17) % len(days)]
        # A card drained at a laundry (an open-price line) and another at a restaurant.
        load.plan(_kst(day, 11), laundries[n % LAUNDRIES], next(planted), (("S01", "세탁", 1, 92_000),))
        load.plan(_kst(day, 12), shops[n], next(planted), (("M07", "제육덮밥", 10, 9_500),))
        card = next(planted)  # four sales at one shop in a day
        for hour in (9, 12, 15, 18):
            load.plan(
                _kst(day, hour), shops[n + 1], card, (("C01", "아메리카노", 1, 3000 + 500 * (hour % 4)),)
            )
        card = next(planted)  # one amount three times
        for k, hour in enumerate((10, 14, 19)):
            load.plan(_kst(day, hour), shops[n + k], card, (("G01", "상품권", 1, 10_000),))
        card = next(planted)  # two shops six minutes apart
        load.plan(_kst(day, 13, 0), shops[n], card, (("C01", "아메리카노", 1, 3000),))
        load.plan(_kst(day, 13, 6), shops[n + 5], card, (("M01", "김밥", 1, 3500),))
        load.plan(_kst(day, 23, 30), shops[n + 10], next(planted), (("M03", "라면", 1, 4000),))  # at night
    started = time.perf_counter()
    for till, shop in tills:
        if shop in laundries:
            service = {"sku": "S01", "name": "세탁", "price": 0, "category_id": "service", "taxable": True}
            service |= {"open_price": True, "sold_out": False, "position": 1}
            payload = CatalogueChange(action="item", item=service).to_payload()
            load.entry(till, "catalogue", _kst(days[0], 7), json.dumps(payload, ensure_ascii=False), None)
    load.rows(100_000)
    with ledger.engine.begin() as conn:
        insert_rows(conn, t.entry, load.entries)
        insert_rows(conn, t.sale, load.sales)
    with ledger.engine.connect() as conn:
        conn.execute(text("ANALYZE"))
        conn.commit()
    loaded = time.perf_counter() - started
    clock.at = dt.datetime(YEAR + 1, 1, 2, 9, tzinfo=KST)
    return ledger, {"sales": len(load.sales), "load_s": round(loaded, 1)}


def main() -> list[Figure]:
    if not pg_reachable():
        print(f"\n== Oversight: PostgreSQL unreachable at {PG_BASE}; skipped ==")
        return []
    with pg_schema("bench_oversight") as url:
        ledger, loaded = build(url)
        print(f"  loaded {loaded['sales']:,} sales for {YEAR} in {loaded['load_s']} s")
        try:
            begin = time.perf_counter()
            first = ledger.scan_anomalies(THE_YEAR, operator="bench")
            first_s = time.perf_counter() - begin
            assert first.sales == loaded["sales"] == SALES, (first.sales, loaded)
            for kind in SCANNED_KINDS:
                assert first.by_kind[kind] >= PLANTED, (kind, first.by_kind)
            runs = []
            for _ in range(RUNS):
                begin = time.perf_counter()
                again = ledger.scan_anomalies(THE_YEAR, operator="bench")
                runs.append(time.perf_counter() - begin)
                assert again.found == first.found and again.raised == ()
            assert len(ledger.alert_list(kinds=SCANNED_KINDS, limit=100_000)) == first.found
            reports = {}
            for by in ("shop", "centre", "day"):
                begin = time.perf_counter()
                rows = ledger.spending(by, THE_YEAR)
                reports[by] = time.perf_counter() - begin
                assert sum(r.sales for r in rows) == SALES
        finally:
            ledger.dispose()
    found = ", ".join(f"{kind} {count}" for kind, count in first.by_kind.items())
    print(f"  found: {found}")
    figures = [
        Figure(f"ledger: sales in {YEAR} (70 shops, 100 tills)", loaded["sales"], "sales"),
        Figure("anomalies found (raised by the first scan)", first.found, "alerts"),
        Figure("anomaly scan of the year, first run (raises the alerts)", first_s, "s", budget=BUDGET_S),
        Figure(
            f"anomaly scan of the year again, median of {RUNS}", statistics.median(runs), "s", budget=BUDGET_S
        ),
        Figure(f"anomaly scan of the year again, worst of {RUNS}", max(runs), "s", budget=BUDGET_S),
        Figure("points spent in the year by shop", reports["shop"], "s"),
        Figure("points spent in the year by centre", reports["centre"], "s"),
        Figure("points spent in the year by business day", reports["day"], "s"),
    ]
    print_figures("Oversight", figures)
    return figures


if __name__ == "__main__":
    main()
