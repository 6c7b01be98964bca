#!/bin/sh
# make test-long: the fault suite with the full 30-second stall (see
# check_faults.sh).
OPENDAY_TEST_LONG=1 exec sh "$(dirname "$0")/../quick/check_faults.sh" "$@"
