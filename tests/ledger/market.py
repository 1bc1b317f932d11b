"""A small ALL-LIVE market for the office's oversight tests: six shops with a till each, eight
participants from three centres with 100,000 won each, a settable clock, and sales pushed through
the real ingest at the times a test chooses (KST). Nothing here depends on today's date."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from reliability.sales import refund_of, sale
from sync.ledger.records import ParticipantRecord
from sync.ledger.service import Ledger
from sync.protocol import PushRequest, WireEntry
from sync.shared.cards.keys import new_issuer_key, public_key_hex
from sync.shared.chain import GENESIS_HASH, entry_hash
from sync.shared.clock import KST
from sync.shared.entries import CatalogueChange, Payload, Sale

YEAR = 2026
EXPIRES = dt.date(2026, 12, 31)
DAY = dt.date(2026, 11, 25)  # a Wednesday
SHOPS = {
    "cafe1": "올리브카페 해운대점",
    "cafe2": "올리브카페 사하점",
    "rest1": "올리브식당",
    "rest2": "올리브분식",
    "laundry1": "올리브세탁",
    "grocery1": "올리브식품",
}
PEOPLE = [
    ("P1", "홍길동", "해운대", "올리브카페"),
    ("P2", "김철수", "해운대", "올리브세탁"),
    ("P3", "이영희", "사하", "올리브식당"),
    ("P4", "남궁민수", "사하", "올리브식당"),
    ("P5", "박지성", "북구", "올리브분식"),
    ("P6", "최은영", "북구", "올리브식품"),
    ("P7", "정다운", "해운대", "올리브카페"),
    ("P8", "한별", "사하", "올리브세탁"),
]
LAUNDRY = ("S01", "세탁")  # an open-price service


def kst(day: dt.date, hhmm: str) -> dt.datetime:
    hour, minute = (int(p) for p in hhmm.split(":"))
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=KST)


@dataclass
class SettableClock:
    now: dt.datetime = field(default_factory=lambda: kst(DAY, "06:00"))

    def __call__(self) -> dt.datetime:
        return self.now


@dataclass
class Till:
    till_id: str
    seq: int = 0
    last_hash: str = GENESIS_HASH

    def entry(self, at: dt.datetime, payload: Payload) -> WireEntry:
        self.seq += 1
        body: dict[str, Any] = {
            "id": str(uuid.uuid4()),
            "till_id": self.till_id,
            "seq": self.seq,
            "ts": at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
            "type": payload.type,
            "payload": payload.to_payload(),
            "prev_hash": self.last_hash,
        }
        wire = WireEntry(**body, hash=entry_hash(**body))
        self.last_hash = wire.hash
        return wire


@dataclass
class Sold:
    entry_id: str
    sale: Sale
    till_id: str


@dataclass
class Market:
    ledger: Ledger
    clock: SettableClock
    cards: dict[str, str]  # participant id -> card number
    tills: dict[str, Till]  # shop id -> its till
    issuer_key: Ed25519PrivateKey | None = None  # the year's private key (to print cards)

    def push(self, shop: str, at: dt.datetime, payload: Payload) -> WireEntry:
        till = self.tills[shop]
        wire = till.entry(at, payload)
        self.clock.now = at + dt.timedelta(seconds=1)
        answer = self.ledger.ingest(till.till_id, PushRequest(entries=[wire]))
        assert answer.results[0].status in ("accepted", "rejected"), answer.results[0]
        return wire

    def sell(
        self,
        who: str,
        shop: str,
        at: dt.datetime,
        points: int,
        *,
        cash: int = 0,
        auth: str = "online",
        lines: Sequence[tuple[str, str, int, int]] = (),
        item: str = "아메리카노",
    ) -> Sold:
        payload = sale(points, cash=cash, card=self.cards[who], auth=auth, lines=lines, item=item)  # type: ignore[arg-type]
        wire = self.push(shop, at, payload)
        return Sold(wire.id, payload, wire.till_id)

    def refund(self, shop: str, at: dt.datetime, sold: Sold) -> None:
        self.push(shop, at, refund_of(sold.entry_id, sold.sale))

    def laundry(self, who: str, at: dt.datetime, points: int) -> Sold:
        sku, name = LAUNDRY
        return self.sell(who, "laundry1", at, points, lines=[(sku, name, 1, points)])


def open_market(database_url: str) -> Market:
    clock = SettableClock()
    ledger = Ledger(database_url, clock=clock)
    ledger.upgrade()
    key = new_issuer_key()
    ledger.create_programme(YEAR, 100_000, EXPIRES, public_key_hex(key))
    tills = {}
    for shop, name in SHOPS.items():
        ledger.add_shop(shop, name)
        ledger.enrol_till(shop, f"{shop}-1")
        tills[shop] = Till(f"{shop}-1")
    ledger.add_participants(
        [ParticipantRecord(pid, name, "", centre, work, 6, True, None) for pid, name, centre, work in PEOPLE]
    )
    cards = {g.participant_id: g.card_number for g in ledger.grant(YEAR)}
    market = Market(ledger, clock, cards, tills, key)
    # The laundry's menu, as its till journals it: its services have an open price.
    for sku, name in (LAUNDRY, ("S02", "청소")):
        item = {"sku": sku, "name": name, "price": 0, "category_id": "service", "taxable": True}
        item |= {"open_price": True, "sold_out": False, "position": 1}
        market.push(
            "laundry1", kst(DAY - dt.timedelta(days=30), "09:00"), CatalogueChange(action="item", item=item)
        )
    return market


def ordinary_day(market: Market, day: dt.date = DAY) -> list[Sold]:
    """A day like most: every participant buys two or three things at different shops, hours
    apart, between 08:00 and 21:00; one has three coffees, one takes shirts to the laundry."""
    plan = [
        ("P1", "cafe1", "08:10", 3000, "아메리카노"),
        ("P1", "rest1", "12:20", 8000, "김치찌개"),
        ("P1", "cafe2", "17:45", 3500, "카페라테"),
        ("P2", "rest2", "09:30", 4000, "떡볶이"),
        ("P2", "laundry1", "13:00", 0, ""),  # laundry, 8,000 won at an open price
        ("P3", "cafe1", "10:05", 3000, "아메리카노"),
        ("P3", "cafe2", "14:10", 3000, "아메리카노"),
        ("P3", "cafe1", "19:30", 3000, "아메리카노"),
        ("P4", "rest1", "11:50", 9000, "제육덮밥"),
        ("P4", "grocery1", "18:20", 12000, "쌀 (4kg)"),
        ("P5", "rest2", "12:40", 4500, "참치김밥"),
        ("P5", "cafe1", "15:15", 2500, "머핀"),
        ("P6", "grocery1", "10:40", 5000, "제철 채소 꾸러미"),
        ("P6", "rest1", "12:10", 8500, "비빔밥"),
        ("P6", "cafe2", "16:00", 4000, "바닐라라테"),
        ("P7", "cafe1", "07:40", 3000, "아메리카노"),
        ("P7", "rest2", "20:30", 4000, "라면"),
        ("P8", "cafe2", "09:00", 3500, "유자차"),
        ("P8", "rest1", "13:30", 8000, "된장찌개"),
    ]
    sold = []
    for who, shop, hhmm, points, item in sorted(plan, key=lambda p: p[2]):
        at = kst(day, hhmm)
        if shop == "laundry1":
            sold.append(market.laundry(who, at, 8000))
        else:
            sold.append(market.sell(who, shop, at, points, item=item))
    return sold
