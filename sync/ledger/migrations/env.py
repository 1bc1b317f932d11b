"""Alembic environment: runs on the connection the ledger hands over (PostgreSQL or SQLite)."""

from alembic import context

from sync.ledger.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through sync.ledger.db.upgrade()")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
