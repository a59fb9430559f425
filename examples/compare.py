#!/usr/bin/python3
"""alignscale, videoscale and PyTorch on a real picture: one comparison figure.

    GST_PLUGIN_PATH=$PWD/build/gst/alignscale /usr/bin/python3 examples/compare.py \\
        -o compare.png

(`./run.sh demo` runs it into build/demo/.) Run it with the system
interpreter, /usr/bin/python3: it needs Debian's python3-gi,
python3-gst-1.0, python3-numpy and python3-pil, and python3-torch for the
framework's side; a python3 from pyenv or a venv has none of them.

The picture (examples/data/chelsea-320x240.png, CC0) is reduced to the
input size (80x60 by default, Pillow's box filter), then upscaled to the
output size (640x480) three ways, each as a model would have been trained:

    torch F.interpolate mode="bilinear", align_corners=False
        alignscale method=bilinear          videoscale method=bilinear
    torch F.interpolate mode="bilinear", align_corners=True
        alignscale method=bilinear align-corners=true
                                            videoscale method=bilinear
                                            (videoscale has no such option)
    torch F.interpolate mode="bicubic", align_corners=False
        alignscale method=bicubic           videoscale method=4-tap

The framework's output is F.interpolate on a float64 tensor of the input
bytes, clamped to 0..255; "exact" counts output bytes equal to it rounded
half up, "max |d|" is the largest distance to its unrounded value (0.5 is
the rounding itself), "> 1" the bytes more than one code value away. The figure shows,
per row, a crop of the input (nearest, enlarged), torch's output,
alignscale's, videoscale's, and |alignscale - torch| and |videoscale -
torch| magnified 16 times.

Without torch it says so and compares alignscale with videoscale only.
It exits non-zero when alignscale is more than one code value from torch
anywhere, or exact on fewer than --min-exact percent of the bytes of a
row (tests/meson.build runs it that way on a small size).
"""
import argparse
import os
import sys

HINT = ("run it with the system interpreter, /usr/bin/python3 (Debian: "
        "apt install python3-gi python3-gst-1.0 python3-numpy python3-pil)")
try:
    import gi
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont
except ImportError as e:
    sys.exit("%s: %s in %s\n%s" % (os.path.basename(__file__), e,
                                   sys.executable, HINT))

gi.require_version("Gst", "1.0")
gi.require_version("GstVideo", "1.0")
from gi.repository import Gst, GstVideo  # noqa: E402

PICTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data",
                       "chelsea-320x240.png")
# (label, torch mode, align_corners, alignscale properties, videoscale method)
ROWS = [
    ("bilinear", "bilinear", False, "method=bilinear", "bilinear"),
    ("bilinear, align_corners=True", "bilinear", True,
     "method=bilinear align-corners=true", "bilinear"),
    ("bicubic", "bicubic", False, "method=bicubic", "4-tap"),
]
MAGNIFY = 16


def size(text):
    w, h = text.lower().split("x")
    return int(w), int(h)


def scale(frame, out_w, out_h, element):
    """one RGB frame (H x W x 3 uint8) through `element`, back as an array"""
    in_h, in_w = frame.shape[:2]
    caps = ("video/x-raw,format=RGB,width=%d,height=%d,framerate=30/1,"
            "pixel-aspect-ratio=1/1" % (in_w, in_h))
    pipeline = Gst.parse_launch(
        "appsrc name=src format=time caps=%s ! %s ! "
        "video/x-raw,format=RGB,width=%d,height=%d ! appsink name=sink "
        "sync=false" % (caps, element, out_w, out_h))
    src, sink = pipeline.get_by_name("src"), pipeline.get_by_name("sink")
    pipeline.set_state(Gst.State.PLAYING)
    # the input rows as GStreamer lays them out (each row 4-byte aligned)
    info = GstVideo.VideoInfo.new_from_caps(Gst.Caps.from_string(caps))
    data = np.zeros((in_h, info.stride[0]), np.uint8)
    data[:, :in_w * 3] = frame.reshape(in_h, in_w * 3)
    buf = Gst.Buffer.new_wrapped(data.tobytes())
    buf.pts, buf.duration = 0, Gst.SECOND // 30
    src.emit("push-buffer", buf)
    src.emit("end-of-stream")
    sample = sink.emit("try-pull-sample", 10 * Gst.SECOND)
    if sample is None:
        msg = pipeline.get_bus().pop_filtered(Gst.MessageType.ERROR)
        pipeline.set_state(Gst.State.NULL)
        raise RuntimeError("%s: %s" % (element, msg.parse_error()[0].message
                                       if msg else "no output frame"))
    out = to_array(sample)
    pipeline.set_state(Gst.State.NULL)
    return out


def to_array(sample):
    """the sample's RGB picture as an H x W x 3 array, honouring the stride"""
    buf = sample.get_buffer()
    info = GstVideo.VideoInfo.new_from_caps(sample.get_caps())
    meta = GstVideo.buffer_get_video_meta(buf)
    stride = meta.stride[0] if meta else info.stride[0]
    offset = meta.offset[0] if meta else info.offset[0]
    ok, mapinfo = buf.map(Gst.MapFlags.READ)
    if not ok:
        raise RuntimeError("cannot map the output buffer")
    try:
        rows = np.frombuffer(mapinfo.data, np.uint8, info.height * stride,
                             offset).reshape(info.height, stride)
        return rows[:, :info.width * 3].reshape(
            info.height, info.width, 3).copy()
    finally:
        buf.unmap(mapinfo)


def torch_reference(frame, out_w, out_h, mode, align_corners):
    """F.interpolate on a float64 NCHW tensor: the unrounded float result,
    clamped to the byte range (bicubic overshoots it)"""
    import torch
    import torch.nn.functional as F
    t = torch.from_numpy(frame.copy()).permute(2, 0, 1)[None].double()
    r = F.interpolate(t, size=(out_h, out_w), mode=mode,
                      align_corners=align_corners)
    return r[0].permute(1, 2, 0).clamp(0, 255).numpy()


def stats(got, ref):
    """exact rate (%) against ref rounded half up, max |d| to ref, > 1 code"""
    d = np.abs(got.astype(np.float64) - ref)
    rounded = np.floor(ref + 0.5)
    exact = 100.0 * np.count_nonzero(got == rounded) / got.size
    return exact, float(d.max()), int(np.count_nonzero(d > 1.0))


def font():
    for path in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",):
        if os.path.exists(path):
            return ImageFont.truetype(path, 14)
    return ImageFont.load_default()


def crop_box(out_w, out_h):
    """the panel: at most 320x240 output pixels around the cat's left eye"""
    pw, ph = min(out_w, 320), min(out_h, 240)
    x = min(max(int(0.37 * out_w) - pw // 2, 0), out_w - pw)
    y = min(max(int(0.38 * out_h) - ph // 2, 0), out_h - ph)
    return x, y, pw, ph


def figure(rows, headers, path):
    """rows: [(title, [panel arrays])]; one PNG with a header per column"""
    fnt = font()
    ph, pw = rows[0][1][0].shape[:2]
    gap, head, title_h = 8, 22, 22
    ncol = max(len(p) for _, p in rows)
    width = gap + ncol * (pw + gap)
    height = head + len(rows) * (title_h + ph + gap) + gap
    img = Image.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    for c, text in enumerate(headers):
        draw.text((gap + c * (pw + gap), 4), text, fill=(0, 0, 0), font=fnt)
    y = head
    for title, panels in rows:
        draw.text((gap, y + 3), title, fill=(0, 0, 0), font=fnt)
        y += title_h
        for c, p in enumerate(panels):
            img.paste(Image.fromarray(p), (gap + c * (pw + gap), y))
        y += ph + gap
    img.save(path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--output", default="compare.png",
                    help="the figure (PNG) to write")
    ap.add_argument("--input-size", type=size, default=(80, 60),
                    metavar="WxH", help="the picture reduced to (80x60)")
    ap.add_argument("--output-size", type=size, default=(640, 480),
                    metavar="WxH", help="then upscaled to (640x480)")
    ap.add_argument("--picture", default=PICTURE, help="an RGB picture")
    ap.add_argument("--min-exact", type=float, default=99.0, metavar="PCT",
                    help="fail when alignscale is exact on fewer bytes (99.0; "
                    "the lowest row measures 99.6 today)")
    ap.add_argument("--without-torch", action="store_true",
                    help="behave as if torch were not installed")
    args = ap.parse_args()

    Gst.init(None)
    if Gst.ElementFactory.find("alignscale") is None:
        sys.exit("alignscale not found: set GST_PLUGIN_PATH="
                 "$PWD/build/gst/alignscale (after ninja -C build)")
    have_torch = False
    if not args.without_torch:
        try:
            import torch  # noqa: F401
            have_torch = True
        except ImportError:
            pass
    if not have_torch:
        print("torch is not installed (Debian: apt install python3-torch): "
              "comparing alignscale with videoscale only")

    (iw, ih), (ow, oh) = args.input_size, args.output_size
    pic = Image.open(args.picture).convert("RGB")
    frame = np.asarray(pic.resize((iw, ih), Image.BOX))
    print("%s reduced to %dx%d, upscaled to %dx%d" % (
        os.path.basename(args.picture), iw, ih, ow, oh))
    x, y, pw, ph = crop_box(ow, oh)
    enlarged = np.repeat(np.repeat(frame, -(-oh // ih), 0), -(-ow // iw), 1)
    enlarged = np.asarray(Image.fromarray(enlarged).resize((ow, oh),
                                                           Image.NEAREST))

    def crop(a):
        return a[y:y + ph, x:x + pw]

    def magnified(a, b):
        d = np.abs(a.astype(np.int16) - b.astype(np.int16)) * MAGNIFY
        return np.clip(d, 0, 255).astype(np.uint8)

    fig_rows, failed = [], False
    rows = ROWS if have_torch else [r for r in ROWS if not r[2]]
    for label, mode, ac, as_props, vs_method in rows:
        ours = scale(frame, ow, oh, "alignscale " + as_props)
        theirs = scale(frame, ow, oh, "videoscale method=" + vs_method)
        if have_torch:
            ref = torch_reference(frame, ow, oh, mode, ac)
            ref8 = np.floor(ref + 0.5).astype(np.uint8)
            a, v = stats(ours, ref), stats(theirs, ref)
            print("%-30s torch F.interpolate(mode=%r, align_corners=%s)" % (
                label + ":", mode, ac))
            print("  alignscale %-38s %7.3f %% exact, max |d| %6.3f, "
                  "%6d bytes > 1" % (as_props, *a))
            print("  videoscale %-38s %7.3f %% exact, max |d| %6.3f, "
                  "%6d bytes > 1" % ("method=" + vs_method, *v))
            title = ("%s: alignscale %.1f %% exact (max |d| %.2f), "
                     "videoscale %s %.1f %% (max |d| %.0f)" % (
                         label, a[0], a[1], vs_method, v[0], v[1]))
            fig_rows.append((title, [crop(enlarged), crop(ref8), crop(ours),
                                     crop(theirs), crop(magnified(ours, ref8)),
                                     crop(magnified(theirs, ref8))]))
            if a[2] or a[0] < args.min_exact:
                print("  FAIL: alignscale %s than torch (at least %.2f %% "
                      "exact, none beyond 1 code)" % (
                          "further" if a[2] else "less often exact",
                          args.min_exact), file=sys.stderr)
                failed = True
        else:
            same = 100.0 * np.count_nonzero(ours == theirs) / ours.size
            dmax = int(np.abs(ours.astype(np.int16) - theirs).max())
            print("%-10s alignscale %s vs videoscale method=%s: %.3f %% "
                  "equal, max |d| %d" % (label + ":", as_props, vs_method,
                                         same, dmax))
            title = "%s: alignscale and videoscale %s equal on %.1f %% " \
                    "(max |d| %d)" % (label, vs_method, same, dmax)
            fig_rows.append((title, [crop(enlarged), crop(ours), crop(theirs),
                                     crop(magnified(ours, theirs))]))
    if have_torch:
        headers = ["input %dx%d (nearest)" % (iw, ih), "torch F.interpolate",
                   "alignscale", "videoscale",
                   "|alignscale - torch| x %d" % MAGNIFY,
                   "|videoscale - torch| x %d" % MAGNIFY]
    else:
        headers = ["input %dx%d (nearest)" % (iw, ih), "alignscale",
                   "videoscale", "|alignscale - videoscale| x %d" % MAGNIFY]
    figure(fig_rows, headers, args.output)
    print("figure (crops of %dx%d at %d,%d): %s" % (pw, ph, x, y,
                                                     args.output))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
