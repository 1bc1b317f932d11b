"""Backups of the ledger and their restore into an empty database."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from sync.admin.office import Office, Subparsers, command
from sync.shared.clock import KST


def register(sub: Subparsers) -> None:
    p = command(sub, "backup", backup, "write a backup of the ledger and its SHA-256 checksum file; audited")
    p.add_argument("--out", type=Path, required=True, help="the backup file (never written over)")

    p = command(
        sub, "restore", restore, "restore a backup into the empty database of --database, then verify it"
    )
    p.add_argument("file", type=Path, help="the backup file; its .sha256 file must be beside it")
    p.set_defaults(upgrade_first=False)  # the database must still be empty when the restore begins


def backup(office: Office, args: argparse.Namespace) -> int:
    previous = office.ledger.last_backup()
    done = office.ledger.backup(args.out, operator=office.operator)
    office.say(
        "backup_written", path=done.path, size=done.size, sha256=done.sha256, checksum=done.checksum_path
    )
    if previous is None:
        office.say("backup_first")
    else:
        at = dt.datetime.fromisoformat(previous.at).astimezone(KST).strftime("%Y-%m-%d %H:%M")
        office.say("backup_previous", at=at, operator=previous.operator, path=previous.target)
    office.say("backup_copy_off")
    return 0


def restore(office: Office, args: argparse.Namespace) -> int:
    done, problems = office.ledger.restore(args.file, operator=office.operator)
    office.say("restored", path=done.path, sha256=done.sha256)
    for problem in problems:
        print(problem)
    office.say("verify_problems", count=len(problems)) if problems else office.say("verify_ok")
    return 1 if problems else 0
