"""Load against a real ``allive-ledger serve`` process, in two shapes.

Each simulated till is a thread with its own keep-alive HTTP session, token and hash chain.

- ``run_market``: the market on a busy day. Tills spread over shops as the market has them (most
  shops with one till, some with three; or the hot case, 30 tills of one shop), each ringing up a
  sale every few seconds. A third of the sales take points with an online authorisation (the till
  waits for the answer: an urgent push); the others reach the ledger with the background push.
  Budget: no errors, push and authorisation p99 ≤ 250 ms.
- ``run_load``: the burst. In every round all tills wait at a barrier and push together (the
  launch-day morning of ARCHITECTURE §1); it measures how long the last of a queue waits.
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
from reliability.world import Programme, make_programme
from sync.shared.chain import GENESIS_HASH, entry_hash

P99_BUDGET_MS = 250.0
AUTH_WINDOW_MS = 1500.0  # a till waits this long for an online authorisation, then falls back


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


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
        return percentile(self.latencies_ms, q)

    @property
    def throughput(self) -> float:
        return self.entries / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        mean = statistics.fmean(self.latencies_ms) if self.latencies_ms else 0.0
        return (
            f"load: {self.tills} tills x {self.rounds} rounds = {self.requests} pushes, {self.entries} entries "
            f"in {self.seconds:.1f} s: {self.throughput:.0f} entries/s, {self.requests / max(self.seconds, 1e-9):.0f} "
            f"pushes/s; latency p50 {self.percentile(50):.0f} ms, p99 {self.percentile(99):.0f} ms, "
            f"mean {mean:.0f} ms; "
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


@dataclass
class _Pushed:
    """One push as a till sees it: what is still unacknowledged after it, and how it went."""

    pending: list[dict[str, Any]]
    ms: float
    status: int = 0
    error: str | None = None
    taken: int = 0  # entries the ledger stored now (accepted or refused), not resends
    rejected: int = 0  # business refusals among them


def _till_session(token: str) -> requests.Session:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    session.headers["Content-Type"] = "application/json"
    return session


def _push(
    session: requests.Session, url: str, pending: list[dict[str, Any]], urgent: bool, timeout: float
) -> _Pushed:
    """Send the outbox, as a till does; an entry the ledger did not acknowledge (an error, or held
    behind a missing one) stays for the next push."""
    body = json.dumps({"protocol": 1, "entries": pending, "urgent": urgent}, ensure_ascii=False).encode()
    start = time.perf_counter()
    pushed = _Pushed(pending, 0.0)
    try:
        response = session.post(url, data=body, timeout=timeout)
        pushed.status = response.status_code
        if pushed.status != 200:
            pushed.error = f"HTTP {pushed.status}: {response.text[:200]}"
        else:
            results = response.json()["results"]
            pushed.rejected = sum(1 for r in results if r["outcome"] == "rejected")
            pushed.taken = sum(1 for r in results if r["status"] in ("accepted", "rejected"))
            done = {r["id"] for r in results if r["status"] not in ("held", "invalid")}
            pushed.pending = [e for e in pending if e["id"] not in done]
    except requests.RequestException as exc:
        pushed.error = f"{type(exc).__name__}: {exc}"
    pushed.ms = (time.perf_counter() - start) * 1000
    return pushed


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
        session = _till_session(token)
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
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait(timeout)
            pushed = _push(session, url, pending, True, timeout)
            pending = pushed.pending
            with lock:
                result.requests += 1
                result.entries += len(entries)
                result.latencies_ms.append(pushed.ms)
                result.rejected += pushed.rejected
                if pushed.error:
                    result.errors += 1
                    result.server_errors += pushed.status >= 500
                    if len(result.error_samples) < 5:
                        result.error_samples.append(f"{till_id}: {pushed.error}")
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


def market_layout(tills: int, shops: int) -> list[int]:
    """Tills per shop as the market has them: every shop one, the busiest three (two more each,
    as far as they go); tills beyond three a shop all go to the busiest shop (the hot case)."""
    if not 0 < shops <= tills:
        raise ValueError("every shop needs a till")
    layout = [1] * shops
    extra = tills - shops
    for n in range(shops):
        more = min(2, extra)
        layout[n] += more
        extra -= more
    layout[0] += extra
    return layout


def market_programme(
    database_url: str, layout: list[int], *, cards: int, name: str = "shop"
) -> tuple[Programme, dict[str, str]]:
    """A programme with a shop for each count of ``layout``, that many tills in it, and ``cards``
    granted cards; returns it and its tills (till id -> token)."""
    shops = [f"{name}-{n:02d}" for n in range(len(layout))]
    programme = make_programme(database_url, shops=shops, tills_per_shop=0)
    programme.add_cards(cards)
    tills = {
        f"{shop}-{k}": programme.enrol(shop, f"{shop}-{k}")
        for shop, count in zip(shops, layout, strict=True)
        for k in range(1, count + 1)
    }
    return programme, tills


@dataclass
class MarketResult:
    tills: int
    shops: int
    seconds: float = 0.0
    sales: int = 0
    entries: int = 0  # entries the ledger took (each sale once, whichever push carried it)
    errors: int = 0
    server_errors: int = 0
    rejected: int = 0
    unsent: int = 0
    push_ms: list[float] = field(default_factory=list)  # background pushes
    auth_ms: list[float] = field(default_factory=list)  # online authorisations (urgent pushes)
    error_samples: list[str] = field(default_factory=list)

    @property
    def throughput(self) -> float:
        return self.entries / self.seconds if self.seconds else 0.0

    @property
    def late_authorisations(self) -> int:
        """Authorisations a real till would have given up on (and sold under the offline rules)."""
        return sum(1 for ms in self.auth_ms if ms > AUTH_WINDOW_MS)

    def summary(self) -> str:
        return (
            f"market: {self.tills} tills in {self.shops} shops, {self.sales} sales in {self.seconds:.1f} s "
            f"({self.throughput:.0f} entries/s); push p50 {percentile(self.push_ms, 50):.0f} ms "
            f"p99 {percentile(self.push_ms, 99):.0f} ms; online authorisation p50 "
            f"{percentile(self.auth_ms, 50):.0f} ms p99 {percentile(self.auth_ms, 99):.0f} ms "
            f"(budget {P99_BUDGET_MS:.0f} ms; over the till's {AUTH_WINDOW_MS:.0f} ms window: "
            f"{self.late_authorisations}); errors {self.errors} (5xx {self.server_errors}); "
            f"business refusals {self.rejected}; unacknowledged at the end {self.unsent}"
        )


def run_market(
    base_url: str,
    tills: dict[str, str],
    cards: list[str],
    *,
    shops: int,
    seconds: float = 30.0,
    sale_every: float = 3.0,
    online_share: float = 1 / 3,
    seed: int = 0,
    timeout: float = 30.0,
) -> MarketResult:
    """``tills``: till id -> token. Each till rings up a sale every ``sale_every`` seconds on average
    (uniformly 0.5–1.5 times that) for ``seconds``; ``online_share`` of them take points from a
    random card of ``cards`` with an online authorisation, the rest are paid in cash."""
    result = MarketResult(len(tills), shops)
    lock = threading.Lock()
    started = time.perf_counter()
    deadline = started + seconds

    def till_loop(index: int, till_id: str, token: str) -> None:
        rng = random.Random(seed * 1000 + index)
        chain = _Chain(till_id)
        session = _till_session(token)
        url = f"{base_url}/v1/tills/{till_id}/entries"
        pending: list[dict[str, Any]] = []
        next_sale = started + rng.uniform(0, sale_every)  # the market does not open at one instant
        while next_sale < deadline:
            time.sleep(max(0.0, next_sale - time.perf_counter()))
            next_sale += sale_every * rng.uniform(0.5, 1.5)
            online = rng.random() < online_share
            if online:
                pending.append(chain.sale(rng.choice(cards), rng.choice((3000, 3500, 4000)), 0))
            else:
                pending.append(chain.sale(None, 0, rng.choice((3000, 4500, 8000))))
            pushed = _push(session, url, pending, online, timeout)
            pending = pushed.pending
            with lock:
                result.sales += 1
                result.entries += pushed.taken
                result.rejected += pushed.rejected
                (result.auth_ms if online else result.push_ms).append(pushed.ms)
                if pushed.error:
                    result.errors += 1
                    result.server_errors += pushed.status >= 500
                    if len(result.error_samples) < 5:
                        result.error_samples.append(f"{till_id}: {pushed.error}")
        with lock:
            result.unsent += len(pending)

    threads = [
        threading.Thread(target=till_loop, args=(n, till_id, token), daemon=True)
        for n, (till_id, token) in enumerate(sorted(tills.items()))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - started
    return result
