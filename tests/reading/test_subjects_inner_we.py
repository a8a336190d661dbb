"""A 'we' inside a sentence that names no body ('NHS England has confirmed that we have moved
...'): on a page that names exactly one body before it and speaks as 'we'/'our' in another
sentence outside quotations, the 'we' is that body. Anything that could make the 'we' someone
else's (a quotation, a second body, a page that never speaks for itself) places nobody.
Rows are ``(name, segment, from_segment)``; the sentences are written by us.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.reading import read_doc

Row = tuple[str, int | None, int | None]
MEDWAY = "Medway NHS Foundation Trust"
HEAD = f"Published: 12 March 2024\n\n{MEDWAY} has shared its quarterly update with patients. "
OWN = "Our staff have worked hard for this. "


def placements(nlp: Language, text: str) -> list[Row]:
    return [(m.name, m.segment, m.from_segment) for m in read_doc(nlp(text)).memberships]


INNER_WE = [
    (HEAD + OWN + "NHS England has confirmed that we have moved from segment 4 to segment 3.", [(MEDWAY, 3, 4)]),
    (HEAD + "NHS England confirmed this week that we have moved up from segment 4 to segment 3. " + OWN,
     [(MEDWAY, 3, 4)]),
    (HEAD + OWN + "The regulator has told us that we are now in segment 3.", [(MEDWAY, 3, None)]),
    (HEAD + OWN + "Following the review, NHS England said that we have left the Recovery Support Programme.",
     [(MEDWAY, None, 4)]),
    # negatives: no first person elsewhere, a quotation, a second body, the body named only after
    (HEAD + "NHS England has confirmed that we have moved from segment 4 to segment 3.", []),
    (HEAD + OWN + '"NHS England has confirmed that we have moved from segment 4 to segment 3," she said.', []),
    (HEAD + OWN + "\u201cIt is good news. NHS England has confirmed that we have moved from segment 4 to segment 3.",
     []),
    (HEAD + "Kent and Medway ICB welcomed the news. " + OWN
     + "NHS England has confirmed that we have moved from segment 4 to segment 3.", []),
    ("Published: 12 March 2024\n\nNHS England has confirmed that we have moved from segment 4 to segment 3. "
     + OWN + f"{MEDWAY} has shared its quarterly update with patients.", []),
]


@pytest.mark.parametrize(("text", "expected"), INNER_WE)
def test_an_inner_we_is_the_one_body_the_page_names(nlp: Language, text: str, expected: list[Row]) -> None:
    assert placements(nlp, text) == expected
