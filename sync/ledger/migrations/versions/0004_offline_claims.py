"""Offline claims judged at the centre: disputed claims, the snapshot a till sold under, when a card
was revoked, and which snapshot versions each till was served.

Existing revoked or replaced cards take their current version as the version of their revocation
(never earlier than it really was: a till is only held to what it could have known).
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    op.add_column("card", sa.Column("revoked_version", sa.BigInteger(), nullable=True))
    op.add_column("sale", sa.Column("disputed", sa.BigInteger(), nullable=False, server_default="0"))
    op.add_column("sale", sa.Column("snapshot_version", sa.BigInteger(), nullable=True))
    op.create_table(
        "dispute",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("entry_id", sa.String(36), nullable=False),
        sa.Column("till_id", sa.String(64), nullable=False),
        sa.Column("shop_id", sa.String(64), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("raised_at", sa.String(40), nullable=False),
        sa.Column("resolved_at", sa.String(40), nullable=True),
        sa.Column("resolved_by", sa.String(64), nullable=True),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("txn_id", sa.String(32), nullable=True),
        sa.CheckConstraint("amount > 0", name="dispute_amount_positive"),
        sa.CheckConstraint("status IN ('open','accepted','rejected')", name="dispute_status"),
    )
    op.create_index("dispute_entry", "dispute", ["entry_id"])
    op.create_table(
        "till_snapshot",
        sa.Column("till_id", sa.String(64), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("served_at", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("till_id", "version"),
    )
    op.execute("UPDATE card SET revoked_version = version WHERE status IN ('revoked', 'replaced')")


def downgrade() -> None:
    op.drop_table("till_snapshot")
    op.drop_index("dispute_entry", "dispute")
    op.drop_table("dispute")
    with op.batch_alter_table("sale") as batch:
        batch.drop_column("snapshot_version")
        batch.drop_column("disputed")
    with op.batch_alter_table("card") as batch:
        batch.drop_column("revoked_version")
