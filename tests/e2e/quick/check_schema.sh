#!/bin/sh
# The content schema: content/schema.json against the meta-schema, the shipped
# content and tests/data/hostile. Needs Debian's python3-jsonschema, hence
# /usr/bin/python3 rather than whichever python3 comes first on PATH.
# run.sh: alongside
# (In the quick tier it runs in the background of the other tests: it is
# plain computation over files, timed by nothing.)
exec /usr/bin/python3 "$(dirname "$0")/../../helpers/check_schema.py"
