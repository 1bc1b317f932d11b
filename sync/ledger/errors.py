"""The ledger's refusals of office operations, as codes with parameters (text lives with each UI).

``sync.admin.messages`` turns a code into Korean or English for the office; the API returns the
code and its parameters; ``str()`` gives ``code (key=value, ...)`` for logs.
"""

from __future__ import annotations


class LedgerError(Exception):
    """An office operation that cannot be done as asked; ``code`` says why, ``params`` the details."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        if not self.params:
            return self.code
        details = ", ".join(f"{key}={value}" for key, value in self.params.items())
        return f"{self.code} ({details})"
