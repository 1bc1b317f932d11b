"""Refresh resources/translations/allive_ko.ts from the cashier screens, fill it from scripts/ko_cashier.py,
and compile every .ts to .qm. Run by `make translations`."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from ko_cashier import KO  # noqa: E402

BIN = Path(sys.executable).parent
TS = ROOT / "resources" / "translations" / "allive_ko.ts"


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "pos_app" / "ui").glob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(TS), "-no-obsolete"], check=True)
    tree = ET.parse(TS)
    tree.getroot().set("language", "ko_KR")
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if source in KO:
            translation.text = KO[source]
            translation.attrib.pop("type", None)
        elif translation.get("type") == "unfinished":
            missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    for ts in sorted(TS.parent.glob("*.ts")):
        subprocess.run(
            [str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )
    if missing:
        print("untranslated:", *missing, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
