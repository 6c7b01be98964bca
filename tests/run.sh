#!/bin/sh
# Runs one tier of the tests, headless, and ends with the summary line
# "N passed, N failed". Usage: sh tests/run.sh BUILD_DIR [quick|long]
#
# The folder an item is in decides its tier (tests/README.md maps them):
#   quick (make test, the default): every unit program of tests/unit in its
#     default, short form; every script of tests/e2e/quick (a long check
#     keeps a smoke of itself here); every replay journey of tests/replay.
#     Meant to take at most 90 s.
#   long (make test-long): only what the quick tier cuts short. The unit
#     programs named in tests/e2e/long/unit.list run again with
#     OPENDAY_TEST_LONG=1, then every script of tests/e2e/long. A long
#     script either stands alone or is a thin wrapper that runs the quick
#     script of the same name with OPENDAY_TEST_LONG=1; the variable is
#     exported to everything in the long tier.
# A unit program has a long variant when its source, tests/unit/NAME.c,
# reads OPENDAY_TEST_LONG: the use of the variable is the marker, and both
# tiers fail (the item "unit.list") when the list and the sources disagree,
# a reader left out or a listed name that reads nothing. So a program cannot
# gain a long form that the long tier misses, and the quick tier, run far
# more often, is where the omission shows first.
#
# Foreign builds (make test-cross): OPENDAY_EXEC is a command prefix, such as
# "qemu-aarch64", put before every program this script starts from BUILD_DIR;
# unset or empty, programs run directly. Scripted checks follow it like this:
# they start the app as "${OPENDAY_APP:-$B/openday}" (run.sh exports
# OPENDAY_APP, a wrapper that adds the prefix), and any other program from
# BUILD_DIR as $OPENDAY_EXEC "$B/prog" (unquoted: it may be several words).
B=${1:-build}
TIER=${2:-quick}
case $TIER in
quick) unset OPENDAY_TEST_LONG ;;
long) export OPENDAY_TEST_LONG=1 ;;
*) echo "usage: sh tests/run.sh BUILD_DIR [quick|long]" >&2; exit 2 ;;
esac
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
log=$B/test-logs/$TIER
mkdir -p "$log"
rm -f "$log"/*.status
tier_start=$(date +%s)

# Whole seconds an item took, for the result line: where the tier's time
# goes is part of what it reports.
now() { date +%s; }

UNIT=tests/unit
QUICK=tests/e2e/quick
LONG=tests/e2e/long
LONG_UNITS=$LONG/unit.list

# The unit programs with a long variant, checked against their sources in
# both tiers (see above): the names in unit.list, one a line, "#" starting
# a comment.
long_units=$(awk '{ sub(/#.*/, "") } NF { print $1 }' "$LONG_UNITS" 2>/dev/null)
listed() { echo "$long_units" | grep -qx -- "$1"; }
list_ok=1
for src in "$UNIT"/test_*.c; do
    name=$(basename "$src" .c)
    if grep -q OPENDAY_TEST_LONG "$src" && ! listed "$name"; then
        echo "$src reads OPENDAY_TEST_LONG but $LONG_UNITS does not name $name"
        list_ok=""
    fi
done
for name in $long_units; do
    if ! grep -q OPENDAY_TEST_LONG "$UNIT/$name.c" 2>/dev/null; then
        echo "$LONG_UNITS names $name, but $UNIT/$name.c does not read OPENDAY_TEST_LONG"
        list_ok=""
    fi
done
if [ -z "$list_ok" ]; then
    failed=$((failed + 1)); failures="$failures unit.list"
    printf '%-28s %s\n' "unit.list" FAILED
fi

# 0. A check that spends its time compiling, waiting or searching, and
#    measures nothing that other work on the machine would disturb, says so
#    with a line "# run.sh: alongside"; it starts first, in the background,
#    and is reported at the end. In the quick tier it runs beside
#    everything; in the long tier only beside the unit programs (a week of
#    simulated time and a storm of events, which count, never time), and
#    the tier waits for it before the long scripts, some of which time
#    frames and stalls on a machine as quiet as it gets.
alongside=""
adir=$QUICK
[ "$TIER" = long ] && adir=$LONG
for c in "$adir"/*.sh; do
    [ -f "$c" ] && grep -q '^# run.sh: alongside' "$c" || continue
    name=$(basename "$c" .sh)
    alongside="$alongside $name"
    (
        t0=$(now)
        sh "$c" "$B" >"$log/$name.log" 2>&1
        rc=$?
        echo "$rc $(($(now) - t0))" >"$log/$name.status"
    ) &
done

# 1. cmocka unit and integration tests: one program per module, built from
#    each tests/unit/NAME.c as BUILD_DIR/tests/NAME; in the long tier, those
#    of unit.list. A source whose program was not built is a failure, not a
#    test left out.
if [ "$TIER" = long ]; then
    units=$long_units
else
    units=$(for src in "$UNIT"/test_*.c; do [ -f "$src" ] && basename "$src" .c; done)
fi
for name in $units; do
    t=$B/tests/$name
    if [ ! -x "$t" ]; then
        failed=$((failed + 1)); failures="$failures $name"
        printf '%-28s not built (make %s)\n' "$name" "$t"
        continue
    fi
    t0=$(now)
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
    printf '%-28s %4d passed %4d failed %5d s\n' "$name" "$p" "$f" $(($(now) - t0))
done

# In the long tier, what ran alongside the unit programs ends before the
# scripts start (see 0).
[ "$TIER" = long ] && wait

# 2. Scripted checks: each script of tests/e2e/quick (quick) or
#    tests/e2e/long (long) is one test (exit 0 = pass).
dir=$QUICK
[ "$TIER" = long ] && dir=$LONG
for c in "$dir"/*.sh; do
    [ -f "$c" ] || continue
    name=$(basename "$c" .sh)
    case " $alongside " in *" $name "*) continue ;; esac
    t0=$(now)
    if sh "$c" "$B" >"$log/$name.log" 2>&1; then
        passed=$((passed + 1)); r=ok
    else
        failed=$((failed + 1)); r=FAILED; failures="$failures $name"
        cat "$log/$name.log"
    fi
    printf '%-28s %-18s %5d s\n' "$name" "$r" $(($(now) - t0))
done

# 3. Replay journeys (quick tier): tests/replay/*.replay, each run with the
#    options on its first line "# args: ..." and expected to exit 0.
for s in tests/replay/*.replay; do
    [ "$TIER" = quick ] && [ -f "$s" ] || continue
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

# 4. The checks that ran alongside.
wait
for name in $alongside; do
    set -- $(cat "$log/$name.status" 2>/dev/null || echo "1 0")
    if [ "$1" -eq 0 ]; then
        passed=$((passed + 1)); r="ok (alongside)"
    else
        failed=$((failed + 1)); r=FAILED; failures="$failures $name"
        cat "$log/$name.log"
    fi
    printf '%-28s %-18s %5d s\n' "$name" "$r" "$2"
done

[ -n "$failures" ] && echo "failing:$failures"
echo "$TIER tier: $(($(now) - tier_start)) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
