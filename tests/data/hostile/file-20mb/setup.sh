#!/bin/sh
# Generated input: see tests/data/hostile/lib/huge.sh.
exec sh "$(dirname "$0")/../lib/huge.sh" "$1" 
