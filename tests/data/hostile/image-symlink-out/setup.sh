#!/bin/sh
# Generated input: see tests/data/hostile/lib/symlink-out.sh.
exec sh "$(dirname "$0")/../lib/symlink-out.sh" "$1" images/photo.png
