#!/bin/sh
# The content fuzzer (tests/fuzz/run.sh) when clang is installed: a smoke of
# 5 s in the quick tier, which proves the fuzzer builds, takes every seed and
# finds nothing at once; 300 s in the long tier (OPENDAY_TEST_LONG=1,
# tests/e2e/long/long_fuzz.sh). FUZZ_SECONDS overrides either; `make fuzz`
# runs it for 10 minutes.
# run.sh: alongside
# (In the quick tier it runs in the background of the other tests: it
# spends its time compiling and fuzzing on one core and times nothing.)
. tests/helpers/prologue.sh
if ! command -v clang >/dev/null; then
    echo "skipped: clang is not installed, so the fuzzer cannot be built"
    exit 0
fi
if [ -n "$OPENDAY_SAN" ]; then
    echo "skipped under SAN=1: the fuzzer always runs with its own sanitizers (plain make test)"
    exit 0
fi
if [ -n "$OPENDAY_EXEC" ]; then
    echo "skipped: the fuzzer is built for this machine, not for $OPENDAY_EXEC"
    exit 0
fi
secs=5
[ -n "$OPENDAY_TEST_LONG" ] && secs=300
sh tests/fuzz/run.sh "$B" "${FUZZ_SECONDS:-$secs}"
