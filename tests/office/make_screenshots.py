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
        office = open_office(f"sqlite:///{Path(tmp) / 'ledger.sqlite3'}")
        with ThreadedLedgerServer(office.ledger) as server, sync_playwright() as pw:
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
