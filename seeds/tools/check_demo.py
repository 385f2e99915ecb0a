#!/usr/bin/env python3
"""Checks the seed data files under seeds/ against the rules they are written to.

    python3 seeds/tools/check_demo.py

Standard library only. Prints a summary and exits 1 with a list of problems if any rule fails.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

TODAY = dt.date(2026, 11, 23)
ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
REAL = Path(os.environ.get("COMPACT_REAL_DATA", ROOT.parent / "shared" / "data" / "real"))
ONS_FILE = REAL / "ons_ward_to_lad_may2022_greater_manchester.csv"

FAITH_KEY = "faith-groups"
BME_KEY = "minority-ethnic-groups"
POSTCODE_RE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][ABD-HJLNP-UW-Z]{2}$")
SALFORD_DISTRICTS = {"M3", "M5", "M6", "M7", "M27", "M28", "M30", "M38", "M44", "M50"}
PHONE_RE = re.compile(r"^0161 496 0[0-9]{3}$")
EMAIL_RE = re.compile(r"^[a-z0-9][a-z0-9.\-]*@example\.(org|net)$")
WEB_RE = re.compile(r"^https://[a-z0-9\-]+\.example\.org$")
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

GROUP_KEYS = [
    "ref", "name", "other_names", "identifiers", "address", "postcode", "ward", "email", "phone",
    "website", "activities", "status", "last_checked", "last_checked_by", "features",
    "class_override", "enterprise", "faith", "faith_name", "bme_led", "bme_serving", "place_wards",
    "interest", "categories",
]
PERSON_KEYS = ["ref", "name", "email", "phone", "lawful_basis", "consent_date", "consent_how", "review_date"]
PARTNERSHIP_KEYS = ["name", "kind", "convenor", "meeting_pattern", "report_back_days", "last_review",
                    "next_review", "meetings", "seats"]
SEAT_KEYS = ["label", "sector", "constituency", "categories", "wards", "selection", "holder", "alternate"]
APPT_KEYS = ["person", "group", "term_start", "term_end", "selection_method", "openly_selected",
             "report_backs", "declarations", "attendance"]
METHODS = {"open_election", "open_nomination", "appointed", "co_opted", "invited"}

problems: list[str] = []


def fail(msg: str) -> None:
    problems.append(msg)


def date_of(s, where: str):
    if s is None:
        return None
    try:
        d = dt.date.fromisoformat(s)
    except (TypeError, ValueError):
        fail(f"{where}: {s!r} is not a YYYY-MM-DD date")
        return None
    if d.isoformat() != s:
        fail(f"{where}: {s!r} is not in YYYY-MM-DD form")
    return d


def read_csv(path: Path, header: list[str]) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    if text.startswith("\ufeff"):
        fail(f"{path.name}: starts with a byte-order mark")
    if "\r" in text:
        fail(f"{path.name}: has CR line endings")
    rows = list(csv.reader(io.StringIO(text)))
    if rows[0] != header:
        fail(f"{path.name}: header {rows[0]} should be {header}")
    out = []
    for n, r in enumerate(rows[1:], start=2):
        if len(r) != len(header):
            fail(f"{path.name} line {n}: {len(r)} columns")
            continue
        out.append(dict(zip(header, r)))
    return out


def read_json(path: Path):
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    if text != json.dumps(data, indent=2, ensure_ascii=False) + "\n":
        fail(f"{path.name}: not pretty-printed with 2-space indent and a final newline")
    return data


def suggest(features: list) -> str:
    c = features.count("community")
    v = features.count("voluntary")
    known = c + v
    if known < 5:
        return "unclassified"
    if 4 * c >= 3 * known:
        return "community"
    if 4 * v >= 3 * known:
        return "voluntary"
    return "mixed"


def norm_name(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower().replace("&", "and"))


def real_identifiers_and_names() -> tuple[set, set]:
    """Charity and company numbers and names in the real data files, to make sure the invented
    ones do not collide with them."""
    ids, names = set(), set()
    ccew = REAL / "ccew_charities_operating_in_trafford_2021-05-27.csv"
    if ccew.is_file():
        with ccew.open(encoding="utf-8-sig", newline="") as f:
            for r in csv.DictReader(f):
                ids.add(("GB-CHC", r["registered_charity_number"].strip()))
                co = r["charity_company_registration_number"].strip()
                if co and co != "NA":
                    ids.add(("GB-COH", co.zfill(8)))
                names.add(norm_name(r["charity_name"]))
    grants = REAL / "360giving_trafford_council_vcs_grants.csv"
    if grants.is_file():
        with grants.open(encoding="utf-8-sig", newline="") as f:
            for r in csv.DictReader(f):
                ch = (r.get("Recipient Org:Charity Number") or "").strip()
                co = (r.get("Recipient Org:Company Number") or "").strip()
                if ch:
                    ids.add(("GB-CHC", ch))
                if co:
                    ids.add(("GB-COH", co.zfill(8)))
                names.add(norm_name(r.get("Recipient Org:Name") or ""))
    return ids, names


def main() -> int:
    # ---------------------------------------------------------------- reference data
    cats = read_csv(SEEDS / "reference" / "categories.csv", ["key", "name"])
    cat_keys = [c["key"] for c in cats]
    if len(cats) != 16:
        fail(f"categories.csv: {len(cats)} categories, expected 16")
    if len(set(cat_keys)) != len(cat_keys):
        fail("categories.csv: duplicate keys")
    if len({c["name"].lower() for c in cats}) != len(cats):
        fail("categories.csv: duplicate names")
    for c in cats:
        if not SLUG_RE.match(c["key"]):
            fail(f"categories.csv: key {c['key']!r} is not a lowercase-hyphenated slug")
        if not c["name"].strip():
            fail(f"categories.csv: empty name for {c['key']}")
    for c in cats:
        slug = re.sub(r"[^a-z0-9]+", "-", c["name"].lower().replace("'", "")).strip("-")
        if c["key"] not in (FAITH_KEY, BME_KEY) and c["key"] != slug:
            fail(f"categories.csv: key {c['key']!r} should be the slug of its name, {slug!r}")
    for k in (FAITH_KEY, BME_KEY):
        if k not in cat_keys:
            fail(f"categories.csv: no {k!r} category")
    if cat_keys and cat_keys[0] != "people-with-learning-difficulties":
        fail("categories.csv: the source list starts with people with learning difficulties")
    if cat_keys and cat_keys[-1] != FAITH_KEY:
        fail("categories.csv: the source list ends with faith groups")

    feats = read_csv(SEEDS / "reference" / "features.csv",
                     ["number", "title", "community_side", "voluntary_side"])
    if [f["number"] for f in feats] != [str(n) for n in range(1, 9)]:
        fail("features.csv: numbers should be 1 to 8 in order")
    for f in feats:
        if not all(f[k].strip() for k in f):
            fail(f"features.csv: empty field in feature {f['number']}")

    wards = read_csv(SEEDS / "reference" / "wards_salford.csv", ["code", "name", "district"])
    ward_names = {w["name"] for w in wards}
    if len(wards) != 20 or len(ward_names) != 20:
        fail(f"wards_salford.csv: {len(wards)} wards, expected 20 distinct")
    for w in wards:
        if not re.match(r"^E05[0-9]{6}$", w["code"]) or w["district"] != "Salford":
            fail(f"wards_salford.csv: bad row {w}")
    if ONS_FILE.is_file():
        with ONS_FILE.open(encoding="utf-8-sig", newline="") as f:
            ons = sorted((r["wd22cd"], r["wd22nm"]) for r in csv.DictReader(f) if r["lad22cd"] == "E08000006")
        if ons != sorted((w["code"], w["name"]) for w in wards):
            fail("wards_salford.csv: does not match the ONS lookup's Salford wards")

    # ---------------------------------------------------------------- people
    people = read_json(SEEDS / "demo" / "people.json")
    person_refs = set()
    names, phones, emails = Counter(), Counter(), Counter()
    for n, p in enumerate(people, start=1):
        where = f"people.json {p.get('ref')}"
        if list(p) != PERSON_KEYS:
            fail(f"{where}: keys {list(p)} should be {PERSON_KEYS}")
            continue
        if p["ref"] != f"p{n:03d}":
            fail(f"{where}: refs should run p001, p002, ... in order")
        person_refs.add(p["ref"])
        if not p["name"].strip():
            fail(f"{where}: empty name")
        names[p["name"]] += 1
        if not EMAIL_RE.match(p["email"]):
            fail(f"{where}: e-mail {p['email']!r} is not at example.org or example.net")
        emails[p["email"]] += 1
        if p["phone"]:
            if not PHONE_RE.match(p["phone"]):
                fail(f"{where}: phone {p['phone']!r} is not in Ofcom's drama range 0161 496 0000-0999")
            phones[p["phone"]] += 1
        if p["lawful_basis"] not in ("consent", "legitimate_interest"):
            fail(f"{where}: lawful_basis {p['lawful_basis']!r}")
        if (p["lawful_basis"] == "consent") != (p["consent_date"] is not None):
            fail(f"{where}: consent_date must be set exactly when the lawful basis is consent")
        d = date_of(p["consent_date"], where)
        if d and d > TODAY:
            fail(f"{where}: consent date in the future")
    for counter, what in ((names, "name"), (phones, "phone"), (emails, "e-mail")):
        for v, k in counter.items():
            if k > 1:
                fail(f"people.json: {what} {v!r} used {k} times")

    # ---------------------------------------------------------------- groups
    groups = read_json(SEEDS / "demo" / "groups.json")
    real_ids, real_names = real_identifiers_and_names()
    group_by_ref: dict[str, dict] = {}
    seen_ids: dict[tuple, str] = {}
    seen_names: dict[str, str] = {}
    wards_used = set()
    served = defaultdict(set)
    classes = Counter()
    effective: dict[str, str] = {}
    stale = never = overrides = faith = bme_led = bme_serving = bme_any = both = 0
    status_count = Counter()
    enterprise = Counter()
    for n, g in enumerate(groups, start=1):
        where = f"groups.json {g.get('ref')}"
        if list(g) != GROUP_KEYS:
            fail(f"{where}: keys {list(g)} should be {GROUP_KEYS}")
            continue
        if g["ref"] != f"g{n:03d}":
            fail(f"{where}: refs should run g001, g002, ... in order")
        group_by_ref[g["ref"]] = g
        if g["name"] in seen_names:
            fail(f"{where}: name {g['name']!r} also used by {seen_names[g['name']]}")
        seen_names[g["name"]] = g["ref"]
        if norm_name(g["name"]) in real_names:
            fail(f"{where}: name {g['name']!r} is the name of a real organisation in the shared data")
        if not all(isinstance(o, str) and o.strip() for o in g["other_names"]):
            fail(f"{where}: other_names must be non-empty strings")
        for ident in g["identifiers"]:
            key = (ident.get("scheme"), ident.get("value"))
            if list(ident) != ["scheme", "value"]:
                fail(f"{where}: identifier keys {list(ident)}")
            if key[0] == "GB-CHC":
                if not (re.match(r"^[0-9]{6,7}$", key[1]) and 1000000 <= int(key[1]) <= 1199999):
                    fail(f"{where}: charity number {key[1]!r} outside 1000000-1199999")
            elif key[0] == "GB-COH":
                if not re.match(r"^[0-9]{8}$", key[1]):
                    fail(f"{where}: company number {key[1]!r} is not 8 digits")
            else:
                fail(f"{where}: unexpected scheme {key[0]!r}")
            if key in seen_ids:
                fail(f"{where}: identifier {key} also used by {seen_ids[key]}")
            seen_ids[key] = g["ref"]
            if key in real_ids:
                fail(f"{where}: identifier {key} belongs to a real organisation in the shared data")
        if not g["address"].endswith(", Salford"):
            fail(f"{where}: address should end ', Salford'")
        if not POSTCODE_RE.match(g["postcode"]):
            fail(f"{where}: postcode {g['postcode']!r} does not match the postcode pattern")
        elif g["postcode"].split(" ")[0] not in SALFORD_DISTRICTS:
            fail(f"{where}: postcode {g['postcode']!r} is not in a Salford district")
        if g["ward"] not in ward_names:
            fail(f"{where}: ward {g['ward']!r} is not one of the 20 wards")
        wards_used.add(g["ward"])
        for w in g["place_wards"]:
            if w not in ward_names:
                fail(f"{where}: place ward {w!r} is not one of the 20 wards")
        if len(set(g["place_wards"])) != len(g["place_wards"]):
            fail(f"{where}: place_wards repeat")
        if g["email"] and not (EMAIL_RE.match(g["email"]) and g["email"].endswith("@example.org")):
            fail(f"{where}: e-mail {g['email']!r} should be at example.org")
        if g["phone"] and not PHONE_RE.match(g["phone"]):
            fail(f"{where}: phone {g['phone']!r} is not in Ofcom's drama range")
        if g["website"] and not WEB_RE.match(g["website"]):
            fail(f"{where}: website {g['website']!r} should be https://....example.org")
        if not g["activities"].strip():
            fail(f"{where}: no activities")
        if g["status"] not in ("active", "dormant", "closed"):
            fail(f"{where}: status {g['status']!r}")
        status_count[g["status"]] += 1
        d = date_of(g["last_checked"], where)
        if d is None:
            never += 1
            if g["last_checked_by"]:
                fail(f"{where}: last_checked_by set without last_checked")
        else:
            if not dt.date(2023, 1, 1) <= d <= dt.date(2026, 11, 1):
                fail(f"{where}: last_checked {d} outside 2023-01-01..2026-11-01")
            if not g["last_checked_by"]:
                fail(f"{where}: last_checked without last_checked_by")
            if d < TODAY.replace(year=TODAY.year - 1):
                stale += 1
        if len(g["features"]) != 8 or any(f not in ("community", "voluntary", None) for f in g["features"]):
            fail(f"{where}: features must be 8 entries of community, voluntary or null")
        cls = suggest(g["features"])
        classes[cls] += 1
        effective[g["ref"]] = cls
        o = g["class_override"]
        if o is not None:
            overrides += 1
            if list(o) != ["class", "reason"] or o["class"] not in ("community", "voluntary", "mixed") \
                    or not o["reason"].strip():
                fail(f"{where}: class_override must be {{class: community|voluntary|mixed, reason}}")
            else:
                effective[g["ref"]] = o["class"]
                if o["class"] == cls:
                    fail(f"{where}: class_override repeats the suggested class")
        if g["enterprise"] not in (None, "social", "community"):
            fail(f"{where}: enterprise {g['enterprise']!r}")
        enterprise[g["enterprise"]] += 1
        for k in ("faith", "bme_led", "bme_serving"):
            if not isinstance(g[k], bool):
                fail(f"{where}: {k} must be true or false")
        if bool(g["faith_name"]) != g["faith"]:
            fail(f"{where}: faith_name must be set exactly when faith is true")
        faith += g["faith"]
        bme_led += g["bme_led"]
        bme_serving += g["bme_serving"]
        is_bme = g["bme_led"] or g["bme_serving"]
        bme_any += is_bme
        both += g["faith"] and is_bme
        if len(set(g["categories"])) != len(g["categories"]):
            fail(f"{where}: categories repeat")
        for c in g["categories"]:
            if c not in cat_keys:
                fail(f"{where}: unknown category {c!r}")
            served[c].add(g["ref"])
        if g["faith"]:
            served[FAITH_KEY].add(g["ref"])
        if is_bme:
            served[BME_KEY].add(g["ref"])
        if not g["place_wards"] and not g["interest"]:
            fail(f"{where}: serves neither wards nor a community of interest")

    if len(wards_used) != 20:
        fail(f"groups.json: only {len(wards_used)} of the 20 wards have a group: missing "
             f"{sorted(ward_names - wards_used)}")
    unserved = [k for k in cat_keys if not served[k]]
    if len(unserved) != 2:
        fail(f"groups.json: {len(unserved)} categories served by no group ({unserved}); expected exactly 2")
    if FAITH_KEY in unserved or BME_KEY in unserved:
        fail("groups.json: faith groups and minority ethnic groups must be served")

    # Near-duplicates: same name once punctuation is ignored, same postcode, no shared identifier.
    by_norm = defaultdict(list)
    for g in groups:
        by_norm[(norm_name(g["name"]), g["postcode"])].append(g)
    dup_pairs = [v for v in by_norm.values() if len(v) > 1]
    if not 2 <= len(dup_pairs) <= 3:
        fail(f"groups.json: {len(dup_pairs)} near-duplicate pairs, expected 2 or 3")
    for pair in dup_pairs:
        a, b = pair[0], pair[1]
        ia = {(i["scheme"], i["value"]) for i in a["identifiers"]}
        ib = {(i["scheme"], i["value"]) for i in b["identifiers"]}
        if ia & ib:
            fail(f"groups.json: near-duplicates {a['ref']} and {b['ref']} share an identifier")

    # ---------------------------------------------------------------- partnerships
    partnerships = read_json(SEEDS / "demo" / "partnerships.json")
    person_partnerships = defaultdict(set)
    group_partnerships = defaultdict(set)
    seats_total = vacant = vacant_with_cats = expired = ending_soon = not_open = alternates = 0
    empty_constituency = report_backs = declarations = 0
    people_used = set()
    only_voluntary = []
    no_faith_bme = []
    p_names = Counter()
    for p in partnerships:
        where = f"partnerships.json {p.get('name')!r}"
        if list(p) != PARTNERSHIP_KEYS:
            fail(f"{where}: keys {list(p)} should be {PARTNERSHIP_KEYS}")
            continue
        p_names[p["name"]] += 1
        if p["kind"] not in ("strategic", "service_delivery", "network", "forum"):
            fail(f"{where}: kind {p['kind']!r}")
        if not isinstance(p["report_back_days"], int) or p["report_back_days"] <= 0:
            fail(f"{where}: report_back_days must be a positive whole number")
        date_of(p["last_review"], where)
        date_of(p["next_review"], where)
        meetings = [date_of(m, where) for m in p["meetings"]]
        if len(meetings) < 3 or meetings != sorted(set(meetings)):
            fail(f"{where}: meetings should be at least three distinct dates, oldest first")
        if not 6 <= len(p["seats"]) <= 15:
            fail(f"{where}: {len(p['seats'])} seats, expected 6 to 15")
        vcse_groups = []
        faith_bme = False
        for s in p["seats"]:
            sw = f"{where} seat {s.get('label')!r}"
            if list(s) != SEAT_KEYS:
                fail(f"{sw}: keys {list(s)} should be {SEAT_KEYS}")
                continue
            seats_total += 1
            if s["sector"] not in ("public", "vcse", "business", "residents", "other"):
                fail(f"{sw}: sector {s['sector']!r}")
            for c in s["categories"]:
                if c not in cat_keys:
                    fail(f"{sw}: unknown category {c!r}")
                if c in (FAITH_KEY, BME_KEY):
                    faith_bme = True
            for w in s["wards"]:
                if w not in ward_names:
                    fail(f"{sw}: unknown ward {w!r}")
            if s["sector"] == "vcse" and not s["constituency"]:
                empty_constituency += 1
            if s["holder"] is None:
                vacant += 1
                vacant_with_cats += bool(s["categories"])
            if s["alternate"] is not None:
                alternates += 1
                if s["holder"] is None:
                    fail(f"{sw}: an alternate on a vacant seat")
            for role in ("holder", "alternate"):
                a = s[role]
                if a is None:
                    continue
                aw = f"{sw} {role}"
                if list(a) != APPT_KEYS:
                    fail(f"{aw}: keys {list(a)} should be {APPT_KEYS}")
                    continue
                if a["person"] not in person_refs:
                    fail(f"{aw}: unknown person {a['person']!r}")
                people_used.add(a["person"])
                if a["group"] is not None and a["group"] not in group_by_ref:
                    fail(f"{aw}: unknown group {a['group']!r}")
                if s["sector"] == "public" and a["group"] is not None:
                    fail(f"{aw}: public-sector holders have no group")
                if s["sector"] == "vcse" and a["group"] is None:
                    fail(f"{aw}: a VCSE seat's holder should come from a group in the directory")
                start = date_of(a["term_start"], aw)
                end = date_of(a["term_end"], aw)
                if start and end and end < start:
                    fail(f"{aw}: term ends before it starts")
                if a["selection_method"] not in METHODS:
                    fail(f"{aw}: selection_method {a['selection_method']!r}")
                if not isinstance(a["openly_selected"], bool):
                    fail(f"{aw}: openly_selected must be true or false")
                if a["selection_method"] in ("open_election", "open_nomination") and not a["openly_selected"]:
                    fail(f"{aw}: an open election or nomination should be openly selected")
                for r in a["report_backs"]:
                    on = date_of(r["on"], aw)
                    if on and start and (on < start or on > TODAY):
                        fail(f"{aw}: report-back on {r['on']} is outside the term or in the future")
                for d in a["declarations"]:
                    on = date_of(d["on"], aw)
                    if on and start and (on < start or on > TODAY):
                        fail(f"{aw}: declaration on {d['on']} is outside the term or in the future")
                    if d["nil"] != (d["what"] == ""):
                        fail(f"{aw}: a nil declaration has no text, and only a nil one")
                    declarations += 1
                report_backs += len(a["report_backs"])
                for m, status in a["attendance"].items():
                    if m not in p["meetings"] or status not in ("present", "apologies", "absent"):
                        fail(f"{aw}: attendance {m} {status!r} is not at one of the partnership's meetings")
                    if m < a["term_start"] or (a["term_end"] and m > a["term_end"]):
                        fail(f"{aw}: attendance on {m} is outside the term")
                current = start and start <= TODAY and (end is None or end >= TODAY)
                if role == "holder":
                    if end and end < TODAY:
                        expired += 1
                    elif end and end <= TODAY + dt.timedelta(days=60):
                        ending_soon += 1
                    if not a["openly_selected"] and s["sector"] != "public":
                        not_open += 1
                if current:
                    person_partnerships[a["person"]].add(p["name"])
                    if a["group"]:
                        group_partnerships[a["group"]].add(p["name"])
                g = group_by_ref.get(a["group"] or "")
                if g:
                    if g["faith"] or g["bme_led"] or g["bme_serving"]:
                        faith_bme = True
                    if s["sector"] == "vcse":
                        vcse_groups.append(g["ref"])
        if vcse_groups and all(effective[r] == "voluntary" for r in vcse_groups):
            only_voluntary.append(p["name"])
        if not faith_bme:
            no_faith_bme.append(p["name"])
    for name, k in p_names.items():
        if k > 1:
            fail(f"partnerships.json: name {name!r} used {k} times")

    busy_people = {r: len(v) for r, v in person_partnerships.items() if len(v) >= 4}
    busy_groups = {r: len(v) for r, v in group_partnerships.items() if len(v) >= 4}
    checks = [
        (vacant_with_cats >= 2, "at least two vacant seats with categories reserved"),
        (expired >= 1, "some terms already ended"),
        (ending_soon >= 1, "some terms ending within 60 days"),
        (not_open >= 1, "some non-public holders not openly selected"),
        (busy_people, "a person on 4 or more partnerships"),
        (busy_groups, "a group whose representatives sit on 4 or more partnerships"),
        (alternates >= 2, "a few alternates"),
        (only_voluntary, "a partnership whose VCSE seats are held only by voluntary organisations"),
        (no_faith_bme, "a partnership with no faith or BME involvement"),
        (empty_constituency >= 1, "a few VCSE seats with no constituency"),
        (report_backs >= 50, "report-backs for most representatives"),
        (declarations >= 20, "declarations of interest, some nil"),
    ]
    for ok, what in checks:
        if not ok:
            fail(f"partnerships.json: missing {what}")

    # ---------------------------------------------------------------- report
    cat_name = {c["key"]: c["name"] for c in cats}
    print(f"categories {len(cats)}, features {len(feats)}, wards {len(wards)}")
    print(f"people {len(people)} ({len(people_used)} hold or stand in for a seat)")
    print(f"groups {len(groups)}; suggested class: " + ", ".join(
        f"{k} {classes[k]}" for k in ("community", "voluntary", "mixed", "unclassified")))
    print(f"  overrides {overrides}; effective: " + ", ".join(
        f"{k} {v}" for k, v in sorted(Counter(effective.values()).items())))
    print(f"  faith {faith}; BME led {bme_led}, serving {bme_serving}, either {bme_any}; faith and BME {both}")
    print(f"  status {dict(status_count)}; enterprise {dict((str(k), v) for k, v in enterprise.items())}")
    print(f"  last checked: never {never}, stale (over 12 months) {stale}")
    print(f"  wards with a group {len(wards_used)}; near-duplicate pairs "
          + "; ".join(" / ".join(g['name'] for g in pair) for pair in dup_pairs))
    print("  categories served by no group: " + ", ".join(f"{k} ({cat_name[k]})" for k in unserved))
    print(f"partnerships {len(partnerships)}, seats {seats_total}, vacant {vacant} "
          f"({vacant_with_cats} with categories), alternates {alternates}")
    print(f"  report-backs {report_backs}, declarations {declarations}")
    print(f"  holders' terms ended {expired}, ending within 60 days {ending_soon}, "
          f"not openly selected (non-public) {not_open}, VCSE seats without constituency {empty_constituency}")
    print(f"  people on 4+ partnerships {busy_people}; groups on 4+ partnerships {busy_groups}")
    print(f"  VCSE seats only voluntary organisations: {only_voluntary}")
    print(f"  no faith or BME involvement: {no_faith_bme}")
    if problems:
        print(f"\n{len(problems)} problem(s):", file=sys.stderr)
        for m in problems:
            print(f"  - {m}", file=sys.stderr)
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
