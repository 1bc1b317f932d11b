"""A till whose journal was restored from an older copy, truncated or deleted: the ledger's head
tells it at once, it refuses points, and `allive-pos recover` rebuilds its acknowledged history from
the ledger, with nothing lost and nothing posted twice (a real ledger server on loopback)."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.app import main as allive_pos
from pos_app.journal.store import Journal
from pos_app.recovery import TILL_OPEN, ledger_pages, recover
from pos_app.till_lock import TillLock
from reliability.sales import sale
from reliability.world import Programme, ThreadedLedgerServer, make_programme
from sync.ledger.service import Ledger
from tests.reliability.tills import Till, open_test_till

TILL = "cafe1-1"


@pytest.fixture
def world(ledger_url) -> Iterator[tuple[Programme, ThreadedLedgerServer]]:
    programme = make_programme(ledger_url, shops=("cafe1",), tills_per_shop=1, cards=2)
    with ThreadedLedgerServer(programme.ledger) as server:
        yield programme, server
    programme.ledger.dispose()


def sell(till: Till, programme: Programme, points: int) -> bool:
    return till.sell(programme.payload(programme.cards[0]), points).approved


def backup(path: Path, to: Path) -> None:
    source, copy = sqlite3.connect(path), sqlite3.connect(to)
    try:
        source.backup(copy)
    finally:
        source.close()
        copy.close()


def restore(copy: Path, path: Path) -> None:
    """Put the old copy in the journal's place, as a shop restoring a backup file would."""
    for side in ("", "-wal", "-shm"):
        Path(f"{path}{side}").unlink(missing_ok=True)
    copy.rename(path)


def posted(programme: Programme) -> list[int]:
    return sorted(s.points for s in programme.ledger.sales() if s.status == "posted")


def refuses_points_until_recovered(programme: Programme, url: str, tmp_path: Path) -> Till:
    till = open_test_till(programme, TILL, url, tmp_path)
    with pytest.raises(Exception, match="behind"):
        till.client.pull_snapshot()
    assert till.client.journal_behind and "recover" in (till.client.status().alert or "")
    assert not sell(till, programme, 500)  # neither online nor offline
    return till


@pytest.mark.parametrize("damage", ["restored", "truncated", "deleted"])
def test_a_damaged_journal_is_rebuilt_from_the_ledger(world, tmp_path, damage):
    programme, server = world
    path = tmp_path / f"{TILL}.sqlite3"
    till = open_test_till(programme, TILL, server.url, tmp_path)
    till.client.pull_snapshot()
    assert sell(till, programme, 1_000)
    till.client.drain()
    backup(path, tmp_path / "old-copy.sqlite3")
    assert sell(till, programme, 2_000) and sell(till, programme, 3_000)
    till.client.drain()
    acknowledged = [e.hash for e in till.journal.entries()]
    till.close()

    if damage == "restored":
        restore(tmp_path / "old-copy.sqlite3", path)
    elif damage == "truncated":
        db = sqlite3.connect(path)
        with db:
            db.execute("DROP TRIGGER entry_no_delete")
            db.execute("DELETE FROM ack WHERE seq > 1")
            db.execute("DELETE FROM entry WHERE seq > 1")
        db.close()
    else:
        for side in ("", "-wal", "-shm"):
            Path(f"{path}{side}").unlink(missing_ok=True)

    till = refuses_points_until_recovered(programme, server.url, tmp_path)
    till.close()
    report = recover(path, TILL, ledger_pages(server.url, TILL, programme.tokens[TILL]), operator="manager")
    assert report.restored >= 3

    till = open_test_till(programme, TILL, server.url, tmp_path)
    try:
        rebuilt = till.journal.entries()
        assert [e.hash for e in rebuilt[: len(acknowledged)]] == acknowledged
        assert rebuilt[-1].type == "recovery" and rebuilt[-1].payload["by"] == "manager"
        till.client.pull_snapshot()
        assert not till.client.journal_behind
        assert sell(till, programme, 4_000)
        till.client.drain()
        assert till.journal.outbox_size() == 0
    finally:
        till.close()
    assert posted(programme) == [1_000, 2_000, 3_000, 4_000]  # nothing lost, nothing twice
    assert programme.ledger.card_balance(programme.cards[0]) == 100_000 - 10_000
    assert programme.ledger.verify() == []


def test_unacknowledged_local_entries_come_back_only_when_asked(world, tmp_path):
    programme, server = world
    path = tmp_path / f"{TILL}.sqlite3"
    till = open_test_till(programme, TILL, server.url, tmp_path)
    till.client.pull_snapshot()
    assert sell(till, programme, 1_000)
    till.client.drain()
    backup(path, tmp_path / "old-copy.sqlite3")
    assert sell(till, programme, 2_000)
    till.client.drain()
    till.close()
    restore(tmp_path / "old-copy.sqlite3", path)
    # On the restored copy the shop took a cash sale before anyone noticed: the ledger never had it.
    till = open_test_till(programme, TILL, server.url, tmp_path)
    till.journal.append(sale(0, cash=7_000))
    till.close()
    till = refuses_points_until_recovered(programme, server.url, tmp_path)
    till.close()

    # `allive-pos recover --keep-unacknowledged`, from the till's settings file.
    config = tmp_path / "till.json"
    config.write_text(
        json.dumps(
            {
                "till_id": TILL,
                "shop_id": "cafe1",
                "ledger_url": server.url,
                "token": programme.tokens[TILL],
                "data_dir": str(tmp_path / "data"),
            }
        ),
        encoding="utf-8",
    )
    (tmp_path / "data").mkdir()
    configured = tmp_path / "data" / f"journal-{TILL}.sqlite3"  # where the till's settings put it
    path.rename(configured)
    assert allive_pos(["recover", "--config", str(config), "--keep-unacknowledged"]) == 0
    kept = list((tmp_path / "data").glob("*.before-recover-*.sqlite3"))
    assert len(kept) == 1  # the old journal is never deleted
    configured.rename(tmp_path / "data" / path.name)

    till = open_test_till(programme, TILL, server.url, tmp_path / "data")
    try:
        audit = [e for e in till.journal.entries() if e.type == "recovery"][-1]
        assert audit.payload["unacknowledged"] == 3 and len(audit.payload["resequenced"]) == 1
        assert len(audit.payload["dropped"]) == 2  # the refused online sale and its rejection
        till.client.pull_snapshot()
        till.client.drain()
    finally:
        till.close()
    sales = programme.ledger.sales()
    assert sorted((s.points, s.cash) for s in sales if s.status == "posted") == [
        (0, 7_000),
        (1_000, 0),
        (2_000, 0),
    ]
    assert programme.ledger.card_balance(programme.cards[0]) == 97_000
    assert programme.ledger.verify() == []


HOLD_THE_TILL_LOCK = """
import sys
from pathlib import Path
from pos_app.till_lock import TillLock
lock = TillLock(Path(sys.argv[1]))
print("held" if lock.acquire() else "refused", flush=True)
sys.stdin.read()  # a running till: until the test lets it go
"""


def test_recover_is_refused_while_the_till_runs_and_changes_nothing(world, tmp_path, capsys):
    programme, server = world
    data = tmp_path / "data"
    data.mkdir()
    till = open_test_till(programme, TILL, server.url, tmp_path)
    till.client.pull_snapshot()
    assert sell(till, programme, 1_000)
    till.client.drain()
    till.close()
    journal = data / f"journal-{TILL}.sqlite3"  # where the till's settings put it
    (tmp_path / f"{TILL}.sqlite3").rename(journal)
    config = tmp_path / "till.json"
    config.write_text(
        json.dumps(
            {
                "till_id": TILL,
                "shop_id": "cafe1",
                "ledger_url": server.url,
                "token": programme.tokens[TILL],
                "data_dir": str(data),
            }
        ),
        encoding="utf-8",
    )

    def files() -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in sorted(data.iterdir()) if not p.name.endswith(".lock")}

    before = files()
    # The till runs, in a process of its own, holding its lock on the journal.
    till_process = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_TILL_LOCK, str(journal)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert till_process.stdout is not None and till_process.stdout.readline().strip() == "held"
        capsys.readouterr()
        assert allive_pos(["recover", "--config", str(config)]) == TILL_OPEN
        said = capsys.readouterr().err
        assert "계산대가 열려 있어" in said and "복구할 수 없습니다" in said, said
        assert allive_pos(["recover", "--config", str(config), "--language", "en"]) == TILL_OPEN
        said = capsys.readouterr().err
        assert "cannot be recovered" in said and not re.search("[가-힣]", said), said
        assert files() == before  # nothing renamed, nothing written, no kept copy
        assert not TillLock(journal).acquire()  # and the till still holds its lock
    finally:
        till_process.kill()  # a till that died: its lock is stale and no obstacle
        till_process.wait(10)

    assert allive_pos(["recover", "--config", str(config)]) == 0
    assert "journal rebuilt from the ledger" in capsys.readouterr().out
    assert len(list(data.glob("*.before-recover-*.sqlite3"))) == 1
    after = TillLock(journal)
    assert after.acquire()  # recover let go of the lock when it was done: the till may start
    after.release()
    rebuilt = Journal(journal, TILL)
    try:
        assert [e.type for e in rebuilt.entries()][-1] == "recovery"
    finally:
        rebuilt.close()


def test_a_ledger_restored_from_an_older_backup_is_sent_again_what_it_lost(tmp_path):
    """The office restores the ledger from last night's backup: the sales tills pushed since are
    sent again from their journals, and the ledger ends with every sale once. (On SQLite: a
    PostgreSQL backup restores only into the schema it was taken from; tests/ledger/test_backup.py
    restores one.)"""
    programme = make_programme(f"sqlite:///{tmp_path / 'ledger.sqlite3'}", shops=("cafe1",), cards=2)
    ledger = programme.ledger
    with ThreadedLedgerServer(ledger) as server:
        till = open_test_till(programme, TILL, server.url, tmp_path)
        assert sell(till, programme, 1000) and sell(till, programme, 2000)
        till.client.drain()
        ledger.backup(tmp_path / "ledger.backup")
        assert sell(till, programme, 3000) and sell(till, programme, 4000)
        till.client.drain()
        assert till.journal.acked_through() == 4 and till.journal.outbox_size() == 0
        till.close()
    ledger.dispose()
    restored = Ledger(f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    try:
        assert restored.restore(tmp_path / "ledger.backup")[1] == []
        assert len(restored.sales()) == 2
        with ThreadedLedgerServer(restored) as again:
            till = open_test_till(programme, TILL, again.url, tmp_path)
            till.client.pull_snapshot()  # says the ledger holds entry 2 of the 4 acknowledged
            assert till.journal.outbox_size() == 2
            till.client.drain()
            assert till.journal.outbox_size() == 0
            assert sell(till, programme, 500)
            till.client.drain()
            till.close()
        assert sorted(s.points for s in restored.sales() if s.status == "posted") == [
            500,
            1000,
            2000,
            3000,
            4000,
        ]
        assert restored.card_balance(programme.cards[0]) == 100_000 - 10_500
        assert restored.verify() == []
    finally:
        restored.dispose()
