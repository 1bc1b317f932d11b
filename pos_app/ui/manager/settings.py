"""Shop settings screen: receipt header (상호, 사업자등록번호, 대표자, 주소, 전화), printer, lock timeout, language."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos_app.manager.settings import LANGUAGES, SettingsError, ShopSettings, ShopSettingsStore, validated
from pos_app.ui.manager.common import MessageLine, heading
from pos_app.ui.messages import problem_text


class SettingsScreen(QWidget):
    sig_saved = Signal()

    def __init__(
        self,
        store: ShopSettingsStore,
        manager_id: str,
        defaults: ShopSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.manager_id = manager_id
        self.defaults = defaults

        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        labels = {
            "shop_name": self.tr("Shop name"),
            "business_no": self.tr("Business registration number"),
            "representative": self.tr("Representative"),
            "address": self.tr("Address"),
            "phone": self.tr("Phone"),
            "printer": self.tr("Receipt printer"),
            "lock_timeout": self.tr("Lock the screen after (seconds)"),
            "initial_float": self.tr("Cash in the drawer before the first close (won)"),
        }
        for key, label in labels.items():
            edit = QLineEdit()
            self.edits[key] = edit
            form.addRow(label, edit)
        self.edits["business_no"].setPlaceholderText("123-45-67890")
        self.edits["printer"].setPlaceholderText(
            self.tr("empty = PDF only; e.g. tcp:192.168.0.50:9100 or usb:/dev/usb/lp0")
        )
        self.language_box = QComboBox()
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        form.addRow(self.tr("Language"), self.language_box)
        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save settings"))
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        self.message = MessageLine()

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Shop settings")))
        layout.addWidget(self.source_label)
        layout.addLayout(form)
        layout.addWidget(self.save_button)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.load()

    def load(self) -> None:
        current = self.store.current(self.defaults)
        values = {
            "shop_name": current.shop_name,
            "business_no": current.business_no,
            "representative": current.representative,
            "address": current.address,
            "phone": current.phone,
            "printer": current.printer,
            "lock_timeout": str(current.lock_timeout_seconds),
            "initial_float": str(current.initial_float),
        }
        for key, value in values.items():
            self.edits[key].setText(value)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(current.language)))
        self.source_label.setText(
            self.tr(
                "Receipts print this header. Until you save it here, the header from the programme office is used."
            )
            if self.store.saved() is None
            else self.tr("Receipts print this header.")
        )

    def save(self) -> None:
        e = self.edits
        try:
            settings = validated(
                shop_name=e["shop_name"].text(),
                business_no=e["business_no"].text(),
                representative=e["representative"].text(),
                address=e["address"].text(),
                phone=e["phone"].text(),
                printer=e["printer"].text(),
                lock_timeout=e["lock_timeout"].text(),
                language=str(self.language_box.currentData()),
                initial_float=e["initial_float"].text(),
            )
        except SettingsError as exc:
            key = {"lock_timeout": "lock_timeout"}.get(exc.field, exc.field)
            if key in self.edits:
                self.edits[key].setFocus()
            self.message.error(problem_text(exc))
            return
        self.store.save(settings, by=self.manager_id)
        self.load()
        self.message.ok(
            self.tr("Saved. New receipts use these settings. A new language shows after the till restarts.")
        )
        self.sig_saved.emit()
