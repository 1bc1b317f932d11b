"""Time: the one business time zone (KST), the clock type services take, and business-day bounds.

Korea has kept UTC+9 without daylight saving since 1988, so a fixed offset is exact and needs no
time-zone database (Windows tills have none without the ``tzdata`` package). Storage is UTC.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

KST = dt.timezone(dt.timedelta(hours=9), "KST")
# The same offset for SQLite's date functions, passed as a parameter: ``date(ts, :kst)``.
KST_SQLITE_MODIFIER = "+9 hours"

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    """The wall clock, for composition roots only: services take a ``Clock`` and never call this."""
    return dt.datetime.now(dt.UTC)


def business_day_of(at: dt.datetime) -> dt.date:
    """The business day (in KST) an instant belongs to."""
    return at.astimezone(KST).date()


def business_day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The UTC instants [start, end) of a business day as the shop sees it (midnight to midnight, KST)."""
    start = dt.datetime.combine(day, dt.time(0), tzinfo=KST)
    return start.astimezone(dt.UTC), (start + dt.timedelta(days=1)).astimezone(dt.UTC)


def parse_instant(text: str) -> dt.datetime:
    """An ISO 8601 time with an offset, as an aware datetime; naive times are refused (ValueError)."""
    value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        raise ValueError(f"time without a UTC offset: {text!r}")
    return value
