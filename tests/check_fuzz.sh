#!/bin/sh
# Bounded fuzzing inside `make test`: the content fuzzer for 60 s (override
# with FUZZ_SECONDS) when clang is installed. `make fuzz` runs it longer.
B=${1:-build}
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
sh tests/fuzz/run.sh "$B" "${FUZZ_SECONDS:-60}"
