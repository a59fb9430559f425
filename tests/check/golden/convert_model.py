#!/usr/bin/python3
"""numpy model of docs/conversion.md: YUV codes -> 8-bit R, G, B (and A),
and the GRAY8 luma, at full resolution.

The element evaluates the same IEEE binary64 expressions in the same order
(docs/conversion.md, "The arithmetic"), so model and element agree bit for
bit. numpy applies one rounded operation per array expression (no fused
multiply-add), which is what the element's ``-ffp-contract=off`` core does.

    convert(y, cb, cr, a=None, depth=8, matrix="bt601", full_range=False,
            o2=(0, 1), r=(2, 2), upsampling="linear", alpha_depth=None)

takes the component planes as integer arrays at their own (subsampled)
sizes, codes on their own grid (P010's 10-bit value, not its word), and
returns a dict of uint8 full-resolution planes: "R", "G", "B", "Y" (GRAY8)
and "A" (only when ``a`` is given). ``siting_o2(site, r_h, r_v)`` gives
(o2_h, o2_v) for a caps ``chroma-site`` ("jpeg", "mpeg2", "cosited", "dv",
None for absent = mpeg2), from GStreamer's H_COSITED / V_COSITED flags.

Run it directly for the self-checks (the generator prints the same):

* against the standards' formulas written independently: the inverse of the
  forward RGB -> Y'CbCr matrix (np.linalg.inv, float64), normalised
  Y' = (Y - oy) / sy, C' = (C - oc) / sc with the chroma as a real number,
  every disagreement then decided with exact rationals (fractions): the
  8-bit cube of every (Y, Cb, Cr) for every matrix and range, plus random
  10/12/16-bit codes and interpolated (fractional) chroma;
* the coefficients against the equations printed in BT.601, BT.709 and
  BT.2020, and the 8-bit cube through those printed equations;
* the range table against GStreamer's gst_video_color_range_offsets (when
  python3-gst-1.0 is there);
* OpenCV cvtColor (COLOR_YUV2RGB_NV12 / _I420, BT.601 limited, nearest
  chroma) and GStreamer's videoconvert (I420 bt709 limited -> RGB):
  agreement rates, information only (both use fixed-point coefficients).

    /usr/bin/python3 tests/check/golden/convert_model.py [--quick]
"""
import argparse
import math
import sys
from fractions import Fraction

import numpy as np

# caps matrix name -> (Kr, Kb) as decimal strings (exact as Fractions,
# the element's double constants as float(str))
MATRICES = {
    "bt601": ("0.299", "0.114"),
    "bt709": ("0.2126", "0.0722"),
    "bt2020": ("0.2627", "0.0593"),
    "smpte240m": ("0.212", "0.087"),
    "fcc": ("0.30", "0.11"),
}

# GstVideoChromaSite flags
_H_COSITED, _V_COSITED = 2, 4
SITE_FLAGS = {"jpeg": 1, "mpeg2": _H_COSITED, "cosited": _H_COSITED | _V_COSITED,
              "dv": _H_COSITED | _V_COSITED | 8, None: _H_COSITED}


def siting_o2(site, r_h, r_v):
    """(o2_h, o2_v): twice the luma offset of chroma sample 0, r - 1 for a
    centred axis, 0 for a cosited one (absent chroma-site: mpeg2)."""
    fl = SITE_FLAGS[site]
    return (0 if fl & _H_COSITED else r_h - 1, 0 if fl & _V_COSITED else r_v - 1)


def range_params(depth, full_range):
    """(oy, sy, oc, sc) of docs/conversion.md, Range."""
    if full_range:
        return 0, (1 << depth) - 1, 1 << (depth - 1), (1 << depth) - 1
    s = depth - 8
    return 16 << s, 219 << s, 128 << s, 224 << s


# ---------------------------------------------------------------------------
# chroma at every luma position: an integer C in units of 1/D
# ---------------------------------------------------------------------------
def _axis(n_luma, n_chroma, r, o2, mode):
    """Per luma index x: (i0, i1) clamped chroma indices, (w0, w1), den."""
    den = 2 * r
    x = np.arange(n_luma, dtype=np.int64)
    if mode == "nearest":
        i = x // r
        return i, i, np.full(n_luma, den, np.int64), np.zeros(n_luma, np.int64), den
    num = 2 * x - o2
    i0 = num // den                      # floor, also for negative num
    w1 = num - i0 * den
    w0 = den - w1
    return (np.clip(i0, 0, n_chroma - 1), np.clip(i0 + 1, 0, n_chroma - 1), w0, w1, den)


def upsample(c, width, height, r_h, r_v, o2_h, o2_v, mode):
    """Chroma plane c (ceil(h/r_v), ceil(w/r_h)) -> (C (h, w) int64, D)."""
    c = np.asarray(c, dtype=np.int64)
    ch, cw = -(-height // r_v), -(-width // r_h)
    assert c.shape == (ch, cw), (c.shape, (ch, cw))
    if mode not in ("linear", "nearest"):
        raise ValueError(mode)
    h0, h1, hw0, hw1, den_h = _axis(width, cw, r_h, o2_h, mode)
    v0, v1, vw0, vw1, den_v = _axis(height, ch, r_v, o2_v, mode)
    hor = hw0[None, :] * c[:, h0] + hw1[None, :] * c[:, h1]          # (ch, w)
    full = vw0[:, None] * hor[v0, :] + vw1[:, None] * hor[v1, :]     # (h, w)
    return full, den_h * den_v


# ---------------------------------------------------------------------------
# the arithmetic, in the order of docs/conversion.md
# ---------------------------------------------------------------------------
def coefficients(matrix, depth, full_range, D):
    Kr, Kb = (float(v) for v in MATRICES[matrix])
    oy, sy, oc, sc = range_params(depth, full_range)
    k = dict(oy=oy, oc=oc, Doc=D * oc)
    k["ky"] = 255.0 / float(sy)
    k["kc"] = 1.0 / float(D * sc)                    # D * sc exact
    k["kr"] = 255.0 * (2.0 * (1.0 - Kr))
    k["kb"] = 255.0 * (2.0 * (1.0 - Kb))
    Kg = (1.0 - Kr) - Kb
    k["kgb"] = 255.0 * (((2.0 * Kb) * (1.0 - Kb)) / Kg)
    k["kgr"] = 255.0 * (((2.0 * Kr) * (1.0 - Kr)) / Kg)
    return k


def q(v):
    """clamp(floor(v + 0.5), 0, 255) -> uint8."""
    return np.clip(np.floor(v + 0.5), 0, 255).astype(np.uint8)


def convert_full(Y, Cb, Cr, D, depth, matrix, full_range):
    """Y (codes) and Cb, Cr (integers in units of 1/D), any equal shapes
    -> float64 R, G, B, y before rounding (the element's doubles)."""
    k = coefficients(matrix, depth, full_range, D)
    y = (np.asarray(Y, np.int64) - k["oy"]).astype(np.float64) * k["ky"]
    cb = (np.asarray(Cb, np.int64) - k["Doc"]).astype(np.float64) * k["kc"]
    cr = (np.asarray(Cr, np.int64) - k["Doc"]).astype(np.float64) * k["kc"]
    R = y + cr * k["kr"]
    G = (y - cb * k["kgb"]) - cr * k["kgr"]
    B = y + cb * k["kb"]
    return R, G, B, y


def alpha8(a, alpha_depth):
    return q(np.asarray(a, np.int64).astype(np.float64) * (255.0 / float((1 << alpha_depth) - 1)))


def convert(y, cb, cr, a=None, depth=8, matrix="bt601", full_range=False, o2=(0, 1),
            r=(2, 2), upsampling="linear", alpha_depth=None):
    """Component planes -> dict of uint8 planes R, G, B, Y (GRAY8) [, A]."""
    Y = np.asarray(y, np.int64)
    h, w = Y.shape
    Cb, D = upsample(cb, w, h, r[0], r[1], o2[0], o2[1], upsampling)
    Cr, D2 = upsample(cr, w, h, r[0], r[1], o2[0], o2[1], upsampling)
    assert D == D2
    R, G, B, yf = convert_full(Y, Cb, Cr, D, depth, matrix, full_range)
    out = {"R": q(R), "G": q(G), "B": q(B), "Y": q(yf)}
    if a is not None:
        out["A"] = alpha8(a, alpha_depth or depth)
    return out


# ---------------------------------------------------------------------------
# self-checks
# ---------------------------------------------------------------------------
def standard_rgb(Y, Cb, Cr, D, depth, matrix, full_range):
    """The standards' formulas written independently: forward matrix
    Y' = Kr R + Kg G + Kb B, Pb = (B - Y') / (2 (1 - Kb)),
    Pr = (R - Y') / (2 (1 - Kr)), inverted with np.linalg.inv; chroma as a
    real number C / D; float64, before rounding (255 * R' etc.)."""
    Kr, Kb = (float(v) for v in MATRICES[matrix])
    Kg = 1.0 - Kr - Kb
    fwd = np.array([[Kr, Kg, Kb],
                    [-Kr / (2 * (1 - Kb)), -Kg / (2 * (1 - Kb)), 0.5],
                    [0.5, -Kg / (2 * (1 - Kr)), -Kb / (2 * (1 - Kr))]])
    inv = np.linalg.inv(fwd)
    if full_range:
        oy, sy, oc, sc = 0.0, 2.0 ** depth - 1, 2.0 ** (depth - 1), 2.0 ** depth - 1
    else:
        f = 2.0 ** (depth - 8)
        oy, sy, oc, sc = 16 * f, 219 * f, 128 * f, 224 * f
    yn = (np.asarray(Y, np.float64) - oy) / sy
    pb = (np.asarray(Cb, np.float64) / D - oc) / sc
    pr = (np.asarray(Cr, np.float64) / D - oc) / sc
    return [255.0 * (inv[i, 0] * yn + inv[i, 1] * pb + inv[i, 2] * pr) for i in range(3)]


def exact_rgb(Y, Cb, Cr, D, depth, matrix, full_range):
    """One pixel with exact rationals (Kr, Kb the decimal constants): per
    channel (value rounded half up and clamped, exact tie k + 1/2?)."""
    Kr, Kb = (Fraction(v) for v in MATRICES[matrix])
    Kg = 1 - Kr - Kb
    oy, sy, oc, sc = range_params(depth, full_range)
    yn = Fraction(int(Y) - oy, sy)
    pb = Fraction(int(Cb) - D * oc, D * sc)
    pr = Fraction(int(Cr) - D * oc, D * sc)
    vals = [255 * (yn + 2 * (1 - Kr) * pr),
            255 * (yn - Kb * 2 * (1 - Kb) / Kg * pb - Kr * 2 * (1 - Kr) / Kg * pr),
            255 * (yn + 2 * (1 - Kb) * pb)]
    return [(min(max(math.floor(v + Fraction(1, 2)), 0), 255), (2 * v).denominator == 1
             and (2 * v).numerator % 2 == 1) for v in vals]


NEAR_TIE = 1e-9     # doubles within this of k + 1/2 are decided exactly


def _tally(Y, Cb, Cr, D, depth, matrix, full, acc):
    """Model vs the float64 standard formulas (before and after rounding),
    and vs exact rationals wherever the model's double is within NEAR_TIE
    of a rounding tie (elsewhere the rounding cannot change: the doubles
    differ by far less, see max_pre)."""
    model = convert_full(Y, Cb, Cr, D, depth, matrix, full)[:3]
    std = standard_rgb(Y, Cb, Cr, D, depth, matrix, full)
    acc["n"] += 3 * Y.size
    for ch in range(3):
        m, s = model[ch], std[ch]
        acc["max_pre"] = max(acc["max_pre"], float(np.max(np.abs(m - s))))
        qm, qs = q(m).astype(np.int64), q(s).astype(np.int64)
        acc["std_diff"] += int(np.count_nonzero(qm != qs))
        acc["std_max"] = max(acc["std_max"], int(np.max(np.abs(qm - qs))))
        frac = m - np.floor(m)
        near = np.nonzero((np.abs(frac - 0.5) < NEAR_TIE) & (m > -0.5) & (m < 255.5))[0]
        acc["near"] += near.size
        for i in near:
            ex, tie = exact_rgb(Y[i], Cb[i], Cr[i], D, depth, matrix, full)[ch]
            acc["ties"] += tie
            std_ok = qs[i] == ex
            acc["std_wrong_tie"] += (not std_ok) and tie
            acc["std_wrong"] += not std_ok
            if qm[i] != ex:
                if not tie:
                    raise SystemExit("SELF-CHECK FAILED: model %d, exact %d off a tie: %s %s d=%d "
                                     "Y=%d Cb=%d/%d Cr=%d/%d ch=%d" % (qm[i], ex, matrix, full,
                                                                        depth, Y[i], Cb[i], D,
                                                                        Cr[i], D, ch))
                acc["model_down"] += 1
                if len(acc["examples"]) < 3:
                    acc["examples"].append(
                        "%s %s %d-bit Y=%d Cb=%d/%d Cr=%d/%d: %s exactly %d - 1/2, model %d "
                        "(its double %.17g)" % (matrix, "full" if full else "limited", depth,
                                                Y[i], Cb[i], D, Cr[i], D, "RGB"[ch], ex, qm[i],
                                                m[i]))


def check_standard(report, quick=False):
    """Model vs the independently written standard formulas and vs exact
    rationals: the whole 8-bit cube (chroma on the sample grid, D = 4; D is
    a power of two, so every subsampling gives the same doubles there) for
    every matrix and range, plus random 8/10/12/16-bit codes with
    interpolated (fractional) chroma."""
    acc = dict(n=0, max_pre=0.0, std_diff=0, std_max=0, near=0, ties=0, model_down=0,
               std_wrong_tie=0, std_wrong=0, examples=[])
    ys = np.arange(256, dtype=np.int64)
    cgrid = np.arange(256, dtype=np.int64)
    cb_all, cr_all = (a.reshape(-1) for a in np.meshgrid(cgrid, cgrid, indexing="ij"))
    cube = 0
    for matrix in MATRICES:
        for full in (False, True):
            step = 15 if quick else 1
            for y0 in range(0, 256, 16 * step):
                Y = np.repeat(ys[y0:y0 + 16], cb_all.size)
                Cb = np.tile(cb_all, 16)[:Y.size] * 4
                Cr = np.tile(cr_all, 16)[:Y.size] * 4
                _tally(Y, Cb, Cr, 4, 8, matrix, full, acc)
                cube += Y.size
    rng = np.random.default_rng(20261130)
    rnd = 0
    n = 20000 if quick else 200000
    for depth in (8, 10, 12, 16):
        for D in (4, 8, 16):              # 4:4:4, 4:2:2, 4:2:0 and 4:1:1
            for matrix in MATRICES:
                for full in (False, True):
                    mx = (1 << depth) - 1
                    Y = rng.integers(0, mx + 1, n)
                    Cb = rng.integers(0, D * mx + 1, n)
                    Cr = rng.integers(0, D * mx + 1, n)
                    _tally(Y, Cb, Cr, D, depth, matrix, full, acc)
                    rnd += n
    report("  model vs standard formulas (np.linalg.inv of the forward matrix, float64): "
           "%d pixels (%d: the 8-bit cube%s, 5 matrices x 2 ranges; %d random 8/10/12/16-bit "
           "with interpolated chroma), %d samples", cube + rnd, cube,
           " (every 15th Y)" if quick else "", rnd, acc["n"])
    report("    before rounding max |d| %.3g; after rounding %d samples differ (max |d| %d), "
           "all at exact ties", acc["max_pre"], acc["std_diff"], acc["std_max"])
    report("  model vs exact rationals (Kr, Kb as decimals): %d samples within %g of a tie "
           "decided exactly, %d of them exact ties k + 1/2; the model rounds %d of those ties "
           "down (its double lands below), every other sample equals the exact result; "
           "the float64 standard formulas round %d ties down",
           acc["near"], NEAR_TIE, acc["ties"], acc["model_down"], acc["std_wrong_tie"])
    for e in acc["examples"]:
        report("    e.g. %s", e)
    # every model/standard disagreement is a tie one of them rounds down:
    # both doubles are within max_pre of each other, so near the tie
    if acc["max_pre"] > 1e-10 or acc["std_max"] > 1 or acc["std_wrong"] != acc["std_wrong_tie"] \
            or acc["std_diff"] > acc["std_wrong"] + acc["model_down"]:
        raise SystemExit("SELF-CHECK FAILED: model vs standard formulas: before rounding %g, "
                         "after %d" % (acc["max_pre"], acc["std_max"]))
    return acc


def _axis_reference(n_luma, n_chroma, r, o2, mode):
    """(n_luma, n_chroma) weight matrix of one axis, written from the
    siting: luma x sits at chroma coordinate (x - o2/2) / r (exact
    Fraction); linear interpolation of the two samples around it, the
    edge sample outside; nearest takes sample floor(x / r)."""
    w = np.zeros((n_luma, n_chroma))
    for x in range(n_luma):
        if mode == "nearest":
            w[x, min(x // r, n_chroma - 1)] = 1.0
            continue
        pos = (Fraction(x) - Fraction(o2, 2)) / r
        i0 = math.floor(pos)
        t = pos - i0
        w[x, min(max(i0, 0), n_chroma - 1)] += float(1 - t)
        w[x, min(max(i0 + 1, 0), n_chroma - 1)] += float(t)
    return w


def check_pipeline(report, n_frames=240, seed=0x5EED):
    """Whole frames: convert() against the standard formulas fed with
    chroma upsampled independently (real-valued weights from the siting,
    _axis_reference) for every subsampling, siting, mode, depth, matrix
    and range. The upsampled chroma must be equal (the weights are dyadic,
    so float64 holds it exactly); the RGB may differ only at exact ties."""
    rng = np.random.default_rng(seed)
    subs = [(1, 1), (2, 1), (2, 2), (4, 1)]
    sites = ["jpeg", "mpeg2", "cosited", "dv", None]
    n = n_diff = 0
    for k in range(n_frames):
        r_h, r_v = subs[k % 4]
        site = sites[(k // 4) % 5]
        mode = ("linear", "nearest")[(k // 20) % 2]
        depth = (8, 10, 12, 16)[(k // 40) % 4]
        matrix = list(MATRICES)[k % 5]
        full = bool((k // 2) % 2)
        w, h = (int(v) for v in rng.integers(1, 49, 2))
        cw, ch = -(-w // r_h), -(-h // r_v)
        mx = (1 << depth) - 1
        Y = rng.integers(0, mx + 1, (h, w))
        U = rng.integers(0, mx + 1, (ch, cw))
        V = rng.integers(0, mx + 1, (ch, cw))
        o2 = siting_o2(site, r_h, r_v)
        m = convert(Y, U, V, depth=depth, matrix=matrix, full_range=full, o2=o2, r=(r_h, r_v),
                    upsampling=mode)
        wx = _axis_reference(w, cw, r_h, o2[0], mode)
        wy = _axis_reference(h, ch, r_v, o2[1], mode)
        Uf, Vf = (wy @ c.astype(np.float64) @ wx.T for c in (U, V))
        Ci, D = upsample(U, w, h, r_h, r_v, o2[0], o2[1], mode)
        if not np.array_equal(Ci.astype(np.float64), Uf * D):
            raise SystemExit("SELF-CHECK FAILED: chroma upsampling r=(%d,%d) site %s %s %dx%d"
                             % (r_h, r_v, site, mode, w, h))
        # the standard formulas on the real-valued chroma (units of 1/1)
        ref = standard_rgb(Y, Uf, Vf, 1, depth, matrix, full)
        Cr_i = upsample(V, w, h, r_h, r_v, o2[0], o2[1], mode)[0]
        for c, (ch_name, v) in enumerate(zip("RGB", ref)):
            d = np.abs(m[ch_name].astype(np.int64) - q(v).astype(np.int64))
            for yy, xx in zip(*np.nonzero(d)):
                tie = exact_rgb(Y[yy, xx], Ci[yy, xx], Cr_i[yy, xx], D, depth, matrix, full)[c][1]
                if d[yy, xx] > 1 or not tie:
                    raise SystemExit("SELF-CHECK FAILED: frame %d channel %s (%d, %d) differs by "
                                     "%d off a tie" % (k, ch_name, xx, yy, d[yy, xx]))
            n_diff += int(np.count_nonzero(d))
            n += d.size
    report("  whole frames, chroma upsampled independently (real-valued siting weights): "
           "%d frames (4:4:4, 4:2:2, 4:2:0, 4:1:1 x jpeg/mpeg2/cosited/dv/absent x linear/nearest"
           " x 8-16 bit x 5 matrices x 2 ranges, sizes 1..48): chroma identical, %d of %d RGB "
           "samples differ by 1, each at an exact tie", n_frames, n_diff, n)
    return n_diff, n


# coefficients printed in the recommendations: R = Y' + a Pr,
# G = Y' - b Pb - c Pr, B = Y' + d Pb
PRINTED = {
    "bt601": ("BT.601", "1.402", "0.344136", "0.714136", "1.772"),
    "bt709": ("BT.709", "1.5748", "0.1873", "0.4681", "1.8556"),
    "bt2020": ("BT.2020", "1.4746", "0.16455", "0.57135", "1.8814"),
}


class Report:
    def __init__(self):
        self.lines = []

    def __call__(self, fmt, *args):
        line = fmt % args if args else fmt
        self.lines.append(line)
        print(line, flush=True)


def check_printed(report):
    """The coefficients against the equations printed in the standards, and
    the 8-bit cube through those printed equations."""
    res = {}
    for matrix, (name, a, b, c, d) in PRINTED.items():
        k = coefficients(matrix, 8, True, 1)
        got = [k["kr"] / 255.0, k["kgb"] / 255.0, k["kgr"] / 255.0, k["kb"] / 255.0]
        worst = 0.0
        for g, p in zip(got, (a, b, c, d)):
            digits = len(p.split(".")[1])
            err = abs(g - float(p))
            worst = max(worst, err / (0.5 * 10.0 ** -digits))
            if err > 0.5 * 10.0 ** -digits + 1e-12:
                raise SystemExit("SELF-CHECK FAILED: %s coefficient %.9f vs printed %s"
                                 % (name, g, p))
        # 8-bit cube through the printed equations, both ranges
        n_diff = n = 0
        A, B_, C, Dd = (float(v) for v in (a, b, c, d))
        for full in (False, True):
            oy, sy, oc, sc = range_params(8, full)
            Y, Cb, Cr = (v.reshape(-1) for v in np.meshgrid(np.arange(256), np.arange(256),
                                                            np.arange(256), indexing="ij"))
            R, G, B, _ = convert_full(Y, Cb * 4, Cr * 4, 4, 8, matrix, full)
            yn = (Y - oy) / sy
            pb = (Cb - oc) / sc
            pr = (Cr - oc) / sc
            pr_rgb = [yn + A * pr, yn - B_ * pb - C * pr, yn + Dd * pb]
            for m, p in zip((R, G, B), pr_rgb):
                n_diff += int(np.count_nonzero(q(m) != q(255.0 * p)))
                n += m.size
        res[matrix] = (got, worst, n_diff, n)
        report("  %s printed equations: model coefficients %s (within %.2f of half a unit of "
               "the last printed digit); 8-bit cube, both ranges: %d of %d samples differ "
               "by 1 (the printed coefficients are rounded)", name,
               " ".join("%.7f" % g for g in got), worst, n_diff, n)
    return res


def check_gst_ranges(report):
    try:
        import gi
        gi.require_version("GstVideo", "1.0")
        from gi.repository import GstVideo
    except (ImportError, ValueError):
        report("  GStreamer range offsets: python3-gst-1.0 not available, skipped")
        return None
    fmts = {8: GstVideo.VideoFormat.I420, 10: GstVideo.VideoFormat.I420_10LE,
            12: GstVideo.VideoFormat.I420_12LE, 16: GstVideo.VideoFormat.Y444_16LE}
    for depth, f in fmts.items():
        finfo = GstVideo.video_format_get_info(f)
        for full, rg in ((False, getattr(GstVideo.VideoColorRange, "16_235")),
                         (True, getattr(GstVideo.VideoColorRange, "0_255"))):
            off, scale = GstVideo.video_color_range_offsets(rg, finfo)
            want = range_params(depth, full)
            if (off[0], scale[0], off[1], scale[1]) != want:
                raise SystemExit("SELF-CHECK FAILED: %d-bit %s range: GStreamer %s %s, model %s"
                                 % (depth, "full" if full else "limited", off[:3], scale[:3], want))
    report("  range table = gst_video_color_range_offsets for 8/10/12/16 bits, both ranges: OK")
    return True


def check_opencv(report, w=640, h=480, seed=7):
    """cv2.cvtColor NV12 / I420 -> RGB (BT.601 limited, nearest chroma)
    against the model with nearest upsampling: information only."""
    try:
        import cv2
    except ImportError:
        report("  OpenCV: not available, skipped")
        return None
    rng = np.random.default_rng(seed)
    out = {}
    for label, lo in (("random codes", 0), ("random codes with Y >= 16", 16),
                      ("smooth picture", None)):
        # OpenCV clamps Y - 16 at 0 (its max(0, Y - 16)): codes below 16
        # differ by up to 19; the second picture leaves them out
        if lo is None:
            yy, xx = np.mgrid[0:h, 0:w]
            Y = (16 + 219 * (0.5 + 0.5 * np.sin(xx / 37.0) * np.cos(yy / 23.0))).astype(np.int64)
            cy, cx = np.mgrid[0:h // 2, 0:w // 2]
            U = (128 + 100 * np.sin(cx / 19.0 + cy / 31.0)).astype(np.int64)
            V = (128 + 100 * np.cos(cx / 29.0 - cy / 17.0)).astype(np.int64)
        else:
            Y = rng.integers(lo, 256, (h, w))
            U, V = rng.integers(0, 256, (h // 2, w // 2)), rng.integers(0, 256, (h // 2, w // 2))
        m = convert(Y, U, V, depth=8, matrix="bt601", full_range=False, o2=(0, 1), r=(2, 2),
                    upsampling="nearest")
        mine = np.stack([m["R"], m["G"], m["B"]], axis=-1).astype(np.int64)
        nv12 = np.concatenate([Y, np.stack([U, V], -1).reshape(h // 2, w)], 0).astype(np.uint8)
        i420 = np.concatenate([Y.reshape(-1), U.reshape(-1), V.reshape(-1)]).astype(np.uint8)
        for code, buf in (("NV12", nv12), ("I420", i420.reshape(h * 3 // 2, w))):
            cv = cv2.cvtColor(buf, getattr(cv2, "COLOR_YUV2RGB_" + code)).astype(np.int64)
            d = np.abs(cv - mine)
            out[(label, code)] = (float(np.mean(d == 0)), int(d.max()))
            report("  OpenCV %s cvtColor COLOR_YUV2RGB_%s vs model (bt601 limited, nearest), "
                   "%s %dx%d: %.3f %% of samples equal, max |d| %d, |d| > 1: %d", cv2.__version__,
                   code, label, w, h, 100.0 * float(np.mean(d == 0)), int(d.max()),
                   int(np.count_nonzero(d > 1)))
    return out


def _videoconvert(fmt, Y, U, V, w, h, colorimetry, site, out_format="RGB"):
    """One I420 / I420_10LE frame through appsrc ! videoconvert ! appsink."""
    import gi
    gi.require_version("Gst", "1.0")
    from gi.repository import Gst
    Gst.init(None)
    caps = ("video/x-raw,format=%s,width=%d,height=%d,framerate=30/1,pixel-aspect-ratio=1/1,"
            "colorimetry=%s,chroma-site=%s" % (fmt, w, h, colorimetry, site))
    pipe = Gst.parse_launch("appsrc name=src caps=\"%s\" ! videoconvert ! video/x-raw,format=%s "
                            "! appsink name=sink sync=false" % (caps, out_format))
    src, sink = pipe.get_by_name("src"), pipe.get_by_name("sink")
    dtype = "<u2" if fmt.endswith("LE") else np.uint8
    data = np.concatenate([Y.reshape(-1), U.reshape(-1), V.reshape(-1)]).astype(dtype).tobytes()
    pipe.set_state(Gst.State.PLAYING)
    buf = Gst.Buffer.new_wrapped(data)
    buf.pts = 0
    src.emit("push-buffer", buf)
    src.emit("end-of-stream")
    sample = sink.emit("pull-sample")
    ok, mi = sample.get_buffer().map(Gst.MapFlags.READ)
    rgb = np.frombuffer(mi.data, np.uint8).copy()
    sample.get_buffer().unmap(mi)
    pipe.set_state(Gst.State.NULL)
    stride = (w * 3 + 3) & ~3
    return rgb[:stride * h].reshape(h, stride)[:, :w * 3].reshape(h, w, 3).astype(np.int64)


def check_videoconvert(report, w=320, h=240, seed=9):
    """GStreamer videoconvert I420 / I420_10LE -> RGB (default properties)
    against the model: information only."""
    try:
        import gi
        gi.require_version("Gst", "1.0")
        from gi.repository import Gst  # noqa: F401
    except (ImportError, ValueError):
        report("  videoconvert: python3-gst-1.0 not available, skipped")
        return None
    rng = np.random.default_rng(seed)
    res = {}
    yy, xx = np.mgrid[0:h, 0:w]
    cy, cx = np.mgrid[0:(h + 1) // 2, 0:(w + 1) // 2]
    smooth = ((16 + 219 * (0.5 + 0.5 * np.sin(xx / 37.0) * np.cos(yy / 23.0))).astype(np.int64),
              (128 + 100 * np.sin(cx / 19.0 + cy / 31.0)).astype(np.int64),
              (128 + 100 * np.cos(cx / 29.0 - cy / 17.0)).astype(np.int64))
    for fmt, depth in (("I420", 8), ("I420_10LE", 10)):
        sh = depth - 8
        pictures = {
            "random codes": tuple(rng.integers(0, 1 << depth, s) for s in (yy.shape, cy.shape,
                                                                             cy.shape)),
            "in-range random": (rng.integers(16 << sh, (235 << sh) + 1, yy.shape),
                                rng.integers(16 << sh, (240 << sh) + 1, cy.shape),
                                rng.integers(16 << sh, (240 << sh) + 1, cy.shape)),
            "smooth picture": tuple(p << sh for p in smooth),
        }
        for colorimetry, site in (("bt709", "mpeg2"), ("bt601", "jpeg")):
            for label, (Y, U, V) in pictures.items():
                try:
                    vc = _videoconvert(fmt, Y, U, V, w, h, colorimetry, site)
                except Exception as e:  # noqa: BLE001 (information only)
                    report("  videoconvert: failed (%s), skipped", e)
                    return None
                parts = []
                for up in ("linear", "nearest"):
                    m = convert(Y, U, V, depth=depth, matrix=colorimetry, full_range=False,
                                o2=siting_o2(site, 2, 2), r=(2, 2), upsampling=up)
                    mine = np.stack([m["R"], m["G"], m["B"]], -1).astype(np.int64)
                    d = np.abs(vc - mine)
                    eq = float(np.mean(d == 0))
                    res[(fmt, colorimetry, site, label, up)] = (eq, int(d.max()))
                    parts.append("%s %.2f %% equal, max |d| %d" % (up, 100.0 * eq, int(d.max())))
                report("  videoconvert %s %s limited %s -> RGB, %s %dx%d vs model: %s", fmt,
                       colorimetry, site, label, w, h, "; ".join(parts))
    return res


def self_check(quick=False, external=True):
    """All self-checks; returns the printed lines."""
    report = Report()
    report("convert_model self-checks (numpy %s):", np.__version__)
    check_gst_ranges(report)
    check_printed(report)
    check_standard(report, quick=quick)
    check_pipeline(report)
    if external:
        check_opencv(report)
        check_videoconvert(report)
    return report.lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="a sparse 8-bit cube, fewer random codes")
    args = ap.parse_args()
    self_check(quick=args.quick)
    return 0


if __name__ == "__main__":
    sys.exit(main())
