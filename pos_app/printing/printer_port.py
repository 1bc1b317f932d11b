"""Sending bytes to a receipt printer: USB or serial device file, raw TCP (port 9100), or a file."""

from __future__ import annotations

import socket
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from pos_app.core.problems import Problem


class PrinterProblem(StrEnum):
    """Why a receipt did not print (the PDF copy is always saved first)."""

    SETTING_NOT_UNDERSTOOD = "setting_not_understood"
    UNREACHABLE = "unreachable"
    NOT_FOUND = "not_found"
    CANNOT_START = "cannot_start"


class PrinterError(Problem):
    """A printer setting or a printer that failed; ``code`` says which (the UI words it)."""

    code: PrinterProblem


@dataclass(frozen=True)
class PrinterTarget:
    kind: str  # usb | serial | tcp | file
    address: str
    port: int = 9100

    @classmethod
    def parse(cls, text: str) -> PrinterTarget:
        kind, _, rest = text.partition(":")
        if kind in ("usb", "file") and rest:
            return cls(kind, rest)
        if kind == "serial" and rest:
            # serial:/dev/ttyUSB0:19200 — the speed is set on the port by the OS (stty / device manager).
            return cls(kind, rest.rsplit(":", 1)[0] if rest.count(":") else rest)
        if kind == "tcp" and rest:
            host, _, port = rest.partition(":")
            if host and (not port or port.isdigit()):
                return cls(kind, host, int(port or 9100))
        raise PrinterError(PrinterProblem.SETTING_NOT_UNDERSTOOD, repr(text))


def send(target: PrinterTarget | str, data: bytes, timeout: float = 3.0) -> None:
    target = PrinterTarget.parse(target) if isinstance(target, str) else target
    try:
        if target.kind == "tcp":
            with socket.create_connection((target.address, target.port), timeout=timeout) as sock:
                sock.sendall(data)
        else:
            mode = "ab" if target.kind == "file" else "wb"
            with open(Path(target.address), mode) as device:
                device.write(data)
    except OSError as exc:
        raise PrinterError(PrinterProblem.UNREACHABLE, f"{target.kind}:{target.address}: {exc}") from exc
