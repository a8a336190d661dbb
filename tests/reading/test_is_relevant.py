"""Which documents are about oversight: a page that places an organisation in or out of
special measures, the Recovery Support Programme, "NOF4" or a segment, or ranks it in a
league table, is relevant even when no record could be read from it."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.reading import is_relevant, read_doc


def relevant(nlp: Language, text: str) -> bool:
    doc = nlp(text)
    return is_relevant(doc, read_doc(doc))


@pytest.mark.parametrize("text", [
    "We have taken the trust out of special measures following the inspection.",
    "The hospital trust comes out of quality special measures today.",
    "Our trust is no longer in the Recovery Support Programme.",
    "The ICB has joined NHS England's recovery support programme.",
    "Regulators lifted the ambulance trust out of special measures for quality.",
    "The trust was moved out of NOF4 this week.",
    "NHS England placed the ICB in segment four in June.",
    "Patients reacted to the new league tables, which placed Royal Free London NHS Foundation Trust 95th.",
    "The league tables show Barts Health NHS Trust well down the list.",
    "The trust remains in special measures while it recruits a new chief executive.",
])
def test_placing_or_ranking_an_organisation_is_relevant(nlp: Language, text: str) -> None:
    assert relevant(nlp, text)


@pytest.mark.parametrize("text", [
    "The trust remains in financial special measures while it cuts its deficit.",
    "Five hospital trusts entered financial special measures in the first wave.",
    "Category 2 calls waited 40 minutes for an ambulance in March.",
    "The retail segment grew 4% this quarter.",
    "The hospital opened a new car park for visitors.",
    "The football league table has the club in third place.",
    "Shares in the health segment rose as the trust fund sold its stake.",
    "The council will meet the trust to discuss parking charges.",
])
def test_other_regimes_and_other_news_are_not(nlp: Language, text: str) -> None:
    assert not relevant(nlp, text)
