/* alignscale: the portable C row functions (the reference)
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The arithmetic of each integer model (model.h), written plainly: the ORC
 * rows of rows-orc.c must give these bytes. Right shifts of negative
 * accumulators are arithmetic (floor), as on every compiler GStreamer
 * supports, so (acc + half) >> s rounds half up.
 */
#include <math.h>
#include <string.h>

#include "dsp.h"
#include "rows-arith.h"
#include "model.h"

/* ---------------------------------------------- int8: 14-bit weights */

static void
v_int8_in (void *dst, const void *const *src, const AsPass *p, int j, int width,
    AsLineScratch *s)
{
  const uint8_t *const *l = (const uint8_t *const *) src;
  const int16_t *w = WROW (int16_t, p, j);

  for (int x = 0; x < width; x++) {
    int32_t acc = 0;
    for (int k = 0; k < p->n_taps; k++)
      acc += (int32_t) l[k][x] * w[k];
    ((int16_t *) dst)[x] = int8_inter (acc);
  }
}

static void
v_int8_out (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const int16_t *const *l = (const int16_t *const *) src;
  const int16_t *w = WROW (int16_t, p, j);

  for (int x = 0; x < width; x++) {
    int32_t acc = 0;
    for (int k = 0; k < p->n_taps; k++)
      acc += (int32_t) l[k][x] * w[k];
    ((uint8_t *) dst)[x] = int8_final (acc, p->maxval);
  }
}

static void
h_int8_in (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  int ch = p->channels;

  for (int i = 0; i < p->out_len; i++) {
    const uint8_t *l = (const uint8_t *) src + (size_t) p->offset[i] * ch;
    const int16_t *w = WROW (int16_t, p, i);
    for (int c = 0; c < ch; c++) {
      int32_t acc = 0;
      for (int k = 0; k < p->n_taps; k++)
        acc += (int32_t) l[k * ch + c] * w[k];
      ((int16_t *) dst)[i * ch + c] = int8_inter (acc);
    }
  }
}

static void
h_int8_out (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  int ch = p->channels;

  for (int i = 0; i < p->out_len; i++) {
    const int16_t *l = (const int16_t *) src + (size_t) p->offset[i] * ch;
    const int16_t *w = WROW (int16_t, p, i);
    for (int c = 0; c < ch; c++) {
      int32_t acc = 0;
      for (int k = 0; k < p->n_taps; k++)
        acc += (int32_t) l[k * ch + c] * w[k];
      ((uint8_t *) dst)[i * ch + c] = int8_final (acc, p->maxval);
    }
  }
}

/* ---------------------------------------------- int16: 30-bit weights */

static void
v_int16_in (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const uint16_t *const *l = (const uint16_t *const *) src;
  const int32_t *w = WROW (int32_t, p, j);

  for (int x = 0; x < width; x++) {
    int32_t acc = 0;
    for (int k = 0; k < p->n_taps; k++)
      acc += mulhsl ((int32_t) l[k][x] << 15, w[k]);
    ((int32_t *) dst)[x] = acc;
  }
}

static void
v_int16_out (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const int32_t *const *l = (const int32_t *const *) src;
  const int32_t *w = WROW (int32_t, p, j);

  for (int x = 0; x < width; x++) {
    int32_t acc = 0;
    for (int k = 0; k < p->n_taps; k++)
      acc += mulhsl ((int32_t) ((uint32_t) l[k][x] << 1), w[k]);
    ((uint16_t *) dst)[x] = int16_final (acc, p->maxval);
  }
}

static void
h_int16_in (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  int ch = p->channels;

  for (int i = 0; i < p->out_len; i++) {
    const uint16_t *l = (const uint16_t *) src + (size_t) p->offset[i] * ch;
    const int32_t *w = WROW (int32_t, p, i);
    for (int c = 0; c < ch; c++) {
      int32_t acc = 0;
      for (int k = 0; k < p->n_taps; k++)
        acc += mulhsl ((int32_t) l[k * ch + c] << 15, w[k]);
      ((int32_t *) dst)[i * ch + c] = acc;
    }
  }
}

static void
h_int16_out (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  int ch = p->channels;

  for (int i = 0; i < p->out_len; i++) {
    const int32_t *l = (const int32_t *) src + (size_t) p->offset[i] * ch;
    const int32_t *w = WROW (int32_t, p, i);
    for (int c = 0; c < ch; c++) {
      int32_t acc = 0;
      for (int k = 0; k < p->n_taps; k++)
        acc += mulhsl ((int32_t) ((uint32_t) l[k * ch + c] << 1), w[k]);
      ((uint16_t *) dst)[i * ch + c] = int16_final (acc, p->maxval);
    }
  }
}

/* ------------------------------------------------------- lerp model */

static void
v_lerp8_in (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const uint8_t *b = src[0], *o = src[1];
  uint16_t w = ((const uint16_t *) p->w)[j];

  for (int x = 0; x < width; x++)
    ((uint16_t *) dst)[x] = lerp16 (b[x] << 8 | 128, o[x] << 8 | 128, w);
}

static void
v_lerp8_out (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const uint16_t *b = src[0], *o = src[1];
  uint16_t w = ((const uint16_t *) p->w)[j];

  for (int x = 0; x < width; x++)
    ((uint8_t *) dst)[x] = (uint8_t) (lerp16 (b[x], o[x], w) >> 8);
}

static void
v_lerp8_one (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const uint8_t *b = src[0], *o = src[1];
  uint16_t w = ((const uint16_t *) p->w)[j];

  for (int x = 0; x < width; x++)
    ((uint8_t *) dst)[x] = (uint8_t) (lerp16 (
                                          b[x] << 8 | 128, o[x] << 8 | 128, w)
        >> 8);
}

static void
v_lerp16_in (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const uint16_t *b = src[0], *o = src[1];
  uint32_t w = ((const uint32_t *) p->w)[j];

  for (int x = 0; x < width; x++)
    ((uint32_t *) dst)[x] = lerp32 (
        (uint32_t) b[x] << 16 | 32768, (uint32_t) o[x] << 16 | 32768, w);
}

static void
v_lerp16_out (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const uint32_t *b = src[0], *o = src[1];
  uint32_t w = ((const uint32_t *) p->w)[j];

  for (int x = 0; x < width; x++)
    ((uint16_t *) dst)[x] = (uint16_t) (lerp32 (b[x], o[x], w) >> 16);
}

/* horizontal lerps: pixel base[i] + 1 is read only where the weight is not
 * 0 (it may be past the line there) */
#define LERP_H(name, tin, tout, tw, expr)                                      \
  static void name (                                                           \
      void *dst, const void *src, const AsPass *p, AsLineScratch *s)           \
  {                                                                            \
    int ch = p->channels;                                                      \
    for (int i = 0; i < p->out_len; i++) {                                     \
      const tin *b = (const tin *) src + (size_t) p->offset[i] * ch;           \
      tw w = ((const tw *) p->w)[i];                                           \
      const tin *o = w ? b + ch : b;                                           \
      for (int c = 0; c < ch; c++)                                             \
        ((tout *) dst)[i * ch + c] = (expr);                                   \
    }                                                                          \
  }

LERP_H (h_lerp8_in, uint8_t, uint16_t, uint16_t,
    lerp16 (b[c] << 8 | 128, o[c] << 8 | 128, w))
LERP_H (h_lerp8_out, uint16_t, uint8_t, uint16_t,
    (uint8_t) (lerp16 (b[c], o[c], w) >> 8))
LERP_H (h_lerp8_one, uint8_t, uint8_t, uint16_t,
    (uint8_t) (lerp16 (b[c] << 8 | 128, o[c] << 8 | 128, w) >> 8))
LERP_H (h_lerp16_in, uint16_t, uint32_t, uint32_t,
    lerp32 ((uint32_t) b[c] << 16 | 32768, (uint32_t) o[c] << 16 | 32768, w))
LERP_H (h_lerp16_out, uint32_t, uint16_t, uint32_t,
    (uint16_t) (lerp32 (b[c], o[c], w) >> 16))
#undef LERP_H

/* the 2x2 box: the lerp model's two passes with w = 2^15 on both axes,
 * written as such (the fast row computes (a + b + c + d + 2) >> 2) */
static void
v_box2 (void *dst, const void *const *src, const AsPass *p, int j, int width,
    AsLineScratch *s)
{
  const uint8_t *r0 = src[0], *r1 = src[1];
  int ch = p->channels;

  for (int x = 0; x < width; x++) {
    int i = x / ch, c = x % ch;
    size_t a = (size_t) 2 * i * ch + c, b = a + ch;
    uint16_t va = lerp16 (r0[a] << 8 | 128, r1[a] << 8 | 128, 32768);
    uint16_t vb = lerp16 (r0[b] << 8 | 128, r1[b] << 8 | 128, 32768);
    ((uint8_t *) dst)[x] = (uint8_t) (lerp16 (va, vb, 32768) >> 8);
  }
}

/* the 2x2 box with the lerp model's horizontal weights w = 512 m (0 < m <
 * 128; wr: per output sample) and rows at weight 1/2: neither order of the
 * model's two passes truncates there, both give this (model.h;
 * tests/check/libs/dsp.c compares it with the passes) */
static void
v_box2w (void *dst, const void *const *src, const AsPass *p, int j, int width,
    AsLineScratch *s)
{
  const uint8_t *r0 = src[0], *r1 = src[1];
  const uint16_t *wr = p->wr;
  int ch = p->channels;

  for (int x = 0; x < width; x++) {
    int i = x / ch, c = x % ch;
    size_t a = (size_t) 2 * i * ch + c, b = a + ch;
    uint32_t m = wr[x] >> 9;
    ((uint8_t *) dst)[x] = (uint8_t) (((128 - m) * (r0[a] + r1[a])
                                          + m * (r0[b] + r1[b]) + 128)
        >> 8);
  }
}

/* -------------------------------------------------------- sum model */

static inline uint16_t
mulhu16 (uint16_t a, uint16_t w)
{
  return (uint16_t) (((uint32_t) a * w) >> 16);
}

static void
v_sum8_in (void *dst, const void *const *src, const AsPass *p, int j, int width,
    AsLineScratch *s)
{
  const uint8_t *const *l = (const uint8_t *const *) src;
  const uint16_t *w = WROW (uint16_t, p, j);

  for (int x = 0; x < width; x++) {
    uint16_t acc = (uint16_t) (p->n_taps >> 1);
    for (int k = 0; k < p->n_taps; k++)
      acc += mulhu16 ((uint16_t) (l[k][x] << 8), w[k]);
    ((uint16_t *) dst)[x] = acc;
  }
}

static void
v_sum8_out (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const uint16_t *const *l = (const uint16_t *const *) src;
  const uint16_t *w = WROW (uint16_t, p, j);

  for (int x = 0; x < width; x++) {
    uint16_t acc = (uint16_t) (128 + (p->n_taps >> 1));
    for (int k = 0; k < p->n_taps; k++)
      acc += mulhu16 (l[k][x], w[k]);
    ((uint8_t *) dst)[x] = (uint8_t) (acc >> 8);
  }
}

static void
h_sum8_in (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  int ch = p->channels;

  for (int i = 0; i < p->out_len; i++) {
    const uint8_t *l = (const uint8_t *) src + (size_t) p->offset[i] * ch;
    const uint16_t *w = WROW (uint16_t, p, i);
    for (int c = 0; c < ch; c++) {
      uint16_t acc = (uint16_t) (p->n_taps >> 1);
      for (int k = 0; k < p->n_taps; k++)
        acc += mulhu16 ((uint16_t) (l[k * ch + c] << 8), w[k]);
      ((uint16_t *) dst)[i * ch + c] = acc;
    }
  }
}

static void
h_sum8_out (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  int ch = p->channels;

  for (int i = 0; i < p->out_len; i++) {
    const uint16_t *l = (const uint16_t *) src + (size_t) p->offset[i] * ch;
    const uint16_t *w = WROW (uint16_t, p, i);
    for (int c = 0; c < ch; c++) {
      uint16_t acc = (uint16_t) (128 + (p->n_taps >> 1));
      for (int k = 0; k < p->n_taps; k++)
        acc += mulhu16 (l[k * ch + c], w[k]);
      ((uint8_t *) dst)[i * ch + c] = (uint8_t) (acc >> 8);
    }
  }
}

/* ------------------------------------------------------ exact model */

static inline double
load_sample (const void *p, int bps, size_t i)
{
  return bps == 1 ? ((const uint8_t *) p)[i] : ((const uint16_t *) p)[i];
}

/* round half up and clamp to [0, maxval]; NaN and below 0 give 0 */
static inline void
store_sample (void *p, int bps, size_t i, double v, int maxval)
{
  unsigned u = v >= maxval ? (unsigned) maxval
      : v > 0.0            ? (unsigned) floor (v + 0.5)
                           : 0;

  if (bps == 1)
    ((uint8_t *) p)[i] = (uint8_t) u;
  else
    ((uint16_t *) p)[i] = (uint16_t) u;
}

static void
v_exact_in (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const double *w = WROW (double, p, j);
  double *d = dst;

  for (int x = 0; x < width; x++)
    d[x] = w[0] * load_sample (src[0], p->bps, x);
  for (int k = 1; k < p->n_taps; k++)
    for (int x = 0; x < width; x++)
      d[x] += w[k] * load_sample (src[k], p->bps, x);
}

static void
v_exact_out (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const double *const *l = (const double *const *) src;
  const double *w = WROW (double, p, j);

  for (int x = 0; x < width; x++) {
    double acc = 0.0;
    for (int k = 0; k < p->n_taps; k++)
      acc += w[k] * l[k][x];
    store_sample (dst, p->bps, x, acc, p->maxval);
  }
}

static void
h_exact_in (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  int ch = p->channels;

  for (int i = 0; i < p->out_len; i++) {
    const double *w = WROW (double, p, i);
    size_t o = (size_t) p->offset[i] * ch;
    for (int c = 0; c < ch; c++) {
      double acc = 0.0;
      for (int k = 0; k < p->n_taps; k++)
        acc += w[k] * load_sample (src, p->bps, o + (size_t) k * ch + c);
      ((double *) dst)[(size_t) i * ch + c] = acc;
    }
  }
}

static void
h_exact_out (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  int ch = p->channels;

  for (int i = 0; i < p->out_len; i++) {
    const double *w = WROW (double, p, i);
    const double *l = (const double *) src + (size_t) p->offset[i] * ch;
    for (int c = 0; c < ch; c++) {
      double acc = 0.0;
      for (int k = 0; k < p->n_taps; k++)
        acc += w[k] * l[(size_t) k * ch + c];
      store_sample (dst, p->bps, (size_t) i * ch + c, acc, p->maxval);
    }
  }
}

/* ---------------------------------------------------------- nearest */

static void
h_nearest (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  size_t px = (size_t) p->channels * p->bps;
  uint8_t *d = dst;
  const uint8_t *l = src;

  switch (px) {
    /* constant sizes: the copies become single moves */
#define NEAREST(n)                                                             \
  case n:                                                                      \
    for (int i = 0; i < p->out_len; i++)                                       \
      memcpy (d + (size_t) n * i, l + (size_t) n * p->offset[i], n);           \
    break
    NEAREST (1);
    NEAREST (2);
    NEAREST (3);
    NEAREST (4);
    NEAREST (8);
#undef NEAREST
    default:
      for (int i = 0; i < p->out_len; i++)
        memcpy (d + px * i, l + px * p->offset[i], px);
      break;
  }
}

static void
h_copy (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  memcpy (dst, src, (size_t) p->out_len * p->channels * p->bps);
}

const char *const as_dsp_v_names[AS_N_V] = {
  [AS_V_INT8_IN] = "v_int8_in",
  [AS_V_INT8_OUT] = "v_int8_out",
  [AS_V_INT16_IN] = "v_int16_in",
  [AS_V_INT16_OUT] = "v_int16_out",
  [AS_V_SUM8_IN] = "v_sum8_in",
  [AS_V_SUM8_OUT] = "v_sum8_out",
  [AS_V_LERP8_IN] = "v_lerp8_in",
  [AS_V_LERP8_OUT] = "v_lerp8_out",
  [AS_V_LERP8_ONE] = "v_lerp8_one",
  [AS_V_LERP16_IN] = "v_lerp16_in",
  [AS_V_LERP16_OUT] = "v_lerp16_out",
  [AS_V_BOX2] = "v_box2",
  [AS_V_BOX2W] = "v_box2w",
  [AS_V_EXACT_IN] = "v_exact_in",
  [AS_V_EXACT_OUT] = "v_exact_out",
  [AS_V_OCV8_OUT] = "v_ocv8_out",
  [AS_V_OCV8_AREA2] = "v_ocv8_area2",
  [AS_V_PIL8] = "v_pil8",
  [AS_V_OCV8_CUBIC] = "v_ocv8_cubic",
  [AS_V_OCV8_LANCZOS4] = "v_ocv8_lanczos4",
  [AS_V_OCV8_AREAK] = "v_ocv8_areak",
  [AS_V_OCV8_AREA_OUT] = "v_ocv8_area_out",
  [AS_V_OCV8X_OUT] = "v_ocv8x_out",
  [AS_V_OCV16_SUM] = "v_ocv16_sum",
  [AS_V_OCV16_CUBIC] = "v_ocv16_cubic",
  [AS_V_OCV16_AREA2] = "v_ocv16_area2",
  [AS_V_OCV16_AREAK] = "v_ocv16_areak",
  [AS_V_OCV16X_OUT] = "v_ocv16x_out",
};

const char *const as_dsp_h_names[AS_N_H] = {
  [AS_H_INT8_IN] = "h_int8_in",
  [AS_H_INT8_OUT] = "h_int8_out",
  [AS_H_INT16_IN] = "h_int16_in",
  [AS_H_INT16_OUT] = "h_int16_out",
  [AS_H_SUM8_IN] = "h_sum8_in",
  [AS_H_SUM8_OUT] = "h_sum8_out",
  [AS_H_LERP8_IN] = "h_lerp8_in",
  [AS_H_LERP8_OUT] = "h_lerp8_out",
  [AS_H_LERP8_ONE] = "h_lerp8_one",
  [AS_H_LERP16_IN] = "h_lerp16_in",
  [AS_H_LERP16_OUT] = "h_lerp16_out",
  [AS_H_EXACT_IN] = "h_exact_in",
  [AS_H_EXACT_OUT] = "h_exact_out",
  [AS_H_NEAREST] = "h_nearest",
  [AS_H_COPY] = "h_copy",
  [AS_H_OCV8_IN] = "h_ocv8_in",
  [AS_H_PIL8] = "h_pil8",
  [AS_H_OCV8_TAPS] = "h_ocv8_taps",
  [AS_H_OCV8_AREA_IN] = "h_ocv8_area_in",
  [AS_H_OCV8X_IN] = "h_ocv8x_in",
  [AS_H_OCV16_TAPS] = "h_ocv16_taps",
  [AS_H_OCV16X_IN] = "h_ocv16x_in",
};

/* --------------------------------------------- library models (exact) */

/* the weight pairs of OpenCV's linear horizontals: out = S[x0] w0 + S[x1]
 * w1, x1 = x0 + 1 but the last pixel at the right edge (where w1 = 0),
 * exact in Tout */
#define OCV_PAIR_ROW(name, Tin, Tw, Tout)                                      \
  static void name (                                                           \
      void *dst, const void *src, const AsPass *p, AsLineScratch *s)           \
  {                                                                            \
    const Tin *l = src;                                                        \
    const Tw *w = p->w;                                                        \
    Tout *o = dst;                                                             \
    int ch = p->channels;                                                      \
                                                                               \
    (void) s;                                                                  \
    for (int i = 0; i < p->out_len; i++) {                                     \
      int x0 = p->offset[i], x1 = x0 + 1 < p->in_len ? x0 + 1 : x0;            \
      for (int c = 0; c < ch; c++)                                             \
        o[i * ch + c] = (Tout) (l[x0 * ch + c] * w[2 * i]                      \
            + l[x1 * ch + c] * w[2 * i + 1]);                                  \
    }                                                                          \
  }

/* OpenCV 4.6 INTER_LINEAR 8U, horizontal: T = S[x0] a0 + S[x1] a1 (Q11),
 * x1 = x0 + 1 but the last pixel at the right edge (where a1 = 0);
 * weights: int16 pairs */
OCV_PAIR_ROW (h_ocv8_in, uint8_t, int16_t, int32_t)

/* its vertical (ocv8_linear_v, rows-arith.h) */
static void
v_ocv8_out (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const int32_t *t0 = src[0], *t1 = src[1];
  const int16_t *w = p->w;
  uint8_t *o = dst;

  (void) s;
  for (int x = 0; x < width; x++)
    o[x] = ocv8_linear_v (t0[x], t1[x], w[2 * j], w[2 * j + 1]);
}

/* OpenCV's INTER_AREA fast path of an exact 2x2 downscale (INTER_LINEAR
 * takes it too; ocv8_area2_sample, rows-arith.h) */
static void
v_ocv8_area2 (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  uint8_t *o = dst;

  (void) j;
  (void) s;
  for (int x = 0; x < width; x++)
    o[x] = ocv8_area2_sample (src[0], src[1], p->channels, x);
}

/* OpenCV 4.6 INTER_CUBIC and INTER_LANCZOS4 8U, horizontal: T = sum
 * S[offset + k] w_k (Q11, int32, exact), n int16 taps */
static void
h_ocv8_taps (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  const uint8_t *l = src;
  int32_t *o = dst;
  int ch = p->channels, n = p->n_taps;

  (void) s;
  for (int i = 0; i < p->out_len; i++) {
    const uint8_t *px = l + (size_t) p->offset[i] * ch;
    const int16_t *w = WROW (int16_t, p, i);
    for (int c = 0; c < ch; c++) {
      int32_t t = 0;
      for (int k = 0; k < n; k++)
        t += px[k * ch + c] * w[k];
      o[i * ch + c] = t;
    }
  }
}

/* their vertical fixed point (FixedPtCast<int, uchar, 22>): sat_u8
 * ((sum T_k b_k + 2^21) >> 22), int32 (no overflow: model-opencv.c) */
static inline uint8_t
ocv_fixed (const void *const *src, const int16_t *b, int n, int x)
{
  int32_t acc = 1 << 21;

  for (int k = 0; k < n; k++)
    acc += ((const int32_t *) src[k])[x] * b[k];
  acc >>= 22;
  return (uint8_t) (acc < 0 ? 0 : acc > 255 ? 255 : acc);
}

/* INTER_CUBIC's vertical as Debian's x86-64 build runs it: the SSE2 body
 * of VResizeCubicVec_32s8u on the first 8 floor (width / 8) samples,
 * t = T0 b0' + (T1 b1' + (T2 b2' + T3 b3')) in float32 with
 * b' = b / 2^22, rounded to even (cvtps2dq) and saturated; the scalar
 * FixedPtCast on the rest */
static void
v_ocv8_cubic (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const int32_t *t0 = src[0], *t1 = src[1], *t2 = src[2], *t3 = src[3];
  const int16_t *w = WROW (int16_t, p, j);
  const float sc = 1.0f / 4194304.0f;
  float b0 = w[0] * sc, b1 = w[1] * sc, b2 = w[2] * sc, b3 = w[3] * sc;
  int nv = width - width % 8;
  uint8_t *o = dst;

  (void) s;
  for (int x = 0; x < nv; x++) {
    float t = (float) t3[x] * b3;
    long v;
    t = (float) t2[x] * b2 + t;
    t = (float) t1[x] * b1 + t;
    t = (float) t0[x] * b0 + t;
    v = lrintf (t);
    o[x] = (uint8_t) (v < 0 ? 0 : v > 255 ? 255 : v);
  }
  for (int x = nv; x < width; x++)
    o[x] = ocv_fixed (src, w, 4, x);
}

/* INTER_LANCZOS4's vertical: FixedPtCast on every sample (no vector body
 * for 8U) */
static void
v_ocv8_lanczos4 (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const int16_t *w = WROW (int16_t, p, j);
  uint8_t *o = dst;

  (void) s;
  for (int x = 0; x < width; x++)
    o[x] = ocv_fixed (src, w, p->n_taps, x);
}

/* saturate_cast<uchar> (float): cvRound (ties to even, the default
 * rounding mode), clamped */
static inline uint8_t
ocv_round_u8 (float v)
{
  long r = lrintf (v);
  return (uint8_t) (r < 0 ? 0 : r > 255 ? 255 : r);
}

/* OpenCV's INTER_AREA for integer factors kx x ky other than its 2x2 path
 * (resizeAreaFast_): the block's integer sum S, then
 * cvRound ((float) S * (1.f / (kx ky))) */
static void
v_ocv8_areak (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const AsOcvBlock *b = p->w;
  uint8_t *o = dst;
  int ch = p->channels, kx = b->kx, n = width / ch;

  (void) j;
  (void) s;
  for (int i = 0; i < n; i++)
    for (int c = 0; c < ch; c++) {
      int32_t sum = 0;
      for (int k = 0; k < p->n_taps; k++) {
        const uint8_t *r = (const uint8_t *) src[k] + (size_t) i * kx * ch + c;
        for (int m = 0; m < kx; m++)
          sum += r[m * ch];
      }
      o[i * ch + c] = ocv_round_u8 ((float) sum * b->scale);
    }
}

/* OpenCV's INTER_AREA for other downscales (resizeArea_), in float32 in
 * its order: each source row's horizontal sums buf = sum_k S[x_k] a_k,
 * tap by tap from 0; then out = cvRound (sum_k b_k buf_k), row by row.
 * Zero weights (a window's padding) add exact zeros. */
static void
h_ocv8_area_in (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  const uint8_t *l = src;
  const float *w = p->w;
  float *o = dst;
  int ch = p->channels, n = p->n_taps;

  (void) s;
  for (int i = 0; i < p->out_len; i++) {
    const uint8_t *px = l + (size_t) p->offset[i] * ch;
    const float *wi = w + (size_t) i * n;
    for (int c = 0; c < ch; c++) {
      float acc = 0.0f;
      for (int k = 0; k < n; k++)
        acc += (float) px[k * ch + c] * wi[k];
      o[i * ch + c] = acc;
    }
  }
}

static void
v_ocv8_area_out (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const float *w = (const float *) p->w + (size_t) j * p->n_taps;
  uint8_t *o = dst;

  (void) s;
  for (int x = 0; x < width; x++) {
    float sum = 0.0f;
    for (int k = 0; k < p->n_taps; k++)
      sum += w[k] * ((const float *) src[k])[x];
    o[x] = ocv_round_u8 (sum);
  }
}

/* OpenCV's INTER_LINEAR_EXACT 8U (resize_bitExact, ufixedpoint16): Q8
 * weight pairs (c0 = 256 - c1); horizontal h = S[x0] c0 + S[x1] c1 in
 * uint16 (x1 = x0 + 1, the last pixel at the right edge where c1 = 0);
 * vertical (h0 c0 + h1 c1 + 2^15) >> 16 */
OCV_PAIR_ROW (h_ocv8x_in, uint8_t, uint16_t, uint16_t)

static void
v_ocv8x_out (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const uint16_t *h0 = src[0], *h1 = src[1];
  const uint16_t *w = p->w;
  uint32_t c0 = w[2 * j], c1 = w[2 * j + 1];
  uint8_t *o = dst;

  (void) s;
  for (int x = 0; x < width; x++) {
    uint32_t v = (h0[x] * c0 + h1[x] * c1 + 32768) >> 16;
    o[x] = (uint8_t) (v > 255 ? 255 : v);
  }
}

/* ---------------------------------- OpenCV 4.6 on uint16 (float32) */

/* saturate_cast<ushort> (float): cvRound (ties to even, the default
 * rounding mode), clamped */
static inline uint16_t
ocv_round_u16 (float v)
{
  long r = lrintf (v);
  return (uint16_t) (r < 0 ? 0 : r > 65535 ? 65535 : r);
}

/* HResizeLinear, HResizeCubic and HResizeLanczos4 <ushort, float, float>
 * and resizeArea_'s row sums: T = S[x_0] a_0 + S[x_1] a_1 + ... in
 * float32, left to right, x_k = offset + k clamped to the line (OpenCV
 * reads a tap outside as the edge pixel, with its own weight: in float the
 * weights of taps on one pixel cannot be added first) */
static void
h_ocv16_taps (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  const uint16_t *l = src;
  float *o = dst;
  int ch = p->channels, n = p->n_taps, last = p->in_len - 1;

  (void) s;
  for (int i = 0; i < p->out_len; i++) {
    const float *w = WROW (float, p, i);
    for (int c = 0; c < ch; c++) {
      float acc = 0.0f;
      for (int k = 0; k < n; k++) {
        int x = p->offset[i] + k;
        x = x < 0 ? 0 : x > last ? last : x;
        acc += (float) l[(size_t) x * ch + c] * w[k];
      }
      o[i * ch + c] = acc;
    }
  }
}

/* VResizeLinear, VResizeLanczos4 <ushort, float, float> (the SSE4.1 body
 * of the latter adds in the same order) and resizeArea_'s weighted rows:
 * cvRound (T_0 b_0 + T_1 b_1 + ...), left to right */
static void
v_ocv16_sum (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const float *w = WROW (float, p, j);
  uint16_t *o = dst;

  (void) s;
  for (int x = 0; x < width; x++) {
    float acc = 0.0f;
    for (int k = 0; k < p->n_taps; k++)
      acc += ((const float *) src[k])[x] * w[k];
    o[x] = ocv_round_u16 (acc);
  }
}

/* VResizeCubic<ushort, float, float>: the SIMD body of
 * VResizeCubicVec_32f16u (8 samples a step in Debian's SSE2 build, no
 * fused multiply-add) nests its sum, T0 b0 + (T1 b1 + (T2 b2 + T3 b3)),
 * the scalar code after it adds left to right; both round to even */
static void
v_ocv16_cubic (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const float *t0 = src[0], *t1 = src[1], *t2 = src[2], *t3 = src[3];
  const float *w = WROW (float, p, j);
  int nv = width - width % 8;
  uint16_t *o = dst;

  (void) s;
  for (int x = 0; x < nv; x++) {
    float t = t3[x] * w[3];
    t = t2[x] * w[2] + t;
    t = t1[x] * w[1] + t;
    t = t0[x] * w[0] + t;
    o[x] = ocv_round_u16 (t);
  }
  for (int x = nv; x < width; x++)
    o[x] = ocv_round_u16 (
        t0[x] * w[0] + t1[x] * w[1] + t2[x] * w[2] + t3[x] * w[3]);
}

/* INTER_AREA's exact 2x2 on uint16: (a + b + c + d + 2) >> 2 for 1, 3 or
 * 4 channels (ResizeAreaFastVec), cvRound ((float) sum * 0.25f) for
 * others */
static void
v_ocv16_area2 (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const uint16_t *r0 = src[0], *r1 = src[1];
  uint16_t *o = dst;
  int ch = p->channels;

  (void) j;
  (void) s;
  for (int x = 0; x < width; x++) {
    int i = x / ch, c = x % ch;
    int32_t sum = r0[2 * i * ch + c] + r0[(2 * i + 1) * ch + c]
        + r1[2 * i * ch + c] + r1[(2 * i + 1) * ch + c];
    if (ch == 1 || ch == 3 || ch == 4)
      o[x] = (uint16_t) ((sum + 2) >> 2);
    else
      o[x] = ocv_round_u16 ((float) sum * 0.25f);
  }
}

/* INTER_AREA's other integer factors on uint16 (resizeAreaFast_<ushort,
 * float>): the kx x ky block in OpenCV's order (row by row), four samples
 * at a time summed in int and added to a float sum, the rest one by one;
 * then cvRound (sum * (1.f / (kx ky))). The float sum rounds once it
 * passes 2^24 (blocks of more than 256 samples). */
static void
v_ocv16_areak (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const AsOcvBlock *b = p->w;
  uint16_t *o = dst;
  int ch = p->channels, kx = b->kx, area = kx * p->n_taps, n = width / ch;

  (void) j;
  (void) s;
  for (int i = 0; i < n; i++)
    for (int c = 0; c < ch; c++) {
      size_t at = (size_t) i * kx * ch + c;
      int row = 0, col = 0, k = 0;
      float sum = 0.0f;
      /* the k-th sample of the block: row k / kx, column k % kx */
#define NEXT_SAMPLE(v)                                                         \
  do {                                                                         \
    (v) = ((const uint16_t *) src[row])[at + (size_t) col * ch];               \
    if (++col == kx) {                                                         \
      col = 0;                                                                 \
      row++;                                                                   \
    }                                                                          \
  } while (0)
      for (; k <= area - 4; k += 4) {
        int32_t g = 0, v;
        for (int m = 0; m < 4; m++) {
          NEXT_SAMPLE (v);
          g += v;
        }
        sum += (float) g;
      }
      for (; k < area; k++) {
        int32_t v;
        NEXT_SAMPLE (v);
        sum += (float) v;
      }
#undef NEXT_SAMPLE
      o[i * ch + c] = ocv_round_u16 (sum * b->scale);
    }
}

/* INTER_LINEAR_EXACT on uint16 (resize_bitExact, ufixedpoint32): uint32
 * pairs c0 + c1 = 2^16; horizontal h = S[x0] c0 + S[x1] c1 (x1 = x0 + 1,
 * the last pixel at the right edge where c1 = 0), vertical
 * (h0 c0 + h1 c1 + 2^31) >> 32 in uint64 */
OCV_PAIR_ROW (h_ocv16x_in, uint16_t, uint32_t, uint32_t)

static void
v_ocv16x_out (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const uint32_t *h0 = src[0], *h1 = src[1];
  const uint32_t *w = p->w;
  uint64_t c0 = w[2 * j], c1 = w[2 * j + 1];
  uint16_t *o = dst;

  (void) s;
  for (int x = 0; x < width; x++) {
    uint64_t v = (h0[x] * c0 + h1[x] * c1 + ((uint64_t) 1 << 31)) >> 32;
    o[x] = (uint16_t) (v > 65535 ? 65535 : v);
  }
}

/* Pillow 9.4's 8-bit passes (pil_h_pixel, pil_v_sample: rows-arith.h) */
static void
h_pil8 (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  (void) s;
  for (int i = 0; i < p->out_len; i++)
    pil_h_pixel (dst, src, p, i);
}

static void
v_pil8 (void *dst, const void *const *src, const AsPass *p, int j, int width,
    AsLineScratch *s)
{
  const int32_t *w = WROW (int32_t, p, j);
  uint8_t *o = dst;

  (void) s;
  for (int x = 0; x < width; x++)
    o[x] = pil_v_sample ((const uint8_t *const *) src, w, p->n_taps, x);
}

/* ------------------------------------------------------ YUV -> RGB */

/* the float32 rows of dsp.h, scalar: the reference of rows-simd.c, with
 * the same IEEE single-precision operations in the same order (this file
 * is compiled with -ffp-contract=off) */
static inline uint8_t
rgb_q (float t, const float *k, int32_t *near)
{
  int32_t q, fb, lb;
  float f;

  t = t > 0.5f ? t : 0.5f;
  t = t < 255.5f ? t : 255.5f;
  q = (int32_t) t;
  f = (t - (float) q) - 0.5f;
  memcpy (&fb, &f, 4);
  lb = AS_RGB_LIM_BITS;
  *near |= (fb & 0x7fffffff) > lb;
  return (uint8_t) q;
}

#define C_ROW(name, type)                                                      \
  static void c_rgb_##name (uint8_t *r, uint8_t *g, uint8_t *b, uint8_t *near, \
      const void *y, const void *u, const void *v, const float *k, int n)      \
  {                                                                            \
    const type *ys = y, *us = u, *vs = v;                                      \
    for (int i = 0; i < n; i++) {                                              \
      float yv = (float) ys[i] * k[0] + 0.5f, uf = (float) us[i],              \
            vf = (float) vs[i];                                                \
      int32_t m = 0;                                                           \
      r[i] = rgb_q (yv + vf * k[1], k, &m);                                    \
      g[i] = rgb_q ((yv - uf * k[2]) - vf * k[3], k, &m);                      \
      b[i] = rgb_q (yv + uf * k[4], k, &m);                                    \
      near[i] = m ? 0xff : 0;                                                  \
    }                                                                          \
  }

C_ROW (s16, int16_t)
C_ROW (s32, int32_t)

static void
merge4 (uint8_t *dst, const uint8_t *a, const uint8_t *b, const uint8_t *c,
    const uint8_t *d, int n)
{
  for (int i = 0; i < n; i++) {
    dst[4 * i] = a[i];
    dst[4 * i + 1] = b[i];
    dst[4 * i + 2] = c[i];
    dst[4 * i + 3] = d[i];
  }
}

const char *const as_dsp_c_names[AS_N_C] = {
  [AS_C_RGB_S16] = "c_rgb_s16",
  [AS_C_RGB_S32] = "c_rgb_s32",
};

void
as_dsp_init_c (AsDsp *dsp)
{
  memset (dsp->h_prep, 0, sizeof (dsp->h_prep));
  dsp->c[AS_C_RGB_S16] = c_rgb_s16;
  dsp->c[AS_C_RGB_S32] = c_rgb_s32;
  dsp->merge4 = merge4;
  dsp->v[AS_V_INT8_IN] = v_int8_in;
  dsp->v[AS_V_INT8_OUT] = v_int8_out;
  dsp->v[AS_V_INT16_IN] = v_int16_in;
  dsp->v[AS_V_INT16_OUT] = v_int16_out;
  dsp->v[AS_V_SUM8_IN] = v_sum8_in;
  dsp->v[AS_V_SUM8_OUT] = v_sum8_out;
  dsp->v[AS_V_LERP8_IN] = v_lerp8_in;
  dsp->v[AS_V_LERP8_OUT] = v_lerp8_out;
  dsp->v[AS_V_LERP8_ONE] = v_lerp8_one;
  dsp->v[AS_V_LERP16_IN] = v_lerp16_in;
  dsp->v[AS_V_LERP16_OUT] = v_lerp16_out;
  dsp->v[AS_V_BOX2] = v_box2;
  dsp->v[AS_V_BOX2W] = v_box2w;
  dsp->v[AS_V_EXACT_IN] = v_exact_in;
  dsp->v[AS_V_EXACT_OUT] = v_exact_out;

  dsp->h[AS_H_INT8_IN] = h_int8_in;
  dsp->h[AS_H_INT8_OUT] = h_int8_out;
  dsp->h[AS_H_INT16_IN] = h_int16_in;
  dsp->h[AS_H_INT16_OUT] = h_int16_out;
  dsp->h[AS_H_SUM8_IN] = h_sum8_in;
  dsp->h[AS_H_SUM8_OUT] = h_sum8_out;
  dsp->h[AS_H_LERP8_IN] = h_lerp8_in;
  dsp->h[AS_H_LERP8_OUT] = h_lerp8_out;
  dsp->h[AS_H_LERP8_ONE] = h_lerp8_one;
  dsp->h[AS_H_LERP16_IN] = h_lerp16_in;
  dsp->h[AS_H_LERP16_OUT] = h_lerp16_out;
  dsp->h[AS_H_EXACT_IN] = h_exact_in;
  dsp->h[AS_H_EXACT_OUT] = h_exact_out;
  dsp->h[AS_H_NEAREST] = h_nearest;
  dsp->h[AS_H_COPY] = h_copy;
  dsp->h[AS_H_OCV8_IN] = h_ocv8_in;
  dsp->h[AS_H_PIL8] = h_pil8;
  dsp->v[AS_V_OCV8_OUT] = v_ocv8_out;
  dsp->v[AS_V_OCV8_AREA2] = v_ocv8_area2;
  dsp->v[AS_V_PIL8] = v_pil8;
  dsp->h[AS_H_OCV8_TAPS] = h_ocv8_taps;
  dsp->v[AS_V_OCV8_CUBIC] = v_ocv8_cubic;
  dsp->v[AS_V_OCV8_LANCZOS4] = v_ocv8_lanczos4;
  dsp->v[AS_V_OCV8_AREAK] = v_ocv8_areak;
  dsp->v[AS_V_OCV8_AREA_OUT] = v_ocv8_area_out;
  dsp->v[AS_V_OCV8X_OUT] = v_ocv8x_out;
  dsp->h[AS_H_OCV8_AREA_IN] = h_ocv8_area_in;
  dsp->h[AS_H_OCV8X_IN] = h_ocv8x_in;
  dsp->v[AS_V_OCV16_SUM] = v_ocv16_sum;
  dsp->v[AS_V_OCV16_CUBIC] = v_ocv16_cubic;
  dsp->v[AS_V_OCV16_AREA2] = v_ocv16_area2;
  dsp->v[AS_V_OCV16_AREAK] = v_ocv16_areak;
  dsp->v[AS_V_OCV16X_OUT] = v_ocv16x_out;
  dsp->h[AS_H_OCV16_TAPS] = h_ocv16_taps;
  dsp->h[AS_H_OCV16X_IN] = h_ocv16x_in;
}
