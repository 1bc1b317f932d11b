"""Cards: printing, stopping, replacing, and their balances."""

from __future__ import annotations

import argparse
from pathlib import Path

from sync.admin.card_sheet import printed_cards, write_card_csv, write_card_sheet
from sync.admin.office import AdminError, Office, Subparsers, command
from sync.shared.clock import business_day_of
from sync.shared.money import won


def register(sub: Subparsers) -> None:
    p = command(sub, "issue-cards", issue_cards, "write printable card sheets (PDF) and the office's CSV")
    p.add_argument("--key-file", type=Path, required=True)
    p.add_argument("--out-dir", type=Path, required=True)
    p.add_argument("--participant", action="append")

    p = command(sub, "revoke", revoke, "stop a card (lost, misused)")
    p.add_argument("card")
    p.add_argument("--reason", required=True)

    p = command(sub, "replace", replace, "replace a lost or damaged card, moving its balance")
    p.add_argument("card")
    p.add_argument("--reason", required=True)
    p.add_argument("--key-file", type=Path, required=True)
    p.add_argument("--out-dir", type=Path, required=True)

    p = command(sub, "balances", balances, "show account balances")
    p.add_argument("--card")


def issue_cards(office: Office, args: argparse.Namespace) -> int:
    cards = printed_cards(office.ledger, args.key_file, args.participant)
    if not cards:
        raise AdminError("no_cards")
    today = business_day_of(office.ledger.clock())
    sheet = write_card_sheet(cards, args.out_dir / "cards.pdf", printed_on=today)
    write_card_csv(cards, args.out_dir / "cards.csv")
    office.ledger.audit(
        office.operator,
        "issue_cards",
        str(args.out_dir),
        args={"participants": args.participant or "all"},
        after={
            "cards": sheet.cards,
            "groups": sheet.groups,
            "pages": sheet.pages,
            "files": ["cards.pdf", "cards.csv"],
        },
    )
    office.say(
        "cards_written_groups", count=sheet.cards, groups=sheet.groups, pages=sheet.pages, path=sheet.path
    )
    return 0


def revoke(office: Office, args: argparse.Namespace) -> int:
    office.ledger.revoke_card(args.card, args.reason, operator=office.operator)
    office.say("card_revoked", card=args.card)
    return 0


def replace(office: Office, args: argparse.Namespace) -> int:
    before = office.ledger.card_balance(args.card)
    new = office.ledger.replace_card(args.card, args.reason, operator=office.operator)
    cards = [c for c in printed_cards(office.ledger, args.key_file, None) if c.number == new.number]
    write_card_sheet(
        cards, args.out_dir / f"card-{new.number}.pdf", printed_on=business_day_of(office.ledger.clock())
    )
    office.say("card_replaced", card=args.card, new=new.number, amount=won(before))
    return 0


def balances(office: Office, args: argparse.Namespace) -> int:
    if args.card:
        balance, status = office.ledger.card_balance(args.card), office.ledger.card_status(args.card)
        office.say("card_balance", card=args.card, amount=won(balance), status=status)
    else:
        for b in office.ledger.balances():
            print(f"{b.name}\t{b.balance}")
    return 0
