"""Settlement statements of 70 shops for a month with 100,000 sales in the ledger, on PostgreSQL —
budget ≤ 2 s (ARCHITECTURE §10).

The ledger is the market's (100 tills over 70 shops, the busiest with three) with 10,000 granted
cards. A month of 100,000 online points sales is loaded as the ledger writes them — an entry, a sale
row, a transaction and its two postings each — in bulk (COPY through ``insert_rows``), with a refund
of one sale in a hundred the next morning or the same day, a few disputed offline claims, and the
balances rebuilt from the postings. Timed: every shop's statement for the month (what
``allive-admin statement --all`` computes), the bank transfer file's figures, and for the record the
CSV and PDF files of one shop.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import text

from benchmarks.report import Figure, print_figures
from reliability.load import market_layout
from reliability.world import PG_BASE, pg_reachable, pg_schema
from sync.admin.statement_files import write_statement_csv, write_statement_pdf
from sync.ledger import schema as t
from sync.ledger.db import insert_rows
from sync.ledger.records import ParticipantRecord
from sync.ledger.service import Ledger
from sync.ledger.settlement import Period
from sync.shared.cards.keys import new_issuer_key, public_key_hex
from sync.shared.clock import KST

SALES = int(os.environ.get("ALLIVE_BENCH_SETTLEMENT_SALES", "100000"))
SHOPS = 70
TILLS = 100
CARDS = 10_000
YEAR = 2026
MONTH = Period.month(YEAR, 11)
BUDGET_S = 2.0
RUNS = 5
PRICES = (3_000, 3_500, 4_000, 4_500, 8_000, 8_500, 9_000)


def _stamp(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).isoformat(timespec="microseconds")


def _fixed(at: dt.datetime) -> Any:
    return lambda: at


def build(url: str) -> tuple[Ledger, dict[str, float]]:
    """The programme, the market's shops and tills, granted cards, and a month of sales in bulk."""
    ledger = Ledger(url, clock=_fixed(dt.datetime(YEAR, 10, 30, 9, tzinfo=KST)))
    ledger.upgrade()
    ledger.create_programme(YEAR, 100_000, dt.date(YEAR + 1, 12, 31), public_key_hex(new_issuer_key()))
    layout = market_layout(TILLS, SHOPS)
    tills: list[tuple[str, str]] = []  # (till, shop), a shop listed once per till
    for n, count in enumerate(layout):
        shop = f"shop{n + 1:02d}"
        ledger.add_shop(shop, f"올리브 {n + 1}호점")
        ledger.set_shop_bank(shop, "부산", f"101-2000-{n:04d}-01", f"올리브 {n + 1}호점")
        for k in range(count):
            ledger.enrol_till(shop, f"{shop}-{k + 1}")
            tills.append((f"{shop}-{k + 1}", shop))
    ledger.add_participants(
        [
            ParticipantRecord(f"P{n:05d}", f"참여자{n}", "", "센터", "카페", 6, True, None)
            for n in range(CARDS)
        ]
    )
    cards = [g.card_number for g in ledger.grant(YEAR)]
    rng = random.Random(11)
    seq: dict[str, int] = {}
    entries: list[dict[str, Any]] = []
    sales: list[dict[str, Any]] = []
    txns: list[dict[str, Any]] = []
    postings: list[dict[str, Any]] = []
    start = dt.datetime.combine(MONTH.start, dt.time(), tzinfo=KST)
    seconds = int((dt.datetime.combine(MONTH.end, dt.time(), tzinfo=KST) - start).total_seconds()) + 86_399

    def entry(till: str, kind: str, at: dt.datetime) -> str:
        seq[till] = seq.get(till, 0) + 1
        entry_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        entries.append(
            {
                "id": entry_id,
                "till_id": till,
                "seq": seq[till],
                "ts": _stamp(at),
                "type": kind,
                "payload": "{}",
                "prev_hash": "0" * 64,
                "hash": "0" * 64,
                "status": "accepted",
                "reason": None,
                "card_balance": None,
                "received_at": _stamp(at + dt.timedelta(seconds=2)),
            }
        )
        return entry_id

    def txn(kind: str, entry_id: str, at: dt.datetime, moves: list[tuple[str, int]]) -> None:
        txn_id = uuid.UUID(int=rng.getrandbits(128)).hex
        txns.append({"id": txn_id, "kind": kind, "entry_id": entry_id, "created_at": _stamp(at), "memo": ""})
        postings.extend({"txn_id": txn_id, "account": a, "amount": m} for a, m in moves)

    times = sorted(start + dt.timedelta(seconds=rng.randrange(seconds)) for _ in range(SALES))
    for n, at in enumerate(times):
        till, shop = tills[rng.randrange(len(tills))]
        card = cards[n % CARDS]  # ten sales a card at most: never more than its 100,000 won
        points = rng.choice(PRICES)
        sale_id = entry(till, "sale", at)
        refunded = rng.random() < 0.01
        sales.append(
            {
                "entry_id": sale_id,
                "till_id": till,
                "shop_id": shop,
                "seq": seq[till],
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
                "refunded_points": points if refunded else 0,
                "refunded_card": points if refunded else 0,
                "refunded_total": points if refunded else 0,
                "refunded_cash": 0,
                "refunded_bank_card": 0,
                "disputed": 0,
                "snapshot_version": None,
            }
        )
        txn("sale", sale_id, at, [(f"card:{card}", -points), (f"shop:{shop}", points)])
        if refunded:
            later = at + dt.timedelta(minutes=rng.choice((10, 90, 900)))
            refund_id = entry(till, "refund", later)
            txn("refund", refund_id, later, [(f"shop:{shop}", -points), (f"card:{card}", points)])
    disputes = [
        {
            "id": uuid.UUID(int=rng.getrandbits(128)).hex,
            "entry_id": sales[n]["entry_id"],
            "till_id": sales[n]["till_id"],
            "shop_id": sales[n]["shop_id"],
            "amount": 5_000,
            "reason": "over_card_daily_cap",
            "status": "open",
            "raised_at": sales[n]["ts"],
            "note": "",
        }
        for n in range(0, SALES, max(1, SALES // 40))
    ]
    started = time.perf_counter()
    with ledger.engine.begin() as conn:
        insert_rows(conn, t.entry, entries)
        insert_rows(conn, t.sale, sales)
        insert_rows(conn, t.txn, txns)
        insert_rows(conn, t.posting, postings)
        insert_rows(conn, t.dispute, disputes)
        # Balances are the projection of the postings (what ``verify`` rebuilds).
        conn.execute(
            text(
                "UPDATE account SET balance = p.total FROM "
                "(SELECT account, SUM(amount) AS total FROM posting GROUP BY account) AS p "
                "WHERE account.name = p.account"
            )
        )
    with ledger.engine.connect() as conn:
        conn.execute(text("ANALYZE"))
        conn.commit()
    loaded = time.perf_counter() - started
    return ledger, {"sales": len(sales), "refunds": len(entries) - len(sales), "load_s": round(loaded, 1)}


def main() -> list[Figure]:
    if not pg_reachable():
        print(f"\n== Settlement: PostgreSQL unreachable at {PG_BASE}; skipped ==")
        return []
    with pg_schema("bench_settle") as url:
        ledger, loaded = build(url)
        print(
            f"  loaded {loaded['sales']:,} sales and {loaded['refunds']:,} refunds for {MONTH.label} "
            f"in {loaded['load_s']} s"
        )
        try:
            first_start = time.perf_counter()
            first = ledger.statements(MONTH)
            first_s = time.perf_counter() - first_start
            runs = []
            for _ in range(RUNS):
                begin = time.perf_counter()
                again = ledger.statements(MONTH)
                runs.append(time.perf_counter() - begin)
                assert again == first  # two runs, the same figures
            assert len(first) == SHOPS
            assert sum(s.sales for s in first) == loaded["sales"]
            owed = sum(s.net for s in first)
            # Every won the shops were credited is November's or, for a refund made after midnight
            # on its last day, December's.
            later = sum(s.net for s in ledger.statements(Period.month(YEAR, 12)))
            held = sum(b.balance for b in ledger.balances() if b.kind == "shop")
            assert owed + later == held, (owed, later, held)
            begin = time.perf_counter()
            batch = ledger.transfers(MONTH)
            transfers_s = time.perf_counter() - begin
            # A shop whose refunds on 1 December outweigh its December sales so far holds less than
            # November's balance: the file names it instead of paying it.
            assert len(batch.transfers) + len(batch.problems) == SHOPS
            assert {p.code for p in batch.problems} <= {"transfer_over_account"}
            begin = time.perf_counter()
            one = [ledger.statement(s.shop_id, MONTH) for s in first]
            one_by_one_s = time.perf_counter() - begin
            assert one == first
            busiest = max(first, key=lambda s: s.sales)
            with tempfile.TemporaryDirectory() as tmp:
                begin = time.perf_counter()
                write_statement_csv(busiest, Path(tmp) / "s.csv", dt.datetime(YEAR, 12, 3, tzinfo=KST))
                write_statement_pdf(busiest, Path(tmp) / "s.pdf", dt.datetime(YEAR, 12, 3, tzinfo=KST))
                files_s = time.perf_counter() - begin
        finally:
            ledger.dispose()
    figures = [
        Figure(f"ledger: sales in {MONTH.label} (70 shops, 100 tills)", loaded["sales"], "sales"),
        Figure("statements of 70 shops for the month, first run", first_s, "s", budget=BUDGET_S),
        Figure(
            f"statements of 70 shops for the month, median of {RUNS}",
            statistics.median(runs),
            "s",
            budget=BUDGET_S,
        ),
        Figure(f"statements of 70 shops for the month, worst of {RUNS}", max(runs), "s", budget=BUDGET_S),
        Figure("the same 70 statements one shop at a time", one_by_one_s, "s"),
        Figure("bank transfer figures for the month (70 shops)", transfers_s, "s"),
        Figure(f"CSV + PDF of the busiest shop ({busiest.sales:,} sales)", files_s, "s"),
    ]
    print_figures("Settlement", figures)
    return figures


if __name__ == "__main__":
    main()
