"""The till workload of the crash test: a real till process selling and syncing until it is killed.

Run as ``python -m reliability.crash_workload CONFIG.json SEED``. It opens the journal (which
verifies the chain, exit code 3 if broken), starts the real background sync, then sells in a loop:
points online through the ledger (or offline when it cannot answer), cash, refunds, explicit
drains. It prints ``ready`` and one line per committed sale so the parent can time its SIGKILL.
"""

from __future__ import annotations

import contextlib
import json
import logging
import random
import sys
from pathlib import Path

from pos_app.checkout import Checkout
from pos_app.core.cart import Cart
from pos_app.core.catalogue import Item
from pos_app.core.tenders import Tenders
from pos_app.journal.store import Journal, JournalCorrupt
from sync.client import LedgerRefused, LedgerUnavailable, SyncClient
from sync.shared.cards.keys import load_public_key_hex
from sync.shared.cards.token import CardRejected

MENU = (Item("C01", "아메리카노", 3000), Item("M01", "김밥", 3500), Item("M05", "김치찌개", 8000))


def run(config: dict[str, object], seed: int) -> int:
    rng = random.Random(seed)
    try:
        journal = Journal(Path(str(config["journal"])), str(config["till_id"]))
    except JournalCorrupt as exc:
        print(f"corrupt {exc}", flush=True)
        return 3
    client = SyncClient(
        str(config["ledger_url"]),
        str(config["till_id"]),
        str(config["token"]),
        journal,
        pull_interval=0.3,
        request_timeout=3.0,
        rng=random.Random(seed),
    )
    checkout = Checkout(
        journal,
        issuer_public_key=load_public_key_hex(str(config["issuer_public_key"])),
        link=client,
        auth_timeout=1.5,
    )
    payloads = [str(p) for p in config["payloads"]]  # type: ignore[attr-defined]
    with contextlib.suppress(LedgerUnavailable, LedgerRefused):
        client.pull_snapshot()
    client.start()
    print("ready", flush=True)
    approved: list[str] = []
    while True:
        roll = rng.random()
        cart = Cart().add(rng.choice(MENU))
        if roll < 0.6:
            try:
                card = checkout.scan(rng.choice(payloads))
            except CardRejected:
                continue
            result = checkout.pay(cart, Tenders(points=cart.total), card, "s001")
        elif roll < 0.85:
            result = checkout.pay(cart, Tenders(cash_received=cart.total), None, "s001")
        elif roll < 0.93 and approved:
            checkout.refund(rng.choice(approved), reason="고객 요청", manager="m001", cashier="s001")
            continue
        else:
            with contextlib.suppress(LedgerUnavailable, LedgerRefused):
                client.drain()
            continue
        if result.approved and result.entry is not None:
            approved.append(result.entry.id)
            print(f"sale {result.entry.seq} {result.mode}", flush=True)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    logging.basicConfig(level=logging.ERROR)
    config = json.loads(Path(args[0]).read_text(encoding="utf-8"))
    return run(config, int(args[1]))


if __name__ == "__main__":
    sys.exit(main())
