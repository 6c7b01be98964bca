#!/bin/sh
# make test-long: the real-clock soak at full length (see check_soak_realtime.sh).
OPENDAY_TEST_LONG=1 exec sh "$(dirname "$0")/../quick/check_soak_realtime.sh" "$@"
