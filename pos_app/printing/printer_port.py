"""Sending bytes to a receipt printer: USB or serial device file, raw TCP (port 9100), or a file."""

from __future__ import annotations

import socket
from dataclasses import dataclass
from pathlib import Path


class PrinterError(Exception):
    def __init__(self, message: str, message_ko: str) -> None:
        super().__init__(message)
        self.message_ko = message_ko


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
        raise PrinterError(
            f"printer setting not understood: {text!r}",
            "프린터 설정이 올바르지 않습니다. 예: tcp:192.168.0.50:9100",
        )


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
        raise PrinterError(
            f"printer {target.kind}:{target.address} failed: {exc}",
            "영수증 프린터에 연결할 수 없습니다. 전원과 용지, 케이블을 확인하세요. 영수증은 PDF로 저장되었습니다.",
        ) from exc
