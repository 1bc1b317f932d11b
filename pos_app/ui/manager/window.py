"""The manager's window: today at a glance, day close, reports, menu, staff and shop settings in tabs."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from pos_app.manager.settings import ExportFolder, ShopSettings
from pos_app.staff import Permission, StaffMember
from pos_app.ui.manager.catalogue import CatalogueScreen
from pos_app.ui.manager.common import STYLE
from pos_app.ui.manager.dayclose import DayCloseScreen
from pos_app.ui.manager.reports import ReportsScreen
from pos_app.ui.manager.settings import SettingsScreen
from pos_app.ui.manager.staff import StaffScreen
from pos_app.ui.manager.today import TodayScreen
from pos_app.ui.messages import role_text
from sync.shared.clock import business_day_of

if TYPE_CHECKING:
    from pos_app.runtime import TillRuntime


class ManagerWindow(QDialog):
    """Opened from the sale screen's "관리" button once a manager (or supervisor) has given a PIN.

    ``runtime`` is the till's ``TillRuntime``: its services (roster, catalogue, settings, reports, day
    close, clock) are the ones the sale screen uses, never copies. ``member`` is the signed-in person:
    tabs they have no permission for stay visible but disabled, with the reason.
    """

    sig_catalogue_changed = Signal()
    sig_settings_changed = Signal()
    sig_day_closed = Signal(str)

    def __init__(
        self,
        runtime: TillRuntime,
        member: StaffMember,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runtime = runtime
        self.roster = roster = runtime.roster
        self.member = member
        self.clock = runtime.clock
        config = runtime.config
        self.setWindowTitle(self.tr("ALL-LIVE POS management"))
        self.setStyleSheet(STYLE)
        self.setMinimumSize(QSize(1024, 700))

        self.queries = runtime.queries
        self.settings_store = runtime.settings
        defaults = ShopSettings(
            printer=config.printer, lock_timeout_seconds=config.lock_timeout_seconds, language=config.language
        )
        self.catalogue = runtime.catalogue
        self.book = runtime.day_close
        out_dir = config.receipts_path / "reports"

        def today() -> dt.date:
            return business_day_of(self.clock())

        exports = ExportFolder(runtime.journal)  # where reports were saved last, on this PC
        self.today = TodayScreen(
            self.queries,
            today,
            self.staff_name,
            getattr(runtime.sync, "wake", None),
            exports=exports,
            out_dir=out_dir,
        )
        self.dayclose = DayCloseScreen(
            self.book,
            today,
            member.staff_id,
            self.settings_store.receipt_header,
            lambda: self.settings_store.current(defaults).printer,
            out_dir,
            columns=config.printer_columns,
            staff_name=self.staff_name,
        )
        self.reports = ReportsScreen(self.queries, today, self.category_of, self.staff_name, out_dir, exports)
        self.catalogue_screen = CatalogueScreen(self.catalogue, member.staff_id)
        self.staff = StaffScreen(roster, member.staff_id)
        self.settings = SettingsScreen(self.settings_store, member.staff_id, defaults)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.today, self.tr("Today"))
        self.tabs.addTab(self.dayclose, self.tr("Day close"))
        self.tabs.addTab(self.reports, self.tr("Reports"))
        self.tabs.addTab(self.catalogue_screen, self.tr("Menu"))
        self.tabs.addTab(self.staff, self.tr("Staff"))
        self.tabs.addTab(self.settings, self.tr("Shop settings"))
        needs = {
            1: Permission.CLOSE_DAY,
            3: Permission.EDIT_CATALOGUE,
            4: Permission.MANAGE_STAFF,
            5: Permission.MANAGE_STAFF,
        }
        for index, permission in needs.items():
            allowed = member.can(permission)
            self.tabs.setTabEnabled(index, allowed)
            if not allowed:
                self.tabs.setTabToolTip(index, self.tr("Only a manager can use this. Ask your manager."))
        self.tabs.currentChanged.connect(self._tab_changed)

        who = QLabel(
            self.tr("Signed in: %1 (%2)").replace("%1", member.name).replace("%2", role_text(member.role))
        )
        self.back_button = QPushButton(self.tr("Back to selling"))
        self.back_button.setProperty("primary", True)
        self.back_button.clicked.connect(self.accept)
        top = QHBoxLayout()
        top.addWidget(who, 1)
        top.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self.catalogue_screen.sig_changed.connect(self.sig_catalogue_changed)
        self.settings.sig_saved.connect(self.sig_settings_changed)
        self.dayclose.sig_closed.connect(self.sig_day_closed)
        self.dayclose.sig_closed.connect(lambda _id: self.today.refresh())

    def staff_name(self, staff_id: str) -> str:
        member = self.roster.member(staff_id) if staff_id else None
        return member.name if member else staff_id

    def category_of(self, sku: str) -> tuple[str, str]:
        item = self.catalogue.item(sku)
        if item is None:
            return "", ""
        names = {c.category_id: c.name for c in self.catalogue.categories()}
        return item.category_id, names.get(item.category_id, "")

    def _tab_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is self.today:
            self.today.refresh()
        elif widget is self.dayclose:
            self.dayclose.refresh()
        elif widget is self.reports:
            self.reports.run()
