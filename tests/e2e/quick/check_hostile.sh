#!/bin/sh
# The hostile-input suite. Each folder tests/data/hostile/CASE (lib/ holds
# shared generators) describes one content directory: the shipped content
# with the case's own files laid over it, the files listed in `remove`
# deleted, and `setup.sh DIR` run to generate what is too big or too odd to
# commit. Two checks per case:
#   1. `openday --check content` prints exactly the lines in CASE/expect (and
#      exits 0 when they end in "valid", 2 otherwise);
#   2. end to end, the running app (dummy video driver, real clock) is handed
#      the case as its live content folder: invalid content is logged and the
#      previous content stays on screen, valid content is shown, and the app
#      is alive and exits cleanly after all of them. Each swap waits for
#      the app's settle time (about half a second), so the quick tier swaps
#      in only SMOKE below, one case per kind of message; the long tier
#      (OPENDAY_TEST_LONG=1, tests/e2e/long/long_hostile.sh) swaps in every
#      case.
# CASE/schema says whether content/schema.json must reject the case too
# (tests/helpers/check_schema.py checks that). Runs as an unprivileged user
# when run as root, so that an unreadable file really is unreadable.
# OPENDAY_HOSTILE_UPDATE=1 rewrites every expect file (review the diff!).
# run.sh: alongside
# (In the quick tier it runs in the background of the other tests: its
# outputs do not depend on timing, and a swap has 5 s to show where it needs
# half a second; 20 s under an emulator, where the two architectures' tiers
# run side by side and every program runs several times slower.)
. tests/helpers/prologue.sh
B=$(cd "$B" && pwd)   # absolute: the app is also started from inside $T
H=$(pwd)/tests/data/hostile
chmod 755 "$T"

AS=""
if [ "$(id -u)" = 0 ]; then
    command -v setpriv >/dev/null || fail "setpriv (util-linux) is needed to run as nobody"
    AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
O="$B/openday"
react=100   # polls of 50 ms
[ -n "$OPENDAY_EXEC" ] && O="$OPENDAY_EXEC $O" && react=400

# One case per kind of problem the loader reports, and one valid case (with
# warnings) so that a swap that must be shown is in the smoke too: file-level
# failures (empty, cut short, bad encoding, UTF-16, unreadable, too deep),
# wrong type, missing field, duplicate id, dangling reference, a path out of
# the folder, a number out of range, the wrong schema, a key written twice
# deep in a file, a blank translation, a day not in the calendar, and a
# valid address outside ASCII (shown, encoded).
SMOKE="empty-file truncated-json invalid-utf8 utf16-file unreadable-file nesting-10000
       wrong-type-degrees missing-degree-name duplicate-degree-id dangling-career-ref
       image-symlink-out number-out-of-range schema-version-2 unknown-fields-warn
       talks-unknown-degree duplicate-key-quiz-points empty-translation date-february-31
       url-idn-host"

build_case() { # CASE DEST
    mkdir -p "$2"
    cp content/*.json "$2/"
    for f in "$H/$1"/*; do
        fn=$(basename "$f")
        case "$fn" in expect | schema | remove | setup.sh) continue ;; esac
        cp "$f" "$2/$fn"
    done
    if [ -f "$H/$1/remove" ]; then
        while read -r fn; do rm -f "$2/$fn"; done <"$H/$1/remove"
    fi
    if [ -f "$H/$1/setup.sh" ]; then
        sh "$H/$1/setup.sh" "$2" || fail "$1: setup.sh failed"
    fi
}

n=0
bad=0
for d in "$H"/*/; do
    name=$(basename "$d")
    [ -f "$d/schema" ] || continue
    n=$((n + 1))
    mkdir -p "$T/$name"
    build_case "$name" "$T/$name/content"
    # shellcheck disable=SC2086
    # The report is standard output; standard error may carry the font
    # library's own notes (fontconfig under emulation has no cache for the
    # foreign architecture and says so when it cannot write one).
    (cd "$T/$name" && $AS $O --check content) >"$T/$name/out" 2>"$T/$name/err"
    rc=$?
    if [ -n "$OPENDAY_HOSTILE_UPDATE" ]; then
        cp "$T/$name/out" "$d/expect"
    fi
    want=2
    tail -n 1 "$d/expect" | grep -q ": valid: " && want=0
    if ! diff -u "$d/expect" "$T/$name/out" >"$T/$name/diff"; then
        echo "FAIL: $name: output differs from $name/expect:"
        cat "$T/$name/diff"
        bad=$((bad + 1))
    elif [ "$rc" -ne "$want" ]; then
        echo "FAIL: $name: exit status $rc, expected $want"
        bad=$((bad + 1))
    fi
    if [ -n "$OPENDAY_TEST_LONG" ] || echo " " $SMOKE " " | grep -q " $name "; then
        echo "$want $name" >>"$T/order"
    fi
done
echo "$n hostile cases checked with --check, $bad failed"
[ "$n" -ge 40 ] || fail "fewer than 40 cases"
[ "$bad" -eq 0 ] || exit 1

# End to end: one running app, every case swapped in as its live folder.
mkdir "$T/state" && chmod 777 "$T/state"
cp -r content "$T/live"
chmod -R a+rwX "$T/live"
# shellcheck disable=SC2086
$AS $O --windowed 800x480 --content "$T/live" --state-dir "$T/state" >"$T/log" 2>&1 &
pid=$!
sleep 0.5
count() { grep -c -- "$1" "$T/log"; }
i=0
while read -r want name; do
    i=$((i + 1))
    ok=$(count "new content on screen")
    rej=$(count "still showing the previous content")
    mv "$T/live" "$T/old-$i"
    mv "$T/$name/content" "$T/live"
    k=0
    while [ "$(count "new content on screen")" -eq "$ok" ] &&
          [ "$(count "still showing the previous content")" -eq "$rej" ]; do
        k=$((k + 1))
        [ $k -gt $react ] && fail "$name: the running app did not react within $((react / 20)) s"
        sleep 0.05
    done
    if [ "$want" -eq 0 ]; then
        [ "$(count "new content on screen")" -gt "$ok" ] || fail "$name: valid but not shown"
    else
        [ "$(count "still showing the previous content")" -gt "$rej" ] \
            || fail "$name: invalid but not rejected"
    fi
    kill -0 $pid 2>/dev/null || fail "$name: the app died"
    chmod -R u+rwX "$T/old-$i" 2>/dev/null
    rm -rf "$T/old-$i"
done <"$T/order"
kill -TERM $pid
wait $pid
rc=$?
pid=""
[ $rc -eq 0 ] || fail "exit status $rc after SIGTERM"
[ -n "$OPENDAY_TEST_LONG" ] || [ "$i" -eq "$(echo $SMOKE | wc -w)" ] \
    || fail "$i smoke cases swapped in, but SMOKE names $(echo $SMOKE | wc -w): a case was renamed"
echo "$i cases swapped into the running app: every invalid one rejected, the app alive"
