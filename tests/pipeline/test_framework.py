"""``extractor_framework``: which oversight framework a document is about, and when.

Descriptor segments depend on this ("special measures" is 4 in 2016, RSP is 5 from
2025/26), so a wrong framework silently moves whole claims between segments.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extractor.pipeline.framework import ERAS, decide, framework_on
from extractor.schema import FRAMEWORKS


def run(nlp: Language, text: str, published: str = "") -> Doc:
    """Run the pipeline as the runner does: metadata from the source is set before it."""
    doc = nlp.make_doc(text)
    doc._.published = published
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


DOCUMENTS = [
    ("NHS Improvement published the single oversight framework segmentation. 12 trusts are in segment 4.",
     "sof2016"),
    ("21.10.16\nNHS Improvement said six trusts remain in special measures.", "sof2016"),
    ("Trusts offered maximum autonomy or targeted support under NHSI's new regime.", "sof2016"),
    ("Under the System Oversight Framework 2021/22, 14 ICSs are in segment 3.", "sof2021"),
    ("Published 3 March 2024\nThe NHS Oversight Framework segmentation shows 23 ICBs in segment 3.",
     "nof2022"),
    ("NHS England published its first league tables for 2025/26. Eight trusts are in segment 5.", "nof2025"),
    ("Published 10 September 2025\nThe trust was placed in segment 3.", "nof2025"),
    ("Published 1 June 2019\nThe trust is in segment 3.", "sof2016"),
    ("Published 12 January 2022\nThe ICS is in segment 2.", "sof2021"),
    ("The trust is in segment 3.", ""),
    ("Published 1 June 2012\nThe trust is in segment 3.", ""),
]


@pytest.mark.parametrize(("text", "framework"), DOCUMENTS)
def test_framework_detected(nlp: Language, text: str, framework: str) -> None:
    assert nlp(text)._.framework == framework


def test_source_date_is_used(nlp: Language) -> None:
    doc = run(nlp, "The trust moved into segment 4 of the oversight framework.", published="2022-02-01")
    assert doc._.framework == "sof2021"
    assert doc._.published == "2022-02-01"


def test_signals_from_the_future_are_ignored(nlp: Language) -> None:
    doc = run(nlp, "The trust topped the league table in segment 1.", published="2019-05-01")
    assert doc._.framework == "sof2016"


def test_published_date_is_found_in_the_dateline(nlp: Language) -> None:
    doc = nlp("Published 3 March 2024\nThe ICB is in segment 3.")
    assert doc._.published == "2024-03-03"


@pytest.mark.parametrize(("text", "period"), [
    ("The NHS Oversight Framework segmentation for Q3 2023/24 shows 23 ICBs in segment 3.", "2023/24 Q3"),
    ("League tables for 2025/26 Q2 place eight trusts in segment 5.", "2025/26 Q2"),
    ("Under the System Oversight Framework 2021/22, 14 ICSs are in segment 3.", "2021/22"),
    # a year in the framework's name is no as-of date once the document's own date is outside it
    ("Published 3 June 2024\nUnder the 2022/23 NHS Oversight Framework, 14 ICBs are in segment 3.", "2024-06"),
    ("Published 3 June 2024\n14 ICBs are in segment 3 of the NHS oversight framework 2022-23.", "2024-06"),
    ("Published 3 June 2024\nIn 2023/24, 14 ICBs were in segment 3 of the NHS oversight framework 2022/23.",
     "2023/24"),
    ("Published 3 February 2023\nUnder the NHS Oversight Framework 2022/23, 14 ICBs are in segment 3.", "2022/23"),
    ("Segment 3 of NOF 2022/23 holds 14 ICBs, figures for Q3 2023/24 show.", "2023/24 Q3"),
    ("21.10.16\nNHS Improvement said six trusts remain in special measures.", "2016-10"),
    ("The trust is in segment 3.", ""),
])
def test_period(nlp: Language, text: str, period: str) -> None:
    assert nlp(text)._.period == period


@pytest.mark.parametrize(("day", "framework"), [
    (dt.date(2016, 9, 30), ""),
    (dt.date(2016, 10, 1), "sof2016"),
    (dt.date(2021, 6, 30), "sof2016"),
    (dt.date(2021, 7, 1), "sof2021"),
    (dt.date(2023, 6, 30), "sof2021"),
    (dt.date(2023, 7, 1), "nof2022"),
    (dt.date(2025, 8, 31), "nof2022"),
    (dt.date(2025, 9, 1), "nof2025"),
    (dt.date(2030, 1, 1), "nof2025"),
])
def test_framework_on(day: dt.date, framework: str) -> None:
    assert framework_on(day) == framework


def test_eras_are_ordered_and_in_the_vocabulary() -> None:
    starts = [start for start, _ in ERAS]
    assert starts == sorted(starts)
    assert [name for _, name in ERAS] == list(FRAMEWORKS)


def test_decide_without_evidence() -> None:
    assert decide(Counter(), None) == ""


def test_decide_date_breaks_a_tie() -> None:
    assert decide(Counter({"sof2021": 1, "nof2022": 1}), dt.date(2024, 1, 1)) == "nof2022"


def test_decide_strong_words_beat_the_date() -> None:
    assert decide(Counter({"sof2016": 4}), dt.date(2024, 1, 1)) == "sof2016"


def test_decide_drops_frameworks_not_yet_in_force() -> None:
    assert decide(Counter({"nof2025": 5}), dt.date(2018, 1, 1)) == "sof2016"


def test_decide_prefers_nof2025_when_close() -> None:
    assert decide(Counter({"nof2022": 3, "nof2025": 2}), None) == "nof2025"
