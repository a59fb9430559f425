#!/usr/bin/python3
"""Generate golden-libs.bin: the bytes OpenCV's cv2.resize and Pillow's
Image.resize return, for alignscale's integer-model=opencv / pillow.

Every case is an 8-bit image of random bytes (xorshift32 seeded with the
case seed, next() >> 24, row-major, channels interleaved, no padding),
resized by the real library on this machine (Debian 12: python3-opencv
4.6, python3-pil 9.4) to the case's output size:

* opencv: cv2.resize(img, (out_w, out_h), interpolation=INTER_NEAREST,
  INTER_LINEAR, INTER_AREA, INTER_LINEAR_EXACT or INTER_NEAREST_EXACT) on
  1-, 3- and 4-channel uint8 arrays (GRAY8, RGB, BGRx), and INTER_NEAREST
  and INTER_NEAREST_EXACT on 4-channel uint16 arrays (AYUV64: the image
  bytes read as little-endian words, the output stored as such);
* pillow: Image.fromarray(img, mode).resize((out_w, out_h), NEAREST,
  BILINEAR, BICUBIC, BOX, HAMMING or LANCZOS) in modes 'L', 'RGB' and 'RGBX' (GRAY8, RGB, BGRx:
  the fourth band is resized as a channel, as for RGBX).

Sizes run from 1 to 300 in and out, a third of the cases under 16; the
OpenCV bilinear cases include exact 2x downscales (its INTER_AREA path)
and sizes equal on one axis. The OpenCV area, bilinear-exact and
nearest-exact cases (generated after the others, from the same stream)
each cover OpenCV's paths: integer factors (2x2 and others, one of them
49, which OpenCV's double test does not take for an integer), non-integer
downscales, one axis unchanged, upscales and mixed (one axis grows),
the half-to-even ties of INTER_LINEAR_EXACT's weights, and size pairs
where OpenCV 4.6's nearest-exact offset ifx/2 - 1 differs from later
releases' ifx/2 - in%2. The expected values are the library's bytes;
the test requires every one of them.

File format (little-endian): char magic[8] = "ASLIBS01", uint32 n_cases,
then per case: uint8 library (1 opencv, 2 pillow), uint8 method (the
element's method value: 0 nearest, 1 bilinear, 2 bicubic, 3 area, 4 box,
5 hamming, 6 lanczos, 7 lanczos4, 8 bilinear-exact, 9 nearest-exact),
char format[8] (GStreamer name, NUL
padded), uint16 in_w, in_h, out_w, out_h, uint32 seed, uint32 n_bytes,
uint8 bytes[n_bytes] (out_h rows of out_w * channels samples, 16-bit
samples little-endian).

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

FORMATS = {"GRAY8": (1, "L"), "RGB": (3, "RGB"), "BGRx": (4, "RGBX")}
FORMATS16 = {"AYUV64": 4}  # 16-bit words per channel, little-endian
# the element's method values (GstAlignScaleMethod) -> the library's flag
METHODS = {"opencv": {0: cv2.INTER_NEAREST, 1: cv2.INTER_LINEAR},
           "pillow": {0: Image.NEAREST, 1: Image.BILINEAR, 2: Image.BICUBIC,
                      4: Image.BOX, 5: Image.HAMMING, 6: Image.LANCZOS}}
# OpenCV methods added later: cases appended after the ones above (whose
# seeds and sizes stay as they were)
METHODS_OCV2 = {3: cv2.INTER_AREA, 8: cv2.INTER_LINEAR_EXACT,
                9: cv2.INTER_NEAREST_EXACT}
METHODS_OCV16 = {0: cv2.INTER_NEAREST, 9: cv2.INTER_NEAREST_EXACT}
ALL_OCV = {**METHODS["opencv"], **METHODS_OCV2}
LIBRARY = {"opencv": 1, "pillow": 2}


def draw_len(rng):
    k = rng.next() % 3
    return 1 + rng.next() % (15 if k == 0 else 96 if k == 1 else 300)


def channels(fmt):
    return FORMATS[fmt][0] if fmt in FORMATS else FORMATS16[fmt]


def sample_bytes(fmt):
    return 1 if fmt in FORMATS else 2


def image(seed, w, h, ch, bps=1):
    rng = XorShift32(seed)
    n = w * h * ch * bps
    data = np.fromiter((rng.next() >> 24 for _ in range(n)), dtype=np.uint8, count=n)
    if bps == 2:
        data = data.view("<u2").astype(np.uint16)
    return data.reshape(h, w, ch) if ch > 1 else data.reshape(h, w)


def expected(lib, method, fmt, img, ow, oh):
    ch = channels(fmt)
    if lib == "opencv":
        out = cv2.resize(img, (ow, oh), interpolation=ALL_OCV[method])
    else:
        mode = FORMATS[fmt][1]
        out = np.asarray(Image.fromarray(img, mode).resize((ow, oh), METHODS[lib][method]))
    if sample_bytes(fmt) == 2:
        return np.ascontiguousarray(out).astype("<u2").reshape(oh, ow * ch).view(np.uint8)
    return np.ascontiguousarray(out, dtype=np.uint8).reshape(oh, ow * ch)


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
    rng = XorShift32(MASTER_SEED)
    cases = []
    for lib in ("opencv", "pillow"):
        for method in METHODS[lib]:
            for fmt in FORMATS:
                for i in range(CASES):
                    iw, ih, ow, oh = (draw_len(rng) for _ in range(4))
                    if lib == "opencv" and method == 1 and i % 4 == 1:
                        ow, oh = max(1, iw // 2), max(1, ih // 2)
                        iw, ih = 2 * ow, 2 * oh  # INTER_AREA's 2x path
                    if i % 5 == 2:
                        ow = iw  # one axis unchanged
                    cases.append(dict(lib=lib, method=method, fmt=fmt, in_w=iw, in_h=ih,
                                      out_w=ow, out_h=oh, seed=rng.next() | 1))
    for method in METHODS_OCV2:
        for fmt in FORMATS:
            for i in range(CASES):
                iw, ih, ow, oh = ocv2_sizes(rng, method, i)
                cases.append(dict(lib="opencv", method=method, fmt=fmt, in_w=iw, in_h=ih,
                                  out_w=ow, out_h=oh, seed=rng.next() | 1))
    for method in METHODS_OCV16:
        for fmt in FORMATS16:
            for i in range(CASES):
                iw, ih, ow, oh = ocv2_sizes(rng, 9, i) if method == 9 else \
                    (draw_len(rng) for _ in range(4))
                cases.append(dict(lib="opencv", method=method, fmt=fmt, in_w=iw, in_h=ih,
                                  out_w=ow, out_h=oh, seed=rng.next() | 1))
    return cases


def write(path, cases):
    chunks = [HEADER.pack(MAGIC, len(cases))]
    for c in cases:
        fmt = c["fmt"]
        img = image(c["seed"], c["in_w"], c["in_h"], channels(fmt), sample_bytes(fmt))
        out = expected(c["lib"], c["method"], c["fmt"], img, c["out_w"], c["out_h"]).tobytes()
        chunks.append(CASE.pack(LIBRARY[c["lib"]], c["method"], c["fmt"].encode(), c["in_w"],
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
        ok &= (fmt in FORMATS or fmt in FORMATS16) and lib in (1, 2)
        ok &= nb == ow * oh * channels(fmt) * sample_bytes(fmt)
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
    cases = generate()
    data = write(args.out, cases)
    print("alignscale golden libs: OpenCV %s, Pillow %s, numpy %s, master seed 0x%08X"
          % (cv2.__version__, PIL.__version__, np.__version__, MASTER_SEED))
    print("%d cases, %s: %d bytes, sha256 %s"
          % (len(cases), args.out, len(data), hashlib.sha256(data).hexdigest()))
    return 0 if verify(args.out) else 1


if __name__ == "__main__":
    sys.exit(main())
