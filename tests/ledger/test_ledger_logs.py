"""Structured logs of the ledger: a request id on every answer and every log line of its request,
and an access-log line per request (who, method, path, status, duration) in a rotating file."""

from __future__ import annotations

import json
import logging
import logging.handlers
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from sync.ledger.api import create_app
from sync.ledger.logs import ACCESS_LOGGER, DailyFileHandler, KeyValueFormatter, RequestIdFilter
from sync.ledger.settings import LedgerSettings, SettingsError, load_settings
from tests.ledger.conftest import ADMIN_TOKEN, TillStream


@pytest.fixture
def access_file(tmp_path) -> Iterator:
    path = tmp_path / "logs" / "access.log"
    yield path
    logger = logging.getLogger(ACCESS_LOGGER)
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()
    logger.propagate = True


def lines_with(path, request_id: str) -> list[str]:
    return [
        line for line in path.read_text(encoding="utf-8").splitlines() if f"request_id={request_id}" in line
    ]


def test_every_request_gets_an_id_and_one_access_line(programme, access_file):
    token = programme.tokens["cafe1-1"]
    settings = LedgerSettings(programme.ledger.database_url, ADMIN_TOKEN, access_log=access_file)
    with TestClient(create_app(programme.ledger, settings)) as client:
        pulled = client.get("/v1/tills/cafe1-1/snapshot", headers={"Authorization": f"Bearer {token}"})
        admin = client.get("/v1/admin/balances", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"})
        refused = client.get("/v1/admin/balances")
        offered = client.get("/v1/health", headers={"X-Request-Id": "office-check-0001"})
        hostile = client.get("/v1/health", headers={"X-Request-Id": "bad id\nwith=newline"})
    assert pulled.status_code == 200 and admin.status_code == 200 and refused.status_code == 401
    ids = [r.headers["X-Request-Id"] for r in (pulled, admin, refused, offered, hostile)]
    assert len(set(ids)) == 5 and ids[3] == "office-check-0001" and "\n" not in ids[4]
    (line,) = lines_with(access_file, ids[0])
    assert "who=till:cafe1-1 method=GET path=/v1/tills/cafe1-1/snapshot status=200 duration_ms=" in line
    assert "who=admin" in lines_with(access_file, ids[1])[0]
    assert "who=- method=GET path=/v1/admin/balances status=401" in lines_with(access_file, ids[2])[0]
    assert lines_with(access_file, "office-check-0001")
    text = access_file.read_text(encoding="utf-8")
    assert token not in text and ADMIN_TOKEN not in text  # tokens are never logged
    handler = logging.getLogger(ACCESS_LOGGER).handlers[0]
    assert isinstance(handler, logging.handlers.TimedRotatingFileHandler)  # DailyFileHandler
    assert handler.when == "MIDNIGHT" and handler.backupCount == 366


def test_log_lines_written_while_a_request_runs_carry_its_id(programme, access_file):
    """The push runs in a worker thread; its alert's log line still names the request."""
    captured: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            captured.append(self.format(record))

    collect = Collect()
    collect.setFormatter(KeyValueFormatter())
    collect.addFilter(RequestIdFilter())
    logging.getLogger("sync.ledger").addHandler(collect)
    try:
        stream = TillStream("cafe1-1")
        entry = stream.sale(programme.cards[0], 1000).model_copy(update={"hash": "0" * 64})
        settings = LedgerSettings(programme.ledger.database_url, ADMIN_TOKEN, access_log=access_file)
        with TestClient(create_app(programme.ledger, settings)) as client:
            response = client.post(
                "/v1/tills/cafe1-1/entries",
                headers={"Authorization": f"Bearer {programme.tokens['cafe1-1']}"},
                json={"protocol": 1, "entries": [json.loads(entry.model_dump_json())]},
            )
    finally:
        logging.getLogger("sync.ledger").removeHandler(collect)
    assert response.json()["results"][0]["status"] == "invalid"
    request_id = response.headers["X-Request-Id"]
    alerts = [line for line in captured if "ledger alert" in line]
    assert alerts and all(f"request_id={request_id}" in line for line in alerts)


# Rotation reads the file's modification time from the file system, which libfaketime does not
# move with the process clock: make test-dates skips it.
@pytest.mark.real_clock
def test_two_workers_rotating_one_access_file_lose_no_line(tmp_path):
    path = tmp_path / "access.log"
    first, second = DailyFileHandler(path, 366), DailyFileHandler(path, 366)
    record = logging.LogRecord("a", logging.INFO, "", 0, "%s", ("before",), None)
    for handler in (first, second):
        handler.emit(record)
    for handler in (first, second):  # both pass midnight; the first renames, the second reopens
        handler.doRollover()
    record.args = ("after",)
    for handler in (first, second):
        handler.emit(record)
        handler.close()
    rotated = [p for p in tmp_path.iterdir() if p.name != "access.log"]
    assert len(rotated) == 1 and rotated[0].read_text().split() == ["before", "before"]
    assert path.read_text().split() == ["after", "after"]


def test_one_loader_reads_file_then_environment_then_command_line(tmp_path):
    config = tmp_path / "ledger.toml"
    config.write_text(
        'database_url = "sqlite:///from-file.db"\nadmin_token = "file-token-0123456789abcdef"\n'
        'access_log = "/var/log/allive/access.log"\nlog_format = "json"\n',
        encoding="utf-8",
    )
    env = {"ALLIVE_LEDGER_CONFIG": str(config), "ALLIVE_DATABASE": "sqlite:///from-env.db"}
    settings = load_settings(env=env, workers=2)
    assert settings.database_url == "sqlite:///from-env.db" and settings.log_format == "json"
    assert settings.admin_token == "file-token-0123456789abcdef" and settings.workers == 2
    assert str(settings.access_log) == "/var/log/allive/access.log" and settings.access_log_days == 366
    assert load_settings(env=env, database_url="sqlite:///cli.db").database_url == "sqlite:///cli.db"
    # What `serve --workers N` hands to each worker reads back the same.
    assert load_settings(env=settings.environment()) == settings


@pytest.mark.parametrize(
    ("env", "problem"),
    [
        ({}, "--database"),
        ({"ALLIVE_DATABASE": "sqlite://", "ALLIVE_ADMIN_TOKEN": "change-me"}, "placeholder"),
        ({"ALLIVE_DATABASE": "sqlite://", "ALLIVE_DEMO": "1", "ALLIVE_LOG_FORMAT": "xml"}, "kv or json"),
        (
            {"ALLIVE_DATABASE": "sqlite://", "ALLIVE_DEMO": "1", "ALLIVE_ACCESS_LOG_DAYS": "a year"},
            "whole number",
        ),
    ],
)
def test_the_loader_refuses_what_would_fail_later(env, problem):
    with pytest.raises(SettingsError, match=problem):
        load_settings(env=env)
    # upgrade and verify need no admin token
    if "ALLIVE_ADMIN_TOKEN" in env:
        assert load_settings(env=env, serving=False).database_url == "sqlite://"
