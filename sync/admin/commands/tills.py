"""The till fleet: list the tills, disable a stolen or retired one, enable it again, give it a new token."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from sync.admin.commands.programme import till_settings, write_till_settings
from sync.admin.office import Office, Subparsers, command
from sync.shared.clock import KST


def register(sub: Subparsers) -> None:
    p = command(sub, "tills", tills, "list the tills: last entry received, held entries, last snapshot")
    p.add_argument("--shop", help="only this shop's tills")

    p = command(
        sub, "disable-till", disable_till, "stop a till (stolen or retired PC): refused at once; audited"
    )
    p.add_argument("till_id")
    p.add_argument("--reason", required=True, help="why (kept in the audit log)")

    p = command(sub, "enable-till", enable_till, "let a disabled till push and pull again; audited")
    p.add_argument("till_id")

    p = command(
        sub, "rotate-token", rotate_token, "give a till a new token and settings file; the old one is refused"
    )
    p.add_argument("till_id")
    p.add_argument("--ledger-url", required=True)
    p.add_argument("--out", type=Path, help="the till's new settings file (else printed once)")


def _kst(stamp: str | None) -> str:
    if not stamp:
        return "-"
    return dt.datetime.fromisoformat(stamp).astimezone(KST).strftime("%Y-%m-%d %H:%M")


def tills(office: Office, args: argparse.Namespace) -> int:
    found = office.ledger.tills(args.shop)
    if not found:
        office.say("no_tills")
        return 0
    office.say("tills_header")
    for till in found:
        state = office.text("till_active" if till.active else "till_disabled_state")
        print(
            "\t".join(
                [
                    till.till_id,
                    f"{till.shop_id} ({till.shop_name})",
                    _kst(till.enrolled_at),
                    state,
                    str(till.last_seq) if till.last_seq is not None else "-",
                    _kst(till.last_received_at),
                    str(till.held),
                    str(till.last_snapshot_version) if till.last_snapshot_version is not None else "-",
                    _kst(till.last_snapshot_at),
                ]
            )
        )
    return 0


def disable_till(office: Office, args: argparse.Namespace) -> int:
    office.ledger.disable_till(args.till_id, args.reason, operator=office.operator)
    office.say("till_disabled", till_id=args.till_id)
    return 0


def enable_till(office: Office, args: argparse.Namespace) -> int:
    office.ledger.enable_till(args.till_id, operator=office.operator)
    office.say("till_enabled", till_id=args.till_id)
    return 0


def rotate_token(office: Office, args: argparse.Namespace) -> int:
    new = office.ledger.rotate_till_token(args.till_id, operator=office.operator)
    body = till_settings(office, new.shop_id, new.till_id, args.ledger_url, new.token)
    write_till_settings(office, body, args.out, new.till_id, said="till_token_rotated")
    if not args.out:  # stdout holds the settings alone
        print(office.text("till_token_rotated_printed", till_id=new.till_id), file=sys.stderr)
    if not new.active:
        office.say("till_still_disabled", till_id=new.till_id)
    return 0
