"""The office console's operators: add one (admin, staff or viewer), list them, disable one, give
one a new password. Passwords are typed twice at a prompt, or read from standard input."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys

from sync.admin.office import AdminError, Office, Subparsers, command
from sync.ledger.operators import ROLES
from sync.shared.clock import KST


def register(sub: Subparsers) -> None:
    parser = sub.add_parser("operator", help="the office console's operators (sign-in accounts)")
    nested = parser.add_subparsers(dest="operator_command", required=True)

    p = command(nested, "add", add, "add an operator; the password is asked twice (or --password-stdin)")
    p.add_argument("username")
    p.add_argument(
        "--role",
        required=True,
        choices=ROLES,
        help="admin: everything; staff: office work; viewer: read-only",
    )
    p.add_argument("--name", default="", help="the name shown in the console")
    p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")

    command(nested, "list", list_operators, "list the operators, their role and state")

    p = command(nested, "disable", disable, "stop an operator signing in; their sessions end; audited")
    p.add_argument("username")

    p = command(nested, "reset-password", reset_password, "a new password; lifts a lockout; audited")
    p.add_argument("username")
    p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")


def _password(office: Office, args: argparse.Namespace) -> str:
    if args.password_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise AdminError("password_stdin_empty")
        return line
    first = getpass.getpass(office.text("password_prompt", username=args.username))
    again = getpass.getpass(office.text("password_again"))
    if first != again:
        raise AdminError("password_mismatch")
    return first


def add(office: Office, args: argparse.Namespace) -> int:
    password = _password(office, args)
    added = office.ledger.add_operator(
        args.username, args.role, password, args.name, operator=office.operator
    )
    office.say("operator_added", username=added.username, role=added.role)
    return 0


def _kst(stamp: str | None) -> str:
    if not stamp:
        return "-"
    return dt.datetime.fromisoformat(stamp).astimezone(KST).strftime("%Y-%m-%d %H:%M")


def list_operators(office: Office, _args: argparse.Namespace) -> int:
    found = office.ledger.operators()
    if not found:
        office.say("no_operators")
        return 0
    office.say("operators_header")
    for o in found:
        state = office.text("operator_active" if o.active else "operator_disabled_state")
        row = [o.username, o.display_name or "-", o.role, state, str(o.failed_attempts)]
        print("\t".join([*row, _kst(o.locked_until), _kst(o.created_at)]))
    return 0


def disable(office: Office, args: argparse.Namespace) -> int:
    ended = office.ledger.disable_operator(args.username, operator=office.operator)
    office.say("operator_disabled", username=args.username, sessions=ended)
    return 0


def reset_password(office: Office, args: argparse.Namespace) -> int:
    password = _password(office, args)
    ended = office.ledger.reset_password(args.username, password, operator=office.operator)
    office.say("operator_password_reset", username=args.username, sessions=ended)
    return 0
