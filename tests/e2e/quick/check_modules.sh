#!/bin/sh
# The module map in docs/architecture.md (its section "Module map") stays a
# map of the tree: every source file under src/ (*.c, *.h) is named there,
# and every path the map names is a file that exists. A newcomer reads the
# map to find their way; a row that went missing or points at a renamed
# file would send them the wrong way, so the drift fails here instead.
#
# Only backticked paths starting with `src/` inside that section count, so
# prose elsewhere on the page may mention files freely. A line's first such
# file path is the file its row is about; a further path on the line (a
# "see ...") must exist too but is not a row, and a folder is no row.
# Each problem is one line. Usage: sh tests/e2e/quick/check_modules.sh [BUILD_DIR]
# (the build directory is not used: this reads the tree only). Under a
# second.
fail() { echo "FAIL: $*"; exit 1; }
cd "$(dirname "$0")/../../.." || fail "cannot reach the repository"
command -v python3 >/dev/null || fail "python3 is needed to read the module map"
[ -f docs/architecture.md ] || fail "docs/architecture.md is missing"
python3 - docs/architecture.md src <<'PY' || exit 1
import os, re, sys

doc, root = sys.argv[1], sys.argv[2]
lines = open(doc, encoding="utf-8").read().splitlines()

# The section runs from its heading to the next heading of the same or a
# higher level; lines inside fenced code blocks are never headings.
start, level, end, fenced = None, 0, len(lines), False
for i, line in enumerate(lines):
    if line.lstrip().startswith("```"):
        fenced = not fenced
        continue
    m = None if fenced else re.match(r"^(#+)\s+(.*?)\s*#*\s*$", line)
    if not m:
        continue
    if start is None:
        if m.group(2).strip().lower() == "module map":
            start, level = i, len(m.group(1))
    elif len(m.group(1)) <= level:
        end = i
        break
if start is None:
    print("FAIL: %s has no section headed \"Module map\"" % doc)
    sys.exit(1)

named, mentioned = {}, {}
for n in range(start + 1, end):
    # A folder (a heading's `src/ui`) exists and is no row.
    paths = [p for p in re.findall(r"`(src/[^`\s]+)`", lines[n])
             if not os.path.isdir(p.rstrip("/"))]
    if paths:
        named.setdefault(paths[0], []).append(n + 1)
    for path in paths[1:]:
        mentioned.setdefault(path, n + 1)

files = set()
for d, _, names in os.walk(root):
    for f in names:
        if f.endswith((".c", ".h")):
            files.add(os.path.join(d, f).replace(os.sep, "/"))

problems = []
for f in sorted(files - set(named)):
    problems.append("%s is not in the module map (%s, \"Module map\"): add a row for it"
                    % (f, doc))
for path in sorted(set(mentioned) - set(named)):
    if not os.path.isfile(path):
        problems.append("%s:%d: the module map mentions %s, which is not a file"
                        % (doc, mentioned[path], path))
for path in sorted(named):
    where = "%s:%d" % (doc, named[path][0])
    if not os.path.exists(path):
        problems.append("%s: the module map names %s, which does not exist: "
                        "rename or remove the row" % (where, path))
    elif not os.path.isfile(path):
        problems.append("%s: the module map names %s, which is not a file" % (where, path))
    elif len(named[path]) > 1:
        problems.append("%s: the module map has %d rows for %s (lines %s): keep one"
                        % (where, len(named[path]), path,
                           ", ".join(str(k) for k in named[path])))
for p in problems:
    print("FAIL: " + p)
if problems:
    sys.exit(1)
print("ok: the module map names all %d source files of %s/, and nothing else"
      % (len(files), root))
PY
