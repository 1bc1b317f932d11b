"""The ledger's front door for till requests (pure ASGI): the bearer token is checked before any
byte of the body is read, and a body over the limit is refused (413) from its Content-Length, or
as soon as a chunked body passes the limit, so a huge or unauthenticated POST costs no memory.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from anyio import to_thread

from sync.ledger.records import TillRecord

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
Authenticate = Callable[[str], TillRecord | None]

TILL_PREFIX = "/v1/tills/"


class BodyTooLarge(Exception):
    pass


async def _answer(send: Send, status: int, error: str, extra: list[tuple[bytes, bytes]] = []) -> None:  # noqa: B006
    body = json.dumps({"error": error}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *extra]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class TillGuard:
    """Authenticate till requests first, then bound their body (``limit`` bytes)."""

    def __init__(self, app: ASGIApp, authenticate: Authenticate, cached: Authenticate, limit: int) -> None:
        self.app = app
        self.authenticate = authenticate  # may read the database: runs in a worker thread
        self.cached = cached  # a token checked moments ago, without I/O (None when it was not)
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(TILL_PREFIX):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        authorization = headers.get("authorization", "")
        token = authorization[7:].strip() if authorization.startswith("Bearer ") else ""
        challenge = [(b"www-authenticate", b"Bearer")]
        if not token:
            await _answer(send, 401, "missing bearer token", challenge)
            return
        record = self.cached(token) or await to_thread.run_sync(self.authenticate, token)
        if record is None:
            await _answer(send, 401, "unknown till token", challenge)
            return
        scope.setdefault("state", {})["till"] = record
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await _answer(send, 413, f"request body over {self.limit} bytes")
            return
        received = 0
        refused = False  # the 413 went out: whatever the app answers after that is dropped

        async def bounded_receive() -> Message:
            nonlocal received, refused
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit and not refused:
                    refused = True
                    await _answer(send, 413, f"request body over {self.limit} bytes")
                    raise BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            if not refused:
                await send(message)

        with contextlib.suppress(BodyTooLarge):
            await self.app(scope, bounded_receive, guarded_send)
