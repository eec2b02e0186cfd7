#!/usr/bin/env python3
"""Builds world.json, the country outlines the web UI's maps draw.

Input: world-atlas 2.0.2's countries-110m.json (Natural Earth 1:110m admin-0
countries as TopoJSON; see SOURCES.md) and an ISO 3166-1 table giving the
alpha-3 code of each numeric code (Debian iso-codes' iso3166-1.json).
Output, on stdout: {"width", "height", "countries": {ISO3: {"n": name,
"d": SVG path, "c": [x, y] label point}}} in an equirectangular projection,
coordinates rounded to 0.1 px, Antarctica left out.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 build_world.py package/countries-110m.json iso3166-1.json > world.json
"""
import json
import sys

WIDTH, HEIGHT = 1000, 500  # 360 x 180 degrees; the script crops the poles
TOP, BOTTOM = 84.0, -58.0  # latitudes kept
# Natural Earth features without an ISO numeric code.
NAMED = {"Kosovo": "XKX", "N. Cyprus": None, "Somaliland": None}


def main(topo_path, iso_path):
    topo = json.load(open(topo_path))
    iso = {c["numeric"]: c["alpha_3"] for c in json.load(open(iso_path))["3166-1"]}
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    kx = WIDTH / 360.0
    height = (TOP - BOTTOM) * kx

    def project(lon, lat):
        return ((lon + 180.0) * kx, (TOP - lat) * kx)

    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:  # delta-encoded, quantised
            x += dx
            y += dy
            pts.append(project(x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indices):
        pts = []
        for i in indices:
            a = arcs[i] if i >= 0 else arcs[~i][::-1]
            pts.extend(a if not pts else a[1:])
        return pts

    def unwrap(pts):
        """The ring with no jump across the antimeridian: a point more than
        half the map's width from the one before is moved a width over."""
        out = []
        shift = 0.0
        for i, (x, y) in enumerate(pts):
            if i and x + shift - out[-1][0] > WIDTH / 2:
                shift -= WIDTH
            elif i and out[-1][0] - (x + shift) > WIDTH / 2:
                shift += WIDTH
            out.append((x + shift, y))
        return out

    def area(pts):
        return 0.5 * sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]))

    countries = {}
    for g in topo["objects"]["countries"]["geometries"]:
        name = g["properties"]["name"]
        code = iso.get(g.get("id")) if "id" in g else NAMED.get(name)
        if code is None or code == "ATA":
            continue
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        d = []
        best = None
        for poly in polys:
            for k, r in enumerate(poly):
                pts = unwrap(ring(r))
                # A ring across the antimeridian (Russia's mainland, Fiji) is
                # drawn whole past the map's edge and again a map's width
                # over, so each side of the seam is filled; the SVG clips both.
                xs = [p[0] for p in pts]
                shifts = [0.0]
                if max(xs) > WIDTH:
                    shifts.append(-WIDTH)
                if min(xs) < 0:
                    shifts.append(WIDTH)
                for dx in shifts:
                    d.append("M" + "L".join(f"{x + dx:.1f},{y:.1f}" for x, y in pts) + "Z")
                if k == 0 and (best is None or abs(area(pts)) > abs(area(best))):
                    best = pts
        if not d or best is None:
            continue
        xs = [p[0] for p in best]
        ys = [p[1] for p in best]
        c = [round(((min(xs) + max(xs)) / 2) % WIDTH, 1), round((min(ys) + max(ys)) / 2, 1)]
        countries[code] = {"n": name, "d": "".join(d).replace(".0,", ",").replace(".0L", "L"), "c": c}
    json.dump({"width": WIDTH, "height": round(height, 1), "countries": countries},
              sys.stdout, separators=(",", ":"), sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
