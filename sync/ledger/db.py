"""Database plumbing: engines for PostgreSQL and SQLite, a unit of work per use case, migrations,
and the dialect helpers bulk writes need (COPY, ``= ANY`` arrays)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import ARRAY, Connection, Engine, bindparam, create_engine, event, insert
from sqlalchemy import any_ as sql_any
from sqlalchemy.engine import make_url
from sqlalchemy.sql.elements import ColumnElement

MIGRATIONS = Path(__file__).parent / "migrations"


def normalise_url(url: str) -> str:
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def make_engine(url: str, echo: bool = False) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        path = make_url(url).database
        if path:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, echo=echo, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # let SQLAlchemy's BEGIN IMMEDIATE below take the write lock
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Connection) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(url, echo=echo, pool_size=10, max_overflow=20, pool_pre_ping=True)


@contextmanager
def uow(engine: Engine) -> Iterator[Connection]:
    """One use case, one database transaction: committed when the block ends, rolled back if it raises."""
    with engine.begin() as conn:
        yield conn


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A connection for read queries (no write lock on SQLite)."""
    with engine.connect() as conn:
        yield conn


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Create or upgrade the schema with the Alembic revisions in ``migrations/``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def is_postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def insert_rows(conn: Connection, table: Any, rows: Sequence[dict[str, Any]]) -> None:
    """Bulk insert in the current transaction: COPY on PostgreSQL (one statement, so the
    balanced-transaction trigger runs once per push), executemany on SQLite."""
    if not rows:
        return
    if not is_postgres(conn):
        conn.execute(insert(table), list(rows))
        return
    columns = list(rows[0])
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[c] for c in columns])


def among(conn: Connection, column: Any, values: Iterable[Any]) -> ColumnElement[bool]:
    """``column IN values``; on PostgreSQL one array parameter (``= ANY``), so a 500-entry push is
    not a 500-placeholder statement that the driver parses afresh each time."""
    values = list(values)
    if is_postgres(conn):
        return column == sql_any(bindparam(None, values, type_=ARRAY(column.type)))
    return column.in_(values)
