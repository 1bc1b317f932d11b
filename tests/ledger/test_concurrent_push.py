"""Two pushes of one till at once (the background sync and an online authorisation): the second
waits for the first and then sees everything it stored."""

from __future__ import annotations

import threading
import time

import pytest

from reliability.world import make_programme
from sync.ledger.db import uow
from sync.ledger.ingest import ingest
from sync.protocol import EntryStatus, PushRequest
from tests.ledger.conftest import TillStream, push


@pytest.mark.postgres
def test_a_push_that_waited_for_the_tills_lock_sees_what_the_first_push_stored(pg_url):

    programme = make_programme(pg_url, shops=("cafe1",), cards=1)
    ledger, card = programme.ledger, programme.cards[0]
    try:
        stream = TillStream("cafe1-1")
        first = [stream.sale(card, 1000) for _ in range(3)]
        later = [stream.sale(card, 1000) for _ in range(2)]
        holding = threading.Event()
        answers = {}

        def slow_first_push() -> None:
            with uow(ledger.engine) as conn:
                answers["first"] = ingest(conn, ledger.clock, "cafe1-1", PushRequest(entries=first))
                holding.set()
                time.sleep(0.5)  # still holding the till's row while the second push arrives

        worker = threading.Thread(target=slow_first_push)
        worker.start()
        assert holding.wait(10)
        second = push(ledger, "cafe1-1", *first, *later)  # waits for the till's row
        worker.join()
        statuses = [r.status for r in second.results]
        assert statuses == [EntryStatus.DUPLICATE] * 3 + [EntryStatus.ACCEPTED] * 2
        assert second.applied_through == 5
        assert ledger.card_balance(card) == 100_000 - 5 * 1000
        assert ledger.verify() == []
    finally:
        ledger.dispose()
