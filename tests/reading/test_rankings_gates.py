"""The fast paths of the league-position readers (``reading.rankings``, ``rank_lists``,
``rank_words``) keep their promise: each finds from the Doc's word ids what a walk over its
Tokens found, and a page or sentence they skip could have yielded nothing. The pages are the
phrasings of ``test_rankings`` (our own), one by one and run together, plus pages without any
position.
"""

from __future__ import annotations

import pytest
import regex
from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor.pipeline.extensions import sentences
from extractor.reading import rank_lists, rankings, read_doc, subjects
from extractor.reading.rank_words import (
    clause_end,
    names_the_league,
    relative_antecedent,
    sentence_of,
    span_group,
    text_at,
    texts_of,
    window,
)
from extractor.records import DocResult

from . import test_rankings as phrasings

PUBLISHED = phrasings.PUBLISHED


def _phrasings() -> list[str]:
    """Every sentence of the tables of ``test_rankings``."""
    out = []
    for value in vars(phrasings).values():
        if isinstance(value, list) and value and all(isinstance(v, (str, tuple)) for v in value):
            out += [v if isinstance(v, str) else v[0] for v in value if isinstance(v, str) or isinstance(v[0], str)]
    return out


PHRASINGS = _phrasings()
WITHOUT_POSITIONS = [
    "The board met on Tuesday to discuss the oversight framework and its segments.",
    "Acute trusts in the region were told to cut waiting lists before winter.",
    "Frimley Health NHS Foundation Trust opened a new ward. It was followed by a second one in May.",
    # no rank span and no position word, but a numbered line ranks an organisation 'followed by' another
    "The new acute league table:\n1. Frimley Health NHS Foundation Trust, followed by Barts Health NHS Trust\n"
    "2. Homerton Healthcare NHS Foundation Trust\n3. Walsall Healthcare NHS Trust\n",
]
# position words in odd letters: a long s, capitals, a dotted capital I
ODD_LETTERS = ["Homerton came thİrd, Frimley ſecond, Walsall 2ND and Barts FİFTH=; TOP of the table was Medway.",
               "It was thİ the 1St of the İ trusts, then fİrst; Lancashire - Bottom."]
PAGES = [PUBLISHED + text for text in PHRASINGS + WITHOUT_POSITIONS + ODD_LETTERS]
# five sentences a page, so that a position can take its subject from a sentence before it
PAGES += [PUBLISHED + " ".join(PHRASINGS[k:k + 5]) for k in range(0, len(PHRASINGS), 5)]


@pytest.fixture(scope="module")
def docs(nlp: Language) -> list[Doc]:
    return list(nlp.pipe(PAGES))


def test_there_are_pages_of_each_kind(docs: list[Doc]) -> None:
    assert len(PHRASINGS) > 100
    assert any(rank_lists.position_words(doc) for doc in docs)
    assert any(not rank_lists.position_words(doc) and not doc.spans.get("ranks") for doc in docs)


def test_position_words_are_the_tokens_a_walk_finds(docs: list[Doc]) -> None:
    for doc in docs:
        walked = [t.i for t in doc[1:] if t.lower_ in {"top", "bottom"} or rank_lists._BARE_ORDINAL.match(t.text)]
        assert rank_lists.position_words(doc) == walked


def test_followed_by_is_found_as_a_walk_finds_it(docs: list[Doc]) -> None:
    for doc in docs:
        walked = [t.i for t in doc if t.lower_ == "followed" and t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "by"]
        assert rank_lists._followed_by(doc) == walked


def test_sentence_of_a_token_is_its_sentence(docs: list[Doc]) -> None:
    for doc in docs:
        for tok in doc:
            sent = sentence_of(doc, tok.i)
            assert (sent.start, sent.end) == (tok.sent.start, tok.sent.end)


def _read(doc: Doc) -> list[str]:
    result = read_doc(doc)
    return [repr(r) for r in result.rankings] + [repr(c) for c in result.claims]


def test_a_page_the_gate_skips_yields_what_it_yields_unskipped(docs: list[Doc], nlp: Language,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """With the page gate of ``read_rankings`` held open, every page yields the same records."""
    gated = [_read(doc) for doc in docs]
    monkeypatch.setattr(rankings, "_nothing_to_read", lambda doc, spans, result: False)
    assert [_read(doc) for doc in nlp.pipe(PAGES)] == gated


def test_the_subject_carried_over_is_the_one_the_walk_over_every_sentence_carries(
        docs: list[Doc], monkeypatch: pytest.MonkeyPatch) -> None:
    """Only sentences with positions are read; the organisation the text was last about, which a
    position without a subject of its own takes, is the first subject of the latest sentence
    that has one, as when every sentence was walked."""
    seen: list[tuple[Span, list, list]] = []
    monkeypatch.setattr(rankings, "_read_span", lambda doc, sent, span, orgs, last, hint, result, held, more:
                        seen.append((sent, list(orgs), list(last))))
    for doc in docs:
        seen.clear()
        rankings.read_rankings(doc, DocResult())
        orgs_of = {sent.start: orgs for sent, orgs, _ in seen}
        last: list = []
        for sent in sentences(doc):
            for _, _, carried in (s for s in seen if s[0].start == sent.start):
                assert carried == last
            orgs = orgs_of.get(sent.start, subjects.candidates(doc, sent))
            last = [orgs[0]] if orgs else last


def test_window_and_texts_are_what_the_tokens_say(docs: list[Doc]) -> None:
    for doc in docs:
        for start in range(-2, len(doc) + 2, 3):
            end = start + 7
            assert window(doc, start, end) == [t.i for t in doc[max(start, 0):min(end, len(doc))] if not t.is_space]
            if start >= 0:
                assert texts_of(doc, start, end) == [t.text for t in doc[start:end]]
        every = range(-len(doc), len(doc))
        assert [text_at(doc, k) for k in every] == [doc[k].text for k in every]


# the league tables named as one alternation, as read_rankings once searched for them
ONE_ALTERNATION = regex.compile(r"\bleague|oversight|segment|\bNOF\b|\bframework\b|\bacute\s+(?:nhs\s+)?trusts|"
                                r"non-acute|ambulance\s+trusts|\btrusts?\s+tables?\b|"
                                r"\b(?:of|out\s+of|among)\s+(?:the\s+)?(?:134|135|61)\b", regex.I)


@pytest.mark.parametrize("text", [
    *PAGES,
    "Homerton Healthcare was ranked 30th out of 61.", "It came 9th of the 134.", "Fourth among 135 providers.",
    "The trust tables were late.", "A NOF3 trust.", "Ranked 61st of 61 teams.", "Ranked 7th out of 613 shops.",
    "The Leagues of Gentlemen.", "nof", "Acute NHS  trusts", "NON-ACUTE", "a new  Framework.", "among the 1345",
    "OVERSIGHT", "the ambulance trust", "Top 100 employers: the firm came 45th of 100.", "",
])
def test_the_league_is_named_where_one_alternation_finds_it(text: str) -> None:
    assert names_the_league(text) == (ONE_ALTERNATION.search(text) is not None)


def test_the_sentence_of_a_span_start_is_what_span_sent_gives(docs: list[Doc]) -> None:
    for doc in docs:
        spans = list(doc.spans.get("ranks", [])) + list(doc.spans.get("orgs", []))
        spans += [doc[k:k + 4] for k in range(0, len(doc) - 4, 3)]  # some across a sentence boundary
        for span in spans:
            sent = sentence_of(doc, span.start)
            assert (sent.start, sent.end) == (span.sent.start, span.sent.end)


def test_clause_end_is_where_a_walk_stops(docs: list[Doc]) -> None:
    stops = {",", ";", ":", ".", "(", ")", "–", "—", "but", "while", "whilst", "although"}
    for doc in docs:
        for sent in sentences(doc):
            for start in range(sent.start, sent.end + 1):
                walked = next((t.i for t in doc[start:sent.end] if t.text in stops), sent.end)
                assert clause_end(doc, sent, start) == walked


def _bounds(span: Span | None) -> tuple[int, int, str] | None:
    return None if span is None else (span.start, span.end, span.id_)


def test_a_relative_antecedent_is_asked_for_only_where_one_can_be(docs: list[Doc]) -> None:
    """Where 'which' or 'who' does not stand before the position, the walk finds no antecedent."""
    for doc in docs:
        for sent in sentences(doc):
            for idx in range(sent.start, sent.end + 1):
                assert _bounds(relative_antecedent(doc, sent, idx)) == \
                    _bounds(subjects.relative_antecedent(doc, sent, idx))


def test_a_span_group_is_the_docs_group_in_its_order(docs: list[Doc]) -> None:
    for doc in docs:
        for key in ("ranks", "populations"):
            assert span_group(doc, key) == list(doc.spans.get(key, []))
