"""CSV: one row per filing, one column per field; multi values joined with "; "."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from .atomic import atomic_text
from .schema import Schema

Rows = Iterable[tuple[dict[str, Any], list[tuple[str, str]]]]

BASE_COLUMNS = ["id", "source_file", "format", "status", "reviewer", "reviewed_at"]
MULTI_SEPARATOR = "; "
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


# What a spreadsheet skips before a formula: white space, no-break and zero-width spaces, BOMs.
_LEADING = " \t\r\n\f\v\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009" \
    "\u200a\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
# Characters that start a formula, full-width forms too (some spreadsheets fold them).
_FORMULA = "=+-@\uff1d\uff0b\uff0d\uff20"


def safe_cell(value: str) -> str:
    """Neutralise what a spreadsheet would run as a formula (OWASP), even behind leading
    white space or in full-width form, but keep real numbers."""
    if not value:
        return value
    if value[0] in "\t\r":  # never a number
        return "'" + value
    # Most cells start with a letter or a digit: done at the first character. The number
    # pattern runs only where a sign could start a formula (it ran on every cell of an
    # export, 4.6 million for 100,000 filings).
    first = value[0]
    if first in _LEADING:
        first = value.lstrip(_LEADING)[:1]
    if first and first in _FORMULA and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def columns(schema: Schema) -> list[str]:
    return BASE_COLUMNS + schema.names()


def export_csv(target: Path, schema: Schema, rows: Rows) -> int:
    """The CSV written to `target` whole (UTF-8 with a BOM, for spreadsheets); returns the rows."""
    with atomic_text(target, encoding="utf-8-sig") as fh:
        return write_csv(fh, schema, rows)


def write_csv(out: TextIO, schema: Schema, rows: Rows) -> int:
    """Write the header and a row per filing; returns the number of rows."""
    names = schema.names()
    multi = {f.name for f in schema.fields if f.multi}
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns(schema))
    n = 0
    for doc, values in rows:
        cells: dict[str, list[str]] = {}
        for field, value in values:
            cells.setdefault(field, []).append(value)
        row = [
            str(doc["id"]), doc["source_path"], doc["format"], doc["status"],
            doc.get("reviewer") or "", doc.get("reviewed_at") or "",
        ]
        for name in names:
            vals = list(dict.fromkeys(cells.get(name, [])))
            row.append(MULTI_SEPARATOR.join(vals) if name in multi else (vals[0] if vals else ""))
        writer.writerow([safe_cell(c) for c in row])
        n += 1
    return n
