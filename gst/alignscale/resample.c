/* alignscale: resampling math (mapping -> kernel -> border rule -> tables)
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "resample.h"

static int64_t
floor_div (int64_t a, int64_t b)
{
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;
  return q;
}

static int
clampi (int64_t v, int lo, int hi)
{
  return v < lo ? lo : (v > hi ? hi : (int) v);
}

/* §1.1 / §1.2 for a full-resolution axis. out == 1 needs no special case
 * for half_pixel: the formula gives the centre (in - 1) / 2 as PyTorch does
 * (T09). align_corners with out == 1 samples x = 0 (ratio 0 in PyTorch). */
AsAffine
as_affine_full (AsMapping mapping, int in_len, int out_len)
{
  AsAffine m;

  switch (mapping) {
    case AS_MAP_ALIGN_CORNERS:
      if (out_len > 1) {
        m.num = in_len - 1;
        m.off = 0;
        m.den = out_len - 1;
      } else {
        m.num = 0;
        m.off = 0;
        m.den = 1;
      }
      break;
    case AS_MAP_HALF_PIXEL:
    default:
      /* ((2i + 1) * in - out) / (2 out) */
      m.num = 2 * (int64_t) in_len;
      m.off = (int64_t) in_len - out_len;
      m.den = 2 * (int64_t) out_len;
      break;
  }
  return m;
}

/* §6.2: a plane subsampled by r whose sample k sits at luma coordinate
 * r*k + o (o = o2 / 2) is mapped through the luma mapping f:
 *   c(j) = (f (r j + o) - o) / r
 * so the picture, not each plane, follows the convention. */
AsAffine
as_affine_subsampled (AsAffine f, int r, int o2)
{
  AsAffine c;

  c.num = 2 * f.num * r;
  c.off = f.num * o2 + 2 * f.off - (int64_t) o2 * f.den;
  c.den = 2 * f.den * r;
  return c;
}

double
as_affine_eval (AsAffine map, int i)
{
  /* both operands are exact integers below 2^53: one correctly rounded
   * division */
  return (double) (map.num * i + map.off) / (double) map.den;
}

/* §2.2 Keys cubic convolution kernel */
double
as_keys_kernel (double u, double a)
{
  u = fabs (u);
  if (u <= 1.0)
    return ((a + 2.0) * u - (a + 3.0)) * u * u + 1.0;
  if (u < 2.0)
    return ((a * u - 5.0 * a) * u + 8.0 * a) * u - 4.0 * a;
  return 0.0;
}

static int
nearest_index (const AsAxisSpec *s, int i)
{
  int64_t p = s->map.num * i + s->map.off;
  int64_t k;

  switch (s->nearest) {
    case AS_NEAREST_TORCH_EXACT: {
      /* UpSample.h nearest_neighbor_exact_compute_source_index: the scale
       * is float, the product double, floorf takes a float (§2.3). */
      volatile float ratio = (float) s->in_len / (float) s->out_len;
      volatile float v = (float) (((double) i + 0.5) * (double) ratio);
      k = (int64_t) floorf (v);
      break;
    }
    case AS_NEAREST_HALF_DOWN:
      /* ceil (x - 0.5) = -floor ((den - 2p) / 2den) */
      k = -floor_div (s->map.den - 2 * p, 2 * s->map.den);
      break;
    case AS_NEAREST_HALF_UP:
    default:
      k = floor_div (2 * p + s->map.den, 2 * s->map.den);
      break;
  }
  return clampi (k, 0, s->in_len - 1);
}

/* fixed point with an exact sum: round each weight, then give the residue
 * to the largest tap so flat areas stay exactly flat */
static void
quantize_row (const double *w, int n, int bits, int32_t *q)
{
  int32_t one = (int32_t) 1 << bits, sum = 0;
  int big = 0;

  for (int k = 0; k < n; k++) {
    q[k] = (int32_t) floor (w[k] * one + 0.5);
    sum += q[k];
    if (fabs (w[k]) > fabs (w[big]))
      big = k;
  }
  q[big] += one - sum;
}

/* one lerp table of a linear axis (n_taps <= 2, weights in [0, 1]): the
 * weight of the second tap in `bits` bits, rounded half up; one that
 * rounds to a whole 2^bits moves the base onto that tap with weight 0, so
 * no weight reaches 1 and unit weights stay exact */
static void
fill_lerp (const AsAxis *axis, int bits, int32_t *base, void *weights)
{
  double one = ldexp (1.0, bits);

  for (int i = 0; i < axis->out_len; i++) {
    double w1 = axis->n_taps == 2 ? axis->weight[(size_t) i * 2 + 1] : 0.0;
    double q = floor (w1 * one + 0.5);

    base[i] = axis->offset[i];
    if (q >= one) {
      base[i]++;
      q = 0;
    }
    if (bits == 16)
      ((uint16_t *) weights)[i] = (uint16_t) q;
    else
      ((uint32_t *) weights)[i] = (uint32_t) q;
  }
}

static int
build_lerp (AsAxis *axis)
{
  axis->lerp_base = calloc (axis->out_len, sizeof (int32_t));
  axis->lerp_w = calloc (axis->out_len, sizeof (uint16_t));
  axis->lerp_base32 = calloc (axis->out_len, sizeof (int32_t));
  axis->lerp_w32 = calloc (axis->out_len, sizeof (uint32_t));
  if (!axis->lerp_base || !axis->lerp_w || !axis->lerp_base32
      || !axis->lerp_w32)
    return -1;
  fill_lerp (axis, 16, axis->lerp_base, axis->lerp_w);
  fill_lerp (axis, 32, axis->lerp_base32, axis->lerp_w32);
  return 0;
}

void
as_axis_clear (AsAxis *axis)
{
  free (axis->offset);
  free (axis->weight);
  free (axis->iweight);
  free (axis->lweight);
  free (axis->lerp_base);
  free (axis->lerp_w);
  free (axis->lerp_base32);
  free (axis->lerp_w32);
  memset (axis, 0, sizeof (*axis));
}

int
as_axis_init (AsAxis *axis, const AsAxisSpec *s)
{
  int kt, n, in = s->in_len;

  memset (axis, 0, sizeof (*axis));
  if (s->in_len < 1 || s->out_len < 1 || s->map.den <= 0)
    return -1;

  kt = s->kernel == AS_KERNEL_CUBIC ? 4
                                    : (s->kernel == AS_KERNEL_LINEAR ? 2 : 1);
  n = kt < in ? kt : in;

  axis->in_len = in;
  axis->out_len = s->out_len;
  axis->n_taps = n;
  axis->offset = calloc (s->out_len, sizeof (int32_t));
  axis->weight = calloc ((size_t) s->out_len * n, sizeof (double));
  axis->iweight = calloc ((size_t) s->out_len * n, sizeof (int16_t));
  axis->lweight = calloc ((size_t) s->out_len * n, sizeof (int32_t));
  if (!axis->offset || !axis->weight || !axis->iweight || !axis->lweight) {
    as_axis_clear (axis);
    return -1;
  }

  for (int i = 0; i < s->out_len; i++) {
    double *w = axis->weight + (size_t) i * n;

    if (s->kernel == AS_KERNEL_NEAREST) {
      axis->offset[i] = nearest_index (s, i);
      w[0] = 1.0;
    } else {
      double x = as_affine_eval (s->map, i);
      double f = floor (x), t = x - f;
      double tw[4];
      int64_t first;
      int start;

      if (s->kernel == AS_KERNEL_LINEAR) {
        /* torch clamps x < 0 to 0 for linear; with clamped taps both give
         * the same weights (§2.1) */
        tw[0] = 1.0 - t;
        tw[1] = t;
        first = (int64_t) f;
      } else {
        /* the coordinate is not clamped, the four taps are (§2.2) */
        tw[0] = as_keys_kernel (t + 1.0, s->cubic_a);
        tw[1] = as_keys_kernel (t, s->cubic_a);
        tw[2] = as_keys_kernel (1.0 - t, s->cubic_a);
        tw[3] = as_keys_kernel (2.0 - t, s->cubic_a);
        first = (int64_t) f - 1;
      }
      start = clampi (first, 0, in - n);
      axis->offset[i] = start;
      for (int k = 0; k < kt; k++)
        w[clampi (first + k, 0, in - 1) - start] += tw[k];
    }
    {
      int32_t q[4];
      quantize_row (w, n, AS_WEIGHT_BITS, q);
      for (int k = 0; k < n; k++)
        axis->iweight[(size_t) i * n + k] = (int16_t) q[k];
      quantize_row (w, n, AS_WEIGHT_BITS_16, axis->lweight + (size_t) i * n);
    }
  }

  /* an unchanged axis (in == out, every row the unit sample i) needs one
   * tap: it then costs a copy-like pass and stays exact */
  if (in == s->out_len) {
    int id = 1;
    for (int i = 0; i < in && id; i++) {
      const double *w = axis->weight + (size_t) i * n;
      for (int k = 0; k < n && id; k++)
        id = (w[k] == (axis->offset[i] + k == i ? 1.0 : 0.0));
    }
    if (id) {
      for (int i = 0; i < in; i++) {
        axis->offset[i] = i;
        axis->weight[i] = 1.0;
        axis->iweight[i] = AS_WEIGHT_ONE;
        axis->lweight[i] = AS_WEIGHT_ONE_16;
      }
      axis->n_taps = 1;
      axis->identity = 1;
    }
  }

  if (s->kernel == AS_KERNEL_LINEAR && build_lerp (axis) < 0) {
    as_axis_clear (axis);
    return -1;
  }
  return 0;
}
