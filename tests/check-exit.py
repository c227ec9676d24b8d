#!/usr/bin/env python3
"""Run a command and check its exit status and what it printed.

usage: check-exit.py [--absent PATH] STATUS TEXT COMMAND... — passes when COMMAND exits with
STATUS (a crash never does) and TEXT appears in its standard output or error; with --absent,
only if PATH does not exist afterwards (a refused input must leave nothing behind)."""
import os, subprocess, sys

args = sys.argv[1:]
absent = None
if args[0] == "--absent":
    absent, args = args[1], args[2:]
    if os.path.lexists(absent):
        os.unlink(absent)
status, text, command = int(args[0]), args[1], args[2:]
result = subprocess.run(command, capture_output=True, text=True, timeout=120)
output = result.stdout + result.stderr
sys.stdout.write(output)
if result.returncode != status:
    print(f"check-exit: expected exit status {status}, got {result.returncode}")
    sys.exit(1)
if text not in output:
    print(f"check-exit: expected the output to contain {text!r}")
    sys.exit(1)
if absent is not None and os.path.lexists(absent):
    print(f"check-exit: {absent} should not exist")
    sys.exit(1)
print("check-exit: ok")
