#!/bin/sh
# Generated input: see tests/data/hostile/lib/many-degrees.sh.
exec sh "$(dirname "$0")/../lib/many-degrees.sh" "$1" 1001
