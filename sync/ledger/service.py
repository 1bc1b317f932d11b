"""The ledger service: double-entry postings in integer won, idempotent till ingest, snapshots, verify.

Every money movement is a ``txn`` with ``posting`` rows that sum to zero; ``account.balance`` is a
projection kept in the same database transaction and can be rebuilt from postings (``verify``
checks it). PostgreSQL enforces unique (till, seq), unique entry ids, non-negative card balances and
balanced transactions itself; card rows are locked in a fixed order (``SELECT ... FOR UPDATE``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import secrets
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import (
    ARRAY,
    Connection,
    Engine,
    bindparam,
    create_engine,
    event,
    func,
    insert,
    literal,
    select,
    text,
    update,
)
from sqlalchemy import any_ as sql_any
from sqlalchemy.engine import make_url
from sqlalchemy.sql.elements import ColumnElement

from sync.ledger import schema as t
from sync.ledger.records import (
    AccountBalance,
    CardRecord,
    GrantRecord,
    ParticipantRecord,
    ProgrammeInfo,
    SaleRecord,
    ShortfallRecord,
    TillRecord,
)
from sync.protocol import (
    CardState,
    EntryResult,
    EntryStatus,
    PushRequest,
    PushResponse,
    SnapshotResponse,
    TillLimits,
    WireEntry,
)
from sync.shared.cards.number import make_card_number, mask_name
from sync.shared.chain import GENESIS_HASH, canonical_json, entry_hash

log = logging.getLogger(__name__)

SHORTFALL = "shortfall"
SALE_MUTABLE = (
    "status",
    "auth",
    "card_part",
    "shortfall",
    "refunded_points",
    "refunded_card",
    "refunded_total",
)
ADD_TO_BALANCE = (
    update(t.account)
    .where(t.account.c.name == bindparam("n"))
    .values(balance=t.account.c.balance + bindparam("d"))
)
PG_ADD_TO_BALANCES = text(
    "UPDATE account SET balance = account.balance + v.d "
    "FROM unnest(CAST(:n AS text[]), CAST(:d AS bigint[])) AS v(n, d) WHERE account.name = v.n"
)
UPDATE_SALE = (
    update(t.sale)
    .where(t.sale.c.entry_id == bindparam("eid"))
    .values({k: bindparam(k) for k in SALE_MUTABLE})
)


class LedgerError(Exception):
    """An office operation that cannot be done as asked; the text says what to fix."""


def insert_rows(conn: Connection, table: Any, rows: Sequence[dict[str, Any]], chunk: int = 0) -> None:
    """Bulk insert in the current transaction: COPY on PostgreSQL (one statement, so the
    balanced-transaction trigger runs once per push), executemany on SQLite."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(insert(table), list(rows))
        return
    columns = list(rows[0])
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[c] for c in columns])


def among(conn: Connection, column: Any, values: Iterable[Any]) -> ColumnElement[bool]:
    """``column IN values``; on PostgreSQL one array parameter (``= ANY``), so a 500-entry push is
    not a 500-placeholder statement that the driver parses afresh each time."""
    values = list(values)
    if conn.dialect.name == "postgresql":
        return column == sql_any(bindparam(None, values, type_=ARRAY(column.type)))
    return column.in_(values)


MAX_WON = 10**12  # far above any sale; keeps every sum inside a 64-bit column


def _won(payload: dict[str, Any], key: str) -> int:
    """An amount from a till's payload: a whole, non-negative number of won within bounds."""
    value = payload.get(key, 0)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_WON:
        raise ValueError(f"{key} must be whole won between 0 and {MAX_WON}")
    return value


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def normalise_url(url: str) -> str:
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def make_engine(url: str, echo: bool = False) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        path = make_url(url).database
        if path:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, echo=echo, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # let SQLAlchemy's BEGIN IMMEDIATE below take the write lock
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Connection) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(url, echo=echo, pool_size=10, max_overflow=20, pool_pre_ping=True)


# -- the work of one push, kept in memory and written in bulk ---------------------------------------
@dataclass
class _Batch:
    conn: Connection
    till_id: str
    shop_id: str
    balances: dict[str, int]  # card account name -> current balance (locked rows)
    cards: dict[str, dict[str, Any]]  # card number -> card row (locked)
    deltas: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    txns: list[dict[str, Any]] = field(default_factory=list)
    postings: list[dict[str, Any]] = field(default_factory=list)
    touched_cards: set[str] = field(default_factory=set)
    offline_card_cap: int = 0  # the programme's per-card offline cap: larger offline sales raise an alert
    new_accounts: set[str] = field(default_factory=set)

    def post(self, kind: str, entry_id: str | None, moves: Iterable[tuple[str, int]], memo: str = "") -> None:
        moves = [(acct, amount) for acct, amount in moves if amount]
        if not moves:
            return
        if sum(amount for _, amount in moves) != 0:
            raise AssertionError(f"unbalanced postings {moves}")
        txn_id = uuid.uuid4().hex
        self.txns.append(
            {"id": txn_id, "kind": kind, "entry_id": entry_id, "created_at": now_iso(), "memo": memo}
        )
        for acct, amount in moves:
            self.postings.append({"txn_id": txn_id, "account": acct, "amount": amount})
            self.deltas[acct] += amount
            if acct.startswith("card:"):
                self.balances[acct] = self.balances.get(acct, 0) + amount
                self.touched_cards.add(acct[5:])


class Ledger:
    def __init__(self, database_url: str, *, echo: bool = False) -> None:
        self.database_url = normalise_url(database_url)
        self.engine = make_engine(self.database_url, echo)
        self.is_postgres = self.engine.dialect.name == "postgresql"

    def dispose(self) -> None:
        self.engine.dispose()

    # -- schema ----------------------------------------------------------------------------------
    def upgrade(self) -> None:
        config = Config()
        config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
        with self.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

    # -- programme, shops, tills ------------------------------------------------------------------
    def create_programme(
        self,
        year: int,
        grant_amount: int,
        expires_on: dt.date,
        issuer_public_key_hex: str,
        limits: TillLimits | None = None,
    ) -> None:
        if grant_amount <= 0:
            raise LedgerError("the grant amount must be positive")
        bytes.fromhex(issuer_public_key_hex)
        with self.engine.begin() as conn:
            if conn.execute(select(t.programme.c.year).where(t.programme.c.year == year)).first():
                raise LedgerError(f"a programme for {year} exists already")
            conn.execute(
                insert(t.programme).values(
                    year=year,
                    grant_amount=grant_amount,
                    expires_on=expires_on,
                    issuer_public_key=issuer_public_key_hex,
                    limits=(limits or TillLimits()).model_dump_json(),
                    created_at=now_iso(),
                )
            )
            self._ensure_accounts(conn, {f"fund:{year}": "fund", SHORTFALL: "shortfall"})

    def programme(self, year: int | None = None) -> ProgrammeInfo:
        with self.engine.connect() as conn:
            query = select(t.programme).order_by(t.programme.c.year.desc())
            if year is not None:
                query = query.where(t.programme.c.year == year)
            row = conn.execute(query.limit(1)).mappings().first()
        if row is None:
            raise LedgerError("no programme yet: run `allive-admin init-programme` first")
        return ProgrammeInfo(
            row["year"],
            row["grant_amount"],
            row["expires_on"],
            row["issuer_public_key"],
            TillLimits.model_validate_json(row["limits"]),
        )

    def add_shop(
        self,
        shop_id: str,
        name: str,
        business_no: str = "",
        representative: str = "",
        address: str = "",
        phone: str = "",
    ) -> None:
        if not shop_id.strip() or not name.strip():
            raise LedgerError("a shop needs an id and a name")
        with self.engine.begin() as conn:
            if conn.execute(select(t.shop.c.shop_id).where(t.shop.c.shop_id == shop_id)).first():
                raise LedgerError(f"shop {shop_id} exists already")
            conn.execute(
                insert(t.shop).values(
                    shop_id=shop_id,
                    name=name,
                    business_no=business_no,
                    representative=representative,
                    address=address,
                    phone=phone,
                )
            )
            self._ensure_accounts(conn, {f"shop:{shop_id}": "shop", f"settled:{shop_id}": "settled"})

    def enrol_till(self, shop_id: str, till_id: str) -> str:
        token = secrets.token_urlsafe(32)
        with self.engine.begin() as conn:
            if not conn.execute(select(t.shop.c.shop_id).where(t.shop.c.shop_id == shop_id)).first():
                raise LedgerError(f"unknown shop {shop_id}: add it first with `allive-admin add-shop`")
            if conn.execute(select(t.till.c.till_id).where(t.till.c.till_id == till_id)).first():
                raise LedgerError(f"till {till_id} is enrolled already")
            conn.execute(
                insert(t.till).values(
                    till_id=till_id,
                    shop_id=shop_id,
                    token_hash=token_hash(token),
                    active=True,
                    created_at=now_iso(),
                )
            )
        return token

    def authenticate_till(self, token: str) -> TillRecord | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(t.till.c.till_id, t.till.c.shop_id).where(
                    t.till.c.token_hash == token_hash(token), t.till.c.active.is_(True)
                )
            ).first()
        return TillRecord(row[0], row[1]) if row else None

    def shop_header(self, shop_id: str) -> dict[str, str]:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.shop).where(t.shop.c.shop_id == shop_id)).mappings().first()
        return {k: str(v) for k, v in row.items()} if row else {}

    # -- participants, cards, grants ----------------------------------------------------------------
    def add_participants(self, rows: Sequence[ParticipantRecord]) -> int:
        with self.engine.begin() as conn:
            existing = {r[0] for r in conn.execute(select(t.participant.c.participant_id))}
            for row in rows:
                values = {
                    "name": row.name,
                    "phone": row.phone,
                    "centre": row.centre,
                    "workplace": row.workplace,
                    "months_prev_year": row.months_prev_year,
                    "active": row.active,
                    "start_date": row.start_date,
                }
                if row.participant_id in existing:
                    conn.execute(
                        update(t.participant)
                        .where(t.participant.c.participant_id == row.participant_id)
                        .values(**values)
                    )
                else:
                    conn.execute(insert(t.participant).values(participant_id=row.participant_id, **values))
        return len(rows)

    def participants(self) -> list[ParticipantRecord]:
        with self.engine.connect() as conn:
            rows = (
                conn.execute(select(t.participant).order_by(t.participant.c.participant_id)).mappings().all()
            )
        return [ParticipantRecord(**dict(r)) for r in rows]

    def _next_card(
        self, conn: Connection, participant_id: str | None, issue: int, expires_on: dt.date
    ) -> CardRecord:
        serial = (conn.execute(select(func.max(t.card.c.serial))).scalar() or 0) + 1
        number = make_card_number(serial)
        version = self._bump_version(conn)
        conn.execute(
            insert(t.card).values(
                number=number,
                serial=serial,
                participant_id=participant_id,
                issue=issue,
                expires_on=expires_on,
                status="active",
                version=version,
                created_at=now_iso(),
            )
        )
        self._ensure_accounts(conn, {f"card:{number}": "card"})
        return CardRecord(number, issue, expires_on, participant_id, "active")

    def issue_card(self, participant_id: str) -> CardRecord:
        programme = self.programme()
        with self.engine.begin() as conn:
            if not conn.execute(
                select(t.participant.c.participant_id).where(t.participant.c.participant_id == participant_id)
            ).first():
                raise LedgerError(f"unknown participant {participant_id}")
            return self._next_card(conn, participant_id, 1, programme.expires_on)

    def cards(self, participant_id: str | None = None) -> list[CardRecord]:
        query = select(t.card).order_by(t.card.c.serial)
        if participant_id is not None:
            query = query.where(t.card.c.participant_id == participant_id)
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [
            CardRecord(
                r["number"], r["issue"], r["expires_on"], r["participant_id"], r["status"], r["replaced_by"]
            )
            for r in rows
        ]

    def grant(self, year: int, participant_ids: Sequence[str] | None = None) -> list[GrantRecord]:
        """Grant the year's points once to each active participant (eligibility is the office's import rule).

        Written in bulk (10,000 participants is the design load): one transaction of postings per
        participant, cards issued for those who have none.
        """
        programme = self.programme(year)
        amount = programme.grant_amount
        with self.engine.begin() as conn:
            query = select(t.participant.c.participant_id).where(t.participant.c.active.is_(True))
            if participant_ids is not None:
                query = query.where(t.participant.c.participant_id.in_(list(participant_ids)))
            done = {
                r[0] for r in conn.execute(select(t.grant.c.participant_id).where(t.grant.c.year == year))
            }
            people = [
                r[0] for r in conn.execute(query.order_by(t.participant.c.participant_id)) if r[0] not in done
            ]
            if not people:
                return []
            current: dict[str, str] = {}
            for pid, number in conn.execute(
                select(t.card.c.participant_id, t.card.c.number)
                .where(t.card.c.status.in_(["active", "online_only"]), t.card.c.participant_id.isnot(None))
                .order_by(t.card.c.serial)
            ):
                current[pid] = number
            version = self._bump_version(conn)
            serial = conn.execute(select(func.max(t.card.c.serial))).scalar() or 0
            new_cards, accounts = [], []
            for pid in people:
                if pid not in current:
                    serial += 1
                    current[pid] = make_card_number(serial)
                    new_cards.append(
                        {
                            "number": current[pid],
                            "serial": serial,
                            "participant_id": pid,
                            "issue": 1,
                            "expires_on": programme.expires_on,
                            "status": "active",
                            "version": version,
                            "created_at": now_iso(),
                            "replaced_by": None,
                        }
                    )
                    accounts.append({"name": f"card:{current[pid]}", "kind": "card", "balance": 0})
            insert_rows(conn, t.card, new_cards)
            insert_rows(conn, t.account, accounts)
            txns, postings, grants = [], [], []
            for pid in people:
                txn_id = uuid.uuid4().hex
                txns.append(
                    {
                        "id": txn_id,
                        "kind": "grant",
                        "entry_id": None,
                        "created_at": now_iso(),
                        "memo": str(year),
                    }
                )
                postings += [
                    {"txn_id": txn_id, "account": f"fund:{year}", "amount": -amount},
                    {"txn_id": txn_id, "account": f"card:{current[pid]}", "amount": amount},
                ]
                grants.append(
                    {
                        "participant_id": pid,
                        "year": year,
                        "card_number": current[pid],
                        "amount": amount,
                        "txn_id": txn_id,
                    }
                )
            insert_rows(conn, t.txn, txns)
            insert_rows(conn, t.posting, postings)
            changes = sorted(
                [(f"card:{current[pid]}", amount) for pid in people]
                + [(f"fund:{year}", -amount * len(people))]
            )
            self._add_to_balances(conn, changes)
            insert_rows(conn, t.grant, grants)
            numbers = [current[pid] for pid in people]
            for start in range(0, len(numbers), 1000):
                conn.execute(
                    update(t.card)
                    .where(t.card.c.number.in_(numbers[start : start + 1000]))
                    .values(version=version)
                )
            return [GrantRecord(pid, current[pid], amount) for pid in people]

    def revoke_card(self, number: str, reason: str) -> None:
        with self.engine.begin() as conn:
            row = self._lock_card(conn, number)
            if row["status"] in ("revoked", "replaced"):
                raise LedgerError(f"card {number} is already {row['status']}")
            conn.execute(update(t.card).where(t.card.c.number == number).values(status="revoked"))
            self._touch_cards(conn, [number])
            self._alert(conn, "card_revoked", None, f"{number}: {reason}")

    def replace_card(self, number: str, reason: str) -> CardRecord:
        """Issue a new card for the same participant, move the balance and retire the old card."""
        with self.engine.begin() as conn:
            old = self._lock_card(conn, number)
            if old["status"] == "replaced":
                raise LedgerError(f"card {number} was replaced already by {old['replaced_by']}")
            new = self._next_card(conn, old["participant_id"], old["issue"] + 1, old["expires_on"])
            balance = self._balance(conn, f"card:{number}", lock=True)
            self._post(
                conn,
                "replacement",
                None,
                [(f"card:{number}", -balance), (f"card:{new.number}", balance)],
                reason,
            )
            conn.execute(
                update(t.card)
                .where(t.card.c.number == number)
                .values(status="replaced", replaced_by=new.number)
            )
            self._touch_cards(conn, [number, new.number])
            return new

    def expire(self, year: int) -> int:
        """Return every unspent point of the year's cards to the fund."""
        total = 0
        with self.engine.begin() as conn:
            rows = conn.execute(
                select(t.account.c.name, t.account.c.balance)
                .where(t.account.c.kind == "card", t.account.c.balance > 0)
                .order_by(t.account.c.name)
                .with_for_update()
            ).all()
            for name, balance in rows:
                self._post(conn, "expiry", None, [(name, -balance), (f"fund:{year}", balance)])
                total += balance
            numbers = [name[5:] for name, _ in rows]
            if numbers:
                conn.execute(
                    update(t.card)
                    .where(t.card.c.number.in_(numbers), t.card.c.status.in_(["active", "online_only"]))
                    .values(status="expired")
                )
                self._touch_cards(conn, numbers)
        return total

    def settle(self, shop_id: str, amount: int | None = None) -> int:
        with self.engine.begin() as conn:
            balance = self._balance(conn, f"shop:{shop_id}", lock=True)
            amount = balance if amount is None else amount
            if amount <= 0 or amount > balance:
                raise LedgerError(f"shop {shop_id} is owed {balance:,} won; cannot settle {amount:,}")
            self._post(
                conn, "settlement", None, [(f"shop:{shop_id}", -amount), (f"settled:{shop_id}", amount)]
            )
        return amount

    # -- queries -----------------------------------------------------------------------------------
    def balances(self) -> list[AccountBalance]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.account).order_by(t.account.c.name)).all()
        return [AccountBalance(r.name, r.kind, r.balance) for r in rows]

    def card_balance(self, number: str) -> int:
        with self.engine.connect() as conn:
            return self._balance(conn, f"card:{number}")

    def card_status(self, number: str) -> str:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.card.c.status).where(t.card.c.number == number)).first()
        if row is None:
            raise LedgerError(f"unknown card {number}")
        return str(row[0])

    def shortfalls(self) -> list[ShortfallRecord]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(t.sale)
                .where(t.sale.c.shortfall > 0, t.sale.c.status == "posted")
                .order_by(t.sale.c.ts)
            ).mappings()
            return [
                ShortfallRecord(
                    r["entry_id"], r["till_id"], r["shop_id"], r["card_number"], r["ts"], r["shortfall"]
                )
                for r in rows
            ]

    def sales(
        self, shop_id: str | None = None, start: dt.datetime | None = None, end: dt.datetime | None = None
    ) -> list[SaleRecord]:
        query = select(t.sale).order_by(t.sale.c.till_id, t.sale.c.seq)
        if shop_id is not None:
            query = query.where(t.sale.c.shop_id == shop_id)
        if start is not None:
            query = query.where(t.sale.c.ts >= start.astimezone(dt.UTC).isoformat(timespec="microseconds"))
        if end is not None:
            query = query.where(t.sale.c.ts < end.astimezone(dt.UTC).isoformat(timespec="microseconds"))
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [
            SaleRecord(
                r["entry_id"],
                r["till_id"],
                r["shop_id"],
                r["seq"],
                r["ts"],
                r["cashier"],
                r["total"],
                r["points"],
                r["cash"],
                r["bank_card"],
                r["card_number"],
                r["auth"],
                r["status"],
                r["shortfall"],
                r["refunded_points"],
                r["refunded_total"],
            )
            for r in rows
        ]

    def alerts(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(select(t.alert).order_by(t.alert.c.id)).mappings()]

    # -- helpers -----------------------------------------------------------------------------------
    def _ensure_accounts(self, conn: Connection, accounts: dict[str, str]) -> None:
        if not accounts:
            return
        present = {
            r[0] for r in conn.execute(select(t.account.c.name).where(t.account.c.name.in_(list(accounts))))
        }
        missing = [{"name": n, "kind": k, "balance": 0} for n, k in accounts.items() if n not in present]
        if missing:
            conn.execute(insert(t.account), missing)

    def _balance(self, conn: Connection, account: str, lock: bool = False) -> int:
        query = select(t.account.c.balance).where(t.account.c.name == account)
        if lock:
            # FOR NO KEY UPDATE: postings' foreign keys take FOR KEY SHARE on the same row.
            query = query.with_for_update(key_share=True)
        row = conn.execute(query).first()
        if row is None:
            raise LedgerError(f"unknown account {account}")
        return int(row[0])

    def _lock_card(self, conn: Connection, number: str) -> dict[str, Any]:
        row = (
            conn.execute(select(t.card).where(t.card.c.number == number).with_for_update()).mappings().first()
        )
        if row is None:
            raise LedgerError(f"unknown card {number}")
        return dict(row)

    def _post(
        self, conn: Connection, kind: str, entry_id: str | None, moves: list[tuple[str, int]], memo: str = ""
    ) -> str:
        moves = [(a, m) for a, m in moves if m]
        if sum(m for _, m in moves) != 0:
            raise AssertionError(f"unbalanced postings {moves}")
        txn_id = uuid.uuid4().hex
        conn.execute(
            insert(t.txn).values(id=txn_id, kind=kind, entry_id=entry_id, created_at=now_iso(), memo=memo)
        )
        if moves:
            insert_rows(conn, t.posting, [{"txn_id": txn_id, "account": a, "amount": m} for a, m in moves])
            for account, amount in sorted(moves):
                conn.execute(
                    update(t.account)
                    .where(t.account.c.name == account)
                    .values(balance=t.account.c.balance + amount)
                )
        return txn_id

    def _add_to_balances(self, conn: Connection, changes: Sequence[tuple[str, int]]) -> None:
        """Change balances in account-name order, the order every writer locks them in."""
        changes = sorted(changes)
        if not changes:
            return
        if not self.is_postgres:
            conn.execute(ADD_TO_BALANCE, [{"n": a, "d": d} for a, d in changes])
            return
        # Card accounts are locked before a push is applied; lock the shared ones (fund, shop,
        # shortfall) in name order too, then change every balance in one statement.
        shared = [a for a, _ in changes if not a.startswith("card:")]
        if shared:
            conn.execute(
                select(t.account.c.name)
                .where(among(conn, t.account.c.name, shared))
                .order_by(t.account.c.name)
                .with_for_update(key_share=True)  # FOR NO KEY UPDATE: postings hold FOR KEY SHARE
            )
        conn.execute(PG_ADD_TO_BALANCES, {"n": [a for a, _ in changes], "d": [d for _, d in changes]})

    def _bump_version(self, conn: Connection) -> int:
        # One counter row, updated last in a transaction: versions become visible in commit order, so
        # a till that pulled version v never misses a change numbered below v.
        conn.execute(
            update(t.counter).where(t.counter.c.name == "card_version").values(value=t.counter.c.value + 1)
        )
        return int(
            conn.execute(select(t.counter.c.value).where(t.counter.c.name == "card_version")).scalar_one()
        )

    def _touch_cards(self, conn: Connection, numbers: Iterable[str]) -> None:
        numbers = sorted(set(numbers))
        if numbers:
            version = self._bump_version(conn)
            conn.execute(update(t.card).where(among(conn, t.card.c.number, numbers)).values(version=version))

    def _alert(self, conn: Connection, kind: str, till_id: str | None, detail: str) -> None:
        log.warning("ledger alert %s (till %s): %s", kind, till_id, detail)
        conn.execute(insert(t.alert).values(kind=kind, till_id=till_id, detail=detail, at=now_iso()))

    # -- ingest --------------------------------------------------------------------------------------
    def ingest(self, till_id: str, request: PushRequest) -> PushResponse:
        """Store and apply a till's batch in one transaction; resends return the stored results."""
        with self.engine.begin() as conn:
            # One push of a till at a time (the background sync and an online authorisation may
            # carry the same entries): the second waits and then finds them stored.
            till_row = conn.execute(
                select(t.till.c.shop_id).where(t.till.c.till_id == till_id).with_for_update(key_share=True)
            ).first()
            if till_row is None:
                raise LedgerError(f"unknown till {till_id}")
            return self._ingest(conn, till_id, till_row[0], request)

    def _ingest(self, conn: Connection, till_id: str, shop_id: str, request: PushRequest) -> PushResponse:
        entries = sorted(request.entries, key=lambda e: e.seq)
        ids = [e.id for e in entries]
        seqs = [e.seq for e in entries]
        stored: dict[str, dict[str, Any]] = {}
        if entries:
            for found in conn.execute(
                select(
                    t.entry.c.id,
                    t.entry.c.till_id,
                    t.entry.c.seq,
                    t.entry.c.hash,
                    t.entry.c.status,
                    t.entry.c.reason,
                    t.entry.c.card_balance,
                ).where(
                    among(conn, t.entry.c.id, ids)
                    | ((t.entry.c.till_id == till_id) & among(conn, t.entry.c.seq, seqs))
                )
            ).mappings():
                stored[found["id"]] = dict(found)
        by_seq = {(r["till_id"], r["seq"]): r for r in stored.values()}
        tail = conn.execute(
            select(t.entry.c.seq, t.entry.c.hash)
            .where(t.entry.c.till_id == till_id)
            .order_by(t.entry.c.seq.desc())
            .limit(1)
        ).first()
        applied, last_hash = (int(tail[0]), str(tail[1])) if tail else (0, GENESIS_HASH)

        held_rows = conn.execute(
            select(t.held_entry.c.seq, t.held_entry.c.raw).where(t.held_entry.c.till_id == till_id)
        ).all()
        held = {int(seq): WireEntry.model_validate_json(raw) for seq, raw in held_rows}

        batch = self._open_batch(conn, till_id, shop_id, [*entries, *held.values()])
        results: list[EntryResult] = []
        new_rows: list[dict[str, Any]] = []
        new_held: list[dict[str, Any]] = []
        for wire in entries:
            # The content must match its hash before anything else: a resend is recognised by hash.
            problem = self._check_wire(wire, till_id)
            if problem:
                results.append(self._invalid(conn, wire, till_id, problem))
                continue
            previous = stored.get(wire.id) or by_seq.get((till_id, wire.seq))
            if previous is not None:
                if (
                    previous["hash"] == wire.hash
                    and previous["id"] == wire.id
                    and previous["till_id"] == till_id
                ):
                    results.append(
                        EntryResult(
                            id=wire.id,
                            seq=wire.seq,
                            status=EntryStatus.DUPLICATE,
                            outcome=previous["status"],
                            reason=previous["reason"],
                            card_balance=previous["card_balance"],
                        )
                    )
                else:
                    results.append(
                        self._invalid(
                            conn, wire, till_id, "conflict: this id or sequence holds other content"
                        )
                    )
                continue
            if wire.seq > applied + 1:
                if wire.seq not in held:
                    held[wire.seq] = wire
                    new_held.append(
                        {"till_id": till_id, "seq": wire.seq, "id": wire.id, "raw": wire.model_dump_json()}
                    )
                results.append(EntryResult(id=wire.id, seq=wire.seq, status=EntryStatus.HELD, outcome="held"))
                continue
            if wire.seq <= applied or wire.prev_hash != last_hash:
                results.append(
                    self._invalid(conn, wire, till_id, "chain broken: previous hash does not match")
                )
                continue
            result, row = self._apply(batch, wire)
            results.append(result)
            new_rows.append(row)
            stored[wire.id] = row
            applied, last_hash = wire.seq, wire.hash
        # Entries held earlier that now follow on are applied too (their results reach the till on its next push).
        released: list[int] = []
        while applied + 1 in held:
            wire = held[applied + 1]
            if wire.prev_hash != last_hash or wire.id in stored:
                break
            _, row = self._apply(batch, wire)
            new_rows.append(row)
            stored[wire.id] = row
            released.append(wire.seq)
            applied, last_hash = wire.seq, wire.hash
        self._flush(batch, new_rows, new_held, released)
        return PushResponse(results=results, applied_through=applied)

    def _check_wire(self, wire: WireEntry, till_id: str) -> str | None:
        if wire.till_id != till_id:
            return "entry belongs to another till"
        body = {
            "id": wire.id,
            "till_id": wire.till_id,
            "seq": wire.seq,
            "ts": wire.ts,
            "type": wire.type,
            "payload": wire.payload,
            "prev_hash": wire.prev_hash,
        }
        canonical = canonical_json(body)  # the same encoding entry_hash uses, computed once
        if hashlib.sha256(canonical).hexdigest() != wire.hash:
            return "hash does not match the entry's content"
        if b"\\u0000" in canonical:  # JSON always escapes NUL; PostgreSQL text cannot hold it
            return "NUL characters are not allowed"
        return None

    def _invalid(self, conn: Connection, wire: WireEntry, till_id: str, reason: str) -> EntryResult:
        self._alert(conn, "invalid_entry", till_id, f"seq {wire.seq} id {wire.id}: {reason}")
        return EntryResult(
            id=wire.id, seq=wire.seq, status=EntryStatus.INVALID, outcome="invalid", reason=reason
        )

    def _open_batch(self, conn: Connection, till_id: str, shop_id: str, wires: Sequence[WireEntry]) -> _Batch:
        numbers: set[str] = set()
        refs: set[str] = set()
        for wire in wires:
            card_info = wire.payload.get("card")
            if isinstance(card_info, dict) and isinstance(card_info.get("number"), str):
                numbers.add(card_info["number"])
            ref = wire.payload.get("ref")
            if isinstance(ref, str):
                refs.add(ref)
        if refs:
            numbers |= {
                r[0]
                for r in conn.execute(
                    select(t.sale.c.card_number).where(among(conn, t.sale.c.entry_id, refs))
                )
                if r[0]
            }
        cards: dict[str, dict[str, Any]] = {}
        if numbers:
            # Replacement cards receive refunds for their predecessors: lock them as well.
            rows = conn.execute(
                select(t.card.c.replaced_by).where(among(conn, t.card.c.number, sorted(numbers)))
            ).all()
            numbers |= {r[0] for r in rows if r[0]}
            # Fixed lock order (card number) so two pushes touching the same cards never deadlock.
            for row in conn.execute(
                select(t.card)
                .where(among(conn, t.card.c.number, sorted(numbers)))
                .order_by(t.card.c.number)
                .with_for_update()
            ).mappings():
                cards[row["number"]] = dict(row)
        balances: dict[str, int] = {}
        if cards:
            for name, balance in conn.execute(
                select(t.account.c.name, t.account.c.balance)
                .where(among(conn, t.account.c.name, [f"card:{n}" for n in sorted(cards)]))
                .order_by(t.account.c.name)
                .with_for_update(key_share=True)
            ):
                balances[name] = int(balance)
        batch = _Batch(conn, till_id, shop_id, balances, cards)
        limits = conn.execute(
            select(t.programme.c.limits).order_by(t.programme.c.year.desc()).limit(1)
        ).scalar()
        if limits:
            batch.offline_card_cap = TillLimits.model_validate_json(limits).offline_card_daily_cap
        return batch

    def _apply(self, batch: _Batch, wire: WireEntry) -> tuple[EntryResult, dict[str, Any]]:
        handler = {
            "sale": self._apply_sale,
            "sale_fallback": self._apply_fallback,
            "sale_cancelled": self._apply_cancel,
            "refund": self._apply_refund,
            "void": self._apply_refund,
        }.get(wire.type)
        status, reason, balance = "accepted", None, None
        if handler is not None:
            try:
                status, reason, balance = handler(batch, wire)
            except (KeyError, TypeError, ValueError) as exc:
                # A payload the ledger cannot read is refused as a business outcome: the sequence
                # is consumed and the till sees the reason, instead of blocking every later entry.
                status, reason, balance = "rejected", f"malformed_payload: {exc}"[:64], None
        row = {
            "id": wire.id,
            "till_id": wire.till_id,
            "seq": wire.seq,
            "ts": wire.ts,
            "type": wire.type,
            "payload": json.dumps(wire.payload, ensure_ascii=False),
            "prev_hash": wire.prev_hash,
            "hash": wire.hash,
            "status": status,
            "reason": reason,
            "card_balance": balance,
            "received_at": now_iso(),
        }
        result = EntryResult(
            id=wire.id,
            seq=wire.seq,
            status=EntryStatus(status),
            outcome=status,  # type: ignore[arg-type]
            reason=reason,
            card_balance=balance,
        )
        return result, row

    # Sale rows written in this batch are kept here until the flush, keyed by entry id.
    def _sale_row(self, batch: _Batch, entry_id: str) -> dict[str, Any] | None:
        pending: dict[str, dict[str, Any]] = batch.__dict__.setdefault("sales", {})
        if entry_id in pending:
            return pending[entry_id]
        row = batch.conn.execute(select(t.sale).where(t.sale.c.entry_id == entry_id)).mappings().first()
        if row is None:
            return None
        pending[entry_id] = {**dict(row), "_existing": True}
        return pending[entry_id]

    def _card_problem(self, batch: _Batch, number: str, when: str) -> str | None:
        card = batch.cards.get(number)
        if card is None:
            return "card_unknown"
        if card["status"] == "revoked":
            return "card_revoked"
        if card["status"] == "replaced":
            return "card_replaced"
        if card["status"] == "expired" or when[:10] > card["expires_on"].isoformat():
            return "card_expired"
        return None

    def _take_offline(self, batch: _Batch, sale: dict[str, Any], entry_id: str) -> None:
        """An offline sale is always posted: the card pays what it has, the fund's shortfall the rest."""
        number, points = sale["card_number"], sale["points"]
        if batch.offline_card_cap and points > batch.offline_card_cap:
            # Still posted (the goods were handed over), but no honest till takes this much offline.
            self._alert(
                batch.conn,
                "offline_over_cap",
                batch.till_id,
                f"offline sale {entry_id} took {points} points from card {number}; the cap is {batch.offline_card_cap}",
            )
        account = f"card:{number}"
        from_card = min(points, max(0, batch.balances.get(account, 0))) if number in batch.cards else 0
        rest = points - from_card
        moves = [(f"shop:{batch.shop_id}", points)]
        if from_card:
            moves.append((account, -from_card))
        if rest:
            moves.append((SHORTFALL, -rest))
        batch.post("sale", entry_id, moves, "offline" if rest == 0 else f"offline, shortfall {rest}")
        sale.update(status="posted", card_part=from_card, shortfall=rest)
        card = batch.cards.get(number)
        if rest and card is not None and card["status"] in ("active", "expired"):
            card["status"] = "online_only"
            card["_changed"] = True
            batch.touched_cards.add(number)

    def _apply_sale(self, batch: _Batch, wire: WireEntry) -> tuple[str, str | None, int | None]:
        p = wire.payload
        card_info = p.get("card") or {}
        number = card_info.get("number") if isinstance(card_info, dict) else None
        points = _won(p, "points")
        for key in ("total", "cash", "bank_card"):
            _won(p, key)
        sale = {
            "entry_id": wire.id,
            "till_id": wire.till_id,
            "shop_id": batch.shop_id,
            "seq": wire.seq,
            "ts": wire.ts,
            "cashier": str(p.get("cashier", ""))[:64],
            "total": int(p["total"]),
            "points": points,
            "cash": int(p.get("cash", 0)),
            "bank_card": int(p.get("bank_card", 0)),
            "card_number": number,
            "auth": str(p.get("auth", "none")),
            "status": "posted",
            "card_part": 0,
            "shortfall": 0,
            "refunded_points": 0,
            "refunded_card": 0,
            "refunded_total": 0,
        }
        batch.__dict__.setdefault("sales", {})[wire.id] = sale
        if points == 0:
            return "accepted", None, None
        if not number:
            raise ValueError("points without a card")
        account = f"card:{number}"
        if sale["auth"] == "online":
            problem = self._card_problem(batch, number, wire.ts)
            balance = batch.balances.get(account)
            if problem is None and (balance or 0) < points:
                problem = "insufficient_points"
            if problem is not None:
                sale["status"] = "rejected"
                return "rejected", problem, balance
            batch.post("sale", wire.id, [(account, -points), (f"shop:{batch.shop_id}", points)], "online")
            sale["card_part"] = points
            return "accepted", None, batch.balances[account]
        self._take_offline(batch, sale, wire.id)
        return "accepted", None, batch.balances.get(account)

    def _apply_fallback(self, batch: _Batch, wire: WireEntry) -> tuple[str, str | None, int | None]:
        sale = self._sale_row(batch, str(wire.payload["ref"]))
        if sale is None or sale["till_id"] != wire.till_id:
            return "rejected", "unknown_sale", None
        if sale["status"] == "rejected":
            sale["auth"] = "fallback"
            self._take_offline(batch, sale, wire.id)
        return "accepted", None, batch.balances.get(f"card:{sale['card_number']}")

    def _apply_cancel(self, batch: _Batch, wire: WireEntry) -> tuple[str, str | None, int | None]:
        sale = self._sale_row(batch, str(wire.payload["ref"]))
        if sale is None or sale["till_id"] != wire.till_id:
            return "rejected", "unknown_sale", None
        if sale["status"] == "posted" and sale["points"] > sale["refunded_points"]:
            # Only what was not refunded already goes back: a refund returned its share before.
            to_card = sale["card_part"] - sale["refunded_card"]
            to_shortfall = sale["shortfall"] - (sale["refunded_points"] - sale["refunded_card"])
            moves = [(f"shop:{batch.shop_id}", -(to_card + to_shortfall))]
            if to_card:
                moves.append((f"card:{sale['card_number']}", to_card))
            if to_shortfall:
                moves.append((SHORTFALL, to_shortfall))
            batch.post("reversal", wire.id, moves, "sale cancelled after a lost answer")
        if sale["status"] == "posted":
            sale["status"] = "cancelled"
        return "accepted", None, batch.balances.get(f"card:{sale['card_number']}")

    def _apply_refund(self, batch: _Batch, wire: WireEntry) -> tuple[str, str | None, int | None]:
        p = wire.payload
        sale = self._sale_row(batch, str(p["ref"]))
        if sale is None or sale["till_id"] != wire.till_id:
            return "rejected", "unknown_sale", None
        points = _won(p, "points")
        amount = points + _won(p, "cash") + _won(p, "bank_card")
        if points < 0 or amount <= 0:
            return "rejected", "refund_amount_invalid", None
        if sale["status"] != "posted":
            return "rejected", "sale_not_posted", None
        if (
            points > sale["points"] - sale["refunded_points"]
            or amount > sale["total"] - sale["refunded_total"]
        ):
            return "rejected", "refund_exceeds_sale", None
        balance = None
        if points:
            # Points go back to the card up to what the card paid; what the fund's shortfall covered
            # goes back to the shortfall. A replaced card's refund lands on its replacement.
            to_card = min(points, sale["card_part"] - sale["refunded_card"])
            number = sale["card_number"]
            while number in batch.cards and batch.cards[number]["replaced_by"]:
                number = batch.cards[number]["replaced_by"]
            moves = [(f"shop:{batch.shop_id}", -points)]
            if to_card:
                moves.append((f"card:{number}", to_card))
            if points - to_card:
                moves.append((SHORTFALL, points - to_card))
            batch.post("refund", wire.id, moves, str(p.get("reason", ""))[:200])
            sale["refunded_card"] += to_card
            balance = batch.balances.get(f"card:{number}")
        sale["refunded_points"] += points
        sale["refunded_total"] += amount
        return "accepted", None, balance

    def _flush(
        self, batch: _Batch, rows: list[dict[str, Any]], held: list[dict[str, Any]], released: list[int]
    ) -> None:
        conn = batch.conn
        insert_rows(conn, t.entry, rows)
        insert_rows(conn, t.held_entry, held)
        if released:
            conn.execute(
                t.held_entry.delete().where(
                    t.held_entry.c.till_id == batch.till_id, among(conn, t.held_entry.c.seq, released)
                )
            )
        sales: dict[str, dict[str, Any]] = batch.__dict__.get("sales", {})
        fresh = [
            {k: v for k, v in s.items() if not k.startswith("_")}
            for s in sales.values()
            if not s.get("_existing")
        ]
        insert_rows(conn, t.sale, fresh)
        updated = [
            {"eid": sale["entry_id"], **{k: sale[k] for k in SALE_MUTABLE}}
            for sale in sales.values()
            if sale.get("_existing")
        ]
        if updated:
            conn.execute(UPDATE_SALE, updated)
        if batch.txns:
            insert_rows(conn, t.txn, batch.txns)
            insert_rows(conn, t.posting, batch.postings)
            # Balances change in account-name order, the same order every push locks them in; one
            # executemany (pipelined by psycopg) instead of a round trip per account.
            self._add_to_balances(conn, [(a, d) for a, d in batch.deltas.items() if d])
        for number, card in batch.cards.items():
            if card.get("_changed"):
                conn.execute(update(t.card).where(t.card.c.number == number).values(status=card["status"]))
        self._touch_cards(conn, batch.touched_cards)

    # -- snapshot ------------------------------------------------------------------------------------
    def snapshot(self, till_id: str, since: int = 0) -> SnapshotResponse:
        with self.engine.connect() as conn:
            till_row = conn.execute(select(t.till.c.shop_id).where(t.till.c.till_id == till_id)).first()
            if till_row is None:
                raise LedgerError(f"unknown till {till_id}")
            version = int(
                conn.execute(select(t.counter.c.value).where(t.counter.c.name == "card_version")).scalar_one()
            )
            rows = conn.execute(
                select(
                    t.card.c.number,
                    t.card.c.status,
                    t.card.c.issue,
                    t.card.c.version,
                    t.account.c.balance,
                    t.participant.c.name,
                )
                .join(t.account, t.account.c.name == literal("card:") + t.card.c.number)
                .outerjoin(t.participant, t.participant.c.participant_id == t.card.c.participant_id)
                .where(t.card.c.version > since, t.card.c.version <= version)
            ).all()
        programme = self.programme()
        cards = [
            CardState(
                number=r[0],
                status=r[1],
                issue=r[2],
                version=r[3],
                balance=r[4],
                masked_name=mask_name(r[5] or ""),
            )
            for r in rows
        ]
        return SnapshotResponse(
            version=version,
            full=since == 0,
            server_time=dt.datetime.now(dt.UTC),
            cards=cards,
            issuer_public_key=programme.issuer_public_key,
            limits=programme.limits,
            shop=self.shop_header(till_row[0]),
        )

    # -- verification --------------------------------------------------------------------------------
    def verify(self) -> list[str]:
        """Check every invariant of ARCHITECTURE §3; readable problems, empty when the ledger is sound."""
        problems: list[str] = []
        with self.engine.connect() as conn:
            for txn_id, total in conn.execute(
                select(t.posting.c.txn_id, func.sum(t.posting.c.amount))
                .group_by(t.posting.c.txn_id)
                .having(func.sum(t.posting.c.amount) != 0)
            ):
                problems.append(f"transaction {txn_id} does not balance (sums to {total})")
            sums = dict(
                conn.execute(
                    select(t.posting.c.account, func.sum(t.posting.c.amount)).group_by(t.posting.c.account)
                ).all()
            )
            for name, kind, balance in conn.execute(
                select(t.account.c.name, t.account.c.kind, t.account.c.balance)
            ):
                if int(sums.get(name, 0) or 0) != balance:
                    problems.append(
                        f"account {name}: balance {balance} but postings sum to {sums.get(name, 0)}"
                    )
                if kind == "card" and balance < 0:
                    problems.append(f"card account {name} is negative ({balance})")
            for (entry_id,) in conn.execute(
                select(t.entry.c.id).group_by(t.entry.c.id).having(func.count() > 1)
            ):
                problems.append(f"entry {entry_id} stored more than once")
            problems += self._verify_chains(conn)
            problems += self._verify_shops(conn, sums)
        return problems

    def _verify_chains(self, conn: Connection) -> list[str]:
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

    def _verify_shops(self, conn: Connection, sums: dict[str, Any]) -> list[str]:
        """What each shop was credited equals its posted sales' points less refunds (settlements aside)."""
        problems = []
        expected: dict[str, int] = defaultdict(int)
        for shop_id, points, refunded in conn.execute(
            select(t.sale.c.shop_id, func.sum(t.sale.c.points), func.sum(t.sale.c.refunded_points))
            .where(t.sale.c.status == "posted")
            .group_by(t.sale.c.shop_id)
        ):
            expected[shop_id] = int(points or 0) - int(refunded or 0)
        for (shop_id,) in conn.execute(select(t.shop.c.shop_id)):
            credited = int(sums.get(f"shop:{shop_id}", 0) or 0) + int(sums.get(f"settled:{shop_id}", 0) or 0)
            if credited != expected.get(shop_id, 0):
                problems.append(
                    f"shop {shop_id}: credited {credited} but its posted sales less refunds come to {expected.get(shop_id, 0)}"
                )
        return problems
