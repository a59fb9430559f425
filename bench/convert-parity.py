#!/usr/bin/python3
"""Parity of decoded video with the training pipeline: YUV in, RGB out.

A model was trained on frames decoded to 8-bit RGB (docs/conversion.md's
exact conversion) and resized by PyTorch (F.interpolate, bilinear,
align_corners=False, with and without antialias). The same frame arrives
in GStreamer as NV12 (BT.709, limited range, mpeg2 siting, 1920x1080) and
is brought to 224x224 RGB by three pipelines:

  scale-then-convert   alignscale ! video/x-raw,width=224,height=224 ! videoconvert ! RGB
  convert-then-scale   videoconvert ! RGB ! alignscale ! video/x-raw,width=224,height=224
  alignscale-converts  alignscale ! video/x-raw,format=RGB,width=224,height=224

Each output is compared, sample by sample, with torch's float result on the
exactly converted frame (the fraction equal to it rounded half up, the
largest difference in codes). The frame is a deterministic synthetic
picture (smooth colour fields, hard edges, fine texture, noise) converted
to Y'CbCr with the BT.709 forward matrix and 4:2:0 by 2x2 averaging.

    /usr/bin/python3 bench/convert-parity.py [--frames N]

Needs python3-gst-1.0, python3-torch, numpy and the plugin on
GST_PLUGIN_PATH (build/gst/alignscale).
"""
import argparse
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

import gi

gi.require_version("Gst", "1.0")
from gi.repository import Gst  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "check", "golden"))
import convert_model as M  # noqa: E402

W, H, OUT = 1920, 1080, 224


def synthetic_rgb(seed):
    """A natural-looking 8-bit RGB frame, deterministic."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:H, 0:W].astype(np.float64)
    img = np.zeros((H, W, 3))
    for c in range(3):  # smooth colour fields
        for _ in range(4):
            fx, fy, ph = rng.uniform(0.5, 6, 2).tolist() + [rng.uniform(0, 6.3)]
            img[..., c] += np.sin(2 * np.pi * (fx * x / W + fy * y / H) + ph)
    img = (img - img.min()) / (img.max() - img.min()) * 200 + 20
    for _ in range(40):  # hard-edged shapes
        x0, y0 = rng.integers(0, W - 200), rng.integers(0, H - 200)
        sw, sh = rng.integers(20, 200, 2)
        img[y0:y0 + sh, x0:x0 + sw] = rng.uniform(0, 255, 3)
    tex = np.sin(x * 1.7) * np.sin(y * 1.3) * 12  # fine texture
    img += tex[..., None] + rng.normal(0, 4, img.shape)
    return np.clip(np.rint(img), 0, 255)


def to_nv12(rgb):
    """BT.709 limited-range 4:2:0 (2x2 means), as an encoder would."""
    Kr, Kb = 0.2126, 0.0722
    Kg = 1 - Kr - Kb
    r, g, b = (rgb[..., i] / 255.0 for i in range(3))
    yp = Kr * r + Kg * g + Kb * b
    cb, cr = (b - yp) / (2 * (1 - Kb)), (r - yp) / (2 * (1 - Kr))
    Y = np.clip(np.rint(16 + 219 * yp), 0, 255).astype(np.uint8)

    def sub(c):
        c = c.reshape(H // 2, 2, W // 2, 2).mean(axis=(1, 3))
        return np.clip(np.rint(128 + 224 * c), 0, 255).astype(np.uint8)

    U, V = sub(cb), sub(cr)
    uv = np.empty((H // 2, W), np.uint8)
    uv[:, 0::2], uv[:, 1::2] = U, V
    return Y, U, V, np.concatenate([Y.ravel(), uv.ravel()]).tobytes()


def reference(Y, U, V, antialias):
    """The training pipeline: exact conversion, then torch on floats."""
    o2 = M.siting_o2("mpeg2", 2, 2)
    p = M.convert(Y, U, V, depth=8, matrix="bt709", full_range=False, o2=o2,
                  r=(2, 2), upsampling="linear")
    rgb = np.stack([p["R"], p["G"], p["B"]]).astype(np.float64)
    t = torch.from_numpy(rgb)[None]
    out = F.interpolate(t, size=(OUT, OUT), mode="bilinear", align_corners=False,
                        antialias=antialias)
    return out[0].numpy().transpose(1, 2, 0)  # H, W, 3 float


def run(pipeline, data):
    p = Gst.parse_launch(
        "appsrc name=src caps=video/x-raw,format=NV12,width=%d,height=%d,"
        "framerate=30/1,colorimetry=bt709,chroma-site=mpeg2 ! %s ! "
        "appsink name=sink sync=false" % (W, H, pipeline))
    sink = p.get_by_name("sink")
    p.set_state(Gst.State.PLAYING)
    p.get_by_name("src").emit("push-buffer", Gst.Buffer.new_wrapped(data))
    sample = sink.emit("try-pull-sample", 10 * Gst.SECOND)
    p.set_state(Gst.State.NULL)
    if sample is None:
        raise RuntimeError("no output from: " + pipeline)
    buf = sample.get_buffer()
    ok, info = buf.map(Gst.MapFlags.READ)
    arr = np.frombuffer(bytes(info.data), np.uint8)
    buf.unmap(info)
    s = sample.get_caps().get_structure(0)
    stride = arr.size // OUT
    return arr.reshape(OUT, stride)[:, :3 * OUT].reshape(OUT, OUT, 3)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--frames", type=int, default=3)
    args = ap.parse_args()
    Gst.init(None)
    torch.set_num_threads(1)
    pipes = {
        "scale-then-convert": "alignscale antialias=%s ! video/x-raw,width=224,height=224 ! "
                              "videoconvert ! video/x-raw,format=RGB",
        "convert-then-scale": "videoconvert ! video/x-raw,format=RGB ! alignscale antialias=%s ! "
                              "video/x-raw,width=224,height=224",
        "alignscale-converts": "alignscale antialias=%s ! "
                               "video/x-raw,format=RGB,width=224,height=224",
    }
    print("convert-parity: NV12 1920x1080 bt709 -> RGB 224x224, %d frames, vs torch on the "
          "exactly converted frame" % args.frames)
    print("convert-parity: %-20s %-12s %9s %8s %7s" % ("pipeline", "resize", "samples", "exact",
                                                      "max|d|"))
    for aa in (False, True):
        acc = {k: [0, 0, 0.0] for k in pipes}
        for f in range(args.frames):
            rgb = synthetic_rgb(1000 + f)
            Y, U, V, data = to_nv12(rgb)
            ref = reference(Y, U, V, aa)
            want = np.floor(ref + 0.5)
            for name, pipe in pipes.items():
                got = run(pipe % ("true" if aa else "false"), data).astype(np.float64)
                a = acc[name]
                a[0] += got.size
                a[1] += int(np.sum(got == want))
                a[2] = max(a[2], float(np.max(np.abs(got - ref))))
        for name, (n, ex, md) in acc.items():
            print("convert-parity: %-20s %-12s %9d %7.2f%% %7.2f"
                  % (name, "bilinear-aa" if aa else "bilinear", n, 100.0 * ex / n, md))
    return 0


if __name__ == "__main__":
    sys.exit(main())
