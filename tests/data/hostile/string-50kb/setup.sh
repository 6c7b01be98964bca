#!/bin/sh
# Generated input: see tests/data/hostile/lib/long-string.sh.
exec sh "$(dirname "$0")/../lib/long-string.sh" "$1" 
