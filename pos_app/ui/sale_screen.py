"""The sale screen: a status bar on top, products by category, the cart, the card panel, the total,
the actions, and the large 결제 완료 view after each sale."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pos_app.checkout import CardView, SaleResult
from pos_app.core.cart import Cart
from pos_app.core.catalogue import CatalogueError, Item
from pos_app.core.money import won
from pos_app.core.tenders import Tenders
from pos_app.printing.receipt import Receipt
from pos_app.receipts import PrintOutcome, receipt_for_refund, receipt_for_sale
from pos_app.runtime import TillRuntime, limits_from
from pos_app.scanning.camera import CameraScanner
from pos_app.scanning.decoder import decode_file
from pos_app.scanning.wedge import parse_card_input
from pos_app.staff import StaffMember
from pos_app.ui.after_close import AfterCloseNotice
from pos_app.ui.background import BackgroundOp
from pos_app.ui.card_panel import CardPanel
from pos_app.ui.cart_view import CartView
from pos_app.ui.messages import print_text, problem_text, refund_done_text, sale_text
from pos_app.ui.payment import PaymentDialog
from pos_app.ui.refund import RefundDialog
from pos_app.ui.theme import restyle
from pos_app.ui.widgets import MessageLine, NumberEntryDialog, big_button, clear_layout
from sync.shared.cards.token import CardRejected
from sync.shared.clock import KST


def product_columns(width: int) -> int:
    """Product buttons per row: 3 on a 1024-wide screen, more as the window widens."""
    return 3 if width < 1200 else 4 if width < 1600 else 5


class PaidView(QFrame):
    """The large 결제 완료 the participant can read across the counter: points used, the card's
    remaining balance, the change. A touch anywhere (or the next scan) dismisses it."""

    sig_dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paid-view")
        self.setProperty("paid", True)
        self.title = QLabel(self.tr("Payment complete"))
        self.title.setProperty("huge", True)
        self.lines = QLabel()
        self.lines.setObjectName("paid-lines")
        self.lines.setProperty("total", True)
        self.change = QLabel()
        self.change.setObjectName("paid-change")
        self.change.setProperty("huge", True)
        self.note = QLabel()
        self.note.setObjectName("paid-note")
        self.note.setWordWrap(True)
        hint = QLabel(self.tr("Touch the screen or scan the next card to go on."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.addStretch(1)
        for widget in (self.title, self.lines, self.change, self.note):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(widget)
        layout.addStretch(1)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(hint)
        self.hide()

    def show_result(self, result: SaleResult, note: str = "") -> None:
        assert result.payment is not None
        payment = result.payment
        lines = [self.tr("Total %1 won").replace("%1", won(payment.total))]
        if payment.points:
            lines.append(self.tr("Points used %1 won").replace("%1", won(payment.points)))
            if result.card_balance is not None:
                lines.append(self.tr("Card balance %1 won").replace("%1", won(result.card_balance)))
        if payment.bank_card:
            lines.append(self.tr("Bank card %1 won").replace("%1", won(payment.bank_card)))
        if payment.cash:
            lines.append(self.tr("Cash received %1 won").replace("%1", won(payment.cash_received)))
        self.lines.setText("\n".join(lines))
        self.change.setText(
            self.tr("Change %1 won").replace("%1", won(payment.change)) if payment.cash else ""
        )
        self.change.setVisible(bool(payment.cash))
        self.note.setText(note)
        self.note.setVisible(bool(note))
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.dismiss()
        event.accept()

    def dismiss(self) -> None:
        if self.isVisible():
            self.hide()
            self.sig_dismissed.emit()


class SaleScreen(QWidget):
    sig_lock = Signal()
    sig_manage = Signal()

    def __init__(self, runtime: TillRuntime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runtime = runtime
        self.roster, self.catalogue, self.desk = runtime.roster, runtime.catalogue, runtime.receipts
        self.checkout = runtime.checkout
        self.scan_serial = 0  # a refreshed card view applies only to the latest scan
        self.cart = Cart()
        self.card: CardView | None = None
        self.cashier: StaffMember | None = None
        self.category_id: str | None = None

        self.categories = QHBoxLayout()
        self.category_group = QButtonGroup(self)
        self.grid = QGridLayout()
        self.grid.setSpacing(10)
        grid_holder = QWidget()
        grid_holder.setLayout(self.grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_holder)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.cart_view = CartView()
        self.cart_view.sig_set_qty.connect(self.set_qty)
        self.total = QLabel()
        self.total.setProperty("total", True)
        self.total.setObjectName("total")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.card_panel = CardPanel()
        self.card_panel.limits = limits_from(runtime.journal)
        self.message = MessageLine()
        self.message.setObjectName("sale-message")
        self.message.setFixedHeight(84)  # two lines: a long message never pushes the cart around
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # The status bar, on top: who sells, online or a prominent offline badge, the last sync that
        # really happened, and the shop's clock (KST).
        self.who = QLabel()
        self.who.setObjectName("cashier")
        self.who.setProperty("heading", True)
        self.badge = QLabel()
        self.badge.setObjectName("online-badge")
        self.status = QLabel()
        self.status.setObjectName("sync-status")
        self.clock_label = QLabel()
        self.clock_label.setObjectName("clock")
        self.clock_label.setProperty("heading", True)
        self.grid_columns = 3

        pay = big_button(self.tr("Pay"), primary=True, name="pay")
        pay.setMinimumHeight(88)
        pay.clicked.connect(self.start_payment)
        clear = big_button(self.tr("Clear"), name="clear-cart")
        clear.clicked.connect(self.clear_sale)
        type_card = big_button(self.tr("Type card no."), name="type-card")
        type_card.clicked.connect(self.type_card_number)
        refund = big_button(self.tr("Refund"), name="refund")
        refund.clicked.connect(self.open_refund)
        reprint = big_button(self.tr("Reprint"), name="reprint")
        reprint.clicked.connect(self.reprint)
        manage = big_button(self.tr("Manage"), name="manage")
        manage.clicked.connect(self.sig_manage.emit)
        lock = big_button(self.tr("Lock"), name="lock")
        lock.clicked.connect(self.sig_lock.emit)
        self.camera_button = big_button(self.tr("Camera"), name="camera")
        self.camera_button.setCheckable(True)
        self.camera_button.clicked.connect(self.toggle_camera)
        self.camera: CameraScanner | None = None
        self.demo_button = big_button(self.tr("Scan a demo card"), name="demo-scan")
        self.demo_button.clicked.connect(self.show_demo_cards)
        self.demo_button.setVisible(bool(runtime.config.demo and runtime.config.extra.get("demo_cards")))

        left = QVBoxLayout()
        left.addLayout(self.categories)
        left.addWidget(scroll, 1)
        tools = QHBoxLayout()
        for button in (refund, reprint, manage, lock):
            tools.addWidget(button)
        left.addLayout(tools)
        right = QVBoxLayout()
        right.addWidget(self.card_panel)
        card_row = QHBoxLayout()
        card_row.addWidget(type_card)
        card_row.addWidget(self.camera_button)
        card_row.addWidget(self.demo_button)
        right.addLayout(card_row)
        right.addWidget(self.cart_view, 1)
        right.addWidget(self.total)
        right.addWidget(self.message)
        actions = QHBoxLayout()
        actions.addWidget(clear, 1)
        actions.addWidget(pay, 3)
        right.addLayout(actions)
        self.body = QHBoxLayout()
        self.body.addLayout(left, 1)
        self.body.addLayout(right, 1)
        top = QHBoxLayout()
        top.addWidget(self.who)
        top.addStretch(1)
        top.addWidget(self.status)
        top.addWidget(self.badge)
        top.addSpacing(12)
        top.addWidget(self.clock_label)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 4, 10, 6)
        outer.setSpacing(6)
        outer.addLayout(top)
        self.after_close = AfterCloseNotice(runtime.day_close, runtime.clock)
        outer.addWidget(self.after_close)  # only while today is already closed
        outer.addLayout(self.body, 1)
        self.paid_view = PaidView(self)

        self.status_timer = QTimer(self)
        self.status_timer.timeout.connect(self.refresh_status)
        self.status_timer.start(1000)
        self.reload_catalogue()
        self.show_cart()
        self.refresh_status()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.paid_view.setGeometry(self.rect())

    def fit_width(self, width: int, scale: float = 1.0) -> None:
        """The product grid gains columns on a wider window; the cart side keeps a readable width
        and its rows grow with the type."""
        if scale != self.cart_view.scale:
            self.cart_view.set_scale(scale)
            self.cart_view.show_cart(self.cart)
        columns = product_columns(width)
        self.body.setStretch(0, 1 if columns == 3 else 3)
        self.body.setStretch(1, 1 if columns == 3 else 2)
        if columns != self.grid_columns:
            self.grid_columns = columns
            self.show_products()

    # -- catalogue ------------------------------------------------------------------------------
    def reload_catalogue(self) -> None:
        clear_layout(self.categories)
        categories = self.catalogue.categories()
        if categories and self.category_id not in {c.category_id for c in categories}:
            self.category_id = categories[0].category_id
        for category in categories:
            button = big_button(category.name, name=f"cat-{category.category_id}")
            button.setCheckable(True)
            button.setProperty("tab", True)
            button.setChecked(category.category_id == self.category_id)
            button.clicked.connect(lambda _=False, c=category.category_id: self.choose_category(c))
            self.category_group.addButton(button)
            self.categories.addWidget(button)
        self.show_products()

    def choose_category(self, category_id: str) -> None:
        self.category_id = category_id
        for button in self.category_group.buttons():
            button.setChecked(button.objectName() == f"cat-{category_id}")
        self.show_products()

    def show_products(self) -> None:
        clear_layout(self.grid)
        items = self.catalogue.items(self.category_id) if self.category_id else self.catalogue.items()
        for index, product in enumerate(items):
            if product.open_price:
                price = self.tr("amount")
            elif product.sold_out:
                price = self.tr("sold out")
            else:
                price = f"{won(product.price)}원"
            button = big_button(f"{product.name}\n{price}", name=f"item-{product.sku}")
            button.setProperty("product", True)
            button.setEnabled(not product.sold_out)
            button.clicked.connect(lambda _=False, p=product: self.add_item(p))
            self.grid.addWidget(button, index // self.grid_columns, index % self.grid_columns)
        for row in range(self.grid.rowCount()):
            self.grid.setRowStretch(row, 0)
        self.grid.setRowStretch(len(items) // self.grid_columns + 1, 1)

    # -- the cart ---------------------------------------------------------------------------------
    def add_item(self, item: Item, price: int | None = None) -> None:
        self.paid_view.dismiss()
        if item.open_price and price is None:
            text = NumberEntryDialog.ask(
                self,
                item.name,
                self.tr("Amount for %1 (won)").replace("%1", item.name),
                max_length=9,
                money=True,
                name="amount-entry",
            )
            if text is None:
                return
            digits = parse_card_input(text.replace(",", ""))
            if not digits:
                self.message.error(self.tr("Type the amount as a number, e.g. 15000."))
                return
            price = int(digits)
        try:
            self.cart = self.cart.add(item, 1, price)
        except CatalogueError as exc:
            self.message.error(problem_text(exc))
            return
        self.message.clear_message()
        self.show_cart()

    def set_qty(self, index: int, qty: int) -> None:
        if not 0 <= index < len(self.cart.lines):
            return
        try:
            self.cart = self.cart.set_qty(index, qty)
        except CatalogueError as exc:
            self.message.error(problem_text(exc))
        self.show_cart()

    def show_cart(self) -> None:
        self.cart_view.show_cart(self.cart)
        self.total.setText(self.tr("Total %1 won").replace("%1", won(self.cart.total)))

    def clear_sale(self) -> None:
        self.cart = Cart()
        self.card = None
        self.card_panel.show_card(None)
        self.message.clear_message()
        self.show_cart()

    # -- cards ------------------------------------------------------------------------------------
    def handle_scan(self, payload: str) -> None:
        """A scan from the wedge scanner, the camera, a demo card or typed digits.

        The card shows at once from this till's snapshot; the ledger's fresher view (up to
        ``auth_timeout`` away) replaces it when it arrives, unless another card was scanned since."""
        self.paid_view.dismiss()
        if self.cashier is None:
            return  # locked: the sign-in screen says to sign in first
        digits = parse_card_input(payload)
        typed = len(digits) == 12
        checkout = self.checkout
        try:
            card = (
                checkout.lookup_number(digits, refresh=False)
                if typed
                else checkout.scan(payload, refresh=False)
            )
        except CardRejected as exc:
            self.message.error(problem_text(exc))
            return
        self.scan_serial += 1
        serial = self.scan_serial
        self.show_scanned(card)
        if checkout.link is None:
            return
        BackgroundOp(
            self, lambda: checkout.lookup_number(digits) if typed else checkout.scan(payload)
        ).on_success(lambda fresh: self.card_refreshed(serial, fresh)).on_failure(
            lambda exc: self.card_refresh_failed(serial, exc)
        ).run()

    def show_scanned(self, card: CardView) -> None:
        self.card = card
        self.card_panel.limits = limits_from(self.runtime.journal)
        self.card_panel.show_card(card)
        text = self.tr("Card read. Balance %1 won.").replace("%1", won(card.balance))
        if card.spendable_now < card.balance:
            # Not a plain green "read": the panel says why fewer points can be used now.
            text += " " + self.tr("Points usable now: %1 won.").replace("%1", won(card.spendable_now))
            self.message.show_message(text, "warn")
        else:
            self.message.ok(text)

    def card_refreshed(self, serial: int, card: CardView) -> None:
        if serial != self.scan_serial or self.card is None or self.card.number != card.number:
            return  # another card was scanned, or the sale ended, while the ledger answered
        self.show_scanned(card)

    def card_refresh_failed(self, serial: int, exc: BaseException) -> None:
        if serial != self.scan_serial or self.card is None:
            return
        if not isinstance(exc, CardRejected):
            raise exc
        # The ledger knows better than the snapshot (a card revoked since): the card is not taken.
        self.card = None
        self.card_panel.show_card(None)
        self.message.error(problem_text(exc))

    def toggle_camera(self, on: bool) -> None:
        if self.camera is None:
            self.camera = CameraScanner(self)
            self.camera.sig_decoded.connect(self.handle_scan)
        if not on:
            self.camera.stop_camera()
            return
        if not self.camera.start_camera():
            self.camera_button.setChecked(False)
            self.message.error(self.tr("No camera found. Use the scanner or type the card number."))

    def shutdown(self) -> None:
        self.status_timer.stop()
        self.after_close.stop()
        if self.camera is not None:
            self.camera.shutdown()

    def scan_image(self, path: str) -> None:
        """A photo or scan of a card (support staff, or a camera frame saved to a file)."""
        result = decode_file(path)
        if result.text is None:
            self.message.error(
                self.tr("No card could be read from this picture. Scan the card again or type its number.")
            )
            return
        self.handle_scan(result.text)

    def type_card_number(self) -> None:
        text = NumberEntryDialog.ask(
            self,
            self.tr("Card number"),
            self.tr("Type the 12 digits printed under the QR code."),
            max_length=16,
            name="card-entry",
        )
        if text and text.strip():
            self.handle_scan(text)

    def demo_cards(self) -> list[dict[str, str]]:
        path = self.runtime.config.extra.get("demo_cards")
        if not path or not Path(path).exists():
            return []
        return list(json.loads(Path(path).read_text(encoding="utf-8")))

    def show_demo_cards(self) -> None:
        menu = QMenu(self)
        for card in self.demo_cards():
            action = menu.addAction(card["label"])
            action.triggered.connect(lambda _=False, p=card["payload"]: self.handle_scan(p))
        menu.exec(self.demo_button.mapToGlobal(self.demo_button.rect().bottomLeft()))
        menu.deleteLater()

    # -- paying -------------------------------------------------------------------------------------
    def start_payment(self) -> None:
        """Only a signed-in cashier takes a payment; the sale and its receipt name that cashier."""
        member = self.cashier
        if member is None:
            return  # locked: nothing is sold until someone signs in
        if self.cart.is_empty:
            self.message.error(self.tr("Choose the items first."))
            return
        cart, card, checkout = self.cart, self.card, self.checkout
        # The dialog runs ``pay`` in a worker thread: it gets plain values, never this widget.
        dialog = PaymentDialog(
            cart,
            card,
            lambda t: checkout.pay(cart, t, card, member.staff_id),
            self,
            may_pay=lambda: self.cashier is not None,
        )
        dialog.sig_paid.connect(lambda result: self.finish_sale(result, member))
        dialog.sig_refused_after_lock.connect(lambda text: self.message.error(text))
        dialog.exec()
        dialog.release()  # one dialog per sale: none is left behind as a hidden child of the window

    def pay(self, tenders: Tenders, cashier: str) -> SaleResult:
        return self.checkout.pay(self.cart, tenders, self.card, cashier)

    def issue_receipt(self, receipt: Receipt, *, open_drawer: bool, before: str) -> None:
        """Write the PDF and print in a worker; the message line gets the outcome when it is done."""
        desk = self.desk
        BackgroundOp(self, lambda: desk.issue(receipt, open_drawer=open_drawer)).on_success(
            lambda printed: self.receipt_issued(printed, before)
        ).on_failure(lambda exc: self.receipt_failed(exc, before)).run()

    def receipt_issued(self, printed: PrintOutcome, before: str) -> None:
        if self.message.text() == before:  # nothing newer on the line: add what became of the receipt
            self.message.setText(f"{before} {print_text(printed)}")

    def receipt_failed(self, exc: BaseException, before: str) -> None:
        if not isinstance(exc, OSError):
            raise exc
        # A full disk or a locked folder: the sale stands, the cashier must know the receipt is missing.
        problem = self.tr("The receipt could not be saved: %1").replace("%1", str(exc))
        self.message.error(f"{before} {problem}".strip())

    def finish_sale(self, result: SaleResult, member: StaffMember) -> None:
        """The sale stands: the large 결제 완료 view, a clean cart, the receipt written off the UI thread."""
        assert result.entry is not None and result.payment is not None
        receipt = receipt_for_sale(
            result.entry,
            self.desk.header(),
            cashier=member.name,
            card_balance=result.card_balance,
            offline=result.mode == "offline",
        )
        change = result.payment.change
        text = self.tr("Paid. Sale %1.").replace("%1", result.sale_no or "")
        if result.payment.cash:
            text += " " + self.tr("Change %1 won.").replace("%1", won(change))
        if result.mode == "offline":
            text += " " + sale_text(result)
        self.cart = Cart()
        self.card = None
        self.card_panel.show_card(None)
        self.show_cart()
        self.message.ok(text)
        self.paid_view.show_result(result, sale_text(result) if result.mode == "offline" else "")
        self.issue_receipt(receipt, open_drawer=result.payment.cash > 0, before=self.message.text())

    def open_refund(self) -> None:
        member = self.cashier
        if member is None:
            return
        self.paid_view.dismiss()
        dialog = RefundDialog(self.checkout, self.roster, member, self)
        accepted = dialog.exec()
        outcome = dialog.outcome
        dialog.deleteLater()  # the refund was decided inside it: nothing more comes to the dialog
        if accepted and outcome is not None and outcome.entry is not None:
            refund = outcome.entry
            sale = self.runtime.journal.entry(str(refund.payload["ref"]))
            self.show_cart()  # the total line again, not the last sale's change
            if sale is not None:
                receipt = receipt_for_refund(refund, sale, self.desk.header(), cashier=member.name)
                online = self.runtime.sync.status().online
                self.message.ok(refund_done_text(outcome, online=online))
                self.issue_receipt(
                    receipt, open_drawer=bool(refund.payload["cash"]), before=self.message.text()
                )

    def reprint(self) -> None:
        if self.desk.last is None:
            self.message.error(self.tr("There is no receipt to print again yet."))
            return
        self.message.ok(self.tr("Printing the receipt again."))
        desk = self.desk
        BackgroundOp(self, desk.reprint).on_success(self.reprinted).on_failure(
            lambda exc: self.receipt_failed(exc, "")
        ).run()

    def reprinted(self, printed: PrintOutcome | None) -> None:
        if printed is not None:
            self.message.ok(print_text(printed))

    # -- status -------------------------------------------------------------------------------------
    def refresh_status(self) -> None:
        """Online or offline as the sync client last found it; the last sync that really exchanged
        something with the ledger; the time in the shop's zone (KST), whatever the PC is set to."""
        status = self.runtime.sync.status()
        last = status.last_sync.astimezone(KST).strftime("%H:%M") if status.last_sync else "-"
        self.status.setText(
            self.tr("To send: %1 · last sync %2").replace("%1", str(status.outbox)).replace("%2", last)
        )
        if status.journal_behind:
            self.badge.setText(self.tr("● Points stopped: the manager must recover this till"))
            self.badge.setProperty("badge", "offline")
        elif status.clock_wrong:
            # The ledger judges offline sales by its own time: a wrong PC clock makes them disputed.
            self.badge.setText(self.tr("● The PC clock is wrong: ask the manager to set it"))
            self.badge.setProperty("badge", "offline")
        elif status.online:
            self.badge.setText(self.tr("● Online"))
            self.badge.setProperty("badge", "online")
        else:
            self.badge.setText(self.tr("● Offline: selling continues"))
            self.badge.setProperty("badge", "offline")
        restyle(self.badge)
        self.clock_label.setText(self.runtime.clock().astimezone(KST).strftime("%H:%M"))

    def set_cashier(self, member: StaffMember | None) -> None:
        self.cashier = member
        self.who.setText(self.tr("Cashier: %1").replace("%1", member.name) if member else "")
