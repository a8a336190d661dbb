"""``extractor_populations``: the kinds of organisation a count is about, labelled with
the contract's ``org_type`` vocabulary."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.schema import ORG_TYPES


def populations(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(s.text, s.label_) for s in doc.spans["populations"]]


POPULATIONS = [
    ("more than half (23) of the 42 Integrated Care Systems (ICSs)", "Integrated Care Systems", "icb"),
    ("more than half (23) of the 42 Integrated Care Systems (ICSs)", "ICSs", "icb"),
    ("Only one ICS – Frimley – is in segment 1", "ICS", "icb"),
    ("42 integrated care boards", "integrated care boards", "icb"),
    ("all 42 ICBs", "ICBs", "icb"),
    ("14 systems are in segment 2", "systems", "icb"),
    ("the 44 STPs", "STPs", "icb"),
    ("the sustainability and transformation partnerships", "sustainability and transformation partnerships",
     "icb"),
    ("191 clinical commissioning groups", "clinical commissioning groups", "ccg"),
    ("the CCGs in the region", "CCGs", "ccg"),
    ("30 of the 209 trusts", "trusts", "trust"),
    ("209 NHS trusts", "NHS trusts", "trust"),
    ("NHS providers in segment 3", "NHS providers", "trust"),
    ("NHS foundation trusts", "NHS foundation trusts", "trust"),
    ("each of the 208 National Health Service (NHS) trusts", "National Health Service (NHS) trusts", "trust"),
    ("the 205 National Health Service trusts in England", "National Health Service trusts", "trust"),
    ("a National Health Service foundation trust", "National Health Service foundation trust", "trust"),
    ("60 out of the 137 acute hospital trusts", "acute hospital trusts", "acute"),
    ("six acute trusts", "acute trusts", "acute"),
    ("the hospital trusts of Kent", "hospital trusts", "acute"),
    ("two-thirds (20) are community or mental health trusts", "community or mental health trusts",
     "community_or_mental_health"),
    ("mental health and community trusts", "mental health and community trusts",
     "community_or_mental_health"),
    ("six mental health trusts", "mental health trusts", "mental_health"),
    ("community trusts", "community trusts", "community"),
    ("community health services trusts", "community health services trusts", "community"),
    ("ranked last among 61 non-acute trusts", "non-acute trusts", "non_acute"),
    ("the non acute trusts", "non acute trusts", "non_acute"),
    ("10 ambulance services", "ambulance services", "ambulance"),
    ("the London and South East Coast ambulance trusts", "ambulance trusts", "ambulance"),
    ("two specialist trusts", "specialist trusts", "specialist"),
]


@pytest.mark.parametrize(("text", "words", "org_type"), POPULATIONS)
def test_population(nlp: Language, text: str, words: str, org_type: str) -> None:
    assert (words, org_type) in populations(nlp, text)


@pytest.mark.parametrize("text", [
    "Waiting lists reached 7.6 million patients.",
    "The board approved a £3.4m savings plan.",
    "The CQC rated the hospital good.",
    "Patients waited 18 weeks on average.",
])
def test_no_population(nlp: Language, text: str) -> None:
    assert populations(nlp, text) == []


def test_labels_are_contract_org_types(nlp: Language) -> None:
    from extractor.resources import load_jsonl

    labels = {row["label"] for row in load_jsonl("patterns", "populations.jsonl")}
    assert labels <= set(ORG_TYPES)


def test_longest_population_wins(nlp: Language) -> None:
    found = populations(nlp, "community or mental health trusts")
    assert found == [("community or mental health trusts", "community_or_mental_health")]
