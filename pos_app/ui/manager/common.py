"""Shared look of the manager's screens: large type, big buttons, won amounts, a message line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QStandardPaths, Qt, QTranslator, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QFrame,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.money import won
from pos_app.manager.settings import ExportFolder
from pos_app.ui.background import BackgroundOp

TRANSLATIONS = Path(__file__).resolve().parents[3] / "resources" / "translations"

STYLE = """
QWidget { font-size: 18px; }
QTabBar::tab { font-size: 20px; padding: 12px 22px; min-height: 32px; }
QTabBar::tab:selected { font-weight: bold; background: #1f5f3f; color: white; }
QPushButton { min-height: 48px; padding: 0 18px; border-radius: 6px; background: #e8efe9;
              border: 1px solid #6b8f76; color: #10301e; }
QPushButton:disabled { color: #8a8a8a; background: #f2f2f2; border-color: #c8c8c8; }
QPushButton[key="true"] { padding: 0 2px; font-size: 22px; font-weight: bold; }
QPushButton[primary="true"] { background: #1f5f3f; color: white; font-weight: bold; border: none; }
QLineEdit, QComboBox, QDateEdit, QSpinBox { min-height: 40px; padding: 0 8px; }
QHeaderView::section { font-size: 17px; font-weight: bold; padding: 6px; background: #eef2ef; }
QTableWidget { font-size: 17px; }
QLabel[tile="value"] { font-size: 34px; font-weight: bold; color: #10301e; }
QLabel[tile="caption"] { font-size: 17px; color: #3d4a42; }
QLabel[heading="true"] { font-size: 21px; font-weight: bold; color: #10301e; }
QFrame[tile="true"] { background: #f4f8f5; border: 1px solid #c9d8cd; border-radius: 8px; }
QLabel[message="error"] { color: #a4000f; font-weight: bold; }
QLabel[message="ok"] { color: #1f5f3f; font-weight: bold; }
QLabel[message="warn"] { color: #7a4100; background: #fff3e0; font-weight: bold; padding: 6px;
                         border-radius: 6px; }
"""


def install_translator(app: QCoreApplication | None = None, language: str = "ko") -> QTranslator | None:
    """Load the manager screens' translation (Korean is the shipped default; English is the source)."""
    app = app or QCoreApplication.instance()
    if app is None or language == "en":
        return None
    # The words for the services' codes (pos_app.ui.messages) live in the cashier's translation.
    messages = QTranslator(app)
    if messages.load(QLocale(language), "allive", "_", str(TRANSLATIONS)):
        app.installTranslator(messages)
    translator = QTranslator(app)
    if translator.load(QLocale(language), "allive_manager", "_", str(TRANSLATIONS)):
        app.installTranslator(translator)
        return translator
    return None


def amount_text(amount: int) -> str:
    return f"-{won(-amount)}원" if amount < 0 else f"{won(amount)}원"


class MessageLine(QLabel):
    """One line that says what happened and what to do next: red for a problem, green for done."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setMinimumHeight(28)

    def error(self, text: str) -> None:
        self._show(text, "error")

    def ok(self, text: str) -> None:
        self._show(text, "ok")

    def warn(self, text: str) -> None:
        """Something to act on that is not a refusal (a closed day that sold on)."""
        self._show(text, "warn")

    def clear_message(self) -> None:
        self._show("", "ok")

    def _show(self, text: str, kind: str) -> None:
        self.setProperty("message", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.setText(text)


class ReportSaver(QObject):
    """Saving a report where the manager wants it: asks for the folder (starting in the one used last,
    else Documents, else the till's own folder), writes the file off the UI thread, then offers
    폴더 열기 for that folder."""

    sig_saved = Signal(object)  # the Path written

    def __init__(self, screen: QWidget, memory: ExportFolder, fallback: Path, message: MessageLine) -> None:
        super().__init__(screen)
        self.screen = screen
        self.memory = memory
        self.fallback = fallback
        self.message = message
        self.saved_folder: Path | None = None
        self.open_button = QPushButton(self.tr("Open folder"))
        self.open_button.setObjectName("open-folder")
        self.open_button.hide()
        self.open_button.clicked.connect(self.open_folder)

    def start_folder(self) -> Path:
        last = self.memory.last()
        if last is not None:
            return last
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents and Path(documents).is_dir() else self.fallback

    def save(self, file_name: str, write: Callable[[Path], Path]) -> bool:
        """Ask for the folder, then ``write(folder / file_name)`` in a worker; False if the manager cancels."""
        chosen = QFileDialog.getExistingDirectory(
            self.screen, self.tr("Choose the folder to save the report in"), str(self.start_folder())
        )
        if not chosen:
            return False
        folder = Path(chosen)
        self.memory.remember(folder)
        path = folder / file_name
        self.message.show()  # a screen may keep its message line hidden until there is something to say
        self.message.ok(self.tr("Saving %1…").replace("%1", str(path)))
        BackgroundOp(self.screen, lambda: write(path)).on_success(self._saved).on_failure(
            lambda exc: self._failed(exc, folder)
        ).run()
        return True

    def _saved(self, path: Path) -> None:
        self.saved_folder = path.parent
        self.message.ok(self.tr("Saved: %1").replace("%1", str(path)))
        self.open_button.show()
        self.sig_saved.emit(path)

    def _failed(self, exc: BaseException, folder: Path) -> None:
        if not isinstance(exc, OSError):
            raise exc
        # A folder the till may not write, a full disk, a file open in Excel: say so, try elsewhere.
        self.message.error(
            self.tr("The report could not be saved in %1 (%2). Close it in Excel, or choose another folder.")
            .replace("%1", str(folder))
            .replace("%2", exc.strerror or str(exc))
        )

    def open_folder(self) -> None:
        if self.saved_folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_folder)))


class Tile(QFrame):
    """A big figure with its caption (today's net sales, number of sales, ...)."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("tile", True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        self.caption = QLabel(caption)
        self.caption.setProperty("tile", "caption")
        self.value = QLabel("-")
        self.value.setProperty("tile", "value")
        layout.addWidget(self.caption)
        layout.addWidget(self.value)

    def set_value(self, text: str) -> None:
        self.value.setText(text)


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("heading", True)
    return label


def fill_table(
    table: QTableWidget, rows: list[list[str]], numeric_columns: frozenset[int] = frozenset()
) -> None:
    """Replace a table's rows; numbers are right-aligned so columns of won read at a glance."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if c in numeric_columns:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


def fit_columns(table: QTableWidget, stretch: int | None = None) -> None:
    """Every column as wide as its widest text (the header's too); ``stretch`` takes the room left.

    Fixed equal columns cut amounts and names off on a 1024-wide screen; a text column that may be
    long (a refund's reason) is the one to stretch, and wraps onto more lines when it must."""
    header = table.horizontalHeader()
    for column in range(table.columnCount()):
        header.setSectionResizeMode(
            column,
            QHeaderView.ResizeMode.Stretch if column == stretch else QHeaderView.ResizeMode.ResizeToContents,
        )


def rows_height(table: QTableWidget, rows: int) -> int:
    """The height that shows the header and ``rows`` rows whole, whatever the type size (measured
    with the window's style sheet: call it once the table is in its window, e.g. when shown)."""
    table.ensurePolished()
    table.horizontalHeader().ensurePolished()
    row = table.verticalHeader().defaultSectionSize()
    header = table.horizontalHeader().sizeHint().height()
    return header + rows * row + 2 * table.frameWidth()


def fit_height(table: QTableWidget, rows: int) -> None:
    table.setFixedHeight(rows_height(table, rows))


def make_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setDefaultSectionSize(36)
    return table


def ensure_app() -> QApplication:
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication([])
