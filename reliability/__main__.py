"""`make reliability`: crash rounds, seeded scenarios with faults and the load test, then one table.

python -m reliability                       # the full run: 100 crash rounds, 1,000 scenarios, 100 tills
python -m reliability --crash-rounds 5 --scenarios 20 --tills 20 --shops 15   # a quick one
python -m reliability --only simulation --replay 4711               # replay one scenario's seed
python -m reliability --only selftest                               # planted bugs must be caught
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reliability.crash import run_crash_rounds
from reliability.load import P99_BUDGET_MS, market_layout, market_programme, percentile, run_market
from reliability.report import Row, table
from reliability.selftest import run_selftest
from reliability.simulation import SimConfig, run_scenario
from reliability.world import (
    LedgerProcess,
    ThreadedLedgerServer,
    make_programme,
    pg_reachable,
    pg_schema,
)

PARTS = ("crash", "simulation", "load", "selftest")


@contextmanager
def database(kind: str, workdir: Path, name: str) -> Iterator[str]:
    if kind == "postgres":
        with pg_schema(f"rel_{name}") as url:
            yield url
    else:
        yield f"sqlite:///{workdir / f'{name}-{time.monotonic_ns()}.sqlite3'}"


def crash_part(args: argparse.Namespace, workdir: Path) -> Row:
    row = Row("crash (kill -9 till)")
    with database(args.database, workdir, "crash") as url:
        programme = make_programme(url, grant_amount=1_000_000, shops=())
        with ThreadedLedgerServer(programme.ledger) as server:
            result = run_crash_rounds(
                programme, server.port, workdir / "crash", rounds=args.crash_rounds, seed=args.seed
            )
        programme.ledger.dispose()
    row.rounds, row.faults = result.rounds, result.faults
    row.lost, row.duplicated, row.overdrafts = result.lost, result.duplicated, result.overdrafts
    row.server_errors = result.server_errors
    row.violations = (
        len(result.violations) - result.lost - result.duplicated - (1 if result.violations else 0)
    )
    row.violations = max(row.violations, 0)
    print(
        f"crash: {result.rounds} rounds, kills {result.kills}, {result.entries} journal entries "
        f"({result.sales} sales) reconciled with the ledger",
        flush=True,
    )
    for line in result.violations[:20]:
        print(f"  {line}", flush=True)
    return row


def simulation_part(args: argparse.Namespace, workdir: Path) -> Row:
    row = Row("simulation (faults, offline)")
    config = SimConfig(
        tills=args.sim_tills, cards=args.sim_cards, steps=args.steps, fault_rate=args.fault_rate
    )
    seeds = (
        [args.replay] if args.replay is not None else [args.seed * 100_000 + n for n in range(args.scenarios)]
    )
    failures = 0
    sales = shortfall = 0
    for start in range(0, len(seeds), args.scenarios_per_world):
        # A fresh ledger every so often keeps verify-after-every-step cheap.
        with database(args.database, workdir, "sim") as url:
            programme = make_programme(url, grant_amount=args.grant, shops=())
            with ThreadedLedgerServer(programme.ledger) as server:
                for seed in seeds[start : start + args.scenarios_per_world]:
                    result = run_scenario(programme, server.port, seed, config)
                    row.rounds += 1
                    row.faults += result.faults
                    row.lost += result.lost
                    row.duplicated += result.duplicated
                    row.overdrafts += result.overdrafts
                    row.server_errors += result.server_errors
                    row.violations += max(0, len(result.violations) - result.lost - result.duplicated)
                    sales += result.sales
                    shortfall += result.shortfall
                    if result.failed:
                        failures += 1
                        print(result.failure_report(), flush=True)
            programme.ledger.dispose()
        print(f"simulation: {row.rounds}/{len(seeds)} scenarios, {row.faults} faults so far", flush=True)
    print(
        f"simulation: {row.rounds} scenarios x {args.steps} steps, {sales} sales approved, "
        f"offline shortfall {shortfall:,} won (bounded by the caps), {failures} failed",
        flush=True,
    )
    return row


def selftest_part(args: argparse.Namespace, workdir: Path) -> Row:
    """The harness against deliberately broken ledgers and tills: each plant must be caught."""
    row = Row("self-test (planted bugs)")
    seeds = [args.seed * 7_000 + n for n in range(args.selftest_scenarios)]
    for result in run_selftest(lambda name: database(args.database, workdir, name), seeds):
        row.rounds += 1
        row.over_budget += 0 if result.caught else 1
        verdict = f"caught after {result.scenarios} scenario(s)" if result.caught else "MISSED"
        print(f"self-test: {result.name}: {verdict}: {result.evidence}", flush=True)
    return row


def load_part(args: argparse.Namespace, workdir: Path) -> list[Row]:
    """The market's rhythm (tills over shops, a sale every few seconds, a third with an online
    authorisation) against a real ``allive-ledger serve``; the latency row fails over budget."""
    row = Row(f"load ({args.tills} tills in {args.shops} shops)")
    with database(args.database, workdir, "load") as url:
        layout = market_layout(args.tills, args.shops)
        programme, tills = market_programme(url, layout, cards=max(args.tills, 50))
        with LedgerProcess(url, workdir / "load-ledger.log") as process:
            result = run_market(
                process.url,
                tills,
                programme.cards,
                shops=args.shops,
                seconds=args.load_seconds,
                sale_every=args.sale_every,
                seed=args.seed,
            )
        problems = programme.ledger.verify()
        programme.ledger.dispose()
    row.rounds = result.sales
    row.server_errors = result.server_errors
    row.violations = len(problems) + (result.errors - result.server_errors) + result.unsent
    print(result.summary(), flush=True)
    push, auth = percentile(result.push_ms, 99), percentile(result.auth_ms, 99)
    latency = Row(
        f"latency p99 push {push:,.0f} / authorisation {auth:,.0f} ms (budget {P99_BUDGET_MS:.0f})",
        rounds=result.sales,
    )
    latency.over_budget = (push > P99_BUDGET_MS) + (auth > P99_BUDGET_MS)
    if latency.over_budget:
        print(f"  load: p99 over the {P99_BUDGET_MS:.0f} ms budget", flush=True)
    for line in result.error_samples + problems[:5]:
        print(f"  {line}", flush=True)
    return [row, latency]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reliability", description=__doc__.splitlines()[0])
    parser.add_argument("--crash-rounds", type=int, default=100)
    parser.add_argument("--scenarios", type=int, default=1000)
    parser.add_argument("--steps", type=int, default=20, help="steps per scenario")
    parser.add_argument("--tills", type=int, default=100, help="tills of the load test")
    parser.add_argument("--shops", type=int, default=70, help="shops the load test's tills are in")
    parser.add_argument("--load-seconds", type=float, default=30.0, help="how long the load test runs")
    parser.add_argument("--sale-every", type=float, default=3.0, help="seconds between a till's sales")
    parser.add_argument("--sim-tills", type=int, default=3)
    parser.add_argument("--sim-cards", type=int, default=4)
    parser.add_argument("--grant", type=int, default=20_000, help="points per card in the simulation")
    parser.add_argument("--fault-rate", type=float, default=0.15)
    parser.add_argument("--scenarios-per-world", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--replay", type=int, default=None, help="run only the scenario of this SEED")
    parser.add_argument("--database", choices=("postgres", "sqlite"), default="postgres")
    parser.add_argument(
        "--selftest-scenarios", type=int, default=20, help="scenarios per planted bug, at most"
    )
    parser.add_argument("--only", choices=PARTS, action="append")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    if args.database == "postgres" and not pg_reachable():
        print("PostgreSQL is unreachable: start it or pass --database sqlite", file=sys.stderr)
        return 2
    parts = args.only or list(PARTS)
    if args.replay is not None:
        parts = ["simulation"]
    rows = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="allive-reliability-") as tmp:
        workdir = Path(tmp)
        if "crash" in parts:
            rows.append(crash_part(args, workdir))
        if "simulation" in parts:
            rows.append(simulation_part(args, workdir))
        if "load" in parts:
            rows.extend(load_part(args, workdir))
        if "selftest" in parts:
            rows.append(selftest_part(args, workdir))
    print()
    print(table(rows))
    print(f"\n{time.monotonic() - started:.0f} s, seed {args.seed}, database {args.database}")
    return 0 if all(row.clean for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
