"""The only resolver of files in resources/: source tree, installed wheel or frozen bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    here = Path(__file__).resolve().parent
    candidates = [
        Path(getattr(sys, "_MEIPASS", "")) / "resources" if hasattr(sys, "_MEIPASS") else None,
        here / "_resources",  # installed wheel: shipped inside the package
        here.parent / "resources",  # source tree
    ]
    for c in candidates:
        if c is not None and (c / "schemas").is_dir():
            return c
    raise FileNotFoundError("resources/ not found beside the reviewer package")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def sample_filings() -> list[Path]:
    """The filings a new user's first window opens on."""
    return sorted(p for p in resource("samples").iterdir() if p.is_file() and not p.name.startswith("."))
