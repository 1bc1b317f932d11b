"""What must hold between a till's journal and the ledger: nothing lost, nothing twice, same answers.

Every check returns its problems as readable strings (Beancount style) instead of raising, so a run
can count them, print them with its seed and keep going.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from pos_app.journal.store import Journal
from sync.ledger import schema as t
from sync.ledger.service import Ledger
from sync.shared.entries import (
    FOLLOW_UP_CLASSES,
    FollowUp,
    Sale,
)
from sync.shared.sale_state import fold_sale


@dataclass
class Reconciliation:
    """One till compared with the ledger after a full drain."""

    till_id: str
    entries: int = 0
    sales: int = 0
    lost: list[str] = field(default_factory=list)  # committed on the till, missing or unposted in the ledger
    duplicated: list[str] = field(default_factory=list)  # stored twice, or in the ledger but not the till
    problems: list[str] = field(default_factory=list)  # any other disagreement

    @property
    def ok(self) -> bool:
        return not (self.lost or self.duplicated or self.problems)


def ledger_problems(ledger: Ledger) -> tuple[list[str], int]:
    """The ledger's own invariants (ARCHITECTURE §3) and how many of them are money beyond the rules
    (cards below 0, offline points over the caps)."""
    problems = ledger.verify()
    with ledger.engine.connect() as conn:
        negative = conn.execute(
            select(func.count())
            .select_from(t.account)
            .where(t.account.c.kind == "card", t.account.c.balance < 0)
        ).scalar_one()
    overdrafts = int(negative)
    if overdrafts and not any("is negative" in p for p in problems):
        problems.append(f"{overdrafts} card account(s) negative")
    # Offline points beyond the caps (verify's offline_within_rules) count as money beyond the rules.
    beyond = sum(1 for p in problems if "over the cap" in p)
    return problems, overdrafts + beyond


def reconcile(journal: Journal, ledger: Ledger) -> Reconciliation:
    """Compare a drained till journal with what the ledger stored and decided for that till."""
    till_id = journal.till_id
    result = Reconciliation(till_id)
    local = journal.entries()
    result.entries = len(local)
    with ledger.engine.connect() as conn:
        stored = conn.execute(
            select(
                t.entry.c.id,
                t.entry.c.seq,
                t.entry.c.hash,
                t.entry.c.status,
                t.entry.c.type,
                t.entry.c.card_balance,
            ).where(t.entry.c.till_id == till_id)
        ).all()
        held = conn.execute(
            select(func.count()).select_from(t.held_entry).where(t.held_entry.c.till_id == till_id)
        ).scalar_one()
        sale_rows = conn.execute(
            select(
                t.sale.c.entry_id,
                t.sale.c.status,
                t.sale.c.refunded_total,
                t.sale.c.points,
                t.sale.c.disputed,
                t.sale.c.refunded_points,
                t.sale.c.shortfall,
                t.sale.c.auth,
            ).where(t.sale.c.till_id == till_id)
        ).all()
        credited = dict(
            conn.execute(
                select(t.txn.c.entry_id, func.sum(t.posting.c.amount))
                .join(t.posting, t.posting.c.txn_id == t.txn.c.id)
                .join(t.entry, t.entry.c.id == t.txn.c.entry_id)
                .where(t.entry.c.till_id == till_id, t.posting.c.account.like("shop:%"))
                .group_by(t.txn.c.entry_id)
            ).all()
        )
    by_id = {row.id: row for row in stored}
    counts = Counter(row.id for row in stored)
    result.duplicated += [f"{till_id}: entry {i} stored {n} times" for i, n in counts.items() if n > 1]
    local_ids = {e.id for e in local}
    for row in stored:
        if row.id not in local_ids:
            result.duplicated.append(f"{till_id}: ledger holds entry seq {row.seq} the till never wrote")
    if held:
        result.problems.append(f"{till_id}: {held} entries still held after a full drain")

    sale_counts = Counter(row.entry_id for row in sale_rows)
    result.duplicated += [f"{till_id}: sale {i} counted {n} times" for i, n in sale_counts.items() if n > 1]
    sales = {row.entry_id: row for row in sale_rows}
    follow_ups: dict[str, list[FollowUp]] = defaultdict(list)
    follow_up_ids: dict[str, list[str]] = defaultdict(list)
    for entry in local:
        stored_row = by_id.get(entry.id)
        if stored_row is None:
            result.lost.append(f"{till_id}: entry seq {entry.seq} ({entry.type}) missing from the ledger")
            continue
        if stored_row.seq != entry.seq or stored_row.hash != entry.hash:
            result.problems.append(f"{till_id}: entry seq {entry.seq} stored with other content")
        ack = journal.ack(entry.seq)
        if ack is None:
            result.problems.append(f"{till_id}: entry seq {entry.seq} never acknowledged after a full drain")
        elif ack.status != stored_row.status:
            result.problems.append(
                f"{till_id}: entry seq {entry.seq} the till recorded '{ack.status}', the ledger '{stored_row.status}'"
            )
        body = entry.body
        if isinstance(body, FOLLOW_UP_CLASSES):
            follow_ups[body.ref].append(body)
            follow_up_ids[body.ref].append(entry.id)

    for entry in local:
        sold = entry.body
        if not isinstance(sold, Sale):
            continue
        result.sales += 1
        sale_row = sales.get(entry.id)
        if sale_row is None:
            if entry.id in by_id:
                result.lost.append(f"{till_id}: sale seq {entry.seq} stored but not in the sales table")
            continue
        # The one sale rule over the till's journal, with the ledger's answer to the sale itself
        # (which the till records as its ack): what should stand, and what was refunded.
        accepted = by_id[entry.id].status == "accepted"
        state = fold_sale(sold, follow_ups.get(entry.id, []), outcome="accepted" if accepted else "rejected")
        if state.counts and sale_row.status != "posted":
            result.lost.append(
                f"{till_id}: sale seq {entry.seq} approved at the till but '{sale_row.status}' in the ledger"
            )
        elif not state.counts and sale_row.status == "posted":
            result.duplicated.append(
                f"{till_id}: sale seq {entry.seq} refused at the till ({state.status}) but posted"
            )
        money_problems(
            result, entry.seq, sale_row, credited, [entry.id, *follow_up_ids.get(entry.id, [])], by_id
        )
        if sale_row.refunded_total != state.refunded.total:
            result.problems.append(
                f"{till_id}: sale seq {entry.seq} refunded {sale_row.refunded_total} in the ledger, "
                f"{state.refunded.total} on the till"
            )
    return result


def money_problems(
    result: Reconciliation,
    seq: int,
    sale_row: Any,
    credited: dict[str, int],
    entry_ids: list[str],
    by_id: dict[str, Any],
) -> None:
    """The money of one sale: the shop holds exactly its posted points less refunds (a double
    charge is a duplicate, a missing credit a loss), and an offline shortfall only ever covers what
    the card no longer had (the card paid down to 0 first)."""
    till_id = result.till_id
    posted = sale_row.status == "posted"
    expected = sale_row.points - sale_row.disputed - sale_row.refunded_points if posted else 0
    got = sum(int(credited.get(i) or 0) for i in entry_ids)
    if got > expected:
        result.duplicated.append(f"{till_id}: sale seq {seq} credited {got} to the shop, {expected} expected")
    elif got < expected:
        result.lost.append(f"{till_id}: sale seq {seq} credited {got} to the shop, {expected} expected")
    if posted and sale_row.shortfall > 0:
        poster = (
            entry_ids[0]
            if sale_row.auth == "offline"
            else next(
                (i for i in entry_ids[1:] if by_id.get(i) is not None and by_id[i].type == "sale_fallback"),
                None,
            )
        )
        balance = by_id[poster].card_balance if poster in by_id else None
        if balance:
            result.problems.append(
                f"{till_id}: sale seq {seq} charged {sale_row.shortfall} to the shortfall while the card kept {balance}"
            )
