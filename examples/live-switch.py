#!/usr/bin/env python3
"""Flip alignscale's convention while PLAYING from a PyGObject application.

    GST_PLUGIN_PATH=$PWD/build/gst/alignscale python3 examples/live-switch.py

A test pattern is scaled to 224x224. Every 10 frames the application
flips align-corners and the method from the appsink callback (from frame
30 on with PyTorch's antialias too); the element
applies them from the next frame it scales (frames already queued between
alignscale and the appsink keep the configuration they were made with).
"""
import hashlib
import sys

import gi

gi.require_version("Gst", "1.0")
from gi.repository import Gst  # noqa: E402

Gst.init(None)
pipeline = Gst.parse_launch(
    "videotestsrc num-buffers=60 pattern=smpte ! "
    "video/x-raw,format=RGB,width=320,height=240 ! "
    "alignscale name=scaler ! video/x-raw,width=224,height=224 ! "
    "appsink name=sink emit-signals=true sync=false")
scaler = pipeline.get_by_name("scaler")
frames = 0


def on_sample(sink):
    global frames
    buf = sink.emit("pull-sample").get_buffer()
    digest = hashlib.md5(buf.extract_dup(0, buf.get_size())).hexdigest()[:12]
    print("frame %2d  md5 %s" % (frames, digest))
    frames += 1
    if frames % 10 == 0:
        # both properties in one call: they reach the same frame together
        scaler.set_properties(
            align_corners=not scaler.get_property("align-corners"),
            method="bicubic" if frames % 20 == 10 else "bilinear")
        if frames == 30:
            # torchvision's Resize: antialiased (align-corners off again)
            scaler.set_properties(antialias=True, coordinate_mode="half-pixel")
        print("-> method=%s coordinate-mode=%s antialias=%s" % (
            scaler.get_property("method").value_nick,
            scaler.get_property("coordinate-mode").value_nick,
            scaler.get_property("antialias")))
    return Gst.FlowReturn.OK


pipeline.get_by_name("sink").connect("new-sample", on_sample)
pipeline.set_state(Gst.State.PLAYING)
msg = pipeline.get_bus().timed_pop_filtered(
    Gst.CLOCK_TIME_NONE, Gst.MessageType.EOS | Gst.MessageType.ERROR)
pipeline.set_state(Gst.State.NULL)
if msg.type == Gst.MessageType.ERROR:
    print(msg.parse_error(), file=sys.stderr)
    sys.exit(1)
