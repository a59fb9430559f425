/* alignscale: data movement for the horizontal fast rows
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * ORC programs read lines, not offsets: the taps of a horizontal pass are
 * first gathered into one line per tap (dav1d and libyuv do the same with
 * shuffles). Plain copies, whatever the model.
 */
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "gather.h"

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define EVEN_BYTES 0x00ff00ff00ff00ffull
#endif

void
as_every_other_byte (uint8_t *dst, const uint8_t *src, size_t n)
{
  size_t k = 0;

#ifdef SHUFFLE
  /* sixteen a step: the even bytes of two 16-byte loads (one SIMD pack) */
  for (; k + 16 < n; k += 16) {
    v16 a, b, r;
    memcpy (&a, src + 2 * k, 16);
    memcpy (&b, src + 2 * k + 16, 16);
    r = SHUFFLE (
        a, b, 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
    memcpy (dst + k, &r, 16);
  }
#endif
#ifdef EVEN_BYTES
  for (; k + 4 < n; k += 4) {
    uint64_t w;
    memcpy (&w, src + 2 * k, 8);
    w &= EVEN_BYTES;
    w = (w | w >> 8) & 0x0000ffff0000ffffull;
    w = (w | w >> 16) & 0x00000000ffffffffull;
    memcpy (dst + k, &w, 4);
  }
#endif
  for (; k < n; k++)
    dst[k] = src[2 * k];
}

void
as_every_other_word (uint8_t *dst, const uint8_t *src, size_t n)
{
  size_t k = 0;

#if defined(__SSE2__)
  /* eight a step: the low words of the 32-bit lanes of two loads, sign
   * extended so that the signed pack keeps them */
  for (; k + 8 < n; k += 8) {
    __m128i a = _mm_loadu_si128 ((const __m128i *) (src + 4 * k));
    __m128i b = _mm_loadu_si128 ((const __m128i *) (src + 4 * k + 16));
    a = _mm_srai_epi32 (_mm_slli_epi32 (a, 16), 16);
    b = _mm_srai_epi32 (_mm_slli_epi32 (b, 16), 16);
    _mm_storeu_si128 ((__m128i *) (dst + 2 * k), _mm_packs_epi32 (a, b));
  }
#endif
  for (; k < n; k++)
    memcpy (dst + 2 * k, src + 4 * k, 2);
}

void
as_every_other_dword (uint8_t *dst, const uint8_t *src, size_t n)
{
  size_t k = 0;

#if defined(__SSE2__)
  /* four a step: lanes 0 and 2 of two loads */
  for (; k + 4 < n; k += 4) {
    __m128 a = _mm_loadu_ps ((const float *) (src + 8 * k));
    __m128 b = _mm_loadu_ps ((const float *) (src + 8 * k + 16));
    _mm_storeu_ps ((float *) (dst + 4 * k),
        _mm_shuffle_ps (a, b, _MM_SHUFFLE (2, 0, 2, 0)));
  }
#endif
  for (; k < n; k++)
    memcpy (dst + 4 * k, src + 8 * k, 4);
}

/* shorter runs are left to the per-pixel copies */
#define MIN_STEP2_RUN 32

void
as_gather_step2_run (const int32_t *offset, int out_w, int *a, int *b)
{
  int best = 0;

  *a = 0;
  *b = -1;
  for (int i = 0; i + 1 < out_w;) {
    int j = i;
    while (j + 1 < out_w && offset[j + 1] - offset[j] == 2)
      j++;
    if (j - i >= MIN_STEP2_RUN && j - i > best) {
      best = j - i;
      *a = i;
      *b = j;
    }
    i = j + 1;
  }
}

/* pixels base[i] and base[i] + 1 (px bytes each) to pixel i of lines gb
 * and go, in one pass over base; from i = n_pair on, base[i] + 1 may be
 * past the line (its weight is 0) and base[i] goes to both. One load of
 * both pixels and two stores measured 1.4-2.4x faster than a loop per
 * line. 3- and 6-byte pixels (RGB) load 8 or 16 bytes and store 4 or 8,
 * overlapping the next pixel's slot, where that stays inside both the
 * source line (in_w pixels) and the gather lines. */
void
as_gather_pair (uint8_t *restrict gb, uint8_t *restrict go,
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
void
as_gather_taps (void *gather, const void *src, const int32_t *offset,
    int n_taps, int out_w, int channels, int sample_size, int run_a, int run_b)
{
  size_t px = (size_t) channels * sample_size;
  size_t line = px * out_w;
  const uint8_t *s = src;
  uint8_t *g = gather;

  if (n_taps == 4 && (px == 1 || px == 2 || px == 4) && run_b >= run_a) {
    /* a 2:1 axis: away from the edges, tap k of the outputs is every
     * other pixel from offset[a] + k (SIMD shuffles), the edges one by
     * one; the run reads up to offset[b] + 3, inside the window */
    int a = run_a, b = run_b;
    for (int k = 0; k < 4; k++) {
      uint8_t *l = g + k * line;
      const uint8_t *from = s + px * ((size_t) offset[a] + k);
      size_t n = (size_t) (b - a + 1);
      if (px == 1)
        as_every_other_byte (l + a, from, n);
      else if (px == 2)
        as_every_other_word (l + 2 * (size_t) a, from, n);
      else
        as_every_other_dword (l + 4 * (size_t) a, from, n);
      for (int i = 0; i < a; i++)
        memcpy (l + px * i, s + px * ((size_t) offset[i] + k), px);
      for (int i = b + 1; i < out_w; i++)
        memcpy (l + px * i, s + px * ((size_t) offset[i] + k), px);
    }
    return;
  }
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
