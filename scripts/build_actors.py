#!/usr/bin/env python3
"""Build entente's actor dictionaries from the shared reference data.

Reads the public datasets listed in crates/annotate/data/actors/SOURCES.md
(CountryInfo-derived Phoenix dictionaries, mledoze countries, datasets
country-codes, COW states, REIGN leaders, GeoNames and Natural Earth places)
plus the curated files kept in the crate, and writes compact TSV files into
crates/annotate/data/actors/ that the annotate crate embeds at compile time:

  states.tsv   iso3, name, from, to, population, names|, capitals|
  orgs.tsv     code, actor, kind, name, aliases|
  people.tsv   name, aliases|, code, role, from, to, source   (one line per person-role)
  agents.tsv   phrase, sector
  places.tsv   name, iso3, lat, lon, population

Curated inputs (hand-edited, reviewed, committed):
  curated_people.tsv  same columns as people.tsv, one line per person-role with a source
  curated_orgs.tsv    code, actor, kind, name, aliases|  (override / add organisations)
  curated_states.tsv  iso3, extra names|, names to drop|, extra capitals|

Python 3.11, standard library only. Usage:
  python3 scripts/build_actors.py [--data /work/shared/data] [--out crates/annotate/data/actors]
"""

from __future__ import annotations

import argparse
from datetime import date
import csv
import io
import json
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "crates" / "annotate" / "data" / "actors"

CODE_RE = re.compile(r"\[([^\]]*)\]")
SMALL_WORDS = {"of", "the", "and", "de", "da", "del", "al", "el", "bin", "ibn", "van", "von", "la", "le", "du", "for", "in", "on", "y"}

# Phoenix dictionary files and the source label written for their people.
PHOENIX_ACTORS = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"]


def ascii_fold(s: str) -> str:
    """Strip accents so names from different sources compare equal."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def key(s: str) -> str:
    return re.sub(r"\s+", " ", ascii_fold(s).lower().replace("-", " ").replace("_", " ")).strip()


def phoenix_name(raw: str) -> str:
    """`NEW_ZEALAND_` -> `NEW ZEALAND`."""
    s = raw.replace("_", " ")
    return re.sub(r"\s+", " ", s).strip()


def title_case(s: str) -> str:
    words = []
    for i, w in enumerate(s.split(" ")):
        lw = w.lower()
        if i > 0 and lw in SMALL_WORDS:
            words.append(lw)
        elif len(w) <= 4 and w.isupper() and not any(c in "AEIOUY" for c in w[1:]) and "." not in w:
            words.append(w)  # acronym-looking: keep
        else:
            words.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(words)


def phoenix_date(s: str) -> str:
    """yymmdd -> YYYY-MM-DD; Phoenix years below 30 are 20xx."""
    s = s.strip()
    if len(s) != 6 or not s.isdigit():
        return ""
    yy, mm, dd = int(s[:2]), int(s[2:4]), int(s[4:6])
    year = 2000 + yy if yy < 30 else 1900 + yy
    mm = min(max(mm, 1), 12)
    dd = min(max(dd, 1), 28 if mm == 2 else 30 if mm in (4, 6, 9, 11) else 31)
    return f"{year:04d}-{mm:02d}-{dd:02d}"


def parse_code(body: str):
    """`NORGOV 000317-011019` / `USAGOV >090120` / `IGOWSTNAT` -> (code, from, to, dated)."""
    parts = body.split()
    if not parts:
        return None
    code = parts[0].strip()
    if not re.fullmatch(r"[A-Z]{3,15}", code):
        return None
    if len(parts) == 1:
        return code, "", "", False
    d = parts[1]
    if d.startswith(">"):
        return code, phoenix_date(d[1:]), "", True
    if d.startswith("<"):
        return code, "", phoenix_date(d[1:]), True
    if "-" in d:
        a, b = d.split("-", 1)
        return code, phoenix_date(a), phoenix_date(b), True
    return code, "", "", False


def read_phoenix(path: Path):
    """Yield (name, synonyms, codes, top_level, comment) entries of a Phoenix actor file."""
    entry = None
    with path.open(encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            comment = line.split("#", 1)[1] if "#" in line else ""
            body = line.split("#", 1)[0]
            codes = [c for c in (parse_code(m) for m in CODE_RE.findall(body)) if c]
            text = CODE_RE.sub("", body)
            if line[0] in " \t":
                if entry is not None:
                    entry["codes"].extend(codes)
                continue
            if line.startswith("+"):
                if entry is not None:
                    syn = phoenix_name(text[1:])
                    if syn and "hack" not in comment.lower():
                        entry["syn"].append(syn)
                continue
            if entry is not None:
                yield entry
            entry = {"name": phoenix_name(text), "syn": [], "codes": codes, "comment": comment}
    if entry is not None:
        yield entry


def is_alias_ok(s: str) -> bool:
    letters = sum(c.isalpha() for c in s)
    return letters >= 2 and not any(c in s for c in "{}()!<>*\ufffd")


def load_cow_iso(data: Path) -> dict[str, str]:
    m = {}
    with (data / "countries/countrycode_codelist_without_cldr.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["cowc"] and r["iso3c"]:
                m[r["cowc"]] = r["iso3c"]
    # COW abbreviations for states the crosswalk leaves without an ISO code.
    m.update({"GFR": "DEU", "GDR": "DDR", "YUG": "SRB", "CZE": "CZE", "USR": "RUS", "RVN": "VNM", "DRV": "VNM",
              "YAR": "YEM", "YPR": "YEM", "KOS": "XKX", "ZAN": "TZA"})
    # The Papal States (1816-1860) are not the Holy See of today, a sovereign
    # without a COW spell: its dates are left open.
    m.pop("PAP", None)
    return m


def mledoze_code(x) -> str:
    """A state's code: mledoze files Kosovo under "UNK"; the knowledge base, the
    map, the EU and the IMF use the user-assigned XKX, so one state has one code."""
    return "XKX" if x["cca3"] == "UNK" else x["cca3"]


def build_states(data: Path, curated: Path, places_by_country):
    cc = {}
    with (data / "countries/datasets_country-codes.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            iso = r["ISO3166-1-Alpha-3"].strip()
            if iso:
                cc[iso] = r
    mled = {mledoze_code(x): x for x in json.loads((data / "countries/mledoze_countries.json").read_text(encoding="utf-8"))}
    pop = {}
    for line in (data / "places/geonames_countryInfo.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        p = line.split("\t")
        try:
            pop[p[1]] = int(p[7] or 0)
        except (IndexError, ValueError):
            pass
    cow_iso = load_cow_iso(data)
    dates = {}
    with (data / "countries/peacesciencer_cow_states.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            iso = cow_iso.get(r["stateabb"])
            if not iso:
                continue
            a = f"{int(float(r['styear'])):04d}-{int(float(r['stmonth'])):02d}-{int(float(r['stday'])):02d}"
            b = f"{int(float(r['endyear'])):04d}-{int(float(r['endmonth'])):02d}-{int(float(r['endday'])):02d}"
            if b >= "2016-12-31":
                b = ""  # still a member when the data ends
            lo, hi = dates.get(iso, (a, b))
            dates[iso] = (min(lo, a), "" if (hi == "" or b == "") else max(hi, b))

    states = {}
    for iso, x in mled.items():
        names = {x["name"]["common"], x["name"]["official"]}
        # Two-letter ISO codes ("CF", "IN", "PM") are no names in running text
        # ("CF-18 jets", "5 PM"); the ones news writes (US, UK, NZ) are curated.
        names.update(a for a in x.get("altSpellings", []) if len(a) > 2)
        dem = x.get("demonyms", {}).get("eng", {})
        for d in (dem.get("m"), dem.get("f")):
            if d:
                names.add(d)
                names.add(plural(d))
        caps = set(x.get("capital", []))
        states[iso] = {"name": x["name"]["common"], "names": names, "caps": caps}
    for iso, r in cc.items():
        if iso not in states:
            continue
        for col in ("CLDR display name", "UNTERM English Short", "official_name_en"):
            v = r.get(col, "").strip()
            if v:
                states[iso]["names"].add(re.sub(r"^the ", "", v))
        if r.get("Capital"):
            states[iso]["caps"].add(r["Capital"].strip())
    # Phoenix country blocks: alternative names and misspellings; cities go to places.
    for e in read_phoenix(data / "cameo/Phoenix.Countries.actors.txt"):
        codes = [c for c in e["codes"] if not c[3]]
        if len(codes) != 1 or len(codes[0][0]) != 3 or codes[0][0] not in states:
            continue
        iso = codes[0][0]
        for n in [e["name"]] + e["syn"]:
            t = title_case(n)
            if not is_alias_ok(t):
                continue
            if key(t) in places_by_country.get(iso, set()):
                continue
            states[iso]["names"].add(t)
    drop = {}
    for line in (curated).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        p = line.split("\t")
        iso = p[0]
        if iso not in states:
            print(f"curated_states: unknown state {iso}", file=sys.stderr)
            continue
        states[iso]["names"].update(n for n in p[1].split("|") if n)
        if len(p) > 2:
            drop[iso] = {n for n in p[2].split("|") if n}  # exact spelling: "Us" goes, "US" stays
        if len(p) > 3:
            states[iso]["caps"].update(n for n in p[3].split("|") if n)
    rows = []
    for iso in sorted(states):
        s = states[iso]
        d = drop.get(iso, set())
        caps = sorted({c for c in s["caps"] if c and c not in d})
        capk = {key(c) for c in caps}
        names = sorted({n for n in s["names"] if n not in d and key(n) not in capk and len(n) >= 2}, key=lambda x: (x.lower(), x))
        a, b = dates.get(iso, ("", ""))
        rows.append([iso, s["name"], a, b, str(pop.get(iso, 0)), "|".join(names), "|".join(caps)])
    return rows


def plural(w: str) -> str:
    """The plural of a demonym: "Kiwi" -> "Kiwis"; "Chinese", "Swiss", "British" stay."""
    if w.endswith(("ese", "ish", "ch", "s", "x")):
        return w
    return w + "s"


def load_places(data: Path, min_pop: int):
    """GeoNames cities with population >= min_pop, plus Natural Earth capitals."""
    z = zipfile.ZipFile(data / "places/geonames_cities15000.zip")
    iso2to3 = {}
    for line in (data / "places/geonames_countryInfo.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        p = line.split("\t")
        iso2to3[p[0]] = p[1]
    rows = {}
    by_country: dict[str, set[str]] = {}
    for line in z.read("cities15000.txt").decode("utf-8").splitlines():
        p = line.split("\t")
        iso = iso2to3.get(p[8])
        if not iso:
            continue
        popn = int(p[14] or 0)
        name = p[1]
        by_country.setdefault(iso, set()).add(key(name))
        by_country[iso].add(key(p[2]))
        if popn >= min_pop:
            k = (name, iso)
            if k not in rows or rows[k][4] < popn:
                rows[k] = [name, iso, f"{float(p[4]):.3f}", f"{float(p[5]):.3f}", popn]
    ne = json.loads((data / "places/ne_10m_populated_places_simple.json").read_text(encoding="utf-8"))
    for feat in ne.get("features", []):
        pr = feat.get("properties", {})
        iso = pr.get("adm0_a3") or ""
        name = pr.get("name") or ""
        if not name or len(iso) != 3:
            continue
        by_country.setdefault(iso, set()).add(key(name))
        if pr.get("adm0cap") and (name, iso) not in rows:
            rows[(name, iso)] = [name, iso, f"{float(pr['latitude']):.3f}", f"{float(pr['longitude']):.3f}", int(pr.get("pop_max") or 0)]
    out = sorted(rows.values(), key=lambda r: (-r[4], r[0]))
    return [[r[0], r[1], r[2], r[3], str(r[4])] for r in out], by_country


def build_orgs(data: Path, curated: Path, state_codes: set[str], state_names: set[str]):
    """Organisations and state institutions with fixed codes; people with dated codes go apart."""
    orgs: dict[str, dict] = {}
    groups = []
    people = []

    def add_org(code, name, aliases, kind):
        o = orgs.setdefault(code, {"names": [], "kind": kind})
        for n in [name] + aliases:
            if is_alias_ok(n) and n not in o["names"]:
                o["names"].append(n)

    for fname in PHOENIX_ACTORS:
        for e in read_phoenix(data / "cameo" / fname):
            codes = e["codes"]
            if not codes:
                continue
            dated = any(c[3] for c in codes)
            names = [title_case(n) for n in [e["name"]] + e["syn"]]
            names = [n for n in names if is_alias_ok(n)]
            if not names:
                continue
            looks_person = dated or "CountryInfo" in e["comment"] or "rulers" in e["comment"]
            if key(names[0]) in state_names:
                continue  # a country block with dated codes (successor states), not a person
            if looks_person:
                for code, a, b, _ in codes:
                    people.append([names[0], "|".join(names[1:]), code, "", a, b, f"Phoenix {fname.split('.')[1]}"])
                continue
            code = codes[0][0]
            if len(code) == 3 and code in state_codes:
                continue  # country blocks: handled by build_states
            if code.startswith("MNC"):
                continue  # companies: rarely actors in political news, common false hits
            code = localise_code(code, names, state_codes)
            kind = "igo" if code.startswith("IGO") else ("state" if code[:3] in state_codes else "org")
            if kind == "igo":
                add_org(code, names[0], names[1:], kind)
            else:
                # Each group keeps its own row: codes are shared by many groups.
                groups.append([code, names[0], kind, names[1:]])
    # Curated organisations override the actor id and canonical name.
    cur = {}
    for line in curated.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        p = line.split("\t")
        code, actor, kind, name = p[0], p[1], p[2], p[3]
        aliases = [a for a in (p[4].split("|") if len(p) > 4 else []) if a]
        cur[(code, name)] = (actor, kind, aliases)
    rows = []
    for (code, name), (actor, kind, aliases) in cur.items():
        # The first curated row of a code takes the Phoenix names filed under it.
        extra = orgs.pop(code, {"names": []})["names"]
        al = sorted(set(aliases + extra + [actor]) - {name}, key=lambda x: (x.lower(), x))
        rows.append([code, actor, kind, name, "|".join(al)])
    cur_names = {key(n) for (_, name), c in cur.items() for n in [c[0], name] + c[2]}
    for code, name, kind, aliases in groups:
        if key(name) in cur_names:
            continue
        # A name curated for one group is no alias of another ("Islamic
        # Jihad" is the Palestinian group, not Hezbollah).
        aliases = [a for a in aliases if key(a) not in cur_names]
        acr = [n for n in [name] + aliases if n.isupper() and 2 <= len(n) <= 8 and " " not in n]
        actor = code[:3] if kind == "state" else (acr[0] if acr else name)
        rows.append([code, actor, kind, name, "|".join(sorted(set(aliases) - {name}, key=lambda x: (x.lower(), x)))])
    for code, o in sorted(orgs.items()):
        names = o["names"]
        name = names[0]
        acr = [n for n in names if n.isupper() and len(n) <= 8 and " " not in n]
        actor = acr[0] if acr and o["kind"] != "state" else (code[:3] if o["kind"] == "state" else name)
        rows.append([code, actor, o["kind"], name, "|".join(sorted(set(names[1:]), key=lambda x: (x.lower(), x)))])
    return rows, people


# Plain names and demonyms of states (not provinces or misspellings), for
# placing a group whose code has only a region ("MEAREB") in the state its
# name carries ("Palestinian Islamic Jihad").
STATE_WORDS: dict[str, str] = {}


def localise_code(code: str, names: list[str], state_codes: set[str]) -> str:
    if code[:3] in state_codes or code.startswith(("IGO", "NGO", "MNC")):
        return code
    found = set()
    for n in names:
        words = n.replace("-", " ").split()
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                iso = STATE_WORDS.get(key(" ".join(words[i:i + size])))
                if iso and words[i][:1].isupper():
                    found.add(iso)
    if len(found) != 1:
        return code
    iso = found.pop()
    rest = code[3:]
    if code.startswith("IMG") or "REB" in rest:
        return iso + "REB"
    return iso + rest


def load_reign(data: Path, cow_iso: dict[str, str]):
    rows = []
    raw = (data / "leaders/REIGN_leaderlist_3_21.csv").read_bytes().decode("latin-1")
    for r in csv.DictReader(io.StringIO(raw)):
        iso = cow_iso.get(r["stateabb"])
        if not iso:
            continue
        try:
            a = f"{int(r['syear']):04d}-{int(r['smonth']):02d}-{int(r['sdate']):02d}"
        except ValueError:
            continue
        b = ""
        if r["eyear"].strip():
            try:
                b = f"{int(r['eyear']):04d}-{int(r['emonth']):02d}-28"
            except ValueError:
                b = ""
        rows.append([utf8_in_latin1(r["leader"].strip()), "", iso + "GOV", "leader", a, b, "REIGN 2021"])
    return rows


def utf8_in_latin1(s: str) -> str:
    """The REIGN file is Latin-1 with a few names in UTF-8 ("KatrÃ\xadn" for "Katrín"):
    such a name, read back as UTF-8 bytes, is the name."""
    try:
        return s.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return s


def merge_people(curated_rows, reign_rows, phoenix_rows):
    """One line per person-role; REIGN surnames join the person with that surname and country."""
    out = []
    full = {}
    by_surname = {}
    for r in curated_rows + phoenix_rows:
        k = key(r[0])
        full.setdefault(k, r[0])
        by_surname.setdefault((r[2][:3], k.split(" ")[-1]), set()).add(full[k])
    for r in curated_rows:
        out.append(r)
    # The curated terms of each person in each actor code: REIGN stops in March 2021, so its
    # open spells end where the curated term of the same person and code ends (Ardern's
    # government ended on 25 January 2023, not with the dataset).
    curated_terms: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for r in curated_rows:
        curated_terms.setdefault((key(r[0]), r[2]), []).append((r[4], r[5]))
    # The first curated year of each person in each state: a REIGN surname that ended half a
    # century before it is another person of the same family (Nobusuke Kishi, prime minister
    # until 1960, is not Nobuo Kishi, defence minister from 2020; Rabuka's 1987 spell, 35
    # years before his 2022 term, is his own).
    first_year: dict[tuple[str, str], int] = {}
    for r in curated_rows:
        if r[4]:
            k = (key(r[0]), r[2][:3])
            first_year[k] = min(first_year.get(k, 9999), int(r[4][:4]))

    def another_generation(name: str, reign_row) -> bool:
        first = first_year.get((key(name), reign_row[2][:3]))
        return bool(first and reign_row[5] and first - int(reign_row[5][:4]) > 50)

    for r in reign_rows:
        k = key(r[0])
        name = full.get(k)
        if name is None and " " not in k:
            c = by_surname.get((r[2][:3], k), set())
            if len(c) > 1 and r[5]:
                # Two people share the surname (Konstantinos and Kyriakos Mitsotakis, Vytautas
                # and Gabrielius Landsbergis): a REIGN spell that ended before a curated
                # person's first term is not theirs.
                c = {n for n in c if first_year.get((key(n), r[2][:3]), 0) <= int(r[5][:4])}
            if len(c) == 1 and not another_generation(next(iter(c)), r):
                name = next(iter(c))
        if name is None:
            # "Johnson", "M. Rutte", "Lopez Obrador": the curated holder of the same code
            # whose surname ends the name and whose term began the same day.
            last = k.split(" ")[-1]
            c = {cr[0] for cr in curated_rows
                 if cr[2] == r[2] and key(cr[0]).split(" ")[-1] == last and cr[4] == r[4]}
            if len(c) == 1:
                name = next(iter(c))
        row = [name or r[0]] + r[1:]
        terms = curated_terms.get((key(row[0]), row[2]), [])
        if row[5] == "" and terms:
            # The curated term that began with REIGN's (within a month) ends it; else, when
            # every curated term has ended, the last end does (a later term is its own line).
            same = [e for f, e in terms if f and abs((date.fromisoformat(f) - date.fromisoformat(row[4])).days) <= 31]
            if same and same[0]:
                row[5] = same[0]
            elif not same and all(e for _, e in terms):
                row[5] = max(e for _, e in terms)
        out.append(row)
    for r in phoenix_rows:
        out.append([full[key(r[0])]] + r[1:])
    # Aliases once per person: later lines of the same person leave the column empty.
    seen: dict[str, set[str]] = {}
    compact = []
    lines_seen: set[tuple[str, ...]] = set()
    for r in out:
        have = seen.setdefault(r[0], set())
        new = [a for a in r[1].split("|") if a and a not in have and a != r[0]]
        have.update(new)
        line = [r[0], "|".join(new)] + r[2:]
        if tuple(line) not in lines_seen:
            lines_seen.add(tuple(line))
            compact.append(line)
    return compact


def build_agents(data: Path, curated: Path):
    subs = {}
    rows = {}
    for line in (data / "cameo/Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        m = re.match(r"^!(\w+)!\s*=\s*(.*)$", line)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.match(r"^([^\[{]+?)\s*(\{[^}]*\})?\s*\[~([A-Z]+)\]", line)
        if not m:
            continue
        phrase, plur, sector = m.group(1).strip(), m.group(2), m.group(3)
        forms = [phrase]
        for name, vals in subs.items():
            token = f"!{name}!"
            if any(token in f for f in forms):
                forms = [f.replace(token, v) for f in forms for v in vals]
        if plur and len(plur) > 2:
            forms.append(plur[1:-1])
        for f in forms:
            f = phoenix_name(f).lower()
            if not is_alias_ok(f):
                continue
            if f.endswith(" minist") or f == "minist":
                stems = [f + "er", f + "ers", f + "ry", f + "ries"]
            else:
                stems = [f, agent_plural(f)]
            for s in stems:
                rows.setdefault(s, sector)
    for line in curated.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        p = line.split("\t")
        rows[p[0].lower()] = p[1]
        rows.setdefault(agent_plural(p[0].lower()), p[1])
    return [[k, v] for k, v in sorted(rows.items())]


def agent_plural(f: str) -> str:
    head, _, last = f.rpartition(" ")
    if last.endswith(("s", "x", "ch", "sh")):
        p = last + "es" if not last.endswith("s") else last
    elif last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        p = last[:-1] + "ies"
    elif last.endswith("man"):
        p = last[:-3] + "men"
    else:
        p = last + "s"
    return (head + " " + p) if head else p


def read_tsv(path: Path, ncols: int):
    rows = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        p = line.split("\t")
        if len(p) < ncols:
            sys.exit(f"{path}:{i}: expected {ncols} tab-separated columns, found {len(p)}")
        rows.append(p[:ncols])
    return rows


def write_tsv(path: Path, header: str, rows):
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write(f"# {header}\n# generated by scripts/build_actors.py: do not edit; see SOURCES.md\n")
        for r in rows:
            f.write("\t".join(str(c).replace("\t", " ") for c in r) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/work/shared/data")
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    ap.add_argument("--min-place-pop", type=int, default=100_000)
    args = ap.parse_args()
    data, out = Path(args.data), Path(args.out)
    places, places_by_country = load_places(data, args.min_place_pop)
    states = build_states(data, out / "curated_states.tsv", places_by_country)
    state_codes = {r[0] for r in states}
    mled = json.loads((data / "countries/mledoze_countries.json").read_text(encoding="utf-8"))
    for x in mled:
        dem = x.get("demonyms", {}).get("eng", {})
        for n in (x["name"]["common"], dem.get("m"), dem.get("f")):
            if n and mledoze_code(x) in state_codes:
                STATE_WORDS.setdefault(key(n), mledoze_code(x))
    state_names = {key(n) for r in states for n in [r[1]] + r[5].split("|") + r[6].split("|") if n}
    orgs, phoenix_people = build_orgs(data, out / "curated_orgs.tsv", state_codes, state_names)
    curated_people = read_tsv(out / "curated_people.tsv", 7)
    reign = load_reign(data, load_cow_iso(data))
    people = merge_people(curated_people, reign, phoenix_people)
    agents = build_agents(data, out / "curated_agents.tsv")
    write_tsv(out / "states.tsv", "iso3\tname\tfrom\tto\tpopulation\tnames|\tcapitals|", states)
    write_tsv(out / "orgs.tsv", "code\tactor\tkind\tname\taliases|", orgs)
    generated = people[len(curated_people):]
    # Lines of one person together (the loader relies on it for speed), aliases on the first.
    order = {}
    for r in generated:
        order.setdefault(r[0], len(order))
    generated.sort(key=lambda r: (order[r[0]], r[1] == ""))
    write_tsv(out / "people.tsv", "name\taliases|\tcode\trole\tfrom\tto\tsource", generated)
    write_tsv(out / "agents.tsv", "phrase\tsector", agents)
    write_tsv(out / "places.tsv", "name\tiso3\tlat\tlon\tpopulation", places)
    print(f"states {len(states)}, orgs {len(orgs)}, people lines {len(people)}, agents {len(agents)}, places {len(places)}")


if __name__ == "__main__":
    main()
