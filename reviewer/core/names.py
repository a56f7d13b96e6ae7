"""File names as the file system gives them (any bytes) and as a person is shown them."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

_SHOWN_AS_IS = {"Zs"}  # ordinary spaces; every other separator or control is escaped


def display_name(path: str | Path) -> str:
    """The name with undecodable bytes shown as U+FFFD (never fails, never a lone surrogate)."""
    return os.fsencode(path).decode("utf-8", "replace")


def name_bytes(path: str | Path) -> bytes | None:
    """The name's bytes when they are not UTF-8 (to keep them losslessly), else None."""
    raw = os.fsencode(path)
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw
    return None


def escape_name(name: str) -> str:
    """A name safe to print on one line of a terminal: control characters, line and paragraph
    separators and invisible format characters (bidi overrides) become visible escapes."""
    out = []
    for ch in name:
        category = unicodedata.category(ch)
        if category in ("Cc", "Cf", "Zl", "Zp", "Cs") or (category.startswith("Z")
                                                          and category not in _SHOWN_AS_IS):
            code = ord(ch)
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch)
                       or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"))
        elif ch == "\\":
            out.append("\\\\")
        else:
            out.append(ch)
    return "".join(out)
