"""Programme years kept apart: each year's fund pays only that year's cards, and an expired year's
cards hold nothing (verify proves both); init-programme refuses a last day in the past."""

from __future__ import annotations

import datetime as dt

import pytest

from reliability.world import EXPIRES, YEAR
from sync.ledger.db import uow
from sync.ledger.postings import post
from sync.ledger.service import Ledger, LedgerError
from sync.ledger.transaction import Transaction
from sync.shared.cards.keys import new_issuer_key, public_key_hex


def test_a_grant_of_the_next_year_goes_on_a_new_card_of_that_year(programme):
    ledger = programme.ledger
    ledger.create_programme(YEAR + 1, 50_000, dt.date(YEAR + 2, 12, 31), public_key_hex(new_issuer_key()))
    granted = ledger.grant(YEAR + 1)
    assert {g.card_number for g in granted}.isdisjoint(programme.cards)
    assert all(ledger.card_balance(g.card_number) == 50_000 for g in granted)
    assert all(ledger.card_balance(number) == 100_000 for number in programme.cards)
    assert ledger.grant(YEAR + 1) == []  # once a year
    assert ledger.verify() == []


def test_verify_finds_a_fund_paying_another_years_card_and_points_left_after_expiry(programme):
    ledger = programme.ledger
    ledger.create_programme(YEAR + 1, 50_000, dt.date(YEAR + 2, 12, 31), public_key_hex(new_issuer_key()))
    with uow(ledger.engine) as conn:  # next year's money on this year's card
        post(
            conn,
            ledger.clock,
            Transaction.of("grant", None, [(f"fund:{YEAR + 1}", -10), (f"card:{programme.cards[0]}", 10)]),
        )
    assert any(f"fund {YEAR + 1}" in p and programme.cards[0] in p for p in ledger.verify())

    after = Ledger(ledger.database_url, clock=lambda: dt.datetime.combine(EXPIRES, dt.time(15, 1), dt.UTC))
    try:
        after.expire(YEAR)
    finally:
        after.dispose()
    with uow(ledger.engine) as conn:  # points appear on an expired card afterwards
        moves = [("shortfall", -7), (f"card:{programme.cards[1]}", 7)]
        post(conn, ledger.clock, Transaction.of("correction", None, moves))
    assert any(programme.cards[1] in p and "expired" in p for p in ledger.verify())


def test_a_programme_whose_last_day_has_passed_is_refused(programme):
    with pytest.raises(LedgerError, match="expiry_in_the_past"):
        programme.ledger.create_programme(
            YEAR + 3, 1000, dt.date(YEAR - 1, 12, 31), public_key_hex(new_issuer_key())
        )
