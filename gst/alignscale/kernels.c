/* alignscale: per-line kernels (portable C reference)
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * See kernels.h for the fixed-point contract. Right shifts of negative
 * accumulators are arithmetic (floor), as on every compiler GStreamer
 * supports, so (acc + half) >> s rounds half up.
 */
#include <math.h>
#include <string.h>

#include "kernels.h"
#include "alignscaleorc.h"

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

/* (a b) >> 32, arithmetic: the high half of a 32-bit product */
static inline int32_t
mulhsl (int32_t a, int32_t b)
{
  return (int32_t) (((int64_t) a * b) >> 32);
}

static inline uint16_t
final_u16 (int32_t r)
{
  return clamp_u16 (((int64_t) r + (1 << 11)) >> 12);
}

void
as_v_u16_i32 (int32_t *dst, const uint16_t *const *src, const int32_t *w,
    int n_taps, int width)
{
  for (int x = 0; x < width; x++) {
    int32_t acc = 0;
    for (int k = 0; k < n_taps; k++)
      acc += mulhsl ((int32_t) src[k][x] << 15, w[k]);
    dst[x] = acc;
  }
}

void
as_v_i32_u16 (uint16_t *dst, const int32_t *const *src, const int32_t *w,
    int n_taps, int width)
{
  for (int x = 0; x < width; x++) {
    int32_t acc = 0;
    for (int k = 0; k < n_taps; k++)
      acc += mulhsl ((int32_t) ((uint32_t) src[k][x] << 1), w[k]);
    dst[x] = final_u16 (acc);
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
      int32_t acc = 0;
      for (int k = 0; k < n_taps; k++)
        acc += mulhsl ((int32_t) s[k * channels + c] << 15, wi[k]);
      dst[i * channels + c] = acc;
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
      int32_t acc = 0;
      for (int k = 0; k < n_taps; k++)
        acc += mulhsl ((int32_t) ((uint32_t) s[k * channels + c] << 1), wi[k]);
      dst[i * channels + c] = final_u16 (acc);
    }
  }
}

/* ---------------------------------------------------------- lerp model */

static inline uint16_t
lerp16 (uint32_t b, uint32_t o, uint32_t w)
{
  return (uint16_t) (b - ((b * w) >> 16) + ((o * w) >> 16));
}

void
as_lerp_v_u8_u16 (
    uint16_t *dst, const uint8_t *b, const uint8_t *o, uint16_t w, int width)
{
  for (int x = 0; x < width; x++)
    dst[x] = lerp16 (b[x] << 8 | 128, o[x] << 8 | 128, w);
}

void
as_lerp_v_u16_u8 (
    uint8_t *dst, const uint16_t *b, const uint16_t *o, uint16_t w, int width)
{
  for (int x = 0; x < width; x++)
    dst[x] = (uint8_t) (lerp16 (b[x], o[x], w) >> 8);
}

void
as_lerp_h_u8_u16 (uint16_t *dst, const uint8_t *src, const int32_t *base,
    const uint16_t *w, int out_w, int channels)
{
  for (int i = 0; i < out_w; i++) {
    const uint8_t *b = src + (size_t) base[i] * channels;
    const uint8_t *o = w[i] ? b + channels : b;
    for (int c = 0; c < channels; c++)
      dst[i * channels + c] = lerp16 (b[c] << 8 | 128, o[c] << 8 | 128, w[i]);
  }
}

void
as_lerp_h_u16_u8 (uint8_t *dst, const uint16_t *src, const int32_t *base,
    const uint16_t *w, int out_w, int channels)
{
  for (int i = 0; i < out_w; i++) {
    const uint16_t *b = src + (size_t) base[i] * channels;
    const uint16_t *o = w[i] ? b + channels : b;
    for (int c = 0; c < channels; c++)
      dst[i * channels + c] = (uint8_t) (lerp16 (b[c], o[c], w[i]) >> 8);
  }
}

void
as_lerp_v_u8_u8 (
    uint8_t *dst, const uint8_t *b, const uint8_t *o, uint16_t w, int width)
{
  for (int x = 0; x < width; x++)
    dst[x] = (uint8_t) (lerp16 (b[x] << 8 | 128, o[x] << 8 | 128, w) >> 8);
}

void
as_lerp_h_u8_u8 (uint8_t *dst, const uint8_t *src, const int32_t *base,
    const uint16_t *w, int out_w, int channels)
{
  for (int i = 0; i < out_w; i++) {
    const uint8_t *b = src + (size_t) base[i] * channels;
    const uint8_t *o = w[i] ? b + channels : b;
    for (int c = 0; c < channels; c++)
      dst[i * channels + c] = (uint8_t) (lerp16 (b[c] << 8 | 128,
                                             o[c] << 8 | 128, w[i])
          >> 8);
  }
}

static inline uint32_t
lerp32 (uint64_t b, uint64_t o, uint64_t w)
{
  return (uint32_t) (b - ((b * w) >> 32) + ((o * w) >> 32));
}

void
as_lerp_v_u16_u32 (
    uint32_t *dst, const uint16_t *b, const uint16_t *o, uint32_t w, int width)
{
  for (int x = 0; x < width; x++)
    dst[x] = lerp32 (
        (uint32_t) b[x] << 16 | 32768, (uint32_t) o[x] << 16 | 32768, w);
}

void
as_lerp_v_u32_u16 (
    uint16_t *dst, const uint32_t *b, const uint32_t *o, uint32_t w, int width)
{
  for (int x = 0; x < width; x++)
    dst[x] = (uint16_t) (lerp32 (b[x], o[x], w) >> 16);
}

void
as_lerp_h_u16_u32 (uint32_t *dst, const uint16_t *src, const int32_t *base,
    const uint32_t *w, int out_w, int channels)
{
  for (int i = 0; i < out_w; i++) {
    const uint16_t *b = src + (size_t) base[i] * channels;
    const uint16_t *o = w[i] ? b + channels : b;
    for (int c = 0; c < channels; c++)
      dst[i * channels + c] = lerp32 (
          (uint32_t) b[c] << 16 | 32768, (uint32_t) o[c] << 16 | 32768, w[i]);
  }
}

void
as_lerp_h_u32_u16 (uint16_t *dst, const uint32_t *src, const int32_t *base,
    const uint32_t *w, int out_w, int channels)
{
  for (int i = 0; i < out_w; i++) {
    const uint32_t *b = src + (size_t) base[i] * channels;
    const uint32_t *o = w[i] ? b + channels : b;
    for (int c = 0; c < channels; c++)
      dst[i * channels + c] = (uint16_t) (lerp32 (b[c], o[c], w[i]) >> 16);
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

/* ------------------------------------------------- the sum model */

static inline uint16_t
mulhu16 (uint16_t a, uint16_t w)
{
  return (uint16_t) (((uint32_t) a * w) >> 16);
}

void
as_sum_v_u8_u16 (uint16_t *dst, const uint8_t *const *src, const uint16_t *w,
    int n_taps, int width)
{
  for (int x = 0; x < width; x++) {
    uint16_t acc = (uint16_t) (n_taps >> 1);
    for (int k = 0; k < n_taps; k++)
      acc += mulhu16 ((uint16_t) (src[k][x] << 8), w[k]);
    dst[x] = acc;
  }
}

void
as_sum_v_u16_u8 (uint8_t *dst, const uint16_t *const *src, const uint16_t *w,
    int n_taps, int width)
{
  for (int x = 0; x < width; x++) {
    uint16_t acc = (uint16_t) (128 + (n_taps >> 1));
    for (int k = 0; k < n_taps; k++)
      acc += mulhu16 (src[k][x], w[k]);
    dst[x] = (uint8_t) (acc >> 8);
  }
}

void
as_sum_h_u8_u16 (uint16_t *dst, const uint8_t *src, const int32_t *offset,
    const uint16_t *w, int n_taps, int out_w, int channels)
{
  for (int i = 0; i < out_w; i++) {
    const uint8_t *s = src + (size_t) offset[i] * channels;
    const uint16_t *wi = w + (size_t) i * n_taps;
    for (int c = 0; c < channels; c++) {
      uint16_t acc = (uint16_t) (n_taps >> 1);
      for (int k = 0; k < n_taps; k++)
        acc += mulhu16 ((uint16_t) (s[k * channels + c] << 8), wi[k]);
      dst[i * channels + c] = acc;
    }
  }
}

void
as_sum_h_u16_u8 (uint8_t *dst, const uint16_t *src, const int32_t *offset,
    const uint16_t *w, int n_taps, int out_w, int channels)
{
  for (int i = 0; i < out_w; i++) {
    const uint16_t *s = src + (size_t) offset[i] * channels;
    const uint16_t *wi = w + (size_t) i * n_taps;
    for (int c = 0; c < channels; c++) {
      uint16_t acc = (uint16_t) (128 + (n_taps >> 1));
      for (int k = 0; k < n_taps; k++)
        acc += mulhu16 (s[k * channels + c], wi[k]);
      dst[i * channels + c] = (uint8_t) (acc >> 8);
    }
  }
}

/* ---------------------------------------------------- fast 8-bit paths */

/* any number of taps on an int32 accumulator line (ping-pong in acc; a
 * ends up holding the sum): four vertical taps per pass, two horizontal
 * ones. The sums are exact, so the grouping changes no byte. */
#define ACC_V_TAPS(type)                                                       \
  int32_t *a = acc, *b = acc + width, *t;                                      \
  int k = n_taps >= 4 ? 4 : 1;                                                 \
  if (k == 4)                                                                  \
    as_orc_v_##type##_acc_init4 (                                              \
        a, src[0], src[1], src[2], src[3], w[0], w[1], w[2], w[3], width);     \
  else                                                                         \
    as_orc_v_##type##_acc_init (a, src[0], w[0], width);                       \
  for (; k + 4 <= n_taps; k += 4, t = a, a = b, b = t)                         \
    as_orc_v_##type##_acc_add4 (b, a, src[k], src[k + 1], src[k + 2],          \
        src[k + 3], w[k], w[k + 1], w[k + 2], w[k + 3], width);                \
  for (; k < n_taps; k++, t = a, a = b, b = t)                                 \
  as_orc_v_##type##_acc_add (b, a, src[k], w[k], width)

#define ACC_H_TAPS(type)                                                       \
  int32_t *a = acc, *b = acc + width, *t;                                      \
  int k = 1;                                                                   \
  as_orc_h_##type##_acc_init (a, gl, wr, width);                               \
  for (; k + 2 <= n_taps; k += 2, t = a, a = b, b = t)                         \
    as_orc_h_##type##_acc_add2 (b, a, gl + (size_t) k * width,                 \
        gl + (size_t) (k + 1) * width, wr + (size_t) k * width,                \
        wr + (size_t) (k + 1) * width, width);                                 \
  for (; k < n_taps; k++, t = a, a = b, b = t)                                 \
  as_orc_h_##type##_acc_add (                                                  \
      b, a, gl + (size_t) k * width, wr + (size_t) k * width, width)

void
as_fast_v_u8_i16 (int16_t *dst, const uint8_t *const *src, const int16_t *w,
    int n_taps, int width, int32_t *acc)
{
  if (n_taps == 2) {
    as_orc_v2_u8_i16 (dst, src[0], src[1], w[1], width);
  } else if (n_taps == 4) {
    as_orc_v4_u8_i16 (
        dst, src[0], src[1], src[2], src[3], w[0], w[2], w[3], width);
  } else {
    ACC_V_TAPS (u8);
    as_orc_acc_to_i16 (dst, a, width);
  }
}

void
as_fast_v_i16_u8 (uint8_t *dst, const int16_t *const *src, const int16_t *w,
    int n_taps, int width, int32_t *acc)
{
  if (n_taps == 2) {
    as_orc_v2_i16_u8 (dst, src[0], src[1], w[1], width);
  } else if (n_taps == 4) {
    as_orc_v4_i16_u8 (
        dst, src[0], src[1], src[2], src[3], w[0], w[1], w[2], w[3], width);
  } else {
    ACC_V_TAPS (i16);
    as_orc_acc_to_u8 (dst, a, width);
  }
}

void
as_replicate_weights (
    int16_t *wr, const int16_t *w, int n_taps, int out_w, int channels)
{
  size_t line = (size_t) out_w * channels;

  for (int k = 0; k < n_taps; k++)
    for (int i = 0; i < out_w; i++)
      for (int c = 0; c < channels; c++)
        wr[k * line + (size_t) i * channels + c] = w[(size_t) i * n_taps + k];
}

/* pixels base[i] and base[i] + 1 (px bytes each) to pixel i of lines gb
 * and go, in one pass over base; from i = n_pair on, base[i] + 1 may be
 * past the line (its weight is 0) and base[i] goes to both. One load of
 * both pixels and two stores measured 1.4-2.4x faster than a loop per
 * line. 3- and 6-byte pixels (RGB) load 8 or 16 bytes and store 4 or 8,
 * overlapping the next pixel's slot, where that stays inside both the
 * source line (in_w pixels) and the gather lines. */
static void
gather_pair (uint8_t *restrict gb, uint8_t *restrict go,
    const uint8_t *restrict s, int in_w, const int32_t *restrict base,
    int n_pair, int out_w, size_t px)
{
  int i = 0;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (px == 3 || px == 6) {
    size_t load = px == 3 ? 8 : 16;
    int n = n_pair < out_w - 1 ? n_pair : out_w - 1;

    /* bases never decrease: the wide loads that fit come first */
    while (n > 0 && (size_t) base[n - 1] * px + load > (size_t) in_w * px)
      n--;
    if (px == 3) {
      for (; i < n; i++) {
        uint64_t v;
        uint32_t b, o;
        memcpy (&v, s + 3 * (size_t) base[i], 8);
        b = (uint32_t) v;
        o = (uint32_t) (v >> 24);
        memcpy (gb + 3 * (size_t) i, &b, 4);
        memcpy (go + 3 * (size_t) i, &o, 4);
      }
    } else {
      for (; i < n; i++) {
        uint64_t v[2], o;
        memcpy (v, s + 6 * (size_t) base[i], 16);
        o = v[0] >> 48 | v[1] << 16;
        memcpy (gb + 6 * (size_t) i, v, 8);
        memcpy (go + 6 * (size_t) i, &o, 8);
      }
    }
  }
#endif

  switch (px) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    case 1:
      for (; i < n_pair; i++) {
        uint16_t v;
        memcpy (&v, s + base[i], 2);
        gb[i] = (uint8_t) v;
        go[i] = (uint8_t) (v >> 8);
      }
      break;
    case 2:
      for (; i < n_pair; i++) {
        uint32_t v;
        uint16_t b, o;
        memcpy (&v, s + 2 * (size_t) base[i], 4);
        b = (uint16_t) v;
        o = (uint16_t) (v >> 16);
        memcpy (gb + 2 * (size_t) i, &b, 2);
        memcpy (go + 2 * (size_t) i, &o, 2);
      }
      break;
#endif
      /* constant sizes: the copies become single moves */
#define GATHER(n)                                                              \
  case n:                                                                      \
    for (; i < n_pair; i++) {                                                  \
      const uint8_t *p = s + (size_t) n * base[i];                             \
      memcpy (gb + (size_t) n * i, p, n);                                      \
      memcpy (go + (size_t) n * i, p + n, n);                                  \
    }                                                                          \
    break
      GATHER (3);
      GATHER (4);
      GATHER (6);
      GATHER (8);
#undef GATHER
    default:
      for (; i < n_pair; i++) {
        const uint8_t *p = s + px * base[i];
        memcpy (gb + px * i, p, px);
        memcpy (go + px * i, p + px, px);
      }
      break;
  }
  for (; i < out_w; i++) {
    memcpy (gb + px * i, s + px * base[i], px);
    memcpy (go + px * i, s + px * base[i], px);
  }
}

/* tap k of output pixel i, all channels, into line k at pixel i. Four
 * taps (bicubic) are copied in one pass over the offsets: one load of the
 * window where it fits a register, four stores. */
static void
gather (void *gather, const void *src, const int32_t *offset, int n_taps,
    int out_w, int channels, int sample_size)
{
  size_t px = (size_t) channels * sample_size;
  size_t line = px * out_w;
  const uint8_t *s = src;
  uint8_t *g = gather;

  if (n_taps == 4) {
    uint8_t *g0 = g, *g1 = g + line, *g2 = g + 2 * line, *g3 = g + 3 * line;

    switch (px) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
      case 1:
        for (int i = 0; i < out_w; i++) {
          uint32_t v;
          memcpy (&v, s + offset[i], 4);
          g0[i] = (uint8_t) v;
          g1[i] = (uint8_t) (v >> 8);
          g2[i] = (uint8_t) (v >> 16);
          g3[i] = (uint8_t) (v >> 24);
        }
        return;
      case 2:
        for (int i = 0; i < out_w; i++) {
          uint64_t v;
          uint16_t t[4];
          memcpy (&v, s + 2 * (size_t) offset[i], 8);
          t[0] = (uint16_t) v;
          t[1] = (uint16_t) (v >> 16);
          t[2] = (uint16_t) (v >> 32);
          t[3] = (uint16_t) (v >> 48);
          memcpy (g0 + 2 * (size_t) i, t, 2);
          memcpy (g1 + 2 * (size_t) i, t + 1, 2);
          memcpy (g2 + 2 * (size_t) i, t + 2, 2);
          memcpy (g3 + 2 * (size_t) i, t + 3, 2);
        }
        return;
      case 3:
        /* RGB: 12 bytes in two loads, four 4-byte stores that overlap the
         * next slot (all but the last pixel) */
        for (int i = 0; i < out_w - 1; i++) {
          const uint8_t *p = s + 3 * (size_t) offset[i];
          uint64_t a;
          uint32_t b, t[4];
          memcpy (&a, p, 8);
          memcpy (&b, p + 8, 4);
          t[0] = (uint32_t) a;
          t[1] = (uint32_t) (a >> 24);
          t[2] = (uint32_t) (a >> 48) | b << 16;
          t[3] = b >> 8;
          memcpy (g0 + 3 * (size_t) i, t, 4);
          memcpy (g1 + 3 * (size_t) i, t + 1, 4);
          memcpy (g2 + 3 * (size_t) i, t + 2, 4);
          memcpy (g3 + 3 * (size_t) i, t + 3, 4);
        }
        break;
      case 6:
        /* 16-bit RGB: 24 bytes in three loads, four 8-byte stores */
        for (int i = 0; i < out_w - 1; i++) {
          uint64_t v[3], t[4];
          memcpy (v, s + 6 * (size_t) offset[i], 24);
          t[0] = v[0];
          t[1] = v[0] >> 48 | v[1] << 16;
          t[2] = v[1] >> 32 | v[2] << 32;
          t[3] = v[2] >> 16;
          memcpy (g0 + 6 * (size_t) i, t, 8);
          memcpy (g1 + 6 * (size_t) i, t + 1, 8);
          memcpy (g2 + 6 * (size_t) i, t + 2, 8);
          memcpy (g3 + 6 * (size_t) i, t + 3, 8);
        }
        break;
#endif
#define GATHER4(n)                                                             \
  case n:                                                                      \
    for (int i = 0; i < out_w; i++) {                                          \
      const uint8_t *p = s + (size_t) n * offset[i];                           \
      memcpy (g0 + (size_t) n * i, p, n);                                      \
      memcpy (g1 + (size_t) n * i, p + n, n);                                  \
      memcpy (g2 + (size_t) n * i, p + 2 * n, n);                              \
      memcpy (g3 + (size_t) n * i, p + 3 * n, n);                              \
    }                                                                          \
    return
        GATHER4 (4);
        GATHER4 (8);
#undef GATHER4
      default:
        break;
    }
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if ((px == 3 || px == 6) && out_w > 0) {
      /* the last pixel: exact copies */
      const uint8_t *p = s + px * offset[out_w - 1];
      for (int k = 0; k < 4; k++)
        memcpy (g + k * line + px * (out_w - 1), p + k * px, px);
      return;
    }
#endif
  }

  for (int k = 0; k < n_taps; k++, g += line) {
    switch (px) {
      /* constant sizes: the copies become single moves */
#define GATHER(n)                                                              \
  case n:                                                                      \
    for (int i = 0; i < out_w; i++)                                            \
      memcpy (g + (size_t) n * i, s + (size_t) n * (offset[i] + k), n);        \
    break
      GATHER (1);
      GATHER (2);
      GATHER (3);
      GATHER (4);
      GATHER (6);
      GATHER (8);
#undef GATHER
      default:
        for (int i = 0; i < out_w; i++)
          memcpy (g + px * i, s + px * (offset[i] + k), px);
        break;
    }
  }
}

void
as_fast_h_u8_i16 (int16_t *dst, const uint8_t *src, const int32_t *offset,
    const int16_t *wr, int n_taps, int out_w, int channels, void *g,
    int32_t *acc)
{
  int width = out_w * channels;
  const uint8_t *gl = g;

  gather (g, src, offset, n_taps, out_w, channels, 1);
  if (n_taps == 2) {
    as_orc_h2_u8_i16 (dst, gl, gl + width, wr + width, width);
  } else if (n_taps == 4) {
    as_orc_h4_u8_i16 (dst, gl, gl + width, gl + 2 * width, gl + 3 * width, wr,
        wr + 2 * width, wr + 3 * width, width);
  } else {
    ACC_H_TAPS (u8);
    as_orc_acc_to_i16 (dst, a, width);
  }
}

void
as_fast_h_i16_u8 (uint8_t *dst, const int16_t *src, const int32_t *offset,
    const int16_t *wr, int n_taps, int out_w, int channels, void *g,
    int32_t *acc)
{
  int width = out_w * channels;
  const int16_t *gl = g;

  gather (g, src, offset, n_taps, out_w, channels, 2);
  if (n_taps == 2) {
    as_orc_h2_i16_u8 (dst, gl, gl + width, wr + width, width);
  } else if (n_taps == 4) {
    as_orc_h4_i16_u8 (dst, gl, gl + width, gl + 2 * width, gl + 3 * width, wr,
        wr + 2 * width, wr + 3 * width, width);
  } else {
    ACC_H_TAPS (i16);
    as_orc_acc_to_u8 (dst, a, width);
  }
}

void
as_fast_box2_u8 (uint8_t *dst, const uint8_t *row0, const uint8_t *row1,
    int out_w, int channels)
{
  if (channels == 1)
    as_orc_box2_u8_c1 (
        dst, (const uint16_t *) row0, (const uint16_t *) row1, out_w);
  else
    as_orc_box2_u8_c2 ((uint16_t *) dst, (const uint32_t *) row0,
        (const uint32_t *) row1, out_w);
}

/* ---------------------------------------------- fast sum-model paths */

/* four vertical taps per pass over the uint16 accumulator (ping-pong in
 * acc); the last pass writes `last`: dst for u16 output, else acc */
#define SUM_V_BODY(add4, add1, last)                                           \
  uint16_t *a = acc, *b, *spare = acc + width;                                 \
  int k = 0;                                                                   \
  as_orc_sum_init (a, start, width);                                           \
  while (k < n_taps) {                                                         \
    int four = k + 4 <= n_taps;                                                \
    b = k + (four ? 4 : 1) == n_taps && (last) ? (last) : spare;               \
    if (four)                                                                  \
      add4 (b, a, src[k], src[k + 1], src[k + 2], src[k + 3], w[k], w[k + 1],  \
          w[k + 2], w[k + 3], width);                                          \
    else                                                                       \
      add1 (b, a, src[k], w[k], width);                                        \
    k += four ? 4 : 1;                                                         \
    spare = a;                                                                 \
    a = b;                                                                     \
  }

void
as_fast_sum_v_u8_u16 (uint16_t *dst, const uint8_t *const *src,
    const uint16_t *w, int n_taps, int width, uint16_t *acc)
{
  uint16_t start = (uint16_t) (n_taps >> 1);
  SUM_V_BODY (as_orc_sum_v_u8_add4, as_orc_sum_v_u8_add1, dst);
}

void
as_fast_sum_v_u16_u8 (uint8_t *dst, const uint16_t *const *src,
    const uint16_t *w, int n_taps, int width, uint16_t *acc)
{
  uint16_t start = (uint16_t) (128 + (n_taps >> 1));
  SUM_V_BODY (as_orc_sum_v_u16_add4, as_orc_sum_v_u16_add1, NULL);
  as_orc_sum_to_u8 (dst, a, width);
}

#undef SUM_V_BODY

#define SUM_H_BODY(add2, add1, gl, last)                                       \
  uint16_t *a = acc, *b, *spare = acc + width;                                 \
  int k = 0;                                                                   \
  as_orc_sum_init (a, start, width);                                           \
  while (k < n_taps) {                                                         \
    int two = k + 2 <= n_taps;                                                 \
    b = k + (two ? 2 : 1) == n_taps && (last) ? (last) : spare;                \
    if (two)                                                                   \
      add2 (b, a, gl + (size_t) k * width, gl + (size_t) (k + 1) * width,      \
          wr + (size_t) k * width, wr + (size_t) (k + 1) * width, width);      \
    else                                                                       \
      add1 (b, a, gl + (size_t) k * width, wr + (size_t) k * width, width);    \
    k += two ? 2 : 1;                                                          \
    spare = a;                                                                 \
    a = b;                                                                     \
  }

void
as_fast_sum_h_u8_u16 (uint16_t *dst, const uint8_t *src, const int32_t *offset,
    const uint16_t *wr, int n_taps, int out_w, int channels, void *g,
    uint16_t *acc)
{
  int width = out_w * channels;
  uint16_t start = (uint16_t) (n_taps >> 1);
  const uint8_t *gl = g;

  gather (g, src, offset, n_taps, out_w, channels, 1);
  {
    SUM_H_BODY (as_orc_sum_h_u8_add2, as_orc_sum_h_u8_add1, gl, dst);
  }
}

void
as_fast_sum_h_u16_u8 (uint8_t *dst, const uint16_t *src, const int32_t *offset,
    const uint16_t *wr, int n_taps, int out_w, int channels, void *g,
    uint16_t *acc)
{
  int width = out_w * channels;
  uint16_t start = (uint16_t) (128 + (n_taps >> 1));
  const uint16_t *gl = g;

  gather (g, src, offset, n_taps, out_w, channels, 2);
  {
    SUM_H_BODY (as_orc_sum_h_u16_add2, as_orc_sum_h_u16_add1, gl, NULL);
    as_orc_sum_to_u8 (dst, a, width);
  }
}

#undef SUM_H_BODY

/* ---------------------------------------------------- fast lerp paths */

void
as_fast_lerp_v_u8_u16 (
    uint16_t *dst, const uint8_t *b, const uint8_t *o, uint16_t w, int width)
{
  as_orc_lerp_v_u8_u16 (dst, b, o, w, width);
}

void
as_fast_lerp_v_u16_u8 (
    uint8_t *dst, const uint16_t *b, const uint16_t *o, uint16_t w, int width)
{
  as_orc_lerp_v_u16_u8 (dst, b, o, w, width);
}

void
as_fast_lerp_v_u8_u8 (
    uint8_t *dst, const uint8_t *b, const uint8_t *o, uint16_t w, int width)
{
  as_orc_lerp_v_u8_u8 (dst, b, o, w, width);
}

void
as_fast_lerp_h_u8_u8 (uint8_t *dst, const uint8_t *src, int in_w,
    const int32_t *base, int n_pair, const uint16_t *wr, int out_w,
    int channels, void *g)
{
  size_t width = (size_t) out_w * channels;
  uint8_t *gb = g, *go = gb + width;

  gather_pair (gb, go, src, in_w, base, n_pair, out_w, channels);
  as_orc_lerp_h_u8_u8 (dst, gb, go, wr, (int) width);
}

void
as_fast_lerp_h_u8_u16 (uint16_t *dst, const uint8_t *src, int in_w,
    const int32_t *base, int n_pair, const uint16_t *wr, int out_w,
    int channels, void *g)
{
  size_t width = (size_t) out_w * channels;
  uint8_t *gb = g, *go = gb + width;

  gather_pair (gb, go, src, in_w, base, n_pair, out_w, channels);
  as_orc_lerp_h_u8_u16 (dst, gb, go, wr, (int) width);
}

void
as_fast_lerp_h_u16_u8 (uint8_t *dst, const uint16_t *src, int in_w,
    const int32_t *base, int n_pair, const uint16_t *wr, int out_w,
    int channels, void *g)
{
  size_t width = (size_t) out_w * channels;
  uint16_t *gb = g, *go = gb + width;

  gather_pair ((uint8_t *) gb, (uint8_t *) go, (const uint8_t *) src, in_w,
      base, n_pair, out_w, channels * sizeof (uint16_t));
  as_orc_lerp_h_u16_u8 (dst, gb, go, wr, (int) width);
}

void
as_fast_lerp_v_u16_u32 (
    uint32_t *dst, const uint16_t *b, const uint16_t *o, uint32_t w, int width)
{
  as_orc_lerp_v_u16_u32 (dst, b, o, (int32_t) w, width);
}

void
as_fast_lerp_v_u32_u16 (
    uint16_t *dst, const uint32_t *b, const uint32_t *o, uint32_t w, int width)
{
  as_orc_lerp_v_u32_u16 (dst, b, o, (int32_t) w, width);
}

void
as_fast_lerp_h_u16_u32 (uint32_t *dst, const uint16_t *src, int in_w,
    const int32_t *base, int n_pair, const uint32_t *wr, int out_w,
    int channels, void *g)
{
  size_t width = (size_t) out_w * channels;
  uint16_t *gb = g, *go = gb + width;

  gather_pair ((uint8_t *) gb, (uint8_t *) go, (const uint8_t *) src, in_w,
      base, n_pair, out_w, channels * sizeof (uint16_t));
  as_orc_lerp_h_u16_u32 (dst, gb, go, wr, (int) width);
}

void
as_fast_lerp_h_u32_u16 (uint16_t *dst, const uint32_t *src, int in_w,
    const int32_t *base, int n_pair, const uint32_t *wr, int out_w,
    int channels, void *g)
{
  size_t width = (size_t) out_w * channels;
  uint32_t *gb = g, *go = gb + width;

  gather_pair ((uint8_t *) gb, (uint8_t *) go, (const uint8_t *) src, in_w,
      base, n_pair, out_w, channels * sizeof (uint32_t));
  as_orc_lerp_h_u32_u16 (dst, gb, go, wr, (int) width);
}

/* ---------------------------------------------------- fast 16-bit paths */

void
as_replicate_weights32 (
    int32_t *wr, const int32_t *w, int n_taps, int out_w, int channels)
{
  size_t line = (size_t) out_w * channels;

  for (int k = 0; k < n_taps; k++)
    for (int i = 0; i < out_w; i++)
      for (int c = 0; c < channels; c++)
        wr[k * line + (size_t) i * channels + c] = w[(size_t) i * n_taps + k];
}

void
as_fast_v_u16_i32 (int32_t *dst, const uint16_t *const *src, const int32_t *w,
    int n_taps, int width, int32_t *acc)
{
  if (n_taps == 4) {
    as_orc_v4_u16_i32 (
        dst, src[0], src[1], src[2], src[3], w[0], w[1], w[2], w[3], width);
  } else {
    int32_t *a = n_taps == 1 ? dst : acc, *b = acc + width, *t;
    as_orc_v_u16_acc_init (a, src[0], w[0], width);
    for (int k = 1; k < n_taps; k++, t = a, a = b, b = t)
      as_orc_v_u16_acc_add (k == n_taps - 1 ? dst : b, a, src[k], w[k], width);
  }
}

void
as_fast_v_i32_u16 (uint16_t *dst, const int32_t *const *src, const int32_t *w,
    int n_taps, int width, int32_t *acc)
{
  if (n_taps == 4) {
    as_orc_v4_i32_u16 (
        dst, src[0], src[1], src[2], src[3], w[0], w[1], w[2], w[3], width);
  } else {
    int32_t *a = acc, *b = acc + width, *t;
    as_orc_v_i32_acc_init (a, src[0], w[0], width);
    for (int k = 1; k < n_taps; k++, t = a, a = b, b = t)
      as_orc_v_i32_acc_add (b, a, src[k], w[k], width);
    as_orc_acc_to_u16 (dst, a, width);
  }
}

void
as_fast_h_u16_i32 (int32_t *dst, const uint16_t *src, const int32_t *offset,
    const int32_t *wr, int n_taps, int out_w, int channels, void *g,
    int32_t *acc)
{
  int width = out_w * channels;
  const uint16_t *gl = g;

  gather (g, src, offset, n_taps, out_w, channels, 2);
  if (n_taps == 4) {
    as_orc_h4_u16_i32 (dst, gl, gl + width, gl + 2 * width, gl + 3 * width, wr,
        wr + 2 * width, wr + 3 * width, width);
  } else {
    int32_t *a = n_taps == 1 ? dst : acc, *b = acc + width, *t;
    as_orc_h_u16_acc_init (a, gl, wr, width);
    for (int k = 1; k < n_taps; k++, t = a, a = b, b = t)
      as_orc_h_u16_acc_add (k == n_taps - 1 ? dst : b, a,
          gl + (size_t) k * width, wr + (size_t) k * width, width);
  }
}

void
as_fast_h_i32_u16 (uint16_t *dst, const int32_t *src, const int32_t *offset,
    const int32_t *wr, int n_taps, int out_w, int channels, void *g,
    int32_t *acc)
{
  int width = out_w * channels;
  const int32_t *gl = g;

  gather (g, src, offset, n_taps, out_w, channels, 4);
  if (n_taps == 4) {
    as_orc_h4_i32_u16 (dst, gl, gl + width, gl + 2 * width, gl + 3 * width, wr,
        wr + 2 * width, wr + 3 * width, width);
  } else {
    int32_t *a = acc, *b = acc + width, *t;
    as_orc_h_i32_acc_init (a, gl, wr, width);
    for (int k = 1; k < n_taps; k++, t = a, a = b, b = t)
      as_orc_h_i32_acc_add (
          b, a, gl + (size_t) k * width, wr + (size_t) k * width, width);
    as_orc_acc_to_u16 (dst, a, width);
  }
}

/* --------------------------------------------------------- exact model */

static inline double
load_sample (const uint8_t *p, int bps, size_t i)
{
  return bps == 1 ? p[i] : ((const uint16_t *) p)[i];
}

/* round half up and clamp to [0, maxval]; NaN and below 0 give 0 */
static inline void
store_sample (uint8_t *p, int bps, size_t i, double v)
{
  double maxval = bps == 1 ? 255.0 : 65535.0;
  unsigned u = v >= maxval ? (unsigned) maxval
      : v > 0.0            ? (unsigned) floor (v + 0.5)
                           : 0;

  if (bps == 1)
    p[i] = (uint8_t) u;
  else
    ((uint16_t *) p)[i] = (uint16_t) u;
}

void
as_exact_v_in (double *dst, const uint8_t *const *src, int bps, const double *w,
    int n_taps, int width)
{
  for (int x = 0; x < width; x++)
    dst[x] = w[0] * load_sample (src[0], bps, x);
  for (int k = 1; k < n_taps; k++)
    for (int x = 0; x < width; x++)
      dst[x] += w[k] * load_sample (src[k], bps, x);
}

void
as_exact_h_in (double *dst, const uint8_t *src, int bps, const int32_t *offset,
    const double *w, int n_taps, int out_w, int channels)
{
  for (int i = 0; i < out_w; i++) {
    const double *wi = w + (size_t) i * n_taps;
    size_t s = (size_t) offset[i] * channels;
    for (int c = 0; c < channels; c++) {
      double acc = 0.0;
      for (int k = 0; k < n_taps; k++)
        acc += wi[k] * load_sample (src, bps, s + (size_t) k * channels + c);
      dst[(size_t) i * channels + c] = acc;
    }
  }
}

void
as_exact_v_out (uint8_t *dst, int bps, const double *const *src,
    const double *w, int n_taps, int width)
{
  for (int x = 0; x < width; x++) {
    double acc = 0.0;
    for (int k = 0; k < n_taps; k++)
      acc += w[k] * src[k][x];
    store_sample (dst, bps, x, acc);
  }
}

void
as_exact_h_out (uint8_t *dst, int bps, const double *src, const int32_t *offset,
    const double *w, int n_taps, int out_w, int channels)
{
  for (int i = 0; i < out_w; i++) {
    const double *wi = w + (size_t) i * n_taps;
    const double *s = src + (size_t) offset[i] * channels;
    for (int c = 0; c < channels; c++) {
      double acc = 0.0;
      for (int k = 0; k < n_taps; k++)
        acc += wi[k] * s[(size_t) k * channels + c];
      store_sample (dst, bps, (size_t) i * channels + c, acc);
    }
  }
}
