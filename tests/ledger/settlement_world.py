"""A ledger with a month of a shop's sales at fixed dates (November 2026, KST), for settlement tests.

The ledger's clock is fixed and moved by hand: each push is received a few seconds after the till's
time of its entry, and the office acts at chosen instants. Nothing here reads today's date.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from reliability.sales import refund_of, sale
from sync.ledger.records import ParticipantRecord
from sync.ledger.service import Ledger
from sync.protocol import PushRequest, WireEntry
from sync.shared.cards.keys import new_issuer_key, public_key_hex
from sync.shared.chain import GENESIS_HASH, entry_hash
from sync.shared.clock import KST
from sync.shared.entries import Sale, SaleCancelled

YEAR = 2026


def kst(
    month: int, day: int, hour: int = 12, minute: int = 0, second: int = 0, micro: int = 0
) -> dt.datetime:
    return dt.datetime(YEAR, month, day, hour, minute, second, micro, tzinfo=KST)


@dataclass
class FixedClock:
    at: dt.datetime = field(default_factory=lambda: kst(10, 30))

    def __call__(self) -> dt.datetime:
        return self.at


@dataclass
class Till:
    """A till's chained entries, each pushed at once and received 5 s after its till time."""

    ledger: Ledger
    clock: FixedClock
    till_id: str
    seq: int = 0
    last_hash: str = GENESIS_HASH

    def push(self, type: str, payload: dict[str, Any], at: dt.datetime) -> str:
        self.seq += 1
        body: dict[str, Any] = {
            "id": str(uuid.uuid4()),
            "till_id": self.till_id,
            "seq": self.seq,
            "ts": at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
            "type": type,
            "payload": payload,
            "prev_hash": self.last_hash,
        }
        wire = WireEntry(**body, hash=entry_hash(**body))
        self.last_hash = wire.hash
        self.clock.at = at + dt.timedelta(seconds=5)
        result = self.ledger.ingest(self.till_id, PushRequest(entries=[wire])).results[0]
        assert result.outcome == "accepted", result
        return wire.id

    def sale(
        self, at: dt.datetime, card: str | None, points: int, *, auth: str = "online", cash: int = 0
    ) -> str:
        return self.push("sale", sale(points, cash=cash, card=card, auth=auth).to_payload(), at)  # type: ignore[arg-type]

    def refund(self, at: dt.datetime, sale_id: str, sold: Sale) -> str:
        return self.push("refund", refund_of(sale_id, sold).to_payload(), at)

    def cancel(self, at: dt.datetime, sale_id: str) -> str:
        return self.push("sale_cancelled", SaleCancelled(ref=sale_id, reason="no_answer").to_payload(), at)


@dataclass
class World:
    ledger: Ledger
    clock: FixedClock
    cards: list[str]
    tills: dict[str, Till]


def make_world(database_url: str, shops: tuple[str, ...] = ("cafe1", "rest1")) -> World:
    clock = FixedClock()
    ledger = Ledger(database_url, clock=clock)
    ledger.upgrade()
    ledger.create_programme(YEAR, 100_000, dt.date(YEAR + 1, 12, 31), public_key_hex(new_issuer_key()))
    names = {"cafe1": "올리브카페 해운대점", "rest1": "올리브식당"}
    tills = {}
    for shop in shops:
        ledger.add_shop(shop, names.get(shop, f"올리브 {shop}"))
        ledger.enrol_till(shop, f"{shop}-1")
        tills[shop] = Till(ledger, clock, f"{shop}-1")
    ledger.add_participants(
        [
            ParticipantRecord(f"P{n}", f"참여자{n}", "", "해운대", "올리브카페", 6, True, None)
            for n in range(1, 7)
        ]
    )
    cards = [g.card_number for g in ledger.grant(YEAR)]
    return World(ledger, clock, cards, tills)


# What ``november`` leaves for cafe1, by month (the figures a statement must show, to the won).
CAFE_NOVEMBER = {
    "days": {
        dt.date(YEAR, 11, 1): (1, 3_000, 0),  # the first instant of the month (00:00:00 KST)
        dt.date(YEAR, 11, 10): (1, 8_000, 8_000),  # sold and refunded the same day
        dt.date(YEAR, 11, 12): (1, 2_500, 2_500),  # posted online, then cancelled after a lost answer
        dt.date(YEAR, 11, 15): (1, 30_000, 0),  # offline 40,000: 30,000 allowed, 10,000 disputed
        dt.date(YEAR, 11, 28): (1, 30_000, 0),  # offline 35,000: 30,000 allowed, 5,000 disputed
        dt.date(YEAR, 11, 30): (2, 8_500, 0),  # 23:50 and the last minute of the month (23:59:30 KST)
    },
    "points": 82_000,
    "refunds": 10_500,
    "disputes_accepted": 10_000,  # the 15 Nov claim, accepted on 20 Nov
    "net": 81_500,
}
CAFE_OCTOBER_NET = 4_000  # the last microsecond of October (23:59:59.999999 KST)
CAFE_DECEMBER_NET = 2_000 - 3_500  # a December sale, and the refund on 1 Dec of a 30 Nov sale


def november(database_url: str) -> World:
    """cafe1's October to December around November, and one sale at rest1 (which has no bank details)."""
    world = make_world(database_url)
    a, b, c, d, e, f = world.cards
    cafe, rest = world.tills["cafe1"], world.tills["rest1"]
    cafe.sale(kst(10, 31, 23, 59, 59, 999_999), a, 4_000)
    cafe.sale(kst(11, 1, 0, 0, 0), a, 3_000)
    sold = sale(8_000, card=b)
    refunded = cafe.push("sale", sold.to_payload(), kst(11, 10, 12, 0))
    cafe.refund(kst(11, 10, 12, 5), refunded, sold)
    cancelled = cafe.sale(kst(11, 12, 9, 30), c, 2_500)
    cafe.cancel(kst(11, 12, 9, 31), cancelled)
    cafe.sale(kst(11, 12, 10, 0), None, 0, cash=4_500)  # cash only: nothing to settle
    cafe.sale(kst(11, 15, 13, 0), d, 40_000, auth="offline")
    cafe.sale(kst(11, 28, 18, 0), e, 35_000, auth="offline")
    late = sale(3_500, card=f)
    late_id = cafe.push("sale", late.to_payload(), kst(11, 30, 23, 50))
    cafe.sale(kst(11, 30, 23, 59, 30), f, 5_000)
    cafe.refund(kst(12, 1, 0, 10), late_id, late)
    cafe.sale(kst(12, 1, 0, 0, 0), a, 2_000)
    rest.sale(kst(11, 5, 12, 0), b, 4_500)
    first, second = world.ledger.disputes("open")
    world.clock.at = kst(11, 20, 10, 0)
    world.ledger.resolve_dispute(first.id, accept=True, note="단말기 확인, 정상 판매", operator="office1")
    world.clock.at = kst(12, 2, 10, 0)
    world.ledger.resolve_dispute(second.id, accept=False, note="한도 초과 반복", operator="office1")
    world.clock.at = kst(12, 3, 9, 0)
    return world
