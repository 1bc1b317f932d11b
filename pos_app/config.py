"""The till's settings: one JSON file written at enrolment, validated at start-up with clear errors."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs


class ConfigError(Exception):
    """A settings problem the shop or the office can fix; the text says what to fix."""


@dataclass(frozen=True)
class TillConfig:
    till_id: str
    shop_id: str
    ledger_url: str
    token: str
    issuer_public_key: str = ""
    data_dir: str = ""
    language: str = "ko"
    lock_timeout_seconds: int = 120
    printer: str = ""  # "", "usb:/dev/usb/lp0", "serial:/dev/ttyUSB0:19200", "tcp:host:9100", "file:/path"
    printer_columns: int = 42
    receipt_dir: str = ""
    demo: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def data_path(self) -> Path:
        return (
            Path(self.data_dir)
            if self.data_dir
            else Path(platformdirs.user_data_dir("allive-pos", "ALL-LIVE"))
        )

    @property
    def journal_path(self) -> Path:
        return self.data_path / f"journal-{self.till_id}.sqlite3"

    @property
    def receipts_path(self) -> Path:
        return Path(self.receipt_dir) if self.receipt_dir else self.data_path / "receipts"

    def with_changes(self, **changes: Any) -> TillConfig:
        return replace(self, **changes)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        path.chmod(0o600)


def load_config(path: Path | str) -> TillConfig:
    path = Path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(
            f"till settings not found: {path}. Ask the office for this till's file (allive-admin enrol-till)."
        ) from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"till settings file {path} is damaged ({exc}). Ask the office for a new one."
        ) from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"till settings file {path} must hold a JSON object")
    known = {f.name for f in fields(TillConfig)}
    missing = [name for name in ("till_id", "shop_id", "ledger_url", "token") if not raw.get(name)]
    if missing:
        raise ConfigError(f"till settings file {path} lacks {', '.join(missing)}")
    extra = {k: v for k, v in raw.items() if k not in known}
    values = {k: v for k, v in raw.items() if k in known and k != "extra"}
    config = TillConfig(**values, extra={**raw.get("extra", {}), **extra})
    if not config.ledger_url.startswith(("http://", "https://")):
        raise ConfigError(f"ledger_url must start with http:// or https://, got {config.ledger_url!r}")
    if config.language not in ("ko", "en"):
        raise ConfigError(f"language must be 'ko' or 'en', got {config.language!r}")
    return config
