/* alignscale: the row-function table (one signature for C and ORC)
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every pass of every integer model is one entry of AsDsp, with one of two
 * signatures: a vertical function blends lines, a horizontal one resamples
 * a line. as_dsp_init_c fills the table with the portable C references
 * (rows-c.c); as_dsp_init_orc overrides the entries that have ORC programs
 * (rows-orc.c), which must give the same bytes: tests/check/libs/dsp.c
 * compares every entry, in padded buffers (dav1d's checkasm). The
 * arithmetic of each model is written down in model.h.
 * Pure C, no GStreamer types.
 */
#ifndef __ALIGN_SCALE_DSP_H__
#define __ALIGN_SCALE_DSP_H__

#include <stddef.h>
#include <stdint.h>

/* One pass of one plane: read-only, shared by every thread. */
typedef struct
{
  int n_taps;   /* taps per output (2 for the lerp model) */
  int channels; /* samples per pixel */
  int in_len;   /* horizontal: pixels of a source line; vertical: rows */
  int out_len;  /* horizontal: pixels of an output line; vertical: rows */
  int maxval;   /* the largest sample code (the depth: 255, 1023, 65535) */
  int bps;      /* bytes per sample of the plane: 1, or 2 native-endian */
  /* horizontal lerp: outputs [0, n_pair) read pixel offset[i] + 1; the
   * others have weight 0 and do not (bases never decrease) */
  int n_pair;
  /* horizontal: outputs [step2_a, step2_b] have first taps two pixels
   * apart (a 2:1 axis away from its edges; as_gather_step2_run), which the
   * gather moves with SIMD shuffles; b < a: none */
  int step2_a, step2_b;
  const int32_t *offset; /* [out_len]: the first tap (lerp: the base) */
  /* [out_len * n_taps] in the model's weight type (lerp: [out_len]) */
  const void *w;
  /* horizontal: the weights replicated per sample, tap-major
   * (wr[k * out_len * channels + i * channels + c] = w[i * n_taps + k]),
   * for the fast rows; lerp: one tap; vertical AS_V_BOX2W: the horizontal
   * pass's */
  const void *wr;
  /* horizontal: the row's own table, built from the pass in prepare by
   * AsDsp.h_prep (NULL when the row has none; the library models' rows
   * that have one take no wr; the lerp model's three 8-bit rows share one,
   * and take wr) */
  const void *aux;
} AsPass;

/* OpenCV INTER_AREA's integer-factor path (AS_V_OCV8_AREAK): the block
 * is kx pixels by the pass's n_taps rows; scale = 1.f / (kx * n_taps) */
typedef struct
{
  int kx;
  float scale;
} AsOcvBlock;

/* per-thread scratch of the fast rows */
typedef struct
{
  void *gather; /* gathered horizontal taps */
  void *acc;    /* accumulator lines */
} AsLineScratch;

/* vertical: dst[x], x < width samples, from lines src[0 .. n_taps) with
 * the weights of output row j */
typedef void (*AsVFunc) (void *dst, const void *const *src, const AsPass *p,
    int j, int width, AsLineScratch *s);
/* horizontal: the out_len pixels of one line from the in_len of src */
typedef void (*AsHFunc) (
    void *dst, const void *src, const AsPass *p, AsLineScratch *s);

/* builds a horizontal row's table of pass p (weights and byte shuffles
 * in the row's own layout): returns its size in bytes when aux is NULL,
 * else fills aux with that many */
typedef size_t (*AsHPrepFunc) (void *aux, const AsPass *p);

/* the entries: model, pass, sample types (in -> out) */
typedef enum
{
  AS_V_INT8_IN,    /* u8 -> i16, 14-bit weights */
  AS_V_INT8_OUT,   /* i16 -> u8 */
  AS_V_INT16_IN,   /* u16 -> i32, 30-bit weights */
  AS_V_INT16_OUT,  /* i32 -> u16 */
  AS_V_SUM8_IN,    /* u8 -> u16, uint16 weights */
  AS_V_SUM8_OUT,   /* u16 -> u8 */
  AS_V_LERP8_IN,   /* u8 -> u16, one 16-bit weight */
  AS_V_LERP8_OUT,  /* u16 -> u8 */
  AS_V_LERP8_ONE,  /* u8 -> u8, one pass */
  AS_V_LERP16_IN,  /* u16 -> u32, one 32-bit weight */
  AS_V_LERP16_OUT, /* u32 -> u16 */
  AS_V_BOX2,       /* u8 -> u8: 2x2 box, rows 2j, 2j + 1 */
  /* u8 -> u8: the lerp model's two passes at rows 2j, 2j + 1 of weight
   * 1/2 and pixels 2i, 2i + 1 of horizontal weight w = 512 m, 0 < m < 128
   * (wr: w of each output sample): ((128 - m)(a + c) + m (b + d) + 128)
   * >> 8 (model.h) */
  AS_V_BOX2W,
  AS_V_EXACT_IN,   /* samples -> double */
  AS_V_EXACT_OUT,  /* double -> samples */
  AS_V_OCV8_OUT,   /* i32 (Q11) -> u8: OpenCV INTER_LINEAR's vertical */
  AS_V_OCV8_AREA2, /* u8 -> u8: OpenCV's 2x2 area fast path, rows 2j, 2j+1 */
  AS_V_PIL8,       /* u8 -> u8: Pillow's 22-bit pass, clipped */
  /* i32 (Q11) -> u8, OpenCV INTER_CUBIC's vertical: 4 taps, float32 on the
   * first 8 floor (width / 8) samples (its SIMD body), fixed on the rest */
  AS_V_OCV8_CUBIC,
  AS_V_OCV8_LANCZOS4, /* i32 (Q11) -> u8: 8 taps, (sum + 2^21) >> 22 */
  /* u8 -> u8: OpenCV INTER_AREA's integer factors kx x ky, one pass over
   * rows v.offset[j] .. + n_taps - 1 (w: one AsOcvBlock) */
  AS_V_OCV8_AREAK,
  /* f32 -> u8: OpenCV INTER_AREA's float vertical */
  AS_V_OCV8_AREA_OUT,
  /* u16 (Q8) -> u8: OpenCV INTER_LINEAR_EXACT's vertical */
  AS_V_OCV8X_OUT,
  /* OpenCV 4.6 on uint16 (model.h): f32 -> u16, sum_k T_k b_k in float32
   * left to right, cvRound (ties to even), saturated: INTER_LINEAR's,
   * INTER_LANCZOS4's and INTER_AREA's vertical */
  AS_V_OCV16_SUM,
  /* f32 -> u16: INTER_CUBIC's, T0 b0 + (T1 b1 + (T2 b2 + T3 b3)) on the
   * first 8 floor (width / 8) samples (its SIMD body), left to right on the
   * rest */
  AS_V_OCV16_CUBIC,
  /* u16 -> u16: the 2x2 area fast path, rows 2j, 2j + 1 */
  AS_V_OCV16_AREA2,
  /* u16 -> u16: INTER_AREA's integer factors, float sums (w: AsOcvBlock) */
  AS_V_OCV16_AREAK,
  /* u32 (Q16) -> u16: INTER_LINEAR_EXACT's vertical */
  AS_V_OCV16X_OUT,
  AS_N_V
} AsVEntry;

typedef enum
{
  AS_H_INT8_IN,
  AS_H_INT8_OUT,
  AS_H_INT16_IN,
  AS_H_INT16_OUT,
  AS_H_SUM8_IN,
  AS_H_SUM8_OUT,
  AS_H_LERP8_IN,
  AS_H_LERP8_OUT,
  AS_H_LERP8_ONE,
  AS_H_LERP16_IN,
  AS_H_LERP16_OUT,
  AS_H_EXACT_IN,
  AS_H_EXACT_OUT,
  AS_H_NEAREST, /* copy pixel offset[i] (bps * channels bytes) */
  AS_H_COPY,    /* the line unchanged */
  AS_H_OCV8_IN, /* u8 -> i32 (Q11): OpenCV INTER_LINEAR's horizontal */
  AS_H_PIL8,    /* u8 -> u8: Pillow's 22-bit pass, clipped */
  /* u8 -> i32 (Q11): OpenCV INTER_CUBIC's and INTER_LANCZOS4's horizontal,
   * n taps of int16 weights from offset[i] */
  AS_H_OCV8_TAPS,
  /* u8 -> f32: OpenCV INTER_AREA's float horizontal */
  AS_H_OCV8_AREA_IN,
  /* u8 -> u16 (Q8): OpenCV INTER_LINEAR_EXACT's horizontal */
  AS_H_OCV8X_IN,
  /* u16 -> f32: OpenCV 4.6 on uint16, sum_k S[offset + k] a_k in float32
   * left to right, taps clamped to the line (float weights) */
  AS_H_OCV16_TAPS,
  /* u16 -> u32 (Q16): INTER_LINEAR_EXACT's horizontal on uint16 */
  AS_H_OCV16X_IN,
  AS_N_H
} AsHEntry;

/* YUV -> RGB in float32 (convert.c; docs/conversion.md): n pixels from
 * Y, Cb, Cr codes less their offsets (int16 or int32 lines); k = ky,
 * kc kr, kc kgb, kc kgr, kc kb as floats (the chroma scale folded into
 * each coefficient):
 *   y = Y ky + 0.5
 *   t = clamp (y + Cr kr', (y - Cb kgb') - Cr kgr', y + Cb kb'; 0.5, 255.5)
 *   r, g, b = trunc (t)
 *   near = 0xff when some |t - trunc (t) - 0.5| > 0.5 - 5e-4, else 0
 * near marks a result within 5e-4 of a rounding boundary: the caller
 * recomputes that pixel in binary64. */
typedef void (*AsCFunc) (uint8_t *r, uint8_t *g, uint8_t *b, uint8_t *near,
    const void *y, const void *u, const void *v, const float *k, int n);

/* 0.5 - 5e-4 as a float's bits: a non-negative float compares as its
 * bits do */
#define AS_RGB_LIM_BITS 0x3effbe77

typedef enum
{
  AS_C_RGB_S16, /* int16 codes (8 and 10 bits) */
  AS_C_RGB_S32, /* int32 codes */
  AS_N_C
} AsCEntry;

/* n 4-byte pixels of bytes a[i], b[i], c[i], d[i] in memory order */
typedef void (*AsMergeFunc) (uint8_t *dst, const uint8_t *a, const uint8_t *b,
    const uint8_t *c, const uint8_t *d, int n);

typedef struct
{
  AsVFunc v[AS_N_V];
  AsHFunc h[AS_N_H];
  /* whoever sets h[e] sets h_prep[e] (NULL: the row needs no table) */
  AsHPrepFunc h_prep[AS_N_H];
  AsCFunc c[AS_N_C];
  AsMergeFunc merge4;
} AsDsp;

extern const char *const as_dsp_v_names[AS_N_V];
extern const char *const as_dsp_h_names[AS_N_H];
extern const char *const as_dsp_c_names[AS_N_C];

void as_dsp_init_c (AsDsp *dsp);
/* The tables are built C, then ORC, then SIMD: each overrides the entries
 * it has. */
/* the entries that have ORC programs (none without ORC) */
void as_dsp_init_orc (AsDsp *dsp);
/* the entries that have SIMD rows in GCC's and Clang's vector extensions
 * (SSE2, NEON; none elsewhere): the float32 YUV -> RGB rows, where ORC
 * 0.4.33's float code is slower (rows-simd.c), and as_dsp_init_x86's;
 * with AVX2 (unless ALIGNSCALE_NO_AVX2 is set) their AVX2 twins */
void as_dsp_init_simd (AsDsp *dsp);
/* the library models' rows in x86 SIMD (rows-x86.c: OpenCV INTER_LINEAR
 * and Pillow 8-bit, both passes) and the 8-bit lerp model's, which ORC
 * 0.4.33 cannot express: byte shuffles from a table, and pmaddwd or
 * pmulhuw. SSE2 vertical rows, SSSE3 horizontal ones (and the lerp
 * model's boxes) where ssse3 is set, AVX2 ones where avx2 is. */
void as_dsp_init_x86 (AsDsp *dsp, int ssse3, int avx2);
/* the default models' tap rows in x86 SIMD (rows-x86-taps.c: the int8,
 * int16 and sum models and the 16-bit lerp): vertical rows in SSE2
 * (SSE4.1 for 32-bit products), horizontal ones in SSSE3 (SSE4.1) from
 * tables built by AsDsp.h_prep; AVX2 ones where avx2 is set */
void as_dsp_init_x86_taps (AsDsp *dsp, int ssse3, int avx2);

/* 2x2 box rows read pixel pairs as 2- or 4-byte words: src, dst and the
 * strides must be aligned to the pair (rows-orc.c) */
int as_dsp_box2_aligned (int channels, const void *src, ptrdiff_t sstride,
    const void *dst, ptrdiff_t dstride);

#endif /* __ALIGN_SCALE_DSP_H__ */
