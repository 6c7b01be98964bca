#!/bin/sh
# make memcheck: valgrind's memcheck over the whole visitor tour, drawing
# every frame (--realtime), and over the real frame loop with a live content
# reload and SIGTERM. Any invalid read or write, use of uninitialised memory,
# or memory of ours definitely or indirectly lost fails. Memory that system
# libraries keep for the life of the process (still reachable) is reported,
# not failed.
. tests/helpers/prologue.sh
VG="valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect
    --errors-for-leak-kinds=definite,indirect --error-exitcode=1 --track-origins=yes
    --suppressions=tests/helpers/valgrind.supp"
status=0
run() { # NAME ARGS...
    name=$1
    shift
    t0=$(date +%s)
    # shellcheck disable=SC2086
    if $VG "$@" >"$T/$name.log" 2>&1; then
        echo "memcheck $name: clean ($(( $(date +%s) - t0 )) s)"
    else
        echo "memcheck $name: FAILED"
        cat "$T/$name.log"
        status=1
    fi
}
run journey "$B/openday" --replay tests/replay/journey.replay --attract-after 20 --realtime \
    --size 800x480
run tour "$B/openday" --replay tests/bench/tour.replay --attract-after 0 --realtime --size 800x480
# Larger text and high contrast on and off: every text again at new sizes and
# colours, fonts opened at those sizes.
run access "$B/openday" --replay tests/replay/access-choices.replay --attract-after 30 \
    --realtime --size 800x480
run admin "$B/openday" --replay tests/replay/kiosk-refusals.replay --kiosk --size 800x480 \
    --admin-pin 2468

# The frame loop: start, live reload of an edit, a broken edit, SIGTERM.
# Under valgrind one thread runs at a time, and at start the kiosk reads each
# content language's hyphenation dictionary on a thread (German's takes a
# second or two natively, a minute or more here), so each step waits for the
# kiosk to say it is done, up to a limit, instead of sleeping a fixed time.
cp -r content "$T/c"
# shellcheck disable=SC2086
$VG "$B/openday" --windowed 800x480 --content "$T/c" --state-dir "$T/s" >"$T/loop.log" 2>&1 &
pid=$!
await() { # PATTERN SECONDS: 0 once the log has PATTERN
    n=0
    while [ "$n" -lt "$2" ]; do
        grep -q "$1" "$T/loop.log" && return 0
        kill -0 $pid 2>/dev/null || return 1
        sleep 1
        n=$((n + 1))
    done
    return 1
}
loop=ok
await "viewing distance" 180 || loop="no first frame within 180 s"
sleep 2
sed -i 's/"Music Production"/"Music Production 2"/' "$T/c/degrees.json"
[ "$loop" = ok ] && { await "new content on screen" 240 || loop="the edit was not shown within 240 s"; }
sed -i 's/"schema": 1/"schema": 1,,/' "$T/c/careers.json"
[ "$loop" = ok ] && { await "changed content in .* problem" 240 ||
    loop="the broken edit was not refused within 240 s"; }
kill -TERM $pid
wait $pid
rc=$?
pid=""
[ "$rc" -eq 0 ] || [ "$loop" != ok ] || loop="exit status $rc (valgrind found errors, or the exit was not clean)"
if [ "$loop" = ok ]; then
    echo "memcheck loop: clean (reload, rejected edit, SIGTERM)"
else
    echo "memcheck loop: FAILED: $loop"
    cat "$T/loop.log"
    status=1
fi
exit $status
