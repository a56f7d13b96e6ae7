"""Faults of the store file, made for real: a full tmpfs, a file size limit, an immutable file,
a read-only folder for an unprivileged user, a store cut short or with a broken page, and
other programs' databases. Each ends in one line naming the cause; nothing is half-written."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from reviewer.core.document import Document, Part
from reviewer.core.extract.candidate import Candidate
from reviewer.core.values import DocumentSummary
from reviewer.store import Repository, StoreError, open_store
from reviewer.store.db import StoreDamaged, StoreReadOnly
from reviewer.store.migrations import APPLICATION_ID
from reviewer.store.recover import recover

NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def add(repo: Repository, i: int, size: int = 3000) -> tuple[int, bool]:
    text = f"FORM 6-K {i}\n" + "x" * size
    doc = Document(text, "text", [Part("body", 0, len(text))])
    cands = [Candidate("form_type", "6-K", 5, 8, 0.9, "cover.form_type"),
             Candidate("company_name", f"CO {i}", 0, 4, 0.9, "cover.company_name")]
    return repo.add_document(sha256=f"{i:064x}", source_path=f"/x/{i}.txt", raw=text.encode(),
                             document=doc, candidates=cands, extractor_version="t",
                             summary=DocumentSummary(), who="ann")


def make_store(path: Path, n: int, size: int = 3000) -> None:
    db = open_store(path)
    repo = Repository(db)
    for i in range(n):
        add(repo, i, size)
    db.conn.close()  # checkpointed: the file holds everything


def counts(path: Path) -> tuple[int, int, int, str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        docs, values, history = (conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                                 for t in ("documents", "field_values", "history"))
        return docs, values, history, conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "small"
    folder.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs",
                                            str(folder)], capture_output=True).returncode:
        pytest.skip("cannot mount a small tmpfs here (needs root and mount)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@contextmanager
def immutable(path: Path) -> Iterator[None]:
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
        pytest.skip("chattr +i is not available on this file system")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder an unprivileged user can reach (pytest's tmp_path is root's alone)."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to run as an unprivileged user")
    folder = Path(tempfile.mkdtemp(prefix="reviewer-faults-", dir="/tmp"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def reviewer(*args: str, user: list[str] | None = None, env: dict[str, str] | None = None,
             preexec=None) -> subprocess.CompletedProcess:
    return subprocess.run([*(user or []), sys.executable, "-m", "reviewer", *args],
                          capture_output=True, text=True, timeout=120, preexec_fn=preexec,
                          env={**os.environ, **(env or {})}, cwd="/")


def test_a_full_disk_is_one_line_and_nothing_is_half_written(tmpfs: Path) -> None:
    """A real full disk: a 2 MB tmpfs filled by imports until SQLite says SQLITE_FULL."""
    path = tmpfs / "reviews.db"
    make_store(path, 5)
    db = open_store(path)
    repo = Repository(db)
    with pytest.raises(StoreError) as caught:
        for i in range(5, 1000):
            add(repo, i, 20_000)
    assert str(caught.value) == f"{path}: the disk is full; nothing was half-written"
    assert not repo.conn.in_transaction
    stored = repo.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    db.conn.close()
    docs, values, history, check = counts(path)
    assert (docs, values, history, check) == (stored, 2 * stored, stored, "ok")
    assert stored >= 5  # what was there before is intact


def test_a_file_size_limit_with_one_worker_names_the_cause(tmp_path: Path) -> None:
    """A real "file too large": `reviewer import -j 1` under RLIMIT_FSIZE with SIGXFSZ ignored;
    before, the cause hid behind "cannot rollback - no transaction is active"."""
    import resource
    import signal

    path = tmp_path / "reviews.db"
    make_store(path, 3)
    before = counts(path)
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(12):
        (folder / f"{i}.txt").write_text(f"FORM 8-K {i}\n" + f"line {i} of a long filing\n" * 8000)
    limit = path.stat().st_size + 600_000

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = reviewer("import", "-j", "1", "--db", str(path), str(folder), preexec=limited)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "rollback" not in result.stderr
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("reviewer: ")]
    assert lines == [f"reviewer: {path}: cannot write the store (disk I/O error: a full disk, "
                     "a file size limit or a failing device); nothing was half-written"]
    docs, values, history, check = counts(path)
    assert check == "ok" and docs >= before[0] and history == docs


def test_an_immutable_store_opens_read_only_and_writes_say_so(tmp_path: Path) -> None:
    """A real read-only file: chattr +i (root ignores mode 0444, not the immutable flag)."""
    path = tmp_path / "reviews.db"
    make_store(path, 4)
    before = path.read_bytes()
    with immutable(path):
        with pytest.raises(StoreReadOnly, match="read-only"):
            open_store(path)
        db = open_store(path, readonly=True)
        assert Repository(db).progress()["documents"] == 4
        db.conn.close()
        stats = reviewer("stats", "--json", "--db", str(path))
        assert stats.returncode == 0 and '"documents": 4' in stats.stdout, stats.stderr
        export = reviewer("export", "--all", "--db", str(path))
        assert export.returncode == 0 and len(export.stdout.splitlines()) == 5, export.stderr
        backup = reviewer("backup", "--db", str(path), str(tmp_path / "copy.db"))
        assert backup.returncode == 0, backup.stderr
        (tmp_path / "in.txt").write_text("FORM 6-K\nSomething new\n")
        imported = reviewer("import", "--db", str(path), str(tmp_path / "in.txt"))
        assert imported.returncode == 1
        assert imported.stderr.count("\n") == 1 and "read-only" in imported.stderr
        assert "Traceback" not in imported.stderr
    assert path.read_bytes() == before
    assert counts(tmp_path / "copy.db")[0] == 4


def test_a_store_in_a_read_only_folder_can_be_read_not_written(shared_tmp: Path) -> None:
    """A real read-only folder: an unprivileged user (setpriv) and a folder it cannot write, so
    SQLite cannot make the WAL's files beside the store; before, "not a Filing Reviewer store"."""
    folder = shared_tmp / "ro"
    folder.mkdir()
    path = folder / "reviews.db"
    make_store(path, 3)
    folder.chmod(0o555)
    out = shared_tmp / "out"
    out.mkdir()
    shutil.chown(out, 65534, 65534)
    env = {"XDG_DATA_HOME": str(out / "data")}
    before = path.read_bytes()
    stats = reviewer("stats", "--json", "--db", str(path), user=NOBODY, env=env)
    assert stats.returncode == 0 and '"documents": 3' in stats.stdout, stats.stderr
    export = reviewer("export", "--all", "--db", str(path), user=NOBODY, env=env)
    assert export.returncode == 0 and len(export.stdout.splitlines()) == 4, export.stderr
    backup = reviewer("backup", "--db", str(path), str(out / "copy.db"), user=NOBODY, env=env)
    assert backup.returncode == 0, backup.stderr
    (out / "in.txt").write_text("FORM 6-K\nSomething new\n")
    imported = reviewer("import", "--db", str(path), str(out / "in.txt"), user=NOBODY, env=env)
    assert imported.returncode == 1 and "Traceback" not in imported.stderr
    assert imported.stderr == (f"reviewer: {path}: the store is read-only (the file, its folder "
                               "or the disk cannot be written); nothing was changed; `reviewer "
                               "export`, `stats` and `backup` can still read it\n")
    assert path.read_bytes() == before and sorted(os.listdir(folder)) == ["reviews.db"]
    assert counts(out / "copy.db")[0] == 3


def test_a_store_cut_short_is_damaged_and_recover_copies_what_can_be_read(tmp_path: Path) -> None:
    """A real truncation: the file's second half cut off, as a full disk or a bad copy leaves it."""
    path = tmp_path / "reviews.db"
    make_store(path, 200)
    whole = path.read_bytes()
    cut = tmp_path / "cut.db"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(StoreDamaged) as caught:
        open_store(cut)
    assert str(caught.value).startswith(f"{cut}: the store is damaged (cut short: ")
    assert f"`reviewer recover {cut} NEW.db`" in str(caught.value)
    assert cut.read_bytes() == whole[: len(whole) // 2]

    new = tmp_path / "new.db"
    report = recover(cut, new)
    docs, values, history, check = counts(new)
    assert check == "ok" and 0 < docs < 200
    by_table = {t.name: t for t in report.tables}
    assert by_table["documents"].copied == docs
    assert by_table["documents"].tail_after is not None  # the rest is reported lost
    assert report.lost_anything() and report.check  # the integrity check found the damage
    assert open_store(new).execute("SELECT count(*) FROM documents").fetchone()[0] == docs


def broken_page(path: Path, table: str) -> int:
    """Overwrite one leaf page of `table` with garbage; returns its number."""
    conn = sqlite3.connect(path)
    pages = [r[0] for r in conn.execute(
        "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno", (table,))]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    page = pages[len(pages) // 2]
    with path.open("r+b") as fh:
        fh.seek((page - 1) * size)
        fh.write(b"\xfe" * 64)
    return page


def test_a_malformed_page_is_one_line_and_recover_loses_only_that_page(tmp_path: Path) -> None:
    """A real corrupt page (one b-tree leaf of field_values overwritten): SQLite reports the
    image malformed when a read reaches it; recover skips that page and keeps the rest."""
    path = tmp_path / "reviews.db"
    make_store(path, 300)
    broken_page(path, "field_values")
    stats = reviewer("stats", "--db", str(path))
    assert stats.returncode == 1 and "Traceback" not in stats.stderr
    assert stats.stderr == (f"reviewer: {path}: the store is damaged (database disk image is "
                            f"malformed); `reviewer recover {path} NEW.db` copies what can be "
                            "read into a new store\n")
    new = tmp_path / "new.db"
    result = reviewer("recover", str(path), str(new))
    assert result.returncode == 1, result.stderr
    assert "documents: 300 copied, none lost" in result.stdout
    docs, values, history, check = counts(new)
    assert (docs, history, check) == (300, 300, "ok")
    assert 500 < values < 600  # one page of values lost, every other page copied
    assert f"field_values: {values} copied, about {600 - values} unreadable" in result.stdout


def test_recover_refuses_to_overwrite_a_file(tmp_path: Path) -> None:
    """The new store must be new: an existing file is never replaced by a recovery."""
    path, other = tmp_path / "a.db", tmp_path / "b.db"
    make_store(path, 1)
    other.write_bytes(b"precious")
    with pytest.raises(StoreError, match="already exists"):
        recover(path, other)
    assert other.read_bytes() == b"precious"


def other_db(path: Path, kind: str) -> None:
    conn = sqlite3.connect(path)
    if kind == "no tables":
        conn.execute("PRAGMA user_version = 3")
    elif kind == "other tables":
        conn.execute("CREATE TABLE notes (x)")
        conn.execute("INSERT INTO notes VALUES ('keep me')")
        conn.commit()
    elif kind == "another application_id":
        conn.execute("PRAGMA application_id = 1234")
    elif kind == "in WAL mode":
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("CREATE TABLE documents (id)")
        conn.commit()
    conn.close()


@pytest.mark.parametrize("kind", ["no tables", "other tables", "another application_id",
                                  "in WAL mode"])
def test_another_programs_database_is_never_modified(tmp_path: Path, kind: str) -> None:
    """Another program's SQLite file is refused from its header, before SQLite writes a byte;
    before, one with no tables was switched to WAL and called "made by a newer" version."""
    path = tmp_path / "theirs.db"
    other_db(path, kind)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="another application.*refusing to modify it"):
        open_store(path)
    assert path.read_bytes() == before
    with pytest.raises(StoreError, match="another application.*refusing to modify it"):
        open_store(path, readonly=True)
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["theirs.db"]


def test_a_new_store_is_made_only_from_nothing(tmp_path: Path) -> None:
    """A missing or empty file becomes a store (migrated, then WAL); anything else is refused."""
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    db = open_store(empty)
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.conn.close()
    with pytest.raises(StoreError, match="no store here"):
        open_store(tmp_path / "missing.db", readonly=True)
    assert not (tmp_path / "missing.db").exists()


def test_a_checkpoint_killed_half_way_is_not_called_damaged(tmp_path: Path) -> None:
    """A checkpoint writes page 1 (the new page count) before the pages after the file's end;
    killed between, the file is shorter than its header says, and the log still holds the
    pages: that store is whole. Made here by keeping the log (no checkpoint) and giving the
    file the header a half-done checkpoint leaves."""
    import shutil

    path = tmp_path / "reviews.db"
    make_store(path, 5)
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    repo_db = open_store(path)
    for i in range(5, 60):
        add(Repository(repo_db), i, 3000)
    kept = tmp_path / "kept"
    kept.mkdir()
    for suffix in ("", "-wal"):  # the files as a kill would leave them
        shutil.copy(f"{path}{suffix}", kept / f"reviews.db{suffix}")
    repo_db.conn.close()
    writer.close()
    copy = kept / "reviews.db"
    data = bytearray(copy.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    data[28:32] = (len(data) // page_size + 40).to_bytes(4, "big")  # page 1 already updated
    copy.write_bytes(bytes(data))
    assert (kept / "reviews.db-wal").stat().st_size > 32
    db = open_store(copy)  # the log completes the file: not damaged
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 60
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.conn.close()
    (kept / "reviews.db-wal").unlink(missing_ok=True)
    (kept / "reviews.db-shm").unlink(missing_ok=True)
    copy.write_bytes(bytes(data))
    with pytest.raises(StoreDamaged):  # with no log to complete it, it is cut short
        open_store(copy)
