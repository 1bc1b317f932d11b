"""Day close (Z report): cash count by Korean denominations, expected vs counted cash, the close's payload.

Pure values and checks. Each refusal is a ``DayCloseError`` whose ``message_ko`` tells the manager
what to fix; nothing is written until every check has passed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pos_app.core.money import require_won, won
from pos_app.core.reports import SalesSummary, TenderTotals

NOTES = (50_000, 10_000, 5_000, 1_000)
COINS = (500, 100, 50, 10)
DENOMINATIONS = NOTES + COINS
MAX_PIECES = 100_000  # a drawer never holds more; a bigger number is a typing slip


class DayCloseError(ValueError):
    """A close the till refuses; ``message_ko`` says what to do."""

    def __init__(self, message: str, message_ko: str) -> None:
        super().__init__(message)
        self.message_ko = message_ko


def denomination_label(value: int) -> str:
    return f"{won(value)}원 {'지폐' if value in NOTES else '동전'}"


def parse_count(text: str, denomination: int) -> int:
    """A count of notes or coins as typed: blank is 0; letters, signs or decimals are refused in Korean."""
    cleaned = text.strip().replace(",", "").removesuffix("장").removesuffix("개").strip()
    if cleaned == "":
        return 0
    if not (cleaned.isascii() and cleaned.isdigit()):
        raise DayCloseError(
            f"count for {denomination} is not a number: {text!r}",
            f"{denomination_label(denomination)} 개수는 숫자로만 입력하세요. 예: 12",
        )
    value = int(cleaned)
    if value > MAX_PIECES:
        raise DayCloseError(
            f"count for {denomination} too large: {value}",
            f"{denomination_label(denomination)} 개수가 너무 큽니다. 다시 세어 입력하세요.",
        )
    return value


def parse_amount(text: str, what_ko: str) -> int:
    """A won amount typed by the manager (``100,000``, ``100000원``)."""
    cleaned = text.strip().replace(",", "").removesuffix("원").strip()
    if cleaned == "":
        return 0
    if not (cleaned.isascii() and cleaned.isdigit()):
        raise DayCloseError(
            f"{what_ko} is not an amount: {text!r}", f"{what_ko}은(는) 숫자로만 입력하세요. 예: 100000"
        )
    return int(cleaned)


@dataclass(frozen=True)
class CashCount:
    """Pieces per denomination (won value -> number of notes/coins)."""

    pieces: Mapping[int, int]

    def __post_init__(self) -> None:
        for value, count in self.pieces.items():
            if value not in DENOMINATIONS:
                raise DayCloseError(f"not a Korean denomination: {value}", "지원하지 않는 권종입니다.")
            require_won(count)
            if count < 0:
                raise DayCloseError("negative count", "개수는 0 이상이어야 합니다.")

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

    def to_payload(self) -> dict[str, Any]:
        s = self.summary
        return {
            "business_day": self.business_day.isoformat(),
            "sales_count": s.sales_count,
            "gross": {"points": s.gross.points, "cash": s.gross.cash, "bank_card": s.gross.bank_card},
            "refunds": {"points": s.refunds.points, "cash": s.refunds.cash, "bank_card": s.refunds.bank_card},
            "refund_count": s.refund_count,
            "void_count": s.void_count,
            "opening_float": self.opening_float,
            "expected_cash": self.expected_cash,
            "counted": self.counted.to_payload(),
            "counted_cash": self.counted.total,
            "difference": self.difference,
            "reason": self.reason,
            "next_float": self.next_float,
            "closed_by": self.closed_by,
            "supersedes": self.supersedes,
            "unsynced": self.unsynced,
        }

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any], till_id: str, closed_at: dt.datetime) -> ZReport:
        gross, back = payload["gross"], payload["refunds"]
        summary = SalesSummary(
            sales_count=int(payload["sales_count"]),
            gross=TenderTotals(int(gross["points"]), int(gross["cash"]), int(gross["bank_card"])),
            refunds=TenderTotals(int(back["points"]), int(back["cash"]), int(back["bank_card"])),
            refund_count=int(payload.get("refund_count", 0)),
            void_count=int(payload.get("void_count", 0)),
        )
        return cls(
            business_day=dt.date.fromisoformat(str(payload["business_day"])),
            till_id=till_id,
            summary=summary,
            opening_float=int(payload["opening_float"]),
            counted=CashCount.from_payload(payload["counted"]),
            reason=str(payload.get("reason", "")),
            next_float=int(payload["next_float"]),
            closed_by=str(payload.get("closed_by", "")),
            closed_at=closed_at,
            supersedes=payload.get("supersedes"),
            unsynced=int(payload.get("unsynced", 0)),
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
    """Every rule a close must pass; raises ``DayCloseError`` with the first problem, in Korean."""
    if already_closed and not confirmed_reclose:
        raise DayCloseError(
            "business day already closed; re-close needs confirmation",
            "이 영업일은 이미 마감되었습니다. 다시 마감하려면 '다시 마감 확인'을 선택하세요. 이전 마감 기록은 그대로 남습니다.",
        )
    if counted.total != expected and not reason.strip():
        diff = counted.total - expected
        word = "많습니다" if diff > 0 else "부족합니다"
        raise DayCloseError(
            "cash differs from expected; a reason is required",
            f"센 현금이 예상보다 {won(abs(diff))}원 {word}. 차이 사유를 입력하세요.",
        )
    require_won(next_float)
    if next_float < 0:
        raise DayCloseError("negative float", "내일 시작 현금은 0원 이상이어야 합니다.")
    if next_float > counted.total:
        raise DayCloseError(
            "float larger than the cash counted",
            f"내일 시작 현금({won(next_float)}원)이 센 현금({won(counted.total)}원)보다 많습니다. 금액을 확인하세요.",
        )
