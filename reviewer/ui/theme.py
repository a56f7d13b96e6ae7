"""Layout constants and colours, in one place; colours read in light and dark palettes."""

from __future__ import annotations

from PySide6.QtGui import QColor

# Highlight colours by field group (hue only; alpha keeps the text readable on any background).
GROUP_COLOURS = {
    "filing": QColor(120, 130, 150),
    "cover": QColor(60, 130, 230),
    "press_release": QColor(40, 170, 90),
    "event": QColor(235, 140, 30),
    "custom": QColor(160, 90, 210),
}
SPAN_ALPHA = 70
FOCUS_ALPHA = 170
STATE_COLOURS = {
    "extracted": QColor(128, 128, 128),
    "confirmed": QColor(40, 160, 80),
    "corrected": QColor(40, 120, 220),
    "added": QColor(40, 120, 220),
    "rejected": QColor(200, 60, 60),
    "missing": QColor(150, 150, 150),
}
CHANGED_COLOUR = QColor(215, 110, 0)  # a value that differs from the filer's last filing
SPLITTER_SHARES = (0.22, 0.48, 0.30)  # queue, filing, fields: of the window width on first run
DOCUMENT_FONT_POINT_SIZE = 10


def span_colour(group: str, focused: bool) -> QColor:
    colour = QColor(GROUP_COLOURS.get(group, GROUP_COLOURS["custom"]))
    colour.setAlpha(FOCUS_ALPHA if focused else SPAN_ALPHA)
    return colour
