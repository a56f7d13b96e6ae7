"""The Document: the text the viewer shows and where each character came from."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any


class IngestError(Exception):
    """A file that cannot become a Document; the message is the one-line reason."""


@dataclass(slots=True)
class Part:
    """One stretch of the text with one origin: a submission's header or document, a PDF page."""

    kind: str  # header | document | page | body
    start: int  # offset in Document.text (inclusive)
    end: int  # offset in Document.text (exclusive)
    type: str = ""  # EDGAR <TYPE>: 8-K, EX-99.1, GRAPHIC ...
    sequence: str = ""
    filename: str = ""
    description: str = ""
    format: str = ""  # how this part's body was read: text, html, pdf, binary
    page: int = 0  # 1-based PDF page number, 0 when not a page
    raw_start: int = -1  # byte offset of the part's body in the file, -1 when unknown
    raw_end: int = -1
    shown: bool = True  # False for binaries listed but not shown as text

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Part:
        return cls(**{k: v for k, v in data.items() if k in cls.__slots__})


@dataclass(slots=True)
class Fact:
    """A `dei:` fact tagged in inline XBRL (the cover's name, file number, trading symbols ...).

    `text` is what the tag holds, white space folded; `start`/`end` its span in Document.text,
    -1 for a fact that is not shown (the hidden `ix:header`, a `display:none` block). `dims` are
    the dimensions of its context, `axis=member` (a second registrant, a former address, a class
    of stock); a fact with none is about the filing's own registrant.
    """

    name: str  # "dei:EntityRegistrantName"
    text: str
    start: int = -1
    end: int = -1
    context: str = ""  # contextRef
    dims: list[str] = field(default_factory=list)

    @property
    def shown(self) -> bool:
        return self.start >= 0

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Fact:
        return cls(**{k: v for k, v in data.items() if k in cls.__slots__})


@dataclass(slots=True)
class Document:
    """A parsed file: its text, its format, and a map from text offsets back to the source."""

    text: str
    format: str
    parts: list[Part] = field(default_factory=list)
    header: dict[str, Any] = field(default_factory=dict)  # EDGAR header fields, parsed
    notices: list[str] = field(default_factory=list)  # things the analyst should know
    facts: list[Fact] = field(default_factory=list)  # inline XBRL `dei:` facts, in text order
    # Values computed from the text once per document (extraction regions); never stored.
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def part_at(self, offset: int) -> Part | None:
        """The part that holds text offset `offset` (None between parts)."""
        starts = [p.start for p in self.parts]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.parts[i].start <= offset < max(self.parts[i].end, self.parts[i].start + 1):
            return self.parts[i]
        return None

    def page_of(self, offset: int) -> int:
        """1-based PDF page holding `offset`, 0 when the document has no pages."""
        part = self.part_at(offset)
        return part.page if part else 0

    def documents(self) -> list[Part]:
        """The submission's documents (form, exhibits, binaries), in file order."""
        return [p for p in self.parts if p.kind == "document"]

    def source_map(self) -> dict[str, Any]:
        """Plain data for storage: parts, header, notices and (when there are any) facts."""
        data: dict[str, Any] = {
            "parts": [p.to_dict() for p in self.parts],
            "header": self.header,
            "notices": self.notices,
        }
        if self.facts:
            data["facts"] = [f.to_dict() for f in self.facts]
        return data

    @classmethod
    def from_stored(cls, text: str, fmt: str, source_map: dict[str, Any]) -> Document:
        return cls(
            text=text,
            format=fmt,
            parts=[Part.from_dict(p) for p in source_map.get("parts", [])],
            header=source_map.get("header", {}),
            notices=list(source_map.get("notices", [])),
            facts=[Fact.from_dict(f) for f in source_map.get("facts", [])],
        )
