/* alignscale: letterbox geometry (where each library puts the picture)
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each preset is its library's arithmetic in its library's types and order
 * (docs/letterbox.md): a rational or a rounded-differently formula would
 * place the picture one pixel off for some sizes.
 */
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "letterbox.h"

#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define MIN(a, b) ((a) < (b) ? (a) : (b))

/* Python's round () on a double: half to even, whatever the FPU's rounding
 * mode (x - floor (x) is exact for the magnitudes here) */
static double
round_half_even (double x)
{
  double f = floor (x), d = x - f;

  if (d > 0.5)
    return f + 1.0;
  if (d < 0.5)
    return f;
  return fmod (f, 2.0) == 0.0 ? f : f + 1.0;
}

static AsRect
rect (int x, int y, int w, int h)
{
  AsRect r = { x, y, w, h };
  return r;
}

/* ultralytics/data/augment.py LetterBox.__call__ with auto=False,
 * scaleFill=False, scaleup=True, center=True */
static void
place_ultralytics (AsLetterboxGeom *g)
{
  double r = MIN ((double) g->out_h / g->in_h, (double) g->out_w / g->in_w);
  int nw = (int) round_half_even (g->in_w * r);
  int nh = (int) round_half_even (g->in_h * r);
  /* dw /= 2 is exact: an integer over 2 */
  double dw = (g->out_w - nw) / 2.0, dh = (g->out_h - nh) / 2.0;

  g->pic = rect ((int) round_half_even (dw - 0.1),
      (int) round_half_even (dh - 0.1), nw, nh);
}

/* mmcv rescale_size with scale = (W, H) and _scale_size; mmcv Pad (size)
 * puts the picture top left */
static void
place_mmdet (AsLetterboxGeom *g)
{
  int lo = MIN (g->out_w, g->out_h), hi = MAX (g->out_w, g->out_h);
  double s = MIN ((double) hi / MAX (g->in_h, g->in_w),
      (double) lo / MIN (g->in_h, g->in_w));

  /* int () truncates; the values are positive */
  g->pic = rect (0, 0, (int) (g->in_w * s + 0.5), (int) (g->in_h * s + 0.5));
}

/* gst-nvinfer get_converted_buffer: the source rectangle rounded down to
 * even sizes, the product in integers, one division in double, (guint) */
static void
place_deepstream (AsLetterboxGeom *g, int symmetric)
{
  int sw = g->in_w & ~1, sh = g->in_h & ~1, dw, dh;
  double hdest, wdest;

  g->src = rect (0, 0, sw, sh);
  if (sw == 0 || sh == 0) {
    g->pic = rect (0, 0, 0, 0);
    return;
  }
  hdest = (double) ((int64_t) g->out_w * sh) / sw;
  wdest = (double) ((int64_t) g->out_h * sw) / sh;
  if (hdest <= g->out_h) {
    dw = g->out_w;
    dh = (int) hdest;
  } else {
    dw = (int) wdest;
    dh = g->out_h;
  }
  if (symmetric)
    g->pic = rect ((g->out_w - dw) / 2, (g->out_h - dh) / 2, dw, dh);
  else
    g->pic = rect (0, 0, dw, dh);
}

/* tensorflow/python/ops/image_ops_impl.py _resize_image_with_pad_common,
 * TF 2.x: every value a float32 tensor. Needs FLT_EVAL_METHOD 0 (x86-64
 * SSE, AArch64): each operation rounded to float. */
static void
place_tf (AsLetterboxGeom *g)
{
  float fh = (float) g->in_h, fw = (float) g->in_w;
  float fth = (float) g->out_h, ftw = (float) g->out_w;
  float rx = fw / ftw, ry = fh / fth;
  float ratio = MAX (rx, ry);
  float hf = fh / ratio, wf = fw / ratio;
  float ph = (fth - hf) / 2.0f, pw = (ftw - wf) / 2.0f;

  /* the padding comes from the unrounded size, floored, at least 0 */
  g->pic = rect (MAX (0, (int) floorf (pw)), MAX (0, (int) floorf (ph)),
      (int) floorf (wf), (int) floorf (hf));
}

/* PIL/ImageOps.py (9.4) contain, then pad with centering (0.5, 0.5): only
 * the axis that was not fitted is padded */
static void
place_pillow (AsLetterboxGeom *g)
{
  double im_ratio = (double) g->in_w / g->in_h;
  double dest_ratio = (double) g->out_w / g->out_h;
  int w = g->out_w, h = g->out_h;

  if (im_ratio != dest_ratio) {
    if (im_ratio > dest_ratio)
      h = (int) round_half_even ((double) g->in_h / g->in_w * g->out_w);
    else
      w = (int) round_half_even ((double) g->in_w / g->in_h * g->out_h);
  }
  if (w != g->out_w)
    g->pic = rect ((int) round_half_even ((g->out_w - w) * 0.5), 0, w, h);
  else
    g->pic = rect (0, (int) round_half_even ((g->out_h - h) * 0.5), w, h);
}

/* gstutils.c gst_util_greatest_common_divisor */
static int
gst_gcd (int a, int b)
{
  while (b != 0) {
    int t = a;
    a = b;
    b = t % b;
  }
  return a < 0 ? -a : a;
}

/* gstutils.c gst_util_fraction_multiply: reduced result, FALSE (0) where
 * it would overflow a gint */
static int
gst_fraction_multiply (
    int a_n, int a_d, int b_n, int b_d, int *res_n, int *res_d)
{
  int gcd;

  if (a_n == 0 || b_n == 0) {
    *res_n = 0;
    *res_d = 1;
    return 1;
  }
  gcd = gst_gcd (a_n, a_d);
  a_n /= gcd;
  a_d /= gcd;
  gcd = gst_gcd (b_n, b_d);
  b_n /= gcd;
  b_d /= gcd;
  gcd = gst_gcd (a_n, b_d);
  a_n /= gcd;
  b_d /= gcd;
  gcd = gst_gcd (a_d, b_n);
  a_d /= gcd;
  b_n /= gcd;
  if (a_n != 0 && INT_MAX / (a_n < 0 ? -a_n : a_n) < (b_n < 0 ? -b_n : b_n))
    return 0;
  if (INT_MAX / (a_d < 0 ? -a_d : a_d) < (b_d < 0 ? -b_d : b_d))
    return 0;
  *res_n = a_n * b_n;
  *res_d = a_d * b_d;
  gcd = gst_gcd (*res_n, *res_d);
  *res_n /= gcd;
  *res_d /= gcd;
  return 1;
}

/* videoconvertscale.c gst_video_convert_scale_set_info (GStreamer 1.22):
 * borders from the display aspect ratios, the picture at half of them.
 * Where GStreamer cannot compute a ratio it stretches, and so do we. */
static void
place_add_borders (AsLetterboxGeom *g, int in_par_n, int in_par_d,
    int out_par_n, int out_par_d)
{
  int from_n, from_d, to_n, to_d, n, d, bw = 0, bh = 0;

  if (!gst_fraction_multiply (
          g->in_w, g->in_h, in_par_n, in_par_d, &from_n, &from_d))
    from_n = from_d = -1;
  if (!gst_fraction_multiply (
          g->out_w, g->out_h, out_par_n, out_par_d, &to_n, &to_d))
    to_n = to_d = -1;
  if ((to_n != from_n || to_d != from_d) && from_n != -1 && from_d != -1
      && gst_fraction_multiply (from_n, from_d, out_par_d, out_par_n, &n, &d)) {
    /* gst_util_uint64_scale_int: floor (val * num / denom) */
    int64_t to_h = (int64_t) g->out_w * d / n;

    if (to_h <= g->out_h) {
      bh = g->out_h - (int) to_h;
    } else {
      bw = g->out_w - (int) ((int64_t) g->out_h * n / d);
    }
  }
  g->pic = rect (bw / 2, bh / 2, g->out_w - bw, g->out_h - bh);
}

int
as_letterbox_place (AsLetterbox preset, int in_w, int in_h, int out_w,
    int out_h, int in_par_n, int in_par_d, int out_par_n, int out_par_d,
    AsLetterboxGeom *geom, const char **why)
{
  AsLetterboxGeom g = { preset, in_w, in_h, out_w, out_h };
  const char *reason = NULL;

  if (in_w < 1 || in_h < 1 || out_w < 1 || out_h < 1) {
    reason = "a size is below 1";
    goto refuse;
  }
  if (in_par_n < 1 || in_par_d < 1 || out_par_n < 1 || out_par_d < 1) {
    reason = "a pixel aspect ratio is not positive";
    goto refuse;
  }
  g.src = rect (0, 0, in_w, in_h);
  switch (preset) {
    case AS_LETTERBOX_NONE:
      g.pic = rect (0, 0, out_w, out_h);
      break;
    case AS_LETTERBOX_ULTRALYTICS:
      place_ultralytics (&g);
      break;
    case AS_LETTERBOX_MMDET:
      place_mmdet (&g);
      /* the scale pairs long with long edge whatever the output's
       * orientation: a portrait picture into a landscape output comes out
       * taller than the output, and mmcv's Pad then adds nothing. Refused
       * rather than given a geometry mmdet never produced. */
      if (g.pic.w > out_w || g.pic.h > out_h) {
        reason = "mmdet's scale ignores orientation: the picture would be "
                 "larger than the output";
        goto refuse;
      }
      break;
    case AS_LETTERBOX_DEEPSTREAM:
    case AS_LETTERBOX_DEEPSTREAM_SYMMETRIC:
      place_deepstream (&g, preset == AS_LETTERBOX_DEEPSTREAM_SYMMETRIC);
      if (g.src.w == 0 || g.src.h == 0) {
        reason = "DeepStream rounds the source size down to even: 0";
        goto refuse;
      }
      break;
    case AS_LETTERBOX_TF:
      place_tf (&g);
      break;
    case AS_LETTERBOX_PILLOW:
      place_pillow (&g);
      break;
    case AS_LETTERBOX_ADD_BORDERS:
      place_add_borders (&g, in_par_n, in_par_d, out_par_n, out_par_d);
      break;
    default:
      reason = "unknown letterbox preset";
      goto refuse;
  }
  /* the libraries raise (cv2.resize, Pillow, TF) or output no picture
   * (videoscale, nvinfer): nothing to resize into */
  if (g.pic.w < 1) {
    reason = "the picture rounds to 0 columns";
    goto refuse;
  }
  if (g.pic.h < 1) {
    reason = "the picture rounds to 0 rows";
    goto refuse;
  }
  g.sx = g.pic.w / (double) g.src.w;
  g.sy = g.pic.h / (double) g.src.h;
  *geom = g;
  return 0;

refuse:
  if (why)
    *why = reason;
  return -1;
}

void
as_letterbox_to_output (
    const AsLetterboxGeom *g, const double in[4], double out[4])
{
  out[0] = (in[0] - g->src.x) * g->sx + g->pic.x;
  out[1] = (in[1] - g->src.y) * g->sy + g->pic.y;
  out[2] = (in[2] - g->src.x) * g->sx + g->pic.x;
  out[3] = (in[3] - g->src.y) * g->sy + g->pic.y;
}

static double
clampd (double v, double lo, double hi)
{
  return v < lo ? lo : (v > hi ? hi : v);
}

void
as_letterbox_to_input (
    const AsLetterboxGeom *g, const double out[4], double in[4])
{
  if (g->preset == AS_LETTERBOX_ULTRALYTICS) {
    /* ultralytics/utils/ops.py scale_boxes (ratio_pad=None): the unrounded
     * gain and a padding from it, not the LetterBox's rounded size */
    double gain = MIN (
        (double) g->out_h / g->in_h, (double) g->out_w / g->in_w);
    double pad_x = round_half_even ((g->out_w - g->in_w * gain) / 2 - 0.1);
    double pad_y = round_half_even ((g->out_h - g->in_h * gain) / 2 - 0.1);

    in[0] = clampd ((out[0] - pad_x) / gain, 0, g->in_w);
    in[1] = clampd ((out[1] - pad_y) / gain, 0, g->in_h);
    in[2] = clampd ((out[2] - pad_x) / gain, 0, g->in_w);
    in[3] = clampd ((out[3] - pad_y) / gain, 0, g->in_h);
    return;
  }
  in[0] = (out[0] - g->pic.x) / g->sx + g->src.x;
  in[1] = (out[1] - g->pic.y) / g->sy + g->src.y;
  in[2] = (out[2] - g->pic.x) / g->sx + g->src.x;
  in[3] = (out[3] - g->pic.y) / g->sy + g->src.y;
}

int
as_letterbox_pad_value (AsLetterbox preset)
{
  /* cv2.copyMakeBorder (value=(114, 114, 114)); mmcv's pad_val, nvinfer's
   * memset, TF's zeros, Pillow's color=None and videoscale's border are
   * black: 0 on RGB and gray (what black is on YUV is the caller's) */
  return preset == AS_LETTERBOX_ULTRALYTICS ? 114 : 0;
}

const char *
as_letterbox_nick (AsLetterbox preset)
{
  static const char *const nicks[AS_N_LETTERBOX] = { "none", "ultralytics",
    "mmdet", "deepstream", "deepstream-symmetric", "tf", "pillow",
    "add-borders" };

  return (unsigned) preset < AS_N_LETTERBOX ? nicks[preset] : NULL;
}
