#!/usr/bin/python3
# Library side of the benchmark's "library bytes" table (alignscale-bench.c
# runs this): the call that integer-model=opencv / pillow reproduces.
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# usage: libs-bench.py [--iterations=N] [--warmup=N]
#                      LIBRARY:FORMAT:WxH:WxH:METHOD[,METHOD]...
#
# LIBRARY is opencv or pillow, METHOD alignscale's method nick; the call:
#   opencv  cv2.resize (src, (w, h), dst=dst, interpolation=...) into a
#           preallocated dst, cv2.setNumThreads (1): nearest INTER_NEAREST,
#           bilinear INTER_LINEAR, bicubic INTER_CUBIC, area INTER_AREA,
#           lanczos4 INTER_LANCZOS4
#   pillow  im.resize ((w, h), filter, reducing_gap=None) on
#           im = Image.fromarray (frame), made once before the timing (the
#           input is already in the library's format, as alignscale's is):
#           nearest NEAREST, bilinear BILINEAR, bicubic BICUBIC, box BOX,
#           hamming HAMMING, lanczos LANCZOS
# The frame is the C program's (bench_frames.py, next to this script, seeded
# with the scenario name "RGB 1920x1080->1280x720"); 8-bit formats of one
# plane only (RGB, BGR, GRAY8, and the 4-byte ones for cv2). Per scenario,
# the warm-up, then every iteration each of its methods once; median.
# Prints tab-separated lines:
#   version<TAB>library<TAB>version
#   frame<TAB>scenario<TAB>md5 of the input samples (the C program compares)
#   lib<TAB>library<TAB>scenario<TAB>method<TAB>median ms<TAB>md5 of the
#       output bytes, tightly packed (the C program compares alignscale's)
#   skip<TAB>library<TAB>scenario<TAB>method<TAB>reason
#   unavailable<TAB>library<TAB>reason   (that library's rows are n/a; the
#       exit status stays 0)

import hashlib
import os
import statistics
import sys
import time

# bench_frames.py is next to this script; no __pycache__ in the source tree
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

LIBRARIES = ("opencv", "pillow")
unavailable = {}

try:
    import numpy as np
    from bench_frames import make_frame, plane_shapes
except ImportError as e:
    for lib in LIBRARIES:
        print("unavailable\t%s\tnumpy not importable by %s: %s"
              % (lib, sys.executable, e))
    sys.exit(0)

try:
    import cv2
except ImportError as e:
    unavailable["opencv"] = ("python3-opencv not importable by %s: %s"
                             % (sys.executable, e))
try:
    import PIL
    from PIL import Image
except ImportError as e:
    unavailable["pillow"] = ("python3-pil not importable by %s: %s"
                             % (sys.executable, e))

# one plane of 8-bit samples: what both libraries take as an image
ONE_PLANE_8BIT = {"RGB", "BGR", "GRAY8", "RGBA", "BGRA", "ARGB", "ABGR",
                  "RGBx", "BGRx", "xRGB", "xBGR"}


def opencv_call(method, src, w, h):
    """A function running the call once, returning the output bytes'
    holder; None if cv2 has no such interpolation."""
    interp = {"nearest": cv2.INTER_NEAREST, "bilinear": cv2.INTER_LINEAR,
              "bicubic": cv2.INTER_CUBIC, "area": cv2.INTER_AREA,
              "lanczos4": cv2.INTER_LANCZOS4}.get(method)
    if interp is None:
        return None
    dst = np.empty((h, w) + src.shape[2:], np.uint8)

    def run():
        cv2.resize(src, (w, h), dst=dst, interpolation=interp)
        return dst
    return run


def pillow_call(method, src, w, h):
    if src.ndim == 3 and src.shape[2] != 3:
        return None  # Pillow's 4-band modes are not a plain per-band resize
    res = getattr(Image, "Resampling", Image)
    filt = {"nearest": res.NEAREST, "bilinear": res.BILINEAR,
            "bicubic": res.BICUBIC, "box": res.BOX, "hamming": res.HAMMING,
            "lanczos": res.LANCZOS}.get(method)
    if filt is None:
        return None
    im = Image.fromarray(src)

    def run():
        return im.resize((w, h), filt, reducing_gap=None)
    return run


def out_md5(out):
    data = out.tobytes() if hasattr(out, "getbands") else \
        np.ascontiguousarray(out).tobytes()
    return hashlib.md5(data).hexdigest()


def main():
    iterations, warmup, specs = 100, 5, []
    for a in sys.argv[1:]:
        if a.startswith("--iterations="):
            iterations = int(a.split("=", 1)[1])
        elif a.startswith("--warmup="):
            warmup = int(a.split("=", 1)[1])
        else:
            specs.append(a)

    for lib, why in unavailable.items():
        print("unavailable\t%s\t%s" % (lib, why), flush=True)
    if "opencv" not in unavailable:
        cv2.setNumThreads(1)
        print("version\topencv\t%s" % cv2.__version__, flush=True)
    if "pillow" not in unavailable:
        print("version\tpillow\t%s" % PIL.__version__, flush=True)

    frames = {}
    for spec in specs:
        lib, fmt, ins, outs, methods = spec.split(":")
        iw, ih = map(int, ins.split("x"))
        ow, oh = map(int, outs.split("x"))
        name = "%s %dx%d->%dx%d" % (fmt, iw, ih, ow, oh)
        methods = methods.split(",")
        if lib in unavailable:
            continue

        def skip(m, why):
            print("skip\t%s\t%s\t%s\t%s" % (lib, name, m, why), flush=True)

        if fmt not in ONE_PLANE_8BIT:
            for m in methods:
                skip(m, "libs-bench.py takes one plane of 8-bit samples")
            continue
        if name not in frames:
            planes, md5 = make_frame(fmt, name, plane_shapes(fmt, iw, ih))
            frames[name] = planes[0]
            print("frame\t%s\t%s" % (name, md5), flush=True)
        src = frames[name]
        calls = {}
        for m in methods:
            call = (opencv_call if lib == "opencv" else pillow_call)(
                m, src, ow, oh)
            if call is None:
                skip(m, "no such %s filter for %s" % (lib, fmt))
            else:
                calls[m] = call

        times = {m: [] for m in calls}
        for i in range(-warmup, iterations):
            for m, call in calls.items():
                t0 = time.perf_counter()
                call()
                ms = (time.perf_counter() - t0) * 1e3
                if i >= 0:
                    times[m].append(ms)
        for m, call in calls.items():
            print("lib\t%s\t%s\t%s\t%.6f\t%s"
                  % (lib, name, m, statistics.median(times[m]),
                     out_md5(call())), flush=True)


if __name__ == "__main__":
    main()
