"""`allive-ledger`: serve the ledger over HTTP, upgrade its database, verify its invariants."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from sync.ledger.service import Ledger
from sync.ledger.settings import LedgerSettings, SettingsError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="allive-ledger", description="ALL-LIVE Market central ledger")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the HTTP API (put TLS in front of it in production)")
    for p in (
        serve,
        sub.add_parser("upgrade", help="create or upgrade the database schema"),
        sub.add_parser("verify", help="check the ledger's invariants; exit 1 on any problem"),
    ):
        p.add_argument("--database", default=os.environ.get("ALLIVE_DATABASE"), help="database URL")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8700)
    serve.add_argument("--admin-token", default=os.environ.get("ALLIVE_ADMIN_TOKEN", ""))
    serve.add_argument("--demo", action="store_true", help="demo mode: allows a placeholder admin token")
    serve.add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("ALLIVE_LEDGER_WORKERS", "1")),
        help="worker processes (one per core is a good start)",
    )
    args = parser.parse_args(argv)
    if not args.database:
        print("allive-ledger: give --database URL (or set ALLIVE_DATABASE)", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    ledger = Ledger(args.database)
    if args.command == "upgrade":
        ledger.upgrade()
        print("database is up to date")
        return 0
    if args.command == "verify":
        problems = ledger.verify()
        for problem in problems:
            print(problem)
        print("OK" if not problems else f"{len(problems)} problem(s)")
        return 1 if problems else 0
    try:
        settings = LedgerSettings(args.database, args.admin_token, demo=args.demo)
    except SettingsError as exc:
        print(f"allive-ledger: {exc}", file=sys.stderr)
        return 2
    import uvicorn

    from sync.ledger.api import create_app

    ledger.upgrade()
    # Access logs carry paths only, never the Authorization header.
    if args.workers > 1:
        # Each worker builds its app from the environment (sync.ledger.asgi).
        os.environ.update(
            ALLIVE_DATABASE=args.database,
            ALLIVE_ADMIN_TOKEN=args.admin_token,
            ALLIVE_DEMO="1" if args.demo else "0",
        )
        uvicorn.run(
            "sync.ledger.asgi:app", host=args.host, port=args.port, workers=args.workers, log_level="warning"
        )
    else:
        uvicorn.run(create_app(ledger, settings), host=args.host, port=args.port, log_level="warning")
    return 0


if __name__ == "__main__":
    sys.exit(main())
