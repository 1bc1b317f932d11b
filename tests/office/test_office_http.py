"""The office console over HTTP on SQLite and PostgreSQL: no page or action without a session, a
form token on every POST, one answer for every failed sign-in, the lockout, roles, escaping."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sync.ledger.alerts import raise_alert
from sync.ledger.api import create_app
from sync.ledger.db import uow
from sync.ledger.records import ParticipantRecord
from sync.ledger.service import Ledger
from sync.ledger.settings import LedgerSettings
from sync.shared.cards.keys import new_issuer_key, public_key_hex

PASSWORD = "office password 1"
NOW = dt.datetime(2026, 11, 26, 0, 30, tzinfo=dt.UTC)


@dataclass
class Console:
    ledger: Ledger
    app: object

    def client(self) -> TestClient:
        return TestClient(self.app, base_url="http://127.0.0.1")  # type: ignore[arg-type]


@pytest.fixture
def console(database_url: str) -> Iterator[Console]:
    ledger = Ledger(database_url, clock=lambda: NOW)
    ledger.upgrade()
    ledger.create_programme(2026, 100_000, dt.date(2026, 12, 31), public_key_hex(new_issuer_key()))
    ledger.add_participants(
        [
            ParticipantRecord("P1", "홍길동", "", "해운대", "올리브카페", 6, True, None),
            ParticipantRecord("P2", "<script>alert(1)</script>", "", "사하", "올리브식당", 6, True, None),
        ]
    )
    ledger.grant(2026)
    for username, role in (("kim", "admin"), ("lee", "staff"), ("park", "viewer")):
        ledger.add_operator(username, role, PASSWORD, operator="setup")
    with uow(ledger.engine) as conn:
        raise_alert(conn, ledger.clock, "offline_claim_disputed", None, "1 claim, 5,000 won")
    yield Console(ledger, create_app(ledger, LedgerSettings(ledger.database_url, "t" * 40)))
    ledger.dispose()


def form_token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, html
    return found.group(1)


def sign_in(client: TestClient, username: str, password: str = PASSWORD) -> Any:
    page = client.get("/office/sign-in")
    data = {"username": username, "password": password, "csrf_token": form_token(page.text)}
    return client.post("/office/sign-in", data=data, follow_redirects=False)


def signed_in(console: Console, username: str) -> TestClient:
    client = console.client()
    assert sign_in(client, username).status_code == 303
    return client


def test_no_page_and_no_action_without_a_session(console: Console) -> None:
    client = console.client()
    for path in ("/office/", "/office/dashboard", "/office/alerts", "/office/audit", "/office/participants"):
        answer = client.get(path, follow_redirects=False)
        assert answer.status_code == 303, path
        assert answer.headers["location"].startswith("/office/")
    answer = client.get("/office/participants?q=P1", follow_redirects=False)
    assert answer.headers["location"] == "/office/sign-in?next=%2Foffice%2Fparticipants%3Fq%3DP1"
    answer = client.post("/office/alerts/1/acknowledge", data={"csrf_token": "x"}, follow_redirects=False)
    assert answer.status_code == 303
    assert console.ledger.alert_list()[0].status == "open"
    assert not console.ledger.audit_log(action="view_participant")


def test_the_session_cookie_is_http_only_and_same_site_strict(console: Console) -> None:
    answer = sign_in(console.client(), "kim")
    assert answer.status_code == 303 and answer.headers["location"] == "/office/dashboard"
    cookie = next(c for c in answer.headers.get_list("set-cookie") if c.startswith("allive_office="))
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/office" in cookie
    assert "Content-Security-Policy" in answer.headers


def test_every_failed_sign_in_gets_the_same_answer_and_five_lock_the_account(console: Console) -> None:
    client = console.client()
    token = re.compile(r'value="[A-Za-z0-9_-]{43}"')
    wrong = sign_in(client, "kim", "wrong password")
    unknown = sign_in(client, "nobody", "wrong password")
    assert wrong.status_code == unknown.status_code == 401
    assert "로그인하지 못했습니다" in wrong.text
    assert token.sub("", wrong.text).replace("kim", "") == token.sub("", unknown.text).replace("nobody", "")
    for _ in range(4):
        assert sign_in(client, "kim", "wrong password").status_code == 401
    locked = sign_in(client, "kim")
    assert locked.status_code == 401
    assert token.sub("", locked.text) == token.sub("", wrong.text)
    reasons = [r.args["reason"] for r in console.ledger.audit_log(action="sign_in_failed")]
    assert reasons[0] == "locked" and reasons.count("wrong_password") == 5


def test_a_sign_in_form_without_its_token_is_refused(console: Console) -> None:
    client = console.client()
    client.get("/office/sign-in")
    data = {"username": "kim", "password": PASSWORD, "csrf_token": "forged"}
    answer = client.post("/office/sign-in", data=data, follow_redirects=False)
    assert answer.status_code == 403
    assert not console.ledger.audit_log(action="sign_in")


def test_a_form_without_its_token_is_refused_and_with_it_the_action_is_audited(console: Console) -> None:
    client = signed_in(console, "lee")
    page = client.get("/office/alerts")
    assert "확인 중으로 표시" in page.text
    alert = console.ledger.alert_list()[0].id
    for data in ({}, {"csrf_token": ""}, {"csrf_token": form_token(page.text) + "x"}):
        answer = client.post(f"/office/alerts/{alert}/acknowledge", data=data, follow_redirects=False)
        assert answer.status_code == 403
        assert "양식이 만료되었습니다" in answer.text
    assert console.ledger.alert_list()[0].status == "open"
    data = {"csrf_token": form_token(page.text)}
    answer = client.post(f"/office/alerts/{alert}/acknowledge", data=data, follow_redirects=False)
    assert answer.status_code == 303
    answer = client.post(
        f"/office/alerts/{alert}/resolve", data={**data, "note": "영수증 확인"}, follow_redirects=False
    )
    assert answer.status_code == 303
    done = console.ledger.alert_list()[0]
    assert (done.status, done.handled_by, done.note) == ("resolved", "lee", "영수증 확인")
    audited = [(r.action, r.operator) for r in console.ledger.audit_log(target=str(alert))]
    assert audited == [("resolve_alert", "lee"), ("acknowledge_alert", "lee")]
    again = client.post(f"/office/alerts/{alert}/resolve", data={**data, "note": "x"}, follow_redirects=False)
    assert again.status_code == 409 and "이미 해결되었습니다" in again.text


def test_a_viewer_reads_masked_names_and_cannot_act(console: Console) -> None:
    client = signed_in(console, "park")
    alerts = client.get("/office/alerts")
    assert (
        alerts.status_code == 200
        and "확인 중으로 표시" not in alerts.text
        and "/acknowledge" not in alerts.text
    )
    token = form_token(alerts.text)  # the sign-out form's
    alert = console.ledger.alert_list()[0].id
    answer = client.post(f"/office/alerts/{alert}/acknowledge", data={"csrf_token": token})
    assert answer.status_code == 403 and "권한이 없습니다" in answer.text
    assert console.ledger.alert_list()[0].status == "open"
    assert client.get("/office/audit").status_code == 403
    found = client.get("/office/participants?q=P1")
    assert "홍*동" in found.text and "홍길동" not in found.text
    assert console.ledger.audit_log(action="view_participant")[0].operator == "park"
    staff = signed_in(console, "lee").get("/office/participants?q=P1")
    assert "홍길동" in staff.text


def test_names_are_escaped(console: Console) -> None:
    page = signed_in(console, "lee").get("/office/participants?q=P2")
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


def test_sign_out_ends_the_session(console: Console) -> None:
    client = signed_in(console, "kim")
    page = client.get("/office/dashboard")
    assert page.status_code == 200 and "200,000원" in page.text
    answer = client.post(
        "/office/sign-out", data={"csrf_token": form_token(page.text)}, follow_redirects=False
    )
    assert answer.status_code == 303
    assert client.get("/office/dashboard", follow_redirects=False).status_code == 303
    assert [r.action for r in console.ledger.audit_log(operator="kim")][:2] == ["sign_out", "sign_in"]


def test_english_on_request_and_kept_for_the_session(console: Console) -> None:
    client = signed_in(console, "kim")
    assert "Points granted" in client.get("/office/dashboard?lang=en").text
    assert "Points granted" in client.get("/office/dashboard").text
    assert "지급한 포인트" in client.get("/office/dashboard?lang=ko").text
