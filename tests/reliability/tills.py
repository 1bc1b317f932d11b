"""Real tills for the reliability tests: journal, sync client and checkout wired like ``open_till``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pos_app.checkout import Checkout, SaleResult
from pos_app.core.cart import Cart
from pos_app.core.catalogue import Item
from pos_app.core.tenders import Tenders
from pos_app.journal.store import Journal
from reliability.world import Programme
from sync.client import SyncClient
from sync.shared.cards.keys import load_public_key_hex

SERVICE = Item("S01", "세탁", 0, open_price=True, taxable=True)


@dataclass
class Till:
    till_id: str
    journal: Journal
    client: SyncClient
    checkout: Checkout

    def sell(self, payload: str, points: int, *, scan: bool = True) -> SaleResult:
        card = self.checkout.scan(payload)
        cart = Cart().add(SERVICE, price=points)
        return self.checkout.pay(cart, Tenders(points=points), card, "s001")

    def close(self) -> None:
        self.journal.close()


def open_test_till(programme: Programme, till_id: str, url: str, workdir: Path) -> Till:
    journal = Journal(workdir / f"{till_id}.sqlite3", till_id)
    client = SyncClient(url, till_id, programme.tokens[till_id], journal, request_timeout=10)
    checkout = Checkout(
        journal,
        issuer_public_key=load_public_key_hex(programme.issuer_public_hex),
        link=client,
        auth_timeout=5,
    )
    return Till(till_id, journal, client, checkout)
