"""The command-line contract of DESIGN.md: exit codes, one-line failures, JSON shapes, CSV."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.cli import main

SEED_COVER = "FORM 6-K\n\nSECURITIES AND EXCHANGE COMMISSION\nFor the month of November 2002\n"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reviewer", *args], capture_output=True, text=True,
                          timeout=120)


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    folder = tmp_path / "batch"
    (folder / "sub").mkdir(parents=True)
    (folder / "cover.txt").write_text(SEED_COVER)
    (folder / "sub" / "release.html").write_text("<html><body><p>Press release of Acme Corp. (NYSE: ACM)</p></body></html>")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "archive.zip").write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    return folder


def test_import_reports_each_failure_on_one_line_and_exits_1(batch: Path, tmp_path: Path,
                                                           capsys) -> None:
    db = str(tmp_path / "s.db")
    assert main(["import", "--db", db, str(batch)]) == 1
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert sorted(lines) == [
        f"reviewer: {batch / 'archive.zip'}: a ZIP archive, not a filing; unpack or convert it first",
        f"reviewer: {batch / 'empty.txt'}: empty file",
    ]
    assert out.startswith("2 imported, 0 already stored, 2 failed (4 files")
    assert main(["import", "--db", db, str(batch / "cover.txt"), str(batch / "sub")]) == 0
    assert capsys.readouterr().out.startswith("0 imported, 2 already stored, 0 failed")


def test_import_of_a_missing_path_fails_cleanly(tmp_path: Path, capsys) -> None:
    assert main(["import", "--db", str(tmp_path / "s.db"), str(tmp_path / "nope")]) == 1
    assert capsys.readouterr().err.strip() == f"reviewer: {tmp_path / 'nope'}: no such file or folder"


def test_usage_errors_exit_2() -> None:
    result = run("import")
    assert result.returncode == 2
    assert "usage:" in result.stderr


def test_extract_json_has_text_fields_and_spans(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_text("ACCESSION NUMBER:\t0000950103-02-003456\nCONFORMED SUBMISSION TYPE:\t6-K\n")
    result = run("extract", str(path), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["source"] == str(path) and data["format"] == "edgar"
    assert len(data["sha256"]) == 64
    names = {f["name"]: f for f in data["fields"]}
    acc = names["accession_number"]
    assert acc["value"] == "0000950103-02-003456"
    assert data["text"][acc["start"] : acc["end"]] == acc["value"]
    assert 0 <= acc["confidence"] <= 1 and acc["rule"].startswith("header.")


def test_extract_of_a_bad_file_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF-1.4 garbage")
    result = run("extract", str(path), "--json")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"reviewer: {path}: ")


def test_export_has_one_row_per_filing_and_the_schema_columns(batch: Path, tmp_path: Path,
                                                               capsys) -> None:
    db = str(tmp_path / "s.db")
    main(["import", "--db", db, str(batch)])
    out = tmp_path / "out.csv"
    assert main(["export", "--db", db, "--all", "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert len(rows) == 2
    assert list(rows[0])[:6] == ["id", "source_file", "format", "status", "reviewer", "reviewed_at"]
    assert {"accession_number", "company_name", "event_type", "dividend_payment_date"} <= set(rows[0])
    assert {r["status"] for r in rows} == {"to_review"}
    capsys.readouterr()
    assert main(["export", "--db", db]) == 0  # reviewed only: none yet, the header alone
    assert capsys.readouterr().out.count("\n") == 1


def test_stats_json(batch: Path, tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "s.db")
    main(["import", "--db", db, str(batch)])
    capsys.readouterr()
    assert main(["stats", "--db", db, "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["documents"] == 2 and stats["reviewed"] == 0
    assert isinstance(stats["fields"], dict)


def test_stats_text_counts_the_removed_filings(batch: Path, tmp_path: Path, capsys) -> None:
    from reviewer.store import Repository, open_store

    db = tmp_path / "s.db"
    main(["import", "--db", str(db), str(batch)])
    repo = Repository(open_store(db))
    repo.remove_document(repo.document_ids()[0], "ann")
    repo.db.conn.close()
    capsys.readouterr()
    assert main(["stats", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "1 filings: 0 reviewed, 0 flagged, 1 to review; 1 removed" in out


def test_store_that_cannot_be_opened_is_one_line(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"garbage" * 200)
    assert main(["stats", "--db", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(bad) in err


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("reviewer ")


def test_csv_cells_that_would_run_as_formulas_are_neutralised() -> None:
    from reviewer.core.export import safe_cell

    assert safe_cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert safe_cell("+1 847-286-9669") == "'+1 847-286-9669"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("\tx") == "'\tx" and safe_cell("\rx") == "'\rx"
    assert safe_cell("-12.5") == "-12.5"  # a real negative number is kept
    assert safe_cell("-1 evil") == "'-1 evil"
    assert safe_cell("Korea Thrunet") == "Korea Thrunet"


def test_file_names_in_a_filing_are_never_written(tmp_path: Path) -> None:
    evil = (
        "<SEC-DOCUMENT>x\n<SEC-HEADER>\nACCESSION NUMBER:\t0000000000-24-000009\n</SEC-HEADER>\n"
        "<DOCUMENT>\n<TYPE>EX-99.1\n<FILENAME>../../escaped.txt\n<TEXT>\nPress release text here.\n"
        "</TEXT>\n</DOCUMENT>\n"
    )
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    (work / "evil.txt").write_text(evil)
    before = {p for p in tmp_path.rglob("*")}
    result = subprocess.run([sys.executable, "-m", "reviewer", "import", "--db", str(tmp_path / "s.db"),
                             str(work / "evil.txt")], capture_output=True, text=True, cwd=work, timeout=60)
    assert result.returncode == 0
    created = {p for p in tmp_path.rglob("*")} - before
    assert {p.name for p in created} <= {"s.db", "s.db-wal", "s.db-shm"}


def test_an_unreadable_user_schema_folder_is_one_line_not_a_failure_per_file() -> None:
    """Issue 12 L, for real: an unprivileged user (setpriv) whose user data folder it cannot
    read; before, every file failed as "internal error" and `export` printed a traceback."""
    import os
    import shutil
    import tempfile

    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to run as an unprivileged user")
    root = Path(tempfile.mkdtemp(prefix="reviewer-l-", dir="/tmp"))
    try:
        root.chmod(0o755)
        data = root / "data"
        (data / "FilingReviewer" / "schemas").mkdir(parents=True)
        (data / "FilingReviewer").chmod(0o700)  # root's: the user cannot look inside
        work = root / "work"
        work.mkdir()
        (work / "a.txt").write_text(SEED_COVER)
        (work / "b.txt").write_text(SEED_COVER + "Another filing\n")
        shutil.chown(work, 65534, 65534)
        env = {**os.environ, "XDG_DATA_HOME": str(data)}
        nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        folder = data / "FilingReviewer" / "schemas"
        for args in (["import", "--db", str(work / "s.db"), str(work / "a.txt"),
                      str(work / "b.txt")],
                     ["export", "--db", str(work / "s.db")],
                     ["extract", str(work / "a.txt")]):
            result = subprocess.run([*nobody, sys.executable, "-m", "reviewer", *args], env=env,
                                    capture_output=True, text=True, timeout=120, cwd="/")
            assert result.returncode == 1, (args, result.stderr)
            assert result.stderr == (f"reviewer: {folder}: cannot read the folder of extra field "
                                     "definitions: Permission denied\n"), args
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_evaluate_reports_corrections_and_the_wrong_values_shown_for_attention(tmp_path, capsys) -> None:
    from reviewer.cli import main

    (tmp_path / "a.txt").write_text("FORM 8-K\n\nAcme Corp.\n(Exact name of registrant as specified in its charter)\n")
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"file": "a.txt", "fields": {"form_type": ["8-K"], "company_name": ["Acme Corp."], '
                    '"cik": ["42"]}}\n')
    assert main(["evaluate", str(gold), "--root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "corrections per filing 1.00; filings needing none 0%" in out
    assert "wrong values shown for attention (under 0.6): 0 of 0" in out
    assert main(["evaluate", str(gold), "--root", str(tmp_path), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["corrections"] == {"per_filing": 1.0, "filings_without": 0.0}
    assert result["wrong_values"]["all"] == 0
