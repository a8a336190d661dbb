"""League-table rankings (filled in by later rules)."""

from __future__ import annotations

from spacy.tokens import Doc

from .records import DocResult


def read_rankings(doc: Doc, result: DocResult) -> None:
    return None
