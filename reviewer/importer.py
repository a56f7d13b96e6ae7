"""Import: files and folders in, filings in the store out. Shared by the CLI and the window.

Parsing and extraction are pure (`process`), so they run in a process pool when there are
many files; only this process writes to the store, one transaction per filing.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .core.document import Document, IngestError
from .core.extract import EXTRACTOR_VERSION, extract, summarize
from .core.extract.candidate import Candidate
from .core.ingest import ingest_bytes
from .core.schema import Schema, load_schema

if TYPE_CHECKING:
    from .store.repository import Repository

POOL_THRESHOLD = 8  # fewer files than this are parsed in this process (but PDFs, always apart)
MAX_FILE_BYTES = 100 * 1024 * 1024  # larger files are refused unread
TIME_BUDGET_S = 60  # per file, in the process that parses it
MEMORY_BUDGET_BYTES = 3 * 1024**3  # address space of a worker process


@dataclass(slots=True)
class Failure:
    path: str
    reason: str

    def line(self) -> str:
        return f"reviewer: {self.path}: {self.reason}"


@dataclass(slots=True)
class ImportReport:
    imported: list[int] = field(default_factory=list)  # new document ids
    existing: list[int] = field(default_factory=list)  # already in the store
    failures: list[Failure] = field(default_factory=list)
    files: int = 0
    bytes: int = 0
    seconds: float = 0.0
    cancelled: bool = False

    def summary(self) -> str:
        mb = self.bytes / 1e6
        text = (
            f"{len(self.imported)} imported, {len(self.existing)} already stored, "
            f"{len(self.failures)} failed ({self.files} files, {mb:.1f} MB, {self.seconds:.1f} s)"
        )
        return text + (" - cancelled" if self.cancelled else "")


def iter_files(paths: Iterable[str | Path], failures: list[Failure]) -> Iterator[Path]:
    """Every file under `paths`, folders walked recursively in name order; hidden files skipped."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            seen: set[tuple[int, int]] = set()
            for root, dirs, files in os.walk(p, onerror=lambda e: failures.append(
                    Failure(str(e.filename), e.strerror or str(e)))):
                st = os.stat(root)
                if (st.st_dev, st.st_ino) in seen:
                    dirs[:] = []
                    continue
                seen.add((st.st_dev, st.st_ino))
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        elif p.exists() or p.is_symlink():
            yield p
        else:
            failures.append(Failure(str(p), "no such file or folder"))


@dataclass(slots=True)
class Processed:
    """A file parsed and extracted, ready to store (plain data: crosses process boundaries)."""

    document: Document
    candidates: list[Candidate]
    summary: dict[str, object]


def process(data: bytes, schema: Schema | None = None) -> Processed:
    """Parse and extract one file's bytes. Raises IngestError with the one-line reason."""
    schema = schema or _worker_schema()
    document = ingest_bytes(data)
    candidates = extract(document, schema)
    return Processed(document, candidates, summarize(candidates))


_SCHEMA: Schema | None = None


def _worker_schema() -> Schema:
    global _SCHEMA
    if _SCHEMA is None:
        from .paths import user_schema_dir

        _SCHEMA = load_schema([user_schema_dir()])
    return _SCHEMA


class _OverBudget(Exception):
    pass


def _alarm(_signum, _frame) -> None:
    raise _OverBudget


def _limit_worker() -> None:
    """Pool initializer: a worker may not grow past the memory budget."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BUDGET_BYTES, MEMORY_BUDGET_BYTES))
    except (ImportError, ValueError, OSError):  # not on this platform: the time budget still holds
        pass


def _safe_process(data: bytes, budget_s: int = TIME_BUDGET_S) -> Processed | str:
    """process() for a pool worker: a failure comes back as its reason, never a traceback."""
    timed = threading.current_thread() is threading.main_thread() and hasattr(signal, "SIGALRM")
    if timed:
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.alarm(budget_s)
    try:
        return process(data)
    except _OverBudget:
        return f"took longer than {budget_s} s to read (the time budget per file); refused"
    except IngestError as exc:
        return str(exc)
    except RecursionError:
        return "structure nested too deeply to read"
    except MemoryError:
        return "too large to read in memory"
    except Exception as exc:  # noqa: BLE001 - a bad file must never stop the batch
        return f"internal error while reading: {type(exc).__name__}: {exc}"
    finally:
        if timed:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)


def _read(path: Path) -> bytes | str:
    try:
        if path.is_symlink():
            try:
                path.resolve(strict=True)
            except RuntimeError:
                return "a symbolic link loop"
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


def _isolated(data: bytes) -> Processed | str:
    """Read one file in a worker process of its own: a crash there is this file's alone."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_limit_worker) as solo:
        try:
            return solo.submit(_safe_process, data).result()
        except BrokenProcessPool:
            return "the reader crashed on this file (twice); refused"


Progress = Callable[[int, int, str], None]  # (done, total, current path)


def import_paths(
    repo: Repository,
    paths: Iterable[str | Path],
    who: str,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    on_imported: Callable[[int], None] | None = None,
    workers: int | None = None,
) -> ImportReport:
    """Import files and folders; each filing lands whole or not at all."""
    from .store.repository import DocumentSummary  # here, not at the top: pool workers never store

    t0 = time.perf_counter()
    report = ImportReport()
    files = list(iter_files(paths, report.failures))
    total = len(files)
    workers = workers if workers is not None else (os.cpu_count() or 1)
    pool: ProcessPoolExecutor | None = None
    use_pool_for_all = workers > 1 and total >= POOL_THRESHOLD
    pending: dict[Future, tuple[str, bytes, str, ProcessPoolExecutor]] = {}
    done = 0

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max(1, workers), mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_limit_worker)

    def submit(path: str, data: bytes, sha: str) -> None:
        nonlocal pool
        if pool is None:
            pool = new_pool()
        try:
            future = pool.submit(_safe_process, data)
        except BrokenProcessPool:  # it broke before any of its files told us: start afresh
            pool.shutdown(wait=False, cancel_futures=True)
            pool = new_pool()
            future = pool.submit(_safe_process, data)
        pending[future] = (path, data, sha, pool)

    def store(path: str, data: bytes, sha: str, result: Processed | str) -> None:
        if isinstance(result, str):
            report.failures.append(Failure(path, result))
            return
        doc_id, created = repo.add_document(
            sha256=sha, source_path=path, raw=data, document=result.document,
            candidates=result.candidates, extractor_version=EXTRACTOR_VERSION,
            summary=DocumentSummary(**result.summary), who=who,
        )
        (report.imported if created else report.existing).append(doc_id)
        if created and on_imported:
            on_imported(doc_id)

    def drain(block: bool) -> None:
        nonlocal done, pool
        if not pending:
            return
        finished, _ = wait(list(pending), timeout=None if block else 0, return_when=FIRST_COMPLETED)
        for fut in finished:
            path, data, sha, owner = pending.pop(fut)
            try:
                result = fut.result()
            except BrokenProcessPool:
                # A worker died (a crash, or the memory budget) and took the pool with it. Every
                # file it held is read again alone, so only the file that kills a reader is refused.
                if pool is owner:
                    owner.shutdown(wait=False, cancel_futures=True)
                    pool = None
                result = _isolated(data)
            except Exception as exc:  # noqa: BLE001 - a worker error takes only its file
                result = f"reader failed: {type(exc).__name__}"
            store(path, data, sha, result)
            done += 1
            if progress:
                progress(done, total, path)

    try:
        for path in files:
            if cancelled():
                report.cancelled = True
                break
            spath = str(path)
            data = _read(path)
            report.files += 1
            if isinstance(data, str):
                report.failures.append(Failure(spath, data))
                done += 1
                continue
            report.bytes += len(data)
            sha = hashlib.sha256(data).hexdigest()
            existing = repo.find_by_sha(sha)
            if existing is not None:
                report.existing.append(existing)
                done += 1
                if progress:
                    progress(done, total, spath)
                continue
            if not use_pool_for_all and not data.lstrip()[:5] == b"%PDF-":
                store(spath, data, sha, _safe_process(data))
                done += 1
                if progress:
                    progress(done, total, spath)
            else:  # PDFs always, and everything in large batches: parsed in worker processes
                submit(spath, data, sha)
                while len(pending) >= max(1, workers) * 2:
                    drain(block=True)
                drain(block=False)
        while pending:
            if cancelled():
                report.cancelled = True
                for fut in pending:
                    fut.cancel()
                break
            drain(block=True)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    report.seconds = time.perf_counter() - t0
    return report
