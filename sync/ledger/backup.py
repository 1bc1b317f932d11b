"""Backups of the ledger's database, and their restore into an empty database.

PostgreSQL: ``pg_dump --format=custom`` of the ledger's schema (a consistent snapshot while the
ledger runs), restored with ``pg_restore`` in one transaction. SQLite: the online backup API
(``sqlite3.Connection.backup``), also while the ledger runs, into a single self-contained file.

Beside each backup a checksum file (``<file>.sha256``, as ``sha256sum`` writes it, so
``sha256sum -c`` checks it too). A restore checks the checksum before anything else, refuses a
database that already holds tables, and changes nothing when it refuses or fails.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, text
from sqlalchemy.engine import URL

from sync.ledger.errors import LedgerError

POSTGRESQL, SQLITE = "postgresql", "sqlite"
MAGIC = {POSTGRESQL: b"PGDMP", SQLITE: b"SQLite format 3\x00"}
TOOL_TIMEOUT = 3600.0  # seconds: a dump of years of sales takes minutes, never an hour


@dataclass(frozen=True)
class BackupFile:
    path: Path
    sha256: str
    size: int  # bytes
    kind: str  # postgresql | sqlite
    schema: str | None = None  # PostgreSQL: the schema the ledger's tables are in

    @property
    def checksum_path(self) -> Path:
        return checksum_path(self.path)


def checksum_path(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def checked(path: Path) -> str:
    """The file's SHA-256, refused unless it matches its checksum file."""
    if not path.is_file():
        raise LedgerError("backup_missing", path=path)
    try:
        recorded = checksum_path(path).read_text(encoding="ascii").split()[0].lower()
    except (OSError, UnicodeDecodeError, IndexError):
        raise LedgerError("backup_checksum_missing", path=checksum_path(path)) from None
    actual = sha256_of(path)
    if actual != recorded:
        raise LedgerError("backup_checksum_mismatch", path=path, expected=recorded, actual=actual)
    return actual


def kind_of(path: Path) -> str | None:
    with open(path, "rb") as handle:
        head = handle.read(16)
    return next((kind for kind, magic in MAGIC.items() if head.startswith(magic)), None)


def _finish(partial: Path, out: Path, kind: str, schema: str | None = None) -> BackupFile:
    """Move a complete backup into place, then write its checksum file beside it."""
    os.replace(partial, out)
    digest = sha256_of(out)
    checksum_path(out).write_text(f"{digest}  {out.name}\n", encoding="ascii")
    return BackupFile(out, digest, out.stat().st_size, kind, schema)


def backup(engine: Engine, out: Path) -> BackupFile:
    """Write a backup of the ledger's database to ``out`` (never over an existing file)."""
    if out.exists() or checksum_path(out).exists():
        raise LedgerError("backup_exists", path=out)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    try:
        if engine.dialect.name == POSTGRESQL:
            schema = _pg_dump(engine, partial)
            return _finish(partial, out, POSTGRESQL, schema)
        _sqlite_copy(_sqlite_path(engine), partial)
        return _finish(partial, out, SQLITE)
    finally:
        partial.unlink(missing_ok=True)


def restore(engine: Engine, source: Path) -> BackupFile:
    """Restore ``source`` into the empty database of ``engine``: its checksum first, then its kind,
    then that the database holds no tables; nothing changes when any of these refuses."""
    digest = checked(source)
    kind = kind_of(source)
    target = POSTGRESQL if engine.dialect.name == POSTGRESQL else SQLITE
    if kind != target:
        raise LedgerError("backup_kind_mismatch", path=source, kind=kind or "?", database=target)
    if kind == POSTGRESQL:
        schema = _pg_restore(engine, source)
        return BackupFile(source, digest, source.stat().st_size, kind, schema)
    path = _sqlite_path(engine)
    if path.exists() and _sqlite_tables(path):
        raise LedgerError("restore_not_empty", tables=_sqlite_tables(path), where=path)
    engine.dispose()
    _sqlite_copy(source, path, read_only=True)  # the backup file stays as it was
    return BackupFile(source, digest, source.stat().st_size, kind)


# -- SQLite ---------------------------------------------------------------------------------------


def _sqlite_path(engine: Engine) -> Path:
    database = engine.url.database
    if not database or database == ":memory:":
        raise LedgerError("backup_needs_file")
    return Path(database)


def _sqlite_tables(path: Path) -> int:
    with _sqlite(path) as db:
        return int(
            db.execute("SELECT count(*) FROM sqlite_master WHERE type IN ('table', 'view')").fetchone()[0]
        )


class _sqlite:
    """A plain sqlite3 connection, closed when the block ends (sqlite3's own context manager
    only commits)."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        uri = f"{path.resolve().as_uri()}?mode={'ro' if read_only else 'rwc'}"
        self.db = sqlite3.connect(uri, uri=True, timeout=30)

    def __enter__(self) -> sqlite3.Connection:
        return self.db

    def __exit__(self, *_exc: object) -> None:
        self.db.close()


def _sqlite_copy(source: Path, target: Path, *, read_only: bool = False) -> None:
    """Copy a SQLite database page by page with the online backup API (a consistent copy while
    others write to ``source``), and leave ``target`` one self-contained file (no WAL)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with _sqlite(source, read_only=read_only) as src, _sqlite(target) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")


# -- PostgreSQL -----------------------------------------------------------------------------------


def _libpq(url: URL) -> tuple[str, dict[str, str]]:
    """The URL for libpq's tools (password left out) and their environment (the password, if any)."""
    env = dict(os.environ)
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise LedgerError("backup_tool_missing", tool=name)
    return found


def _major(version_text: str) -> int:
    """15 from ``pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)``."""
    match = re.search(r"\)\s*(\d+)", version_text)
    return int(match.group(1)) if match else 0


def _check_tool(engine: Engine, name: str) -> str:
    """The tool's path, refused when it is older than the server (it could not read the server's
    catalogue, or the archive a newer pg_dump wrote)."""
    tool = _tool(name)
    out = _run([tool, "--version"], None, name).stdout
    with engine.connect() as conn:
        server = int(conn.execute(text("SHOW server_version_num")).scalar_one()) // 10000
    if _major(out) < server:
        raise LedgerError("backup_tool_too_old", tool=name, version=out.strip(), server=server)
    return tool


def _run(command: Sequence[str], env: dict[str, str] | None, name: str) -> subprocess.CompletedProcess[str]:
    try:
        done = subprocess.run(
            list(command), env=env, capture_output=True, text=True, timeout=TOOL_TIMEOUT, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise LedgerError("backup_tool_failed", tool=name, error=exc) from None
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        raise LedgerError("backup_tool_failed", tool=name, error=" / ".join(lines[:3]) or done.returncode)
    return done


def _pg_dump(engine: Engine, out: Path) -> str:
    """Dump the schema the ledger's tables are in; returns its name."""
    tool = _check_tool(engine, "pg_dump")
    with engine.connect() as conn:
        schema = conn.execute(text("SELECT current_schema()")).scalar_one()
    uri, env = _libpq(engine.url)
    _run([tool, "--format=custom", f"--schema={schema}", f"--file={out}", f"--dbname={uri}"], env, "pg_dump")
    return str(schema)


# ``5; 2615 78200 SCHEMA - t_abc postgres`` and ``214; 1259 78164 TABLE t_abc account postgres``
TOC_SCHEMA = re.compile(r"^\d+; \d+ \d+ (?:SCHEMA -|TABLE(?! DATA )) (\S+) ")


def archive_schema(listing: str) -> str | None:
    """The one schema a ``pg_restore --list`` listing holds (None when it holds none or several)."""
    schemas = {match.group(1) for line in listing.splitlines() if (match := TOC_SCHEMA.match(line))}
    return schemas.pop() if len(schemas) == 1 else None


def _search_path(conn: Connection) -> list[str]:
    """The schemas the connection looks in, in order."""
    setting, user = conn.execute(text("SELECT current_setting('search_path'), current_user")).one()
    names = [name.strip().strip('"') for name in str(setting).split(",") if name.strip()]
    return [str(user) if name == "$user" else name for name in names]


def _pg_restore(engine: Engine, source: Path) -> str:
    tool = _check_tool(engine, "pg_restore")
    listing = _run([tool, "--list", str(source)], None, "pg_restore").stdout
    schema = archive_schema(listing)
    if schema is None:
        raise LedgerError("backup_not_ledger", path=source)
    with engine.connect() as conn:
        searched = _search_path(conn)
        if schema not in searched:
            raise LedgerError("restore_schema_not_searched", schema=schema, search_path=", ".join(searched))
        tables = conn.execute(
            text(
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = ANY(:schemas) AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')"
            ),
            {"schemas": searched},
        ).scalar_one()
        if tables:
            raise LedgerError("restore_not_empty", tables=tables, where=", ".join(searched))
        exists = conn.execute(text("SELECT 1 FROM pg_namespace WHERE nspname = :s"), {"s": schema}).first()
    engine.dispose()
    uri, env = _libpq(engine.url)
    command = [tool, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
    with tempfile.TemporaryDirectory() as scratch:
        if exists:  # an empty schema of that name is there already (public in a new database): keep it
            keep = [
                line
                for line in listing.splitlines()
                if f" SCHEMA - {schema} " not in line and f" COMMENT - SCHEMA {schema} " not in line
            ]
            use_list = Path(scratch) / "toc.list"
            use_list.write_text("\n".join(keep) + "\n", encoding="utf-8")
            command.append(f"--use-list={use_list}")
        _run([*command, f"--dbname={uri}", str(source)], env, "pg_restore")
    return schema
