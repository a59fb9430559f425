#!/usr/bin/python3
"""Switch alignscale's configuration while PLAYING, from a PyGObject program.

    GST_PLUGIN_PATH=$PWD/build/gst/alignscale /usr/bin/python3 examples/live-switch.py

Run it with the system interpreter, /usr/bin/python3 (Debian's python3-gi
and python3-gst-1.0); a python3 from pyenv or a venv has no `gi`.

The same picture (videotestsrc pattern=pinwheel: a still pattern, every
frame identical) is scaled from 320x240 to 224x224. Every 8 frames the
appsink callback sets new properties on the element, each a framework's
resize, and alignscale applies them from the next frame it scales. Each
frame's line shows the configuration the element has and the md5 of the
output: constant while the configuration stays, different from the first
frame after a switch. The program checks exactly that and exits non-zero
otherwise (tests/meson.build runs it).

The properties only change the arithmetic here (the output size is fixed
by the caps), so no renegotiation happens; with a queue between alignscale
and the sink, the frames already queued keep the configuration they were
made with.
"""
import hashlib
import os
import sys

try:
    import gi
except ImportError as e:
    sys.exit("%s: %s in %s\nrun it with the system interpreter, "
             "/usr/bin/python3 (Debian: apt install python3-gi "
             "python3-gst-1.0)" % (os.path.basename(__file__), e,
                                   sys.executable))

gi.require_version("Gst", "1.0")
from gi.repository import Gst  # noqa: E402

EVERY = 8
# what to set before frame EVERY * i, as the framework call it reproduces
SWITCHES = [
    ({}, 'F.interpolate(mode="bilinear") (the defaults)'),
    ({"align-corners": "true"}, 'F.interpolate(mode="bilinear", '
     "align_corners=True)"),
    ({"method": "bicubic"}, 'F.interpolate(mode="bicubic", '
     "align_corners=True)"),
    ({"align-corners": "false", "antialias": "true"},
     'F.interpolate(mode="bicubic", antialias=True)'),
    ({"method": "nearest", "coordinate-mode": "asymmetric",
      "antialias": "false"}, 'F.interpolate(mode="nearest")'),
    # area has no coordinate mapping: half-pixel only for a tidy line
    ({"method": "area", "coordinate-mode": "half-pixel"},
     'F.interpolate(mode="area")'),
]
SHOWN = ("method", "coordinate-mode", "antialias")


def configuration(scaler):
    values = []
    for name in SHOWN:
        v = scaler.get_property(name)
        values.append("%s=%s" % (name, v.value_nick if hasattr(
            v, "value_nick") else str(v).lower()))
    return " ".join(values)


def main():
    Gst.init(None)
    if Gst.ElementFactory.find("alignscale") is None:
        print("alignscale not found: set GST_PLUGIN_PATH="
              "$PWD/build/gst/alignscale (after ninja -C build)",
              file=sys.stderr)
        return 1
    pipeline = Gst.parse_launch(
        "videotestsrc is-live=false pattern=pinwheel num-buffers=%d ! "
        "video/x-raw,format=RGB,width=320,height=240 ! "
        "alignscale name=scaler ! video/x-raw,width=224,height=224 ! "
        "appsink name=sink emit-signals=true sync=false"
        % (EVERY * len(SWITCHES)))
    scaler = pipeline.get_by_name("scaler")
    frames = []  # (switch index, md5) per frame

    def on_sample(sink):
        n = len(frames)
        buf = sink.emit("pull-sample").get_buffer()
        digest = hashlib.md5(buf.extract_dup(0, buf.get_size())).hexdigest()
        changed = n > 0 and digest != frames[-1][1]
        frames.append((n // EVERY, digest))
        print("frame %2d  %-64s md5 %s%s" % (
            n, configuration(scaler), digest[:12],
            "  <- changed" if changed else ""))
        nxt = (n + 1) // EVERY
        if (n + 1) % EVERY == 0 and nxt < len(SWITCHES):
            props, call = SWITCHES[nxt]
            print("-- before frame %d, %s: %s" % (
                n + 1, call, " ".join("%s=%s" % kv for kv in props.items())))
            for name, value in props.items():
                # by name and nick, as gst-launch-1.0 parses them (C:
                # gst_util_set_object_arg)
                Gst.util_set_object_arg(scaler, name, value)
        return Gst.FlowReturn.OK

    pipeline.get_by_name("sink").connect("new-sample", on_sample)
    pipeline.set_state(Gst.State.PLAYING)
    msg = pipeline.get_bus().timed_pop_filtered(
        Gst.CLOCK_TIME_NONE, Gst.MessageType.EOS | Gst.MessageType.ERROR)
    pipeline.set_state(Gst.State.NULL)
    if msg.type == Gst.MessageType.ERROR:
        print(msg.parse_error(), file=sys.stderr)
        return 1

    # the output changes exactly at each switch and nowhere else
    bad = []
    if len(frames) != EVERY * len(SWITCHES):
        bad.append("%d frames, expected %d" % (len(frames),
                                              EVERY * len(SWITCHES)))
    for n in range(1, len(frames)):
        same_config = frames[n][0] == frames[n - 1][0]
        same_output = frames[n][1] == frames[n - 1][1]
        if same_config != same_output:
            bad.append("frame %d: %s" % (n, "output changed without a switch"
                       if same_config else "output unchanged at a switch"))
    if bad:
        print("\n".join(bad), file=sys.stderr)
        return 1
    print("%d configurations, %d frames: the output changed exactly at the "
          "%d switches" % (len(SWITCHES), len(frames), len(SWITCHES) - 1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
