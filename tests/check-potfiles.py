#!/usr/bin/env python3
"""Every source file with a translatable string is listed in po/POTFILES.in, and every listed
file exists: a string missing from the template would never reach a translator."""
import os, re, sys

root = sys.argv[1]
listed = set()
for line in open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8"):
    line = line.strip()
    if line and not line.startswith("#"):
        listed.add(line)

marks = re.compile(r'\b(?:_|N_|C_|NC_)\s*\(\s*"|translatable="yes"')
found = set()
for top in ("src", "data"):
    for dirpath, _, files in os.walk(os.path.join(root, top)):
        for name in files:
            if not name.endswith((".c", ".ui", ".in", ".xml")):
                continue
            path = os.path.relpath(os.path.join(dirpath, name), root)
            text = open(os.path.join(root, path), encoding="utf-8").read()
            if marks.search(text) or name.endswith((".desktop.in", ".metainfo.xml.in", ".gschema.xml")):
                found.add(path)

# Every content file carries translatable text (po/its/atlas-content.its says which).
content = os.path.join(root, "resources", "content")
for name in os.listdir(content):
    if name.endswith(".xml"):
        found.add(os.path.join("resources", "content", name))

missing = sorted(found - listed)
stale = sorted(p for p in listed if not os.path.exists(os.path.join(root, p)))
for p in missing:
    print(f"po/POTFILES.in: missing {p}, which has translatable strings")
for p in stale:
    print(f"po/POTFILES.in: lists {p}, which does not exist")
print(f"{len(listed)} files listed, {len(missing)} missing, {len(stale)} stale")
sys.exit(1 if missing or stale else 0)
