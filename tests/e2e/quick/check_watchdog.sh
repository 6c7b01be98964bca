#!/bin/sh
# sd_notify readiness and watchdog, and the restart a stalled loop gets:
# tests/helpers/check_watchdog.py plays systemd's part.
exec /usr/bin/python3 tests/helpers/check_watchdog.py "${1:-build}"
