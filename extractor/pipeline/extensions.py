"""Custom attributes the pipeline reads and writes, registered once.

Document metadata (``source``, ``title``, ``published``, ``url``) is set by the runner from
the source layer; ``home`` (the ODS code of the organisation whose own publication the
document is) by the organisation linker; ``framework`` and ``period`` are set by the framework component. Values of
matched spans are getters, so they are computed from the span's words when asked and
never go stale or need serialising.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import OrderedDict
from typing import Any

import numpy
from spacy.attrs import LOWER, SENT_START
from spacy.lang import lex_attrs
from spacy.tokens import Doc, Span
from spacy.tokens.underscore import Underscore

DOC_ATTRS = {"source": "", "title": "", "published": "", "doc_id": "", "framework": "", "period": "", "url": "",
             "home": ""}


def register_extensions() -> None:
    """Register every extension the package uses (idempotent, never ``force=True``)."""
    for name, default in DOC_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    from .quantities import quantity_of
    from .segments import segments_of

    if not Span.has_extension("quantity"):
        Span.set_extension("quantity", getter=quantity_of)
    if not Span.has_extension("segments"):
        Span.set_extension("segments", getter=segments_of)


def doc_value(doc: Doc, name: str) -> Any:
    """``doc._.get(name)``: a value set on the Doc, else the extension's default, read from
    ``doc.user_data`` where spaCy's ``Underscore`` keeps it. ``doc._`` makes an object on
    each use (a few µs); components read and set the document's metadata on every Doc.
    An extension with a getter, a method or a mutable default is asked through ``doc._``."""
    extension = Doc.get_extension(name)
    if extension is None:
        return doc._.get(name)  # which says it is not registered
    default, method, getter, _setter = extension
    if getter is not None or method is not None or isinstance(default, Underscore.mutable_types):
        return doc._.get(name)
    return doc.user_data.get(_value_key(name), default)


def set_doc_value(doc: Doc, name: str, value: Any) -> None:
    """``doc._.set(name, value)``, written where :func:`doc_value` and ``doc._`` read it."""
    extension = Doc.get_extension(name)
    if extension is None or extension[3] is not None:
        doc._.set(name, value)
    else:
        doc.user_data[_value_key(name)] = value


def _value_key(name: str) -> tuple[str, str, None, None]:
    """The ``user_data`` key of a Doc's value of extension ``name`` (``Underscore._get_key``)."""
    return ("._.", name, None, None)


# Docs whose cached values are kept: a pipeline and its readers work on one Doc at a time, and
# freeing the last one's values as soon as the next is asked about keeps the working memory
# small (8 kept cost 7% more CPU on the bench's pages, 8 rounds alternating)
RECENT_DOCS = 1
_CACHES: OrderedDict[int, tuple[Doc, dict[str, dict]]] = OrderedDict()  # id(Doc) -> (Doc, its caches)
_LAST: tuple[Doc | None, dict[str, dict]] = (None, {})  # builders ask about one Doc many times in a row


def doc_cache(doc: Doc, name: str) -> dict:
    """A dict for values computed from ``doc``'s words, kept while the Doc is among the
    ``RECENT_DOCS`` last asked about.

    Getters such as ``span._.quantity`` are asked again and again for the same span by
    the record builders. The values are kept beside the Doc rather than in its
    ``user_data``, which is serialised with it and would refuse them. Many of them are
    Spans, which hold their Doc: a cache keyed weakly by the Doc would keep every Doc of a
    batch alive, so only the ``RECENT_DOCS`` latest Docs keep theirs (every value can be
    worked out again from the words, so a Doc asked about again after another gets the
    same answers, worked out anew). The Doc asked about last is remembered, which
    spares a lookup on each of the thousands of questions about one Doc."""
    global _LAST
    last_doc, caches = _LAST
    if last_doc is not doc:
        held = _CACHES.get(id(doc))
        if held is None or held[0] is not doc:
            held = _CACHES[id(doc)] = (doc, {})
            while len(_CACHES) > RECENT_DOCS:
                _CACHES.popitem(last=False)
        else:
            _CACHES.move_to_end(id(doc))
        caches = held[1]
        _LAST = (doc, caches)
    cache = caches.get(name)
    if cache is None:
        cache = caches[name] = {}
    return cache


TEXT_KEY = "extractor.text"  # where a Doc's user_data keeps its text


def doc_text(doc: Doc) -> str:
    """``doc.text`` joins every token on each access; record builders read it often, so the
    string is made once per document (or kept by the pipeline's tokenizer, which has it)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def token_strings(doc: Doc, attr: str = "LOWER") -> list[str]:
    """Every token's ``attr`` ("LOWER", "ORTH"...) as a string, made once per Doc: reading a
    word through ``doc[i]`` builds a Token object each time, and builders scan whole sentences.
    The lower-case words are read by word number where the vocabulary lower-cases as
    ``str.lower`` (see :func:`_lower_words`)."""
    cache = doc_cache(doc, "token_strings")
    found = cache.get(attr)
    if found is None:
        if attr == "LOWER" and doc.vocab.lex_attr_getters.get(LOWER) is lex_attrs.lower:
            found = _lower_words(doc)
        else:
            strings = doc.vocab.strings
            found = [strings[value] for value in token_ids(doc, attr)]
        cache[attr] = found
    return found


_LOWER_TEXTS: list[str] = []  # the texts of the rulers' lexicon lower-cased, by word number


def _lower_words(doc: Doc) -> list[str]:
    """Each token's ``LOWER`` string, for a vocabulary whose lexemes take ``str.lower`` of
    their text as ``LOWER`` (spaCy's ``lex_attrs.lower``): the same strings as the
    StringStore's, read by the word numbers the rulers' lexicon has given the Doc from its
    texts lower-cased once each. The StringStore decodes a new string for every token, in
    twice the time (measured on the bench's pages)."""
    from .lexicon import LEXICON  # the lexicon module imports this one

    numbers = LEXICON.sequence_of(doc)[1]
    texts = LEXICON.texts
    if len(_LOWER_TEXTS) < len(texts):
        _LOWER_TEXTS.extend(text.lower() for text in texts[len(_LOWER_TEXTS):])
    return list(map(_LOWER_TEXTS.__getitem__, numbers))


def token_ids(doc: Doc, attr: str = "ORTH") -> list[int]:
    """Every token's ``attr`` as the vocabulary's id (a hash), made once per Doc."""
    cache = doc_cache(doc, "token_ids")
    found = cache.get(attr)
    if found is None:
        found = cache[attr] = doc.to_array(attr).tolist()
    return found


def distinct_ids(doc: Doc, attr: str = "ORTH") -> frozenset[int]:
    """The distinct values of :func:`token_ids`, made once per Doc."""
    cache = doc_cache(doc, "distinct_ids")
    found = cache.get(attr)
    if found is None:
        found = cache[attr] = frozenset(token_ids(doc, attr))
    return found


def sentences(doc: Doc) -> list[Span]:
    """``list(doc.sents)``, made once per Doc: each pass over ``doc.sents`` builds every
    sentence Span again, and half a dozen record builders walk the sentences."""
    cache = doc_cache(doc, "sentences")
    found = cache.get("all")
    if found is None:
        found = cache["all"] = list(doc.sents)
    return found


def text_of(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text``, cut from the Doc's text by the tokens' offsets: a component
    that reads the words of many candidate matches need not make a Span for each."""
    if start >= end:
        return ""
    offsets, lengths = token_ids(doc, "IDX"), token_ids(doc, "LENGTH")
    return doc_text(doc)[offsets[start]:offsets[end - 1] + lengths[end - 1]]


def sentence_starts(doc: Doc) -> list[int]:
    """Where each sentence starts (the tokens marked ``is_sent_start``), made once per Doc:
    the sentence of a token is then a binary search, where ``token.sent`` walks the Doc."""
    cache = doc_cache(doc, "sentences")
    found = cache.get("starts")
    if found is None:
        found = cache["starts"] = _marked(doc.to_array(SENT_START))
    return found


def keep_sentence_starts(doc: Doc, marks: numpy.ndarray) -> None:
    """Keep what :func:`sentence_starts` would read from ``marks``, the ``SENT_START`` array
    the sentence splitter has just given the Doc: the linker asks for it on most Docs, and
    reading it back from the Doc costs as much again."""
    doc_cache(doc, "sentences")["starts"] = _marked(marks)


def _marked(marks: numpy.ndarray) -> list[int]:
    return numpy.flatnonzero(marks == 1).tolist()


def span_text(span: Span) -> str:
    """``span.text``, cut from the Doc's text instead of joined token by token."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def keep_spans(doc: Doc, key: str, spans: list[Span]) -> None:
    """Keep the Spans a component has just written as ``doc.spans[key]`` for :func:`spans_in`:
    reading them back from the group makes every Span (and Tokens inside each) again. They
    stand for the group only while it is that very group, of that size (see :func:`_index`).
    An empty group costs nothing to read back, so nothing is kept for it."""
    if not spans:
        return
    group = doc.spans[key]
    doc_cache(doc, "written_spans")[key] = (group, len(group), spans)


def _index(doc: Doc, key: str) -> tuple[list[int], list[Span], list[int]]:
    cache = doc_cache(doc, "span_index")
    if key not in cache:
        spans = sorted(_group_spans(doc, key), key=lambda s: (s.start, s.end))
        cache[key] = ([s.start for s in spans], spans, [s.start_char for s in spans])
    return cache[key]


def _group_spans(doc: Doc, key: str) -> list[Span]:
    """The Spans of ``doc.spans[key]``: those its writer kept (:func:`keep_spans`) when the
    group is still the one it wrote (a later component may replace it), else read from it."""
    group = doc.spans.get(key)
    if group is None:
        return []
    kept = doc_cache(doc, "written_spans").get(key)
    if kept is not None and kept[0] is group and kept[1] == len(group):
        return kept[2]
    return list(group)


def spans_in(doc: Doc, key: str, start: int, end: int, *, chars: bool = False) -> list[Span]:
    """Spans of ``doc.spans[key]`` lying within tokens ``[start, end)`` (or characters, with
    ``chars``), by binary search: record builders ask this for every sentence, line and table
    cell, and a scan of all spans each time is quadratic."""
    token_starts, spans, char_starts = _index(doc, key)
    starts = char_starts if chars else token_starts
    out = []
    for k in range(bisect_left(starts, start), len(spans)):
        span = spans[k]
        if (span.start_char if chars else span.start) >= end:
            break
        if (span.end_char if chars else span.end) <= end:
            out.append(span)
    return out


def doc_date(doc: Doc):
    """The document's publication date (``doc._.published``) as a date, or None."""
    from ..dates import to_date

    return to_date(doc_value(doc, "published") or "")
