"""Company memory: what analysts decided for a filer, proposed again where a new filing says it.

Pure: the store reads the approved values of a filer into a `FilerMemory` (plain data) and
extraction's caller hands it in here; nothing in this module reads or writes the store.
A remembered value is proposed only where the new filing's own text holds it, with its span
in that text, and never over a value a person decided (the store keeps those).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .document import Document
from .extract.candidate import Candidate
from .extract.contacts import CONTACT_WORD
from .extract.forms import reported_items
from .extract.regions import cover_region, form_region, release_region
from .extract.signature import SIGNATURE_HEADING, SIGNED_BY, SIGNED_SENTENCE
from .schema import FieldDef, Schema
from .textfind import TextFinder, value_key
from .values import FieldValue, State

FIRST_CONFIDENCE, STEP, MAX_CONFIDENCE = 0.75, 0.05, 0.9  # confirmed once, each more, at most
EXPECTED_AFTER = 2  # confirmations (the filer's latest filing among them) that make a value expected
DATE_FIELDS = ("filed_date", "signature_date", "release_date", "period_of_report")

# Words that say what kind of company it is, not which: dropped from a registrant's name.
_NOISE = frozenset("inc incorporated corp corporation co company cos companies ltd limited llc "
                   "plc lp llp nv sa ag se bv holdings the".split())
# Values given together: a market and a symbol ("Nasdaq: TASR"), a title under its signer's
# name. One alone in the text is a mention ("Secretary" of someone else), so it is proposed only
# this many characters from a value of its companion.
COMPANIONS = {"ticker": ("exchange", 40), "exchange": ("ticker", 40),
              "signer_title": ("signer_name", 150)}
# A contact is one where the filing lists its contacts: the same person, telephone or address
# elsewhere (a signer, an officer in the news, the switchboard in a boilerplate paragraph) is no
# contact. Proposed only in the press release (the form, in a filing without one), this many
# characters after a contacts caption or from a contact extraction found.
CONTACTS = frozenset({"contact_name", "contact_phone", "contact_email"})
CONTACT_BLOCK = 400
# A press release's field (the schema's group) is the release's: a symbol or a site quoted in a
# news article, a letter or the form's text is no listing of the company. Proposed inside the
# release, or, in a filing without one, on the cover page before the form's first item (its
# securities table).
RELEASE_GROUP = "press_release"
# A signer is one where a form is signed: the same officer quoted in a release ("said Amy Weaver,
# President and CFO") is no signer. Proposed only this many characters after a signature's cue
# ("/s/", "By:", a SIGNATURES heading, "caused this report to be signed").
SIGNERS = frozenset({"signer_name", "signer_title"})
SIGNATURE_NEAR = 400


def registrant_key(name: str) -> str:
    """A registrant's name as a key: casefolded, punctuation and Inc/Corp/Co/Ltd noise removed."""
    name = re.sub(r"\b([a-z])\.(?=[a-z]\.)", r"\1", name.casefold())  # N.V. -> nv
    words = re.sub(r"[^\w&]+|_", " ", name.replace(".", "")).replace("&", " ").split()
    while words and words[-1] in _NOISE:
        words.pop()
    while words and words[0] == "the":
        words.pop(0)
    return " ".join(words)


def filer_key(values: Mapping[str, Sequence[str]]) -> str | None:
    """Whose filing this is: `cik:<n>` where the CIK is known, else `name:<registrant key>`."""
    keys = filer_keys(values)
    return keys[0] if keys else None


def filer_keys(values: Mapping[str, Sequence[str]]) -> list[str]:
    """Every key a filing is known by: `cik:<n>` (if known), then `name:<registrant key>` (if
    known). The store links the two once an approved filing holds both."""
    keys = []
    for cik in values.get("cik", ()):
        digits = cik.strip().lstrip("0")
        if digits.isdigit():
            keys.append(f"cik:{digits}")
            break
    for name in values.get("company_name", ()):
        if key := registrant_key(name):
            keys.append(f"name:{key}")
            break
    return keys


def filing_date(values: Mapping[str, Sequence[str]]) -> str | None:
    """The date a filing is known by: filed, else signed, released, or its period."""
    for name in DATE_FIELDS:
        for v in values.get(name, ()):
            if v:
                return v
    return None


def values_of(items: Iterable[Candidate]) -> dict[str, list[str]]:
    """{field: [values]} of candidates (or anything with a name and a value)."""
    out: dict[str, list[str]] = {}
    for c in items:
        out.setdefault(c.name, []).append(c.value)
    return out


def standing(values: Iterable[FieldValue]) -> dict[str, list[str]]:
    """{field: [values]} of the values that stand (not rejected, not empty)."""
    out: dict[str, list[str]] = {}
    for fv in values:
        if fv.state is not State.REJECTED and fv.value:
            out.setdefault(fv.field, []).append(fv.value)
    return out


def turned_down(values: Iterable[FieldValue], schema: Schema) -> dict[str, list[str]]:
    """{field: [values]} of a filing's repeating fields that a person turned down: rejected, or
    extracted and corrected into another value; not a value that stands in the filing too."""
    stand = standing(values)
    out: dict[str, list[str]] = {}
    for fv in values:
        fd = schema.get(fv.field)
        if fd is None or not fd.repeats:
            continue
        if fv.state is State.REJECTED:
            down = fv.value
        elif fv.state is State.CORRECTED and fv.extracted_value is not None:
            down = fv.extracted_value
        else:
            continue
        if not down or value_key(down, fd) in {value_key(v, fd) for v in stand.get(fv.field, ())}:
            continue
        if down not in out.get(fv.field, []):
            out.setdefault(fv.field, []).append(down)
    return out


@dataclass(slots=True, frozen=True)
class Remembered:
    """One remembered value: the latest approved filing that held it, and how many did."""

    field: str
    value: str
    document_id: int | None
    filing_date: str | None
    confirmations: int

    @property
    def confidence(self) -> float:
        return min(MAX_CONFIDENCE, FIRST_CONFIDENCE + STEP * (self.confirmations - 1))


@dataclass(slots=True)
class FilerMemory:
    """What analysts approved for one filer: per field its values, the latest filing first; and
    the values they turned down (rejected, or corrected into another) since they last approved
    them, which extraction's proposals of them are withheld for."""

    key: str | None = None
    fields: dict[str, list[Remembered]] = field(default_factory=dict)
    latest_document: int | None = None  # the filer's latest approved filing
    rejected: dict[str, list[Remembered]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.fields) or bool(self.rejected)

    @classmethod
    def from_rows(cls, key: str | None,
                  rows: Iterable[tuple[str, str, int | None, str | None, int]],
                  schema: Schema) -> FilerMemory:
        """Aggregate (field, value, document id, filing date, turned down) rows, one per
        approved filing; a value turned down in a filing later than the last that approved it
        is remembered as turned down, not as approved."""
        grouped: dict[tuple[str, str, bool], list[tuple[str, int, str]]] = {}
        for name, value, doc_id, date, turned_down in rows:
            fd = schema.get(name)
            if fd is not None and value:
                grouped.setdefault((name, value_key(value, fd), bool(turned_down)), []).append(
                    (date or "", doc_id or 0, value))
        memory = cls(key)
        newest: tuple[str, int] = ("", 0)
        for (name, k, turned_down), seen in grouped.items():
            date, doc_id, value = max(seen)
            newest = max(newest, (date, doc_id))
            other = grouped.get((name, k, not turned_down))
            if other is not None and (max(other)[:2] >= (date, doc_id) if turned_down
                                      else max(other)[:2] > (date, doc_id)):
                continue  # decided the other way since (approval wins a tie)
            remembered = Remembered(name, value, doc_id or None, date or None,
                                    len({s[1] for s in seen}))
            (memory.rejected if turned_down else memory.fields).setdefault(name, []).append(
                remembered)
        for kept in (*memory.fields.values(), *memory.rejected.values()):
            kept.sort(key=lambda r: (r.filing_date or "", r.document_id or 0), reverse=True)
        memory.latest_document = newest[1] or None
        return memory

    def latest(self, name: str) -> Remembered | None:
        values = self.fields.get(name)
        return values[0] if values else None

    def turned_down(self, name: str, value: str, fd: FieldDef) -> Remembered | None:
        """The latest filing in which analysts turned this value of the field down, if they have
        not approved it since."""
        key = value_key(value, fd)
        return next((r for r in self.rejected.get(name, ()) if value_key(r.value, fd) == key),
                    None)


def propose(document: Document, candidates: Sequence[Candidate], memory: FilerMemory,
            schema: Schema) -> list[Candidate]:
    """Remembered values this filing's text holds and extraction did not find, with their spans
    here (rule `memory.<field>`); a single-value field extraction filled is left to it."""
    if not memory:
        return []
    found = values_of(candidates)
    form = next(iter(found.get("form_type", ())), None)
    finder = TextFinder(document.text)
    out: list[Candidate] = []
    for name, remembered in memory.fields.items():
        fd = schema.get(name)
        if fd is None or not fd.repeats or not fd.applies(form, None):
            continue
        if not fd.multi and name in found:
            continue
        have = {value_key(v, fd) for v in found.get(name, ())}
        for r in remembered if fd.multi else remembered[:1]:  # a single field: its latest value
            if value_key(r.value, fd) in have:
                continue
            accept = _where(document, name, fd, candidates)
            span = finder.find(r.value, fd, accept)
            if span is None or not _accompanied(span, name, candidates, memory, finder, schema):
                continue
            out.append(Candidate(name, r.value, span[0], span[1], r.confidence, f"memory.{name}"))
            have.add(value_key(r.value, fd))
    return out


def withhold(candidates: Sequence[Candidate], memory: FilerMemory, schema: Schema
             ) -> tuple[list[Candidate], list[Candidate]]:
    """(kept, withheld): extraction's values of repeating fields that analysts turned down for
    this filer (rejected, or corrected into another) in a filing they approved, and have not
    approved since, are withheld; the same mistake is not proposed to them again."""
    if not memory.rejected:
        return list(candidates), []
    kept: list[Candidate] = []
    held: list[Candidate] = []
    for c in candidates:
        fd = schema.get(c.name)
        down = fd is not None and fd.repeats and memory.turned_down(c.name, c.value, fd)
        (held if down else kept).append(c)
    return kept, held


def _accompanied(span: tuple[int, int], name: str, candidates: Sequence[Candidate],
                 memory: FilerMemory, finder: TextFinder, schema: Schema) -> bool:
    """A field that needs a companion (COMPANIONS) has one of its values near `span`."""
    if name not in COMPANIONS:
        return True
    other, near = COMPANIONS[name]
    spans = [(c.start, c.end) for c in candidates if c.name == other]
    fd = schema.get(other)
    if fd is not None:
        spans += [s for r in memory.fields.get(other, ()) if (s := finder.find(r.value, fd))]
    return any(start - near <= span[1] and span[0] <= end + near for start, end in spans)


def _where(document: Document, name: str, fd: FieldDef, candidates: Sequence[Candidate]
           ) -> Callable[[tuple[int, int]], bool] | None:
    """Where in this filing a remembered value of the field may be proposed (None: anywhere)."""
    if name in CONTACTS:
        return functools.partial(_in_contact_block, document, candidates=candidates)
    if name in SIGNERS:
        return functools.partial(_after_signature_cue, document)
    if fd.group == RELEASE_GROUP:
        return functools.partial(_in_release, document)
    return None


def _after_signature_cue(document: Document, span: tuple[int, int]) -> bool:
    start = max(0, span[0] - SIGNATURE_NEAR)
    return any(p.search(document.text, start, span[0])
               for p in (SIGNED_BY, SIGNATURE_HEADING, SIGNED_SENTENCE))


def _in_release(document: Document, span: tuple[int, int]) -> bool:
    release = release_region(document)
    if release is not None:
        return release.start <= span[0] < release.end
    cover = cover_region(document)
    return cover.start <= span[0] < min([cover.end] + [i.start for i in reported_items(document)])


def _in_contact_block(document: Document, span: tuple[int, int], candidates: Sequence[Candidate]) -> bool:
    release = release_region(document) or form_region(document)
    if not release.start <= span[0] < release.end:
        return False
    if any(c.name in CONTACTS and abs(c.start - span[0]) <= CONTACT_BLOCK // 2 for c in candidates):
        return True
    return CONTACT_WORD.search(document.text, max(release.start, span[0] - CONTACT_BLOCK), span[0]) is not None


@dataclass(slots=True, frozen=True)
class Change:
    """A repeating field whose value differs from the filer's last approved one, or is missing."""

    field: str
    value: str | None  # this filing's value; None: the remembered value is missing here
    was: str
    document_id: int | None  # the filing the remembered value came from
    filing_date: str | None

    def describe(self) -> str:
        """'was X in the filing of <date>', as the field panel shows it."""
        where = f"the filing of {self.filing_date}" if self.filing_date else "an earlier filing"
        if self.value is None:
            return f"{self.was} in {where}, not found in this one"
        return f"was {self.was} in {where}"


def changes(values: Mapping[str, Sequence[str]], memory: FilerMemory, schema: Schema
            ) -> list[Change]:
    """Single-value repeating fields whose value differs from the remembered one, and fields
    whose remembered value is missing where it is expected (in the filer's latest filing and
    confirmed at least EXPECTED_AFTER times)."""
    out: list[Change] = []
    form = next(iter(values.get("form_type", ())), None)
    for name, remembered in memory.fields.items():
        fd = schema.get(name)
        if fd is None or not fd.repeats:
            continue
        last = remembered[0]
        new = [v for v in values.get(name, ()) if v]
        if new:
            if not fd.multi and value_key(new[0], fd) != value_key(last.value, fd):
                out.append(Change(name, new[0], last.value, last.document_id, last.filing_date))
        elif (fd.applies(form, None) and last.confirmations >= EXPECTED_AFTER
              and last.document_id == memory.latest_document):
            out.append(Change(name, None, last.value, last.document_id, last.filing_date))
    return out
