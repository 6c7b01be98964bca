#!/bin/sh
# Usage: sh unreadable.sh DIR - careers.json exists but may not be read. (The
# runner checks as an unprivileged user when it runs as root.)
chmod 000 "$1/careers.json"
