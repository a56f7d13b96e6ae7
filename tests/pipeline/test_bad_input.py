"""Broken and hostile files, generated here: each gets one line, the rest of the batch imports,
and nothing half-written stays in the store. The README's reliability table lists these kinds."""

from __future__ import annotations

import gzip
import io
import os
import random
import socket
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from pdfgen import make_pdf

from reviewer.pipeline.importer import import_paths
from reviewer.store import Repository, open_store

GOOD = b"FORM 8-K\nCURRENT REPORT\nDate of Report: January 5, 2024\nItem 8.01 Other Events\n"
SUBMISSION = (b"<SEC-DOCUMENT>0000000000-24-000001.txt : 20240105\n<SEC-HEADER>\n"
              b"ACCESSION NUMBER:\t\t0000000000-24-000001\nCONFORMED SUBMISSION TYPE:\t8-K\n"
              b"FILED AS OF DATE:\t\t20240105\n</SEC-HEADER>\n")


def _encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(["Secret text of a filing"]))))
    writer.encrypt(user_password="pw", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("filing.txt", GOOD)
    return out.getvalue()


def _docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", b"<Types/>")
        z.writestr("word/document.xml", b"<document>" + GOOD + b"</document>")
    return out.getvalue()


def _gzip_bomb() -> bytes:
    """101 MB of zeros in about 100 KB."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    return b"".join([packer.compress(bytes(2**20)) for _ in range(101)] + [packer.flush()])


# name -> (bytes, the reason printed, or None when the file is imported with a notice)
def bad_files() -> dict[str, tuple[bytes, str | None]]:
    rng = random.Random(2024)
    noise = bytes(rng.randrange(256) for _ in range(20000))
    pdf = make_pdf(["Exhibit 99.1", "Second page"])
    return {
        "empty.txt": (b"", "empty file"),
        "one-byte.txt": (b"x", "too short to be a filing"),
        "random.bin": (noise, "binary data"),
        "random-named.pdf": (noise, "binary data"),
        "truncated.pdf": (pdf[: len(pdf) // 2], "PDF"),
        "encrypted.pdf": (_encrypted_pdf(), "encrypted PDF"),
        "no-text-layer.pdf": (make_pdf([None, None]), None),
        "cut-in-document.txt": (SUBMISSION + b"<DOCUMENT>\n<TYPE>8-K\n<TEXT>\nItem 8.01 Other Ev", None),
        "header-only.txt": (SUBMISSION, None),
        "deep.html": (b"<html><body>" + b"<div>" * 20000 + b"x" + b"</div>" * 20000 + b"</body></html>",
                      "nested deeper"),
        "external-refs.html": (b'<html><body><img src="http://127.0.0.1:9/a.png"><script '
                               b'src="http://127.0.0.1:9/a.js"></script><p>Item 8.01 Other Events of'
                               b' the registrant.</p></body></html>', None),
        "invalid-utf8.txt": (GOOD + b"caf\xe9 \xff\xfe bad bytes\n", None),
        "utf16.txt": (b"\xff\xfe" + GOOD.decode().encode("utf-16-le"), None),
        "nul-bytes.txt": (GOOD.replace(b"CURRENT", b"CUR\x00RENT"), None),
        "single-line-5mb.txt": (b"Item 8.01 Other Events " * (5 * 1024 * 1024 // 23), None),
        "archive.zip": (_zip(), "ZIP archive"),
        "report.docx.txt": (_docx(), "a Word document (.docx), not a filing; save it as PDF"),
        "scan.png": (b"\x89PNG\r\n\x1a\n" + bytes(200), "a PNG image: it has no text to read"),
        "submission.txt.gz": (gzip.compress(SUBMISSION), None),
        "bomb.gz": (_gzip_bomb(), "expands past the 100 MB limit per file (a zip bomb?)"),
        "recipe.txt": (b"Apple Pie\n\nIngredients\n- 6 apples\n- 3/4 cup sugar\n\nBake 45 "
                       b"minutes until golden brown.\n", None),
    }


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    for name, (data, _) in bad_files().items():
        (folder / name).write_bytes(data)
    (folder / "good.txt").write_bytes(GOOD)
    with (folder / "huge-200mb.txt").open("wb") as fh:  # sparse: costs no disk
        fh.truncate(200 * 1024 * 1024)
    os.symlink(folder / "loop-b", folder / "loop-a")
    os.symlink(folder / "loop-a", folder / "loop-b")
    return folder


def test_every_bad_file_is_one_line_and_the_rest_imports(batch: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    result = subprocess.run([sys.executable, "-m", "reviewer", "import", "--db", str(db), str(batch)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    by_file = {line.split(": ", 2)[1]: line.split(": ", 2)[2] for line in lines}
    assert all(line.startswith("reviewer: ") for line in lines)
    expected = {name: reason for name, (_, reason) in bad_files().items() if reason}
    expected["huge-200mb.txt"] = "over the 100 MB limit"
    expected["loop-a"] = "symbolic link loop"
    expected["loop-b"] = "symbolic link loop"
    assert set(by_file) == {str(batch / n) for n in expected}
    for name, reason in expected.items():
        assert reason in by_file[str(batch / name)], name
    repo = Repository(open_store(db))
    stored = {row["file_name"] for row in repo.db["documents"].rows}
    imported_with_notice = {n for n, (_, reason) in bad_files().items() if reason is None}
    assert stored == imported_with_notice | {"good.txt"}
    # nothing half-written: every stored filing has its content, and the store is sound
    assert repo.db["document_content"].count == repo.db["documents"].count
    assert repo.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    notices = {row["file_name"]: row["notices"] for row in repo.db["documents"].rows}
    assert "no text layer" in notices["no-text-layer.pdf"]
    assert "cut off" in notices["cut-in-document.txt"]
    assert "header only" in notices["header-only.txt"]
    assert "not recognised as an SEC filing" in notices["recipe.txt"]
    flagged = {r["file_name"] for r in repo.db["documents"].rows if r["status"] == "flagged"}
    assert flagged == {"recipe.txt", "no-text-layer.pdf"}  # nothing of a filing can be read
    assert "; 2 not recognised as a filing, flagged" in result.stdout
    # a gzip is read for what it holds; the bytes stored are the file's own
    packed = next(r for r in repo.db["documents"].rows if r["file_name"] == "submission.txt.gz")
    assert packed["format"] == "edgar" and packed["form_type"] == "8-K"
    assert repo.raw_bytes(packed["id"]) == (batch / "submission.txt.gz").read_bytes()


def test_an_unreadable_file_is_reported_and_skipped(batch: Path, repo: Repository, monkeypatch) -> None:
    target = batch / "good.txt"
    real_open = Path.open

    def guarded(self, *args, **kwargs):  # root reads anything, so permission is denied here
        if self == target:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded)
    report = import_paths(repo, [target, batch / "utf16.txt"], "t", workers=1)
    assert [(f.path, f.reason) for f in report.failures] == [(str(target), "permission denied")]
    assert len(report.imported) == 1


def test_a_file_that_vanishes_during_the_import(tmp_path: Path, repo: Repository) -> None:
    files = [tmp_path / f"f{i}.txt" for i in range(3)]
    for i, f in enumerate(files):
        f.write_bytes(GOOD + f"Filing number {i}\n".encode())

    def progress(done: int, total: int, path: str) -> None:
        if done == 1:
            files[2].unlink()

    report = import_paths(repo, files, "t", workers=1, progress=progress)
    assert len(report.imported) == 2
    assert [(Path(f.path).name, f.reason) for f in report.failures] == [
        ("f2.txt", "no such file (or a broken link)")]


def test_html_is_read_without_touching_the_network(monkeypatch) -> None:
    from reviewer.core.ingest import ingest_bytes

    def refuse(*args, **kwargs):
        raise AssertionError("the network was used")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    doc = ingest_bytes(bad_files()["external-refs.html"][0])
    assert "Item 8.01" in doc.text and "127.0.0.1" not in doc.text
