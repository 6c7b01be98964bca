#!/bin/sh
# bench.sh - openday's performance, and Chromium's on the same content, in one
# table. Usage: sh tests/bench/bench.sh BUILD_DIR   (make bench runs it)
#
# Everything is headless (SDL's dummy video driver, software renderer) and
# runs one thing at a time. Figures, per screen size:
#   first frame   --screenshot of Home: process start to PNG on disk, median
#                 of BENCH_RUNS runs (after one unmeasured run, so every run
#                 finds the files in the page cache), and the peak RSS;
#   tour          tests/bench/tour.replay played with --realtime at 60 fps:
#                 frame work mean / p99 / max, late frames, and the text cache
#                 per frame (from the two --stats lines);
#   start-up      the attract loop at 1920x1080 from a first start (no
#                 hyphenation tables in the state folder) and a restart, and
#                 with regional variants: time and CPU until every language
#                 has its table (the log says so), dictionaries read, CPU of
#                 the first 10 s, resident set at 15 s;
#   idle          the interactive app (--windowed) after its start-up work:
#                 CPU from /proc/PID/stat over 10 s from 2 s after that work
#                 ended (5 s after the start at the earliest), the
#                 rasterisations in that time (SIGUSR1 prints --stats at the
#                 start of the window, SIGTERM at its end), and the resident
#                 set at the end;
#   Chromium      when installed: the page --export-html writes, screenshot by
#                 headless Chromium at the same size, median of BENCH_RUNS.
# Read aloud (BENCH_SPEECH=0 skips it): the tour at 800x480 with speech off
# and on, late frames of each and the time to the first samples of speech.
# Once: callgrind instructions per frame over the tour (simulated time) at
# 800x480, and content scaling (bench_content, 1 to 1000 degrees).
#
# Processes are measured by bench_run (see tests/bench/bench_run.c for why not
# /usr/bin/time): wall time to the command's exit, CPU of the whole process
# tree, peak RSS of its largest process.
#
# Environment: BENCH_RUNS (default 5), BENCH_SIZES (default "800x480 720x1280
# 1920x1080"), BENCH_TOUR=0 / BENCH_SPEECH=0 / BENCH_IDLE=0 / BENCH_CALLGRIND=0 /
# BENCH_CHROMIUM=0 to skip a part, BENCH_CHROMIUM_BIN (default chromium),
# BENCH_CALLGRIND_DRAW=1 to count the drawing too (slow, see below).
# Output: the table on stdout, the same figures as JSON in BUILD_DIR/bench.json.

set -u
B=${1:-build}
APP=$B/openday
RUN=$B/bench_run
SCALE=$B/bench_content
RUNS=${BENCH_RUNS:-5}
SIZES=${BENCH_SIZES:-"800x480 720x1280 1920x1080"}
TOUR=tests/bench/tour.replay
CONTENT=content
CHROMIUM=${BENCH_CHROMIUM_BIN:-chromium}
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SDL_RENDER_DRIVER=software

for f in "$APP" "$RUN" "$SCALE"; do
    [ -x "$f" ] || { echo "bench: $f is missing; run make bench" >&2; exit 1; }
done
TMP=$(mktemp -d "${TMPDIR:-/tmp}/openday-bench-XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM
R=$TMP/results            # "key value" lines, turned into the table and JSON
: >"$R"
note() { printf '%s\n' "$*" >>"$TMP/notes"; }
put() { printf '%s %s\n' "$1" "$2" >>"$R"; }
say() { printf 'bench: %s\n' "$*" >&2; }

median() { sort -n | awk '{ v[NR] = $1 } END { if (!NR) print "nan";
    else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# field NAME < "a=1 b=2" -> the value of NAME
field() { tr ' ' '\n' | sed -n "s/^$1=//p" | head -n 1; }

# ---- the machine --------------------------------------------------------------
put meta.date "$(date -u '+%Y-%m-%d %H:%M UTC')"
put meta.cpu "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
put meta.cores "$(nproc)"
put meta.openday "$("$APP" --version 2>/dev/null | head -n 1)"
put meta.runs "$RUNS"

# ---- 1. first frame of Home -----------------------------------------------------
for s in $SIZES; do
    say "first frame $s"
    "$RUN" "$TMP/r" "$APP" --content "$CONTENT" --screenshot "$TMP/home.png" \
        --screen home --size "$s" >/dev/null 2>&1
    : >"$TMP/w"; : >"$TMP/m"; : >"$TMP/c"
    i=0
    while [ "$i" -lt "$RUNS" ]; do
        rm -f "$TMP/home.png"
        "$RUN" "$TMP/r" "$APP" --content "$CONTENT" --screenshot "$TMP/home.png" \
            --screen home --size "$s" >"$TMP/log" 2>&1
        if [ "$(field status <"$TMP/r")" != 0 ] || [ ! -s "$TMP/home.png" ]; then
            say "openday --screenshot failed at $s:"; cat "$TMP/log" >&2; exit 1
        fi
        field wall_ms <"$TMP/r" >>"$TMP/w"
        field maxrss_kib <"$TMP/r" >>"$TMP/m"
        field cpu_s <"$TMP/r" >>"$TMP/c"
        i=$((i + 1))
    done
    put "od.$s.start_ms" "$(median <"$TMP/w")"
    put "od.$s.rss_mib" "$(median <"$TMP/m" | awk '{ printf "%.1f", $1 / 1024 }')"
    put "od.$s.start_cpu_s" "$(median <"$TMP/c")"
done

# ---- 2 and 4. the tour in real time -------------------------------------------------
# The two --stats lines:
#   frames N, late N, work mean X ms, p99 Y ms, max Z ms
#   layouts N, text cache: H hits, M misses, R rasterised, E entries, S MiB
# Each number is taken as the word before its name (or after, for frames).
parse_stats() { # FILE PREFIX: the last pair of --stats lines in FILE
    awk -v p="$2" '
        /^frames [0-9]+, late/ { gsub(",", ""); f = $0 }
        /^layouts [0-9]+, text cache:/ { gsub(",", ""); l = $0 }
        END {
            if (f == "" || l == "") exit 1
            n = split(f, a, " ")
            for (i = 1; i < n; i++) {
                if (a[i] == "frames") print p ".frames", a[i + 1]
                if (a[i] == "late") print p ".late", a[i + 1]
                if (a[i] == "mean") print p ".work_mean_ms", a[i + 1]
                if (a[i] == "p99") print p ".work_p99_ms", a[i + 1]
                if (a[i] == "max") print p ".work_max_ms", a[i + 1]
            }
            n = split(l, a, " ")
            print p ".layouts", a[2]
            for (i = 2; i <= n; i++) {
                if (a[i] == "hits") print p ".hits", a[i - 1]
                if (a[i] == "misses") print p ".misses", a[i - 1]
                if (a[i] == "rasterised") print p ".rasterised", a[i - 1]
                if (a[i] == "entries") print p ".entries", a[i - 1]
                if (a[i] == "MiB") print p ".cache_mib", a[i - 1]
            }
        }' "$1"
}
if [ "${BENCH_TOUR:-1}" != 0 ]; then
    for s in $SIZES; do
        say "tour $s (real time, about a minute)"
        "$APP" --content "$CONTENT" --replay "$TOUR" --size "$s" --attract-after 0 --fps 60 \
            --stats --realtime >"$TMP/tour" 2>&1
        rc=$?
        if [ "$rc" -ne 0 ]; then
            say "the tour failed at $s (exit $rc):"; cat "$TMP/tour" >&2
            note "tour at $s failed (exit $rc)"
        elif ! parse_stats "$TMP/tour" "od.$s.tour" >>"$R"; then
            note "tour at $s: no --stats lines (does this openday have --replay --realtime?)"
        fi
        # Frame work by kind of screen: "screen degree moving: frames N, work
        # p50 X ms, p99 Y ms, max Z ms; cpu p50 ..." -> od.SIZE.kind.degree_moving.p50,
        # .cpu_p50 ... (cpu: the thread's CPU time, without the time the
        # machine gave other processes)
        awk -v p="od.$s.kind" '
            /^screen [^:]+: frames/ {
                k = $0; sub(/^screen /, "", k); sub(/:.*/, "", k); gsub(/ /, "_", k)
                line = $0; gsub("[,;]", "", line); n = split(line, a, " "); c = ""
                for (i = 1; i < n; i++) {
                    if (a[i] == "frames") print p "." k ".frames", a[i + 1]
                    if (a[i] == "cpu") c = "cpu_"
                    if (a[i] == "p50" || a[i] == "p99" || a[i] == "max") print p "." k "." c a[i], a[i + 1]
                }
            }' "$TMP/tour" >>"$R"
    done
fi

# ---- 2b. Read aloud: the same tour with speech on --------------------------------------
# At 800x480, off then on, back to back (so both see the same machine): the
# late frames of each (speech is made off the frame loop, so they must not
# grow), and from the --stats "speech" line the time from an utterance being
# asked for (when a screen's transition settles, or a touch) to its first
# samples ready to play, mean and worst: the target is under 300 ms from a
# screen opening (its transition settled, when the app asks for it). The
# transition itself lasts 250 ms (the app's default), shown added for the
# time from the touch.
if [ "${BENCH_SPEECH:-1}" != 0 ]; then
    s=800x480
    for m in off on; do
        say "tour $s, Read aloud $m (real time, about a minute)"
        flag=""
        [ "$m" = on ] && flag=--read-aloud
        # shellcheck disable=SC2086
        "$APP" --content "$CONTENT" --replay "$TOUR" --size "$s" --attract-after 0 --fps 60 \
            --stats --realtime $flag >"$TMP/sp.$m" 2>&1 ||
            { note "tour with Read aloud $m failed: $(tail -n 2 "$TMP/sp.$m" | tr '\n' ' ')"; continue; }
        put "sp.$m.late" "$(sed -n 's/^frames [0-9]*, late \([0-9]*\),.*/\1/p' "$TMP/sp.$m" | tail -n 1)"
        put "sp.$m.work_mean_ms" "$(sed -n 's/.*work mean \([0-9.]*\) ms.*/\1/p' "$TMP/sp.$m" | tail -n 1)"
    done
    line=$(grep '^speech [0-9]* said' "$TMP/sp.on" | tail -n 1)
    if [ -n "$line" ]; then
        put sp.said "$(echo "$line" | awk '{ print $2 }')"
        put sp.started "$(echo "$line" | sed -n 's/.* \([0-9]*\) started.*/\1/p')"
        put sp.first_ms_mean "$(echo "$line" | sed -n 's/.*first samples mean \([0-9.]*\) ms.*/\1/p')"
        put sp.first_ms_max "$(echo "$line" | sed -n 's/.*max \([0-9.]*\) ms$/\1/p')"
        put sp.transition_ms 250
    else
        note "Read aloud: no speech line in --stats (no eSpeak NG voice or audio device? see the log)"
    fi
fi

# ---- 3. an idle kiosk: CPU and rasterisations after warm-up ------------------------
cpu_ticks() { # PID -> utime + stime in clock ticks (fields 14 and 15 of stat)
    sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | awk '{ print $12 + $13 }'
}
now_ns() { date +%s%N; }
# The start-up work (hyphenation tables: read from the state folder, or
# built on a thread from the dictionaries) ends when every language of the
# content has said "hyphenation table for LANG" in the log.
langs=$(sed -n 's/.*"languages" *: *\[\(.*\)\].*/\1/p' "$CONTENT/openday.json" | tr ',' '\n' | grep -c '"')
[ "$langs" -gt 0 ] || langs=1
# wait_ready PID LOG N: until N languages have their table (at most 30 s);
# sets ready_ns and ready_ticks (the CPU the process used for it).
wait_ready() {
    wn=0
    while wc=$(grep -c 'hyphenation table for' "$2" 2>/dev/null); [ "${wc:-0}" -lt "$3" ] &&
          [ "$wn" -lt 300 ] && kill -0 "$1" 2>/dev/null; do
        sleep 0.1; wn=$((wn + 1))
    done
    ready_ns=$(now_ns); ready_ticks=$(cpu_ticks "$1")
}
ms_since() { awk -v a="$1" -v b="$(now_ns)" 'BEGIN { printf "%.0f", (b - a) / 1e6 }'; }
rss_kib() { sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$1/status" 2>/dev/null; }
hz=$(getconf CLK_TCK)
# idle NAME SIZE STATE [ARGS...]: the interactive app with the state folder
# STATE (its hyphenation tables already made, as on any start but the
# first). The figures start 2 s after the start-up work ends (and at least
# 5 s after the start) and last 10 s; the start-up work is reported on its
# own, and the resident set at the end (at least 15 s after the start).
idle() {
    name=$1 s=$2 st=$3
    shift 3
    launch=$(now_ns)
    "$APP" --windowed "$s" --content "$CONTENT" --stats --state-dir "$st" --fps 60 "$@" \
        >"$TMP/idle" 2>"$TMP/idle.err" &
    pid=$!
    wait_ready "$pid" "$TMP/idle.err" "$langs"
    put "od.$s.$name.startup_ms" "$(awk -v a="$launch" -v b="$ready_ns" 'BEGIN { printf "%.0f", (b - a) / 1e6 }')"
    [ -n "$ready_ticks" ] && put "od.$s.$name.startup_cpu_s" "$(awk -v t="$ready_ticks" -v hz="$hz" 'BEGIN { printf "%.3f", t / hz }')"
    sleep 2
    while [ "$(ms_since "$launch")" -lt 5000 ]; do sleep 0.1; done
    t0=$(now_ns); c0=$(cpu_ticks "$pid")
    if [ -z "$c0" ]; then
        say "openday --windowed exited early at $s:"; cat "$TMP/idle.err" >&2
        note "idle $name at $s: the app exited early"
        wait "$pid"
        return
    fi
    kill -USR1 "$pid"
    sleep 10
    t1=$(now_ns); c1=$(cpu_ticks "$pid")
    if [ -z "$c1" ]; then
        wait "$pid"
        note "idle $name at $s: the app died after SIGUSR1 (an openday without the --stats signal?)"
        return
    fi
    put "od.$s.$name.rss_mib" "$(rss_kib "$pid" | awk '{ printf "%.1f", $1 / 1024 }')"
    kill -TERM "$pid"
    wait "$pid"
    put "od.$s.$name.cpu_pct" "$(awk -v a="$c0" -v b="$c1" -v t0="$t0" -v t1="$t1" -v hz="$hz" \
        'BEGIN { printf "%.2f", 100 * (b - a) / hz / ((t1 - t0) / 1e9) }')"
    # The first pair of --stats lines is the warm-up (SIGUSR1), the last the exit.
    awk -v p="od.$s.$name" '
        /^frames [0-9]+, late/ { gsub(",", ""); fr[++nf] = $2 }
        /^layouts [0-9]+, text cache:/ {
            gsub(",", ""); for (i = 2; i <= NF; i++) if ($i == "rasterised") r[++nl] = $(i - 1)
        }
        END {
            if (nl >= 2) {
                print p ".rasterised_after_warmup", r[nl] - r[1]
                print p ".frames_after_warmup", fr[nf] - fr[1]
            }
        }' "$TMP/idle" >>"$R"
    grep -q "^od\.$s\.$name\.rasterised_after_warmup" "$R" ||
        note "idle $name at $s: SIGUSR1 printed no --stats (an openday without it?)"
}
# start NAME CONTENT STATE N: the attract loop at 1920x1080 from its start:
# the start-up work (time and CPU until N languages have their tables, and
# how many dictionaries were read for them), the CPU of the first 10 s and
# the resident set at 15 s.
start() {
    name=$1 dir=$2 st=$3 n=$4 s=1920x1080
    launch=$(now_ns)
    "$APP" --windowed "$s" --content "$dir" --state-dir "$st" --fps 60 >/dev/null 2>"$TMP/start.err" &
    pid=$!
    wait_ready "$pid" "$TMP/start.err" "$n"
    put "st.$name.ready_ms" "$(awk -v a="$launch" -v b="$ready_ns" 'BEGIN { printf "%.0f", (b - a) / 1e6 }')"
    put "st.$name.ready_cpu_s" "$(awk -v t="${ready_ticks:-0}" -v hz="$hz" 'BEGIN { printf "%.3f", t / hz }')"
    while [ "$(ms_since "$launch")" -lt 10000 ]; do sleep 0.05; done
    put "st.$name.cpu10_s" "$(awk -v t="$(cpu_ticks "$pid")" -v hz="$hz" 'BEGIN { printf "%.3f", t / hz }')"
    while [ "$(ms_since "$launch")" -lt 15000 ]; do sleep 0.05; done
    put "st.$name.rss15_mib" "$(rss_kib "$pid" | awk '{ printf "%.1f", $1 / 1024 }')"
    kill -TERM "$pid"
    wait "$pid"
    put "st.$name.built" "$(grep -c 'hyphenation table for .* built' "$TMP/start.err")"
    put "st.$name.dict_reads" "$(grep -c 'hyphenation table for .*(dictionary read)' "$TMP/start.err")"
    put "st.$name.langs" "$n"
}
if [ "${BENCH_IDLE:-1}" != 0 ]; then
    # The start: a first start (no tables yet: they are built) and a restart
    # (read from the state folder), as a kiosk that is switched on each day.
    state=$TMP/state
    rm -rf "$state"
    say "start-up at 1920x1080: first start, then a restart (15 s each)"
    start first "$CONTENT" "$state" "$langs"
    start restart "$CONTENT" "$state" "$langs"
    # Regional variants: the shipped set in de, de-AT and de-CH as well (their
    # texts fall back to English and German), from a first start.
    say "start-up with regional variants (15 s)"
    rm -rf "$TMP/variants" "$TMP/vstate"
    cp -r "$CONTENT" "$TMP/variants"
    sed 's/"languages": *\[[^]]*\]/"languages": ["en", "de", "de-AT", "de-CH"]/' \
        "$CONTENT/openday.json" >"$TMP/variants/openday.json"
    start variants "$TMP/variants" "$TMP/vstate" 4
    # A still screen needs the app to start on one. The brief's command starts
    # on the attract loop, which animates; an app that accepts --screen NAME
    # outside --screenshot starts still on Home.
    still=0
    "$APP" --windowed 320x240 --screen home --help >/dev/null 2>&1 && still=1
    for s in $SIZES; do
        say "idle kiosk $s (attract loop, 15 s)"
        idle attract "$s" "$state"
        if [ "$still" = 1 ]; then
            say "still Home $s (15 s)"
            idle still "$s" "$state" --screen home
        fi
    done
    [ "$still" = 1 ] || note "still screen: not measured; openday starts on the attract loop (animated) and has no way to start on a still screen (--screen outside --screenshot)"
fi

# ---- 5. instructions per frame (callgrind) ---------------------------------------
if [ "${BENCH_CALLGRIND:-1}" != 0 ] && command -v valgrind >/dev/null 2>&1; then
    # Simulated time lays out every frame but draws none (what the app
    # computes per frame); BENCH_CALLGRIND_DRAW=1 replays with --realtime,
    # which draws every frame too (at least the tour's length, plus
    # valgrind's slowdown of the drawing: minutes).
    draw=""
    [ "${BENCH_CALLGRIND_DRAW:-0}" = 0 ] || draw=--realtime
    put cg.mode "$([ -n "$draw" ] && echo "--realtime: app, layout and drawing" || echo "simulated time: app and layout, no drawing")"
    say "callgrind over the tour at 800x480 (${draw:-simulated time})"
    # The start-up (fonts, content) is measured alone and taken off.
    printf '0 wait 1\n' >"$TMP/empty.replay"
    ir() { # REPLAY -> total Ir, and the replay's closing line in $TMP/cg.log
        # shellcheck disable=SC2086
        valgrind --tool=callgrind --callgrind-out-file="$TMP/cg.out" "$APP" \
            --content "$CONTENT" --replay "$1" --size 800x480 --attract-after 0 $draw \
            >"$TMP/cg.log" 2>"$TMP/cg.err"
        sed -n 's/.*Collected : *//p' "$TMP/cg.err" | awk '{ print $1 }'
    }
    base=$(ir "$TMP/empty.replay")
    total=$(ir "$TOUR")
    secs=$(sed -n 's/.* events, \([0-9.]*\) s simulated.*/\1/p' "$TMP/cg.log")
    if [ -n "$base" ] && [ -n "$total" ] && [ -n "$secs" ]; then
        put cg.ir_total "$total"
        put cg.ir_startup "$base"
        put cg.frames "$(awk -v s="$secs" 'BEGIN { printf "%d", s * 60 }')"
        put cg.ir_per_frame "$(awk -v t="$total" -v b="$base" -v s="$secs" \
            'BEGIN { printf "%d", (t - b) / (s * 60) }')"
    else
        note "callgrind failed: $(tail -n 3 "$TMP/cg.err" | tr '\n' ' ')"
    fi
elif [ "${BENCH_CALLGRIND:-1}" != 0 ]; then
    note "callgrind: valgrind is not installed (make bench-deps)"
fi

# ---- 6. content scaling -----------------------------------------------------------
# Small sizes take milliseconds: more runs steady their medians.
for n in 1 10 100 1000; do
    say "content with $n degrees"
    runs=21
    [ "$n" -lt 1000 ] || runs=$((RUNS < 7 ? 7 : RUNS))
    if "$SCALE" "$CONTENT" "$n" "$runs" >"$TMP/scale" 2>"$TMP/scale.err"; then
        for k in load_ms layout_ms total_ms model_kib layout_kib maxrss_kib; do
            put "scale.$n.$k" "$(field "$k" <"$TMP/scale")"
        done
    else
        note "content scaling at $n degrees failed: $(head -n 3 "$TMP/scale.err" | tr '\n' ' ')"
    fi
done

# ---- 7. the peer: headless Chromium on the exported page ---------------------------
if [ "${BENCH_CHROMIUM:-1}" != 0 ] && command -v "$CHROMIUM" >/dev/null 2>&1; then
    site=$TMP/site
    if "$APP" --content "$CONTENT" --export-html "$site" >/dev/null 2>&1 &&
       [ -s "$site/index.html" ]; then
        put meta.page "openday --export-html"
    else
        rm -rf "$site"
        "$SCALE" --export-html "$CONTENT" "$site" || exit 1
        put meta.page "bench_content --export-html (this openday has no --export-html)"
    fi
    put meta.chromium "$("$CHROMIUM" --version 2>/dev/null | head -n 1)"
    url="file://$(cd "$site" && pwd)/index.html"
    shot() { # SIZE: one screenshot, measured, with a new profile
        prof=$(mktemp -d "$TMP/profile-XXXXXX")
        rm -f "$TMP/page.png"
        "$RUN" "$TMP/r" "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
            --disable-background-networking --disable-component-update --disable-sync \
            --user-data-dir="$prof" --window-size="$(echo "$1" | tr x ,)" \
            --screenshot="$TMP/page.png" "$url" >"$TMP/log" 2>&1
        rm -rf "$prof"
        [ -s "$TMP/page.png" ]
    }
    for s in $SIZES; do
        say "Chromium $s"
        shot "$s"
        : >"$TMP/w"; : >"$TMP/m"; : >"$TMP/c"
        i=0
        while [ "$i" -lt "$RUNS" ]; do
            if ! shot "$s"; then
                say "Chromium wrote no screenshot at $s:"; tail -n 5 "$TMP/log" >&2
                break
            fi
            field wall_ms <"$TMP/r" >>"$TMP/w"
            field maxrss_kib <"$TMP/r" >>"$TMP/m"
            field cpu_s <"$TMP/r" >>"$TMP/c"
            procs=$(field procs <"$TMP/r")
            i=$((i + 1))
        done
        if [ -s "$TMP/w" ]; then
            put "cr.$s.start_ms" "$(median <"$TMP/w")"
            put "cr.$s.rss_mib" "$(median <"$TMP/m" | awk '{ printf "%.1f", $1 / 1024 }')"
            put "cr.$s.cpu_s" "$(median <"$TMP/c")"
            put "cr.$s.procs" "$procs"
        fi
    done
elif [ "${BENCH_CHROMIUM:-1}" != 0 ]; then
    note "Chromium is not installed (make bench-chromium-deps): openday's figures alone"
fi

# ---- 8. the table, the targets, the JSON ------------------------------------------
[ -f "$TMP/notes" ] || : >"$TMP/notes"
cp "$R" "$B/bench-results.txt"   # the raw figures, for awk -f tests/bench/report.awk
awk -v sizes="$SIZES" -v json="$B/bench.json" -v notes="$TMP/notes" \
    -f tests/bench/report.awk "$R"
