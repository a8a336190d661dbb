"""The report's HTML: escaped, self-contained, with every part a reader needs."""

from __future__ import annotations

import html
import re

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from extractor.report import render_report, segment_chart_svg, write_report
from extractor.report.highlight import Span, highlight

from .conftest import HOSTILE_TEXT


def test_write_report_creates_the_file(report_inputs, tmp_path) -> None:
    tables, texts = report_inputs
    path = write_report(tables, texts, tmp_path / "sub" / "report.html")
    assert path.is_file() and path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_no_markup_from_documents_survives(report_inputs) -> None:
    page = render_report(*report_inputs)
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "&lt;img src=x onerror=" in page
    assert "&lt;script&gt;window.__pwned = 1" in page


def test_report_is_self_contained(report_inputs) -> None:
    page = render_report(*report_inputs)
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", page)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_every_part_is_present(report_inputs) -> None:
    tables, texts = report_inputs
    page = render_report(tables, texts)
    for section in ('id="chart"', 'id="failing"', 'id="documents"', 'id="across"', 'id="dataset"',
                    'id="organisations"'):
        assert section in page
    assert page.count("<article") == len(texts)
    assert "<svg" in page
    for status in ("holds", "fails", "cannot be verified"):
        assert f">{status}</span>" in page
    assert 'class="hl-claim"' in page and "hl-org" in page and "hl-segment" in page


def test_claims_are_highlighted_at_their_offsets(report_inputs) -> None:
    tables, texts = report_inputs
    page = render_report(tables, texts)
    assert '<mark class="hl-claim" id="claim-audit_01_trusts_percent_slip:c3"' in page
    assert "45% (83) are in " in page


def test_a_failing_check_shows_the_sentences_it_rests_on(report_inputs) -> None:
    tables, texts = report_inputs
    page = render_report(tables, texts)
    failing = page[page.index('id="failing"'):page.index('id="documents"')]
    assert '<ul class="used">' in failing
    assert "“Of the 209 trusts it oversees, 31 are in segment 1" in html.unescape(failing)


def test_chart_draws_one_bar_per_population() -> None:
    figures = [("1", 1, "stated"), ("2", 14, "derived"), ("3", 23, "stated"), ("4", 4, "stated"),
               ("", 42, "stated")]
    dataset = pd.DataFrame([
        {"framework": "nof2022", "period": "2023/24 Q3", "org_type": "icb", "segment": s, "scope": "",
         "count": c, "basis": b} for s, c, b in figures
    ])
    svg = segment_chart_svg(dataset)
    assert svg.startswith("<svg") and svg.count("ICBs · nof2022 · 2023/24 Q3") == 2
    assert 'fill-opacity="0.45"' in svg
    assert segment_chart_svg(pd.DataFrame()) == ""


def _plain(marked: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", marked))


@given(text=st.text(min_size=1, max_size=80),
       bounds=st.lists(st.tuples(st.integers(0, 80), st.integers(0, 80)), max_size=6))
def test_highlighting_never_changes_the_text(text, bounds) -> None:
    spans = [Span(min(a, b), max(a, b), "claim", "x<y>") for a, b in bounds]
    marked = highlight(text, spans)
    assert _plain(marked) == text
    assert "<script" not in marked.lower() or "<script" not in text.lower()


def test_hostile_text_round_trips() -> None:
    marked = highlight(HOSTILE_TEXT, [Span(10, 60, "claim", '"><script>')])
    assert _plain(marked) == HOSTILE_TEXT and "<script" not in marked


def test_organisations_view_shows_each_history_with_its_conflicts(report_inputs) -> None:
    tables, texts = report_inputs
    page = render_report(tables, texts)
    view = page[page.index('<section id="organisations">'):]
    timeline = tables["timeline"]
    assert view.count('<div class="org"') == len(set(timeline["ods_code"]))
    assert view.count("<tr") - view.count('<tr><th') == len(timeline)
    assert view.count('<tr class="conflict">') == int((timeline["conflict"] != "").sum()) >= 2
    assert '<a href="#doc-hostile">hostile</a>' in view and "official table" in view
    assert "&lt;b onmouseover=" in view and "<b " not in view


def test_organisations_view_says_when_there_is_none(report_inputs) -> None:
    tables, texts = report_inputs
    page = render_report({**tables, "timeline": tables["timeline"].iloc[0:0]}, texts)
    assert "No organisation is placed in a segment or league." in page
