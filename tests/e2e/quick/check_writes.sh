#!/bin/sh
# Every file the app writes on request (a screenshot, a --dump account, a
# --say WAV file, the pages of --export-html) is written through a temporary of a unique name
# renamed into place: a symlink at the target is replaced, never followed
# (the file it points to keeps its bytes), and a named pipe at the target is
# replaced, never opened (opening it for writing would wait for a reader
# forever). A few seconds.
. tests/helpers/prologue.sh

# trap KIND PATH: a symlink to $T/victim, or a named pipe, at PATH.
trap_at() {
    rm -rf "$2"
    if [ "$1" = link ]; then
        echo keep >"$T/victim"
        ln -s "$T/victim" "$2"
    else
        mkfifo "$2"
    fi
}

# after KIND PATH WHAT: the run finished, PATH is a regular file now, and
# the symlink's target is untouched.
after() {
    [ "$rc" -eq 124 ] && fail "$3 at a $1: still waiting after 20 s"
    [ "$rc" -eq 0 ] || fail "$3 at a $1: exit status $rc ($(cat "$T/err"))"
    [ -f "$2" ] && [ ! -L "$2" ] || fail "$3 at a $1: $2 is not a regular file now"
    if [ "$1" = link ]; then
        [ "$(cat "$T/victim")" = keep ] || fail "$3 at a link: wrote through it"
    fi
    echo "ok: $3 at a $1"
}

for kind in link pipe; do
    trap_at $kind "$T/shot.png"
    timeout 20 "$O" --screenshot "$T/shot.png" --screen home --size 800x480 >"$T/out" 2>"$T/err"
    rc=$?
    after $kind "$T/shot.png" "--screenshot"
    head -c 8 "$T/shot.png" | od -c | grep -q "P   N   G" || fail "--screenshot: not a PNG"

    trap_at $kind "$T/dump.json"
    timeout 20 "$O" --screenshot "$T/shot2.png" --dump "$T/dump.json" --screen home --size 800x480 >"$T/out" 2>"$T/err"
    rc=$?
    after $kind "$T/dump.json" "--dump"
    grep -q '"texts"' "$T/dump.json" || fail "--dump: not an account"

    trap_at $kind "$T/say.wav"
    timeout 20 "$O" --say "Hello" --wav "$T/say.wav" >"$T/out" 2>"$T/err"
    rc=$?
    # Through an emulator the foreign eSpeak NG may not find its voices (as
    # check_speech says): then there is no WAV to write, only the reason.
    if [ $rc -ne 0 ] && [ -n "$OPENDAY_EXEC" ] && grep -q "Read aloud unavailable" "$T/err"; then
        echo "skipped: --say --wav at a $kind: no voice through $OPENDAY_EXEC"
    else
        after $kind "$T/say.wav" "--say --wav"
        [ "$(head -c 4 "$T/say.wav")" = RIFF ] || fail "--say: not a WAV file"
    fi

    mkdir -p "$T/site"
    trap_at $kind "$T/site/index.html"
    timeout 20 "$O" --export-html "$T/site" >"$T/out" 2>"$T/err"
    rc=$?
    after $kind "$T/site/index.html" "--export-html"
    grep -q "<html" "$T/site/index.html" || fail "--export-html: index.html is no page"
done
