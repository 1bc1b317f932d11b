"""Printable card sheets: A4, ten credit-card-sized cards a page, the QR and the number under it.

No name and no welfare wording on a card: it is an ALL-LIVE Market point card, nothing more.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF

from sync.shared.cards.number import format_card_number
from sync.shared.cards.qr import render_qr
from sync.shared.fonts import find_korean_font
from sync.shared.office_text import safe_row

CARD_W, CARD_H = 85.6, 54.0
COLS, ROWS = 2, 5
MARGIN_X = (210 - COLS * CARD_W) / 2
MARGIN_Y = (297 - ROWS * CARD_H) / 2


@dataclass(frozen=True)
class PrintedCard:
    number: str
    issue: int
    expires_on: dt.date
    payload: str
    participant_id: str = ""
    name: str = ""  # for the office's CSV only, never printed on the card


def write_card_sheet(cards: Sequence[PrintedCard], path: Path) -> Path:
    pdf = FPDF(unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("korean", "", str(find_korean_font()))
    for index, card in enumerate(cards):
        slot = index % (COLS * ROWS)
        if slot == 0:
            pdf.add_page()
        x = MARGIN_X + (slot % COLS) * CARD_W
        y = MARGIN_Y + (slot // COLS) * CARD_H
        pdf.set_draw_color(180, 180, 180)
        pdf.rect(x, y, CARD_W, CARD_H)  # cut line
        pdf.set_fill_color(86, 130, 3)  # olive green band
        pdf.rect(x, y, CARD_W, 9, style="F")
        pdf.set_text_color(255, 255, 255)
        pdf.set_font("korean", size=11)
        pdf.set_xy(x + 3, y + 1.5)
        pdf.cell(CARD_W - 6, 6, "올리브 마켓 포인트 카드  ALL-LIVE")
        pdf.set_text_color(0, 0, 0)
        qr = render_qr(card.payload, box_size=4, border=1)
        side = 33.0
        pdf.image(qr, x=x + 4, y=y + 10.5, w=side, h=side)
        # The number sits under the QR, so a cashier can type it when a scan fails.
        pdf.set_font("korean", size=10)
        pdf.set_xy(x + 1, y + 44.5)
        pdf.cell(side + 6, 5, format_card_number(card.number), align="C")
        pdf.set_font("korean", size=9)
        pdf.set_xy(x + 44, y + 16)
        pdf.cell(40, 5, f"유효기간 {card.expires_on:%Y.%m.%d}")
        pdf.set_xy(x + 44, y + 22)
        pdf.cell(40, 5, f"발급 {card.issue}회차")
        pdf.set_font("korean", size=8)
        pdf.set_xy(x + 44, y + 32)
        pdf.multi_cell(40, 4, "올리브 마켓 가맹점에서\n포인트로 결제하세요.")
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def write_card_csv(cards: Sequence[PrintedCard], path: Path) -> Path:
    """The office's list (UTF-8 with BOM so Excel shows Korean)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["participant_id", "name", "card_number", "issue", "expires_on"])
        for card in cards:
            # Names come from the office's import: never let a spreadsheet run one as a formula.
            writer.writerow(
                safe_row(
                    [card.participant_id, card.name, card.number, card.issue, card.expires_on.isoformat()]
                )
            )
    return path
