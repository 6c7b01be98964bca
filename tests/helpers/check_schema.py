#!/usr/bin/python3
"""check_schema.py - checks content/schema.json, the editor schema of the content.

Run with Debian's interpreter, which has python3-jsonschema:
    /usr/bin/python3 tests/helpers/check_schema.py [--hostile DIR]
Three parts, all relative to the repository this file lives in:
  a) schema.json is itself a valid draft 2020-12 schema;
  b) every shipped content/*.json passes it, both against the definition named
     after the file and against the schema as a whole (what an editor uses),
     and the whole schema really recognises each file by its keys;
  c) every case in tests/data/hostile/<case>/ whose "schema" file starts with
     "reject" is rejected. A case is built as
     tests/e2e/quick/check_hostile.sh builds it, in a temporary copy of
     content/*.json: its files (all but remove, setup.sh, expect and schema)
     are copied over the top, the names listed one a line in its "remove"
     file are deleted, then "sh CASE/setup.sh DIR" runs from the repository
     root. The case is rejected when one of the content files is not JSON
     (strict UTF-8, a leading byte-order mark allowed as the app allows it;
     nesting too deep for Python counts as not JSON) or fails its schema
     definition. Files that are missing or not readable regular files are
     left out: a schema never sees them. Cases marked "n/a" are built and
     checked too, with a note if the schema rejects them after all.
--hostile DIR reads the cases from DIR instead of tests/data/hostile.
Exit status 0 when everything holds, 1 otherwise.
"""
import itertools
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile

try:
    import jsonschema
    from jsonschema import Draft202012Validator
except ImportError:
    print("FAIL: python3-jsonschema is not installed (make deps installs it)")
    sys.exit(1)

# This file is tests/helpers/check_schema.py: the repository is three up.
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCHEMA = os.path.join("content", "schema.json")
HOSTILE = os.path.join("tests", "data", "hostile")
# The content files are the rows of the app's one table of them, so a new
# file type needs no second list here.
TABLE = os.path.join("src", "content", "content_files.h")


def table_files():
    with open(os.path.join(REPO, TABLE), encoding="utf-8") as f:
        names = re.findall(r'^CONTENT_FILE\(\s*\w+\s*,\s*"([^"]+)"', f.read(), re.M)
    if not names:
        print("FAIL: no CONTENT_FILE rows in %s" % TABLE)
        sys.exit(1)
    return tuple(names)


FILES = table_files()
CONTROL = {"remove", "setup.sh", "expect", "schema"}
READ_LIMIT = 64 << 20      # bigger than any hostile case needs; the app stops at 4 MiB
SETUP_TIMEOUT = 300


class Unreadable(Exception):
    """The file is missing or not a readable file: nothing for a schema to see."""


class Unparsable(Exception):
    """The file was read but is not JSON; the message says why."""


def short(text, n=160):
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[:n - 3] + "..."


def json_path(parts):
    """A jsonschema path as the app writes it: degrees[0].careers[2]."""
    out = ""
    for p in parts:
        if isinstance(p, int):
            out += "[%d]" % p
        else:
            out += ("." if out else "") + str(p)
    return out or "(top level)"


def first_key_wins(pairs):
    # cJSON, and so the app, reads the first of two equal keys; Python's json
    # would keep the last.
    obj = {}
    for k, v in pairs:
        obj.setdefault(k, v)
    return obj


def no_constants(name):
    raise ValueError("%s is not JSON" % name)


def check_unicode(doc):
    """Reject strings holding a lone surrogate escape such as "\\ud800"."""
    stack = [doc]
    while stack:
        v = stack.pop()
        if isinstance(v, dict):
            stack.extend(v.keys())
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
        elif isinstance(v, str):
            try:
                v.encode("utf-8")
            except UnicodeEncodeError:
                raise Unparsable("a \\u escape names half of a surrogate pair, which is not text")


def load(path):
    """The parsed JSON of path; raises Unreadable or Unparsable."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise Unreadable("missing (or a link to nothing)")
    except OSError as e:
        raise Unreadable("cannot be read: %s" % e.strerror)
    if not stat.S_ISREG(st.st_mode):
        raise Unreadable("not a regular file")
    if st.st_size > READ_LIMIT:
        raise Unreadable("larger than %d MiB, not read" % (READ_LIMIT >> 20))
    try:
        with open(path, "rb") as f:
            data = f.read(READ_LIMIT + 1)
    except OSError as e:
        raise Unreadable("cannot be read: %s" % e.strerror)
    if len(data) > READ_LIMIT:
        raise Unreadable("larger than %d MiB, not read" % (READ_LIMIT >> 20))
    try:
        text = data.decode("utf-8-sig", errors="strict")
    except UnicodeDecodeError as e:
        raise Unparsable("not UTF-8 text (byte %d)" % e.start)
    del data
    try:
        doc = json.loads(text, object_pairs_hook=first_key_wins, parse_constant=no_constants)
    except RecursionError:
        raise Unparsable("nested too deeply to parse")
    except ValueError as e:
        raise Unparsable("invalid JSON: %s" % short(e, 100))
    check_unicode(doc)
    return doc


def describe(err):
    msg = err.message
    shown = repr(err.instance)
    if len(shown) > 60 and msg.startswith(shown):
        # Do not quote a whole huge value back.
        msg = short(shown, 40) + msg[len(shown):]
    if err.validator == "maxLength":
        msg = "%d characters, more than the %d allowed" % (len(err.instance), err.validator_value)
    elif err.validator == "maxItems":
        msg = "%d entries, more than the %d allowed" % (len(err.instance), err.validator_value)
    elif err.validator == "minItems":
        msg = "%d entries, fewer than the %d needed" % (len(err.instance), err.validator_value)
    return "%s: %s" % (json_path(err.absolute_path), short(msg))


def errors(validator, doc, limit=None):
    """Up to limit readable problems (all when limit is None)."""
    try:
        return [describe(e) for e in itertools.islice(validator.iter_errors(doc), limit)]
    except RecursionError:
        return ["(top level): nested too deeply to validate"]


class Checker:
    def __init__(self):
        self.failures = 0
        self.fc = getattr(Draft202012Validator, "FORMAT_CHECKER", None) or jsonschema.FormatChecker()

    def fail(self, msg):
        self.failures += 1
        print("FAIL: " + msg)

    # ---- a) the schema itself ----------------------------------------------
    def check_meta(self):
        try:
            self.schema = load(SCHEMA)
        except (Unreadable, Unparsable) as e:
            self.fail("%s: %s" % (SCHEMA, e))
            return False
        try:
            Draft202012Validator.check_schema(self.schema)
        except jsonschema.SchemaError as e:
            self.fail("%s is not a valid draft 2020-12 schema: %s: %s"
                      % (SCHEMA, json_path(e.absolute_path), short(e.message)))
            return False
        # Two things check_schema leaves alone: patterns that do not compile,
        # and $refs that lead nowhere.
        resolver = Draft202012Validator(self.schema).resolver
        for where, key, value in walk_schema(self.schema):
            try:
                if key == "pattern" and isinstance(value, str):
                    re.compile(value)
                elif key == "$ref" and isinstance(value, str):
                    resolver.resolve(value)
            except (re.error, jsonschema.RefResolutionError) as e:
                self.fail("%s: %s: %s %r: %s" % (SCHEMA, where, key, value, short(e, 100)))
                return False
        if self.schema.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
            self.fail("%s does not declare draft 2020-12 in $schema" % SCHEMA)
            return False
        missing = [n for n in FILES if n not in self.schema.get("$defs", {})]
        if missing:
            self.fail("%s has no $defs entry for %s" % (SCHEMA, ", ".join(missing)))
            return False
        self.whole = Draft202012Validator(self.schema, format_checker=self.fc)
        self.per_file = {}
        for n in FILES:
            wrapper = {"$schema": self.schema["$schema"], "$defs": self.schema["$defs"],
                       "$ref": "#/$defs/" + n}
            self.per_file[n] = Draft202012Validator(wrapper, format_checker=self.fc)
        print("schema ok: %s is a valid draft 2020-12 schema" % SCHEMA)
        return True

    # ---- b) the shipped content --------------------------------------------
    def check_shipped(self):
        names = sorted(n for n in os.listdir("content")
                       if n.endswith(".json") and n != os.path.basename(SCHEMA))
        for n in FILES:
            if n not in names:
                self.fail("content/%s is missing" % n)
        for n in names:
            path = os.path.join("content", n)
            try:
                doc = load(path)
            except (Unreadable, Unparsable) as e:
                self.fail("%s: %s" % (path, e))
                continue
            if n not in FILES:
                print("note: %s is not one of the content files; checked "
                      "against the whole schema only" % path)
                probs = errors(self.whole, doc)
            else:
                probs = errors(self.per_file[n], doc)
                probs += ["(whole schema) " + p for p in errors(self.whole, doc)]
            for p in probs:
                self.fail("%s: %s" % (path, p))
            if probs:
                continue
            # The whole schema must pick this file's definition: with every
            # top-level value but "schema" broken, it has to object.
            if n in FILES and isinstance(doc, dict):
                broken = {k: (v if k == "schema" else 12345) for k, v in doc.items()}
                if not errors(self.whole, broken, 1):
                    self.fail("%s: the whole schema does not recognise this file by its keys" % path)
                    continue
            print("valid: %s" % path)

    # ---- c) hostile cases ----------------------------------------------------
    def build(self, case_dir, dest):
        """Make the case's content directory in dest; return None or what went wrong."""
        for n in os.listdir("content"):
            if n.endswith(".json"):
                shutil.copy(os.path.join("content", n), dest)
        for name in sorted(os.listdir(case_dir)):
            if name in CONTROL or name.startswith("."):
                continue
            src, dst = os.path.join(case_dir, name), os.path.join(dest, name)
            if os.path.isdir(dst) and not os.path.islink(dst):
                shutil.rmtree(dst)
            elif os.path.lexists(dst):
                os.unlink(dst)
            if os.path.isdir(src) and not os.path.islink(src):
                shutil.copytree(src, dst, symlinks=True)
            else:
                shutil.copy2(src, dst, follow_symlinks=False)
        remove = os.path.join(case_dir, "remove")
        if os.path.isfile(remove):
            with open(remove, encoding="utf-8") as f:
                for name in f.read().splitlines():
                    if not name.strip():
                        continue
                    p = os.path.join(dest, name.strip())
                    if os.path.isdir(p) and not os.path.islink(p):
                        shutil.rmtree(p)
                    elif os.path.lexists(p):
                        os.unlink(p)
        setup = os.path.join(case_dir, "setup.sh")
        if os.path.isfile(setup):
            try:
                r = subprocess.run(["sh", os.path.abspath(setup), dest], stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   timeout=SETUP_TIMEOUT)
            except subprocess.TimeoutExpired:
                return "setup.sh ran for over %d s" % SETUP_TIMEOUT
            if r.returncode != 0:
                return "setup.sh exited %d: %s" % (
                    r.returncode, short(r.stdout.decode("utf-8", "replace"), 300))
        return None

    def verdict(self, dest):
        """(file, reason, whole schema also rejects) for the first rejected
        file, or (None, what could not be checked)."""
        unseen = []
        for n in FILES:
            try:
                doc = load(os.path.join(dest, n))
            except Unreadable as e:
                # Whether a file is there at all is no JSON a schema can judge.
                unseen.append("%s %s" % (n, e))
                continue
            except Unparsable as e:
                return n, str(e), True
            probs = errors(self.per_file[n], doc, 1)
            if probs:
                return n, probs[0], bool(errors(self.whole, doc, 1))
        return None, "; ".join(unseen)

    def check_hostile(self):
        if not os.path.isdir(HOSTILE):
            print("note: no %s directory; no hostile cases to check" % HOSTILE)
            return
        cases = sorted(d for d in os.listdir(HOSTILE) if os.path.isdir(os.path.join(HOSTILE, d)))
        if not cases:
            print("note: %s holds no cases" % HOSTILE)
            return
        tally = {"reject": 0, "n/a": 0}
        for case in cases:
            case_dir = os.path.join(HOSTILE, case)
            try:
                with open(os.path.join(case_dir, "schema"), encoding="utf-8") as f:
                    words = f.read().split()
            except FileNotFoundError:
                print("note: %s has no schema file; skipped" % case)
                continue
            kind = words[0] if words else ""
            if kind not in tally:
                self.fail("%s: its schema file must start with \"reject\" or \"n/a\", not %r"
                          % (case, kind))
                continue
            tally[kind] += 1
            tmp = tempfile.mkdtemp(prefix="openday-schema-")
            try:
                dest = os.path.join(tmp, "content")
                os.mkdir(dest)
                problem = self.build(case_dir, dest)
                if problem:
                    self.fail("%s: cannot build the case: %s" % (case, problem))
                    continue
                v = self.verdict(dest)
            finally:
                remove_tree(tmp)
            rejected = v[0] is not None
            if kind == "n/a":
                reason = " ".join(words[1:]) or "(no reason given)"
                print("n/a: %s: %s" % (case, short(reason, 120)))
                if rejected:
                    print("  note: the schema rejects it after all (%s: %s)" % (v[0], short(v[1], 100)))
            elif rejected:
                print("reject ok: %s (%s: %s)" % (case, v[0], short(v[1], 100)))
                if not v[2]:
                    print("  note: an editor using the whole schema would not flag it: "
                          "%s has none of its file's distinctive keys" % v[0])
            else:
                self.fail("%s was accepted by the schema%s"
                          % (case, " (not checked: %s)" % v[1] if v[1] else ""))
        print("hostile cases: %d to reject, %d not expressible" % (tally["reject"], tally["n/a"]))


def walk_schema(node, where="#"):
    """(JSON pointer, keyword, value) for every keyword in a schema."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield where, k, v
            yield from walk_schema(v, where + "/" + k)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk_schema(v, "%s/%d" % (where, i))


def remove_tree(path):
    def retry(func, p, _exc):
        # A case may leave files or folders without permissions.
        try:
            os.chmod(os.path.dirname(p), 0o700)
            os.chmod(p, 0o700)
            func(p)
        except OSError:
            pass
    shutil.rmtree(path, onerror=retry)


def main(argv):
    global HOSTILE
    if len(argv) == 2 and argv[0] == "--hostile":
        HOSTILE = os.path.abspath(argv[1])
    elif argv:
        print("usage: check_schema.py [--hostile DIR]")
        return 2
    os.chdir(REPO)
    c = Checker()
    if c.check_meta():
        c.check_shipped()
        c.check_hostile()
    if c.failures:
        print("check_schema: %d failure(s)" % c.failures)
        return 1
    print("check_schema: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
