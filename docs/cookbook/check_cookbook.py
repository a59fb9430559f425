#!/usr/bin/python3
"""Measure the figures of docs/cookbook.md that the test suite does not
print, and check its recipes, against the real libraries on this machine
(PyTorch, torchvision, OpenCV, Pillow; the reference is always the
library's output, never alignscale's).

    export GST_PLUGIN_PATH=$PWD/build/gst/alignscale
    /usr/bin/python3 docs/cookbook/check_cookbook.py [SECTION ...]

Sections (all by default): nearest, scale-factor, keep-aspect,
torchvision, resize-crop, short-side, decoder, letterbox, cv2-fx,
pillow-extras, pil-trap, area-trap, appsink, snippets (the page's
Python blocks run as written). Each prints its lines prefixed with its name and
the script ends with "N passed, M failed": a check fails when a recipe
that the cookbook calls byte-identical is not, or a rate the cookbook
calls exact (100 %) is not. Rates that are only measured (how far two
calls are apart) are printed, not checked.

The system interpreter is needed (/usr/bin/python3: Debian's python3-gi,
python3-gst-1.0, python3-torch, python3-opencv, python3-pil; torchvision
is python3-torchvision, 0.14 on Debian 12: without it the torchvision
sections are skipped). Inputs are random uint8 pictures (numpy seeded),
the worst case for exact-match rates.
"""
import argparse
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "tests", "check", "golden"))

import gstarray  # noqa: E402
from gstarray import Gst, scale  # noqa: E402

try:
    import torch
    import torch.nn.functional as F
except ImportError:  # pragma: no cover
    torch = None
try:
    import torchvision
    import torchvision.transforms as T
    from torchvision.transforms import InterpolationMode as IM
except ImportError:
    torchvision = None
import cv2  # noqa: E402
from PIL import Image  # noqa: E402

RESULTS = {"passed": 0, "failed": 0}


def check(ok, what):
    RESULTS["passed" if ok else "failed"] += 1
    if not ok:
        print("FAILED: %s" % what)


class Tally:
    """exact-match counts over many cases"""

    def __init__(self):
        self.cases = self.n = self.exact = self.cases_identical = 0
        self.maxd = self.sumd = 0.0

    def add(self, got, want):
        """want: the library's bytes, or its float result (then clamped
        and rounded half up for the exact count; max|d| is the distance
        to the unrounded value)"""
        got = np.asarray(got, np.float64)
        want = np.clip(np.asarray(want, np.float64), 0, 255)
        assert got.shape == want.shape, (got.shape, want.shape)
        eq = int((got == np.floor(want + 0.5)).sum())
        self.cases += 1
        self.n += got.size
        self.exact += eq
        self.cases_identical += eq == got.size
        if got.size:
            self.maxd = max(self.maxd, float(np.abs(got - want).max()))
            self.sumd += float(np.abs(got - np.floor(want + 0.5)).sum())

    def rate(self):
        return 100.0 * self.exact / max(self.n, 1)

    def line(self, name):
        return ("%-58s %4d cases %9d samples %6.2f%% exact, %d/%d cases "
                "byte-identical, max|d| %.4g, mean|d| %.3f" % (
                    name, self.cases, self.n, self.rate(),
                    self.cases_identical, self.cases, self.maxd,
                    self.sumd / max(self.n, 1)))


def rng_image(rng, w, h, c=3):
    return rng.randint(0, 256, (h, w, c), dtype=np.uint8)


def smooth_image(rng, w, h, c=3):
    """a smooth picture: random noise blurred (Gaussian, sigma 3 pixels)
    and stretched to 0..255; closer to a photograph than noise, for the
    rows that measure how far two calls are apart"""
    x = cv2.GaussianBlur(rng.rand(h, w, c), (0, 0), 3)
    x = x.reshape(h, w, c)
    lo, hi = x.min(), x.max()
    return np.round((x - lo) / max(hi - lo, 1e-9) * 255).astype(np.uint8)


def to_nchw(img, dtype=None):
    t = torch.from_numpy(np.ascontiguousarray(img)).permute(2, 0, 1)[None]
    return t if dtype is None else t.to(dtype)


def from_nchw(t):
    return t[0].permute(1, 2, 0).numpy()


def caps(w, h, fmt=None):
    s = "video/x-raw,width=%d,height=%d" % (w, h)
    return s + (",format=%s" % fmt if fmt else "")


def random_sizes(rng, n, lo=8, hi=400):
    return [tuple(int(v) for v in rng.randint(lo, hi, 4)) for _ in range(n)]


# ---------------------------------------------------------------------------
def sec_nearest(rng):
    """F.interpolate's default mode='nearest' against alignscale's plain
    method=nearest (nearest-exact) and against the right properties."""
    if torch is None:
        print("nearest: skipped (no torch)")
        return
    cases = [(1920, 1080, 224, 224), (1920, 1080, 640, 640),
             (1280, 720, 640, 360), (640, 480, 224, 224),
             (640, 480, 320, 240), (224, 224, 1080, 1080),
             (80, 60, 640, 480), (300, 200, 450, 300)]
    cases += random_sizes(rng, 24)
    plain_vs_nearest, asym_vs_nearest, plain_vs_exact = Tally(), Tally(), Tally()
    same_src = []
    for w, h, ow, oh in cases:
        img = rng_image(rng, w, h)
        x = to_nchw(img, torch.float32)
        t_near = from_nchw(F.interpolate(x, size=(oh, ow), mode="nearest"))
        t_exact = from_nchw(F.interpolate(x, size=(oh, ow), mode="nearest-exact"))
        plain = scale(img, "alignscale method=nearest ! " + caps(ow, oh))
        asym = scale(img, "alignscale method=nearest coordinate-mode=asymmetric ! "
                     + caps(ow, oh))
        plain_vs_nearest.add(plain, t_near)
        asym_vs_nearest.add(asym, t_near)
        plain_vs_exact.add(plain, t_exact)
        # which source pixel each output pixel takes, per axis (image-independent)
        agree = 1.0
        for n_in, n_out in ((w, ow), (h, oh)):
            idx = torch.arange(n_in, dtype=torch.float32).view(1, 1, 1, n_in)
            a = F.interpolate(idx, size=(1, n_out), mode="nearest")
            b = F.interpolate(idx, size=(1, n_out), mode="nearest-exact")
            agree *= float((a == b).float().mean())
        same_src.append((w, h, ow, oh, agree,
                         100.0 * float((plain == t_near).mean())))
    print("nearest: " + asym_vs_nearest.line(
        "method=nearest coordinate-mode=asymmetric vs mode='nearest'"))
    print("nearest: " + plain_vs_exact.line(
        "method=nearest vs mode='nearest-exact'"))
    print("nearest: " + plain_vs_nearest.line(
        "method=nearest (plain) vs mode='nearest' (the trap)"))
    smooth = Tally()
    for w, h, ow, oh in cases[:8]:
        img = smooth_image(rng, w, h)
        t_near = from_nchw(F.interpolate(to_nchw(img, torch.float32),
                                         size=(oh, ow), mode="nearest"))
        smooth.add(scale(img, "alignscale method=nearest ! " + caps(ow, oh)), t_near)
    print("nearest: " + smooth.line("the trap, the 8 named sizes, smooth picture"))
    for w, h, ow, oh, a, r in same_src[:8]:
        print("nearest:   %4dx%-4d -> %4dx%-4d: %6.2f%% of the output pixels "
              "take the same source pixel in both modes; method=nearest vs "
              "mode='nearest' %6.2f%% exact" % (w, h, ow, oh, 100 * a, r))
    print("nearest:   %d random size pairs 8..400: %.2f%% the same source "
          "pixel, %.2f%% exact (averages over the pairs)" % (
              len(same_src) - 8, 100 * np.mean([s[4] for s in same_src[8:]]),
              np.mean([s[5] for s in same_src[8:]])))
    check(asym_vs_nearest.rate() == 100.0, "asymmetric nearest = torch nearest")
    check(plain_vs_exact.rate() == 100.0, "nearest = torch nearest-exact")


# ---------------------------------------------------------------------------
def sec_scale_factor(rng):
    """F.interpolate (scale_factor=s) with recompute_scale_factor unset and
    True, against scale-factor-x/y with a free output size and against a
    plain resize to floor (in*s)."""
    if torch is None:
        print("scale-factor: skipped (no torch)")
        return
    factors = [0.4, 0.5, 0.75, 1 / 3, 0.37, 1.5, 1.7, 2.5]
    modes = [("nearest", "method=nearest coordinate-mode=asymmetric", {}),
             ("bilinear", "method=bilinear", {"align_corners": False}),
             ("bicubic", "method=bicubic", {"align_corners": False}),
             ("bilinear+aa", "method=bilinear antialias=true",
              {"align_corners": False, "antialias": True})]
    for name, props, kw in modes:
        keep, recompute, trap, size_ok = Tally(), Tally(), Tally(), True
        trap_smooth = Tally()
        for _ in range(12):
            w, h = (int(v) for v in rng.randint(9, 300, 2))
            s = float(factors[rng.randint(len(factors))])
            if "antialias" in kw and s > 1:
                s = 1 / s
            img = rng_image(rng, w, h)
            x = to_nchw(img, torch.float64)
            mode = name.split("+")[0]
            t1 = from_nchw(F.interpolate(x, scale_factor=s, mode=mode, **kw))
            t2 = from_nchw(F.interpolate(x, scale_factor=s, mode=mode,
                                         recompute_scale_factor=True, **kw))
            got1 = scale(img, "alignscale %s scale-factor-x=%r scale-factor-y=%r "
                         "! video/x-raw" % (props, s, s))
            oh, ow = t2.shape[:2]
            got2 = scale(img, "alignscale %s ! %s" % (props, caps(ow, oh)))
            size_ok &= got1.shape == t1.shape
            if got1.shape == t1.shape:
                keep.add(got1, t1)
            recompute.add(got2, t2)
            if got2.shape == t1.shape:
                trap.add(got2, t1)
                sm = smooth_image(rng, w, h)
                ref = from_nchw(F.interpolate(to_nchw(sm, torch.float64),
                                              scale_factor=s, mode=mode, **kw))
                trap_smooth.add(scale(sm, "alignscale %s ! %s" % (props, caps(ow, oh))), ref)
        print("scale-factor: " + keep.line(
            "%s scale_factor=s: scale-factor-x/y=s, free size" % name))
        print("scale-factor: " + recompute.line(
            "%s ..., recompute_scale_factor=True: size floor(in*s)" % name))
        print("scale-factor: " + trap.line(
            "%s scale_factor=s vs a plain resize to floor(in*s)" % name))
        print("scale-factor: " + trap_smooth.line("the same, smooth picture"))
        check(size_ok, "%s: free size = floor(in*s)" % name)
        check(keep.maxd < 1 and recompute.maxd < 1,
              "%s scale factors within 1 code" % name)


# ---------------------------------------------------------------------------
def sec_keep_aspect(rng):
    """ONNX Resize keep_aspect_ratio_policy=not_larger / not_smaller with
    sizes: one scale s = min (or max) of sizes/in for both axes, the output
    int(s*in + 0.5) (ONNX's reference), the mapping with 1/s. alignscale:
    the caps of that size and scale-factor-x=scale-factor-y=s. The
    reference is torch's upsample kernels given both the output size and
    the scale (ONNX half_pixel with scales is that arithmetic)."""
    if torch is None:
        print("keep-aspect: skipped (no torch)")
        return
    for policy, pick in (("not_larger", min), ("not_smaller", max)):
        t = Tally()
        for _ in range(12):
            w, h = (int(v) for v in rng.randint(20, 300, 2))
            W, H = (int(v) for v in rng.randint(20, 300, 2))
            s = pick(W / w, H / h)
            ow, oh = int(s * w + 0.5), int(s * h + 0.5)
            img = rng_image(rng, w, h)
            x = to_nchw(img, torch.float64)
            ref = from_nchw(torch.ops.aten.upsample_bilinear2d(
                x, [oh, ow], False, s, s))
            got = scale(img, "alignscale scale-factor-x=%r scale-factor-y=%r ! %s"
                        % (s, s, caps(ow, oh)))
            t.add(got, ref)
        print("keep-aspect: " + t.line(
            "linear, keep_aspect_ratio_policy=%s" % policy))
        check(t.maxd < 1, "keep_aspect_ratio_policy %s within 1 code" % policy)


# ---------------------------------------------------------------------------
TV_PIL = [("NEAREST", "method=nearest"), ("BILINEAR", "method=bilinear"),
          ("BICUBIC", "method=bicubic"), ("BOX", "method=box"),
          ("HAMMING", "method=hamming"), ("LANCZOS", "method=lanczos")]


def tv_sizes(rng, n):
    out = [(1920, 1080, 224, 224), (640, 480, 224, 224), (500, 375, 299, 299)]
    for _ in range(n):
        w, h = (int(v) for v in rng.randint(40, 500, 2))
        ow, oh = (int(v) for v in rng.randint(16, 320, 2))
        out.append((w, h, ow, oh))
    return out


def sec_torchvision(rng):
    """torchvision.transforms.Resize ((h, w)) on PIL images (every
    InterpolationMode) and on uint8 tensors (nearest, bilinear, bicubic,
    with and without antialias)."""
    if torchvision is None:
        print("torchvision: skipped (no torchvision: apt-get install "
              "python3-torchvision)")
        return
    print("torchvision: version %s (transforms v1; the tensor path casts "
          "uint8 to float32, interpolates, torch.round ()s)" % torchvision.__version__)
    sizes = tv_sizes(rng, 9)
    for mode, props in TV_PIL:
        t = Tally()
        for w, h, ow, oh in sizes:
            img = rng_image(rng, w, h)
            ref = np.asarray(T.Resize((oh, ow), interpolation=getattr(IM, mode))(
                Image.fromarray(img)))
            got = scale(img, "alignscale integer-model=pillow %s ! %s" % (
                props, caps(ow, oh)))
            t.add(got, ref)
        print("torchvision: " + t.line("PIL image, %s: integer-model=pillow %s"
                                       % (mode, props)))
        check(t.cases_identical == t.cases, "torchvision PIL %s identical" % mode)
    tensor_rows = [
        ("NEAREST", None, "method=nearest coordinate-mode=asymmetric"),
        ("BILINEAR", False, "method=bilinear"),
        ("BILINEAR", True, "method=bilinear antialias=true"),
        ("BICUBIC", False, "method=bicubic"),
        ("BICUBIC", True, "method=bicubic antialias=true"),
    ]
    for mode, aa, props in tensor_rows:
        t_u8, t_f = Tally(), Tally()
        for w, h, ow, oh in sizes:
            img = rng_image(rng, w, h)
            x = torch.from_numpy(img).permute(2, 0, 1).contiguous()
            tr = T.Resize((oh, ow), interpolation=getattr(IM, mode), antialias=aa)
            ref_u8 = tr(x).permute(1, 2, 0).numpy()
            # float32, an image tensor's type (torch 1.13's float64
            # nearest kernel rounds some exact ties the other way)
            ref_f = tr(x.float()).permute(1, 2, 0).numpy()
            got = scale(img, "alignscale %s ! %s" % (props, caps(ow, oh)))
            t_u8.add(got, ref_u8)
            t_f.add(got, ref_f)
        label = "%s antialias=%s" % (mode, aa)
        print("torchvision: " + t_u8.line("uint8 tensor, %s: %s" % (label, props)))
        print("torchvision: " + t_f.line("float tensor (rounded), %s" % label))
        check(t_u8.maxd <= 1 and t_f.maxd < 1, "tensor %s within 1 code" % label)
        if mode == "NEAREST":
            check(t_u8.rate() == 100.0, "tensor NEAREST exact")


# ---------------------------------------------------------------------------
def tv_short_side(w, h, size):
    """torchvision's _compute_resized_output_size for an int size: (w, h)"""
    short, long_ = (w, h) if w <= h else (h, w)
    new_short, new_long = size, int(size * long_ / short)
    return (new_short, new_long) if w <= h else (new_long, new_short)


def tv_center_crop_offsets(w, h, cw, ch):
    """torchvision center_crop: int (round ((size - crop) / 2.0)), Python's
    round (half to even)"""
    return int(round((w - cw) / 2.0)), int(round((h - ch) / 2.0))


def resize_crop_chains(w, h, props, use_videocrop):
    rw, rh = tv_short_side(w, h, 256)
    left, top = tv_center_crop_offsets(rw, rh, 224, 224)
    first = "alignscale %s ! %s" % (props, caps(rw, rh))
    if use_videocrop:
        return "%s ! videocrop left=%d right=%d top=%d bottom=%d" % (
            first, left, rw - 224 - left, top, rh - 224 - top)
    return "%s ! alignscale crop=\"<%d, %d, 224, 224>\" ! %s" % (
        first, left, top, caps(224, 224))


def sec_resize_crop(rng):
    """Resize (256) + CenterCrop (224), the ImageNet evaluation transform,
    as two elements: alignscale to the short side 256, then videocrop or a
    second alignscale with crop=."""
    if torchvision is None:
        print("resize-crop: skipped (no torchvision)")
        return
    sizes = [(1920, 1080), (1280, 720), (640, 480), (480, 640), (500, 375),
             (457, 300), (300, 457), (333, 500), (1000, 667), (259, 256)]
    variants = [
        ("PIL image, BILINEAR", "integer-model=pillow", "pil", None),
        ("PIL image, BICUBIC", "integer-model=pillow method=bicubic", "pil-bicubic", None),
        ("uint8 tensor, antialias=True (torchvision >= 0.17)",
         "antialias=true", "tensor", True),
        ("uint8 tensor, antialias=False (torchvision <= 0.16)",
         "", "tensor", False),
    ]
    for label, props, kind, aa in variants:
        for use_videocrop in (True, False):
            t = Tally()
            for w, h in sizes:
                img = rng_image(rng, w, h)
                if kind.startswith("pil"):
                    interp = IM.BICUBIC if kind == "pil-bicubic" else IM.BILINEAR
                    tr = T.Compose([T.Resize(256, interpolation=interp),
                                    T.CenterCrop(224)])
                    ref = np.asarray(tr(Image.fromarray(img)))
                else:
                    tr = T.Compose([T.Resize(256, antialias=aa), T.CenterCrop(224)])
                    x = torch.from_numpy(img).permute(2, 0, 1).contiguous()
                    ref = tr(x).permute(1, 2, 0).numpy()
                got = scale(img, resize_crop_chains(w, h, props, use_videocrop))
                t.add(got, ref)
            how = "alignscale ! videocrop" if use_videocrop else "alignscale ! alignscale crop="
            print("resize-crop: " + t.line("%s, %s" % (label, how)))
            if kind.startswith("pil"):
                check(t.cases_identical == t.cases, "%s %s identical" % (label, how))
            else:
                check(t.maxd <= 1, "%s %s within 1 code" % (label, how))


# ---------------------------------------------------------------------------
def sec_short_side(rng):
    """Does a free width (caps with only height=256 and a square PAR) give
    torchvision's int (256 * long / short)? Counts the input sizes where
    GStreamer's fixation gives another width."""
    differ, total, example = 0, 0, None
    sizes = [(1920, 1080), (1280, 720), (640, 480), (1000, 600), (1366, 768),
             (500, 375), (333, 500), (1024, 683)]
    sizes += [tuple(int(v) for v in rng.randint(257, 2000, 2)) for _ in range(40)]
    for w, h in sizes:
        want = tv_short_side(w, h, 256)
        free = ("video/x-raw,height=256,pixel-aspect-ratio=1/1" if h <= w
                else "video/x-raw,width=256,pixel-aspect-ratio=1/1")
        img = np.zeros((h, w, 3), np.uint8)
        got = scale(img, "alignscale ! " + free)
        total += 1
        if (got.shape[1], got.shape[0]) != want:
            differ += 1
            if example is None:
                example = (w, h, got.shape[1], got.shape[0], want)
    print("short-side: a free side with pixel-aspect-ratio=1/1 differs from "
          "torchvision's int (256*long/short) for %d of %d input sizes%s" % (
              differ, total, "" if example is None else
              " (e.g. %dx%d: %dx%d, torchvision %dx%d)" % (
                  example[:4] + example[4])))


# ---------------------------------------------------------------------------
def sec_decoder(rng):
    """A decoder's NV12 (BT.709, limited range, MPEG-2 siting) to a 224x224
    RGB model input in one alignscale, against torchvision / Pillow on the
    exactly converted RGB frame (tests/check/golden/convert_model.py, the
    definition of docs/conversion.md)."""
    import convert_model
    w, h = 1920, 1080
    y = rng.randint(16, 236, (h, w)).astype(np.uint8)
    uv = rng.randint(16, 241, (h // 2, w)).astype(np.uint8)
    o2 = convert_model.siting_o2("mpeg2", 2, 2)
    rgb = convert_model.convert(y, uv[:, 0::2], uv[:, 1::2], depth=8,
                                matrix="bt709", full_range=False, o2=o2,
                                r=(2, 2), upsampling="linear")
    rgb = np.dstack([rgb["R"], rgb["G"], rgb["B"]])
    caps_in = ("video/x-raw,format=NV12,width=%d,height=%d,framerate=1/1,"
               "colorimetry=bt709,chroma-site=mpeg2" % (w, h))
    rows = []
    if torchvision is not None:
        x = torch.from_numpy(rgb).permute(2, 0, 1).contiguous()
        ref = T.Resize((224, 224), antialias=True)(x).permute(1, 2, 0).numpy()
        rows.append(("alignscale antialias=true", ref,
                     "torchvision Resize((224, 224)) on the uint8 RGB tensor", False))
        ref = np.asarray(T.Resize((224, 224))(Image.fromarray(rgb)))
        rows.append(("alignscale integer-model=pillow", ref,
                     "torchvision Resize((224, 224)) on the PIL image", True))
    else:
        x = torch.from_numpy(rgb).permute(2, 0, 1)[None].double()
        ref = from_nchw(F.interpolate(
            x, size=(224, 224), mode="bilinear", align_corners=False,
            antialias=True))
        rows.append(("alignscale antialias=true", ref,
                     "F.interpolate(antialias=True), rounded", False))
    ref = cv2.resize(rgb, (224, 224), interpolation=cv2.INTER_AREA)
    rows.append(("alignscale integer-model=opencv method=area", ref,
                 "cv2.resize(INTER_AREA) of the RGB frame", True))
    for chain, ref, what, identical in rows:
        got = gstarray.sample_to_array(gstarray.run(
            caps_in, [y, uv], chain + " ! " + caps(224, 224, "RGB")))
        t = Tally()
        t.add(got, ref)
        print("decoder: " + t.line("NV12 1080p -> %s vs %s" % (chain, what)))
        check(t.cases_identical == 1 if identical else t.maxd <= 1,
              "decoder %s" % chain)


# ---------------------------------------------------------------------------
def sec_letterbox(rng):
    """The YOLO recipe: letterbox=ultralytics integer-model=opencv on BGR
    frames of common sizes into 640x640, against Ultralytics' LetterBox
    arithmetic (transcribed in tests/check/golden/gen_letterbox.py) with
    the real cv2.resize and cv2.copyMakeBorder. And YOLOX's mmdet Pad with
    114."""
    from gen_letterbox import mmdet_place, ultralytics_letterbox
    t_ul, t_mm = Tally(), Tally()
    for w, h in [(1920, 1080), (1280, 720), (640, 480), (480, 640),
                 (1000, 333), (641, 479), (1277, 719), (3840, 2160)]:
        img = rng_image(rng, w, h)
        left, top, nw, nh = ultralytics_letterbox(w, h, 640, 640)
        ref = cv2.resize(img, (nw, nh), interpolation=cv2.INTER_LINEAR)
        ref = cv2.copyMakeBorder(ref, top, 640 - nh - top, left, 640 - nw - left,
                                 cv2.BORDER_CONSTANT, value=(114, 114, 114))
        got = scale(img, "alignscale letterbox=ultralytics integer-model=opencv ! "
                    + caps(640, 640), fmt="BGR")
        t_ul.add(got, ref)
        _, _, nw, nh = mmdet_place(w, h, 640, 640)
        ref = np.full((640, 640, 3), 114, np.uint8)
        ref[:nh, :nw] = cv2.resize(img, (nw, nh), interpolation=cv2.INTER_LINEAR)
        got = scale(img, "alignscale letterbox=mmdet integer-model=opencv "
                    "pad-value=\"<114>\" ! " + caps(640, 640), fmt="BGR")
        t_mm.add(got, ref)
    print("letterbox: " + t_ul.line("ultralytics LetterBox 640 (cv2) vs letterbox=ultralytics"))
    print("letterbox: " + t_mm.line("mmdet Resize+Pad 114 (YOLOX) vs letterbox=mmdet pad-value=<114>"))
    check(t_ul.cases_identical == t_ul.cases, "ultralytics identical")
    check(t_mm.cases_identical == t_mm.cases, "mmdet identical")


# ---------------------------------------------------------------------------
CV2_FLAGS = [("INTER_NEAREST", "method=nearest"), ("INTER_LINEAR", "method=bilinear"),
             ("INTER_CUBIC", "method=bicubic"), ("INTER_AREA", "method=area"),
             ("INTER_LANCZOS4", "method=lanczos4")]


def sec_cv2_fx(rng):
    """cv2.resize (img, None, fx=s, fy=s): OpenCV makes dsize = cvRound
    (in*s) but maps with 1/s, not in/out. integer-model=opencv takes its
    geometry from the sizes: the same bytes exactly when in*s is an
    integer on both axes."""
    for flag, props in CV2_FLAGS:
        t_int, t_frac, t_smooth = Tally(), Tally(), Tally()
        fixed = [(640, 480, 0.5), (1920, 1080, 0.25), (150, 100, 2.0)]
        for i in range(15):
            s = float([0.5, 0.25, 2.0, 1 / 3, 0.4, 0.37, 0.7, 1.5, 0.6][rng.randint(9)])
            w, h = (int(v) for v in rng.randint(20, 400, 2))
            if i < len(fixed):
                w, h, s = fixed[i]
            whole = float(w * s).is_integer() and float(h * s).is_integer()
            for img, t in ((rng_image(rng, w, h), t_int if whole else t_frac),
                           (smooth_image(rng, w, h), None if whole else t_smooth)):
                if t is None:
                    continue
                ref = cv2.resize(img, None, fx=s, fy=s, interpolation=getattr(cv2, flag))
                oh, ow = ref.shape[:2]
                got = scale(img, "alignscale integer-model=opencv %s ! %s" % (props, caps(ow, oh)))
                t.add(got, ref)
        print("cv2-fx: " + t_int.line("%s fx=fy=s, in*s whole" % flag))
        print("cv2-fx: " + t_frac.line("%s fx=fy=s, in*s fractional" % flag))
        print("cv2-fx: " + t_smooth.line("%s the same, smooth picture" % flag))
        check(t_int.cases_identical == t_int.cases, "cv2 %s fx whole identical" % flag)


# ---------------------------------------------------------------------------
def sec_pillow_extras(rng):
    """Image.resize (..., reducing_gap=g) and Image.thumbnail (which passes
    reducing_gap=2.0) against integer-model=pillow (which models
    reducing_gap=None, Image.resize's default)."""
    for picture, make in (("noise", rng_image), ("smooth", smooth_image)):
        for gap in (2.0, 3.0):
            t = Tally()
            for _ in range(10):
                w, h = (int(v) for v in rng.randint(300, 900, 2))
                ow, oh = (int(v) for v in rng.randint(40, 140, 2))
                img = make(rng, w, h)
                ref = np.asarray(Image.fromarray(img).resize(
                    (ow, oh), Image.BICUBIC, reducing_gap=gap))
                got = scale(img, "alignscale integer-model=pillow method=bicubic ! "
                            + caps(ow, oh))
                t.add(got, ref)
            print("pillow-extras: " + t.line(
                "Image.resize(BICUBIC, reducing_gap=%g), %s" % (gap, picture)))
        t = Tally()
        for _ in range(10):
            w, h = (int(v) for v in rng.randint(300, 900, 2))
            img = make(rng, w, h)
            im = Image.fromarray(img)
            im.thumbnail((224, 224))
            ref = np.asarray(im)
            got = scale(img, "alignscale integer-model=pillow method=bicubic ! "
                        + caps(im.width, im.height))
            t.add(got, ref)
        print("pillow-extras: " + t.line("Image.thumbnail((224, 224)), %s" % picture))
    t = Tally()
    for _ in range(10):
        w, h = (int(v) for v in rng.randint(300, 900, 2))
        ow, oh = (int(v) for v in rng.randint(40, 140, 2))
        img = rng_image(rng, w, h)
        ref = np.asarray(Image.fromarray(img).resize((ow, oh), Image.BICUBIC,
                                                     reducing_gap=None))
        got = scale(img, "alignscale integer-model=pillow method=bicubic ! "
                    + caps(ow, oh))
        t.add(got, ref)
    print("pillow-extras: " + t.line("Image.resize(BICUBIC) (reducing_gap=None)"))
    check(t.cases_identical == t.cases, "pillow reducing_gap=None identical")


# ---------------------------------------------------------------------------
def sec_appsink(rng):
    """The appsink recipe: an RGB output whose rows are padded (225 pixels:
    675 bytes a row, stride 676), and planar RGBP (the format a YUV input
    can be converted to, or an RGBP input keeps) as a CHW tensor."""
    img = rng_image(rng, 400, 300)
    sample = gstarray.run(
        "video/x-raw,format=RGB,width=400,height=300,framerate=1/1",
        [img.reshape(300, 1200)],
        "alignscale integer-model=pillow ! " + caps(225, 225))
    info = gstarray.GstVideo.VideoInfo.new_from_caps(sample.get_caps())
    arr = gstarray.sample_to_array(sample)
    ref = np.asarray(Image.fromarray(img).resize((225, 225), Image.BILINEAR))
    naive = np.frombuffer(sample.get_buffer().extract_dup(0, 225 * 225 * 3),
                          np.uint8).reshape(225, 225, 3)
    print("appsink: RGB 225x225: stride %d for 675 bytes of pixels; "
          "sample_to_array equal to Pillow's: %s; a plain reshape of the "
          "buffer equal: %s" % (info.stride[0], np.array_equal(arr, ref),
                               np.array_equal(naive, ref)))
    check(np.array_equal(arr, ref), "appsink RGB strided")
    sample = gstarray.run(
        "video/x-raw,format=RGBP,width=400,height=300,framerate=1/1",
        [img[:, :, 0], img[:, :, 1], img[:, :, 2]],
        "alignscale integer-model=pillow ! " + caps(225, 225, "RGBP"))
    chw = gstarray.sample_to_array(sample)
    print("appsink: RGBP 225x225 -> array of shape %s, equal to the RGB "
          "result transposed to CHW: %s" % (
              chw.shape, np.array_equal(chw, ref.transpose(2, 0, 1))))
    check(np.array_equal(chw, ref.transpose(2, 0, 1)), "appsink RGBP")


# ---------------------------------------------------------------------------
TRAP_SIZES = [(1920, 1080, 224, 224), (1280, 720, 640, 360), (640, 480, 224, 224),
              (500, 375, 299, 299), (800, 600, 320, 240), (333, 500, 160, 240)]


def sec_pil_trap(rng):
    """Pillow always antialiases: Image.resize (BILINEAR) on downscales
    against alignscale's plain bilinear, its antialiased bilinear (the
    float result: PyTorch antialias=True) and integer-model=pillow."""
    rows = [("method=bilinear (no antialias)", "alignscale method=bilinear"),
            ("method=bilinear antialias=true", "alignscale antialias=true"),
            ("integer-model=pillow", "alignscale integer-model=pillow")]
    for picture, make in (("noise", rng_image), ("smooth", smooth_image)):
        for label, chain in rows:
            t = Tally()
            for w, h, ow, oh in TRAP_SIZES:
                img = make(np.random.RandomState(w * h), w, h)
                ref = np.asarray(Image.fromarray(img).resize((ow, oh), Image.BILINEAR))
                t.add(scale(img, "%s ! %s" % (chain, caps(ow, oh))), ref)
            print("pil-trap: " + t.line("Image.resize(BILINEAR) vs %s, %s" % (label, picture)))
            if label.startswith("integer"):
                check(t.cases_identical == t.cases, "pillow bilinear identical")


def sec_area_trap(rng):
    """cv2.INTER_AREA and F.interpolate (mode='area') are different
    kernels (a fractional box against adaptive average pooling), and
    neither is antialias=True: how far apart they are on downscales, and
    which properties give each."""
    if torch is None:
        print("area-trap: skipped (no torch)")
        return
    for picture, make in (("noise", rng_image), ("smooth", smooth_image)):
        t_cv_self, t_torch_self, t_cv_torch, t_cv_aa = Tally(), Tally(), Tally(), Tally()
        for w, h, ow, oh in TRAP_SIZES:
            img = make(np.random.RandomState(w + h), w, h)
            cv = cv2.resize(img, (ow, oh), interpolation=cv2.INTER_AREA)
            x = to_nchw(img, torch.float64)
            ta = from_nchw(F.interpolate(x, size=(oh, ow), mode="area"))
            aa = from_nchw(F.interpolate(x, size=(oh, ow), mode="bilinear",
                                         align_corners=False, antialias=True))
            t_cv_self.add(scale(img, "alignscale integer-model=opencv method=area ! "
                                + caps(ow, oh)), cv)
            t_torch_self.add(scale(img, "alignscale method=area ! " + caps(ow, oh)), ta)
            t_cv_torch.add(scale(img, "alignscale method=area ! " + caps(ow, oh)), cv)
            t_cv_aa.add(scale(img, "alignscale antialias=true ! " + caps(ow, oh)), cv)
        print("area-trap: " + t_cv_self.line("cv2 INTER_AREA vs integer-model=opencv method=area, %s" % picture))
        print("area-trap: " + t_torch_self.line("mode='area' vs method=area, %s" % picture))
        print("area-trap: " + t_cv_torch.line("cv2 INTER_AREA vs method=area (torch's), %s" % picture))
        print("area-trap: " + t_cv_aa.line("cv2 INTER_AREA vs antialias=true, %s" % picture))
        check(t_cv_self.cases_identical == t_cv_self.cases, "INTER_AREA identical")
        check(t_torch_self.maxd < 1, "torch area within 1 code")


# ---------------------------------------------------------------------------
def sec_snippets(rng):
    """Every ```python block of docs/cookbook.md runs on its own with the
    system interpreter and prints what the page says it prints (the
    values in its comments, or the sentence after it)."""
    import re
    import subprocess
    import tempfile
    expected = ["(455, 256, 116, 16)", "(225, 225, 3) 676\n" * 3,
                "140 360\n(300.0, 330.0, 1620.0, 750.0)\n"]
    page = open(os.path.join(ROOT, "docs", "cookbook.md")).read()
    blocks = re.findall(r"```python\n(.*?)```", page, re.S)
    check(len(blocks) == len(expected), "cookbook.md has %d python blocks" % len(expected))
    for i, (block, want) in enumerate(zip(blocks, expected)):
        with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
            f.write(block)
        r = subprocess.run([sys.executable, f.name], capture_output=True, text=True,
                           timeout=120)
        os.unlink(f.name)
        ok = r.returncode == 0 and want in r.stdout
        print("snippets: python block %d: rc %d, %s" % (
            i + 1, r.returncode, "prints what the page says" if ok else
            "printed %r%s" % (r.stdout[-200:], r.stderr[-300:])))
        check(ok, "python block %d" % (i + 1))


SECTIONS = {
    "nearest": sec_nearest, "scale-factor": sec_scale_factor,
    "keep-aspect": sec_keep_aspect, "torchvision": sec_torchvision,
    "resize-crop": sec_resize_crop, "short-side": sec_short_side,
    "decoder": sec_decoder, "letterbox": sec_letterbox, "cv2-fx": sec_cv2_fx,
    "pillow-extras": sec_pillow_extras, "pil-trap": sec_pil_trap,
    "area-trap": sec_area_trap, "appsink": sec_appsink,
    "snippets": sec_snippets,
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sections", nargs="*", choices=[[]] + list(SECTIONS),
                    default=[])
    args = ap.parse_args()
    Gst.init(None)
    if Gst.ElementFactory.find("alignscale") is None:
        print("alignscale not found: export GST_PLUGIN_PATH=$PWD/build/gst/alignscale",
              file=sys.stderr)
        return 2
    print("versions: torch %s, torchvision %s, OpenCV %s, Pillow %s, GStreamer %s" % (
        torch.__version__ if torch else "-",
        torchvision.__version__ if torchvision else "-",
        cv2.__version__, Image.__version__, Gst.version_string()))
    for name in args.sections or list(SECTIONS):
        SECTIONS[name](np.random.RandomState(sum(map(ord, name))))
    print("%d passed, %d failed" % (RESULTS["passed"], RESULTS["failed"]))
    return 1 if RESULTS["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
