"""The ledger as an ASGI app built from the environment, for `allive-ledger serve --workers N`
(uvicorn starts each worker process from this import path)."""

from __future__ import annotations

import os

from sync.ledger.api import create_app
from sync.ledger.service import Ledger
from sync.ledger.settings import LedgerSettings

_settings = LedgerSettings(
    os.environ["ALLIVE_DATABASE"],
    os.environ.get("ALLIVE_ADMIN_TOKEN", ""),
    demo=os.environ.get("ALLIVE_DEMO") == "1",
)
app = create_app(Ledger(_settings.database_url), _settings)
