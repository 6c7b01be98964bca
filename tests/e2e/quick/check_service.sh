#!/bin/sh
# The systemd units in deploy/ and their configuration file:
# - systemd-analyze verify passes on both units, without a single complaint
#   about them (it prints unknown or misspelt settings but still exits 0);
# - the sandbox of openday.service scores an exposure of 3.0 or lower in
#   systemd-analyze security ("OK" or better), and so does the cage unit;
# - the settings the kiosk depends on are there;
# - deploy/openday.conf sets only content and state-dir (that it shows
#   every key of the option table, and no other, is tests/unit/test_cli.c's).
# Usage: sh tests/e2e/quick/check_service.sh BUILD_DIR
. tests/helpers/prologue.sh
MAX=3.0

if ! command -v systemd-analyze >/dev/null 2>&1; then
    echo "SKIP: systemd-analyze is not installed (Debian package systemd; make deps installs it)"
    exit 0
fi

# 1. verify. It insists that every ExecStart= program exists, and neither
#    /usr/bin/openday nor /usr/bin/cage need be installed on a build machine:
#    verify copies whose commands point at programs that do exist (the built
#    binary, else /bin/true). The rest of each unit is verified unchanged.
app=/bin/true
[ -x "$B/openday" ] && app=$(cd "$B" && pwd)/openday
cage=$(command -v cage 2>/dev/null || echo "$app")
for u in openday.service openday-cage.service; do
    [ -f "deploy/$u" ] || fail "deploy/$u is missing"
    sed -e "s#/usr/bin/openday#$app#g" -e "s#/usr/bin/cage#$cage#g" "deploy/$u" >"$T/$u"
done
# --man=no: the man pages named by Documentation= need not be installed here.
(cd "$T" && systemd-analyze verify --man=no openday.service openday-cage.service) \
    >"$T/verify.log" 2>&1
rc=$?
cat "$T/verify.log"
[ "$rc" -eq 0 ] || fail "systemd-analyze verify exited $rc"
! grep -q "openday" "$T/verify.log" || fail "systemd-analyze verify complains about the units (above)"
echo "verify: both units clean"

# 2. Exposure score, from the units exactly as shipped.
score() {
    systemd-analyze security --offline=true "deploy/$1" >"$T/security-$1.log" 2>&1
    s=$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9][0-9.]*\).*/\1/p' "$T/security-$1.log")
    [ -n "$s" ] || { cat "$T/security-$1.log"; fail "no exposure level for $1 in the output above"; }
    echo "$s"
}
for u in openday.service openday-cage.service; do
    s=$(score "$u") || { echo "$s"; exit 1; }
    echo "exposure $u: $s (must be <= $MAX)"
    if awk -v s="$s" -v m="$MAX" 'BEGIN { exit !(s > m) }'; then
        grep "✗" "$T/security-$u.log"
        fail "$u: exposure $s is above $MAX"
    fi
done

# 3. What the kiosk depends on, line by line (drop-ins aside).
need() {
    grep -qx "$2" "deploy/$1" || fail "deploy/$1 lacks the line: $2"
}
for line in 'Type=notify' 'WatchdogSec=10' 'Restart=always' 'RestartSec=2' \
    'User=openday' 'StateDirectory=openday' 'StandardOutput=journal' \
    'NoNewPrivileges=yes' 'ProtectSystem=strict' 'PrivateNetwork=yes' \
    'DeviceAllow=char-drm rw' 'DeviceAllow=char-input r' \
    'Environment=XDG_CACHE_HOME=/var/lib/openday/cache'; do
    need openday.service "$line"
    need openday-cage.service "$line"
done
need openday.service 'NotifyAccess=main'
need openday.service 'Environment=SDL_VIDEODRIVER=kmsdrm'
need openday.service 'ExecStart=/usr/bin/openday --kiosk --config /etc/openday/openday.conf'
need openday.service 'Conflicts=getty@tty1.service openday-cage.service'
need openday-cage.service 'Environment=SDL_VIDEODRIVER=wayland'
need openday-cage.service 'PAMName=login'
need openday-cage.service 'ExecStart=/usr/bin/cage -- /usr/bin/openday --kiosk --config /etc/openday/openday.conf'
need openday-cage.service 'Conflicts=getty@tty1.service openday.service'
# The console unit writes only to its StateDirectory (the cache lives there).
grep -q '^ReadWritePaths=' deploy/openday.service && fail "openday.service: ReadWritePaths= widens the sandbox"

# 4. The configuration file: the active lines exactly content and state-dir,
#    values as the units expect. (Its keys against the option table:
#    tests/unit/test_cli.c.)
C=deploy/openday.conf
active=$(grep -Ev '^[[:space:]]*(#|$)' "$C")
[ "$active" = "content = /usr/share/openday/content
state-dir = /var/lib/openday" ] || fail "$C: the active lines should be content and state-dir only, got:
$active"
grep -Eq '^# admin-pin = [0-9]{4,8}$' "$C" || fail "$C: admin-pin placeholder is not 4-8 digits"
grep -q 'CHANGE THE ADMIN PIN' "$C" || fail "$C: the warning to change the admin PIN is gone"
grep -n "$(printf '\t')" "$C" && fail "$C contains tabs"
echo "config: active: content, state-dir"
exit 0
