"""Each organisation's history: where documents and official tables place it, period by period.

A row is one organisation (its ODS code, else its name as written) in one period. Each
document gives at most one segment per row, its first; the segment most documents give
wins (the earliest on a tie) unless an official table covers the period, which then
decides and makes the row ``official``. Documents that disagree with each other become
``membership_agreement`` checks, and documents that rank it differently in one league
``rank_agreement`` checks, failing only for a precise period, as in ``dataset``.

A move ("went up to segment 2 from segment 3") gives the row its ``previous_segment`` and
places the organisation in the earlier segment for the period before, unless something
else states that period: the move may have happened earlier than the writer's period.
Official rows join only organisations some document mentions, so the table stays the
history of what the run read.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

from .checks import Check
from .dataset import agreement_checks, doc_name
from .official import Official, core_name, display_name, names_own_publisher
from .periods import fy_label, is_precise, period_key, previous_quarter, quarter_index
from .values import DocumentView, MembershipView, RankingView, cell_int

Key = tuple[str, str, str]  # organisation, period, framework (kept only when the period is empty)


@dataclass
class Org:
    ods_code: str
    canonical_name: str
    org_type: str
    names: list[str] = field(default_factory=list)


@dataclass
class Entry:
    """What one record says about one organisation in one period."""

    doc_id: str
    record_id: str
    claim_id: str
    framework: str
    segment: int | None = None
    previous_segment: int | None = None
    league: str = ""
    rank: int | None = None
    total: int | None = None
    implied: bool = False  # the earlier segment of a move, read into the period before


def org_key(ods_code: str, canonical_name: str, name: str, doc_id: str = "") -> str:
    """Who an entry is about: its code, else its name; "our trust" on a page that never says
    whose it is is that page's own publisher, a body of its own per document."""
    if ods_code:
        return ods_code.upper()
    if not canonical_name and names_own_publisher(name):
        return f"publisher:{doc_id}" if doc_id else ""
    return "name:" + core_name(canonical_name or name)


def earlier_period(period: str) -> str:
    """The period before a precise one (the quarter or month before), else ``""``."""
    period = period_key(period)
    if not is_precise(period):
        return ""
    if "Q" in period:
        year, quarter = int(period[:4]), int(period[-1])
        return fy_label(*previous_quarter(year, quarter))
    year, month = int(period[:4]), int(period[5:7])
    return f"{year - 1}-12" if month == 1 else f"{year}-{month - 1:02d}"


class History:
    """The entries of every organisation, gathered from records and official tables."""

    def __init__(self) -> None:
        self.orgs: dict[str, Org] = {}
        self.entries: dict[Key, list[Entry]] = defaultdict(list)

    def org(self, ods_code: str, canonical_name: str, name: str, org_type: str, doc_id: str = "") -> str:
        key = org_key(ods_code, canonical_name, name, doc_id)
        if not key.removeprefix("name:"):
            return ""
        org = self.orgs.setdefault(key, Org(ods_code.upper(), canonical_name, org_type))
        org.canonical_name = org.canonical_name or canonical_name
        org.org_type = org.org_type or org_type
        if name and name not in org.names:
            org.names.append(name)
        return key

    def add(self, org: str, period: str, entry: Entry) -> None:
        period = period_key(period)
        self.entries[(org, period, "" if period else entry.framework)].append(entry)

    def add_membership(self, member: MembershipView) -> None:
        org = self.org(member.ods_code, member.canonical_name, member.name, member.org_type, member.doc_id)
        if not org or (member.segment is None and member.from_segment is None):
            return
        base = Entry(member.doc_id, member.record_id, member.claim_id, member.framework)
        if member.segment is not None:
            self.add(org, member.period, replace(base, segment=member.segment, previous_segment=member.from_segment))
        before = earlier_period(member.period)
        if member.from_segment is not None and before:
            self.add(org, before, replace(base, segment=member.from_segment, implied=True))

    def add_ranking(self, ranking: RankingView) -> None:
        league_type = ranking.league if ranking.league in ("acute", "ambulance", "non_acute") else ""
        org = self.org(ranking.ods_code, ranking.canonical_name, ranking.name, league_type, ranking.doc_id)
        if org and (ranking.rank is not None or ranking.segment is not None):
            self.add(org, ranking.period, Entry(ranking.doc_id, ranking.record_id, "", ranking.framework,
                                                segment=ranking.segment, league=ranking.league,
                                                rank=ranking.rank, total=ranking.total))


@dataclass
class Row:
    """One timeline row being decided, with what disagrees with it."""

    segment: int | None = None
    previous_segment: int | None = None
    league: str = ""
    rank: int | None = None
    total: int | None = None
    basis: str = "stated"
    conflict: list[str] = field(default_factory=list)


def _first_per_doc(entries: list[Entry], value: str) -> dict[str, Entry]:
    """Each document's first entry with ``value`` set (a direct statement before an implied one)."""
    chosen: dict[str, Entry] = {}
    for entry in sorted(entries, key=lambda e: e.implied):
        if getattr(entry, value) is not None:
            chosen.setdefault(entry.doc_id, entry)
    return chosen


def _vote(chosen: dict[str, Entry], value: str) -> tuple[int | None, list[Entry]]:
    """The value most documents give (the earliest on a tie) and the entries that differ."""
    votes: dict[int, list[Entry]] = defaultdict(list)
    for entry in chosen.values():
        votes[getattr(entry, value)].append(entry)
    if not votes:
        return None, []
    best = max(votes, key=lambda v: len(votes[v]))
    return best, [e for e in chosen.values() if getattr(e, value) != best]


def _decide(entries: list[Entry], found: dict | None, official: Official, period: str,
            docs: dict[str, DocumentView]) -> Row:
    placed = _first_per_doc(entries, "segment")
    if not all(e.implied for e in placed.values()):
        placed = {d: e for d, e in placed.items() if not e.implied}
    ranked = _first_per_doc(entries, "rank")
    row = Row()
    row.segment, seg_losers = _vote(placed, "segment")
    row.rank, rank_losers = _vote(ranked, "rank")
    row.conflict = [f"{doc_name(e.doc_id, docs)} places it in segment {e.segment}" for e in seg_losers]
    row.conflict += [f"{doc_name(e.doc_id, docs)} ranks it {e.rank}" for e in rank_losers]
    winners = [e for e in ranked.values() if e.rank == row.rank]
    row.league = next((e.league for e in winners if e.league), "")
    row.total = next((e.total for e in winners if e.total is not None), None)
    row.previous_segment = next((e.previous_segment for e in placed.values()
                                 if e.segment == row.segment and e.previous_segment is not None), None)
    if found is None:
        return row
    row.basis = "official"
    segment, rank = cell_int(found.get("segment")), cell_int(found.get("rank"))
    unpublished_five = row.segment == 5 and segment == 4 and not official.has_segment(period, 5)
    if segment is not None and row.segment is not None and row.segment != segment and not unpublished_five:
        row.conflict.insert(0, f"the official table places it in segment {segment}, the documents in {row.segment}")
    if rank is not None and row.rank is not None and row.rank != rank:
        row.conflict.insert(0, f"the official table ranks it {rank}, the documents {row.rank}")
    if segment is not None and not unpublished_five:
        row.segment = segment
    if rank is not None:
        row.rank, row.league = rank, found.get("league") or row.league
        size = official.population(row.league, found.get("framework", ""), period) if row.league else None
        row.total = size[0] if size else row.total
    return row


def _org_name(org: Org) -> str:
    return display_name(org.canonical_name) if org.canonical_name.isupper() else (org.canonical_name or org.names[0])


def _agreement(org: Org, period: str, entries: list[Entry], docs: dict[str, DocumentView]) -> list[Check]:
    """``membership_agreement`` checks between documents that place one organisation in one period."""
    placed = {d: e for d, e in _first_per_doc(entries, "segment").items() if not e.implied}
    if len(placed) < 2:
        return []
    best, losers = _vote(placed, "segment")
    winners = [e for e in placed.values() if e.segment == best]
    name = _org_name(org)
    when = f" for {period}" if period else ""
    return agreement_checks(
        "membership_agreement", period, best, winners, losers, docs, value=lambda e: e.segment,
        ids=lambda entries: tuple(dict.fromkeys(e.claim_id for e in entries if e.claim_id)),
        agree=lambda n, names: f"{n} documents place {name} in segment {best}{when}: {names}.",
        differ=lambda one, other, value: f"{one} places {name} in segment {best}{when}, but {other} places it in "
                                         f"segment {value}.")


def _rank_agreement(org: Org, period: str, entries: list[Entry], docs: dict[str, DocumentView]) -> list[Check]:
    """``rank_agreement`` checks between documents that rank one organisation in one period.

    Only ranks in one named league are compared, and only when the documents give the same
    league size or none: a position in a sub-table or another edition's table is not the
    same number."""
    ranked = _first_per_doc([e for e in entries if e.league], "rank")
    checks: list[Check] = []
    for league in sorted({e.league for e in ranked.values()}):
        same = {d: e for d, e in ranked.items() if e.league == league}
        if len(same) > 1 and len({e.total for e in same.values() if e.total is not None}) < 2:
            checks.extend(_league_agreement(_org_name(org), league, period, same, docs))
    return checks


def _league_agreement(name: str, league: str, period: str, same: dict[str, Entry],
                      docs: dict[str, DocumentView]) -> list[Check]:
    best, losers = _vote(same, "rank")
    winners = [e for e in same.values() if e.rank == best]
    where = f"the {league.replace('_', '-')} league table" + (f" for {period}" if period else "")
    return agreement_checks(
        "rank_agreement", period, best, winners, losers, docs, value=lambda e: e.rank,
        ids=lambda entries: tuple(dict.fromkeys(e.record_id for e in entries if e.record_id)),
        agree=lambda n, names: f"{n} documents rank {name} {best} in {where}: {names}.",
        differ=lambda one, other, value: f"{one} ranks {name} {best} in {where}, but {other} ranks it {value}.")


def build_timeline(memberships: list[MembershipView], rankings: list[RankingView], official: Official,
                   docs: dict[str, DocumentView]) -> tuple[list[dict], list[Check]]:
    """The ``timeline`` rows and the ``membership_agreement`` and ``rank_agreement`` checks."""
    history = History()
    for member in memberships:
        history.add_membership(member)
    for ranking in rankings:
        history.add_ranking(ranking)
    for org_id, org in history.orgs.items():
        for period in sorted(official.periods):
            row = official.find(period, org.ods_code, org.canonical_name, *org.names, strict=True)
            if row is not None and (org_id, period, "") not in history.entries:
                history.entries[(org_id, period, "")] = []

    rows, checks = [], []
    for (org_id, period, framework), entries in history.entries.items():
        org = history.orgs[org_id]
        found = official.find(period, org.ods_code, org.canonical_name, *org.names, strict=True) if period else None
        decided = _decide(entries, found, official, period, docs)
        if decided.segment is None and decided.rank is None:
            continue
        checks.extend(_agreement(org, period, entries, docs))
        checks.extend(_rank_agreement(org, period, entries, docs))
        only_implied = all(e.implied for e in entries if e.segment is not None)
        records = [e for e in entries if e.rank is not None
                   or (e.segment is not None and (only_implied or not e.implied))]
        rows.append({
            "ods_code": org.ods_code or (found or {}).get("ods_code", ""),
            "canonical_name": org.canonical_name or display_name((found or {}).get("name", "")),
            "org_type": org.org_type or (found or {}).get("org_type", ""),
            "framework": framework or next((e.framework for e in entries if e.framework), "")
                         or (found or {}).get("framework", ""),
            "period": period, "segment": decided.segment, "league": decided.league, "rank": decided.rank,
            "total": decided.total, "basis": decided.basis,
            "doc_ids": ";".join(dict.fromkeys(e.doc_id for e in records)),
            "record_ids": ";".join(dict.fromkeys(e.record_id for e in records if e.record_id)),
            "conflict": "; ".join(decided.conflict), "names": ";".join(org.names),
            "previous_segment": decided.previous_segment,
        })
    rows.sort(key=lambda r: (r["canonical_name"] or r["names"], r["ods_code"],
                             quarter_index(r["period"]) if quarter_index(r["period"]) is not None else -1,
                             r["period"], r["framework"]))
    return rows, checks
