#!/usr/bin/env python3
"""Subset Noto Sans (SIL OFL 1.1) into assets/fonts/ for the window and the print map.

The bundled subset covers every character of the scenarios (assets/scenarios/*.ron, so
every place name and alias) and of the GeoNames gazetteer
(assets/gazetteer/syria-geonames.tsv), plus Basic Latin, Latin-1, Latin Extended-A and
-B, the combining diacritical marks, Latin Extended Additional (Ḩ ḩ ḍ ṣ ṭ ẓ ...) and
common punctuation and symbols (“ ” ‘ ’ – — · … → × − °). Noto Sans has no arrows:
← ↑ → ↓ and − are copied from Noto Sans Math (same package, same licence, same 1000 units/em).

Source: Debian's fonts-noto-core package (Noto Sans 2.x, Google LLC, OFL 1.1):
  apt-get download fonts-noto-core
  dpkg-deb -x fonts-noto-core_*_all.deb /tmp/noto
  pip install fonttools
  python3 scripts/gen_font.py --source /tmp/noto/usr/share/fonts/truetype/noto

Writes assets/fonts/FrontlineNotoSans-Regular.ttf (no hinting: the fonts
are drawn anti-aliased at any size; kerning and mark positioning are kept). The output
depends only on the input fonts and the repository's text files.
"""

import argparse
import glob
import os
import sys

from fontTools import subset
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), ".."))

# Unicode ranges always included, as (first, last) inclusive.
RANGES = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x0100, 0x017F),  # Latin Extended-A
    (0x0180, 0x024F),  # Latin Extended-B
    (0x02BB, 0x02BF),  # modifier letters used for ʿayn and hamza (ʻ ʼ ʽ ʾ ʿ)
    (0x0300, 0x036F),  # Combining Diacritical Marks
    (0x1E00, 0x1EFF),  # Latin Extended Additional
    (0x2010, 0x2027),  # dashes, quotes, bullet, ellipsis
    (0x2030, 0x203A),  # per mille, primes, single guillemets
    (0x2190, 0x2193),  # arrows ← ↑ → ↓
    (0x2212, 0x2212),  # minus sign
    (0x20AC, 0x20AC),  # euro sign
]

# Text files whose every character must be covered.
TEXT_GLOBS = ["assets/scenarios/*.ron", "assets/gazetteer/syria-geonames.tsv"]

FACES = {"Regular": "NotoSans-Regular.ttf"}

# Where code points Noto Sans lacks are taken from, and which.
DONOR = "NotoSansMath-Regular.ttf"
DONATED = [0x2190, 0x2191, 0x2192, 0x2193, 0x2212]


def wanted_codepoints():
    """The sorted code points to keep: the ranges plus every printable character of the
    scenario and gazetteer files."""
    points = set()
    for first, last in RANGES:
        points.update(range(first, last + 1))
    for pattern in TEXT_GLOBS:
        for path in sorted(glob.glob(os.path.join(ROOT, pattern))):
            with open(path, encoding="utf-8") as f:
                points.update(ord(c) for c in f.read() if c.isprintable())
    return sorted(points)


def add_glyphs(font, donor, codepoints):
    """Copies the outlines and advances of `codepoints` from `donor` into `font` where
    `font` lacks them (outlines decomposed, so no component references)."""
    cmap = font.getBestCmap()
    donor_cmap = donor.getBestCmap()
    donor_glyphs = donor.getGlyphSet()
    glyf, hmtx = font["glyf"], font["hmtx"]
    for cp in codepoints:
        if cp in cmap or cp not in donor_cmap:
            continue
        source = donor_cmap[cp]
        name = f"uni{cp:04X}"
        recording = DecomposingRecordingPen(donor_glyphs)
        donor_glyphs[source].draw(recording)
        pen = TTGlyphPen(None)
        recording.replay(pen)
        glyph = pen.glyph()
        font.setGlyphOrder(font.getGlyphOrder() + [name])
        glyf[name] = glyph
        glyph.recalcBounds(glyf)
        hmtx[name] = (donor["hmtx"][source][0], getattr(glyph, "xMin", 0))
        for table in font["cmap"].tables:
            if table.isUnicode():
                table.cmap[cp] = name


def subset_face(source, target, codepoints, donor):
    """Subsets one face, adds the donated glyphs and renames its family, as the OFL asks
    of modified versions."""
    options = subset.Options()
    options.hinting = False
    options.layout_features = ["kern", "mark", "mkmk", "ccmp", "liga", "locl"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False
    font = TTFont(source, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    add_glyphs(font, donor, DONATED)
    cmap = font.getBestCmap()
    missing = [c for c in codepoints if c not in cmap and not 0xD800 <= c <= 0xDFFF]
    rename(font)
    font.save(target)
    return missing


def rename(font):
    """Family "Frontline Noto Sans": a subset must not carry the original's name."""
    name = font["name"]
    for record in name.names:
        text = record.toUnicode()
        if record.nameID in (1, 16):
            record.string = "Frontline Noto Sans"
        elif record.nameID in (3, 4, 6):
            record.string = text.replace("Noto Sans", "Frontline Noto Sans").replace(
                "NotoSans", "FrontlineNotoSans"
            )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--source",
        default="/usr/share/fonts/truetype/noto",
        help="directory holding NotoSans-Regular.ttf and NotoSansMath-Regular.ttf",
    )
    parser.add_argument("--out", default=os.path.join(ROOT, "assets", "fonts"))
    args = parser.parse_args()
    codepoints = wanted_codepoints()
    donor = TTFont(os.path.join(args.source, DONOR))
    os.makedirs(args.out, exist_ok=True)
    for style, file in FACES.items():
        target = os.path.join(args.out, f"FrontlineNotoSans-{style}.ttf")
        missing = subset_face(
            os.path.join(args.source, file), target, codepoints, donor
        )
        outside_ranges = [
            c for c in missing if not any(a <= c <= b for a, b in RANGES)
        ]
        if outside_ranges:
            # A name's character the font lacks would draw as a box: refuse.
            chars = " ".join(f"U+{c:04X}" for c in outside_ranges)
            sys.exit(f"{file} lacks characters the data uses: {chars}")
        print(f"{target}: {os.path.getsize(target)} bytes, {len(missing)} range code points absent")


if __name__ == "__main__":
    main()
