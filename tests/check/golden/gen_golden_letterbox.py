#!/usr/bin/python3
"""Generate golden-letterbox.bin: whole letterboxed frames as the training
code makes them, byte for byte, for alignscale's letterbox presets with
the matching integer-model:

* ultralytics: LetterBox (auto=False, center=True, scaleup=True) on a
  uint8 image: cv2.resize (INTER_LINEAR) to the preset's size when it
  changes, then cv2.copyMakeBorder (BORDER_CONSTANT, value 114); the
  element runs letterbox=ultralytics integer-model=opencv method=bilinear;
* mmdet: mmcv's imrescale (cv2 INTER_LINEAR) then Pad to the size (image
  top left, zeros right and bottom); letterbox=mmdet integer-model=opencv;
* pillow: the real PIL.ImageOps.pad (image, size, method=BICUBIC,
  color=None: black, centering (0.5, 0.5)); letterbox=pillow
  integer-model=pillow method=bicubic.

The placements come from the transcriptions in gen_letterbox.py (checked
there against the libraries); the pixels from the real cv2 and PIL of
this machine. Every case is an 8-bit image of random bytes (xorshift32
seeded with the case seed, next() >> 24, row-major, channels
interleaved), GRAY8 or RGB, sizes 1 to 240 (and 160x160 outputs); a case a preset refuses
(a picture of 0 rows, mmdet's orientation case) is drawn again.

File format (little-endian): char magic[8] = "ASLBOX01", uint32 n_cases,
then per case: uint8 preset (1 ultralytics, 2 mmdet, 6 pillow: the
AsLetterbox values), char format[8], uint16 in_w, in_h, out_w, out_h,
uint32 seed, uint32 n_bytes, uint8 bytes[n_bytes].

    /usr/bin/python3 tests/check/golden/gen_golden_letterbox.py [--out PATH]
"""
import argparse
import hashlib
import os
import struct
import sys

import cv2
import numpy as np
import PIL
from PIL import Image, ImageOps

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_golden import XorShift32  # noqa: E402
from gen_letterbox import mmdet_place, ultralytics_letterbox  # noqa: E402

MAGIC = b"ASLBOX01"
HEADER = struct.Struct("<8sI")
CASE = struct.Struct("<B8sHHHHII")
MASTER_SEED = 0x1E77E2B0
CASES = 10  # per preset x format
PRESETS = {"ultralytics": 1, "mmdet": 2, "pillow": 6}
FORMATS = {"GRAY8": 1, "RGB": 3}


def draw_len(rng):
    k = rng.next() % 3
    return 1 + rng.next() % (15 if k == 0 else 96 if k == 1 else 240)


def image(seed, w, h, ch):
    rng = XorShift32(seed)
    n = w * h * ch
    data = np.fromiter((rng.next() >> 24 for _ in range(n)), dtype=np.uint8, count=n)
    return data.reshape(h, w, ch) if ch > 1 else data.reshape(h, w)


def expected(preset, img, W, H):
    h, w = img.shape[:2]
    if preset == "ultralytics":
        left, top, nw, nh = ultralytics_letterbox(w, h, W, H)
        if (w, h) != (nw, nh):
            img = cv2.resize(img, (nw, nh), interpolation=cv2.INTER_LINEAR)
        out = cv2.copyMakeBorder(img, top, H - nh - top, left, W - nw - left,
                                 cv2.BORDER_CONSTANT, value=(114, 114, 114))
    elif preset == "mmdet":
        _, _, nw, nh = mmdet_place(w, h, W, H)
        if (w, h) != (nw, nh):
            img = cv2.resize(img, (nw, nh), interpolation=cv2.INTER_LINEAR)
        out = np.zeros((H, W) + img.shape[2:], np.uint8)
        out[:nh, :nw] = img
    else:
        out = np.asarray(ImageOps.pad(Image.fromarray(img), (W, H), method=Image.BICUBIC))
    return np.ascontiguousarray(out, dtype=np.uint8)


def placeable(preset, w, h, W, H):
    if preset == "ultralytics":
        return ultralytics_letterbox(w, h, W, H) is not None
    if preset == "mmdet":
        return mmdet_place(w, h, W, H) is not None
    # ImageOps.contain: a side that rounds to 0 has no picture
    if w / h > W / H:
        return round(h / w * W) > 0
    return round(w / h * H) > 0


def generate():
    rng = XorShift32(MASTER_SEED)
    cases = []
    for preset in PRESETS:
        for fmt in FORMATS:
            for i in range(CASES):
                while True:
                    iw, ih, ow, oh = (draw_len(rng) for _ in range(4))
                    if i % 4 == 1:
                        ow, oh = 160, 160  # a (small) detector's square input
                    if placeable(preset, iw, ih, ow, oh):
                        break
                cases.append(dict(preset=preset, fmt=fmt, in_w=iw, in_h=ih, out_w=ow,
                                  out_h=oh, seed=rng.next() | 1))
    return cases


def write(path, cases):
    chunks = [HEADER.pack(MAGIC, len(cases))]
    for c in cases:
        img = image(c["seed"], c["in_w"], c["in_h"], FORMATS[c["fmt"]])
        out = expected(c["preset"], img, c["out_w"], c["out_h"]).tobytes()
        chunks.append(CASE.pack(PRESETS[c["preset"]], c["fmt"].encode(), c["in_w"], c["in_h"],
                                c["out_w"], c["out_h"], c["seed"], len(out)))
        chunks.append(out)
    data = b"".join(chunks)
    with open(path + ".tmp", "wb") as fh:
        fh.write(data)
    os.replace(path + ".tmp", path)
    return data


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                  "golden-letterbox.bin"))
    args = ap.parse_args()
    cases = generate()
    data = write(args.out, cases)
    print("alignscale golden letterbox: OpenCV %s, Pillow %s, numpy %s, master seed 0x%08X"
          % (cv2.__version__, PIL.__version__, np.__version__, MASTER_SEED))
    print("%d cases, %s: %d bytes, sha256 %s"
          % (len(cases), args.out, len(data), hashlib.sha256(data).hexdigest()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
