/* alignscale: the integer models
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * See model.h for the arithmetic of each model and the contract.
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gather.h"
#include "model.h"

#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

#define FIT_POS 1.5
#define FIT_NEG -0.5
#define FIT_EPS 1e-9

static int
row_fits (const double *w, int n)
{
  double pos = 0, neg = 0;

  for (int k = 0; k < n; k++) {
    if (!isfinite (w[k]))
      return 0;
    if (w[k] > 0)
      pos += w[k];
    else
      neg += w[k];
  }
  return pos <= FIT_POS + FIT_EPS && neg >= FIT_NEG - FIT_EPS;
}

int
as_axis_fits (const AsAxis *axis)
{
  for (int i = 0; i < axis->out_len; i++)
    if (!row_fits (axis->weight + (size_t) i * axis->n_taps, axis->n_taps))
      return 0;
  return 1;
}

double
as_quantize_row (
    const double *w, int n, int bits, int64_t lo, int64_t hi, int32_t *q)
{
  double one = ldexp (1.0, bits), err = 0;
  int64_t sum = 0, v, res;
  int big = 0;

  for (int k = 0; k < n; k++) {
    sum += (int64_t) floor (w[k] * one + 0.5);
    if (fabs (w[k]) > fabs (w[big]))
      big = k;
  }
  res = ((int64_t) 1 << bits) - sum;
  for (int k = 0; k < n; k++) {
    v = (int64_t) floor (w[k] * one + 0.5) + (k == big ? res : 0);
    if (v < lo || v > hi)
      return -1;
    q[k] = (int32_t) v;
    err += fabs (v / one - w[k]);
  }
  return err;
}

/* a table of the model's, freed with the plan */
static void *
model_alloc (AsModelPlan *mp, size_t n, size_t size)
{
  for (size_t i = 0; i < sizeof (mp->mem) / sizeof (mp->mem[0]); i++) {
    if (!mp->mem[i]) {
      mp->mem[i] = calloc (n ? n : 1, size);
      mp->bytes += n * size;
      return mp->mem[i];
    }
  }
  return NULL;
}

void
as_model_plan_clear (AsModelPlan *mp)
{
  for (size_t i = 0; i < sizeof (mp->mem) / sizeof (mp->mem[0]); i++)
    free (mp->mem[i]);
  memset (mp, 0, sizeof (*mp));
}

/* the passes' geometry, common to every model */
static void
init_passes (AsModelPlan *mp, const AsModelInput *in)
{
  AsPass *h = &mp->h, *v = &mp->v;

  h->n_taps = in->x->n_taps;
  h->channels = in->channels;
  h->in_len = in->x->in_len;
  h->out_len = in->x->out_len;
  h->offset = in->x->offset;
  *v = *h;
  v->n_taps = in->y->n_taps;
  v->in_len = in->y->in_len;
  v->out_len = in->y->out_len;
  v->offset = in->y->offset;
  h->maxval = v->maxval = in->maxval;
  h->bps = v->bps = in->bps;
  as_gather_step2_run (h->offset, h->out_len, &h->step2_a, &h->step2_b);
  v->step2_a = 0;
  v->step2_b = -1;
}

/* weights per sample, tap-major, for the fast horizontal rows */
static void *
replicate (AsModelPlan *mp, const void *w, size_t size, int n_taps, int out_w,
    int channels)
{
  size_t line = (size_t) out_w * channels;
  uint8_t *wr = model_alloc (mp, line * n_taps, size);

  if (!wr)
    return NULL;
  for (int k = 0; k < n_taps; k++)
    for (int i = 0; i < out_w; i++)
      for (int c = 0; c < channels; c++)
        memcpy (wr + (k * line + (size_t) i * channels + c) * size,
            (const uint8_t *) w + ((size_t) i * n_taps + k) * size, size);
  return wr;
}

/* the table of horizontal row `entry`, when it has one (AsDsp.h_prep):
 * returns 1 when built, 0 when the row needs none, -1 out of memory */
static int
row_table (AsModelPlan *mp, const AsDsp *dsp, int entry)
{
  AsHPrepFunc prep = dsp->h_prep[entry];
  void *aux;

  if (!prep)
    return 0;
  aux = model_alloc (mp, prep (NULL, &mp->h), 1);
  if (!aux)
    return -1;
  prep (aux, &mp->h);
  mp->h.aux = aux;
  return 1;
}

/* ---------------------------------------------------------- nearest */

static double
nearest_prepare (AsModelPlan *mp, const AsModelInput *in)
{
  if (in->kernel->support != 0)
    return -1;
  init_passes (mp, in);
  mp->h_one = in->dsp->h[in->x->identity ? AS_H_COPY : AS_H_NEAREST];
  return 0.0;
}

const AsModel as_model_nearest = { "nearest", nearest_prepare };

/* ------------------------------------------------------------- lerp */

static int
axis_lerpable (const AsAxis *a)
{
  if (a->n_taps > 2)
    return 0;
  for (int i = 0; i < a->out_len; i++) {
    if (i > 0 && a->offset[i] < a->offset[i - 1])
      return 0;
    for (int k = 0; k < a->n_taps; k++) {
      double v = a->weight[(size_t) i * a->n_taps + k];
      if (!(v >= 0.0 && v <= 1.0))
        return 0;
    }
  }
  return 1;
}

/* the weight of the second tap in `bits` bits, rounded half up; one that
 * rounds to a whole 2^bits moves the base onto that tap with weight 0, so
 * no weight reaches 1 and unit weights stay exact */
static int
lerp_table (AsModelPlan *mp, const AsAxis *axis, int bits, int32_t **base,
    void **weights)
{
  double one = ldexp (1.0, bits);

  *base = model_alloc (mp, axis->out_len, sizeof (int32_t));
  *weights = model_alloc (mp, axis->out_len, bits / 8);
  if (!*base || !*weights)
    return -1;
  for (int i = 0; i < axis->out_len; i++) {
    double w1 = axis->n_taps == 2 ? axis->weight[(size_t) i * 2 + 1] : 0.0;
    double q = floor (w1 * one + 0.5);

    (*base)[i] = axis->offset[i];
    if (q >= one) {
      (*base)[i]++;
      q = 0;
    }
    if (bits == 16)
      ((uint16_t *) *weights)[i] = (uint16_t) q;
    else
      ((uint32_t *) *weights)[i] = (uint32_t) q;
  }
  return 0;
}

/* taps (1/2, 1/2) at 2i, 2i + 1 for every output i (in lerp weights) */
static int
lerp_is_box2 (const AsPass *p)
{
  if (p->in_len != 2 * p->out_len)
    return 0;
  for (int i = 0; i < p->out_len; i++)
    if (p->offset[i] != 2 * i || ((const uint16_t *) p->w)[i] != 32768)
      return 0;
  return 1;
}

static double
lerp_prepare (AsModelPlan *mp, const AsModelInput *in)
{
  int bits = in->bps == 1 ? 16 : 32, wide = in->bps == 2;
  int32_t *xb, *yb;
  void *xw, *yw;
  const AsDsp *dsp = in->dsp;

  if (!in->kernel->lerp || !axis_lerpable (in->x) || !axis_lerpable (in->y))
    return -1;
  init_passes (mp, in);
  if (lerp_table (mp, in->x, bits, &xb, &xw) < 0
      || lerp_table (mp, in->y, bits, &yb, &yw) < 0)
    return -2;
  mp->h.n_taps = mp->v.n_taps = 2;
  mp->h.offset = xb;
  as_gather_step2_run (xb, mp->h.out_len, &mp->h.step2_a, &mp->h.step2_b);
  mp->h.w = xw;
  mp->v.offset = yb;
  mp->v.w = yw;
  mp->h.wr = replicate (mp, xw, bits / 8, 1, in->x->out_len, in->channels);
  if (!mp->h.wr)
    return -2;
  /* bases never decrease: those with no right neighbour come last */
  while (mp->h.n_pair < mp->h.out_len && xb[mp->h.n_pair] + 1 < mp->h.in_len)
    mp->h.n_pair++;

  mp->h_in = dsp->h[wide ? AS_H_LERP16_IN : AS_H_LERP8_IN];
  mp->h_out = dsp->h[wide ? AS_H_LERP16_OUT : AS_H_LERP8_OUT];
  mp->v_in = dsp->v[wide ? AS_V_LERP16_IN : AS_V_LERP8_IN];
  mp->v_out = dsp->v[wide ? AS_V_LERP16_OUT : AS_V_LERP8_OUT];
  if (!wide && in->x->identity)
    mp->v_one = dsp->v[AS_V_LERP8_ONE];
  else if (!wide && in->y->identity)
    mp->h_one = dsp->h[AS_H_LERP8_ONE];
  else if (!wide && (in->channels == 1 || in->channels == 2)
      && lerp_is_box2 (&mp->h) && lerp_is_box2 (&mp->v)) {
    mp->v_one = dsp->v[AS_V_BOX2];
    mp->one_box2 = 1;
  }
  mp->inter_size = wide ? sizeof (uint32_t) : sizeof (uint16_t);
  mp->gather_bytes = 2 * (size_t) in->x->out_len * in->channels
      * mp->inter_size;
  /* two truncations of 2^-8 (2^-16 for 16-bit words) per pass */
  return wide ? 2.0 / 65536 : 2.0 / 256;
}

const AsModel as_model_lerp = { "lerp", lerp_prepare };

/* -------------------------------------------------------------- sum */

/* the uint16 weights of one axis (all >= 0, each below 2^16 after
 * rounding); returns the largest row error, or -1 */
static double
sum_table (AsModelPlan *mp, const AsAxis *axis, uint16_t **out)
{
  size_t n = (size_t) axis->out_len * axis->n_taps;
  int32_t q[AS_SUM_MAX_TAPS];
  double err = 0;

  if (axis->n_taps < 2 || axis->n_taps > AS_SUM_MAX_TAPS)
    return -1;
  for (size_t t = 0; t < n; t++)
    if (axis->weight[t] < 0.0)
      return -1;
  *out = model_alloc (mp, n, sizeof (uint16_t));
  if (!*out)
    return -2;
  for (int i = 0; i < axis->out_len; i++) {
    double e = as_quantize_row (axis->weight + (size_t) i * axis->n_taps,
        axis->n_taps, 16, 0, 0xffff, q);

    if (e < 0)
      return -1;
    err = MAX (err, e);
    for (int k = 0; k < axis->n_taps; k++)
      (*out)[(size_t) i * axis->n_taps + k] = (uint16_t) q[k];
  }
  return err;
}

static double
sum_prepare (AsModelPlan *mp, const AsModelInput *in)
{
  uint16_t *xw, *yw;
  double ex, ey;
  const AsDsp *dsp = in->dsp;
  size_t out_line = (size_t) in->x->out_len * in->channels;
  size_t in_line = (size_t) in->x->in_len * in->channels;

  /* the antialias tables, where its speed matters (windows of many taps) */
  if (in->bps != 1 || in->maxval != 255 || !in->antialias
      || in->x->n_taps + in->y->n_taps > AS_SUM_MAX_TAPS
      || !as_axis_fits (in->x) || !as_axis_fits (in->y))
    return -1;
  init_passes (mp, in);
  ex = sum_table (mp, in->x, &xw);
  ey = ex < 0 ? ex : sum_table (mp, in->y, &yw);
  if (ex < 0 || ey < 0)
    return ex == -2 || ey == -2 ? -2 : -1;
  mp->h.w = xw;
  mp->v.w = yw;
  mp->h.wr = replicate (
      mp, xw, sizeof (uint16_t), in->x->n_taps, in->x->out_len, in->channels);
  if (!mp->h.wr)
    return -2;
  mp->h_in = dsp->h[AS_H_SUM8_IN];
  mp->h_out = dsp->h[AS_H_SUM8_OUT];
  mp->v_in = dsp->v[AS_V_SUM8_IN];
  mp->v_out = dsp->v[AS_V_SUM8_OUT];
  mp->inter_size = sizeof (uint16_t);
  /* uint16 accumulators: half of the int32 room */
  mp->acc_bytes = 2 * MAX (out_line, in_line) * sizeof (int32_t);
  mp->gather_bytes = out_line * in->x->n_taps * sizeof (uint16_t);
  return (in->x->n_taps + in->y->n_taps) / 512.0 + in->maxval / 2.0 * (ex + ey);
}

const AsModel as_model_sum = { "sum", sum_prepare };

/* ------------------------------------------------------------ fixed */

/* quantised weights of one axis in int16 (bits 14) or int32 (bits 30);
 * returns the largest row error, or -1 */
static double
fixed_table (AsModelPlan *mp, const AsAxis *axis, int wide, void **out)
{
  size_t n = (size_t) axis->out_len * axis->n_taps;
  int bits = wide ? AS_WEIGHT_BITS_16 : AS_WEIGHT_BITS;
  int64_t lo = wide ? INT32_MIN : INT16_MIN, hi = wide ? INT32_MAX : INT16_MAX;
  void *table = model_alloc (mp, n, wide ? sizeof (int32_t) : sizeof (int16_t));
  int32_t *q = malloc (sizeof (int32_t) * axis->n_taps);
  double err = 0;

  if (!table || !q) {
    free (q);
    return -2;
  }
  for (int i = 0; i < axis->out_len && err >= 0; i++) {
    double e = as_quantize_row (axis->weight + (size_t) i * axis->n_taps,
        axis->n_taps, bits, lo, hi, q);
    for (int k = 0; k < axis->n_taps && e >= 0; k++) {
      size_t t = (size_t) i * axis->n_taps + k;
      if (wide)
        ((int32_t *) table)[t] = q[k];
      else
        ((int16_t *) table)[t] = (int16_t) q[k];
    }
    err = e < 0 ? -1 : MAX (err, e);
  }
  free (q);
  *out = table;
  return err;
}

/* §4: with quantised weights summing exactly to one, a row's weight
 * errors e_k sum to zero, so sum e_k s_k is at most half the sample range
 * times sum |e_k|; the 16-bit products drop up to one 2^-13 (first pass)
 * and 2^-12 (second pass) code each, the 8-bit intermediate rounds to
 * 2^-7 */
static double
fixed_prepare (AsModelPlan *mp, const AsModelInput *in)
{
  const AsAxis *x = in->x, *y = in->y;
  int wide = in->bps == 2;
  void *xw, *yw;
  double ex, ey, half = in->maxval / 2.0;
  const AsDsp *dsp = in->dsp;
  size_t out_line = (size_t) x->out_len * in->channels;
  size_t in_line = (size_t) x->in_len * in->channels;

  if (!as_axis_fits (x) || !as_axis_fits (y))
    return -1;
  init_passes (mp, in);
  ex = fixed_table (mp, x, wide, &xw);
  ey = ex < 0 ? ex : fixed_table (mp, y, wide, &yw);
  if (ex < 0 || ey < 0)
    return ex == -2 || ey == -2 ? -2 : -1;
  mp->h.w = xw;
  mp->v.w = yw;
  mp->inter_size = wide ? sizeof (int32_t) : sizeof (int16_t);
  mp->h.wr = replicate (
      mp, xw, mp->inter_size, x->n_taps, x->out_len, in->channels);
  if (!mp->h.wr)
    return -2;
  mp->h_in = dsp->h[wide ? AS_H_INT16_IN : AS_H_INT8_IN];
  mp->h_out = dsp->h[wide ? AS_H_INT16_OUT : AS_H_INT8_OUT];
  mp->v_in = dsp->v[wide ? AS_V_INT16_IN : AS_V_INT8_IN];
  mp->v_out = dsp->v[wide ? AS_V_INT16_OUT : AS_V_INT8_OUT];
  mp->acc_bytes = 2 * MAX (out_line, in_line) * sizeof (int32_t);
  /* the weight and intermediate sizes are the same */
  mp->gather_bytes = out_line * x->n_taps * mp->inter_size;
  if (!wide)
    return y->abs_sum * (half * ex + 1.0 / 128) + half * x->abs_sum * ey;
  return y->abs_sum * (half * ex + x->n_taps / 8192.0) + half * x->abs_sum * ey
      + y->n_taps / 4096.0;
}

const AsModel as_model_fixed = { "fixed", fixed_prepare };

/* ------------------------------------------------------------ exact */

static double
exact_prepare (AsModelPlan *mp, const AsModelInput *in)
{
  init_passes (mp, in);
  mp->h.w = in->x->weight;
  mp->v.w = in->y->weight;
  mp->h_in = in->dsp->h[AS_H_EXACT_IN];
  mp->h_out = in->dsp->h[AS_H_EXACT_OUT];
  mp->v_in = in->dsp->v[AS_V_EXACT_IN];
  mp->v_out = in->dsp->v[AS_V_EXACT_OUT];
  mp->inter_size = sizeof (double);
  return 0.0;
}

const AsModel as_model_exact = { "exact", exact_prepare };

/* --------------------------------------------------- library models */

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
  int32_t *xo = model_alloc (mp, ow, sizeof (int32_t));
  int16_t *xf = model_alloc (mp, (size_t) ow * n, sizeof (int16_t));
  int32_t *yo = model_alloc (mp, oh, sizeof (int32_t));
  int16_t *yw = model_alloc (mp, (size_t) oh * ksize, sizeof (int16_t));

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
  mp->h.wr = replicate (mp, xf, sizeof (int16_t), n, ow, in->channels);
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

/* a library's nearest: its source pixels xo[i], rows yo[j], copied */
static double
library_nearest (AsModelPlan *mp, const AsModelInput *in, const int32_t *xo,
    const int32_t *yo)
{
  mp->h.n_taps = mp->v.n_taps = 1;
  mp->h.offset = xo;
  mp->v.offset = yo;
  as_gather_step2_run (xo, mp->h.out_len, &mp->h.step2_a, &mp->h.step2_b);
  mp->h_one = in->dsp->h[AS_H_NEAREST];
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
  int32_t *xo = model_alloc (mp, ow, sizeof (int32_t));
  int32_t *yo = model_alloc (mp, oh, sizeof (int32_t));
  int16_t *xw = model_alloc (mp, 2 * (size_t) ow, sizeof (int16_t));
  int16_t *yw = model_alloc (mp, 2 * (size_t) oh, sizeof (int16_t));

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
  switch (row_table (mp, in->dsp, AS_H_OCV8_IN)) {
    case -1:
      return -2;
    case 0:
      mp->h.wr = replicate (mp, xw, sizeof (int16_t), 2, ow, in->channels);
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
 * INTER_LINEAR_EXACT take it too): one pass over rows 2j, 2j + 1 */
static double
ocv_area2 (AsModelPlan *mp, const AsModelInput *in)
{
  int oh = in->y->out_len;
  int32_t *yo = model_alloc (mp, oh, sizeof (int32_t));

  if (!yo)
    return -2;
  for (int j = 0; j < oh; j++)
    yo[j] = 2 * j;
  mp->v.n_taps = 2;
  mp->v.offset = yo;
  mp->v_one = in->dsp->v[AS_V_OCV8_AREA2];
  return 0.0;
}

/* INTER_AREA's other integer factors (resizeAreaFast_): one pass, each
 * output the integer sum of its kx x ky block, cvRound (sum * (1.f /
 * area)) */
static double
ocv_area_block (AsModelPlan *mp, const AsModelInput *in, int kx, int ky)
{
  int oh = in->y->out_len;
  int32_t *yo = model_alloc (mp, oh, sizeof (int32_t));
  AsOcvBlock *b = model_alloc (mp, 1, sizeof (AsOcvBlock));

  if (!yo || !b)
    return -2;
  /* OpenCV's int sum would overflow (a frame of 8.4 Mpixels to one) */
  if ((int64_t) kx * ky > INT32_MAX / 255)
    return -1;
  b->kx = kx;
  b->scale = 1.0f / (float) (kx * ky);
  for (int j = 0; j < oh; j++)
    yo[j] = j * ky;
  mp->v.n_taps = ky;
  mp->v.offset = yo;
  mp->v.w = b;
  mp->v_one = in->dsp->v[AS_V_OCV8_AREAK];
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
  ofs = model_alloc (mp, out, sizeof (int32_t));
  w = model_alloc (mp, (size_t) out * n, sizeof (float));
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
  mp->h.wr = replicate (
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
 * 256) (ties to even), c0 = 256 - c1. Left of the picture (or on a
 * one-pixel axis) pixel 0, at or past the last pixel pixel in - 1, with
 * (256, 0): the bytes of its edge copies */
static void
ocv_linear_exact_axis (int in, int out, int32_t *ofs, uint16_t *w)
{
  double scale = 1.0 / ((double) out / (double) in);

  for (int i = 0; i < out; i++) {
    double f = scale * ((double) i + 0.5) - 0.5;
    int x0 = (int) floor (f), c1 = 0;

    if (x0 < 0 || in == 1)
      x0 = 0;
    else if (x0 >= in - 1)
      x0 = in - 1;
    else
      c1 = (int) nearbyint ((f - x0) * 256.0);
    ofs[i] = x0;
    w[2 * i] = (uint16_t) (256 - c1);
    w[2 * i + 1] = (uint16_t) c1;
  }
}

/* INTER_NEAREST_EXACT (AsModelInput.variant), any sample size */
static double
ocv_nearest_exact (AsModelPlan *mp, const AsModelInput *in)
{
  int32_t *xo = model_alloc (mp, in->x->out_len, sizeof (int32_t));
  int32_t *yo = model_alloc (mp, in->y->out_len, sizeof (int32_t));

  if (!xo || !yo)
    return -2;
  if (ocv_nearest_exact_axis (in->x->in_len, in->x->out_len, xo) < 0
      || ocv_nearest_exact_axis (in->y->in_len, in->y->out_len, yo) < 0)
    return -1;
  return library_nearest (mp, in, xo, yo);
}

/* INTER_LINEAR_EXACT (AsModelInput.variant) */
static double
ocv_linear_exact (AsModelPlan *mp, const AsModelInput *in)
{
  int iw = in->x->in_len, ow = in->x->out_len, ih = in->y->in_len,
      oh = in->y->out_len;
  int32_t *xo, *yo;
  uint16_t *xw, *yw;

  if (in->kernel != as_kernel_desc (AS_KERNEL_LINEAR) || in->antialias)
    return -1;
  /* an exact 2x downscale takes INTER_AREA's path, but for 2 channels */
  if (ocv_int_factor (iw, ow) == 2 && ocv_int_factor (ih, oh) == 2
      && in->channels != 2)
    return ocv_area2 (mp, in);
  xo = model_alloc (mp, ow, sizeof (int32_t));
  yo = model_alloc (mp, oh, sizeof (int32_t));
  xw = model_alloc (mp, 2 * (size_t) ow, sizeof (uint16_t));
  yw = model_alloc (mp, 2 * (size_t) oh, sizeof (uint16_t));
  if (!xo || !yo || !xw || !yw)
    return -2;
  ocv_linear_exact_axis (iw, ow, xo, xw);
  ocv_linear_exact_axis (ih, oh, yo, yw);
  mp->h.n_taps = mp->v.n_taps = 2;
  mp->h.offset = xo;
  mp->h.w = xw;
  mp->h.step2_a = 0;
  mp->h.step2_b = -1;
  mp->v.offset = yo;
  mp->v.w = yw;
  /* the fast rows: pairs gathered, weights per sample; outputs from
   * n_pair on read their last pixel twice (their c1 is 0) */
  mp->h.wr = replicate (mp, xw, sizeof (uint16_t), 2, ow, in->channels);
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
  int32_t *xo = model_alloc (mp, ow, sizeof (int32_t));
  int32_t *yo = model_alloc (mp, oh, sizeof (int32_t));
  float *xw = model_alloc (mp, (size_t) ow * ksize, sizeof (float));
  float *yw = model_alloc (mp, (size_t) oh * ksize, sizeof (float));

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

/* INTER_AREA's fast path of an exact 2x2 downscale on uint16 (INTER_LINEAR
 * and INTER_LINEAR_EXACT take it too): one pass over rows 2j, 2j + 1 */
static double
ocv16_area2 (AsModelPlan *mp, const AsModelInput *in)
{
  double r = ocv_area2 (mp, in);

  mp->v_one = in->dsp->v[AS_V_OCV16_AREA2];
  return r;
}

/* INTER_AREA's other integer factors on uint16 (resizeAreaFast_ with a
 * float sum): one pass, AS_V_OCV16_AREAK */
static double
ocv16_area_block (AsModelPlan *mp, const AsModelInput *in, int kx, int ky)
{
  int oh = in->y->out_len;
  int32_t *yo = model_alloc (mp, oh, sizeof (int32_t));
  AsOcvBlock *b = model_alloc (mp, 1, sizeof (AsOcvBlock));

  if (!yo || !b)
    return -2;
  /* OpenCV's int area */
  if ((int64_t) kx * ky > INT32_MAX)
    return -1;
  b->kx = kx;
  b->scale = 1.0f / (float) (kx * ky);
  for (int j = 0; j < oh; j++)
    yo[j] = j * ky;
  mp->v.n_taps = ky;
  mp->v.offset = yo;
  mp->v.w = b;
  mp->v_one = in->dsp->v[AS_V_OCV16_AREAK];
  return 0.0;
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
    return ocv16_area2 (mp, in);
  if (kx && ky)
    return ocv16_area_block (mp, in, kx, ky);
  /* resizeArea_<ushort, float>: the 8-bit tables and order */
  if (ocv_area_axis (mp, iw, ow, &mp->h) < 0
      || ocv_area_axis (mp, ih, oh, &mp->v) < 0)
    return -2;
  return ocv16_float_rows (mp, in, 0);
}

/* INTER_LINEAR_EXACT's table of one axis on uint16 (ufixedpoint32): as
 * ocv_linear_exact_axis with c1 = cvRound ((f - x0) 2^16), c0 = 2^16 -
 * c1 (which does not fit 16 bits: uint32 pairs) */
static void
ocv16_linear_exact_axis (int in, int out, int32_t *ofs, uint32_t *w)
{
  double scale = 1.0 / ((double) out / (double) in);

  for (int i = 0; i < out; i++) {
    double f = scale * ((double) i + 0.5) - 0.5;
    int x0 = (int) floor (f), c1 = 0;

    if (x0 < 0 || in == 1)
      x0 = 0;
    else if (x0 >= in - 1)
      x0 = in - 1;
    else
      c1 = (int) nearbyint ((f - x0) * 65536.0);
    ofs[i] = x0;
    w[2 * i] = (uint32_t) (65536 - c1);
    w[2 * i + 1] = (uint32_t) c1;
  }
}

/* INTER_LINEAR_EXACT on uint16 (resize_bitExact<ushort>): Q16 horizontal
 * in uint32, (h0 c0 + h1 c1 + 2^31) >> 32; exact 2x2 (but 2 channels):
 * INTER_AREA's */
static double
ocv16_linear_exact (AsModelPlan *mp, const AsModelInput *in)
{
  int iw = in->x->in_len, ow = in->x->out_len, ih = in->y->in_len,
      oh = in->y->out_len;
  int32_t *xo, *yo;
  uint32_t *xw, *yw;

  if (ocv_int_factor (iw, ow) == 2 && ocv_int_factor (ih, oh) == 2
      && in->channels != 2)
    return ocv16_area2 (mp, in);
  xo = model_alloc (mp, ow, sizeof (int32_t));
  yo = model_alloc (mp, oh, sizeof (int32_t));
  xw = model_alloc (mp, 2 * (size_t) ow, sizeof (uint32_t));
  yw = model_alloc (mp, 2 * (size_t) oh, sizeof (uint32_t));
  if (!xo || !yo || !xw || !yw)
    return -2;
  ocv16_linear_exact_axis (iw, ow, xo, xw);
  ocv16_linear_exact_axis (ih, oh, yo, yw);
  mp->h.n_taps = mp->v.n_taps = 2;
  mp->h.offset = xo;
  mp->h.w = xw;
  mp->h.step2_a = 0;
  mp->h.step2_b = -1;
  mp->v.offset = yo;
  mp->v.w = yw;
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
  init_passes (mp, in);
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
    return ocv16_area2 (mp, in);
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
  init_passes (mp, in);
  mp->library = in->library;
  if (in->variant) /* the _EXACT flags */
    return nearest ? ocv_nearest_exact (mp, in) : ocv_linear_exact (mp, in);
  if (in->kernel == as_kernel_desc (AS_KERNEL_AREA))
    return ocv_area (mp, in);
  if (nearest) {
    /* INTER_NEAREST: min (floor (i scale), in - 1), scale in double */
    int32_t *xo = model_alloc (mp, ow, sizeof (int32_t));
    int32_t *yo = model_alloc (mp, oh, sizeof (int32_t));
    double sx = ocv_scale (iw, ow), sy = ocv_scale (ih, oh);
    if (!xo || !yo)
      return -2;
    for (int i = 0; i < ow; i++)
      xo[i] = MIN ((int) floor (i * sx), iw - 1);
    for (int j = 0; j < oh; j++)
      yo[j] = MIN ((int) floor (j * sy), ih - 1);
    return library_nearest (mp, in, xo, yo);
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

/* Pillow's filters (Resample.c) */
static double
pil_bilinear (double x, double unused)
{
  if (x < 0.0)
    x = -x;
  return x < 1.0 ? 1.0 - x : 0.0;
}

static double
pil_bicubic (double x, double unused)
{
  const double a = -0.5;

  if (x < 0.0)
    x = -x;
  if (x < 1.0)
    return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
  if (x < 2.0)
    return (((x - 5) * x + 8) * x - 4) * a;
  return 0.0;
}

/* precompute_coeffs and normalize_coeffs_8bpc of one axis over the box
 * [in0, in1] (floats, as _imaging.c parses box=; 0 and in without one),
 * as n-tap windows: the window of output i starts at ofs[i] and holds its
 * taps at their pixels (a window that would pass the last pixel starts
 * earlier, zeros in front; an empty one, all zeros, gives 0 as Pillow) */
static int
pil_axis (AsModelPlan *mp, int in, int out, float in0, float in1,
    double (*filter) (double, double), double support0, AsPass *p)
{
  /* the box's width in float, then double (Resample.c) */
  double scale = (double) (float) (in1 - in0) / out, filterscale = scale;
  double support;
  int ksize, n = 1;
  int32_t *xmin, *cnt, *ofs, *w;
  double *k;

  if (filterscale < 1.0)
    filterscale = 1.0;
  support = support0 * filterscale;
  ksize = (int) ceil (support) * 2 + 1;
  xmin = malloc (sizeof (int32_t) * out);
  cnt = malloc (sizeof (int32_t) * out);
  k = malloc (sizeof (double) * (size_t) out * ksize);
  if (!xmin || !cnt || !k) {
    free (xmin);
    free (cnt);
    free (k);
    return -2;
  }
  for (int xx = 0; xx < out; xx++) {
    double center = (double) in0 + (xx + 0.5) * scale, ww = 0.0;
    double ss = 1.0 / filterscale;
    int lo = (int) (center - support + 0.5), hi;
    double *kx = k + (size_t) xx * ksize;

    if (lo < 0)
      lo = 0;
    hi = (int) (center + support + 0.5);
    if (hi > in)
      hi = in;
    hi -= lo;
    for (int x = 0; x < hi; x++) {
      double v = filter ((x + lo - center + 0.5) * ss, 0.0);
      kx[x] = v;
      ww += v;
    }
    for (int x = 0; x < hi; x++)
      if (ww != 0.0)
        kx[x] /= ww;
    xmin[xx] = lo;
    cnt[xx] = MAX (hi, 0);
    n = MAX (n, hi);
  }
  ofs = model_alloc (mp, out, sizeof (int32_t));
  w = model_alloc (mp, (size_t) out * n, sizeof (int32_t));
  if (!ofs || !w) {
    free (xmin);
    free (cnt);
    free (k);
    return -2;
  }
  for (int xx = 0; xx < out; xx++) {
    int start = MAX (MIN (xmin[xx], in - n), 0), at = xmin[xx] - start;
    for (int x = 0; x < cnt[xx]; x++) {
      double v = k[(size_t) xx * ksize + x] * (1 << 22);
      w[(size_t) xx * n + at + x] = (int32_t) (v < 0 ? v - 0.5 : v + 0.5);
    }
    ofs[xx] = start;
  }
  free (xmin);
  free (cnt);
  free (k);
  p->n_taps = n;
  p->offset = ofs;
  p->w = w;
  p->step2_a = 0;
  p->step2_b = -1;
  return 0;
}

/* NEAREST over the box [in0, in1] of one axis (_resize: a = (in1 - in0)
 * / out with the width in float, then ImagingTransform's affine map).
 * 8-bit images take ImagingScaleAffine, which accumulates the source
 * coordinate in double from in0 + a / 2; 'I;16' (IMAGING_TYPE_SPECIAL)
 * takes ImagingGenericTransform, a (i + 0.5) + in0 for each pixel. Both
 * truncate. -1 when a pixel falls outside (Pillow's 0 fill: only a box of
 * no width on the far edge) */
static int
pil_nearest_axis (
    int in, int out, float in0, float in1, int accumulate, int32_t *ofs)
{
  double a = (double) (float) (in1 - in0) / out, x = (double) in0 + a * 0.5;

  for (int i = 0; i < out; i++, x += a) {
    double v = accumulate ? x : a * (i + 0.5) + (double) in0;
    if (!(v >= 0.0) || (int) v >= in)
      return -1;
    ofs[i] = (int) v;
  }
  return 0;
}

static double
pillow_prepare (AsModelPlan *mp, const AsModelInput *in)
{
  int iw = in->x->in_len, ow = in->x->out_len, ih = in->y->in_len,
      oh = in->y->out_len;
  const AsDsp *dsp = in->dsp;
  double (*filter) (double, double);
  double support;
  int nearest = in->kernel == as_kernel_desc (AS_KERNEL_NEAREST);
  /* box= (Image.resize): the roi times the picture size, in double, which
   * _imaging.c parses into floats; none: (0, 0, in_w, in_h) */
  double bx[4] = { 0, 0, iw, ih };
  float box[4];

  if (in->library != AS_LIBRARY_PILLOW || (in->roi && in->subsampled))
    return -1;
  /* 16-bit: 'I;16' resizes with NEAREST only ("image has wrong mode" for
   * the filters); every channel of a plane takes the same pixels, as if
   * each were an 'I;16' image */
  if (in->bps != 1 && (in->bps != 2 || !nearest))
    return -1;
  if (in->roi) {
    bx[0] = in->roi[0] * iw;
    bx[1] = in->roi[1] * ih;
    bx[2] = in->roi[2] * iw;
    bx[3] = in->roi[3] * ih;
  }
  for (int k = 0; k < 4; k++)
    box[k] = (float) bx[k];
  /* what _resize refuses (ValueError) */
  if (box[0] < 0 || box[1] < 0 || box[2] > iw || box[3] > ih
      || box[2] - box[0] < 0 || box[3] - box[1] < 0)
    return -1;
  init_passes (mp, in);
  mp->library = in->library;
  /* Image.resize returns a copy for the same size and the whole box (in
   * double); anything else is resampled (RGBA round trip included) */
  mp->copy = iw == ow && ih == oh && bx[0] == 0 && bx[1] == 0 && bx[2] == iw
          && bx[3] == ih
      ? 1
      : -1;
  if (nearest) {
    int32_t *xo = model_alloc (mp, ow, sizeof (int32_t));
    int32_t *yo = model_alloc (mp, oh, sizeof (int32_t));
    int acc = in->bps == 1;
    if (!xo || !yo)
      return -2;
    if (pil_nearest_axis (iw, ow, box[0], box[2], acc, xo) < 0
        || pil_nearest_axis (ih, oh, box[1], box[3], acc, yo) < 0)
      return -1;
    return library_nearest (mp, in, xo, yo);
  }
  if (in->kernel == as_kernel_desc (AS_KERNEL_LINEAR)) {
    filter = pil_bilinear;
  } else if (in->kernel == as_kernel_desc (AS_KERNEL_CUBIC)) {
    filter = pil_bicubic;
  } else if (in->kernel->always_aa) {
    filter = in->kernel->eval; /* BOX, HAMMING, LANCZOS as Resample.c */
  } else {
    return -1;
  }
  /* 'RGBA' resizes as 'RGBa' (Image.resize converts there and back) */
  mp->premultiply = in->alpha && in->channels == 4 && mp->copy < 0;
  support = in->kernel->aa_support;
  if (pil_axis (mp, iw, ow, box[0], box[2], filter, support, &mp->h) < 0
      || pil_axis (mp, ih, oh, box[1], box[3], filter, support, &mp->v) < 0)
    return -2;
  /* the ORC rows: taps gathered into lines, weights per sample */
  switch (row_table (mp, dsp, AS_H_PIL8)) {
    case -1:
      return -2;
    case 0:
      mp->h.wr = replicate (
          mp, mp->h.w, sizeof (int32_t), mp->h.n_taps, ow, in->channels);
      if (!mp->h.wr)
        return -2;
      break;
  }
  as_gather_step2_run (mp->h.offset, ow, &mp->h.step2_a, &mp->h.step2_b);
  mp->h_in = dsp->h[AS_H_PIL8];
  mp->v_out = dsp->v[AS_V_PIL8];
  mp->h_first_only = 1;
  mp->inter_size = 1;
  /* the gathered taps (ORC), or a copy of a line's tail (AVX2: n taps and
   * 64 bytes); the accumulators (ORC), or a long vertical window's split
   * weights (AVX2) */
  mp->gather_bytes = (size_t) mp->h.n_taps * in->channels * MAX (ow, 2) + 64;
  mp->acc_bytes = 2 * (size_t) MAX (ow * in->channels, mp->v.n_taps + 2)
      * sizeof (int32_t);
  return 0.0;
}

const AsModel as_model_pillow = { "pillow", pillow_prepare };

/* ------------------------------------------------------------------ */

/* in order of preference: the cheapest that holds the plane */
static const AsModel *const models[] = {
  &as_model_opencv, /* only for their library: -1 otherwise */
  &as_model_pillow,
  &as_model_nearest,
  &as_model_lerp,
  &as_model_sum,
  &as_model_fixed,
  &as_model_exact,
};

int
as_model_pick (AsModelPlan *mp, const AsModelInput *in, double max_bound)
{
  memset (mp, 0, sizeof (*mp));
  for (size_t i = 0; i < sizeof (models) / sizeof (models[0]); i++) {
    double b = models[i]->prepare (mp, in);

    if (b == -2) {
      as_model_plan_clear (mp);
      return -1;
    }
    if (b >= 0 && b <= max_bound) {
      mp->model = models[i];
      mp->bound = b;
      return 0;
    }
    as_model_plan_clear (mp);
  }
  return -1; /* not reached: the exact model runs any table */
}
