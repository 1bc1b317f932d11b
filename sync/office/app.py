"""The office console as an ASGI app mounted by the ledger under ``/office/``: sign-in, server-side
sessions, a form token on every form, roles, and the pages, each calling the same ``Ledger``
methods as ``allive-admin``.

Security: the session cookie is HttpOnly and SameSite=Strict (Secure behind TLS); every POST
carries the session's form token (the sign-in form a token of its own cookie) and is refused
without it; pages are never cached and may not be framed, and the Content-Security-Policy allows
no script at all. Roles: ``admin`` may do everything, ``staff`` the office's work, ``viewer`` reads
with names masked.
"""

# No `from __future__ import annotations`: FastAPI must see the real Depends() and Form() annotations.

import datetime as dt
import json
import logging
import secrets
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import Depends, FastAPI, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from sync.ledger.errors import LedgerError
from sync.ledger.logs import identify
from sync.ledger.office_sessions import OfficeSession
from sync.ledger.service import Ledger
from sync.office.messages import LANGS, kind_label, language, text
from sync.shared.cards.number import mask_name
from sync.shared.clock import KST

log = logging.getLogger(__name__)

PREFIX = "/office"
HERE = Path(__file__).resolve().parent
SESSION_COOKIE = "allive_office"
SIGN_IN_COOKIE = "allive_office_form"  # the sign-in form's own token (no session yet)
LANG_COOKIE = "allive_office_lang"

# What each role may do: "view" pages, "work" (the office's changes), manage "operators".
PERMISSIONS: dict[str, frozenset[str]] = {
    "admin": frozenset({"view", "work", "audit", "operators"}),
    "staff": frozenset({"view", "work", "audit"}),
    "viewer": frozenset({"view"}),
}

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


class SignInNeeded(Exception):
    def __init__(self, next_path: str) -> None:
        self.next_path = next_path


class Refused(Exception):
    """A request the console refuses with a page: 403 (role, form token) or 404."""

    def __init__(self, status: int, title: str, message: str, **params: object) -> None:
        self.status = status
        self.title = title
        self.message = message
        self.params = params


def _kst(stamp: str | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    if not stamp:
        return "-"
    try:
        return dt.datetime.fromisoformat(stamp).astimezone(KST).strftime(fmt)
    except ValueError:
        return stamp


def _won(amount: int) -> str:
    return f"{amount:,}"


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["kst"] = _kst
    env.filters["won"] = _won
    env.filters["figures"] = lambda value: json.dumps(value, ensure_ascii=False, sort_keys=True)
    return env


def _safe_next(value: str | None) -> str:
    """Where to go after signing in: a page of the console, never another site."""
    if value and value.startswith(PREFIX + "/") and not value.startswith("//") and "\\" not in value:
        return value
    return f"{PREFIX}/dashboard"


def create_office_app(ledger: Ledger) -> FastAPI:
    office = FastAPI(openapi_url=None, docs_url=None, redoc_url=None, title="ALL-LIVE Market office")
    env = _environment()
    office.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @office.middleware("http")
    async def _headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if not request.url.path.startswith(f"{PREFIX}/static/"):
            response.headers["Cache-Control"] = "no-store"
        return response

    def lang_of(request: Request) -> str:
        return language(request.query_params.get("lang") or request.cookies.get(LANG_COOKIE))

    def render(
        request: Request,
        template: str,
        session: OfficeSession | None,
        http_status: int = 200,
        **context: Any,
    ) -> HTMLResponse:
        lang = lang_of(request)
        role = session.role if session else ""
        allowed = PERMISSIONS.get(role, frozenset())

        def t(key: str, **params: object) -> str:
            return text(key, lang, **params)

        def name_of(full: str) -> str:
            """A participant's name as this operator may see it."""
            return full if "work" in allowed else mask_name(full)

        other = "en" if lang == "ko" else "ko"
        switch = dict(request.query_params) | {"lang": other}
        body = env.get_template(template).render(
            request=request,
            prefix=PREFIX,
            lang=lang,
            t=t,
            kind_label=lambda kind: kind_label(kind, lang),
            session=session,
            can=lambda what: what in allowed,
            name_of=name_of,
            lang_switch=f"{request.url.path}?{urlencode(switch)}",
            path=request.url.path,
            **context,
        )
        response = HTMLResponse(body, status_code=http_status)
        if request.query_params.get("lang") in LANGS:
            response.set_cookie(
                LANG_COOKIE, lang, max_age=365 * 86400, path=PREFIX, httponly=True, samesite="strict"
            )
        return response

    @office.exception_handler(SignInNeeded)
    async def _sign_in_needed(request: Request, exc: SignInNeeded) -> Response:
        target = f"{PREFIX}/sign-in?{urlencode({'next': exc.next_path})}"
        if request.cookies.get(SESSION_COOKIE):
            target += "&ended=1"
        response = RedirectResponse(target, status_code=303)
        response.delete_cookie(SESSION_COOKIE, path=PREFIX)
        return response

    @office.exception_handler(Refused)
    async def _refused(request: Request, exc: Refused) -> Response:
        session = getattr(request.state, "office_session", None)
        return render(
            request,
            "refused.html",
            session,
            exc.status,
            title=exc.title,
            message=exc.message,
            params=exc.params,
        )

    @office.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            session = getattr(request.state, "office_session", None)
            return render(
                request, "refused.html", session, 404, title="not_found_title", message="not_found", params={}
            )
        return Response(str(exc.detail), status_code=exc.status_code)

    # -- who is asking ----------------------------------------------------------------------------
    def signed_in(request: Request) -> OfficeSession:
        token = request.cookies.get(SESSION_COOKIE)
        session = ledger.office_session(token) if token else None
        if session is None:
            raise SignInNeeded(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
        identify(f"office:{session.username}")
        request.state.office_session = session
        return session

    Session = Annotated[OfficeSession, Depends(signed_in)]

    def may(session: OfficeSession, what: str) -> None:
        if what not in PERMISSIONS.get(session.role, frozenset()):
            log.info("office: %s (%s) refused %s", session.username, session.role, what)
            raise Refused(403, "forbidden_title", "forbidden", role=session.role)

    def form_token(session: OfficeSession, presented: str | None) -> None:
        if not session.form_token_matches(presented):
            log.warning("office: a form of %s came without its form token", session.username)
            raise Refused(403, "form_expired_title", "form_expired")

    FormToken = Annotated[str | None, Form()]

    # -- signing in and out -------------------------------------------------------------------------
    @office.get("/")
    def home() -> RedirectResponse:
        return RedirectResponse(f"{PREFIX}/dashboard", status_code=303)

    def sign_in_page(request: Request, status: int = 200, **context: Any) -> HTMLResponse:
        form = secrets.token_urlsafe(32)
        asked = context.pop("next", None)
        response = render(
            request,
            "sign_in.html",
            None,
            status,
            form_token=form,
            next=_safe_next(asked or request.query_params.get("next")),
            ended=bool(request.query_params.get("ended")),
            signed_out=bool(request.query_params.get("signed_out")),
            **context,
        )
        response.set_cookie(
            SIGN_IN_COOKIE, form, path=PREFIX, httponly=True, samesite="strict", secure=_tls(request)
        )
        return response

    @office.get("/sign-in")
    def sign_in_form(request: Request) -> HTMLResponse:
        return sign_in_page(request, username="", refused=False)

    @office.post("/sign-in")
    def sign_in(
        request: Request,
        username: Annotated[str, Form(max_length=200)] = "",
        password: Annotated[str, Form(max_length=2000)] = "",
        csrf_token: FormToken = None,
        next: Annotated[str, Form(max_length=2000)] = "",
    ) -> Response:
        expected = request.cookies.get(SIGN_IN_COOKIE) or ""
        if not expected or not secrets.compare_digest(expected.encode(), (csrf_token or "").encode()):
            log.warning("office: a sign-in form came without its form token")
            raise Refused(403, "form_expired_title", "form_expired")
        signed = ledger.sign_in(username, password)
        if signed is None:
            return sign_in_page(request, 401, username=username, refused=True, next=next)
        identify(f"office:{signed.session.username}")
        response = RedirectResponse(_safe_next(next), status_code=303)
        response.set_cookie(
            SESSION_COOKIE, signed.token, path=PREFIX, httponly=True, samesite="strict", secure=_tls(request)
        )
        response.delete_cookie(SIGN_IN_COOKIE, path=PREFIX)
        return response

    @office.post("/sign-out")
    def sign_out(request: Request, session: Session, csrf_token: FormToken = None) -> Response:
        form_token(session, csrf_token)
        ledger.sign_out(request.cookies.get(SESSION_COOKIE, ""))
        response = RedirectResponse(f"{PREFIX}/sign-in?signed_out=1", status_code=303)
        response.delete_cookie(SESSION_COOKIE, path=PREFIX)
        return response

    # -- pages ------------------------------------------------------------------------------------
    @office.get("/dashboard")
    def dashboard(request: Request, session: Session) -> HTMLResponse:
        board = ledger.dashboard()
        board.by_shop.sort(key=lambda row: -row.net)
        most_by_shop = max((r.net for r in board.by_shop), default=0)
        most_by_day = max((r.net for r in board.by_day), default=0)
        return render(
            request,
            "dashboard.html",
            session,
            board=board,
            most_by_shop=most_by_shop,
            most_by_day=most_by_day,
        )

    @office.get("/audit")
    def audit(
        request: Request,
        session: Session,
        action: Annotated[str, Query(max_length=40)] = "",
        operator: Annotated[str, Query(max_length=64)] = "",
    ) -> HTMLResponse:
        may(session, "audit")
        rows = ledger.audit_log(action=action or None, operator=operator or None, limit=200)
        return render(
            request, "audit.html", session, rows=rows, action=action, operator=operator, actions=AUDIT_ACTIONS
        )

    @office.get("/alerts")
    def alerts(
        request: Request,
        session: Session,
        status: Annotated[str, Query(max_length=20)] = "open",
        done: Annotated[str, Query(max_length=40)] = "",
        alert: Annotated[int, Query(ge=0)] = 0,
    ) -> HTMLResponse:
        return alerts_page(request, session, status, done=done, alert=alert)

    def alerts_page(
        request: Request, session: OfficeSession, status: str, code: int = 200, **context: Any
    ) -> HTMLResponse:
        shown = status if status in ("open", "acknowledged", "resolved") else "all"
        rows = ledger.alert_list(status=None if shown == "all" else shown, limit=200)
        context.setdefault("error", None)
        return render(request, "alerts.html", session, code, rows=rows, status=shown, **context)

    @office.post("/alerts/{alert_id}/acknowledge")
    def acknowledge(
        request: Request, session: Session, alert_id: int, csrf_token: FormToken = None
    ) -> Response:
        form_token(session, csrf_token)
        may(session, "work")
        try:
            ledger.acknowledge_alert(alert_id, operator=session.username)
        except LedgerError as exc:
            return alerts_page(request, session, "all", 409, error=exc, done="", alert=0)
        return _back(f"{PREFIX}/alerts", done="alert_acknowledged", alert=alert_id)

    @office.post("/alerts/{alert_id}/resolve")
    def resolve(
        request: Request,
        session: Session,
        alert_id: int,
        note: Annotated[str, Form(max_length=2000)] = "",
        csrf_token: FormToken = None,
    ) -> Response:
        form_token(session, csrf_token)
        may(session, "work")
        try:
            ledger.resolve_alert(alert_id, operator=session.username, note=note)
        except LedgerError as exc:
            return alerts_page(request, session, "all", 409, error=exc, done="", alert=0)
        return _back(f"{PREFIX}/alerts", done="alert_resolved", alert=alert_id)

    @office.get("/participants")
    def participants(
        request: Request, session: Session, q: Annotated[str, Query(max_length=100)] = ""
    ) -> HTMLResponse:
        query = q.strip()
        found = ledger.lookup_participant(query, operator=session.username) if query else None
        unspent = [] if query else ledger.unspent_by_participant()[:50]
        return render(request, "participants.html", session, q=query, found=found, unspent=unspent)

    return office


# Actions the audit log's filter offers (any other can still be typed into the address).
AUDIT_ACTIONS = (
    "sign_in",
    "sign_in_failed",
    "sign_out",
    "add_operator",
    "disable_operator",
    "reset_password",
    "view_participant",
    "acknowledge_alert",
    "resolve_alert",
    "import_participants",
    "grant",
    "issue_cards",
    "revoke",
    "replace",
    "add_shop",
    "enrol_till",
    "disable_till",
    "enable_till",
    "rotate_till_token",
    "set_shop_bank",
    "record_payment",
    "resolve_dispute",
    "scan_anomalies",
    "set_thresholds",
    "expire",
    "backup",
    "restore",
)


def _tls(request: Request) -> bool:
    return request.url.scheme == "https"


def _back(path: str, **params: object) -> RedirectResponse:
    query = urlencode({k: str(v) for k, v in params.items()}, quote_via=quote)
    return RedirectResponse(f"{path}?{query}" if query else path, status_code=303)
