"""The layout a learned anchor is read in: the lines and the cells (columns) of a filing's
text around a value, and the regions of a filing an anchor is learned in and proposes in (the
release, the form, an exhibit's family, the header, the body). Pure.
"""

from __future__ import annotations

import re

from .document import Document
from .extract.regions import Region, form_region, release_region

# Between cells of a line laid out in columns (two spaces are a PDF's space between words).
GAP = re.compile(r"[ \t]{3,}|\t|\|")


def cells(line: str, offset: int) -> list[tuple[int, str]]:
    """(start, text) of each cell of a line, columns split at runs of spaces, tabs and bars."""
    out, pos = [], 0
    for m in [*GAP.finditer(line), None]:
        end = m.start() if m else len(line)
        piece = line[pos:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append((offset + pos + lead, piece.strip()))
        pos = m.end() if m else len(line)
    return out


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def line_above(text: str, line_start: int) -> tuple[int, int] | None:
    """The line before this one, passing over one blank line; None at the top."""
    for _ in range(2):
        if line_start == 0:
            return None
        start, end = line_bounds(text, line_start - 1)
        if text[start:end].strip():
            return start, end
        line_start = start
    return None


def line_below(text: str, line_end: int, limit: int) -> tuple[int, int] | None:
    """The line after this one, passing over one blank line; None past `limit`."""
    for _ in range(2):
        if line_end + 1 >= limit:
            return None
        start, end = line_bounds(text, line_end + 1)
        if text[start:end].strip():
            return start, min(end, limit)
        line_end = end
    return None


def cell_at(cells: list[tuple[int, str]], column: int, line_start: int) -> tuple[int, str] | None:
    """The cell of a line that starts in `column`, give or take a few characters (a first cell
    near the margin matches another near the margin)."""
    for cell in cells:
        if abs(cell[0] - line_start - column) <= 3:
            return cell
    if cells and column <= 8 and cells[0][0] - line_start <= 8:
        return cells[0]
    return None


def _family(part_type: str) -> str:
    """An exhibit's kind without its number: EX-99.1 and EX-99.2 are both EX-99."""
    return part_type.upper().split(".")[0]


def region_of(document: Document, offset: int) -> str:
    """Where an offset is: the release, the form, an exhibit (EX-99), the header, or the body."""
    release = release_region(document)
    if release is not None and release.start <= offset < release.end:
        return "release"
    part = document.part_at(offset)
    if part is not None and part.kind == "header":
        return "header"
    form = form_region(document)
    if form.start <= offset < form.end:
        return "form"
    if part is not None and part.kind == "document" and part.type:
        return f"exhibit:{_family(part.type)}"
    return "body"


def region_spans(document: Document, region: str) -> list[Region]:
    """The stretches of a filing that make up a region (none when it has no such region)."""
    if region == "release":
        release = release_region(document)
        return [release] if release is not None else []
    if region == "form":
        return [form_region(document)]
    if region == "header":
        return [Region(p.start, p.end) for p in document.parts if p.kind == "header"]
    if region.startswith("exhibit:"):
        family = region.split(":", 1)[1]
        return [Region(p.start, p.end) for p in document.parts
                if p.kind == "document" and p.shown and _family(p.type) == family]
    return [Region(0, len(document.text))]
