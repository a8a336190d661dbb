"""Each record takes the period its own words name, and the document's only when they name none."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.batch.outcome import prepare
from extractor.reading import read_doc
from extractor.reading.periods import CURRENT, Frame, _carries_on, _period_at, _sentences, mentions, months
from extractor.sources import read_path

HEADER = "Oversight update\n14 March 2024\n\nNHS England has published its figures for quarter 3 2023/24.\n\n"
NOW = "2023/24 Q3"


def periods_by_count(nlp, body: str) -> dict[int, str]:
    doc = nlp(HEADER + body)
    return {c.count: c.period for c in read_doc(doc).claims if c.count is not None}


@pytest.mark.parametrize(("body", "expected"), [
    ("A year ago four ICBs were in segment 4; today there are five.", {4: "2022/23 Q3", 5: NOW}),
    ("Twelve months earlier, 16 trusts were in segment 4. Now 19 trusts are in segment 4.",
     {16: "2022/23 Q3", 19: NOW}),
    ("At the end of December 2022, 17 trusts were in segment 4, against 19 now.", {17: "2022/23 Q3", 19: NOW}),
    ("In September 2022, three ICBs were in segment 4.", {3: "2022/23 Q2"}),
    ("In Q2, 21 trusts were in segment 4; 19 are there now.", {21: "2023/24 Q2", 19: NOW}),
    ("Nineteen trusts are in segment 4, compared with 18 in the previous quarter.", {19: NOW, 18: "2023/24 Q2"}),
    ("Nineteen trusts are in segment 4, versus 18 in the previous quarter.", {19: NOW, 18: "2023/24 Q2"}),
    ("Eighteen trusts were in segment 4 last quarter, and 19 are now.", {18: "2023/24 Q2", 19: NOW}),
    ("The number of trusts in segment 4 has fallen to 19 from a peak of 21 in 2023.", {19: NOW}),
    ("It was one of 18 trusts in segment 4 last quarter and is one of 19 now.", {18: "2023/24 Q2"}),
    ("Nineteen trusts are in segment 4, vs 18 in the previous quarter.", {19: NOW, 18: "2023/24 Q2"}),
    ("When the framework began, 12 ICBs were in segment 2.", {12: "2023/24 Q1"}),
    ("Of the 238 trusts then assessed in October 2016, 36 were in segment 1.", {36: "2016-10"}),
    ("In 2016, 18 trusts were in segment 4. Another 60 were in segment 3.", {18: "2016", 60: "2016"}),
    ("In 2016, 18 trusts were in segment 4. Today 19 trusts are in segment 4.", {18: "2016", 19: NOW}),
    ("In 2016 the regime was different.\n\n19 trusts are in segment 4.", {19: NOW}),
    ("The programme, launched in July 2021, now supports 19 trusts in segment 4.", {19: NOW}),
    ("Nineteen trusts are in segment 4, one more than at the end of quarter 2.", {19: NOW}),
    ("Nineteen trusts are in segment 4 according to the figures for quarter 3 2023/24.", {19: NOW}),
    ("Last year, 16 trusts were in segment 4.", {16: "2022/23 Q3"}),
    ("Nineteen trusts in segment 4 reported a deficit in 2022/23.", {19: NOW}),
    ("Nineteen trusts in segment 4 have agreed their plans for 2024/25.", {19: NOW}),
    ("Nineteen trusts have been in segment 4 since 2021.", {19: NOW}),
])
def test_each_count_takes_the_period_its_words_name(nlp, body, expected) -> None:
    found = periods_by_count(nlp, body)
    for count, period in expected.items():
        assert found.get(count) == period, (count, found)


@pytest.mark.parametrize(("body", "expected"), [
    # the start of a spell that still runs dates nothing
    ("Barts Health has been in segment 3 since 2021.", [(3, None, NOW)]),
    ("Barts Health, which had been in segment 3 since June 2022, is now in segment 2.", [(2, 3, NOW)]),
    # a move's row is where the body is now, whatever date its old segment has
    ("Barts Health was in segment 3 last year but is now in segment 2.", [(2, 3, NOW)]),
    ("Barts Health left special measures in 2017 and now sits in segment 3.", [(3, 4, NOW)]),
])
def test_a_membership_takes_the_period_of_where_it_is_now(nlp, body, expected) -> None:
    got = [(m.segment, m.from_segment, m.period) for m in read_doc(nlp(HEADER + body)).memberships]
    assert got == expected


@pytest.mark.parametrize("body", [
    "Barts Health aims to leave segment 4 by the end of March.",
    "Barts Health is in segment 4 and hopes to be in segment 3 by April.",
    "Barts Health, in segment 4, expects to leave the programme by March 2025.",
    "Barts Health is in segment 4; its target is to exit by the end of 2024.",
    "Barts Health is in segment 4 and will move out of it by June, its board says.",
])
def test_a_target_s_date_dates_nothing(nlp, body) -> None:
    """'by the end of March' after a hope or a plan is a deadline, not the time of the state."""
    got = [(m.segment, m.period) for m in read_doc(nlp(HEADER + body)).memberships]
    assert got and all(period == NOW for _, period in got), got


def test_a_date_reached_by_still_dates_a_state(nlp) -> None:
    doc = nlp(HEADER + "By March 2022, 19 trusts were in segment 4.")
    assert [c.period for c in read_doc(doc).claims] == ["2021/22 Q4"]


@pytest.mark.parametrize("body", [
    "Barts Health, which was in special measures from 2014 to 2017, is in segment 3.",
    "Barts Health, which entered the programme in June 2021, remains in segment 4.",
    "Barts Health, who left special measures in 2017, is now in segment 3.",
])
def test_a_relative_clause_s_date_stays_in_it(nlp, body) -> None:
    got = [m.period for m in read_doc(nlp(HEADER + body)).memberships]
    assert got and set(got) == {NOW}, got


def test_a_document_without_time_words_keeps_its_own_period(nlp) -> None:
    doc = nlp(HEADER + "Nineteen trusts are in segment 4 and 76 are in segment 3.")
    assert {c.period for c in read_doc(doc).claims} == {NOW}


@pytest.mark.parametrize(("text", "label"), [
    ("in Q2 2025/26", "QUARTER"),
    ("the second quarter of 2023/24", "QUARTER"),
    ("2025-26 Q3", "QUARTER"),
    ("at the end of 2024/25", "FY_END"),
    ("at the end of December 2023", "MONTH_YEAR"),
    ("a year ago", "LAST_YEAR"),
    ("this time last year", "LAST_YEAR"),
    ("three months earlier", "LAST_QUARTER"),
    ("the previous quarter", "LAST_QUARTER"),
    ("providers then assessed", "THEN"),
    ("when the framework was introduced", "START"),
    ("the first segmentation", "START"),
])
def test_time_expressions_are_recognised(nlp, text, label) -> None:
    assert [m.label for m in mentions(nlp(text))] == [label]


@pytest.mark.parametrize(("period", "first", "last"), [
    ("2023/24 Q3", (2023, 10), (2023, 12)),
    ("2023/24", (2023, 4), (2024, 3)),
    ("2016-10", (2016, 10), (2016, 10)),
    ("2016", (2016, 1), (2016, 12)),
])
def test_periods_cover_their_months(period, first, last) -> None:
    assert months(period) == (first[0] * 12 + first[1] - 1, last[0] * 12 + last[1] - 1)


CORPUS = sorted((Path(__file__).resolve().parents[2] / "corpora").glob("*.txt"))


@pytest.mark.parametrize("path", CORPUS[::5], ids=lambda p: p.stem)
def test_a_sentence_without_time_words_places_no_record(nlp, path) -> None:
    """A sentence with no expression of its own is kept without its words or clauses, and a
    record in it takes its period without looking for where it stands: no place in it has a
    period of its own, which is what makes skipping them safe."""
    [sd] = list(read_path(path))
    doc = nlp(prepare(nlp, sd))
    found = mentions(doc)
    for sentence in _sentences(doc, Frame(doc, found), found, len(doc.text)).values():
        if not sentence.found:
            assert all(_period_at(sentence, at) is None for at in range(sentence.start, sentence.end))


@pytest.mark.parametrize("path", CORPUS[2::5], ids=lambda p: p.stem)
def test_sentences_read_up_to_the_last_record_are_those_read_to_the_end(nlp, path) -> None:
    """Periods reach only later sentences: stopping at the last record changes none before it."""
    [sd] = list(read_path(path))
    doc = nlp(prepare(nlp, sd))
    found = mentions(doc)
    frame = Frame(doc, found)
    whole = _sentences(doc, frame, found, len(doc.text))
    for until in (0, len(doc.text) // 3, len(doc.text) // 2):
        cut = _sentences(doc, frame, found, until)
        assert cut == {k: sentence for k, sentence in whole.items() if k == 0 or sentence.start <= until}


@pytest.mark.parametrize("path", CORPUS[1::4], ids=lambda p: p.stem)
def test_a_sentence_left_out_would_place_its_records_in_the_document_s_period(nlp, path) -> None:
    """A sentence :func:`_sentences` leaves out holds no time expression and follows one left
    out too, or one that ended in the document's period, or one it does not carry on from:
    read, it would carry the document's period and find none of its own."""
    [sd] = list(read_path(path))
    doc = nlp(prepare(nlp, sd))
    found = mentions(doc)
    read = _sentences(doc, Frame(doc, found), found, len(doc.text))
    sents = list(doc.sents)
    assert read and len(read) < len(sents)
    for k, sent in enumerate(sents):
        if k in read:
            continue
        assert not [m for m in found if sent.start_char <= m.start < sent.end_char]
        previous = read.get(k - 1)
        assert previous is None or previous.carried == CURRENT or not _carries_on(doc, previous, sent)


def test_each_position_takes_the_period_of_its_own_clause(nlp) -> None:
    """'was 66th in September and is now 52nd': two tables' places, not two places in one."""
    doc = nlp("League tables\n14 December 2025\n\nThe NHS oversight league tables for quarter 2 were followed "
              "by quarter 3's.\n\nStockport NHS Foundation Trust was 66th in September and is now 52nd.")
    got = {r.rank: r.period for r in read_doc(doc).rankings}
    assert got[66] != got[52] and got[66] == "2025/26 Q2"


LEAGUE = "League tables\n12 March 2026\n\nThe NHS oversight league tables for quarter 3 2025/26 are out.\n\n"
LEAGUE_NOW, LEAGUE_BEFORE = "2025/26 Q3", "2025/26 Q2"


@pytest.mark.parametrize(("body", "expected"), [
    # the earlier quarter named only as what the current figure is compared with
    ("Medway NHS Foundation Trust is 118th, unchanged on the previous quarter.", {118: LEAGUE_NOW}),
    ("Medway NHS Foundation Trust is 45th, 20 places higher than last quarter.", {45: LEAGUE_NOW}),
    ("Medway NHS Foundation Trust is 45th, up from 60th last quarter.", {45: LEAGUE_NOW}),
    ("Medway NHS Foundation Trust is 45th, the same position as in the previous quarter.", {45: LEAGUE_NOW}),
    ("Medway NHS Foundation Trust is 45th, no change from last quarter.", {45: LEAGUE_NOW}),
    ("Medway NHS Foundation Trust is 45th, an improvement of 20 places on last quarter.", {45: LEAGUE_NOW}),
    ("Medway NHS Foundation Trust is ranked 45th, compared with the previous quarter when it was 60th.",
     {45: LEAGUE_NOW}),
    ("Compared with the previous quarter, Medway NHS Foundation Trust is 20 places higher at 45th.",
     {45: LEAGUE_NOW}),
    ("Medway NHS Foundation Trust sits 45th, better than three months ago.", {45: LEAGUE_NOW}),
    # negatives: a position stated for the earlier quarter keeps it
    ("Medway NHS Foundation Trust was 60th last quarter.", {60: LEAGUE_BEFORE}),
    ("In the previous quarter Medway NHS Foundation Trust was 60th.", {60: LEAGUE_BEFORE}),
    ("Medway NHS Foundation Trust was 60th in the previous quarter and is 45th now.", {45: LEAGUE_NOW}),
])
def test_a_quarter_named_for_comparison_leaves_the_position_in_its_own(nlp, body, expected) -> None:
    got = {r.rank: r.period for r in read_doc(nlp(LEAGUE + body)).rankings}
    assert {rank: got.get(rank) for rank in expected} == expected, got


@pytest.mark.parametrize(("body", "expected"), [
    ("Medway NHS Foundation Trust is in segment 3, unchanged from the previous quarter.", LEAGUE_NOW),
    ("Medway NHS Foundation Trust remains in segment 3, the same as last quarter.", LEAGUE_NOW),
    ("Medway NHS Foundation Trust is 45th, 20 places higher than last quarter, and is in segment 3.", LEAGUE_NOW),
    ("Medway NHS Foundation Trust is in segment 3, as it was last quarter.", LEAGUE_NOW),
    ("Medway NHS Foundation Trust was in segment 4 last quarter.", LEAGUE_BEFORE),
])
def test_a_quarter_named_for_comparison_leaves_the_segment_in_its_own(nlp, body, expected) -> None:
    got = [m.period for m in read_doc(nlp(LEAGUE + body)).memberships]
    assert got == [expected]


@pytest.mark.parametrize(("body", "expected"), [
    ("Nineteen trusts are in segment 4, up on the previous quarter.", {19: NOW}),
    ("Nineteen trusts are in segment 4, two more than last quarter.", {19: NOW}),
    ("Nineteen trusts are in segment 4, compared with 18 in the previous quarter.", {19: NOW, 18: "2023/24 Q2"}),
    ("Nineteen trusts are in segment 4, up from 18 last quarter.", {19: NOW}),
    ("Nineteen trusts are in segment 4, the same number as a year ago.", {19: NOW}),
])
def test_a_count_compared_with_an_earlier_quarter_keeps_its_own(nlp, body, expected) -> None:
    found = periods_by_count(nlp, body)
    assert {count: found.get(count) for count in expected} == expected, found


DATED_BY_DAY = "CEO report\n29 January 2025\n\n"


@pytest.mark.parametrize(("body", "expected"), [
    # a year in the framework's name is no as-of date
    ("East Sussex Healthcare NHS Trust is in segment 2 of the NHS Oversight Framework 2022/23.", "2025-01"),
    ("Under the 2022/23 NHS Oversight Framework, East Sussex Healthcare NHS Trust is in segment 2.", "2025-01"),
    ("East Sussex Healthcare NHS Trust sits in segment 2 of the NHS oversight framework (2022/23).", "2025-01"),
    ("East Sussex Healthcare NHS Trust is in segment 2 under NOF 2022-23.", "2025-01"),
    ("East Sussex Healthcare NHS Trust remains in segment 2 of the 2022/23 framework.", "2025-01"),
    ("After the quarter 3 review, East Sussex Healthcare NHS Trust has moved from segment 3 to segment 2 of "
     "the NHS Oversight Framework 2022/23.", "2024/25 Q3"),
    # negatives: the year as a date still dates the record
    ("In 2022/23 East Sussex Healthcare NHS Trust was in segment 2.", "2022/23"),
    ("East Sussex Healthcare NHS Trust was in segment 2 during 2022/23.", "2022/23"),
    ("In 2022/23 East Sussex Healthcare NHS Trust was in segment 2 of the oversight framework.", "2022/23"),
])
def test_a_year_in_a_framework_s_name_dates_nothing(nlp, body, expected) -> None:
    got = [m.period for m in read_doc(nlp(DATED_BY_DAY + body)).memberships]
    assert got == [expected]


@pytest.mark.parametrize(("body", "expected"), [
    ("Barts Health NHS Trust is in segment 3 of the Single Oversight Framework 2016/17.", NOW),
    ("Under the System Oversight Framework 2021/22, Barts Health NHS Trust is in segment 3.", NOW),
    ("In 2021/22, Barts Health NHS Trust was in segment 3.", "2021/22"),
])
def test_a_year_in_an_older_framework_s_name_dates_nothing(nlp, body, expected) -> None:
    got = [m.period for m in read_doc(nlp(HEADER + body)).memberships]
    assert got == [expected]


LOG = "Action log\n3 March 2025\n\n"
LOG_NOW, LOG_Q2 = "2025-03", "2024/25 Q2"


@pytest.mark.parametrize(("body", "expected"), [
    # a review still to come, in a later clause or sentence, dates nothing
    ("Barts Health NHS Trust remains in segment 4. Exit will not be considered before the Q1 review.", LOG_NOW),
    ("Barts Health NHS Trust remains in segment 4; the next review is in quarter 2.", LOG_NOW),
    ("Barts Health NHS Trust is in segment 4 and will be reviewed in June.", LOG_NOW),
    ("Barts Health NHS Trust is in segment 4. Its position will be looked at again at the end of June 2025.",
     LOG_NOW),
    ("Barts Health NHS Trust is in segment 4. The segmentation is due to be refreshed in Q1.", LOG_NOW),
    ("Barts Health NHS Trust sits in segment 4, with the next assessment scheduled for the second quarter.",
     LOG_NOW),
    # negatives: a past state keeps its date, whatever is said of the future around it
    ("Barts Health NHS Trust was in segment 3 in Q2.", LOG_Q2),
    ("In Q2 Barts Health NHS Trust was in segment 3, and it will stay there.", LOG_Q2),
    ("Barts Health NHS Trust, which will publish its plan next week, was in segment 3 in Q2.", LOG_Q2),
])
def test_a_date_still_to_come_dates_nothing(nlp, body, expected) -> None:
    got = [m.period for m in read_doc(nlp(LOG + body)).memberships]
    assert got == [expected]


TIMELINE = "Timeline\n2 June 2025\n\n"


@pytest.mark.parametrize(("body", "expected"), [
    ("2017: Barts Health NHS Trust was in segment 4 of the single oversight framework.\n"
     "2023: The trust moved from segment 3 to segment 2.\n2025: Barts Health NHS Trust is in segment 2.",
     ["2017", "2023", "2025-06"]),
    ("- 2019 – Barts Health NHS Trust entered special measures.\n- 2024 – Barts Health NHS Trust is in segment 3.",
     ["2019", "2024"]),
    ("• 2018: Barts Health NHS Trust sat in segment 3.", ["2018"]),
    # negatives: a year that labels no line dates only what its own words reach
    ("Barts Health NHS Trust is in segment 2. In 2019 there were changes.", ["2025-06"]),
    ("Barts Health NHS Trust is in segment 2, as set out in the 2019 review.", ["2025-06"]),
])
def test_a_year_labelling_a_line_dates_its_records(nlp, body, expected) -> None:
    got = [m.period for m in read_doc(nlp(TIMELINE + body)).memberships]
    assert got == expected
