"""Decoder read rate and speed on shared/data/qr-photos versus plain pyzbar; a 1280×720 camera frame."""

from __future__ import annotations

import random
import statistics
import time
from pathlib import Path

from PIL import Image, ImageDraw
from pyzbar.pyzbar import decode as plain_decode

from benchmarks.report import Figure, print_figures
from pos_app.scanning.decoder import decode_file, decode_gray
from sync.shared.cards.qr import render_qr

PHOTOS = Path(__file__).resolve().parents[2] / "shared" / "data" / "qr-photos"


def _expected(image: Path) -> str:
    return image.with_suffix(".txt").read_text(encoding="utf-8")


def _same(text: str | None, expected: str) -> bool:
    return text is not None and text.replace("\r\n", "\n") == expected


def _plain(image: Path) -> str | None:
    try:
        found = plain_decode(Image.open(image))
    except Exception:
        return None
    return found[0].data.decode("utf-8", "replace") if found else None


def _frame() -> Image.Image:
    rng = random.Random(3)
    frame = Image.new("L", (1280, 720), 128)
    draw = ImageDraw.Draw(frame)
    for _ in range(400):
        x, y = rng.randrange(1280), rng.randrange(720)
        draw.rectangle((x, y, x + 6, y + 6), fill=rng.randrange(60, 200))
    payload = "1900000000019012026123" + "".join(rng.choice("0123456789") for _ in range(156))
    frame.paste(render_qr(payload, box_size=3), (500, 200))
    return frame


def main() -> list[Figure]:
    images = sorted(p for p in PHOTOS.glob("*") if p.suffix in (".png", ".jpg", ".webp"))
    ours_times, plain_times, ours_ok, plain_ok, missed = [], [], 0, 0, []
    for image in images:
        start = time.perf_counter()
        text = decode_file(image).text
        ours_times.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        plain = _plain(image)
        plain_times.append((time.perf_counter() - start) * 1000)
        ok = _same(text, _expected(image))
        ours_ok += ok
        plain_ok += _same(plain, _expected(image))
        if not ok:
            missed.append(image.name)
    frame = _frame().tobytes()
    frame_times = []
    for _ in range(30):
        start = time.perf_counter()
        result = decode_gray(frame, 1280, 720, fast=True)
        frame_times.append((time.perf_counter() - start) * 1000)
        assert result.ok
    n = len(images)
    figures = [
        Figure(
            f"read rate on qr-photos ({ours_ok}/{n})",
            100 * ours_ok / n,
            "%",
            baseline=100 * plain_ok / n,
            baseline_name=f"plain pyzbar ({plain_ok}/{n})",
        ),
        Figure(
            "median time per photo",
            statistics.median(ours_times),
            "ms",
            baseline=statistics.median(plain_times),
            baseline_name="plain pyzbar",
        ),
        Figure(
            "camera frame 1280x720, QR-only fast path, median",
            statistics.median(frame_times),
            "ms",
            budget=15.0,
        ),
    ]
    print_figures("Decoder", figures)
    print(f"  not read correctly ({len(missed)}): {', '.join(missed)}")
    return figures


if __name__ == "__main__":
    main()
