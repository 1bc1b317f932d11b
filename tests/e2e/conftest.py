"""A real `allive-ledger serve` process on loopback, on SQLite or on PostgreSQL (own schema)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from reliability.world import PG_BASE, free_port, pg_reachable, pg_schema

ADMIN_TOKEN = "e2e-admin-token-0123456789abcdef"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def ledger_url(request, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.sqlite3'}"
        return
    if not pg_reachable():
        if os.environ.get("ALLIVE_REQUIRE_POSTGRES"):
            pytest.fail(f"PostgreSQL is required but unreachable at {PG_BASE}")
        pytest.skip(f"PostgreSQL unreachable at {PG_BASE}")
    with pg_schema("e2e") as url:
        yield url


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
