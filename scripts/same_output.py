"""Say whether two ``extractor extract --out`` folders hold the same tables.

A refactor or a speed change must not change what the extractor writes: run the corpora
before and after it into two folders and compare them here. Exits 0 when every table is
the same, 1 otherwise, printing the first differing rows of each table that differs.

    python scripts/same_output.py OUT_BEFORE OUT_AFTER [--tables claims,memberships]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

TABLES = ("documents", "claims", "memberships", "rankings", "checks", "dataset", "organisations", "timeline")


def differences(before: Path, after: Path, table: str, show: int = 5) -> list[str]:
    """Lines describing how ``table`` differs between the two folders (empty when it does not)."""
    paths = [d / f"{table}.csv" for d in (before, after)]
    present = [p.exists() for p in paths]
    if not any(present):
        return []
    if not all(present):
        return [f"{table}.csv only in {paths[present.index(True)].parent}"]
    if paths[0].read_bytes() == paths[1].read_bytes():
        return []
    frames = [pd.read_csv(p, dtype=str, keep_default_na=False) for p in paths]
    if list(frames[0].columns) != list(frames[1].columns):
        return [f"{table}.csv columns differ: {list(frames[0].columns)} vs {list(frames[1].columns)}"]
    merged = frames[0].merge(frames[1], how="outer", indicator=True)
    only = merged[merged["_merge"] != "both"]
    lines = [f"{table}.csv: {len(frames[0])} vs {len(frames[1])} rows, {len(only)} rows not in both"]
    for _, row in only.head(show).iterrows():
        side = "before" if row["_merge"] == "left_only" else "after"
        cells = ", ".join(f"{k}={v}" for k, v in row.items() if k != "_merge" and v != "")
        lines.append(f"  {side} only: {cells[:300]}")
    if only.empty:
        lines.append("  same rows in another order")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--tables", default=",".join(TABLES), help="comma-separated table names (default: all)")
    args = parser.parse_args(argv)
    report = [line for t in args.tables.split(",") for line in differences(args.before, args.after, t.strip())]
    print("\n".join(report) if report else f"same tables in {args.before} and {args.after}")
    return 1 if report else 0


if __name__ == "__main__":
    sys.exit(main())
