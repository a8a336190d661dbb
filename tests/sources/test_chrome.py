"""Other stories' headlines in a plain-text page are blanked; the story's own lines stay."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.sources.chrome import blank_related
from extractor.sources.text import read_text

STORY = ("Leeds hospitals stay in segment 3\nPublished: 12 March 2024\n\n"
         "Leeds Teaching Hospitals NHS Trust remains in segment 3 of the NHS Oversight Framework.\n")
OTHER = "Blackpool hospital trust moved to segment 4 over waiting times"


@pytest.mark.parametrize("chrome", [
    f"You might also like\n{OTHER}\nCornwall ambulance crews wait ten hours",
    f"MOST READ\n\n1. {OTHER}\n2. Strike dates announced\n",
    f"Most popular:\n- {OTHER}\n- Car parking charges to rise",
    f"READ MORE:\n- {OTHER}",
    f"READ MORE: {OTHER}",
    f"Read more: {OTHER}",
    f"Related: {OTHER} | Royal Devon trust ranked 72nd",
    f"RELATED STORIES\n\n{OTHER}\n\nFour of Yorkshire's trusts in segment 3, NHS England says",
    f"More on this story\n{OTHER}",
    f"See also: {OTHER}",
])
@pytest.mark.parametrize("where", ["after", "between"])
def test_other_stories_are_blanked(chrome: str, where: str) -> None:
    after = "" if where == "after" else "\nThe board met on Tuesday.\n"
    text = STORY + "\n" + chrome + "\n" + after
    out = blank_related(text)
    assert "Blackpool" not in out
    assert len(out) == len(text) and out.count("\n") == text.count("\n")  # offsets still point into the page
    assert "Leeds Teaching Hospitals NHS Trust remains in segment 3" in out
    if where == "between":
        assert "The board met on Tuesday." in out


@pytest.mark.parametrize("text", [
    # the site's label over the page's own headline, and a bare 'Read more' under a teaser of the page
    f"Trending\n\n{OTHER}\n\nBy Staff Reporter\n12 March 2024\nThe trust said ...",
    f"{OTHER}\nRead more\n",
    # a label followed by prose, a byline or a date is no list
    f"Related\n{OTHER} in March, the trust has said this year.\n",
    f"Most read\nBy Jane Smith\n{OTHER}\n",
    f"Most read\n12 March 2024\n{OTHER}\n",
    # a forum's thread is the page
    f"Leeds trust league table thread\n46 Comments\n{OTHER} - and ours is still in segment 4.\n",
    # a board paper's own words
    f"Recommendation: the Board is asked to note that {OTHER}.\n",
    f"Related papers are in the reading room: {OTHER}.\n",
    f"The chief executive said that more stories like '{OTHER}' were likely.\n",
])
def test_the_pages_own_lines_stay(text: str) -> None:
    assert "Blackpool" in blank_related(text)


def test_a_text_document_is_read_without_them() -> None:
    page = STORY + f"\nMOST READ\n1. {OTHER}\n"
    text, title, published = read_text(page.encode())
    assert "Blackpool" not in text and title == "Leeds hospitals stay in segment 3" and published == "2024-03-12"


@given(st.lists(st.sampled_from([*"ab .:-\n1", "MOST READ", "Read more: ", "Related"]), max_size=60).map("".join))
def test_blanking_keeps_every_offset(text: str) -> None:
    out = blank_related(text)
    assert len(out) == len(text)
    assert all(a == b or (b == " " and a != "\n") for a, b in zip(text, out, strict=True))
