"""The ledger's settings, loaded once (command line over environment over an optional TOML file) and
validated at start-up: no placeholder admin token outside demo mode, sane log settings.

Environment: ``ALLIVE_DATABASE``, ``ALLIVE_ADMIN_TOKEN``, ``ALLIVE_DEMO``, ``ALLIVE_ACCESS_LOG``,
``ALLIVE_ACCESS_LOG_DAYS``, ``ALLIVE_LOG_FORMAT`` (kv or json), ``ALLIVE_LOG_LEVEL``,
``ALLIVE_LEDGER_WORKERS``, ``ALLIVE_ISSUER_KEY_DIR`` (a folder of ``<year>.pem`` issuer keys, so the office
console can print a replaced card; unset by default: the keys stay off the server), and
``ALLIVE_LEDGER_CONFIG`` (the file). The file holds the same
settings by field name, e.g. ``database_url = "postgresql://..."``, ``access_log = "/var/log/allive/access.log"``.
"""

from __future__ import annotations

import logging
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

PLACEHOLDER_TOKENS = {"", "change-me", "changeme", "admin", "demo", "secret", "password", "token"}
MIN_TOKEN_LENGTH = 16
ACCESS_LOG_DAYS = 366  # DOMAIN.md: access logs are kept at least a year
ENV = {
    "database_url": "ALLIVE_DATABASE",
    "admin_token": "ALLIVE_ADMIN_TOKEN",
    "demo": "ALLIVE_DEMO",
    "access_log": "ALLIVE_ACCESS_LOG",
    "access_log_days": "ALLIVE_ACCESS_LOG_DAYS",
    "log_format": "ALLIVE_LOG_FORMAT",
    "log_level": "ALLIVE_LOG_LEVEL",
    "workers": "ALLIVE_LEDGER_WORKERS",
    "max_body_bytes": "ALLIVE_MAX_BODY_BYTES",
    "issuer_key_dir": "ALLIVE_ISSUER_KEY_DIR",
}
CONFIG_ENV = "ALLIVE_LEDGER_CONFIG"


class SettingsError(Exception):
    pass


@dataclass(frozen=True)
class LedgerSettings:
    database_url: str
    admin_token: str = ""
    demo: bool = False
    access_log: Path | None = None  # None: access lines go to the log, not to a file of their own
    access_log_days: int = ACCESS_LOG_DAYS
    log_format: str = "kv"  # kv (key=value) or json
    log_level: str = "INFO"
    workers: int = 1
    max_body_bytes: int = 1_000_000  # a till's push (500 entries) is far below; refused before reading
    serving: bool = True  # False for `upgrade` and `verify`, which need no admin token
    # A folder of each year's issuer private key as ``<year>.pem``: the office console then offers a
    # replaced card's printable sheet. None (the default, README "issuer keys"): the keys stay off
    # the server and the office prints with ``allive-admin issue-cards``.
    issuer_key_dir: Path | None = None

    def __post_init__(self) -> None:
        if not self.database_url:
            raise SettingsError("give --database URL (or set ALLIVE_DATABASE)")
        if self.log_format not in ("kv", "json"):
            raise SettingsError(f"log format must be kv or json, not {self.log_format!r}")
        if not isinstance(logging.getLevelName(self.log_level.upper()), int):
            raise SettingsError(f"unknown log level {self.log_level!r}")
        if self.access_log_days < 1 or self.workers < 1 or self.max_body_bytes < 1:
            raise SettingsError("access_log_days, workers and max_body_bytes must be at least 1")
        if self.demo or not self.serving:
            return
        if self.admin_token.strip().lower() in PLACEHOLDER_TOKENS or len(self.admin_token) < MIN_TOKEN_LENGTH:
            raise SettingsError(
                "refusing to start: the admin token is empty, a placeholder or shorter than "
                f"{MIN_TOKEN_LENGTH} characters. Set a long random one with --admin-token or ALLIVE_ADMIN_TOKEN "
                "(for example: python -c 'import secrets; print(secrets.token_urlsafe(32))'), "
                "or pass --demo for a demo ledger."
            )

    def environment(self) -> dict[str, str]:
        """These settings as environment variables (how `serve --workers N` hands them to each worker)."""
        values = {
            "database_url": self.database_url,
            "admin_token": self.admin_token,
            "demo": "1" if self.demo else "0",
            "access_log": str(self.access_log or ""),
            "access_log_days": str(self.access_log_days),
            "log_format": self.log_format,
            "log_level": self.log_level,
            "workers": str(self.workers),
            "max_body_bytes": str(self.max_body_bytes),
            "issuer_key_dir": str(self.issuer_key_dir or ""),
        }
        return {ENV[name]: value for name, value in values.items()}


def _convert(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in ("demo", "serving"):
        return value if isinstance(value, bool) else str(value).strip().lower() in ("1", "true", "yes", "on")
    if name in ("access_log_days", "workers", "max_body_bytes"):
        try:
            return int(value)
        except (TypeError, ValueError):
            raise SettingsError(f"{name} must be a whole number, not {value!r}") from None
    if name in ("access_log", "issuer_key_dir"):
        return Path(value) if str(value) else None
    return str(value)


def load_settings(
    *, env: Mapping[str, str] | None = None, file: Path | None = None, **overrides: Any
) -> LedgerSettings:
    """The settings from ``overrides`` (the command line; None means not given), then the
    environment, then the TOML file (``file`` or ``ALLIVE_LEDGER_CONFIG``), then the defaults."""
    env = os.environ if env is None else env
    names = {f.name for f in fields(LedgerSettings)}
    unknown = set(overrides) - names
    if unknown:
        raise TypeError(f"unknown settings {sorted(unknown)}")
    values: dict[str, Any] = {}
    path = file or (Path(env[CONFIG_ENV]) if env.get(CONFIG_ENV) else None)
    if path is not None:
        try:
            loaded = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise SettingsError(f"cannot read the settings file {path}: {exc}") from exc
        if set(loaded) - names:
            raise SettingsError(f"unknown settings in {path}: {', '.join(sorted(set(loaded) - names))}")
        values.update(loaded)
    values.update({name: env[var] for name, var in ENV.items() if env.get(var) not in (None, "")})
    values.update({name: value for name, value in overrides.items() if value is not None})
    values.setdefault("database_url", "")
    return LedgerSettings(**{name: _convert(name, value) for name, value in values.items()})
