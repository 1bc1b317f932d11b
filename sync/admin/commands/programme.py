"""The programme year, shops and tills."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from sync.admin.office import AdminError, Office, Subparsers, command
from sync.admin.shop_setup import checked_business_no
from sync.admin.shop_setup import till_settings as settings_file
from sync.protocol import TillLimits
from sync.shared.cards.keys import new_issuer_key, public_key_hex, write_private_key
from sync.shared.money import won


def register(sub: Subparsers) -> None:
    p = command(sub, "init-programme", init_programme, "create the year's programme and the issuer key pair")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--grant", type=int, required=True, help="points per participant, in won")
    p.add_argument(
        "--expires", type=dt.date.fromisoformat, required=True, help="last day points can be spent"
    )
    p.add_argument("--key-file", type=Path, required=True, help="where to write the issuer's private key")
    p.add_argument("--offline-card-cap", type=int, default=30_000)
    p.add_argument("--offline-till-cap", type=int, default=500_000)

    p = command(sub, "add-shop", add_shop, "add an ALL-LIVE Market shop")
    p.add_argument("shop_id")
    p.add_argument("--name", required=True)
    p.add_argument("--business-no", default="")
    p.add_argument("--representative", default="")
    p.add_argument("--address", default="")
    p.add_argument("--phone", default="")

    p = command(sub, "enrol-till", enrol_till, "enrol a till and write its settings file (with its token)")
    p.add_argument("shop_id")
    p.add_argument("till_id")
    p.add_argument("--ledger-url", required=True)
    p.add_argument("--out", type=Path)


def init_programme(office: Office, args: argparse.Namespace) -> int:
    if args.key_file.exists():
        raise AdminError("key_exists", path=args.key_file)
    key = new_issuer_key()
    limits = TillLimits(offline_card_daily_cap=args.offline_card_cap, offline_till_cap=args.offline_till_cap)
    office.ledger.create_programme(
        args.year, args.grant, args.expires, public_key_hex(key), limits, operator=office.operator
    )
    write_private_key(key, args.key_file)
    office.say("programme_created", year=args.year, grant=won(args.grant), expires=args.expires)
    office.say("key_written", path=args.key_file)
    return 0


def add_shop(office: Office, args: argparse.Namespace) -> int:
    office.ledger.add_shop(
        args.shop_id,
        args.name,
        checked_business_no(args.business_no),
        args.representative,
        args.address,
        args.phone,
        operator=office.operator,
    )
    office.say("shop_added", shop_id=args.shop_id)
    return 0


def till_settings(office: Office, shop_id: str, till_id: str, ledger_url: str, token: str) -> str:
    """A till's settings file (``sync.admin.shop_setup.till_settings``)."""
    return settings_file(office.ledger, shop_id, till_id, ledger_url, token)


def write_till_settings(
    office: Office, body: str, out: Path | None, till_id: str, said: str = "till_enrolled"
) -> None:
    """Write a till's settings file readable by its owner only (from its first byte), or print it once."""
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        with open(os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as file:
            file.write(body)
        out.chmod(0o600)  # a file that was there already keeps its old mode otherwise
        office.say(said, till_id=till_id, path=out)
    else:
        print(body)
        print(office.text("token_once"), file=sys.stderr)


def enrol_till(office: Office, args: argparse.Namespace) -> int:
    token = office.ledger.enrol_till(args.shop_id, args.till_id, operator=office.operator)
    body = till_settings(office, args.shop_id, args.till_id, args.ledger_url, token)
    write_till_settings(office, body, args.out, args.till_id)
    return 0
