#!/bin/sh
# Runs every test program and scripted check, headless, and ends with the
# summary line "N passed, N failed". Usage: sh tests/run.sh BUILD_DIR
#
# Foreign builds (make test-cross): OPENDAY_EXEC is a command prefix, such as
# "qemu-aarch64", put before every program this script starts from BUILD_DIR;
# unset or empty, programs run directly. Scripted checks follow it like this:
# they start the app as "${OPENDAY_APP:-$B/openday}" (run.sh exports
# OPENDAY_APP, a wrapper that adds the prefix), and any other program from
# BUILD_DIR as $OPENDAY_EXEC "$B/prog" (unquoted: it may be several words).
B=${1:-build}
X=${OPENDAY_EXEC:-}
export OPENDAY_EXEC="$X"
OPENDAY_APP=$B/openday
if [ -n "$X" ]; then
    OPENDAY_APP=$B/openday-run
    printf '#!/bin/sh\nexec %s "$(dirname "$0")/openday" "$@"\n' "$X" >"$OPENDAY_APP"
    chmod +x "$OPENDAY_APP"
fi
export OPENDAY_APP
passed=0
failed=0
failures=""
log=$B/test-logs
mkdir -p "$log"

# 1. cmocka unit and integration tests: one program per module.
for t in "$B"/tests/test_*; do
    [ -x "$t" ] || continue
    name=$(basename "$t")
    # shellcheck disable=SC2086
    $X "$t" >"$log/$name.log" 2>&1
    rc=$?
    p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log/$name.log" | awk '{s+=$1} END {print s+0}')
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log/$name.log" | awk '{s+=$1} END {print s+0}')
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi   # crashed before its summary
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$f" -ne 0 ]; then
        failures="$failures $name"
        cat "$log/$name.log"
    fi
    printf '%-28s %4d passed %4d failed\n' "$name" "$p" "$f"
done

# 2. Scripted checks: each tests/check_*.sh is one test (exit 0 = pass).
for c in tests/check_*.sh; do
    [ -f "$c" ] || continue
    name=$(basename "$c" .sh)
    if sh "$c" "$B" >"$log/$name.log" 2>&1; then
        passed=$((passed + 1)); r=ok
    else
        failed=$((failed + 1)); r=FAILED; failures="$failures $name"
        cat "$log/$name.log"
    fi
    printf '%-28s %s\n' "$name" "$r"
done

# 3. Replay journeys: tests/replay/*.replay, each run with the options on its
#    first line "# args: ..." and expected to exit 0.
for s in tests/replay/*.replay; do
    [ -f "$s" ] || continue
    name=$(basename "$s" .replay)
    args=$(sed -n '1s/^# args://p' "$s")
    # shellcheck disable=SC2086
    if "$OPENDAY_APP" --replay "$s" $args >"$log/replay-$name.log" 2>&1; then
        passed=$((passed + 1)); r=ok
    else
        failed=$((failed + 1)); r=FAILED; failures="$failures replay:$name"
        cat "$log/replay-$name.log"
    fi
    printf '%-28s %s\n' "replay:$name" "$r"
done

[ -n "$failures" ] && echo "failing:$failures"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
