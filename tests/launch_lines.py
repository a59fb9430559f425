#!/usr/bin/env python3
"""Every gst-launch-1.0 line of the README and docs/*.md, run as written.

    GST_PLUGIN_PATH=build/gst/alignscale /usr/bin/python3 tests/launch_lines.py [ROOT]

A line is one that starts with `gst-launch-1.0` (after an optional `$ `)
inside a ```sh, ```shell, ```bash or ```console fenced block, with its `\\`
continuations. What a reader would change to try it here is changed:

* a display sink (autovideosink, xvimagesink, ximagesink, glimagesink,
  waylandsink) becomes fakesink;
* videotestsrc gets num-buffers=2 (or keeps a smaller count).

A pipeline from videotestsrc is run (gst-launch-1.0, 60 s at most) and
must end with exit status 0. Any other source (a file, a camera, a URI)
cannot run here: the pipeline is built with Gst.parse_launch and must
parse (elements exist, properties and values are valid), then is freed.
A line that names an element this machine lacks (gst-plugins-good's
videocrop, a decoder, a camera source) is reported as skipped with the
element's name; everything else that fails, fails the test.
"""
import os
import re
import shlex
import subprocess
import sys

DISPLAY_SINKS = {"autovideosink", "xvimagesink", "ximagesink", "glimagesink",
                 "waylandsink"}
FENCE = re.compile(r"^\s*```\s*(\w*)")
SHELLS = {"sh", "shell", "bash", "console"}


def launch_lines(path):
    """(line number, command) of every gst-launch-1.0 line in path"""
    out = []
    lang = None
    pending, start = None, 0
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            m = FENCE.match(raw)
            if m:
                lang = None if lang is not None else m.group(1)
                pending = None
                continue
            if lang not in SHELLS:
                continue
            line = raw.rstrip("\n")
            if pending is None:
                s = line.strip()
                if s.startswith("$ "):
                    s = s[2:]
                if not s.startswith("gst-launch-1.0"):
                    continue
                pending, start, line = "", n, s
            cont = line.rstrip().endswith("\\")
            pending += line.rstrip()[:-1] + " " if cont else line
            if not cont:
                out.append((start, pending.split(" #")[0].strip()))
                pending = None
    return out


def adapt(argv):
    """the pipeline's words, as it runs here; its first element"""
    words = [w for w in argv[1:] if not w.startswith("-")]
    out, first = [], None
    element = None
    for w in words:
        if w == "!":
            element = None
            out.append(w)
            continue
        if element is None and "=" not in w and "," not in w \
                and "/" not in w:
            element = w
            first = first or w
            if w in DISPLAY_SINKS:
                w = "fakesink"
            out.append(w)
            if w == "videotestsrc":
                out.append("num-buffers=2")
            continue
        if element == "videotestsrc" and w.startswith("num-buffers="):
            out[out.index("num-buffers=2")] = "num-buffers=%d" % min(
                int(w.split("=", 1)[1]), 2)
            continue
        out.append(w)
    return out, first


def missing_element(text):
    m = re.search(r'no element "([^"]+)"', text)
    return m.group(1) if m else None


def parse_only(words):
    import gi
    gi.require_version("Gst", "1.0")
    from gi.repository import GLib, Gst
    Gst.init(None)
    def quoted(w):
        # gst-launch's own quoting: a value with spaces in double quotes
        if " " in w and "=" in w:
            k, v = w.split("=", 1)
            return '%s="%s"' % (k, v)
        return w

    try:
        pipeline = Gst.parse_launch(" ".join(quoted(w) for w in words))
    except GLib.Error as e:
        return e.message
    pipeline.set_state(Gst.State.NULL)
    return None


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..")
    files = [os.path.join(root, "README.md")]
    docs = os.path.join(root, "docs")
    files += sorted(os.path.join(docs, f) for f in os.listdir(docs)
                    if f.endswith(".md"))
    ran = parsed = 0
    skipped, failed = [], []
    for path in files:
        rel = os.path.relpath(path, root)
        for n, cmd in launch_lines(path):
            words, first = adapt(shlex.split(cmd))
            where = "%s:%d" % (rel, n)
            if first == "videotestsrc":
                try:
                    r = subprocess.run(["gst-launch-1.0", "-q"] + words,
                                       capture_output=True, text=True,
                                       timeout=60)
                    err = None if r.returncode == 0 else (
                        r.stdout + r.stderr).strip()
                except subprocess.TimeoutExpired:
                    err = "did not end within 60 s"
                ran += err is None
            else:
                err = parse_only(words)
                parsed += err is None
            if err is None:
                continue
            gone = missing_element(err)
            if gone:
                skipped.append("%s (no %s here)" % (where, gone))
            else:
                failed.append("%s: %s\n    %s" % (where, cmd, err))
    print("launch lines: %d ran, %d parsed, %d skipped, %d failed"
          % (ran, parsed, len(skipped), len(failed)))
    for s in skipped:
        print("  skipped: " + s)
    for f in failed:
        print("  FAILED: " + f)
    return 1 if failed or not ran else 0


if __name__ == "__main__":
    sys.exit(main())
