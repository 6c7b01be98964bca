#!/bin/sh
# Generated input: see tests/data/hostile/lib/many-topics.sh.
exec sh "$(dirname "$0")/../lib/many-topics.sh" "$1" 101
