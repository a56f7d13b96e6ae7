"""A reader that kills its own process on files containing CRASH: a stand-in for a native crash."""

import os

from reviewer.importer import _safe_process


def process(data: bytes):
    if b"CRASH" in data:
        os._exit(3)
    return _safe_process(data)
