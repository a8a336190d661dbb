"""HTML, PDF and WARC versions of every corpus document give the plain text's tables.

Each ``corpora/*.txt`` is rendered as a cluttered web page, a board-paper PDF and a WARC
record, run through ``extractor.extract``, and its claims, memberships and rankings are
compared with the plain-text run on the fields that carry meaning (not offsets, which
legitimately move when page furniture is dropped).
"""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import pytest

from .render import pdf_text, to_html, to_pdf, write_warc

REPO = Path(__file__).resolve().parents[2]
CORPUS = sorted((REPO / "corpora").glob("*.txt"))

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


# Differences that come from the pipeline reading the same text differently, not from the
# readers; each names what the pipeline should learn. Remove an entry once it passes.
KNOWN_GAPS = {
    ("210_cheshire_merseyside_moves_nof2022", "memberships"):
        "the renderer splits table rows at runs of two spaces, so 'Mental health 2' (one space) becomes "
        "one cell and the row has a column too few; the plain text is read word by word",
}


def _norm(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def tables_by_stem(paths: list[Path]) -> dict[str, dict[str, Counter]]:
    """Run one batch; key each document's rows by the corpus file it was rendered from."""
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
    root = tmp_path_factory.mktemp("formats")
    folders = {name: root / name for name in ("text", "html", "pdf", "warc", "pdf_text")}
    for folder in folders.values():
        folder.mkdir()
    for path in CORPUS:
        text = path.read_text(encoding="utf-8")
        title = text.strip().split("\n", 1)[0][:80]
        page = to_html(text, title).encode("utf-8")
        (folders["text"] / path.name).write_text(text, encoding="utf-8")
        (folders["html"] / f"{path.stem}.html").write_bytes(page)
        (folders["pdf"] / f"{path.stem}.pdf").write_bytes(to_pdf(text, title))
        (folders["pdf_text"] / path.name).write_text(pdf_text(text), encoding="utf-8")
        write_warc(folders["warc"] / f"{path.stem}.warc.gz", [
            (f"https://news.example/{path.stem}", page, "text/html; charset=utf-8"),
            ("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n", "image/png"),
        ])
    return folders


@pytest.fixture(scope="module")
def extracted(rendered) -> dict[str, dict[str, dict[str, Counter]]]:
    return {fmt: tables_by_stem([folder]) for fmt, folder in rendered.items()}


@pytest.mark.parametrize("fmt", ["html", "warc", "pdf"])
@pytest.mark.parametrize("table", list(KEYS))
@pytest.mark.parametrize("stem", [p.stem for p in CORPUS])
def test_same_tables_as_the_plain_text(extracted, fmt, table, stem, request):
    if (stem, table) in KNOWN_GAPS:
        reason = f"pipeline gap: {KNOWN_GAPS[stem, table]}"
        request.applymarker(pytest.mark.xfail(reason=reason, strict=False))
    # the PDF is compared with the text it could hold (ASCII dashes when no Unicode font exists)
    baseline = extracted["pdf_text" if fmt == "pdf" else "text"][stem][table]
    got = extracted[fmt][stem][table]
    assert got == baseline, f"{fmt} differs: missing {baseline - got}, extra {got - baseline}"
