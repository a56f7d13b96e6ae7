"""Press-release rules on small texts: headline, website, contacts, tickers."""

from __future__ import annotations

from reviewer.core.document import Document, Part
from reviewer.core.extract import press_release
from reviewer.core.extract.rules import run_all


def _values(text: str, fmt: str = "pdf", parts: list[Part] | None = None) -> dict[str, list[str]]:
    doc = Document(text=text, format=fmt, parts=parts or [])
    out: dict[str, list[str]] = {}
    for c in run_all(press_release.RULES, doc):
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


def test_the_slash_that_ends_a_sites_host_is_not_part_of_it() -> None:
    assert _site("For more about Acme, visit www.acme.com/.\n") == ["www.acme.com"]
    assert _site("Please visit https://ir.acme.com/ for more.\n") == ["https://ir.acme.com"]
    assert _site("For more information visit http://www.acme.com/pr/.\n") == ["http://www.acme.com/pr/"]


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


def test_both_symbols_of_a_share_and_its_warrant() -> None:
    assert _listings("Acme, Inc. (Nasdaq: ACME and ACMEW), a maker of boxes, today said so.\n") == (
        ["ACME", "ACMEW"], ["Nasdaq"])
    # a word after "and" is no second symbol
    assert _listings("Acme, Inc. (Nasdaq: ACME and others), a maker of boxes.\n") == (["ACME"], ["Nasdaq"])


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


# A company's own PDF of its results: no dateline, no release line; a title over the text, a
# contacts table whose columns the text layer gives one cell a line, and a listings line.
UNDATED = ("-------- Page 1 --------\nAcme reports fiscal 2023 results and provides outlook for fiscal 2024\n\n"
           "June 2023 quarter:\nGAAP diluted EPS of 12.3 cps\n\n"
           "The Acme Board of Directors today declared a quarterly cash dividend of 12.25 cents per share.\n\n"
           "About Acme\nAcme makes boxes.\nNYSE: ACMR; ASX: ACM \n\nwww.acme.com  I  LinkedIn\n\n"
           "Contact Information\n\nInvestors\nTracey Whitehead\nHead of Investor Relations\nAcme\n+61 3 9226 9028\n"
           "tracey.whitehead@acme.com\n\nMedia - Australia\nJames Strong\n\nCitadel-MAGNUS\n+61 448 881 174\n"
           "jstrong@citadelmagnus.com\n\nMedia - Europe \nErnesto Duran\nHead of Global Communications\nAcme \n"
           "+41 78 698 69 40\nernesto.duran@acme.com \n\n"
           "Acme plc UK Establishment Address: 83 Tower Road North, Warmley, Bristol, England, BS30 8XP, United Kingdom\n"
           "Registered Office: 3rd Floor, 44 Esplanade, St Helier, JE4 9WG, Jersey\n")


def test_a_release_with_no_dateline_is_still_a_release() -> None:
    v = _values(UNDATED)
    assert v["headline"] == ["Acme reports fiscal 2023 results and provides outlook for fiscal 2024"]
    assert v["company_name"] == ["Acme"]
    assert (v["ticker"], v["exchange"]) == (["ACMR", "ACM"], ["NYSE", "ASX"])
    assert v["contact_name"] == ["Tracey Whitehead", "James Strong", "Ernesto Duran"]
    assert v["contact_phone"] == ["+61 3 9226 9028", "+61 448 881 174", "+41 78 698 69 40"]
    assert v["contact_email"] == ["tracey.whitehead@acme.com", "jstrong@citadelmagnus.com", "ernesto.duran@acme.com"]


def test_a_subject_set_in_lower_case_before_a_capital_opens_the_first_sentence() -> None:
    text = ("NEWS RELEASE\n\neBay Inc. Reports First Quarter 2023 Results\n\n4/26/2023\n\nRevenue of $2.5 billion, up 1% on an as-reported basis\n\n"
            "GAAP and Non-GAAP EPS per diluted share of $1.05 and $1.11, respectively\n\n"
            "GAAP and Non-GAAP operating margin of 22.2% and 29.6%, respectively\n\n"
            "Returned $384 million to shareholders in Q1, including $250 million of share repurchases and\n\n"
            "paid in cash dividends\n\nGross Merchandise Volume of $18.4 billion, down 5% on an FX-Neutral\n\nbasis\n\n"
            "SAN JOSE, Calif., April 26, 2023 /PRNewswire/ -- eBay Inc. (Nasdaq: EBAY), a commerce leader, today "
            "reported results.\n")
    v = _values(text)
    assert v["dateline"] == ["SAN JOSE, Calif."] and v["release_date"] == ["2023-04-26"]
    assert v["company_name"] == ["eBay Inc."]
    assert v["headline"] == ["eBay Inc. Reports First Quarter 2023 Results"]


def test_a_switchboard_after_a_long_contact_table_is_not_a_contact() -> None:
    body = ("Press Contact:\nSteve Dowling\nAcme\n(408) 974-1896\nsd@acme.com\nInvestor Relations Contacts:\n"
            "Nancy Paxton\nAcme\n(408) 974-5420\nnp@acme.com\nJoan Hoover\nAcme\n(408) 974-4570\njh@acme.com\n"
            "NOTE TO EDITORS: For additional information visit the PR web site or call the Media Helpline at "
            "(408) 974-2042\n")
    assert _contacts(body)["contact_phone"] == ["(408) 974-1896", "(408) 974-5420", "(408) 974-4570"]


def test_a_telephone_extension_is_part_of_the_number() -> None:
    from reviewer.core.extract.contacts import PHONE

    assert PHONE.search("Investor Relations\n800-978-2737 ext. 2011\n").group(0) == "800-978-2737 ext. 2011"
    assert PHONE.search("(480) 905-2000 x 204, or").group(0) == "(480) 905-2000 x 204"
    assert PHONE.search("call 480-905-2002 extension 12").group(0) == "480-905-2002 extension 12"
    assert PHONE.search("call 480-905-2002 to learn more").group(0) == "480-905-2002"
    assert PHONE.search("480-905-2002 xylophones").group(0) == "480-905-2002"


def test_an_address_written_with_and_without_its_scheme_is_given_without() -> None:
    body = ("Investor Relations | Media Inquiries | www.acme.com\n\n"
            "For more information, visit http://www.acme.com.\n")
    assert _site(body) == ["www.acme.com"]
    assert _site("For more information, visit http://www.acme.com.\n") == ["http://www.acme.com"]


def test_the_listing_in_the_about_paragraph_after_pages_of_tables() -> None:
    tables = "Revenue\t$14.0\t$20.5\nGross margin\t39.2%\t53.6%\n\n" * 700
    text = ("Exhibit 99.1\n\nIntel Reports Fourth-Quarter Results\n\nSANTA CLARA, Calif., Jan. 26, 2023 -- "
            "Intel Corporation today reported results.\n\n" + tables
            + "About Intel\n\nIntel (Nasdaq: INTC) is an industry leader.\n")
    assert len(tables) > 20000
    found = _values(text)
    assert found["ticker"] == ["INTC"] and found["exchange"] == ["Nasdaq"]
    assert "ticker" not in _values(text.replace("About Intel", "Safe harbor"))


def test_a_press_office_is_no_contact_person() -> None:
    from reviewer.core.extract.contacts import _person

    assert not _person("Salesforce PR") and not _person("Acme IR") and not _person("Acme Press Office")
    assert _person("Evan Goldstein")


def test_a_title_wrapped_over_an_exhibit_heading_the_text_layer_set_under_it() -> None:
    text = ("-------- Page 7 --------\nAcme International, Inc. Releases Preliminary First Quarter Sales\n"
            "Results\n\nCompany Estimates First Quarter Revenue of Approximately $10 Million\n\nEXHIBIT 99.1\n\n"
            + DATELINE)
    assert _values(text)["headline"] == ["Acme International, Inc. Releases Preliminary First Quarter Sales Results"]


def test_a_sub_headline_that_opens_with_an_amount_is_not_the_titles_rest() -> None:
    text = ("FOR RELEASE ON July 26, 2006\n\nAcme International, Inc. Reports 23% Revenue Growth in Second Quarter "
            "2006\n$16.2 Million of Revenue and 13.7% Operating Margin\n\n" + DATELINE)
    assert _values(text)["headline"] == [
        "Acme International, Inc. Reports 23% Revenue Growth in Second Quarter 2006"]


def test_the_title_over_highlights_whose_bullets_stand_alone_on_their_lines() -> None:
    highlight = ("\u25aa\n\nSecond-Quarter 2023 Revenues of $12.7 Billion\n\n\u2013 Expected Decline in Revenues\n\n"
                 "\u2013\n\nSecond-Quarter 2023 Revenues from Widgets of $1.6 Billion\n\n")
    text = "-------- Page 1 --------\nAcme Reports Second-Quarter 2023 Results\n\n" + highlight * 4 + DATELINE
    assert _values(text)["headline"] == ["Acme Reports Second-Quarter 2023 Results"]


def test_contact_cards_with_no_caption_over_them() -> None:
    body = ("About Acme\nAcme makes boxes.\n\nMike Spencer \nAcme \nInvestor Relations \n415-536-6250 \n"
            "investor@acme.com \n\n \n-------- Page 4 --------\nCarolyn Guss \nAcme \nPublic Relations \n"
            "415-536-4966 \npr@acme.com \n\n###\n")
    assert _contacts(body) == {"contact_name": ["Mike Spencer", "Carolyn Guss"],
                               "contact_phone": ["415-536-6250", "415-536-4966"],
                               "contact_email": ["investor@acme.com", "pr@acme.com"]}


def test_a_standalone_release_names_its_company_as_its_headline_first_does() -> None:
    text = "-------- Page 1 --------\nAcme Reports Second-Quarter 2023 Results\n\n" + DATELINE
    assert _values(text)["company_name"] == ["Acme"]
    text = ("FOR IMMEDIATE RELEASE\n\nACME'S REPORTS SECOND QUARTER 2023 RESULTS\n\nCHICAGO, IL - Acme's Corporation "
            "today announced results.\n")
    assert _values(text)["company_name"] == ["ACME'S"]
    # no legal name in the release: the name of its About paragraph
    text = ("Acme Announces Strong First Quarter Results\n\nSAN FRANCISCO, Calif. - May 31, 2023 - Acme (NYSE: ACM) "
            "today announced results.\n\nAbout Acme\nAcme makes boxes.\n")
    assert _values(text)["company_name"] == ["Acme"]
    # a letterhead gave the full name first; a headline that does not open with the name
    assert _values("Acme Corporation\n2200 Mission Blvd.\n\nExhibit 99.1\n\nAcme Reports Results\n\n"
                   + DATELINE.replace("Acme International, Inc.", "Acme Corporation"))["company_name"] == [
        "Acme Corporation"]
    assert _values("FOR IMMEDIATE RELEASE\n\nAcme International, Inc. Reports Results\n\n" + DATELINE)[
        "company_name"] == ["Acme International, Inc."]
    assert _values("FOR IMMEDIATE RELEASE\n\nAcme's Board Reports Results\n\n" + DATELINE)["company_name"] == [
        "Acme International, Inc."]


def test_an_issuer_whose_name_joins_words_with_and() -> None:
    text = ("FOR IMMEDIATE RELEASE\n\nAcme Reaches Settlement\n\nOAKLAND, Calif.\u2014 Pacific Gas and Electric "
            "Company (PG&E) announced today that it settled.\n")
    assert _values(text)["company_name"] == ["Pacific Gas and Electric Company"]


def test_a_release_filed_with_a_form_leaves_the_company_to_the_cover() -> None:
    text = "FOR IMMEDIATE RELEASE\n\nAcme Reports Results\n\n" + DATELINE
    doc = Document(text=text, format="edgar", header={"filers": [{"company_name": ["ACME INTERNATIONAL INC"]}]})
    assert not [c for c in run_all(press_release.RULES, doc) if c.name == "company_name"]
    assert _values(text)["company_name"] == ["Acme"]


def test_a_note_to_editors_under_the_contacts_is_not_a_contact() -> None:
    body = ("Press Contact:\nSteve Dowling\nAcme\nsd@acme.com\n(408) 974-1896\nInvestor Relations Contact:\n"
            "Nancy Paxton\nAcme\nnp@acme.com\n(408) 974-5420\nNOTE TO EDITORS: For additional information visit "
            "Acme Newsroom (www.acme.com/newsroom), or email Acme's Media Helpline at media.help@acme.com.\n")
    assert _contacts(body)["contact_email"] == ["sd@acme.com", "np@acme.com"]
    body = ("For further information contact Jane Roe, Manager of Investor Relations at jane@acme.com or call "
            "800-978-2737, or Dan\nBehrendt, Chief Financial Officer of Acme International, Inc., +1-480-905-2002. "
            "Visit the company's web-site for facts\n")
    assert _contacts(body)["contact_phone"] == ["800-978-2737", "+1-480-905-2002"]


def test_a_contacts_reach_printed_on_the_next_page() -> None:
    body = ("Investor Contacts: \nKiley Rawlins, CFA \nVice President, Investor Relations \nkr@acme.com\n\n"
            "Media Contact: \nCrystal Carroll \nDirector, Public Relations \n\n \n \n \n-------- Page 10 --------\n"
            "cc@acme.com\n\nSource: Acme, Inc.\n")
    assert _contacts(body)["contact_email"] == ["kr@acme.com", "cc@acme.com"]
    body = ("About Acme\nAcme makes boxes.\n\nMike Spencer \nAcme \nInvestor Relations \n415-536-6250 \n\n"
            "Carolyn Guss \nAcme \nPublic Relations \n\n \n \n-------- Page 4 --------\n415-536-4966 \n"
            "pr@acme.com \n\n###\n")
    assert _contacts(body) == {"contact_name": ["Mike Spencer", "Carolyn Guss"],
                               "contact_phone": ["415-536-6250", "415-536-4966"], "contact_email": ["pr@acme.com"]}
    # a page's text after the break that gives no telephone or e-mail ends the contacts
    body = ("Media Contact: \nCrystal Carroll \nDirector, Public Relations \n\n \n-------- Page 10 --------\n"
            "ACME, INC.\nCall 415-536-4966\n")
    assert _contacts(body)["contact_phone"] == []


def test_an_email_the_text_layer_split_after_its_dot() -> None:
    body = "CONTACT: Sydney Siegmeth\nPR Director\nMedia ONLY Hotline: (480) 444-4000\nPress@ACME. com\n"
    assert _contacts(body)["contact_email"] == ["press@acme.com"]
    body = "CONTACT: Sydney Siegmeth\nwrite to press@acme. Company news follows.\nPress@ACME. community\n"
    assert _contacts(body)["contact_email"] == []


def test_a_titles_rest_with_a_verb_set_in_lower_case() -> None:
    text = ("Exhibit 99.1\n\nAcme Reports Strong First Quarter Results; Acme Dispatch Is Live, Record International\n"
            "Sales, Pipeline is Robust\n\n" + DATELINE)
    assert _values(text)["headline"] == [
        "Acme Reports Strong First Quarter Results; Acme Dispatch Is Live, Record International Sales, Pipeline is Robust"]


def test_the_release_date_line_over_a_long_list_of_highlights() -> None:
    bullet = "• Recorded GAAP earnings were $0.19 per diluted share for the second quarter of 2023, up.\n\n"
    text = ("Investor Relations Contact: 415.972.7080\n\nJuly 27, 2023\n\nAcme Reports Second-Quarter Results\n\n"
            + bullet * 12 + "OAKLAND \u2014 Acme Corporation (NYSE: ACM) recorded second quarter income.\n")
    assert _values(text)["release_date"] == ["2023-07-27"]


def test_a_symbol_fonts_bullets_and_a_letterhead_of_links_are_passed_over() -> None:
    # bullets set in a symbol font are private-use characters; a line of links is letterhead
    text = ("NEWS\n\nwww.twitter.com/acme www.facebook.com/acme\nAcme's Future: Evolving to Become the Most Trusted\n"
            "Maker of Boxes, Designing Smart Boxes\n\n\uf0b7 Acme initiates a fitness push, re-basing revenue and\n"
            "attacking costs\n\n\uf0b7 Capital will be allocated to regions with highest potential\n\n" + DATELINE)
    # an HTML title broken by a line break continues with its shorter title-cased rest
    assert _values(text, "html")["headline"] == [
        "Acme's Future: Evolving to Become the Most Trusted Maker of Boxes, Designing Smart Boxes"]
