"""Memberships stated outside count claims (filled in by later rules)."""

from __future__ import annotations

from spacy.tokens import Doc

from .records import DocResult


def read_statements(doc: Doc, result: DocResult) -> None:
    return None
