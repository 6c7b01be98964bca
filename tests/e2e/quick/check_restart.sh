#!/bin/sh
# The restart-loop guard end to end: a kiosk killed (SIGKILL, as the
# watchdog does) again and again on the same content stops starting on it
# and says why; a clean exit forgets the record and the next start is as
# usual. Each start runs for a moment in the real loop (dummy video driver).
. tests/helpers/prologue.sh
fail() { echo "FAIL: $*"; cat "$T/log" 2>/dev/null; exit 1; }
cp -r content "$T/content"
start() {
    "$O" --kiosk --content "$T/content" --state-dir "$T/state" >"$T/out" 2>"$T/log" &
    pid=$!
    # Up when the first frame is on screen (the renderer is logged before).
    i=0
    while [ $i -lt 100 ] && ! grep -q "renderer" "$T/log"; do sleep 0.05; i=$((i + 1)); done
    sleep 0.3
    kill -0 $pid 2>/dev/null || fail "the kiosk did not stay up"
}
for n in 1 2 3; do
    start
    grep -q "stopped .* times" "$T/log" && fail "start $n already refused the content"
    kill -9 $pid; wait $pid 2>/dev/null; pid=""
done
start
grep -q "stopped 3 times" "$T/log" || fail "the fourth start after three kills did not notice the loop"
grep "stopped 3 times" "$T/log"
# A clean stop (SIGTERM) forgets the record: the next start is as usual.
kill -TERM $pid; wait $pid; rc=$?; pid=""
[ $rc -eq 0 ] || fail "SIGTERM: exit status $rc"
start
grep -q "stopped .* times" "$T/log" && fail "the start after a clean exit still counted the kills"
kill -TERM $pid; wait $pid; pid=""
echo "restart guard: three kills -> the fourth start refused the content; a clean exit reset it"
