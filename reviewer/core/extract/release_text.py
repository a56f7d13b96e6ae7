"""What the press-release rules share: e-mail addresses, an issuer's name, and the registrant's
own words (so a company is not taken for a person or a stranger's site)."""

from __future__ import annotations

import re

from ..document import Document
from .normalize import SPLIT_TLDS

EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
# An address a PDF's text layer split after its last dot ("Press@TASER. com"): only before a
# common top-level domain that ends the word, so a sentence's next word is not taken for one.
SPLIT_EMAIL = re.compile(
    rf"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\. (?:{SPLIT_TLDS})\b(?![@\w-]|\.\w)")
ISSUER = re.compile(
    r"(?<![\w&'’-])(?:The\s+)?(?:[A-Z]|[a-z]{1,2}[A-Z])[\w.&'’-]*(?:[ ,]+(?:(?:and|of|&)\s+)?[A-Z][\w.&'’-]*){0,5}?,?\s+"
    r"(?:Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.P|plc|N\.V|S\.A|AG|SE)\b\.?"
    r"(?:,?\s+Ltd\.?)?")

def company_words(doc: Document) -> frozenset[str]:
    """Words of the registrant's names (header and cover), so a company is not taken for a person."""
    words: set[str] = set()
    for f in (doc.header or {}).get("filers", []):
        if f.get("company_name"):
            words |= {w.casefold() for w in re.findall(r"[\w'’]+", f["company_name"][0])}
    head = doc.text[:6000]
    for m in ISSUER.finditer(head):
        words |= {w.casefold() for w in re.findall(r"[\w'’]+", m.group(0))}
    return frozenset(words)
