"""Command-line interface: ``extractor extract|audit|orgs|fetch``.

Each command is a thin wrapper around one public function; this module parses ``argv``,
sets up logging and progress, and maps exceptions to messages and exit codes
(0 success, 1 some documents failed with ``--strict``, 2 bad usage or a fatal error).
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
import webbrowser
from pathlib import Path

from . import __version__
from .errors import ErrorCode, OfficialTableError, UsageError

log = logging.getLogger("extractor")


def _progress(total: int | None, quiet: bool):
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", disable=quiet or None, desc="extracting", file=sys.stderr)


def _count_inputs(paths: list[str]) -> int | None:
    """Documents to expect, for the progress bar; unknown (None) when an archive holds many."""
    from .batch import plan_units

    units = plan_units(paths)
    return None if any(u.is_archive for u in units) else len(units)


def _run_extract(args: argparse.Namespace, report: bool):
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        raise UsageError(ErrorCode.NOT_FOUND, f"no such file or folder: {', '.join(missing)}")
    from .batch import BatchOptions, start_early

    start_early(BatchOptions(jobs=args.jobs, scheduler=args.scheduler))  # workers load while we do
    from .results import FORMATS
    from .runner import ExtractOptions, extract_to

    formats = tuple(f.strip() for f in args.format.split(",") if f.strip())
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise UsageError(ErrorCode.UNSUPPORTED,
                         f"unknown --format {', '.join(bad)} (choose from {', '.join(FORMATS)}, comma-separated)")
    try:
        options = ExtractOptions(reconcile=not args.no_reconcile, jobs=args.jobs, doc_timeout=args.doc_timeout,
                                 max_docs_per_worker=args.max_docs_per_worker, scheduler=args.scheduler,
                                 resume=args.resume, official=tuple(args.official))
    except ValueError as exc:
        raise UsageError(ErrorCode.UNSUPPORTED, str(exc)) from None
    out = Path(args.out)
    bar = _progress(_count_inputs(args.paths), args.quiet)
    run = extract_to(args.paths, out, options, formats, on_document=lambda _sd: bar.update(1),
                     on_resumed=bar.update)
    bar.close()
    result = run.result
    report_path = None
    if report:
        from .report import write_report

        report_path = write_report(result.tables(), result.texts, out / "report.html")
    status = run.status
    checks = result.checks["status"].value_counts().to_dict() if len(result.checks) else {}
    print(f"{sum(status.values())} documents ({status.get('ok', 0)} ok, {status.get('skipped', 0)} skipped, "
          f"{status.get('failed', 0)} failed): {len(result.claims)} claims, {len(result.memberships)} memberships, "
          f"{len(result.rankings)} rankings, {len(result.checks)} checks ({checks.get('fail', 0)} failing) "
          f"→ {out}/" + (f" (report: {report_path})" if report_path else ""))
    for source, error in run.failed:
        print(f"  failed: {source}: {error}", file=sys.stderr)
    if args.strict and status.get("failed", 0):
        return 1, report_path
    return 0, report_path


def _positive(kind: type):
    def parse(text: str):
        value = kind(text)
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be greater than 0, not {text}")
        return value

    parse.__name__ = kind.__name__
    return parse


def default_jobs() -> int:
    """One worker per core this process may use (``--jobs`` default; the benchmarks use it too)."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:
        return os.cpu_count() or 1


def add_batch_args(p: argparse.ArgumentParser) -> None:
    """How a batch runs: workers, time limit, resume and Dask (see README, "Large batches")."""
    p.add_argument("--jobs", type=_positive(int), default=default_jobs(), metavar="N",
                   help="worker processes (default: one per core, here %(default)s); 1 runs in this process")
    p.add_argument("--doc-timeout", type=_positive(float), default=120.0, metavar="SECONDS",
                   help="per-document time limit; a document over it is a failed row (E302) (default 120)")
    p.add_argument("--max-docs-per-worker", type=_positive(int), default=200, metavar="K",
                   help="replace a worker after K documents to bound memory (default 200)")
    p.add_argument("--resume", action="store_true",
                   help="keep the documents a killed run already finished (journal in DIR/.work/)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run on Dask: tcp://host:port, or 'local' for a local cluster of --jobs processes")


def cmd_extract(args: argparse.Namespace) -> int:
    code, _ = _run_extract(args, report=not args.no_report)
    return code


def cmd_audit(args: argparse.Namespace) -> int:
    args.no_reconcile = False
    code, report_path = _run_extract(args, report=True)
    if report_path and args.open:
        webbrowser.open(Path(report_path).resolve().as_uri())
    return code


def cmd_orgs(args: argparse.Namespace) -> int:
    from .gazetteer import load_gazetteer

    day = dt.date.fromisoformat(args.date) if args.date else None
    query = " ".join(args.query)
    gazetteer = load_gazetteer()
    print(gazetteer.explain(query, org_type=args.type, on=day))
    if args.out:
        _print_history(gazetteer, query, args, day)
    return 0


def _print_history(gazetteer, query: str, args: argparse.Namespace, day: dt.date | None) -> None:
    """The history of the organisation(s) the query names, from a run's ``timeline.csv``."""
    import pandas as pd

    from .export.sqlite import FILE_NAME, read_table
    from .report.organisations import histories, history_text, select

    path, database = Path(args.out) / "timeline.csv", Path(args.out) / FILE_NAME
    if path.is_file():
        timeline = pd.read_csv(path, dtype=str, keep_default_na=False)
    elif database.is_file():
        path, timeline = database, read_table(database, "timeline")
    else:
        raise UsageError(ErrorCode.NOT_FOUND, f"no {path}: run `extractor extract ... --out {args.out}` first")
    link = gazetteer.resolve(query, org_type=args.type, on=day)
    codes = [link.code] if link.code else [hit.code for hit in gazetteer.lookup(query)[0]]
    found = select(histories(timeline), codes, query)
    print(f"\nhistory in {path}:" if found else f"\nno history for {query!r} in {path}")
    for history in found:
        print(history_text(history))


def cmd_fetch(args: argparse.Namespace) -> int:
    from .fetching import FetchOptions, fetch

    urls = list(args.urls)
    if args.url_file:
        urls += [u.strip() for u in Path(args.url_file).read_text(encoding="utf-8").splitlines()
                 if u.strip() and not u.startswith("#")]
    if not urls:
        raise UsageError(ErrorCode.UNSUPPORTED, "fetch needs URLs or --urls FILE")
    options = FetchOptions(delay=args.delay, timeout=args.timeout, respect_robots=not args.ignore_robots,
                           refetch=args.refetch)
    outcomes = fetch(urls, Path(args.to), options=options)
    ok = sum(1 for o in outcomes if o.saved)
    print(f"{len(outcomes)} URLs: {ok} saved or cached, {len(outcomes) - ok} not → {args.to}/fetch_log.csv")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extractor",
        description="Extract, audit and reconcile published claims about NHS England oversight segments.")
    parser.add_argument("--version", action="version", version=f"extractor {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = parser.add_subparsers(dest="command", required=True)

    def add_extract_args(p: argparse.ArgumentParser, out_default: str | None) -> None:
        p.add_argument("paths", nargs="+", metavar="PATH",
                       help="files or folders: .txt, .html, .pdf, .warc/.warc.gz (folders are read recursively)")
        p.add_argument("--out", default=out_default, required=out_default is None, metavar="DIR",
                       help="folder for documents.csv, claims.csv, memberships.csv, rankings.csv, checks.csv, "
                            "dataset.csv, timeline.csv, organisations.csv and report.html")
        p.add_argument("--format", default="csv",
                       help="csv, parquet, sqlite (dataset.sqlite: every table, keys, indexes and full-text "
                            "search), comma-separated (default: csv)")
        p.add_argument("--official", action="append", default=[], metavar="FILE",
                       help="an official segmentation or league table (CSV or XLSX: organisation code and/or name, "
                            "segment, optional rank and league, the period in a column or the file name) to check "
                            "claims, memberships, ranks and the timeline against; repeatable, added to the shipped "
                            "2025/26 Q3 extract (a later file's row replaces an earlier one's)")
        p.add_argument("--quiet", action="store_true", help="no progress bar")
        p.add_argument("--strict", action="store_true", help="exit 1 when any document failed")
        p.add_argument("--no-reconcile", action="store_true", help="skip checks.csv and dataset.csv")
        add_batch_args(p)

    p = sub.add_parser("extract", help="extract the dataset tables from documents",
                       description="Read documents and write the tables of the dataset contract.")
    add_extract_args(p, None)
    p.add_argument("--no-report", action="store_true", help="do not write report.html")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("audit", help="extract, check every figure and write the HTML audit report",
                       description="Extract and reconcile, then write (and optionally open) report.html.")
    add_extract_args(p, "audit-out")
    p.add_argument("--open", action="store_true", help="open the report in a web browser")
    p.set_defaults(func=cmd_audit)

    p = sub.add_parser("orgs", help="show how an organisation name resolves and why, and its history",
                       description="Resolve a name against the organisation gazetteer and explain the decision; "
                                   "with --out DIR, print its history from that run's timeline.csv.")
    p.add_argument("query", nargs="+", help="the name as written, e.g. 'East Kent Hospitals'")
    p.add_argument("--type", help="org type hint: icb, acute, ambulance, mental_health, ...")
    p.add_argument("--date", help="the document date (YYYY-MM-DD): names resolve as they were then")
    p.add_argument("--out", metavar="DIR",
                   help="also print the organisation's history (segments and league positions period by period, "
                        "with the documents behind them and conflicts) from DIR/timeline.csv (or DIR/dataset.sqlite) "
                        "of an earlier run")
    p.set_defaults(func=cmd_orgs)

    p = sub.add_parser("fetch", help="download pages politely (robots.txt, rate limits, cache)",
                       description="Fetch URLs into a folder that `extractor extract` can read.")
    p.add_argument("urls", nargs="*", metavar="URL")
    p.add_argument("--urls", dest="url_file", metavar="FILE", help="a file with one URL per line")
    p.add_argument("--to", required=True, metavar="DIR", help="folder to save pages and fetch_log.csv")
    p.add_argument("--delay", type=float, default=1.0, help="seconds between requests to one host (default 1)")
    p.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for a response (default 20)")
    p.add_argument("--refetch", action="store_true", help="ignore the cache and download everything again")
    p.add_argument("--ignore-robots", action="store_true", help="do not obey robots.txt (only for your own sites)")
    p.set_defaults(func=cmd_fetch)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return args.func(args)
    except OfficialTableError as exc:  # the code too: the user's file is at fault, not the command line
        print(f"extractor: {exc}", file=sys.stderr)
        return 2
    except UsageError as exc:
        print(f"extractor: {exc.detail}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("extractor: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        log.debug("fatal", exc_info=True)
        print(f"extractor: {exc}", file=sys.stderr)
        return 2
