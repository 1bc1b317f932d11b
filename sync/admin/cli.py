"""`allive-admin`: the programme office's command line over the ledger database.

Every error the office can act on is one line on stderr saying what to fix, with exit status 2.
What it prints comes from one message table (``sync.admin.messages``): Korean, or English with
``--lang en`` (or ``ALLIVE_LANG=en``). Every change is recorded in the ledger's audit log under the
operator (``--operator`` before the command, ``ALLIVE_OPERATOR``, or the OS user). The commands live in
``sync.admin.commands``, one module per area of the office's work.
"""

from __future__ import annotations

import argparse
import os
import sys

from sync.admin.commands import MODULES
from sync.admin.messages import LANGS, language, text
from sync.admin.office import AdminError, Office, operator_name
from sync.admin.participants_csv import CsvRefused
from sync.ledger.errors import LedgerError
from sync.ledger.service import Ledger

__all__ = ["AdminError", "main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="allive-admin", description="ALL-LIVE Market programme office tools"
    )
    parser.add_argument("--database", default=os.environ.get("ALLIVE_DATABASE"), help="ledger database URL")
    parser.add_argument("--lang", choices=LANGS, help="language of the output: ko (default) or en")
    parser.add_argument(
        "--operator", help="who is acting, named in the audit log (default: ALLIVE_OPERATOR, or the OS user)"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for module in MODULES:
        module.register(sub)
    return parser


def run(args: argparse.Namespace) -> int:
    if not args.database:
        raise AdminError("no_database")
    ledger = Ledger(args.database)
    try:
        if getattr(args, "upgrade_first", True):  # restore: the database must stay empty until it runs
            ledger.upgrade()
        office = Office(ledger, language(args.lang), operator_name(args.operator))
        status: int = args.handler(office, args)
        return status
    finally:
        ledger.dispose()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return run(args)
    except CsvRefused as exc:
        print(f"allive-admin: {exc}", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    except (AdminError, LedgerError) as exc:
        print(f"allive-admin: {text(exc.code, language(args.lang), **exc.params)}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"allive-admin: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
