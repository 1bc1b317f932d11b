"""One till per journal: a lock file next to the journal, held while the till runs (Windows and Linux).

Qt's ``QLockFile`` writes the owner's process id, host and application name into the file and
treats a lock whose owner died (a power cut, a crash) as stale, so a till that did not shut down
cleanly starts again without anyone deleting the file by hand.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile


def lock_path(journal_path: Path) -> Path:
    return journal_path.with_name(journal_path.name + ".lock")


class TillLock:
    """``acquire`` is False when another running till holds this journal."""

    def __init__(self, journal_path: Path) -> None:
        self.path = lock_path(journal_path)
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # stale only when its owner is gone, never by age

    def acquire(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return bool(self._lock.tryLock(0))

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()

    def __enter__(self) -> TillLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
