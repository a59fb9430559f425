/* alignscale: the integer models' per-sample arithmetic (model.h), shared
 * by the C references (rows-c.c) and the scalar tails of the x86 rows
 * (rows-x86.c, rows-x86-taps.c), so a tail cannot drift from its reference
 * SPDX-License-Identifier: LGPL-2.1-or-later
 * Pure C, no GStreamer types.
 */
#ifndef __ALIGN_SCALE_ROWS_ARITH_H__
#define __ALIGN_SCALE_ROWS_ARITH_H__

#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "dsp.h"

#include "model.h"

/* weight row j of a pass (n_taps weights of the model's type) */
#define WROW(type, p, j) ((const type *) (p)->w + (size_t) (j) * (p)->n_taps)

static inline int32_t
clamp_i (int64_t v, int32_t maxval)
{
  return v < 0 ? 0 : (v > maxval ? maxval : (int32_t) v);
}

static inline int16_t
int8_inter (int32_t acc)
{
  return (int16_t) ((acc + (1 << (AS_PASS1_SHIFT_8 - 1))) >> AS_PASS1_SHIFT_8);
}

static inline uint8_t
int8_final (int32_t acc, int32_t maxval)
{
  return (uint8_t) clamp_i (
      (acc + (1 << (AS_PASS2_SHIFT_8 - 1))) >> AS_PASS2_SHIFT_8, maxval);
}

/* (a b) >> 32, arithmetic: the high half of a 32-bit product */
static inline int32_t
mulhsl (int32_t a, int32_t b)
{
  return (int32_t) (((int64_t) a * b) >> 32);
}

static inline uint16_t
int16_final (int32_t r, int32_t maxval)
{
  return (uint16_t) clamp_i (((int64_t) r + (1 << 11)) >> 12, maxval);
}

static inline uint16_t
lerp16 (uint32_t b, uint32_t o, uint32_t w)
{
  return (uint16_t) (b - ((b * w) >> 16) + ((o * w) >> 16));
}

static inline uint32_t
lerp32 (uint64_t b, uint64_t o, uint64_t w)
{
  return (uint32_t) (b - ((b * w) >> 32) + ((o * w) >> 32));
}

/* Pillow 9.4's 8-bit passes: acc = 2^21 + sum s w (int32 weights in 22
 * fractional bits), out = clip8 (acc >> 22), clipped between passes */
static inline uint8_t
pil_clip8 (int32_t acc)
{
  int32_t v = acc >> 22;
  return (uint8_t) (v < 0 ? 0 : v > 255 ? 255 : v);
}

/* its horizontal pass: output pixel i of line l */
static inline void
pil_h_pixel (uint8_t *o, const uint8_t *l, const AsPass *p, int i)
{
  int ch = p->channels, n = p->n_taps;
  const uint8_t *px = l + (size_t) p->offset[i] * ch;
  const int32_t *wi = WROW (int32_t, p, i);

  for (int c = 0; c < ch; c++) {
    int32_t acc = 1 << 21;
    for (int k = 0; k < n; k++)
      acc += px[k * ch + c] * wi[k];
    o[(size_t) i * ch + c] = pil_clip8 (acc);
  }
}

/* its vertical pass: sample x from rows[0 .. n) with weights w */
static inline uint8_t
pil_v_sample (const uint8_t *const *rows, const int32_t *w, int n, int x)
{
  int32_t acc = 1 << 21;

  for (int k = 0; k < n; k++)
    acc += rows[k][x] * w[k];
  return pil_clip8 (acc);
}

/* OpenCV 4.6 INTER_LINEAR 8U's vertical (the SIMD body of
 * VResizeLinearVec_32s8u, which its scalar rows equal): sat_u8 ((sat_s16
 * (((T0 >> 4) b0 >> 16) + ((T1 >> 4) b1 >> 16)) + 2) >> 2) */
static inline uint8_t
ocv8_linear_v (int32_t t0, int32_t t1, int32_t b0, int32_t b1)
{
  int32_t v = (((t0 >> 4) * b0) >> 16) + (((t1 >> 4) * b1) >> 16);

  v = v < -32768 ? -32768 : v > 32767 ? 32767 : v;
  v = (v + 2) >> 2;
  return (uint8_t) (v < 0 ? 0 : v > 255 ? 255 : v);
}

/* OpenCV's INTER_AREA fast path of an exact 2x2 downscale, sample x of
 * the output from pixels 2 i, 2 i + 1 (i = x / ch) of rows r0, r1:
 * (a + b + c + d + 2) >> 2 for 1, 3 or 4 channels, cvRound (sum * 0.25f)
 * (ties to even) for others */
static inline uint8_t
ocv8_area2_sample (const uint8_t *r0, const uint8_t *r1, int ch, int x)
{
  int i = x / ch, c = x % ch;
  int sum = r0[2 * i * ch + c] + r0[(2 * i + 1) * ch + c] + r1[2 * i * ch + c]
      + r1[(2 * i + 1) * ch + c];

  if (ch == 1 || ch == 3 || ch == 4)
    return (uint8_t) ((sum + 2) >> 2);
  return (uint8_t) lrintf ((float) sum * 0.25f);
}

#endif /* __ALIGN_SCALE_ROWS_ARITH_H__ */
