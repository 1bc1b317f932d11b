"""Text the office handles: spotting resident registration numbers, and CSV cells Excel cannot run.

Resident registration numbers (주민등록번호) must never enter the system (DOMAIN.md); people type
them with spaces, dots, any kind of dash or full-width digits, so the check normalises first.
Spreadsheet programs run a cell that starts with ``=``, ``+``, ``-``, ``@``, tab or CR as a formula
(CSV injection), so every text cell we export is neutralised with a leading apostrophe.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Spaces, dots and middle dots; dashes are found by their Unicode category (Pd) and U+2212.
_SEPARATORS = re.compile(r"[\s.\u00b7\u2219\u30fb]")
_RRN = re.compile(r"(?<!\d)\d{6}[1-8]\d{6}(?!\d)")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _without_separators(text: str) -> str:
    """NFKC (full-width digits become ASCII) without spaces, dots or dashes of any kind."""
    normal = unicodedata.normalize("NFKC", text)
    kept = (ch for ch in normal if unicodedata.category(ch) != "Pd" and ch != "\u2212")
    return _SEPARATORS.sub("", "".join(kept))


def looks_like_rrn(text: str) -> bool:
    """True when ``text`` holds 13 digits shaped like a resident registration number."""
    return bool(_RRN.search(_without_separators(text)))


def safe_cell(value: object) -> object:
    """A CSV cell that a spreadsheet shows as text: numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def safe_row(values: Iterable[object]) -> list[object]:
    return [safe_cell(v) for v in values]
