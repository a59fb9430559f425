#!/usr/bin/python3
"""Generate golden-kernels.bin: the float results of the library filters
that alignscale's integer-model=exact computes for method=area, box,
hamming, lanczos and lanczos4, made by the real libraries on this machine:

* area: PyTorch F.interpolate(x, size, mode='area') in float64 (adaptive
  average pooling);
* box, hamming, lanczos: Pillow's Image.resize(size, BOX / HAMMING /
  LANCZOS) on mode 'F' images, one per channel (Pillow computes 'F' in
  double, with float32 between its two passes);
* lanczos4: OpenCV's cv2.resize(img, dsize, interpolation=INTER_LANCZOS4)
  on a float64 image (float32 coefficients, double sums).

Every case is an 8-bit image of random bytes (xorshift32 seeded with the
case seed, next() >> 24, row-major, channels interleaved), converted to
float unchanged (0..255); sizes 1 to 300 in and out, a third under 16.
The element's 8-bit output must lie within one code of each float result;
the test prints how many equal its round-half-up.

File format (little-endian): char magic[8] = "ASKERN01", uint32 n_cases,
then per case: uint8 method (the element's method value: 3 area, 4 box,
5 hamming, 6 lanczos, 7 lanczos4), char format[8] (GStreamer name, NUL
padded), uint16 in_w, in_h, out_w, out_h, uint32 seed, uint32 n_samples,
float32 samples[n_samples] (out_h rows of out_w * channels).

    /usr/bin/python3 tests/check/golden/gen_golden_kernels.py [--out PATH]
    /usr/bin/python3 tests/check/golden/gen_golden_kernels.py --verify PATH

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
import torch
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_golden import XorShift32  # noqa: E402

MAGIC = b"ASKERN01"
HEADER = struct.Struct("<8sI")
CASE = struct.Struct("<B8sHHHHII")
MASTER_SEED = 0x6E4E15ED
CASES = 8  # per method x format

FORMATS = {"GRAY8": 1, "RGB": 3}
PILLOW = {4: Image.BOX, 5: Image.HAMMING, 6: Image.LANCZOS}
METHODS = (3, 4, 5, 6, 7)


def draw_len(rng):
    k = rng.next() % 3
    return 1 + rng.next() % (15 if k == 0 else 96 if k == 1 else 300)


def image(seed, w, h, ch):
    rng = XorShift32(seed)
    n = w * h * ch
    data = np.fromiter((rng.next() >> 24 for _ in range(n)), dtype=np.uint8, count=n)
    return data.reshape(h, w, ch)


def expected(method, img, ow, oh):
    x = img.astype(np.float64)
    ch = img.shape[2]
    if method == 3:
        t = torch.from_numpy(x).permute(2, 0, 1).unsqueeze(0)
        out = torch.nn.functional.interpolate(t, size=(oh, ow), mode="area")
        out = out[0].permute(1, 2, 0).numpy()
    elif method in PILLOW:
        planes = [np.asarray(Image.fromarray(x[:, :, c].astype(np.float32), "F")
                             .resize((ow, oh), PILLOW[method])) for c in range(ch)]
        out = np.stack(planes, axis=2)
    else:
        out = cv2.resize(x, (ow, oh), interpolation=cv2.INTER_LANCZOS4)
        out = out.reshape(oh, ow, ch)
    return np.ascontiguousarray(out, dtype="<f4").reshape(oh, ow * ch)


def generate():
    rng = XorShift32(MASTER_SEED)
    cases = []
    for method in METHODS:
        for fmt in FORMATS:
            for i in range(CASES):
                iw, ih, ow, oh = (draw_len(rng) for _ in range(4))
                if i % 4 == 1:  # integer factors
                    ow, oh = max(1, iw // 3), max(1, ih // 2)
                if i % 5 == 2:
                    ow = iw  # one axis unchanged
                cases.append(dict(method=method, fmt=fmt, in_w=iw, in_h=ih, out_w=ow,
                                  out_h=oh, seed=rng.next() | 1))
    return cases


def write(path, cases):
    chunks = [HEADER.pack(MAGIC, len(cases))]
    for c in cases:
        img = image(c["seed"], c["in_w"], c["in_h"], FORMATS[c["fmt"]])
        out = expected(c["method"], img, c["out_w"], c["out_h"])
        chunks.append(CASE.pack(c["method"], c["fmt"].encode(), c["in_w"], c["in_h"],
                                c["out_w"], c["out_h"], c["seed"], out.size))
        chunks.append(out.tobytes())
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
        method, fmt, iw, ih, ow, oh, seed, ns = CASE.unpack_from(data, pos)
        fmt = fmt.rstrip(b"\0").decode()
        pos += CASE.size + 4 * ns
        ok &= fmt in FORMATS and ns == ow * oh * FORMATS[fmt] and method in METHODS
    ok &= pos == len(data)
    print("verify: %s: %d cases, %d bytes: %s" % (path, n, len(data), "OK" if ok else "BAD"))
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                  "golden-kernels.bin"))
    ap.add_argument("--verify", metavar="PATH")
    args = ap.parse_args()
    if args.verify:
        return 0 if verify(args.verify) else 1
    cases = generate()
    data = write(args.out, cases)
    print("alignscale golden kernels: torch %s, OpenCV %s, Pillow %s, numpy %s, master seed 0x%08X"
          % (torch.__version__, cv2.__version__, PIL.__version__, np.__version__, MASTER_SEED))
    print("%d cases, %s: %d bytes, sha256 %s"
          % (len(cases), args.out, len(data), hashlib.sha256(data).hexdigest()))
    return 0 if verify(args.out) else 1


if __name__ == "__main__":
    sys.exit(main())
