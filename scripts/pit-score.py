#!/usr/bin/env python3
"""Kill ratio per package from PIT's XML: python3 scripts/pit-score.py [target/pit-reports/mutations.xml]

Killed counts KILLED, TIMED_OUT and MEMORY_ERROR (PIT's "detected"); NO_COVERAGE and SURVIVED are
not. With -v, lists each surviving mutant.
"""
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict

args = [a for a in sys.argv[1:] if a != "-v"]
path = args[0] if args else "target/pit-reports/mutations.xml"
detected = {"KILLED", "TIMED_OUT", "MEMORY_ERROR", "RUN_ERROR", "NON_VIABLE"}
total, killed, survivors = defaultdict(int), defaultdict(int), []
for m in ET.parse(path).getroot().iter("mutation"):
    cls = m.findtext("mutatedClass")
    pkg = cls.rsplit(".", 1)[0]
    total[pkg] += 1
    if m.get("status") in detected:
        killed[pkg] += 1
    else:
        survivors.append((cls, m.findtext("lineNumber"), m.get("status"), m.findtext("description")))
for pkg in sorted(total):
    print(f"{pkg:28} {killed[pkg]:5}/{total[pkg]:<5} {100 * killed[pkg] / total[pkg]:5.1f} %")
t, k = sum(total.values()), sum(killed.values())
print(f"{'all':28} {k:5}/{t:<5} {100 * k / t if t else 0:5.1f} %")
if "-v" in sys.argv:
    for cls, line, status, desc in sorted(survivors):
        print(f"{status:12} {cls}:{line} {desc}")
