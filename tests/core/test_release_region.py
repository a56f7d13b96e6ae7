"""Where a press release is found: exhibits, after a form's signature, standalone files."""

from __future__ import annotations

from reviewer.core.document import Document, Part
from reviewer.core.extract import press_release
from reviewer.core.extract.regions import DATELINE, find_dateline, form_region, release_region
from reviewer.core.extract.rules import run_all

FORM = """UNITED STATES
SECURITIES AND EXCHANGE COMMISSION
FORM 8-K
Item 8.01 Other Events
On May 5, 2015, Acme Corp. issued a press release, attached as Exhibit 99.1.
Item 9.01 Financial Statements and Exhibits
99.1 Press release dated May 5, 2015.

SIGNATURE
Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly
caused this report to be signed on its behalf by the undersigned hereunto duly authorized.
Dated: May 5, 2015
Acme Corp.
By: /s/ JANE DOE
Jane Doe
Chief Financial Officer

"""


def _paged(pages: list[str]) -> Document:
    text, parts = "", []
    for n, page in enumerate(pages, 1):
        start = len(text)
        text += f"-------- Page {n} --------\n{page}\n"
        parts.append(Part(kind="page", start=start, end=len(text), page=n))
    return Document(text=text, format="pdf", parts=parts)


def test_datelines_set_with_a_horizontal_bar_a_minus_sign_or_a_hyphen_that_lost_its_space() -> None:
    for line, place, date in [
        ("SANTA CLARA, Calif.\u2014Feb. 25, 2026\u2015NVIDIA (NASDAQ: NVDA) today reported", "SANTA CLARA, Calif.",
         "Feb. 25, 2026"),
        ("SEATTLE,  WA,  May  5,  2015  \u2212  Acme  International", "SEATTLE,  WA", "May  5,  2015"),
        ("SCOTTSDALE, Ariz, March 23, 2017 -Acme International, Inc. today", "SCOTTSDALE, Ariz", "March 23, 2017"),
    ]:
        m = DATELINE.match(line)
        assert m is not None and (m.group("place"), m.group("date")) == (place, date), line
    assert DATELINE.match("ATLANTA -Acme") is None  # no date: a hyphen needs its space


def test_a_release_page_after_the_signature_with_no_exhibit_heading() -> None:
    doc = _paged([FORM, "FOR RELEASE ON: May 5, 2015 at 0800 ET\n\nCONTACT: Ann Lee\n\n"
                  "Acme to Acquire Widget Corporation\n\n"
                  "SEATTLE, WA, May 5, 2015 \u2212 Acme Corp. (NASDAQ: ACME) today announced a deal.\n"])
    region = release_region(doc)
    assert region is not None and doc.text[region.start:].startswith("-------- Page 2")
    assert form_region(doc).end == region.start  # the form stops where the release starts


def test_a_release_page_that_opens_with_its_headline_and_dateline() -> None:
    doc = _paged([FORM, "Acme Delivers Record Revenue\n\n"
                  "SCOTTSDALE, Ariz., Feb. 26, 2019 \u2014 Acme (Nasdaq: ACME) today released its letter.\n"])
    assert release_region(doc) is not None


def test_an_exhibit_with_no_dateline_under_a_contact_block_is_a_release() -> None:
    # a letter to shareholders put out as a release: a contact card and a listing, no dateline
    letter = ("Exhibit 99.1\n\nCONTACT:\n\nJane Doe\nChief Financial Officer\n(480) 905-2000\n\n"
              "Open Letter to Shareholders: Progress in our Cloud Business\n\nTo All Acme Shareholders,\n\n"
              "It has been a year since we introduced our camera.\n\nAcme Corp. ( NASDAQ:ACME ) makes cameras.\n")
    doc = _paged([FORM, letter])
    region = release_region(doc)
    assert region is not None and doc.text[region.start:region.end].startswith("-------- Page 2")
    found = {c.name: c.value for c in run_all(press_release.RULES, doc)}
    assert found["headline"] == "Open Letter to Shareholders: Progress in our Cloud Business"
    assert (found["contact_name"], found["ticker"]) == ("Jane Doe", "ACME")
    # without the card and the listing the same exhibit is no release
    plain = letter.replace("CONTACT:\n\nJane Doe\nChief Financial Officer\n(480) 905-2000\n\n", "")
    assert release_region(_paged([FORM, plain.replace("( NASDAQ:ACME )", "")])) is None


def test_pages_after_the_signature_that_are_not_a_release() -> None:
    doc = _paged([FORM, "EXHIBIT 10.1\n\nCREDIT AGREEMENT\n\ndated as of May 1, 2015, among Acme Corp. and "
                  "the lenders.\n"])
    assert release_region(doc) is None
    assert form_region(doc).end == len(doc.text)


def test_a_release_that_follows_the_signature_in_the_same_submission_document() -> None:
    long_form = FORM.replace("SIGNATURE\n", "The quarter was good.\n" * 500 + "SIGNATURE\n")
    body = long_form + "\n<PAGE>\n\nAcme Reports Record Quarter\n\n" + (  # the release is far from its start
        "NEW YORK, Jan. 10, 1997 /PRNewswire/ -- Acme Corp. (NYSE: ACM) today reported results.\n")
    text = "<SEC-HEADER>\n</SEC-HEADER>\n" + body
    doc = Document(text=text, format="edgar", parts=[Part(kind="document", start=28, end=len(text), type="8-K")])
    region = release_region(doc)
    assert region is not None
    dl = find_dateline(doc, region)
    assert dl is not None and dl.group("place") == "NEW YORK"
    assert "Jane Doe" not in doc.text[region.start : region.end]
    assert form_region(doc).end == region.start


def test_an_ex_20_exhibit_is_a_release() -> None:
    form = FORM
    ex = "EX-20\nAcme Names New Chief Executive\n\nBOSTON, March 3, 1996 -- Acme Corp. today named a chief.\n"
    text = form + ex
    doc = Document(text=text, format="edgar", parts=[
        Part(kind="document", start=0, end=len(form), type="8-K"),
        Part(kind="document", start=len(form), end=len(text), type="EX-20")])
    region = release_region(doc)
    assert region is not None and region.start == len(form)


def test_a_heading_in_capitals_is_not_an_undated_dateline() -> None:
    text = "Table of Contents\nPART I \u2013 FINANCIAL INFORMATION\nItem 1. Financial Statements.\n" * 3
    doc = Document(text=text, format="html", parts=[Part(kind="document", start=0, end=len(text), type="10-Q")])
    assert release_region(doc) is None


def test_an_undated_dateline_before_the_first_sentence_opens_a_standalone_release() -> None:
    text = ("Investor Relations Contact: 415.972.7080 | www.acme.com\n\nAcme Reports First-Quarter Results\n\n"
            "OAKLAND \u2014 Acme Corporation (NYSE: ACM) recorded first-quarter income of $569 million.\n")
    assert release_region(Document(text=text, format="pdf")) is not None
    text = "OAKLAND \u2014 Acme Corporation owns buildings in the city and leases them.\n"
    assert release_region(Document(text=text, format="pdf")) is None


def test_a_release_page_after_the_signature_with_an_undated_dateline() -> None:
    doc = _paged([FORM, "Marketing & Communications | 415.973.5930 | www.acme.com\n\nMay 31, 2023\n\n"
                  "Acme and Shasta County Reach Settlement\n\n"
                  "OAKLAND, Calif.\u2014 Acme Company (Acme) announced today that it reached an agreement.\n"])
    region = release_region(doc)
    assert region is not None and doc.text[region.start:].startswith("-------- Page 2")
    dl = find_dateline(doc, region)
    assert dl is not None and dl.group("place") == "OAKLAND, Calif."
