#!/usr/bin/env python3
"""Build entente's gazetteer from GeoNames (and Natural Earth's region names).

Reads from the shared reference data (see crates/annotate/data/places/SOURCES.md):
  places/geonames_cities15000.zip          every place of 15,000 people or more
  places/geonames_countryInfo.tsv          countries: ISO and FIPS codes, names, capitals
  places/ne_10m_populated_places_simple.json  first-level region names (adm1name) of
                                           places that carry a GeoNames id
  ud-english-ewt/en_ewt-ud-train.conllu    English words written in lower case, to flag
                                           place names that are also common words
and writes two files the annotate crate embeds:

  places.tsv  one place a line:  geonameid, feature, name, iso3, adm1, lat, lon, population
              feature: a GeoNames feature code (PPLC capital, PPLA seat of a region,
              PPL ...), ADM1 for a first-level region, PCLI for a country. adm1 is
              GDELT's ADM1 code: the FIPS 10-4 country code followed by GeoNames' admin1
              code ("UP08"), the FIPS code alone for a country. Regions and countries have
              no GeoNames id here (0): their point is the mean of their places' points
              (on the sphere), or the capital's.
  names.tsv   one name a line, sorted by key (bytes):  key, flags, rows
              key: the name in lower case; flags: "w" when the name is also an English
              word written in lower case ("Mobile", "Reading", "Split": matched only where
              the text says it is a place), "-" otherwise; rows: the places.tsv rows
              (0-based, after the comment lines) the name names, comma-separated, a row
              followed by "*" when the name is an alternate name of that place.

Alternate names kept: ASCII letters, spaces, hyphens, apostrophes and dots only, starting
with a capital and holding a lower-case letter, at most four words: the English and
romanised forms a news article writes ("Kiev", "Jenin", "Odessa").

Python 3.11, standard library only. Usage:
  python3 scripts/build_places.py [--data /work/shared/data] [--out crates/annotate/data/places]
"""

from __future__ import annotations

import argparse
import io
import json
import math
import re
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "crates" / "annotate" / "data" / "places"

ALT_NAME = re.compile(r"^[A-Z][A-Za-z' .\-]*[a-z][A-Za-z' .\-]*$")
# A lower-case word seen this often in the treebank is a common English word.
COMMON_WORD_COUNT = 2


def mean_point(points):
    """The mean of (lat, lon) points on the sphere (right across the antimeridian)."""
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    n = len(points)
    x, y, z = x / n, y / n, z / n
    lon = math.degrees(math.atan2(y, x))
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return lat, lon


# A Natural Earth town this close to a GeoNames city of the same name is that city.
SAME_PLACE_KM = 30.0


def distance_km(lat1, lon1, lat2, lon2):
    """Great-circle distance (haversine, mean Earth radius)."""
    la1, la2 = math.radians(lat1), math.radians(lat2)
    dla, dlo = la2 - la1, math.radians(lon2 - lon1)
    h = math.sin(dla / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(dlo / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def common_words(ewt: Path) -> set[str]:
    counts: Counter[str] = Counter()
    if not ewt.exists():
        raise SystemExit(f"missing {ewt}")
    with ewt.open(encoding="utf-8") as f:
        for line in f:
            if not line or line[0] in "#\n":
                continue
            cols = line.split("\t")
            if len(cols) > 3 and cols[1].isalpha() and cols[1].islower():
                counts[cols[1]] += 1
    return {w for w, n in counts.items() if n >= COMMON_WORD_COUNT}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/work/shared/data")
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    args = ap.parse_args()
    data, out = Path(args.data), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    countries = {}  # iso2 -> (iso3, fips, name, capital)
    for line in (data / "places" / "geonames_countryInfo.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        c = line.split("\t")
        if len(c) < 8 or not c[3]:
            continue
        countries[c[0]] = (c[1], c[3], c[4], c[5])

    cities = []
    with zipfile.ZipFile(data / "places" / "geonames_cities15000.zip") as z:
        with z.open("cities15000.txt") as raw:
            for line in io.TextIOWrapper(raw, encoding="utf-8"):
                c = line.rstrip("\n").split("\t")
                if len(c) < 15 or c[6] != "P" or c[8] not in countries:
                    continue
                cities.append(c)

    # Region names from Natural Earth, joined to GeoNames admin1 codes by geonameid.
    ne = json.loads((data / "places" / "ne_10m_populated_places_simple.json").read_text(encoding="utf-8"))
    by_id = {c[0]: c for c in cities}
    region_names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for f in ne["features"]:
        p = f["properties"]
        gid, name = p.get("geonameid"), p.get("adm1name")
        if not gid or not name or gid < 0:
            continue
        c = by_id.get(str(int(gid)))
        if c and c[10] and c[10] != "00":
            region_names[(c[8], c[10])][name] += 1

    common = common_words(data / "ud-english-ewt" / "en_ewt-ud-train.conllu")

    rows = []  # (geonameid, feature, name, iso3, adm1, lat, lon, population)
    names: dict[str, dict[int, bool]] = defaultdict(dict)  # key -> row -> alternate

    def add_name(key_name: str, row: int, alternate: bool) -> None:
        key = key_name.strip().lower().replace("\u2019", "'")
        if len(key) < 2 or "\t" in key:
            return
        prev = names[key].get(row)
        names[key][row] = alternate if prev is None else (prev and alternate)

    # Natural Earth's populated places that cities15000 lacks and that carry a
    # GeoNames id: towns under 15,000 people, and places GeoNames files under
    # another id (skipped when a city
    # of the same name lies within SAME_PLACE_KM in the same country).
    iso2_of = {v[0]: k for k, v in countries.items()}
    small = []
    for f in ne["features"]:
        p = f["properties"]
        gid = p.get("geonameid")
        # Only places with a GeoNames id: an event's FeatureID is that id.
        if not gid or gid <= 0 or str(int(gid)) in by_id:
            continue
        iso2 = p.get("iso_a2") if p.get("iso_a2") in countries else iso2_of.get(p.get("adm0_a3"))
        if iso2 is None or not p.get("name"):
            continue
        small.append((p, iso2, int(gid)))

    # Cities, largest first (row order does not matter to readers; this keeps diffs calm).
    cities.sort(key=lambda c: (-int(c[14] or 0), int(c[0])))
    points_of_country = defaultdict(list)
    points_of_region = defaultdict(list)
    capital_of = {}
    seat_of = defaultdict(list)
    for c in cities:
        iso3, fips, _, _ = countries[c[8]]
        adm1 = fips + (c[10] if c[10] and c[10] != "00" else "")
        lat, lon = float(c[4]), float(c[5])
        row = len(rows)
        rows.append((c[0], c[7], c[1], iso3, adm1, lat, lon, int(c[14] or 0)))
        add_name(c[1], row, False)
        add_name(c[2], row, False)
        for alt in c[3].split(","):
            alt = alt.strip()
            if alt and ALT_NAME.match(alt) and len(alt.split()) <= 4 and len(alt) >= 3:
                add_name(alt, row, True)
        points_of_country[c[8]].append((lat, lon))
        if adm1 != fips:
            points_of_region[(c[8], c[10])].append((lat, lon, int(c[14] or 0)))
        if c[7] == "PPLA" and c[10] and c[10] != "00":
            seat_of[(c[8], c[10])].extend([c[1], c[2]] if c[2] != c[1] else [c[1]])
        if c[7] == "PPLC" and c[8] not in capital_of:
            capital_of[c[8]] = (lat, lon)

    # Natural Earth's towns, after the cities (so a country's capital is still
    # the largest PPLC): an admin-1 capital is a region's seat (PPLA), the
    # rest PPL; the region is the GeoNames admin1 code Natural Earth's
    # adm1name stands for, where its places say which.
    # A region name is kept only for the region most of its places give it to
    # (Natural Earth gives Kherson's region "Crimea" once, Crimea's places all do).
    best_region: dict[tuple[str, str], tuple[int, str]] = {}
    for (iso2, code), counter in region_names.items():
        for n, votes in counter.items():
            prev = best_region.get((iso2, n))
            if prev is None or votes > prev[0]:
                best_region[(iso2, n)] = (votes, code)
    near_names = defaultdict(list)  # (iso2, key) -> points of cities of that name
    for c in cities:
        for n in [c[1], c[2]] + [a for a in c[3].split(",") if a]:
            near_names[(c[8], n.strip().lower())].append((float(c[4]), float(c[5])))
    added = 0
    for p, iso2, gid in sorted(small, key=lambda x: (-(x[0].get("pop_max") or 0), x[0]["name"])):
        lat, lon = float(p["latitude"]), float(p["longitude"])
        own = [p["name"]] + ([p["nameascii"]] if p.get("nameascii") and p["nameascii"] != p["name"] else [])
        alts = [a.strip() for a in (p.get("namealt") or "").split("|") if a.strip()]
        if any(
            distance_km(lat, lon, a, b) < SAME_PLACE_KM
            for n in own + alts
            for a, b in near_names.get((iso2, n.lower()), [])
        ):
            continue
        iso3, fips, _, _ = countries[iso2]
        code = best_region.get((iso2, p.get("adm1name") or ""), (0, ""))[1]
        feature = "PPLA" if p.get("featurecla", "").startswith("Admin-1") and code else "PPL"
        row = len(rows)
        population = max(int(p.get("pop_max") or 0), 0)
        rows.append((str(gid), feature, p["name"], iso3, fips + code, lat, lon, population))
        for n in own:
            add_name(n, row, False)
        for a in alts:
            if ALT_NAME.match(a) and len(a.split()) <= 4 and len(a) >= 3:
                add_name(a, row, True)
        added += 1

    for (iso2, code) in sorted(set(region_names) | set(seat_of)):
        iso3, fips, _, _ = countries[iso2]
        pts = points_of_region.get((iso2, code))
        if not pts:
            continue
        lat, lon = mean_point([(a, b) for a, b, _ in pts])
        population = sum(p for _, _, p in pts)
        counter = region_names.get((iso2, code), Counter())
        own = [n for n, _ in counter.most_common() if best_region[(iso2, n)][1] == code]
        seats = seat_of.get((iso2, code), [])
        if not own and not seats:
            continue
        name = own[0] if own else seats[0]
        row = len(rows)
        rows.append(("0", "ADM1", name, iso3, fips + code, lat, lon, population))
        for n in own:
            add_name(n, row, n != name)
        # A region is also named by its seat ("the Kherson region").
        for n in seats:
            add_name(n, row, n != name)

    for iso2, (iso3, fips, name, _capital) in sorted(countries.items()):
        pts = points_of_country.get(iso2)
        if pts:
            lat, lon = mean_point(pts)
        elif iso2 in capital_of:
            lat, lon = capital_of[iso2]
        else:
            continue
        row = len(rows)
        rows.append(("0", "PCLI", name, iso3, fips, lat, lon, 0))
        add_name(name, row, False)

    with (out / "places.tsv").open("w", encoding="utf-8", newline="\n") as f:
        f.write("# geonameid\tfeature\tname\tiso3\tadm1\tlat\tlon\tpopulation\n")
        f.write("# generated by scripts/build_places.py: do not edit; see SOURCES.md (GeoNames, CC BY 4.0)\n")
        for r in rows:
            f.write(f"{r[0]}\t{r[1]}\t{r[2]}\t{r[3]}\t{r[4]}\t{r[5]:.4f}\t{r[6]:.4f}\t{r[7]}\n")
    with (out / "names.tsv").open("w", encoding="utf-8", newline="\n") as f:
        for key in sorted(names, key=lambda k: k.encode("utf-8")):
            flag = "w" if key in common else "-"
            refs = ",".join(f"{r}{'*' if a else ''}" for r, a in sorted(names[key].items()))
            f.write(f"{key}\t{flag}\t{refs}\n")
    print(f"{len(rows)} places ({added} from Natural Earth), {len(names)} names")


if __name__ == "__main__":
    main()
