"""Filings of one filer (an EDGAR submission each), for the memory tests and screenshots."""

from __future__ import annotations

from pathlib import Path

SUBMISSION = """<SEC-DOCUMENT>0001234567-05-00000{n}.txt : {date}
<SEC-HEADER>0001234567-05-00000{n}.hdr.sgml : {date}
ACCESSION NUMBER:\t\t0001234567-05-00000{n}
CONFORMED SUBMISSION TYPE:\t8-K
PUBLIC DOCUMENT COUNT:\t\t1
CONFORMED PERIOD OF REPORT:\t{date}
FILED AS OF DATE:\t\t{date}

FILER:

\tCOMPANY DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\tACME WIDGETS INC
\t\tCENTRAL INDEX KEY:\t\t\t0001234567

</SEC-HEADER>
<DOCUMENT>
<TYPE>8-K
<SEQUENCE>1
<TEXT>
                                  FORM 8-K
                               CURRENT REPORT

                              ACME WIDGETS INC
           (Exact name of registrant as specified in its charter)

           {address}, Springfield, IL                  {zip}
           (Address of principal executive offices)      (Zip Code)

Item 8.01 Other Events.

ACME Widgets opened a plant.

Investor contact:
Jane Roe
{extra}</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""


def write(folder: Path, n: int, date: str, address: str, zip_code: str, extra: str = "") -> Path:
    """Filing `n` of ACME Widgets (CIK 1234567); `extra`: lines added at the end of its text."""
    path = folder / f"acme-{n}.txt"
    path.write_text(SUBMISSION.format(n=n, date=date, address=address, zip=zip_code, extra=extra))
    return path


# An 8-K cover with no SEC header (the filer is its registrant's name), a contact under a caption.
COVER_8K = """UNITED STATES
SECURITIES AND EXCHANGE COMMISSION
Washington, D.C. 20549

FORM 8-K

CURRENT REPORT

Date of Report (Date of earliest event reported): {date}

ACME WIDGETS, INC.
(Exact name of registrant as specified in its charter)

100 Main Street, Springfield, Illinois 62701
(Address of principal executive offices)

Item 8.01 Other Events.

The company held a meeting. Questions may go to our office.

Press office
{contact}
+1 217 555 0100
"""
