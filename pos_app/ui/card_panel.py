"""The card panel: masked name, last four digits, balance, and where the answer came from."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from pos_app.checkout import CardView
from pos_app.core.money import won
from pos_app.core.offline_rules import OfflineLimits, Refusal
from pos_app.ui.messages import limit_text
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


def limited_reason(card: CardView, limits: OfflineLimits | None = None) -> str:
    """Why the card may spend less than its balance now ("" when it may spend all of it)."""
    if card.spendable_now >= card.balance or card.limited_by in (None, Refusal.INSUFFICIENT_POINTS):
        return ""
    cap = (limits or OfflineLimits()).card_daily_cap
    return limit_text(card.limited_by, {"cap": cap})


class CardPanel(QFrame):
    """Shows the card and, when points are limited (offline caps, a typed number), why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limits: OfflineLimits | None = None
        self.setProperty("panel", True)
        self.title = QLabel()
        self.title.setProperty("heading", True)
        self.balance = QLabel()
        self.balance.setObjectName("card-balance")
        self.balance.setProperty("amount", True)
        self.detail = QLabel()
        self.detail.setObjectName("card-spendable")
        self.detail.setWordWrap(True)
        self.reason = QLabel()
        self.reason.setObjectName("card-limit-reason")
        self.reason.setWordWrap(True)
        self.reason.setProperty("message", "warn")
        self.source = QLabel()
        self.source.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        for widget in (self.title, self.balance, self.detail, self.reason, self.source):
            layout.addWidget(widget)
        self.show_card(None)

    def show_card(self, card: CardView | None) -> None:
        if card is None:
            self.title.setText(self.tr("Point card"))
            self.balance.setText("")
            self.detail.setText(self.tr("Scan the card's QR code, or type its number."))
            self.reason.hide()
            self.source.setText("")
            self.source.hide()
            return
        self.title.setText(f"{card.masked_name}  ·  {card.masked_number}")
        self.balance.setText(self.tr("Balance %1 won").replace("%1", won(card.balance)))
        self.detail.setText(self.tr("Can use now: %1 won").replace("%1", won(card.spendable_now)))
        reason = limited_reason(card, self.limits)
        self.reason.setText(reason)
        self.reason.setVisible(bool(reason))
        self.source.show()
        if card.source == "online":
            self.source.setText(self.tr("Checked with the ledger (online)"))
            self.source.setProperty("status", "online")
        else:
            self.source.setText(self.tr("Offline: this till's copy, %1").replace("%1", age_text(card)))
            self.source.setProperty("status", "offline")
        restyle(self.source)
