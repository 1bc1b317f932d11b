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
    office = open_office(f"sqlite:///{tmp_path_factory.mktemp('office') / 'ledger.sqlite3'}")
    with ThreadedLedgerServer(office.ledger) as server:
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
