# tests/helpers/prologue.sh - the opening every scripted check shares.
# A check sources it first thing, from the repository root (where run.sh
# and the Makefile start every check), with its own arguments still in "$@":
#     . tests/helpers/prologue.sh
# and then has:
#   B     the build directory: the first argument, default build (as given,
#         relative to the repository root);
#   O     the app to start: OPENDAY_APP when run.sh exported it (under an
#         emulator a wrapper that adds OPENDAY_EXEC, see tests/run.sh), else
#         $B/openday;
#   T     a temporary directory of the check's own, removed at exit, its
#         contents made writable first (checks leave unreadable files in it);
#   pid   empty: a check that starts the app in the background keeps its
#         process id here, and a process still there at exit is killed;
#   fail MESSAGE   prints "FAIL: MESSAGE" and exits 1;
#   at_exit        does nothing: a check that must undo more at exit (a
#                  mount, say) defines its own, called before T goes;
# and SDL_VIDEODRIVER=dummy in its environment, so that a check run by hand
# opens no window on the developer's screen either.
# A check that needs another O, an absolute B or more from fail sets or
# defines its own after this. There is no `set -e`: the checks test exit
# statuses themselves, and many expect a command to fail.
B=${1:-build}
# shellcheck disable=SC2034 # O and fail are for the check that sources this
O=${OPENDAY_APP:-$B/openday}
T=$(mktemp -d)
pid=""
fail() { echo "FAIL: $*"; exit 1; }
export SDL_VIDEODRIVER=dummy
at_exit() { :; }
prologue_exit() {
    [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
    at_exit
    chmod -R u+rwX "$T" 2>/dev/null
    rm -rf "$T"
}
trap prologue_exit EXIT
