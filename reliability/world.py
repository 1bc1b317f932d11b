"""A real programme to break: PostgreSQL schema or SQLite file, ledger server, issuer key, cards, tills."""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import requests
import uvicorn
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sync.ledger.api import create_app
from sync.ledger.records import ParticipantRecord
from sync.ledger.service import Ledger
from sync.ledger.settings import LedgerSettings
from sync.shared.cards.keys import new_issuer_key, public_key_hex
from sync.shared.cards.token import CardToken, sign_card
from sync.shared.clock import business_day_of, utc_now

PG_BASE = os.environ.get("ALLIVE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
ADMIN_TOKEN = "reliability-admin-token-0123456789"
# The programme runs this year and its cards expire at the end of next year, whatever today is:
# the suite must pass on any date (make test-dates moves the clock).
TODAY = business_day_of(utc_now())
YEAR = TODAY.year
EXPIRES = dt.date(YEAR + 1, 12, 31)


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


@contextmanager
def pg_schema(prefix: str = "rel") -> Iterator[str]:
    """A fresh PostgreSQL schema for one run, dropped afterwards; yields the database URL."""
    import psycopg

    raw = PG_BASE.replace("+psycopg", "")
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(raw, autocommit=True) as db:
        db.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{PG_BASE}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(raw, autocommit=True) as db:
            db.execute(f'DROP SCHEMA "{schema}" CASCADE')


@dataclass
class Programme:
    """A ledger with one programme year, shops, enrolled tills and granted, signed cards."""

    ledger: Ledger
    issuer_key: Ed25519PrivateKey
    shops: list[str]
    tokens: dict[str, str]  # till id -> bearer token
    till_shop: dict[str, str]
    cards: list[str] = field(default_factory=list)
    payloads: dict[str, str] = field(default_factory=dict)  # card number -> QR payload
    participants: int = 0

    @property
    def issuer_public_hex(self) -> str:
        return public_key_hex(self.issuer_key)

    def payload(self, number: str) -> str:
        if number not in self.payloads:
            card = next(c for c in self.ledger.cards() if c.number == number)
            self.payloads[number] = sign_card(CardToken(number, card.issue, card.expires_on), self.issuer_key)
        return self.payloads[number]

    def add_cards(self, count: int) -> list[str]:
        """New participants with a granted card each (the grant is the programme's amount)."""
        first = self.participants + 1
        self.participants += count
        ids = [f"R{n:05d}" for n in range(first, first + count)]
        self.ledger.add_participants(
            [ParticipantRecord(pid, f"참여자{pid}", "", "해운대", "올리브카페", 6, True, None) for pid in ids]
        )
        numbers = [g.card_number for g in self.ledger.grant(YEAR, ids)]
        self.cards += numbers
        for number in numbers:
            self.payload(number)
        return numbers

    def enrol(self, shop_id: str, till_id: str) -> str:
        self.tokens[till_id] = self.ledger.enrol_till(shop_id, till_id)
        self.till_shop[till_id] = shop_id
        return self.tokens[till_id]

    def replace(self, number: str) -> str:
        new = self.ledger.replace_card(number, "lost")
        self.cards.append(new.number)
        self.payload(new.number)
        return new.number


def make_programme(
    database_url: str,
    *,
    grant_amount: int = 100_000,
    shops: Sequence[str] = ("cafe1",),
    tills_per_shop: int = 1,
    cards: int = 0,
) -> Programme:
    ledger = Ledger(database_url)
    ledger.upgrade()
    key = new_issuer_key()
    ledger.create_programme(YEAR, grant_amount, EXPIRES, public_key_hex(key))
    programme = Programme(ledger, key, list(shops), {}, {})
    for shop in shops:
        ledger.add_shop(shop, f"올리브 {shop}")
        for n in range(1, tills_per_shop + 1):
            programme.enrol(shop, f"{shop}-{n}")
    if cards:
        programme.add_cards(cards)
    return programme


class ThreadedLedgerServer:
    """The ledger's real FastAPI app under uvicorn in a thread of this process."""

    def __init__(
        self, ledger: Ledger, admin_token: str = ADMIN_TOKEN, *, issuer_key_dir: Path | None = None
    ) -> None:
        settings = LedgerSettings(ledger.database_url, admin_token, issuer_key_dir=issuer_key_dir)
        app = create_app(ledger, settings)
        self._server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
        self._thread = threading.Thread(target=self._server.run, name="ledger-server", daemon=True)
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> ThreadedLedgerServer:
        self._thread.start()
        deadline = time.monotonic() + 15
        while not self._server.started and time.monotonic() < deadline:
            time.sleep(0.02)
        if not self._server.started:
            raise RuntimeError("ledger server did not start")
        self.port = self._server.servers[0].sockets[0].getsockname()[1]
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(15)

    def __enter__(self) -> ThreadedLedgerServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


class LedgerProcess:
    """``allive-ledger serve`` as a real subprocess (what production runs)."""

    def __init__(
        self, database_url: str, log_path: Path, admin_token: str = ADMIN_TOKEN, *, demo: bool = False
    ) -> None:
        self.database_url = database_url
        self.log_path = log_path
        self.admin_token = admin_token
        self.demo = demo
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        cmd = [sys.executable, "-m", "sync.ledger", "serve", "--database", self.database_url]
        cmd += ["--port", str(self.port), "--admin-token", self.admin_token]
        return [*cmd, "--demo"] if self.demo else cmd

    def start(self, timeout: float = 30) -> LedgerProcess:
        log = open(self.log_path, "ab")  # noqa: SIM115 - the child process writes to it
        self.process = subprocess.Popen(
            self.command(), stdout=log, stderr=subprocess.STDOUT, cwd=Path(__file__).resolve().parent.parent
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"ledger exited: {self.log_path.read_text()[-2000:]}")
            try:
                if requests.get(f"{self.url}/v1/health", timeout=1).ok:
                    return self
            except requests.RequestException:
                time.sleep(0.1)
        raise RuntimeError("ledger did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
            self.process = None

    def __enter__(self) -> LedgerProcess:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()
