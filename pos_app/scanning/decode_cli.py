"""`allive-pos decode FILE...`: what the decoder reads from each image, for support staff."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

from pos_app.scanning.decoder import decode_file


def _one_line(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")


def run(paths: Sequence[str], out: TextIO | None = None) -> int:
    """One line per file: ``FILE<TAB>TEXT``, or ``FILE<TAB><TAB>reason`` when nothing is read.

    Exit status 0 when every file was read, 1 when any was not, 2 when no file was given.
    """
    out = out or sys.stdout
    if not paths:
        print("usage: allive-pos decode FILE...", file=sys.stderr)
        return 2
    status = 0
    for path in paths:
        result = decode_file(path)
        if result.text is not None:
            print(f"{path}\t{_one_line(result.text)}", file=out)
        else:
            print(f"{path}\t\t{result.reason}", file=out)
            status = 1
    return status
