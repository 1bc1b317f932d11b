"""Settlement with the shops: where each is paid, its monthly statement, the bank transfer file,
and the payments the bank made."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from sync.admin.office import AdminError, Office, Subparsers, command
from sync.admin.statement_files import (
    file_stem,
    write_statement_csv,
    write_statement_pdf,
    write_transfer_file,
)
from sync.ledger.banks import mask_account
from sync.ledger.settlement import Period
from sync.shared.clock import business_day_of
from sync.shared.money import won


def _won(value: str) -> int:
    """An amount as the office types it: ``81500`` or ``81,500``."""
    return int(value.replace(",", "").strip())


def register(sub: Subparsers) -> None:
    p = command(sub, "shop-bank", shop_bank, "show or set where a shop is paid (bank, account, holder)")
    p.add_argument("shop_id")
    p.add_argument(
        "--bank", help="KB국민, 신한, 우리, 하나, NH농협, IBK기업, 부산, 카카오뱅크, ... or its code"
    )
    p.add_argument("--account", help="account number: digits with optional hyphens, 10 to 16 digits")
    p.add_argument("--holder", help="the account holder's name as the bank has it")

    command(sub, "shop-banks", shop_banks, "list every shop's bank account (numbers masked)")

    p = command(sub, "statement", statement, "write a shop's settlement statement for a month (CSV and PDF)")
    p.add_argument("shop_id", nargs="*", help="one or more shops (or --all)")
    p.add_argument("--all", action="store_true", help="every shop")
    p.add_argument("--month", help="YYYY-MM (default: last month)")
    p.add_argument("--out", type=Path, default=Path("."), help="folder for the files (default: here)")

    p = command(sub, "bank-file", bank_file, "write the month's bank transfer file for every shop still owed")
    p.add_argument("--month", required=True, help="YYYY-MM")
    p.add_argument("--out", type=Path, required=True, help="the CSV file to write")

    p = command(sub, "record-payment", record_payment, "record a bank payment to a shop for a month")
    p.add_argument("shop_id")
    p.add_argument("--month", required=True, help="YYYY-MM: the period paid for")
    p.add_argument("--amount", type=_won, required=True, help="won paid")
    p.add_argument("--reference", required=True, help="the bank's reference for the transfer")
    p.add_argument("--paid-on", type=dt.date.fromisoformat, required=True, help="YYYY-MM-DD")


def _period(office: Office, month: str | None) -> Period:
    if month:
        return Period.parse_month(month)
    return Period.month_before(business_day_of(office.ledger.clock()))


def shop_bank(office: Office, args: argparse.Namespace) -> int:
    given = [args.bank, args.account, args.holder]
    if any(v is not None for v in given) and not all(v is not None for v in given):
        raise AdminError("shop_bank_partial")
    if args.bank is not None:
        details = office.ledger.set_shop_bank(
            args.shop_id, args.bank, args.account, args.holder, operator=office.operator
        )
    else:
        found = {s.shop_id: s for s in office.ledger.shop_banks()}
        if args.shop_id not in found:
            raise AdminError("shop_unknown", shop_id=args.shop_id)
        details = found[args.shop_id].bank
        if not details.complete:
            office.say("shop_bank_missing", shop_id=args.shop_id)
            return 1
    account = mask_account(details.account_no)
    office.say(
        "shop_bank_set", shop_id=args.shop_id, bank=details.bank, account=account, holder=details.holder
    )
    return 0


def shop_banks(office: Office, _args: argparse.Namespace) -> int:
    print(office.text("shop_banks_header"))
    for s in office.ledger.shop_banks():
        masked = s.bank.masked
        print(f"{s.shop_id}\t{s.name}\t{masked.bank}\t{masked.account_no}\t{masked.holder}")
    return 0


def statement(office: Office, args: argparse.Namespace) -> int:
    if not args.shop_id and not args.all:
        raise AdminError("statement_needs_shop")
    period = _period(office, args.month)
    found = office.ledger.statements(period, None if args.all else args.shop_id)
    issued_at = office.ledger.clock()
    for s in found:
        stem = file_stem(s)
        csv_path = write_statement_csv(s, args.out / f"{stem}.csv", issued_at, office.lang)
        pdf_path = write_statement_pdf(s, args.out / f"{stem}.pdf", issued_at, office.lang)
        # Office exports are logged: who, when, what (DOMAIN.md).
        office.ledger.audit(
            office.operator,
            "export_statement",
            s.shop_id,
            args={"period": period.label, "files": [str(csv_path), str(pdf_path)]},
            after={"net": s.net, "paid": s.paid, "balance": s.balance},
        )
        office.say(
            "statement_written",
            shop_id=s.shop_id,
            period=period.label,
            net=won(s.net),
            paid=won(s.paid),
            balance=won(s.balance),
            csv=csv_path,
            pdf=pdf_path,
        )
    return 0


def bank_file(office: Office, args: argparse.Namespace) -> int:
    period = Period.parse_month(args.month)
    batch = office.ledger.transfers(period)
    path = write_transfer_file(batch, args.out, office.lang)
    office.ledger.audit(
        office.operator,
        "export_bank_file",
        period.label,
        args={"file": str(path)},
        after={
            "shops": len(batch.transfers),
            "total": batch.total,
            "problems": [f"{p.shop_id}: {p.code}" for p in batch.problems],
        },
    )
    office.say(
        "bank_file_written",
        period=period.label,
        path=path,
        count=len(batch.transfers),
        total=won(batch.total),
    )
    for problem in batch.problems:
        office.say(
            problem.code,
            shop_id=problem.shop_id,
            name=problem.shop_name,
            amount=won(problem.amount),
            held=won(problem.held),
        )
    if batch.problems:
        office.say("bank_file_problems", count=len(batch.problems))
        return 1
    return 0


def record_payment(office: Office, args: argparse.Namespace) -> int:
    period = Period.parse_month(args.month)
    done = office.ledger.record_payment(
        args.shop_id, period, args.amount, args.reference, args.paid_on, operator=office.operator
    )
    paid = done.payment
    if done.already_recorded:
        office.say(
            "payment_already_recorded",
            reference=paid.reference,
            shop_id=paid.shop_id,
            period=period.label,
            amount=won(paid.amount),
        )
        return 0
    office.say(
        "payment_recorded",
        shop_id=paid.shop_id,
        period=period.label,
        amount=won(paid.amount),
        reference=paid.reference,
        paid_on=paid.paid_on,
        balance=won(done.balance_after),
    )
    return 0
