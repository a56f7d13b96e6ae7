"""The real MainWindow on a temporary store, driven with the keyboard; each test asserts the store."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor

from reviewer.importer import import_paths
from reviewer.store import Repository, open_store
from reviewer.ui.app import build_window, resume
from reviewer.ui.field_panel import RowKey

SEEDS = Path(__file__).resolve().parent.parent / "resources" / "samples"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def seeded_store(tmp_path: Path) -> Path:
    path = tmp_path / "gui.db"
    db = open_store(path)
    import_paths(Repository(db), [SEEDS], "importer", workers=1)
    db.conn.close()
    return path


def open_window(qtbot, store: Path, settings: QSettings):
    window = build_window(store, "tester", settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    resume(window)
    return window


@pytest.fixture
def window(qtbot, seeded_store: Path, settings: QSettings):
    return open_window(qtbot, seeded_store, settings)


def store_repo(path: Path) -> Repository:
    return Repository(open_store(path))


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, key, modifier)


def test_window_opens_on_the_first_filing_with_its_text(window, seeded_store: Path) -> None:
    repo = store_repo(seeded_store)
    first = repo.queue_ids(status="to_review")[0]
    assert window.doc_id == first
    assert window.viewer.editor.toPlainText() == repo.load_document(first).text
    assert "Filing Reviewer" in window.windowTitle()
    assert "0 of 3 reviewed" in window.status_label.text()


def test_ctrl_return_marks_reviewed_and_opens_the_next(window, qtbot, seeded_store: Path) -> None:
    first = window.doc_id
    press(qtbot, window.fields, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    repo = store_repo(seeded_store)
    assert repo.document(first)["status"] == "reviewed"
    assert repo.document(first)["reviewer"] == "tester"
    assert window.doc_id is not None and window.doc_id != first
    assert "1 of 3 reviewed" in window.status_label.text()


def test_undo_and_redo_across_filings(window, qtbot, seeded_store: Path) -> None:
    first = window.doc_id
    press(qtbot, window.fields, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, window.fields, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store_repo(seeded_store).document(first)["status"] == "to_review"
    assert window.doc_id == first
    press(qtbot, window.fields, Qt.Key.Key_Z,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert store_repo(seeded_store).document(first)["status"] == "reviewed"


def test_alt_down_and_up_move_through_the_queue(window, qtbot) -> None:
    first = window.doc_id
    press(qtbot, window.fields, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    second = window.doc_id
    assert second != first
    press(qtbot, window.fields, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.doc_id == first


def _select_in_viewer(window, text: str) -> None:
    editor = window.viewer.editor
    start = editor.toPlainText().index(text)
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def test_ctrl_e_fills_the_focused_field_from_the_selection(window, qtbot, seeded_store: Path) -> None:
    doc_id = window.doc_id
    assert window.fields.select_key(next(k for k in window.fields.keys() if k.field == "dateline"))
    _select_in_viewer(window, "Seoul and New York")
    press(qtbot, window.fields, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    values = [fv for fv in store_repo(seeded_store).field_values(doc_id) if fv.field == "dateline"]
    assert [v.value for v in values] == ["Seoul and New York"]
    assert values[0].state in ("added", "corrected", "confirmed")
    text = store_repo(seeded_store).load_document(doc_id).text
    assert text[values[0].span_start : values[0].span_end] == "Seoul and New York"


def test_typed_date_is_stored_in_normal_form_and_reject_works(window, qtbot, seeded_store: Path) -> None:
    from PySide6.QtWidgets import QApplication, QLineEdit

    doc_id = window.doc_id
    key = next(k for k in window.fields.keys() if k.field == "release_date")
    window.fields.select_key(key)
    window.fields.setFocus()
    press(qtbot, window.fields, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Nov. 28, 2002")
    press(qtbot, editor, Qt.Key.Key_Return)  # Qt commits the editor's data with a queued call

    def stored():
        return [v for v in store_repo(seeded_store).field_values(doc_id) if v.field == "release_date"]

    qtbot.waitUntil(lambda: any(v.value == "2002-11-28" for v in stored()), timeout=3000)
    fv = next(v for v in stored() if v.value == "2002-11-28")
    assert fv.state in ("added", "corrected")
    history = store_repo(seeded_store).history(doc_id)[-1]
    assert (history["field"], history["after_value"], history["who"]) == (
        "release_date", "2002-11-28", "tester")
    window.fields.select_key(RowKey("release_date", fv.id))
    press(qtbot, window.fields, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert store_repo(seeded_store).field_value(fv.id).state == "rejected"


def test_import_runs_in_the_background_and_fills_the_queue(window, qtbot, tmp_path: Path,
                                                           seeded_store: Path) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "a.txt").write_text("FORM 8-K\nCURRENT REPORT\nItem 8.01 Other Events\n")
    (extra / "bad.zip").write_bytes(b"PK\x03\x04" + bytes(30))
    assert window.transfers.start([str(extra)])
    qtbot.waitUntil(lambda: window.transfers.job is None, timeout=20000)
    report = window.transfers.last_report
    assert len(report.imported) == 1 and len(report.failures) == 1
    dialog = window.transfers.report_dialog
    assert dialog is not None and dialog.isVisible()
    assert [dialog.table.item(0, c).text() for c in (0, 2)] == [
        "bad.zip", "a ZIP archive, not a filing; unpack or convert it first"]
    assert store_repo(seeded_store).db["documents"].count == 4
    assert window.queue.model.rowCount() == 4


def test_reopening_returns_to_the_last_filing(window, qtbot, seeded_store: Path,
                                              settings: QSettings) -> None:
    press(qtbot, window.fields, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    left_at = window.doc_id
    window.close()
    again = open_window(qtbot, seeded_store, settings)
    assert again.doc_id == left_at


def test_a_second_value_is_added_to_a_multi_field(window, qtbot, seeded_store: Path) -> None:
    doc_id = window.doc_id
    before = [v.value for v in store_repo(seeded_store).field_values(doc_id) if v.field == "ticker"]
    add_row = [k for k in window.fields.keys() if k.field == "ticker" and k.value_id is None]
    assert len(add_row) == 1  # one "add value" row after the ticker values
    window._value_edited(add_row[0], "krt")
    after = [v for v in store_repo(seeded_store).field_values(doc_id) if v.field == "ticker"]
    assert [v.value for v in after] == before + ["KRT"]
    assert after[-1].state == "added"


def test_typing_shows_the_normal_form_or_what_is_expected(window) -> None:
    assert window._validate("release_date", "Nov. 28, 2002") == ("2002-11-28", "")
    value, message = window._validate("release_date", "soon")
    assert value is None and "expected a date" in message
    value, message = window._validate("event_type", "alien landing")
    assert value is None and "one of" in message


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
    qtbot.waitUntil(lambda: window.transfers.job is None, timeout=20000)
    assert store_repo(seeded_store).db["documents"].count == 4


def test_the_reviewer_name_from_preferences_is_stored_with_changes(window, qtbot, seeded_store: Path,
                                                                    settings: QSettings, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Ann Analyst", True))
    window.edit_preferences()
    assert "reviewer: Ann Analyst" in window.status_label.text()
    first = window.doc_id
    press(qtbot, window.fields, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert store_repo(seeded_store).document(first)["reviewer"] == "Ann Analyst"
    assert settings.value("reviewer/name") == "Ann Analyst"


def test_reopening_returns_to_the_field_too(window, qtbot, seeded_store: Path, settings: QSettings) -> None:
    key = next(k for k in window.fields.keys() if k.field == "dateline")
    window.fields.select_key(key)
    window.close()
    again = open_window(qtbot, seeded_store, settings)
    assert again.fields.current_key().field == "dateline"


def test_clicking_a_highlight_focuses_its_field(window, qtbot) -> None:
    editor = window.viewer.editor
    span = next(s for s in window.viewer.highlighter.spans() if s.key.field == "ticker")
    cursor = editor.textCursor()
    cursor.setPosition(span.start + 1)
    editor.setTextCursor(cursor)
    point = editor.cursorRect(cursor).center()
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.fields.current_key() == span.key
    assert window.viewer.highlighter.focused == span.key


def test_find_bar_counts_and_moves_between_matches(window, qtbot) -> None:
    press(qtbot, window.fields, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.viewer.find_bar
    assert bar.isVisible()
    qtbot.keyClicks(bar.edit, "Thrunet")
    text = window.viewer.editor.toPlainText()
    assert bar.count.text() == f"{text.lower().count('thrunet')} matches"
    press(qtbot, bar.edit, Qt.Key.Key_Return)
    first = window.viewer.editor.textCursor().selectionStart()
    press(qtbot, bar.edit, Qt.Key.Key_Return)
    second = window.viewer.editor.textCursor().selectionStart()
    assert text[first : first + 7].lower() == "thrunet" and second > first


def test_ctrl_down_walks_values_needing_attention(window, qtbot) -> None:
    order = window.session.attention(window._values, window._form)
    press(qtbot, window.fields, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert (window.fields.current_key().field, window.fields.current_key().value_id) == order[0]
    press(qtbot, window.fields, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert (window.fields.current_key().field, window.fields.current_key().value_id) == order[1]


def test_flag_with_a_note(window, qtbot, seeded_store: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("check the split ratio", True))
    press(qtbot, window.fields, Qt.Key.Key_F,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    row = store_repo(seeded_store).document(window.doc_id)
    assert (row["status"], row["flag_note"]) == ("flagged", "check the split ratio")


def test_export_from_the_window_asks_reviewed_or_all(window, qtbot, tmp_path: Path, monkeypatch) -> None:
    import csv

    from PySide6.QtWidgets import QFileDialog, QMessageBox

    press(qtbot, window.fields, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    target = tmp_path / "out.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    for answer, rows in ((QMessageBox.StandardButton.Yes, 1), (QMessageBox.StandardButton.No, 3)):
        monkeypatch.setattr(QMessageBox, "question", lambda *a, answer=answer, **k: answer)
        window.actions["export_csv"].trigger()
        assert len(list(csv.DictReader(target.open(encoding="utf-8-sig")))) == rows


def test_reextract_from_the_menu_keeps_decisions(window, qtbot, seeded_store: Path) -> None:
    doc_id = window.doc_id
    fv = next(v for v in store_repo(seeded_store).field_values(doc_id) if v.field == "dateline")
    window.session.set_value(doc_id, "dateline", fv.id, "Seoul")
    window.actions["reextract"].trigger()
    qtbot.waitUntil(lambda: window.transfers.job is None, timeout=30000)
    after = [v for v in store_repo(seeded_store).field_values(doc_id) if v.field == "dateline"]
    assert [(v.value, v.state) for v in after] == [("Seoul", "corrected")]
    assert "re-extracted" in window.statusBar().currentMessage()


def test_first_run_on_an_empty_store_opens_the_samples(qtbot, tmp_path: Path, settings: QSettings) -> None:
    from reviewer.ui.app import offer_samples

    window = build_window(tmp_path / "empty.db", "tester", settings)
    qtbot.addWidget(window)
    assert offer_samples(window)
    qtbot.waitUntil(lambda: window.transfers.job is None, timeout=20000)
    assert window.queue.model.rowCount() == 3
    assert window.doc_id is not None
    assert not offer_samples(window)  # once only: a user who deletes them is not pestered


def test_a_large_next_filing_is_laid_out_in_the_background(window, qtbot, seeded_store: Path) -> None:
    from reviewer.core.document import Document, Part
    from reviewer.store.repository import DocumentSummary

    repo = store_repo(seeded_store)
    text = "Item 8.01 Other Events. A long filing line of text.\n" * 30_000  # 1.5 MB
    big, _ = repo.add_document(sha256="b" * 64, source_path="big.txt", raw=text.encode(),
                               document=Document(text, "text", [Part("body", 0, len(text))]),
                               candidates=[], extractor_version="t", summary=DocumentSummary(), who="t")
    window.queue.model.reload()
    window.queue.select_row(window.queue.model.row_of(big) - 1)  # the filing before it
    qtbot.waitUntil(lambda: big in window.prefetch._ready, timeout=10000)
    prebuilt = window.prefetch._ready[big][1]
    press(qtbot, window.fields, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.doc_id == big
    assert window.viewer.editor.document() is prebuilt
    assert window.viewer.editor.toPlainText() == text


def test_the_app_starts_shows_its_window_and_quits_cleanly(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path),
               XDG_DATA_HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-m", "reviewer", "gui", "--db", str(tmp_path / "a.db"),
                             str(SEEDS), "--quit-after", "1500"], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "window shown" in result.stdout
    assert "QThread" not in result.stderr and "Traceback" not in result.stderr


def test_fields_of_other_forms_are_not_listed(window, qtbot) -> None:
    six_k = next(window.queue.model.document_id(r) for r in range(window.queue.model.rowCount())
                 if window.repo.document(window.queue.model.document_id(r))["form_type"] == "6-K")
    window.queue.select_document(six_k)
    fields = {k.field for k in window.fields.keys()}
    assert "annual_report_form" in fields and "item" not in fields


def test_saving_a_value_refreshes_values_without_rebuilding_the_text(window, seeded_store: Path) -> None:
    editor = window.viewer.editor
    document, revision = editor.document(), editor.document().revision()
    key = next(k for k in window.fields.keys() if k.field == "dateline")
    window.fields.select_key(key)
    window._value_edited(key, "Seoul")
    assert editor.document() is document and document.revision() == revision
    assert window.fields._items[key].text(1) == "Seoul"
    span = next(s for s in window.viewer.highlighter.spans() if s.key == key)
    assert window.viewer.highlighter.focused == key and span.end > span.start
    assert store_repo(seeded_store).progress() == {"documents": 3, "reviewed": 0, "flagged": 0,
                                                   "to_review": 3}


def test_a_burst_of_imported_filings_reloads_the_queue_once(window, qtbot) -> None:
    resets = []
    window.queue.model.modelReset.connect(lambda: resets.append(1))
    for doc_id in range(50):  # fifty filings land in quick succession
        window.transfers._imported(doc_id)
    assert resets == []
    qtbot.waitUntil(lambda: len(resets) == 1, timeout=3000)
    qtbot.wait(500)
    assert len(resets) == 1


def test_qt_text_groups_only_long_filings_and_keeps_every_offset() -> None:
    from reviewer.core.document import Document, Part
    from reviewer.ui.document_view import GROUP_FROM_LINES, LINE_SEPARATOR, qt_text

    short = "line\n" * (GROUP_FROM_LINES - 1)
    assert qt_text(Document(short, "text", [Part("body", 0, len(short))])) == short
    head = "".join(f"header line {i}\n" for i in range(13))
    body = "".join(f"body line {i}\n" for i in range(GROUP_FROM_LINES + 5))
    text = head + body + "no final newline"
    parts = [Part("header", 0, len(head)), Part("document", len(head), len(text))]
    shown = qt_text(Document(text, "edgar", parts))
    assert len(shown) == len(text) and shown.replace(LINE_SEPARATOR, "\n") == text
    assert shown[len(head) - 1] == "\n"  # the part starts a block
    blocks = shown.split("\n")
    assert len(blocks) < text.count("\n") / 4
    assert all(b.count(LINE_SEPARATOR) <= 7 for b in blocks)


def test_a_very_long_filing_opens_grouped_and_reads_copies_and_jumps_as_lines(
        window, qtbot, seeded_store: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from reviewer.core.document import Document, Part
    from reviewer.core.extract.candidate import Candidate
    from reviewer.store.repository import DocumentSummary

    repo = store_repo(seeded_store)
    first = "".join(f"First document, line {i}.\n" for i in range(15_003))
    second = "".join(f"Second document, line {i}.\n" for i in range(15_000))
    text = first + second
    target = second.index("line 12345.")
    span = (len(first) + target, len(first) + target + len("line 12345"))
    big, _ = repo.add_document(
        sha256="c" * 64, source_path="long.txt", raw=text.encode(),
        document=Document(text, "edgar", [Part("document", 0, len(first), type="10-K"),
                                          Part("document", len(first), len(text), type="EX-99.1")]),
        candidates=[Candidate("headline", "line 12345", *span, 0.9, "t")],
        extractor_version="t", summary=DocumentSummary(), who="t")
    window.queue.model.reload()
    window.queue.select_document(big)
    editor = window.viewer.editor
    assert editor.document().blockCount() < 30_000 / 4
    assert editor.toPlainText() == text
    window.viewer._jump_to_part(1)  # the second document's first line is at the top
    assert editor.firstVisibleBlock().position() == len(first)
    assert editor.firstVisibleBlock().text().startswith("Second document, line 0.")
    window.fields.select_key(next(k for k in window.fields.keys() if k.field == "headline"))
    cursor = editor.textCursor()
    assert cursor.selectionStart() <= span[0] <= cursor.selectionEnd() + len("line 12345")
    cursor.setPosition(span[0] - 20)
    cursor.setPosition(span[1] + 40, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    selected, start, end = window.viewer.selection()
    assert selected == text[span[0] - 20 : span[1] + 40] and "\n" in selected
    editor.copy()
    assert QApplication.clipboard().text() == selected


def test_a_prefetched_filing_survives_another_writers_commit_unless_its_text_changed(
        window, qtbot, seeded_store: Path) -> None:
    from reviewer.core.document import Document, Part
    from reviewer.store.repository import DocumentSummary

    repo = store_repo(seeded_store)
    text = "Item 8.01 Other Events. A long filing line of text.\n" * 30_000
    big, _ = repo.add_document(sha256="d" * 64, source_path="big.txt", raw=text.encode(),
                               document=Document(text, "text", [Part("body", 0, len(text))]),
                               candidates=[], extractor_version="t", summary=DocumentSummary(), who="t")
    window.refresh_if_changed()
    before = window.queue.model.row_of(big) - 1
    for changed in (False, True):
        window.queue.select_row(before)
        qtbot.waitUntil(lambda: big in window.prefetch._ready, timeout=10000)
        prebuilt = window.prefetch._ready[big][1]
        other = repo.field_values(window.doc_id)[0]  # another writer commits (another filing)
        repo.set_value(other.id, f"{other.value} (checked {changed})", None, "other")
        if changed:  # ... and a re-extraction changes the prefetched filing's text
            with repo.transaction():
                repo.conn.execute("UPDATE document_content SET text = ? WHERE document_id = ?",
                                  (text.upper(), big))
        assert window.refresh_if_changed()
        press(qtbot, window.fields, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        assert window.doc_id == big
        assert (window.viewer.editor.document() is prebuilt) is not changed
        assert window.viewer.editor.toPlainText() == (text.upper() if changed else text)
