"""Benchmarks: `make bench` runs them all in one process and rewrites BENCHMARKS.md."""

from __future__ import annotations

import os
import platform
import re
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"

from reviewer.core.extract import extract  # noqa: E402
from reviewer.core.ingest import IngestError, detect_format, ingest_bytes  # noqa: E402
from reviewer.core.ingest.textfile import decode_bytes  # noqa: E402
from reviewer.core.schema import load_schema  # noqa: E402

YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def corpus_files() -> list[Path]:
    files = sorted(p for p in (CORPUS / "raw").rglob("*") if p.is_file())
    return files + sorted(p for p in (CORPUS / "seeds").iterdir() if p.is_file())


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def bench_import(files: list[Path]) -> list[str]:
    """Per format: our ingest+extract against a read+decode+one-regex baseline, one core."""
    schema = load_schema()
    rows: dict[str, dict[str, float]] = {}
    for path in files:
        data = path.read_bytes()
        try:
            fmt = detect_format(data)
        except IngestError:
            continue
        t0 = time.perf_counter()
        text, _ = decode_bytes(path.read_bytes())
        len(YEAR.findall(text))
        base = time.perf_counter() - t0
        t0 = time.perf_counter()
        try:
            extract(ingest_bytes(path.read_bytes()), schema)
        except IngestError:
            continue
        ours = time.perf_counter() - t0
        r = rows.setdefault(fmt, {"files": 0, "bytes": 0, "ours": 0.0, "base": 0.0})
        r["files"] += 1
        r["bytes"] += len(data)
        r["ours"] += ours
        r["base"] += base
    out = ["| format | files | MB | ingest+extract s | files/s | MB/s | baseline MB/s | ratio |",
           "|---|---|---|---|---|---|---|---|"]
    total = {"files": 0, "bytes": 0, "ours": 0.0, "base": 0.0}
    for fmt in sorted(rows):
        r = rows[fmt]
        for k in total:
            total[k] += r[k]
        out.append(_import_row(fmt, r))
    out.append(_import_row("all", total))
    return out


def _import_row(name: str, r: dict[str, float]) -> str:
    mb = r["bytes"] / 1e6
    return (f"| {name} | {int(r['files'])} | {mb:.1f} | {r['ours']:.2f} | {r['files'] / r['ours']:.1f} | "
            f"{mb / r['ours']:.2f} | {mb / r['base']:.1f} | {r['ours'] / r['base']:.0f}x |")


def bench_import_pool(files: list[Path]) -> str:
    """The real `reviewer import` path: a process pool over both cores, into a new store."""
    from reviewer.importer import import_paths
    from reviewer.store import Repository, open_store

    with tempfile.TemporaryDirectory() as tmp:
        repo = Repository(open_store(Path(tmp) / "b.db"))
        t0 = time.perf_counter()
        report = import_paths(repo, [CORPUS / "raw", CORPUS / "seeds"], "bench")
        seconds = time.perf_counter() - t0
        repo.db.conn.close()
    mb = report.bytes / 1e6
    return (f"`reviewer import` of the corpus (both cores, into a new store): {report.files} files, "
            f"{mb:.1f} MB in {seconds:.1f} s ({report.files / seconds:.1f} files/s, {mb / seconds:.2f} MB/s); "
            f"{len(report.failures)} refused.")


def bench_pdf(files: list[Path]) -> list[str]:
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams

    pdfs = [p for p in files if p.suffix.lower() == ".pdf"][:30]
    ours = theirs = 0.0
    pages = 0
    for p in pdfs:
        data = p.read_bytes()
        t0 = time.perf_counter()
        try:
            doc = ingest_bytes(data)
        except IngestError:
            continue
        ours += time.perf_counter() - t0
        pages += len(doc.parts)
        t0 = time.perf_counter()
        extract_text(p, laparams=LAParams(all_texts=True))
        theirs += time.perf_counter() - t0
    return [
        "| reader | PDFs | pages | seconds | pages/s |", "|---|---|---|---|---|",
        f"| reviewer ingest (pages mapped) | {len(pdfs)} | {pages} | {ours:.1f} | {pages / ours:.1f} |",
        f"| pdfminer.six extract_text | {len(pdfs)} | {pages} | {theirs:.1f} | {pages / theirs:.1f} |",
        f"| ratio (ours / pdfminer) | | | {ours / theirs:.2f} | |",
    ]


def bench_extract_typical(files: list[Path]) -> str:
    """Extraction alone on filings of 30-80 KB of text: the issue's 'typical 50 KB filing'."""
    schema = load_schema()
    times = []
    for p in files:
        try:
            doc = ingest_bytes(p.read_bytes())
        except IngestError:
            continue
        if 30_000 <= len(doc.text) <= 80_000:
            for _ in range(3):
                t0 = time.perf_counter()
                extract(doc, schema)
                times.append(time.perf_counter() - t0)
    return (f"Extraction of filings with 30-80 KB of text ({len(times) // 3} filings, 3 runs each): "
            f"p50 {pct(times, 0.5) * 1000:.1f} ms, p95 {pct(times, 0.95) * 1000:.1f} ms, "
            f"max {max(times) * 1000:.1f} ms.")


def bench_next_filing() -> list[str]:
    """Alt+Down in the real window: store read, text set, highlights, field panel filled."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reviewer.core.document import Document, Part
    from reviewer.core.extract.candidate import Candidate
    from reviewer.importer import import_paths
    from reviewer.store import Repository, open_store
    from reviewer.store.repository import DocumentSummary
    from reviewer.ui.app import build_window

    app = QApplication.instance() or QApplication([])
    rows = ["| filings | opened | p50 ms | p95 ms | max ms |", "|---|---|---|---|---|"]
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "w.db"
        repo = Repository(open_store(store))
        import_paths(repo, [CORPUS / "seeds", CORPUS / "raw" / "edgar-txt", CORPUS / "raw" / "html",
                            CORPUS / "raw" / "text"], "bench")
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        window = build_window(store, "bench", settings)
        window.show()
        app.processEvents()
        window.queue.status_combo.setCurrentIndex(3)  # all
        by_size: dict[str, list[float]] = {"under 100 KB of text": [], "100 KB and more": []}
        for row in range(window.queue.model.rowCount()):
            doc_id = window.queue.model.document_id(row)
            size = len(repo.load_document(doc_id).text)
            t0 = time.perf_counter()
            window.queue.select_row(row)
            app.processEvents()
            by_size["under 100 KB of text" if size < 100_000 else "100 KB and more"].append(
                time.perf_counter() - t0)
        for name, times in by_size.items():
            if times:
                rows.append(f"| {name} | {len(times)} | {pct(times, .5) * 1000:.1f} | "
                            f"{pct(times, .95) * 1000:.1f} | {max(times) * 1000:.1f} |")
        # a synthetic 10 MB filing with 1,000 highlighted spans
        line = "The Company reported results for the quarter ended March 31, 2024 in Seoul.\n"
        text = line * (10_000_000 // len(line))
        step = len(text) // 1000
        cands = [Candidate("headline", f"v{i}", i * step, i * step + 40, 0.9, "bench") for i in range(1000)]
        big, _ = repo.add_document(sha256="f" * 64, source_path="synthetic.txt", raw=text.encode(),
                                   document=Document(text, "text", [Part("body", 0, len(text))]),
                                   candidates=cands, extractor_version="bench",
                                   summary=DocumentSummary(), who="bench")
        window.queue.model.reload()
        times = []
        for _ in range(5):
            window.queue.select_row(0)
            app.processEvents()
            t0 = time.perf_counter()
            window.queue.select_document(big)
            app.processEvents()
            times.append(time.perf_counter() - t0)
        rows.append(f"| synthetic 10 MB, 1,000 spans | 5 | {pct(times, .5) * 1000:.0f} | "
                    f"{pct(times, .95) * 1000:.0f} | {max(times) * 1000:.0f} |")
        window.close()
        repo.db.conn.close()
    return rows


def main() -> None:
    files = corpus_files()
    started = time.perf_counter()
    sections = [
        ("Import + extract, per format (one core, in process)", bench_import(files)),
        ("Import through the CLI path", [bench_import_pool(files)]),
        ("PDF", bench_pdf(files)),
        ("Extraction", [bench_extract_typical(files)]),
        ("Next filing in the window (offscreen)", bench_next_filing()),
    ]
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    lines = [
        "# Benchmarks",
        "",
        f"Written by `make bench` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {machine};",
        f"corpus: {len(files)} files from `../shared/corpus`. Whole run: "
        f"{time.perf_counter() - started:.0f} s.",
        "",
    ]
    for title, body in sections:
        lines += [f"## {title}", "", *body, ""]
    (ROOT / "BENCHMARKS.md").write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
