"""Receipt text layout by display width: Hangul takes two columns on a thermal printer."""

from __future__ import annotations

import unicodedata

from pos_app.core.money import won
from pos_app.printing.receipt import Receipt
from sync.shared.business_no import format_business_no
from sync.shared.clock import KST

TITLES = {"sale": "영수증", "refund": "환불 영수증", "void": "취소 영수증", "reprint": "영수증 (재발행)"}
PARTIAL_REFUND = "부분 환불"  # the one line of a refund of part of a sale: the amount, not the items


def char_width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    return sum(char_width(c) for c in text)


def truncate(text: str, width: int) -> str:
    out, used = [], 0
    for char in text:
        w = char_width(char)
        if used + w > width:
            break
        out.append(char)
        used += w
    return "".join(out)


def ljust(text: str, width: int) -> str:
    text = truncate(text, width)
    return text + " " * (width - display_width(text))


def rjust(text: str, width: int) -> str:
    text = truncate(text, width)
    return " " * (width - display_width(text)) + text


def center(text: str, width: int) -> str:
    text = truncate(text, width)
    pad = width - display_width(text)
    return " " * (pad // 2) + text + " " * (pad - pad // 2)


def pair(label: str, value: str, width: int) -> str:
    """``label ........ value`` on one line, the value right-aligned."""
    value = truncate(value, width)
    return ljust(label, width - display_width(value)) + value


def wrap(text: str, width: int) -> list[str]:
    lines, current = [], ""
    for char in text:
        if display_width(current + char) > width:
            lines.append(current)
            current = ""
        current += char
    if current:
        lines.append(current)
    return lines or [""]


def render_text(receipt: Receipt, columns: int = 42) -> list[str]:
    sign = -1 if receipt.kind in ("refund", "void") else 1
    h = receipt.header
    rule = "-" * columns
    out = [center(h.name, columns)]
    if h.business_no:
        out.append(pair("사업자등록번호", format_business_no(h.business_no), columns))
    if h.representative:
        out.append(pair("대표자", h.representative, columns))
    for part in wrap(h.address, columns) if h.address else []:
        out.append(part)
    if h.phone:
        out.append(pair("전화", h.phone, columns))
    out.append(rule)
    out.append(center(TITLES.get(receipt.kind, "영수증"), columns))
    out.append(pair("일시", receipt.at.astimezone(KST).strftime("%Y-%m-%d %H:%M:%S"), columns))
    out.append(pair("영수증 번호", receipt.sale_no, columns))
    if receipt.original_no:
        out.append(pair("원 영수증", receipt.original_no, columns))
    out.append(rule)
    qty_w, price_w, amount_w = 4, 9, 10
    name_w = columns - qty_w - price_w - amount_w
    out.append(
        ljust("품명", name_w) + rjust("수량", qty_w) + rjust("단가", price_w) + rjust("금액", amount_w)
    )
    for line in receipt.lines:
        name = line.name + ("" if line.taxable else " (면세)")
        numbers = (
            rjust(str(line.qty), qty_w)
            + rjust(won(line.unit_price), price_w)
            + rjust(won(sign * line.amount), amount_w)
        )
        if display_width(name) <= name_w:
            out.append(ljust(name, name_w) + numbers)
        else:
            out.extend(wrap(name, columns))
            out.append(" " * name_w + numbers)
    out.append(rule)
    out.append(pair("합계", f"{won(sign * receipt.total)}원", columns))
    if receipt.supply_value or receipt.vat:
        out.append(pair("  과세 공급가액", won(sign * receipt.supply_value), columns))
        out.append(pair("  부가세", won(sign * receipt.vat), columns))
    if receipt.tax_free:
        out.append(pair("  면세", won(sign * receipt.tax_free), columns))
    out.append(rule)
    if receipt.points:
        out.append(pair("포인트", won(sign * receipt.points), columns))
    if receipt.cash:
        out.append(pair("현금", won(sign * receipt.cash), columns))
        if receipt.cash_received:
            out.append(pair("  받은 돈", won(receipt.cash_received), columns))
            out.append(pair("  거스름돈", won(receipt.change), columns))
    if receipt.bank_card:
        out.append(pair("카드", won(sign * receipt.bank_card), columns))
        if receipt.approval_no:
            out.append(pair("  승인번호", receipt.approval_no, columns))
    if receipt.card_last4:
        out.append(pair("포인트 카드", f"**** **** {receipt.card_last4}", columns))
    if receipt.points_balance is not None:
        out.append(pair("포인트 잔액", f"{won(receipt.points_balance)}원", columns))
    if receipt.offline and receipt.points:
        out.append(pair("", "오프라인 승인", columns))
    if receipt.note:
        out.extend(wrap(f"사유: {receipt.note}", columns))
    if receipt.cashier:
        out.append(pair("계산원", receipt.cashier, columns))
    out.append(rule)
    out.append(center("감사합니다 · 올리브 마켓", columns))
    return out
