"""Counts the text corrects, denies or passes on as hearsay are no claims (``claims/reported.py``).

Each row of REPORTED is our own phrasing of a correction ('an earlier version wrongly said'),
a denial ('it is not true that', 'X denied that', 'reports ... are untrue', a denial in the
next sentence) or hearsay ('rumours that', 'some reports claimed that'); it must give no claim
of the reported figure. KEPT holds plain reports, confirmations and the corrected figure
itself, which stay claims.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.reading import read_doc

Row = tuple[str, tuple[int, ...], int | None]


def claims_of(nlp: Language, text: str) -> list[Row]:
    return sorted((c.org_type, tuple(c.segments), c.count) for c in read_doc(nlp(text)).claims)


REPORTED = [
    # corrections of the writer's own earlier words
    "Correction: an earlier post said 19 trusts were in segment 4.",
    "An earlier version of this article wrongly said 19 trusts were in segment 4.",
    "A previous version of this story stated that 19 trusts had been placed in segment 4.",
    "The original post reported that nineteen trusts sat in segment 4.",
    "We wrongly reported yesterday that 19 trusts were in segment 4.",
    "This article incorrectly stated that 19 trusts are in segment 4.",
    "We previously said 19 trusts were in segment 4.",
    "Our bulletin mistakenly gave 19 trusts as being in segment 4.",
    "Update: we reported earlier that 19 trusts were in segment 4.",
    # denials
    "It is not true that 19 trusts are in segment 5.",
    "It is untrue that 19 trusts are in segment 5.",
    "It is false that 19 trusts are in segment 5.",
    "It is not the case that 19 trusts are in segment 5.",
    "It is wrong to say that 19 trusts are in segment 5.",
    "NHS England denied that 19 trusts had been placed in segment 4.",
    "The regulator has rejected claims that 19 trusts are in segment 4.",
    "Officials dismissed suggestions that 19 trusts are in segment 5.",
    "There is no truth in claims that 19 trusts are in segment 4.",
    "Reports that 19 trusts are in segment 4 have been denied by NHS England.",
    "Claims that 19 trusts are in segment 4 are wrong.",
    "Suggestions that 19 trusts sit in segment 4 are inaccurate.",
    "Some posts said 19 trusts were in segment 4. That is not true.",
    "Some posts said 19 trusts were in segment 4. This is wrong.",
    "A local paper reported that 19 trusts were in segment 4. That is not the case.",
    # hearsay
    "Rumours that 12 trusts will be placed in segment 5 are untrue.",
    "Rumours that 12 trusts will be placed in segment 5 have been circulating for weeks.",
    "There is speculation that 12 trusts are in segment 5.",
    "It is rumoured that 12 trusts will be put in segment 5.",
    "Some reports claimed that 19 trusts were in segment 4.",
    "Social media posts claimed that 19 trusts were in segment 4.",
]


@pytest.mark.parametrize("text", REPORTED)
def test_a_reported_count_is_no_claim(nlp: Language, text: str) -> None:
    assert claims_of(nlp, text) == []


KEPT = [
    ("18 trusts are in segment 4, not 19 as previously reported.", [("trust", (4,), 18)]),
    ("As previously reported, 18 trusts are in segment 4.", [("trust", (4,), 18)]),
    ("As we reported earlier, 18 trusts are in segment 4.", [("trust", (4,), 18)]),
    ("NHS England said 18 trusts are in segment 4.", [("trust", (4,), 18)]),
    ("NHS England reported that 18 trusts were in segment 4.", [("trust", (4,), 18)]),
    ("The first report showed 18 trusts were in segment 4.", [("trust", (4,), 18)]),
    ("NHS England's initial briefing said 18 trusts were in segment 4.", [("trust", (4,), 18)]),
    ("Reports that 18 trusts are in segment 4 were confirmed by NHS England.", [("trust", (4,), 18)]),
    ("An earlier version said 19 trusts were in segment 4; in fact 18 trusts are in segment 4.",
     [("trust", (4,), 18)]),
    ("It is not true that 19 trusts are in segment 5 - only 12 trusts are in segment 5.", [("trust", (5,), 12)]),
    ("It is wrong that 18 trusts are stuck in segment 4.", [("trust", (4,), 18)]),
    ("18 trusts were wrongly placed in segment 4, campaigners say.", [("trust", (4,), 18)]),
    ("NHS England said 18 trusts were in segment 4. That is the highest number yet.", [("trust", (4,), 18)]),
    ("NHS England said 18 trusts were in segment 4. It is not clear why.", [("trust", (4,), 18)]),
    ("18 trusts are in segment 4. It is not true that this is a record.", [("trust", (4,), 18)]),
]


@pytest.mark.parametrize(("text", "expected"), KEPT)
def test_a_stated_count_stays_a_claim(nlp: Language, text: str, expected: list[Row]) -> None:
    assert claims_of(nlp, text) == expected


def test_the_true_count_beside_a_correction_stays(nlp: Language) -> None:
    text = "18 trusts are in segment 4. Correction: an earlier post said 19 trusts were in segment 4."
    assert claims_of(nlp, text) == [("trust", (4,), 18)]
