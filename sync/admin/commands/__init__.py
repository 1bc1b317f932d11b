"""`allive-admin`'s commands, one module per area of the office's work. Each module has
``register(sub)``, which adds its subcommands with ``office.command``."""

from __future__ import annotations

from types import ModuleType

from sync.admin.commands import (
    audit,
    backup,
    cards,
    money,
    operators,
    oversight,
    participants,
    programme,
    settlement,
    tills,
)

MODULES: tuple[ModuleType, ...] = (
    programme,
    tills,
    participants,
    cards,
    money,
    settlement,
    oversight,
    audit,
    backup,
    operators,
)
