#!/bin/sh
# make test-long: five minutes of content fuzzing (see check_fuzz.sh).
OPENDAY_TEST_LONG=1 exec sh "$(dirname "$0")/../quick/check_fuzz.sh" "$@"
