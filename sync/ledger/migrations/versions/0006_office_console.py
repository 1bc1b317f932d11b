"""The office console: operator accounts (a role each, a password hash, lockout after failed
sign-ins) and their server-side sessions (kept by the hash of the session token, with expiry and
the form token that guards every form); and an index on the kind of ledger transaction (statements
look refunds and settlements up by kind)."""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    op.create_table(
        "operator",
        sa.Column("username", sa.String(64), primary_key=True),
        sa.Column("display_name", sa.Text(), nullable=False, server_default=""),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("failed_attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("locked_until", sa.String(40), nullable=True),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.CheckConstraint("role IN ('admin','staff','viewer')", name="operator_role"),
    )
    op.create_table(
        "office_session",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("username", sa.String(64), sa.ForeignKey("operator.username"), nullable=False),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("last_seen_at", sa.String(40), nullable=False),
        sa.Column("expires_at", sa.String(40), nullable=False),
        sa.Column("ended", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_index("office_session_user", "office_session", ["username"])
    op.create_index("txn_kind", "txn", ["kind"])


def downgrade() -> None:
    op.drop_index("txn_kind", "txn")
    op.drop_index("office_session_user", "office_session")
    op.drop_table("office_session")
    op.drop_table("operator")
