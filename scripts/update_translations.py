"""Refresh resources/translations/allive_ko.ts from the cashier screens (filled from scripts/ko_cashier.py)
and allive_manager_ko.ts from the manager's screens (filled from scripts/ko_manager.py), then compile
every .ts to .qm. Run by `make translations`."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from ko_cashier import KO  # noqa: E402
from ko_manager import KO_MANAGER  # noqa: E402

BIN = Path(sys.executable).parent
FOLDER = ROOT / "resources" / "translations"
TS = FOLDER / "allive_ko.ts"
MANAGER_TS = FOLDER / "allive_manager_ko.ts"


def refresh(folder: Path, ts: Path, korean: dict[str, str]) -> list[str]:
    """Update ``ts`` from the screens in ``folder``; fill it from ``korean``; return what is still missing."""
    sources = sorted(str(p) for p in folder.glob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(ts), "-no-obsolete"], check=True)
    tree = ET.parse(ts)
    tree.getroot().set("language", "ko_KR")
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if source in korean:
            translation.text = korean[source]
            translation.attrib.pop("type", None)
        elif translation.get("type") == "unfinished":
            missing.append(source)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def main() -> int:
    ui = ROOT / "pos_app" / "ui"
    missing = refresh(ui, TS, KO) + refresh(ui / "manager", MANAGER_TS, KO_MANAGER)
    for ts in sorted(FOLDER.glob("*.ts")):
        subprocess.run(
            [str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )
    if missing:
        print("untranslated:", *missing, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
