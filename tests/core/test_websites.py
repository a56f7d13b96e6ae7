"""The company's own web address outside a press release: where the filing calls it its own."""

from __future__ import annotations

from reviewer.core.document import Document
from reviewer.core.extract import websites
from reviewer.core.extract.rules import run_all

COVER = ("FORM 10-K\n\nACME CORP\n(Exact name of registrant as specified in its charter)\n\n"
         "Securities registered pursuant to Section 12(b) of the Act: None\n\nPART I\n\nItem 1. Business\n\n")


def _sites(text: str) -> list[str]:
    return [c.value for c in run_all(websites.RULES, Document(text=text, format="text"))]


def test_a_periodic_report_gives_its_site_in_its_own_voice() -> None:
    code = "Our Code of Ethics is available on our website at www.acme.com. Amendments will be posted there.\n"
    assert _sites(COVER + code) == ["www.acme.com"]
    assert _sites(COVER + "We will post any waiver on our website (www.acme.com/investors) within four days.\n") == [
        "www.acme.com/investors"]
    # the SEC's site, and a sales channel the business names, are not the company's address
    assert _sites(COVER + "Reports are on the SEC's website at http://www.sec.gov. Sales include our "
                  "ecommerce website www.acme.com and our stores.\n") == []


def test_our_website_counts_only_in_a_periodic_report() -> None:
    proxy = COVER.replace("FORM 10-K", "SCHEDULE 14A")
    assert _sites(COVER + "The charter is posted on our website at www.acme.com.\n") == ["www.acme.com"]
    assert _sites(proxy + "The charter is posted on our website at www.acme.com.\n") == []
    assert _sites(proxy + "The charter is posted on the Company's website, www.acme.com.\n") == ["www.acme.com"]
