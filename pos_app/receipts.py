"""Receipts for sales and refunds: built from journal entries, always saved as PDF, printed if set up."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from pos_app.manager.settings import ShopSettingsStore
from pos_app.printing.escpos import drawer_kick, render_escpos
from pos_app.printing.layout import PARTIAL_REFUND
from pos_app.printing.pdf_process import render_pdf_aside
from pos_app.printing.printer_port import PrinterError, send
from pos_app.printing.receipt import Receipt, ReceiptLine, ShopHeader
from pos_app.runtime import TillRuntime
from sync.shared.chain import JournalEntry
from sync.shared.entries import Payload, Refund, Sale

BodyT = TypeVar("BodyT", bound=Payload)

log = logging.getLogger(__name__)


def sale_number(entry: JournalEntry) -> str:
    return f"{entry.till_id}-{entry.seq:06d}"


def _typed(entry: JournalEntry, kind: type[BodyT]) -> BodyT:
    body = entry.body
    if not isinstance(body, kind):
        raise ValueError(f"entry {entry.id} is not a readable {kind.TYPE}")
    return body


def receipt_for_sale(
    entry: JournalEntry,
    header: ShopHeader,
    *,
    cashier: str,
    card_balance: int | None,
    offline: bool,
    kind: str = "sale",
) -> Receipt:
    sale = _typed(entry, Sale)
    return Receipt(
        header=header,
        sale_no=sale_number(entry),
        at=dt.datetime.fromisoformat(entry.ts),
        lines=tuple(
            ReceiptLine(line.name, line.qty, line.unit_price, line.amount, line.taxable)
            for line in sale.lines
        ),
        total=sale.total,
        supply_value=sale.supply_value,
        vat=sale.vat,
        tax_free=sale.tax_free,
        points=sale.points,
        cash=sale.cash,
        cash_received=sale.cash_received,
        change=sale.change,
        bank_card=sale.bank_card,
        approval_no=sale.approval_no,
        card_last4=sale.card.number[-4:] if sale.card else None,
        points_balance=card_balance if sale.card else None,
        cashier=cashier,
        offline=offline,
        kind=kind,
    )


def receipt_for_refund(
    refund: JournalEntry, sale: JournalEntry, header: ShopHeader, *, cashier: str
) -> Receipt:
    """The refund's own number with the original's on a line of its own; the items when the whole
    sale comes back, else one line with the amount refunded (never the original items' amounts)."""
    back = _typed(refund, Refund)
    base = receipt_for_sale(
        sale, header, cashier=cashier, card_balance=None, offline=False, kind=str(refund.type)
    )
    whole = back.amount == base.total
    lines = (
        base.lines
        if whole
        else (ReceiptLine(PARTIAL_REFUND, 1, back.amount, back.amount, taxable=base.tax_free == 0),)
    )
    return replace(
        base,
        sale_no=sale_number(refund),
        original_no=base.sale_no,
        at=dt.datetime.fromisoformat(refund.ts),
        lines=lines,
        total=back.amount,
        supply_value=base.supply_value if whole else 0,
        vat=base.vat if whole else 0,
        tax_free=base.tax_free if whole else 0,
        points=back.points,
        cash=back.cash,
        cash_received=0,
        change=0,
        bank_card=back.bank_card,
        approval_no=None,
        note=back.reason,
    )


class ReceiptNote(StrEnum):
    """What became of a receipt when it was not a printer problem (``PrinterProblem``)."""

    SAVED_AS_PDF = "saved_as_pdf"  # no printer set up
    PRINTED = "printed"


@dataclass
class PrintOutcome:
    """``code`` is a ``ReceiptNote`` or the ``PrinterProblem`` that stopped the print (the PDF is saved)."""

    pdf: Path
    printed: bool
    code: StrEnum


class ReceiptDesk:
    """Saves every receipt as PDF, prints it where a printer is configured, remembers the last one."""

    def __init__(self, runtime: TillRuntime, settings: ShopSettingsStore | None = None) -> None:
        self.runtime = runtime
        self.settings = settings or ShopSettingsStore(runtime.journal)
        self.last: Receipt | None = None

    def header(self) -> ShopHeader:
        return self.settings.receipt_header()

    def printer(self) -> str:
        saved = self.settings.saved()
        return (saved.printer if saved and saved.printer else "") or self.runtime.config.printer

    def issue(self, receipt: Receipt, *, open_drawer: bool = False) -> PrintOutcome:
        self.last = receipt
        safe = receipt.sale_no.split(" ")[0]
        pdf = render_pdf_aside(receipt, self.runtime.config.receipts_path / f"{safe}-{receipt.kind}.pdf")
        target = self.printer()
        if not target:
            return PrintOutcome(pdf, False, ReceiptNote.SAVED_AS_PDF)
        if target == "system" or target.startswith("system:"):
            return self._print_system(receipt, pdf, target.partition(":")[2])
        data = render_escpos(receipt, self.runtime.config.printer_columns)
        if open_drawer:
            data = drawer_kick() + data
        try:
            send(target, data)
        except PrinterError as exc:
            log.warning("receipt printer failed: %s", exc)
            return PrintOutcome(pdf, False, exc.code)
        return PrintOutcome(pdf, True, ReceiptNote.PRINTED)

    def _print_system(self, receipt: Receipt, pdf: Path, name: str) -> PrintOutcome:
        """Through the OS printer driver (QPrinter); the drawer then opens by the printer's own setting."""
        from pos_app.printing.qprinter import make_printer, print_receipt

        try:
            print_receipt(receipt, make_printer(name), self.runtime.config.printer_columns)
        except PrinterError as exc:
            return PrintOutcome(pdf, False, exc.code)
        return PrintOutcome(pdf, True, ReceiptNote.PRINTED)

    def reprint(self) -> PrintOutcome | None:
        if self.last is None:
            return None
        return self.issue(replace(self.last, kind="reprint") if self.last.kind == "sale" else self.last)
