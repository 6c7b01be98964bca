#!/bin/sh
# make test-long: every hostile case swapped into the running app (see
# check_hostile.sh).
OPENDAY_TEST_LONG=1 exec sh "$(dirname "$0")/../quick/check_hostile.sh" "$@"
