"""`make demo`: an embedded ledger on SQLite with a demo programme, shop, till and cards, then the till.

Everything lives in ``demo-data/`` (delete it to start over). The ledger runs as its own process on
loopback, exactly as in production, only on SQLite and with a demo admin token. It also serves the
office console under ``/office/`` with a demo operator (``office``, whose password is printed: a
demo's only) and the demo's issuer key in ``demo-data/keys/``, so a replaced card's sheet prints.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

from pos_app.config import TillConfig
from sync.admin.card_sheet import PrintedCard, write_card_csv, write_card_sheet
from sync.ledger.records import ParticipantRecord
from sync.ledger.service import Ledger
from sync.shared.cards.keys import load_private_key_pem, new_issuer_key, public_key_hex, write_private_key
from sync.shared.cards.number import format_card_number
from sync.shared.cards.token import CardToken, sign_card

NAMES = [
    "김민준",
    "이서연",
    "박지훈",
    "최수아",
    "정우진",
    "강하은",
    "조현우",
    "윤지민",
    "장서준",
    "임예린",
    "한도윤",
    "오지우",
    "서하준",
    "신유나",
    "권시우",
    "황서윤",
    "안주원",
    "송채원",
    "류건우",
    "홍길동",
]


# The demo's office operator. Demo mode only: a real ledger's operators are made with
# `allive-admin operator add`, each with a password of their own.
DEMO_OPERATOR = "office"
DEMO_OPERATOR_PASSWORD = "allive-demo-office"


def _free_port(preferred: int) -> int:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", preferred))
            return preferred
        except OSError:
            s.bind(("127.0.0.1", 0))
            return int(s.getsockname()[1])


def prepare(root: Path, port: int) -> tuple[Path, Path]:
    """Create (once) the ledger, programme, shop, till and cards; returns (till settings, card sheet)."""
    root.mkdir(parents=True, exist_ok=True)
    db_url = f"sqlite:///{root / 'ledger.sqlite3'}"
    till_file = root / "till.json"
    sheet = root / "cards" / "cards.pdf"
    ledger = Ledger(db_url)
    ledger.upgrade()
    key_file = root / "issuer.pem"
    today = dt.date.today()
    if not till_file.exists():
        key = new_issuer_key()
        write_private_key(key, key_file)
        # In December a demo's points run through next year, so a demo (or a test) started on
        # 31 December does not hand out cards that expire within minutes.
        expires = dt.date(today.year + (1 if today.month == 12 else 0), 12, 31)
        ledger.create_programme(today.year, 100_000, expires, public_key_hex(key))
        ledger.add_shop(
            "demo-cafe",
            "올리브카페 해운대점",
            "220-81-62517",
            "김올리브",
            "부산광역시 해운대구 해운대로 100",
            "051-000-1234",
        )
        token = ledger.enrol_till("demo-cafe", "demo-1")
        ledger.add_participants(
            [
                ParticipantRecord(
                    f"D{n:03d}", name, "", "해운대지역자활센터", "올리브카페", 6, True, dt.date(2024, 3, 1)
                )
                for n, name in enumerate(NAMES, start=1)
            ]
        )
        ledger.grant(today.year)
        cards = ledger.cards()
        ledger.revoke_card(cards[-1].number, "데모: 분실 신고된 카드")
        config = TillConfig(
            till_id="demo-1",
            shop_id="demo-cafe",
            ledger_url=f"http://127.0.0.1:{port}",
            token=token,
            issuer_public_key=public_key_hex(key),
            data_dir=str(root / "till"),
            demo=True,
            extra={"demo_cards": str(root / "demo-cards.json")},
        )
        config.save(till_file)
    if all(o.username != DEMO_OPERATOR for o in ledger.operators()):
        ledger.add_operator(DEMO_OPERATOR, "admin", DEMO_OPERATOR_PASSWORD, "데모 사무국", operator="demo")
    demo_key = root / "keys" / f"{ledger.programme().year}.pem"
    if not demo_key.exists():
        demo_key.parent.mkdir(parents=True, exist_ok=True)
        demo_key.write_bytes(key_file.read_bytes())
        demo_key.chmod(0o600)
    config_data = json.loads(till_file.read_text(encoding="utf-8"))
    config_data["ledger_url"] = f"http://127.0.0.1:{port}"
    till_file.write_text(json.dumps(config_data, ensure_ascii=False, indent=2), encoding="utf-8")
    key = load_private_key_pem(key_file.read_bytes())
    people = {p.participant_id: p for p in ledger.participants()}
    printed = [
        PrintedCard(
            c.number,
            c.issue,
            c.expires_on,
            sign_card(CardToken(c.number, c.issue, c.expires_on), key),
            c.participant_id or "",
            person.name if person else "",
            person.centre if person else "",
            person.workplace if person else "",
        )
        for c in ledger.cards()
        for person in [people.get(c.participant_id or "")]
    ]
    if not sheet.exists():
        write_card_sheet(printed, sheet)
        write_card_csv(printed, sheet.with_suffix(".csv"))
    demo_cards = [
        {
            "label": f"{format_card_number(card.number)}" + (" (정지된 카드)" if status == "revoked" else ""),
            "payload": card.payload,
        }
        for card, status in zip(printed, [c.status for c in ledger.cards()], strict=True)
    ]
    (root / "demo-cards.json").write_text(
        json.dumps(demo_cards, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    ledger.dispose()
    return till_file, sheet


def start_ledger(root: Path, port: int) -> subprocess.Popen[bytes]:
    log = open(root / "ledger.log", "ab")  # noqa: SIM115 - owned by the child process
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sync.ledger",
            "serve",
            "--database",
            f"sqlite:///{root / 'ledger.sqlite3'}",
            "--port",
            str(port),
            "--demo",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        # The demo's issuer key, so the console offers a replaced card's sheet (a real ledger keeps
        # the keys off the server unless the office decides otherwise: README "office console").
        env={**os.environ, "ALLIVE_ISSUER_KEY_DIR": str((root / "keys").resolve())},
    )
    for _ in range(150):
        if process.poll() is not None:
            raise SystemExit(f"the demo ledger did not start; see {root / 'ledger.log'}")
        try:
            if requests.get(f"http://127.0.0.1:{port}/v1/health", timeout=1).ok:
                return process
        except requests.RequestException:
            time.sleep(0.1)
    process.terminate()
    raise SystemExit("the demo ledger did not answer in 15 s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="ALL-LIVE Market demo: embedded ledger + till")
    parser.add_argument("--dir", type=Path, default=Path("demo-data"))
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--setup-only", action="store_true", help="prepare demo-data and start nothing")
    args = parser.parse_args(argv)
    port = _free_port(args.port)
    till_file, sheet = prepare(args.dir, port)
    print(f"Demo cards to print: {sheet.resolve()}  (and {sheet.with_suffix('.csv').name})")
    print("Cashiers: 매니저 (PIN 1234), 계산원 (PIN 0000). In the till, '데모 카드 스캔' scans a demo card.")
    if args.setup_only:
        return 0
    ledger = start_ledger(args.dir, port)
    print(f"Demo ledger on http://127.0.0.1:{port} (log: {args.dir / 'ledger.log'})")
    print(
        f"Office console: http://127.0.0.1:{port}/office/  "
        f"(user {DEMO_OPERATOR}, password {DEMO_OPERATOR_PASSWORD}; a demo's only)"
    )
    try:
        env = dict(os.environ)
        if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux"):
            print("No display found: the till runs offscreen (set DISPLAY, or use xvfb-run, to see it).")
            env["QT_QPA_PLATFORM"] = "offscreen"
        return subprocess.call([sys.executable, "-m", "pos_app.app", "--config", str(till_file)], env=env)
    except KeyboardInterrupt:
        return 0
    finally:
        ledger.terminate()
        ledger.wait(10)


if __name__ == "__main__":
    sys.exit(main())
