"""Import, export and re-extraction from the window: off the GUI thread, reported when done."""

from __future__ import annotations

from pathlib import Path

from gui import press, store_repo
from PySide6.QtCore import QSettings, Qt

from reviewer.ui.app import build_window


def test_import_runs_in_the_background_and_fills_the_queue(window, qtbot, tmp_path: Path,
                                                           seeded_store: Path) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "a.txt").write_text("FORM 8-K\nCURRENT REPORT\nItem 8.01 Other Events\n")
    (extra / "bad.zip").write_bytes(b"PK\x03\x04" + bytes(30))
    assert window.start_import([str(extra)])
    qtbot.waitUntil(lambda: not window.jobs.running, timeout=20000)
    report = window.jobs.last_report
    assert len(report.imported) == 1 and len(report.failures) == 1
    dialog = window.report_dialog
    assert dialog is not None and dialog.isVisible()
    assert [dialog.table.item(0, c).text() for c in (0, 2)] == [
        "bad.zip", "a ZIP archive, not a filing; unpack or convert it first"]
    assert store_repo(seeded_store).db["documents"].count == 4
    assert window.queue.model.rowCount() == 4


def test_dropping_a_folder_imports_it(window, qtbot, tmp_path: Path, seeded_store: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    folder = tmp_path / "dropped"
    folder.mkdir()
    (folder / "a.txt").write_text("FORM 8-K\nCURRENT REPORT\nItem 8.01 Other Events\n")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: not window.jobs.running, timeout=20000)
    assert store_repo(seeded_store).db["documents"].count == 4


def test_a_burst_of_imported_filings_reloads_the_queue_once(window, qtbot) -> None:
    resets = []
    window.queue.model.modelReset.connect(lambda: resets.append(1))
    for doc_id in range(50):  # fifty filings land in quick succession
        window.jobs.imported.emit(doc_id)
    assert resets == []
    qtbot.waitUntil(lambda: len(resets) == 1, timeout=3000)
    qtbot.wait(500)
    assert len(resets) == 1


def test_export_from_the_window_asks_reviewed_or_all(window, qtbot, tmp_path: Path, monkeypatch) -> None:
    import csv

    from PySide6.QtWidgets import QFileDialog, QMessageBox

    press(qtbot, window.fields, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    target = tmp_path / "out.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    for answer, rows in ((QMessageBox.StandardButton.Yes, 1), (QMessageBox.StandardButton.No, 3)):
        monkeypatch.setattr(QMessageBox, "question", lambda *a, answer=answer, **k: answer)
        window.named_actions["export_csv"].trigger()
        qtbot.waitUntil(lambda: not window.jobs.running, timeout=10000)
        assert len(list(csv.DictReader(target.open(encoding="utf-8-sig")))) == rows


def test_reextract_from_the_menu_keeps_decisions(window, qtbot, seeded_store: Path) -> None:
    doc_id = window.doc_id
    fv = next(v for v in store_repo(seeded_store).field_values(doc_id) if v.field == "dateline")
    window.session.set_value(doc_id, "dateline", fv.id, "Seoul")
    window.named_actions["reextract"].trigger()
    qtbot.waitUntil(lambda: not window.jobs.running, timeout=30000)
    after = [v for v in store_repo(seeded_store).field_values(doc_id) if v.field == "dateline"]
    assert [(v.value, v.state) for v in after] == [("Seoul", "corrected")]
    assert "re-extracted" in window.statusBar().currentMessage()


def test_first_run_on_an_empty_store_opens_the_samples(qtbot, tmp_path: Path, settings: QSettings) -> None:
    from reviewer.ui.app import offer_samples

    window = build_window(tmp_path / "empty.db", "tester", settings)
    qtbot.addWidget(window)
    assert offer_samples(window)
    qtbot.waitUntil(lambda: not window.jobs.running, timeout=20000)
    assert window.queue.model.rowCount() == 3
    assert window.doc_id is not None
    assert not offer_samples(window)  # once only: a user who deletes them is not pestered
