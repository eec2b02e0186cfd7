#!/usr/bin/env python3
"""Which offices the curated people cover after REIGN ends (March 2021).

Issue 12 asks for heads of state and government, foreign and defence ministers
of the states in the G20, NATO, the EU and the Indo-Pacific, to the end of 2026.
This lists, per state and office, whether curated_people.tsv names a holder
on every day from 2021-03-01 to a given date (`full`), on some days (`part`),
or on none (`-`), and counts them. An office the state does not have (see
NO_OFFICE: a documented reason and source, never a guess) is `n/a`, counted
apart and not as a gap. Standard library only; reads the crate's data file
only. Usage:
  python3 scripts/check_offices.py [--until 2026-12-06] [--gaps]
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEOPLE = ROOT / "crates" / "annotate" / "data" / "actors" / "curated_people.tsv"
START = date(2021, 3, 1)

G20 = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA".split()
NATO = ("ALB BEL BGR CAN HRV CZE DNK EST FIN FRA DEU GRC HUN ISL ITA LVA LTU LUX MNE NLD MKD "
        "NOR POL PRT ROU SVK SVN ESP SWE TUR GBR USA").split()
EU = ("AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT "
      "ROU SVK SVN ESP SWE").split()
INDO_PACIFIC = "AUS NZL JPN KOR PRK CHN TWN IND PHL IDN MYS SGP THA VNM PNG FJI SLB".split()

# Office of each curated title. Heads of state and government are one office
# where one person is both (United States, France's president is head of state).
OFFICES = {
    "head of state": {"president", "king", "queen", "supreme leader", "pope", "emir", "sultan",
                      "emperor", "grand duke"},
    "head of government": {"prime minister", "chancellor", "premier", "taoiseach"},
    "foreign": {"foreign minister", "secretary of state", "foreign secretary"},
    "defence": {"defence minister", "defense minister", "defense secretary", "defence secretary"},
}
# An acting holder ("acting president", "acting defence minister") holds the
# office until the next holder takes it.
ACTING = "acting "
# Where the president heads the government too, one holder fills both.
PRESIDENTIAL = {"USA", "ARG", "BRA", "IDN", "MEX", "PHL", "ZAF", "TUR", "KOR", "CHL", "COL", "CYP"}


# Offices a state does not have: no holder to curate, so no gap. Each entry
# names where the office's work lies instead, with the source that says so.
NO_OFFICE = {
    ("ISL", "defence"): "no armed forces and no defence minister; defence and security affairs "
                        "are the foreign minister's (https://www.government.is/topics/foreign-affairs/"
                        "national-security/: 'Iceland is a country without a military')",
    ("MLT", "defence"): "no defence minister; the Minister for Home Affairs retains defence matters "
                        "in his portfolio (https://afm.gov.mt/en/forcestructure/Pages/Structure.aspx)",
    ("SLB", "defence"): "no regular military forces since independence; the police force answers to "
                        "the Minister of Police, National Security and Correctional Services "
                        "(https://liquisearch.com/solomon_islands/military)",
}


def office_of(title: str) -> str | None:
    title = title.removeprefix(ACTING)
    for office, titles in OFFICES.items():
        if title in titles:
            return office
    return None


# The King or Queen of the United Kingdom is head of state of these realms too.
# A person has one code on a day in the actor data (curated_people.tsv files
# the monarch under GBRGOV), so their head of state is read from GBR's.
REALMS = {"AUS", "CAN", "NZL", "PNG", "SLB"}
MONARCH = {"king", "queen"}


def read_terms():
    terms: dict[tuple[str, str], list[tuple[date, date | None, str]]] = {}
    for line in PEOPLE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        f = line.split("\t")
        if len(f) < 7:
            raise SystemExit(f"{PEOPLE}: short line {line!r}")
        name, _, code, title, start, end, _ = f[:7]
        office = office_of(title)
        if office is None or not code.endswith("GOV"):
            continue
        state = code[:3]
        s = date.fromisoformat(start) if start else date.min
        e = date.fromisoformat(end) if end else None
        offices = [office]
        if office == "head of state" and state in PRESIDENTIAL:
            offices.append("head of government")
        for o in offices:
            terms.setdefault((state, o), []).append((s, e, name))
        if state == "GBR" and title in MONARCH:
            for realm in REALMS:
                terms.setdefault((realm, "head of state"), []).append((s, e, name))
    return terms


def coverage(spans, until: date) -> tuple[str, list[tuple[date, date]]]:
    """`full`, `part` or `-`, and the gaps between START and `until`.

    A term's end day is held (the resolver's `Role::covers` is inclusive), so a
    term ending on 30 September and the next beginning on 1 October leave no gap.
    """
    covered = sorted((max(s, START), min(e or until, until)) for s, e, _ in spans)
    gaps, day = [], START  # `day`: the first day not yet covered
    for s, e in covered:
        if s > day:
            gaps.append((day, s - timedelta(days=1)))
        day = max(day, e + timedelta(days=1))
    if day <= until:
        gaps.append((day, until))
    if not any(s <= e for s, e in covered if e >= START):
        return "-", gaps
    return ("full" if not gaps else "part"), gaps


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--until", default="2026-12-06")
    ap.add_argument("--gaps", action="store_true", help="print the uncovered spans")
    args = ap.parse_args()
    until = date.fromisoformat(args.until)
    terms = read_terms()
    states = sorted(set(G20 + NATO + EU + INDO_PACIFIC))
    counts = {"full": 0, "part": 0, "-": 0, "n/a": 0}
    print("state  " + "  ".join(f"{o:<18}" for o in OFFICES))
    for st in states:
        row = []
        for o in OFFICES:
            if (st, o) in NO_OFFICE:
                if terms.get((st, o)):
                    raise SystemExit(f"{st} {o}: listed in NO_OFFICE but curated_people.tsv names holders")
                counts["n/a"] += 1
                row.append(f"{'n/a':<18}")
                continue
            c, gaps = coverage(terms.get((st, o), []), until)
            counts[c] += 1
            cell = c
            if args.gaps and c == "part":
                cell += " " + ",".join(f"{a}..{b}" for a, b in gaps[:2])
            row.append(f"{cell:<18}")
        groups = "".join(g for g, members in (("G", G20), ("N", NATO), ("E", EU), ("I", INDO_PACIFIC)) if st in members)
        print(f"{st} {groups:<4} " + "  ".join(row))
    total = len(states) * len(OFFICES)
    print(f"\n{len(states)} states x {len(OFFICES)} offices = {total}: "
          f"full {counts['full']}, part {counts['part']}, none {counts['-']}, "
          f"n/a {counts['n/a']} (office does not exist)")
    if args.gaps:
        for (st, o), why in sorted(NO_OFFICE.items()):
            print(f"n/a {st} {o}: {why}")


if __name__ == "__main__":
    main()
