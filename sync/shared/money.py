"""Integer won: the check every amount passes and the way receipts and statements print it."""

from __future__ import annotations


def require_won(amount: object) -> int:
    """Refuse anything that is not a whole number of won (floats, bools, strings)."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(f"money must be int won, got {type(amount).__name__}")
    return amount


def won(amount: int) -> str:
    """Format an amount as Korean receipts do: ``3,500``."""
    require_won(amount)
    return f"{amount:,}"
