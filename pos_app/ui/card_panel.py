"""The card panel: masked name, last four digits, balance, and where the answer came from."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from pos_app.checkout import CardView
from pos_app.core.money import won
from pos_app.ui.theme import restyle


def age_text(card: CardView) -> str:
    if card.snapshot_age is None:
        return ""
    minutes = int(card.snapshot_age.total_seconds() // 60)
    if minutes < 60:
        return QCoreApplication.translate("CardPanel", "as of %1 min ago").replace("%1", str(minutes))
    return (
        QCoreApplication.translate("CardPanel", "as of %1 h %2 min ago")
        .replace("%1", str(minutes // 60))
        .replace("%2", str(minutes % 60))
    )


class CardPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("panel", True)
        self.title = QLabel()
        self.title.setProperty("heading", True)
        self.balance = QLabel()
        self.balance.setObjectName("card-balance")
        self.balance.setStyleSheet("font-size: 28px; font-weight: bold;")
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.source = QLabel()
        layout = QVBoxLayout(self)
        for widget in (self.title, self.balance, self.detail, self.source):
            layout.addWidget(widget)
        self.show_card(None)

    def show_card(self, card: CardView | None) -> None:
        if card is None:
            self.title.setText(self.tr("Point card"))
            self.balance.setText("")
            self.detail.setText(self.tr("Scan the card's QR code, or type its number."))
            self.source.setText("")
            return
        self.title.setText(f"{card.masked_name}  ·  {card.masked_number}")
        self.balance.setText(self.tr("Balance %1 won").replace("%1", won(card.balance)))
        self.detail.setText(self.tr("Can use now: %1 won").replace("%1", won(card.spendable_now)))
        if card.source == "online":
            self.source.setText(self.tr("Checked with the ledger (online)"))
            self.source.setProperty("status", "online")
        else:
            self.source.setText(self.tr("Offline: this till's copy, %1").replace("%1", age_text(card)))
            self.source.setProperty("status", "offline")
        restyle(self.source)
