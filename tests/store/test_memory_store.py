"""Company memory in the store: remembered at approval, forgotten when reopened, rebuilt; one
company is one filer, whether a filing names it by its CIK or by its registrant's name."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from reviewer.core.document import Document, Part
from reviewer.core.extract.candidate import Candidate
from reviewer.core.values import DocumentSummary, State
from reviewer.store import Repository, open_store
from reviewer.store.db import connect
from reviewer.store.migrations import migrate

TEXT = "FORM 8-K\nACME CORP\nCIK 0000000042\n1 Main St, Springfield\nJane Roe, CFO\n"


def add(repo: Repository, sha: str, address: str, date: str) -> int:
    doc = Document(TEXT, "text", [Part("body", 0, len(TEXT))])
    cands = [
        Candidate("cik", "42", 22, 32, 0.95, "header.cik"),
        Candidate("filed_date", date, 0, 4, 0.95, "header.filed_date"),
        Candidate("form_type", "8-K", 5, 8, 0.95, "cover.form_type"),
        Candidate("company_name", "ACME CORP", 9, 18, 0.9, "cover.company_name"),
        Candidate("principal_office_address", address, 33, 55, 0.8, "cover.address"),
        Candidate("signer_name", "Jane Roe", 56, 64, 0.8, "cover.signer"),
    ]
    doc_id, _ = repo.add_document(sha256=sha * 64, source_path=f"/x/{sha}.txt", raw=sha.encode(),
                                  document=doc, candidates=cands, extractor_version="t",
                                  summary=DocumentSummary(), who="ann")
    return doc_id


def test_approval_remembers_the_decided_values_of_repeating_fields(repo: Repository) -> None:
    first = add(repo, "a", "1 Main St, Springfield", "2001-01-01")
    assert not repo.memory_for("cik:42")
    signer = next(fv for fv in repo.field_values(first) if fv.field == "signer_name")
    repo.set_value(signer.id, "Jane Q. Roe", None, "ann")
    repo.mark_reviewed(first, "ann")
    memory = repo.memory_for("cik:42")
    assert set(memory.fields) == {"cik", "company_name", "principal_office_address", "signer_name"}
    remembered = memory.latest("signer_name")
    assert remembered is not None
    assert (remembered.value, remembered.document_id, remembered.filing_date,
            remembered.confirmations) == ("Jane Q. Roe", first, "2001-01-01", 1)


def test_approving_again_replaces_and_reopening_forgets(repo: Repository) -> None:
    first = add(repo, "a", "1 Main St, Springfield", "2001-01-01")
    repo.mark_reviewed(first, "ann")
    repo.mark_reviewed(first, "ann")
    assert repo.memory_for("cik:42").fields["cik"][0].confirmations == 1
    repo.set_status(first, "to_review", "ann")
    assert not repo.memory_for("cik:42")


def test_a_changed_address_is_counted_and_told_with_the_old_filing(repo: Repository) -> None:
    first = add(repo, "a", "1 Main St, Springfield", "2001-01-01")
    repo.mark_reviewed(first, "ann")
    second = add(repo, "b", "9 Elm Rd, Shelbyville", "2002-01-01")
    assert repo.count_with_changes() == 0  # the importer counts at import; nothing set yet
    found = repo.changes_for(second)
    assert [(c.field, c.value, c.was, c.filing_date) for c in found] == [
        ("principal_office_address", "9 Elm Rd, Shelbyville", "1 Main St, Springfield",
         "2001-01-01")]
    repo.mark_reviewed(second, "ann")  # approval counts against the filer's other filings
    assert repo.count_with_changes() == 1
    assert repo.queue_ids(changed=True) == [second]
    assert repo.changes_for(first) == []  # the later filing is not 'before' the first


def test_memory_never_changes_a_decided_value(repo: Repository) -> None:
    first = add(repo, "a", "1 Main St, Springfield", "2001-01-01")
    repo.mark_reviewed(first, "ann")
    second = add(repo, "b", "9 Elm Rd, Shelbyville", "2002-01-01")
    before = [(fv.value, fv.state) for fv in repo.field_values(second)]
    repo.memory_for("cik:42")
    repo.changes_for(second)
    assert [(fv.value, fv.state) for fv in repo.field_values(second)] == before
    assert all(fv.state is State.EXTRACTED for fv in repo.field_values(second))


def test_rebuilt_from_the_approved_filings_when_lost(repo: Repository) -> None:
    first = add(repo, "a", "1 Main St, Springfield", "2001-01-01")
    second = add(repo, "b", "1 Main St, Springfield", "2002-01-01")
    repo.mark_reviewed(first, "ann")
    repo.mark_reviewed(second, "ann")
    before = repo.memory_for("cik:42")
    with repo.transaction():
        repo.conn.execute("DELETE FROM memory")
    assert not repo.memory_for("cik:42")
    assert repo.rebuild_memory() == 2
    after = repo.memory_for("cik:42")
    assert after == before
    assert after.fields["principal_office_address"][0].confirmations == 2


def add_named(repo: Repository, sha: str, name: str, date: str, cik: str | None = None) -> int:
    """A filing known by its registrant's name (an HTML filing without a header), or by both."""
    text = f"FORM 8-K\n{name}\n1 Main St, Springfield\nJane Roe, CFO\n"
    doc = Document(text, "text", [Part("body", 0, len(text))])
    cands = [Candidate("filed_date", date, 0, 4, 0.95, "header.filed_date"),
             Candidate("company_name", name, 9, 9 + len(name), 0.9, "cover.company_name"),
             Candidate("signer_name", "Jane Roe", text.index("Jane"), text.index("Jane") + 8, 0.8,
                       "cover.signer")]
    if cik is not None:
        cands.append(Candidate("cik", cik, 0, 4, 0.95, "header.cik"))
    doc_id, _ = repo.add_document(sha256=sha * 64, source_path=f"/x/{sha}.txt", raw=sha.encode(),
                                  document=doc, candidates=cands, extractor_version="t",
                                  summary=DocumentSummary(), who="ann")
    return doc_id


def test_a_filing_known_by_name_finds_the_memory_kept_under_the_cik(repo: Repository) -> None:
    first = add(repo, "a", "1 Main St, Springfield", "2001-01-01")  # CIK 42 and ACME CORP
    assert repo.company_keys({"company_name": ["Acme Corp."]}) == ["name:acme"]  # not linked yet
    repo.mark_reviewed(first, "ann")
    keys = repo.company_keys({"company_name": ["Acme Corp."]})
    assert keys == ["name:acme", "cik:42"]
    assert repo.memory_for(keys).latest("signer_name").value == "Jane Roe"
    later = add_named(repo, "b", "Acme Corp.", "2002-01-01")  # no CIK: a name alone
    repo.set_value(next(fv.id for fv in repo.field_values(later) if fv.field == "signer_name"),
                   "John Doe", None, "ann")
    assert [(c.field, c.value, c.was) for c in repo.changes_for(later)] == [
        ("signer_name", "John Doe", "Jane Roe")]


def test_a_filing_with_a_cik_finds_the_memory_kept_under_its_name(repo: Repository) -> None:
    first = add_named(repo, "a", "Acme Corp", "2001-01-01")
    repo.mark_reviewed(first, "ann")
    assert repo.memory_for("name:acme").latest("signer_name") is not None
    keys = repo.company_keys({"cik": ["0000000042"], "company_name": ["ACME CORP"]})
    assert keys == ["cik:42", "name:acme"]
    assert repo.memory_for(keys).latest("signer_name").document_id == first
    second = add(repo, "b", "1 Main St, Springfield", "2002-01-01")  # CIK 42 and the name
    repo.mark_reviewed(second, "ann")  # links the two: a CIK-only view reaches the name's memory
    assert repo.company_keys({"cik": ["42"]}) == ["cik:42", "name:acme"]
    assert repo.memory_for(repo.company_keys({"cik": ["42"]})).latest(
        "signer_name").confirmations == 2


def test_a_name_two_companies_go_by_links_to_neither(repo: Repository) -> None:
    repo.mark_reviewed(add_named(repo, "a", "Acme Corp", "2001-01-01", cik="42"), "ann")
    repo.mark_reviewed(add_named(repo, "b", "ACME, Inc.", "2001-02-01", cik="77"), "ann")
    assert repo.company_keys({"company_name": ["Acme"]}) == ["name:acme"]
    assert repo.company_keys({"cik": ["42"], "company_name": ["Acme"]}) == ["cik:42", "name:acme"]
    assert repo.company_keys({"cik": ["9"], "company_name": ["Acme"]}) == ["cik:9"]


def test_the_link_goes_with_the_approval_and_is_rebuilt(repo: Repository) -> None:
    first = add(repo, "a", "1 Main St, Springfield", "2001-01-01")
    repo.mark_reviewed(first, "ann")
    repo.set_status(first, "to_review", "ann")  # reopened: no longer taught, nor linked
    assert repo.company_keys({"company_name": ["Acme Corp"]}) == ["name:acme"]
    repo.mark_reviewed(first, "ann")
    with repo.transaction():
        repo.conn.execute("DELETE FROM filer_names")
        repo.conn.execute("DELETE FROM memory")
    assert repo.company_keys({"company_name": ["Acme Corp"]}) == ["name:acme"]
    assert repo.rebuild_memory() == 1
    assert repo.company_keys({"company_name": ["Acme Corp"]}) == ["name:acme", "cik:42"]


def test_a_store_of_the_previous_schema_keeps_its_memory_as_approved(tmp_path: Path) -> None:
    """Migration 9: memory rows gain 'turned down'; the rows already there are approved values,
    and rebuilding the memory adds what the approved filings turned down."""
    path = tmp_path / "old.db"
    conn = connect(path)
    migrate(sqlite_utils.Database(conn), path, upto=8)
    conn.execute("INSERT INTO documents (id, sha256, source_path, file_name, format, size,"
                 " imported_at, extractor_version, status) VALUES (1,'a','x','x','text',1,"
                 " 'now','0.1.0','reviewed')")
    for field, value, state in (("cik", "0000000042", "confirmed"),
                                ("ticker", "ACM", "confirmed"), ("ticker", "ACMPR", "rejected")):
        conn.execute("INSERT INTO field_values (document_id, field, value, state, updated_at,"
                     " updated_by) VALUES (1,?,?,?,'now','ann')", (field, value, state))
    conn.execute("INSERT INTO memory (filer_key, field, value, document_id, updated_at)"
                 " VALUES ('cik:42', 'ticker', 'ACM', 1, 'now')")
    conn.commit()
    conn.close()
    repo = Repository(open_store(path))
    try:
        memory = repo.memory_for("cik:42")
        assert [r.value for r in memory.fields["ticker"]] == ["ACM"] and not memory.rejected
        repo.rebuild_memory()
        memory = repo.memory_for("cik:42")
        assert [r.value for r in memory.rejected["ticker"]] == ["ACMPR"]
        assert [r.value for r in memory.fields["ticker"]] == ["ACM"]
    finally:
        repo.db.conn.close()
