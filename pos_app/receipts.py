"""Receipts for sales and refunds: built from journal entries, always saved as PDF, printed if set up."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, replace
from pathlib import Path

from pos_app.manager.settings import ShopSettingsStore
from pos_app.printing.escpos import drawer_kick, render_escpos
from pos_app.printing.pdf import render_pdf
from pos_app.printing.printer_port import PrinterError, send
from pos_app.printing.receipt import Receipt, ReceiptLine, ShopHeader
from pos_app.runtime import TillRuntime
from sync.shared.chain import JournalEntry

log = logging.getLogger(__name__)


def receipt_for_sale(
    entry: JournalEntry,
    header: ShopHeader,
    *,
    cashier: str,
    card_balance: int | None,
    offline: bool,
    kind: str = "sale",
) -> Receipt:
    p = entry.payload
    card = p.get("card") or {}
    return Receipt(
        header=header,
        sale_no=f"{entry.till_id}-{entry.seq:06d}",
        at=dt.datetime.fromisoformat(entry.ts),
        lines=tuple(
            ReceiptLine(
                str(li["name"]), int(li["qty"]), int(li["unit_price"]), int(li["amount"]), bool(li["taxable"])
            )
            for li in p["lines"]
        ),
        total=int(p["total"]),
        supply_value=int(p["supply_value"]),
        vat=int(p["vat"]),
        tax_free=int(p["tax_free"]),
        points=int(p["points"]),
        cash=int(p["cash"]),
        cash_received=int(p["cash_received"]),
        change=int(p["change"]),
        bank_card=int(p["bank_card"]),
        approval_no=p.get("approval_no"),
        card_last4=str(card["number"])[-4:] if card else None,
        points_balance=card_balance if card else None,
        cashier=cashier,
        offline=offline,
        kind=kind,
    )


def receipt_for_refund(
    refund: JournalEntry, sale: JournalEntry, header: ShopHeader, *, cashier: str
) -> Receipt:
    p = refund.payload
    base = receipt_for_sale(
        sale, header, cashier=cashier, card_balance=None, offline=False, kind=str(refund.type)
    )
    total = int(p["points"]) + int(p["cash"]) + int(p["bank_card"])
    return replace(
        base,
        sale_no=f"{refund.till_id}-{refund.seq:06d} (원 영수증 {base.sale_no})",
        at=dt.datetime.fromisoformat(refund.ts),
        total=total,
        supply_value=0,
        vat=0,
        tax_free=0,
        points=int(p["points"]),
        cash=int(p["cash"]),
        cash_received=0,
        change=0,
        bank_card=int(p["bank_card"]),
        note=str(p.get("reason", "")),
    )


@dataclass
class PrintOutcome:
    pdf: Path
    printed: bool
    message_ko: str


class ReceiptDesk:
    """Saves every receipt as PDF, prints it where a printer is configured, remembers the last one."""

    def __init__(self, runtime: TillRuntime) -> None:
        self.runtime = runtime
        self.settings = ShopSettingsStore(runtime.journal)
        self.last: Receipt | None = None

    def header(self) -> ShopHeader:
        return self.settings.receipt_header()

    def printer(self) -> str:
        saved = self.settings.saved()
        return (saved.printer if saved and saved.printer else "") or self.runtime.config.printer

    def issue(self, receipt: Receipt, *, open_drawer: bool = False) -> PrintOutcome:
        self.last = receipt
        safe = receipt.sale_no.split(" ")[0]
        pdf = render_pdf(receipt, self.runtime.config.receipts_path / f"{safe}-{receipt.kind}.pdf")
        target = self.printer()
        if not target:
            return PrintOutcome(pdf, False, "영수증을 PDF로 저장했습니다.")
        if target == "system" or target.startswith("system:"):
            return self._print_system(receipt, pdf, target.partition(":")[2])
        data = render_escpos(receipt, self.runtime.config.printer_columns)
        if open_drawer:
            data = drawer_kick() + data
        try:
            send(target, data)
        except PrinterError as exc:
            log.warning("receipt printer failed: %s", exc)
            return PrintOutcome(pdf, False, exc.message_ko)
        return PrintOutcome(pdf, True, "영수증을 출력했습니다.")

    def _print_system(self, receipt: Receipt, pdf: Path, name: str) -> PrintOutcome:
        """Through the OS printer driver (QPrinter); the drawer then opens by the printer's own setting."""
        from pos_app.printing.qprinter import make_printer, print_receipt

        try:
            print_receipt(receipt, make_printer(name), self.runtime.config.printer_columns)
        except PrinterError as exc:
            return PrintOutcome(pdf, False, exc.message_ko)
        return PrintOutcome(pdf, True, "영수증을 출력했습니다.")

    def reprint(self) -> PrintOutcome | None:
        if self.last is None:
            return None
        return self.issue(replace(self.last, kind="reprint") if self.last.kind == "sale" else self.last)
