/* Every entry of the row-function table (dsp.h), ORC and the SIMD rows
 * against C (dav1d's checkasm): one driver walks the table, feeds each
 * entry random lines
 * from its own input generator (the value ranges its model guarantees,
 * extremes included) and weights its model would build, and compares the
 * ORC row with the C reference bit for bit in padded buffers whose guard
 * bytes catch a write outside the line. Source lines are allocated to
 * their exact size, so a read past them shows under ASan and valgrind, and
 * so are the tables a row builds for itself (AsDsp.h_prep). The fast
 * table is the plan's: C, then ORC, then SIMD (AVX2 where the CPU has it
 * and ALIGNSCALE_NO_AVX2 is unset).
 *
 * ALIGNSCALE_DSP_TIME=1 also times each entry (C, ORC and the fast table,
 * ns per output sample on 1920-sample lines).
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <gst/check/gstcheck.h>
#include <math.h>
#include <string.h>

#include "dsp.h"
#include "gather.h"
#include "model.h"

#define GUARD 32
#define CANARY 0xa5

/* sample types: size and the values a generator draws */
typedef enum
{
  T_U8,      /* 0..255 */
  T_U16,     /* 0..65535 */
  T_I16_8,   /* the 8-bit fixed intermediate: [-8160, 24480] */
  T_I32_16,  /* the 16-bit fixed intermediate: 65535 * [-0.5, 1.5] * 2^13 */
  T_U32,     /* any (lerp intermediate of 16-bit samples) */
  T_DOUBLE,  /* the exact model's intermediate */
  T_SAMPLES, /* u8 or u16 by the pass's bps (exact, nearest, copy) */
  T_I32_OCV, /* OpenCV's Q11 horizontal sums: [0, 255 * 2048] */
  /* OpenCV's cubic and Lanczos-4 Q11 sums: 255 * [-732, 2780] (model-opencv.c);
   * a line in four on multiples of 1024 (halves after a unit weight) */
  T_I32_OCVT,
  T_F32_OCV, /* OpenCV INTER_AREA's float sums: [0, 255], halves often */
  T_U16_OCV, /* OpenCV INTER_LINEAR_EXACT's Q8 sums: [0, 255 * 256] */
  /* OpenCV's float sums of uint16 samples: 65535 * [-0.35, 1.35], halves
   * often (the rounding's ties) */
  T_F32_OCV16,
  T_U32_OCVX, /* INTER_LINEAR_EXACT's Q16 sums of uint16: [0, 65535 << 16] */
} SampleType;

/* weight tables: what each model builds */
typedef enum
{
  W_INT14,
  W_INT30,
  W_SUM16,
  W_LERP16,
  W_LERP32,
  W_DOUBLE,
  W_NONE,
  /* AS_V_BOX2W: per output sample (wr) a lerp weight 512 m, 0 < m < 128,
   * the same over a pixel's channels */
  W_BOX2W,
  W_OCV, /* OpenCV INTER_LINEAR: int16 pairs summing to 2048 (or 2049) */
  W_PIL, /* Pillow: int32 rows of 22 fractional bits */
  /* OpenCV cubic, Lanczos-4: int16 Q11 rows, positive part at most 1.35,
   * negative at least -0.35 (their int32 sums cannot overflow); a row in
   * four a single 2048 */
  W_OCVT,
  /* OpenCV INTER_AREA integer factors: one AsOcvBlock */
  W_OCV_BLOCK,
  /* OpenCV INTER_AREA: float rows >= 0 summing to about 1 */
  W_OCV_AREA,
  /* OpenCV INTER_LINEAR_EXACT: uint16 pairs summing to 256 */
  W_OCV_X,
  /* OpenCV on uint16: float rows summing to about one (cubic and
   * Lanczos-4 lobes, area cells with zeros around) */
  W_OCV16,
  /* OpenCV INTER_LINEAR_EXACT on uint16: uint32 pairs summing to 2^16 */
  W_OCV16_X,
} WeightKind;

typedef struct
{
  int entry;
  SampleType in, out;
  WeightKind w;
  int min_taps, max_taps;
} Entry;

static const Entry v_entries[] = {
  { AS_V_INT8_IN, T_U8, T_I16_8, W_INT14, 1, 40 },
  { AS_V_INT8_OUT, T_I16_8, T_U8, W_INT14, 1, 40 },
  { AS_V_INT16_IN, T_U16, T_I32_16, W_INT30, 1, 20 },
  { AS_V_INT16_OUT, T_I32_16, T_U16, W_INT30, 1, 20 },
  { AS_V_SUM8_IN, T_U8, T_U16, W_SUM16, 2, 60 },
  { AS_V_SUM8_OUT, T_U16, T_U8, W_SUM16, 2, 60 },
  { AS_V_LERP8_IN, T_U8, T_U16, W_LERP16, 2, 2 },
  { AS_V_LERP8_OUT, T_U16, T_U8, W_LERP16, 2, 2 },
  { AS_V_LERP8_ONE, T_U8, T_U8, W_LERP16, 2, 2 },
  { AS_V_LERP16_IN, T_U16, T_U32, W_LERP32, 2, 2 },
  { AS_V_LERP16_OUT, T_U32, T_U16, W_LERP32, 2, 2 },
  { AS_V_BOX2, T_U8, T_U8, W_NONE, 2, 2 },
  { AS_V_BOX2W, T_U8, T_U8, W_BOX2W, 2, 2 },
  { AS_V_EXACT_IN, T_SAMPLES, T_DOUBLE, W_DOUBLE, 1, 9 },
  { AS_V_EXACT_OUT, T_DOUBLE, T_SAMPLES, W_DOUBLE, 1, 9 },
  { AS_V_OCV8_OUT, T_I32_OCV, T_U8, W_OCV, 2, 2 },
  { AS_V_OCV8_AREA2, T_U8, T_U8, W_NONE, 2, 2 },
  { AS_V_PIL8, T_U8, T_U8, W_PIL, 1, 20 },
  { AS_V_OCV8_CUBIC, T_I32_OCVT, T_U8, W_OCVT, 4, 4 },
  { AS_V_OCV8_LANCZOS4, T_I32_OCVT, T_U8, W_OCVT, 8, 8 },
  { AS_V_OCV8_AREAK, T_U8, T_U8, W_OCV_BLOCK, 1, 7 },
  { AS_V_OCV8_AREA_OUT, T_F32_OCV, T_U8, W_OCV_AREA, 1, 12 },
  { AS_V_OCV8X_OUT, T_U16_OCV, T_U8, W_OCV_X, 2, 2 },
  { AS_V_OCV16_SUM, T_F32_OCV16, T_U16, W_OCV16, 1, 12 },
  { AS_V_OCV16_CUBIC, T_F32_OCV16, T_U16, W_OCV16, 4, 4 },
  { AS_V_OCV16_AREA2, T_U16, T_U16, W_NONE, 2, 2 },
  { AS_V_OCV16_AREAK, T_U16, T_U16, W_OCV_BLOCK, 1, 7 },
  { AS_V_OCV16X_OUT, T_U32_OCVX, T_U16, W_OCV16_X, 2, 2 },
};

static const Entry h_entries[] = {
  { AS_H_INT8_IN, T_U8, T_I16_8, W_INT14, 1, 40 },
  { AS_H_INT8_OUT, T_I16_8, T_U8, W_INT14, 1, 40 },
  { AS_H_INT16_IN, T_U16, T_I32_16, W_INT30, 1, 20 },
  { AS_H_INT16_OUT, T_I32_16, T_U16, W_INT30, 1, 20 },
  { AS_H_SUM8_IN, T_U8, T_U16, W_SUM16, 2, 60 },
  { AS_H_SUM8_OUT, T_U16, T_U8, W_SUM16, 2, 60 },
  { AS_H_LERP8_IN, T_U8, T_U16, W_LERP16, 2, 2 },
  { AS_H_LERP8_OUT, T_U16, T_U8, W_LERP16, 2, 2 },
  { AS_H_LERP8_ONE, T_U8, T_U8, W_LERP16, 2, 2 },
  { AS_H_LERP16_IN, T_U16, T_U32, W_LERP32, 2, 2 },
  { AS_H_LERP16_OUT, T_U32, T_U16, W_LERP32, 2, 2 },
  { AS_H_EXACT_IN, T_SAMPLES, T_DOUBLE, W_DOUBLE, 1, 9 },
  { AS_H_EXACT_OUT, T_DOUBLE, T_SAMPLES, W_DOUBLE, 1, 9 },
  { AS_H_NEAREST, T_SAMPLES, T_SAMPLES, W_NONE, 1, 1 },
  { AS_H_COPY, T_SAMPLES, T_SAMPLES, W_NONE, 1, 1 },
  { AS_H_OCV8_IN, T_U8, T_I32_OCV, W_OCV, 2, 2 },
  { AS_H_PIL8, T_U8, T_U8, W_PIL, 1, 20 },
  { AS_H_OCV8_TAPS, T_U8, T_I32_OCVT, W_OCVT, 1, 8 },
  { AS_H_OCV8_AREA_IN, T_U8, T_F32_OCV, W_OCV_AREA, 1, 12 },
  { AS_H_OCV8X_IN, T_U8, T_U16_OCV, W_OCV_X, 2, 2 },
  { AS_H_OCV16_TAPS, T_U16, T_F32_OCV16, W_OCV16, 1, 12 },
  { AS_H_OCV16X_IN, T_U16, T_U32_OCVX, W_OCV16_X, 2, 2 },
};

static size_t
type_size (SampleType t, int bps)
{
  switch (t) {
    case T_U8:
      return 1;
    case T_U16:
    case T_I16_8:
    case T_U16_OCV:
      return 2;
    case T_I32_16:
    case T_U32:
    case T_I32_OCV:
    case T_I32_OCVT:
    case T_F32_OCV:
    case T_F32_OCV16:
    case T_U32_OCVX:
      return 4;
    case T_DOUBLE:
      return 8;
    default:
      return bps;
  }
}

/* n random samples; one line in four is at the extremes */
static void
random_line (GRand *r, void *dst, SampleType t, int bps, size_t n)
{
  int extreme = g_rand_int_range (r, 0, 4) == 0;
  int halves = !extreme && g_rand_int_range (r, 0, 3) == 0;

  for (size_t i = 0; i < n; i++) {
    gboolean hi = g_rand_boolean (r);
    switch (t == T_SAMPLES ? (bps == 1 ? T_U8 : T_U16) : t) {
      case T_U8:
        ((uint8_t *) dst)[i] = extreme ? (hi ? 255 : 0) : g_rand_int (r);
        break;
      case T_U16:
        ((uint16_t *) dst)[i] = extreme ? (hi ? 65535 : 0) : g_rand_int (r);
        break;
      case T_I16_8:
        ((int16_t *) dst)[i] = extreme ? (hi ? 24480 : -8160)
                                       : g_rand_int_range (r, -8160, 24481);
        break;
      case T_I32_16:
        ((int32_t *) dst)[i] = extreme
            ? (hi ? 805294080 : -268431360)
            : (int32_t) g_rand_double_range (r, -268431360.0, 805294080.0);
        break;
      case T_U32:
        ((uint32_t *) dst)[i] = extreme ? (hi ? 0xffffffffu : 0)
                                        : g_rand_int (r);
        break;
      case T_I32_OCV:
        ((int32_t *) dst)[i] = extreme ? (hi ? 255 * 2048 : 0)
                                       : g_rand_int_range (r, 0, 255 * 2049);
        break;
      case T_I32_OCVT:
        ((int32_t *) dst)[i] = extreme ? (hi ? 255 * 2780 : -255 * 732)
            : halves                   ? 1024 * g_rand_int_range (r, -182, 693)
                     : g_rand_int_range (r, -255 * 732, 255 * 2780 + 1);
        break;
      case T_F32_OCV: /* halves: the rounding's ties */
        ((float *) dst)[i] = extreme ? (hi ? 255.0f : 0.0f)
            : g_rand_int_range (r, 0, 4) == 0
            ? g_rand_int_range (r, 0, 255) + 0.5f
            : (float) g_rand_double_range (r, 0.0, 255.0);
        break;
      case T_U16_OCV:
        ((uint16_t *) dst)[i] = extreme
            ? (hi ? 255 * 256 : 0)
            : g_rand_int_range (r, 0, 255 * 256 + 1);
        break;
      case T_F32_OCV16:
        ((float *) dst)[i] = extreme ? (hi ? 88472.25f : -22937.25f)
            : g_rand_int_range (r, 0, 4) == 0
            ? g_rand_int_range (r, -22937, 88472) + 0.5f
            : (float) g_rand_double_range (r, -22937.25, 88472.25);
        break;
      case T_U32_OCVX:
        ((uint32_t *) dst)[i] = extreme
            ? (hi ? 65535u << 16 : 0)
            : (uint32_t) g_rand_int_range (r, 0, 65535) << 16
                | (uint32_t) g_rand_int_range (r, 0, 65536);
        break;
      case T_DOUBLE:
        ((double *) dst)[i] = extreme
            ? (hi ? 1e6 : -1e6)
            : g_rand_double_range (r, -0.5, 1.5) * (bps == 1 ? 255 : 65535);
        break;
      default:
        g_assert_not_reached ();
    }
  }
}

/* one row of double weights summing to one that the fixed models hold
 * (positive part at most 1.5, negative at least -0.5); non-negative ones
 * for the sum model; extremes one time in four */
static void
random_row (GRand *r, double *w, int n, gboolean positive)
{
  for (;;) {
    double sum = 0, pos = 0, neg = 0;
    int extreme = g_rand_int_range (r, 0, 4) == 0;

    for (int k = 0; k < n; k++) {
      w[k] = positive ? g_rand_double (r) : g_rand_double_range (r, -0.3, 1.0);
      sum += w[k];
    }
    if (extreme && n >= 2 && !positive) {
      /* the largest overshoot: 1.5 on one tap, -0.5 on another */
      for (int k = 0; k < n; k++)
        w[k] = 0;
      w[g_rand_int_range (r, 0, n)] += 1.5;
      w[g_rand_int_range (r, 0, n)] -= 0.5;
      return;
    }
    if (fabs (sum) < 0.05)
      continue;
    for (int k = 0; k < n; k++) {
      w[k] /= sum;
      if (w[k] > 0)
        pos += w[k];
      else
        neg += w[k];
    }
    if (pos <= 1.5 && neg >= -0.5)
      return;
  }
}

static uint32_t
random_lerp_weight (GRand *r, int bits)
{
  uint64_t one = (uint64_t) 1 << bits;

  switch (g_rand_int_range (r, 0, 6)) {
    case 0:
      return 0;
    case 1:
      return (uint32_t) (one - 1);
    case 2:
      return (uint32_t) (one / 2);
    case 3: /* ties of the truncations */
      return (uint32_t) (g_rand_int_range (r, 0, 256) * (one >> 8));
    default:
      return bits == 16 ? (uint32_t) g_rand_int_range (r, 0, 65536)
                        : g_rand_int (r);
  }
}

/* n_rows rows of n_taps weights of kind wk into a fresh table (lerp: one
 * weight per row, 0 where the row's second tap is past the end) */
static void *
random_weights (GRand *r, WeightKind wk, int n_rows, int n_taps,
    const int32_t *offset, int in_len)
{
  size_t n = (size_t) n_rows * n_taps;
  double *row = g_new (double, n_taps);
  int32_t *q = g_new (int32_t, n_taps);
  void *w = NULL;

  switch (wk) {
    case W_INT14:
    case W_INT30:
    case W_SUM16: {
      int bits = wk == W_INT14 ? 14 : wk == W_INT30 ? 30 : 16;
      w = g_malloc0 (n * (wk == W_INT30 ? 4 : 2));
      for (int i = 0; i < n_rows; i++) {
        do
          random_row (r, row, n_taps, wk == W_SUM16);
        while (as_quantize_row (row, n_taps, bits,
                   wk == W_SUM16 ? 0 : -((int64_t) 1 << (bits + 1)),
                   wk == W_SUM16 ? 0xffff : ((int64_t) 1 << (bits + 1)) - 1, q)
            < 0);
        for (int k = 0; k < n_taps; k++) {
          if (wk == W_INT30)
            ((int32_t *) w)[(size_t) i * n_taps + k] = q[k];
          else
            ((int16_t *) w)[(size_t) i * n_taps + k] = (int16_t) q[k];
        }
      }
      break;
    }
    case W_LERP16:
    case W_LERP32:
      w = g_malloc0 ((size_t) n_rows * 4);
      for (int i = 0; i < n_rows; i++) {
        uint32_t v = offset && offset[i] + 1 >= in_len
            ? 0
            : random_lerp_weight (r, wk == W_LERP16 ? 16 : 32);
        if (wk == W_LERP16)
          ((uint16_t *) w)[i] = (uint16_t) v;
        else
          ((uint32_t *) w)[i] = v;
      }
      break;
    case W_DOUBLE:
      w = g_malloc0 (n * sizeof (double));
      for (int i = 0; i < n_rows; i++) {
        random_row (r, row, n_taps, FALSE);
        /* renormalised windows: weights far beyond one */
        for (int k = 0; k < n_taps; k++)
          ((double *) w)[(size_t) i * n_taps + k] = row[k]
              * (g_rand_int_range (r, 0, 8) ? 1.0 : 40.0);
      }
      break;
    case W_OCV:
      w = g_malloc0 (n * 2);
      for (int i = 0; i < n_rows; i++) {
        int a1 = g_rand_int_range (r, 0, 2049);
        ((int16_t *) w)[2 * i] = (int16_t) (2048 - a1 + (i % 5 == 0));
        ((int16_t *) w)[2 * i + 1] = (int16_t) a1;
      }
      break;
    case W_PIL:
      w = g_malloc0 (n * 4);
      for (int i = 0; i < n_rows; i++) {
        random_row (r, row, n_taps, FALSE);
        for (int k = 0; k < n_taps; k++) {
          double v = row[k] * (1 << 22);
          ((int32_t *) w)[(size_t) i * n_taps + k] = (int32_t) (v < 0
                  ? v - 0.5
                  : v + 0.5);
        }
      }
      break;
    case W_OCVT:
      w = g_malloc0 (n * 2);
      for (int i = 0; i < n_rows; i++) {
        double pos, neg;
        if (g_rand_int_range (r, 0, 4) == 0) {
          ((int16_t *) w)[(size_t) i * n_taps
              + g_rand_int_range (r, 0, n_taps)] = 2048;
          continue;
        }
        do {
          random_row (r, row, n_taps, FALSE);
          pos = neg = 0;
          for (int k = 0; k < n_taps; k++)
            *(row[k] > 0 ? &pos : &neg) += row[k];
        } while (pos > 1.35 || neg < -0.35);
        for (int k = 0; k < n_taps; k++)
          ((int16_t *) w)[(size_t) i * n_taps + k] = (int16_t) lrint (
              row[k] * 2048);
      }
      break;
    case W_OCV_BLOCK: {
      AsOcvBlock *b = g_malloc0 (sizeof (AsOcvBlock));
      b->kx = g_rand_int_range (r, 1, 7);
      b->scale = 1.0f / (float) (b->kx * n_taps);
      w = b;
      break;
    }
    case W_OCV_AREA:
      /* a cell's weights: a run of taps, zeros around it (the window's
       * padding), the float sum near one as computeResizeAreaTab's */
      w = g_malloc0 (n * sizeof (float));
      for (int i = 0; i < n_rows; i++) {
        float *wi = (float *) w + (size_t) i * n_taps;
        int a = g_rand_int_range (r, 0, n_taps),
            b = g_rand_int_range (r, a, n_taps);
        double sum = 0;
        for (int k = a; k <= b; k++)
          sum += row[k - a] = g_rand_double_range (r, 0.001, 1.0);
        for (int k = a; k <= b; k++)
          wi[k] = (float) (row[k - a] / sum);
      }
      break;
    case W_OCV_X:
      w = g_malloc0 (n * 2);
      for (int i = 0; i < n_rows; i++) {
        int c1 = g_rand_int_range (r, 0, 4) == 0 ? 0
                                                 : g_rand_int_range (r, 0, 257);
        ((uint16_t *) w)[2 * i] = (uint16_t) (256 - c1);
        ((uint16_t *) w)[2 * i + 1] = (uint16_t) c1;
      }
      break;
    case W_OCV16:
      /* a run of taps from random_row (lobes of both signs), zeros around
       * it; a row in four a single 1 */
      w = g_malloc0 (n * sizeof (float));
      for (int i = 0; i < n_rows; i++) {
        float *wi = (float *) w + (size_t) i * n_taps;
        int a = g_rand_int_range (r, 0, n_taps),
            b = g_rand_int_range (r, a, n_taps);
        if (g_rand_int_range (r, 0, 4) == 0) {
          wi[a] = 1.0f;
          continue;
        }
        random_row (r, row, b - a + 1, FALSE);
        for (int k = a; k <= b; k++)
          wi[k] = (float) row[k - a] * 0.9f;
      }
      break;
    case W_OCV16_X:
      w = g_malloc0 (n * 4);
      for (int i = 0; i < n_rows; i++) {
        uint32_t c1 = g_rand_int_range (r, 0, 4) == 0
            ? 0
            : (uint32_t) g_rand_int_range (r, 0, 65537);
        ((uint32_t *) w)[2 * i] = 65536 - c1;
        ((uint32_t *) w)[2 * i + 1] = c1;
      }
      break;
    case W_NONE:
    case W_BOX2W: /* new_case's wr */
      break;
  }
  g_free (row);
  g_free (q);
  return w;
}

/* weights replicated per sample, tap-major (model.h) */
static void *
replicate (const void *w, size_t size, int n_taps, int out_w, int ch)
{
  size_t line = (size_t) out_w * ch;
  uint8_t *wr = g_malloc0 (line * n_taps * size + 1);

  for (int k = 0; k < n_taps; k++)
    for (int i = 0; i < out_w; i++)
      for (int c = 0; c < ch; c++)
        memcpy (wr + (k * line + (size_t) i * ch + c) * size,
            (const uint8_t *) w + ((size_t) i * n_taps + k) * size, size);
  return wr;
}

static uint8_t *
padded (size_t bytes)
{
  uint8_t *b = g_malloc (bytes + 2 * GUARD);
  memset (b, CANARY, bytes + 2 * GUARD);
  return b;
}

static void
check_guards (const uint8_t *b, size_t bytes, const char *name, int orc)
{
  for (size_t i = 0; i < GUARD; i++)
    if (b[i] != CANARY || b[GUARD + bytes + i] != CANARY)
      fail ("%s (%s) writes outside its line (%s guard byte %" G_GSIZE_FORMAT
            ")",
          name, orc ? "ORC" : "C", b[i] != CANARY ? "leading" : "trailing", i);
}

typedef struct
{
  AsPass p;
  void *w, *wr;
  int32_t *offset;
  const void **lines; /* vertical: n_taps source lines */
  void *src;          /* horizontal: one source line */
  int width, j;
  size_t out_bytes;
  AsLineScratch s;
} Case;

static void
case_free (Case *c)
{
  if (c->lines)
    for (int k = 0; k < c->p.n_taps; k++)
      g_free ((void *) c->lines[k]);
  g_free (c->lines);
  g_free (c->src);
  g_free (c->w);
  g_free (c->wr);
  g_free (c->offset);
  g_free (c->s.gather);
  g_free (c->s.acc);
}

static void
new_case (GRand *r, Case *c, const Entry *e, gboolean vertical, int size)
{
  /* the box rows take 1 or 2 channels; OpenCV's 2x2 area any (its
   * rounding differs past 4) */
  int ch = e->entry == AS_V_BOX2 && vertical    ? g_rand_int_range (r, 1, 3)
      : e->entry == AS_V_OCV8_AREA2 && vertical ? g_rand_int_range (r, 1, 7)
                                                : g_rand_int_range (r, 1, 5);
  AsOcvBlock *block;
  int bps = g_rand_int_range (r, 1, 3);
  int n = g_rand_int_range (r, e->min_taps, e->max_taps + 1);
  size_t isz, osz;

  memset (c, 0, sizeof (*c));
  if (e->in == T_U8 || e->out == T_U8)
    bps = 1;
  if (e->in == T_U16 || e->out == T_U16)
    bps = 2;
  if (e->entry == AS_H_NEAREST && !vertical)
    ch = g_rand_int_range (r, 1, 9 - 4 * (bps - 1));
  isz = type_size (e->in, bps);
  osz = type_size (e->out, bps);
  c->p.n_taps = n;
  c->p.channels = ch;
  c->p.bps = bps;
  c->p.maxval = bps == 1
      ? 255
      : (int[]){ 1023, 4095, 65535 }[g_rand_int_range (r, 0, 3)];
  c->p.in_len = size ? size : g_rand_int_range (r, n, 300);
  c->p.out_len = size ? size : g_rand_int_range (r, 1, 300);
  if (e->entry == AS_H_COPY)
    c->p.out_len = c->p.in_len;
  c->s.gather = g_malloc ((size_t) c->p.out_len * ch * n * 8 + 64);
  c->s.acc = g_malloc (
      2 * (size_t) MAX (c->p.in_len, c->p.out_len) * ch * 4 + 64 + 2 * 4 * 300);

  if (vertical) {
    /* rows of weights; the output row j picks one */
    int rows = 4, line;
    c->width = size ? size * ch : g_rand_int_range (r, 1, 300);
    if (e->w == W_NONE || e->w == W_BOX2W || e->w == W_OCV_BLOCK)
      c->width = (c->width / ch + 1) * ch; /* out_w pixels from blocks */
    c->j = g_rand_int_range (r, 0, rows);
    c->w = random_weights (r, e->w, rows, n, NULL, 0);
    c->p.w = c->w;
    block = c->w;
    line = e->w == W_NONE || e->w == W_BOX2W ? 2 * c->width
        : e->w == W_OCV_BLOCK                ? block->kx * c->width
                                             : c->width;
    if (e->w == W_BOX2W) {
      uint16_t *wr = g_new (uint16_t, c->width);
      for (int x = 0; x < c->width; x += ch) {
        int m = (int[]){ 1, 64, 127,
          g_rand_int_range (r, 1, 128) }[g_rand_int_range (r, 0, 4)];
        for (int k = 0; k < ch; k++)
          wr[x + k] = (uint16_t) (512 * m);
      }
      c->p.wr = c->wr = wr;
    }
    c->lines = g_new0 (const void *, n);
    for (int k = 0; k < n; k++) {
      /* the box reads pixel pairs as words: aligned lines */
      void *l = g_malloc (line * isz);
      random_line (r, l, e->in, bps, line);
      c->lines[k] = l;
    }
    c->out_bytes = (size_t) c->width * osz;
  } else {
    int in = c->p.in_len, out = c->p.out_len;
    c->offset = g_new (int32_t, out);
    for (int i = 0; i < out; i++)
      c->offset[i] = e->entry == AS_H_COPY
          ? i
          : g_rand_int_range (r, 0, in - n + 1);
    /* OpenCV's uint16 taps: first taps past both edges (clamped reads) */
    if (e->entry == AS_H_OCV16_TAPS)
      for (int i = 0; i < out; i++)
        c->offset[i] = g_rand_int_range (r, 1 - n - 2, in + 2);
    /* lerp bases never decrease (and the last may be the last pixel) */
    if (e->w == W_LERP16 || e->w == W_LERP32 || e->w == W_OCV || e->w == W_OCV_X
        || e->w == W_OCV16_X) {
      for (int i = 0; i < out; i++)
        c->offset[i] = g_rand_int_range (r, 0, in);
      for (int i = 1; i < out; i++)
        for (int k = i; k > 0 && c->offset[k] < c->offset[k - 1]; k--) {
          int32_t t = c->offset[k];
          c->offset[k] = c->offset[k - 1];
          c->offset[k - 1] = t;
        }
      /* half the lerp cases: a resize's bases, a third of them 2:1 (the
       * fast rows' windows and 2:1 runs), shifted by a pixel or not */
      if ((e->w == W_LERP16 || e->w == W_LERP32)
          && g_rand_int_range (r, 0, 2) == 0) {
        int shift = g_rand_int_range (r, -1, 2);
        if (g_rand_int_range (r, 0, 3) == 0 && 2 * out + 2 <= 300)
          c->p.in_len = in = MAX (2 * out + g_rand_int_range (r, 0, 3), n);
        for (int i = 0; i < out; i++)
          c->offset[i] = CLAMP (
              (int) floor ((i + 0.5) * in / out - 0.5) + shift, 0, in - 1);
      }
      while (c->p.n_pair < out && c->offset[c->p.n_pair] + 1 < in)
        c->p.n_pair++;
    }
    /* a third of the 4-tap cases: a 2:1 axis (first taps two apart away
     * from the edges, which the gather moves with shuffles) */
    if (n == 4 && !(e->w == W_LERP16 || e->w == W_LERP32)
        && e->entry != AS_H_COPY && g_rand_int_range (r, 0, 3) == 0) {
      c->p.in_len = in = 2 * out + g_rand_int_range (r, 3, 9);
      for (int i = 0; i < out; i++)
        c->offset[i] = CLAMP (2 * i - 1, 0, in - n);
    }
    as_gather_step2_run (c->offset, out, &c->p.step2_a, &c->p.step2_b);
    c->p.offset = c->offset;
    c->w = random_weights (r, e->w, out,
        e->w == W_LERP16 || e->w == W_LERP32 ? 1 : n, c->offset, in);
    c->p.w = c->w;
    if (c->w)
      c->p.wr = c->wr = replicate (c->w,
          e->w == W_INT30 || e->w == W_LERP32 || e->w == W_PIL
                  || e->w == W_OCV_AREA || e->w == W_OCV16 || e->w == W_OCV16_X
              ? 4
              : e->w == W_DOUBLE ? 8
                                 : 2,
          e->w == W_LERP16 || e->w == W_LERP32 ? 1 : n, out, ch);
    c->src = g_malloc ((size_t) in * ch * isz);
    random_line (r, c->src, e->in, bps, (size_t) in * ch);
    c->out_bytes = (size_t) out * ch * osz;
  }
}

/* the table a horizontal row of dsp builds for the case (NULL: none),
 * allocated to its exact size */
static void *
case_aux (const AsDsp *dsp, const Entry *e, gboolean vertical, const Case *c)
{
  AsHPrepFunc prep = vertical ? NULL : dsp->h_prep[e->entry];
  void *aux;

  if (!prep)
    return NULL;
  aux = g_malloc (prep (NULL, &c->p) + 1);
  prep (aux, &c->p);
  return aux;
}

static void
run_entry (const AsDsp *dsp, const Entry *e, gboolean vertical, Case *c,
    const void *aux, uint8_t *out)
{
  AsPass p = c->p;

  p.aux = aux;
  if (vertical)
    dsp->v[e->entry](out, c->lines, &p, c->j, c->width, &c->s);
  else
    dsp->h[e->entry](out, c->src, &p, &c->s);
}

/* the plan's table (plan.c) */
static void
init_fast (AsDsp *dsp)
{
  as_dsp_init_c (dsp);
  as_dsp_init_orc (dsp);
  as_dsp_init_simd (dsp);
}

static void
check_entries (const Entry *entries, guint n_entries, gboolean vertical,
    const char *const *names, int cases)
{
  GRand *r = g_rand_new_with_seed (vertical ? 21 : 22);
  AsDsp c_dsp, other[2];
  static const char *const other_name[2] = { "ORC", "fast" };
  guint differ = 0;

  as_dsp_init_c (&c_dsp);
  as_dsp_init_c (&other[0]);
  as_dsp_init_orc (&other[0]);
  init_fast (&other[1]);
  for (guint t = 0; t < n_entries; t++) {
    const Entry *e = &entries[t];
    const char *name = names[e->entry];

    fail_unless (c_dsp.v[0] && name);
    differ += vertical ? other[0].v[e->entry] != c_dsp.v[e->entry]
                       : other[0].h[e->entry] != c_dsp.h[e->entry];
    for (int n = 0; n < cases; n++) {
      Case c;
      uint8_t *a;

      new_case (r, &c, e, vertical, 0);
      a = padded (c.out_bytes);
      run_entry (&c_dsp, e, vertical, &c, NULL, a + GUARD);
      check_guards (a, c.out_bytes, name, 0);
      for (int d = 0; d < 2; d++) {
        uint8_t *b = padded (c.out_bytes);
        void *aux = case_aux (&other[d], e, vertical, &c);
        run_entry (&other[d], e, vertical, &c, aux, b + GUARD);
        check_guards (b, c.out_bytes, name, 1);
        if (memcmp (a + GUARD, b + GUARD, c.out_bytes) != 0) {
          size_t i = 0;
          while (a[GUARD + i] == b[GUARD + i])
            i++;
          fail ("%s: %s differs from C at byte %" G_GSIZE_FORMAT
                " (of %" G_GSIZE_FORMAT
                "): %d taps, %d channels, %d -> %d, width %d",
              name, other_name[d], i, c.out_bytes, c.p.n_taps, c.p.channels,
              c.p.in_len, c.p.out_len, c.width);
        }
        g_free (aux);
        g_free (b);
      }
      g_free (a);
      case_free (&c);
    }
  }
  /* the table is not all C: the comparison compares something */
  fail_unless (differ > 0);
  g_rand_free (r);
}

GST_START_TEST (test_vertical_entries)
{
  check_entries (
      v_entries, G_N_ELEMENTS (v_entries), TRUE, as_dsp_v_names, 300);
}

GST_END_TEST;

GST_START_TEST (test_horizontal_entries)
{
  check_entries (
      h_entries, G_N_ELEMENTS (h_entries), FALSE, as_dsp_h_names, 300);
}

GST_END_TEST;

/* AS_V_BOX2W is the lerp model's two passes, in either order (C rows):
 * every m, random rows, 1 to 4 channels */
GST_START_TEST (test_box2w_is_lerp)
{
  GRand *r = g_rand_new_with_seed (24);
  AsDsp c;

  as_dsp_init_c (&c);
  for (int n = 0; n < 200; n++) {
    int ch = 1 + n % 4, out = g_rand_int_range (r, 1, 70), in = 2 * out;
    size_t ow = (size_t) out * ch, iw = (size_t) in * ch;
    uint8_t *row[2], *a = g_malloc (ow), *b = g_malloc (ow), *d = g_malloc (ow);
    uint16_t *hw = g_new (uint16_t, out), *wr = g_new (uint16_t, ow);
    uint16_t vw = 32768, *inter = g_new (uint16_t, iw), *ring[2];
    int32_t *off = g_new (int32_t, out), zero = 0;
    AsPass h = { .n_taps = 2,
      .channels = ch,
      .in_len = in,
      .out_len = out,
      .maxval = 255,
      .bps = 1,
      .n_pair = out,
      .step2_b = -1,
      .offset = off,
      .w = hw,
      .wr = wr };
    AsPass v = { .n_taps = 2,
      .channels = ch,
      .in_len = 2,
      .out_len = 1,
      .maxval = 255,
      .bps = 1,
      .step2_b = -1,
      .offset = &zero,
      .w = &vw,
      .wr = wr };
    const void *rows[2], *lines[2];

    for (int k = 0; k < 2; k++) {
      row[k] = g_malloc (iw);
      ring[k] = g_new (uint16_t, ow);
      for (size_t x = 0; x < iw; x++)
        row[k][x] = (uint8_t) (g_rand_int_range (r, 0, 4)
                ? g_rand_int_range (r, 0, 256)
                : 255 * g_rand_int_range (r, 0, 2));
      rows[k] = row[k];
      lines[k] = ring[k];
    }
    for (int i = 0; i < out; i++) {
      off[i] = 2 * i;
      hw[i] = (uint16_t) (512 * (1 + (n * out + i) % 127));
      for (int k = 0; k < ch; k++)
        wr[i * ch + k] = hw[i];
    }
    c.v[AS_V_BOX2W](a, rows, &v, 0, (int) ow, NULL);
    /* V-first, H-first */
    c.v[AS_V_LERP8_IN](inter, rows, &v, 0, (int) iw, NULL);
    c.h[AS_H_LERP8_OUT](b, inter, &h, NULL);
    for (int k = 0; k < 2; k++)
      c.h[AS_H_LERP8_IN](ring[k], row[k], &h, NULL);
    c.v[AS_V_LERP8_OUT](d, lines, &v, 0, (int) ow, NULL);
    fail_unless (memcmp (a, b, ow) == 0 && memcmp (a, d, ow) == 0,
        "v_box2w differs from the lerp passes: %d channels, %d pixels", ch,
        out);
    for (int k = 0; k < 2; k++) {
      g_free (row[k]);
      g_free (ring[k]);
    }
    g_free (a);
    g_free (b);
    g_free (d);
    g_free (hw);
    g_free (wr);
    g_free (inter);
    g_free (off);
  }
  g_rand_free (r);
}

GST_END_TEST;

/* every entry of the table has a test row (a new one must be added) */
GST_START_TEST (test_table_covered)
{
  AsDsp dsp;

  as_dsp_init_c (&dsp);
  for (int i = 0; i < AS_N_V; i++) {
    gboolean found = FALSE;
    for (guint t = 0; t < G_N_ELEMENTS (v_entries); t++)
      found |= v_entries[t].entry == i;
    fail_unless (found && dsp.v[i], "%s has no test row", as_dsp_v_names[i]);
  }
  for (int i = 0; i < AS_N_H; i++) {
    gboolean found = FALSE;
    for (guint t = 0; t < G_N_ELEMENTS (h_entries); t++)
      found |= h_entries[t].entry == i;
    fail_unless (found && dsp.h[i], "%s has no test row", as_dsp_h_names[i]);
  }
}

GST_END_TEST;

/* The YUV -> RGB rows (SIMD and ORC tables against C): random codes of
 * 8 to 16 bits less their offsets, and codes next to the rounding
 * boundaries (the flags must agree too); and merge4. Lines of every
 * length 1..70 at exact sizes, outputs in guarded buffers. */
GST_START_TEST (test_convert_entries)
{
  GRand *r = g_rand_new_with_seed (23);
  AsDsp c_dsp, fast;
  /* bt709 limited 8-bit (ky, kc kr, kc kgb, kc kgr, kc kb), bt2020 full
   * 10-bit (D = 16), and coefficients that put R on boundaries exactly
   * (t = Y + 0.5 + Cr / 2: an integer for odd Cr) */
  static const float ks[3][5] = {
    { 255.0f / 219.0f, 1.5748f * 255.0f / 224.0f / 4.0f,
        0.18732f * 255.0f / 224.0f / 4.0f, 0.46812f * 255.0f / 224.0f / 4.0f,
        1.8556f * 255.0f / 224.0f / 4.0f },
    { 255.0f / 1023.0f, 1.4746f * 255.0f / 1023.0f / 16.0f,
        0.16455f * 255.0f / 1023.0f / 16.0f,
        0.57135f * 255.0f / 1023.0f / 16.0f,
        1.8814f * 255.0f / 1023.0f / 16.0f },
    { 1.0f, 0.5f, 0.25f, 0.125f, 0.5f },
  };
  guint flagged = 0, total = 0;

  as_dsp_init_c (&c_dsp);
  as_dsp_init_c (&fast);
  as_dsp_init_simd (&fast);
  as_dsp_init_orc (&fast);
  for (int e = 0; e < AS_N_C; e++) {
    gboolean s16 = e == AS_C_RGB_S16;
    size_t sz = s16 ? 2 : 4;

    fail_unless (c_dsp.c[e] && as_dsp_c_names[e]);
    for (int n = 1; n <= 70; n++)
      for (int kset = 0; kset < 3; kset++) {
        const float *k = ks[kset];
        gint32 ymax = kset == 1 ? 1023 : 255,
               cmax = kset == 1 ? 16 * 512 : 4 * 128;
        void *y = g_malloc (sz * n), *u = g_malloc (sz * n),
             *v = g_malloc (sz * n);
        uint8_t *out[2][4];

        for (int i = 0; i < n; i++) {
          gint32 yc = g_rand_int_range (r, -64, ymax + 1);
          gint32 uc = g_rand_int_range (r, -cmax, cmax);
          gint32 vc = g_rand_int_range (r, -cmax, cmax);
          /* with the third set, R of every other pixel on a boundary */
          if (kset == 2 && i % 2 == 0) {
            yc = g_rand_int_range (r, 0, 250);
            vc = 2 * g_rand_int_range (r, 0, 5) + 1;
          }
          if (s16) {
            ((gint16 *) y)[i] = (gint16) yc;
            ((gint16 *) u)[i] = (gint16) uc;
            ((gint16 *) v)[i] = (gint16) vc;
          } else {
            ((gint32 *) y)[i] = yc;
            ((gint32 *) u)[i] = uc;
            ((gint32 *) v)[i] = vc;
          }
        }
        for (int d = 0; d < 2; d++) {
          for (int o = 0; o < 4; o++)
            out[d][o] = padded (n);
          (d ? fast : c_dsp)
              .c[e](out[d][0] + GUARD, out[d][1] + GUARD, out[d][2] + GUARD,
                  out[d][3] + GUARD, y, u, v, k, n);
          for (int o = 0; o < 4; o++)
            check_guards (out[d][o], n, as_dsp_c_names[e], d);
        }
        for (int o = 0; o < 4; o++)
          for (int i = 0; i < n; i++)
            fail_unless (out[0][o][GUARD + i] == out[1][o][GUARD + i],
                "%s: line %d pixel %d of %d: %u (C) vs %u", as_dsp_c_names[e],
                o, i, n, out[0][o][GUARD + i], out[1][o][GUARD + i]);
        for (int i = 0; i < n; i++)
          flagged += out[0][3][GUARD + i] != 0;
        total += n;
        for (int d = 0; d < 2; d++)
          for (int o = 0; o < 4; o++)
            g_free (out[d][o]);
        g_free (y);
        g_free (u);
        g_free (v);
      }
  }
  /* the boundary pixels are flagged: the flag is tested, not just 0 */
  fail_unless (flagged > total / 10, "%u of %u flagged", flagged, total);

  /* merge4 */
  for (int n = 1; n <= 70; n++) {
    uint8_t *l[4], *a = padded (4 * n), *b = padded (4 * n);
    for (int c = 0; c < 4; c++) {
      l[c] = g_malloc (n);
      for (int i = 0; i < n; i++)
        l[c][i] = g_rand_int (r);
    }
    c_dsp.merge4 (a + GUARD, l[0], l[1], l[2], l[3], n);
    fast.merge4 (b + GUARD, l[0], l[1], l[2], l[3], n);
    check_guards (a, 4 * n, "merge4", 0);
    check_guards (b, 4 * n, "merge4", 1);
    fail_unless (memcmp (a, b, 4 * n + 2 * GUARD) == 0, "merge4 differs");
    for (int i = 0; i < n; i++)
      for (int c = 0; c < 4; c++)
        fail_unless (a[GUARD + 4 * i + c] == l[c][i]);
    for (int c = 0; c < 4; c++)
      g_free (l[c]);
    g_free (a);
    g_free (b);
  }
  /* the fast table is not the C one: the comparison compares something */
  fail_unless (fast.c[AS_C_RGB_S16] != c_dsp.c[AS_C_RGB_S16]
      || fast.merge4 != c_dsp.merge4);
  g_print ("dsp: conversion rows equal to C on %u pixels (%u flagged near a"
           " boundary), merge4 on lines 1..70\n",
      total, flagged);
  g_rand_free (r);
}

GST_END_TEST;

/* ALIGNSCALE_DSP_TIME=1: ns per output sample of each entry, C and ORC */
static void
time_entries (const Entry *entries, guint n_entries, gboolean vertical,
    const char *const *names)
{
  GRand *r = g_rand_new_with_seed (5);
  AsDsp dsp[3];

  as_dsp_init_c (&dsp[0]);
  as_dsp_init_c (&dsp[1]);
  as_dsp_init_orc (&dsp[1]);
  init_fast (&dsp[2]);
  for (guint t = 0; t < n_entries; t++) {
    const Entry *e = &entries[t];
    double ns[3];
    Case c;
    uint8_t *out;

    new_case (r, &c, e, vertical, 1920);
    out = padded (c.out_bytes);
    for (int d = 0; d < 3; d++) {
      void *aux = case_aux (&dsp[d], e, vertical, &c);
      gint64 t0 = g_get_monotonic_time ();
      int reps = 0;
      do {
        run_entry (&dsp[d], e, vertical, &c, aux, out + GUARD);
        reps++;
      } while (g_get_monotonic_time () - t0 < 20000);
      ns[d] = (g_get_monotonic_time () - t0) * 1000.0 / reps
          / (c.out_bytes / type_size (e->out, c.p.bps));
      g_free (aux);
    }
    g_print ("dsp: %-14s %2d taps %d ch %d bytes  C %7.3f  ORC %7.3f"
             "  fast %7.3f ns/sample  %5.2fx\n",
        names[e->entry], c.p.n_taps, c.p.channels, c.p.bps, ns[0], ns[1], ns[2],
        ns[0] / ns[2]);
    g_free (out);
    case_free (&c);
  }
  g_rand_free (r);
}

GST_START_TEST (test_time)
{
  if (!g_getenv ("ALIGNSCALE_DSP_TIME"))
    return;
  time_entries (v_entries, G_N_ELEMENTS (v_entries), TRUE, as_dsp_v_names);
  time_entries (h_entries, G_N_ELEMENTS (h_entries), FALSE, as_dsp_h_names);
}

GST_END_TEST;

static Suite *
dsp_suite (void)
{
  Suite *s = suite_create ("dsp");
  TCase *tc = tcase_create ("general");

  suite_add_tcase (s, tc);
  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_table_covered);
  tcase_add_test (tc, test_vertical_entries);
  tcase_add_test (tc, test_horizontal_entries);
  tcase_add_test (tc, test_box2w_is_lerp);
  tcase_add_test (tc, test_convert_entries);
  tcase_add_test (tc, test_time);
  return s;
}

GST_CHECK_MAIN (dsp);
