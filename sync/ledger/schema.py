"""The ledger's tables (SQLAlchemy Core): accounts, immutable postings, till entries, sales, cards."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    true,
)

metadata = MetaData()

programme = Table(
    "programme",
    metadata,
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("grant_amount", BigInteger, nullable=False),
    Column("expires_on", Date, nullable=False),
    Column("issuer_public_key", String(64), nullable=False),
    Column("limits", Text, nullable=False),
    Column("created_at", String(40), nullable=False),
    # Revision 0005: the office's settings for the year (anomaly thresholds), JSON.
    Column("settings", Text, nullable=False, default="{}", server_default="{}"),
)

shop = Table(
    "shop",
    metadata,
    Column("shop_id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("business_no", String(12), nullable=False, default=""),
    Column("representative", Text, nullable=False, default=""),
    Column("address", Text, nullable=False, default=""),
    Column("phone", String(32), nullable=False, default=""),
    # Revision 0005: where the programme pays the shop.
    Column("bank", Text, nullable=False, default="", server_default=""),
    Column("account_no", String(32), nullable=False, default="", server_default=""),
    Column("account_holder", Text, nullable=False, default="", server_default=""),
)

till = Table(
    "till",
    metadata,
    Column("till_id", String(64), primary_key=True),
    Column("shop_id", String(64), ForeignKey("shop.shop_id"), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", String(40), nullable=False),
)

participant = Table(
    "participant",
    metadata,
    Column("participant_id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("phone", String(32), nullable=False, default=""),
    Column("centre", Text, nullable=False, default=""),
    Column("workplace", Text, nullable=False, default=""),
    Column("months_prev_year", Integer, nullable=False),
    Column("active", Boolean, nullable=False),
    Column("start_date", Date, nullable=True),
)

card = Table(
    "card",
    metadata,
    Column("number", String(12), primary_key=True),
    Column("serial", BigInteger, nullable=False, unique=True),
    Column("participant_id", String(64), ForeignKey("participant.participant_id"), nullable=True),
    Column("issue", Integer, nullable=False),
    Column("expires_on", Date, nullable=False),
    Column("status", String(16), nullable=False),
    Column("replaced_by", String(12), nullable=True),
    Column("version", BigInteger, nullable=False),
    # The card version at which it was revoked or replaced (revision 0004): a till that sold under
    # an older snapshot could not have known.
    Column("revoked_version", BigInteger, nullable=True),
    Column("created_at", String(40), nullable=False),
    # Revision 0005: the programme year the card was issued for (its points are that year's).
    Column("year", Integer, nullable=True),
    CheckConstraint("status IN ('active','online_only','revoked','replaced','expired')", name="card_status"),
)
Index("card_version", card.c.version)

grant = Table(
    "grant_record",
    metadata,
    Column("participant_id", String(64), ForeignKey("participant.participant_id"), nullable=False),
    Column("year", Integer, ForeignKey("programme.year"), nullable=False),
    Column("card_number", String(12), nullable=False),
    Column("amount", BigInteger, nullable=False),
    Column("txn_id", String(32), nullable=False),
    PrimaryKeyConstraint("participant_id", "year"),
)

account = Table(
    "account",
    metadata,
    Column("name", String(80), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("balance", BigInteger, nullable=False, default=0),
    # The database itself refuses a negative card balance, whatever the code does.
    CheckConstraint("kind <> 'card' OR balance >= 0", name="card_balance_not_negative"),
)

txn = Table(
    "txn",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("entry_id", String(36), nullable=True),
    Column("created_at", String(40), nullable=False),
    Column("memo", Text, nullable=False, default=""),
)
Index("txn_entry", txn.c.entry_id)
Index("txn_kind", txn.c.kind)  # revision 0006: statements look refunds and settlements up by kind

posting = Table(
    "posting",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("txn_id", String(32), ForeignKey("txn.id"), nullable=False),
    Column("account", String(80), ForeignKey("account.name"), nullable=False),
    Column("amount", BigInteger, nullable=False),
    CheckConstraint("amount <> 0", name="posting_not_zero"),
)
Index("posting_txn", posting.c.txn_id)
Index("posting_account", posting.c.account)

entry = Table(
    "entry",
    metadata,
    Column("id", String(36), primary_key=True),  # unique entry id
    Column("till_id", String(64), ForeignKey("till.till_id"), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("ts", String(40), nullable=False),
    Column("type", String(32), nullable=False),
    Column("payload", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Column("status", String(16), nullable=False),
    Column("reason", String(64), nullable=True),
    Column("card_balance", BigInteger, nullable=True),
    Column("received_at", String(40), nullable=False),
    UniqueConstraint("till_id", "seq", name="entry_till_seq"),
    CheckConstraint("seq >= 1", name="entry_seq_positive"),
)

held_entry = Table(
    "held_entry",
    metadata,
    Column("till_id", String(64), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("id", String(36), nullable=False),
    Column("raw", Text, nullable=False),
    PrimaryKeyConstraint("till_id", "seq"),
)

sale = Table(
    "sale",
    metadata,
    Column("entry_id", String(36), primary_key=True),
    Column("till_id", String(64), nullable=False),
    Column("shop_id", String(64), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("ts", String(40), nullable=False),
    Column("cashier", String(64), nullable=False, default=""),
    Column("total", BigInteger, nullable=False),
    Column("points", BigInteger, nullable=False),
    Column("cash", BigInteger, nullable=False),
    Column("bank_card", BigInteger, nullable=False),
    Column("card_number", String(12), nullable=True),
    Column("auth", String(16), nullable=False),
    Column("status", String(16), nullable=False),  # posted | rejected | cancelled
    Column("card_part", BigInteger, nullable=False, default=0),  # points taken from the card
    Column("shortfall", BigInteger, nullable=False, default=0),  # points the fund absorbed
    Column("refunded_points", BigInteger, nullable=False, default=0),
    Column("refunded_card", BigInteger, nullable=False, default=0),
    Column("refunded_total", BigInteger, nullable=False, default=0),
    # Refunded per tender (revision 0003): each tender goes back only up to what it paid.
    Column("refunded_cash", BigInteger, nullable=False, default=0, server_default="0"),
    Column("refunded_bank_card", BigInteger, nullable=False, default=0, server_default="0"),
    # Revision 0004: the points of an offline claim the rules did not allow (never credited to the
    # shop; see ``dispute``), and the snapshot version the till sold under (None: not reported).
    Column("disputed", BigInteger, nullable=False, default=0, server_default="0"),
    Column("snapshot_version", BigInteger, nullable=True),
)
Index("sale_shop_ts", sale.c.shop_id, sale.c.ts)

# An offline claim beyond the rules, waiting for the office (revision 0004): accepted claims are
# paid disputed -> shop (``txn_id``), rejected ones are closed with a note; both keep who and when.
dispute = Table(
    "dispute",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("entry_id", String(36), nullable=False),
    Column("till_id", String(64), nullable=False),
    Column("shop_id", String(64), nullable=False),
    Column("amount", BigInteger, nullable=False),
    Column("reason", String(64), nullable=False),
    Column("status", String(16), nullable=False),  # open | accepted | rejected
    Column("raised_at", String(40), nullable=False),
    Column("resolved_at", String(40), nullable=True),
    Column("resolved_by", String(64), nullable=True),
    Column("note", Text, nullable=False, default="", server_default=""),
    Column("txn_id", String(32), nullable=True),
    CheckConstraint("amount > 0", name="dispute_amount_positive"),
    CheckConstraint("status IN ('open','accepted','rejected')", name="dispute_status"),
)
Index("dispute_entry", dispute.c.entry_id)

# Each snapshot version the ledger served to a till, first served at (revision 0004): the period an
# offline claim made under that snapshot belongs to.
till_snapshot = Table(
    "till_snapshot",
    metadata,
    Column("till_id", String(64), nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("served_at", String(40), nullable=False),
    PrimaryKeyConstraint("till_id", "version"),
)

alert = Table(
    "alert",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("kind", String(32), nullable=False),
    Column("till_id", String(64), nullable=True),
    Column("detail", Text, nullable=False),
    Column("at", String(40), nullable=False),
    # Revision 0005: what the alert is about (an anomaly is raised once per subject), and the
    # office's handling of it.
    Column("subject", String(120), nullable=True),
    Column("status", String(16), nullable=False, default="open", server_default="open"),
    Column("handled_by", String(64), nullable=True),
    Column("handled_at", String(40), nullable=True),
    Column("note", Text, nullable=False, default="", server_default=""),
    CheckConstraint("status IN ('open','acknowledged','resolved')", name="alert_status"),
)
Index("alert_kind_subject", alert.c.kind, alert.c.subject, unique=True)

# Revision 0005: every office action, append-only (triggers refuse UPDATE and DELETE): who, when,
# what, its arguments, and the figures before and after (JSON).
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("at", String(40), nullable=False),
    Column("operator", String(64), nullable=False),
    Column("action", String(40), nullable=False),
    Column("target", Text, nullable=False, default="", server_default=""),
    Column("args", Text, nullable=False, default="{}", server_default="{}"),
    Column("before", Text, nullable=False, default="{}", server_default="{}"),
    Column("after", Text, nullable=False, default="{}", server_default="{}"),
)
Index("audit_at", audit_log.c.at)
Index("audit_action", audit_log.c.action)

# Revision 0005: a payment to a shop for a period, idempotent by the bank's reference; ``txn_id``
# is the ledger transfer shop -> settled that records it.
payment = Table(
    "payment",
    metadata,
    Column("reference", String(64), primary_key=True),
    Column("shop_id", String(64), ForeignKey("shop.shop_id"), nullable=False),
    Column("period_start", Date, nullable=False),
    Column("period_end", Date, nullable=False),
    Column("amount", BigInteger, nullable=False),
    Column("paid_on", Date, nullable=False),
    Column("txn_id", String(32), nullable=False),
    Column("recorded_at", String(40), nullable=False),
    Column("operator", String(64), nullable=False),
    CheckConstraint("amount > 0", name="payment_amount_positive"),
)
Index("payment_shop", payment.c.shop_id, payment.c.period_start)

# Revision 0006: the office console's operators (role admin | staff | viewer; password hashed with
# argon2; locked for a while after repeated failed sign-ins) and their server-side sessions, kept by
# the SHA-256 of the session cookie's token, with the form token that guards every form.
operator = Table(
    "operator",
    metadata,
    Column("username", String(64), primary_key=True),
    Column("display_name", Text, nullable=False, default="", server_default=""),
    Column("role", String(16), nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("active", Boolean, nullable=False, default=True, server_default=true()),
    Column("failed_attempts", Integer, nullable=False, default=0, server_default="0"),
    Column("locked_until", String(40), nullable=True),
    Column("created_at", String(40), nullable=False),
    CheckConstraint("role IN ('admin','staff','viewer')", name="operator_role"),
)

office_session = Table(
    "office_session",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("username", String(64), ForeignKey("operator.username"), nullable=False),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("last_seen_at", String(40), nullable=False),
    Column("expires_at", String(40), nullable=False),
    Column("ended", Boolean, nullable=False, default=False, server_default=false()),
)
Index("office_session_user", office_session.c.username)

counter = Table(
    "counter",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

# Revision 0001 installs a statement-level balance trigger; revision 0002 replaces it with a
# DEFERRABLE INITIALLY DEFERRED constraint trigger that refuses the commit of any transaction whose
# postings do not sum to zero. SQLite has neither: there ``Transaction`` refuses an unbalanced
# value before anything is written, and ``verify`` checks afterwards.
# A change to these tables needs a new revision in migrations/versions; tests/ledger/test_migrations.py
# fails until the revisions build exactly this metadata.
