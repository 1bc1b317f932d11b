"""`allive-admin`'s commands, one module per area of the office's work. Each module has
``register(sub)``, which adds its subcommands with ``office.command``."""

from __future__ import annotations

from types import ModuleType

from sync.admin.commands import audit, cards, money, participants, programme, settlement

MODULES: tuple[ModuleType, ...] = (programme, participants, cards, money, settlement, audit)
