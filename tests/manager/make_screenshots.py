"""Screenshots of each manager screen in Korean: at 1280×800 for the README, and at other sizes
(``manager-<screen>-<size>.png``) to check the counter's 1024×768 and a 1920×1080 screen.

Run under a virtual screen (or with QT_QPA_PLATFORM=offscreen):
    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python -m tests.manager.make_screenshots
    .venv/bin/python -m tests.manager.make_screenshots 1024x768 [OUT_DIR] [today,dayclose,...]
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog

from pos_app.catalogue_store import CatalogueStore
from pos_app.checkout import Checkout
from pos_app.config import TillConfig
from pos_app.core.cart import Cart
from pos_app.core.tenders import Tenders
from pos_app.demo_catalogue import DEMO_CATEGORIES, DEMO_ITEMS
from pos_app.journal.store import Ack, Journal
from pos_app.manager import ShopSettings, ShopSettingsStore
from pos_app.runtime import TillRuntime, compose
from pos_app.staff import StaffRoster
from pos_app.ui.background import pending
from pos_app.ui.manager import ManagerWindow, install_translator
from sync.client import SyncClient
from sync.shared.cards.keys import new_issuer_key
from sync.shared.cards.number import make_card_number
from sync.shared.cards.token import CardToken, sign_card
from sync.shared.clock import KST

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
TODAY = dt.date(2026, 11, 25)


def demo_till(folder: Path) -> tuple[TillRuntime, StaffRoster, list[dt.datetime]]:
    journal = Journal(folder / "journal.sqlite3", "cafe1-1")
    issuer = new_issuer_key()
    clock = [dt.datetime.combine(TODAY - dt.timedelta(days=6), dt.time(9), tzinfo=KST).astimezone(dt.UTC)]
    checkout = Checkout(journal, issuer_public_key=issuer.public_key(), clock=lambda: clock[0])
    roster = StaffRoster(journal)
    roster.add("김매니저", "manager", "2580")
    roster.add("이계산", "cashier", "1111")
    roster.add("박책임", "supervisor", "2222")
    catalogue = CatalogueStore(journal)
    catalogue.seed(DEMO_CATEGORIES, DEMO_ITEMS)
    ShopSettingsStore(journal).save(
        ShopSettings(
            "올리브카페 해운대점",
            "220-81-62517",
            "김대표",
            "부산광역시 해운대구 좌동순환로 1",
            "051-123-4567",
            initial_float=100_000,
        ),
        by="s001",
    )
    menu = [
        i for i in catalogue.items() if not i.open_price and i.category_id in ("coffee", "bakery", "meal")
    ]
    rng = random.Random(7)
    cards = [
        {
            "number": make_card_number(n),
            "masked_name": "홍*동",
            "balance": 100_000,
            "status": "active",
            "issue": 1,
            "version": 1,
        }
        for n in range(1, 40)
    ]
    last_sale = None
    for d in range(7):
        day = TODAY - dt.timedelta(days=6 - d)
        journal.apply_snapshot(cards, d + 1, full=True, at=dt.datetime.combine(day, dt.time(8), tzinfo=KST))
        for n in range(rng.randint(25, 40) if d < 6 else 34):
            hour = rng.choice([8, 9, 11, 11, 12, 12, 12, 12, 13, 13, 14, 15, 17, 18, 18, 19])
            if d == 6 and hour > 15:
                hour = rng.choice([11, 12, 13])
            clock[0] = dt.datetime.combine(day, dt.time(hour, rng.randint(0, 59)), tzinfo=KST).astimezone(
                dt.UTC
            )
            cart = Cart()
            for item in rng.sample(menu, rng.randint(1, 3)):
                cart = cart.add(item)
            tender = rng.random()
            serial = (n % 38) + 1
            if tender < 0.45:
                payload = sign_card(CardToken(make_card_number(serial), 1, dt.date(2026, 12, 31)), issuer)
                view = checkout.scan(payload)
                points = min(cart.total, view.spendable_now)
                if points <= 0:
                    continue
                rest = cart.total - points
                result = checkout.pay(cart, Tenders(points=points, cash_received=rest), view, "s002")
            elif tender < 0.75:
                result = checkout.pay(
                    cart, Tenders(bank_card=cart.total, approval_no="30012345"), None, "s002"
                )
            else:
                result = checkout.pay(
                    cart, Tenders(cash_received=((cart.total + 9_999) // 10_000) * 10_000), None, "s003"
                )
            if result.approved:
                last_sale = result
        if d < 6:  # the day's entries reached the ledger that evening
            journal.record_acks(
                [Ack(seq, "accepted", None, None) for seq in range(1, journal.last_seq() + 1)]
            )
    assert last_sale is not None and last_sale.entry is not None
    clock[0] = dt.datetime.combine(TODAY, dt.time(15, 10), tzinfo=KST).astimezone(dt.UTC)
    refund_sale = next(
        s
        for s in reversed(checkout.recent_sales(40))
        if s.paid.cash > 0 and dt.datetime.fromisoformat(s.entry.ts).astimezone(KST).date() == TODAY
    )
    checkout.refund(
        refund_sale.entry.id,
        reason="음료가 잘못 나감",
        manager="s001",
        cashier="s002",
        amount=refund_sale.paid.cash // 2,
    )
    void_sale = checkout.recent_sales(3)[1]
    checkout.refund(
        void_sale.entry.id, reason="손님이 주문 취소", manager="s003", cashier="s002", kind="void"
    )
    config = TillConfig(
        till_id="cafe1-1", shop_id="cafe1", ledger_url="http://127.0.0.1:9", token="t" * 32,
        data_dir=str(folder), receipt_dir=str(folder / "receipts"),
    )  # fmt: skip
    runtime = compose(
        config,
        journal,
        SyncClient(config.ledger_url, "cafe1-1", config.token, journal),
        checkout,
        clock=lambda: clock[0],
    )
    return runtime, roster, clock


def sell_after_the_close(runtime: TillRuntime, clock: list[dt.datetime]) -> None:
    """The manager closes the day, then the café sells on: what the close screen shows then."""
    draft = runtime.day_close.draft(TODAY)
    cash = draft.expected_cash
    runtime.day_close.close(
        TODAY,
        {10_000: str(cash // 10_000), 1_000: str(cash % 10_000 // 1_000), 10: str(cash % 1_000 // 10)},
        reason="",
        next_float="100000",
        closed_by="s001",
    )
    clock[0] = dt.datetime.combine(TODAY, dt.time(20, 40), tzinfo=KST).astimezone(dt.UTC)
    for skus, paid_by in ((["C01", "B01"], "cash"), (["M01"], "card"), (["C02"], "cash")):
        cart = Cart()
        for sku in skus:
            cart = cart.add(runtime.catalogue.item(sku))  # type: ignore[arg-type]
        tenders = (
            Tenders(cash_received=cart.total)
            if paid_by == "cash"
            else Tenders(bank_card=cart.total, approval_no="30012345")
        )
        runtime.checkout.pay(cart, tenders, None, "s002")
        clock[0] += dt.timedelta(minutes=7)


def main(argv: list[str]) -> int:
    size = argv[1] if len(argv) > 1 else "1280x800"
    out = Path(argv[2]) if len(argv) > 2 else OUT
    shots = ["today", "dayclose", "reports", "catalogue", "staff", "settings", "dayclose-after-close"]
    wanted = set(argv[3].split(",")) if len(argv) > 3 else set(shots)
    width, height = (int(n) for n in size.split("x"))
    suffix = "" if size == "1280x800" else f"-{size}"
    app = QApplication(argv[:1])
    install_translator(app, "ko")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        runtime, roster, clock = demo_till(Path(tmp))
        # The folder question of 보고서 › CSV is answered here: the shot shows 폴더 열기 after a save.
        exports = Path(tmp) / "보고서"
        exports.mkdir()
        QFileDialog.getExistingDirectory = staticmethod(lambda *_a, **_k: str(exports))  # type: ignore[method-assign]
        manager = roster.sign_in("s001", "2580")
        window = ManagerWindow(runtime, manager)
        window.setGeometry(0, 0, width, height)
        window.show()
        for name in shots:
            window.tabs.setCurrentIndex(shots.index(name) if name in shots[:6] else 1)
            if name == "dayclose":
                screen = window.dayclose
                for value, text in {50_000: "2", 10_000: "6", 5_000: "3", 1_000: "12", 500: "1"}.items():
                    screen.count_edits[value].setText(text)
                screen.close_day()  # no reason for the difference: shows the Korean message
            if name == "reports":
                window.reports.kind_box.setCurrentIndex(window.reports.kind_box.findData("day"))
                window.reports.set_range(6)
                window.reports.export_csv()
                while pending():
                    app.processEvents()
            if name == "catalogue":
                window.catalogue_screen.select_sku("C02")
                window.catalogue_screen.price_edit.setText("-500")
                window.catalogue_screen.save_item()
            if name == "staff":
                window.staff.select("s002")
            if name == "dayclose-after-close":
                sell_after_the_close(runtime, clock)
                for edit in window.dayclose.count_edits.values():
                    edit.clear()
                window.dayclose.message.clear_message()
                window.dayclose.refresh()
            for _ in range(5):
                app.processEvents()
            if name not in wanted:
                continue
            path = out / f"manager-{name}{suffix}.png"
            window.grab().save(str(path))
            print(path)
        window.close()
        runtime.journal.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
