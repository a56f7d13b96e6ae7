"""Anchors learned from corrections: the label a person's value stood after, proposed again there.

Pure: when an analyst fills a field from a selection (or types a value the text holds), the store
asks `anchor_of` for the label just before it ("Investor Contact:", "Media Relations" on the line
above) and `region_of` for where it was; a later filing gets, from `propose_from_anchors`, the
text after the same label in the same region, checked by the field's type. Anchors reach
extraction's caller as plain data (`LearnedAnchor`); nothing here reads or writes the store.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .document import Document
from .extract.candidate import Candidate
from .extract.normalize import normalize
from .extract.regions import Region, form_region, lowered, release_region
from .memory import values_of
from .review import _of_kind
from .schema import FieldDef, Schema
from .textfind import WHOLE_LINE, value_key

BASE_CONFIDENCE, STEP, MAX_CONFIDENCE = 0.6, 0.05, 0.85  # a new anchor, per acceptance, at most
EVERY_FILER_AFTER = 3  # filers an anchor was learned on before it applies to every filer
SWITCH_OFF_AFTER = 3  # decisions before an anchor rejected more often than accepted goes off
MAX_LABEL_WORDS, MAX_LABEL_CHARS = 8, 60
MAX_VALUE_WORDS, MAX_VALUE_CHARS = 10, 100  # a text value after a label: a name, not a paragraph
MAX_SPACED_CODE = 12  # a code with spaces in it is short: "JPM PR D", "SC 13G"

# A caption without a colon is a label only with one of these words: "Media Relations" is one,
# "Jane Roe" (a name above her telephone) is not.
CAPTION_WORDS = frozenset(
    "contact contacts investor investors media press relations inquiries enquiries information "
    "phone telephone tel fax mobile cell email e-mail mail web website site internet url ir "
    "communications office address spokesperson".split())
_JOINING = frozenset("and & for of or the".split())
# Between cells of a line laid out in columns (two spaces are a PDF's space between words).
_GAP = re.compile(r"[ \t]{3,}|\t|\|")
_SEP = ":-–—"  # what ends a label that stands before its value: "Website:", "Media -"
_TRIM = " \t.,;:-–—•*·>"
_AFTER_LABEL = re.compile(r"[ \t]*([:\-–—.]?)[ \t]*")
_LOOKS_OTHER = re.compile(r"@|www\.|https?://|\d{3}|/s/")  # a reach or a signature, not a name
# A value that ends like this goes on on the next line ("Executive Vice President,").
_GOES_ON = re.compile(r"(?:[,&/-]|\b(?:and|of|or|for|the))$", re.I)
MAX_MORE_LINES = 2
_SENTENCE_END = re.compile(r"^.*[.!?][ \t]+(?=[A-Z])")  # what a label after a sentence drops


@dataclass(slots=True, frozen=True)
class Anchor:
    """A label a value stood after (normalised), and the region it was in ('' unknown)."""

    label: str
    region: str = ""


@dataclass(slots=True, frozen=True)
class LearnedAnchor:
    """A stored anchor of a field, as proposals and the Learned Rules view use it."""

    id: int
    field: str
    label: str
    region: str
    filer_key: str | None  # None: learned on EVERY_FILER_AFTER filers, applies to every filer
    proposed: int = 0
    accepted: int = 0
    rejected: int = 0
    enabled: bool = True
    document_id: int | None = None  # the filing it was first learned from

    @property
    def filer(self) -> str:
        """Whose filings it applies to, as the Learned Rules view shows it."""
        return self.filer_key or "every filer"

    @property
    def confidence(self) -> float:
        return min(MAX_CONFIDENCE, BASE_CONFIDENCE + STEP * self.accepted)

    @property
    def rule(self) -> str:
        return f"learned.{self.id}"


def normal_label(text: str) -> str:
    """A label in the form it is compared in: casefolded, spaces folded, punctuation trimmed."""
    return " ".join(text.casefold().split()).strip(_TRIM).strip()


def label_like(cell: str) -> str | None:
    """The normalised label a cell of text is, or None when it is a value or prose."""
    cell = cell.strip()
    label = normal_label(cell)
    words = label.split()
    if not words or len(words) > MAX_LABEL_WORDS or len(label) > MAX_LABEL_CHARS:
        return None
    if (_LOOKS_OTHER.search(label) or any(ch.isdigit() for ch in label)  # "Page 5" is no label
            or not any(sum(ch.isalpha() for ch in w) >= 2 for w in words)):
        return None
    if cell.rstrip()[-1] in _SEP:
        return label
    plain = {w.strip("().,;/&") for w in words}
    return label if plain & CAPTION_WORDS else None


def _cells(line: str, offset: int) -> list[tuple[int, str]]:
    """(start, text) of each cell of a line, columns split at runs of spaces, tabs and bars."""
    out, pos = [], 0
    for m in [*_GAP.finditer(line), None]:
        end = m.start() if m else len(line)
        piece = line[pos:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append((offset + pos + lead, piece.strip()))
        pos = m.end() if m else len(line)
    return out


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _line_above(text: str, line_start: int) -> tuple[int, int] | None:
    """The line before this one, passing over one blank line; None at the top."""
    for _ in range(2):
        if line_start == 0:
            return None
        start, end = _line_bounds(text, line_start - 1)
        if text[start:end].strip():
            return start, end
        line_start = start
    return None


def _line_below(text: str, line_end: int, limit: int) -> tuple[int, int] | None:
    """The line after this one, passing over one blank line; None past `limit`."""
    for _ in range(2):
        if line_end + 1 >= limit:
            return None
        start, end = _line_bounds(text, line_end + 1)
        if text[start:end].strip():
            return start, min(end, limit)
        line_end = end
    return None


def _cell_at(cells: list[tuple[int, str]], column: int, line_start: int) -> tuple[int, str] | None:
    """The cell of a line that starts in `column`, give or take a few characters (a first cell
    near the margin matches another near the margin)."""
    for cell in cells:
        if abs(cell[0] - line_start - column) <= 3:
            return cell
    if cells and column <= 8 and cells[0][0] - line_start <= 8:
        return cells[0]
    return None


def anchor_of(text: str, span: tuple[int, int]) -> Anchor | None:
    """The label just before the value at `span`: the cell before it on its line ("Website:
    www.acme.com"), else, when the value opens its line or cell, the cell above it ("Media
    Relations").
    None when there is nothing label-like there: a bare position is never learned."""
    start, end = span
    if not 0 <= start < end <= len(text) or "\n" in text[start:end].strip():
        return None
    line_start, _ = _line_bounds(text, start)
    before = text[line_start:start]
    if before.strip():
        cell_start, cell = _cells(before, line_start)[-1]
        if not _GAP.search(text[cell_start + len(cell):start]) or cell[-1] in _SEP:
            label = label_like(_SENTENCE_END.sub("", cell))  # "... content. For more, visit"
            return Anchor(label) if label else None
    # the value opens its line, or its cell (a neighbour in another column is no label of it)
    above = _line_above(text, line_start)
    if above is None:
        return None
    found = _cell_at(_cells(text[above[0]:above[1]], above[0]), start - line_start, above[0])
    label = label_like(found[1]) if found else None
    return Anchor(label) if label else None


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


@functools.lru_cache(maxsize=512)
def _label_pattern(label: str) -> re.Pattern[str]:
    """A label's words across any spacing, in any case, not the start of a longer word."""
    return re.compile(r"\s+".join(re.escape(w) for w in label.split()) + r"(?![\w@])", re.I)


def _opens(text: str, pos: int) -> bool:
    """Whether `pos` opens a line, a cell or a sentence: before it on its line stands nothing, a
    bullet, a column's gap or a sentence's end (only the few characters before it are read)."""
    tail = text[max(0, pos - 8):pos].rsplit("\n", 1)[-1]
    bare = tail.rstrip(" \t")
    if len(tail) < 8 or "\n" in text[max(0, pos - 9):pos]:  # the line starts within the tail
        if not bare.strip() or bare.strip() in ("•", "*", "·", ">", "-"):
            return True
    gap = tail[len(bare):]
    return len(gap) >= 3 or "\t" in gap or bare.endswith("|") or (bool(gap) and bare[-1:] in ".!?")


def _labels_at(document: Document, label: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each place in text[start:end] where the label opens a line, a cell or a
    sentence (its first word found in the lowered text first: one pass, no regex scan)."""
    text, low = document.text, lowered(document)
    first, pattern = label.split()[0], _label_pattern(label)
    pos = low.find(first, start, end)
    while pos >= 0:
        if _opens(text, pos) and (m := pattern.match(text, pos, end)):
            yield pos, m.end()
        pos = low.find(first, pos + 1, end)


def value_after(text: str, label_start: int, label_end: int, limit: int) -> tuple[int, int] | None:
    """The span after a label: the rest of its cell on the line (or the next cell after a colon),
    else, when the label stands alone, the cell under it on the next line."""
    m = _AFTER_LABEL.match(text, label_end)
    pos, sep = (m.end(), m.group(1)) if m else (label_end, "")
    line_start, line_end = _line_bounds(text, label_start)
    line_end = min(line_end, limit)
    rest = text[pos:line_end]
    if rest.strip():
        cells = _cells(rest, pos)
        first_start, first = cells[0]
        adjoining = not _GAP.search(text[label_end:first_start])
        if adjoining or (sep and sep in _SEP):
            return first_start, first_start + len(first)
    return _below(text, label_start - line_start, line_end, limit)


def _below(text: str, column: int, line_end: int, limit: int) -> tuple[int, int] | None:
    below = _line_below(text, line_end, limit)
    if below is None:
        return None
    cell = _cell_at(_cells(text[below[0]:below[1]], below[0]), column, below[0])
    return (cell[0], cell[0] + len(cell[1])) if cell else None


def _continued(text: str, span: tuple[int, int], limit: int, whole_line: bool) -> tuple[int, int]:
    """A value cut at the end of its line with its next lines: after a comma or 'and' ("Executive
    Vice President,"), and, for a field that stands alone on its lines (a title), a short last
    line right under it that ends the block ("... and Assistant" / "Secretary")."""
    start, end = span
    for _ in range(MAX_MORE_LINES):
        line_end = _line_bounds(text, end)[1]
        below = _line_below(text, line_end, limit)
        cells = _cells(text[below[0]:below[1]], below[0]) if below else []
        if not below or not cells:
            break
        if not _GOES_ON.search(text[start:end]) and not (
                whole_line and below[0] == line_end + 1 and _last_short_line(text, below, limit)):
            break
        end = cells[0][0] + len(cells[0][1])
    return start, end


def _last_short_line(text: str, line: tuple[int, int], limit: int) -> bool:
    """A line of a few words, no label, signature or number, with a blank line (or the end)
    after it: the wrapped end of the value above."""
    words = text[line[0]:line[1]].split()
    if not 0 < len(words) <= 3 or re.search(r"[:\d]|/s/", text[line[0]:line[1]]):
        return False
    nxt = text.find("\n", line[1] + 1)
    return line[1] >= limit or not text[line[1] + 1:nxt if nxt >= 0 else len(text)].strip()


def _labels_here(text: str, start: int, end: int) -> bool:
    """The label as written here, with what ends it, is a label (as learning required)."""
    m = _AFTER_LABEL.match(text, end)
    return label_like(text[start:end] + (m.group(1) if m else "")) is not None


def _caption(raw: str) -> bool:
    """A caption, not a value: it ends like a label, or is made of caption words alone."""
    words = {w.strip("().,;/") for w in normal_label(raw).split()} - _JOINING
    return raw.rstrip()[-1:] in tuple(_SEP) or (bool(words) and words <= CAPTION_WORDS)


def checked_value(raw: str, fd: FieldDef) -> str | None:
    """`raw` in the field's normal form when it is a plausible value of the field, else None."""
    raw = fd.join.join(line.strip() for line in raw.splitlines() if line.strip())
    if fd.kind:
        raw = raw.rstrip(".,;")
    value = normalize(raw, fd.type)
    if not value or fd.choices:
        return None
    if fd.kind:
        return value if _of_kind(value, fd.kind) else None
    if fd.type == "code" and " " in value and len(value) > MAX_SPACED_CODE:
        return None  # a code is one token ("0-10030", "AAPL") or a short one ("JPM PR D"), no name
    if fd.type == "text":
        words = value.split()
        if (len(words) > MAX_VALUE_WORDS or len(value) > MAX_VALUE_CHARS
                or _LOOKS_OTHER.search(value) or _caption(raw)
                or not any(ch.isalpha() for ch in value)):
            return None
    return value


def _found(document: Document, anchor: LearnedAnchor, fd: FieldDef) -> list[tuple[str, int, int]]:
    """(value, start, end) after each place the anchor's label stands in its region."""
    text = document.text
    out = []
    for region in region_spans(document, anchor.region):
        for label_start, label_end in _labels_at(document, anchor.label, region.start, region.end):
            if not _labels_here(text, label_start, label_end):
                continue  # "Title of each class" is no "Title:"
            span = value_after(text, label_start, label_end, region.end)
            span = _continued(text, span, region.end, fd.name in WHOLE_LINE) if span else None
            value = checked_value(text[span[0]:span[1]], fd) if span else None
            if span is not None and value is not None:
                out.append((value, *span))
    return out


def propose_from_anchors(document: Document, candidates: Sequence[Candidate],
                         anchors: Sequence[LearnedAnchor], schema: Schema) -> list[Candidate]:
    """Values after the learned labels in this filing's text, checked by their field's type, with
    their spans (rule `learned.<anchor id>`); never for a single field already found, nor one
    whose label gives two values here (signatures of several people); never a value there."""
    form = next(iter(values_of(candidates).get("form_type", ())), None)
    have_by_field: dict[str, set[str]] = {}
    spans: dict[str, list[tuple[int, int]]] = {}
    for c in candidates:
        if (cfd := schema.get(c.name)) is not None:
            have_by_field.setdefault(c.name, set()).add(value_key(c.value, cfd))
            spans.setdefault(c.name, []).append((c.start, c.end))
    out: list[Candidate] = []
    for anchor in sorted(anchors, key=lambda a: (-a.accepted, a.id)):
        fd = schema.get(anchor.field)
        if fd is None or not anchor.enabled or fd.choices or not fd.applies(form, None):
            continue
        have = have_by_field.setdefault(fd.name, set())
        near = spans.setdefault(fd.name, [])
        if not fd.multi and have:
            continue
        found = _found(document, anchor, fd)
        if not fd.multi and len({value_key(v, fd) for v, _, _ in found}) > 1:
            continue  # which one is meant is not known
        for value, start, end in found:
            if value_key(value, fd) in have or any(s < end and start < e for s, e in near):
                continue
            out.append(Candidate(fd.name, value, start, end, anchor.confidence, anchor.rule))
            have.add(value_key(value, fd))
            near.append((start, end))
    return out
