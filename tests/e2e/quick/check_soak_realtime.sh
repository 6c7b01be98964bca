#!/bin/sh
# The soak with the real clock: the unattended attract loop (--loop) in the
# real frame loop, resident memory sampled as it runs, the text cache under
# its cap and a clean exit on SIGTERM.
#   quick tier: a 10-second smoke, sampled every 2 s: the loop runs, the
#     figures print on SIGUSR1, nothing is bounded that needs a warm-up;
#   long tier (OPENDAY_TEST_LONG=1, tests/e2e/long/long_soak_realtime.sh): two
#     minutes and a half, sampled every 10 s; after a minute of warm-up (the
#     six slides of the loop seen once) memory may not grow by 1 MiB or more.
# (Under SAN=1, where freed memory sits in a quarantine, 20 s without the
# memory bound; skipped under emulation.)
# run.sh: alongside
# (In the quick tier it runs in the background of the other tests: the
# smoke checks that the loop lives and stays within its caches, which load
# does not change, and it spends its time waiting.)
. tests/helpers/prologue.sh
if [ -n "$OPENDAY_EXEC" ]; then
    echo "skipped under emulation: two minutes of real time there measure qemu"
    exit 0
fi
# BOUND: whether the run is long enough for the memory bound to mean
# anything.
if [ -n "$OPENDAY_TEST_LONG" ]; then
    SECS=150 WARM=60 STEP=10 BOUND=1
else
    SECS=10 WARM=4 STEP=2 BOUND=""
fi
[ -n "$OPENDAY_SAN" ] && SECS=20 WARM=10 STEP=10 BOUND=""
SECS=${SOAK_SECONDS:-$SECS}
SDL_VIDEODRIVER=dummy "$O" --windowed 800x480 --no-state --loop --stats >"$T/log" 2>&1 &
pid=$!
rss() { awk '/^VmRSS:/ { print $2 }' /proc/$pid/status; }
t=0
warm=""
hi=0
while [ $t -lt "$SECS" ]; do
    sleep $STEP
    t=$((t + STEP))
    kill -0 $pid 2>/dev/null || fail "the app died after $t s: $(tail -n 5 "$T/log")"
    r=$(rss)
    echo "t=${t}s rss=${r} KiB"
    if [ $t -ge $WARM ]; then
        [ -z "$warm" ] && warm=$r
        [ "$r" -gt "$hi" ] && hi=$r
    fi
done
kill -USR1 $pid
sleep 0.5
kill -TERM $pid
wait $pid
rc=$?
pid=""
[ $rc -eq 0 ] || fail "exit status $rc"
grep '^frames\|^layouts' "$T/log" | tail -n 2
entries=$(grep '^layouts' "$T/log" | tail -n 1 | sed 's/.* \([0-9]*\) entries.*/\1/')
[ "$entries" -le 1024 ] || fail "text cache over its cap: $entries entries"
if [ -n "$BOUND" ]; then
    growth=$((hi - warm))
    [ $growth -lt 1024 ] || fail "resident memory grew by $growth KiB after warm-up"
    echo "real time ${SECS} s: resident ${warm} KiB after warm-up, peak ${hi} KiB (growth ${growth} KiB)"
fi
echo ok
