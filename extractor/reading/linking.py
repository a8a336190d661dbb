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


def drop_named_twice(result: DocResult) -> None:
    """One membership for a body its sentence names twice, as 'X, our integrated care system,
    was placed in segment 3' or 'places our Trust, X, in segment 3' do: rows of one sentence
    with one code and one move are one row, under the body's name rather than the
    self-reference beside it (linking has just given both the same code)."""
    kept: dict[tuple, int] = {}
    rows = []
    for m in result.memberships:
        key = (m.start, m.ods_code, m.segment, m.from_segment)
        if not m.ods_code or key not in kept:
            kept.setdefault(key, len(rows))
            rows.append(m)
        elif _self_reference(rows[kept[key]].name) and not _self_reference(m.name):
            rows[kept[key]] = m
    result.memberships = rows


_REFERRING = {"our", "the", "this", "its", "their"}
_BODY_WORDS = {"trust", "board", "icb", "ics", "system", "organisation", "hospital", "hospitals", "foundation", "nhs",
               "integrated", "care", "health", "and", "partnership", "service", "services", "local"}


def _self_reference(name: str) -> bool:
    """'our Trust', 'the ICB', 'our integrated care system', 'We': a body's reference to
    itself, not its name."""
    words = name.lower().split()
    if len(words) == 1:
        return words[0] in {"we", "us", "it"}
    return bool(words) and words[0] in _REFERRING and all(w in _BODY_WORDS for w in words[1:])


def _league_type(league: str) -> str:
    return {"acute": "acute", "ambulance": "ambulance", "non_acute": "non_acute"}.get(league, "")
