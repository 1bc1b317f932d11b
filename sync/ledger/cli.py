"""`allive-ledger`: serve the ledger over HTTP, upgrade its database, verify its invariants."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from sync.ledger.logs import configure_logging
from sync.ledger.service import Ledger
from sync.ledger.settings import LedgerSettings, SettingsError, load_settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="allive-ledger", description="ALL-LIVE Market central ledger")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the HTTP API (put TLS in front of it in production)")
    for p in (
        serve,
        sub.add_parser("upgrade", help="create or upgrade the database schema"),
        sub.add_parser("verify", help="check the ledger's invariants; exit 1 on any problem"),
    ):
        p.add_argument("--database", help="database URL (or ALLIVE_DATABASE)")
        p.add_argument("--config", type=Path, help="settings file, TOML (or ALLIVE_LEDGER_CONFIG)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8700)
    serve.add_argument("--admin-token", help="admin bearer token (or ALLIVE_ADMIN_TOKEN)")
    serve.add_argument(
        "--demo", action="store_true", default=None, help="demo mode: allows a placeholder admin token"
    )
    serve.add_argument(
        "--access-log", type=Path, help="access log file, rotated daily (or ALLIVE_ACCESS_LOG)"
    )
    serve.add_argument(
        "--workers",
        type=int,
        help="worker processes, one per core is a good start (or ALLIVE_LEDGER_WORKERS)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    serving = args.command == "serve"
    try:
        settings = load_settings(
            file=args.config,
            database_url=args.database,
            admin_token=getattr(args, "admin_token", None),
            demo=getattr(args, "demo", None),
            access_log=getattr(args, "access_log", None),
            workers=getattr(args, "workers", None),
            serving=serving,
        )
    except SettingsError as exc:
        print(f"allive-ledger: {exc}", file=sys.stderr)
        return 2
    configure_logging(settings)
    ledger = Ledger(settings.database_url)
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
    ledger.upgrade()
    _serve(ledger, settings, args.host, args.port)
    return 0


def _serve(ledger: Ledger, settings: LedgerSettings, host: str, port: int) -> None:
    import uvicorn

    from sync.ledger.api import create_app

    # uvicorn's own access log is off: the ledger writes its own (sync.ledger.logs), never the
    # Authorization header.
    if settings.workers > 1:
        # Each worker builds its app from the environment (sync.ledger.asgi).
        os.environ.update(settings.environment())
        uvicorn.run(
            "sync.ledger.asgi:app",
            host=host,
            port=port,
            workers=settings.workers,
            log_level="warning",
            access_log=False,
        )
    else:
        uvicorn.run(create_app(ledger, settings), host=host, port=port, log_level="warning", access_log=False)


if __name__ == "__main__":
    sys.exit(main())
