#!/usr/bin/env python3
"""Run a program under strace and fail if it opens a socket other than a local Unix one.

usage: check-sockets.py STRACE PROGRAM [ARGS...] — the program's output is passed through (a
TAP stream); every socket() and connect() call of it and its threads is recorded, and any that
is not AF_UNIX (X11 and D-Bus) fails the test, naming the call."""
import os, re, subprocess, sys, tempfile

strace, command = sys.argv[1], sys.argv[2:]
# LeakSanitizer stops the world with ptrace, which a traced process cannot do; leaks are the
# other tests' business, so under the sanitizers this one does not look for them.
env = dict(os.environ)
env["ASAN_OPTIONS"] = env.get("ASAN_OPTIONS", "") + ":detect_leaks=0"
with tempfile.TemporaryDirectory() as tmp:
    log = os.path.join(tmp, "strace.log")
    result = subprocess.run([strace, "-f", "-qq", "-e", "trace=socket,socketpair,connect", "-o", log, "--"] + command,
                            env=env, timeout=300)
    calls = open(log, encoding="utf-8", errors="replace").read().splitlines()

bad = []
for line in calls:
    m = re.search(r"\b(socket|socketpair|connect)\((.*)", line)
    if not m:
        continue
    if m.group(1) in ("socket", "socketpair") and not m.group(2).startswith("AF_UNIX"):
        bad.append(line)
    elif m.group(1) == "connect" and "sa_family=" in line and "sa_family=AF_UNIX" not in line:
        bad.append(line)

print(f"# {len(calls)} socket calls recorded, {len(bad)} not on a local Unix socket")
for line in bad:
    print(f"# not allowed: {line}")
if result.returncode != 0:
    print(f"# the program exited with {result.returncode}")
sys.exit(1 if bad or result.returncode != 0 or not calls else 0)
