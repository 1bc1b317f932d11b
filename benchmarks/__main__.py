"""`make bench`: run every benchmark and print each figure with its budget and ratio."""

from __future__ import annotations

import importlib
import sys
import traceback

MODULES = [
    "benchmarks.bench_journal",
    "benchmarks.bench_ledger",
    "benchmarks.bench_sync",
    "benchmarks.bench_decoder",
    "benchmarks.bench_till",
    "benchmarks.bench_reports",
    "benchmarks.bench_settlement",
    "benchmarks.bench_oversight",
    "benchmarks.bench_load",
]


def main() -> int:
    failed = []
    for name in MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            print(f"\n== {name}: not available ({exc}) ==")
            continue
        try:
            module.main()
        except Exception:
            traceback.print_exc()
            failed.append(name)
    if failed:
        print(f"\nbenchmarks that crashed: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
