"""The analyst's keyboard loop on the real window: each test presses keys and asserts the store."""

from __future__ import annotations

from pathlib import Path

from gui import SAMPLES, key_of, open_window, press, select_in_viewer, store_repo, type_value
from PySide6.QtCore import QSettings, Qt

from reviewer.ui.field_panel import RowKey


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
    assert repo.document(first).status == "reviewed"
    assert repo.document(first).reviewer == "tester"
    assert window.doc_id is not None and window.doc_id != first
    assert "1 of 3 reviewed" in window.status_label.text()


def test_undo_and_redo_across_filings(window, qtbot, seeded_store: Path) -> None:
    first = window.doc_id
    press(qtbot, window.fields, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, window.fields, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store_repo(seeded_store).document(first).status == "to_review"
    assert window.doc_id == first
    press(qtbot, window.fields, Qt.Key.Key_Z,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert store_repo(seeded_store).document(first).status == "reviewed"


def test_alt_down_and_up_move_through_the_queue(window, qtbot) -> None:
    first = window.doc_id
    press(qtbot, window.fields, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    second = window.doc_id
    assert second != first
    press(qtbot, window.fields, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.doc_id == first


def test_ctrl_e_fills_the_focused_field_from_the_selection(window, qtbot, seeded_store: Path) -> None:
    doc_id = window.doc_id
    assert window.fields.select_key(next(k for k in window.fields.keys() if k.field == "dateline"))
    select_in_viewer(window, "Seoul and New York")
    press(qtbot, window.fields, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    values = [fv for fv in store_repo(seeded_store).field_values(doc_id) if fv.field == "dateline"]
    assert [v.value for v in values] == ["Seoul and New York"]
    assert values[0].state in ("added", "corrected", "confirmed")
    text = store_repo(seeded_store).load_document(doc_id).text
    assert text[values[0].span_start : values[0].span_end] == "Seoul and New York"


def test_typed_date_is_stored_in_normal_form_and_reject_works(window, qtbot, seeded_store: Path) -> None:
    doc_id = window.doc_id
    type_value(qtbot, window, key_of(window, "release_date"), "Nov. 28, 2002")

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


def test_a_second_value_is_added_to_a_multi_field(window, qtbot, seeded_store: Path) -> None:
    doc_id = window.doc_id
    before = [v.value for v in store_repo(seeded_store).field_values(doc_id) if v.field == "ticker"]
    add_rows = [k for k in window.fields.keys() if k.field == "ticker" and k.value_id is None]
    assert len(add_rows) == 1  # one "add value" row after the ticker values
    type_value(qtbot, window, add_rows[0], "krt")

    def tickers():
        return [v for v in store_repo(seeded_store).field_values(doc_id) if v.field == "ticker"]

    qtbot.waitUntil(lambda: len(tickers()) == len(before) + 1, timeout=3000)
    assert [v.value for v in tickers()] == before + ["KRT"]
    assert tickers()[-1].state == "added"


def test_typing_shows_the_normal_form_or_what_is_expected(window) -> None:
    check = window.fields.validator  # what the value editor shows under the text as it is typed
    assert check("release_date", "Nov. 28, 2002") == ("2002-11-28", "")
    value, message = check("release_date", "soon")
    assert value is None and "expected a date" in message
    value, message = check("event_type", "alien landing")
    assert value is None and "one of" in message


def test_saving_a_value_refreshes_values_without_rebuilding_the_text(window, qtbot,
                                                                    seeded_store: Path) -> None:
    editor = window.viewer.editor
    document, revision = editor.document(), editor.document().revision()
    key = key_of(window, "dateline")
    type_value(qtbot, window, key, "Seoul")
    qtbot.waitUntil(lambda: window.fields.current_key() != key, timeout=3000)  # moved on
    assert editor.document() is document and document.revision() == revision
    window.fields.select_key(key)
    assert window.fields.currentItem().text(1) == "Seoul"
    span = next(s for s in window.viewer.highlighter.spans() if s.key == key)
    assert window.viewer.highlighter.focused == key and span.end > span.start
    assert store_repo(seeded_store).progress() == {"documents": 3, "reviewed": 0, "flagged": 0,
                                                   "to_review": 3}


def test_ctrl_down_walks_values_needing_attention(window, qtbot) -> None:
    # The first sample has no value under the attention threshold: the walk goes through its
    # missing fields in schema order.
    press(qtbot, window.fields, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.fields.current_key() == RowKey("accession_number", None)
    press(qtbot, window.fields, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.fields.current_key() == RowKey("cik", None)
    press(qtbot, window.fields, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert window.fields.current_key() == RowKey("accession_number", None)


def test_flag_with_a_note(window, qtbot, seeded_store: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("check the split ratio", True))
    press(qtbot, window.fields, Qt.Key.Key_F,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    row = store_repo(seeded_store).document(window.doc_id)
    assert (row.status, row.flag_note) == ("flagged", "check the split ratio")


def test_fields_of_other_forms_are_not_listed(window, qtbot) -> None:
    six_k = next(window.queue.model.document_id(r) for r in range(window.queue.model.rowCount())
                 if window.repo.document(window.queue.model.document_id(r)).form_type == "6-K")
    window.queue.select_document(six_k)
    fields = {k.field for k in window.fields.keys()}
    assert "annual_report_form" in fields and "item" not in fields


def test_the_reviewer_name_from_preferences_is_stored_with_changes(window, qtbot, seeded_store: Path,
                                                                    settings: QSettings, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Ann Analyst", True))
    window.edit_preferences()
    assert "reviewer: Ann Analyst" in window.status_label.text()
    first = window.doc_id
    press(qtbot, window.fields, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert store_repo(seeded_store).document(first).reviewer == "Ann Analyst"
    assert settings.value("reviewer/name") == "Ann Analyst"


def test_reopening_returns_to_the_last_filing(window, qtbot, seeded_store: Path,
                                              settings: QSettings) -> None:
    press(qtbot, window.fields, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    left_at = window.doc_id
    window.close()
    again = open_window(qtbot, seeded_store, settings)
    assert again.doc_id == left_at


def test_reopening_returns_to_the_field_too(window, qtbot, seeded_store: Path, settings: QSettings) -> None:
    key = next(k for k in window.fields.keys() if k.field == "dateline")
    window.fields.select_key(key)
    window.close()
    again = open_window(qtbot, seeded_store, settings)
    assert again.fields.current_key().field == "dateline"


def test_the_app_starts_shows_its_window_and_quits_cleanly(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path),
               XDG_DATA_HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-m", "reviewer", "gui", "--db", str(tmp_path / "a.db"),
                             str(SAMPLES), "--quit-after", "1500"], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "window shown" in result.stdout
    assert "QThread" not in result.stderr and "Traceback" not in result.stderr
