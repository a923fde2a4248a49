#!/usr/bin/env python3
"""Adds the public symbols a build reports as undeclared (RS0016) to each project's PublicAPI.Unshipped.txt.

Usage: python3 tools/update-public-api.py [PROJECT_OR_SLN]   (builds Release, then rewrites the files sorted)
Review the diff: every line added is a public API promise.
"""
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

target = sys.argv[1] if len(sys.argv) > 1 else "Nonprofit.Sdk.sln"
build = subprocess.run(["dotnet", "build", target, "-c", "Release", "--nologo", "-clp:NoSummary"],
                       capture_output=True, text=True)
pattern = re.compile(r"error RS0016: Symbol '(.+?)' is not part of the declared public API.*\[(.+?\.csproj)\]")
missing = defaultdict(set)
for line in build.stdout.splitlines():
    m = pattern.search(line)
    if m:
        missing[Path(m.group(2)).parent].add(m.group(1))

for project, symbols in missing.items():
    unshipped = project / "PublicAPI.Unshipped.txt"
    lines = [l for l in unshipped.read_text().splitlines() if l and l != "#nullable enable"]
    merged = sorted(set(lines) | symbols, key=str.lower)
    unshipped.write_text("#nullable enable\n" + "\n".join(merged) + "\n")
    print(f"{unshipped}: +{len(symbols - set(lines))}")
if not missing:
    print("no undeclared public API")
