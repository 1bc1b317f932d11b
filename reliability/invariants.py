"""What must hold between a till's journal and the ledger: nothing lost, nothing twice, same answers.

Every check returns its problems as readable strings (Beancount style) instead of raising, so a run
can count them, print them with its seed and keep going.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import func, select

from pos_app.journal.store import Journal
from sync.ledger import schema as t
from sync.ledger.service import Ledger

FOLLOW_UPS = ("sale_rejected", "sale_cancelled", "sale_fallback")


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
    """The ledger's own invariants (ARCHITECTURE §3) and how many of them are overdrawn cards."""
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
    return problems, overdrafts


def reconcile(journal: Journal, ledger: Ledger) -> Reconciliation:
    """Compare a drained till journal with what the ledger stored and decided for that till."""
    till_id = journal.till_id
    result = Reconciliation(till_id)
    local = journal.entries()
    result.entries = len(local)
    with ledger.engine.connect() as conn:
        stored = conn.execute(
            select(t.entry.c.id, t.entry.c.seq, t.entry.c.hash, t.entry.c.status, t.entry.c.type).where(
                t.entry.c.till_id == till_id
            )
        ).all()
        held = conn.execute(
            select(func.count()).select_from(t.held_entry).where(t.held_entry.c.till_id == till_id)
        ).scalar_one()
        sale_rows = conn.execute(
            select(t.sale.c.entry_id, t.sale.c.status, t.sale.c.refunded_total).where(
                t.sale.c.till_id == till_id
            )
        ).all()
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
    follow_up: dict[str, str] = {}
    refunds: Counter[str] = Counter()
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
        ref = entry.payload.get("ref")
        if entry.type in FOLLOW_UPS and isinstance(ref, str):
            follow_up[ref] = entry.type
        if entry.type in ("refund", "void") and isinstance(ref, str) and stored_row.status == "accepted":
            payload = entry.payload
            refunds[ref] += int(payload["points"]) + int(payload["cash"]) + int(payload["bank_card"])

    for entry in local:
        if entry.type != "sale":
            continue
        result.sales += 1
        sale_row = sales.get(entry.id)
        if sale_row is None:
            if entry.id in by_id:
                result.lost.append(f"{till_id}: sale seq {entry.seq} stored but not in the sales table")
            continue
        expected = expected_sale_status(
            entry.payload.get("auth"), follow_up.get(entry.id), by_id[entry.id].status
        )
        if expected == "posted" and sale_row.status != "posted":
            result.lost.append(
                f"{till_id}: sale seq {entry.seq} approved at the till but '{sale_row.status}' in the ledger"
            )
        elif expected != "posted" and sale_row.status == "posted":
            result.duplicated.append(
                f"{till_id}: sale seq {entry.seq} refused at the till ({follow_up.get(entry.id)}) but posted"
            )
        if sale_row.refunded_total != refunds.get(entry.id, 0):
            result.problems.append(
                f"{till_id}: sale seq {entry.seq} refunded {sale_row.refunded_total} in the ledger, "
                f"{refunds.get(entry.id, 0)} on the till"
            )
    return result


def expected_sale_status(auth: object, follow_up: str | None, ledger_entry_status: str) -> str:
    """Whether a sale should stand, from the till's journal alone (ARCHITECTURE §5)."""
    if auth in ("none", "offline"):
        return "posted"
    if follow_up == "sale_fallback":
        return "posted"
    if follow_up in ("sale_rejected", "sale_cancelled"):
        return "not posted"
    # An online sale with no follow-up: the till heard "accepted", or crashed before it heard
    # anything; either way the ledger's answer (which the till records as its ack) decides.
    return "posted" if ledger_entry_status == "accepted" else "not posted"
