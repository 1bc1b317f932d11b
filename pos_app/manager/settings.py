"""Shop settings kept by the till: receipt header, printer, lock timeout, language, initial cash float.

Each save is a ``settings`` journal entry (who changed what, when; it syncs to the office). The
header typed here is printed in preference to the header the ledger sends, because the shop
knows its own sign; until the shop saves one, the ledger's header is used.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from pos_app.core.dayclose import DayCloseError, DayCloseProblem, parse_amount
from pos_app.core.problems import Problem
from pos_app.journal.store import Journal
from pos_app.printing.printer_port import PrinterError, PrinterTarget
from pos_app.printing.receipt import ShopHeader
from sync.shared.business_no import format_business_no, is_valid_business_no, normalise_business_no
from sync.shared.entries import SettingsChange

LANGUAGES = {"ko": "한국어", "en": "English"}
LOCK_RANGE = (30, 3600)


class SettingsProblem(StrEnum):
    """Why the settings form is refused (a printer or an amount problem keeps its own code)."""

    SHOP_NAME_NEEDED = "shop_name_needed"
    BUSINESS_NO_LENGTH = "business_no_length"
    BUSINESS_NO_INVALID = "business_no_invalid"
    PHONE_FORMAT = "phone_format"
    LOCK_TIMEOUT_RANGE = "lock_timeout_range"  # values: low, high
    LANGUAGE_NEEDED = "language_needed"


class SettingsError(Problem, ValueError):
    """A settings form the till refuses: ``code`` says why, ``field`` which input to fix."""

    def __init__(self, code: StrEnum, field: str, detail: str = "", **values: int | str) -> None:
        super().__init__(code, detail, **values)
        self.field = field


@dataclass(frozen=True)
class ShopSettings:
    shop_name: str = ""
    business_no: str = ""
    representative: str = ""
    address: str = ""
    phone: str = ""
    printer: str = ""
    lock_timeout_seconds: int = 120
    language: str = "ko"
    initial_float: int = 0

    @property
    def header(self) -> ShopHeader:
        return ShopHeader(self.shop_name, self.business_no, self.representative, self.address, self.phone)


def validated(
    *,
    shop_name: str,
    business_no: str,
    representative: str,
    address: str,
    phone: str,
    printer: str,
    lock_timeout: str,
    language: str,
    initial_float: str,
) -> ShopSettings:
    """Settings from the form's texts; ``SettingsError`` names the field and what is wrong with it."""
    if not shop_name.strip():
        raise SettingsError(SettingsProblem.SHOP_NAME_NEEDED, "shop_name")
    if len(normalise_business_no(business_no)) != 10:
        raise SettingsError(SettingsProblem.BUSINESS_NO_LENGTH, "business_no", repr(business_no))
    if not is_valid_business_no(business_no):
        raise SettingsError(SettingsProblem.BUSINESS_NO_INVALID, "business_no", repr(business_no))
    if phone.strip() and not all(ch.isdigit() or ch in "-() " for ch in phone.strip()):
        raise SettingsError(SettingsProblem.PHONE_FORMAT, "phone", repr(phone))
    if printer.strip():
        try:
            PrinterTarget.parse(printer.strip())
        except PrinterError as exc:
            raise SettingsError(exc.code, "printer", str(exc), **exc.values) from exc
    text = lock_timeout.strip().removesuffix("초").strip()
    if not (text.isascii() and text.isdigit()) or not LOCK_RANGE[0] <= int(text) <= LOCK_RANGE[1]:
        raise SettingsError(
            SettingsProblem.LOCK_TIMEOUT_RANGE,
            "lock_timeout",
            repr(lock_timeout),
            low=LOCK_RANGE[0],
            high=LOCK_RANGE[1],
        )
    if language not in LANGUAGES:
        raise SettingsError(SettingsProblem.LANGUAGE_NEEDED, "language", repr(language))
    try:
        float_amount = parse_amount(initial_float, DayCloseProblem.INITIAL_FLOAT_NOT_NUMBER)
    except DayCloseError as exc:
        raise SettingsError(exc.code, "initial_float", str(exc), **exc.values) from exc
    return ShopSettings(
        shop_name=shop_name.strip(),
        business_no=format_business_no(business_no.strip()),
        representative=representative.strip(),
        address=address.strip(),
        phone=phone.strip(),
        printer=printer.strip(),
        lock_timeout_seconds=int(text),
        language=language,
        initial_float=float_amount,
    )


class ShopSettingsStore:
    """The latest ``settings`` entry over the defaults."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    def saved(self) -> ShopSettings | None:
        rows = self.journal.query(
            "SELECT payload FROM entry WHERE type = 'settings' ORDER BY seq DESC LIMIT 1"
        )
        if not rows:
            return None
        data: dict[str, Any] = json.loads(rows[0][0])
        known = {f.name for f in fields(ShopSettings)}
        return ShopSettings(**{k: v for k, v in data.items() if k in known})

    def current(self, defaults: ShopSettings | None = None) -> ShopSettings:
        """Saved settings; before the first save, the defaults with the ledger's header filled in."""
        saved = self.saved()
        if saved is not None:
            return saved
        base = defaults or ShopSettings()
        ledger = self.ledger_header()
        return replace(
            base,
            shop_name=ledger.get("name", base.shop_name),
            business_no=ledger.get("business_no", base.business_no),
            representative=ledger.get("representative", base.representative),
            address=ledger.get("address", base.address),
            phone=ledger.get("phone", base.phone),
        )

    def save(self, settings: ShopSettings, by: str) -> None:
        self.journal.append(SettingsChange(**asdict(settings), by=by))

    def ledger_header(self) -> dict[str, str]:
        raw = self.journal.setting("shop")
        return json.loads(raw) if raw else {}

    def receipt_header(self) -> ShopHeader:
        """The header receipts print: the shop's own settings, else the ledger's."""
        saved = self.saved()
        if saved is not None and saved.shop_name:
            return saved.header
        ledger = self.ledger_header()
        return ShopHeader(
            ledger.get("name", ""),
            ledger.get("business_no", ""),
            ledger.get("representative", ""),
            ledger.get("address", ""),
            ledger.get("phone", ""),
        )


class ExportFolder:
    """The folder this till last saved a report in: a setting of this PC (a path means nothing on the
    office's side, so it is no journal entry and never syncs)."""

    KEY = "export_folder"

    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    def last(self) -> Path | None:
        """The folder chosen last, if it still exists."""
        raw = self.journal.setting(self.KEY)
        return Path(raw) if raw and Path(raw).is_dir() else None

    def remember(self, folder: Path) -> None:
        self.journal.set_setting(self.KEY, str(folder))
