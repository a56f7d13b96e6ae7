"""The reader pool: files parsed and extracted in worker processes that this process can stop.

Every parse runs in a worker of its own making: a file that takes longer than the time budget
is stopped by killing its worker (a parse stuck inside C code cannot be interrupted from within),
each worker may use at most its share of the import's memory budget, a worker that crashes
costs only the file it held, Cancel stops all of them within a poll, and workers die with
the process that started them, whatever kills it. Import and re-extraction both read here.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Generic, TypeVar

from ..core.document import Document, IngestError
from ..core.extract import extract, summarize
from ..core.extract.candidate import Candidate
from ..core.ingest import ingest_bytes
from ..core.schema import Schema, SchemaError, load_schema
from ..core.values import DocumentSummary
from .budget import MemoryBudget, gigabytes

TIME_BUDGET_S = 60.0  # per file: its worker is killed when it takes longer
POLL_S = 0.2  # how often the pool looks at deadlines and at Cancel
CRASHED = "the reader crashed on this file (twice); refused"


@dataclass(slots=True)
class Processed:
    """A file parsed and extracted, ready to store (plain data: crosses process boundaries)."""

    document: Document
    candidates: list[Candidate]
    summary: DocumentSummary
    # values the filer's memory withheld (analysts turned them down before): stored rejected
    withheld: list[Candidate] = field(default_factory=list)


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


def over_time(budget_s: float) -> str:
    return f"took longer than {budget_s:g} s to read (the time budget per file); refused"


def _memory_limit() -> int | None:
    try:
        import resource

        soft = resource.getrlimit(resource.RLIMIT_AS)[0]
        return None if soft == resource.RLIM_INFINITY else soft
    except (ImportError, ValueError, OSError):
        return None


def _peak_address_space() -> int | None:
    """The most address space this process has held (Linux: VmPeak), in bytes."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmPeak:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def too_large() -> str:
    limit = _memory_limit()
    within = f" within {gigabytes(limit)} (the memory budget per file)" if limit else ""
    return f"too large to read{within}; refused"


def safe_process(data: bytes) -> Outcome:
    """process() for a worker: a failure comes back as its reason, never a traceback."""
    before = _peak_address_space()
    try:
        return process(data)
    except MemoryError:
        return too_large()
    except RecursionError:
        return "structure nested too deeply to read"
    except SchemaError as exc:  # the user's field definitions, not this file
        return f"cannot read the field definitions: {exc}"
    except Exception as exc:  # noqa: BLE001 - a bad file must never stop the batch
        # A C library that cannot allocate says "unknown error": if this file took the worker
        # to its memory limit, that is the reason to give.
        limit, after = _memory_limit(), _peak_address_space()
        if limit and before and after and after > before and after >= 0.9 * limit:
            return too_large()
        if isinstance(exc, IngestError):
            return str(exc)
        return f"internal error while reading: {type(exc).__name__}: {exc}"


def limit_memory(limit: int) -> None:
    """A worker may not grow past its share of the memory budget (address space)."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):  # not on this platform: the time budget still holds
        pass


def _die_with_parent(parent: int) -> None:
    """Linux kills this process when the thread that started it ends; elsewhere a watcher does."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError, TypeError):
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(0)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def _worker_main(conn: Connection, task: Task, memory_limit: int, parent: int) -> None:
    """A worker: reads one file's bytes at a time, sends back its outcome."""
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    limit_memory(memory_limit)
    while True:
        try:
            data = conn.recv_bytes()
        except (EOFError, OSError):
            return
        conn.send(task(data))


K = TypeVar("K")


@dataclass(slots=True)
class _Job(Generic[K]):
    key: K
    data: bytes
    tries: int = 0


class _Worker(Generic[K]):
    """One worker process and the job it holds."""

    def __init__(self, task: Task, memory_limit: int) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, daemon=True,
                                   args=(child, task, memory_limit, os.getpid()))
        self.process.start()
        child.close()
        self.job: _Job[K] | None = None
        self.started = 0.0

    def give(self, job: _Job[K]) -> None:
        self.job, self.started = job, time.monotonic()
        self.conn.send_bytes(job.data)

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class ReaderPool(Generic[K]):
    """Reads jobs (a key and a file's bytes) and yields (key, outcome) as each is done.

    `workers=0` reads in this process, with no budget: for tests and tools, never the default.
    """

    def __init__(self, workers: int | None = None, task: Task = safe_process, *,
                 time_budget_s: float = TIME_BUDGET_S,
                 memory: MemoryBudget | None = None) -> None:
        self.memory = memory or MemoryBudget.default()
        wanted = workers if workers is not None else (os.cpu_count() or 1)
        self.workers = self.memory.workers(wanted) if wanted > 0 else 0
        self.task = task
        self.time_budget_s = time_budget_s
        self.cancelled = False  # the last read() stopped early

    @property
    def memory_per_file(self) -> int:
        return self.memory.per_worker(max(1, self.workers))

    def read(self, jobs: Iterable[tuple[K, bytes]], *,
             cancelled: Callable[[], bool] = lambda: False) -> Iterator[tuple[K, Outcome]]:
        self.cancelled = False
        if self.workers == 0:
            for key, data in jobs:
                yield key, self.task(data)
                if cancelled():
                    self.cancelled = True
                    return
            return
        yield from self._read_in_workers(iter(jobs), cancelled)

    def _read_in_workers(self, jobs: Iterator[tuple[K, bytes]],
                         cancelled: Callable[[], bool]) -> Iterator[tuple[K, Outcome]]:
        retry: deque[_Job[K]] = deque()
        idle: list[_Worker[K]] = []
        busy: list[_Worker[K]] = []
        exhausted = False
        try:
            while True:
                if cancelled():
                    self.cancelled = True
                    return
                while (retry or not exhausted) and (idle or len(busy) < self.workers):
                    if retry:
                        job = retry.popleft()
                    else:
                        item = next(jobs, None)
                        if item is None:
                            exhausted = True
                            break
                        job = _Job(*item)
                    worker = idle.pop() if idle else _Worker[K](self.task, self.memory_per_file)
                    try:
                        worker.give(job)
                        busy.append(worker)
                    except OSError:  # it died before it could take the file
                        worker.kill()
                        yield from self._crashed(job, retry)
                if not busy:
                    return
                ready = wait([w.conn for w in busy], timeout=POLL_S)
                for worker in [w for w in busy if w.conn in ready]:
                    busy.remove(worker)
                    held = worker.job
                    assert held is not None
                    try:
                        outcome = worker.conn.recv()
                    except (EOFError, OSError):  # a crash, or killed over the memory limit
                        worker.kill()
                        yield from self._crashed(held, retry)
                        continue
                    idle.append(worker)
                    yield held.key, outcome
                now = time.monotonic()
                for worker in [w for w in busy if now - w.started > self.time_budget_s]:
                    busy.remove(worker)
                    worker.kill()
                    assert worker.job is not None
                    yield worker.job.key, over_time(self.time_budget_s)
        finally:
            for worker in idle + busy:
                worker.kill()

    @staticmethod
    def _crashed(job: _Job[K], retry: deque[_Job[K]]) -> Iterator[tuple[K, Outcome]]:
        """Read a file again once in a fresh worker; a second crash refuses it."""
        if job.tries == 0:
            retry.append(_Job(job.key, job.data, 1))
        else:
            yield job.key, CRASHED
