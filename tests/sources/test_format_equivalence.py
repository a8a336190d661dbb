"""HTML, PDF and WARC versions of a document give the plain text's tables.

Every ``corpora/*.txt`` and every real page in ``../shared/real/docs`` (when it sits beside
the checkout) is rendered as users meet it: a cluttered web page with ``<table>`` rows or
with its tables in ``<pre>`` (and the true publication date), the latter inside a WARC, a
board-paper PDF with ruled tables, and one laid out by reportlab with paragraphs wrapped
by the page width (ragged or justified), tables as preformatted text, page numbers in the
footer and the true publication date. Each format is run through
``extractor.extract`` once and its claims, memberships and rankings are compared with the
plain text's on the fields that carry meaning (not offsets, which legitimately move when
page furniture is dropped).
"""

from __future__ import annotations

import csv
import datetime as dt
import math
from collections import Counter
from pathlib import Path

import pytest

from extractor.dates import find_published, to_date
from extractor.sources.text import guess_title

from .render import pdf_text, to_html, to_pdf, to_pdf_flowing, write_warc

REPO = Path(__file__).resolve().parents[2]
REAL = REPO.parent / "shared" / "real"
CORPUS = sorted((REPO / "corpora").glob("*.txt"))
REAL_DOCS = sorted((REAL / "docs").glob("*.txt"))

try:
    from extractor import extract
except ImportError as exc:  # the public API lands separately from the readers
    pytest.skip(f"extractor.extract is not importable yet ({exc})", allow_module_level=True)

if not CORPUS:
    pytest.skip("no corpora/*.txt documents to render", allow_module_level=True)

KEYS = {
    "claims": ("org_type", "segment", "count", "total", "percent"),
    "memberships": ("name", "segment", "org_type"),
    "rankings": ("name", "rank", "total", "league"),
}
FORMATS = ("html", "html_pre", "warc", "pdf", "pdf_flowing")
SHARE_ALIKE = 0.98
"""Documents whose every format gives the plain text's tables, at least."""

# Differences that come from the pipeline reading the same text differently, not from the
# readers; each names what the pipeline should learn. Remove an entry once it passes.
_SPACED_COUNT_LINES = (
    "indented count lines with spaced cells ('   Segment 1   27 trusts   (13%)', a Total line under them) "
    "are not recognised as a table block by this renderer, so HTML paragraphs and PDF text collapse their "
    "spaces; the count-line reader needs the run of spaces (or a colon or dash) to tell the segment number "
    "from the count, and the bracketed names from the prose. html_pre and warc keep them and agree")
KNOWN_GAPS: dict[tuple[str, str, str], str] = {
    ("607_nhse_style_q4_2024_25_summary", table, fmt): _SPACED_COUNT_LINES
    for table, fmt in [("claims", "html"), ("claims", "pdf"), ("claims", "pdf_flowing"), ("memberships", "html"),
                       ("memberships", "pdf")]
}


def _norm(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def _true_dates() -> dict[str, dt.date | None]:
    """The publication date of each document: the real pages' index, else the text's own."""
    dates: dict[str, dt.date | None] = {}
    if (REAL / "index.csv").is_file():
        with (REAL / "index.csv").open(encoding="utf-8") as fh:
            dates = {row["id"]: to_date(row["published"]) for row in csv.DictReader(fh) if row["published"]}
    for path in CORPUS + REAL_DOCS:
        if dates.get(path.stem) is None:
            dates[path.stem] = to_date(find_published(path.read_text(encoding="utf-8")))
    return dates


def tables_by_stem(paths: list[Path]) -> dict[str, dict[str, Counter]]:
    """Run one batch; key each document's rows by the file it was rendered from."""
    result = extract(paths)
    docs = result.documents
    stem_of = {row.doc_id: Path(str(row.source).split("#", 1)[0]).name.split(".", 1)[0]
               for row in docs.itertuples()}
    out: dict[str, dict[str, Counter]] = {stem: {t: Counter() for t in KEYS} for stem in stem_of.values()}
    for table, keys in KEYS.items():
        frame = getattr(result, table)
        for row in frame.to_dict("records"):
            out[stem_of[row["doc_id"]]][table][tuple(_norm(row[k]) for k in keys)] += 1
    failed = docs[docs.status == "failed"]
    assert failed.empty, failed[["source", "error"]].to_string()
    return out


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Path]:
    """Each document in every format, rendered once per session."""
    root = tmp_path_factory.mktemp("formats")
    folders = {name: root / name for name in ("text", "pdf_text", *FORMATS)}
    for folder in folders.values():
        folder.mkdir()
    dates = _true_dates()
    for n, path in enumerate(CORPUS + REAL_DOCS):
        text = path.read_text(encoding="utf-8")
        title = guess_title(text)  # the title the plain text gives, so no format knows more
        published = dates.get(path.stem)
        page_pre = to_html(text, title, published=published.isoformat() if published else "",
                           tables="pre").encode("utf-8")
        (folders["text"] / path.name).write_text(text, encoding="utf-8")
        (folders["pdf_text"] / path.name).write_text(pdf_text(text), encoding="utf-8")
        (folders["html"] / f"{path.stem}.html").write_text(to_html(text, title), encoding="utf-8")
        (folders["html_pre"] / f"{path.stem}.html").write_bytes(page_pre)
        (folders["pdf"] / f"{path.stem}.pdf").write_bytes(to_pdf(text, title))
        (folders["pdf_flowing"] / f"{path.stem}.pdf").write_bytes(  # both layouts, half the documents each
            to_pdf_flowing(text, title, published, justified=bool(n % 2)))
        write_warc(folders["warc"] / f"{path.stem}.warc.gz", [
            (f"https://news.example/{path.stem}", page_pre, "text/html; charset=utf-8"),
            ("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n", "image/png"),
        ])
    return folders


@pytest.fixture(scope="module")
def extracted(rendered) -> dict[str, dict[str, dict[str, Counter]]]:
    return {fmt: tables_by_stem([folder]) for fmt, folder in rendered.items()}


def _baseline(extracted, fmt: str, stem: str, table: str) -> Counter:
    # a PDF is compared with the text it could hold (ASCII dashes when no Unicode font exists)
    return extracted["pdf_text" if fmt.startswith("pdf") else "text"][stem][table]


def _params(paths: list[Path]) -> list:
    out = []
    for path in paths:
        for table in KEYS:
            for fmt in FORMATS:
                marks = []
                if (path.stem, table, fmt) in KNOWN_GAPS:
                    reason = f"pipeline gap: {KNOWN_GAPS[path.stem, table, fmt]}"
                    marks = [pytest.mark.xfail(reason=reason, strict=False)]
                out.append(pytest.param(path.stem, table, fmt, marks=marks, id=f"{path.stem}-{table}-{fmt}"))
    return out


@pytest.mark.parametrize(("stem", "table", "fmt"), _params(CORPUS))
def test_corpus_document_has_the_plain_texts_tables(extracted, stem, table, fmt):
    baseline, got = _baseline(extracted, fmt, stem, table), extracted[fmt][stem][table]
    assert got == baseline, f"{fmt} differs: missing {baseline - got}, extra {got - baseline}"


@pytest.mark.skipif(not REAL_DOCS, reason=f"the real pages are not beside the checkout ({REAL / 'docs'})")
@pytest.mark.parametrize(("stem", "table", "fmt"), _params(REAL_DOCS) or [pytest.param("", "", "", id="absent")])
def test_real_page_has_the_plain_texts_tables(extracted, stem, table, fmt):
    baseline, got = _baseline(extracted, fmt, stem, table), extracted[fmt][stem][table]
    assert got == baseline, f"{fmt} differs: missing {baseline - got}, extra {got - baseline}"


def test_nearly_every_document_reads_alike_in_every_format(extracted):
    stems = [p.stem for p in CORPUS + REAL_DOCS]
    alike = [stem for stem in stems
             if all(extracted[fmt][stem][table] == _baseline(extracted, fmt, stem, table)
                    for fmt in FORMATS for table in KEYS)]
    unlike = sorted(set(stems) - set(alike))
    assert len(alike) >= SHARE_ALIKE * len(stems), f"{len(unlike)} of {len(stems)} differ: {unlike}"
