"""Office operations on the programme's frame: the programme year, shops, and the tills enrolled in them."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from sqlalchemy import Connection, insert, select

from sync.ledger import schema as t
from sync.ledger.errors import LedgerError
from sync.ledger.postings import ensure_accounts, stamp
from sync.ledger.records import ProgrammeInfo, TillRecord
from sync.ledger.transaction import DISPUTED, SHORTFALL, fund_account, settled_account, shop_account
from sync.protocol import TillLimits
from sync.shared.clock import KST, Clock


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_programme(
    conn: Connection,
    clock: Clock,
    year: int,
    grant_amount: int,
    expires_on: dt.date,
    issuer_public_key_hex: str,
    limits: TillLimits | None = None,
) -> None:
    if grant_amount <= 0:
        raise LedgerError("grant_not_positive", amount=grant_amount)
    if expires_on < clock().astimezone(KST).date():
        raise LedgerError("expiry_in_the_past", year=year, expires=expires_on)
    try:
        bytes.fromhex(issuer_public_key_hex)
    except ValueError:
        raise LedgerError("issuer_key_not_hex") from None
    if conn.execute(select(t.programme.c.year).where(t.programme.c.year == year)).first():
        raise LedgerError("programme_exists", year=year)
    conn.execute(
        insert(t.programme).values(
            year=year,
            grant_amount=grant_amount,
            expires_on=expires_on,
            issuer_public_key=issuer_public_key_hex,
            limits=(limits or TillLimits()).model_dump_json(),
            created_at=stamp(clock),
        )
    )
    ensure_accounts(conn, {fund_account(year): "fund", SHORTFALL: "shortfall", DISPUTED: "disputed"})


def programme(conn: Connection, year: int | None = None) -> ProgrammeInfo:
    """The given year's programme, or the latest."""
    query = select(t.programme).order_by(t.programme.c.year.desc())
    if year is not None:
        query = query.where(t.programme.c.year == year)
    row = conn.execute(query.limit(1)).mappings().first()
    if row is None:
        raise LedgerError("no_programme")
    return ProgrammeInfo(
        row["year"],
        row["grant_amount"],
        row["expires_on"],
        row["issuer_public_key"],
        TillLimits.model_validate_json(row["limits"]),
    )


def issuer_keys(conn: Connection, today: dt.date) -> dict[str, str]:
    """Year -> issuer public key of every programme year whose cards can still be spent (and the
    latest year's in any case): the keyring a till checks cards against."""
    rows = conn.execute(
        select(t.programme.c.year, t.programme.c.issuer_public_key, t.programme.c.expires_on).order_by(
            t.programme.c.year
        )
    ).all()
    keys = {str(year): key for year, key, expires_on in rows if expires_on >= today}
    if rows and str(rows[-1][0]) not in keys:
        keys[str(rows[-1][0])] = rows[-1][1]
    return keys


def latest_limits(conn: Connection) -> TillLimits | None:
    limits = conn.execute(select(t.programme.c.limits).order_by(t.programme.c.year.desc()).limit(1)).scalar()
    return TillLimits.model_validate_json(limits) if limits else None


def add_shop(
    conn: Connection,
    shop_id: str,
    name: str,
    business_no: str = "",
    representative: str = "",
    address: str = "",
    phone: str = "",
) -> None:
    if not shop_id.strip() or not name.strip():
        raise LedgerError("shop_needs_id_and_name")
    if conn.execute(select(t.shop.c.shop_id).where(t.shop.c.shop_id == shop_id)).first():
        raise LedgerError("shop_exists", shop_id=shop_id)
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
    ensure_accounts(conn, {shop_account(shop_id): "shop", settled_account(shop_id): "settled"})


def shop_header(conn: Connection, shop_id: str) -> dict[str, str]:
    row = conn.execute(select(t.shop).where(t.shop.c.shop_id == shop_id)).mappings().first()
    return {k: str(v) for k, v in row.items()} if row else {}


def enrol_till(conn: Connection, clock: Clock, shop_id: str, till_id: str) -> str:
    """Enrol a till; returns its bearer token (stored only as a hash, shown once)."""
    token = secrets.token_urlsafe(32)
    if not conn.execute(select(t.shop.c.shop_id).where(t.shop.c.shop_id == shop_id)).first():
        raise LedgerError("shop_unknown", shop_id=shop_id)
    if conn.execute(select(t.till.c.till_id).where(t.till.c.till_id == till_id)).first():
        raise LedgerError("till_exists", till_id=till_id)
    conn.execute(
        insert(t.till).values(
            till_id=till_id,
            shop_id=shop_id,
            token_hash=token_hash(token),
            active=True,
            created_at=stamp(clock),
        )
    )
    return token


def authenticate_till(conn: Connection, token: str) -> TillRecord | None:
    hashed = token_hash(token)
    row = conn.execute(
        select(t.till.c.till_id, t.till.c.shop_id).where(
            t.till.c.token_hash == hashed, t.till.c.active.is_(True)
        )
    ).first()
    return TillRecord(row[0], row[1], hashed) if row else None
