#!/usr/bin/python3
"""Generate golden-convert.bin: YUV in, RGB (or GRAY8) out, converted as
docs/conversion.md defines and then resized as alignscale resizes an RGB
frame.

Expected values of a case:

1. the input components (below) converted at full resolution by the numpy
   model of docs/conversion.md (convert_model.py next to this script): the
   uint8 R, G, B (A, GRAY8 luma) the element computes bit for bit;
2. those 8-bit planes (as float64) resized with the torch expected values
   of the RGB golden sets: gen_golden.expected_plane (F.interpolate, the
   exact nearest rules) for antialias off, gen_golden_aa's torch path
   (F.interpolate(antialias=True), checked against its numpy model) for
   antialias on; full-resolution plane path, all channels of an output
   plane at once (per channel, as torch does);
3. stored in the output format's memory order: planes (RGBP: R, G, B;
   BGRP: B, G, R), rows, pixels, the bytes of a pixel; the padding byte of
   RGBx-type formats and the alpha of a format with alpha when the input
   has none are 255.0 exactly.

"Conversion only" cases (flags bit 0) have out size == in size, bilinear,
half-pixel, no antialias: an identity resize, so their values are the
model's integers and the element must match them exactly.

Input samples: the component order of gen_golden_formats.py: xorshift32
seeded with the case seed, components Y, U, V (A) in GStreamer's order,
rows, pixels; v = next(), sample = v >> (32 - depth). With flags bit 1
("special codes") a sample whose v has its low three bits 0 (one in eight)
becomes special[(v >> 3) & 7] instead, special = [0, max, 16, 235, 240,
128, 15, 241] << (depth - 8) (max = 2^depth - 1): the range limits, the
extremes and their neighbours. Random codes span the whole range, so
limited-range cases are full of out-of-range codes and clamped RGB.

File format: README.md next to this script ("golden-convert.bin").

    /usr/bin/python3 tests/check/golden/gen_golden_convert.py [--out PATH] [--quick-self-check]
    /usr/bin/python3 tests/check/golden/gen_golden_convert.py --verify PATH

Needs Debian's python3-torch (1.13) and numpy (python3-gst-1.0 and
python3-opencv for the information-only comparisons); deterministic: a
re-run gives a byte-identical file.
"""
import argparse
import hashlib
import os
import struct
import sys

sys.dont_write_bytecode = True          # no __pycache__ next to the data
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np                      # noqa: E402

import convert_model as CM              # noqa: E402
import gen_golden as G                  # noqa: E402
import gen_golden_aa as GA              # noqa: E402
import gen_golden_formats as GF         # noqa: E402

MAGIC = b"ASCONV01"
MASTER_SEED = 0xC0DEC0DE
MAX_DIM = 48
HEADER = struct.Struct("<8sI")
# in_format, out_format, in_w, in_h, out_w, out_h, method, align_corners,
# antialias, chroma_site, matrix, range, upsampling, flags, seed, n_values
CASE_HEADER = struct.Struct("<12s12s4H8BII")
assert CASE_HEADER.size == 48

FLAG_CONVERSION_ONLY = 0x01
FLAG_SPECIAL_CODES = 0x02

NEAREST, BILINEAR, BICUBIC = G.NEAREST, G.BILINEAR, G.BICUBIC
METHOD_NAMES = G.METHOD_NAMES
SITES = {1: "jpeg", 2: "mpeg2", 3: "cosited", 4: None, 5: "dv"}   # 4: absent from caps
SITE_NAMES = {1: "jpeg", 2: "mpeg2", 3: "cosited", 4: "absent", 5: "dv"}
MATRIX_CODES = ["bt601", "bt709", "bt2020", "smpte240m", "fcc"]
UPSAMPLING = ["linear", "nearest"]

_1 = (1, 1)
# the 8-bit formats of golden.bin, as components (the others come from
# gen_golden_formats.FORMATS)
_EIGHT_BIT = {
    "I420": (8, [_1, (2, 2), (2, 2)]),
    "YV12": (8, [_1, (2, 2), (2, 2)]),
    "Y42B": (8, [_1, (2, 1), (2, 1)]),
    "Y444": (8, [_1, _1, _1]),
    "NV12": (8, [_1, (2, 2), (2, 2)]),
    "NV21": (8, [_1, (2, 2), (2, 2)]),
}
IN_ORDER = ["I420", "YV12", "Y42B", "Y444", "Y41B", "NV12", "NV21", "NV16", "NV61", "NV24",
            "YUY2", "UYVY", "YVYU", "VYUY", "AYUV", "AYUV64", "P010_10LE", "P012_LE",
            "P016_LE", "I420_10LE", "I420_12LE", "I422_10LE", "I422_12LE", "Y444_10LE",
            "Y444_12LE", "Y444_16LE"]
IN_FORMATS = {f: _EIGHT_BIT[f] if f in _EIGHT_BIT else GF.FORMATS[f][:2] for f in IN_ORDER}

# output format -> its planes, each the channels of a pixel in memory order
# (R G B A; x = padding; Y = GRAY8 luma)
OUT_FORMATS = {
    "RGB": ["RGB"], "BGR": ["BGR"],
    "RGBA": ["RGBA"], "BGRA": ["BGRA"], "ARGB": ["ARGB"], "ABGR": ["ABGR"],
    "RGBx": ["RGBx"], "BGRx": ["BGRx"], "xRGB": ["xRGB"], "xBGR": ["xBGR"],
    "RGBP": ["R", "G", "B"], "BGRP": ["B", "G", "R"],
    "GRAY8": ["Y"],
}
OUT_ORDER = list(OUT_FORMATS)

# (method, align_corners, antialias); antialias only for bilinear/bicubic
COMBOS = [(NEAREST, 0, 0), (NEAREST, 1, 0), (BILINEAR, 0, 0), (BILINEAR, 1, 0),
          (BICUBIC, 0, 0), (BICUBIC, 1, 0), (BILINEAR, 0, 1), (BILINEAR, 1, 1),
          (BICUBIC, 0, 1), (BICUBIC, 1, 1)]
# matrices: the three common ones, smpte240m and fcc now and then
MATRIX_SLOTS = [0] * 6 + [1] * 6 + [2] * 6 + [3, 4]


def has_alpha(fmt):
    return len(IN_FORMATS[fmt][1]) == 4


def specials(depth):
    s = depth - 8
    return [0, (1 << depth) - 1, 16 << s, 235 << s, 240 << s, 128 << s, 15 << s, 241 << s]


def input_components(fmt, w, h, seed, special):
    """The components Y, U, V (A) as int64 arrays at their own sizes."""
    depth, comps = IN_FORMATS[fmt]
    table = specials(depth)
    rng = G.XorShift32(seed)
    out = []
    for rh, rv in comps:
        pw, ph = G.plane_dims(w, h, rh, rv)
        vals = np.empty(pw * ph, dtype=np.int64)
        for i in range(vals.size):
            v = rng.next()
            vals[i] = table[(v >> 3) & 7] if special and (v & 7) == 0 else v >> (32 - depth)
        out.append(vals.reshape(ph, pw))
    return out


# ---------------------------------------------------------------------------
# cases
# ---------------------------------------------------------------------------
def _shuffled(rng, values, n):
    slots = (list(values) * (n // len(values) + 1))[:n]
    for i in range(len(slots) - 1, 0, -1):
        j = rng.below(i + 1)
        slots[i], slots[j] = slots[j], slots[i]
    return slots


def generate_cases():
    rng = G.XorShift32(MASTER_SEED)

    def dim():
        if rng.below(10) == 0:          # size 1 with probability 0.1
            return 1
        return 1 + rng.below(MAX_DIM)

    def seed():
        s = 0
        while s == 0:
            s = rng.next() ^ 0x9E3779B9
        return s

    # every (input, output) pair once, resized; two conversion-only cases
    # per input format (linear and nearest upsampling)
    pairs = [(f, OUT_ORDER[(i + k) % len(OUT_ORDER)])
             for i, f in enumerate(IN_ORDER) for k in range(len(OUT_ORDER))]
    conv = [(f, OUT_ORDER[(2 * i + j) % len(OUT_ORDER)], UPSAMPLING[j])
            for i, f in enumerate(IN_ORDER) for j in range(2)]
    n, nc = len(pairs), len(conv)
    combos = _shuffled(rng, COMBOS, n)
    matrices = _shuffled(rng, MATRIX_SLOTS, n + nc)
    ranges = _shuffled(rng, [0, 1], n + nc)
    sites = _shuffled(rng, sorted(SITES), n + nc)
    ups = _shuffled(rng, [0, 1], n)
    special = _shuffled(rng, [0, FLAG_SPECIAL_CODES], n)

    cases = []
    for i, (fmt, out) in enumerate(pairs):
        method, ac, aa = combos[i]
        while True:
            in_w, in_h, out_w, out_h = dim(), dim(), dim(), dim()
            if not (in_w == out_w and in_h == out_h):
                break
        cases.append(dict(fmt=fmt, out=out, in_w=in_w, in_h=in_h, out_w=out_w, out_h=out_h,
                          method=method, ac=ac, aa=aa, site=sites[i], matrix=matrices[i],
                          full=ranges[i], ups=ups[i], flags=special[i], seed=seed()))
    for j, (fmt, out, up) in enumerate(conv):
        w, h = dim(), dim()
        cases.append(dict(fmt=fmt, out=out, in_w=w, in_h=h, out_w=w, out_h=h,
                          method=BILINEAR, ac=0, aa=0, site=sites[n + j],
                          matrix=matrices[n + j], full=ranges[n + j],
                          ups=UPSAMPLING.index(up),
                          flags=FLAG_CONVERSION_ONLY | FLAG_SPECIAL_CODES, seed=seed()))
    return cases


# ---------------------------------------------------------------------------
# expected values
# ---------------------------------------------------------------------------
class Stats:
    def __init__(self):
        self.checks = G.Checks()          # gen_golden's torch/model checks
        self.aa_worst = 0.0               # gen_golden_aa's model vs torch
        self.n_aa = 0
        self.converted = 0                # full-resolution R, G, B samples
        self.clamped = 0                  # of those at 0 or 255 from the clamp
        self.out_of_range = 0             # limited-range input codes outside the range
        self.limited_codes = 0
        self.special_hits = {}            # special code index -> samples


def resize(plane, case, stats):
    """(h, w, k) float64 -> (out_h, out_w, k): the RGB golden sets'
    full-resolution plane path."""
    gcase = dict(in_w=case["in_w"], in_h=case["in_h"], out_w=case["out_w"],
                 out_h=case["out_h"], method=case["method"], ac=case["ac"], site=0,
                 fmt=case["fmt"] + "->" + case["out"])
    oh, ow, k = case["out_h"], case["out_w"], plane.shape[2]
    if not case["aa"]:
        return G.expected_plane(plane, 1, 1, gcase, 8, stats.checks).reshape(oh, ow, k)
    wx = GA.aa_weights(case["in_w"], ow, case["in_w"], ow, 1, 0, case["method"], case["ac"])
    wy = GA.aa_weights(case["in_h"], oh, case["in_h"], oh, 1, 0, case["method"], case["ac"])
    model = GA.apply_weights(plane, wy, wx)
    res = GA.torch_aa(plane, oh, ow, case["method"], case["ac"])
    d = float(np.max(np.abs(model - res)))
    stats.aa_worst = max(stats.aa_worst, d)
    stats.n_aa += 1
    if not d <= GA.MODEL_TOL:
        raise SystemExit("SELF-CHECK FAILED: antialias numpy model vs torch differ by %g in %r"
                         % (d, case))
    return res


def converted_planes(case, stats=None):
    """The model's full-resolution 8-bit planes of a case: dict channel ->
    uint8 (h, w) (R, G, B, Y, and A when the input has alpha)."""
    fmt = case["fmt"]
    depth, comps = IN_FORMATS[fmt]
    r_h, r_v = comps[1]
    special = bool(case["flags"] & FLAG_SPECIAL_CODES)
    planes = input_components(fmt, case["in_w"], case["in_h"], case["seed"], special)
    y, u, v = planes[:3]
    a = planes[3] if len(planes) == 4 else None
    o2 = CM.siting_o2(SITES[case["site"]], r_h, r_v)
    m = CM.convert(y, u, v, a, depth=depth, matrix=MATRIX_CODES[case["matrix"]],
                   full_range=bool(case["full"]), o2=o2, r=(r_h, r_v),
                   upsampling=UPSAMPLING[case["ups"]], alpha_depth=depth)
    if stats is not None:
        for ch in "RGB":
            stats.converted += m[ch].size
        R, G_, B, _ = CM.convert_full(*_full_ycc(y, u, v, case, depth, o2, r_h, r_v))
        for val in (R, G_, B):
            stats.clamped += int(np.count_nonzero((val < -0.5) | (val >= 255.5)))
        if not case["full"]:
            s = depth - 8
            stats.limited_codes += y.size + u.size + v.size
            stats.out_of_range += int(np.count_nonzero((y < 16 << s) | (y > 235 << s)))
            stats.out_of_range += int(sum(np.count_nonzero((c < 16 << s) | (c > 240 << s))
                                          for c in (u, v)))
        if special:
            table = specials(depth)
            for p in planes:
                for idx, code in enumerate(table):
                    stats.special_hits[idx] = stats.special_hits.get(idx, 0) + \
                        int(np.count_nonzero(p == code))
    return m


def _full_ycc(y, u, v, case, depth, o2, r_h, r_v):
    h, w = y.shape
    mode = UPSAMPLING[case["ups"]]
    Cb, D = CM.upsample(u, w, h, r_h, r_v, o2[0], o2[1], mode)
    Cr, _ = CM.upsample(v, w, h, r_h, r_v, o2[0], o2[1], mode)
    return y, Cb, Cr, D, depth, MATRIX_CODES[case["matrix"]], bool(case["full"])


def expected_values(case, stats):
    m = converted_planes(case, stats)
    alpha = "A" in m
    oh, ow = case["out_h"], case["out_w"]
    out = []
    for chans in OUT_FORMATS[case["out"]]:
        live = [c for c in chans if c in "RGBY" or (c == "A" and alpha)]
        res = np.full((oh, ow, len(chans)), 255.0)          # x, A without input alpha
        if live:
            plane = np.stack([m[c].astype(np.float64) for c in live], axis=-1)
            r = resize(plane, case, stats)
            if case["flags"] & FLAG_CONVERSION_ONLY:
                # the identity resize: torch gives the integers back
                if not np.array_equal(r, plane):
                    raise SystemExit("SELF-CHECK FAILED: identity resize changed values in %r"
                                     % case)
                r = plane
            for k, c in enumerate(live):
                res[:, :, chans.index(c)] = r[:, :, k]
        out.append(res.reshape(-1))
    return np.concatenate(out)


# ---------------------------------------------------------------------------
# file
# ---------------------------------------------------------------------------
def pack_case(case, vals):
    return CASE_HEADER.pack(case["fmt"].encode("ascii"), case["out"].encode("ascii"),
                            case["in_w"], case["in_h"], case["out_w"], case["out_h"],
                            case["method"], case["ac"], case["aa"], case["site"],
                            case["matrix"], case["full"], case["ups"], case["flags"],
                            case["seed"], vals.size)


def write_file(path, cases, values):
    chunks = [HEADER.pack(MAGIC, len(cases))]
    for case, vals in zip(cases, values):
        chunks.append(pack_case(case, vals))
        chunks.append(vals.astype("<f4").tobytes())
    data = b"".join(chunks)
    with open(path + ".tmp", "wb") as fh:
        fh.write(data)
    os.replace(path + ".tmp", path)
    return data


def verify(path):
    """Re-parse the file from scratch; returns the number of problems."""
    with open(path, "rb") as fh:
        data = fh.read()
    if len(data) < HEADER.size or data[:8] != MAGIC:
        print("verify: %s: bad magic %r" % (path, data[:8]))
        return 1
    _, n_cases = HEADER.unpack_from(data, 0)
    pos, problems, total = HEADER.size, [], 0
    for i in range(n_cases):
        if pos + CASE_HEADER.size > len(data):
            problems.append("case %d: truncated header" % i)
            break
        (fi, fo, iw, ih, ow, oh, method, ac, aa, site, matrix, rng_, ups, flags, seed,
         nv) = CASE_HEADER.unpack_from(data, pos)
        fi, fo = fi.rstrip(b"\0").decode("ascii", "replace"), fo.rstrip(b"\0").decode("ascii",
                                                                                     "replace")
        pos += CASE_HEADER.size
        tag = "case %d (%s -> %s %dx%d->%dx%d)" % (i, fi, fo, iw, ih, ow, oh)
        if fi not in IN_FORMATS or fo not in OUT_FORMATS:
            problems.append("%s: unknown format" % tag)
            break
        if min(iw, ih, ow, oh) < 1 or max(iw, ih, ow, oh) > MAX_DIM:
            problems.append("%s: size out of range" % tag)
        if (method > 2 or ac > 1 or aa > 1 or (aa and method == NEAREST) or site not in SITES
                or matrix >= len(MATRIX_CODES) or rng_ > 1 or ups > 1 or flags & ~3 or seed == 0):
            problems.append("%s: bad header fields" % tag)
        conv = bool(flags & FLAG_CONVERSION_ONLY)
        if conv and not (iw == ow and ih == oh and method == BILINEAR and ac == 0 and aa == 0):
            problems.append("%s: conversion-only case that resizes" % tag)
        planes = OUT_FORMATS[fo]
        if nv != ow * oh * sum(len(p) for p in planes):
            problems.append("%s: n_values %d" % (tag, nv))
        end = pos + 4 * nv
        if end > len(data):
            problems.append("%s: truncated values" % tag)
            break
        vals = np.frombuffer(data, "<f4", nv, pos)
        pos = end
        total += nv
        if not np.all(np.isfinite(vals)):
            problems.append("%s: non-finite values" % tag)
            continue
        if method != BICUBIC and (vals.min() < -1e-3 or vals.max() > 255 + 1e-3):
            problems.append("%s: values outside [0, 255]" % tag)
        if conv and not np.all((vals == np.round(vals)) & (vals >= 0) & (vals <= 255)):
            problems.append("%s: conversion-only values not integers 0..255" % tag)
        # padding, and alpha without an input alpha: exactly 255
        off = 0
        for chans in planes:
            v = vals[off:off + ow * oh * len(chans)].reshape(-1, len(chans))
            off += v.size
            for k, c in enumerate(chans):
                if (c == "x" or (c == "A" and not has_alpha(fi))) and not np.all(v[:, k] == 255):
                    problems.append("%s: channel %s not 255" % (tag, c))
    if pos != len(data) and not problems:
        problems.append("%d trailing bytes" % (len(data) - pos))
    for p in problems[:20]:
        print("verify:", p)
    print("verify: %s: %d cases, %d values, %d bytes: %s"
          % (path, n_cases, total, len(data), "OK" if not problems else
             "%d PROBLEMS" % len(problems)))
    return len(problems)


# ---------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                  "golden-convert.bin"))
    ap.add_argument("--verify", metavar="PATH", help="only re-parse and check an existing file")
    ap.add_argument("--quick-self-check", action="store_true",
                    help="a sparse 8-bit cube in the model's self-check (the file is the same)")
    args = ap.parse_args()
    if args.verify:
        return 1 if verify(args.verify) else 0

    G.torch.set_num_threads(1)
    self_lines = CM.self_check(quick=args.quick_self_check)     # exits on failure
    cases = generate_cases()
    stats = Stats()
    values = [expected_values(c, stats) for c in cases]      # exits before writing on failure
    data = write_file(args.out, cases, values)

    print("alignscale golden convert: torch %s, numpy %s, master seed 0x%08X"
          % (G.torch.__version__, np.__version__, MASTER_SEED))

    def line(label, sel):
        nv = sum(v.size for c, v in zip(cases, values) if sel(c))
        nc = sum(1 for c in cases if sel(c))
        conv = sum(1 for c in cases if sel(c) and c["flags"] & FLAG_CONVERSION_ONLY)
        return "  %-10s %3d cases (%d conversion only) %7d values" % (label, nc, conv, nv)

    print("per input format:")
    for f in IN_ORDER:
        print(line(f, lambda c, f=f: c["fmt"] == f))
    print("per output format:")
    for f in OUT_ORDER:
        print(line(f, lambda c, f=f: c["out"] == f))
    print("per matrix and range:")
    for mi, mname in enumerate(MATRIX_CODES):
        for full in (0, 1):
            print(line("%s %s" % (mname, "full" if full else "limited"),
                       lambda c, mi=mi, full=full: c["matrix"] == mi and c["full"] == full))
    print("per chroma-site: " + ", ".join("%s %d" % (SITE_NAMES[s], sum(c["site"] == s
                                                                       for c in cases))
                                          for s in sorted(SITES)))
    print("per chroma-upsampling: " + ", ".join("%s %d" % (u, sum(c["ups"] == i for c in cases))
                                                for i, u in enumerate(UPSAMPLING)))
    resized = [c for c in cases if not c["flags"] & FLAG_CONVERSION_ONLY]
    print("resized cases per (method, align-corners, antialias): " + ", ".join(
        "%s/%d/%d %d" % (METHOD_NAMES[m], a, aa, sum((c["method"], c["ac"], c["aa"]) == (m, a, aa)
                                                      for c in resized))
        for m, a, aa in COMBOS))
    dims = [c[k] for c in cases for k in ("in_w", "in_h", "out_w", "out_h")]
    print("sizes %d..%d, %d odd dimensions of %d, %d of size 1; %d cases with special codes"
          % (min(dims), max(dims), sum(d % 2 for d in dims), len(dims), dims.count(1),
             sum(1 for c in cases if c["flags"] & FLAG_SPECIAL_CODES)))
    print("special codes drawn (0, max, 16, 235, 240, 128, 15, 241 << (d-8)): "
          + " ".join(str(stats.special_hits.get(i, 0)) for i in range(8)))
    print("limited-range input codes outside the range: %d of %d (%.1f %%); converted R, G, B "
          "clamped at 0 or 255: %d of %d (%.1f %%)"
          % (stats.out_of_range, stats.limited_codes,
             100.0 * stats.out_of_range / max(stats.limited_codes, 1), stats.clamped,
             stats.converted, 100.0 * stats.clamped / max(stats.converted, 1)))
    print("resize self-checks: grid_sample vs interpolate on %d planes, numpy model vs torch "
          "on %d: max |diff| %.3g / %.3g; antialias numpy model vs torch on %d planes: "
          "max |diff| %.3g" % (stats.checks.n_gs_luma, stats.checks.n_model,
                               stats.checks.gs_vs_interp[8], stats.checks.model_vs_torch[8],
                               stats.n_aa, stats.aa_worst))
    print("model self-checks (above):")
    for s in self_lines[1:]:
        print(s)
    print("total cases %d (%d conversion only), values %d, %s: %d bytes, sha256 %s"
          % (len(cases), sum(1 for c in cases if c["flags"] & FLAG_CONVERSION_ONLY),
             sum(v.size for v in values), args.out, len(data), hashlib.sha256(data).hexdigest()))
    return 1 if verify(args.out) else 0


if __name__ == "__main__":
    sys.exit(main())
