"""A filing of ACME CORP (CIK 42) stored directly, for the store's memory tests."""

from __future__ import annotations

from reviewer.core.document import Document, Part
from reviewer.core.extract.candidate import Candidate
from reviewer.core.values import DocumentSummary
from reviewer.store import Repository

HEAD = "FORM 8-K\nACME CORP\nCIK 0000000042\n"  # the spans of the candidates below


def add_acme(repo: Repository, sha: str, text: str, *extra: Candidate, stamp: int = 0) -> int:
    """Store a filing whose text starts with HEAD: its CIK, form and company found, and `extra`."""
    assert text.startswith(HEAD)
    doc = Document(text, "text", [Part("body", 0, len(text))])
    cands = [Candidate("cik", "42", 22, 32, 0.95, "header.cik"),
             Candidate("form_type", "8-K", 5, 8, 0.95, "cover.form_type"),
             Candidate("company_name", "ACME CORP", 9, 18, 0.9, "cover.company_name"), *extra]
    doc_id, _ = repo.add_document(sha256=sha * 64, source_path=f"/x/{sha}.txt", raw=sha.encode(),
                                  document=doc, candidates=cands, extractor_version="t",
                                  summary=DocumentSummary(), who="ann", proposed_stamp=stamp)
    return doc_id
