"""The office console in a real browser: Playwright drives Debian's chromium against the ledger's
real app served by uvicorn (the office of world.py, on SQLite). Few and fast: one office, one
browser for the module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reliability.world import ThreadedLedgerServer
from tests.office.world import PASSWORD, Office, open_office

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]


@pytest.fixture(scope="module")
def office(tmp_path_factory) -> Iterator[tuple[Office, str]]:
    files = tmp_path_factory.mktemp("office")
    office = open_office(f"sqlite:///{files / 'ledger.sqlite3'}", files=files)
    with ThreadedLedgerServer(office.ledger, issuer_key_dir=files / "keys") as server:
        yield office, server.url
    office.ledger.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM))
        yield browser
        browser.close()


@pytest.fixture
def page(browser) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    yield context.new_page()
    context.close()


def sign_in(page, base: str, username: str, password: str = PASSWORD) -> None:
    page.goto(f"{base}/office/sign-in")
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("form[action='/office/sign-in'] button")


def test_sign_in_wrong_then_right_shows_the_dashboard(office, page) -> None:
    _, base = office
    page.goto(f"{base}/office/dashboard")
    assert page.url.startswith(f"{base}/office/sign-in?next=")
    sign_in(page, base, "kim", "not the password")
    assert "로그인하지 못했습니다" in page.inner_text("[role=alert]")
    # By keyboard: the name keeps its value, Tab goes to the password, Enter sends the form.
    page.focus("#username")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "password"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/office/dashboard")
    figures = page.inner_text(".figures")
    assert "800,000원" in figures and "참여자" in figures
    assert page.locator("svg.chart rect.bar").count() >= 6 + 30  # six shops, thirty days
    assert "cafe3-1" in page.inner_text("#quiet-tills + table")


def test_five_wrong_passwords_lock_the_account(office, page) -> None:
    _, base = office
    for _ in range(5):
        sign_in(page, base, "lee", "not the password")
    sign_in(page, base, "lee")
    assert "/office/sign-in" in page.url
    assert "5번 틀리면 15분 동안 잠깁니다" in page.inner_text("[role=alert]")


def test_a_form_without_its_token_is_refused(office, page) -> None:
    ledger, base = office[0].ledger, office[1]
    sign_in(page, base, "kim")
    page.goto(f"{base}/office/alerts")
    alert = ledger.alert_list(status="open")[-1].id
    form = page.locator(f"form[action='/office/alerts/{alert}/acknowledge']")
    form.locator("input[name=csrf_token]").evaluate("input => input.remove()")
    form.locator("button").click()
    assert page.inner_text("h1") == "양식이 만료되었습니다"
    assert ledger.alert_list(status="open")[-1].id == alert


def test_a_viewer_sees_masked_names_and_no_action_buttons(office, page) -> None:
    _, base = office
    sign_in(page, base, "park")
    page.wait_for_url(f"{base}/office/dashboard")
    page.goto(f"{base}/office/participants?q=P1")
    heading = page.inner_text("main h2")
    assert "홍*동" in heading and "홍길동" not in page.inner_text("main")
    page.goto(f"{base}/office/alerts?status=all")
    assert page.locator("main table tbody tr").count() >= 3
    assert page.locator("main form[method=post]").count() == 0
    assert page.locator("nav a[href='/office/audit']").count() == 0


def test_the_audit_log_shows_the_sign_in(office, page) -> None:
    _, base = office
    sign_in(page, base, "kim")
    page.wait_for_url(f"{base}/office/dashboard")
    page.goto(f"{base}/office/audit")
    page.select_option("#action", "sign_in")
    page.fill("#operator", "kim")
    page.click("form.filters button")
    rows = page.locator("main table tbody tr")
    assert rows.count() >= 1
    first = rows.first.inner_text()
    assert "kim" in first and "sign_in" in first


def test_a_participant_list_is_previewed_then_imported(office, page, tmp_path) -> None:
    ledger, base = office[0].ledger, office[1]
    listing = tmp_path / "참여자명단.csv"
    listing.write_bytes(
        "참여자번호,이름,지역자활센터,사업단/기업,전년도참여개월,참여중\n"
        "B1,서다온,해운대,올리브카페,5,Y\nB2,문하람,사하,올리브식당,1,Y\n".encode("cp949")
    )
    sign_in(page, base, "choi")
    page.wait_for_url(f"{base}/office/dashboard")
    page.goto(f"{base}/office/participants")
    page.click("text=참여자 명단 가져오기")
    page.set_input_files("#file", str(listing))
    page.click("#preview-button")
    assert "2명 (CP949): 지급 대상 1명, 대상 아님 1명" in page.inner_text("main")
    assert "fewer than 3 months" in page.inner_text("tr.ineligible")
    assert "B1" not in {p.participant_id for p in ledger.participants()}
    page.click("#import-button")
    assert "2명을 가져왔습니다" in page.inner_text("[role=status]")
    stored = {p.participant_id: p.active for p in ledger.participants()}
    assert (stored["B1"], stored["B2"]) == (True, False)


def test_a_card_is_replaced_and_its_sheet_downloaded(office, page) -> None:
    market, base = office[0].market, office[1]
    card = market.cards["P6"]
    balance = market.ledger.card_balance(card)
    sign_in(page, base, "choi")
    page.wait_for_url(f"{base}/office/dashboard")
    page.click("nav >> text=카드")
    page.fill("#card", card)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/office/cards?card={card}")
    assert "최*영" in page.inner_text("main") and "최은영" not in page.inner_text("main")
    page.fill("#replace-reason", "분실")
    page.click("#replace-button")
    assert f"옮긴 잔액 {balance:,}원" in page.inner_text("[role=status]")
    with page.expect_download() as download:
        page.click("text=새 카드 인쇄용 PDF 내려받기")
    new = market.ledger.cards("P6")[-1].number
    assert download.value.suggested_filename == f"card-{new}.pdf"
    assert market.ledger.card_status(card) == "replaced"


def test_a_statement_is_shown_and_a_payment_recorded(office, page) -> None:
    ledger, base = office[0].ledger, office[1]
    from sync.ledger.settlement import Period

    owed = ledger.statement("rest1", Period.month(2026, 11)).balance
    sign_in(page, base, "choi")
    page.wait_for_url(f"{base}/office/dashboard")
    page.goto(f"{base}/office/settlement?month=2026-11")
    row = page.inner_text("#shop-rest1")
    assert "올리브식당" in row and f"{owed:,}" in row and "**" in row
    page.select_option("#pay-shop", "rest1")
    page.fill("#pay-amount", f"{owed:,}")
    page.fill("#pay-reference", "BUSAN-20261126-7")
    page.fill("#pay-day", "2026-11-26")
    page.click("#payment-button")
    assert "기록했습니다" in page.inner_text("#payment-answer")
    assert page.inner_text("#shop-rest1 td.num >> nth=6") == "0"
    page.select_option("#pay-shop", "rest1")
    page.fill("#pay-amount", f"{owed:,}")
    page.fill("#pay-reference", "BUSAN-20261126-7")
    page.click("#payment-button")
    assert "이미 기록되어 있습니다" in page.inner_text("#payment-answer")
    assert len(ledger.payments("rest1")) == 1


def test_a_disputed_claim_is_accepted_with_a_note(office, page) -> None:
    ledger, base = office[0].ledger, office[1]
    dispute = ledger.disputes("open")[0]
    sign_in(page, base, "choi")
    page.wait_for_url(f"{base}/office/dashboard")
    page.click("nav >> text=분쟁 청구")
    page.fill(f"#note-{dispute.id}", "매장 영수증 확인")
    page.click(f"#dispute-{dispute.id} button[value=accept]")
    assert "승인했습니다" in page.inner_text("[role=status]")
    assert ledger.disputes()[0].status == "accepted"
