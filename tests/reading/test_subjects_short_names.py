"""A body named in full once may later be called by its first words ('Harrogate was 13th')."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.reading import read_doc

HEAD = "Tuesday 9 September 2025\nLocal trusts in the new NHS league tables\n\n"


@pytest.mark.parametrize(("text", "expected"), [
    ("Harrogate and District NHS Foundation Trust has done well. Harrogate was 13th out of 134 acute trusts and "
     "in segment one.", [("RCD", 1)]),
    ("Airedale NHS Foundation Trust has published its results. Airedale is in segment 2.", [("RCF", 2)]),
    ("We looked at Barts Health NHS Trust and its neighbours. Barts remains in segment 3.", [("R1H", 3)]),
])
def test_a_body_called_by_the_first_words_of_its_full_name(nlp: Language, text: str,
                                                           expected: list[tuple[str, int]]) -> None:
    got = [(m.ods_code, m.segment) for m in read_doc(nlp(HEAD + text)).memberships]
    assert all(pair in got for pair in expected), got


@pytest.mark.parametrize("text", [
    # a first word shared by two bodies named, or too common to stand for one
    "University Hospitals Sussex NHS Foundation Trust and University Hospitals Dorset NHS Foundation Trust were "
    "ranked. University is in segment 2.",
    "Royal Devon University Healthcare NHS Foundation Trust was ranked. Royal is in segment 2.",
    # a name no body of the page begins with, or a place as a modifier
    "Harrogate and District NHS Foundation Trust has published its results. Harrogate-based charities are in "
    "segment 2.",
    "Airedale NHS Foundation Trust has published its results. Keighley is in segment 2.",
])
def test_a_first_word_that_does_not_pick_one_body_names_nobody(nlp: Language, text: str) -> None:
    got = [m for m in read_doc(nlp(HEAD + text)).memberships if m.segment == 2]
    assert got == []


@pytest.mark.parametrize("text", [
    "Medway NHS Foundation Trust is in segment 3. Last year it was in segment 4.",
    "Medway NHS Foundation Trust is 40th in the NHS league table. Last quarter it was ranked 101st.",
])
def test_an_initialism_opens_a_sentence_only_in_capitals(nlp: Language, text: str) -> None:
    """'LAST' is London Ambulance Service's initialism; 'Last year' names nobody."""
    result = read_doc(nlp(HEAD + text))
    assert all(r.ods_code != "RRU" for r in [*result.memberships, *result.rankings])


@pytest.mark.parametrize("text", [
    "Shropshire health system and its acute trust join the Recovery Support Programme.",
    "Shropshire health system has been placed in segment 4.",
    "Shropshire system leaders were told the area is in segment 4.",
    "Shropshire ICS enters the Recovery Support Programme.",
    "Shropshire health economy is now in segment 4.",
    "Shropshire health and care system moves into segment 4.",
])
def test_a_county_before_system_words_is_not_its_community_trust(nlp: Language, text: str) -> None:
    """'Shropshire health system': the county's system, not the trust whose name it opens."""
    body = " Shropshire Community Health NHS Trust is in segment 2."
    got = [(m.ods_code, m.segment) for m in read_doc(nlp(HEAD + text + body)).memberships]
    assert ("R1D", 4) not in got and ("R1D", 2) in got, got


@pytest.mark.parametrize(("text", "expected"), [
    ("Shropshire Community Health NHS Trust is in segment 4.", ("R1D", 4)),
    ("Shropshire Community Health NHS Trust, part of the county's health system, is in segment 4.", ("R1D", 4)),
    ("Kent and Medway ICS has been placed in segment 3.", ("QKS", 3)),
])
def test_named_bodies_beside_system_words_still_read(nlp: Language, text: str, expected: tuple[str, int]) -> None:
    got = [(m.ods_code, m.segment) for m in read_doc(nlp(HEAD + text)).memberships]
    assert expected in got, got
