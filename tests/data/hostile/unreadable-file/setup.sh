#!/bin/sh
# Generated input: see tests/data/hostile/lib/unreadable.sh.
exec sh "$(dirname "$0")/../lib/unreadable.sh" "$1" 
