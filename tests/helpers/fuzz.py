"""A seeded mutation fuzzer over real corpus filings, run through the real import.

`make_mutants(seed, n, folder)` picks corpus files of every format (EDGAR `.txt`/`.nc`
submissions, HTML, plain text, PDF; small ones, or the first 300 KB of a larger text file)
and damages each in one or two ways (the recipe is in its name):

    truncate        the file cut short at a random byte
    flip            1 to 8 bytes each with one bit flipped
    dup / delete    a chunk of up to 8 KB repeated in place / removed
    nuls            1 to 32 NUL bytes inserted
    utf16le[-bom], utf16be[-bom]   the text re-encoded as UTF-16, with or without a BOM
    cp1252 / latin1 the UTF-8 text (with a few accented words added) re-encoded
    tagcut-end      the file ends inside a tag
    tagcut-half     the second half of a tag removed (the text after it runs into the tag)
    open-comment    an unclosed `<!--` before a tag
    open-script / open-style   an unclosed `<script>` / `<style>` before a tag
    drop-document   one `<DOCUMENT>...</DOCUMENT>` removed from a submission

The same seed always gives the same mutants (random.Random(seed); the corpus is read in name
order). `run_import(mutants, ...)` imports them with `import_paths` (worker processes, the
default memory budget), samples the resident memory of the whole process tree every 0.1 s,
catches anything written to stderr, and judges every mutant (see `unnoticed_garbage`).

    python tests/helpers/fuzz.py [-n 1000] [--seed 12] [--keep DIR] [--only INDEX ...]

prints the summary (`make fuzz`); exit status 1 when a rule is broken.
"""

from __future__ import annotations

import argparse
import codecs
import collections
import hashlib
import json
import os
import random
import re
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS_RAW = ROOT.parent / "shared" / "corpus" / "raw"
MAX_SOURCE = 300_000  # larger text, HTML and SGML files are cut here (at a line end)
MAX_PDF = 60_000  # pdfminer reads ~13 pages/s: small PDFs keep the sample fast
FOLDERS = {"edgar-txt": "edgar", "html": "html", "text": "text", "pdf": "pdf"}

C0 = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # C0 controls but \t \n \f \r (and DEL)
WORD = re.compile(r"[^\W\d_]{4,}")
MIN_WORDS = 10  # fewer reference words than this: too few to judge a loss
LOST_MOST = 0.5  # more than this share of the reference words missing: "lost most"


# ---------------------------------------------------------------- the corpus sources


@dataclass(slots=True)
class Source:
    path: Path
    fmt: str  # edgar | html | text | pdf (by corpus folder)
    data: bytes
    encoding: str | None  # how its bytes decode (None for PDF)
    _reference: object = None

    def reference(self) -> object:
        """The original read in this process: the Document the mutants are judged against."""
        if self._reference is None:
            from reviewer.core.ingest import ingest_bytes

            self._reference = ingest_bytes(self.data)
        return self._reference


def sources(raw: Path = CORPUS_RAW) -> dict[str, list[Source]]:
    """Corpus files by format: every file under MAX_SOURCE (PDFs under MAX_PDF); a format
    with fewer than three such files also gets the first MAX_SOURCE bytes of larger ones."""
    found: dict[str, list[Source]] = {}
    for folder, fmt in FOLDERS.items():
        files = sorted(p for p in (raw / folder).iterdir() if p.is_file())
        limit = MAX_PDF if fmt == "pdf" else MAX_SOURCE
        small = [p for p in files if p.stat().st_size <= limit]
        chosen = small if len(small) >= 3 or fmt == "pdf" else files
        found[fmt] = [_source(p, fmt) for p in chosen]
    return found


def _source(path: Path, fmt: str) -> Source:
    data = path.read_bytes()
    if len(data) > MAX_SOURCE:
        cut = data.rfind(b"\n", 0, MAX_SOURCE)
        data = data[: cut + 1 if cut > 0 else MAX_SOURCE]
    encoding = None
    if fmt != "pdf":
        try:
            data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = "cp1252"
    return Source(path, fmt, data, encoding)


# ---------------------------------------------------------------- mutations
# Each takes (rng, data, source) and returns (new bytes, label, encoding of the new bytes)
# or None when it does not apply to this file.

Result = tuple[bytes, str, str | None] | None
_TAG = re.compile(rb"<[A-Za-z][A-Za-z0-9:]*(?:\s[^<>]{0,200})?>")
_DOC = re.compile(rb"<DOCUMENT>.*?</DOCUMENT>\s*", re.S | re.I)
ACCENTED = ["Café", "Société Générale", "naïve", "résumé", "Zürich", "São Paulo", "Müller"]


def truncate(rng: random.Random, data: bytes, src: Source) -> Result:
    at = rng.randrange(1, max(2, len(data)))
    return data[:at], f"truncate@{at}", src.encoding


def flip(rng: random.Random, data: bytes, src: Source) -> Result:
    out = bytearray(data)
    k = rng.randint(1, 8)
    at = sorted(rng.randrange(len(out)) for _ in range(k))
    for i in at:
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out), f"flip{k}@{at[0]}", src.encoding


def dup(rng: random.Random, data: bytes, src: Source) -> Result:
    at = rng.randrange(len(data))
    n = rng.randint(1, 8192)
    return data[: at + n] + data[at : at + n] + data[at + n :], f"dup{n}@{at}", src.encoding


def delete(rng: random.Random, data: bytes, src: Source) -> Result:
    at = rng.randrange(len(data))
    n = rng.randint(1, 8192)
    return data[:at] + data[at + n :], f"delete{n}@{at}", src.encoding


def nuls(rng: random.Random, data: bytes, src: Source) -> Result:
    k = rng.randint(1, 32)
    at = sorted(rng.randrange(len(data) + 1) for _ in range(k))
    out, last = [], 0
    for i in at:
        out += [data[last:i], b"\x00"]
        last = i
    out.append(data[last:])
    return b"".join(out), f"nuls{k}@{at[0]}", src.encoding


def _text(data: bytes, src: Source) -> str | None:
    if src.encoding is None:
        return None
    return data.decode(src.encoding, errors="replace")


def _reencode(codec: str, bom: bytes, label: str) -> Callable[[random.Random, bytes, Source], Result]:
    def mutate(rng: random.Random, data: bytes, src: Source) -> Result:
        text = _text(data, src)
        if text is None:
            return None
        return bom + text.encode(codec, errors="replace"), label, codec

    return mutate


def _eight_bit(codec: str) -> Callable[[random.Random, bytes, Source], Result]:
    def mutate(rng: random.Random, data: bytes, src: Source) -> Result:
        if src.encoding != "utf-8":
            return None  # already 8-bit
        text = data.decode("utf-8")
        spaces = [m.start() for m in re.finditer(r" (?=[A-Za-z])", text)]
        for at in sorted(rng.sample(spaces, min(4, len(spaces))), reverse=True):
            text = text[: at + 1] + rng.choice(ACCENTED) + " " + text[at + 1 :]
        return text.encode(codec, errors="replace"), codec, codec

    return mutate


def _tags(data: bytes) -> list[re.Match[bytes]]:
    return list(_TAG.finditer(data, 0, 2_000_000))


def tagcut_end(rng: random.Random, data: bytes, src: Source) -> Result:
    tags = _tags(data)
    if src.fmt not in ("html", "edgar") or not tags:
        return None
    m = rng.choice(tags)
    at = rng.randrange(m.start() + 2, m.end()) if m.end() - m.start() > 2 else m.start() + 1
    return data[:at], f"tagcut-end@{at}", src.encoding


def tagcut_half(rng: random.Random, data: bytes, src: Source) -> Result:
    tags = _tags(data)
    if src.fmt not in ("html", "edgar") or not tags:
        return None
    m = rng.choice(tags)
    at = (m.start() + m.end()) // 2
    return data[:at] + data[m.end() :], f"tagcut-half@{at}", src.encoding


def _opener(tag: bytes, label: str) -> Callable[[random.Random, bytes, Source], Result]:
    def mutate(rng: random.Random, data: bytes, src: Source) -> Result:
        tags = _tags(data)
        if src.fmt not in ("html", "edgar") or not tags:
            return None
        at = rng.choice(tags).start()
        return data[:at] + tag + data[at:], f"{label}@{at}", src.encoding

    return mutate


def drop_document(rng: random.Random, data: bytes, src: Source) -> Result:
    docs = list(_DOC.finditer(data)) if src.fmt == "edgar" else []
    if not docs:
        return None
    i = rng.randrange(len(docs))
    m = docs[i]
    return data[: m.start()] + data[m.end() :], f"drop-document{i + 1}of{len(docs)}", src.encoding


MUTATIONS: dict[str, Callable[[random.Random, bytes, Source], Result]] = {
    "truncate": truncate, "flip": flip, "dup": dup, "delete": delete, "nuls": nuls,
    "utf16le-bom": _reencode("utf-16-le", codecs.BOM_UTF16_LE, "utf16le-bom"),
    "utf16le": _reencode("utf-16-le", b"", "utf16le"),
    "utf16be-bom": _reencode("utf-16-be", codecs.BOM_UTF16_BE, "utf16be-bom"),
    "utf16be": _reencode("utf-16-be", b"", "utf16be"),
    "cp1252": _eight_bit("cp1252"), "latin1": _eight_bit("latin-1"),
    "tagcut-end": tagcut_end, "tagcut-half": tagcut_half,
    "open-comment": _opener(b"<!--", "open-comment"),
    "open-script": _opener(b"<script>", "open-script"),
    "open-style": _opener(b"<style>", "open-style"),
    "drop-document": drop_document,
}
_REENCODINGS = {"utf16le-bom", "utf16le", "utf16be-bom", "utf16be", "cp1252", "latin1"}


@dataclass(slots=True)
class Mutant:
    index: int
    source: Source
    recipe: str  # the mutations, "+"-joined, each with where it was done
    data: bytes
    encoding: str | None  # how the mutant's bytes decode (None: a PDF)
    path: Path | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    def describe(self) -> str:
        return f"#{self.index} {self.recipe} of {self.source.fmt}/{self.source.path.name}"


def make_mutants(seed: int, n: int, folder: Path | None = None,
                 pool: dict[str, list[Source]] | None = None) -> list[Mutant]:
    """`n` mutants, the same for the same seed; written to `folder` when given, each named
    `INDEX-FORMAT-RECIPE--SOURCE` (the source's extension kept)."""
    rng = random.Random(seed)
    pool = pool if pool is not None else sources()
    formats = sorted(f for f in pool if pool[f])
    mutants = []
    seen = {hashlib.sha256(s.data).digest() for f in formats for s in pool[f]}
    for index in range(n):
        fmt = formats[index % len(formats)]  # every format in turn
        for _again in range(20):  # a mutant that repeats another's (or a source's) bytes is redrawn
            src = rng.choice(pool[fmt])
            data, encoding, labels = src.data, src.encoding, []
            for _ in range(2 if rng.random() < 0.2 else 1):
                names = [m for m in MUTATIONS if not (labels and m in _REENCODINGS)]
                for _attempt in range(20):
                    done = MUTATIONS[rng.choice(names)](rng, data, Source(src.path, src.fmt, data, encoding))
                    if done is not None and done[0]:
                        data, label, encoding = done
                        labels.append(label)
                        break
            if hashlib.sha256(data).digest() not in seen:
                break
        seen.add(hashlib.sha256(data).digest())
        mutant = Mutant(index, src, "+".join(labels) or "unchanged", data, encoding)
        if folder is not None:
            stem = re.sub(r"[^\w.-]", "_", src.path.stem)[:60]
            name = f"{index:04d}-{fmt}-{mutant.recipe.replace('+', '_')}--{stem}{src.path.suffix}"
            mutant.path = folder / name
            mutant.path.write_bytes(data)
        mutants.append(mutant)
    return mutants


# ---------------------------------------------------------------- judging


def _new_notices(notices: list[str], original: list[str]) -> list[str]:
    """Notices the mutant has beyond the original's (numbers aside: offsets move)."""
    key = lambda s: re.sub(r"\d[\d,.]*", "#", s)  # noqa: E731
    had = collections.Counter(key(s) for s in original)
    new = []
    for s in notices:
        if had[key(s)]:
            had[key(s)] -= 1
        else:
            new.append(s)
    return new


def unnoticed_garbage(mutant: Mutant, text: str, notices: list[str]) -> list[str]:
    """Why an imported mutant is garbage no notice explains ([] when it is not).

    The rule. Against the original file read the same way (its reference text and notices):
      1. the stored text has more U+FFFD characters than the original's, or
      2. more C0 control characters (U+0000-U+001F but tab, LF, FF, CR; and DEL), or
      3. it lost most of what the original showed: of the distinct words (4+ letters) of the
         original's text that are still in the mutant's bytes (decoded as the mutant was
         written, so a word the mutation cut out or that the original showed only after a
         compressed PDF stream is not asked for), more than half are missing from the stored
         text; judged only when there are at least MIN_WORDS such words. For a PDF the words
         cannot be seen in the bytes (compressed streams), so every word of the original is
         asked for, and only for mutations that remove no bytes (flip, nuls, dup).
    and the filing has no notice that the original did not have (a notice inherited from the
    original, such as "header only", explains nothing the mutation did).
    """
    ref = mutant.source.reference()
    why = []
    for what, pattern in (("U+FFFD", "\ufffd"), ("C0 control", None)):
        count = (lambda s: len(C0.findall(s))) if pattern is None else (lambda s: s.count("\ufffd"))
        extra = count(text) - count(ref.text)  # type: ignore[attr-defined]
        if extra > 0:
            why.append(f"{extra} more {what} character(s) than the original")
    words = set(WORD.findall(ref.text))  # type: ignore[attr-defined]
    if mutant.encoding is not None:
        present = set(WORD.findall(mutant.data.decode(mutant.encoding, errors="replace")))
        asked, which = words & present, "words of the original still in its bytes"
    elif all(r.startswith(("flip", "nuls", "dup")) for r in mutant.recipe.split("+")):
        asked, which = words, "words of the original PDF"
    else:
        asked, which = set(), ""
    if len(asked) >= MIN_WORDS:
        lost = asked - set(WORD.findall(text))
        if len(lost) > LOST_MOST * len(asked):
            why.append(f"lost {len(lost)} of the {len(asked)} {which}")
    if why and _new_notices(notices, ref.notices):  # type: ignore[attr-defined]
        return []
    return why


def reason_kind(reason: str) -> str:
    """A refusal reason without its particulars: the kind it is counted under."""
    head = re.split(r"[:(;]", reason, maxsplit=1)[0]
    return re.sub(r"\d[\d,.]*", "N", head).strip()


# ---------------------------------------------------------------- running


class TreeMemory:
    """Peak resident memory of this process and all its descendants, sampled from /proc."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval, self.peak, self.samples = interval, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._page = os.sysconf("SC_PAGE_SIZE")

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.measure())
            self.samples += 1
            self._stop.wait(self.interval)

    def measure(self) -> int:
        me = os.getpid()
        parents: dict[int, int] = {}
        rss: dict[int, int] = {}
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as fh:
                    parents[int(entry.name)] = int(fh.read().rsplit(b")", 1)[1].split()[1])
                with open(f"/proc/{entry.name}/statm", "rb") as fh:
                    rss[int(entry.name)] = int(fh.read().split()[1]) * self._page
            except (OSError, ValueError, IndexError):
                continue
        tree, grew = {me}, True
        while grew:
            more = {pid for pid, ppid in parents.items() if ppid in tree and pid not in tree}
            tree |= more
            grew = bool(more)
        return sum(rss.get(pid, 0) for pid in tree)


@dataclass(slots=True)
class Verdict:
    mutant: Mutant
    outcome: str  # imported | refused
    reason: str = ""
    notices: list[str] = field(default_factory=list)
    garbage: list[str] = field(default_factory=list)


@dataclass(slots=True)
class FuzzRun:
    verdicts: list[Verdict]
    raised: str | None  # the exception import_paths raised, if any
    stderr: str  # everything the import and its workers wrote to stderr
    peak_memory: int
    memory_budget: int
    seconds: float
    time_budget_s: float
    workers: int

    def of(self, outcome: str) -> list[Verdict]:
        return [v for v in self.verdicts if v.outcome == outcome]

    @property
    def tracebacks(self) -> list[str]:
        found = [f"{v.mutant.describe()}: {v.reason}" for v in self.verdicts
                 if v.reason.startswith("internal error")]
        if self.raised:
            found.append(f"import_paths raised: {self.raised}")
        found += ["stderr: " + s[:300] for s in self.stderr.split("Traceback (most recent")[1:]]
        return found

    @property
    def hangs(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.reason.startswith("took longer than")]

    @property
    def crashes(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.reason.startswith("the reader crashed")]

    @property
    def unaccounted(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.outcome == "missing"
                or (v.outcome == "refused" and not v.reason.strip())]

    @property
    def garbage(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.garbage]

    def summary(self) -> str:
        refused = collections.Counter(reason_kind(v.reason) for v in self.of("refused"))
        gib = 2**30
        lines = [
            f"mutants           {len(self.verdicts)}",
            f"imported          {len(self.of('imported'))}"
            f" ({sum(1 for v in self.of('imported') if v.notices)} with notices)",
            f"refused           {len(self.of('refused'))}",
            *(f"  {n:5d}  {kind}" for kind, n in refused.most_common()),
            f"unaccounted       {len(self.unaccounted)}",
            f"tracebacks        {len(self.tracebacks)}",
            f"hangs             {len(self.hangs)} (stopped at the {self.time_budget_s:g} s budget)",
            f"reader crashes    {len(self.crashes)}",
            f"unnoticed garbage {len(self.garbage)}",
            f"peak memory       {self.peak_memory / gib:.2f} GB (process tree, resident) of the "
            f"{self.memory_budget / gib:.1f} GB budget, {self.workers} workers",
            f"seconds           {self.seconds:.1f}",
        ]
        for v in self.garbage:
            lines.append(f"GARBAGE {v.mutant.describe()}: {'; '.join(v.garbage)}")
        for t in self.tracebacks:
            lines.append(f"TRACEBACK {t}")
        for v in self.hangs + self.crashes:
            lines.append(f"{'HANG' if v in self.hangs else 'CRASH'} {v.mutant.describe()}")
        return "\n".join(lines)

    def broken(self) -> bool:
        return bool(self.tracebacks or self.hangs or self.crashes or self.unaccounted
                    or self.garbage or self.peak_memory >= self.memory_budget)


class _Stderr:
    """fd 2 (this process and the workers it spawns) into a file while the import runs."""

    def __enter__(self) -> _Stderr:
        sys.stderr.flush()
        self.file = tempfile.TemporaryFile()
        self.saved = os.dup(2)
        os.dup2(self.file.fileno(), 2)
        return self

    def __exit__(self, *exc: object) -> None:
        sys.stderr.flush()
        os.dup2(self.saved, 2)
        os.close(self.saved)
        self.file.seek(0)
        self.text = self.file.read().decode("utf-8", errors="replace")
        self.file.close()


def run_import(mutants: list[Mutant], folder: Path, store: Path, *,
               time_budget_s: float = 60.0, workers: int | None = None) -> FuzzRun:
    """Import `folder` (the written mutants) into a new store at `store` and judge each."""
    from reviewer.pipeline.importer import import_paths
    from reviewer.pipeline.pool import ReaderPool
    from reviewer.store import Repository, open_store

    db = open_store(store)
    repo = Repository(db)
    pool: ReaderPool[object] = ReaderPool(workers, time_budget_s=time_budget_s)
    raised = None
    t0 = time.monotonic()
    with TreeMemory() as memory, _Stderr() as err:
        try:
            report = import_paths(repo, [folder], "fuzz", pool=pool)  # type: ignore[arg-type]
        except BaseException as exc:  # noqa: BLE001 - a finding, reported
            raised, report = f"{type(exc).__name__}: {exc}", None
    seconds = time.monotonic() - t0
    failures = {Path(f.path).name: f.reason for f in (report.failures if report else [])}
    rows = {sha: json.loads(notices or "[]") for sha, notices in
            repo.conn.execute("SELECT sha256, notices FROM documents")}
    ids = dict(repo.conn.execute("SELECT sha256, id FROM documents"))
    verdicts = []
    for m in mutants:
        assert m.path is not None
        if m.path.name in failures:
            verdicts.append(Verdict(m, "refused", failures[m.path.name]))
        elif m.sha256 in rows:
            text = repo.document_text(ids[m.sha256]) or ""
            notices = rows[m.sha256]
            verdicts.append(Verdict(m, "imported", notices=notices,
                                    garbage=unnoticed_garbage(m, text, notices)))
        else:
            verdicts.append(Verdict(m, "missing"))
    db.conn.close()
    return FuzzRun(verdicts, raised, err.text, memory.peak, pool.memory.total, seconds,
                   time_budget_s, pool.workers)


def fuzz(seed: int, n: int, work: Path, *, time_budget_s: float = 60.0,
         only: list[int] | None = None) -> FuzzRun:
    folder = work / "mutants"
    folder.mkdir(parents=True, exist_ok=True)
    mutants = make_mutants(seed, n, folder)
    if only:
        for m in mutants:
            if m.index not in only and m.path:
                m.path.unlink()
        mutants = [m for m in mutants if m.index in only]
    return run_import(mutants, folder, work / "fuzz.db", time_budget_s=time_budget_s)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=1000, help="how many mutants (default 1000)")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--time-budget", type=float, default=30.0, help="seconds per file")
    ap.add_argument("--keep", type=Path, help="write the mutants and the store here, and keep them")
    ap.add_argument("--only", type=int, nargs="*", help="only these mutant indexes (a recipe again)")
    args = ap.parse_args(argv)
    home = Path(tempfile.mkdtemp(prefix="reviewer-fuzz-home-"))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):  # not the user's folders
        os.environ[var] = str(home / var.lower())
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        run = fuzz(args.seed, args.n, args.keep, time_budget_s=args.time_budget, only=args.only)
    else:
        with tempfile.TemporaryDirectory(prefix="reviewer-fuzz-") as tmp:
            run = fuzz(args.seed, args.n, Path(tmp), time_budget_s=args.time_budget, only=args.only)
    print(f"fuzz: seed {args.seed}, {args.n} mutants of corpus files, time budget "
          f"{args.time_budget:g} s per file")
    print(run.summary())
    if run.broken():
        print(f"again, one mutant kept: python tests/helpers/fuzz.py -n {args.n} --seed {args.seed} "
              "--only INDEX --keep DIR")
    return 1 if run.broken() else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
