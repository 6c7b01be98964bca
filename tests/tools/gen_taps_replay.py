#!/usr/bin/env python3
"""Write a taps-only replay journey (tests/replay/taps-only*.replay): a whole
visit with no swipe and no drag, reaching every screen, every degree by Next
(and Previous) and every career by Next, long pages read to their end with
More below and back up with Scroll up. Each tap is placed on a target the
app's own --dump account names, found by playing the journey so far; so
when a layout moves, run this again:

  tests/tools/gen_taps_replay.py build/openday 800x480 content tests/replay/taps-only.replay
  tests/tools/gen_taps_replay.py build/openday 720x1280 tests/three tests/replay/taps-only-three.replay

Extra arguments after the output file become comment lines of its header."""
import json, os, subprocess, sys, tempfile
app, size, content, out, extra = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
tmp = tempfile.mkdtemp()
W, H = map(int, size.split('x'))
lines = []
def run_dump():
    p = os.path.join(tmp, 'cur.replay')
    dump = os.path.join(tmp, 'cur.json')
    open(p, 'w').write("\n".join(lines + ["dump " + dump]) + "\n")
    r = subprocess.run([app, '--replay', p, '--size', size, '--content', content, '--attract-after', '0'], capture_output=True, text=True,
                       env=dict(os.environ, SDL_VIDEODRIVER='dummy'))
    if r.returncode: print(r.stderr); sys.exit(1)
    return json.load(open(dump))
def find(d, action):
    """The part of action's target a finger can reach: below the header,
    above the scroll buttons, at least 30 px tall."""
    ts = d['targets']
    back = [t for t in ts if t['action'] == 'back'][:1]
    bottom = min([t['y'] for t in ts if t['action'] in ('page down', 'page up')] + [H])
    top = 0
    if back and back[0]['y'] < H / 2:
        top = back[0]['y'] * 2 + back[0]['h']
    elif back:  # the bar at the bottom (controls within reach)
        bottom = min(bottom, back[0]['y'] - (H - back[0]['y'] - back[0]['h']))
    for t in ts:
        if t['action'] != action or not t['enabled']:
            continue
        if t['action'] in ('back', 'home', 'page down', 'page up', 'wake'):
            return t
        y0, y1 = max(t['y'], top), min(t['y'] + t['h'], bottom)
        if y1 - y0 >= 30 and t['x'] >= 0 and t['x'] + t['w'] <= W:
            return dict(t, y=y0, h=y1 - y0)
    return None
def tap(t, wait, comment=None):
    if comment: lines.append("# " + comment)
    x = (t['x'] + t['w'] / 2) / W; y = (t['y'] + t['h'] / 2) / H
    lines.append("       tap %.3f %.3f" % (x, y)); lines.append("       wait %d" % wait)
def expect(name): lines.append("       expect-screen " + name)
def reach(action):
    """Tap More below until a visible target for action shows; then tap it."""
    for _ in range(40):
        d = run_dump()
        t = find(d, action)
        if t: return d, t
        m = find(d, 'page down')
        if not m: raise SystemExit("cannot reach " + action + " on " + d['screen'])
        tap(m, 700)
    raise SystemExit("too far: " + action)
def read_to_end():
    """More below to the end of the page, then Scroll up to the top."""
    n = 0
    while True:
        d = run_dump(); m = find(d, 'page down')
        if not m: break
        tap(m, 700); n += 1
    for _ in range(n + 2):
        d = run_dump(); u = find(d, 'page up')
        if not u: break
        tap(u, 700)
def go(action, screen, comment=None):
    d, t = reach(action)
    tap(t, 400, comment); expect(screen)
degrees = json.load(open(content + '/degrees.json'))['degrees']
careers = json.load(open(content + '/careers.json'))['careers']
lines.append("0      expect-screen attract")
lines.append("       tap 0.5 0.5"); lines.append("       wait 400"); expect("home")
# every degree, by Next
go("open degree:" + degrees[0]['id'], "degree:" + degrees[0]['id'], "the first degree, read to its end and back to its top without a drag")
read_to_end()
for g in degrees[1:] + degrees[:1]:
    go("next", "degree:" + g['id'], "Next: the following degree")
if len(degrees) > 2:
    go("previous", "degree:" + degrees[-1]['id'], "Previous: back round to the last degree")
# a career from the degree page, then every career by Next
first = [c for c in careers if c['id'] in degrees[-1]['careers']][0]
idx = [c['id'] for c in careers].index(first['id'])
go("open career:" + first['id'], "career:" + first['id'], "a career from the degree page")
read_to_end()
order = careers[idx + 1:] + careers[:idx + 1]
for c in order:
    go("next", "career:" + c['id'], "Next: the following career")
go("previous", "career:" + careers[idx - 1]['id'], "Previous career")
# the other screens from Home
d = run_dump(); tap(find(d, 'home'), 400, "Home, then every screen"); expect("home")
# the quiz (quiz.json), when the content has one: the first answer to every
# question, the result read to its end, then Home
if os.path.exists(content + '/quiz.json'):
    questions = json.load(open(content + '/quiz.json'))['questions']
    go("screen quiz", "quiz:1", "Which degree suits me? The first answer to every question")
    for k in range(len(questions)):
        go("answer 1", "quiz:%d" % (k + 2) if k + 1 < len(questions) else "quiz-result")
    read_to_end()
    d = run_dump(); tap(find(d, 'home'), 400); expect("home")
for scr in ("compare", "careers", "ba-bs", "about"):
    go("screen " + scr, scr)
    read_to_end()
    if scr == "compare":
        # pick another pair
        d = run_dump()
        picks = [t for t in d['targets'] if t['action'].startswith('pick second') and t['visible'] and t['enabled']]
        if picks: tap(picks[-1], 400, "pick another degree for the second column"); expect("compare")
    if scr == "careers":
        go("open career:" + careers[-1]['id'], "career:" + careers[-1]['id'], "a career from the map")
        d = run_dump(); tap(find(d, 'back'), 400); expect("careers")
    d = run_dump(); tap(find(d, 'back'), 400); expect("home")
header = ["# args: --size %s --content %s --attract-after 0" % (size, content)] + \
    ["# " + e for e in extra] + \
    ["# Written by tests/tools/gen_taps_replay.py from the --dump account's targets:",
     "# run it again when a layout moves."]
open(out, 'w').write("\n".join(header + lines) + "\n")
for f in os.listdir(tmp):
    os.remove(os.path.join(tmp, f))
os.rmdir(tmp)
print("%s: %d lines" % (out, len(lines)))
