/* alignscale: YUV -> 8-bit RGB at full resolution (docs/conversion.md)
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The arithmetic is written once, in as_convert_row's pixel loop, in the
 * order docs/conversion.md gives; the file is compiled with
 * -ffp-contract=off so that no multiply-add is fused and numpy's float64
 * evaluation of the same expressions gives the same bytes.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "convert.h"

#define MIN(a, b) ((a) < (b) ? (a) : (b))

/* the double arithmetic runs on whole arrays: let GCC use SIMD for it at
 * -O2 too (Clang does) */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("tree-vectorize")
#endif

struct AsConvert
{
  AsConvertDesc d;
  int cw, ch;       /* chroma plane size */
  int den_h, den_v; /* interpolation weights per axis sum to these */
  int oy, ocd;      /* luma offset, chroma offset * D */
  double ky, kc, kr, kb, kgb, kgr, ka;
  int need_chroma, need_alpha;
  /* every column of a picture 8 or wider, horizontal 2:1 chroma: the
   * taps of columns [2, 2 (cw - 1)) repeat every two (chroma_h) */
  int regular2;
  int contiguous; /* the columns are 0 .. n - 1 */
  /* every column of 8-bit codes, 2:1 or no horizontal subsampling:
   * convert_row8 */
  int row8;
  /* the luma and alpha outputs of every stored code (GRAY8, AYUV) */
  uint8_t *ylut, *alut;
  /* every code is at most 2^depth - 1 (8-bit bytes, words with the code
   * in their high bits, 16-bit): the float32 fast path holds */
  int bounded;
  /* where each quantity goes in a working pixel (-1: nowhere) */
  int pos_r, pos_g, pos_b, pos_a, pos_y;
  int n_pad, pad[4];
  /* per luma column: chroma columns and weights (linear or nearest) */
  int32_t *x0, *x1;
  int32_t *w0, *w1;
  /* the columns a row converts (as_convert_set_columns), and per column
   * k its chroma taps; the chroma columns they reach */
  int n, n_c;
  int32_t *cols, *ccols, *k0, *k1, *kw0, *kw1;
};

/* q (v) = clamp (floor (v + 0.5), 0, 255), without branches: for t in
 * [0, 255] truncation is floor, and clamping t first gives the same */
static inline uint8_t
q8 (double v)
{
  double t = v + 0.5;

  t = t > 0.0 ? t : 0.0;
  t = t < 255.0 ? t : 255.0;
  return (uint8_t) (int32_t) t;
}

/* the chroma samples around luma index x on one axis and their weights,
 * which sum to 2 r (docs/conversion.md) */
static void
axis_taps (int x, int r, int o2, int n, int nearest, int32_t *i0, int32_t *i1,
    int32_t *w0, int32_t *w1)
{
  int den = 2 * r;

  if (nearest) {
    int i = x / r;
    *i0 = *i1 = i < n ? i : n - 1;
    *w0 = den;
    *w1 = 0;
    return;
  }
  {
    int num = 2 * x - o2;
    /* floor division (num may be negative) */
    int q = num >= 0 ? num / den : -((-num + den - 1) / den);
    int a = q, b = q + 1;

    *w1 = num - q * den;
    *w0 = den - *w1;
    a = a < 0 ? 0 : a >= n ? n - 1 : a;
    b = b < 0 ? 0 : b >= n ? n - 1 : b;
    *i0 = a;
    *i1 = b;
  }
}

void
as_convert_free (AsConvert *cv)
{
  if (!cv)
    return;
  free (cv->x0);
  free (cv->x1);
  free (cv->w0);
  free (cv->w1);
  free (cv->cols);
  free (cv->ccols);
  free (cv->k0);
  free (cv->k1);
  free (cv->kw0);
  free (cv->kw1);
  free (cv->ylut);
  free (cv->alut);
  free (cv);
}

static int
comp_valid (const AsConvComp *c)
{
  return c->plane >= 0 && c->plane < 4 && c->pstride >= 1 && c->offset >= 0
      && (c->bps == 1 || c->bps == 2) && c->shift >= 0 && c->shift < 16
      && (c->r_h == 1 || c->r_h == 2 || c->r_h == 4)
      && (c->r_v == 1 || c->r_v == 2 || c->r_v == 4) && c->depth >= 8
      && c->depth <= 8 * c->bps;
}

AsConvert *
as_convert_new (const AsConvertDesc *d)
{
  AsConvert *cv;
  const AsConvComp *y = &d->comp[0], *u = &d->comp[1];
  int depth = y->depth;
  double sy, sc, kg;

  if (d->width < 1 || d->height < 1 || d->n_out < 1 || d->n_out > 4
      || !comp_valid (&d->comp[0]) || !comp_valid (&d->comp[1])
      || !comp_valid (&d->comp[2])
      || (d->comp[3].plane >= 0 && !comp_valid (&d->comp[3])) || y->r_h != 1
      || y->r_v != 1 || u->r_h != d->comp[2].r_h || u->r_v != d->comp[2].r_v
      || u->depth != depth || d->comp[2].depth != depth || d->o2_h < 0
      || d->o2_h >= 2 * u->r_h || d->o2_v < 0 || d->o2_v >= 2 * u->r_v)
    return NULL;
  cv = calloc (1, sizeof (AsConvert));
  if (!cv)
    return NULL;
  cv->d = *d;
  cv->cw = (d->width + u->r_h - 1) / u->r_h;
  cv->ch = (d->height + u->r_v - 1) / u->r_v;
  cv->den_h = 2 * u->r_h;
  cv->den_v = 2 * u->r_v;
  for (int k = 0; k < d->n_out; k++) {
    if (d->out[k] == AS_CONV_R || d->out[k] == AS_CONV_G
        || d->out[k] == AS_CONV_B)
      cv->need_chroma = 1;
    if (d->out[k] == AS_CONV_A && d->comp[3].plane >= 0)
      cv->need_alpha = 1;
  }

  /* docs/conversion.md: range, matrix; every constant in this order */
  if (d->full_range) {
    cv->oy = 0;
    sy = (double) ((1 << depth) - 1);
    sc = sy;
    cv->ocd = (1 << (depth - 1)) * cv->den_h * cv->den_v;
  } else {
    cv->oy = 16 << (depth - 8);
    sy = (double) (219 << (depth - 8));
    sc = (double) (224 << (depth - 8));
    cv->ocd = (128 << (depth - 8)) * cv->den_h * cv->den_v;
  }
  cv->bounded = 1;
  for (int c = 0; c < 3; c++)
    cv->bounded &= d->comp[c].bps == 1 || d->comp[c].shift > 0
        || d->comp[c].depth == 16;
  cv->ky = 255.0 / sy;
  cv->kc = 1.0 / ((double) (cv->den_h * cv->den_v) * sc);
  cv->kr = 255.0 * (2.0 * (1.0 - d->kr));
  cv->kb = 255.0 * (2.0 * (1.0 - d->kb));
  kg = (1.0 - d->kr) - d->kb;
  cv->kgb = 255.0 * (((2.0 * d->kb) * (1.0 - d->kb)) / kg);
  cv->kgr = 255.0 * (((2.0 * d->kr) * (1.0 - d->kr)) / kg);
  cv->ka = d->comp[3].plane >= 0
      ? 255.0 / (double) ((1u << d->comp[3].depth) - 1)
      : 0.0;

  /* every stored code of a component: 2^(8 bps - shift) */
  {
    size_t ny = (size_t) 1 << (8 * y->bps - y->shift);
    cv->ylut = malloc (ny);
    if (!cv->ylut) {
      as_convert_free (cv);
      return NULL;
    }
    for (size_t c = 0; c < ny; c++)
      cv->ylut[c] = q8 ((double) ((int32_t) c - cv->oy) * cv->ky);
    if (d->comp[3].plane >= 0) {
      const AsConvComp *a = &d->comp[3];
      size_t na = (size_t) 1 << (8 * a->bps - a->shift);
      cv->alut = malloc (na);
      if (!cv->alut) {
        as_convert_free (cv);
        return NULL;
      }
      for (size_t c = 0; c < na; c++)
        cv->alut[c] = q8 ((double) c * cv->ka);
    }
  }
  cv->x0 = malloc (sizeof (int32_t) * d->width);
  cv->x1 = malloc (sizeof (int32_t) * d->width);
  cv->w0 = malloc (sizeof (int32_t) * d->width);
  cv->w1 = malloc (sizeof (int32_t) * d->width);
  if (!cv->x0 || !cv->x1 || !cv->w0 || !cv->w1) {
    as_convert_free (cv);
    return NULL;
  }
  for (int x = 0; x < d->width; x++)
    axis_taps (x, u->r_h, d->o2_h, cv->cw, d->nearest, &cv->x0[x], &cv->x1[x],
        &cv->w0[x], &cv->w1[x]);

  cv->pos_r = cv->pos_g = cv->pos_b = cv->pos_a = cv->pos_y = -1;
  for (int k = 0; k < d->n_out; k++) {
    switch (d->out[k]) {
      case AS_CONV_R:
        cv->pos_r = k;
        break;
      case AS_CONV_G:
        cv->pos_g = k;
        break;
      case AS_CONV_B:
        cv->pos_b = k;
        break;
      case AS_CONV_A:
        if (cv->need_alpha) {
          cv->pos_a = k;
          break;
        }
        /* no input alpha: opaque, as padding */
        cv->pad[cv->n_pad++] = k;
        break;
      case AS_CONV_LUMA:
        cv->pos_y = k;
        break;
      default:
        cv->pad[cv->n_pad++] = k;
        break;
    }
  }
  /* RGB comes as a whole: a working pixel has all three or none */
  if (cv->need_chroma && (cv->pos_r < 0 || cv->pos_g < 0 || cv->pos_b < 0)) {
    as_convert_free (cv);
    return NULL;
  }
  if (as_convert_set_columns (cv, NULL, d->width) < 0) {
    as_convert_free (cv);
    return NULL;
  }
  return cv;
}

int
as_convert_set_columns (AsConvert *cv, const int32_t *cols, int n)
{
  int m = 0;

  if (n < 0 || n > cv->d.width)
    return -1;
  if (!cv->cols) {
    size_t w = cv->d.width;
    cv->cols = malloc (sizeof (int32_t) * w);
    cv->ccols = malloc (sizeof (int32_t) * (size_t) cv->cw);
    cv->k0 = malloc (sizeof (int32_t) * w);
    cv->k1 = malloc (sizeof (int32_t) * w);
    cv->kw0 = malloc (sizeof (int32_t) * w);
    cv->kw1 = malloc (sizeof (int32_t) * w);
    if (!cv->cols || !cv->ccols || !cv->k0 || !cv->k1 || !cv->kw0 || !cv->kw1)
      return -1;
  }
  for (int k = 0; k < n; k++) {
    int x = cols ? cols[k] : k;
    if (x < 0 || x >= cv->d.width || (k > 0 && x <= cv->cols[k - 1]))
      return -1;
    cv->cols[k] = x;
    cv->k0[k] = cv->x0[x];
    cv->k1[k] = cv->x1[x];
    cv->kw0[k] = cv->w0[x];
    cv->kw1[k] = cv->w1[x];
    /* x0, x1 never decrease with x */
    if (m == 0 || cv->ccols[m - 1] < cv->k0[k])
      cv->ccols[m++] = cv->k0[k];
    if (cv->ccols[m - 1] < cv->k1[k])
      cv->ccols[m++] = cv->k1[k];
  }
  cv->n = n;
  cv->n_c = m;
  cv->contiguous = n == cv->d.width;
  cv->regular2 = 0;
  cv->row8 = 0;
  if (cv->contiguous && cv->d.comp[1].r_h == 2 && n >= 8) {
    /* check the claim rather than derive it */
    cv->regular2 = 1;
    for (int x = 2; x < 2 * (cv->cw - 1); x++) {
      int p = x % 2, i = x / 2;
      cv->regular2 &= cv->k0[x] - i == cv->k0[2 + p] - 1
          && cv->k1[x] == cv->k0[x] + 1 && cv->kw0[x] == cv->kw0[2 + p]
          && cv->kw1[x] == cv->kw1[2 + p];
    }
  }
  {
    const AsConvComp *u = &cv->d.comp[1], *v = &cv->d.comp[2];
    cv->row8 = cv->contiguous && cv->need_chroma && cv->d.comp[0].bps == 1
        && u->bps == 1 && v->bps == 1
        && (u->pstride == 1 || u->pstride == 2 || u->pstride == 4)
        && (v->pstride == 1 || v->pstride == 2 || v->pstride == 4)
        && (u->r_h == 1 || cv->regular2);
  }
  return 0;
}

size_t
as_convert_scratch_bytes (const AsConvert *cv)
{
  /* chroma rows (cb, cr at chroma width), then per column Y, Cb, Cr, A */
  size_t w = cv->d.width, cw = cv->cw;
  size_t generic = sizeof (int32_t) * (2 * cw + 4 * w);
  /* convert_row8: Y, Cb, Cr, two blended chroma rows */
  size_t row8 = sizeof (int16_t) * (3 * w + 2 * cw);

  return (generic > row8 ? generic : row8) + 64;
}

/* sample i of a component's row */
static inline int32_t
rd (const AsConvComp *c, const uint8_t *row, int i)
{
  const uint8_t *p = row + c->offset + (size_t) i * c->pstride;
  uint16_t w;

  if (c->bps == 1)
    return p[0];
  memcpy (&w, p, 2);
  if (c->swap)
    w = (uint16_t) (w >> 8 | w << 8);
  return w >> c->shift;
}

/* dst[k] = sample cols[k] of a component's row - off */
static void
gather (int32_t *dst, const AsConvComp *c, const uint8_t *row,
    const int32_t *cols, int n, int32_t off)
{
  if (c->bps == 1) {
    const uint8_t *p = row + c->offset;
    size_t ps = c->pstride;
    if (n > 0 && cols[n - 1] == n - 1) { /* every column */
      for (int k = 0; k < n; k++)
        dst[k] = p[k * ps] - off;
    } else {
      for (int k = 0; k < n; k++)
        dst[k] = p[(size_t) cols[k] * ps] - off;
    }
  } else {
    for (int k = 0; k < n; k++)
      dst[k] = rd (c, row, cols[k]) - off;
  }
}

static const uint8_t *
row_of (const AsConvComp *c, const uint8_t *const *src, const ptrdiff_t *stride,
    int r)
{
  return src[c->plane] + stride[c->plane] * r;
}

/* one pixel's R, G, B from its codes less their offsets: docs/conversion.md,
 * in its order */
static inline void
rgb1 (const AsConvert *cv, uint8_t *o, int32_t yi, int32_t ui, int32_t vi)
{
  double yv = (double) yi * cv->ky, u = (double) ui * cv->kc,
         v = (double) vi * cv->kc;

  o[cv->pos_r] = q8 (yv + v * cv->kr);
  o[cv->pos_g] = q8 ((yv - u * cv->kgb) - v * cv->kgr);
  o[cv->pos_b] = q8 (yv + u * cv->kb);
}

/* columns [k0, n) */
static void
rgb_scalar (const AsConvert *cv, uint8_t *dst, const int32_t *yi,
    const int32_t *ui, const int32_t *vi, int k0, int n)
{
  size_t no = cv->d.n_out;

  for (int k = k0; k < n; k++)
    rgb1 (cv, dst + no * cv->cols[k], yi[k], ui[k], vi[k]);
}

#if defined(__GNUC__) && (defined(__SSE2__) || defined(__ARM_NEON))
/* Four pixels a step in float32 (GCC's and Clang's vector extensions:
 * SSE2 or NEON), then the exact result where float32 could differ.
 *
 * The float32 value t of v + 0.5 is within 1.5e-4 of the binary64 one:
 * the inputs are exact in float32 (|codes| < 2^24); y is at most 298.6
 * (codes at most 2^depth: 255 2^d / sy), the chroma terms at most
 * 0.57 kr <= 230 (and 50, 104 for G), R at most 530; each of the seven or
 * so roundings and four rounded coefficients errs by 2^-24 of its value,
 * the binary64 evaluation by 1e-13. floor (t) is then the binary64 floor
 * unless t lies within EPS (3x the bound) of an integer: such a block of
 * four is recomputed in binary64 (rgb1), under 1 % of blocks of random
 * codes. Clamping t to [0.5, 255.5] first keeps 0 and 255 out of the
 * test: whatever side of 0 or 256 the value was, the clamped result is
 * the same. tests/check/libs/convert.c compares with binary64. */
#define EPS 5e-4f
#define SIMD 1

typedef float v4f __attribute__ ((vector_size (16)));
typedef int32_t v4i __attribute__ ((vector_size (16)));
typedef int16_t v4s __attribute__ ((vector_size (8)));

#define SPLAT(x)                                                               \
  {                                                                            \
    (x), (x), (x), (x)                                                         \
  }

typedef struct
{
  v4f ky, kc, kr, kb, kgb, kgr;
  v4i pad;        /* 255 in the padding bytes of a pixel's word */
  int sr, sg, sb; /* bit of R, G, B in a pixel's word */
  int wide;       /* 4-byte pixels: whole words */
  int last;       /* the last column: its word would spill past the row */
} RgbK;

static void
rgbk_init (const AsConvert *cv, RgbK *kk)
{
  const float ky = (float) cv->ky, kc = (float) cv->kc, kr = (float) cv->kr,
              kb = (float) cv->kb, kgb = (float) cv->kgb, kgr = (float) cv->kgr;
  int32_t padw = 0;
  /* byte p of a word in memory */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define BYTE_SHIFT(p) (24 - 8 * (p))
#else
#define BYTE_SHIFT(p) (8 * (p))
#endif

  kk->ky = (v4f) SPLAT (ky);
  kk->kc = (v4f) SPLAT (kc);
  kk->kr = (v4f) SPLAT (kr);
  kk->kb = (v4f) SPLAT (kb);
  kk->kgb = (v4f) SPLAT (kgb);
  kk->kgr = (v4f) SPLAT (kgr);
  for (int p = 0; p < cv->n_pad; p++)
    padw |= (int32_t) (0xffu << BYTE_SHIFT (cv->pad[p]));
  kk->pad = (v4i) SPLAT (padw);
  kk->sr = BYTE_SHIFT (cv->pos_r);
  kk->sg = BYTE_SHIFT (cv->pos_g);
  kk->sb = BYTE_SHIFT (cv->pos_b);
  kk->wide = cv->d.n_out == 4;
  kk->last = cv->d.width - 1;
}

#if defined(__SSE2__)
#include <emmintrin.h>
#define ANY(m) _mm_movemask_ps ((__m128) (m))
#define VMAX(a, b) ((v4f) _mm_max_ps ((__m128) (a), (__m128) (b)))
#define VMIN(a, b) ((v4f) _mm_min_ps ((__m128) (a), (__m128) (b)))
#else
static inline int
ANY (v4i m)
{
  int64_t any[2];
  memcpy (any, &m, 16);
  return (any[0] | any[1]) != 0;
}

static inline v4f
VMAX (v4f a, v4f b)
{
  v4i m = a > b;
  return (v4f) (((v4i) a & m) | ((v4i) b & ~m));
}

static inline v4f
VMIN (v4f a, v4f b)
{
  v4i m = a < b;
  return (v4f) (((v4i) a & m) | ((v4i) b & ~m));
}
#endif

static inline v4f
vclamp (v4f t)
{
  const v4f lo = SPLAT (0.5f), hi = SPLAT (255.5f);

  return VMAX (VMIN (t, hi), lo);
}

/* lanes whose t is within EPS of an integer: |frac - 0.5| > 0.5 - EPS */
static inline v4i
vnear (v4f t, v4i q)
{
  const v4f half = SPLAT (0.5f), lim = SPLAT (0.5f - EPS);
  const v4i abs = SPLAT (0x7fffffff);
  v4f f = t - __builtin_convertvector(q, v4f) - half;

  return (v4f) ((v4i) f & abs) > lim;
}

/* Pixels x[0 .. 4) from their codes less their offsets (a, b, c: Y, Cb,
 * Cr); 0 when a result is too close to call in float32 (nothing written:
 * the caller computes the block in binary64). */
static inline __attribute__ ((always_inline)) int
rgb_block (const AsConvert *cv, const RgbK *kk, uint8_t *dst, v4i a, v4i b,
    v4i c, const int32_t *x)
{
  const v4f half = SPLAT (0.5f);
  size_t no = cv->d.n_out;
  v4f yv, u, v, tr, tg, tb;
  v4i qr, qg, qb, near, w;

  yv = __builtin_convertvector(a, v4f) * kk->ky + half;
  u = __builtin_convertvector(b, v4f) * kk->kc;
  v = __builtin_convertvector(c, v4f) * kk->kc;
  tr = vclamp (yv + v * kk->kr);
  tg = vclamp ((yv - u * kk->kgb) - v * kk->kgr);
  tb = vclamp (yv + u * kk->kb);
  qr = __builtin_convertvector(tr, v4i);
  qg = __builtin_convertvector(tg, v4i);
  qb = __builtin_convertvector(tb, v4i);
  near = vnear (tr, qr) | vnear (tg, qg) | vnear (tb, qb);
  if (__builtin_expect (ANY (near), 0))
    return 0;
  /* the clamp keeps every q in [0, 255]: one 32-bit word a pixel, its
   * bytes in working order (pads 255); a 3-byte pixel's word spills into
   * the next pixel, written after it, or past the row's end, where bytes
   * go one by one */
  w = (qr << kk->sr) | (qg << kk->sg) | (qb << kk->sb) | kk->pad;
  if (kk->wide && x[3] == x[0] + 3) {
    memcpy (dst + 4 * (size_t) x[0], &w, 16);
  } else if (kk->wide || x[3] < kk->last) {
    for (int i = 0; i < 4; i++)
      memcpy (dst + no * x[i], (const int32_t *) &w + i, 4);
  } else {
    for (int i = 0; i < 4; i++) {
      uint8_t *o = dst + no * x[i];
      o[cv->pos_r] = (uint8_t) qr[i];
      o[cv->pos_g] = (uint8_t) qg[i];
      o[cv->pos_b] = (uint8_t) qb[i];
    }
  }
  return 1;
}

/* columns cv->cols[0 .. n), int32 codes; returns how many were done */
static int
rgb_fast (const AsConvert *cv, uint8_t *dst, const int32_t *yi,
    const int32_t *ui, const int32_t *vi, int n)
{
  RgbK kk;
  int k = 0;

  rgbk_init (cv, &kk);
  for (; k + 4 <= n; k += 4) {
    v4i a, b, c;

    memcpy (&a, yi + k, 16);
    memcpy (&b, ui + k, 16);
    memcpy (&c, vi + k, 16);
    if (!rgb_block (cv, &kk, dst, a, b, c, cv->cols + k))
      rgb_scalar (cv, dst, yi, ui, vi, k, k + 4);
  }
  return k;
}

/* columns 0 .. n - 1, int16 codes (convert_row8) */
static int
rgb_fast16 (const AsConvert *cv, uint8_t *dst, const int16_t *yi,
    const int16_t *ui, const int16_t *vi, int n)
{
  size_t no = cv->d.n_out;
  RgbK kk;
  int k = 0;

  rgbk_init (cv, &kk);
  for (; k + 4 <= n; k += 4) {
    v4s a, b, c;
    const int32_t x[4] = { k, k + 1, k + 2, k + 3 };

    memcpy (&a, yi + k, 8);
    memcpy (&b, ui + k, 8);
    memcpy (&c, vi + k, 8);
    if (!rgb_block (cv, &kk, dst, __builtin_convertvector(a, v4i),
            __builtin_convertvector(b, v4i), __builtin_convertvector(c, v4i),
            x))
      for (int i = k; i < k + 4; i++)
        rgb1 (cv, dst + no * i, yi[i], ui[i], vi[i]);
  }
  for (; k < n; k++)
    rgb1 (cv, dst + no * k, yi[k], ui[k], vi[k]);
  return n;
}
#else
#define SIMD 0
#endif

/* each column's chroma: its two chroma columns of the blended row */
static void
chroma_h (
    const AsConvert *cv, int32_t *restrict out, const int32_t *restrict row)
{
  const int32_t *c0 = cv->k0, *c1 = cv->k1, *a0 = cv->kw0, *a1 = cv->kw1;
  int n = cv->n, lo = n, hi = n;
  const int32_t ocd = cv->ocd;

  /* every column of 4:2:x: away from the edges, even and odd columns
   * each take fixed weights at a fixed offset from x / 2 (vectorised) */
  if (cv->regular2) {
    const int32_t de = cv->k0[2] - 1, dd = cv->k0[3] - 1;
    const int32_t e0 = cv->kw0[2], e1 = cv->kw1[2], d0 = cv->kw0[3],
                  d1 = cv->kw1[3];
    int i1 = cv->cw - 1;

    lo = 2;
    hi = 2 * i1;
    for (int i = 1; i < i1; i++) {
      out[2 * i] = e0 * row[i + de] + e1 * row[i + de + 1] - ocd;
      out[2 * i + 1] = d0 * row[i + dd] + d1 * row[i + dd + 1] - ocd;
    }
  }
  for (int k = 0; k < lo; k++)
    out[k] = a0[k] * row[c0[k]] + a1[k] * row[c1[k]] - ocd;
  for (int k = hi; k < n; k++)
    out[k] = a0[k] * row[c0[k]] + a1[k] * row[c1[k]] - ocd;
}

/* The common case fast: every column of 8-bit codes with 2:1 or no
 * horizontal chroma subsampling, in int16 (vectorised: blended chroma
 * rows <= 8 * 255, interpolated chroma less its offset within +-8192).
 * Each chroma row pair is blended into contiguous samples first. */
static void
convert_row8 (const AsConvert *cv, uint8_t *dst, const uint8_t *const *src,
    const ptrdiff_t *stride, int y, void *tmp)
{
  const AsConvertDesc *d = &cv->d;
  const AsConvComp *cy = &d->comp[0], *cu = &d->comp[1], *cvv = &d->comp[2];
  int w = d->width, cw = cv->cw;
  int16_t *yi = tmp, *ui = yi + w, *vi = ui + w, *bu = vi + w, *bv = bu + cw;
  const uint8_t *py = row_of (cy, src, stride, y) + cy->offset;
  const int16_t oy = (int16_t) cv->oy, ocd = (int16_t) cv->ocd;
  int32_t j0, j1, v0, v1;
  int16_t *out[2] = { ui, vi };

  if (cy->pstride == 1)
    for (int x = 0; x < w; x++)
      yi[x] = (int16_t) (py[x] - oy);
  else
    for (int x = 0; x < w; x++)
      yi[x] = (int16_t) (py[(size_t) x * cy->pstride] - oy);

  axis_taps (y, cu->r_v, d->o2_v, cv->ch, d->nearest, &j0, &j1, &v0, &v1);
  for (int p = 0; p < 2; p++) {
    const AsConvComp *k = p ? cvv : cu;
    const uint8_t *r0 = row_of (k, src, stride, j0) + k->offset;
    const uint8_t *r1 = row_of (k, src, stride, j1) + k->offset;
    int16_t *b = p ? bv : bu, *o = out[p];

    /* the two chroma rows blended, as contiguous samples (a constant
     * stride per loop: GCC vectorises each) */
    switch (k->pstride) {
      case 1:
        for (int i = 0; i < cw; i++)
          b[i] = (int16_t) (v0 * r0[i] + v1 * r1[i]);
        break;
      case 2:
        for (int i = 0; i < cw; i++)
          b[i] = (int16_t) (v0 * r0[2 * i] + v1 * r1[2 * i]);
        break;
      default:
        for (int i = 0; i < cw; i++)
          b[i] = (int16_t) (v0 * r0[4 * i] + v1 * r1[4 * i]);
        break;
    }

    if (cu->r_h == 1) {
      for (int x = 0; x < w; x++)
        o[x] = (int16_t) (2 * b[x] - ocd);
      continue;
    }
    {
      /* regular2: away from the edges, fixed weights per parity */
      const int32_t de = cv->k0[2] - 1, dd = cv->k0[3] - 1;
      const int16_t e0 = cv->kw0[2], e1 = cv->kw1[2], d0 = cv->kw0[3],
                    d1 = cv->kw1[3];
      for (int i = 1; i < cw - 1; i++) {
        o[2 * i] = (int16_t) (e0 * b[i + de] + e1 * b[i + de + 1] - ocd);
        o[2 * i + 1] = (int16_t) (d0 * b[i + dd] + d1 * b[i + dd + 1] - ocd);
      }
      for (int x = 0; x < w; x = x == 1 ? 2 * (cw - 1) : x + 1)
        o[x] = (int16_t) (cv->kw0[x] * b[cv->k0[x]] + cv->kw1[x] * b[cv->k1[x]]
            - ocd);
    }
  }
#if SIMD
  rgb_fast16 (cv, dst, yi, ui, vi, w);
#else
  for (int x = 0; x < w; x++)
    rgb1 (cv, dst + (size_t) d->n_out * x, yi[x], ui[x], vi[x]);
#endif
}

void
as_convert_row (const AsConvert *cv, uint8_t *dst, const uint8_t *const *src,
    const ptrdiff_t *stride, int y, void *tmp)
{
  const AsConvertDesc *d = &cv->d;
  const AsConvComp *cy = &d->comp[0], *cu = &d->comp[1], *cvv = &d->comp[2],
                   *ca = &d->comp[3];
  int32_t *cbrow = tmp, *crrow = cbrow + cv->cw;
  int32_t *yi = crrow + cv->cw, *ui = yi + d->width, *vi = ui + d->width;
  const int32_t *cols = cv->cols;
  size_t no = d->n_out;
  int n = cv->n, k0 = 0;

  if (n < 1)
    return;
  if (cv->row8) {
    convert_row8 (cv, dst, src, stride, y, tmp);
  } else {
    gather (yi, cy, row_of (cy, src, stride, y), cols, n, cv->oy);
  }

  if (cv->need_chroma && !cv->row8) {
    int32_t j0, j1, v0, v1;
    const uint8_t *u0, *u1, *w0, *w1;
    /* the two chroma rows around y, blended at the chroma columns the
     * luma columns reach, then each luma column's two chroma columns */
    axis_taps (y, cu->r_v, d->o2_v, cv->ch, d->nearest, &j0, &j1, &v0, &v1);
    u0 = row_of (cu, src, stride, j0);
    u1 = row_of (cu, src, stride, j1);
    w0 = row_of (cvv, src, stride, j0);
    w1 = row_of (cvv, src, stride, j1);
    if (cu->bps == 1 && cvv->bps == 1) {
      const uint8_t *pu0 = u0 + cu->offset, *pu1 = u1 + cu->offset;
      const uint8_t *pv0 = w0 + cvv->offset, *pv1 = w1 + cvv->offset;
      size_t su = cu->pstride, sv = cvv->pstride;
      const int32_t *cc = cv->ccols;
      for (int k = 0, nc = cv->n_c; k < nc; k++) {
        size_t i = cc[k];
        cbrow[i] = v0 * pu0[i * su] + v1 * pu1[i * su];
        crrow[i] = v0 * pv0[i * sv] + v1 * pv1[i * sv];
      }
    } else {
      for (int k = 0; k < cv->n_c; k++) {
        int i = cv->ccols[k];
        cbrow[i] = v0 * rd (cu, u0, i) + v1 * rd (cu, u1, i);
        crrow[i] = v0 * rd (cvv, w0, i) + v1 * rd (cvv, w1, i);
      }
    }
    chroma_h (cv, ui, cbrow);
    chroma_h (cv, vi, crrow);
#if SIMD
    if (cv->bounded)
      k0 = rgb_fast (cv, dst, yi, ui, vi, n);
#endif
    rgb_scalar (cv, dst, yi, ui, vi, k0, n);
  }
  /* luma (GRAY8) and alpha through their tables of every stored code */
  if (cv->pos_y >= 0) {
    const uint8_t *py = row_of (cy, src, stride, y);
    for (int k = 0; k < n; k++)
      dst[no * cols[k] + cv->pos_y] = cv->ylut[rd (cy, py, cols[k])];
  }
  if (cv->need_alpha) {
    const uint8_t *pa = row_of (ca, src, stride, y);
    for (int k = 0; k < n; k++)
      dst[no * cols[k] + cv->pos_a] = cv->alut[rd (ca, pa, cols[k])];
  }
  for (int p = 0; p < cv->n_pad; p++)
    for (int k = 0; k < n; k++)
      dst[no * cols[k] + cv->pad[p]] = 255;
}
