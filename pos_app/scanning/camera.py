"""Camera scanning: QtMultimedia frames go to a decoder in a worker thread; the UI thread never decodes.

Frames that arrive while the worker is busy are dropped (a queue would only add latency), and the
same card read again within two seconds is not reported twice.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtGui import QImage

from pos_app.scanning.decoder import decode_gray


class DecodeWorker(QObject):
    sig_result = Signal(str)  # decoded text, "" when nothing was read

    def __init__(self) -> None:
        super().__init__()
        self.last_thread_id = 0

    @Slot(bytes, int, int)
    def decode(self, buffer: bytes, width: int, height: int) -> None:
        self.last_thread_id = threading.get_ident()
        result = decode_gray(buffer, width, height, fast=True)
        self.sig_result.emit(result.text or "")


def gray_bytes(image: QImage) -> tuple[bytes, int, int]:
    """The image as tightly packed 8-bit grey rows (what the decoder takes)."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    data = bytes(gray.constBits())
    if stride != width:
        data = b"".join(data[row * stride : row * stride + width] for row in range(height))
    return data, width, height


class CameraScanner(QObject):
    sig_decoded = Signal(str)
    sig_unavailable = Signal(str)
    _sig_request = Signal(bytes, int, int)

    def __init__(self, parent: QObject | None = None, *, debounce_seconds: float = 2.0) -> None:
        super().__init__(parent)
        self.debounce_seconds = debounce_seconds
        self._busy = False
        self._last: tuple[str, float] = ("", 0.0)
        self._thread = QThread(self)
        self.worker = DecodeWorker()
        self.worker.moveToThread(self._thread)
        self._sig_request.connect(self.worker.decode)
        self.worker.sig_result.connect(self._on_result)
        self._thread.start()
        self._camera: object | None = None
        self._session: object | None = None
        self._sink: object | None = None

    def start_camera(self) -> bool:
        """Open the default camera; False (and ``sig_unavailable``) when there is none or no QtMultimedia."""
        try:
            from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QMediaDevices, QVideoSink
        except ImportError as exc:  # e.g. libpulse missing
            self.sig_unavailable.emit(f"QtMultimedia unavailable: {exc}")
            return False
        if not QMediaDevices.videoInputs():
            self.sig_unavailable.emit("no camera")
            return False
        camera = QCamera()
        session = QMediaCaptureSession()
        sink = QVideoSink()
        session.setCamera(camera)
        session.setVideoSink(sink)
        sink.videoFrameChanged.connect(lambda frame: self.submit_image(frame.toImage()))
        camera.start()
        self._camera, self._session, self._sink = camera, session, sink
        return True

    def stop_camera(self) -> None:
        if self._camera is not None:
            self._camera.stop()  # type: ignore[attr-defined]
        self._camera = self._session = self._sink = None

    def submit_image(self, image: QImage) -> bool:
        """Hand a frame to the worker; False when it is still busy with the previous one."""
        if self._busy or image.isNull():
            return False
        self._busy = True
        self._sig_request.emit(*gray_bytes(image))
        return True

    def _on_result(self, text: str) -> None:
        self._busy = False
        if not text:
            return
        now = time.monotonic()
        if text == self._last[0] and now - self._last[1] < self.debounce_seconds:
            return
        self._last = (text, now)
        self.sig_decoded.emit(text)

    def shutdown(self) -> None:
        self.stop_camera()
        self._thread.quit()
        self._thread.wait(3000)
