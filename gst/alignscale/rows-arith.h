/* alignscale: the integer models' per-sample arithmetic (model.h), shared
 * by the C references (rows-c.c) and the scalar tails of the x86 rows
 * (rows-x86.c, rows-x86-taps.c), so a tail cannot drift from its reference
 * SPDX-License-Identifier: LGPL-2.1-or-later
 * Pure C, no GStreamer types.
 */
#ifndef __ALIGN_SCALE_ROWS_ARITH_H__
#define __ALIGN_SCALE_ROWS_ARITH_H__

#include <stdint.h>

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

#endif /* __ALIGN_SCALE_ROWS_ARITH_H__ */
