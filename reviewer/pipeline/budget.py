"""The memory budget of one import or re-extraction: the workers together and this process.

Each worker's address space is capped at its share; this process keeps a reserve for the files
waiting to be read and the results being stored (a file is at most MAX_FILE_BYTES). When the
budget cannot give every worker enough to read a large filing, fewer workers run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

GIB = 2**30
DEFAULT_TOTAL = 6 * GIB  # on machines with less memory, half of it
MAIN_RESERVE = 1 * GIB  # this process: up to two files per worker waiting, and one result
MIN_PER_WORKER = int(1.5 * GIB)  # below this a large PDF or HTML filing cannot be read
ENV = "REVIEWER_MEMORY_GB"  # the user's own budget, in GB


def gigabytes(n: int) -> str:
    return f"{n / GIB:.1f} GB"


def physical_memory() -> int | None:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return None


@dataclass(frozen=True, slots=True)
class MemoryBudget:
    total: int  # bytes for the whole import
    main: int = MAIN_RESERVE

    @classmethod
    def default(cls) -> MemoryBudget:
        """$REVIEWER_MEMORY_GB, else 6 GB, else half the machine's memory if that is less."""
        raw = os.environ.get(ENV, "").strip()
        if raw:
            try:
                return cls(max(int(float(raw) * GIB), MAIN_RESERVE + MIN_PER_WORKER))
            except ValueError:
                pass
        physical = physical_memory()
        total = min(DEFAULT_TOTAL, physical // 2) if physical else DEFAULT_TOTAL
        return cls(max(total, MAIN_RESERVE + MIN_PER_WORKER))

    def workers(self, wanted: int) -> int:
        """As many of `wanted` workers as the budget gives MIN_PER_WORKER each (at least one)."""
        return max(1, min(wanted, (self.total - self.main) // MIN_PER_WORKER))

    def per_worker(self, workers: int) -> int:
        return (self.total - self.main) // max(1, workers)

    def describe(self, workers: int) -> str:
        return (f"memory budget {gigabytes(self.total)}: {workers} reader(s) of "
                f"{gigabytes(self.per_worker(workers))} each")
