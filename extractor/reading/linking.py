"""Attach official names and ODS codes to the memberships and rankings of a document.

The gazetteer (``extractor.gazetteer``) resolves each name with the hints the text gives:
the org type of the claim the name came from, words around it, and the document date, so
"South Central" in a list of ambulance trusts becomes South Central Ambulance Service.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..pipeline.extensions import doc_date
from ..pipeline.orgs import PUBLISHER
from ..records import DocResult


def link_records(doc: Doc, result: DocResult) -> None:
    """Fill ``canonical_name``/``ods_code`` (and a missing ``org_type``) where the name resolves."""
    from ..gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    day = doc_date(doc)
    for rec in [*result.memberships, *result.rankings]:
        if rec.ods_code == PUBLISHER:
            # "our trust" on a page that never says whose it is: kept as written, without a code
            rec.ods_code = ""
            if hasattr(rec, "link_reason"):
                rec.link_reason = "self-reference; the document does not name its publisher"
            continue
        known = gazetteer.get(rec.ods_code) if rec.ods_code else None
        if known is not None:
            rec.canonical_name = known.name_on(day) if day else known.name
            if hasattr(rec, "org_type") and not rec.org_type:
                rec.org_type = known.org_type
            continue
        hint = getattr(rec, "org_type", "") or _league_type(getattr(rec, "league", ""))
        link = gazetteer.resolve(rec.name, org_type=hint or None, on=day, context=rec.text)
        if not link.code and hint:
            link = gazetteer.resolve(rec.name, on=day, context=rec.text)
        if link.code:
            rec.canonical_name, rec.ods_code = link.name, link.code
            if hasattr(rec, "org_type") and (not rec.org_type or rec.org_type in {"trust", "other"}):
                rec.org_type = link.org_type
        if hasattr(rec, "link_reason"):
            rec.link_reason = link.reason


def _league_type(league: str) -> str:
    return {"acute": "acute", "ambulance": "ambulance", "non_acute": "non_acute"}.get(league, "")
