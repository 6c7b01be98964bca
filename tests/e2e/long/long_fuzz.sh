#!/bin/sh
# make test-long: five minutes of content fuzzing (see check_fuzz.sh).
# It searches for five minutes whatever else runs and times nothing, so it
# runs beside the long tier's unit programs (tests/run.sh, step 0).
# run.sh: alongside
OPENDAY_TEST_LONG=1 exec sh "$(dirname "$0")/../quick/check_fuzz.sh" "$@"
