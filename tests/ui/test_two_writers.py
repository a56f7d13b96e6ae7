"""Two writers on one store: no 'database is locked', no lost update, the other window follows."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QSettings

from reviewer.pipeline.importer import import_paths
from reviewer.store import Repository, open_store
from reviewer.ui.app import build_window

SEEDS = Path(__file__).resolve().parents[2] / "resources" / "samples"


def test_two_connections_writing_the_same_value_lose_nothing(store_path: Path) -> None:
    first = Repository(open_store(store_path))
    import_paths(first, [SEEDS], "t", workers=0)
    fv_id = first.field_values(first.document_ids()[0])[0].id
    errors: list[BaseException] = []

    def writer(name: str) -> None:
        repo = Repository(open_store(store_path))
        try:
            for i in range(150):
                repo.set_value(fv_id, f"{name} {i}", None, name)
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in ("ann", "bob")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    edits = [h for h in first.history() if h["field_value_id"] == fv_id and h["action"] == "edit"]
    assert len(edits) == 300
    last = edits[-1]
    assert first.field_value(fv_id).value == last["after_value"]  # the later change stands
    assert {h["who"] for h in edits} == {"ann", "bob"}


def test_window_changes_while_reviewer_import_runs(qtbot, corpus: Path, store_path: Path, tmp_path: Path) -> None:
    repo = Repository(open_store(store_path))
    import_paths(repo, [SEEDS], "t", workers=0)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = build_window(store_path, "ann", settings)
    qtbot.addWidget(window)
    doc_id = repo.document_ids()[0]
    fv_id = repo.field_values(doc_id)[0].id
    proc = subprocess.Popen([sys.executable, "-m", "reviewer", "import", "-j", "1", "--db", str(store_path),
                             str(corpus / "raw" / "edgar-txt")], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    n = 0
    while proc.poll() is None and n < 400:
        window.session.set_value(doc_id, repo.field_value(fv_id).field, fv_id, f"edit {n}")
        n += 1
    _, err = proc.communicate(timeout=300)
    assert "locked" not in err and "Traceback" not in err
    edits = [h for h in repo.history(doc_id) if h["action"] == "edit"]
    assert len(edits) == n > 10
    assert repo.db["documents"].count > 3


def test_the_other_window_shows_the_new_value(qtbot, store_path: Path, tmp_path: Path) -> None:
    repo = Repository(open_store(store_path))
    import_paths(repo, [SEEDS], "t", workers=0)
    windows = []
    for name in ("ann", "bob"):
        settings = QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)
        w = build_window(store_path, name, settings)
        qtbot.addWidget(w)
        w.queue.select_row(0)
        windows.append(w)
    ann, bob = windows
    key = next(k for k in bob.fields.keys() if k.field == "dateline")
    ann.session.set_value(ann.doc_id, "dateline", key.value_id, "Seoul")
    document = bob.viewer.editor.document()
    revision = document.revision()
    assert bob.refresh_if_changed()
    bob.fields.select_key(key)
    assert bob.fields.currentItem().text(1) == "Seoul"
    assert bob.viewer.editor.document() is document and document.revision() == revision  # text kept
    assert not bob.refresh_if_changed()  # nothing new since
    changed = repo.document_text(bob.doc_id).replace("Thrunet", "THRUNET")  # as a re-extraction may
    with repo.transaction():
        repo.conn.execute("UPDATE document_content SET text = ? WHERE document_id = ?", (changed, bob.doc_id))
    assert bob.refresh_if_changed()
    assert bob.viewer.text == changed and bob.viewer.editor.toPlainText() == changed
