#!/bin/sh
# Build and run the content fuzzer. Usage: sh tests/fuzz/run.sh BUILD SECONDS
# (FUZZ_ONLY=usage, config or a content file's name, e.g. quiz.json: every
# input goes to that target; see fuzz_content.c)
# Builds BUILD/fuzz/fuzz_content with clang and libFuzzer + AddressSanitizer +
# UndefinedBehaviorSanitizer (leak checking on), seeds it with the shipped
# content and every JSON file of the hostile suite, runs it for SECONDS, and
# prints executions, edge coverage and, when llvm-cov is there, the line
# coverage of the loader. Fails on any crash, leak or undefined behaviour.
set -e
B=${1:-build}
SECS=${2:-60}
F="$B/fuzz"
CC=${FUZZ_CC:-clang}
command -v "$CC" >/dev/null || { echo "fuzz: $CC is not installed (Debian package clang)"; exit 1; }
mkdir -p "$F/seeds" "$F/corpus"
PKG=${PKG_CONFIG:-pkg-config}
# The target draws too (the software renderer, real fonts): SDL's packages.
DRAW_PKGS="libcjson libunibreak libqrencode libidn2 icu-uc sdl2 SDL2_ttf SDL2_image fontconfig libpng"
CJSON_CFLAGS=$($PKG --cflags $DRAW_PKGS)
CJSON_LIBS=$($PKG --libs $DRAW_PKGS)
# Every module of the pure layers below the app, by folder (a new file needs
# no edit here), the readers of the state folder's usage.tsv and of the
# configuration file (with the command line it becomes), and the platform
# modules that draw (fonts, hyphenation).
SRC="$(ls src/base/*.c src/content/*.c src/ui/*/*.c | tr '\n' ' ')
     src/core/usage.c src/core/config.c src/core/cli.c src/core/schedule.c
     src/platform/font.c src/platform/hyph.c src/platform/render.c tests/fuzz/fuzz_content.c"
# -iquote as in the Makefile: the platform's drm.h must not hide libdrm's.
COMMON="-std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -g -O1 -iquote src/base -iquote src/content -iquote src/ui/toolkit -iquote src/ui/screens -iquote src/ui/frame -iquote src/core -iquote src/platform $CJSON_CFLAGS"
# A hang is a finding: an input that takes longer than this fails the run.
FUZZ_TIMEOUT=${FUZZ_TIMEOUT:-10}
# shellcheck disable=SC2086
$CC $COMMON -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    $SRC -o "$F/fuzz_content" $CJSON_LIBS -lhyphen -lm

# Seeds: selector byte (the file's index in load order, content_files.h;
# then usage.tsv and the configuration file, fuzz_content.c) + the bytes.
idx() {
    case "$1" in
    openday.json) echo 0 ;; careers.json) echo 1 ;; awards.json) echo 2 ;;
    degrees.json) echo 3 ;; attract.json) echo 4 ;; theme.json) echo 5 ;;
    strings.json) echo 6 ;; talks.json) echo 7 ;; quiz.json) echo 8 ;;
    notices.json) echo 9 ;; *.tsv) echo 10 ;; *.conf) echo 11 ;; *) echo "" ;;
    esac
}
n=0
for f in content/*.json tests/department/*.json tests/data/hostile/*/*.json \
         tests/fuzz/seeds/*; do
    [ -f "$f" ] || continue
    i=$(idx "$(basename "$f")")
    [ -n "$i" ] || continue
    [ "$(wc -c <"$f")" -le 65536 ] || continue
    n=$((n + 1))
    { printf "\\$(printf '%03o' "$i")"; cat "$f"; } >"$F/seeds/seed-$n"
done

echo "fuzz: $n seeds, running for $SECS s"
FUZZ_ONLY=${FUZZ_ONLY:-} SDL_VIDEODRIVER=dummy ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    LSAN_OPTIONS=suppressions=$(pwd)/tests/helpers/lsan.supp:print_suppressions=0 \
    "$F/fuzz_content" -max_total_time="$SECS" -max_len=65536 -rss_limit_mb=2048 \
    -timeout="$FUZZ_TIMEOUT" \
    -print_final_stats=1 -artifact_prefix="$F/" "$F/corpus" "$F/seeds" >"$F/log" 2>&1 || {
    tail -n 60 "$F/log"
    echo "fuzz: FAILED (crash input saved under $F/)"
    exit 1
}
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$F/log")
cov=$(grep -o 'cov: [0-9]*' "$F/log" | tail -n 1)
ft=$(grep -o 'ft: [0-9]*' "$F/log" | tail -n 1)
echo "fuzz: $execs executions in $SECS s, $cov edges, $ft features, corpus $(ls "$F/corpus" | wc -l) inputs, no crash, leak or UB"

# Line coverage of the loader and layout from the corpus (optional).
if command -v llvm-profdata >/dev/null && command -v llvm-cov >/dev/null; then
    # shellcheck disable=SC2086
    $CC $COMMON -fsanitize=fuzzer -fprofile-instr-generate -fcoverage-mapping \
        $SRC -o "$F/fuzz_cov" $CJSON_LIBS -lhyphen -lm
    SDL_VIDEODRIVER=dummy LLVM_PROFILE_FILE="$F/cov.profraw" "$F/fuzz_cov" -runs=0 "$F/corpus" "$F/seeds" \
        >/dev/null 2>&1 || true
    llvm-profdata merge -sparse "$F/cov.profraw" -o "$F/cov.profdata"
    llvm-cov report "$F/fuzz_cov" -instr-profile="$F/cov.profdata" src/content/content.c \
        src/ui/frame/frame.c src/ui/screens/parts.c src/platform/render.c 2>/dev/null |
        awk '/\.c |^TOTAL/ { printf "fuzz: coverage %-18s lines %s of %s (%s), branches %s\n", $1, $8 - $9, $8, $10, $13 }'
fi
