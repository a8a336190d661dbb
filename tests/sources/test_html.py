"""The HTML reader on pages shaped like real news sites and council pages."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extractor.errors import ErrorCode, SourceError
from extractor.sources.html import decode_html, read_html

from .render import to_html

ARTICLE = """Four trusts placed in segment 4

NHS England has placed four trusts in segment 4 of the oversight framework.
They are:

- East Kent Hospitals
- Shrewsbury and Telford

Organisation | Segment
Frimley Health | 1
Royal Berkshire | 2

The regulator said more than half (23) of the 42 ICSs fall into segment 3."""


def page(body: str, head: str = "", charset: str = "utf-8") -> bytes:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<!DOCTYPE html><html><head>{meta}{head}</head><body>{body}</body></html>".encode(
        charset or "utf-8")


def test_a_cluttered_news_page_keeps_exactly_the_article():
    text, title, _, _ = read_html(to_html(ARTICLE, "Four trusts | Health Service Daily").encode())
    assert text == ARTICLE.replace("They are:\n\n", "They are:\n")
    assert title == "Four trusts | Health Service Daily"


@pytest.mark.parametrize("clutter", [
    '<nav><a href="/">Home</a> segment 4 tables</nav>',
    '<div class="cookie-banner"><p>We use cookies: 3 of 4 are optional.</p></div>',
    '<div id="onetrust-consent-sdk"><p>Your privacy: 12 partners in segment 2.</p></div>',
    '<aside><h2>Most read</h2><ul><li><a href="/x">Nine trusts in segment 4</a></li></ul></aside>',
    '<section class="related-content"><ul><li>Ten ICSs in segment 3</li></ul></section>',
    '<div class="comments"><p>Surely all 42 ICSs are in segment 2?</p></div>',
    '<div class="support-box"><p>Dear reader, 90% of our funding comes from you.</p><p>Give now</p></div>',
    '<p>Dear reader, our journalism is free to read.</p>',
    '<div class="newsletter-signup"><p>Sign up: 5 stories a day</p></div>',
    '<div style="display: none"><p>Hidden: 7 trusts in segment 1</p></div>',
    '<p hidden>Hidden: 7 trusts in segment 1</p>',
    '<div role="dialog"><p>Subscribe for 1 pound</p></div>',
    '<script>var segments = "4 trusts in segment 4";</script><style>p{}</style><noscript>3</noscript>',
    '<footer><p>© 2024. All 209 trusts.</p></footer>',
    '<p><strong>READ MORE:</strong> <a href="/x">Blackpool hospital trust moved to segment 4</a></p>',
    '<p>Related: <a href="/y">Nine trusts in segment 4</a> | <a href="/z">Strike dates</a></p>',
    '<form><label>Search 209 trusts</label><input></form>',
])
def test_boilerplate_is_dropped(clutter):
    story = "The trust was placed in segment 3 last week. " * 6
    text, _, _, _ = read_html(page(f"<main><article><p>{story}</p>{clutter}</article></main>"))
    assert text == story.strip()


def test_without_article_markup_the_body_is_read_minus_site_furniture():
    body = ('<header><a href="/">Site</a></header><div class="menu"><a>Trusts</a></div>'
            "<div><h1>ICS segments</h1><p>Only one ICS – Frimley – is assigned to Segment 1.</p></div>")
    assert read_html(page(body))[0] == "ICS segments\n\nOnly one ICS – Frimley – is assigned to Segment 1."


def test_a_headline_above_the_article_element_is_kept():
    story = "NHS England said the trust would get support from its regional team. " * 4
    body = (f'<header class="masthead"><nav>News</nav></header><div class="headline"><h1>Four trusts in segment 4</h1>'
            f"</div><article><p>{story}</p></article>")
    assert read_html(page(body))[0] == f"Four trusts in segment 4\n\n{story.strip()}"
    logo = f'<header><h1><a href="/">Evening Courier</a></h1></header><article><p>{story}</p></article>'
    assert read_html(page(logo))[0] == story.strip()


def test_lists_tables_and_line_breaks_keep_their_shape():
    body = ("<article><p>Trusts in segment 4:</p><ul><li>East Kent</li><li>Medway <b>NHS</b> FT</li></ul>"
            "<ol><li>first</li><li>second</li></ol>"
            "<table><thead><tr><th>Name</th><th>Segment</th></tr></thead>"
            "<tbody><tr><td>Frimley<br>Health</td><td> 1 </td></tr>"
            "<tr><td></td><td>2</td></tr></tbody></table>"
            "<p>Line one<br>line two</p><pre>a    b\n  c</pre></article>")
    text = read_html(page(body))[0]
    assert text == ("Trusts in segment 4:\n- East Kent\n- Medway NHS FT\n\n1. first\n2. second\n\n"
                    "Name | Segment\nFrimley Health | 1\n | 2\n\nLine one\nline two\n\na    b\n  c")


@pytest.mark.parametrize(("head", "body", "published"), [
    ('<meta property="article:published_time" content="2023-05-04T09:00:00+01:00">', "", "2023-05-04"),
    ('<meta name="date" content="2021/11/30">', "", "2021-11-30"),
    ('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-01-30T08:00"}</script>',
     "", "2024-01-30"),
    ("", '<time datetime="2025-12-11">11 December 2025</time>', "2025-12-11"),
    ('<meta name="date" content="2021-02-30">', "", ""),  # not a real day
    ("", "", ""),
])
def test_publication_date_from_metadata(head, body, published):
    html = page(f"<article><p>{body} Trusts in segment 2.</p></article>", head)
    assert read_html(html)[2] == published


def test_title_prefers_open_graph_then_title_then_h1():
    og = '<meta property="og:title" content="OG title"><title>Tab title</title>'
    assert read_html(page("<h1>Heading</h1><p>x</p>", og))[1] == "OG title"
    assert read_html(page("<h1>Heading</h1><p>x</p>", "<title> Tab\n title </title>"))[1] == "Tab title"
    assert read_html(page("<h1>Heading</h1><p>x</p>"))[1] == "Heading"


@pytest.mark.parametrize(("data", "declared", "expected"), [
    ("Café – 3 trusts".encode("cp1252"), "", "Café – 3 trusts"),  # undeclared cp1252
    ("Café 3 trusts".encode("latin-1"), "", "Café 3 trusts"),  # undeclared latin-1
    ('<meta charset="iso-8859-1">Caf\xe9 \x96'.encode("latin-1"), "", '<meta charset="iso-8859-1">Café –'),
    ("Café".encode(), "", "Café"),
    (codecs.BOM_UTF8 + "Café".encode(), "", "Café"),
    ("<p>Café</p>".encode("utf-16"), "", "<p>Café</p>"),  # with BOM
    ("<p>Café segment 3</p>".encode("utf-16-le"), "", "<p>Café segment 3</p>"),  # without BOM
    ("Café".encode("cp1252"), "windows-1252", "Café"),  # declared by HTTP
    ("Café".encode(), "no-such-charset", "Café"),  # a bogus declaration is ignored
    ("Café".encode(), "cp1252", "CafÃ©"),  # a wrong but valid declaration wins, as in browsers
])
def test_decoding_follows_bom_declaration_then_utf8_then_cp1252(data, declared, expected):
    assert decode_html(data, declared) == expected


def test_undeclared_cp1252_page_reads_its_smart_punctuation():
    words = "NHS England\u2019s \u201clist\u201d \u2013 segment 4"
    assert read_html(f"<html><body><p>{words}</p></body></html>".encode("cp1252"))[0] == words


@pytest.mark.parametrize(("data", "code"), [
    (b"", ErrorCode.EMPTY),
    (b"   \n\t ", ErrorCode.EMPTY),
    (bytes(range(256)) * 8, ErrorCode.BINARY),
    (b"<html><body><nav>Only navigation</nav><script>x()</script></body></html>", ErrorCode.NO_CONTENT),
    (b"<html><head><title>t</title></head></html>", ErrorCode.NO_CONTENT),
])
def test_unreadable_pages_raise_coded_errors(data, code):
    with pytest.raises(SourceError) as err:
        read_html(data)
    assert err.value.code is code


def test_deep_nesting_and_floods_are_bounded():
    deep = b"<html><body>" + b"<div><span>" * 60_000 + b"segment 3" + b"</span></div>" * 60_000
    assert read_html(deep)[0] == "segment 3"
    flood = b"<html><body>" + b"<p>x</p>" * 200_000 + b"</body></html>"
    with pytest.raises(SourceError) as err:
        read_html(flood)
    assert err.value.code is ErrorCode.TOO_LARGE


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000) | st.text(max_size=2000).map(str.encode))
def test_any_bytes_give_text_or_a_coded_error(data):
    try:
        text, _, published, _ = read_html(data)
    except SourceError as exc:
        assert exc.code in {ErrorCode.EMPTY, ErrorCode.BINARY, ErrorCode.NO_CONTENT}
    else:
        assert text.strip() and "\n\n\n" not in text and "\r" not in text
        assert published == "" or len(published) == 10


@settings(max_examples=100, deadline=None)
@example(["0\u16800"])  # found by hypothesis: the Ogham space mark is whitespace too
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)
                .map(str.strip).filter(bool), min_size=1, max_size=8))
def test_paragraph_text_survives_the_round_trip(paragraphs):
    import html as html_lib

    body = "".join(f"<p>{html_lib.escape(p)}</p>" for p in paragraphs)
    text = read_html(page(f"<article>{body}</article>"))[0]
    expected = [" ".join(p.split()) for p in paragraphs]
    assert [b for b in text.split("\n\n")] == [e for e in expected if e]


def _cells_page(cells: list[str], wrap: str = "div") -> bytes:
    body = "".join(f"<{wrap}>{c}</{wrap}>" for c in cells)
    return page(f"<article><p>The latest oversight figures for our area follow.</p><div class='grid'>{body}</div>"
                "<p>Source: NHS England, quarterly data.</p></article>")


@pytest.mark.parametrize(("cells", "rows"), [
    (["Organisation", "Segment", "Frimley Health NHS FT", "1", "Medway NHS FT", "3"],
     ["Organisation | Segment", "Frimley Health NHS FT | 1", "Medway NHS FT | 3"]),
    (["Trust", "Current segment", "Previous segment", "East Kent Hospitals", "4", "4", "Dartford and Gravesham", "2",
      "3"],
     ["Trust | Current segment | Previous segment", "East Kent Hospitals | 4 | 4", "Dartford and Gravesham | 2 | 3"]),
    (["ICB", "NOF segment", "NHS Frimley ICB", "Segment 1", "NHS Dorset ICB", "Segment 1"],
     ["ICB | NOF segment", "NHS Frimley ICB | Segment 1", "NHS Dorset ICB | Segment 1"]),
    (["Provider", "League position", "Segment", "Royal Papworth", "1 of 134", "1", "Medway NHS FT", "88=", "3"],
     ["Provider | League position | Segment", "Royal Papworth | 1 of 134 | 1", "Medway NHS FT | 88= | 3"]),
    (["Organisation name", "Sector", "Segment Q2", "Wirral Community Health and Care", "Community", "1",
      "Mersey Care", "Mental health", "2"],
     ["Organisation name | Sector | Segment Q2", "Wirral Community Health and Care | Community | 1",
      "Mersey Care | Mental health | 2"]),
    (["Segment", "ICBs", "Trusts", "1", "2", "27", "2", "13", "79", "Total", "42", "207"],
     ["Segment | ICBs | Trusts", "1 | 2 | 27", "2 | 13 | 79", "Total | 42 | 207"]),
    (["Name", "Rank", "Leeds Teaching Hospitals", "joint 40th", "Hull University Teaching Hospitals", "101"],
     ["Name | Rank", "Leeds Teaching Hospitals | joint 40th", "Hull University Teaching Hospitals | 101"]),
    (["System", "Segment (Q4 2024/25)", "Kent and Medway", "4", "Norfolk and Waveney", "4"],
     ["System | Segment (Q4 2024/25)", "Kent and Medway | 4", "Norfolk and Waveney | 4"]),
])
@pytest.mark.parametrize("wrap", ["div", "p", "section"])
def test_a_table_laid_out_one_cell_per_block_is_read_as_rows(cells, rows, wrap):
    text = read_html(_cells_page(cells, wrap)).text
    assert text.split("\n\n")[1] == "\n".join(rows)


@pytest.mark.parametrize("cells", [
    ["Organisation", "Sector", "Frimley Health", "Acute", "Medway", "Acute"],  # no segment or rank column
    ["Organisation", "Segment", "Frimley Health NHS FT", "1", "Medway NHS FT"],  # one row only
    ["Organisation", "Segment", "Frimley Health NHS FT", "one of the best", "Medway NHS FT", "3"],  # not a segment
    ["Trust", "The board met on Tuesday.", "Segment", "It discussed the results.", "1", "2"],
    ["Segment", "Trusts", "the best", "27", "the worst", "21"],
])
def test_short_blocks_that_are_no_table_stay_as_they_are(cells):
    text = read_html(_cells_page(cells)).text
    assert " | " not in text
    assert all(c in text.split("\n\n") for c in cells)


@pytest.mark.parametrize("table", [
    "Organisation                     Segment   League rank\nFrimley Health NHS FT            1         12\n"
    "East Kent Hospitals University   4         130=",
    "                  Segment 1   Segment 2   Total\nAcute trusts             17          12     134",
    "Trust\tSector\tSegment\nMedway NHS FT\tAcute\t3\nSussex Partnership NHS FT\tMental health\t3",
    "Organisation,ODS code,Segment\nNorth Bristol NHS Trust,RVJ,2\nSalisbury NHS Foundation Trust,RNZ,3",
])
def test_a_preformatted_table_keeps_its_lines_and_columns(table):
    text = read_html(page(f"<article><p>The table below is from NHS England.</p><pre>{table}</pre>"
                                "<p>Source: quarterly data.</p></article>")).text
    assert text == f"The table below is from NHS England.\n\n{table}\n\nSource: quarterly data."
