"""ESC/POS bytes for Korean thermal printers: CP949 text in the printer's Korean (double-byte) mode.

``FS &`` switches Korean printers into their double-byte character mode, in which CP949 (EUC-KR
and its extension) is the code set; a driver that sends UTF-8 or a single-byte code page prints
``???``. We never send UTF-8.
"""

from __future__ import annotations

from pos_app.printing.layout import display_width, render_text
from pos_app.printing.receipt import Receipt

ESC, GS, FS = b"\x1b", b"\x1d", b"\x1c"
INIT = ESC + b"@"
KOREAN_MODE = FS + b"&"
BOLD_ON, BOLD_OFF = ESC + b"E\x01", ESC + b"E\x00"
DOUBLE_ON, DOUBLE_OFF = GS + b"!\x11", GS + b"!\x00"
ALIGN_LEFT, ALIGN_CENTER = ESC + b"a\x00", ESC + b"a\x01"
PARTIAL_CUT = GS + b"V\x42\x00"  # feed to the cutter, then cut


def encode(text: str) -> bytes:
    return text.encode("cp949", errors="replace")


def drawer_kick() -> bytes:
    """Pulse pin 2 to open the cash drawer (ESC p 0 25 250)."""
    return ESC + b"p\x00\x19\xfa"


def render_escpos(receipt: Receipt, columns: int = 42, cut: bool = True) -> bytes:
    lines = render_text(receipt, columns)
    out = bytearray(INIT + KOREAN_MODE)
    out += ALIGN_CENTER + BOLD_ON + encode(lines[0]) + BOLD_OFF + b"\n" + ALIGN_LEFT
    for line in lines[1:]:
        if line.startswith("합계"):
            # The total in double size: half the columns, so it is laid out again for that width.
            label, amount = "합계", line.split()[-1]
            gap = max(1, columns // 2 - display_width(label) - display_width(amount))
            out += BOLD_ON + DOUBLE_ON + encode(label + " " * gap + amount) + DOUBLE_OFF + BOLD_OFF + b"\n"
        else:
            out += encode(line) + b"\n"
    out += b"\n\n\n"
    if cut:
        out += PARTIAL_CUT
    return bytes(out)
