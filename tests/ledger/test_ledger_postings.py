"""Postings, idempotent ingest, offline over-spend, replacement and verification, on both databases."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, IntegrityError

from reliability.world import EXPIRES, YEAR
from sync.ledger.service import Ledger, LedgerError
from tests.ledger.conftest import TillStream, push


def test_grant_puts_the_year_on_each_card_once(programme):
    ledger = programme.ledger
    assert all(ledger.card_balance(c) == 100_000 for c in programme.cards)
    assert ledger.grant(YEAR) == []  # a second grant of the same year gives nothing
    fund = next(b for b in ledger.balances() if b.name == f"fund:{YEAR}")
    assert fund.balance == -400_000
    assert ledger.verify() == []


def test_online_sale_posts_card_to_shop_and_refusal_posts_nothing(programme):
    ledger, card = programme.ledger, programme.cards[0]
    till = TillStream("cafe1-1")
    ok = push(ledger, "cafe1-1", till.sale(card, 8500)).results[0]
    assert (ok.status.value, ok.card_balance) == ("accepted", 91_500)
    refused = push(ledger, "cafe1-1", till.sale(card, 95_000)).results[0]
    assert (refused.status.value, refused.reason, refused.card_balance) == (
        "rejected",
        "insufficient_points",
        91_500,
    )
    assert ledger.card_balance(card) == 91_500
    assert next(b.balance for b in ledger.balances() if b.name == "shop:cafe1") == 8500
    assert ledger.verify() == []


def test_resend_returns_stored_results_and_changes_nothing(programme):
    ledger, card = programme.ledger, programme.cards[0]
    till = TillStream("cafe1-1")
    entries = [till.sale(card, 3000), till.sale(card, 200_000), till.sale(None, 0, auth="none", cash=4000)]
    first = push(ledger, "cafe1-1", *entries)
    before = ledger.balances()
    again = push(ledger, "cafe1-1", *entries)
    assert [r.status.value for r in again.results] == ["duplicate"] * 3
    assert [r.outcome for r in again.results] == [r.outcome for r in first.results]
    assert again.results[1].reason == "insufficient_points"
    assert ledger.balances() == before and len(ledger.sales()) == 3


def test_same_id_with_other_content_is_invalid_and_alerted(programme):
    ledger, card = programme.ledger, programme.cards[0]
    till = TillStream("cafe1-1")
    original = till.sale(card, 3000)
    push(ledger, "cafe1-1", original)
    forged = original.model_copy(update={"payload": {**original.payload, "points": 1}})
    result = push(ledger, "cafe1-1", forged).results[0]
    assert result.status.value == "invalid"
    assert any(a["kind"] == "invalid_entry" for a in ledger.alerts())
    assert ledger.card_balance(card) == 97_000


def test_a_gap_is_held_until_the_missing_entry_arrives(programme):
    ledger, card = programme.ledger, programme.cards[0]
    till = TillStream("cafe1-1")
    first, second, third = till.sale(card, 1000), till.sale(card, 2000), till.sale(card, 3000)
    response = push(ledger, "cafe1-1", third)
    assert response.results[0].status.value == "held" and response.applied_through == 0
    response = push(ledger, "cafe1-1", first)
    assert response.applied_through == 1 and ledger.card_balance(card) == 99_000
    response = push(ledger, "cafe1-1", second)
    assert response.applied_through == 3 and ledger.card_balance(card) == 94_000
    assert push(ledger, "cafe1-1", third).results[0].status.value == "duplicate"
    assert ledger.verify() == []


def test_a_broken_chain_is_invalid(programme):
    ledger, card = programme.ledger, programme.cards[0]
    till, other = TillStream("cafe1-1"), TillStream("cafe1-1")
    push(ledger, "cafe1-1", till.sale(card, 1000))
    other.sale(card, 1)
    stray = other.sale(card, 2000)  # seq 2, but linked to a different seq 1
    assert push(ledger, "cafe1-1", stray).results[0].status.value == "invalid"
    assert ledger.card_balance(card) == 99_000


def test_offline_overspend_across_two_tills_ends_at_zero_with_shortfall(programme):
    ledger, card = programme.ledger, programme.cards[0]
    a, b = TillStream("cafe1-1"), TillStream("rest1-1")
    spend_online = a.sale(card, 80_000)
    push(ledger, "cafe1-1", spend_online)
    # Both tills took 15,000 offline from a card that had 20,000 left.
    push(ledger, "cafe1-1", a.sale(card, 15_000, auth="offline"))
    result = push(ledger, "rest1-1", b.sale(card, 15_000, auth="offline")).results[0]
    assert result.status.value == "accepted" and result.card_balance == 0
    assert ledger.card_balance(card) == 0
    assert ledger.card_status(card) == "online_only"
    shortfalls = ledger.shortfalls()
    assert [(s.till_id, s.amount) for s in shortfalls] == [("rest1-1", 10_000)]
    assert next(b.balance for b in ledger.balances() if b.name == "shortfall") == -10_000
    assert ledger.verify() == []
    snapshot = ledger.snapshot("cafe1-1", 0)
    state = next(c for c in snapshot.cards if c.number == card)
    assert (state.status, state.balance) == ("online_only", 0)


def test_lost_answer_then_fallback_and_cancel_apply_exactly_once(programme):
    ledger, card = programme.ledger, programme.cards[0]
    till = TillStream("cafe1-1")
    # The ledger posted the online sale but the answer was lost; the offline rules refused, so the
    # till cancelled: the sale is reversed.
    sale = till.sale(card, 5000)
    push(ledger, "cafe1-1", sale)
    push(ledger, "cafe1-1", till.make("sale_cancelled", {"ref": sale.id, "reason": "card_daily_cap"}))
    assert ledger.card_balance(card) == 100_000
    # A rejected online sale that the till then accepted offline (fallback) is judged as offline:
    # the per-card daily cap (30,000) is posted, the rest is a disputed claim, not the shop's.
    big = till.sale(card, 150_000)
    assert push(ledger, "cafe1-1", big).results[0].reason == "insufficient_points"
    push(ledger, "cafe1-1", till.make("sale_fallback", {"ref": big.id}))
    assert ledger.card_balance(card) == 70_000
    assert [(d.entry_id, d.amount, d.reason) for d in ledger.disputes()] == [
        (big.id, 120_000, "over_card_daily_cap")
    ]
    # Resending everything changes nothing.
    before = ledger.balances()
    push(ledger, "cafe1-1", *till.entries)
    assert ledger.balances() == before
    assert ledger.verify() == []


def test_refunds_return_points_and_never_more_than_the_sale(programme):
    ledger, card = programme.ledger, programme.cards[0]
    till = TillStream("cafe1-1")
    sale = till.sale(card, 8000, cash=1000)
    push(ledger, "cafe1-1", sale)
    refund = till.make(
        "refund",
        {
            "ref": sale.id,
            "points": 5000,
            "cash": 0,
            "bank_card": 0,
            "reason": "식음",
            "manager": "s002",
            "card": {"number": card, "issue": 1},
        },
    )
    assert push(ledger, "cafe1-1", refund).results[0].card_balance == 97_000
    too_much = till.make(
        "void",
        {"ref": sale.id, "points": 4000, "cash": 1000, "bank_card": 0, "reason": "x", "manager": "s002"},
    )
    assert push(ledger, "cafe1-1", too_much).results[0].reason == "refund_exceeds_sale"
    assert ledger.card_balance(card) == 97_000
    assert ledger.verify() == []


def test_replacing_a_card_moves_the_balance_and_retires_the_old_one(programme):
    ledger, card = programme.ledger, programme.cards[0]
    till = TillStream("cafe1-1")
    push(ledger, "cafe1-1", till.sale(card, 10_000))
    new = ledger.replace_card(card, "분실")
    assert new.issue == 2 and ledger.card_balance(new.number) == 90_000 and ledger.card_balance(card) == 0
    assert ledger.card_status(card) == "replaced"
    refused = push(ledger, "cafe1-1", till.sale(card, 1000)).results[0]
    assert refused.reason == "card_replaced"
    with pytest.raises(LedgerError):
        ledger.replace_card(card, "again")
    assert ledger.verify() == []


def test_revoked_and_expired_cards_are_refused_online(programme):
    ledger = programme.ledger
    till = TillStream("cafe1-1")
    ledger.revoke_card(programme.cards[1], "misuse")
    assert push(ledger, "cafe1-1", till.sale(programme.cards[1], 1000)).results[0].reason == "card_revoked"
    # Not before the year's last spending day has passed (KST), unless forced with a reason.
    with pytest.raises(LedgerError, match="expire_too_early"):
        ledger.expire(YEAR)
    with pytest.raises(LedgerError, match="expire_force_needs_reason"):
        ledger.expire(YEAR, force=True)
    # The day after: every unspent point goes back to the fund, the stopped card's included.
    after = Ledger(ledger.database_url, clock=lambda: dt.datetime.combine(EXPIRES, dt.time(15, 0), dt.UTC))
    try:
        assert after.expire(YEAR) == 400_000
        assert after.expire(YEAR) == 0  # nothing twice
    finally:
        after.dispose()
    assert push(ledger, "cafe1-1", till.sale(programme.cards[0], 1000)).results[0].reason == "card_expired"
    assert ledger.verify() == []


def test_settlement_pays_the_shop(programme):
    ledger = programme.ledger
    till = TillStream("cafe1-1")
    push(ledger, "cafe1-1", till.sale(programme.cards[0], 12_000))
    assert ledger.settle("cafe1") == 12_000
    with pytest.raises(LedgerError):
        ledger.settle("cafe1", 1)
    assert ledger.verify() == []


def test_snapshot_since_a_version_returns_only_changes(programme):
    ledger = programme.ledger
    full = ledger.snapshot("cafe1-1", 0)
    assert full.full and len(full.cards) == 4 and {c.masked_name for c in full.cards} >= {"홍*동", "남**수"}
    push(ledger, "cafe1-1", TillStream("cafe1-1").sale(programme.cards[2], 500))
    delta = ledger.snapshot("cafe1-1", full.version)
    changed = {c.number: c for c in delta.cards}
    assert not delta.full and programme.cards[2] in changed
    assert changed[programme.cards[2]].balance == 100_000 - 500
    # Only cards changed after what the till had: a card is never sent twice for the same version.
    assert all(c.version > full.version for c in delta.cards)
    if ledger.engine.dialect.name == "sqlite":
        # One writer at a time: the versions are exact.
        assert list(changed) == [programme.cards[2]]
        assert ledger.snapshot("cafe1-1", delta.version).cards == []
    # On PostgreSQL a snapshot promises what every transaction older than the oldest still running
    # has done; while other transactions run (the other tests here) a change may come again.


def test_verify_finds_a_tampered_balance_and_a_deleted_entry(programme):
    ledger = programme.ledger
    till = TillStream("cafe1-1")
    push(ledger, "cafe1-1", till.sale(programme.cards[0], 1000), till.sale(programme.cards[0], 2000))
    with ledger.engine.begin() as conn:
        conn.execute(
            text("UPDATE account SET balance = balance + 5 WHERE name = :n"),
            {"n": f"card:{programme.cards[1]}"},
        )
        conn.execute(text("DELETE FROM entry WHERE seq = 1"))
    problems = ledger.verify()
    assert any("postings sum" in p for p in problems)
    assert any("sequence 2 where 1" in p for p in problems)


def test_the_database_refuses_a_negative_card_balance(programme):
    with pytest.raises(IntegrityError), programme.ledger.engine.begin() as conn:
        conn.execute(
            text("UPDATE account SET balance = -1 WHERE name = :n"), {"n": f"card:{programme.cards[0]}"}
        )


def test_the_database_refuses_a_second_entry_at_the_same_sequence(programme):
    ledger = programme.ledger
    till = TillStream("cafe1-1")
    entry = till.sale(None, 0, auth="none", cash=1000)
    push(ledger, "cafe1-1", entry)
    with pytest.raises(IntegrityError), ledger.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO entry (id, till_id, seq, ts, type, payload, prev_hash, hash, status, received_at) "
                "VALUES ('x', 'cafe1-1', 1, 't', 'sale', '{}', 'p', 'h', 'accepted', 'now')"
            )
        )


@pytest.mark.postgres
def test_postgres_refuses_an_unbalanced_transaction_at_commit(pg_url):
    from sync.ledger.service import Ledger

    ledger = Ledger(pg_url)
    ledger.upgrade()
    with ledger.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO account (name, kind, balance) VALUES ('fund:2026', 'fund', 0), ('x', 'shop', 0)"
            )
        )
    # Checked at commit: one txn's postings may come in separate statements.
    with ledger.engine.begin() as conn:
        conn.execute(text("INSERT INTO txn (id, kind, created_at, memo) VALUES ('t0', 'grant', 'now', '')"))
        conn.execute(text("INSERT INTO posting (txn_id, account, amount) VALUES ('t0', 'x', 5)"))
        conn.execute(text("INSERT INTO posting (txn_id, account, amount) VALUES ('t0', 'fund:2026', -5)"))
    conn = ledger.engine.connect()
    conn.begin()
    conn.execute(text("INSERT INTO txn (id, kind, created_at, memo) VALUES ('t1', 'grant', 'now', '')"))
    conn.execute(text("INSERT INTO posting (txn_id, account, amount) VALUES ('t1', 'fund:2026', -5)"))
    with pytest.raises(DBAPIError) as err:
        conn.commit()
    conn.close()
    assert "unbalanced" in str(err.value)
    with ledger.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM posting WHERE txn_id = 't1'")).scalar_one() == 0
    with pytest.raises(DBAPIError), ledger.engine.begin() as conn:
        conn.execute(text("UPDATE posting SET amount = 1"))
        conn.execute(text("INSERT INTO txn (id, kind, created_at, memo) VALUES ('t2', 'grant', 'now', '')"))
        conn.execute(
            text(
                "INSERT INTO posting (txn_id, account, amount) VALUES ('t2', 'fund:2026', -5), ('t2', 'x', 5)"
            )
        )
        conn.execute(text("UPDATE posting SET amount = 4 WHERE txn_id = 't2'"))
    ledger.dispose()


def test_two_tills_spending_one_card_online_at_once_never_overdraw(programme):
    if not programme.ledger.is_postgres:
        pytest.skip("row locks are what is tested here")
    ledger, card = programme.ledger, programme.cards[0]
    streams = {"cafe1-1": TillStream("cafe1-1"), "rest1-1": TillStream("rest1-1")}
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def spend(till_id: str) -> None:
        entry = streams[till_id].sale(card, 60_000)
        barrier.wait()
        outcomes[till_id] = push(ledger, till_id, entry).results[0].outcome

    threads = [threading.Thread(target=spend, args=(t,)) for t in streams]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes.values()) == ["accepted", "rejected"]
    assert ledger.card_balance(card) == 40_000
    assert ledger.verify() == []


def test_the_ledger_stamps_what_it_writes_with_its_injected_clock(database_url):
    import datetime as dt

    from sync.ledger.service import Ledger
    from sync.shared.cards.keys import new_issuer_key, public_key_hex

    at = dt.datetime(2027, 3, 1, 14, 59, 59, tzinfo=dt.UTC)
    ledger = Ledger(database_url, clock=lambda: at)
    ledger.upgrade()
    ledger.create_programme(2027, 1000, dt.date(2027, 12, 31), public_key_hex(new_issuer_key()))
    ledger.add_shop("cafe1", "카페")
    ledger.enrol_till("cafe1", "cafe1-1")
    till = TillStream("cafe1-1")
    push(
        ledger,
        "cafe1-1",
        till.sale(None, 0, auth="none", cash=1000),
        till.sale("000000000000", 5, auth="online"),
    )
    stamp = at.isoformat(timespec="microseconds")
    with ledger.engine.connect() as conn:
        assert set(conn.execute(text("SELECT received_at FROM entry")).scalars()) == {stamp}
    assert ledger.snapshot("cafe1-1").server_time == at
    ledger.dispose()
