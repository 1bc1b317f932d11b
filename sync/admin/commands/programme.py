"""The programme year, shops and tills."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

from sync.admin.office import AdminError, Office, Subparsers, command
from sync.protocol import TillLimits
from sync.shared.business_no import business_no_error_ko, format_business_no
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
    if args.business_no and (problem := business_no_error_ko(args.business_no)):
        raise AdminError("business_no_invalid", number=args.business_no, problem=problem)
    office.ledger.add_shop(
        args.shop_id,
        args.name,
        format_business_no(args.business_no) if args.business_no else "",
        args.representative,
        args.address,
        args.phone,
        operator=office.operator,
    )
    office.say("shop_added", shop_id=args.shop_id)
    return 0


def till_settings(office: Office, shop_id: str, till_id: str, ledger_url: str, token: str) -> str:
    """A till's settings file: where its ledger is, its token, and the key its first sync trusts."""
    config = {
        "till_id": till_id,
        "shop_id": shop_id,
        "ledger_url": ledger_url,
        "token": token,
        "issuer_public_key": office.ledger.programme().issuer_public_key,
    }
    return json.dumps(config, ensure_ascii=False, indent=2)


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
