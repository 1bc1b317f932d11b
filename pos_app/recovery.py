"""`allive-pos recover`: rebuild a till's journal from the ledger (no Qt here).

The ledger holds every entry it acknowledged, exactly as the till wrote it. A journal lost, truncated
or restored from an older copy is rebuilt from them: the old file is kept beside it (never deleted),
a fresh journal receives the ledger's entries verbatim with their answers, and its chain is verified.

Local entries the ledger never acknowledged (sold after the backup was taken, or on a journal that
forked from the ledger's) are not silently dropped or merged: they stay in the kept file, and only
with ``--keep-unacknowledged`` are they appended again, re-sequenced after the ledger's head, with
their references mapped to the new ids. Either way one ``recovery`` entry records what was done, by
whom and from which file: the recovery itself reaches the ledger as an audited entry.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import sqlite3
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import requests

from pos_app.journal.store import Journal
from sync.protocol import StoredEntry, TillEntriesResponse
from sync.shared.chain import JournalEntry
from sync.shared.clock import Clock, utc_now

# Settings that describe the journal's sync state: rebuilt, never carried over.
SYNC_SETTINGS = (
    "acked_through",
    "snapshot_version",
    "snapshot_at",
    "snapshot_acked_through",
    "journal_behind",
)


class RecoveryFailed(Exception):
    """The ledger could not be read or the rebuilt journal does not verify; nothing was replaced."""


@dataclass(frozen=True)
class RecoveryReport:
    restored: int  # entries rebuilt from the ledger
    kept_file: Path | None  # where the old journal now is (None: there was none)
    unacknowledged: int  # local entries the ledger never had
    resequenced: int  # of those, appended again (``keep_unacknowledged``)


Fetch = Callable[[int], TillEntriesResponse]


class JournalLock(Protocol):
    """The till's one-till-per-journal lock (``pos_app.till_lock.TillLock``, given by ``allive-pos``)."""

    def acquire(self) -> bool: ...

    def release(self) -> None: ...


def ledger_pages(base_url: str, till_id: str, token: str, timeout: float = 30.0) -> Fetch:
    """Read one page of the till's acknowledged entries after a sequence (its own token only)."""
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"

    def fetch(after: int) -> TillEntriesResponse:
        url = f"{base_url.rstrip('/')}/v1/tills/{till_id}/entries"
        try:
            response = session.get(url, params={"after": after}, timeout=timeout)
        except requests.RequestException as exc:
            raise RecoveryFailed(f"the ledger cannot be reached: {exc}") from exc
        if response.status_code != 200:
            raise RecoveryFailed(f"the ledger refused: HTTP {response.status_code} {response.text[:200]}")
        return TillEntriesResponse.model_validate(response.json())

    return fetch


def ledger_entries(fetch: Fetch) -> list[StoredEntry]:
    found: list[StoredEntry] = []
    while True:
        page = fetch(found[-1].entry.seq if found else 0)
        found.extend(page.entries)
        if not page.more or not page.entries:
            return found


def _local_state(path: Path, till_id: str) -> tuple[list[JournalEntry], dict[str, str]]:
    """What the old journal still holds (entries, settings); a journal too broken to read holds nothing."""
    if not path.exists():
        return [], {}
    try:
        journal = Journal(path, till_id, verify=False)
    except Exception:  # a corrupt file: it is kept aside, and the ledger's copy rebuilds it
        return [], {}
    try:
        settings = dict(journal.query("SELECT key, value FROM setting"))
        return journal.entries(), {str(k): str(v) for k, v in settings.items()}
    finally:
        journal.close()


def _keep_aside(path: Path, clock: Clock) -> Path | None:
    if not path.exists():
        return None
    stamp = clock().astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = path.with_name(f"{path.stem}.before-recover-{stamp}{path.suffix}")
    for suffix in ("-wal", "-shm"):
        side = Path(f"{path}{suffix}")
        if side.exists():
            side.rename(Path(f"{kept}{suffix}"))
    path.rename(kept)
    return kept


def _write_ledger_copy(
    path: Path, till_id: str, stored: Sequence[StoredEntry], settings: dict[str, str], now: str
) -> None:
    Journal(path, till_id, verify=False).close()  # the schema
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("BEGIN IMMEDIATE")
        db.executemany(
            "INSERT INTO entry (seq, id, till_id, ts, type, payload, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)",
            [
                (
                    s.entry.seq,
                    s.entry.id,
                    s.entry.till_id,
                    s.entry.ts,
                    s.entry.type,
                    json.dumps(s.entry.payload, ensure_ascii=False),
                    s.entry.prev_hash,
                    s.entry.hash,
                )
                for s in stored
            ],
        )
        db.executemany(
            "INSERT INTO ack (seq, status, reason, card_balance, acked_at) VALUES (?,?,?,?,?)",
            [(s.entry.seq, s.outcome, s.reason, s.card_balance, now) for s in stored],
        )
        kept = {k: v for k, v in settings.items() if k not in SYNC_SETTINGS}
        kept["acked_through"] = str(stored[-1].entry.seq if stored else 0)
        db.executemany("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", sorted(kept.items()))
        db.execute("COMMIT")
    finally:
        db.close()


def recover(
    path: Path,
    till_id: str,
    fetch: Fetch,
    *,
    keep_unacknowledged: bool = False,
    operator: str = "",
    clock: Clock = utc_now,
) -> RecoveryReport:
    """Rebuild the journal at ``path`` from the ledger; see the module's docstring."""
    stored = ledger_entries(fetch)
    for expected, s in enumerate(stored, start=1):
        if s.entry.seq != expected or s.entry.till_id != till_id:
            raise RecoveryFailed(f"the ledger's copy is not a chain from 1 (entry {s.entry.seq})")
    local, settings = _local_state(path, till_id)
    on_ledger = {s.entry.id for s in stored}
    lost = [e for e in local if e.id not in on_ledger]
    kept = _keep_aside(path, clock)
    now = clock().isoformat()
    try:
        _write_ledger_copy(path, till_id, stored, settings, now)
        journal = Journal(path, till_id, clock=clock)  # verifies the rebuilt chain
    except Exception as exc:
        path.unlink(missing_ok=True)
        if kept is not None:
            kept.rename(path)
        raise RecoveryFailed(f"the rebuilt journal does not verify: {exc}") from exc
    try:
        moved: list[dict[str, Any]] = []
        dropped: list[int] = []
        if keep_unacknowledged:
            moved, dropped = _append_again(journal, lost)
        journal.append_raw(
            "recovery",
            {
                "by": operator[:64],
                "from_ledger": len(stored),
                "kept_file": kept.name if kept else "",
                "unacknowledged": len(lost),
                "resequenced": moved,
                "dropped": dropped,
            },
        )
    finally:
        journal.close()
    return RecoveryReport(len(stored), kept, len(lost), len(moved))


def _append_again(journal: Journal, lost: Sequence[JournalEntry]) -> tuple[list[dict[str, Any]], list[int]]:
    """Append lost local entries again after the ledger's head. An online sale the ledger never
    acknowledged was never accepted online: it comes back as the offline sale it became when a
    fallback followed it, and is dropped (with its rejection or cancellation) otherwise."""
    fallen_back = {e.payload.get("ref") for e in lost if e.type == "sale_fallback"}
    online = {e.id for e in lost if e.type == "sale" and e.payload.get("auth") == "online"}
    new_ids: dict[str, str] = {}
    moved: list[dict[str, Any]] = []
    dropped: list[int] = []
    for entry in lost:
        payload = dict(entry.payload)
        if entry.id in online and entry.id not in fallen_back:
            dropped.append(entry.seq)
            continue
        if entry.id in online:
            payload["auth"] = "offline"
        if (
            entry.type in ("sale_rejected", "sale_cancelled", "sale_fallback")
            and payload.get("ref") in online
        ):
            dropped.append(entry.seq)
            continue
        if isinstance(payload.get("ref"), str) and payload["ref"] in new_ids:
            payload["ref"] = new_ids[payload["ref"]]
        again = journal.append_raw(entry.type, payload, at=dt.datetime.fromisoformat(entry.ts))
        new_ids[entry.id] = again.id
        moved.append({"old_seq": entry.seq, "old_id": entry.id, "new_seq": again.seq, "new_id": again.id})
    return moved, dropped


TILL_OPEN = 4  # the exit status of a refusal because the till runs (as for a second till start)


def run(
    argv: Sequence[str],
    load_config: Callable[[Path], Any],
    *,
    lock: Callable[[Path], JournalLock],
    refused: Callable[[str], str],
) -> int:
    """``allive-pos recover [--config till.json] [--keep-unacknowledged] [--language ko|en]``.

    It takes the till's own lock on the journal (``lock(journal_path)``) for the whole rebuild: while
    the till runs, it changes nothing, prints ``refused(language)`` and exits with ``TILL_OPEN``; and
    a till started meanwhile is refused until the recovery is done."""
    parser = argparse.ArgumentParser(prog="allive-pos recover", description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=Path("till.json"))
    parser.add_argument(
        "--keep-unacknowledged",
        action="store_true",
        help="append local entries the ledger never acknowledged again, re-sequenced (audited)",
    )
    parser.add_argument("--language", choices=["ko", "en"], help="override the settings file's language")
    args = parser.parse_args(list(argv))
    try:
        config = load_config(args.config)
    except Exception as exc:  # ConfigError or an unreadable file: say it and stop
        print(f"allive-pos recover: {exc}")
        return 2
    held = lock(config.journal_path)
    if not held.acquire():
        print(f"allive-pos recover: {refused(args.language or config.language)}", file=sys.stderr)
        return TILL_OPEN
    try:
        report = recover(
            config.journal_path,
            config.till_id,
            ledger_pages(config.ledger_url, config.till_id, config.token),
            keep_unacknowledged=args.keep_unacknowledged,
            operator=getpass.getuser(),
        )
    except RecoveryFailed as exc:
        print(f"allive-pos recover: {exc}")
        return 2
    finally:
        held.release()
    print(f"journal rebuilt from the ledger: {report.restored} entries")
    if report.kept_file is not None:
        print(f"the old journal is kept as {report.kept_file}")
    if report.unacknowledged:
        done = "appended again" if report.resequenced else "left in the kept file (use --keep-unacknowledged)"
        print(f"{report.unacknowledged} local entries the ledger never had: {done}")
    return 0
