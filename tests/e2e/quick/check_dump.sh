#!/bin/sh
# The machine-readable account of a screen through the real binary:
# --screenshot --dump and the replay `dump` verb write JSON with the
# documented keys; the physical options refuse values out of range with
# one line naming it (exit 2); the log says where the dpi figure came from.
. tests/helpers/prologue.sh

# Keys of the account, and of each text and target (tests/unit/test_dump.c
# checks the values).
keys() {
    python3 - "$1" "$2" "$3" <<'PY' || fail "account $1: see above"
import json, sys
d = json.load(open(sys.argv[1]))
for k in ("screen", "size", "px_per_mm", "distance_cm", "texts", "targets"):
    assert k in d, "no key " + k
assert d["screen"] == sys.argv[2], d["screen"]
assert d["distance_cm"] == float(sys.argv[3]), d["distance_cm"]
assert d["texts"] and d["targets"], "nothing in it"
for t in d["texts"]:
    for k in ("text", "x", "y", "w", "h", "px", "cap_mm", "fg", "bg", "contrast", "visible"):
        assert k in t, "a text without " + k
for t in d["targets"]:
    for k in ("x", "y", "w", "h", "action", "visible"):
        assert k in t, "a target without " + k
PY
}

"$O" --screenshot "$T/home.png" --dump "$T/home.json" --screen home >"$T/out" 2>&1 \
    || fail "--screenshot --dump exited $?: $(cat "$T/out")"
[ -s "$T/home.png" ] || fail "no screenshot beside the dump"
keys "$T/home.json" home 60
grep -q "dpi, assumed for 800x480" "$T/out" || fail "no dpi line in the log: $(cat "$T/out")"

"$O" --screenshot "$T/c.png" --dump "$T/c.json" --screen careers --size 1920x1080 \
     --dpi 150 >"$T/out" 2>&1 || fail "careers dump: $(cat "$T/out")"
keys "$T/c.json" careers 60
grep -q "150.0 dpi, as configured" "$T/out" || fail "--dpi not named as the source: $(cat "$T/out")"

# The replay verb.
printf 'tap 0.5 0.5\nwait 600\ndump %s/r.json\n' "$T" >"$T/r.replay"
"$O" --replay "$T/r.replay" --distance 120 >"$T/out" 2>&1 || fail "replay dump: $(cat "$T/out")"
keys "$T/r.json" home 120
# A screen on a wall (--loop) is read from further away.
printf 'wait 100\ndump %s/loop.json\n' "$T" >"$T/loop.replay"
"$O" --replay "$T/loop.replay" --loop >"$T/out" 2>&1 || fail "loop dump: $(cat "$T/out")"
keys "$T/loop.json" attract 250

# The staff keypad, when shown, is in the account: its words and its keys.
printf 'tap 0.5 0.5\npress 0.03 0.04\nwait 3100\nrelease 0.03 0.04\npress 0.97 0.04\nwait 3100\nrelease 0.97 0.04\nexpect-admin keypad\ndump %s/pad.json\n' "$T" >"$T/pad.replay"
"$O" --replay "$T/pad.replay" --admin-pin 2468 >"$T/out" 2>&1 || fail "keypad dump: $(cat "$T/out")"
python3 - "$T/pad.json" <<'PY' || fail "keypad account: see above"
import json, sys
d = json.load(open(sys.argv[1]))
acts = {t["action"] for t in d["targets"] if t["overlay"]}
assert {"pin 0", "pin 9", "pin ok", "pin clear", "cancel"} <= acts, acts
assert any(t["overlay"] and t["visible"] for t in d["texts"]), "no keypad text"
PY

# Out of range: exit 2, one line saying the range.
usage() {
    want=$1
    shift
    "$O" "$@" >"$T/out" 2>&1
    rc=$?
    [ "$rc" -eq 2 ] || fail "$* exited $rc, expected 2"
    [ "$(grep -c "$want" "$T/out")" -eq 1 ] || fail "$*: no line saying \"$want\": $(cat "$T/out")"
}
usage "from 20 to 1000" --dpi 5
usage "from 20 to 2000" --distance 0
usage "from 20 to 2000" --distance 100000
usage "goes with --screenshot" --dump "$T/x.json"
"$O" --dpi auto --version >/dev/null || fail "--dpi auto refused"
echo ok
