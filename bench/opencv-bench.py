#!/usr/bin/python3
# OpenCV column of the alignscale benchmark (alignscale-bench.c runs this).
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# usage: opencv-bench.py [--iterations=N] [--warmup=N] FORMAT:WxH:WxH[:ROWS]...
#
# ROWS: the comma-separated rows to time (default bilinear,bicubic).
#
# Regenerates the C program's frames exactly: one xorshift32 stream per
# scenario, seeded with the FNV-1a hash of the scenario name
# ("RGBA 1920x1080->1280x720"), consumed plane by plane, row by row, sample
# by sample (8-bit samples: top 8 bits, 16-bit: top 16), tightly packed.
# Each plane is resized with cv2.resize into a preallocated output, one
# thread: INTER_LINEAR for the "bilinear" row, INTER_CUBIC for "bicubic",
# INTER_AREA for both antialias rows "bilinear-aa" and "bicubic-aa" (timed
# once, reported for each).
# 4:2:0 chroma planes go to ceil(out/2); NV12's UV plane is a 2-channel
# image. Formats without a direct cv2.resize equivalent (P010_10LE, YUY2,
# or any the script does not know) are skipped. Prints tab-separated lines:
#   frame<TAB>scenario<TAB>md5 of the samples (the C program compares it)
#   opencv<TAB>scenario<TAB>method<TAB>median ms/frame
#   skip<TAB>scenario<TAB>reason   for a format without a cv2.resize
#                                  equivalent (its column is n/a)
#   unavailable<TAB>reason   (and exit 0) when numpy or cv2 is missing

import hashlib
import statistics
import sys
import time

try:
    import numpy as np
    import cv2
except ImportError as e:
    print("unavailable\tpython3-opencv/numpy not importable by %s: %s"
          % (sys.executable, e))
    sys.exit(0)

M32 = 0xFFFFFFFF


def xorshift32_step(x):
    x ^= (x << 13) & M32
    x ^= x >> 17
    x ^= (x << 5) & M32
    return x


# xorshift32 is linear over GF(2): a 32x32 bit matrix, kept as the images of
# the 32 unit vectors
def mat_apply(cols, x):
    r = 0
    j = 0
    while x:
        if x & 1:
            r ^= cols[j]
        x >>= 1
        j += 1
    return r


def mat_mul(a, b):
    return [mat_apply(a, c) for c in b]


def mat_pow(cols, n):
    result = [1 << j for j in range(32)]
    while n:
        if n & 1:
            result = mat_mul(cols, result)
        cols = mat_mul(cols, cols)
        n >>= 1
    return result


STEP = [xorshift32_step(1 << j) for j in range(32)]


def xorshift32_stream(seed, n):
    """The first n outputs of the C xorshift32 () from state seed, as
    uint32: computed as a (block, column) grid, the block starts by matrix
    jumps and each block's samples by vectorised steps."""
    if n == 0:
        return np.zeros(0, np.uint32)
    b = max(1, int(n ** 0.5))
    nblocks = (n + b - 1) // b
    jump = mat_pow(STEP, b)
    starts = np.empty(nblocks, np.uint32)
    s = xorshift32_step(seed)
    for r in range(nblocks):
        starts[r] = s
        s = mat_apply(jump, s)
    grid = np.empty((b, nblocks), np.uint32)
    x = starts.copy()
    for k in range(b):
        grid[k] = x
        x ^= x << np.uint32(13)
        x ^= x >> np.uint32(17)
        x ^= x << np.uint32(5)
    return grid.T.reshape(-1)[:n]


def fnv1a32(name):
    h = 2166136261
    for c in name.encode():
        h ^= c
        h = (h * 16777619) & M32
    return h or 1


# formats the C program benchmarks that cv2.resize has no direct
# equivalent for: skipped, with the reason
NO_EQUIVALENT = {
    "P010_10LE": "no direct equivalent (cv2.resize of its 16-bit planes "
                 "leaves the low 6 bits of the words non-zero)",
    "YUY2": "no direct equivalent (packed 4:2:2: luma and chroma "
            "interleaved in one plane)",
}


def plane_shapes(fmt, w, h):
    """The tightly packed planes of fmt (numpy shapes), None if unknown."""
    cw, ch = (w + 1) // 2, (h + 1) // 2
    return {
        "RGBA": [(h, w, 4)], "BGRA": [(h, w, 4)], "ARGB": [(h, w, 4)],
        "ABGR": [(h, w, 4)], "RGBx": [(h, w, 4)], "BGRx": [(h, w, 4)],
        "xRGB": [(h, w, 4)], "xBGR": [(h, w, 4)],
        "RGB": [(h, w, 3)], "BGR": [(h, w, 3)],
        "GRAY8": [(h, w)], "GRAY16_LE": [(h, w)],
        "I420": [(h, w), (ch, cw), (ch, cw)],
        "YV12": [(h, w), (ch, cw), (ch, cw)],
        "NV12": [(h, w), (ch, cw, 2)], "NV21": [(h, w), (ch, cw, 2)],
    }.get(fmt)


def make_frame(fmt, name, shapes):
    dtype = np.uint16 if fmt == "GRAY16_LE" else np.uint8
    shift = 16 if dtype == np.uint16 else 24
    sizes = [int(np.prod(s)) for s in shapes]
    stream = xorshift32_stream(fnv1a32(name), sum(sizes)) >> np.uint32(shift)
    planes, pos = [], 0
    for shape, size in zip(shapes, sizes):
        planes.append(np.ascontiguousarray(
            stream[pos:pos + size].astype(dtype).reshape(shape)))
        pos += size
    md5 = hashlib.md5()
    for p in planes:
        md5.update(p.astype(p.dtype.newbyteorder("<")).tobytes())
    return planes, md5.hexdigest()


def main():
    iterations, warmup, specs = 100, 5, []
    for a in sys.argv[1:]:
        if a.startswith("--iterations="):
            iterations = int(a.split("=", 1)[1])
        elif a.startswith("--warmup="):
            warmup = int(a.split("=", 1)[1])
        else:
            specs.append(a)

    cv2.setNumThreads(1)
    interps = {"bilinear": cv2.INTER_LINEAR, "bicubic": cv2.INTER_CUBIC,
               "bilinear-aa": cv2.INTER_AREA, "bicubic-aa": cv2.INTER_AREA}
    for spec in specs:
        fields = spec.split(":")
        fmt, ins, outs = fields[:3]
        rows = (fields[3].split(",") if len(fields) > 3
                else ["bilinear", "bicubic"])
        # each interpolation once, even when two rows share it
        methods = list(dict.fromkeys(interps[r] for r in rows))
        iw, ih = map(int, ins.split("x"))
        ow, oh = map(int, outs.split("x"))
        name = "%s %dx%d->%dx%d" % (fmt, iw, ih, ow, oh)
        if fmt in NO_EQUIVALENT or plane_shapes(fmt, iw, ih) is None:
            print("skip\t%s\t%s" % (name, NO_EQUIVALENT.get(
                fmt, "opencv-bench.py has no plane layout for " + fmt)),
                flush=True)
            continue
        src, md5 = make_frame(fmt, name, plane_shapes(fmt, iw, ih))
        print("frame\t%s\t%s" % (name, md5), flush=True)
        dst = [np.empty(s, p.dtype)
               for s, p in zip(plane_shapes(fmt, ow, oh), src)]

        def run(interp):
            t0 = time.perf_counter()
            for s, d in zip(src, dst):
                cv2.resize(s, (d.shape[1], d.shape[0]), dst=d,
                           interpolation=interp)
            return (time.perf_counter() - t0) * 1e3

        times = {interp: [] for interp in methods}
        for _ in range(warmup):
            for interp in methods:
                run(interp)
        for _ in range(iterations):
            for interp in methods:
                times[interp].append(run(interp))
        for r in rows:
            print("opencv\t%s\t%s\t%.6f"
                  % (name, r, statistics.median(times[interps[r]])),
                  flush=True)


if __name__ == "__main__":
    main()
