"""Anchors learned from corrections: the label a person's value stood after, proposed again there.

Pure: when an analyst fills a field from a selection (or types a value the text holds), the store
asks `anchor_of` for the label just before it ("Investor Contact:", "Media Relations" on the line
above) and `region_of` for where it was; a later filing gets, from `propose_from_anchors`, the
text after the same label in the same region, checked by the field's type. Anchors reach
extraction's caller as plain data (`LearnedAnchor`); nothing here reads or writes the store.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .anchor_layout import GAP, cell_at, cells, line_above, line_below, line_bounds, region_spans
from .document import Document
from .extract.candidate import Candidate
from .extract.normalize import normalize
from .extract.regions import lowered
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
# Where no label stands before a value, the words of the sentence right before it on its line
# are its anchor ("... to the Company's Form 8-K"): at least this many words of letters, at most
# that many kept, and a value of at most so many words, taken as long again where it recurs.
MIN_PHRASE_WORDS, MAX_PHRASE_WORDS, MAX_PHRASE_VALUE_WORDS = 3, 4, 4
PHRASE = "…"  # what opens a phrase anchor's label, as the Learned Rules view shows it
# Words that join a value to a list or a clause, not point at it: "strong and Jane Roe said".
_NOT_POINTING = frozenset("and or but nor that which who".split())
_PHRASE_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*$")
_BEFORE_VALUE = re.compile(r"[ \t]*[:\"“'(]?[ \t]*")  # between a phrase and its value
_VALUE_TRIM = ".,;:)”\"'"
_TOKEN = re.compile(r"\S+")

# A caption without a colon is a label only with one of these words: "Media Relations" is one,
# "Jane Roe" (a name above her telephone) is not.
CAPTION_WORDS = frozenset(
    "contact contacts investor investors media press relations inquiries enquiries information "
    "phone telephone tel fax mobile cell email e-mail mail web website site internet url ir "
    "communications office address spokesperson".split())
_JOINING = frozenset("and & for of or the".split())
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
    words: int = 0  # a phrase anchor (label opens with PHRASE): the value's words


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
    words: int = 0  # a phrase anchor: how many words its value is

    @property
    def described(self) -> str:
        """How the field panel names it: 'the label “Media:”', 'the words “to the form”'."""
        if self.words:
            return f"the words “{self.label.removeprefix(PHRASE)}”"
        return f"the label “{self.label}”"

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


def anchor_of(text: str, span: tuple[int, int]) -> Anchor | None:
    """The label just before the value at `span`: the cell before it on its line ("Website:
    www.acme.com"), else, when the value opens its line or cell, the cell above it ("Media
    Relations").
    None when there is nothing label-like there: a bare position is never learned."""
    start, end = span
    if not 0 <= start < end <= len(text) or "\n" in text[start:end].strip():
        return None
    line_start, _ = line_bounds(text, start)
    before = text[line_start:start]
    if before.strip():
        cell_start, cell = cells(before, line_start)[-1]
        if not GAP.search(text[cell_start + len(cell):start]) or cell[-1] in _SEP:
            label = label_like(_SENTENCE_END.sub("", cell))  # "... content. For more, visit"
            return Anchor(label) if label else _phrase_anchor(text, cell_start, cell, span)
    # the value opens its line, or its cell (a neighbour in another column is no label of it)
    above = line_above(text, line_start)
    if above is None:
        return None
    found = cell_at(cells(text[above[0]:above[1]], above[0]), start - line_start, above[0])
    label = label_like(found[1]) if found else None
    return Anchor(label) if label else None


def _phrase_anchor(text: str, cell_start: int, cell: str, span: tuple[int, int]) -> Anchor | None:
    """The last words of the sentence right before a value in running text (no label there):
    MIN_PHRASE_WORDS or more words of letters, the value itself short."""
    if not _BEFORE_VALUE.fullmatch(text, cell_start + len(cell), span[0]):
        return None  # the value does not follow the words directly
    words = len(text[span[0]:span[1]].split())
    phrase: list[str] = []
    for word in reversed(_SENTENCE_END.sub("", cell).rstrip(" \t:\"“'(").split()):
        if len(phrase) == MAX_PHRASE_WORDS or not _PHRASE_WORD.match(word):
            break
        phrase.insert(0, word)
    if (len(phrase) < MIN_PHRASE_WORDS or phrase[-1].casefold() in _NOT_POINTING
            or not 0 < words <= MAX_PHRASE_VALUE_WORDS):
        return None
    return Anchor(PHRASE + normal_label(" ".join(phrase)).replace("’", "'"), words=words)


@functools.lru_cache(maxsize=512)
def _label_pattern(label: str) -> re.Pattern[str]:
    """A label's words across any spacing, in any case, not the start of a longer word."""
    words = [re.escape(w).replace("'", "['’]") for w in label.removeprefix(PHRASE).split()]
    return re.compile(r"\s+".join(words) + r"(?![\w@])", re.I)


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


def _labels_at(document: Document, label: str, start: int, end: int,
               anywhere: bool = False) -> Iterator[tuple[int, int]]:
    """(start, end) of each place in text[start:end] where the label opens a line, a cell or a
    sentence (`anywhere`: a phrase, where it stands as whole words), its first word found in
    the lowered text first: one pass, no regex scan."""
    text, low = document.text, lowered(document)
    first = label.removeprefix(PHRASE).split()[0].split("'")[0]
    pattern = _label_pattern(label)
    pos = low.find(first, start, end)
    while pos >= 0:
        whole = not anywhere or pos == 0 or not text[pos - 1].isalnum()
        if whole and (anywhere or _opens(text, pos)) and (m := pattern.match(text, pos, end)):
            yield pos, m.end()
        pos = low.find(first, pos + 1, end)


def value_after(text: str, label_start: int, label_end: int, limit: int) -> tuple[int, int] | None:
    """The span after a label: the rest of its cell on the line (or the next cell after a colon),
    else, when the label stands alone, the cell under it on the next line."""
    m = _AFTER_LABEL.match(text, label_end)
    pos, sep = (m.end(), m.group(1)) if m else (label_end, "")
    line_start, line_end = line_bounds(text, label_start)
    line_end = min(line_end, limit)
    rest = text[pos:line_end]
    if rest.strip():
        first_start, first = cells(rest, pos)[0]
        adjoining = not GAP.search(text[label_end:first_start])
        if adjoining or (sep and sep in _SEP):
            return first_start, first_start + len(first)
    return _below(text, label_start - line_start, line_end, limit)


def _below(text: str, column: int, line_end: int, limit: int) -> tuple[int, int] | None:
    below = line_below(text, line_end, limit)
    if below is None:
        return None
    cell = cell_at(cells(text[below[0]:below[1]], below[0]), column, below[0])
    return (cell[0], cell[0] + len(cell[1])) if cell else None


def _continued(text: str, span: tuple[int, int], limit: int, whole_line: bool) -> tuple[int, int]:
    """A value cut at the end of its line with its next lines: after a comma or 'and' ("Executive
    Vice President,"), and, for a field that stands alone on its lines (a title), a short last
    line right under it that ends the block ("... and Assistant" / "Secretary")."""
    start, end = span
    for _ in range(MAX_MORE_LINES):
        line_end = line_bounds(text, end)[1]
        below = line_below(text, line_end, limit)
        found = cells(text[below[0]:below[1]], below[0]) if below else []
        if not below or not found:
            break
        if not _GOES_ON.search(text[start:end]) and not (
                whole_line and below[0] == line_end + 1 and _last_short_line(text, below, limit)):
            break
        end = found[0][0] + len(found[0][1])
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


def _phrase_value(text: str, phrase_end: int, words: int, limit: int) -> tuple[int, int] | None:
    """The `words` words right after a phrase (a line break may fall between them)."""
    m = _BEFORE_VALUE.match(text, phrase_end, limit)
    pos = m.end() if m else phrase_end
    if pos >= limit or text[pos].isspace():
        return None
    found = list(itertools.islice(_TOKEN.finditer(text, pos, limit), words))
    if not found or len(found) < words:
        return None
    end = found[-1].end()
    while end > pos and text[end - 1] in _VALUE_TRIM:
        end -= 1
    return (pos, end) if end > pos else None


def _found(document: Document, anchor: LearnedAnchor, fd: FieldDef) -> list[tuple[str, int, int]]:
    """(value, start, end) after each place the anchor's label (or its words) stands in its
    region."""
    text = document.text
    out = []
    if anchor.words:
        for region in region_spans(document, anchor.region):
            for _, phrase_end in _labels_at(document, anchor.label, region.start, region.end,
                                            anywhere=True):
                span = _phrase_value(text, phrase_end, anchor.words, region.end)
                value = checked_value(text[span[0]:span[1]], fd) if span else None
                if span is not None and value is not None:
                    out.append((value, *span))
        return out
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
