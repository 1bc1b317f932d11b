"""Day close (Z report): cash count by Korean denominations, expected vs counted cash, the close's payload.

Pure values and checks. Each refusal is a ``DayCloseError`` whose ``code`` (and values) the UI words
for the manager; nothing is written until every check has passed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from pos_app.core.money import require_won, won
from pos_app.core.problems import Problem
from pos_app.core.reports import SalesSummary, TenderTotals
from sync.shared.entries import DayClose, TenderAmounts

NOTES = (50_000, 10_000, 5_000, 1_000)
COINS = (500, 100, 50, 10)
DENOMINATIONS = NOTES + COINS
MAX_PIECES = 100_000  # a drawer never holds more; a bigger number is a typing slip


class DayCloseProblem(StrEnum):
    """Why a cash count or a close is refused."""

    COUNT_NOT_NUMBER = "count_not_number"  # values: denomination
    COUNT_TOO_LARGE = "count_too_large"  # values: denomination
    NEXT_FLOAT_NOT_NUMBER = "next_float_not_number"
    INITIAL_FLOAT_NOT_NUMBER = "initial_float_not_number"
    UNKNOWN_DENOMINATION = "unknown_denomination"
    NEGATIVE_COUNT = "negative_count"
    ALREADY_CLOSED = "already_closed"
    CASH_OVER_NEEDS_REASON = "cash_over_needs_reason"  # values: amount
    CASH_SHORT_NEEDS_REASON = "cash_short_needs_reason"  # values: amount
    NEGATIVE_FLOAT = "negative_float"
    FLOAT_OVER_COUNTED = "float_over_counted"  # values: next_float, counted
    NO_MANAGER = "no_manager"


class DayCloseError(Problem, ValueError):
    """A close the till refuses; ``code`` says why (the UI tells the manager what to do)."""

    code: DayCloseProblem


def denomination_label(value: int) -> str:
    return f"{won(value)}원 {'지폐' if value in NOTES else '동전'}"


def parse_count(text: str, denomination: int) -> int:
    """A count of notes or coins as typed: blank is 0; letters, signs or decimals are refused."""
    cleaned = text.strip().replace(",", "").removesuffix("장").removesuffix("개").strip()
    if cleaned == "":
        return 0
    if not (cleaned.isascii() and cleaned.isdigit()):
        raise DayCloseError(DayCloseProblem.COUNT_NOT_NUMBER, repr(text), denomination=denomination)
    value = int(cleaned)
    if value > MAX_PIECES:
        raise DayCloseError(DayCloseProblem.COUNT_TOO_LARGE, str(value), denomination=denomination)
    return value


def parse_amount(text: str, problem: DayCloseProblem = DayCloseProblem.NEXT_FLOAT_NOT_NUMBER) -> int:
    """A won amount typed by the manager (``100,000``, ``100000원``); ``problem`` names the field if not."""
    cleaned = text.strip().replace(",", "").removesuffix("원").strip()
    if cleaned == "":
        return 0
    if not (cleaned.isascii() and cleaned.isdigit()):
        raise DayCloseError(problem, repr(text))
    return int(cleaned)


@dataclass(frozen=True)
class CashCount:
    """Pieces per denomination (won value -> number of notes/coins)."""

    pieces: Mapping[int, int]

    def __post_init__(self) -> None:
        for value, count in self.pieces.items():
            if value not in DENOMINATIONS:
                raise DayCloseError(DayCloseProblem.UNKNOWN_DENOMINATION, str(value))
            require_won(count)
            if count < 0:
                raise DayCloseError(DayCloseProblem.NEGATIVE_COUNT)

    @classmethod
    def from_texts(cls, texts: Mapping[int, str]) -> CashCount:
        return cls({value: parse_count(texts.get(value, ""), value) for value in DENOMINATIONS})

    @property
    def total(self) -> int:
        return sum(value * count for value, count in self.pieces.items())

    def to_payload(self) -> dict[str, int]:
        return {str(value): int(self.pieces.get(value, 0)) for value in DENOMINATIONS}

    @classmethod
    def from_payload(cls, data: Mapping[str, Any]) -> CashCount:
        return cls({int(k): int(v) for k, v in data.items()})


def expected_cash(opening_float: int, cash_sales: int, cash_refunds: int) -> int:
    """What the drawer should hold: the float it opened with, plus cash taken, minus cash given back."""
    return require_won(opening_float) + require_won(cash_sales) - require_won(cash_refunds)


@dataclass(frozen=True)
class ZReport:
    """One close of one business day on one till (a re-close is a new ZReport that supersedes the old)."""

    business_day: dt.date
    till_id: str
    summary: SalesSummary
    opening_float: int
    counted: CashCount
    reason: str
    next_float: int
    closed_by: str
    closed_at: dt.datetime
    supersedes: str | None = None
    top_products: tuple[tuple[str, int, int], ...] = field(default=())  # name, qty, amount
    unsynced: int = 0

    @property
    def expected_cash(self) -> int:
        return expected_cash(self.opening_float, self.summary.gross.cash, self.summary.refunds.cash)

    @property
    def difference(self) -> int:
        """Counted minus expected: positive is a surplus, negative a shortage."""
        return self.counted.total - self.expected_cash

    def to_payload(self) -> DayClose:
        s = self.summary
        return DayClose(
            business_day=self.business_day.isoformat(),
            sales_count=s.sales_count,
            gross=TenderAmounts(points=s.gross.points, cash=s.gross.cash, bank_card=s.gross.bank_card),
            refunds=TenderAmounts(
                points=s.refunds.points, cash=s.refunds.cash, bank_card=s.refunds.bank_card
            ),
            refund_count=s.refund_count,
            void_count=s.void_count,
            opening_float=self.opening_float,
            expected_cash=self.expected_cash,
            counted=self.counted.to_payload(),
            counted_cash=self.counted.total,
            difference=self.difference,
            reason=self.reason,
            next_float=self.next_float,
            closed_by=self.closed_by,
            supersedes=self.supersedes,
            unsynced=self.unsynced,
        )

    @classmethod
    def from_payload(cls, payload: DayClose, till_id: str, closed_at: dt.datetime) -> ZReport:
        gross, back = payload.gross, payload.refunds
        summary = SalesSummary(
            sales_count=payload.sales_count,
            gross=TenderTotals(gross.points, gross.cash, gross.bank_card),
            refunds=TenderTotals(back.points, back.cash, back.bank_card),
            refund_count=payload.refund_count,
            void_count=payload.void_count,
        )
        return cls(
            business_day=dt.date.fromisoformat(payload.business_day),
            till_id=till_id,
            summary=summary,
            opening_float=payload.opening_float,
            counted=CashCount.from_payload(payload.counted),
            reason=payload.reason,
            next_float=payload.next_float,
            closed_by=payload.closed_by,
            closed_at=closed_at,
            supersedes=payload.supersedes,
            unsynced=payload.unsynced,
        )


def check_close(
    *,
    expected: int,
    counted: CashCount,
    reason: str,
    next_float: int,
    already_closed: bool,
    confirmed_reclose: bool,
) -> None:
    """Every rule a close must pass; raises ``DayCloseError`` with the first problem."""
    if already_closed and not confirmed_reclose:
        raise DayCloseError(DayCloseProblem.ALREADY_CLOSED, "re-close needs confirmation")
    if counted.total != expected and not reason.strip():
        diff = counted.total - expected
        raise DayCloseError(
            DayCloseProblem.CASH_OVER_NEEDS_REASON if diff > 0 else DayCloseProblem.CASH_SHORT_NEEDS_REASON,
            amount=abs(diff),
        )
    require_won(next_float)
    if next_float < 0:
        raise DayCloseError(DayCloseProblem.NEGATIVE_FLOAT)
    if next_float > counted.total:
        raise DayCloseError(DayCloseProblem.FLOAT_OVER_COUNTED, next_float=next_float, counted=counted.total)
