"""Day close screen: count the drawer by denomination (on the number pad), compare with the expected
cash, close, print the Z report; for a closed day, what was sold after the close, and a reprint."""

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
from pos_app.manager.dayclose import AfterClose, CloseDraft, DayCloseBook, LateSale
from pos_app.manager.printouts import ZReportIssued, issue_z_report
from pos_app.printing.receipt import ShopHeader
from pos_app.ui.background import BackgroundOp
from pos_app.ui.manager.common import (
    MessageLine,
    amount_text,
    fill_table,
    fit_columns,
    heading,
    make_table,
    rows_height,
)
from pos_app.ui.messages import denomination_text, problem_text, tender_text
from pos_app.ui.widgets import NumberPad
from sync.shared.clock import KST


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _hhmm(at: dt.datetime) -> str:
    return at.astimezone(KST).strftime("%H:%M")


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
        self.after: AfterClose | None = None
        self.last_z: ZReport | None = None
        self.last_pdf: Path | None = None
        self.printing = False

        # Normally today; a manager who forgot to close yesterday picks that day here.
        self.day_edit = QDateEdit(_qdate(today()))
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.setMaximumDate(_qdate(today()))
        self.day_edit.dateChanged.connect(lambda _d: self.refresh())
        # The day's figures beside the day: a 1024×768 screen has no line to spare for a title.
        self.figures = QLabel()
        self.figures.setWordWrap(True)
        title_row = QHBoxLayout()
        title_row.addWidget(QLabel(self.tr("Business day")))
        title_row.addWidget(self.day_edit)
        title_row.addSpacing(12)
        title_row.addWidget(self.figures, 1)

        # A closed day: when and by whom, and what it sold since (not in that close's Z report).
        self.closed_note = MessageLine()
        self.closed_note.setObjectName("closed-note")
        self.closed_note.hide()
        self.after_table = make_table(
            [
                self.tr("Time"),
                self.tr("Receipt no."),
                self.tr("Amount"),
                self.tr("Paid with"),
                self.tr("Cashier"),
            ]
        )
        self.after_table.setObjectName("after-close-sales")
        self.after_table.setMinimumHeight(36 + 2 + 36)  # the header and at least one sale
        self.after_table.hide()

        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        self.count_edits: dict[int, QLineEdit] = {}
        self.amount_labels: dict[int, QLabel] = {}
        for i, value in enumerate(DENOMINATIONS):
            row, col = i % 4, (i // 4) * 3
            edit = QLineEdit()
            edit.setObjectName(f"count-{value}")
            edit.setPlaceholderText("0")
            edit.setMaximumWidth(100)
            edit.textChanged.connect(self._update_totals)
            self.count_edits[value] = edit
            self.amount_labels[value] = QLabel("0원")
            self.amount_labels[value].setMinimumWidth(110)
            grid.addWidget(QLabel(denomination_text(value)), row, col)
            grid.addWidget(edit, row, col + 1)
            grid.addWidget(self.amount_labels[value], row, col + 2)
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(5, 1)

        self.counted_label = QLabel()
        self.expected_label = QLabel()
        self.difference_label = MessageLine()
        for label in (self.counted_label, self.expected_label):
            label.setProperty("heading", True)
        totals = QHBoxLayout()
        totals.addWidget(self.expected_label)
        totals.addWidget(self.counted_label)
        totals.addWidget(self.difference_label, 1)

        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("Why the cash differs (required when it does)"))
        self.float_edit = QLineEdit()
        self.float_edit.setObjectName("next-float")
        self.float_edit.setPlaceholderText(self.tr("e.g. 100000"))
        form = QFormLayout()
        form.addRow(self.tr("Reason for a difference"), self.reason_edit)
        form.addRow(self.tr("Cash left in the drawer for tomorrow"), self.float_edit)

        # The on-screen pad types into the count or float field touched last (a touch-only till).
        self.pad = NumberPad([*self.count_edits.values(), self.float_edit], prefix="close-pad")
        self.close_button = QPushButton(self.tr("Close the day"))
        self.close_button.setProperty("primary", True)
        self.close_button.clicked.connect(self.close_day)
        self.print_button = QPushButton(self.tr("Print Z report again"))
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.reprint)
        counting = QVBoxLayout()
        counting.addWidget(heading(self.tr("Cash count")))
        counting.addLayout(grid)
        counting.addLayout(totals)
        counting.addLayout(form)
        actions = QVBoxLayout()
        actions.addWidget(self.pad)
        actions.addStretch(1)
        actions.addWidget(self.print_button)
        actions.addWidget(self.close_button)
        actions_holder = QWidget()
        actions_holder.setLayout(actions)
        actions_holder.setFixedWidth(260)
        actions.setContentsMargins(0, 0, 0, 0)
        middle = QHBoxLayout()
        middle.addLayout(counting, 1)
        middle.addSpacing(8)
        middle.addWidget(actions_holder)

        self.reclose_box = QCheckBox(
            self.tr("This day is already closed. Close it again (the earlier close is kept)")
        )
        self.reclose_box.setVisible(False)
        self.message = MessageLine()

        layout = QVBoxLayout(self)
        layout.addLayout(title_row)
        layout.addWidget(self.closed_note)
        layout.addWidget(self.after_table, 1)
        layout.addLayout(middle)
        layout.addWidget(self.reclose_box)
        layout.addWidget(self.message)
        self.stretch = layout.count()
        layout.addStretch(1)
        self.refresh()

    def business_day(self) -> dt.date:
        value = self.day_edit.date()
        return dt.date(value.year(), value.month(), value.day())

    def refresh(self) -> None:
        day = self.business_day()
        self.draft = draft = self.book.draft(day)
        s = draft.summary
        self.figures.setText(
            self.tr("Opening cash %1 + cash sales %2 − cash refunds %3. Sales %4, net sales %5.")
            .replace("%1", amount_text(draft.opening_float))
            .replace("%2", amount_text(s.gross.cash))
            .replace("%3", amount_text(s.refunds.cash))
            .replace("%4", f"{s.sales_count:,}")
            .replace("%5", amount_text(s.net.total))
        )
        self.reclose_box.setVisible(draft.previous_close is not None)
        self.print_button.setEnabled(draft.previous_close is not None and not self.printing)
        if not self.float_edit.text():
            self.float_edit.setText(str(draft.opening_float) if draft.opening_float else "")
        self.show_after_close(self.book.after_close(day) if draft.previous_close is not None else None)
        self._update_totals()

    # -- a day already closed ----------------------------------------------------------------------
    def show_after_close(self, after: AfterClose | None) -> None:
        self.after = after
        if after is None:
            self.closed_note.hide()
            self.after_table.hide()
            self._stretch_below(True)
            return
        self.closed_note.show()
        closed = (
            self.tr("This day was closed at %1 by %2.")
            .replace("%1", _hhmm(after.closed_at))
            .replace("%2", self.staff_name(after.closed_by))
        )
        if not after.anything:
            nothing = self.tr("Nothing was sold or refunded after the close.")
            self.closed_note.ok(f"{closed} {nothing}")
            self.after_table.hide()
            self._stretch_below(True)
            return
        parts = [closed]
        if after.sales:
            parts.append(
                self.tr("After the close: %1 sales, %2 (cash %3).")
                .replace("%1", f"{len(after.sales):,}")
                .replace("%2", amount_text(after.sold.total))
                .replace("%3", amount_text(after.sold.cash))
            )
        if after.refund_count:
            parts.append(
                self.tr("After the close: %1 refunds or voids, %2 (cash %3).")
                .replace("%1", f"{after.refund_count:,}")
                .replace("%2", amount_text(-after.refunds.total))
                .replace("%3", amount_text(-after.refunds.cash))
            )
        parts.append(
            self.tr(
                "They are not in this day's Z report. Count the drawer again and close the day again "
                "to take them in."
            )
        )
        self.closed_note.warn(" ".join(parts))
        fill_table(self.after_table, [self._late_row(sale) for sale in after.sales], frozenset({2}))
        fit_columns(self.after_table, stretch=3)
        self.after_table.setMaximumHeight(rows_height(self.after_table, len(after.sales)))
        self.after_table.setVisible(bool(after.sales))
        self._stretch_below(not after.sales)

    def _late_row(self, sale: LateSale) -> list[str]:
        tenders = [
            f"{tender_text(key)} {amount_text(amount)}"
            for key, amount in (
                ("points", sale.paid.points),
                ("cash", sale.paid.cash),
                ("bank_card", sale.paid.bank_card),
            )
            if amount
        ]
        return [
            _hhmm(sale.at),
            sale.sale_no,
            amount_text(sale.total),
            " + ".join(tenders),
            self.staff_name(sale.cashier),
        ]

    def _stretch_below(self, below: bool) -> None:
        """Empty space goes under the form, or to the list of late sales when there is one."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.setStretch(layout.indexOf(self.after_table), 0 if below else 1)
        layout.setStretch(self.stretch, 1 if below else 0)

    # -- counting ----------------------------------------------------------------------------------
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

    # -- closing and the Z report ------------------------------------------------------------------
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
        self.reclose_box.setChecked(False)
        self.refresh()
        closed = self.tr("The day is closed. %1")
        self.message.ok(closed.replace("%1", self.tr("Saving the Z report…")))
        self.issue(z, closed)
        self.sig_closed.emit(entry.id)

    def reprint(self) -> None:
        """The standing close's Z report again, rebuilt from the journal (so also after a restart)."""
        z = self.book.standing_z_report(self.business_day())
        if z is None:
            self.message.error(self.tr("This day is not closed yet: there is no Z report to print."))
            return
        self.message.ok(self.tr("Printing the Z report again…"))
        self.issue(z, "%1")

    def issue(self, z: ZReport, template: str) -> None:
        """Save the PDF and print in a worker thread; ``template``'s %1 gets what became of them."""
        self.last_z = z
        self.printing = True
        self.print_button.setEnabled(False)
        header, name, printer = self.header(), self.staff_name(z.closed_by), self.printer()
        folder, columns = self.out_dir, self.columns
        BackgroundOp(self, lambda: issue_z_report(z, header, name, folder, printer, columns)).on_success(
            lambda issued: self._issued(issued, template)
        ).on_failure(lambda exc: self._issue_failed(exc, template)).run()

    def _done_printing(self) -> None:
        self.printing = False
        self.print_button.setEnabled(self.draft is not None and self.draft.previous_close is not None)

    def _issued(self, issued: ZReportIssued, template: str) -> None:
        self._done_printing()
        self.last_pdf = issued.pdf
        note = self.tr("Z report saved: %1").replace("%1", str(issued.pdf))
        if issued.printer_problem is not None:
            self.message.error(template.replace("%1", f"{note} {problem_text(issued.printer_problem)}"))
        else:
            self.message.ok(template.replace("%1", note))

    def _issue_failed(self, exc: BaseException, template: str) -> None:
        self._done_printing()
        if not isinstance(exc, OSError):
            raise exc
        # A full disk or a folder the till may not write: the close stands, the report is missing.
        problem = self.tr("The Z report could not be saved: %1").replace("%1", str(exc))
        self.message.error(template.replace("%1", problem))
