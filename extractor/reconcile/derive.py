"""Treat a document's claims as integer constraints, derive what they imply, find conflicts.

Why z3 rather than hand-written interval propagation: the constraints mix sums over
segments, sub-type inequalities and rounded ratios whose denominators are themselves
unknowns (a percentage of a population that is only implied by the segment counts). An
SMT solver decides such linear integer systems exactly, and its unsat cores name the
claims behind a contradiction. Each claim's constraints sit behind one Boolean label, so
a core is a set of claims. The solver's core is then shrunk to the *smallest* subset
that is still contradictory: the core is shrunk one claim at a time to an irreducible
set, then every set of claims no larger is tried, smallest first and in claim order,
within a budget of ``EXHAUSTIVE_SUBSETS`` sets (``SUPPORT_SUBSETS`` for the support of a
derived figure), so long documents stay fast and the irreducible set is the fallback.

A figure counts as *derived* when the claims allow exactly one value for it: the solver
finds a value, and asserting any other value is contradictory. The claims needed for
that contradiction (again a minimal core) are the derivation's support.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from fractions import Fraction
from functools import lru_cache
from itertools import combinations
from math import comb

import z3

from .orgtypes import (
    CONTAINS,
    EXACT_UNIONS,
    TRUST_PARTS,
    TRUST_TYPES,
    base_kind,
    family,
    framework_segments,
    label,
    parent,
    segment_words,
)
from .shares import Interval, format_percent, percent_interval, share_interval
from .values import ClaimView, PopKey, Segments

EXHAUSTIVE_SUBSETS = 2000
SUPPORT_SUBSETS = 400


@dataclass(frozen=True)
class Derived:
    """A figure no claim states but the claims force."""

    pop: PopKey
    segments: Segments
    value: int
    claim_ids: tuple[str, ...]
    reasoning: str


@dataclass(frozen=True)
class Conflict:
    """A smallest set of claims that cannot all be true."""

    pop: PopKey
    claim_ids: tuple[str, ...]
    texts: tuple[str, ...]


@dataclass
class Solution:
    derived: list[Derived] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


class _System:
    """The integer model of one family of populations (e.g. all trust types) in one document."""

    def __init__(self, claims: list[ClaimView]) -> None:
        self.claims = claims
        first = claims[0].pop
        self.base = first
        fam = family(first.org_type)
        self.types = TRUST_TYPES if fam == "trust" else (first.org_type,)
        mentioned = {s for c in claims for s in c.segments}
        self.segments = framework_segments(first.framework, mentioned)
        self.solver = z3.Solver()
        self.count, self.size, structure = _structure(self.types, self.segments)
        self.solver.add(structure)  # one conjunction: asserting its parts one by one costs more
        self.labels: dict[str, z3.BoolRef] = {}
        for claim in claims:
            self._add_claim(claim)

    def amount(self, org_type: str, segments: Segments) -> z3.ArithRef:
        if not segments:
            return self.size[org_type]
        return z3.Sum([self.count[org_type, s] for s in segments])

    @staticmethod
    def _within(value: z3.ArithRef, base: z3.ArithRef, interval: Interval) -> list[z3.BoolRef]:
        low, high = Fraction(interval.low), Fraction(interval.high)
        lhs_low = low.denominator * value
        rhs_low = low.numerator * base
        lhs_high = high.denominator * value
        rhs_high = high.numerator * base
        return [
            lhs_low > rhs_low if interval.low_open else lhs_low >= rhs_low,
            lhs_high < rhs_high if interval.high_open else lhs_high <= rhs_high,
        ]

    def _add_claim(self, claim: ClaimView) -> None:
        value = self.amount(claim.org_type, claim.segments)
        facts: list[z3.BoolRef] = []
        if claim.count is not None:
            facts.append(value == claim.count)
        kind = base_kind(claim, self.claims)
        if kind == "total":
            facts.append(self.size[claim.org_type] == claim.total)
        if claim.segments and (claim.percent is not None or claim.share_text):
            base: z3.ArithRef | int
            if kind in ("total", "subset"):
                base = claim.total
            elif kind == "parent":
                base = self.amount(parent(claim.org_type), claim.segments)
            else:
                base = self.size[claim.org_type]
            for interval in (percent_interval(claim.percent_phrase) if claim.percent is not None else None,
                             share_interval(claim.share_phrase) if claim.share_text else None):
                if interval is not None:
                    facts.extend(self._within(value, base, interval))
        if not facts:
            return
        flag = z3.Bool(f"claim:{claim.claim_id}")
        self.labels[claim.claim_id] = flag
        self.solver.add(z3.Implies(flag, z3.And(facts)))

    def unsat_with(self, claim_ids: tuple[str, ...], extra: z3.BoolRef | None = None) -> bool:
        with self._also(extra):
            return self._unsat(claim_ids)

    def _unsat(self, claim_ids: tuple[str, ...]) -> bool:
        return self.solver.check(*[self.labels[c] for c in claim_ids]) == z3.unsat

    @contextmanager
    def _also(self, extra: z3.BoolRef | None) -> Iterator[None]:
        """``extra`` asserted for the duration of the block (once, however many checks run in it)."""
        if extra is None:
            yield
            return
        self.solver.push()
        self.solver.add(extra)
        try:
            yield
        finally:
            self.solver.pop()

    def core(self, extra: z3.BoolRef | None = None, budget: int = EXHAUSTIVE_SUBSETS) -> tuple[str, ...]:
        """A smallest set of claims that (with ``extra``) has no solution.

        All the claims are first shrunk, one by one in claim order, to an irreducible set;
        then every smaller set is tried, smallest first and in claim order, while there are
        few enough of them. Either way the answer depends on the claims alone, not on what
        the solver did before (so repeated runs in one process agree).
        """
        with self._also(extra):
            # shrink from every claim, in claim order, not from the solver's core: the answer
            # then depends only on which sets are satisfiable, never on the solver's state
            kept = list(self.labels)
            for claim_id in list(kept):
                trial = tuple(c for c in kept if c != claim_id)
                if self._unsat(trial):
                    kept = list(trial)
            everyone = tuple(self.labels)
            for size in range(len(kept) + 1):
                budget -= comb(len(everyone), size)
                if budget < 0:
                    break
                for subset in combinations(everyone, size):
                    if self._unsat(subset):
                        return subset
            return tuple(kept)


@lru_cache(maxsize=64)
def _structure(types: tuple[str, ...], segments: tuple[int, ...],
               ) -> tuple[dict[tuple[str, int], z3.ArithRef], dict[str, z3.ArithRef], z3.BoolRef]:
    """The unknowns of a family and the arithmetic tying them together, whatever the claims.

    Built once per shape and shared by every system of that shape: z3 names its constants,
    so the same names in another solver are the same unknowns, and building the terms
    costs more than solving.
    """
    count = {(t, s): z3.Int(f"n[{t},{s}]") for t in types for s in segments}
    size = {t: z3.Int(f"N[{t}]") for t in types}
    facts: list[z3.BoolRef] = []
    for t in types:
        facts.extend(count[t, s] >= 0 for s in segments)
        facts.append(size[t] == z3.Sum([count[t, s] for s in segments]))
    if "trust" in types:
        for s in segments:
            for whole, parts in EXACT_UNIONS.items():
                facts.append(count[whole, s] == z3.Sum([count[p, s] for p in parts]))
            for whole, parts in CONTAINS.items():
                facts.append(count[whole, s] >= z3.Sum([count[p, s] for p in parts]))
            facts.append(count["trust", s] >= z3.Sum([count[p, s] for p in TRUST_PARTS]))
            facts.append(count["trust", s] >= count["acute", s] + count["non_acute", s] + count["ambulance", s])
    return count, size, z3.And(facts)


def _families(claims: list[ClaimView]) -> dict[tuple, list[ClaimView]]:
    groups: dict[tuple, list[ClaimView]] = defaultdict(list)
    for claim in claims:
        fam = family(claim.org_type)
        if fam is None:
            continue
        pop = claim.pop
        groups[(pop.framework, pop.period, pop.scope, fam)].append(claim)
    return groups


def _stated(claims: list[ClaimView]) -> dict[tuple[str, Segments], int]:
    """Figures the claims give outright: single-segment counts and population sizes."""
    known: dict[tuple[str, Segments], int] = {}
    for claim in claims:
        if claim.count is not None and len(claim.segments) <= 1:
            known[(claim.org_type, claim.segments)] = claim.count
        if claim.total is not None and base_kind(claim, claims) == "total":
            known[(claim.org_type, ())] = claim.total
    return known


def _reasoning(org_type: str, segments: Segments, value: int, system: _System,
               known: dict[tuple[str, Segments], int], support: list[ClaimView]) -> str:
    """The arithmetic behind a derived figure, in words."""
    noun = label(org_type)
    others = [s for s in system.segments if (s,) != segments]
    if segments and (org_type, ()) in known and all((org_type, (s,)) in known for s in others):
        parts = " − ".join(
            [f"{known[(org_type, ())]} {noun} in all"]
            + [f"{known[(org_type, (s,))]} in segment {s}" for s in others])
        text = f"{parts} = {value} {segment_words(segments)}"
    elif not segments and all((org_type, (s,)) in known for s in system.segments):
        parts = " + ".join(f"{known[(org_type, (s,))]}" for s in system.segments)
        text = f"{parts} (segments {', '.join(map(str, system.segments))}) = {value} {noun} in all"
    else:
        quoted = "; ".join(f"“{c.text}”" if c.text else c.claim_id for c in support)
        where = segment_words(segments)
        text = f"{value} is the only whole number of {noun} {where} consistent with {quoted}"
    for claim in system.claims:
        if claim.org_type != org_type or claim.segments != segments or claim.percent is None:
            continue
        base = known.get((org_type, ())) if base_kind(claim, system.claims) == "population" else claim.total
        if base:
            fits = "rounds to" if claim.percent_phrase == claim.percent_text else "fits"
            text += (f"; {value} of {base} is {format_percent(value, base)}, "
                     f"which {fits} the stated {claim.percent_phrase}%")
    return text


_SOLVED: dict[tuple, Solution] = {}
_SOLVED_MAX = 512


def _content(claim: ClaimView) -> tuple:
    """What the solution depends on: everything but the ids (unless the id stands in for the text)."""
    return (claim.org_type, claim.segments, claim.count, claim.total, claim.percent, claim.percent_phrase,
            claim.share_phrase, claim.pop, claim.text or claim.claim_id, claim.doubt)


def solve(claims: list[ClaimView], ahead: Mapping[tuple, Solution] | None = None) -> Solution:
    """Derived figures and conflicts for the claims of one document.

    News archives carry the same article many times over (syndication, re-crawls, page
    chrome aside); a document whose claims say what an earlier one's said gets that
    solution, with its own claim ids, instead of a second round of solving. ``ahead`` holds
    solutions worked out before (:func:`solve_ahead`), by the same key.
    """
    _key, solved = solve_ahead(claims, ahead)
    return _relabel(solved, {str(i): c.claim_id for i, c in enumerate(claims)})


def solve_ahead(claims: list[ClaimView], ahead: Mapping[tuple, Solution] | None = None,
                ) -> tuple[tuple, Solution]:
    """(key, solution) of one document's claims, the solution's claim ids being the claims'
    places in ``claims``: what the claims say decides it (:func:`_content`), not their ids, so
    it can be worked out before the ids are final, or for another copy of the document."""
    key = tuple(_content(c) for c in claims)
    solved = _SOLVED.get(key)
    if solved is None and ahead is not None:
        solved = ahead.get(key)
    if solved is None:
        index = {c.claim_id: str(i) for i, c in enumerate(claims)}
        solved = _relabel(_solve(claims), index)
        if len(_SOLVED) >= _SOLVED_MAX:
            _SOLVED.pop(next(iter(_SOLVED)))
        _SOLVED[key] = solved
    return key, solved


def _relabel(solution: Solution, ids: dict[str, str]) -> Solution:
    return Solution(
        derived=[replace(d, claim_ids=tuple(ids[c] for c in d.claim_ids)) for d in solution.derived],
        conflicts=[replace(c, claim_ids=tuple(ids[i] for i in c.claim_ids)) for c in solution.conflicts])


def _solve(claims: list[ClaimView]) -> Solution:
    solution = Solution()
    for group in _families(claims).values():
        system = _System(group)
        # a claim read with low confidence is solved after the others, so it cannot hide what
        # they imply; a conflict it takes part in is still found (and reported as such)
        doubted = {c.claim_id: system.labels.pop(c.claim_id) for c in group
                   if c.doubt and c.claim_id in system.labels}
        confident = [c for c in group if not c.doubt]
        if system.labels:
            _solve_system(system, confident, solution)
        kept = dict(system.labels)
        for claim_id, flag in doubted.items():
            system.labels = {**kept, claim_id: flag}
            if system.solver.check(*system.labels.values()) == z3.unsat:
                order = {c.claim_id: i for i, c in enumerate(group)}
                core = tuple(sorted(system.core(), key=order.__getitem__))
                by_id = {c.claim_id: c for c in group}
                solution.conflicts.append(Conflict(group[0].pop, core, tuple(by_id[c].text for c in core)))
    return solution


def _solve_system(system: _System, group: list[ClaimView], solution: Solution) -> None:
    """The conflicts among ``group``'s claims or, when there are none, what they imply."""
    if system.solver.check(*system.labels.values()) != z3.unsat:
        solution.derived.extend(_derive_group(system, group))
        return
    order = {c.claim_id: i for i, c in enumerate(group)}
    by_id = {c.claim_id: c for c in group}
    remaining = dict(system.labels)
    while remaining:
        core = tuple(sorted(system.core(), key=order.__getitem__))
        if not core:
            break
        solution.conflicts.append(Conflict(group[0].pop, core, tuple(by_id[c].text for c in core)))
        for claim_id in core:
            remaining.pop(claim_id, None)
        system.labels = remaining
        if system.solver.check(*remaining.values()) != z3.unsat:
            break


def _derive_group(system: _System, group: list[ClaimView]) -> list[Derived]:
    model = system.solver.model()
    known = _stated(group)
    present = [t for t in system.types if any(c.org_type == t for c in group)]
    targets = [(t, (s,)) for t in present for s in system.segments] + [(t, ()) for t in present]
    found: list[tuple[str, Segments, int, tuple[str, ...]]] = []
    for org_type, segments in targets:
        if (org_type, segments) in known:
            continue
        term = system.amount(org_type, segments)
        value = model.eval(term, model_completion=True).as_long()
        if not system.unsat_with(tuple(system.labels), term != value):
            continue
        order = {c.claim_id: i for i, c in enumerate(group)}
        support = tuple(sorted(system.core(term != value, SUPPORT_SUBSETS), key=order.__getitem__))
        found.append((org_type, segments, value, support))
    for org_type, segments, value, _ in found:
        known[(org_type, segments)] = value
    by_id = {c.claim_id: c for c in group}
    base = group[0].pop
    derived = []
    for org_type, segments, value, support in found:
        reasoning = _reasoning(org_type, segments, value, system, known, [by_id[c] for c in support])
        derived.append(Derived(base.with_type(org_type), segments, value, support, reasoning))
    return derived


