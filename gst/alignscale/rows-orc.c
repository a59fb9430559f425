/* alignscale: the ORC row functions
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Wrappers that run the programs of alignscaleorc.orc with the signatures
 * of dsp.h. Each gives the bytes of its C reference in rows-c.c
 * (tests/check/libs/dsp.c). Horizontal rows gather their taps into lines
 * first (gather.c) and take the weights replicated per sample.
 */
#include <string.h>

#include "alignscaleorc.h"
#include "dsp.h"
#include "gather.h"

#define WROW(type, p, j) ((const type *) (p)->w + (size_t) (j) * (p)->n_taps)

/* ------------------------------------------- int8 (14-bit weights) */

/* Any number of taps on an int32 accumulator line (ping-pong in acc):
 * four vertical taps per program, two horizontal ones. The sums are
 * exact, so the grouping changes no byte. Each returns the line holding
 * the sum. */
static inline int32_t *
acc_v_u8 (const uint8_t *const *src, const int16_t *w, int n_taps, int width,
    int32_t *acc)
{
  int32_t *a = acc, *b = acc + width, *t;
  int k = n_taps >= 4 ? 4 : 1;

  if (k == 4)
    as_orc_v_u8_acc_init4 (
        a, src[0], src[1], src[2], src[3], w[0], w[1], w[2], w[3], width);
  else
    as_orc_v_u8_acc_init (a, src[0], w[0], width);
  for (; k + 4 <= n_taps; k += 4, t = a, a = b, b = t)
    as_orc_v_u8_acc_add4 (b, a, src[k], src[k + 1], src[k + 2], src[k + 3],
        w[k], w[k + 1], w[k + 2], w[k + 3], width);
  for (; k < n_taps; k++, t = a, a = b, b = t)
    as_orc_v_u8_acc_add (b, a, src[k], w[k], width);
  return a;
}

static inline int32_t *
acc_v_i16 (const int16_t *const *src, const int16_t *w, int n_taps, int width,
    int32_t *acc)
{
  int32_t *a = acc, *b = acc + width, *t;
  int k = n_taps >= 4 ? 4 : 1;

  if (k == 4)
    as_orc_v_i16_acc_init4 (
        a, src[0], src[1], src[2], src[3], w[0], w[1], w[2], w[3], width);
  else
    as_orc_v_i16_acc_init (a, src[0], w[0], width);
  for (; k + 4 <= n_taps; k += 4, t = a, a = b, b = t)
    as_orc_v_i16_acc_add4 (b, a, src[k], src[k + 1], src[k + 2], src[k + 3],
        w[k], w[k + 1], w[k + 2], w[k + 3], width);
  for (; k < n_taps; k++, t = a, a = b, b = t)
    as_orc_v_i16_acc_add (b, a, src[k], w[k], width);
  return a;
}

static inline int32_t *
acc_h_u8 (
    const uint8_t *gl, const int16_t *wr, int n_taps, int width, int32_t *acc)
{
  int32_t *a = acc, *b = acc + width, *t;
  int k = 1;

  as_orc_h_u8_acc_init (a, gl, wr, width);
  for (; k + 2 <= n_taps; k += 2, t = a, a = b, b = t)
    as_orc_h_u8_acc_add2 (b, a, gl + (size_t) k * width,
        gl + (size_t) (k + 1) * width, wr + (size_t) k * width,
        wr + (size_t) (k + 1) * width, width);
  for (; k < n_taps; k++, t = a, a = b, b = t)
    as_orc_h_u8_acc_add (
        b, a, gl + (size_t) k * width, wr + (size_t) k * width, width);
  return a;
}

static inline int32_t *
acc_h_i16 (
    const int16_t *gl, const int16_t *wr, int n_taps, int width, int32_t *acc)
{
  int32_t *a = acc, *b = acc + width, *t;
  int k = 1;

  as_orc_h_i16_acc_init (a, gl, wr, width);
  for (; k + 2 <= n_taps; k += 2, t = a, a = b, b = t)
    as_orc_h_i16_acc_add2 (b, a, gl + (size_t) k * width,
        gl + (size_t) (k + 1) * width, wr + (size_t) k * width,
        wr + (size_t) (k + 1) * width, width);
  for (; k < n_taps; k++, t = a, a = b, b = t)
    as_orc_h_i16_acc_add (
        b, a, gl + (size_t) k * width, wr + (size_t) k * width, width);
  return a;
}

/* the 2- and 4-tap programs leave one weight implied: the weights of an
 * output sum exactly to one (model.h) */
static void
v_int8_in (void *dst, const void *const *src, const AsPass *p, int j, int width,
    AsLineScratch *s)
{
  const uint8_t *const *l = (const uint8_t *const *) src;
  const int16_t *w = WROW (int16_t, p, j);

  if (p->n_taps == 2)
    as_orc_v2_u8_i16 (dst, l[0], l[1], w[1], width);
  else if (p->n_taps == 4)
    as_orc_v4_u8_i16 (dst, l[0], l[1], l[2], l[3], w[0], w[2], w[3], width);
  else
    as_orc_acc_to_i16 (dst, acc_v_u8 (l, w, p->n_taps, width, s->acc), width);
}

static void
v_int8_out (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const int16_t *const *l = (const int16_t *const *) src;
  const int16_t *w = WROW (int16_t, p, j);

  if (p->n_taps == 2)
    as_orc_v2_i16_u8 (dst, l[0], l[1], w[1], width);
  else if (p->n_taps == 4)
    as_orc_v4_i16_u8 (
        dst, l[0], l[1], l[2], l[3], w[0], w[1], w[2], w[3], width);
  else
    as_orc_acc_to_u8 (dst, acc_v_i16 (l, w, p->n_taps, width, s->acc), width);
}

static void
h_int8_in (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  int width = p->out_len * p->channels;
  const uint8_t *gl = s->gather;
  const int16_t *wr = p->wr;

  as_gather_taps (s->gather, src, p->offset, p->n_taps, p->out_len, p->channels,
      1, p->step2_a, p->step2_b);
  if (p->n_taps == 2)
    as_orc_h2_u8_i16 (dst, gl, gl + width, wr + width, width);
  else if (p->n_taps == 4)
    as_orc_h4_u8_i16 (dst, gl, gl + width, gl + 2 * width, gl + 3 * width, wr,
        wr + 2 * width, wr + 3 * width, width);
  else
    as_orc_acc_to_i16 (dst, acc_h_u8 (gl, wr, p->n_taps, width, s->acc), width);
}

static void
h_int8_out (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  int width = p->out_len * p->channels;
  const int16_t *gl = s->gather;
  const int16_t *wr = p->wr;

  as_gather_taps (s->gather, src, p->offset, p->n_taps, p->out_len, p->channels,
      2, p->step2_a, p->step2_b);
  if (p->n_taps == 2)
    as_orc_h2_i16_u8 (dst, gl, gl + width, wr + width, width);
  else if (p->n_taps == 4)
    as_orc_h4_i16_u8 (dst, gl, gl + width, gl + 2 * width, gl + 3 * width, wr,
        wr + 2 * width, wr + 3 * width, width);
  else
    as_orc_acc_to_u8 (dst, acc_h_i16 (gl, wr, p->n_taps, width, s->acc), width);
}

/* ------------------------------------------ int16 (30-bit weights) */

/* ORC saturates to 16 bits; a smaller depth clamps once more (the same
 * value as one clamp to [0, maxval]) */
static inline void
clamp_depth (uint16_t *d, int maxval, int width)
{
  if (maxval < 65535)
    for (int x = 0; x < width; x++)
      d[x] = d[x] > maxval ? (uint16_t) maxval : d[x];
}

static void
v_int16_in (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const uint16_t *const *l = (const uint16_t *const *) src;
  const int32_t *w = WROW (int32_t, p, j);
  int n = p->n_taps;

  if (n == 4) {
    as_orc_v4_u16_i32 (
        dst, l[0], l[1], l[2], l[3], w[0], w[1], w[2], w[3], width);
  } else {
    int32_t *acc = s->acc, *a = n == 1 ? dst : acc, *b = acc + width, *t;
    as_orc_v_u16_acc_init (a, l[0], w[0], width);
    for (int k = 1; k < n; k++, t = a, a = b, b = t)
      as_orc_v_u16_acc_add (k == n - 1 ? dst : b, a, l[k], w[k], width);
  }
}

static void
v_int16_out (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const int32_t *const *l = (const int32_t *const *) src;
  const int32_t *w = WROW (int32_t, p, j);

  if (p->n_taps == 4) {
    as_orc_v4_i32_u16 (
        dst, l[0], l[1], l[2], l[3], w[0], w[1], w[2], w[3], width);
  } else {
    int32_t *a = s->acc, *b = a + width, *t;
    as_orc_v_i32_acc_init (a, l[0], w[0], width);
    for (int k = 1; k < p->n_taps; k++, t = a, a = b, b = t)
      as_orc_v_i32_acc_add (b, a, l[k], w[k], width);
    as_orc_acc_to_u16 (dst, a, width);
  }
  clamp_depth (dst, p->maxval, width);
}

static void
h_int16_in (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  int width = p->out_len * p->channels, n = p->n_taps;
  const uint16_t *gl = s->gather;
  const int32_t *wr = p->wr;

  as_gather_taps (s->gather, src, p->offset, n, p->out_len, p->channels, 2,
      p->step2_a, p->step2_b);
  if (n == 4) {
    as_orc_h4_u16_i32 (dst, gl, gl + width, gl + 2 * width, gl + 3 * width, wr,
        wr + 2 * width, wr + 3 * width, width);
  } else {
    int32_t *acc = s->acc, *a = n == 1 ? dst : acc, *b = acc + width, *t;
    as_orc_h_u16_acc_init (a, gl, wr, width);
    for (int k = 1; k < n; k++, t = a, a = b, b = t)
      as_orc_h_u16_acc_add (k == n - 1 ? dst : b, a, gl + (size_t) k * width,
          wr + (size_t) k * width, width);
  }
}

static void
h_int16_out (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  int width = p->out_len * p->channels;
  const int32_t *gl = s->gather;
  const int32_t *wr = p->wr;

  as_gather_taps (s->gather, src, p->offset, p->n_taps, p->out_len, p->channels,
      4, p->step2_a, p->step2_b);
  if (p->n_taps == 4) {
    as_orc_h4_i32_u16 (dst, gl, gl + width, gl + 2 * width, gl + 3 * width, wr,
        wr + 2 * width, wr + 3 * width, width);
  } else {
    int32_t *a = s->acc, *b = a + width, *t;
    as_orc_h_i32_acc_init (a, gl, wr, width);
    for (int k = 1; k < p->n_taps; k++, t = a, a = b, b = t)
      as_orc_h_i32_acc_add (
          b, a, gl + (size_t) k * width, wr + (size_t) k * width, width);
    as_orc_acc_to_u16 (dst, a, width);
  }
  clamp_depth (dst, p->maxval, width);
}

/* ------------------------------------------------------- lerp model */

static void
v_lerp8_in (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  as_orc_lerp_v_u8_u16 (
      dst, src[0], src[1], ((const uint16_t *) p->w)[j], width);
}

static void
v_lerp8_out (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  as_orc_lerp_v_u16_u8 (
      dst, src[0], src[1], ((const uint16_t *) p->w)[j], width);
}

static void
v_lerp8_one (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  as_orc_lerp_v_u8_u8 (
      dst, src[0], src[1], ((const uint16_t *) p->w)[j], width);
}

static void
v_lerp16_in (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  as_orc_lerp_v_u16_u32 (
      dst, src[0], src[1], (int32_t) ((const uint32_t *) p->w)[j], width);
}

static void
v_lerp16_out (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  as_orc_lerp_v_u32_u16 (
      dst, src[0], src[1], (int32_t) ((const uint32_t *) p->w)[j], width);
}

/* pixels base[i] and base[i] + 1 into two gather lines (sample size ss) */
static inline void *
gather_pair (const void *src, const AsPass *p, AsLineScratch *s, size_t ss)
{
  size_t line = (size_t) p->out_len * p->channels * ss;
  uint8_t *gb = s->gather;

  as_gather_pair (gb, gb + line, src, p->in_len, p->offset, p->n_pair,
      p->out_len, p->channels * ss);
  return gb + line;
}

static void
h_lerp8_in (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  const uint8_t *go = gather_pair (src, p, s, 1);
  as_orc_lerp_h_u8_u16 (dst, s->gather, go, p->wr, p->out_len * p->channels);
}

static void
h_lerp8_out (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  const uint16_t *go = gather_pair (src, p, s, 2);
  as_orc_lerp_h_u16_u8 (dst, s->gather, go, p->wr, p->out_len * p->channels);
}

static void
h_lerp8_one (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  const uint8_t *go = gather_pair (src, p, s, 1);
  as_orc_lerp_h_u8_u8 (dst, s->gather, go, p->wr, p->out_len * p->channels);
}

static void
h_lerp16_in (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  const uint16_t *go = gather_pair (src, p, s, 2);
  as_orc_lerp_h_u16_u32 (dst, s->gather, go, p->wr, p->out_len * p->channels);
}

static void
h_lerp16_out (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  const uint32_t *go = gather_pair (src, p, s, 4);
  as_orc_lerp_h_u32_u16 (dst, s->gather, go, p->wr, p->out_len * p->channels);
}

int
as_dsp_box2_aligned (int channels, const void *src, ptrdiff_t sstride,
    const void *dst, ptrdiff_t dstride)
{
  uintptr_t in = 2 * channels - 1, out = channels - 1;

  return ((uintptr_t) src & in) == 0 && ((uintptr_t) sstride & in) == 0
      && ((uintptr_t) dst & out) == 0 && ((uintptr_t) dstride & out) == 0;
}

/* (a + b + c + d + 2) >> 2 on pixel pairs read as words: 1 or 2 channels,
 * little-endian, aligned rows (as_dsp_box2_aligned) */
static void
v_box2 (void *dst, const void *const *src, const AsPass *p, int j, int width,
    AsLineScratch *s)
{
  int out_w = width / p->channels;

  if (p->channels == 1)
    as_orc_box2_u8_c1 (dst, src[0], src[1], out_w);
  else
    as_orc_box2_u8_c2 (dst, src[0], src[1], out_w);
}

/* -------------------------------------------------------- sum model */

/* Four vertical taps per program over the uint16 accumulator (ping-pong
 * in acc, sums wrap as the C reference's); the last program writes to
 * `last` when it is not NULL. Returns the line holding the sum. */
static inline uint16_t *
sum_v_u8 (uint16_t *last, const uint8_t *const *src, const uint16_t *w,
    int n_taps, int width, uint16_t *acc, uint16_t start)
{
  uint16_t *a = acc, *b, *spare = acc + width;
  int k = 0;

  as_orc_sum_init (a, start, width);
  while (k < n_taps) {
    int four = k + 4 <= n_taps;
    b = k + (four ? 4 : 1) == n_taps && last ? last : spare;
    if (four)
      as_orc_sum_v_u8_add4 (b, a, src[k], src[k + 1], src[k + 2], src[k + 3],
          w[k], w[k + 1], w[k + 2], w[k + 3], width);
    else
      as_orc_sum_v_u8_add1 (b, a, src[k], w[k], width);
    k += four ? 4 : 1;
    spare = a;
    a = b;
  }
  return a;
}

static inline uint16_t *
sum_v_u16 (const uint16_t *const *src, const uint16_t *w, int n_taps, int width,
    uint16_t *acc, uint16_t start)
{
  uint16_t *a = acc, *b, *spare = acc + width;
  int k = 0;

  as_orc_sum_init (a, start, width);
  while (k < n_taps) {
    int four = k + 4 <= n_taps;
    b = spare;
    if (four)
      as_orc_sum_v_u16_add4 (b, a, src[k], src[k + 1], src[k + 2], src[k + 3],
          w[k], w[k + 1], w[k + 2], w[k + 3], width);
    else
      as_orc_sum_v_u16_add1 (b, a, src[k], w[k], width);
    k += four ? 4 : 1;
    spare = a;
    a = b;
  }
  return a;
}

static void
v_sum8_in (void *dst, const void *const *src, const AsPass *p, int j, int width,
    AsLineScratch *s)
{
  sum_v_u8 (dst, (const uint8_t *const *) src, WROW (uint16_t, p, j), p->n_taps,
      width, s->acc, (uint16_t) (p->n_taps >> 1));
}

static void
v_sum8_out (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  as_orc_sum_to_u8 (dst,
      sum_v_u16 ((const uint16_t *const *) src, WROW (uint16_t, p, j),
          p->n_taps, width, s->acc, (uint16_t) (128 + (p->n_taps >> 1))),
      width);
}

/* two horizontal taps per program, the same way */
static inline uint16_t *
sum_h_u8 (uint16_t *last, const uint8_t *gl, const uint16_t *wr, int n_taps,
    int width, uint16_t *acc, uint16_t start)
{
  uint16_t *a = acc, *b, *spare = acc + width;
  int k = 0;

  as_orc_sum_init (a, start, width);
  while (k < n_taps) {
    int two = k + 2 <= n_taps;
    b = k + (two ? 2 : 1) == n_taps && last ? last : spare;
    if (two)
      as_orc_sum_h_u8_add2 (b, a, gl + (size_t) k * width,
          gl + (size_t) (k + 1) * width, wr + (size_t) k * width,
          wr + (size_t) (k + 1) * width, width);
    else
      as_orc_sum_h_u8_add1 (
          b, a, gl + (size_t) k * width, wr + (size_t) k * width, width);
    k += two ? 2 : 1;
    spare = a;
    a = b;
  }
  return a;
}

static inline uint16_t *
sum_h_u16 (const uint16_t *gl, const uint16_t *wr, int n_taps, int width,
    uint16_t *acc, uint16_t start)
{
  uint16_t *a = acc, *b, *spare = acc + width;
  int k = 0;

  as_orc_sum_init (a, start, width);
  while (k < n_taps) {
    int two = k + 2 <= n_taps;
    b = spare;
    if (two)
      as_orc_sum_h_u16_add2 (b, a, gl + (size_t) k * width,
          gl + (size_t) (k + 1) * width, wr + (size_t) k * width,
          wr + (size_t) (k + 1) * width, width);
    else
      as_orc_sum_h_u16_add1 (
          b, a, gl + (size_t) k * width, wr + (size_t) k * width, width);
    k += two ? 2 : 1;
    spare = a;
    a = b;
  }
  return a;
}

static void
h_sum8_in (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  int width = p->out_len * p->channels;

  as_gather_taps (s->gather, src, p->offset, p->n_taps, p->out_len, p->channels,
      1, p->step2_a, p->step2_b);
  sum_h_u8 (dst, s->gather, p->wr, p->n_taps, width, s->acc,
      (uint16_t) (p->n_taps >> 1));
}

static void
h_sum8_out (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  int width = p->out_len * p->channels;

  as_gather_taps (s->gather, src, p->offset, p->n_taps, p->out_len, p->channels,
      2, p->step2_a, p->step2_b);
  as_orc_sum_to_u8 (dst,
      sum_h_u16 (s->gather, p->wr, p->n_taps, width, s->acc,
          (uint16_t) (128 + (p->n_taps >> 1))),
      width);
}

/* ------------------------------------------------------ YUV -> RGB */

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
static void
merge4 (uint8_t *dst, const uint8_t *a, const uint8_t *b, const uint8_t *c,
    const uint8_t *d, int n)
{
  as_orc_merge4_u8 ((uint32_t *) dst, a, b, c, d, n);
}
#endif

/* ---------------------------------- OpenCV INTER_LINEAR 8U (model-opencv.c) */

static void
h_ocv8_in (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  int width = p->out_len * p->channels;
  const uint8_t *go = gather_pair (src, p, s, 1);
  const int16_t *wr = p->wr;

  as_orc_ocv_h_u8_i32 (dst, s->gather, go, wr, wr + width, width);
}

static void
v_ocv8_out (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const int16_t *w = p->w;

  (void) s;
  as_orc_ocv_v_i32_u8 (dst, src[0], src[1], w[2 * j], w[2 * j + 1], width);
}

/* ------------------ OpenCV INTER_CUBIC, INTER_LANCZOS4 8U (model-opencv.c) */

/* the n gathered taps 2 or 1 at a time: the first program writes a line,
 * the others add to it (ping-pong in acc), the last one into dst (no
 * 4-tap program: its 8 sources crash orc-test 0.4.33's harness) */
static void
h_ocv8_taps (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  int width = p->out_len * p->channels, n = p->n_taps;
  size_t wl = (size_t) width;
  const uint8_t *g = s->gather;
  const int16_t *wr = p->wr;
  int32_t *acc = s->acc, *out;
  int k = n >= 2 ? 2 : 1;

  as_gather_taps (s->gather, src, p->offset, n, p->out_len, p->channels, 1,
      p->step2_a, p->step2_b);
  out = k == n ? dst : acc;
  if (k == 2)
    as_orc_ocv_h_u8_i32 (out, g, g + wl, wr, wr + wl, width);
  else
    as_orc_ocv_h1_u8_i32 (out, g, wr, width);
  while (k < n) {
    int step = n - k >= 2 ? 2 : 1;
    int32_t *in = out;

    out = k + step == n ? dst : in == acc ? acc + wl : acc;
    if (step == 2)
      as_orc_ocv_h2_acc_i32 (out, in, g + k * wl, g + (k + 1) * wl, wr + k * wl,
          wr + (k + 1) * wl, width);
    else
      as_orc_ocv_h1_acc_i32 (out, in, g + k * wl, wr + k * wl, width);
    k += step;
  }
}

/* the float32 body on the first 8 floor (width / 8) samples, the fixed
 * point on the rest (rows-c.c) */
static void
v_ocv8_cubic (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const int16_t *w = WROW (int16_t, p, j);
  const int32_t *const *r = (const int32_t *const *) src;
  const float sc = 1.0f / 4194304.0f;
  int nv = width - width % 8;
  uint8_t *o = dst;

  (void) s;
  if (nv > 0)
    as_orc_ocv_v_cubic_u8 (o, r[0], r[1], r[2], r[3], w[0] * sc, w[1] * sc,
        w[2] * sc, w[3] * sc, nv);
  if (nv < width)
    as_orc_ocv_vfix4_u8 (o + nv, r[0] + nv, r[1] + nv, r[2] + nv, r[3] + nv,
        w[0], w[1], w[2], w[3], width - nv);
}

/* eight rows (INTER_LANCZOS4): four into acc, four more and the cast */
static void
v_ocv8_lanczos4 (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const int16_t *w = WROW (int16_t, p, j);
  const int32_t *const *r = (const int32_t *const *) src;
  int32_t *a = s->acc;

  if (p->n_taps == 4) {
    as_orc_ocv_vfix4_u8 (
        dst, r[0], r[1], r[2], r[3], w[0], w[1], w[2], w[3], width);
    return;
  }
  as_orc_ocv_vfix4_acc (
      a, r[0], r[1], r[2], r[3], w[0], w[1], w[2], w[3], width);
  as_orc_ocv_vfix4_acc_u8 (
      dst, a, r[4], r[5], r[6], r[7], w[4], w[5], w[6], w[7], width);
}

/* ------------------------------------------ Pillow 8-bit (model-pillow.c) */

static void
h_pil8 (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  int width = p->out_len * p->channels, n = p->n_taps;
  const uint8_t *gl = s->gather;
  const int32_t *wr = p->wr;
  int32_t *a = s->acc, *b = a + width, *t;

  as_gather_taps (s->gather, src, p->offset, n, p->out_len, p->channels, 1,
      p->step2_a, p->step2_b);
  as_orc_pil_acc_init (a, gl, wr, width);
  for (int k = 1; k < n; k++, t = a, a = b, b = t)
    as_orc_pil_acc_add (
        b, a, gl + (size_t) k * width, wr + (size_t) k * width, width);
  as_orc_pil_acc_to_u8 (dst, a, width);
}

static void
v_pil8 (void *dst, const void *const *src, const AsPass *p, int j, int width,
    AsLineScratch *s)
{
  const int32_t *w = (const int32_t *) p->w + (size_t) j * p->n_taps;
  int32_t *a = s->acc, *b = a + width, *t;

  as_orc_pil_vacc_init (a, src[0], w[0], width);
  for (int k = 1; k < p->n_taps; k++, t = a, a = b, b = t)
    as_orc_pil_vacc_add (b, a, src[k], w[k], width);
  as_orc_pil_acc_to_u8 (dst, a, width);
}

/* ---------------------- OpenCV INTER_AREA, INTER_LINEAR_EXACT 8U */

/* resizeArea_'s float rows: tap after tap in float32 (ping-pong in acc),
 * the last one into dst */
static void
h_ocv8_area_in (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  int width = p->out_len * p->channels, n = p->n_taps;
  const uint8_t *gl = s->gather;
  const float *wr = p->wr;
  float *a = s->acc, *b = a + width, *t;

  as_gather_taps (s->gather, src, p->offset, n, p->out_len, p->channels, 1,
      p->step2_a, p->step2_b);
  as_orc_ocv_area_h_init (n == 1 ? dst : a, gl, wr, width);
  for (int k = 1; k < n; k++, t = a, a = b, b = t)
    as_orc_ocv_area_h_add (k == n - 1 ? dst : b, a, gl + (size_t) k * width,
        wr + (size_t) k * width, width);
}

static void
v_ocv8_area_out (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const float *w = (const float *) p->w + (size_t) j * p->n_taps;
  float *a = s->acc, *b = a + width, *t;
  int n = p->n_taps;

  if (n == 1) {
    as_orc_ocv_area_v_one_u8 (dst, src[0], w[0], width);
    return;
  }
  as_orc_ocv_area_v_init (a, src[0], w[0], width);
  for (int k = 1; k < n - 1; k++, t = a, a = b, b = t)
    as_orc_ocv_area_v_add (b, a, src[k], w[k], width);
  as_orc_ocv_area_v_add_u8 (dst, a, src[n - 1], w[n - 1], width);
}

static void
h_ocv8x_in (void *dst, const void *src, const AsPass *p, AsLineScratch *s)
{
  int width = p->out_len * p->channels;
  const uint8_t *go = gather_pair (src, p, s, 1);
  const uint16_t *wr = p->wr;

  as_orc_ocvx_h_u8_u16 (dst, s->gather, go, wr, wr + width, width);
}

static void
v_ocv8x_out (void *dst, const void *const *src, const AsPass *p, int j,
    int width, AsLineScratch *s)
{
  const uint16_t *w = p->w;

  (void) s;
  as_orc_ocvx_v_u16_u8 (dst, src[0], src[1], w[2 * j], w[2 * j + 1], width);
}

void
as_dsp_init_orc (AsDsp *dsp)
{
  AsHFunc before[AS_N_H];

  memcpy (before, dsp->h, sizeof (before));
  dsp->h[AS_H_PIL8] = h_pil8;
  dsp->v[AS_V_PIL8] = v_pil8;
  dsp->h[AS_H_OCV8_IN] = h_ocv8_in;
  dsp->v[AS_V_OCV8_OUT] = v_ocv8_out;
  dsp->h[AS_H_OCV8_TAPS] = h_ocv8_taps;
  dsp->v[AS_V_OCV8_CUBIC] = v_ocv8_cubic;
  dsp->v[AS_V_OCV8_LANCZOS4] = v_ocv8_lanczos4;
  dsp->h[AS_H_OCV8_AREA_IN] = h_ocv8_area_in;
  dsp->v[AS_V_OCV8_AREA_OUT] = v_ocv8_area_out;
  dsp->h[AS_H_OCV8X_IN] = h_ocv8x_in;
  dsp->v[AS_V_OCV8X_OUT] = v_ocv8x_out;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  dsp->merge4 = merge4;
#endif
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
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  dsp->v[AS_V_BOX2] = v_box2;
#endif

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
  /* the ORC rows take no table of their own */
  for (int e = 0; e < AS_N_H; e++)
    if (dsp->h[e] != before[e])
      dsp->h_prep[e] = NULL;
}
