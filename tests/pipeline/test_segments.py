"""``extractor_segments``: oversight segments however the text names them.

Descriptor phrases mean different segments under different frameworks, so rows carry
the framework the document is read under; ``span._.segments`` is a getter and reads
``doc._.framework`` when asked, which lets a test set the framework after the pipeline.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.pipeline.segments import descriptor_segment, segment_data


def read_segments(nlp: Language, text: str, framework: str | None = None) -> list[tuple[str, tuple]]:
    doc = nlp(text)
    if framework is not None:
        doc._.framework = framework
    return [(s.text, s._.segments) for s in doc.spans["segments"]]


# (sentence, framework or None to keep the detected one, the segment words, segments)
SEGMENTS = [
    ("Frimley is assigned to Segment 1.", None, "Segment 1", (1,)),
    ("The trust is in segment 3.", None, "segment 3", (3,)),
    ("The ICB sits in segment three.", None, "segment three", (3,)),
    ("It was placed in Segment Four.", None, "Segment Four", (4,)),
    ("It remains in segment “two” for now.", None, "segment “two”", (2,)),
    ("It remains in segment '3'.", None, "segment '3'", (3,)),
    ("It is now in the third segment.", None, "third segment", (3,)),
    ("the second category of support", None, "second category", (2,)),
    ("It dropped to the first tier.", None, "first tier", (1,)),
    ("Trusts in segments 3 and 4 get support.", None, "segments 3 and 4", (3, 4)),
    ("Trusts in segments 3 or 4 get support.", None, "segments 3 or 4", (3, 4)),
    ("systems in segments two and three", None, "segments two and three", (2, 3)),
    ("trusts in segments 1 to 3", None, "segments 1 to 3", (1, 2, 3)),
    ("trusts in segment 2 or 3", None, "segment 2 or 3", (2, 3)),
    ("trusts in segment 1, 2 or 3", None, "segment 1, 2 or 3", (1, 2, 3)),
    ("It remains in segment 2 and segment 3.", None, "segment 2 and segment 3", (2, 3)),
    ("Six made it into the top two segments.", "nof2022", "top two segments", (1, 2)),
    ("None are in the top segment.", "nof2022", "top segment", (1,)),
    ("Six acute trusts made it into the top tier.", "nof2022", "top tier", (1,)),
    ("It sits in the bottom segment.", "nof2022", "bottom segment", (4,)),
    ("It sits in the bottom segment.", "nof2025", "bottom segment", (5,)),
    ("Nine are in the lowest two segments.", "sof2021", "lowest two segments", (3, 4)),
    ("Nine are in the bottom two segments.", "nof2025", "bottom two segments", (4, 5)),
    ("The trust was moved into NOF4.", None, "NOF4", (4,)),
    ("The trust was moved into NOF four.", None, "NOF four", (4,)),
    ("It is rated NOF 5 in the league table.", None, "NOF 5", (5,)),
    ("The hospital is in SOF4.", None, "SOF4", (4,)),
    ("ICBs in tier one or two", None, "tier one or two", (1, 2)),
    ("ICBs in tiers 1 and 2", None, "tiers 1 and 2", (1, 2)),
    ("The trust was put in mandated support.", "sof2016", "mandated support", (3,)),
    ("It now receives targeted support.", "sof2016", "targeted support", (2,)),
    ("It has maximum autonomy.", "sof2016", "maximum autonomy", (1,)),
    ("The trust is in special measures.", "sof2016", "special measures", (4,)),
    ("The trust entered the Recovery Support Programme.", "sof2021", "Recovery Support Programme", (4,)),
    ("The trust entered the Recovery Support Programme.", "nof2022", "Recovery Support Programme", (4,)),
    ("The trust entered the Recovery Support Programme.", "nof2025", "Recovery Support Programme", (5,)),
    ("The trust is in the RSP.", "sof2021", "RSP", (4,)),
    ("The trust is in the RSP.", "nof2025", "RSP", (5,)),
    ("It joined the national Recovery Support Programme.", "sof2021",
     "national Recovery Support Programme", (4,)),
    ("It has no specific support needs.", "sof2021", "no specific support needs", (1,)),
    ("The ICB has significant support needs.", "nof2022", "significant support needs", (3,)),
    ("It is receiving intensive support.", "sof2021", "intensive support", (4,)),
    ("The trust was moved into NOF-3.", None, "NOF-3", (3,)),
]


@pytest.mark.parametrize(("text", "framework", "words", "expected"), SEGMENTS)
def test_segment_read(nlp: Language, text: str, framework: str | None, words: str, expected: tuple) -> None:
    found = read_segments(nlp, text, framework)
    assert (words, expected) in found, found


# Words that look like a segment but are not one.
NOT_SEGMENTS = [
    "The trust was rated segment 6 by nobody.",
    "It scored 0 in segment 0.",
    "There are 3 segments in the old framework.",
    "The 2025/26 plan is approved.",
    "Waiting lists grew to 7.6 million.",
    "It reported a £12m deficit in Q3.",
    "The CQC rated it requires improvement.",
    "It missed the category 2 response target.",  # ambulance response categories are not segments
    "The trust joined the New Hospital Programme. Its neighbour was already in the programme.",
    "Its neighbour was already in the programme.",
    "The new segment is four trusts strong.",  # a value that runs on into a noun counts
    "The segment has four ICBs in it.",
    "Its star rating was 3.",
]


@pytest.mark.parametrize("text", NOT_SEGMENTS)
def test_not_a_segment(nlp: Language, text: str) -> None:
    assert [segs for _, segs in read_segments(nlp, text) if segs] == []


def test_descriptor_without_framework_falls_back() -> None:
    assert descriptor_segment("special_measures", "") == 4
    assert descriptor_segment("rsp", "") == 4


def test_descriptor_outside_its_framework_means_nothing() -> None:
    assert descriptor_segment("mandated_support", "nof2025") is None
    assert descriptor_segment("no_such_descriptor", "sof2016") is None


@pytest.mark.parametrize(("framework", "top"),
                         [("sof2016", 4), ("sof2021", 4), ("nof2022", 4), ("nof2025", 5)])
def test_max_segment_per_framework(framework: str, top: int) -> None:
    assert segment_data()["max_segment"][framework] == top


def test_segment_spans_carry_their_reading(nlp: Language) -> None:
    doc = nlp("Four are in segment 4, two in the top two segments and one in special measures.")
    ids = {s.text: s.id_ for s in doc.spans["segments"]}
    assert ids["segment 4"] == "num"
    assert ids["top two segments"] == "top"
    assert ids["special measures"].startswith("desc:")


def test_segment_numbers_are_not_quantities_of_claims(nlp: Language) -> None:
    """The claim builder must not read the 4 of "Segment 4" as a count; the spans overlap."""
    doc = nlp("Four ICSs are in Segment 4.")
    seg = next(s for s in doc.spans["segments"] if s.text == "Segment 4")
    inside = [q for q in doc.spans["quantities"] if seg.start <= q.start and q.end <= seg.end]
    assert [q.text for q in inside] == ["4"]


def test_the_programme_refers_back_to_the_recovery_support_programme(nlp: Language) -> None:
    """'the programme' takes the segment of the Recovery Support Programme when that was the
    programme last named (segment 4 under the 2021 framework)."""
    text = ("Barts Health entered the Recovery Support Programme in 2022. "
            "Medway NHS Foundation Trust was already in the programme.")
    assert read_segments(nlp, text, "sof2021") == [("Recovery Support Programme", (4,)), ("the programme", (4,))]


DEFINES_CATEGORIES = "Each table sorts its trusts into four performance categories. "
DEFINES_SECTIONS = "Trusts are sorted into four segments in each table. "

# Segments as real writers name them: the numbering word, the framework's descriptors, and the
# grouping words a page defines for itself (categories, sections) before it uses them.
WRITTEN_FORMS = [
    ("The trust was lifted from segmentation 4.", "nof2022", "segmentation 4", (4,)),
    ("It sits in segmentation ‘three’.", "nof2022", "segmentation ‘three’", (3,)),
    ("It is in SOF segment 4.", "sof2021", "segment 4", (4,)),
    ("It moved to NOF three.", "nof2022", "NOF three", (3,)),
    ("It is a segment-4 trust.", "nof2022", "segment-4", (4,)),
    ("It is a segment-two trust.", "nof2022", "segment-two", (2,)),
    (DEFINES_CATEGORIES + "Barts Health is in category four.", "nof2025", "category four", (4,)),
    (DEFINES_CATEGORIES + "Medway was listed in category 2 of the acute table.", "nof2025", "category 2", (2,)),
    (DEFINES_CATEGORIES + "It is in category “one”.", "nof2025", "category “one”", (1,)),
    (DEFINES_SECTIONS + "Among acute providers it sat in the second section.", "nof2025", "second section", (2,)),
    (DEFINES_SECTIONS + "It was placed in the lowest section.", "nof2025", "lowest section", (4,)),
    ("It now occupies the lowest of the four segments.", "nof2025", "lowest of the four segments", (4,)),
    ("It is in the best of the five segments.", "nof2025", "best of the five segments", (1,)),
    ("It has left quality special measures.", "sof2016", "special measures", (4,)),
    ("It came out of special measures for quality.", "sof2016", "special measures", (4,)),
    ("The ICB receives mandated intensive support.", "nof2022", "mandated intensive support", (4,)),
    ("It needs mandated national intensive support.", "sof2021", "mandated national intensive support", (4,)),
    ("It moves to mandated regional support.", "nof2022", "mandated regional support", (3,)),
    ("It is set to enter the National Provider Improvement Programme.", "nof2025",
     "National Provider Improvement Programme", (5,)),
    # the value of a body's segment, rating or category
    ("Our NOF segment is 2.", "nof2022", "segment is 2", (2,)),
    ("It has a segmentation of three.", "nof2022", "segmentation of three", (3,)),
    ("Oversight segment: 3", "nof2022", "segment: 3", (3,)),
    ("Its oversight framework rating has improved to 2.", "nof2022", "framework rating has improved to 2", (2,)),
    ("Its segmentation moved from 4 to 3.", "nof2022", "segmentation moved from 4 to 3", (4, 3)),
    ("It is in SOF category 2.", "sof2021", "SOF category 2", (2,)),
    ("It is in category 3 of the NHS Oversight Framework.", "nof2022", "category 3 of the NHS Oversight Framework",
     (3,)),
]


@pytest.mark.parametrize(("text", "framework", "words", "expected"), WRITTEN_FORMS)
def test_segments_however_written(nlp: Language, text: str, framework: str, words: str, expected: tuple) -> None:
    assert (words, expected) in read_segments(nlp, text, framework)


# Look-alikes: tiers, categories and sections of other regimes, or of nothing defined on the page.
NOT_WRITTEN_SEGMENTS = [
    ("It is in financial special measures.", "sof2016"),
    ("It entered special measures for financial reasons.", "sof2016"),
    ("It missed the category 2 response time standard.", "nof2025"),
    (DEFINES_CATEGORIES + "It answered most category 1 calls on time.", "nof2025"),
    ("The trust is in category four.", "nof2025"),  # no categories defined on the page
    (DEFINES_SECTIONS + "See section 5 of the report.", "nof2025"),
    ("It remains in Tier 1 for elective and cancer recovery.", "nof2022"),
    ("This tiered approach puts seven systems in the first tier.", "nof2022"),
    ("It is in the second-lowest of the five segments.", "nof2025"),
    ("Trusts in urgent and emergency care tier 2 get regional help.", "nof2022"),
    (DEFINES_CATEGORIES + "Its category 2 mean was 41 minutes.", "nof2025"),
    # from 2025/26 special measures is history or a figure of speech, not a segment
    ("It was in special measures from 2015 to 2017.", "nof2025"),
]


@pytest.mark.parametrize(("text", "framework"), NOT_WRITTEN_SEGMENTS)
def test_look_alikes_are_not_segments(nlp: Language, text: str, framework: str) -> None:
    assert [(w, segs) for w, segs in read_segments(nlp, text, framework) if segs] == []


def test_a_defined_grouping_sets_the_lowest(nlp: Language) -> None:
    """Under the 2025 framework the bottom segment is 5, but a page that sorts trusts into four
    categories means the fourth by its lowest."""
    assert read_segments(nlp, "It sits in the bottom segment.", "nof2025") == [("bottom segment", (5,))]
    assert read_segments(nlp, DEFINES_SECTIONS + "It sits in the bottom section.", "nof2025") == [
        ("bottom section", (4,))]


@pytest.mark.parametrize(("text", "placing"), [
    ("The trust is in segment 3.", ["segment 3"]),
    ("It is rated segment 4 for finance but segment 2 overall.", ["segment 2"]),
    ("Its finance domain segment 4 rating stands, while it sits in segment 2.", ["segment 2"]),
    ("Segment 3 on quality, and segment 3 in the overall table.", ["segment 3"]),
    ("The domain: segment 2 for leadership.", []),
    ("This quarter it went up from Segment 4 to Segment 3.", ["Segment 4 to Segment 3"]),
    ("Segment four in the people domain. Overall it is in segment one.", ["segment one"]),
    ("No segment is named here.", []),
])
def test_placing_segments_leave_out_domain_ratings(nlp, text, placing):
    from extractor.pipeline.segments import placing_segments

    doc = nlp(text)
    spans = placing_segments(doc)
    assert [doc[a:b].text for a, b in sorted(spans)] == placing
    assert placing_segments(doc) is spans  # worked out once per Doc


@pytest.mark.parametrize("framework", ["", "nof_2025", "soaf_2016", "anything"])
def test_the_framework_is_read_as_the_attribute_gives_it(nlp: Language, framework: str) -> None:
    """``framework_of`` reads ``doc._.framework`` where spaCy keeps it: set by the pipeline,
    set after it, or never set."""
    from extractor.pipeline.segments import framework_of

    doc = nlp("Trusts in special measures are in segment 4.")
    assert framework_of(doc) == doc._.framework
    doc._.framework = framework
    assert framework_of(doc) == doc._.framework == framework
    assert framework_of(nlp.make_doc("no pipeline ran")) == nlp.make_doc("x")._.framework == ""


@pytest.mark.parametrize("text", ["They are in segment 3 .", "segments 1 to 3 and segment 2", "NOF4 and tier 2",
                                  "special measures and the Recovery Support Programme", "the third segment",
                                  "the top two segments of the four segments", "the lowest segment"])
@pytest.mark.parametrize("framework", ["", "nof_2025", "soaf_2016"])
def test_a_reading_kept_across_docs_is_the_reading_of_the_span(nlp: Language, text: str, framework: str) -> None:
    """Segments kept by (id, framework, words) are those read afresh from the span."""
    from extractor.pipeline.segments import _read

    for _ in range(2):  # the second Doc finds the first one's readings
        doc = nlp(text)
        doc._.framework = framework
        for span in doc.spans["segments"]:
            assert span._.segments == _read(span, framework), span.text
