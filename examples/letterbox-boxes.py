#!/usr/bin/python3
"""Map a detection from model coordinates back to the source picture.

    GST_PLUGIN_PATH=$PWD/build/gst/alignscale /usr/bin/python3 examples/letterbox-boxes.py

Run it with the system interpreter, /usr/bin/python3 (Debian's python3-gi
and python3-gst-1.0); a python3 from pyenv or a venv has no `gi`.

For several source sizes, a test pattern goes through

    alignscale letterbox=ultralytics integer-model=opencv ! 640x640 appsink

(Ultralytics' LetterBox frame, byte for byte). A "detection" box in model
(640x640) coordinates is mapped back to the source picture with the
GstAlignScaleGeometryMeta the output buffer carries, and compared with
Ultralytics' own scale_boxes (ultralytics/utils/ops.py, ratio_pad=None),
written out below from the library's code.

scale_boxes is not exactly the inverse of LetterBox: it uses the unrounded
gain and takes its padding from w0 * gain rather than from the rounded
picture size, so a point comes back up to one model pixel away from where
the placement put it (docs/letterbox.md, "The way back"). The example
accepts that much (one model pixel, 1 / gain source pixels) and exits
non-zero on any larger disagreement.
"""
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

MODEL = 640
SOURCES = [(1920, 1080), (1280, 720), (640, 480), (480, 640), (1000, 333),
           (333, 1000), (641, 479), (100, 100), (1277, 719),
           # LetterBox's padding and scale_boxes' differ by one pixel
           (635, 479), (614, 719)]
# x0, y0, x1, y1 in model pixels: inside the picture, across the pad, and
# the whole model input
BOXES = [(100.25, 250.5, 540.75, 390.125), (10.0, 5.0, 630.0, 600.0),
         (0.0, 0.0, 640.0, 640.0)]


def ultralytics_scale_boxes(img1_shape, box, img0_shape):
    """ultralytics/utils/ops.py scale_boxes (ratio_pad=None, padding=True,
    xywh=False), then clip_boxes; shapes are (h, w) as in the library."""
    gain = min(img1_shape[0] / img0_shape[0], img1_shape[1] / img0_shape[1])
    pad = (
        round((img1_shape[1] - img0_shape[1] * gain) / 2 - 0.1),
        round((img1_shape[0] - img0_shape[0] * gain) / 2 - 0.1),
    )
    x0, y0, x1, y1 = box
    x0 -= pad[0]
    y0 -= pad[1]
    x1 -= pad[0]
    y1 -= pad[1]
    x0, y0, x1, y1 = (v / gain for v in (x0, y0, x1, y1))
    # clip_boxes: x to [0, w], y to [0, h]
    w, h = img0_shape[1], img0_shape[0]
    clip = lambda v, hi: min(max(v, 0), hi)  # noqa: E731
    return (clip(x0, w), clip(y0, h), clip(x1, w), clip(y1, h)), gain


def geometry(w0, h0):
    """one frame through alignscale: its GstAlignScaleGeometryMeta"""
    pipeline = Gst.parse_launch(
        "videotestsrc num-buffers=1 pattern=smpte ! "
        "video/x-raw,format=RGB,width=%d,height=%d ! "
        "alignscale letterbox=ultralytics integer-model=opencv ! "
        "video/x-raw,width=%d,height=%d ! appsink name=sink sync=false"
        % (w0, h0, MODEL, MODEL))
    sink = pipeline.get_by_name("sink")
    pipeline.set_state(Gst.State.PLAYING)
    sample = sink.emit("pull-sample")
    if sample is None:
        msg = pipeline.get_bus().pop_filtered(Gst.MessageType.ERROR)
        pipeline.set_state(Gst.State.NULL)
        raise RuntimeError(msg.parse_error() if msg else "no frame")
    meta = sample.get_buffer().get_custom_meta("GstAlignScaleGeometryMeta")
    if meta is None:
        pipeline.set_state(Gst.State.NULL)
        raise RuntimeError("no GstAlignScaleGeometryMeta on the frame")
    s = meta.get_structure()
    g = {k: s.get_value(k) for k in (
        "input-width", "input-height", "source-x", "source-y",
        "picture-x", "picture-y", "picture-width", "picture-height",
        "scale-x", "scale-y")}
    pipeline.set_state(Gst.State.NULL)
    return g


def to_source(g, box):
    """the way back with the meta (docs/alignscale.md, "The way back"),
    clipped to the source as scale_boxes clips"""
    x0, y0, x1, y1 = box
    xs = [(v - g["picture-x"]) / g["scale-x"] + g["source-x"] for v in (x0, x1)]
    ys = [(v - g["picture-y"]) / g["scale-y"] + g["source-y"] for v in (y0, y1)]
    w, h = g["input-width"], g["input-height"]
    clip = lambda v, hi: min(max(v, 0), hi)  # noqa: E731
    return (clip(xs[0], w), clip(ys[0], h), clip(xs[1], w), clip(ys[1], h))


def main():
    Gst.init(None)
    if Gst.ElementFactory.find("alignscale") is None:
        print("alignscale not found: set GST_PLUGIN_PATH", file=sys.stderr)
        return 1
    bad = 0
    for w0, h0 in SOURCES:
        g = geometry(w0, h0)
        print("%dx%d -> %dx%d: picture %d,%d %dx%d, scale %.6f x %.6f" % (
            w0, h0, MODEL, MODEL, g["picture-x"], g["picture-y"],
            g["picture-width"], g["picture-height"], g["scale-x"],
            g["scale-y"]))
        for box in BOXES:
            meta_box = to_source(g, box)
            ul_box, gain = ultralytics_scale_boxes(
                (MODEL, MODEL), box, (h0, w0))
            diff = max(abs(a - b) for a, b in zip(meta_box, ul_box))
            # one model pixel, in source pixels (plus float32 precision)
            ok = diff <= 1.0 / gain + 1e-4
            bad += not ok
            print("  model %-36s meta %-44s scale_boxes %-44s |d| %.4f%s" % (
                "(%.2f, %.2f, %.2f, %.2f)" % box,
                "(%.3f, %.3f, %.3f, %.3f)" % meta_box,
                "(%.3f, %.3f, %.3f, %.3f)" % ul_box, diff,
                "" if ok else "  DISAGREE (more than 1 model pixel)"))
    if bad:
        print("%d boxes disagree" % bad, file=sys.stderr)
        return 1
    print("all boxes agree within Ultralytics' own rounding")
    return 0


if __name__ == "__main__":
    sys.exit(main())
