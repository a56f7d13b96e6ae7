"""Inline XBRL cover facts: ingest keeps them with their spans, the facts rules read them, and
the merge cross-checks the text rules with them. Small inline-XBRL covers written here."""

from __future__ import annotations

import json

from reviewer.core.document import Document
from reviewer.core.extract import extract, merge
from reviewer.core.extract.candidate import Candidate
from reviewer.core.extract.facts import cross_check, exchange_code
from reviewer.core.ingest import ingest_bytes
from reviewer.core.ingest.html import html_to_text
from reviewer.core.schema import load_schema

HEADER = """<div style="display:none"><ix:header><ix:hidden>
<ix:nonNumeric name="dei:EntityCentralIndexKey" contextRef="c1">0000320193</ix:nonNumeric>
<ix:nonNumeric name="dei:SecurityExchangeName" contextRef="c2">NYSE</ix:nonNumeric>
{hidden}</ix:hidden><ix:resources>
<xbrli:context id="c1"><xbrli:entity><xbrli:identifier>0000320193</xbrli:identifier></xbrli:entity></xbrli:context>
<xbrli:context id="c2"><xbrli:entity><xbrli:identifier>0000320193</xbrli:identifier><xbrli:segment>
<xbrldi:explicitMember dimension="us-gaap:StatementClassOfStockAxis">us-gaap:CommonStockMember</xbrldi:explicitMember>
</xbrli:segment></xbrli:entity></xbrli:context>
<xbrli:context id="c3"><xbrli:entity><xbrli:identifier>0000320193</xbrli:identifier><xbrli:segment>
<xbrldi:explicitMember dimension="dei:LegalEntityAxis">acme:SubsidiaryMember</xbrldi:explicitMember>
</xbrli:segment></xbrli:entity></xbrli:context>
</ix:resources></ix:header></div>"""


def cover(name: str = 'THE <ix:nonNumeric name="dei:EntityRegistrantName" contextRef="c1">ACME WIDGETS, INC</ix:nonNumeric>.',
          file_no: str = "001-36743", printed_file_no: str | None = None, hidden: str = "",
          extra_rows: str = "") -> str:
    """An 8-K cover in inline XBRL; `printed_file_no` prints a number the tag does not hold."""
    file_cell = (printed_file_no if printed_file_no is not None else
                 f'<ix:nonNumeric name="dei:EntityFileNumber" contextRef="c1">{file_no}</ix:nonNumeric>')
    if printed_file_no is not None:
        hidden += f'<ix:nonNumeric name="dei:EntityFileNumber" contextRef="c1">{file_no}</ix:nonNumeric>'
    return f"""<html><body>{HEADER.format(hidden=hidden)}
<p>UNITED STATES SECURITIES AND EXCHANGE COMMISSION</p>
<p>FORM <ix:nonNumeric name="dei:DocumentType" contextRef="c1">8-K</ix:nonNumeric></p>
<p>CURRENT REPORT</p>
<p>Date of Report (Date of earliest event reported): <ix:nonNumeric name="dei:DocumentPeriodEndDate"
 contextRef="c1" format="ixt:date-monthname-day-year-en">May&#160;1,  2025</ix:nonNumeric></p>
<p>{name}</p>
<p>(Exact name of registrant as specified in its charter)</p>
<table><tr><td>Delaware</td><td>{file_cell}</td><td>94-2404110</td></tr>
<tr><td>(State of incorporation)</td><td>(Commission File Number)</td><td>(IRS Employer Identification No.)</td></tr></table>
<table><tr><td><ix:nonNumeric name="dei:EntityAddressAddressLine1" contextRef="c1">One Widget Way</ix:nonNumeric>,
<ix:nonNumeric name="dei:EntityAddressCityOrTown" contextRef="c1">Springfield</ix:nonNumeric>,
<ix:nonNumeric name="dei:EntityAddressStateOrProvince" contextRef="c1">Illinois</ix:nonNumeric></td>
<td><ix:nonNumeric name="dei:EntityAddressPostalZipCode" contextRef="c1">62701</ix:nonNumeric></td></tr>
<tr><td>(Address of principal executive offices)</td><td>(Zip Code)</td></tr></table>
<p>Securities registered pursuant to Section 12(b) of the Act:</p>
<table><tr><td>Title of each class</td><td>Trading Symbol(s)</td><td>Name of each exchange on which registered</td></tr>
<tr><td>Common Stock</td><td><ix:nonNumeric name="dei:TradingSymbol" contextRef="c2">ACME</ix:nonNumeric></td>
<td>New York Stock Exchange</td></tr>{extra_rows}</table>
<p>Indicate by check mark whether the registrant is an emerging growth company.</p>
</body></html>"""


def _doc(markup: str) -> Document:
    return ingest_bytes(markup.encode("utf-8"))


def _fields(doc: Document) -> dict[str, list[Candidate]]:
    out: dict[str, list[Candidate]] = {}
    for c in extract(doc, load_schema()):
        out.setdefault(c.name, []).append(c)
    return out


def test_ingest_keeps_the_facts_with_their_spans_and_the_text_unchanged() -> None:
    markup = cover()
    doc = _doc(markup)
    assert doc.text == html_to_text(markup)  # reading the facts changes no character of the text
    facts = {f.name: f for f in doc.facts}
    for name, text in [("dei:EntityRegistrantName", "ACME WIDGETS, INC"), ("dei:EntityFileNumber", "001-36743"),
                       ("dei:DocumentPeriodEndDate", "May 1, 2025"), ("dei:TradingSymbol", "ACME"),
                       ("dei:EntityAddressPostalZipCode", "62701")]:
        fact = facts[name]
        assert fact.text == text
        assert " ".join(doc.text[fact.start : fact.end].split()) == text
    cik = facts["dei:EntityCentralIndexKey"]  # in the hidden header: its value, no span
    assert (cik.text, cik.start, cik.end, cik.dims) == ("0000320193", -1, -1, [])
    assert facts["dei:TradingSymbol"].dims == ["us-gaap:StatementClassOfStockAxis=us-gaap:CommonStockMember"]


def test_the_facts_are_stored_with_the_source_map() -> None:
    doc = _doc(cover())
    stored = json.loads(json.dumps(doc.source_map()))
    again = Document.from_stored(doc.text, doc.format, stored)
    assert again.facts == doc.facts and again.facts
    assert "facts" not in Document(text="x\n", format="text").source_map()  # none, nothing stored


def test_a_submissions_facts_point_into_the_whole_text() -> None:
    body = cover()
    sub = ("<SEC-DOCUMENT>\n<SEC-HEADER>\nACCESSION NUMBER:\t\t0000320193-25-000001\n"
           "CONFORMED SUBMISSION TYPE:\t8-K\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n"
           f"<FILENAME>acme-8k.htm\n<TEXT>\n<XBRL>\n{body}\n</XBRL>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n")
    doc = _doc(sub)
    assert doc.format == "edgar"
    fact = next(f for f in doc.facts if f.name == "dei:EntityFileNumber")
    assert doc.text[fact.start : fact.end] == "001-36743" and fact.start > doc.parts[1].start


def test_the_facts_give_the_cover_fields() -> None:
    fields = _fields(_doc(cover()))
    values = {name: [c.value for c in cs] for name, cs in fields.items()}
    # the tag holds EDGAR's name inside the printed one: the value is the printed line
    assert values["company_name"] == ["THE ACME WIDGETS, INC."]
    assert values["commission_file_number"] == ["001-36743"]
    assert values["period_of_report"] == ["2025-05-01"]
    assert values["form_type"] == ["8-K"]
    assert values["ticker"] == ["ACME"]
    # the hidden code NYSE, printed in its symbol's row as the cover writes it
    assert values["exchange"] == ["New York Stock Exchange"]


def test_agreement_raises_the_text_rules_confidence() -> None:
    fields = _fields(_doc(cover()))
    number = fields["commission_file_number"]
    assert len(number) == 1 and number[0].rule.startswith("cover.") and number[0].rule.endswith("+facts")
    assert number[0].confidence > 0.97  # above the cover rule's own and the fact's
    assert fields["principal_office_address"][0].rule.endswith("+facts")


def test_disagreement_keeps_both_values_for_the_analyst() -> None:
    doc = _doc(cover(file_no="001-99999", printed_file_no="001-36743"))  # the tag hidden, differing
    fields = _fields(doc)["commission_file_number"]
    # a hidden file number proposes nothing of its own (it is not on the page) ...
    assert [c.value for c in fields] == ["001-36743"]
    # ... a shown one that differs from the text rule's reading: both kept, the text's lowered
    candidates = [Candidate("commission_file_number", "001-36743", 10, 19, 0.92, "cover.file_number"),
                  Candidate("commission_file_number", "001-99999", 40, 49, 0.97, "facts.file_number")]
    number = merge(candidates, load_schema())
    assert [(c.value, c.confidence, c.rule) for c in number] == [
        ("001-36743", 0.55, "cover.file_number/disputed"), ("001-99999", 0.97, "facts.file_number")]
    assert merge(number, load_schema()) == number  # merging again changes nothing


def test_a_text_value_that_lost_anyway_is_not_raised_to_the_analyst() -> None:
    candidates = [Candidate("company_name", "Acme Widgets, Inc.", 10, 28, 0.92, "cover.registrant"),
                  Candidate("company_name", "The Company", 90, 101, 0.7, "press_release.issuer"),
                  Candidate("company_name", "ACME WIDGETS, INC", 10, 27, 0.97, "facts.registrant_name")]
    merged = merge(candidates, load_schema())
    assert [(c.value, c.rule) for c in merged] == [("Acme Widgets, Inc.", "cover.registrant+facts")]


def test_exchanges_agree_by_the_market_they_name() -> None:
    assert exchange_code("The Nasdaq Stock Market LLC") == exchange_code("NASDAQ") == "NASDAQ"
    assert exchange_code("NYSE American LLC") == "NYSEAMER" != exchange_code("New York Stock Exchange")
    checked = cross_check([Candidate("exchange", "NYSE", 500, 504, 0.85, "press_release.exchange"),
                           Candidate("exchange", "Nasdaq", 600, 606, 0.85, "press_release.exchange"),
                           Candidate("exchange", "New York Stock Exchange", 90, 113, 0.97, "facts.exchange_name")])
    by_value = {c.value: c for c in checked}
    assert by_value["NYSE"].rule.endswith("+facts")  # the same market, written as the release does
    assert by_value["New York Stock Exchange"].rule == "facts.exchange_name"  # kept beside it
    assert by_value["Nasdaq"].confidence < 0.6  # another market than the one tagged


def test_a_tagged_exchange_takes_the_cells_printed_name() -> None:
    markup = cover().replace(
        "<td>New York Stock Exchange</td>",
        '<td>The <ix:nonNumeric name="dei:SecurityExchangeName" contextRef="c2">Nasdaq</ix:nonNumeric>'
        " Stock Market LLC</td>").replace(
        '<ix:nonNumeric name="dei:SecurityExchangeName" contextRef="c2">NYSE</ix:nonNumeric>', "")
    assert [c.value for c in _fields(_doc(markup))["exchange"]] == ["The Nasdaq Stock Market LLC"]


def test_another_registrants_symbol_is_not_the_filers() -> None:
    row = ('<tr><td>Subsidiary notes</td><td><ix:nonNumeric name="dei:TradingSymbol" contextRef="c3">'
           "ACSU</ix:nonNumeric></td><td>New York Stock Exchange</td></tr>"
           '<tr><td>Warrants</td><td><ix:nonNumeric name="dei:TradingSymbol" contextRef="c2">&#8212;'
           "</ix:nonNumeric></td><td>None</td></tr>")
    tickers = _fields(_doc(cover(extra_rows=row)))["ticker"]
    by_value = {c.value: c for c in tickers}
    assert by_value["ACME"].confidence > 0.97
    assert "\u2014" not in by_value  # a dash tagged in a row with no symbol is none
    # the text rule reads it from the table; the facts say it is another registrant's
    assert by_value["ACSU"].confidence < 0.6 and by_value["ACSU"].rule.endswith("/disputed")


def test_the_hidden_cik_gives_a_standalone_filing_its_cik_when_asked(monkeypatch) -> None:
    from reviewer.core.extract import facts

    assert "cik" not in _fields(_doc(cover()))  # off: the gold labels leave hidden CIKs out
    monkeypatch.setattr(facts, "HIDDEN_CIK_WITHOUT_HEADER", True)
    cik = _fields(_doc(cover()))["cik"]
    assert [(c.value, c.rule) for c in cik] == [("320193", "facts.cik")] and cik[0].confidence >= 0.9


def test_the_hidden_cik_checks_the_headers() -> None:
    sub = ("<SEC-DOCUMENT>\n<SEC-HEADER>\nACCESSION NUMBER:\t\t0000320193-25-000001\n"
           "CONFORMED SUBMISSION TYPE:\t8-K\nFILER:\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\t\tACME\n"
           "\t\tCENTRAL INDEX KEY:\t\t\t0000320193\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n"
           f"<FILENAME>acme-8k.htm\n<TEXT>\n{cover()}\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n")
    cik = _fields(_doc(sub))["cik"]
    assert [(c.value, c.rule) for c in cik] == [("320193", "header.cik+facts")] and cik[0].confidence > 0.98
