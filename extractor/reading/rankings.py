"""League-table rankings (NOF 2025/26 onwards): "ranked joint 83rd out of 134 acute trusts",
"came top of the 10 trust table for ambulance services", "ranked last among 61 non-acute
trusts", "has risen to 23rd from 44th".

Each rank span from ``extractor_ranks`` is read with the words around it: the ordinal, a
denominator ("out of", "of the", "among"), "joint", an earlier rank ("from 44th", "up from
31st"), the league (from the population named nearby), the segment stated in the same
sentence, and the organisation it is about (the nearest linked organisation before it,
else the one the previous sentence was about).
"""

from __future__ import annotations

import regex
from spacy.tokens import Doc, Span

from .. import numbers
from ..pipeline.extensions import doc_text, span_text, spans_in, token_strings
from ..pipeline.segments import is_domain_segment
from ..records import Claim, DocResult, Ranking
from . import subjects

LEAGUE_OF_TYPE = {"acute": "acute", "specialist": "acute", "mental_health": "non_acute", "community": "non_acute",
                  "community_or_mental_health": "non_acute", "non_acute": "non_acute", "ambulance": "ambulance"}
_ORD = regex.compile(r"^(\d+)(?:st|nd|rd|th)$|^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                     r"eleventh|twelfth)$", regex.I)
_PREVIOUS_BEFORE = {"from", "previously", "q1"}


def _ordinal(text: str) -> int | None:
    return numbers.parse_ordinal(text) if _ORD.match(text) else None


def _window(doc: Doc, start: int, end: int) -> list:
    return [t for t in doc[max(start, 0):min(end, len(doc))] if not t.is_space]


def _read_total(doc: Doc, sent: Span, after: int) -> int | None:
    toks = _window(doc, after, min(after + 6, sent.end))
    for i, tok in enumerate(toks):
        if tok.lower_ in {"of", "among", "amongst"} or (tok.lower_ == "out" and i + 1 < len(toks)):
            for nxt in toks[i + 1:i + 4]:
                value = numbers.parse_cardinal(nxt.text)
                if isinstance(value, int) and value > 1:
                    return value
                if nxt.lower_ not in {"of", "the", "all"}:
                    break
    return None


def _had_been(words: list[str]) -> bool:
    """'having been 11th', 'it had been 127th': a position held before."""
    return len(words) >= 2 and words[-1] == "been" and words[-2] in {"having", "had"}


def _previous_rank(doc: Doc, sent: Span, after: int) -> int | None:
    toks = _window(doc, after, min(after + 30, sent.end))
    for i, tok in enumerate(toks):
        if i >= 12 and not _had_been([t.lower_ for t in toks[:i + 1]]):
            continue  # far from the position: only an explicit 'having been' still refers to it
        if tok.lower_ == "from" or (tok.lower_ in {"q1", "previously", "was"} and i + 1 < len(toks)) \
                or _had_been([t.lower_ for t in toks[:i + 1]]):
            for nxt in toks[i + 1:i + 3]:
                value = _ordinal(nxt.text)
                if value:
                    return value
    return None


def _league(doc: Doc, sent: Span) -> str:
    text = span_text(sent).lower()
    if "non-acute" in text or "non acute" in text:
        return "non_acute"
    for pop in spans_in(doc, "populations", sent.start, sent.end):
        if pop.label_ in LEAGUE_OF_TYPE:
            return LEAGUE_OF_TYPE[pop.label_]
    if "ambulance" in text:
        return "ambulance"
    if "acute" in text:
        return "acute"
    return ""


def _usual_league(doc: Doc) -> str:
    """The league a document mostly talks about, for sentences that do not say ('Nottingham ...
    came 132nd' in an article about acute trusts)."""
    counts: dict[str, int] = {}
    for pop in doc.spans.get("populations", []):
        league = LEAGUE_OF_TYPE.get(pop.label_)
        if league:
            counts[league] = counts.get(league, 0) + 1
    return max(counts, key=counts.get) if counts else ""


def _segment(doc: Doc, sent: Span) -> int | None:
    found = {n for s in spans_in(doc, "segments", sent.start, sent.end)
             if not s.id_.startswith("desc:") and not is_domain_segment(s) for n in s._.segments}
    return found.pop() if len(found) == 1 else None


_BARE_ORDINAL = regex.compile(r"^(\d{1,3})(st|nd|rd|th)$|^(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                           r"eleventh|twelfth)$", regex.I)


_ORDINAL_ENDINGS = {"st", "nd", "rd", "th"}


def _ordinal_after_names(doc: Doc, ranks: list[Span], result: DocResult, framework: str, period: str) -> None:
    """'... Nottingham University Hospitals NHS Trust, 132nd. Then come York and Scarborough Teaching
    Hospitals (131st), ...' and 'the Royal National Orthopaedic Hospital in Stanmore fourth': in a
    document about league tables, an ordinal right after a named organisation is its position."""
    covered = {i for r in ranks for i in range(r.start, r.end)}
    orgs = sorted(doc.spans.get("orgs", []), key=lambda o: o.end)
    ends = {o.end: o for o in orgs}
    for i, word in enumerate(token_strings(doc, "ORTH")):
        # every bare ordinal ends in st, nd, rd or th: the cheap test spares most words the pattern
        if word[-2:].lower() not in _ORDINAL_ENDINGS or i in covered or not _BARE_ORDINAL.match(word):
            continue
        tok = doc[i]
        k = tok.i - 1
        while k >= 0 and (doc[k].text in {",", "(", "in"} or (doc[k].is_title and doc[k - 1].lower_ == "in")):
            k -= 1
        org = ends.get(k + 1)
        if org is None and doc[tok.i - 1].text == "(":
            # 'and Mid and South Essex (128th)': a place-like name the linker left alone, read as
            # an organisation of the league's kind
            org = subjects.name_before(doc, tok.sent, k + 1, _league(doc, tok.sent) or _usual_league(doc) or None)
        if org is None or tok.i - org.end > 4 or (doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else "") in {
                "quarter", "time", "year", "largest", "biggest", "highest", "lowest"}:
            continue
        sent = tok.sent
        text = sent.text.strip()
        start = doc_text(doc).find(text, sent.start_char)
        result.rankings.append(Ranking(
            name=org.text, ods_code=org.id_, league=_league(doc, sent), rank=numbers.parse_ordinal(tok.text),
            framework=framework, period=period, text=text, start=start, end=start + len(text)))


def read_rankings(doc: Doc, result: DocResult) -> None:
    """Add one ranking per league position stated in ``doc``."""
    ranks = list(doc.spans.get("ranks", []))
    if not ranks:
        return
    _ordinal_after_names(doc, ranks, result, doc._.framework, doc._.period)
    framework, period = doc._.framework, doc._.period
    last_subject: list[Span] = []
    usual = _usual_league(doc)
    for sent in doc.sents:
        in_sent = spans_in(doc, "ranks", sent.start, sent.end)
        sent_orgs = subjects.candidates(doc, sent)
        hint = _league(doc, sent) or usual or None
        if in_sent and (not sent_orgs or sent_orgs[0].start > in_sent[0].start):
            lead = subjects.leading_name(doc, sent, in_sent[0].start, hint)
            if lead is not None:
                sent_orgs = [lead, *sent_orgs]
        for span in in_sent:
            before = [t.lower_ for t in _window(doc, span.start - 2, span.start)]
            if any(w in _PREVIOUS_BEFORE for w in before):
                continue
            if _had_been(before) or [t.lower_ for t in span][1:2] == ["been"]:
                _earlier_position(doc, span, last_subject, result)
                continue
            rank, position, joint = None, "", False
            words = [t.lower_ for t in span]
            joint = any(w in {"joint", "equal", "shares", "shared", "share", "sharing"} for w in words) \
                or doc[span.start - 1].lower_ == "joint"
            for tok in span:
                rank = rank or _ordinal(tok.text)
            total = _read_total(doc, sent, span.start + 1)
            nxt = doc[span.end].lower_ if span.end < len(doc) else ""
            if words[-1] in {"top", "bottom"} and (numbers.parse_cardinal(nxt) or 0) > 1:
                continue
            if any(w in {"top", "best"} for w in words):
                position, rank = "top", rank or 1
            elif any(w in {"bottom", "last", "worst"} for w in words):
                position = "bottom"
                rank = rank or total
            if rank is None and not position:
                continue
            before = [o for o in sent_orgs if o.end <= span.start]
            antecedent = subjects.relative_antecedent(doc, sent, span.start)
            adjacent = subjects.name_before(doc, sent, span.start, hint)
            if antecedent is not None:
                subject = _coordinated(doc, [o for o in sent_orgs if o.end <= antecedent.start] + [antecedent])
            elif adjacent is not None and not any(o.start <= adjacent.start < o.end for o in before):
                subject = [adjacent]
            else:
                pronoun_led = sent.text.lstrip().lower().startswith(subjects.PRONOUNS)
                subject = _coordinated(doc, before) or (last_subject if pronoun_led else [])
            if not subject:
                continue
            if total:
                _league_size_claim(doc, sent, span, total, result, framework, period)
            previous = _previous_rank(doc, sent, span.end)
            text = sent.text.strip()
            start = doc_text(doc).find(text, sent.start_char)
            if words[0] in {"shares", "shared", "share", "sharing"}:
                partner = _with_partner(doc, sent, span)
                if partner is not None:
                    subject = [*subject, partner]
            for org in subject:
                result.rankings.append(Ranking(
                    name=org.text, ods_code=org.id_, league=_league(doc, sent), rank=rank, position=position,
                    joint=joint,
                    total=total, previous_rank=previous, segment=_segment(doc, sent), framework=framework,
                    period=period, text=text, start=start, end=start + len(text)))
        if sent_orgs:
            last_subject = [sent_orgs[0]]


def _earlier_position(doc: Doc, span: Span, last_subject: list[Span], result: DocResult) -> None:
    """'Three months earlier it had been 127th': the previous rank of the last ranking of the
    organisation the text is about, when the sentence that ranked it did not say."""
    value = next((_ordinal(t.text) for t in span if _ordinal(t.text)), None)
    names = {o.text for o in last_subject}
    for ranking in reversed(result.rankings):
        if ranking.name in names:
            if ranking.previous_rank is None and value is not None and value != ranking.rank:
                ranking.previous_rank = value
            return


def _with_partner(doc: Doc, sent: Span, span: Span) -> Span | None:
    """'East Kent Hospitals shares 124th place with Wirral University Teaching Hospital'."""
    if span.end + 1 < sent.end and doc[span.end].lower_ == "with":
        for org in doc.spans.get("orgs", []):
            if org.start == span.end + 1 or (org.start == span.end + 2 and doc[span.end + 1].lower_ == "the"):
                return org
    return None


def _league_size_claim(doc: Doc, sent: Span, span: Span, total: int, result: DocResult, framework: str,
                       period: str) -> None:
    """'ranked joint 130th out of 134 acute hospital trusts' also states that there are 134 acute
    trusts: a population claim, once per document and population."""
    pops = [p for p in spans_in(doc, "populations", span.end, min(sent.end, span.end + 8)) if p.id_ != "bare"]
    if not pops:
        return
    specific = [p for p in pops if p.label_ not in {"trust", "other"}]
    chosen = (specific or pops)[0]
    org_type = chosen.label_
    if any(c.org_type == org_type and c.count == total and not c.segments for c in result.claims):
        return
    text = sent.text.strip()
    start = doc_text(doc).find(text, sent.start_char)
    result.claims.append(Claim(org_type=org_type, count=total, framework=framework, period=period, text=text,
                               start=start, end=start + len(text), org_words=chosen.text))


def _coordinated(doc: Doc, before: list[Span]) -> list[Span]:
    """The nearest organisation before a rank, with any joined to it by 'and'/','."""
    if not before:
        return []
    chosen = [before[-1]]
    for org in reversed(before[:-1]):
        gap = doc[org.end:chosen[0].start].text.strip().lower()
        if gap in {"and", ",", ", and", "&", "and the", ", and the"}:
            chosen.insert(0, org)
        else:
            break
    return chosen


def _league_of_code(code: str) -> str:
    from ..gazetteer import load_gazetteer

    org = load_gazetteer().get(code)
    return LEAGUE_OF_TYPE.get(org.org_type, "") if org else ""


def consolidate(rankings: list[Ranking]) -> list[Ranking]:
    """One row per organisation and position: a document that says "97th" in one sentence and
    "joint 97th out of 134" in the next states one ranking, with what both sentences give."""
    for rank in rankings:
        if not rank.league and rank.ods_code:
            rank.league = _league_of_code(rank.ods_code)
    sizes = {r.league: r.total for r in rankings if r.total and r.league}
    for rank in rankings:
        if rank.position == "bottom" and rank.rank is None and sizes.get(rank.league):
            rank.rank = rank.total = sizes[rank.league]
    out: list[Ranking] = []
    for rank in rankings:
        same = next((r for r in out if r.rank is not None and r.rank == rank.rank
                     and ((r.ods_code and r.ods_code == rank.ods_code) or r.name == rank.name)), None)
        if same is None:
            out.append(rank)
            continue
        same.joint = same.joint or rank.joint
        same.total = same.total or rank.total
        same.previous_rank = same.previous_rank or rank.previous_rank
        same.segment = same.segment or rank.segment
        same.league = same.league or rank.league
        same.position = same.position or rank.position
    return out
