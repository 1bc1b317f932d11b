"""The till's sync client: pushes the journal's outbox, pulls card snapshots, authorises sales online.

Runs a background thread that never blocks the cashier; online authorisation is the one call the
UI thread waits on, and only for ``timeout`` seconds (ARCHITECTURE §5).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import random
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import requests

from pos_app.checkout import AuthAnswer
from pos_app.journal.store import Ack, Journal
from sync.protocol import EntryStatus, PushRequest, PushResponse, SnapshotResponse, WireEntry
from sync.shared.chain import JournalEntry
from sync.shared.clock import utc_now

log = logging.getLogger(__name__)

BACKOFF_MIN = 1.0
BACKOFF_MAX = 300.0


class LedgerUnavailable(Exception):
    """The ledger did not answer usefully; try again later."""


class LedgerRefused(Exception):
    """The ledger refused this till (token, shop or request): retrying will not help; someone must act."""


@dataclass(frozen=True)
class SyncStatus:
    online: bool
    outbox: int
    last_sync: dt.datetime | None  # the last exchange with the ledger that succeeded (UTC)
    last_error: str | None
    alert: str | None  # a problem someone must act on (token refused, entry invalid)
    # The ledger's time minus this PC's at the last snapshot (None before the first one).
    clock_skew: dt.timedelta | None = None
    journal_behind: bool = False  # the ledger holds entries this journal lacks: recover first

    @property
    def clock_wrong(self) -> bool:
        """The PC clock is off by more than the ledger believes a till (its offline-claim bound)."""
        return self.clock_skew is not None and abs(self.clock_skew) > CLOCK_SKEW_WARNING


CLOCK_SKEW_WARNING = dt.timedelta(minutes=15)


def backoff_delay(
    attempt: int, rng: random.Random, low: float = BACKOFF_MIN, high: float = BACKOFF_MAX
) -> float:
    """Exponential back-off with jitter: about 1 s, 2 s, 4 s ... capped at 5 minutes."""
    ceiling = min(high, low * (2 ** min(attempt, 20)))
    return max(low, rng.uniform(ceiling / 2, ceiling))


class SyncClient:
    def __init__(
        self,
        base_url: str,
        till_id: str,
        token: str,
        journal: Journal,
        *,
        batch_size: int = 500,
        pull_interval: float = 30.0,
        request_timeout: float = 10.0,
        rng: random.Random | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.till_id = till_id
        self._token = token
        self.journal = journal
        self.batch_size = batch_size
        self.pull_interval = pull_interval
        self.request_timeout = request_timeout
        self._rng = rng or random.Random()
        self._local = threading.local()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._online = False
        self._last_failure = 0.0
        self._last_sync: dt.datetime | None = None
        self._clock_skew: dt.timedelta | None = None
        self._last_error: str | None = None
        self._alert: str | None = None
        self._push_lock = threading.Lock()
        # Set when the ledger holds more of this till's journal than the journal itself (restored
        # from an old copy, truncated, lost): no points are sold until `allive-pos recover`.
        self.journal_behind: str | None = journal.setting("journal_behind")

    def __repr__(self) -> str:  # never show the token
        return f"SyncClient({self.base_url!r}, till={self.till_id!r})"

    # -- HTTP ---------------------------------------------------------------------------------
    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.headers["Authorization"] = f"Bearer {self._token}"
            session.headers["User-Agent"] = f"allive-pos/{self.till_id}"
            self._local.session = session
        return session

    def _request(self, method: str, path: str, timeout: float, body: Any = None) -> Any:
        url = f"{self.base_url}{path}"
        try:
            response = self._session().request(method, url, json=body, timeout=timeout)
        except requests.RequestException as exc:
            self._mark_offline(f"{type(exc).__name__}")
            raise LedgerUnavailable(str(exc)) from exc
        if response.status_code >= 500 or response.status_code == 429:
            self._mark_offline(f"HTTP {response.status_code}")
            raise LedgerUnavailable(f"HTTP {response.status_code}")
        if response.status_code >= 400:
            detail = response.text[:300]
            self._alert = f"ledger refused {method} {path}: HTTP {response.status_code} {detail}"
            log.error("ledger refused %s %s: HTTP %s %s", method, path, response.status_code, detail)
            raise LedgerRefused(self._alert)
        self._online = True
        self._last_error = None
        return response.json()

    def _mark_offline(self, why: str) -> None:
        if self._online:
            log.warning("ledger unreachable: %s", why)
        self._online = False
        self._last_failure = time.monotonic()
        self._last_error = why

    def _recently_failed(self, window: float = 5.0) -> bool:
        return bool(
            not self._online and self._last_failure and time.monotonic() - self._last_failure < window
        )

    # -- push -----------------------------------------------------------------------------------
    def _push(self, entries: Sequence[JournalEntry], timeout: float, urgent: bool = False) -> PushResponse:
        request = PushRequest(entries=[WireEntry(**e.to_wire()) for e in entries], urgent=urgent)
        raw = self._request(
            "POST", f"/v1/tills/{self.till_id}/entries", timeout, json.loads(request.model_dump_json())
        )
        response = PushResponse.model_validate(raw)
        self._check_head(response.applied_through, response.head_hash)
        self._record(response)
        if any(r.status not in (EntryStatus.HELD, EntryStatus.INVALID) for r in response.results):
            self._last_sync = utc_now()  # the ledger took entries: a real exchange
        return response

    def _record(self, response: PushResponse) -> None:
        acks = []
        for result in response.results:
            if result.status is EntryStatus.HELD:
                continue
            if result.status is EntryStatus.INVALID:
                self._alert = f"ledger refused entry {result.seq}: {result.reason}"
                log.error("ledger marked entry %s invalid: %s", result.seq, result.reason)
                continue
            acks.append(Ack(result.seq, result.outcome, result.reason, result.card_balance))
        self.journal.record_acks(acks)

    def _check_head(self, applied: int | None, head_hash: str | None) -> None:
        """Compare the ledger's acknowledged head with the journal: a journal that ends before it,
        or holds other content there, is behind the ledger."""
        if applied is None or self.journal_behind:
            return
        local = self.journal.last_seq()
        acked = self.journal.acked_through()
        if applied < acked and self._same_entry(applied, head_hash):
            # The ledger was restored from a backup: it lacks entries it had acknowledged. They
            # are here, chained: send them again (nothing is lost, and nothing counts twice).
            log.warning(
                "the ledger holds entries up to %s of the %s it acknowledged: sending again", applied, acked
            )
            self.journal.resend(applied, acked)
            return
        if applied >= acked:
            self.journal.resend_done()
        if applied > local:
            why = f"the journal ends at entry {local} but the ledger holds {applied}"
        elif applied and head_hash is not None:
            mine = self.journal.entries(applied - 1, limit=1)
            if mine and mine[0].hash == head_hash:
                return
            why = f"the journal's entry {applied} is not the one the ledger holds"
        else:
            return
        self.journal_behind = why
        self._alert = f"journal behind the ledger: {why}; run `allive-pos recover`"
        log.error("journal behind the ledger: %s; points are refused until it is recovered", why)
        # Offline points need a fresh snapshot: mark ours stale, and remember across restarts.
        self.journal.set_setting("journal_behind", why)
        self.journal.set_setting("snapshot_at", "1970-01-01T00:00:00+00:00")

    def _same_entry(self, seq: int, head_hash: str | None) -> bool:
        """The ledger's head ``seq`` (with ``head_hash``) is this journal's entry ``seq``."""
        if seq == 0:
            return True
        mine = self.journal.entries(seq - 1, limit=1)
        return bool(mine) and head_hash is not None and mine[0].hash == head_hash

    def push_once(self, timeout: float | None = None) -> int:
        """Push the next batch of the outbox; returns how many entries the ledger acknowledged."""
        if self.journal_behind:
            raise LedgerRefused(f"journal behind the ledger: {self.journal_behind}")
        with self._push_lock:
            batch = self.journal.outbox(self.batch_size)
            if not batch:
                return 0
            response = self._push(batch, timeout or self.request_timeout)
        done = sum(1 for r in response.results if r.status not in (EntryStatus.HELD, EntryStatus.INVALID))
        if done == 0:
            # Nothing moved (all held or invalid): stop here rather than spin on the same batch.
            raise LedgerUnavailable("no entry of the batch was applied")
        return done

    def drain(self, timeout: float | None = None) -> int:
        """Push until the outbox is empty; returns the number of entries acknowledged.

        An empty outbox asks the ledger nothing, so it records no sync: only an exchange that
        succeeded (entries acknowledged here, or a snapshot pulled) moves ``last_sync``."""
        total = 0
        while True:
            done = self.push_once(timeout)
            if done == 0:
                return total
            total += done

    # -- pull -----------------------------------------------------------------------------------
    def pull_snapshot(self, timeout: float | None = None) -> SnapshotResponse:
        """Pull card changes since our version (everything the first time) and the shop's settings."""
        acked_before = self.journal.acked_through()
        since = self.journal.snapshot_version()
        raw = self._request(
            "GET", f"/v1/tills/{self.till_id}/snapshot?since={since}", timeout or self.request_timeout
        )
        snapshot = SnapshotResponse.model_validate(raw)
        if snapshot.server_time.tzinfo is not None:
            self._clock_skew = snapshot.server_time - self.journal.clock()
        self._check_head(snapshot.applied_through, snapshot.head_hash)
        if self.journal_behind:
            raise LedgerRefused(f"journal behind the ledger: {self.journal_behind}")
        self.journal.apply_snapshot(
            [card.model_dump() for card in snapshot.cards],
            snapshot.version,
            full=snapshot.full,
            at=snapshot.server_time if snapshot.server_time.tzinfo else utc_now(),
        )
        # The snapshot reflects every entry the ledger had applied before we asked: the offline rules
        # count only later ones against the snapshot balance.
        self.journal.set_setting("snapshot_acked_through", str(acked_before))
        self.journal.set_setting("issuer_public_key", snapshot.issuer_public_key)
        if snapshot.issuer_keys:  # the keyring of every year whose cards can still be spent
            self.journal.set_setting("issuer_keys", json.dumps(snapshot.issuer_keys, sort_keys=True))
        self.journal.set_setting("limits", snapshot.limits.model_dump_json())
        self.journal.set_setting("shop", json.dumps(snapshot.shop, ensure_ascii=False))
        self._last_sync = utc_now()
        return snapshot

    def sync_now(self, timeout: float | None = None) -> None:
        """Push everything, then pull: what the background thread does each round."""
        self.drain(timeout)
        self.pull_snapshot(timeout)

    # -- LedgerLink (used by pos_app.checkout) --------------------------------------------------
    def authorise(self, entry: JournalEntry, timeout: float) -> AuthAnswer:
        if self.journal_behind:
            return AuthAnswer("rejected", "journal_behind_ledger")
        if self._recently_failed():
            return AuthAnswer("unavailable")
        pending = self.journal.outbox(self.batch_size)
        if not pending or pending[-1].seq < entry.seq:
            return AuthAnswer("unavailable")  # a long backlog is still draining: offline rules decide
        batch = [e for e in pending if e.seq <= entry.seq]
        try:
            response = self._push(batch, timeout, urgent=True)
        except (LedgerUnavailable, LedgerRefused):
            return AuthAnswer("unavailable")
        for result in response.results:
            if result.id != entry.id:
                continue
            if result.outcome == "accepted":
                return AuthAnswer("accepted", None, result.card_balance)
            if result.outcome == "rejected":
                return AuthAnswer("rejected", result.reason, result.card_balance)
        return AuthAnswer("unavailable")

    def refresh_cards(self, timeout: float) -> bool:
        if self._recently_failed():
            return False
        try:
            self.pull_snapshot(timeout)
        except (LedgerUnavailable, LedgerRefused):
            return False
        return True

    def wake(self) -> None:
        self._wake.set()

    def reachable(self) -> bool:
        # A journal behind the ledger asks the ledger (which refuses) rather than selling offline.
        return bool(self.journal_behind) or not self._recently_failed()

    # -- background -----------------------------------------------------------------------------
    def status(self) -> SyncStatus:
        return SyncStatus(
            self._online,
            self.journal.outbox_size(),
            self._last_sync,
            self._last_error,
            self._alert,
            self._clock_skew,
            bool(self.journal_behind),
        )

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="allive-sync", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        attempt = 0
        while not self._stop.is_set():
            try:
                self.sync_now()
                attempt = 0
                self._wake.wait(self.pull_interval)
                self._wake.clear()
            except (LedgerUnavailable, LedgerRefused) as exc:
                delay = backoff_delay(attempt, self._rng)
                attempt += 1
                log.info("sync failed (%s); next try in %.1f s", exc, delay)
                self._stop.wait(delay)
            except Exception:  # keep selling: log loudly, try again later
                log.exception("sync round crashed")
                self._stop.wait(backoff_delay(attempt, self._rng))
                attempt += 1
