import json,glob,re,os
os.chdir(os.path.dirname(os.path.abspath(__file__)))
def col(s): return re.sub(r"\s+"," ",s).strip()
def fmt(v):
    if float(v).is_integer():
        i=int(v); return [str(i), f"{i:,}".replace(",",".")]
    return [str(v).replace(".",",")]
ok=True
for gp in sorted(glob.glob("gold/*.json")):
    g=json.load(open(gp)); doc=col(open("../../../"+g["file"]).read())
    for k in ("targets","awards","deadlines"):
        for e in g[k]:
            if col(e["sentence"]) not in doc: ok=False; print("MISSING",gp,k,e["sentence"][:60])
            if k=="targets" and not any(f in e["sentence"] for f in fmt(e["value"])): ok=False; print("VALUE",gp,e["value"])
            if k=="awards" and col(e["name"]) not in col(e["sentence"]): ok=False; print("NAME",gp,e["name"])
    print(os.path.basename(gp), len(g["targets"]), len(g["awards"]), len(g["deadlines"]))
print("OK" if ok else "FAIL")
