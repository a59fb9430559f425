#!/usr/bin/python3
"""Golden-data generator for the alignscale element (tests/check/golden/golden.bin).

Makes 360 deterministic random scaling cases (20 for each of 18 raw video
formats) and stores, for every case, the expected output samples as float32
values before any rounding.

Where the expected values come from:

* Full-resolution planes (luma, Y444 chroma, gray and packed RGB planes):
  PyTorch ``torch.nn.functional.interpolate`` on a float64 tensor
  (mode 'bilinear' / 'bicubic' with the case's align_corners), and
  'nearest-exact' on a float32 tensor for nearest with align_corners=0.
* Subsampled chroma planes (4:2:0 and 4:2:2): PyTorch
  ``torch.nn.functional.grid_sample`` (padding_mode='border',
  align_corners=True) at chroma coordinates derived in picture (luma) space:
  c(j) = (f(r*j + o) - o) / r, where f is the luma mapping, r the
  subsampling and o the chroma siting offset (spec resampling.md 6.1, 6.2).
* Nearest + align_corners (a combination PyTorch lacks), and nearest on
  subsampled planes: exact rational arithmetic (fractions.Fraction),
  k = ceil(x - 1/2) for align_corners=1 (ties go down) and
  k = floor(x + 1/2) for align_corners=0, clamped to the plane; an
  unsubsampled axis of a chroma plane (Y42B rows) takes PyTorch's
  nearest-exact indices like luma.

Before writing anything the script checks itself:

* grid_sample with c(j) = f(j) must equal interpolate on every full-resolution
  bilinear/bicubic plane (this ties the two PyTorch paths together, including
  the cubic border rule: every tap clamped, coordinate not clamped);
* every bilinear/bicubic plane must equal an inline numpy separable model
  (Keys cubic A=-0.75 or linear, taps clamped to the plane);
* PyTorch 'nearest-exact' indices must equal the exact rational rule
  floor((i + 1/2) * in/out) for every size pair 1..64, except at exact ties
  where float32 goes down;
* spec case V01 (chroma coordinates and values for luma 4->8).

Input pixels are reproducible in C: xorshift32 seeded with the case seed,
planes 0,1,2 in GStreamer order, rows top to bottom, pixels left to right,
samples in memory order; 8-bit sample = next() >> 24, 16-bit = next() >> 16.

Usage:
  /usr/bin/python3 tests/check/golden/gen_golden.py [--out PATH]
  /usr/bin/python3 tests/check/golden/gen_golden.py --verify PATH

The file format is described in README.md next to this script and in
write_golden() below.  This script does not need /work/shared/spec.
"""

import argparse
import hashlib
import math
import os
import struct
import sys
from fractions import Fraction

import numpy as np
import torch
import torch.nn.functional as F

MAGIC = b"ASGOLD01"
MASTER_SEED = 0x5CA1AB1E
CASES_PER_FORMAT = 20
MAX_DIM = 64

NEAREST, BILINEAR, BICUBIC = 0, 1, 2
METHOD_NAMES = {NEAREST: "nearest", BILINEAR: "bilinear", BICUBIC: "bicubic"}
SITE_NAMES = {0: "none", 1: "jpeg", 2: "mpeg2", 3: "cosited", 4: "absent"}

# format -> (bits per sample, planes as (r_h, r_v, samples per pixel))
_P1 = (1, 1, 1)
FORMATS = {
    "GRAY8": (8, [_P1]),
    "GRAY16_LE": (16, [_P1]),
    "RGBA": (8, [(1, 1, 4)]),
    "BGRA": (8, [(1, 1, 4)]),
    "ARGB": (8, [(1, 1, 4)]),
    "ABGR": (8, [(1, 1, 4)]),
    "RGBx": (8, [(1, 1, 4)]),
    "BGRx": (8, [(1, 1, 4)]),
    "xRGB": (8, [(1, 1, 4)]),
    "xBGR": (8, [(1, 1, 4)]),
    "RGB": (8, [(1, 1, 3)]),
    "BGR": (8, [(1, 1, 3)]),
    "I420": (8, [_P1, (2, 2, 1), (2, 2, 1)]),
    "YV12": (8, [_P1, (2, 2, 1), (2, 2, 1)]),
    "Y42B": (8, [_P1, (2, 1, 1), (2, 1, 1)]),
    "Y444": (8, [_P1, _P1, _P1]),
    "NV12": (8, [_P1, (2, 2, 2)]),
    "NV21": (8, [_P1, (2, 2, 2)]),
}
YUV_FORMATS = {"I420", "YV12", "Y42B", "Y444", "NV12", "NV21"}

HEADER = struct.Struct("<8sI")
CASE_HEADER = struct.Struct("<12s4H4BII")  # format, in_w,in_h,out_w,out_h,
#                                           method,ac,site,reserved, seed, n_values


# ---------------------------------------------------------------------------
# deterministic random numbers (xorshift32, identical in C)
# ---------------------------------------------------------------------------
class XorShift32:
    def __init__(self, seed):
        seed &= 0xFFFFFFFF
        if seed == 0:
            raise ValueError("xorshift32 seed must be nonzero")
        self.x = seed

    def next(self):
        x = self.x
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        self.x = x
        return x

    def below(self, n):
        """Uniform integer in [0, n) (rejection sampling, no modulo bias)."""
        limit = (1 << 32) - ((1 << 32) % n)
        while True:
            v = self.next()
            if v < limit:
                return v % n


def plane_dims(w, h, rh, rv):
    return -(-w // rh), -(-h // rv)


def make_input_planes(fmt, w, h, seed):
    """Input planes as float64 arrays of shape (plane_h, plane_w, spp)."""
    bits, planes = FORMATS[fmt]
    shift = 32 - bits
    rng = XorShift32(seed)
    out = []
    for rh, rv, spp in planes:
        pw, ph = plane_dims(w, h, rh, rv)
        n = pw * ph * spp
        vals = np.fromiter((rng.next() >> shift for _ in range(n)), dtype=np.float64, count=n)
        out.append(vals.reshape(ph, pw, spp))
    return out


# ---------------------------------------------------------------------------
# coordinate mapping (exact rationals)
# ---------------------------------------------------------------------------
def luma_map(q, n_in, n_out, ac):
    """f(q): source coordinate (luma pixel centres at integers) of output q."""
    if ac:
        return Fraction(0) if n_out == 1 else Fraction(q * (n_in - 1), n_out - 1)
    return (Fraction(q) + Fraction(1, 2)) * Fraction(n_in, n_out) - Fraction(1, 2)


def siting_offsets(site, rh=2, rv=2):
    """(o_h, o_v) in luma pixels: centred samples sit (r - 1) / 2 luma
    pixels in (1/2 for 4:2:x, 3/2 for 4:1:1), cosited ones at 0."""
    ch, cv = Fraction(rh - 1, 2), Fraction(rv - 1, 2)
    if site == 1:                      # jpeg: centre
        return ch, cv
    if site in (2, 4):                 # mpeg2; 4 = absent from caps -> mpeg2
        return Fraction(0), cv
    if site == 3:                      # cosited
        return Fraction(0), Fraction(0)
    raise ValueError("chroma site %d on a subsampled plane" % site)


def plane_coords(n_in, n_out, n_plane_out, r, o, ac):
    """c(j) = (f(r*j + o) - o) / r for j in [0, n_plane_out)."""
    if r == 1:
        o = Fraction(0)
    return [(luma_map(r * j + o, n_in, n_out, ac) - o) / r for j in range(n_plane_out)]


def nearest_indices(coords, n_plane_in, ac):
    idx = []
    for c in coords:
        k = math.ceil(c - Fraction(1, 2)) if ac else math.floor(c + Fraction(1, 2))
        idx.append(min(max(k, 0), n_plane_in - 1))
    return np.array(idx, dtype=np.int64)


# ---------------------------------------------------------------------------
# PyTorch paths
# ---------------------------------------------------------------------------
def to_nchw(plane):
    return torch.from_numpy(np.ascontiguousarray(plane.transpose(2, 0, 1)[None]))


def from_nchw(t):
    return t[0].numpy().transpose(1, 2, 0)


def torch_interpolate(plane, out_h, out_w, method, ac):
    t = to_nchw(plane)
    if method == BILINEAR:
        r = F.interpolate(t, size=(out_h, out_w), mode="bilinear", align_corners=bool(ac))
    elif method == BICUBIC:
        r = F.interpolate(t, size=(out_h, out_w), mode="bicubic", align_corners=bool(ac))
    elif method == NEAREST and not ac:
        # float32, as image tensors are (uint8 gives the same indices): at
        # exact ties torch 1.13's float64 kernel for C > 1 rounds up where
        # its float32, uint8 and C == 1 kernels round down (e.g. 64->47,
        # i = 23); the element follows the float32 rule.
        r = F.interpolate(t.float(), size=(out_h, out_w), mode="nearest-exact").double()
    else:
        raise ValueError("no torch interpolate mode for nearest + align_corners")
    return from_nchw(r)


def torch_nearest_axis(n_in, n_out):
    """torch nearest-exact source indices of one full-resolution axis."""
    ramp = torch.arange(n_in, dtype=torch.float32).reshape(1, 1, n_in)
    r = F.interpolate(ramp, size=(n_out,), mode="nearest-exact")
    return r.reshape(-1).to(torch.int64).numpy()


def _grid_axis(coords, n_plane_in):
    if n_plane_in == 1:
        return np.zeros(len(coords), dtype=np.float64)
    return np.array([float(2 * c / (n_plane_in - 1) - 1) for c in coords], dtype=np.float64)


def torch_grid_sample(plane, cy, cx, method):
    ph, pw, _ = plane.shape
    gx = _grid_axis(cx, pw)
    gy = _grid_axis(cy, ph)
    grid = np.empty((1, len(cy), len(cx), 2), dtype=np.float64)
    grid[0, :, :, 0] = gx[None, :]
    grid[0, :, :, 1] = gy[:, None]
    mode = {BILINEAR: "bilinear", BICUBIC: "bicubic"}[method]
    r = F.grid_sample(to_nchw(plane), torch.from_numpy(grid), mode=mode,
                      padding_mode="border", align_corners=True)
    return from_nchw(r)


# ---------------------------------------------------------------------------
# inline numpy model (independent of PyTorch): separable, taps clamped
# ---------------------------------------------------------------------------
def _keys(u, a=-0.75):
    u = abs(u)
    if u <= 1:
        return ((a + 2) * u - (a + 3)) * u * u + 1
    if u < 2:
        return ((a * u - 5 * a) * u + 8 * a) * u - 4 * a
    return 0.0


def model_weights(coords, n_in, method):
    w = np.zeros((len(coords), n_in), dtype=np.float64)
    for i, c in enumerate(coords):
        f = math.floor(c)
        t = float(c - f)
        if method == BILINEAR:
            taps = [(f, 1 - t), (f + 1, t)]
        else:
            taps = [(f - 1, _keys(t + 1)), (f, _keys(t)), (f + 1, _keys(1 - t)), (f + 2, _keys(2 - t))]
        for k, wt in taps:
            w[i, min(max(k, 0), n_in - 1)] += wt
    return w


def model_plane(plane, cy, cx, method):
    wy = model_weights(cy, plane.shape[0], method)
    wx = model_weights(cx, plane.shape[1], method)
    return np.einsum("yh,hwc,xw->yxc", wy, plane, wx)


# ---------------------------------------------------------------------------
# case generation
# ---------------------------------------------------------------------------
def draw_case(rng, fmt, method, ac, yuv):
    """Sizes (1 with probability 0.1 each, never in == out on both axes), a
    chroma siting for YUV formats and a nonzero input seed."""
    def dim():
        if rng.below(10) == 0:          # force size 1 with probability 0.1
            return 1
        return 1 + rng.below(MAX_DIM)

    while True:
        in_w, in_h, out_w, out_h = dim(), dim(), dim(), dim()
        if not (in_w == out_w and in_h == out_h):
            break
    site = 1 + rng.below(4) if yuv else 0
    seed = 0
    while seed == 0:
        seed = rng.next() ^ 0x9E3779B9
    return dict(fmt=fmt, in_w=in_w, in_h=in_h, out_w=out_w, out_h=out_h,
                method=method, ac=ac, site=site, seed=seed)


def generate_cases():
    rng = XorShift32(MASTER_SEED)
    combos = [(m, a) for m in (NEAREST, BILINEAR, BICUBIC) for a in (0, 1)]

    cases = []
    for fmt in FORMATS:
        # each (method, ac) 3 times per format (54 overall), plus 2 uniform picks,
        # then a Fisher-Yates shuffle: the marginal draw per case stays uniform.
        slots = combos * 3 + [combos[rng.below(6)] for _ in range(CASES_PER_FORMAT - 18)]
        for i in range(len(slots) - 1, 0, -1):
            j = rng.below(i + 1)
            slots[i], slots[j] = slots[j], slots[i]
        for method, ac in slots:
            cases.append(draw_case(rng, fmt, method, ac, fmt in YUV_FORMATS))
    return cases


# ---------------------------------------------------------------------------
# expected values
# ---------------------------------------------------------------------------
class Checks:
    def __init__(self):
        self.gs_vs_interp = {8: 0.0, 16: 0.0}      # luma-like planes
        self.model_vs_torch = {8: 0.0, 16: 0.0}    # all bilinear/bicubic planes
        self.n_gs_luma = 0
        self.n_model = 0

    @staticmethod
    def tol(bits):
        return 1e-6 * max(1.0, float((1 << bits) - 1))


def expected_plane(plane, rh, rv, case, bits, checks):
    """One plane (h, w, spp) of a case: the float expected output."""
    ac, method, site = case["ac"], case["method"], case["site"]
    in_w, in_h, out_w, out_h = case["in_w"], case["in_h"], case["out_w"], case["out_h"]
    tol = Checks.tol(bits)
    spp = plane.shape[2]
    opw, oph = plane_dims(out_w, out_h, rh, rv)
    ipw, iph = plane_dims(in_w, in_h, rh, rv)
    assert plane.shape == (iph, ipw, spp)
    if rh == 1 and rv == 1:
        cx = plane_coords(in_w, out_w, opw, 1, 0, ac)
        cy = plane_coords(in_h, out_h, oph, 1, 0, ac)
        if method == NEAREST and ac:
            res = plane[nearest_indices(cy, iph, ac)][:, nearest_indices(cx, ipw, ac)]
        else:
            res = torch_interpolate(plane, oph, opw, method, ac)
        if method != NEAREST:
            gs = torch_grid_sample(plane, cy, cx, method)
            d = float(np.max(np.abs(gs - res)))
            checks.gs_vs_interp[bits] = max(checks.gs_vs_interp.get(bits, 0.0), d)
            checks.n_gs_luma += 1
            if not d < tol:
                raise SystemExit("SELF-CHECK FAILED: grid_sample vs interpolate differ by %g "
                                 "(tol %g) in case %r" % (d, tol, case))
    else:
        o_h, o_v = siting_offsets(site, rh, rv)
        cx = plane_coords(in_w, out_w, opw, rh, o_h, ac)
        cy = plane_coords(in_h, out_h, oph, rv, o_v, ac)
        if method == NEAREST:
            # an unsubsampled axis of a chroma plane (Y42B rows) maps
            # exactly like luma, so it takes torch's own luma indices
            iy = torch_nearest_axis(in_h, out_h) if rv == 1 and not ac else \
                nearest_indices(cy, iph, ac)
            ix = torch_nearest_axis(in_w, out_w) if rh == 1 and not ac else \
                nearest_indices(cx, ipw, ac)
            res = plane[iy][:, ix]
        else:
            res = torch_grid_sample(plane, cy, cx, method)
    if method != NEAREST:
        m = model_plane(plane, cy, cx, method)
        d = float(np.max(np.abs(m - res)))
        checks.model_vs_torch[bits] = max(checks.model_vs_torch.get(bits, 0.0), d)
        checks.n_model += 1
        if not d < tol:
            raise SystemExit("SELF-CHECK FAILED: numpy model vs torch differ by %g "
                             "(tol %g) in case %r" % (d, tol, case))
    assert res.shape == (oph, opw, spp), (res.shape, (oph, opw, spp))
    return np.ascontiguousarray(res, dtype=np.float64).reshape(-1)


def expected_values(case, checks):
    bits, planes = FORMATS[case["fmt"]]
    inputs = make_input_planes(case["fmt"], case["in_w"], case["in_h"], case["seed"])
    return np.concatenate([expected_plane(plane, rh, rv, case, bits, checks)
                           for (rh, rv, spp), plane in zip(planes, inputs)])


def check_nearest_exact_indices():
    """torch 'nearest-exact' (float32 index math) vs exact floor((i+1/2)*in/out).

    They differ only at exact ties ((2i+1)*in divisible by 2*out), where float32
    rounding can make torch pick the lower pixel.  Anything else is a failure.
    Returns the set of (in, out) pairs where they differ."""
    pairs = set()
    for n_in in range(1, MAX_DIM + 1):
        t = torch.arange(n_in, dtype=torch.float64).reshape(1, 1, 1, n_in)
        for n_out in range(1, MAX_DIM + 1):
            got = F.interpolate(t, size=(1, n_out), mode="nearest-exact").reshape(-1).numpy()
            got = got.astype(np.int64)
            exact = nearest_indices(plane_coords(n_in, n_out, n_out, 1, 0, 0), n_in, 0)
            for i in np.nonzero(got != exact)[0]:
                tie = ((2 * int(i) + 1) * n_in) % (2 * n_out) == 0
                if not (tie and got[i] == exact[i] - 1):
                    raise SystemExit("SELF-CHECK FAILED: torch nearest-exact index %d for "
                                     "%d->%d at i=%d, exact rule %d" % (got[i], n_in, n_out, i, exact[i]))
                pairs.add((n_in, n_out))
    return pairs


def check_v01():
    """Spec case V01: luma 4->8, align_corners=0, chroma [0,100]."""
    jpeg = plane_coords(4, 8, 4, 2, Fraction(1, 2), 0)
    left = plane_coords(4, 8, 4, 2, Fraction(0), 0)
    assert jpeg == [Fraction(v) for v in ("-1/4", "1/4", "3/4", "5/4")], jpeg
    assert left == [Fraction(v) for v in ("-1/8", "3/8", "7/8", "11/8")], left
    row = np.array([0.0, 100.0]).reshape(1, 2, 1)
    vj = torch_grid_sample(row, [Fraction(0)], jpeg, BILINEAR).reshape(-1)
    vl = torch_grid_sample(row, [Fraction(0)], left, BILINEAR).reshape(-1)
    assert np.allclose(vj, [0, 25, 75, 100], atol=1e-9), vj
    assert np.allclose(vl, [0, 37.5, 87.5, 100], atol=1e-9), vl


# ---------------------------------------------------------------------------
# file writing / independent verification
# ---------------------------------------------------------------------------
def write_golden(path, cases, values):
    """Little-endian: header b"ASGOLD01", uint32 n_cases; per case: char format[12]
    (NUL padded), uint16 in_w,in_h,out_w,out_h, uint8 method, align_corners,
    chroma_site, reserved(0), uint32 seed, uint32 n_values, float32 values[n_values]."""
    chunks = [HEADER.pack(MAGIC, len(cases))]
    for case, vals in zip(cases, values):
        chunks.append(CASE_HEADER.pack(case["fmt"].encode("ascii"), case["in_w"], case["in_h"],
                                       case["out_w"], case["out_h"], case["method"], case["ac"],
                                       case["site"], 0, case["seed"], vals.size))
        chunks.append(vals.astype("<f4").tobytes())
    data = b"".join(chunks)
    tmp = path + ".tmp"
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)
    return data


def verify(path, flags=0, methods=(0, 1, 2), max_dim=MAX_DIM, sixteen_bit=True):
    """Re-parse a golden file from scratch; returns number of problems (0 = OK).

    flags: what byte 23 of every case must hold (golden.bin 0, golden-aa.bin
    1 = antialias); methods: the methods it may use; nearest and bilinear
    are convex, so their values stay within the sample range."""
    # independent layout table: (width divisor, height divisor, samples) per plane
    layout = {
        "GRAY8": [(1, 1, 1)], "RGB": [(1, 1, 3)], "BGR": [(1, 1, 3)],
        "I420": [(1, 1, 1), (2, 2, 1), (2, 2, 1)], "YV12": [(1, 1, 1), (2, 2, 1), (2, 2, 1)],
        "Y42B": [(1, 1, 1), (2, 1, 1), (2, 1, 1)], "Y444": [(1, 1, 1)] * 3,
        "NV12": [(1, 1, 1), (2, 2, 2)], "NV21": [(1, 1, 1), (2, 2, 2)],
    }
    if sixteen_bit:
        layout["GRAY16_LE"] = [(1, 1, 1)]
    for f in ("RGBA", "BGRA", "ARGB", "ABGR", "RGBx", "BGRx", "xRGB", "xBGR"):
        layout[f] = [(1, 1, 4)]
    yuv = {"I420", "YV12", "Y42B", "Y444", "NV12", "NV21"}
    with open(path, "rb") as fh:
        data = fh.read()
    problems = []
    if len(data) < 12 or data[:8] != b"ASGOLD01":
        print("verify: bad magic %r" % data[:8])
        return 1
    (n_cases,) = struct.unpack_from("<I", data, 8)
    pos = 12
    total = 0
    for i in range(n_cases):
        if pos + 32 > len(data):          # 32-byte case header
            problems.append("case %d: truncated header" % i)
            break
        raw_fmt = data[pos:pos + 12]
        fmt = raw_fmt.rstrip(b"\0").decode("ascii", "replace")
        in_w, in_h, out_w, out_h = struct.unpack_from("<4H", data, pos + 12)
        method, ac, site, case_flags = data[pos + 20:pos + 24]
        seed, n_values = struct.unpack_from("<2I", data, pos + 24)
        pos += 32
        tag = "case %d (%s %dx%d->%dx%d)" % (i, fmt, in_w, in_h, out_w, out_h)
        if b"\0" in raw_fmt.rstrip(b"\0") or fmt not in layout:
            problems.append("%s: unknown format" % tag)
            break
        if min(in_w, in_h, out_w, out_h) < 1 or max(in_w, in_h, out_w, out_h) > max_dim:
            problems.append("%s: size out of range" % tag)
        if method not in methods or ac > 1 or case_flags != flags or seed == 0:
            problems.append("%s: bad method %d / ac %d / flags 0x%02x / seed"
                            % (tag, method, ac, case_flags))
        if (fmt in yuv) != (site != 0) or site > 4:
            problems.append("%s: bad chroma_site %d" % (tag, site))
        expect = sum(((out_w + dw - 1) // dw) * ((out_h + dh - 1) // dh) * s
                     for dw, dh, s in layout[fmt])
        if n_values != expect:
            problems.append("%s: n_values %d, expected %d" % (tag, n_values, expect))
        end = pos + 4 * n_values
        if end > len(data):
            problems.append("%s: truncated values" % tag)
            break
        vals = np.frombuffer(data, dtype="<f4", count=n_values, offset=pos)
        if not np.all(np.isfinite(vals)):
            problems.append("%s: non-finite values" % tag)
        if method != 2 and n_values:   # nearest/bilinear are convex: within the sample range
            hi = 65535 if fmt == "GRAY16_LE" else 255
            if vals.min() < -1e-3 or vals.max() > hi + 1e-3:
                problems.append("%s: values outside [0, %d]" % (tag, hi))
        total += n_values
        pos = end
    if pos != len(data) and not problems:
        problems.append("%d trailing bytes" % (len(data) - pos))
    for p in problems[:20]:
        print("verify:", p)
    print("verify: %s: %d cases, %d values, %d bytes: %s"
          % (path, n_cases, total, len(data), "OK" if not problems else "%d PROBLEMS" % len(problems)))
    return len(problems)


# ---------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                  "golden.bin"))
    ap.add_argument("--verify", metavar="PATH", help="only re-parse and check an existing file")
    args = ap.parse_args()
    if args.verify:
        return 1 if verify(args.verify) else 0

    torch.set_num_threads(1)
    check_v01()
    tie_pairs = check_nearest_exact_indices()
    cases = generate_cases()
    checks = Checks()
    values = [expected_values(c, checks) for c in cases]   # raises before any write on failure

    data = write_golden(args.out, cases, values)

    print("alignscale golden data: torch %s, numpy %s, master seed 0x%08X"
          % (torch.__version__, np.__version__, MASTER_SEED))
    print("cases per format:")
    for fmt in FORMATS:
        sel = [c for c in cases if c["fmt"] == fmt]
        nv = sum(v.size for c, v in zip(cases, values) if c["fmt"] == fmt)
        sites = ""
        if fmt in YUV_FORMATS:
            sites = "  sites " + " ".join("%s=%d" % (SITE_NAMES[s], sum(c["site"] == s for c in sel))
                                          for s in (1, 2, 3, 4))
        print("  %-10s %3d cases %7d values%s" % (fmt, len(sel), nv, sites))
    print("cases per (method, align_corners):")
    for m in (NEAREST, BILINEAR, BICUBIC):
        for a in (0, 1):
            n = sum(c["method"] == m and c["ac"] == a for c in cases)
            print("  %-8s ac=%d: %3d" % (METHOD_NAMES[m], a, n))
            assert n >= 50
    ones = sum(sum(c[k] == 1 for k in ("in_w", "in_h", "out_w", "out_h")) for c in cases)
    print("cases with a size-1 dimension: %d (%d size-1 dimensions)"
          % (sum(any(c[k] == 1 for k in ("in_w", "in_h", "out_w", "out_h")) for c in cases), ones))
    print("total cases %d, total values %d, file %s: %d bytes, sha256 %s"
          % (len(cases), sum(v.size for v in values), args.out, len(data),
             hashlib.sha256(data).hexdigest()))
    print("self-checks:")
    print("  V01 chroma coordinates/values: OK")
    print("  torch nearest-exact vs exact floor((i+1/2)*in/out), all %d size pairs 1..%d: "
          "differ on %d pairs, each at one exact tie where torch's float32 goes down"
          % (MAX_DIM * MAX_DIM, MAX_DIM, len(tie_pairs)))
    near0 = [c for c in cases if c["method"] == NEAREST and not c["ac"]]
    hit_luma = [c for c in near0 if (c["in_w"], c["out_w"]) in tie_pairs
                or (c["in_h"], c["out_h"]) in tie_pairs]
    print("  nearest ac=0 cases whose size pair hits such a tie (full-res planes use torch): %d %s"
          % (len(hit_luma), ["%s %dx%d->%dx%d" % (c["fmt"], c["in_w"], c["in_h"], c["out_w"],
                                                   c["out_h"]) for c in hit_luma]))
    hit_r1 = [c for c in near0 if c["fmt"] == "Y42B" and (c["in_h"], c["out_h"]) in tie_pairs]
    print("  Y42B nearest ac=0 cases where the chroma planes' unsubsampled vertical axis "
          "(exact rule) hits such a tie: %d" % len(hit_r1))
    print("  grid_sample(c=f(j)) vs interpolate, %d full-res planes: max |diff| 8-bit %.3g, "
          "16-bit %.3g (tol %.3g / %.3g)" % (checks.n_gs_luma, checks.gs_vs_interp[8],
                                             checks.gs_vs_interp[16], Checks.tol(8), Checks.tol(16)))
    print("  numpy separable model vs torch, %d bilinear/bicubic planes: max |diff| 8-bit %.3g, "
          "16-bit %.3g" % (checks.n_model, checks.model_vs_torch[8], checks.model_vs_torch[16]))
    return 1 if verify(args.out) else 0


if __name__ == "__main__":
    sys.exit(main())
