"""The filing beside its values: highlights, find, very long filings, prefetch of the next one."""

from __future__ import annotations

from pathlib import Path

from gui import press, store_repo
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor


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
    from reviewer.core.values import DocumentSummary

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
    press(qtbot, window.viewer.parts, Qt.Key.Key_Down)  # the second document: its first line on top
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


def test_a_large_next_filing_is_laid_out_in_the_background(window, qtbot, seeded_store: Path) -> None:
    from reviewer.core.document import Document, Part
    from reviewer.core.values import DocumentSummary

    repo = store_repo(seeded_store)
    text = "Item 8.01 Other Events. A long filing line of text.\n" * 30_000  # 1.5 MB
    big, _ = repo.add_document(sha256="b" * 64, source_path="big.txt", raw=text.encode(),
                               document=Document(text, "text", [Part("body", 0, len(text))]),
                               candidates=[], extractor_version="t", summary=DocumentSummary(), who="t")
    window.queue.model.reload()
    window.queue.select_row(window.queue.model.row_of(big) - 1)  # the filing before it
    qtbot.waitUntil(lambda: window.prefetch.built(big) is not None, timeout=10000)
    prebuilt = window.prefetch.built(big)
    press(qtbot, window.fields, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.doc_id == big
    assert window.viewer.editor.document() is prebuilt
    assert window.viewer.editor.toPlainText() == text


def test_a_prefetched_filing_survives_another_writers_commit_unless_its_text_changed(
        window, qtbot, seeded_store: Path) -> None:
    from reviewer.core.document import Document, Part
    from reviewer.core.values import DocumentSummary

    repo = store_repo(seeded_store)
    text = "Item 8.01 Other Events. A long filing line of text.\n" * 30_000
    big, _ = repo.add_document(sha256="d" * 64, source_path="big.txt", raw=text.encode(),
                               document=Document(text, "text", [Part("body", 0, len(text))]),
                               candidates=[], extractor_version="t", summary=DocumentSummary(), who="t")
    window.refresh_if_changed()
    before = window.queue.model.row_of(big) - 1
    for changed in (False, True):
        window.queue.select_row(before)
        qtbot.waitUntil(lambda: window.prefetch.built(big) is not None, timeout=10000)
        prebuilt = window.prefetch.built(big)
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


# Qt's virtual methods that the window's classes override on purpose.
OVERRIDES = {"closeEvent", "dragEnterEvent", "dropEvent", "paintEvent", "eventFilter", "data",
             "rowCount", "columnCount", "headerData", "sort", "staticMetaObject"}


def test_no_attribute_of_the_window_hides_a_qt_method(window) -> None:
    """An attribute named like a Qt method (MainWindow.actions once hid QWidget.actions())
    breaks whatever Qt or a test calls by that name."""
    from PySide6.QtCore import Signal, SignalInstance

    parts = [window, window.queue, window.queue.model, window.viewer, window.viewer.editor,
             window.viewer.find_bar, window.fields, window.jobs, window.job_status,
             window.prefetch]
    hidden = []
    for obj in parts:
        qt = next(c for c in type(obj).__mro__ if c.__module__.startswith("PySide6"))
        ours = [c for c in type(obj).__mro__ if c.__module__.startswith("reviewer")]
        names = {n for n, v in vars(obj).items() if not isinstance(v, SignalInstance)}
        names |= {n for c in ours for n, v in vars(c).items() if not isinstance(v, Signal)}
        hidden += [f"{type(obj).__name__}.{n}" for n in sorted(names)
                   if not n.startswith("__") and n not in OVERRIDES and hasattr(qt, n)]
    assert hidden == []
