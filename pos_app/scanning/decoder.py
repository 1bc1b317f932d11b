"""One QR decoder for camera frames, image files and tests: zxing-cpp first, pyzbar behind it, retries.

zxing-cpp (QR only) is the first reader of every image: it reads most phone photos on its own, in well
under a millisecond. pyzbar, restricted to QR, reads the same image when zxing-cpp finds nothing; the two
readers fail on different pictures, so together they read more than either. The fast path (one grayscale
pass, downscaled when large, both readers once) serves camera frames; files and hard frames then climb a
ladder of cheap-to-costly retries (zxing-cpp's global binarizer, other scales, contrast stretch, Otsu
threshold, sharpening, inversion), each tried with both readers, and stop at the first read.

This module is Qt-free on purpose: the camera calls it from a worker thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import zxingcpp
from PIL import Image, ImageFilter, ImageOps, UnidentifiedImageError
from pyzbar.pyzbar import ZBarSymbol
from pyzbar.pyzbar import decode as zbar_decode

QR_ONLY = [ZBarSymbol.QRCODE]
ZXING_QR_ONLY = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
FAST_MAX_SIDE = 1280

# Why nothing was read, as stable codes (the `--json` output and tests compare them).
NO_QR_FOUND = "no_qr_found"
QR_DAMAGED = "qr_damaged"  # a QR code was located but its error correction could not restore the data
UNREADABLE_FILE = "unreadable_file"
FILE_NOT_FOUND = "file_not_found"
BAD_FRAME = "bad_frame"


@dataclass(frozen=True)
class DecodeResult:
    text: str | None
    reason: str | None = None
    attempt: str = ""  # which reader on which variant of the image read it, e.g. "zxing gray"
    elapsed_ms: float = 0.0
    detail: str = ""  # a human explanation to go with the reason

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


class _Reads:
    """The readers over one image's variants; remembers whether zxing-cpp saw a QR it could not decode."""

    def __init__(self) -> None:
        self.saw_damaged = False

    def zxing(self, image: Image.Image, binarizer: zxingcpp.Binarizer) -> str | None:
        # Plain text mode: the bytes as the code holds them (HRI mode would add GS1 brackets and
        # spell control characters as <GS>); return_errors tells a damaged code from no code at all.
        found = zxingcpp.read_barcodes(
            image,
            formats=ZXING_QR_ONLY,
            text_mode=zxingcpp.TextMode.Plain,
            binarizer=binarizer,
            return_errors=True,
        )
        for barcode in found:
            if barcode.valid:
                return str(barcode.text)
            self.saw_damaged = True
        return None

    @staticmethod
    def zbar(image: Image.Image) -> str | None:
        found = zbar_decode(image, symbols=QR_ONLY)
        return _text(found[0].data) if found else None


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


def _variants(gray: Image.Image, fast: bool) -> Iterator[tuple[str, Callable[[], Image.Image]]]:
    """The image as the readers see it, cheapest first; the fast path stops after the first."""
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


def _read_in_turn(reads: _Reads, image: Image.Image, fast: bool) -> Iterator[tuple[str, str | None]]:
    """Each reader's answer for one variant, in the order they are tried (the caller stops at a text)."""
    yield "zxing", reads.zxing(image, zxingcpp.Binarizer.LocalAverage)
    yield "pyzbar", reads.zbar(image)
    if not fast:
        # The global-histogram binarizer reads evenly lit but blurry or low-contrast codes that the
        # local one breaks up; it runs only once the cheaper reads of this variant have failed.
        yield "zxing-global", reads.zxing(image, zxingcpp.Binarizer.GlobalHistogram)


def decode_image(image: Image.Image, *, fast: bool = False) -> DecodeResult:
    start = time.perf_counter()
    try:
        gray = image if fast else ImageOps.exif_transpose(image)
        if gray.mode != "L":
            gray = gray.convert("L")
    except (OSError, ValueError) as exc:
        return DecodeResult(None, UNREADABLE_FILE, detail=f"cannot read image: {exc}")
    if gray.width < 1 or gray.height < 1:
        return DecodeResult(None, UNREADABLE_FILE, detail="empty image")
    reads = _Reads()
    for variant, make in _variants(gray, fast):
        for reader, text in _read_in_turn(reads, make(), fast):
            if text is not None:
                elapsed = (time.perf_counter() - start) * 1000
                return DecodeResult(text, None, f"{reader} {variant}", elapsed)
    elapsed = (time.perf_counter() - start) * 1000
    if reads.saw_damaged:
        return DecodeResult(None, QR_DAMAGED, "", elapsed, "a QR code was found but is too damaged to read")
    return DecodeResult(None, NO_QR_FOUND, "", elapsed, "no QR code found")


def decode_gray(buffer: bytes, width: int, height: int, *, fast: bool = True) -> DecodeResult:
    """Decode a raw 8-bit grayscale frame (what the camera worker hands over)."""
    if width <= 0 or height <= 0 or len(buffer) < width * height:
        return DecodeResult(None, BAD_FRAME, detail=f"frame buffer too small for {width}x{height}")
    image = Image.frombuffer("L", (width, height), buffer, "raw", "L", 0, 1)
    return decode_image(image, fast=fast)


def decode_file(path: str | Path) -> DecodeResult:
    """Decode an image file; elapsed_ms includes opening it. Never raises for a bad or missing file."""
    start = time.perf_counter()
    try:
        with Image.open(path) as image:
            image.load()
            result = decode_image(image)
    except FileNotFoundError:
        result = DecodeResult(None, FILE_NOT_FOUND, detail="file not found")
    except IsADirectoryError:
        result = DecodeResult(None, UNREADABLE_FILE, detail="a directory, not an image")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        result = DecodeResult(None, UNREADABLE_FILE, detail=f"not a readable image ({type(exc).__name__})")
    return replace(result, elapsed_ms=(time.perf_counter() - start) * 1000)
