"""The till: scan → sale committed offline (p95), online authorisation against a real ledger on loopback
(p95), cold start to a ready sale screen and its memory, and the screen answering again after 결제 완료
(the real window in a child process, ``benchmarks.till_screen``)."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.report import Figure, print_figures
from pos_app.checkout import Checkout
from pos_app.config import load_config
from pos_app.core.cart import Cart
from pos_app.core.catalogue import Item
from pos_app.core.tenders import Tenders
from pos_app.journal.store import Journal
from pos_app.runtime import open_till
from sync.demo import prepare, start_ledger
from sync.shared.cards.keys import new_issuer_key
from sync.shared.cards.number import make_card_number
from sync.shared.cards.token import CardToken, sign_card

COFFEE = Item("C01", "아메리카노", 3000)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * 0.95) - 1)]


def offline_scan_to_commit(n: int = 150) -> list[float]:  # 150 x 3,000 won stays under the till cap
    with tempfile.TemporaryDirectory() as tmp:
        journal = Journal(Path(tmp) / "till.sqlite3", "bench-1")
        issuer = new_issuer_key()
        now = dt.datetime.now(dt.UTC)
        cards = [
            {
                "number": make_card_number(s),
                "masked_name": "홍*동",
                "balance": 10**7,
                "status": "active",
                "issue": 1,
                "version": 1,
            }
            for s in range(1, n + 1)
        ]
        journal.apply_snapshot(cards, 1, full=True, at=now)
        checkout = Checkout(journal, issuer_public_key=issuer.public_key())
        payloads = [
            sign_card(CardToken(str(c["number"]), 1, dt.date(now.year, 12, 31)), issuer) for c in cards
        ]
        times = []
        for payload in payloads:
            start = time.perf_counter()
            card = checkout.scan(payload)
            result = checkout.pay(Cart().add(COFFEE), Tenders(points=3000), card, "s001")
            times.append((time.perf_counter() - start) * 1000)
            assert result.approved and result.mode == "offline"
        journal.close()
    return times


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def online_authorisation(n: int = 150) -> list[float]:
    """Journal append + urgent push + ledger decision, on the embedded SQLite ledger over loopback."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        port = _port()
        till_file, _ = prepare(root, port)
        ledger = start_ledger(root, port)
        runtime = open_till(load_config(till_file), start_sync=False)
        try:
            runtime.sync.sync_now()
            payloads = [c for c in __import__("json").loads((root / "demo-cards.json").read_text())][:19]
            times = []
            for i in range(n):
                card = runtime.checkout.scan(payloads[i % len(payloads)]["payload"])
                start = time.perf_counter()
                result = runtime.checkout.pay(
                    Cart().add(Item("C09", "쿠키", 100)), Tenders(points=100), card, "s001"
                )
                times.append((time.perf_counter() - start) * 1000)
                assert result.approved and result.mode == "online", (result.code, result.values)
        finally:
            runtime.close()
            ledger.terminate()
            ledger.wait(10)
    return times


def cold_start(runs: int = 3) -> tuple[list[float], list[float]]:
    starts, rss = [], []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        till_file, _ = prepare(root, _port())  # no ledger running: the till starts offline
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        for run in range(runs + 1):
            ready = root / f"ready-{run}"
            start = time.perf_counter()
            process = subprocess.Popen(
                [sys.executable, "-m", "pos_app.app", "--config", str(till_file), "--ready-file", str(ready)],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            while not ready.exists() and time.perf_counter() - start < 30:
                time.sleep(0.01)
            elapsed = time.perf_counter() - start
            time.sleep(0.3)
            status = Path(f"/proc/{process.pid}/status")
            if status.exists():
                line = next(li for li in status.read_text().splitlines() if li.startswith("VmRSS"))
                memory = int(line.split()[1]) / 1024
            else:
                memory = float("nan")
            process.terminate()
            process.wait(10)
            if run:  # the first run seeds the demo menu and staff
                starts.append(elapsed * 1000)
                rss.append(memory)
    return starts, rss


def paid_to_answer(sales: int = 10) -> dict[str, list[float]]:
    """Per sale, the longest the UI went without answering (ms) from the touch on 결제 완료 until the
    receipt PDF was written, and how long that took; measured by ``benchmarks.till_screen`` in a
    child process against a ledger in a process of its own."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.till_screen", "--sales", str(sales)],
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"benchmarks.till_screen failed:\n{done.stderr[-3000:]}")
    measured: dict[str, list[float]] = json.loads(done.stdout.strip().splitlines()[-1])
    return measured


def main() -> list[Figure]:
    offline = offline_scan_to_commit()
    online = online_authorisation()
    starts, rss = cold_start()
    paid = paid_to_answer()
    gaps, receipts = paid["longest_gap_ms"], paid["receipt_ms"]
    figures = [
        Figure("scan accepted -> sale committed, offline, p95", p95(offline), "ms", budget=50),
        Figure(
            "online points authorisation, ledger on loopback (SQLite), p95", p95(online), "ms", budget=100
        ),
        Figure("cold start to a ready sale screen, median", statistics.median(starts), "ms", budget=2000),
        Figure("till RSS after start", max(rss), "MB", budget=250),
        Figure(
            f"결제 완료 -> UI answering again, longest gap, p50 of {len(gaps)}",
            statistics.median(gaps),
            "ms",
            budget=100,
        ),
        Figure(
            f"결제 완료 -> UI answering again, longest gap, max of {len(gaps)}", max(gaps), "ms", budget=100
        ),
        Figure("결제 완료 -> receipt PDF written, median", statistics.median(receipts), "ms"),
    ]
    print_figures("Till", figures)
    return figures


if __name__ == "__main__":
    main()
