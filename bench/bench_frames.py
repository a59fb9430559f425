# The benchmark's frames, shared by opencv-bench.py and libs-bench.py.
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Regenerates alignscale-bench.c's make_frame () exactly: one xorshift32
# stream per scenario, seeded with the FNV-1a hash of the scenario name
# ("RGBA 1920x1080->1280x720"), consumed plane by plane, row by row, sample
# by sample (8-bit samples: top 8 bits, 16-bit: top 16), tightly packed; the
# MD5 of the samples is what the C program prints for its frame.
#
# Imports numpy: a script importing this module catches the ImportError.

import hashlib

import numpy as np

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
