#!/bin/sh
# The taps-only journeys (tests/replay/taps-only*.replay, WCAG 2.5.1 and
# 2.5.7) stay what their name says: no swipe and no drag anywhere in them,
# and they reach every screen, every degree and every career of their
# content set. The replays themselves run with the other journeys
# (tests/run.sh); this reads them. Under a second.
. tests/helpers/prologue.sh
command -v python3 >/dev/null || fail "python3 is needed to read the content"
n=0
for r in tests/replay/taps-only*.replay; do
    [ -e "$r" ] || fail "no taps-only replay"
    n=$((n + 1))
    gesture='^[[:space:]]*([0-9]+[[:space:]]+)?(swipe|drag|press|release)[[:space:]]'
    grep -Eq "$gesture" "$r" && fail "$r uses a gesture: $(grep -En "$gesture" "$r" | head -1)"
    python3 - "$r" <<'PY' || fail "$r"
import json, re, sys
path = sys.argv[1]
lines = open(path).read().splitlines()
args = lines[0].split()
content = args[args.index("--content") + 1] if "--content" in args else "content"
seen = {l.split()[-1] for l in lines if re.match(r"^\s*(\d+\s+)?expect-screen\s", l)}
want = {"home", "compare", "careers", "ba-bs", "about"}
want |= {"degree:" + d["id"] for d in json.load(open(content + "/degrees.json"))["degrees"]}
want |= {"career:" + c["id"] for c in json.load(open(content + "/careers.json"))["careers"]}
try:  # the quiz, when the content has one: every question and the result
    n = len(json.load(open(content + "/quiz.json"))["questions"])
    want |= {"quiz:%d" % (k + 1) for k in range(n)} | {"quiz-result"}
except FileNotFoundError:
    pass
missing = sorted(want - seen)
if missing:
    print("never reaches: " + ", ".join(missing))
    sys.exit(1)
print("ok: %s reaches %d screens with taps alone" % (path, len(want)))
PY
done
echo "check_taps_only: $n journeys, taps only, every screen reached"
