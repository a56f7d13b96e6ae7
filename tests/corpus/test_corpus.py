"""The real corpus: every filing imports (but the known few), once, and comes back out as CSV."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import golden
import pytest

from reviewer.core.export import safe_cell, write_csv
from reviewer.core.extract import EXTRACTOR_VERSION
from reviewer.core.extract.normalize import normalize, parse_date
from reviewer.core.schema import load_schema
from reviewer.pipeline.importer import import_paths
from reviewer.store import Repository, open_store

pytestmark = pytest.mark.corpus

# Files that cannot be imported, and why. Each is a real defect of the file, not of the reader.
EXPECTED_FAILURES = {
    "raw/pdf/financebench_INTEL_2023_8K_dated-2023-08-16.pdf":
        "truncated PDF: the file ends before its %%EOF marker",
}
# Values derived rather than read: their evidence is the sentence, not the value's own text.
DERIVED = {"event_type", "split_ratio", "cik", "signer_name", "item"}


@pytest.fixture(scope="module")
def imported(corpus: Path, tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "corpus.db"
    repo = Repository(open_store(path))
    report = import_paths(repo, [corpus / "raw", corpus / "seeds"], "tester", workers=2)
    yield repo, report, path
    repo.db.conn.close()


def test_every_file_imports_but_the_known_failures(imported, corpus: Path) -> None:
    repo, report, _ = imported
    files = [p for p in (corpus / "raw").rglob("*") if p.is_file()]
    files += [p for p in (corpus / "seeds").iterdir() if p.is_file()]
    failed = {str(Path(f.path).relative_to(corpus)): f.reason for f in report.failures}
    assert failed == EXPECTED_FAILURES
    assert report.files == len(files)
    assert len(report.imported) == len(files) - len(EXPECTED_FAILURES)
    assert repo.db["documents"].count == len(report.imported)


def test_no_extraction_rule_fails_on_any_filing(imported) -> None:
    repo, _, _ = imported
    failed = [(row[0], n) for row in repo.conn.execute("SELECT id, notices FROM documents")
              for n in __import__("json").loads(row[1]) if "extraction rule" in n]
    assert failed == []


def test_importing_again_adds_nothing(imported, corpus: Path) -> None:
    repo, first, _ = imported
    counts = {t: repo.db[t].count for t in ("documents", "field_values", "history")}
    again = import_paths(repo, [corpus / "raw", corpus / "seeds"], "tester", workers=1)
    assert again.imported == []
    assert len(again.existing) == len(first.imported)
    assert {t: repo.db[t].count for t in counts} == counts


def test_every_stored_value_points_at_its_evidence(imported) -> None:
    repo, _, _ = imported
    schema = load_schema()
    checked = 0
    for doc_id in repo.document_ids():
        text = repo.load_document(doc_id).text
        for fv in repo.field_values(doc_id):
            assert 0 <= fv.span_start < fv.span_end <= len(text), (doc_id, fv.field)
            if fv.field in DERIVED:
                continue
            evidence = text[fv.span_start : fv.span_end]
            if fv.field == "exhibit" and normalize(evidence, "code") != fv.value:
                # an index's number joined from its cells: "3)\t(a)" is 3(a), "b)" below it 3(b),
                # "10.A.15-" wrapped over "1" is 10.A.15-1; the evidence ends the number
                plain = re.sub(r"\W", "", evidence).casefold()
                assert plain and re.sub(r"\W", "", fv.value).casefold().endswith(plain), (doc_id, evidence)
                checked += 1
                continue
            if fv.field == "form_type" and fv.value.endswith("/A") and normalize(evidence, "code") != fv.value:
                # "AMENDMENT NO. 2 TO FORM S-3" is an S-3/A
                assert re.match(r"amendment\b", evidence, re.I) and evidence.upper().endswith(fv.value[:-2])
                checked += 1
                continue
            if schema[fv.field].type == "text":  # may be joined from lines and cells of its span
                words = set(re.findall(r"\w+", evidence.casefold()))
                assert set(re.findall(r"\w+", fv.value.casefold())) <= words, (doc_id, fv.field)
            else:
                read = normalize(evidence, schema[fv.field].type) or ""
                month_of_date = schema[fv.field].type == "date_or_month" and read[:7] == fv.value
                year_inferred = schema[fv.field].type == "date" and parse_date(
                    f"{evidence}, {fv.value[:4]}") == fv.value  # "July 22" in a 2004 release
                assert read == fv.value or month_of_date or year_inferred, (doc_id, fv.field, read)
            checked += 1
    assert checked > 400


def test_export_round_trip_one_row_per_filing(imported) -> None:
    repo, report, _ = imported
    schema = load_schema()
    out = io.StringIO()
    n = write_csv(out, schema, repo.export_rows(include_unreviewed=True))
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert n == len(rows) == len(report.imported)
    by_id = {int(r["id"]): r for r in rows}
    for doc_id in repo.document_ids()[:40]:
        values: dict[str, list[str]] = {}
        for fv in repo.field_values(doc_id):
            values.setdefault(fv.field, []).append(fv.value)
        for name, vals in values.items():
            assert by_id[doc_id][name] == safe_cell("; ".join(dict.fromkeys(vals)))


def test_stored_text_is_the_text_extract_shows(imported, corpus: Path) -> None:
    from reviewer.core.ingest import ingest_bytes

    repo, _, _ = imported
    for doc_id in repo.document_ids()[::25]:
        assert repo.load_document(doc_id).text == ingest_bytes(repo.raw_bytes(doc_id)).text


def test_a_pdf_reads_the_same_whatever_was_read_before(corpus: Path) -> None:
    """pdfminer breaks ties in reading order by memory address; ours by the page's own order."""
    from reviewer.core.ingest import ingest_bytes

    raw = {p.name: p for p in (corpus / "raw").rglob("*.pdf")}
    target = raw["taser-axon_8-K_2012-04-26.pdf"].read_bytes()
    first = ingest_bytes(target).text
    ingest_bytes(raw["financebench_COSTCO_2023Q1_EARNINGS.pdf"].read_bytes())
    assert ingest_bytes(target).text == first


def test_corpus_extraction_changes_only_with_a_new_extractor_version(imported) -> None:
    """Every corpus filing as imported (text, values, spans, confidences, rules) against the
    digests recorded with EXTRACTOR_VERSION: a change of output needs a new version."""
    repo, _, _ = imported
    recorded = json.loads((golden.GOLDEN / "corpus.json").read_text(encoding="utf-8"))
    assert recorded["extractor_version"] == EXTRACTOR_VERSION, "run `make golden`"
    now = {}
    for doc_id in repo.document_ids():
        rows = [(fv.field, fv.extracted_value, fv.span_start, fv.span_end, fv.confidence, fv.rule)
                for fv in repo.field_values(doc_id)]
        now[repo.document(doc_id).sha256] = golden.digest(repo.document_text(doc_id), rows)
    changed = [sha for sha in recorded["digests"].keys() | now.keys()
               if recorded["digests"].get(sha) != now.get(sha)]
    assert changed == [], (f"{len(changed)} corpus filings extract differently under the same "
                           "version: bump EXTRACTOR_VERSION, then run `make golden`")
