"""A folder of hostile inputs: every file comes back once, with a status and, unless ok, a coded error.

Small specimens live in ``tests/data/hostile``; the big ones (a 50 MB page, 100k-deep
nesting, a script flood) are generated here so the repository stays small.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from extractor.errors import ErrorCode
from extractor.sources import iter_documents

from .render import write_warc

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"
CODE = re.compile(r"^E\d{3}: ")

EXPECTED = {
    "binary.dat": ("failed", ErrorCode.BINARY),
    "blank.txt": ("failed", ErrorCode.EMPTY),
    "cp1252_undeclared.html": ("ok", None),
    "empty.html": ("failed", ErrorCode.EMPTY),
    "empty.pdf": ("failed", ErrorCode.EMPTY),
    "encrypted.pdf": ("failed", ErrorCode.PDF_ENCRYPTED),
    "image_named.html": ("failed", ErrorCode.BINARY),
    "latin1_undeclared.txt": ("ok", None),
    "mislabelled_pdf.txt": ("ok", None),  # a PDF is read as one, whatever its name says
    "nav_only.html": ("failed", ErrorCode.NO_CONTENT),
    "page_tree_loop.pdf": ("failed", ErrorCode.PDF_CORRUPT),
    "scanned_no_text.pdf": ("skipped", ErrorCode.PDF_NO_TEXT),
    "self_drawing_form.pdf": ("ok", None),
    "truncated.pdf": ("failed", ErrorCode.PDF_CORRUPT),
    "utf16.html": ("ok", None),
    "utf16_no_bom.txt": ("failed", ErrorCode.BINARY),
    "huge_50mb.html": ("failed", ErrorCode.TOO_LARGE),
    "deep_nesting.html": ("ok", None),
    "script_flood.html": ("ok", None),
    "unclosed_tags.html": ("ok", None),
    "broken.warc.gz": ("failed", ErrorCode.WARC_CORRUPT),
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    for specimen in HOSTILE.iterdir():
        shutil.copy(specimen, root / specimen.name)
    para = b"<p>NHS England placed the trust in segment 3 of the oversight framework this week.</p>\n"
    (root / "huge_50mb.html").write_bytes(b"<html><body>" + para * (50 * 2**20 // len(para)))
    (root / "deep_nesting.html").write_bytes(
        b"<html><body>" + b"<div>" * 100_000 + b"Two trusts are in segment 4." + b"</div>" * 100_000)
    (root / "script_flood.html").write_bytes(
        b"<html><body><script>" + b"var x = '<p>segment 4</p>';" * 200_000 + b"</script><p>Segment 2.</p>")
    (root / "unclosed_tags.html").write_bytes(b"<html><body>" + b"<p><b><i>segment " * 3_000)
    archive = root / "broken.warc.gz"
    write_warc(archive, [("https://x/a", b"<html><body><p>Sport</p></body></html>", "text/html")])
    archive.write_bytes(archive.read_bytes() + b"\x1f\x8b\x08\x00 not really gzip")
    return root


@pytest.fixture(scope="module")
def documents(folder):
    return list(iter_documents([folder]))


def test_every_file_is_accounted_for_once(folder, documents):
    sources = [Path(d.source.split("#", 1)[0]).name for d in documents]
    files = sorted(p.name for p in folder.iterdir())
    assert sorted(set(sources)) == files
    singles = [s for s in sources if not s.endswith((".warc", ".warc.gz"))]
    assert len(singles) == len(set(singles))


def test_every_problem_has_a_coded_error(documents):
    for doc in documents:
        assert doc.status in ("ok", "skipped", "failed")
        assert (doc.status == "ok") == (doc.error == ""), doc
        assert doc.status == "ok" or CODE.match(doc.error), doc
        assert doc.status != "ok" or doc.text.strip()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_specimen_gets_the_right_outcome(documents, name):
    status, code = EXPECTED[name]
    rows = [d for d in documents if Path(d.source.split("#", 1)[0]).name == name]
    final = rows[-1]  # an archive's damage row comes after the records read before it
    assert final.status == status, final.error
    if code is not None:
        assert final.error.startswith(code.code)


def test_the_specimens_folder_is_small():
    assert sum(p.stat().st_size for p in HOSTILE.iterdir()) < 64 * 1024


def test_the_whole_run_lists_every_file_in_documents(folder):
    extract = pytest.importorskip("extractor").extract
    documents = extract([folder]).documents
    names = {Path(str(s).split("#", 1)[0]).name for s in documents.source}
    assert names == {p.name for p in folder.iterdir()}
    assert set(documents.status) <= {"ok", "skipped", "failed"}
    assert documents[documents.status != "ok"].error.str.match(CODE.pattern).all()


@pytest.mark.parametrize(("name", "head", "fmt"), [
    ("report.txt", b"%PDF-1.7\n", "pdf"),
    ("page.pdf", b"<!DOCTYPE html><html>", "html"),
    ("saved.txt", b"  <html lang='en'><body>", "html"),
    ("archive.bin", b"WARC/1.0\r\n", "warc"),
    ("news.warc.gz", b"\x1f\x8b\x08", "warc"),
    ("notes.txt", b"Segment 3: <b>two</b> trusts", "text"),
    ("page.htm", b"Segment 3", "html"),
    ("unknown", b"<div><body>", "html"),
])
def test_unmistakable_first_bytes_outrank_the_name(name, head, fmt):
    from extractor.sources import detect_format

    assert detect_format(Path(name), head) == fmt
