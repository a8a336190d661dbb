"""Which count a list after several counts names: a "They are ..." sentence, a "The three are
..." sentence or a colon list goes to the count its length (or its opening number) equals, to
none when no count (or more than one) fits, and never to a count of none."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.reading import read_doc

THREE = "Airedale NHS Foundation Trust, Harrogate and District NHS Foundation Trust and Barnsley Hospital NHS " \
        "Foundation Trust"
TWO = "Airedale NHS Foundation Trust and Harrogate and District NHS Foundation Trust"


def placed(nlp: Language, text: str) -> list[tuple[int, bool]]:
    """(segment, tied to a claim) of each membership read from ``text``."""
    return sorted((m.segment, m.claim is not None) for m in read_doc(nlp(text)).memberships)


OWNED = [  # the list goes to the count it fits, whatever the order of the counts
    (f"In the county, three trusts are in segment 4 and none is in segment 5. They are {THREE}.", 4),
    (f"In the county, none of the trusts is in segment 5 and three are in segment 4. They are {THREE}.", 4),
    (f"Three trusts in the county are in segment 4, while no trust is in segment 5. These are {THREE}.", 4),
    (f"Locally, three trusts are in segment 4 and two are in segment 3. They are {THREE}.", 4),
    (f"Locally, three trusts are in segment 4 and two are in segment 3. These are {TWO}.", 3),
    (f"Locally, two trusts were in segment 3 and three were in segment 4. They were {THREE}.", 4),
    (f"Three trusts in the county are in segment 4, and no trust is in segment 5. The three are {THREE}.", 4),
    (f"Three trusts in the county are in segment 4 and two in segment 3. The two are {TWO}.", 3),
    (f"Three trusts in the county are in segment 4 and two in segment 3. These three trusts are {THREE}.", 4),
    (f"Of the ten trusts in the county, three are in segment 4 and none in segment 5: {THREE}.", 4),
    (f"Of the ten trusts in the county, two are in segment 3 and three in segment 4: {THREE}.", 4),
    (f"Three trusts are in segment 4. They are {THREE}.", 4),
    (f"Three trusts are in segment 4: {THREE}.", 4),
]


@pytest.mark.parametrize(("text", "segment"), OWNED)
def test_a_list_goes_to_the_count_it_fits(nlp: Language, text: str, segment: int) -> None:
    rows = placed(nlp, text)
    assert rows and all(seg == segment for seg, _ in rows)


UNOWNED = [  # no count fits, two counts fit, or the only count is none: nobody is placed
    f"In the county, four trusts are in segment 4 and two are in segment 3. They are {THREE}.",
    f"In the county, two trusts are in segment 4 and two are in segment 3. They are {TWO}.",
    f"Three trusts in the county are in segment 4 and two in segment 3. The five are {THREE}.",
    f"In the county, three trusts are in segment 4 and two in segment 3. They include {TWO}.",
]


@pytest.mark.parametrize("text", UNOWNED)
def test_a_list_no_count_fits_is_nobody_s(nlp: Language, text: str) -> None:
    assert placed(nlp, text) == []
