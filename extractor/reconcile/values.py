"""Read the input tables defensively into small typed views.

The tables reach the reconciler from CSV files, from the pipeline or from a test, so a
number may be ``84``, ``84.0``, ``"84"``, ``""``, ``None`` or ``NaN``. Everything below the
reconciler's entry point works on these views and never on raw cells.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from .periods import period_key, resolve_period
from .shares import percent_as_written, share_as_written

Segments = tuple[int, ...]


def cell_text(value: object) -> str:
    """A cell as a stripped string; every flavour of null becomes ``""``."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    if value is pd.NA or value is pd.NaT:
        return ""
    text = str(value).strip()
    return "" if text.lower() in {"nan", "none", "null", "<na>"} else text


def cell_number(value: object) -> float | None:
    """A cell as a number (``"36%"`` reads as 36), or ``None`` when it holds none."""
    text = cell_text(value).rstrip("%").replace(",", "")
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        return None
    return None if math.isnan(number) else number


def cell_int(value: object) -> int | None:
    """A count cell: whole numbers only, since organisations are counted whole."""
    number = cell_number(value)
    if number is None or not float(number).is_integer():
        return None
    return int(number)


def cell_segments(value: object) -> Segments:
    """``"3;4"``, ``"3"``, ``3``, ``3.0`` or ``""`` as a sorted tuple of segment numbers."""
    text = cell_text(value)
    if not text:
        return ()
    found = set()
    for part in text.replace(",", ";").split(";"):
        number = cell_int(part)
        if number is not None:
            found.add(number)
    return tuple(sorted(found))


def segment_label(segments: Segments) -> str:
    return ";".join(str(s) for s in segments)


# scopes the reading step gives a local count whose place the document does not name
# ("the county's four trusts"): compared within their document only
DEICTIC_SCOPES = frozenset({"county", "region", "subregion", "city", "capital", "system", "area", "local area",
                            "our area"})


_OF_DOCUMENT = " of document "


def unnamed_place(pop: PopKey) -> bool:
    """Whether ``pop`` is a local population its document does not name (see DEICTIC_SCOPES):
    checked within its document, but no row of the reconciled table, whose key is the scope
    as written and would join one page's 'the county' with another's."""
    return _OF_DOCUMENT in pop.scope


def scope_key(scope: str) -> str:
    """Scopes compare without case or a leading "the" ("the Midlands" = "Midlands")."""
    words = scope.lower().split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True)
class PopKey:
    """A population: one org type, in one framework and period, nationally or in a scope."""

    framework: str
    period: str
    scope: str
    org_type: str

    def with_type(self, org_type: str) -> PopKey:
        return PopKey(self.framework, self.period, self.scope, org_type)


@dataclass(frozen=True)
class ClaimView:
    claim_id: str
    doc_id: str
    org_type: str
    segments: Segments
    count: int | None
    total: int | None
    percent: float | None
    percent_text: str
    share_text: str
    scope: str
    framework: str
    period: str
    text: str
    doubt: str = ""  # why the claim may be misread: its checks cannot fail on it

    @cached_property  # asked for in every pairwise comparison of a document's claims
    def pop(self) -> PopKey:
        scope = scope_key(self.scope)
        if scope in DEICTIC_SCOPES:
            scope = f"{scope}{_OF_DOCUMENT}{self.doc_id}"  # 'the county' of one page is not another page's
        return PopKey(self.framework, period_key(self.period), scope, self.org_type)

    @cached_property
    def share_phrase(self) -> str:
        """The verbal share with the modifier written before it ("more than two in five")."""
        return share_as_written(self.share_text, self.text)

    @cached_property
    def percent_phrase(self) -> str:
        """The percentage with the qualifier written with it ("over 20", "some 30"), or bare."""
        return percent_as_written(self.percent_text, self.text)

    @property
    def is_population(self) -> bool:
        return not self.segments and self.count is not None


@dataclass(frozen=True)
class MembershipView:
    doc_id: str
    name: str
    canonical_name: str
    ods_code: str
    org_type: str
    segment: int | None
    framework: str
    period: str
    claim_id: str
    text: str
    record_id: str = ""
    from_segment: int | None = None


@dataclass(frozen=True)
class RankingView:
    doc_id: str
    name: str
    canonical_name: str
    ods_code: str
    league: str
    rank: int | None
    framework: str
    period: str
    text: str
    record_id: str = ""
    total: int | None = None
    segment: int | None = None


@dataclass(frozen=True)
class DocumentView:
    doc_id: str
    framework: str
    published: str
    title: str


def _rows(frame: pd.DataFrame | None) -> list[dict]:
    if frame is None or len(frame) == 0:
        return []
    return frame.to_dict("records")


_PERCENT_WORDS = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|per\s*cent|percent)", re.I)


def _percent_text(value: object, text: str) -> str:
    """The percentage as written, so its precision (``36`` vs ``36.4``) decides the rounding.

    The claim's own words say it best; failing that, a cell's trailing zeros are taken as
    an artefact of a float column (CSV writers turn 45 into ``45.0``), not as precision.
    """
    number = cell_number(value)
    if number is None:
        return ""
    for match in _PERCENT_WORDS.finditer(text):
        if float(match[1]) == number:
            return match[1]
    written = cell_text(value).rstrip("%").strip() if isinstance(value, str) else f"{number:g}"
    if "." in written:
        written = written.rstrip("0").rstrip(".")
    return written or "0"


def _context(row: dict, docs: dict[str, DocumentView], texts: dict[str, str]) -> tuple[str, str]:
    """The framework and period a row describes: its own, else its document's."""
    doc = docs.get(cell_text(row.get("doc_id")))
    framework = cell_text(row.get("framework")) or (doc.framework if doc else "")
    period = resolve_period(
        cell_text(row.get("period")), framework, doc.published if doc else "",
        texts.get(cell_text(row.get("doc_id")), ""),
    )
    return framework, period


def document_view(row: dict) -> DocumentView | None:
    """A document row's view; ``None`` for a row without an id."""
    doc_id = cell_text(row.get("doc_id"))
    if not doc_id:
        return None
    return DocumentView(doc_id, cell_text(row.get("framework")), cell_text(row.get("published")),
                        cell_text(row.get("title")))


def read_documents(documents: pd.DataFrame | None) -> dict[str, DocumentView]:
    views = {}
    for row in _rows(documents):
        view = document_view(row)
        if view is not None:
            views[view.doc_id] = view
    return views


def read_claims(claims: pd.DataFrame | None, docs: dict[str, DocumentView],
                texts: dict[str, str]) -> list[ClaimView]:
    return claim_views(_rows(claims), docs, texts)


def claim_views(rows: list[dict], docs: dict[str, DocumentView], texts: dict[str, str]) -> list[ClaimView]:
    """:func:`read_claims` of rows already read from their table (or not yet written to one)."""
    views = []
    for i, row in enumerate(rows):
        framework, period = _context(row, docs, texts)
        views.append(ClaimView(
            claim_id=cell_text(row.get("claim_id")) or f"claim-{i}",
            doc_id=cell_text(row.get("doc_id")),
            org_type=cell_text(row.get("org_type")) or "other",
            segments=cell_segments(row.get("segment")),
            count=cell_int(row.get("count")),
            total=cell_int(row.get("total")),
            percent=cell_number(row.get("percent")),
            percent_text=_percent_text(row.get("percent"), cell_text(row.get("text"))),
            share_text=cell_text(row.get("share_text")),
            scope=cell_text(row.get("scope")),
            framework=framework,
            period=period,
            text=cell_text(row.get("text")),
            doubt=cell_text(row.get("doubt")),
        ))
    return views


def read_memberships(memberships: pd.DataFrame | None, docs: dict[str, DocumentView],
                     texts: dict[str, str]) -> list[MembershipView]:
    views = []
    for row in _rows(memberships):
        framework, period = _context(row, docs, texts)
        views.append(MembershipView(
            doc_id=cell_text(row.get("doc_id")), name=cell_text(row.get("name")),
            canonical_name=cell_text(row.get("canonical_name")),
            ods_code=cell_text(row.get("ods_code")).upper(), org_type=cell_text(row.get("org_type")),
            segment=cell_int(row.get("segment")), framework=framework, period=period,
            claim_id=cell_text(row.get("claim_id")), text=cell_text(row.get("text")),
            record_id=cell_text(row.get("membership_id")), from_segment=cell_int(row.get("from_segment")),
        ))
    return views


def read_rankings(rankings: pd.DataFrame | None, docs: dict[str, DocumentView],
                  texts: dict[str, str]) -> list[RankingView]:
    views = []
    for row in _rows(rankings):
        framework, period = _context(row, docs, texts)
        views.append(RankingView(
            doc_id=cell_text(row.get("doc_id")), name=cell_text(row.get("name")),
            canonical_name=cell_text(row.get("canonical_name")),
            ods_code=cell_text(row.get("ods_code")).upper(), league=cell_text(row.get("league")),
            rank=cell_int(row.get("rank")), framework=framework, period=period,
            text=cell_text(row.get("text")), record_id=cell_text(row.get("ranking_id")),
            total=cell_int(row.get("total")), segment=cell_int(row.get("segment")),
        ))
    return views
