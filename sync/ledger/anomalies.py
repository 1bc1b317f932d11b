"""The office's anomaly rules for cash-out patterns, pure: thresholds in, sales in, anomalies out.

No database here: ``anomaly_scan`` reads the sales, hands them in as ``ScannedSale`` values and
raises an alert for each ``Anomaly`` that comes back. Each anomaly has a subject (a sale, a card on
a day, a shop on a day), and the alert table keeps one alert per (kind, subject), so a scan can run
again over the same days without raising anything twice.

The rules and their thresholds (defaults in brackets; the office changes them per programme year,
kept in ``programme.settings`` under ``"anomalies"``):

- ``card_drained``: one sale takes ≥ ``drain_percent`` [90] % of what the card held before it, and at
  least ``drain_min_points`` [30,000] won, or ``drain_min_points_open_price`` [10,000] won when a line
  of the sale has an open price (a service whose amount the cashier typed);
- ``many_sales_one_shop``: ≥ ``sales_per_shop_day`` [4] sales of one card at one shop in one business day;
- ``repeated_amount``: one card pays the same points ≥ ``repeat_count`` [3] times in one business day,
  for amounts of at least ``repeat_min_points`` [5,000] won (three coffees a day are no pattern);
- ``two_shops_quickly``: one card at two different shops less than ``two_shops_minutes`` [10] minutes apart;
- ``outside_hours``: sales outside the shop's hours, ``hours`` [07:00-22:00 KST] unless the shop has
  its own (``hours.<shop id>``; an end before the start runs past midnight).

Only posted sales that took points count, and not those whose points were all refunded. Offline
claims over the caps and other disputed claims are raised when a till pushes them
(``offline_claim_disputed``) and are listed with these.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from typing import Any, NamedTuple

from sync.ledger.errors import LedgerError
from sync.shared.clock import KST

CARD_DRAINED = "card_drained"
MANY_SALES_ONE_SHOP = "many_sales_one_shop"
REPEATED_AMOUNT = "repeated_amount"
TWO_SHOPS_QUICKLY = "two_shops_quickly"
OUTSIDE_HOURS = "outside_hours"
# Raised by ingest, not by a scan: offline claims beyond the caps and the other rules.
OFFLINE_CLAIM_DISPUTED = "offline_claim_disputed"

SCANNED_KINDS = (CARD_DRAINED, MANY_SALES_ONE_SHOP, REPEATED_AMOUNT, TWO_SHOPS_QUICKLY, OUTSIDE_HOURS)
ANOMALY_KINDS = (*SCANNED_KINDS, OFFLINE_CLAIM_DISPUTED)

SETTINGS_KEY = "anomalies"  # where the thresholds live in programme.settings
SHOWN_SALES = 10  # sale ids an anomaly names (the alert stays small)

_HOURS = re.compile(r"^([01][0-9]|2[0-3]):([0-5][0-9])-([01][0-9]|2[0-4]):([0-5][0-9])$")


@dataclass(frozen=True)
class Hours:
    """A shop's opening hours in KST, [opens, closes); closing before opening runs past midnight."""

    opens: dt.time
    closes: dt.time

    @classmethod
    def parse(cls, text: str) -> Hours:
        """``07:00-22:00``; ``24:00`` closes at midnight. Raises ValueError on anything else."""
        match = _HOURS.match(text.strip())
        if not match:
            raise ValueError(text)
        oh, om, ch, cm = (int(g) for g in match.groups())
        if ch == 24 and cm:
            raise ValueError(text)
        closes = dt.time.max if ch == 24 else dt.time(ch, cm)
        if (oh, om) == (ch, cm):
            raise ValueError(text)
        return cls(dt.time(oh, om), closes)

    def __str__(self) -> str:
        closes = "24:00" if self.closes == dt.time.max else self.closes.strftime("%H:%M")
        return f"{self.opens.strftime('%H:%M')}-{closes}"

    def __contains__(self, at: dt.time) -> bool:
        if self.opens < self.closes:
            return self.opens <= at < self.closes
        return at >= self.opens or at < self.closes


DEFAULT_HOURS = Hours(dt.time(7), dt.time(22))


@dataclass(frozen=True)
class Thresholds:
    """The anomaly rules' thresholds for one programme year (see the module's docstring)."""

    drain_percent: int = 90
    drain_min_points: int = 30_000
    drain_min_points_open_price: int = 10_000
    sales_per_shop_day: int = 4
    repeat_count: int = 3
    repeat_min_points: int = 5_000
    two_shops_minutes: int = 10
    hours: Hours = DEFAULT_HOURS
    shop_hours: tuple[tuple[str, Hours], ...] = field(default=())

    def hours_of(self, shop_id: str) -> Hours:
        return self._by_shop.get(shop_id, self.hours)

    @cached_property
    def _by_shop(self) -> dict[str, Hours]:
        return dict(self.shop_hours)

    def as_settings(self) -> dict[str, Any]:
        """The JSON object kept in ``programme.settings["anomalies"]``."""
        values: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self) if f.name in _NUMBERS}
        values["hours"] = str(self.hours)
        values["shop_hours"] = {shop: str(hours) for shop, hours in self.shop_hours}
        return values

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> Thresholds:
        """The thresholds a programme year's settings hold (defaults for what they do not)."""
        stored = settings.get(SETTINGS_KEY) or {}
        changes = {k: str(v) for k, v in stored.items() if k != "shop_hours"}
        changes |= {f"hours.{shop}": str(h) for shop, h in (stored.get("shop_hours") or {}).items()}
        return cls().changed(changes)

    def changed(self, changes: Mapping[str, str]) -> Thresholds:
        """These thresholds with ``key=value`` changes as the office types them; a LedgerError names
        the first key that is unknown or whose value does not fit."""
        result = self
        shops = dict(self.shop_hours)
        for key, raw in changes.items():
            value = raw.strip()
            if key in _NUMBERS:
                low, high = _NUMBERS[key]
                if not (value.isascii() and value.isdecimal()) or not low <= int(value) <= high:
                    raise LedgerError("threshold_invalid", key=key, value=raw, expected=f"{low}..{high}")
                result = replace(result, **{key: int(value)})  # type: ignore[arg-type]
            elif key == "hours" or key.startswith("hours."):
                shop = key.removeprefix("hours").removeprefix(".")
                if key != "hours" and not shop:
                    raise LedgerError("threshold_unknown", key=key, known=", ".join(THRESHOLD_KEYS))
                if shop and value in ("", "default"):
                    shops.pop(shop, None)
                    continue
                try:
                    hours = Hours.parse(value)
                except ValueError:
                    raise LedgerError(
                        "threshold_invalid", key=key, value=raw, expected="HH:MM-HH:MM"
                    ) from None
                if shop:
                    shops[shop] = hours
                else:
                    result = replace(result, hours=hours)
            else:
                raise LedgerError("threshold_unknown", key=key, known=", ".join(THRESHOLD_KEYS))
        return replace(result, shop_hours=tuple(sorted(shops.items())))


# Each numeric threshold and the values it may take.
_NUMBERS: dict[str, tuple[int, int]] = {
    "drain_percent": (1, 100),
    "drain_min_points": (0, 10_000_000),
    "drain_min_points_open_price": (0, 10_000_000),
    "sales_per_shop_day": (2, 1_000),
    "repeat_count": (2, 1_000),
    "repeat_min_points": (0, 10_000_000),
    "two_shops_minutes": (1, 24 * 60),
}
THRESHOLD_KEYS = (*_NUMBERS, "hours", "hours.<shop id>")


class ScannedSale(NamedTuple):
    """A posted sale that took points, as the rules see it (a tuple: a year's scan builds 100,000)."""

    entry_id: str
    till_id: str
    shop_id: str
    card: str
    local: dt.datetime  # the sale's time, in KST
    day: dt.date  # its business day
    points: int  # points the sale took and kept (the disputed part and refunds left out)
    balance_before: int | None  # what the card held before the sale (None: not looked up)
    open_price: bool = False  # a line's amount was typed by the cashier

    @classmethod
    def of(
        cls,
        entry_id: str,
        till_id: str,
        shop_id: str,
        card: str,
        at: dt.datetime,
        points: int,
        balance_before: int | None,
        open_price: bool = False,
    ) -> ScannedSale:
        local = at.astimezone(KST)
        return cls(entry_id, till_id, shop_id, card, local, local.date(), points, balance_before, open_price)


@dataclass(frozen=True)
class Anomaly:
    """Something the office should look at: raised once per (kind, subject)."""

    kind: str
    subject: str  # at most 120 characters
    till_id: str | None
    facts: Mapping[str, Any]


# The thresholds of each business day the sales fall on (those of the day's programme year).
ThresholdsByDay = Mapping[dt.date, Thresholds]


def _stamp(at: dt.datetime) -> str:
    return at.astimezone(KST).isoformat(timespec="seconds")


def _share_percent(sale: ScannedSale) -> float | None:
    if sale.balance_before is None:
        return None
    return 100.0 if sale.balance_before <= 0 else 100.0 * sale.points / sale.balance_before


def drain_floor(th: Thresholds) -> int:
    """The fewest points a ``card_drained`` sale takes (the scan looks up balances from here)."""
    return min(th.drain_min_points, th.drain_min_points_open_price)


def may_drain(sale: ScannedSale, th: Thresholds) -> bool:
    """Whether the sale is a ``card_drained`` candidate before its lines are known (the scan reads
    the lines of these only)."""
    if sale.points < drain_floor(th):
        return False
    share = _share_percent(sale)
    return share is not None and share >= th.drain_percent


def card_drained(sales: Iterable[ScannedSale], ths: ThresholdsByDay) -> list[Anomaly]:
    found = []
    for sale in sales:
        if sale.balance_before is None:
            continue
        th = ths[sale.day]
        floor = th.drain_min_points_open_price if sale.open_price else th.drain_min_points
        if sale.points < floor or not may_drain(sale, th):
            continue
        facts = {
            "card": sale.card,
            "shop": sale.shop_id,
            "sale": sale.entry_id,
            "at": _stamp(sale.local),
            "points": sale.points,
            "balance_before": sale.balance_before,
            "percent": round(_share_percent(sale) or 0),
            "open_price": sale.open_price,
        }
        found.append(Anomaly(CARD_DRAINED, f"sale:{sale.entry_id}", sale.till_id, facts))
    return found


# A card's sales in the period, in time order, split by business day: what the per-card rules read.
CardDays = Sequence[Sequence[ScannedSale]]


def many_sales_one_shop(card: str, days: CardDays, ths: ThresholdsByDay) -> list[Anomaly]:
    found = []
    for sales in days:
        day = sales[0].day
        if len(sales) < ths[day].sales_per_shop_day:
            continue
        by_shop: dict[str, list[ScannedSale]] = defaultdict(list)
        for sale in sales:
            by_shop[sale.shop_id].append(sale)
        for shop, group in by_shop.items():
            if len(group) < ths[day].sales_per_shop_day:
                continue
            facts = {
                "card": card,
                "shop": shop,
                "day": day.isoformat(),
                "count": len(group),
                "points": sum(s.points for s in group),
                "sales": [s.entry_id for s in group[:SHOWN_SALES]],
            }
            subject = f"card:{card}:{day.isoformat()}:shop:{shop}"
            found.append(Anomaly(MANY_SALES_ONE_SHOP, subject, group[0].till_id, facts))
    return found


def repeated_amount(card: str, days: CardDays, ths: ThresholdsByDay) -> list[Anomaly]:
    found = []
    for sales in days:
        day = sales[0].day
        th = ths[day]
        if len(sales) < th.repeat_count:
            continue
        by_amount: dict[int, list[ScannedSale]] = defaultdict(list)
        for sale in sales:
            by_amount[sale.points].append(sale)
        for points, group in by_amount.items():
            if len(group) < th.repeat_count or points < th.repeat_min_points:
                continue
            facts = {
                "card": card,
                "day": day.isoformat(),
                "amount": points,
                "count": len(group),
                "shops": sorted({s.shop_id for s in group}),
                "sales": [s.entry_id for s in group[:SHOWN_SALES]],
            }
            subject = f"card:{card}:{day.isoformat()}:won:{points}"
            found.append(Anomaly(REPEATED_AMOUNT, subject, group[0].till_id, facts))
    return found


def two_shops_quickly(card: str, days: CardDays, ths: ThresholdsByDay) -> list[Anomaly]:
    """The first such pair of each business day (the day of the later sale; the earlier may be the
    evening before)."""
    found: dict[str, Anomaly] = {}
    sales = [sale for day in days for sale in day]
    for first, second in itertools.pairwise(sales):
        if first.shop_id == second.shop_id:
            continue
        gap = second.local - first.local
        if gap >= dt.timedelta(minutes=ths[second.day].two_shops_minutes):
            continue
        subject = f"card:{card}:{second.day.isoformat()}"
        if subject in found:
            continue
        facts = {
            "card": card,
            "day": second.day.isoformat(),
            "first_shop": first.shop_id,
            "first_at": _stamp(first.local),
            "second_shop": second.shop_id,
            "second_at": _stamp(second.local),
            "minutes": round(gap.total_seconds() / 60, 1),
            "sales": [first.entry_id, second.entry_id],
        }
        found[subject] = Anomaly(TWO_SHOPS_QUICKLY, subject, second.till_id, facts)
    return list(found.values())


def outside_hours(sales: Iterable[ScannedSale], ths: ThresholdsByDay) -> list[Anomaly]:
    """One anomaly per shop and business day with sales outside its hours."""
    late: dict[tuple[str, dt.date], list[ScannedSale]] = defaultdict(list)
    for sale in sales:
        if sale.local.time() not in ths[sale.day].hours_of(sale.shop_id):
            late[(sale.shop_id, sale.day)].append(sale)
    found = []
    for (shop, day), group in late.items():
        group.sort(key=lambda s: s.local)
        facts = {
            "shop": shop,
            "day": day.isoformat(),
            "hours": str(ths[day].hours_of(shop)),
            "count": len(group),
            "cards": len({s.card for s in group}),
            "first_at": _stamp(group[0].local),
            "sales": [s.entry_id for s in group[:SHOWN_SALES]],
        }
        found.append(Anomaly(OUTSIDE_HOURS, f"shop:{shop}:{day.isoformat()}", group[0].till_id, facts))
    return found


SaleRule = Callable[[Sequence[ScannedSale], ThresholdsByDay], list[Anomaly]]
CardRule = Callable[[str, CardDays, ThresholdsByDay], list[Anomaly]]
SALE_RULES: tuple[SaleRule, ...] = (card_drained, outside_hours)
CARD_RULES: tuple[CardRule, ...] = (many_sales_one_shop, repeated_amount, two_shops_quickly)


def card_days(sales: Iterable[ScannedSale]) -> dict[str, CardDays]:
    """Each card's sales in time order, split by business day; cards with one sale are left out
    (no per-card rule fires on a single sale)."""
    by_card: dict[str, list[ScannedSale]] = defaultdict(list)
    for sale in sales:
        by_card[sale.card].append(sale)
    days: dict[str, CardDays] = {}
    for card, group in by_card.items():
        if len(group) > 1:
            group.sort(key=lambda s: s.local)
            days[card] = [list(one) for _, one in itertools.groupby(group, key=lambda s: s.day)]
    return days


def thresholds_by_day(
    sales: Iterable[ScannedSale], thresholds_of: Callable[[dt.date], Thresholds]
) -> ThresholdsByDay:
    return {day: thresholds_of(day) for day in {s.day for s in sales}}


def find_anomalies(sales: Sequence[ScannedSale], ths: ThresholdsByDay) -> list[Anomaly]:
    """Every rule over the sales; ``ths`` has every day the sales fall on."""
    found = [anomaly for rule in SALE_RULES for anomaly in rule(sales, ths)]
    for card, days in card_days(sales).items():
        for card_rule in CARD_RULES:
            found += card_rule(card, days, ths)
    return found
