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
