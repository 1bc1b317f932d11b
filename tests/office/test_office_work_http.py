"""The office's work pages over HTTP on SQLite and PostgreSQL: the participant import with its
preview, cards revoked and replaced, settlement statements, files and payments, tills, disputed
claims and backups; each through the ledger's own methods, audited under the operator, refused
without a form token or to a role that may not."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sync.ledger.api import create_app
from sync.ledger.settings import LedgerSettings
from tests.office.world import PASSWORD, Office, open_office

GOOD_CSV = (
    "참여자번호,이름,지역자활센터,사업단/기업,전년도참여개월,참여중\n"
    "N1,강새봄,해운대,올리브카페,6,Y\n"
    "N2,윤가을,사하,올리브식당,2,Y\n"
    'N3,=HYPERLINK("x"),북구,올리브분식,8,N\n'
)


@dataclass
class Console:
    office: Office
    app: Any
    files: Path

    def client(self, username: str) -> TestClient:
        client = TestClient(self.app, base_url="http://127.0.0.1")
        page = client.get("/office/sign-in")
        data = {"username": username, "password": PASSWORD, "csrf_token": form_token(page.text)}
        assert client.post("/office/sign-in", data=data, follow_redirects=False).status_code == 303
        return client


@pytest.fixture
def console(database_url: str, tmp_path: Path) -> Iterator[Console]:
    office = open_office(database_url, files=tmp_path)
    ledger = office.ledger
    settings = LedgerSettings(ledger.database_url, "t" * 40, issuer_key_dir=tmp_path / "keys")
    yield Console(office, create_app(ledger, settings), tmp_path)
    ledger.dispose()


def form_token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, html
    return found.group(1)


def hidden(html: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert found, html
    return found.group(1)


def test_import_previews_writes_nothing_then_imports_under_the_operator(console: Console) -> None:
    ledger = console.office.ledger
    client = console.client("lee")
    page = client.get("/office/participants/import")
    token = form_token(page.text)
    before = len(ledger.participants())
    preview = client.post(
        "/office/participants/import/preview",
        data={"csrf_token": token, "min_months": "3"},
        files={"file": ("명단.csv", GOOD_CSV.encode("cp949"), "text/csv")},
    )
    assert preview.status_code == 200
    assert "3명 (CP949): 지급 대상 1명, 대상 아님 2명" in preview.text
    assert "fewer than 3 months" in preview.text and "not active now" in preview.text
    assert "=HYPERLINK(&#34;x&#34;)" in preview.text or "=HYPERLINK(&quot;x&quot;)" in preview.text
    assert len(ledger.participants()) == before and not ledger.audit_log(
        action="import_participants", operator="lee"
    )
    data = {
        "csrf_token": token,
        "data": hidden(preview.text, "data"),
        "min_months": "3",
        "file_name": "명단.csv",
    }
    done = client.post("/office/participants/import", data=data, follow_redirects=False)
    assert done.status_code == 303 and "done=imported" in done.headers["location"]
    assert "3명을 가져왔습니다 (CP949); 지급 대상 1명" in client.get(done.headers["location"]).text
    stored = {p.participant_id: p for p in ledger.participants()}
    assert (stored["N1"].active, stored["N2"].active, stored["N3"].active) == (True, False, False)
    audited = ledger.audit_log(action="import_participants", operator="lee")
    assert audited[0].after == {"rows": 3, "added": 3, "eligible": 1}


def test_a_file_with_resident_numbers_or_bad_rows_is_refused_with_line_numbers(console: Console) -> None:
    client = console.client("lee")
    token = form_token(client.get("/office/participants/import").text)
    rrn = "참여자번호,이름,주민등록번호,전년도참여개월,참여중\nN1,강새봄,900101-1234567,6,Y\n"
    bad = "참여자번호,이름,전년도참여개월,참여중\nN1,강새봄,6,Y\nN2,윤가을,열두,Y\nN3,,6,네\n"
    for body, expected in ((rrn, "주민등록번호"), (bad, "line 3:")):
        answer = client.post(
            "/office/participants/import/preview",
            data={"csrf_token": token},
            files={"file": ("x.csv", body.encode(), "text/csv")},
        )
        assert (
            answer.status_code == 422
            and expected in answer.text
            and "아무것도 저장하지 않았습니다" in answer.text
        )
    assert "line 4:" in answer.text
    assert "N1" not in {p.participant_id for p in console.office.ledger.participants()}


def test_a_viewer_cannot_import_and_a_post_without_its_token_is_refused(console: Console) -> None:
    viewer = console.client("park")
    assert viewer.get("/office/participants/import").status_code == 403
    token = form_token(viewer.get("/office/dashboard").text)
    files = {"file": ("x.csv", GOOD_CSV.encode(), "text/csv")}
    assert (
        viewer.post(
            "/office/participants/import/preview", data={"csrf_token": token}, files=files
        ).status_code
        == 403
    )
    staff = console.client("lee")
    answer = staff.post("/office/participants/import/preview", data={"csrf_token": "forged"}, files=files)
    assert answer.status_code == 403 and "양식이 만료되었습니다" in answer.text


def test_a_card_is_replaced_with_its_balance_and_its_sheet_downloaded(console: Console) -> None:
    ledger, card = console.office.ledger, console.office.market.cards["P1"]
    client = console.client("lee")
    for partial in ("1", "P1", card[:11]):  # never a search of names or ids, never logged
        assert "12자리를 모두 적으세요" in client.get(f"/office/cards?card={partial}").text
    assert not ledger.audit_log(action="view_participant", operator="lee")
    page = client.get(f"/office/cards?card={card[:4]} {card[4:8]} {card[8:]}")
    assert "홍*동" in page.text and "홍길동" not in page.text
    assert ledger.audit_log(action="view_participant", operator="lee")[0].target == "P1"
    balance = ledger.card_balance(card)
    answer = client.post(
        f"/office/cards/{card}/replace",
        data={"csrf_token": form_token(page.text), "reason": "분실"},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    new = ledger.cards("P1")[-1].number
    assert (ledger.card_status(card), ledger.card_balance(new)) == ("replaced", balance)
    shown = client.get(answer.headers["location"])
    assert f"{balance:,}원" in shown.text and "sheet.pdf" in shown.text
    sheet = client.get(f"/office/cards/{new}/sheet.pdf")
    assert sheet.status_code == 200 and sheet.content.startswith(b"%PDF")
    pdf = console.files / "sheet.pdf"
    pdf.write_bytes(sheet.content)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "홍*동" in text
    assert [r.action for r in ledger.audit_log(operator="lee")][:2] == ["issue_cards", "view_participant"]
    assert ledger.audit_log(action="replace", operator="lee")[0].after["new_card"] == new


def test_without_the_key_on_the_server_the_replacement_says_where_to_print(console: Console) -> None:
    ledger, card = console.office.ledger, console.office.market.cards["P2"]
    settings = LedgerSettings(ledger.database_url, "t" * 40)
    client = TestClient(create_app(ledger, settings), base_url="http://127.0.0.1")
    data = {
        "username": "lee",
        "password": PASSWORD,
        "csrf_token": form_token(client.get("/office/sign-in").text),
    }
    client.post("/office/sign-in", data=data)
    page = client.get(f"/office/cards?card={card}")
    token = form_token(page.text)
    revoked = client.post(f"/office/cards/{card}/revoke", data={"csrf_token": token, "reason": "도난"})
    assert "정지했습니다" in revoked.text and ledger.card_status(card) == "revoked"
    replaced = client.post(
        f"/office/cards/{card}/replace", data={"csrf_token": token, "reason": "도난 후 재발급"}
    )
    assert "allive-admin issue-cards --participant P2" in replaced.text and "sheet.pdf" not in replaced.text
    assert client.get(f"/office/cards/{ledger.cards('P2')[-1].number}/sheet.pdf").status_code == 409
    again = client.post(f"/office/cards/{card}/replace", data={"csrf_token": token, "reason": "x"})
    assert again.status_code == 409 and "이미 재발급되었습니다" in again.text


def test_settlement_shows_the_month_files_and_records_a_payment_once(console: Console) -> None:
    ledger = console.office.ledger
    client = console.client("lee")
    page = client.get("/office/settlement?month=2026-11")
    from sync.ledger.settlement import Period

    statement = ledger.statement("cafe1", Period.month(2026, 11))
    assert f"<strong>{statement.net:,}</strong>" in page.text and "123-***-**7890" in page.text
    assert "123-456-787890" not in page.text and "계좌 없음" in page.text
    pdf = client.get("/office/settlement/2026-11/statements/cafe1.pdf")
    csv = client.get("/office/settlement/2026-11/statements/cafe1.csv")
    bank = client.get("/office/settlement/2026-11/bank-file.csv")
    assert pdf.content.startswith(b"%PDF") and csv.content.startswith(b"\xef\xbb\xbf")
    assert "attachment" in pdf.headers["content-disposition"] and "123-456-787890" in bank.text
    assert [r.action for r in ledger.audit_log(operator="lee")][:3] == [
        "export_bank_file",
        "export_statement",
        "export_statement",
    ]
    data = {
        "csrf_token": form_token(page.text),
        "shop_id": "cafe1",
        "month": "2026-11",
        "amount": f"{statement.net:,}",
        "reference": "KB-20261126-0001",
        "paid_on": "2026-11-26",
    }
    first = client.post("/office/settlement/payment", data=data)
    assert "지급 " in first.text and "기록했습니다" in first.text and "미지급 잔액 0원" in first.text
    second = client.post("/office/settlement/payment", data=data)
    assert "이미 기록되어 있습니다" in second.text
    assert ledger.statement("cafe1", Period.month(2026, 11)).balance == 0
    assert len(ledger.payments("cafe1")) == 1
    assert ledger.audit_log(action="record_payment", operator="lee")[0].args["already_recorded"] is True
    too_much = client.post("/office/settlement/payment", data={**data, "reference": "KB-2", "amount": "1000"})
    assert too_much.status_code == 409 and 'role="alert"' in too_much.text


def test_tills_are_disabled_and_enabled_by_an_admin_only(console: Console) -> None:
    ledger = console.office.ledger
    staff = console.client("lee")
    page = staff.get("/office/shops")
    assert "cafe3-1" in page.text and "/disable" not in page.text and "123-***-**7890" in page.text
    token = form_token(page.text)
    assert (
        staff.post("/office/tills/cafe1-1/disable", data={"csrf_token": token, "reason": "x"}).status_code
        == 403
    )
    admin = console.client("kim")
    token = form_token(admin.get("/office/shops").text)
    answer = admin.post("/office/tills/cafe1-1/disable", data={"csrf_token": token, "reason": "PC 도난"})
    assert answer.status_code == 200 and "정지했습니다" in answer.text
    assert not next(t for t in ledger.tills() if t.till_id == "cafe1-1").active
    admin.post("/office/tills/cafe1-1/enable", data={"csrf_token": token})
    assert next(t for t in ledger.tills() if t.till_id == "cafe1-1").active
    assert [r.action for r in ledger.audit_log(target="cafe1-1")][:2] == ["enable_till", "disable_till"]
    assert staff.post("/office/shops/cafe2/bank", data={"csrf_token": token}).status_code == 403
    data = {
        "csrf_token": token,
        "bank": "신한",
        "account_no": "110-123-456789",
        "holder": "올리브카페 사하점",
    }
    saved = admin.post("/office/shops/cafe2/bank", data=data)
    assert "입금 계좌를 저장했습니다" in saved.text and "110-***-**6789" in saved.text
    assert "110-123-456789" not in saved.text
    audited = ledger.audit_log(action="set_shop_bank", operator="kim")[0]
    assert audited.after["account_no"] == "110-***-**6789"
    wrong = admin.post("/office/shops/cafe2/bank", data={**data, "bank": "없는은행"})
    assert wrong.status_code == 409 and "모르는 은행" in wrong.text


def test_a_disputed_claim_is_resolved_with_a_note_and_backups_are_shown(console: Console) -> None:
    ledger = console.office.ledger
    client = console.client("lee")
    page = client.get("/office/disputes")
    dispute = ledger.disputes("open")[0]
    assert "rest2-1" in page.text and "10,000" in page.text
    token = form_token(page.text)
    refused = client.post(f"/office/disputes/{dispute.id}/resolve", data={"csrf_token": token, "note": "x"})
    assert refused.status_code == 422
    done = client.post(
        f"/office/disputes/{dispute.id}/resolve",
        data={"csrf_token": token, "decision": "accept", "note": "영수증 확인"},
    )
    assert done.status_code == 200 and "승인했습니다" in done.text
    closed = ledger.disputes()[0]
    assert (closed.status, closed.resolved_by, closed.note) == ("accepted", "lee", "영수증 확인")
    assert ledger.audit_log(action="resolve_dispute")[0].operator == "lee"
    backups = client.get("/office/backups")
    assert "2026-11-26 02:00" in backups.text and "allive-2026-11-26.dump" in backups.text
    assert "7시간 전" in backups.text
    assert console.client("park").get("/office/backups").status_code == 403


def test_a_viewer_reads_the_work_pages_without_forms_and_every_post_is_refused(console: Console) -> None:
    ledger, card = console.office.ledger, console.office.market.cards["P3"]
    viewer = console.client("park")
    actions = re.compile(r'method="post" action="(?!/office/sign-out)')
    for path in (
        f"/office/cards?card={card}",
        "/office/settlement?month=2026-11",
        "/office/shops",
        "/office/disputes",
    ):
        page = viewer.get(path)
        assert page.status_code == 200 and not actions.search(page.text), path
    assert "이*희" in viewer.get(f"/office/cards?card={card}").text
    token = form_token(viewer.get("/office/dashboard").text)
    dispute = ledger.disputes("open")[0].id
    posts = {
        f"/office/cards/{card}/revoke": {"reason": "x"},
        f"/office/cards/{card}/replace": {"reason": "x"},
        "/office/settlement/payment": {
            "shop_id": "cafe1",
            "month": "2026-11",
            "amount": "1",
            "reference": "R",
        },
        "/office/tills/cafe1-1/disable": {"reason": "x"},
        "/office/shops/cafe2/bank": {"bank": "신한", "account_no": "110-123-456789", "holder": "x"},
        f"/office/disputes/{dispute}/resolve": {"decision": "reject", "note": "x"},
        "/office/participants/import": {"data": "", "min_months": "3"},
    }
    for path, data in posts.items():
        assert viewer.post(path, data={"csrf_token": token, **data}).status_code == 403, path
    for path in (
        "/office/settlement/2026-11/statements/cafe1.pdf",
        "/office/settlement/2026-11/bank-file.csv",
    ):
        assert viewer.get(path).status_code == 403, path
    assert ledger.card_status(card) == "active" and not ledger.payments()
    assert ledger.disputes("open")[0].id == dispute


def test_an_admin_adds_a_shop_enrols_a_till_and_gives_it_a_new_token(console: Console) -> None:
    ledger = console.office.ledger
    admin = console.client("kim")
    token = form_token(admin.get("/office/shops").text)
    shop = {"csrf_token": token, "shop_id": "cafe4", "name": "올리브카페 동래점", "business_no": "2208162518"}
    refused = admin.post("/office/shops/add", data=shop)
    assert refused.status_code == 409 and "사업자등록번호 2208162518" in refused.text
    added = admin.post("/office/shops/add", data={**shop, "business_no": "2208162517"})
    assert "매장 cafe4을(를) 추가했습니다" in added.text
    assert ledger.shop_header("cafe4")["business_no"] == "220-81-62517"
    enrolled = admin.post("/office/shops/cafe4/tills", data={"csrf_token": token, "till_id": "cafe4-1"})
    assert enrolled.headers["content-disposition"] == 'attachment; filename="cafe4-1.json"'
    settings = enrolled.json()
    assert settings["ledger_url"] == "http://127.0.0.1" and settings["shop_id"] == "cafe4"
    assert ledger.authenticate_till(settings["token"]).till_id == "cafe4-1"
    assert settings["token"] not in admin.get("/office/shops").text
    url = {"csrf_token": token, "ledger_url": "https://ledger.example/"}
    rotated = admin.post("/office/tills/cafe4-1/rotate", data=url).json()
    assert rotated["ledger_url"] == "https://ledger.example" and rotated["token"] != settings["token"]
    ledger.till_tokens.forget()
    assert ledger.authenticate_till(settings["token"]) is None
    assert [r.action for r in ledger.audit_log(operator="kim")][:3] == [
        "rotate_till_token",
        "enrol_till",
        "add_shop",
    ]
    staff = console.client("lee")
    token = form_token(staff.get("/office/shops").text)
    for path, data in (("/office/shops/add", shop), ("/office/shops/cafe4/tills", {"till_id": "x"})):
        assert staff.post(path, data={**data, "csrf_token": token}).status_code == 403
    assert staff.post("/office/tills/cafe4-1/rotate", data={"csrf_token": token}).status_code == 403


def test_an_admin_manages_operators_and_nobody_else_may(console: Console) -> None:
    ledger = console.office.ledger
    admin = console.client("kim")
    page = admin.get("/office/operators")
    token = form_token(page.text)
    assert page.status_code == 200 and "최담당" in page.text
    new = {"csrf_token": token, "username": "jung", "role": "staff", "display_name": "정담당"}
    differ = admin.post(
        "/office/operators/add", data={**new, "password": "a new password", "password_again": "x"}
    )
    assert differ.status_code == 409 and "비밀번호가 다릅니다" in differ.text
    short = admin.post("/office/operators/add", data={**new, "password": "short", "password_again": "short"})
    assert short.status_code == 409 and "jung" not in {o.username for o in ledger.operators()}
    added = admin.post(
        "/office/operators/add", data={**new, "password": PASSWORD, "password_again": PASSWORD}
    )
    assert "사용자 jung을(를) 추가했습니다" in added.text
    jung = console.client("jung")
    assert jung.get("/office/dashboard").status_code == 200
    assert jung.get("/office/operators").status_code == 403
    data = {"csrf_token": token, "password": "another password", "password_again": "another password"}
    assert "비밀번호를 바꾸고" in admin.post("/office/operators/jung/password", data=data).text
    assert jung.get("/office/dashboard", follow_redirects=False).status_code == 303  # its session ended
    assert "정지했습니다" in admin.post("/office/operators/jung/disable", data={"csrf_token": token}).text
    assert admin.post("/office/operators/kim/disable", data={"csrf_token": token}).status_code == 409
    assert [r.action for r in ledger.audit_log(operator="kim")][:3] == [
        "disable_operator",
        "reset_password",
        "add_operator",
    ]
    staff = console.client("lee")
    staff_token = form_token(staff.get("/office/dashboard").text)
    assert staff.post("/office/operators/park/disable", data={"csrf_token": staff_token}).status_code == 403
    assert next(o for o in ledger.operators() if o.username == "park").active
