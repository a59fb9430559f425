#!/usr/bin/env python3
"""Letterbox geometry vectors (letterbox-vectors.bin) for tests/check/libs/letterbox.c.

For every (input size, output size, pixel aspect ratios) vector, where each
preset of gst/alignscale/letterbox.h puts the picture, and where a point
mapped forward by that placement comes back by the library's own way back.
The expected values come from the libraries, never from alignscale:

* ultralytics: LetterBox.__call__ (ultralytics/data/augment.py, auto=False,
  scaleFill=False, scaleup=True, center=True) and scale_boxes
  (ultralytics/utils/ops.py), transcribed line by line with Python's own
  round () and float (ultralytics is not installed here);
* mmdet: mmcv rescale_size / _scale_size (mmcv/image/geometric.py) as
  mmcv.transforms.Resize (keep_ratio=True) calls them, then Pad (size=...),
  which pads right and bottom (impad (shape=...)); the way back divides by
  Resize's scale_factor = (new_w / w, new_h / h); transcribed;
* deepstream, deepstream-symmetric: gst-nvinfer get_converted_buffer
  (gstnvinfer.cpp) in Python floats (C doubles) with its guint truncation,
  the source rectangle rounded down to even; the way back of
  attach_metadata_detector, (x - offset) / ratio + roi_left (in double:
  nvinfer stores the result in a float);
* tf: tf.image.resize_with_pad (_resize_image_with_pad_common,
  image_ops_impl.py) in numpy float32, as TF 2.x computes it (TF is not
  installed); the TF 1.x float64 variant is counted, not stored;
* pillow: the REAL PIL.ImageOps.pad of this machine's Pillow (9.4) on an
  all-255 'L' image, color=0: the bounding box of the nonzero pixels is the
  picture. method=NEAREST keeps it fast; contain () computes the size before
  it resizes, whatever the method;
* add-borders: the REAL videoscale add-borders=true of this machine's
  GStreamer (1.22) on a white GRAY8 frame (videotestsrc pattern=white),
  method=nearest-neighbour, read twice: the borders its set_info logs
  (category videoconvertscale, DEBUG), and the output frame, which must be
  a white rectangle exactly there with black around it. A picture of 0 rows
  or columns is refused; videoscale then leaves the frame as the allocator
  gave it (stale memory in most of those runs: counted, varies per run);
* none: the whole output.

A transcription of ImageOps.pad and of gst_video_convert_scale_set_info
(with gst_util_fraction_multiply's overflow rule) is run too, and every
vector where it disagrees with the real library is reported (the real
result is what is stored).

A picture the library cannot make is stored as refused (-1): a size that
rounds to 0 (cv2.resize, Pillow and TF raise; videoscale and nvinfer output
no picture), mmdet's picture larger than the output (its scale ignores
orientation; mmcv's Pad then pads nothing and the output is not the size
asked for), DeepStream's source rounded down to 0 columns or rows.

The way back (the "back" values) is that of each library in double: the
point is mapped forward by the placement, x' = (x - src_x) * (pic_w / src_w)
+ pic_x, then back by the library's formula. Ultralytics' scale_boxes clips
to the input; its gain and padding are not the LetterBox's rounded ones.

Vectors (seeded, deterministic): 3000 random ones (sizes 1..4000: uniform,
common video sizes into common model inputs, outputs of 1..16 pixels,
inputs within a few pixels of the output's aspect ratio (odd and tiny
paddings), extreme aspect ratios, log-uniform) and every size from 1 to 6
on all four lengths (1296). About a third carry pixel aspect ratios other
than 1/1 (add-borders reads them; the other presets must not), a few of
them with primes large enough to overflow GStreamer's fraction arithmetic.

File (little-endian):
    char    magic[8] = "ASLBOX01"
    uint32  n_vectors
    uint32  n_presets = 8 (letterbox.h order: none, ultralytics, mmdet,
            deepstream, deepstream-symmetric, tf, pillow, add-borders)
    n_vectors x {
      uint16  in_w, in_h, out_w, out_h
      uint32  in_par_n, in_par_d, out_par_n, out_par_d
      int32   px4, py4          the input point, in quarter pixels
      n_presets x {
        int16   x, y, w, h      the picture; all -1: refused
        float64 bx, by          the point mapped forward, then back the
                                library's way (NaN when refused)
      }
    }

    /usr/bin/python3 tests/check/golden/gen_letterbox.py [--out PATH]
    /usr/bin/python3 tests/check/golden/gen_letterbox.py --verify PATH

It takes a few minutes (the real videoscale runs on frames up to 4000 x
4000). A re-run writes a byte-identical file.
"""

import argparse
import math
import os
import random
import re
import struct
import sys

import numpy as np
from PIL import Image, ImageOps

import gi

gi.require_version("Gst", "1.0")
from gi.repository import Gst  # noqa: E402

PRESETS = ["none", "ultralytics", "mmdet", "deepstream",
           "deepstream-symmetric", "tf", "pillow", "add-borders"]
SEED = 14
N_RANDOM = 3000


# ---- ultralytics (ultralytics/data/augment.py, utils/ops.py) ----

def ultralytics_letterbox(w, h, W, H):
    shape = (h, w)  # current shape [height, width]
    new_shape = (H, W)
    r = min(new_shape[0] / shape[0], new_shape[1] / shape[1])
    new_unpad = int(round(shape[1] * r)), int(round(shape[0] * r))
    dw, dh = new_shape[1] - new_unpad[0], new_shape[0] - new_unpad[1]
    dw /= 2
    dh /= 2
    if new_unpad[0] == 0 or new_unpad[1] == 0:
        return None  # cv2.resize raises on an empty size
    top, bottom = int(round(dh - 0.1)), int(round(dh + 0.1))
    left, right = int(round(dw - 0.1)), int(round(dw + 0.1))
    # copyMakeBorder's output must be the shape asked for
    assert top + new_unpad[1] + bottom == H and left + new_unpad[0] + right == W
    return (left, top, new_unpad[0], new_unpad[1])


def ultralytics_scale_boxes(img1_shape, box, img0_shape):
    """scale_boxes (ratio_pad=None, padding=True, xywh=False), then clip_boxes"""
    gain = min(img1_shape[0] / img0_shape[0], img1_shape[1] / img0_shape[1])
    pad = (
        round((img1_shape[1] - img0_shape[1] * gain) / 2 - 0.1),
        round((img1_shape[0] - img0_shape[0] * gain) / 2 - 0.1),
    )
    x = (box[0] - pad[0]) / gain
    y = (box[1] - pad[1]) / gain
    x = min(max(x, 0), img0_shape[1])
    y = min(max(y, 0), img0_shape[0])
    return x, y, pad


# ---- mmcv / mmdet (mmcv/image/geometric.py, mmcv/transforms) ----

def _scale_size(size, scale):
    if isinstance(scale, (float, int)):
        scale = (scale, scale)
    w, h = size
    return int(w * float(scale[0]) + 0.5), int(h * float(scale[1]) + 0.5)


def rescale_size(old_size, scale):
    w, h = old_size
    max_long_edge = max(scale)
    max_short_edge = min(scale)
    scale_factor = min(max_long_edge / max(h, w), max_short_edge / min(h, w))
    return _scale_size((w, h), scale_factor)


def mmdet_place(w, h, W, H):
    new_w, new_h = rescale_size((w, h), (W, H))
    if new_w == 0 or new_h == 0:
        return None  # cv2.resize raises
    if new_w > W or new_h > H:
        return None  # impad pads max(W - new_w, 0): not a W x H output
    return (0, 0, new_w, new_h)


# ---- DeepStream (gst-nvinfer/gstnvinfer.cpp get_converted_buffer) ----

def deepstream_place(w, h, W, H, symmetric):
    src_width = w & ~1  # GST_ROUND_DOWN_2
    src_height = h & ~1
    if src_width == 0 or src_height == 0:
        return None
    # dest_frame->width * src_height: guint product, then a double division
    hdest = (W * src_height) / float(src_width)
    wdest = (H * src_width) / float(src_height)
    if hdest <= H:
        dest_width = W
        dest_height = int(hdest)  # (guint)
    else:
        dest_width = int(wdest)
        dest_height = H
    if dest_width == 0 or dest_height == 0:
        return None
    if symmetric:
        offset_left = (W - dest_width) // 2
        offset_top = (H - dest_height) // 2
    else:
        offset_left = offset_top = 0
    return (offset_left, offset_top, dest_width, dest_height)


# ---- TF 2.x (image_ops_impl.py _resize_image_with_pad_common) ----

def tf_place(w, h, W, H, ftype=np.float32):
    f_height = ftype(h)
    f_width = ftype(w)
    f_target_height = ftype(H)
    f_target_width = ftype(W)
    ratio = np.maximum(f_width / f_target_width, f_height / f_target_height)
    resized_height_float = f_height / ratio
    resized_width_float = f_width / ratio
    resized_height = int(np.floor(resized_height_float))
    resized_width = int(np.floor(resized_width_float))
    padding_height = (f_target_height - resized_height_float) / ftype(2)
    padding_width = (f_target_width - resized_width_float) / ftype(2)
    p_height = max(0, int(np.floor(padding_height)))
    p_width = max(0, int(np.floor(padding_width)))
    assert isinstance(ratio, ftype) and isinstance(padding_height, ftype)
    if resized_height == 0 or resized_width == 0:
        return None  # the resize op rejects an empty size
    return (p_width, p_height, resized_width, resized_height)


# ---- Pillow: the real ImageOps.pad, and a transcription of it ----

def pillow_real(w, h, W, H):
    im = Image.new("L", (w, h), 255)
    try:
        out = ImageOps.pad(im, (W, H), method=Image.Resampling.NEAREST,
                           color=0)
    except ValueError:  # "height and width must be > 0"
        return None
    assert out.size == (W, H)
    bbox = out.getbbox()
    if bbox is None:
        return None
    return (bbox[0], bbox[1], bbox[2] - bbox[0], bbox[3] - bbox[1])


def pillow_model(w, h, W, H):
    im_ratio = w / h
    dest_ratio = W / H
    size = (W, H)
    if im_ratio != dest_ratio:
        if im_ratio > dest_ratio:
            new_height = round(h / w * W)
            if new_height != H:
                size = (W, new_height)
        else:
            new_width = round(w / h * H)
            if new_width != W:
                size = (new_width, H)
    if size[0] == 0 or size[1] == 0:
        return None
    if size == (W, H):
        return (0, 0, W, H)
    if size[0] != W:
        return (round((W - size[0]) * 0.5), 0, size[0], size[1])
    return (0, round((H - size[1]) * 0.5), size[0], size[1])


# ---- videoscale add-borders: the real element, and a transcription ----

GMAXINT = 2**31 - 1


def _gcd(a, b):
    while b != 0:
        a, b = b, a % b  # positive here: C's % and Python's agree
    return abs(a)


def gst_fraction_multiply(a_n, a_d, b_n, b_d):
    if a_n == 0 or b_n == 0:
        return (0, 1)
    g = _gcd(a_n, a_d); a_n //= g; a_d //= g
    g = _gcd(b_n, b_d); b_n //= g; b_d //= g
    g = _gcd(a_n, b_d); a_n //= g; b_d //= g
    g = _gcd(a_d, b_n); a_d //= g; b_n //= g
    if a_n != 0 and GMAXINT // abs(a_n) < abs(b_n):
        return None
    if GMAXINT // abs(a_d) < abs(b_d):
        return None
    n, d = a_n * b_n, a_d * b_d
    g = _gcd(n, d)
    return (n // g, d // g)


def add_borders_model(w, h, W, H, par, opar, stretched=None):
    fr = gst_fraction_multiply(w, h, par[0], par[1]) or (-1, -1)
    to = gst_fraction_multiply(W, H, opar[0], opar[1]) or (-1, -1)
    bw = bh = 0
    if to != fr and fr != (-1, -1):
        nd = gst_fraction_multiply(fr[0], fr[1], opar[1], opar[0])
        if nd is None and stretched is not None:
            stretched.append((w, h, W, H, par, opar))
        if nd is not None:  # else "Can't calculate borders": stretched
            n, d = nd
            to_h = W * d // n  # gst_util_uint64_scale_int
            if to_h <= H:
                bh = H - to_h
            else:
                to_w = H * n // d
                assert to_w <= W
                bw = W - to_w
    if W - bw == 0 or H - bh == 0:
        return None
    return (bw // 2, bh // 2, W - bw, H - bh)


_set_info_log = []


def _log_set_info(category, level, file, function, line, obj, message, *data):
    # gst_video_convert_scale_set_info's own account of its borders
    if category.get_name() == "videoconvertscale" and "borders=" in (
            text := message.get()):
        _set_info_log.append(text)


def gst_init():
    Gst.init(None)
    Gst.debug_remove_log_function(None)  # nothing on stderr
    Gst.debug_add_log_function(_log_set_info, None)
    Gst.debug_set_threshold_for_name("videoconvertscale", Gst.DebugLevel.DEBUG)
    Gst.debug_set_active(True)


def videoscale_real(w, h, W, H, par, opar, not_written=None):
    """The picture videoscale made, read twice: from the borders its set_info
    logs, and from the pixels of the frame it outputs (which must agree)."""
    desc = (
        "videotestsrc num-buffers=1 pattern=white ! "
        f"video/x-raw,format=GRAY8,width={w},height={h},"
        f"pixel-aspect-ratio={par[0]}/{par[1]},framerate=1/1 ! "
        "videoscale add-borders=true method=nearest-neighbour ! "
        f"video/x-raw,format=GRAY8,width={W},height={H},"
        f"pixel-aspect-ratio={opar[0]}/{opar[1]} ! "
        "appsink name=sink sync=false")
    del _set_info_log[:]
    pipeline = Gst.parse_launch(desc)
    sink = pipeline.get_by_name("sink")
    pipeline.set_state(Gst.State.PLAYING)
    sample = sink.emit("pull-sample")
    if sample is None:
        msg = pipeline.get_bus().timed_pop_filtered(0, Gst.MessageType.ERROR)
        pipeline.set_state(Gst.State.NULL)
        raise RuntimeError(f"videoscale {w}x{h} -> {W}x{H}: "
                           f"{msg.parse_error()[0].message if msg else '?'}")
    s = sample.get_caps().get_structure(0)
    assert (s.get_value("width"), s.get_value("height")) == (W, H)
    m = re.search(r"borders=(\d+):(\d+)\)", _set_info_log[-1])
    bw, bh = int(m.group(1)), int(m.group(2))
    buf = sample.get_buffer()
    ok, info = buf.map(Gst.MapFlags.READ)
    assert ok
    stride = (W + 3) & ~3  # GRAY8 rows are 4-byte aligned
    a = np.frombuffer(info.data, dtype=np.uint8, count=stride * H)
    a = a.reshape(H, stride)[:, :W]
    picture = None
    if W - bw > 0 and H - bh > 0:
        picture = (bw // 2, bh // 2, W - bw, H - bh)
        x, y, pw, ph = picture
        rows = np.flatnonzero(a.max(axis=1) > 128)
        cols = np.flatnonzero(a.max(axis=0) > 128)
        # the pixels: a white rectangle there, black around it
        assert (cols[0], rows[0], cols[-1] - cols[0] + 1,
                rows[-1] - rows[0] + 1) == picture, (picture, w, h, W, H)
        assert a[y:y + ph, x:x + pw].min() > 128
        assert int(a.sum(dtype=np.int64)) == int(
            a[y:y + ph, x:x + pw].sum(dtype=np.int64))
    elif a.max() != 0 and not_written is not None:
        # no picture, and a frame nobody wrote: videoscale leaves it as the
        # allocator gave it when its picture has 0 rows or columns
        not_written.append((w, h, W, H, par, opar))
    buf.unmap(info)
    pipeline.set_state(Gst.State.NULL)
    return picture


# ---- the vectors ----

VIDEO = [(1920, 1080), (1280, 720), (640, 480), (3840, 2160), (1080, 1920),
         (720, 576), (720, 480), (352, 288), (1440, 1080), (2560, 1440),
         (1366, 768), (800, 600), (320, 240), (1024, 768), (480, 640),
         (1920, 1200), (2048, 1536), (176, 144)]
MODEL = [(640, 640), (416, 416), (320, 320), (224, 224), (300, 300),
         (512, 512), (1333, 800), (800, 1333), (640, 384), (384, 640),
         (608, 608), (960, 544), (1280, 1280), (256, 256), (299, 299),
         (1024, 1024), (480, 480), (320, 192), (768, 432), (1216, 800)]
PARS = [(4, 3), (3, 4), (16, 15), (64, 45), (10, 11), (12, 11), (40, 33),
        (8, 9), (32, 27), (2, 1), (1, 2), (3, 2), (59, 54), (16, 11)]
BIG_PARS = [(46337, 46349), (46351, 46327), (1000003, 999983), (65537, 3)]


def draw_par(rng):
    u = rng.random()
    if u < 0.66:
        return (1, 1)
    if u < 0.90:
        return rng.choice(PARS)
    if u < 0.985:
        return (rng.randint(1, 100), rng.randint(1, 100))
    return rng.choice(BIG_PARS)


def loguni(rng, lo, hi):
    return min(hi, max(lo, int(round(math.exp(rng.uniform(math.log(lo),
                                                            math.log(hi)))))))


def jitter(rng, v):
    return min(4000, max(1, v + rng.randint(-3, 3)))


def random_sizes(rng, kind):
    if kind == "uniform":
        return [rng.randint(1, 4000) for _ in range(4)]
    if kind == "video":
        w, h = rng.choice(VIDEO)
        W, H = rng.choice(MODEL)
        if rng.random() < 0.5:
            w, h = jitter(rng, w), jitter(rng, h)
        if rng.random() < 0.3:
            W, H = jitter(rng, W), jitter(rng, H)
        return [w, h, W, H]
    if kind == "tiny":
        return [loguni(rng, 1, 4000), loguni(rng, 1, 4000),
                rng.randint(1, 16), rng.randint(1, 16)]
    if kind == "near":
        W, H = rng.randint(16, 4000), rng.randint(16, 4000)
        k = math.exp(rng.uniform(math.log(0.1), math.log(4.0)))
        w = min(4000, max(1, int(W * k) + rng.randint(-3, 3)))
        h = min(4000, max(1, int(H * k) + rng.randint(-3, 3)))
        return [w, h, W, H]
    if kind == "extreme":
        a, b = rng.randint(1, 6), rng.randint(500, 4000)
        w, h = (a, b) if rng.random() < 0.5 else (b, a)
        if rng.random() < 0.5:
            W, H = rng.randint(1, 4000), rng.randint(1, 4000)
        else:
            c, d = rng.randint(1, 8), rng.randint(200, 4000)
            W, H = (c, d) if rng.random() < 0.5 else (d, c)
        return [w, h, W, H]
    return [loguni(rng, 1, 4000) for _ in range(4)]


def make_vectors():
    rng = random.Random(SEED)
    kinds = (["uniform"] * 900 + ["video"] * 700 + ["tiny"] * 450
             + ["near"] * 450 + ["extreme"] * 300 + ["log"] * 200)
    assert len(kinds) == N_RANDOM
    vecs = []
    for kind in kinds:
        w, h, W, H = random_sizes(rng, kind)
        vecs.append((w, h, W, H, draw_par(rng), draw_par(rng)))
    for w in range(1, 7):
        for h in range(1, 7):
            for W in range(1, 7):
                for H in range(1, 7):
                    vecs.append((w, h, W, H, draw_par(rng), draw_par(rng)))
    points = []
    for (w, h, W, H, _, _) in vecs:
        # quarter pixels, from an eighth of the picture before it to an
        # eighth after it (ultralytics clips those)
        points.append((rng.randint(-w // 2, 4 * w + w // 2),
                       rng.randint(-h // 2, 4 * h + h // 2)))
    return vecs, points


def way_back(preset, vec, pic, src, px, py):
    w, h, W, H = vec[:4]
    sx, sy = pic[2] / src[2], pic[3] / src[3]
    fx = (px - src[0]) * sx + pic[0]
    fy = (py - src[1]) * sy + pic[1]
    if preset == "ultralytics":
        bx, by, _ = ultralytics_scale_boxes((H, W), (fx, fy), (h, w))
    elif preset == "mmdet":
        w_scale, h_scale = pic[2] / w, pic[3] / h  # Resize's scale_factor
        bx, by = fx / w_scale, fy / h_scale
    elif preset.startswith("deepstream"):
        ratio_x, ratio_y = pic[2] / src[2], pic[3] / src[3]
        roi_left = roi_top = 0
        bx = (fx - pic[0]) / ratio_x + roi_left
        by = (fy - pic[1]) / ratio_y + roi_top
    else:  # the exact inverse of the placement
        bx = (fx - pic[0]) / sx + src[0]
        by = (fy - pic[1]) / sy + src[1]
    return bx, by


def generate(log, limit=0):
    gst_init()
    vecs, points = make_vectors()
    if limit:
        vecs, points = vecs[:limit], points[:limit]
    stats = {p: {"refused": 0, "odd": 0} for p in PRESETS}
    notes = {"pillow model != real": [], "add-borders model != real": [],
             "tf float64 != float32": 0, "ultralytics scale_boxes pad != "
             "LetterBox pad": 0, "mmdet orientation": 0,
             "add-borders stretched (overflow)": [],
             "add-borders: frame not written": []}
    out = bytearray(b"ASLBOX01" + struct.pack("<II", len(vecs), len(PRESETS)))
    for i, (vec, (p4x, p4y)) in enumerate(zip(vecs, points)):
        w, h, W, H, par, opar = vec
        px, py = p4x / 4, p4y / 4
        res = {}
        res["none"] = (0, 0, W, H)
        res["ultralytics"] = ultralytics_letterbox(w, h, W, H)
        res["mmdet"] = mmdet_place(w, h, W, H)
        nw, nh = rescale_size((w, h), (W, H))
        if nw and nh and (nw > W or nh > H):
            notes["mmdet orientation"] += 1
        res["deepstream"] = deepstream_place(w, h, W, H, False)
        res["deepstream-symmetric"] = deepstream_place(w, h, W, H, True)
        res["tf"] = tf_place(w, h, W, H)
        if tf_place(w, h, W, H, np.float64) != res["tf"]:
            notes["tf float64 != float32"] += 1
        res["pillow"] = pillow_real(w, h, W, H)
        if pillow_model(w, h, W, H) != res["pillow"]:
            notes["pillow model != real"].append(vec)
        res["add-borders"] = videoscale_real(
            w, h, W, H, par, opar, notes["add-borders: frame not written"])
        if add_borders_model(w, h, W, H, par, opar,
                             notes["add-borders stretched (overflow)"]) \
                != res["add-borders"]:
            notes["add-borders model != real"].append(vec)
        lb = res["ultralytics"]
        if lb is not None:
            _, _, pad = ultralytics_scale_boxes((H, W), (0.0, 0.0), (h, w))
            if pad != (lb[0], lb[1]):
                notes["ultralytics scale_boxes pad != LetterBox pad"] += 1

        out += struct.pack("<4H4I2i", w, h, W, H, par[0], par[1], opar[0],
                           opar[1], p4x, p4y)
        for p in PRESETS:
            pic = res[p]
            if pic is None:
                stats[p]["refused"] += 1
                out += struct.pack("<4h2d", -1, -1, -1, -1, math.nan, math.nan)
                continue
            if (W - pic[2]) % 2 or (H - pic[3]) % 2:
                stats[p]["odd"] += 1
            if p.startswith("deepstream"):
                src = (0, 0, w & ~1, h & ~1)
            else:
                src = (0, 0, w, h)
            bx, by = way_back(p, vec, pic, src, px, py)
            out += struct.pack("<4h2d", *pic, bx, by)
        if log and (i + 1) % 500 == 0:
            print(f"  {i + 1}/{len(vecs)}", file=sys.stderr)
    return bytes(out), vecs, stats, notes


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--out", default=os.path.join(here,
                                                   "letterbox-vectors.bin"))
    ap.add_argument("--verify", metavar="PATH")
    ap.add_argument("--limit", type=int, default=0,
                    help="only the first N vectors, nothing written (trials)")
    args = ap.parse_args()
    data, vecs, stats, notes = generate(log=True, limit=args.limit)
    print(f"{len(vecs)} vectors; per preset: refused, odd padding")
    for p in PRESETS:
        print(f"  {p:21s} {stats[p]['refused']:5d} {stats[p]['odd']:5d}")
    for k, v in notes.items():
        print(f"  {k}: {len(v) if isinstance(v, list) else v}"
              + (f" e.g. {v[:5]}" if isinstance(v, list) and v else ""))
    if args.limit:
        return 0
    if args.verify:
        with open(args.verify, "rb") as f:
            same = f.read() == data
        print("identical" if same else "DIFFERENT")
        return 0 if same else 1
    with open(args.out, "wb") as f:
        f.write(data)
    print(f"wrote {args.out} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
