"""The participant list and the year's grant."""

from __future__ import annotations

import argparse
from pathlib import Path

from sync.admin.office import Office, Subparsers, command
from sync.admin.participants_csv import (
    EligibilityRule,
    eligibility_report,
    parse_participants,
    rows_to_import,
)
from sync.shared.money import won


def register(sub: Subparsers) -> None:
    p = command(
        sub, "import-participants", import_participants, "import the participant list (CSV, UTF-8 or CP949)"
    )
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="list who is eligible and why not; change nothing")
    p.add_argument("--min-months", type=int, default=3)

    p = command(sub, "grant", grant, "grant the year's points to every eligible participant")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--participant", action="append")


def import_participants(office: Office, args: argparse.Namespace) -> int:
    rule = EligibilityRule(min_months=args.min_months)
    parsed = parse_participants(args.file)
    report = eligibility_report(parsed.rows, rule)
    eligible = sum(1 for _, reasons in report if not reasons)
    if args.dry_run:
        office.say(
            "import_summary",
            file=args.file,
            encoding=parsed.encoding,
            count=len(parsed.rows),
            eligible=eligible,
        )
        for row, reasons in report:
            verdict = (
                office.text("not_eligible", reasons="; ".join(reasons))
                if reasons
                else office.text("eligible")
            )
            print(f"{row.participant_id}\t{row.name}\t{verdict}")
        office.say("dry_run")
        return 0
    rows = rows_to_import(report)
    office.ledger.add_participants(rows, operator=office.operator)
    office.say("imported", count=len(rows), file=args.file, encoding=parsed.encoding, eligible=eligible)
    return 0


def grant(office: Office, args: argparse.Namespace) -> int:
    granted = office.ledger.grant(args.year, args.participant, operator=office.operator)
    office.say("granted", amount=won(sum(g.amount for g in granted)), count=len(granted))
    return 0
