"""The real till window against a real ledger on loopback (SQLite), set up like the demo."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from pos_app.config import load_config
from pos_app.runtime import TillRuntime, open_till
from pos_app.ui.main_window import MainWindow, install_translations
from reliability.world import LedgerProcess, ThreadedLedgerServer
from sync.demo import prepare
from sync.ledger.service import Ledger


@dataclass
class Till:
    runtime: TillRuntime
    window: MainWindow
    server: ThreadedLedgerServer | LedgerProcess
    ledger: Ledger
    cards: list[dict[str, str]]

    @property
    def sale(self):  # type: ignore[no-untyped-def]
        return self.window.sale


@pytest.fixture
def till(request, qtbot, tmp_path) -> Iterator[Till]:
    ledger = Ledger(f"sqlite:///{tmp_path / 'demo' / 'ledger.sqlite3'}")
    server: ThreadedLedgerServer | LedgerProcess
    if request.node.get_closest_marker("timing"):
        # Timing tests measure the till alone, as in a shop: the ledger in its own process (a
        # ledger thread in this process would share the interpreter lock with the screen).
        server = LedgerProcess(ledger.database_url, tmp_path / "ledger.log")
        till_file, _ = prepare(tmp_path / "demo", server.port)
        server.start()
    else:
        server = ThreadedLedgerServer(ledger).start()
        till_file, _ = prepare(tmp_path / "demo", server.port)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translations(app, "ko")
    app._allive_translators = translators  # type: ignore[attr-defined]  # what switch_language removes
    runtime = open_till(load_config(till_file), start_sync=False)
    runtime.sync.sync_now()
    window = MainWindow(runtime)
    qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())  # no "close the till?"
    app.installEventFilter(window.wedge)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    import json

    cards = json.loads((tmp_path / "demo" / "demo-cards.json").read_text(encoding="utf-8"))
    yield Till(runtime, window, server, ledger, cards)
    window.shutdown()
    window.close()
    app.removeEventFilter(window.wedge)
    for translator in translators:
        app.removeTranslator(translator)
    runtime.close()
    server.stop()
    ledger.dispose()


def when_modal(qtbot, action: Callable[[QWidget], None]) -> None:
    """Run ``action`` on the next modal dialog once it is open (dialogs block in exec())."""

    def attempt(tries: int = 0) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            if tries < 200:
                QTimer.singleShot(20, lambda: attempt(tries + 1))
            return
        try:
            action(dialog)
        except BaseException as exc:  # never leave a modal dialog blocking the test
            FAILURES.append(exc)
            dialog.close()
            if hasattr(dialog, "reject"):
                dialog.reject()

    QTimer.singleShot(0, attempt)


FAILURES: list[BaseException] = []


@pytest.fixture(autouse=True)
def modal_failures() -> Iterator[None]:
    FAILURES.clear()
    yield
    if FAILURES:
        raise FAILURES[0]


def button(parent: QWidget, name: str):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton

    found = parent.findChild(QPushButton, name)
    assert found is not None, f"no button {name}"
    return found


def sign_in(qtbot, till: Till, staff_id: str, pin: str) -> None:
    from PySide6.QtCore import Qt

    signin = till.window.signin
    qtbot.mouseClick(button(signin, f"staff-{staff_id}"), Qt.MouseButton.LeftButton)
    for digit in pin:
        qtbot.mouseClick(button(signin, f"pin-{digit}"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(signin, "pin-ok"), Qt.MouseButton.LeftButton)


def background_done(qtbot, timeout: int = 10_000) -> None:
    """Wait until every piece of background work (card refresh, payment, receipt) has reported back."""
    from pos_app.ui.background import pending

    qtbot.waitUntil(lambda: pending() == 0, timeout=timeout)


def wedge_scan(qtbot, target: QWidget, payload: str) -> None:
    """What a USB scanner does: the digits within milliseconds, then Enter."""
    from PySide6.QtCore import Qt

    target.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is target.window(), timeout=2000)
    target.setFocus()
    for digit in payload:
        qtbot.keyClick(target, digit)
    qtbot.keyClick(target, Qt.Key.Key_Return)
