#!/usr/bin/python3
"""Generate golden-libs.bin: the bytes OpenCV's cv2.resize and Pillow's
Image.resize return, for alignscale's integer-model=opencv / pillow.

Every case is an image of random bytes (xorshift32 seeded with the case
seed, next() >> 24, row-major, channels interleaved, no padding; 16-bit
samples are byte pairs in the format's order), resized by the real
library on this machine (Debian 12: python3-opencv 4.6, python3-pil 9.4)
to the case's output size:

* opencv: cv2.resize(img, (out_w, out_h), interpolation=INTER_NEAREST,
  INTER_LINEAR, INTER_CUBIC, INTER_LANCZOS4, INTER_AREA, INTER_LINEAR_EXACT
  or INTER_NEAREST_EXACT) on 1-, 3- and 4-channel uint8 arrays (GRAY8,
  RGB, BGRx), and every one of them on 4-channel uint16 arrays (AYUV64:
  the image bytes read as little-endian words, the output stored as such)
  and 1-channel ones (GRAY16_LE, stored as "GRAY16LE");
* pillow: Image.fromarray(img, mode).resize((out_w, out_h), NEAREST,
  BILINEAR, BICUBIC, BOX, HAMMING or LANCZOS) in modes 'L', 'RGB' and
  'RGBX' (GRAY8, RGB, BGRx: the fourth band is resized as a channel, as
  for RGBX), 'RGBA' (RGBA, ARGB: the bytes reordered so that alpha is
  last, and back; Pillow premultiplies for every filter but NEAREST) and
  NEAREST in 'I;16' / 'I;16B' (GRAY16_LE / GRAY16_BE: Pillow resizes
  16-bit images with NEAREST only; stored as "GRAY16LE" / "GRAY16BE",
  the GStreamer names do not fit the 8 bytes).

Formats with alpha get a quarter of their pixels transparent or opaque:
a pixel whose colour bytes c0 ^ c1 ^ c2 (in stored order, alpha skipped)
are 0 mod 4 has alpha 255 if its alpha byte is odd, else 0.

Cases whose library byte has bit 7 set (0x82) are Image.resize(size,
filter, box=(x0 * in_w, y0 * in_h, x1 * in_w, y1 * in_h)): the element
runs them with coordinate-mode=tf-crop-and-resize and roi <x0, y0, x1,
y1>, drawn from the case seed by case_roi() (edges at multiples of 2^-24
of the picture, or for a quarter of the boxes on whole pixels, some of
those the output size: Pillow's crop path).

Sizes run from 1 to 300 in and out, a third of the cases under 16 (and,
last, each Pillow filter at a classifier's sizes: 640x480 RGB and
1280x720 'L' into 224x224); the
OpenCV bilinear cases include exact 2x downscales (its INTER_AREA path);
sizes equal on one axis, and for RGBA on both (Pillow's copy).
INTER_CUBIC and INTER_LANCZOS4 cases draw from a stream of their own
(adding a method leaves the other cases as they were); three in ten have
wide outputs whose rows end in a scalar tail (out_w * channels not a
multiple of 8: OpenCV's SIMD body covers the first 8 floor(out_w *
channels / 8) samples of a cubic row, its scalar code the rest, and the
two round differently), two of them with one axis unchanged and the other
halved, where exact ties are frequent (taps_sizes). The expected values
are the library's bytes; the test requires every one of them. The
OpenCV area, bilinear-exact and nearest-exact cases (generated after the
others, from the master stream) each cover OpenCV's paths: integer
factors (2x2 and others, one of them 49, which OpenCV's double test does
not take for an integer), non-integer downscales, one axis unchanged,
upscales and mixed (one axis grows), the half-to-even ties of
INTER_LINEAR_EXACT's weights, and size pairs where OpenCV 4.6's
nearest-exact offset ifx/2 - 1 differs from later releases'
ifx/2 - in%2. The uint16 cases (generate_ocv16, a stream of their own
after all others) take the same paths (ocv16_sizes), the cubic's and
Lanczos-4's with tall rows ending in the longest scalar tail (the cubic's
SIMD body nests its float sum, its tail adds left to right), and
INTER_AREA integer factors with blocks of 576 to 1600 samples (OpenCV
sums a uint16 block in float, four samples at a time: it rounds past
2^24).

File format (little-endian): char magic[8] = "ASLIBS01", uint32 n_cases,
then per case: uint8 library (1 opencv, 2 pillow; | 0x80: box from the
roi), uint8 method (the element's method value: 0 nearest, 1 bilinear,
2 bicubic, 3 area, 4 box, 5 hamming, 6 lanczos, 7 lanczos4,
8 bilinear-exact, 9 nearest-exact), char format[8] (GStreamer name, NUL
padded), uint16 in_w, in_h, out_w, out_h, uint32 seed, uint32 n_bytes,
uint8 bytes[n_bytes] (out_h rows of out_w * channels * bytes-per-sample
bytes).

    /usr/bin/python3 tests/check/golden/gen_golden_libs.py [--out PATH]
    /usr/bin/python3 tests/check/golden/gen_golden_libs.py --verify PATH

Deterministic: a re-run gives the same file (its sha256 is printed).
"""
import argparse
import hashlib
import os
import struct
import sys

import cv2
import numpy as np
import PIL
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_golden import XorShift32  # noqa: E402

MAGIC = b"ASLIBS01"
HEADER = struct.Struct("<8sI")
CASE = struct.Struct("<BB8sHHHHII")
MASTER_SEED = 0x11B5EED5
CASES = 10  # per library x method x format

MASTER_SEED_PIL = 0x9111A5ED  # the cases added after the first 240
MASTER_SEED_OCV16 = 0x0C716B17  # OpenCV's uint16 cases, after all others
ROI_FLAG = 0x80

# name: channels, Pillow mode, bytes per sample, alpha byte (-1: none)
FORMATS = {"GRAY8": (1, "L", 1, -1), "RGB": (3, "RGB", 1, -1),
           "BGRx": (4, "RGBX", 1, -1), "RGBA": (4, "RGBA", 1, 3),
           "ARGB": (4, "RGBA", 1, 0), "GRAY16LE": (1, "I;16", 2, -1),
           "GRAY16BE": (1, "I;16B", 2, -1), "AYUV64": (4, None, 2, -1)}
PIL_FILTERS = (1, 2, 4, 5, 6)  # every method but nearest
# the element's method values (GstAlignScaleMethod) -> the library's flag
METHODS = {"opencv": {0: cv2.INTER_NEAREST, 1: cv2.INTER_LINEAR, 2: cv2.INTER_CUBIC,
                      7: cv2.INTER_LANCZOS4},
           "pillow": {0: Image.NEAREST, 1: Image.BILINEAR, 2: Image.BICUBIC,
                      4: Image.BOX, 5: Image.HAMMING, 6: Image.LANCZOS}}
# OpenCV methods added later: cases appended after the ones above (whose
# seeds and sizes stay as they were)
METHODS_OCV2 = {3: cv2.INTER_AREA, 8: cv2.INTER_LINEAR_EXACT,
                9: cv2.INTER_NEAREST_EXACT}
METHODS_OCV16 = {0: cv2.INTER_NEAREST, 9: cv2.INTER_NEAREST_EXACT}
ALL_OCV = {**METHODS["opencv"], **METHODS_OCV2}
LIBRARY = {"opencv": 1, "pillow": 2}
# (library, method) pairs with a case stream of their own
OWN_STREAM = {("opencv", 2), ("opencv", 7)}


def draw_len(rng):
    k = rng.next() % 3
    return 1 + rng.next() % (15 if k == 0 else 96 if k == 1 else 300)


def image(seed, w, h, fmt):
    ch, mode, bps, alpha = FORMATS[fmt]
    rng = XorShift32(seed)
    n = w * h * ch * bps
    data = np.fromiter((rng.next() >> 24 for _ in range(n)), dtype=np.uint8, count=n)
    if bps == 2:
        data = data.view(">u2" if fmt.endswith("BE") else "<u2")
        return data.reshape(h, w, ch) if ch > 1 else data.reshape(h, w)
    if alpha >= 0:
        px = data.reshape(-1, 4)
        colour = [k for k in range(4) if k != alpha]
        x = px[:, colour[0]] ^ px[:, colour[1]] ^ px[:, colour[2]]
        sel = (x & 3) == 0
        px[sel, alpha] = np.where(px[sel, alpha] & 1, 255, 0)
    return data.reshape(h, w, ch) if ch > 1 else data.reshape(h, w)


def case_roi(seed, iw, ih):
    """The normalised roi x0, y0, x1, y1 of a box case (the test draws the
    same): three boxes in four with edges at multiples of 2^-24 of the
    picture (box edges that round to float), the others on whole pixels
    (multiples of 1 / n of an axis of n pixels); never empty."""
    rng = XorShift32(seed ^ 0x5A5A5A5A)
    whole = rng.next() % 4 == 0
    roi = [0.0] * 4
    for axis, n in ((0, iw), (1, ih)):
        d = n if whole else 1 << 24
        if whole:
            a, b = rng.next() % (n + 1), rng.next() % (n + 1)
        else:
            a, b = rng.next() >> 8, rng.next() >> 8
        lo, hi = min(a, b), max(a, b)
        if lo == hi:
            if hi < d:
                hi += 1
            else:
                lo -= 1
        roi[axis], roi[axis + 2] = lo / d, hi / d
    return roi


def expected(lib, method, fmt, img, ow, oh, roi=None):
    ch, mode, bps, alpha = FORMATS[fmt]
    if lib == "opencv":
        out = cv2.resize(img, (ow, oh), interpolation=ALL_OCV[method])
        if bps == 2:
            return np.ascontiguousarray(out).astype("<u2").reshape(oh, ow * ch).view(np.uint8)
        return np.ascontiguousarray(out, dtype=np.uint8).reshape(oh, ow * ch)
    box = None
    if roi is not None:
        ih, iw = img.shape[:2]
        box = (roi[0] * iw, roi[1] * ih, roi[2] * iw, roi[3] * ih)
    perm = list(range(ch))
    if alpha >= 0:  # Pillow's RGBA has alpha last
        perm = [k for k in range(4) if k != alpha] + [alpha]
        img = np.ascontiguousarray(img[:, :, perm])
    out = np.asarray(Image.fromarray(img, mode).resize((ow, oh), METHODS[lib][method], box))
    if alpha >= 0:
        out = out[:, :, np.argsort(perm)]
    if bps == 2:
        return np.ascontiguousarray(out).view(np.uint8).reshape(oh, ow * 2)
    return np.ascontiguousarray(out, dtype=np.uint8).reshape(oh, ow * ch)


def own_stream(lib, method):
    return XorShift32((MASTER_SEED + 0x9E3779B9 * (16 * LIBRARY[lib] + method)) & 0xFFFFFFFF | 1)


def wide(rng, lo, ch):
    """a row length in [lo - 1, 2 lo] (at most 300) whose samples end in a
    scalar tail"""
    n = lo + rng.next() % (min(2 * lo, 300) - lo + 1)
    return n - 1 if n * ch % 8 == 0 else n


def taps_sizes(rng, i, ch):
    """INTER_CUBIC / INTER_LANCZOS4 case i: random sizes, and wide rows with
    a scalar tail where ties are frequent: one axis unchanged (weights 0,
    2048, 0, 0) and the other an exact 2x downscale (fraction 0.5: cubic
    weights 64 (-3, 19, 19, -3)) put a sixty-fourth of the sums on an
    exact half, which the SIMD body rounds to even and the scalar tail up"""
    iw, ih, ow, oh = (draw_len(rng) for _ in range(4))
    if i == 0:  # x unchanged, y halved
        iw = ow = wide(rng, 150, ch)
        oh = 100 + rng.next() % 51
        ih = 2 * oh
    elif i == 3:  # x halved, y unchanged
        ow = wide(rng, 75, ch)
        iw = 2 * ow
        ih = oh = 150 + rng.next() % 151
    elif i == 6:  # wide, any scale
        ow, oh = wide(rng, 150, ch), 100 + rng.next() % 201
    elif i % 4 == 1:  # exact 2x down (no special path)
        ow, oh = max(1, iw // 2), max(1, ih // 2)
        iw, ih = 2 * ow, 2 * oh
    elif i % 5 == 2:
        ow = iw  # one axis unchanged
    return iw, ih, ow, oh


def check_premultiply():
    """Pillow's RGBA -> RGBa and RGBa -> RGBA over every (c, a) pair are
    the arithmetic of as_stage_premultiply / as_stage_unpremultiply
    (stages.h), which tests/check/libs/plan.c checks in C."""
    c = np.repeat(np.arange(256), 256)
    a = np.tile(np.arange(256), 256)
    px = np.stack([c, 255 - c, (c * 7) % 256, a], 1).astype(np.uint8).reshape(256, 256, 4)
    pre = np.asarray(Image.fromarray(px, "RGBA").convert("RGBa")).reshape(-1, 4).astype(int)
    post = np.asarray(Image.frombytes("RGBa", (256, 256), px.tobytes()).convert("RGBA"))
    post = post.reshape(-1, 4).astype(int)
    src = px.reshape(-1, 4).astype(int)
    for k in range(3):
        t = src[:, k] * a + 128
        if not (pre[:, k] == ((t >> 8) + t) >> 8).all():
            raise SystemExit("Pillow's premultiply is not MULDIV255")
        want = np.where((a == 0) | (a == 255), src[:, k],
                        np.minimum(255, 255 * src[:, k] // np.maximum(a, 1)))
        if not (post[:, k] == want).all():
            raise SystemExit("Pillow's unpremultiply is not min (255, 255 c / a)")
    if not ((pre[:, 3] == a).all() and (post[:, 3] == a).all()):
        raise SystemExit("Pillow's alpha changed")


def nx_differs(iw, ow):
    """OpenCV 4.6's nearest-exact offsets (ifx/2 - 1) differ from later
    releases' (ifx/2 - in%2) for this size pair"""
    ifx = ((iw << 16) + ow // 2) // ow
    return any(min((ifx * x + ifx // 2 - 1) >> 16, iw - 1)
               != min((ifx * x + ifx // 2 - iw % 2) >> 16, iw - 1) for x in range(ow))


def ocv2_sizes(rng, method, i):
    """sizes for case i of the later OpenCV methods: each path of
    hal::resize in turn (the rest random)"""
    iw, ih, ow, oh = (draw_len(rng) for _ in range(4))
    small = lambda n: 1 + rng.next() % n  # noqa: E731
    if method == 3:  # INTER_AREA
        if i == 0:  # integer factors, not 2x2
            kx, ky = small(5), 1 + small(4)
            ow, oh = small(60), small(60)
            iw, ih = kx * ow, ky * oh
        elif i == 1:  # 2x2
            ow, oh = small(150), small(150)
            iw, ih = 2 * ow, 2 * oh
        elif i == 2:  # 49x: not an integer to OpenCV's double test
            ow, oh = small(6), small(20)
            iw, ih = 49 * ow, 3 * oh
        elif i == 3:  # upscale
            iw, ow = sorted((iw, ow))
            ih, oh = sorted((ih, oh))
        elif i == 4:  # mixed: x grows, y shrinks
            iw, ow = sorted((iw, ow))
            oh, ih = sorted((ih, oh))
        elif i == 5:  # one axis unchanged, the other shrinks
            ow = iw
            oh, ih = sorted((ih, oh))
        else:  # downscales on both axes
            ow, iw = sorted((iw, ow))
            oh, ih = sorted((ih, oh))
            if i == 6:
                ow, oh = small(4), small(4)  # wide cells
    elif method == 8:  # INTER_LINEAR_EXACT
        if i == 0:  # 2x2: INTER_AREA's path
            ow, oh = small(150), small(150)
            iw, ih = 2 * ow, 2 * oh
        elif i == 1:  # weights on exact ties: 3 -> 256 across
            iw, ow = 3, 256
        elif i == 2:
            ow = iw
        elif i == 3:
            iw, ow = sorted((iw, ow))
            ih, oh = sorted((ih, oh))
        elif i == 4:
            ow, iw = sorted((iw, ow))
            oh, ih = sorted((ih, oh))
    else:  # INTER_NEAREST_EXACT
        if i < 3:  # a size pair where 4.6 differs from later releases
            while not nx_differs(iw, ow):
                iw, ow = draw_len(rng), draw_len(rng)
        elif i == 3:  # integer up and down
            iw, ih = small(50), small(50)
            ow, oh = iw * (1 + small(4)), max(1, ih // small(5))
    return iw, ih, ow, oh


def generate():
    master = XorShift32(MASTER_SEED)
    cases = []
    for lib in ("opencv", "pillow"):
        for method in METHODS[lib]:
            own = (lib, method) in OWN_STREAM
            rng = own_stream(lib, method) if own else master
            for fmt in ("GRAY8", "RGB", "BGRx"):
                for i in range(CASES):
                    if own:
                        iw, ih, ow, oh = taps_sizes(rng, i, FORMATS[fmt][0])
                    else:
                        iw, ih, ow, oh = (draw_len(rng) for _ in range(4))
                        if lib == "opencv" and method == 1 and i % 4 == 1:
                            ow, oh = max(1, iw // 2), max(1, ih // 2)
                            iw, ih = 2 * ow, 2 * oh  # INTER_AREA's 2x path
                        if i % 5 == 2:
                            ow = iw  # one axis unchanged
                    cases.append(dict(lib=lib, method=method, fmt=fmt, in_w=iw, in_h=ih,
                                      out_w=ow, out_h=oh, seed=rng.next() | 1))
    for method in METHODS_OCV2:
        for fmt in ("GRAY8", "RGB", "BGRx"):
            for i in range(CASES):
                iw, ih, ow, oh = ocv2_sizes(master, method, i)
                cases.append(dict(lib="opencv", method=method, fmt=fmt, in_w=iw, in_h=ih,
                                  out_w=ow, out_h=oh, seed=master.next() | 1))
    for method in METHODS_OCV16:
        for i in range(CASES):
            iw, ih, ow, oh = ocv2_sizes(master, 9, i) if method == 9 else \
                (draw_len(master) for _ in range(4))
            cases.append(dict(lib="opencv", method=method, fmt="AYUV64", in_w=iw, in_h=ih,
                              out_w=ow, out_h=oh, seed=master.next() | 1))
    return cases + generate_pillow() + generate_ocv16() + generate_model_inputs()


def generate_model_inputs():
    """Pillow's filters at a classifier's sizes, 640x480 RGB and 1280x720
    'L' into 224x224, from a stream of their own after all others: windows
    of 7 to 35 taps, whose weights show a constant's type (Pillow's HAMMING
    window is 0.54f + 0.46f cos, floats)."""
    rng = XorShift32(MASTER_SEED ^ 0x0224)
    cases = []
    for method in PIL_FILTERS:
        for fmt, iw, ih in (("RGB", 640, 480), ("GRAY8", 1280, 720)):
            cases.append(dict(lib="pillow", method=method, fmt=fmt, in_w=iw, in_h=ih,
                              out_w=224, out_h=224, seed=rng.next() | 1))
    return cases


def generate_pillow():
    """Pillow's RGBA, 16-bit NEAREST and box= cases, from a stream of their
    own (the cases above keep their seeds)."""
    rng = XorShift32(MASTER_SEED_PIL)
    cases = []

    def add(method, fmt, i, box):
        iw, ih, ow, oh = (draw_len(rng) for _ in range(4))
        if i % 5 == 2:
            ow = iw  # one axis unchanged
        if i % 10 == 7 and not box:
            ow, oh = iw, ih  # Image.resize's copy
        seed = rng.next() | 1
        roi = None
        if box:
            roi = case_roi(seed, iw, ih)
            # the box as _imaging.c holds it: floats
            b = [np.float32(r * n) for r, n in zip(roi, (iw, ih, iw, ih))]
            crop = b[2] - b[0], b[3] - b[1]
            if i % 2 == 1 and all(float(c).is_integer() and c >= 1 for c in crop):
                ow, oh = int(crop[0]), int(crop[1])  # _resize's crop path
        cases.append(dict(lib="pillow", method=method, fmt=fmt, in_w=iw, in_h=ih,
                          out_w=ow, out_h=oh, seed=seed, roi=roi))

    for method in (0,) + PIL_FILTERS:
        for fmt in ("RGBA", "ARGB"):
            for i in range(CASES):
                add(method, fmt, i, False)
    for fmt in ("GRAY16LE", "GRAY16BE"):
        for i in range(2 * CASES if fmt == "GRAY16LE" else CASES):
            add(0, fmt, i, False)
    for method in (0,) + PIL_FILTERS:
        for fmt in ("GRAY8", "RGB", "BGRx", "RGBA"):
            for i in range(CASES // 2):
                add(method, fmt, i, True)
    for i in range(CASES // 2):
        add(0, "GRAY16LE", i, True)
    return cases


# OpenCV on uint16 images: the methods with arithmetic (nearest and
# nearest-exact copies, already covered on AYUV64) on GRAY16LE (one
# channel) and AYUV64 (four)
METHODS_OCV16_MATH = (1, 2, 7, 3, 8)


def ocv16_sizes(rng, method, i, ch):
    """sizes for case i of an OpenCV uint16 method: each of its paths"""
    iw, ih, ow, oh = (draw_len(rng) for _ in range(4))
    small = lambda n: 1 + rng.next() % n  # noqa: E731
    if method == 3:  # INTER_AREA
        if i in (7, 9):  # blocks of 576 to 1600 samples: the float sum
            # rounds past 2^24 (OpenCV adds four samples at a time to it)
            kx, ky = 24 + rng.next() % 17, 24 + rng.next() % 17
            ow, oh = 300 // kx, 300 // ky
            iw, ih = kx * ow, ky * oh
        else:
            iw, ih, ow, oh = ocv2_sizes(rng, 3, i)
    elif method == 8:  # INTER_LINEAR_EXACT
        iw, ih, ow, oh = ocv2_sizes(rng, 8, i)
    elif method in (2, 7):  # the cubic's SIMD body and scalar tail, ties
        iw, ih, ow, oh = taps_sizes(rng, i, ch)
        if i in (4, 8):  # tall, rows with the longest tail (float sums
            # round: the body's order and the tail's differ on ~1e-4)
            ow = 8 * (ow // 8) + 7 if ch == 1 else ow | 1
            oh = 150 + rng.next() % 151
    elif i % 4 == 1:  # INTER_LINEAR: INTER_AREA's 2x path
        ow, oh = max(1, iw // 2), max(1, ih // 2)
        iw, ih = 2 * ow, 2 * oh
    elif i % 5 == 2:
        ow = iw
    elif i % 5 == 3:
        iw, ow = sorted((iw, ow))
        ih, oh = sorted((ih, oh))
    return iw, ih, ow, oh


def generate_ocv16():
    """OpenCV's uint16 paths (float32 arithmetic, INTER_LINEAR_EXACT's
    ufixedpoint32, INTER_AREA's float block sums), from a stream of their
    own (the cases above keep their seeds), with samples over the whole
    0..65535 range (two random bytes each)."""
    rng = XorShift32(MASTER_SEED_OCV16)
    cases = []
    for method in METHODS_OCV16_MATH:
        for fmt in ("GRAY16LE", "AYUV64"):
            for i in range(CASES):
                iw, ih, ow, oh = ocv16_sizes(rng, method, i, FORMATS[fmt][0])
                cases.append(dict(lib="opencv", method=method, fmt=fmt, in_w=iw, in_h=ih,
                                  out_w=ow, out_h=oh, seed=rng.next() | 1))
    for method in METHODS_OCV16:  # the copies on one channel too
        for i in range(CASES // 2):
            iw, ih, ow, oh = ocv2_sizes(rng, 9, i) if method == 9 else \
                (draw_len(rng) for _ in range(4))
            cases.append(dict(lib="opencv", method=method, fmt="GRAY16LE", in_w=iw, in_h=ih,
                              out_w=ow, out_h=oh, seed=rng.next() | 1))
    return cases


def write(path, cases):
    chunks = [HEADER.pack(MAGIC, len(cases))]
    for c in cases:
        roi = c.get("roi")
        img = image(c["seed"], c["in_w"], c["in_h"], c["fmt"])
        out = expected(c["lib"], c["method"], c["fmt"], img, c["out_w"], c["out_h"],
                       roi).tobytes()
        lib = LIBRARY[c["lib"]] | (ROI_FLAG if roi is not None else 0)
        chunks.append(CASE.pack(lib, c["method"], c["fmt"].encode(), c["in_w"],
                                c["in_h"], c["out_w"], c["out_h"], c["seed"], len(out)))
        chunks.append(out)
    data = b"".join(chunks)
    with open(path + ".tmp", "wb") as fh:
        fh.write(data)
    os.replace(path + ".tmp", path)
    return data


def verify(path):
    with open(path, "rb") as fh:
        data = fh.read()
    magic, n = HEADER.unpack_from(data, 0)
    pos, ok = HEADER.size, magic == MAGIC
    for _ in range(n):
        lib, method, fmt, iw, ih, ow, oh, seed, nb = CASE.unpack_from(data, pos)
        fmt = fmt.rstrip(b"\0").decode()
        pos += CASE.size + nb
        ok &= (fmt in FORMATS and nb == ow * oh * FORMATS[fmt][0] * FORMATS[fmt][2]
               and lib & ~ROI_FLAG in (1, 2))
    ok &= pos == len(data)
    print("verify: %s: %d cases, %d bytes: %s" % (path, n, len(data), "OK" if ok else "BAD"))
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                  "golden-libs.bin"))
    ap.add_argument("--verify", metavar="PATH")
    args = ap.parse_args()
    if args.verify:
        return 0 if verify(args.verify) else 1
    check_premultiply()
    cases = generate()
    data = write(args.out, cases)
    print("alignscale golden libs: OpenCV %s, Pillow %s, numpy %s, master seed 0x%08X"
          % (cv2.__version__, PIL.__version__, np.__version__, MASTER_SEED))
    print("%d cases, %s: %d bytes, sha256 %s"
          % (len(cases), args.out, len(data), hashlib.sha256(data).hexdigest()))
    return 0 if verify(args.out) else 1


if __name__ == "__main__":
    sys.exit(main())
