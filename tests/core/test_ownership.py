"""An ownership report is filed by one about another: its CIK is the filer's, its company and
symbol the issuer's."""

from __future__ import annotations

from reviewer.core.extract import extract
from reviewer.core.ingest import ingest_bytes

FORM_4 = """<SEC-DOCUMENT>0000707549-25-000004.txt : 20250121
<SEC-HEADER>0000707549-25-000004.hdr.sgml : 20250121
ACCESSION NUMBER:\t\t0000707549-25-000004
CONFORMED SUBMISSION TYPE:\t4
PUBLIC DOCUMENT COUNT:\t\t1
FILED AS OF DATE:\t\t20250121

REPORTING-OWNER:\t

\tOWNER DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\tRoe Jane
\t\tCENTRAL INDEX KEY:\t\t\t0001779037

\tFILING VALUES:
\t\tFORM TYPE:\t\t4
\t\tSEC FILE NUMBER:\t000-12933

ISSUER:\t\t

\tCOMPANY DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\tLAM RESEARCH CORP
\t\tCENTRAL INDEX KEY:\t\t\t0000707549
</SEC-HEADER>
<DOCUMENT>
<TYPE>4
<SEQUENCE>1
<TEXT>
<XML>
<ownershipDocument>
    <issuer>
        <issuerCik>0000707549</issuerCik>
        <issuerName>LAM RESEARCH CORP</issuerName>
        <issuerTradingSymbol>LRCX</issuerTradingSymbol>
    </issuer>
</ownershipDocument>
</XML>
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""


def _fields(data: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for c in extract(ingest_bytes(data.encode())):
        out.setdefault(c.name, []).append(c.value)
    return out


def test_a_form_4_is_the_owners_filing_about_the_issuer() -> None:
    f = _fields(FORM_4)
    assert f["cik"] == ["1779037"] and f["company_name"] == ["LAM RESEARCH CORP"]
    assert f["ticker"] == ["LRCX"] and f["commission_file_number"] == ["000-12933"]


def test_a_filing_of_its_own_names_its_filer() -> None:
    own = FORM_4.replace("REPORTING-OWNER:", "FILER:").replace("\nISSUER:\t\t", "\nOTHER:\t\t")
    own = own.replace("CONFORMED SUBMISSION TYPE:\t4", "CONFORMED SUBMISSION TYPE:\t8-K")
    f = _fields(own)
    assert f["cik"] == ["1779037"] and f["company_name"] == ["Roe Jane"]
    assert "ticker" not in f  # an 8-K's XML is not an ownership report


FORM_4_2000 = """<SEC-DOCUMENT>0001094891-00-000193.txt : 20000314
<SEC-HEADER>0001094891-00-000193.hdr.sgml : 20000314
ACCESSION NUMBER:\t\t0001094891-00-000193
CONFORMED SUBMISSION TYPE:\t4
PUBLIC DOCUMENT COUNT:\t\t1
CONFORMED PERIOD OF REPORT:\t20000229
FILED AS OF DATE:\t\t20000314

SUBJECT COMPANY:

\tCOMPANY DATA:
\t\tCOMPANY CONFORMED NAME:\t\t\tACME TOOLS CORP /
\t\tCENTRAL INDEX KEY:\t\t\t0000911787

\tFILING VALUES:
\t\tFORM TYPE:\t\t4
\t\tSEC FILE NUMBER:\t000-24212
<REPORTING-OWNER>

COMPANY DATA:
\tCOMPANY CONFORMED NAME:\t\t\tROE JANE
\tCENTRAL INDEX KEY:\t\t\t0001050609
<RELATIONSHIP>DIRECTOR

FILING VALUES:
\tFORM TYPE:\t\t4
</REPORTING-OWNER>
</SEC-HEADER>
<DOCUMENT>
<TYPE>4
<SEQUENCE>1
<TEXT>
FORM 4
STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP
1. Name and Address of Reporting Person
   Roe, Jane
2. Issuer Name and Ticker or Trading Symbol
   Acme Tools Corp.
   ACME
3. IRS or Social Security Number of Reporting Person (Voluntary)
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""


def _best(data: str) -> dict[str, list[str]]:
    """Each field's most confident value (the others stay candidates)."""
    best: dict[str, tuple[float, str]] = {}
    for c in extract(ingest_bytes(data.encode())):
        if c.name not in best or c.confidence > best[c.name][0]:
            best[c.name] = (c.confidence, c.value)
    return {name: [value] for name, (_, value) in best.items()}


def test_an_older_header_tags_its_reporting_owner_and_the_form_names_the_issuer() -> None:
    f = _best(FORM_4_2000)
    assert f["cik"] == ["1050609"] and f["company_name"] == ["Acme Tools Corp."]


SC_13G = """<SUBMISSION>
<ACCESSION-NUMBER>0001076809-24-000144
<TYPE>SC 13G
<PUBLIC-DOCUMENT-COUNT>1
<FILING-DATE>20241213
<SUBJECT-COMPANY>
<COMPANY-DATA>
<CONFORMED-NAME>Acme Bio, Inc.
<CIK>0000704562
</COMPANY-DATA>
<FILING-VALUES>
<FORM-TYPE>SC 13G
<FILE-NUMBER>005-37393
</FILING-VALUES>
</SUBJECT-COMPANY>
<FILED-BY>
<COMPANY-DATA>
<CONFORMED-NAME>ROE CAPITAL, LLC
<CIK>0001076809
</COMPANY-DATA>
<FILING-VALUES>
<FORM-TYPE>SC 13G
</FILING-VALUES>
</FILED-BY>
<DOCUMENT>
<TYPE>SC 13G
<SEQUENCE>1
<TEXT>
SCHEDULE 13G
Under the Securities Exchange Act of 1934
ACME BIO, INC.
(Name of Issuer)
05368M106
(CUSIP Number)
December 9, 2024
(Date of Event Which Requires Filing of this Statement)

Item 1(a).\tNAME OF ISSUER:
The name of the issuer is ACME BIO, INC. (the "Company").
Item 1(b).\tADDRESS OF ISSUER'S PRINCIPAL EXECUTIVE OFFICES:
The Company's principal executive offices are located at 14191 Main Road, Tustin, California, 92780.

Item 2(a).\tNAME OF PERSON FILING:
Roe Capital, LLC

SIGNATURE
/s/ Jane Roe

EXHIBIT I

JOINT FILING AGREEMENT
</TEXT>
</DOCUMENT>
</SUBMISSION>
"""


def test_a_schedules_event_date_issuer_address_and_lettered_exhibit() -> None:
    f = _fields(SC_13G)
    assert f["cik"] == ["1076809"] and f["period_of_report"] == ["2024-12-09"]
    assert f["principal_office_address"] == ["14191 Main Road, Tustin, California, 92780"]
    assert f["exhibit"] == ["I"]
    lines = SC_13G.replace("The Company's principal executive offices are located at 14191 Main Road, Tustin, "
                           "California, 92780.", "\n-----\n1818 Market Street\nPhiladelphia, Pennsylvania 19103")
    assert _fields(lines)["principal_office_address"] == ["1818 Market Street, Philadelphia, Pennsylvania 19103"]
    assert "principal_office_address" not in _fields(SC_13G.replace("are located at 14191", "are at the"))
    # a lettered heading in a filing that is not a schedule is an attachment of some document
    assert "exhibit" not in _fields(SC_13G.replace("SC 13G\n", "8-K\n"))


def test_an_xml_schedule_gives_its_event_date_and_the_issuers_address() -> None:
    xml = SC_13G.replace(SC_13G[SC_13G.index("SCHEDULE 13G") : SC_13G.index("</TEXT>")], (
        "<XML>\n<edgarSubmission>\n<formData>\n<coverPageHeader>\n"
        "<eventDateRequiresFilingThisStatement>01/15/2025</eventDateRequiresFilingThisStatement>\n"
        "</coverPageHeader>\n<items>\n<item1>\n<issuerName>ACME BIO, INC.</issuerName>\n"
        "<issuerPrincipalExecutiveOfficeAddress>5214 S. 136TH STREET, OMAHA, NEBRASKA, 68137"
        "</issuerPrincipalExecutiveOfficeAddress>\n</item1>\n</items>\n</formData>\n</edgarSubmission>\n</XML>\n"))
    f = _fields(xml)
    assert f["period_of_report"] == ["2025-01-15"]
    assert f["principal_office_address"] == ["5214 S. 136TH STREET, OMAHA, NEBRASKA, 68137"]


def test_a_schedules_cover_spells_the_issuers_name_over_its_caption() -> None:
    # the header's conformed name is EDGAR's spelling; the cover's is the company's own
    assert _best(SC_13G)["company_name"] == ["ACME BIO, INC."]
    tender = SC_13G.replace("(Name of Issuer)", "(Name of Subject Company (Issuer))")
    assert _best(tender)["company_name"] == ["ACME BIO, INC."]
    assert _best(SC_13G.replace("(Name of Issuer)", "(Title of Class of Securities)"))["company_name"] == ["Acme Bio, Inc."]
