"""``extractor_ranks`` marks league positions (RANK), a bare 'at 123' that is one only beside a
name (RANK_AT), superlatives and table ends (RANK_SUPER) and the measures of other lists
(RANK_METRIC); the patterns are ``models/patterns/ranks.jsonl``."""

from __future__ import annotations

import pytest
from spacy.language import Language


def marks(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(s.text, s.label_) for s in doc.spans["ranks"]]


@pytest.mark.parametrize(("text", "expected"), [
    ("It was ranked 87 out of 134.", ("ranked 87 out", "RANK")),
    ("It is placed at 119.", ("placed at 119.", "RANK")),
    ("It came in at 108, behind two others.", ("came in at 108,", "RANK")),
    ("It now sits at number 93 in the table.", ("sits at number 93", "RANK")),
    ("It appears at rank 88.", ("at rank 88.", "RANK")),
    ("It is at position 9; few expected that.", ("is at position 9", "RANK")),
    ("It has a ranking of only 97.", ("ranking of only 97", "RANK")),
    ("It was ranked joint 74 overall.", ("ranked joint 74 overall", "RANK")),
    ("The figures put it 77 in the league table.", ("77 in the league", "RANK")),
    ("It was rated twentieth nationally.", ("rated twentieth", "RANK")),
    ("It finished in fourteenth place.", ("finished in fourteenth", "RANK")),
    ("It appears at number three within category two.", ("at number three within", "RANK")),
])
def test_positions(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    assert expected in marks(nlp, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Another trust at 117, then ours.", ("at 117,", "RANK_AT")),
    ("Just behind it at 64.", ("at 64.", "RANK_AT")),
    ("A neighbour at 33 overall.", ("at 33 overall", "RANK_AT")),
    ("The top-ranked trust is ours.", ("top-ranked", "RANK_SUPER")),
    ("It was the lowest ranked acute trust.", ("was the lowest", "RANK_SUPER")),
    ("It is the fifth best in England.", ("the fifth best", "RANK_SUPER")),
    ("It is at the bottom of the table.", ("at the bottom", "RANK_SUPER")),
    ("At the other end is another trust.", ("At the other end", "RANK_SUPER")),
    ("It was tenth for elective waits.", ("for elective", "RANK_METRIC")),
    ("It was third for the proportion of patients seen.", ("for the proportion", "RANK_METRIC")),
])
def test_weak_positions_superlatives_and_measures(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    assert expected in marks(nlp, text)


@pytest.mark.parametrize("text", [
    "The trust scored 2.4 overall.",
    "The number of trusts in segment 4 is 21.",
    "Call 0300 123 4567 at 9am.",
    "NHS England placed 12 trusts in the programme.",
    "It met the standard for category 2 calls in 2025.",
    "The CQC rated it good in 2024.",
    "It was placed in segment 3 at the end of June.",
    "Twelve trusts were named, among them four in London.",
])
def test_no_position(nlp: Language, text: str) -> None:
    assert [m for m in marks(nlp, text) if m[1] in {"RANK", "RANK_AT", "RANK_SUPER"}] == []
