"""Comparing output folders of two runs, for the tests that re-run a batch another way."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

# The gazetteer breaks ties between alias kinds in set order, which follows the hash seed
# and what the process linked before, so link_reason may differ between processes.
SEED_DEPENDENT = {"memberships": ["link_reason"]}


def same_table(a: Path, b: Path, table: str) -> bool:
    """Byte for byte, except the columns that depend on the process (see SEED_DEPENDENT)."""
    if table not in SEED_DEPENDENT:
        return (a / f"{table}.csv").read_bytes() == (b / f"{table}.csv").read_bytes()
    frames = [pd.read_csv(d / f"{table}.csv", dtype=str, keep_default_na=False).drop(columns=SEED_DEPENDENT[table])
              for d in (a, b)]
    return frames[0].equals(frames[1])
