#!/bin/sh
# Generated input: see tests/data/hostile/lib/folder.sh.
exec sh "$(dirname "$0")/../lib/folder.sh" "$1" 
