#!/bin/sh
# Usage: sh long-string.sh DIR - one career summary 50 KB long.
python3 - "$1/careers.json" <<'PY'
import json, sys
path = sys.argv[1]
doc = json.load(open(path, encoding="utf-8"))
doc["careers"][0]["summary"] = "la " * 17000
json.dump(doc, open(path, "w", encoding="utf-8"), indent=1)
PY
