"""A league's size and an earlier rank are no counts in a segment: 'is in segment 4 and ranked
118 of 134 acute trusts, compared with 121 in quarter 2' counts neither 134 nor 121 trusts in
segment 4 (the 134 is at most the population's size, with no segment)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.reading import read_doc


def segment_counts(nlp: Language, text: str) -> list[tuple[tuple[int, ...], int | None]]:
    return sorted((c.segments, c.count) for c in read_doc(nlp(text)).claims if c.segments)


LEAGUES = [
    "The Trust remains in segment 4 and is ranked 118 of 134 acute trusts, compared with 121 in quarter 2.",
    "The Trust remains in segment 4 and is ranked 118 of 134 acute trusts.",
    "2.2 The Trust remains in segment 4 and is ranked 118 of 134 acute trusts, compared to 121 in quarter 2.",
    "Mid Cheshire Hospitals NHS Foundation Trust is in segment 4 and ranked 118th of 134 acute trusts "
    "(121 in quarter 2).",
    "The trust is in segment 3 and ranked 40th out of 134 acute trusts, up from 52 in the previous quarter.",
    "The trust was placed in segment 4 and came last of the 61 non-acute trusts.",
    "We remain in segment 2, joint 45th of 134 acute trusts.",
    "The trust is in segment 3, in 70th place among 134 acute trusts, against 75 last quarter.",
]


@pytest.mark.parametrize("text", LEAGUES)
def test_a_league_size_or_earlier_rank_is_no_count(nlp: Language, text: str) -> None:
    assert segment_counts(nlp, text) == []


STILL_COUNTS = [  # counts of a segment near a rank, or compared with an earlier count, stay counts
    ("Of the 134 acute trusts, 17 are in segment 4.", [((4,), 17)]),
    ("There are 17 trusts in segment 4, up from 12 last quarter.", [((4,), 17)]),
    ("Four of the 42 ICBs are in segment 4.", [((4,), 4)]),
    ("Three of the top 20 trusts are in segment 1, and 17 trusts are in segment 4.", [((4,), 17)]),
]


@pytest.mark.parametrize(("text", "expected"), STILL_COUNTS)
def test_a_segment_count_beside_a_rank_stays(nlp: Language, text: str, expected: list) -> None:
    assert segment_counts(nlp, text) == expected
