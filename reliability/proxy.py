"""A small seeded fault-injecting HTTP proxy between a till and the ledger (asyncio, own thread).

Each client connection carries exactly one request: the proxy forces ``Connection: close`` both
ways, so a keep-alive client simply opens a new connection per request and every request gets one
fault decision, drawn from ``random.Random(seed)`` in arrival order. With one driver thread making
requests one after another, the same seed gives the same faults on the same requests.

Faults:
``drop``       close the client connection without forwarding (the ledger never sees the request);
``duplicate``  forward the request twice (the ledger sees a resend; the client gets the second answer);
``delay``      wait a little before forwarding;
``reorder``    hold the request until the next one has been forwarded (or a short hold expires);
``cut``        forward, read the ledger's whole answer (it committed), then close without answering;
``partition``  drop every request for the next few requests (a window the ledger is unreachable).
``partitioned`` can also be set from outside for offline periods chosen by a scenario.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import threading
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

FAULTS = ("drop", "duplicate", "delay", "reorder", "cut", "partition")
MAX_HEADER = 64 * 1024


@dataclass(frozen=True)
class FaultPlan:
    """Probability of each fault per request; the rest pass untouched."""

    rates: Mapping[str, float] = field(default_factory=dict)
    max_delay: float = 0.05
    reorder_hold: float = 0.2
    partition_length: tuple[int, int] = (2, 6)

    def __post_init__(self) -> None:
        unknown = set(self.rates) - set(FAULTS)
        if unknown:
            raise ValueError(f"unknown faults {sorted(unknown)}")
        if sum(self.rates.values()) > 1:
            raise ValueError("fault rates add up to more than 1")

    @classmethod
    def uniform(cls, total: float, **kwargs: object) -> FaultPlan:
        """Every fault equally likely, ``total`` the chance that a request meets one."""
        return cls({name: total / len(FAULTS) for name in FAULTS}, **kwargs)  # type: ignore[arg-type]


NO_FAULTS = FaultPlan()


@dataclass
class _Request:
    head: bytes  # request line and headers, rewritten to Connection: close
    body: bytes


class FaultProxy:
    """``with FaultProxy(upstream_port, seed=...) as proxy:`` then send requests to ``proxy.url``."""

    def __init__(
        self,
        upstream_port: int,
        *,
        seed: int = 0,
        plan: FaultPlan = NO_FAULTS,
        upstream_host: str = "127.0.0.1",
        on_committed: Callable[[bytes], None] | None = None,
    ) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.plan = plan
        self.rng = random.Random(seed)
        self.faults: Counter[str] = Counter()
        self.requests = 0
        self.server_errors = 0
        self.forwarded: list[str] = []  # request lines in the order the ledger received them
        self.trace: list[str] = []  # one line per request: its number, path and fault
        self.partitioned = False
        # Called in the proxy thread after the ledger answered and before the client hears it:
        # the crash test kills the till right there ("the ledger committed, the till never knew").
        self.on_committed = on_committed
        self._partition_left = 0
        self._held: list[tuple[_Request, asyncio.Future[bytes | None]]] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.Server | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._lock = threading.Lock()
        self.port = 0

    # -- life cycle -------------------------------------------------------------------------------
    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FaultProxy:
        self._thread = threading.Thread(target=self._run, name="fault-proxy", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("proxy did not start")
        return self

    def stop(self) -> None:
        if self._loop is not None and self._server is not None and self._loop.is_running():
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(10)
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(10)
            self._thread = None

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    async def _shutdown(self) -> None:
        assert self._server is not None
        self._server.close()
        current = asyncio.current_task()
        tasks = [task for task in asyncio.all_tasks() if task is not current]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def set_plan(self, plan: FaultPlan) -> None:
        with self._lock:
            self.plan = plan

    def set_partitioned(self, value: bool) -> None:
        with self._lock:
            self.partitioned = value

    def heal(self) -> None:
        """No more faults: end every partition (set or random) and pass every request."""
        with self._lock:
            self.partitioned = False
            self._partition_left = 0
            self.plan = NO_FAULTS

    def total_faults(self) -> int:
        return sum(self.faults.values())

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        self._server = loop.run_until_complete(asyncio.start_server(self._handle, "127.0.0.1", 0))
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            # Connections accepted while shutting down: cancel them too, then close the loop.
            pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
            for task in pending:
                task.cancel()
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    # -- the fault decision -----------------------------------------------------------------------
    def _decide(self, path: str) -> tuple[str, float]:
        with self._lock:
            self.requests += 1
            number = self.requests
            if self.partitioned:
                fault, extra = "partitioned", 0.0
            elif self._partition_left > 0:
                self._partition_left -= 1
                fault, extra = "partition", 0.0
            else:
                roll = self.rng.random()
                fault, extra = "pass", 0.0
                for name in FAULTS:
                    rate = self.plan.rates.get(name, 0.0)
                    if roll < rate:
                        fault = name
                        break
                    roll -= rate
                if fault == "delay":
                    extra = round(self.rng.uniform(0, self.plan.max_delay), 4)
                elif fault == "partition":
                    low, high = self.plan.partition_length
                    self._partition_left = self.rng.randint(low, high) - 1
            if fault != "pass":
                self.faults[fault] += 1
            self.trace.append(f"{number} {path} {fault}")
            return fault, extra

    # -- HTTP plumbing ----------------------------------------------------------------------------
    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            request = await _read_request(reader)
            if request is None:
                return
            path = request.head.split(b"\r\n", 1)[0].decode("latin-1").split(" ")[1].split("?")[0]
            fault, extra = self._decide(path)
            if fault in ("drop", "partition", "partitioned"):
                return
            if fault == "delay":
                await asyncio.sleep(extra)
            if fault == "reorder":
                answer = await self._hold(request)
            else:
                answer = await self._forward(request)
                await self._release_held()
                if fault == "duplicate":
                    answer = await self._forward(request)
            if answer is None:
                return
            if self.on_committed is not None:
                self.on_committed(request.head)
            if fault == "cut":
                return
            writer.write(answer)
            await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, OSError):
            pass
        finally:
            writer.close()
            with contextlib.suppress(ConnectionError, OSError):
                await writer.wait_closed()

    async def _hold(self, request: _Request) -> bytes | None:
        future: asyncio.Future[bytes | None] = asyncio.get_running_loop().create_future()
        self._held.append((request, future))
        try:
            return await asyncio.wait_for(asyncio.shield(future), self.plan.reorder_hold)
        except TimeoutError:
            # Nobody came along to overtake it: forward it now.
            if (request, future) in self._held:
                self._held.remove((request, future))
                future.set_result(await self._forward(request))
            return await future

    async def _release_held(self) -> None:
        while self._held:
            request, future = self._held.pop(0)
            if not future.done():
                future.set_result(await self._forward(request))

    async def _forward(self, request: _Request) -> bytes | None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.upstream)
        except OSError:
            return None
        self.forwarded.append(request.head.split(b"\r\n", 1)[0].decode("latin-1"))
        try:
            up_writer.write(request.head + request.body)
            await up_writer.drain()
            answer = _close_response(await up_reader.read())
            if answer is not None and answer[9:10] == b"5":
                self.server_errors += 1  # "HTTP/1.1 5xx": the ledger failed, whatever we injected
            return answer
        except (ConnectionError, OSError):
            return None
        finally:
            up_writer.close()
            with contextlib.suppress(ConnectionError, OSError):
                await up_writer.wait_closed()


async def _read_request(reader: asyncio.StreamReader) -> _Request | None:
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError):
        return None
    if len(head) > MAX_HEADER:
        return None
    lines = head.decode("latin-1").split("\r\n")
    length = 0
    kept = [lines[0]]
    for line in lines[1:]:
        if not line:
            continue
        name, _, value = line.partition(":")
        lowered = name.strip().lower()
        if lowered == "content-length":
            length = int(value.strip())
        if lowered in ("connection", "keep-alive"):
            continue
        if lowered == "transfer-encoding":
            return None  # the till and the test clients always send a Content-Length
        kept.append(line)
    kept.append("Connection: close")
    body = await reader.readexactly(length) if length else b""
    return _Request(("\r\n".join(kept) + "\r\n\r\n").encode("latin-1"), body)


def _close_response(raw: bytes) -> bytes | None:
    """The ledger's answer with ``Connection: close`` so the client never reuses the socket."""
    head, sep, body = raw.partition(b"\r\n\r\n")
    if not sep or not head.startswith(b"HTTP/"):
        return None
    lines = [
        line for line in head.split(b"\r\n") if not line.lower().startswith((b"connection:", b"keep-alive:"))
    ]
    lines.append(b"Connection: close")
    return b"\r\n".join(lines) + b"\r\n\r\n" + body
