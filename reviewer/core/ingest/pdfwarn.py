"""pdfminer's warnings, caught per read: a damaged content stream becomes a notice, not empty pages.

pdfminer reads what it can of a corrupted stream and logs "Data-loss while decompressing
corrupted data" at WARNING, but only for damage in the stream's last bytes (see
_tell_lost_streams for the rest). One handler on the "pdfminer" logger hands each record to the read in progress on
the thread that logged it; records of any other thread, or logged outside a read, are dropped.
Logging is per process, so each worker process catches its own reads.
"""

from __future__ import annotations

import collections
import logging
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

_LOGGER = logging.getLogger("pdfminer")
STREAM_LOST = "Data-loss: a corrupted stream could not be decompressed at all"
STREAM_CUT = "Data-loss: a corrupted stream ends before its end mark"


class PdfRead:
    """What pdfminer said during one read, by the page it was reading."""

    def __init__(self) -> None:
        self.page = 1  # the page being read (or fetched): set by the reader
        self.damaged: collections.Counter[int] = collections.Counter()  # page -> streams with data loss
        # every other message, by its template: never formatted (a damaged page can log thousands,
        # each with the page's operands), at most 100 kinds
        self.warnings: collections.Counter[str] = collections.Counter()

    def record(self, record: logging.LogRecord) -> None:
        """File one record: data loss under its page, the rest by message."""
        template = str(record.msg)[:120]
        if template.startswith("Data-loss"):
            self.damaged[self.page] += 1
        elif template in self.warnings or len(self.warnings) < 100:
            self.warnings[template] += 1

    def check_contents(self, contents: list[object]) -> None:
        """A page whose content stream is missing, or compressed with no /Filter to say so, reads
        as an empty page with no word from pdfminer: counted as damaged here."""
        from pdfminer.pdftypes import PDFStream, resolve1

        for ref in contents:
            stream = resolve1(ref)
            if not isinstance(stream, PDFStream):
                self.damaged[self.page] += 1
            elif "Filter" not in stream.attrs and "F" not in stream.attrs and _zlib_head(stream.rawdata):
                self.damaged[self.page] += 1

    def notices(self, pages: int) -> list[str]:
        """One line naming the pages whose content is damaged ([] when none is)."""
        on_pages = sorted(p for p in self.damaged if p <= pages)
        elsewhere = sum(n for p, n in self.damaged.items() if p > pages)
        told = []
        if on_pages:
            names = ", ".join(str(p) for p in on_pages)
            told.append(f"page {names}: its content stream is damaged; text may be missing" if len(on_pages) == 1
                         else f"pages {names}: their content streams are damaged; text may be missing")
        if elsewhere:
            told.append(f"{elsewhere} damaged stream{'s' if elsewhere != 1 else ''} outside the pages' "
                        "content; text may be missing")
        return told


def _zlib_head(data: bytes | None) -> bool:
    """Data that starts like a zlib stream (an RFC 1950 header that inflates), not like page content."""
    if not data or len(data) < 8 or data[0] & 0x0F != 8 or ((data[0] << 8) | data[1]) % 31:
        return False
    try:
        zlib.decompressobj().decompress(data[:256])
    except zlib.error:
        return False
    return True


class _ToTheRead(logging.Handler):
    """Hands a record to the read in progress on the logging thread; drops it when there is none."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.local = threading.local()

    def emit(self, record: logging.LogRecord) -> None:
        read: PdfRead | None = getattr(self.local, "read", None)
        if read is not None:
            read.record(record)


_HANDLER = _ToTheRead()
_INSTALL = threading.Lock()


def _install() -> None:
    """The handler on pdfminer's logger (once per process); its records go nowhere else."""
    with _INSTALL:
        if _HANDLER in _LOGGER.handlers:
            return
        _LOGGER.addHandler(_HANDLER)
        _LOGGER.setLevel(logging.WARNING)
        _LOGGER.propagate = False  # the analyst sees our notices, not pdfminer's log
        _tell_lost_streams()


def _tell_lost_streams() -> None:
    """pdfminer's decompress_corrupted (a Flate stream zlib refused) logs a loss only when the
    damage is in the stream's last bytes: one that fails from the start becomes empty, and one
    cut short keeps its first part, both silently. It is wrapped to log those losses too; a
    stream complete but for its checksum is whole (some producers write none) and is no loss."""
    from pdfminer import pdftypes

    original = pdftypes.decompress_corrupted
    if getattr(original, "_reviewer_wrapped", False):
        return

    def decompress_corrupted(data: bytes) -> bytes:
        try:
            out = original(data)
        except zlib.error:
            pdftypes.logger.warning(STREAM_LOST)
            raise
        if not _deflate_complete(data):
            pdftypes.logger.warning(STREAM_CUT)
        return out

    decompress_corrupted._reviewer_wrapped = True  # type: ignore[attr-defined]
    pdftypes.decompress_corrupted = decompress_corrupted


def _deflate_complete(data: bytes) -> bool:
    """The deflate data inside a zlib stream runs to its end mark (its checksum aside)."""
    inflate = zlib.decompressobj(-zlib.MAX_WBITS)
    try:
        inflate.decompress(data[2:])
    except zlib.error:
        return False
    return inflate.eof


@contextmanager
def pdfminer_warnings() -> Iterator[PdfRead]:
    """Collect pdfminer's warnings on this thread while the block runs."""
    _install()
    read = PdfRead()
    outer = getattr(_HANDLER.local, "read", None)
    _HANDLER.local.read = read
    try:
        yield read
    finally:
        _HANDLER.local.read = outer
