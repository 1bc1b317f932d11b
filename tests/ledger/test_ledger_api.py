"""The ledger over real HTTP: till tokens scoped to their till and shop, admin token, clear 4xx bodies."""

from __future__ import annotations

import json

import pytest
import requests

from reliability.sales import sale
from reliability.world import YEAR
from sync.client import LedgerRefused, SyncClient
from sync.ledger.settings import LedgerSettings, SettingsError
from tests.ledger.conftest import ADMIN_TOKEN, TillStream


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def push_json(server, till_id, token, body):
    return requests.post(
        f"{server.base_url}/v1/tills/{till_id}/entries", headers=auth(token), json=body, timeout=10
    )


def test_a_till_token_cannot_push_or_pull_for_another_till_or_shop(server):
    tokens = server.programme.tokens
    entry = TillStream("rest1-1").sale(server.programme.cards[0], 1000)
    body = {"protocol": 1, "entries": [json.loads(entry.model_dump_json())]}
    response = push_json(server, "rest1-1", tokens["cafe1-1"], body)
    assert response.status_code == 403 and "cafe1" in response.json()["error"]
    snapshot = requests.get(
        f"{server.base_url}/v1/tills/rest1-1/snapshot", headers=auth(tokens["cafe1-1"]), timeout=5
    )
    assert snapshot.status_code == 403
    assert server.programme.ledger.card_balance(server.programme.cards[0]) == 100_000


def test_an_entry_of_another_till_inside_a_batch_is_invalid(server):
    tokens = server.programme.tokens
    entry = TillStream("cafe1-2").sale(server.programme.cards[0], 1000)
    body = {"protocol": 1, "entries": [json.loads(entry.model_dump_json())]}
    response = push_json(server, "cafe1-1", tokens["cafe1-1"], body)
    assert response.status_code == 200 and response.json()["results"][0]["status"] == "invalid"
    assert server.programme.ledger.card_balance(server.programme.cards[0]) == 100_000


@pytest.mark.parametrize("header", [None, "Bearer ", "Bearer not-a-token", "Basic abc"])
def test_missing_or_unknown_tokens_get_401(server, header):
    headers = {"Authorization": header} if header else {}
    response = requests.get(f"{server.base_url}/v1/tills/cafe1-1/snapshot", headers=headers, timeout=5)
    assert response.status_code == 401 and "error" in response.json()


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b'{"protocol": 1}',
        b'{"protocol": 2, "entries": []}',
        b'{"protocol": 1, "entries": [{"id": "x"}]}',
        b'{"protocol": 1, "entries": [], "extra": 1}',
        json.dumps(
            {
                "protocol": 1,
                "entries": [
                    {
                        "id": "0" * 36,
                        "till_id": "cafe1-1",
                        "seq": 0,
                        "ts": "t",
                        "type": "sale",
                        "payload": {},
                        "prev_hash": "0" * 64,
                        "hash": "0" * 64,
                    }
                ],
            }
        ).encode(),
    ],
)
def test_malformed_requests_get_a_4xx_with_a_clear_body_and_change_nothing(server, body):
    before = server.programme.ledger.balances()
    response = requests.post(
        f"{server.base_url}/v1/tills/cafe1-1/entries",
        headers={**auth(server.programme.tokens["cafe1-1"]), "Content-Type": "application/json"},
        data=body,
        timeout=5,
    )
    assert 400 <= response.status_code < 500
    assert response.json()["error"]
    assert server.programme.ledger.balances() == before


def test_a_malformed_payload_is_refused_as_an_outcome_not_a_crash(server):
    stream = TillStream("cafe1-1")
    entry = stream.make("sale", {"points": "many", "total": 1})
    response = push_json(
        server,
        "cafe1-1",
        server.programme.tokens["cafe1-1"],
        {"protocol": 1, "entries": [json.loads(entry.model_dump_json())]},
    )
    result = response.json()["results"][0]
    assert response.status_code == 200 and result["status"] == "rejected"
    # The entry types' own reason: which field, and what is wrong with it.
    assert result["reason"].startswith("invalid_payload: ")
    # The sequence is consumed: the till's next entry is applied, not held behind it.
    after = stream.sale(server.programme.cards[0], 1000)
    response = push_json(
        server,
        "cafe1-1",
        server.programme.tokens["cafe1-1"],
        {"protocol": 1, "entries": [json.loads(after.model_dump_json())]},
    )
    assert response.json()["results"][0]["status"] == "accepted"


def test_admin_endpoints_need_the_admin_token(server):
    tokens = server.programme.tokens
    url = f"{server.base_url}/v1/admin/balances"
    assert requests.get(url, timeout=5).status_code == 401
    assert requests.get(url, headers=auth(tokens["cafe1-1"]), timeout=5).status_code == 403
    ok = requests.get(url, headers=auth(ADMIN_TOKEN), timeout=5)
    assert ok.status_code == 200 and any(b["name"] == f"fund:{YEAR}" for b in ok.json())
    verify = requests.get(f"{server.base_url}/v1/admin/verify", headers=auth(ADMIN_TOKEN), timeout=5).json()
    assert verify == {"ok": True, "problems": []}


def test_openapi_is_published(server):
    spec = requests.get(f"{server.base_url}/openapi.json", timeout=5).json()
    assert "/v1/tills/{till_id}/entries" in spec["paths"]


def test_sync_client_pushes_pulls_and_reports_a_refused_token(server, tmp_path):
    from pos_app.journal.store import Journal

    journal = Journal(tmp_path / "j.sqlite3", "cafe1-1")
    client = SyncClient(server.base_url, "cafe1-1", server.programme.tokens["cafe1-1"], journal)
    snapshot = client.pull_snapshot()
    assert len(snapshot.cards) == 4 and journal.snapshot_version() == snapshot.version
    card = server.programme.cards[0]
    for points in (1000, 2000):
        journal.append(sale(points, card=card, auth="offline"))
    assert client.drain() == 2 and journal.outbox_size() == 0
    assert server.programme.ledger.card_balance(card) == 97_000
    client.pull_snapshot()
    held = journal.snapshot_card(card)
    assert held is not None and held.balance == 97_000
    wrong = SyncClient(server.base_url, "cafe1-1", server.programme.tokens["rest1-1"], journal)
    with pytest.raises(LedgerRefused):
        wrong.pull_snapshot()
    alert = wrong.status().alert
    assert alert and server.programme.tokens["rest1-1"] not in alert
    journal.close()


def test_settings_refuse_a_placeholder_admin_token_outside_demo():
    for token in ("", "change-me", "admin", "short"):
        with pytest.raises(SettingsError):
            LedgerSettings("sqlite://", token)
    assert LedgerSettings("sqlite://", "", demo=True).demo


def test_serve_with_several_workers_answers(tmp_path):
    import socket
    import subprocess
    import sys
    import time

    from sync.ledger.service import Ledger

    url = f"sqlite:///{tmp_path / 'l.sqlite3'}"
    Ledger(url).upgrade()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sync.ledger",
            "serve",
            "--database",
            url,
            "--port",
            str(port),
            "--workers",
            "2",
            "--admin-token",
            ADMIN_TOKEN,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                response = requests.get(
                    f"http://127.0.0.1:{port}/v1/admin/balances", headers=auth(ADMIN_TOKEN), timeout=1
                )
                break
            except requests.RequestException:
                time.sleep(0.2)
        assert response.status_code == 200
    finally:
        process.terminate()
        process.wait(10)
