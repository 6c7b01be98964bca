#!/bin/sh
# The Today screen and the next talk of a degree page at set times of day
# (--clock), read from the account of the screen (--dump): which talks are
# labelled Now and Next, the finished day, the day past midnight
# (tests/three), and no Now/Next without a clock to trust. Also --clock's
# refusal of a time that is not one, and Home's Today entry only with talks.
. tests/helpers/prologue.sh

shot() { # NAME SCREEN [CLOCK] [CONTENT]
    set -- "$1" "$2" "${3:-}" "${4:-content}"
    if [ -n "$3" ]; then
        "$O" --content "$4" --screenshot "$T/$1.png" --dump "$T/$1.json" --size 1920x1080 \
            --dpi 92 --screen "$2" --clock "$3" 2>/dev/null || fail "$1: screenshot"
    else
        "$O" --content "$4" --screenshot "$T/$1.png" --dump "$T/$1.json" --size 1920x1080 \
            --dpi 92 --screen "$2" 2>/dev/null || fail "$1: screenshot"
    fi
}

shot early today 08:00
shot mid today 11:35
shot late today 15:50
shot untimed today
shot degree degree:music-technology 11:35
shot degree-late degree:music-technology 15:50
shot midnight today 00:10 tests/three
shot home home
mkdir "$T/nt" && cp content/*.json "$T/nt/" && rm "$T/nt/talks.json"
"$O" --content "$T/nt" --screenshot "$T/none.png" --screen home --dump "$T/none.json" \
    --size 1920x1080 --dpi 92 2>/dev/null || fail "screenshot without talks"

python3 - "$T" <<'PY' || fail "see above"
import json, os, sys
T = sys.argv[1]
def texts(name):
    return [t["text"] for t in json.load(open(os.path.join(T, name + ".json")))["texts"]]
def after(ts, label):
    """The talk title drawn right after each label."""
    return [ts[i + 1] for i, t in enumerate(ts) if t == label and i + 1 < len(ts)]
e = texts("early")
assert e.count("Next") == 1 and "Now" not in e, e
assert after(e, "Next")[0].startswith("Welcome"), after(e, "Next")
m = texts("mid")
# 11:35: the production talk (11:00-11:40) and the studio tour (11:30-12:00)
# overlap: both on now; the 13:30 talk is next.
assert m.count("Now") == 2, m
assert after(m, "Now")[0].startswith("Music Production"), after(m, "Now")
assert after(m, "Now")[1].startswith("Tour"), after(m, "Now")
assert after(m, "Next") == ["Music Technology: code, circuits and sound"], after(m, "Next")
l = texts("late")
assert "That's all for today" in l and "Now" not in l and "Next" not in l, l
u = texts("untimed")
assert "Now" not in u and "Next" not in u and "That's all for today" not in u, u
assert sum(t.endswith("Main Hall") for t in u) == 2, u
d = texts("degree")
assert "Next talk: 13:30, Room 2.14" in d, d
assert not any(t.startswith("Next talk") for t in texts("degree-late"))
n = texts("midnight")
assert after(n, "Now") == ["Stargazing with the astronomy society"], n
assert "That's all for today" not in n
acts = lambda name: [t["action"] for t in json.load(open(os.path.join(T, name + ".json")))["targets"]]
assert "screen today" in acts("home"), acts("home")
assert "screen today" not in acts("none"), acts("none")
PY
"$O" --content tests/three --screenshot "$T/x.png" --screen today --clock 25:00 2>"$T/err"
[ $? -eq 2 ] || fail "--clock 25:00 is not refused with status 2"
grep -q -- "--clock" "$T/err" || fail "--clock's refusal names the option"
# A Pi that booted without a real-time clock: an old date, no sync flag.
# The kiosk says why it does not believe the clock (faketime sets the date;
# not through an emulator, whose own clock calls it would not reach).
if command -v faketime >/dev/null && [ ! -e /run/systemd/timesync/synchronized ] &&
    [ -z "$OPENDAY_EXEC" ]; then
    # faketime is preloaded before a sanitized build's runtime: let it be.
    SDL_VIDEODRIVER=dummy ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
        faketime '2020-01-01 10:00:00' "$O" --windowed 800x480 --no-state >"$T/live.log" 2>&1 &
    pid=$!
    k=0
    while ! grep -q "system clock says 2020-01-01" "$T/live.log" && [ $k -lt 150 ]; do
        sleep 0.1
        k=$((k + 1))
    done
    # faketime runs the kiosk as its child and waits: stop the child too.
    pkill -P "$pid" 2>/dev/null
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    pid=""
    grep -q "system clock says 2020-01-01, before the content's day 2026-11-25" "$T/live.log" ||
        { cat "$T/live.log"; fail "an untrusted clock is not logged"; }
fi
echo "check_today: ok"
