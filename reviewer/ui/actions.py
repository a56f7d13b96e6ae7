"""Every QAction and its shortcut, in one place; Help > Keyboard Shortcuts lists them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True, slots=True)
class ActionSpec:
    name: str
    text: str
    shortcut: str
    help: str


SPECS = [
    ActionSpec("review_next", "Mark &Reviewed and Next", "Ctrl+Return",
               "every untouched value becomes confirmed; open the next filing to review (first "
               "shows values under the attention threshold not looked at yet)"),
    ActionSpec("approve_anyway", "&Approve Without Looking", "Ctrl+Shift+Return",
               "mark reviewed now; values under the attention threshold nobody looked at are "
               "recorded as confirmed unseen"),
    ActionSpec("fill_from_selection", "&Fill Field from Selection", "Ctrl+E",
               "put the text selected in the filing into the focused field"),
    ActionSpec("reject_value", "Re&ject Value", "Ctrl+Delete",
               "the document does not state the focused value"),
    ActionSpec("next_attention", "Next Value Needing &Attention", "Ctrl+Down",
               "low confidence or missing values first"),
    ActionSpec("prev_attention", "Previous Value Needing Attention", "Ctrl+Up", ""),
    ActionSpec("next_filing", "&Next Filing", "Alt+Down", "the next filing in the queue"),
    ActionSpec("prev_filing", "&Previous Filing", "Alt+Up", "the previous filing in the queue"),
    ActionSpec("undo", "&Undo", "Ctrl+Z", "undo the last change, in any filing"),
    ActionSpec("redo", "&Redo", "Ctrl+Shift+Z", "redo the change undone last"),
    ActionSpec("flag", "&Flag Filing...", "Ctrl+Shift+F", "flag the filing with a note"),
    ActionSpec("remove_filing", "Re&move Filing...", "Ctrl+Shift+Delete",
               "take the filing out of the queue and the export (kept in the store; Ctrl+Z "
               "brings it back)"),
    ActionSpec("find", "&Find in Filing...", "Ctrl+F", "find text in the filing"),
    ActionSpec("focus_filter", "Filter the &Queue", "Ctrl+L",
               "type in the queue's filter box; Esc returns to the fields"),
    ActionSpec("show_all_fields", "Show &All Fields", "",
               "every field of the form, not only those this filing can hold"),
    ActionSpec("reset_layout", "&Reset Layout", "", "the window's first-run size and panes"),
    ActionSpec("import_files", "&Import Files...", "Ctrl+O", "import filings"),
    ActionSpec("import_folder", "Import &Folder...", "Ctrl+Shift+O", "import a folder, recursively"),
    ActionSpec("export_csv", "&Export CSV...", "Ctrl+Shift+E", "export records as CSV"),
    ActionSpec("reextract_outdated", "Re-extract &Outdated Filings", "",
               "run this extractor on filings an older one read; values a person decided are kept"),
    ActionSpec("reextract", "Re-e&xtract All Filings", "",
               "run the extractor again; values a person decided are kept"),
    ActionSpec("learned_rules", "&Learned Rules...", "",
               "the labels learned from corrections, with how often each was accepted"),
    ActionSpec("preferences", "Pre&ferences...", "Ctrl+,", "the reviewer's name"),
    ActionSpec("quit", "&Quit", "Ctrl+Q", ""),
    ActionSpec("shortcuts", "&Keyboard Shortcuts", "F1", "this list"),
    ActionSpec("about", "&About Filing Reviewer", "", ""),
]


CHECKABLE = {"show_all_fields"}


def create_actions(parent: QWidget) -> dict[str, QAction]:
    """One QAction per spec, owned by `parent`, shortcuts set, not yet connected."""
    actions = {}
    for spec in SPECS:
        action = QAction(spec.text, parent)
        if spec.shortcut:
            action.setShortcut(QKeySequence(spec.shortcut))
        action.setStatusTip(spec.help)
        action.setObjectName(spec.name)
        action.setCheckable(spec.name in CHECKABLE)
        actions[spec.name] = action
    return actions


def shortcut_table() -> list[tuple[str, str, str]]:
    """(shortcut, action, what it does) for the help dialog, in menu order."""
    return [(s.shortcut, s.text.replace("&", "").rstrip("."), s.help) for s in SPECS if s.shortcut]
