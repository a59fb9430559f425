/* alignscale: row functions in GCC's and Clang's vector extensions
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The float32 YUV -> RGB rows of dsp.h four pixels a step (SSE2 or NEON
 * lanes), with the operations of their scalar references in rows-c.c
 * lane by lane, so the bytes are the same (tests/check/libs/dsp.c).
 * ORC 0.4.33 runs the same arithmetic at 3.8 ns a pixel against 2.1 here:
 * its maxf and minf are NaN-safe pairs, its convfl fixes up overflow, and
 * orcc crashes on one program with the three channels (more than 20
 * constant uses), so each would be a pass of its own.
 */
#include <stdlib.h>
#include <string.h>

#include "dsp.h"

#if defined(__GNUC__) && (defined(__SSE2__) || defined(__ARM_NEON))

typedef float v4f __attribute__ ((vector_size (16)));
typedef int32_t v4i __attribute__ ((vector_size (16)));
typedef int16_t v4s __attribute__ ((vector_size (8)));
typedef uint8_t v4b __attribute__ ((vector_size (4)));

#define SPLAT(x)                                                               \
  {                                                                            \
    (x), (x), (x), (x)                                                         \
  }

#if defined(__SSE2__)
#include <emmintrin.h>
/* maxps / minps give the second operand when either is NaN: none here,
 * and t > lo ? t : lo equals them for numbers */
#define VMAX(a, b) ((v4f) _mm_max_ps ((__m128) (a), (__m128) (b)))
#define VMIN(a, b) ((v4f) _mm_min_ps ((__m128) (a), (__m128) (b)))
#else
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

typedef struct
{
  v4f ky, kr, kgb, kgr, kb;
} K;

static inline K
splat_k (const float *k)
{
  K v = { SPLAT (k[0]), SPLAT (k[1]), SPLAT (k[2]), SPLAT (k[3]),
    SPLAT (k[4]) };
  return v;
}

/* rgb_q of rows-c.c on four lanes: the clamped value's truncation, and
 * the lanes within 5e-4 of a rounding boundary */
static inline v4i
vq (v4f t, v4i *near)
{
  const v4f lo = SPLAT (0.5f), hi = SPLAT (255.5f);
  const v4i abs = SPLAT (0x7fffffff), lim = SPLAT (AS_RGB_LIM_BITS);
  v4i q, f;

  t = VMAX (VMIN (t, hi), lo);
  q = __builtin_convertvector(t, v4i);
  f = (v4i) ((t - __builtin_convertvector(q, v4f)) - lo);
  *near |= (f & abs) > lim;
  return q;
}

/* four pixels of codes a, c, e (Y, Cb, Cr) to bytes */
static inline void
rgb4 (uint8_t *r, uint8_t *g, uint8_t *b, uint8_t *near, v4i a, v4i c, v4i e,
    const K *k)
{
  const v4f half = SPLAT (0.5f);
  v4f y = __builtin_convertvector(a, v4f) * k->ky + half;
  v4f u = __builtin_convertvector(c, v4f), v = __builtin_convertvector(e, v4f);
  v4i m = { 0, 0, 0, 0 }, qr, qg, qb;

  qr = vq (y + v * k->kr, &m);
  qg = vq ((y - u * k->kgb) - v * k->kgr, &m);
  qb = vq (y + u * k->kb, &m);
  /* q in [0, 255], m 0 or -1: their low bytes */
#if defined(__SSE2__)
  {
    __m128i rg = _mm_packs_epi32 ((__m128i) qr, (__m128i) qg);
    __m128i bb = _mm_packs_epi32 ((__m128i) qb, (__m128i) qb);
    __m128i x = _mm_packus_epi16 (rg, bb);
    __m128i n = _mm_packs_epi32 ((__m128i) m, (__m128i) m);
    int32_t w[4];
    n = _mm_packs_epi16 (n, n);
    w[0] = _mm_cvtsi128_si32 (x);
    w[1] = _mm_cvtsi128_si32 (_mm_srli_si128 (x, 4));
    w[2] = _mm_cvtsi128_si32 (_mm_srli_si128 (x, 8));
    w[3] = _mm_cvtsi128_si32 (n);
    memcpy (r, &w[0], 4);
    memcpy (g, &w[1], 4);
    memcpy (b, &w[2], 4);
    memcpy (near, &w[3], 4);
  }
#else
  for (int i = 0; i < 4; i++) {
    r[i] = (uint8_t) qr[i];
    g[i] = (uint8_t) qg[i];
    b[i] = (uint8_t) qb[i];
    near[i] = m[i] ? 0xff : 0;
  }
#endif
}

/* four int16 codes widened */
static inline v4i
load_s16 (const int16_t *p)
{
#if defined(__SSE2__)
  __m128i x = _mm_loadl_epi64 ((const __m128i *) p);
  return (v4i) _mm_srai_epi32 (_mm_unpacklo_epi16 (x, x), 16);
#else
  v4s a;
  memcpy (&a, p, 8);
  return __builtin_convertvector(a, v4i);
#endif
}

static inline v4i
load_s32 (const int32_t *p)
{
  v4i a;
  memcpy (&a, p, 16);
  return a;
}

#define SIMD_ROW(name, type)                                                   \
  static void simd_rgb_##name (uint8_t *r, uint8_t *g, uint8_t *b,             \
      uint8_t *near, const void *y, const void *u, const void *v,              \
      const float *kf, int n)                                                  \
  {                                                                            \
    const type *ys = y, *us = u, *vs = v;                                      \
    const K k = splat_k (kf);                                                  \
    int i = 0;                                                                 \
    for (; i + 4 <= n; i += 4)                                                 \
      rgb4 (r + i, g + i, b + i, near + i, load_##name (ys + i),               \
          load_##name (us + i), load_##name (vs + i), &k);                     \
    if (i < n) { /* the last pixels in a padded block */                       \
      type ty[4] = { 0 }, tu[4] = { 0 }, tv[4] = { 0 };                        \
      uint8_t tr[4], tg[4], tb[4], tn[4];                                      \
      memcpy (ty, ys + i, sizeof (type) * (n - i));                            \
      memcpy (tu, us + i, sizeof (type) * (n - i));                            \
      memcpy (tv, vs + i, sizeof (type) * (n - i));                            \
      rgb4 (tr, tg, tb, tn, load_##name (ty), load_##name (tu),                \
          load_##name (tv), &k);                                               \
      memcpy (r + i, tr, n - i);                                               \
      memcpy (g + i, tg, n - i);                                               \
      memcpy (b + i, tb, n - i);                                               \
      memcpy (near + i, tn, n - i);                                            \
    }                                                                          \
  }

SIMD_ROW (s16, int16_t)
SIMD_ROW (s32, int32_t)

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
/* The same eight lanes at a time where the CPU has AVX2 (GCC compiles
 * these with 32-byte vectors; picked at run time): the operations of each
 * lane are rgb4's, so the bytes are too. */
#define AVX2_ATTR __attribute__ ((target ("avx2")))
#include <immintrin.h>

typedef float v8f __attribute__ ((vector_size (32)));
typedef int32_t v8i __attribute__ ((vector_size (32)));
typedef int16_t v8s __attribute__ ((vector_size (16)));

#define SPLAT8(x)                                                              \
  {                                                                            \
    (x), (x), (x), (x), (x), (x), (x), (x)                                     \
  }

static inline AVX2_ATTR v8i
vq8 (v8f t, v8i *near)
{
  const v8f lo = SPLAT8 (0.5f), hi = SPLAT8 (255.5f);
  const v8i abs = SPLAT8 (0x7fffffff), lim = SPLAT8 (AS_RGB_LIM_BITS);
  v8i q, f;

  /* no NaN here: max and min are the comparisons of rows-c.c */
  t = (v8f) _mm256_max_ps (
      _mm256_min_ps ((__m256) t, (__m256) hi), (__m256) lo);
  q = __builtin_convertvector(t, v8i);
  f = (v8i) ((t - __builtin_convertvector(q, v8f)) - lo);
  *near |= (f & abs) > lim;
  return q;
}

/* the low bytes of eight lanes (0 .. 255, or 0 / -1 when is_mask) */
static inline AVX2_ATTR void
store8 (uint8_t *dst, v8i q, int is_mask)
{
  __m128i w = _mm_packs_epi32 (_mm256_castsi256_si128 ((__m256i) q),
      _mm256_extracti128_si256 ((__m256i) q, 1));

  w = is_mask ? _mm_packs_epi16 (w, w) : _mm_packus_epi16 (w, w);
  _mm_storel_epi64 ((__m128i *) dst, w);
}

static inline AVX2_ATTR void
rgb8 (uint8_t *r, uint8_t *g, uint8_t *b, uint8_t *near, v8i a, v8i c, v8i e,
    const float *k)
{
  const v8f ky = SPLAT8 (k[0]), kr = SPLAT8 (k[1]), kgb = SPLAT8 (k[2]),
            kgr = SPLAT8 (k[3]), kb = SPLAT8 (k[4]), half = SPLAT8 (0.5f);
  v8f y = __builtin_convertvector(a, v8f) * ky + half;
  v8f u = __builtin_convertvector(c, v8f), v = __builtin_convertvector(e, v8f);
  v8i m = SPLAT8 (0);
  v8i qr = vq8 (y + v * kr, &m), qg = vq8 ((y - u * kgb) - v * kgr, &m),
      qb = vq8 (y + u * kb, &m);

  store8 (r, qr, 0);
  store8 (g, qg, 0);
  store8 (b, qb, 0);
  store8 (near, m, 1);
}

#define AVX2_ROW(name, type, vtype, load)                                      \
  static AVX2_ATTR void avx2_rgb_##name (uint8_t *r, uint8_t *g, uint8_t *b,   \
      uint8_t *near, const void *y, const void *u, const void *v,              \
      const float *kf, int n)                                                  \
  {                                                                            \
    const type *ys = y, *us = u, *vs = v;                                      \
    int i = 0;                                                                 \
    for (; i + 8 <= n; i += 8) {                                               \
      vtype a, c, e;                                                           \
      memcpy (&a, ys + i, sizeof (a));                                         \
      memcpy (&c, us + i, sizeof (c));                                         \
      memcpy (&e, vs + i, sizeof (e));                                         \
      rgb8 (r + i, g + i, b + i, near + i, load (a), load (c), load (e), kf);  \
    }                                                                          \
    if (i < n)                                                                 \
      simd_rgb_##name (                                                        \
          r + i, g + i, b + i, near + i, ys + i, us + i, vs + i, kf, n - i);   \
  }

#define WIDEN_S16(x) __builtin_convertvector(x, v8i)
#define WIDEN_S32(x) (x)
AVX2_ROW (s16, int16_t, v8s, WIDEN_S16)
AVX2_ROW (s32, int32_t, v8i, WIDEN_S32)
#endif

void
as_dsp_init_simd (AsDsp *dsp)
{
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
  int avx2;

  __builtin_cpu_init ();
  avx2 = __builtin_cpu_supports ("avx2") && !getenv ("ALIGNSCALE_NO_AVX2");
#endif
  dsp->c[AS_C_RGB_S16] = simd_rgb_s16;
  dsp->c[AS_C_RGB_S32] = simd_rgb_s32;
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
  if (avx2) {
    dsp->c[AS_C_RGB_S16] = avx2_rgb_s16;
    dsp->c[AS_C_RGB_S32] = avx2_rgb_s32;
  }
  as_dsp_init_x86 (dsp, __builtin_cpu_supports ("ssse3"), avx2);
  as_dsp_init_x86_taps (dsp, __builtin_cpu_supports ("ssse3"), avx2);
#endif
}

#else

void
as_dsp_init_simd (AsDsp *dsp)
{
  (void) dsp;
}

#endif
