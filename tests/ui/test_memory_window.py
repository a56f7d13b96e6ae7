"""Company memory in the window (issue 15): a value an analyst decided on one filing is proposed
on the filer's next filing, with where it came from; a changed value is marked with the old one."""

from __future__ import annotations

from pathlib import Path

from filings import write
from gui import key_of, open_window, press, store_repo, type_value
from PySide6.QtCore import QSettings, Qt

from reviewer.pipeline.importer import import_paths
from reviewer.store import Repository, open_store


def test_a_decided_value_is_proposed_on_the_next_filing_and_a_change_is_marked(
        qtbot, tmp_path: Path) -> None:
    store = tmp_path / "memory.db"
    first = write(tmp_path, 1, "20050115", "100 Main Street", "62701")
    second = write(tmp_path, 2, "20050301", "200 Oak Avenue", "62702")
    repo = Repository(open_store(store))
    import_paths(repo, [first], "importer", workers=0)
    repo.db.conn.close()
    win = open_window(qtbot, store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    type_value(qtbot, win, key_of(win, "contact_name"), "Jane Roe")  # the extractor missed it
    qtbot.waitUntil(lambda: any(v.value == "Jane Roe" for v in
                                store_repo(store).field_values(win.doc_id)), timeout=3000)
    press(qtbot, win.fields, Qt.Key.Key_Return,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)

    assert win.start_import([str(second)])
    qtbot.waitUntil(lambda: not win.jobs.running, timeout=30000)
    repo = store_repo(store)
    newer = next(d for d in repo.document_ids() if repo.document(d).file_name == "acme-2.txt")
    proposed = [v for v in repo.field_values(newer) if v.field == "contact_name"]
    assert [(v.value, v.rule, v.state) for v in proposed] == [
        ("Jane Roe", "memory.contact_name", "extracted")]
    text = repo.document_text(newer)
    assert text[proposed[0].span_start : proposed[0].span_end] == "Jane Roe"  # its evidence here

    win.queue.select_document(newer)
    assert win.doc_id == newer
    win.fields.select_key(key_of(win, "contact_name"))
    assert "from the filing of 2005-01-15" in win.fields.currentItem().toolTip(1)
    win.fields.select_key(key_of(win, "principal_office_address"))
    item = win.fields.currentItem()
    assert item.text(2).endswith("≠")
    assert "was 100 Main Street, Springfield, IL 62701 in the filing of 2005-01-15" in \
        item.toolTip(1)
    win.fields.setCurrentItem(None)
    press(qtbot, win.fields, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert win.fields.current_key().field == "principal_office_address"  # changes go first
    win.queue.status_combo.setCurrentIndex(4)  # "Changed since last filing"
    assert [win.queue.model.document_id(r) for r in range(win.queue.model.rowCount())] == [newer]


def test_a_learned_label_proposes_on_the_next_filing_until_switched_off(qtbot,
                                                                        tmp_path: Path) -> None:
    from gui import select_in_viewer

    store = tmp_path / "learned.db"
    first = write(tmp_path, 1, "20050115", "100 Main Street", "62701",
                  "\nShareholder Liaison:      Anna Berg\n")
    repo = Repository(open_store(store))
    import_paths(repo, [first], "importer", workers=0)
    repo.db.conn.close()
    win = open_window(qtbot, store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    win.fields.select_key(key_of(win, "contact_name", adding=True))
    select_in_viewer(win, "Anna Berg")
    press(qtbot, win.fields, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # Ctrl+E
    press(qtbot, win.fields, Qt.Key.Key_Return,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)

    second = write(tmp_path, 2, "20050301", "100 Main Street", "62701",
                   "\nShareholder Liaison:      Carl Dahl\n")
    assert win.start_import([str(second)])
    qtbot.waitUntil(lambda: not win.jobs.running, timeout=30000)
    repo = store_repo(store)
    newer = max(repo.document_ids())
    learned = [(v.value, v.rule) for v in repo.field_values(newer)
               if (v.rule or "").startswith("learned.")]
    assert learned and learned[0][0] == "Carl Dahl"
    win.queue.select_document(newer)
    win.fields.select_key(next(k for k in win.fields.keys() if k.field == "contact_name"
                               and k.value_id is not None and any(
                                   v.id == k.value_id and v.value == "Carl Dahl"
                                   for v in repo.field_values(newer))))
    assert "after the label “shareholder liaison”" in win.fields.currentItem().toolTip(1)

    win.named_actions["learned_rules"].trigger()  # Tools > Learned Rules
    view = win.learned_rules
    labels = [view.table.item(r, 2).text() for r in range(view.table.rowCount())]
    assert "shareholder liaison" in labels
    row = labels.index("shareholder liaison")
    view.table.setCurrentCell(row, 1)
    qtbot.keyClick(view, Qt.Key.Key_Space)  # switch it off
    assert not store_repo(store).learned_anchors()[row].enabled

    third = write(tmp_path, 3, "20050401", "100 Main Street", "62701",
                  "\nShareholder Liaison:      Dora Eck\n")
    assert win.start_import([str(third)])
    qtbot.waitUntil(lambda: not win.jobs.running, timeout=30000)
    repo = store_repo(store)
    latest = max(repo.document_ids())
    assert not [v for v in repo.field_values(latest) if (v.rule or "").startswith("learned.")]


def two_filings_in_a_window(qtbot, tmp_path: Path, name: str):
    """Two filings of one filer imported, the window open on the first: (window, store path,
    first id, second id)."""
    store = tmp_path / name
    repo = Repository(open_store(store))
    report = import_paths(repo, [write(tmp_path, 1, "20050115", "100 Main Street", "62701"),
                                 write(tmp_path, 2, "20050301", "100 Main Street", "62701")],
                          "importer", workers=0)
    first, second = report.imported
    repo.db.conn.close()
    win = open_window(qtbot, store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert win.doc_id == first
    return win, store, first, second


def test_a_filing_imported_before_the_approval_gets_the_proposal_when_opened(
        qtbot, tmp_path: Path) -> None:
    win, store, first, second = two_filings_in_a_window(qtbot, tmp_path, "open.db")
    type_value(qtbot, win, key_of(win, "contact_name"), "Jane Roe")  # the extractor missed it
    qtbot.waitUntil(lambda: any(v.value == "Jane Roe" for v in
                                store_repo(store).field_values(first)), timeout=3000)
    assert not [v for v in store_repo(store).field_values(second) if v.field == "contact_name"]
    press(qtbot, win.fields, Qt.Key.Key_Return,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)

    assert win.doc_id == second  # approving opened the next filing, imported before
    key = key_of(win, "contact_name")
    assert key.value_id is not None
    win.fields.select_key(key)
    item = win.fields.currentItem()
    assert (item.text(1), item.text(2)) == ("Jane Roe", "extracted")
    tip = item.toolTip(1)
    assert "evidence: “Jane Roe”" in tip and "rule: memory.contact_name" in tip
    assert "from the filing of 2005-01-15" in tip
    span = next(s for s in win.viewer.highlighter.spans() if s.key == key)  # its evidence here
    assert win.viewer.editor.toPlainText()[span.start:span.end] == "Jane Roe"
    assert win.viewer.highlighter.focused == key
    stored = [(v.value, v.rule) for v in store_repo(store).field_values(second)
              if v.field == "contact_name"]
    assert stored == [("Jane Roe", "memory.contact_name")]


def test_a_value_rejected_on_one_filing_is_withheld_on_the_next_and_says_why(
        qtbot, tmp_path: Path) -> None:
    win, store, first, second = two_filings_in_a_window(qtbot, tmp_path, "withheld.db")
    win.fields.select_key(key_of(win, "principal_office_address"))
    win.fields.setFocus()
    press(qtbot, win.fields, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)  # reject
    qtbot.waitUntil(lambda: any(v.state == "rejected" for v in store_repo(store).field_values(first)
                                if v.field == "principal_office_address"), timeout=3000)
    press(qtbot, win.fields, Qt.Key.Key_Return,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)

    assert win.doc_id == second  # approving opened the next filing, imported before
    win.fields.select_key(key_of(win, "principal_office_address"))
    item = win.fields.currentItem()
    assert (item.text(1), item.text(2)) == ("100 Main Street, Springfield, IL 62701", "withheld")
    assert item.font(1).strikeOut()
    assert "withheld: turned down for this filer in the filing of 2005-01-15" in item.toolTip(1)
    assert win.statusBar().currentMessage().startswith(  # said where the eye is, too
        "Principal office withheld: turned down for this filer in the filing of 2005-01-15")
    assert not any(s.key == key_of(win, "principal_office_address")
                   for s in win.viewer.highlighter.spans())  # no highlight for a rejected value
