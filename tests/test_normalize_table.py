"""``normalize`` maps every character with one table after lower-casing: its keys must be
those of the step-by-step rewriting it replaced (kept here as the reference)."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.gazetteer import normalize, type_groups

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u2013": "-", "\u2014": "-"})
_DROP = re.compile(r"[.,;:()\"\[\]/]")


def _stepwise(text: str) -> str:
    s = text.translate(_QUOTES).lower().replace("&", " and ")
    s = _DROP.sub(" ", s).replace("'", "").replace("-", " ")
    return " ".join(w for w in s.split() if w != "the")


def test_every_character_is_keyed_as_before() -> None:
    """Alone and before a capital sigma, whose lower case depends on what precedes it."""
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        c = chr(code)
        for text in (c, f"Α{c}Σ"):
            assert normalize(text) == _stepwise(text), repr(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aBΣσİ ’‘`'&-–—.,;:()\"[]/\t\nThe")), max_size=40))
def test_keys_are_as_before(text: str) -> None:
    assert normalize(text) == _stepwise(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["the", "Trust's", "ambulance", "trusts", "mental-health", "ICB", "ICS’s", "&",
                                 "Foundation", "(ICB)", "care", "—", "system", "hospitals,"]), max_size=12))
def test_type_groups_read_the_keys_words(words: list[str]) -> None:
    """As they did by splitting the key."""
    text = " ".join(words)
    assert type_groups(text) == type_groups(_stepwise(text))
