#!/usr/bin/env python3
"""Frontline against two peers, in one run, on the same data:

(a) DuckDB answering the as-of question -- the latest claim per place at T, per
    source -- over the same 1M claims, against the engine resolving every place at T
    (criterion's `resolve_at_new_moment/1000000`, run here);
(b) matplotlib drawing the same GeoJSON export to a 1920x1080 PNG, against Frontline
    writing the PNG (criterion's `export_png_1920x1080/large_1m`, run here, and the
    `frontline export --format png` command end to end).

Usage: python3 benches/peers.py [--claims N] [--runs N] [--skip-cargo] [--part a|b]
                                [--frontline PATH]
It makes a virtualenv in target/peers-venv (pip install duckdb matplotlib), builds the
release binary and the scenario generator, and prints each time and the ratios.
`--frontline` runs that binary instead of target/release/frontline (which another
checkout sharing the target folder may overwrite); `--part b` runs only the PNG
comparison (with `--skip-cargo`, it reads the criterion result already there).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
VENV = TARGET / "peers-venv"
WORK = TARGET / "peers"
START_SECS = 1_732_050_000  # 2024-11-20T00:00+03:00, where the seeded claims start
# The seeded scenario's factions' colours (src/synthetic.rs).
COLORS = {"government": "#c0392b", "rebels": "#27ae60", "sdf": "#f1c40f"}


def sh(*args, **kw):
    print("+", " ".join(str(a) for a in args), file=sys.stderr)
    return subprocess.run([str(a) for a in args], check=True, **kw)


def ensure_venv():
    """Re-runs this script inside a venv with duckdb and matplotlib."""
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    python = VENV / "bin" / "python"
    if not python.exists():
        sh(sys.executable, "-m", "venv", VENV)
    sh(python, "-m", "pip", "install", "-q", "duckdb", "matplotlib")
    os.execv(str(python), [str(python), __file__, *sys.argv[1:]])


def criterion_median_ms(group, name):
    path = TARGET / "criterion" / group / name / "new" / "estimates.json"
    with open(path) as f:
        return json.load(f)["median"]["point_estimate"] / 1e6


def timed(fn, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3, times


def duckdb_asof(folder, runs):
    import duckdb

    con = duckdb.connect()
    con.execute(
        f"CREATE TABLE pc AS SELECT * FROM read_csv('{folder / 'place_claims.csv'}')"
    )
    rows = con.execute("SELECT count(*) FROM pc").fetchone()[0]
    # The engine's per-place lookup: among the claims a place is resolved from (its own
    # and its governorate's), those in effect at T, the newest per (place, source); ties
    # on time go to the later claim, as in the engine's index order.
    sql = """
        CREATE OR REPLACE TEMP TABLE latest_at AS
        SELECT place, source, arg_max(claim, (effective_secs, claim)) AS claim
        FROM pc WHERE effective_secs <= {t}
        GROUP BY place, source
    """
    moments = [START_SECS + h * 3600 for h in range(7, 30 * 24, 53)]
    i = iter(range(10**9))

    def one():
        con.execute(sql.format(t=moments[next(i) % len(moments)]))

    one()  # warm
    median, _ = timed(one, runs)
    answered = con.execute("SELECT count(*) FROM latest_at").fetchone()[0]
    return median, rows, answered


def matplotlib_png(geojson, out, runs):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.collections import LineCollection, PatchCollection
    from matplotlib.patches import Polygon

    def draw():
        with open(geojson) as f:
            data = json.load(f)
        fig = plt.figure(figsize=(19.2, 10.8), dpi=100)
        ax = fig.add_axes([0, 0, 1, 1])
        polygons, poly_colors, lines, xs, ys, colors = [], [], [], [], [], []
        for feature in data["features"]:
            geometry = feature.get("geometry") or {}
            props = feature.get("properties") or {}
            color = COLORS.get(props.get("controller"), "#999999")
            kind = geometry.get("type")
            coords = geometry.get("coordinates")
            if kind == "Point":
                xs.append(coords[0])
                ys.append(coords[1])
                colors.append(color)
            elif kind == "LineString":
                lines.append(coords)
            elif kind == "MultiLineString":
                lines.extend(coords)
            elif kind == "Polygon":
                polygons.append(Polygon(coords[0], closed=True))
                poly_colors.append(color)
            elif kind == "MultiPolygon":
                for poly in coords:
                    polygons.append(Polygon(poly[0], closed=True))
                    poly_colors.append(color)
        if polygons:
            ax.add_collection(
                PatchCollection(polygons, facecolor=poly_colors, alpha=0.4, edgecolor="#555555", linewidth=0.3)
            )
        if lines:
            ax.add_collection(LineCollection(lines, colors="#444444", linewidths=0.5))
        ax.scatter(xs, ys, s=4, c=colors, linewidths=0)
        ax.autoscale_view()
        ax.set_aspect("equal", adjustable="datalim")
        ax.set_axis_off()
        fig.savefig(out, dpi=100)
        plt.close(fig)
        return len(data["features"])

    features = draw()  # warm (imports, font cache)
    median, _ = timed(draw, runs)
    return median, features


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--skip-cargo", action="store_true", help="reuse criterion results")
    parser.add_argument("--part", choices=["a", "b", "all"], default="all")
    parser.add_argument("--frontline", type=Path, help="the frontline binary to time")
    args = parser.parse_args()
    ensure_venv()

    data = ROOT / ".." / "shared" / "data"
    if not (data / "places_world_geonames_cities500.csv").exists():
        sys.exit(f"error: the shared GeoNames data is not in {data.resolve()}")

    env = dict(os.environ, CARGO_TARGET_DIR=str(TARGET))
    folder = WORK / f"geonames-{args.claims}"
    if not (folder / "place_claims.csv").exists():
        sh("cargo", "run", "--release", "--example", "gen_scenario", "--", folder, args.claims, cwd=ROOT, env=env)
    if not args.skip_cargo:
        sh("cargo", "build", "--release", "--bin", "frontline", cwd=ROOT, env=env)
        if args.part != "b":
            sh("cargo", "bench", "--bench", "engine", "--", "resolve_at_new_moment/1000000", cwd=ROOT, env=env)
        if args.part != "a":
            sh("cargo", "bench", "--bench", "export", "--", "large_1m", cwd=ROOT, env=env)
    frontline = args.frontline or TARGET / "release" / "frontline"
    scenario = folder / "scenario.ron"
    at = "2024-12-05T12:00:00+03:00"

    if args.part != "b":
        # (a) as-of resolution.
        engine_ms = criterion_median_ms("resolve_at_new_moment", "1000000")
        duck_ms, rows, answered = duckdb_asof(folder, args.runs)
        print()
        print(f"as-of over {rows} (place, claim) rows, {args.claims} claims:")
        print(f"  frontline resolve (every place, full rules)  {engine_ms:10.3f} ms median")
        print(f"  duckdb latest claim per place & source       {duck_ms:10.3f} ms median ({answered} rows)")
        print(f"  ratio duckdb / frontline                     {duck_ms / engine_ms:10.1f}x  (target >= 10x)")
    if args.part == "a":
        return

    # (b) PNG of the same map: GeoJSON from frontline, drawn by matplotlib. The
    # scenario cache goes under target/, not the user's cache folder.
    cached = dict(os.environ, FRONTLINE_CACHE_DIR=str(WORK / "cache"))
    geojson = folder / "map.geojson"
    sh(frontline, "export", scenario, "--format", "geojson", "--at", at, "--out", geojson, env=cached)
    mpl_ms, features = matplotlib_png(geojson, folder / "matplotlib.png", args.runs)
    render_ms = criterion_median_ms("export_png_1920x1080", "large_1m")
    png = ["export", scenario, "--format", "png", "--size", "1920x1080", "--at", at,
           "--out", folder / "frontline.png"]
    cold_cli_ms, _ = timed(
        lambda: sh(frontline, "--no-cache", *png, stdout=subprocess.DEVNULL, env=cached), 1
    )
    cli_ms, _ = timed(lambda: sh(frontline, *png, stdout=subprocess.DEVNULL, env=cached), 3)
    default_cli_ms, _ = timed(
        lambda: sh(frontline, "export", "--format", "png", "--size", "1920x1080",
                   "--at", "2024-12-07", "--out", folder / "default.png", stdout=subprocess.DEVNULL),
        args.runs,
    )

    print(f"PNG 1920x1080 of the same map ({features} GeoJSON features):")
    print(f"  frontline render+write (engine loaded)       {render_ms:10.1f} ms median")
    print(f"  matplotlib read GeoJSON+draw+save            {mpl_ms:10.1f} ms median")
    print(f"  ratio matplotlib / frontline                 {mpl_ms / render_ms:10.1f}x  (target >= 5x)")
    print(f"  frontline export CLI, large, end to end      {cli_ms:10.1f} ms median (loading {args.claims} claims from the cache)")
    print(f"  the same with --no-cache                     {cold_cli_ms:10.1f} ms (parsing the RON)")
    print(f"  frontline export CLI, default, end to end    {default_cli_ms:10.1f} ms median (another map)")


if __name__ == "__main__":
    main()
