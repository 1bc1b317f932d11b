"""`allive-pos decode [--json] FILE...`: what the decoder reads from each image, for support staff."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from pos_app.scanning.decoder import DecodeResult, decode_file


def _one_line(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="allive-pos decode",
        description="Read the QR code in each image file.",
        epilog=(
            "Plain output is one line per file, FILE<TAB>TEXT, or FILE<TAB><TAB>REASON when nothing was "
            "read; backslash, CR, LF and TAB in the file name and the text are written as \\\\, \\r, \\n "
            "and \\t so that a text with line breaks stays on its line. --json is the machine format: "
            'one JSON object per line, {"file", "text" (null when unread), "reason" (null when read), '
            '"ms"}. Exit status: 0 when every file was read, 1 when any was not, 2 on bad usage.'
        ),
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per line (machine format)")
    parser.add_argument("files", nargs="*", metavar="FILE")
    return parser


def json_line(path: str, result: DecodeResult) -> str:
    # ASCII escapes keep the line intact on any console encoding (a till's console may be cp949);
    # json.loads gives back the exact text, line breaks included.
    record = {
        "file": path,
        "text": result.text,
        "reason": result.reason,
        "ms": round(result.elapsed_ms, 2),
    }
    return json.dumps(record)


def plain_line(path: str, result: DecodeResult) -> str:
    if result.text is not None:
        return f"{_one_line(path)}\t{_one_line(result.text)}"
    return f"{_one_line(path)}\t\t{result.reason}"


def run(args: Sequence[str], out: TextIO | None = None) -> int:
    """Decode each file and print one line per file (see the parser's epilog for the formats).

    Exit status 0 when every file was read, 1 when any was not, 2 when no file was given.
    """
    out = out or sys.stdout
    parser = _parser()
    try:
        options = parser.parse_args(list(args))
    except SystemExit as exc:  # argparse has printed the usage error already
        return 2 if exc.code else 0
    if not options.files:
        parser.print_usage(sys.stderr)
        return 2
    line = json_line if options.json else plain_line
    status = 0
    for path in options.files:
        result = decode_file(path)
        print(line(path, result), file=out, flush=True)
        if result.text is None:
            status = 1
    return status
