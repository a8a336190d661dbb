"""Numbers and segment words that real pages use for something else (``models/patterns/traps.jsonl``).

Each trap is a table of our own phrasings that must yield no claim: histories and
durations of special measures, financial special measures, ambulance response
categories, CQC ratings, counts of organisations that merely moved, ranks on one metric,
league positions, numbered paragraphs, the size of the segment scale. The constructions
kept beside them (stock counts worded like a trap, a number that changed "from A to B",
a definite "the four organisations" naming a group counted before) have tables of their own.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.reading import read_doc

Row = tuple[str, tuple[int, ...], int | None]


def claims_of(nlp: Language, text: str) -> list[Row]:
    return [(c.org_type, tuple(c.segments), c.count) for c in read_doc(nlp(text)).claims]


HISTORIES = [
    "Nine trusts have spent more than two years in special measures.",
    "Eleven trusts had spent at least 18 months in segment 4 before they left.",
    "On average the 14 trusts that have been through the special measures regime needed 26 months to get out.",
    "Since the regime's start in 2013, 35 providers have been placed in special measures.",
    "In the last five years, 28 providers have been put into special measures.",
    "Forty-one trusts have entered special measures since July 2013.",
    "Since 2021, 12 ICBs have been placed in segment 4 at some point.",
    "Two-thirds of the trusts still in special measures have been there for more than a year.",
    "Over the past three years, 19 trusts were placed in the Recovery Support Programme.",
    "There are 23 trusts which have ever been in special measures.",
    # a share of such a history, in the same sentence or the next
    "In the last four years, 24 providers have been put into special measures, roughly one in 10 of all trusts.",
    "More than 30 providers have been placed in special measures since 2013. About 60% have been placed there "
    "for quality reasons.",
]

DURATIONS = [
    "The trust spent a 12-month period in special measures.",
    "Special measures set an 18-month deadline for improvement in segment 4.",
    "During a two-year period in the Recovery Support Programme, the ICB narrowed its deficit.",
    "The trust was in special measures for three and a half years.",
    "It left segment 4 after a 24-month stay.",
    "A six-week review of trusts in segment 3 begins in May.",
    "The ICB has been in NHS England's Recovery Support Programme for two years.",
    "It had spent 30 months in special measures.",
]

FINANCIAL_SPECIAL_MEASURES = [
    "Five trusts were placed in financial special measures in July 2016.",
    "Three trusts remain in financial special measures.",
    "Of the 11 trusts in special measures for financial reasons, four have left.",
    "The trust is one of eight in financial special measures.",
    "Two trusts are in special measures for finance.",
    "NHS Improvement put four more providers into financial special measures.",
    "Seven trusts sit in finance special measures this year.",
    "Only two trusts remain in special measures for reasons of finance.",
]

# a subset of a count before it, placed in financial special measures: no segment to inherit
FINANCIAL_SUBSETS = [
    ("Twenty trusts were in special measures in September, all of them in segment 4. "
     "Five of these were in special measures for financial reasons alone.", [("trust", (4,), 20)]),
    ("Twenty trusts are in segment 4. Five of them are in financial special measures.", [("trust", (4,), 20)]),
    ("Twenty trusts are in segment 4. Five of these are in special measures for finance.", [("trust", (4,), 20)]),
    ("Twenty trusts are in segment 4. Two of them were also in finance special measures last year.",
     [("trust", (4,), 20)]),
    # a subset by kind still inherits the segment
    ("Twenty trusts are in segment 4. Five of them are acute trusts.", [("trust", (4,), 20), ("acute", (4,), 5)]),
]


@pytest.mark.parametrize(("text", "expected"), FINANCIAL_SUBSETS)
def test_a_subset_in_financial_special_measures_inherits_no_segment(nlp: Language, text: str,
                                                                    expected: list[Row]) -> None:
    assert sorted(claims_of(nlp, text)) == sorted(expected)


AMBULANCE_CATEGORIES = [
    "Category 1 calls: the trust reached 12 patients in under 7 minutes.",
    "Ten ambulance trusts missed the category 2 response target.",
    "Four trusts met the category one standard in March.",
    "Response times for category 2 averaged 35 minutes at three trusts.",
    "Only one ambulance trust hit the category 2 mean of 30 minutes.",
    "Six of the 10 ambulance services met category 3 targets.",
    "Two ambulance trusts improved category 1 and 2 performance.",
    "The category two calls were answered by five ambulance trusts.",
]

CQC_RATINGS = [
    "The CQC rated 12 trusts as inadequate and 40 as requires improvement.",
    "Nine trusts were rated inadequate by the Care Quality Commission.",
    "Three acute trusts are rated outstanding by the CQC.",
    "The CQC has rated four trusts 'inadequate' overall this year.",
    "Twenty trusts were judged inadequate for safety by inspectors.",
    "Five trusts received an inadequate rating from the CQC.",
    "Of the trusts inspected, 11 were rated good by the CQC.",
    "The regulator rates six ambulance trusts as requires improvement.",
]

MOVERS = [
    "Of that group, 15 have since come out of special measures.",
    "Five trusts came out of special measures last year.",
    "Within a 12-month period, only four exited special measures.",
    "Three trusts were taken out of segment 4 in March.",
    "Seven systems moved into segment 4 this year.",
    "Two trusts left the Recovery Support Programme in 2024.",
    "Four ICBs have exited segment 4 since April.",
    "Six providers were removed from special measures this year.",
]

METRIC_RANKS = [
    "It came 97th of 129 trusts for the percentage of patients treated within 18 weeks.",
    "The trust was 45th of 120 trusts on the proportion of cancer patients treated on time.",
    "It ranked 12th of 106 acute trusts for the rate of ambulance handovers.",
    "Ranked 88th out of 127 trusts on the number of patients waiting over a year.",
    "It placed 7th of 90 trusts in the percentage of staff recommending it.",
    "The hospital was 130th of 133 trusts for the proportion of A&E patients seen in four hours.",
    "It was 61st of 125 trusts for the share of diagnostic tests done within six weeks.",
    "It finished 20th of 140 trusts for the rate of falls.",
]

NUMBERED_PARAGRAPHS = [
    "Summary\n3. Segment 4 trusts receive intensive support.",
    "Summary\n12. The trust remains in segment 3.",
    "Background\n4) Trusts in segment 2 have minor concerns.",
    "Item\n7. NOF segment 3 applies to the ICB.",
    "Report\n2. Segment 1 is the highest.",
    "Minutes\n15. The board noted the trust is in segment 4.",
    "Paper\n5) The ICB sits in segment 2.",
    "Notes\n9. Special measures continue for the trust.",
    "Minutes\n(4) The Chief Executive reported that the Trust was in segment 3.",
    "Minutes\n(12) The board noted the ICB is in segment 2.",
]

LEAGUE_POSITIONS = [
    "The latest data placed the trust 106 in the national league table and into segment 4.",
    "The trust sits at 98 in the national league table, in segment 3.",
    "The trust came in at number 111 and is in segment 4.",
    "It was ranked at position 9 and sits in segment 1.",
    "It is at rank 101, in segment 3.",
    "The hospital is 125 on the league table and in segment 4.",
    "It is number 67 in the latest league table, in segment 3.",
    "The trust is at 27 overall and is in segment 2.",
]

SCALE = [
    "Each trust will be scored into one of four performance segments, ranked from one to four, the first segment "
    "being best.",
    "The community trust is ranked in segment three of four on the non-acute league table.",
    "The ICB is in segment 3 of 4.",
    "Providers are sorted into five oversight segments, from one to five, with the first segment best.",
    "Trusts are graded from 1 to 4, with segment 1 the best.",
    "Each trust is placed in one of four segments.",
    "The framework has four segments, numbered between 1 and 4.",
    "The trust is in category three of four.",
]

ONE_OF_THE_FIRST = [
    "This hospital became one of the first lifted out of segment four.",
    "It was one of the first ICBs to leave special measures.",
    "The trust was one of the last to exit segment 4.",
    "It was one of the earliest trusts placed into segment 4.",
    "The ICB is one of the few in segment 1.",
    "It became one of the latest to join the Recovery Support Programme.",
    "The trust was one of the original trusts in special measures.",
    "It was one of the initial providers placed in segment 4.",
]


RANK_BANDS = [
    "The trust is in the bottom 13 of the league table and in segment 4.",
    "It sits in the top 10 of the acute league table, in segment 1.",
    "Ranked in the bottom 20, the trust is in segment 4.",
    "The hospital made the top 25 and segment 2.",
    "Being in the bottom ten puts it in segment 4.",
    "The ICB is outside the top 5, in segment 3.",
    "It fell into the bottom 15 and stayed in segment 4.",
    "Moorfields tops the top 3 in segment 1.",
]

IMPROVERS = [
    "The ICB, one of 17 to improve, is now in segment 2.",
    "The trust was one of 12 to move up and is in segment 3.",
    "It is one of the 9 to leave segment 4 this year.",
    "As one of 20 to climb the table, the trust sits in segment 2.",
    "The trust, one of eight to fall, is in segment 4.",
    "It was one among 14 to gain a place and remains in segment 3.",
    "One of 30 to slip, the hospital is in segment 3.",
    "The ICB became one of six to exit special measures.",
]

AFFECTED = [
    "Trusts in deficit will be capped at segment 3, affecting 60 trusts.",
    "The cap on segment 1 affects about 40 trusts.",
    "The rule, which affected 25 providers, keeps them out of segment 1.",
    "The change to segment 5 is hitting 12 trusts.",
    "Capping at segment 3 impacts some 70 trusts.",
    "The deficit rule affecting nearly 50 trusts limits them to segment 3.",
    "A finance override hits 33 trusts, which cannot reach segment 2.",
    "The new threshold impacting 18 ICBs keeps them in segment 3.",
]

# the financial override and other rules: counts of the trusts a rule moved, capped or touched, and
# segments named as a bound or a denied place, not where a count sits
OVERRIDE = [
    "Trusts in deficit cannot be placed higher than segment 3 under the financial override, which pushed around "
    "20 trusts down a segment.",
    "The override, which pushed about 20 trusts down, means trusts in deficit cannot be in segment 1 or 2.",
    "Trusts in deficit cannot be placed higher than segment 3, and 20 trusts were affected.",
    "20 trusts were pushed down a segment by the override.",
    "The override dragged 20 trusts down into segment 4.",
    "The deficit rule has knocked a dozen trusts out of segment 2.",
    "Twenty trusts were capped at segment 3.",
    "The cap held 20 trusts back from segment 2.",
    "About 20 trusts had their segment lowered by the financial override.",
    "NHS England moved 11 trusts into segment 4.",
    "Under the override, 20 trusts cannot be placed higher than segment 3.",
    "20 trusts in deficit can be placed no higher than segment 3.",
    "Twenty trusts could not go above segment 2 because of their deficits.",
    "Under the override, 20 trusts will be in segment 3 at best.",
    "20 trusts cannot be in segment 1 or 2 because of their deficits.",
    "Twenty trusts are not in segment 1.",
]

HEDGES = [
    "NHS England expects about 15 trusts to enter the Provider Improvement Programme, segment 5.",
    "Around 10 trusts are likely to be placed in segment 5 next year.",
    "Two trusts could move into segment 4 in the next quarter.",
    "Officials predicted that 12 trusts would be in segment 5.",
    "Up to eight ICBs may be in segment 4 by the spring.",
    "Some 20 trusts are expected to be in segment 5 at first.",
    "Five more trusts might join segment 4 this winter.",
    "Roughly 30 trusts are set to be in segment 1 under the new rules.",
]


@pytest.mark.parametrize("text", [
    *(pytest.param(t, id=f"rank-band-{k}") for k, t in enumerate(RANK_BANDS)),
    *(pytest.param(t, id=f"improvers-{k}") for k, t in enumerate(IMPROVERS)),
    *(pytest.param(t, id=f"affected-{k}") for k, t in enumerate(AFFECTED)),
    *(pytest.param(t, id=f"hedge-{k}") for k, t in enumerate(HEDGES)),
    *(pytest.param(t, id=f"override-{k}") for k, t in enumerate(OVERRIDE)),
    *(pytest.param(t, id=f"history-{k}") for k, t in enumerate(HISTORIES)),
    *(pytest.param(t, id=f"duration-{k}") for k, t in enumerate(DURATIONS)),
    *(pytest.param(t, id=f"financial-{k}") for k, t in enumerate(FINANCIAL_SPECIAL_MEASURES)),
    *(pytest.param(t, id=f"ambulance-{k}") for k, t in enumerate(AMBULANCE_CATEGORIES)),
    *(pytest.param(t, id=f"cqc-{k}") for k, t in enumerate(CQC_RATINGS)),
    *(pytest.param(t, id=f"mover-{k}") for k, t in enumerate(MOVERS)),
    *(pytest.param(t, id=f"metric-{k}") for k, t in enumerate(METRIC_RANKS)),
    *(pytest.param(t, id=f"paragraph-{k}") for k, t in enumerate(NUMBERED_PARAGRAPHS)),
    *(pytest.param(t, id=f"position-{k}") for k, t in enumerate(LEAGUE_POSITIONS)),
    *(pytest.param(t, id=f"scale-{k}") for k, t in enumerate(SCALE)),
    *(pytest.param(t, id=f"one-of-the-first-{k}") for k, t in enumerate(ONE_OF_THE_FIRST)),
])
def test_trap_is_not_a_claim(nlp: Language, text: str) -> None:
    assert claims_of(nlp, text) == []


@pytest.mark.parametrize("text", [
    "The trust was second from bottom out of 134 acute trusts and is in segment 4.",
    "The service was placed ninth out of the 10 ambulance trusts, and remains in segment 4.",
    "The trust came third of the 61 non-acute trusts and is in segment 1.",
    "The trust, ranked last among the 134 acute trusts, is in segment 4.",
])
def test_a_league_s_size_after_a_position_counts_nobody_in_its_segment(nlp: Language, text: str) -> None:
    """'ninth out of the 10 ambulance trusts ... in segment 4' is not ten trusts in segment 4: at
    most the league's size, a population with no segment."""
    assert [c for c in claims_of(nlp, text) if c[1]] == []


@pytest.mark.parametrize("text", [
    "Hull University Teaching Hospitals NHS Trust, Northern Lincolnshire and Goole NHS Foundation Trust and York "
    "and Scarborough Teaching Hospitals NHS Foundation Trust serve the area. All three are in segment 4.",
    "Barts Health and Medway NHS Foundation Trust were inspected. These two are in segment 4.",
    "All ten of the top-ten trusts are in segment 1, and all eleven at the bottom are in segment 4.",
    "Seven of the bottom ten trusts are in segment 4.",
    # a definite count of the bodies just named
    "NHS England placed Medway NHS Foundation Trust and NHS Kent and Medway ICB in segment 4. The two organisations "
    "will now receive intensive support from the Recovery Support Programme.",
    "Barts Health, Medway NHS Foundation Trust and Wye Valley NHS Trust were placed in segment 4 today. The three "
    "trusts will now receive intensive support.",
    "Barts Health and Medway NHS Foundation Trust were inspected in May. Those two trusts are now in segment 4.",
    "It is one of two ambulance trusts to have been in special measures.",
    # those placed with a body
    "Barts Health NHS Trust and three other trusts have been placed in segment 4.",
    "Barts Health NHS Trust, along with four other trusts, is in segment 4.",
    "Our system learned on Monday that it, with two other systems, now needs mandated intensive support.",
    "NHS England said the ICB and two other systems will receive mandated intensive support.",
    "Medway NHS Foundation Trust is in segment 4 alongside two other trusts in Kent.",
])
def test_a_count_of_bodies_picked_out_is_no_population_count(nlp: Language, text: str) -> None:
    """'All three are in segment 4' after three names counts those three, not a population: as a
    national count of three trusts in segment 4 the audit set it against the national figure."""
    assert [c for c in claims_of(nlp, text) if c[1]] == []


@pytest.mark.parametrize(("text", "expected"), [
    ("About two-thirds of trusts (around 140) are in segments 2 or 3, according to our analysis of 210 providers.",
     [("trust", (2, 3), 140)]),
    ("Roughly 40 trusts are in segment 4, a survey of 150 providers found.", [("trust", (4,), 40)]),
])
def test_what_a_study_covered_is_no_count_of_the_segment(nlp: Language, text: str, expected: list[Row]) -> None:
    assert claims_of(nlp, text) == expected


# worded like a trap, but a count of where organisations sit
STOCKS = [
    ("Five trusts have been in special measures since 2021.", ("trust", (4,), 5)),
    ("23 ICSs have been placed in segment 3.", ("icb", (3,), 23)),
    ("Since April, 20 trusts are in segment 4.", ("trust", (4,), 20)),
    ("Four trusts remain in special measures for quality reasons.", ("trust", (4,), 4)),
    ("Seven trusts are in quality special measures.", ("trust", (4,), 7)),
    ("Twelve trusts are in segment 4, including one which has spent three years there.", ("trust", (4,), 12)),
    ("Three ICBs have been in segment 4 for the past year.", ("icb", (4,), 3)),
    ("Six trusts were placed in segment 4 in the latest quarter.", ("trust", (4,), 6)),
    ("There are now 18 trusts in the Recovery Support Programme, which began in 2021.", ("trust", (4,), 18)),
    ("Nine acute trusts are in segment 4, among them one that came out of special measures in 2019.",
     ("acute", (4,), 9)),
    ("Of the 42 ICBs, four are in the top two segments.", ("icb", (1, 2), 4)),
    ("The ICB needs support due to its deficit and two of its trusts are in special measures.", ("trust", (4,), 2)),
    ("Three trusts are in segment 4, where they are set to receive intensive support.", ("trust", (4,), 3)),
    ("Only 12 trusts are in segment 1, and ministers expect that to grow.", ("trust", (1,), 12)),
    ("In May, 20 trusts were in segment 4.", ("trust", (4,), 20)),
    # placed, not moved, or a bound and a denial outside the count's own words
    ("Slightly more than a third (37%) of trusts have been relegated to segment 3.", ("trust", (3,), None)),
    ("Seven trusts are in segment 3 and are affected by the new rules.", ("trust", (3,), 7)),
    ("20 trusts are in segment 3, higher than last year.", ("trust", (3,), 20)),
    ("20 trusts are in segment 3. The override cannot put any trust higher than segment 3.", ("trust", (3,), 20)),
    ("Six trusts are in segment 3, not in segment 4.", ("trust", (3,), 6)),
    ("Four trusts which have not recovered are in segment 4.", ("trust", (4,), 4)),
]


@pytest.mark.parametrize(("text", "expected"), STOCKS)
def test_stock_worded_like_a_trap_is_still_a_claim(nlp: Language, text: str, expected: Row) -> None:
    assert expected in claims_of(nlp, text)


# 'the number of X in segment S has changed from A to B': B is how many are there now
TRENDS = [
    ("The number of providers in special measures went up from 11 in 2014 to 19 by May 2019.", ("trust", (4,), 19)),
    ("The number of ICBs in segment 4 fell from six to four this year.", ("icb", (4,), 4)),
    ("The number of acute trusts in segment 3 has grown from 40 to 52.", ("acute", (3,), 52)),
    ("The number of trusts in the Recovery Support Programme dropped from 25 last year to 18 now.",
     ("trust", (4,), 18)),
    ("The number of providers in segment 1 went down from 30 to 24.", ("trust", (1,), 24)),
    ("The number of trusts in 'segment 4' has climbed from 12 to 15.", ("trust", (4,), 15)),
    ("The number of mental health trusts in segment two has decreased from seven to five since the spring.",
     ("mental_health", (2,), 5)),
    ("In the north, the number of trusts in segment 4 rose from three in March to five in June.",
     ("trust", (4,), 5)),
]


@pytest.mark.parametrize(("text", "expected"), TRENDS)
def test_number_that_changed_counts_its_new_value(nlp: Language, text: str, expected: Row) -> None:
    got = claims_of(nlp, text)
    assert expected in got
    assert all(count in (expected[2], 11, 3) for _, _, count in got)  # at most the earlier figure besides


RESTATED = [
    "Four NHS bodies in Lancashire and South Cumbria sit in the Recovery Support Programme. "
    "NHS England is to put the four organisations into segment 4.",
    "Three NHS bodies in Kent are in segment 4. The three organisations get intensive support in segment 4.",
    "In Norfolk, two NHS organisations are in segment 4. NHS England keeps the two organisations in segment 4.",
    "Five NHS organisations in Devon sit in segment 3. Those five organisations remain in segment 3.",
    "Across Cumbria, three NHS organisations are in segment 4 this year. These three organisations are in segment 4.",
    "Two NHS organizations in Essex are in segment 4; NHS England has placed the two organizations in segment 4.",
    "In Sussex, four NHS bodies are now in segment 3. A recommendation was made to keep the four organisations "
    "in segment 3.",
    "Six NHS organisations in Cheshire were put in segment 2. The six organisations will stay in 'segment 2'.",
]


@pytest.mark.parametrize("text", RESTATED)
def test_definite_count_restates_the_group_counted_before(nlp: Language, text: str) -> None:
    claims = read_doc(nlp(text)).claims
    assert len(claims) == 2
    assert claims[1].org_type == claims[0].org_type == "other"
    assert claims[1].scope == claims[0].scope != ""


# a document that writes about another tiering (elective, cancer, urgent care) means that tiering by its tiers
OTHER_TIERINGS = [
    "For urgent care NHS England takes a tiered approach. In the west sits the sole ambulance trust in the first tier.",
    "Under elective recovery tiering, 19 trusts are in tier 1 and 27 in tier 2.",
    "The cancer tier list was updated. Twelve trusts are in tier 1 for cancer waits.",
    "Elective tiers are reviewed monthly. Nine trusts sit in the first tier.",
    "A tiered support model covers emergency departments. Seven systems are in tier one.",
    "The UEC tier system began in May. Four ambulance trusts are in tier 2.",
    "Diagnostics tiers were set last year; 15 trusts are now in tier 1.",
    "The tiering for elective care is separate. Three trusts remain in tier one, and six in tier two.",
]


@pytest.mark.parametrize("text", OTHER_TIERINGS)
def test_another_tiering_is_not_the_segments(nlp: Language, text: str) -> None:
    result = read_doc(nlp(text))
    assert (result.claims, result.memberships) == ([], [])


@pytest.mark.parametrize(("text", "expected"), [
    ("Only 15 of the 42 ICBs are in tier one or two.", ("icb", (1, 2), 15)),
    ("NHS England put 20 trusts in tier 4 of the oversight framework.", ("trust", (4,), 20)),
])
def test_tiers_of_the_oversight_framework_are_segments(nlp: Language, text: str, expected: Row) -> None:
    assert expected in claims_of(nlp, text)


# a count of those still in, out of a history named first: the history is its denominator
HISTORY_TOTALS = [
    ("Of the 30 providers that have been through special measures, 12 remain in it.", 12, 30),
    ("Of the 22 trusts put in the regime since then, 14 remain in special measures.", 14, 22),
    ("Comparing this to the 26 providers placed in the regime since then, 15 remain in special measures.", 15, 26),
    ("Of the 40 providers that have spent time in special measures, nine are in special measures today.", 9, 40),
    ("Among the 25 trusts put into special measures since 2013, seven remain in special measures.", 7, 25),
    ("Of the 18 trusts ever placed in special measures, five are still there in special measures.", 5, 18),
    ("Of the 16 ICBs that have been through segment 4, four are in segment 4 now.", 4, 16),
    ("Of the 12 systems placed in segment 4 since 2021, three remain in segment 4.", 3, 12),
]


@pytest.mark.parametrize(("text", "count", "total"), HISTORY_TOTALS)
def test_count_still_in_takes_the_history_as_its_total(nlp: Language, text: str, count: int, total: int) -> None:
    claims = read_doc(nlp("There are 40 trusts in segment 3. " + text)).claims
    assert [(c.count, c.total) for c in claims[1:]] == [(count, total)]


# a count within a band of the league, in any word order: no count of all the trusts in the segment
COUNTS_IN_A_BAND = [
    "Nine trusts in the top ten are in segment 1.",
    "Nine of the trusts in the top ten are in segment 1.",
    "Seven trusts in the bottom 20 are in segment 4.",
    "Three trusts in the top 10 were in segment 2.",
    "Eight ICBs in the top-ten are in segment 1.",
    "Eight trusts among the top ten are in segment 1.",
    "In the top ten, nine trusts are in segment 1.",
    "Of the bottom 20, 14 trusts are in segment 4.",
    "Of the bottom 20, 14 are in segment 4 and 6 are in segment 3.",
    "Of the top 20 acute trusts, 15 are in segment 1.",
    "Across the top 25 ICBs, 18 are in segment 2.",
    "Among the ten worst trusts, eight are in segment 4.",
    "Among the ten worst-performing trusts, eight are in segment 4.",
    "Eight of the ten best trusts are in segment 1.",
    "Twelve of the 20 lowest-ranked trusts are in segment 4.",
    "The 10 best-performing ICBs are all in segment 1.",
    "Nine trusts in the top ten per cent are in segment 1.",
]

# the band's words naming segments, or another clause's count, still count
NOT_A_BAND = [
    ("Nineteen trusts are in the top two segments.", [("trust", (1, 2), 19)]),
    ("20 trusts are in the bottom two segments, and three are in the top segment.",
     [("trust", (3, 4), 20), ("trust", (1,), 3)]),
    ("Nine trusts in the top ten are in segment 1, and 20 trusts are in segment 4.", [("trust", (4,), 20)]),
    ("Twenty trusts in the North West are in segment 3.", [("trust", (3,), 20)]),
]


@pytest.mark.parametrize("text", COUNTS_IN_A_BAND)
def test_a_count_within_a_band_of_the_league_is_no_count_of_the_segment(nlp: Language, text: str) -> None:
    assert [c for c in claims_of(nlp, text) if c[1]] == []


@pytest.mark.parametrize(("text", "expected"), NOT_A_BAND)
def test_a_band_of_segments_or_another_clause_still_counts(nlp: Language, text: str, expected: list[Row]) -> None:
    assert claims_of(nlp, text) == expected


# one body said to be, or not to be, 'one of them' counts nothing, whoever was named before
ONE_OF_THEM = [
    'Gateshead Health NHS Foundation Trust is in segment 1. "Some trusts in the North East have been in segment 4, '
    'but Gateshead has never been one of them," she said.',
    '"Some trusts in the North East have been in segment 4, but Gateshead has never been one of them," she said.',
    "Gateshead Health NHS Foundation Trust is in segment 1. Several trusts in the region are in segment 4, but "
    "Gateshead is not one of them.",
    "Gateshead Health NHS Foundation Trust is in segment 1. Some trusts in the region are in segment 4, but "
    "Gateshead isn't one of them.",
    "Barts Health NHS Trust is in segment 3. Many trusts in London are in segment 4, and Barts Health is one of them.",
    "Barts Health NHS Trust is in segment 3. Several London trusts are in segment 4; Barts Health was also one of "
    "these last year.",
    "Wye Valley NHS Trust is in segment 2. Several trusts remain in segment 4, and it has never been one of those.",
]

# a count that is the subject of its own verb still counts
STILL_ONE_OF_THEM = [
    ("Four of the seven acute trusts are in segment 2. Only one of them is in segment 1.",
     [("acute", (2,), 4), ("acute", (1,), 1)]),
    ("Four of the seven acute trusts are in segment 2. Not one of them is in segment 4.",
     [("acute", (2,), 4), ("acute", (4,), 0)]),
]


@pytest.mark.parametrize("text", ONE_OF_THEM)
def test_a_body_that_is_one_of_them_counts_nothing(nlp: Language, text: str) -> None:
    assert claims_of(nlp, text) == []


@pytest.mark.parametrize(("text", "expected"), STILL_ONE_OF_THEM)
def test_one_of_them_as_a_subject_still_counts(nlp: Language, text: str, expected: list[Row]) -> None:
    assert claims_of(nlp, text) == expected


# a count of bodies besides one already spoken of ('N other trusts') counts no segment's members
BESIDES_ONE = [
    "It joins 20 other trusts currently in special measures.",
    "The trust joined 11 other providers in segment 4 last week.",
    "Medway NHS Foundation Trust is in segment 4. Three other trusts in the South East are in segment 4.",
    "Three other trusts in the South East are in segment 4: Barts Health NHS Trust, Wye Valley NHS Trust and "
    "Medway NHS Foundation Trust.",
    "Twenty-one other acute trusts have been placed in segment 4.",
    "NHS Kent and Medway ICB is in segment 4, as are two other ICBs.",
    "The system sits in the Recovery Support Programme with four other integrated care systems.",
    "It is one of 20 other trusts in special measures.",
]

# a bare 'others', a count of all the others, and a count with no 'other' keep their claims
NOT_BESIDES_ONE = [
    ("Frimley Health NHS Foundation Trust is in segment 1; 20 others are in segment 3.", []),
    ("Twenty trusts are in segment 4.", [("trust", (4,), 20)]),
    ("Of the 42 ICBs, 23 are in segment 3 and two are in segment 4.",
     [("icb", (), 42), ("icb", (3,), 23), ("icb", (4,), 2)]),
]


@pytest.mark.parametrize("text", BESIDES_ONE)
def test_a_count_of_other_bodies_counts_no_segment(nlp: Language, text: str) -> None:
    """'Three other trusts in the region are in segment 4' after one named there: the region has
    four, so as a count of the segment's members it would raise a false alarm."""
    assert [c for c in claims_of(nlp, text) if c[1]] == []


@pytest.mark.parametrize(("text", "expected"), NOT_BESIDES_ONE)
def test_a_count_without_other_still_counts(nlp: Language, text: str, expected: list[Row]) -> None:
    assert claims_of(nlp, text) == expected


# a segment in a relative clause about another body is not the counted group's
ANOTHER_S_CLAUSE = [
    "All four trusts sit within NHS Lancashire and South Cumbria ICB, which has been in the RSP since 2023.",
    "The county's three hospital trusts are part of NHS Norfolk and Waveney ICB, which was placed in segment 4 in "
    "July.",
    "Four trusts are served by NHS Kent and Medway ICB, which is in segment 4.",
    "Four trusts are in an ICB which is in segment 4.",
    "Five trusts are run by the same group, whose parent system is in segment 4.",
    "Both trusts fall under the Shropshire system, which is in special measures.",
]

# a relative clause about the counted group itself, or one closed before the segment, still counts
OWN_CLAUSE = [
    ("Six trusts, which are all in segment 4, will get extra support.", [("trust", (4,), 6)]),
    ("Four trusts, all of which are in segment 4, will get extra support.", [("trust", (4,), 4)]),
    ("Nine trusts in the North, who are all in segment 4, have new chairs.", [("trust", (4,), 9)]),
    ("Four trusts in the county, which is in segment 4, are in segment 3.", [("trust", (3,), 4)]),
    ("Twenty trusts are in segment 4, which is the lowest.", [("trust", (4,), 20)]),
]


@pytest.mark.parametrize("text", ANOTHER_S_CLAUSE)
def test_a_segment_in_another_body_s_relative_clause_counts_nobody(nlp: Language, text: str) -> None:
    """'All four trusts sit within X ICB, which has been in the RSP': the ICB is in segment 5 (or
    4), not the four trusts; as a count of them it contradicts the national figures."""
    assert [c for c in claims_of(nlp, text) if c[1]] == []


@pytest.mark.parametrize(("text", "expected"), OWN_CLAUSE)
def test_a_relative_clause_about_the_count_keeps_its_segment(nlp: Language, text: str, expected: list[Row]) -> None:
    assert [c for c in claims_of(nlp, text) if c[1]] == expected


# one body named as one of a group counted just before: the group's count stays, no count of one
NAMED_AS_ONE_OF = [
    ("The programme now supports 20 trusts and four integrated care systems, all of which are in segment 4. "
     "Wye Valley NHS Trust is one of them.", [("trust", (4,), 20), ("icb", (4,), 4)]),
    ("The programme now supports 20 trusts and four integrated care systems, all of which are in segment 4. "
     "Wye Valley NHS Trust is one of those trusts.", [("trust", (4,), 20), ("icb", (4,), 4)]),
    ("Twenty trusts are in segment 4. Wye Valley NHS Trust is one of these trusts, having been there since 2017.",
     [("trust", (4,), 20)]),
    ("Twenty trusts are in segment 4. Wye Valley NHS Trust was one of those organisations.", [("trust", (4,), 20)]),
    ("Twenty trusts are in segment 4. One of those trusts is Wye Valley NHS Trust.", [("trust", (4,), 20)]),
    ("Twenty trusts are in segment 4. One of them was Barts Health NHS Trust, which has since left.",
     [("trust", (4,), 20)]),
]


@pytest.mark.parametrize(("text", "expected"), NAMED_AS_ONE_OF)
def test_a_body_named_as_one_of_a_counted_group_counts_no_one(nlp: Language, text: str,
                                                                expected: list[Row]) -> None:
    """'... supports 20 trusts and four ICSs. X is one of them.' gave a count of one ICB in
    segment 4 and a failing check against the four."""
    assert claims_of(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Twenty trusts are in segment 4. Only one of those trusts is in London.",
     [("trust", (4,), 20), ("other", (4,), 1)]),
    ("Four of the seven acute trusts are in segment 2. Only one of them is in segment 1.",
     [("acute", (2,), 4), ("acute", (1,), 1)]),
])
def test_one_of_them_with_its_own_predicate_still_counts(nlp: Language, text: str, expected: list[Row]) -> None:
    assert claims_of(nlp, text) == expected


# a place named for a part of a count ('six are in London') or for a part of that part belongs to the part only
NESTED_PLACES = [
    ("Of the 21 trusts in special measures, six are in London, and two of these are in south London.",
     [(21, ""), (6, "London"), (2, "south London")]),
    ("Of the 21 trusts in segment 4, eight of them are in the North, and two of those are in Yorkshire.",
     [(21, ""), (8, "North"), (2, "Yorkshire")]),
    ("Of the 21 trusts in segment 4, eight are in the North. Two of those are in Yorkshire.",
     [(21, ""), (8, "North"), (2, "Yorkshire")]),
    ("Of the 21 trusts in segment 4, six are in London and three are in the Midlands.",
     [(21, ""), (6, "London"), (3, "the Midlands")]),
    ("Of the 21 trusts in segment 4, six are in London and three of them are acute trusts.",
     [(21, ""), (6, "London"), (3, "London")]),
    ("Twenty-one trusts are in segment 4, six of them in London.", [(21, ""), (6, "London")]),
]


@pytest.mark.parametrize(("text", "expected"), NESTED_PLACES)
def test_a_place_named_for_a_part_belongs_to_the_part(nlp: Language, text: str,
                                                      expected: list[tuple[int, str]]) -> None:
    """'Of the 21 trusts ..., six are in London, and two of these are in south London' gave the 21
    the scope London, and its derived check against the six failed."""
    assert [(c.count, c.scope) for c in read_doc(nlp(text)).claims] == expected


# movers named in an aside before the verb: the verb after the aside still makes them movers
MOVERS_PAST_AN_ASIDE = [
    "Four trusts, among them Wye Valley NHS Trust, have come out of special measures.",
    "Four trusts, including Wye Valley NHS Trust, have left segment 4.",
    "Four trusts, including Barts Health NHS Trust, Medway NHS Foundation Trust and Wye Valley NHS Trust, have left "
    "segment 4.",
    "Four trusts (among them Wye Valley NHS Trust) have left segment 4 this year.",
    "Five trusts - among them Wye Valley NHS Trust - moved into segment 3 this quarter.",
    "Six trusts, such as Wye Valley NHS Trust, moved from segment 3 to segment 4.",
    "Four trusts, including Wye Valley NHS Trust and Barts Health NHS Trust, entered special measures in 2016.",
    "Four trusts, among them Wye Valley NHS Trust, have come out of special measures since 2019.",
]

# members named in an aside, or an aside about one of them, leave the count of where they are
MEMBERS_PAST_AN_ASIDE = [
    ("Four trusts, among them Wye Valley NHS Trust, are in special measures.", [("trust", (4,), 4)]),
    ("Four trusts, among them Barts Health NHS Trust and Wye Valley NHS Trust, remain in segment 4.",
     [("trust", (4,), 4)]),
    ("Three trusts, among them Wye Valley NHS Trust, which has spent two years there, are in segment 4.",
     [("trust", (4,), 3)]),
]


@pytest.mark.parametrize("text", MOVERS_PAST_AN_ASIDE)
def test_movers_named_in_an_aside_count_no_segment(nlp: Language, text: str) -> None:
    """'Four trusts, among them X, have come out of special measures' gave four trusts in segment 4:
    the check for a movement stopped at the aside."""
    assert [c for c in claims_of(nlp, text) if c[1]] == []


@pytest.mark.parametrize(("text", "expected"), MEMBERS_PAST_AN_ASIDE)
def test_members_named_in_an_aside_still_count(nlp: Language, text: str, expected: list[Row]) -> None:
    assert claims_of(nlp, text) == expected
