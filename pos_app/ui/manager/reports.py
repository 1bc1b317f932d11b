"""Reports for any range of business days: by day, product, category, tender or cashier; CSV and PDF export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.reports import REPORT_KINDS, Report
from pos_app.manager.printouts import report_csv, report_file_name, report_pdf
from pos_app.manager.queries import SalesQueries
from pos_app.manager.settings import ExportFolder
from pos_app.ui.manager.common import (
    MessageLine,
    ReportSaver,
    amount_text,
    fill_table,
    heading,
    make_table,
)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class ReportsScreen(QWidget):
    def __init__(
        self,
        queries: SalesQueries,
        today: Callable[[], dt.date],
        category_of: Callable[[str], tuple[str, str]],
        staff_name: Callable[[str], str],
        out_dir: Path,
        exports: ExportFolder,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.queries = queries
        self.category_of = category_of
        self.staff_name = staff_name
        self.out_dir = out_dir
        self.report: Report | None = None
        self.message = MessageLine()
        # Asks where to save (default: the folder used last, Documents, or the till's folder).
        self.saver = ReportSaver(self, exports, out_dir, self.message)

        day = today()
        self.first_edit = QDateEdit(_qdate(day.replace(day=1)))
        self.last_edit = QDateEdit(_qdate(day))
        for edit in (self.first_edit, self.last_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.kind_box = QComboBox()
        names = {
            "day": self.tr("By day"),
            "product": self.tr("By product"),
            "category": self.tr("By category"),
            "tender": self.tr("By tender"),
            "cashier": self.tr("By cashier"),
        }
        for kind in REPORT_KINDS:
            self.kind_box.addItem(names[kind], kind)
        self.today = today
        quick = QHBoxLayout()
        for label, days in (
            (self.tr("Today"), 0),
            (self.tr("Last 7 days"), 6),
            (self.tr("Last 30 days"), 29),
        ):
            button = QPushButton(label)
            button.clicked.connect(lambda _checked=False, d=days: self.set_range(d))
            quick.addWidget(button)
        self.month_button = QPushButton(self.tr("This month"))
        self.month_button.clicked.connect(self.set_month)
        quick.addWidget(self.month_button)
        quick.addStretch(1)
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setProperty("primary", True)
        self.show_button.clicked.connect(self.run)
        self.csv_button = QPushButton(self.tr("Save as CSV (Excel)"))
        self.csv_button.setObjectName("save-csv")
        self.csv_button.clicked.connect(self.export_csv)
        self.pdf_button = QPushButton(self.tr("Save as PDF"))
        self.pdf_button.setObjectName("save-pdf")
        self.pdf_button.clicked.connect(self.export_pdf)

        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("From")))
        controls.addWidget(self.first_edit)
        controls.addWidget(QLabel(self.tr("to")))
        controls.addWidget(self.last_edit)
        controls.addWidget(self.kind_box)
        controls.addWidget(self.show_button)
        controls.addStretch(1)
        saving = QHBoxLayout()
        saving.addStretch(1)
        saving.addWidget(self.saver.open_button)
        saving.addWidget(self.csv_button)
        saving.addWidget(self.pdf_button)

        self.table = make_table(["", "", "", ""])
        self.totals = QLabel()
        self.totals.setProperty("heading", True)
        self.totals.setWordWrap(True)
        self.notes = QLabel()
        self.notes.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Sales reports")))
        layout.addLayout(quick)
        layout.addLayout(controls)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        layout.addWidget(self.notes)
        layout.addLayout(saving)
        layout.addWidget(self.message)
        self.run()

    def set_range(self, days_back: int) -> None:
        day = self.today()
        self.first_edit.setDate(_qdate(day - dt.timedelta(days=days_back)))
        self.last_edit.setDate(_qdate(day))
        self.run()

    def set_month(self) -> None:
        day = self.today()
        self.first_edit.setDate(_qdate(day.replace(day=1)))
        self.last_edit.setDate(_qdate(day))
        self.run()

    def run(self) -> Report:
        kind = str(self.kind_box.currentData())
        # A year by product takes about half a second on a shop PC: show that something is happening.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = self.queries.report(
                kind,
                _pydate(self.first_edit.date()),
                _pydate(self.last_edit.date()),
                category_of=self.category_of,
                staff_name=self.staff_name,
            )
        finally:
            QApplication.restoreOverrideCursor()
        self.report = report
        self.table.setHorizontalHeaderLabels(list(report.columns))
        fill_table(
            self.table,
            [[row.key, row.label, f"{row.count:,}", amount_text(row.amount)] for row in report.rows],
            frozenset({2, 3}),
        )
        s = report.summary
        self.totals.setText(
            self.tr("Sales %1 · gross %2 · refunds %3 · net %4 (points %5, cash %6, card %7)")
            .replace("%1", f"{s.sales_count:,}")
            .replace("%2", amount_text(s.gross.total))
            .replace("%3", amount_text(-s.refunds.total))
            .replace("%4", amount_text(s.net.total))
            .replace("%5", amount_text(s.net.points))
            .replace("%6", amount_text(s.net.cash))
            .replace("%7", amount_text(s.net.bank_card))
        )
        self.notes.setText(" ".join(report.notes))
        self.message.clear_message()
        return report

    def export_csv(self) -> bool:
        """The report shown, as CSV in the folder the manager picks (written off the UI thread)."""
        report = self.run()
        return self.saver.save(report_file_name(report, "csv"), lambda path: report_csv(report, path))

    def export_pdf(self) -> bool:
        report = self.run()
        return self.saver.save(report_file_name(report, "pdf"), lambda path: report_pdf(report, path))
