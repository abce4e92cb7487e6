#!/usr/bin/env python3
"""Check gold files: sentences are substrings of the (whitespace-collapsed) document,
values appear in their sentence, one target per (year, population)."""
import glob, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))

def collapse(s):
    return re.sub(r"\s+", " ", s).strip()

def forms(v):
    """Vietnamese renderings of a number: 82.5 -> 82,5 ; 1500 -> 1.500 ; 2 -> 02."""
    out = set()
    if float(v).is_integer():
        n = int(v)
        out |= {str(n), f"{n:02d}", f"{n:,}".replace(",", ".")}
    else:
        s = repr(float(v))
        out |= {s.replace(".", ","), s}
    return out

def has_number(sentence, v):
    for f in forms(v):
        if re.search(r"(?<![\d.,])" + re.escape(f) + r"(?![\d]|[.,]\d)", sentence):
            return True
    return False

errors = 0
for path in sorted(glob.glob(os.path.join(HERE, "gold", "*.json"))):
    g = json.load(open(path, encoding="utf-8"))
    doc = collapse(open(os.path.join(ROOT, g["file"]), encoding="utf-8").read())
    name = os.path.basename(path)
    def bad(msg):
        global errors
        errors += 1
        print(f"{name}: {msg}")
    seen = set()
    for t in g["targets"]:
        s = collapse(t["sentence"])
        if s not in doc: bad(f"target sentence not in doc: {s[:70]}")
        if not has_number(s, t["value"]): bad(f"value {t['value']} not in: {s[:70]}")
        if t["unit"] not in ("%", "count"): bad(f"bad unit {t['unit']}")
        if t["comparator"] not in (">=", ">"): bad(f"bad comparator {t['comparator']}")
        key = (t["year"], t["population"])
        if key in seen: bad(f"duplicate (year, population) {key}")
        seen.add(key)
    for a in g["awards"]:
        s = collapse(a["sentence"])
        if s not in doc: bad(f"award sentence not in doc: {s[:70]}")
        if collapse(a["name"]) not in s: bad(f"award name not in its sentence: {a['name']}")
    for d in g["deadlines"]:
        s = collapse(d["sentence"])
        if s not in doc: bad(f"deadline sentence not in doc: {s[:70]}")
        if not re.fullmatch(r"\d{2}/\d{2}(/\d{4})?", d["date"]): bad(f"bad date {d['date']}")
        dd, mm = (int(x) for x in d["date"].split("/")[:2])
        if not re.search(rf"(?<!\d)0?{dd}/0?{mm}(?!\d)", s): bad(f"date {d['date']} not in: {s[:70]}")
        if d["recurring"] == (len(d["date"]) > 5): bad(f"recurring flag vs date form: {d['date']}")
    print(f"{name}: {len(g['targets'])} targets, {len(g['awards'])} awards, {len(g['deadlines'])} deadlines")
print("OK" if errors == 0 else f"{errors} error(s)")
sys.exit(1 if errors else 0)
