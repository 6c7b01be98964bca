#!/bin/sh
# Usage: sh many-degrees.sh DIR N - degrees.json with N degrees: the shipped
# two, then copies of the first under new ids (every career stays linked).
python3 - "$1/degrees.json" "$2" <<'PY'
import json, sys
path, n = sys.argv[1], int(sys.argv[2])
doc = json.load(open(path, encoding="utf-8"))
first = doc["degrees"][0]
for i in range(len(doc["degrees"]), n):
    d = dict(first)
    d["id"] = "degree-%d" % i
    d["name"] = "Degree number %d" % i
    doc["degrees"].append(d)
json.dump(doc, open(path, "w", encoding="utf-8"), indent=1)
PY
