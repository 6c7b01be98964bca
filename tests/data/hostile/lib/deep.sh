#!/bin/sh
# Usage: sh deep.sh DIR - theme.json with an array nested 10,000 deep.
python3 - "$1/theme.json" <<'PY'
import sys
open(sys.argv[1], "w").write('{ "schema": 1, "extra": ' + "[" * 10000 + "]" * 10000 + " }\n")
PY
