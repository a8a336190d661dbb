"""How the org types nest, and what a share is a share *of*.

Acute, specialist, mental health, community and ambulance trusts are disjoint kinds of
trust; "community or mental health" is exactly the union of two of them and "non-acute"
contains both. Together, each *cover* below accounts for every trust, so when a document
states every part of a cover for a segment the parts must add up to the trust count.
"""

from __future__ import annotations

from collections.abc import Iterable

from .values import ClaimView, PopKey

TRUST_PARTS = ("acute", "specialist", "mental_health", "community", "ambulance")
TRUST_TYPES = ("trust", *TRUST_PARTS, "community_or_mental_health", "non_acute")
EXACT_UNIONS = {"community_or_mental_health": ("mental_health", "community")}
CONTAINS = {"non_acute": ("mental_health", "community")}
COVERS = (
    ("acute", "specialist", "mental_health", "community", "ambulance"),
    ("acute", "specialist", "community_or_mental_health", "ambulance"),
    ("acute", "non_acute", "ambulance"),
)
LABELS = {
    "icb": "ICBs", "ccg": "CCGs", "trust": "trusts", "acute": "acute trusts",
    "mental_health": "mental health trusts", "community": "community trusts",
    "ambulance": "ambulance trusts", "specialist": "specialist trusts",
    "community_or_mental_health": "community or mental health trusts",
    "non_acute": "non-acute trusts", "other": "organisations",
}
SEGMENTS_BY_FRAMEWORK = {"sof2016": (1, 2, 3, 4), "sof2021": (1, 2, 3, 4), "nof2022": (1, 2, 3, 4),
                         "nof2025": (1, 2, 3, 4, 5)}


def label(org_type: str, count: int | None = None) -> str:
    """The plural noun for an org type ("acute trusts"), singular when ``count`` is 1."""
    noun = LABELS.get(org_type, org_type.replace("_", " ") or "organisations")
    if count == 1:
        noun = noun[:-1] if noun.endswith("s") else noun
    return noun


def family(org_type: str) -> str | None:
    """Types that constrain each other share a family; ``other`` joins none."""
    if org_type in TRUST_TYPES:
        return "trust"
    if org_type in ("icb", "ccg"):
        return org_type
    return None


def parent(org_type: str) -> str | None:
    return "trust" if org_type in TRUST_TYPES and org_type != "trust" else None


def framework_segments(framework: str, mentioned: Iterable[int] = ()) -> tuple[int, ...]:
    """The segments a population is split into under a framework (plus any mentioned)."""
    base = set(SEGMENTS_BY_FRAMEWORK.get(framework, (1, 2, 3, 4)))
    return tuple(sorted(base | set(mentioned)))


def segment_words(segments: tuple[int, ...]) -> str:
    if not segments:
        return "in all"
    if len(segments) == 1:
        return f"in segment {segments[0]}"
    return "in segments " + " and ".join(str(s) for s in segments)


def population_claims(pop: PopKey, claims: Iterable[ClaimView]) -> list[ClaimView]:
    """Claims that state the size of ``pop``: a bare population or a population total."""
    found = []
    for claim in claims:
        if claim.pop != pop:
            continue
        if claim.is_population or (claim.total is not None and base_kind(claim, claims) == "total"):
            found.append(claim)
    return found


def parent_count_claim(claim: ClaimView, claims: Iterable[ClaimView]) -> ClaimView | None:
    """The parent-type claim for the same segments, e.g. "30 trusts in segment 1" for
    "of which two-thirds (20) are community or mental health trusts"."""
    up = parent(claim.org_type)
    if up is None or not claim.segments:
        return None
    for other in claims:
        if (other.pop == claim.pop.with_type(up) and other.segments == claim.segments
                and other.count is not None):
            return other
    return None


def base_kind(claim: ClaimView, claims: Iterable[ClaimView]) -> str:
    """What a share or percentage in ``claim`` is taken of.

    ``total``: the stated total, which is the population's size; ``subset``: the stated
    total is a narrower group (a parent segment count, or any total of ``other``);
    ``parent``: no total, but the parent type's count in the same segment is stated (the
    "of which" reading); ``population``: the size of the claim's own population.
    """
    claims = list(claims)
    parent_claim = parent_count_claim(claim, claims)
    if claim.total is not None:
        if claim.org_type == "other":
            return "subset"
        if parent_claim is not None and parent_claim.count == claim.total:
            return "subset"
        return "total"
    if parent_claim is not None and not any(
            c.pop == claim.pop and (c.is_population or c.total is not None) for c in claims):
        return "parent"
    return "population"
