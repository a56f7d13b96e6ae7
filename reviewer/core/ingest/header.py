"""The SEC header of a submission, in both of its spellings.

`.txt` submissions write `KEY:<tab>value` lines nested by indentation; `.nc` files write
`<KEY>value` tags nested by closing tags, often all on one line. Both become the same
structure, every value a `[value, start, end]` triple whose offsets point into the text
shown for the header (the `.nc` header is shown re-laid out in the `KEY: value` style).
"""

from __future__ import annotations

import re
from typing import Any

Triple = list  # [value: str, start: int, end: int]

_ENTITY_ROLES = {
    "FILER", "SUBJECT COMPANY", "FILED BY", "REPORTING OWNER", "ISSUER", "SERIAL COMPANY",
    "DEPOSITOR", "SECURITIZER", "ISSUING ENTITY", "SPONSOR",
}
_SUBSECTIONS = {"BUSINESS ADDRESS": "business_address", "MAIL ADDRESS": "mail_address"}
_FORMER = {"FORMER COMPANY", "FORMER NAME"}
_MULTI = {"item_information", "items"}
_ALIASES = {
    "conformed_submission_type": "form_type",
    "type": "form_type",
    "public_document_count": "document_count",
    "conformed_period_of_report": "period",
    "filed_as_of_date": "filed_date",
    "filing_date": "filed_date",
    "company_conformed_name": "company_name",
    "conformed_name": "company_name",
    "central_index_key": "cik",
    "standard_industrial_classification": "sic",
    "assigned_sic": "sic",
    "sec_file_number": "file_number",
    "business_phone": "phone",
    "street_1": "street1",
    "street_2": "street2",
    "former_conformed_name": "name",
    "date_of_name_change": "date_changed",
}


def _key(raw: str) -> str:
    snake = re.sub(r"[^a-z0-9]+", "_", raw.strip().lower()).strip("_")
    return _ALIASES.get(snake, snake)


def _section(raw: str) -> str:
    return re.sub(r"[\s_-]+", " ", raw.strip().upper())


class _Builder:
    """Collects header values into the nested structure as sections open and close."""

    def __init__(self) -> None:
        self.header: dict[str, Any] = {"filers": []}
        self.stack: list[tuple[str, dict[str, Any]]] = [("", self.header)]

    def open(self, name: str) -> None:
        name = _section(name)
        parent = self.stack[-1][1]
        if name in _ENTITY_ROLES:
            node: dict[str, Any] = {"role": name}
            self.header["filers"].append(node)
        elif name in _SUBSECTIONS:
            node = parent.setdefault(_SUBSECTIONS[name], {})
        elif name in _FORMER:
            node = {}
            parent.setdefault("former_names", []).append(node)
        else:
            node = parent  # COMPANY DATA, FILING VALUES, OWNER DATA: flattened into the entity
        self.stack.append((name, node))

    def close(self, name: str | None = None) -> None:
        if len(self.stack) <= 1:
            return
        if name is None:
            self.stack.pop()
            return
        name = _section(name)
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i][0] == name:
                del self.stack[i:]
                return

    def value(self, raw_key: str, value: str, start: int) -> None:
        key = _key(raw_key)
        triple: Triple = [value, start, start + len(value)]
        node = self.stack[-1][1]
        if key in _MULTI:
            node.setdefault(key, []).append(triple)
        elif key not in node:
            node[key] = triple


_COLON_LINE = re.compile(r"^([ \t]*)([A-Za-z0-9][A-Za-z0-9 ()/&'.,#-]*?):[ \t]*(.*?)[ \t]*$", re.M)


def parse_colon_header(region: str, flat: bool = False) -> tuple[dict[str, Any], str]:
    """The `KEY:<tab>value` header of .txt submissions; shown verbatim. `flat`: a header printed
    without its indentation (a PDF of the submission), nested by what its sections are."""
    b = _Builder()
    indents: list[int] = []  # indentation of each open section
    for m in _COLON_LINE.finditer(region):
        key, value = m.group(2), m.group(3)
        if not flat:
            indent = len(m.group(1).expandtabs(8))
        elif value:
            indent = 2 if indents else 0
        else:  # a filer's role opens at the top, its other sections inside it
            indent = 0 if _section(key) in _ENTITY_ROLES or not indents else 1
        while indents and indent <= indents[-1]:
            indents.pop()
            b.close()
        if not value:
            b.open(key)
            indents.append(indent)
        else:
            b.value(key, value, m.start(3))
    return b.header, region


_TAG = re.compile(r"<(/?)([A-Za-z0-9][A-Za-z0-9-]*)>([^<]*)")


def parse_tag_header(region: str) -> tuple[dict[str, Any], str]:
    """The `<KEY>value` header of .nc files; re-laid out one value per line."""
    containers = {m.group(1).upper() for m in re.finditer(r"</([A-Za-z0-9-]+)>", region)}
    b = _Builder()
    lines: list[str] = []
    pos = 0
    depth = 0
    for m in _TAG.finditer(region):
        closing, tag, value = m.group(1), m.group(2).upper(), m.group(3).strip()
        if tag in ("SEC-HEADER", "SUBMISSION", "SEC-DOCUMENT", "IMS-HEADER"):
            continue
        if closing:
            b.close(tag)
            depth = max(0, depth - 1)
            continue
        if tag in containers and not value:
            line = "\t" * depth + tag + ":\n"
            b.open(tag)
            depth += 1
        else:
            prefix = "\t" * depth + tag + ":\t"
            b.value(tag, value, pos + len(prefix))
            line = prefix + value + "\n"
        lines.append(line)
        pos += len(line)
    return b.header, "".join(lines)


# An EDGAR header printed at the top of a document (a PDF made of a whole submission): from its
# first key line to the first line that is no "KEY: value" line.
_PRINTED_START = re.compile(r"^[ \t]*ACCESSION\s+NUMBER[ \t]*:", re.M)
_PRINTED_LINE = re.compile(r"[ \t]*(?:[A-Z][A-Z0-9 ()/&'.,#-]*:(?:[ \t][^\n]*)?|-{3,}[^\n]*)?[ \t]*")
_PRINTED_WITHIN = 3000  # the header's first line is this near the document's start


def printed_header(text: str) -> dict[str, Any]:
    """The EDGAR header a document prints at its top, its offsets into `text`; {} if none."""
    m = _PRINTED_START.search(text, 0, _PRINTED_WITHIN)
    if m is None or "CONFORMED SUBMISSION TYPE" not in text[m.start() : m.start() + 1000]:
        return {}
    end = pos = m.start()
    while pos < len(text):
        stop = text.find("\n", pos)
        stop = len(text) if stop < 0 else stop
        if not _PRINTED_LINE.fullmatch(text, pos, stop):
            break
        end = pos = stop + 1
    header, _ = parse_colon_header(text[m.start() : end], flat=True)
    shift_header(header, m.start())
    return header if header.get("accession_number") else {}


def shift_header(header: dict[str, Any], delta: int) -> None:
    """Move every [value, start, end] triple of the parsed header by `delta`."""

    def shift(node: Any) -> None:
        if isinstance(node, dict):
            for v in node.values():
                shift(v)
        elif isinstance(node, list):
            if len(node) == 3 and isinstance(node[0], str) and isinstance(node[1], int):
                node[1] += delta
                node[2] += delta
            else:
                for v in node:
                    shift(v)

    if delta:
        shift(header)
