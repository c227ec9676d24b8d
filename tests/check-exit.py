#!/usr/bin/env python3
"""Run a command and check its exit status and what it printed.

usage: check-exit.py STATUS TEXT COMMAND... — passes when COMMAND exits with STATUS (a crash
never does) and TEXT appears in its standard output or error."""
import subprocess, sys

status, text, command = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
result = subprocess.run(command, capture_output=True, text=True, timeout=120)
output = result.stdout + result.stderr
sys.stdout.write(output)
if result.returncode != status:
    print(f"check-exit: expected exit status {status}, got {result.returncode}")
    sys.exit(1)
if text not in output:
    print(f"check-exit: expected the output to contain {text!r}")
    sys.exit(1)
print("check-exit: ok")
