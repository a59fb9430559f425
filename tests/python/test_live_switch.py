#!/usr/bin/env python3
"""alignscale driven from PyGObject: properties flipped between frames of a
PLAYING pipeline give, frame by frame, what a fresh pipeline with that
configuration gives."""
import subprocess
import sys
import unittest

import gi

gi.require_version("Gst", "1.0")
from gi.repository import Gst  # noqa: E402

Gst.init(None)

IN_CAPS = "video/x-raw,format=RGBA,width=37,height=29,framerate=30/1"
OUT_CAPS = "video/x-raw,width=53,height=17"


def make_frame():
    x, data = 0x1234567, bytearray()
    for _ in range(37 * 29 * 4):      # xorshift32 noise
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        data.append(x >> 24)
    return bytes(data)


FRAME = make_frame()
# every property a frame depends on (align-corners is coordinate-mode)
PROPS = ("method", "coordinate-mode", "cubic-a", "nearest-mode",
         "exclude-outside", "antialias", "scale-factor-x", "scale-factor-y",
         "roi", "extrapolation-value")
ENUMS = ("method", "coordinate_mode", "nearest_mode")


class Scaler:
    def __init__(self, **props):
        self.pipeline = Gst.parse_launch(
            "appsrc name=src format=time caps=%s ! alignscale name=scaler ! %s ! "
            "appsink name=sink sync=false" % (IN_CAPS, OUT_CAPS))
        self.scaler = self.pipeline.get_by_name("scaler")
        self.src = self.pipeline.get_by_name("src")
        self.sink = self.pipeline.get_by_name("sink")
        self.scaler.set_properties(**props)
        self.pipeline.set_state(Gst.State.PLAYING)
        self.pts = 0

    def scale(self):
        buf = Gst.Buffer.new_wrapped(FRAME)
        buf.pts = self.pts
        self.pts += Gst.SECOND // 30
        self.assert_ok(self.src.emit("push-buffer", buf))
        sample = self.sink.emit("try-pull-sample", 5 * Gst.SECOND)
        if sample is None:
            raise AssertionError("no output frame")
        buf = sample.get_buffer()
        return buf.extract_dup(0, buf.get_size())

    @staticmethod
    def assert_ok(ret):
        if ret != Gst.FlowReturn.OK:
            raise AssertionError("push-buffer returned %s" % ret)

    def close(self):
        self.pipeline.set_state(Gst.State.NULL)


def fresh(**props):
    s = Scaler(**props)
    try:
        return s.scale()
    finally:
        s.close()


class LiveSwitchTest(unittest.TestCase):
    def test_flip_between_frames(self):
        steps = [
            {},
            {"align_corners": True},
            {"method": "bicubic"},
            {"cubic_a": -0.5},
            {"method": "nearest", "align_corners": False},
            {"method": "bilinear"},
            {"coordinate_mode": "asymmetric"},
            {"antialias": True, "coordinate_mode": "half-pixel"},
            {"antialias": False, "coordinate_mode": "tf-crop-and-resize",
             "roi": [0.2, -0.1, 0.7, 1.2], "extrapolation_value": 0.25},
            {"coordinate_mode": "pytorch-half-pixel", "method": "bicubic",
             "exclude_outside": True},
            {"scale_factor_x": 1.3, "scale_factor_y": 0.6},
            {"method": "nearest", "nearest_mode": "ceil",
             "scale_factor_x": 0.0, "scale_factor_y": 0.0},
        ]
        live = Scaler()
        expected = {}
        try:
            previous = None
            for step in steps:
                live.scaler.set_properties(**step)
                config = {
                    name.replace("-", "_"): live.scaler.get_property(name)
                    for name in PROPS}
                for name in ENUMS:
                    config[name] = config[name].value_nick
                got = live.scale()
                expected = fresh(**config)
                self.assertEqual(got, expected, "frame after %r" % step)
                if previous is not None:
                    self.assertNotEqual(got, previous, "%r had no effect" % step)
                previous = got
        finally:
            live.close()

    def test_enum_by_nick_and_flags(self):
        e = Gst.ElementFactory.make("alignscale", None)
        self.assertIsNotNone(e, "alignscale not found: check GST_PLUGIN_PATH")
        e.set_property("method", "bicubic")
        self.assertEqual(e.get_property("method").value_nick, "bicubic")
        for name in PROPS + ("align-corners",):
            pspec = e.find_property(name)
            self.assertTrue(pspec.flags & Gst.PARAM_MUTABLE_PLAYING, name)
            if name != "roi":
                self.assertTrue(pspec.flags & Gst.PARAM_CONTROLLABLE, name)
        # align-corners and coordinate-mode are one state
        e.set_property("align-corners", True)
        self.assertEqual(e.get_property("coordinate-mode").value_nick,
                         "align-corners")
        e.set_property("coordinate-mode", "asymmetric")
        self.assertFalse(e.get_property("align-corners"))
        # roi from a Python list or a Gst.ValueArray
        e.set_property("roi", [0.1, 0.2, 0.9, 0.8])
        self.assertEqual(list(e.get_property("roi")), [0.1, 0.2, 0.9, 0.8])
        e.set_property("roi", Gst.ValueArray([0.0, 0.0, 1.0, 1.0]))
        self.assertEqual(list(e.get_property("roi")), [0.0, 0.0, 1.0, 1.0])
        # integers are numbers too (once a CRITICAL and an unchanged roi)
        e.set_property("roi", [0, 1, 2, 3])
        self.assertEqual(list(e.get_property("roi")), [0.0, 1.0, 2.0, 3.0])

    def test_bad_roi_warns(self):
        # three numbers: a warning the user sees, the roi unchanged
        code = ("import gi; gi.require_version('Gst', '1.0');"
                "from gi.repository import Gst; Gst.init(None);"
                "e = Gst.ElementFactory.make('alignscale');"
                "e.set_property('roi', [0.1, 0.2, 0.3]);"
                "print(list(e.get_property('roi')))")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True,
                             text=True, check=True)
        self.assertIn("roi needs four numbers", out.stderr)
        self.assertEqual(out.stdout.strip(), "[0.0, 0.0, 1.0, 1.0]")


if __name__ == "__main__":
    unittest.main(verbosity=2)
