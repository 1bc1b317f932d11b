"""Schemathesis against the ledger's own OpenAPI: no 5xx, no crash, and a refused request changes nothing."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, assume, given, settings
from schemathesis.checks import CHECKS, load_all_checks
from sqlalchemy import func, select

from reliability import sales
from reliability.world import ADMIN_TOKEN
from sync.ledger import schema as t

pytestmark = pytest.mark.postgres


def ledger_state(ledger) -> tuple:
    with ledger.engine.connect() as conn:
        counts = tuple(
            conn.execute(select(func.count()).select_from(table)).scalar_one()
            for table in (t.entry, t.sale, t.posting, t.held_entry, t.card)
        )
    return counts, tuple(ledger.balances())


def test_the_ledger_api_survives_generated_requests(pg_programme, pg_server):
    api = schemathesis.openapi.from_url(f"{pg_server.url}/openapi.json")
    operations = [result.ok() for result in api.get_all_operations()]  # type: ignore[union-attr]
    assert len(operations) >= 6
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case):
            check_case(case, pg_programme, pg_server)

        check()


INT64 = 2**63 - 1


def clear_of_known_bugs(value) -> bool:
    """False for numbers beyond 64 bits (refused in their own test below)."""
    if isinstance(value, bool):
        return True
    if isinstance(value, int):
        return -INT64 - 1 <= value <= INT64
    if isinstance(value, dict):
        return all(clear_of_known_bugs(k) and clear_of_known_bugs(v) for k, v in value.items())
    if isinstance(value, list):
        return all(clear_of_known_bugs(v) for v in value)
    return True


def check_case(case, pg_programme, pg_server) -> None:
    # Numbers beyond 64 bits are refused in their own test below (NUL is generated like any text).
    assume(clear_of_known_bugs(case.body) and clear_of_known_bugs(case.query))
    # Half the cases carry real credentials so they reach the ledger's logic, not only the auth checks.
    if hash(repr(case.body)) % 2 == 0:
        if case.path.startswith("/v1/admin"):
            case.headers = {**(case.headers or {}), "Authorization": f"Bearer {ADMIN_TOKEN}"}
        elif case.path.startswith("/v1/tills"):
            case.path_parameters = {**(case.path_parameters or {}), "till_id": "cafe1-1"}
            case.headers = {
                **(case.headers or {}),
                "Authorization": f"Bearer {pg_programme.tokens['cafe1-1']}",
            }
    before = ledger_state(pg_programme.ledger)
    response = case.call(base_url=pg_server.url)
    assert response.status_code < 500, (
        f"{case.method} {case.formatted_path}: {response.status_code} {response.text[:300]} body {case.body!r:.1500}"
    )
    if response.status_code >= 400:
        assert ledger_state(pg_programme.ledger) == before, "a refused request changed the ledger"
    elif case.method == "POST":
        results = response.json()["results"]
        if all(r["status"] == "invalid" for r in results):
            _counts, balances = ledger_state(pg_programme.ledger)
            assert balances == before[1], "invalid entries moved money"
    assert pg_programme.ledger.verify() == []


def signed_entry(programme, seq: int, points: int, auth: str = "offline") -> dict:
    import datetime as dt
    import uuid

    from sync.shared.chain import GENESIS_HASH, entry_hash

    body: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "till_id": "cafe1-1",
        "seq": seq,
        "ts": dt.datetime.now(dt.UTC).isoformat(timespec="microseconds"),
        "type": "sale",
        # Any amount, even one no honest till can write (the typed sale refuses it): the ledger must cope.
        "payload": {
            **sales.sale(1000, card=programme.cards[0], auth=auth).to_payload(),  # type: ignore[arg-type]
            "points": points,
            "total": points,
        },
        "prev_hash": GENESIS_HASH,
    }
    body["hash"] = entry_hash(**body)
    return body


def push(server, programme, entry):
    import requests

    return requests.post(
        f"{server.url}/v1/tills/cafe1-1/entries",
        json={"protocol": 1, "entries": [entry]},
        headers={"Authorization": f"Bearer {programme.tokens['cafe1-1']}"},
        timeout=10,
    )


@pytest.mark.parametrize("seq, points, nul", [(2**63, 0, False), (1, 10**19, False), (1, 1000, True)])
def test_out_of_range_input_is_refused_for_good_not_retried(pg_programme, pg_server, seq, points, nul):
    entry = signed_entry(pg_programme, seq, points)
    if nul:
        entry = {**entry, "id": entry["id"][:10] + "\x00" + entry["id"][11:]}
    response = push(pg_server, pg_programme, entry)
    assert response.status_code == 422 or (
        response.status_code == 200 and response.json()["results"][0]["status"] in ("invalid", "rejected")
    ), f"{response.status_code} {response.text[:200]}"


def test_an_offline_sale_beyond_the_caps_is_flagged_by_the_ledger(pg_programme, pg_server):
    ledger = pg_programme.ledger
    response = push(pg_server, pg_programme, signed_entry(pg_programme, 1, 2**40))
    assert response.status_code == 200
    caps = ledger.programme().limits
    shortfall = sum(s.amount for s in ledger.shortfalls())
    assert shortfall <= caps.offline_card_daily_cap or any(a["till_id"] == "cafe1-1" for a in ledger.alerts())


load_all_checks()
ALL_CHECKS = list(CHECKS.get_all())  # what `--checks all` runs


def credentials(case, pg_programme) -> dict[str, str]:
    """The credential each operation needs: the admin token for /v1/admin, a till token (for the
    till in the path) for /v1/tills, none for health."""
    if case.path.startswith("/v1/admin"):
        return {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    if case.path.startswith("/v1/tills"):
        case.path_parameters = {**(case.path_parameters or {}), "till_id": "cafe1-1"}
        return {"Authorization": f"Bearer {pg_programme.tokens['cafe1-1']}"}
    return {}


def test_the_ledger_api_conforms_to_its_schema_with_every_check(pg_programme, pg_server):
    """Schemathesis's every check (status codes, content types, response schemas, negative and
    positive data, headers) with real till and admin tokens: what the API says is what it does."""
    assert {"status_code_conformance", "response_schema_conformance", "negative_data_rejection"} <= {
        c.__name__ for c in ALL_CHECKS
    }
    api = schemathesis.openapi.from_url(f"{pg_server.url}/openapi.json")
    for result in api.get_all_operations():
        operation = result.ok()  # type: ignore[union-attr]

        @given(case=operation.as_strategy())
        @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case):
            assume(clear_of_known_bugs(case.body) and clear_of_known_bugs(case.query))
            headers = credentials(case, pg_programme)
            case.call_and_validate(base_url=pg_server.url, headers=headers, checks=ALL_CHECKS)
            assert pg_programme.ledger.verify() == []

        check()


def test_nul_in_a_query_is_a_clear_4xx_not_a_retry(pg_server):
    import requests

    response = requests.get(
        f"{pg_server.url}/v1/admin/sales",
        params={"shop_id": "cafe\x001"},
        headers={"Authorization": f"Bearer {ADMIN_TOKEN}"},
        timeout=10,
    )
    assert response.status_code == 422
