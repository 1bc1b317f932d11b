"""Composition of a running till: journal, sync client and payment service from one settings file."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from pos_app.checkout import Checkout
from pos_app.config import TillConfig
from pos_app.core.offline_rules import OfflineLimits
from pos_app.journal.store import Journal
from sync.client import SyncClient
from sync.shared.cards.keys import load_public_key_hex


@dataclass
class TillRuntime:
    config: TillConfig
    journal: Journal
    sync: SyncClient
    checkout: Checkout

    def shop_header(self) -> dict[str, str]:
        """The receipt header pulled from the ledger (empty until the first snapshot)."""
        raw = self.journal.setting("shop")
        return json.loads(raw) if raw else {}

    def close(self) -> None:
        self.sync.stop()
        self.journal.close()


def limits_from(journal: Journal) -> OfflineLimits:
    """The offline limits the ledger last sent; the defaults of §6 until then."""
    raw = journal.setting("limits")
    if not raw:
        return OfflineLimits()
    data = json.loads(raw)
    return OfflineLimits(
        card_daily_cap=int(data["offline_card_daily_cap"]),
        till_cap=int(data["offline_till_cap"]),
        snapshot_max_age=dt.timedelta(seconds=int(data["snapshot_max_age_seconds"])),
    )


def open_till(config: TillConfig, *, start_sync: bool = True) -> TillRuntime:
    """Open the journal (verifying its chain: raises ``JournalCorrupt``) and wire the services."""
    journal = Journal(config.journal_path, config.till_id)
    if config.issuer_public_key and not journal.setting("issuer_public_key"):
        journal.set_setting("issuer_public_key", config.issuer_public_key)
    client = SyncClient(config.ledger_url, config.till_id, config.token, journal)
    key = config.issuer_public_key or journal.setting("issuer_public_key") or ""
    checkout = Checkout(
        journal,
        issuer_public_key=load_public_key_hex(key) if key else None,
        limits=lambda: limits_from(journal),
        link=client,
    )
    # Every entry (sales, menu changes, day closes) wakes the background sync; it never blocks.
    journal.on_append.append(lambda _entry: client.wake())
    checkout.resolve_interrupted()
    if start_sync:
        client.start()
    return TillRuntime(config, journal, client, checkout)
