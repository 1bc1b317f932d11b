"""Receipt PDFs written in a helper process, so the till's screen never waits for them.

Writing a receipt parses the embedded Korean font (about 0.2 s of pure Python in fontTools). Done
in a thread of the till's own process, that work holds the interpreter lock the screen needs for
every Qt event, and the screen stalled 150-250 ms after 결제 완료. A helper process started with
"spawn" (Windows has no fork) does the work beside it; if it cannot run, the PDF is written here.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from pos_app.printing.pdf import render_pdf
from pos_app.printing.receipt import Receipt

log = logging.getLogger(__name__)

_executor: ProcessPoolExecutor | None = None
_lock = threading.Lock()


def _pool() -> ProcessPoolExecutor:
    global _executor
    with _lock:
        if _executor is None:
            _executor = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        return _executor


def render_pdf_aside(receipt: Receipt, path: Path, columns: int = 42, timeout: float = 60) -> Path:
    """``render_pdf`` in the helper process; call it from a worker thread (it waits for the result)."""
    try:
        return _pool().submit(render_pdf, receipt, path, columns).result(timeout=timeout)
    except (BrokenProcessPool, OSError) as exc:
        log.warning("receipt PDF helper process unavailable (%s); writing the PDF in this process", exc)
        shutdown()
        return render_pdf(receipt, path, columns)


def shutdown() -> None:
    """Stop the helper process (the till calls this when it closes)."""
    global _executor
    with _lock:
        executor, _executor = _executor, None
    if executor is not None:
        executor.shutdown(wait=False, cancel_futures=True)
