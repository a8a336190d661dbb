"""spaCy component ``extractor_orgs``: find organisation mentions and link them to ODS codes.

A PhraseMatcher over the gazetteer's aliases finds candidate mentions; the gazetteer's
resolver then decides what each one names, using the words around it (type words such as
"ambulance trusts", shared by a whole list: "the London and South East Coast ambulance
trusts"), the document date and, for "the Trust"/"we", the publisher the source URL or
title identifies. Named mentions go to ``doc.spans["orgs"]`` and self-references to
``doc.spans["org_refs"]`` (kept apart so that a claim builder never mistakes "the Trust"
for a name as written); in both, ``label_`` is the organisation type and ``id_`` the ODS
code ("" when unresolved), and ``span._.link`` gives the full
:class:`~extractor.gazetteer.Link` with its reason and candidates.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..gazetteer import Gazetteer, Link, load_gazetteer, normalize, parse_date
from .extensions import span_text

LINK_KEY = "extractor.orgs.link"
_LIST_GLUE = {",", "and", "&", "or", ";"}
_SELF_HEADS = {"the", "our", "this"}
_SELF_NOUNS = {"trust", "foundation trust"}
_PRONOUNS = {"we", "us", "our"}


def _link_getter(span: Span) -> Link:
    """The stored link of a span this component wrote; resolved afresh for any other span."""
    stored = span.doc.user_data.get((LINK_KEY, span.start_char, span.end_char))
    if stored is not None:
        code, name, org_type, reason, candidates = stored
        return Link(code, name, org_type, reason, tuple(candidates))
    return load_gazetteer().resolve(span.text, on=_doc_date(span.doc))


if not Span.has_extension("link"):
    Span.set_extension("link", getter=_link_getter)


def _doc_meta(doc: Doc, name: str) -> str:
    """A Doc extension value when registered (the lead's extensions module), else user_data."""
    value = doc._.get(name) if Doc.has_extension(name) else None
    if not value:
        value = doc.user_data.get(name)
    return value if isinstance(value, str) else ""


def _doc_date(doc: Doc) -> datetime.date | None:
    return parse_date(_doc_meta(doc, "published") or None)


# (guard, pattern, replacement): a rule runs only on forms containing its guard, a
# substring test that skips most of the ~30,000 rewrites the gazetteer would otherwise cost
_VARIANT_RULES = tuple((guard, re.compile(pattern), repl) for guard, pattern, repl in (
    ("and", r"\band\b", "&"), ("&", r"\s*&\s*", " and "), (",", r",", ""), ("'", r"'", "\u2019"),
    ("'", r"['\u2019]", ""), ("\u2019", r"['\u2019]", ""), ("-", r"-", " "),
    ("Isle", r"\band Isle\b", "and the Isle"), ("Isle", r"\band the Isle\b", "and Isle"),
))
_SPACES = re.compile(r"\s+")


def surface_variants(alias: str) -> set[str]:
    """Spellings of one alias that tokenise differently: "&"/"and", commas, apostrophes, hyphens."""
    out = {alias}
    for _ in range(2):
        for guard, pattern, repl in _VARIANT_RULES:
            for form in [f for f in out if guard in f]:
                new = _SPACES.sub(" ", pattern.sub(repl, form)).strip()
                if new:
                    out.add(new)
    return out


class OrgLinker:
    """Match gazetteer aliases, keep the longest non-overlapping ones, resolve each in context."""

    def __init__(
        self, nlp: Language, name: str = "extractor_orgs", *, spans_key: str = "orgs",
        refs_key: str = "org_refs", overwrite: bool = True, window: int = 4, self_references: bool = True,
        pronouns: bool = False, keep_unresolved_places: bool = False, gazetteer: Gazetteer | None = None,
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.refs_key = refs_key
        self.overwrite = overwrite
        self.window = window
        self.self_references = self_references
        self.pronouns = pronouns
        self.keep_unresolved_places = keep_unresolved_places
        self._gazetteer = gazetteer
        self._matcher: PhraseMatcher | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    @property
    def matcher(self) -> PhraseMatcher:
        """Built on first use, so a pipeline that never runs this component pays nothing."""
        if self._matcher is None:
            self.initialize()
        assert self._matcher is not None
        return self._matcher

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        """Compile the alias patterns (all spellings) into one PhraseMatcher."""
        forms: set[str] = set()
        for surface, _key in self.gazetteer.surface_forms():
            forms |= surface_variants(surface)
        matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        matcher.add("ORG", list(self.nlp.tokenizer.pipe(sorted(forms))))
        self._matcher = matcher

    def __call__(self, doc: Doc) -> Doc:
        gaz = self.gazetteer
        day = _doc_date(doc)
        found: list[Span] = []
        for _, start, end in self.matcher(doc):
            span = doc[start:end]
            text = span_text(span)
            key = normalize(text)
            if key not in gaz.index:
                continue
            if gaz.is_abbreviation(key) and sum(c.isupper() for c in text) < 2:
                continue
            found.append(span)
        spans = sorted(filter_spans(found), key=lambda s: s.start)
        contexts = self._contexts(doc, spans)
        out: list[Span] = []
        cache: dict[tuple[str, str], Link] = {}
        for span, context in zip(spans, contexts, strict=True):
            ckey = (span.text, context)
            link = cache.get(ckey)
            if link is None:
                link = cache[ckey] = gaz.resolve(span.text, on=day, context=context)
            if not link.code and not self.keep_unresolved_places and "bare place name" in link.reason:
                continue
            out.append(self._emit(doc, span, link))
        self._write(doc, self.spans_key, out)
        if self.self_references:
            self._write(doc, self.refs_key, self._self_references(doc, out, day))
        return doc

    def _write(self, doc: Doc, key: str, spans: list[Span]) -> None:
        """Set (or, without ``overwrite``, extend without duplicates) one span group."""
        existing = [] if self.overwrite else list(doc.spans.get(key, []))
        seen = {(s.start, s.end, s.label_, s.id_) for s in existing}
        merged = existing + [s for s in spans if (s.start, s.end, s.label_, s.id_) not in seen]
        doc.spans[key] = sorted(merged, key=lambda s: (s.start, s.end))

    def _emit(self, doc: Doc, span: Span, link: Link) -> Span:
        doc.user_data[(LINK_KEY, span.start_char, span.end_char)] = (
            link.code, link.name, link.org_type, link.reason, list(link.candidates),
        )
        return Span(doc, span.start, span.end, label=link.org_type if link.code else "", span_id=link.code)

    def _contexts(self, doc: Doc, spans: list[Span]) -> list[str]:
        """Nearby words for each span; a list of mentions joined by commas/"and" shares them."""
        groups: list[list[Span]] = []
        for span in spans:
            if groups:
                prev = groups[-1][-1]
                gap = doc[prev.end:span.start]
                if len(gap) <= 2 and all(t.lower_ in _LIST_GLUE for t in gap):
                    groups[-1].append(span)
                    continue
            groups.append([span])
        out: list[str] = []
        w = self.window
        sentences = doc.has_annotation("SENT_START")
        for group in groups:
            first, last = group[0], group[-1]
            lo, hi = max(0, first.start - w), min(len(doc), last.end + w)
            if sentences:
                # Type words in the previous or next sentence describe something else.
                lo, hi = max(lo, first.sent.start), min(hi, last.sent.end)
            before = span_text(doc[lo:first.start])
            after = span_text(doc[last.end:hi])
            head = span_text(last)
            for span in group:
                # The shared head noun may sit inside the last mention ("... South East Coast ambulance").
                own = "" if span is last else f"{span_text(doc[span.end:min(len(doc), span.end + 2)])} {head}"
                out.append(" ".join((before, own, after)))
        return out

    def _self_references(self, doc: Doc, taken: Iterable[Span], day: datetime.date | None) -> list[Span]:
        """"the Trust", "our Trust" (and optionally "we") when the publisher is known."""
        code = self.gazetteer.publisher(_doc_meta(doc, "source"), _doc_meta(doc, "title"))
        org = self.gazetteer.get(code) if code else None
        if org is None:
            return []
        used = {i for s in taken for i in range(s.start, s.end)}
        link = Link(org.code, org.name_on(day), org.org_type,
                    "self-reference in a publication of this organisation (source/title)", (org.code,))
        out = []
        for tok in doc:
            if tok.i in used:
                continue
            end = None
            if tok.lower_ in _SELF_HEADS and tok.i + 1 < len(doc):
                nxt = doc[tok.i + 1]
                if nxt.lower_ == "trust" and (nxt.text == "Trust" or tok.lower_ == "our"):
                    end = tok.i + 2
                elif nxt.lower_ == "foundation" and tok.i + 2 < len(doc) and doc[tok.i + 2].lower_ == "trust":
                    end = tok.i + 3
            if end is None and self.pronouns and tok.lower_ in _PRONOUNS:
                end = tok.i + 1
            if end is not None and not used.intersection(range(tok.i, end)):
                out.append(self._emit(doc, doc[tok.i:end], link))
                used.update(range(tok.i, end))
        return out


@Language.factory(
    "extractor_orgs",
    assigns=["doc.spans"],
    default_config={
        "spans_key": "orgs", "refs_key": "org_refs", "overwrite": True, "window": 4, "self_references": True,
        "pronouns": False, "keep_unresolved_places": False,
    },
)
def make_org_linker(
    nlp: Language, name: str, spans_key: str, refs_key: str, overwrite: bool, window: int,
    self_references: bool, pronouns: bool, keep_unresolved_places: bool,
) -> OrgLinker:
    return OrgLinker(
        nlp, name, spans_key=spans_key, refs_key=refs_key, overwrite=overwrite, window=window,
        self_references=self_references, pronouns=pronouns, keep_unresolved_places=keep_unresolved_places,
    )
