"""Import: files and folders in, filings in the store out. Shared by the CLI and the window.

The steps: list the files (never following a link out of the folders named), read each one
(refusing what cannot be read), skip what the store already holds, parse and extract the rest
in the reader pool, store each filing whole.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.extract import EXTRACTOR_VERSION
from ..core.names import display_name, escape_name, name_bytes
from ..core.recognise import NOT_RECOGNISED, recognise
from .memory import with_memory
from .pool import Outcome, Processed, ReaderPool

if TYPE_CHECKING:
    from ..store.repository import Repository

MAX_FILE_BYTES = 100 * 1024 * 1024  # larger files are refused unread
SYSTEM_FOLDERS = (Path("/proc"), Path("/sys"), Path("/dev"))  # special files, never filings

Progress = Callable[[int, int, str], None]  # (done, total, what: the current path)


@dataclass(slots=True)
class Failure:
    path: str  # as shown: undecodable bytes of the name are U+FFFD
    reason: str

    def line(self) -> str:
        """One line whatever the name holds: no name forges a line or drives the terminal."""
        return f"reviewer: {escape_name(self.path)}: {escape_name(self.reason)}"


@dataclass(slots=True)
class ImportReport:
    imported: list[int] = field(default_factory=list)  # new document ids
    existing: list[int] = field(default_factory=list)  # already in the store
    removed: list[int] = field(default_factory=list)  # of those, removed from review (restorable)
    failures: list[Failure] = field(default_factory=list)
    noticed: int = 0  # filings imported with a notice (text lost, replaced or guessed)
    unrecognised: int = 0  # imported flagged: nothing of an SEC filing in them
    files: int = 0
    bytes: int = 0
    seconds: float = 0.0
    cancelled: bool = False

    def summary(self) -> str:
        mb = self.bytes / 1e6
        notes = f" ({self.noticed} with notices)" if self.noticed else ""
        removed = f" ({len(self.removed)} of them removed; restore to review)" if self.removed else ""
        text = (
            f"{len(self.imported)} imported{notes}, {len(self.existing)} already stored{removed}, "
            f"{len(self.failures)} failed ({self.files} files, {mb:.1f} MB, {self.seconds:.1f} s)"
        )
        if self.unrecognised:
            text += f"; {self.unrecognised} not recognised as a filing, flagged"
        return text + (" - cancelled" if self.cancelled else "")


def iter_files(paths: Iterable[str | Path], failures: list[Failure], *,
               follow_links: bool = False) -> Iterator[Path]:
    """Every file under `paths`, folders walked recursively in name order; hidden files
    skipped. A link to a file outside the folders named is refused unless `follow_links`."""
    roots = [Path(raw) for raw in paths]
    inside = [_resolved(r) for r in roots if r.is_dir()]
    for p in roots:
        if p.is_dir():
            seen: set[tuple[int, int]] = set()
            for root, dirs, files in os.walk(p, onerror=lambda e: failures.append(
                    Failure(display_name(e.filename), e.strerror or str(e)))):
                st = os.stat(root)
                if (st.st_dev, st.st_ino) in seen:
                    dirs[:] = []
                    continue
                seen.add((st.st_dev, st.st_ino))
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    path = Path(root) / name
                    why = _link_refusal(path, inside, follow_links)
                    if why:
                        failures.append(Failure(display_name(path), why))
                    else:
                        yield path
        elif p.exists() or p.is_symlink():
            yield p  # named by the user: its own link is followed (not into the system's files)
        else:
            failures.append(Failure(display_name(p), "no such file or folder"))


def _resolved(path: Path) -> Path:
    try:
        return path.resolve(strict=True)
    except (OSError, RuntimeError):
        return path.absolute()


def _link_refusal(path: Path, inside: list[Path], follow_links: bool) -> str | None:
    """Why a file found in a folder is not read through its link, or None."""
    if not path.is_symlink():
        return None
    try:
        target = path.resolve(strict=True)
    except RuntimeError:
        return "a symbolic link loop"
    except OSError:
        return "a broken symbolic link"
    if follow_links or any(target.is_relative_to(folder) for folder in inside):
        return None
    return (f"a link to {display_name(target)}, outside the folders imported; refused "
            "(--follow-links reads it)")


def read_file(path: Path) -> bytes | str:
    """The file's bytes, or the reason they cannot be read."""
    try:
        if path.is_symlink():
            try:
                path.resolve(strict=True)
            except RuntimeError:
                return "a symbolic link loop"
        real = _resolved(path)
        if any(real.is_relative_to(system) for system in SYSTEM_FOLDERS):
            return f"a special file of the system ({display_name(real)}), not a filing; refused"
        if not path.is_file():
            return "not a regular file" if path.exists() else "no such file (or a broken link)"
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return (f"{size / 2**20:,.0f} MB is over the {MAX_FILE_BYTES // 2**20} MB limit per file; "
                    "split or trim it")
        with path.open("rb") as fh:
            return fh.read(MAX_FILE_BYTES + 1)
    except PermissionError:
        return "permission denied"
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"


def mark_unrecognised(processed: Processed) -> bool:
    """Add the notice to a file with nothing of an SEC filing in it; True if it has none."""
    recognition = recognise(processed.document, processed.candidates)
    if recognition.notice:
        processed.document.notices.append(recognition.notice)
    return not recognition.recognised


@dataclass(slots=True, frozen=True)
class _File:
    path: str  # as shown (U+FFFD for bytes that are not UTF-8)
    path_bytes: bytes | None  # the name's bytes when they are not UTF-8
    data: bytes
    sha256: str


class _ImportRun:
    """One import's state: the report it fills, and how many files are done."""

    def __init__(self, repo: Repository, who: str, total: int, progress: Progress | None,
                 on_imported: Callable[[int], None] | None) -> None:
        self.repo, self.who, self.total = repo, who, total
        self.progress, self.on_imported = progress, on_imported
        self.report = ImportReport()
        self.done = 0

    def to_parse(self, files: list[Path],
                 cancelled: Callable[[], bool]) -> Iterator[tuple[_File, bytes]]:
        """Read each file; those that cannot be read, or are stored already, end here."""
        for path in files:
            if cancelled():
                self.report.cancelled = True
                return
            spath = display_name(path)
            data = read_file(path)
            self.report.files += 1
            if isinstance(data, str):
                self.report.failures.append(Failure(spath, data))
                self._tick(spath)
                continue
            self.report.bytes += len(data)
            sha = hashlib.sha256(data).hexdigest()
            existing = self.repo.find_by_sha(sha)
            if existing is not None:
                self._existing(existing)
                self._tick(spath)
                continue
            yield _File(spath, name_bytes(path), data, sha), data

    def store(self, file: _File, outcome: Outcome) -> None:
        """One filing into the store, whole or not at all."""
        if isinstance(outcome, str):
            self.report.failures.append(Failure(file.path, outcome))
        else:
            noticed = bool(outcome.document.notices)
            unrecognised = mark_unrecognised(outcome)
            stamp = self.repo.proposal_stamp()  # what the memory read next is up to
            changed = with_memory(self.repo, outcome)  # the filer's memory, as proposals
            doc_id, created = self.repo.add_document(
                sha256=file.sha256, source_path=file.path, source_path_bytes=file.path_bytes,
                raw=file.data,
                document=outcome.document, candidates=outcome.candidates,
                extractor_version=EXTRACTOR_VERSION, summary=outcome.summary, who=self.who,
                flag_note=NOT_RECOGNISED if unrecognised else None, proposed_stamp=stamp,
                withheld=outcome.withheld,
            )
            if created and changed:
                self.repo.set_changes(doc_id, changed)
            if created:
                self.report.imported.append(doc_id)
            else:
                self._existing(doc_id)
            self.report.noticed += created and noticed
            self.report.unrecognised += created and unrecognised
            if created and self.on_imported:
                self.on_imported(doc_id)
        self._tick(file.path)

    def _existing(self, doc_id: int) -> None:
        """A file the store holds already; one removed from review is told, not passed over."""
        self.report.existing.append(doc_id)
        if self.repo.is_removed(doc_id):
            self.report.removed.append(doc_id)

    def _tick(self, path: str) -> None:
        self.done += 1
        if self.progress:
            self.progress(self.done, self.total, path)


def import_paths(
    repo: Repository,
    paths: Iterable[str | Path],
    who: str,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    on_imported: Callable[[int], None] | None = None,
    workers: int | None = None,
    pool: ReaderPool[_File] | None = None,
    follow_links: bool = False,
) -> ImportReport:
    """Import files and folders; each filing lands whole or not at all. `workers=0` parses
    in this process, with no time or memory budget (tests and tools only)."""
    t0 = time.perf_counter()
    failures: list[Failure] = []
    files = list(iter_files(paths, failures, follow_links=follow_links))
    run = _ImportRun(repo, who, len(files), progress, on_imported)
    run.report.failures.extend(failures)
    reader = pool if pool is not None else ReaderPool[_File](workers)
    for file, outcome in reader.read(run.to_parse(files, cancelled), cancelled=cancelled):
        run.store(file, outcome)
    run.report.cancelled = run.report.cancelled or reader.cancelled
    run.report.seconds = time.perf_counter() - t0
    return run.report
