"""100 tills pushing at once against `allive-ledger serve` on PostgreSQL: p50/p99 push latency, throughput, errors."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from benchmarks.report import Figure, print_figures
from reliability.load import P99_BUDGET_MS, run_load
from reliability.world import LedgerProcess, make_programme, pg_reachable, pg_schema

TILLS = int(os.environ.get("ALLIVE_BENCH_TILLS", "100"))
ROUNDS = int(os.environ.get("ALLIVE_BENCH_LOAD_ROUNDS", "5"))


def main() -> list[Figure]:
    if not pg_reachable():
        print("\n== load: PostgreSQL unreachable, skipped ==")
        return []
    with pg_schema("bench_load") as url, tempfile.TemporaryDirectory() as tmp:
        programme = make_programme(url, grant_amount=10_000_000, shops=("load-a", "load-b", "load-c"))
        cards = programme.add_cards(TILLS)
        tills = {}
        for n in range(TILLS):
            till_id = f"load-{n:03d}"
            tills[till_id] = (programme.enrol(programme.shops[n % 3], till_id), cards[n])
        with LedgerProcess(url, Path(tmp) / "ledger.log") as process:
            result = run_load(process.url, tills, rounds=ROUNDS)
        programme.ledger.dispose()
    figures = [
        Figure(f"push latency p50, {TILLS} tills at once", result.percentile(50), "ms"),
        Figure(f"push latency p99, {TILLS} tills at once", result.percentile(99), "ms", budget=P99_BUDGET_MS),
        Figure("entries ingested per second under that load", result.throughput, "entries/s"),
        Figure("failed pushes (HTTP errors or timeouts)", result.errors, "pushes", budget=0),
    ]
    print_figures(f"load: {TILLS} tills x {ROUNDS} rounds against allive-ledger serve (PostgreSQL)", figures)
    return figures


if __name__ == "__main__":
    main()
