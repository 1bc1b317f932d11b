"""Today at a glance: net sales by tender, count, average ticket, sales by hour, top products,
refunds and voids with who/when/why, what is waiting to sync, and offline points sales."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from pos_app.manager.printouts import report_csv
from pos_app.manager.queries import Glance, SalesQueries
from pos_app.manager.settings import ExportFolder
from pos_app.ui.manager.chart import HourChart
from pos_app.ui.manager.common import (
    MessageLine,
    ReportSaver,
    Tile,
    amount_text,
    fill_table,
    fit_columns,
    fit_height,
    heading,
    make_table,
)
from sync.shared.clock import KST

NUMERIC = frozenset({1, 2, 3})
REASON = 3  # the refunds table's one free-text column: it takes the room left and wraps


class TodayScreen(QWidget):
    def __init__(
        self,
        queries: SalesQueries,
        today: Callable[[], dt.date],
        staff_name: Callable[[str], str],
        wake_sync: Callable[[], None] | None = None,
        exports: ExportFolder | None = None,
        out_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.queries = queries
        self.today = today
        self.staff_name = staff_name
        self.wake_sync = wake_sync
        self.glance: Glance | None = None
        self.message = MessageLine()
        self.message.hide()  # only once something was saved: the chart needs the line on 1024×768
        self.saver = (
            ReportSaver(self, exports, out_dir or Path.home(), self.message) if exports is not None else None
        )

        self.title = heading("")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.sync_button = QPushButton(self.tr("Send now"))
        self.sync_button.setEnabled(wake_sync is not None)
        self.sync_button.clicked.connect(self._sync)
        self.csv_button = QPushButton(self.tr("Save as CSV"))
        self.csv_button.setObjectName("today-csv")
        self.csv_button.setVisible(self.saver is not None)
        self.csv_button.clicked.connect(self.export_csv)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        if self.saver is not None:
            top.addWidget(self.saver.open_button)
        top.addWidget(self.csv_button)
        top.addWidget(self.sync_button)
        top.addWidget(self.refresh_button)

        self.net_tile = Tile(self.tr("Net sales"))
        self.count_tile = Tile(self.tr("Sales"))
        self.average_tile = Tile(self.tr("Average sale"))
        self.unsynced_tile = Tile(self.tr("Waiting to send"))
        tiles = QHBoxLayout()
        for tile in (self.net_tile, self.count_tile, self.average_tile, self.unsynced_tile):
            tiles.addWidget(tile)

        # Columns as wide as their figures (the names take the room left), heights from the real
        # header and rows: fixed guesses cut the 합계 row and the names off.
        self.tenders = make_table([self.tr("Tender"), self.tr("Sold"), self.tr("Refunds"), self.tr("Net")])
        fit_columns(self.tenders, stretch=0)
        self.chart = HourChart()
        self.top_products = make_table([self.tr("Product"), self.tr("Qty"), self.tr("Amount")])
        fit_columns(self.top_products, stretch=0)
        self.fit_heights()
        self.refunds = make_table(
            [
                self.tr("Time"),
                self.tr("Kind"),
                self.tr("Amount"),
                self.tr("Reason"),
                self.tr("Approved by"),
                self.tr("Cashier"),
            ]
        )
        fit_columns(self.refunds, stretch=REASON)
        self.refunds.setWordWrap(True)  # a long reason takes more lines, never gets cut off
        self.refunds.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.offline_label = QLabel()
        self.offline_label.setWordWrap(True)

        left = QVBoxLayout()
        left.addWidget(heading(self.tr("By tender")))
        left.addWidget(self.tenders)
        left.addWidget(heading(self.tr("Sales by hour")))
        left.addWidget(self.chart, 1)
        right = QVBoxLayout()
        right.addWidget(heading(self.tr("Top products")))
        right.addWidget(self.top_products)
        right.addWidget(heading(self.tr("Refunds and voids")))
        right.addWidget(self.refunds, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(tiles)
        layout.addLayout(columns, 1)
        layout.addWidget(self.offline_label)
        layout.addWidget(self.message)
        self.refresh()

    def fit_heights(self) -> None:
        """Every tender row (with 합계) and the five top products, whole: measured again once the
        window's style sheet applies (the header's type size is only known then)."""
        fit_height(self.tenders, 4)
        fit_height(self.top_products, 5)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_heights()

    def refresh(self) -> None:
        day = self.today()
        glance = self.queries.glance(day)
        self.glance = glance
        s = glance.summary
        self.title.setText(self.tr("Today at a glance: %1").replace("%1", day.isoformat()))
        self.net_tile.set_value(amount_text(s.net.total))
        self.count_tile.set_value(self.tr("%1 sales").replace("%1", f"{s.sales_count:,}"))
        self.average_tile.set_value(amount_text(s.average_ticket))
        self.unsynced_tile.set_value(self.tr("%1 records").replace("%1", f"{glance.unsynced_total:,}"))
        names = {"points": self.tr("Points"), "cash": self.tr("Cash"), "bank_card": self.tr("Bank card")}
        rows = []
        for key in ("points", "cash", "bank_card"):
            gross, back = getattr(s.gross, key), getattr(s.refunds, key)
            rows.append([names[key], amount_text(gross), amount_text(-back), amount_text(gross - back)])
        rows.append(
            [
                self.tr("Total"),
                amount_text(s.gross.total),
                amount_text(-s.refunds.total),
                amount_text(s.net.total),
            ]
        )
        fill_table(self.tenders, rows, NUMERIC)
        self.chart.set_values(glance.by_hour)
        fill_table(
            self.top_products,
            [[p.name, f"{p.qty:,}", amount_text(p.amount)] for p in glance.top_products],
            frozenset({1, 2}),
        )
        kinds = {"refund": self.tr("Refund"), "void": self.tr("Void")}
        fill_table(
            self.refunds,
            [
                [
                    r.at.astimezone(KST).strftime("%H:%M"),
                    kinds.get(r.kind, r.kind),
                    amount_text(-r.amount),
                    r.reason,
                    self.staff_name(r.manager),
                    self.staff_name(r.cashier),
                ]
                for r in glance.refunds
            ],
            frozenset({2}),
        )
        if not glance.refunds:
            self.refunds.setRowCount(1)
            fill_table(self.refunds, [["", "", "", self.tr("No refunds or voids today."), "", ""]])
        self.offline_label.setText(self._offline_text(glance))

    def export_csv(self) -> bool:
        """Today's figures by tender (sold, refunded, net) as CSV, in the folder the manager picks."""
        if self.saver is None:
            return False
        day, queries = self.today(), self.queries
        return self.saver.save(
            f"today-{day.isoformat()}.csv",
            lambda path: report_csv(queries.report("day", day, day), path),
        )

    def _offline_text(self, glance: Glance) -> str:
        off = glance.offline
        parts = []
        if off.pending_count:
            parts.append(
                self.tr(
                    "Offline points sales not yet sent: %1 (%2). They are sent automatically when the internet is back."
                )
                .replace("%1", f"{off.pending_count:,}")
                .replace("%2", amount_text(off.pending_points))
            )
        else:
            parts.append(self.tr("No offline points sales are waiting to be sent."))
        if off.possible_shortfalls:
            parts.append(
                self.tr(
                    "%1 offline sales left the card at 0 points: the card may not have covered them. "
                    "The programme office sees the exact shortfall."
                ).replace("%1", f"{len(off.possible_shortfalls):,}")
            )
        return " ".join(parts)

    def _sync(self) -> None:
        if self.wake_sync is not None:
            self.wake_sync()
