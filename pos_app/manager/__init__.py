"""Shop managers' services over the till's journal: day figures, day close, reports, settings (no Qt)."""

from pos_app.manager.dayclose import AfterClose, CloseDraft, DayCloseBook, LateSale
from pos_app.manager.queries import Glance, OfflineStatus, SalesQueries
from pos_app.manager.settings import ExportFolder, SettingsError, ShopSettings, ShopSettingsStore, validated

__all__ = [
    "AfterClose",
    "CloseDraft",
    "DayCloseBook",
    "ExportFolder",
    "Glance",
    "LateSale",
    "OfflineStatus",
    "SalesQueries",
    "SettingsError",
    "ShopSettings",
    "ShopSettingsStore",
    "validated",
]
