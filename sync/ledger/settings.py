"""The ledger's settings, validated at start-up: no placeholder admin token outside demo mode."""

from __future__ import annotations

from dataclasses import dataclass

PLACEHOLDER_TOKENS = {"", "change-me", "changeme", "admin", "demo", "secret", "password", "token"}
MIN_TOKEN_LENGTH = 16


class SettingsError(Exception):
    pass


@dataclass(frozen=True)
class LedgerSettings:
    database_url: str
    admin_token: str
    demo: bool = False

    def __post_init__(self) -> None:
        if self.demo:
            return
        if self.admin_token.strip().lower() in PLACEHOLDER_TOKENS or len(self.admin_token) < MIN_TOKEN_LENGTH:
            raise SettingsError(
                "refusing to start: the admin token is empty, a placeholder or shorter than "
                f"{MIN_TOKEN_LENGTH} characters. Set a long random one with --admin-token or ALLIVE_ADMIN_TOKEN "
                "(for example: python -c 'import secrets; print(secrets.token_urlsafe(32))'), "
                "or pass --demo for a demo ledger."
            )
