"""The ledger's HTTP API (/v1): till push and snapshot with per-till bearer tokens, admin reads; the
office's web console is mounted beside it under /office/ (``sync.office``).

Business outcomes travel in the response body; HTTP errors mean "try again later" (5xx) or "this
request can never succeed" (4xx, with a JSON body saying why). Tokens are never logged.
"""

# No `from __future__ import annotations` here: FastAPI must see the real Depends() annotations.

import datetime as dt
import hmac
import logging
from dataclasses import asdict
from typing import Annotated, Any

import psycopg
from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError, OperationalError

from sync.ledger.errors import LedgerError
from sync.ledger.guard import TillGuard
from sync.ledger.logs import RequestLog, access_logger, identify
from sync.ledger.records import TillRecord
from sync.ledger.service import Ledger
from sync.ledger.settings import LedgerSettings
from sync.office import PREFIX as OFFICE_PREFIX
from sync.office import create_office_app
from sync.protocol import (
    MAX_BATCH,
    ErrorBody,
    PushRequest,
    PushResponse,
    SnapshotResponse,
    TillEntriesResponse,
)

log = logging.getLogger(__name__)

ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "missing or unknown token"},
    403: {"model": ErrorBody, "description": "token not allowed for this till or shop"},
    413: {"model": ErrorBody, "description": "request body over the limit (1 MB by default)"},
    422: {"model": ErrorBody, "description": "malformed request"},
    503: {"model": ErrorBody, "description": "try again later"},
}


def _bearer(authorization: str | None) -> str:
    if not authorization or not authorization.startswith("Bearer ") or not authorization[7:].strip():
        raise HTTPException(401, "missing bearer token", headers={"WWW-Authenticate": "Bearer"})
    return authorization[7:].strip()


def create_app(ledger: Ledger, settings: LedgerSettings) -> FastAPI:
    app = FastAPI(
        title="ALL-LIVE Market ledger",
        version="1",
        description="Central double-entry ledger of the ALL-LIVE Market point cards (protocol v1).",
    )
    # Till requests: the token is checked before the body is read, and the body is bounded.
    app.add_middleware(
        TillGuard,
        authenticate=ledger.authenticate_till,
        cached=ledger.till_tokens.cached,
        limit=settings.max_body_bytes,
    )
    # Outermost: every answer, errors included, carries the request id and is in the access log.
    app.add_middleware(RequestLog, access=access_logger(settings))

    @app.exception_handler(HTTPException)
    async def _http_error(_request: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        detail = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", ""))} for e in exc.errors()[:20]]
        return JSONResponse({"error": "malformed request", "detail": detail}, status_code=422)

    @app.exception_handler(LedgerError)
    async def _ledger_error(_request: Request, exc: LedgerError) -> JSONResponse:
        log.info("refused: %s", exc)
        detail = {"code": exc.code, **{k: str(v) for k, v in exc.params.items()}}
        return JSONResponse({"error": str(exc), "detail": detail}, status_code=409)

    @app.exception_handler(psycopg.Error)
    async def _driver_error(_request: Request, exc: psycopg.Error) -> JSONResponse:
        # Raised by COPY, which bypasses SQLAlchemy: nothing was committed, try again.
        log.warning("database error, asking the client to retry: %s", type(exc).__name__)
        return JSONResponse({"error": "try again later"}, status_code=503, headers={"Retry-After": "1"})

    @app.exception_handler(DBAPIError)
    async def _db_error(_request: Request, exc: DBAPIError) -> JSONResponse:
        # Serialisation conflicts, a concurrent push of the same entries, a lost connection:
        # nothing was committed, and the till simply tries again.
        log.warning("database error, asking the client to retry: %s", type(exc.orig).__name__)
        return JSONResponse({"error": "try again later"}, status_code=503, headers={"Retry-After": "1"})

    def till_for(
        request: Request, till_id: str, authorization: Annotated[str | None, Header()] = None
    ) -> TillRecord:
        # TillGuard authenticated the token before the body was read; look it up only without it.
        record = getattr(request.state, "till", None) or ledger.authenticate_till(_bearer(authorization))
        if record is None:
            raise HTTPException(401, "unknown till token", headers={"WWW-Authenticate": "Bearer"})
        identify(f"till:{record.till_id}")
        if record.till_id != till_id:
            raise HTTPException(403, f"this token belongs to till {record.till_id} of shop {record.shop_id}")
        return record

    def admin(authorization: Annotated[str | None, Header()] = None) -> None:
        token = _bearer(authorization)
        if not hmac.compare_digest(token.encode(), settings.admin_token.encode()):
            raise HTTPException(403, "admin token required")
        identify("admin")

    @app.get("/v1/health")
    def health() -> dict[str, Any]:
        try:
            ledger.programme()
            ready = True
        except (LedgerError, OperationalError):
            ready = False
        return {"status": "ok", "programme": ready, "protocol": 1}

    @app.post("/v1/tills/{till_id}/entries", responses=ERRORS)
    def push(request: PushRequest, till: Annotated[TillRecord, Depends(till_for)]) -> PushResponse:
        return ledger.ingest(till.till_id, request, token_hash=till.token_hash)

    @app.get("/v1/tills/{till_id}/entries", responses=ERRORS)
    def till_entries(
        till: Annotated[TillRecord, Depends(till_for)],
        after: Annotated[int, Query(ge=0, le=2**63 - 1)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_BATCH)] = MAX_BATCH,
    ) -> TillEntriesResponse:
        """The entries the ledger holds for this till after sequence ``after`` (acknowledged, in
        order, a page at a time): how a till whose journal was lost or restored rebuilds it."""
        return ledger.till_entries(till.till_id, after, limit, token_hash=till.token_hash)

    @app.get("/v1/tills/{till_id}/snapshot", responses=ERRORS)
    def snapshot(
        till: Annotated[TillRecord, Depends(till_for)], since: Annotated[int, Query(ge=0)] = 0
    ) -> SnapshotResponse:
        return ledger.snapshot(till.till_id, since, token_hash=till.token_hash)

    @app.get("/v1/admin/balances", responses=ERRORS, dependencies=[Depends(admin)])
    def balances() -> list[dict[str, Any]]:
        return [asdict(b) for b in ledger.balances()]

    @app.get("/v1/admin/verify", responses=ERRORS, dependencies=[Depends(admin)])
    def verify() -> dict[str, Any]:
        problems = ledger.verify()
        return {"ok": not problems, "problems": problems}

    @app.get("/v1/admin/shortfalls", responses=ERRORS, dependencies=[Depends(admin)])
    def shortfalls() -> list[dict[str, Any]]:
        return [asdict(s) for s in ledger.shortfalls()]

    @app.get("/v1/admin/sales", responses=ERRORS, dependencies=[Depends(admin)])
    def sales(
        # Declared in the schema, so a client (and schemathesis) knows what is refused before asking.
        shop_id: Annotated[str | None, Query(max_length=64, pattern=r"^[^\x00]*$")] = None,
        start: dt.datetime | None = None,
        end: dt.datetime | None = None,
    ) -> list[dict[str, Any]]:
        for value in (start, end):
            if value is not None and value.tzinfo is None:
                raise HTTPException(422, "start and end need a time zone, e.g. 2026-11-25T00:00:00+09:00")
        return [asdict(s) for s in ledger.sales(shop_id, start, end)]

    # The office's web console: its own pages, sessions and errors, outside the API's schema.
    app.mount(OFFICE_PREFIX, create_office_app(ledger, issuer_key_dir=settings.issuer_key_dir))
    return app
