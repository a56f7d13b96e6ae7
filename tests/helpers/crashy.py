"""A reader that kills its own process on files containing CRASH: a stand-in for a native crash."""

import os

from reviewer.pipeline.pool import safe_process


def process(data: bytes):
    if b"CRASH" in data:
        os._exit(3)
    return safe_process(data)
