"""Screenshots of the cashier's screens in Korean, from a real window filling the screen (run under Xvfb).

xvfb-run -a -s "-screen 0 1024x768x24" .venv/bin/python scripts/screenshots.py docs/screenshots 1024x768
xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/screenshots.py docs/screenshots 1920x1080

Each file is named ``cashier-<screen>-<size>.png`` and saved with a 256-colour palette to stay small.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from pos_app.config import load_config
from pos_app.runtime import open_till
from pos_app.ui.background import pending
from pos_app.ui.main_window import MainWindow, install_translations
from pos_app.ui.payment import PaymentDialog
from pos_app.ui.refund import RefundDialog
from pos_app.ui.signin import ManagerSignInDialog
from pos_app.ui.widgets import NumberEntryDialog
from sync.demo import prepare, start_ledger
from sync.shared.clock import business_day_of


def settle(app: QApplication) -> None:
    """Let background work (the card refresh, the payment, the receipt) report back first."""
    while pending():
        app.processEvents()
        time.sleep(0.01)


def shoot(widget: QWidget, path: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for _ in range(10):
        app.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    screen = app.primaryScreen()
    picture = screen.grabWindow(0) if screen is not None else widget.grab()
    if picture.isNull() or picture.width() < 100:
        picture = widget.grab()
    picture.save(str(path))
    Image.open(path).convert("RGB").quantize(colors=256).save(path, optimize=True)
    print(f"wrote {path}")


def main(out: Path, size: str = "1024x768") -> int:
    out.mkdir(parents=True, exist_ok=True)
    width, height = (int(n) for n in size.split("x"))
    root = Path(tempfile.mkdtemp(prefix="allive-shots-"))
    till_file, _ = prepare(root, 8799)
    ledger = start_ledger(root, 8799)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    install_translations(app, "ko")
    runtime = open_till(load_config(till_file))

    def name(screen: str) -> Path:
        return out / f"cashier-{screen}-{size}.png"

    try:
        runtime.sync.sync_now()
        window = MainWindow(runtime)
        app.installEventFilter(window.wedge)
        window.setGeometry(0, 0, width, height)  # no window manager under Xvfb: fill the screen
        window.show()
        shoot(window, name("01-sign-in"))
        cashier = next(m for m in window.roster.members() if m.role == "cashier")
        window.signed_in(cashier)
        sale = window.sale
        sale.choose_category("meal")
        for sku in ("M08", "M01", "M01"):
            sale.add_item(sale.catalogue.item(sku))  # type: ignore[arg-type]
        cards = sale.demo_cards()
        sale.handle_scan(cards[0]["payload"])
        settle(app)
        shoot(window, name("02-sale-with-card"))

        dialog = PaymentDialog(sale.cart, sale.card, lambda t: sale.pay(t, cashier.staff_id), window)
        dialog.sig_paid.connect(lambda result: sale.finish_sale(result, cashier))
        dialog.points.setText("10000")
        dialog.received.setText("10000")
        dialog.show()
        dialog.received.setFocus()
        shoot(dialog, name("03-payment-points-and-cash"))
        dialog._complete()
        settle(app)
        dialog.close()
        settle(app)
        shoot(window, name("04-paid-with-change"))
        sale.paid_view.dismiss()

        sale.handle_scan(cards[-1]["payload"])  # the revoked demo card
        shoot(window, name("05-refused-card"))

        typed = NumberEntryDialog(
            window, sale.tr("Card number"), sale.tr("Type the 12 digits printed under the QR code.")
        )
        typed.field.setText("1234")
        typed.show()
        shoot(typed, name("06-card-number-pad"))
        typed.close()

        refund = RefundDialog(runtime.checkout, window.roster, cashier, window)
        refund.sales.setCurrentRow(0)
        refund.amount.setText("2000")
        refund.show()
        shoot(refund, name("07-refund"))
        refund.close()
        managers = [m for m in window.roster.members() if m.role == "manager"]
        who = ManagerSignInDialog(window.roster, managers, window)
        who.show()
        shoot(who, name("08-manager-sign-in"))
        who.close()

        ledger.terminate()
        ledger.wait(10)
        runtime.sync.refresh_cards(0.5)
        sale.clear_sale()
        sale.choose_category("coffee")
        sale.add_item(sale.catalogue.item("C01"))  # type: ignore[arg-type]
        sale.handle_scan(cards[1]["payload"])
        sale.refresh_status()
        shoot(window, name("09-offline"))
        digits = "".join(ch for ch in cards[1]["label"] if ch.isdigit())
        if digits:
            sale.handle_scan(digits)  # typed by hand while offline: the panel says why no points
            shoot(window, name("10-offline-typed-number"))
        # Selling on after the manager closed the day: the notice on top says what that means.
        runtime.day_close.close(
            business_day_of(runtime.clock()),
            {},
            reason="데모",
            next_float="0",
            closed_by=managers[0].staff_id,
        )
        sale.clear_sale()
        sale.add_item(sale.catalogue.item("C02"))  # type: ignore[arg-type]
        sale.after_close.refresh()
        shoot(window, name("11-selling-after-the-close"))
        QTimer.singleShot(0, app.quit)
        for widget in app.topLevelWidgets():
            if isinstance(widget, QDialog):
                widget.close()
    finally:
        runtime.close()
        if ledger.poll() is None:
            ledger.terminate()
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(
        main(
            Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"),
            sys.argv[2] if len(sys.argv) > 2 else "1024x768",
        )
    )
