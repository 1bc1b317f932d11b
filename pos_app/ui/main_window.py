"""The till's window: sign-in, the sale screen, the lock after inactivity; `run_ui` starts it all."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMessageBox, QStackedWidget, QWidget

from pos_app.demo_catalogue import DEMO_CATEGORIES, DEMO_ITEMS
from pos_app.runtime import TillRuntime
from pos_app.staff import Permission, StaffMember
from pos_app.ui.background import wait_for_background
from pos_app.ui.sale_screen import SaleScreen
from pos_app.ui.signin import ManagerSignInDialog, SignInScreen
from pos_app.ui.theme import scale_for, style_for
from pos_app.ui.wedge_filter import WedgeFilter

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
LOCK_WARNING_SECONDS = 15
# The smallest window the till lays out in: a 1024×768 screen, less a title bar and a task bar.
MINIMUM_SIZE = (1000, 680)


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Korean is the shipped default; English is the source text and needs no file.

    Qt's own texts (the OK and Cancel of message boxes and input dialogs) come from Qt's
    ``qtbase`` translation, shipped with PySide6."""
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    sources = [(base, str(TRANSLATIONS)) for base in ("allive", "allive_manager")]
    sources.append(("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
    for base, folder in sources:
        translator = QTranslator(app)
        if translator.load(QLocale(language), base, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def seed_demo(runtime: TillRuntime) -> None:
    """A demo till starts with the café menu and two staff members."""
    runtime.catalogue.seed(DEMO_CATEGORIES, DEMO_ITEMS)
    if not runtime.roster.members(include_inactive=True):
        runtime.roster.add("매니저", "manager", "1234", by="demo")
        runtime.roster.add("계산원", "cashier", "0000", by="demo")


class ActivityWatch(QObject):
    """Any key or touch counts as activity and postpones the lock."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            self.window.last_activity = time.monotonic()
        return False


class MainWindow(QMainWindow):
    def __init__(self, runtime: TillRuntime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runtime = runtime
        self.roster = runtime.roster
        self.desk = runtime.receipts
        if runtime.config.demo:
            seed_demo(runtime)
        self.setWindowTitle(self.tr("ALL-LIVE Market till"))
        self.scale = 1.0
        self.setStyleSheet(style_for(self.scale))
        self.setMinimumSize(*MINIMUM_SIZE)
        self._closing = False  # set by ``shutdown``: close without asking
        header = self.desk.header()
        self.signin = SignInScreen(self.roster, header.name)
        self.signin.sig_signed_in.connect(self.signed_in)
        self.signin.sig_language.connect(self.switch_language)
        self.sale = SaleScreen(runtime)
        self.sale.sig_lock.connect(self.lock)
        self.sale.sig_manage.connect(self.open_manager)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.signin)
        self.stack.addWidget(self.sale)
        self.setCentralWidget(self.stack)
        self.member: StaffMember | None = None
        self.last_activity = time.monotonic()
        self.lock_seconds = self.shop_lock_timeout()
        self.idle_timer = QTimer(self)
        self.idle_timer.timeout.connect(self.check_idle)
        self.idle_timer.start(1000)
        self.wedge = WedgeFilter(self)
        self.wedge.sig_scanned.connect(self.scanned)
        self.activity = ActivityWatch(self)
        if not self.roster.members():
            self.signin.message.error(
                self.tr(
                    "No staff yet: ask the office or the shop manager to set up this till (allive-admin)."
                )
            )

    def shop_lock_timeout(self) -> int:
        """The manager's setting wins over the enrolment file's default."""
        saved = self.desk.settings.saved()
        return saved.lock_timeout_seconds if saved is not None else self.runtime.config.lock_timeout_seconds

    def settings_changed(self) -> None:
        self.lock_seconds = self.shop_lock_timeout()
        saved = self.desk.settings.saved()
        if saved is not None and saved.language != self.runtime.config.language:
            self.switch_language(saved.language)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Larger screens get larger type and more product columns; 1024×768 gets the base sizes."""
        super().resizeEvent(event)
        # Restyling re-polishes and may rebuild child widgets: doing that inside the resize (which
        # also comes while the window is being shown) crashed Qt, so it runs once the event is done.
        if not hasattr(self, "_fit_timer"):
            self._fit_timer = QTimer(self)
            self._fit_timer.setSingleShot(True)
            self._fit_timer.timeout.connect(self.fit_to_size)
        self._fit_timer.start(0)

    def fit_to_size(self) -> None:
        size = self.size()
        scale = scale_for(size.width(), size.height())
        if scale != self.scale:
            self.scale = scale
            self.setStyleSheet(style_for(scale))
        sale = getattr(self, "sale", None)  # a resize may come while the window is being built
        if sale is not None:
            sale.fit_width(size.width(), scale)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.member is not None and not self._closing and not self.confirm_close():
            event.ignore()
            return
        self.shutdown()
        super().closeEvent(event)

    def confirm_close(self) -> bool:
        """Closing while someone is signed in asks first (a touch on ✕ by mistake ends no shift)."""
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr("%1 is signed in. Close the till?").replace(
                "%1", self.member.name if self.member else ""
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def shutdown(self) -> None:
        """Stop the timers and let background work (a receipt, an answer) finish before the runtime
        closes under them."""
        self._closing = True
        self.idle_timer.stop()
        self.sale.shutdown()
        wait_for_background()

    # -- navigation -------------------------------------------------------------------------------
    def signed_in(self, member: StaffMember) -> None:
        if not member.can(Permission.SELL):
            self.signin.message.error(self.tr("This person may not sell on this till."))
            return
        self.member = member
        self.sale.set_cashier(member)
        self.sale.message.clear_message()  # the previous cashier's last message is not for them
        self.stack.setCurrentWidget(self.sale)
        self.last_activity = time.monotonic()

    def lock(self) -> None:
        """Back to sign-in; every open window (payment, refund, manager, a question) is closed first,
        so nothing can be finished over the lock screen. The cart stays for whoever signs in next."""
        self.member = None
        self.sale.set_cashier(None)
        self.close_open_windows()
        self.signin.refresh()
        self.stack.setCurrentWidget(self.signin)

    def close_open_windows(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if widget is self or not isinstance(widget, QDialog) or not widget.isVisible():
                continue
            lock_out = getattr(widget, "lock_out", None)
            if callable(lock_out):
                lock_out()  # a payment under way hides and reports its answer to the sale screen
            else:
                widget.reject()

    def check_idle(self) -> None:
        if self.stack.currentWidget() is not self.sale or self.lock_seconds <= 0:
            return
        idle = time.monotonic() - self.last_activity
        left = self.lock_seconds - idle
        if left <= 0:
            self.lock()
        elif left <= LOCK_WARNING_SECONDS:
            self.sale.message.show_message(
                self.tr("The till locks in %1 s. Touch the screen to keep working.").replace(
                    "%1", str(int(left) + 1)
                ),
                "warn",
            )

    def scanned(self, digits: str) -> None:
        if self.stack.currentWidget() is self.sale:
            self.sale.handle_scan(digits)
        else:
            self.signin.message.error(self.tr("Sign in first, then scan the card."))

    def switch_language(self, language: str) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # Every translation the application holds goes, not only the ones this window put in
            # (the manager screens load their own): English must show no Korean.
            for translator in app.findChildren(QTranslator):
                app.removeTranslator(translator)
            app._allive_translators = install_translations(app, language)  # type: ignore[attr-defined]
        self.runtime.config = self.runtime.config.with_changes(language=language)
        self.rebuild()

    def rebuild(self) -> None:
        """Recreate the screens so every text is translated again."""
        current_is_sale = self.stack.currentWidget() is self.sale
        cart, card = self.sale.cart, self.sale.card
        self.sale.shutdown()  # its timers must not outlive it (deletion waits for the event loop)
        for screen in (self.signin, self.sale):
            self.stack.removeWidget(screen)
            screen.deleteLater()
        self.signin = SignInScreen(self.roster, self.desk.header().name)
        self.signin.sig_signed_in.connect(self.signed_in)
        self.signin.sig_language.connect(self.switch_language)
        self.sale = SaleScreen(self.runtime)
        self.sale.sig_lock.connect(self.lock)
        self.sale.sig_manage.connect(self.open_manager)
        self.sale.cart, self.sale.card = cart, card
        self.sale.show_cart()
        self.sale.card_panel.show_card(card)
        self.stack.addWidget(self.signin)
        self.stack.addWidget(self.sale)
        self.sale.set_cashier(self.member)
        self.sale.fit_width(self.width(), self.scale)
        self.stack.setCurrentWidget(self.sale if current_is_sale and self.member else self.signin)

    def open_manager(self) -> None:
        from pos_app.ui.manager import ManagerWindow

        managers = [
            m for m in self.roster.members() if m.can(Permission.REFUND) or m.can(Permission.CLOSE_DAY)
        ]
        if not managers:
            QMessageBox.information(self, self.windowTitle(), self.tr("No manager is set up on this till."))
            return
        who = ManagerSignInDialog(self.roster, managers, self)
        signed_in, manager = who.exec(), who.member
        who.deleteLater()  # each visit builds its windows afresh: none is kept hidden
        if not signed_in or manager is None or self.member is None:
            return  # cancelled, or the till locked meanwhile
        window = ManagerWindow(self.runtime, manager, self)
        window.sig_catalogue_changed.connect(self.sale.reload_catalogue)
        window.sig_settings_changed.connect(self.settings_changed)
        window.exec()
        window.deleteLater()
        self.sale.reload_catalogue()
        self.sale.after_close.refresh()  # the day may have been closed meanwhile


def run_ui(runtime: TillRuntime, *, ready_file: Path | None = None) -> int:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    app.setApplicationName("ALL-LIVE POS")
    app._allive_translators = install_translations(app, runtime.config.language)  # type: ignore[attr-defined]
    window = MainWindow(runtime)
    app.installEventFilter(window.wedge)
    app.installEventFilter(window.activity)
    screen = app.primaryScreen()
    if screen is not None and screen.availableGeometry().width() <= 1280:
        window.showMaximized()  # a shop terminal's 1024×768 or 1280×800: use all of it
    else:
        window.resize(1280, 800)
        window.show()
    if ready_file is not None:
        QTimer.singleShot(0, lambda: ready_file.write_text(f"{time.time()}\n"))
    return int(app.exec())


__all__ = ["MainWindow", "run_ui"]
