"""The till's screen after 결제 완료: the real window (offscreen) sells points sales against a ledger
in its own process, and a 20 ms timer on the UI thread measures the longest gap between its ticks
from the touch on 결제 완료 until the receipt PDF is written and reported back.

``bench_till`` runs this module in a child process (``python -m benchmarks.till_screen --sales 10``),
so Qt and the UI's thread switch interval stay out of the other benchmarks; it prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from pos_app.config import load_config
from pos_app.runtime import TillRuntime, open_till
from pos_app.ui.background import pending
from pos_app.ui.main_window import MainWindow, install_translations
from pos_app.ui.payment import PaymentDialog
from reliability.world import LedgerProcess
from sync.demo import prepare

TICK_MS = 20  # the heartbeat, as in tests/ui/test_responsiveness.py
CASHIER, PIN = "s002", "0000"  # demo staff 계산원
ITEM = ("meal", "M08")  # 비빔밥 8,500 won, paid wholly in points (authorised online)
TIMEOUT = 30.0  # seconds for one step before the run is given up


def _button(parent: QWidget, name: str) -> QPushButton:
    found = parent.findChild(QPushButton, name)
    if found is None:
        raise LookupError(f"no button {name}")
    return found


def _click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


class PaidToAnswer:
    """Drives ``sales`` sales from inside the application's event loop, as a cashier's touches come."""

    def __init__(
        self, app: QApplication, window: MainWindow, runtime: TillRuntime, cards: list[str], sales: int
    ):
        self.app, self.window, self.runtime, self.cards = app, window, runtime, cards
        self.sales = sales
        self.longest_gap_ms: list[float] = []
        self.receipt_ms: list[float] = []
        self.failure: str | None = None
        self.ticks: list[float] = []
        self.receipts_before = 0
        self.heartbeat = QTimer()
        self.heartbeat.setInterval(TICK_MS)
        self.heartbeat.timeout.connect(self._tick)

    def receipts(self) -> int:
        return len(list(self.runtime.config.receipts_path.glob("*.pdf")))

    def fail(self, why: str) -> None:
        self.failure = why
        self.heartbeat.stop()
        self.app.exit(0)

    def wait_until(self, condition: Callable[[], bool], then: Callable[[], None], what: str) -> None:
        deadline = time.monotonic() + TIMEOUT

        def poll() -> None:
            if condition():
                then()
            elif time.monotonic() > deadline:
                self.fail(f"timed out waiting for {what}")
            else:
                QTimer.singleShot(10, poll)

        QTimer.singleShot(0, poll)

    def start(self) -> None:
        signin = self.window.signin
        _click(_button(signin, f"staff-{CASHIER}"))
        for digit in PIN:
            _click(_button(signin, f"pin-{digit}"))
        _click(_button(signin, "pin-ok"))
        if self.window.stack.currentWidget() is not self.window.sale:
            self.fail("the cashier could not sign in")
            return
        self.next_sale()

    def next_sale(self) -> None:
        done = len(self.longest_gap_ms)
        if done == self.sales:
            self.app.exit(0)
            return
        sale = self.window.sale
        sale.paid_view.dismiss()  # the next touch after 결제 완료
        _click(_button(sale, f"cat-{ITEM[0]}"))
        _click(_button(sale, f"item-{ITEM[1]}"))
        sale.handle_scan(self.cards[done % len(self.cards)])  # what the scanner filter hands on
        # The card as the ledger sees it, then 결제.
        self.wait_until(lambda: pending() == 0 and sale.card is not None, self.pay, "the card")

    def pay(self) -> None:
        self.wait_until(
            lambda: isinstance(QApplication.activeModalWidget(), PaymentDialog), self.complete, "the dialog"
        )
        _click(_button(self.window.sale, "pay"))  # returns when the dialog closes with the answer

    def complete(self) -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PaymentDialog)
        self.receipts_before = self.receipts()
        self.ticks = [time.monotonic()]
        self.heartbeat.start()
        _click(_button(dialog, "pay-complete"))

    def _tick(self) -> None:
        now = time.monotonic()
        self.ticks.append(now)
        if pending() == 0 and self.receipts() > self.receipts_before:
            # The receipt PDF is written and its outcome is on the message line: the sale is over.
            self.heartbeat.stop()
            gaps = [b - a for a, b in zip(self.ticks, self.ticks[1:], strict=False)]
            self.longest_gap_ms.append(max(gaps) * 1000)
            self.receipt_ms.append((now - self.ticks[0]) * 1000)
            if "결제되었습니다" not in self.window.sale.message.text():
                self.fail(
                    f"sale {len(self.longest_gap_ms)} did not complete: {self.window.sale.message.text()}"
                )
                return
            QTimer.singleShot(0, self.next_sale)
        elif now - self.ticks[0] > TIMEOUT:
            self.fail("no receipt was written")


def measure(sales: int) -> dict[str, list[float]]:
    """The longest UI freeze and the time to the written receipt, in ms, for each of ``sales`` sales."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        ledger = LedgerProcess(f"sqlite:///{root / 'demo' / 'ledger.sqlite3'}", root / "ledger.log")
        till_file, _ = prepare(root / "demo", ledger.port)
        ledger.start()
        try:
            app = QApplication.instance() or QApplication([])
            assert isinstance(app, QApplication)
            app._allive_translators = install_translations(app, "ko")  # type: ignore[attr-defined]
            # As a shop runs it: the snapshot first, then the background sync thread running.
            runtime = open_till(load_config(till_file), start_sync=False)
            runtime.sync.sync_now()
            runtime.sync.start()
            try:
                window = MainWindow(runtime)
                app.installEventFilter(window.wedge)
                app.installEventFilter(window.activity)
                window.resize(1280, 800)
                window.show()
                demo_cards = json.loads((root / "demo" / "demo-cards.json").read_text(encoding="utf-8"))
                cards = [card["payload"] for card in demo_cards[:19]]  # the 20th is the revoked one
                run = PaidToAnswer(app, window, runtime, cards, sales)
                QTimer.singleShot(0, run.start)
                # A step that raised (its traceback is printed) schedules nothing more: give up then.
                watchdog = int(TIMEOUT * (sales + 2) * 1000)
                QTimer.singleShot(watchdog, lambda: run.fail("the run did not finish"))
                app.exec()
                window.shutdown()
                window.close()
            finally:
                runtime.close()
        finally:
            ledger.stop()
    if run.failure is not None:
        raise RuntimeError(run.failure)
    return {"longest_gap_ms": run.longest_gap_ms, "receipt_ms": run.receipt_ms}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sales", type=int, default=10)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.sales)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
