"""QR rendering of card payloads (numeric mode, medium error correction for worn cards)."""

from __future__ import annotations

import qrcode
import qrcode.constants
from PIL import Image


def render_qr(payload: str, box_size: int = 6, border: int = 4) -> Image.Image:
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=box_size, border=border)
    qr.add_data(qrcode.util.QRData(payload.encode("ascii"), mode=qrcode.util.MODE_NUMBER))
    qr.make(fit=True)
    image = qr.make_image(fill_color="black", back_color="white")
    rendered: Image.Image = image.get_image().convert("L")  # qrcode ships no type hints
    return rendered
