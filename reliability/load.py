"""Load: many tills pushing sales at the same instant to a real ``allive-ledger serve`` process.

Each simulated till is a thread with its own keep-alive HTTP session, token and hash chain. In
every round all tills wait at a barrier and push together (the launch-day burst of ARCHITECTURE
§1), optionally pausing ``think`` seconds between rounds. Reports throughput, p50/p99 latency and
errors; budget (§10): no errors, p99 ≤ 250 ms.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import random
import statistics
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import requests

from reliability import sales
from sync.shared.chain import GENESIS_HASH, entry_hash

P99_BUDGET_MS = 250.0


@dataclass
class LoadResult:
    tills: int
    rounds: int
    requests: int = 0
    entries: int = 0
    errors: int = 0
    server_errors: int = 0
    rejected: int = 0  # business refusals in the answers (not errors)
    unsent: int = 0  # entries still unacknowledged when the tills stopped (after errors)
    seconds: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)
    error_samples: list[str] = field(default_factory=list)

    def percentile(self, q: float) -> float:
        if not self.latencies_ms:
            return 0.0
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]

    @property
    def throughput(self) -> float:
        return self.entries / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        mean = statistics.fmean(self.latencies_ms) if self.latencies_ms else 0.0
        return (
            f"load: {self.tills} tills x {self.rounds} rounds = {self.requests} pushes, {self.entries} entries "
            f"in {self.seconds:.1f} s: {self.throughput:.0f} entries/s, {self.requests / max(self.seconds, 1e-9):.0f} "
            f"pushes/s; latency p50 {self.percentile(50):.0f} ms, p99 {self.percentile(99):.0f} ms "
            f"(budget {P99_BUDGET_MS:.0f} ms, ratio {self.percentile(99) / P99_BUDGET_MS:.2f}), mean {mean:.0f} ms; "
            f"errors {self.errors} (5xx {self.server_errors}); business refusals {self.rejected}; "
            f"unacknowledged at the end {self.unsent}"
        )


@dataclass
class _Chain:
    till_id: str
    seq: int = 0
    last_hash: str = GENESIS_HASH

    def sale(self, card: str | None, points: int, cash: int) -> dict[str, Any]:
        self.seq += 1
        body: dict[str, Any] = {
            "id": str(uuid.uuid4()),
            "till_id": self.till_id,
            "seq": self.seq,
            "ts": dt.datetime.now(dt.UTC).isoformat(timespec="microseconds"),
            "type": "sale",
            "payload": sales.sale(points, cash=cash, card=card).to_payload(),
            "prev_hash": self.last_hash,
        }
        body["hash"] = entry_hash(**body)
        self.last_hash = body["hash"]
        return body


def run_load(
    base_url: str,
    tills: dict[str, tuple[str, str]],
    *,
    rounds: int = 10,
    batch: int = 2,
    think: float = 0.0,
    seed: int = 0,
    timeout: float = 30.0,
) -> LoadResult:
    """``tills``: till id -> (token, card number it sells to). Every round, every till pushes at once.

    Like a real till, an entry the ledger did not acknowledge (error, or held behind one) is sent again
    with the next push.
    """
    result = LoadResult(len(tills), rounds)
    barrier = threading.Barrier(len(tills))
    lock = threading.Lock()

    def till_loop(index: int, till_id: str, token: str, card: str) -> None:
        rng = random.Random(seed * 1000 + index)
        chain = _Chain(till_id)
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {token}"
        session.headers["Content-Type"] = "application/json"
        url = f"{base_url}/v1/tills/{till_id}/entries"
        pending: list[dict[str, Any]] = []  # like a till's outbox: what the ledger has not acknowledged
        for _ in range(rounds):
            entries = []
            for _ in range(batch):
                if rng.random() < 0.8:
                    entries.append(chain.sale(card, rng.choice((3000, 3500, 4000)), 0))
                else:
                    entries.append(chain.sale(None, 0, rng.choice((3000, 8000))))
            pending += entries
            body = json.dumps(
                {"protocol": 1, "entries": pending, "urgent": True}, ensure_ascii=False
            ).encode()
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait(timeout)
            start = time.perf_counter()
            error = None
            rejected = 0
            try:
                response = session.post(url, data=body, timeout=timeout)
                status = response.status_code
                if status != 200:
                    error = f"HTTP {status}: {response.text[:200]}"
                else:
                    results = response.json()["results"]
                    rejected = sum(1 for r in results if r["outcome"] == "rejected")
                    done = {r["id"] for r in results if r["status"] not in ("held", "invalid")}
                    pending = [e for e in pending if e["id"] not in done]
            except requests.RequestException as exc:
                status, error = 0, f"{type(exc).__name__}: {exc}"
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                result.requests += 1
                result.entries += len(entries)
                result.latencies_ms.append(elapsed)
                result.rejected += rejected
                if error:
                    result.errors += 1
                    result.server_errors += status >= 500
                    if len(result.error_samples) < 5:
                        result.error_samples.append(f"{till_id}: {error}")
            if think:
                time.sleep(think * rng.uniform(0.5, 1.5))
        with lock:
            result.unsent += len(pending)

    threads = [
        threading.Thread(target=till_loop, args=(n, till_id, token, card), daemon=True)
        for n, (till_id, (token, card)) in enumerate(sorted(tills.items()))
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - started
    return result
