"""Catches keyboard-wedge scanner bursts anywhere on the till, before any field sees the digits."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from pos_app.scanning.wedge import WedgeAction, WedgeParser


class WedgeFilter(QObject):
    """Application-wide event filter. Digits arriving in a fast burst ending in Enter become one
    ``sig_scanned``; keys a person typed are handed back to the focused widget unchanged.

    Only the receiver that Qt delivers the key to first (the focus widget, or the active window)
    is considered, so a key that propagates to parent widgets is not counted twice.

    Held digits belong to the widget they were typed into: if the focus moves before they are
    released (a touch on another field), they go back to that widget, or nowhere if it is gone,
    never to the field that gained the focus afterwards.
    """

    sig_scanned = Signal(str)

    def __init__(
        self, parent: QObject | None = None, *, max_gap_ms: float = 30.0, min_length: int = 12
    ) -> None:
        super().__init__(parent)
        self.parser = WedgeParser(max_gap_ms=max_gap_ms, min_length=min_length)
        self._replaying = False
        self._held_for: QWidget | None = None  # where the held digits were typed
        self._flush = QTimer(self)
        self._flush.setInterval(int(max_gap_ms * 2))
        self._flush.timeout.connect(self._release_typed)

    @staticmethod
    def _now_ms() -> float:
        return time.monotonic() * 1000

    def _target(self) -> QWidget | None:
        return QApplication.focusWidget() or QApplication.activeWindow()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if self._replaying or event.type() != QEvent.Type.KeyPress or not isinstance(obj, QWidget):
            return False
        if obj is not self._target():
            return False
        assert isinstance(event, QKeyEvent)
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        was_holding = self.parser.holding
        result = self.parser.feed(event.key(), event.text(), self._now_ms())
        if result.action is WedgeAction.HOLD:
            if not was_holding:
                self._held_for = obj
            self._flush.start()
            return True
        if result.action is WedgeAction.SCAN:
            self._flush.stop()
            self._held_for = None
            self.sig_scanned.emit(result.digits)
            return True
        if result.action is WedgeAction.RELEASE:
            self._replay(result.released)
            if self.parser.holding:  # this key started a new burst and is held
                self._held_for = obj
                self._flush.start()
                return True
        return False

    def _release_typed(self) -> None:
        released = self.parser.flush(self._now_ms())
        if released:
            self._replay(released)
        if not self.parser.holding:
            self._flush.stop()

    def _replay(self, digits: tuple[str, ...]) -> None:
        target, self._held_for = self._held_for, None
        if target is None or not digits or not isValid(target) or not target.isVisible():
            return  # the field they were typed into is gone: they belong to no other field
        self._replaying = True
        try:
            for digit in digits:
                key = Qt.Key(ord(digit))
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(
                        target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, digit)
                    )
        finally:
            self._replaying = False
