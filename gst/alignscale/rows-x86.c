/* alignscale: the library models' and the lerp model's rows in x86 SIMD
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * OpenCV INTER_LINEAR 8U and Pillow 8-bit, both passes, and the 8-bit
 * lerp model's rows (the default bilinear: both passes, the one-pass rows,
 * the 2x2 boxes), with the integer arithmetic of their references in
 * rows-c.c, so the bytes are the same (tests/check/libs/dsp.c). x86-64
 * with GCC, picked at run time (as_dsp_init_simd) over the ORC rows, which
 * gather every tap into a line first: here each 16-byte window of the
 * source is loaded once and pshufb puts its bytes where pmaddwd (pmulhuw
 * for the lerp) wants them, by tables the model builds in prepare
 * (AsDsp.h_prep). AVX2 rows, and their SSSE3 twins (horizontal; the
 * library models' vertical ones are SSE2, the lerp model's stay ORC's)
 * with the same tables: each 256-bit step is two 128-bit halves there.
 *
 * Pillow's products p k (k an int32 of 22 fractional bits) are split:
 * k = hi 2^16 + lo with lo the low 16 bits read as signed, so p k =
 * p lo + (p hi) 2^16, and two pmaddwd (pairs of taps) give the sums of
 * both halves. The int32 sum is the reference's modulo 2^32, which is the
 * reference's own sum: it never leaves int32.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dsp.h"
#include "rows-arith.h"

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)

#include <immintrin.h>

#define AVX2 __attribute__ ((target ("avx2")))
#define SSSE3 __attribute__ ((target ("ssse3")))
/* inlined with constant channels: one body per layout */
#define AVX2_INLINE AVX2 __attribute__ ((always_inline))
#define SSSE3_INLINE SSSE3 __attribute__ ((always_inline))
#define ALWAYS_INLINE __attribute__ ((always_inline))
#define Z 0x80 /* a pshufb index that gives 0 */

/* pairs of source bytes (a, b) to zero-extended 16-bit (a, b) */
#define PAIR(a, b) (a), Z, (b), Z

/* ------------------------------------------------ Pillow horizontal */

/* One output pixel accumulates S steps of T taps: each step loads the
 * 16-byte window from tap s T (the same bytes in both 128-bit lanes),
 * and the control picks 8 pairs of taps (slots) for pmaddwd:
 *   1 channel:  slot q: taps 2q, 2q + 1 (lane 1: taps 8 ..)
 *   2 channels: lane 0 taps 0-3: c0 (0,1), c0 (2,3), c1 (0,1), c1 (2,3);
 *               lane 1 the same for taps 4-7
 *   3, 4:       taps 0-3: c0 (0,1), c0 (2,3), c1 (0,1), c1 (2,3) | c2 ..,
 *               c3 .. (3 channels: c3's slots read 0)
 * Channel c sums slots 2c, 2c + 1 (3, 4 channels), slots 2c, 2c + 1 of
 * both lanes (2), or all eight (1). */
static const uint8_t pil_ctrl[4][32] = {
  { PAIR (0, 1), PAIR (2, 3), PAIR (4, 5), PAIR (6, 7), PAIR (8, 9),
      PAIR (10, 11), PAIR (12, 13), PAIR (14, 15) },
  { PAIR (0, 2), PAIR (4, 6), PAIR (1, 3), PAIR (5, 7), PAIR (8, 10),
      PAIR (12, 14), PAIR (9, 11), PAIR (13, 15) },
  { PAIR (0, 3), PAIR (6, 9), PAIR (1, 4), PAIR (7, 10), PAIR (2, 5),
      PAIR (8, 11), Z, Z, Z, Z, Z, Z, Z, Z },
  { PAIR (0, 4), PAIR (8, 12), PAIR (1, 5), PAIR (9, 13), PAIR (2, 6),
      PAIR (10, 14), PAIR (3, 7), PAIR (11, 15) },
};

/* the rounding 2^21, once per channel: in the first slot of each */
static const int32_t pil_init[4][8] = {
  { 1 << 21, 0, 0, 0, 0, 0, 0, 0 },
  { 1 << 21, 0, 1 << 21, 0, 0, 0, 0, 0 },
  { 1 << 21, 0, 1 << 21, 0, 1 << 21, 0, 1 << 21, 0 },
  { 1 << 21, 0, 1 << 21, 0, 1 << 21, 0, 1 << 21, 0 },
};

/* the bytes of four pixels' channel sums (the packed halves [p0 c0, p0 c1,
 * p1 c0, ..., p3 c1 | p0 c2, p0 c3, ..., p3 c3]) in pixel order: 3, 4
 * channels */
static const uint8_t pil_order[2][16] = {
  { 0, 1, 8, 2, 3, 10, 4, 5, 12, 6, 7, 14, Z, Z, Z, Z },
  { 0, 1, 8, 9, 2, 3, 10, 11, 4, 5, 12, 13, 6, 7, 14, 15 },
};

/* taps per step */
static inline int
pil_taps (int ch)
{
  return ch == 1 ? 16 : ch == 2 ? 8 : 4;
}

/* bytes of a step's weights: the lo halves then the hi halves of the 16
 * slots' 16-bit words (1, 2 channels), or of the 4 taps (3, 4 channels:
 * broadcast to every slot pair) */
static inline size_t
pil_step_bytes (int ch)
{
  return ch <= 2 ? 64 : 16;
}

static inline void
pil_split (int32_t k, int16_t *lo, int16_t *hi)
{
  *lo = (int16_t) (uint16_t) ((uint32_t) k & 0xffff);
  *hi = (int16_t) ((k - *lo) / 65536);
}

/* the weights of the steps of outputs in fours: step s of output 4 g + u
 * at ((g steps + s) 4 + u) step bytes (taps past n_taps, and outputs past
 * out_len, weigh 0) */
static size_t
pil_h_prep (void *aux, const AsPass *p)
{
  int ch = p->channels, n = p->n_taps, t = pil_taps (ch);
  int steps = (n + t - 1) / t;
  size_t sb = pil_step_bytes (ch), bytes;
  const int32_t *w = p->w;

  if (ch > 4)
    return 0;
  bytes = (size_t) (p->out_len + 3) / 4 * 4 * steps * sb;
  if (!aux)
    return bytes;
  memset (aux, 0, bytes);
  for (int i = 0; i < p->out_len; i++) {
    for (int s = 0; s < steps; s++) {
      int16_t *o = (int16_t *) aux
          + (((size_t) (i / 4) * steps + s) * 4 + i % 4) * (sb / 2);
      for (int q = 0; q < t; q++) {
        int k = s * t + q, at;
        int16_t lo, hi;
        if (k >= n)
          break;
        pil_split (w[(size_t) i * n + k], &lo, &hi);
        if (ch == 1) {
          o[q] = lo;
          o[16 + q] = hi;
        } else if (ch == 2) {
          /* lane q / 4, words q % 4 and q % 4 + 4 */
          at = (q / 4) * 8 + q % 4;
          o[at] = o[at + 4] = lo;
          o[16 + at] = o[16 + at + 4] = hi;
        } else {
          o[q] = lo;
          o[4 + q] = hi;
        }
      }
    }
  }
  return bytes;
}

/* the reference's loop, for planes of more than 4 channels */
static void
pil_h_scalar (uint8_t *o, const uint8_t *l, const AsPass *p)
{
  for (int i = 0; i < p->out_len; i++)
    pil_h_pixel (o, l, p, i);
}

/* where a line's windows are read */
typedef struct
{
  const uint8_t *l;
  size_t len;   /* bytes of the line */
  size_t reach; /* the last step's load ends this far past a window */
  /* windows from past safe would load past the line: they read a copy of
   * its tail with zeros after (the taps there weigh 0), made at the first
   * of them */
  ptrdiff_t safe;
  size_t tail_from;
  uint8_t *tail, *room;
} PilLine;

static inline void
pil_line (PilLine *pl, const uint8_t *l, const AsPass *p, AsLineScratch *sc)
{
  int ch = p->channels, t = pil_taps (ch);
  size_t stride = (size_t) t * ch, steps = (p->n_taps + t - 1) / t;

  pl->l = l;
  pl->len = (size_t) p->in_len * ch;
  pl->reach = (steps - 1) * stride + 16;
  pl->safe = (ptrdiff_t) pl->len - (ptrdiff_t) pl->reach;
  pl->tail_from = pl->len > pl->reach + stride ? pl->len - pl->reach - stride
                                               : 0;
  pl->tail = NULL;
  pl->room = sc->gather;
}

/* the windows of the four outputs from offset off (m of them; the others
 * take the first's) */
static inline ALWAYS_INLINE void
pil_windows (const uint8_t **sp, PilLine *pl, const int32_t *off, int m, int ch)
{
#pragma GCC unroll 4
  for (int u = 0; u < 4; u++) {
    ptrdiff_t at = (ptrdiff_t) off[m == 4 || u < m ? u : 0] * ch;
    sp[u] = pl->l + at;
    if (at > pl->safe) {
      if (!pl->tail) {
        pl->tail = pl->room;
        memcpy (pl->tail, pl->l + pl->tail_from, pl->len - pl->tail_from);
        memset (pl->tail + (pl->len - pl->tail_from), 0, 16);
      }
      sp[u] = pl->tail + (at - pl->tail_from);
    }
  }
}

/* count pixels of the four in r (pil_order's bytes) */
static inline ALWAYS_INLINE void
pil_store (uint8_t *o, __m128i r, int ch, int count)
{
  uint8_t b[16];
  uint32_t last;

  if (count == 4 && ch == 4) {
    _mm_storeu_si128 ((__m128i *) o, r);
  } else if (count == 4 && ch == 3) {
    last = (uint32_t) _mm_cvtsi128_si32 (_mm_srli_si128 (r, 8));
    _mm_storel_epi64 ((__m128i *) o, r);
    memcpy (o + 8, &last, 4);
  } else if (count == 4 && ch == 2) {
    _mm_storel_epi64 ((__m128i *) o, r);
  } else if (count == 4) {
    last = (uint32_t) _mm_cvtsi128_si32 (r);
    memcpy (o, &last, 4);
  } else {
    _mm_storeu_si128 ((__m128i *) b, r);
    memcpy (o, b, (size_t) count * ch);
  }
}

/* -------------------------------------------------- Pillow vertical */

/* the (lo, lo) and (hi, hi) halves of row pairs' weights as int16 pairs
 * (an odd last row pairs with weight 0) */
static inline void
pil_v_weights (int32_t *wl, int32_t *wh, const int32_t *w, int n)
{
  for (int q = 0; q < (n + 1) / 2; q++) {
    int16_t l0, h0, l1 = 0, h1 = 0;
    pil_split (w[2 * q], &l0, &h0);
    if (2 * q + 1 < n)
      pil_split (w[2 * q + 1], &l1, &h1);
    wl[q] = (int32_t) ((uint32_t) (uint16_t) l0 | (uint32_t) l1 << 16);
    wh[q] = (int32_t) ((uint32_t) (uint16_t) h0 | (uint32_t) h1 << 16);
  }
}

static inline void
pil_v_scalar (uint8_t *o, const uint8_t *const *rows, const int32_t *w, int n,
    int x, int width)
{
  for (; x < width; x++)
    o[x] = pil_v_sample (rows, w, n, x);
}

/* up to 64 row pairs on the stack; more (absurd windows) in the scratch
 * (model-opencv.c, model-pillow.c size it) */
#define PIL_V_STACK 64

/* ------------------------------------------------ OpenCV horizontal */

/* Eight output samples a group: each 128-bit lane loads the 16 source
 * bytes that hold its four samples' pixel pairs (x0, x1) and picks them
 * with its own control; pmaddwd by the samples' (a0, a1). A group whose
 * pairs do not fit two windows (downscales beyond about 4:1) is left to
 * the scalar loop: its bases are -1. Table: the bases of every group,
 * then 64 bytes a group (the two lanes' controls, then their weights). */
static inline size_t
ocv_groups (const AsPass *p)
{
  return (size_t) p->out_len * p->channels / 8;
}

static inline size_t
ocv_table_at (size_t groups)
{
  return (groups * 2 * sizeof (int32_t) + 31) & ~(size_t) 31;
}

static size_t
ocv_h_prep (void *aux, const AsPass *p)
{
  size_t g_n = ocv_groups (p), bytes = ocv_table_at (g_n) + 64 * g_n;
  int ch = p->channels, len = p->in_len * ch;
  const int16_t *w = p->w;
  int32_t *base = aux;
  uint8_t *tab = aux ? (uint8_t *) aux + ocv_table_at (g_n) : NULL;

  if (!aux)
    return bytes;
  memset (aux, 0, bytes);
  for (size_t g = 0; g < g_n; g++) {
    int fits = len >= 16;
    int32_t b[2];
    uint8_t *ctrl = tab + 64 * g;
    int16_t *wg = (int16_t *) (ctrl + 32);
    for (int lane = 0; lane < 2; lane++) {
      int lo = len, hi = -1;
      for (int q = 0; q < 4; q++) {
        int smp = (int) (8 * g) + 4 * lane + q, i = smp / ch, c = smp % ch;
        int x0 = p->offset[i], x1 = x0 + 1 < p->in_len ? x0 + 1 : x0;
        lo = x0 * ch + c < lo ? x0 * ch + c : lo;
        hi = x1 * ch + c > hi ? x1 * ch + c : hi;
      }
      fits &= hi - lo < 16;
      b[lane] = lo < len - 16 ? lo : len - 16;
    }
    if (!fits) {
      base[2 * g] = base[2 * g + 1] = -1;
      continue;
    }
    base[2 * g] = b[0];
    base[2 * g + 1] = b[1];
    for (int t = 0; t < 8; t++) {
      int smp = (int) (8 * g) + t, i = smp / ch, c = smp % ch;
      int x0 = p->offset[i], x1 = x0 + 1 < p->in_len ? x0 + 1 : x0;
      int lb = b[t / 4];
      uint8_t *cb = ctrl + 4 * t;
      cb[0] = (uint8_t) (x0 * ch + c - lb);
      cb[1] = Z;
      cb[2] = (uint8_t) (x1 * ch + c - lb);
      cb[3] = Z;
      wg[2 * t] = w[2 * i];
      wg[2 * t + 1] = w[2 * i + 1];
    }
  }
  return bytes;
}

static inline void
ocv_h_scalar (int32_t *o, const uint8_t *l, const AsPass *p, int from, int to)
{
  const int16_t *w = p->w;
  int ch = p->channels;

  for (int smp = from; smp < to; smp++) {
    int i = smp / ch, c = smp % ch;
    int x0 = p->offset[i], x1 = x0 + 1 < p->in_len ? x0 + 1 : x0;
    o[smp] = l[x0 * ch + c] * w[2 * i] + l[x1 * ch + c] * w[2 * i + 1];
  }
}

/* -------------------------------------------------- OpenCV vertical */

/* (T >> 4) fits int16 (T <= 255 2049), so the reference's 32-bit shifts
 * and products are psrad, packssdw (exact) and pmulhw; paddsw is sat_s16;
 * its + 2 saturates where the reference's does not, but both then clip to
 * 255 */
static inline void
ocv_v_scalar (uint8_t *o, const int32_t *t0, const int32_t *t1, int32_t b0,
    int32_t b1, int x, int width)
{
  for (; x < width; x++)
    o[x] = ocv8_linear_v (t0[x], t1[x], b0, b1);
}

/* OpenCV's 2x2 area path (rows-c.c): sample x of the output from pixels
 * 2 i, 2 i + 1 of rows r0, r1 (i = x / ch) */
static inline void
area2_scalar (
    uint8_t *o, const uint8_t *r0, const uint8_t *r1, int ch, int x, int width)
{
  for (; x < width; x++)
    o[x] = ocv8_area2_sample (r0, r1, ch, x);
}

/* Each sample's two pixels' bytes made adjacent for pmaddubsw by ones
 * (a + b <= 510: no saturation): 1 channel as they are; 2, 4: within
 * each pixel pair; 3: a pair of pixel pairs (12 bytes) a lane, the rest
 * 0. The rounding: (s + 2) >> 2 for 1, 3, 4 channels; 2 channels round
 * half to even (lrintf (s 0.25f)): (s + 1 + ((s >> 2) & 1)) >> 2. */
static const uint8_t area2_ctrl[4][16] = {
  { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 },
  { 0, 2, 1, 3, 4, 6, 5, 7, 8, 10, 9, 11, 12, 14, 13, 15 },
  { 0, 3, 1, 4, 2, 5, 6, 9, 7, 10, 8, 11, Z, Z, Z, Z },
  { 0, 4, 1, 5, 2, 6, 3, 7, 8, 12, 9, 13, 10, 14, 11, 15 },
};

/* ------------------------------------------------ lerp model, 8-bit */

/* The lerp model's rows (model.h): lerp (B, O, w) = B - mulhu (B, w) +
 * mulhu (O, w) on uint16, which is pmulhuw, psubw, paddw: the reference's
 * arithmetic modulo 2^16, where its result lies. The first pass (and the
 * one-pass rows) make B = b << 8 | 128 from bytes, the second pass (and the
 * one-pass rows) keep the high byte. */
typedef enum
{
  LERP_IN,  /* u8 -> u16 */
  LERP_OUT, /* u16 -> u8 */
  LERP_ONE, /* u8 -> u8 */
} LerpRow;

/* the reference's vertical rows on samples [x, width) */
static inline ALWAYS_INLINE void
lerp_v_scalar (void *dst, const void *b, const void *o, uint32_t w, int x,
    int width, LerpRow row)
{
  for (; x < width; x++) {
    if (row == LERP_OUT) {
      ((uint8_t *) dst)[x] = (uint8_t) (lerp16 (((const uint16_t *) b)[x],
                                            ((const uint16_t *) o)[x], w)
          >> 8);
    } else {
      uint16_t v = lerp16 (((const uint8_t *) b)[x] << 8 | 128,
          ((const uint8_t *) o)[x] << 8 | 128, w);
      if (row == LERP_IN)
        ((uint16_t *) dst)[x] = v;
      else
        ((uint8_t *) dst)[x] = (uint8_t) (v >> 8);
    }
  }
}

/* the reference's horizontal rows on samples [from, to) of the line */
static inline ALWAYS_INLINE void
lerp_h_scalar (void *dst, const void *src, const AsPass *p, size_t from,
    size_t to, int row)
{
  const uint16_t *w = p->w;
  int ch = p->channels;

  for (size_t s = from; s < to; s++) {
    size_t i = s / (size_t) ch, c = s % (size_t) ch;
    size_t at = (size_t) p->offset[i] * ch + c, ao = w[i] ? at + ch : at;
    if (row == LERP_OUT) {
      const uint16_t *l = src;
      ((uint8_t *) dst)[s] = (uint8_t) (lerp16 (l[at], l[ao], w[i]) >> 8);
    } else {
      const uint8_t *l = src;
      uint16_t v = lerp16 (l[at] << 8 | 128, l[ao] << 8 | 128, w[i]);
      if (row == LERP_IN)
        ((uint16_t *) dst)[s] = v;
      else
        ((uint8_t *) dst)[s] = (uint8_t) (v >> 8);
    }
  }
}

/* The horizontal rows compute lanes of k output samples, each from the
 * 16-byte window of the source line at its base, with byte shuffles from
 * a table (lerp_h_prep) that put each sample's words B and O where the
 * arithmetic wants them:
 *  - split (k = 8): B words in one vector, O words in another (controls c0,
 *    c1), the weights the pass's wr (the weight of each sample);
 *  - joined (k = 1 .. 4): B words 0 .. k-1 and O words 4 .. 4 + k - 1 in
 *    one vector (c0), weights the same way (c1): the O products come down
 *    by psrldq. A lane stores 4 samples: the next lane (or the scalar loop)
 *    writes over the 4 - k past its own. Lanes of 4 go in pairs instead,
 *    B and O of both in two vectors (punpck*qdq) with wr's weights.
 * The O control of a sample of weight 0 points at its B (its O may be past
 * the line, and weighs nothing). k is per pass, the one the lanes that fit
 * make the cheapest; the samples after the last lane take the scalar loop,
 * and so do the lanes whose bytes span more than 16 ("bad" lanes, listed):
 * the AVX2 rows run them as the others (base 0) and write them again after
 * (no test per lane). The table holds both source sizes: bytes for the
 * first pass and the one-pass row, uint16 for the second pass. */
#define LERP_SPLIT 8

typedef struct
{
  int32_t k;         /* samples a lane: LERP_SPLIT, 1 .. 4, 0 (no lanes) */
  int32_t lanes;     /* lanes over samples [0, lanes k) */
  int32_t n_bad;     /* lanes that do not fit */
  size_t base_at;    /* byte offset of int32 base[lanes] in the table */
  size_t bad_at;     /* of int32 bad[n_bad], ascending */
  size_t records_at; /* of the lanes' controls (lerp_rec_at) */
} LerpSide;

typedef struct
{
  LerpSide side[2]; /* bytes (first pass, one pass), uint16 (second) */
} LerpHead;

/* where lane q's c0 is among the records (its c1: lerp_c1 bytes on):
 * split lanes go in pairs, 64 bytes: c0 of lanes q, q + 1, then their c1;
 * joined ones in quads, 128 bytes: c0 of lanes q, q + 2, q + 1, q + 3,
 * then their c1 (the vectors the AVX2 rows load) */
static inline size_t
lerp_rec_at (int32_t q, int k)
{
  static const uint8_t quad[4] = { 0, 2, 1, 3 };

  if (k == LERP_SPLIT)
    return (size_t) (q / 2) * 64 + 16 * (q % 2);
  return (size_t) (q / 4) * 128 + 16 * quad[q % 4];
}

static inline size_t
lerp_c1 (int k)
{
  return k == LERP_SPLIT ? 32 : 64;
}

/* lanes of k samples in a line of n (joined lanes store four) */
static inline int32_t
lerp_lanes (size_t n, int k)
{
  if (k == LERP_SPLIT)
    return (int32_t) (n / LERP_SPLIT);
  return n < 4 ? 0 : (int32_t) ((n - 4) / k + 1);
}

/* lane q of k samples, source samples of ss bytes: its base, or -1 when
 * its bytes do not fit one window; with c0, c1 its controls (and joined
 * weights) when not NULL */
static int32_t
lerp_lane (const AsPass *p, int ss, int k, size_t q, uint8_t *c0, uint8_t *c1)
{
  const uint16_t *w = p->w;
  size_t ch = (size_t) p->channels, len = (size_t) p->in_len * ch * ss;
  size_t lo = SIZE_MAX, hi = 0, base;
  int n = k == LERP_SPLIT ? 8 : k;

  if (len < 16)
    return -1;
  for (int t = 0; t < n; t++) {
    size_t s = q * k + t, i = s / ch;
    size_t at = ((size_t) p->offset[i] * ch + s % ch) * ss;
    size_t ao = w[i] ? at + ch * ss : at;
    lo = at < lo ? at : lo;
    hi = ao + ss - 1 > hi ? ao + ss - 1 : hi;
  }
  if (hi - lo >= 16)
    return -1;
  base = lo < len - 16 ? lo : len - 16;
  if (!c0)
    return (int32_t) base;
  memset (c0, Z, 16);
  memset (c1, k == LERP_SPLIT ? Z : 0, 16);
  for (int t = 0; t < n; t++) {
    size_t s = q * k + t, i = s / ch;
    size_t at = ((size_t) p->offset[i] * ch + s % ch) * ss;
    size_t ao = w[i] ? at + ch * ss : at;
    uint8_t *cb = c0 + 2 * t,
            *co = k == LERP_SPLIT ? c1 + 2 * t : c0 + 8 + 2 * t;
    /* bytes: the sample in the high byte (| 128 after); uint16: both */
    cb[1] = (uint8_t) (at + ss - 1 - base);
    co[1] = (uint8_t) (ao + ss - 1 - base);
    if (ss == 2) {
      cb[0] = (uint8_t) (at - base);
      co[0] = (uint8_t) (ao - base);
    }
    if (k != LERP_SPLIT) {
      memcpy (c1 + 2 * t, &w[i], 2);
      memcpy (c1 + 8 + 2 * t, &w[i], 2);
    }
  }
  return (int32_t) base;
}

/* the k of the cheapest line: about 10 operations a split lane, 7 a joined
 * one, 12 a sample in the scalar loop */
static int
lerp_pick_k (const AsPass *p, int ss)
{
  static const int ks[] = { LERP_SPLIT, 4, 3, 2, 1 };
  size_t n = (size_t) p->out_len * p->channels;
  double best = 12.0 * n;
  int best_k = 0;

  if ((size_t) p->in_len * p->channels * ss < 16) /* no window */
    return 0;
  for (size_t j = 0; j < sizeof (ks) / sizeof (ks[0]); j++) {
    int k = ks[j];
    int32_t lanes = lerp_lanes (n, k);
    double cost = 12.0 * (n - (size_t) lanes * k);
    if ((k == LERP_SPLIT || k == 4) && !p->wr) /* their weights: wr */
      continue;
    for (int32_t q = 0; q < lanes; q++)
      cost += lerp_lane (p, ss, k, q, NULL, NULL) >= 0
          ? (k == LERP_SPLIT ? 10.0 : 7.0)
          : 12.0 * k;
    if (cost < best) {
      best = cost;
      best_k = k;
    }
  }
  return best_k;
}

static size_t
lerp_h_prep (void *aux, const AsPass *p)
{
  LerpHead head;
  size_t n = (size_t) p->out_len * p->channels, bytes = sizeof (head);

  memset (&head, 0, sizeof (head));
  for (int side = 0; side < 2; side++) {
    LerpSide *sd = &head.side[side];
    sd->k = lerp_pick_k (p, side + 1);
    sd->lanes = sd->k ? lerp_lanes (n, sd->k) : 0;
    for (int32_t q = 0; q < sd->lanes; q++)
      sd->n_bad += lerp_lane (p, side + 1, sd->k, (size_t) q, NULL, NULL) < 0;
    sd->base_at = (bytes + 31) & ~(size_t) 31;
    sd->bad_at = sd->base_at + sizeof (int32_t) * sd->lanes;
    sd->records_at = (sd->bad_at + sizeof (int32_t) * sd->n_bad + 31)
        & ~(size_t) 31;
    bytes = sd->records_at
        + (sd->k == LERP_SPLIT ? (size_t) (sd->lanes + 1) / 2 * 64
                               : (size_t) (sd->lanes + 3) / 4 * 128);
  }
  if (!aux)
    return bytes;
  memset (aux, 0, bytes);
  memcpy (aux, &head, sizeof (head));
  for (int side = 0; side < 2; side++) {
    const LerpSide *sd = &head.side[side];
    int32_t *base = (int32_t *) ((uint8_t *) aux + sd->base_at);
    int32_t *bad = (int32_t *) ((uint8_t *) aux + sd->bad_at), nb = 0;
    uint8_t *rec = (uint8_t *) aux + sd->records_at;
    for (int32_t q = 0; q < sd->lanes; q++) {
      uint8_t *r = rec + lerp_rec_at (q, sd->k);
      base[q] = lerp_lane (
          p, side + 1, sd->k, (size_t) q, r, r + lerp_c1 (sd->k));
      if (base[q] < 0) {
        base[q] = 0;
        bad[nb++] = q;
      }
    }
  }
  return bytes;
}

/* Lane q of the line in 128 bits: its window, shuffles and lerp; d is the
 * lane's first output sample */
static inline SSSE3_INLINE void
lerp_lane128 (uint8_t *d, const uint8_t *l, int32_t base, const uint8_t *c0,
    const uint8_t *c1, const uint16_t *wr, int k, LerpRow row)
{
  const __m128i half = _mm_set1_epi16 (row == LERP_OUT ? 0 : 128);
  __m128i v = _mm_loadu_si128 ((const __m128i *) (l + base)), r;

  if (k == LERP_SPLIT) {
    __m128i b = _mm_or_si128 (
        _mm_shuffle_epi8 (v, _mm_loadu_si128 ((const __m128i *) c0)), half);
    __m128i o = _mm_or_si128 (
        _mm_shuffle_epi8 (v, _mm_loadu_si128 ((const __m128i *) c1)), half);
    __m128i w = _mm_loadu_si128 ((const __m128i *) wr);
    r = _mm_add_epi16 (
        _mm_sub_epi16 (b, _mm_mulhi_epu16 (b, w)), _mm_mulhi_epu16 (o, w));
    if (row == LERP_IN) {
      _mm_storeu_si128 ((__m128i *) d, r);
    } else {
      r = _mm_srli_epi16 (r, 8);
      _mm_storel_epi64 ((__m128i *) d, _mm_packus_epi16 (r, r));
    }
  } else {
    __m128i x = _mm_or_si128 (
        _mm_shuffle_epi8 (v, _mm_loadu_si128 ((const __m128i *) c0)), half);
    __m128i t = _mm_mulhi_epu16 (x, _mm_loadu_si128 ((const __m128i *) c1));
    r = _mm_add_epi16 (_mm_sub_epi16 (x, t), _mm_srli_si128 (t, 8));
    if (row == LERP_IN) {
      _mm_storel_epi64 ((__m128i *) d, r);
    } else {
      uint32_t b4;
      r = _mm_srli_epi16 (r, 8);
      b4 = (uint32_t) _mm_cvtsi128_si32 (_mm_packus_epi16 (r, r));
      memcpy (d, &b4, 4);
    }
  }
}

/* the bad lanes among [q0, q1), with the scalar loop */
static inline ALWAYS_INLINE void
lerp_fix_bad (void *dst, const void *src, const AsPass *p, const LerpSide *sd,
    int32_t q0, int32_t q1, LerpRow row)
{
  const int32_t *bad = (const int32_t *) ((const uint8_t *) p->aux
      + sd->bad_at);

  for (int32_t u = 0; u < sd->n_bad; u++)
    if (bad[u] >= q0 && bad[u] < q1)
      lerp_h_scalar (dst, src, p, (size_t) bad[u] * sd->k,
          (size_t) bad[u] * sd->k + sd->k, row);
}

/* lane q of k samples in 128 bits (base[q], records rec) */
static inline SSSE3_INLINE void
lerp_lane_at (void *dst, const void *src, const AsPass *p, const int32_t *base,
    const uint8_t *rec, int32_t q, int k, LerpRow row)
{
  size_t osz = row == LERP_IN ? 2 : 1, s = (size_t) q * k;
  const uint8_t *c0 = rec + lerp_rec_at (q, k);

  lerp_lane128 ((uint8_t *) dst + s * osz, src, base[q], c0, c0 + lerp_c1 (k),
      k == LERP_SPLIT ? (const uint16_t *) p->wr + s : NULL, k, row);
}

/* lerp (b, o, w) in 8 words */
static inline ALWAYS_INLINE __m128i
sse2_lerp (__m128i b, __m128i o, __m128i w)
{
  return _mm_add_epi16 (
      _mm_sub_epi16 (b, _mm_mulhi_epu16 (b, w)), _mm_mulhi_epu16 (o, w));
}

/* the vertical rows in SSE2, for the AVX2 rows' lines below 32 samples
 * (without AVX2 ORC's rows run: these were no faster): 16 samples a step,
 * the last ending at the line's end (some samples written twice, the same
 * bytes) */
static inline ALWAYS_INLINE void
sse2_lerp_v (void *dst, const void *const *src, const AsPass *p, int j,
    int width, LerpRow row)
{
  const uint8_t *b = src[0], *o = src[1];
  uint16_t w = ((const uint16_t *) p->w)[j];
  const __m128i vw = _mm_set1_epi16 ((short) w),
                half = _mm_set1_epi8 ((char) 128);

  if (width < 16) {
    lerp_v_scalar (dst, b, o, w, 0, width, row);
    return;
  }
  for (int x = 0;; x += 16) {
    __m128i r0, r1;
    if (x > width - 16)
      x = width - 16;
    if (row == LERP_OUT) {
      const uint16_t *b16 = (const uint16_t *) b + x,
                     *o16 = (const uint16_t *) o + x;
      r0 = sse2_lerp (_mm_loadu_si128 ((const __m128i *) b16),
          _mm_loadu_si128 ((const __m128i *) o16), vw);
      r1 = sse2_lerp (_mm_loadu_si128 ((const __m128i *) (b16 + 8)),
          _mm_loadu_si128 ((const __m128i *) (o16 + 8)), vw);
    } else {
      __m128i u = _mm_loadu_si128 ((const __m128i *) (b + x));
      __m128i v = _mm_loadu_si128 ((const __m128i *) (o + x));
      r0 = sse2_lerp (
          _mm_unpacklo_epi8 (half, u), _mm_unpacklo_epi8 (half, v), vw);
      r1 = sse2_lerp (
          _mm_unpackhi_epi8 (half, u), _mm_unpackhi_epi8 (half, v), vw);
    }
    if (row == LERP_IN) {
      _mm_storeu_si128 ((__m128i *) ((uint16_t *) dst + x), r0);
      _mm_storeu_si128 ((__m128i *) ((uint16_t *) dst + x + 8), r1);
    } else {
      _mm_storeu_si128 ((__m128i *) ((uint8_t *) dst + x),
          _mm_packus_epi16 (_mm_srli_epi16 (r0, 8), _mm_srli_epi16 (r1, 8)));
    }
    if (x == width - 16)
      break;
  }
}

/* the 2x2 box in 128 bits: 16 samples a step (area2_ctrl's pairs for 1 and
 * 2 channels), the last ending at the line's end */
static SSSE3 void
ssse3_v_box2 (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const uint8_t *r0 = src[0], *r1 = src[1];
  uint8_t *o = dst;
  const __m128i ones = _mm_set1_epi8 (1), two = _mm_set1_epi16 (2);
  const __m128i ctrl = _mm_loadu_si128 (
      (const __m128i *) area2_ctrl[p->channels == 2]);
  int ch = p->channels;

  (void) j;
  (void) s;
  if (width < 16) {
    for (int x = 0; x < width; x++) {
      int i = x / ch, c = x % ch;
      size_t a = (size_t) 2 * i * ch + c, b = a + ch;
      o[x] = (uint8_t) ((r0[a] + r0[b] + r1[a] + r1[b] + 2) >> 2);
    }
    return;
  }
  for (int x = 0;; x += 16) {
    __m128i v[2];
    if (x > width - 16)
      x = width - 16;
    for (int h = 0; h < 2; h++) {
      __m128i a = _mm_shuffle_epi8 (
          _mm_loadu_si128 ((const __m128i *) (r0 + 2 * x + 16 * h)), ctrl);
      __m128i b = _mm_shuffle_epi8 (
          _mm_loadu_si128 ((const __m128i *) (r1 + 2 * x + 16 * h)), ctrl);
      v[h] = _mm_srli_epi16 (
          _mm_add_epi16 (_mm_add_epi16 (_mm_maddubs_epi16 (a, ones),
                             _mm_maddubs_epi16 (b, ones)),
              two),
          2);
    }
    _mm_storeu_si128 ((__m128i *) (o + x), _mm_packus_epi16 (v[0], v[1]));
    if (x == width - 16)
      break;
  }
}

/* AS_V_BOX2W's reference arithmetic on samples [x, width) */
static inline void
box2w_scalar (uint8_t *o, const uint8_t *r0, const uint8_t *r1,
    const uint16_t *wr, int ch, int x, int width)
{
  for (; x < width; x++) {
    int i = x / ch, c = x % ch;
    size_t a = (size_t) 2 * i * ch + c, b = a + ch;
    uint32_t m = wr[x] >> 9;
    o[x] = (uint8_t) (((128 - m) * (r0[a] + r1[a]) + m * (r0[b] + r1[b]) + 128)
        >> 8);
  }
}

/* 16 samples of AS_V_BOX2W from 32 bytes of each row: the weight pair
 * (128 - m, m) of a sample as the bytes of 255 m + 128, pmaddubsw by it
 * (each product sum at most 128 255: no saturation), the rows added
 * (uint16), + 128, >> 8 */
static inline SSSE3_INLINE __m128i
ssse3_box2w_half (const uint8_t *r0, const uint8_t *r1, const uint16_t *wr,
    __m128i ctrl, int ch)
{
  const __m128i k255 = _mm_set1_epi16 (255), c128 = _mm_set1_epi16 (128);
  __m128i v[2];

  for (int h = 0; h < 2; h++) {
    __m128i a = _mm_loadu_si128 ((const __m128i *) (r0 + 16 * h));
    __m128i b = _mm_loadu_si128 ((const __m128i *) (r1 + 16 * h));
    __m128i k = _mm_add_epi16 (
        _mm_mullo_epi16 (
            _mm_srli_epi16 (
                _mm_loadu_si128 ((const __m128i *) (wr + 8 * h)), 9),
            k255),
        c128);
    if (ch == 2) {
      a = _mm_shuffle_epi8 (a, ctrl);
      b = _mm_shuffle_epi8 (b, ctrl);
    }
    v[h] = _mm_srli_epi16 (
        _mm_add_epi16 (
            _mm_add_epi16 (_mm_maddubs_epi16 (a, k), _mm_maddubs_epi16 (b, k)),
            c128),
        8);
  }
  return _mm_packus_epi16 (v[0], v[1]);
}

static inline SSSE3_INLINE void
ssse3_box2w (uint8_t *o, const uint8_t *r0, const uint8_t *r1,
    const uint16_t *wr, int width, int ch)
{
  const __m128i ctrl = _mm_loadu_si128 ((const __m128i *) area2_ctrl[1]);
  int x = 0;

  for (; x + 16 <= width; x += 16)
    _mm_storeu_si128 ((__m128i *) (o + x),
        ssse3_box2w_half (r0 + 2 * x, r1 + 2 * x, wr + x, ctrl, ch));
  if (x < width) {
    x = width - 16;
    _mm_storeu_si128 ((__m128i *) (o + x),
        ssse3_box2w_half (r0 + 2 * x, r1 + 2 * x, wr + x, ctrl, ch));
  }
}

/* 1 or 2 channels; the last step ends at the line's end (samples written
 * twice, the same bytes) */
static SSSE3 void
ssse3_v_box2w (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  (void) j;
  (void) s;
  if (width < 16 || p->channels > 2)
    box2w_scalar (dst, src[0], src[1], p->wr, p->channels, 0, width);
  else if (p->channels == 1)
    ssse3_box2w (dst, src[0], src[1], p->wr, width, 1);
  else
    ssse3_box2w (dst, src[0], src[1], p->wr, width, 2);
}

/* The body of a horizontal row (ISA avx2 or ssse3, steps of N samples in
 * a 2:1 run): the lanes of the line; in the second pass where it has a
 * 2:1 run (AsPass.step2_a) of 1, 2 or 4 channels, the lanes that end
 * before the run (a joined lane stores 4 samples), the run, the lanes from
 * the first that starts after it; the samples between, and after the
 * last lane, with the scalar loop. */
#define LERP_H_SEGMENTS(ISA, N)                                                \
  do {                                                                         \
    const LerpSide *sd = &((const LerpHead *) p->aux)->side[row == LERP_OUT];  \
    int ch = p->channels, k = sd->k, a = p->step2_a;                           \
    int b = p->step2_b + 1 < p->n_pair ? p->step2_b + 1 : p->n_pair;           \
    size_t n = (size_t) p->out_len * ch, sa, sb;                               \
    int32_t qa, qb;                                                            \
                                                                               \
    if (row != LERP_OUT || !(ch == 1 || ch == 2 || ch == 4) || b - a < N / ch  \
        || k == 0) {                                                           \
      ISA##_lerp_lanes_k (dst, src, p, sd, 0, sd->lanes, row);                 \
      lerp_h_scalar (dst, src, p, (size_t) sd->lanes *k, n, row);              \
      break;                                                                   \
    }                                                                          \
    sa = (size_t) a * ch;                                                      \
    sb = (size_t) b * ch;                                                      \
    qa = k == LERP_SPLIT ? (int32_t) (sa / 8)                                  \
                         : (sa < 4 ? 0 : (int32_t) ((sa - 4) / k + 1));        \
    qa = qa < sd->lanes ? qa : sd->lanes;                                      \
    qb = (int32_t) ((sb + k - 1) / k);                                         \
    qb = qb < sd->lanes ? qb : sd->lanes;                                      \
    ISA##_lerp_lanes_k (dst, src, p, sd, 0, qa, row);                          \
    lerp_h_scalar (dst, src, p, (size_t) qa *k, sa, row);                      \
    if (ch == 1)                                                               \
      ISA##_lerp_step2 (dst, src, p, a, b, 1);                                 \
    else if (ch == 2)                                                          \
      ISA##_lerp_step2 (dst, src, p, a, b, 2);                                 \
    else                                                                       \
      ISA##_lerp_step2 (dst, src, p, a, b, 4);                                 \
    lerp_h_scalar (                                                            \
        dst, src, p, sb, (size_t) qb *k > sb ? (size_t) qb * k : sb, row);     \
    ISA##_lerp_lanes_k (dst, src, p, sd, qb, sd->lanes, row);                  \
    lerp_h_scalar (dst, src, p,                                                \
        (size_t) sd->lanes *k > sb ? (size_t) sd->lanes * k : sb, n, row);     \
  } while (0)

/* =============================================================== AVX2 */

/* the 8 slot sums a[u] of four output pixels, from sp[u] (the window of
 * each one's first tap), interleaved for the parallel units; wt: the
 * weights of their steps. Each step adds lo + (hi << 16) at once: one
 * accumulator per pixel (two measured slower: GCC spills them). */
static inline AVX2_INLINE void
avx2_pil_four (__m256i *a, const uint8_t *const *sp, const int16_t *wt,
    int steps, int stride, int ch)
{
  const size_t sb = pil_step_bytes (ch) / 2;
  const uint8_t *s0 = sp[0], *s1 = sp[1], *s2 = sp[2], *s3 = sp[3];
  const __m256i ctrl = _mm256_loadu_si256 ((const __m256i *) pil_ctrl[ch - 1]);
  const __m256i init = _mm256_loadu_si256 ((const __m256i *) pil_init[ch - 1]);
  __m256i l0 = init, l1 = init, l2 = init, l3 = init;

  for (int s = 0, d = 0; s < steps; s++, d += stride, wt += 4 * sb) {
    /* one output pixel: window, control, weights, two products */
#define PIL_STEP(u)                                                            \
  do {                                                                         \
    const int16_t *wu = wt + u * sb;                                           \
    __m256i v = _mm256_shuffle_epi8 (                                          \
        _mm256_broadcastsi128_si256 (                                          \
            _mm_loadu_si128 ((const __m128i *) (s##u + d))),                   \
        ctrl);                                                                 \
    __m256i wl, wh;                                                            \
    if (ch >= 3) {                                                             \
      wl = _mm256_broadcastq_epi64 (_mm_loadl_epi64 ((const __m128i *) wu));   \
      wh = _mm256_broadcastq_epi64 (                                           \
          _mm_loadl_epi64 ((const __m128i *) (wu + 4)));                       \
    } else {                                                                   \
      wl = _mm256_loadu_si256 ((const __m256i *) wu);                          \
      wh = _mm256_loadu_si256 ((const __m256i *) (wu + 16));                   \
    }                                                                          \
    l##u = _mm256_add_epi32 (l##u,                                             \
        _mm256_add_epi32 (_mm256_madd_epi16 (v, wl),                           \
            _mm256_slli_epi32 (_mm256_madd_epi16 (v, wh), 16)));               \
  } while (0)
    PIL_STEP (0);
    PIL_STEP (1);
    PIL_STEP (2);
    PIL_STEP (3);
#undef PIL_STEP
  }
  a[0] = l0;
  a[1] = l1;
  a[2] = l2;
  a[3] = l3;
}

static inline AVX2_INLINE __m128i
avx2_lanes_sum (__m256i v)
{
  return _mm_add_epi32 (
      _mm256_castsi256_si128 (v), _mm256_extracti128_si256 (v, 1));
}

/* four output pixels' slot sums a[] to bytes: 4 ch (16 bytes), 3 (12),
 * 2 (8) or 1 (4) */
static inline AVX2_INLINE __m128i
avx2_pil_bytes (const __m256i *a, int ch)
{
  if (ch >= 3) {
    /* x: lane 0 [a0 c0, a0 c1, a1 c0, a1 c1], lane 1 c2, c3 */
    __m256i x = _mm256_srai_epi32 (_mm256_hadd_epi32 (a[0], a[1]), 22);
    __m256i y = _mm256_srai_epi32 (_mm256_hadd_epi32 (a[2], a[3]), 22);
    __m256i b = _mm256_packus_epi16 (
        _mm256_packs_epi32 (x, y), _mm256_setzero_si256 ());
    __m128i r = _mm256_castsi256_si128 (_mm256_permute4x64_epi64 (b, 0x08));
    return _mm_shuffle_epi8 (
        r, _mm_loadu_si128 ((const __m128i *) pil_order[ch - 3]));
  } else if (ch == 2) {
    __m128i x = _mm_srai_epi32 (
        avx2_lanes_sum (_mm256_hadd_epi32 (a[0], a[1])), 22);
    __m128i y = _mm_srai_epi32 (
        avx2_lanes_sum (_mm256_hadd_epi32 (a[2], a[3])), 22);
    return _mm_packus_epi16 (_mm_packs_epi32 (x, y), _mm_setzero_si128 ());
  } else {
    __m256i x = _mm256_hadd_epi32 (a[0], a[1]);
    __m256i y = _mm256_hadd_epi32 (a[2], a[3]);
    __m128i s = _mm_srai_epi32 (avx2_lanes_sum (_mm256_hadd_epi32 (x, y)), 22);
    return _mm_packus_epi16 (_mm_packs_epi32 (s, s), _mm_setzero_si128 ());
  }
}

static inline AVX2_INLINE void
avx2_pil_run (
    uint8_t *o, const uint8_t *l, const AsPass *p, AsLineScratch *sc, int ch)
{
  int n = p->n_taps, t = pil_taps (ch), steps = (n + t - 1) / t;
  size_t wgroup = 4 * (size_t) steps * (pil_step_bytes (ch) / 2);
  const int16_t *wt = p->aux;
  PilLine pl;

  pil_line (&pl, l, p, sc);
  for (int i = 0; i < p->out_len; i += 4, wt += wgroup) {
    int m = p->out_len - i < 4 ? p->out_len - i : 4;
    const uint8_t *sp[4];
    __m256i a[4];
    __m128i r;

    pil_windows (sp, &pl, p->offset + i, m, ch);
    avx2_pil_four (a, sp, wt, steps, t * ch, ch);
    r = avx2_pil_bytes (a, ch);
    pil_store (o + (size_t) i * ch, r, ch, m);
  }
}

static AVX2 void
avx2_h_pil8 (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  switch (p->channels) {
    case 1:
      avx2_pil_run (dst, src, p, s, 1);
      break;
    case 2:
      avx2_pil_run (dst, src, p, s, 2);
      break;
    case 3:
      avx2_pil_run (dst, src, p, s, 3);
      break;
    case 4:
      avx2_pil_run (dst, src, p, s, 4);
      break;
    default:
      pil_h_scalar (dst, src, p);
      break;
  }
}

/* rows in pairs: vpunpcklbw interleaves two rows' bytes, vpmovzxbw makes
 * the (row k, row k + 1) pairs of 16 samples, and the pair's weights
 * (split as above) are broadcast */
static AVX2 void
avx2_v_pil8 (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const int32_t *w = (const int32_t *) p->w + (size_t) j * p->n_taps;
  int n = p->n_taps, pairs = (n + 1) / 2, x = 0;
  const uint8_t *const *rows = (const uint8_t *const *) src;
  uint8_t *o = dst;
  int32_t wbuf[2 * PIL_V_STACK];
  int32_t *wl = pairs <= PIL_V_STACK ? wbuf : s->acc, *wh = wl + pairs;
  const __m256i r = _mm256_set1_epi32 (1 << 21);

  pil_v_weights (wl, wh, w, n);
  for (; x + 16 <= width; x += 16) {
    __m256i al = r, ah = _mm256_setzero_si256 (), bl = r,
            bh = _mm256_setzero_si256 ();
    for (int q = 0; q < pairs; q++) {
      const uint8_t *r0 = rows[2 * q],
                    *r1 = 2 * q + 1 < n ? rows[2 * q + 1] : r0;
      __m128i u = _mm_loadu_si128 ((const __m128i *) (r0 + x));
      __m128i v = _mm_loadu_si128 ((const __m128i *) (r1 + x));
      __m256i e = _mm256_cvtepu8_epi16 (_mm_unpacklo_epi8 (u, v));
      __m256i f = _mm256_cvtepu8_epi16 (_mm_unpackhi_epi8 (u, v));
      __m256i kl = _mm256_set1_epi32 (wl[q]), kh = _mm256_set1_epi32 (wh[q]);
      al = _mm256_add_epi32 (al, _mm256_madd_epi16 (e, kl));
      ah = _mm256_add_epi32 (ah, _mm256_madd_epi16 (e, kh));
      bl = _mm256_add_epi32 (bl, _mm256_madd_epi16 (f, kl));
      bh = _mm256_add_epi32 (bh, _mm256_madd_epi16 (f, kh));
    }
    al = _mm256_srai_epi32 (
        _mm256_add_epi32 (al, _mm256_slli_epi32 (ah, 16)), 22);
    bl = _mm256_srai_epi32 (
        _mm256_add_epi32 (bl, _mm256_slli_epi32 (bh, 16)), 22);
    /* lanes: [0-3, 8-11 | 4-7, 12-15] -> in order */
    al = _mm256_packus_epi16 (
        _mm256_packs_epi32 (al, bl), _mm256_setzero_si256 ());
    al = _mm256_permutevar8x32_epi32 (
        al, _mm256_setr_epi32 (0, 4, 1, 5, 0, 0, 0, 0));
    _mm_storeu_si128 ((__m128i *) (o + x), _mm256_castsi256_si128 (al));
  }
  pil_v_scalar (o, rows, w, n, x, width);
}

static AVX2 void
avx2_h_ocv8_in (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  size_t g_n = ocv_groups (p);
  const int32_t *base = p->aux;
  const uint8_t *tab = (const uint8_t *) p->aux + ocv_table_at (g_n);
  const uint8_t *l = src;
  int32_t *o = dst;

  (void) s;
  for (size_t g = 0; g < g_n; g++, tab += 64) {
    __m256i v;
    if (base[2 * g] < 0) {
      ocv_h_scalar (o, l, p, (int) (8 * g), (int) (8 * g + 8));
      continue;
    }
    v = _mm256_inserti128_si256 (_mm256_castsi128_si256 (_mm_loadu_si128 (
                                     (const __m128i *) (l + base[2 * g]))),
        _mm_loadu_si128 ((const __m128i *) (l + base[2 * g + 1])), 1);
    v = _mm256_shuffle_epi8 (v, _mm256_loadu_si256 ((const __m256i *) tab));
    v = _mm256_madd_epi16 (
        v, _mm256_loadu_si256 ((const __m256i *) (tab + 32)));
    _mm256_storeu_si256 ((__m256i *) (o + 8 * g), v);
  }
  ocv_h_scalar (o, l, p, (int) (8 * g_n), p->out_len * p->channels);
}

/* sixteen samples a step */
static AVX2 void
avx2_v_ocv8_out (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const int32_t *t0 = src[0], *t1 = src[1];
  const int16_t *w = p->w;
  int32_t b0 = w[2 * j], b1 = w[2 * j + 1];
  const __m256i k0 = _mm256_set1_epi16 ((int16_t) b0),
                k1 = _mm256_set1_epi16 ((int16_t) b1),
                two = _mm256_set1_epi16 (2),
                order = _mm256_setr_epi32 (0, 4, 1, 5, 0, 0, 0, 0);
  uint8_t *o = dst;
  int x = 0;

  (void) s;
  for (; x + 16 <= width; x += 16) {
    __m256i a = _mm256_packs_epi32 (
        _mm256_srai_epi32 (_mm256_loadu_si256 ((const __m256i *) (t0 + x)), 4),
        _mm256_srai_epi32 (
            _mm256_loadu_si256 ((const __m256i *) (t0 + x + 8)), 4));
    __m256i b = _mm256_packs_epi32 (
        _mm256_srai_epi32 (_mm256_loadu_si256 ((const __m256i *) (t1 + x)), 4),
        _mm256_srai_epi32 (
            _mm256_loadu_si256 ((const __m256i *) (t1 + x + 8)), 4));
    __m256i v = _mm256_adds_epi16 (
        _mm256_mulhi_epi16 (a, k0), _mm256_mulhi_epi16 (b, k1));
    v = _mm256_srai_epi16 (_mm256_adds_epi16 (v, two), 2);
    v = _mm256_packus_epi16 (v, v);
    /* lanes: [0-3, 8-11 | 4-7, 12-15] -> in order */
    v = _mm256_permutevar8x32_epi32 (v, order);
    _mm_storeu_si128 ((__m128i *) (o + x), _mm256_castsi256_si128 (v));
  }
  ocv_v_scalar (o, t0, t1, b0, b1, x, width);
}

/* sixteen samples a step (3 channels: twelve, from two 12-byte windows a
 * row) */
static AVX2 void
avx2_v_ocv8_area2 (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const uint8_t *r0 = src[0], *r1 = src[1];
  uint8_t *o = dst;
  int ch = p->channels, x = 0;
  const __m256i ones = _mm256_set1_epi8 (1), two = _mm256_set1_epi16 (2),
                one = _mm256_set1_epi16 (1);

  (void) j;
  (void) s;
  if (ch > 4)
    goto tail;
  {
    const __m256i ctrl = _mm256_broadcastsi128_si256 (
        _mm_loadu_si128 ((const __m128i *) area2_ctrl[ch - 1]));
    /* ch 3: the 12 samples' bytes (of [lane 0 words 0-5, 0, 0, lane 1
     * words 0-5, ..]) in order */
    const __m128i pick3 = _mm_setr_epi8 (
        0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, Z, Z, Z, Z);
    int step = ch == 3 ? 12 : 16, need = ch == 3 ? 14 : 16;
    for (; x + need <= width; x += step) {
      __m256i a, b, v;
      if (ch == 3) {
        a = _mm256_inserti128_si256 (_mm256_castsi128_si256 (_mm_loadu_si128 (
                                         (const __m128i *) (r0 + 2 * x))),
            _mm_loadu_si128 ((const __m128i *) (r0 + 2 * x + 12)), 1);
        b = _mm256_inserti128_si256 (_mm256_castsi128_si256 (_mm_loadu_si128 (
                                         (const __m128i *) (r1 + 2 * x))),
            _mm_loadu_si128 ((const __m128i *) (r1 + 2 * x + 12)), 1);
      } else {
        a = _mm256_loadu_si256 ((const __m256i *) (r0 + 2 * x));
        b = _mm256_loadu_si256 ((const __m256i *) (r1 + 2 * x));
      }
      if (ch != 1) {
        a = _mm256_shuffle_epi8 (a, ctrl);
        b = _mm256_shuffle_epi8 (b, ctrl);
      }
      v = _mm256_add_epi16 (
          _mm256_maddubs_epi16 (a, ones), _mm256_maddubs_epi16 (b, ones));
      if (ch == 2)
        v = _mm256_add_epi16 (_mm256_add_epi16 (v, one),
            _mm256_and_si256 (_mm256_srli_epi16 (v, 2), one));
      else
        v = _mm256_add_epi16 (v, two);
      v = _mm256_srli_epi16 (v, 2);
      v = _mm256_permute4x64_epi64 (_mm256_packus_epi16 (v, v), 0x08);
      if (ch == 3) {
        __m128i r = _mm_shuffle_epi8 (_mm256_castsi256_si128 (v), pick3);
        uint32_t last = (uint32_t) _mm_cvtsi128_si32 (_mm_srli_si128 (r, 8));
        _mm_storel_epi64 ((__m128i *) (o + x), r);
        memcpy (o + x + 8, &last, 4);
      } else {
        _mm_storeu_si128 ((__m128i *) (o + x), _mm256_castsi256_si128 (v));
      }
    }
  }
tail:
  area2_scalar (o, r0, r1, ch, x, width);
}

/* lerp (b, o, w) in 16 words */
static inline AVX2_INLINE __m256i
avx2_lerp (__m256i b, __m256i o, __m256i w)
{
  return _mm256_add_epi16 (_mm256_sub_epi16 (b, _mm256_mulhi_epu16 (b, w)),
      _mm256_mulhi_epu16 (o, w));
}

/* 32 samples of a vertical lerp at x */
static inline AVX2_INLINE void
avx2_lerp_v_step (
    void *dst, const void *b, const void *o, __m256i vw, int x, LerpRow row)
{
  const __m256i half = _mm256_set1_epi8 ((char) 128);

  if (row == LERP_OUT) {
    const uint16_t *b16 = (const uint16_t *) b + x,
                   *o16 = (const uint16_t *) o + x;
    __m256i r0 = avx2_lerp (_mm256_loadu_si256 ((const __m256i *) b16),
        _mm256_loadu_si256 ((const __m256i *) o16), vw);
    __m256i r1 = avx2_lerp (_mm256_loadu_si256 ((const __m256i *) (b16 + 16)),
        _mm256_loadu_si256 ((const __m256i *) (o16 + 16)), vw);
    __m256i r = _mm256_packus_epi16 (
        _mm256_srli_epi16 (r0, 8), _mm256_srli_epi16 (r1, 8));
    _mm256_storeu_si256 (
        (__m256i *) ((uint8_t *) dst + x), _mm256_permute4x64_epi64 (r, 0xd8));
  } else {
    /* quarters 0, 2, 1, 3: the in-lane unpacks then give samples in
     * order; (128, s) is s << 8 | 128 */
    __m256i u = _mm256_permute4x64_epi64 (
        _mm256_loadu_si256 ((const __m256i *) ((const uint8_t *) b + x)), 0xd8);
    __m256i v = _mm256_permute4x64_epi64 (
        _mm256_loadu_si256 ((const __m256i *) ((const uint8_t *) o + x)), 0xd8);
    __m256i r0 = avx2_lerp (
        _mm256_unpacklo_epi8 (half, u), _mm256_unpacklo_epi8 (half, v), vw);
    __m256i r1 = avx2_lerp (
        _mm256_unpackhi_epi8 (half, u), _mm256_unpackhi_epi8 (half, v), vw);
    if (row == LERP_IN) {
      _mm256_storeu_si256 ((__m256i *) ((uint16_t *) dst + x), r0);
      _mm256_storeu_si256 ((__m256i *) ((uint16_t *) dst + x + 16), r1);
    } else {
      __m256i r = _mm256_packus_epi16 (
          _mm256_srli_epi16 (r0, 8), _mm256_srli_epi16 (r1, 8));
      _mm256_storeu_si256 ((__m256i *) ((uint8_t *) dst + x),
          _mm256_permute4x64_epi64 (r, 0xd8));
    }
  }
}

/* 32 samples of a vertical lerp of bytes at weight 1/2 (2:1 rows): with
 * B = b << 8 | 128, B - (B w >> 16) = 128 b + 64, and the lerp is
 * (b + o + 1) << 7, pmaddubsw by 64s, + 64, << 1; the one-pass row's
 * >> 8 of it is pavgb */
static inline AVX2_INLINE void
avx2_lerp_v_half (void *dst, const void *b, const void *o, int x, LerpRow row)
{
  __m256i u = _mm256_loadu_si256 ((const __m256i *) ((const uint8_t *) b + x));
  __m256i v = _mm256_loadu_si256 ((const __m256i *) ((const uint8_t *) o + x));

  if (row == LERP_ONE) {
    _mm256_storeu_si256 (
        (__m256i *) ((uint8_t *) dst + x), _mm256_avg_epu8 (u, v));
  } else {
    const __m256i k64 = _mm256_set1_epi8 (64), c64 = _mm256_set1_epi16 (64);
    __m256i r0, r1;
    u = _mm256_permute4x64_epi64 (u, 0xd8);
    v = _mm256_permute4x64_epi64 (v, 0xd8);
    r0 = _mm256_maddubs_epi16 (_mm256_unpacklo_epi8 (u, v), k64);
    r1 = _mm256_maddubs_epi16 (_mm256_unpackhi_epi8 (u, v), k64);
    _mm256_storeu_si256 ((__m256i *) ((uint16_t *) dst + x),
        _mm256_slli_epi16 (_mm256_add_epi16 (r0, c64), 1));
    _mm256_storeu_si256 ((__m256i *) ((uint16_t *) dst + x + 16),
        _mm256_slli_epi16 (_mm256_add_epi16 (r1, c64), 1));
  }
}

/* 32 samples a step; the last step ends at the line's end (samples
 * written twice, the same bytes); lines below 32 samples: the SSE2 row */
static inline AVX2_INLINE void
avx2_lerp_v (void *dst, const void *const *src, const AsPass *p, int j,
    int width, LerpRow row)
{
  const __m256i vw = _mm256_set1_epi16 ((short) ((const uint16_t *) p->w)[j]);
  const void *b = src[0], *o = src[1]; /* (dst could alias src[]) */
  int x = 0;

  if (width < 32) {
    sse2_lerp_v (dst, src, p, j, width, row);
    return;
  }
  if (row != LERP_OUT && ((const uint16_t *) p->w)[j] == 32768) {
    for (; x + 32 <= width; x += 32)
      avx2_lerp_v_half (dst, b, o, x, row);
    if (x < width)
      avx2_lerp_v_half (dst, b, o, width - 32, row);
    return;
  }
  for (; x + 32 <= width; x += 32)
    avx2_lerp_v_step (dst, b, o, vw, x, row);
  if (x < width)
    avx2_lerp_v_step (dst, b, o, vw, width - 32, row);
}

static AVX2 void
avx2_v_lerp8_in (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  (void) s;
  avx2_lerp_v (dst, src, p, j, width, LERP_IN);
}

static AVX2 void
avx2_v_lerp8_out (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  (void) s;
  avx2_lerp_v (dst, src, p, j, width, LERP_OUT);
}

static AVX2 void
avx2_v_lerp8_one (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  (void) s;
  avx2_lerp_v (dst, src, p, j, width, LERP_ONE);
}

/* 32 samples of the 2x2 box from 64 bytes of each row: pmaddubsw by ones
 * adds each sample's two bytes (made adjacent by area2_ctrl for 2
 * channels), (a + b + c + d + 2) >> 2 by pmulhrsw with 2^13 */
static inline AVX2_INLINE void
avx2_box2_step (
    uint8_t *o, const uint8_t *r0, const uint8_t *r1, __m256i ctrl, int ch)
{
  const __m256i ones = _mm256_set1_epi8 (1), q = _mm256_set1_epi16 (8192);
  __m256i v[2];

  for (int h = 0; h < 2; h++) {
    __m256i a = _mm256_loadu_si256 ((const __m256i *) (r0 + 32 * h));
    __m256i b = _mm256_loadu_si256 ((const __m256i *) (r1 + 32 * h));
    if (ch == 2) {
      a = _mm256_shuffle_epi8 (a, ctrl);
      b = _mm256_shuffle_epi8 (b, ctrl);
    }
    v[h] = _mm256_mulhrs_epi16 (
        _mm256_add_epi16 (
            _mm256_maddubs_epi16 (a, ones), _mm256_maddubs_epi16 (b, ones)),
        q);
  }
  _mm256_storeu_si256 ((__m256i *) o,
      _mm256_permute4x64_epi64 (_mm256_packus_epi16 (v[0], v[1]), 0xd8));
}

/* the 2x2 box, 1 or 2 channels; the last step ends at the line's end
 * (samples written twice, the same bytes) */
static inline AVX2_INLINE void
avx2_box2 (uint8_t *o, const uint8_t *r0, const uint8_t *r1, int width, int ch)
{
  const __m256i ctrl = _mm256_broadcastsi128_si256 (
      _mm_loadu_si128 ((const __m128i *) area2_ctrl[1]));
  int x = 0;

  for (; x + 32 <= width; x += 32)
    avx2_box2_step (o + x, r0 + 2 * x, r1 + 2 * x, ctrl, ch);
  if (x < width) {
    x = width - 32;
    avx2_box2_step (o + x, r0 + 2 * x, r1 + 2 * x, ctrl, ch);
  }
}

static AVX2 void
avx2_v_box2 (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  if (width < 32)
    ssse3_v_box2 (dst, src, p, j, width, s);
  else if (p->channels == 1)
    avx2_box2 (dst, src[0], src[1], width, 1);
  else
    avx2_box2 (dst, src[0], src[1], width, 2);
}

/* ssse3_box2w_half in 256 bits: 32 samples from 64 bytes of each row */
static inline AVX2_INLINE void
avx2_box2w_step (uint8_t *o, const uint8_t *r0, const uint8_t *r1,
    const uint16_t *wr, __m256i ctrl, int ch)
{
  const __m256i k255 = _mm256_set1_epi16 (255), c128 = _mm256_set1_epi16 (128);
  __m256i v[2];

  for (int h = 0; h < 2; h++) {
    __m256i a = _mm256_loadu_si256 ((const __m256i *) (r0 + 32 * h));
    __m256i b = _mm256_loadu_si256 ((const __m256i *) (r1 + 32 * h));
    __m256i k = _mm256_add_epi16 (
        _mm256_mullo_epi16 (
            _mm256_srli_epi16 (
                _mm256_loadu_si256 ((const __m256i *) (wr + 16 * h)), 9),
            k255),
        c128);
    if (ch == 2) {
      a = _mm256_shuffle_epi8 (a, ctrl);
      b = _mm256_shuffle_epi8 (b, ctrl);
    }
    v[h] = _mm256_srli_epi16 (
        _mm256_add_epi16 (_mm256_add_epi16 (_mm256_maddubs_epi16 (a, k),
                              _mm256_maddubs_epi16 (b, k)),
            c128),
        8);
  }
  _mm256_storeu_si256 ((__m256i *) o,
      _mm256_permute4x64_epi64 (_mm256_packus_epi16 (v[0], v[1]), 0xd8));
}

static inline AVX2_INLINE void
avx2_box2w (uint8_t *o, const uint8_t *r0, const uint8_t *r1,
    const uint16_t *wr, int width, int ch)
{
  const __m256i ctrl = _mm256_broadcastsi128_si256 (
      _mm_loadu_si128 ((const __m128i *) area2_ctrl[1]));
  int x = 0;

  for (; x + 32 <= width; x += 32)
    avx2_box2w_step (o + x, r0 + 2 * x, r1 + 2 * x, wr + x, ctrl, ch);
  if (x < width) {
    x = width - 32;
    avx2_box2w_step (o + x, r0 + 2 * x, r1 + 2 * x, wr + x, ctrl, ch);
  }
}

static AVX2 void
avx2_v_box2w (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  if (width < 32 || p->channels > 2)
    ssse3_v_box2w (dst, src, p, j, width, s);
  else if (p->channels == 1)
    avx2_box2w (dst, src[0], src[1], p->wr, width, 1);
  else
    avx2_box2w (dst, src[0], src[1], p->wr, width, 2);
}

/* split lanes q, q + 1 (record pair q / 2) in 256 bits */
static inline AVX2_INLINE void
avx2_lerp_split (uint8_t *d, const uint8_t *l, const int32_t *base,
    const uint8_t *rec, const uint16_t *wr, LerpRow row)
{
  const __m256i half = _mm256_set1_epi16 (row == LERP_OUT ? 0 : 128);
  __m256i v = _mm256_inserti128_si256 (_mm256_castsi128_si256 (_mm_loadu_si128 (
                                           (const __m128i *) (l + base[0]))),
      _mm_loadu_si128 ((const __m128i *) (l + base[1])), 1);
  __m256i b = _mm256_or_si256 (
      _mm256_shuffle_epi8 (v, _mm256_loadu_si256 ((const __m256i *) rec)),
      half);
  __m256i o = _mm256_or_si256 (
      _mm256_shuffle_epi8 (
          v, _mm256_loadu_si256 ((const __m256i *) (rec + 32))),
      half);
  __m256i r = avx2_lerp (b, o, _mm256_loadu_si256 ((const __m256i *) wr));

  if (row == LERP_IN) {
    _mm256_storeu_si256 ((__m256i *) d, r);
  } else {
    r = _mm256_srli_epi16 (r, 8);
    r = _mm256_permute4x64_epi64 (_mm256_packus_epi16 (r, r), 0x08);
    _mm_storeu_si128 ((__m128i *) d, _mm256_castsi256_si128 (r));
  }
}

/* joined lanes q .. q + 3 (record quad q / 4): the windows of lanes q,
 * q + 2 in one vector, of q + 1, q + 3 in another, shuffled to their B and
 * O words; k = 4: B and O of the four lanes in two vectors (vpunpck*qdq),
 * the weights wr's; else each vector's lerp as lerp_lane128's, stored lane
 * by lane in order (each stores four samples) */
static inline AVX2_INLINE void
avx2_lerp_quad (uint8_t *d, const uint8_t *l, const int32_t *base,
    const uint8_t *rec, const uint16_t *wr, int k, LerpRow row)
{
  const __m256i half = _mm256_set1_epi16 (row == LERP_OUT ? 0 : 128);
  __m256i a = _mm256_inserti128_si256 (_mm256_castsi128_si256 (_mm_loadu_si128 (
                                           (const __m128i *) (l + base[0]))),
      _mm_loadu_si128 ((const __m128i *) (l + base[2])), 1);
  __m256i c = _mm256_inserti128_si256 (_mm256_castsi128_si256 (_mm_loadu_si128 (
                                           (const __m128i *) (l + base[1]))),
      _mm_loadu_si128 ((const __m128i *) (l + base[3])), 1);
  size_t osz = row == LERP_IN ? 2 : 1;

  a = _mm256_or_si256 (
      _mm256_shuffle_epi8 (a, _mm256_loadu_si256 ((const __m256i *) rec)),
      half);
  c = _mm256_or_si256 (_mm256_shuffle_epi8 (c,
                           _mm256_loadu_si256 ((const __m256i *) (rec + 32))),
      half);
  if (k == 4) {
    __m256i r = avx2_lerp (_mm256_unpacklo_epi64 (a, c),
        _mm256_unpackhi_epi64 (a, c),
        _mm256_loadu_si256 ((const __m256i *) wr));
    if (row == LERP_IN) {
      _mm256_storeu_si256 ((__m256i *) d, r);
    } else {
      r = _mm256_srli_epi16 (r, 8);
      r = _mm256_permute4x64_epi64 (_mm256_packus_epi16 (r, r), 0x08);
      _mm_storeu_si128 ((__m128i *) d, _mm256_castsi256_si128 (r));
    }
  } else {
    __m256i ta = _mm256_mulhi_epu16 (
        a, _mm256_loadu_si256 ((const __m256i *) (rec + 64)));
    __m256i tc = _mm256_mulhi_epu16 (
        c, _mm256_loadu_si256 ((const __m256i *) (rec + 96)));
    __m256i ra = _mm256_add_epi16 (
        _mm256_sub_epi16 (a, ta), _mm256_bsrli_epi128 (ta, 8));
    __m256i rc = _mm256_add_epi16 (
        _mm256_sub_epi16 (c, tc), _mm256_bsrli_epi128 (tc, 8));
    if (row == LERP_IN) {
      _mm_storel_epi64 ((__m128i *) d, _mm256_castsi256_si128 (ra));
      _mm_storel_epi64 ((__m128i *) (d + k * osz), _mm256_castsi256_si128 (rc));
      _mm_storel_epi64 (
          (__m128i *) (d + 2 * k * osz), _mm256_extracti128_si256 (ra, 1));
      _mm_storel_epi64 (
          (__m128i *) (d + 3 * k * osz), _mm256_extracti128_si256 (rc, 1));
    } else {
      /* dwords 0, 2 of each half: lanes q, q + 1 and q + 2, q + 3 */
      __m128i lo, hi;
      ra = _mm256_packus_epi16 (
          _mm256_srli_epi16 (ra, 8), _mm256_srli_epi16 (rc, 8));
      lo = _mm256_castsi256_si128 (ra);
      hi = _mm256_extracti128_si256 (ra, 1);
      _mm_storeu_si32 (d, lo);
      _mm_storeu_si32 (d + k, _mm_srli_si128 (lo, 8));
      _mm_storeu_si32 (d + 2 * k, hi);
      _mm_storeu_si32 (d + 3 * k, _mm_srli_si128 (hi, 8));
    }
  }
}

/* lanes [q, q1) of a line: pairs (split) or quads (joined), the odd
 * ones at the ends alone, then the bad ones again (k constant in each
 * instance) */
static inline AVX2_INLINE void
avx2_lerp_lanes (void *dst, const void *src, const AsPass *p,
    const LerpSide *sd, int k, int32_t q, int32_t q1, LerpRow row)
{
  const int32_t *base = (const int32_t *) ((const uint8_t *) p->aux
      + sd->base_at);
  const uint8_t *rec = (const uint8_t *) p->aux + sd->records_at;
  const uint16_t *wr = p->wr;
  size_t osz = row == LERP_IN ? 2 : 1;
  int g = k == LERP_SPLIT ? 2 : 4; /* lanes a step */
  int32_t q0 = q;

  while (q < q1 && q % g) /* steps start at a record */
    lerp_lane_at (dst, src, p, base, rec, q++, k, row);
  for (; q + g <= q1; q += g) {
    size_t s = (size_t) q * k;
    if (g == 2)
      avx2_lerp_split ((uint8_t *) dst + s * osz, src, base + q,
          rec + (size_t) q * 32, wr + s, row);
    else
      avx2_lerp_quad ((uint8_t *) dst + s * osz, src, base + q,
          rec + (size_t) q * 32, k == 4 ? wr + s : NULL, k, row);
  }
  while (q < q1)
    lerp_lane_at (dst, src, p, base, rec, q++, k, row);
  lerp_fix_bad (dst, src, p, sd, q0, q1, row);
}

static inline AVX2_INLINE void
avx2_lerp_lanes_k (void *dst, const void *src, const AsPass *p,
    const LerpSide *sd, int32_t q0, int32_t q1, LerpRow row)
{
  if (sd->k == LERP_SPLIT)
    avx2_lerp_lanes (dst, src, p, sd, LERP_SPLIT, q0, q1, row);
  else if (sd->k == 4)
    avx2_lerp_lanes (dst, src, p, sd, 4, q0, q1, row);
  else if (sd->k > 0)
    avx2_lerp_lanes (dst, src, p, sd, sd->k, q0, q1, row);
}

/* The second pass over a 2:1 run (outputs [a, b) whose bases step by two
 * pixels, AsPass.step2_a; each reads base + 1): B are the even pixels of
 * the source, O the odd ones, 16 samples a step from 64 bytes, pixels of
 * 2 (words), 4 (dwords) or 8 bytes (qwords) split by a fixed shuffle into
 * the order [0, 2, 1, 3] of their quarters (vpermq puts them back); the
 * last step ends at b (outputs written twice, the same bytes). */
/* the 16 samples from source pixels l[0 .. 2 (16 / ch)) */
static inline AVX2_INLINE void
avx2_lerp_step2_step (uint8_t *d, const uint16_t *l, const uint16_t *wr, int ch)
{
  const __m256i lo16 = _mm256_set1_epi32 (0xffff),
                order = _mm256_setr_epi32 (0, 4, 1, 5, 0, 0, 0, 0);
  __m256i u = _mm256_loadu_si256 ((const __m256i *) l);
  __m256i v = _mm256_loadu_si256 ((const __m256i *) (l + 16));
  __m256i bv, ov, w, r;

  if (ch == 1) {
    bv = _mm256_packus_epi32 (
        _mm256_and_si256 (u, lo16), _mm256_and_si256 (v, lo16));
    ov = _mm256_packus_epi32 (
        _mm256_srli_epi32 (u, 16), _mm256_srli_epi32 (v, 16));
  } else if (ch == 2) {
    bv = _mm256_castps_si256 (_mm256_shuffle_ps (
        _mm256_castsi256_ps (u), _mm256_castsi256_ps (v), 0x88));
    ov = _mm256_castps_si256 (_mm256_shuffle_ps (
        _mm256_castsi256_ps (u), _mm256_castsi256_ps (v), 0xdd));
  } else {
    bv = _mm256_unpacklo_epi64 (u, v);
    ov = _mm256_unpackhi_epi64 (u, v);
  }
  w = _mm256_permute4x64_epi64 (
      _mm256_loadu_si256 ((const __m256i *) wr), 0xd8);
  /* bytes [0, 2, 0, 2 | 1, 3, 1, 3] (quarters) in order */
  r = _mm256_srli_epi16 (avx2_lerp (bv, ov, w), 8);
  r = _mm256_permutevar8x32_epi32 (_mm256_packus_epi16 (r, r), order);
  _mm_storeu_si128 ((__m128i *) d, _mm256_castsi256_si128 (r));
}

/* The second pass over a 2:1 run (outputs [a, b) whose bases step by two
 * pixels, AsPass.step2_a; each reads base + 1): B are the even pixels of
 * the source, O the odd ones, 16 samples a step from 64 bytes, pixels of
 * 2 (words), 4 (dwords) or 8 bytes (qwords) split by a fixed shuffle into
 * the order [0, 2, 1, 3] of their quarters (vpermq puts them back); the
 * last step ends at b (outputs written twice, the same bytes). */
static inline AVX2_INLINE void
avx2_lerp_step2 (
    uint8_t *dst, const uint16_t *src, const AsPass *p, int a, int b, int ch)
{
  const uint16_t *wr = p->wr, *l = src + (size_t) p->offset[a] * ch;
  const int n = 16 / ch; /* outputs a step */
  int i = a;

  for (; i + n <= b; i += n, l += 32)
    avx2_lerp_step2_step (dst + (size_t) i * ch, l, wr + (size_t) i * ch, ch);
  if (i < b) {
    i = b - n;
    avx2_lerp_step2_step (dst + (size_t) i * ch,
        src + (size_t) p->offset[i] * ch, wr + (size_t) i * ch, ch);
  }
}

static inline AVX2_INLINE void
avx2_lerp_h (void *dst, const void *src, const AsPass *p, LerpRow row)
{
  LERP_H_SEGMENTS (avx2, 16);
}

static AVX2 void
avx2_h_lerp8_in (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  (void) s;
  avx2_lerp_h (dst, src, p, LERP_IN);
}

static AVX2 void
avx2_h_lerp8_out (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  (void) s;
  avx2_lerp_h (dst, src, p, LERP_OUT);
}

static AVX2 void
avx2_h_lerp8_one (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  (void) s;
  avx2_lerp_h (dst, src, p, LERP_ONE);
}

/* ================================================ SSSE3 and SSE2 */

/* avx2_pil_four on 128-bit halves: a[2 u], a[2 u + 1] are pixel u's
 * lanes; two pixels at a time (four would spill) */
static inline SSSE3_INLINE void
ssse3_pil_two (__m128i *a, const uint8_t *s0, const uint8_t *s1,
    const int16_t *wt, int steps, int stride, int ch)
{
  const size_t sb = pil_step_bytes (ch) / 2;
  const __m128i c0 = _mm_loadu_si128 ((const __m128i *) pil_ctrl[ch - 1]);
  const __m128i c1 = _mm_loadu_si128 (
      (const __m128i *) (pil_ctrl[ch - 1] + 16));
  const __m128i i0 = _mm_loadu_si128 ((const __m128i *) pil_init[ch - 1]);
  const __m128i i1 = _mm_loadu_si128 ((const __m128i *) (pil_init[ch - 1] + 4));
  __m128i x0 = i0, y0 = i1, x1 = i0, y1 = i1;

  for (int s = 0, d = 0; s < steps; s++, d += stride, wt += 4 * sb) {
#define PIL_STEP(u)                                                            \
  do {                                                                         \
    const int16_t *wu = wt + u * sb;                                           \
    __m128i v = _mm_loadu_si128 ((const __m128i *) (s##u + d));                \
    __m128i e = _mm_shuffle_epi8 (v, c0), f = _mm_shuffle_epi8 (v, c1);        \
    __m128i wl0, wl1, wh0, wh1;                                                \
    if (ch >= 3) {                                                             \
      wl0 = _mm_loadl_epi64 ((const __m128i *) wu);                            \
      wh0 = _mm_loadl_epi64 ((const __m128i *) (wu + 4));                      \
      wl1 = wl0 = _mm_unpacklo_epi64 (wl0, wl0);                               \
      wh1 = wh0 = _mm_unpacklo_epi64 (wh0, wh0);                               \
    } else {                                                                   \
      wl0 = _mm_loadu_si128 ((const __m128i *) wu);                            \
      wl1 = _mm_loadu_si128 ((const __m128i *) (wu + 8));                      \
      wh0 = _mm_loadu_si128 ((const __m128i *) (wu + 16));                     \
      wh1 = _mm_loadu_si128 ((const __m128i *) (wu + 24));                     \
    }                                                                          \
    x##u = _mm_add_epi32 (x##u,                                                \
        _mm_add_epi32 (_mm_madd_epi16 (e, wl0),                                \
            _mm_slli_epi32 (_mm_madd_epi16 (e, wh0), 16)));                    \
    y##u = _mm_add_epi32 (y##u,                                                \
        _mm_add_epi32 (_mm_madd_epi16 (f, wl1),                                \
            _mm_slli_epi32 (_mm_madd_epi16 (f, wh1), 16)));                    \
  } while (0)
    PIL_STEP (0);
    PIL_STEP (1);
#undef PIL_STEP
  }
  a[0] = x0;
  a[1] = y0;
  a[2] = x1;
  a[3] = y1;
}

/* avx2_pil_bytes on halves: a[2 u + lane] */
static inline SSSE3_INLINE __m128i
ssse3_pil_bytes (const __m128i *a, int ch)
{
  if (ch >= 3) {
    __m128i x0 = _mm_srai_epi32 (_mm_hadd_epi32 (a[0], a[2]), 22);
    __m128i x1 = _mm_srai_epi32 (_mm_hadd_epi32 (a[1], a[3]), 22);
    __m128i y0 = _mm_srai_epi32 (_mm_hadd_epi32 (a[4], a[6]), 22);
    __m128i y1 = _mm_srai_epi32 (_mm_hadd_epi32 (a[5], a[7]), 22);
    __m128i r = _mm_packus_epi16 (
        _mm_packs_epi32 (x0, y0), _mm_packs_epi32 (x1, y1));
    return _mm_shuffle_epi8 (
        r, _mm_loadu_si128 ((const __m128i *) pil_order[ch - 3]));
  } else if (ch == 2) {
    __m128i x = _mm_srai_epi32 (_mm_add_epi32 (_mm_hadd_epi32 (a[0], a[2]),
                                    _mm_hadd_epi32 (a[1], a[3])),
        22);
    __m128i y = _mm_srai_epi32 (_mm_add_epi32 (_mm_hadd_epi32 (a[4], a[6]),
                                    _mm_hadd_epi32 (a[5], a[7])),
        22);
    return _mm_packus_epi16 (_mm_packs_epi32 (x, y), _mm_setzero_si128 ());
  } else {
    __m128i x = _mm_hadd_epi32 (
        _mm_hadd_epi32 (a[0], a[2]), _mm_hadd_epi32 (a[4], a[6]));
    __m128i y = _mm_hadd_epi32 (
        _mm_hadd_epi32 (a[1], a[3]), _mm_hadd_epi32 (a[5], a[7]));
    __m128i s = _mm_srai_epi32 (_mm_add_epi32 (x, y), 22);
    return _mm_packus_epi16 (_mm_packs_epi32 (s, s), _mm_setzero_si128 ());
  }
}

static inline SSSE3_INLINE void
ssse3_pil_run (
    uint8_t *o, const uint8_t *l, const AsPass *p, AsLineScratch *sc, int ch)
{
  int n = p->n_taps, t = pil_taps (ch), steps = (n + t - 1) / t;
  size_t sb = pil_step_bytes (ch) / 2, wgroup = 4 * (size_t) steps * sb;
  const int16_t *wt = p->aux;
  PilLine pl;

  pil_line (&pl, l, p, sc);
  for (int i = 0; i < p->out_len; i += 4, wt += wgroup) {
    int m = p->out_len - i < 4 ? p->out_len - i : 4;
    const uint8_t *sp[4];
    __m128i a[8], r;

    pil_windows (sp, &pl, p->offset + i, m, ch);
    ssse3_pil_two (a, sp[0], sp[1], wt, steps, t * ch, ch);
    ssse3_pil_two (a + 4, sp[2], sp[3], wt + 2 * sb, steps, t * ch, ch);
    r = ssse3_pil_bytes (a, ch);
    pil_store (o + (size_t) i * ch, r, ch, m);
  }
}

static SSSE3 void
ssse3_h_pil8 (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  switch (p->channels) {
    case 1:
      ssse3_pil_run (dst, src, p, s, 1);
      break;
    case 2:
      ssse3_pil_run (dst, src, p, s, 2);
      break;
    case 3:
      ssse3_pil_run (dst, src, p, s, 3);
      break;
    case 4:
      ssse3_pil_run (dst, src, p, s, 4);
      break;
    default:
      pil_h_scalar (dst, src, p);
      break;
  }
}

/* avx2_v_pil8 in SSE2: sixteen samples a step, lo + (hi << 16) at once */
static void
sse2_v_pil8 (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const int32_t *w = (const int32_t *) p->w + (size_t) j * p->n_taps;
  int n = p->n_taps, pairs = (n + 1) / 2, x = 0;
  const uint8_t *const *rows = (const uint8_t *const *) src;
  uint8_t *o = dst;
  int32_t wbuf[2 * PIL_V_STACK];
  int32_t *wl = pairs <= PIL_V_STACK ? wbuf : s->acc, *wh = wl + pairs;
  const __m128i r = _mm_set1_epi32 (1 << 21), zero = _mm_setzero_si128 ();

  pil_v_weights (wl, wh, w, n);
  for (; x + 16 <= width; x += 16) {
    __m128i acc[4] = { r, r, r, r };
    for (int q = 0; q < pairs; q++) {
      const uint8_t *r0 = rows[2 * q],
                    *r1 = 2 * q + 1 < n ? rows[2 * q + 1] : r0;
      __m128i u = _mm_loadu_si128 ((const __m128i *) (r0 + x));
      __m128i v = _mm_loadu_si128 ((const __m128i *) (r1 + x));
      __m128i lo = _mm_unpacklo_epi8 (u, v), hi = _mm_unpackhi_epi8 (u, v);
      __m128i e[4] = { _mm_unpacklo_epi8 (lo, zero),
        _mm_unpackhi_epi8 (lo, zero), _mm_unpacklo_epi8 (hi, zero),
        _mm_unpackhi_epi8 (hi, zero) };
      __m128i kl = _mm_set1_epi32 (wl[q]), kh = _mm_set1_epi32 (wh[q]);
      for (int k = 0; k < 4; k++)
        acc[k] = _mm_add_epi32 (acc[k],
            _mm_add_epi32 (_mm_madd_epi16 (e[k], kl),
                _mm_slli_epi32 (_mm_madd_epi16 (e[k], kh), 16)));
    }
    for (int k = 0; k < 4; k++)
      acc[k] = _mm_srai_epi32 (acc[k], 22);
    _mm_storeu_si128 ((__m128i *) (o + x),
        _mm_packus_epi16 (_mm_packs_epi32 (acc[0], acc[1]),
            _mm_packs_epi32 (acc[2], acc[3])));
  }
  pil_v_scalar (o, rows, w, n, x, width);
}

/* avx2_h_ocv8_in a lane at a time */
static SSSE3 void
ssse3_h_ocv8_in (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  size_t g_n = ocv_groups (p);
  const int32_t *base = p->aux;
  const uint8_t *tab = (const uint8_t *) p->aux + ocv_table_at (g_n);
  const uint8_t *l = src;
  int32_t *o = dst;

  (void) s;
  for (size_t g = 0; g < g_n; g++, tab += 64) {
    if (base[2 * g] < 0) {
      ocv_h_scalar (o, l, p, (int) (8 * g), (int) (8 * g + 8));
      continue;
    }
    for (int lane = 0; lane < 2; lane++) {
      __m128i v = _mm_loadu_si128 ((const __m128i *) (l + base[2 * g + lane]));
      v = _mm_shuffle_epi8 (
          v, _mm_loadu_si128 ((const __m128i *) (tab + 16 * lane)));
      v = _mm_madd_epi16 (
          v, _mm_loadu_si128 ((const __m128i *) (tab + 32 + 16 * lane)));
      _mm_storeu_si128 ((__m128i *) (o + 8 * g + 4 * lane), v);
    }
  }
  ocv_h_scalar (o, l, p, (int) (8 * g_n), p->out_len * p->channels);
}

/* avx2_v_ocv8_out in SSE2 */
static void
sse2_v_ocv8_out (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const int32_t *t0 = src[0], *t1 = src[1];
  const int16_t *w = p->w;
  int32_t b0 = w[2 * j], b1 = w[2 * j + 1];
  const __m128i k0 = _mm_set1_epi16 ((int16_t) b0),
                k1 = _mm_set1_epi16 ((int16_t) b1), two = _mm_set1_epi16 (2);
  uint8_t *o = dst;
  int x = 0;

  (void) s;
  for (; x + 16 <= width; x += 16) {
    __m128i v[2];
    for (int h = 0; h < 2; h++) {
      const int32_t *a = t0 + x + 8 * h, *b = t1 + x + 8 * h;
      __m128i p0 = _mm_packs_epi32 (
          _mm_srai_epi32 (_mm_loadu_si128 ((const __m128i *) a), 4),
          _mm_srai_epi32 (_mm_loadu_si128 ((const __m128i *) (a + 4)), 4));
      __m128i p1 = _mm_packs_epi32 (
          _mm_srai_epi32 (_mm_loadu_si128 ((const __m128i *) b), 4),
          _mm_srai_epi32 (_mm_loadu_si128 ((const __m128i *) (b + 4)), 4));
      v[h] = _mm_adds_epi16 (
          _mm_mulhi_epi16 (p0, k0), _mm_mulhi_epi16 (p1, k1));
      v[h] = _mm_srai_epi16 (_mm_adds_epi16 (v[h], two), 2);
    }
    _mm_storeu_si128 ((__m128i *) (o + x), _mm_packus_epi16 (v[0], v[1]));
  }
  ocv_v_scalar (o, t0, t1, b0, b1, x, width);
}

/* avx2_v_ocv8_area2 in 128 bits: eight samples a step (3 channels: six,
 * from one 12-byte window a row) */
static SSSE3 void
ssse3_v_ocv8_area2 (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const uint8_t *r0 = src[0], *r1 = src[1];
  uint8_t *o = dst;
  int ch = p->channels, x = 0;
  const __m128i ones = _mm_set1_epi8 (1), two = _mm_set1_epi16 (2),
                one = _mm_set1_epi16 (1);

  (void) j;
  (void) s;
  if (ch > 4)
    goto tail;
  {
    const __m128i ctrl = _mm_loadu_si128 ((const __m128i *) area2_ctrl[ch - 1]);
    int step = ch == 3 ? 6 : 8;
    for (; x + 8 <= width; x += step) {
      __m128i a = _mm_loadu_si128 ((const __m128i *) (r0 + 2 * x));
      __m128i b = _mm_loadu_si128 ((const __m128i *) (r1 + 2 * x));
      __m128i v;
      if (ch != 1) {
        a = _mm_shuffle_epi8 (a, ctrl);
        b = _mm_shuffle_epi8 (b, ctrl);
      }
      v = _mm_add_epi16 (
          _mm_maddubs_epi16 (a, ones), _mm_maddubs_epi16 (b, ones));
      if (ch == 2)
        v = _mm_add_epi16 (
            _mm_add_epi16 (v, one), _mm_and_si128 (_mm_srli_epi16 (v, 2), one));
      else
        v = _mm_add_epi16 (v, two);
      v = _mm_srli_epi16 (v, 2);
      v = _mm_packus_epi16 (v, v);
      if (ch == 3) {
        /* six bytes: the next step writes from the seventh */
        uint32_t lo = (uint32_t) _mm_cvtsi128_si32 (v);
        uint16_t hi = (uint16_t) _mm_extract_epi16 (v, 2);
        memcpy (o + x, &lo, 4);
        memcpy (o + x + 4, &hi, 2);
      } else {
        _mm_storel_epi64 ((__m128i *) (o + x), v);
      }
    }
  }
tail:
  area2_scalar (o, r0, r1, ch, x, width);
}

/* joined lanes q, q + 1 of 4 samples in 128 bits: B and O of both in two
 * vectors (punpck*qdq), wr's weights (avx2_lerp_quad's k = 4) */
static inline SSSE3_INLINE void
ssse3_lerp_pair4 (uint8_t *d, const uint8_t *l, const int32_t *base,
    const uint8_t *ca, const uint8_t *cc, const uint16_t *wr, LerpRow row)
{
  const __m128i half = _mm_set1_epi16 (row == LERP_OUT ? 0 : 128);
  __m128i a = _mm_or_si128 (
      _mm_shuffle_epi8 (_mm_loadu_si128 ((const __m128i *) (l + base[0])),
          _mm_loadu_si128 ((const __m128i *) ca)),
      half);
  __m128i c = _mm_or_si128 (
      _mm_shuffle_epi8 (_mm_loadu_si128 ((const __m128i *) (l + base[1])),
          _mm_loadu_si128 ((const __m128i *) cc)),
      half);
  __m128i r = sse2_lerp (_mm_unpacklo_epi64 (a, c), _mm_unpackhi_epi64 (a, c),
      _mm_loadu_si128 ((const __m128i *) wr));

  if (row == LERP_IN) {
    _mm_storeu_si128 ((__m128i *) d, r);
  } else {
    r = _mm_srli_epi16 (r, 8);
    _mm_storel_epi64 ((__m128i *) d, _mm_packus_epi16 (r, r));
  }
}

/* lanes [q, q1) a record (2 split lanes, 4 joined) at a time: joined ones
 * of 4 samples in pairs, the others one by one; then the bad ones again
 * (k constant in each instance) */
static inline SSSE3_INLINE void
ssse3_lerp_lanes (void *dst, const void *src, const AsPass *p,
    const LerpSide *sd, int k, int32_t q, int32_t q1, LerpRow row)
{
  const int32_t *base = (const int32_t *) ((const uint8_t *) p->aux
      + sd->base_at);
  const uint8_t *rec = (const uint8_t *) p->aux + sd->records_at;
  const uint16_t *wr = p->wr;
  size_t osz = row == LERP_IN ? 2 : 1;
  int g = k == LERP_SPLIT ? 2 : 4; /* lanes a record */
  int32_t q0 = q;

  while (q < q1 && q % g)
    lerp_lane_at (dst, src, p, base, rec, q++, k, row);
  for (; q + g <= q1; q += g) {
    const uint8_t *r = rec + (size_t) q * 32;
    uint8_t *d = (uint8_t *) dst + (size_t) q * k * osz;
    size_t s = (size_t) q * k;
    if (k == LERP_SPLIT) {
      lerp_lane128 (d, src, base[q], r, r + 32, wr + s, k, row);
      lerp_lane128 (
          d + 8 * osz, src, base[q + 1], r + 16, r + 48, wr + s + 8, k, row);
    } else if (k == 4) {
      ssse3_lerp_pair4 (d, src, base + q, r, r + 32, wr + s, row);
      ssse3_lerp_pair4 (
          d + 8 * osz, src, base + q + 2, r + 16, r + 48, wr + s + 8, row);
    } else {
      /* lanes q .. q + 3 at records 0, 2, 1, 3 (lerp_rec_at) */
      lerp_lane128 (d, src, base[q], r, r + 64, NULL, k, row);
      lerp_lane128 (
          d + k * osz, src, base[q + 1], r + 32, r + 96, NULL, k, row);
      lerp_lane128 (
          d + 2 * k * osz, src, base[q + 2], r + 16, r + 80, NULL, k, row);
      lerp_lane128 (
          d + 3 * k * osz, src, base[q + 3], r + 48, r + 112, NULL, k, row);
    }
  }
  while (q < q1)
    lerp_lane_at (dst, src, p, base, rec, q++, k, row);
  lerp_fix_bad (dst, src, p, sd, q0, q1, row);
}

static inline SSSE3_INLINE void
ssse3_lerp_lanes_k (void *dst, const void *src, const AsPass *p,
    const LerpSide *sd, int32_t q0, int32_t q1, LerpRow row)
{
  if (sd->k == LERP_SPLIT)
    ssse3_lerp_lanes (dst, src, p, sd, LERP_SPLIT, q0, q1, row);
  else if (sd->k == 4)
    ssse3_lerp_lanes (dst, src, p, sd, 4, q0, q1, row);
  else if (sd->k > 0)
    ssse3_lerp_lanes (dst, src, p, sd, sd->k, q0, q1, row);
}

/* avx2_lerp_step2_step in 128 bits: 8 samples from 32 bytes, in order
 * (the words of 1 channel picked by pshufb) */
static inline SSSE3_INLINE void
ssse3_lerp_step2_step (
    uint8_t *d, const uint16_t *l, const uint16_t *wr, int ch)
{
  const __m128i even = _mm_setr_epi8 (
                    0, 1, 4, 5, 8, 9, 12, 13, Z, Z, Z, Z, Z, Z, Z, Z),
                odd = _mm_setr_epi8 (
                    2, 3, 6, 7, 10, 11, 14, 15, Z, Z, Z, Z, Z, Z, Z, Z);
  __m128i u = _mm_loadu_si128 ((const __m128i *) l);
  __m128i v = _mm_loadu_si128 ((const __m128i *) (l + 8));
  __m128i bv, ov, r;

  if (ch == 1) {
    bv = _mm_unpacklo_epi64 (
        _mm_shuffle_epi8 (u, even), _mm_shuffle_epi8 (v, even));
    ov = _mm_unpacklo_epi64 (
        _mm_shuffle_epi8 (u, odd), _mm_shuffle_epi8 (v, odd));
  } else if (ch == 2) {
    bv = _mm_castps_si128 (
        _mm_shuffle_ps (_mm_castsi128_ps (u), _mm_castsi128_ps (v), 0x88));
    ov = _mm_castps_si128 (
        _mm_shuffle_ps (_mm_castsi128_ps (u), _mm_castsi128_ps (v), 0xdd));
  } else {
    bv = _mm_unpacklo_epi64 (u, v);
    ov = _mm_unpackhi_epi64 (u, v);
  }
  r = _mm_srli_epi16 (
      sse2_lerp (bv, ov, _mm_loadu_si128 ((const __m128i *) wr)), 8);
  _mm_storel_epi64 ((__m128i *) d, _mm_packus_epi16 (r, r));
}

static inline SSSE3_INLINE void
ssse3_lerp_step2 (
    uint8_t *dst, const uint16_t *src, const AsPass *p, int a, int b, int ch)
{
  const uint16_t *wr = p->wr, *l = src + (size_t) p->offset[a] * ch;
  const int n = 8 / ch; /* outputs a step */
  int i = a;

  for (; i + n <= b; i += n, l += 16)
    ssse3_lerp_step2_step (dst + (size_t) i * ch, l, wr + (size_t) i * ch, ch);
  if (i < b) {
    i = b - n;
    ssse3_lerp_step2_step (dst + (size_t) i * ch,
        src + (size_t) p->offset[i] * ch, wr + (size_t) i * ch, ch);
  }
}

/* avx2_lerp_h in 128 bits */
static inline SSSE3_INLINE void
ssse3_lerp_h (void *dst, const void *src, const AsPass *p, LerpRow row)
{
  LERP_H_SEGMENTS (ssse3, 8);
}

static SSSE3 void
ssse3_h_lerp8_in (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  (void) s;
  ssse3_lerp_h (dst, src, p, LERP_IN);
}

static SSSE3 void
ssse3_h_lerp8_out (
    void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  (void) s;
  ssse3_lerp_h (dst, src, p, LERP_OUT);
}

static SSSE3 void
ssse3_h_lerp8_one (
    void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  (void) s;
  ssse3_lerp_h (dst, src, p, LERP_ONE);
}

void
as_dsp_init_x86 (AsDsp *dsp, int ssse3, int avx2)
{
  dsp->v[AS_V_PIL8] = sse2_v_pil8;
  dsp->v[AS_V_OCV8_OUT] = sse2_v_ocv8_out;
  if (ssse3) {
    /* the three 8-bit lerp rows share one table (model.c builds it once) */
    dsp->h[AS_H_LERP8_IN] = ssse3_h_lerp8_in;
    dsp->h[AS_H_LERP8_OUT] = ssse3_h_lerp8_out;
    dsp->h[AS_H_LERP8_ONE] = ssse3_h_lerp8_one;
    dsp->h_prep[AS_H_LERP8_IN] = lerp_h_prep;
    dsp->h_prep[AS_H_LERP8_OUT] = lerp_h_prep;
    dsp->h_prep[AS_H_LERP8_ONE] = lerp_h_prep;
    dsp->v[AS_V_BOX2] = ssse3_v_box2;
    dsp->v[AS_V_BOX2W] = ssse3_v_box2w;
    dsp->h[AS_H_PIL8] = ssse3_h_pil8;
    dsp->h_prep[AS_H_PIL8] = pil_h_prep;
    dsp->h[AS_H_OCV8_IN] = ssse3_h_ocv8_in;
    dsp->h_prep[AS_H_OCV8_IN] = ocv_h_prep;
    dsp->v[AS_V_OCV8_AREA2] = ssse3_v_ocv8_area2;
  }
  if (avx2) {
    dsp->h[AS_H_PIL8] = avx2_h_pil8;
    dsp->h_prep[AS_H_PIL8] = pil_h_prep;
    dsp->v[AS_V_PIL8] = avx2_v_pil8;
    dsp->h[AS_H_OCV8_IN] = avx2_h_ocv8_in;
    dsp->h_prep[AS_H_OCV8_IN] = ocv_h_prep;
    dsp->v[AS_V_OCV8_OUT] = avx2_v_ocv8_out;
    dsp->v[AS_V_OCV8_AREA2] = avx2_v_ocv8_area2;
    dsp->v[AS_V_LERP8_IN] = avx2_v_lerp8_in;
    dsp->v[AS_V_LERP8_OUT] = avx2_v_lerp8_out;
    dsp->v[AS_V_LERP8_ONE] = avx2_v_lerp8_one;
    dsp->v[AS_V_BOX2] = avx2_v_box2;
    dsp->v[AS_V_BOX2W] = avx2_v_box2w;
    dsp->h[AS_H_LERP8_IN] = avx2_h_lerp8_in;
    dsp->h[AS_H_LERP8_OUT] = avx2_h_lerp8_out;
    dsp->h[AS_H_LERP8_ONE] = avx2_h_lerp8_one;
    dsp->h_prep[AS_H_LERP8_IN] = lerp_h_prep;
    dsp->h_prep[AS_H_LERP8_OUT] = lerp_h_prep;
    dsp->h_prep[AS_H_LERP8_ONE] = lerp_h_prep;
  }
}

#else

void
as_dsp_init_x86 (AsDsp *dsp, int ssse3, int avx2)
{
  (void) dsp;
  (void) ssse3;
  (void) avx2;
}

#endif
