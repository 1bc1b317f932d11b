"""A real `allive-ledger serve` process on loopback, on SQLite or on PostgreSQL (own schema)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

PG_BASE = os.environ.get("ALLIVE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
ADMIN_TOKEN = "e2e-admin-token-0123456789abcdef"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pg_reachable() -> bool:
    try:
        import psycopg

        psycopg.connect(PG_BASE.replace("+psycopg", ""), connect_timeout=3).close()
        return True
    except Exception:
        return False


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def ledger_url(request, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.sqlite3'}"
        return
    if not pg_reachable():
        if os.environ.get("ALLIVE_REQUIRE_POSTGRES"):
            pytest.fail(f"PostgreSQL is required but unreachable at {PG_BASE}")
        pytest.skip(f"PostgreSQL unreachable at {PG_BASE}")
    import psycopg

    schema = f"e2e_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_BASE.replace("+psycopg", ""), autocommit=True) as db:
        db.execute(f'CREATE SCHEMA "{schema}"')
    yield f"{PG_BASE}?options=-csearch_path%3D{schema}"
    with psycopg.connect(PG_BASE.replace("+psycopg", ""), autocommit=True) as db:
        db.execute(f'DROP SCHEMA "{schema}" CASCADE')


@dataclass
class LedgerProcess:
    database_url: str
    port: int
    log_path: Path
    process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        log = open(self.log_path, "ab")  # noqa: SIM115 - the process owns it
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sync.ledger",
                "serve",
                "--database",
                self.database_url,
                "--port",
                str(self.port),
                "--admin-token",
                ADMIN_TOKEN,
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"ledger exited: {self.log_path.read_text()[-2000:]}")
            try:
                if requests.get(f"{self.base_url}/v1/health", timeout=1).ok:
                    return
            except requests.RequestException:
                time.sleep(0.1)
        raise RuntimeError("ledger did not start in 30 s")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
            self.process = None


@pytest.fixture
def ledger_process(ledger_url, tmp_path) -> Iterator[LedgerProcess]:
    proc = LedgerProcess(ledger_url, free_port(), tmp_path / "ledger.log")
    yield proc
    proc.stop()
