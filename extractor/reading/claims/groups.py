"""Quantity groups: a number with its bracketed figure ("more than half (23)", "40% (84)"),
its denominator ("of the 42", "of its 19", "11/19") and modifiers ("a further", "the
remaining", "of the others")."""

from __future__ import annotations

from spacy.tokens import Span

from ...pipeline.quantities import quantity_of
from .sentence import SKIP_TO_POPULATION, SUBSET_BEFORE, Group, SentenceReader, lower_at, text_between, token_lists


def group_quantities(reader: SentenceReader) -> list[Group]:
    """Merge each quantity with its bracketed figure and denominator."""
    doc = reader.doc
    qs = [q for q in reader.unparsed if reader.is_count_candidate(q)]
    if not qs and not reader.populations:
        return []  # no count, and no population for 'no' or 'only' to count
    groups: list[Group] = []
    used: set[int] = set()
    for idx, q in enumerate(qs):
        if idx in used:
            continue
        g = Group(start=q.start, end=q.end)
        _absorb(g, quantity_of(q))
        # bracketed figure: "more than half (23)", "40% (84)", "Over half (11/19)"
        if idx + 1 < len(qs) and lower_at(doc, q.end) in {"(", "["}:
            nq = qs[idx + 1]
            if nq.start == q.end + 1 and lower_at(doc, nq.end) in {")", "]"}:
                _absorb(g, quantity_of(nq))
                g.end = nq.end + 1
                used.add(idx + 1)
        # denominator: "of the 42", "out of the 137", "of its 19", "of the region's four"
        j = _denominator_start(reader, g.end)
        if j is not None:
            for k in range(idx + 1, len(qs)):
                if qs[k].start == j and _segment_labelled(reader, qs[k]):
                    break  # 'Almost all of the 19 segment 4 trusts ...': the 19 is a claim of its own
                if qs[k].start == j and quantity_of(qs[k]).kind == "CARD" and g.total is None:
                    g.total = int(quantity_of(qs[k]).value)
                    g.end = qs[k].end
                    used.add(k)
                    break
        _one_of_n_of_m(reader, g, qs, idx, used)
        groups.append(g)
    implicit = _implicit_groups(reader, groups)
    if not implicit:
        return groups  # made in the order of their quantities, which the span index sorts by start
    return sorted(groups + implicit, key=lambda g: g.start)


def _one_of_n_of_m(reader: SentenceReader, g: Group, qs: list[Span], idx: int, used: set[int]) -> None:
    """'one of 15 of England's 42 ICBs in segment 2': the 15 are counted out of the 42."""
    doc = reader.doc
    if g.total is None or lower_at(doc, g.start) != "one" or lower_at(doc, g.start + 1) != "of":
        return
    j = _denominator_start(reader, g.end)
    for k in range(idx + 1, len(qs)):
        if j is not None and qs[k].start == j and quantity_of(qs[k]).kind == "CARD" and k not in used:
            g.count, g.total, g.end = g.total, int(quantity_of(qs[k]).value), qs[k].end
            used.add(k)
            return


def _segment_labelled(reader: SentenceReader, q: Span) -> bool:
    """'19 segment 4 trusts': a number, a segment and a population noun in a row."""
    return any(seg.start == q.end and reader.population_at(seg.end) is not None for seg in reader.segments)


_IMPLICIT_WORDS = {"no", "only", "sole"}


def _implicit_groups(reader: SentenceReader, groups: list[Group]) -> list[Group]:
    """'no ambulance trust is ...' → 0; 'the only local trust in segment 1' → 1.

    The word one or two before a population is looked at first: only "no", "only" and
    "sole" can make a group, and most populations follow none of them."""
    doc, out = reader.doc, []
    words = token_lists(doc).lower
    taken: set[int] | None = None
    for pop in reader.populations:
        for back in (1, 2):
            k = pop.start - back
            if k < reader.sent.start or words[k] not in _IMPLICIT_WORDS:
                continue
            if taken is None:
                taken = {i for g in groups for i in range(g.start, g.end)}
            if k in taken or any(w not in SKIP_TO_POPULATION for w in words[k + 1:pop.start]):
                continue
            word, prev = words[k], lower_at(doc, k - 1)
            if word == "no" and prev not in {"is", "are", "was", "were"}:
                out.append(Group(start=k, end=k + 1, count=0))
                break
            if word in {"only", "sole"} and prev in {"the", "its", "our", "their"}:
                out.append(Group(start=k, end=k + 1, count=1))
                break
    return out


def absorb_following(reader: SentenceReader, g: Group, groups: list[Group], gi: int, absorbed: set[int]) -> None:
    """'five of the 42 ICBs (12%)', '21 trusts, roughly one in ten,', 'ten of its 22 trusts, or 45%,'."""
    doc = reader.doc
    anchor = g.population.end if g.population is not None else g.end
    if anchor < reader.sent.end and lower_at(doc, anchor) == "(" and doc[anchor + 1:anchor + 2].text[:1].isupper():
        return
    for k in range(gi + 1, min(gi + 2, len(groups))):
        nxt = groups[k]
        gap = token_lists(doc).lower[anchor:nxt.start]
        if len(gap) >= 3 and gap[0] == "of" and gap[-1] == "(" and len(gap) <= 5:
            gap = ["("]  # 'well over half of the sector (56%)'
        if not gap or gap[0] not in {"(", ",", "–", "—", "-"} or len(gap) > 4:
            return
        if any(w not in {"(", ",", "or", "roughly", "about", "around", "almost", "nearly", "some", "approximately",
                         "just", "–", "—", "-", "that", "is"} for w in gap):
            return
        end = nxt.end
        if [lower_at(doc, end + k) for k in range(3)] in (["of", "the", "total"], ["of", "the", "whole"]):
            end += 3  # '16 acute trusts – 12% of the total – are ...': a share of the group's own population
        end = _past_scope(doc, end, reader.sent.end)  # '9% of the 209 in England'
        after = lower_at(doc, end)
        inner = reader.population_at(nxt.end)
        if inner is not None and lower_at(doc, inner.end) in {")", ",", "–", "-"}:
            after = lower_at(doc, inner.end)  # '(9% of trusts)', '- four systems -'
        if gap[0] == "(" and after not in {")"}:
            return
        if gap[0] == "," and after not in {",", "–", "-", ")"}:
            return
        if gap[0] in {"–", "—", "-"} and after != gap[0]:
            return  # '20 trusts – about 10% – are ...': only a figure set off by a pair of dashes
        if nxt.count is not None and g.count is not None and not nxt.share and nxt.percent is None:
            return
        if lower_at(doc, end) == "of" and reader.population_after(end + 1) is None:
            return  # '..., or about 17% of England's population': a share of something else
        g.share = g.share or nxt.share
        g.percent = g.percent if g.percent is not None else nxt.percent
        g.count = g.count if g.count is not None else nxt.count
        g.total = g.total if g.total is not None else nxt.total
        absorbed.add(k)


def _past_scope(doc, end: int, limit: int) -> int:
    """Past 'in England' (or 'nationally', 'in the country') after a figure set off in brackets,
    commas or dashes: the closing mark comes after it."""
    k = end
    if lower_at(doc, k) == "nationally":
        return k + 1
    if lower_at(doc, k) != "in":
        return end
    k += 1
    while k < min(limit, end + 4) and lower_at(doc, k) in _SCOPE_WORDS:
        k += 1
    return k if lower_at(doc, k) in {")", ",", "–", "—", "-"} else end


_SCOPE_WORDS = {"england", "the", "country", "nhs", "total", "all", "nation"}


_DENOM_WORDS = {"the", "all", "its", "our", "their", "these", "those", "england", "region", "county", "capital",
                "system", "country", "area", "city", "sector", "nation", "'s", "’s", "'", "’", "s", "just", "only"}


def _denominator_start(reader: SentenceReader, i: int) -> int | None:
    """Index of the number after "of"/"out of" and determiners or possessives, else None."""
    doc, end = reader.doc, reader.sent.end
    if i >= end:
        return None
    words = token_lists(doc).lower
    j = i
    if words[j] == "out" and j + 1 < end and words[j + 1] == "of":
        j += 2
    elif words[j] == "of":
        j += 1
    else:
        return None
    for _ in range(5):
        if j >= end:
            return None
        tok = doc[j]
        if tok.like_num or words[j] in _NUMBER_WORDS:
            return j
        possessive = j + 1 < end and doc[j + 1].text in {"'s", "’s", "'", "’"}
        if words[j] in _DENOM_WORDS or (tok.is_title and possessive):
            j += 1
            continue
        return None
    return None


_NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}


def one_of_many(reader: SentenceReader, g: Group) -> None:
    """'We are one of 23 ICBs in segment 3' counts the 23, not one of them."""
    doc = reader.doc
    if g.count != 1 or g.total is None or lower_at(doc, g.start) != "one" or lower_at(doc, g.start + 1) != "of":
        return
    k = g.start + 2
    while lower_at(doc, k) in {"just", "only", "some", "around", "about"}:
        k += 1
    if k < len(doc) and doc[k].like_num:
        g.count, g.total = g.total, None


_COPULAS = {"is", "was", "be", "been", "being", "are", "were", "'s", "’s", "remains", "remained", "became", "become",
            "becomes", "isn't", "wasn't"}
_COPULA_ADVERBS = {"not", "never", "also", "still", "now", "no", "longer", "ever", "again", "n't", "yet", "already"}
_THEM = {"them", "these", "those", "theirs"}


def one_of_them(reader: SentenceReader, g: Group) -> bool:
    """'... but Gateshead has never been one of them', 'X is not one of them': one body said to be
    (or not to be) among a group just named, no count of the group's segment ('Only one of them
    is in segment 1', the subject of its own verb, still counts)."""
    doc = reader.doc
    k = g.start + 1 if lower_at(doc, g.start) in {"not", "never"} else g.start
    if lower_at(doc, k) != "one" or lower_at(doc, k + 1) != "of" or lower_at(doc, k + 2) not in _THEM:
        return False
    j = g.start - 1
    while j >= reader.sent.start and lower_at(doc, j) in _COPULA_ADVERBS:
        j -= 1
    return (j >= reader.sent.start and lower_at(doc, j) in _COPULAS) or _names_one(reader, k + 3)


_NAME_ENDS = {".", ",", ";", ":", "–", "—", ")", "!", "?"}


def _names_one(reader: SentenceReader, k: int) -> bool:
    """'One of those trusts is X.': the group's one member named, no count of one (after 'One of
    them', ``k`` the word following it, and an optional noun); 'One of them is in London'
    still counts."""
    doc = reader.doc
    pop = reader.population_at(k)
    if pop is not None:
        k = pop.end
    while lower_at(doc, k) in _COPULA_ADVERBS:
        k += 1
    if lower_at(doc, k) not in _COPULAS:
        return False
    k += 1
    while lower_at(doc, k) in _COPULA_ADVERBS:
        k += 1
    org = next((o for o in reader.orgs if o.start == k), None)
    return org is not None and (org.end >= reader.sent.end or lower_at(doc, org.end) in _NAME_ENDS)


def _absorb(g: Group, qty) -> None:
    if qty.kind == "SHARE":
        g.share = g.share or qty.text
    elif qty.kind == "PERCENT":
        g.percent = qty.value if g.percent is None else g.percent
    elif qty.kind == "RATIO":
        if qty.text.replace(" ", "").count("/") == 1:
            g.count, g.total = (qty.count, qty.total) if g.count is None else (g.count, g.total)
        else:
            g.share = g.share or qty.text
    elif qty.kind == "CARD" and g.count is None:
        g.count = qty.count


_REST_SUBJECTS = ("the rest ", "the remainder ", "the others ", "the remaining ", "of the rest", "of the remainder")


def modifiers(reader: SentenceReader, g: Group) -> None:
    doc = reader.doc
    if g.start - reader.sent.start < 20 and reader.lead.startswith(_REST_SUBJECTS):
        g.anaphoric = True
    before = text_between(doc, max(reader.sent.start, g.start - 3), g.start)
    if before.endswith(("a further", "another", "further", "an additional", "a further ")):
        g.further = True
    if before.endswith(("the remaining", "the other", "remaining")):
        g.anaphoric = True
    if before.endswith(SUBSET_BEFORE):
        g.subset = True
    if lower_at(doc, g.end) != "of":
        return  # a text starting 'of ' starts with that word
    after = text_between(doc, g.end, min(reader.sent.end, g.end + 3))
    if after.startswith(("of the others", "of them", "of these", "of those", "of the rest", "of the remainder")):
        g.anaphoric = True


_EXACT_SHARES = {"half": 0.5, "a half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "one-third": 1 / 3,
                 "two-thirds": 2 / 3, "two thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25,
                 "three-quarters": 0.75, "three quarters": 0.75, "a fifth": 0.2, "two-fifths": 0.4}


def implied_count(g: Group) -> int | None:
    """'Half of the county's six NHS trusts' states three trusts."""
    f = _EXACT_SHARES.get(g.share.lower()) if g.share else None
    if f is None or g.total is None:
        return None
    value = f * g.total
    return round(value) if abs(value - round(value)) < 1e-9 else None


def bracketed_size(reader: SentenceReader, g: Group) -> Span | None:
    """'Acute trusts (113): ...' — the bracketed figure is the population's size."""
    doc = reader.doc
    if g.count is None or g.share or g.percent is not None:
        return None
    if lower_at(doc, g.start - 1) != "(" or not lower_at(doc, g.end).startswith(")"):
        return None
    for pop in reader.populations:
        if pop.end == g.start - 1:
            return pop
    return None
