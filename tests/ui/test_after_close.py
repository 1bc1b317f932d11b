"""Selling after the day close: the sale screen says so before the sale is taken, and the sale is one
the close does not hold (the day-close screen lists it)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from sync.shared.clock import KST, business_day_of
from tests.ui.conftest import background_done, button, when_modal
from tests.ui.test_counter import add, inside, signed_in


def click(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_the_sale_screen_warns_once_today_is_closed_and_the_sale_is_listed_after_the_close(qtbot, till):
    signed_in(qtbot, till)
    notice = till.sale.after_close
    now = till.runtime.clock()
    notice.clock = lambda: now  # one business day for the whole test, even at midnight
    day = business_day_of(now)
    notice.refresh()
    assert notice.isHidden()

    _, close = till.runtime.day_close.close(day, {}, reason="시험 마감", next_float="0", closed_by="s001")
    notice.refresh()  # what returning from 관리 does; a timer also looks every 30 s
    assert notice.isVisible()
    at = dt.datetime.fromisoformat(close.ts).astimezone(KST).strftime("%H:%M")
    assert f"오늘 영업은 {at}에 이미 마감했습니다" in notice.text()
    assert "마감 보고서에는 빠집니다" in notice.text() and "다시 마감" in notice.text()
    assert notice.property("message") == "warn"

    # Everything the cashier needs still fits a 1024×768 screen with the notice on top.
    till.window.resize(1000, 680)
    qtbot.wait(50)
    for name in ("pay", "clear-cart", "manage"):
        assert inside(button(till.sale, name), till.window), name
    assert inside(till.sale.total, till.window)

    # Selling is not refused: the sale is one the close does not hold.
    add(qtbot, till, "coffee", "C01")
    when_modal(
        qtbot,
        lambda dialog: (
            click(qtbot, button(dialog, "quick-1")),
            click(qtbot, button(dialog, "pay-complete")),
        ),
    )
    click(qtbot, button(till.sale, "pay"))
    background_done(qtbot)
    sale = till.runtime.journal.entries(types=["sale"])[-1]
    after = till.runtime.day_close.after_close(day)
    assert after is not None and [s.sale_no for s in after.sales] == [f"{sale.till_id}-{sale.seq:06d}"]
    assert notice.isVisible()

    # The next business day has no close: the notice goes.
    notice.clock = lambda: now + dt.timedelta(days=1)
    notice.refresh()
    assert notice.isHidden()
