"""Screenshots of the cashier's screens at 1280×800 in Korean, from a real window (run under Xvfb).

xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots.py docs/screenshots
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from pos_app.config import load_config
from pos_app.runtime import open_till
from pos_app.ui.background import pending
from pos_app.ui.main_window import MainWindow, install_translations
from pos_app.ui.payment import PaymentDialog
from pos_app.ui.refund import RefundDialog
from sync.demo import prepare, start_ledger


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
    print(f"wrote {path}")


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="allive-shots-"))
    till_file, _ = prepare(root, 8799)
    ledger = start_ledger(root, 8799)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    install_translations(app, "ko")
    runtime = open_till(load_config(till_file))
    try:
        runtime.sync.sync_now()
        window = MainWindow(runtime)
        app.installEventFilter(window.wedge)
        window.resize(1280, 800)
        window.move(0, 0)
        window.show()
        shoot(window, out / "01-sign-in.png")
        manager = next(m for m in window.roster.members() if m.role == "cashier")
        window.signed_in(manager)
        sale = window.sale
        sale.choose_category("meal")
        for sku in ("M08", "M01", "M01"):
            sale.add_item(sale.catalogue.item(sku))  # type: ignore[arg-type]
        cards = sale.demo_cards()
        sale.handle_scan(cards[0]["payload"])
        settle(app)
        shoot(window, out / "02-sale-with-card.png")

        dialog = PaymentDialog(sale.cart, sale.card, lambda t: sale.pay(t, manager.staff_id), window)
        dialog.points.setText("10000")
        dialog.received.setText("10000")
        dialog.resize(1000, 700)
        dialog.show()
        shoot(dialog, out / "03-payment-points-and-cash.png")
        dialog._complete()
        settle(app)
        if dialog.sale is not None:
            sale.finish_sale(dialog.sale)
        dialog.close()
        settle(app)
        shoot(window, out / "04-paid-with-change.png")

        sale.handle_scan(cards[-1]["payload"])  # the revoked demo card
        shoot(window, out / "05-refused-card.png")

        refund = RefundDialog(runtime.checkout, window.roster, manager, window)
        refund.sales.setCurrentRow(0)
        refund.resize(1100, 760)
        refund.show()
        shoot(refund, out / "06-refund.png")
        refund.close()

        ledger.terminate()
        ledger.wait(10)
        runtime.sync.refresh_cards(0.5)
        sale.clear_sale()
        sale.choose_category("coffee")
        sale.add_item(sale.catalogue.item("C01"))  # type: ignore[arg-type]
        sale.handle_scan(cards[1]["payload"])
        sale.refresh_status()
        shoot(window, out / "07-offline.png")
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
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
