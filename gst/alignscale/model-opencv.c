/* alignscale: the OpenCV model (integer-model=opencv)
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * OpenCV 4.6's cv2.resize, byte for byte: its tables from the sizes alone.
 * See model.h for the arithmetic and the contract, docs/integer-models.md
 * for what each call of the library gives and how it was checked.
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gather.h"
#include "model-priv.h"

#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

/* OpenCV's scale: 1 / (out / in), in double (resize.cpp) */
static double
ocv_scale (int in, int out)
{
  return 1.0 / ((double) out / (double) in);
}

/* INTER_LINEAR's table of one axis: first tap and Q11 weights rounded
 * half to even from the float32 fraction; the x axis clamps both (outside
 * the picture: the edge pixel, weight 0), the y axis keeps the fraction
 * and lets the rows be clamped when read (v_row) */
static void
ocv_linear_axis (int in, int out, int clamp, int32_t *ofs, int16_t *w)
{
  double scale = ocv_scale (in, out);

  for (int i = 0; i < out; i++) {
    float f = (float) ((i + 0.5) * scale - 0.5);
    int sx = (int) floorf (f);

    f -= (float) sx;
    if (clamp && sx < 0) {
      sx = 0;
      f = 0.0f;
    }
    if (clamp && sx >= in - 1) {
      sx = in - 1;
      f = 0.0f;
    }
    ofs[i] = sx;
    w[2 * i] = (int16_t) lrintf ((1.0f - f) * 2048.0f);
    w[2 * i + 1] = (int16_t) lrintf (f * 2048.0f);
  }
}

/* OpenCV's interpolateCubic (A = -0.75), float32 operations in its order */
static void
ocv_cubic_coeffs (float x, float *c)
{
  const float A = -0.75f;

  c[0] = ((A * (x + 1) - 5 * A) * (x + 1) + 8 * A) * (x + 1) - 4 * A;
  c[1] = ((A + 2) * x - (A + 3)) * x * x + 1;
  c[2] = ((A + 2) * (1 - x) - (A + 3)) * (1 - x) * (1 - x) + 1;
  c[3] = 1.f - c[0] - c[1] - c[2];
}

/* OpenCV's interpolateLanczos4: the eight taps in double from one sin and
 * cos, each rounded to float, normalised by their float sum (a tap at
 * distance 0 takes 1e30, so the others vanish) */
static void
ocv_lanczos4_coeffs (float x, float *c)
{
  static const double s45 = 0.70710678118654752440084436210485;
  static const double cs[8][2] = { { 1, 0 }, { -s45, -s45 }, { 0, 1 },
    { s45, -s45 }, { -1, 0 }, { s45, s45 }, { 0, -1 }, { -s45, s45 } };
  const double pi = 3.1415926535897932384626433832795;
  double y0 = -(x + 3) * pi * 0.25, s0 = sin (y0), c0 = cos (y0);
  float sum = 0;

  for (int i = 0; i < 8; i++) {
    float d = x + 3 - i;
    if (fabsf (d) >= 1e-6f) {
      double y = -d * pi * 0.25;
      c[i] = (float) ((cs[i][0] * s0 + cs[i][1] * c0) / (y * y));
    } else {
      c[i] = 1e30f;
    }
    sum += c[i];
  }
  sum = 1.f / sum;
  for (int i = 0; i < 8; i++)
    c[i] *= sum;
}

/* INTER_CUBIC's (ksize 4) or INTER_LANCZOS4's (8) table of one axis:
 * first tap floor (f) - ksize / 2 + 1 from the float32 coordinate, the
 * fraction kept at the borders (INTER_LINEAR zeroes it there), weights
 * saturate_cast<short> (cvRound (c * 2048)): ties to even, not summing
 * to 2048 exactly */
static void
ocv_taps_axis (int in, int out, int ksize, int32_t *first, int16_t *w)
{
  double scale = ocv_scale (in, out);
  float c[8];

  for (int i = 0; i < out; i++) {
    float f = (float) ((i + 0.5) * scale - 0.5);
    int sx = (int) floorf (f);

    f -= (float) sx;
    if (ksize == 4)
      ocv_cubic_coeffs (f, c);
    else
      ocv_lanczos4_coeffs (f, c);
    first[i] = sx - ksize / 2 + 1;
    for (int k = 0; k < ksize; k++) {
      long v = lrintf (c[k] * 2048.0f);
      w[(size_t) i * ksize + k] = (int16_t) (v < INT16_MIN ? INT16_MIN
              : v > INT16_MAX                              ? INT16_MAX
                                                           : v);
    }
  }
}

/* The horizontal taps as windows of n = min (ksize, in) pixels inside the
 * picture: OpenCV reads a tap outside as the edge pixel (HResizeCubic,
 * HResizeLanczos4) and sums in int32 exactly, so the weights of the taps
 * that land on one pixel may be added (at most 2051 in all) */
static void
ocv_fold_axis (int in, int out, int ksize, int n, const int32_t *first,
    const int16_t *w, int32_t *ofs, int16_t *wf)
{
  for (int i = 0; i < out; i++) {
    int start = MAX (0, MIN (first[i], in - n));

    for (int k = 0; k < ksize; k++) {
      int px = MAX (0, MIN (first[i] + k, in - 1));
      wf[(size_t) i * n + px - start] += w[(size_t) i * ksize + k];
    }
    ofs[i] = start;
  }
}

/* INTER_CUBIC and INTER_LANCZOS4, 8-bit: int32 Q11 horizontal sums over
 * the folded windows, then the vertical over ksize clamped rows with the
 * unfolded weights (the float32 arithmetic of the cubic's SIMD body sees
 * each tap) */
static double
ocv_taps_prepare (AsModelPlan *mp, const AsModelInput *in, int ksize)
{
  int iw = in->x->in_len, ow = in->x->out_len, ih = in->y->in_len,
      oh = in->y->out_len, n = MIN (ksize, iw);
  size_t line = (size_t) ow * in->channels;
  const AsDsp *dsp = in->dsp;
  int32_t *xfirst = malloc (sizeof (int32_t) * ow);
  int16_t *xw = malloc (sizeof (int16_t) * ksize * (size_t) ow);
  int32_t *xo = as_model_alloc (mp, ow, sizeof (int32_t));
  int16_t *xf = as_model_alloc (mp, (size_t) ow * n, sizeof (int16_t));
  int32_t *yo = as_model_alloc (mp, oh, sizeof (int32_t));
  int16_t *yw = as_model_alloc (mp, (size_t) oh * ksize, sizeof (int16_t));

  if (!xfirst || !xw || !xo || !xf || !yo || !yw) {
    free (xfirst);
    free (xw);
    return -2;
  }
  ocv_taps_axis (iw, ow, ksize, xfirst, xw);
  ocv_fold_axis (iw, ow, ksize, n, xfirst, xw, xo, xf);
  free (xfirst);
  free (xw);
  ocv_taps_axis (ih, oh, ksize, yo, yw);
  mp->h.n_taps = n;
  mp->h.offset = xo;
  mp->h.w = xf;
  mp->h.wr = as_model_replicate (mp, xf, sizeof (int16_t), n, ow, in->channels);
  if (!mp->h.wr)
    return -2;
  as_gather_step2_run (xo, ow, &mp->h.step2_a, &mp->h.step2_b);
  mp->v.n_taps = ksize;
  mp->v.offset = yo;
  mp->v.w = yw;
  mp->h_in = dsp->h[AS_H_OCV8_TAPS];
  mp->v_out = dsp->v[ksize == 4 ? AS_V_OCV8_CUBIC : AS_V_OCV8_LANCZOS4];
  mp->h_first_only = 1;
  mp->inter_size = sizeof (int32_t);
  mp->gather_bytes = line * n;
  mp->acc_bytes = 2 * line * sizeof (int32_t);
  return 0.0;
}

/* OpenCV's integer-factor test (is_area_fast): the double scale within
 * DBL_EPSILON of its cvRound; returns that factor, or 0. Only an exact
 * multiple passes, and not every one: 1 / (1 / 49.) is 49.00000000000001 */
static int
ocv_int_factor (int in, int out)
{
  double s = ocv_scale (in, out), r = nearbyint (s);

  return fabs (s - r) < DBL_EPSILON && r * out == in ? (int) r : 0;
}

/* INTER_AREA's table when an axis grows (resize.cpp's area_mode, the
 * INTER_LINEAR rows with "coverage" fractions): sx = floor (i scale),
 * f = (float) ((i + 1) - (sx + 1) out / in), f <= 0 ? 0 : f - floor (f);
 * clamped as ocv_linear_axis */
static void
ocv_area_linear_axis (int in, int out, int clamp, int32_t *ofs, int16_t *w)
{
  double inv = (double) out / (double) in, scale = 1.0 / inv;

  for (int i = 0; i < out; i++) {
    int sx = (int) floor (i * scale);
    float f = (float) ((i + 1) - (sx + 1) * inv);

    f = f <= 0.0f ? 0.0f : f - floorf (f);
    if (clamp && sx >= in - 1) {
      sx = in - 1;
      f = 0.0f;
    }
    ofs[i] = sx;
    w[2 * i] = (int16_t) lrintf ((1.0f - f) * 2048.0f);
    w[2 * i + 1] = (int16_t) lrintf (f * 2048.0f);
  }
}

/* the INTER_LINEAR rows (Q11 horizontal, the SIMD vertical) on the tables
 * axis () builds: INTER_LINEAR's own or INTER_AREA's coverage ones */
static double
ocv_linear_rows (AsModelPlan *mp, const AsModelInput *in,
    void (*axis) (int, int, int, int32_t *, int16_t *))
{
  int iw = in->x->in_len, ow = in->x->out_len, ih = in->y->in_len,
      oh = in->y->out_len;
  int32_t *xo = as_model_alloc (mp, ow, sizeof (int32_t));
  int32_t *yo = as_model_alloc (mp, oh, sizeof (int32_t));
  int16_t *xw = as_model_alloc (mp, 2 * (size_t) ow, sizeof (int16_t));
  int16_t *yw = as_model_alloc (mp, 2 * (size_t) oh, sizeof (int16_t));

  if (!xo || !yo || !xw || !yw)
    return -2;
  axis (iw, ow, 1, xo, xw);
  axis (ih, oh, 0, yo, yw);
  mp->h.n_taps = mp->v.n_taps = 2;
  mp->h.offset = xo;
  mp->h.w = xw;
  mp->h.step2_a = 0;
  mp->h.step2_b = -1;
  mp->v.offset = yo;
  mp->v.w = yw;
  /* outputs from n_pair on read their last pixel twice (their a1 is
   * 0); the ORC rows take pairs gathered, weights per sample, the SIMD
   * rows a table of their own (row_table) */
  while (mp->h.n_pair < ow && xo[mp->h.n_pair] + 1 < iw)
    mp->h.n_pair++;
  switch (as_model_row_table (mp, in->dsp, AS_H_OCV8_IN)) {
    case -1:
      return -2;
    case 0:
      mp->h.wr = as_model_replicate (
          mp, xw, sizeof (int16_t), 2, ow, in->channels);
      if (!mp->h.wr)
        return -2;
      break;
  }
  mp->h_in = in->dsp->h[AS_H_OCV8_IN];
  mp->v_out = in->dsp->v[AS_V_OCV8_OUT];
  mp->h_first_only = 1;
  mp->inter_size = sizeof (int32_t);
  mp->gather_bytes = 2 * (size_t) ow * in->channels;
  return 0.0;
}

/* INTER_AREA's fast path of an exact 2x2 downscale (INTER_LINEAR and
 * INTER_LINEAR_EXACT take it too), uint8 or uint16: one pass over rows 2j,
 * 2j + 1 */
static double
ocv_area2 (AsModelPlan *mp, const AsModelInput *in)
{
  int oh = in->y->out_len;
  int32_t *yo = as_model_alloc (mp, oh, sizeof (int32_t));

  if (!yo)
    return -2;
  for (int j = 0; j < oh; j++)
    yo[j] = 2 * j;
  mp->v.n_taps = 2;
  mp->v.offset = yo;
  mp->v_one = in->dsp->v[in->bps == 1 ? AS_V_OCV8_AREA2 : AS_V_OCV16_AREA2];
  return 0.0;
}

/* INTER_AREA's other integer factors (resizeAreaFast_): one pass, each
 * output the sum of its kx x ky block (uint8: int; uint16: float),
 * cvRound (sum * (1.f / area)) */
static double
ocv_area_block (AsModelPlan *mp, const AsModelInput *in, int kx, int ky)
{
  int oh = in->y->out_len;
  int32_t *yo = as_model_alloc (mp, oh, sizeof (int32_t));
  AsOcvBlock *b = as_model_alloc (mp, 1, sizeof (AsOcvBlock));

  if (!yo || !b)
    return -2;
  /* uint8: OpenCV's int sum would overflow (a frame of 8.4 Mpixels to
   * one); uint16: its int area */
  if ((int64_t) kx * ky > (in->bps == 1 ? INT32_MAX / 255 : INT32_MAX))
    return -1;
  b->kx = kx;
  b->scale = 1.0f / (float) (kx * ky);
  for (int j = 0; j < oh; j++)
    yo[j] = j * ky;
  mp->v.n_taps = ky;
  mp->v.offset = yo;
  mp->v.w = b;
  mp->v_one = in->dsp->v[in->bps == 1 ? AS_V_OCV8_AREAK : AS_V_OCV16_AREAK];
  return 0.0;
}

/* computeResizeAreaTab for output dx: the source pixels [*first, *first +
 * returned count) of the cell [dx scale, (dx + 1) scale), their float
 * weights in w (when not NULL), exactly as OpenCV computes them */
static int
ocv_area_cell (int in, double scale, int dx, int *first, float *w)
{
  double fsx1 = dx * scale, fsx2 = fsx1 + scale;
  double cell = MIN (scale, in - fsx1);
  int sx1 = (int) ceil (fsx1), sx2 = (int) floor (fsx2), k = 0;

  sx2 = MIN (sx2, in - 1);
  sx1 = MIN (sx1, sx2);
  *first = sx1;
  if (sx1 - fsx1 > 1e-3) {
    *first = sx1 - 1;
    if (w)
      w[k] = (float) ((sx1 - fsx1) / cell);
    k++;
  }
  for (int sx = sx1; sx < sx2; sx++, k++)
    if (w)
      w[k] = (float) (1.0 / cell);
  if (fsx2 - sx2 > 1e-3) {
    if (w)
      w[k] = (float) (MIN (MIN (fsx2 - sx2, 1.0), cell) / cell);
    k++;
  }
  return k;
}

/* one axis of resizeArea_ as windows of the widest cell's taps: each
 * output's weights at its pixels, zeros elsewhere (in front when the
 * window would pass the last pixel); zero weights add exact zeros */
static int
ocv_area_axis (AsModelPlan *mp, int in, int out, AsPass *p)
{
  double scale = ocv_scale (in, out);
  int n = 1, first;
  int32_t *ofs;
  float *w;

  for (int i = 0; i < out; i++)
    n = MAX (n, ocv_area_cell (in, scale, i, &first, NULL));
  n = MIN (n, in);
  ofs = as_model_alloc (mp, out, sizeof (int32_t));
  w = as_model_alloc (mp, (size_t) out * n, sizeof (float));
  if (!ofs || !w)
    return -2;
  for (int i = 0; i < out; i++) {
    int start;
    /* where the cell starts, then its weights in place (w is zeroed) */
    ocv_area_cell (in, scale, i, &first, NULL);
    start = MAX (0, MIN (first, in - n));
    ocv_area_cell (in, scale, i, &first, w + (size_t) i * n + (first - start));
    ofs[i] = start;
  }
  p->n_taps = n;
  p->offset = ofs;
  p->w = w;
  p->step2_a = 0;
  p->step2_b = -1;
  return 0;
}

/* INTER_AREA downscales that are not integer factors (resizeArea_):
 * float32 weights, horizontal first, rounded once */
static double
ocv_area_float (AsModelPlan *mp, const AsModelInput *in)
{
  int ow = in->x->out_len;
  size_t line = (size_t) ow * in->channels;

  if (ocv_area_axis (mp, in->x->in_len, ow, &mp->h) < 0
      || ocv_area_axis (mp, in->y->in_len, in->y->out_len, &mp->v) < 0)
    return -2;
  /* the fast rows: taps gathered into lines, weights per sample, two
   * float accumulator lines */
  mp->h.wr = as_model_replicate (
      mp, mp->h.w, sizeof (float), mp->h.n_taps, ow, in->channels);
  if (!mp->h.wr)
    return -2;
  as_gather_step2_run (mp->h.offset, ow, &mp->h.step2_a, &mp->h.step2_b);
  mp->h_in = in->dsp->h[AS_H_OCV8_AREA_IN];
  mp->v_out = in->dsp->v[AS_V_OCV8_AREA_OUT];
  mp->h_first_only = 1;
  mp->inter_size = sizeof (float);
  mp->gather_bytes = (size_t) mp->h.n_taps * line;
  mp->acc_bytes = 2 * line * sizeof (float);
  return 0.0;
}

/* INTER_AREA: hal::resize's dispatch */
static double
ocv_area (AsModelPlan *mp, const AsModelInput *in)
{
  int iw = in->x->in_len, ow = in->x->out_len, ih = in->y->in_len,
      oh = in->y->out_len;
  int kx = ocv_int_factor (iw, ow), ky = ocv_int_factor (ih, oh);

  /* an axis grows: "area" is emulated by the linear rows on both axes */
  if (ocv_scale (iw, ow) < 1.0 || ocv_scale (ih, oh) < 1.0)
    return ocv_linear_rows (mp, in, ocv_area_linear_axis);
  if (kx == 2 && ky == 2)
    return ocv_area2 (mp, in);
  if (kx && ky)
    return ocv_area_block (mp, in, kx, ky);
  return ocv_area_float (mp, in);
}

/* INTER_NEAREST_EXACT (resizeNN_bitexact), 16.16 fixed point in int:
 * ifx = ((in << 16) + out / 2) / out, source min ((ifx i + ifx0) >> 16,
 * in - 1). OpenCV 4.6 has ifx0 = ifx / 2 - 1 (later releases ifx / 2 -
 * in % 2). Returns -1 where its int arithmetic would overflow. */
static int
ocv_nearest_exact_axis (int in, int out, int32_t *ofs)
{
  int64_t ifx = (((int64_t) in << 16) + out / 2) / out, ifx0 = ifx / 2 - 1;

  if (((int64_t) in << 16) + out / 2 > INT32_MAX || ifx0 < 0
      || ifx * (out - 1) + ifx0 > INT32_MAX)
    return -1;
  for (int i = 0; i < out; i++)
    ofs[i] = (int32_t) MIN ((ifx * i + ifx0) >> 16, in - 1);
  return 0;
}

/* INTER_LINEAR_EXACT's table of one axis (interpolationLinear, in
 * softdouble: the IEEE double operations here): f = scale (i + 0.5) -
 * 0.5 with scale = 1 / (out / in), x0 = floor (f), c1 = cvRound ((f - x0)
 * 2^bits) (ties to even), c0 = 2^bits - c1: bits 8 on uint8 (ufixedpoint16,
 * uint16 pairs), 16 on uint16 (ufixedpoint32, uint32 pairs: 2^16 does not
 * fit 16 bits). Left of the picture (or on a one-pixel axis) pixel 0, at
 * or past the last pixel pixel in - 1, with (2^bits, 0): the bytes of its
 * edge copies */
static void
ocv_linear_exact_axis (int in, int out, int bits, int32_t *ofs, void *w)
{
  double scale = 1.0 / ((double) out / (double) in);
  int32_t one = 1 << bits;

  for (int i = 0; i < out; i++) {
    double f = scale * ((double) i + 0.5) - 0.5;
    int x0 = (int) floor (f);
    int32_t c1 = 0;

    if (x0 < 0 || in == 1)
      x0 = 0;
    else if (x0 >= in - 1)
      x0 = in - 1;
    else
      c1 = (int32_t) nearbyint ((f - x0) * one);
    ofs[i] = x0;
    if (bits > 8) {
      ((uint32_t *) w)[2 * i] = (uint32_t) (one - c1);
      ((uint32_t *) w)[2 * i + 1] = (uint32_t) c1;
    } else {
      ((uint16_t *) w)[2 * i] = (uint16_t) (one - c1);
      ((uint16_t *) w)[2 * i + 1] = (uint16_t) c1;
    }
  }
}

/* both axes' INTER_LINEAR_EXACT tables (2^bits pairs) into the passes;
 * -1 when memory ran out */
static int
ocv_linear_exact_tables (AsModelPlan *mp, const AsModelInput *in, int bits)
{
  int ow = in->x->out_len, oh = in->y->out_len;
  size_t ws = bits > 8 ? sizeof (uint32_t) : sizeof (uint16_t);
  int32_t *xo = as_model_alloc (mp, ow, sizeof (int32_t));
  int32_t *yo = as_model_alloc (mp, oh, sizeof (int32_t));
  void *xw = as_model_alloc (mp, 2 * (size_t) ow, ws);
  void *yw = as_model_alloc (mp, 2 * (size_t) oh, ws);

  if (!xo || !yo || !xw || !yw)
    return -1;
  ocv_linear_exact_axis (in->x->in_len, ow, bits, xo, xw);
  ocv_linear_exact_axis (in->y->in_len, oh, bits, yo, yw);
  mp->h.n_taps = mp->v.n_taps = 2;
  mp->h.offset = xo;
  mp->h.w = xw;
  mp->h.step2_a = 0;
  mp->h.step2_b = -1;
  mp->v.offset = yo;
  mp->v.w = yw;
  return 0;
}

/* INTER_NEAREST_EXACT (AsModelInput.variant), any sample size */
static double
ocv_nearest_exact (AsModelPlan *mp, const AsModelInput *in)
{
  int32_t *xo = as_model_alloc (mp, in->x->out_len, sizeof (int32_t));
  int32_t *yo = as_model_alloc (mp, in->y->out_len, sizeof (int32_t));

  if (!xo || !yo)
    return -2;
  if (ocv_nearest_exact_axis (in->x->in_len, in->x->out_len, xo) < 0
      || ocv_nearest_exact_axis (in->y->in_len, in->y->out_len, yo) < 0)
    return -1;
  return as_model_library_nearest (mp, in, xo, yo);
}

/* INTER_LINEAR_EXACT (AsModelInput.variant) */
static double
ocv_linear_exact (AsModelPlan *mp, const AsModelInput *in)
{
  int iw = in->x->in_len, ow = in->x->out_len, ih = in->y->in_len,
      oh = in->y->out_len;
  const int32_t *xo;
  const uint16_t *xw;

  if (in->kernel != as_kernel_desc (AS_KERNEL_LINEAR) || in->antialias)
    return -1;
  /* an exact 2x downscale takes INTER_AREA's path, but for 2 channels */
  if (ocv_int_factor (iw, ow) == 2 && ocv_int_factor (ih, oh) == 2
      && in->channels != 2)
    return ocv_area2 (mp, in);
  if (ocv_linear_exact_tables (mp, in, 8) < 0)
    return -2;
  xo = (int32_t *) mp->h.offset;
  xw = (uint16_t *) mp->h.w;
  /* the fast rows: pairs gathered, weights per sample; outputs from
   * n_pair on read their last pixel twice (their c1 is 0) */
  mp->h.wr = as_model_replicate (
      mp, xw, sizeof (uint16_t), 2, ow, in->channels);
  if (!mp->h.wr)
    return -2;
  while (mp->h.n_pair < ow && xo[mp->h.n_pair] + 1 < iw)
    mp->h.n_pair++;
  mp->h_in = in->dsp->h[AS_H_OCV8X_IN];
  mp->v_out = in->dsp->v[AS_V_OCV8X_OUT];
  mp->h_first_only = 1;
  mp->inter_size = sizeof (uint16_t);
  mp->gather_bytes = 2 * (size_t) ow * in->channels;
  return 0.0;
}

/* -------------------------------- OpenCV 4.6, 16-bit planes (uint16) */

/* INTER_LINEAR's table of one axis on uint16 (resize's fixpt is off: no
 * Q11): first tap and the float32 pair (1 - f, f), f the fraction of
 * ocv_linear_axis, or with area INTER_AREA's coverage fraction of
 * ocv_area_linear_axis; the x axis clamped as theirs */
static void
ocv16_linear_axis (int in, int out, int clamp, int area, int32_t *ofs, float *w)
{
  double scale = ocv_scale (in, out), inv = (double) out / (double) in;

  for (int i = 0; i < out; i++) {
    float f;
    int sx;

    if (area) {
      sx = (int) floor (i * scale);
      f = (float) ((i + 1) - (sx + 1) * inv);
      f = f <= 0.0f ? 0.0f : f - floorf (f);
    } else {
      f = (float) ((i + 0.5) * scale - 0.5);
      sx = (int) floorf (f);
      f -= (float) sx;
    }
    if (clamp && sx < 0) {
      sx = 0;
      f = 0.0f;
    }
    if (clamp && sx >= in - 1) {
      sx = in - 1;
      f = 0.0f;
    }
    ofs[i] = sx;
    w[2 * i] = 1.0f - f;
    w[2 * i + 1] = f;
  }
}

/* INTER_CUBIC's (ksize 4) or INTER_LANCZOS4's (8) table of one axis on
 * uint16: first tap floor (f) - ksize / 2 + 1, the float32 coefficients
 * themselves (no Q11, no folding: float sums of taps on one pixel are not
 * the sum of their weights) */
static void
ocv16_taps_axis (int in, int out, int ksize, int32_t *first, float *w)
{
  double scale = ocv_scale (in, out);

  for (int i = 0; i < out; i++) {
    float f = (float) ((i + 0.5) * scale - 0.5);
    int sx = (int) floorf (f);

    f -= (float) sx;
    if (ksize == 4)
      ocv_cubic_coeffs (f, w + (size_t) i * ksize);
    else
      ocv_lanczos4_coeffs (f, w + (size_t) i * ksize);
    first[i] = sx - ksize / 2 + 1;
  }
}

/* the float rows of a 16-bit plane: horizontal first over the taps
 * offset[i] + k clamped to the line (AS_H_OCV16_TAPS), float32
 * intermediate rows, then the vertical over clamped rows (AS_V_OCV16_SUM,
 * or the cubic's AS_V_OCV16_CUBIC) */
static double
ocv16_float_rows (AsModelPlan *mp, const AsModelInput *in, int cubic)
{
  mp->h.step2_a = mp->v.step2_a = 0;
  mp->h.step2_b = mp->v.step2_b = -1;
  mp->h.n_pair = 0;
  mp->h_in = in->dsp->h[AS_H_OCV16_TAPS];
  mp->v_out = in->dsp->v[cubic ? AS_V_OCV16_CUBIC : AS_V_OCV16_SUM];
  mp->h_first_only = 1;
  mp->inter_size = sizeof (float);
  return 0.0;
}

/* INTER_LINEAR (or INTER_AREA's coverage rows, area) and INTER_CUBIC,
 * INTER_LANCZOS4 (ksize 4, 8) on uint16 */
static double
ocv16_taps (AsModelPlan *mp, const AsModelInput *in, int ksize, int area)
{
  int ow = in->x->out_len, oh = in->y->out_len;
  int32_t *xo = as_model_alloc (mp, ow, sizeof (int32_t));
  int32_t *yo = as_model_alloc (mp, oh, sizeof (int32_t));
  float *xw = as_model_alloc (mp, (size_t) ow * ksize, sizeof (float));
  float *yw = as_model_alloc (mp, (size_t) oh * ksize, sizeof (float));

  if (!xo || !yo || !xw || !yw)
    return -2;
  if (ksize == 2) {
    ocv16_linear_axis (in->x->in_len, ow, 1, area, xo, xw);
    ocv16_linear_axis (in->y->in_len, oh, 0, area, yo, yw);
  } else {
    ocv16_taps_axis (in->x->in_len, ow, ksize, xo, xw);
    ocv16_taps_axis (in->y->in_len, oh, ksize, yo, yw);
  }
  mp->h.n_taps = mp->v.n_taps = ksize;
  mp->h.offset = xo;
  mp->h.w = xw;
  mp->v.offset = yo;
  mp->v.w = yw;
  return ocv16_float_rows (mp, in, ksize == 4);
}

/* INTER_AREA on uint16: hal::resize's dispatch, as ocv_area */
static double
ocv16_area (AsModelPlan *mp, const AsModelInput *in)
{
  int iw = in->x->in_len, ow = in->x->out_len, ih = in->y->in_len,
      oh = in->y->out_len;
  int kx = ocv_int_factor (iw, ow), ky = ocv_int_factor (ih, oh);

  if (ocv_scale (iw, ow) < 1.0 || ocv_scale (ih, oh) < 1.0)
    return ocv16_taps (mp, in, 2, 1);
  if (kx == 2 && ky == 2)
    return ocv_area2 (mp, in);
  if (kx && ky)
    return ocv_area_block (mp, in, kx, ky);
  /* resizeArea_<ushort, float>: the 8-bit tables and order */
  if (ocv_area_axis (mp, iw, ow, &mp->h) < 0
      || ocv_area_axis (mp, ih, oh, &mp->v) < 0)
    return -2;
  return ocv16_float_rows (mp, in, 0);
}

/* INTER_LINEAR_EXACT on uint16 (resize_bitExact<ushort>): Q16 horizontal
 * in uint32, (h0 c0 + h1 c1 + 2^31) >> 32; exact 2x2 (but 2 channels):
 * INTER_AREA's */
static double
ocv16_linear_exact (AsModelPlan *mp, const AsModelInput *in)
{
  int iw = in->x->in_len, ow = in->x->out_len, ih = in->y->in_len,
      oh = in->y->out_len;

  if (ocv_int_factor (iw, ow) == 2 && ocv_int_factor (ih, oh) == 2
      && in->channels != 2)
    return ocv_area2 (mp, in);
  if (ocv_linear_exact_tables (mp, in, 16) < 0)
    return -2;
  mp->h_in = in->dsp->h[AS_H_OCV16X_IN];
  mp->v_out = in->dsp->v[AS_V_OCV16X_OUT];
  mp->h_first_only = 1;
  mp->inter_size = sizeof (uint32_t);
  return 0.0;
}

/* cv2.resize on a uint16 image: OpenCV knows no other depth than 16 bits,
 * so only full 16-bit samples (10- and 12-bit planes run the exact
 * chain); nearest (any depth) is opencv_prepare's */
static double
ocv16_prepare (AsModelPlan *mp, const AsModelInput *in)
{
  const AsKernelDesc *k = in->kernel;
  int iw = in->x->in_len, ow = in->x->out_len, ih = in->y->in_len,
      oh = in->y->out_len;

  if (in->maxval != 65535)
    return -1;
  /* INTER_AREA is its own antialias; the others have none */
  if (k != as_kernel_desc (AS_KERNEL_AREA) && in->antialias)
    return -1;
  if (in->variant && k != as_kernel_desc (AS_KERNEL_LINEAR))
    return -1;
  as_model_init_passes (mp, in);
  mp->library = in->library;
  /* cv::resize copies at equal sizes (every path here gives its input
   * back there anyway) */
  mp->copy = iw == ow && ih == oh;
  if (in->variant) /* INTER_LINEAR_EXACT */
    return ocv16_linear_exact (mp, in);
  if (k == as_kernel_desc (AS_KERNEL_AREA))
    return ocv16_area (mp, in);
  if (k == as_kernel_desc (AS_KERNEL_CUBIC))
    return ocv16_taps (mp, in, 4, 0);
  if (k == as_kernel_desc (AS_KERNEL_LANCZOS4))
    return ocv16_taps (mp, in, 8, 0);
  if (k != as_kernel_desc (AS_KERNEL_LINEAR))
    return -1;
  /* scale exactly 2 on both axes: INTER_AREA's fast path */
  if (iw == 2 * ow && ih == 2 * oh)
    return ocv_area2 (mp, in);
  return ocv16_taps (mp, in, 2, 0);
}

static double
opencv_prepare (AsModelPlan *mp, const AsModelInput *in)
{
  int iw = in->x->in_len, ow = in->x->out_len, ih = in->y->in_len,
      oh = in->y->out_len;
  int nearest = in->kernel == as_kernel_desc (AS_KERNEL_NEAREST);

  if (in->library == AS_LIBRARY_OPENCV && in->bps == 2 && !nearest)
    return ocv16_prepare (mp, in); /* OpenCV's uint16 paths */
  /* nearest copies samples of any size; the rest is 8-bit arithmetic */
  if (in->library != AS_LIBRARY_OPENCV || (in->bps != 1 && !nearest))
    return -1;
  as_model_init_passes (mp, in);
  mp->library = in->library;
  if (in->variant) /* the _EXACT flags */
    return nearest ? ocv_nearest_exact (mp, in) : ocv_linear_exact (mp, in);
  if (in->kernel == as_kernel_desc (AS_KERNEL_AREA))
    return ocv_area (mp, in);
  if (nearest) {
    /* INTER_NEAREST: min (floor (i scale), in - 1), scale in double */
    int32_t *xo = as_model_alloc (mp, ow, sizeof (int32_t));
    int32_t *yo = as_model_alloc (mp, oh, sizeof (int32_t));
    double sx = ocv_scale (iw, ow), sy = ocv_scale (ih, oh);
    if (!xo || !yo)
      return -2;
    for (int i = 0; i < ow; i++)
      xo[i] = MIN ((int) floor (i * sx), iw - 1);
    for (int j = 0; j < oh; j++)
      yo[j] = MIN ((int) floor (j * sy), ih - 1);
    return as_model_library_nearest (mp, in, xo, yo);
  }
  if (in->kernel == as_kernel_desc (AS_KERNEL_CUBIC) && !in->antialias)
    return ocv_taps_prepare (mp, in, 4); /* INTER_CUBIC */
  if (in->kernel == as_kernel_desc (AS_KERNEL_LANCZOS4) && !in->antialias)
    return ocv_taps_prepare (mp, in, 8); /* INTER_LANCZOS4 */
  if (in->kernel != as_kernel_desc (AS_KERNEL_LINEAR) || in->antialias)
    return -1;
  /* scale exactly 2 on both axes: INTER_AREA's fast path */
  if (iw == 2 * ow && ih == 2 * oh)
    return ocv_area2 (mp, in);
  return ocv_linear_rows (mp, in, ocv_linear_axis);
}

const AsModel as_model_opencv = { "opencv", opencv_prepare };
