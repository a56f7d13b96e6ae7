"""The analyst's loop without friction (issue 14): real key presses, asserting the store and
the widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui import key_of, open_window, press, select_in_viewer, store_repo, type_value
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from reviewer.core.document import Document
from reviewer.core.extract.candidate import Candidate
from reviewer.core.values import DocumentSummary
from reviewer.store import Repository, open_store
from reviewer.ui.field_panel import RowKey

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

MERGER = """ACME CORP
FORM 8-K
Item 1.01 Entry into a Material Definitive Agreement.
ACME Corp agreed to merge with Widget Inc.
Principal office:
100 Main Street
Springfield, IL 62701
"""


def add_filing(repo: Repository, sha: str, text: str, cands: list[Candidate],
               company: str | None = "ACME CORP") -> int:
    doc_id, _ = repo.add_document(
        sha256=sha * 64, source_path=f"{sha}.txt", raw=text.encode(), document=Document(text, "text"),
        candidates=cands, extractor_version="t",
        summary=DocumentSummary(form_type="8-K", company_name=company), who="importer")
    return doc_id


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """Two 8-Ks: a merger with two values under the attention threshold, and one with no
    company found."""
    path = tmp_path / "loop.db"
    repo = Repository(open_store(path))
    add_filing(repo, "a", MERGER, [
        Candidate("form_type", "8-K", 10, 18, 0.95, "t"),
        Candidate("company_name", "ACME CORP", 0, 9, 0.40, "t"),
        Candidate("item", "1.01", 19, 28, 0.9, "t"),
        Candidate("event_type", "merger_acquisition", 73, 78, 0.45, "t"),
    ])
    add_filing(repo, "b", "FORM 8-K\nItem 8.01 Other Events\n",
               [Candidate("form_type", "8-K", 0, 8, 0.95, "t")], company=None)
    repo.db.conn.close()
    return path


@pytest.fixture
def win(qtbot, store: Path, tmp_path: Path):
    return open_window(qtbot, store, QSettings(str(tmp_path / "s.ini"),
                                               QSettings.Format.IniFormat))


def editor_of(qtbot, window, key: RowKey) -> QLineEdit:
    window.fields.select_key(key)
    window.fields.setFocus()
    press(qtbot, window.fields, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    return editor


def test_enter_saves_and_the_next_keys_go_to_the_fields_never_the_filter(win, qtbot,
                                                                        store: Path) -> None:
    doc_id = win.doc_id
    type_value(qtbot, win, key_of(win, "exhibit", adding=True), "99.1")

    def exhibits() -> list[str | None]:
        return [v.value for v in store_repo(store).field_values(doc_id) if v.field == "exhibit"]

    qtbot.waitUntil(lambda: exhibits() == ["99.1"], timeout=3000)
    assert QApplication.focusWidget() is win.fields
    assert win.fields.current_key() == RowKey("exhibit", None)  # on the "add value" row again
    qtbot.keyClicks(win.fields, "10.1")  # typing starts the editor on the row
    press(qtbot, QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len([v for v in store_repo(store).field_values(doc_id)
                                 if v.field == "exhibit"]) == 2, timeout=3000)
    assert win.queue.filter_edit.text() == "" and win.queue.model.rowCount() == 2
    assert QApplication.focusWidget() is win.fields
    press(qtbot, win.fields, Qt.Key.Key_Z, CTRL)  # undoes the store change, not a filter's text
    assert [v.value for v in store_repo(store).field_values(doc_id)
            if v.field == "exhibit" and v.state != "rejected"] == ["99.1"]
    press(qtbot, win.fields, Qt.Key.Key_L, CTRL)  # the filter only when asked for
    assert QApplication.focusWidget() is win.queue.filter_edit
    qtbot.keyClicks(win.queue.filter_edit, "acme")
    press(qtbot, win.queue.filter_edit, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is win.fields


def test_ctrl_return_shows_unseen_low_values_before_it_approves(win, qtbot, store: Path) -> None:
    doc_id = win.doc_id
    press(qtbot, win.fields, Qt.Key.Key_Return, CTRL)
    assert store_repo(store).document(doc_id).status == "to_review"
    assert win.doc_id == doc_id and win.fields.current_key().field == "company_name"
    assert "2 values under 60% confidence not looked at yet" in win.statusBar().currentMessage()
    press(qtbot, win.fields, Qt.Key.Key_Return, CTRL)  # again: approve anyway
    repo = store_repo(store)
    assert repo.document(doc_id).status == "reviewed"
    actions = {h["field"]: h["action"] for h in repo.history(doc_id) if h["field"]}
    assert actions["company_name"] == "confirm"  # it had the focus: seen
    assert actions["event_type"] == "confirm unseen"


def test_ctrl_shift_return_approves_at_once(win, qtbot, store: Path) -> None:
    doc_id = win.doc_id
    press(qtbot, win.fields, Qt.Key.Key_Return, CTRL | SHIFT)
    assert store_repo(store).document(doc_id).status == "reviewed"


def test_a_merger_shows_no_split_rows_until_a_split_is_added(win, qtbot, store: Path) -> None:
    fields = {k.field for k in win.fields.keys()}
    assert "split_ratio" not in fields and "dividend_per_share" not in fields
    assert "annual_report_form" not in fields  # a 6-K field, on an 8-K
    walked = set()
    for _ in range(40):
        press(qtbot, win.fields, Qt.Key.Key_Down, CTRL)
        walked.add(win.fields.current_key().field)
    assert "split_ratio" not in walked and "court" not in walked
    type_value(qtbot, win, key_of(win, "event_type", adding=True), "reverse_stock_split")
    qtbot.waitUntil(lambda: "split_ratio" in {k.field for k in win.fields.keys()}, timeout=3000)
    assert "dividend_per_share" not in {k.field for k in win.fields.keys()}
    win.named_actions["show_all_fields"].trigger()  # View > Show All Fields
    assert "dividend_per_share" in {k.field for k in win.fields.keys()}


def test_the_queue_reads_and_follows_a_corrected_registrant(win, qtbot, store: Path) -> None:
    model = win.queue.model
    assert [model.index(r, 2).data() for r in range(2)] == ["ACME CORP", "b.txt"]
    assert model.index(1, 2).data(Qt.ItemDataRole.ForegroundRole) is not None  # dimmed
    assert model.index(0, 0).data() == "○"
    assert "reviewed" in model.headerData(0, Qt.Orientation.Horizontal,
                                          Qt.ItemDataRole.ToolTipRole)
    type_value(qtbot, win, key_of(win, "company_name"), "Acme Corporation")
    qtbot.waitUntil(lambda: model.index(0, 2).data() == "Acme Corporation", timeout=3000)
    assert win.windowTitle().startswith("Acme Corporation")
    from reviewer.ui import layout

    win.resize(1400, 900)  # the first run on a laptop screen
    layout.reset_panes(win, win.splitter)
    qtbot.wait(50)
    header = win.queue.table.horizontalHeader()
    assert sum(header.sectionSize(c) for c in range(4)) <= win.queue.table.viewport().width() + 2


def test_the_end_of_the_queue_says_so_and_reopens_nothing(win, qtbot, store: Path) -> None:
    press(qtbot, win.fields, Qt.Key.Key_Return, CTRL | SHIFT)
    second = win.doc_id
    press(qtbot, win.fields, Qt.Key.Key_Return, CTRL | SHIFT)
    assert store_repo(store).document(second).status == "reviewed"
    assert win.statusBar().currentMessage() == "All 0 filings in this view are reviewed" or \
        "reviewed" in win.statusBar().currentMessage()
    win.queue.status_combo.setCurrentIndex(3)  # All
    win.queue.select_row(1)
    press(qtbot, win.fields, Qt.Key.Key_Return, CTRL | SHIFT)  # the last, already reviewed
    assert win.statusBar().currentMessage() == "All 2 filings in this view are reviewed"
    assert win.queue.table.currentIndex().row() in (-1, 1)  # nothing reopened or moved


def test_an_invalid_value_stays_in_the_editor(win, qtbot, store: Path) -> None:
    doc_id = win.doc_id
    editor = editor_of(qtbot, win, key_of(win, "release_date"))
    qtbot.keyClicks(editor, "soon-ish")
    press(qtbot, editor, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is editor and editor.text() == "soon-ish"
    assert "expected a date" in win.statusBar().currentMessage()
    assert not [v for v in store_repo(store).field_values(doc_id) if v.field == "release_date"]
    editor.selectAll()
    qtbot.keyClicks(editor, "-1+2")  # not a phone number either, as a contact phone
    assert win.fields.validator("contact_phone", "-1+2")[0] is None
    assert win.fields.validator("contact_phone", "(212) 555-0100")[0] == "(212) 555-0100"
    assert win.fields.validator("contact_email", "ir at acme")[0] is None
    assert win.fields.validator("website", "acme.com/investors")[0] == "acme.com/investors"


def test_a_selection_over_lines_is_joined_as_the_field_joins_them(win, qtbot, store: Path) -> None:
    doc_id = win.doc_id
    win.fields.select_key(key_of(win, "principal_office_address"))
    select_in_viewer(win, "100 Main Street\nSpringfield, IL 62701")
    press(qtbot, win.fields, Qt.Key.Key_E, CTRL)
    values = [v.value for v in store_repo(store).field_values(doc_id)
              if v.field == "principal_office_address"]
    assert values == ["100 Main Street, Springfield, IL 62701"]


def test_a_layout_saved_at_another_scale_comes_back_usable(qtbot, store: Path,
                                                           tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    first = open_window(qtbot, store, settings)
    first.resize(660, 250)
    first.splitter.setSizes([200, 0, 460])  # the filing pane collapsed
    first.close()
    again = open_window(qtbot, store, settings)
    assert again.width() >= 800 and again.height() >= 500
    assert min(again.splitter.sizes()) >= 120
    again.splitter.setSizes([100, 0, 500])
    again.named_actions["reset_layout"].trigger()  # View > Reset Layout
    assert min(again.splitter.sizes()) > 0


def test_remove_filing_then_ctrl_z_brings_it_back(win, qtbot, store: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    removed = win.doc_id
    press(qtbot, win.fields, Qt.Key.Key_Delete, CTRL | SHIFT)
    assert store_repo(store).is_removed(removed)
    assert win.queue.model.rowCount() == 1 and win.doc_id != removed
    assert "Removed" in win.statusBar().currentMessage()
    assert [h["action"] for h in store_repo(store).history(removed)][-1] == "remove"
    press(qtbot, win.fields, Qt.Key.Key_Z, CTRL)
    assert not store_repo(store).is_removed(removed)
    assert win.queue.model.rowCount() == 2 and win.doc_id == removed
    press(qtbot, win.fields, Qt.Key.Key_Z, CTRL | SHIFT)  # redo: out again
    assert store_repo(store).is_removed(removed) and win.doc_id != removed


def test_a_file_that_is_no_filing_comes_in_flagged(win, qtbot, tmp_path: Path, store: Path) -> None:
    recipe = tmp_path / "recipe.txt"
    recipe.write_text("Grandma's apple pie\n\nIngredients\n6 apples\n1 cup of sugar\n2 tbsp butter\n"
                      "\nMethod\nPeel and slice the apples. Mix with the sugar, bake 45 minutes.\n")
    assert win.start_import([str(recipe)])
    qtbot.waitUntil(lambda: not win.jobs.running, timeout=20000)
    repo = store_repo(store)
    doc = next(repo.document(d) for d in repo.document_ids() if repo.document(d).file_name
               == "recipe.txt")
    assert doc.status == "flagged" and "not recognised as an SEC filing" in doc.flag_note
    win.queue.status_combo.setCurrentIndex(2)  # Flagged
    row = win.queue.model.row_of(doc.id)
    assert row >= 0 and "not recognised" in win.queue.model.index(row, 0).data(
        Qt.ItemDataRole.ToolTipRole)
