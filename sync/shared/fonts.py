"""Finding a Korean TrueType font for PDFs (receipts, reports, card sheets)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

# fpdf2 subsets fonts with fontTools, which warns about hinting tables it drops: noise for users.
logging.getLogger("fontTools").setLevel(logging.ERROR)

CANDIDATES = [
    "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
    "/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf",
    "/usr/share/fonts/truetype/nanum/NanumGothicCoding.ttf",
    "C:/Windows/Fonts/malgun.ttf",  # 맑은 고딕, on every Korean Windows
    "/Library/Fonts/AppleGothic.ttf",
]


class FontMissing(Exception):
    pass


def find_korean_font(bold: bool = False) -> Path:
    """ALLIVE_FONT, then resources/fonts/, then the system's Nanum or Malgun Gothic."""
    override = os.environ.get("ALLIVE_FONT")
    if override and Path(override).is_file():
        return Path(override)
    bundled = Path(__file__).resolve().parents[2] / "resources" / "fonts"
    names = ["NanumGothicBold.ttf"] if bold else []
    for name in [*names, "NanumGothic.ttf"]:
        if (bundled / name).is_file():
            return bundled / name
    candidates = (["/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf"] if bold else []) + CANDIDATES
    for candidate in candidates:
        if Path(candidate).is_file():
            return Path(candidate)
    raise FontMissing(
        "no Korean font found: install one (Debian/Ubuntu: apt-get install fonts-nanum) "
        "or set ALLIVE_FONT to a .ttf file"
    )
