#!/bin/sh
# Live churn for `make test-long` (issue 11): for OPENDAY_CHURN_SECONDS
# (default 180) the running kiosk's content folder is renamed away and back,
# deleted and recreated, written slowly in halves and edited, its language
# set changed (French added to openday.json and taken away again) and its
# content font replaced, while replays started on the same folder switch
# the visitor language back and forth (each must end normally, or with exit
# status 2 when it started on content caught half written), in three
# phases: a usable state folder, a full one (a file size limit of 4 KiB, as
# a full disk gives EFBIG), and a usable one again after a restart on what
# was kept. Throughout, the kiosk must stay up and keep drawing (frame counts
# from SIGUSR1 must grow); at the end last-good must be valid and hold the
# last valid edit, and SIGTERM must exit 0.
. tests/helpers/prologue.sh
O="${OPENDAY_EXEC:+$OPENDAY_EXEC }$B/openday"
SECS=${OPENDAY_CHURN_SECONDS:-180}
fail() { echo "FAIL: $*"; echo "--- log (last 40 lines):"; tail -n 40 "$T/log"; exit 1; }

frames() { # the latest frame count printed by SIGUSR1
    sed -n 's/^frames \([0-9]*\),.*/\1/p' "$T/log" | tail -n 1
}

# start [LIMIT_KIB]: the kiosk on $T/c with state $T/s, optionally with a
# file size limit (a full disk for everything it writes).
start() {
    # The log goes through a pipe: the size limit must hit the state folder,
    # not the log.
    rm -f "$T/pipe" && mkfifo "$T/pipe"
    cat "$T/pipe" >>"$T/log" &
    (
        [ -n "$1" ] && ulimit -f "$1"
        # shellcheck disable=SC2086
        exec $O --windowed 800x480 --content "$T/c" --state-dir "$T/s" --stats \
            --attract-after 1 >"$T/pipe" 2>&1
    ) &
    pid=$!
    sleep 1
    kill -0 $pid 2>/dev/null || fail "the kiosk did not start"
    last=0
}

stop() {
    kill -TERM $pid
    wait $pid
    rc=$?
    pid=""
    [ $rc -eq 0 ] || fail "exit status $rc after SIGTERM"
}

# alive: the kiosk runs and drew frames since the last look.
alive() {
    kill -0 $pid 2>/dev/null || fail "the kiosk died ($1)"
    kill -USR1 $pid
    sleep 0.2
    f=$(frames)
    [ -n "$f" ] && [ "$f" -gt "$last" ] || fail "no frame drawn since the last look ($1): $last then $f"
    last=$f
}

FONTS=/usr/share/fonts/opentype/inter
# The content with a font of its own, which the churn replaces.
setup_content() { # DIR
    cp -r content "$1"
    mkdir -p "$1/fonts"
    cp "$FONTS/Inter-Regular.otf" "$1/fonts/brand.otf"
    sed -i 's|"font_family": "Inter",|"font_family": "Inter", "font_file": "fonts/brand.otf",|' \
        "$1/theme.json"
}

# A visitor switching languages: the chooser, German, the chooser, English.
cat >"$T/lang.replay" <<'EOF2'
0      tap 0.5 0.5
       wait 400
       tap 0.865 0.077
       wait 200
       tap 0.77 0.486
       wait 300
       tap 0.865 0.077
       wait 200
       tap 0.77 0.4
       wait 300
       tap 0.256 0.72
       wait 300
EOF2
# switcher: replays one after another until $T/stop appears; any exit but 0
# (played) or 2 (started on broken content) is a failure, written down.
switcher() {
    mkdir -p "$T/rs"
    while [ ! -e "$T/stop" ]; do
        # shellcheck disable=SC2086
        timeout 60 $O --replay "$T/lang.replay" --content "$T/c" --state-dir "$T/rs" \
            --size 800x480 >"$T/replay.log" 2>&1
        r=$?
        echo "$r" >>"$T/replays"
        case $r in
        0 | 2) ;;
        *) cp "$T/replay.log" "$T/replay-failed.log" ;;
        esac
        sleep 0.3
    done
}

edit=0
# One valid version of the content, numbered, written into folder $1.
version() {
    edit=$((edit + 1))
    sed -i "s/\"Music Production[^\"]*\"/\"Music Production v$edit\"/" "$1/degrees.json"
}

churn() { # SECONDS
    end=$(($(date +%s) + $1))
    while [ "$(date +%s)" -lt "$end" ]; do
        # renamed away and back
        mv "$T/c" "$T/away"; sleep 0.4; mv "$T/away" "$T/c"; sleep 0.6
        alive "after a rename away and back"
        # deleted and recreated with a new version
        rm -rf "$T/c"; sleep 0.4
        setup_content "$T/new" && version "$T/new" && mv "$T/new" "$T/c"; sleep 0.6
        alive "after delete and recreate"
        # written slowly in halves: the half is invalid, the whole is new
        cp "$T/c/degrees.json" "$T/whole" && version "$T/c" && cp "$T/c/degrees.json" "$T/whole"
        n=$(wc -c <"$T/whole")
        head -c $((n / 2)) "$T/whole" >"$T/c/degrees.json"; sleep 0.5
        tail -c +$((n / 2 + 1)) "$T/whole" >>"$T/c/degrees.json"; sleep 0.8
        alive "after a slow write in halves"
        # the language set: French added (valid, with warnings), then gone
        sed -i 's/"languages": \["en", "de"\]/"languages": ["en", "de", "fr"]/' "$T/c/openday.json"
        sleep 0.8
        alive "after a language was added"
        sed -i 's/"languages": \["en", "de", "fr"\]/"languages": ["en", "de"]/' "$T/c/openday.json"
        sleep 0.8
        alive "after a language was removed"
        # the content font replaced in one step, by another face
        font=Inter-Italic.otf
        cmp -s "$T/c/fonts/brand.otf" "$FONTS/$font" && font=Inter-Regular.otf
        cp "$FONTS/$font" "$T/c/fonts/brand.new" && mv "$T/c/fonts/brand.new" "$T/c/fonts/brand.otf"
        version "$T/c"
        sleep 0.8
        alive "after the content font was replaced"
    done
}

[ -f "$FONTS/Inter-Regular.otf" ] && [ -f "$FONTS/Inter-Italic.otf" ] \
    || fail "fonts-inter is needed (make deps)"
setup_content "$T/c"
"$B/openday" --check "$T/c" >/dev/null 2>&1 || fail "the churn's own content is not valid"
: >"$T/log"
third=$((SECS / 3))
switcher &
switcher_pid=$!
at_exit() { touch "$T/stop"; wait "$switcher_pid" 2>/dev/null; }
start
churn $third
stop
echo "phase 1 ($third s, state usable): $(grep -c 'new content on screen' "$T/log") reloads, $(grep -c 'still showing' "$T/log") rejected"
: >"$T/log"
start 4
churn $third
grep -q "could not keep a last-known-good copy" "$T/log" || fail "the full state folder was not logged"
stop
echo "phase 2 ($third s, state full): kept drawing; $(grep -c 'new content on screen' "$T/log") reloads"
: >"$T/log"
start
churn $((SECS - 2 * third))
sleep 2
alive "at the end"
stop
touch "$T/stop"
wait "$switcher_pid"
[ -f "$T/replay-failed.log" ] && { cat "$T/replay-failed.log"; fail "a language-switching replay failed"; }
played=$(grep -c '^0$' "$T/replays")
[ "$played" -gt 0 ] || fail "no language-switching replay played to its end"
echo "replays switching languages: $(wc -l <"$T/replays"), $played played to the end, the others started on broken content"
"$B/openday" --check "$T/s/last-good" >/dev/null 2>&1 || fail "last-good is not valid at the end"
cmp -s "$T/s/last-good/degrees.json" "$T/c/degrees.json" \
    || fail "last-good does not hold the last valid edit"
echo "long_churn: $SECS s of churn, $edit versions, languages and fonts changed, the kiosk drew throughout; last-good valid and current"
