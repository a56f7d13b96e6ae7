"""What the window tests do as a user would: open the window, press keys, type into a field."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit

from reviewer.store import Repository, open_store
from reviewer.ui.app import build_window, resume
from reviewer.ui.field_panel import RowKey

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


def open_window(qtbot, store: Path, settings: QSettings):
    window = build_window(store, "tester", settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    resume(window)  # as the application does: before the event loop gives the window focus
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    return window


def store_repo(path: Path) -> Repository:
    """A second connection to the window's store: what a test reads is what was committed."""
    return Repository(open_store(path))


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, key, modifier)


def key_of(window, field: str, adding: bool = False) -> RowKey:
    """The field panel's row for `field`: its first value, else its empty row (a missing
    field); with `adding`, the row that adds a value (a multi field's last row)."""
    keys = [k for k in window.fields.keys() if k.field == field]
    if adding:
        return next(k for k in keys if k.value_id is None)
    return next((k for k in keys if k.value_id is not None), keys[0])


def type_value(qtbot, window, key: RowKey, text: str) -> None:
    """Select the row, F2, type over what is there, Enter: the analyst's way to set a value."""
    window.fields.select_key(key)
    window.fields.setFocus()
    press(qtbot, window.fields, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    press(qtbot, editor, Qt.Key.Key_Return)  # Qt commits the editor's data with a queued call


def select_in_viewer(window, text: str) -> None:
    editor = window.viewer.editor
    start = editor.toPlainText().index(text)
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
