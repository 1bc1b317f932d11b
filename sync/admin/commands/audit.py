"""The audit log: who did what, when, with the figures before and after."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from sync.admin.office import Office, Subparsers, command
from sync.shared.clock import KST


def register(sub: Subparsers) -> None:
    p = command(sub, "audit", audit, "list the office's actions (newest first)")
    p.add_argument("--action", help="only this action (e.g. grant, revoke, settle)")
    p.add_argument("--by", help="only this operator's actions")
    p.add_argument("--target", help="only actions on this shop, card, till or year")
    p.add_argument("--since", type=dt.date.fromisoformat, help="from this day (KST)")
    p.add_argument("--until", type=dt.date.fromisoformat, help="up to and including this day (KST)")
    p.add_argument("--limit", type=int, default=200)


def _start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=KST)


def audit(office: Office, args: argparse.Namespace) -> int:
    rows = office.ledger.audit_log(
        action=args.action,
        operator=args.by,
        target=args.target,
        since=_start(args.since) if args.since else None,
        until=_start(args.until + dt.timedelta(days=1)) if args.until else None,
        limit=args.limit,
    )
    if not rows:
        office.say("audit_empty")
    for r in rows:
        at = dt.datetime.fromisoformat(r.at).astimezone(KST).strftime("%Y-%m-%d %H:%M:%S")
        figures = {k: v for k, v in (("args", r.args), ("before", r.before), ("after", r.after)) if v}
        print(f"{at}\t{r.operator}\t{r.action}\t{r.target}\t{json.dumps(figures, ensure_ascii=False)}")
    return 0
