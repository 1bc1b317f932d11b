"""The till's composition root: every service built once from one settings file and handed to the screens."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pos_app.catalogue_store import CatalogueStore
from pos_app.checkout import Checkout
from pos_app.config import TillConfig
from pos_app.core.offline_rules import OfflineLimits
from pos_app.journal.store import Journal
from pos_app.manager.dayclose import DayCloseBook
from pos_app.manager.queries import SalesQueries
from pos_app.manager.settings import ShopSettings, ShopSettingsStore
from pos_app.printing import pdf_process as pdf_helper
from pos_app.staff import StaffRoster
from sync.client import SyncClient
from sync.shared.cards.keys import load_public_key_hex
from sync.shared.clock import utc_now

if TYPE_CHECKING:
    from pos_app.receipts import ReceiptDesk

DEFAULT_REFUND_WINDOW = dt.timedelta(hours=24)


@dataclass
class TillRuntime:
    """A running till's services; the windows receive this and build none of their own."""

    config: TillConfig
    journal: Journal
    sync: SyncClient
    checkout: Checkout
    clock: Callable[[], dt.datetime]
    roster: StaffRoster
    catalogue: CatalogueStore
    settings: ShopSettingsStore
    queries: SalesQueries
    day_close: DayCloseBook
    receipts: ReceiptDesk = field(init=False)

    def shop_header(self) -> dict[str, str]:
        """The receipt header pulled from the ledger (empty until the first snapshot)."""
        raw = self.journal.setting("shop")
        return json.loads(raw) if raw else {}

    def close(self) -> None:
        self.sync.stop()
        self.journal.close()
        pdf_helper.shutdown()


def _ledger_limits(journal: Journal) -> dict[str, Any] | None:
    raw = journal.setting("limits")
    return json.loads(raw) if raw else None


def limits_from(journal: Journal) -> OfflineLimits:
    """The offline limits the ledger last sent; the defaults of §6 until then."""
    data = _ledger_limits(journal)
    if not data:
        return OfflineLimits()
    return OfflineLimits(
        card_daily_cap=int(data["offline_card_daily_cap"]),
        till_cap=int(data["offline_till_cap"]),
        snapshot_max_age=dt.timedelta(seconds=int(data["snapshot_max_age_seconds"])),
    )


def refund_window_from(journal: Journal) -> dt.timedelta:
    """How long after a sale the till may refund it: the ledger's ``refund_window_minutes``, else 24 h."""
    data = _ledger_limits(journal)
    if not data or data.get("refund_window_minutes") is None:
        return DEFAULT_REFUND_WINDOW
    return dt.timedelta(minutes=int(data["refund_window_minutes"]))


def compose(
    config: TillConfig,
    journal: Journal,
    sync: SyncClient,
    checkout: Checkout,
    *,
    clock: Callable[[], dt.datetime] | None = None,
) -> TillRuntime:
    """Wire the services over one journal: one roster (its PIN lock-outs), one catalogue cache, one
    settings store, one report reader, one day-close book and one receipt desk for every window."""
    from pos_app.receipts import ReceiptDesk  # receipts reads TillRuntime: imported once both exist

    clock = clock or checkout.clock
    settings = ShopSettingsStore(journal)
    queries = SalesQueries(journal)
    runtime = TillRuntime(
        config=config,
        journal=journal,
        sync=sync,
        checkout=checkout,
        clock=clock,
        roster=StaffRoster(journal),
        catalogue=CatalogueStore(journal),
        settings=settings,
        queries=queries,
        day_close=DayCloseBook(
            journal,
            initial_float=lambda: settings.current(ShopSettings()).initial_float,
            clock=clock,
            queries=queries,
        ),
    )
    runtime.receipts = ReceiptDesk(runtime, settings)
    return runtime


def open_till(
    config: TillConfig, *, start_sync: bool = True, clock: Callable[[], dt.datetime] | None = None
) -> TillRuntime:
    """Open the journal (verifying its chain: raises ``JournalCorrupt``) and wire the services.
    ``clock`` stamps the till's entries (the wall clock unless given)."""
    journal = Journal(config.journal_path, config.till_id, clock=clock or utc_now)
    if config.issuer_public_key and not journal.setting("issuer_public_key"):
        journal.set_setting("issuer_public_key", config.issuer_public_key)
    client = SyncClient(config.ledger_url, config.till_id, config.token, journal)
    # The settings file's key only bootstraps: once synced, the ledger's keyring decides.
    key = journal.setting("issuer_public_key") or config.issuer_public_key or ""
    checkout = Checkout(
        journal,
        issuer_public_key=load_public_key_hex(key) if key else None,
        limits=lambda: limits_from(journal),
        link=client,
        refund_window=lambda: refund_window_from(journal),
    )
    # Every entry (sales, menu changes, day closes) wakes the background sync; it never blocks.
    journal.on_append.append(lambda _entry: client.wake())
    checkout.resolve_interrupted()
    if start_sync:
        client.start()
    return compose(config, journal, client, checkout)
