#!/usr/bin/env python3
"""Build entente-know's embedded alliance data from the shared reference datasets.

Reads (paths relative to --shared, default /work/shared/data):
  alliances/atop4_01_alliance_level.csv, alliances/atop4_01_member_level.csv  (ATOP 4.01)
  alliances/peacesciencer_atop_alliance_dyadyear_v5_1.csv                     (ATOP 5.1, checks)
  alliances/cow_igo_v3_membership_spells.csv                                  (COW IGO 3)
  alliances/CountrycodesOrgs_factbook_2020.csv                                (Factbook 2020)
  alliances/nato_members.csv                                                  (NATO in-force dates)
  countries/countrycode_codelist_without_cldr.csv, countries/peacesciencer_cow_states.csv
and crates/know/data/curated.tsv, and writes compact TSV files into crates/know/data/:
  states.tsv treaties.tsv provisions.tsv parties.tsv suspensions.tsv orgs.tsv
  memberships.tsv partners.tsv places.tsv

Conventions of the generated files: tab-separated, no header, dates YYYY[-MM[-DD]], `until`
exclusive, empty = unknown/open. Every row ends with its origin (dataset|curated) and source.

Python 3.11 standard library only. Run from the repository root:
  python3 scripts/build_alliances.py [--shared /work/shared/data]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "crates" / "know" / "data"
CURATED = OUT / "curated.tsv"

KINDS = {"d": "defence", "o": "offence", "n": "neutrality", "a": "non_aggression", "c": "consultation"}
ATOP_FLAGS = [("defense", "d"), ("offense", "o"), ("neutral", "n"), ("nonagg", "a"), ("consul", "c")]
# ATOP condition variables per obligation kind, with what they mean (ATOP 4.01 codebook).
ATOP_CONDITIONS = {
    "d": [("defcoadv", "only against a named adversary"), ("defcoloc", "only for attacks in a named location"),
          ("defcocon", "only in a named conflict"), ("defconum", "only if the attacker is joined by others"),
          ("defcodem", "only if a demand is refused"), ("defconpr", "only if the partner does not provoke the attack")],
    "o": [("offcoadv", "only against a named adversary"), ("offcoloc", "only in a named location"),
          ("offcocon", "only in a named conflict"), ("offconum", "only with a number of states"),
          ("offcodem", "only if a demand is refused")],
    "n": [("neucoadv", "only against a named adversary"), ("neucoloc", "only in a named location"),
          ("neucocon", "only in a named conflict"), ("neuconum", "only if the attacker is joined by others"),
          ("neucodem", "only if a demand is refused"), ("neuconpr", "only if the partner does not provoke"),
          ("neucoatt", "only if the partner is attacked")],
    "c": [("concoadv", "only about a named adversary"), ("concoloc", "only about a named location"),
          ("concocon", "only in a named conflict"), ("concoreq", "only at a partner's request")],
}
ATOP_SOURCE = "atop4:{}"


class DataError(Exception):
    pass


def die(path, line, msg):
    raise DataError(f"{path}:{line}: {msg}")


def ymd(y, m, d) -> str:
    """An ATOP-style date as YYYY[-MM[-DD]]; '' when the year is 0 or missing."""
    y, m, d = int(float(y or 0)), int(float(m or 0)), int(float(d or 0))
    if y <= 0:
        return ""
    if m <= 0:
        return f"{y:04d}"
    if d <= 0:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def check_date(path, line, s):
    if not s:
        return s
    parts = s.split("-")
    try:
        if len(parts) == 1:
            dt.date(int(parts[0]), 1, 1)
        elif len(parts) == 2:
            dt.date(int(parts[0]), int(parts[1]), 1)
        elif len(parts) == 3:
            dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
        else:
            raise ValueError
    except ValueError:
        die(path, line, f"bad date {s!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    return s


def date_key(s: str) -> str:
    """Sortable key: the first day a reduced-precision date covers."""
    if not s:
        return ""
    p = s.split("-")
    while len(p) < 3:
        p.append("01")
    return "-".join(p)


def cow(c: str) -> str:
    return str(int(float(c)))


# --- curated --------------------------------------------------------------------------------

CURATED_COLUMNS = {
    "cow_iso": 7, "state": 6, "treaty": 8, "provision": 7, "party": 7, "suspension": 7,
    "org": 6, "member": 7, "partner": 8, "place": 6, "successor": 5, "termination": 5,
    "withdrawal": 6,
}


def read_curated(path: Path):
    facts = defaultdict(list)
    with path.open(encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            kind = cols[0]
            if kind not in CURATED_COLUMNS:
                die(path, n, f"unknown kind {kind!r}; expected one of {sorted(CURATED_COLUMNS)}")
            want = CURATED_COLUMNS[kind]
            if len(cols) != want:
                die(path, n, f"{kind} needs {want} tab-separated columns, found {len(cols)}")
            if not cols[-1].strip():
                die(path, n, f"{kind} line has no source")
            facts[kind].append((n, cols[1:]))
    return facts


# --- countries ------------------------------------------------------------------------------

class Countries:
    def __init__(self, shared: Path, curated):
        self.by_cow: dict[str, str] = {}
        self.info: dict[str, tuple[str, str, str]] = {}  # iso -> (name, region, subregion)
        cl = shared / "countries" / "countrycode_codelist_without_cldr.csv"
        with cl.open(encoding="utf-8") as f:
            for r in csv.DictReader(f):
                iso = r["iso3c"]
                if not iso:
                    continue
                self.info[iso] = (r["country.name.en"], r["un.region.name"], r["un.regionsub.name"])
                if r["cown"]:
                    self.by_cow[r["cown"]] = iso
        self.cow_names: dict[str, tuple[str, str]] = {}
        with (shared / "countries" / "peacesciencer_cow_states.csv").open(encoding="utf-8") as f:
            for r in csv.DictReader(f):
                self.cow_names[cow(r["ccode"])] = (r["stateabb"], r["statenme"])
        for _, (c, iso, name, region, sub, _src) in curated["cow_iso"]:
            self.by_cow[c] = iso
            self.info.setdefault(iso, (name, region, sub))
        for _, (iso, name, region, sub, _src) in curated["state"]:
            self.info[iso] = (name, region, sub)
        self.used: set[str] = set()

    def from_cow(self, c: str) -> str:
        c = cow(c)
        iso = self.by_cow.get(c)
        if iso is None:
            # No ISO code (a state of the 19th century, South Vietnam...): keep the COW code.
            abb, name = self.cow_names.get(c, (c, f"COW state {c}"))
            iso = f"COW-{abb}"
            self.info.setdefault(iso, (name, "", ""))
        self.used.add(iso)
        return iso

    def iso(self, code: str, where: str) -> str:
        if code not in self.info:
            raise DataError(f"{where}: unknown ISO alpha-3 code {code!r}")
        self.used.add(code)
        return code


# --- treaties from ATOP ---------------------------------------------------------------------

def load_atop(shared: Path, countries: Countries):
    treaties = {}
    with (shared / "alliances" / "atop4_01_alliance_level.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            tid = f"atop:{r['atopid']}"
            treaties[tid] = {
                "name": f"ATOP alliance {r['atopid']}", "aliases": [],
                "signed": ymd(r["begyr"], r["begmo"], r["begday"]), "in_force": "",
                "ended": ymd(r["endyr"], r["endmo"], r["endday"]),
                "source": ATOP_SOURCE.format(r["atopid"]),
                "origin": "dataset",
            }
    spells = defaultdict(list)  # (treaty, iso) -> [spell]
    conditions = defaultdict(set)  # (treaty, kind letter) -> {condition text}
    path = shared / "alliances" / "atop4_01_member_level.csv"
    with path.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            tid = f"atop:{r['atopid']}"
            if tid not in treaties:
                raise DataError(f"{path}: member row for unknown alliance {r['atopid']}")
            iso = countries.from_cow(r["member"])
            obl = "".join(letter for flag, letter in ATOP_FLAGS if r[flag] == "1")
            for letter, conds in ATOP_CONDITIONS.items():
                if letter in obl:
                    for var, text in conds:
                        if r.get(var, "0") not in ("0", ""):
                            conditions[(tid, letter)].add(f"{text} (ATOP {var})")
            spells[(tid, iso)].append({
                "from": ymd(r["yrent"], r["moent"], r["dayent"]), "until": ymd(r["yrexit"], r["moexit"], r["dayexit"]),
                "obl": obl, "signed": ymd(r["yrent"], r["moent"], r["dayent"]), "in_force": "",
                "origin": "dataset", "source": ATOP_SOURCE.format(r["atopid"]), "phase": r["phase"], "group": "",
            })
    mark_parallel_phases(spells)
    return treaties, merge_spells(spells), conditions


def mark_parallel_phases(spells):
    """ATOP codes a bilateral treaty carried on with each successor state (France with the
    Czech Republic and with Slovakia) as phases in force at the same time. Parties of such
    parallel phases are bound only to the parties of the same phase: their group."""
    phases = defaultdict(lambda: defaultdict(list))
    for (tid, _), rows in spells.items():
        for s in rows:
            phases[tid][s["phase"]].append(s)
    for tid, by_phase in phases.items():
        span = {p: (min(date_key(s["from"]) for s in rows),
                    max(date_key(s["until"]) if s["until"] else "9999" for s in rows))
                for p, rows in by_phase.items()}
        for p, (a0, a1) in span.items():
            if any(q != p and b0 < a1 and a0 < b1 for q, (b0, b1) in span.items()):
                for s in by_phase[p]:
                    s["group"] = p


def merge_spells(spells):
    """Joins a pair's consecutive spells with the same obligations (ATOP phases)."""
    out = {}
    for key, rows in spells.items():
        rows.sort(key=lambda s: date_key(s["from"]))
        merged = []
        for s in rows:
            same = merged and merged[-1]["obl"] == s["obl"] and merged[-1].get("group", "") == s.get("group", "")
            if merged and merged[-1]["until"] == s["from"] and same:
                merged[-1]["until"] = s["until"]
            elif merged and merged[-1]["until"] == s["from"]:
                # A new phase with other obligations: the membership continues.
                s = dict(s, signed=merged[-1]["signed"], continues=True)
                merged.append(s)
            else:
                merged.append(dict(s))
        out[key] = merged
    return out


def standard_obligations(spells, tid):
    """The obligations most parties of a treaty bear now: given to parties the data adds."""
    counts = defaultdict(int)
    for (t, _), rows in spells.items():
        if t == tid and rows and not rows[-1]["until"]:
            counts[rows[-1]["obl"]] += 1
    return max(counts, key=counts.get) if counts else ""


# --- build ----------------------------------------------------------------------------------

def build(shared: Path):
    curated = read_curated(CURATED)
    countries = Countries(shared, curated)
    treaties, spells, conditions = load_atop(shared, countries)

    # Curated treaty lines name ATOP treaties or add new ones.
    for n, (tid, name, aliases, signed, in_force, ended, src) in curated["treaty"]:
        for d in (signed, in_force, ended):
            check_date(CURATED, n, d)
        t = treaties.get(tid)
        if t is None:
            treaties[tid] = {"name": name, "aliases": [a for a in aliases.split("|") if a], "signed": signed,
                             "in_force": in_force, "ended": ended, "source": f"curated:{n} {src}",
                             "origin": "curated"}
        else:
            if t["signed"] and signed and date_key(t["signed"]) != date_key(signed):
                print(f"note: {tid} signed {t['signed']} (ATOP) vs {signed} (curated line {n}); keeping ATOP's",
                      file=sys.stderr)
            t.update(name=name, aliases=[a for a in aliases.split("|") if a], in_force=in_force,
                     ended=ended or t["ended"])
            t["source"] += f"; curated:{n} {src}"

    # Founding parties take the treaty's entry into force, and so does any party ATOP dates
    # from a signature before it: nobody is bound by a treaty not yet in force.
    for (tid, _), rows in spells.items():
        t = treaties[tid]
        if t["in_force"] and rows and rows[0]["from"] == t["signed"]:
            rows[0]["in_force"] = t["in_force"]
        if t["in_force"]:
            for s in rows:
                if not s["in_force"] and date_key(s["from"]) < date_key(t["in_force"]):
                    s["in_force"] = t["in_force"]

    # Organisations.
    orgs = {}
    for n, (oid, name, aliases, treaty, src) in curated["org"]:
        if treaty and treaty not in treaties:
            die(CURATED, n, f"org {oid} names unknown treaty {treaty}")
        orgs[oid] = {"name": name, "aliases": [a for a in aliases.split("|") if a], "treaty": treaty,
                     "source": f"curated:{n} {src}"}

    # NATO's published in-force dates: for the parties of the treaty of the organisation NATO.
    path = shared / "alliances" / "nato_members.csv"
    nato_treaty = orgs.get("NATO", {}).get("treaty")
    if nato_treaty:
        std = standard_obligations(spells, nato_treaty)
        with path.open(encoding="utf-8") as f:
            for i, r in enumerate(csv.DictReader(f), 2):
                iso = countries.iso(r["iso3"], f"{path}:{i}")
                d = check_date(path, i, r["accession_date"])
                rows = spells.get((nato_treaty, iso))
                src = f"nato:{i}"
                if rows:
                    rows[0]["in_force"] = d
                    rows[0]["source"] += f"; {src}"
                else:
                    spells[(nato_treaty, iso)] = [{"from": d, "until": "", "obl": std, "signed": "", "in_force": d,
                                                  "origin": "dataset", "source": src}]

    # Curated parties replace the datasets' spells for the same pair (kept as a note).
    curated_parties = defaultdict(list)
    for n, (tid, iso, frm, until, obl, src) in curated["party"]:
        if tid not in treaties:
            die(CURATED, n, f"party of unknown treaty {tid}")
        if any(c not in KINDS for c in obl):
            die(CURATED, n, f"obligations {obl!r}: use letters among {''.join(KINDS)}")
        iso = countries.iso(iso, f"{CURATED}:{n}")
        curated_parties[(tid, iso)].append({"from": check_date(CURATED, n, frm), "until": check_date(CURATED, n, until),
                                           "obl": obl, "signed": "", "in_force": frm, "origin": "curated",
                                           "source": f"curated:{n} {src}"})
    for key, rows in curated_parties.items():
        old = spells.get(key)
        if old:
            signed = old[0]["signed"]
            note = "; replaces " + ", ".join(f"{s['from']}..{s['until']}" for s in old) + f" of {old[0]['source']}"
            for r in rows:
                r["source"] += note
            if signed:
                rows[0]["signed"] = signed
        spells[key] = rows

    apply_terminations(curated, treaties, spells)
    apply_withdrawals(curated, treaties, spells, countries)
    apply_successions(curated, countries, spells)
    name_treaties(treaties, spells, countries)
    derive_end_reasons(shared, treaties)

    suspensions = []
    for n, (tid, a, b, frm, until, src) in curated["suspension"]:
        if tid not in treaties:
            die(CURATED, n, f"suspension in unknown treaty {tid}")
        suspensions.append([tid, countries.iso(a, f"{CURATED}:{n}"), countries.iso(b, f"{CURATED}:{n}"),
                            check_date(CURATED, n, frm), check_date(CURATED, n, until), "curated",
                            f"curated:{n} {src}"])

    # Provisions: one per treaty and obligation kind; curated text (article, area) wins.
    provisions = {}
    kinds_in = defaultdict(set)
    for (tid, _), rows in spells.items():
        for s in rows:
            kinds_in[tid].update(s["obl"])
    for tid, letters in kinds_in.items():
        for letter in letters:
            conds = "; ".join(sorted(conditions.get((tid, letter), ()))) or ""
            src = treaties[tid]["source"].split(";")[0]
            provisions[(tid, KINDS[letter])] = [tid, KINDS[letter], "", "", conds, treaties[tid]["origin"], src]
    for n, (tid, kind, article, area, conds, src) in curated["provision"]:
        if tid not in treaties:
            die(CURATED, n, f"provision of unknown treaty {tid}")
        if kind not in KINDS.values():
            die(CURATED, n, f"provision kind {kind!r}: expected one of {sorted(KINDS.values())}")
        provisions[(tid, kind)] = [tid, kind, article, area, conds, "curated", f"curated:{n} {src}"]

    # Organisation memberships (organisations without a treaty): COW IGO, extended by the
    # Factbook 2020, replaced per pair by curated lines.
    memberships = load_memberships(shared, countries, orgs, curated)

    partners = []
    for n, (oid, iso, framework, region, since, until, src) in curated["partner"]:
        if oid not in orgs:
            die(CURATED, n, f"partner of unknown organisation {oid}")
        partners.append([oid, countries.iso(iso, f"{CURATED}:{n}"), framework, region, check_date(CURATED, n, since),
                         check_date(CURATED, n, until), "curated", f"curated:{n} {src}"])
    partners += factbook_partners(shared, countries, orgs, spells, partners)

    places = []
    for n, (name, aliases, admin, tags, src) in curated["place"]:
        places.append([name, aliases, countries.iso(admin, f"{CURATED}:{n}"), tags, "curated",
                       f"curated:{n} {src}"])

    dyad_check(shared, countries, spells, suspensions)
    return countries, treaties, provisions, spells, suspensions, orgs, memberships, partners, places


def apply_terminations(curated, treaties, spells):
    """A curated termination ends a treaty on its date, for every party still bound, and says why."""
    for n, (tid, date, reason, src) in curated["termination"]:
        if tid not in treaties:
            die(CURATED, n, f"termination of unknown treaty {tid}")
        check_date(CURATED, n, date)
        if not reason.strip():
            die(CURATED, n, "termination without a reason (denounced, expired, superseded, ...)")
        t = treaties[tid]
        t["ended"], t["end_reason"] = date, reason
        t["source"] += f"; curated:{n} {src}"
        for (t2, _), rows in spells.items():
            if t2 != tid:
                continue
            for s in rows:
                if not s["until"] or date_key(s["until"]) > date_key(date):
                    s["until"] = date
                    s["source"] += f"; ended curated:{n}"


def derive_end_reasons(shared: Path, treaties):
    """An ATOP treaty that ended within a day of a party's last day in the COW state system
    (the GDR on 2 October 1990, Czechoslovakia on 31 December 1992) ended because that party
    ceased to exist; curated reasons win."""
    last_day = {}
    with (shared / "countries" / "peacesciencer_cow_states.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            end = dt.date(int(float(r["endyear"])), int(float(r["endmonth"])), int(float(r["endday"])))
            c = cow(r["ccode"])
            if c not in last_day or end > last_day[c][0]:
                last_day[c] = (end, r["statenme"])
    # The state system file ends in 2016: a state reaching it still exists.
    gone = {c: v for c, v in last_day.items() if v[0].year < 2016}
    members = defaultdict(set)
    with (shared / "alliances" / "atop4_01_member_level.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            members[f"atop:{r['atopid']}"].add(cow(r["member"]))
    for tid, t in treaties.items():
        ended = t["ended"]
        if t.get("end_reason") or len(ended) != 10:
            continue
        day = dt.date.fromisoformat(ended)
        for c in sorted(members.get(tid, ())):
            if c in gone and abs((gone[c][0] - day).days) <= 1:
                end, name = gone[c]
                t["end_reason"] = f"party ceased to exist: {name} (its last day in the COW state system: {end})"
                break


def apply_withdrawals(curated, treaties, spells, countries):
    """A curated withdrawal ends one state's spells in a treaty on its date (the Sahel states
    leaving ECOWAS and its protocols)."""
    for n, (tid, iso, date, reason, src) in curated["withdrawal"]:
        if tid not in treaties:
            die(CURATED, n, f"withdrawal from unknown treaty {tid}")
        iso = countries.iso(iso, f"{CURATED}:{n}")
        check_date(CURATED, n, date)
        rows = spells.get((tid, iso))
        if not rows:
            die(CURATED, n, f"{iso} is no party to {tid} to withdraw from")
        for s in rows:
            if not s["until"] or date_key(s["until"]) > date_key(date):
                s["until"] = date
                s["source"] += f"; withdrew ({reason}) curated:{n} {src}"


def apply_successions(curated, countries, spells):
    """A successor state is party only from its independence: spells the datasets start earlier
    (ATOP codes the Soviet republics' 1990-91 treaties from their signature) start on it, and
    spells ending before it are dropped."""
    for n, (iso, date, _predecessor, _src) in curated["successor"]:
        countries.iso(iso, f"{CURATED}:{n}")
        check_date(CURATED, n, date)
        for (tid, code), rows in list(spells.items()):
            if code != iso:
                continue
            kept = []
            for s in rows:
                if s["until"] and date_key(s["until"]) <= date_key(date):
                    continue
                start = s["in_force"] or s["from"]
                if date_key(start) < date_key(date):
                    s["from"], s["in_force"], s["basis"] = date, date, "independence"
                    s["source"] += f"; from independence curated:{n}"
                kept.append(s)
            if kept:
                spells[(tid, code)] = kept
            else:
                del spells[(tid, code)]


def name_treaties(treaties, spells, countries):
    """Treaties no source names get a descriptive name from their founding parties and year:
    "Russia–Ukraine treaty of 1997"; with more than four parties, "Multilateral treaty of 1992:
    Armenia, Kazakhstan, Russia and 6 others". Two such names alike take the signature day."""
    parties = defaultdict(list)  # treaty -> [(start key, state name, in a parallel phase)]
    for (tid, iso), rows in spells.items():
        if rows:
            name = countries.info.get(iso, (iso,))[0]
            parties[tid].append((min(date_key(s["from"]) for s in rows), name, all(s.get("group") for s in rows)))
    generated = {}
    for tid, t in treaties.items():
        if t["origin"] != "dataset" or not t["name"].startswith("ATOP alliance"):
            continue
        members = sorted(parties.get(tid, []))
        year = (t["signed"] or (members[0][0] if members else ""))[:4]
        founders = sorted({name for start, name, _ in members if start == members[0][0]}) if members else []
        everyone = sorted({name for _, name, _ in members})
        # A bilateral treaty carried on with successor states (parallel phases) keeps its founders' name.
        successors_only = all(grouped or name in founders for _, name, grouped in members)
        if successors_only and founders and len(founders) <= 4:
            everyone = founders
        if len(everyone) <= 4:
            name = f"{'–'.join(everyone)} treaty of {year}"
        else:
            shown = (founders if len(founders) <= 3 else founders[:3]) or everyone[:3]
            name = f"Multilateral treaty of {year}: {', '.join(shown)} and {len(everyone) - len(shown)} other{'s' if len(everyone) - len(shown) > 1 else ''}"
        generated[tid] = name
    counts = defaultdict(int)
    for name in generated.values():
        counts[name] += 1
    seen = defaultdict(int)
    for tid in sorted(generated):
        name = generated[tid]
        if counts[name] > 1:
            day = treaties[tid]["signed"]
            name = f"{name} (signed {day})" if len(day) == 10 else name
            seen[name] += 1
            if seen[name] > 1:
                name = f"{name} ({seen[name]})"
        treaties[tid]["name"] = name
        treaties[tid]["named"] = "generated"


def norm_org(s: str) -> str:
    return "".join(ch for ch in s.upper() if ch.isalnum())


def load_memberships(shared, countries, orgs, curated):
    path = shared / "alliances" / "cow_igo_v3_membership_spells.csv"
    cow_rows = defaultdict(list)
    names = {}
    with path.open(encoding="utf-8") as f:
        for i, r in enumerate(csv.DictReader(f), 2):
            oid = r["ioname"]
            names[oid] = r["orgname"]
            if oid in orgs and orgs[oid]["treaty"]:
                continue  # members are the treaty's parties
            iso = countries.from_cow(r["ccode"])
            end = int(r["end_year"])
            # COW ends in 2014: a spell reaching it is open.
            until = "" if end >= 2014 else str(end + 1)
            cow_rows[(oid, iso)].append([oid, iso, r["status"], r["start_year"], until, "dataset",
                                         f"cowigo3:{i}"])
    fb_path = shared / "alliances" / "CountrycodesOrgs_factbook_2020.csv"
    fb = defaultdict(dict)
    fb_names = {}
    with fb_path.open(encoding="utf-8") as f:
        for i, r in enumerate(csv.DictReader(f), 2):
            status = r["org_member"].strip().lower()
            status = {"member": "full", "associate member": "associate", "associate": "associate",
                      "observer": "observer"}.get(status)
            if status is None or r["ISO_3166_3"] not in countries.info:
                continue
            key = norm_org(r["org_id"])
            fb[key][r["ISO_3166_3"]] = (status, i)
            fb_names[key] = (r["org_id"], r["org_name"].strip())
    cow_keys = {norm_org(o): o for o in names}
    out = {}
    # Factbook 2020 confirms COW's open spells, closes those it no longer lists, adds what COW lacks.
    for (oid, iso), rows in cow_rows.items():
        listed = fb.get(norm_org(oid))
        if listed is not None:
            for r in rows:
                if not r[4] and iso not in listed:
                    r[4] = "2020-01"
                    r[6] += "; factbook2020:absent"
        out[(oid, iso)] = rows
    for key, members in fb.items():
        oid = cow_keys.get(key, fb_names[key][0])
        if oid in orgs and orgs[oid]["treaty"]:
            continue
        names.setdefault(oid, fb_names[key][1])
        for iso, (status, i) in members.items():
            if (oid, iso) not in out:
                countries.used.add(iso)
                out[(oid, iso)] = [[oid, iso, status, "2020-01", "", "dataset",
                                    f"factbook2020:{i}"]]
    for oid, name in names.items():
        orgs.setdefault(oid, {"name": name, "aliases": [], "treaty": "", "source": "cowigo3; factbook2020"})
    curated_rows = defaultdict(list)
    for n, (oid, iso, status, since, until, src) in curated["member"]:
        if oid not in orgs:
            die(CURATED, n, f"member of unknown organisation {oid}")
        curated_rows[(oid, iso)].append([oid, countries.iso(iso, f"{CURATED}:{n}"), status, check_date(CURATED, n, since),
                                         check_date(CURATED, n, until), "curated", f"curated:{n} {src}"])
    out.update(curated_rows)
    return [r for rows in out.values() for r in rows]


def factbook_partners(shared, countries, orgs, spells, curated_partners):
    """Partnership for Peace participants listed by the Factbook 2020 (dates unknown)."""
    if "NATO" not in orgs:
        return []
    have = {(p[0], p[1]) for p in curated_partners}
    rows = []
    path = shared / "alliances" / "CountrycodesOrgs_factbook_2020.csv"
    with path.open(encoding="utf-8") as f:
        for i, r in enumerate(csv.DictReader(f), 2):
            if r["org_id"] != "PFP" or r["ISO_3166_3"] not in countries.info:
                continue
            iso = r["ISO_3166_3"]
            if ("NATO", iso) in have:
                continue
            # A partner that later joined stops being a partner on joining; one that was a
            # member in 2020 is listed by the Factbook only as a PfP participant.
            joined = [s["from"] for s in spells.get((orgs["NATO"]["treaty"], iso), [])]
            until = min(joined, key=date_key) if joined else ""
            if until and date_key(until) <= "2020-01-01":
                continue
            countries.used.add(iso)
            rows.append(["NATO", iso, "Partnership for Peace", "Euro-Atlantic", "", until, "dataset",
                         f"factbook2020:{i}"])
    return rows


def dyad_check(shared, countries, spells, suspensions):
    """Reports (to stderr) defence pledges ATOP 5.1 has in 2018 that the built data lacks."""
    path = shared / "alliances" / "peacesciencer_atop_alliance_dyadyear_v5_1.csv"
    defended = set()
    for (tid, iso), rows in spells.items():
        if any(date_key(s["from"]) <= "2018-07-01" and (not s["until"] or date_key(s["until"]) > "2018-07-01")
               and "d" in s["obl"] for s in rows):
            defended.add((tid, iso))
    parties = defaultdict(set)
    for (tid, iso), rows in spells.items():
        if any(date_key(s["from"]) <= "2018-07-01" and (not s["until"] or date_key(s["until"]) > "2018-07-01")
               for s in rows):
            parties[tid].add(iso)
    suspended = {(s[1], s[2]) for s in suspensions}
    pairs = set()
    for tid, iso in defended:
        for b in parties[tid]:
            if b != iso and (iso, b) not in suspended:
                pairs.add((iso, b))
    missing = 0
    with path.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["year"] != "2018.0" or r["atop_defense"] != "1.0":
                continue
            a, b = countries.from_cow(r["ccode1"]), countries.from_cow(r["ccode2"])
            if (a, b) not in pairs:
                missing += 1
                print(f"  ATOP 5.1 2018 defence {a}->{b} not built", file=sys.stderr)
    print(f"ATOP 5.1 check: {missing} directed defence dyads in 2018 not in the built data "
          f"(ATOP 4.01 ends in 2016)", file=sys.stderr)


STALE: list[str] = []
CHECK = False


def write(name, rows):
    """Writes a generated file; under --check, only notes whether it would change."""
    path = OUT / name
    lines = []
    for r in rows:
        cells = [str(c) for c in r]
        for c in cells:
            if "\t" in c or "\n" in c:
                raise DataError(f"{name}: a cell contains a tab or newline: {c!r}")
        lines.append("\t".join(cells) + "\n")
    text = "".join(lines)
    if CHECK:
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            STALE.append(name)
        return
    path.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {path.relative_to(ROOT)}: {len(rows)} rows", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path("/work/shared/data"))
    ap.add_argument("--check", action="store_true", help="fail if the generated files are out of date")
    args = ap.parse_args()
    global CHECK
    CHECK = args.check
    try:
        countries, treaties, provisions, spells, suspensions, orgs, memberships, partners, places = build(args.shared)
    except (DataError, OSError, KeyError, ValueError) as e:
        print(f"build_alliances: {e}", file=sys.stderr)
        return 1
    write("treaties.tsv", [[tid, t["name"], "|".join(t["aliases"]), t["signed"], t["in_force"], t["ended"],
                            t.get("end_reason", ""), t.get("named", ""), t["origin"], t["source"]]
                           for tid, t in sorted(treaties.items())])
    write("provisions.tsv", [p for _, p in sorted(provisions.items())])
    rows = []
    for (tid, iso), spell in sorted(spells.items()):
        for s in spell:
            basis = "in_force" if s["in_force"] else "signature"
            start = s["in_force"] or s["from"]
            if s.get("continues"):
                basis, start = "phase", s["from"]
            if s.get("basis"):
                basis = s["basis"]
            rows.append([tid, iso, start, basis, s["signed"], s["until"], s["obl"], s.get("group", ""), s["origin"],
                         s["source"]])
    write("parties.tsv", rows)
    write("suspensions.tsv", suspensions)
    write("orgs.tsv", [[oid, o["name"], "|".join(o["aliases"]), o["treaty"], o["source"]]
                       for oid, o in sorted(orgs.items())])
    write("memberships.tsv", sorted(memberships, key=lambda r: (r[0], r[1], date_key(r[3]))))
    write("partners.tsv", sorted(partners, key=lambda r: (r[0], r[1])))
    write("places.tsv", places)
    write("states.tsv", [[iso, *countries.info[iso]] for iso in sorted(countries.used | set(countries.info))
                         if iso in countries.info])
    if STALE:
        print(f"build_alliances: out of date: {', '.join(STALE)}; rerun scripts/build_alliances.py",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
