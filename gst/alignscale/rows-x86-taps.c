/* alignscale: the default models' tap rows in x86 SIMD
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The rows of integer-model=exact but 8-bit bilinear (model.h): the int8
 * model (14-bit weights), the int16 model (30-bit weights, mulhsl), the
 * sum model (uint16 weights, wrapping uint16 sums) and the 16-bit lerp,
 * both passes and both orders, with the arithmetic of their references in
 * rows-c.c, so the bytes are the same (tests/check/libs/dsp.c). x86-64
 * with GCC, picked at run time (as_dsp_init_simd, after as_dsp_init_x86)
 * over the ORC rows.
 *
 * Vertical rows keep a block of samples in registers over all the taps
 * (the ORC rows add tap after tap into a line in memory). Horizontal rows
 * read each output pixel's taps in 16-byte (or 8-byte) windows of the
 * source line, with no gather into lines first: the model builds, in
 * prepare, where each pixel's windows start and their weights in the
 * order pshufb or the window puts the samples (AsDsp.h_prep; one table a
 * pass, which the rows of both orders read). The 16-bit lerp's
 * horizontal rows need none: they pick each half-group's pixels from one
 * window with vpermd. AVX2 rows hold two pixels in the two 128-bit lanes;
 * the SSE2 / SSSE3 / SSE4.1 twins take the same tables, a lane at a time.
 */
#include <stddef.h>
#include <string.h>

#include "dsp.h"
#include "rows-arith.h"
#include "model.h"

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)

#include <immintrin.h>

#define AVX2 __attribute__ ((target ("avx2")))
#define SSSE3 __attribute__ ((target ("ssse3")))
#define SSE41 __attribute__ ((target ("sse4.1")))
/* inlined with constant channels: one body per layout */
#define AVX2_INLINE AVX2 __attribute__ ((always_inline))
#define SSSE3_INLINE SSSE3 __attribute__ ((always_inline))
#define SSE41_INLINE SSE41 __attribute__ ((always_inline))

/* up to this many weight pairs of a vertical row on the stack; more
 * (absurd windows) are read from the weights as they go */
#define V_STACK_PAIRS 64

/* ------------------------------------------ the references' arithmetic */

/* v_int8_in on samples [x, width) */
static inline void
v_int8_in_scalar (int16_t *o, const uint8_t *const *l, const int16_t *w, int n,
    int x, int width)
{
  for (; x < width; x++) {
    int32_t acc = 0;
    for (int k = 0; k < n; k++)
      acc += (int32_t) l[k][x] * w[k];
    o[x] = int8_inter (acc);
  }
}

/* h_int8_out's output pixel i */
static inline void
h_int8_out_pixel (uint8_t *o, const int16_t *l, const AsPass *p, int i)
{
  int ch = p->channels;
  const int16_t *s = l + (size_t) p->offset[i] * ch;
  const int16_t *w = WROW (int16_t, p, i);

  for (int c = 0; c < ch; c++) {
    int32_t acc = 0;
    for (int k = 0; k < p->n_taps; k++)
      acc += (int32_t) s[k * ch + c] * w[k];
    o[(size_t) i * ch + c] = int8_final (acc, p->maxval);
  }
}

static inline void
v_int8_out_scalar (uint8_t *o, const int16_t *const *l, const int16_t *w, int n,
    int maxval, int x, int width)
{
  for (; x < width; x++) {
    int32_t acc = 0;
    for (int k = 0; k < n; k++)
      acc += (int32_t) l[k][x] * w[k];
    o[x] = int8_final (acc, maxval);
  }
}

/* h_int8_in's output pixel i */
static inline void
h_int8_in_pixel (int16_t *o, const uint8_t *l, const AsPass *p, int i)
{
  int ch = p->channels;
  const uint8_t *s = l + (size_t) p->offset[i] * ch;
  const int16_t *w = WROW (int16_t, p, i);

  for (int c = 0; c < ch; c++) {
    int32_t acc = 0;
    for (int k = 0; k < p->n_taps; k++)
      acc += (int32_t) s[k * ch + c] * w[k];
    o[(size_t) i * ch + c] = int8_inter (acc);
  }
}

/* ---------------------------------------------------------- sum model */

static inline uint16_t
mulhu16 (uint16_t a, uint16_t w)
{
  return (uint16_t) (((uint32_t) a * w) >> 16);
}

static inline void
v_sum8_in_scalar (uint16_t *o, const uint8_t *const *l, const uint16_t *w,
    int n, int x, int width)
{
  for (; x < width; x++) {
    uint16_t acc = (uint16_t) (n >> 1);
    for (int k = 0; k < n; k++)
      acc += mulhu16 ((uint16_t) (l[k][x] << 8), w[k]);
    o[x] = acc;
  }
}

static inline void
v_sum8_out_scalar (uint8_t *o, const uint16_t *const *l, const uint16_t *w,
    int n, int x, int width)
{
  for (; x < width; x++) {
    uint16_t acc = (uint16_t) (128 + (n >> 1));
    for (int k = 0; k < n; k++)
      acc += mulhu16 (l[k][x], w[k]);
    o[x] = (uint8_t) (acc >> 8);
  }
}

/* h_sum8_in's output pixel i */
static inline void
h_sum8_in_pixel (uint16_t *o, const uint8_t *l, const AsPass *p, int i)
{
  int ch = p->channels;
  const uint8_t *s = l + (size_t) p->offset[i] * ch;
  const uint16_t *w = WROW (uint16_t, p, i);

  for (int c = 0; c < ch; c++) {
    uint16_t acc = (uint16_t) (p->n_taps >> 1);
    for (int k = 0; k < p->n_taps; k++)
      acc += mulhu16 ((uint16_t) (s[k * ch + c] << 8), w[k]);
    o[(size_t) i * ch + c] = acc;
  }
}

/* h_sum8_out's output pixel i */
static inline void
h_sum8_out_pixel (uint8_t *o, const uint16_t *l, const AsPass *p, int i)
{
  int ch = p->channels;
  const uint16_t *s = l + (size_t) p->offset[i] * ch;
  const uint16_t *w = WROW (uint16_t, p, i);

  for (int c = 0; c < ch; c++) {
    uint16_t acc = (uint16_t) (128 + (p->n_taps >> 1));
    for (int k = 0; k < p->n_taps; k++)
      acc += mulhu16 (s[k * ch + c], w[k]);
    o[(size_t) i * ch + c] = (uint8_t) (acc >> 8);
  }
}

/* ---------------------------------------------- int16: 30-bit weights */

static inline void
v_int16_in_scalar (int32_t *o, const uint16_t *const *l, const int32_t *w,
    int n, int x, int width)
{
  for (; x < width; x++) {
    int32_t acc = 0;
    for (int k = 0; k < n; k++)
      acc += mulhsl ((int32_t) l[k][x] << 15, w[k]);
    o[x] = acc;
  }
}

static inline void
v_int16_out_scalar (uint16_t *o, const int32_t *const *l, const int32_t *w,
    int n, int maxval, int x, int width)
{
  for (; x < width; x++) {
    int32_t acc = 0;
    for (int k = 0; k < n; k++)
      acc += mulhsl ((int32_t) ((uint32_t) l[k][x] << 1), w[k]);
    o[x] = int16_final (acc, maxval);
  }
}

/* h_int16_out's output pixel i */
static inline void
h_int16_out_pixel (uint16_t *o, const int32_t *l, const AsPass *p, int i)
{
  int ch = p->channels;
  const int32_t *s = l + (size_t) p->offset[i] * ch;
  const int32_t *w = WROW (int32_t, p, i);

  for (int c = 0; c < ch; c++) {
    int32_t acc = 0;
    for (int k = 0; k < p->n_taps; k++)
      acc += mulhsl ((int32_t) ((uint32_t) s[k * ch + c] << 1), w[k]);
    o[(size_t) i * ch + c] = int16_final (acc, p->maxval);
  }
}

/* h_int16_in's output pixel i */
static inline void
h_int16_in_pixel (int32_t *o, const uint16_t *l, const AsPass *p, int i)
{
  int ch = p->channels;
  const uint16_t *s = l + (size_t) p->offset[i] * ch;
  const int32_t *w = WROW (int32_t, p, i);

  for (int c = 0; c < ch; c++) {
    int32_t acc = 0;
    for (int k = 0; k < p->n_taps; k++)
      acc += mulhsl ((int32_t) s[k * ch + c] << 15, w[k]);
    o[(size_t) i * ch + c] = acc;
  }
}

/* ------------------------------------------------------ lerp: 16-bit */

static inline void
v_lerp16_in_scalar (uint32_t *d, const uint16_t *b, const uint16_t *o,
    uint32_t w, int x, int width)
{
  for (; x < width; x++)
    d[x] = lerp32 (
        (uint32_t) b[x] << 16 | 32768, (uint32_t) o[x] << 16 | 32768, w);
}

/* h_lerp16_out on output samples [from, to) */
static inline void
h_lerp16_out_scalar (
    uint16_t *d, const uint32_t *l, const AsPass *p, int from, int to)
{
  int ch = p->channels;

  for (int smp = from; smp < to; smp++) {
    int i = smp / ch, c = smp % ch;
    const uint32_t *b = l + (size_t) p->offset[i] * ch + c;
    uint32_t w = ((const uint32_t *) p->w)[i];
    d[smp] = (uint16_t) (lerp32 (*b, w ? b[ch] : *b, w) >> 16);
  }
}

static inline void
v_lerp16_out_scalar (uint16_t *d, const uint32_t *b, const uint32_t *o,
    uint32_t w, int x, int width)
{
  for (; x < width; x++)
    d[x] = (uint16_t) (lerp32 (b[x], o[x], w) >> 16);
}

/* h_lerp16_in on output samples [from, to) */
static inline void
h_lerp16_in_scalar (
    uint32_t *d, const uint16_t *l, const AsPass *p, int from, int to)
{
  int ch = p->channels;

  for (int smp = from; smp < to; smp++) {
    int i = smp / ch, c = smp % ch;
    const uint16_t *b = l + (size_t) p->offset[i] * ch + c;
    uint32_t w = ((const uint32_t *) p->w)[i];
    uint16_t o = w ? b[ch] : *b;
    d[smp] = lerp32 (
        (uint32_t) *b << 16 | 32768, (uint32_t) o << 16 | 32768, w);
  }
}

/* --------------------------------------- horizontal windows and tables */

/* A horizontal row reads output pixel i's taps in `steps` windows of
 * `spw` samples (16 bytes), the window of step s at sample
 * start[i] + s * stride of the line, stride = t * ch for t taps a step.
 * The taps of a window are virtual taps start[i] + s t .. : pixel i's real
 * tap k is virtual tap d + k, d = offset[i] - start[i]; the others weigh
 * 0. start[i] is offset[i], moved left near the end of the line so that
 * no window reads past it; a pixel whose taps do not fit its windows
 * then (3 channels, whose windows read a sample or two past their taps,
 * at the last pixel; lines shorter than a window) is a "fix" pixel: the
 * vector path reads the line's start with weights 0 for it, and the
 * scalar reference writes it after.
 *
 * Pixels go in groups of 8, four registers of two lanes: register u
 * holds pixels 8 g + u (lane 0) and 8 g + u + 4 (lane 1). The weights of
 * group g, step s, register u are wbytes per lane (lane 0 then lane 1). A
 * last group of fewer pixels is padded with pixels of weight 0 reading the
 * line's start. */
typedef struct
{
  int32_t groups;  /* groups of 8 pixels (the last one may be partial) */
  int32_t steps;   /* windows per pixel */
  int32_t n_fix;   /* pixels left to the scalar reference */
  int32_t vector;  /* 0: the line is too short for a window: all scalar */
  uint32_t at_fix; /* bytes from the table's start: int32 fix[n_fix] */
  uint32_t at_w;   /* the weights (32-byte aligned) */
  int32_t start[]; /* [groups * 8]: each pixel's first window (sample) */
} TapsTable;

static inline size_t
taps_align (size_t v)
{
  return (v + 31) & ~(size_t) 31;
}

/* the table's layout for out_len pixels, n_fix of them fix pixels and
 * wbytes of weights per lane a step: returns its size (0 past 32-bit
 * positions) */
static size_t
taps_layout (TapsTable *t, int out_len, int steps, int n_fix, size_t wbytes)
{
  size_t groups = ((size_t) out_len + 7) / 8;
  size_t at_fix = offsetof (TapsTable, start) + groups * 8 * sizeof (int32_t);
  size_t at_w = taps_align (at_fix + (size_t) n_fix * sizeof (int32_t));
  size_t bytes = at_w + groups * steps * 8 * wbytes;

  if (bytes > UINT32_MAX)
    return 0;
  if (t) {
    t->groups = (int32_t) groups;
    t->steps = steps;
    t->n_fix = n_fix;
    t->at_fix = (uint32_t) at_fix;
    t->at_w = (uint32_t) at_w;
  }
  return bytes;
}

/* a table that sends every pixel to the scalar reference (more than 4
 * channels; tables past 4 GiB) */
static size_t
taps_none (TapsTable *t)
{
  if (t) {
    memset (t, 0, sizeof (*t));
    t->vector = 0;
  }
  return sizeof (TapsTable);
}

/* where pixel i's first window starts (pixels) so its windows stay in the
 * line; -1: its taps do not fit them (a fix pixel) */
static inline int
taps_start (const AsPass *p, int i, int t, int steps, int spw)
{
  int ch = p->channels, len = p->in_len * ch;
  int last = (len - spw - (steps - 1) * t * ch) / ch; /* the last safe start */
  int st = p->offset[i] < last ? p->offset[i] : last;

  if (len - spw - (steps - 1) * t * ch < 0 || st < 0
      || p->offset[i] + p->n_taps > st + steps * t)
    return -1;
  return st;
}

/* the int32 fix list and start[] of a table; returns n_fix (counted when
 * t is NULL) */
static int
taps_starts (TapsTable *t, const AsPass *p, int taps, int steps, int spw)
{
  int n_fix = 0, ch = p->channels;
  int32_t *fix = t ? (int32_t *) ((uint8_t *) t + t->at_fix) : NULL;

  for (int i = 0; i < p->out_len; i++) {
    int st = taps_start (p, i, taps, steps, spw);
    if (st < 0) {
      if (fix)
        fix[n_fix] = i;
      n_fix++;
    }
    if (t)
      t->start[i] = st < 0 ? 0 : st * ch;
  }
  if (t) {
    for (int i = p->out_len; i < t->groups * 8; i++)
      t->start[i] = 0;
    /* a padded or fix pixel reads from 0: only when that is safe */
    t->vector = p->in_len * ch - spw - (steps - 1) * taps * ch >= 0;
  }
  return n_fix;
}

/* the weights of (pixel i, step s) in t: the lane's words */
static inline int16_t *
taps_lane (TapsTable *t, int i, int s, size_t wbytes)
{
  int g = i / 8, u = i % 8;
  size_t reg = ((size_t) g * t->steps + s) * 4 + u % 4;

  return (int16_t *) ((uint8_t *) t + t->at_w
      + (reg * 2 + (size_t) (u / 4)) * wbytes);
}

/* ------------------------------------- int8 and sum: horizontal tables */

/* 8 samples a window (h_int8_out: int16, 16 bytes; h_int8_in: uint8, 8
 * bytes zero-extended by pshufb, ctrl8u): one table serves both rows, as
 * the pass has one for either order. pmaddwd adds word pairs. The words
 * of a window, after pshufb (ctrl8), are (tap, channel):
 *   1 channel:  t0 .. t7 (as loaded)
 *   2 channels: t0c0 t1c0 t2c0 t3c0 t0c1 t1c1 t2c1 t3c1
 *   3:          t0c0 t1c0 t0c1 t1c1 t0c2 t1c2, two words of weight 0
 *   4:          t0c0 t1c0 t0c1 t1c1 t0c2 t1c2 t0c3 t1c3
 * so the four int32 sums of a lane are channel (1: all four; 2: c0 c0 c1
 * c1; 3, 4: c0 c1 c2 c3). */
#define W2(s) (uint8_t) (2 * (s)), (uint8_t) (2 * (s) + 1)
static const uint8_t ctrl8[4][16] = {
  { W2 (0), W2 (1), W2 (2), W2 (3), W2 (4), W2 (5), W2 (6), W2 (7) },
  { W2 (0), W2 (2), W2 (4), W2 (6), W2 (1), W2 (3), W2 (5), W2 (7) },
  { W2 (0), W2 (3), W2 (1), W2 (4), W2 (2), W2 (5), W2 (6), W2 (7) },
  { W2 (0), W2 (4), W2 (1), W2 (5), W2 (2), W2 (6), W2 (3), W2 (7) },
};
#undef W2
#define B2(s) (uint8_t) (s), 0x80
static const uint8_t ctrl8u[4][16] = {
  { B2 (0), B2 (1), B2 (2), B2 (3), B2 (4), B2 (5), B2 (6), B2 (7) },
  { B2 (0), B2 (2), B2 (4), B2 (6), B2 (1), B2 (3), B2 (5), B2 (7) },
  { B2 (0), B2 (3), B2 (1), B2 (4), B2 (2), B2 (5), B2 (6), B2 (7) },
  { B2 (0), B2 (4), B2 (1), B2 (5), B2 (2), B2 (6), B2 (3), B2 (7) },
};
#undef B2
/* h_sum8_in: the byte in the high half, s << 8 */
#define H2(s) 0x80, (uint8_t) (s)
static const uint8_t ctrl8h[4][16] = {
  { H2 (0), H2 (1), H2 (2), H2 (3), H2 (4), H2 (5), H2 (6), H2 (7) },
  { H2 (0), H2 (2), H2 (4), H2 (6), H2 (1), H2 (3), H2 (5), H2 (7) },
  { H2 (0), H2 (3), H2 (1), H2 (4), H2 (2), H2 (5), H2 (6), H2 (7) },
  { H2 (0), H2 (4), H2 (1), H2 (5), H2 (2), H2 (6), H2 (3), H2 (7) },
};
#undef H2

/* the tap (within its step) of word j of a window, or -1 (weight 0) */
static inline int
word8_tap (int ch, int j)
{
  switch (ch) {
    case 1:
      return j;
    case 2:
      return j % 4;
    case 3:
      return j < 6 ? j % 2 : -1;
    default:
      return j % 2;
  }
}

/* the table of 16-bit weights: the int8 model's int16 and the sum
 * model's uint16 (the same bits) */
static size_t
h_words_prep (void *aux, const AsPass *p)
{
  int ch = p->channels, t, steps, n_fix;
  TapsTable *tab = aux;
  const int16_t *w = p->w;
  size_t bytes;

  if (ch > 4 || p->n_taps < 1)
    return taps_none (tab);
  t = 8 / ch;
  steps = (p->n_taps + t - 1) / t;
  n_fix = taps_starts (NULL, p, t, steps, 8);
  bytes = taps_layout (NULL, p->out_len, steps, n_fix, 16);
  if (!bytes)
    return taps_none (tab);
  if (!aux)
    return bytes;
  memset (aux, 0, bytes);
  taps_layout (tab, p->out_len, steps, n_fix, 16);
  taps_starts (tab, p, t, steps, 8);
  for (int i = 0; i < p->out_len; i++) {
    int st = taps_start (p, i, t, steps, 8);
    if (st < 0)
      continue; /* weight 0: the scalar reference writes it */
    for (int s = 0; s < steps; s++) {
      int16_t *lw = taps_lane (tab, i, s, 16);
      for (int j = 0; j < 8; j++) {
        int q = word8_tap (ch, j);
        int k = q < 0 ? -1 : s * t + q - (p->offset[i] - st);
        lw[j] = k >= 0 && k < p->n_taps ? w[(size_t) i * p->n_taps + k] : 0;
      }
    }
  }
  return bytes;
}

/* -------------------------------------------- int16: horizontal tables */

/* int32 samples (h_int16_out), or uint16 ones widened (h_int16_in, 8-byte
 * windows: one table for either order), 4 a window (t = 4 / ch taps a
 * step), as loaded: slot j
 * is tap j / ch, channel j % ch (3 channels: slot 3, the next pixel's,
 * weighs 0). pmuldq multiplies slots 0 and 2 by the even weights, slots
 * 1 and 3 (shifted down) by the odd ones: a lane's weights are 32 bytes,
 * slots 0, -, 2, - then 1, -, 3, - as int32. In a register's 64 bytes
 * the even weights of both lanes come first, then the odd ones. */
static size_t
h_int16_prep (void *aux, const AsPass *p)
{
  int ch = p->channels, t, steps, n_fix;
  TapsTable *tab = aux;
  const int32_t *w = p->w;
  size_t bytes;

  if (ch > 4 || p->n_taps < 1)
    return taps_none (tab);
  t = 4 / ch;
  steps = (p->n_taps + t - 1) / t;
  n_fix = taps_starts (NULL, p, t, steps, 4);
  bytes = taps_layout (NULL, p->out_len, steps, n_fix, 32);
  if (!bytes)
    return taps_none (tab);
  if (!aux)
    return bytes;
  memset (aux, 0, bytes);
  taps_layout (tab, p->out_len, steps, n_fix, 32);
  taps_starts (tab, p, t, steps, 4);
  for (int i = 0; i < p->out_len; i++) {
    int st = taps_start (p, i, t, steps, 4), u = i % 8;
    if (st < 0)
      continue;
    for (int s = 0; s < steps; s++) {
      size_t reg = ((size_t) (i / 8) * steps + s) * 4 + u % 4;
      int32_t *rw = (int32_t *) ((uint8_t *) tab + tab->at_w + reg * 64);
      for (int j = 0; j < 4; j++) {
        int q = j / ch;
        int k = q >= t ? -1 : s * t + q - (p->offset[i] - st);
        /* even slots: dwords 0, 2 of the first half; odd: of the second */
        rw[(j % 2) * 8 + (u / 4) * 4 + (j / 2) * 2] = k >= 0 && k < p->n_taps
            ? w[(size_t) i * p->n_taps + k]
            : 0;
      }
    }
  }
  return bytes;
}

/* ================================================================ AVX2 */

/* ------------------------------------------------ int8: vertical in */

/* 32 samples a block in four accumulators over all the taps, two rows a
 * step: punpck{l,h}bw pairs the rows' bytes, again with zeros to words,
 * and pmaddwd by the pair of weights: [0-3 | 16-19], [4-7 | 20-23],
 * [8-11 | 24-27], [12-15 | 28-31] */
static AVX2 void
avx2_v_int8_in (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const uint8_t *const *l = (const uint8_t *const *) src;
  const int16_t *w = WROW (int16_t, p, j);
  int n = p->n_taps, pairs = (n + 1) / 2, x = 0;
  int16_t *o = dst;
  int32_t wp[V_STACK_PAIRS];
  const __m256i zero = _mm256_setzero_si256 (),
                half = _mm256_set1_epi32 (1 << (AS_PASS1_SHIFT_8 - 1));

  (void) s;
  if (pairs > V_STACK_PAIRS)
    goto tail;
  for (int q = 0; q < pairs; q++)
    wp[q] = (int32_t) ((uint32_t) (uint16_t) w[2 * q]
        | (2 * q + 1 < n ? (uint32_t) (uint16_t) w[2 * q + 1] << 16 : 0));
  for (; x + 32 <= width; x += 32) {
    __m256i a0 = zero, a1 = zero, a2 = zero, a3 = zero;
    for (int q = 0; q < pairs; q++) {
      const uint8_t *r0 = l[2 * q], *r1 = 2 * q + 1 < n ? l[2 * q + 1] : r0;
      __m256i u = _mm256_loadu_si256 ((const __m256i *) (r0 + x));
      __m256i v = _mm256_loadu_si256 ((const __m256i *) (r1 + x));
      __m256i lo = _mm256_unpacklo_epi8 (u, v),
              hi = _mm256_unpackhi_epi8 (u, v);
      __m256i k = _mm256_set1_epi32 (wp[q]);
      a0 = _mm256_add_epi32 (
          a0, _mm256_madd_epi16 (_mm256_unpacklo_epi8 (lo, zero), k));
      a1 = _mm256_add_epi32 (
          a1, _mm256_madd_epi16 (_mm256_unpackhi_epi8 (lo, zero), k));
      a2 = _mm256_add_epi32 (
          a2, _mm256_madd_epi16 (_mm256_unpacklo_epi8 (hi, zero), k));
      a3 = _mm256_add_epi32 (
          a3, _mm256_madd_epi16 (_mm256_unpackhi_epi8 (hi, zero), k));
    }
    a0 = _mm256_srai_epi32 (_mm256_add_epi32 (a0, half), AS_PASS1_SHIFT_8);
    a1 = _mm256_srai_epi32 (_mm256_add_epi32 (a1, half), AS_PASS1_SHIFT_8);
    a2 = _mm256_srai_epi32 (_mm256_add_epi32 (a2, half), AS_PASS1_SHIFT_8);
    a3 = _mm256_srai_epi32 (_mm256_add_epi32 (a3, half), AS_PASS1_SHIFT_8);
    /* the intermediate fits int16 (model.h): the saturation never acts */
    a0 = _mm256_packs_epi32 (a0, a1); /* 0-7 | 16-23 */
    a2 = _mm256_packs_epi32 (a2, a3); /* 8-15 | 24-31 */
    _mm256_storeu_si256 (
        (__m256i *) (o + x), _mm256_permute2x128_si256 (a0, a2, 0x20));
    _mm256_storeu_si256 (
        (__m256i *) (o + x + 16), _mm256_permute2x128_si256 (a0, a2, 0x31));
  }
tail:
  v_int8_in_scalar (o, l, w, n, x, width);
}

/* ---------------------------------------- int8 and sum: horizontal out */

/* the windows of the group's step s into a[4]: int8, pmaddwd by the
 * weights into int32 sums; sum, pmulhuw by them into uint16 sums */
static inline AVX2_INLINE void
avx2_h8_step (__m256i *a, const int16_t *l, const int32_t *st, int off,
    const int16_t *wt, __m256i ctrl, int ch, int first, int sum)
{
#pragma GCC unroll 4
  for (int u = 0; u < 4; u++) {
    __m256i v = _mm256_inserti128_si256 (
        _mm256_castsi128_si256 (
            _mm_loadu_si128 ((const __m128i *) (l + st[u] + off))),
        _mm_loadu_si128 ((const __m128i *) (l + st[u + 4] + off)), 1);
    __m256i k = _mm256_loadu_si256 ((const __m256i *) (wt + 16 * u));
    if (ch != 1)
      v = _mm256_shuffle_epi8 (v, ctrl);
    if (sum)
      a[u] = first ? _mm256_mulhi_epu16 (v, k)
                   : _mm256_add_epi16 (a[u], _mm256_mulhi_epu16 (v, k));
    else
      a[u] = first ? _mm256_madd_epi16 (v, k)
                   : _mm256_add_epi32 (a[u], _mm256_madd_epi16 (v, k));
  }
}

/* the sum model's uint16 sums of word pairs as int32: their low 16 bits
 * are the reference's wrapping sums */
static inline AVX2_INLINE void
avx2_pairs (__m256i *a)
{
  const __m256i ones = _mm256_set1_epi16 (1);

#pragma GCC unroll 4
  for (int u = 0; u < 4; u++)
    a[u] = _mm256_madd_epi16 (a[u], ones);
}

/* the rows' last step on int32 sums: int8 (acc + 2^19) >> 20, clamped
 * by the packs after; sum ((acc + start) mod 2^16) >> 8 */
static inline AVX2_INLINE __m256i
avx2_fin8 (__m256i v, int sum, __m256i start)
{
  if (sum)
    return _mm256_srli_epi32 (
        _mm256_slli_epi32 (_mm256_add_epi32 (v, start), 16), 24);
  return _mm256_srai_epi32 (
      _mm256_add_epi32 (v, _mm256_set1_epi32 (1 << (AS_PASS2_SHIFT_8 - 1))),
      AS_PASS2_SHIFT_8);
}

/* the group's sums to bytes in pixel order: 8 ch bytes at o (3 channels:
 * 24 bytes), through a buffer when the group has only m pixels */
static inline AVX2_INLINE void
avx2_h8_store (uint8_t *o, __m256i *a, int ch, int m, int sum, __m256i start)
{
  __m256i r, b;
  uint8_t buf[32];
  uint8_t *d = m == 8 ? o : buf;

  if (ch == 1) {
    /* [p0 p1 p2 p3 | p4 p5 p6 p7] */
    r = _mm256_hadd_epi32 (
        _mm256_hadd_epi32 (a[0], a[1]), _mm256_hadd_epi32 (a[2], a[3]));
    r = avx2_fin8 (r, sum, start);
    r = _mm256_packs_epi32 (r, r);
    r = _mm256_packus_epi16 (r, r);
    r = _mm256_permutevar8x32_epi32 (
        r, _mm256_setr_epi32 (0, 4, 0, 0, 0, 0, 0, 0));
    _mm_storel_epi64 ((__m128i *) d, _mm256_castsi256_si128 (r));
  } else if (ch == 2) {
    /* [p0 p1 | p4 p5], [p2 p3 | p6 p7], two channels each */
    r = avx2_fin8 (_mm256_hadd_epi32 (a[0], a[1]), sum, start);
    b = avx2_fin8 (_mm256_hadd_epi32 (a[2], a[3]), sum, start);
    r = _mm256_packs_epi32 (r, b); /* [p0-p3 | p4-p7] */
    r = _mm256_packus_epi16 (r, r);
    r = _mm256_permute4x64_epi64 (r, 0x08);
    _mm_storeu_si128 ((__m128i *) d, _mm256_castsi256_si128 (r));
  } else {
    /* [p0 | p4] .. [p3 | p7], four channels (3: the last is 0) */
    r = _mm256_packs_epi32 (
        avx2_fin8 (a[0], sum, start), avx2_fin8 (a[1], sum, start));
    b = _mm256_packs_epi32 (
        avx2_fin8 (a[2], sum, start), avx2_fin8 (a[3], sum, start));
    r = _mm256_packus_epi16 (r, b); /* [p0-p3 | p4-p7], 4 bytes each */
    if (ch == 4) {
      _mm256_storeu_si256 ((__m256i *) d, r);
    } else {
      const __m256i pick = _mm256_setr_epi8 (0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13,
          14, -1, -1, -1, -1, 0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, -1, -1,
          -1, -1);
      r = _mm256_shuffle_epi8 (r, pick);
      r = _mm256_permutevar8x32_epi32 (
          r, _mm256_setr_epi32 (0, 1, 2, 4, 5, 6, 3, 7));
      _mm_storeu_si128 ((__m128i *) d, _mm256_castsi256_si128 (r));
      _mm_storel_epi64 ((__m128i *) (d + 16), _mm256_extracti128_si256 (r, 1));
    }
  }
  if (m < 8)
    memcpy (o, buf, (size_t) m * ch);
}

/* h_int8_out (sum 0) and h_sum8_out (sum 1) */
static inline AVX2_INLINE void
avx2_h8_run (uint8_t *o, const void *src, const AsPass *p, int ch, int sum)
{
  const TapsTable *t = p->aux;
  int steps = t->steps, stride = 8 / ch * ch;
  const int16_t *l = src,
                *wt = (const int16_t *) ((const uint8_t *) t + t->at_w);
  const int32_t *fix = (const int32_t *) ((const uint8_t *) t + t->at_fix);
  const __m256i ctrl = _mm256_broadcastsi128_si256 (
      _mm_loadu_si128 ((const __m128i *) ctrl8[ch - 1]));
  const __m256i start = _mm256_set1_epi32 (128 + (p->n_taps >> 1));

  for (int g = 0; g < t->groups; g++) {
    const int32_t *st = t->start + 8 * g;
    int m = p->out_len - 8 * g < 8 ? p->out_len - 8 * g : 8;
    __m256i a[4];
    avx2_h8_step (a, l, st, 0, wt, ctrl, ch, 1, sum);
    wt += 64;
    for (int s = 1; s < steps; s++, wt += 64)
      avx2_h8_step (a, l, st, s * stride, wt, ctrl, ch, 0, sum);
    if (sum)
      avx2_pairs (a);
    avx2_h8_store (o + (size_t) 8 * g * ch, a, ch, m, sum, start);
  }
  for (int f = 0; f < t->n_fix; f++)
    if (sum)
      h_sum8_out_pixel (o, src, p, fix[f]);
    else
      h_int8_out_pixel (o, src, p, fix[f]);
}

static AVX2 void
avx2_h_int8_out (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  const TapsTable *t = p->aux;

  (void) s;
  if (!t || !t->vector || p->maxval != 255) {
    for (int i = 0; i < p->out_len; i++)
      h_int8_out_pixel (dst, src, p, i);
    return;
  }
  switch (p->channels) {
    case 1:
      avx2_h8_run (dst, src, p, 1, 0);
      break;
    case 2:
      avx2_h8_run (dst, src, p, 2, 0);
      break;
    case 3:
      avx2_h8_run (dst, src, p, 3, 0);
      break;
    default:
      avx2_h8_run (dst, src, p, 4, 0);
      break;
  }
}

static AVX2 void
avx2_h_sum8_out (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  const TapsTable *t = p->aux;

  (void) s;
  if (!t || !t->vector) {
    for (int i = 0; i < p->out_len; i++)
      h_sum8_out_pixel (dst, src, p, i);
    return;
  }
  switch (p->channels) {
    case 1:
      avx2_h8_run (dst, src, p, 1, 1);
      break;
    case 2:
      avx2_h8_run (dst, src, p, 2, 1);
      break;
    case 3:
      avx2_h8_run (dst, src, p, 3, 1);
      break;
    default:
      avx2_h8_run (dst, src, p, 4, 1);
      break;
  }
}

/* ------------------------------------------------- int8: vertical out */

/* punpck{l,h}wd pairs two rows' words for pmaddwd: 32 samples a block,
 * [0-3 | 8-11], [4-7 | 12-15], then 16-31 the same */
static AVX2 void
avx2_v_int8_out (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const int16_t *const *l = (const int16_t *const *) src;
  const int16_t *w = WROW (int16_t, p, j);
  int n = p->n_taps, pairs = (n + 1) / 2, x = 0;
  uint8_t *o = dst;
  int32_t wp[V_STACK_PAIRS];
  const __m256i zero = _mm256_setzero_si256 (),
                half = _mm256_set1_epi32 (1 << (AS_PASS2_SHIFT_8 - 1));

  (void) s;
  if (pairs > V_STACK_PAIRS || p->maxval != 255)
    goto tail;
  for (int q = 0; q < pairs; q++)
    wp[q] = (int32_t) ((uint32_t) (uint16_t) w[2 * q]
        | (2 * q + 1 < n ? (uint32_t) (uint16_t) w[2 * q + 1] << 16 : 0));
  for (; x + 32 <= width; x += 32) {
    __m256i a0 = zero, a1 = zero, a2 = zero, a3 = zero;
    for (int q = 0; q < pairs; q++) {
      const int16_t *r0 = l[2 * q], *r1 = 2 * q + 1 < n ? l[2 * q + 1] : r0;
      __m256i u0 = _mm256_loadu_si256 ((const __m256i *) (r0 + x));
      __m256i v0 = _mm256_loadu_si256 ((const __m256i *) (r1 + x));
      __m256i u1 = _mm256_loadu_si256 ((const __m256i *) (r0 + x + 16));
      __m256i v1 = _mm256_loadu_si256 ((const __m256i *) (r1 + x + 16));
      __m256i k = _mm256_set1_epi32 (wp[q]);
      a0 = _mm256_add_epi32 (
          a0, _mm256_madd_epi16 (_mm256_unpacklo_epi16 (u0, v0), k));
      a1 = _mm256_add_epi32 (
          a1, _mm256_madd_epi16 (_mm256_unpackhi_epi16 (u0, v0), k));
      a2 = _mm256_add_epi32 (
          a2, _mm256_madd_epi16 (_mm256_unpacklo_epi16 (u1, v1), k));
      a3 = _mm256_add_epi32 (
          a3, _mm256_madd_epi16 (_mm256_unpackhi_epi16 (u1, v1), k));
    }
    a0 = _mm256_srai_epi32 (_mm256_add_epi32 (a0, half), AS_PASS2_SHIFT_8);
    a1 = _mm256_srai_epi32 (_mm256_add_epi32 (a1, half), AS_PASS2_SHIFT_8);
    a2 = _mm256_srai_epi32 (_mm256_add_epi32 (a2, half), AS_PASS2_SHIFT_8);
    a3 = _mm256_srai_epi32 (_mm256_add_epi32 (a3, half), AS_PASS2_SHIFT_8);
    /* 0-15, 16-31 as int16 (saturating as the clamp does), then bytes
     * [0-7, 16-23 | 8-15, 24-31] */
    a0 = _mm256_packus_epi16 (
        _mm256_packs_epi32 (a0, a1), _mm256_packs_epi32 (a2, a3));
    _mm256_storeu_si256 (
        (__m256i *) (o + x), _mm256_permute4x64_epi64 (a0, 0xd8));
  }
tail:
  v_int8_out_scalar (o, l, w, n, p->maxval, x, width);
}

/* ----------------------------------------- int8 and sum: horizontal in */

/* avx2_h8_step on uint8 lines: 8-byte windows (ctrl: ctrl8u, or ctrl8h
 * for the sum model's s << 8) */
static inline AVX2_INLINE void
avx2_h8in_step (__m256i *a, const uint8_t *l, const int32_t *st, int off,
    const int16_t *wt, __m256i ctrl, int first, int sum)
{
#pragma GCC unroll 4
  for (int u = 0; u < 4; u++) {
    __m256i v = _mm256_inserti128_si256 (
        _mm256_castsi128_si256 (
            _mm_loadl_epi64 ((const __m128i *) (l + st[u] + off))),
        _mm_loadl_epi64 ((const __m128i *) (l + st[u + 4] + off)), 1);
    __m256i k = _mm256_loadu_si256 ((const __m256i *) (wt + 16 * u));
    v = _mm256_shuffle_epi8 (v, ctrl);
    if (sum)
      a[u] = first ? _mm256_mulhi_epu16 (v, k)
                   : _mm256_add_epi16 (a[u], _mm256_mulhi_epu16 (v, k));
    else
      a[u] = first ? _mm256_madd_epi16 (v, k)
                   : _mm256_add_epi32 (a[u], _mm256_madd_epi16 (v, k));
  }
}

/* int8 (acc + 2^7) >> 8; sum (acc + start) mod 2^16, as int16 bits */
static inline AVX2_INLINE __m256i
avx2_fin16 (__m256i v, int sum, __m256i start)
{
  if (sum)
    return _mm256_srai_epi32 (
        _mm256_slli_epi32 (_mm256_add_epi32 (v, start), 16), 16);
  return _mm256_srai_epi32 (
      _mm256_add_epi32 (v, _mm256_set1_epi32 (1 << (AS_PASS1_SHIFT_8 - 1))),
      AS_PASS1_SHIFT_8);
}

/* the group's sums to int16 in pixel order (8 ch at o), through a buffer
 * when the group has only m pixels */
#define FIN(v) avx2_fin16 (v, sum, start)
static inline AVX2_INLINE void
avx2_h8in_store (int16_t *o, __m256i *a, int ch, int m, int sum, __m256i start)
{
  int16_t buf[32];
  int16_t *d = m == 8 ? o : buf;
  __m256i r, b;

  if (ch == 1) {
    r = FIN (_mm256_hadd_epi32 (
        _mm256_hadd_epi32 (a[0], a[1]), _mm256_hadd_epi32 (a[2], a[3])));
    r = _mm256_permute4x64_epi64 (_mm256_packs_epi32 (r, r), 0x08);
    _mm_storeu_si128 ((__m128i *) d, _mm256_castsi256_si128 (r));
  } else if (ch == 2) {
    r = FIN (_mm256_hadd_epi32 (a[0], a[1]));
    b = FIN (_mm256_hadd_epi32 (a[2], a[3]));
    _mm256_storeu_si256 ((__m256i *) d, _mm256_packs_epi32 (r, b));
  } else {
    /* [p0 p1 | p4 p5], [p2 p3 | p6 p7], four words each */
    r = _mm256_packs_epi32 (FIN (a[0]), FIN (a[1]));
    b = _mm256_packs_epi32 (FIN (a[2]), FIN (a[3]));
    a[0] = _mm256_permute2x128_si256 (r, b, 0x20);
    a[1] = _mm256_permute2x128_si256 (r, b, 0x31);
    if (ch == 4) {
      _mm256_storeu_si256 ((__m256i *) d, a[0]);
      _mm256_storeu_si256 ((__m256i *) (d + 16), a[1]);
    } else {
      const __m256i pick = _mm256_setr_epi8 (0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12,
          13, -1, -1, -1, -1, 0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, -1, -1,
          -1, -1);
      const __m256i order = _mm256_setr_epi32 (0, 1, 2, 4, 5, 6, 3, 7);
      for (int h = 0; h < 2; h++) {
        r = _mm256_permutevar8x32_epi32 (
            _mm256_shuffle_epi8 (a[h], pick), order);
        _mm_storeu_si128 ((__m128i *) (d + 12 * h), _mm256_castsi256_si128 (r));
        _mm_storel_epi64 (
            (__m128i *) (d + 12 * h + 8), _mm256_extracti128_si256 (r, 1));
      }
    }
  }
  if (m < 8)
    memcpy (o, buf, (size_t) m * ch * sizeof (int16_t));
}
#undef FIN

/* h_int8_in (sum 0) and h_sum8_in (sum 1) */
static inline AVX2_INLINE void
avx2_h8in_run (int16_t *o, const uint8_t *l, const AsPass *p, int ch, int sum)
{
  const TapsTable *t = p->aux;
  int steps = t->steps, stride = 8 / ch * ch;
  const int16_t *wt = (const int16_t *) ((const uint8_t *) t + t->at_w);
  const int32_t *fix = (const int32_t *) ((const uint8_t *) t + t->at_fix);
  const __m256i ctrl = _mm256_broadcastsi128_si256 (_mm_loadu_si128 (
      (const __m128i *) (sum ? ctrl8h[ch - 1] : ctrl8u[ch - 1])));
  const __m256i start = _mm256_set1_epi32 (p->n_taps >> 1);

  for (int g = 0; g < t->groups; g++) {
    const int32_t *st = t->start + 8 * g;
    int m = p->out_len - 8 * g < 8 ? p->out_len - 8 * g : 8;
    __m256i a[4];
    avx2_h8in_step (a, l, st, 0, wt, ctrl, 1, sum);
    wt += 64;
    for (int s = 1; s < steps; s++, wt += 64)
      avx2_h8in_step (a, l, st, s * stride, wt, ctrl, 0, sum);
    if (sum)
      avx2_pairs (a);
    avx2_h8in_store (o + (size_t) 8 * g * ch, a, ch, m, sum, start);
  }
  for (int f = 0; f < t->n_fix; f++)
    if (sum)
      h_sum8_in_pixel ((uint16_t *) o, l, p, fix[f]);
    else
      h_int8_in_pixel (o, l, p, fix[f]);
}

static AVX2 void
avx2_h_int8_in (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  const TapsTable *t = p->aux;

  (void) s;
  if (!t || !t->vector) {
    for (int i = 0; i < p->out_len; i++)
      h_int8_in_pixel (dst, src, p, i);
    return;
  }
  switch (p->channels) {
    case 1:
      avx2_h8in_run (dst, src, p, 1, 0);
      break;
    case 2:
      avx2_h8in_run (dst, src, p, 2, 0);
      break;
    case 3:
      avx2_h8in_run (dst, src, p, 3, 0);
      break;
    default:
      avx2_h8in_run (dst, src, p, 4, 0);
      break;
  }
}

static AVX2 void
avx2_h_sum8_in (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  const TapsTable *t = p->aux;

  (void) s;
  if (!t || !t->vector) {
    for (int i = 0; i < p->out_len; i++)
      h_sum8_in_pixel (dst, src, p, i);
    return;
  }
  switch (p->channels) {
    case 1:
      avx2_h8in_run (dst, src, p, 1, 1);
      break;
    case 2:
      avx2_h8in_run (dst, src, p, 2, 1);
      break;
    case 3:
      avx2_h8in_run (dst, src, p, 3, 1);
      break;
    default:
      avx2_h8in_run (dst, src, p, 4, 1);
      break;
  }
}

/* ------------------------------------------------ sum: vertical rows */

/* uint16 sums in 16-bit lanes, wrapping as the reference's: pmulhuw by
 * the broadcast weight; s << 8 is punpck{l,h}bw with zero low bytes.
 * 32 samples a block: [0-7 | 16-23], [8-15 | 24-31] */
static AVX2 void
avx2_v_sum8_in (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const uint8_t *const *l = (const uint8_t *const *) src;
  const uint16_t *w = WROW (uint16_t, p, j);
  int n = p->n_taps, x = 0;
  uint16_t *o = dst;
  const __m256i zero = _mm256_setzero_si256 (),
                start = _mm256_set1_epi16 ((int16_t) (n >> 1));

  (void) s;
  for (; x + 32 <= width; x += 32) {
    __m256i a0 = start, a1 = start;
    for (int k = 0; k < n; k++) {
      __m256i v = _mm256_loadu_si256 ((const __m256i *) (l[k] + x));
      __m256i wk = _mm256_set1_epi16 ((int16_t) w[k]);
      a0 = _mm256_add_epi16 (
          a0, _mm256_mulhi_epu16 (_mm256_unpacklo_epi8 (zero, v), wk));
      a1 = _mm256_add_epi16 (
          a1, _mm256_mulhi_epu16 (_mm256_unpackhi_epi8 (zero, v), wk));
    }
    _mm256_storeu_si256 (
        (__m256i *) (o + x), _mm256_permute2x128_si256 (a0, a1, 0x20));
    _mm256_storeu_si256 (
        (__m256i *) (o + x + 16), _mm256_permute2x128_si256 (a0, a1, 0x31));
  }
  v_sum8_in_scalar (o, l, w, n, x, width);
}

static AVX2 void
avx2_v_sum8_out (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const uint16_t *const *l = (const uint16_t *const *) src;
  const uint16_t *w = WROW (uint16_t, p, j);
  int n = p->n_taps, x = 0;
  uint8_t *o = dst;
  const __m256i start = _mm256_set1_epi16 ((int16_t) (128 + (n >> 1)));

  (void) s;
  for (; x + 32 <= width; x += 32) {
    __m256i a0 = start, a1 = start;
    for (int k = 0; k < n; k++) {
      __m256i wk = _mm256_set1_epi16 ((int16_t) w[k]);
      a0 = _mm256_add_epi16 (a0,
          _mm256_mulhi_epu16 (
              _mm256_loadu_si256 ((const __m256i *) (l[k] + x)), wk));
      a1 = _mm256_add_epi16 (a1,
          _mm256_mulhi_epu16 (
              _mm256_loadu_si256 ((const __m256i *) (l[k] + x + 16)), wk));
    }
    /* [0-7, 16-23 | 8-15, 24-31] */
    a0 = _mm256_packus_epi16 (
        _mm256_srli_epi16 (a0, 8), _mm256_srli_epi16 (a1, 8));
    _mm256_storeu_si256 (
        (__m256i *) (o + x), _mm256_permute4x64_epi64 (a0, 0xd8));
  }
  v_sum8_out_scalar (o, l, w, n, x, width);
}

/* ------------------------------------------------ int16: vertical rows */

/* pmuldq multiplies the even int32 slots: the odd samples are shifted
 * down a slot first. A 64-bit product's high half is mulhsl; the high
 * halves add in their slots (paddd does not carry between them), and
 * the even sums are shifted down and blended with the odd ones at the
 * end. 16 samples a block. */
static AVX2 void
avx2_v_int16_in (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const uint16_t *const *l = (const uint16_t *const *) src;
  const int32_t *w = WROW (int32_t, p, j);
  int n = p->n_taps, x = 0;
  int32_t *o = dst;
  const __m256i zero = _mm256_setzero_si256 ();

  (void) s;
  for (; x + 16 <= width; x += 16) {
    __m256i e0 = zero, o0 = zero, e1 = zero, o1 = zero;
    for (int k = 0; k < n; k++) {
      __m256i wk = _mm256_set1_epi32 (w[k]);
      /* s_even << 15 in the low slot of each 64 bits, s_odd << 15 */
      __m256i a = _mm256_cvtepu16_epi32 (
          _mm_loadu_si128 ((const __m128i *) (l[k] + x)));
      __m256i b = _mm256_cvtepu16_epi32 (
          _mm_loadu_si128 ((const __m128i *) (l[k] + x + 8)));
      e0 = _mm256_add_epi32 (
          e0, _mm256_mul_epi32 (_mm256_slli_epi64 (a, 15), wk));
      o0 = _mm256_add_epi32 (
          o0, _mm256_mul_epi32 (_mm256_srli_epi64 (a, 17), wk));
      e1 = _mm256_add_epi32 (
          e1, _mm256_mul_epi32 (_mm256_slli_epi64 (b, 15), wk));
      o1 = _mm256_add_epi32 (
          o1, _mm256_mul_epi32 (_mm256_srli_epi64 (b, 17), wk));
    }
    _mm256_storeu_si256 ((__m256i *) (o + x),
        _mm256_blend_epi32 (_mm256_srli_epi64 (e0, 32), o0, 0xaa));
    _mm256_storeu_si256 ((__m256i *) (o + x + 8),
        _mm256_blend_epi32 (_mm256_srli_epi64 (e1, 32), o1, 0xaa));
  }
  v_int16_in_scalar (o, l, w, n, x, width);
}

/* (r + 2^11) >> 12 clamped to [0, maxval] as 16-bit words (packusdw
 * clamps to [0, 65535]); r never comes near the int32 limits (model.h) */
static inline AVX2_INLINE __m256i
avx2_int16_final (__m256i r, __m256i r2, __m256i maxval)
{
  const __m256i half = _mm256_set1_epi32 (1 << 11);

  r = _mm256_srai_epi32 (_mm256_add_epi32 (r, half), 12);
  r2 = _mm256_srai_epi32 (_mm256_add_epi32 (r2, half), 12);
  return _mm256_min_epu16 (_mm256_packus_epi32 (r, r2), maxval);
}

static AVX2 void
avx2_v_int16_out (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const int32_t *const *l = (const int32_t *const *) src;
  const int32_t *w = WROW (int32_t, p, j);
  int n = p->n_taps, x = 0;
  uint16_t *o = dst;
  const __m256i zero = _mm256_setzero_si256 (),
                maxval = _mm256_set1_epi16 ((int16_t) p->maxval);

  (void) s;
  for (; x + 16 <= width; x += 16) {
    __m256i e0 = zero, o0 = zero, e1 = zero, o1 = zero;
    for (int k = 0; k < n; k++) {
      __m256i wk = _mm256_set1_epi32 (w[k]);
      __m256i a = _mm256_slli_epi32 (
          _mm256_loadu_si256 ((const __m256i *) (l[k] + x)), 1);
      __m256i b = _mm256_slli_epi32 (
          _mm256_loadu_si256 ((const __m256i *) (l[k] + x + 8)), 1);
      e0 = _mm256_add_epi32 (e0, _mm256_mul_epi32 (a, wk));
      o0 = _mm256_add_epi32 (
          o0, _mm256_mul_epi32 (_mm256_srli_epi64 (a, 32), wk));
      e1 = _mm256_add_epi32 (e1, _mm256_mul_epi32 (b, wk));
      o1 = _mm256_add_epi32 (
          o1, _mm256_mul_epi32 (_mm256_srli_epi64 (b, 32), wk));
    }
    e0 = _mm256_blend_epi32 (_mm256_srli_epi64 (e0, 32), o0, 0xaa);
    e1 = _mm256_blend_epi32 (_mm256_srli_epi64 (e1, 32), o1, 0xaa);
    /* [0-3, 8-11 | 4-7, 12-15] */
    e0 = _mm256_permute4x64_epi64 (avx2_int16_final (e0, e1, maxval), 0xd8);
    _mm256_storeu_si256 ((__m256i *) (o + x), e0);
  }
  v_int16_out_scalar (o, l, w, n, p->maxval, x, width);
}

/* ----------------------------------------------- int16: horizontal out */

static inline AVX2_INLINE void
avx2_h16_step (__m256i *a, const int32_t *l, const int32_t *st, int off,
    const int32_t *wt, int first)
{
#pragma GCC unroll 4
  for (int u = 0; u < 4; u++) {
    __m256i v = _mm256_inserti128_si256 (
        _mm256_castsi128_si256 (
            _mm_loadu_si128 ((const __m128i *) (l + st[u] + off))),
        _mm_loadu_si128 ((const __m128i *) (l + st[u + 4] + off)), 1);
    __m256i pe, po;
    v = _mm256_slli_epi32 (v, 1);
    pe = _mm256_mul_epi32 (
        v, _mm256_loadu_si256 ((const __m256i *) (wt + 16 * u)));
    po = _mm256_mul_epi32 (_mm256_srli_epi64 (v, 32),
        _mm256_loadu_si256 ((const __m256i *) (wt + 16 * u + 8)));
    /* the products' high halves in slot order */
    v = _mm256_blend_epi32 (_mm256_srli_epi64 (pe, 32), po, 0xaa);
    a[u] = first ? v : _mm256_add_epi32 (a[u], v);
  }
}

/* the group's slot sums to words in pixel order (8 ch words at o),
 * through a buffer when the group has only m pixels */
static inline AVX2_INLINE void
avx2_h16_store (uint16_t *o, __m256i *a, int ch, int m, __m256i maxval)
{
  uint16_t buf[32];
  uint16_t *d = m == 8 ? o : buf;
  __m256i r, b;

  if (ch == 1) {
    /* [p0 p1 p2 p3 | p4 p5 p6 p7] */
    r = _mm256_hadd_epi32 (
        _mm256_hadd_epi32 (a[0], a[1]), _mm256_hadd_epi32 (a[2], a[3]));
    r = _mm256_permute4x64_epi64 (avx2_int16_final (r, r, maxval), 0x08);
    _mm_storeu_si128 ((__m128i *) d, _mm256_castsi256_si128 (r));
  } else if (ch == 2) {
    /* slots c0 c1 c0 c1: [p0 p1 | p4 p5], [p2 p3 | p6 p7] */
    r = _mm256_add_epi32 (
        _mm256_unpacklo_epi64 (a[0], a[1]), _mm256_unpackhi_epi64 (a[0], a[1]));
    b = _mm256_add_epi32 (
        _mm256_unpacklo_epi64 (a[2], a[3]), _mm256_unpackhi_epi64 (a[2], a[3]));
    _mm256_storeu_si256 ((__m256i *) d, avx2_int16_final (r, b, maxval));
  } else {
    /* [p0 | p4] .. [p3 | p7], a slot a channel (3: the last is 0) */
    r = avx2_int16_final (a[0], a[1], maxval); /* [p0 p1 | p4 p5] */
    b = avx2_int16_final (a[2], a[3], maxval); /* [p2 p3 | p6 p7] */
    a[0] = _mm256_permute2x128_si256 (r, b, 0x20);
    a[1] = _mm256_permute2x128_si256 (r, b, 0x31);
    if (ch == 4) {
      _mm256_storeu_si256 ((__m256i *) d, a[0]);
      _mm256_storeu_si256 ((__m256i *) (d + 16), a[1]);
    } else {
      const __m256i pick = _mm256_setr_epi8 (0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12,
          13, -1, -1, -1, -1, 0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, -1, -1,
          -1, -1);
      const __m256i order = _mm256_setr_epi32 (0, 1, 2, 4, 5, 6, 3, 7);
      for (int h = 0; h < 2; h++) {
        r = _mm256_permutevar8x32_epi32 (
            _mm256_shuffle_epi8 (a[h], pick), order);
        _mm_storeu_si128 ((__m128i *) (d + 12 * h), _mm256_castsi256_si128 (r));
        _mm_storel_epi64 (
            (__m128i *) (d + 12 * h + 8), _mm256_extracti128_si256 (r, 1));
      }
    }
  }
  if (m < 8)
    memcpy (o, buf, (size_t) m * ch * sizeof (uint16_t));
}

static inline AVX2_INLINE void
avx2_h16_run (uint16_t *o, const int32_t *l, const AsPass *p, int ch)
{
  const TapsTable *t = p->aux;
  int steps = t->steps, stride = 4 / ch * ch;
  const int32_t *wt = (const int32_t *) ((const uint8_t *) t + t->at_w);
  const int32_t *fix = (const int32_t *) ((const uint8_t *) t + t->at_fix);
  const __m256i maxval = _mm256_set1_epi16 ((int16_t) p->maxval);

  for (int g = 0; g < t->groups; g++) {
    const int32_t *st = t->start + 8 * g;
    int m = p->out_len - 8 * g < 8 ? p->out_len - 8 * g : 8;
    __m256i a[4];
    avx2_h16_step (a, l, st, 0, wt, 1);
    wt += 64;
    for (int s = 1; s < steps; s++, wt += 64)
      avx2_h16_step (a, l, st, s * stride, wt, 0);
    avx2_h16_store (o + (size_t) 8 * g * ch, a, ch, m, maxval);
  }
  for (int f = 0; f < t->n_fix; f++)
    h_int16_out_pixel (o, l, p, fix[f]);
}

static AVX2 void
avx2_h_int16_out (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  const TapsTable *t = p->aux;

  (void) s;
  if (!t || !t->vector) {
    for (int i = 0; i < p->out_len; i++)
      h_int16_out_pixel (dst, src, p, i);
    return;
  }
  switch (p->channels) {
    case 1:
      avx2_h16_run (dst, src, p, 1);
      break;
    case 2:
      avx2_h16_run (dst, src, p, 2);
      break;
    case 3:
      avx2_h16_run (dst, src, p, 3);
      break;
    default:
      avx2_h16_run (dst, src, p, 4);
      break;
  }
}

/* ------------------------------------------------ int16: horizontal in */

/* avx2_h16_step on uint16 lines: 4-sample (8-byte) windows, widened to
 * int32 and shifted by 15 (below 2^31) */
static inline AVX2_INLINE void
avx2_h16in_step (__m256i *a, const uint16_t *l, const int32_t *st, int off,
    const int32_t *wt, int first)
{
#pragma GCC unroll 4
  for (int u = 0; u < 4; u++) {
    __m128i x = _mm_loadl_epi64 ((const __m128i *) (l + st[u] + off));
    __m256i v, pe, po;
    x = _mm_castpd_si128 (_mm_loadh_pd (
        _mm_castsi128_pd (x), (const double *) (l + st[u + 4] + off)));
    v = _mm256_slli_epi32 (_mm256_cvtepu16_epi32 (x), 15);
    pe = _mm256_mul_epi32 (
        v, _mm256_loadu_si256 ((const __m256i *) (wt + 16 * u)));
    po = _mm256_mul_epi32 (_mm256_srli_epi64 (v, 32),
        _mm256_loadu_si256 ((const __m256i *) (wt + 16 * u + 8)));
    v = _mm256_blend_epi32 (_mm256_srli_epi64 (pe, 32), po, 0xaa);
    a[u] = first ? v : _mm256_add_epi32 (a[u], v);
  }
}

/* the group's int32 sums in pixel order (8 ch at o), through a buffer
 * when the group has only m pixels or is the line's last (3 channels
 * write 16 bytes a pixel) */
static inline AVX2_INLINE void
avx2_h16in_store (int32_t *o, __m256i *a, int ch, int m, int last)
{
  int32_t buf[36];
  int32_t *d = m == 8 && !(ch == 3 && last) ? o : buf;
  __m256i r, b;

  if (ch == 1) {
    r = _mm256_hadd_epi32 (
        _mm256_hadd_epi32 (a[0], a[1]), _mm256_hadd_epi32 (a[2], a[3]));
    _mm256_storeu_si256 ((__m256i *) d, r);
  } else if (ch == 2) {
    r = _mm256_add_epi32 (
        _mm256_unpacklo_epi64 (a[0], a[1]), _mm256_unpackhi_epi64 (a[0], a[1]));
    b = _mm256_add_epi32 (
        _mm256_unpacklo_epi64 (a[2], a[3]), _mm256_unpackhi_epi64 (a[2], a[3]));
    _mm256_storeu_si256 ((__m256i *) d, _mm256_permute2x128_si256 (r, b, 0x20));
    _mm256_storeu_si256 (
        (__m256i *) (d + 8), _mm256_permute2x128_si256 (r, b, 0x31));
  } else if (ch == 4) {
    for (int h = 0; h < 2; h++) {
      _mm256_storeu_si256 ((__m256i *) (d + 16 * h),
          _mm256_permute2x128_si256 (a[0], a[1], h ? 0x31 : 0x20));
      _mm256_storeu_si256 ((__m256i *) (d + 16 * h + 8),
          _mm256_permute2x128_si256 (a[2], a[3], h ? 0x31 : 0x20));
    }
  } else {
    /* each pixel's 16 bytes in turn, the last slot (0) overwritten by the
     * next pixel */
    for (int u = 0; u < 8; u++)
      _mm_storeu_si128 ((__m128i *) (d + 3 * u),
          u < 4 ? _mm256_castsi256_si128 (a[u])
                : _mm256_extracti128_si256 (a[u - 4], 1));
  }
  if (d == buf)
    memcpy (o, buf, (size_t) m * ch * sizeof (int32_t));
}

static inline AVX2_INLINE void
avx2_h16in_run (int32_t *o, const uint16_t *l, const AsPass *p, int ch)
{
  const TapsTable *t = p->aux;
  int steps = t->steps, stride = 4 / ch * ch;
  const int32_t *wt = (const int32_t *) ((const uint8_t *) t + t->at_w);
  const int32_t *fix = (const int32_t *) ((const uint8_t *) t + t->at_fix);

  for (int g = 0; g < t->groups; g++) {
    const int32_t *st = t->start + 8 * g;
    int m = p->out_len - 8 * g < 8 ? p->out_len - 8 * g : 8;
    __m256i a[4];
    avx2_h16in_step (a, l, st, 0, wt, 1);
    wt += 64;
    for (int s = 1; s < steps; s++, wt += 64)
      avx2_h16in_step (a, l, st, s * stride, wt, 0);
    avx2_h16in_store (o + (size_t) 8 * g * ch, a, ch, m, g == t->groups - 1);
  }
  for (int f = 0; f < t->n_fix; f++)
    h_int16_in_pixel (o, l, p, fix[f]);
}

static AVX2 void
avx2_h_int16_in (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  const TapsTable *t = p->aux;

  (void) s;
  if (!t || !t->vector) {
    for (int i = 0; i < p->out_len; i++)
      h_int16_in_pixel (dst, src, p, i);
    return;
  }
  switch (p->channels) {
    case 1:
      avx2_h16in_run (dst, src, p, 1);
      break;
    case 2:
      avx2_h16in_run (dst, src, p, 2);
      break;
    case 3:
      avx2_h16in_run (dst, src, p, 3);
      break;
    default:
      avx2_h16in_run (dst, src, p, 4);
      break;
  }
}

/* ------------------------------------------------------ lerp: 16-bit */

/* b - mulhu (b, w) + mulhu (o, w) on 8 uint32 lanes: pmuludq on the even
 * lanes and on the odd ones shifted down; the high halves' difference
 * taken in their slots (psubd does not borrow between them) */
static inline AVX2_INLINE __m256i
avx2_lerp32 (__m256i b, __m256i o, __m256i w, __m256i wo)
{
  __m256i de = _mm256_sub_epi32 (
      _mm256_mul_epu32 (o, w), _mm256_mul_epu32 (b, w));
  __m256i dd = _mm256_sub_epi32 (
      _mm256_mul_epu32 (_mm256_srli_epi64 (o, 32), wo),
      _mm256_mul_epu32 (_mm256_srli_epi64 (b, 32), wo));

  return _mm256_add_epi32 (
      b, _mm256_blend_epi32 (_mm256_srli_epi64 (de, 32), dd, 0xaa));
}

static AVX2 void
avx2_v_lerp16_in (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const uint16_t *b = src[0], *o = src[1];
  uint32_t w = ((const uint32_t *) p->w)[j];
  uint32_t *d = dst;
  const __m256i wv = _mm256_set1_epi32 ((int32_t) w),
                half = _mm256_set1_epi32 (32768);
  int x = 0;

  (void) s;
  for (; x + 16 <= width; x += 16) {
#pragma GCC unroll 2
    for (int h = 0; h < 16; h += 8) {
      __m256i vb = _mm256_cvtepu16_epi32 (
          _mm_loadu_si128 ((const __m128i *) (b + x + h)));
      __m256i vo = _mm256_cvtepu16_epi32 (
          _mm_loadu_si128 ((const __m128i *) (o + x + h)));
      vb = _mm256_or_si256 (_mm256_slli_epi32 (vb, 16), half);
      vo = _mm256_or_si256 (_mm256_slli_epi32 (vo, 16), half);
      _mm256_storeu_si256 (
          (__m256i *) (d + x + h), avx2_lerp32 (vb, vo, wv, wv));
    }
  }
  v_lerp16_in_scalar (d, b, o, w, x, width);
}

static AVX2 void
avx2_v_lerp16_out (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const uint32_t *b = src[0], *o = src[1];
  uint32_t w = ((const uint32_t *) p->w)[j];
  uint16_t *d = dst;
  const __m256i wv = _mm256_set1_epi32 ((int32_t) w);
  int x = 0;

  (void) s;
  for (; x + 16 <= width; x += 16) {
    __m256i r0 = avx2_lerp32 (_mm256_loadu_si256 ((const __m256i *) (b + x)),
        _mm256_loadu_si256 ((const __m256i *) (o + x)), wv, wv);
    __m256i r1 = avx2_lerp32 (
        _mm256_loadu_si256 ((const __m256i *) (b + x + 8)),
        _mm256_loadu_si256 ((const __m256i *) (o + x + 8)), wv, wv);
    /* below 2^16 after the shift: packusdw keeps them; [0-3, 8-11 | ..] */
    r0 = _mm256_packus_epi32 (
        _mm256_srli_epi32 (r0, 16), _mm256_srli_epi32 (r1, 16));
    _mm256_storeu_si256 (
        (__m256i *) (d + x), _mm256_permute4x64_epi64 (r0, 0xd8));
  }
  v_lerp16_out_scalar (d, b, o, w, x, width);
}

/* which output pixel (and channel) each of 8 samples is, from the first
 * of a group: a group is 8 samples (1, 2, 4 channels) or 24 (3: three
 * vectors v) */
static const int32_t lerp_pix[4][3][8] = {
  { { 0, 1, 2, 3, 4, 5, 6, 7 } },
  { { 0, 0, 1, 1, 2, 2, 3, 3 } },
  { { 0, 0, 0, 1, 1, 1, 2, 2 }, { 2, 3, 3, 3, 4, 4, 4, 5 },
      { 5, 5, 6, 6, 6, 7, 7, 7 } },
  { { 0, 0, 0, 0, 1, 1, 1, 1 } },
};
static const int32_t lerp_chan[4][3][8] = {
  { { 0 } },
  { { 0, 1, 0, 1, 0, 1, 0, 1 } },
  { { 0, 1, 2, 0, 1, 2, 0, 1 }, { 2, 0, 1, 2, 0, 1, 2, 0 },
      { 1, 2, 0, 1, 2, 0, 1, 2 } },
  { { 0, 1, 2, 3, 0, 1, 2, 3 } },
};

/* the uint16 samples idx of l (len of them, len >= 2) as int32 lanes:
 * vpgatherdd reads 4 bytes, so from the sample before at the end of the
 * line, shifted down */
static inline AVX2_INLINE __m256i
avx2_gather_u16 (const uint16_t *l, int len, __m256i idx)
{
  __m256i at = _mm256_min_epi32 (idx, _mm256_set1_epi32 (len - 2));
  __m256i g = _mm256_i32gather_epi32 ((const int *) l, at, 2);

  g = _mm256_srlv_epi32 (g, _mm256_slli_epi32 (_mm256_sub_epi32 (idx, at), 4));
  return _mm256_and_si256 (g, _mm256_set1_epi32 (0xffff));
}

/* the base and next samples b, o (o = idx + ch) of 8 output samples of a
 * horizontal lerp, from the line's samples idx (len of them, uint32, or
 * uint16 widened): from one 8-sample window at the first sample's pixel
 * when they all lie in it, else from two at each half's first pixel
 * (vpermd), else by vpgatherdd (o clamped to the line: its weight is 0
 * there). base0, base1: the halves' first pixels' samples; last0, last1:
 * bounds on the halves' o (bases never decrease: the last pixel's last
 * channel's). */
static inline AVX2_INLINE void
avx2_lerp_pick (__m256i *b, __m256i *o, const void *l, int u16, int len,
    __m256i idx, int base0, int base1, int last0, int last1, int ch)
{
  const __m256i chv = _mm256_set1_epi32 (ch);
#define WINDOW(at)                                                             \
  (u16 ? _mm256_cvtepu16_epi32 (                                               \
       _mm_loadu_si128 ((const __m128i *) ((const uint16_t *) l + (at))))      \
       : _mm256_loadu_si256 ((const __m256i *) ((const uint32_t *) l + (at))))

  if (base0 + 8 <= len && last1 - base0 <= 7) {
    __m256i w0 = WINDOW (base0);
    __m256i rel = _mm256_sub_epi32 (idx, _mm256_set1_epi32 (base0));
    *b = _mm256_permutevar8x32_epi32 (w0, rel);
    *o = _mm256_permutevar8x32_epi32 (w0, _mm256_add_epi32 (rel, chv));
  } else if (base1 + 8 <= len && last0 - base0 <= 7 && last1 - base1 <= 7) {
    __m256i w0 = WINDOW (base0), w1 = WINDOW (base1);
    __m256i rel = _mm256_sub_epi32 (idx,
        _mm256_blend_epi32 (
            _mm256_set1_epi32 (base0), _mm256_set1_epi32 (base1), 0xf0));
    __m256i relo = _mm256_add_epi32 (rel, chv);
    *b = _mm256_blend_epi32 (_mm256_permutevar8x32_epi32 (w0, rel),
        _mm256_permutevar8x32_epi32 (w1, rel), 0xf0);
    *o = _mm256_blend_epi32 (_mm256_permutevar8x32_epi32 (w0, relo),
        _mm256_permutevar8x32_epi32 (w1, relo), 0xf0);
  } else {
    __m256i io = _mm256_min_epi32 (
        _mm256_add_epi32 (idx, chv), _mm256_set1_epi32 (len - 1));
    if (u16) {
      *b = avx2_gather_u16 (l, len, idx);
      *o = avx2_gather_u16 (l, len, io);
    } else {
      *b = _mm256_i32gather_epi32 ((const int *) l, idx, 4);
      *o = _mm256_i32gather_epi32 ((const int *) l, io, 4);
    }
  }
#undef WINDOW
}

/* the line's samples of the 8 samples from smp (pixel i = smp / ch, in
 * vector v of the group) and their window bounds for avx2_lerp_pick */
static inline AVX2_INLINE __m256i
avx2_lerp_idx (const int32_t *off, __m256i offs, int i, int v, int ch,
    int *base0, int *base1, int *last0, int *last1)
{
  const int32_t *pix = lerp_pix[ch - 1][v], *chan = lerp_chan[ch - 1][v];
  __m256i idx = offs;

  if (ch != 1) {
    idx = _mm256_permutevar8x32_epi32 (
        offs, _mm256_loadu_si256 ((const __m256i *) pix));
    idx = ch == 3 ? _mm256_add_epi32 (idx, _mm256_slli_epi32 (idx, 1))
                  : _mm256_slli_epi32 (idx, ch == 2 ? 1 : 2);
    idx = _mm256_add_epi32 (idx, _mm256_loadu_si256 ((const __m256i *) chan));
  }
  *base0 = off[i + pix[0]] * ch;
  *base1 = off[i + pix[4]] * ch;
  /* bounds: no o of a half lies past its last pixel's last channel's */
  *last0 = off[i + pix[3]] * ch + 2 * ch - 1;
  *last1 = off[i + pix[7]] * ch + 2 * ch - 1;
  return idx;
}

/* the pixels' offsets of a group (8 samples; 3 channels: 24) */
static inline AVX2_INLINE __m256i
avx2_lerp_offs (const int32_t *off, int ch)
{
  return ch == 1 || ch == 3 ? _mm256_loadu_si256 ((const __m256i *) off)
      : ch == 2
      ? _mm256_castsi128_si256 (_mm_loadu_si128 ((const __m128i *) off))
      : _mm256_castsi128_si256 (_mm_loadl_epi64 ((const __m128i *) off));
}

static inline AVX2_INLINE void
avx2_lerp16_h_run (uint16_t *d, const uint32_t *l, const AsPass *p, int ch)
{
  int n = p->out_len * ch, len = p->in_len * ch, smp = 0;
  int group = ch == 3 ? 24 : 8;
  const int32_t *off = p->offset;
  const uint32_t *wr = p->wr;

  for (; smp + group <= n; smp += group) {
    int i = smp / ch;
    __m256i offs = avx2_lerp_offs (off + i, ch), r[3];
    for (int v = 0; v < group / 8; v++) {
      int b0, b1, l0, l1;
      __m256i idx = avx2_lerp_idx (off, offs, i, v, ch, &b0, &b1, &l0, &l1);
      __m256i w = _mm256_loadu_si256 ((const __m256i *) (wr + smp + 8 * v));
      __m256i b, o;
      avx2_lerp_pick (&b, &o, l, 0, len, idx, b0, b1, l0, l1, ch);
      r[v] = _mm256_srli_epi32 (
          avx2_lerp32 (b, o, w, _mm256_srli_epi64 (w, 32)), 16);
    }
    if (ch == 3) {
      /* 24 samples: [0-3, 8-11 | 4-7, 12-15], then 16-23 */
      r[0] = _mm256_permute4x64_epi64 (_mm256_packus_epi32 (r[0], r[1]), 0xd8);
      r[2] = _mm256_permute4x64_epi64 (_mm256_packus_epi32 (r[2], r[2]), 0x08);
      _mm256_storeu_si256 ((__m256i *) (d + smp), r[0]);
      _mm_storeu_si128 (
          (__m128i *) (d + smp + 16), _mm256_castsi256_si128 (r[2]));
    } else {
      r[0] = _mm256_permute4x64_epi64 (_mm256_packus_epi32 (r[0], r[0]), 0x08);
      _mm_storeu_si128 ((__m128i *) (d + smp), _mm256_castsi256_si128 (r[0]));
    }
  }
  h_lerp16_out_scalar (d, l, p, smp, n);
}

static AVX2 void
avx2_h_lerp16_out (
    void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  (void) s;
  switch (p->channels) {
    case 1:
      avx2_lerp16_h_run (dst, src, p, 1);
      break;
    case 2:
      avx2_lerp16_h_run (dst, src, p, 2);
      break;
    case 3:
      avx2_lerp16_h_run (dst, src, p, 3);
      break;
    case 4:
      avx2_lerp16_h_run (dst, src, p, 4);
      break;
    default:
      h_lerp16_out_scalar (dst, src, p, 0, p->out_len * p->channels);
      break;
  }
}

static inline AVX2_INLINE void
avx2_lerp16_hin_run (uint32_t *d, const uint16_t *l, const AsPass *p, int ch)
{
  int n = p->out_len * ch, len = p->in_len * ch, smp = 0;
  int group = ch == 3 ? 24 : 8;
  const int32_t *off = p->offset;
  const uint32_t *wr = p->wr;
  const __m256i half = _mm256_set1_epi32 (32768);

  if (len < 2)
    goto tail;
  for (; smp + group <= n; smp += group) {
    int i = smp / ch;
    __m256i offs = avx2_lerp_offs (off + i, ch);
    for (int v = 0; v < group / 8; v++) {
      int b0, b1, l0, l1;
      __m256i idx = avx2_lerp_idx (off, offs, i, v, ch, &b0, &b1, &l0, &l1);
      __m256i w = _mm256_loadu_si256 ((const __m256i *) (wr + smp + 8 * v));
      __m256i b, o;
      avx2_lerp_pick (&b, &o, l, 1, len, idx, b0, b1, l0, l1, ch);
      b = _mm256_or_si256 (_mm256_slli_epi32 (b, 16), half);
      o = _mm256_or_si256 (_mm256_slli_epi32 (o, 16), half);
      _mm256_storeu_si256 ((__m256i *) (d + smp + 8 * v),
          avx2_lerp32 (b, o, w, _mm256_srli_epi64 (w, 32)));
    }
  }
tail:
  h_lerp16_in_scalar (d, l, p, smp, n);
}

static AVX2 void
avx2_h_lerp16_in (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  (void) s;
  switch (p->channels) {
    case 1:
      avx2_lerp16_hin_run (dst, src, p, 1);
      break;
    case 2:
      avx2_lerp16_hin_run (dst, src, p, 2);
      break;
    case 3:
      avx2_lerp16_hin_run (dst, src, p, 3);
      break;
    case 4:
      avx2_lerp16_hin_run (dst, src, p, 4);
      break;
    default:
      h_lerp16_in_scalar (dst, src, p, 0, p->out_len * p->channels);
      break;
  }
}

/* ============================================== SSE2, SSSE3 and SSE4.1 */

/* avx2_v_int8_in on 16 samples a block */
static void
sse2_v_int8_in (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const uint8_t *const *l = (const uint8_t *const *) src;
  const int16_t *w = WROW (int16_t, p, j);
  int n = p->n_taps, pairs = (n + 1) / 2, x = 0;
  int16_t *o = dst;
  int32_t wp[V_STACK_PAIRS];
  const __m128i zero = _mm_setzero_si128 (),
                half = _mm_set1_epi32 (1 << (AS_PASS1_SHIFT_8 - 1));

  (void) s;
  if (pairs > V_STACK_PAIRS)
    goto tail;
  for (int q = 0; q < pairs; q++)
    wp[q] = (int32_t) ((uint32_t) (uint16_t) w[2 * q]
        | (2 * q + 1 < n ? (uint32_t) (uint16_t) w[2 * q + 1] << 16 : 0));
  for (; x + 16 <= width; x += 16) {
    __m128i a0 = zero, a1 = zero, a2 = zero, a3 = zero;
    for (int q = 0; q < pairs; q++) {
      const uint8_t *r0 = l[2 * q], *r1 = 2 * q + 1 < n ? l[2 * q + 1] : r0;
      __m128i u = _mm_loadu_si128 ((const __m128i *) (r0 + x));
      __m128i v = _mm_loadu_si128 ((const __m128i *) (r1 + x));
      __m128i lo = _mm_unpacklo_epi8 (u, v), hi = _mm_unpackhi_epi8 (u, v);
      __m128i k = _mm_set1_epi32 (wp[q]);
      a0 = _mm_add_epi32 (a0, _mm_madd_epi16 (_mm_unpacklo_epi8 (lo, zero), k));
      a1 = _mm_add_epi32 (a1, _mm_madd_epi16 (_mm_unpackhi_epi8 (lo, zero), k));
      a2 = _mm_add_epi32 (a2, _mm_madd_epi16 (_mm_unpacklo_epi8 (hi, zero), k));
      a3 = _mm_add_epi32 (a3, _mm_madd_epi16 (_mm_unpackhi_epi8 (hi, zero), k));
    }
    a0 = _mm_srai_epi32 (_mm_add_epi32 (a0, half), AS_PASS1_SHIFT_8);
    a1 = _mm_srai_epi32 (_mm_add_epi32 (a1, half), AS_PASS1_SHIFT_8);
    a2 = _mm_srai_epi32 (_mm_add_epi32 (a2, half), AS_PASS1_SHIFT_8);
    a3 = _mm_srai_epi32 (_mm_add_epi32 (a3, half), AS_PASS1_SHIFT_8);
    _mm_storeu_si128 ((__m128i *) (o + x), _mm_packs_epi32 (a0, a1));
    _mm_storeu_si128 ((__m128i *) (o + x + 8), _mm_packs_epi32 (a2, a3));
  }
tail:
  v_int8_in_scalar (o, l, w, n, x, width);
}

/* avx2_h8_step a lane at a time: a[u] lane 0, a[u + 4] lane 1 */
static inline SSSE3_INLINE void
ssse3_h8_step (__m128i *a, const int16_t *l, const int32_t *st, int off,
    const int16_t *wt, __m128i ctrl, int ch, int first, int sum)
{
#pragma GCC unroll 8
  for (int u = 0; u < 8; u++) {
    __m128i v = _mm_loadu_si128 ((const __m128i *) (l + st[u] + off));
    __m128i k = _mm_loadu_si128 (
        (const __m128i *) (wt + 16 * (u % 4) + 8 * (u / 4)));
    if (ch != 1)
      v = _mm_shuffle_epi8 (v, ctrl);
    if (sum)
      a[u] = first ? _mm_mulhi_epu16 (v, k)
                   : _mm_add_epi16 (a[u], _mm_mulhi_epu16 (v, k));
    else
      a[u] = first ? _mm_madd_epi16 (v, k)
                   : _mm_add_epi32 (a[u], _mm_madd_epi16 (v, k));
  }
}

static inline SSSE3_INLINE void
ssse3_pairs (__m128i *a)
{
#pragma GCC unroll 8
  for (int u = 0; u < 8; u++)
    a[u] = _mm_madd_epi16 (a[u], _mm_set1_epi16 (1));
}

/* avx2_fin8 */
static inline SSSE3_INLINE __m128i
ssse3_fin8 (__m128i v, int sum, __m128i start)
{
  if (sum)
    return _mm_srli_epi32 (_mm_slli_epi32 (_mm_add_epi32 (v, start), 16), 24);
  return _mm_srai_epi32 (
      _mm_add_epi32 (v, _mm_set1_epi32 (1 << (AS_PASS2_SHIFT_8 - 1))),
      AS_PASS2_SHIFT_8);
}

#define FIN(v) ssse3_fin8 (v, sum, start)
static inline SSSE3_INLINE void
ssse3_h8_store (uint8_t *o, __m128i *a, int ch, int m, int sum, __m128i start)
{
  uint8_t buf[32];
  uint8_t *d = m == 8 ? o : buf;
  __m128i r, b;

  if (ch == 1) {
    r = FIN (_mm_hadd_epi32 (
        _mm_hadd_epi32 (a[0], a[1]), _mm_hadd_epi32 (a[2], a[3])));
    b = FIN (_mm_hadd_epi32 (
        _mm_hadd_epi32 (a[4], a[5]), _mm_hadd_epi32 (a[6], a[7])));
    r = _mm_packs_epi32 (r, b);
    _mm_storel_epi64 ((__m128i *) d, _mm_packus_epi16 (r, r));
  } else if (ch == 2) {
    r = _mm_packs_epi32 (
        FIN (_mm_hadd_epi32 (a[0], a[1])), FIN (_mm_hadd_epi32 (a[2], a[3])));
    b = _mm_packs_epi32 (
        FIN (_mm_hadd_epi32 (a[4], a[5])), FIN (_mm_hadd_epi32 (a[6], a[7])));
    _mm_storeu_si128 ((__m128i *) d, _mm_packus_epi16 (r, b));
  } else {
#pragma GCC unroll 8
    for (int u = 0; u < 8; u++)
      a[u] = FIN (a[u]);
    r = _mm_packus_epi16 (
        _mm_packs_epi32 (a[0], a[1]), _mm_packs_epi32 (a[2], a[3]));
    b = _mm_packus_epi16 (
        _mm_packs_epi32 (a[4], a[5]), _mm_packs_epi32 (a[6], a[7]));
    if (ch == 4) {
      _mm_storeu_si128 ((__m128i *) d, r);
      _mm_storeu_si128 ((__m128i *) (d + 16), b);
    } else {
      const __m128i pick = _mm_setr_epi8 (
          0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, -1, -1, -1, -1);
      r = _mm_shuffle_epi8 (r, pick);
      b = _mm_shuffle_epi8 (b, pick);
      _mm_storeu_si128 (
          (__m128i *) d, _mm_or_si128 (r, _mm_slli_si128 (b, 12)));
      _mm_storel_epi64 ((__m128i *) (d + 16), _mm_srli_si128 (b, 4));
    }
  }
  if (m < 8)
    memcpy (o, buf, (size_t) m * ch);
}
#undef FIN

static inline SSSE3_INLINE void
ssse3_h8_run (uint8_t *o, const void *src, const AsPass *p, int ch, int sum)
{
  const TapsTable *t = p->aux;
  int steps = t->steps, stride = 8 / ch * ch;
  const int16_t *l = src,
                *wt = (const int16_t *) ((const uint8_t *) t + t->at_w);
  const int32_t *fix = (const int32_t *) ((const uint8_t *) t + t->at_fix);
  const __m128i ctrl = _mm_loadu_si128 ((const __m128i *) ctrl8[ch - 1]);
  const __m128i start = _mm_set1_epi32 (128 + (p->n_taps >> 1));

  for (int g = 0; g < t->groups; g++) {
    const int32_t *st = t->start + 8 * g;
    int m = p->out_len - 8 * g < 8 ? p->out_len - 8 * g : 8;
    __m128i a[8];
    ssse3_h8_step (a, l, st, 0, wt, ctrl, ch, 1, sum);
    wt += 64;
    for (int s = 1; s < steps; s++, wt += 64)
      ssse3_h8_step (a, l, st, s * stride, wt, ctrl, ch, 0, sum);
    if (sum)
      ssse3_pairs (a);
    ssse3_h8_store (o + (size_t) 8 * g * ch, a, ch, m, sum, start);
  }
  for (int f = 0; f < t->n_fix; f++)
    if (sum)
      h_sum8_out_pixel (o, src, p, fix[f]);
    else
      h_int8_out_pixel (o, src, p, fix[f]);
}

static SSSE3 void
ssse3_h_int8_out (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  const TapsTable *t = p->aux;

  (void) s;
  if (!t || !t->vector || p->maxval != 255) {
    for (int i = 0; i < p->out_len; i++)
      h_int8_out_pixel (dst, src, p, i);
    return;
  }
  switch (p->channels) {
    case 1:
      ssse3_h8_run (dst, src, p, 1, 0);
      break;
    case 2:
      ssse3_h8_run (dst, src, p, 2, 0);
      break;
    case 3:
      ssse3_h8_run (dst, src, p, 3, 0);
      break;
    default:
      ssse3_h8_run (dst, src, p, 4, 0);
      break;
  }
}

static SSSE3 void
ssse3_h_sum8_out (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  const TapsTable *t = p->aux;

  (void) s;
  if (!t || !t->vector) {
    for (int i = 0; i < p->out_len; i++)
      h_sum8_out_pixel (dst, src, p, i);
    return;
  }
  switch (p->channels) {
    case 1:
      ssse3_h8_run (dst, src, p, 1, 1);
      break;
    case 2:
      ssse3_h8_run (dst, src, p, 2, 1);
      break;
    case 3:
      ssse3_h8_run (dst, src, p, 3, 1);
      break;
    default:
      ssse3_h8_run (dst, src, p, 4, 1);
      break;
  }
}

/* avx2_v_int8_out on 16 samples a block */
static void
sse2_v_int8_out (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const int16_t *const *l = (const int16_t *const *) src;
  const int16_t *w = WROW (int16_t, p, j);
  int n = p->n_taps, pairs = (n + 1) / 2, x = 0;
  uint8_t *o = dst;
  int32_t wp[V_STACK_PAIRS];
  const __m128i zero = _mm_setzero_si128 (),
                half = _mm_set1_epi32 (1 << (AS_PASS2_SHIFT_8 - 1));

  (void) s;
  if (pairs > V_STACK_PAIRS || p->maxval != 255)
    goto tail;
  for (int q = 0; q < pairs; q++)
    wp[q] = (int32_t) ((uint32_t) (uint16_t) w[2 * q]
        | (2 * q + 1 < n ? (uint32_t) (uint16_t) w[2 * q + 1] << 16 : 0));
  for (; x + 16 <= width; x += 16) {
    __m128i a0 = zero, a1 = zero, a2 = zero, a3 = zero;
    for (int q = 0; q < pairs; q++) {
      const int16_t *r0 = l[2 * q], *r1 = 2 * q + 1 < n ? l[2 * q + 1] : r0;
      __m128i u0 = _mm_loadu_si128 ((const __m128i *) (r0 + x));
      __m128i v0 = _mm_loadu_si128 ((const __m128i *) (r1 + x));
      __m128i u1 = _mm_loadu_si128 ((const __m128i *) (r0 + x + 8));
      __m128i v1 = _mm_loadu_si128 ((const __m128i *) (r1 + x + 8));
      __m128i k = _mm_set1_epi32 (wp[q]);
      a0 = _mm_add_epi32 (a0, _mm_madd_epi16 (_mm_unpacklo_epi16 (u0, v0), k));
      a1 = _mm_add_epi32 (a1, _mm_madd_epi16 (_mm_unpackhi_epi16 (u0, v0), k));
      a2 = _mm_add_epi32 (a2, _mm_madd_epi16 (_mm_unpacklo_epi16 (u1, v1), k));
      a3 = _mm_add_epi32 (a3, _mm_madd_epi16 (_mm_unpackhi_epi16 (u1, v1), k));
    }
    a0 = _mm_srai_epi32 (_mm_add_epi32 (a0, half), AS_PASS2_SHIFT_8);
    a1 = _mm_srai_epi32 (_mm_add_epi32 (a1, half), AS_PASS2_SHIFT_8);
    a2 = _mm_srai_epi32 (_mm_add_epi32 (a2, half), AS_PASS2_SHIFT_8);
    a3 = _mm_srai_epi32 (_mm_add_epi32 (a3, half), AS_PASS2_SHIFT_8);
    _mm_storeu_si128 ((__m128i *) (o + x),
        _mm_packus_epi16 (_mm_packs_epi32 (a0, a1), _mm_packs_epi32 (a2, a3)));
  }
tail:
  v_int8_out_scalar (o, l, w, n, p->maxval, x, width);
}

/* avx2_h8in_step a lane at a time: a[u] lane 0, a[u + 4] lane 1 */
static inline SSSE3_INLINE void
ssse3_h8in_step (__m128i *a, const uint8_t *l, const int32_t *st, int off,
    const int16_t *wt, __m128i ctrl, int first, int sum)
{
#pragma GCC unroll 8
  for (int u = 0; u < 8; u++) {
    __m128i v = _mm_loadl_epi64 ((const __m128i *) (l + st[u] + off));
    __m128i k = _mm_loadu_si128 (
        (const __m128i *) (wt + 16 * (u % 4) + 8 * (u / 4)));
    v = _mm_shuffle_epi8 (v, ctrl);
    if (sum)
      a[u] = first ? _mm_mulhi_epu16 (v, k)
                   : _mm_add_epi16 (a[u], _mm_mulhi_epu16 (v, k));
    else
      a[u] = first ? _mm_madd_epi16 (v, k)
                   : _mm_add_epi32 (a[u], _mm_madd_epi16 (v, k));
  }
}

/* avx2_fin16 */
static inline SSSE3_INLINE __m128i
ssse3_fin16 (__m128i v, int sum, __m128i start)
{
  if (sum)
    return _mm_srai_epi32 (_mm_slli_epi32 (_mm_add_epi32 (v, start), 16), 16);
  return _mm_srai_epi32 (
      _mm_add_epi32 (v, _mm_set1_epi32 (1 << (AS_PASS1_SHIFT_8 - 1))),
      AS_PASS1_SHIFT_8);
}

#define FIN(v) ssse3_fin16 (v, sum, start)
static inline SSSE3_INLINE void
ssse3_h8in_store (int16_t *o, __m128i *a, int ch, int m, int sum, __m128i start)
{
  int16_t buf[32];
  int16_t *d = m == 8 ? o : buf;

  if (ch == 1) {
    __m128i r = FIN (_mm_hadd_epi32 (
        _mm_hadd_epi32 (a[0], a[1]), _mm_hadd_epi32 (a[2], a[3])));
    __m128i b = FIN (_mm_hadd_epi32 (
        _mm_hadd_epi32 (a[4], a[5]), _mm_hadd_epi32 (a[6], a[7])));
    _mm_storeu_si128 ((__m128i *) d, _mm_packs_epi32 (r, b));
  } else if (ch == 2) {
    for (int h = 0; h < 2; h++)
      _mm_storeu_si128 ((__m128i *) (d + 8 * h),
          _mm_packs_epi32 (FIN (_mm_hadd_epi32 (a[4 * h], a[4 * h + 1])),
              FIN (_mm_hadd_epi32 (a[4 * h + 2], a[4 * h + 3]))));
  } else {
    for (int h = 0; h < 4; h++) {
      __m128i r = _mm_packs_epi32 (FIN (a[2 * h]), FIN (a[2 * h + 1]));
      if (ch == 4) {
        _mm_storeu_si128 ((__m128i *) (d + 8 * h), r);
      } else {
        /* two pixels of 3 words */
        uint64_t lo = (uint64_t) _mm_cvtsi128_si64 (r);
        uint64_t hi = (uint64_t) _mm_cvtsi128_si64 (_mm_srli_si128 (r, 8));
        memcpy (d + 6 * h, &lo, 6);
        memcpy (d + 6 * h + 3, &hi, 6);
      }
    }
  }
  if (m < 8)
    memcpy (o, buf, (size_t) m * ch * sizeof (int16_t));
}
#undef FIN

static inline SSSE3_INLINE void
ssse3_h8in_run (int16_t *o, const uint8_t *l, const AsPass *p, int ch, int sum)
{
  const TapsTable *t = p->aux;
  int steps = t->steps, stride = 8 / ch * ch;
  const int16_t *wt = (const int16_t *) ((const uint8_t *) t + t->at_w);
  const int32_t *fix = (const int32_t *) ((const uint8_t *) t + t->at_fix);
  const __m128i ctrl = _mm_loadu_si128 (
      (const __m128i *) (sum ? ctrl8h[ch - 1] : ctrl8u[ch - 1]));
  const __m128i start = _mm_set1_epi32 (p->n_taps >> 1);

  for (int g = 0; g < t->groups; g++) {
    const int32_t *st = t->start + 8 * g;
    int m = p->out_len - 8 * g < 8 ? p->out_len - 8 * g : 8;
    __m128i a[8];
    ssse3_h8in_step (a, l, st, 0, wt, ctrl, 1, sum);
    wt += 64;
    for (int s = 1; s < steps; s++, wt += 64)
      ssse3_h8in_step (a, l, st, s * stride, wt, ctrl, 0, sum);
    if (sum)
      ssse3_pairs (a);
    ssse3_h8in_store (o + (size_t) 8 * g * ch, a, ch, m, sum, start);
  }
  for (int f = 0; f < t->n_fix; f++)
    if (sum)
      h_sum8_in_pixel ((uint16_t *) o, l, p, fix[f]);
    else
      h_int8_in_pixel (o, l, p, fix[f]);
}

static SSSE3 void
ssse3_h_int8_in (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  const TapsTable *t = p->aux;

  (void) s;
  if (!t || !t->vector) {
    for (int i = 0; i < p->out_len; i++)
      h_int8_in_pixel (dst, src, p, i);
    return;
  }
  switch (p->channels) {
    case 1:
      ssse3_h8in_run (dst, src, p, 1, 0);
      break;
    case 2:
      ssse3_h8in_run (dst, src, p, 2, 0);
      break;
    case 3:
      ssse3_h8in_run (dst, src, p, 3, 0);
      break;
    default:
      ssse3_h8in_run (dst, src, p, 4, 0);
      break;
  }
}

static SSSE3 void
ssse3_h_sum8_in (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  const TapsTable *t = p->aux;

  (void) s;
  if (!t || !t->vector) {
    for (int i = 0; i < p->out_len; i++)
      h_sum8_in_pixel (dst, src, p, i);
    return;
  }
  switch (p->channels) {
    case 1:
      ssse3_h8in_run (dst, src, p, 1, 1);
      break;
    case 2:
      ssse3_h8in_run (dst, src, p, 2, 1);
      break;
    case 3:
      ssse3_h8in_run (dst, src, p, 3, 1);
      break;
    default:
      ssse3_h8in_run (dst, src, p, 4, 1);
      break;
  }
}

/* avx2_v_sum8_in on 32 samples a block, the weights broadcast once (SSE2
 * has no broadcast from memory) */
static void
sse2_v_sum8_in (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const uint8_t *const *l = (const uint8_t *const *) src;
  const uint16_t *w = WROW (uint16_t, p, j);
  int n = p->n_taps, x = 0;
  uint16_t *o = dst;
  __m128i wk[AS_SUM_MAX_TAPS];
  const __m128i zero = _mm_setzero_si128 (),
                start = _mm_set1_epi16 ((int16_t) (n >> 1));

  (void) s;
  if (n > AS_SUM_MAX_TAPS)
    goto tail;
  for (int k = 0; k < n; k++)
    wk[k] = _mm_set1_epi16 ((int16_t) w[k]);
  for (; x + 32 <= width; x += 32) {
    __m128i a0 = start, a1 = start, a2 = start, a3 = start;
    for (int k = 0; k < n; k++) {
      __m128i u = _mm_loadu_si128 ((const __m128i *) (l[k] + x));
      __m128i v = _mm_loadu_si128 ((const __m128i *) (l[k] + x + 16));
      a0 = _mm_add_epi16 (
          a0, _mm_mulhi_epu16 (_mm_unpacklo_epi8 (zero, u), wk[k]));
      a1 = _mm_add_epi16 (
          a1, _mm_mulhi_epu16 (_mm_unpackhi_epi8 (zero, u), wk[k]));
      a2 = _mm_add_epi16 (
          a2, _mm_mulhi_epu16 (_mm_unpacklo_epi8 (zero, v), wk[k]));
      a3 = _mm_add_epi16 (
          a3, _mm_mulhi_epu16 (_mm_unpackhi_epi8 (zero, v), wk[k]));
    }
    _mm_storeu_si128 ((__m128i *) (o + x), a0);
    _mm_storeu_si128 ((__m128i *) (o + x + 8), a1);
    _mm_storeu_si128 ((__m128i *) (o + x + 16), a2);
    _mm_storeu_si128 ((__m128i *) (o + x + 24), a3);
  }
tail:
  v_sum8_in_scalar (o, l, w, n, x, width);
}

static void
sse2_v_sum8_out (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const uint16_t *const *l = (const uint16_t *const *) src;
  const uint16_t *w = WROW (uint16_t, p, j);
  int n = p->n_taps, x = 0;
  uint8_t *o = dst;
  __m128i wk[AS_SUM_MAX_TAPS];
  const __m128i start = _mm_set1_epi16 ((int16_t) (128 + (n >> 1)));

  (void) s;
  if (n > AS_SUM_MAX_TAPS)
    goto tail;
  for (int k = 0; k < n; k++)
    wk[k] = _mm_set1_epi16 ((int16_t) w[k]);
  for (; x + 32 <= width; x += 32) {
    __m128i a[4] = { start, start, start, start };
    for (int k = 0; k < n; k++)
#pragma GCC unroll 4
      for (int q = 0; q < 4; q++)
        a[q] = _mm_add_epi16 (a[q],
            _mm_mulhi_epu16 (
                _mm_loadu_si128 ((const __m128i *) (l[k] + x + 8 * q)), wk[k]));
    _mm_storeu_si128 ((__m128i *) (o + x),
        _mm_packus_epi16 (_mm_srli_epi16 (a[0], 8), _mm_srli_epi16 (a[1], 8)));
    _mm_storeu_si128 ((__m128i *) (o + x + 16),
        _mm_packus_epi16 (_mm_srli_epi16 (a[2], 8), _mm_srli_epi16 (a[3], 8)));
  }
tail:
  v_sum8_out_scalar (o, l, w, n, x, width);
}

/* avx2_v_int16_in on 8 samples a block (SSE4.1: pmovzxwd, pmuldq) */
static SSE41 void
sse41_v_int16_in (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const uint16_t *const *l = (const uint16_t *const *) src;
  const int32_t *w = WROW (int32_t, p, j);
  int n = p->n_taps, x = 0;
  int32_t *o = dst;
  const __m128i zero = _mm_setzero_si128 ();

  (void) s;
  for (; x + 8 <= width; x += 8) {
    __m128i e0 = zero, o0 = zero, e1 = zero, o1 = zero;
    for (int k = 0; k < n; k++) {
      __m128i wk = _mm_set1_epi32 (w[k]);
      __m128i v = _mm_loadu_si128 ((const __m128i *) (l[k] + x));
      __m128i a = _mm_cvtepu16_epi32 (v), b = _mm_unpackhi_epi16 (v, zero);
      e0 = _mm_add_epi32 (e0, _mm_mul_epi32 (_mm_slli_epi64 (a, 15), wk));
      o0 = _mm_add_epi32 (o0, _mm_mul_epi32 (_mm_srli_epi64 (a, 17), wk));
      e1 = _mm_add_epi32 (e1, _mm_mul_epi32 (_mm_slli_epi64 (b, 15), wk));
      o1 = _mm_add_epi32 (o1, _mm_mul_epi32 (_mm_srli_epi64 (b, 17), wk));
    }
    _mm_storeu_si128 ((__m128i *) (o + x),
        _mm_blend_epi16 (_mm_srli_epi64 (e0, 32), o0, 0xcc));
    _mm_storeu_si128 ((__m128i *) (o + x + 4),
        _mm_blend_epi16 (_mm_srli_epi64 (e1, 32), o1, 0xcc));
  }
  v_int16_in_scalar (o, l, w, n, x, width);
}

static inline SSE41_INLINE __m128i
sse41_int16_final (__m128i r, __m128i r2, __m128i maxval)
{
  const __m128i half = _mm_set1_epi32 (1 << 11);

  r = _mm_srai_epi32 (_mm_add_epi32 (r, half), 12);
  r2 = _mm_srai_epi32 (_mm_add_epi32 (r2, half), 12);
  return _mm_min_epu16 (_mm_packus_epi32 (r, r2), maxval);
}

static SSE41 void
sse41_v_int16_out (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const int32_t *const *l = (const int32_t *const *) src;
  const int32_t *w = WROW (int32_t, p, j);
  int n = p->n_taps, x = 0;
  uint16_t *o = dst;
  const __m128i zero = _mm_setzero_si128 (),
                maxval = _mm_set1_epi16 ((int16_t) p->maxval);

  (void) s;
  for (; x + 8 <= width; x += 8) {
    __m128i e0 = zero, o0 = zero, e1 = zero, o1 = zero;
    for (int k = 0; k < n; k++) {
      __m128i wk = _mm_set1_epi32 (w[k]);
      __m128i a = _mm_slli_epi32 (
          _mm_loadu_si128 ((const __m128i *) (l[k] + x)), 1);
      __m128i b = _mm_slli_epi32 (
          _mm_loadu_si128 ((const __m128i *) (l[k] + x + 4)), 1);
      e0 = _mm_add_epi32 (e0, _mm_mul_epi32 (a, wk));
      o0 = _mm_add_epi32 (o0, _mm_mul_epi32 (_mm_srli_epi64 (a, 32), wk));
      e1 = _mm_add_epi32 (e1, _mm_mul_epi32 (b, wk));
      o1 = _mm_add_epi32 (o1, _mm_mul_epi32 (_mm_srli_epi64 (b, 32), wk));
    }
    e0 = _mm_blend_epi16 (_mm_srli_epi64 (e0, 32), o0, 0xcc);
    e1 = _mm_blend_epi16 (_mm_srli_epi64 (e1, 32), o1, 0xcc);
    _mm_storeu_si128 ((__m128i *) (o + x), sse41_int16_final (e0, e1, maxval));
  }
  v_int16_out_scalar (o, l, w, n, p->maxval, x, width);
}

/* avx2_h16_step a lane at a time: a[u] lane 0, a[u + 4] lane 1 */
static inline SSE41_INLINE void
sse41_h16_step (__m128i *a, const int32_t *l, const int32_t *st, int off,
    const int32_t *wt, int first)
{
#pragma GCC unroll 8
  for (int u = 0; u < 8; u++) {
    const int32_t *wu = wt + 16 * (u % 4) + 4 * (u / 4);
    __m128i v = _mm_slli_epi32 (
        _mm_loadu_si128 ((const __m128i *) (l + st[u] + off)), 1);
    __m128i pe = _mm_mul_epi32 (v, _mm_loadu_si128 ((const __m128i *) wu));
    __m128i po = _mm_mul_epi32 (
        _mm_srli_epi64 (v, 32), _mm_loadu_si128 ((const __m128i *) (wu + 8)));
    v = _mm_blend_epi16 (_mm_srli_epi64 (pe, 32), po, 0xcc);
    a[u] = first ? v : _mm_add_epi32 (a[u], v);
  }
}

static inline SSE41_INLINE void
sse41_h16_store (uint16_t *o, __m128i *a, int ch, int m, __m128i maxval)
{
  uint16_t buf[32];
  uint16_t *d = m == 8 ? o : buf;

  if (ch == 1) {
    __m128i r = _mm_hadd_epi32 (
        _mm_hadd_epi32 (a[0], a[1]), _mm_hadd_epi32 (a[2], a[3]));
    __m128i b = _mm_hadd_epi32 (
        _mm_hadd_epi32 (a[4], a[5]), _mm_hadd_epi32 (a[6], a[7]));
    _mm_storeu_si128 ((__m128i *) d, sse41_int16_final (r, b, maxval));
  } else if (ch == 2) {
    for (int h = 0; h < 2; h++) {
      const __m128i *q = a + 4 * h;
      __m128i r = _mm_add_epi32 (
          _mm_unpacklo_epi64 (q[0], q[1]), _mm_unpackhi_epi64 (q[0], q[1]));
      __m128i b = _mm_add_epi32 (
          _mm_unpacklo_epi64 (q[2], q[3]), _mm_unpackhi_epi64 (q[2], q[3]));
      _mm_storeu_si128 (
          (__m128i *) (d + 8 * h), sse41_int16_final (r, b, maxval));
    }
  } else {
    for (int h = 0; h < 4; h++) {
      __m128i r = sse41_int16_final (a[2 * h], a[2 * h + 1], maxval);
      if (ch == 4) {
        _mm_storeu_si128 ((__m128i *) (d + 8 * h), r);
      } else {
        /* two pixels of 3 words */
        uint64_t lo = (uint64_t) _mm_cvtsi128_si64 (r);
        uint64_t hi = (uint64_t) _mm_extract_epi64 (r, 1);
        memcpy (d + 6 * h, &lo, 6);
        memcpy (d + 6 * h + 3, &hi, 6);
      }
    }
  }
  if (m < 8)
    memcpy (o, buf, (size_t) m * ch * sizeof (uint16_t));
}

static inline SSE41_INLINE void
sse41_h16_run (uint16_t *o, const int32_t *l, const AsPass *p, int ch)
{
  const TapsTable *t = p->aux;
  int steps = t->steps, stride = 4 / ch * ch;
  const int32_t *wt = (const int32_t *) ((const uint8_t *) t + t->at_w);
  const int32_t *fix = (const int32_t *) ((const uint8_t *) t + t->at_fix);
  const __m128i maxval = _mm_set1_epi16 ((int16_t) p->maxval);

  for (int g = 0; g < t->groups; g++) {
    const int32_t *st = t->start + 8 * g;
    int m = p->out_len - 8 * g < 8 ? p->out_len - 8 * g : 8;
    __m128i a[8];
    sse41_h16_step (a, l, st, 0, wt, 1);
    wt += 64;
    for (int s = 1; s < steps; s++, wt += 64)
      sse41_h16_step (a, l, st, s * stride, wt, 0);
    sse41_h16_store (o + (size_t) 8 * g * ch, a, ch, m, maxval);
  }
  for (int f = 0; f < t->n_fix; f++)
    h_int16_out_pixel (o, l, p, fix[f]);
}

static SSE41 void
sse41_h_int16_out (
    void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  const TapsTable *t = p->aux;

  (void) s;
  if (!t || !t->vector) {
    for (int i = 0; i < p->out_len; i++)
      h_int16_out_pixel (dst, src, p, i);
    return;
  }
  switch (p->channels) {
    case 1:
      sse41_h16_run (dst, src, p, 1);
      break;
    case 2:
      sse41_h16_run (dst, src, p, 2);
      break;
    case 3:
      sse41_h16_run (dst, src, p, 3);
      break;
    default:
      sse41_h16_run (dst, src, p, 4);
      break;
  }
}

/* avx2_h16in_step a lane at a time: a[u] lane 0, a[u + 4] lane 1 */
static inline SSE41_INLINE void
sse41_h16in_step (__m128i *a, const uint16_t *l, const int32_t *st, int off,
    const int32_t *wt, int first)
{
#pragma GCC unroll 8
  for (int u = 0; u < 8; u++) {
    const int32_t *wu = wt + 16 * (u % 4) + 4 * (u / 4);
    __m128i v = _mm_slli_epi32 (_mm_cvtepu16_epi32 (_mm_loadl_epi64 (
                                    (const __m128i *) (l + st[u] + off))),
        15);
    __m128i pe = _mm_mul_epi32 (v, _mm_loadu_si128 ((const __m128i *) wu));
    __m128i po = _mm_mul_epi32 (
        _mm_srli_epi64 (v, 32), _mm_loadu_si128 ((const __m128i *) (wu + 8)));
    v = _mm_blend_epi16 (_mm_srli_epi64 (pe, 32), po, 0xcc);
    a[u] = first ? v : _mm_add_epi32 (a[u], v);
  }
}

static inline SSE41_INLINE void
sse41_h16in_store (int32_t *o, __m128i *a, int ch, int m, int last)
{
  int32_t buf[36];
  int32_t *d = m == 8 && !(ch == 3 && last) ? o : buf;

  if (ch == 1) {
    for (int h = 0; h < 2; h++)
      _mm_storeu_si128 ((__m128i *) (d + 4 * h),
          _mm_hadd_epi32 (_mm_hadd_epi32 (a[4 * h], a[4 * h + 1]),
              _mm_hadd_epi32 (a[4 * h + 2], a[4 * h + 3])));
  } else if (ch == 2) {
    for (int u = 0; u < 8; u += 2)
      _mm_storeu_si128 ((__m128i *) (d + 2 * u),
          _mm_add_epi32 (_mm_unpacklo_epi64 (a[u], a[u + 1]),
              _mm_unpackhi_epi64 (a[u], a[u + 1])));
  } else {
    /* 3 channels: the last slot overwritten by the next pixel */
    for (int u = 0; u < 8; u++)
      _mm_storeu_si128 ((__m128i *) (d + ch * u), a[u]);
  }
  if (d == buf)
    memcpy (o, buf, (size_t) m * ch * sizeof (int32_t));
}

static inline SSE41_INLINE void
sse41_h16in_run (int32_t *o, const uint16_t *l, const AsPass *p, int ch)
{
  const TapsTable *t = p->aux;
  int steps = t->steps, stride = 4 / ch * ch;
  const int32_t *wt = (const int32_t *) ((const uint8_t *) t + t->at_w);
  const int32_t *fix = (const int32_t *) ((const uint8_t *) t + t->at_fix);

  for (int g = 0; g < t->groups; g++) {
    const int32_t *st = t->start + 8 * g;
    int m = p->out_len - 8 * g < 8 ? p->out_len - 8 * g : 8;
    __m128i a[8];
    sse41_h16in_step (a, l, st, 0, wt, 1);
    wt += 64;
    for (int s = 1; s < steps; s++, wt += 64)
      sse41_h16in_step (a, l, st, s * stride, wt, 0);
    sse41_h16in_store (o + (size_t) 8 * g * ch, a, ch, m, g == t->groups - 1);
  }
  for (int f = 0; f < t->n_fix; f++)
    h_int16_in_pixel (o, l, p, fix[f]);
}

static SSE41 void
sse41_h_int16_in (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  const TapsTable *t = p->aux;

  (void) s;
  if (!t || !t->vector) {
    for (int i = 0; i < p->out_len; i++)
      h_int16_in_pixel (dst, src, p, i);
    return;
  }
  switch (p->channels) {
    case 1:
      sse41_h16in_run (dst, src, p, 1);
      break;
    case 2:
      sse41_h16in_run (dst, src, p, 2);
      break;
    case 3:
      sse41_h16in_run (dst, src, p, 3);
      break;
    default:
      sse41_h16in_run (dst, src, p, 4);
      break;
  }
}

/* avx2_lerp32 on 4 lanes */
static inline SSE41_INLINE __m128i
sse41_lerp32 (__m128i b, __m128i o, __m128i w, __m128i wo)
{
  __m128i de = _mm_sub_epi32 (_mm_mul_epu32 (o, w), _mm_mul_epu32 (b, w));
  __m128i dd = _mm_sub_epi32 (_mm_mul_epu32 (_mm_srli_epi64 (o, 32), wo),
      _mm_mul_epu32 (_mm_srli_epi64 (b, 32), wo));

  return _mm_add_epi32 (b, _mm_blend_epi16 (_mm_srli_epi64 (de, 32), dd, 0xcc));
}

static SSE41 void
sse41_v_lerp16_out (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const uint32_t *b = src[0], *o = src[1];
  uint32_t w = ((const uint32_t *) p->w)[j];
  uint16_t *d = dst;
  const __m128i wv = _mm_set1_epi32 ((int32_t) w);
  int x = 0;

  (void) s;
  for (; x + 8 <= width; x += 8) {
    __m128i r0 = sse41_lerp32 (_mm_loadu_si128 ((const __m128i *) (b + x)),
        _mm_loadu_si128 ((const __m128i *) (o + x)), wv, wv);
    __m128i r1 = sse41_lerp32 (_mm_loadu_si128 ((const __m128i *) (b + x + 4)),
        _mm_loadu_si128 ((const __m128i *) (o + x + 4)), wv, wv);
    _mm_storeu_si128 ((__m128i *) (d + x),
        _mm_packus_epi32 (_mm_srli_epi32 (r0, 16), _mm_srli_epi32 (r1, 16)));
  }
  v_lerp16_out_scalar (d, b, o, w, x, width);
}

void
as_dsp_init_x86_taps (AsDsp *dsp, int ssse3, int avx2)
{
  int sse41 = __builtin_cpu_supports ("sse4.1");

  dsp->v[AS_V_INT8_IN] = sse2_v_int8_in;
  dsp->v[AS_V_INT8_OUT] = sse2_v_int8_out;
  dsp->v[AS_V_SUM8_IN] = sse2_v_sum8_in;
  dsp->v[AS_V_SUM8_OUT] = sse2_v_sum8_out;
  if (ssse3) {
    dsp->h[AS_H_SUM8_IN] = ssse3_h_sum8_in;
    dsp->h_prep[AS_H_SUM8_IN] = h_words_prep;
    dsp->h[AS_H_SUM8_OUT] = ssse3_h_sum8_out;
    dsp->h_prep[AS_H_SUM8_OUT] = h_words_prep;
    dsp->h[AS_H_INT8_IN] = ssse3_h_int8_in;
    dsp->h_prep[AS_H_INT8_IN] = h_words_prep;
    dsp->h[AS_H_INT8_OUT] = ssse3_h_int8_out;
    dsp->h_prep[AS_H_INT8_OUT] = h_words_prep;
  }
  if (sse41) {
    dsp->v[AS_V_INT16_IN] = sse41_v_int16_in;
    dsp->v[AS_V_INT16_OUT] = sse41_v_int16_out;
    dsp->h[AS_H_INT16_IN] = sse41_h_int16_in;
    dsp->h_prep[AS_H_INT16_IN] = h_int16_prep;
    dsp->h[AS_H_INT16_OUT] = sse41_h_int16_out;
    dsp->h_prep[AS_H_INT16_OUT] = h_int16_prep;
    /* the 16-bit lerp's other rows in SSE4.1 measured no faster than ORC's
     * (the horizontal ones, with no vpermd, slower): ORC keeps them */
    dsp->v[AS_V_LERP16_OUT] = sse41_v_lerp16_out;
  }
  if (avx2) {
    dsp->v[AS_V_SUM8_IN] = avx2_v_sum8_in;
    dsp->v[AS_V_SUM8_OUT] = avx2_v_sum8_out;
    dsp->h[AS_H_SUM8_IN] = avx2_h_sum8_in;
    dsp->h_prep[AS_H_SUM8_IN] = h_words_prep;
    dsp->h[AS_H_SUM8_OUT] = avx2_h_sum8_out;
    dsp->h_prep[AS_H_SUM8_OUT] = h_words_prep;
    dsp->v[AS_V_INT8_IN] = avx2_v_int8_in;
    dsp->v[AS_V_INT8_OUT] = avx2_v_int8_out;
    dsp->h[AS_H_INT8_IN] = avx2_h_int8_in;
    dsp->h_prep[AS_H_INT8_IN] = h_words_prep;
    dsp->h[AS_H_INT8_OUT] = avx2_h_int8_out;
    dsp->h_prep[AS_H_INT8_OUT] = h_words_prep;
    dsp->v[AS_V_INT16_IN] = avx2_v_int16_in;
    dsp->v[AS_V_INT16_OUT] = avx2_v_int16_out;
    dsp->h[AS_H_INT16_IN] = avx2_h_int16_in;
    dsp->h_prep[AS_H_INT16_IN] = h_int16_prep;
    dsp->h[AS_H_INT16_OUT] = avx2_h_int16_out;
    dsp->h_prep[AS_H_INT16_OUT] = h_int16_prep;
    dsp->v[AS_V_LERP16_IN] = avx2_v_lerp16_in;
    dsp->v[AS_V_LERP16_OUT] = avx2_v_lerp16_out;
    dsp->h[AS_H_LERP16_IN] = avx2_h_lerp16_in;
    dsp->h_prep[AS_H_LERP16_IN] = NULL;
    dsp->h[AS_H_LERP16_OUT] = avx2_h_lerp16_out;
    dsp->h_prep[AS_H_LERP16_OUT] = NULL;
  }
}

#else

void
as_dsp_init_x86_taps (AsDsp *dsp, int ssse3, int avx2)
{
  (void) dsp;
  (void) ssse3;
  (void) avx2;
}

#endif
