#!/bin/sh
# The layers, checked on the object files: which file calls which.
# Usage: sh tests/e2e/quick/check_layers.sh BUILD_DIR
#
# The Makefile compiles each layer of src/ with only its own and the lower
# layers' include paths, so a call upwards does not compile; this check sees
# what the compiler cannot: the calls between the files of one layer, and a
# call upwards declared by hand. For every object under BUILD_DIR/obj, the
# objects that define the symbols it uses (nm) are the files it calls. It
# fails, naming the files, when
#   - a file calls a file of a higher layer (the order is the Makefile's
#     LAYERS: base content ui/toolkit ... platform), or
#   - files call each other in a circle, directly (a.c -> b.c -> a.c) or
#     through a chain: every folder must read as a stack of files, each
#     calling only files below it.
# run.sh: alongside
B=${1:-build}
here=$(dirname "$0")/../../..   # the repository root
LAYERS=$(sed -n 's/^LAYERS *:= *//p' "$here/Makefile")
if [ -z "$LAYERS" ]; then
    echo "check_layers: no LAYERS in the Makefile" >&2
    exit 1
fi
if [ ! -d "$B/obj" ]; then
    echo "check_layers: no objects under $B/obj (build first)" >&2
    exit 1
fi
list=$(mktemp)
trap 'rm -f "$list"' EXIT
# One line per object: its path under obj/, then nm's portable output.
# An object whose source is gone (a file moved or removed since that build)
# is left out: it is not part of the program any more.
find "$B/obj" -name '*.o' | sort | while read -r o; do
    rel=${o#"$B"/obj/}
    [ -f "$here/src/${rel%.o}.c" ] || continue
    echo "@ $rel"
    nm -P "$o"
done >"$list"

python3 - "$list" $LAYERS <<'EOF'
import sys

path, layers = sys.argv[1], sys.argv[2:]
rank = {name: i for i, name in enumerate(layers)}
defs, uses, order = {}, {}, []
cur = None
with open(path) as f:
    for line in f:
        if line.startswith('@ '):
            cur = line[2:].strip()
            order.append(cur)
            uses[cur] = set()
            continue
        parts = line.split()
        if len(parts) < 2 or cur is None:
            continue
        sym, kind = parts[0], parts[1]
        if kind == 'U':
            uses[cur].add(sym)
        elif kind.isupper():   # defined and global (lower case: static)
            defs.setdefault(sym, cur)


def layer(obj):
    folder = obj.rsplit('/', 1)[0] if '/' in obj else ''
    return folder


problems = []
calls = {o: set() for o in order}
for o in order:
    for sym in uses[o]:
        d = defs.get(sym)
        if d and d != o:
            calls[o].add(d)
for o in order:
    lo = layer(o)
    if lo not in rank:
        problems.append('%s: in no layer of the Makefile (%s)' % (o, ' '.join(layers)))
        continue
    for d in sorted(calls[o]):
        ld = layer(d)
        if ld in rank and rank[ld] > rank[lo]:
            syms = sorted(s for s in uses[o] if defs.get(s) == d)
            problems.append('%s calls %s, a higher layer (%s > %s): %s'
                            % (o, d, ld, lo, ', '.join(syms[:4])))

# Circles: the strongly connected components of the call graph (Tarjan's
# algorithm, without recursion), each shown as one closed path.
index, low, on, stack, comps = {}, {}, set(), [], []
counter = 0
for root in order:
    if root in index:
        continue
    work = [(root, iter(sorted(calls[root])))]
    index[root] = low[root] = counter
    counter += 1
    stack.append(root)
    on.add(root)
    while work:
        v, it = work[-1]
        advanced = False
        for w in it:
            if w not in index:
                index[w] = low[w] = counter
                counter += 1
                stack.append(w)
                on.add(w)
                work.append((w, iter(sorted(calls[w]))))
                advanced = True
                break
            if w in on:
                low[v] = min(low[v], index[w])
        if advanced:
            continue
        work.pop()
        if work:
            low[work[-1][0]] = min(low[work[-1][0]], low[v])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                comps.append(sorted(comp))


def closed_path(comp):
    """A shortest path from the component's first file back to itself."""
    members = set(comp)
    start = comp[0]
    prev, frontier = {start: None}, [start]
    while frontier:
        nxt = []
        for v in frontier:
            for w in sorted(calls[v]):
                if w == start:
                    path = [v]
                    while prev[path[-1]] is not None:
                        path.append(prev[path[-1]])
                    return list(reversed(path)) + [start]
                if w in members and w not in prev:
                    prev[w] = v
                    nxt.append(w)
        frontier = nxt
    return comp


for comp in comps:
    problems.append('files call each other in a circle: ' + ' -> '.join(closed_path(comp)))

if problems:
    for p in problems:
        print('check_layers: ' + p)
    sys.exit(1)
print('check_layers: %d files in %d layers, no call upwards, no circle' % (len(order), len(layers)))
EOF
