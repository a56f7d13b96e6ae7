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


def safe_cell(value: str) -> str:
    """Neutralise what a spreadsheet would run as a formula (OWASP), but keep real numbers."""
    if value and value[0] in "=+-@\t\r" and not _NUMBER.fullmatch(value):
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
