#!/usr/bin/python3
"""Extract the official ONNX Resize test vectors (Debian libonnx-testdata)
into resize-vectors.txt, the file tests/check/elements/alignscale-onnx.c
reads.  Format and decisions: README.md in this directory.

    /usr/bin/python3 tests/check/onnx/extract_onnx.py [--out PATH]

Stdlib only.  A small reference (spec §1.1, §2) must reproduce every
official output before anything is written.  The output is deterministic.
"""
import argparse
import glob
import math
import os
import struct

ROOT = "/usr/share/libonnx-testdata/data/node"
PKG = "libonnx-testdata 1.12.0-2"
N_OFFICIAL = 23
DEFAULTS = dict(mode="nearest", coordinate_transformation_mode="half_pixel",
                cubic_coeff_a=-0.75, exclude_outside=0,
                nearest_mode="round_prefer_floor", extrapolation_value=0.0)


# ---------------------------------------------------------------- protobuf
def varint(b, i):
    r = s = 0
    while True:
        r |= (b[i] & 0x7f) << s
        s, i = s + 7, i + 1
        if b[i - 1] < 0x80:
            return r, i


def fields(b):
    """[(field number, wire type, value)] of one message."""
    i, out = 0, []
    while i < len(b):
        k, i = varint(b, i)
        t = k & 7
        if t == 0:
            v, i = varint(b, i)
        else:
            assert t in (1, 2, 5), "wire type %d" % t
            n, i = {1: (8, i), 5: (4, i)}[t] if t != 2 else varint(b, i)
            v, i = b[i:i + n], i + n
        out.append((k >> 3, t, v))
    return out


def varints(v, t):                                   # packed or single
    if t != 2:
        return [v]
    j, r = 0, []
    while j < len(v):
        x, j = varint(v, j)
        r.append(x - (1 << 64) if x >= 1 << 63 else x)
    return r


def tensor(b):
    """TensorProto (1 dims, 2 data_type, 4 float_data, 7 int64_data, 8 name,
    9 raw_data) -> (name, dims, values); float and int64 only."""
    m = {1: [], 4: [], 7: [], 8: b"", 9: None}
    for f, t, v in fields(b):
        if f in (1, 7):
            m[f] += varints(v, t)
        elif f == 4:
            m[4] += struct.unpack("<%df" % (len(v) // 4), v)
        else:
            m[f] = v
    dt, raw = m[2], m[9]
    assert dt in (1, 7), "data type %s" % dt
    if raw is not None:
        vals = struct.unpack("<%d%s" % (len(raw) // (4 if dt == 1 else 8),
                                        "fq"[dt == 7]), raw)
    else:
        vals = m[4] if dt == 1 else m[7]
    return m[8].decode(), m[1], list(vals)


def read_model(path):
    """(inputs, attributes) of the Resize node (not always the graph's first
    node), and the graph's constants (Constant nodes, initializers)."""
    resize, consts = None, {}
    graph = [v for f, _, v in fields(open(path, "rb").read()) if f == 7][0]
    for g, _, gv in fields(graph):
        if g == 5:                                   # initializer
            n, d, vals = tensor(gv)
            consts[n] = (d, vals)
        if g != 1:                                   # not a NodeProto
            continue
        node = fields(gv)
        ins, outs, op = ([v.decode() for f, _, v in node if f == k]
                         for k in (1, 2, 4))
        attrs = {}
        for a in (dict((k, x) for k, _, x in fields(v))
                  for f, _, v in node if f == 5):    # AttributeProto
            attrs[a[1].decode()] = (struct.unpack("<f", a[2])[0] if 2 in a
                                    else a[3] if 3 in a
                                    else a[4].decode() if 4 in a
                                    else tensor(a[5])[1:])
        if op == ["Constant"]:
            consts[outs[0]] = attrs["value"]
        elif op == ["Resize"]:
            assert resize is None, "two Resize nodes"
            resize = (ins + [""] * (4 - len(ins)), attrs)
    return resize, consts


# ---------------------------------------------------------------- reference
def coord(i, n_in, n_out, ctm, s, roi, ac_len):
    """Source coordinate of output index i (spec §1.1); s = scale out/in,
    ac_len = the length in align_corners' denominator (ONNX 1.12: in*s)."""
    if ctm in ("half_pixel", "pytorch_half_pixel"):
        return (i + 0.5) / s - 0.5 if n_out > 1 or ctm == "half_pixel" else 0.0
    if ctm == "align_corners":
        return i * (n_in - 1) / (ac_len - 1) if n_out > 1 else 0.0
    if ctm == "asymmetric":
        return i / s
    if ctm == "tf_half_pixel_for_nn":
        return (i + 0.5) / s
    if ctm == "half_pixel_symmetric":
        return n_in / 2.0 * (1 - n_out / (n_in * s)) + (i + 0.5) / s - 0.5
    assert ctm == "tf_crop_and_resize", ctm
    a, b = roi
    if n_out > 1:
        return a * (n_in - 1) + i * (b - a) * (n_in - 1) / (n_out - 1)
    return 0.5 * (a + b) * (n_in - 1)


def keys(u, A):
    u = abs(u)
    if u <= 1:
        return ((A + 2) * u - (A + 3)) * u * u + 1
    return ((A * u - 5 * A) * u + 8 * A) * u - 4 * A if u < 2 else 0.0


def axis_taps(n_in, n_out, c, s, roi, integer_ac):
    """Per output index [(input index, weight)], None when extrapolated."""
    ctm, rows = c["coordinate_transformation_mode"], []
    for i in range(n_out):
        x = coord(i, n_in, n_out, ctm, s, roi, n_out if integer_ac else n_in * s)
        if ctm == "tf_crop_and_resize" and not 0 <= x <= n_in - 1:
            rows.append(None)
            continue
        f = math.floor(x)
        t, A = x - f, c["cubic_coeff_a"]
        if c["mode"] == "nearest":
            taps = [({"round_prefer_floor": math.ceil(x - 0.5),
                      "round_prefer_ceil": math.floor(x + 0.5), "floor": f,
                      "ceil": math.ceil(x)}[c["nearest_mode"]], 1.0)]
        elif c["mode"] == "linear":
            taps = [(f, 1 - t), (f + 1, t)]
        else:
            taps = [(f - 1, keys(t + 1, A)), (f, keys(t, A)),
                    (f + 1, keys(1 - t, A)), (f + 2, keys(2 - t, A))]
            if c["exclude_outside"]:
                taps = [(j, w) for j, w in taps if 0 <= j < n_in]
                taps = [(j, w / sum(w for _, w in taps)) for j, w in taps]
        rows.append([(min(max(j, 0), n_in - 1), w) for j, w in taps])
    return rows


def resize(c, integer_ac=False):
    (h, w), (oh, ow), X = c["in"], c["out"], c["input"]
    roi = c["roi"] or [0, 0, 0, 0, 1, 1, 1, 1]
    sh, sw = c["scales"][2:] if c["scales"] else (oh / h, ow / w)
    ty = axis_taps(h, oh, c, sh, (roi[2], roi[6]), integer_ac)
    tx = axis_taps(w, ow, c, sw, (roi[3], roi[7]), integer_ac)
    return [c["extrapolation_value"] if ry is None or rx is None else
            sum(wy * wx * X[jy * w + jx] for jy, wy in ry for jx, wx in rx)
            for ry in ty for rx in tx]


# ---------------------------------------------------------------- cases
def official(d):
    (ins, attrs), consts = read_model(d + "/model.onnx")
    for p in sorted(glob.glob(d + "/test_data_set_0/input_*.pb")):
        n, dims, vals = tensor(open(p, "rb").read())
        consts[n] = (dims, vals)
    _, odims, out = tensor(open(d + "/test_data_set_0/output_0.pb", "rb").read())
    dims, X = consts[ins[0]]
    roi, scales, sizes = (consts[n][1] if n else [] for n in ins[1:4])
    assert dims[:2] == [1, 1] and odims[:2] == [1, 1], d
    c = dict(DEFAULTS, **attrs)
    c.update(name=os.path.basename(d), expect="onnx", input=X, output=out,
             roi=roi or None, scales=scales or None, sizes=sizes or None,
             **{"in": dims[2:], "out": odims[2:]})
    if c["scales"]:                                  # out = floor(in * s)
        assert c["out"] == [math.floor(a * s) for a, s in
                            zip(c["in"], c["scales"][2:])], d
    return c


def spec(name, X, h, w, oh, ow, **kw):
    """A spec §11 (golden.py) ONNX case the element can express."""
    c = dict(DEFAULTS, name="spec_" + name, expect="spec", input=X, roi=None,
             scales=None, sizes=[1, 1, oh, ow])
    c.update(kw, **{"in": [h, w], "out": [oh, ow]})
    c["sizes"] = None if c["scales"] else c["sizes"]
    c["output"] = resize(c)
    return c


def spec_cases():
    x22, x44 = [1., 2., 3., 4.], [float(v) for v in range(1, 17)]
    r4, lin, cub = [0., 1., 2., 3.], dict(mode="linear"), dict(mode="cubic")
    ctm = "coordinate_transformation_mode"
    cs = [spec("O01_half_pixel_symmetric", x22, 2, 2, 4, 5, **lin,
               **{ctm: "half_pixel_symmetric"}, scales=[1, 1, 2.3, 2.94]),
          spec("O02_half_pixel_fractional_scales", x22, 2, 2, 4, 5, **lin,
               scales=[1, 1, 2.3, 2.94]),
          spec("O03_tf_crop_and_resize_inside", x44, 4, 4, 3, 3, **lin,
               **{ctm: "tf_crop_and_resize"}, roi=[0, 0, .4, .6, 1, 1, .6, .8]),
          spec("O05_cubic_A_n0p5_exclude_outside", r4, 1, 4, 1, 8, **cub,
               cubic_coeff_a=-0.5, exclude_outside=1),
          spec("O06_cubic_default", r4, 1, 4, 1, 8, **cub),
          spec("O07_cubic_pytorch_half_pixel_out1", [0., 1., 5., 3.], 1, 4, 1,
               1, **cub, **{ctm: "pytorch_half_pixel"}),
          spec("O08_linear_asymmetric", r4, 1, 4, 1, 8, **lin,
               **{ctm: "asymmetric"})]
    for mode, n in [("half_pixel", 2), ("asymmetric", 8), ("align_corners", 3)]:
        for m in ["round_prefer_floor", "round_prefer_ceil", "floor", "ceil"]:
            cs.append(spec("N02_%s_4to%d_%s" % (mode, n, m), r4, 1, 4, 1, n,
                           **{ctm: mode}, nearest_mode=m))
    return cs


def g(v):
    return "%.9g" % v


def block(c):
    L = ["case " + c["name"]]
    L += ["%s %s" % (k, g(c[k]) if isinstance(c[k], float) else c[k])
          for k in DEFAULTS]
    L += [k + " " + (" ".join(map(g, c[k])) if c[k] else "none")
          for k in ("roi", "scales", "sizes")]
    L.append("expect " + c["expect"])
    if "onnx_output" in c:
        L.append("# onnx 1.12 output (align_corners over in*s-1): " +
                 " ".join(map(g, c["onnx_output"])))
    for what, (h, w), vals in [("input", c["in"], c["input"]),
                               ("output", c["out"], c["output"])]:
        assert all(0 <= round(v * 1000 + 10000) <= 65535 for v in vals)
        L.append("%s %d %d" % (what, h, w))
        L += [" ".join(map(g, vals[y * w:(y + 1) * w])) for y in range(h)]
    return "\n".join(L + ["end", ""])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "resize-vectors.txt"))
    out = ap.parse_args().out
    cases = [official(d) for d in sorted(glob.glob(ROOT + "/test_resize_*"))]
    assert len(cases) == N_OFFICIAL, "found %d vectors" % len(cases)
    for c in cases:
        assert all(abs(a - b) <= 1e-5 * max(1, abs(b)) for a, b in
                   zip(resize(c), c["output"])), c["name"]
        # spec §1.3, §7.2: align_corners + scales with fractional in*s is
        # (out-1) here, as PyTorch and ONNX Runtime; ONNX 1.12 uses (in*s-1)
        if c["coordinate_transformation_mode"] == "align_corners" and \
                c["scales"] and any(a * s != math.floor(a * s) for a, s in
                                    zip(c["in"], c["scales"][2:])):
            c["expect"], c["onnx_output"] = "ort", c["output"]
            c["output"] = resize(c, integer_ac=True)
    cases += spec_cases()
    with open(out, "w") as f:
        f.write("# ONNX Resize conformance vectors for alignscale (README.md)\n"
                "# source: %s, %s/test_resize_*/\n"
                "# made by: /usr/bin/python3 tests/check/onnx/extract_onnx.py\n"
                "# %d official vectors (expect onnx|ort), %d from spec "
                "section 11 (expect spec)\ncount %d\n\n"
                % (PKG, ROOT, N_OFFICIAL, len(cases) - N_OFFICIAL, len(cases)))
        f.write("\n".join(block(c) for c in cases))
    print("wrote %s: %d cases (%s)" % (out, len(cases), ", ".join(
        "%d %s" % (sum(c["expect"] == e for c in cases), e)
        for e in ("onnx", "ort", "spec"))))


if __name__ == "__main__":
    main()
