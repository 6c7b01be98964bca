#!/bin/sh
# Generated input: see tests/hostile/lib/unreadable.sh.
exec sh "$(dirname "$0")/../lib/unreadable.sh" "$1" 
