"""The crash test: kill -9 a real till process at seeded moments, restart it, resync, reconcile.

Kill moments, chosen per round from the seed: at a random time while selling; right after the
n-th committed sale line; and from inside the proxy right after the ledger answered a push but
before the till could read the answer (the ledger committed, the till never heard). After each
kill the parent opens the journal (its chain must verify), drains it straight to the ledger and
checks that the ledger holds exactly the till's entries and sales, with the same outcomes.
The plan of kills is seeded; the exact instant a signal lands is up to the operating system, so
a failure prints its seed and round and the journal file is kept for inspection.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pos_app.journal.store import Journal
from reliability.invariants import ledger_problems, reconcile
from reliability.proxy import FaultPlan, FaultProxy
from reliability.world import Programme
from sync.client import LedgerRefused, LedgerUnavailable, SyncClient

ROOT = Path(__file__).resolve().parent.parent
KILL_MODES = ("timed", "after_sale", "after_commit")


@dataclass
class CrashResult:
    seed: int
    rounds: int = 0
    kills: dict[str, int] = field(default_factory=dict)
    faults: int = 0
    entries: int = 0
    sales: int = 0
    lost: int = 0
    duplicated: int = 0
    overdrafts: int = 0
    server_errors: int = 0
    commit_kills: int = 0  # kills that landed between the ledger's commit and the till hearing it
    other_problems: int = 0  # broken chains, disagreements, ledger invariants, till start failures
    violations: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.violations or self.lost or self.duplicated or self.overdrafts)


class _Child:
    """The workload process and a thread reading its progress lines."""

    def __init__(self, config_path: Path, seed: int, log_path: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "reliability.crash_workload", str(config_path), str(seed)],
            stdout=subprocess.PIPE,
            stderr=open(log_path, "ab"),  # noqa: SIM115 - the child owns it
            cwd=ROOT,
            env=env,
        )
        self.lines: list[str] = []
        self.changed = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            with self.changed:
                self.lines.append(raw.decode(errors="replace").strip())
                self.changed.notify_all()
        with self.changed:
            self.changed.notify_all()

    def wait_for(self, predicate: object, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self.changed:
            while not predicate():  # type: ignore[operator]
                left = deadline - time.monotonic()
                if left <= 0 or self.process.poll() is not None:
                    return bool(predicate())  # type: ignore[operator]
                self.changed.wait(min(left, 0.1))
        return True

    def kill(self) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)

    def reap(self) -> int:
        code = self.process.wait(30)
        self._reader.join(10)
        return code


def run_crash_rounds(
    programme: Programme,
    ledger_port: int,
    workdir: Path,
    *,
    rounds: int,
    seed: int,
    till_id: str = "crash-1",
    shop_id: str = "crash-shop",
    cards: int = 4,
    modes: Sequence[str] = KILL_MODES,
) -> CrashResult:
    """``rounds`` kill/restart/resync rounds of one till; every problem is recorded with its round."""
    rng = random.Random(seed)
    result = CrashResult(seed)
    ledger = programme.ledger
    ledger.add_shop(shop_id, "올리브 crash")
    token = programme.enrol(shop_id, till_id)
    numbers = programme.add_cards(cards)
    workdir.mkdir(parents=True, exist_ok=True)
    journal_path = workdir / f"{till_id}.sqlite3"
    plan = FaultPlan({"delay": 0.3, "drop": 0.03, "cut": 0.03, "duplicate": 0.03, "reorder": 0.03})
    armed: dict[str, object] = {}

    def on_committed(head: bytes) -> None:
        # In the proxy thread: the ledger has answered and committed; the till has not heard yet.
        if armed and head.startswith(b"POST ") and b"/entries" in head.split(b"\r\n", 1)[0]:
            armed["left"] = int(armed["left"]) - 1  # type: ignore[call-overload]
            if int(armed["left"]) <= 0:  # type: ignore[call-overload]
                child = armed.pop("child")
                armed.clear()
                child.kill()  # type: ignore[attr-defined]
                result.commit_kills += 1

    proxy = FaultProxy(ledger_port, seed=rng.randrange(2**32), plan=plan, on_committed=on_committed)
    proxy.start()
    config_path = workdir / "till.json"
    config_path.write_text(
        json.dumps(
            {
                "journal": str(journal_path),
                "till_id": till_id,
                "token": token,
                "ledger_url": proxy.url,
                "issuer_public_key": programme.issuer_public_hex,
                "payloads": [programme.payload(n) for n in numbers],
            }
        ),
        encoding="utf-8",
    )
    try:
        for round_no in range(1, rounds + 1):
            mode = rng.choice(list(modes))
            result.kills[mode] = result.kills.get(mode, 0) + 1
            child = _Child(config_path, rng.randrange(2**32), workdir / "workload.log")
            if not child.wait_for(lambda c=child: "ready" in c.lines, 30):
                code = child.reap() if child.process.poll() is not None else None
                child.kill()
                child.reap()
                result.other_problems += 1
                result.violations.append(
                    f"round {round_no}: till did not start (exit {code}): {child.lines[-3:]}"
                )
                if code == 3:
                    break
                continue
            if mode == "timed":
                time.sleep(rng.uniform(0.0, 1.5))
                child.kill()
            elif mode == "after_sale":
                wanted = rng.randint(1, 6)
                child.wait_for(
                    lambda c=child, w=wanted: sum(1 for x in c.lines if x.startswith("sale")) >= w,
                    10,
                )
                child.kill()
            else:
                armed.update(child=child, left=rng.randint(1, 4))
                child.wait_for(lambda: not armed, 10)
                armed.clear()
                child.kill()
            child.reap()
            result.rounds += 1
            _check_round(programme, ledger_port, journal_path, till_id, token, round_no, result)
            if result.violations:
                result.violations.insert(0, f"crash test failed: SEED={seed} to replay (round {round_no})")
                break
    finally:
        proxy.stop()
        result.faults = proxy.total_faults()
        result.server_errors = proxy.server_errors
    return result


def _check_round(
    programme: Programme,
    ledger_port: int,
    journal_path: Path,
    till_id: str,
    token: str,
    round_no: int,
    result: CrashResult,
) -> None:
    journal = Journal(journal_path, till_id, verify=False)
    try:
        chain = journal.verify()
        if chain:
            result.other_problems += len(chain)
            result.violations += [f"round {round_no}: journal chain: {p}" for p in chain]
            return
        client = SyncClient(f"http://127.0.0.1:{ledger_port}", till_id, token, journal, request_timeout=10)
        for attempt in range(20):
            try:
                client.drain()
                if journal.outbox_size() == 0:
                    break
            except LedgerUnavailable:
                # The killed till's last push may still be committing: its entries come back as
                # duplicates on the next try.
                time.sleep(0.1 * (attempt + 1))
            except LedgerRefused as exc:
                result.other_problems += 1
                result.violations.append(f"round {round_no}: ledger refused the resync: {exc}")
                return
        rec = reconcile(journal, programme.ledger)
        result.entries, result.sales = rec.entries, rec.sales
        result.lost += len(rec.lost)
        result.duplicated += len(rec.duplicated)
        result.violations += [f"round {round_no}: {p}" for p in rec.lost + rec.duplicated + rec.problems]
        problems, overdrafts = ledger_problems(programme.ledger)
        result.other_problems += len(rec.problems) + len(problems)
        result.overdrafts += overdrafts
        result.violations += [f"round {round_no}: ledger: {p}" for p in problems]
    finally:
        journal.close()
