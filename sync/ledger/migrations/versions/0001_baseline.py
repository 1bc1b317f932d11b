"""Baseline schema of the ledger (version 1), written out: this revision never changes.

Its DDL is what ``metadata.create_all`` produced from ``sync.ledger.schema`` when the schema was
first released, on SQLite and PostgreSQL alike. Later changes to ``schema.py`` go into new revisions;
``tests/ledger/test_migrations.py`` proves that the revisions together build exactly ``schema.py``.
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None

# A statement-level check that each transaction's postings sum to zero (revision 0002 replaces it
# with a deferred constraint trigger), and postings that can never be changed or deleted.
PG_BALANCED_TRIGGER = """
CREATE OR REPLACE FUNCTION txn_must_balance() RETURNS trigger AS $$
DECLARE
    bad text;
BEGIN
    SELECT p.txn_id INTO bad FROM posting p
    WHERE p.txn_id IN (SELECT DISTINCT txn_id FROM new_postings)
    GROUP BY p.txn_id HAVING SUM(p.amount) <> 0 LIMIT 1;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'unbalanced transaction %', bad USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS posting_balanced ON posting;
CREATE TRIGGER posting_balanced AFTER INSERT ON posting
    REFERENCING NEW TABLE AS new_postings FOR EACH STATEMENT EXECUTE FUNCTION txn_must_balance();
CREATE OR REPLACE FUNCTION posting_is_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'postings are immutable';
END $$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS posting_immutable ON posting;
CREATE TRIGGER posting_immutable BEFORE UPDATE OR DELETE ON posting
    FOR EACH ROW EXECUTE FUNCTION posting_is_immutable();
"""


def upgrade() -> None:
    op.create_table(
        "account",
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("balance", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("kind <> 'card' OR balance >= 0", name="card_balance_not_negative"),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "alert",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("till_id", sa.String(length=64), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "counter",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "held_entry",
        sa.Column("till_id", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("raw", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("till_id", "seq"),
    )
    op.create_table(
        "participant",
        sa.Column("participant_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("centre", sa.Text(), nullable=False),
        sa.Column("workplace", sa.Text(), nullable=False),
        sa.Column("months_prev_year", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("participant_id"),
    )
    op.create_table(
        "programme",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("grant_amount", sa.BigInteger(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column("issuer_public_key", sa.String(length=64), nullable=False),
        sa.Column("limits", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("year"),
    )
    op.create_table(
        "sale",
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("till_id", sa.String(length=64), nullable=False),
        sa.Column("shop_id", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("ts", sa.String(length=40), nullable=False),
        sa.Column("cashier", sa.String(length=64), nullable=False),
        sa.Column("total", sa.BigInteger(), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("cash", sa.BigInteger(), nullable=False),
        sa.Column("bank_card", sa.BigInteger(), nullable=False),
        sa.Column("card_number", sa.String(length=12), nullable=True),
        sa.Column("auth", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("card_part", sa.BigInteger(), nullable=False),
        sa.Column("shortfall", sa.BigInteger(), nullable=False),
        sa.Column("refunded_points", sa.BigInteger(), nullable=False),
        sa.Column("refunded_card", sa.BigInteger(), nullable=False),
        sa.Column("refunded_total", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("entry_id"),
    )
    op.create_index("sale_shop_ts", "sale", ["shop_id", "ts"], unique=False)
    op.create_table(
        "shop",
        sa.Column("shop_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("business_no", sa.String(length=12), nullable=False),
        sa.Column("representative", sa.Text(), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("shop_id"),
    )
    op.create_table(
        "txn",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("entry_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("memo", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("txn_entry", "txn", ["entry_id"], unique=False)
    op.create_table(
        "card",
        sa.Column("number", sa.String(length=12), nullable=False),
        sa.Column("serial", sa.BigInteger(), nullable=False),
        sa.Column("participant_id", sa.String(length=64), nullable=True),
        sa.Column("issue", sa.Integer(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("replaced_by", sa.String(length=12), nullable=True),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.CheckConstraint(
            "status IN ('active','online_only','revoked','replaced','expired')", name="card_status"
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.participant_id"],
        ),
        sa.PrimaryKeyConstraint("number"),
        sa.UniqueConstraint("serial"),
    )
    op.create_index("card_version", "card", ["version"], unique=False)
    op.create_table(
        "grant_record",
        sa.Column("participant_id", sa.String(length=64), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("card_number", sa.String(length=12), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("txn_id", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.participant_id"],
        ),
        sa.ForeignKeyConstraint(
            ["year"],
            ["programme.year"],
        ),
        sa.PrimaryKeyConstraint("participant_id", "year"),
    )
    op.create_table(
        "posting",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("txn_id", sa.String(length=32), nullable=False),
        sa.Column("account", sa.String(length=80), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("amount <> 0", name="posting_not_zero"),
        sa.ForeignKeyConstraint(
            ["account"],
            ["account.name"],
        ),
        sa.ForeignKeyConstraint(
            ["txn_id"],
            ["txn.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("posting_account", "posting", ["account"], unique=False)
    op.create_index("posting_txn", "posting", ["txn_id"], unique=False)
    op.create_table(
        "till",
        sa.Column("till_id", sa.String(length=64), nullable=False),
        sa.Column("shop_id", sa.String(length=64), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["shop_id"],
            ["shop.shop_id"],
        ),
        sa.PrimaryKeyConstraint("till_id"),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_table(
        "entry",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("till_id", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("ts", sa.String(length=40), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=64), nullable=True),
        sa.Column("card_balance", sa.BigInteger(), nullable=True),
        sa.Column("received_at", sa.String(length=40), nullable=False),
        sa.CheckConstraint("seq >= 1", name="entry_seq_positive"),
        sa.ForeignKeyConstraint(
            ["till_id"],
            ["till.till_id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("till_id", "seq", name="entry_till_seq"),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_BALANCED_TRIGGER)
    op.execute("INSERT INTO counter (name, value) VALUES ('card_version', 0)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS posting_is_immutable() CASCADE")
        op.execute("DROP FUNCTION IF EXISTS txn_must_balance() CASCADE")
    op.drop_table("entry")
    op.drop_table("till")
    op.drop_index("posting_account", table_name="posting")
    op.drop_index("posting_txn", table_name="posting")
    op.drop_table("posting")
    op.drop_table("grant_record")
    op.drop_index("card_version", table_name="card")
    op.drop_table("card")
    op.drop_index("txn_entry", table_name="txn")
    op.drop_table("txn")
    op.drop_table("shop")
    op.drop_index("sale_shop_ts", table_name="sale")
    op.drop_table("sale")
    op.drop_table("programme")
    op.drop_table("participant")
    op.drop_table("held_entry")
    op.drop_table("counter")
    op.drop_table("alert")
    op.drop_table("account")
