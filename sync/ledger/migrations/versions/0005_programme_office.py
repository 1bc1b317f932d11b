"""The programme office: an append-only audit log, shop bank details and payments, alerts that are
acknowledged and resolved, anomaly thresholds per programme year, and the year each card was issued for.

Existing cards take the year of the programme whose expiry they carry (the only year there was).
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"

# Audit rows are evidence: PostgreSQL refuses to change or delete them, whatever the code does.
PG_AUDIT_IMMUTABLE = """
CREATE OR REPLACE FUNCTION audit_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END $$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS audit_append_only ON audit_log;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_is_append_only();
"""
SQLITE_AUDIT_IMMUTABLE = (
    "CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
)


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("operator", sa.String(64), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("target", sa.Text(), nullable=False, server_default=""),
        sa.Column("args", sa.Text(), nullable=False, server_default="{}"),
        sa.Column("before", sa.Text(), nullable=False, server_default="{}"),
        sa.Column("after", sa.Text(), nullable=False, server_default="{}"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("audit_at", "audit_log", ["at"])
    op.create_index("audit_action", "audit_log", ["action"])
    if op.get_context().dialect.name == "postgresql":
        op.execute(PG_AUDIT_IMMUTABLE)
    else:
        for statement in SQLITE_AUDIT_IMMUTABLE:
            op.execute(statement)
    op.add_column("shop", sa.Column("bank", sa.Text(), nullable=False, server_default=""))
    op.add_column("shop", sa.Column("account_no", sa.String(32), nullable=False, server_default=""))
    op.add_column("shop", sa.Column("account_holder", sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "payment",
        sa.Column("reference", sa.String(64), primary_key=True),
        sa.Column("shop_id", sa.String(64), sa.ForeignKey("shop.shop_id"), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("txn_id", sa.String(32), nullable=False),
        sa.Column("recorded_at", sa.String(40), nullable=False),
        sa.Column("operator", sa.String(64), nullable=False),
        sa.CheckConstraint("amount > 0", name="payment_amount_positive"),
    )
    op.create_index("payment_shop", "payment", ["shop_id", "period_start"])
    with op.batch_alter_table("alert") as batch:
        batch.add_column(sa.Column("subject", sa.String(120), nullable=True))
        batch.add_column(sa.Column("status", sa.String(16), nullable=False, server_default="open"))
        batch.add_column(sa.Column("handled_by", sa.String(64), nullable=True))
        batch.add_column(sa.Column("handled_at", sa.String(40), nullable=True))
        batch.add_column(sa.Column("note", sa.Text(), nullable=False, server_default=""))
        batch.create_check_constraint("alert_status", "status IN ('open','acknowledged','resolved')")
    op.create_index("alert_kind_subject", "alert", ["kind", "subject"], unique=True)
    op.add_column("programme", sa.Column("settings", sa.Text(), nullable=False, server_default="{}"))
    op.add_column("card", sa.Column("year", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE card SET year = (SELECT programme.year FROM programme "
        "WHERE programme.expires_on = card.expires_on ORDER BY programme.year DESC LIMIT 1)"
    )


def downgrade() -> None:
    with op.batch_alter_table("card") as batch:
        batch.drop_column("year")
    with op.batch_alter_table("programme") as batch:
        batch.drop_column("settings")
    op.drop_index("alert_kind_subject", "alert")
    with op.batch_alter_table("alert") as batch:
        batch.drop_constraint("alert_status", type_="check")
        for column in ("note", "handled_at", "handled_by", "status", "subject"):
            batch.drop_column(column)
    op.drop_index("payment_shop", "payment")
    op.drop_table("payment")
    with op.batch_alter_table("shop") as batch:
        for column in ("account_holder", "account_no", "bank"):
            batch.drop_column(column)
    op.drop_index("audit_action", "audit_log")
    op.drop_index("audit_at", "audit_log")
    op.drop_table("audit_log")
