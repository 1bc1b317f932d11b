"""Journal append latency (durable: WAL + synchronous=FULL) — budget p99 ≤ 5 ms."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.fixtures import americano_sale
from benchmarks.report import Figure, print_figures
from pos_app.journal.store import Journal

SALE = americano_sale("900000000019")


def measure(n: int = 2000) -> list[float]:
    with tempfile.TemporaryDirectory() as tmp:
        journal = Journal(Path(tmp) / "bench.sqlite3", "bench-1")
        times = []
        for _ in range(n):
            start = time.perf_counter()
            journal.append(SALE)
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
