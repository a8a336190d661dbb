"""Join every document's figures into one reconciled table and compare documents.

A figure's key is (framework, period, org_type, segment, scope). Each document supports
at most one value per key, stated or derived; the best-supported value is the one most
documents give (a stated figure beats a derived one on a tie). Documents that give a
different value are named in ``conflict`` and become ``cross_document`` checks. A claim
read with doubt (its ``doubt``) supports a value only after every confident reading: it
never outvotes one, and a row that rests on doubted claims alone says so in ``conflict``. An
empty period means the documents did not say when: their figures still share a row, but
a disagreement is reported as ``unverifiable`` since they may describe different dates;
so is one between documents that give only a year (``2023/24``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from .checks import Check
from .derive import Solution
from .orgtypes import base_kind, label, segment_words
from .periods import is_precise
from .values import ClaimView, DocumentView, segment_label, unnamed_place

Key = tuple[str, str, str, str, str]
T = TypeVar("T")


@dataclass
class Entry:
    """One document's value for one key."""

    doc_id: str
    value: int
    basis: str
    claim_ids: list[str]
    reasoning: str = ""
    scope: str = ""
    doubt: str = ""  # why the claim it rests on may be misread (stated entries only)


def _entries(claims: list[ClaimView], solutions: dict[str, Solution]) -> dict[Key, list[Entry]]:
    by_doc: dict[str, list[ClaimView]] = defaultdict(list)
    for claim in claims:
        by_doc[claim.doc_id].append(claim)
    table: dict[Key, dict[str, Entry]] = defaultdict(dict)

    def add(key: Key, entry: Entry) -> None:
        held = table[key].get(entry.doc_id)
        if held is None or (held.doubt and not entry.doubt):
            table[key][entry.doc_id] = entry
        elif held.value == entry.value:
            held.claim_ids.extend(c for c in entry.claim_ids if c not in held.claim_ids)
            held.doubt = held.doubt if entry.doubt else ""

    for doc_id, doc_claims in by_doc.items():
        for claim in doc_claims:
            pop = claim.pop
            if claim.org_type == "other" or unnamed_place(pop):
                continue
            if claim.count is not None:
                key = (pop.framework, pop.period, claim.org_type, segment_label(claim.segments), pop.scope)
                add(key, Entry(doc_id, claim.count, "stated", [claim.claim_id], scope=claim.scope, doubt=claim.doubt))
            if claim.total is not None and base_kind(claim, doc_claims) == "total":
                key = (pop.framework, pop.period, claim.org_type, "", pop.scope)
                add(key, Entry(doc_id, claim.total, "stated", [claim.claim_id], scope=claim.scope, doubt=claim.doubt))
        for item in solutions.get(doc_id, Solution()).derived:
            pop = item.pop
            if unnamed_place(pop):
                continue
            key = (pop.framework, pop.period, pop.org_type, segment_label(item.segments), pop.scope)
            related = [c.claim_id for c in doc_claims
                       if c.pop == pop and c.segments == item.segments and c.claim_id not in item.claim_ids]
            scope = next((c.scope for c in doc_claims if c.pop == pop), "")
            add(key, Entry(doc_id, item.value, "derived", [*item.claim_ids, *related], item.reasoning, scope))
    return {key: list(entries.values()) for key, entries in table.items()}


def doc_name(doc_id: str, docs: dict[str, DocumentView]) -> str:
    """A document as a message names it: its title and id, else its id."""
    doc = docs.get(doc_id)
    return f"“{doc.title}” ({doc_id})" if doc and doc.title else doc_id


def _describe(key: Key) -> str:
    _, period, org_type, segment, scope = key
    segments = tuple(int(s) for s in segment.split(";") if s)
    where = f" in {scope}" if scope else ""
    when = f" for {period}" if period else ""
    return f"{label(org_type)}{where} {segment_words(segments)}{when}"


def reconcile_documents(claims: list[ClaimView], solutions: dict[str, Solution],
                        docs: dict[str, DocumentView]) -> tuple[list[dict], list[Check]]:
    """The dataset rows and the ``cross_document`` checks."""
    rows, checks = [], []
    for key, entries in sorted(_entries(claims, solutions).items()):
        votes: dict[int, list[Entry]] = defaultdict(list)
        for entry in entries:
            votes[entry.value].append(entry)
        best = max(votes, key=lambda v: (sum(not e.doubt for e in votes[v]), len(votes[v]),
                                         any(e.basis == "stated" for e in votes[v]),
                                         -min(entries.index(e) for e in votes[v])))
        winners = votes[best]
        losers = [e for e in entries if e.value != best]
        stated = [e for e in winners if e.basis == "stated"]
        framework, period, org_type, segment, _ = key
        rows.append({
            "framework": framework, "period": period, "org_type": org_type, "segment": segment,
            "scope": winners[0].scope, "count": best, "basis": "stated" if stated else "derived",
            "claim_ids": ";".join(dict.fromkeys(c for e in winners for c in e.claim_ids)),
            "doc_ids": ";".join(dict.fromkeys(e.doc_id for e in winners)),
            "reasoning": "" if stated else winners[0].reasoning,
            "conflict": "; ".join([
                *([f"read with doubt in {doc_name(winners[0].doc_id, docs)}: {winners[0].doubt}"]
                  if all(e.doubt for e in winners) else []),
                *(f"{doc_name(e.doc_id, docs)} gives {e.value}"
                  f"{' (derived)' if e.basis == 'derived' else ''}" for e in losers)]),
        })
        if len(entries) < 2:
            continue
        checks.extend(_cross_checks(key, best, winners, losers, docs))
    return rows, checks


def _cross_checks(key: Key, best: int, winners: list[Entry], losers: list[Entry],
                  docs: dict[str, DocumentView]) -> list[Check]:
    what = _describe(key)
    return agreement_checks(
        "cross_document", key[1], best, winners, losers, docs, value=lambda e: e.value,
        ids=lambda entries: tuple(dict.fromkeys(c for e in entries for c in e.claim_ids)),
        agree=lambda n, names: f"{n} documents agree on {best} {what}: {names}.",
        differ=lambda one, other, value: f"{one} gives {best} {what}, but {other} gives {value}.")


def agreement_checks(kind: str, period: str, best: int, winners: Sequence[T], losers: Sequence[T],
                     docs: dict[str, DocumentView], *, value: Callable[[T], int],
                     ids: Callable[[Sequence[T]], tuple[str, ...]], agree: Callable[[int, str], str],
                     differ: Callable[[str, str, int], str]) -> list[Check]:
    """Checks between documents that give one thing (each entry has a ``doc_id``): one ``pass``
    naming them all when they agree, else one check per document against the first winner's.
    ``agree(n, names)`` and ``differ(one, other, value)`` word the message."""
    if not losers:
        names = ", ".join(doc_name(e.doc_id, docs) for e in winners)
        return [Check(kind, "pass", ids(winners), str(best), str(best), agree(len(winners), names),
                      tuple(e.doc_id for e in winners))]
    reference = winners[0]
    status, caveat = disagreement_status(period)
    return [Check(kind, status, ids([reference, entry]), str(best), str(value(entry)),
                  differ(doc_name(reference.doc_id, docs), doc_name(entry.doc_id, docs), value(entry)) + caveat,
                  (reference.doc_id, entry.doc_id)) for entry in losers]


def disagreement_status(period: str) -> tuple[str, str]:
    """How two documents' different figures for one period count: a failure only when the
    period is one quarter or month; else ``unverifiable`` with the reason to add to the message."""
    if not period:
        return "unverifiable", " Neither says which period it describes, so they may not be about the same date."
    if not is_precise(period):
        return "unverifiable", f" Both say only {period}, so they may describe different quarters of it."
    return "fail", ""
