"""Check claims, memberships and rankings against official segment placements.

The shipped tables live in ``models/official/`` (see its ``PROVENANCE.md``):

* ``nof_2025-26_q3_segments.csv``: trust placements and league ranks for 2025/26 Q3,
  cut down from the shared reference extract by :func:`derive_official_extract`. Its
  coverage is partial, so a missing trust is ``unverifiable`` and a count is compared with
  the range the extract leaves open (the trusts it places, plus at most every trust it
  lacks), failing only when the stated count falls outside that range.
* ``populations.csv``: official population sizes (42 ICBs; 134 acute and 10 ambulance
  trusts in the 2025/26 league tables) with the periods they hold for.

A claim with no scope is national unless its page is evidently about a region; then a count
below the national figure is ``unverifiable``, not a failure (see ``_regional_pages``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import pandas as pd

from ..resources import asset
from .checks import Check, quote
from .officialfile import OFFICIAL_COLUMNS, combine_official, read_official_file
from .orgtypes import base_kind, label
from .periods import quarter_index
from .values import ClaimView, MembershipView, PopKey, RankingView, cell_int, cell_text

OFFICIAL_FILE = ("official", "nof_2025-26_q3_segments.csv")
POPULATIONS_FILE = ("official", "populations.csv")
UNPUBLISHED_SEGMENTS = (4, 5)
_STOP = {"nhs", "trust", "foundation", "the", "ft", "of"}
_LEAGUE = {"Acute trust": "acute", "Mental health and community trust": "non_acute",
           "Ambulance trust": "ambulance"}
_SUBTYPE = {"Community": "community", "Mental Health and Learning Disability": "mental_health",
            "Ambulance": "ambulance"}


def derive_official_extract(source_csv: Path) -> pd.DataFrame:
    """The shipped table from ``nof_2025-26_q3_trust_segments_extract.csv``: placement
    columns only, with the contract's org_type and league vocabularies."""
    raw = pd.read_csv(source_csv, dtype=str, keep_default_na=False)
    rows = []
    for rec in raw.to_dict("records"):
        league = _LEAGUE.get(rec["trust_type"], "")
        rows.append({
            "ods_code": rec["org_code"], "name": rec["org_name"],
            "org_type": _SUBTYPE.get(rec["trust_subtype"], "acute" if league == "acute" else "other"),
            "trust_subtype": rec["trust_subtype"], "league": league, "segment": rec["segment"],
            "rank": rec["rank_within_type"], "framework": "nof2025",
            "period": "2025/26 Q3" if rec["quarter"].strip() == "Q3 2025/26" else rec["quarter"],
        })
    return pd.DataFrame(rows, columns=list(OFFICIAL_COLUMNS))


def load_official(files: Iterable[str | Path] = (), *, shipped: bool = True) -> pd.DataFrame:
    """The official placements: the shipped 2025/26 Q3 extract (unless ``shipped`` is false)
    and then each user file, read alike by :func:`read_official_file`. A later table's row
    replaces an earlier one's for the same organisation and period."""
    tables = []
    if shipped:
        with resources.as_file(asset(*OFFICIAL_FILE)) as path:
            tables.append(("the shipped extract", read_official_file(path)))
    tables += [(str(f), read_official_file(f)) for f in files]
    return combine_official(tables)


def load_populations() -> pd.DataFrame:
    """Official population sizes with the periods they hold for."""
    with asset(*POPULATIONS_FILE).open("r", encoding="utf-8") as fh:
        return pd.read_csv(fh, dtype=str, keep_default_na=False)


def display_name(name: str) -> str:
    """An upper-case register name in a readable case ("GUY'S AND ST THOMAS' NHS ..." →
    "Guy's and St Thomas' NHS ...")."""
    small = {"and", "of", "for", "the", "in"}
    words = []
    for i, word in enumerate(name.split()):
        lower = word.lower()
        if lower in ("nhs", "ft"):
            words.append(lower.upper())
        elif lower in small and i:
            words.append(lower)
        else:
            words.append(lower[:1].upper() + lower[1:])
    return " ".join(words)


def core_name(name: str) -> str:
    """A name without case, punctuation or generic words, so "Barts Health" finds
    "BARTS HEALTH NHS TRUST"."""
    text = re.sub(r"[^a-z0-9 ]+", " ", name.lower().replace("&", " and "))
    return " ".join(w for w in text.split() if w not in _STOP)


_OWN_WORDS = {"we", "us", "our", "this", "icb", "ics", "organisation", "organization"}


def names_own_publisher(name: str) -> bool:
    """Whether ``name`` is only the words a page uses for its own publisher ("our trust", "We",
    "the Trust"), which name no body outside that page: such a record, without a code, is
    compared with nothing from another document or an official table."""
    return set(core_name(name).split()) <= _OWN_WORDS


class Official:
    """Lookups over official tables, period by period (a name or code is looked up within one period)."""

    def __init__(self, table: pd.DataFrame, populations: pd.DataFrame) -> None:
        self.rows = [{k: cell_text(v) for k, v in r.items()} for r in table.to_dict("records")]
        self.by_period: dict[str, list[dict]] = defaultdict(list)
        for row in self.rows:
            self.by_period[row["period"]].append(row)
        self.periods = set(self.by_period)
        self.by_code = {(r["period"], r["ods_code"].upper()): r for r in self.rows if r["ods_code"]}
        self.by_name = {(r["period"], core_name(r["name"])): r for r in self.rows}
        self.populations = [{k: cell_text(v) for k, v in r.items()} for r in populations.to_dict("records")]

    def find(self, period: str, ods_code: str, *names: str, strict: bool = False) -> dict | None:
        """The row for one organisation in ``period``: by code, else by name, else by a name's start.
        ``strict``: by code alone when there is one, and by whole names only."""
        if ods_code and (period, ods_code.upper()) in self.by_code:
            return self.by_code[(period, ods_code.upper())]
        if strict:
            keys = [(period, core_name(n)) for n in names if not ods_code and core_name(n)]
            return next((self.by_name[k] for k in keys if k in self.by_name), None)
        for name in names:
            key = core_name(name)
            if key and (period, key) in self.by_name:
                return self.by_name[(period, key)]
        for name in names:
            key = core_name(name)
            hits = [r for r in self.by_period.get(period, ()) if key and core_name(r["name"]).startswith(key + " ")]
            if len(hits) == 1:
                return hits[0]
        return None

    def has_segment(self, period: str, segment: int) -> bool:
        return any(cell_int(r["segment"]) == segment for r in self.by_period.get(period, ()))

    def selection(self, org_type: str, period: str) -> list[dict] | None:
        rows = self.by_period.get(period, [])
        if org_type == "icb":
            return [r for r in rows if r["org_type"] == "icb"] or None
        if org_type == "trust":
            return [r for r in rows if r["org_type"] not in ("icb", "ccg")]
        if org_type in ("acute", "non_acute", "ambulance"):
            return [r for r in rows if r["league"] == org_type]
        if org_type in ("mental_health", "community"):
            return [r for r in rows if r["org_type"] == org_type]
        if org_type == "community_or_mental_health":
            return [r for r in rows if r["org_type"] in ("mental_health", "community")]
        return None

    def population(self, org_type: str, framework: str, period: str) -> tuple[int, str] | None:
        """The official size of a population in a period (or over a whole framework)."""
        where = quarter_index(period) if period else None
        for row in self.populations:
            if row["org_type"] != org_type or (framework and row["framework"] != framework):
                continue
            if where is None:
                if framework and row.get("covers_framework") == "true":
                    return int(row["count"]), row["source"]
                continue
            low, high = quarter_index(row["period_from"]), quarter_index(row["period_to"])
            if low is not None and high is not None and low <= where <= high:
                return int(row["count"]), row["source"]
        return None


def _regional_reason(claim: ClaimView, regional: dict[tuple[str, PopKey | None], str]) -> str:
    """Why ``claim``, which names no place, is taken as a region's count ("" if it is not)."""
    if _says_national(claim.text):
        return ""
    return regional.get((claim.doc_id, claim.pop)) or regional.get((claim.doc_id, None)) or ""


def _population_checks(claims: list[ClaimView], official: Official,
                       regional: dict[tuple[str, PopKey | None], str]) -> list[Check]:
    out = []
    for claim in claims:
        if claim.scope:
            continue
        size = claim.count if claim.is_population else claim.total
        if size is None:
            continue
        found = official.population(claim.org_type, claim.framework, claim.period)
        if found is None:
            continue
        value, source = found
        if size < value and (why := _regional_reason(claim, regional)):
            out.append(Check(
                "official_data", "unverifiable", (claim.claim_id,), str(value), str(size),
                f"{quote(claim.text)} names no place, but {why}: the national figure of {value} "
                f"{label(claim.org_type)} does not apply.", (claim.doc_id,)))
            continue
        ok = size == value
        out.append(Check(
            "official_data", "pass" if ok else "fail", (claim.claim_id,), str(value), str(size),
            f"{quote(claim.text)} counts {size} {label(claim.org_type)}; the official figure is {value} "
            f"({source}).", (claim.doc_id,)))
    return out


def _stated_sizes(claims: list[ClaimView]) -> dict[tuple[str, PopKey], set[int]]:
    """The sizes each document gives each population.

    A document that counts 19 acute trusts in all is not talking about the national
    population, whatever its scope column says, so national figures do not apply to it.
    """
    groups: dict[tuple[str, PopKey], list[ClaimView]] = defaultdict(list)
    for claim in claims:
        groups[(claim.doc_id, claim.pop)].append(claim)
    sizes = {}
    for key, same in groups.items():
        found = {c.count for c in same if c.is_population}
        found |= {c.total for c in same if c.total is not None and base_kind(c, same) == "total"}
        sizes[key] = found
    return sizes


_NATIONAL_WORDS = frozenset({"national", "nationally", "nationwide", "england", "england's", "country",
                             "country's"})


def _says_national(text: str) -> bool:
    return not _NATIONAL_WORDS.isdisjoint(re.findall(r"[a-z']+", text.lower()))


def _placed(rows: list[dict], segment: int) -> int:
    return sum(1 for r in rows if cell_int(r["segment"]) == segment)


def _regional_pages(claims: list[ClaimView], official: Official) -> dict[tuple[str, PopKey | None], str]:
    """Why a document's counts with no scope look like counts of a region, by document and
    population (population ``None``: all of the document's), absent when they may well be
    national.

    The reading step leaves the scope empty when a sentence names no place, and the official
    check takes such a count as national. On a page about one region ("South West acute
    trusts", the place named only in its heading) that turns every count into a false alarm.
    The evidence, either of:

    * another claim of the same document is limited to a place (its scope is not empty): the
      page counts by region;
    * the document counts the population in two or more segments, each count is below the
      national placement for its segment, and all its counts together come to less than half
      the national population (the official size, or the organisations the official table
      places when no size is known): a national breakdown adds up to the nation.

    Conservative on purpose: a claim whose own words say it is national ("nationally", "in
    England") is never regional, and only a count below the national figure is spared; a
    count above it cannot be a region's and still fails.
    """
    out: dict[tuple[str, PopKey | None], str] = {}
    for claim in reversed(claims):
        if claim.scope:
            out[(claim.doc_id, None)] = f"the same page counts within a place elsewhere ({claim.scope})"
    groups: dict[tuple[str, PopKey], list[ClaimView]] = defaultdict(list)
    for claim in claims:
        if not claim.scope and len(claim.segments) == 1 and claim.count is not None:
            groups[(claim.doc_id, claim.pop)].append(claim)
    for (doc_id, pop), group in groups.items():
        first = group[0]
        rows = official.selection(pop.org_type, first.period) if first.period in official.periods else None
        if not rows:
            continue
        counts = {}
        for claim in group:
            counts.setdefault(claim.segments[0], claim.count)
        comparable = [s for s in counts
                      if s not in UNPUBLISHED_SEGMENTS or official.has_segment(first.period, 5)]
        size = official.population(pop.org_type, first.framework, first.period)
        nation = size[0] if size is not None else len(rows)
        where = "in England" if size is not None else "the official table places"
        added = sum(counts.values())
        if (len(comparable) >= 2 and all(counts[s] < _placed(rows, s) for s in comparable)
                and 2 * added < nation):
            out[(doc_id, pop)] = (f"the page's counts of {label(pop.org_type)} add up to {added}, far fewer "
                                  f"than the {nation} {where}, so it seems to be about one region")
    return out


def _count_checks(claims: list[ClaimView], official: Official,
                  regional: dict[tuple[str, PopKey | None], str]) -> list[Check]:
    out = []
    stated_sizes = _stated_sizes(claims)
    for claim in claims:
        if (claim.scope or len(claim.segments) != 1 or claim.count is None
                or claim.period not in official.periods):
            continue
        rows = official.selection(claim.org_type, claim.period)
        if rows is None:
            continue
        segment = claim.segments[0]
        placed = _placed(rows, segment)
        noun = label(claim.org_type)
        ids, doc = (claim.claim_id,), (claim.doc_id,)
        if segment in UNPUBLISHED_SEGMENTS and not official.has_segment(claim.period, 5):
            out.append(Check("official_data", "unverifiable", ids, "", str(claim.count),
                             f"{quote(claim.text)}: the official extract does not separate segment 4 from "
                             "segment 5 (the Recovery Support Programme), so this count cannot be checked.",
                             doc))
            continue
        size = official.population(claim.org_type, claim.framework, claim.period)
        if size is not None and any(n != size[0] for n in stated_sizes[(claim.doc_id, claim.pop)]):
            continue
        missing = None if size is None else max(size[0] - len(rows), 0)
        high = None if missing is None else placed + missing
        why = _regional_reason(claim, regional) if claim.count < placed else ""
        if why:
            out.append(Check("official_data", "unverifiable", ids, f"at least {placed}", str(claim.count),
                             f"{quote(claim.text)} names no place, but {why}: the official {claim.period} "
                             f"figure of {placed} {noun} in segment {segment} nationally does not apply.",
                             doc))
        elif claim.count < placed or (high is not None and claim.count > high):
            bound = f"at least {placed}" if claim.count < placed else f"at most {high}"
            out.append(Check("official_data", "fail", ids, bound, str(claim.count),
                             f"{quote(claim.text)}: the official {claim.period} data place {placed} "
                             f"{noun} in segment {segment}, so the count must be {bound}, not {claim.count}.",
                             doc))
        elif missing == 0:
            out.append(Check("official_data", "pass", ids, str(placed), str(claim.count),
                             f"{quote(claim.text)} matches the official {claim.period} data.", doc))
        else:
            lacking = f"lacks {missing}" if missing is not None else "does not cover all of them"
            out.append(Check("official_data", "unverifiable", ids,
                             f"{placed}–{high}" if high is not None else f"at least {placed}",
                             str(claim.count),
                             f"{quote(claim.text)}: coverage incomplete. The official {claim.period} extract "
                             f"places {placed} {noun} in segment {segment} but {lacking}; the stated "
                             f"{claim.count} is possible.", doc))
    return out


def _membership_checks(memberships: list[MembershipView], official: Official) -> list[Check]:
    out = []
    for member in memberships:
        if member.segment is None or member.period not in official.periods:
            continue
        if not member.ods_code and names_own_publisher(member.name):
            continue
        row = official.find(member.period, member.ods_code, member.canonical_name, member.name)
        ids, doc = tuple(filter(None, [member.claim_id])), (member.doc_id,)
        if row is None:
            out.append(Check("official_data", "unverifiable", ids, "", str(member.segment),
                             f"{member.name} is placed in segment {member.segment}, but it is not in the "
                             f"official {member.period} extract (coverage incomplete).", doc))
            continue
        official_segment = cell_int(row["segment"])
        if member.segment == 5 and official_segment == 4 and not official.has_segment(member.period, 5):
            status, verdict = "unverifiable", "which is as far as the extract goes (it has no segment 5)"
        elif member.segment == official_segment:
            status, verdict = "pass", "as the text says"
        else:
            status, verdict = "fail", f"not segment {member.segment} as the text says"
        out.append(Check("official_data", status, ids, str(official_segment), str(member.segment),
                         f"The official {member.period} data place {display_name(row['name'])} in segment "
                         f"{official_segment}, {verdict}.", doc))
    return out


def _ranking_checks(rankings: list[RankingView], official: Official) -> list[Check]:
    out = []
    for ranking in rankings:
        if ranking.rank is None or ranking.period not in official.periods:
            continue
        if not ranking.ods_code and names_own_publisher(ranking.name):
            continue
        row = official.find(ranking.period, ranking.ods_code, ranking.canonical_name, ranking.name)
        if row is None or (ranking.league and ranking.league != row["league"]):
            continue
        official_rank = cell_int(row["rank"])
        ok = official_rank == ranking.rank
        league = row["league"].replace("_", "-")
        out.append(Check("official_data", "pass" if ok else "fail", (), str(official_rank), str(ranking.rank),
                         f"{ranking.name} is ranked {ranking.rank} in the text; the official "
                         f"{ranking.period} {league} league table ranks it {official_rank}.",
                         (ranking.doc_id,)))
    return out


def _written_total(ranking: RankingView) -> int | None:
    """The league size written right after the rank in the row's own words ("143rd of 134",
    "12th out of the 10"): the reading step drops a total smaller than the rank, as no league
    is, but the words still say it."""
    pattern = (rf"\b{ranking.rank}(?:st|nd|rd|th)\s+(?:place\s+|position\s+)?(?:out\s+)?of\s+"
               r"(?:the\s+|all\s+)?(\d+)\b")
    match = re.search(pattern, ranking.text, re.I)
    return int(match[1]) if match else None


def league_size_checks(rankings: list[RankingView], official: Official) -> list[Check]:
    """``rank_within_league`` failures: a rank beyond the size of its league ("ranked 143rd of
    134 acute trusts"), as the row states it, its words state it, or the official size of its
    league in its period says. Only an impossible rank is reported: every other row is a rank
    within its league by construction, and a pass for each would bury the checks that matter."""
    out = []
    for ranking in rankings:
        if ranking.rank is None:
            continue
        size, whose = ranking.total, "as the text says"
        if size is None or size >= ranking.rank:
            written = _written_total(ranking)
            if written is not None and written < ranking.rank:
                size = written
        if (size is None or size >= ranking.rank) and ranking.league:
            found = official.population(ranking.league, ranking.framework, ranking.period)
            if found is not None and found[0] < ranking.rank:
                size, whose = found[0], f"officially: {found[1]}"
        if size is None or size >= ranking.rank:
            continue
        league = f"the {ranking.league.replace('_', '-')} league" if ranking.league else "its league"
        out.append(Check("rank_within_league", "fail", (), f"at most {size}", str(ranking.rank),
                         f"{quote(ranking.text)}: {ranking.name} cannot be ranked {ranking.rank}, since "
                         f"{league} has {size} places ({whose}).", (ranking.doc_id,)))
    return out


def official_checks(claims: list[ClaimView], memberships: list[MembershipView],
                    rankings: list[RankingView], official: Official) -> list[Check]:
    """Every ``official_data`` check the official tables allow."""
    regional = _regional_pages(claims, official)  # pages whose scope-less counts are a region's
    return [*_population_checks(claims, official, regional), *_count_checks(claims, official, regional),
            *_membership_checks(memberships, official), *_ranking_checks(rankings, official)]
