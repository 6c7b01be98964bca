#!/bin/sh
# Every option that names a file to read refuses a directory, a named pipe
# and an unreadable file with one line and exit status 2, without waiting on
# the pipe (issue 11, case 6 and its class). A few seconds.
. tests/helpers/prologue.sh
AS=""
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
    AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
chmod 755 "$T"
mkdir "$T/dir"
mkfifo "$T/pipe"
echo "fps = 30" >"$T/secret"
chmod 000 "$T/secret"

# refuse WHAT OPTION... : one line on stderr starting "openday: ", exit 2.
refuse() {
    what=$1
    shift
    # shellcheck disable=SC2086
    timeout 10 $AS "$O" "$@" --check content >"$T/out" 2>"$T/err"
    rc=$?
    [ $rc -eq 124 ] && fail "$what: still waiting after 10 s"
    [ $rc -eq 2 ] || fail "$what: exit status $rc, expected 2 ($(cat "$T/err"))"
    [ "$(wc -l <"$T/err")" -eq 1 ] || fail "$what: expected one line, got: $(cat "$T/err")"
    grep -q "^openday: " "$T/err" || fail "$what: the line does not start with openday:"
    echo "ok: $what: $(cat "$T/err")"
}
refuse "--config DIR" --config "$T/dir"
refuse "--config FIFO" --config "$T/pipe"
[ -n "$AS" ] || [ "$(id -u)" != 0 ] && refuse "--config unreadable" --config "$T/secret"
refuse "--config missing" --config "$T/none"
# The replay script: read through replay_load, the same refusals.
for f in dir pipe secret; do
    [ "$f" = secret ] && [ -z "$AS" ] && [ "$(id -u)" = 0 ] && continue
    # shellcheck disable=SC2086
    timeout 10 $AS "$O" --replay "$T/$f" >"$T/out" 2>"$T/err"
    rc=$?
    [ $rc -eq 2 ] || fail "--replay $f: exit status $rc, expected 2"
    [ "$(wc -l <"$T/err")" -eq 1 ] || fail "--replay $f: expected one line, got: $(cat "$T/err")"
    echo "ok: --replay $f: $(cat "$T/err")"
done
# A NUL byte in a script names its line.
printf '0 tap 0.5 0.5\nwait 10\0\nexpect-screen nowhere\n' >"$T/nul.replay"
timeout 10 "$O" --replay "$T/nul.replay" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 2 ] || fail "--replay with a NUL byte: exit status $rc, expected 2"
grep -q ":2:" "$T/err" || fail "--replay with a NUL byte: no line number: $(cat "$T/err")"
echo "ok: --replay NUL: $(cat "$T/err")"
echo "check_files: every file-reading option refused its bad files"
