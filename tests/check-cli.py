#!/usr/bin/env python3
"""The command line says what went wrong and exits non-zero.

usage: check-cli.py PSOAS-ATLAS BUILD-DIR — each case runs the program with its arguments
(bytes, so a path need not be UTF-8) and checks the exit status and what it printed."""
import os, subprocess, sys

exe, build = sys.argv[1], sys.argv[2]
os.makedirs(os.path.join(build, "cli"), exist_ok=True)
old = os.path.join(build, "cli", "old.pdf").encode()
with open(old, "wb") as f:
    f.write(b"%PDF old handout")
spanish = os.path.join(build, "cli", "spanish.pdf").encode()

cases = [
    # (arguments, exit status, text that must appear, text that must not)
    ([b"--validate-content", b""], 1, "needs the folder", None),
    ([b"--handout", b""], 1, "needs the name", None),
    ([b"--view", b"side"], 1, "only go with --handout", None),
    ([b"--region", b"psoas-major-left"], 1, "only go with --handout", None),
    ([b"--handout", b"/no-such-\xff-folder/notes.pdf"], 1, "No such file or directory", "(null)"),
    ([b"--validate-content", b"/no-such-\xff-folder"], 1, "%FF", "(null)"),
    # A device is not replaced, and the old handout survives a failed write.
    ([b"--handout", b"/dev/full"], 1, "not a regular file", None),
    ([b"--handout", old, b"--region", b"elbow"], 1, "no region", None),
    # Options of a handout without one, or two jobs at once, are refused rather than ignored.
    ([b"--language", b"es"], 1, "only go with --handout", None),
    ([b"--paper", b"letter"], 1, "only go with --handout", None),
    ([b"--validate-content", b"/tmp", b"--handout", old], 1, "two separate jobs", None),
    # The handout never replaces the marks file it is drawn from.
    ([b"--handout", old, b"--marks", old], 1, "the same file", None),
    # A language named as a locale names it finds the installed translation.
    ([b"--handout", spanish, b"--language", b"es_ES.UTF-8"], 0, "", "no translation"),
    ([b"--handout", spanish, b"--language", b"xx_ES"], 1, "no translation into", None),
]

failed = 0
print(f"1..{len(cases)}")
for i, (args, status, want, unwanted) in enumerate(cases, 1):
    r = subprocess.run([exe.encode()] + args, capture_output=True, timeout=120)
    out = (r.stdout + r.stderr).decode("utf-8", "replace")
    ok = r.returncode == status and want in out and (unwanted is None or unwanted not in out)
    if not ok:
        failed += 1
        print(f"# {args!r}: exit {r.returncode}, printed: {out!r}")
    print(f"{'ok' if ok else 'not ok'} {i} - {b' '.join(args)!r}")

# The handout asked for as es_ES is in Spanish (when poppler's pdftotext is there to read it).
try:
    text = subprocess.run(["pdftotext", spanish, "-"], capture_output=True, timeout=60).stdout.decode()
    if "Cuándo buscar ayuda médica" not in text:
        print("not ok - the es_ES handout is not in Spanish")
        failed += 1
except FileNotFoundError:
    print("# pdftotext is not installed: the handout's language was not read")

with open(old, "rb") as f:
    if f.read() != b"%PDF old handout":
        print("not ok - the old handout was changed")
        failed += 1
sys.exit(1 if failed else 0)
