"""Refunds counted per tender: a sale's refunded cash and bank-card parts, so that each tender goes
back only up to what it paid (a points sale can no longer be refunded as cash).

Existing sales get their split from the refunds the ledger accepted for them.
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"


def _won(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def upgrade() -> None:
    op.add_column("sale", sa.Column("refunded_cash", sa.BigInteger(), nullable=False, server_default="0"))
    op.add_column(
        "sale", sa.Column("refunded_bank_card", sa.BigInteger(), nullable=False, server_default="0")
    )
    bind = op.get_bind()
    split: dict[str, list[int]] = {}
    for (payload,) in bind.execute(
        sa.text("SELECT payload FROM entry WHERE type IN ('refund', 'void') AND status = 'accepted'")
    ):
        body = json.loads(payload)
        totals = split.setdefault(str(body.get("ref")), [0, 0])
        totals[0] += _won(body.get("cash", 0))
        totals[1] += _won(body.get("bank_card", 0))
    if split:
        bind.execute(
            sa.text(
                "UPDATE sale SET refunded_cash = :cash, refunded_bank_card = :bank_card WHERE entry_id = :ref"
            ),
            [{"ref": ref, "cash": cash, "bank_card": bank_card} for ref, (cash, bank_card) in split.items()],
        )


def downgrade() -> None:
    with op.batch_alter_table("sale") as batch:
        batch.drop_column("refunded_bank_card")
        batch.drop_column("refunded_cash")
