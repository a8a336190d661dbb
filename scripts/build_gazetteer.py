"""Build ``models/gazetteer/`` from the public reference files in ``../shared/reference/``.

Run ``python scripts/build_gazetteer.py [--reference DIR] [--out DIR]``. The output is
deterministic (sorted, no timestamps), so a rebuild from the same files gives the same
bytes; ``models/gazetteer/PROVENANCE.md`` says which file and column gave what.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from extractor.gazetteer import normalize

REPO = Path(__file__).resolve().parents[1]
DEFAULT_REFERENCE = REPO.parent / "shared" / "reference"
DEFAULT_OUT = REPO / "models" / "gazetteer"

# ODS trust extracts, oldest first, with the date each snapshot is taken to describe.
ETR_VINTAGES = (
    ("ods_etr_c2015q4.csv", "2015-12-31"), ("ods_etr_c2020q1.csv", "2020-03-31"),
    ("ods_etr_c2021q4.csv", "2021-12-31"), ("ods_etr_c2022.csv", "2022-09-30"),
    ("ods_etr_c2023h2.csv", "2023-09-30"), ("ods_etr_c2025.csv", "2025-06-30"),
    ("ods_etr_c2026.csv", "2026-07-01"),
)
REGIONS = {
    "Y54": "North of England", "Y55": "Midlands and East of England", "Y56": "London",
    "Y57": "South of England", "Y58": "South West", "Y59": "South East", "Y60": "Midlands",
    "Y61": "East of England", "Y62": "North West", "Y63": "North East and Yorkshire",
}
COMMUNITY_TYPES = {
    "Acute and Acute & Community Trusts": "acute", "Acute Specialist Trusts": "specialist",
    "Community Trusts": "community", "Ambulance Trusts": "ambulance", "Online / Digital": "other",
}
ICB_START, ICB_MERGE = "2022-07-01", "2026-04-01"

# Words that make a short name institutional rather than a bare place.
INSTITUTIONAL = {
    "hospital", "hospitals", "healthcare", "health", "care", "partnership", "mental", "community",
    "ambulance", "teaching", "university", "services", "service", "group", "alliance", "clinic",
    "centre", "childrens", "womens", "orthopaedic", "eye", "cancer", "heart", "chest", "royal",
    "infirmary", "integrated", "combined", "social", "specialist", "trust", "foundation", "nhs",
    "marsden", "christie", "moorfields", "tavistock", "portman", "papworth", "brompton", "walton",
    "clatterbridge", "alder", "great", "ormond", "birmingham womens", "learning", "disability",
    "partners", "system", "board", "ccg", "ics", "icb", "stp",
}
COMPASS = re.compile(r"^(?:(?:north|south|east|west|mid|central|greater|inner|outer|upper|lower)\s+)+")
# Single words that some trust or site is called but that mean other things in running text.
GENERIC_WORDS = {
    "southern", "humber", "mersey", "pennine", "burton", "kingston", "bridgewater", "online", "harbour",
    "lodge", "mount", "northumbria", "tavistock",
}
TYPE_SUFFIXES = ("NHS Foundation Trust", "NHS Trust", "Foundation Trust", "NHS FT", "FT", "Trust")
SMALL_WORDS = {"and", "of", "the", "upon", "on", "in", "for", "with", "at", "to"}
KEEP_UPPER = {"NHS", "ICB", "CCG", "ICS", "STP", "II", "UK"}
STOP_ABBREVS = {
    "NHS", "ICS", "ICB", "CCG", "STP", "CQC", "SOF", "NOF", "RSP", "THE", "AND", "FOR", "ONE", "ALL", "NEW",
    "CEO", "GP", "AE", "ED", "UK", "HR", "IT", "BMA", "RCN", "PFI", "OUR", "ITS", "CAN", "WHO", "LAS",
    "GET", "NUT", "OLD", "PAT", "PUT", "SOT", "AFT", "NCT", "NHSE", "NHSI", "HSJ", "ONS", "NICE",
}


def read_rows(path: Path, *, header: bool = True, encoding: str = "utf-8-sig", delimiter: str = ","):
    with path.open(encoding=encoding, newline="") as fh:
        reader = csv.reader(fh, delimiter=delimiter)
        if not header:
            yield from reader
            return
        names = [h.strip() for h in next(reader)]
        for row in reader:
            yield dict(zip(names, (c.strip() for c in row), strict=False))


def iso(yyyymmdd: str) -> str:
    s = yyyymmdd.strip()
    return f"{s[:4]}-{s[4:6]}-{s[6:8]}" if re.fullmatch(r"\d{8}", s) else ""


def day_before(iso_day: str) -> str:
    return (datetime.date.fromisoformat(iso_day) - datetime.timedelta(days=1)).isoformat()


def title_case(upper: str) -> str:
    """A readable name from an ODS capitals name, for bodies no other file spells out."""
    words = []
    for i, word in enumerate(upper.split()):
        lw = word.lower()
        if word in KEEP_UPPER:
            words.append(word)
        elif i and lw in SMALL_WORDS:
            words.append(lw)
        else:
            parts = re.split(r"([-'])", lw)
            words.append("".join(p if p in "-'" or (j and parts[j - 1] == "'" and len(p) < 2) else
                                 p[:1].upper() + p[1:] for j, p in enumerate(parts)))
    return " ".join(words).replace(" Nhs ", " NHS ")


def core_name(name: str) -> str:
    """The name without its legal suffix and leading "The" ("East Kent Hospitals University")."""
    s = re.sub(r"\s+", " ", name).strip()
    s = re.sub(r"^(?:The)\s+", "", s, flags=re.I)
    s = re.sub(r",?\s*(?:NHS\s+)?(?:Foundation\s+)?Trust$", "", s, flags=re.I)
    s = re.sub(r",?\s*National Health Service (?:Foundation )?Trust$", "", s, flags=re.I)
    return re.sub(r"[\s,.]+$", "", s).strip()


def initials(words: list[str]) -> str:
    return "".join(w[0].upper() for w in words if w and w[0].isalnum() and w.lower() not in SMALL_WORDS)


class Builder:
    """Collects organisations and aliases, then writes them as sorted JSONL."""

    def __init__(self, ref: Path) -> None:
        self.ref = ref
        self.orgs: dict[str, dict] = {}
        self.aliases: dict[tuple[str, str], dict] = {}
        self.proper: dict[str, str] = {}
        self.places: set[str] = set()
        self.official_keys: dict[str, str] = {}
        self.stats: dict[str, int] = defaultdict(int)

    # -- aliases -------------------------------------------------------------------------
    def add_alias(self, alias: str, code: str, kind: str) -> None:
        alias = re.sub(r"\s+", " ", alias.replace("\xa0", " ")).strip(" ,.")
        key = normalize(alias)
        if not key or len(key) < 2:
            return
        if key in GENERIC_WORDS and kind != "abbrev":
            kind = "place"
        entry = self.aliases.setdefault((key, kind), {"alias": alias, "key": key, "codes": [], "kind": kind})
        if code not in entry["codes"]:
            entry["codes"].append(code)

    def drop_alias(self, key: str, code: str) -> None:
        for (k, _kind), entry in list(self.aliases.items()):
            if k == key and code in entry["codes"]:
                entry["codes"].remove(code)
                if not entry["codes"]:
                    del self.aliases[(k, _kind)]

    def name_variants(self, core: str) -> list[str]:
        """Systematic spellings of a trust's core name (drop University/Teaching, Hospital(s))."""
        out = {core}
        for word in ("University", "Teaching"):
            for v in list(out):
                dropped = re.sub(rf"\b{word}\b\s*", "", v).replace(" of ,", ",").strip()
                dropped = re.sub(r"\s+", " ", dropped)
                if dropped and dropped != v:
                    out.add(dropped)
        for v in list(out):
            if re.search(r"\bHospitals\b", v):
                out.add(re.sub(r"\bHospitals\b", "Hospital", v))
            elif re.search(r"\bHospital\b", v) and not re.search(r"Hospital\s+(?:for|of)\b", v):
                out.add(re.sub(r"\bHospital\b", "Hospitals", v))
        for v in list(out):
            bare = re.sub(r"\s+Hospitals?$", "", v)
            if bare != v and len(bare.split()) >= 2:
                out.add(bare)
        for v in list(out):
            m = re.match(r"^(?:University )?Hospitals? of (.+)$", v)
            if m:
                out.add(f"{m.group(1)} Hospitals")
        return sorted({re.sub(r"\s+", " ", v).strip(" ,") for v in out if v.strip()})

    def is_place(self, text: str) -> bool:
        """Whether ``text`` is itself a known place ("Medway", "East Kent"), not a trust's own name."""
        key = normalize(text)
        if set(key.split()) & INSTITUTIONAL:
            return False
        return key in self.places or COMPASS.sub("", key).strip() in self.places

    def trust_aliases(self, code: str, name: str, kind: str) -> None:
        """Official, short, suffixed, place and initialism aliases of one trust name."""
        core = core_name(name)
        foundation = bool(re.search(r"foundation trust", name, re.I))
        self.add_alias(name, code, kind)
        if kind == "official":
            self.official_keys.setdefault(normalize(name), code)
        amb = re.match(r"^(.+?) Ambulance Service(?: University)?$", core)
        for variant in self.name_variants(core):
            short_kind = "place" if self.is_place(variant) else ("short" if kind == "official" else kind)
            self.add_alias(variant, code, short_kind)
            for suffix in TYPE_SUFFIXES:
                if ("Foundation" in suffix or suffix.endswith("FT")) and not foundation:
                    continue
                self.add_alias(f"{variant} {suffix}", code, kind)
        if amb:
            region = amb.group(1)
            self.add_alias(f"{region} Ambulance", code, kind)
            self.add_alias(f"{region} Ambulance Service", code, kind)
            self.add_alias(f"{region} Ambulance Trust", code, kind)
            self.add_alias(f"{region} Ambulance Service Trust", code, kind)
            self.add_alias(region, code, "place")
        else:
            stem = re.sub(r"\b(?:University|Teaching|Hospitals?|Healthcare|Health|Services|Care|Group|"
                          r"Partnership|Integrated|Community|Combined|and Care|and Social)\b", " ", core)
            stem = re.sub(r"^\s*(?:of|and)\s+|\s+(?:of|and)\s*$", "", re.sub(r"\s+", " ", stem)).strip(" ,")
            stem = re.sub(r"\s+and$", "", stem)
            geographic = not set(normalize(stem).split()) & INSTITUTIONAL
            if stem and stem != core and geographic and stem[0].isupper():
                self.add_alias(stem, code, "place" if self.is_place(stem) else "short")
        if kind != "official":
            return
        words = core.replace("-", " ").replace(",", " ").split()
        base = initials(words)
        no_hosp = initials([w for w in words if w.lower() not in {"hospitals", "hospital"}])
        forms = {base, base + ("FT" if foundation else "T")}
        if no_hosp != base:
            forms.add(no_hosp + ("FT" if foundation else "T"))
        for form in sorted(forms):
            if len(form) >= 3 and form not in STOP_ABBREVS:
                self.add_alias(form, code, "abbrev")

    # -- trusts --------------------------------------------------------------------------
    def load_proper_names(self) -> None:
        """Mixed-case spellings from files that have them, keyed by name key."""
        for row in read_rows(self.ref / "community_trust_names_aliases_type_ics_2026.csv"):
            self.proper.setdefault(normalize(row["name"]), row["name"])
        for row in read_rows(self.ref / "tac_provider_name_variants_2017-18_to_2023-24.csv"):
            for col in ("org_name_canonical", "org_name_raw"):
                self.proper.setdefault(normalize(row[col]), row[col])
        for row in read_rows(self.ref / "ods_icb_financial_apportionment_2023-08.csv"):
            self.proper.setdefault(normalize(row["NHS Trusts"]), row["NHS Trusts"])

    def pretty(self, upper: str) -> str:
        return self.proper.get(normalize(upper)) or title_case(upper)

    def load_trusts(self) -> None:
        history: dict[str, list[tuple[str, str]]] = defaultdict(list)
        latest: dict[str, list[str]] = {}
        vintages = [(list(read_rows(self.ref / fname, header=False)), when) for fname, when in ETR_VINTAGES]
        # Later extracts leave the region blank for some Welsh bodies: one W00 anywhere drops the code.
        welsh = {row[0] for rows, _ in vintages for row in rows if row and row[2] == "W00"}
        for rows, when in vintages:
            for row in rows:
                if not row or row[0] in welsh:
                    continue
                history[row[0]].append((when, row[1]))
                latest[row[0]] = row
        for row in read_rows(self.ref / "ods_ect_care_trusts_c2023h2.csv", header=False):
            history[row[0]].append(("2023-09-30", row[1]))
            latest[row[0]] = row
        for code, row in latest.items():
            names: list[dict] = []
            for when, upper in history[code]:
                if names and normalize(names[-1]["name"]) == normalize(upper):
                    continue
                if names:
                    names[-1]["to"] = day_before(when)
                start = iso(row[10]) if not names else when
                names.append({"name": self.pretty(upper), "from": start, "to": ""})
            names[-1]["to"] = iso(row[11])
            self.orgs[code] = {
                "code": code, "name": names[-1]["name"], "org_type": "", "region": REGIONS.get(row[2], ""),
                "icb": "", "opened": iso(row[10]), "closed": iso(row[11]), "predecessors": [],
                "successors": [], "names": names, "website": "", "geo_icb": row[3] if len(row) > 3 else "",
            }
            self.stats["trusts"] += 1

    def load_community(self) -> None:
        for row in read_rows(self.ref / "community_trust_names_aliases_type_ics_2026.csv"):
            org = self.orgs.get(row["ods_code"])
            if org is None:
                continue
            kind = row["type"]
            mental = kind.startswith("Mental Health")
            org["org_type"] = "mental_health" if mental else COMMUNITY_TYPES.get(kind, "")
            org["website"] = re.sub(r"^(https?://[^/]+).*$", r"\1", row["url"])
            if row["region"]:
                org["region"] = row["region"]
            for pred in filter(None, (p.strip() for p in row["predecessor_codes"].split(";"))):
                self.link_succession(pred, row["ods_code"], row["merger_date"])
            org["community_alts"] = [a.strip() for a in row["alt_names"].split(";") if a.strip()]

    def link_succession(self, pred: str, succ: str, when: str = "") -> None:
        if pred == succ or pred not in self.orgs or succ not in self.orgs:
            return
        if succ not in self.orgs[pred]["successors"]:
            self.orgs[pred]["successors"].append(succ)
        if pred not in self.orgs[succ]["predecessors"]:
            self.orgs[succ]["predecessors"].append(pred)

    def infer_successions(self) -> None:
        """A trust closing the day before another opens, in the same region, merged into it."""
        by_open: dict[str, list[str]] = defaultdict(list)
        for code, org in self.orgs.items():
            if org["opened"] and org["org_type"] not in ("icb", "ccg"):
                by_open[org["opened"]].append(code)
        for code, org in self.orgs.items():
            if not org["closed"] or org["org_type"] in ("icb", "ccg"):
                continue
            nxt = (datetime.date.fromisoformat(org["closed"]) + datetime.timedelta(days=1)).isoformat()
            fits = [c for c in by_open.get(nxt, ()) if self.orgs[c]["region"] == org["region"]]
            if len(fits) == 1:
                self.link_succession(code, fits[0])
                self.stats["inferred_successions"] += 1

    def load_types_from_nof(self) -> None:
        for row in read_rows(self.ref / "nof_2025-26_q3_trust_segments_extract.csv"):
            org = self.orgs.get(row["org_code"])
            if org is None or org["org_type"]:
                continue
            t, sub = row["trust_type"].lower(), row["trust_subtype"].lower()
            org["org_type"] = ("ambulance" if "ambulance" in t else "specialist" if "specialist" in sub else
                               "community" if "community" in t and "mental" not in t else
                               "mental_health" if "mental" in t else "acute")

    def infer_type(self, code: str, seen: frozenset[str] = frozenset()) -> str:
        """A type for a trust no typed list covers: its words first, then its successor's."""
        org = self.orgs[code]
        if org["org_type"]:
            return org["org_type"]
        words = " ".join(n["name"] for n in org["names"]).lower()
        rules = (
            ("ambulance", "ambulance"), ("mental health", "mental_health"), ("partnership", "mental_health"),
            ("learning disabilit", "mental_health"), ("social care", "mental_health"),
            ("community", "community"), ("care services", "community"), ("care trust", "mental_health"),
            ("orthopaedic", "specialist"), ("cancer", "specialist"), ("nhs direct", "other"),
            ("nightingale", "other"), ("online", "other"),
        )
        for needle, kind in rules:
            if needle in words:
                return kind
        for succ in org["successors"]:
            if succ not in seen:
                return self.infer_type(succ, seen | {code})
        return "acute"

    def load_apportionment(self) -> None:
        for row in read_rows(self.ref / "ods_icb_financial_apportionment_2023-08.csv"):
            org = self.orgs.get(row["ODS Trust Code"])
            if org is not None:
                org["icb"] = row["ODS ICB Code"]

    # -- ICBs, STPs and CCGs -------------------------------------------------------------
    def load_icbs(self) -> None:
        regions = {r["ICB23CDH"]: r["NHSER23NM"] for r in
                   read_rows(self.ref / "ons_subicb_icb_nhser_lookup_apr2023.csv")}
        brands: dict[str, set[str]] = defaultdict(set)
        stp_by_e54: dict[str, str] = {}
        for row in read_rows(self.ref / "ons_ccg_stp_nhser_lookup_apr2021.csv"):
            brands[row["STP21CDH"]].add(row["STP21NM"])
            stp_by_e54[row["STP21CD"]] = row["STP21CDH"]
        for row in read_rows(self.ref / "hf_trust_stp_lookup_2017-18.csv"):
            code = stp_by_e54.get(row["STP_code"])
            if code:
                brands[code].add(row["STP"].replace("\xa0", " ").strip())
        merged: dict[str, tuple[str, ...]] = defaultdict(tuple)
        community = list(read_rows(self.ref / "community_icb_names_aliases_2026.csv"))
        for row in community:
            for pred in filter(None, row["predecessor_codes"].split(";")):
                merged[pred.strip()] += (row["ods_code"],)
        for row in read_rows(self.ref / "ons_icb_names_codes_dec2024.csv"):
            code, name = row["ICB24CDH"], row["ICB24NM"]
            core = re.sub(r"^NHS |\s*Integrated Care Board$", "", name)
            names = [{"name": name, "from": ICB_START, "to": day_before(ICB_MERGE) if code in merged else ""}]
            if code in brands:
                label = max(sorted(brands[code]), key=len)
                names.insert(0, {"name": label, "from": "", "to": day_before(ICB_START)})
            self.orgs[code] = {
                "code": code, "name": name, "org_type": "icb", "region": regions.get(code, ""), "icb": "",
                "opened": ICB_START, "closed": day_before(ICB_MERGE) if code in merged else "",
                "predecessors": [], "successors": list(merged.get(code, ())), "names": names, "website": "",
            }
            self.icb_aliases(code, core, name)
            for brand in sorted(brands.get(code, ())):
                bare = self.is_place(brand) or normalize(brand) == normalize(core)
                bkind = "place" if bare else "brand"
                self.add_alias(brand, code, bkind)
                for tail in ("STP", "ICS", "Health and Care Partnership"):
                    self.add_alias(f"{core_of_brand(brand)} {tail}", code, "brand")
            self.stats["icbs"] += 1
        for row in community:
            code = row["ods_code"]
            core = re.sub(r"\s*ICB$", "", row["name"])
            if code not in self.orgs:
                name = f"NHS {core} Integrated Care Board"
                self.orgs[code] = {
                    "code": code, "name": name, "org_type": "icb", "region": row["region"], "icb": "",
                    "opened": row["merger_date"] or ICB_MERGE, "closed": "", "predecessors": [],
                    "successors": [], "names": [{"name": name, "from": row["merger_date"] or ICB_MERGE,
                                                 "to": ""}], "website": "",
                }
                self.icb_aliases(code, core, name)
                self.stats["icbs_2026"] += 1
            self.orgs[code]["website"] = row["url_root"]
            for pred in filter(None, row["predecessor_codes"].split(";")):
                if pred.strip() in self.orgs and code not in self.orgs[pred.strip()]["successors"]:
                    self.orgs[pred.strip()]["successors"].append(code)
                if pred.strip() not in self.orgs[code]["predecessors"]:
                    self.orgs[code]["predecessors"].append(pred.strip())
            for alt in filter(None, (a.strip() for a in row["alt_names"].split(";"))):
                self.add_alias(alt, code, "brand" if not self.is_place(alt) else "place")

    def icb_aliases(self, code: str, core: str, official: str) -> None:
        self.places.add(normalize(core))
        self.add_alias(official, code, "official")
        self.add_alias(core, code, "place")
        for tail in ("ICB", "ICS", "Integrated Care Board", "Integrated Care System", "STP",
                     "Integrated Care Partnership", "Health and Care Partnership", "health system"):
            self.add_alias(f"{core} {tail}", code, "short")
            self.add_alias(f"NHS {core} {tail}", code, "short")
        self.add_alias(f"NHS {core}", code, "short")
        if " and Isle" in core or " and the Isle" in core:
            self.add_alias(core.replace(" and Isle", " and the Isle"), code, "place")

    def load_ccgs(self) -> None:
        for row in read_rows(self.ref / "ods_eccg_ccg_subicb_c2025.csv", header=False):
            if " CCG" not in row[1]:
                continue
            code, name = row[0], title_case(row[1])
            core = re.sub(r"^NHS |\s*CCG$", "", name)
            closed = iso(row[11])
            self.orgs[code] = {
                "code": code, "name": name, "org_type": "ccg", "region": REGIONS.get(row[2], ""),
                "icb": row[3] if row[3].startswith("Q") else "", "opened": iso(row[10]), "closed": closed,
                "predecessors": [], "successors": [], "names": [{"name": name, "from": iso(row[10]),
                                                                  "to": closed}], "website": "",
            }
            for form in (name, f"{core} CCG", f"{core} Clinical Commissioning Group",
                         f"NHS {core} Clinical Commissioning Group"):
                self.add_alias(form, code, "official")
            self.stats["ccgs"] += 1
        self.load_ons_ccgs()

    def load_ons_ccgs(self) -> None:
        """CCGs that became sub-ICB locations keep their code in ODS but lose their CCG name there."""
        eccg = {row[0]: row for row in read_rows(self.ref / "ods_eccg_ccg_subicb_c2025.csv", header=False)}
        ons20 = read_rows(self.ref / "ons_ccg_names_codes_apr2020.csv")
        ons21 = read_rows(self.ref / "ons_ccg_stp_nhser_lookup_apr2021.csv")
        rows = [(r["CCG20CDH"], r["CCG20NM"]) for r in ons20] + [(r["CCG21CDH"], r["CCG21NM"]) for r in ons21]
        for code, name in rows:
            if code in self.orgs:
                continue
            ods = eccg.get(code, [""] * 12)
            core = re.sub(r"^NHS |\s*CCG$", "", name)
            closed = day_before(ICB_START)
            self.orgs[code] = {
                "code": code, "name": name, "org_type": "ccg", "region": REGIONS.get(ods[2], ""),
                "icb": ods[3] if ods[3].startswith("Q") else "", "opened": iso(ods[10]), "closed": closed,
                "predecessors": [], "successors": [ods[3]] if ods[3].startswith("Q") else [],
                "names": [{"name": name, "from": iso(ods[10]), "to": closed}], "website": "",
            }
            for form in (name, f"{core} CCG", f"{core} Clinical Commissioning Group",
                         f"NHS {core} Clinical Commissioning Group"):
                self.add_alias(form, code, "official")
            self.stats["ccgs"] += 1

    # -- places and sites ----------------------------------------------------------------
    def load_places(self) -> None:
        """Geographic names, so that bare ones are never taken as an organisation by themselves."""
        for row in read_rows(self.ref / "nhs_website_hospital_sites_2018-01.csv", encoding="latin-1",
                             delimiter="\xac"):
            for col in ("City", "County"):
                if row.get(col):
                    self.places.add(normalize(row[col]))
        for row in read_rows(self.ref / "ods_icb_partners_2023-08.csv"):
            la = re.sub(r"\b(?:Metropolitan|Borough|County|City|District|Council|of|London)\b", " ",
                        row.get("Local Authority", ""))
            if la.strip():
                self.places.add(normalize(la))
        for region in REGIONS.values():
            self.places.add(normalize(region))
        for row in read_rows(self.ref / "ons_ccg_names_codes_apr2020.csv"):
            self.places.add(normalize(re.sub(r"^NHS |\s*CCG$", "", row["CCG20NM"])))

    def load_sites(self) -> None:
        hosts: dict[str, Counter] = defaultdict(Counter)
        for row in read_rows(self.ref / "nhs_website_hospital_sites_2018-01.csv", encoding="latin-1",
                             delimiter="\xac"):
            parent = row["ParentODSCode"]
            if row["Sector"] != "NHS Sector" or parent not in self.orgs:
                continue
            host = re.sub(r"^(?:https?://)?(?:www\.)?([^/:?#\s]+).*$", r"\1", row.get("Website", "").strip().lower())
            if host.endswith(".nhs.uk"):
                hosts[parent][host] += 1
            name = re.sub(r"\bI I\b", "II", row["OrganisationName"]).strip()
            if self.is_place(name) or normalize(name) in self.places:
                continue
            city = row["City"].title() if row["City"].isupper() else row["City"]
            forms = {name, re.sub(r"^The ", "", name)}
            if city and normalize(name).endswith(" " + normalize(city)):
                forms.add(name[: -len(city)].strip(" ,"))
            if city and normalize(city) not in normalize(name):
                for base in list(forms):
                    forms |= {f"{base} in {city}", f"{base}, {city}", f"{base} {city}"}
            for form in sorted(forms):
                self.add_alias(form, parent, "site")
            self.stats["sites"] += 1
        self.site_websites(hosts)

    def site_websites(self, hosts: dict[str, Counter]) -> None:
        """A trust the community lists give no website (most are closed or merged) takes the
        NHS host its 2018 sites name most often, when no other organisation claims that host."""
        taken = {re.sub(r"^(?:https?://)?(?:www\.)?", "", o["website"].lower()).split("/")[0]
                 for o in self.orgs.values() if o["website"]}
        owners: dict[str, set[str]] = defaultdict(set)
        for parent, seen in hosts.items():
            for host in seen:
                owners[host].add(parent)
        for parent in sorted(hosts):
            org = self.orgs[parent]
            if org["website"] or org["org_type"] in ("icb", "ccg"):
                continue
            host, _ = min(hosts[parent].items(), key=lambda kv: (-kv[1], kv[0]))
            if host not in taken and owners[host] == {parent}:
                org["website"] = f"https://{host}"
                taken.add(host)
                self.stats["site_websites"] += 1

    # -- assembly ------------------------------------------------------------------------
    def trust_alias_pass(self) -> None:
        for code, org in self.orgs.items():
            if org["org_type"] in ("icb", "ccg"):
                continue
            org["org_type"] = self.infer_type(code)
            for i, entry in enumerate(org["names"]):
                kind = "official" if i == len(org["names"]) - 1 else "former"
                self.trust_aliases(code, entry["name"], kind)
        owners: dict[str, set[str]] = defaultdict(set)
        for (key, _kind), entry in self.aliases.items():
            owners[key].update(entry["codes"])
        for code, org in self.orgs.items():
            for alt in org.pop("community_alts", ()):
                owner = self.official_keys.get(normalize(alt))
                if (owner and owner != code) or owners[normalize(alt)] & set(org["predecessors"]):
                    continue
                if re.fullmatch(r"[A-Z][A-Za-z&]*[A-Z][A-Za-z]*", alt) and " " not in alt and len(alt) <= 8:
                    self.add_alias(alt, code, "abbrev")
                elif re.search(r"\bTrust$", alt):
                    self.trust_aliases(code, alt, "former")
                else:
                    self.add_alias(alt, code, "place" if self.is_place(alt) else "short")

    def apply_curated(self, path: Path) -> None:
        """Hand-written fixes: extra aliases, wrong aliases dropped, successions the files miss."""
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            op = rec["op"]
            if op == "alias":
                for code in rec["codes"]:
                    if code in self.orgs:
                        self.add_alias(rec["alias"], code, rec.get("kind", "short"))
            elif op == "drop":
                for code in rec["codes"]:
                    self.drop_alias(normalize(rec["alias"]), code)
            elif op == "succession":
                for pred in rec["predecessors"]:
                    self.link_succession(pred, rec["successor"], rec.get("date", ""))
            elif op == "unlink":
                pred, succ = rec["predecessor"], rec["successor"]
                if pred in self.orgs and succ in self.orgs:
                    before, after = self.orgs[pred], self.orgs[succ]
                    before["successors"] = [c for c in before["successors"] if c != succ]
                    after["predecessors"] = [c for c in after["predecessors"] if c != pred]
            elif op == "type":
                self.orgs[rec["code"]]["org_type"] = rec["org_type"]
            self.stats["curated"] += 1

    def finish(self) -> tuple[list[dict], list[dict]]:
        by_code: dict[str, set[str]] = defaultdict(set)
        for entry in self.aliases.values():
            if entry["kind"] in ("official", "former", "short", "abbrev", "brand"):
                for code in entry["codes"]:
                    by_code[code].add(entry["alias"])
        orgs = []
        for code in sorted(self.orgs):
            org = dict(self.orgs[code])
            org.pop("geo_icb", None)
            org["predecessors"] = sorted(org["predecessors"])
            org["successors"] = sorted(org["successors"])
            org["aliases"] = sorted(by_code[code] - {org["name"]}, key=lambda a: (len(a), a))[:40]
            orgs.append(org)
        aliases = sorted(
            ({**e, "codes": sorted(e["codes"])} for e in self.aliases.values() if e["codes"]),
            key=lambda e: (e["key"], e["kind"]),
        )
        return orgs, aliases


def core_of_brand(brand: str) -> str:
    return re.sub(r"\s*\(?(?:Health and (?:Social )?Care(?: Partnership| ICS)?|ICS|Partners in Health and "
                  r"Care)\)?$", "", brand).strip()


def build(ref: Path, out: Path, curated: Path = DEFAULT_OUT / "curated.jsonl") -> dict[str, int]:
    b = Builder(ref)
    b.load_proper_names()
    b.load_places()
    b.load_trusts()
    b.load_community()
    b.load_types_from_nof()
    b.load_apportionment()
    b.load_icbs()
    b.load_ccgs()
    b.infer_successions()
    b.trust_alias_pass()
    b.load_sites()
    if curated.exists():
        b.apply_curated(curated)
    orgs, aliases = b.finish()
    out.mkdir(parents=True, exist_ok=True)
    for fname, rows in (("organisations.jsonl", orgs), ("aliases.jsonl", aliases)):
        with (out / fname).open("w", encoding="utf-8", newline="\n") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    b.stats["organisations"] = len(orgs)
    b.stats["aliases"] = len(aliases)
    return dict(b.stats)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--curated", type=Path, default=DEFAULT_OUT / "curated.jsonl",
                        help="hand-written overrides applied last")
    args = parser.parse_args(argv)
    if not (args.reference / "SOURCES.md").is_file():
        parser.error(f"{args.reference} is not the shared reference folder (no SOURCES.md)")
    for key, value in sorted(build(args.reference, args.out, args.curated).items()):
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
