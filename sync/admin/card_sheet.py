"""Printable card sheets for handing cards out: grouped by local centre and workplace, each group
starting on a new page with its receipt list (card number, masked name, participant id and an empty
column to sign in), then its cards, A4, ten credit-card-sized cards a page, the QR and the number
under it; and the office's CSV in the same order.

No name and no welfare wording on a card: it is an ALL-LIVE Market point card, nothing more. The
receipt list shows names masked (홍*동) and is signed by participants, so it is always in Korean.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from fpdf import FPDF

from sync.admin.messages import text
from sync.admin.office import AdminError
from sync.shared.cards.keys import load_private_key_pem
from sync.shared.cards.number import format_card_number, mask_name
from sync.shared.cards.qr import render_qr
from sync.shared.cards.token import CardToken, sign_card
from sync.shared.fonts import find_korean_font
from sync.shared.office_text import safe_row

if TYPE_CHECKING:
    from sync.ledger.service import Ledger

CARD_W, CARD_H = 85.6, 54.0
COLS, ROWS = 2, 5
PER_PAGE = COLS * ROWS
MARGIN_X = (210 - COLS * CARD_W) / 2
MARGIN_Y = (297 - ROWS * CARD_H) / 2

# The receipt list: columns (width in mm, message code of the heading), rows tall enough to sign in.
LIST_X, LIST_TOP, ROW_H, HEAD_H = 15.0, 44.0, 10.0, 8.0
LIST_COLUMNS = (
    (14.0, "sheet_col_no"),
    (40.0, "sheet_col_card"),
    (26.0, "sheet_col_name"),
    (36.0, "sheet_col_participant"),
    (64.0, "sheet_col_signature"),
)
ROWS_PER_LIST_PAGE = int((297 - 30 - LIST_TOP - HEAD_H) // ROW_H)  # room below for the staff's line
SHEET_LANG = "ko"  # signed by participants at their centre


@dataclass(frozen=True)
class PrintedCard:
    number: str
    issue: int
    expires_on: dt.date
    payload: str
    participant_id: str = ""
    name: str = ""  # for the office's CSV (and masked on the receipt list), never printed on the card
    centre: str = ""  # local centre (지역자활센터)
    workplace: str = ""  # work group or enterprise (사업단/기업)


@dataclass(frozen=True)
class HandOutGroup:
    """The cards handed out together: one centre's one workplace."""

    centre: str
    workplace: str
    cards: tuple[PrintedCard, ...]

    @property
    def label(self) -> str:
        centre = self.centre or text("sheet_no_centre", SHEET_LANG)
        return f"{centre} · {self.workplace or text('sheet_no_workplace', SHEET_LANG)}"


def _order(card: PrintedCard) -> tuple[bool, str, bool, str, str, str, str]:
    # By centre, then workplace (those without one last), then name and participant id (가나다 order).
    return (
        not card.centre,
        card.centre,
        not card.workplace,
        card.workplace,
        card.name,
        card.participant_id,
        card.number,
    )


def hand_out_groups(cards: Sequence[PrintedCard]) -> list[HandOutGroup]:
    """The cards sorted and grouped by centre and workplace."""
    ordered = sorted(cards, key=_order)
    return [
        HandOutGroup(centre, workplace, tuple(group))
        for (centre, workplace), group in groupby(ordered, key=lambda c: (c.centre, c.workplace))
    ]


@dataclass(frozen=True)
class CardSheet:
    path: Path
    pages: int
    groups: int
    cards: int


def _pages(count: int, per_page: int) -> int:
    return max(1, -(-count // per_page))


def write_card_sheet(
    cards: Sequence[PrintedCard], path: Path, *, printed_on: dt.date | None = None
) -> CardSheet:
    """One PDF: for each group its receipt list, then its cards, each starting on a new page."""
    pdf = FPDF(unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("korean", "", str(find_korean_font()))
    groups = hand_out_groups(cards)
    for group in groups:
        _receipt_list(pdf, group, printed_on)
        _cards(pdf, group)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return CardSheet(path, pdf.page_no(), len(groups), len(cards))


def _say(code: str, **params: object) -> str:
    return text(code, SHEET_LANG, **params)


def _footer(pdf: FPDF, label: str) -> None:
    pdf.set_font("korean", size=8)
    pdf.set_text_color(110, 110, 110)
    pdf.set_xy(LIST_X, 297 - 14)
    pdf.cell(210 - 2 * LIST_X, 5, label, align="C")
    pdf.set_text_color(0, 0, 0)


def _receipt_list(pdf: FPDF, group: HandOutGroup, printed_on: dt.date | None) -> None:
    pages = _pages(len(group.cards), ROWS_PER_LIST_PAGE)
    for page in range(pages):
        pdf.add_page()
        pdf.set_font("korean", size=16)
        pdf.set_xy(LIST_X, 15)
        pdf.cell(0, 8, _say("sheet_title"))
        pdf.set_font("korean", size=13)
        pdf.set_xy(LIST_X, 24)
        pdf.cell(0, 7, group.label)
        pdf.set_font("korean", size=9)
        pdf.set_xy(LIST_X, 32)
        summary = _say("sheet_summary", count=len(group.cards))
        if printed_on is not None:
            summary += "  ·  " + _say("sheet_printed_on", date=f"{printed_on:%Y-%m-%d}")
        pdf.cell(0, 5, summary)
        pdf.set_xy(LIST_X, 37)
        pdf.cell(0, 5, _say("sheet_instructions"))
        _list_heading(pdf)
        rows = group.cards[page * ROWS_PER_LIST_PAGE : (page + 1) * ROWS_PER_LIST_PAGE]
        for n, card in enumerate(rows, start=page * ROWS_PER_LIST_PAGE + 1):
            y = LIST_TOP + HEAD_H + (n - 1 - page * ROWS_PER_LIST_PAGE) * ROW_H
            values = (str(n), format_card_number(card.number), mask_name(card.name), card.participant_id, "")
            x = LIST_X
            pdf.set_font("korean", size=10)
            for (width, _), value in zip(LIST_COLUMNS, values, strict=True):
                pdf.set_xy(x, y)
                pdf.cell(width, ROW_H, value, border=1, align="C")
                x += width
        if page == pages - 1:  # who handed the cards out signs under the last row
            pdf.set_font("korean", size=10)
            pdf.set_xy(LIST_X, LIST_TOP + HEAD_H + len(rows) * ROW_H + 6)
            pdf.cell(0, 6, _say("sheet_handed_by"))
        _footer(pdf, _say("sheet_list_footer", group=group.label, page=page + 1, pages=pages))


def _list_heading(pdf: FPDF) -> None:
    pdf.set_font("korean", size=10)
    pdf.set_fill_color(232, 240, 218)  # a light olive
    x = LIST_X
    for width, code in LIST_COLUMNS:
        pdf.set_xy(x, LIST_TOP)
        pdf.cell(width, HEAD_H, _say(code), border=1, align="C", fill=True)
        x += width


def _cards(pdf: FPDF, group: HandOutGroup) -> None:
    pages = _pages(len(group.cards), PER_PAGE)
    for index, card in enumerate(group.cards):
        slot = index % PER_PAGE
        if slot == 0:
            pdf.add_page()
            # Outside the cut lines: which group this page belongs to (cut off with the margin).
            label = _say("sheet_cards_footer", group=group.label, page=index // PER_PAGE + 1, pages=pages)
            pdf.set_font("korean", size=8)
            pdf.set_text_color(110, 110, 110)
            pdf.set_xy(MARGIN_X, 5)
            pdf.cell(COLS * CARD_W, 5, label, align="C")
        _card(pdf, card, MARGIN_X + (slot % COLS) * CARD_W, MARGIN_Y + (slot // COLS) * CARD_H)


def _card(pdf: FPDF, card: PrintedCard, x: float, y: float) -> None:
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
    pdf.set_draw_color(0, 0, 0)


def write_card_csv(cards: Sequence[PrintedCard], path: Path) -> Path:
    """The office's list in the sheets' order (UTF-8 with BOM so Excel shows Korean)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["participant_id", "name", "card_number", "issue", "expires_on", "centre", "workplace"]
        )
        for card in sorted(cards, key=_order):
            # Names come from the office's import: never let a spreadsheet run one as a formula.
            writer.writerow(
                safe_row(
                    [
                        card.participant_id,
                        card.name,
                        card.number,
                        card.issue,
                        card.expires_on.isoformat(),
                        card.centre,
                        card.workplace,
                    ]
                )
            )
    return path


def printed_cards(ledger: Ledger, key_file: Path, participant_ids: Sequence[str] | None) -> list[PrintedCard]:
    """The cards to print (active or online-only; of ``participant_ids``, or all), each signed with
    the issuer key in ``key_file`` (``issue-cards``, ``replace`` and the office console)."""
    try:
        key = load_private_key_pem(key_file.read_bytes())
    except (OSError, ValueError) as exc:
        raise AdminError("key_unreadable", path=key_file, error=exc) from exc
    people = {p.participant_id: p for p in ledger.participants()}
    cards = [
        c
        for c in ledger.cards()
        if c.status in ("active", "online_only")
        and (participant_ids is None or c.participant_id in participant_ids)
    ]
    return [
        PrintedCard(
            c.number,
            c.issue,
            c.expires_on,
            sign_card(CardToken(c.number, c.issue, c.expires_on), key),
            c.participant_id or "",
            person.name if person else "",
            person.centre if person else "",
            person.workplace if person else "",
        )
        for c in cards
        for person in [people.get(c.participant_id or "")]
    ]
