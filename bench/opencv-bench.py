#!/usr/bin/python3
# OpenCV column of the alignscale benchmark (alignscale-bench.c runs this).
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# usage: opencv-bench.py [--iterations=N] [--warmup=N] FORMAT:WxH:WxH[:ROWS]...
#
# ROWS: the comma-separated rows to time (default bilinear,bicubic).
#
# Regenerates the C program's frames exactly (bench_frames.py, next to this
# script: one xorshift32 stream per scenario, seeded with the FNV-1a hash of
# the scenario name, tightly packed).
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

import os
import statistics
import sys
import time

# bench_frames.py is next to this script; no __pycache__ in the source tree
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

try:
    import numpy as np
    import cv2
    from bench_frames import make_frame, plane_shapes
except ImportError as e:
    print("unavailable\tpython3-opencv/numpy not importable by %s: %s"
          % (sys.executable, e))
    sys.exit(0)

# formats the C program benchmarks that cv2.resize has no direct
# equivalent for: skipped, with the reason
NO_EQUIVALENT = {
    "P010_10LE": "no direct equivalent (cv2.resize of its 16-bit planes "
                 "leaves the low 6 bits of the words non-zero)",
    "YUY2": "no direct equivalent (packed 4:2:2: luma and chroma "
            "interleaved in one plane)",
}


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
