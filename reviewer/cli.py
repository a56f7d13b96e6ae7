"""The command line: thin commands over the core and the store. Qt is imported only for `gui`."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sqlite3
import sys
from pathlib import Path

from . import __version__
from .progress import ProgressBar

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """A command that cannot go on; its message is the one line the user sees."""


def reviewer_name() -> str:
    """Who is making changes: $REVIEWER_USER, else the OS user name."""
    name = os.environ.get("REVIEWER_USER")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _fail(path: object, reason: str) -> None:
    """One line on stderr, whatever the name holds (no forged lines, no terminal codes)."""
    from .core.names import display_name, escape_name

    shown = display_name(path) if isinstance(path, str | Path) else str(path)
    print(f"reviewer: {escape_name(shown)}: {escape_name(reason)}", file=sys.stderr)


def _store_path(args: argparse.Namespace) -> Path:
    from .paths import default_store

    return Path(args.db) if args.db else default_store()


def _open_repo(args: argparse.Namespace, *, reading: bool = False):
    """The store's repository; `reading` commands open an existing store read-only, so a
    read-only file or folder can still be exported, counted and backed up."""
    from .store import Repository, StoreError, open_store

    path = _store_path(args)
    try:
        readonly = reading and path.is_file() and path.stat().st_size > 0
        return Repository(open_store(path, readonly=readonly))
    except StoreError as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"{path}: {exc.strerror or exc}") from None


def _schema():
    from .core.schema import SchemaError, load_schema
    from .paths import user_schema_dir

    try:
        return load_schema([user_schema_dir()])
    except SchemaError as exc:
        raise CliError(str(exc)) from None


def cmd_import(args: argparse.Namespace) -> int:
    from .pipeline.importer import import_paths
    from .store import StoreError

    repo = _open_repo(args)
    _schema()  # an unreadable user schema folder is one line here, not a failure per file
    try:
        report = import_paths(repo, args.paths, reviewer_name(), progress=ProgressBar(),
                              workers=args.jobs, follow_links=args.follow_links)
    except StoreError as exc:  # full disk, read-only, damaged: the import stops, nothing half-written
        raise CliError(str(exc)) from None
    for failure in report.failures:
        print(failure.line(), file=sys.stderr)
    print(report.summary())
    return EXIT_SOME_FAILED if report.failures else EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    import hashlib

    from .core.extract import extract
    from .core.ingest import IngestError, ingest_bytes

    path = Path(args.path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        _fail(args.path, exc.strerror or str(exc))
        return EXIT_SOME_FAILED
    try:
        doc = ingest_bytes(data)
    except IngestError as exc:
        _fail(args.path, str(exc))
        return EXIT_SOME_FAILED
    candidates = extract(doc, _schema())
    result = {
        "source": args.path,
        "format": doc.format,
        "sha256": hashlib.sha256(data).hexdigest(),
        "text": doc.text,
        "fields": [c.to_json() for c in candidates],
        "notices": doc.notices,
        "parts": [p.to_dict() for p in doc.parts],
    }
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for c in candidates:
            print(f"{c.name:28} {c.value:40} {c.confidence:.2f}  {c.rule}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from .core.export import export_csv, write_csv

    schema = _schema()
    repo = _open_repo(args, reading=True)
    rows = repo.export_rows(include_unreviewed=args.all)
    if args.output:
        out_path = Path(args.output)
        try:
            n = export_csv(out_path, schema, rows)
        except OSError as exc:
            _fail(args.output, exc.strerror or str(exc))
            return EXIT_SOME_FAILED
        print(f"{n} filings written to {out_path}", file=sys.stderr)
    else:
        write_csv(sys.stdout, schema, rows)
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from .core.extract import EXTRACTOR_VERSION

    repo = _open_repo(args, reading=True)
    stats = repo.stats()
    stats["store"] = str(_store_path(args))
    stats["extractor_version"] = EXTRACTOR_VERSION
    stats["outdated"] = repo.count_other_versions(EXTRACTOR_VERSION)
    if args.json:
        print(json.dumps(stats, indent=2))
        return EXIT_OK
    print(f"store: {stats['store']}")
    print(f"{stats['documents']} filings: {stats['reviewed']} reviewed, "
          f"{stats['flagged']} flagged, {stats['to_review']} to review; "
          f"{stats['removed']} removed (kept in the store, not counted)")
    if stats["outdated"]:
        print(f"{stats['outdated']} extracted by an older extractor than {EXTRACTOR_VERSION}: "
              "`reviewer reextract --outdated` updates them (decided values are kept)")
    for name, states in stats["fields"].items():
        print(f"  {name:28} " + ", ".join(f"{k} {v}" for k, v in sorted(states.items())))
    return EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .core.evaluate import (
        calibration,
        evaluate,
        extractor_candidates,
        predictions,
        read_gold,
        wrong_below,
    )
    from .core.values import ATTENTION_BELOW

    gold = Path(args.gold)
    try:
        records = read_gold(gold)
    except (OSError, ValueError) as exc:
        _fail(args.gold, str(exc))
        return EXIT_SOME_FAILED
    root = Path(args.root) if args.root else gold.parent.parent
    schema = _schema()
    if args.replay:
        return _replay(records, root, schema, args.json)

    found = extractor_candidates(schema)  # both the scores and the calibration read these
    ev = evaluate(records, root, schema, predictions(found))
    buckets = calibration(records, root, schema, found)
    below, wrong = wrong_below(buckets, ATTENTION_BELOW)
    if args.json:
        result = ev.to_json()
        result["calibration"] = [{"confidence": [b.low, min(b.high, 1.0)], "values": b.values,
                                  "correct": b.correct, "accuracy": round(b.accuracy, 4)}
                                 for b in buckets]
        result["wrong_values"] = {"all": wrong, "below_attention": below, "attention_below": ATTENTION_BELOW}
        print(json.dumps(result, indent=2))
    else:
        print(f"{'field':28} {'prec':>6} {'recall':>6} {'F1':>6} {'support':>7}")
        for name, s in sorted(ev.fields.items()):
            print(f"{name:28} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.support:7d}")
        m = ev.micro
        print(f"{'micro':28} {m.precision:6.3f} {m.recall:6.3f} {m.f1:6.3f} {m.support:7d}"
              f"   ({ev.files} files)")
        print(f"\ncorrections per filing {ev.corrections_per_filing:.2f}; filings needing none "
              f"{ev.without_corrections:.0%}")
        print("\ncalibration: confidence -> share of extracted values that are right")
        for b in buckets:
            if b.values:
                print(f"  [{b.low:.2f}, {min(b.high, 1.0):.2f})  {b.correct:4d}/{b.values:<4d} {b.accuracy:6.3f}")
        print(f"wrong values shown for attention (under {ATTENTION_BELOW}): {below} of {wrong}")
    for f, reason in ev.failures:
        _fail(f, reason)
    return EXIT_SOME_FAILED if ev.failures else EXIT_OK


def _replay(records: list[dict], root: Path, schema, as_json: bool) -> int:
    """`evaluate --replay`: corrections per filing, a filer's first and later ones, memory on/off."""
    from .pipeline.replay import replay

    result = replay(records, root, schema)
    out = result.to_json()
    if as_json:
        print(json.dumps(out, indent=2))
    else:
        print(f"{'corrections per filing':24} {'first':>7} {'later':>7}")
        for side in ("without_memory", "with_memory"):
            print(f"{side.replace('_', ' '):24} {out[side]['first']:7.3f} {out[side]['later']:7.3f}")
        print(f"memory precision {out['memory_precision']:.3f} ({out['memory_proposals']} proposals;"
              f" {out['filings']['first']} first and {out['filings']['later']} later filings,"
              f" {out['filers']} filers)")
    for f, reason in result.failures:
        _fail(f, reason)
    return EXIT_SOME_FAILED if result.failures else EXIT_OK


def cmd_reextract(args: argparse.Namespace) -> int:
    from .pipeline.reextract import reextract_all
    from .store import StoreError

    repo = _open_repo(args)
    _schema()
    try:
        report = reextract_all(repo, reviewer_name(), workers=args.jobs,
                               progress=ProgressBar("filings", sizes=False),
                               outdated_only=args.outdated)
    except StoreError as exc:
        raise CliError(str(exc)) from None
    for doc_id, reason in report.failures:
        _fail(f"document {doc_id}", reason)
    print(report.summary())
    return EXIT_SOME_FAILED if report.failures else EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from .store.migrations import online_backup

    repo = _open_repo(args, reading=True)
    target = Path(args.output)
    try:
        online_backup(repo.conn, target)
    except (OSError, sqlite3.Error) as exc:
        _fail(args.output, str(exc))
        return EXIT_SOME_FAILED
    print(f"store copied to {target}", file=sys.stderr)
    return EXIT_OK


def cmd_recover(args: argparse.Namespace) -> int:
    from .store import StoreError
    from .store.recover import recover

    try:
        report = recover(args.store, args.output)
    except StoreError as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"{args.output}: {exc.strerror or exc}") from None
    for line in report.lines():
        print(line)
    return EXIT_SOME_FAILED if report.lost_anything() else EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    from .ui.app import run_gui

    return run_gui(_store_path(args), list(getattr(args, "paths", []) or []), reviewer_name(),
                   quit_after_ms=getattr(args, "quit_after", None))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reviewer", description="Review fields extracted from SEC filings.")
    parser.add_argument("--version", action="version", version=f"reviewer {__version__}")
    sub = parser.add_subparsers(dest="command")

    def with_db(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--db", metavar="PATH",
                       help="the store (default: $REVIEWER_DB, else reviews.db in the user data folder)")
        return p

    p = with_db(sub.add_parser("gui", help="open the review window"))
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to import first")
    p.add_argument("--quit-after", type=int, metavar="MS", help=argparse.SUPPRESS)  # smoke tests, benchmarks
    p.set_defaults(func=cmd_gui)

    p = with_db(sub.add_parser("import", help="import files and folders (recursive), extract"))
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("-j", "--jobs", type=int, default=None,
                   help="worker processes (default: one per core, as the memory budget allows)")
    p.add_argument("--follow-links", action="store_true",
                   help="read links that point outside the folders named (refused by default)")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("extract", help="print one file's extraction; touches no store")
    p.add_argument("path", metavar="PATH")
    p.add_argument("--json", action="store_true", help="one JSON object (text, fields, spans)")
    p.set_defaults(func=cmd_extract)

    p = with_db(sub.add_parser("export", help="reviewed filings as CSV"))
    p.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    p.add_argument("--all", action="store_true", help="include filings not yet reviewed")
    p.set_defaults(func=cmd_export)

    p = with_db(sub.add_parser("stats", help="progress and per-field states"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stats)

    p = with_db(sub.add_parser("reextract", help="re-run the extractor on stored filings; "
                                                 "values a person decided are kept"))
    p.add_argument("-j", "--jobs", type=int, default=None, help="worker processes")
    p.add_argument("--outdated", action="store_true",
                   help="only filings extracted by another version of the extractor")
    p.set_defaults(func=cmd_reextract)

    p = with_db(sub.add_parser("backup", help="a consistent copy of the store, even while it is open"))
    p.add_argument("output", metavar="FILE")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("recover", help="copy what can be read of a damaged store into a new one")
    p.add_argument("store", metavar="STORE", help="the damaged store (only read)")
    p.add_argument("output", metavar="NEW", help="the new store to write (must not exist)")
    p.set_defaults(func=cmd_recover)

    p = sub.add_parser("evaluate", help="score the extractor on labelled filings")
    p.add_argument("gold", metavar="GOLD.jsonl")
    p.add_argument("--root", metavar="DIR", help="folder the gold's file paths are relative to")
    p.add_argument("--json", action="store_true")
    p.add_argument("--replay", action="store_true",
                   help="review the filings by filer in date order, with company memory and without")
    p.set_defaults(func=cmd_evaluate)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["gui", *(argv or [])])
    try:
        return args.func(args)
    except CliError as exc:
        print(f"reviewer: {exc}", file=sys.stderr)
        return EXIT_SOME_FAILED
    except sqlite3.Error as exc:  # a fault met while reading the store (a damaged page, a disk)
        from .store.db import store_error

        where = _store_path(args) if hasattr(args, "db") else "store"
        print(f"reviewer: {store_error(where, exc)}", file=sys.stderr)
        return EXIT_SOME_FAILED
    except KeyboardInterrupt:
        print("reviewer: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
