"""A till with a journal, an issuer key and a loaded card snapshot, for payment-service tests."""

import datetime as dt
from dataclasses import dataclass

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from pos_app.checkout import Checkout
from pos_app.journal.store import Journal
from sync.shared.cards.keys import new_issuer_key
from sync.shared.cards.number import make_card_number
from sync.shared.cards.token import CardToken, sign_card

NOW = dt.datetime(2026, 11, 25, 3, 0, tzinfo=dt.UTC)  # 12:00 in Seoul


@dataclass
class TillFixture:
    journal: Journal
    issuer: Ed25519PrivateKey
    checkout: Checkout
    clock: list[dt.datetime]

    def payload(self, serial: int, issue: int = 1, expires: dt.date = dt.date(2026, 12, 31)) -> str:
        return sign_card(CardToken(make_card_number(serial), issue, expires), self.issuer)

    def load_cards(self, balances: dict[int, int], at: dt.datetime = NOW, status: str = "active") -> None:
        cards = [
            {
                "number": make_card_number(s),
                "masked_name": "홍*동",
                "balance": b,
                "status": status,
                "issue": 1,
                "version": 1,
            }
            for s, b in balances.items()
        ]
        self.journal.apply_snapshot(cards, 1, full=True, at=at)


@pytest.fixture
def till(tmp_path):
    clock = [NOW]
    journal = Journal(tmp_path / "till.sqlite3", "cafe1-1", clock=lambda: clock[0])
    issuer = new_issuer_key()
    checkout = Checkout(journal, issuer_public_key=issuer.public_key())
    yield TillFixture(journal, issuer, checkout, clock)
    journal.close()
