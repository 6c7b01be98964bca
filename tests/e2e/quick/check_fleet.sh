#!/bin/sh
# run.sh: alongside
# The campus tools end to end (deploy/README.md, "Many kiosks"): a kiosk in
# the real loop (dummy video driver) writes health.json to its state folder,
# sets a damaged usage.tsv aside and starts counting again, and keeps
# drawing when its state folder is full; `openday --health` exits 0 on a
# fresh record and 1 on a stale, missing or foreign one; `openday --usage`
# prints the table and the CSV (quiz results too, none from a file written
# before they were counted), draws the picture, and refuses a damaged
# file; a malformed display-off line is an error naming FILE:LINE.
. tests/helpers/prologue.sh
at_exit() { mountpoint -q "$T/full" 2>/dev/null && umount "$T/full"; }
fail() { echo "FAIL: $*"; cat "$T/log" 2>/dev/null; exit 1; }
mkdir -p "$T/state"

# A kiosk for a moment with a damaged usage file in its state folder.
printf 'not a usage file\n' >"$T/state/usage.tsv"
"$O" --kiosk --content content --state-dir "$T/state" --display-on 08:00 --display-off 20:00 \
    >"$T/out" 2>"$T/log" &
pid=$!
i=0
while [ $i -lt 100 ] && [ ! -f "$T/state/health.json" ]; do sleep 0.05; i=$((i + 1)); done
kill -0 $pid 2>/dev/null || fail "the kiosk did not stay up"
kill $pid; wait $pid; pid=""
[ -f "$T/state/health.json" ] || fail "no health.json after the first frame"
ls "$T/state"/usage.tsv.damaged-* >/dev/null 2>&1 || fail "the damaged usage file was not set aside"
grep -q "set aside as" "$T/log" || fail "setting the usage file aside was not logged"
grep -q '"drawing":	true' "$T/state/health.json" || fail "health.json does not say drawing"
grep -q '"method":' "$T/state/health.json" || fail "health.json has no display state"

"$O" --health "$T/state" >"$T/h" || fail "--health on a fresh record: $(cat "$T/h")"
grep -q "healthy" "$T/h" || fail "--health did not say healthy"
# Stale: the record made 40 s older.
sed 's/"written_at":[^,]*/"written_at":	1000/' "$T/state/health.json" >"$T/state/h2" &&
    mv "$T/state/h2" "$T/state/health.json"
"$O" --health "$T/state" >"$T/h" && fail "--health passed a stale record"
grep -q "stale" "$T/h" || fail "--health did not say stale: $(cat "$T/h")"
"$O" --health "$T/nowhere" >"$T/h" && fail "--health passed a missing record"
printf '{}' >"$T/state/health.json"
"$O" --health "$T/state" >/dev/null && fail "--health passed a foreign file"

# --usage on counts (the kiosk wrote none: no visitor touched it).
cat >"$T/state/usage.tsv" <<EOU
# openday usage 1
$(( $(date +%s) / 3600 ))	visits	7
$(( $(date +%s) / 3600 ))	screens	30
$(( $(date +%s) / 3600 ))	degree:music-production	9
$(( $(date +%s) / 3600 ))	compare	2
$(( $(date +%s) / 3600 ))	len:2-5m	7
EOU
"$O" --usage "$T/state" >"$T/u" || fail "--usage"
grep -Eq ' +7 +30 +9 +2 ' "$T/u" || fail "--usage table: $(cat "$T/u")"
"$O" --usage "$T/state" --csv >"$T/u" || fail "--usage --csv"
head -1 "$T/u" | grep -q '^hour,visits,screens_opened,degrees_opened,comparisons,visits_' ||
    fail "--usage --csv header: $(head -1 "$T/u")"
# A file of the version before quiz results and languages: read as none (the
# last two columns).
grep -Eq '^[0-9-]+T[0-9]+:00,7,30,9,2,0,0,0,7,0,0,0,0$' "$T/u" || fail "--usage --csv row: $(cat "$T/u")"
head -1 "$T/u" | grep -q ',quiz_results,languages_chosen$' || fail "--usage --csv: no quiz_results column"
# Quiz results, with the degree each ranked first.
printf '%s\tquiz\t3\n%s\tquiz-first:music-production\t2\n' $(( $(date +%s) / 3600 )) \
    $(( $(date +%s) / 3600 )) >>"$T/state/usage.tsv"
"$O" --usage "$T/state" >"$T/u" || fail "--usage with quiz results"
grep -Eq ' +7 +30 +9 +2 +3 ' "$T/u" || fail "--usage table, quiz results: $(cat "$T/u")"
"$O" --usage "$T/state" --csv >"$T/u" || fail "--usage --csv with quiz results"
grep -Eq '^[0-9-]+T[0-9]+:00,7,30,9,2,0,0,0,7,0,0,3,0$' "$T/u" ||
    fail "--usage --csv row, quiz results: $(cat "$T/u")"
# Languages chosen by visitors, counted by language.
printf '%s\tlanguage:de\t2\n' $(( $(date +%s) / 3600 )) >>"$T/state/usage.tsv"
"$O" --usage "$T/state" >"$T/u" || fail "--usage with languages"
grep -Eq ' +7 +30 +9 +2 +3 +2 ' "$T/u" || fail "--usage table, languages: $(cat "$T/u")"
"$O" --usage "$T/state" --csv >"$T/u" || fail "--usage --csv with languages"
grep -Eq '^[0-9-]+T[0-9]+:00,7,30,9,2,0,0,0,7,0,0,3,2$' "$T/u" ||
    fail "--usage --csv row, languages: $(cat "$T/u")"
"$O" --usage "$T/state" --usage-plot "$T/plot.png" >"$T/u" 2>&1 || fail "--usage-plot: $(cat "$T/u")"
[ "$(head -c 4 "$T/plot.png" | od -An -c | tr -d ' ')" = "211PNG" ] || fail "--usage-plot wrote no PNG"
printf 'garbage\n' >"$T/state/usage.tsv"
"$O" --usage "$T/state" >"$T/u" 2>&1 && fail "--usage accepted a damaged file"
grep -q "usage.tsv:1:" "$T/u" || fail "--usage did not name FILE:LINE: $(cat "$T/u")"
"$O" --csv >/dev/null 2>&1 && fail "--csv alone was accepted"

# A malformed schedule line: FILE:LINE, exit 2.
printf 'content = content\ndisplay-off = 6pm\n' >"$T/conf"
"$O" --config "$T/conf" --check >"$T/c" 2>&1
[ $? -eq 2 ] || fail "a malformed display-off line did not exit 2"
grep -q "$T/conf:2: --display-off" "$T/c" || fail "no FILE:LINE: $(cat "$T/c")"

# A full state folder (where this machine lets us mount one): the kiosk
# keeps drawing and says why it writes nothing.
mkdir "$T/full"
if mount -t tmpfs -o size=64k tmpfs "$T/full" 2>/dev/null; then
    dd if=/dev/zero of="$T/full/fill" bs=4k count=100 2>/dev/null
    "$O" --kiosk --content content --state-dir "$T/full" >"$T/out" 2>"$T/log" &
    pid=$!
    # Wait for the first health write (seconds under an emulator), not a
    # fixed time.
    for i in $(seq 1 60); do
        grep -q "cannot write .*health.json (No space left on device)" \
            "$T/log" && break
        kill -0 $pid 2>/dev/null || break
        sleep 0.5
    done
    kill -0 $pid 2>/dev/null || fail "the kiosk stopped on a full disk"
    kill $pid; wait $pid; pid=""
    grep -q "cannot write .*health.json (No space left on device)" "$T/log" ||
        fail "the full disk was not logged within 30 s"
    echo "full disk: the kiosk kept drawing"
else
    echo "no tmpfs mount here: the full-disk run is left out"
fi
echo "check_fleet: ok"
