#!/bin/sh
# Generated input: see tests/data/hostile/lib/fifo.sh.
exec sh "$(dirname "$0")/../lib/fifo.sh" "$1"
