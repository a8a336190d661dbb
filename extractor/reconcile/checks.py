"""The arithmetic checks within one document, each ending in a sentence a journalist can read.

Every check compares two figures and says ``pass``, ``fail`` or ``unverifiable`` (a figure
it needs is missing). A count that no claim states but the claims force (see ``derive``)
may stand in for a stated one; the message then says it was derived.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from fractions import Fraction

from .derive import Solution
from .orgtypes import (
    COVERS,
    base_kind,
    family,
    framework_segments,
    label,
    parent_count_claim,
    segment_words,
)
from .shares import Interval, format_percent, percent_interval, share_interval
from .values import ClaimView, MembershipView, PopKey, Segments


@dataclass(frozen=True)
class Check:
    kind: str
    status: str
    claim_ids: tuple[str, ...]
    expected: str
    observed: str
    message: str
    doc_ids: tuple[str, ...]

    def row(self, check_id: str) -> dict:
        return {
            "check_id": check_id, "kind": self.kind, "status": self.status,
            "claim_ids": ";".join(self.claim_ids), "expected": self.expected,
            "observed": self.observed, "message": self.message, "doc_ids": ";".join(self.doc_ids),
        }


def quote(text: str, limit: int = 110) -> str:
    """A claim's words for a message, shortened at a word boundary."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    return f"“{text}”" if text else "a claim"


@dataclass(frozen=True)
class Figure:
    value: int
    claim_ids: tuple[str, ...]
    derived: bool


class Facts:
    """The counts one document states or implies, by population and segments."""

    def __init__(self, claims: list[ClaimView], solution: Solution) -> None:
        self.claims = claims
        self.stated: dict[tuple[PopKey, Segments], Figure] = {}
        for claim in sorted(claims, key=lambda c: bool(c.doubt)):  # a confident reading first
            if claim.count is not None:
                figure = Figure(claim.count, (claim.claim_id,), False)
                self.stated.setdefault((claim.pop, claim.segments), figure)
        for claim in sorted(claims, key=lambda c: bool(c.doubt)):
            if claim.total is not None and base_kind(claim, claims) == "total":
                self.stated.setdefault((claim.pop, ()), Figure(claim.total, (claim.claim_id,), False))
        self.derived = {(d.pop, d.segments): Figure(d.value, d.claim_ids, True) for d in solution.derived}

    def get(self, pop: PopKey, segments: Segments) -> Figure | None:
        return self.stated.get((pop, segments)) or self.derived.get((pop, segments))

    def base_for(self, claim: ClaimView) -> Figure | None:
        """The figure a share or percentage in ``claim`` is taken of (see ``base_kind``)."""
        kind = base_kind(claim, self.claims)
        if kind in ("total", "subset"):
            return Figure(claim.total, (claim.claim_id,), False)
        if kind == "parent":
            parent = parent_count_claim(claim, self.claims)
            return Figure(parent.count, (parent.claim_id,), False) if parent else None
        return self.get(claim.pop, ())


def _ratio_check(kind: str, claim: ClaimView, interval: Interval, stated: str, facts: Facts) -> Check:
    count = (Figure(claim.count, (), False) if claim.count is not None
             else facts.get(claim.pop, claim.segments))
    base = facts.base_for(claim)
    ids = (claim.claim_id,)
    if count is None or base is None or base.value == 0:
        missing = "count" if count is None else "total"
        return Check(kind, "unverifiable", ids, stated, "",
                     f"{quote(claim.text)} says {stated}, but no {missing} is given to test it against.",
                     (claim.doc_id,))
    ids = tuple(dict.fromkeys(ids + count.claim_ids + base.claim_ids))
    share = Fraction(count.value, base.value)
    observed = f"{count.value}/{base.value} = {format_percent(count.value, base.value)}"
    how = " (a count derived from the other figures)" if count.derived else ""
    if base.derived:
        how += " (of a total derived from the segment counts)"
    if interval.contains(share):
        message = f"{quote(claim.text)}: {observed}{how} is consistent with {stated}."
        status = "pass"
    else:
        message = (f"{quote(claim.text)}: {observed}{how}, which is not {stated} "
                   f"({interval.describe()}).")
        status = "fail"
    return Check(kind, status, ids, stated, observed, message, (claim.doc_id,))


def percent_checks(claims: list[ClaimView], facts: Facts) -> list[Check]:
    out = []
    for claim in claims:
        if claim.percent is None or not claim.segments:
            continue
        interval = percent_interval(claim.percent_phrase)
        if interval is not None:
            stated = f"{claim.percent_phrase}%"
            out.append(_ratio_check("percent_matches_count", claim, interval, stated, facts))
    return out


def share_checks(claims: list[ClaimView], facts: Facts) -> list[Check]:
    out = []
    for claim in claims:
        if not claim.share_text:
            continue
        interval = share_interval(claim.share_phrase)
        stated = f"“{claim.share_phrase}”"
        if interval is None:
            out.append(Check("share_matches_count", "unverifiable", (claim.claim_id,), stated, "",
                             f"No agreed range is defined for the phrase {stated}, so it cannot be tested.",
                             (claim.doc_id,)))
            continue
        if claim.count is None and claim.percent is not None:
            pct = percent_interval(claim.percent_phrase)
            ok = pct is not None and pct.overlaps(interval)
            observed = f"{claim.percent_phrase}%"
            verdict = "is consistent with" if ok else "does not fit"
            out.append(Check(
                "share_matches_count", "pass" if ok else "fail", (claim.claim_id,), stated, observed,
                f"{quote(claim.text)}: {observed} {verdict} {stated} ({interval.describe()}).",
                (claim.doc_id,)))
            continue
        out.append(_ratio_check("share_matches_count", claim, interval, stated, facts))
    return out


def _populations(claims: list[ClaimView]) -> dict[PopKey, list[ClaimView]]:
    groups: dict[PopKey, list[ClaimView]] = defaultdict(list)
    for claim in claims:
        if family(claim.org_type) is not None:
            groups[claim.pop].append(claim)
    return groups


def segment_sum_checks(claims: list[ClaimView], facts: Facts) -> list[Check]:
    out = []
    for pop, group in _populations(claims).items():
        segments = framework_segments(pop.framework, [s for c in group for s in c.segments])
        parts = {s: facts.stated.get((pop, (s,))) for s in segments}
        known = {s: f for s, f in parts.items() if f is not None}
        total = facts.stated.get((pop, ()))
        if len(known) + (total is not None) < 2 or not known:
            continue
        ids = tuple(dict.fromkeys(i for f in [*known.values(), total] if f for i in f.claim_ids))
        added = sum(f.value for f in known.values())
        sum_text = " + ".join(f"{known[s].value}" for s in sorted(known))
        noun = label(pop.org_type)
        doc = (group[0].doc_id,)
        missing = [s for s in segments if s not in known]
        if total is None:
            if not missing:
                out.append(Check("segments_sum_to_total", "unverifiable", ids, "", f"{sum_text} = {added}",
                                 f"The {noun} in all segments add up to {sum_text} = {added}, but the "
                                 "document states no total to compare with.", doc))
        elif not missing:
            ok = added == total.value
            verdict = "matching" if ok else "not"
            out.append(Check("segments_sum_to_total", "pass" if ok else "fail", ids, str(total.value),
                             f"{sum_text} = {added}",
                             f"The segment counts for {noun} add up to {sum_text} = {added}, {verdict} "
                             f"the {total.value} {noun} stated in all.", doc))
        elif added > total.value:
            out.append(Check("segments_sum_to_total", "fail", ids, f"at most {total.value}",
                             f"{sum_text} = {added}",
                             f"The {noun} counted in segments {', '.join(map(str, sorted(known)))} already "
                             f"add up to {added}, more than the {total.value} stated in all.", doc))
        else:
            gap = (f"Segment {missing[0]} is" if len(missing) == 1
                   else f"Segments {', '.join(map(str, missing[:-1]))} and {missing[-1]} are")
            out.append(Check("segments_sum_to_total", "unverifiable", ids, str(total.value),
                             f"{sum_text} = {added}",
                             f"{gap} not given for {noun}, so the sum cannot be checked; the "
                             f"others leave {total.value - added} of the {total.value}.", doc))
    return out


def subtype_checks(claims: list[ClaimView], facts: Facts) -> list[Check]:
    out = []
    for pop, group in _populations(claims).items():
        if pop.org_type != "trust":
            continue
        for segments in sorted({c.segments for c in group if len(c.segments) == 1}):
            whole = facts.stated.get((pop, segments))
            if whole is None:
                continue
            parts_by_cover = [
                (cover, {t: facts.stated.get((pop.with_type(t), segments)) for t in cover})
                for cover in COVERS]
            stated_parts = [(cover, {t: f for t, f in p.items() if f}) for cover, p in parts_by_cover]
            cover, parts = max(stated_parts, key=lambda item: (len(item[1]) == len(item[0]), len(item[1])))
            if not parts:
                continue
            added = sum(f.value for f in parts.values())
            sum_text = " + ".join(f"{f.value} {label(t, f.value)}" for t, f in parts.items())
            part_ids = tuple(i for f in parts.values() for i in f.claim_ids)
            ids = tuple(dict.fromkeys(whole.claim_ids + part_ids))
            where = segment_words(segments)
            doc = (group[0].doc_id,)
            if len(parts) == len(cover):
                ok = added == whole.value
                out.append(Check(
                    "subtypes_sum_to_segment", "pass" if ok else "fail", ids, str(whole.value),
                    f"{added}",
                    f"The kinds of trust {where} add up to {sum_text} = {added}, "
                    f"{'matching' if ok else 'not'} the {whole.value} trusts stated {where}.", doc))
            else:
                ok = added <= whole.value
                out.append(Check(
                    "subtypes_sum_to_segment", "pass" if ok else "fail", ids, f"at most {whole.value}",
                    f"{added}",
                    f"The kinds of trust named {where} ({sum_text} = {added}) "
                    f"{'fit within' if ok else 'exceed'} the {whole.value} trusts stated {where}.", doc))
    return out


def combined_checks(claims: list[ClaimView], facts: Facts) -> list[Check]:
    out = []
    for claim in claims:
        if len(claim.segments) < 2 or claim.count is None:
            continue
        parts = {s: facts.stated.get((claim.pop, (s,))) for s in claim.segments}
        known = {s: f for s, f in parts.items() if f is not None}
        added = sum(f.value for f in known.values())
        ids = tuple(dict.fromkeys((claim.claim_id, *(i for f in known.values() for i in f.claim_ids))))
        sum_text = " + ".join(str(known[s].value) for s in sorted(known)) or "nothing"
        doc = (claim.doc_id,)
        if len(known) == len(parts):
            ok = added == claim.count
            out.append(Check(
                "combined_matches_parts", "pass" if ok else "fail", ids, str(claim.count),
                f"{sum_text} = {added}",
                f"{quote(claim.text)}: the segments it combines add up to {sum_text} = {added}, "
                f"{'matching' if ok else 'not'} {claim.count}.", doc))
        elif added > claim.count:
            out.append(Check("combined_matches_parts", "fail", ids, str(claim.count), f"{sum_text} = {added}",
                             f"{quote(claim.text)}: its parts already add up to {added}, more than "
                             f"{claim.count}.", doc))
        else:
            out.append(Check("combined_matches_parts", "unverifiable", (claim.claim_id,), str(claim.count),
                             "", f"{quote(claim.text)}: not every segment it combines is given separately.",
                             doc))
    return out


def list_checks(claims: list[ClaimView], memberships: list[MembershipView]) -> list[Check]:
    by_claim: dict[str, list[MembershipView]] = defaultdict(list)
    for member in memberships:
        if member.claim_id:
            by_claim[member.claim_id].append(member)
    claims_by_id = {c.claim_id: c for c in claims}
    out = []
    for claim_id, members in by_claim.items():
        claim = claims_by_id.get(claim_id)
        if claim is None:
            continue
        names = list(dict.fromkeys(m.canonical_name or m.name for m in members))
        listed = ", ".join(m.name for m in members)
        doc = (claim.doc_id,)
        if claim.count is None:
            out.append(Check("list_length_matches_count", "unverifiable", (claim_id,), "", str(len(names)),
                             f"{quote(claim.text)} names {len(names)} organisations but gives no count.",
                             doc))
            continue
        ok = len(names) == claim.count
        out.append(Check(
            "list_length_matches_count", "pass" if ok else "fail", (claim_id,), str(claim.count),
            str(len(names)),
            f"{quote(claim.text)} gives {claim.count} and names {len(names)} ({listed})."
            + ("" if ok else f" {'One is' if abs(claim.count - len(names)) == 1 else 'Some are'} "
               f"{'missing' if len(names) < claim.count else 'extra'}."), doc))
    return out


def derivation_checks(solution: Solution, claims: list[ClaimView]) -> list[Check]:
    out = []
    doc = tuple(dict.fromkeys(c.doc_id for c in claims))[:1]
    for item in solution.derived:
        what = f"{label(item.pop.org_type)} {segment_words(item.segments)}"
        out.append(Check("derived", "pass", item.claim_ids, str(item.value), "",
                         f"The number of {what} is not stated, but the other figures imply {item.value}: "
                         f"{item.reasoning}.", doc))
    by_id = {c.claim_id: c for c in claims}
    for conflict in solution.conflicts:
        stated = "; ".join(
            f"{quote(t, 80)} ({figures(by_id[i])})" if i in by_id else quote(t, 80)
            for i, t in zip(conflict.claim_ids, conflict.texts, strict=True))
        out.append(Check("derived", "fail", conflict.claim_ids, "figures that can all be true",
                         f"{len(conflict.claim_ids)} conflicting claims",
                         f"These statements about {label(conflict.pop.org_type)} cannot all be true "
                         f"together: {stated}.", doc))
    return out


def figures(claim: ClaimView) -> str:
    """What a claim states, as arithmetic: "83 trusts in segment 2 of 209, 45%"."""
    what = f"{label(claim.org_type, claim.count)} {segment_words(claim.segments)}"
    parts = [f"{claim.count} {what}" if claim.count is not None else what]
    if claim.total is not None and claim.segments:
        parts[0] += f" of {claim.total}"
    if claim.percent is not None:
        parts.append(f"{claim.percent_text}%")
    if claim.share_text:
        parts.append(f"“{claim.share_phrase}”")
    if claim.period:
        parts.append(f"for {claim.period}")
    return ", ".join(parts)


def soften(checks: list[Check], claims: list[ClaimView]) -> list[Check]:
    """A failing check that rests on a claim read with low confidence becomes
    ``unverifiable``, saying why: an alarm must rest on figures read with confidence."""
    doubted = {c.claim_id: c for c in claims if c.doubt}
    out = []
    for check in checks:
        shaky = [doubted[i] for i in check.claim_ids if i in doubted]
        if check.status != "fail" or not shaky:
            out.append(check)
            continue
        why = "; ".join(f"{quote(c.text, 80)} may be misread: {c.doubt}" for c in shaky)
        out.append(replace(check, status="unverifiable",
                           message=f"{check.message} Not counted as a failure, since {why}."))
    return out


def document_checks(claims: list[ClaimView], memberships: list[MembershipView],
                    solution: Solution) -> list[Check]:
    """Every within-document check for the claims and memberships of one document."""
    facts = Facts(claims, solution)
    return [
        *percent_checks(claims, facts), *share_checks(claims, facts), *segment_sum_checks(claims, facts),
        *subtype_checks(claims, facts), *combined_checks(claims, facts), *list_checks(claims, memberships),
        *derivation_checks(solution, claims),
    ]
