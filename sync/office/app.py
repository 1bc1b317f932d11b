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

import base64
import binascii
import datetime as dt
import json
import logging
import secrets
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import Depends, FastAPI, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from sync.admin.card_sheet import printed_cards, write_card_sheet
from sync.admin.office import AdminError
from sync.admin.participants_csv import (
    CsvRefused,
    EligibilityRule,
    eligibility_report,
    parse_participants_data,
    rows_to_import,
)
from sync.admin.shop_setup import checked_business_no, till_settings
from sync.admin.statement_files import (
    file_stem,
    write_statement_csv,
    write_statement_pdf,
    write_transfer_file,
)
from sync.ledger.errors import LedgerError
from sync.ledger.logs import identify
from sync.ledger.office_sessions import OfficeSession
from sync.ledger.service import Ledger
from sync.ledger.settlement import Period
from sync.office.messages import LANGS, kind_label, language, text
from sync.shared.cards.number import format_card_number, mask_name
from sync.shared.clock import KST, business_day_of

log = logging.getLogger(__name__)

PREFIX = "/office"
HERE = Path(__file__).resolve().parent
SESSION_COOKIE = "allive_office"
SIGN_IN_COOKIE = "allive_office_form"  # the sign-in form's own token (no session yet)
LANG_COOKIE = "allive_office_lang"

# What each role may do: "view" pages, "work" (the office's changes), manage "operators".
# "shops": shops' bank details, disabling and enabling tills (admin only).
PERMISSIONS: dict[str, frozenset[str]] = {
    "admin": frozenset({"view", "work", "audit", "operators", "shops"}),
    "staff": frozenset({"view", "work", "audit"}),
    "viewer": frozenset({"view"}),
}

MAX_UPLOAD_BYTES = 2_000_000  # a participant list of some 20,000 rows

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


def create_office_app(ledger: Ledger, *, issuer_key_dir: Path | None = None) -> FastAPI:
    """The console on ``ledger``. ``issuer_key_dir`` holds each year's issuer key as ``<year>.pem``
    when the office chose to keep them on this server (a replaced card's sheet is then offered);
    None keeps them off it, and the office prints with ``allive-admin issue-cards``."""
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

        def masked(full: str) -> str:
            return mask_name(full)

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
            masked=masked,
            card_no=format_card_number,
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

    # -- participants: importing the office's list ------------------------------------------------
    def import_page(
        request: Request, session: OfficeSession, code: int = 200, **context: Any
    ) -> HTMLResponse:
        context.setdefault("refused", None)
        context.setdefault("preview", None)
        context.setdefault("min_months", EligibilityRule().min_months)
        context.setdefault("done", request.query_params.get("done", ""))
        context.setdefault("figures", dict(request.query_params))
        return render(request, "import.html", session, code, **context)

    @office.get("/participants/import")
    def import_form(request: Request, session: Session) -> HTMLResponse:
        may(session, "work")
        return import_page(request, session)

    def read_list(data: bytes, min_months: int) -> tuple[Any, list[tuple[Any, list[str]]]]:
        parsed = parse_participants_data(data)
        return parsed, eligibility_report(parsed.rows, EligibilityRule(min_months=min_months))

    @office.post("/participants/import/preview")
    async def import_preview(
        request: Request,
        session: Session,
        file: Annotated[UploadFile, File()],
        min_months: Annotated[int, Form(ge=0, le=12)] = 3,
        csrf_token: FormToken = None,
    ) -> HTMLResponse:
        form_token(session, csrf_token)
        may(session, "work")
        data = await file.read(MAX_UPLOAD_BYTES + 1)
        name = file.filename or ""
        if len(data) > MAX_UPLOAD_BYTES:
            return import_page(
                request, session, 413, refused={"message": "import_too_large"}, min_months=min_months
            )
        try:
            parsed, report = read_list(data, min_months)
        except CsvRefused as exc:
            refused = {"message": str(exc), "problems": exc.problems, "file": name}
            return import_page(request, session, 422, refused=refused, min_months=min_months)
        preview = {
            "file": name,
            "encoding": parsed.encoding,
            "report": report,
            "eligible": sum(1 for _, reasons in report if not reasons),
            "data": base64.b64encode(data).decode("ascii"),
        }
        return import_page(request, session, preview=preview, min_months=min_months)

    @office.post("/participants/import")
    def import_participants(
        request: Request,
        session: Session,
        data: Annotated[str, Form(max_length=MAX_UPLOAD_BYTES * 2)] = "",
        file_name: Annotated[str, Form(max_length=300)] = "",
        min_months: Annotated[int, Form(ge=0, le=12)] = 3,
        csrf_token: FormToken = None,
    ) -> Response:
        form_token(session, csrf_token)
        may(session, "work")
        try:
            # The previewed file, read again by the same rules: what is imported is what was shown.
            parsed, report = read_list(base64.b64decode(data, validate=True), min_months)
        except (CsvRefused, binascii.Error, ValueError) as exc:
            refused = {"message": str(exc), "problems": getattr(exc, "problems", []), "file": file_name}
            return import_page(request, session, 422, refused=refused, min_months=min_months)
        rows = rows_to_import(report)
        ledger.add_participants(rows, operator=session.username)
        eligible = sum(1 for _, reasons in report if not reasons)
        return _back(
            f"{PREFIX}/participants/import",
            done="imported",
            count=len(rows),
            eligible=eligible,
            encoding=parsed.encoding,
        )

    # -- cards ------------------------------------------------------------------------------------
    def key_file(year: int | None) -> Path | None:
        """The year's issuer key on this server, if the office keeps it here."""
        if issuer_key_dir is None or year is None:
            return None
        path = issuer_key_dir / f"{year}.pem"
        return path if path.is_file() else None

    def cards_page(
        request: Request, session: OfficeSession, number: str, code: int = 200, **context: Any
    ) -> HTMLResponse:
        digits = "".join(ch for ch in number if ch in "0123456789")
        # Only a whole card number is looked up: a shorter one would search names and ids (and log
        # every participant it showed).
        is_card = len(digits) == 12 and len(number.replace(" ", "").replace("-", "")) == 12
        found = ledger.lookup_participant(digits, operator=session.username) if is_card else None
        detail = found.shown[0] if found and found.shown else None
        card = next((c for c in detail.cards if c.number == digits), None) if detail else None
        context.setdefault("error", None)
        return render(
            request,
            "cards.html",
            session,
            code,
            q=number,
            detail=detail,
            card=card,
            printable=card is not None and key_file(card.year) is not None,
            key_dir_set=issuer_key_dir is not None,
            done=request.query_params.get("done", ""),
            figures=dict(request.query_params),
            **context,
        )

    @office.get("/cards")
    def cards(
        request: Request, session: Session, card: Annotated[str, Query(max_length=40)] = ""
    ) -> HTMLResponse:
        return cards_page(request, session, card.strip())

    @office.post("/cards/{number}/revoke")
    def revoke(
        request: Request,
        session: Session,
        number: str,
        reason: Annotated[str, Form(max_length=500)] = "",
        csrf_token: FormToken = None,
    ) -> Response:
        form_token(session, csrf_token)
        may(session, "work")
        if not reason.strip():
            return cards_page(request, session, number, 422, error=LedgerError("card_needs_reason"))
        try:
            ledger.revoke_card(number, reason.strip(), operator=session.username)
        except LedgerError as exc:
            return cards_page(request, session, number, 409, error=exc)
        return _back(f"{PREFIX}/cards", card=number, done="card_revoked")

    @office.post("/cards/{number}/replace")
    def replace(
        request: Request,
        session: Session,
        number: str,
        reason: Annotated[str, Form(max_length=500)] = "",
        csrf_token: FormToken = None,
    ) -> Response:
        form_token(session, csrf_token)
        may(session, "work")
        if not reason.strip():
            return cards_page(request, session, number, 422, error=LedgerError("card_needs_reason"))
        try:
            moved = ledger.card_balance(number)
            new = ledger.replace_card(number, reason.strip(), operator=session.username)
        except LedgerError as exc:
            return cards_page(request, session, number, 409, error=exc)
        return _back(f"{PREFIX}/cards", card=new.number, done="card_replaced", old=number, amount=moved)

    @office.get("/cards/{number}/sheet.pdf")
    def card_sheet(request: Request, session: Session, number: str) -> Response:
        """The printable sheet of one card (its receipt list and the card), signed with the year's
        issuer key kept on this server; audited as ``issue_cards`` like the command."""
        may(session, "work")
        found = ledger.lookup_participant(number, operator=session.username)
        detail = found.shown[0] if found.shown else None
        card = next((c for c in detail.cards if c.number == number), None) if detail else None
        if detail is None or card is None or card.status not in ("active", "online_only"):
            raise Refused(404, "not_found_title", "card_not_printable", card=number)
        path = key_file(card.year)
        if path is None:
            raise Refused(409, "card_key_missing_title", "card_key_missing", card=number)
        try:
            printed = [
                c
                for c in printed_cards(ledger, path, [detail.participant.participant_id])
                if c.number == number
            ]
        except AdminError as exc:
            log.warning("office: the issuer key %s cannot be read", path)
            raise Refused(409, "card_key_missing_title", "card_key_unreadable", card=number) from exc
        with tempfile.TemporaryDirectory() as tmp:
            sheet = write_card_sheet(
                printed, Path(tmp) / f"card-{number}.pdf", printed_on=business_day_of(ledger.clock())
            )
            body = sheet.path.read_bytes()
        ledger.audit(
            session.username,
            "issue_cards",
            number,
            args={"participants": [detail.participant.participant_id], "via": "office console"},
            after={"cards": sheet.cards, "pages": sheet.pages, "files": [f"card-{number}.pdf"]},
        )
        return _download(body, f"card-{number}.pdf", "application/pdf")

    # -- settlement ---------------------------------------------------------------------------------
    def period_of(month: str) -> Period:
        if month:
            try:
                return Period.parse_month(month)
            except (LedgerError, ValueError):
                raise Refused(404, "not_found_title", "month_invalid", month=month) from None
        return Period.month_before(business_day_of(ledger.clock()))

    def settlement_page(
        request: Request, session: OfficeSession, month: str, code: int = 200, **context: Any
    ) -> HTMLResponse:
        period = period_of(month)
        context.setdefault("error", None)
        context.setdefault("form", {})
        return render(
            request,
            "settlement.html",
            session,
            code,
            period=period,
            month=period.start.strftime("%Y-%m"),
            statements=ledger.statements(period),
            batch=ledger.transfers(period),
            done=request.query_params.get("done", ""),
            figures=dict(request.query_params),
            today=business_day_of(ledger.clock()),
            **context,
        )

    @office.get("/settlement")
    def settlement(
        request: Request, session: Session, month: Annotated[str, Query(max_length=7)] = ""
    ) -> HTMLResponse:
        return settlement_page(request, session, month)

    @office.get("/settlement/{month}/statements/{shop_id}.{kind}")
    def statement_file(request: Request, session: Session, month: str, shop_id: str, kind: str) -> Response:
        """A shop's statement as the CSV or PDF ``allive-admin statement`` writes; the export is
        audited (``export_statement``)."""
        may(session, "work")
        if kind not in ("csv", "pdf"):
            raise Refused(404, "not_found_title", "not_found")
        period = period_of(month)
        found = ledger.statements(period, [shop_id])
        if not found:
            raise Refused(404, "not_found_title", "not_found")
        s = found[0]
        lang = lang_of(request)
        issued_at = ledger.clock()
        name = f"{file_stem(s)}.{kind}"
        with tempfile.TemporaryDirectory() as tmp:
            writer = write_statement_csv if kind == "csv" else write_statement_pdf
            body = writer(s, Path(tmp) / name, issued_at, lang).read_bytes()
        ledger.audit(
            session.username,
            "export_statement",
            s.shop_id,
            args={"period": period.label, "files": [name], "via": "office console"},
            after={"net": s.net, "paid": s.paid, "balance": s.balance},
        )
        media = "text/csv; charset=utf-8" if kind == "csv" else "application/pdf"
        return _download(body, name, media)

    @office.get("/settlement/{month}/bank-file.csv")
    def bank_file(request: Request, session: Session, month: str) -> Response:
        may(session, "work")
        period = period_of(month)
        batch = ledger.transfers(period)
        name = f"transfers-{period.start:%Y-%m}.csv"
        with tempfile.TemporaryDirectory() as tmp:
            body = write_transfer_file(batch, Path(tmp) / name, lang_of(request)).read_bytes()
        ledger.audit(
            session.username,
            "export_bank_file",
            period.label,
            args={"file": name, "via": "office console"},
            after={
                "shops": len(batch.transfers),
                "total": batch.total,
                "problems": [f"{p.shop_id}: {p.code}" for p in batch.problems],
            },
        )
        return _download(body, name, "text/csv; charset=utf-8")

    @office.post("/settlement/payment")
    def record_payment(
        request: Request,
        session: Session,
        shop_id: Annotated[str, Form(max_length=64)] = "",
        month: Annotated[str, Form(max_length=7)] = "",
        amount: Annotated[str, Form(max_length=20)] = "",
        reference: Annotated[str, Form(max_length=100)] = "",
        paid_on: Annotated[str, Form(max_length=10)] = "",
        csrf_token: FormToken = None,
    ) -> Response:
        form_token(session, csrf_token)
        may(session, "work")
        form = {"shop_id": shop_id, "amount": amount, "reference": reference, "paid_on": paid_on}
        period = period_of(month)
        try:
            won = int(amount.replace(",", "").strip())
        except ValueError:
            error = LedgerError("payment_amount_invalid", amount=amount)
            return settlement_page(request, session, month, 422, error=error, form=form)
        try:
            day = dt.date.fromisoformat(paid_on.strip())
        except ValueError:
            error = LedgerError("paid_on_invalid", paid_on=paid_on)
            return settlement_page(request, session, month, 422, error=error, form=form)
        try:
            done = ledger.record_payment(shop_id, period, won, reference, day, operator=session.username)
        except LedgerError as exc:
            return settlement_page(request, session, month, 409, error=exc, form=form)
        paid = done.payment
        return _back(
            f"{PREFIX}/settlement",
            month=f"{period.start:%Y-%m}",
            done="payment_already_recorded" if done.already_recorded else "payment_recorded",
            shop_id=paid.shop_id,
            amount=_won(paid.amount),
            reference=paid.reference,
            paid_on=paid.paid_on,
            balance=_won(done.balance_after),
            period=period.label,
        )

    # -- shops and tills ------------------------------------------------------------------------
    def shops_page(request: Request, session: OfficeSession, code: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("error", None)
        return render(
            request,
            "shops.html",
            session,
            code,
            shops=ledger.shop_banks(),
            tills=ledger.tills(),
            done=request.query_params.get("done", ""),
            till=request.query_params.get("till", ""),
            shop=request.query_params.get("shop", ""),
            origin=_origin(request),
            **context,
        )

    @office.get("/shops")
    def shops(request: Request, session: Session) -> HTMLResponse:
        return shops_page(request, session)

    @office.post("/shops/{shop_id}/bank")
    def set_shop_bank(
        request: Request,
        session: Session,
        shop_id: str,
        bank: Annotated[str, Form(max_length=40)] = "",
        account_no: Annotated[str, Form(max_length=40)] = "",
        holder: Annotated[str, Form(max_length=100)] = "",
        csrf_token: FormToken = None,
    ) -> Response:
        form_token(session, csrf_token)
        may(session, "shops")
        try:
            ledger.set_shop_bank(shop_id, bank, account_no, holder, operator=session.username)
        except LedgerError as exc:
            return shops_page(request, session, 409, error=exc)
        return _back(f"{PREFIX}/shops", done="shop_bank_saved", shop=shop_id)

    @office.post("/shops/add")
    def add_shop(
        request: Request,
        session: Session,
        shop_id: Annotated[str, Form(max_length=64)] = "",
        name: Annotated[str, Form(max_length=200)] = "",
        business_no: Annotated[str, Form(max_length=20)] = "",
        representative: Annotated[str, Form(max_length=100)] = "",
        address: Annotated[str, Form(max_length=300)] = "",
        phone: Annotated[str, Form(max_length=40)] = "",
        csrf_token: FormToken = None,
    ) -> Response:
        form_token(session, csrf_token)
        may(session, "shops")
        try:
            ledger.add_shop(
                shop_id.strip(),
                name.strip(),
                checked_business_no(business_no),
                representative.strip(),
                address.strip(),
                phone.strip(),
                operator=session.username,
            )
        except (LedgerError, AdminError) as exc:
            return shops_page(request, session, 409, error=exc)
        return _back(f"{PREFIX}/shops", done="shop_added", shop=shop_id.strip())

    def settings_download(shop_id: str, till_id: str, ledger_url: str, token: str) -> Response:
        """A till's settings file, given once: it holds the till's token (never shown on a page)."""
        body = till_settings(ledger, shop_id, till_id, ledger_url.strip().rstrip("/"), token)
        return _download(body.encode("utf-8"), f"{till_id}.json", "application/json")

    @office.post("/shops/{shop_id}/tills")
    def enrol_till(
        request: Request,
        session: Session,
        shop_id: str,
        till_id: Annotated[str, Form(max_length=64)] = "",
        ledger_url: Annotated[str, Form(max_length=300)] = "",
        csrf_token: FormToken = None,
    ) -> Response:
        form_token(session, csrf_token)
        may(session, "shops")
        try:
            token = ledger.enrol_till(shop_id, till_id.strip(), operator=session.username)
        except LedgerError as exc:
            return shops_page(request, session, 409, error=exc)
        return settings_download(shop_id, till_id.strip(), ledger_url or _origin(request), token)

    @office.post("/tills/{till_id}/rotate")
    def rotate_token(
        request: Request,
        session: Session,
        till_id: str,
        ledger_url: Annotated[str, Form(max_length=300)] = "",
        csrf_token: FormToken = None,
    ) -> Response:
        form_token(session, csrf_token)
        may(session, "shops")
        try:
            new = ledger.rotate_till_token(till_id, operator=session.username)
        except LedgerError as exc:
            return shops_page(request, session, 409, error=exc)
        return settings_download(new.shop_id, new.till_id, ledger_url or _origin(request), new.token)

    @office.post("/tills/{till_id}/disable")
    def disable_till(
        request: Request,
        session: Session,
        till_id: str,
        reason: Annotated[str, Form(max_length=500)] = "",
        csrf_token: FormToken = None,
    ) -> Response:
        form_token(session, csrf_token)
        may(session, "shops")
        try:
            ledger.disable_till(till_id, reason.strip(), operator=session.username)
        except LedgerError as exc:
            return shops_page(request, session, 409, error=exc)
        return _back(f"{PREFIX}/shops", done="till_disabled", till=till_id)

    @office.post("/tills/{till_id}/enable")
    def enable_till(
        request: Request, session: Session, till_id: str, csrf_token: FormToken = None
    ) -> Response:
        form_token(session, csrf_token)
        may(session, "shops")
        try:
            ledger.enable_till(till_id, operator=session.username)
        except LedgerError as exc:
            return shops_page(request, session, 409, error=exc)
        return _back(f"{PREFIX}/shops", done="till_enabled", till=till_id)

    # -- disputed offline claims ----------------------------------------------------------------
    def disputes_page(
        request: Request, session: OfficeSession, status: str, code: int = 200, **context: Any
    ) -> HTMLResponse:
        shown = status if status in ("open", "accepted", "rejected") else "all"
        context.setdefault("error", None)
        return render(
            request,
            "disputes.html",
            session,
            code,
            rows=ledger.disputes(None if shown == "all" else shown),
            status=shown,
            done=request.query_params.get("done", ""),
            dispute=request.query_params.get("dispute", ""),
            **context,
        )

    @office.get("/disputes")
    def disputes(
        request: Request, session: Session, status: Annotated[str, Query(max_length=20)] = "open"
    ) -> HTMLResponse:
        return disputes_page(request, session, status)

    @office.post("/disputes/{dispute_id}/resolve")
    def resolve_dispute(
        request: Request,
        session: Session,
        dispute_id: str,
        decision: Annotated[str, Form(max_length=10)] = "",
        note: Annotated[str, Form(max_length=2000)] = "",
        csrf_token: FormToken = None,
    ) -> Response:
        form_token(session, csrf_token)
        may(session, "work")
        if decision not in ("accept", "reject"):
            return disputes_page(request, session, "all", 422, error=LedgerError("dispute_needs_decision"))
        try:
            ledger.resolve_dispute(
                dispute_id, accept=decision == "accept", note=note.strip(), operator=session.username
            )
        except LedgerError as exc:
            return disputes_page(request, session, "all", 409, error=exc)
        return _back(f"{PREFIX}/disputes", done=f"dispute_{decision}ed", dispute=dispute_id)

    # -- operators (admin) --------------------------------------------------------------------------
    def operators_page(
        request: Request, session: OfficeSession, code: int = 200, **context: Any
    ) -> HTMLResponse:
        context.setdefault("error", None)
        context.setdefault("form", {})
        return render(
            request,
            "operators.html",
            session,
            code,
            operators=ledger.operators(),
            done=request.query_params.get("done", ""),
            figures=dict(request.query_params),
            **context,
        )

    @office.get("/operators")
    def operators(request: Request, session: Session) -> HTMLResponse:
        may(session, "operators")
        return operators_page(request, session)

    def same_passwords(password: str, again: str) -> None:
        if not secrets.compare_digest(password.encode(), again.encode()):
            raise LedgerError("password_mismatch_form")

    @office.post("/operators/add")
    def add_operator(
        request: Request,
        session: Session,
        username: Annotated[str, Form(max_length=64)] = "",
        role: Annotated[str, Form(max_length=20)] = "",
        display_name: Annotated[str, Form(max_length=100)] = "",
        password: Annotated[str, Form(max_length=2000)] = "",
        password_again: Annotated[str, Form(max_length=2000)] = "",
        csrf_token: FormToken = None,
    ) -> Response:
        form_token(session, csrf_token)
        may(session, "operators")
        form = {"username": username, "role": role, "display_name": display_name}
        try:
            same_passwords(password, password_again)
            added = ledger.add_operator(
                username.strip(), role, password, display_name.strip(), operator=session.username
            )
        except LedgerError as exc:
            return operators_page(request, session, 409, error=exc, form=form)
        return _back(f"{PREFIX}/operators", done="operator_added_done", username=added.username)

    @office.post("/operators/{username}/disable")
    def disable_operator(
        request: Request, session: Session, username: str, csrf_token: FormToken = None
    ) -> Response:
        form_token(session, csrf_token)
        may(session, "operators")
        if username == session.username:
            return operators_page(request, session, 409, error=LedgerError("operator_not_self"))
        try:
            ended = ledger.disable_operator(username, operator=session.username)
        except LedgerError as exc:
            return operators_page(request, session, 409, error=exc)
        return _back(f"{PREFIX}/operators", done="operator_disabled", username=username, sessions=ended)

    @office.post("/operators/{username}/password")
    def reset_password(
        request: Request,
        session: Session,
        username: str,
        password: Annotated[str, Form(max_length=2000)] = "",
        password_again: Annotated[str, Form(max_length=2000)] = "",
        csrf_token: FormToken = None,
    ) -> Response:
        form_token(session, csrf_token)
        may(session, "operators")
        try:
            same_passwords(password, password_again)
            ended = ledger.reset_password(username, password, operator=session.username)
        except LedgerError as exc:
            return operators_page(request, session, 409, error=exc)
        if username == session.username:  # their own sessions ended with it, this one too
            raise SignInNeeded(f"{PREFIX}/operators")
        return _back(f"{PREFIX}/operators", done="operator_password_reset", username=username, sessions=ended)

    # -- backups ----------------------------------------------------------------------------------
    @office.get("/backups")
    def backups(request: Request, session: Session) -> HTMLResponse:
        may(session, "audit")
        last = ledger.last_backup()
        recent = ledger.audit_log(action="backup", limit=10)
        age = None
        if last is not None:
            age = (ledger.clock() - dt.datetime.fromisoformat(last.at)).total_seconds() / 3600
        return render(request, "backups.html", session, last=last, recent=recent, age_hours=age)

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
    "export_statement",
    "export_bank_file",
    "resolve_dispute",
    "scan_anomalies",
    "set_thresholds",
    "expire",
    "backup",
    "restore",
)


def _origin(request: Request) -> str:
    """This ledger's address as the browser reached it (a new till's settings point there)."""
    return f"{request.url.scheme}://{request.url.netloc}"


def _tls(request: Request) -> bool:
    return request.url.scheme == "https"


def _back(path: str, **params: object) -> RedirectResponse:
    query = urlencode({k: str(v) for k, v in params.items()}, quote_via=quote)
    return RedirectResponse(f"{path}?{query}" if query else path, status_code=303)


def _download(body: bytes, name: str, media_type: str) -> Response:
    """A file to save (never shown inline): statements, the bank file, a card sheet."""
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(body, media_type=media_type, headers=headers)
