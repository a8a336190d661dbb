"""A pronoun after a fronted phrase ('In quarter 1, it was ranked 80th', 'Last quarter we were
in segment 4') is the subject the sentence opens with once the phrase is set aside: the
page's organisation, as an opening 'it' or 'we' is."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.reading import read_doc
from extractor.reading.subjects import subject_start

LEAD = ("Published: 10 December 2025\nThe quarterly NHS league tables came out this week. "
        "Wirral University Teaching Hospital NHS Foundation Trust is a large acute trust. ")
WIRRAL = "RBL"

FRONTED = [
    "In quarter 1", "In quarter 1,", "In Q2", "In September", "In September,", "Last quarter", "Last quarter,",
    "This year", "At the end of June,", "In the first quarter of 2025/26,", "As of December,", "Overall,",
    "However,", "Nationally,", "In the latest tables,", "Since then,", "But", "And now", "However, in Q2",
]


@pytest.mark.parametrize("fronted", FRONTED)
@pytest.mark.parametrize("clause", ["it was ranked 80th of 134 acute trusts.",
                                    "it climbed to 80th of 134 acute trusts.",
                                    "we were ranked 80th of 134 acute trusts.", "it is placed 80th out of 134."])
def test_a_pronoun_after_a_fronted_phrase_is_ranked(nlp: Language, fronted: str, clause: str) -> None:
    result = read_doc(nlp(LEAD + f"{fronted} {clause}"))
    assert [(r.ods_code, r.rank) for r in result.rankings] == [(WIRRAL, 80)]


@pytest.mark.parametrize("fronted", FRONTED)
@pytest.mark.parametrize("clause", ["it was in segment 4.", "we were in segment 4.", "it moved into segment 4."])
def test_a_pronoun_after_a_fronted_phrase_is_placed(nlp: Language, fronted: str, clause: str) -> None:
    result = read_doc(nlp(LEAD + f"{fronted} {clause}"))
    assert {(m.ods_code, m.segment) for m in result.memberships} == {(WIRRAL, 4)}


@pytest.mark.parametrize("sentence, subject", [
    ("In quarter 1 it was ranked 80th.", "it"),
    ("In quarter 1, we were ranked 80th.", "we"),
    ("Last quarter the trust was 80th.", "the"),
    ("At the end of June, it was 80th.", "it"),
    ("However, in Q2 we were 80th.", "we"),
    ("But it remains in segment 4.", "it"),
    ("Overall, the trust is 80th.", "the"),
    # the sentence opens with its subject, or what comes first is not a phrase set before one
    ("It was ranked 80th.", None),
    ("This trust is in segment 3.", None),
    ("Last year's rankings put it 80th.", None),
    ("In Leeds it was ranked 80th, and we were 90th.", None),
    ("As the trust was ranked 80th, we were 90th.", None),
    # a name after the phrase is where the subject stands too
    ("In September Leeds Teaching Hospitals NHS Trust was ranked 80th.", "leeds"),
    ("In the region, Leeds Teaching Hospitals NHS Trust is 80th.", "leeds"),
])
def test_where_the_subject_stands(nlp: Language, sentence: str, subject: str | None) -> None:
    doc = nlp(sentence)
    sent = next(iter(doc.sents))
    start = subject_start(doc, sent)
    assert (doc[start].lower_ if start is not None else None) == subject


@pytest.mark.parametrize("text", [
    "In Leeds, Leeds Teaching Hospitals NHS Trust was ranked 80th of 134 acute trusts.",
    "Last quarter Leeds Teaching Hospitals NHS Trust was ranked 80th of 134 acute trusts.",
])
def test_a_named_body_after_a_fronted_phrase_keeps_its_position(nlp: Language, text: str) -> None:
    result = read_doc(nlp(LEAD + text))
    assert [(r.ods_code, r.rank) for r in result.rankings] == [("RR8", 80)]
