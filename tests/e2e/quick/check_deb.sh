#!/bin/sh
# The Debian package: `make deb` builds it, it holds every file it should
# with the right owner and conffile, Depends comes from the binary's shared
# libraries, lintian finds no error, the packaged binary validates the
# packaged content, and the maintainer scripts do what they say (run against
# stand-in commands, so nothing on this machine changes).
# The quick tier packages the binary already built, so nothing is compiled,
# and leaves lintian out (together most of this check's time); the long tier
# (OPENDAY_TEST_LONG=1, tests/e2e/long/long_deb.sh) lets `make deb` compile
# its own hardened binary, as a release does, and runs lintian.
# Usage: sh tests/e2e/quick/check_deb.sh BUILD_DIR
. tests/helpers/prologue.sh
# Where packaging is not what is being tested, say so and stop: under the
# sanitizers (the plain run checks the package), and with a private cross
# sysroot (dpkg-shlibdeps only sees libraries dpkg installed).
if [ -n "$OPENDAY_SAN" ]; then
    echo "skipped under SAN=1: the package is checked by the plain make test"
    exit 0
fi
if [ "$OPENDAY_CROSS_SYSROOT" = 1 ]; then
    echo "skipped with CROSS_SYSROOT=1: dpkg-shlibdeps cannot see the sysroot's libraries"
    exit 0
fi
for tool in dpkg-deb dpkg-shlibdeps dpkg-gencontrol lintian; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing: run make deps"
done

# 1. Build, in a directory of its own under the test's build directory. A
#    clean make: variables of a make that runs this test must not leak in.
#    Natively, `make deb` compiles its own binary. Under make test-cross
#    (OPENDAY_EXEC set, see tests/run.sh) the foreign $B/openday is packaged
#    for its architecture, and the packaged binary runs through OPENDAY_EXEC.
unset MAKEFLAGS MFLAGS MAKELEVEL
X=${OPENDAY_EXEC:-}
D="$B/deb-test"
VERSION=$(cat VERSION)
if [ -n "$X" ]; then
    case $(readelf -h "$B/openday" | sed -n 's/^ *Machine: *//p') in
        AArch64) ARCH=arm64 ;;
        ARM) ARCH=armhf ;;
        *) fail "cannot tell the Debian architecture of $B/openday" ;;
    esac
    set -- ARCH="$ARCH" BIN="$B/openday"
else
    ARCH=$(dpkg --print-architecture)
    set --
    [ -n "$OPENDAY_TEST_LONG" ] || set -- BIN="$B/openday"
fi
DEB="$D/openday_${VERSION}_$ARCH.deb"
rm -f "$DEB"
make BUILD="$D" "$@" deb >"$T/make.log" 2>&1 || { cat "$T/make.log"; fail "make deb $* failed"; }
[ -f "$DEB" ] || { cat "$T/make.log"; fail "make deb did not produce $DEB"; }
echo "package: $DEB, $(stat -c %s "$DEB") bytes"

# 2. Contents: paths, owners, modes.
dpkg-deb -c "$DEB" >"$T/contents" || fail "dpkg-deb -c"
for path in /usr/bin/openday \
    /usr/share/openday/content/README.md \
    /lib/systemd/system/openday.service \
    /lib/systemd/system/openday-cage.service \
    /etc/openday/openday.conf \
    /usr/share/doc/openday/copyright \
    /usr/share/doc/openday/changelog.gz \
    /usr/share/man/man1/openday.1.gz; do
    grep -q " \.$path\$" "$T/contents" || fail "$path is not in the package"
done
for f in content/*.json; do
    grep -q " \./usr/share/openday/$f\$" "$T/contents" || fail "$f is not in the package"
done
grep -v ' root/root ' "$T/contents" && fail "files above are not owned by root:root"
grep -q '^-rwxr-xr-x root/root .* \./usr/bin/openday$' "$T/contents" || fail "/usr/bin/openday mode"
grep -q '^-rw-r--r-- root/root .* \./etc/openday/openday.conf$' "$T/contents" || fail "openday.conf mode"

# 3. Control data.
dpkg-deb -I "$DEB" conffiles >"$T/conffiles" 2>&1 || fail "no conffiles in the package"
[ "$(cat "$T/conffiles")" = /etc/openday/openday.conf ] || fail "conffiles: $(cat "$T/conffiles")"
[ "$(dpkg-deb -f "$DEB" Package)" = openday ] || fail "Package field"
[ "$(dpkg-deb -f "$DEB" Version)" = "$VERSION" ] || fail "Version $(dpkg-deb -f "$DEB" Version), VERSION says $VERSION"
[ "$(dpkg-deb -f "$DEB" Architecture)" = "$ARCH" ] || fail "Architecture field"
depends=$(dpkg-deb -f "$DEB" Depends)
echo "Depends: $depends"
for lib in libsdl2-2.0-0 libsdl2-ttf-2.0-0 libsdl2-image-2.0-0 libcjson1 libfontconfig1 libqrencode4 \
    adduser libespeak-ng1 espeak-ng-data; do
    echo "$depends" | grep -q "$lib" || fail "Depends lacks $lib"
done
for script in postinst prerm postrm; do
    dpkg-deb -I "$DEB" "$script" >"$T/$script" 2>/dev/null || fail "no $script in the package"
    sh -n "$T/$script" || fail "$script: shell syntax"
done

# 4. lintian (long tier): no errors; warnings are printed for the record.
if [ -n "$OPENDAY_TEST_LONG" ]; then
    lintian --pedantic "$DEB" >"$T/lintian" 2>&1
    grep -E '^[EWIPX]: ' "$T/lintian"
    echo "lintian: $(grep -c '^E: ' "$T/lintian") errors, $(grep -c '^W: ' "$T/lintian") warnings"
    grep -q '^E: ' "$T/lintian" && fail "lintian reports errors"
else
    echo "lintian: left to the long tier"
fi

# 5. The packaged files themselves.
R="$T/root"
dpkg-deb -x "$DEB" "$R" || fail "dpkg-deb -x"
# shellcheck disable=SC2086
$X "$R/usr/bin/openday" --version | grep -Eq "^openday $VERSION( |$)" \
    || fail "packaged --version: $($X "$R/usr/bin/openday" --version)"
# shellcheck disable=SC2086
$X "$R/usr/bin/openday" --check "$R/usr/share/openday/content" >"$T/check.log" 2>&1 \
    || { cat "$T/check.log"; fail "packaged binary rejects the packaged content"; }
readelf -S "$R/usr/bin/openday" | grep -Eq '\.symtab|\.debug_' && fail "/usr/bin/openday is not stripped"
for u in openday.service openday-cage.service; do
    cmp -s "deploy/$u" "$R/lib/systemd/system/$u" || fail "packaged $u differs from deploy/$u"
done
cmp -s deploy/openday.conf "$R/etc/openday/openday.conf" || fail "packaged openday.conf differs"
zcat "$R/usr/share/man/man1/openday.1.gz" | grep -q "openday $VERSION" || fail "man page version"
man --warnings -l "$R/usr/share/man/man1/openday.1.gz" >/dev/null 2>"$T/man.log" || true
[ -s "$T/man.log" ] && { cat "$T/man.log"; fail "man page warnings"; }

# 6. Maintainer scripts against stand-ins that log their arguments.
#    getent knows the groups but not the user; deb-systemd-helper answers
#    debian-installed and was-enabled as $DSH_INSTALLED / $DSH_ENABLED say.
S="$T/bin"
mkdir -p "$S"
for c in adduser addgroup deb-systemd-invoke systemctl; do
    printf '#!/bin/sh\necho "%s $*" >>"$CALLS"\n' "$c" >"$S/$c"
done
cat >"$S/getent" <<'EOF'
#!/bin/sh
echo "getent $*" >>"$CALLS"
[ "$1" = group ]
EOF
cat >"$S/deb-systemd-helper" <<'EOF'
#!/bin/sh
echo "deb-systemd-helper $*" >>"$CALLS"
case "$1" in
    debian-installed) [ "$DSH_INSTALLED" = yes ] ;;
    --quiet) [ "$DSH_ENABLED" = yes ] ;;
    *) true ;;
esac
EOF
chmod +x "$S"/*
export CALLS="$T/calls"
run() { : >"$CALLS"; PATH="$S:$PATH" sh "$T/$1" "$2" "$3" || fail "$1 $2 exited $?"; }

# A new installation: the user with its groups, the units recorded, nothing
# enabled (deb-systemd-helper's was-enabled says yes on a first install).
export DSH_INSTALLED=no DSH_ENABLED=yes
run postinst configure ""
grep -q '^adduser --system --group .*openday$' "$CALLS" || fail "postinst did not create the user: $(cat "$CALLS")"
for g in video render input; do
    grep -q "^adduser --quiet openday $g$" "$CALLS" || fail "postinst did not add openday to $g"
done
grep -q 'deb-systemd-helper enable' "$CALLS" && fail "postinst enables a unit on a new installation"
grep -q 'deb-systemd-helper update-state openday.service' "$CALLS" || fail "postinst does not record openday.service"
# An upgrade where the administrator had enabled the kiosk keeps it enabled.
export DSH_INSTALLED=yes DSH_ENABLED=yes
run postinst configure 0.0.9
grep -q 'deb-systemd-helper enable openday.service' "$CALLS" || fail "postinst drops an enabled unit on upgrade"
# Purge: enablement links and the state go; remove keeps the state.
mkdir -p "$T/dpkgroot/var/lib/openday/cache"
export DPKG_ROOT="$T/dpkgroot"
run postrm remove
[ -d "$T/dpkgroot/var/lib/openday" ] || fail "postrm remove deleted the state"
run postrm purge
[ -e "$T/dpkgroot/var/lib/openday" ] && fail "postrm purge left /var/lib/openday"
grep -q 'deb-systemd-helper purge openday.service openday-cage.service' "$CALLS" || fail "postrm purge: $(cat "$CALLS")"
unset DPKG_ROOT
run prerm upgrade
grep -q 'deb-systemd-invoke stop' "$CALLS" && fail "prerm stops the kiosk on upgrade"
echo "maintainer scripts: user, groups, no auto-enable, purge"
exit 0
