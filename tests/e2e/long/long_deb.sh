#!/bin/sh
# make test-long: the Debian package as a release builds it, hardened binary
# and lintian included (see check_deb.sh).
OPENDAY_TEST_LONG=1 exec sh "$(dirname "$0")/../quick/check_deb.sh" "$@"
