"""A shop's till for the manager's tools: real journal, checkout, staff roster and demo catalogue."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from pos_app.catalogue_store import CatalogueStore
from pos_app.checkout import Checkout, SaleResult
from pos_app.core.cart import Cart
from pos_app.core.tenders import Tenders
from pos_app.demo_catalogue import DEMO_CATEGORIES, DEMO_ITEMS
from pos_app.journal.store import Journal
from pos_app.staff import StaffRoster
from sync.shared.cards.keys import new_issuer_key
from sync.shared.cards.number import make_card_number
from sync.shared.cards.token import CardToken, sign_card

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

NOW = dt.datetime(2026, 11, 25, 3, 0, tzinfo=dt.UTC)  # 12:00 in Seoul
DAY = dt.date(2026, 11, 25)
MANAGER_PIN = "2580"
CASHIER_PIN = "1111"


@dataclass
class Shop:
    journal: Journal
    checkout: Checkout
    roster: StaffRoster
    catalogue: CatalogueStore
    issuer: Ed25519PrivateKey
    clock: list[dt.datetime]

    def item(self, sku: str):
        found = self.catalogue.item(sku)
        assert found is not None
        return found

    def sell(
        self, *skus: str, cash: int = 0, card: int = 0, points: int = 0, card_serial: int = 1
    ) -> SaleResult:
        cart = Cart()
        for sku in skus:
            cart = cart.add(self.item(sku))
        view = self.checkout.scan(self.payload(card_serial)) if points else None
        result = self.checkout.pay(
            cart,
            Tenders(
                points=points, bank_card=card, cash_received=cash, approval_no="12345678" if card else None
            ),
            view,
            "s002",
        )
        assert result.approved, result.code
        return result

    def payload(self, serial: int) -> str:
        return sign_card(CardToken(make_card_number(serial), 1, dt.date(2026, 12, 31)), self.issuer)

    def load_cards(self, balances: dict[int, int]) -> None:
        cards = [
            {
                "number": make_card_number(s),
                "masked_name": "홍*동",
                "balance": b,
                "status": "active",
                "issue": 1,
                "version": 1,
            }
            for s, b in balances.items()
        ]
        self.journal.apply_snapshot(cards, 1, full=True, at=self.clock[0])


@pytest.fixture
def shop(tmp_path):
    clock = [NOW]
    journal = Journal(tmp_path / "till.sqlite3", "cafe1-1", clock=lambda: clock[0])
    issuer = new_issuer_key()
    checkout = Checkout(journal, issuer_public_key=issuer.public_key())
    roster = StaffRoster(journal)
    roster.add("김매니저", "manager", MANAGER_PIN)
    roster.add("이계산", "cashier", CASHIER_PIN)
    catalogue = CatalogueStore(journal)
    catalogue.seed(DEMO_CATEGORIES, DEMO_ITEMS)
    yield Shop(journal, checkout, roster, catalogue, issuer, clock)
    journal.close()


@pytest.fixture
def runtime(tmp_path, shop):
    """A real TillRuntime over the shop's journal (sync not started: the ledger is not needed here)."""
    from pos_app.config import TillConfig
    from pos_app.runtime import compose
    from sync.client import SyncClient

    config = TillConfig(
        till_id="cafe1-1",
        shop_id="cafe1",
        ledger_url="http://127.0.0.1:9",
        token="t" * 32,
        data_dir=str(tmp_path),
        receipt_dir=str(tmp_path / "receipts"),
    )
    client = SyncClient(config.ledger_url, config.till_id, config.token, shop.journal)
    runtime = compose(config, shop.journal, client, shop.checkout, clock=lambda: shop.clock[0])
    # One roster and one catalogue, as in the till: the shop's helpers use the runtime's services.
    shop.roster, shop.catalogue = runtime.roster, runtime.catalogue
    return runtime


@pytest.fixture
def manager_window(qtbot, runtime, shop):
    from pos_app.ui.manager import ManagerWindow, install_translator

    install_translator(language="ko")
    manager = shop.roster.sign_in("s001", MANAGER_PIN)
    window = ManagerWindow(runtime, manager)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    yield window
    background_done(qtbot)  # nothing started by a test may report back into the next one


def background_done(qtbot, timeout: int = 10_000) -> None:
    """Wait until the screens' work off the UI thread (Z report, exports) has reported back."""
    from pos_app.ui.background import pending

    qtbot.waitUntil(lambda: pending() == 0, timeout=timeout)
