"""The reader pool: files parsed and extracted in worker processes, within a time and a memory
budget; a worker that crashes costs only the file that crashed it.

Parsing and extraction are pure (`process`), so they cross process boundaries as plain data.
Import and re-extraction both read through this pool.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from types import FrameType
from typing import Generic, TypeVar

from ..core.document import Document, IngestError
from ..core.extract import extract, summarize
from ..core.extract.candidate import Candidate
from ..core.ingest import ingest_bytes
from ..core.schema import Schema, load_schema
from ..core.values import DocumentSummary

POOL_THRESHOLD = 8  # fewer files than this are parsed in this process (but PDFs, always apart)
TIME_BUDGET_S = 60  # per file, in the process that parses it
MEMORY_BUDGET_BYTES = 3 * 1024**3  # address space of a worker process
CRASHED = "the reader crashed on this file (twice); refused"


@dataclass(slots=True)
class Processed:
    """A file parsed and extracted, ready to store (plain data: crosses process boundaries)."""

    document: Document
    candidates: list[Candidate]
    summary: DocumentSummary


Outcome = Processed | str  # a reason when the file could not be read
Task = Callable[[bytes], Outcome]


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
        from ..paths import user_schema_dir

        _SCHEMA = load_schema([user_schema_dir()])
    return _SCHEMA


def is_pdf(data: bytes) -> bool:
    return data.lstrip()[:5] == b"%PDF-"


class _OverBudget(Exception):
    pass


def _alarm(_signum: int, _frame: FrameType | None) -> None:
    raise _OverBudget


def limit_memory() -> None:
    """Pool initializer: a worker may not grow past the memory budget."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BUDGET_BYTES, MEMORY_BUDGET_BYTES))
    except (ImportError, ValueError, OSError):  # not on this platform: the time budget still holds
        pass


def safe_process(data: bytes, budget_s: int = TIME_BUDGET_S) -> Outcome:
    """process() for a pool worker: a failure comes back as its reason, never a traceback."""
    timed = threading.current_thread() is threading.main_thread() and hasattr(signal, "SIGALRM")
    previous: Callable[[int, FrameType | None], object] | int | None = None
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


def _new_executor(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max(1, workers), mp_context=multiprocessing.get_context("spawn"),
                               initializer=limit_memory)


K = TypeVar("K")


class ReaderPool(Generic[K]):
    """Reads jobs (a key and a file's bytes) and yields (key, outcome) as each is done.

    Jobs that `in_pool` accepts go to worker processes (at most two per worker waiting);
    the others are read in this process. A worker that dies (a crash, the memory budget)
    takes its executor with it: every file it held is read again alone, so only the file
    that kills a reader is refused.
    """

    def __init__(self, workers: int | None = None, task: Task = safe_process) -> None:
        self.workers = workers if workers is not None else (os.cpu_count() or 1)
        self.task = task
        self.cancelled = False  # the last read() stopped early
        self._executor: ProcessPoolExecutor | None = None
        self._pending: dict[Future[Outcome], tuple[K, bytes, ProcessPoolExecutor]] = {}

    @property
    def parallel(self) -> bool:
        return self.workers > 1

    def read(self, jobs: Iterable[tuple[K, bytes]], *, in_pool: Callable[[bytes], bool],
             cancelled: Callable[[], bool] = lambda: False) -> Iterator[tuple[K, Outcome]]:
        self.cancelled = False
        try:
            for key, data in jobs:
                if not in_pool(data):
                    yield key, self.task(data)
                else:
                    self._submit(key, data)
                    while len(self._pending) >= max(1, self.workers) * 2:
                        yield from self._drain(block=True)
                    yield from self._drain(block=False)
                if cancelled():
                    self.cancelled = True
                    return
            while self._pending:
                if cancelled():
                    self.cancelled = True
                    return
                yield from self._drain(block=True)
        finally:
            for future in self._pending:
                future.cancel()
            self._pending.clear()
            if self._executor is not None:
                self._executor.shutdown(wait=True, cancel_futures=True)
                self._executor = None

    def _submit(self, key: K, data: bytes) -> None:
        if self._executor is None:
            self._executor = _new_executor(self.workers)
        try:
            future = self._executor.submit(self.task, data)
        except BrokenProcessPool:  # it broke before any of its files told us: start afresh
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = _new_executor(self.workers)
            future = self._executor.submit(self.task, data)
        self._pending[future] = (key, data, self._executor)

    def _drain(self, block: bool) -> Iterator[tuple[K, Outcome]]:
        if not self._pending:
            return
        finished, _ = wait(list(self._pending), timeout=None if block else 0,
                           return_when=FIRST_COMPLETED)
        for future in finished:
            key, data, owner = self._pending.pop(future)
            outcome: Outcome
            try:
                outcome = future.result()
            except BrokenProcessPool:
                if self._executor is owner:
                    owner.shutdown(wait=False, cancel_futures=True)
                    self._executor = None
                outcome = self._isolated(data)
            except Exception as exc:  # noqa: BLE001 - a worker error takes only its file
                outcome = f"reader failed: {type(exc).__name__}"
            yield key, outcome

    def _isolated(self, data: bytes) -> Outcome:
        """Read one file in a worker process of its own: a crash there is this file's alone."""
        with _new_executor(1) as solo:
            try:
                return solo.submit(self.task, data).result()
            except BrokenProcessPool:
                return CRASHED
