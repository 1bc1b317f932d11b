"""Screenshots of the office console for the README: docs/screenshots/office-*.png at 1366x768.

    .venv/bin/python -m tests.office.make_screenshots [OUT_DIR] [WIDTHxHEIGHT]

Builds the office of tests/office/world.py on a temporary SQLite file, serves the real ledger app
in a thread, and drives Debian's chromium with Playwright.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from reliability.world import ThreadedLedgerServer
from sync.ledger.settlement import Period
from tests.office.world import PASSWORD, open_office

CHROMIUM = "/usr/bin/chromium"


def sign_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/office/sign-in")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/office/dashboard")


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
    width, height = (int(n) for n in (sys.argv[2] if len(sys.argv) > 2 else "1366x768").split("x"))
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        files = Path(tmp)
        office = open_office(f"sqlite:///{files / 'ledger.sqlite3'}", files=files)
        listing = files / "참여자명단.csv"
        listing.write_bytes(
            (
                "참여자번호,이름,전화,지역자활센터,사업단/기업,전년도참여개월,참여중\n"
                "B01,서다온,010-1234-5678,해운대,올리브카페,9,Y\n"
                "B02,문하람,,사하,올리브식당,2,Y\n"
                "B03,배이안,,북구,올리브분식,11,N\n"
                "B04,황보새롬,,해운대,올리브세탁,6,Y\n"
                "B05,조은결,,사하,올리브식품,12,Y\n"
            ).encode("cp949")
        )
        keys = files / "keys"
        with ThreadedLedgerServer(office.ledger, issuer_key_dir=keys) as server, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM)
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(f"{server.url}/office/sign-in")
            page.fill("#username", "kim")
            page.screenshot(path=out / "office-sign-in.png")
            sign_in(page, server.url, "kim")
            page.screenshot(path=out / "office-dashboard.png")
            page.goto(f"{server.url}/office/alerts")
            page.screenshot(path=out / "office-alerts.png")
            page.goto(f"{server.url}/office/audit")
            page.screenshot(path=out / "office-audit.png")
            page.goto(f"{server.url}/office/participants/import")
            page.set_input_files("#file", str(listing))
            page.click("#preview-button")
            page.screenshot(path=out / "office-import-preview.png")
            card = office.market.cards["P6"]
            page.goto(f"{server.url}/office/cards?card={card}")
            page.screenshot(path=out / "office-card.png")
            page.fill("#replace-reason", "분실 신고")
            page.click("#replace-button")
            page.screenshot(path=out / "office-card-replaced.png")
            page.goto(f"{server.url}/office/settlement?month=2026-11")
            page.select_option("#pay-shop", "cafe1")
            owed = office.ledger.statement("cafe1", Period.month(2026, 11)).balance
            page.fill("#pay-amount", f"{owed:,}")
            page.fill("#pay-reference", "KB-20261126-0001")
            page.click("#payment-button")
            page.screenshot(path=out / "office-settlement.png")
            page.goto(f"{server.url}/office/shops")
            page.screenshot(path=out / "office-shops.png")
            page.goto(f"{server.url}/office/disputes")
            page.screenshot(path=out / "office-disputes.png")
            page.goto(f"{server.url}/office/backups")
            page.screenshot(path=out / "office-backups.png")
            page.goto(f"{server.url}/office/operators")
            page.screenshot(path=out / "office-operators.png")
            viewer = browser.new_page(viewport={"width": width, "height": height})
            sign_in(viewer, server.url, "park")
            viewer.goto(f"{server.url}/office/participants?q=홍길동")
            viewer.screenshot(path=out / "office-participants-viewer.png")
            viewer.goto(f"{server.url}/office/participants")
            viewer.screenshot(path=out / "office-participants.png")
            browser.close()
        office.ledger.dispose()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
