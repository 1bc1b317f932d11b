"""From card issue to the central ledger: office CLI, a real ledger server, a till online and offline.

The acceptance path of the foundation: the office imports participants (one malformed row first),
grants points and issues cards; the till reads a card from its QR image, sells online, keeps
selling offline within the caps while the ledger is down, and syncs exactly once when it is back.
"""

from __future__ import annotations

import csv
import json

import requests

from pos_app.config import load_config
from pos_app.core.cart import Cart
from pos_app.core.catalogue import Item
from pos_app.core.tenders import Tenders
from pos_app.runtime import open_till
from pos_app.scanning.decoder import decode_file
from reliability.world import EXPIRES, YEAR
from sync.admin.cli import main as admin
from sync.ledger.service import Ledger
from sync.shared.cards.keys import load_private_key_pem
from sync.shared.cards.qr import render_qr
from sync.shared.cards.token import CardToken, sign_card

HEADER = "participant_id,name,phone,centre,workplace,months_prev_year,active,start_date\n"
BIBIMBAP = Item("M08", "비빔밥", 8500)
KIMCHI = Item("M05", "김치찌개", 8000)


def participants_csv(malformed: bool) -> str:
    rows = []
    for n in range(1, 21):
        months = 2 if n in (4, 9) else 6  # two worked too little last year
        active = "N" if n in (7, 15) else "Y"  # two have left the programme
        rows.append(f"P{n:03d},참여자{n:02d},,해운대지역자활센터,올리브카페,{months},{active},2024-03-01")
    if malformed:
        rows[11] = "P012,참여자12,,해운대지역자활센터,올리브카페,여섯,Y,2024-03-01"
    return HEADER + "\n".join(rows) + "\n"


def test_points_sale_from_card_issue_to_ledger(ledger_process, tmp_path, capsys):
    url = ledger_process.database_url
    ledger_process.start()
    key_file = tmp_path / "office" / "issuer.pem"
    assert (
        admin(
            [
                "--database",
                url,
                "init-programme",
                "--year",
                str(YEAR),
                "--grant",
                "100000",
                "--expires",
                EXPIRES.isoformat(),
                "--key-file",
                str(key_file),
            ]
        )
        == 0
    )
    assert (
        admin(
            [
                "--database",
                url,
                "add-shop",
                "cafe1",
                "--name",
                "올리브카페 해운대점",
                "--business-no",
                "220-81-62517",
                "--representative",
                "김대표",
                "--address",
                "부산광역시 해운대구",
                "--phone",
                "051-000-0000",
            ]
        )
        == 0
    )
    till_file = tmp_path / "till.json"
    assert (
        admin(
            [
                "--database",
                url,
                "enrol-till",
                "cafe1",
                "cafe1-1",
                "--ledger-url",
                ledger_process.base_url,
                "--out",
                str(till_file),
            ]
        )
        == 0
    )

    # A malformed row is reported with its line and nothing is imported.
    bad_csv = tmp_path / "participants-bad.csv"
    bad_csv.write_text(participants_csv(malformed=True), encoding="utf-8")
    capsys.readouterr()
    assert admin(["--database", url, "import-participants", str(bad_csv)]) != 0
    err = capsys.readouterr().err
    assert "13" in err  # header is line 1, P012 is line 13
    ledger = Ledger(url)
    assert ledger.cards() == []

    good_csv = tmp_path / "participants.csv"
    good_csv.write_bytes(participants_csv(malformed=False).encode("cp949"))  # what Korean Excel writes
    assert admin(["--database", url, "import-participants", str(good_csv)]) == 0
    assert admin(["--database", url, "grant", "--year", str(YEAR)]) == 0
    cards_dir = tmp_path / "cards"
    assert (
        admin(["--database", url, "issue-cards", "--key-file", str(key_file), "--out-dir", str(cards_dir)])
        == 0
    )
    assert (cards_dir / "cards.pdf").read_bytes().startswith(b"%PDF")
    with open(cards_dir / "cards.csv", encoding="utf-8-sig") as handle:
        issued = list(csv.DictReader(handle))
    assert len(issued) == 16  # 20 minus 2 short of months minus 2 inactive
    card_numbers = {row["card_number"] for row in issued}
    assert all(ledger.card_balance(number) == 100_000 for number in card_numbers)

    # The till reads the first card from its printed QR image.
    number = sorted(card_numbers)[0]
    card_record = next(c for c in ledger.cards() if c.number == number)
    payload = sign_card(
        CardToken(number, card_record.issue, card_record.expires_on),
        load_private_key_pem(key_file.read_bytes()),
    )
    qr_png = tmp_path / "card.png"
    render_qr(payload).save(qr_png)
    assert decode_file(qr_png).text == payload

    config = load_config(till_file).with_changes(data_dir=str(tmp_path / "till"))
    runtime = open_till(config, start_sync=False)
    try:
        runtime.sync.pull_snapshot()
        card = runtime.checkout.scan(payload)
        assert card.source == "online" and card.balance == 100_000 and "*" in card.masked_name
        online = runtime.checkout.pay(Cart().add(BIBIMBAP), Tenders(points=8500), card, "s001")
        assert online.approved and online.mode == "online" and online.card_balance == 91_500
        assert ledger.card_balance(number) == 91_500

        # The ledger stops: the till keeps selling within the offline caps.
        ledger_process.stop()
        card = runtime.checkout.scan(payload)
        assert card.source == "offline" and card.spendable_now == 30_000
        for _ in range(3):
            sale = runtime.checkout.pay(Cart().add(KIMCHI), Tenders(points=8000), card, "s001")
            assert sale.approved and sale.mode == "offline"
        before = runtime.journal.last_seq()
        refused = runtime.checkout.pay(Cart().add(KIMCHI), Tenders(points=8000), card, "s001")
        assert not refused.approved and refused.refusal == "card_daily_cap"
        assert refused.code == "card_daily_cap"
        assert runtime.journal.last_seq() == before  # a refusal changes nothing

        # The ledger comes back; the till syncs everything exactly once.
        ledger_process.start()
        runtime.sync.drain()
        assert runtime.journal.outbox_size() == 0
        assert ledger.card_balance(number) == 100_000 - 8500 - 3 * 8000
        runtime.sync.pull_snapshot()
        assert runtime.journal.snapshot_card(number).balance == 67_500
        others = card_numbers - {number}
        assert all(ledger.card_balance(n) == 100_000 for n in others)

        # Pushing the same batch again changes nothing.
        balances_before = ledger.balances()
        entries = [e.to_wire() for e in runtime.journal.entries()]
        response = requests.post(
            f"{ledger_process.base_url}/v1/tills/cafe1-1/entries",
            headers={"Authorization": f"Bearer {config.token}", "Content-Type": "application/json"},
            data=json.dumps(
                {"protocol": 1, "entries": entries, "urgent": False}, ensure_ascii=False
            ).encode(),
            timeout=10,
        )
        assert response.status_code == 200
        assert {r["status"] for r in response.json()["results"]} == {"duplicate"}
        assert ledger.balances() == balances_before
        assert len([s for s in ledger.sales(shop_id="cafe1")]) == 4
    finally:
        runtime.close()

    assert admin(["--database", url, "verify"]) == 0
    assert ledger.verify() == []
