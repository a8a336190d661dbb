"""The gazetteer: real-world name forms resolve to the right ODS code, or stay unresolved.

The main table lives in ``tests/data/org_names.csv`` (mention, org_type hint, document
date, expected code, note); an empty expected code means the mention must stay
unresolved. The seed articles' gold memberships are checked straight from ``../shared``.
"""

from __future__ import annotations

import csv
import datetime
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.gazetteer import (
    HINT_GROUPS,
    ORG_TYPES,
    Gazetteer,
    Link,
    Organisation,
    load_gazetteer,
    normalize,
    parse_date,
    type_groups,
)

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TABLE = REPO / "tests" / "data" / "org_names.csv"


def _rows() -> list[tuple[str, str, str, str, str]]:
    with TABLE.open(encoding="utf-8", newline="") as fh:
        return [(r["mention"], r["org_type"], r["on"], r["expected"], r["note"]) for r in csv.DictReader(fh)]


ROWS = _rows()


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def test_table_is_large_and_covers_every_kind_of_case() -> None:
    assert len(ROWS) >= 150
    assert sum(1 for r in ROWS if not r[3]) >= 10, "cases that must stay unresolved"
    assert sum(1 for r in ROWS if r[2]) >= 30, "cases that depend on the document date"
    assert sum(1 for r in ROWS if "site" in r[4]) >= 10, "hospital sites"


@pytest.mark.parametrize(("mention", "org_type", "on", "expected", "note"), ROWS,
                         ids=[f"{r[0]}|{r[1]}|{r[2]}" for r in ROWS])
def test_name_form_resolves(gaz: Gazetteer, mention: str, org_type: str, on: str, expected: str,
                            note: str) -> None:
    link = gaz.resolve(mention, org_type=org_type or None, on=on or None)
    assert link.code == expected, f"{mention!r} ({note}): {link.reason}"
    if expected:
        org = gaz.get(expected)
        assert org is not None
        assert link.org_type == org.org_type
        assert link.name
    else:
        assert link.name == ""


@pytest.mark.parametrize(
    ("mention", "org_type", "must_include"),
    [
        ("Frimley", None, {"QNQ", "RDU"}),
        ("Queen Elizabeth Hospital", None, {"RCX", "RRK", "RR7"}),
        ("Devon", None, {"QJK"}),
        ("London", None, {"RRU"}),
    ],
)
def test_ambiguous_mentions_keep_their_candidates(gaz: Gazetteer, mention: str, org_type: str | None,
                                                 must_include: set[str]) -> None:
    link = gaz.resolve(mention, org_type=org_type)
    assert not link.resolved
    assert must_include <= set(link.candidates)
    assert link.reason


def test_seed_gold_memberships_resolve(gaz: Gazetteer) -> None:
    gold = sorted((SHARED / "gold").glob("*.json")) if SHARED.is_dir() else []
    if not gold:
        pytest.skip("../shared/gold is not beside the checkout")
    checked = 0
    for path in gold:
        for m in json.loads(path.read_text(encoding="utf-8")).get("memberships", []):
            link = gaz.resolve(m["name"], org_type=m["org_type"])
            assert link.code == m["ods_code"], f"{path.name}: {m['name']!r}: {link.reason}"
            checked += 1
    assert checked >= 15


def test_corpus_gold_codes_resolve(gaz: Gazetteer) -> None:
    """Every membership or ranking in the project's own gold that carries a code resolves to it."""
    checked = 0
    for path in sorted((REPO / "corpora" / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for row in gold.get("memberships", []) + gold.get("rankings", []):
            if not row.get("ods_code"):
                continue
            hint = row.get("org_type") or row.get("league") or None
            link = gaz.resolve(row["name"], org_type=hint)
            # A name that is ambiguous out of context ("The Queen Elizabeth Hospital") must at least
            # keep the right organisation among its candidates, never resolve to a wrong one.
            ok = link.code == row["ods_code"] or (not link.code and row["ods_code"] in link.candidates)
            assert ok, f"{path.name}: {row['name']!r}: {link.reason}"
            checked += 1
    if not checked:
        pytest.skip("no corpus gold with ODS codes yet")


def test_old_name_comes_back_for_an_old_date(gaz: Gazetteer) -> None:
    then = gaz.resolve("Western Sussex Hospitals", on=datetime.date(2016, 10, 21))
    now = gaz.resolve("University Hospitals Sussex")
    assert then.code == now.code == "RYR"
    assert then.name.startswith("Western Sussex Hospitals")
    assert now.name.startswith("University Hospitals Sussex")


def test_icb_brand_name_before_2022_is_the_system(gaz: Gazetteer) -> None:
    link = gaz.resolve("Frimley", org_type="icb", on="2018-05-01")
    assert link.code == "QNQ"
    assert "Frimley Health and Care" in link.name


@pytest.mark.parametrize("name", ["Sussex Health and Care", "Sussex Health and Care Partnership",
                                  "NHS Sussex Health and Care Partnership"])
def test_a_system_named_as_it_called_itself(gaz: Gazetteer, name: str) -> None:
    assert gaz.resolve(name, on="2021-11-01").code == "QNX"


def test_merged_icbs_record_their_successors(gaz: Gazetteer) -> None:
    frimley = gaz.get("QNQ")
    assert frimley is not None
    assert frimley.closed == "2026-03-31"
    assert set(frimley.successors) == {"S0E4D", "S9B9J"}
    essex = gaz.get("D7T5G")
    assert essex is not None and set(essex.predecessors) == {"QH8", "QJG"}


def test_trust_records_are_complete(gaz: Gazetteer) -> None:
    org = gaz.get("rvv")
    assert isinstance(org, Organisation)
    assert org.name == "East Kent Hospitals University NHS Foundation Trust"
    assert (org.org_type, org.region, org.icb) == ("acute", "South East", "QKS")
    assert "EKHUFT" in org.aliases
    assert gaz.get("ZZZ") is None


def test_every_organisation_has_a_known_type_and_no_welsh_bodies(gaz: Gazetteer) -> None:
    assert {o.org_type for o in gaz.orgs.values()} <= set(ORG_TYPES)
    welsh = {"RQF", "RT4", "RYT"}
    assert not welsh & set(gaz.orgs), "Welsh bodies (region W00) are filtered out"
    assert sum(o.org_type == "icb" for o in gaz.orgs.values()) == 48


def test_successions_are_symmetric(gaz: Gazetteer) -> None:
    for org in gaz.orgs.values():
        for succ in org.successors:
            if gaz.get(succ) is not None and gaz.orgs[succ].org_type != "icb":
                assert org.code in gaz.orgs[succ].predecessors, (org.code, succ)


def test_type_hint_that_matches_nothing_is_set_aside_for_a_distinctive_name(gaz: Gazetteer) -> None:
    link = gaz.resolve("East Kent Hospitals", org_type="mental_health")
    assert link.code == "RVV"
    assert "set aside" in link.reason


def test_context_words_decide(gaz: Gazetteer) -> None:
    assert gaz.resolve("South Central", context="ambulance trusts").code == "RYE"
    assert gaz.resolve("Frimley", context="the only ICS in segment 1").code == "QNQ"
    assert gaz.resolve("London", context="trusts in").code == "", "a bare 'trusts' keeps a place a place"


def test_mention_with_its_own_type_words(gaz: Gazetteer) -> None:
    assert gaz.resolve("South Central ambulance trust").code == "RYE"
    assert gaz.resolve("Frimley ICS").code == "QNQ"
    assert gaz.resolve("Devon ambulance trust").code == "", "a type the candidates do not have"


def test_publisher_from_domain_and_title(gaz: Gazetteer) -> None:
    assert gaz.publisher("https://www.ekhuft.nhs.uk/about-us/news/board") == "RVV"
    assert gaz.publisher("https://www.medway.nhs.uk/news/") == "RPA"
    assert gaz.publisher("", "Board papers: Nottingham University Hospitals NHS Trust") == "RX1"
    assert gaz.publisher("https://www.bbc.co.uk/news/health", "NHS league tables") == ""


def test_explain_says_what_and_why(gaz: Gazetteer) -> None:
    text = gaz.explain("Frimley")
    assert "QNQ" in text and "RDU" in text and "unresolved" in text
    text = gaz.explain("Frimley", org_type="icb")
    assert "resolved: QNQ" in text


def test_unknown_mention(gaz: Gazetteer) -> None:
    link = gaz.resolve("Ministry of Magic")
    assert link == Link("", "", "", link.reason, ())
    assert "no gazetteer alias" in link.reason


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hampshire & the Isle of Wight", "Hampshire and Isle of Wight"),
        ("King\u2019s College Hospital", "Kings College Hospital"),
        ("Stoke-on-Trent", "Stoke on Trent"),
        ("Shropshire, Telford & Wrekin", "shropshire telford and wrekin"),
        ("The Christie", "Christie"),
    ],
)
def test_normalize_meets_spelling_variants(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


@given(st.text(max_size=60))
def test_normalize_is_idempotent_and_never_fails(text: str) -> None:
    key = normalize(text)
    assert normalize(key) == key
    assert key == key.strip()


@given(st.text(max_size=40), st.sampled_from([None, *HINT_GROUPS]))
def test_resolve_never_raises_and_only_resolves_to_known_codes(text: str, hint: str | None) -> None:
    link = load_gazetteer().resolve(text, org_type=hint)
    assert link.code == "" or link.code in load_gazetteer().orgs


def test_type_groups() -> None:
    assert type_groups("the London and South East Coast ambulance trusts") == {"ambulance"}
    assert type_groups("ICSs") == {"icb"}
    assert type_groups("acute trusts") == {"acute"}


def test_build_is_reproducible(tmp_path: Path) -> None:
    if not (SHARED / "reference" / "SOURCES.md").is_file():
        pytest.skip("../shared/reference is not beside the checkout")
    subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_gazetteer.py"), "--reference",
         str(SHARED / "reference"), "--out", str(tmp_path)],
        check=True, capture_output=True,
    )
    shipped = REPO / "models" / "gazetteer"
    for name in ("organisations.jsonl", "aliases.jsonl"):
        assert (tmp_path / name).read_bytes() == (shipped / name).read_bytes(), f"{name} is stale: rebuild"


def test_a_body_named_before_it_existed_says_so(gaz: Gazetteer) -> None:
    link = gaz.resolve("Thames Valley ICB", on="2024-01-01")
    assert link.code == "S0E4D"
    assert "after the document date" in link.reason


# ---- whose website: the host of a document's address ------------------------------------

@pytest.fixture(scope="module")
def labels_only(gaz: Gazetteer) -> Gazetteer:
    """The gazetteer without its website data, so only the host-label rule can answer."""
    return Gazetteer(orgs=gaz.orgs, index=gaz.index, surfaces=gaz.surfaces, domains={})


@pytest.mark.parametrize("url, code", [
    ("https://www.mtw.nhs.uk/news/", "RWF"),                                   # an acronym alias
    ("https://luhft.nhs.uk/about-us", "REM"),
    ("https://www.newcastle-hospitals.nhs.uk/about/", "RTD"),                   # a short name, hyphenated
    ("http://lancashireandsouthcumbria.icb.nhs.uk/news", "QE1"),                # closed up; '.icb.' says ICB
    ("https://www.kentcht.nhs.uk/x", "RYY"),                                     # place word + initials
    ("https://www.healthierlsc.co.uk/y", "QE1"),
    ("https://bhrhospitals.nhs.uk/z", "RF4"),                                    # initials + last word
    ("https://www.rdash.nhs.uk/news/new-nhs-league-tables", "RXE"),             # initials with 'and'
    ("HTTPS://WWW.MTW.NHS.UK:443/Path?q=1#top", "RWF"),
])
def test_a_host_label_names_the_organisation(labels_only: Gazetteer, url: str, code: str) -> None:
    link = labels_only.site_owner(url)
    assert link.code == code and "host label" in link.reason


@pytest.mark.parametrize("url, code", [
    ("https://www.porthosp.nhs.uk/about-us/news/q1", "RHU"),                   # website data only
    ("https://www.buckshealthcare.nhs.uk/documents/", "RXQ"),
    ("https://careers.mtw.nhs.uk/jobs", "RWF"),                                  # a subdomain of the site
    ("http://medway.nhs.cms-host.example/news/1", "RPA"),                        # a staging copy keeps '<x>.nhs.'
    ("https://www.mtw.nhs.uk/", "RWF"),
    ("https://www.nbt.nhs.uk/news", "RVJ"),                                     # from its 2018 sites
    ("http://www.heartofengland.nhs.uk/2016/news", "RR1"),                       # a closed trust's old site
])
def test_website_data_names_the_organisation(gaz: Gazetteer, url: str, code: str) -> None:
    assert gaz.site_owner(url).code == code


@pytest.mark.parametrize("url", [
    "https://www.england.nhs.uk/south-east/2019/08/15/news/",                   # the regulator is not a trust
    "https://improvement.nhs.uk/news-alerts/x/",
    "https://www.hsj.co.uk/topics/x",
    "https://www.bbc.co.uk/news/health",
    "https://nhsproviders.org/news",
    "https://thurrock.example-news.co.uk/story",                                 # a place label names no body
    "http://138.68.43.109:3001/page",
    "",
    "not an address",
])
def test_other_hosts_name_no_organisation(gaz: Gazetteer, url: str) -> None:
    assert gaz.site_owner(url).code == ""


def test_the_label_rule_agrees_with_the_website_data(gaz: Gazetteer, labels_only: Gazetteer) -> None:
    """Of the sites the reference data lists, the label rule alone finds most and names
    almost none wrongly (wsh.nhs.uk is West Suffolk's; WSH was also Western Sussex's)."""
    right = wrong = 0
    for host, code in gaz.domains.items():
        found = labels_only.site_owner(f"https://{host}/").code
        right += found == code
        wrong += bool(found) and found != code
    assert right >= 0.6 * len(gaz.domains) and wrong <= 2


def test_own_sites_of_the_real_pages_resolve_by_host(gaz: Gazetteer) -> None:
    index = SHARED / "real" / "index.csv"
    if not index.is_file():
        pytest.skip(f"{index} not found (shared material sits beside the checkout in CI)")
    with index.open(encoding="utf-8", newline="") as fh:
        urls = [row["url"] for row in csv.DictReader(fh)]
    owners = {url: gaz.site_owner(url).code for url in urls}
    nhs_sites = [u for u in urls if ".nhs." in u and "england.nhs.uk" not in u and "improvement.nhs.uk" not in u]
    assert nhs_sites and all(owners[u] for u in nhs_sites)
    assert sum(bool(c) for c in owners.values()) >= 10
    assert not any(owners[u] for u in urls if "england.nhs.uk" in u or "hsj.co.uk" in u)


@pytest.mark.parametrize(("mention", "on", "expected"), [
    # everyday names of hospitals whose trust merged: the successor that runs them on the day
    ("Ipswich hospitals", "2026-02-12", "RDE"),
    ("Ipswich Hospital", "2025-09-09", "RDE"),
    ("Poole Hospitals", "2024-01-01", "R0D"),
    ("Burton Hospitals", "2021-03-01", "RTG"),
    ("Taunton & Somerset", "2024-01-01", "RH5"),
    ("Solent", "2025-06-01", "RW1"),
    # before the merger they are the old trust's
    ("Ipswich hospitals", "2017-05-01", "RGQ"),
    ("Poole Hospitals", "2019-06-01", "RD3"),
    # a full official name, or a former official form, still names the body itself (a history of it)
    ("Ipswich Hospital NHS Trust", "2026-01-01", "RGQ"),
    ("Burton Hospitals NHS Foundation Trust", "2021-01-01", "RJF"),
    ("Yeovil District FT", "2025-10-01", "RA4"),
    ("IHT", "2026-01-01", "RGQ"),
])
def test_everyday_names_of_a_merged_trust_follow_its_successor(gaz: Gazetteer, mention: str, on: str,
                                                               expected: str) -> None:
    assert gaz.resolve(mention, org_type="trust", on=on).code == expected


def _type_groups_at_every_position(words: str) -> set[str]:
    """``type_groups`` as it was before it skipped words that open no type phrase: the
    longest phrase at each position, tried at every position."""
    from extractor.gazetteer import _MAX_TYPE_LEN, _TYPE_WORDS

    toks, found, i = normalize(words).split(), set(), 0
    while i < len(toks):
        size = next((n for n in range(_MAX_TYPE_LEN, 0, -1) if tuple(toks[i:i + n]) in _TYPE_WORDS), 0)
        if size:
            found.add(_TYPE_WORDS[tuple(toks[i:i + size])])
        i += size or 1
    return found - {"trust"} if found & {"ambulance", "mental_health", "community", "acute"} else found


@pytest.mark.parametrize("words", [
    "", "the London and South East Coast ambulance trusts", "Kent and Medway integrated care board said",
    "mental health trust and community trusts", "its acute hospital trust", "system providers ICS ft",
    "clinical commissioning group or ICB", "health and care partnership of the STP", "foundation trust",
])
def test_type_groups_skip_only_words_that_open_no_phrase(words: str) -> None:
    assert type_groups(words) == _type_groups_at_every_position(words)


@given(st.lists(st.sampled_from(["trust", "trusts", "ambulance", "service", "mental", "health", "care",
                                 "integrated", "board", "community", "the", "London", "ICB", "and", "x"]),
                max_size=12))
def test_type_groups_agree_with_the_scan_of_every_position(words: list[str]) -> None:
    text = " ".join(words)
    assert type_groups(text) == _type_groups_at_every_position(text)


@pytest.mark.parametrize(("mention", "on", "contexts"), [
    ("Frimley Health", "2024-05-01", ["said the chair", "said the trust", "the ambulance trust said"]),
    ("Devon", "2023-01-01", ["in Devon today", "the Devon ICB", "Devon integrated care board"]),
    ("Kent and Medway", None, ["", "the ICS", "the trust"]),
])
def test_a_kept_answer_is_the_one_resolving_afresh_gives(mention: str, on: str | None, contexts: list[str]) -> None:
    """Resolving keeps answers under (mention, hint, day, type groups of the context): every
    context with the same type words gets the answer a fresh gazetteer gives it."""
    kept = load_gazetteer()
    for context in contexts:
        kept.resolve(mention, on=on, context=context)
        fresh = Gazetteer(kept.orgs, kept.index, kept.surfaces, kept.domains)
        assert kept.resolve(mention, on=on, context=context) == fresh.resolve(mention, on=on, context=context)
        assert kept.resolve(mention, on=on, context=context + " today") == fresh.resolve(
            mention, on=on, context=context + " today")


@pytest.mark.parametrize("context", ["", "the ambulance trusts were", "their ICB said", "trust boards", "of CCGs"])
@pytest.mark.parametrize("mention", ["South Central", "Frimley", "Kent", "Medway", "Norfolk & Waveney"])
@pytest.mark.parametrize("on", [None, "2021-06-30", "2024-01-01"])
def test_resolve_kept_under_the_context_as_written(gaz: Gazetteer, mention: str, context: str, on: str | None) -> None:
    """An answer kept under the context's words is the one its type groups give."""
    first = gaz.resolve(mention, on=on, context=context)
    assert gaz.resolve(mention, on=on, context=context) == first
    assert first == gaz._resolve(mention, None, parse_date(on), frozenset(type_groups(context)))
