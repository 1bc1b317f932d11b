"""Slow work off the UI thread: one way (like Anki's ``QueryOp``) for network, PDF and printing.

    BackgroundOp(self, lambda: checkout.pay(cart, tenders, card, cashier)) \
        .on_success(self.show_result).on_failure(self.show_problem).run()

The callable runs in a worker thread and must not touch Qt widgets; ``on_success`` and
``on_failure`` run back on the UI thread, and only while ``parent`` (the widget that asked) still
exists. The till's services are safe to call from a worker: the journal serialises its own access.
"""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Callable
from typing import Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")

# Two workers: a slow authorisation must not hold up the receipt of the sale before it.
_POOL = QThreadPool()
_POOL.setMaxThreadCount(2)
# Every Qt event passes through Python (the scanner filter, activity watch, paint overrides), and
# each pass needs the interpreter lock. With a worker busy in Python (a receipt PDF), CPython hands
# the lock over only every switch interval (5 ms by default), so a burst of events waited 150 ms or
# more. Half a millisecond keeps the screen answering; the worker barely slows down.
sys.setswitchinterval(0.0005)
_RUNNING: set[_Relay] = set()


class _GuiThreadCollector:
    """Python's cycle collector runs in whichever thread happens to allocate when a threshold is
    crossed: a worker busy building a PDF (thousands of font objects) then finalises whatever Qt
    wrappers sit in garbage cycles, from the wrong thread, and Qt crashes (seen: a segmentation fault
    while a Z report was drawn). So once work leaves the UI thread, cycles are collected on the UI
    thread only, from a timer: the young generation every half second, older ones now and then."""

    def __init__(self, app: QCoreApplication) -> None:
        self.ticks = 0
        self.timer = QTimer(app)
        self.timer.setInterval(500)
        self.timer.timeout.connect(self.collect)
        gc.disable()
        self.timer.start()

    def collect(self) -> None:
        self.ticks += 1
        gc.collect(2 if self.ticks % 120 == 0 else 1 if self.ticks % 10 == 0 else 0)


_COLLECTOR: _GuiThreadCollector | None = None


def collect_on_the_gui_thread() -> None:
    """Install the UI-thread collector (once; called on the UI thread)."""
    global _COLLECTOR
    app = QCoreApplication.instance()
    if _COLLECTOR is None and app is not None:
        _COLLECTOR = _GuiThreadCollector(app)


class _Relay(QObject):
    """Created on the UI thread: its signals, emitted by the worker, reach its slots there (queued)."""

    sig_done = Signal(object)
    sig_failed = Signal(object)

    def __init__(self, deliver: Callable[[_Relay, object, bool], None]) -> None:
        super().__init__()
        self.deliver = deliver
        self.sig_done.connect(self.done)
        self.sig_failed.connect(self.failed)

    @Slot(object)
    def done(self, value: object) -> None:
        self.deliver(self, value, False)

    @Slot(object)
    def failed(self, value: object) -> None:
        self.deliver(self, value, True)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self.work = work
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.work()
        except BaseException as exc:  # every failure goes back to the UI, none dies in the pool
            self.relay.sig_failed.emit(exc)
        else:
            self.relay.sig_done.emit(result)


class BackgroundOp(Generic[T]):
    """Run ``work`` in a worker thread and hand its result (or its exception) back to the UI thread."""

    def __init__(self, parent: QObject, work: Callable[[], T]) -> None:
        self.parent = parent
        self.work = work
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None

    def on_success(self, handler: Callable[[T], None]) -> BackgroundOp[T]:
        self._success = handler
        return self

    def on_failure(self, handler: Callable[[BaseException], None]) -> BackgroundOp[T]:
        self._failure = handler
        return self

    def run(self) -> None:
        collect_on_the_gui_thread()
        relay = _Relay(self._deliver)
        _RUNNING.add(relay)
        _POOL.start(_Job(self.work, relay))

    def _deliver(self, relay: _Relay, value: object, failed: bool) -> None:
        _RUNNING.discard(relay)
        relay.deleteLater()
        if not shiboken6.isValid(self.parent):
            log.info("background result dropped: its window is closed")
            return
        if failed:
            assert isinstance(value, BaseException)
            if self._failure is None:
                # No handler means the caller expects no failure: a bug, not a cashier's problem.
                log.error("background work failed", exc_info=value)
                return
            self._failure(value)
        elif self._success is not None:
            self._success(value)  # type: ignore[arg-type]


def wait_for_background(timeout_ms: int = 10_000) -> bool:
    """Block until every started job has finished (shutdown, before the journal closes; tests)."""
    return bool(_POOL.waitForDone(timeout_ms))


def pending() -> int:
    """Jobs started whose result has not reached the UI thread yet."""
    return len(_RUNNING)


__all__ = ["BackgroundOp", "collect_on_the_gui_thread", "pending", "wait_for_background"]
