#!/bin/sh
# Runs a UI test in its own D-Bus session. The session's daemons (the accessibility bus among
# them) inherit standard output; they are pointed at standard error instead, so that the test's
# TAP stream on standard output stays clean for meson.
exec 3>&1 1>&2
exec dbus-run-session -- sh -c 'exec "$0" "$@" >&3 3>&-' "$@"
