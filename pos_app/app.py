"""`allive-pos`: the composition root of the till — settings, journal, sync, payment service, screens."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from pos_app.config import ConfigError, TillConfig, load_config
from pos_app.journal.store import JournalCorrupt


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="allive-pos", description="ALL-LIVE Market till")
    parser.add_argument(
        "--config", type=Path, default=Path(os.environ.get("ALLIVE_TILL_CONFIG", "till.json"))
    )
    parser.add_argument("--language", choices=["ko", "en"], help="override the settings file's language")
    parser.add_argument("--ready-file", type=Path, help="write a line here when the sale screen is ready")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["decode"]:
        from pos_app.scanning.decode_cli import run

        return run(argv[1:])
    if argv[:1] == ["recover"]:  # rebuild the journal from the ledger (pos_app.recovery)
        from pos_app.recovery import run as recover
        from pos_app.till_lock import TillLock

        # Under the till's own lock: refused while the till runs on that journal.
        return recover(argv[1:], load_config, lock=TillLock, refused=_recover_refused_text)
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        config = load_config(args.config)
    except ConfigError as exc:
        print(f"allive-pos: {exc}", file=sys.stderr)
        return 2
    if args.language:
        config = config.with_changes(language=args.language)
    from pos_app.till_lock import TillLock

    lock = TillLock(config.journal_path)
    if not lock.acquire():
        # A second start on the same journal: two tills would write one chain. Say so and stop.
        print(f"allive-pos: this till is already running ({lock.path})", file=sys.stderr)
        _show_fatal(None, config.language)
        return 4
    try:
        return _run(config, args.ready_file)
    finally:
        lock.release()


def _run(config: TillConfig, ready_file: Path | None) -> int:
    from pos_app.runtime import open_till

    try:
        runtime = open_till(config)
    except JournalCorrupt as exc:
        print(f"allive-pos: {exc}", file=sys.stderr)
        _show_fatal(exc, config.language)
        return 3
    try:
        from pos_app.ui.main_window import run_ui  # the cashier's screens

        return int(run_ui(runtime, ready_file=ready_file))
    finally:
        runtime.close()


def _recover_refused_text(language: str) -> str:
    """Why ``recover`` stops while the till is open, for the console, in the till's language: the
    words of ``pos_app.ui.messages`` from the till's shipped translation, read by a translator of its
    own (installing one would need an application object, and this command has no window)."""
    from PySide6.QtCore import QLocale, QTranslator

    from pos_app.ui.main_window import TRANSLATIONS
    from pos_app.ui.messages import CONTEXT, RECOVER_TILL_OPEN

    source = str(RECOVER_TILL_OPEN)
    translator = QTranslator()
    if language != "en" and translator.load(QLocale(language), "allive", "_", str(TRANSLATIONS)):
        return translator.translate(CONTEXT, source) or source
    return source


def _show_fatal(problem: Exception | None, language: str) -> None:
    """A message box for the cashier when the till cannot start (no window system: stderr only);
    ``None`` is the second start of a till that is already running."""
    try:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QApplication, QMessageBox

        from pos_app.ui.main_window import install_translations
        from pos_app.ui.messages import already_running_text, problem_text

        app = QApplication.instance() or QApplication([])
        assert isinstance(app, QApplication)
        translators = install_translations(app, language)
        try:
            title = QCoreApplication.translate("MainWindow", "ALL-LIVE Market till")
            text = already_running_text() if problem is None else problem_text(problem)
            QMessageBox.critical(None, title, text)
        finally:
            for translator in translators:
                app.removeTranslator(translator)
        del app
    except Exception:  # no display: the stderr message stands
        pass


if __name__ == "__main__":
    sys.exit(main())
