"""The linker's reads without Tokens answer as the Token reads they replace: a span's words
cut by the lexicon's word lengths, and a masthead line ruled out by its first word."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from extractor.pipeline.orgs import _LINE, _edge_lines, _edge_spans, _little_else, _says_more, _WordCutter
from extractor.pipeline.ruler import longest_pairs

CORPUS = sorted((Path(__file__).resolve().parents[2] / "corpora").glob("*.txt"))[:15]
LINES = ["Medway NHS Foundation Trust | News", "News from Medway NHS Foundation Trust: home",
         "  Medway NHS Foundation Trust — ", "| | | by the", "Trust\u00a0News  ", "  ", "Medway 4 NHS"]


@pytest.fixture(scope="module")
def docs(nlp: Language) -> list[Doc]:
    texts = [path.read_text(encoding="utf-8") for path in CORPUS] + ["\n".join(LINES), *LINES]
    return [nlp(text) for text in texts if text.strip()]


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_word_cutter_cuts_what_a_span_says(nlp: Language, docs: list[Doc], data: st.DataObject) -> None:
    doc = data.draw(st.sampled_from(docs))
    start = data.draw(st.integers(0, len(doc)))
    end = data.draw(st.integers(start, min(len(doc), start + 12)))
    cut = _WordCutter(doc)
    assert cut(start, end) == doc[start:end].text


def test_a_line_ruled_out_by_a_word_is_ruled_out_by_reading_it(docs: list[Doc]) -> None:
    ruled_out = 0
    for doc in docs:
        covers = [set(), {i for s in doc.spans["orgs"] for i in range(s.start, s.end)}]
        for start, end in _edge_lines(doc.text):
            line = doc.char_span(start, end, alignment_mode="expand")
            for covered in covers:
                if _says_more(doc, start, end, covered):
                    ruled_out += 1
                    assert not _little_else(line, covered)
    assert ruled_out > 20


def _edge_lines_by_pattern(text: str, n: int = 3, reach: int = 800) -> list[tuple[int, int]]:
    head = [(m.start(), m.end()) for m in _LINE.finditer(text[:reach])][:n]
    cut = max(0, len(text) - reach)
    tail = [(cut + m.start(), cut + m.end()) for m in _LINE.finditer(text[cut:])][-n:]
    return head + [r for r in tail if r not in head]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \n\t\u00a0\u2028.|"), max_size=60), st.integers(0, 3),
       st.integers(1, 40))
def test_edge_lines_of_a_paragraph_are_the_patterns(text: str, n: int, reach: int) -> None:
    assert _edge_lines(text, n, reach) == _edge_lines_by_pattern(text, n, reach)


def test_mentions_are_the_longest_of_the_matches_that_can_name(nlp: Language, docs: list[Doc]) -> None:
    """The linker skips reading a match that a longer one kept covers: what it keeps is
    ``longest_pairs`` of every match whose words can name a body."""
    linker = nlp.get_pipe("orgs")
    kept = 0
    for doc in docs:
        found, _refs = linker._matches(doc)
        cut = _WordCutter(doc)
        naming = [(start, end, cut(start, end)) for start, end in found if linker._can_name(cut(start, end))]
        longest = longest_pairs(naming)
        assert linker._mentions(found, cut) == ([(start, end) for start, end, _ in longest], [w for *_, w in longest])
        kept += len(naming)
    assert kept > 50


def test_edge_spans_are_those_an_edge_line_can_hold(docs: list[Doc]) -> None:
    for doc in docs:
        named = list(doc.spans["orgs"])
        placed = _edge_spans(named, min(len(doc.text), 800), max(0, len(doc.text) - 800))
        for start, end in _edge_lines(doc.text):
            assert [s for s in named if s.start_char >= start and s.end_char <= end] == \
                [s for first, last, s in placed if first >= start and last <= end]
