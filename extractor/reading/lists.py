"""Split written lists of organisation names into items.

"Devon, Hampshire & the Isle of Wight, Norfolk & Waveney, and Shropshire, Telford &
Wrekin" has commas and ampersands inside names, so gazetteer matches (``doc.spans
["orgs"]``) decide where names are; text the gazetteer does not cover is split on commas
and on "and" only where the left side already ends like an organisation name ("East Kent
Hospitals and Medway Hospitals"), and location qualifiers ("... in Kent") are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex
from spacy.tokens import Span

from ..pipeline.extensions import doc_text

ORG_HEADS = {"hospitals", "hospital", "trust", "health", "healthcare", "care", "services", "service",
             "partnership", "icb", "ics", "foundation", "nhs", "ft", "group", "alliance", "university",
             "centre", "clinic", "ambulance"}
_QUALIFIER = regex.compile(r"\s+(?:in|from|across|serving|covering|based\s+in)\s+(?:the\s+)?[A-Z][\w'’&\- ]*$")
MAX_NAME = 120  # longer "names" are sentences or whole lists run together
_AND = regex.compile(r"\s+(?:and|&)\s+")
_AND_OR_COMMA = regex.compile(r"\s+and\s+|,\s*")
_GAP_SEPARATORS = regex.compile(r"[\s,;]+")
_LEADING = regex.compile(r"^(?:and|or|plus|as\s+well\s+as|both|the|then|also)\s+", regex.I)


@dataclass(frozen=True)
class ListItem:
    text: str
    start: int
    end: int


def _trim(text: str, start: int) -> ListItem | None:
    raw = text
    text = text.strip(" \t\n,;:.()[]\"“”'’‘-–—•*")
    start += raw.find(text) if text else 0
    while True:
        m = _LEADING.match(text)
        if not m:
            break
        start += m.end()
        text = text[m.end():]
    q = _QUALIFIER.search(text)
    if q and q.start() > 0:
        text = text[:q.start()]
    text = text.rstrip(" ,;:.")
    if not text or not text[0].isupper() or len(text) > MAX_NAME:
        return None
    return ListItem(text, start, start + len(text))


def _split_and(text: str, start: int) -> list[ListItem]:
    """Split "A Hospitals and B Hospitals" but not "Barking Havering and Redbridge Hospitals"."""
    parts = _AND.split(text)
    if len(parts) == 1:
        item = _trim(text, start)
        return [item] if item else []
    out: list[ListItem] = []
    buf, buf_start, cursor = parts[0], start, start
    for part in parts[1:]:
        cursor = start + text.find(part, cursor - start + len(buf) if False else 0)
        left_head = buf.split()[-1].lower().strip(",") if buf.split() else ""
        # no organisation's name is that long, so a run of "and"s that would make one is a list
        too_long = len(buf) + len(part) + 5 > MAX_NAME
        if (left_head in ORG_HEADS or too_long) and part[:1].isupper():
            item = _trim(buf, buf_start)
            if item:
                out.append(item)
            pos = text.find(part, buf_start - start + len(buf))
            buf, buf_start = part, start + pos
        else:
            pos = text.find(part, buf_start - start + len(buf))
            buf = text[buf_start - start:pos + len(part)]
    item = _trim(buf, buf_start)
    if item:
        out.append(item)
    return out


def split_text(text: str, start: int) -> list[ListItem]:
    """Split uncovered list text on commas/semicolons, then on 'and' between whole names.

    A list punctuated with semicolons ("Lincolnshire; Cornwall and the Isles of Scilly; and
    Norfolk and Waveney") keeps commas and "and" inside its items.
    """
    out: list[ListItem] = []
    pattern = r"[^;]+" if ";" in text else r"[^,;]+"
    for m in regex.finditer(pattern, text):
        if pattern == r"[^;]+":
            item = _trim(m.group(0), start + m.start())
            if item:
                out.append(item)
            continue
        chunk = m.group(0)
        if not chunk.strip():
            continue
        out.extend(_split_and(chunk, start + m.start()))
    return out


def split_names(region: Span, orgs: list[Span]) -> list[ListItem]:
    """The names in a list region: gazetteer matches first, the rest split by punctuation."""
    doc = region.doc
    inside = sorted((o for o in orgs if o.start >= region.start and o.end <= region.end), key=lambda o: o.start)
    items: list[ListItem] = []
    cursor = region.start_char
    for org in inside:
        gap = doc_text(doc)[cursor:org.start_char]
        items.extend(_gap_items(gap, cursor))
        items.append(ListItem(org.text, org.start_char, org.end_char))
        cursor = org.end_char
    items.extend(_gap_items(doc_text(doc)[cursor:region.end_char], cursor))
    return items


def _gap_items(gap: str, start: int) -> list[ListItem]:
    words = [w for w in _GAP_SEPARATORS.split(gap) if w]
    if not any(w[:1].isupper() and w.lower() not in {"and", "the", "in", "of"} for w in words):
        return []
    return split_text(gap, start)


def names_before(region: Span, orgs: list[Span]) -> list[ListItem]:
    """'the London and South East Coast' (before 'ambulance trusts') → two names."""
    items = split_names(region, orgs)
    if len(items) == 1 and " and " in items[0].text and not orgs:
        text = items[0].text
        parts = _AND_OR_COMMA.split(text)
        out, pos = [], items[0].start
        for p in parts:
            at = text.find(p)
            item = _trim(p, pos + at) if at >= 0 else None
            if item:
                out.append(item)
        return out
    return items


def _code(text: str, org_type: str) -> str:
    """The organisation ``text`` names, for deciding how a list splits; a place name that
    fits exactly one organisation ('Shropshire, Telford and Wrekin') counts as naming it."""
    return _code_with_hint(text, org_type if org_type and org_type not in {"trust", "other"} else None)


@lru_cache(maxsize=4096)
def _code_with_hint(text: str, hint: str | None) -> str:
    """:func:`_code`, kept for the last few thousand names: re-cutting a list asks about the
    same pieces again and again, and the answer depends only on the words and the hint (the
    gazetteer is read once per process)."""
    from ..gazetteer import load_gazetteer

    link = load_gazetteer().resolve(text, org_type=hint)
    if not link.code and len(link.candidates) == 1 and "bare place name" in link.reason:
        return link.candidates[0]
    return link.code


def _should_merge(a: ListItem, b: ListItem, org_type: str) -> ListItem | None:
    """Merge 'Shropshire' + 'Telford and Wrekin' when together they name one organisation."""
    merged = ListItem(f"{a.text}, {b.text}", a.start, b.end)
    code = _code(merged.text, org_type)
    if not code:
        return None
    ca, cb = _code(a.text, org_type), _code(b.text, org_type)
    if not ca or not cb or ca == cb == code:
        return merged
    return None


def _atoms(items: list[ListItem], text: str) -> list[ListItem]:
    """Items cut further at every 'and'/'&' (a name may be joined to the next by one)."""
    out = []
    for item in items:
        pos = item.start
        for m in _AND.finditer(text[item.start:item.end]):
            out.append(ListItem(text[pos:item.start + m.start()], pos, item.start + m.start()))
            pos = item.start + m.end()
        out.append(ListItem(text[pos:item.end], pos, item.end))
    return [a for a in out if a.text.strip()]


def resplit(items: list[ListItem], text: str, org_type: str) -> list[ListItem]:
    """Re-cut a list by what the gazetteer knows: 'Shropshire, Telford and Wrekin and Norfolk and
    Waveney' is two systems, found by choosing the cut that resolves the most names."""
    atoms = _atoms(items, text)
    if len(atoms) > 24 or len(atoms) <= 1:
        return items
    best: list[tuple[float, list[ListItem]]] = [(0.0, [])]
    for i in range(1, len(atoms) + 1):
        options = []
        for j in range(max(0, i - 5), i):
            trimmed = _trim(text[atoms[j].start:atoms[i - 1].end], atoms[j].start)
            if trimmed is None:
                continue
            score = 2.0 if _code(trimmed.text, org_type) else (0.0 if i - j == 1 else -1.0 * (i - j))
            options.append((best[j][0] + score, [*best[j][1], trimmed]))
        best.append(max(options, key=lambda o: (o[0], -len(o[1]))) if options else (best[i - 1][0], best[i - 1][1]))
    chosen = best[-1][1]
    resolved_before = sum(1 for it in items if _code(it.text, org_type))
    resolved_after = sum(1 for it in chosen if _code(it.text, org_type))
    return chosen if resolved_after > resolved_before else items


def merge_split_names(items: list[ListItem], org_type: str, limit: int | None = None,
                      text: str | None = None) -> list[ListItem]:
    """Merge adjacent items the gazetteer knows as one name, down to ``limit`` items."""
    if text is not None and org_type and org_type not in {"trust", "other"}:
        items = resplit(items, text, org_type)
    items = list(items)
    changed = True
    while changed and (limit is None or len(items) > limit):
        changed = False
        for k in range(len(items) - 1):
            merged = _should_merge(items[k], items[k + 1], org_type)
            if merged is not None:
                items[k:k + 2] = [merged]
                changed = True
                break
    return items


def fit_to_count(items: list[ListItem], count: int | None, org_type: str, text: str | None = None) -> list[ListItem]:
    """Use the stated count to repair a list split at commas or "and" inside names.

    "Shropshire, Telford and Wrekin" splits into two items; when there are more items than
    the count, adjacent items are merged where the merged text names an organisation the
    gazetteer knows (and the parts alone do not); such a name is merged even when the split
    happens to match the count, since a list one short of its count is what an audit is for.
    With fewer items than the count, a plain "A and B" item that is not itself a known name is
    split ("Only two boards, Frimley and Dorset, ...").
    """
    if not count or not items:
        return items
    if text is not None and len(items) != count and org_type and org_type not in {"trust", "other"}:
        cut = resplit(items, text, org_type)
        if len(cut) == count:
            return cut
    items = merge_split_names(items, org_type, limit=count if len(items) > count else None, text=text)
    if len(items) < count:
        out: list[ListItem] = []
        for it in items:
            parts = _AND.split(it.text)
            if len(parts) == 2 and len(out) + len(items) - len([it]) + 2 <= count and not _code(it.text, org_type):
                pos = it.start
                for part in parts:
                    at = it.text.find(part, pos - it.start)
                    out.append(ListItem(part, it.start + at, it.start + at + len(part)))
                    pos = it.start + at + len(part)
            else:
                out.append(it)
        if len(out) == count:
            items = out
    return items
