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
#include "model-priv.h"

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
void *
as_model_alloc (AsModelPlan *mp, size_t n, size_t size)
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
void
as_model_init_passes (AsModelPlan *mp, const AsModelInput *in)
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
void *
as_model_replicate (AsModelPlan *mp, const void *w, size_t size, int n_taps,
    int out_w, int channels)
{
  size_t line = (size_t) out_w * channels;
  uint8_t *wr = as_model_alloc (mp, line * n_taps, size);

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
int
as_model_row_table (AsModelPlan *mp, const AsDsp *dsp, int entry)
{
  AsHPrepFunc prep = dsp->h_prep[entry];
  void *aux;

  if (!prep)
    return 0;
  aux = as_model_alloc (mp, prep (NULL, &mp->h), 1);
  if (!aux)
    return -1;
  prep (aux, &mp->h);
  mp->h.aux = aux;
  return 1;
}

/* a library's nearest: its source pixels xo[i], rows yo[j], copied */
double
as_model_library_nearest (AsModelPlan *mp, const AsModelInput *in,
    const int32_t *xo, const int32_t *yo)
{
  mp->h.n_taps = mp->v.n_taps = 1;
  mp->h.offset = xo;
  mp->v.offset = yo;
  as_gather_step2_run (xo, mp->h.out_len, &mp->h.step2_a, &mp->h.step2_b);
  mp->h_one = in->dsp->h[AS_H_NEAREST];
  return 0.0;
}

/* ---------------------------------------------------------- nearest */

static double
nearest_prepare (AsModelPlan *mp, const AsModelInput *in)
{
  if (in->kernel->support != 0)
    return -1;
  as_model_init_passes (mp, in);
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

  *base = as_model_alloc (mp, axis->out_len, sizeof (int32_t));
  *weights = as_model_alloc (mp, axis->out_len, bits / 8);
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

/* rows 2j, 2j + 1 at weight 1/2 and pixels 2i, 2i + 1 at w = 512 m, 0 < m
 * < 128, for every output (AS_V_BOX2W: no truncation in either pass) */
static int
lerp_is_box2w (const AsPass *h, const AsPass *v)
{
  const uint16_t *hw = h->w, *vw = v->w;

  if (v->in_len / 2 < v->out_len || h->in_len / 2 < h->out_len)
    return 0;
  for (int j = 0; j < v->out_len; j++)
    if (v->offset[j] != 2 * j || vw[j] != 32768)
      return 0;
  for (int i = 0; i < h->out_len; i++)
    if (h->offset[i] != 2 * i || hw[i] % 512 != 0 || hw[i] == 0)
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
  as_model_init_passes (mp, in);
  if (lerp_table (mp, in->x, bits, &xb, &xw) < 0
      || lerp_table (mp, in->y, bits, &yb, &yw) < 0)
    return -2;
  mp->h.n_taps = mp->v.n_taps = 2;
  mp->h.offset = xb;
  as_gather_step2_run (xb, mp->h.out_len, &mp->h.step2_a, &mp->h.step2_b);
  mp->h.w = xw;
  mp->v.offset = yb;
  mp->v.w = yw;
  mp->h.wr = as_model_replicate (
      mp, xw, bits / 8, 1, in->x->out_len, in->channels);
  if (!mp->h.wr)
    return -2;
  /* bases never decrease: those with no right neighbour come last */
  while (mp->h.n_pair < mp->h.out_len && xb[mp->h.n_pair] + 1 < mp->h.in_len)
    mp->h.n_pair++;
  /* and read no right neighbour: not so where a weight of one moved a base
   * onto the last pixel before outputs that blend (a flipped
   * tf-crop-and-resize roi maps its first outputs to the right edge):
   * another model runs the plane */
  for (int i = mp->h.n_pair; i < mp->h.out_len; i++)
    if (bits == 16 ? ((const uint16_t *) xw)[i] != 0
                   : ((const uint32_t *) xw)[i] != 0)
      return -1;

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
  } else if (!wide && (in->channels == 1 || in->channels == 2)
      && lerp_is_box2w (&mp->h, &mp->v)) {
    /* the 2:1 chroma of co-sited 4:2:0 (NV12 4K -> 1080p): its weights
     * per output sample, one pass whichever order the plan picks */
    mp->v_one = dsp->v[AS_V_BOX2W];
    mp->v.wr = mp->h.wr;
  }
  /* the 8-bit horizontal rows' table: one for the three (whichever pass
   * order the plan picks), from the first that has one */
  for (int e = 0; !wide && e < 3; e++) {
    static const int rows[3] = { AS_H_LERP8_IN, AS_H_LERP8_OUT,
      AS_H_LERP8_ONE };
    int r = as_model_row_table (mp, dsp, rows[e]);
    if (r < 0)
      return -2;
    if (r > 0)
      break;
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
  *out = as_model_alloc (mp, n, sizeof (uint16_t));
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
  as_model_init_passes (mp, in);
  ex = sum_table (mp, in->x, &xw);
  ey = ex < 0 ? ex : sum_table (mp, in->y, &yw);
  if (ex < 0 || ey < 0)
    return ex == -2 || ey == -2 ? -2 : -1;
  mp->h.w = xw;
  mp->v.w = yw;
  mp->h.wr = as_model_replicate (
      mp, xw, sizeof (uint16_t), in->x->n_taps, in->x->out_len, in->channels);
  if (!mp->h.wr)
    return -2;
  mp->h_in = dsp->h[AS_H_SUM8_IN];
  mp->h_out = dsp->h[AS_H_SUM8_OUT];
  /* one table for either order (fixed_prepare) */
  if (as_model_row_table (
          mp, dsp, dsp->h_prep[AS_H_SUM8_OUT] ? AS_H_SUM8_OUT : AS_H_SUM8_IN)
      < 0)
    return -2;
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
  void *table = as_model_alloc (
      mp, n, wide ? sizeof (int32_t) : sizeof (int16_t));
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
  as_model_init_passes (mp, in);
  ex = fixed_table (mp, x, wide, &xw);
  ey = ex < 0 ? ex : fixed_table (mp, y, wide, &yw);
  if (ex < 0 || ey < 0)
    return ex == -2 || ey == -2 ? -2 : -1;
  mp->h.w = xw;
  mp->v.w = yw;
  mp->inter_size = wide ? sizeof (int32_t) : sizeof (int16_t);
  mp->h.wr = as_model_replicate (
      mp, xw, mp->inter_size, x->n_taps, x->out_len, in->channels);
  if (!mp->h.wr)
    return -2;
  mp->h_in = dsp->h[wide ? AS_H_INT16_IN : AS_H_INT8_IN];
  mp->h_out = dsp->h[wide ? AS_H_INT16_OUT : AS_H_INT8_OUT];
  /* the horizontal rows' table (AsDsp.h_prep): the pass has one, for
   * either order, so where both rows have a builder it is the same */
  if (as_model_row_table (mp, dsp,
          dsp->h_prep[wide ? AS_H_INT16_OUT : AS_H_INT8_OUT]
              ? (wide ? AS_H_INT16_OUT : AS_H_INT8_OUT)
              : (wide ? AS_H_INT16_IN : AS_H_INT8_IN))
      < 0)
    return -2;
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
  as_model_init_passes (mp, in);
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
