"""The linker's reads without Tokens answer as the Token reads they replace: a span's words
cut by the lexicon's word lengths, and a masthead line ruled out by its first word."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from extractor.pipeline.orgs import _LINE, _edge_lines, _little_else, _says_more, _WordCutter

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
    if start < end:
        assert cut.many([(start, end)]) == [doc[start:end].text]


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
@given(st.text(alphabet=st.sampled_from("ab \n\t\u00a0\u2028.|"), max_size=30), st.integers(0, 3),
       st.integers(1, 40))
def test_edge_lines_of_a_paragraph_are_the_patterns(text: str, n: int, reach: int) -> None:
    assert _edge_lines(text, n, reach) == _edge_lines_by_pattern(text, n, reach)
