#!/usr/bin/python3
"""From an appsink to a numpy array, checked against PyTorch.

    GST_PLUGIN_PATH=$PWD/build/gst/alignscale /usr/bin/python3 examples/appsink-numpy.py

Run it with the system interpreter, /usr/bin/python3 (Debian's python3-gi,
python3-gst-1.0, python3-numpy, python3-pil; python3-torch for the
check); a python3 from pyenv or a venv has none of them.

A known picture (examples/data/chelsea-320x240.png) is pushed through

    appsrc ! alignscale ... ! video/x-raw,format=RGB,width=W,height=H ! appsink

and each output buffer is mapped into an H x W x 3 uint8 array. GStreamer
pads every row to its stride (a multiple of 4 bytes for RGB, or whatever
the GstVideoMeta on the buffer says), so the array is cut out of the
mapped rows, never reshaped from the whole buffer. Then, when torch is
installed, the array is compared with F.interpolate of the same picture
(the float result, clamped to 0..255, rounded half up): the exact-match
rate and the largest difference are printed, and the program exits
non-zero if any byte is more than one code value away. Without torch it
says so, shows the arrays and exits 0 (77, a skip, with
--skip-without-torch, as tests/meson.build runs it).
"""
import os
import sys

try:
    import gi
    import numpy as np
    from PIL import Image
except ImportError as e:
    sys.exit("%s: %s in %s\nrun it with the system interpreter, "
             "/usr/bin/python3 (Debian: apt install python3-gi "
             "python3-gst-1.0 python3-numpy python3-pil)" % (
                 os.path.basename(__file__), e, sys.executable))

gi.require_version("Gst", "1.0")
gi.require_version("GstVideo", "1.0")
from gi.repository import Gst, GstVideo  # noqa: E402

PICTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data",
                       "chelsea-320x240.png")
# (framework call, alignscale properties, output size, F.interpolate kwargs)
CASES = [
    # torchvision.transforms.Resize((224, 224)) on a tensor (v2, or v1
    # with antialias=True): bilinear, antialiased
    ("Resize((224, 224)) on a tensor", "method=bilinear antialias=true",
     (224, 224), dict(mode="bilinear", antialias=True)),
    # an odd width: 401 * 3 = 1203 bytes of picture in 1204-byte rows
    ('F.interpolate(mode="bicubic")', "method=bicubic", (401, 301),
     dict(mode="bicubic", align_corners=False)),
    ('F.interpolate(mode="area")', "method=area", (111, 83),
     dict(mode="area")),
]


def sample_to_numpy(sample):
    """an RGB sample as an H x W x 3 uint8 array (a copy), row stride and
    offset from the buffer's GstVideoMeta, else from the caps"""
    buf = sample.get_buffer()
    info = GstVideo.VideoInfo.new_from_caps(sample.get_caps())
    meta = GstVideo.buffer_get_video_meta(buf)
    stride = meta.stride[0] if meta else info.stride[0]
    offset = meta.offset[0] if meta else info.offset[0]
    h, w, c = info.height, info.width, info.finfo.n_components
    ok, mapinfo = buf.map(Gst.MapFlags.READ)
    if not ok:
        raise RuntimeError("cannot map the buffer")
    try:
        rows = np.frombuffer(mapinfo.data, np.uint8, h * stride, offset)
        return rows.reshape(h, stride)[:, :w * c].reshape(h, w, c).copy()
    finally:
        buf.unmap(mapinfo)


def numpy_to_buffer(frame, caps):
    """an H x W x 3 array as a buffer laid out as `caps` say (padded rows)"""
    info = GstVideo.VideoInfo.new_from_caps(caps)
    h, w, c = frame.shape
    rows = np.zeros((h, info.stride[0]), np.uint8)
    rows[:, :w * c] = frame.reshape(h, w * c)
    return Gst.Buffer.new_wrapped(rows.tobytes())


def run(frame, props, out_w, out_h):
    h, w = frame.shape[:2]
    caps = Gst.Caps.from_string(
        "video/x-raw,format=RGB,width=%d,height=%d,framerate=30/1,"
        "pixel-aspect-ratio=1/1" % (w, h))
    pipeline = Gst.parse_launch(
        "appsrc name=src format=time ! alignscale %s ! "
        "video/x-raw,format=RGB,width=%d,height=%d ! appsink name=sink "
        "sync=false" % (props, out_w, out_h))
    src, sink = pipeline.get_by_name("src"), pipeline.get_by_name("sink")
    src.set_property("caps", caps)
    pipeline.set_state(Gst.State.PLAYING)
    buf = numpy_to_buffer(frame, caps)
    buf.pts, buf.duration = 0, Gst.SECOND // 30
    src.emit("push-buffer", buf)
    src.emit("end-of-stream")
    sample = sink.emit("try-pull-sample", 10 * Gst.SECOND)
    pipeline.set_state(Gst.State.NULL)
    if sample is None:
        raise RuntimeError("alignscale %s: no output frame" % props)
    meta = GstVideo.buffer_get_video_meta(sample.get_buffer())
    stride = (meta.stride[0] if meta else GstVideo.VideoInfo.new_from_caps(
        sample.get_caps()).stride[0])
    return sample_to_numpy(sample), stride


def main():
    skip_without_torch = "--skip-without-torch" in sys.argv[1:]
    Gst.init(None)
    if Gst.ElementFactory.find("alignscale") is None:
        print("alignscale not found: set GST_PLUGIN_PATH="
              "$PWD/build/gst/alignscale (after ninja -C build)",
              file=sys.stderr)
        return 1
    try:
        import torch
        import torch.nn.functional as F
    except ImportError:
        torch = None
        print("torch is not installed (Debian: apt install python3-torch): "
              "the arrays are not checked")

    frame = np.asarray(Image.open(PICTURE).convert("RGB"))
    h, w = frame.shape[:2]
    bad = 0
    for call, props, (out_w, out_h), kwargs in CASES:
        out, stride = run(frame, props, out_w, out_h)
        print("%dx%d -> alignscale %s -> array %s %s, rows of %d bytes in "
              "a stride of %d" % (w, h, props, "x".join(map(str, out.shape)),
                                  out.dtype, out_w * 3, stride))
        if torch is None:
            continue
        t = torch.from_numpy(frame.copy()).permute(2, 0, 1)[None].double()
        ref = F.interpolate(t, size=(out_h, out_w), **kwargs)
        ref = ref[0].permute(1, 2, 0).clamp(0, 255).numpy()  # H x W x C
        d = np.abs(out - ref)
        exact = np.count_nonzero(out == np.floor(ref + 0.5)) / out.size
        beyond = np.count_nonzero(d > 1.0)
        bad += beyond > 0
        print("  against torch %s: %.3f %% exact, max |d| %.3f, %d bytes "
              "beyond 1 code value%s" % (call, 100 * exact, d.max(), beyond,
                                         "  FAIL" if beyond else ""))
    if torch is None:
        return 77 if skip_without_torch else 0
    if bad:
        print("%d cases beyond 1 code value of torch" % bad, file=sys.stderr)
        return 1
    print("every array within 1 code value of torch")
    return 0


if __name__ == "__main__":
    sys.exit(main())
