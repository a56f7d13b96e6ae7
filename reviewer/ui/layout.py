"""The window's size and panes: saved on close, restored within the screen, reset on demand."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from .theme import SPLITTER_SHARES

MIN_PANE = 120  # a restored pane narrower than this (pixels) counts as lost: panes are reset
MIN_WINDOW = (800, 500)


def default_geometry(window: QMainWindow) -> QRect:
    """Most of the screen the window is on."""
    screen = window.screen().availableGeometry()
    width, height = int(screen.width() * 0.95), int(screen.height() * 0.92)
    return QRect(screen.x() + (screen.width() - width) // 2,
                 screen.y() + (screen.height() - height) // 2, width, height)


def restore(window: QMainWindow, splitter: QSplitter, settings: QSettings) -> None:
    geometry = settings.value("window/geometry")
    if geometry is None or not window.restoreGeometry(geometry):
        window.setGeometry(default_geometry(window))
    clamp_to_screen(window)
    state = settings.value("window/splitter")
    if state is None or not splitter.restoreState(state) or _pane_lost(splitter):
        reset_panes(window, splitter)


def save(window: QMainWindow, splitter: QSplitter, settings: QSettings) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/splitter", splitter.saveState())


def reset(window: QMainWindow, splitter: QSplitter) -> None:
    """View > Reset Layout: the first-run size and pane shares."""
    if window.isMaximized() or window.isFullScreen():
        window.showNormal()
    window.setGeometry(default_geometry(window))
    reset_panes(window, splitter)


def reset_panes(window: QMainWindow, splitter: QSplitter) -> None:
    splitter.setSizes([int(window.width() * share) for share in SPLITTER_SHARES])


def clamp_to_screen(window: QMainWindow) -> None:
    """A geometry saved on another screen or at another scale is brought within this screen
    and to a usable size."""
    screen = window.screen().availableGeometry()
    width = min(max(window.width(), MIN_WINDOW[0]), screen.width())
    height = min(max(window.height(), MIN_WINDOW[1]), screen.height())
    x = min(max(window.x(), screen.left()), screen.right() - width + 1)
    y = min(max(window.y(), screen.top()), screen.bottom() - height + 1)
    if (x, y, width, height) != (window.x(), window.y(), window.width(), window.height()):
        window.setGeometry(x, y, width, height)


def _pane_lost(splitter: QSplitter) -> bool:
    return any(size < MIN_PANE for size in splitter.sizes())
