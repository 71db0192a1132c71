#!/usr/bin/env python3
"""Records what real browsers did into the case files.

After `mvn -B test -Dtest=BrowserConformanceTest` has written target/conformance/<browser>.json,
this sets each case's expect.<browser> to the observed outcome and observed.<browser> to the full
observation (requests the server saw, readable headers, console lines). Review the diff: a changed
outcome or console line is a browser changing its mind (or a broken case).

    python3 src/test/resources/conformance/record-observations.py [chromium firefox webkit]
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[4]
CASES = ROOT / "src/test/resources/conformance/cases"
BROWSERS = sys.argv[1:] or ["chromium", "firefox", "webkit"]

runs = {}
for browser in BROWSERS:
    path = ROOT / "target/conformance" / (browser + ".json")
    if path.exists():
        runs[browser] = json.loads(path.read_text(encoding="utf-8"))
    else:
        print("no run for", browser, "at", path, file=sys.stderr)

missing = 0
for file in sorted(CASES.glob("*.json")):
    data = json.loads(file.read_text(encoding="utf-8"))
    for case in data["cases"]:
        for browser, run in runs.items():
            seen = run.get(case["id"])
            if seen is None:
                missing += 1
                print("not observed in", browser + ":", case["id"], file=sys.stderr)
                continue
            seen = dict(seen)
            case.setdefault("expect", {})[browser] = seen.pop("outcome")
            case.setdefault("observed", {})[browser] = seen
        # Stable order: browsers in a fixed order, observed last.
        order = ["chromium", "firefox", "webkit", "spec"]
        for key in ("expect", "observed"):
            if key in case:
                block = case[key]
                case[key] = {k: block[k] for k in sorted(block, key=order.index)}
        if "observed" in case:
            case["observed"] = case.pop("observed")
    file.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
sys.exit(1 if missing else 0)
