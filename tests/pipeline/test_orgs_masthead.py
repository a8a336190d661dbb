"""A masthead line's other words are read until one says no: the answer is that of reading
them all (three masthead words at most, spaces and punctuation aside)."""

from __future__ import annotations

import pytest
import spacy

from extractor.pipeline.orgs import _MASTHEAD_WORDS, _little_else

LINES = ["Medway NHS Foundation Trust | News", "Medway NHS Foundation Trust placed in segment 4 today",
         "News from Medway NHS Foundation Trust", "Published by Medway NHS Foundation Trust: home",
         "Welcome to the news of Medway NHS Foundation Trust", "  Medway NHS Foundation Trust — ",
         "by the Medway NHS Foundation Trust - news - home", "", "| | |"]


@pytest.mark.parametrize("text", LINES)
def test_little_else_reads_as_all_the_words(text: str) -> None:
    doc = spacy.blank("en")(text)
    for covered in ({i for i, t in enumerate(doc) if t.text in {"Medway", "NHS", "Foundation", "Trust"}}, set()):
        line = doc[:]
        left = [t for t in line if t.i not in covered and not t.is_space and not t.is_punct]
        assert _little_else(line, covered) == (len(left) <= 3 and all(t.lower_ in _MASTHEAD_WORDS for t in left))
