"""Which organisation a sentence is about, for statements and league positions.

Candidates are the linker's organisation mentions (``doc.spans["orgs"]``) and resolved
self-references ("the Trust" in a trust's own paper, ``doc.spans["org_refs"]``). A
mention governed by a preposition or possessive ("to the west of NSFT's patch") is not a
subject. When the linker found nothing before the verb, a capitalised name opening the
sentence ("Homerton was ranked 30th", "Frimley is the only board in segment 1") is
accepted if the gazetteer resolves it with the sentence's type hint.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span

GOVERNING = {"of", "to", "from", "with", "by", "for", "at", "on", "than", "against", "behind", "above", "below",
             "like", "unlike", "including", "under", "between"}
_JOINERS = {"and", "&", "of", "the", "'s", "’s", "-", "st", "st."}


def candidates(doc: Doc, sent: Span) -> list[Span]:
    """Organisation mentions in ``sent`` that can be the subject of a clause, in order."""
    spans = [o for o in doc.spans.get("orgs", []) if o.start >= sent.start and o.end <= sent.end]
    spans += [r for r in doc.spans.get("org_refs", []) if r.id_ and r.start >= sent.start and r.end <= sent.end]
    out = []
    for span in sorted(spans, key=lambda s: s.start):
        before = doc[span.start - 1].lower_ if span.start > sent.start else ""
        after = doc[span.end].text if span.end < len(doc) else ""
        if before in GOVERNING or after in {"'s", "’s", "'"}:
            continue
        out.append(span)
    return out


def _doc_date(doc: Doc) -> dt.date | None:
    iso = doc._.published or ""
    try:
        return dt.date.fromisoformat(iso if len(iso) == 10 else f"{iso[:7]}-01") if iso else None
    except ValueError:
        return None


def leading_name(doc: Doc, sent: Span, limit: int, org_type: str | None) -> Span | None:
    """A capitalised name opening the sentence, kept only when the gazetteer resolves it."""
    from .gazetteer import load_gazetteer

    toks = [t for t in doc[sent.start:limit] if not t.is_space]
    if not toks or not toks[0].is_title or toks[0].lower_ in {"the", "it", "this", "they", "we", "our", "a", "an",
                                                              "in", "of", "all", "only", "none", "one"}:
        return None
    end = 0
    for k, tok in enumerate(toks):
        if tok.is_title or tok.is_upper or (tok.lower_ in _JOINERS and k + 1 < len(toks) and toks[k + 1].is_title):
            end = k + 1
            continue
        break
    if not end:
        return None
    span = doc[toks[0].i:toks[end - 1].i + 1]
    hint = org_type if org_type and org_type not in {"trust", "other"} else None
    link = load_gazetteer().resolve(span.text, org_type=hint, on=_doc_date(doc), context=sent.text)
    if not link.code:
        return None
    return Span(doc, span.start, span.end, label=link.org_type, span_id=link.code)
