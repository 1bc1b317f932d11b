"""The office's participant list (CSV from Excel): parsing, refusing RRNs, and the eligibility rule."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sync.ledger.records import ParticipantRecord
from sync.shared.office_text import looks_like_rrn

COLUMNS: dict[str, tuple[str, ...]] = {
    "participant_id": ("participant_id", "참여자번호", "참여자id", "id"),
    "name": ("name", "이름", "성명"),
    "phone": ("phone", "전화", "전화번호", "연락처"),
    "centre": ("centre", "center", "지역자활센터", "센터"),
    "workplace": ("workplace", "사업단/기업", "사업단", "자활기업", "근무처"),
    "months_prev_year": ("months_prev_year", "전년도참여개월", "전년도 참여개월", "참여개월"),
    "active": ("active", "참여중", "참여 중"),
    "start_date": ("start_date", "참여시작일", "시작일"),
}
REQUIRED = ("participant_id", "name", "months_prev_year", "active")
RRN_HEADER = re.compile(r"주민|rrn|resident|jumin", re.IGNORECASE)
YES = {"y", "yes", "예", "o", "1", "true", "참여"}
NO = {"n", "no", "아니오", "아니요", "x", "0", "false", "종료"}


class CsvRefused(Exception):
    """The whole file is refused (RRN column, unreadable, missing columns, bad rows)."""

    def __init__(self, message: str, problems: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.problems = list(problems)


@dataclass(frozen=True)
class EligibilityRule:
    min_months: int = 3
    require_active: bool = True

    def reasons_not(self, row: ParticipantRecord) -> list[str]:
        reasons = []
        if row.months_prev_year < self.min_months:
            reasons.append(
                f"전년도 참여 {self.min_months}개월 미만 ({row.months_prev_year}개월) / "
                f"fewer than {self.min_months} months last year"
            )
        if self.require_active and not row.active:
            reasons.append("현재 참여 중 아님 / not active now")
        return reasons


@dataclass(frozen=True)
class ParsedList:
    rows: list[ParticipantRecord]
    encoding: str


def _decode(data: bytes) -> tuple[str, str]:
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise CsvRefused(
        "the file is neither UTF-8 nor CP949 text: save it from Excel as 'CSV UTF-8' and try again"
    )


def _header_map(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, raw in enumerate(header):
        key = raw.strip().lower()
        for column, names in COLUMNS.items():
            if key in {n.lower() for n in names}:
                found[column] = index
    return found


def parse_participants(path: Path | str) -> ParsedList:
    return parse_participants_data(Path(path).read_bytes())


def parse_participants_data(data: bytes) -> ParsedList:
    """The list from a file's bytes (a CSV uploaded to the office console, or read from disk)."""
    text, encoding = _decode(data)
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration as exc:
        raise CsvRefused("the file is empty") from exc
    for name in header:
        if RRN_HEADER.search(unicodedata.normalize("NFKC", name)):
            raise CsvRefused(
                f"column '{name.strip()}' looks like a resident registration number (주민등록번호): "
                "this system must never receive one. Delete that column and import again."
            )
    columns = _header_map(header)
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise CsvRefused(f"missing column(s): {', '.join(missing)} (see README: participant CSV)")
    rows: list[ParticipantRecord] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for record in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if any(looks_like_rrn(cell) for cell in record):
            raise CsvRefused(
                f"line {line} holds what looks like a resident registration number (주민등록번호): "
                "remove it from the file and import again. Nothing was imported."
            )

        def cell(column: str, record: list[str] = record) -> str:
            index = columns.get(column)
            return record[index].strip() if index is not None and index < len(record) else ""

        pid, name = cell("participant_id"), cell("name")
        errors = []
        if not pid:
            errors.append("참여자번호 없음 / participant id missing")
        if not name:
            errors.append("이름 없음 / name missing")
        months_text = cell("months_prev_year")
        months = int(months_text) if months_text.isdigit() and months_text.isascii() else None
        if months is None or months > 12:
            errors.append(
                f"전년도참여개월 '{months_text}'은(는) 0~12의 숫자여야 합니다 / months must be a number 0-12"
            )
        active_text = cell("active").lower()
        if active_text not in YES | NO:
            errors.append(f"참여중 '{cell('active')}'은(는) Y 또는 N이어야 합니다 / active must be Y or N")
        start: dt.date | None = None
        if cell("start_date"):
            try:
                start = dt.date.fromisoformat(cell("start_date"))
            except ValueError:
                errors.append(
                    f"참여시작일 '{cell('start_date')}'은(는) YYYY-MM-DD 형식이어야 합니다 / start date must be YYYY-MM-DD"
                )
        if pid in seen:
            errors.append(f"참여자번호 {pid} 중복 ({seen[pid]}행) / duplicate id (line {seen[pid]})")
        if errors:
            problems.append(f"line {line}: " + "; ".join(errors))
            continue
        seen[pid] = line
        assert months is not None
        rows.append(
            ParticipantRecord(
                pid, name, cell("phone"), cell("centre"), cell("workplace"), months, active_text in YES, start
            )
        )
    if problems:
        raise CsvRefused(f"{len(problems)} row(s) cannot be read; nothing was imported", problems)
    return ParsedList(rows, "UTF-8" if encoding == "utf-8-sig" else "CP949")


def eligibility_report(
    rows: Sequence[ParticipantRecord], rule: EligibilityRule
) -> list[tuple[ParticipantRecord, list[str]]]:
    return [(row, rule.reasons_not(row)) for row in rows]


def rows_to_import(report: Sequence[tuple[ParticipantRecord, list[str]]]) -> list[ParticipantRecord]:
    """What an import stores: every row, the ineligible ones inactive so that ``grant`` passes them
    over (the office sees them, and why, in the dry run)."""
    return [row if not reasons else dataclasses.replace(row, active=False) for row, reasons in report]
