"""The sale the benchmarks repeat: one 아메리카노 paid with points, as the till journals it."""

from __future__ import annotations

from reliability.sales import sale
from sync.shared.entries import Auth, Sale


def americano_sale(card_number: str, auth: Auth = "offline") -> Sale:
    return sale(3000, card=card_number, auth=auth)
