#!/usr/bin/env python3
"""Generate golden-formats.bin: the torch golden set of gen_golden.py for
the formats added with stored layouts of their own (packed 4:2:2, planar
RGB, 10/12/16-bit YUV, big-endian words, 4:1:1), component by component.

The expected values are those of gen_golden.py (PyTorch F.interpolate on
full-resolution components, F.grid_sample at the chroma siting on
subsampled ones, exact rules for nearest where torch has none), computed
with its functions. What differs is the layout of the data:

* a format is its list of components (GStreamer's component order: Y U V A,
  R G B A), each with its subsampling (r_h, r_v), and its depth;
* input samples come from xorshift32 seeded with the case seed, component
  0, 1, 2, ..., rows top to bottom, pixels left to right; a sample of depth
  d is next() >> (32 - d) (so 10-bit samples are 0..1023: the element
  reads and writes them on their own grid, in whatever word and byte order
  the format stores them);
* the expected values are stored in the same order, float64 -> float32.

The file format is golden.bin's (README.md), with byte 23 of every case
header (flags) = 2: component order.

    /usr/bin/python3 tests/check/golden/gen_golden_formats.py [--out PATH]
    /usr/bin/python3 tests/check/golden/gen_golden_formats.py --verify PATH

Needs Debian's python3-torch (1.13) and numpy; deterministic.
"""
import argparse
import hashlib
import os
import struct
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_golden as G  # noqa: E402

MASTER_SEED = 0x0F0E4A75
CASES_PER_FORMAT = 12
FLAGS = 2

_1 = (1, 1)
_420 = [_1, (2, 2), (2, 2)]
_422 = [_1, (2, 1), (2, 1)]
_444 = [_1, _1, _1]
# format -> (depth, components' (r_h, r_v), YUV (siting drawn))
FORMATS = {
    "GRAY16_BE": (16, [_1], False),
    "RGBP": (8, _444, False),
    "BGRP": (8, _444, False),
    "GBR": (8, _444, False),
    "GBRA": (8, [_1] * 4, False),
    "RGBA64_LE": (16, [_1] * 4, False),
    "AYUV": (8, [_1] * 4, True),
    "AYUV64": (16, [_1] * 4, True),
    "Y41B": (8, [_1, (4, 1), (4, 1)], True),
    "NV16": (8, _422, True),
    "NV61": (8, _422, True),
    "NV24": (8, _444, True),
    "YUY2": (8, _422, True),
    "UYVY": (8, _422, True),
    "YVYU": (8, _422, True),
    "VYUY": (8, _422, True),
    "P010_10LE": (10, _420, True),
    "P012_LE": (12, _420, True),
    "P016_LE": (16, _420, True),
    "I420_10LE": (10, _420, True),
    "I420_12LE": (12, _420, True),
    "I422_10LE": (10, _422, True),
    "I422_12LE": (12, _422, True),
    "Y444_10LE": (10, _444, True),
    "Y444_12LE": (12, _444, True),
    "Y444_16LE": (16, _444, True),
}


def generate_cases():
    rng = G.XorShift32(MASTER_SEED)
    combos = [(m, a) for m in (G.NEAREST, G.BILINEAR, G.BICUBIC) for a in (0, 1)]

    cases = []
    for fmt, (_, _, yuv) in FORMATS.items():
        # each (method, ac) twice per format, then a shuffle
        slots = combos * 2
        for i in range(len(slots) - 1, 0, -1):
            j = rng.below(i + 1)
            slots[i], slots[j] = slots[j], slots[i]
        for method, ac in slots:
            cases.append(G.draw_case(rng, fmt, method, ac, yuv))
    return cases


def input_components(fmt, w, h, seed):
    depth, comps, _ = FORMATS[fmt]
    rng = G.XorShift32(seed)
    out = []
    for rh, rv in comps:
        pw, ph = G.plane_dims(w, h, rh, rv)
        n = pw * ph
        vals = np.fromiter((rng.next() >> (32 - depth) for _ in range(n)),
                           dtype=np.float64, count=n)
        out.append(vals.reshape(ph, pw, 1))
    return out


def expected_values(case, checks):
    depth, comps, _ = FORMATS[case["fmt"]]
    inputs = input_components(case["fmt"], case["in_w"], case["in_h"], case["seed"])
    return np.concatenate([G.expected_plane(plane, rh, rv, case, depth, checks)
                           for (rh, rv), plane in zip(comps, inputs)])


def write_file(path, cases, values):
    chunks = [G.HEADER.pack(G.MAGIC, len(cases))]
    for case, vals in zip(cases, values):
        chunks.append(G.CASE_HEADER.pack(case["fmt"].encode("ascii"), case["in_w"],
                                         case["in_h"], case["out_w"], case["out_h"],
                                         case["method"], case["ac"], case["site"], FLAGS,
                                         case["seed"], vals.size))
        chunks.append(vals.astype("<f4").tobytes())
    data = b"".join(chunks)
    with open(path + ".tmp", "wb") as fh:
        fh.write(data)
    os.replace(path + ".tmp", path)
    return data


def verify(path):
    """Re-parse the file: every case's format known, value count equal to
    the sum of its components' output sizes, finite values."""
    with open(path, "rb") as fh:
        data = fh.read()
    magic, n = G.HEADER.unpack_from(data, 0)
    pos, ok = G.HEADER.size, magic == G.MAGIC
    for _ in range(n):
        fmt, iw, ih, ow, oh, m, a, site, flags, seed, nv = G.CASE_HEADER.unpack_from(data, pos)
        fmt = fmt.rstrip(b"\0").decode()
        pos += G.CASE_HEADER.size
        vals = np.frombuffer(data, "<f4", nv, pos)
        pos += 4 * nv
        want = sum(G.plane_dims(ow, oh, rh, rv)[0] * G.plane_dims(ow, oh, rh, rv)[1]
                   for rh, rv in FORMATS[fmt][1]) if fmt in FORMATS else -1
        ok &= flags == FLAGS and nv == want and bool(np.all(np.isfinite(vals)))
    ok &= pos == len(data)
    print("verify: %s: %d cases, %d bytes: %s" % (path, n, len(data), "OK" if ok else "BAD"))
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                  "golden-formats.bin"))
    ap.add_argument("--verify", metavar="PATH")
    args = ap.parse_args()
    if args.verify:
        return 0 if verify(args.verify) else 1
    G.torch.set_num_threads(1)
    cases = generate_cases()
    checks = G.Checks()
    values = [expected_values(c, checks) for c in cases]
    data = write_file(args.out, cases, values)
    print("alignscale golden formats: torch %s, numpy %s, master seed 0x%08X"
          % (G.torch.__version__, np.__version__, MASTER_SEED))
    for fmt in FORMATS:
        sel = [c for c in cases if c["fmt"] == fmt]
        nv = sum(v.size for c, v in zip(cases, values) if c["fmt"] == fmt)
        print("  %-10s %3d cases %6d values" % (fmt, len(sel), nv))
    print("self-checks: grid_sample vs interpolate on %d full-resolution components, "
          "numpy model vs torch on %d: max |diff| %s / %s"
          % (checks.n_gs_luma, checks.n_model,
             {k: "%.3g" % v for k, v in sorted(checks.gs_vs_interp.items())},
             {k: "%.3g" % v for k, v in sorted(checks.model_vs_torch.items())}))
    print("total cases %d, values %d, %s: %d bytes, sha256 %s"
          % (len(cases), sum(v.size for v in values), args.out, len(data),
             hashlib.sha256(data).hexdigest()))
    return 0 if verify(args.out) else 1


if __name__ == "__main__":
    sys.exit(main())
