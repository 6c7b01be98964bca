#!/bin/sh
# Usage: sh huge.sh DIR - a 20 MB strings.json (a valid object with one
# enormous value).
{
    printf '{ "schema": 1, "padding": "'
    head -c 20971520 /dev/zero | tr '\0' 'x'
    printf '" }\n'
} >"$1/strings.json"
