"""Files written whole or not at all: into NAME.part beside the target, renamed over it at the end."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


@contextmanager
def replaced_whole(target: Path) -> Iterator[Path]:
    """A path to write `target` at; it replaces `target` only if the block ends without error."""
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    try:
        yield partial
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_text(target: Path, encoding: str = "utf-8") -> Iterator[TextIO]:
    """A text file opened for writing `target` whole (newlines written as given)."""
    with replaced_whole(target) as partial, partial.open("w", encoding=encoding, newline="") as fh:
        yield fh
