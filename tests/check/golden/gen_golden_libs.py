#!/usr/bin/python3
"""Generate golden-libs.bin: the bytes OpenCV's cv2.resize and Pillow's
Image.resize return, for alignscale's integer-model=opencv / pillow.

Every case is an 8-bit image of random bytes (xorshift32 seeded with the
case seed, next() >> 24, row-major, channels interleaved, no padding),
resized by the real library on this machine (Debian 12: python3-opencv
4.6, python3-pil 9.4) to the case's output size:

* opencv: cv2.resize(img, (out_w, out_h), interpolation=INTER_NEAREST,
  INTER_LINEAR, INTER_CUBIC or INTER_LANCZOS4) on 1-, 3- and 4-channel
  arrays (GRAY8, RGB, BGRx);
* pillow: Image.fromarray(img, mode).resize((out_w, out_h), NEAREST,
  BILINEAR, BICUBIC, BOX, HAMMING or LANCZOS) in modes 'L', 'RGB' and 'RGBX' (GRAY8, RGB, BGRx:
  the fourth band is resized as a channel, as for RGBX).

Sizes run from 1 to 300 in and out, a third of the cases under 16; the
OpenCV bilinear cases include exact 2x downscales (its INTER_AREA path)
and sizes equal on one axis. INTER_CUBIC and INTER_LANCZOS4 cases draw
from a stream of their own (adding a method leaves the other cases as
they were); three in ten have wide outputs whose rows end in a scalar
tail (out_w * channels not a multiple of 8: OpenCV's SIMD body covers the
first 8 floor(out_w * channels / 8) samples of a cubic row, its scalar
code the rest, and the two round differently), two of them with one axis
unchanged and the other halved, where exact ties are frequent
(taps_sizes). The expected values are
the library's bytes; the test requires every one of them.

File format (little-endian): char magic[8] = "ASLIBS01", uint32 n_cases,
then per case: uint8 library (1 opencv, 2 pillow), uint8 method (the
element's method value: 0 nearest, 1 bilinear, 2 bicubic, 3 area, 4 box,
5 hamming, 6 lanczos, 7 lanczos4, 8 bilinear-exact, 9 nearest-exact),
char format[8] (GStreamer name, NUL
padded), uint16 in_w, in_h, out_w, out_h, uint32 seed, uint32 n_bytes,
uint8 bytes[n_bytes] (out_h rows of out_w * channels bytes).

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
# the element's method values (GstAlignScaleMethod) -> the library's flag
METHODS = {"opencv": {0: cv2.INTER_NEAREST, 1: cv2.INTER_LINEAR, 2: cv2.INTER_CUBIC,
                      7: cv2.INTER_LANCZOS4},
           "pillow": {0: Image.NEAREST, 1: Image.BILINEAR, 2: Image.BICUBIC,
                      4: Image.BOX, 5: Image.HAMMING, 6: Image.LANCZOS}}
LIBRARY = {"opencv": 1, "pillow": 2}
# (library, method) pairs with a case stream of their own
OWN_STREAM = {("opencv", 2), ("opencv", 7)}


def draw_len(rng):
    k = rng.next() % 3
    return 1 + rng.next() % (15 if k == 0 else 96 if k == 1 else 300)


def image(seed, w, h, ch):
    rng = XorShift32(seed)
    n = w * h * ch
    data = np.fromiter((rng.next() >> 24 for _ in range(n)), dtype=np.uint8, count=n)
    return data.reshape(h, w, ch) if ch > 1 else data.reshape(h, w)


def expected(lib, method, fmt, img, ow, oh):
    ch, mode = FORMATS[fmt]
    if lib == "opencv":
        out = cv2.resize(img, (ow, oh), interpolation=METHODS[lib][method])
    else:
        out = np.asarray(Image.fromarray(img, mode).resize((ow, oh), METHODS[lib][method]))
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


def generate():
    master = XorShift32(MASTER_SEED)
    cases = []
    for lib in ("opencv", "pillow"):
        for method in METHODS[lib]:
            own = (lib, method) in OWN_STREAM
            rng = own_stream(lib, method) if own else master
            for fmt in FORMATS:
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
    return cases


def write(path, cases):
    chunks = [HEADER.pack(MAGIC, len(cases))]
    for c in cases:
        ch = FORMATS[c["fmt"]][0]
        img = image(c["seed"], c["in_w"], c["in_h"], ch)
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
        ok &= fmt in FORMATS and nb == ow * oh * FORMATS[fmt][0] and lib in (1, 2)
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
