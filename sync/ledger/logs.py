"""Structured logs for the ledger: a request id through every line of a request, key=value or JSON
lines, and the access log of every request in a file rotated daily and kept a year by default.

The request id is set by ``RequestLog`` (the ASGI middleware) in a context variable, so any log
line written while the request runs carries it, threads of the request's thread pool included.
"""

from __future__ import annotations

import json
import logging
import logging.handlers
import os
import re
import time
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sync.ledger.settings import LedgerSettings

ACCESS_LOGGER = "allive.ledger.access"
REQUEST_ID_HEADER = "X-Request-Id"
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass
class RequestContext:
    """The request being served: its id, and who it turned out to be once authenticated."""

    request_id: str
    who: str = "-"  # till:<id>, admin, or - before (or without) authentication


request_context: ContextVar[RequestContext | None] = ContextVar("ledger_request", default=None)


def identify(who: str) -> None:
    """Record who the current request is (called by the authentication dependencies)."""
    context = request_context.get()
    if context is not None:
        context.who = who


class RequestIdFilter(logging.Filter):
    """Puts the current request's id on every record (``-`` outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        context = request_context.get()
        record.request_id = context.request_id if context else "-"
        return True


def _quoted(value: object) -> str:
    text = str(value)
    return json.dumps(text, ensure_ascii=False) if not text or re.search(r'[\s"=]', text) else text


class KeyValueFormatter(logging.Formatter):
    """``ts=... level=... logger=... request_id=... msg="..."`` plus any ``fields`` given in ``extra``."""

    def format(self, record: logging.LogRecord) -> str:
        pairs: dict[str, object] = {
            "ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
        }
        pairs.update(getattr(record, "fields", {}))
        message = record.getMessage()
        if message and not getattr(record, "fields_only", False):
            pairs["msg"] = message
        if record.exc_info:
            pairs["exc"] = self.formatException(record.exc_info)
        return " ".join(f"{key}={_quoted(value)}" for key, value in pairs.items())


class JsonFormatter(logging.Formatter):
    """One JSON object per line, with the same keys as ``KeyValueFormatter``."""

    def format(self, record: logging.LogRecord) -> str:
        body: dict[str, object] = {
            "ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            **getattr(record, "fields", {}),
        }
        if record.getMessage() and not getattr(record, "fields_only", False):
            body["msg"] = record.getMessage()
        if record.exc_info:
            body["exc"] = self.formatException(record.exc_info)
        return json.dumps(body, ensure_ascii=False)


class DailyFileHandler(logging.handlers.TimedRotatingFileHandler):
    """Rotated at midnight (server time), ``backupCount`` days kept; safe when several worker
    processes (``serve --workers N``) write the same file: the first to pass midnight renames it,
    the others find the day's file there and only reopen (the stock handler would delete it)."""

    def __init__(self, path: Path, days: int) -> None:
        super().__init__(path, when="midnight", backupCount=days, encoding="utf-8")

    def doRollover(self) -> None:
        start = self.rolloverAt - self.interval
        moment = time.gmtime(start) if self.utc else time.localtime(start)
        done = self.rotation_filename(self.baseFilename + "." + time.strftime(self.suffix, moment))
        if not os.path.exists(done):
            super().doRollover()
            return
        if self.stream:
            self.stream.close()
        self.stream = self._open()
        self.rolloverAt = self.computeRollover(int(time.time()))


def formatter(settings: LedgerSettings) -> logging.Formatter:
    return JsonFormatter() if settings.log_format == "json" else KeyValueFormatter()


def configure_logging(settings: LedgerSettings) -> None:
    """Root logging for the ledger's processes (the CLI and each worker): one line per record on stderr."""
    handler = logging.StreamHandler()
    handler.setFormatter(formatter(settings))
    handler.addFilter(RequestIdFilter())
    handler.set_name("allive-ledger")
    root = logging.getLogger()
    # Configuring twice (a worker after its parent) replaces the ledger's handler, not others'.
    root.handlers = [h for h in root.handlers if h.get_name() != "allive-ledger"] + [handler]
    root.setLevel(settings.log_level.upper())


def access_logger(settings: LedgerSettings) -> logging.Logger:
    """The access log: to its own file when the settings name one (rotated at midnight, ``access_log_days``
    files kept), else through the ordinary log."""
    logger = logging.getLogger(ACCESS_LOGGER)
    logger.setLevel(logging.INFO)
    if settings.access_log is None:
        return logger
    path = Path(settings.access_log).resolve()
    for handler in logger.handlers:
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == path:
            return logger
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = DailyFileHandler(path, settings.access_log_days)
    handler.setFormatter(formatter(settings))
    handler.addFilter(RequestIdFilter())
    logger.addHandler(handler)
    logger.propagate = False  # the access file is the record; the ordinary log stays readable
    return logger


class RequestLog:
    """ASGI middleware: a request id for every request (the client's ``X-Request-Id`` when it is a
    plausible id, else a new one), returned in the answer, and one access-log line per request."""

    def __init__(self, app: ASGIApp, access: logging.Logger) -> None:
        self.app = app
        self.access = access

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        offered = next(
            (v.decode("latin-1") for k, v in scope.get("headers", ()) if k.lower() == b"x-request-id"), ""
        )
        context = RequestContext(offered if _SAFE_ID.match(offered) else uuid.uuid4().hex)
        token = request_context.set(context)
        status = 500  # what the client sees if the app fails before answering
        start = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                headers = list(message.get("headers", ()))
                headers.append((REQUEST_ID_HEADER.lower().encode(), context.request_id.encode()))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            fields = {
                "who": context.who,
                "method": scope.get("method", ""),
                "path": scope.get("path", ""),
                "status": status,
                "duration_ms": round((time.perf_counter() - start) * 1000, 1),
            }
            # The message repeats the fields for a handler with a plain formatter; the ledger's
            # formatters write the fields alone.
            message = " ".join(f"{key}={value}" for key, value in fields.items())
            self.access.info(
                "%s", message, extra={"request_id": context.request_id, "fields": fields, "fields_only": True}
            )
            request_context.reset(token)
