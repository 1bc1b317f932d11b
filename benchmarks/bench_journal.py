"""Journal append latency (durable: WAL + synchronous=FULL) — budget p99 ≤ 5 ms."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.report import Figure, print_figures
from pos_app.journal.store import Journal

SALE = {
    "cashier": "s001",
    "lines": [
        {"sku": "C01", "name": "아메리카노", "qty": 2, "unit_price": 3000, "amount": 6000, "taxable": True}
    ],
    "total": 6000,
    "points": 6000,
    "bank_card": 0,
    "cash": 0,
    "cash_received": 0,
    "change": 0,
    "approval_no": None,
    "vat": 545,
    "supply_value": 5455,
    "tax_free": 0,
    "card": {"number": "900000000019", "issue": 1},
    "auth": "offline",
}


def measure(n: int = 2000) -> list[float]:
    with tempfile.TemporaryDirectory() as tmp:
        journal = Journal(Path(tmp) / "bench.sqlite3", "bench-1")
        times = []
        for _ in range(n):
            start = time.perf_counter()
            journal.append("sale", SALE)
            times.append((time.perf_counter() - start) * 1000)
        journal.close()
    return times


def main() -> list[Figure]:
    times = sorted(measure())
    p99 = times[int(len(times) * 0.99) - 1]
    figures = [
        Figure("journal append p50 (durable)", statistics.median(times), "ms"),
        Figure("journal append p99 (durable)", p99, "ms", budget=5.0),
    ]
    print_figures("Journal", figures)
    return figures


if __name__ == "__main__":
    main()
