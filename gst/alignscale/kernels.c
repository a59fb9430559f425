/* alignscale: per-line kernels (portable C reference)
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * See kernels.h for the fixed-point contract. Right shifts of negative
 * accumulators are arithmetic (floor), as on every compiler GStreamer
 * supports, so (acc + half) >> s rounds half up.
 */
#include <string.h>

#include "kernels.h"

static inline uint8_t
clamp_u8 (int32_t v)
{
  return v < 0 ? 0 : (v > 255 ? 255 : (uint8_t) v);
}

static inline uint16_t
clamp_u16 (int64_t v)
{
  return v < 0 ? 0 : (v > 65535 ? 65535 : (uint16_t) v);
}

void
as_v_u8_i16 (int16_t *dst, const uint8_t *const *src, const int16_t *w,
    int n_taps, int width)
{
  for (int x = 0; x < width; x++) {
    int32_t acc = 0;
    for (int k = 0; k < n_taps; k++)
      acc += (int32_t) src[k][x] * w[k];
    dst[x] = (int16_t) ((acc + (1 << (AS_PASS1_SHIFT_8 - 1)))
        >> AS_PASS1_SHIFT_8);
  }
}

void
as_v_i16_u8 (uint8_t *dst, const int16_t *const *src, const int16_t *w,
    int n_taps, int width)
{
  for (int x = 0; x < width; x++) {
    int32_t acc = 0;
    for (int k = 0; k < n_taps; k++)
      acc += (int32_t) src[k][x] * w[k];
    dst[x] = clamp_u8 (
        (acc + (1 << (AS_PASS2_SHIFT_8 - 1))) >> AS_PASS2_SHIFT_8);
  }
}

void
as_v_u16_i32 (int32_t *dst, const uint16_t *const *src, const int32_t *w,
    int n_taps, int width)
{
  for (int x = 0; x < width; x++) {
    int64_t acc = 0;
    for (int k = 0; k < n_taps; k++)
      acc += (int64_t) src[k][x] * w[k];
    dst[x] = (int32_t) ((acc + (1 << (AS_PASS1_SHIFT_16 - 1)))
        >> AS_PASS1_SHIFT_16);
  }
}

void
as_v_i32_u16 (uint16_t *dst, const int32_t *const *src, const int32_t *w,
    int n_taps, int width)
{
  for (int x = 0; x < width; x++) {
    int64_t acc = 0;
    for (int k = 0; k < n_taps; k++)
      acc += (int64_t) src[k][x] * w[k];
    dst[x] = clamp_u16 (
        (acc + ((int64_t) 1 << (AS_PASS2_SHIFT_16 - 1))) >> AS_PASS2_SHIFT_16);
  }
}

void
as_h_u8_i16 (int16_t *dst, const uint8_t *src, const int32_t *offset,
    const int16_t *w, int n_taps, int out_w, int channels)
{
  for (int i = 0; i < out_w; i++) {
    const uint8_t *s = src + (size_t) offset[i] * channels;
    const int16_t *wi = w + (size_t) i * n_taps;
    for (int c = 0; c < channels; c++) {
      int32_t acc = 0;
      for (int k = 0; k < n_taps; k++)
        acc += (int32_t) s[k * channels + c] * wi[k];
      dst[i * channels + c] = (int16_t) ((acc + (1 << (AS_PASS1_SHIFT_8 - 1)))
          >> AS_PASS1_SHIFT_8);
    }
  }
}

void
as_h_i16_u8 (uint8_t *dst, const int16_t *src, const int32_t *offset,
    const int16_t *w, int n_taps, int out_w, int channels)
{
  for (int i = 0; i < out_w; i++) {
    const int16_t *s = src + (size_t) offset[i] * channels;
    const int16_t *wi = w + (size_t) i * n_taps;
    for (int c = 0; c < channels; c++) {
      int32_t acc = 0;
      for (int k = 0; k < n_taps; k++)
        acc += (int32_t) s[k * channels + c] * wi[k];
      dst[i * channels + c] = clamp_u8 (
          (acc + (1 << (AS_PASS2_SHIFT_8 - 1))) >> AS_PASS2_SHIFT_8);
    }
  }
}

void
as_h_u16_i32 (int32_t *dst, const uint16_t *src, const int32_t *offset,
    const int32_t *w, int n_taps, int out_w, int channels)
{
  for (int i = 0; i < out_w; i++) {
    const uint16_t *s = src + (size_t) offset[i] * channels;
    const int32_t *wi = w + (size_t) i * n_taps;
    for (int c = 0; c < channels; c++) {
      int64_t acc = 0;
      for (int k = 0; k < n_taps; k++)
        acc += (int64_t) s[k * channels + c] * wi[k];
      dst[i * channels + c] = (int32_t) ((acc + (1 << (AS_PASS1_SHIFT_16 - 1)))
          >> AS_PASS1_SHIFT_16);
    }
  }
}

void
as_h_i32_u16 (uint16_t *dst, const int32_t *src, const int32_t *offset,
    const int32_t *w, int n_taps, int out_w, int channels)
{
  for (int i = 0; i < out_w; i++) {
    const int32_t *s = src + (size_t) offset[i] * channels;
    const int32_t *wi = w + (size_t) i * n_taps;
    for (int c = 0; c < channels; c++) {
      int64_t acc = 0;
      for (int k = 0; k < n_taps; k++)
        acc += (int64_t) s[k * channels + c] * wi[k];
      dst[i * channels + c] = clamp_u16 (
          (acc + ((int64_t) 1 << (AS_PASS2_SHIFT_16 - 1)))
          >> AS_PASS2_SHIFT_16);
    }
  }
}

void
as_h_nearest (
    uint8_t *dst, const uint8_t *src, const int32_t *idx, int out_w, int bpp)
{
  switch (bpp) {
    case 1:
      for (int i = 0; i < out_w; i++)
        dst[i] = src[idx[i]];
      break;
    case 2:
      for (int i = 0; i < out_w; i++)
        memcpy (dst + 2 * i, src + 2 * (size_t) idx[i], 2);
      break;
    case 3:
      for (int i = 0; i < out_w; i++)
        memcpy (dst + 3 * i, src + 3 * (size_t) idx[i], 3);
      break;
    case 4:
      for (int i = 0; i < out_w; i++)
        memcpy (dst + 4 * i, src + 4 * (size_t) idx[i], 4);
      break;
    default:
      for (int i = 0; i < out_w; i++)
        memcpy (dst + (size_t) bpp * i, src + (size_t) bpp * idx[i], bpp);
      break;
  }
}
