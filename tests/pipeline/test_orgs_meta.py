"""The linker reads a Doc's metadata once (``_metadata``), as ``_doc_meta`` reads each value."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from extractor.pipeline.extensions import set_doc_value
from extractor.pipeline.orgs import _doc_meta, _Meta, _metadata

_NAMES = _Meta._fields


def _expected(doc: Doc) -> _Meta:
    return _Meta(*(_doc_meta(doc, name) for name in _NAMES))


@pytest.mark.parametrize(
    "entries",
    [
        {},
        {"extractor.text": "x"},
        {"published": "2024-05-01"},
        {"url": "https://www.mtw.nhs.uk/news"},
        {"title": 3},
        {"source": "https://example.org", "title": "Medway NHS Foundation Trust"},
    ],
)
@pytest.mark.parametrize("as_extension", [False, True])
def test_metadata_reads_what_doc_meta_reads(entries: dict, as_extension: bool) -> None:
    doc = spacy.blank("en")("We met the trust.")
    for name, value in entries.items():
        if as_extension and name in _NAMES and Doc.has_extension(name):
            set_doc_value(doc, name, value)
        else:
            doc.user_data[name] = value
    assert _metadata(doc) == _expected(doc)


def test_metadata_follows_an_extension_with_a_default_of_its_own() -> None:
    doc = spacy.blank("en")("We met the trust.")
    saved = Doc.get_extension("title")
    try:
        Doc.set_extension("title", default="Medway NHS Foundation Trust", force=True)
        assert _metadata(doc) == _expected(doc) == _Meta("", "", "", "Medway NHS Foundation Trust")
        Doc.set_extension("title", getter=lambda d: "Kent Community Health", force=True)
        assert _metadata(doc) == _expected(doc)
    finally:
        Doc.remove_extension("title")
        if saved is not None:
            default, method, getter, setter = saved
            Doc.set_extension("title", default=default, method=method, getter=getter, setter=setter)
