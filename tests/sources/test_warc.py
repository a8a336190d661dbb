"""WARC archives: streamed, pre-filtered, every HTML response accounted for, damage reported."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from extractor.errors import ErrorCode
from extractor.sources import iter_documents, warc
from extractor.sources.warc import iter_warc

from .render import to_html, write_warc

RELEVANT = to_html("Only one ICS – Frimley – is assigned to Segment 1 of the NHS oversight framework.",
                   "ICS segments").encode()
SPORT = b"<html><body><article><p>The match ended 2-1 after extra time.</p></article></body></html>"


def records(n_sport: int = 3) -> list[tuple[str, bytes, str]]:
    sport = [(f"https://news.example/sport/{i}", SPORT + b"%d" % i, "text/html") for i in range(n_sport)]
    return [("https://news.example/ics", RELEVANT, "text/html; charset=utf-8"), *sport,
            ("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n", "image/png"),
            ("https://news.example/feed.json", b'{"segment": 4, "trust": "x"}', "application/json")]


@pytest.mark.parametrize("gz", [True, False])
def test_html_responses_become_documents_and_irrelevant_ones_are_skipped_unparsed(tmp_path, gz):
    path = tmp_path / ("news.warc.gz" if gz else "news.warc")
    write_warc(path, records(), gzip=gz)
    docs = list(iter_warc(path, max_bytes=1 << 20))
    # the image and the JSON feed are not articles, so they are not documents at all
    assert [d.status for d in docs] == ["ok", "skipped", "skipped", "skipped"]
    ok = docs[0]
    assert "Frimley" in ok.text and ok.title == "ICS segments" and ok.meta["url"] == "https://news.example/ics"
    assert ok.source.startswith(f"{path}#urn:uuid:") and ok.source.count("#") == 1
    assert all(d.error == ErrorCode.IRRELEVANT.message("pre-filter") and d.text == "" for d in docs[1:])
    assert len({d.doc_id for d in docs}) == 4 and len({d.source for d in docs}) == 4


def test_oversight_words_only_in_the_furniture_skip_the_record_after_parsing(tmp_path):
    page = (b"<html><body><nav><a href='/nhs'>NHS trust league tables</a></nav>"
            b"<article><p>The match ended 2-1 after extra time at the county ground.</p></article></body></html>")
    path = tmp_path / "a.warc.gz"
    write_warc(path, [("https://x/sport", page, "text/html")])
    [doc] = list(iter_warc(path, max_bytes=1 << 20))
    assert doc.status == "skipped" and doc.error == ErrorCode.IRRELEVANT.message("pre-filter, main text")


def test_the_crawl_date_is_kept_apart_from_the_publication_date(tmp_path):
    path = tmp_path / "a.warc.gz"
    write_warc(path, records(0))
    [doc] = list(iter_warc(path, max_bytes=1 << 20))
    assert doc.published == "" and len(doc.meta["warc_date"]) == 10


def test_the_http_charset_is_used_to_decode(tmp_path):
    words = "NHS England\u2019s list: two trusts in segment 4"
    body = f"<html><body><p>{words}</p></body></html>".encode("cp1252")
    path = tmp_path / "a.warc"
    write_warc(path, [("https://x/1", body, "text/html; charset=windows-1252")], gzip=False)
    [doc] = list(iter_warc(path, max_bytes=1 << 20))
    assert doc.text == words


def test_oversized_records_fail_alone(tmp_path):
    big = RELEVANT + b"<!--" + b"x" * 5000 + b"-->"
    path = tmp_path / "a.warc.gz"
    write_warc(path, [("https://x/big", big, "text/html"), ("https://x/ok", RELEVANT, "text/html")])
    docs = list(iter_warc(path, max_bytes=4000))
    assert [d.status for d in docs] == ["failed", "ok"]
    assert docs[0].error.startswith(ErrorCode.TOO_LARGE.code)


def test_a_relevant_record_that_cannot_be_read_fails_with_its_reason(tmp_path):
    path = tmp_path / "a.warc.gz"
    nav_only = b"<html><body><nav>NHS trust segment 4</nav></body></html>"
    write_warc(path, [("https://x/nav", nav_only, "text/html")])
    [doc] = list(iter_warc(path, max_bytes=1 << 20))
    assert doc.status == "failed" and doc.error.startswith(ErrorCode.NO_CONTENT.code)


@pytest.mark.parametrize(("name", "damage"), [
    ("cut.warc.gz", lambda data: data[: len(data) - 300]),
    ("cut.warc", lambda data: data[: len(data) - 300]),
    ("junk.warc.gz", lambda data: data + b"\x1f\x8b\x08\x00garbage that is not gzip"),
    ("noise.warc", lambda data: data + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99\r\n\r\nshort"),
])
def test_a_damaged_archive_keeps_what_was_read_and_reports_the_damage(tmp_path, name, damage):
    clean = tmp_path / ("clean" + name[name.index("."):])
    write_warc(clean, records(3), gzip=name.endswith(".gz"))
    path = tmp_path / name
    path.write_bytes(damage(clean.read_bytes()))
    docs = list(iter_documents([path]))
    assert docs[0].status == "ok"
    assert docs[-1].status == "failed" and docs[-1].source == str(path)
    assert docs[-1].error.startswith(ErrorCode.WARC_CORRUPT.code)


def test_damage_before_the_fast_reader_gives_anything_still_keeps_the_records_before_it(tmp_path):
    clean = tmp_path / "clean.warc.gz"
    write_warc(clean, records(3) * 2)
    data = bytearray(clean.read_bytes())
    second = data.index(b"\x1f\x8b", 10)  # the second record's gzip member
    data[second + 40] ^= 0xFF
    path = tmp_path / "flipped.warc.gz"
    path.write_bytes(bytes(data))
    docs = list(iter_documents([path]))
    assert docs[0].status == "ok" and "Frimley" in docs[0].text
    assert docs[-1].status == "failed" and docs[-1].error.startswith(ErrorCode.WARC_CORRUPT.code)


@pytest.mark.parametrize("cut", [0, 200])
def test_an_archive_gzipped_whole_is_read_and_its_truncation_reported(tmp_path, cut):
    plain = tmp_path / "plain.warc"
    write_warc(plain, records(3), gzip=False)
    packed = gzip.compress(plain.read_bytes())
    path = tmp_path / "whole.warc.gz"
    path.write_bytes(packed[: len(packed) - cut])
    docs = list(iter_documents([path]))
    if cut:
        assert docs[-1].status == "failed" and docs[-1].error.startswith(ErrorCode.WARC_CORRUPT.code)
    else:
        assert [d.status for d in docs] == ["ok", "skipped", "skipped", "skipped"]


@pytest.mark.parametrize("gz", [True, False])
def test_the_fast_reader_and_warcio_give_the_same_documents(tmp_path, gz):
    path = tmp_path / ("news.warc.gz" if gz else "news.warc")
    write_warc(path, records(), gzip=gz)
    fast = list(warc._fast_documents(path, 1 << 20))
    slow = list(warc._warcio_documents(path, 1 << 20))
    assert fast == slow and len(fast) == 4


def test_unwanted_positions_come_back_unread_and_the_rest_as_usual(tmp_path):
    path = tmp_path / "news.warc.gz"
    write_warc(path, records(5))
    every = list(iter_warc(path, max_bytes=1 << 20))
    odd = list(iter_warc(path, max_bytes=1 << 20, wanted=lambda pos: pos % 2 == 1))
    assert len(odd) == len(every) == 6
    assert odd[0::2] == [None] * 3 and odd[1::2] == every[1::2]


def test_something_that_is_not_an_archive_fails_once(tmp_path):
    path = tmp_path / "fake.warc.gz"
    path.write_bytes(gzip.compress(b"just some text, no WARC headers"))
    [doc] = list(iter_documents([path]))
    assert doc.status == "failed" and doc.error.startswith(ErrorCode.WARC_CORRUPT.code)


def test_request_and_metadata_records_are_not_documents(tmp_path):
    path = tmp_path / "a.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warcinfo_record("a.warc.gz", {"software": "test"}))
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "x")], is_http_request=True)
        writer.write_record(writer.create_warc_record("https://x/", "request", payload=io.BytesIO(b""),
                                                      http_headers=request))
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://x/", "response", payload=io.BytesIO(RELEVANT),
                                                      http_headers=http))
    assert [d.status for d in iter_warc(Path(path), max_bytes=1 << 20)] == ["ok"]


@given(size=st.integers(0, 5 * 1024), limit=st.integers(1, 6 * 1024), chunk=st.sampled_from([1, 7, 512, 1 << 20]))
def test_a_capped_read_gives_what_one_read_of_the_cap_gives(size, limit, chunk):
    # read a piece at a time, so no reader is asked for a buffer the size of the cap
    payload = bytes(range(256)) * (size // 256) + bytes(size % 256)
    stream = io.BytesIO(payload)
    original, warc._CHUNK = warc._CHUNK, chunk
    try:
        assert warc._read_capped(stream.read, limit) == io.BytesIO(payload).read(limit)
    finally:
        warc._CHUNK = original


def test_a_payload_at_the_cap_is_read_and_one_byte_over_fails(tmp_path):
    body = b"<html><body><p>" + b"x" * 2000 + b"</p></body></html>"
    path = tmp_path / "news.warc.gz"
    write_warc(path, [("https://news.example/a", body, "text/html")])
    assert next(iter_warc(path, max_bytes=len(body))).status == "skipped"
    assert next(iter_warc(path, max_bytes=len(body) - 1)).status == "failed"
