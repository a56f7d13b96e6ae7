"""EDGAR submissions: header fields with exact offsets, every document, binaries listed."""

from __future__ import annotations

from reviewer.core.ingest import ingest_bytes

CLASSIC = """-----BEGIN PRIVACY-ENHANCED MESSAGE-----
Proc-Type: 2001,MIC-CLEAR
Originator-Name: webmaster@www.sec.gov
MIC-Info: RSA-MD5,RSA,
 AAAA

<SEC-DOCUMENT>0000950103-02-003456.txt : 20021129
<SEC-HEADER>0000950103-02-003456.hdr.sgml : 20021129
ACCESSION NUMBER:\t\t0000950103-02-003456
CONFORMED SUBMISSION TYPE:\t8-K
PUBLIC DOCUMENT COUNT:\t\t3
CONFORMED PERIOD OF REPORT:\t20021127
ITEM INFORMATION:\t\tOther events
ITEM INFORMATION:\t\tFinancial statements and exhibits
FILED AS OF DATE:\t\t20021129

FILER:

\tCOMPANY DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\tEXAMPLE CORP
\t\tCENTRAL INDEX KEY:\t\t\t0001112222
\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\tSERVICES [7370]

\tFILING VALUES:
\t\tFORM TYPE:\t\t8-K
\t\tSEC FILE NUMBER:\t000-30344

\tBUSINESS ADDRESS:\t
\t\tSTREET 1:\t\t1 MAIN ST
\t\tCITY:\t\t\tSPRINGFIELD
</SEC-HEADER>
<DOCUMENT>
<TYPE>8-K
<SEQUENCE>1
<FILENAME>d8k.txt
<DESCRIPTION>FORM 8-K
<TEXT>
                    FORM 8-K
Item 5. Other Events.
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>EX-99.1
<SEQUENCE>2
<FILENAME>dex991.htm
<TEXT>
<HTML><BODY><P>Example Corp Announces Results</P><TABLE><TR><TD>A</TD><TD>B</TD></TR></TABLE></BODY></HTML>
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>GRAPHIC
<SEQUENCE>3
<FILENAME>logo.jpg
<TEXT>
begin 644 logo.jpg
M_]C_X  02D9)1@ ! 0$ 8 !@  #_VP!#  @&!@<&!0@'!P<)\"0@*#!0-# L+
end
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
-----END PRIVACY-ENHANCED MESSAGE-----
"""

NC = (
    "<SUBMISSION>\n<ACCESSION-NUMBER>0001493152-25-001317<TYPE>8-K<PUBLIC-DOCUMENT-COUNT>2"
    "<PERIOD>20250106<ITEMS>5.02<ITEMS>9.01<FILING-DATE>20250108<FILER><COMPANY-DATA>"
    "<CONFORMED-NAME>ACORN ENERGY, INC.<CIK>0000880984</COMPANY-DATA><FILING-VALUES>"
    "<FORM-TYPE>8-K<FILE-NUMBER>001-33886</FILING-VALUES></FILER><DOCUMENT><TYPE>8-K"
    "<SEQUENCE>1<FILENAME>form8-k.htm<TEXT><XBRL><?xml version='1.0' encoding='ASCII'?>"
    "<html><body><p>FORM 8-K</p><p>Item 5.02 Departure of Directors</p></body></html></XBRL>"
    "</TEXT></DOCUMENT><DOCUMENT><TYPE>EX-101.SCH<SEQUENCE>2<FILENAME>x.xsd<TEXT><XBRL>"
    "<?xml version='1.0'?><schema/></XBRL></TEXT></DOCUMENT></SUBMISSION>"
)


def _value(doc, triple) -> str:
    value, start, end = triple
    assert doc.text[start:end] == value
    return value


def test_classic_header_values_point_at_their_text() -> None:
    doc = ingest_bytes(CLASSIC.encode())
    assert doc.format == "edgar"
    h = doc.header
    assert _value(doc, h["accession_number"]) == "0000950103-02-003456"
    assert _value(doc, h["form_type"]) == "8-K"
    assert _value(doc, h["period"]) == "20021127"
    assert _value(doc, h["filed_date"]) == "20021129"
    assert [_value(doc, t) for t in h["item_information"]] == [
        "Other events", "Financial statements and exhibits"]
    filer = h["filers"][0]
    assert filer["role"] == "FILER"
    assert _value(doc, filer["company_name"]) == "EXAMPLE CORP"
    assert _value(doc, filer["cik"]) == "0001112222"
    assert _value(doc, filer["file_number"]) == "000-30344"
    assert _value(doc, filer["business_address"]["city"]) == "SPRINGFIELD"
    assert "PRIVACY-ENHANCED" not in doc.text  # the wrapper is not shown


def test_every_document_is_a_part_with_its_metadata() -> None:
    doc = ingest_bytes(CLASSIC.encode())
    docs = doc.documents()
    assert [(p.type, p.sequence, p.filename) for p in docs] == [
        ("8-K", "1", "d8k.txt"), ("EX-99.1", "2", "dex991.htm"), ("GRAPHIC", "3", "logo.jpg")]
    assert [p.format for p in docs] == ["text", "html", "binary"]
    ex99 = doc.text[docs[1].start : docs[1].end]
    assert "Example Corp Announces Results\n\nA\tB\n" in ex99
    assert doc.part_at(doc.text.index("Announces")) is docs[1]


def test_uuencoded_binaries_are_listed_not_shown() -> None:
    doc = ingest_bytes(CLASSIC.encode())
    graphic = doc.documents()[2]
    assert not graphic.shown
    shown = doc.text[graphic.start : graphic.end]
    assert "logo.jpg" in shown and "not shown" in shown
    assert "M_]C_X" not in doc.text


def test_nc_tag_header_is_laid_out_and_parsed() -> None:
    doc = ingest_bytes(NC.encode())
    h = doc.header
    assert _value(doc, h["accession_number"]) == "0001493152-25-001317"
    assert [_value(doc, t) for t in h["items"]] == ["5.02", "9.01"]
    assert _value(doc, h["filers"][0]["company_name"]) == "ACORN ENERGY, INC."
    assert "ACCESSION-NUMBER:\t0001493152-25-001317\n" in doc.text
    form, schema = doc.documents()
    assert form.format == "html" and "Item 5.02 Departure of Directors" in doc.text
    assert not schema.shown and "<schema/>" not in doc.text


def test_a_document_cut_off_is_kept_with_a_notice() -> None:
    cut = CLASSIC[: CLASSIC.index("<DOCUMENT>\n<TYPE>GRAPHIC")] + "<DOCUMENT>\n<TYPE>EX-99.2\n<TEXT>\nPartial text"
    doc = ingest_bytes(cut.encode())
    assert doc.documents()[-1].type == "EX-99.2"
    assert "Partial text" in doc.text
    assert any("cut off" in n for n in doc.notices)


def test_header_only_submission_is_kept_with_a_notice() -> None:
    header_only = CLASSIC[: CLASSIC.index("<DOCUMENT>")]
    doc = ingest_bytes(header_only.encode())
    assert doc.documents() == []
    assert any("header only" in n for n in doc.notices)
    assert doc.header["accession_number"][0] == "0000950103-02-003456"


def test_a_single_document_cut_from_a_submission() -> None:
    data = (b"<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>ex991.htm\n<DESCRIPTION>EX-99.1\n<TEXT>\n"
            b"<html><body><p>Exhibit 99.1</p><p>ACME REPORTS RESULTS</p></body></html>\n</TEXT>\n</DOCUMENT>\n")
    doc = ingest_bytes(data)
    assert doc.format == "edgar"
    assert [p.kind for p in doc.parts] == ["document"]
    assert doc.parts[0].type == "EX-99.1" and doc.parts[0].filename == "ex991.htm"
    assert "ACME REPORTS RESULTS" in doc.text and "<TYPE>" not in doc.text


def test_document_tags_in_any_case_and_stray_closing_tags() -> None:
    lower = CLASSIC.replace("<DOCUMENT>", "<document>").replace("</DOCUMENT>", "</Document>")
    stray = lower.replace("<document>\n<TYPE>EX-99.1", "</DOCUMENT>\n<document>\n<TYPE>EX-99.1")
    for text in (lower, stray):
        doc = ingest_bytes(text.encode())
        assert [p.type for p in doc.documents()] == ["8-K", "EX-99.1", "GRAPHIC"]
        assert not doc.notices
        ex99 = doc.documents()[1]
        assert doc.text[ex99.start : ex99.end].count("Announces Results") == 1
