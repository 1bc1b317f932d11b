"""One QR decoder for camera frames, image files and tests: pyzbar restricted to QR, with retries.

The fast path (one grayscale pass, downscaled when large) serves camera frames; files and hard
frames climb a ladder of cheap-to-costly retries (other scales, contrast stretch, Otsu threshold,
sharpening, inversion) and stop at the first read.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageFilter, ImageOps, UnidentifiedImageError
from pyzbar.pyzbar import ZBarSymbol
from pyzbar.pyzbar import decode as zbar_decode

QR_ONLY = [ZBarSymbol.QRCODE]
FAST_MAX_SIDE = 1280


@dataclass(frozen=True)
class DecodeResult:
    text: str | None
    reason: str | None = None
    attempt: str = ""
    elapsed_ms: float = 0.0

    @property
    def ok(self) -> bool:
        return self.text is not None


def _text(data: bytes) -> str:
    for encoding in ("utf-8", "cp949"):
        try:
            return _undo_big5_guess(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _undo_big5_guess(text: str) -> str:
    """zbar guesses Big5 for byte strings that are really UTF-8 or Shift-JIS (Japanese phones'
    default) and converts them; undo that guess when the original bytes read cleanly another way."""
    if text.isascii():
        return text
    try:
        raw = text.encode("big5")
    except UnicodeEncodeError:
        return text
    for encoding in ("utf-8", "shift_jis"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return text


def _scaled(image: Image.Image, max_side: int) -> Image.Image:
    side = max(image.size)
    if side <= max_side:
        return image
    factor = max_side / side
    return image.resize(
        (max(1, int(image.width * factor)), max(1, int(image.height * factor))), Image.Resampling.BILINEAR
    )


def otsu_threshold(image: Image.Image) -> int:
    """Otsu's threshold from the grey-level histogram (no numpy needed)."""
    histogram = image.histogram()[:256]
    total = sum(histogram)
    sum_all = sum(i * h for i, h in enumerate(histogram))
    sum_back = weight_back = 0
    best, best_var = 127, -1.0
    for level in range(256):
        weight_back += histogram[level]
        if weight_back == 0:
            continue
        weight_fore = total - weight_back
        if weight_fore == 0:
            break
        sum_back += level * histogram[level]
        mean_back = sum_back / weight_back
        mean_fore = (sum_all - sum_back) / weight_fore
        between = weight_back * weight_fore * (mean_back - mean_fore) ** 2
        if between > best_var:
            best_var, best = between, level
    return best


def _binarise(image: Image.Image) -> Image.Image:
    level = otsu_threshold(image)
    return image.point(lambda v: 255 if v > level else 0)


def _attempts(gray: Image.Image, fast: bool) -> Iterator[tuple[str, Callable[[], Image.Image]]]:
    base = _scaled(gray, FAST_MAX_SIDE)
    yield "gray", lambda: base
    if fast:
        return
    side = max(gray.size)
    if side > 800:
        yield "scale 800", lambda: _scaled(gray, 800)
    if side > FAST_MAX_SIDE:
        yield "full size", lambda: gray
    if side > 500:
        yield "scale 500", lambda: _scaled(gray, 500)
    if side < 600:
        yield "upscale 2x", lambda: gray.resize((gray.width * 2, gray.height * 2), Image.Resampling.LANCZOS)
    yield "autocontrast", lambda: ImageOps.autocontrast(base, cutoff=2)
    yield "otsu", lambda: _binarise(base)
    yield "sharpen", lambda: base.filter(ImageFilter.SHARPEN)
    yield "median+otsu", lambda: _binarise(base.filter(ImageFilter.MedianFilter(3)))
    yield "invert", lambda: ImageOps.invert(base)
    yield "equalize", lambda: ImageOps.equalize(base)
    yield "blur+otsu 800", lambda: _binarise(_scaled(gray, 800).filter(ImageFilter.GaussianBlur(1)))
    yield "scale 1600 otsu", lambda: _binarise(_scaled(gray, 1600))


def decode_image(image: Image.Image, *, fast: bool = False) -> DecodeResult:
    start = time.perf_counter()
    try:
        gray = ImageOps.exif_transpose(image) if not fast else image
        gray = gray.convert("L")
    except (OSError, ValueError) as exc:
        return DecodeResult(None, f"cannot read image: {exc}")
    for name, make in _attempts(gray, fast):
        found = zbar_decode(make(), symbols=QR_ONLY)
        if found:
            elapsed = (time.perf_counter() - start) * 1000
            return DecodeResult(_text(found[0].data), None, name, elapsed)
    elapsed = (time.perf_counter() - start) * 1000
    return DecodeResult(None, "no QR code found", "", elapsed)


def decode_gray(buffer: bytes, width: int, height: int, *, fast: bool = True) -> DecodeResult:
    """Decode a raw 8-bit grayscale frame (what the camera worker hands over)."""
    if width <= 0 or height <= 0 or len(buffer) < width * height:
        return DecodeResult(None, f"frame buffer too small for {width}x{height}")
    image = Image.frombuffer("L", (width, height), buffer, "raw", "L", 0, 1)
    return decode_image(image, fast=fast)


def decode_file(path: str | Path) -> DecodeResult:
    try:
        with Image.open(path) as image:
            image.load()
            return decode_image(image)
    except FileNotFoundError:
        return DecodeResult(None, "file not found")
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        return DecodeResult(None, f"not a readable image ({type(exc).__name__})")
