"""The camera path without a camera: frames as QImages through the same worker thread and decoder."""

from __future__ import annotations

import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image, ImageDraw
from PySide6.QtGui import QImage

from pos_app.scanning.camera import CameraScanner, gray_bytes
from sync.shared.cards.qr import render_qr

PAYLOAD = "1900000000019012026123" + "7" * 156


def frame_with_card(payload: str) -> QImage:
    frame = Image.new("L", (1280, 720), 140)
    frame.paste(render_qr(payload, box_size=3), (400, 150))
    ImageDraw.Draw(frame).rectangle((0, 0, 100, 100), fill=20)
    rgb = frame.convert("RGB")
    image = QImage(rgb.tobytes(), rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888)
    return image.copy()


def test_frames_are_decoded_off_the_ui_thread_and_debounced(qtbot):
    scanner = CameraScanner(debounce_seconds=60)
    try:
        with qtbot.waitSignal(scanner.sig_decoded, timeout=5000) as blocker:
            assert scanner.submit_image(frame_with_card(PAYLOAD))
            assert not scanner.submit_image(frame_with_card(PAYLOAD))  # busy: the frame is dropped
        assert blocker.args == [PAYLOAD]
        assert scanner.worker.last_thread_id not in (0, threading.get_ident())
        # The same card again within the debounce time is not reported twice.
        with qtbot.assertNotEmitted(scanner.sig_decoded, wait=500):
            scanner.submit_image(frame_with_card(PAYLOAD))
    finally:
        scanner.shutdown()


def test_gray_bytes_packs_rows_without_padding():
    image = QImage(13, 5, QImage.Format.Format_Grayscale8)
    image.fill(200)
    data, width, height = gray_bytes(image)
    assert (width, height, len(data)) == (13, 5, 65) and set(data) == {200}
