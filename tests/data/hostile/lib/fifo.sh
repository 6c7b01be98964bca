#!/bin/sh
# Usage: sh fifo.sh DIR - careers.json is a named pipe with no writer. A
# reader that opened it blocking would wait for ever (issue 11, case 1).
rm -f "$1/careers.json"
mkfifo "$1/careers.json"
