"""The sale screen's notice that today's business day is already closed: a sale now is not in that close."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from pos_app.manager.dayclose import DayCloseBook
from sync.shared.clock import KST, Clock, business_day_of

# A close made on another till's screen, or midnight passing, shows within this time.
REFRESH_MS = 30_000


class AfterCloseNotice(QLabel):
    """Shown above the sale screen while the current business day has a close.

    A sale after the close still counts in the day's sales, but the close's Z report (and the cash it
    counted) does not hold it; only closing the day again takes it in. The notice says so before
    the sale is taken, so the cashier can tell the manager."""

    def __init__(self, book: DayCloseBook, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.clock = clock
        self.setObjectName("after-close")
        self.setProperty("message", "warn")
        self.setWordWrap(True)
        self.hide()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(REFRESH_MS)
        self.refresh()

    def refresh(self) -> None:
        close = self.book.current_close(business_day_of(self.clock()))
        if close is None:
            self.hide()
            return
        at = dt.datetime.fromisoformat(close.ts).astimezone(KST).strftime("%H:%M")
        self.setText(
            self.tr(
                "Today was already closed at %1. A sale now counts in today's sales but is not in that "
                "close: after selling, a manager must close the day again (Manage › Day close)."
            ).replace("%1", at)
        )
        self.show()

    def stop(self) -> None:
        self.timer.stop()
