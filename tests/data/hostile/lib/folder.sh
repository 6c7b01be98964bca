#!/bin/sh
# Usage: sh folder.sh DIR - careers.json is a folder, not a file.
mkdir "$1/careers.json"
