"""Seeded scenarios against the real ledger: tills across shops, cards, faults, offline periods.

One scenario enrols its own tills (each with its own SQLite journal, real ``Checkout`` and
``SyncClient``, talking to the ledger through its own ``FaultProxy``) and its own cards, then plays
a seeded list of steps: sales online and offline, refunds, syncs, offline periods, card
replacements. After every step the ledger's invariants are checked; at the end every partition
heals, every till drains, and each journal is reconciled with the ledger. Everything random comes
from the scenario's seed, and one driver thread makes every request in turn, so a seed replays the
same faults on the same requests: a failure prints ``SEED=<n>`` and the same trace comes back.
"""

from __future__ import annotations

import random
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pos_app.checkout import Checkout, SaleResult
from pos_app.core.cart import Cart
from pos_app.core.catalogue import Item
from pos_app.core.offline_rules import OfflineLimits
from pos_app.core.tenders import Tenders
from pos_app.journal.store import Journal
from reliability.invariants import Reconciliation, ledger_problems, reconcile
from reliability.proxy import FaultPlan, FaultProxy
from reliability.sales import sale
from reliability.world import Programme
from sync.client import LedgerRefused, LedgerUnavailable, SyncClient
from sync.shared.cards.keys import load_public_key_hex
from sync.shared.cards.token import CardRejected

MENU = (
    Item("C01", "아메리카노", 3000),
    Item("C02", "카페라테", 3500),
    Item("M01", "김밥", 3500),
    Item("M03", "라면", 4000),
    Item("M05", "김치찌개", 8000),
    Item("M08", "비빔밥", 8500),
    Item("M07", "제육덮밥", 9000),
)
STEP_WEIGHTS = {
    "sell_points": 50,
    "sell_cash": 8,
    "refund": 7,
    "sync": 15,
    "go_offline": 6,
    "go_online": 8,
    "replace_card": 3,
    "fault_burst": 3,
    "crash_mid_sale": 3,
    "same_card_two_tills": 6,
}


class ScenarioSyncClient(SyncClient):
    """The real sync client, with "recently failed" decided by events instead of the wall clock.

    The production client stays offline for 5 s after a failure; a replayable scenario cannot
    depend on how long a step took, so here a till stays offline until its next successful request.
    """

    def _recently_failed(self, window: float = 5.0) -> bool:
        return not self._online and bool(self._last_failure)


@dataclass
class SimTill:
    till_id: str
    shop_id: str
    journal: Journal
    client: ScenarioSyncClient
    checkout: Checkout
    proxy: FaultProxy
    approved: list[str] = field(default_factory=list)  # sale ids the till approved (for refunds)
    paid: set[str] = field(default_factory=set)  # every sale the cashier saw as paid


@dataclass(frozen=True)
class SimConfig:
    tills: int = 3
    shops: int = 2
    cards: int = 4
    steps: int = 20
    fault_rate: float = 0.15  # chance a request meets a fault (outside offline periods)
    limits: OfflineLimits = field(default_factory=OfflineLimits)


@dataclass
class ScenarioResult:
    seed: int
    trace: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    overdrafts: int = 0
    faults: int = 0
    requests: int = 0
    sales: int = 0
    lost: int = 0
    duplicated: int = 0
    server_errors: int = 0
    shortfall: int = 0

    @property
    def failed(self) -> bool:
        return bool(self.violations or self.overdrafts or self.lost or self.duplicated)

    def failure_report(self) -> str:
        lines = [f"scenario failed: SEED={self.seed} to replay", *self.violations[:20], "trace:"]
        return "\n".join(lines + [f"  {line}" for line in self.trace[-40:]])


# A test hook: called after every step with (step number, scenario rng, programme); may break things.
StepHook = Callable[[int, random.Random, Programme], None]


class Scenario:
    """One seeded scenario in a shared programme (its tills and cards are its own)."""

    def __init__(
        self,
        programme: Programme,
        ledger_port: int,
        seed: int,
        config: SimConfig = SimConfig(),
        *,
        workdir: Path | None = None,
        hook: StepHook | None = None,
        name: str | None = None,
    ) -> None:
        self.programme = programme
        self.ledger_port = ledger_port
        self.seed = seed
        self.config = config
        self.rng = random.Random(seed)
        self.hook = hook
        self.name = name or f"s{seed}"
        self.result = ScenarioResult(seed)
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self.workdir = workdir
        self.tills: list[SimTill] = []
        self.cards: list[str] = []  # index -> current card number (replacement changes it)
        self.old_cards: list[str] = []  # replaced cards whose payloads a customer may still show
        self._counting = threading.Lock()

    # -- set-up -----------------------------------------------------------------------------------
    def _setup(self) -> None:
        if self.workdir is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="allive-sim-")
            self.workdir = Path(self._tmp.name)
        ledger = self.programme.ledger
        shops = [f"{self.name}-shop{n}" for n in range(self.config.shops)]
        for shop in shops:
            ledger.add_shop(shop, f"올리브 {shop}")
        self.cards = self.programme.add_cards(self.config.cards)
        key = load_public_key_hex(self.programme.issuer_public_hex)
        plan = FaultPlan.uniform(self.config.fault_rate)
        for n in range(self.config.tills):
            till_id = f"{self.name}-t{n}"
            shop = shops[n % len(shops)]
            token = self.programme.enrol(shop, till_id)
            proxy = FaultProxy(self.ledger_port, seed=self.rng.randrange(2**32), plan=plan).start()
            journal = Journal(self.workdir / f"{till_id}.sqlite3", till_id)
            client = ScenarioSyncClient(proxy.url, till_id, token, journal, request_timeout=10.0)
            checkout = Checkout(journal, issuer_public_key=key, limits=self.config.limits, link=client)
            self.tills.append(SimTill(till_id, shop, journal, client, checkout, proxy))
        # Every till starts with a snapshot (a till "can start from nothing", but sells offline
        # only with one); a fault here just leaves the till without one, as in the field.
        for till in self.tills:
            self._sync(till, pull=True)

    def close(self) -> None:
        for till in self.tills:
            till.proxy.stop()
            till.journal.close()
        if self._tmp is not None:
            self._tmp.cleanup()

    # -- the run ----------------------------------------------------------------------------------
    def run(self) -> ScenarioResult:
        try:
            self._setup()
            for step in range(1, self.config.steps + 1):
                self._step(step)
                if self.hook is not None:
                    self.hook(step, self.rng, self.programme)
                problems, overdrafts = ledger_problems(self.programme.ledger)
                if problems:
                    self.result.violations += [f"after step {step}: {p}" for p in problems]
                    self.result.overdrafts += overdrafts
                    self.trace(f"step {step}: INVARIANT BROKEN: {problems[0]}")
                    break
            else:
                self._finish()
        finally:
            self.result.faults = sum(t.proxy.total_faults() for t in self.tills)
            self.result.requests = sum(t.proxy.requests for t in self.tills)
            self.result.server_errors = sum(t.proxy.server_errors for t in self.tills)
            self.close()
        return self.result

    def trace(self, line: str) -> None:
        self.result.trace.append(line)

    def _step(self, step: int) -> None:
        kinds = list(STEP_WEIGHTS)
        kind = self.rng.choices(kinds, weights=[STEP_WEIGHTS[k] for k in kinds])[0]
        index = self.rng.randrange(len(self.tills))
        till = self.tills[index]
        label = f"step {step}: till {index} {kind}"
        if kind in ("sell_points", "sell_cash"):
            self.trace(f"{label}: {self._sell(till, kind == 'sell_points')}")
        elif kind == "refund":
            self.trace(f"{label}: {self._refund(till)}")
        elif kind == "sync":
            self.trace(f"{label}: {self._sync(till, pull=True)}")
        elif kind == "go_offline":
            till.proxy.set_partitioned(True)
            self.trace(label)
        elif kind == "go_online":
            till.proxy.set_partitioned(False)
            self.trace(label)
        elif kind == "replace_card":
            card_index = self.rng.randrange(len(self.cards))
            old = self.cards[card_index]
            self.cards[card_index] = self.programme.replace(old)
            self.old_cards.append(old)
            self.trace(f"step {step}: office replaces card {card_index}")
        elif kind == "same_card_two_tills":
            self.trace(f"step {step}: {self._same_card_at_once()}")
        elif kind == "crash_mid_sale":
            self.trace(f"{label}: {self._crash_mid_sale(till)}")
        elif kind == "fault_burst":
            till.proxy.set_plan(FaultPlan.uniform(0.9))
            self.trace(f"{label}: {self._sell(till, True)}")
            till.proxy.set_plan(FaultPlan.uniform(self.config.fault_rate))

    def _card_label(self, number: str) -> str:
        if number in self.cards:
            return f"card {self.cards.index(number)}"
        return f"old card {self.old_cards.index(number)}"

    def _sell(self, till: SimTill, with_points: bool) -> str:
        cart = Cart()
        for _ in range(self.rng.randint(1, 2)):
            cart = cart.add(self.rng.choice(MENU))
        if not with_points:
            result = till.checkout.pay(cart, Tenders(cash_received=cart.total), None, "s001")
            return self._outcome(till, result)
        # Now and then a customer shows the card that was replaced (a "replayed" card).
        if self.old_cards and self.rng.random() < 0.15:
            number = self.rng.choice(self.old_cards)
        else:
            number = self.rng.choice(self.cards)
        try:
            card = till.checkout.scan(self.programme.payload(number))
        except CardRejected as exc:
            return f"{self._card_label(number)} refused at scan ({exc.problem.value})"
        points = cart.total if self.rng.random() < 0.8 else min(cart.total, card.spendable_now)
        if points <= 0:
            return f"{self._card_label(number)} nothing spendable ({card.source})"
        cash = cart.total - points
        result = till.checkout.pay(cart, Tenders(points=points, cash_received=cash), card, "s001")
        return f"{self._card_label(number)} {points} pts: {self._outcome(till, result)}"

    def _same_card_at_once(self) -> str:
        """Two tills take points from one card at the same moment (each online or offline as its
        link allows): online never overdraws, offline stays within the caps. Everything random is
        drawn before the two threads start; which till the ledger serves first is up to the race."""
        if len(self.tills) < 2:
            return "one till only"
        pair = self.rng.sample(self.tills, 2)
        number = self.rng.choice(self.cards)
        carts = [Cart().add(self.rng.choice(MENU)) for _ in pair]
        outcomes: list[str] = ["", ""]

        def sell(n: int) -> None:
            till = pair[n]
            try:
                card = till.checkout.scan(self.programme.payload(number))
            except CardRejected as exc:
                outcomes[n] = f"refused at scan ({exc.problem.value})"
                return
            points = carts[n].total
            result = till.checkout.pay(carts[n], Tenders(points=points), card, "s001")
            outcomes[n] = self._outcome(till, result)

        threads = [threading.Thread(target=sell, args=(n,)) for n in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        names = " / ".join(f"{t.till_id}: {o}" for t, o in zip(pair, outcomes, strict=True))
        return f"{self._card_label(number)} at two tills at once: {names}"

    def _crash_mid_sale(self, till: SimTill) -> str:
        """The till dies after journalling an online points sale, before any answer or decision;
        at the next start it settles the sale (the cashier never saw it paid)."""
        number = self.rng.choice(self.cards)
        till.journal.append(sale(self.rng.choice(MENU).price, card=number, auth="online"))
        settled = till.checkout.resolve_interrupted()
        return f"{self._card_label(number)} crash mid-sale, {len(settled)} settled at restart"

    def _outcome(self, till: SimTill, result: SaleResult) -> str:
        if result.approved and result.entry is not None:
            with self._counting:
                till.paid.add(result.entry.id)
                till.approved.append(result.entry.id)
                self.result.sales += 1
            return f"approved {result.mode}"
        return f"refused {result.mode} ({result.refusal})"

    def _refund(self, till: SimTill) -> str:
        if not till.approved:
            return "nothing to refund"
        sale_id = self.rng.choice(till.approved)
        result = till.checkout.refund(sale_id, reason="고객 요청", manager="m001", cashier="s001")
        if result.approved:
            till.approved.remove(sale_id)
            return "refunded"
        return "refund refused"

    def _sync(self, till: SimTill, *, pull: bool) -> str:
        try:
            till.client.drain()
            if pull:
                till.client.pull_snapshot()
        except LedgerUnavailable:
            return "ledger unreachable"
        except LedgerRefused as exc:
            self.result.violations.append(f"{till.till_id}: ledger refused a sync: {exc}")
            return "ledger refused"
        return "synced"

    # -- the end: heal, drain, reconcile ------------------------------------------------------------
    def _finish(self) -> None:
        for till in self.tills:
            till.proxy.heal()
        for till in self.tills:
            # A till keeps retrying until its outbox is empty; give a busy machine time.
            deadline = time.monotonic() + 60
            while till.journal.outbox_size() and time.monotonic() < deadline:
                if self._sync(till, pull=False) != "synced":
                    time.sleep(0.2)
            if till.journal.outbox_size():
                self.result.violations.append(
                    f"{till.till_id}: {till.journal.outbox_size()} entries still unsent after 60 s of a healed network"
                )
                continue
            self._check_till(reconcile(till.journal, self.programme.ledger), till)
        problems, overdrafts = ledger_problems(self.programme.ledger)
        self.result.violations += [f"at the end: {p}" for p in problems]
        self.result.overdrafts += overdrafts
        self._check_offline_bounds()
        self.trace(
            f"end: {self.result.sales} sales approved, shortfall {self.result.shortfall}, "
            f"{len(self.result.violations)} violations"
        )

    def _check_till(self, rec: Reconciliation, till: SimTill) -> None:
        # Only what the cashier saw as paid may stand in the ledger.
        unseen = [
            s.entry_id
            for s in self.programme.ledger.sales()
            if s.till_id == till.till_id and s.status == "posted" and s.entry_id not in till.paid
        ]
        self.result.duplicated += len(unseen)
        self.result.violations += [
            f"{till.till_id}: sale {i} posted but never paid at the till" for i in unseen
        ]
        chain = till.journal.verify()
        self.result.violations += [f"{till.till_id}: journal {p}" for p in chain]
        self.result.lost += len(rec.lost)
        self.result.duplicated += len(rec.duplicated)
        self.result.violations += rec.lost + rec.duplicated + rec.problems

    def _check_offline_bounds(self) -> None:
        """Offline over-spend is bounded by the caps and always lands in the shortfall account."""
        ledger = self.programme.ledger
        mine = {t.till_id for t in self.tills}
        per_card: dict[str, int] = {}
        for record in ledger.shortfalls():
            if record.till_id in mine and record.card_number:
                per_card[record.card_number] = per_card.get(record.card_number, 0) + record.amount
        bound = self.config.tills * self.config.limits.card_daily_cap
        for number, amount in per_card.items():
            self.result.shortfall += amount
            if amount > bound:
                self.result.overdrafts += 1
                self.result.violations.append(
                    f"card {self._card_label(number)} overspent {amount} offline, more than {bound}"
                )
            if ledger.card_status(number) not in ("online_only", "replaced", "revoked", "expired"):
                self.result.violations.append(
                    f"{self._card_label(number)} overspent offline but is still '{ledger.card_status(number)}'"
                )
        total_offline = sum(
            s.points for s in ledger.sales() if s.till_id in mine and s.auth in ("offline", "fallback")
        )
        if self.result.shortfall > total_offline:
            self.result.violations.append(
                f"shortfall {self.result.shortfall} exceeds all offline points {total_offline}"
            )


def run_scenario(
    programme: Programme,
    ledger_port: int,
    seed: int,
    config: SimConfig = SimConfig(),
    *,
    hook: StepHook | None = None,
    name: str | None = None,
) -> ScenarioResult:
    return Scenario(programme, ledger_port, seed, config, hook=hook, name=name).run()
