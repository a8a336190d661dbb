"""The traps component: segment-like words that name another regime or scale lose their
segment span, so no record builder (claims, memberships, rankings) reads them as one."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.pipeline.segments import is_domain_segment


def segments_named(nlp: Language, text: str) -> list[tuple[str, tuple[int, ...]]]:
    doc = nlp(text)
    doc._.framework = "sof2016"
    return [(s.text, s._.segments) for s in doc.spans["segments"] if s._.segments and not is_domain_segment(s)]


@pytest.mark.parametrize("text", [
    "The trust remains in financial special measures.",
    "Barts was placed in Financial Special Measures in 2016.",
    "It is one of five trusts in finance special measures.",
    "The trust entered special measures for financial reasons.",
    "It was put into special measures for finance last summer.",
    "The regulator placed it in special measures for reasons of finance.",
    "Financially special measures apply to the trust until March.",
    "Two providers are still in special measures for finances.",
])
def test_financial_special_measures_is_not_a_segment(nlp: Language, text: str) -> None:
    assert segments_named(nlp, text) == []


@pytest.mark.parametrize("text", [
    "Category 1 calls are the most urgent.",
    "The category 2 response target is 18 minutes.",
    "Crews reached category one patients in 8 minutes.",
    "Response times for category 2 were 40 minutes.",
    "The ambulance category 3 standard was missed.",
    "Category 2 mean times improved at the ambulance trust.",
    "It handled more category 1 and 2 incidents than last year.",
    "Category four calls may wait for a call back.",
])
def test_ambulance_response_category_is_not_a_segment(nlp: Language, text: str) -> None:
    """Pages that call their segments "category one" to "four" exist too: the response category
    is marked so that a segment reading of "category N" can never take it."""
    assert [seg for _, seg in segments_named(nlp, text) if seg] == []
    doc = nlp(text)
    assert {s.id_ for s in doc.spans["traps"] if s.label_ == "NOT_SEGMENT"} == {"ambulance_category"}


@pytest.mark.parametrize("text", [
    "The trust also runs Oakbank, a Tier 4 inpatient unit for teenagers. It is in tier 2.",
    "Its tier 4 CAMHS beds reopened in May; the trust sits in tier 2.",
    "The board noted that tier 1 elective support for the hospital continues. It is in tier 3.",
    "Tier 2 cancer meetings are held weekly, and the trust is in tier 3.",
    "Tier two diagnostic support has ended. The ICB remains in tier 3.",
    "A new tier 4 adolescent ward opened in Leeds, which is in tier 2.",
    "Beds in tier 4 units are scarce; the trust was placed in tier 3.",
    "The tier 3 specialist service moved sites. The trust is in tier 1.",
    "Waits fell, so the trust left the national Tier 1 group in spring. It is in tier 2.",
    "NHS England moved the hospital out of the tier 2 cohort of providers; it is in tier 3.",
    "Trusts in the Tier One group get weekly calls. The trust sits in tier 2.",
    "The ICB's providers joined the tier 1 cohort last year, and it remains in tier 3.",
    # another programme's tiers named as such: 'tier N of the ... programme', 'a tier N trust for ...'
    "The hospital is in Tier 1 of the national elective recovery programme; it is in tier 2.",
    "It was put into tier one of the urgent and emergency care programme. It sits in tier 3.",
    "The trust went into tier 2 of NHS England's cancer recovery support and is in tier 3.",
    "As a Tier 1 trust for elective care it gets weekly calls. It remains in tier 2.",
    "It is one of the tier 2 providers for elective recovery, and is in tier 3.",
    "The board heard that it is a tier 1 elective recovery trust. It is in tier 2.",
    "Tiers 1 and 2 of the diagnostics programme were merged; the trust is in tier 3.",
])
def test_a_clinical_or_elective_tier_makes_every_tier_another_scale(nlp: Language, text: str) -> None:
    """'a Tier 4 inpatient unit', 'tier 1 elective support': a page that grades services into
    tiers may not read its own 'tier N' as an oversight segment anywhere."""
    assert [seg for name, seg in segments_named(nlp, text) if name.lower().startswith("tier")] == []


@pytest.mark.parametrize("text", [
    "The trust is in tier 4 of the oversight framework.",
    "Tier 2 trusts get lighter support; the trust sits in tier 2.",
    "It moved to tier 3 for its finances and leadership.",
    "The ICB stays in tier 1, the top tier.",
    "Tier 4 organisations receive intensive support.",
    "It was placed in tier 4 by NHS England.",
    "Three trusts are in tier 2.",
    "The hospital remains in tier three.",
])
def test_an_oversight_tier_is_still_a_segment(nlp: Language, text: str) -> None:
    assert [seg for name, seg in segments_named(nlp, text) if name.lower().startswith("tier")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The trust remains in special measures.", (4,)),
    ("The trust came out of quality special measures in 2019.", (4,)),
    ("The regulator removed the hospital from special measures for quality.", (4,)),
    ("It was released from special measures for reasons of quality.", (4,)),
    ("The trust, in special measures since 2016, improved its finances.", (4,)),
    ("It stays in special measures for both quality and finance.", (4,)),
    ("Trusts in special measures get an improvement director.", (4,)),
    ("Special measures for quality ended in March.", (4,)),
])
def test_special_measures_for_quality_is_still_segment_four(nlp: Language, text: str, expected: tuple) -> None:
    assert [seg for _, seg in segments_named(nlp, text)] == [expected]


def test_traps_are_labelled_by_what_they_rule_out(nlp: Language) -> None:
    doc = nlp("Since 2014, 29 trusts have been placed into special measures; nine have spent a 12-month period there.")
    got = {(s.text, s.label_) for s in doc.spans["traps"]}
    assert {("Since 2014", "SINCE"), ("placed", "ENTRY"), ("have spent", "HISTORY"), ("12-month", "NOT_COUNT")} <= got


def test_restated_patterns_mark_what_the_stated_ones_do(nlp: Language) -> None:
    """The component runs its patterns as phrases and one-word openings for speed; a plain
    SpanRuler given the patterns as ``models/`` states them must mark the same spans."""
    from spacy.pipeline.span_ruler import SpanRuler

    from extractor.pipeline.traps import every_match
    from extractor.resources import load_jsonl
    from tests.reading.test_claim_traps import DURATIONS, HEDGES, HISTORIES, MOVERS, SCALE

    plain = SpanRuler(nlp, "plain", spans_key="plain", spans_filter=every_match, phrase_matcher_attr="LOWER",
                      validate=False)
    with nlp.select_pipes(disable=nlp.pipe_names):
        plain.add_patterns(list(load_jsonl("patterns", "traps.jsonl")))
    text = " ".join([*DURATIONS, *HEDGES, *HISTORIES, *MOVERS, *SCALE,
                     "The trust remains in financial special measures. It is one of the first to leave.",
                     "NHS England uses elective recovery tiering. Category 2 calls waited 30 minutes."])
    doc = nlp(text)
    marked = {(s.start, s.end, s.label_) for s in doc.spans["traps"]}
    other = plain(nlp.make_doc(text))
    assert marked == {(s.start, s.end, s.label_) for s in other.spans["plain"]}
    assert len(marked) > 40
