/* alignscale: resampling math (mapping -> kernel -> border rule -> tables)
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "resample.h"

#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

static int
clampi (int64_t v, int lo, int hi)
{
  return v < lo ? lo : (v > hi ? hi : (int) v);
}

/* A source coordinate bounded to [-8, in + 8]. Every tap of a coordinate
 * beyond the picture by more than the kernel's reach lands on the edge
 * sample, so the bound changes no weight; it keeps a coordinate that a
 * tiny scale factor or a far crop region makes huge (or infinite, or
 * NaN) from overflowing the integer conversions. */
static double
clamp_coord (double x, int in)
{
  if (!(x >= -8.0)) /* also NaN */
    return -8.0;
  return x > in + 8.0 ? in + 8.0 : x;
}

/* floor (v) clamped to [lo, hi], for any double */
static int
floor_clamped (double v, int lo, int hi)
{
  if (!(v >= lo)) /* also NaN */
    return lo;
  return v >= hi ? hi : (int) floor (v);
}

/* §1.1 / §1.2 for a full-resolution axis, from the lengths alone.
 * out == 1 needs no special case for half_pixel: the formula gives the
 * centre (in - 1) / 2 as PyTorch does (T09). align_corners with out == 1
 * samples x = 0 (ratio 0 in PyTorch), pytorch_half_pixel too (ONNX, §7.1).
 * tf_crop_and_resize here is the whole picture (roi [0, 1]). */
AsAffine
as_affine_full (AsMapping mapping, int in_len, int out_len)
{
  AsAffine m = { 0, 0, 1, 0, 0.0, 0.0 };
  int64_t in = in_len, out = out_len;

  switch (mapping) {
    case AS_MAP_ALIGN_CORNERS:
      if (out > 1) {
        m.num = in - 1;
        m.den = out - 1;
      }
      break;
    case AS_MAP_ASYMMETRIC:
      m.num = in;
      m.den = out;
      break;
    case AS_MAP_TF_HALF_PIXEL_FOR_NN:
      m.num = 2 * in;
      m.off = in;
      m.den = 2 * out;
      break;
    case AS_MAP_TF_CROP_AND_RESIZE:
      if (out > 1) {
        m.num = in - 1;
        m.den = out - 1;
      } else {
        m.off = in - 1; /* 0.5 (0 + 1) (in - 1) */
        m.den = 2;
      }
      break;
    case AS_MAP_TORCH_AA_ALIGN_CORNERS:
      /* ((2i + 1) (in - 1) - (out - 1)) / (2 (out - 1)); -0.5 if out == 1 */
      if (out > 1) {
        m.num = 2 * (in - 1);
        m.off = (in - 1) - (out - 1);
        m.den = 2 * (out - 1);
      } else {
        m.off = -1;
        m.den = 2;
      }
      break;
    case AS_MAP_PYTORCH_HALF_PIXEL:
      if (out == 1)
        break;
      /* fall through */
    case AS_MAP_HALF_PIXEL:
    case AS_MAP_HALF_PIXEL_SYMMETRIC: /* == half_pixel when out = in * s */
    default:
      /* ((2i + 1) * in - out) / (2 out) */
      m.num = 2 * in;
      m.off = in - out;
      m.den = 2 * out;
      break;
  }
  return m;
}

static AsAffine
affine_real (double a, double b)
{
  AsAffine m = { 0, 0, 1, 1, a, b };
  return m;
}

/* the mapping with its parameters: a scale used as given (§1.2, §1.3: the
 * ratio is 1 / s, not in / out) and the crop region of tf_crop_and_resize.
 * What the lengths alone express stays exact rational. */
AsAffine
as_affine_map (const AsMapSpec *spec, int in_len, int out_len)
{
  double s = spec->scale, in = in_len;

  if (spec->mapping == AS_MAP_TF_CROP_AND_RESIZE) {
    double a = spec->roi_start, b = spec->roi_end;
    AsAffine m;

    if (a == 0.0 && b == 1.0)
      return as_affine_full (spec->mapping, in_len, out_len);
    if (out_len > 1)
      m = affine_real ((b - a) * (in - 1) / (out_len - 1), a * (in - 1));
    else
      m = affine_real (0.0, 0.5 * (a + b) * (in - 1));
    /* the exact terms, for the decisions that jump */
    m.crop = 1;
    m.ra = a;
    m.rb = b;
    m.L = in_len - 1;
    m.D = out_len - 1;
    m.r = 1;
    m.o2 = 0;
    return m;
  }
  if (!(s > 0.0) || s * in == (double) out_len
      || spec->mapping == AS_MAP_ALIGN_CORNERS
      || spec->mapping == AS_MAP_TORCH_AA_ALIGN_CORNERS)
    return as_affine_full (spec->mapping, in_len, out_len);

  switch (spec->mapping) {
    case AS_MAP_ASYMMETRIC:
      return affine_real (1.0 / s, 0.0);
    case AS_MAP_TF_HALF_PIXEL_FOR_NN:
      return affine_real (1.0 / s, 0.5 / s);
    case AS_MAP_HALF_PIXEL_SYMMETRIC: {
      /* §1.1: the output keeps the centre of the picture */
      double adj = out_len / (in * s), off = in / 2 * (1.0 - adj);
      return affine_real (1.0 / s, off + 0.5 / s - 0.5);
    }
    case AS_MAP_PYTORCH_HALF_PIXEL:
      if (out_len == 1)
        return affine_real (0.0, 0.0);
      /* fall through */
    default:
      return affine_real (1.0 / s, 0.5 / s - 0.5);
  }
}

/* §6.2: a plane subsampled by r whose sample k sits at luma coordinate
 * r*k + o (o = o2 / 2) is mapped through the luma mapping f:
 *   c(j) = (f (r j + o) - o) / r
 * so the picture, not each plane, follows the convention. */
AsAffine
as_affine_subsampled (AsAffine f, int r, int o2)
{
  return as_affine_placed (f, r, o2, 0, 0);
}

AsAffine
as_affine_placed (AsAffine f, int r, int o2, int64_t du, int64_t dx)
{
  AsAffine c = f;

  if (f.real) {
    double o = o2 / 2.0;
    if (du == 0 && dx == 0)
      c.b = (f.a * o + f.b - o) / r;
    else
      c.b = (f.a * (o + (double) du) + f.b + (double) dx - o) / r;
    c.r = r;
    c.o2 = o2;
    c.du = du;
    c.dx = dx;
    return c;
  }
  c.num = 2 * f.num * r;
  c.off = f.num * (o2 + 2 * du) + 2 * f.off + (2 * dx - o2) * f.den;
  c.den = 2 * f.den * r;
  return c;
}

double
as_affine_eval (AsAffine map, int i)
{
  if (map.real)
    return map.a * i + map.b;
  /* both operands are exact integers below 2^53: one correctly rounded
   * division */
  return (double) (map.num * i + map.off) / (double) map.den;
}

double
as_affine_slope (AsAffine map)
{
  return map.real ? map.a : (double) map.num / (double) map.den;
}

/* s + e = a + b exactly (Knuth's two-sum) */
static void
two_sum (double a, double b, double *s, double *e)
{
  double x = a + b, bv = x - a, av = x - bv;

  *s = x;
  *e = (a - av) + (b - bv);
}

/* The sign of a k1 + b k2 + k3, exactly, for doubles a and b (|a|, |b| <=
 * 2^20) and integers k1, k2, k3 held exactly (|k| < 2^53). Each product
 * is split into its double and its exact rounding error (fma), and the
 * five terms are summed into a nonoverlapping expansion (Shewchuk's
 * grow-expansion): its sign is that of its largest nonzero component.
 * Tiny a and b are first scaled by a power of two (exact), so that no
 * error term underflows. */
static int
exact_sign3 (double a, double k1, double b, double k2, double k3)
{
  double t[5], e[5];
  int n = 0, lo = INT_MAX, ex;

  if (a != 0.0) {
    frexp (a, &ex);
    lo = ex;
  }
  if (b != 0.0) {
    frexp (b, &ex);
    lo = ex < lo ? ex : lo;
  }
  if (lo < -500) {
    a = ldexp (a, -500 - lo);
    b = ldexp (b, -500 - lo);
    k3 = ldexp (k3, -500 - lo);
  }
  t[0] = a * k1;
  t[1] = fma (a, k1, -t[0]);
  t[2] = b * k2;
  t[3] = fma (b, k2, -t[2]);
  t[4] = k3;
  for (int j = 0; j < 5; j++) {
    double q = t[j], h;
    for (int m = 0; m < n; m++) {
      two_sum (q, e[m], &q, &h);
      e[m] = h;
    }
    e[n++] = q;
  }
  for (int m = n - 1; m >= 0; m--)
    if (e[m] != 0.0)
      return e[m] > 0.0 ? 1 : -1;
  return 0;
}

int
as_affine_cmp (const AsAffine *m, int i, int64_t tn, int64_t td)
{
  if (m->crop) {
    /* 2 td D r (x(i) - tn / td) = ra k1 + rb k2 + k3, with u2 = 2 (r i +
     * o2 / 2 + du) twice the luma index (see AsAffine) and o2x = o2 - 2 dx */
    int64_t u2 = 2 * (m->r * i + m->du) + m->o2, o2x = m->o2 - 2 * m->dx;

    if (m->D > 0)
      return exact_sign3 (m->ra, (double) (td * (2 * m->D - u2) * m->L), m->rb,
          (double) (td * u2 * m->L),
          -(double) ((td * o2x + 2 * m->r * tn) * m->D));
    return exact_sign3 (m->ra, (double) (td * m->L), m->rb,
        (double) (td * m->L), -(double) (td * o2x + 2 * m->r * tn));
  }
  if (m->real) {
    double d = (m->a * i + m->b) * td - (double) tn;
    return d > 0.0 ? 1 : (d < 0.0 ? -1 : 0);
  } else {
    int64_t d = td * (m->num * i + m->off) - tn * m->den;
    return d > 0 ? 1 : (d < 0 ? -1 : 0);
  }
}

int
as_affine_outside (const AsAffine *map, int i, int in_len)
{
  return as_affine_cmp (map, i, 0, 1) < 0
      || as_affine_cmp (map, i, in_len - 1, 1) > 0;
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

static double
torch_ratio (const AsAxisSpec *s)
{
  return s->torch_ratio > 0 ? s->torch_ratio
                            : (float) s->in_len / (float) s->out_len;
}

/* the index a rounding rule picks for x(i), clamped to [0, in - 1],
 * decided by exact comparisons (as_affine_cmp) from the double estimate:
 * FLOOR and HALF_UP are the largest k with x >= k + h, CEIL and HALF_DOWN
 * the smallest k with x <= k + h (h = 0 or -1/2, +1/2) */
static int
round_index (const AsAffine *m, int i, AsNearestRule rule, int in)
{
  double x = clamp_coord (as_affine_eval (*m, i), in);
  int k, h2;

  if (rule == AS_NEAREST_FLOOR || rule == AS_NEAREST_HALF_UP) {
    h2 = rule == AS_NEAREST_FLOOR ? 0 : -1;
    k = floor_clamped (x - h2 / 2.0, 0, in - 1);
    while (k > 0 && as_affine_cmp (m, i, 2 * (int64_t) k + h2, 2) < 0)
      k--;
    while (k < in - 1 && as_affine_cmp (m, i, 2 * (int64_t) k + 2 + h2, 2) >= 0)
      k++;
  } else {
    h2 = rule == AS_NEAREST_CEIL ? 0 : 1;
    k = -floor_clamped (h2 / 2.0 - x, -(in - 1), 0); /* ceil (x - h) */
    while (k < in - 1 && as_affine_cmp (m, i, 2 * (int64_t) k + h2, 2) > 0)
      k++;
    while (k > 0 && as_affine_cmp (m, i, 2 * (int64_t) k - 2 + h2, 2) <= 0)
      k--;
  }
  return k;
}

static int
nearest_index (const AsAxisSpec *s, int i)
{
  switch (s->nearest) {
    case AS_NEAREST_TORCH_EXACT: {
      /* UpSample.h nearest_neighbor_exact_compute_source_index: the scale
       * is float, the product double, floorf takes a float (§2.3). */
      volatile float ratio = torch_ratio (s);
      volatile float v = (float) (((double) i + 0.5) * (double) ratio);
      return floor_clamped (floorf (v), 0, s->in_len - 1);
    }
    case AS_NEAREST_TORCH_LEGACY: {
      /* UpSample.h nearest_idx: two shortcuts, else float arithmetic */
      volatile float ratio = torch_ratio (s);
      volatile float v = (float) i * ratio;
      if (s->out_len == s->in_len)
        return clampi (i, 0, s->in_len - 1);
      if (s->out_len == 2 * s->in_len)
        return clampi (i >> 1, 0, s->in_len - 1);
      return floor_clamped (floorf (v), 0, s->in_len - 1);
    }
    default:
      return round_index (&s->map, i, s->nearest, s->in_len);
  }
}

/* ---- kernels (§2.1, §2.2, §3.1) */

static void
point_taps (double t, double param, double *w)
{
  w[0] = 1.0;
}

static double
point_eval (double u, double param)
{
  return fabs (u) < 0.5 ? 1.0 : 0.0;
}

/* §2.1: 1 - t on floor (x), t on the next sample */
static void
triangle_taps (double t, double param, double *w)
{
  w[0] = 1.0 - t;
  w[1] = t;
}

static double
triangle_eval (double u, double param)
{
  u = fabs (u);
  return u < 1.0 ? 1.0 - u : 0.0;
}

/* §2.2: Keys at the distances t + 1, t, 1 - t, 2 - t */
static void
keys_taps (double t, double a, double *w)
{
  w[0] = as_keys_kernel (t + 1.0, a);
  w[1] = as_keys_kernel (t, a);
  w[2] = as_keys_kernel (1.0 - t, a);
  w[3] = as_keys_kernel (2.0 - t, a);
}

static double
keys_eval (double u, double a)
{
  return as_keys_kernel (u, a);
}

/* Pillow's filters as Resample.c writes them (box includes +0.5,
 * excludes -0.5) */
static double
box_eval (double u, double param)
{
  return u > -0.5 && u <= 0.5 ? 1.0 : 0.0;
}

static double
hamming_eval (double u, double param)
{
  u = fabs (u);
  if (u == 0.0)
    return 1.0;
  if (u >= 1.0)
    return 0.0;
  u *= M_PI;
  /* Pillow's constants are floats (Resample.c: 0.54f + 0.46f * cos (x)),
   * and its 8-bit weights round differently without them */
  return sin (u) / u * (0.54f + 0.46f * cos (u));
}

static double
sinc (double u)
{
  if (u == 0.0)
    return 1.0;
  u *= M_PI;
  return sin (u) / u;
}

static double
lanczos3_eval (double u, double param)
{
  return -3.0 <= u && u < 3.0 ? sinc (u) * sinc (u / 3.0) : 0.0;
}

static double
lanczos4_eval (double u, double param)
{
  return fabs (u) < 4.0 ? sinc (u) * sinc (u / 4.0) : 0.0;
}

/* OpenCV's interpolateLanczos4: the 8 taps at distances t + 3 - k,
 * normalised to sum 1 */
static void
lanczos4_taps (double t, double param, double *w)
{
  double sum = 0.0;

  for (int k = 0; k < 8; k++)
    sum += w[k] = lanczos4_eval (t + 3.0 - k, param);
  for (int k = 0; k < 8; k++)
    w[k] /= sum;
}

static const AsKernelDesc kernels[AS_N_KERNELS] = {
  [AS_KERNEL_NEAREST] = { "nearest", 0, point_taps, point_eval, 0.0, 0, 0.0,
      0 },
  [AS_KERNEL_LINEAR] = { "linear", 1, triangle_taps, triangle_eval, 0.0, 1, 1.0,
      0 },
  /* torch's antialiased bicubic keeps A = -0.5 (§3.1) */
  [AS_KERNEL_CUBIC] = { "cubic", 2, keys_taps, keys_eval, -0.5, 0, 2.0, 0 },
  /* tables from the lengths (row_weights); the taps are never used */
  [AS_KERNEL_AREA] = { "area", 1, triangle_taps, triangle_eval, 0.0, 0, 1.0,
      0 },
  [AS_KERNEL_BOX] = { "box", 1, triangle_taps, box_eval, 0.0, 0, 0.5, 1 },
  [AS_KERNEL_HAMMING] = { "hamming", 1, triangle_taps, hamming_eval, 0.0, 0,
      1.0, 1 },
  [AS_KERNEL_LANCZOS3] = { "lanczos3", 3, NULL, lanczos3_eval, 0.0, 0, 3.0, 1 },
  [AS_KERNEL_LANCZOS4] = { "lanczos4", 4, lanczos4_taps, lanczos4_eval, 0.0, 0,
      4.0, 0 },
};

const AsKernelDesc *
as_kernel_desc (AsKernel kernel)
{
  return kernel >= 0 && kernel < AS_N_KERNELS ? &kernels[kernel] : NULL;
}

/* §3.1, §3.2: how far the antialias kernel stretches, from the scale:
 * in / out or 1 / scale factor (set by the plan), else the slope */
static double
aa_stretch (const AsAxisSpec *s)
{
  double r = s->stretch > 0.0 ? s->stretch : fabs (as_affine_slope (s->map));

  return isfinite (r) && r > 1.0 ? r : 1.0;
}

/* One output sample's taps as weights on source samples start, start + 1,
 * ... (at most cap of them, indices inside [0, in - 1]); returns how many.
 * Border rules: clamp-taps (edge replication, §2.1, §2.2), exclude-outside
 * (§2.2) or the antialias window (truncated, §3.1). */
static int
row_weights (const AsAxisSpec *s, int i, double *w, int cap, int *start)
{
  int in = s->in_len;
  double x = as_affine_eval (s->map, i);
  const AsKernelDesc *kd = as_kernel_desc (s->kernel);

  if (kd->support == 0) {
    *start = nearest_index (s, i);
    w[0] = 1.0;
    return 1;
  }

  if (s->kernel == AS_KERNEL_AREA) {
    /* torch's adaptive pooling: start_index and end_index, in integers */
    int64_t lo = (int64_t) i * in / s->out_len;
    int64_t hi = ((int64_t) (i + 1) * in + s->out_len - 1) / s->out_len;
    int n = (int) MIN (hi - lo, (int64_t) cap);

    for (int k = 0; k < n; k++)
      w[k] = 1.0 / (double) (hi - lo);
    *start = (int) lo;
    return n;
  }

  if (s->antialias) {
    double fs = aa_stretch (s);
    double support = kd->aa_support * fs;
    /* Pillow's filters on a plain half-pixel axis: its own double
     * arithmetic (center (i + 0.5) scale, taps times 1 / filterscale),
     * whose roundings decide box's ties at +-0.5 */
    double c = s->pillow ? (i + 0.5) * s->stretch : x + 0.5;
    double inv = 1.0 / fs;
    double total = 0, mass = 0;
    /* torch: static_cast<int64_t> truncates toward zero; bounded to the
     * picture in double first (c may be huge) */
    int lo = floor_clamped (c - support + 0.5, 0, in);
    int hi = floor_clamped (c + support + 0.5, 0, in);

    if (hi - lo > cap)
      hi = lo + cap; /* cannot happen: cap bounds the window */
    for (int j = lo; j < hi; j++) {
      w[j - lo] = kd->eval (
          s->pillow ? (j - c + 0.5) * inv : (j - c + 0.5) / fs, kd->aa_param);
      total += w[j - lo];
      mass += fabs (w[j - lo]);
    }
    /* renormalised as torch does, even to weights far above 1 (the plan
     * then runs the exact model); a window whose weights cancel out has
     * no value: it takes the nearest edge, like an empty one */
    if (hi > lo && fabs (total) > 1e-12 * mass) {
      for (int j = lo; j < hi; j++)
        w[j - lo] /= total;
      *start = lo;
      return hi - lo;
    }
    *start = floor_clamped (clamp_coord (x, in) + 0.5, 0, in - 1);
    w[0] = 1.0;
    return 1;
  }

  x = clamp_coord (x, in);
  {
    double f = floor (x), tw[AS_MAX_SUPPORT * 2];
    int kt = 2 * kd->support;
    /* the coordinate is not clamped, the taps are (§2.2); torch clamps
     * x < 0 to 0 for linear, which gives the same weights with clamped
     * taps (§2.1) */
    int64_t first = (int64_t) f - (kd->support - 1);
    int lo, hi;

    kd->taps (x - f, s->param, tw);
    lo = clampi (first, 0, in - 1);
    hi = clampi (first + kt - 1, 0, in - 1);

    if (s->exclude_outside) {
      double total = 0;
      for (int k = 0; k < kt; k++)
        if (first + k >= 0 && first + k < in)
          total += tw[k];
      /* renormalised as ONNX does, even to weights far above 1 (the plan
       * then runs the exact model) */
      if (fabs (total) > 1e-9) {
        for (int j = lo; j <= hi; j++)
          w[j - lo] = 0.0;
        for (int k = 0; k < kt; k++)
          if (first + k >= 0 && first + k < in)
            w[first + k - lo] = tw[k] / total;
        *start = lo;
        return hi - lo + 1;
      }
      /* nothing inside: clamp taps instead (docs) */
    }
    for (int j = lo; j <= hi; j++)
      w[j - lo] = 0.0;
    for (int k = 0; k < kt; k++)
      w[clampi (first + k, 0, in - 1) - lo] += tw[k];
    *start = lo;
    return hi - lo + 1;
  }
}

void
as_axis_clear (AsAxis *axis)
{
  free (axis->offset);
  free (axis->weight);
  memset (axis, 0, sizeof (*axis));
}

int
as_axis_init (AsAxis *axis, const AsAxisSpec *s)
{
  int cap, n = 1, in = s->in_len;
  double *rows = NULL;
  int32_t *starts = NULL, *counts = NULL;
  const AsKernelDesc *kd = as_kernel_desc (s->kernel);

  memset (axis, 0, sizeof (*axis));
  if (!kd || s->in_len < 1 || s->out_len < 1
      || (!s->map.real && s->map.den <= 0)
      || (s->map.real && !(isfinite (s->map.a) && isfinite (s->map.b))))
    return -1;

  /* taps a row can have: the kernel's, or the antialias window */
  cap = MAX (2 * kd->support, 1);
  if (s->kernel == AS_KERNEL_AREA)
    cap = (int) MIN (ceil ((double) in / s->out_len) + 1.0, (double) in);
  else if (s->antialias && kd->support > 0) {
    double support = kd->aa_support * aa_stretch (s);
    cap = (int) MIN (ceil (2.0 * support) + 2.0, (double) in);
  }
  cap = MAX (MIN (cap, in), 1);
  /* real antialias tables are a few taps per output (4 in + 2 out at
   * most); a scale factor or crop region far from the sizes could ask for
   * gigabytes: refuse instead */
  if ((double) s->out_len * cap > AS_MAX_TABLE_TAPS)
    return -1;

  rows = calloc ((size_t) s->out_len * cap, sizeof (double));
  starts = calloc (s->out_len, sizeof (int32_t));
  counts = calloc (s->out_len, sizeof (int32_t));
  if (!rows || !starts || !counts)
    goto fail;

  /* every row's taps, zero weights at the end trimmed (not at the start:
   * window starts stay monotonic, which the ring buffers like); the
   * table's window is the widest row */
  for (int i = 0; i < s->out_len; i++) {
    double *w = rows + (size_t) i * cap;
    int st, c = row_weights (s, i, w, cap, &st);

    while (c > 1 && w[c - 1] == 0.0)
      c--;
    starts[i] = st;
    counts[i] = c;
    n = MAX (n, counts[i]);
  }

  /* three taps (antialias at ratios up to 1.5) run as four with a zero
   * weight: the row functions have fast 2- and 4-tap programs */
  if (n == 3 && in >= 4)
    n = 4;

  axis->in_len = in;
  axis->out_len = s->out_len;
  axis->n_taps = n;
  axis->offset = calloc (s->out_len, sizeof (int32_t));
  axis->weight = calloc ((size_t) s->out_len * n, sizeof (double));
  if (!axis->offset || !axis->weight)
    goto fail;

  for (int i = 0; i < s->out_len; i++) {
    double *w = axis->weight + (size_t) i * n, abs_sum = 0;
    int start = clampi (starts[i], 0, in - n);

    axis->offset[i] = start;
    for (int k = 0; k < counts[i]; k++) {
      double v = rows[(size_t) i * cap + k];
      w[starts[i] - start + k] = v;
      abs_sum += fabs (v);
    }
    axis->abs_sum = MAX (axis->abs_sum, abs_sum);
  }
  free (rows);
  free (starts);
  free (counts);
  rows = NULL;
  starts = counts = NULL;

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
      }
      axis->n_taps = 1;
      axis->identity = 1;
      axis->abs_sum = 1.0;
    }
  }
  return 0;

fail:
  free (rows);
  free (starts);
  free (counts);
  as_axis_clear (axis);
  return -1;
}
