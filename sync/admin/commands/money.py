"""Money after the sale: shortfalls, the year's end, disputed claims, and the checks. Paying shops is
`record-payment` (sync/admin/commands/settlement.py): by month and bank reference."""

from __future__ import annotations

import argparse

from sync.admin.office import Office, Subparsers, command
from sync.shared.money import won


def register(sub: Subparsers) -> None:
    command(sub, "shortfalls", shortfalls, "offline over-spends the fund absorbed")
    p = command(sub, "expire", expire, "return a year's unspent points to its fund after its last day")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--force", action="store_true", help="before the year's last day (needs --reason)")
    p.add_argument("--reason", default="", help="why an early expiry (kept in the audit log)")
    command(sub, "verify", verify, "check the ledger's invariants; exit 1 on any problem")
    p = command(sub, "disputes", disputes, "offline claims beyond the rules, waiting for the office")
    p.add_argument("--all", action="store_true", help="closed claims too")
    p = command(
        sub, "resolve-dispute", resolve_dispute, "accept (pay the shop) or reject a disputed claim; audited"
    )
    p.add_argument("dispute_id")
    decision = p.add_mutually_exclusive_group(required=True)
    decision.add_argument("--accept", action="store_true")
    decision.add_argument("--reject", action="store_true")
    p.add_argument("--note", required=True, help="why (kept with the claim)")


def shortfalls(office: Office, _args: argparse.Namespace) -> int:
    for s in office.ledger.shortfalls():
        print(f"{s.ts}\t{s.shop_id}\t{s.till_id}\t{s.card_number}\t{s.amount}")
    return 0


def expire(office: Office, args: argparse.Namespace) -> int:
    returned = office.ledger.expire(args.year, operator=office.operator, force=args.force, reason=args.reason)
    office.say("expired", amount=won(returned))
    return 0


def verify(office: Office, _args: argparse.Namespace) -> int:
    problems = office.ledger.verify()
    for problem in problems:
        print(problem)
    office.say("verify_problems", count=len(problems)) if problems else office.say("verify_ok")
    return 1 if problems else 0


def disputes(office: Office, args: argparse.Namespace) -> int:
    found = office.ledger.disputes(None if args.all else "open")
    if not found:
        office.say("no_disputes")
    for d in found:
        print(
            f"{d.id}\t{d.raised_at}\t{d.shop_id}\t{d.till_id}\t{d.entry_id}\t{d.amount}\t{d.reason}\t{d.status}"
        )
    return 0


def resolve_dispute(office: Office, args: argparse.Namespace) -> int:
    done = office.ledger.resolve_dispute(
        args.dispute_id, accept=args.accept, note=args.note, operator=office.operator
    )
    office.say("dispute_resolved", dispute=done.id, amount=won(done.amount), status=done.status)
    return 0
