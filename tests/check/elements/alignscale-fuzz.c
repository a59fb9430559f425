/* bounded random fuzzer of the alignscale element
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Thousands of random cases, each a GstHarness around alignscale with a
 * random format, input and output size, every property, a buffer layout
 * (default, padded GstVideoMeta, split over several GstMemory, short or
 * hostile, odd data address) and sometimes live property changes between
 * frames. The input is flat (one value per component), so every correct
 * output is flat with the same values, whatever the configuration; with
 * tf-crop-and-resize a pixel may also be the extrapolation value.
 *
 * A quarter of the YUV cases convert (docs/conversion.md): the output is
 * one of the RGB formats or GRAY8, the input caps have a random
 * colorimetry and chroma-site, chroma-upsampling is random (and changes
 * live). A flat YUV frame converts to one flat RGB pixel, computed here
 * with the formulas of docs/conversion.md; padding bytes are 255. Those
 * draws come from a second generator, so every other draw of a case is
 * the one it had before conversions existed.
 *
 * A third of the cases set integer-model to opencv or pillow (the bytes of
 * cv2.resize or Image.resize, docs/integer-models.md), drawn at the start
 * and at live changes from a third generator: with
 * ALIGNSCALE_FUZZ_LIBRARY=0 every case is the one it was before. Where
 * the library's model takes the planes (8-bit: every plane of an 8-bit
 * format, and the 8-bit working frame of a conversion; opencv: nearest,
 * bilinear, bicubic and lanczos4 without antialias, on 8-bit and full
 * 16-bit planes, nearest on 10- and 12-bit ones; pillow: every method but
 * area and lanczos4, and nearest on 16-bit planes too) a flat input
 * stays exactly flat too, and with nothing filled in: the library has its own mapping, so
 * tf-crop-and-resize's extrapolation does not apply (Pillow takes the roi
 * as its box= instead, where Pillow would take that box and no plane is
 * subsampled; elsewhere library_covers says no). Pillow's 'RGBA' (packed
 * 8-bit RGB with alpha, RGBA made from a YUV input with alpha) comes back
 * as the premultiply round trip of its colour, but with NEAREST and at
 * Image.resize's copy. Elsewhere the default chain runs, as if
 * integer-model were exact. Exactly flat, not within one code (worked out
 * from model.c and rows-c.c, and tried on every 8-bit value):
 *  - nearest (both), OpenCV's 2x2 area path ((4v + 2) >> 2 = v): copies;
 *  - OpenCV's INTER_LINEAR: the Q11 pairs a0 + a1 (horizontal) and
 *    b0 + b1 (vertical) are 2047..2049 (every float fraction tried), and
 *    ((((A v) >> 4) b0 >> 16) + (((A v) >> 4) b1 >> 16) + 2) >> 2 = v for
 *    every v, A, b0, b1 of those sums: the +2 covers the floors;
 *  - OpenCV's INTER_CUBIC: its Q11 rows sum to 2047..2049 too, so the
 *    exact value is v (1 + e), |e| <= 4097 / 2^22, within 0.25 of v; the
 *    scalar tail's (sum + 2^21) >> 22 and the SIMD body's float32 sum
 *    (4978 distinct rows tried with every v and horizontal sum) give v;
 *  - Pillow: clip8 ((2^21 + v S) >> 22) = v for every v while the sum S
 *    of an output's 22-bit weights is 2^22 + e, -8224 <= e <= 8256; e is
 *    at most half the taps, so at most 3856 for an output 17 or more
 *    wide from at most 32767, and every axis 32767 -> 1..16 has
 *    |e| <= 2048 (bilinear, 6144 -> 3: every weight a tie) and 714
 *    (bicubic). Pillow's other filters (box, hamming, lanczos) are drawn
 *    only where every window has at most 16448 taps, so |e| <= 8224.
 * But OpenCV's INTER_LANCZOS4 is within one code, not exact: its Q11
 * rows sum to 2045..2051 and are not renormalised, so a flat 255 may come
 * back as 254, as from cv2.resize itself (flat_tolerance). So is its
 * INTER_AREA: float32 weights summed over up to thousands of taps.
 * OpenCV's INTER_NEAREST(_EXACT) copies, INTER_LINEAR_EXACT's Q8 pairs
 * sum to 256 exactly. On 16-bit planes (OpenCV's float32 uint16 paths)
 * every method stays exactly flat but INTER_AREA's downscales, which come
 * back within a bound of the sizes (flat_tolerance: up to 171 codes
 * measured in cv2 itself).
 *
 * A third of the draws of a method take one of those added with the
 * library filters (area, box, hamming, lanczos, lanczos4, bilinear-exact,
 * nearest-exact), from a fourth generator, so the other draws of a case
 * stay those of old. The exact chain keeps a flat input flat for each:
 * their weights sum to one in every model.
 *
 * letterbox (a third of the cases, a preset), crop (a third: inside the
 * picture, now and then all of it) and pad-value (a third: 1 to 4 numbers,
 * codes, halves, fractions, values past the component's range) are drawn
 * at the start and at live changes from a fifth generator ("GEOM"), so
 * every other draw stays the one of old. A live change may also clear
 * them, set a crop the element refuses (3 numbers, a negative one, an edge
 * past 32767: the g_warning is expected, log_filter takes exactly those,
 * and the crop stays as it was) or a legal crop past the picture's edge
 * (ignored for the frame: the whole input is the source). Each output
 * frame's GstAlignScaleGeometryMeta is checked against the caps: input and
 * output sizes, the source inside the crop in effect (letterbox=none: the
 * crop itself), the picture inside the output (none: all of it), the
 * scales picture / source, the preset's nick (or none, the whole output,
 * where the preset cannot place the picture: counted). A frame passed
 * through (equal sizes, no crop in effect) has no meta: the identity
 * geometry. Then, with the source and the picture as the resize's input
 * and output (library_covers, flat_tolerance and Pillow's premultiply see
 * those sizes, as the library models do):
 *  - every sample of the picture is the flat value (or the fill, as
 *    above); a subsampled sample (chroma of 4:2:0, 4:2:2, 4:1:1, NV12,
 *    packed 4:2:2 ...) belongs to the picture when its block (the
 *    2^w_sub x 2^h_sub luma pixels it covers) meets the picture rectangle:
 *    the picture's chroma is computed from the crop's chroma samples,
 *    which are flat, so it is exactly the flat chroma on odd picture edges
 *    too (docs "Crop and pad": a block straddling the edge carries the
 *    picture's chroma);
 *  - every other sample is the pad: pad-value (the last repeated) or the
 *    preset's default (114 ultralytics, else 0, grey on RGB and GRAY; on
 *    YUV its luma in the output's range, gst_video_color_range_offsets,
 *    neutral chroma; alpha opaque), rounded half up and clamped to the
 *    component; bytes of no component (the x of RGBx) are 255. Converting,
 *    the pad is in the output's RGB.
 * The cost model stays that of the whole frames (the picture is no bigger
 * than the output); where Pillow's windows at the picture's sizes pass
 * the exactness bound the picture is not checked, the pad still is.
 *
 * Environment:
 *   ALIGNSCALE_FUZZ_SEED     base seed (default 20240611)
 *   ALIGNSCALE_FUZZ_CASES    number of cases (default 4000: ~10 s here; ~50 s
 *                            under ASan+UBSan before the geometry checks, not
 *                            measured since; 300 is plenty under valgrind)
 *   ALIGNSCALE_FUZZ_CASE     run only this case index (a reproducer)
 *   ALIGNSCALE_FUZZ_FIRST    start at this case index (go on after a crash)
 *   ALIGNSCALE_FUZZ_LAYOUTS  comma list of layouts to draw from (default all:
 *                            default,padded,split,short,hostile,odd)
 *   ALIGNSCALE_FUZZ_CONVERT  percent of the YUV cases that convert to RGB
 *                            (default 25; 0: none, 100: all)
 *   ALIGNSCALE_FUZZ_LIBRARY  percent of the cases that start on
 *                            integer-model=opencv or pillow (default 33;
 *                            0: none, and no live change to them either)
 *   ALIGNSCALE_FUZZ_VERBOSE  print every case before it runs
 *   ALIGNSCALE_FUZZ_STOP     stop at the first failing check (default: run
 *                            every case, print the first failures of each
 *                            kind, fail at the end)
 *   ALIGNSCALE_FUZZ_PRINT    failures printed per kind (default 3)
 */
#include <gst/check/gstcheck.h>
#include <gst/check/gstharness.h>
#include <gst/video/video.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#include <dlfcn.h>
#include <sanitizer/common_interface_defs.h>
#endif

#include "common.h"

#define DEFAULT_SEED 20240611u
#define DEFAULT_CASES 4000
#define DEFAULT_CONVERT_PERCENT 25
#define DEFAULT_LIBRARY_PERCENT 33
/* per frame: pixels in and out, and predicted multiply-adds (antialias
 * windows) so one case stays in the milliseconds */
#define MAX_PIXELS (1 << 20)
#define MAX_COST 2.0e7
#define MAX_SIZE 32767
/* failures printed per kind (all are counted) */
#define DEFAULT_PRINTED 3

static const GstVideoFormat formats[] = { GST_VIDEO_FORMAT_GRAY8,
  GST_VIDEO_FORMAT_GRAY16_LE, GST_VIDEO_FORMAT_RGBA, GST_VIDEO_FORMAT_BGRA,
  GST_VIDEO_FORMAT_ARGB, GST_VIDEO_FORMAT_ABGR, GST_VIDEO_FORMAT_RGBx,
  GST_VIDEO_FORMAT_BGRx, GST_VIDEO_FORMAT_xRGB, GST_VIDEO_FORMAT_xBGR,
  GST_VIDEO_FORMAT_RGB, GST_VIDEO_FORMAT_BGR, GST_VIDEO_FORMAT_I420,
  GST_VIDEO_FORMAT_YV12, GST_VIDEO_FORMAT_Y42B, GST_VIDEO_FORMAT_Y444,
  GST_VIDEO_FORMAT_NV12, GST_VIDEO_FORMAT_NV21, GST_VIDEO_FORMAT_GRAY16_BE,
  GST_VIDEO_FORMAT_RGBP, GST_VIDEO_FORMAT_BGRP, GST_VIDEO_FORMAT_GBR,
  GST_VIDEO_FORMAT_GBRA, GST_VIDEO_FORMAT_RGBA64_LE, GST_VIDEO_FORMAT_Y41B,
  GST_VIDEO_FORMAT_NV16, GST_VIDEO_FORMAT_NV61, GST_VIDEO_FORMAT_NV24,
  GST_VIDEO_FORMAT_YUY2, GST_VIDEO_FORMAT_UYVY, GST_VIDEO_FORMAT_YVYU,
  GST_VIDEO_FORMAT_VYUY, GST_VIDEO_FORMAT_AYUV, GST_VIDEO_FORMAT_AYUV64,
  GST_VIDEO_FORMAT_P010_10LE, GST_VIDEO_FORMAT_P012_LE,
  GST_VIDEO_FORMAT_P016_LE, GST_VIDEO_FORMAT_I420_10LE,
  GST_VIDEO_FORMAT_I420_12LE, GST_VIDEO_FORMAT_I422_10LE,
  GST_VIDEO_FORMAT_I422_12LE, GST_VIDEO_FORMAT_Y444_10LE,
  GST_VIDEO_FORMAT_Y444_12LE, GST_VIDEO_FORMAT_Y444_16LE };

/* the element's enum nicks, in value order */
static const gchar *const method_nick[] = { "nearest", "bilinear", "bicubic",
  "area", "box", "hamming", "lanczos", "lanczos4", "bilinear-exact",
  "nearest-exact" };
static const gchar *const cmode_nick[] = { "half-pixel", "align-corners",
  "asymmetric", "pytorch-half-pixel", "half-pixel-symmetric",
  "tf-half-pixel-for-nn", "tf-crop-and-resize" };
static const gchar *const nmode_nick[] = { "auto", "round-prefer-floor",
  "round-prefer-ceil", "floor", "ceil" };
static const gchar *const cu_nick[] = { "linear", "nearest" };
static const gchar *const im_nick[] = { "exact", "opencv", "pillow" };
static const gchar *const lb_nick[] = { "none", "ultralytics", "mmdet",
  "deepstream", "deepstream-symmetric", "tf", "pillow", "add-borders" };

/* the formats a YUV input converts to */
static const GstVideoFormat convert_out[] = { GST_VIDEO_FORMAT_RGB,
  GST_VIDEO_FORMAT_BGR, GST_VIDEO_FORMAT_RGBA, GST_VIDEO_FORMAT_BGRA,
  GST_VIDEO_FORMAT_ARGB, GST_VIDEO_FORMAT_ABGR, GST_VIDEO_FORMAT_RGBx,
  GST_VIDEO_FORMAT_BGRx, GST_VIDEO_FORMAT_xRGB, GST_VIDEO_FORMAT_xBGR,
  GST_VIDEO_FORMAT_RGBP, GST_VIDEO_FORMAT_BGRP, GST_VIDEO_FORMAT_GRAY8 };

enum
{
  M_NEAREST,
  M_BILINEAR,
  M_BICUBIC,
  M_AREA,
  M_BOX,
  M_HAMMING,
  M_LANCZOS,
  M_LANCZOS4,
  M_BILINEAR_EXACT,
  M_NEAREST_EXACT,
  N_METHODS
};

/* nearest-exact is nearest but for OpenCV (INTER_NEAREST_EXACT) */
static gboolean
is_nearest (gint method)
{
  return method == M_NEAREST || method == M_NEAREST_EXACT;
}
enum
{
  C_ALIGN_CORNERS = 1,
  C_TF_CROP = 6
};
enum
{
  IM_EXACT,
  IM_OPENCV,
  IM_PILLOW
};

typedef enum
{
  L_DEFAULT, /* GstVideoInfo layout, no meta */
  L_PADDED,  /* GstVideoMeta: padded strides, gaps, any plane order */
  L_SPLIT,   /* 2-3 GstMemory, split points anywhere, meta (mostly) */
  L_SHORT,   /* fewer bytes than the layout needs */
  L_HOSTILE, /* a GstVideoMeta that lies */
  L_ODD,     /* valid layout at an odd data address */
  N_LAYOUTS
} Layout;

static const gchar *const layout_name[] = { "default", "padded", "split",
  "short", "hostile", "odd" };

typedef struct
{
  gint method, cmode, nmode;
  gboolean aa, excl;
  gdouble cubic_a, sx, sy, roi[4], ev;
  gint cu; /* chroma-upsampling: 0 linear, 1 nearest */
  gint im; /* integer-model: IM_* */
  /* from grng: letterbox (index in lb_nick), crop (crop[2] == 0: none;
   * as the element holds it: a refused value leaves the old one), pad-value
   * (n_pad == 0: the preset's default) */
  gint lb;
  gint crop[4];
  guint n_pad;
  gdouble pad[4];
} Config;

/* where the planes of one input buffer are */
typedef struct
{
  gboolean meta;
  GstVideoFormat meta_format;
  guint meta_w, meta_h, meta_planes;
  gsize offset[GST_VIDEO_MAX_PLANES];
  gint stride[GST_VIDEO_MAX_PLANES];
  gsize size;
  guint n_mem;
  gsize split[2]; /* memory boundaries (byte offsets), n_mem - 1 of them */
  const gchar *hostile; /* what is wrong with it; NULL: valid */
} BufLayout;

typedef struct
{
  guint32 seed;
  guint index;
  guint32 rng;
  GstVideoFormat format;
  const gchar *site;
  gint in_w, in_h;
  gboolean fixed;
  gint out_w, out_h; /* the sink caps' size when fixed */
  Layout layout;
  BufLayout bl;
  guint n_frames;
  GstVideoInfo in_info;
  /* YUV in, RGB out: drawn from crng, not rng */
  guint32 crng;
  gboolean conv;
  GstVideoFormat out_format; /* the format out: format unless conv */
  gchar colorimetry[32];     /* the input caps' field ("": none) */
  GstVideoInfo caps_info;    /* the input caps as GStreamer reads them */
  /* integer-model: drawn from mrng, not rng */
  guint32 mrng;
  /* the library filters (methods area .. nearest-exact): from krng */
  guint32 krng;
  guint library_percent;
  /* letterbox, crop and pad-value: from grng */
  guint32 grng;
} Case;

/* per run: counts and the failures seen */
typedef struct
{
  guint32 seed;
  gboolean stop;
  guint convert_percent, library_percent, max_printed;
  guint cases, ok, refused, failed_cases, converting, converting_ok;
  /* cases that started on a library model; frames made by one, per model,
   * and those checked flat; frames on the default chain instead */
  guint library_cases, library_ok, lib_frames[3], lib_flat[3], lib_fallback;
  gboolean case_refused;
  /* frames with a letterbox, a crop or a pad-value set; those with pad
   * samples; those whose picture was not checked (see picture_checkable) */
  guint geom_frames, pad_frames, geom_unchecked;
  guint slowest;
  gdouble slowest_s;
  GHashTable *fail_count; /* kind -> count */
  GHashTable *fail_first; /* kind -> first message */
  GHashTable *refusals;   /* "layout: message" -> count */
  gboolean case_failed;
  /* frames passed through (equal sizes, no crop: no meta, the identity
   * geometry), and frames whose preset could not place the picture (the
   * meta says none, the picture fills the output) */
  guint passthrough_frames, lb_fallback;
  gchar desc[2048];
} Fuzz;

/* the case being run, for the crash handlers: a crash or a fatal
 * g_critical says which case it was */
static gchar crash_desc[2048];

/* the g_warnings of refused crops the fuzzer set on purpose (log_filter
 * takes them, and only them), and those seen */
static guint crop_refusals_asked, crop_refusals_seen;

static void
print_crash_desc (void)
{
  static const gchar pre[] = "\nalignscale-fuzz: crashed in ";
  static const gchar post[] = "\n";
  ssize_t r;

  r = write (STDERR_FILENO, pre, sizeof (pre) - 1);
  r = write (STDERR_FILENO, crash_desc, strlen (crash_desc));
  r = write (STDERR_FILENO, post, sizeof (post) - 1);
  (void) r;
}

#if defined(__SANITIZE_ADDRESS__)
/* ASan's and UBSan's runtimes (gcc links both) each have their own death
 * callback: set both, so a UBSan halt names the case too */
static void
set_death_callback (void (*callback) (void))
{
  void *ubsan = dlopen ("libubsan.so.1", RTLD_NOW | RTLD_NOLOAD);

  __sanitizer_set_death_callback (callback);
  if (ubsan) {
    void (*set) (void (*) (void)) = (void (*) (void (*) (void))) dlsym (
        ubsan, "__sanitizer_set_death_callback");

    if (set)
      set (callback);
    dlclose (ubsan);
  }
}
#endif

static void
crash_signal (int sig)
{
  print_crash_desc ();
  signal (sig, SIG_DFL);
  raise (sig);
}

/* ------------------------------------------------------------- random */

static guint32
rnd (guint32 *r, guint32 n)
{
  return n ? xorshift32 (r) % n : 0;
}

static gdouble
rnd_unit (guint32 *r)
{
  guint64 hi = xorshift32 (r) >> 5, lo = xorshift32 (r) >> 6;
  return (hi * 67108864.0 + lo) / 9007199254740992.0;
}

static gdouble
rnd_range (guint32 *r, gdouble a, gdouble b)
{
  return a + (b - a) * rnd_unit (r);
}

/* one seed per case from (seed, index): splitmix64 */
static guint32
case_seed (guint32 seed, guint index)
{
  guint64 x = ((guint64) seed << 32) ^ index;
  guint32 s;

  x += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  x ^= x >> 31;
  s = (guint32) x ^ (guint32) (x >> 32);
  return s ? s : 1;
}

/* a length biased toward small and edge values */
static gint
rnd_dim (guint32 *r)
{
  static const gint edge[] = { 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33,
    63, 64, 65, 127, 128, 129, 255, 256, 257, 511, 512, 513, 1023, 1024, 1025,
    2047, 2048, 2049, 4095, 4096, 4097, 8191, 8192, 8193, 16383, 16384, 16385,
    32766, 32767 };
  guint k = rnd (r, 100);

  if (k < 35)
    return 1 + rnd (r, 16);
  if (k < 55)
    return edge[rnd (r, 20)]; /* up to 128 */
  if (k < 60)
    return edge[rnd (r, G_N_ELEMENTS (edge))];
  if (k < 85)
    return (17 + rnd (r, 240)) | rnd (r, 2); /* odd more often */
  if (k < 97)
    return 257 + rnd (r, 1792);
  return 1 + rnd (r, MAX_SIZE);
}

/* a frame size with at most MAX_PIXELS pixels; now and then a strip */
static void
rnd_size (guint32 *r, gint *w, gint *h)
{
  if (rnd (r, 100) < 2) {
    gint thin = 1 + rnd (r, 3);
    if (rnd (r, 2)) {
      *w = MAX_SIZE;
      *h = thin;
    } else {
      *w = thin;
      *h = MAX_SIZE;
    }
    return;
  }
  *w = rnd_dim (r);
  *h = rnd_dim (r);
  if ((gint64) *w * *h > MAX_PIXELS) {
    /* the other length somewhere in [1, MAX_PIXELS / this] */
    if (rnd (r, 2))
      *h = 1 + rnd (r, MAX_PIXELS / *w);
    else
      *w = 1 + rnd (r, MAX_PIXELS / *h);
  }
}

static gdouble
rnd_scale (guint32 *r)
{
  static const gdouble special[] = { 1e-300, 1e-18, 1e-9, 1e-3, 0.1, 0.25, 0.5,
    0.55, 0.75, 1.0, 1.0, 1.5, 2.0, 3.7, 4.0, 10.0, 100.0, 32767.0 };
  guint k = rnd (r, 100);

  if (k < 40)
    return 0.0;
  if (k < 65)
    return special[rnd (r, G_N_ELEMENTS (special))];
  if (k < 92)
    return exp (rnd_range (r, log (0.05), log (8.0)));
  return exp (rnd_range (r, log (1e-12), log (32767.0)));
}

static void
rnd_roi (guint32 *r, gdouble *roi)
{
  static const gdouble edge[] = { 0.0, 1.0, 0.0, 1.0, 0.5, -0.0, 1e-9,
    1 - 1e-9 };
  guint k = rnd (r, 100);

  for (guint i = 0; i < 4; i++) {
    if (k < 30)
      roi[i] = i < 2 ? 0.0 : 1.0;
    else if (k < 60)
      roi[i] = i < 2 ? rnd_range (r, -0.3, 0.6) : rnd_range (r, 0.4, 1.3);
    else if (k < 75)
      roi[i] = edge[rnd (r, G_N_ELEMENTS (edge))];
    else if (k < 90)
      roi[i] = rnd_range (r, -1000.0, 1000.0);
    else
      roi[i] = rnd_range (r, -2.0, 3.0);
  }
  if (rnd (r, 20) == 0)
    roi[2] = roi[0]; /* an empty region */
}

/* IM_OPENCV or IM_PILLOW percent % of the time, else IM_EXACT */
static gint
draw_integer_model (guint32 *r, guint percent)
{
  if (rnd (r, 100) >= percent)
    return IM_EXACT;
  return rnd (r, 2) ? IM_PILLOW : IM_OPENCV;
}

static void
rnd_config (guint32 *r, Config *c)
{
  static const gdouble a[] = { -2.0, -0.75, -0.5, 0.0 };
  static const gdouble ev[] = { 0.0, 1.0, 0.5, 1.0 / 255 };

  c->method = rnd (r, 3);
  c->cmode = rnd (r, 7);
  if (rnd (r, 3) == 0)
    c->cmode = C_TF_CROP; /* the one with the most own properties */
  c->nmode = rnd (r, 5);
  c->aa = rnd (r, 2);
  c->excl = rnd (r, 2);
  c->cubic_a = rnd (r, 2) ? a[rnd (r, 4)] : rnd_range (r, -2.0, 0.0);
  c->sx = rnd_scale (r);
  c->sy = rnd (r, 3) ? rnd_scale (r) : c->sx;
  rnd_roi (r, c->roi);
  c->ev = rnd (r, 2) ? ev[rnd (r, 4)] : rnd_unit (r);
}

/* --------------------------------------------------------- prediction */

static gint
free_len (gint in, gdouble s)
{
  gdouble want;

  if (s <= 0)
    return in;
  want = floor (in * s);
  return (gint) CLAMP (want, 1, MAX_SIZE);
}

static void
expected_size (const Case *c, const Config *cfg, gint *w, gint *h)
{
  if (c->fixed) {
    *w = c->out_w;
    *h = c->out_h;
  } else {
    /* the crop's size where it fits the picture (as after videocrop) */
    const gint *k = cfg->crop;
    gboolean fits = k[2] > 0 && (gint64) k[0] + k[2] <= c->in_w
        && (gint64) k[1] + k[3] <= c->in_h;

    *w = free_len (fits ? k[2] : c->in_w, cfg->sx);
    *h = free_len (fits ? k[3] : c->in_h, cfg->sy);
  }
}

/* whether Image.resize's box= from the roi is one Pillow takes (model-pillow.c
 * pillow_prepare): the roi times the picture size in floats, inside the
 * picture, not reversed; with NEAREST every pixel of the affine map in it
 * (8-bit: accumulated in double; 16-bit: per pixel) */
static gboolean
pillow_box_empty (const Case *c, const Config *cfg)
{
  gint size[2] = { c->in_w, c->in_h };

  for (gint k = 0; k < 2; k++) {
    float b0 = (float) (cfg->roi[k] * size[k]);
    float b1 = (float) (cfg->roi[k + 2] * size[k]);
    if (b1 - b0 == 0.0f)
      return TRUE;
  }
  return FALSE;
}

static gboolean
pillow_box_ok (const Case *c, const Config *cfg)
{
  gint size[2] = { c->in_w, c->in_h }, out[2];
  gboolean acc = c->conv || GST_VIDEO_FORMAT_INFO_BITS (c->in_info.finfo) <= 8;
  float b[4];

  expected_size (c, cfg, &out[0], &out[1]);
  for (gint k = 0; k < 4; k++)
    b[k] = (float) (cfg->roi[k] * size[k % 2]);
  if (b[0] < 0 || b[1] < 0 || b[2] > size[0] || b[3] > size[1]
      || b[2] - b[0] < 0 || b[3] - b[1] < 0)
    return FALSE;
  if (!is_nearest (cfg->method))
    return TRUE;
  for (gint k = 0; k < 2; k++) {
    gdouble a = (gdouble) (float) (b[k + 2] - b[k]) / out[k];
    gdouble x = (gdouble) b[k] + a * 0.5;

    for (gint i = 0; i < out[k]; i++, x += a) {
      gdouble v = acc ? x : a * (i + 0.5) + (gdouble) b[k];
      if (!(v >= 0.0) || (gint) v >= size[k])
        return FALSE;
    }
  }
  return TRUE;
}

/* integer-model's library model makes the planes (else the default chain
 * does): all of them or none, since they are all 8-bit (every plane of an
 * 8-bit format, the working frame of a conversion) or none is, and Pillow
 * takes 16-bit planes with NEAREST only; Pillow's tf-crop-and-resize roi
 * is its box=, on no frame with a subsampled plane, and only where Pillow
 * takes the box (else the default chain, extrapolation and all) */
static gboolean
library_covers (const Case *c, const Config *cfg)
{
  const GstVideoFormatInfo *fi = c->in_info.finfo;

  /* samples of more than 8 bits: nearest, and OpenCV's uint16 paths on
   * full 16-bit samples (not 10 or 12 bits) */
  if (cfg->im == IM_EXACT
      || (!c->conv && GST_VIDEO_FORMAT_INFO_BITS (fi) > 8
          && !is_nearest (cfg->method)
          && (cfg->im != IM_OPENCV
              || GST_VIDEO_FORMAT_INFO_DEPTH (fi, 0) != 16)))
    return FALSE;
  if (cfg->im == IM_PILLOW && cfg->cmode == C_TF_CROP) {
    for (guint k = 0; !c->conv && k < GST_VIDEO_FORMAT_INFO_N_COMPONENTS (fi);
         k++)
      if (GST_VIDEO_FORMAT_INFO_W_SUB (fi, k)
          || GST_VIDEO_FORMAT_INFO_H_SUB (fi, k))
        return FALSE;
    if (!pillow_box_ok (c, cfg))
      return FALSE;
  }
  if (cfg->im == IM_PILLOW)
    return cfg->method != M_AREA && cfg->method != M_LANCZOS4;
  /* opencv: INTER_NEAREST(_EXACT), INTER_AREA; INTER_LINEAR(_EXACT),
   * INTER_CUBIC, INTER_LANCZOS4 without antialias */
  return is_nearest (cfg->method) || cfg->method == M_AREA
      || ((cfg->method == M_BILINEAR || cfg->method == M_BILINEAR_EXACT
              || cfg->method == M_BICUBIC || cfg->method == M_LANCZOS4)
          && !cfg->aa);
}

/* always antialiased (Image.resize has no other) */
static gboolean
pillow_filter (gint method)
{
  return method == M_BOX || method == M_HAMMING || method == M_LANCZOS;
}

/* the kernel's half-width before any stretch */
static gdouble
support (gint method)
{
  static const gdouble s[N_METHODS] = { 0, 1, 2, 1, 0.5, 1, 3, 4, 1, 0 };

  return s[method];
}

/* Pillow resizes an 'RGBA' image premultiplied (every filter but NEAREST,
 * unless Image.resize returns a copy: the same size, the whole box): a
 * flat colour comes back as its round trip (stages.h) */
static gboolean
pillow_premultiplies (const Case *c, const Config *cfg)
{
  gint ow, oh;

  if (cfg->im != IM_PILLOW || is_nearest (cfg->method)
      || !library_covers (c, cfg))
    return FALSE;
  expected_size (c, cfg, &ow, &oh);
  return ow != c->in_w || oh != c->in_h
      || (cfg->cmode == C_TF_CROP
          && (cfg->roi[0] * c->in_w != 0 || cfg->roi[1] * c->in_h != 0
              || cfg->roi[2] * c->in_w != c->in_w
              || cfg->roi[3] * c->in_h != c->in_h));
}

static guint16
pillow_round_trip (guint c, guint a)
{
  guint t = c * a + 128, p = ((t >> 8) + t) >> 8;

  return a == 0 || a == 255 ? p : MIN (255, 255 * p / a);
}

/* taps per output sample on one axis, as resample.c sizes them (lib: as
 * the library model does, from the sizes alone) */
static gdouble
axis_taps (const Config *c, gboolean lib, gint in, gint out, gdouble s,
    gdouble r0, gdouble r1)
{
  gdouble slope, taps;

  if (lib) {
    if (is_nearest (c->method))
      taps = 1;
    else if (c->im == IM_OPENCV)
      taps = c->method == M_LANCZOS4 ? 8
          : c->method == M_BICUBIC   ? 4
          : c->method == M_AREA      ? ceil ((gdouble) in / out) + 1.0
                                     : 2;
    else /* Pillow: always antialiased */
      taps = 2.0 * ceil (support (c->method) * MAX ((gdouble) in / out, 1.0))
          + 1.0;
    return CLAMP (taps, 1, in);
  }
  if (c->cmode == C_TF_CROP)
    slope = fabs (r1 - r0) * (in - 1) / MAX (out - 1, 1);
  else if (c->cmode == C_ALIGN_CORNERS)
    slope = (gdouble) (in - 1) / MAX (out - 1, 1);
  else
    slope = s > 0 ? 1.0 / s : (gdouble) in / out;
  if (c->method == M_AREA)
    return CLAMP (ceil ((gdouble) in / out) + 1.0, 1, in);
  taps = c->method == M_LANCZOS4 ? 8 : c->method == M_BICUBIC ? 4 : 2;
  if ((c->aa || pillow_filter (c->method)) && !is_nearest (c->method)) {
    gdouble sup = support (c->method) * MAX (slope, 1.0);
    taps = ceil (2.0 * sup) + 2.0;
  }
  return CLAMP (taps, 1, in);
}

/* bytes per picture pixel, all planes */
static gdouble
pixel_bytes (const GstVideoFormatInfo *finfo)
{
  gdouble b = 0;

  for (guint p = 0; p < GST_VIDEO_FORMAT_INFO_N_PLANES (finfo); p++) {
    gint comp[GST_VIDEO_MAX_COMPONENTS], c;

    gst_video_format_info_component (finfo, p, comp);
    c = comp[0];
    b += (gdouble) GST_VIDEO_FORMAT_INFO_PSTRIDE (finfo, c)
        / (1 << GST_VIDEO_FORMAT_INFO_W_SUB (finfo, c))
        / (1 << GST_VIDEO_FORMAT_INFO_H_SUB (finfo, c));
  }
  return b;
}

/* can this configuration run on this case within the time budget? */
static gboolean
config_fits (const Case *c, const Config *cfg)
{
  gint ow, oh;
  gdouble tx, ty, hf, vf, bytes;
  gboolean lib = library_covers (c, cfg);

  expected_size (c, cfg, &ow, &oh);
  if ((gint64) ow * oh > MAX_PIXELS)
    return FALSE;
  tx = axis_taps (cfg, lib, c->in_w, ow, cfg->sx, cfg->roi[0], cfg->roi[2]);
  ty = axis_taps (cfg, lib, c->in_h, oh, cfg->sy, cfg->roi[1], cfg->roi[3]);
  /* a box of no width at the far edge leaves Pillow's BOX window empty:
   * its bytes are 0 there, not the flat value (golden-libs has Pillow's
   * own); not drawn */
  if (lib && cfg->im == IM_PILLOW && cfg->cmode == C_TF_CROP
      && cfg->method == M_BOX && pillow_box_empty (c, cfg))
    return FALSE;
  /* Pillow's windows: flat stays flat while the 22-bit weights of a window
   * (each rounded by at most half) sum within 8224 of 2^22 (the header) */
  if (lib && cfg->im == IM_PILLOW && MAX (tx, ty) > 2 * 8224)
    return FALSE;
  /* tables far beyond AS_MAX_TABLE_TAPS (2^24) are refused before any work */
  if (ow * tx > (1 << 25) || oh * ty > (1 << 25))
    return TRUE;
  bytes = pixel_bytes (c->in_info.finfo);
  hf = (gdouble) c->in_h * ow * tx + (gdouble) oh * ow * ty;
  vf = (gdouble) c->in_w * oh * ty + (gdouble) oh * ow * tx;
  if (c->conv) {
    /* resized: the 8-bit working frame of the output's channels; read: every
     * input pixel converted once at worst, in doubles (~8 times a copy) */
    gdouble work = pixel_bytes (gst_video_format_get_info (c->out_format));

    return MIN (hf, vf) * work + (gdouble) c->in_w * c->in_h * (bytes + 8.0)
        < MAX_COST;
  }
  return MIN (hf, vf) * bytes + (gdouble) c->in_w * c->in_h * bytes < MAX_COST;
}

/* a third of the draws take one of the methods added with the library
 * filters, from krng: rng's draws stay those of old */
static void
draw_filter (Case *c, Config *cfg)
{
  if (rnd (&c->krng, 3) == 0)
    cfg->method = M_AREA + rnd (&c->krng, N_METHODS - M_AREA);
}

/* a random configuration that fits, or a plain one */
static void
fitting_config (Case *c, Config *cfg)
{
  for (guint t = 0; t < 30; t++) {
    rnd_config (&c->rng, cfg);
    draw_filter (c, cfg);
    if (config_fits (c, cfg))
      return;
  }
  cfg->aa = FALSE;
  cfg->sx = cfg->sy = 0.0;
  if (!config_fits (c, cfg))
    cfg->cmode = 0;
}

/* -------------------------------------------------------------- layout */

static void
plane_geom (const GstVideoInfo *info, guint p, gint *rows, gsize *row)
{
  gint comp[GST_VIDEO_MAX_COMPONENTS];

  gsize bps = GST_VIDEO_FORMAT_INFO_BITS (info->finfo) > 8 ? 2 : 1;

  gst_video_format_info_component (info->finfo, p, comp);
  *rows = GST_VIDEO_INFO_COMP_HEIGHT (info, comp[0]);
  *row = (gsize) GST_VIDEO_INFO_COMP_WIDTH (info, comp[0])
      * GST_VIDEO_INFO_COMP_PSTRIDE (info, comp[0]);
  /* packed 4:2:2 of an odd width: the last pair's chroma lies past its Y */
  for (guint k = 0; k < GST_VIDEO_MAX_COMPONENTS && comp[k] >= 0; k++)
    *row = MAX (*row,
        GST_VIDEO_FORMAT_INFO_POFFSET (info->finfo, comp[k])
            + (gsize) (GST_VIDEO_INFO_COMP_WIDTH (info, comp[k]) - 1)
                * GST_VIDEO_INFO_COMP_PSTRIDE (info, comp[k])
            + bps);
}

static gboolean
is_16bit (const GstVideoInfo *info)
{
  return GST_VIDEO_FORMAT_INFO_BITS (info->finfo) > 8;
}

/* padded strides, gaps before planes, planes in any order */
static void
padded_layout (guint32 *r, const GstVideoInfo *info, BufLayout *bl)
{
  guint n = GST_VIDEO_INFO_N_PLANES (info), order[GST_VIDEO_MAX_PLANES];
  gboolean even = is_16bit (info);
  gsize pos = 0;

  for (guint p = 0; p < n; p++)
    order[p] = p;
  if (rnd (r, 3) == 0)
    for (guint p = n; p > 1; p--) {
      guint k = rnd (r, p), t = order[p - 1];
      order[p - 1] = order[k];
      order[k] = t;
    }
  for (guint i = 0; i < n; i++) {
    guint p = order[i];
    gint rows;
    gsize row, pad, gap;

    plane_geom (info, p, &rows, &row);
    switch (rnd (r, 5)) {
      case 0:
        pad = 0;
        break;
      case 1:
        pad = rnd (r, 8);
        break;
      case 2:
        pad = rnd (r, 64);
        break;
      case 3:
        pad = (GST_ROUND_UP_64 (row) - row); /* 64-byte aligned */
        break;
      default:
        pad = rows <= 64 ? 4096 + rnd (r, 64) : rnd (r, 300);
        break;
    }
    if ((gsize) rows * (row + pad) > ((gsize) 1 << 23))
      pad = rnd (r, 4);
    gap = rnd (r, 3) == 0 ? 0 : rnd (r, 2) ? rnd (r, 16) : rnd (r, 512);
    if (even) {
      pad += pad & 1;
      gap += gap & 1;
    }
    bl->stride[p] = (gint) (row + pad);
    bl->offset[p] = pos + gap;
    /* the last row without its padding now and then */
    pos = bl->offset[p] + (gsize) bl->stride[p] * (rows - 1) + row
        + (rnd (r, 2) ? pad : 0);
  }
  bl->size = pos + (rnd (r, 2) ? 0 : rnd (r, 64));
  bl->meta = TRUE;
}

static void
default_layout (const GstVideoInfo *info, BufLayout *bl)
{
  for (guint p = 0; p < GST_VIDEO_INFO_N_PLANES (info); p++) {
    bl->offset[p] = GST_VIDEO_INFO_PLANE_OFFSET (info, p);
    bl->stride[p] = GST_VIDEO_INFO_PLANE_STRIDE (info, p);
  }
  bl->size = GST_VIDEO_INFO_SIZE (info);
}

static int
cmp_gsize (gconstpointer a, gconstpointer b)
{
  gsize x = *(const gsize *) a, y = *(const gsize *) b;
  return x < y ? -1 : x > y;
}

/* 1-2 memory boundaries: anywhere, inside a plane, or at a plane start */
static void
split_points (guint32 *r, const GstVideoInfo *info, BufLayout *bl)
{
  guint want = 1 + rnd (r, 2), n = 0;
  gsize pts[2];

  if (bl->size < 2) {
    bl->n_mem = 1;
    return;
  }
  for (guint i = 0; i < want; i++) {
    guint p = rnd (r, GST_VIDEO_INFO_N_PLANES (info));
    gint rows;
    gsize row, span, at;

    plane_geom (info, p, &rows, &row);
    span = (gsize) bl->stride[p] * (rows - 1) + row;
    switch (rnd (r, 3)) {
      case 0:
        at = 1 + rnd (r, (guint32) MIN (bl->size - 1, G_MAXUINT32));
        break;
      case 1:
        at = bl->offset[p] + 1 + rnd (r, (guint32) MIN (span, G_MAXUINT32));
        break;
      default:
        at = bl->offset[p];
        break;
    }
    if (at > 0 && at < bl->size && (n == 0 || at != pts[0]))
      pts[n++] = at;
  }
  if (n == 0)
    pts[n++] = bl->size / 2;
  qsort (pts, n, sizeof (gsize), cmp_gsize);
  memcpy (bl->split, pts, sizeof (pts));
  bl->n_mem = n + 1;
}

/* a GstVideoMeta that does not describe the buffer it is on */
static void
hostile_layout (guint32 *r, const GstVideoInfo *info, BufLayout *bl)
{
  guint n = GST_VIDEO_INFO_N_PLANES (info), p = rnd (r, n), kind;
  gint rows;
  gsize row;

  default_layout (info, bl);
  bl->meta = TRUE;
  plane_geom (info, p, &rows, &row);
  kind = rnd (r, is_16bit (info) ? 9 : 8);
  if (kind == 4 && rows == 1)
    kind = 5; /* one row: any stride is fine */
  switch (kind) {
    case 0:
      bl->stride[p] = rnd (r, (guint32) row); /* 0 .. row - 1 */
      bl->hostile = "stride < row";
      break;
    case 1:
      bl->stride[p] = -(gint) (1 + rnd (r, (guint32) row));
      bl->hostile = "negative stride";
      break;
    case 2:
      /* offset + stride * rows wraps around 2^64 to a small number */
      bl->offset[p] = G_MAXSIZE - rnd (r, 64);
      bl->hostile = "offset near 2^64";
      break;
    case 3: {
      /* offset + span = 2^64 + k, k < span: the offset itself must not
       * wrap (that would be a valid small offset) */
      gsize span = (gsize) bl->stride[p] * (rows - 1) + row;
      bl->offset[p] = G_MAXSIZE - span + 1 + rnd (r, (guint32) MIN (span, 16));
      bl->hostile = "offset + plane wraps to a few bytes";
      break;
    }
    case 4:
      bl->stride[p] = G_MAXINT - (gint) rnd (r, 2);
      bl->hostile = "stride G_MAXINT";
      break;
    case 5:
      bl->offset[p] = bl->size - rnd (r, (guint32) MIN (row, bl->size));
      bl->hostile = "plane runs past the end";
      break;
    case 6:
      if (info->width > 1 && rnd (r, 2))
        bl->meta_w = 1 + rnd (r, info->width - 1);
      else
        bl->meta_h = rnd (r, info->height);
      bl->hostile = "meta smaller than the caps";
      break;
    case 7: {
      /* another format with as many planes: the meta says what the bytes
       * are, and they are not what the caps say */
      static const GstVideoFormat other[] = { GST_VIDEO_FORMAT_GRAY8,
        GST_VIDEO_FORMAT_Y42B, GST_VIDEO_FORMAT_NV12 };
      GstVideoFormat f = other[n == 1 ? 0 : n == 3 ? 1 : 2];

      if (f == GST_VIDEO_INFO_FORMAT (info))
        f = n == 1   ? GST_VIDEO_FORMAT_GRAY16_LE
            : n == 3 ? GST_VIDEO_FORMAT_Y444
                     : GST_VIDEO_FORMAT_NV21;
      bl->meta_format = f;
      bl->hostile = "meta format differs from the caps";
      break;
    }
    default:
      bl->offset[p] += 1;
      bl->size += 2;
      bl->hostile = "odd offset for 16-bit samples";
      break;
  }
}

/* the bytes a valid layout needs: the end of its last plane */
static gsize
layout_need (const GstVideoInfo *info, const BufLayout *bl)
{
  gsize need = 0;

  for (guint p = 0; p < GST_VIDEO_INFO_N_PLANES (info); p++) {
    gint rows;
    gsize row;

    plane_geom (info, p, &rows, &row);
    need = MAX (need, bl->offset[p] + (gsize) bl->stride[p] * (rows - 1) + row);
  }
  return need;
}

static void
case_layout (Case *c)
{
  guint32 *r = &c->rng;
  BufLayout *bl = &c->bl;
  const GstVideoInfo *info = &c->in_info;
  gsize need, cut;

  memset (bl, 0, sizeof (*bl));
  bl->meta_format = GST_VIDEO_INFO_FORMAT (info);
  bl->meta_w = info->width;
  bl->meta_h = info->height;
  bl->meta_planes = GST_VIDEO_INFO_N_PLANES (info);
  bl->n_mem = 1;
  switch (c->layout) {
    case L_DEFAULT:
      default_layout (info, bl);
      break;
    case L_PADDED:
      padded_layout (r, info, bl);
      break;
    case L_SPLIT:
      if (rnd (r, 2))
        padded_layout (r, info, bl);
      else
        default_layout (info, bl);
      /* a default layout without a meta now and then */
      bl->meta = bl->meta || rnd (r, 4) != 0;
      split_points (r, info, bl);
      break;
    case L_SHORT:
      if (rnd (r, 2)) {
        padded_layout (r, info, bl);
      } else {
        default_layout (info, bl);
        bl->meta = rnd (r, 2);
      }
      need = layout_need (info, bl);
      cut = rnd (r, 2) ? 8 : G_MAXUINT32;
      bl->size = need - 1 - rnd (r, (guint32) MIN (need, cut));
      bl->hostile = "short buffer";
      break;
    case L_HOSTILE:
      hostile_layout (r, info, bl);
      break;
    case L_ODD:
      if (rnd (r, 2))
        padded_layout (r, info, bl);
      else
        default_layout (info, bl);
      break;
    default:
      g_assert_not_reached ();
  }
}

/* ------------------------------------------------------------ pictures */

/* one pixel of plane p with every component at its value; mask marks the
 * component bytes (not the x of RGBx & co, which nobody promises) */
static gint
pixel_pattern (const GstVideoFormatInfo *finfo, guint p, const guint16 *val,
    guint8 *pat, guint8 *mask)
{
  gint comp[GST_VIDEO_MAX_COMPONENTS], ps;

  gst_video_format_info_component (finfo, p, comp);
  /* the period: packed 4:2:2's Y U Y V is one pattern of 4 bytes */
  ps = 0;
  for (guint i = 0; i < GST_VIDEO_MAX_COMPONENTS && comp[i] >= 0; i++)
    ps = MAX (ps, GST_VIDEO_FORMAT_INFO_PSTRIDE (finfo, comp[i]));
  memset (pat, 0x5c, ps);
  memset (mask, 0, ps);
  for (guint i = 0; i < GST_VIDEO_MAX_COMPONENTS && comp[i] >= 0; i++) {
    gint c = comp[i], off = comp_offset (finfo, c);
    gint cps = GST_VIDEO_FORMAT_INFO_PSTRIDE (finfo, c);

    if (GST_VIDEO_FORMAT_INFO_BITS (finfo) > 8) {
      /* on the component's grid, in its bits and byte order */
      gint depth = GST_VIDEO_FORMAT_INFO_DEPTH (finfo, c);
      guint16 v = (guint16) ((val[c] & ((1u << depth) - 1))
          << GST_VIDEO_FORMAT_INFO_SHIFT (finfo, c));
      gboolean le = GST_VIDEO_FORMAT_INFO_IS_LE (finfo);
      for (gint o = off; o < ps; o += cps) {
        pat[o + !le] = v & 0xff;
        pat[o + le] = v >> 8;
        mask[o] = mask[o + 1] = 1;
      }
    } else {
      /* every occurrence in the period (packed 4:2:2 has two Y) */
      for (gint o = off; o < ps; o += cps) {
        pat[o] = (guint8) val[c];
        mask[o] = 1;
      }
    }
  }
  return ps;
}

/* mask without the bytes of period `period` that belong to pixels past a
 * component's width */
static void
last_period_mask (const GstVideoInfo *info, guint p, gint ps, gsize period,
    const guint8 *mask, guint8 *out)
{
  gint comp[GST_VIDEO_MAX_COMPONENTS];
  gint bps = GST_VIDEO_FORMAT_INFO_BITS (info->finfo) > 8 ? 2 : 1;

  memcpy (out, mask, ps);
  gst_video_format_info_component (info->finfo, p, comp);
  for (guint i = 0; i < GST_VIDEO_MAX_COMPONENTS && comp[i] >= 0; i++) {
    gint c = comp[i], off = comp_offset (info->finfo, c);
    gint cps = GST_VIDEO_FORMAT_INFO_PSTRIDE (info->finfo, c);

    for (gint o = off, k = 0; o < ps; o += cps, k++)
      if (period * (ps / cps) + k
          >= (gsize) GST_VIDEO_INFO_COMP_WIDTH (info, c))
        memset (out + o, 0, bps);
  }
}

/* write the picture into data as the layout says (only the bytes that fit:
 * hostile layouts point outside); flat when noise is NULL */
static void
write_picture (guint8 *data, gsize size, const GstVideoInfo *info,
    const BufLayout *bl, const guint16 *val, guint32 *noise)
{
  for (guint p = 0; p < GST_VIDEO_INFO_N_PLANES (info); p++) {
    guint8 pat[8], mask[8];
    gint rows, ps = pixel_pattern (info->finfo, p, val, pat, mask);
    gsize row;

    plane_geom (info, p, &rows, &row);
    if (bl->stride[p] <= 0)
      continue;
    for (gint y = 0; y < rows; y++) {
      guint64 start = (guint64) bl->offset[p] + (guint64) y * bl->stride[p];
      guint8 *d;

      if (start < bl->offset[p] || start >= size || size - start < row)
        continue;
      d = data + start;
      for (gsize x = 0; x < row; x++)
        d[x] = noise ? xorshift32 (noise) >> 24 : pat[x % ps];
    }
  }
}

static void
buffer_from_bytes_free (gpointer data)
{
  g_free (data);
}

/* the input buffer: data (size bytes) laid out as bl says */
static GstBuffer *
make_buffer (const guint8 *data, const BufLayout *bl, const GstVideoInfo *info,
    gboolean odd, gboolean single)
{
  GstBuffer *buf;

  if (odd) {
    guint8 *mem = g_malloc (bl->size + 1);

    memcpy (mem + 1, data, bl->size);
    buf = gst_buffer_new_wrapped_full (
        0, mem, bl->size + 1, 1, bl->size, mem, buffer_from_bytes_free);
  } else if (bl->size == 0) {
    buf = gst_buffer_new ();
  } else if (single || bl->n_mem < 2) {
    buf = gst_buffer_new_allocate (NULL, bl->size, NULL);
    gst_buffer_fill (buf, 0, data, bl->size);
  } else {
    gsize start = 0;

    buf = gst_buffer_new ();
    for (guint m = 0; m < bl->n_mem; m++) {
      gsize end = m + 1 < bl->n_mem ? bl->split[m] : bl->size;
      GstMemory *mem = gst_allocator_alloc (NULL, end - start, NULL);
      GstMapInfo map;

      gst_memory_map (mem, &map, GST_MAP_WRITE);
      memcpy (map.data, data + start, end - start);
      gst_memory_unmap (mem, &map);
      gst_buffer_append_memory (buf, mem);
      start = end;
    }
  }
  if (bl->meta)
    gst_buffer_add_video_meta_full (buf, GST_VIDEO_FRAME_FLAG_NONE,
        bl->meta_format, bl->meta_w, bl->meta_h, bl->meta_planes,
        (gsize *) bl->offset, (gint *) bl->stride);
  return buf;
}

/* ---------------------------------------------------------- reporting */

static void
describe_config (const Config *c, gboolean conv, gchar *s, gsize n)
{
  g_snprintf (s, n,
      "method=%s coordinate-mode=%s antialias=%d cubic-a=%.17g "
      "exclude-outside=%d nearest-mode=%s scale-factor-x=%.17g "
      "scale-factor-y=%.17g roi=<%.17g,%.17g,%.17g,%.17g> "
      "extrapolation-value=%.17g%s%s integer-model=%s",
      method_nick[c->method], cmode_nick[c->cmode], c->aa, c->cubic_a, c->excl,
      nmode_nick[c->nmode], c->sx, c->sy, c->roi[0], c->roi[1], c->roi[2],
      c->roi[3], c->ev, conv ? " chroma-upsampling=" : "",
      conv ? cu_nick[c->cu] : "", im_nick[c->im]);
  g_snprintf (s + strlen (s), n - strlen (s), " letterbox=%s", lb_nick[c->lb]);
  if (c->crop[2])
    g_snprintf (s + strlen (s), n - strlen (s), " crop=<%d,%d,%d,%d>",
        c->crop[0], c->crop[1], c->crop[2], c->crop[3]);
  for (guint i = 0; i < c->n_pad; i++)
    g_snprintf (s + strlen (s), n - strlen (s), "%s%.17g%s",
        i ? "," : " pad-value=<", c->pad[i], i + 1 == c->n_pad ? ">" : "");
}

static void
describe_layout (const Case *c, gchar *s, gsize n)
{
  const BufLayout *bl = &c->bl;
  GString *g = g_string_new (NULL);

  g_string_append_printf (g, "layout=%s", layout_name[c->layout]);
  if (bl->hostile)
    g_string_append_printf (g, " (%s)", bl->hostile);
  g_string_append_printf (g, " size=%" G_GSIZE_FORMAT, bl->size);
  if (bl->meta) {
    g_string_append_printf (g, " meta=%s,%ux%u,%u planes offsets=[",
        gst_video_format_to_string (bl->meta_format), bl->meta_w, bl->meta_h,
        bl->meta_planes);
    for (guint p = 0; p < GST_VIDEO_INFO_N_PLANES (&c->in_info); p++)
      g_string_append_printf (
          g, "%s%" G_GSIZE_FORMAT, p ? "," : "", bl->offset[p]);
    g_string_append (g, "] strides=[");
    for (guint p = 0; p < GST_VIDEO_INFO_N_PLANES (&c->in_info); p++)
      g_string_append_printf (g, "%s%d", p ? "," : "", bl->stride[p]);
    g_string_append (g, "]");
  } else {
    g_string_append (g, " no meta");
  }
  if (bl->n_mem > 1) {
    g_string_append (g, " memories split at");
    for (guint m = 0; m + 1 < bl->n_mem; m++)
      g_string_append_printf (g, " %" G_GSIZE_FORMAT, bl->split[m]);
  }
  if (c->layout == L_ODD)
    g_string_append (g, " data at an odd address");
  g_strlcpy (s, g->str, n);
  g_string_free (g, TRUE);
}

/* the one-line description of a case at one frame */
static void
describe (Fuzz *fz, const Case *c, const Config *cfg, guint frame)
{
  gchar cs[1024], ls[512], col[96] = "", out[64] = "", conv_env[96] = "";
  gint ow, oh;

  expected_size (c, cfg, &ow, &oh);
  describe_config (cfg, c->conv, cs, sizeof (cs));
  if (cfg->im != IM_EXACT)
    g_strlcat (cs,
        library_covers (c, cfg) ? " (the library's model)"
                                : " (not covered: the default chain)",
        sizeof (cs));
  describe_layout (c, ls, sizeof (ls));
  if (c->conv) {
    gchar *read = gst_video_colorimetry_to_string (&c->caps_info.colorimetry);

    /* the caps' field, and what GStreamer makes of it */
    if (c->colorimetry[0])
      g_snprintf (col, sizeof (col), ",colorimetry=%s (read as %s)",
          c->colorimetry, read);
    else
      g_snprintf (col, sizeof (col), " (no colorimetry: %s)", read);
    g_free (read);
    g_snprintf (
        out, sizeof (out), "%s ", gst_video_format_to_string (c->out_format));
  }
  /* which YUV cases convert depends on the percentage */
  if (fz->convert_percent != DEFAULT_CONVERT_PERCENT)
    g_snprintf (conv_env, sizeof (conv_env), " ALIGNSCALE_FUZZ_CONVERT=%u",
        fz->convert_percent);
  /* and which start on a library model, on this one */
  if (fz->library_percent != DEFAULT_LIBRARY_PERCENT)
    g_snprintf (conv_env + strlen (conv_env),
        sizeof (conv_env) - strlen (conv_env), " ALIGNSCALE_FUZZ_LIBRARY=%u",
        fz->library_percent);
  g_snprintf (fz->desc, sizeof (fz->desc),
      "[rerun: ALIGNSCALE_FUZZ_SEED=%u ALIGNSCALE_FUZZ_CASE=%u%s] seed %u "
      "case %u frame %u/%u: %s%s%s %dx%d -> %s%dx%d %s; %s; %s",
      c->seed, c->index, conv_env, c->seed, c->index, frame + 1, c->n_frames,
      gst_video_format_to_string (c->format), c->site, col, c->in_w, c->in_h,
      out, ow, oh,
      c->fixed ? "(fixed by the sink caps)"
               : "(free: from the crop and the scale factors)",
      cs, ls);
  g_strlcpy (crash_desc, fz->desc, sizeof (crash_desc));
}

/* a failed check: counted per kind, the first few printed; fatal at once
 * with ALIGNSCALE_FUZZ_STOP */
static void fuzz_fail (Fuzz *fz, const gchar *kind, const gchar *fmt, ...)
    G_GNUC_PRINTF (3, 4);

static void
fuzz_fail (Fuzz *fz, const gchar *kind, const gchar *fmt, ...)
{
  va_list args;
  gchar *what, *msg;
  guint n;

  va_start (args, fmt);
  what = g_strdup_vprintf (fmt, args);
  va_end (args);
  msg = g_strdup_printf ("%s: %s -- %s", kind, what, fz->desc);
  g_free (what);
  if (fz->stop)
    fail ("%s", msg);
  fz->case_failed = TRUE;
  n = GPOINTER_TO_UINT (g_hash_table_lookup (fz->fail_count, kind)) + 1;
  g_hash_table_insert (fz->fail_count, (gpointer) kind, GUINT_TO_POINTER (n));
  if (n == 1)
    g_hash_table_insert (fz->fail_first, (gpointer) kind, g_strdup (msg));
  if (n <= fz->max_printed)
    g_printerr ("fuzz FAILURE %s\n", msg);
  g_free (msg);
}

/* a g_critical or g_warning while a case runs (gst-check makes them
 * fatal): counted as a failure of that case, which then goes on; with
 * ALIGNSCALE_FUZZ_STOP, left fatal after naming the case */
static gboolean
log_filter (const gchar *domain, GLogLevelFlags level, const gchar *message,
    gpointer user_data)
{
  Fuzz *fz = user_data;
  const gchar *kind = (level & G_LOG_LEVEL_CRITICAL) ? "g_critical"
                                                     : "g_warning";

  /* a crop refused on purpose (change_geometry) */
  if (!(level & G_LOG_LEVEL_CRITICAL)
      && crop_refusals_seen < crop_refusals_asked
      && strstr (message, "crop needs")) {
    crop_refusals_seen++;
    return TRUE;
  }

  if (fz->stop) {
    g_printerr ("fuzz FAILURE %s: %s: %s -- %s\n", kind, GST_STR_NULL (domain),
        message, fz->desc);
    return FALSE;
  }
  fuzz_fail (fz, kind, "%s: %s", GST_STR_NULL (domain), message);
  return TRUE;
}

#define fuzz_check(fz, cond, kind, ...)                                        \
  G_STMT_START                                                                 \
  {                                                                            \
    if (G_UNLIKELY (!(cond)))                                                  \
      fuzz_fail ((fz), (kind), __VA_ARGS__);                                   \
  }                                                                            \
  G_STMT_END

/* ------------------------------------------------------ output checks */

/* the planes of buf as its own GstVideoMeta or else the caps lay them out;
 * the whole buffer is mapped (merged), so a plane across memories reads
 * fine here */
static gboolean
map_planes (Fuzz *fz, GstBuffer *buf, const GstVideoInfo *info, GstMapInfo *map,
    const guint8 **plane, gint *stride, const gchar *what)
{
  GstVideoMeta *meta = gst_buffer_get_video_meta (buf);
  gsize offset[GST_VIDEO_MAX_PLANES];

  if (meta) {
    if (meta->format != GST_VIDEO_INFO_FORMAT (info)
        || meta->width < (guint) info->width
        || meta->height < (guint) info->height
        || meta->n_planes != GST_VIDEO_INFO_N_PLANES (info)) {
      fuzz_fail (fz, "output-bad-meta",
          "%s meta %s %ux%u %u planes, caps %s %dx%d", what,
          gst_video_format_to_string (meta->format), meta->width, meta->height,
          meta->n_planes, GST_VIDEO_INFO_NAME (info), info->width,
          info->height);
      return FALSE;
    }
  } else if (gst_buffer_get_size (buf) != GST_VIDEO_INFO_SIZE (info)) {
    fuzz_fail (fz, "output-size",
        "%s buffer has %" G_GSIZE_FORMAT
        " bytes, caps %s %dx%d need %" G_GSIZE_FORMAT,
        what, gst_buffer_get_size (buf), GST_VIDEO_INFO_NAME (info),
        info->width, info->height, GST_VIDEO_INFO_SIZE (info));
    return FALSE;
  }
  if (!gst_buffer_map (buf, map, GST_MAP_READ)) {
    fuzz_fail (fz, "output-map", "%s buffer cannot be mapped", what);
    return FALSE;
  }
  for (guint p = 0; p < GST_VIDEO_INFO_N_PLANES (info); p++) {
    gint rows;
    gsize row;
    guint64 end;

    plane_geom (info, p, &rows, &row);
    offset[p] = meta ? meta->offset[p] : GST_VIDEO_INFO_PLANE_OFFSET (info, p);
    stride[p] = meta ? meta->stride[p] : GST_VIDEO_INFO_PLANE_STRIDE (info, p);
    end = (guint64) offset[p] + (guint64) MAX (stride[p], 0) * (rows - 1) + row;
    if (stride[p] < (gint) row || offset[p] > map->size || end > map->size) {
      fuzz_fail (fz, "output-layout",
          "%s plane %u: offset %" G_GSIZE_FORMAT
          " stride %d rows %d of %" G_GSIZE_FORMAT
          " bytes do not fit %" G_GSIZE_FORMAT " bytes",
          what, p, offset[p], stride[p], rows, row, map->size);
      gst_buffer_unmap (buf, map);
      return FALSE;
    }
    plane[p] = map->data + offset[p];
  }
  return TRUE;
}

/* equal bytes where the mask is set, or within tol of each other (8-bit
 * samples) */
static gboolean
masked_near (
    const guint8 *a, const guint8 *b, const guint8 *mask, gint n, gint tol)
{
  for (gint i = 0; i < n; i++)
    if (mask[i] && ABS ((gint) a[i] - (gint) b[i]) > tol)
      return FALSE;
  return TRUE;
}

static gboolean
masked_equal (const guint8 *a, const guint8 *b, const guint8 *mask, gint n)
{
  return masked_near (a, b, mask, n, 0);
}

/* OpenCV's INTER_LANCZOS4 does not renormalise its 11-bit weights (rows
 * sum to 2045..2051, docs/integer-models.md): a flat v comes back as
 * v S_x S_y / 2^22 rounded, within 255 (1 - 2045^2 / 2048^2) < 1 of v, so
 * one code; real cv2 gives 254 for a flat 255.
 * On 16-bit planes (its float uint16 paths) every method keeps a flat
 * input flat (float32 weights summing to one within a few ulps: under
 * 0.15 code from v before the rounding; cv2 measured on 1500 random sizes
 * up to 32767) but INTER_AREA's downscales: computeResizeAreaTab drops
 * slivers of 1e-3 pixel at both ends of a cell, up to 2e-3 of a cell per
 * axis (8-bit: within one code), and its float sums round, its integer
 * factors' block sum once it passes 2^24 (ties every add for some v): at
 * most (n / 4 + 2) 2^-24 relative for a block of n, n 2^-24 for a window
 * of n taps. cv2 measured: 88 codes (15609x18 -> 15588x11), 171
 * (1024x1024 -> 1x1, v = 49408). */
static gint
flat_tolerance (const Case *c, const Config *cfg)
{
  gint ow, oh;
  gdouble rx, ry;

  if (cfg->im != IM_OPENCV || !library_covers (c, cfg))
    return 0;
  if (c->conv || GST_VIDEO_FORMAT_INFO_DEPTH (c->in_info.finfo, 0) != 16)
    return cfg->method == M_LANCZOS4 || cfg->method == M_AREA ? 1 : 0;
  if (cfg->method != M_AREA)
    return 0;
  /* taps per axis, any plane (chroma planes: at most one more) */
  expected_size (c, cfg, &ow, &oh);
  rx = ceil ((gdouble) c->in_w / ow) + 2;
  ry = ceil ((gdouble) c->in_h / oh) + 2;
  return 1
      + (gint) ceil (65535
          * (4e-3 + (rx * ry / 4 + 2 * (rx + ry) + 8) * ldexp (1.0, -24)));
}

/* masked_near on the samples of the format: bytes, or with a tolerance
 * 16-bit words in the format's byte order (the patterns of full 16-bit
 * formats are whole words) */
static gboolean
samples_near (const GstVideoFormatInfo *finfo, const guint8 *a, const guint8 *b,
    const guint8 *mask, gint n, gint tol)
{
  gboolean le = GST_VIDEO_FORMAT_INFO_IS_LE (finfo);

  if (tol == 0 || GST_VIDEO_FORMAT_INFO_DEPTH (finfo, 0) != 16)
    return masked_near (a, b, mask, n, tol);
  for (gint i = 0; i + 1 < n; i += 2) {
    gint va = le ? a[i] | a[i + 1] << 8 : a[i] << 8 | a[i + 1];
    gint vb = le ? b[i] | b[i + 1] << 8 : b[i] << 8 | b[i + 1];
    if ((mask[i] || mask[i + 1]) && ABS (va - vb) > tol)
      return FALSE;
  }
  return TRUE;
}

/* every sample group of a period (the samples of one component stride:
 * packed 4:2:2's Y and its UV) equals the value or the fill */
static gboolean
groups_value_or_fill (const GstVideoFormatInfo *finfo, guint p, const guint8 *d,
    const guint8 *pat, const guint8 *fpat, const guint8 *mask, gint ps)
{
  gint comp[GST_VIDEO_MAX_COMPONENTS];
  gint bps = GST_VIDEO_FORMAT_INFO_BITS (finfo) > 8 ? 2 : 1;

  gst_video_format_info_component (finfo, p, comp);
  for (guint i = 0; i < GST_VIDEO_MAX_COMPONENTS && comp[i] >= 0; i++) {
    gint cps = GST_VIDEO_FORMAT_INFO_PSTRIDE (finfo, comp[i]);
    /* occurrence k of this stride's group */
    for (gint k = 0; k < ps / cps; k++) {
      gboolean val = TRUE, fill = TRUE;
      for (guint j = 0; j < GST_VIDEO_MAX_COMPONENTS && comp[j] >= 0; j++) {
        gint o = comp_offset (finfo, comp[j]) + k * cps;
        if (GST_VIDEO_FORMAT_INFO_PSTRIDE (finfo, comp[j]) != cps)
          continue;
        for (gint b = 0; b < bps; b++)
          if (mask[o + b]) {
            val &= d[o + b] == pat[o + b];
            fill &= d[o + b] == fpat[o + b];
          }
      }
      if (!val && !fill)
        return FALSE;
    }
  }
  return TRUE;
}

/* --------------------------------------------- crop, letterbox, pad */

typedef struct
{
  gint x, y, w, h;
} Rect;

/* the crop in effect: the configured one when it fits the picture (else
 * the element ignores it, with an element warning), or the whole input */
static Rect
effective_crop (const Case *c, const Config *cfg)
{
  Rect r = { 0, 0, c->in_w, c->in_h };

  if (cfg->crop[2] && (gint64) cfg->crop[0] + cfg->crop[2] <= c->in_w
      && (gint64) cfg->crop[1] + cfg->crop[3] <= c->in_h)
    r = (Rect){ cfg->crop[0], cfg->crop[1], cfg->crop[2], cfg->crop[3] };
  return r;
}

/* the case as the resize inside the picture sees it: the source as the
 * input, the picture as the output (the library models take them as their
 * image and dsize) */
static void
picture_case (const Case *c, const Rect *src, const Rect *pic, Case *cc)
{
  *cc = *c;
  cc->in_w = src->w;
  cc->in_h = src->h;
  cc->fixed = TRUE;
  cc->out_w = pic->w;
  cc->out_h = pic->h;
}

/* whether the flat rules of the top of the file hold for the picture's
 * resize: the budget was drawn for the whole frames, so Pillow's windows
 * (at most 16448 taps) and the empty BOX box are looked at again for the
 * source and picture sizes; where they fail the picture is not checked
 * (the pad still is) */
static gboolean
picture_checkable (const Case *cc, const Config *cfg)
{
  gdouble tx, ty;

  if (cfg->im != IM_PILLOW || !library_covers (cc, cfg))
    return TRUE;
  if (cfg->cmode == C_TF_CROP && cfg->method == M_BOX
      && pillow_box_empty (cc, cfg))
    return FALSE;
  tx = axis_taps (cfg, TRUE, cc->in_w, cc->out_w, cfg->sx, 0, 1);
  ty = axis_taps (cfg, TRUE, cc->in_h, cc->out_h, cfg->sy, 0, 1);
  return MAX (tx, ty) <= 2 * 8224;
}

/* the pad of each component (docs/alignscale.md "Crop and pad"): pad-value,
 * the last one repeated, or the preset's default (its grey, 114 for
 * ultralytics and 0 for the others, on RGB and GRAY; on YUV that grey's
 * luma in the stream's range, gst_video_color_range_offsets, and neutral
 * chroma; alpha opaque), rounded half up and clamped to the component */
static void
pad_values (const GstVideoInfo *info, const Config *cfg, guint16 *pv)
{
  const GstVideoFormatInfo *fi = info->finfo;
  gdouble grey = (cfg->lb == 1 ? 114 : 0) / 255.0;
  gint off[GST_VIDEO_MAX_COMPONENTS], scale[GST_VIDEO_MAX_COMPONENTS];
  gboolean yuv = GST_VIDEO_FORMAT_INFO_IS_YUV (fi)
      && !GST_VIDEO_FORMAT_INFO_IS_GRAY (fi);

  gst_video_color_range_offsets (info->colorimetry.range, fi, off, scale);
  for (guint c = 0; c < 4; c++) {
    guint k = MIN (c, GST_VIDEO_FORMAT_INFO_N_COMPONENTS (fi) - 1);
    gdouble maxv = (1 << GST_VIDEO_FORMAT_INFO_DEPTH (fi, k)) - 1, v;

    if (cfg->n_pad)
      v = cfg->pad[MIN (c, cfg->n_pad - 1)];
    else if (c == GST_VIDEO_COMP_A)
      v = maxv;
    else if (yuv)
      v = c == 0 ? off[0] + grey * scale[0] : off[k];
    else
      v = grey * maxv;
    pv[c] = (guint16) CLAMP (floor (v + 0.5), 0, maxv);
  }
}

/* the output's GstAlignScaleGeometryMeta: there, and consistent with the
 * caps and the configuration (the source inside the crop in effect, the
 * picture inside the output, the scales their ratios; letterbox=none: the
 * crop to the whole output) */
static gboolean
check_geometry (Fuzz *fz, GstBuffer *out, const GstVideoInfo *info,
    const Case *c, const Config *cfg, Rect *src, Rect *pic)
{
  GstCustomMeta *m = gst_buffer_get_custom_meta (
      out, "GstAlignScaleGeometryMeta");
  GstStructure *s;
  gint iw, ih, ow, oh;
  gdouble scx, scy;
  const gchar *lb;
  Rect ec = effective_crop (c, cfg);
  gboolean ok, fallback;
  gchar *str;

  if (!m) {
    /* a passthrough buffer is the input's own (equal sizes, an identity
     * plan): no meta */
    *src = ec;
    *pic = (Rect){ 0, 0, info->width, info->height };
    if (info->width == c->in_w && info->height == c->in_h && ec.x == 0
        && ec.y == 0 && ec.w == c->in_w && ec.h == c->in_h) {
      fz->passthrough_frames++;
      return TRUE;
    }
    fuzz_fail (fz, "geometry-meta-missing",
        "no GstAlignScaleGeometryMeta on the output");
    return FALSE;
  }
  s = gst_custom_meta_get_structure (m);
  lb = gst_structure_get_string (s, "letterbox");
  if (!lb
      || !gst_structure_get (s, "input-width", G_TYPE_INT, &iw, "input-height",
          G_TYPE_INT, &ih, "output-width", G_TYPE_INT, &ow, "output-height",
          G_TYPE_INT, &oh, "source-x", G_TYPE_INT, &src->x, "source-y",
          G_TYPE_INT, &src->y, "source-width", G_TYPE_INT, &src->w,
          "source-height", G_TYPE_INT, &src->h, "picture-x", G_TYPE_INT,
          &pic->x, "picture-y", G_TYPE_INT, &pic->y, "picture-width",
          G_TYPE_INT, &pic->w, "picture-height", G_TYPE_INT, &pic->h, "scale-x",
          G_TYPE_DOUBLE, &scx, "scale-y", G_TYPE_DOUBLE, &scy, NULL)) {
    str = gst_structure_to_string (s);
    fuzz_fail (fz, "geometry-meta-fields", "meta %s lacks fields", str);
    g_free (str);
    return FALSE;
  }
  ok = iw == c->in_w && ih == c->in_h && ow == info->width && oh == info->height
      && src->w >= 1 && src->h >= 1 && src->x >= ec.x && src->y >= ec.y
      && (gint64) src->x + src->w <= (gint64) ec.x + ec.w
      && (gint64) src->y + src->h <= (gint64) ec.y + ec.h && pic->w >= 1
      && pic->h >= 1 && pic->x >= 0 && pic->y >= 0
      && (gint64) pic->x + pic->w <= ow && (gint64) pic->y + pic->h <= oh
      && scx == (gdouble) pic->w / src->w && scy == (gdouble) pic->h / src->h;
  /* a preset that cannot place the picture fills the output (the meta
   * says none) */
  fallback = cfg->lb != 0 && !strcmp (lb, "none");
  fz->lb_fallback += ok && fallback;
  ok = ok && (fallback || !strcmp (lb, lb_nick[cfg->lb]));
  if (cfg->lb == 0 || fallback)
    ok = ok && src->x == ec.x && src->y == ec.y && src->w == ec.w
        && src->h == ec.h && pic->x == 0 && pic->y == 0 && pic->w == ow
        && pic->h == oh;
  if (!ok) {
    str = gst_structure_to_string (s);
    fuzz_fail (fz, "geometry-meta",
        "%s; want the source inside <%d,%d,%d,%d> (the crop in effect), the "
        "picture inside %dx%d, letterbox=%s, input %dx%d",
        str, ec.x, ec.y, ec.w, ec.h, info->width, info->height,
        lb_nick[cfg->lb], c->in_w, c->in_h);
    g_free (str);
  }
  return ok;
}

/* per byte of a row of plane p: 1 when the sample it belongs to is of the
 * picture's columns: its block (the 1 << w_sub luma pixels it covers)
 * meets them; a byte of no component (the x of RGBx) goes with its pixel */
static void
column_mask (const GstVideoInfo *info, guint p, gint ps, gsize row,
    const Rect *pic, guint8 *colin)
{
  const GstVideoFormatInfo *fi = info->finfo;
  gint comp[GST_VIDEO_MAX_COMPONENTS];
  gint bps = GST_VIDEO_FORMAT_INFO_BITS (fi) > 8 ? 2 : 1;
  gint64 x0 = pic->x, x1 = (gint64) pic->x + pic->w;

  gst_video_format_info_component (fi, p, comp);
  for (gsize x = 0; x < row; x += ps) {
    gint64 period = x / ps;

    for (gint i = 0; i < ps; i++)
      colin[x + i] = period < x1 && period + 1 > x0;
    for (guint k = 0; k < GST_VIDEO_MAX_COMPONENTS && comp[k] >= 0; k++) {
      gint c = comp[k], off = comp_offset (fi, c);
      gint cps = GST_VIDEO_FORMAT_INFO_PSTRIDE (fi, c);
      gint ws = GST_VIDEO_FORMAT_INFO_W_SUB (fi, c);

      for (gint o = off, j = 0; o < ps; o += cps, j++) {
        gint64 sm = period * (ps / cps) + j;
        gboolean in = (sm << ws) < x1 && ((sm + 1) << ws) > x0;

        for (gint b = 0; b < bps; b++)
          colin[x + o + b] = in;
      }
    }
  }
}

/* every output pixel is the flat input pixel, or with tf-crop-and-resize
 * the extrapolation value; a library model (its own mapping, whatever
 * coordinate-mode says) fills nothing in, and is exactly flat too (see the
 * top of the file) */
static void
check_flat (Fuzz *fz, GstBuffer *out, const GstVideoInfo *info, const Case *c,
    const guint16 *val, const Config *cfg, const Rect *src, const Rect *pic)
{
  Case cc;
  gboolean lib, crop, check_pic;
  gint tol;
  guint16 fill[4], rt[4], pv[4];
  const guint8 *plane[GST_VIDEO_MAX_PLANES];
  gint stride[GST_VIDEO_MAX_PLANES];
  GstMapInfo map;
  gdouble ev = CLAMP (cfg->ev, 0.0, 1.0);

  /* the resize inside the picture: the source to the picture's size */
  picture_case (c, src, pic, &cc);
  c = &cc;
  lib = library_covers (c, cfg);
  crop = cfg->cmode == C_TF_CROP && !lib;
  tol = flat_tolerance (c, cfg);
  check_pic = picture_checkable (c, cfg);
  fz->geom_unchecked += !check_pic;
  pad_values (info, cfg, pv);
  /* the fraction of the range of the plane's own grid */
  for (guint c = 0; c < 4; c++)
    fill[c] = (guint16) floor (
        ev * ((1u << GST_VIDEO_INFO_COMP_DEPTH (info, 0)) - 1) + 0.5);
  /* packed 8-bit RGB with alpha: Pillow's 'RGBA' */
  memcpy (rt, val, sizeof (rt));
  if (GST_VIDEO_INFO_HAS_ALPHA (info) && GST_VIDEO_INFO_IS_RGB (info)
      && GST_VIDEO_INFO_N_PLANES (info) == 1
      && GST_VIDEO_INFO_COMP_DEPTH (info, 0) == 8
      && pillow_premultiplies (c, cfg))
    for (guint k = 0; k < 3; k++)
      rt[k] = pillow_round_trip (val[k], val[3]);
  val = rt;
  if (!map_planes (fz, out, info, &map, plane, stride, "output"))
    return;
  for (guint p = 0; p < GST_VIDEO_INFO_N_PLANES (info); p++) {
    guint8 pat[8], mask[8], fpat[8], fmask[8], lmask[8], ppat[8], pmask[8];
    gint rows, ps = pixel_pattern (info->finfo, p, val, pat, mask);
    gint comp[GST_VIDEO_MAX_COMPONENTS], hs;
    gsize row;
    guint bad = 0, n_fill = 0, pad_bad = 0;
    gint bx = -1, by = -1, px = -1, py = -1;
    guint8 *colin;

    pixel_pattern (info->finfo, p, fill, fpat, fmask);
    /* the pad: bytes of no component are 255 */
    pixel_pattern (info->finfo, p, pv, ppat, pmask);
    for (gint i = 0; i < ps; i++)
      if (!pmask[i])
        ppat[i] = 255;
    plane_geom (info, p, &rows, &row);
    last_period_mask (info, p, ps, (row - 1) / ps, mask, lmask);
    gst_video_format_info_component (info->finfo, p, comp);
    hs = GST_VIDEO_FORMAT_INFO_H_SUB (info->finfo, comp[0]);
    colin = g_malloc (row + 8);
    column_mask (info, p, ps, row, pic, colin);
    for (gint y = 0; y < rows; y++) {
      const guint8 *d = plane[p] + (gsize) y * stride[p];
      /* a row of samples of the picture: its block meets the rows */
      gboolean rin = ((gint64) y << hs) < (gint64) pic->y + pic->h
          && ((gint64) (y + 1) << hs) > pic->y;

      for (gsize x = 0; x < row; x += ps) {
        /* the last period may hold a pixel past the width (packed 4:2:2
         * of an odd width: the second Y of the last pair), unwritten */
        const guint8 *m = x + ps >= row ? lmask : mask;
        guint8 im[8], om[8];
        gboolean any_in = FALSE;

        for (gint i = 0; i < ps; i++) {
          gboolean in = rin && colin[x + i];
          im[i] = in && m[i];
          /* outside: the components, and the bytes of none */
          om[i] = !in && (m[i] || !mask[i]);
          any_in |= im[i];
        }
        if (!masked_equal (d + x, ppat, om, ps) && pad_bad++ == 0) {
          px = x / ps;
          py = y;
        }
        if (!any_in || !check_pic)
          continue;
        if (samples_near (info->finfo, d + x, pat, im, ps, tol))
          continue;
        if (crop && masked_equal (d + x, fpat, im, ps)) {
          n_fill++;
          continue;
        }
        /* packed 4:2:2: each Y and the UV pair are pixels of their own,
         * each the value or the fill */
        if (crop
            && groups_value_or_fill (
                info->finfo, p, d + x, pat, fpat, im, ps)) {
          n_fill++;
          continue;
        }
        if (bad++ == 0) {
          bx = x / ps;
          by = y;
        }
      }
    }
    g_free (colin);
    if (pad_bad) {
      const guint8 *d = plane[p] + (gsize) py * stride[p] + (gsize) px * ps;
      gchar got[40] = "", want[40] = "";

      for (gint i = 0; i < ps && i < 8; i++) {
        g_snprintf (got + strlen (got), 8, "%s%u", i ? "," : "", d[i]);
        g_snprintf (want + strlen (want), 8, "%s%u", i ? "," : "", ppat[i]);
      }
      fuzz_fail (fz, "pad-wrong",
          "plane %u: %u sample periods outside the picture <%d,%d,%d,%d> "
          "wrong, first (%d,%d) = [%s], want [%s] there (pad %u,%u,%u,%u)",
          p, pad_bad, pic->x, pic->y, pic->w, pic->h, px, py, got, want, pv[0],
          pv[1], pv[2], pv[3]);
      break;
    }
    if (bad) {
      const guint8 *d = plane[p] + (gsize) by * stride[p] + (gsize) bx * ps;
      gchar got[40] = "", want[40] = "";

      for (gint i = 0; i < ps && i < 8; i++) {
        g_snprintf (got + strlen (got), 8, "%s%u", i ? "," : "", d[i]);
        g_snprintf (want + strlen (want), 8, "%s%u", i ? "," : "", pat[i]);
      }
      fuzz_fail (fz,
          lib        ? "not-flat-library"
              : crop ? "not-flat-crop"
                     : "not-flat",
          "plane %u: %u of %d pixels wrong, first (%d,%d) = [%s], want [%s]%s"
          " (picture <%d,%d,%d,%d> from <%d,%d,%d,%d>)",
          p, bad, (gint) ((row + ps - 1) / ps) * rows, bx, by, got, want,
          crop ? " or the fill value"
              : lib && cfg->cmode == C_TF_CROP
              ? " (no fill: the library model ignores coordinate-mode)"
              : "",
          pic->x, pic->y, pic->w, pic->h, src->x, src->y, src->w, src->h);
      break;
    }
  }
  gst_buffer_unmap (out, &map);
}

/* --------------------------------------------- YUV -> RGB conversion */

/* a product rounded to a double on its own, never fused with the add or
 * subtract around it (docs/conversion.md: no fused multiply-add) */
static gdouble
mul (gdouble a, gdouble b)
{
  volatile gdouble r = a * b;
  return r;
}

/* q (v) = clamp (floor (v + 0.5), 0, 255) */
static guint8
q8 (gdouble v)
{
  gdouble f = floor (v + 0.5);
  return (guint8) CLAMP (f, 0.0, 255.0);
}

/* docs/conversion.md's table (an unknown matrix cannot reach here:
 * GStreamer reads YUV caps without one as its default for the size) */
static void
matrix_kr_kb (GstVideoColorMatrix m, gdouble *kr, gdouble *kb)
{
  switch (m) {
    case GST_VIDEO_COLOR_MATRIX_BT709:
      *kr = 0.2126;
      *kb = 0.0722;
      break;
    case GST_VIDEO_COLOR_MATRIX_BT2020:
      *kr = 0.2627;
      *kb = 0.0593;
      break;
    case GST_VIDEO_COLOR_MATRIX_SMPTE240M:
      *kr = 0.212;
      *kb = 0.087;
      break;
    case GST_VIDEO_COLOR_MATRIX_FCC:
      *kr = 0.30;
      *kb = 0.11;
      break;
    default:
      *kr = 0.299;
      *kb = 0.114;
      break;
  }
}

static const gchar *
matrix_name (GstVideoColorMatrix m)
{
  switch (m) {
    case GST_VIDEO_COLOR_MATRIX_BT709:
      return "bt709";
    case GST_VIDEO_COLOR_MATRIX_BT2020:
      return "bt2020";
    case GST_VIDEO_COLOR_MATRIX_SMPTE240M:
      return "smpte240m";
    case GST_VIDEO_COLOR_MATRIX_FCC:
      return "fcc";
    case GST_VIDEO_COLOR_MATRIX_BT601:
      return "bt601";
    default:
      return "unknown (bt601)";
  }
}

/* a component's code on its own grid, as pixel_pattern writes it */
static gint64
code_of (const GstVideoFormatInfo *fi, const guint16 *val, gint c)
{
  return val[c] & ((1u << GST_VIDEO_FORMAT_INFO_DEPTH (fi, c)) - 1);
}

/* the flat YUV pixel val of the caps info converted: ch[] = R, G, B, A
 * (255 without an input alpha), luma (GRAY8), docs/conversion.md in its
 * order. A flat chroma plane upsampled is D times its value, whatever the
 * upsampling and siting. */
static void
conv_pixel (const GstVideoInfo *ci, const guint16 *val, guint8 *ch)
{
  const GstVideoFormatInfo *fi = ci->finfo;
  gint d = GST_VIDEO_FORMAT_INFO_DEPTH (fi, 0);
  gint64 D = (2 << GST_VIDEO_FORMAT_INFO_W_SUB (fi, 1))
      * (2 << GST_VIDEO_FORMAT_INFO_H_SUB (fi, 1));
  gboolean full = ci->colorimetry.range == GST_VIDEO_COLOR_RANGE_0_255;
  gint64 oy = full ? 0 : 16 << (d - 8);
  gint64 sy = full ? (1 << d) - 1 : 219 << (d - 8);
  gint64 oc = full ? 1 << (d - 1) : 128 << (d - 8);
  gint64 sc = full ? (1 << d) - 1 : 224 << (d - 8);
  gint64 Y = code_of (fi, val, 0), Cb = D * code_of (fi, val, 1),
         Cr = D * code_of (fi, val, 2);
  gdouble Kr, Kb, Kg, ky, kc, kr, kb, kgb, kgr, y, cb, cr;

  matrix_kr_kb (ci->colorimetry.matrix, &Kr, &Kb);
  ky = 255.0 / (gdouble) sy;
  kc = 1.0 / (gdouble) (D * sc);
  kr = 255.0 * (2.0 * (1.0 - Kr));
  kb = 255.0 * (2.0 * (1.0 - Kb));
  Kg = (1.0 - Kr) - Kb;
  kgb = 255.0 * (((2.0 * Kb) * (1.0 - Kb)) / Kg);
  kgr = 255.0 * (((2.0 * Kr) * (1.0 - Kr)) / Kg);

  y = mul ((gdouble) (Y - oy), ky);
  cb = mul ((gdouble) (Cb - D * oc), kc);
  cr = mul ((gdouble) (Cr - D * oc), kc);
  ch[0] = q8 (y + mul (cr, kr));
  ch[1] = q8 ((y - mul (cb, kgb)) - mul (cr, kgr));
  ch[2] = q8 (y + mul (cb, kb));
  ch[3] = 255;
  if (GST_VIDEO_FORMAT_INFO_HAS_ALPHA (fi)) {
    gint da = GST_VIDEO_FORMAT_INFO_DEPTH (fi, 3);
    ch[3] = q8 (mul (
        (gdouble) code_of (fi, val, 3), 255.0 / (gdouble) ((1u << da) - 1)));
  }
  ch[4] = q8 (y);
}

/* plane p of an RGB (or GRAY8) pixel of channels ch: ps[p] bytes, those
 * no component has (the x of RGBx) 255 */
static void
conv_pattern (
    const GstVideoFormatInfo *fo, const guint8 *ch, guint8 pat[][8], gint *ps)
{
  for (guint p = 0; p < GST_VIDEO_FORMAT_INFO_N_PLANES (fo); p++) {
    gint comp[GST_VIDEO_MAX_COMPONENTS];

    gst_video_format_info_component (fo, p, comp);
    ps[p] = GST_VIDEO_FORMAT_INFO_PSTRIDE (fo, comp[0]);
    memset (pat[p], 255, 8);
  }
  if (GST_VIDEO_FORMAT_INFO_IS_GRAY (fo)) {
    pat[0][0] = ch[4];
    return;
  }
  for (guint c = 0; c < GST_VIDEO_FORMAT_INFO_N_COMPONENTS (fo); c++)
    pat[GST_VIDEO_FORMAT_INFO_PLANE (fo, c)]
       [GST_VIDEO_FORMAT_INFO_POFFSET (fo, c)] = ch[c];
}

static void
bytes_str (gchar *s, gsize n, const guint8 *d, gint len)
{
  s[0] = '\0';
  for (gint i = 0; i < len; i++)
    g_snprintf (s + strlen (s), n - strlen (s), "%s%u", i ? "," : "", d[i]);
}

/* every output pixel (all its bytes, the padding too, on every plane) is
 * the converted flat input pixel, or with tf-crop-and-resize the
 * extrapolation value in every byte (never with a library model: it
 * resizes the converted frame with its own mapping) */
static void
check_conv_flat (Fuzz *fz, GstBuffer *out, const GstVideoInfo *info,
    const Case *c, const guint16 *val, const Config *cfg, const Rect *src,
    const Rect *pic)
{
  const Case *oc = c;
  Case cc;
  gboolean lib, crop, check_pic;
  gdouble ev = CLAMP (cfg->ev, 0.0, 1.0);
  guint8 fv = (guint8) floor (ev * 255 + 0.5), ch[5], pch[5];
  guint8 pat[GST_VIDEO_MAX_PLANES][8], fpat[GST_VIDEO_MAX_PLANES][8];
  guint8 ppat[GST_VIDEO_MAX_PLANES][8];
  gint ps[GST_VIDEO_MAX_PLANES], stride[GST_VIDEO_MAX_PLANES];
  const guint8 *plane[GST_VIDEO_MAX_PLANES];
  guint n = GST_VIDEO_INFO_N_PLANES (info), bad = 0, pad_bad = 0;
  gint bx = -1, by = -1, px = -1, py = -1, tol;
  GstMapInfo map;
  guint8 all[8];
  guint16 pv[4];

  /* the resize inside the picture: the source to the picture's size */
  picture_case (c, src, pic, &cc);
  c = &cc;
  lib = library_covers (c, cfg);
  crop = cfg->cmode == C_TF_CROP && !lib;
  tol = flat_tolerance (c, cfg);
  check_pic = picture_checkable (c, cfg);
  fz->geom_unchecked += !check_pic;
  /* the pad in the output's RGB (8-bit), padding bytes 255 */
  pad_values (info, cfg, pv);
  for (guint k = 0; k < 4; k++)
    pch[k] = (guint8) pv[k];
  pch[4] = (guint8) pv[0];
  conv_pattern (info->finfo, pch, ppat, ps);
  memset (all, 0xff, sizeof (all));
  conv_pixel (&c->caps_info, val, ch);
  /* RGBA with the input's alpha: Pillow's 'RGBA' */
  if (GST_VIDEO_INFO_HAS_ALPHA (info) && GST_VIDEO_INFO_N_PLANES (info) == 1
      && GST_VIDEO_FORMAT_INFO_HAS_ALPHA (c->caps_info.finfo)
      && pillow_premultiplies (c, cfg))
    for (guint k = 0; k < 3; k++)
      ch[k] = (guint8) pillow_round_trip (ch[k], ch[3]);
  conv_pattern (info->finfo, ch, pat, ps);
  for (guint p = 0; p < n; p++)
    memset (fpat[p], fv, 8);
  if (!map_planes (fz, out, info, &map, plane, stride, "output"))
    return;
  for (gint y = 0; y < info->height; y++)
    for (gint x = 0; x < info->width; x++) {
      gboolean is_val = TRUE, is_fill = crop;

      if (x < pic->x || x >= pic->x + pic->w || y < pic->y
          || y >= pic->y + pic->h) {
        gboolean is_pad = TRUE;

        for (guint p = 0; p < n; p++)
          is_pad &= memcmp (
                        plane[p] + (gsize) y * stride[p] + (gsize) x * ps[p],
                        ppat[p], ps[p])
              == 0;
        if (!is_pad && pad_bad++ == 0) {
          px = x;
          py = y;
        }
        continue;
      }
      if (!check_pic)
        continue;
      for (guint p = 0; p < n; p++) {
        const guint8 *d = plane[p] + (gsize) y * stride[p] + (gsize) x * ps[p];
        is_val &= masked_near (d, pat[p], all, ps[p], tol);
        is_fill &= memcmp (d, fpat[p], ps[p]) == 0;
      }
      if (!is_val && !is_fill && bad++ == 0) {
        bx = x;
        by = y;
      }
    }
  if (pad_bad) {
    GString *got = g_string_new (NULL), *want = g_string_new (NULL);

    for (guint p = 0; p < n; p++) {
      gchar b[40];

      bytes_str (b, sizeof (b),
          plane[p] + (gsize) py * stride[p] + (gsize) px * ps[p], ps[p]);
      g_string_append_printf (got, "%s%s", p ? " | " : "", b);
      bytes_str (b, sizeof (b), ppat[p], ps[p]);
      g_string_append_printf (want, "%s%s", p ? " | " : "", b);
    }
    fuzz_fail (fz, "convert-pad-wrong",
        "%u pixels outside the picture <%d,%d,%d,%d> wrong, first (%d,%d) = "
        "[%s], want the pad [%s]",
        pad_bad, pic->x, pic->y, pic->w, pic->h, px, py, got->str, want->str);
    g_string_free (got, TRUE);
    g_string_free (want, TRUE);
  }
  c = oc;
  if (bad) {
    GString *got = g_string_new (NULL), *want = g_string_new (NULL);

    for (guint p = 0; p < n; p++) {
      gchar b[40];

      bytes_str (b, sizeof (b),
          plane[p] + (gsize) by * stride[p] + (gsize) bx * ps[p], ps[p]);
      g_string_append_printf (got, "%s%s", p ? " | " : "", b);
      bytes_str (b, sizeof (b), pat[p], ps[p]);
      g_string_append_printf (want, "%s%s", p ? " | " : "", b);
    }
    fuzz_fail (fz,
        lib        ? "convert-not-flat-library"
            : crop ? "convert-not-flat-crop"
                   : "convert-not-flat",
        "%u of %d pixels wrong, first (%d,%d) = [%s], want [%s]%s (input "
        "codes %u,%u,%u,%u, matrix %s, %s range)",
        bad, info->width * info->height, bx, by, got->str, want->str,
        crop ? " or the fill value" : "",
        (guint) code_of (c->caps_info.finfo, val, 0),
        (guint) code_of (c->caps_info.finfo, val, 1),
        (guint) code_of (c->caps_info.finfo, val, 2),
        GST_VIDEO_FORMAT_INFO_HAS_ALPHA (c->caps_info.finfo)
            ? (guint) code_of (c->caps_info.finfo, val, 3)
            : 0,
        matrix_name (c->caps_info.colorimetry.matrix),
        c->caps_info.colorimetry.range == GST_VIDEO_COLOR_RANGE_0_255
            ? "full"
            : "limited");
    g_string_free (got, TRUE);
    g_string_free (want, TRUE);
  }
  gst_buffer_unmap (out, &map);
}

/* visible bytes of two outputs (x padding excluded) */
static gboolean
outputs_equal (Fuzz *fz, GstBuffer *a, GstBuffer *b, const GstVideoInfo *info,
    gchar *where, gsize n)
{
  const guint8 *pa[GST_VIDEO_MAX_PLANES], *pb[GST_VIDEO_MAX_PLANES];
  gint sa[GST_VIDEO_MAX_PLANES], sb[GST_VIDEO_MAX_PLANES];
  GstMapInfo ma, mb;
  gboolean eq = TRUE;
  guint16 zero[4] = { 0, 0, 0, 0 };

  if (!map_planes (fz, a, info, &ma, pa, sa, "split-input output"))
    return TRUE;
  if (!map_planes (fz, b, info, &mb, pb, sb, "single-block output")) {
    gst_buffer_unmap (a, &ma);
    return TRUE;
  }
  for (guint p = 0; eq && p < GST_VIDEO_INFO_N_PLANES (info); p++) {
    guint8 pat[8], mask[8], lmask[8];
    gint rows, ps = pixel_pattern (info->finfo, p, zero, pat, mask);
    gsize row;

    plane_geom (info, p, &rows, &row);
    last_period_mask (info, p, ps, (row - 1) / ps, mask, lmask);
    for (gint y = 0; eq && y < rows; y++)
      for (gsize x = 0; eq && x < row; x += ps)
        if (!masked_equal (pa[p] + (gsize) y * sa[p] + x,
                pb[p] + (gsize) y * sb[p] + x, x + ps >= row ? lmask : mask,
                ps)) {
          g_snprintf (where, n, "plane %u pixel (%d,%d): %u vs %u", p,
              (gint) (x / ps), y, pa[p][(gsize) y * sa[p] + x],
              pb[p][(gsize) y * sb[p] + x]);
          eq = FALSE;
        }
  }
  gst_buffer_unmap (a, &ma);
  gst_buffer_unmap (b, &mb);
  return eq;
}

/* ------------------------------------------------------------- running */

/* an array property of n ints (ints set) or doubles */
static void
set_array (GstElement *e, const gchar *name, const gint *ints,
    const gdouble *doubles, guint n)
{
  GValue arr = G_VALUE_INIT;

  g_value_init (&arr, GST_TYPE_ARRAY);
  for (guint i = 0; i < n; i++) {
    GValue x = G_VALUE_INIT;

    if (ints) {
      g_value_init (&x, G_TYPE_INT);
      g_value_set_int (&x, ints[i]);
    } else {
      g_value_init (&x, G_TYPE_DOUBLE);
      g_value_set_double (&x, doubles[i]);
    }
    gst_value_array_append_and_take_value (&arr, &x);
  }
  g_object_set_property (G_OBJECT (e), name, &arr);
  g_value_unset (&arr);
}

static void
set_roi (GstElement *e, const gdouble *roi)
{
  set_array (e, "roi", NULL, roi, 4);
}

static void
set_crop (GstElement *e, const gint *v, guint n)
{
  set_array (e, "crop", v, NULL, n);
}

static void
set_pad_value (GstElement *e, const gdouble *v, guint n)
{
  set_array (e, "pad-value", NULL, v, n);
}

static void
apply_geometry (GstElement *e, const Config *c)
{
  gst_util_set_object_arg (G_OBJECT (e), "letterbox", lb_nick[c->lb]);
  set_crop (e, c->crop, c->crop[2] ? 4 : 0);
  set_pad_value (e, c->pad, c->n_pad);
}

/* a crop inside the picture (now and then all of it) */
static void
draw_crop (Case *c, gint *crop)
{
  guint32 *r = &c->grng;

  if (rnd (r, 5) == 0) {
    crop[0] = crop[1] = 0;
    crop[2] = c->in_w;
    crop[3] = c->in_h;
    return;
  }
  crop[0] = rnd (r, c->in_w);
  crop[1] = rnd (r, c->in_h);
  crop[2] = 1 + rnd (r, c->in_w - crop[0]);
  crop[3] = 1 + rnd (r, c->in_h - crop[1]);
}

/* 1 to 4 numbers: codes, halves (rounded up), fractions, beyond the
 * component's range (clamped) */
static void
draw_pad (Case *c, Config *cfg)
{
  guint32 *r = &c->grng;

  cfg->n_pad = 1 + rnd (r, 4);
  for (guint i = 0; i < cfg->n_pad; i++) {
    guint k = rnd (r, 8);

    cfg->pad[i] = k < 4 ? rnd (r, 256)
        : k == 4        ? rnd (r, 256) + 0.5
        : k == 5        ? rnd_range (r, 0.0, 1024.0)
        : k == 6        ? rnd (r, 65536)
                        : rnd (r, 2) * 65535.0;
  }
}

/* letterbox, crop and pad-value at the start of a case, from grng */
static void
draw_geometry (Case *c, Config *cfg)
{
  guint32 *r = &c->grng;

  cfg->lb = rnd (r, 3) == 0 ? 1 + rnd (r, G_N_ELEMENTS (lb_nick) - 1) : 0;
  if (rnd (r, 3) == 0)
    draw_crop (c, cfg->crop);
  if (rnd (r, 3) == 0)
    draw_pad (c, cfg);
}

/* a live change of them, from grng: a new value, none, or a crop the
 * element refuses (a g_warning, the crop unchanged) or one outside the
 * picture (ignored for the frame, with an element warning) */
static void
change_geometry (Case *c, GstElement *e, Config *cfg)
{
  guint32 *r = &c->grng;

  if (rnd (r, 4) == 0) {
    cfg->lb = rnd (r, 3) ? 1 + rnd (r, G_N_ELEMENTS (lb_nick) - 1) : 0;
    gst_util_set_object_arg (G_OBJECT (e), "letterbox", lb_nick[cfg->lb]);
  }
  if (rnd (r, 4) == 0) {
    guint k = rnd (r, 8);
    gint bad[4] = { 0, 0, 1, 1 };

    if (k < 4) {
      draw_crop (c, cfg->crop);
      set_crop (e, cfg->crop, 4);
    } else if (k == 4) {
      /* none: <> or a width of 0 */
      memset (cfg->crop, 0, sizeof (cfg->crop));
      set_crop (e, cfg->crop, rnd (r, 2) ? 4 : 0);
    } else if (k == 5) {
      /* refused: 3 numbers, a negative one, an edge past 32767 */
      guint how = rnd (r, 3);

      if (how == 1)
        bad[rnd (r, 4)] = -1 - (gint) rnd (r, 100);
      if (how == 2) {
        bad[0] = MAX_SIZE - (gint) rnd (r, 10);
        bad[2] = 11 + rnd (r, 100);
      }
      crop_refusals_asked++;
      set_crop (e, bad, how == 0 ? 3 : 4);
    } else {
      /* legal, but past the picture's right or bottom edge */
      gint a = rnd (r, 2);
      gint size = a ? c->in_h : c->in_w;

      draw_crop (c, cfg->crop);
      cfg->crop[a] = rnd (r, size);
      /* (a picture of 32767 has no legal crop past its edge) */
      cfg->crop[a + 2] = size - cfg->crop[a]
          + MIN (1 + (gint) rnd (r, 100), MAX_SIZE - size);
      set_crop (e, cfg->crop, 4);
    }
  }
  if (rnd (r, 4) == 0) {
    if (rnd (r, 3))
      draw_pad (c, cfg);
    else
      cfg->n_pad = 0;
    set_pad_value (e, cfg->pad, cfg->n_pad);
  }
}

/* all properties as one group (one frame sees all or none of them) */
static void
apply_config (GstElement *e, const Config *c)
{
  g_object_freeze_notify (G_OBJECT (e));
  g_object_set (e, "method", c->method, "coordinate-mode", c->cmode,
      "nearest-mode", c->nmode, "antialias", c->aa, "exclude-outside", c->excl,
      "cubic-a", c->cubic_a, "scale-factor-x", c->sx, "scale-factor-y", c->sy,
      "extrapolation-value", c->ev, "chroma-upsampling", c->cu, "integer-model",
      c->im, NULL);
  set_roi (e, c->roi);
  apply_geometry (e, c);
  g_object_thaw_notify (G_OBJECT (e));
}

/* a live change: a random subset of the properties, one set each or
 * grouped */
static void
change_config (Case *c, GstElement *e, Config *cfg)
{
  Config n = *cfg;
  guint32 *r = &c->rng;
  gboolean group = rnd (r, 2);

  for (guint t = 0; t < 30; t++) {
    rnd_config (r, &n);
    draw_filter (c, &n);
    if (config_fits (c, &n))
      break;
    n = *cfg;
  }
  if (group)
    g_object_freeze_notify (G_OBJECT (e));
  if (rnd (r, 2))
    g_object_set (e, "method", (cfg->method = n.method), NULL);
  /* the thread count changes no byte (0: one per core) */
  if (rnd (r, 3) == 0)
    g_object_set (e, "n-threads", (guint) rnd (r, 4), NULL);
  if (rnd (r, 2))
    g_object_set (e, "coordinate-mode", (cfg->cmode = n.cmode), NULL);
  if (rnd (r, 3) == 0)
    g_object_set (e, "nearest-mode", (cfg->nmode = n.nmode), NULL);
  if (rnd (r, 2))
    g_object_set (e, "antialias", (cfg->aa = n.aa), NULL);
  if (rnd (r, 3) == 0)
    g_object_set (e, "exclude-outside", (cfg->excl = n.excl), NULL);
  if (rnd (r, 3) == 0)
    g_object_set (e, "cubic-a", (cfg->cubic_a = n.cubic_a), NULL);
  if (rnd (r, 3) == 0) {
    g_object_set (e, "scale-factor-x", (cfg->sx = n.sx), "scale-factor-y",
        (cfg->sy = n.sy), NULL);
  }
  if (rnd (r, 3) == 0) {
    memcpy (cfg->roi, n.roi, sizeof (n.roi));
    set_roi (e, cfg->roi);
  }
  if (rnd (r, 3) == 0)
    g_object_set (e, "extrapolation-value", (cfg->ev = n.ev), NULL);
  /* from the conversion generator: the other draws stay those of old */
  if (rnd (&c->crng, c->conv ? 2 : 4) == 0) {
    cfg->cu = n.cu = rnd (&c->crng, 2);
    g_object_set (e, "chroma-upsampling", cfg->cu, NULL);
  }
  /* from the integer-model generator, likewise: on and off a library */
  if (c->library_percent && rnd (&c->mrng, 3) == 0) {
    cfg->im = n.im = draw_integer_model (&c->mrng, 50);
    g_object_set (e, "integer-model", cfg->im, NULL);
  }
  /* and letterbox, crop and pad-value from the geometry generator */
  change_geometry (c, e, cfg);
  if (group)
    g_object_thaw_notify (G_OBJECT (e));
  /* the union of old and new may not fit the budget: then all new */
  if (!config_fits (c, cfg)) {
    *cfg = config_fits (c, &n) ? n : *cfg;
    if (!config_fits (c, cfg)) {
      cfg->aa = FALSE;
      cfg->sx = cfg->sy = 0.0;
    }
    apply_config (e, cfg);
  }
}

static gchar *
sink_caps_str (const Case *c)
{
  if (c->fixed && c->conv)
    return g_strdup_printf ("video/x-raw,format=%s,width=%d,height=%d",
        gst_video_format_to_string (c->out_format), c->out_w, c->out_h);
  if (c->fixed)
    return g_strdup_printf (
        "video/x-raw,width=%d,height=%d", c->out_w, c->out_h);
  return g_strdup_printf (
      "video/x-raw,format=%s", gst_video_format_to_string (c->out_format));
}

static gchar *
src_caps_str (const Case *c)
{
  return g_strdup_printf ("video/x-raw,format=%s,width=%d,height=%d,"
                          "framerate=30/1%s%s%s",
      gst_video_format_to_string (c->format), c->in_w, c->in_h, c->site,
      c->colorimetry[0] ? ",colorimetry=" : "", c->colorimetry);
}

static GstHarness *
case_harness (const Case *c, const Config *cfg, GstBus *bus)
{
  GstHarness *h = gst_harness_new ("alignscale");
  gchar *sink = sink_caps_str (c), *src = src_caps_str (c);

  apply_config (h->element, cfg);
  gst_element_set_bus (h->element, bus);
  gst_harness_set_sink_caps_str (h, sink);
  gst_harness_set_src_caps_str (h, src);
  g_free (sink);
  g_free (src);
  return h;
}

static void
harness_done (GstHarness *h, GstBus *bus)
{
  gst_element_set_bus (h->element, NULL);
  gst_bus_set_flushing (bus, TRUE);
  gst_object_unref (bus);
  gst_harness_teardown (h);
}

/* the errors posted since the last call; the first one's texts */
static guint
pop_errors (GstBus *bus, gchar **message, gchar **debug)
{
  GstMessage *m;
  guint n = 0;

  while ((m = gst_bus_pop (bus))) {
    if (GST_MESSAGE_TYPE (m) == GST_MESSAGE_ERROR) {
      GError *err = NULL;
      gchar *dbg = NULL;

      gst_message_parse_error (m, &err, &dbg);
      if (n++ == 0 && message) {
        *message = g_strdup (err->message);
        *debug = dbg;
        dbg = NULL;
      }
      g_clear_error (&err);
      g_free (dbg);
    }
    gst_message_unref (m);
  }
  return n;
}

typedef enum
{
  PUSH_OK,
  PUSH_REFUSED,
  PUSH_FAILED
} PushResult;

/* push one buffer, check the outcome; *out is the output if any */
static PushResult
push_one (Fuzz *fz, Case *c, GstHarness *h, GstBus *bus, GstBuffer *in,
    gboolean hostile, GstBuffer **out, GstVideoInfo *out_info)
{
  GstFlowReturn ret;
  GstBuffer *extra;
  gchar *msg = NULL, *dbg = NULL;
  guint n_err;
  PushResult res = PUSH_FAILED;

  *out = NULL;
  ret = gst_harness_push (h, in);
  n_err = pop_errors (bus, &msg, &dbg);
  *out = gst_harness_try_pull (h);
  extra = gst_harness_try_pull (h);
  fuzz_check (fz, extra == NULL, "extra-output", "more than one output buffer");
  if (extra)
    gst_buffer_unref (extra);

  if (hostile && ret != GST_FLOW_ERROR) {
    fuzz_fail (fz, "hostile-accepted",
        "flow %s (want error), %s output buffer, %u ERROR messages",
        gst_flow_get_name (ret), *out ? "an" : "no", n_err);
  } else if (ret == GST_FLOW_OK) {
    fuzz_check (
        fz, *out != NULL, "ok-without-output", "GST_FLOW_OK, no buffer");
    fuzz_check (fz, n_err == 0, "ok-with-error",
        "GST_FLOW_OK, but ERROR '%s' (%s)", msg, dbg);
    res = *out ? PUSH_OK : PUSH_FAILED;
  } else if (ret == GST_FLOW_ERROR) {
    /* (hostile or not) */
    fuzz_check (fz, n_err > 0, "error-without-message",
        "GST_FLOW_ERROR with no ERROR message");
    fuzz_check (fz, n_err == 0 || (dbg && *dbg), "error-without-reason",
        "ERROR '%s' without a debug string", msg);
    fuzz_check (fz, *out == NULL, "error-with-output",
        "GST_FLOW_ERROR, but a buffer was pushed");
    if (n_err > 0) {
      gchar *key = g_strdup_printf ("%s%s%s: %s", layout_name[c->layout],
          c->bl.hostile ? " " : "", c->bl.hostile ? c->bl.hostile : "", msg);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (fz->refusals, key));

      g_hash_table_insert (fz->refusals, key, GUINT_TO_POINTER (n + 1));
      res = PUSH_REFUSED;
    }
  } else {
    fuzz_fail (fz, ret == GST_FLOW_NOT_NEGOTIATED ? "not-negotiated" : "flow",
        "flow %s on legal caps (%u errors: %s / %s)", gst_flow_get_name (ret),
        n_err, msg, dbg);
  }
  g_free (msg);
  g_free (dbg);

  if (*out) {
    GstCaps *caps = gst_pad_get_current_caps (h->sinkpad);

    if (!caps || !gst_video_info_from_caps (out_info, caps)) {
      fuzz_fail (fz, "output-caps", "no usable output caps");
      gst_buffer_replace (out, NULL);
      res = PUSH_FAILED;
    }
    if (caps)
      gst_caps_unref (caps);
  }
  return res;
}

static void
random_values (Case *c, guint16 *val)
{
  for (guint i = 0; i < 4; i++)
    val[i] = is_16bit (&c->in_info) ? rnd (&c->rng, 65536) : rnd (&c->rng, 256);
}

/* one frame of a random non-flat picture, split over memories and in one
 * block, through two fresh elements: the same output */
static void
compare_split (Fuzz *fz, Case *c, const Config *cfg)
{
  guint8 *data = g_malloc (c->bl.size);
  guint32 noise = c->rng ^ 0x9e3779b9;
  guint16 val[4] = { 0, 0, 0, 0 };
  BufLayout single;
  GstBuffer *in_split, *in_single, *a = NULL, *b = NULL;
  GstVideoInfo ia, ib;
  GstBus *bus_a = gst_bus_new (), *bus_b = gst_bus_new ();
  GstHarness *ha, *hb;
  PushResult ra, rb;
  gchar where[128];
  guint8 *sdata;

  if (!noise)
    noise = 1;
  memset (data, 0xa5, c->bl.size);
  write_picture (data, c->bl.size, &c->in_info, &c->bl, val, &noise);
  in_split = make_buffer (data, &c->bl, &c->in_info, FALSE, FALSE);

  /* the same picture in the default layout, one memory, no meta */
  memset (&single, 0, sizeof (single));
  default_layout (&c->in_info, &single);
  single.n_mem = 1;
  sdata = g_malloc0 (single.size);
  for (guint p = 0; p < GST_VIDEO_INFO_N_PLANES (&c->in_info); p++) {
    gint rows;
    gsize row;

    plane_geom (&c->in_info, p, &rows, &row);
    for (gint y = 0; y < rows; y++)
      memcpy (sdata + single.offset[p] + (gsize) y * single.stride[p],
          data + c->bl.offset[p] + (gsize) y * c->bl.stride[p], row);
  }
  in_single = make_buffer (sdata, &single, &c->in_info, FALSE, TRUE);
  g_free (sdata);
  g_free (data);

  g_strlcat (fz->desc, " (split vs one-block comparison, random picture)",
      sizeof (fz->desc));
  g_strlcpy (crash_desc, fz->desc, sizeof (crash_desc));
  ha = case_harness (c, cfg, bus_a);
  hb = case_harness (c, cfg, bus_b);
  ra = push_one (fz, c, ha, bus_a, in_split, FALSE, &a, &ia);
  rb = push_one (fz, c, hb, bus_b, in_single, FALSE, &b, &ib);
  if (ra == PUSH_OK && rb == PUSH_OK) {
    fuzz_check (fz, gst_video_info_is_equal (&ia, &ib), "split-caps-differ",
        "output caps differ");
    if (gst_video_info_is_equal (&ia, &ib))
      fuzz_check (fz, outputs_equal (fz, a, b, &ia, where, sizeof (where)),
          "split-differs",
          "random picture split over memories scales differently from one "
          "block: %s",
          where);
  } else {
    fuzz_check (fz, ra == rb, "split-outcome-differs",
        "split input %s, single block %s",
        ra == PUSH_OK            ? "ok"
            : ra == PUSH_REFUSED ? "refused"
                                 : "failed",
        rb == PUSH_OK            ? "ok"
            : rb == PUSH_REFUSED ? "refused"
                                 : "failed");
  }
  if (a)
    gst_buffer_unref (a);
  if (b)
    gst_buffer_unref (b);
  harness_done (ha, bus_a);
  harness_done (hb, bus_b);
}

/* YUV in (GRAY formats are YUV to GStreamer, but have no chroma) */
static gboolean
is_convert_in (const GstVideoFormatInfo *fi)
{
  return GST_VIDEO_FORMAT_INFO_IS_YUV (fi)
      && GST_VIDEO_FORMAT_INFO_N_COMPONENTS (fi) > 1;
}

/* a conversion case: the output format, the input's colorimetry and
 * siting, all from crng */
static void
draw_conversion (Case *c)
{
  static const gchar *const named[] = { "bt601", "bt709", "bt2020",
    "smpte240m" };
  static const GstVideoColorMatrix matrix[] = { GST_VIDEO_COLOR_MATRIX_BT601,
    GST_VIDEO_COLOR_MATRIX_BT709, GST_VIDEO_COLOR_MATRIX_BT2020,
    GST_VIDEO_COLOR_MATRIX_SMPTE240M, GST_VIDEO_COLOR_MATRIX_FCC };
  static const GstVideoTransferFunction transfer[] = {
    GST_VIDEO_TRANSFER_UNKNOWN, GST_VIDEO_TRANSFER_BT709,
    GST_VIDEO_TRANSFER_BT601, GST_VIDEO_TRANSFER_SRGB,
    GST_VIDEO_TRANSFER_BT2020_10
  };
  static const GstVideoColorPrimaries primaries[] = {
    GST_VIDEO_COLOR_PRIMARIES_UNKNOWN, GST_VIDEO_COLOR_PRIMARIES_BT709,
    GST_VIDEO_COLOR_PRIMARIES_SMPTE170M, GST_VIDEO_COLOR_PRIMARIES_BT2020
  };
  static const gchar *const sites[] = { "", ",chroma-site=jpeg",
    ",chroma-site=mpeg2", ",chroma-site=dv", ",chroma-site=cosited",
    ",chroma-site=v-cosited", ",chroma-site=h-cosited" };
  guint32 *r = &c->crng;
  guint k = rnd (r, 20);
  gchar *caps_str;
  GstCaps *caps;

  c->conv = TRUE;
  c->out_format = convert_out[rnd (r, G_N_ELEMENTS (convert_out))];
  c->site = sites[rnd (r, G_N_ELEMENTS (sites))];
  if (k < 2) {
    /* none: GStreamer's default for the size */
    c->colorimetry[0] = '\0';
  } else if (k < 6) {
    g_strlcpy (c->colorimetry, named[rnd (r, G_N_ELEMENTS (named))],
        sizeof (c->colorimetry));
  } else {
    /* "1:4:5:1"-style, or a name when it has one */
    GstVideoColorimetry cm;
    gchar *str;

    cm.range = rnd (r, 2) ? GST_VIDEO_COLOR_RANGE_0_255
                          : GST_VIDEO_COLOR_RANGE_16_235;
    cm.matrix = matrix[rnd (r, G_N_ELEMENTS (matrix))];
    /* unknown ones now and then: GStreamer's default for the size (an
     * unknown matrix), gst_video_color_range_offsets' limited range (an
     * unknown range) */
    if (k == 6)
      cm.range = GST_VIDEO_COLOR_RANGE_UNKNOWN;
    if (k == 7)
      cm.matrix = GST_VIDEO_COLOR_MATRIX_UNKNOWN;
    cm.transfer = transfer[rnd (r, G_N_ELEMENTS (transfer))];
    cm.primaries = primaries[rnd (r, G_N_ELEMENTS (primaries))];
    str = gst_video_colorimetry_to_string (&cm);
    g_strlcpy (c->colorimetry, str, sizeof (c->colorimetry));
    g_free (str);
  }
  caps_str = src_caps_str (c);
  caps = gst_caps_from_string (caps_str);
  fail_unless (caps && gst_video_info_from_caps (&c->caps_info, caps),
      "cannot read %s", caps_str);
  gst_caps_unref (caps);
  g_free (caps_str);
}

static void
draw_case (
    Case *c, guint32 seed, guint index, guint layouts, guint convert_percent)
{
  guint32 *r;
  guint k;
  static const gchar *const sites[] = { "", ",chroma-site=jpeg",
    ",chroma-site=mpeg2", ",chroma-site=dv" };

  memset (c, 0, sizeof (*c));
  c->seed = seed;
  c->index = index;
  c->rng = case_seed (seed, index);
  r = &c->rng;
  c->format = formats[rnd (r, G_N_ELEMENTS (formats))];
  rnd_size (r, &c->in_w, &c->in_h);
  gst_video_info_set_format (&c->in_info, c->format, c->in_w, c->in_h);
  c->site = "";
  if (GST_VIDEO_FORMAT_INFO_IS_YUV (c->in_info.finfo)
      && GST_VIDEO_FORMAT_INFO_N_COMPONENTS (c->in_info.finfo) > 1)
    c->site = sites[rnd (r, G_N_ELEMENTS (sites))];
  c->fixed = rnd (r, 100) < 60;
  if (c->fixed)
    rnd_size (r, &c->out_w, &c->out_h);
  do {
    k = rnd (r, 100);
    c->layout = k < 30 ? L_DEFAULT
        : k < 50       ? L_PADDED
        : k < 70       ? L_SPLIT
        : k < 78       ? L_SHORT
        : k < 88       ? L_HOSTILE
                       : L_ODD;
    /* 16-bit data at odd addresses more often */
    if (c->layout == L_DEFAULT && c->format == GST_VIDEO_FORMAT_GRAY16_LE
        && rnd (r, 3) == 0)
      c->layout = L_ODD;
  } while (!(layouts & (1u << c->layout)));
  c->n_frames = rnd (r, 100) < 30 ? 2 + rnd (r, 3) : 1;

  /* conversions from their own generator ("CONV"): rng's draws above and
   * later are those of a case before conversions existed */
  c->out_format = c->format;
  c->crng = case_seed (seed ^ 0x434f4e56u, index);
  if (is_convert_in (c->in_info.finfo) && rnd (&c->crng, 100) < convert_percent)
    draw_conversion (c);
  /* integer-model from a third ("LIBR"), the same way */
  c->mrng = case_seed (seed ^ 0x4c494252u, index);
  /* the methods added with the library filters from a fourth ("METH") */
  c->krng = case_seed (seed ^ 0x4d455448u, index);
  /* letterbox, crop and pad-value from a fifth ("GEOM") */
  c->grng = case_seed (seed ^ 0x47454f4du, index);
}

static void
run_case (Fuzz *fz, guint index, guint layouts)
{
  Case c;
  Config cfg;
  GstBus *bus;
  GstHarness *h;
  gboolean hostile, started_lib;

  draw_case (&c, fz->seed, index, layouts, fz->convert_percent);
  c.library_percent = fz->library_percent;
  memset (&cfg, 0, sizeof (cfg));
  cfg.cu = rnd (&c.crng, 2);
  cfg.im = draw_integer_model (&c.mrng, fz->library_percent);
  fitting_config (&c, &cfg);
  draw_geometry (&c, &cfg);
  started_lib = cfg.im != IM_EXACT;
  case_layout (&c);
  hostile = c.bl.hostile != NULL;
  fz->case_failed = FALSE;
  fz->case_refused = FALSE;
  describe (fz, &c, &cfg, 0);
  if (g_getenv ("ALIGNSCALE_FUZZ_VERBOSE"))
    g_print ("fuzz: %s\n", fz->desc);

  bus = gst_bus_new ();
  h = case_harness (&c, &cfg, bus);
  for (guint f = 0; f < c.n_frames; f++) {
    guint16 val[4];
    guint8 *data;
    GstBuffer *in, *out;
    GstVideoInfo out_info;
    PushResult res;

    if (f > 0) {
      change_config (&c, h->element, &cfg);
      fuzz_check (fz, crop_refusals_seen == crop_refusals_asked, "crop-refusal",
          "%u refused crops set, %u warnings", crop_refusals_asked,
          crop_refusals_seen);
      crop_refusals_asked = crop_refusals_seen = 0;
    }
    describe (fz, &c, &cfg, f);
    if (f > 0 && g_getenv ("ALIGNSCALE_FUZZ_VERBOSE"))
      g_print ("fuzz: %s\n", fz->desc);
    /* new values every frame: a stale frame cannot pass */
    random_values (&c, val);
    data = g_malloc (c.bl.size + 1);
    for (gsize i = 0; i < c.bl.size; i++)
      data[i] = xorshift32 (&c.rng) >> 24; /* gaps are garbage */
    write_picture (data, c.bl.size, &c.in_info, &c.bl, val, NULL);
    in = make_buffer (data, &c.bl, &c.in_info, c.layout == L_ODD, FALSE);
    g_free (data);
    GST_BUFFER_PTS (in) = f * (GST_SECOND / 30);
    GST_BUFFER_DURATION (in) = GST_SECOND / 30;

    res = push_one (fz, &c, h, bus, in, hostile, &out, &out_info);
    if (res == PUSH_REFUSED)
      fz->case_refused = TRUE;
    if (out && hostile) {
      gst_buffer_unref (out); /* already a failure */
    } else if (out) {
      gint ew, eh;
      Rect src, pic;

      expected_size (&c, &cfg, &ew, &eh);
      fuzz_check (fz,
          GST_VIDEO_INFO_FORMAT (&out_info) == c.out_format
              && out_info.width == ew && out_info.height == eh,
          "output-caps", "output caps %s %dx%d, want %s %dx%d",
          GST_VIDEO_INFO_NAME (&out_info), out_info.width, out_info.height,
          gst_video_format_to_string (c.out_format), ew, eh);
      if (cfg.im != IM_EXACT && library_covers (&c, &cfg))
        fz->lib_frames[cfg.im]++;
      else if (cfg.im != IM_EXACT)
        fz->lib_fallback++;
      if (GST_VIDEO_INFO_FORMAT (&out_info) == c.out_format
          && check_geometry (fz, out, &out_info, &c, &cfg, &src, &pic)) {
        if (cfg.lb || cfg.crop[2] || cfg.n_pad)
          fz->geom_frames++;
        if (pic.w != out_info.width || pic.h != out_info.height)
          fz->pad_frames++;
        if (c.conv)
          check_conv_flat (fz, out, &out_info, &c, val, &cfg, &src, &pic);
        else
          check_flat (fz, out, &out_info, &c, val, &cfg, &src, &pic);
        if (cfg.im != IM_EXACT && library_covers (&c, &cfg))
          fz->lib_flat[cfg.im]++;
      }
      gst_buffer_unref (out);
    }
    if (res != PUSH_OK)
      break; /* refused (or failed): the next frame would say the same */
  }
  harness_done (h, bus);

  if (c.layout == L_SPLIT && !fz->case_failed)
    compare_split (fz, &c, &cfg);

  fz->cases++;
  fz->converting += c.conv;
  fz->library_cases += started_lib;
  if (started_lib && !fz->case_failed && !fz->case_refused)
    fz->library_ok++;
  if (fz->case_failed)
    fz->failed_cases++;
  else if (fz->case_refused)
    fz->refused++;
  else
    fz->ok++;
  if (c.conv && !fz->case_failed && !fz->case_refused)
    fz->converting_ok++;
}

static guint
layouts_from_env (void)
{
  const gchar *s = g_getenv ("ALIGNSCALE_FUZZ_LAYOUTS");
  gchar **names;
  guint mask = 0;

  if (!s || !*s)
    return (1u << N_LAYOUTS) - 1;
  names = g_strsplit (s, ",", -1);
  for (gchar **n = names; *n; n++)
    for (guint l = 0; l < N_LAYOUTS; l++)
      if (!strcmp (g_strstrip (*n), layout_name[l]))
        mask |= 1u << l;
  g_strfreev (names);
  fail_unless (mask != 0, "ALIGNSCALE_FUZZ_LAYOUTS=%s names no layout", s);
  return mask;
}

static void
print_counts (gpointer key, gpointer value, gpointer user_data)
{
  g_print ("%s%5u  %s\n", (const gchar *) user_data, GPOINTER_TO_UINT (value),
      (const gchar *) key);
}

GST_START_TEST (test_fuzz)
{
  const gchar *s;
  Fuzz fz;
  guint n_cases = DEFAULT_CASES, first = 0, layouts = layouts_from_env ();
  gint64 t0 = g_get_monotonic_time ();
  struct sigaction sa, old_abrt, old_trap;
#if !defined(__SANITIZE_ADDRESS__)
  struct sigaction old_segv, old_bus;
#endif
  GString *summary;
  gchar msg[8192];
  static const gchar *const domains[] = { NULL, "GLib", "GLib-GObject",
    "GStreamer", "GStreamer-Base", "GStreamer-Video" };
  GstCheckLogFilter *filters[G_N_ELEMENTS (domains)];

  memset (&fz, 0, sizeof (fz));
  fz.seed = DEFAULT_SEED;
  fz.convert_percent = DEFAULT_CONVERT_PERCENT;
  fz.library_percent = DEFAULT_LIBRARY_PERCENT;
  fz.max_printed = DEFAULT_PRINTED;
  if ((s = g_getenv ("ALIGNSCALE_FUZZ_PRINT")))
    fz.max_printed = (guint) g_ascii_strtoull (s, NULL, 0);
  if ((s = g_getenv ("ALIGNSCALE_FUZZ_CONVERT")))
    fz.convert_percent = (guint) g_ascii_strtoull (s, NULL, 0);
  if ((s = g_getenv ("ALIGNSCALE_FUZZ_LIBRARY")))
    fz.library_percent = (guint) g_ascii_strtoull (s, NULL, 0);
  if ((s = g_getenv ("ALIGNSCALE_FUZZ_SEED")))
    fz.seed = (guint32) g_ascii_strtoull (s, NULL, 0);
  if ((s = g_getenv ("ALIGNSCALE_FUZZ_CASES")))
    n_cases = (guint) g_ascii_strtoull (s, NULL, 0);
  if ((s = g_getenv ("ALIGNSCALE_FUZZ_FIRST")))
    first = (guint) g_ascii_strtoull (s, NULL, 0);
  if ((s = g_getenv ("ALIGNSCALE_FUZZ_CASE"))) {
    first = (guint) g_ascii_strtoull (s, NULL, 0);
    n_cases = first + 1;
  }
  fz.stop = g_getenv ("ALIGNSCALE_FUZZ_STOP") != NULL;
  fz.fail_count = g_hash_table_new (g_str_hash, g_str_equal);
  fz.fail_first = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  fz.refusals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint d = 0; d < G_N_ELEMENTS (domains); d++)
    filters[d] = gst_check_add_log_filter (domains[d],
        G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING,
        g_regex_new (".*", 0, 0, NULL), log_filter, &fz, NULL);

  /* a crash, a sanitizer report or a fatal g_critical names the case */
  memset (&sa, 0, sizeof (sa));
  sa.sa_handler = crash_signal;
  sigaction (SIGABRT, &sa, &old_abrt);
  sigaction (SIGTRAP, &sa, &old_trap); /* g_error, fatal g_critical */
#if defined(__SANITIZE_ADDRESS__)
  set_death_callback (print_crash_desc);
#else
  sigaction (SIGSEGV, &sa, &old_segv);
  sigaction (SIGBUS, &sa, &old_bus);
#endif

  for (guint i = first; i < n_cases; i++) {
    gint64 c0 = g_get_monotonic_time ();
    gdouble secs;

    run_case (&fz, i, layouts);
    secs = (g_get_monotonic_time () - c0) / 1e6;
    if (secs > fz.slowest_s) {
      fz.slowest_s = secs;
      fz.slowest = i;
    }
  }

#if defined(__SANITIZE_ADDRESS__)
  set_death_callback (NULL);
#else
  sigaction (SIGSEGV, &old_segv, NULL);
  sigaction (SIGBUS, &old_bus, NULL);
#endif
  sigaction (SIGABRT, &old_abrt, NULL);
  sigaction (SIGTRAP, &old_trap, NULL);
  for (guint d = 0; d < G_N_ELEMENTS (domains); d++)
    gst_check_remove_log_filter (filters[d]);
  crash_desc[0] = '\0';

  g_print ("fuzz: %u cases, %u ok, %u refused with an error, %u failed, in "
           "%.1f s (seed %u)\n",
      fz.cases, fz.ok, fz.refused, fz.failed_cases,
      (g_get_monotonic_time () - t0) / 1e6, fz.seed);
  g_print ("fuzz: %u of the cases convert YUV to RGB (%u %% of the YUV ones "
           "drawn), %u of them ok\n",
      fz.converting, fz.convert_percent, fz.converting_ok);
  g_print ("fuzz: %u of the cases start on integer-model opencv or pillow "
           "(%u %% drawn), %u of them ok; frames made by a library model: "
           "opencv %u (%u checked flat), pillow %u (%u checked flat); by the "
           "default chain in their place: %u\n",
      fz.library_cases, fz.library_percent, fz.library_ok,
      fz.lib_frames[IM_OPENCV], fz.lib_flat[IM_OPENCV],
      fz.lib_frames[IM_PILLOW], fz.lib_flat[IM_PILLOW], fz.lib_fallback);
  g_print ("fuzz: %u frames with letterbox, crop or pad-value set, %u of "
           "them with a pad; pictures not checked (Pillow's windows past "
           "the bound at the picture's sizes): %u\n",
      fz.geom_frames, fz.pad_frames, fz.geom_unchecked);
  g_print ("fuzz: %u frames passed through (no meta), %u frames of a preset "
           "that could not place the picture\n",
      fz.passthrough_frames, fz.lb_fallback);
  g_print ("fuzz: slowest case %u, %.3f s\n", fz.slowest, fz.slowest_s);
  g_print ("fuzz: refusals (layout: message):\n");
  g_hash_table_foreach (fz.refusals, print_counts, (gpointer) "fuzz:   ");
  summary = g_string_new (NULL);
  if (g_hash_table_size (fz.fail_count)) {
    GHashTableIter it;
    gpointer k, v;

    g_print ("fuzz: failures by kind:\n");
    g_hash_table_foreach (fz.fail_count, print_counts, (gpointer) "fuzz:   ");
    g_hash_table_iter_init (&it, fz.fail_first);
    while (g_hash_table_iter_next (&it, &k, &v))
      g_string_append_printf (summary, "\n  first %s", (const gchar *) v);
  }
  /* the message on the stack: nothing left to leak when failing */
  g_strlcpy (msg, summary->str, sizeof (msg));
  g_string_free (summary, TRUE);
  g_hash_table_unref (fz.fail_count);
  g_hash_table_unref (fz.fail_first);
  g_hash_table_unref (fz.refusals);
  fail_unless (fz.failed_cases == 0, "%u of %u fuzz cases failed:%s",
      fz.failed_cases, fz.cases, msg);
}

GST_END_TEST;

static Suite *
alignscale_fuzz_suite (void)
{
  Suite *s = suite_create ("alignscale-fuzz");
  TCase *tc = tcase_create ("fuzz");

  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_fuzz);
  return s;
}

GST_CHECK_MAIN (alignscale_fuzz);
