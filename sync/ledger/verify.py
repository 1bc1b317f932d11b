"""The ledger's invariants (ARCHITECTURE §3) as a list of checks; each returns readable problems.

A check is ``(conn) -> list[str]``, empty when its invariant holds. ``verify`` runs them all; add a
new invariant by writing one function and listing it in ``CHECKS``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable

from sqlalchemy import Connection, func, literal, select

from sync.ledger import schema as t
from sync.ledger.offline_books import OFFLINE_AUTH, day_of
from sync.ledger.programme import latest_limits
from sync.ledger.transaction import DISPUTED
from sync.shared.chain import GENESIS_HASH, entry_hash

Check = Callable[[Connection], list[str]]


def _posting_sums(conn: Connection) -> dict[str, int]:
    rows = conn.execute(
        select(t.posting.c.account, func.sum(t.posting.c.amount)).group_by(t.posting.c.account)
    )
    return {name: int(total or 0) for name, total in rows}


def transactions_balance(conn: Connection) -> list[str]:
    """Every transaction sums to zero."""
    rows = conn.execute(
        select(t.posting.c.txn_id, func.sum(t.posting.c.amount))
        .group_by(t.posting.c.txn_id)
        .having(func.sum(t.posting.c.amount) != 0)
    )
    return [f"transaction {txn_id} does not balance (sums to {total})" for txn_id, total in rows]


def balances_match_postings(conn: Connection) -> list[str]:
    """Each balance equals the sum of its postings (the projection can be rebuilt)."""
    sums = _posting_sums(conn)
    return [
        f"account {name}: balance {balance} but postings sum to {sums.get(name, 0)}"
        for name, balance in conn.execute(select(t.account.c.name, t.account.c.balance))
        if sums.get(name, 0) != balance
    ]


def cards_not_negative(conn: Connection) -> list[str]:
    rows = conn.execute(
        select(t.account.c.name, t.account.c.balance).where(
            t.account.c.kind == "card", t.account.c.balance < 0
        )
    )
    return [f"card account {name} is negative ({balance})" for name, balance in rows]


def entries_stored_once(conn: Connection) -> list[str]:
    rows = conn.execute(select(t.entry.c.id).group_by(t.entry.c.id).having(func.count() > 1))
    return [f"entry {entry_id} stored more than once" for (entry_id,) in rows]


def chains_unbroken(conn: Connection) -> list[str]:
    """Each till's entries run 1, 2, 3, ... and each links to the previous one's hash."""
    problems: list[str] = []
    current, expected_seq, expected_prev = None, 1, GENESIS_HASH
    for row in conn.execute(
        select(
            t.entry.c.id,
            t.entry.c.till_id,
            t.entry.c.seq,
            t.entry.c.ts,
            t.entry.c.type,
            t.entry.c.payload,
            t.entry.c.prev_hash,
            t.entry.c.hash,
        ).order_by(t.entry.c.till_id, t.entry.c.seq)
    ):
        if row.till_id != current:
            current, expected_seq, expected_prev = row.till_id, 1, GENESIS_HASH
        if row.seq != expected_seq:
            problems.append(f"till {row.till_id}: sequence {row.seq} where {expected_seq} was expected")
        if row.prev_hash != expected_prev:
            problems.append(f"till {row.till_id}: chain broken at sequence {row.seq}")
        computed = entry_hash(
            id=row.id,
            till_id=row.till_id,
            seq=row.seq,
            ts=row.ts,
            type=row.type,
            payload=json.loads(row.payload),
            prev_hash=row.prev_hash,
        )
        if computed != row.hash:
            problems.append(f"till {row.till_id}: entry {row.seq} does not match its hash")
        expected_seq, expected_prev = row.seq + 1, row.hash
    return problems


def shops_credited_as_sold(conn: Connection) -> list[str]:
    """What each shop was credited equals its posted sales' points less refunds (settlements aside)."""
    sums = _posting_sums(conn)
    expected: dict[str, int] = defaultdict(int)
    for shop_id, points, refunded in conn.execute(
        select(
            t.sale.c.shop_id,
            func.sum(t.sale.c.points - t.sale.c.disputed),
            func.sum(t.sale.c.refunded_points),
        )
        .where(t.sale.c.status == "posted")
        .group_by(t.sale.c.shop_id)
    ):
        expected[shop_id] = int(points or 0) - int(refunded or 0)
    # Disputed claims the office accepted were paid to the shop from ``disputed``.
    for shop_id, amount in conn.execute(
        select(t.dispute.c.shop_id, func.sum(t.dispute.c.amount))
        .where(t.dispute.c.status == "accepted")
        .group_by(t.dispute.c.shop_id)
    ):
        expected[shop_id] += int(amount or 0)
    problems = []
    for (shop_id,) in conn.execute(select(t.shop.c.shop_id)):
        credited = sums.get(f"shop:{shop_id}", 0) + sums.get(f"settled:{shop_id}", 0)
        if credited != expected.get(shop_id, 0):
            problems.append(
                f"shop {shop_id}: credited {credited} but its posted sales less refunds and disputed "
                f"parts come to {expected.get(shop_id, 0)}"
            )
    return problems


def disputes_accounted(conn: Connection) -> list[str]:
    """Every disputed won is accounted for: each sale's disputed part is its claims, the
    ``disputed`` account paid exactly the accepted claims, and every closed claim says who and why."""
    problems = []
    claimed: dict[str, int] = defaultdict(int)
    for entry_id, amount in conn.execute(
        select(t.dispute.c.entry_id, func.sum(t.dispute.c.amount)).group_by(t.dispute.c.entry_id)
    ):
        claimed[entry_id] = int(amount or 0)
    for entry_id, disputed in conn.execute(
        select(t.sale.c.entry_id, t.sale.c.disputed).where(t.sale.c.disputed != 0)
    ):
        if claimed.pop(entry_id, 0) != disputed:
            problems.append(f"sale {entry_id}: {disputed} won disputed but its claims do not say so")
    problems += [
        f"claim on sale {entry_id} ({amount} won) has no disputed sale"
        for entry_id, amount in claimed.items()
    ]
    accepted = conn.execute(
        select(func.sum(t.dispute.c.amount)).where(t.dispute.c.status == "accepted")
    ).scalar()
    paid = -_posting_sums(conn).get(DISPUTED, 0)
    if paid != int(accepted or 0):
        problems.append(f"the disputed account paid {paid} but accepted claims come to {int(accepted or 0)}")
    for dispute_id, status in conn.execute(
        select(t.dispute.c.id, t.dispute.c.status).where(
            t.dispute.c.status != "open",
            (t.dispute.c.resolved_by.is_(None))
            | (t.dispute.c.resolved_at.is_(None))
            | (t.dispute.c.note == ""),
        )
    ):
        problems.append(f"dispute {dispute_id} is {status} without who, when and why")
    return problems


def offline_within_rules(conn: Connection) -> list[str]:
    """No shop was credited beyond the offline rules: per card and business day, and per till and
    snapshot it sold under, the offline points posted stay within the caps."""
    limits = latest_limits(conn)
    if limits is None:
        return []
    per_card: dict[tuple[str, str, object], int] = defaultdict(int)
    per_till: dict[tuple[str, int], int] = defaultdict(int)
    for till_id, number, ts, version, amount in conn.execute(
        select(
            t.sale.c.till_id,
            t.sale.c.card_number,
            t.sale.c.ts,
            t.sale.c.snapshot_version,
            t.sale.c.points - t.sale.c.disputed,
        ).where(t.sale.c.status == "posted", t.sale.c.auth.in_(OFFLINE_AUTH))
    ):
        day = day_of(ts)
        per_card[(till_id, number, day)] += int(amount)
        if version is not None:
            per_till[(till_id, int(version))] += int(amount)
    problems = [
        f"till {till_id}, card {number}: {amount} offline points posted on {day}, "
        f"over the cap of {limits.offline_card_daily_cap}"
        for (till_id, number, day), amount in per_card.items()
        if amount > limits.offline_card_daily_cap
    ]
    problems += [
        f"till {till_id}: {amount} offline points under snapshot {version}, over the cap of {limits.offline_till_cap}"
        for (till_id, version), amount in per_till.items()
        if amount > limits.offline_till_cap
    ]
    return problems


def years_kept_apart(conn: Connection) -> list[str]:
    """Each year's fund moves points only to and from that year's cards (grants, expiry, the
    replacement of a card keeps its year), and once a year's expiry has run none of its cards
    holds points."""
    problems: list[str] = []
    year_of = {n: y for n, y in conn.execute(select(t.card.c.number, t.card.c.year))}
    fund_txns = select(t.posting.c.txn_id).where(t.posting.c.account.like("fund:%"))
    moves: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for txn_id, account, amount in conn.execute(
        select(t.posting.c.txn_id, t.posting.c.account, t.posting.c.amount).where(
            t.posting.c.txn_id.in_(fund_txns)
        )
    ):
        moves[txn_id].append((account, int(amount)))
    for txn_id, postings in moves.items():
        funds = {a[5:] for a, _ in postings if a.startswith("fund:")}
        for account, _ in postings:
            if account.startswith("card:") and {str(year_of.get(account[5:]))} != funds:
                problems.append(
                    f"transaction {txn_id} moves fund {', '.join(sorted(funds))} points to or from "
                    f"{account}, a card of year {year_of.get(account[5:])}"
                )
    expired_years = {
        memo for (memo,) in conn.execute(select(t.txn.c.memo).where(t.txn.c.kind == "expiry").distinct())
    }
    for number, year, balance in conn.execute(
        select(t.card.c.number, t.card.c.year, t.account.c.balance)
        .join(t.account, t.account.c.name == literal("card:") + t.card.c.number)
        .where(t.account.c.balance != 0)
    ):
        if str(year) in expired_years:
            problems.append(f"card {number} still holds {balance} points of {year}, which has expired")
    return problems


def payments_posted(conn: Connection) -> list[str]:
    """Every payment recorded with a bank reference is its own settlement transaction moving exactly
    its amount from the shop's account to the shop's settled account."""
    problems: list[str] = []
    pay = t.payment.c
    moves: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for txn_id, account, amount in conn.execute(
        select(t.posting.c.txn_id, t.posting.c.account, t.posting.c.amount).where(
            t.posting.c.txn_id.in_(select(pay.txn_id))
        )
    ):
        moves[txn_id][account] += int(amount)
    seen: dict[str, str] = {}
    for reference, shop_id, amount, txn_id, kind in conn.execute(
        select(pay.reference, pay.shop_id, pay.amount, pay.txn_id, t.txn.c.kind)
        .select_from(t.payment.outerjoin(t.txn, t.txn.c.id == pay.txn_id))
        .order_by(pay.reference)
    ):
        expected = {f"shop:{shop_id}": -int(amount), f"settled:{shop_id}": int(amount)}
        if kind != "settlement" or dict(moves.get(txn_id, {})) != expected:
            problems.append(
                f"payment {reference} ({amount} won to {shop_id}) is not posted as its transfer "
                f"shop -> settled (transaction {txn_id}: {kind or 'missing'})"
            )
        if txn_id in seen:
            problems.append(f"payments {seen[txn_id]} and {reference} share transaction {txn_id}")
        seen[txn_id] = reference
    return problems


CHECKS: tuple[Check, ...] = (
    transactions_balance,
    balances_match_postings,
    cards_not_negative,
    entries_stored_once,
    chains_unbroken,
    shops_credited_as_sold,
    disputes_accounted,
    offline_within_rules,
    years_kept_apart,
    payments_posted,
)


def verify(conn: Connection, checks: tuple[Check, ...] = CHECKS) -> list[str]:
    """Every problem every check finds, in check order; empty when the ledger is sound."""
    return [problem for check in checks for problem in check(conn)]
