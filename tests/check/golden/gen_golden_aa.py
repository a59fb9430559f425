#!/usr/bin/python3
"""Antialias golden-data generator for alignscale (tests/check/golden/golden-aa.bin).

Makes 204 deterministic random antialiased scaling cases (12 for each of the
17 8-bit formats of golden.bin) and stores, for every case, the expected
output samples as float32 values before any rounding.  The file has the same
layout as golden.bin (see README.md and gen_golden.py); the only difference
is case-header byte 23, which golden.bin keeps at 0 ("reserved") and which
is a flags byte here: bit 0 = antialias.  Every case in golden-aa.bin has
bit 0 set.

Methods: bilinear (1) and bicubic (2), align_corners 0 and 1 (3:1).  Sizes
run from 1 to 96 per axis; most axes shrink (integer ratios 2, 3, 4, 6, 8,
non-integer ratios up to 8, ratios just above 1), some cases enlarge one axis
and shrink the other, and a few have an output size of 1 on one axis.

Where the expected values come from (float64):

* Full-resolution planes (gray, packed RGB, luma, Y444 chroma) and the
  unsubsampled axis of a chroma plane (the rows of Y42B chroma): PyTorch
  ``F.interpolate(x, size=..., mode='bilinear'|'bicubic',
  align_corners=ac, antialias=True)``.
* Subsampled chroma axes (4:2:0 both axes, 4:2:2 horizontally): PyTorch has
  no chroma siting, so a numpy model of spec resampling.md 3.1 (Pillow /
  PyTorch antialias: stretched kernel, window truncated at the borders and
  renormalised; triangle, or Keys A = -0.5 for bicubic) generalised with the
  plane's coordinate mapping of spec 6.2.  With the luma mapping
  f(q) = (q + 1/2)*ratio - 1/2, ratio = in/out for ac=0 and PyTorch's
  antialias quirk ratio = (in-1)/(out-1) (0 when out == 1) for ac=1, chroma
  sample j of a plane subsampled by r with siting offset o sits at
  x(j) = (f(r*j + o) - o)/r; its window has centre c = x(j) + 1/2 (edge
  coordinates), stretch fs = max(ratio, 1), support R*fs (R = 1 triangle,
  2 cubic), taps [max(trunc(c - support + 1/2), 0),
  min(trunc(c + support + 1/2), plane_in)), w_k = K((k - c + 1/2)/fs),
  normalised by their sum.  For r = 1 this is exactly PyTorch's rule.

Self-checks before anything is written (any failure aborts):

* the numpy model with r = 1, o = 0 equals torch interpolate(antialias=True)
  to 1e-9 on every full-resolution plane of every case, and on the
  unsubsampled axis of every Y42B chroma plane;
* where the chroma mapping reduces to plain per-plane half-pixel scaling
  (jpeg siting, ac=0, even luma sizes), the model's chroma weight matrix
  equals torch's on the chroma plane, for every even size pair 2..96 and
  both methods (torch's weights read off by resizing an identity image);
* every chroma window has a positive weight sum (no empty windows);
* spec cases A01, A02, A03, A04 (resampling.md section 11) are reproduced by
  torch and by the model within 1e-4.

Input pixels: the generator of gen_golden.py (imported from this directory):
xorshift32 with the case seed, planes 0,1,2 in GStreamer order, rows top to
bottom, pixels left to right, samples in memory order, sample = next() >> 24.

Usage:
  /usr/bin/python3 tests/check/golden/gen_golden_aa.py [--out PATH]
  /usr/bin/python3 tests/check/golden/gen_golden_aa.py --verify PATH
"""

import argparse
import hashlib
import math
import os
import struct
import sys
from fractions import Fraction

sys.dont_write_bytecode = True          # no __pycache__ next to the data
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np                      # noqa: E402
import torch                            # noqa: E402
import torch.nn.functional as F         # noqa: E402

import gen_golden as G                  # noqa: E402  (input generator, geometry, siting)

MAGIC = G.MAGIC                         # b"ASGOLD01"
MASTER_SEED = 0xA7A1A5ED
CASES_PER_FORMAT = 12
MAX_DIM = 96
FLAG_ANTIALIAS = 0x01

BILINEAR, BICUBIC = G.BILINEAR, G.BICUBIC
METHOD_NAMES = {BILINEAR: "bilinear", BICUBIC: "bicubic"}
FORMATS = [f for f in G.FORMATS if G.FORMATS[f][0] == 8]    # 17, GRAY16_LE dropped
YUV_FORMATS = G.YUV_FORMATS

MODEL_TOL = 1e-9        # numpy model vs torch, float64, on 0..255 data
SPEC_TOL = 1e-4         # spec section 11 values are rounded to 4 decimals


# ---------------------------------------------------------------------------
# numpy model of spec 3.1 with the plane mapping of spec 6.2
# ---------------------------------------------------------------------------
def _tri(u):
    u = abs(u)
    return 1.0 - u if u < 1.0 else 0.0


def _keys_half(u):
    """Keys cubic, A = -0.5 (PyTorch's antialias filter, Pillow's bicubic)."""
    a = -0.5
    u = abs(u)
    if u < 1.0:
        return ((a + 2) * u - (a + 3)) * u * u + 1
    if u < 2.0:
        return ((a * u - 5 * a) * u + 8 * a) * u - 4 * a
    return 0.0


def luma_ratio(n_in, n_out, ac):
    """PyTorch's antialias scale: in/out, or (in-1)/(out-1) (0 if out == 1) for ac."""
    if ac:
        return Fraction(0) if n_out == 1 else Fraction(n_in - 1, n_out - 1)
    return Fraction(n_in, n_out)


def aa_centres(n_in, n_out, n_plane_out, r, o, ac):
    """Window centres c(j) = x(j) + 1/2 in plane edge coordinates (exact).

    x(j) = (f(r*j + o) - o)/r with f(q) = (q + 1/2)*ratio - 1/2.  For ac=1
    this keeps PyTorch's centre (i + 1/2)*ratio with the align-corners ratio
    (spec 3.1 quirk, case A04)."""
    ratio = luma_ratio(n_in, n_out, ac)
    if r == 1:
        o = Fraction(0)
    half = Fraction(1, 2)
    return [((r * j + o + half) * ratio - half - o) / r + half for j in range(n_plane_out)]


def aa_weights(n_in, n_out, n_plane_in, n_plane_out, r, o, method, ac, stats=None):
    """(n_plane_out, n_plane_in) weight matrix of one axis."""
    ratio = luma_ratio(n_in, n_out, ac)
    fs = max(ratio, Fraction(1))
    R = 1 if method == BILINEAR else 2
    support = R * fs
    kern = _tri if method == BILINEAR else _keys_half
    fs_f = float(fs)
    w = np.zeros((n_plane_out, n_plane_in), dtype=np.float64)
    for j, c in enumerate(aa_centres(n_in, n_out, n_plane_out, r, o, ac)):
        xmin = max(math.trunc(c - support + Fraction(1, 2)), 0)
        xmax = min(math.trunc(c + support + Fraction(1, 2)), n_plane_in)
        if xmax <= xmin:
            raise SystemExit("SELF-CHECK FAILED: empty window (%d->%d, plane %d->%d, r=%d o=%s "
                             "ac=%d, j=%d)" % (n_in, n_out, n_plane_in, n_plane_out, r, o, ac, j))
        ws = np.array([kern(float(k - c + Fraction(1, 2)) / fs_f) for k in range(xmin, xmax)])
        total = float(ws.sum())
        if not total > 0.0:
            raise SystemExit("SELF-CHECK FAILED: window weight sum %g (%d->%d, plane %d->%d, r=%d "
                             "o=%s ac=%d, j=%d)" % (total, n_in, n_out, n_plane_in, n_plane_out,
                                                    r, o, ac, j))
        if stats is not None and r > 1:
            stats["min_chroma_sum"] = min(stats.get("min_chroma_sum", math.inf), total)
        w[j, xmin:xmax] = ws / total
    return w


def apply_weights(plane, wy, wx):
    """plane (h, w, spp) -> (out_h, out_w, spp); either weight may be None (identity)."""
    t = plane
    if wy is not None:
        t = np.einsum("yh,hwc->ywc", wy, t)
    if wx is not None:
        t = np.einsum("ywc,xw->yxc", t, wx)
    return t


# ---------------------------------------------------------------------------
# PyTorch
# ---------------------------------------------------------------------------
def torch_aa(plane, out_h, out_w, method, ac):
    mode = {BILINEAR: "bilinear", BICUBIC: "bicubic"}[method]
    r = F.interpolate(G.to_nchw(plane), size=(out_h, out_w), mode=mode,
                      align_corners=bool(ac), antialias=True)
    return G.from_nchw(r)


# ---------------------------------------------------------------------------
# case generation
# ---------------------------------------------------------------------------
def generate_cases():
    rng = G.XorShift32(MASTER_SEED)

    def axis_down():
        kind = rng.below(20)
        if kind < 7:                                    # integer ratio
            k = (2, 2, 3, 3, 4, 4, 6, 8)[rng.below(8)]
            n_out = 2 + rng.below(MAX_DIM // k - 1)
            return "int", n_out * k, n_out
        if kind < 16:                                   # non-integer ratio in (1, 8]
            while True:
                n_in = 8 + rng.below(MAX_DIM - 7)
                lo = -(-n_in // 8)
                n_out = lo + rng.below(n_in - lo)       # [ceil(in/8), in-1]
                if n_in % n_out:
                    return "frac", n_in, n_out
        n_in = 12 + rng.below(MAX_DIM - 11)             # just above 1 (out just below in)
        return "near1", n_in, n_in - 1 - rng.below(max(1, n_in // 12))

    def axis_up():
        n_in = 1 if rng.below(8) == 0 else 1 + rng.below(MAX_DIM // 2)
        return "up", n_in, n_in + 1 + rng.below(MAX_DIM - n_in)

    def axis_one():
        return "one", 1 + rng.below(MAX_DIM), 1

    cases = []
    for fi, fmt in enumerate(FORMATS):
        # 9 cases with ac=0 and 3 with ac=1 per format; methods balance over
        # formats (the odd slot of each ac alternates with the format index).
        m0, m1 = (BILINEAR, BICUBIC) if fi % 2 == 0 else (BICUBIC, BILINEAR)
        slots = ([(BILINEAR, 0)] * 4 + [(BICUBIC, 0)] * 4 + [(m0, 0)]
                 + [(BILINEAR, 1), (BICUBIC, 1), (m1, 1)])
        for i in range(len(slots) - 1, 0, -1):
            j = rng.below(i + 1)
            slots[i], slots[j] = slots[j], slots[i]
        for method, ac in slots:
            shape = rng.below(20)
            if shape < 14:                              # both axes shrink
                ax = [axis_down(), axis_down()]
            elif shape < 18:                            # one axis grows, the other shrinks
                ax = [axis_up(), axis_down()]
            else:                                       # output 1 on one axis
                ax = [axis_one(), axis_down() if rng.below(3) else axis_up()]
            if rng.below(2):
                ax.reverse()
            (kx, in_w, out_w), (ky, in_h, out_h) = ax
            site = 1 + rng.below(4) if fmt in YUV_FORMATS else 0
            seed = 0
            while seed == 0:
                seed = rng.next() ^ 0x9E3779B9
            cases.append(dict(fmt=fmt, in_w=in_w, in_h=in_h, out_w=out_w, out_h=out_h,
                              method=method, ac=ac, site=site, seed=seed, kinds=(kx, ky)))
    return cases


# ---------------------------------------------------------------------------
# expected values
# ---------------------------------------------------------------------------
class Checks:
    def __init__(self):
        self.model_vs_torch = 0.0       # full-res planes
        self.n_full = 0
        self.y42b_rows = 0.0            # unsubsampled axis of Y42B chroma
        self.n_y42b = 0
        self.stats = {}


def _fail_if(d, what, case):
    if not d <= MODEL_TOL:
        raise SystemExit("SELF-CHECK FAILED: %s differ by %g (tol %g) in case %r"
                         % (what, d, MODEL_TOL, case))


def expected_values(case, checks):
    fmt, ac, method, site = case["fmt"], case["ac"], case["method"], case["site"]
    in_w, in_h, out_w, out_h = case["in_w"], case["in_h"], case["out_w"], case["out_h"]
    planes = G.FORMATS[fmt][1]
    inputs = G.make_input_planes(fmt, in_w, in_h, case["seed"])
    results = []
    for (rh, rv, spp), plane in zip(planes, inputs):
        opw, oph = G.plane_dims(out_w, out_h, rh, rv)
        ipw, iph = G.plane_dims(in_w, in_h, rh, rv)
        assert plane.shape == (iph, ipw, spp)
        o_h, o_v = G.siting_offsets(site) if (rh > 1 or rv > 1) else (0, 0)
        wx = aa_weights(in_w, out_w, ipw, opw, rh, o_h, method, ac, checks.stats)
        wy = aa_weights(in_h, out_h, iph, oph, rv, o_v, method, ac, checks.stats)
        model = apply_weights(plane, wy, wx)
        if rh == 1 and rv == 1:
            res = torch_aa(plane, oph, opw, method, ac)
            d = float(np.max(np.abs(model - res)))
            checks.model_vs_torch = max(checks.model_vs_torch, d)
            checks.n_full += 1
            _fail_if(d, "numpy model and torch (full-res plane)", case)
        elif rv == 1:
            # Y42B chroma: rows unsubsampled -> torch on the vertical axis only
            # (width unchanged is an exact identity in torch's AA kernels),
            # then the model on the subsampled horizontal axis.
            rows = torch_aa(plane, oph, ipw, method, ac)
            d = float(np.max(np.abs(apply_weights(plane, wy, None) - rows)))
            checks.y42b_rows = max(checks.y42b_rows, d)
            checks.n_y42b += 1
            _fail_if(d, "numpy model and torch (Y42B chroma rows)", case)
            res = apply_weights(rows, None, wx)
        else:
            res = model
        assert res.shape == (oph, opw, spp), (res.shape, (oph, opw, spp))
        results.append(np.ascontiguousarray(res, dtype=np.float64).reshape(-1))
    return np.concatenate(results)


SPEC_CASES = [
    # name, input row, out, method, ac, expected (resampling.md section 11)
    ("A01", [0, 1, 2, 3, 4, 5, 6, 7], 3, BILINEAR, 0, [1.1053, 3.5, 5.8947]),
    ("A02", [3, 1, 4, 1, 5, 9, 2, 6], 3, BICUBIC, 0, [2.1569, 4.0985, 5.2936]),
    ("A03", [0, 1, 5, 3], 7, BICUBIC, 0,
     [-0.0793, 0.1493, 0.8318, 3.1875, 5.0324, 3.7568, 2.8413]),
    ("A04", [0, 1, 2, 3, 4, 5, 6, 7], 3, BILINEAR, 1, [1.5814, 4.6875, 6.5333]),
]


def torch_axis_weights(n_in, n_out, method, ac):
    """PyTorch's antialias weight matrix (n_out, n_in) of one axis, read off
    by resizing an identity image along its width (its rows stay an exact
    identity)."""
    eye = np.eye(n_in, dtype=np.float64).reshape(n_in, n_in, 1)
    return torch_aa(eye, n_in, n_out, method, ac)[:, :, 0].T


def check_jpeg_sweep():
    """Chroma model (r=2, jpeg o=1/2, ac=0) vs torch on the chroma plane for
    every even luma size pair in, out in 2..MAX_DIM: with centre siting and
    half-pixel the plane mapping is plain half-pixel with plane ratio
    (in/2)/(out/2), so the two must agree.  Returns (pairs, max |diff|)."""
    worst, n = 0.0, 0
    for method in (BILINEAR, BICUBIC):
        for n_in in range(2, MAX_DIM + 1, 2):
            for n_out in range(2, MAX_DIM + 1, 2):
                m = aa_weights(n_in, n_out, n_in // 2, n_out // 2, 2, Fraction(1, 2), method, 0)
                d = float(np.max(np.abs(m - torch_axis_weights(n_in // 2, n_out // 2, method, 0))))
                worst = max(worst, d)
                n += 1
                if not d <= MODEL_TOL:
                    raise SystemExit("SELF-CHECK FAILED: jpeg chroma model vs torch on the plane "
                                     "differ by %g for %s %d->%d" % (d, METHOD_NAMES[method],
                                                                      n_in, n_out))
    return n, worst


def check_spec_cases():
    worst = 0.0
    for name, row, n_out, method, ac, want in SPEC_CASES:
        x = np.array(row, dtype=np.float64).reshape(1, len(row), 1)
        got_t = torch_aa(x, 1, n_out, method, ac).reshape(-1)
        w = aa_weights(len(row), n_out, len(row), n_out, 1, 0, method, ac)
        got_m = apply_weights(x, None, w).reshape(-1)
        for what, got in (("torch", got_t), ("model", got_m)):
            d = float(np.max(np.abs(got - np.array(want))))
            worst = max(worst, d)
            if not d < SPEC_TOL:
                raise SystemExit("SELF-CHECK FAILED: spec case %s (%s) gives %s, expected %s"
                                 % (name, what, list(got), want))
    return worst


# ---------------------------------------------------------------------------
# file writing / independent verification
# ---------------------------------------------------------------------------
def write_golden(path, cases, values):
    """Layout of golden.bin; byte 23 of the case header is flags (bit 0 antialias)."""
    chunks = [G.HEADER.pack(MAGIC, len(cases))]
    for case, vals in zip(cases, values):
        chunks.append(G.CASE_HEADER.pack(case["fmt"].encode("ascii"), case["in_w"], case["in_h"],
                                         case["out_w"], case["out_h"], case["method"], case["ac"],
                                         case["site"], FLAG_ANTIALIAS, case["seed"], vals.size))
        chunks.append(vals.astype("<f4").tobytes())
    data = b"".join(chunks)
    tmp = path + ".tmp"
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)
    return data


def verify(path):
    """Re-parse golden-aa.bin from scratch (gen_golden.verify with this
    set's flags, methods, sizes and 8-bit formats); 0 = OK."""
    return G.verify(path, flags=FLAG_ANTIALIAS, methods=(1, 2), max_dim=MAX_DIM,
                    sixteen_bit=False)


# ---------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                  "golden-aa.bin"))
    ap.add_argument("--verify", metavar="PATH", help="only re-parse and check an existing file")
    args = ap.parse_args()
    if args.verify:
        return 1 if verify(args.verify) else 0

    torch.set_num_threads(1)
    spec_worst = check_spec_cases()
    sweep = check_jpeg_sweep()
    cases = generate_cases()
    checks = Checks()
    values = [expected_values(c, checks) for c in cases]   # raises before any write on failure
    n_values = sum(v.size for v in values)
    assert n_values < 1500000, n_values

    data = write_golden(args.out, cases, values)

    print("alignscale antialias golden data: torch %s, numpy %s, master seed 0x%08X"
          % (torch.__version__, np.__version__, MASTER_SEED))
    print("cases per format:")
    for fmt in FORMATS:
        sel = [c for c in cases if c["fmt"] == fmt]
        nv = sum(v.size for c, v in zip(cases, values) if c["fmt"] == fmt)
        sites = ""
        if fmt in YUV_FORMATS:
            sites = "  sites " + " ".join("%s=%d" % (G.SITE_NAMES[s], sum(c["site"] == s for c in sel))
                                          for s in (1, 2, 3, 4))
        print("  %-6s %3d cases %7d values%s" % (fmt, len(sel), nv, sites))
    print("cases per (method, align_corners):")
    for m in (BILINEAR, BICUBIC):
        for a in (0, 1):
            print("  %-8s ac=%d: %3d" % (METHOD_NAMES[m], a,
                                         sum(c["method"] == m and c["ac"] == a for c in cases)))
    kinds = {}
    for c in cases:
        for k in c["kinds"]:
            kinds[k] = kinds.get(k, 0) + 1
    print("axes by kind: " + ", ".join("%s %d" % (k, kinds.get(k, 0))
                                       for k in ("int", "frac", "near1", "up", "one")))
    axes = [(c[i], c[o]) for c in cases for i, o in (("in_w", "out_w"), ("in_h", "out_h"))]
    down = sorted({Fraction(i, o) for i, o in axes if i > o and o > 1})
    ints = sorted({int(r) for r in down if r.denominator == 1})
    mixed = sum((c["in_w"] < c["out_w"]) != (c["in_h"] < c["out_h"]) and
                c["in_w"] != c["out_w"] and c["in_h"] != c["out_h"] for c in cases)
    print("axes: %d shrink with output > 1 (in/out %.3f .. %.3f, integer ratios %s), %d grow, "
          "%d have output 1, %d input 1, %d keep their size"
          % (sum(i > o > 1 for i, o in axes), float(down[0]), float(down[-1]), ints,
             sum(i < o for i, o in axes), sum(o == 1 for i, o in axes),
             sum(i == 1 for i, o in axes), sum(i == o for i, o in axes)))
    print("cases growing one axis and shrinking the other: %d; with an output size 1: %d "
          "(ac=1: %d)" % (mixed, sum(1 in (c["out_w"], c["out_h"]) for c in cases),
                          sum(1 in (c["out_w"], c["out_h"]) and c["ac"] for c in cases)))
    print("total cases %d, total values %d, file %s: %d bytes, sha256 %s"
          % (len(cases), n_values, args.out, len(data), hashlib.sha256(data).hexdigest()))
    print("self-checks:")
    print("  spec A01-A04 via torch and via the model: max |diff| %.3g (tol %g, values rounded "
          "to 4 decimals)" % (spec_worst, SPEC_TOL))
    print("  numpy model (r=1, o=0) vs torch antialias, %d full-res planes: max |diff| %.3g "
          "(tol %g)" % (checks.n_full, checks.model_vs_torch, MODEL_TOL))
    print("  numpy model vs torch on the unsubsampled axis of %d Y42B chroma planes: max |diff| "
          "%.3g" % (checks.n_y42b, checks.y42b_rows))
    print("  chroma model (jpeg, ac=0) vs torch on the plane, weight matrices of all %d even "
          "size pairs 2..%d x 2 methods: max |diff| %.3g" % (sweep[0] // 2, MAX_DIM, sweep[1]))
    print("  smallest chroma window weight sum before normalising: %.4g"
          % checks.stats.get("min_chroma_sum", math.nan))
    return 1 if verify(args.out) else 0


if __name__ == "__main__":
    sys.exit(main())
