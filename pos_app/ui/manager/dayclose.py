"""Day close screen: count the drawer by denomination, compare with the expected cash, close, print the Z report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.dayclose import DENOMINATIONS, DayCloseError, ZReport, parse_count
from pos_app.core.money import won
from pos_app.manager.dayclose import CloseDraft, DayCloseBook
from pos_app.manager.printouts import z_report_escpos, z_report_pdf
from pos_app.printing.printer_port import PrinterError, send
from pos_app.printing.receipt import ShopHeader
from pos_app.ui.manager.common import MessageLine, amount_text, heading
from pos_app.ui.messages import denomination_text, problem_text


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DayCloseScreen(QWidget):
    sig_closed = Signal(str)  # the day_close entry id

    def __init__(
        self,
        book: DayCloseBook,
        today: Callable[[], dt.date],
        manager_id: str,
        header: Callable[[], ShopHeader],
        printer: Callable[[], str],
        out_dir: Path,
        columns: int = 42,
        staff_name: Callable[[str], str] = str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.book = book
        self.today = today
        self.manager_id = manager_id
        self.staff_name = staff_name
        self.header = header
        self.printer = printer
        self.out_dir = out_dir
        self.columns = columns
        self.draft: CloseDraft | None = None
        self.last_z: ZReport | None = None
        self.last_pdf: Path | None = None

        self.title = heading("")
        # Normally today; a manager who forgot to close yesterday picks that day here.
        self.day_edit = QDateEdit(_qdate(today()))
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.setMaximumDate(_qdate(today()))
        self.day_edit.dateChanged.connect(lambda _d: self.refresh())
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(QLabel(self.tr("Business day")))
        title_row.addWidget(self.day_edit)
        self.figures = QLabel()
        self.figures.setWordWrap(True)

        grid = QGridLayout()
        grid.addWidget(heading(self.tr("Cash count")), 0, 0, 1, 3)
        self.count_edits: dict[int, QLineEdit] = {}
        self.amount_labels: dict[int, QLabel] = {}
        for i, value in enumerate(DENOMINATIONS):
            row, col = 1 + i % 4, (i // 4) * 3
            edit = QLineEdit()
            edit.setPlaceholderText("0")
            edit.setMaximumWidth(110)
            edit.textChanged.connect(self._update_totals)
            self.count_edits[value] = edit
            self.amount_labels[value] = QLabel("0원")
            grid.addWidget(QLabel(denomination_text(value)), row, col)
            grid.addWidget(edit, row, col + 1)
            grid.addWidget(self.amount_labels[value], row, col + 2)

        self.counted_label = QLabel()
        self.expected_label = QLabel()
        self.difference_label = MessageLine()
        for label in (self.counted_label, self.expected_label):
            label.setProperty("heading", True)
        totals = QHBoxLayout()
        totals.addWidget(self.expected_label)
        totals.addWidget(self.counted_label)
        totals.addWidget(self.difference_label)

        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("Why the cash differs (required when it does)"))
        self.float_edit = QLineEdit()
        self.float_edit.setPlaceholderText(self.tr("e.g. 100000"))
        form = QFormLayout()
        form.addRow(self.tr("Reason for a difference"), self.reason_edit)
        form.addRow(self.tr("Cash left in the drawer for tomorrow"), self.float_edit)

        self.reclose_box = QCheckBox(
            self.tr("This day is already closed. Close it again (the earlier close is kept)")
        )
        self.reclose_box.setVisible(False)
        self.close_button = QPushButton(self.tr("Close the day"))
        self.close_button.setProperty("primary", True)
        self.close_button.clicked.connect(self.close_day)
        self.print_button = QPushButton(self.tr("Print Z report again"))
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.print_last)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reclose_box, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)
        self.message = MessageLine()

        layout = QVBoxLayout(self)
        layout.addLayout(title_row)
        layout.addWidget(self.figures)
        layout.addLayout(grid)
        layout.addLayout(totals)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.refresh()

    def business_day(self) -> dt.date:
        value = self.day_edit.date()
        return dt.date(value.year(), value.month(), value.day())

    def refresh(self) -> None:
        day = self.business_day()
        self.draft = draft = self.book.draft(day)
        s = draft.summary
        self.title.setText(self.tr("Day close for %1").replace("%1", day.isoformat()))
        self.figures.setText(
            self.tr("Opening cash %1 + cash sales %2 − cash refunds %3. Sales %4, net sales %5.")
            .replace("%1", amount_text(draft.opening_float))
            .replace("%2", amount_text(s.gross.cash))
            .replace("%3", amount_text(s.refunds.cash))
            .replace("%4", f"{s.sales_count:,}")
            .replace("%5", amount_text(s.net.total))
        )
        self.reclose_box.setVisible(draft.previous_close is not None)
        if not self.float_edit.text():
            self.float_edit.setText(str(draft.opening_float) if draft.opening_float else "")
        self._update_totals()

    def _counted(self) -> int | None:
        total = 0
        for value, edit in self.count_edits.items():
            try:
                count = parse_count(edit.text(), value)
            except DayCloseError:
                self.amount_labels[value].setText(self.tr("numbers only"))
                return None
            self.amount_labels[value].setText(amount_text(value * count))
            total += value * count
        return total

    def _update_totals(self) -> None:
        if self.draft is None:
            return
        expected = self.draft.expected_cash
        self.expected_label.setText(self.tr("Expected %1").replace("%1", amount_text(expected)))
        counted = self._counted()
        if counted is None:
            self.counted_label.setText(self.tr("Counted: check the numbers"))
            self.difference_label.clear_message()
            return
        self.counted_label.setText(self.tr("Counted %1").replace("%1", amount_text(counted)))
        diff = counted - expected
        if diff == 0:
            self.difference_label.ok(self.tr("No difference"))
        elif diff > 0:
            self.difference_label.error(self.tr("Over by %1").replace("%1", f"{won(diff)}원"))
        else:
            self.difference_label.error(self.tr("Short by %1").replace("%1", f"{won(-diff)}원"))

    def close_day(self) -> None:
        day = self.business_day()
        try:
            z, entry = self.book.close(
                day,
                {value: edit.text() for value, edit in self.count_edits.items()},
                reason=self.reason_edit.text(),
                next_float=self.float_edit.text(),
                closed_by=self.manager_id,
                confirm_reclose=not self.reclose_box.isHidden() and self.reclose_box.isChecked(),
            )
        except DayCloseError as exc:
            self.message.error(problem_text(exc))
            return
        self.last_z = z
        self.reclose_box.setChecked(False)
        self.print_button.setEnabled(True)
        printed = self.print_last()
        self.refresh()
        self.message.ok(self.tr("The day is closed. %1").replace("%1", printed))
        self.sig_closed.emit(entry.id)

    def print_last(self) -> str:
        """Write the Z report PDF (always) and send it to the receipt printer when one is set."""
        if self.last_z is None:
            return ""
        z = self.last_z
        header = self.header()
        stamp = z.closed_at.strftime("%Y%m%d-%H%M%S")
        name = self.staff_name(z.closed_by)
        self.last_pdf = z_report_pdf(
            z, header, name, self.out_dir / f"z-report-{z.business_day.isoformat()}-{stamp}.pdf"
        )
        note = self.tr("Z report saved: %1").replace("%1", str(self.last_pdf))
        target = self.printer()
        if target:
            try:
                send(target, z_report_escpos(z, header, name, self.columns))
            except PrinterError as exc:
                return f"{note} {problem_text(exc)}"
        return note
