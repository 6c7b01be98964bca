#!/bin/sh
# Generated input: see tests/data/hostile/lib/deep.sh.
exec sh "$(dirname "$0")/../lib/deep.sh" "$1" 
