#!/bin/sh
# Usage: sh symlink-out.sh DIR PATH - PATH inside DIR is a symbolic link to a
# file outside it.
mkdir -p "$(dirname "$1/$2")"
ln -s /etc/passwd "$1/$2"
