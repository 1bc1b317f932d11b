"""What every `allive-admin` command works with: the ledger, the language it speaks, and the
operator its actions are recorded under in the audit log."""

from __future__ import annotations

import argparse
import getpass
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sync.admin.messages import text
from sync.ledger.service import Ledger

OPERATOR_ENV = "ALLIVE_OPERATOR"


class AdminError(Exception):
    """A refusal of the CLI itself: a message code and its parameters."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def operator_name(given: str | None) -> str:
    """Who is acting: ``--operator``, else ``ALLIVE_OPERATOR``, else the signed-in OS user."""
    for name in (given, os.environ.get(OPERATOR_ENV)):
        if name and name.strip():
            return name.strip()[:64]
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name on this system (a container without /etc/passwd)
        return "unknown"


@dataclass
class Office:
    ledger: Ledger
    lang: str
    operator: str

    def text(self, code: str, **params: object) -> str:
        return text(code, self.lang, **params)

    def say(self, code: str, **params: object) -> None:
        print(self.text(code, **params))


# A command: the parsed arguments in, an exit status out (0 done, 1 found problems).
Handler = Callable[[Office, argparse.Namespace], int]
Subparsers = Any  # argparse's private _SubParsersAction


def command(sub: Subparsers, name: str, handler: Handler, help: str) -> argparse.ArgumentParser:
    """Add a subcommand run by ``handler``."""
    parser: argparse.ArgumentParser = sub.add_parser(name, help=help)
    parser.set_defaults(handler=handler)
    return parser
