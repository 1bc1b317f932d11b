"""`allive-admin`: the programme office's command line over the ledger database.

Every error the office can act on is one line on stderr saying what to fix, with exit status 2.
What it prints comes from one message table (``sync.admin.messages``): Korean, or English with
``--lang en`` (or ``ALLIVE_LANG=en``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from sync.admin.card_sheet import PrintedCard, write_card_csv, write_card_sheet
from sync.admin.messages import LANGS, language, text
from sync.admin.participants_csv import CsvRefused, EligibilityRule, eligibility_report, parse_participants
from sync.ledger.errors import LedgerError
from sync.ledger.service import Ledger
from sync.protocol import TillLimits
from sync.shared.business_no import business_no_error_ko, format_business_no
from sync.shared.cards.keys import load_private_key_pem, new_issuer_key, public_key_hex, write_private_key
from sync.shared.cards.token import CardToken, sign_card
from sync.shared.clock import utc_now
from sync.shared.money import won


class AdminError(Exception):
    """A refusal of the CLI itself: a message code and its parameters."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="allive-admin", description="ALL-LIVE Market programme office tools"
    )
    parser.add_argument("--database", default=os.environ.get("ALLIVE_DATABASE"), help="ledger database URL")
    parser.add_argument("--lang", choices=LANGS, help="language of the output: ko (default) or en")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("init-programme", help="create the year's programme and the issuer key pair")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--grant", type=int, required=True, help="points per participant, in won")
    p.add_argument(
        "--expires", type=dt.date.fromisoformat, required=True, help="last day points can be spent"
    )
    p.add_argument("--key-file", type=Path, required=True, help="where to write the issuer's private key")
    p.add_argument("--offline-card-cap", type=int, default=30_000)
    p.add_argument("--offline-till-cap", type=int, default=500_000)

    p = sub.add_parser("add-shop", help="add an ALL-LIVE Market shop")
    p.add_argument("shop_id")
    p.add_argument("--name", required=True)
    p.add_argument("--business-no", default="")
    p.add_argument("--representative", default="")
    p.add_argument("--address", default="")
    p.add_argument("--phone", default="")

    p = sub.add_parser("enrol-till", help="enrol a till and write its settings file (with its token)")
    p.add_argument("shop_id")
    p.add_argument("till_id")
    p.add_argument("--ledger-url", required=True)
    p.add_argument("--out", type=Path)

    p = sub.add_parser("import-participants", help="import the participant list (CSV, UTF-8 or CP949)")
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="list who is eligible and why not; change nothing")
    p.add_argument("--min-months", type=int, default=3)

    p = sub.add_parser("grant", help="grant the year's points to every eligible participant")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--participant", action="append")

    p = sub.add_parser("issue-cards", help="write printable card sheets (PDF) and the office's CSV")
    p.add_argument("--key-file", type=Path, required=True)
    p.add_argument("--out-dir", type=Path, required=True)
    p.add_argument("--participant", action="append")

    p = sub.add_parser("revoke", help="stop a card (lost, misused)")
    p.add_argument("card")
    p.add_argument("--reason", required=True)

    p = sub.add_parser("replace", help="replace a lost or damaged card, moving its balance")
    p.add_argument("card")
    p.add_argument("--reason", required=True)
    p.add_argument("--key-file", type=Path, required=True)
    p.add_argument("--out-dir", type=Path, required=True)

    p = sub.add_parser("balances", help="show account balances")
    p.add_argument("--card")
    sub.add_parser("shortfalls", help="offline over-spends the fund absorbed")
    p = sub.add_parser("settle", help="pay a shop what participants spent there")
    p.add_argument("shop_id")
    p.add_argument("--amount", type=int)
    p = sub.add_parser("expire", help="return unspent points to the fund at the end of the year")
    p.add_argument("--year", type=int, required=True)
    sub.add_parser("verify", help="check the ledger's invariants; exit 1 on any problem")
    p = sub.add_parser("disputes", help="offline claims beyond the rules, waiting for the office")
    p.add_argument("--all", action="store_true", help="closed claims too")
    p = sub.add_parser("resolve-dispute", help="accept (pay the shop) or reject a disputed claim; audited")
    p.add_argument("dispute_id")
    decision = p.add_mutually_exclusive_group(required=True)
    decision.add_argument("--accept", action="store_true")
    decision.add_argument("--reject", action="store_true")
    p.add_argument("--note", required=True, help="why (kept with the claim)")
    return parser


def _audit(out_dir: Path, what: str) -> None:
    """Office exports are logged: who, when, what."""
    with open(out_dir / "admin-audit.log", "a", encoding="utf-8") as log:
        log.write(f"{utc_now().isoformat()}\t{getpass.getuser()}\t{what}\n")


def _printed(ledger: Ledger, key_file: Path, participant_ids: Sequence[str] | None) -> list[PrintedCard]:
    try:
        key = load_private_key_pem(key_file.read_bytes())
    except (OSError, ValueError) as exc:
        raise AdminError("key_unreadable", path=key_file, error=exc) from exc
    names = {p.participant_id: p.name for p in ledger.participants()}
    cards = [
        c
        for c in ledger.cards()
        if c.status in ("active", "online_only")
        and (participant_ids is None or c.participant_id in participant_ids)
    ]
    return [
        PrintedCard(
            c.number,
            c.issue,
            c.expires_on,
            sign_card(CardToken(c.number, c.issue, c.expires_on), key),
            c.participant_id or "",
            names.get(c.participant_id or "", ""),
        )
        for c in cards
    ]


def run(args: argparse.Namespace) -> int:
    lang = language(args.lang)

    def say(code: str, **params: object) -> None:
        print(text(code, lang, **params))

    if not args.database:
        raise AdminError("no_database")
    ledger = Ledger(args.database)
    ledger.upgrade()
    command = args.command
    if command == "init-programme":
        if args.key_file.exists():
            raise AdminError("key_exists", path=args.key_file)
        key = new_issuer_key()
        limits = TillLimits(
            offline_card_daily_cap=args.offline_card_cap, offline_till_cap=args.offline_till_cap
        )
        ledger.create_programme(args.year, args.grant, args.expires, public_key_hex(key), limits)
        write_private_key(key, args.key_file)
        say("programme_created", year=args.year, grant=won(args.grant), expires=args.expires)
        say("key_written", path=args.key_file)
    elif command == "add-shop":
        if args.business_no and (problem := business_no_error_ko(args.business_no)):
            raise AdminError("business_no_invalid", number=args.business_no, problem=problem)
        ledger.add_shop(
            args.shop_id,
            args.name,
            format_business_no(args.business_no) if args.business_no else "",
            args.representative,
            args.address,
            args.phone,
        )
        say("shop_added", shop_id=args.shop_id)
    elif command == "enrol-till":
        token = ledger.enrol_till(args.shop_id, args.till_id)
        config = {
            "till_id": args.till_id,
            "shop_id": args.shop_id,
            "ledger_url": args.ledger_url,
            "token": token,
            "issuer_public_key": ledger.programme().issuer_public_key,
        }
        body = json.dumps(config, ensure_ascii=False, indent=2)
        if args.out:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(body, encoding="utf-8")
            args.out.chmod(0o600)
            say("till_enrolled", till_id=args.till_id, path=args.out)
        else:
            print(body)
            print(text("token_once", lang), file=sys.stderr)
    elif command == "import-participants":
        rule = EligibilityRule(min_months=args.min_months)
        parsed = parse_participants(args.file)
        report = eligibility_report(parsed.rows, rule)
        eligible = sum(1 for _, reasons in report if not reasons)
        if args.dry_run:
            say(
                "import_summary",
                file=args.file,
                encoding=parsed.encoding,
                count=len(parsed.rows),
                eligible=eligible,
            )
            for row, reasons in report:
                verdict = (
                    text("not_eligible", lang, reasons="; ".join(reasons))
                    if reasons
                    else text("eligible", lang)
                )
                print(f"{row.participant_id}\t{row.name}\t{verdict}")
            say("dry_run")
            return 0
        # Ineligible participants are stored inactive so that `grant` passes them over; the office
        # can see them and why in the dry run.
        rows = [
            row if not reasons else type(row)(**{**row.__dict__, "active": False}) for row, reasons in report
        ]
        ledger.add_participants(rows)
        say("imported", count=len(rows), file=args.file, encoding=parsed.encoding, eligible=eligible)
    elif command == "grant":
        granted = ledger.grant(args.year, args.participant)
        say("granted", amount=won(sum(g.amount for g in granted)), count=len(granted))
    elif command == "issue-cards":
        cards = _printed(ledger, args.key_file, args.participant)
        if not cards:
            raise AdminError("no_cards")
        write_card_sheet(cards, args.out_dir / "cards.pdf")
        write_card_csv(cards, args.out_dir / "cards.csv")
        _audit(args.out_dir, f"issue-cards {len(cards)} cards -> cards.pdf, cards.csv")
        pages = -(-len(cards) // 10)
        say("cards_written", count=len(cards), pages=pages, path=args.out_dir / "cards.pdf")
    elif command == "revoke":
        ledger.revoke_card(args.card, args.reason)
        say("card_revoked", card=args.card)
    elif command == "replace":
        before = ledger.card_balance(args.card)
        new = ledger.replace_card(args.card, args.reason)
        cards = [c for c in _printed(ledger, args.key_file, None) if c.number == new.number]
        write_card_sheet(cards, args.out_dir / f"card-{new.number}.pdf")
        _audit(args.out_dir, f"replace {args.card} -> {new.number}")
        say("card_replaced", card=args.card, new=new.number, amount=won(before))
    elif command == "balances":
        if args.card:
            balance, status = ledger.card_balance(args.card), ledger.card_status(args.card)
            say("card_balance", card=args.card, amount=won(balance), status=status)
        else:
            for b in ledger.balances():
                print(f"{b.name}\t{b.balance}")
    elif command == "shortfalls":
        for s in ledger.shortfalls():
            print(f"{s.ts}\t{s.shop_id}\t{s.till_id}\t{s.card_number}\t{s.amount}")
    elif command == "settle":
        paid = ledger.settle(args.shop_id, args.amount)
        say("settled", amount=won(paid), shop_id=args.shop_id)
    elif command == "expire":
        say("expired", amount=won(ledger.expire(args.year)))
    elif command == "disputes":
        found = ledger.disputes(None if args.all else "open")
        if not found:
            say("no_disputes")
        for d in found:
            print(
                f"{d.id}\t{d.raised_at}\t{d.shop_id}\t{d.till_id}\t{d.entry_id}\t{d.amount}\t{d.reason}\t{d.status}"
            )
    elif command == "resolve-dispute":
        done = ledger.resolve_dispute(
            args.dispute_id, accept=args.accept, note=args.note, operator=getpass.getuser()
        )
        say("dispute_resolved", dispute=done.id, amount=won(done.amount), status=done.status)
    elif command == "verify":
        problems = ledger.verify()
        for problem in problems:
            print(problem)
        say("verify_problems", count=len(problems)) if problems else say("verify_ok")
        return 1 if problems else 0
    return 0


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
