#!/bin/sh
# Faults a kiosk meets in the field, each provoked for real against the
# binary (dummy video driver, real clock):
#   a damaged or missing font, no font at all; an unusable state directory
#   and a full disk; the render device lost and the output resized; SIGTERM
#   and SIGINT while animating and while still; a stall (the process
#   stopped and resumed) and wall-clock jumps; and, read from the source,
#   that only monotonic clocks drive the app.
# The stall lasts 3 s in the quick tier, already enough for uncapped
# catch-up to show as a burst of twice the allowed frames, and the full 30 s
# in the long tier (OPENDAY_TEST_LONG=1, tests/e2e/long/long_faults.sh);
# STALL_SECONDS overrides both. Everything else is the same in both tiers,
# and waits for what it expects to see in the log rather than for a fixed
# time.
. tests/helpers/prologue.sh
B=$(cd "$B" && pwd)   # absolute: the app is also started from inside $T
O="${OPENDAY_EXEC:+$OPENDAY_EXEC }$B/openday"
fail() { echo "FAIL: $*"; [ -f "$T/log" ] && { echo "--- log:"; tail -n 20 "$T/log"; }; exit 1; }
ROOT=$(pwd)
STALL=${STALL_SECONDS:-3}
[ -n "$OPENDAY_TEST_LONG" ] && STALL=${STALL_SECONDS:-30}

# wait_log PATTERN SECONDS: until $T/log has a line matching PATTERN; false
# if it has none by then or the app has died.
wait_log() {
    i=0
    until grep -q -- "$1" "$T/log"; do
        kill -0 $pid 2>/dev/null || return 1
        i=$((i + 1))
        [ $i -gt $(($2 * 20)) ] && return 1
        sleep 0.05
    done
}

start() { # ARGS...: the app in the background, log in $T/log
    : >"$T/log"
    # shellcheck disable=SC2086
    $O "$@" >>"$T/log" 2>&1 &
    pid=$!
    # Started once it names its renderer, which it does just before its
    # first frame; the fixed second this used to sleep was mostly idle.
    wait_log "renderer .* on " 5 || fail "the app did not start: $*"
    sleep 0.2
    kill -0 $pid 2>/dev/null || fail "the app died at start: $*"
}

stop() { # SIGNAL: must exit 0 within a second
    t0=$(date +%s%N)
    kill -"$1" $pid
    i=0
    while kill -0 $pid 2>/dev/null; do
        i=$((i + 1))
        [ $i -gt 100 ] && fail "no exit within 1 s of SIG$1"
        sleep 0.01
    done
    wait $pid
    rc=$?
    ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    pid=""
    [ $rc -eq 0 ] || fail "exit status $rc after SIG$1"
    echo "SIG$1: exit 0 after $ms ms"
}

# 1. Fonts. A font file in the content that is damaged: logged, the family is
#    used instead, the picture is made.
cp -r content "$T/c"
mkdir "$T/c/fonts"
head -c 4096 /dev/urandom >"$T/c/fonts/brand.ttf"
sed -i 's/"font_family": "Inter",/"font_family": "Inter",\n  "font_file": "fonts\/brand.ttf",/' "$T/c/theme.json"
$O --check "$T/c" >/dev/null || fail "content with a font file is not valid"
$O --content "$T/c" --screenshot "$T/font.png" --screen home >"$T/log" 2>&1 \
    || fail "a damaged font file stopped the screenshot"
grep -q 'font file ".*brand.ttf" cannot be used' "$T/log" || fail "damaged font not logged"
[ -s "$T/font.png" ] || fail "no picture with a damaged font file"
echo "damaged font file: logged, fell back"
#    No font at all (fontconfig sees no font directory): a clear message, exit 1.
cat >"$T/fonts.conf" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><cachedir>/nonexistent-openday-cache</cachedir></fontconfig>
EOF
FONTCONFIG_FILE="$T/fonts.conf" $O --screenshot "$T/none.png" --screen home >"$T/log" 2>&1
rc=$?
[ $rc -eq 1 ] || fail "no font at all: exit $rc, expected 1"
grep -q "no usable font" "$T/log" || fail "no font at all: no clear message"
echo "no font at all: exit 1 with: $(grep -m1 'no usable font' "$T/log")"

# 2. The state directory cannot be used (a file where a folder should be),
#    then a full disk (a file size limit of a few KiB): logged once, the kiosk runs
#    and still takes content changes.
rm -rf "$T/c" && cp -r content "$T/c"
: >"$T/notadir"
start --windowed 800x480 --content "$T/c" --state-dir "$T/notadir/state"
wait_log "could not keep a last-known-good copy" 3 || fail "unusable state dir not logged"
sed -i 's/"Music Production"/"Music Production!"/' "$T/c/degrees.json"
wait_log "new content on screen" 4 || fail "no reload with an unusable state dir"
stop TERM
(
    ulimit -f 4
    exec $O --windowed 800x480 --content "$T/c" --state-dir "$T/full" >"$T/log" 2>&1
) &
pid=$!
wait_log "could not keep a last-known-good copy.*File too large" 4 \
    || fail "full disk not logged, or it killed the kiosk: $(cat "$T/log")"
wait_log "renderer .* on " 4 || fail "a full disk stopped the kiosk: $(cat "$T/log")"
sleep 0.2
kill -0 $pid 2>/dev/null || fail "a full disk killed the kiosk: $(cat "$T/log")"
stop TERM
echo "state dir unusable and disk full: logged, kept running"

# 3. Render device lost, output resized: the next frames are whole and right.
cd "$T" || exit 1
cat >"$T/faults.replay" <<'EOF'
0 tap 0.5 0.5
wait 1500
expect-screen home
shot before.png
reset-device
shot after.png
resize 1280x720
wait 500
shot resized.png
resize 800x480
wait 500
reset-device
shot back.png
EOF
# One --dpi for both: the check is about redrawing after a resize, and a
# headless size alone would otherwise imply a different panel.
SDL_VIDEODRIVER=dummy $O --replay "$T/faults.replay" --size 800x480 --attract-after 0 \
    --dpi 133 --content "$ROOT/content" >"$T/log" 2>&1 || fail "replay with faults failed"
$O --screenshot "$T/ref1280.png" --screen home --size 1280x720 --dpi 133 \
    --content "$ROOT/content" >/dev/null 2>&1 || fail "reference screenshot"
cmp -s before.png after.png || fail "the picture after a device reset differs"
cmp -s before.png back.png || fail "the picture after resizing there and back differs"
cmp -s resized.png ref1280.png || fail "the resized picture differs from one made at that size"
echo "device reset and resize: pictures identical to undisturbed ones"
cd "$ROOT" || exit 1

# 4. Signals: a clean exit 0 within a second, animating (attract loop) and
#    still (Home).
start --windowed 800x480 --no-state
stop TERM
start --windowed 800x480 --no-state --screen home
stop INT
start --windowed 800x480 --no-state --loop
stop INT

# 5. A stall (SIGSTOP, SIGCONT) while animating: no burst of catch-up
#    frames afterwards.
start --windowed 800x480 --no-state --loop --stats
frames() { grep '^frames' "$T/log" | tail -n 1 | sed 's/^frames \([0-9]*\), late \([0-9]*\).*/\1 \2/'; }
kill -USR1 $pid
sleep 0.3
set -- $(frames)
f0=$1
kill -STOP $pid
sleep "$STALL"
kill -CONT $pid
sleep 1
kill -USR1 $pid
sleep 0.3
set -- $(frames)
f1=$1
# In the 1.3 s awake between the two prints: at most 60 fps worth of frames.
n=$((f1 - f0))
[ $n -le 90 ] || fail "$n frames in 1.3 s after a $STALL s stall: a burst"
echo "stall of $STALL s: $n frames in the 1.3 s around the resume (no burst)"
stop TERM

# 6. Clocks. Only monotonic time drives the app: no SDL_GetTicks (32 bits,
#    wraps after 49 days), no wall clock except the places that name or
#    report wall-clock things (the last-known-good folder's name, the
#    save-to-screen latency in the log, and upkeep_wall_s: health.json's
#    stamps, the hours usage is counted in, the display schedule's local time)
#    and the time of day for the day's talks (platform.c, through CLOCK_REALTIME,
#    never for anything that moves).
bad=$(grep -n 'SDL_GetTicks\b\|SDL_GetTicks(\|gettimeofday\|CLOCK_REALTIME\|[^_a-z]time(NULL)' src/*/*.c |
      grep -v 'src/content/store.c:.*time(NULL)' | grep -v 'src/platform/platform.c:.*CLOCK_REALTIME' |
      grep -v 'src/platform/upkeep.c:.*CLOCK_REALTIME')
[ -z "$bad" ] || fail "wall-clock or 32-bit time used: $bad"
grep -q 'SDL_GetPerformanceCounter' src/platform/*.c || fail "the loop does not use the performance counter"
echo "clocks: only SDL_GetPerformanceCounter drives frames and timeouts"
#    A wall-clock jump while running (libfaketime moves the wall clock only,
#    when it is installed): nothing changes.
FT=$(ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -n 1)
# (Not under emulation or the sanitizers: a preloaded library must not come
# before their runtimes.)
if [ -n "$FT" ] && [ -z "$OPENDAY_EXEC" ] && [ -z "$OPENDAY_SAN" ]; then
    echo "+0" >"$T/faketime"
    LD_PRELOAD="$FT" FAKETIME_TIMESTAMP_FILE="$T/faketime" FAKETIME_NO_CACHE=1 \
        DONT_FAKE_MONOTONIC=1 $O --windowed 800x480 --no-state --loop --stats >"$T/log" 2>&1 &
    pid=$!
    sleep 1
    kill -USR1 $pid
    sleep 0.3
    set -- $(frames)
    f0=$1
    echo "+1d" >"$T/faketime"
    sleep 0.5
    echo "-3d" >"$T/faketime"
    sleep 0.7
    kill -USR1 $pid
    sleep 0.3
    set -- $(frames)
    n=$(($1 - f0))
    [ $n -ge 60 ] && [ $n -le 110 ] || fail "$n frames in 1.5 s across wall-clock jumps"
    echo "wall clock jumped +1 day and -3 days: $n frames in 1.5 s, as without"
    stop TERM
else
    echo "wall-clock jump: skipped (needs libfaketime, Debian package faketime; not with SAN=1 or emulation)"
fi
echo ok
