"""Claim building: which count goes with which population and segment.

The pipeline marks quantities, segments, populations, scopes and organisations; this
module relates them using the dependency-free structure of each sentence:

* a *quantity group* is a number with what qualifies it: a bracketed figure
  ("more than half (23)", "40% (84)"), a denominator ("of the 42", "out of 137", "11/19")
  and modifiers ("only", "a further", "the remaining", "of the others");
* its *population* is the organisation noun that follows it directly, through "of the",
  or after a copula ("of which two-thirds (20) are community or mental health trusts");
  a bare number ("A further 20 were listed...", "and 74 in segment 3") takes the
  population of the claim before it;
* its *segment* is the first segment named in its frame (the words up to the next
  quantity group); a coordinated list ("two specialist trusts, six mental health trusts
  ... were in segment 3") shares the segment at its end, "of which" and anaphoric
  subsets ("Two of the others", "the remaining six") inherit it, and a following
  "They fall into Segment 3" supplies it.

Named organisations attached to a claim (in brackets, between dashes, in apposition, or
in a following "They are ..." sentence) become memberships via :mod:`extractor.lists`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex
from spacy.tokens import Doc, Span

from .lists import ListItem, fit_to_count, names_before, split_names
from .pipeline.segments import is_domain_segment
from .records import Claim, DocResult, Membership

GENERIC_TYPES = {"trust", "other"}
_ORDINAL = regex.compile(r"^(\d+(st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                          r"last|bottom|top)$")
_CHANGE_WORDS = {"up", "down", "rising", "falling", "rose", "fell", "risen", "fallen", "increase", "increased",
                 "decrease", "decreased", "change", "changed", "climbed", "dropped", "grown", "grew"}
_RANK_VERBS = {"ranked", "placed", "came", "finished", "is", "was", "sits", "joint", "equal", "rank", "ranks"}
_ABBREVIATION = regex.compile(r"^[A-Z]{2,}[s’']?s?$")
FOLLOW_OK = {
    "are", "were", "is", "was", "have", "had", "has", "in", "into", "of", "out", "now", "remain",
    "remained", "remains", "sit", "sat", "sits", "fall", "fell", "falls", "currently", "still", "also",
    "received", "moved", "will", "would", "could", "been", "being", "placed", "listed", "rated",
    "went", "make", "made", "achieved", "got", "each", "to", "at", "on", "with", "from", "and", "across",
    "nationally", "overall", "altogether", "in total", "more", "fewer", "others", "other", "apiece",
}
SKIP_TO_POPULATION = {"of", "the", "these", "those", "its", "our", "their", "all", "england", "'s", "’s",
                      "country", "nation", "national", "english", "current", "existing", "remaining",
                      "other", "such", "individual", "which", "local", "a", "an", "region", "county", "city",
                      "capital", "system", "area", "sector", "own"}
ANAPHORIC_AFTER = {"others", "them", "these", "those", "which", "remainder", "rest"}
SUBSET_BEFORE = ("of which", "of whom", "of these", "of them", "of those", "including", "among them",
                 "among these")
UNITS = {"bn", "m", "million", "billion", "k", "per", "percent", "weeks", "week", "days", "day", "hours",
         "months", "month", "years", "year", "patients", "beds", "people", "staff", "pounds", "p",
         "minutes", "metrics", "themes", "domains", "segments", "segment", "criteria", "points", "places",
         "times", "sites", "hospitals", "areas", "measures", "indicators", "standards", "targets",
         "quarters", "appointments", "operations", "tier", "tiers", "categories", "services"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
          "sept", "oct", "nov", "dec"}
NOT_COUNT_BEFORE = {"£", "$", "€", "q", "quarter", "page", "no", "section", "table", "figure", "segment",
                    "segments", "tier", "nof", "sof", "level", "category", "appendix", "paragraph", "item",
                    "annex", "version", "top", "phase", "year", "wave", "round"}
THEY = {"they", "these", "those", "all", "both", "each"}


@dataclass
class Group:
    """A quantity with its bracketed figure, denominator and modifiers."""

    start: int
    end: int
    count: int | None = None
    total: int | None = None
    percent: float | None = None
    share: str = ""
    anaphoric: bool = False
    further: bool = False
    subset: bool = False
    population: Span | None = None
    pop_types: list[str] = field(default_factory=list)
    segments: tuple[int, ...] = ()
    scope: str = ""
    leading_total: bool = False
    names: list[ListItem] = field(default_factory=list)

    @property
    def org_type(self) -> str:
        return self.population.label_ if self.population is not None else ""


@dataclass
class State:
    """What earlier sentences established, for "A further 20", "They are ...", "None of these"."""

    last_claims: list[Claim] = field(default_factory=list)
    last_groups: list[Group] = field(default_factory=list)
    sentences_since: int = 0
    discourse_scope: str = ""
    mentioned_population: str = ""

    @property
    def last_population(self) -> str:
        for claim in reversed(self.last_claims):
            if claim.org_type not in ("", "other"):
                return claim.org_type
        return ""

    @property
    def last_segments(self) -> tuple[int, ...]:
        for claim in reversed(self.last_claims):
            if claim.segments:
                return claim.segments
        return ()


def _spans_in(doc: Doc, key: str, sent: Span) -> list[Span]:
    if key not in doc.spans:
        return []
    return [s for s in doc.spans[key] if s.start >= sent.start and s.end <= sent.end]


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(span.start < o.end and o.start < span.end for o in others)


def _lower(doc: Doc, i: int) -> str:
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def _text_between(doc: Doc, a: int, b: int) -> str:
    return doc[a:b].text.lower() if a < b else ""


class SentenceReader:
    """Reads one sentence's groups, populations and segments."""

    def __init__(self, doc: Doc, sent: Span) -> None:
        self.doc = doc
        self.sent = sent
        self.segments = _spans_in(doc, "segments", sent)
        self.populations = _spans_in(doc, "populations", sent)
        self.scopes = _spans_in(doc, "scopes", sent)
        self.orgs = _spans_in(doc, "orgs", sent)
        ranks = _spans_in(doc, "ranks", sent)
        blockers = self.segments + ranks
        self.quantities = [q for q in _spans_in(doc, "quantities", sent)
                           if not _overlaps(q, blockers) and q._.quantity is not None]

    def population_at(self, i: int) -> Span | None:
        for p in self.populations:
            if p.start == i:
                return p
        return None

    def population_after(self, i: int, limit: int = 4) -> Span | None:
        """The population noun starting at ``i`` or after only skippable words."""
        j = i
        while j < self.sent.end and j - i <= limit:
            pop = self.population_at(j)
            if pop is not None and _lower(self.doc, pop.end) not in {"'s", "’s", "'", "’"}:
                if _overlaps(pop, self.orgs):
                    return None
                return pop
            tok = self.doc[j]
            possessive = j + 1 < self.sent.end and self.doc[j + 1].text in {"'s", "’s", "'", "’"}
            if tok.is_title and possessive:
                j += 1
                continue
            skippable = tok.lower_ in SKIP_TO_POPULATION or (tok.is_punct and tok.text in "’'")
            if not skippable and not (tok.is_title and self._inside_population_name(j)):
                return None
            j += 1
        return None

    def _inside_population_name(self, j: int) -> bool:
        return any(p.start <= j < p.end for p in self.populations)

    def is_count_candidate(self, q: Span) -> bool:
        doc = self.doc
        qty = q._.quantity
        prev = _lower(doc, q.start - 1)
        nxt = _lower(doc, q.end)
        if prev in NOT_COUNT_BEFORE or prev in MONTHS or nxt in MONTHS:
            return False
        if prev == "from" and nxt == "to":
            return False
        if prev == "from" and _lower(doc, q.start - 2) in _CHANGE_WORDS:
            return False  # 'up from 17 last quarter' is an earlier value, not a second claim
        if nxt in {"to", "-", "–", "or"} and q.end + 1 < self.sent.end and doc[q.end + 1].like_num:
            return False
        if qty.kind == "CARD" and qty.value == 1 and prev in {"of", "at", "for", "from", "with", "by", "in"} \
                and self.population_at(q.end) is not None:
            return False
        window = [t.text.lower() for t in doc[max(self.sent.start, q.start - 4):q.start]]
        if any(w in {"of", "among", "amongst", "out"} for w in window) and any(
                _ORDINAL.match(w) and (w[0].isdigit() or (k and window[k - 1] in _RANK_VERBS))
                for k, w in enumerate(window)):
            return False
        if qty.kind == "CARD":
            if qty.value is None or not float(qty.value).is_integer() or qty.value > 5000:
                return False
            if len(q.text) == 4 and q.text.isdigit() and 1900 <= int(q.text) <= 2100:
                return False
            if nxt in UNITS or (nxt in {"%", "or"} and _lower(doc, q.end + 1) == "more"):
                return False
        return True


def _group_quantities(reader: SentenceReader) -> list[Group]:
    """Merge each quantity with its bracketed figure and denominator."""
    doc = reader.doc
    qs = [q for q in reader.quantities if reader.is_count_candidate(q)]
    groups: list[Group] = []
    used: set[int] = set()
    for idx, q in enumerate(qs):
        if idx in used:
            continue
        g = Group(start=q.start, end=q.end)
        _absorb(g, q._.quantity)
        # bracketed figure: "more than half (23)", "40% (84)", "Over half (11/19)"
        if idx + 1 < len(qs) and _lower(doc, q.end) in {"(", "["}:
            nq = qs[idx + 1]
            if nq.start == q.end + 1 and _lower(doc, nq.end) in {")", "]"}:
                _absorb(g, nq._.quantity)
                g.end = nq.end + 1
                used.add(idx + 1)
        # denominator: "of the 42", "out of the 137", "of its 19", "of the region's four"
        j = _denominator_start(reader, g.end)
        if j is not None:
            for k in range(idx + 1, len(qs)):
                if qs[k].start == j and qs[k]._.quantity.kind == "CARD" and g.total is None:
                    g.total = int(qs[k]._.quantity.value)
                    g.end = qs[k].end
                    used.add(k)
                    break
        groups.append(g)
    groups.extend(_implicit_groups(reader, groups))
    return sorted(groups, key=lambda g: g.start)


def _implicit_groups(reader: SentenceReader, groups: list[Group]) -> list[Group]:
    """'no ambulance trust is ...' → 0; 'the only local trust in segment 1' → 1."""
    doc, out = reader.doc, []
    taken = {i for g in groups for i in range(g.start, g.end)}
    for pop in reader.populations:
        for back in (1, 2):
            k = pop.start - back
            if k < reader.sent.start or k in taken:
                continue
            between = [t.lower_ for t in doc[k + 1:pop.start]]
            if any(w not in SKIP_TO_POPULATION for w in between):
                continue
            word, prev = doc[k].lower_, _lower(doc, k - 1)
            if word == "no" and prev not in {"is", "are", "was", "were"}:
                out.append(Group(start=k, end=k + 1, count=0))
                break
            if word in {"only", "sole"} and prev in {"the", "its", "our", "their"}:
                out.append(Group(start=k, end=k + 1, count=1))
                break
    return out


def _absorb_following(reader: SentenceReader, g: Group, groups: list[Group], gi: int, absorbed: set[int]) -> None:
    """'five of the 42 ICBs (12%)', '21 trusts, roughly one in ten,', 'ten of its 22 trusts, or 45%,'."""
    doc = reader.doc
    anchor = g.population.end if g.population is not None else g.end
    if anchor < reader.sent.end and doc[anchor].lower_ == "(" and doc[anchor + 1:anchor + 2].text[:1].isupper():
        return
    for k in range(gi + 1, min(gi + 2, len(groups))):
        nxt = groups[k]
        gap = [t.lower_ for t in doc[anchor:nxt.start]]
        if not gap or gap[0] not in {"(", ","} or len(gap) > 4:
            return
        if any(w not in {"(", ",", "or", "roughly", "about", "around", "almost", "nearly", "some", "approximately",
                         "just", "–", "-", "that", "is"} for w in gap):
            return
        after = _lower(doc, nxt.end)
        inner = reader.population_at(nxt.end)
        if gap[0] == "(" and inner is not None and _lower(doc, inner.end) == ")":
            after = ")"
        if gap[0] == "(" and after not in {")"}:
            return
        if gap[0] == "," and after not in {",", "–", "-", ")"}:
            return
        if nxt.count is not None and g.count is not None and not nxt.share and nxt.percent is None:
            return
        g.share = g.share or nxt.share
        g.percent = g.percent if g.percent is not None else nxt.percent
        g.count = g.count if g.count is not None else nxt.count
        g.total = g.total if g.total is not None else nxt.total
        absorbed.add(k)


_DENOM_WORDS = {"the", "all", "its", "our", "their", "these", "those", "england", "region", "county", "capital",
                "system", "country", "area", "city", "sector", "nation", "'s", "’s", "'", "’", "s"}


def _denominator_start(reader: SentenceReader, i: int) -> int | None:
    """Index of the number after "of"/"out of" and determiners or possessives, else None."""
    doc, end = reader.doc, reader.sent.end
    if i >= end:
        return None
    j = i
    if doc[j].lower_ == "out" and j + 1 < end and doc[j + 1].lower_ == "of":
        j += 2
    elif doc[j].lower_ == "of":
        j += 1
    else:
        return None
    for _ in range(5):
        if j >= end:
            return None
        tok = doc[j]
        if tok.like_num or reader.doc[j].lower_ in _NUMBER_WORDS:
            return j
        possessive = j + 1 < end and doc[j + 1].text in {"'s", "’s", "'", "’"}
        if tok.lower_ in _DENOM_WORDS or (tok.is_title and possessive):
            j += 1
            continue
        return None
    return None


_NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}


def _one_of_many(reader: SentenceReader, g: Group) -> None:
    """'We are one of 23 ICBs in segment 3' counts the 23, not one of them."""
    doc = reader.doc
    if g.count == 1 and g.total is not None and doc[g.start].lower_ == "one" and _lower(doc, g.start + 1) == "of" \
            and doc[g.start + 2].like_num:
        g.count, g.total = g.total, None


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


def _modifiers(reader: SentenceReader, g: Group) -> None:
    doc = reader.doc
    lead = reader.sent.text.lstrip().lower()
    if lead.startswith(_REST_SUBJECTS) and g.start - reader.sent.start < 20:
        g.anaphoric = True
    before = _text_between(doc, max(reader.sent.start, g.start - 3), g.start)
    if any(before.endswith(m) for m in ("a further", "another", "further", "an additional", "a further ")):
        g.further = True
    if before.endswith(("the remaining", "the other", "remaining")):
        g.anaphoric = True
    if any(before.endswith(m) for m in SUBSET_BEFORE):
        g.subset = True
    after = _text_between(doc, g.end, min(reader.sent.end, g.end + 3))
    if after.startswith(("of the others", "of them", "of these", "of those", "of the rest", "of the remainder")):
        g.anaphoric = True


def _find_population(reader: SentenceReader, g: Group, frame_end: int) -> bool:
    """Population directly after, through 'of', or after a copula; True when found."""
    doc = reader.doc
    if _text_between(doc, g.end, g.end + 3).startswith(("of these types", "of those types", "of these kinds")):
        return True
    pop = reader.population_after(g.end)
    if pop is not None:
        g.population = pop
        return True
    for seg in reader.segments:
        if seg.start == g.end and seg._.segments and reader.population_at(seg.end) is not None:
            g.population, g.segments = reader.population_at(seg.end), seg._.segments
            return True
    for j in range(g.end, min(frame_end, reader.sent.end)):
        if doc[j].lower_ in {"are", "were", "is", "was"}:
            pop = reader.population_after(j + 1, limit=3)
            if pop is not None and not _text_between(doc, j + 1, pop.start).strip(" ").startswith(("in", "on")):
                g.population = pop
                return True
        if doc[j].is_punct and doc[j].text in ";":
            break
    return False


def _is_bare(reader: SentenceReader, g: Group) -> bool:
    """A number followed by a verb or preposition counts whatever the sentence is about."""
    doc = reader.doc
    nxt = doc[g.end] if g.end < reader.sent.end else None
    if nxt is None:
        return True
    if nxt.lower_ == "of" and any(t.lower_ in UNITS for t in doc[g.end + 1:min(reader.sent.end, g.end + 5)]):
        return False
    if nxt.lower_ == "of" and any(reader.population_at(i) is not None
                                  for i in range(g.end + 1, min(reader.sent.end, g.end + 6))):
        return False
    if nxt.is_punct or nxt.is_space:
        return nxt.text not in {"%", "/"}
    return nxt.lower_ in FOLLOW_OK


_OTHER_TIERS = {"elective", "cancer", "waiting", "diagnostic", "tiering", "recovery", "escalation", "opel"}


def _segment_in(reader: SentenceReader, start: int, end: int) -> Span | None:
    """The first numbered segment in ``[start, end)``, else the first descriptor.

    "Tier 1" means an oversight segment only where the sentence is not about another tiering
    (elective recovery, cancer, waiting lists)."""
    other_tiers = any(t.lower_ in _OTHER_TIERS for t in reader.sent)
    inside = [s for s in reader.segments if s.start >= start and s.end <= end and s._.segments
              and not (s.id_ == "tier" and other_tiers) and not is_domain_segment(s)]
    numbered = [s for s in inside if not s.id_.startswith("desc:")]
    if numbered:
        return numbered[0]
    return inside[0] if inside else None


def _scope_in(reader: SentenceReader, start: int, end: int) -> str:
    for s in reader.scopes:
        if s.start >= start and s.end <= end and _accepted_scope(reader, s):
            return s.text
    return ""


_EXACT_SHARES = {"half": 0.5, "a half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "one-third": 1 / 3,
                 "two-thirds": 2 / 3, "two thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25,
                 "three-quarters": 0.75, "three quarters": 0.75, "a fifth": 0.2, "two-fifths": 0.4}


def _implied_count(g: Group) -> int | None:
    """'Half of the county's six NHS trusts' states three trusts."""
    f = _EXACT_SHARES.get(g.share.lower()) if g.share else None
    if f is None or g.total is None:
        return None
    value = f * g.total
    return round(value) if abs(value - round(value)) < 1e-9 else None


def _claim_from(doc: Doc, sent: Span, g: Group, org_type: str, framework: str, period: str) -> Claim:
    start_char, end_char = sent.start_char, sent.end_char
    text = doc.text[start_char:end_char].strip()
    lead = len(doc.text[start_char:end_char]) - len(doc.text[start_char:end_char].lstrip())
    start_char += lead
    count = g.count if g.count is not None else _implied_count(g)
    return Claim(org_type=org_type, segments=g.segments, count=count, total=g.total, percent=g.percent,
                 share_text=g.share, scope=g.scope, framework=framework, period=period, text=text,
                 start=start_char, end=start_char + len(text),
                 org_words=g.population.text if g.population is not None else "")


def _attach_lists(reader: SentenceReader, g: Group, frame_end: int, org_type: str) -> None:
    """Names in brackets, between dashes, or in apposition right after the population (or
    right after a bare count: "four – Devon, ... – are in segment 4"), or after a colon that
    ends the claim ("five ICBs are in segment 4: Devon, ...")."""
    doc = reader.doc
    i = g.population.end if g.population is not None else g.end
    # skip an abbreviation in brackets: "Integrated Care Systems (ICSs)"
    if _lower(doc, i) == "(" and i + 2 < reader.sent.end and _lower(doc, i + 2) == ")" and (
            _ABBREVIATION.match(doc[i + 1].text) or reader.population_at(i + 1) is not None):
        i += 3
    if i >= reader.sent.end:
        return
    opener = doc[i].text
    closers = {"(": ")", "–": "–", "—": "—", "-": "-", ":": None, ",": None}
    if opener not in closers:
        return
    closer = closers[opener]
    j = i + 1
    while j < min(frame_end, reader.sent.end):
        t = doc[j].text
        if closer and t == closer:
            break
        if not closer and (t in {";", "."} or doc[j].lower_ in {"while", "whereas", "but", "which", "who",
                                                                 "are", "were", "is", "was", "have", "has"}):
            break
        j += 1
    if j <= i + 1:
        return
    region = doc[i + 1:j]
    if opener == "," and not any(tok.is_title for tok in region):
        return
    if g.population is None and opener in {",", ":"}:
        return
    items = fit_to_count(split_names(region, reader.orgs), g.count, org_type)
    if opener == "," and (not items or any(len(it.text.split()) > 8 for it in items)):
        return
    g.names = items


def _colon_list(reader: SentenceReader, g: Group, frame_end: int, org_type: str) -> None:
    """'... five ICBs are in segment 4 and receiving support: Devon, Hampshire and Isle of Wight, ...'."""
    doc = reader.doc
    for j in range(g.end, frame_end):
        if doc[j].text == ":" and j + 1 < reader.sent.end:
            region = doc[j + 1:reader.sent.end]
            if region and region[-1].is_punct:
                region = doc[region.start:region.end - 1]
            if not any(t.is_title for t in region):
                return
            g.names = fit_to_count(split_names(region, reader.orgs), g.count, org_type)
            return


def _exception_names(reader: SentenceReader, start: int) -> tuple[list[ListItem], Span | None]:
    """'apart from the London and South East Coast ambulance trusts' → names and their population."""
    doc = reader.doc
    text = _text_between(doc, start, reader.sent.end)
    for marker in ("apart from", "except for", "except", "other than", "with the exception of", "bar", "save for"):
        pos = text.find(marker + " ")
        if pos == -1:
            continue
        char = doc[start].idx + pos + len(marker) + 1
        k = next((t.i for t in doc[start:reader.sent.end] if t.idx >= char), None)
        if k is None:
            return [], None
        for p in reader.populations:
            if p.start > k:
                names = names_before(doc[k:p.start], reader.orgs)
                return names, p
        return [], None
    return [], None


def home_scope(doc: Doc) -> str:
    """The system or place a document speaks for ("our providers"): the first place or ICB
    named in its opening lines (title, header of a board paper)."""
    head_end = min(len(doc.text), 400)
    orgs = list(doc.spans.get("orgs", []))
    for span in sorted([*doc.spans.get("scopes", []), *orgs], key=lambda s: s.start_char):
        if span.end_char > head_end:
            break
        if span.label_ == "icb" or (span.label_ == "SCOPE" and not _overlaps(span, orgs)):
            return span.text
    return ""


_HOME_WORDS = ("our ", "the system", "in the system", "locally", "local ", "in our ")
_DEICTIC_WORDS = ("the region", "its ", "the county", "the city", "the capital", "their ", "each region")


def _deictic_scope(reader: SentenceReader, g: Group, state: State, home: str) -> str:
    """'our five providers' → the document's own system; 'the region's acute trusts' → the place
    the text is talking about."""
    doc = reader.doc
    lo = max(reader.sent.start, g.start - 3)
    hi = min(reader.sent.end, (g.population.end if g.population is not None else g.end) + 6)
    window = " " + doc[lo:hi].text.lower().replace("’", "'") + " "
    if any(w in window for w in (" our ", " the system", " locally ", " local ")):
        return home or state.discourse_scope
    if any(w in window for w in (" the region's", " the region ", " its ", " the county's", " the city's",
                                 " the capital's", " their ")):
        return state.discourse_scope or home
    return ""


def _local_total_scope(reader: SentenceReader, g: Group, home: str) -> str:
    """'Two of the five trusts ...' in a paper about one county: a small definite total is local."""
    if not home or g.total is None or g.total >= 30 or _national(reader):
        return ""
    if g.population is not None and g.population.label_ == "ambulance" and g.total in (10, 11):
        return ""  # England has 10 ambulance trusts (11 before 2019 mergers): that is the national league
    phrase = reader.doc[g.start:g.end].text.lower()
    return home if " of the " in f" {phrase} " else ""


def read_claims(doc: Doc, result: DocResult, skip: list[tuple[int, int]] | None = None) -> None:
    """Append the claims and list memberships of ``doc`` to ``result``.

    Sentences inside ``skip`` (character ranges of tables already read) are passed over.
    """
    framework, period = doc._.framework, doc._.period
    state = State()
    home = home_scope(doc)
    sents = list(doc.sents)
    for si, sent in enumerate(sents):
        if skip and any(a <= sent.start_char < b for a, b in skip):
            continue
        reader = SentenceReader(doc, sent)
        groups = _group_quantities(reader)
        made: list[Claim] = []
        kept: list[Group] = []
        absorbed: set[int] = set()
        population_sizes: list[Group] = []
        sentence_scope = _sentence_scope(reader)
        for gi, g in enumerate(groups):
            if gi in absorbed:
                continue
            frame_end = groups[gi + 1].start if gi + 1 < len(groups) else sent.end
            _modifiers(reader, g)
            _one_of_many(reader, g)
            types_anaphor = _text_between(doc, g.end, g.end + 3).startswith(
                ("of these types", "of those types", "of these kinds"))
            found = _find_population(reader, g, frame_end)
            subject = _accounting_subject(reader, g)
            if subject is not None:
                g.population, found = subject, True
            if types_anaphor:
                g.pop_types = [c.org_type for c in state.last_claims if c.org_type not in GENERIC_TYPES]
                found = bool(g.pop_types)
            if not g.pop_types:
                _absorb_following(reader, g, groups, gi, absorbed)
                frame_end = next((groups[k].start for k in range(gi + 1, len(groups)) if k not in absorbed), sent.end)
            if not found:
                if not _is_bare(reader, g):
                    continue
                if g.count is None and g.percent is None and not g.share:
                    continue
            if _is_movement(reader, g, frame_end):
                continue
            size_of = _bracketed_size(reader, g)
            if size_of is not None:
                population_sizes.append(Group(start=g.start, end=g.end, count=g.count, population=size_of))
                continue
            after_out_of = _text_between(doc, max(sent.start, g.start - 2), g.start) == "out of"
            if kept and kept[-1].total is None and after_out_of:
                kept[-1].total = g.count
                continue
            if kept and g.count is None and _text_between(doc, g.end, g.end + 3).startswith(
                    ("of the total", "of all", "of the whole", "of them", "of those")):
                prev = kept[-1]
                prev.percent = prev.percent if prev.percent is not None else g.percent
                prev.share = prev.share or g.share
                continue
            # segment: in the frame after the group, else in the clause before it
            if not g.segments:
                seg = _segment_in(reader, g.end, frame_end)
                if seg is None and not g.subset:
                    lo = kept[-1].end if kept else sent.start
                    seg = _segment_in(reader, lo, g.start)
                if seg is not None:
                    g.segments = _combined(reader, seg, frame_end)
                    if g.count is None and _lower(doc, seg.end) == "(":
                        inner = [q for q in reader.quantities if q.start == seg.end + 1 and q.label_ == "CARD"]
                        if inner and _lower(doc, inner[0].end) == ")":
                            g.count = inner[0]._.quantity.count
                            absorbed.update(k for k, other in enumerate(groups) if other.start == inner[0].start)
            if g.total is None:
                g.total = _trailing_total(reader, g, frame_end)
            g.scope = (_scope_in(reader, (kept[-1].end if kept else sent.start), frame_end)
                       or _deictic_scope(reader, g, state, home) or _local_total_scope(reader, g, home))
            kept.append(g)
        population_claims = _leading_totals(reader, kept) + population_sizes
        # second pass: inherit what the sentence structure implies
        for gi, g in enumerate(kept):
            prev = kept[gi - 1] if gi else None
            if g.population is None and not g.pop_types:
                if prev is not None and (prev.population is not None or prev.pop_types):
                    g.population, g.pop_types = prev.population, prev.pop_types
                    g.scope = g.scope or prev.scope
                elif prev is None:
                    g.population = _population_before(reader, g)
            if not g.segments:
                g.segments = _shared_segment(reader, kept, gi) or (prev.segments if prev and g.subset else ())
            if not g.segments and prev is not None and prev.population is not None and g.population is not None:
                gap = _text_between(doc, prev.population.end, g.start).replace(",", " ").split()
                if gap and all(w in {"and", "as", "well", "plus"} for w in gap):
                    g.segments = prev.segments
            g.scope = g.scope or sentence_scope
        for g in population_claims:
            if not g.scope and state.last_claims and state.sentences_since == 0 and not _national(reader):
                g.scope = state.last_claims[-1].scope
            made.append(_claim_from(doc, sent, g, g.org_type, framework, period))
        for gi, g in enumerate(kept):
            if g.leading_total:
                continue
            frame_end = kept[gi + 1].start if gi + 1 < len(kept) else sent.end
            org_type = g.org_type
            if not org_type and not g.pop_types:
                org_type = state.last_population if (state.sentences_since <= 2 or g.further) else ""
                if state.sentences_since >= 1 and state.mentioned_population:
                    org_type = state.mentioned_population
                if org_type and not g.scope and state.last_claims:
                    g.scope = state.last_claims[-1].scope
            if not g.scope and state.last_claims and state.sentences_since == 0 and not _national(reader):
                g.scope = state.last_claims[-1].scope
            inherited_segment = False
            if not g.segments and g.anaphoric and state.sentences_since <= 3 and _has_predicate(reader, g, frame_end):
                g.segments, inherited_segment = state.last_segments, True
            if not g.segments:
                g.segments = _segments_from_next(doc, sents, si)
            if not g.segments:
                continue
            if org_type in GENERIC_TYPES and (inherited_segment or (g.subset and g.population is None)):
                org_type = "other"
            if g.pop_types:
                claims = [_claim_from(doc, sent, g, t, framework, period) for t in g.pop_types]
                names, pop = _exception_names(reader, g.end)
                if pop is not None and names:
                    for c in claims:
                        if c.org_type == pop.label_:
                            c.count = len(names)
                    _add_members(result, doc, sent, names, pop.label_, g.segments, framework, period, None)
                made.extend(claims)
                continue
            if not org_type:
                continue
            _attach_lists(reader, g, frame_end, org_type)
            if not g.names and g.segments:
                _colon_list(reader, g, frame_end, org_type)
            claim = _claim_from(doc, sent, g, org_type, framework, period)
            made.append(claim)
            if g.names:
                _add_members(result, doc, sent, g.names, org_type, g.segments, framework, period, claim)
        mentioned = [pop for pop in reader.populations if _lower(doc, pop.end) not in {"'s", "’s"}]
        state.mentioned_population = mentioned[-1].label_ if mentioned and not made else ""
        explicit = sentence_scope or _explicit_scope(reader)
        if explicit:
            state.discourse_scope = explicit
        if made:
            result.claims.extend(made)
            state.last_claims = made
            state.last_groups = kept
            state.sentences_since = 0
        else:
            _they_are_list(reader, state, result, framework, period)
            state.sentences_since += 1


_PREDICATE = {"are", "is", "were", "was", "remain", "remains", "remained", "sit", "sits", "fall", "falls", "fell",
              "have", "has", "had", "been", "now", "placed", "rated", "listed", "in", "into", "make", "made"}


_NATIONAL = {"nationally", "national", "england", "overall", "country", "nationwide", "england's"}


def _national(reader: SentenceReader) -> bool:
    """A sentence that says it is about the whole country does not continue a regional scope."""
    return any(t.lower_ in _NATIONAL for t in reader.sent)


_ACCOUNT_VERBS = ("account for", "accounts for", "accounted for", "make up", "makes up", "made up", "represent",
                  "represents", "comprise", "comprises")


def _accounting_subject(reader: SentenceReader, g: Group) -> Span | None:
    """In 'Acute trusts account for 16/19 of the providers in segment 4' the acute trusts are counted."""
    before = [p for p in reader.populations if p.end <= g.start]
    if not before:
        return None
    gap = _text_between(reader.doc, before[-1].end, g.start).strip()
    return before[-1] if gap in _ACCOUNT_VERBS else None


def _has_predicate(reader: SentenceReader, g: Group, frame_end: int) -> bool:
    """'Two of the others are ambulance trusts' places organisations; 'one of them said' does not."""
    after = reader.doc[g.end:min(frame_end, g.end + 8)]
    doc, start = reader.doc, reader.sent.start
    before = [*doc[max(start, g.start - 3):g.start], *doc[start:start + 4]]
    return any(t.lower_ in _PREDICATE for t in after) or any(t.lower_ in {"are", "were", "is", "was"} for t in before)


_MOVE_VERBS = {"added", "removed", "left", "exited", "entered", "joined", "moved", "dropped", "slipped", "improved",
               "deteriorated", "transferred", "upgraded", "downgraded", "escalated", "de-escalated", "graduated"}


def _is_movement(reader: SentenceReader, g: Group, frame_end: int) -> bool:
    """'One trust moved from segment 2 to segment 3', 'none has been added': a count of movers,
    not of a segment's members (the contract counts where organisations are)."""
    doc = reader.doc
    words = [t.lower_ for t in doc[g.end:frame_end]]
    if any(w in _MOVE_VERBS for w in words[:6]):
        return True
    if "from" not in words:
        return False
    i = words.index("from")
    rest = doc[g.end + i + 1:frame_end]
    return any(s.start == rest.start for s in reader.segments) and any(t.lower_ in {"to", "into"} for t in rest)


def _trailing_total(reader: SentenceReader, g: Group, frame_end: int) -> int | None:
    """'three in special measures out of 37'."""
    doc = reader.doc
    for i in range(g.end, min(frame_end, reader.sent.end) - 2):
        if doc[i].lower_ == "out" and doc[i + 1].lower_ == "of":
            for q in reader.quantities:
                if q.start in (i + 2, i + 3) and q._.quantity.kind == "CARD" and q._.quantity.count:
                    return q._.quantity.count
    return None


def _combined(reader: SentenceReader, seg: Span, frame_end: int) -> tuple[int, ...]:
    """'split between segment 1 (maximum autonomy) and segment 2 (targeted support)' → (1, 2)."""
    doc = reader.doc
    segs = list(seg._.segments)
    for other in reader.segments:
        if other.start <= seg.end or other.end > frame_end or not other._.segments:
            continue
        gap = regex.sub(r"\([^)]*\)", " ", doc[seg.end:other.start].text).strip(" ,").lower()
        if gap in {"and", "or", "and in", "or in", "and into"}:
            segs.extend(other._.segments)
            seg = other
        else:
            break
    return tuple(dict.fromkeys(segs))


def _bracketed_size(reader: SentenceReader, g: Group) -> Span | None:
    """'Acute trusts (113): ...' — the bracketed figure is the population's size."""
    doc = reader.doc
    if g.count is None or g.share or g.percent is not None:
        return None
    if _lower(doc, g.start - 1) != "(" or not _lower(doc, g.end).startswith(")"):
        return None
    for pop in reader.populations:
        if pop.end == g.start - 1:
            return pop
    return None


def _population_before(reader: SentenceReader, g: Group) -> Span | None:
    """'Community trusts are the stand-out performers: nine in 10 are in ...' → community."""
    before = [p for p in reader.populations if p.end <= g.start and not _overlaps(p, reader.orgs)]
    if not before:
        return None
    pop = before[-1]
    between = reader.doc[pop.end:g.start]
    if regex.fullmatch(r"\s*(?:\(\s*\d{1,4}\s*\))?\s*[:–—-]\s*", between.text):
        return pop
    lead = reader.doc[max(reader.sent.start, pop.start - 3):pop.start].text.lower()
    if lead.endswith(("number of", "total of", "count of", "tally of")):
        return pop
    in_segment = {i for s in reader.segments for i in range(s.start, s.end)}
    if any(t.like_num and t.i not in in_segment for t in between):
        return None
    if any(s.start >= pop.end and s.end <= g.start for s in reader.segments):
        return None
    return pop if ":" in between.text or between.text.strip().lower().startswith(("are", "is", ",")) else None


def _accepted_scope(reader: SentenceReader, s: Span) -> bool:
    doc = reader.doc
    before, after = _lower(doc, s.start - 1), _lower(doc, s.end)
    if s.text.lower() in {"the region", "our region", "our system", "the system", "the capital"}:
        return False
    if before in {"in", "across", "within", "for", "its", "our", "their", "serve", "serves", "serving", "covering",
                  "cover", "covers"} or after in {"'s", "’s", "'", "’"}:
        return True
    if reader.population_at(s.end) is not None:
        return True
    if before == "the" and not _overlaps(s, reader.orgs):
        return True
    first = next((t for t in reader.sent if not t.is_space), None)
    return first is not None and s.start <= first.i + 1 and after in {",", "has", "had", "have"}


def _explicit_scope(reader: SentenceReader) -> str:
    found = [s for s in reader.scopes if _accepted_scope(reader, s)]
    return found[-1].text if found else ""


def _sentence_scope(reader: SentenceReader) -> str:
    """'In the Midlands and East, ...' / 'London has nine trusts ...': a scope leading the sentence."""
    first = next((t for t in reader.sent if not t.is_space), None)
    if first is None:
        return ""
    for s in reader.scopes:
        if s.start <= first.i + 2 and _accepted_scope(reader, s):
            return s.text
    return ""


def _leading_totals(reader: SentenceReader, kept: list[Group]) -> list[Group]:
    """'Of the 207 NHS trusts assessed, 27 (13%) were ...', 'Of the 19 trusts in segment 4, 13 are
    acute ...' and 'All 238 NHS providers have been segmented'.

    A leading "Of the N ..." group is the denominator of the next count and the population
    and segment of every count after it; without a segment of its own it states a
    population size, which comes back as a population claim.
    """
    doc = reader.doc
    out = []
    for gi, g in enumerate(kept):
        if g.population is None or g.count is None:
            continue
        before = [t.lower_ for t in doc[max(reader.sent.start, g.start - 5):g.start] if not t.is_space]
        at_start = all(not t.is_alpha or t.lower_ in _LEAD_WORDS or t.is_title
                       for t in doc[reader.sent.start:g.start])
        if (("of" in before) or any(w in before for w in ("across", "among", "amongst"))) and at_start \
                and gi + 1 < len(kept) and g.total is None:
            gap = _text_between(doc, g.population.end, kept[gi + 1].start)
            if "," not in gap:
                continue
            g.leading_total = True
            for _k, nxt in enumerate(kept[gi + 1:]):
                if nxt.total is None and not nxt.pop_types:
                    nxt.total = g.count
                if nxt.population is None and not nxt.pop_types:
                    nxt.population = g.population
                nxt.scope = nxt.scope or g.scope
                if not nxt.segments and g.segments:
                    nxt.segments, nxt.subset = g.segments, True
            if g.segments:
                g.leading_total = False
            else:
                out.append(Group(start=g.start, end=g.end, count=g.count, population=g.population, scope=g.scope))
        elif (before[-1:] == ["all"] or before[-2:] == ["all", "the"] or _states_population(before)) \
                and not g.share and g.percent is None and not g.segments and not g.anaphoric:
            g.leading_total = True
            out.append(Group(start=g.start, end=g.end, count=g.count, population=g.population, scope=g.scope))
            if _states_population(before) and gi + 1 < len(kept) and kept[gi + 1].total is None \
                    and "," in _text_between(doc, g.population.end, kept[gi + 1].start):
                kept[gi + 1].total = g.count
    return out


_LEAD_WORDS = {"of", "the", "all", "england", "s", "across", "among", "amongst", "region", "county", "city", "capital",
               "system", "country",
               "its", "our", "their", "nation", "sector", "area"}
_POPULATION_VERBS = {"covered", "covers", "covering", "assessed", "assesses", "oversees", "oversaw", "segmented",
                     "comprises", "across"}


def _states_population(before: list[str]) -> bool:
    """'There are 42 ICBs', 'the segmentation covered 211 trusts', 'England has 42 ICBs'."""
    if before[-2:] in (["there", "are"], ["there", "were"], ["are", "now"]) or before[-3:] == ["there", "are", "now"]:
        return True
    if len(before) >= 2 and before[-1] in {"'s", "’s"} and before[-2] in {"england", "country", "nation", "nhs"}:
        return True
    if before[-2:-1] and before[-2] in {"rank", "ranks", "ranked", "covers", "covering"} and before[-1] == "the":
        return True
    return bool(before) and before[-1] in _POPULATION_VERBS


def _shared_segment(reader: SentenceReader, groups: list[Group], gi: int) -> tuple[int, ...]:
    """A coordinated list shares the segment named at its end."""
    doc = reader.doc
    for k in range(gi, len(groups) - 1):
        cur, nxt = groups[k], groups[k + 1]
        end = cur.population.end if cur.population is not None else cur.end
        gap = _text_between(doc, end, nxt.start).replace(",", " ").split()
        if any(w not in {"and", "as", "well", "plus", "while"} for w in gap):
            return ()
        if nxt.segments:
            return nxt.segments
    return ()


def _segments_from_next(doc: Doc, sents: list[Span], si: int) -> tuple[int, ...]:
    """'... 23 of the 42 ICSs ... . They fall into Segment 3.'"""
    if si + 1 >= len(sents):
        return ()
    nxt = sents[si + 1]
    first = next((t for t in nxt if not t.is_space), None)
    if first is None or first.lower_ not in THEY:
        return ()
    reader = SentenceReader(doc, nxt)
    if any(reader.is_count_candidate(q) for q in reader.quantities):
        return ()
    seg = _segment_in(reader, nxt.start, nxt.end)
    return seg._.segments if seg is not None else ()


def _they_are_list(reader: SentenceReader, state: State, result: DocResult, framework: str, period: str) -> None:
    """'They are Barking Havering and Redbridge Hospitals ..., East Kent Hospitals ...'."""
    doc, sent = reader.doc, reader.sent
    words = [t for t in sent if not t.is_space]
    if len(words) < 3 or not state.last_claims or state.sentences_since > 0:
        return
    head = " ".join(t.lower_ for t in words[:3])
    if not head.startswith(("they are", "these are", "they include", "these include", "those are",
                            "they were", "these were")):
        return
    claim = state.last_claims[-1]
    if not claim.segments:
        return
    region = doc[words[2].i:sent.end]
    items = split_names(region, reader.orgs)
    org_type = claim.org_type if claim.org_type not in GENERIC_TYPES else ""
    _add_members(result, doc, sent, items, org_type, claim.segments, framework, period, claim)


def _add_members(result: DocResult, doc: Doc, sent: Span, items: list[ListItem], org_type: str,
                 segments: tuple[int, ...], framework: str, period: str, claim: Claim | None) -> None:
    if len(segments) != 1:
        return
    text = doc.text[sent.start_char:sent.end_char].strip()
    start = doc.text.find(text, sent.start_char)
    for item in items:
        result.memberships.append(Membership(
            name=item.text, segment=segments[0], org_type=org_type, framework=framework, text=text,
            start=start, end=start + len(text), period=period,
            claim=claim,
        ))
