#!/bin/sh
# --check and characters no installed font can draw: a warning at the text's
# FILE:LINE:COL (the content stays valid, exit 0); characters a fallback face
# has (the emoji of tests/three, a CJK character, a math symbol) are no
# warning.
. tests/helpers/prologue.sh

"$O" --check tests/three >"$T/out" 2>&1 || fail "--check tests/three exited $?: $(cat "$T/out")"
grep -q "valid: 3 degrees, 17 careers, 0 warning(s)" "$T/out" \
    || fail "the emoji of tests/three was reported: $(cat "$T/out")"

# U+F0000 (supplementary private use) is in no font; U+4E2D and U+2211 are.
cp -r tests/three "$T/pua"
python3 - "$T/pua/degrees.json" <<'PY' || fail "could not edit the copy"
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = s.replace("How computation works", "How \U000F0000 computation \u4e2d\u2211 works", 1)
open(p, "w", encoding="utf-8").write(s)
PY
"$O" --check "$T/pua" >"$T/out" 2>&1 || fail "--check exited $? on a warning only: $(cat "$T/out")"
grep -Eq "^$T/pua/degrees.json:8:[0-9]+: degrees\[0\]\.tagline: warning: no installed font has the character U\+F0000" "$T/out" \
    || fail "no FILE:LINE:COL warning for U+F0000: $(cat "$T/out")"
[ "$(grep -c "no installed font" "$T/out")" -eq 1 ] \
    || fail "characters a fallback face has were reported: $(cat "$T/out")"
grep -q "1 warning(s)" "$T/out" || fail "summary: $(cat "$T/out")"
echo ok
