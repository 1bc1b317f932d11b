"""An office for the console's tests and screenshots: the small market of tests/ledger/market.py
after a week of ordinary days (sales at six shops, an anomaly scan's alerts, a till that never
called), its clock at 09:30 KST the morning after, and three operators (admin, staff, viewer).
Nothing depends on today's date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sync.ledger.service import Ledger
from sync.ledger.settlement import Period
from sync.shared.cards.keys import write_private_key
from tests.ledger.market import DAY, Market, kst, open_market, ordinary_day

PASSWORD = "office password 1"
OPERATORS = {
    "kim": ("admin", "김관리"),
    "lee": ("staff", "이담당"),
    "choi": ("staff", "최담당"),
    "park": ("viewer", "박열람"),
}


@dataclass
class Office:
    market: Market

    @property
    def ledger(self) -> Ledger:
        return self.market.ledger


def open_office(database_url: str, days: int = 7, files: Path | None = None) -> Office:
    """The office; with ``files``, also the year's issuer key as ``files/keys/2026.pem`` (for the
    console's card sheets) and a backup taken at 02:00 the night after into ``files/backup``."""
    market = open_market(database_url)
    market.ledger.add_shop("cafe3", "올리브카페 북구점")
    market.ledger.enrol_till("cafe3", "cafe3-1")  # a month before the first day; never heard from
    for n in range(days - 1, -1, -1):
        ordinary_day(market, DAY - dt.timedelta(days=n))
    # What the anomaly scan should see: P3's fourth coffee at cafe1 in a day, most of P7's points
    # in one sale, and rice bought after closing time.
    market.sell("P3", "cafe1", kst(DAY, "20:10"), 3000)
    market.sell("P3", "cafe1", kst(DAY, "20:40"), 3000)
    market.sell("P7", "rest1", kst(DAY, "21:00"), 46000, item="단체 도시락")
    market.sell("P4", "grocery1", kst(DAY, "22:40"), 5000, item="쌀 (4kg)")
    # Two cakes sold offline to P5 at rest2: beyond the offline caps, so a claim is disputed.
    market.sell("P5", "rest2", kst(DAY, "15:00"), 20_000, auth="offline", item="케이크")
    market.sell("P5", "rest2", kst(DAY, "16:00"), 20_000, auth="offline", item="케이크")
    ledger = market.ledger
    ledger.set_shop_bank("cafe1", "국민", "123-456-787890", "올리브카페", operator="setup")
    ledger.set_shop_bank("rest1", "부산", "101-2034-5678-09", "올리브식당", operator="setup")
    ledger.set_shop_bank("laundry1", "농협", "301-0123-4567-81", "올리브세탁", operator="setup")
    ledger.scan_anomalies(Period(DAY - dt.timedelta(days=days - 1), DAY), operator="system")
    if files is not None:
        assert market.issuer_key is not None
        write_private_key(market.issuer_key, files / "keys" / f"{DAY.year}.pem")
        market.clock.now = kst(DAY + dt.timedelta(days=1), "02:00")
        ledger.backup(files / "backup" / "allive-2026-11-26.dump", operator="system")
    market.clock.now = kst(DAY + dt.timedelta(days=1), "09:30")  # the office's next morning
    for username, (role, name) in OPERATORS.items():
        ledger.add_operator(username, role, PASSWORD, name, operator="setup")
    return Office(market)
