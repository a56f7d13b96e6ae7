"""The README's screenshots, made again: the window on the samples, a value changed since
the filer's last filing, and a value memory withheld. `QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py`."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "helpers"))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reviewer.pipeline.importer import import_paths  # noqa: E402
from reviewer.store import Repository, open_store  # noqa: E402
from reviewer.ui.app import build_window, resume  # noqa: E402

SIZE = (1500, 900)


def settle(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def window_on(store: Path, tmp: Path):
    window = build_window(store, "analyst", QSettings(str(tmp / "s.ini"),
                                                      QSettings.Format.IniFormat))
    window.resize(*SIZE)
    from reviewer.ui import layout

    layout.reset_panes(window, window.splitter)
    window.show()
    resume(window)
    return window


def samples(app: QApplication, tmp: Path) -> None:
    store = tmp / "samples.db"
    repo = Repository(open_store(store))
    import_paths(repo, [ROOT / "resources" / "samples"], "importer", workers=0)
    repo.db.conn.close()
    window = window_on(store, tmp)
    settle(app)
    key = next(k for k in window.fields.keys() if k.field == "headline")
    window.fields.select_key(key)
    settle(app)
    window.grab().save(str(ROOT / "docs" / "screenshot.png"))
    window.close()


def second_filing(app: QApplication, tmp: Path, name: str, decide, address: str, zip_code: str,
                  out: str) -> None:
    """Two filings of one filer (the GUI tests'): the first decided by `decide(repo, doc_id,
    its address value)` and approved, the second opened on its address and grabbed."""
    from filings import write

    store = tmp / name
    repo = Repository(open_store(store))
    import_paths(repo, [write(tmp, 1, "20050115", "100 Main Street", "62701")], "i", workers=0)
    first = repo.document_ids()[0]
    decide(repo, first, next(v for v in repo.field_values(first)
                             if v.field == "principal_office_address"))
    repo.mark_reviewed(first, "analyst")
    import_paths(repo, [write(tmp, 2, "20050301", address, zip_code)], "i", workers=0)
    repo.db.conn.close()
    window = window_on(store, tmp)
    settle(app)
    key = next(k for k in window.fields.keys() if k.field == "principal_office_address")
    window.fields.select_key(key)
    settle(app)
    window.grab().save(str(ROOT / "docs" / out))
    window.close()


def changed(app: QApplication, tmp: Path) -> None:
    def decide(repo: Repository, first: int, address) -> None:
        repo.add_value(first, "contact_name", "Jane Roe", None, "analyst")
        repo.confirm(address.id, "analyst")

    second_filing(app, tmp, "memory.db", decide, "200 Oak Avenue", "62702", "changed-since.png")


def withheld(app: QApplication, tmp: Path) -> None:
    def decide(repo: Repository, first: int, address) -> None:
        repo.reject(address.id, "analyst")  # the analyst turns the extracted address down

    second_filing(app, tmp, "withheld.db", decide, "100 Main Street", "62701", "withheld.png")


def main() -> None:
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_DATA_HOME"] = tmp
        os.environ["XDG_CONFIG_HOME"] = tmp
        samples(app, Path(tmp))
        changed(app, Path(tmp))
        withheld(app, Path(tmp))
    print("docs/screenshot.png, docs/changed-since.png, docs/withheld.png written")


if __name__ == "__main__":
    main()
