"""The byte pre-filter: recall on real phrasings first, then precision on everyday news."""

from __future__ import annotations

import pytest

from extractor.sources.relevance import maybe_relevant


@pytest.mark.parametrize("text", [
    "More than half (23) of the 42 ICSs fall into Segment 3.",
    "40% (84) in Segment 2, according to NHS England.",
    "60 out of the 137 acute trusts were in segment 3",
    "The hospital trust has been placed in special measures.",
    "The ICB joins the Recovery Support Programme.",
    "Trust ranked joint 83rd in the new NHS league table.",
    "The trust moved to NOF4 under the oversight framework.",
    "East Kent Hospitals, in SOF4, remains under scrutiny.",
    "Ambulance service exits mandated support",
    "The CCG was rated in SEGMENT&nbsp;2 by NHS Improvement",
    "Mental health provider given targeted support",
])
def test_oversight_news_passes(text):
    assert maybe_relevant(f"<html><body><p>{text}</p></body></html>".encode())
    assert maybe_relevant(text.encode("cp1252"))


@pytest.mark.parametrize("text", [
    "The match ended 2-1 after extra time.",
    "Shares in the retail segment rose 3% on Tuesday.",  # segment, but no NHS words
    "The hospital car park will close for repairs.",  # NHS words, but no oversight
    "A new TV segment on gardening starts next week.",
    "Investors trust the central bank's forecasts.",
])
def test_everyday_news_is_filtered_out(text):
    assert not maybe_relevant(text.encode())
