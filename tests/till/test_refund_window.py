"""The refund window comes from the limits the ledger sent (``TillLimits.refund_window_minutes``)."""

from __future__ import annotations

import datetime as dt

from pos_app.checkout import Checkout, RefundOutcome
from pos_app.config import TillConfig
from pos_app.core.cart import Cart
from pos_app.core.catalogue import Item
from pos_app.core.tenders import Tenders
from pos_app.runtime import open_till, refund_window_from
from sync.protocol import TillLimits

KIMCHI = Item("M05", "김치찌개", 8000)


def ledger_sends(journal, minutes: int) -> None:
    """What the sync client stores from a snapshot's limits."""
    journal.set_setting("limits", TillLimits(refund_window_minutes=minutes).model_dump_json())


def test_the_window_is_24_hours_until_the_ledger_sends_one(till):
    assert refund_window_from(till.journal) == dt.timedelta(hours=24)
    ledger_sends(till.journal, 90)
    assert refund_window_from(till.journal) == dt.timedelta(minutes=90)


def test_a_refund_is_refused_after_the_ledgers_window_and_taken_within_it(till):
    checkout = Checkout(till.journal, refund_window=lambda: refund_window_from(till.journal))
    ledger_sends(till.journal, 30)
    first = checkout.pay(Cart().add(KIMCHI), Tenders(cash_received=8000), None, "s001")
    second = checkout.pay(Cart().add(KIMCHI), Tenders(cash_received=8000), None, "s001")
    till.clock[0] += dt.timedelta(minutes=31)
    late = checkout.refund(first.entry.id, reason="late", manager="s002", cashier="s001")
    assert not late.approved and late.code is RefundOutcome.WINDOW_PASSED
    assert late.values["minutes"] == 30
    # The office widens the window: the next snapshot's limits apply at once, no restart.
    ledger_sends(till.journal, 120)
    assert checkout.refund(second.entry.id, reason="late", manager="s002", cashier="s001").approved


def test_the_composed_till_reads_the_window_from_the_ledgers_limits(tmp_path):
    config = TillConfig(
        till_id="cafe1-1",
        shop_id="cafe1",
        ledger_url="http://127.0.0.1:9",
        token="t" * 32,
        data_dir=str(tmp_path),
    )
    runtime = open_till(config, start_sync=False)
    try:
        assert runtime.checkout.refund_window() == dt.timedelta(hours=24)
        ledger_sends(runtime.journal, 45)
        assert runtime.checkout.refund_window() == dt.timedelta(minutes=45)
    finally:
        runtime.close()
