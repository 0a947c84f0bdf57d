#!/usr/bin/env python3
"""Generate the regions, places and routes of assets/scenarios/syria-2024-12.ron.

Reads (python3 standard library only):
  ../shared/data/places_syria_geonames.csv   308 Syrian places (GeoNames cities500, CC BY 4.0)
  ../shared/data/places_article_check.csv    the article's places, incl. the Nasib crossing
  ../shared/data/highways_syria_manual.csv   13 hand-written routes (town order from general
                                              knowledge, coordinates from GeoNames)

Writes RON between marker comments in the scenario:
  // BEGIN GENERATED <name> by scripts/gen_places.py: do not edit by hand
  ...
  // END GENERATED <name>
for <name> in regions, places, routes. With --print it prints the blocks instead.

Usage (from the repository root):
  python3 scripts/gen_places.py                 # splice into the scenario
  python3 scripts/gen_places.py --print         # print the three blocks
  python3 scripts/gen_places.py --data DIR --scenario FILE

Choices made here (the scenario description repeats them):
- ids are lowercase ASCII slugs of the usual English name; well-known places get a
  hand-written id, name and extra spellings (OVERRIDES); the rest use the GeoNames
  asciiname ("`" read as an apostrophe, dropped at the start of a word).
- the governorate is the GeoNames admin1_code, not the polygon the point falls in.
- kind: capital (PPLC), governorate_seat (PPLA), city (population >= 50,000),
  town (>= 5,000), village otherwise; border_crossing for the Nasib crossing and for
  Jdeidat Yabous (the Syrian post on the Damascus-Beirut road).
- routes: waypoints mapped by geonameid; the Damascus-Beirut route stops at the last
  Syrian waypoint (Jdeidat Yabous) because Lebanese places are not in the scenario.
"""

import argparse
import csv
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_DATA = os.path.normpath(os.path.join(ROOT, "..", "shared", "data"))
DEFAULT_SCENARIO = os.path.join(ROOT, "assets", "scenarios", "syria-2024-12.ron")

# admin1 code -> (region id, display name), per PROVENANCE.md section 2.
GOVERNORATES = [
    ("SY.01", "hasakah-governorate", "Al-Hasakah"),
    ("SY.02", "latakia-governorate", "Latakia"),
    ("SY.03", "quneitra-governorate", "Quneitra"),
    ("SY.04", "raqqa-governorate", "Raqqa"),
    ("SY.05", "suwayda-governorate", "As-Suwayda"),
    ("SY.06", "daraa-governorate", "Daraa"),
    ("SY.07", "deir-ez-zor-governorate", "Deir ez-Zor"),
    ("SY.08", "rif-dimashq-governorate", "Rif Dimashq"),
    ("SY.09", "aleppo-governorate", "Aleppo"),
    ("SY.10", "hama-governorate", "Hama"),
    ("SY.11", "homs-governorate", "Homs"),
    ("SY.12", "idlib-governorate", "Idlib"),
    ("SY.13", "damascus-governorate", "Damascus"),
    ("SY.14", "tartus-governorate", "Tartus"),
]
GOV_ID = {code: rid for code, rid, _ in GOVERNORATES}

# Groupings of governorates that the article (or the scenario's claims) speak of.
GROUPINGS = [
    ("syria", "Syria (all governorates)", [rid for _, rid, _ in GOVERNORATES]),
    ("south", "The south (Daraa, As-Suwayda, Quneitra)",
     ["daraa-governorate", "suwayda-governorate", "quneitra-governorate"]),
    ("southwest", "The southwest (Daraa, Quneitra)",
     ["daraa-governorate", "quneitra-governorate"]),
    ("coast", "The coast (Latakia, Tartus)",
     ["latakia-governorate", "tartus-governorate"]),
    ("lebanon-border", "Governorates on the Lebanese border (Homs, Rif Dimashq, Tartus)",
     ["homs-governorate", "rif-dimashq-governorate", "tartus-governorate"]),
]

# geonameid -> (id, English name, extra aliases: the article's spellings and common
# transliterations). GeoNames name and asciiname are added as aliases automatically.
OVERRIDES = {
    170063: ("aleppo", "Aleppo", ["Halab", "Alep"]),
    170654: ("damascus", "Damascus", ["Dimashq", "Al-Sham", "Ash-Sham"]),
    169577: ("homs", "Homs", ["Hims", "Emesa"]),
    173576: ("latakia", "Latakia", ["Lattakia", "Al-Ladhiqiyah", "Ladhiqiyah"]),
    172955: ("raqqa", "Raqqa", ["Al-Raqqa", "Ar-Raqqah", "Rakka"]),
    170017: ("hama", "Hama", ["Hamah", "Hamat"]),
    163345: ("tartus", "Tartus", ["Tartous", "Tortosa"]),
    173811: ("hasakah", "Hasakah", ["Al-Hasakah", "Hassakeh", "Hasaka"]),
    170794: ("deir-ez-zor", "Deir ez-Zor",
             ["Deir al-Zor", "Deir el-Zor", "Dayr az-Zawr", "Deir Ezzor", "Deir Ez-Zor"]),
    173377: ("qamishli", "Qamishli", ["Al-Qamishli", "Qamishlo", "Kamishli"]),
    174018: ("al-bab", "Al-Bab", ["Bab"]),
    169389: ("idlib", "Idlib", ["Idleb"]),
    170592: ("douma", "Douma", ["Duma"]),
    169174: ("jaramana", "Jaramana", []),
    166716: ("yarmouk", "Yarmouk", ["Yarmouk camp", "Al-Yarmouk"]),
    167357: ("manbij", "Manbij", ["Menbij", "Minbic"]),
    170905: ("daraa", "Daraa", ["Deraa", "Dar'a", "Dar‘ā", "Dara'a"]),
    164947: ("salamiyah", "Salamiyah", ["Salamiyeh", "Salamieh", "Al-Salamiyah"]),
    172374: ("tabqa", "Tabqa", ["Al-Tabqa", "Al-Thawrah", "Ath-Thawrah"]),
    170892: ("darayya", "Darayya", ["Daraya"]),
    172082: ("azaz", "Azaz", ["A'zaz", "Aazaz"]),
    169304: ("jableh", "Jableh", ["Jablah", "Jabala"]),
    172503: ("al-safira", "Al-Safira", ["Safira", "As-Safirah"]),
    172408: ("as-suwayda", "As-Suwayda", ["Suweida", "Sweida", "Suwayda", "Al-Suwayda"]),
    174448: ("al-bukamal", "Al-Bukamal", ["Abu Kamal", "Albu Kamal", "Bukamal", "Al-Bu Kamal"]),
    172349: ("al-tall", "Al-Tall", ["Tall", "At-Tall"]),
    173480: ("mayadin", "Al-Mayadin", ["Mayadin", "Mayadeen"]),
    172946: ("rastan", "Rastan", ["Al-Rastan", "Ar-Rastan"]),
    163808: ("palmyra", "Palmyra", ["Tadmur", "Tadmor"]),
    172256: ("kobani", "Kobani", ["Ayn al-Arab", "Ain al-Arab", "Kobane"]),
    173193: ("nabk", "Al-Nabk", ["Nabk", "An-Nabk", "Nebek"]),
    168325: ("khan-shaykhun", "Khan Shaykhun", ["Khan Sheikhoun", "Khan Sheikhun"]),
    174186: ("afrin", "Afrin", ["Efrin", "Efrîn"]),
    168661: ("kafranbel", "Kafranbel", ["Kafr Nabl", "Kafranbil"]),
    169372: ("irbin", "Irbin", ["Arbin", "Erbin"]),
    173322: ("qusayr", "Qusayr", ["Al-Qusayr", "Al-Qusair"]),
    162627: ("yabroud", "Yabroud", ["Yabrud"]),
    169023: ("jisr-al-shughur", "Jisr al-Shughur", ["Jisr ash-Shughur", "Jisr al-Shughour"]),
    171830: ("baniyas", "Baniyas", ["Banias"]),
    163779: ("talbiseh", "Talbiseh", ["Talbisah", "Talbisa"]),
    173334: ("quneitra", "Quneitra", ["Al-Qunaytirah", "Kuneitra", "Qunaitra"]),
    167046: ("masyaf", "Masyaf", ["Misyaf"]),
    173361: ("qaryatayn", "Al-Qaryatayn", ["Qaryatayn", "Al-Qaryatain"]),
    165997: ("jasim", "Jasim", ["Jassem"]),
    163533: ("tall-kalakh", "Tall Kalakh", ["Tal Kalakh", "Talkalakh"]),
    172059: ("zabadani", "Zabadani", ["Al-Zabadani", "Az-Zabadani"]),
    170959: ("dael", "Da'el", ["Dael"]),
    173530: ("malikiyah", "Al-Malikiyah", ["Malikiyah", "Derik", "Dêrik"]),
    164328: ("sheikh-miskin", "Sheikh Miskin", ["Shaykh Miskin"]),
    172469: ("as-sanamayn", "As-Sanamayn", ["Sanamayn", "Al-Sanamayn", "Sanamein"]),
    163476: ("tall-rifaat", "Tal Rifaat", ["Tell Rifaat", "Tall Rifaat"]),
    169179: ("jarabulus", "Jarabulus", ["Jarablus"]),
    173598: ("kiswah", "Al-Kiswah", ["Kiswah", "Kisweh"]),
    174259: ("dana", "Al-Dana", ["Dana", "Ad-Dana"]),
    170887: ("darbasiyah", "Al-Darbasiyah", ["Darbasiyah", "Dirbêsiyê"]),
    166111: ("qara", "Qara", []),
    166742: ("mhardeh", "Mhardeh", ["Mahardah", "Maharda"]),
    173312: ("qutayfah", "Al-Qutayfah", ["Qutayfah", "Qteifeh"]),
    166640: ("morek", "Morek", ["Murak"]),
    169190: ("jindires", "Jindires", ["Cindirês"]),
    167375: ("maaloula", "Maaloula", ["Ma'loula"]),
    171126: ("bosra", "Bosra", ["Busra ash-Sham", "Busra al-Sham", "Bosra al-Sham"]),
    168886: ("jdeidat-yabous", "Jdeidat Yabous",
             ["Jdeidet Yabous", "Jdeideh Yabous", "Jdeidat Yabous border crossing"]),
    174239: ("al-dimas", "Al-Dimas", ["Dimas", "Ad-Dimas"]),
    174030: ("atarib", "Al-Atarib", ["Atarib", "Al-Atareb"]),
    173364: ("qardaha", "Qardaha", ["Al-Qardaha", "Qardahah"]),
    383661: ("yarubiyah", "Al-Yarubiyah", ["Yarubiyah", "Tell Kocher"]),
    173856: ("haffah", "Al-Haffah", ["Haffah", "Al-Haffa"]),
    173797: ("al-hol", "Al-Hol", ["Hol", "Al-Hawl"]),
    174036: ("ashara", "Al-Asharah", ["Ashara", "Al-Ashara"]),
    172425: ("sukhnah", "Al-Sukhnah", ["Sukhnah", "As-Sukhnah", "Sukhna"]),
    163921: ("suqaylabiyah", "Al-Suqaylabiyah", ["Suqaylabiyah", "Skelbiyeh"]),
    172837: ("shaddadi", "Al-Shaddadi", ["Shaddadi", "Ash-Shaddadah"]),
    172994: ("ariha", "Ariha", []),
    167611: ("maarat-al-numan", "Maarat al-Numan",
             ["Ma'arrat al-Nu'man", "Maarat al-Nouman", "Maarrat al-Numan"]),
    167538: ("madan", "Ma'dan", ["Maadan"]),
    169557: ("hisyah", "Hisyah", ["Hasya", "Hisya"]),
    170797: ("deir-atiyah", "Deir Atiyah", ["Dayr Atiyah"]),
    170340: ("furqlus", "Al-Furqlus", ["Furqlus"]),
    166251: ("qudsaya", "Qudsaya", ["Qadsayya"]),
    168120: ("khirbet-ghazaleh", "Khirbet Ghazaleh", ["Khirbat Ghazalah"]),
    164773: ("sasa", "Sa'sa'", ["Sasa"]),
    170785: ("deir-hafer", "Deir Hafer", ["Dayr Hafir"]),
    165509: ("ras-al-ayn", "Ras al-Ayn", ["Ras al-Ain", "Serêkaniyê", "Serekaniye"]),
    163750: ("tell-abyad", "Tell Abyad", ["Tal Abyad", "Girê Spî"]),
    172134: ("ain-issa", "Ain Issa", ["Ayn Isa"]),
    164717: ("saydnaya", "Saydnaya", ["Sednaya"]),
    173927: ("busayrah", "Al-Busayrah", ["Busayrah", "Al-Busaira"]),
    172415: ("susah", "Al-Susah", ["Susah", "Al-Susa"]),
    170691: ("dhiban", "Dhiban", []),
    8308210: ("kasrah", "Al-Kasrah", ["Kasrah", "Al-Kasra"]),
    170589: ("dumayr", "Al-Dumayr", ["Dumayr", "Ad-Dumayr"]),
    169138: ("al-rai", "Al-Rai", ["Rai", "Ar-Ra'i", "Çobanbey"]),
    167245: ("marea", "Marea", ["Mare'", "Mari'"]),
    164895: ("suluk", "Suluk", ["Sluk", "Silûk"]),
    174611: ("abu-al-duhur", "Abu al-Duhur", ["Abu ad-Duhur", "Abu Zuhur"]),
    172347: ("tamanah", "Al-Tamanah", ["Tamanah", "Al-Tamani'ah"]),
    164094: ("sinjar-idlib", "Sinjar (Idlib)", ["Sinjar"]),
    171451: ("binnish", "Binnish", ["Binnesh"]),
    170857: ("darat-izzah", "Darat Izzah", ["Daret Azza", "Darat Izza"]),
    163913: ("suran-aleppo", "Suran (Aleppo)", ["Suran", "Sawran"]),
    163915: ("suran", "Suran", []),
    167444: ("majdal-shams", "Majdal Shams", []),
    171200: ("buqata", "Buq'ata", ["Buqata", "Buqaata"]),
    167167: ("masadah", "Mas'ade", ["Masadah", "Mas'adah"]),
    172880: ("arwad", "Arwad", ["Arwad island"]),
    168519: ("kassab", "Kassab", ["Kessab"]),
    169866: ("harim", "Harim", ["Harem"]),
    172232: ("ain-al-fijeh", "Ain al-Fijeh", ["Ayn al-Fijah"]),
    167558: ("madaya", "Madaya", []),
    8419677: ("hajar-al-aswad", "Al-Hajar al-Aswad", ["Hajar al-Aswad"]),
    164626: ("shahba", "Shahba", []),
    169341: ("izra", "Izra'", ["Ezra", "Izra"]),
    166331: ("nubl", "Nubl", ["Nubbul"]),
    9847679: ("tremseh", "Tremseh", ["Al-Tremseh"]),
    174506: ("hajin", "Hajin", ["Hajeen"]),
    165060: ("safita", "Safita", []),
    173230: ("amuda", "Amuda", ["Amûdê"]),
    164917: ("salkhad", "Salkhad", []),
    163806: ("tafas", "Tafas", []),
    164816: ("saraqib", "Saraqib", []),
    169897: ("harasta", "Harasta", []),
}

# The article's spelling of the Nasib crossing (no GeoNames row; coordinates are general
# knowledge, snapped to the border, per PROVENANCE.md).
NASIB = ("nasib-crossing", "Nasib border crossing",
         ["Nasib", "Nasib-Jaber crossing", "Nassib", "Jaber crossing"])

BORDER_CROSSINGS = {"nasib-crossing", "jdeidat-yabous"}

# route_id in the CSV -> (scenario id, reference, display name, kind)
ROUTES = {
    "M5": ("m5", "M5", "M5 Aleppo–Hama–Homs–Damascus–Jordan (Nasib)", "motorway"),
    "M4-west": ("m4-west", "M4", "M4 Latakia–Saraqib–Aleppo", "highway"),
    "Homs-Tartus": ("homs-tartus", "M1 (unverified)", "Homs–Tartus", "highway"),
    "Latakia-Tartus": ("latakia-tartus", "", "Coastal road Latakia–Jableh–Baniyas–Tartus", "highway"),
    "Homs-Palmyra-DeirEzZor": ("homs-palmyra-deir-ez-zor", "", "Homs–Palmyra–Deir ez-Zor", "highway"),
    "Damascus-Beirut": ("damascus-beirut", "", "Damascus–Beirut road (to the Lebanese border)", "highway"),
    "DeirEzZor-Bukamal": ("deir-ez-zor-al-bukamal", "", "Deir ez-Zor–Al-Mayadin–Al-Bukamal (to Iraq)", "highway"),
    "Aleppo-Raqqa": ("aleppo-raqqa", "", "Aleppo–Tabqa–Raqqa", "highway"),
    "Raqqa-DeirEzZor": ("raqqa-deir-ez-zor", "", "Raqqa–Ma'dan–Deir ez-Zor", "road"),
    "DeirEzZor-Hasakah-Qamishli": ("deir-ez-zor-hasakah-qamishli", "", "Deir ez-Zor–Hasakah–Qamishli", "road"),
    "Damascus-Suwayda": ("damascus-suwayda", "", "Damascus–As-Suwayda", "highway"),
    "Damascus-Quneitra": ("damascus-quneitra", "", "Damascus–Quneitra", "road"),
    "Aleppo-Manbij": ("aleppo-manbij", "", "Aleppo–Al-Bab–Manbij", "road"),
}

PROVENANCE = ("Straight segments between town centres written from general knowledge, "
              "not surveyed road geometry; town coordinates from GeoNames (CC BY 4.0). "
              "Order of towns hand-written (shared/data/highways_syria_manual.csv); "
              "confidence {conf}.")


def ascii_fold(text):
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def slug(text):
    text = ascii_fold(text).lower()
    text = re.sub(r"[`'‘’ʿʾ]", "", text)
    text = re.sub(r"[^a-z0-9]+", "-", text)
    return text.strip("-")


def default_name(asciiname):
    # A backtick (GeoNames' ayn) at the start of a word is dropped ("`Ayn Halaqim" ->
    # "Ayn Halaqim"); inside a word it reads as an apostrophe ("Ma`dan" -> "Ma'dan").
    name = re.sub(r"(^|\s)`", r"\1", asciiname)
    return name.replace("`", "'")


def ron_str(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def place_kind(pid, feature_code, population):
    if pid in BORDER_CROSSINGS:
        return "border_crossing"
    if feature_code == "PPLC":
        return "capital"
    if feature_code == "PPLA":
        return "governorate_seat"
    if population >= 50000:
        return "city"
    if population >= 5000:
        return "town"
    return "village"


def load_places(data):
    rows = list(csv.DictReader(open(os.path.join(data, "places_syria_geonames.csv"),
                                    encoding="utf-8", newline="")))
    check = list(csv.DictReader(open(os.path.join(data, "places_article_check.csv"),
                                     encoding="utf-8", newline="")))
    article_names = {}
    nasib = None
    for row in check:
        # "Deraa/Daraa", "Sanamayn (As-Sanamayn)" -> each spelling
        names = [n.strip() for n in re.split(r"[/()]", row["article_name"]) if n.strip()]
        if row["geonameid"]:
            article_names[int(row["geonameid"])] = names
        elif row["article_name"].startswith("Nasib"):
            nasib = row
    if nasib is None:
        sys.exit("places_article_check.csv has no Nasib row")

    places = []
    for row in rows:
        gid = int(row["geonameid"])
        population = int(row["population"] or 0)
        if gid in OVERRIDES:
            pid, name, extra = OVERRIDES[gid]
        else:
            name = default_name(row["asciiname"])
            pid, extra = slug(name), []
        aliases = []
        for alias in article_names.get(gid, []) + extra + [row["name"], row["asciiname"]]:
            if alias and alias != name and alias not in aliases:
                aliases.append(alias)
        places.append({
            "id": pid, "name": name, "aliases": aliases,
            "lon": row["lon"], "lat": row["lat"], "population": population,
            "kind": place_kind(pid, row["feature_code"], population),
            "governorate": GOV_ID[row["admin1_code"]], "geonames_id": gid,
        })
    pid, name, aliases = NASIB
    places.append({
        "id": pid, "name": name, "aliases": aliases,
        "lon": nasib["lon"], "lat": nasib["lat"], "population": 0,
        "kind": place_kind(pid, "", 0),
        "governorate": GOV_ID[nasib["admin1_code"]], "geonames_id": None,
    })

    ids = [p["id"] for p in places]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        sys.exit(f"duplicate place ids: {dupes}")
    unused = set(OVERRIDES) - {int(r["geonameid"]) for r in rows}
    if unused:
        sys.exit(f"overrides for unknown geonameids: {sorted(unused)}")
    return places


def load_routes(data, places):
    by_gid = {p["geonames_id"]: p["id"] for p in places if p["geonames_id"]}
    rows = list(csv.DictReader(open(os.path.join(data, "highways_syria_manual.csv"),
                                    encoding="utf-8", newline="")))
    routes, order = {}, []
    for row in rows:
        rid = row["route_id"]
        if rid not in routes:
            routes[rid] = {"rows": [], "confidence": row["confidence"]}
            order.append(rid)
        routes[rid]["rows"].append(row)
    out = []
    for rid in order:
        sid, ref, name, kind = ROUTES[rid]
        waypoints, dropped = [], []
        for row in sorted(routes[rid]["rows"], key=lambda r: int(r["seq"])):
            if not row["geonameid"]:
                if row["name"].startswith("Nasib"):
                    waypoints.append("nasib-crossing")
                    continue
                sys.exit(f"route {rid}: waypoint without geonameid: {row['name']}")
            gid = int(row["geonameid"])
            if gid in by_gid and not dropped:
                waypoints.append(by_gid[gid])
            else:
                dropped.append(row["name"])
        provenance = PROVENANCE.format(conf=routes[rid]["confidence"])
        if dropped:
            provenance += (" Stops at the Syrian border crossing (Jdeidat Yabous): the Lebanese "
                           "waypoints (" + ", ".join(dropped) + ") are not places in this scenario.")
        out.append({"id": sid, "reference": ref, "name": name, "waypoints": waypoints,
                    "kind": kind, "provenance": provenance})
    return out


def ron_regions():
    lines = []
    for code, rid, name in GOVERNORATES:
        lines.append(f"        (id: {ron_str(rid)}, name: {ron_str(name)}, kind: governorate, "
                     f"admin1_code: Some({ron_str(code)})),")
    for rid, name, members in GROUPINGS:
        lines.append(f"        (id: {ron_str(rid)}, name: {ron_str(name)}, kind: grouping,")
        lines.append("            members: [" + ", ".join(ron_str(m) for m in members) + "]),")
    return lines


def ron_places(places):
    lines = []
    for p in places:
        aliases = ", ".join(ron_str(a) for a in p["aliases"])
        gid = f", geonames_id: Some({p['geonames_id']})" if p["geonames_id"] else ""
        pop = f", population: {p['population']}" if p["population"] else ""
        lines.append(f"        (id: {ron_str(p['id'])}, name: {ron_str(p['name'])}, "
                     f"kind: {p['kind']}, governorate: {ron_str(p['governorate'])},")
        lines.append(f"            lon: {p['lon']}, lat: {p['lat']}{pop}{gid},")
        lines.append(f"            aliases: [{aliases}]),")
    return lines


def ron_routes(routes):
    lines = []
    for r in routes:
        lines.append(f"        (id: {ron_str(r['id'])}, reference: {ron_str(r['reference'])}, "
                     f"name: {ron_str(r['name'])}, kind: {r['kind']},")
        lines.append("            waypoints: [" + ", ".join(ron_str(w) for w in r["waypoints"]) + "],")
        lines.append(f"            provenance: {ron_str(r['provenance'])}),")
    return lines


def splice(text, name, lines):
    begin = f"// BEGIN GENERATED {name} by scripts/gen_places.py: do not edit by hand"
    end = f"// END GENERATED {name}"
    pattern = re.compile(r"(^[ \t]*" + re.escape(begin) + r"\n).*?(^[ \t]*" + re.escape(end) + r")",
                         re.S | re.M)
    if not pattern.search(text):
        sys.exit(f"markers for {name} not found in the scenario")
    body = "\n".join(lines) + "\n"
    return pattern.sub(lambda m: m.group(1) + body + m.group(2), text, count=1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=DEFAULT_DATA)
    parser.add_argument("--scenario", default=DEFAULT_SCENARIO)
    parser.add_argument("--print", action="store_true", help="print the blocks, do not splice")
    args = parser.parse_args()

    places = load_places(args.data)
    routes = load_routes(args.data, places)
    blocks = {"regions": ron_regions(), "places": ron_places(places), "routes": ron_routes(routes)}
    if args.print:
        for name, lines in blocks.items():
            print(f"// {name}")
            print("\n".join(lines))
        return
    with open(args.scenario, encoding="utf-8") as f:
        text = f.read()
    for name, lines in blocks.items():
        text = splice(text, name, lines)
    with open(args.scenario, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{args.scenario}: {len(GOVERNORATES) + len(GROUPINGS)} regions, "
          f"{len(places)} places, {len(routes)} routes", file=sys.stderr)


if __name__ == "__main__":
    main()
