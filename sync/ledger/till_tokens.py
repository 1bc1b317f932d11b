"""Till tokens the ledger has checked recently, so a busy till's every push does not cost a
database round trip (and a connection) before its body is read.

A token stays trusted for ``ttl`` seconds after it was checked. That bounds how long a disabled
till can still read its snapshot; its pushes are refused at once, because each push re-reads the
till's row (``active``) in the transaction that would store its entries. Unknown tokens are never
kept: every wrong guess costs a lookup, as before.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable

from sync.ledger.records import TillRecord

Lookup = Callable[[str], TillRecord | None]


class TillTokens:
    def __init__(
        self,
        lookup: Lookup,
        *,
        ttl: float = 10.0,
        monotonic: Callable[[], float] = time.monotonic,
        size: int = 10_000,
    ) -> None:
        self._lookup = lookup
        self._ttl = ttl
        self._monotonic = monotonic
        self._size = size
        self._known: dict[bytes, tuple[float, TillRecord]] = {}  # token digest -> (checked at, till)
        self._lock = threading.Lock()

    @staticmethod
    def _key(token: str) -> bytes:
        return hashlib.sha256(token.encode("utf-8", "surrogatepass")).digest()

    def cached(self, token: str) -> TillRecord | None:
        """The till of a token checked less than ``ttl`` seconds ago; None otherwise (no I/O)."""
        with self._lock:
            known = self._known.get(self._key(token))
        if known is None or self._monotonic() - known[0] >= self._ttl:
            return None
        return known[1]

    def __call__(self, token: str) -> TillRecord | None:
        """The token's till, from the database unless it was checked less than ``ttl`` seconds ago."""
        record = self.cached(token)
        if record is not None:
            return record
        checked_at = self._monotonic()
        record = self._lookup(token)
        if record is not None:
            with self._lock:
                if len(self._known) >= self._size:
                    self._known.clear()
                self._known[self._key(token)] = (checked_at, record)
        return record

    def forget(self) -> None:
        """Check every token again (a till was enrolled again or disabled here)."""
        with self._lock:
            self._known.clear()
