"""The till's one translation layer: every code has words, Korean by default and no Korean in English."""

from __future__ import annotations

import os
import re
import threading
from enum import StrEnum

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtWidgets import QApplication

from pos_app.checkout import RefundOutcome, RefundResult, SaleOutcome
from pos_app.core.catalogue import CatalogueProblem
from pos_app.core.dayclose import DayCloseError, DayCloseProblem
from pos_app.core.offline_rules import Refusal
from pos_app.core.tenders import PaymentError, PaymentProblem
from pos_app.journal.store import JournalCorrupt
from pos_app.manager.settings import SettingsProblem
from pos_app.printing.printer_port import PrinterProblem
from pos_app.receipts import ReceiptNote
from pos_app.staff import StaffProblem
from pos_app.ui import messages
from pos_app.ui.background import BackgroundOp
from pos_app.ui.main_window import install_translations
from sync.shared.cards.token import CardProblem, CardRejected

HANGUL = re.compile("[가-힣]")
CODES: list[StrEnum] = [
    code
    for kind in (
        Refusal,
        SaleOutcome,
        RefundOutcome,
        PaymentProblem,
        CardProblem,
        CatalogueProblem,
        DayCloseProblem,
        StaffProblem,
        SettingsProblem,
        PrinterProblem,
        ReceiptNote,
    )
    for code in kind
]


@pytest.fixture
def language(qapp):
    """English (the source) unless the test asks for another language."""
    from PySide6.QtCore import QTranslator

    for left_over in qapp.findChildren(QTranslator):  # other tests' Korean must not leak in
        qapp.removeTranslator(left_over)
    installed = []

    def use(name: str) -> None:
        installed.extend(install_translations(qapp, name))

    yield use
    for translator in installed:
        qapp.removeTranslator(translator)


@pytest.mark.parametrize("code", CODES, ids=lambda c: f"{type(c).__name__}.{c.name}")
def test_every_code_has_korean_words_and_english_ones_without_korean(language, code):
    english = messages.text(code)
    assert english and not HANGUL.search(english), english
    language("ko")
    korean = messages.text(code)
    assert HANGUL.search(korean), korean


def test_codes_sharing_a_value_keep_their_own_words(language):
    language("ko")
    assert messages.text(CatalogueProblem.NAME_NEEDED) == "상품 이름을 입력하세요."
    assert messages.text(StaffProblem.NAME_NEEDED) == "이름을 입력하세요."


def test_values_fill_the_message_as_the_cashier_reads_them(language):
    language("ko")
    short = PaymentError(PaymentProblem.CASH_SHORT, short=12_500)
    assert messages.problem_text(short) == "현금이 12,500원 부족합니다. 받은 돈을 다시 입력하세요."
    count = DayCloseError(DayCloseProblem.COUNT_NOT_NUMBER, denomination=10_000)
    assert messages.problem_text(count).startswith("10,000원 지폐 개수는 숫자로만")
    assert "중지" in messages.problem_text(CardRejected(CardProblem.REVOKED))
    assert "백업" in messages.problem_text(JournalCorrupt(["sequence 2"]))
    assert messages.role_text("manager") == "매니저"
    hours = RefundResult(False, RefundOutcome.WINDOW_PASSED, values={"hours": 24, "minutes": 1440})
    assert "24시간" in messages.refund_text(hours)
    minutes = RefundResult(False, RefundOutcome.WINDOW_PASSED, values={"hours": 0, "minutes": 30})
    assert "30분" in messages.refund_text(minutes)


def test_english_mode_shows_no_korean_for_a_refusal_the_ledger_sends(language):
    from pos_app.checkout import refusal_code

    assert messages.text(refusal_code("card_daily_cap")) == messages.text(Refusal.CARD_DAILY_CAP)
    unknown = messages.text(refusal_code("something_new"))
    assert unknown and not HANGUL.search(unknown)
    assert not HANGUL.search(messages.problem_text(JournalCorrupt(["x"])))
    assert not HANGUL.search(messages.text(ReceiptNote.SAVED_AS_PDF))


def test_dialog_buttons_are_korean_in_korean_mode(qtbot, language):
    from PySide6.QtWidgets import QInputDialog, QPushButton

    language("ko")
    dialog = QInputDialog()
    qtbot.addWidget(dialog)
    dialog.setLabelText("PIN")
    dialog.show()
    texts = {b.text().replace("&", "") for b in dialog.findChildren(QPushButton)}
    assert {"확인", "취소"} <= texts


def test_background_work_reports_back_on_the_ui_thread(qtbot):
    from PySide6.QtWidgets import QWidget

    owner = QWidget()
    qtbot.addWidget(owner)
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = threading.current_thread()
        return 42

    def done(value: int) -> None:
        seen["value"], seen["delivered"] = value, threading.current_thread()

    BackgroundOp(owner, work).on_success(done).run()
    qtbot.waitUntil(lambda: "value" in seen)
    assert seen["value"] == 42
    assert seen["worker"] is not threading.main_thread()
    assert seen["delivered"] is threading.main_thread()

    def fail() -> int:
        raise OSError("disk full")

    BackgroundOp(owner, fail).on_failure(lambda exc: seen.update(failed=exc)).run()
    qtbot.waitUntil(lambda: "failed" in seen)
    assert isinstance(seen["failed"], OSError)
    assert QApplication.instance() is not None


def test_garbage_cycles_are_collected_on_the_ui_thread_once_work_runs_in_workers(qtbot):
    """A cycle holding Qt wrappers must never be finalised by a worker thread (Qt crashes): once
    background work has run, the automatic collector is off and a timer collects on the UI thread."""
    import gc
    import weakref

    from PySide6.QtWidgets import QWidget

    owner = QWidget()
    qtbot.addWidget(owner)
    BackgroundOp(owner, lambda: sum(len(str(n)) for n in range(50_000))).run()
    assert not gc.isenabled()

    class Node:
        def __init__(self) -> None:
            self.me = self

        def __del__(self) -> None:
            finalised.append(threading.current_thread())

    finalised: list[threading.Thread] = []
    node = Node()
    ref = weakref.ref(node)
    del node
    assert ref() is not None  # only the collector frees a cycle
    qtbot.waitUntil(lambda: ref() is None, timeout=3000)
    assert finalised == [threading.main_thread()]
