"""A balanced transaction as a value, and the names of the ledger's accounts (no database here)."""

from __future__ import annotations

from dataclasses import dataclass

SHORTFALL = "shortfall"
# Offline claims the rules did not allow and the office accepted are paid from here (disputed ->
# shop): its balance is minus what the fund paid on accepted claims.
DISPUTED = "disputed"

# One move: (account name, signed amount in won). Negative takes from the account, positive adds.
Move = tuple[str, int]


def card_account(number: str) -> str:
    return f"card:{number}"


def shop_account(shop_id: str) -> str:
    return f"shop:{shop_id}"


def settled_account(shop_id: str) -> str:
    return f"settled:{shop_id}"


def fund_account(year: int) -> str:
    return f"fund:{year}"


class UnbalancedTransaction(AssertionError):
    """A programming error: money would be created or destroyed. Never caught."""


@dataclass(frozen=True)
class Transaction:
    """Moves of one event that sum to zero; moves of zero won are dropped when built with ``of``."""

    kind: str
    entry_id: str | None
    moves: tuple[Move, ...]
    memo: str = ""

    def __post_init__(self) -> None:
        if sum(amount for _, amount in self.moves) != 0:
            raise UnbalancedTransaction(f"unbalanced postings {self.moves}")

    @classmethod
    def of(cls, kind: str, entry_id: str | None, moves: list[Move], memo: str = "") -> Transaction:
        return cls(kind, entry_id, tuple((account, amount) for account, amount in moves if amount), memo)

    @property
    def empty(self) -> bool:
        return not self.moves
