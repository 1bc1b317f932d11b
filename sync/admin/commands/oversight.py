"""Oversight: points spent and unspent, a participant's record (a logged view), the anomaly scan,
its alerts and their thresholds."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sync.admin.messages import MESSAGES
from sync.admin.office import AdminError, Office, Subparsers, command
from sync.ledger.alerts import STATUSES, AlertRecord
from sync.ledger.anomalies import SCANNED_KINDS, THRESHOLD_KEYS, Thresholds
from sync.ledger.oversight import MAX_MATCHES, SPENDING_BY, ParticipantDetail
from sync.ledger.settlement import Period
from sync.shared.cards.number import format_card_number
from sync.shared.clock import KST, business_day_of
from sync.shared.money import won
from sync.shared.office_text import safe_row

NUMBERS = (
    "drain_percent",
    "drain_min_points",
    "drain_min_points_open_price",
    "sales_per_shop_day",
    "repeat_count",
    "repeat_min_points",
    "two_shops_minutes",
)


def register(sub: Subparsers) -> None:
    p = command(sub, "report", report, "points spent in a month by centre, workplace, shop or business day")
    p.add_argument("--by", choices=SPENDING_BY, required=True)
    p.add_argument("--month", help="YYYY-MM (default: this month)")
    p.add_argument("--csv", type=Path, help="also write the table to this CSV file (UTF-8 with BOM)")

    p = command(sub, "unspent", unspent, "points still on cards, by centre or by participant (masked names)")
    p.add_argument("--by", choices=("centre", "participant"), default="centre")
    p.add_argument("--centre", help="only this centre's participants (with --by participant)")
    p.add_argument("--csv", type=Path, help="also write the table to this CSV file (UTF-8 with BOM)")

    p = command(
        sub,
        "participant",
        participant,
        "a participant's cards, balances and sales (recorded in the audit log)",
    )
    p.add_argument("query", help="participant id, card number, or part of the name")

    p = command(sub, "scan", scan, "run the anomaly rules over a month's sales and raise new alerts")
    p.add_argument("--month", help="YYYY-MM (default: this month)")

    p = command(sub, "alerts", alerts, "list alerts (open ones by default)")
    p.add_argument("--status", choices=(*STATUSES, "all"), default="open")
    p.add_argument("--kind", help=f"only this kind ({', '.join(SCANNED_KINDS)}, offline_claim_disputed, ...)")
    p.add_argument("--limit", type=int, default=200)

    p = command(sub, "ack-alert", ack_alert, "mark an open alert as being looked at; audited")
    p.add_argument("alert_id", type=int)

    p = command(sub, "resolve-alert", resolve_alert, "close an alert with what was found or done; audited")
    p.add_argument("alert_id", type=int)
    p.add_argument("--note", required=True, help="what was found or done (kept with the alert)")

    p = command(sub, "thresholds", thresholds, "show or change the anomaly thresholds of a programme year")
    p.add_argument("--year", type=int, help="the programme year (default: the latest)")
    p.add_argument(
        "--set",
        nargs="+",
        metavar="KEY=VALUE",
        help=f"change thresholds: {', '.join(THRESHOLD_KEYS)} (hours as HH:MM-HH:MM; hours.SHOP=default)",
    )


def _month(office: Office, month: str | None) -> Period:
    if month:
        return Period.parse_month(month)
    today = business_day_of(office.ledger.clock())
    return Period.month(today.year, today.month)


def _kst(stored: str | None) -> str:
    """A stored UTC time as the office reads it: KST, to the minute."""
    if not stored:
        return ""
    try:
        return dt.datetime.fromisoformat(stored).astimezone(KST).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stored


def _columns(office: Office, code: str) -> list[str]:
    return office.text(code).split("\t")


def _table(office: Office, header: str, rows: Sequence[Sequence[Any]], path: Path | None) -> None:
    """Print a table (tab-separated, header first); with ``path`` also write it as CSV for Excel."""
    columns = _columns(office, header)
    print("\t".join(columns))
    for row in rows:
        print("\t".join(won(v) if isinstance(v, int) and not isinstance(v, bool) else str(v) for v in row))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(safe_row(columns))
            for row in rows:
                writer.writerow(safe_row(row))
        office.say("csv_written", path=path, rows=len(rows))


def report(office: Office, args: argparse.Namespace) -> int:
    period = _month(office, args.month)
    rows = office.ledger.spending(args.by, period)
    office.say("report_title", period=period.label, by=office.text(f"report_by_{args.by}"))
    if not rows:
        office.say("report_empty", period=period.label)
        return 0
    no_holder = office.text("no_holder")
    table: list[list[Any]] = []
    for r in rows:
        key = r.key or no_holder
        first = [key, r.label] if args.by == "shop" else [key]
        table.append([*first, r.sales, r.cards, r.points, r.refunded, r.net])
    totals = [sum(r.sales for r in rows), "", sum(r.points for r in rows)]
    totals += [sum(r.refunded for r in rows), sum(r.net for r in rows)]
    total_first = [office.text("report_total"), ""] if args.by == "shop" else [office.text("report_total")]
    table.append([*total_first, *totals])
    _table(office, f"report_header_{args.by}", table, args.csv)
    if args.csv is not None:
        office.ledger.audit(
            office.operator,
            "export_report",
            str(args.csv),
            args={"by": args.by, "period": period.label},
            after={"rows": len(rows)},
        )
    return 0


def unspent(office: Office, args: argparse.Namespace) -> int:
    if args.centre and args.by != "participant":
        raise AdminError("unspent_centre_needs_participant")
    table: list[list[Any]]
    if args.by == "centre":
        centres = office.ledger.unspent_by_centre()
        no_holder = office.text("no_holder")
        table = [
            [c.centre or no_holder, c.participants, c.cards, c.balance, c.first_expiry or ""] for c in centres
        ]
        people, amount = sum(c.participants for c in centres), sum(c.balance for c in centres)
    else:
        found = office.ledger.unspent_by_participant(args.centre)
        table = [
            [
                p.participant_id,
                p.masked_name,
                p.centre,
                p.workplace,
                p.cards,
                p.balance,
                p.first_expiry or "",
                p.last_sale or "",
            ]
            for p in found
        ]
        people, amount = len(found), sum(p.balance for p in found)
    if not table:
        office.say("unspent_none")
        return 0
    _table(office, f"unspent_header_{args.by}", table, args.csv)
    office.say("unspent_total", people=people, amount=won(amount))
    if args.csv is not None:
        office.ledger.audit(
            office.operator,
            "export_unspent",
            str(args.csv),
            args={"by": args.by, "centre": args.centre},
            after={"rows": len(table)},
        )
    return 0


def _label(office: Office, prefix: str, code: str) -> str:
    """A status in the office's language (as stored when the table has no label for it)."""
    return office.text(f"{prefix}_{code}") if f"{prefix}_{code}" in MESSAGES else code


def _show(office: Office, detail: ParticipantDetail) -> None:
    p = detail.participant
    state = office.text("participant_active" if p.active else "participant_inactive")
    office.say(
        "participant_head",
        id=p.participant_id,
        name=p.name,
        centre=p.centre,
        workplace=p.workplace,
        phone=p.phone or "-",
        state=state,
    )
    print("\t".join(_columns(office, "participant_cards_header")))
    for c in detail.cards:
        status = _label(office, "card_state", c.status)
        print(f"{format_card_number(c.number)}\t{status}\t{won(c.balance)}\t{c.expires_on}\t{c.year or ''}")
    office.say("participant_balance", amount=won(detail.balance))
    if not detail.sales:
        office.say("participant_no_sales")
        return
    print("\t".join(_columns(office, "participant_sales_header")))
    for s in detail.sales:
        cells = [_kst(s.ts), s.shop_name, format_card_number(s.card_number), won(s.total), won(s.points)]
        print("\t".join([*cells, won(s.refunded_points), _label(office, "sale_state", s.status)]))


def participant(office: Office, args: argparse.Namespace) -> int:
    found = office.ledger.lookup_participant(args.query, operator=office.operator)
    if not found.matched:
        office.say("lookup_none", query=found.query)
        return 1
    if not found.shown:
        count = f"{MAX_MATCHES}+" if found.matched > MAX_MATCHES else str(found.matched)
        office.say("lookup_many", query=found.query, count=count)
        for m in found.others:
            print(f"{m.participant_id}\t{m.masked_name}\t{m.centre}\t{m.workplace}")
        return 1
    for n, detail in enumerate(found.shown):
        if n:
            print()
        _show(office, detail)
    office.say("lookup_logged", operator=office.operator)
    return 0


def scan(office: Office, args: argparse.Namespace) -> int:
    period = _month(office, args.month)
    result = office.ledger.scan_anomalies(period, operator=office.operator)
    office.say(
        "scan_done", period=period.label, sales=result.sales, found=result.found, raised=len(result.raised)
    )
    for kind, count in result.by_kind.items():
        print(f"  {office.text(f'anomaly_{kind}')}\t{count}")
    return 0


def describe(office: Office, alert: AlertRecord) -> str:
    """An alert's detail in the office's language: an anomaly from its facts, else as raised."""
    facts = alert.facts
    if facts is None or f"alert_{alert.kind}" not in MESSAGES:
        return alert.detail
    shown = dict(facts)
    for key in ("at", "first_at", "second_at"):
        if isinstance(shown.get(key), str):
            shown[key] = _kst(shown[key])
    for key in ("points", "balance_before", "amount"):
        if isinstance(shown.get(key), int):
            shown[key] = won(shown[key])
    if isinstance(shown.get("minutes"), float) and shown["minutes"].is_integer():
        shown["minutes"] = int(shown["minutes"])
    if isinstance(shown.get("shops"), list):
        shown["shops"] = ", ".join(shown["shops"])
    shown["open"] = office.text("alert_open_price") if shown.get("open_price") else ""
    return office.text(f"alert_{alert.kind}", **shown)


def alerts(office: Office, args: argparse.Namespace) -> int:
    status = None if args.status == "all" else args.status
    found = office.ledger.alert_list(status, [args.kind] if args.kind else None, args.limit)
    if not found:
        office.say("alerts_none")
        return 0
    print("\t".join(_columns(office, "alerts_header")))
    for a in found:
        kind = _label(office, "anomaly", a.kind)
        handled = " ".join(x for x in (a.handled_by or "", _kst(a.handled_at), a.note) if x)
        status = _label(office, "alert_status", a.status)
        print(f"{a.id}\t{_kst(a.at)}\t{status}\t{kind}\t{describe(office, a)}\t{handled}")
    return 0


def ack_alert(office: Office, args: argparse.Namespace) -> int:
    office.ledger.acknowledge_alert(args.alert_id, operator=office.operator)
    office.say("alert_acknowledged", alert=args.alert_id)
    return 0


def resolve_alert(office: Office, args: argparse.Namespace) -> int:
    done = office.ledger.resolve_alert(args.alert_id, operator=office.operator, note=args.note)
    office.say("alert_resolved", alert=done.id, note=done.note)
    return 0


def _changes(given: Sequence[str]) -> dict[str, str]:
    changes = {}
    for item in given:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise AdminError("threshold_set_form", given=item)
        changes[key.strip()] = value
    return changes


def _print_thresholds(office: Office, th: Thresholds) -> None:
    for key in NUMBERS:
        print(f"{key}\t{getattr(th, key)}\t{office.text(f'threshold_{key}')}")
    print(f"hours\t{th.hours}\t{office.text('threshold_hours')}")
    for shop, hours in th.shop_hours:
        print(f"hours.{shop}\t{hours}\t{office.text('threshold_shop_hours', shop=shop)}")


def thresholds(office: Office, args: argparse.Namespace) -> int:
    if args.set:
        changed = office.ledger.set_anomaly_thresholds(
            _changes(args.set), operator=office.operator, year=args.year
        )
        year, _ = office.ledger.anomaly_thresholds(args.year)
        office.say("thresholds_changed", year=year)
        _print_thresholds(office, changed)
        return 0
    year, current = office.ledger.anomaly_thresholds(args.year)
    office.say("thresholds_title", year=year)
    _print_thresholds(office, current)
    return 0
