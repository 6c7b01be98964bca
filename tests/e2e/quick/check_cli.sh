#!/bin/sh
# Command-line behaviour of the real binary: --check exit codes and message
# format, --help/--version, --screenshot output, usage errors, replay errors,
# and the message when there is no display at all.
. tests/helpers/prologue.sh

"$O" --help | grep -q -- "--screenshot FILE.png" || fail "--help lacks --screenshot"
"$O" --version | grep -q "^openday [0-9]" || fail "--version"

# Valid content: exit 0 and a summary.
"$O" --check content >"$T/out" 2>&1 || fail "--check content exited $?: $(cat "$T/out")"
grep -q "valid: 2 degrees, 14 careers" "$T/out" || fail "--check summary: $(cat "$T/out")"

# Broken content: exit 2, FILE:LINE:COL: path: message.
cp -r content "$T/bad"
sed 's/"id": "music-technology"/"id": "music-production"/' content/degrees.json >"$T/bad/degrees.json"
"$O" --check "$T/bad" >"$T/out" 2>&1
rc=$?
[ "$rc" -eq 2 ] || fail "--check on broken content exited $rc, expected 2"
grep -Eq "^$T/bad/degrees.json:[0-9]+:[0-9]+: degrees\[1\]\.id: " "$T/out" \
    || fail "duplicate id not reported as FILE:LINE:COL: path: message: $(cat "$T/out")"

# Starting the app on broken content says what to do and exits 2.
"$O" --content "$T/bad" --screenshot "$T/x.png" --screen home >"$T/out" 2>&1
[ $? -eq 2 ] || fail "broken content did not exit 2"
grep -q "openday --check" "$T/out" || fail "no hint to run --check: $(cat "$T/out")"

# Usage errors exit 2 with a hint.
"$O" --rotate 45 >"$T/out" 2>&1
[ $? -eq 2 ] || fail "--rotate 45 accepted"
grep -q "Try 'openday --help'" "$T/out" || fail "no --help hint"

# Screenshot: a PNG of the requested size.
"$O" --screenshot "$T/home.png" --screen home --size 720x1280 || fail "screenshot failed"
file "$T/home.png" 2>/dev/null | grep -q "720 x 1280" \
    || python3 -c "import struct,sys; d=open(sys.argv[1],'rb').read(24); w,h=struct.unpack('>II',d[16:24]); sys.exit(0 if (w,h)==(720,1280) else 1)" "$T/home.png" \
    || fail "screenshot size"
"$O" --screenshot "$T/x.png" --screen degree:nope >"$T/out" 2>&1
[ $? -eq 2 ] || fail "unknown screen did not exit 2"
grep -q "unknown screen" "$T/out" || fail "unknown screen message"
# The list of screens is the screen table's: every screen --screen takes.
for name in attract home "degree:ID" careers today "quiz\[:N\]" quiz-result; do
    grep -q "[ ,]$name[, ]" "$T/out" || grep -q " or $name\$" "$T/out" \
        || fail "unknown-screen message lacks $name: $(cat "$T/out")"
done

# Replay: malformed line exits 2 naming it; failed expectation exits 1 naming it.
printf 'tap 0.5 0.5\nfrobnicate\n' >"$T/bad.replay"
"$O" --replay "$T/bad.replay" >"$T/out" 2>&1
[ $? -eq 2 ] || fail "malformed replay did not exit 2"
grep -q ":2:" "$T/out" || fail "malformed replay line not named: $(cat "$T/out")"
printf '# wake, then expect the wrong screen\ntap 0.5 0.5\nwait 500\nexpect-screen about\n' >"$T/exp.replay"
"$O" --replay "$T/exp.replay" >"$T/out" 2>&1
[ $? -eq 1 ] || fail "failed expect-screen did not exit 1"
grep -q ":4: expected screen \"about\" but the visitor is on \"home\"" "$T/out" \
    || fail "expect-screen message: $(cat "$T/out")"
# A release with no press and taps at exactly 0 and 1 are ordinary input.
printf 'release 0.5 0.5\ntap 0 0\ntap 1 1\nwait 100\n' >"$T/edge.replay"
"$O" --replay "$T/edge.replay" >"$T/out" 2>&1 || fail "edge replay: $(cat "$T/out")"

# No display at all: a message that says what to do, not an SDL error alone.
SDL_VIDEODRIVER=no-such-driver DISPLAY= WAYLAND_DISPLAY= "$O" >"$T/out" 2>&1
[ $? -eq 1 ] || fail "no display did not exit 1"
grep -q "use --screenshot or" "$T/out" || fail "no-display message: $(cat "$T/out")"
echo ok
