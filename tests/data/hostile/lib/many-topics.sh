#!/bin/sh
# Usage: sh many-topics.sh DIR N - the first degree gets N topics, each a
# different short word. A screen draws its whole list: 2,040 topics once
# filled the renderer's text cache within one frame (issue 11, case 2).
python3 - "$1/degrees.json" "$2" <<'PY'
import json, sys
path, n = sys.argv[1], int(sys.argv[2])
doc = json.load(open(path, encoding="utf-8"))
doc["degrees"][0]["topics"] = ["Topic %d" % i for i in range(n)]
json.dump(doc, open(path, "w", encoding="utf-8"), indent=1)
PY
