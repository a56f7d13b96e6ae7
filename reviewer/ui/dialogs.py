"""The window's dialogs: which files to import, where to export, help and about."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from .. import __version__
from .actions import shortcut_table


def choose_files(parent: QWidget) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, "Import filings")
    return paths


def choose_folder(parent: QWidget) -> list[str]:
    folder = QFileDialog.getExistingDirectory(parent, "Import a folder of filings")
    return [folder] if folder else []


def choose_export(parent: QWidget) -> tuple[Path, bool] | None:
    """(CSV path, include filings not yet reviewed), or None if the analyst cancelled."""
    choice = QMessageBox.question(
        parent, "Export CSV", "Export reviewed filings only?\n\nNo exports every filing.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Cancel)
    if choice == QMessageBox.StandardButton.Cancel:
        return None
    path, _ = QFileDialog.getSaveFileName(parent, "Export CSV", "reviewed.csv", "CSV files (*.csv)")
    if not path:
        return None
    return Path(path), choice == QMessageBox.StandardButton.No


def show_shortcuts(parent: QWidget) -> None:
    rows = "".join(f"<tr><td><b>{k}</b></td><td>{a}</td><td>{h}</td></tr>"
                   for k, a, h in shortcut_table())
    QMessageBox.information(parent, "Keyboard Shortcuts", f"<table cellpadding=4>{rows}</table>")


def show_about(parent: QWidget, store_path: Path) -> None:
    QMessageBox.about(parent, "About Filing Reviewer",
                      f"<b>Filing Reviewer</b> {__version__}<br>Store: {store_path}")
