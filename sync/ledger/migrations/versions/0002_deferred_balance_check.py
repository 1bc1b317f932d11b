"""Balanced transactions checked at commit: a deferred constraint trigger replaces the statement trigger.

A transaction's postings may now be written by several statements (as raw SQL or another tool
would); the database refuses the commit if any transaction touched in it does not sum to zero.
"""

from alembic import op

revision = "0002"
down_revision = "0001"

# Deferred row events fire at commit in insertion order. Postings of one ledger txn are written
# together, so the check runs once per txn and skips the following events of the same txn (the
# sum at commit already covers every posting of it).
DEFERRED_CHECK = """
CREATE OR REPLACE FUNCTION txn_must_balance_at_commit() RETURNS trigger AS $$
DECLARE
    total bigint;
BEGIN
    IF current_setting('allive.checked_txn', true) = NEW.txn_id THEN
        RETURN NULL;
    END IF;
    PERFORM set_config('allive.checked_txn', NEW.txn_id, true);
    SELECT COALESCE(SUM(amount), 0) INTO total FROM posting WHERE txn_id = NEW.txn_id;
    IF total <> 0 THEN
        RAISE EXCEPTION 'unbalanced transaction % (postings sum to %)', NEW.txn_id, total
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS posting_balanced ON posting;
CREATE CONSTRAINT TRIGGER posting_balanced AFTER INSERT ON posting
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION txn_must_balance_at_commit();
"""

STATEMENT_CHECK = """
DROP TRIGGER IF EXISTS posting_balanced ON posting;
CREATE TRIGGER posting_balanced AFTER INSERT ON posting
    REFERENCING NEW TABLE AS new_postings FOR EACH STATEMENT EXECUTE FUNCTION txn_must_balance();
DROP FUNCTION IF EXISTS txn_must_balance_at_commit();
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(DEFERRED_CHECK)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(STATEMENT_CHECK)
