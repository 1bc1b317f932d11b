"""Baseline schema of the ledger: every table of sync.ledger.schema at version 1.

Later changes go into new revisions with explicit operations; this one creates the first schema.
"""

from alembic import op

from sync.ledger.schema import PG_BALANCED_TRIGGER, metadata

revision = "0001"
down_revision = None


def upgrade() -> None:
    bind = op.get_bind()
    metadata.create_all(bind)
    if bind.dialect.name == "postgresql":
        op.execute(PG_BALANCED_TRIGGER)
    op.execute("INSERT INTO counter (name, value) VALUES ('card_version', 0)")


def downgrade() -> None:
    metadata.drop_all(op.get_bind())
