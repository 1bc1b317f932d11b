"""Hypothesis stateful test of ledger ingest: resends, gaps and any push order end where one in-order push ends.

Two real ledgers receive the same till entries: one in random subsets, shuffled, repeated, with
gaps; the reference once and in order. After every step the faulty one keeps its invariants; when
everything has been pushed, both hold the same balances and the same outcome for every sale.
Each card is spent at one till only, so the outcome cannot depend on how two tills interleave.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
import uuid
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from reliability import sales
from reliability.world import make_programme
from sync.protocol import EntryStatus, PushRequest, WireEntry
from sync.shared.chain import GENESIS_HASH, entry_hash

TILLS = ("cafe1-1", "cafe1-2")


class IngestMachine(RuleBasedStateMachine):
    @initialize()
    def setup(self) -> None:
        self._tmp = tempfile.TemporaryDirectory(prefix="allive-stateful-")
        base = Path(self._tmp.name)
        self.faulty = make_programme(
            f"sqlite:///{base / 'faulty.sqlite3'}", grant_amount=20_000, tills_per_shop=2, cards=4
        )
        self.reference = make_programme(
            f"sqlite:///{base / 'ref.sqlite3'}", grant_amount=20_000, tills_per_shop=2, cards=4
        )
        assert self.faulty.cards == self.reference.cards
        self.cards = self.faulty.cards
        self.entries: dict[str, list[WireEntry]] = {t: [] for t in TILLS}
        self.sales: dict[str, list[WireEntry]] = {t: [] for t in TILLS}

    def teardown(self) -> None:
        if hasattr(self, "faulty"):
            self.faulty.ledger.dispose()
            self.reference.ledger.dispose()
            self._tmp.cleanup()

    def _append(self, till: str, type_: str, payload: dict) -> WireEntry:
        chain = self.entries[till]
        body: dict[str, Any] = {
            "id": str(uuid.uuid4()),
            "till_id": till,
            "seq": len(chain) + 1,
            "ts": dt.datetime.now(dt.UTC).isoformat(timespec="microseconds"),
            "type": type_,
            "payload": payload,
            "prev_hash": chain[-1].hash if chain else GENESIS_HASH,
        }
        entry = WireEntry(**body, hash=entry_hash(**body))
        chain.append(entry)
        return entry

    @rule(
        till=st.integers(0, 1),
        card=st.integers(0, 1),
        points=st.sampled_from([0, 3000, 8000, 15000]),
        auth=st.sampled_from(["online", "offline"]),
        answer=st.sampled_from([None, "sale_rejected", "sale_fallback", "sale_cancelled"]),
    )
    def sell(self, till: int, card: int, points: int, auth: str, answer: str | None) -> None:
        """A sale as the till journals it: an online one may be followed at once by what the till decided."""
        number = self.cards[till * 2 + card]  # cards 0,1 at till 0; cards 2,3 at till 1
        payload = sales.sale(
            points,
            cash=1000,
            card=number if points else None,
            auth=auth if points else "none",  # type: ignore[arg-type]
        ).to_payload()
        sale = self._append(TILLS[till], "sale", payload)
        if points and auth == "online" and answer is not None:
            self._append(TILLS[till], answer, {"ref": sale.id, "reason": "test"})
            if answer != "sale_fallback":
                return  # a refused or cancelled sale is never refunded by the till
        self.sales[TILLS[till]].append(sale)

    @precondition(lambda self: any(self.sales.values()))
    @rule(data=st.data())
    def refund(self, data) -> None:
        till = data.draw(st.sampled_from([t for t in TILLS if self.sales[t]]))
        sale = data.draw(st.sampled_from(self.sales[till]))
        p = sale.payload
        self._append(
            till,
            "refund",
            {
                "ref": sale.id,
                "points": p["points"],
                "cash": p["cash"],
                "bank_card": 0,
                "reason": "고객 요청",
                "manager": "m001",
                "cashier": "s001",
                "card": p["card"],
            },
        )

    @precondition(lambda self: any(self.entries.values()))
    @rule(data=st.data())
    def push_some(self, data) -> None:
        till = data.draw(st.sampled_from([t for t in TILLS if self.entries[t]]))
        chain = self.entries[till]
        chosen = data.draw(st.lists(st.sampled_from(chain), min_size=1, max_size=8))
        random.Random(data.draw(st.integers(0, 2**16))).shuffle(chosen)
        response = self.faulty.ledger.ingest(till, PushRequest(entries=chosen))
        assert all(r.status is not EntryStatus.INVALID for r in response.results), response

    @invariant()
    def ledger_is_sound(self) -> None:
        if hasattr(self, "faulty"):
            assert self.faulty.ledger.verify() == []
            assert all(b.balance >= 0 for b in self.faulty.ledger.balances() if b.kind == "card")

    def teardown_check(self) -> None:
        for till in TILLS:
            chain = self.entries[till]
            if chain:
                done = self.faulty.ledger.ingest(till, PushRequest(entries=chain))
                assert done.applied_through == len(chain)
                self.reference.ledger.ingest(till, PushRequest(entries=chain))
        assert self.faulty.ledger.balances() == self.reference.ledger.balances()
        faulty = {(s.entry_id, s.status, s.shortfall, s.refunded_points) for s in self.faulty.ledger.sales()}
        reference = {
            (s.entry_id, s.status, s.shortfall, s.refunded_points) for s in self.reference.ledger.sales()
        }
        assert faulty == reference
        assert self.reference.ledger.verify() == []

    @precondition(lambda self: any(self.entries.values()))
    @rule()
    def push_everything_and_compare(self) -> None:
        self.teardown_check()


IngestMachine.TestCase.settings = settings(
    max_examples=20, stateful_step_count=12, deadline=None, suppress_health_check=list(HealthCheck)
)
test_ingest_in_any_order_ends_like_in_order = IngestMachine.TestCase


def test_a_cancel_after_a_refund_does_not_pay_the_card_twice(tmp_path):
    programme = make_programme(f"sqlite:///{tmp_path / 'l.sqlite3'}", grant_amount=20_000, cards=1)
    try:
        machine = IngestMachine.__new__(IngestMachine)
        machine.entries = {t: [] for t in TILLS}
        till, number = TILLS[0], programme.cards[0]
        sale = machine._append(
            till,
            "sale",
            sales.sale(3000, card=number, auth="online", cashier="s").to_payload(),
        )
        machine._append(
            till,
            "refund",
            {
                "ref": sale.id,
                "points": 3000,
                "cash": 0,
                "bank_card": 0,
                "reason": "r",
                "manager": "m",
                "cashier": "s",
                "card": None,
            },
        )
        machine._append(till, "sale_cancelled", {"ref": sale.id, "reason": "timeout"})
        programme.ledger.ingest(till, PushRequest(entries=machine.entries[till]))
        assert programme.ledger.card_balance(number) == 20_000
        assert programme.ledger.verify() == []
    finally:
        programme.ledger.dispose()
