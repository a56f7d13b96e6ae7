"""The fast scans give exactly the matches of the plain patterns they replace."""

from __future__ import annotations

import random
import re

from reviewer.core.document import Document
from reviewer.core.extract import form_body, signature, websites
from reviewer.core.extract.regions import Region, line_start_matches, lowered

ALPHABET = ["\n", " ", "\t", "x", "Item 7", "ITEM 9.01", "Exhibits", "exhibit index", "(c) Exhibits",
            "Index to Exhibits", "EXHIBIT 99.1", "S I G N A T U R E S", "Signatures", "www.acme.com",
            "https://www.Acme.com/ir", "http://", "ht", "\u0130", ".", "7"]


def _texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 40))) for _ in range(n)]


def _spans(pairs) -> list[tuple[int, int]]:
    return [(start, m.end()) for start, m in pairs]


def test_line_start_matches_equal_the_anchored_patterns() -> None:
    cases = [
        (form_body.EXHIBIT_SECTION, True, re.compile(
            r"(?:^|\t)[ \t]*(?:Item\s+9\.01|Item\s+7\b|EXHIBIT\s+INDEX|INDEX\s+TO\s+EXHIBITS|Exhibits?\b[ \t]*$"
            r"|\(c\)\s*Exhibits|\(d\)\s*Exhibits)", re.I | re.M)),
        (form_body.EXHIBIT_HEADING, False, re.compile(
            r"^[ \t]*EXHIBIT[ \t]+(\d{1,3}(?:\.\d{1,2})?)[ \t]*(?:$|\t)", re.I | re.M)),
    ]
    checked = 0
    for text in _texts(3000, 1):
        doc = Document(text=text, format="text")
        for lo in (0, len(text) // 3):
            for core, after_tab, plain in cases:
                want = [(m.start(), m.end()) for m in plain.finditer(text, lo, len(text))]
                got = _spans(line_start_matches(core, lowered(doc), text, lo, len(text), after_tab))
                assert got == want, (text, lo)
                checked += len(want)
            plain_sig = re.compile(r"^[ \t]*S ?I ?G ?N ?A ?T ?U ?R ?E ?S?[ \t]*$", re.M)
            want = [(m.start(), m.end()) for m in plain_sig.finditer(text, lo, len(text))]
            assert _spans(line_start_matches(signature.SIGNATURE_HEADING, text, text, lo, len(text))) == want
    assert checked > 1000  # the random texts do contain matches


def test_web_addresses_equal_the_plain_pattern() -> None:
    for text in _texts(3000, 2):
        doc = Document(text=text, format="text")
        region = Region(len(text) // 4, len(text))
        want = [m.span() for m in websites.WEB.finditer(text, region.start, region.end)]
        assert [m.span() for m in websites._web_addresses(doc, region)] == want, text


def test_lowered_text_keeps_every_offset() -> None:
    doc = Document(text="\u0130STANBUL ŞİRKETİ Straße ΣΑΣ", format="text")
    assert len(lowered(doc)) == len(doc.text)


def test_every_event_keyword_match_holds_one_of_its_needles() -> None:
    from reviewer.core.extract.event_types import SEARCHED

    words = ("Reverse Stock Split consolidated into one share two-for-one forward split DECLARED a regular "
             "quarterly cash dividend reports record fourth quarter results earnings net income net loss "
             "yearly share repurchase program buy-back Chapter 11 petitions for reorganization proceedings "
             "filed for bankruptcy receivership delisting staff determination listing qualifications panel "
             "deficiency letter annual general meeting of shareholders stockholders' agreement and plan of "
             "merger to acquire completed its acquisition majority interest sold 1,250,000 common shares "
             "private placement public offering of issuance of $500 million aggregate principal amount "
             "settlement of lawsuit litigation class action informal inquiry derivative suit appointed "
             "named elected to the board chief financial officer president director resigned").split()
    rnd = random.Random(3)
    matched = 0
    for _ in range(4000):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(2, 12)))
        for t in SEARCHED:
            assert t.pattern is not None
            if t.pattern.search(text):
                matched += 1
                assert any(n in text.lower() for n in t.needles), (t.name, text)
    assert matched > 1000
