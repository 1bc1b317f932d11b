"""The day's totals and the Z report over a year of sales (100,000 sale entries) — budget ≤ 200 ms.

The journal is built once (a valid hash chain, bulk-inserted in one transaction) and cached under
/tmp; each run opens it fresh and times what the manager's screens do: today at a glance, then the
close draft and the Z report's lines for the last business day.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from benchmarks.report import Figure, print_figures
from pos_app.core.dayclose import CashCount, ZReport
from pos_app.journal.store import Journal
from pos_app.manager import DayCloseBook, SalesQueries
from pos_app.manager.printouts import z_report_lines
from pos_app.printing.receipt import ShopHeader
from reliability import sales
from sync.shared.chain import GENESIS_HASH, entry_hash
from sync.shared.clock import KST, business_day_bounds
from sync.shared.entries import DayClose, Payload, Sale, SaleRejected, TenderAmounts

SALES = 100_000
DAYS = 365
TILL = "bench-1"
FIRST_DAY = dt.date(2025, 11, 26)
LAST_DAY = FIRST_DAY + dt.timedelta(days=DAYS - 1)
CACHE = Path(tempfile.gettempdir()) / f"allive-bench-reports-v3-{SALES}.sqlite3"
BUDGET_MS = 200.0
MENU = [
    ("C01", "아메리카노", 3000),
    ("C02", "카페라테", 3500),
    ("B01", "쿠키", 2000),
    ("M01", "김밥", 3500),
    ("M05", "김치찌개", 8000),
    ("M08", "비빔밥", 8500),
]


def _sale(rng: random.Random) -> Sale:
    lines = [
        (sku, name, rng.randint(1, 2), price) for sku, name, price in rng.sample(MENU, rng.randint(1, 3))
    ]
    total = sum(qty * price for _sku, _name, qty, price in lines)
    tender = rng.random()
    points = total if tender < 0.6 else 0
    bank_card = total if 0.6 <= tender < 0.8 else 0
    return sales.sale(
        points,
        cash=total - points - bank_card,
        bank_card=bank_card,
        card=f"9{rng.randint(0, 10**10):011d}" if points else None,
        auth=rng.choice(["online", "online", "offline"]) if points else "none",
        cashier=rng.choice(["s001", "s002", "s003"]),
        lines=lines,
        approval_no="12345678" if bank_card else None,
    )


def _close(day: dt.date) -> DayClose:
    """A day close as the till writes it; the benchmark reads its day and tomorrow's float."""
    nothing = TenderAmounts(points=0, cash=0, bank_card=0)
    return DayClose(
        business_day=day.isoformat(),
        sales_count=0,
        gross=nothing,
        refunds=nothing,
        opening_float=100_000,
        expected_cash=100_000,
        counted={"50000": 2},
        counted_cash=100_000,
        difference=0,
        reason="",
        next_float=100_000,
        closed_by="s001",
    )


def build(path: Path) -> None:
    """A year of sales with refunds, rejected online sales, day closes and acks, as one valid chain."""
    rng = random.Random(5)
    rows: list[tuple[object, ...]] = []
    prev = GENESIS_HASH

    def add(ts: dt.datetime, payload: Payload) -> str:
        nonlocal prev
        seq = len(rows) + 1
        kind = payload.type
        entry_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        stamp = ts.astimezone(dt.UTC).isoformat(timespec="microseconds")
        body = payload.to_payload()
        digest = entry_hash(
            id=entry_id, till_id=TILL, seq=seq, ts=stamp, type=kind, payload=body, prev_hash=prev
        )
        rows.append((seq, entry_id, TILL, stamp, kind, json.dumps(body, ensure_ascii=False), prev, digest))
        prev = digest
        return entry_id

    per_day = SALES // DAYS
    extra = SALES - per_day * DAYS
    for d in range(DAYS):
        day = FIRST_DAY + dt.timedelta(days=d)
        opening = dt.datetime.combine(day, dt.time(10), tzinfo=KST)
        count = per_day + (1 if d < extra else 0)
        for n in range(count):
            at = opening + dt.timedelta(seconds=int(11 * 3600 * n / count))
            sale = _sale(rng)
            sale_id = add(at, sale)
            roll = rng.random()
            if sale.auth == "online" and roll < 0.01:
                add(at + dt.timedelta(seconds=1), SaleRejected(ref=sale_id, reason="insufficient_points"))
            elif roll > 0.99:
                add(at + dt.timedelta(minutes=3), sales.refund_of(sale_id, sale))
        if day != LAST_DAY:
            closed_at = dt.datetime.combine(day, dt.time(21, 30), tzinfo=KST)
            add(closed_at, _close(day))
    tmp = path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    journal = Journal(tmp, TILL)  # creates the schema, indexes and triggers
    journal.close()
    db = sqlite3.connect(tmp, isolation_level=None)
    db.execute("BEGIN")
    db.executemany("INSERT INTO entry VALUES (?,?,?,?,?,?,?,?)", rows)
    # Everything but the last day has been synced.
    last_day_start = business_day_bounds(LAST_DAY)[0].isoformat(timespec="microseconds")
    acked = [n + 1 for n, r in enumerate(rows) if str(r[3]) < last_day_start]
    db.executemany(
        "INSERT INTO ack (seq, status, reason, card_balance, acked_at) VALUES (?, 'accepted', NULL, NULL, '')",
        [(s,) for s in acked],
    )
    db.execute("INSERT INTO setting (key, value) VALUES ('acked_through', ?)", (str(max(acked)),))
    db.execute("COMMIT")
    db.close()
    tmp.rename(path)


def one_run(path: Path) -> tuple[float, float, ZReport]:
    journal = Journal(path, TILL, verify=False)  # the chain check at start-up is not part of this budget
    try:
        start = time.perf_counter()
        glance = SalesQueries(journal).glance(LAST_DAY)
        glance_ms = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        book = DayCloseBook(journal)
        draft = book.draft(LAST_DAY)
        z = ZReport(
            business_day=LAST_DAY,
            till_id=TILL,
            summary=draft.summary,
            opening_float=draft.opening_float,
            counted=CashCount({50_000: 2}),
            reason="",
            next_float=100_000,
            closed_by="s001",
            closed_at=dt.datetime.now(dt.UTC),
            top_products=tuple(
                (p.name, p.qty, p.amount) for p in book.queries.top_products(*business_day_bounds(LAST_DAY))
            ),
            unsynced=draft.unsynced,
        )
        z_report_lines(z, ShopHeader("올리브카페"))
        z_ms = (time.perf_counter() - start) * 1000
        assert glance.summary.sales_count == draft.summary.sales_count > 0
        return glance_ms, z_ms, z
    finally:
        journal.close()


def main() -> list[Figure]:
    if not CACHE.exists():
        started = time.perf_counter()
        build(CACHE)
        print(f"  built {CACHE} in {time.perf_counter() - started:.1f} s")
    with sqlite3.connect(CACHE) as db:
        sales = db.execute("SELECT COUNT(*) FROM entry WHERE type = 'sale'").fetchone()[0]
    first_glance, first_z, z = one_run(CACHE)
    runs = [one_run(CACHE) for _ in range(15)]
    totals = [g + zz for g, zz, _ in runs]
    figures = [
        Figure(f"journal: sale entries (year of sales, {DAYS} days)", float(sales), "entries"),
        Figure("day's sales on the last day", float(z.summary.sales_count), "sales"),
        Figure("today at a glance, first run after opening", first_glance, "ms"),
        Figure("Z report (draft + lines), first run after opening", first_z, "ms"),
        Figure("glance + Z report, first run", first_glance + first_z, "ms", budget=BUDGET_MS),
        Figure("glance + Z report, median of 15", statistics.median(totals), "ms", budget=BUDGET_MS),
        Figure("glance + Z report, worst of 15", max(totals), "ms", budget=BUDGET_MS),
    ]
    print_figures("Manager reports over a year of sales", figures)
    return figures


if __name__ == "__main__":
    main()
