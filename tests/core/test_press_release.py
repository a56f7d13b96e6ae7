"""Press-release rules on small texts: headline, website, contacts, tickers."""

from __future__ import annotations

from reviewer.core.document import Document, Part
from reviewer.core.extract.press_release import press_release_rules


def _values(text: str, fmt: str = "pdf", parts: list[Part] | None = None) -> dict[str, list[str]]:
    doc = Document(text=text, format=fmt, parts=parts or [])
    out: dict[str, list[str]] = {}
    for c in press_release_rules(doc):
        out.setdefault(c.name, []).append(c.value)
    return out


DATELINE = "SCOTTSDALE, Ariz., April 6, 2004 -- Acme International, Inc. (Nasdaq: ACME) today announced a split.\n"


def test_a_headline_wrapped_by_the_page_width_is_joined() -> None:
    text = ("FOR IMMEDIATE RELEASE\n\nAcme International, Inc. Declares 2-For-1 Stock Split and Responds to CBS Evening\n"
            "News Report on Acme International, Inc.\n\n" + DATELINE)
    assert _values(text)["headline"] == [
        "Acme International, Inc. Declares 2-For-1 Stock Split and Responds to CBS Evening News Report on "
        "Acme International, Inc"]


def test_a_longer_line_under_the_headline_is_a_sub_headline() -> None:
    text = ("FOR IMMEDIATE RELEASE\n\nAcme BioPharma Announces 2024 Financial Results\n"
            "Revenue Surges 234%, Expenses Down 21%, EPS Improves 77%, with Over $18.3 Million Licensing Income\n\n"
            + DATELINE)
    assert _values(text, "text")["headline"] == ["Acme BioPharma Announces 2024 Financial Results"]
    text = ("FOR IMMEDIATE RELEASE\nACME BECOMES THE SECOND LARGEST CLOUD COMPANY IN THE WORLD\n"
            "Q4 Cloud Subscriptions Up 25% to $322 million, Q4 Services Revenue Up 13% to $128 million\n" + DATELINE)
    assert _values(text, "edgar")["headline"] == ["ACME BECOMES THE SECOND LARGEST CLOUD COMPANY IN THE WORLD"]


def test_a_headline_in_capitals_wrapped_across_a_blank_line() -> None:
    text = ("EXHIBIT 99.1\n\nACME AND META ANNOUNCE $21 BILLION EXPANDED AI\n\nINFRASTRUCTURE AGREEMENT\n\n"
            "Meta to leverage Acme's cloud platform to scale inference workloads\n\n" + DATELINE)
    assert _values(text)["headline"] == ["ACME AND META ANNOUNCE $21 BILLION EXPANDED AI INFRASTRUCTURE AGREEMENT"]


def test_bulleted_highlights_between_headline_and_dateline_are_passed_over() -> None:
    text = ("Exhibit 99.1\n\nFor Immediate Release\n\nAcme Announces Fiscal 2022 Fourth Quarter Results\n\n"
            "\u2022\tQ4 GAAP Earnings per Share $1.16\n\n\u2022Total Q4 Revenue $11.8 billion, up 5%\n\n"
            + DATELINE)
    assert _values(text, "edgar")["headline"] == ["Acme Announces Fiscal 2022 Fourth Quarter Results"]


def test_a_headline_line_that_starts_with_news_is_not_a_letterhead() -> None:
    text = ("Exhibit 99\n\nAcme Declares a Stock Split and Responds to a Network Evening\n"
            "News Report on Acme International, Inc.\n\n" + DATELINE)
    assert _values(text)["headline"][0].endswith("News Report on Acme International, Inc")


def test_a_release_line_is_not_the_headline() -> None:
    text = "FOR RELEASE ON: March, 23, 2017\n\nAcme Announces Jane Roe as Chief Financial Officer\n\n" + DATELINE
    assert _values(text)["headline"] == ["Acme Announces Jane Roe as Chief Financial Officer"]


def _site(body: str) -> list[str]:
    return _values("FOR IMMEDIATE RELEASE\n\nAcme Reports Results\n\n" + DATELINE + body).get("website", [])


def test_a_website_without_www_where_the_text_calls_it_a_site() -> None:
    assert _site("Acme posts its results on its corporate website, acme.com, and on www.acme.com/newsroom.\n") == [
        "acme.com"]
    assert _site("Shares of Acme.com rose.\n") == []  # a name, not said to be a site


def test_the_companys_own_site_over_another_address() -> None:
    body = ("Acme's product platform is www.EVIDENCE.com.\nContact: Jane Roe, ir@acme.com\n"
            "Note to investors: visit http://investor.acme.com or http://blog.acme.com\n")
    assert _site(body) == ["http://investor.acme.com"]


def test_a_sites_root_and_named_page_over_its_deeper_pages() -> None:
    body = ("Listen at http://www.acme.com/quicktime/qtv/earnings/ today.\n"
            "For more information visit Acme's PR web site (http://www.acme.com/pr/).\n")
    assert _site(body) == ["http://www.acme.com/pr/"]
    assert _site("The webcast is at http://www.acme.com/investor.\nPlease visit us at www.acme.com.\n") == [
        "www.acme.com"]


def test_a_text_layer_that_lost_its_spaces_keeps_the_address() -> None:
    assert _site("Learn more atwww.acme.comandwww.brand.ioor follow us.\n") == ["www.acme.com"]


def _listings(body: str) -> tuple[list[str], list[str]]:
    v = _values("FOR IMMEDIATE RELEASE\n\nAcme Reports Results\n\nAMSTERDAM, May 4, 2001 -- " + body)
    return v.get("ticker", []), v.get("exchange", [])


def test_each_listing_of_a_company_listed_twice() -> None:
    assert _listings("Acme N.V. (AEX: AGN; NYSE: AEG) today said.\n") == (["AGN", "AEG"], ["AEX", "NYSE"])
    assert _listings("Acme Ltd (NYSE: AMCR, ASX: AMC) today said.\n") == (["AMCR", "AMC"], ["NYSE", "ASX"])
    # a list that is not a parenthesis of listings
    assert _listings("Acme Ltd today said it sells in Europe; Asia: Japan and Korea.\n") == ([], [])


def test_an_exchange_written_with_its_market_tier() -> None:
    assert _listings("Acme Corp. (Nasdaq/NMS: ACME) today said.\n") == (["ACME"], ["Nasdaq/NMS"])


def test_a_ticker_given_as_traded_under_the_symbol() -> None:
    body = ("Acme Corp. today said. Acme's common stock is traded on the Nasdaq National Market under the "
            "symbol \"ACMX\".\n")
    assert _listings(body) == (["ACMX"], ["Nasdaq National Market"])


def _contacts(body: str) -> dict[str, list[str]]:
    v = _values("FOR IMMEDIATE RELEASE\n\nAcme Reports Results\n\n" + DATELINE + "\n" + body)
    return {k: v.get(k, []) for k in ("contact_name", "contact_phone", "contact_email")}


def test_a_contact_named_in_a_sentence() -> None:
    body = ("For investor relations information please contact Erin Curtis by phone at 480-515-6330 or via "
            "email at IR@ACME.com.\n")
    assert _contacts(body) == {"contact_name": ["Erin Curtis"], "contact_phone": ["480-515-6330"],
                               "contact_email": ["ir@acme.com"]}
    body = "For further information, please contact Arvind Bobra via email atIR@acme.com\n"
    assert _contacts(body)["contact_email"] == ["ir@acme.com"]


def test_an_honorific_is_not_part_of_the_contact_name() -> None:
    assert _contacts("Contact: Dr. Uttam Patil\nEmail: uttam@acme.com\n")["contact_name"] == ["Uttam Patil"]


def test_phones_written_with_a_slash_or_in_international_form() -> None:
    body = "CONTACTS: Acme Corporation\nRichard Galanti, 425/313-8203\nDavid Sherwood, 425/313-8239\n"
    assert _contacts(body)["contact_phone"] == ["425/313-8203", "425/313-8239"]
    body = "Contact Information\n\nInvestors\nTracey Whitehead\nHead of Investor Relations\n+61 3 9226 9028\n"
    assert _contacts(body)["contact_phone"] == ["+61 3 9226 9028"]


def test_a_headline_fragment_or_table_caption_is_not_a_contact() -> None:
    body = ("CONTACT:\n\nInvestor Relations\nAcme, Inc.\nIR@acme.com\n\n"
            "Acme Reports Strong First Quarter Results; Acme Dispatch Is Live, Record International\n"
            "Three Months Ended\n")
    assert "Record International" not in _contacts(body)["contact_name"]
    assert "Three Months Ended" not in _contacts(body)["contact_name"]
