"""The ledger as an ASGI app built from the environment, for `allive-ledger serve --workers N`
(uvicorn starts each worker process from this import path)."""

from __future__ import annotations

from sync.ledger.api import create_app
from sync.ledger.logs import configure_logging
from sync.ledger.service import Ledger
from sync.ledger.settings import load_settings

_settings = load_settings()
configure_logging(_settings)
app = create_app(Ledger(_settings.database_url), _settings)
