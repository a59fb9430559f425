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

/* the integer lines run on whole arrays: let GCC use SIMD for them at
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
  float fk[5]; /* the float32 rows' parameters (dsp.h) */
  AsDsp dsp;
  int need_chroma, need_alpha;
  /* every column of a picture 8 or wider, horizontal 2:1 chroma: the
   * taps of columns [2, 2 (cw - 1)) repeat every two (yuv_row8) */
  int regular2;
  int contiguous; /* the columns are 0 .. n - 1 */
  int row8;       /* 8-bit codes: yuv_row8 */
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
  /* the same as den_h c[k0] + kd (c[k0 + 1] - c[k0]) (kd 0 where both
   * taps are one sample: yuv_row8 reads c[k0 + 1] anyway) */
  int32_t *kd;
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
  free (cv->kd);
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
as_convert_new (const AsConvertDesc *d, const AsDsp *dsp)
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
  if (dsp) {
    cv->dsp = *dsp;
  } else {
    as_dsp_init_c (&cv->dsp);
    as_dsp_init_orc (&cv->dsp);
    as_dsp_init_simd (&cv->dsp);
  }
  cv->ky = 255.0 / sy;
  cv->kc = 1.0 / ((double) (cv->den_h * cv->den_v) * sc);
  cv->kr = 255.0 * (2.0 * (1.0 - d->kr));
  cv->kb = 255.0 * (2.0 * (1.0 - d->kb));
  kg = (1.0 - d->kr) - d->kb;
  cv->kgb = 255.0 * (((2.0 * d->kb) * (1.0 - d->kb)) / kg);
  cv->kgr = 255.0 * (((2.0 * d->kr) * (1.0 - d->kr)) / kg);
  cv->fk[0] = (float) cv->ky;
  cv->fk[1] = (float) (cv->kc * cv->kr);
  cv->fk[2] = (float) (cv->kc * cv->kgb);
  cv->fk[3] = (float) (cv->kc * cv->kgr);
  cv->fk[4] = (float) (cv->kc * cv->kb);
  cv->ka = d->comp[3].plane >= 0
      ? 255.0 / (double) ((1u << d->comp[3].depth) - 1)
      : 0.0;

  /* every stored code of a component (2^(8 bps - shift)), for the
   * outputs that are a table: a live switch rebuilds them */
  {
    int luma = 0;
    for (int k = 0; k < d->n_out; k++)
      luma |= d->out[k] == AS_CONV_LUMA;
    if (luma) {
      size_t ny = (size_t) 1 << (8 * y->bps - y->shift);
      cv->ylut = malloc (ny);
      if (!cv->ylut) {
        as_convert_free (cv);
        return NULL;
      }
      for (size_t c = 0; c < ny; c++)
        cv->ylut[c] = q8 ((double) ((int32_t) c - cv->oy) * cv->ky);
    }
    if (cv->need_alpha) {
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
    cv->kd = malloc (sizeof (int32_t) * w);
    if (!cv->cols || !cv->ccols || !cv->k0 || !cv->k1 || !cv->kw0 || !cv->kw1
        || !cv->kd)
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
    cv->kd[k] = cv->k1[k] == cv->k0[k] ? 0 : cv->kw1[k];
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
    cv->row8 = cv->need_chroma && cv->d.comp[0].bps == 1 && u->bps == 1
        && v->bps == 1
        && (u->pstride == 1 || u->pstride == 2 || u->pstride == 4)
        && (v->pstride == 1 || v->pstride == 2 || v->pstride == 4);
  }
  return 0;
}

size_t
as_convert_scratch_bytes (const AsConvert *cv)
{
  size_t w = cv->d.width, cw = cv->cw;

  /* as_convert_row: the codes (int32 Y, Cb, Cr and two chroma rows;
   * yuv_row8's int16 fit), a line of 4-byte pixels, five byte lines (R,
   * G, B, flags, alpha) */
  return 9 * w + sizeof (int32_t) * (3 * w + 2 * cw) + 64;
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
rgb1 (const AsConvert *cv, uint8_t *r, uint8_t *g, uint8_t *b, int32_t yi,
    int32_t ui, int32_t vi)
{
  double yv = (double) yi * cv->ky, u = (double) ui * cv->kc,
         v = (double) vi * cv->kc;

  *r = q8 (yv + v * cv->kr);
  *g = q8 ((yv - u * cv->kgb) - v * cv->kgr);
  *b = q8 (yv + u * cv->kb);
}

/* The bytes of docs/conversion.md's binary64 arithmetic, from the float32
 * rows of the function table (ORC, dsp.h) and binary64 where they flag a
 * pixel. Their float32 t of v + 0.5 is within 1.5e-4 of the binary64 one:
 * the codes are exact in float32 (|codes| < 2^24); y is at most 298.6
 * (codes at most 2^depth: 255 2^d / sy), the chroma terms at most
 * 0.57 kr <= 230 (50 and 104 for G), R at most 530; each of the seven or
 * so roundings and four rounded coefficients errs by 2^-24 of its value,
 * the binary64 evaluation by 1e-13. floor (t) is then the binary64 floor
 * unless t lies within 5e-4 (3x the bound) of an integer: those pixels
 * are flagged, under 1 % of random codes. Clamping t to [0.5, 255.5]
 * first keeps 0 and 255 out of the test: whatever side of 0 or 256 the
 * value was, the clamped result is the same. Codes above 2^depth (a
 * 10-bit format's word of 16 bits) can make the terms large: such
 * formats ("unbounded") take binary64 for every pixel.
 * tests/check/libs/convert.c compares every 8-bit (Y, Cb, Cr). */
static void
rgb_line (const AsConvert *cv, uint8_t *r, uint8_t *g, uint8_t *b,
    uint8_t *near, const void *yi, const void *ui, const void *vi, int s16,
    int n)
{
  if (cv->bounded)
    cv->dsp.c[s16 ? AS_C_RGB_S16 : AS_C_RGB_S32](
        r, g, b, near, yi, ui, vi, cv->fk, n);
  else
    memset (near, 0xff, n);
  /* the flagged pixels again in binary64, eight flags a step */
  for (int k = 0; k < n; k++) {
    if (k + 8 <= n) {
      uint64_t a;
      memcpy (&a, near + k, 8);
      if (!a) {
        k += 7;
        continue;
      }
    }
    if (!near[k])
      continue;
    if (s16)
      rgb1 (cv, r + k, g + k, b + k, ((const int16_t *) yi)[k],
          ((const int16_t *) ui)[k], ((const int16_t *) vi)[k]);
    else
      rgb1 (cv, r + k, g + k, b + k, ((const int32_t *) yi)[k],
          ((const int32_t *) ui)[k], ((const int32_t *) vi)[k]);
  }
}

/* each column's chroma: its two chroma columns of the blended row */
static void
chroma_h (
    const AsConvert *cv, int32_t *restrict out, const int32_t *restrict row)
{
  const int32_t *c0 = cv->k0, *c1 = cv->k1, *a0 = cv->kw0, *a1 = cv->kw1;
  int n = cv->n;
  const int32_t ocd = cv->ocd;

  for (int k = 0; k < n; k++)
    out[k] = a0[k] * row[c0[k]] + a1[k] * row[c1[k]] - ocd;
}

/* NV12, NV21: both chroma rows of an interleaved U V plane blended at
 * once, eight pairs a step (each pair one 16-bit word: U the low byte on
 * a little-endian host); 0 when the layout is another */
static int
semi_planar8 (const AsConvert *cv, int16_t *bu, int16_t *bv,
    const uint8_t *const *src, const ptrdiff_t *stride, int j0, int j1, int v0,
    int v1)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__)                               \
    && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  typedef uint16_t v8w __attribute__ ((vector_size (16)));
  const AsConvComp *cu = &cv->d.comp[1], *cvv = &cv->d.comp[2];
  int cw = cv->cw, lo = cu->offset < cvv->offset ? cu->offset : cvv->offset;
  int16_t *first = cu->offset == lo ? bu : bv, *second = first == bu ? bv : bu;
  const uint8_t *r0, *r1;
  int i = 0;

  if (cu->plane != cvv->plane || cu->pstride != 2 || cvv->pstride != 2
      || abs (cu->offset - cvv->offset) != 1)
    return 0;
  r0 = src[cu->plane] + stride[cu->plane] * j0 + lo;
  r1 = src[cu->plane] + stride[cu->plane] * j1 + lo;
  for (; i + 8 <= cw; i += 8) {
    v8w a, b, x, z;
    memcpy (&a, r0 + 2 * i, 16);
    memcpy (&b, r1 + 2 * i, 16);
    /* weights <= 8, codes <= 255: the sums fit 16 bits */
    x = (a & 0xff) * (uint16_t) v0 + (b & 0xff) * (uint16_t) v1;
    z = (a >> 8) * (uint16_t) v0 + (b >> 8) * (uint16_t) v1;
    memcpy (first + i, &x, 16);
    memcpy (second + i, &z, 16);
  }
  for (; i < cw; i++) {
    first[i] = (int16_t) (v0 * r0[2 * i] + v1 * r1[2 * i]);
    second[i] = (int16_t) (v0 * r0[2 * i + 1] + v1 * r1[2 * i + 1]);
  }
  return 1;
#else
  return 0;
#endif
}

/* 8-bit codes, the common case, in int16 (vectorised: blended chroma rows
 * <= 8 * 255, interpolated chroma less its offset within +-8192). Each
 * chroma row pair is blended whole into contiguous samples first (cheaper
 * vectorised than the columns a sparse set reaches one by one); every
 * column of 2:1 or no horizontal subsampling then takes fixed weights per
 * parity, other sets each column's own two taps. */
static void
yuv_row8 (const AsConvert *cv, int16_t *yi, int16_t *ui, int16_t *vi,
    int16_t *bu, int16_t *bv, const uint8_t *const *src,
    const ptrdiff_t *stride, int y)
{
  const AsConvertDesc *d = &cv->d;
  const AsConvComp *cy = &d->comp[0], *cu = &d->comp[1], *cvv = &d->comp[2];
  int w = d->width, cw = cv->cw, n = cv->n;
  const int32_t *cols = cv->cols;
  const uint8_t *py = row_of (cy, src, stride, y) + cy->offset;
  const int16_t oy = (int16_t) cv->oy, ocd = (int16_t) cv->ocd;
  int32_t j0, j1, v0, v1;
  int16_t *out[2] = { ui, vi };
  int semi;
  /* a sparse set, or subsampling other than 2:1 and 1:1: each column's
   * own taps (else fixed weights per parity) */
  int per_column = !cv->contiguous || (cu->r_h != 1 && !cv->regular2);

  if (!cv->contiguous && cy->pstride == 1)
    for (int k = 0; k < n; k++)
      yi[k] = (int16_t) (py[cols[k]] - oy);
  else if (!cv->contiguous)
    for (int k = 0; k < n; k++)
      yi[k] = (int16_t) (py[(size_t) cols[k] * cy->pstride] - oy);
  else if (cy->pstride == 1)
    for (int x = 0; x < w; x++)
      yi[x] = (int16_t) (py[x] - oy);
  else
    for (int x = 0; x < w; x++)
      yi[x] = (int16_t) (py[(size_t) x * cy->pstride] - oy);

  axis_taps (y, cu->r_v, d->o2_v, cv->ch, d->nearest, &j0, &j1, &v0, &v1);
  semi = semi_planar8 (cv, bu, bv, src, stride, j0, j1, v0, v1);
  for (int p = 0; p < 2; p++) {
    const AsConvComp *k = p ? cvv : cu;
    const uint8_t *r0 = row_of (k, src, stride, j0) + k->offset;
    const uint8_t *r1 = row_of (k, src, stride, j1) + k->offset;
    int16_t *b = p ? bv : bu, *o = out[p];

    /* the two chroma rows blended, as contiguous samples (a constant
     * stride per loop: GCC vectorises each) */
    switch (semi ? 0 : k->pstride) {
      case 0:
        break;
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

    if (per_column)
      continue; /* below, both components at once */
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
  if (per_column) {
    /* each column's two chroma samples, its taps read once for both
     * (one past the row is the last sample again, weighed 0 there) */
    const int32_t *c0 = cv->k0, *kd = cv->kd, den = cv->den_h;
    bu[cw] = bu[cw - 1];
    bv[cw] = bv[cw - 1];
    for (int k = 0; k < n; k++) {
      int32_t i = c0[k], t = kd[k];
      ui[k] = (int16_t) (den * bu[i] + t * (bu[i + 1] - bu[i]) - ocd);
      vi[k] = (int16_t) (den * bv[i] + t * (bv[i + 1] - bv[i]) - ocd);
    }
  }
}

/* any layout and depth, at the set columns, in int32 */
static void
yuv_row (const AsConvert *cv, int32_t *yi, int32_t *ui, int32_t *vi,
    int32_t *cbrow, int32_t *crrow, const uint8_t *const *src,
    const ptrdiff_t *stride, int y)
{
  const AsConvertDesc *d = &cv->d;
  const AsConvComp *cy = &d->comp[0], *cu = &d->comp[1], *cvv = &d->comp[2];
  int32_t j0, j1, v0, v1;
  const uint8_t *u0, *u1, *w0, *w1;
  const int32_t *cc = cv->ccols;

  gather (yi, cy, row_of (cy, src, stride, y), cv->cols, cv->n, cv->oy);
  /* the two chroma rows around y, blended at the chroma columns the luma
   * columns reach, then each luma column's two chroma columns */
  axis_taps (y, cu->r_v, d->o2_v, cv->ch, d->nearest, &j0, &j1, &v0, &v1);
  u0 = row_of (cu, src, stride, j0);
  u1 = row_of (cu, src, stride, j1);
  w0 = row_of (cvv, src, stride, j0);
  w1 = row_of (cvv, src, stride, j1);
  if (cu->bps == 1 && cvv->bps == 1) {
    const uint8_t *pu0 = u0 + cu->offset, *pu1 = u1 + cu->offset;
    const uint8_t *pv0 = w0 + cvv->offset, *pv1 = w1 + cvv->offset;
    size_t su = cu->pstride, sv = cvv->pstride;
    for (int k = 0, nc = cv->n_c; k < nc; k++) {
      size_t i = cc[k];
      cbrow[i] = v0 * pu0[i * su] + v1 * pu1[i * su];
      crrow[i] = v0 * pv0[i * sv] + v1 * pv1[i * sv];
    }
  } else {
    for (int k = 0, nc = cv->n_c; k < nc; k++) {
      int i = cc[k];
      cbrow[i] = v0 * rd (cu, u0, i) + v1 * rd (cu, u1, i);
      crrow[i] = v0 * rd (cvv, w0, i) + v1 * rd (cvv, w1, i);
    }
  }
  chroma_h (cv, ui, cbrow);
  chroma_h (cv, vi, crrow);
}

void
as_convert_row (const AsConvert *cv, uint8_t *dst, const uint8_t *const *src,
    const ptrdiff_t *stride, int y, void *tmp)
{
  const AsConvertDesc *d = &cv->d;
  const AsConvComp *cy = &d->comp[0], *ca = &d->comp[3];
  size_t w = d->width, cw = cv->cw, no = d->n_out;
  const int32_t *cols = cv->cols;
  int n = cv->n;
  /* scratch: the codes of yuv_row8 or yuv_row, a merged line of 4-byte
   * pixels, then the byte lines (R, G, B, flags, alpha or 255);
   * ORC wants each line aligned to its samples */
  void *codes = tmp;
  uint8_t *merged = (uint8_t *) ((int32_t *) tmp + 3 * w + 2 * cw);
  uint8_t *ch = merged + 4 * w;
  uint8_t *line[3] = { ch, ch + w, ch + 2 * w }, *near = ch + 3 * w,
          *alpha = ch + 4 * w;

  if (n < 1)
    return;
  if (cv->need_chroma) {
    int32_t *c32 = codes;
    int16_t *c16 = codes;

    if (cv->row8)
      yuv_row8 (cv, c16, c16 + w, c16 + 2 * w, c16 + 3 * w,
          c16 + 3 * w + cw + 1, src, stride, y);
    else
      yuv_row (cv, c32, c32 + w, c32 + 2 * w, c32 + 3 * w, c32 + 3 * w + cw,
          src, stride, y);
    if (cv->row8)
      rgb_line (
          cv, line[0], line[1], line[2], near, c16, c16 + w, c16 + 2 * w, 1, n);
    else
      rgb_line (
          cv, line[0], line[1], line[2], near, c32, c32 + w, c32 + 2 * w, 0, n);
  }
  /* luma (GRAY8) and alpha through their tables of every stored code */
  if (cv->pos_y >= 0) {
    const uint8_t *py = row_of (cy, src, stride, y);
    for (int k = 0; k < n; k++)
      dst[no * cols[k] + cv->pos_y] = cv->ylut[rd (cy, py, cols[k])];
    return;
  }
  if (cv->need_alpha) {
    const uint8_t *pa = row_of (ca, src, stride, y);
    for (int k = 0; k < n; k++)
      alpha[k] = cv->alut[rd (ca, pa, cols[k])];
  } else {
    memset (alpha, 255, n);
  }

  if (no == 4) {
    /* the four lines in the working pixel's byte order, merged */
    const uint8_t *by[4];
    by[cv->pos_r] = line[0];
    by[cv->pos_g] = line[1];
    by[cv->pos_b] = line[2];
    by[cv->pos_a >= 0 ? cv->pos_a : cv->pad[0]] = alpha;
    if (cv->contiguous) {
      cv->dsp.merge4 (dst, by[0], by[1], by[2], by[3], n);
    } else {
      cv->dsp.merge4 (merged, by[0], by[1], by[2], by[3], n);
      for (int k = 0; k < n; k++)
        memcpy (dst + 4 * (size_t) cols[k], merged + 4 * (size_t) k, 4);
    }
    return;
  }
  for (int k = 0; k < n; k++) {
    uint8_t *o = dst + no * cols[k];
    o[cv->pos_r] = line[0][k];
    o[cv->pos_g] = line[1][k];
    o[cv->pos_b] = line[2][k];
    if (cv->pos_a >= 0)
      o[cv->pos_a] = alpha[k];
    for (int p = 0; p < cv->n_pad; p++)
      o[cv->pad[p]] = 255;
  }
}
