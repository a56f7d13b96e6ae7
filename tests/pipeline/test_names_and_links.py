"""Names and links: any bytes the file system gives are a name; links do not lead out of the
folders named; no name forges a line or drives the terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.pipeline.importer import import_paths
from reviewer.store import Repository

FILING = b"FORM 8-K\nCURRENT REPORT\nItem 8.01 Other Events\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "in"
    path.mkdir()
    return path


def test_a_name_that_is_not_utf8_is_stored_losslessly_and_the_rest_imports(
        folder: Path, repo: Repository) -> None:
    raw_name = os.fsencode(folder) + b"/caf\xe9.txt"  # Latin-1, as an old Windows share gives
    with open(raw_name, "wb") as fh:
        fh.write(FILING + b"one\n")
    (folder / "later.txt").write_bytes(FILING + b"two\n")
    report = import_paths(repo, [folder], "t", workers=0)
    assert report.failures == [] and len(report.imported) == 2
    first = repo.document(report.imported[0])
    assert first.file_name == "caf\ufffd.txt"
    stored = repo.conn.execute("SELECT source_path_bytes FROM documents WHERE id = ?",
                               (first.id,)).fetchone()[0]
    assert stored == raw_name
    later = repo.conn.execute("SELECT source_path_bytes FROM documents WHERE id = ?",
                              (report.imported[1],)).fetchone()[0]
    assert later is None  # a UTF-8 name needs no bytes kept


def test_a_link_out_of_the_folder_is_refused_and_one_inside_is_read(tmp_path: Path,
                                                                    folder: Path,
                                                                    repo: Repository) -> None:
    secret = tmp_path / "credentials.txt"
    secret.write_bytes(FILING + b"password=hunter2\n")
    (folder / "real.txt").write_bytes(FILING + b"real\n")
    (folder / "out.txt").symlink_to(secret)
    (folder / "in.txt").symlink_to(folder / "real.txt")
    (folder / "environ").symlink_to("/proc/self/environ")
    report = import_paths(repo, [folder], "t", workers=0)
    reasons = {Path(f.path).name: f.reason for f in report.failures}
    assert reasons == {
        "out.txt": f"a link to {secret}, outside the folders imported; refused "
                   "(--follow-links reads it)",
        "environ": reasons["environ"]}
    assert reasons["environ"].startswith("a link to /proc/")
    assert len(report.imported) == 1 and len(report.existing) == 1  # in.txt is real.txt
    texts = [repo.document_text(d) for d in repo.document_ids()]
    assert not any("hunter2" in t for t in texts)


def test_follow_links_reads_a_link_out_of_the_folder(tmp_path: Path, folder: Path,
                                                     repo: Repository) -> None:
    (tmp_path / "elsewhere.txt").write_bytes(FILING)
    (folder / "out.txt").symlink_to(tmp_path / "elsewhere.txt")
    report = import_paths(repo, [folder], "t", workers=0, follow_links=True)
    assert report.failures == [] and len(report.imported) == 1


def test_special_files_are_refused_without_waiting(folder: Path, repo: Repository) -> None:
    os.mkfifo(folder / "pipe.txt")  # reading a FIFO would wait for a writer forever
    report = import_paths(repo, [folder, "/proc/self/environ"], "t", workers=0)
    reasons = {Path(f.path).name: f.reason for f in report.failures}
    assert reasons["pipe.txt"] == "not a regular file"
    assert reasons["environ"].startswith("a special file of the system (/proc/")
    assert report.imported == []


def test_names_in_messages_are_one_escaped_line(folder: Path, tmp_path: Path) -> None:
    nasty = "bad\nreviewer: forged.txt: all good\x1b[31m\u202etxt.exe"
    (folder / nasty).write_bytes(b"")  # an empty file: refused with a reason
    result = subprocess.run([sys.executable, "-m", "reviewer", "import", "--db",
                             str(tmp_path / "s.db"), str(folder)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0] == (f"reviewer: {folder}/bad\\nreviewer: forged.txt: all good"
                        "\\x1b[31m\\u202etxt.exe: empty file")
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr


def test_the_command_line_follows_links_only_when_asked(tmp_path: Path, folder: Path) -> None:
    (tmp_path / "elsewhere.txt").write_bytes(FILING)
    (folder / "out.txt").symlink_to(tmp_path / "elsewhere.txt")
    for flags, code in (([], 1), (["--follow-links"], 0)):
        result = subprocess.run([sys.executable, "-m", "reviewer", "import", "--db",
                                 str(tmp_path / f"s{code}.db"), *flags, str(folder)],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == code, result.stderr
