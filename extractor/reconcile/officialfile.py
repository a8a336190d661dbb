"""Read a user's official segmentation or league table (CSV or XLSX) into the official columns.

Published tables come in many layouts, so columns are found by their header whatever the
case or spacing ("Org code", "ODS code", "Trust name", "NOF segment", "League position").
The period comes from a ``period``/``quarter`` column, else from the file name
(``nof_2024-25_q2.xlsx``). Every problem in a file is collected and reported at once with
its code (``E501``-``E506``, see :mod:`extractor.errors`), never skipped silently: a row
that cannot be read would otherwise turn a true statement into a failed check.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd

from ..dates import find_period, framework_on
from ..errors import ErrorCode, OfficialTableError
from ..schema import FRAMEWORKS, ORG_TYPES
from .periods import is_precise, period_key, quarter_index
from .values import cell_int, cell_text

OFFICIAL_COLUMNS = ("ods_code", "name", "org_type", "trust_subtype", "league", "segment", "rank",
                    "framework", "period")
HEADERS = {
    "ods_code": ("ods code", "org code", "organisation code", "organization code", "code", "trust code",
                 "provider code", "icb code"),
    "name": ("name", "org name", "organisation name", "organization name", "organisation", "organization",
             "trust", "trust name", "provider", "provider name", "icb", "icb name"),
    "segment": ("segment", "nof segment", "oversight segment", "sof segment", "segmentation"),
    "rank": ("rank", "league position", "position", "rank within type", "league rank", "ranking"),
    "league": ("league", "league table", "trust type", "type"),
    "org_type": ("org type",),
    "trust_subtype": ("trust subtype",),
    "framework": ("framework",),
    "period": ("period", "quarter", "as of"),
}
READABLE = (".csv", ".xlsx", ".xlsm")
SHOWN = 5  # problems quoted in an error message before "and N more"


def _header(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def _columns(found: list[str]) -> dict[str, str]:
    """Our column → the file's column, the first header that fits each of ours."""
    mapping: dict[str, str] = {}
    for ours, names in HEADERS.items():
        wanted = {_header(n) for n in names}
        for theirs in found:
            if _header(theirs) in wanted and theirs not in mapping.values():
                mapping[ours] = theirs
                break
    return mapping


def _read_frame(path: Path) -> pd.DataFrame:
    if not path.is_file():
        raise OfficialTableError(ErrorCode.OFFICIAL_UNREADABLE, f"{path}: no such file")
    if path.suffix.lower() not in READABLE:
        raise OfficialTableError(ErrorCode.OFFICIAL_UNREADABLE, f"{path}: a {path.suffix or 'suffixless'} file")
    try:
        if path.suffix.lower() == ".csv":
            return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        return pd.read_excel(path, dtype=str, keep_default_na=False, engine="openpyxl")
    except (ValueError, OSError, UnicodeDecodeError, pd.errors.ParserError, KeyError) as exc:
        raise OfficialTableError(ErrorCode.OFFICIAL_UNREADABLE, f"{path}: {exc}") from None
    except Exception as exc:  # openpyxl raises zipfile and XML errors of its own for a broken workbook
        raise OfficialTableError(ErrorCode.OFFICIAL_UNREADABLE, f"{path}: {type(exc).__name__}: {exc}") from None


def _segment(text: str) -> int | None:
    """``3``, ``3.0``, ``Segment 3``, ``NOF3``: the number 1-5 in the cell."""
    match = re.fullmatch(r"(?:(?:nof|segment|seg)\s*)?([1-5])(?:\.0+)?", text.strip().lower())
    return int(match[1]) if match else None


def _league(text: str) -> str:
    words = text.lower()
    if "ambulance" in words:
        return "ambulance"
    if "non" in words or "mental" in words or "community" in words:
        return "non_acute"
    return "acute" if "acute" in words else ""


def _org_type(given: str, league: str, name: str) -> str:
    given = given.strip().lower()
    if given in ORG_TYPES:
        return given
    if league:
        return league
    if re.search(r"\b(?:icb|integrated care board|integrated care system)\b", name.lower()):
        return "icb"
    return "trust"


def _period(cell: str, file_period: str) -> str:
    return period_key(find_period(cell) or cell) if cell else file_period


def _framework(given: str, period: str) -> str:
    """The framework a row names, else the one in force when its period began."""
    if given in FRAMEWORKS:
        return given
    index = quarter_index(period)
    if index is None:
        return ""
    year, quarter = divmod(index, 4)  # financial quarters: Q1 starts in April, Q4 in January
    month = 4 + 3 * quarter
    return framework_on(dt.date(year + (month > 12), month - 12 * (month > 12), 1))


def read_official_file(path: str | Path) -> pd.DataFrame:
    """One official table as rows of :data:`OFFICIAL_COLUMNS`; raises :class:`OfficialTableError`."""
    path = Path(path)
    raw = _read_frame(path)
    mapping = _columns([str(c) for c in raw.columns])
    if "ods_code" not in mapping and "name" not in mapping:
        raise OfficialTableError(ErrorCode.OFFICIAL_NO_ORGANISATION,
                                 f"{path}: columns are {', '.join(map(str, raw.columns)) or 'none'}")
    if "segment" not in mapping:
        raise OfficialTableError(ErrorCode.OFFICIAL_NO_SEGMENT,
                                 f"{path}: columns are {', '.join(map(str, raw.columns))}")
    file_period = period_key(find_period(path.stem.replace("_", " ")))
    rows, bad, undated = [], [], []
    for line, record in enumerate(raw.to_dict("records"), start=2):
        cell = {ours: cell_text(record.get(theirs)) for ours, theirs in mapping.items()}
        if not (cell.get("ods_code") or cell.get("name")):
            if any(cell.values()):
                bad.append(f"row {line}: no organisation code or name")
            continue
        segment = _segment(cell.get("segment", "")) if cell.get("segment") else None
        if cell.get("segment") and segment is None:
            bad.append(f"row {line}: segment {cell['segment']!r} is not 1-5")
        rank = cell_int(cell.get("rank")) if cell.get("rank") else None
        if cell.get("rank") and (rank is None or rank < 1):
            bad.append(f"row {line}: rank {cell['rank']!r} is not a position")
        period = _period(cell.get("period", ""), file_period)
        if not is_precise(period):
            undated.append(f"row {line}")
        league = _league(cell.get("league", ""))
        code = cell.get("ods_code", "").upper()
        rows.append({
            "ods_code": code, "name": cell.get("name", "") or code,
            "org_type": _org_type(cell.get("org_type", ""), league, cell.get("name", "")),
            "trust_subtype": cell.get("trust_subtype", ""), "league": league,
            "segment": "" if segment is None else str(segment), "rank": "" if rank is None else str(rank),
            "framework": _framework(cell.get("framework", ""), period), "period": period,
        })
    if bad:
        raise OfficialTableError(ErrorCode.OFFICIAL_BAD_VALUE, f"{path}: {_listed(bad)}")
    if undated:
        raise OfficialTableError(
            ErrorCode.OFFICIAL_NO_PERIOD,
            f"{path}: give a 'period' column (e.g. '2024/25 Q2') or put the quarter in the file name "
            f"(e.g. 'segments_2024-25_q2.csv'); undated: {_listed(undated)}")
    if not rows:
        raise OfficialTableError(ErrorCode.OFFICIAL_BAD_VALUE, f"{path}: no rows")
    return pd.DataFrame(rows, columns=list(OFFICIAL_COLUMNS))


def _listed(problems: list[str]) -> str:
    more = f" and {len(problems) - SHOWN} more" if len(problems) > SHOWN else ""
    return "; ".join(problems[:SHOWN]) + more


def combine_official(tables: list[tuple[str, pd.DataFrame]]) -> pd.DataFrame:
    """Official tables in order, a later one replacing an earlier one's row for the same
    organisation and period (so a full table supersedes the shipped partial extract).

    Two rows for one organisation and period within one file that disagree are an error
    (``E506``): the user has to say which one holds.
    """
    merged: dict[tuple[str, str], dict] = {}
    for source, table in tables:
        own: dict[tuple[str, str], dict] = {}
        clashes = []
        for row in table.to_dict("records"):
            key = (row["period"], row["ods_code"] or _header(row["name"]))
            held = own.get(key)
            if held is not None and (held["segment"], held["rank"]) != (row["segment"], row["rank"]):
                clashes.append(f"{row['name'] or row['ods_code']} in {row['period']}")
            own[key] = row
        if clashes:
            raise OfficialTableError(ErrorCode.OFFICIAL_CONFLICT, f"{source}: {_listed(clashes)}")
        for (period, org), row in own.items():
            names = {k for k in merged if k[0] == period and _same_org(merged[k], row)}
            for stale in names:
                del merged[stale]
            merged[(period, org)] = row
    return pd.DataFrame(list(merged.values()), columns=list(OFFICIAL_COLUMNS))


def _same_org(one: dict, other: dict) -> bool:
    if one["ods_code"] and other["ods_code"]:
        return one["ods_code"].upper() == other["ods_code"].upper()
    return _header(one["name"]) == _header(other["name"])
