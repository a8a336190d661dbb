"""Resolve loosely written organisation names to NHS organisations (ODS codes).

Articles name trusts and ICBs by short forms, initialisms, hospital sites, brand names
and names that have since changed. Auditing needs one code per organisation, so this
module turns a mention plus whatever the caller knows (the population counted, the
document date, nearby words) into a :class:`Link`, and says *why*. A mention that could
mean two organisations stays unresolved, with the candidates kept, rather than guessed.

The data is built by ``scripts/build_gazetteer.py`` into ``models/gazetteer/``.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

from .resources import load_jsonl

GAZETTEER_DIR = "gazetteer"
RESOLVED_KEPT = 16384  # resolved mentions kept per gazetteer (a few MB at most)

#: Organisation types of the gazetteer (the contract vocabulary's concrete types).
ORG_TYPES = ("acute", "mental_health", "community", "ambulance", "specialist", "icb", "ccg", "other")

#: Contract ``org_type`` hints and the gazetteer types each one admits.
HINT_GROUPS: dict[str, frozenset[str]] = {
    "icb": frozenset({"icb"}),
    "ccg": frozenset({"ccg"}),
    "trust": frozenset({"acute", "mental_health", "community", "ambulance", "specialist", "other"}),
    "acute": frozenset({"acute", "specialist"}),
    "specialist": frozenset({"specialist"}),
    "mental_health": frozenset({"mental_health"}),
    "community": frozenset({"community"}),
    "ambulance": frozenset({"ambulance"}),
    "community_or_mental_health": frozenset({"community", "mental_health"}),
    "non_acute": frozenset({"community", "mental_health"}),
}

#: Alias kinds, strongest first. A ``place`` alias is a bare geographic name ("Devon",
#: "South Central", "Medway") that only names an organisation when a type is known.
# the everyday names of hospitals, which outlive a merger of the trust that ran them
_EVERYDAY_KINDS = {"short", "brand"}
KIND_RANK = {"official": 0, "former": 0, "brand": 0, "short": 0, "abbrev": 0, "site": 1, "place": 2}

# Words that say what a hospital is, not where: a site alias made of these alone ("City
# Hospital", "Queen's Hospital", "General Hospital") is the name of a site in many towns, so
# it names the trust that runs one only when the page says where (see Gazetteer.site_places)
GENERIC_SITE_WORDS = frozenset({
    "city", "general", "district", "county", "community", "royal", "infirmary", "queens", "kings", "university",
    "teaching", "main", "central", "new", "memorial", "cottage", "hospital", "hospitals", "of", "and",
})

# Words in a mention or its neighbourhood that say what kind of body is meant, as
# (normalised word sequence, hint group). Longer phrases are tried first.
_TYPE_PHRASES: tuple[tuple[str, str], ...] = (
    ("integrated care boards", "icb"), ("integrated care board", "icb"),
    ("integrated care systems", "icb"), ("integrated care system", "icb"),
    ("clinical commissioning groups", "ccg"), ("clinical commissioning group", "ccg"),
    ("health and care partnership", "icb"), ("sustainability and transformation", "icb"),
    ("ambulance service", "ambulance"), ("ambulance services", "ambulance"),
    ("ambulance trusts", "ambulance"), ("ambulance trust", "ambulance"), ("ambulance", "ambulance"),
    ("mental health", "mental_health"), ("community trusts", "community"),
    ("community trust", "community"), ("icss", "icb"), ("ics", "icb"), ("icbs", "icb"),
    ("icb", "icb"), ("stps", "icb"), ("stp", "icb"), ("systems", "icb"), ("system", "icb"),
    ("ccgs", "ccg"), ("ccg", "ccg"), ("foundation trusts", "trust"), ("foundation trust", "trust"),
    ("trusts", "trust"), ("trust", "trust"), ("ft", "trust"), ("hospitals", "trust"),
    ("hospital", "trust"), ("acute", "acute"), ("providers", "trust"),
)
_TYPE_WORDS = {tuple(p.split()): g for p, g in _TYPE_PHRASES}
_MAX_TYPE_LEN = max(len(k) for k in _TYPE_WORDS)
_TYPE_OPENERS = frozenset(k[0] for k in _TYPE_WORDS)  # a type phrase can start only at one of these

# what a key makes of each character, after lower-casing: apostrophes go, "&" is "and", and
# hyphens, dashes and the punctuation that separates words are spaces
_KEY_CHARS = str.maketrans({**{c: None for c in "'\u2019\u2018`"}, "&": " and ",
                            **{c: " " for c in ".,;:()\"[]/-\u2013\u2014"}})


def _key_words(text: str) -> list[str]:
    """The words of :func:`normalize`'s key, which :func:`type_groups` reads without the key."""
    return [w for w in text.lower().translate(_KEY_CHARS).split() if w != "the"]


def normalize(text: str) -> str:
    """The comparison key of a name: case, "&"/"and", apostrophes, hyphens, "the" ignored.

    "Hampshire & the Isle of Wight", "Hampshire and Isle of Wight" and "King's"/"Kings"
    must meet in one key, so the key keeps only lower-case words without punctuation.
    One table maps the characters after lower-casing: lower-casing makes none of the
    characters it maps, and each it maps is caseless, so the order does not matter.
    """
    return " ".join(_key_words(text))


@lru_cache(maxsize=4096)
def parse_date(value: str | datetime.date | None) -> datetime.date | None:
    """A date from an ISO string (or its ``YYYY-MM-DD`` prefix); ``None`` when absent or bad.
    Kept for the strings seen last: resolving a mention parses the opening dates of all its
    candidates, the same few hundred organisations' dates over and over."""
    if value is None or isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def type_groups(words: str) -> set[str]:
    """Hint groups named by type words in ``words`` ("ambulance trusts" -> {"ambulance"})."""
    toks = _key_words(words)
    found: set[str] = set()
    i = 0
    while i < len(toks):
        if toks[i] not in _TYPE_OPENERS:  # no phrase of any length starts here
            i += 1
            continue
        for n in range(min(_MAX_TYPE_LEN, len(toks) - i), 0, -1):
            group = _TYPE_WORDS.get(tuple(toks[i:i + n]))
            if group:
                found.add(group)
                i += n
                break
        else:
            i += 1
    if "trust" in found and found & {"ambulance", "mental_health", "community", "acute"}:
        found.discard("trust")
    return found


@dataclass(frozen=True)
class Organisation:
    """One NHS organisation as the reference data describes it."""

    code: str
    name: str
    org_type: str
    region: str
    icb: str
    opened: str
    closed: str
    predecessors: tuple[str, ...] = ()
    successors: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    names: tuple[tuple[str, str, str], ...] = ()
    website: str = ""

    @classmethod
    def from_record(cls, rec: dict) -> Organisation:
        return cls(
            code=rec["code"], name=rec["name"], org_type=rec["org_type"], region=rec.get("region", ""),
            icb=rec.get("icb", ""), opened=rec.get("opened", ""), closed=rec.get("closed", ""),
            predecessors=tuple(rec.get("predecessors", ())), successors=tuple(rec.get("successors", ())),
            aliases=tuple(rec.get("aliases", ())),
            names=tuple((n["name"], n.get("from", ""), n.get("to", "")) for n in rec.get("names", ())),
            website=rec.get("website", ""),
        )

    def open_on(self, day: datetime.date) -> bool:
        """Whether the organisation existed on ``day`` (ICBs count from their STP/ICS days)."""
        opened, closed = parse_date(self.active_from), parse_date(self.closed)
        return (opened is None or opened <= day) and (closed is None or day <= closed)

    @property
    def active_from(self) -> str:
        """The earliest date the code names a body: an ICB's code was its STP's before 2022."""
        if self.names and self.names[0][1] == "" and self.org_type == "icb":
            return ""
        return self.opened

    def name_on(self, day: datetime.date | None) -> str:
        """The name the organisation carried on ``day`` (its latest name when unknown)."""
        if day is None:
            return self.name
        for name, start, end in self.names:
            s, e = parse_date(start), parse_date(end)
            if (s is None or s <= day) and (e is None or day <= e):
                return name
        return self.name


@dataclass(frozen=True)
class Link:
    """The outcome of resolving one mention."""

    code: str
    name: str
    org_type: str
    reason: str
    candidates: tuple[str, ...] = ()

    @property
    def resolved(self) -> bool:
        return bool(self.code)


@dataclass(frozen=True)
class AliasHit:
    """One alias entry: the organisation a key may name, and how strongly."""

    code: str
    kind: str


@dataclass
class Gazetteer:
    """Organisations and the alias index that maps name keys to them."""

    orgs: dict[str, Organisation]
    index: dict[str, tuple[AliasHit, ...]]
    surfaces: dict[str, tuple[str, ...]] = field(default_factory=dict)
    domains: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_records(cls, orgs: Iterable[dict], aliases: Iterable[dict]) -> Gazetteer:
        org_map = {r["code"]: Organisation.from_record(r) for r in orgs}
        index: dict[str, list[AliasHit]] = {}
        surfaces: dict[str, list[str]] = {}
        for rec in aliases:
            key = rec.get("key") or normalize(rec["alias"])
            bucket = index.setdefault(key, [])
            for code in rec["codes"]:
                if code in org_map and AliasHit(code, rec["kind"]) not in bucket:
                    bucket.append(AliasHit(code, rec["kind"]))
            surfaces.setdefault(key, []).append(rec["alias"])
        domains = {}
        for org in org_map.values():
            host = _host(org.website)
            if host:
                domains.setdefault(host, org.code)
        return cls(
            orgs=org_map, index={k: tuple(v) for k, v in index.items() if v},
            surfaces={k: tuple(v) for k, v in surfaces.items()}, domains=domains,
        )

    def get(self, code: str) -> Organisation | None:
        return self.orgs.get(code.strip().upper())

    def surface_forms(self) -> Iterator[tuple[str, str]]:
        """(surface alias, key) pairs for a phrase matcher."""
        for key, forms in self.surfaces.items():
            if key in self.index:
                for form in forms:
                    yield form, key

    def is_abbreviation(self, key: str) -> bool:
        """Whether every entry of ``key`` is an initialism (matched only when written in capitals)."""
        hits = self.index.get(key, ())
        return bool(hits) and all(h.kind == "abbrev" for h in hits)

    def publisher(self, source: str = "", title: str = "", on: datetime.date | str | None = None) -> str:
        """The code of the organisation whose own publication this is, or ""."""
        code = self.site_owner(source, on=on).code
        if code:
            return code
        if title:
            found = {
                link.code for link in (self.resolve(m) for m in _title_mentions(self, title)) if link.code
            }
            if len(found) == 1:
                return found.pop()
        return ""

    def site_owner(self, url: str, *, on: datetime.date | str | None = None) -> Link:
        """The organisation whose website ``url`` is on, and why ("" when it is nobody's).

        A host the reference data lists as an organisation's website decides. Otherwise NHS
        sites are named by their first label (``mtw.nhs.uk``, ``newcastle-hospitals.nhs.uk``,
        ``lancashireandsouthcumbria.icb.nhs.uk``), which is read as an alias, an acronym, the
        alias with its spaces closed up, or a place word and the initials of the rest of a
        name (``kentcht``: Kent Community Health Trust). A staging copy of a trust site keeps
        its name before ``.nhs.`` (``medway.nhs.example.net`` is ``medway.nhs.uk``). A label
        that is only a place, or fits two bodies, names no one.
        """
        host = _host(url)
        if not host:
            return Link("", "", "", "no web address", ())
        labels = host.split(".")
        if "nhs" in labels[1:-1] and labels[-2:] != ["nhs", "uk"]:
            owned = f"{'.'.join(labels[:labels.index('nhs', 1)])}.nhs.uk"
            if owned in self.domains:
                host = owned
        probe = host
        while probe:
            if probe in self.domains:
                return self._site_link(self.domains[probe], on, f"website {probe!r} of this organisation")
            probe = probe.partition(".")[2] if probe.count(".") > 2 else ""
        label = labels[0]
        hint = "icb" if "icb" in labels[1:-1] else None
        codes = set()
        for key in (normalize(label.replace("-", " ")), label.replace("-", "")):
            # a bare place names a body only when the host says which kind (".icb.nhs.uk")
            hits = [h for h in self.index.get(key, ()) if KIND_RANK.get(h.kind, 0) == 0 or hint]
            codes |= {h.code for h in hits}
        if not codes and hint:
            spaced = [k for k in self.index if k.replace(" ", "") == label.replace("-", "")]
            codes = {h.code for k in spaced for h in self.index[k]}
        if not codes:
            codes = set(self.host_labels.get(label.replace("-", ""), ()))
        if hint:
            codes = {c for c in codes if self.orgs[c].org_type in HINT_GROUPS[hint]} or codes
        if len(codes) > 1:
            day = parse_date(on) or datetime.date.today()
            codes = {c for c in codes if self.orgs[c].open_on(day)} or codes
        if len(codes) != 1:
            reason = f"host label {label!r} " + ("fits " + ", ".join(sorted(codes)) if codes else "names no one")
            return Link("", "", "", reason, tuple(sorted(codes)))
        return self._site_link(codes.pop(), on, f"host label {label!r} of {host!r}")

    def _site_link(self, code: str, on: datetime.date | str | None, why: str) -> Link:
        org = self.orgs[code]
        return Link(code, org.name_on(parse_date(on)), org.org_type, why, (code,))

    @property
    def host_labels(self) -> dict[str, tuple[str, ...]]:
        """Closed-up spellings of names as web hosts write them, to their codes: the alias
        without spaces ("bucksheathcare") and a name's first word with the initials of the
        rest ("kentcht", "healthierlsc"; "NHS", "and", "of" and "Foundation" are skipped,
        and the form with F is kept too). Built on first use."""
        cached = self.__dict__.get("_host_labels")
        if cached is None:
            table: dict[str, set[str]] = {}
            for key, hits in self.index.items():
                codes = {h.code for h in hits if KIND_RANK.get(h.kind, 0) == 0}
                if codes:
                    for form in _closed_up(key):
                        table.setdefault(form, set()).update(codes)
            cached = self.__dict__["_host_labels"] = {k: tuple(sorted(v)) for k, v in table.items()}
        return cached

    def site_places(self, mention: str) -> tuple[str, ...]:
        """The places (keys) of the sites a generic site name (``GENERIC_SITE_WORDS``) is
        given for in the site list: "birmingham" for "City Hospital", read from its aliases
        "City Hospital in Birmingham"; built once for all generic names."""
        table = self.__dict__.get("_site_places")
        if table is None:
            table = {}
            for key, hits in self.index.items():
                head, sep, place = key.partition(" in ")
                if sep and place and GENERIC_SITE_WORDS.issuperset(head.split()) and any(
                        h.kind == "site" for h in hits):
                    table.setdefault(head, set()).add(place)
            table = self.__dict__["_site_places"] = {k: tuple(sorted(v)) for k, v in table.items()}
        return table.get(self.lookup(mention)[2], ())

    def lookup(self, mention: str) -> tuple[tuple[AliasHit, ...], set[str], str]:
        """Alias hits for ``mention``, the type groups its own words imply, and the key used.

        When the whole mention is not an alias, trailing type words ("... ambulance trust",
        "... ICS") are peeled off and kept as a type hint, since writers append them freely.
        """
        key = normalize(mention)
        implied: set[str] = set()
        words = key.split()
        while words:
            hits = self.index.get(" ".join(words))
            if hits:
                return hits, implied, " ".join(words)
            for n in range(min(_MAX_TYPE_LEN, len(words) - 1), 0, -1):
                group = _TYPE_WORDS.get(tuple(words[-n:]))
                if group:
                    implied.add(group)
                    words = words[:-n]
                    break
            else:
                if words[0] in {"nhs", "our", "this"} and len(words) > 1:
                    words = words[1:]
                    continue
                if words[-1] in {"nhs", "partnership", "in", "of", "and"} and len(words) > 1:
                    words = words[:-1]
                    continue
                break
        return (), implied, key

    def resolve(
        self, mention: str, *, org_type: str | None = None, on: datetime.date | str | None = None,
        context: str = "",
    ) -> Link:
        """Resolve ``mention`` to one organisation, or say why it cannot be done safely.

        The answer depends on the mention, the hint, the day and only the type words of
        the context, so it is kept per process under those: a batch names the same bodies
        again and again, and builders resolve a mention more than once. Without a day the
        answer may use today's date, which is then part of the key. The linker asks with the
        same few contexts again and again: the answer is kept under the context as written
        too, which spares reading its type words."""
        day = parse_date(on)
        today = datetime.date.today() if day is None else None
        seen = self.__dict__.setdefault("_resolved_in", {})
        key = (mention, org_type, day, context, today)
        link = seen.get(key)
        if link is None:
            link = _keep(seen, key, self._resolve_near(mention, org_type, day, frozenset(type_groups(context)), today))
        return link

    def _resolve_near(self, mention: str, org_type: str | None, day: datetime.date | None,
                      nearby: frozenset[str], today: datetime.date | None) -> Link:
        """:meth:`resolve`, kept under the context's type groups."""
        kept = self.__dict__.setdefault("_resolved", {})
        key = (mention, org_type, day, nearby, today)
        link = kept.get(key)
        if link is None:
            link = _keep(kept, key, self._resolve(mention, org_type, day, nearby))
        return link

    def _resolve(self, mention: str, org_type: str | None, day: datetime.date | None,
                 nearby: frozenset[str]) -> Link:
        """:meth:`resolve`, given the day and the type groups its context names."""
        hits, implied, key = self.lookup(mention)
        if not hits:
            return Link("", "", "", f"no gazetteer alias matches {mention.strip()!r}", ())
        best: dict[str, int] = {}
        for hit in hits:
            best[hit.code] = min(best.get(hit.code, 9), KIND_RANK.get(hit.kind, 0))
        notes: list[str] = []
        codes = list(best)
        if day is not None:
            existing = [c for c in codes if (parse_date(self.orgs[c].active_from) or day) <= day]
            if existing and len(existing) < len(codes):
                notes.append(f"dropped bodies not yet open on {day.isoformat()}")
                codes = existing
        hint = HINT_GROUPS.get(org_type or "")
        typed = False
        if hint is not None:
            kept = [c for c in codes if self.orgs[c].org_type in hint]
            if kept:
                codes, typed = kept, True
                notes.append(f"type hint {org_type!r}")
            elif min(best[c] for c in codes) == KIND_RANK["place"]:
                return Link("", "", "", f"{mention.strip()!r} is a place name and no {org_type} is called "
                            "that", tuple(sorted(codes)))
            else:
                notes.append(f"type hint {org_type!r} matched no candidate, so it was set aside")
        if implied and not any(self.orgs[c].org_type in HINT_GROUPS[g] for c in codes for g in implied):
            return Link("", "", "", f"{mention.strip()!r} names a {'/'.join(sorted(implied))} but no such "
                        "body has that name", tuple(sorted(codes)))
        words = implied | nearby
        if words:
            allowed = frozenset().union(*(HINT_GROUPS[g] for g in words))
            kept = [c for c in codes if self.orgs[c].org_type in allowed]
            if kept:
                if len(kept) < len(codes) or not typed:
                    notes.append("type words " + "/".join(sorted(words)))
                # "London trusts" is geography: a bare "trust" nearby does not make a place an organisation.
                codes, typed = kept, typed or bool(implied) or bool(nearby - {"trust"})
        if not typed and min(best[c] for c in codes) == KIND_RANK["place"]:
            return Link("", "", _shared_type(self, codes), f"{mention.strip()!r} is a bare place name; "
                        "a type word or hint is needed", tuple(sorted(codes)))
        if len(codes) > 1:
            codes = self._narrow(codes, best, day, notes)
        if len(codes) > 1:
            return Link("", "", _shared_type(self, codes), f"{mention.strip()!r} could be "
                        + ", ".join(f"{c} ({self.orgs[c].name})" for c in sorted(codes)),
                        tuple(sorted(codes)))
        code = codes[0]
        kinds = sorted({h.kind for h in hits if h.code == code}, key=lambda k: (KIND_RANK.get(k, 0), k))
        via = f"{kinds[0]} alias {key!r}" if kinds else f"alias {key!r}"
        if kinds and kinds[0] == "site":
            code, moved = self._owner_on(code, day)
            if moved:
                notes.append(f"site owner {moved} had been succeeded by {code}")
            if GENERIC_SITE_WORDS.issuperset(key.split()):
                return Link("", "", self.orgs[code].org_type, f"{mention.strip()!r} is a generic site name "
                            f"({self.orgs[code].name} runs one); the page must say where", (code,))
        elif kinds and kinds[0] in _EVERYDAY_KINDS and day is not None:
            # 'Ipswich hospitals' in 2026 are the hospitals the successor runs; a full or former
            # official name still names the body itself (a history of the old trust)
            code, moved = self._owner_on(code, day)
            if moved:
                notes.append(f"{moved} had been succeeded by {code}")
        org = self.orgs[code]
        if day is not None and (parse_date(org.active_from) or day) > day:
            notes.append(f"note: opened {org.opened}, after the document date")
        if day is not None and not org.open_on(day) and org.closed and parse_date(org.closed) < day:
            notes.append(f"closed {org.closed}, succeeded by {', '.join(org.successors) or 'unknown'}")
        reason = f"{via}" + ("; " + "; ".join(notes) if notes else "")
        return Link(code, org.name_on(day), org.org_type, reason, tuple(sorted(best)))

    def _narrow(self, codes: list[str], best: dict[str, int], day: datetime.date | None,
                notes: list[str]) -> list[str]:
        """Prefer stronger alias kinds, then bodies that existed on the day (or exist now)."""
        top = min(best[c] for c in codes)
        strong = [c for c in codes if best[c] == top]
        if len(strong) < len(codes):
            notes.append("preferred a name over a site or place alias")
            codes = strong
        if len(codes) > 1:
            when = day or datetime.date.today()
            live = [c for c in codes if self.orgs[c].open_on(when)]
            if live and len(live) < len(codes):
                notes.append(f"preferred the body open on {when.isoformat()}")
                codes = live
        if len(codes) > 1:
            chain = _successor_chain_head(self, codes, day)
            if chain:
                notes.append("the candidates are one organisation under successive codes")
                codes = [chain]
        return codes

    def _owner_on(self, code: str, day: datetime.date | None) -> tuple[str, str]:
        """Follow successors from a site's 2018 owner to the body that ran it on ``day``."""
        when = day or datetime.date.today()
        start, seen = code, {code}
        org = self.orgs[code]
        while not org.open_on(when) and len(org.successors) == 1 and org.successors[0] not in seen:
            nxt = self.orgs.get(org.successors[0])
            if nxt is None or (parse_date(nxt.opened) or when) > when:
                break
            seen.add(nxt.code)
            org = nxt
        return org.code, (start if org.code != start else "")

    def explain(self, query: str, *, org_type: str | None = None,
                on: datetime.date | str | None = None) -> str:
        """A few lines saying how ``query`` resolves and why, for ``extractor orgs QUERY``."""
        link = self.resolve(query, org_type=org_type, on=on)
        hits, implied, key = self.lookup(query)
        lines = [f"query: {query!r} (key {key!r})"]
        if implied:
            lines.append("type words in the query: " + ", ".join(sorted(implied)))
        for hit in hits:
            org = self.orgs[hit.code]
            span = f"{org.opened or '?'}..{org.closed or 'open'}"
            lines.append(f"  candidate {hit.code} [{hit.kind}] {org.name} ({org.org_type}, {span})")
        if link.code:
            lines.append(f"resolved: {link.code} {link.name} ({link.org_type})")
        else:
            lines.append("unresolved")
        lines.append(f"why: {link.reason}")
        return "\n".join(lines)


def _keep(table: dict, key: tuple, link: Link) -> Link:
    """``link``, kept in ``table`` under ``key``; a full table is emptied first."""
    if len(table) >= RESOLVED_KEPT:
        table.clear()
    table[key] = link
    return link


def _shared_type(gaz: Gazetteer, codes: Iterable[str]) -> str:
    types = {gaz.orgs[c].org_type for c in codes}
    return types.pop() if len(types) == 1 else ""


def _successor_chain_head(gaz: Gazetteer, codes: list[str], day: datetime.date | None) -> str:
    """When all candidates are one line of succession, the member that fits ``day`` best."""
    pool = set(codes)
    for code in codes:
        rest = pool - {code}
        reach, todo = set(), [code]
        while todo:
            org = gaz.orgs.get(todo.pop())
            if org is None:
                continue
            for nxt in (*org.successors, *org.predecessors):
                if nxt not in reach:
                    reach.add(nxt)
                    todo.append(nxt)
        if not rest <= reach:
            return ""
    when = day or datetime.date.today()
    live = [c for c in codes if gaz.orgs[c].open_on(when)]
    return live[0] if len(live) == 1 else ""


_INITIALS_SKIP = {"nhs", "and", "of", "the", "for"}


def _closed_up(key: str) -> set[str]:
    """Host-label spellings of one alias key (see :attr:`Gazetteer.host_labels`)."""
    words = key.split()
    out = {"".join(words)} if len(words) > 1 else set()
    kept = [w for w in words if w not in _INITIALS_SKIP]
    for names in (kept, [w for w in kept if w != "foundation"]):
        if len(names) >= 3:
            out.add(names[0] + "".join(w[0] for w in names[1:]))
            out.add("".join(w[0] for w in names[:-1]) + names[-1])
    if "and" in words and len(words) >= 4 and words[0] != "nhs":
        out.add("".join(w[0] for w in words if w not in {"nhs", "of", "the"}))
    return out


_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:www\.)?([^/:?#\s]+)")


def _host(url: str) -> str:
    m = _HOST.match(url.strip().lower())
    host = m.group(1) if m else ""
    return host if "." in host else ""


def _title_mentions(gaz: Gazetteer, title: str) -> Iterator[str]:
    """Word runs of ``title`` that are whole, non-place aliases (longest first at each start)."""
    words = normalize(title).split()
    i = 0
    while i < len(words):
        for n in range(min(14, len(words) - i), 0, -1):
            key = " ".join(words[i:i + n])
            hits = gaz.index.get(key)
            if hits and min(KIND_RANK.get(h.kind, 0) for h in hits) == 0 and not gaz.is_abbreviation(key):
                yield key
                i += n
                break
        else:
            i += 1


@cache
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer (``models/gazetteer/``), read once per process."""
    return Gazetteer.from_records(
        load_jsonl(GAZETTEER_DIR, "organisations.jsonl"), load_jsonl(GAZETTEER_DIR, "aliases.jsonl"),
    )
