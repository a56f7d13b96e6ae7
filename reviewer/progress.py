"""Progress of a long command on stderr: a bar redrawn in place on a terminal; elsewhere (a log,
a script, CI) a line every few seconds, so a long import is never silent."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from .core.names import escape_name

PROGRESS_SECONDS = 5.0  # off a terminal, a progress line this often ($REVIEWER_PROGRESS_SECONDS)


class ProgressBar:
    """Progress on stderr: a bar redrawn in place on a terminal; elsewhere (a log, a script,
    CI) a line every few seconds, so a long import is never silent."""

    def __init__(self, unit: str = "files", sizes: bool = True) -> None:
        self.terminal = sys.stderr.isatty()
        self.unit, self.sizes = unit, sizes  # sizes: `path` is a file whose size counts
        try:
            self.interval = float(os.environ.get("REVIEWER_PROGRESS_SECONDS", PROGRESS_SECONDS))
        except ValueError:
            self.interval = PROGRESS_SECONDS
        self.start = self.last = time.monotonic()
        self.bytes = 0

    def __call__(self, done: int, total: int, path: str) -> None:
        if not total:
            return
        if not self.terminal:
            self._line(done, total, path)
            return
        width = 30
        filled = width * done // total
        name = escape_name(Path(path).name)[:40]
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name:<40}")
        if done == total:
            sys.stderr.write("\r" + " " * (width + 60) + "\r")
        sys.stderr.flush()

    def _line(self, done: int, total: int, path: str) -> None:
        """`reviewer: 120/853 files, 14.2 MB, 31 s` once the interval has passed (at the end
        the summary says the rest)."""
        if self.sizes:
            try:
                self.bytes += os.stat(path).st_size
            except (OSError, ValueError):
                pass  # gone, or a name that is not the file's own: the figure is a guide
        now = time.monotonic()
        if done >= total or now - self.last < self.interval:
            return
        self.last = now
        size = f", {self.bytes / 1e6:.1f} MB" if self.sizes else ""
        print(f"reviewer: {done}/{total} {self.unit}{size}, {now - self.start:.0f} s",
              file=sys.stderr, flush=True)
