"""The ledger server and allive-admin never import the till, Qt or the camera decoder.

``scripts/check-ledger-install.sh`` (run by CI) proves it with a fresh ``pip install '.[ledger]'``;
this test catches a stray import within seconds.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BLOCK = """
import importlib.abc, sys
FORBIDDEN = ("pos_app", "PySide6", "shiboken6", "pyzbar", "zxingcpp", "requests")
class Refuse(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in FORBIDDEN:
            raise ImportError(f"the server side imported {name}")
        return None
sys.meta_path.insert(0, Refuse())
"""


@pytest.mark.parametrize(
    "module",
    ["sync.ledger.api", "sync.ledger.cli", "sync.ledger.asgi", "sync.admin.cli", "sync.shared.entries"],
)
def test_server_modules_import_without_the_till(module, tmp_path):
    # sync.ledger.asgi builds its app from the environment at import.
    env = {**os.environ, "ALLIVE_DATABASE": f"sqlite:///{tmp_path / 'l.sqlite3'}", "ALLIVE_DEMO": "1"}
    done = subprocess.run(
        [sys.executable, "-c", f"{BLOCK}\nimport {module}"], cwd=ROOT, capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr[-2000:]


def test_the_guard_itself_refuses_the_till():
    done = subprocess.run(
        [sys.executable, "-c", f"{BLOCK}\nimport pos_app.checkout"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode != 0 and "the server side imported" in done.stderr
