"""The harness tests itself: each planted bug, in the ledger or in the till, must make a scenario fail.

A harness that passes a broken system proves nothing. Each plant below breaks one promise the way a
real bug would (patched in this process: the ledger serves from a thread here, the tills are real
``Checkout`` objects); the seeded simulation then runs against it until a scenario fails. A plant
that survives every scenario is a blind spot of the harness, and the run fails.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, replace
from typing import Any
from unittest import mock

from pos_app.checkout import Checkout
from reliability.simulation import SimConfig, run_scenario
from reliability.world import ThreadedLedgerServer, make_programme
from sync.ledger import rules
from sync.ledger.transaction import SHORTFALL, Transaction


def _wrap(name: str, change: Callable[[Any], Any]) -> AbstractContextManager[Any]:
    original = getattr(rules, name)

    def planted(*args: Any, **kwargs: Any) -> Any:
        return change(original(*args, **kwargs))

    return mock.patch.object(rules, name, planted)


def double_posting() -> AbstractContextManager[Any]:
    """Every sale's postings written twice."""
    return _wrap("apply_sale", lambda d: replace(d, transactions=d.transactions * 2))


def no_cancel_after_crash() -> AbstractContextManager[Any]:
    """A till that never cancels a sale a crash interrupted before its answer."""
    return mock.patch.object(Checkout, "resolve_interrupted", lambda self: [])


@contextmanager
def shortfall_instead_of_card() -> Iterator[None]:
    """Offline sales charged wholly to the fund's shortfall while the card keeps its points."""
    original = rules.take_offline

    def planted(books: rules.Books, *args: Any) -> Any:
        return original(replace(books, balances={}), *args)

    with mock.patch.object(rules, "take_offline", planted):
        yield


def cancel_without_reversal() -> AbstractContextManager[Any]:
    """A cancellation that marks the sale cancelled but moves no money back."""
    return _wrap("apply_cancel", lambda d: replace(d, transactions=()))


def _no_shop(txn: Transaction) -> Transaction:
    moves = [(SHORTFALL if account.startswith("shop:") else account, amount) for account, amount in txn.moves]
    return Transaction.of(txn.kind, txn.entry_id, moves, txn.memo)


def card_debit_without_shop_credit() -> AbstractContextManager[Any]:
    """Points taken from the card that never reach the shop."""
    return _wrap("apply_sale", lambda d: replace(d, transactions=tuple(_no_shop(t) for t in d.transactions)))


PLANTS: dict[str, Callable[[], AbstractContextManager[Any]]] = {
    "double posting": double_posting,
    "no cancellation after a crash": no_cancel_after_crash,
    "offline sale charged wholly to shortfall": shortfall_instead_of_card,
    "cancellation that does not reverse": cancel_without_reversal,
    "card debited without a shop credit": card_debit_without_shop_credit,
}


# Longer scenarios with more faults than the main run: more crashes, cancellations and fallbacks.
SELFTEST_CONFIG = SimConfig(steps=30, fault_rate=0.3)


@dataclass(frozen=True)
class PlantResult:
    name: str
    caught: bool
    scenarios: int  # how many scenarios ran before it was caught (or all of them)
    evidence: str


def run_selftest(
    database: Callable[[str], AbstractContextManager[str]],
    seeds: list[int],
    config: SimConfig = SELFTEST_CONFIG,
    grant: int = 20_000,
) -> list[PlantResult]:
    """Run the simulation against each plant (on a fresh ledger) until a scenario fails."""
    results = []
    for name, plant in PLANTS.items():
        caught, ran, evidence = False, 0, "survived every scenario"
        with database(name.replace(" ", "_")[:20]) as url:
            programme = make_programme(url, grant_amount=grant, shops=())
            try:
                with ThreadedLedgerServer(programme.ledger) as server, plant():
                    for seed in seeds:
                        ran += 1
                        result = run_scenario(programme, server.port, seed, config, name=f"p{ran}s{seed}")
                        if result.failed:
                            caught = True
                            evidence = (
                                result.violations or [f"{result.lost} lost, {result.duplicated} twice"]
                            )[0]
                            break
            finally:
                programme.ledger.dispose()
        results.append(PlantResult(name, caught, ran, evidence))
    return results
