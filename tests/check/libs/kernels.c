/* The fast (ORC) kernels against their portable C twins (kernels.c): random
 * lines of widths 1-67 and 1920, random weights (negative ones too), random
 * tap offsets; outputs must be identical. Runs with ORC's compiled code and,
 * as a second meson test, with ORC_CODE=backup.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <gst/check/gstcheck.h>
#include <string.h>

#include "kernels.h"

#define MAX_TAPS 13
#define MAX_CH 4

/* weights summing to AS_WEIGHT_ONE with sum |w| <= 2 (the contract's
 * bound), some negative. Coarse weights make exact rounding ties frequent,
 * so a wrong rounding constant cannot hide: multiples of 128 tie the first
 * pass ((acc + 128) >> 8), multiples of 8192 the second (>> 20). */
static void
random_weights (GRand *r, int16_t *w, int n)
{
  int mode = g_rand_int_range (r, 0, 3), sum = 0;

  memset (w, 0, n * sizeof (int16_t));
  if (n == 1) {
    w[0] = AS_WEIGHT_ONE;
    return;
  }
  if (mode == 2) {
    /* two taps: (1/2, 1/2) or (3/2, -1/2) */
    int a = g_rand_int_range (r, 0, n), b = (a + 1) % n;
    gboolean over = g_rand_boolean (r);
    w[a] = over ? 3 * AS_WEIGHT_ONE / 2 : AS_WEIGHT_ONE / 2;
    w[b] = over ? -AS_WEIGHT_ONE / 2 : AS_WEIGHT_ONE / 2;
    return;
  }
  for (int k = 0; k < n - 1; k++) {
    w[k] = g_rand_int_range (r, -4000, 20000) / n;
    if (mode == 1)
      w[k] &= ~127;
    sum += w[k];
  }
  w[n - 1] = AS_WEIGHT_ONE - sum;
}

/* monotonic first-tap offsets that keep every tap inside [0, in_w) */
static void
random_offsets (GRand *r, int32_t *off, int out_w, int in_w, int n)
{
  for (int i = 0; i < out_w; i++)
    off[i] = (int32_t) ((gint64) i * (in_w - n) / MAX (out_w - 1, 1));
  if (g_rand_boolean (r))
    for (int i = 0; i < out_w; i++)
      off[i] = g_rand_int_range (r, 0, in_w - n + 1);
}

static void
check_vertical (GRand *r, int width, int n)
{
  uint8_t *s8[MAX_TAPS];
  int16_t *s16[MAX_TAPS], w[MAX_TAPS];
  int16_t *ref16 = g_new (int16_t, width), *got16 = g_new (int16_t, width);
  uint8_t *ref8 = g_new (uint8_t, width), *got8 = g_new (uint8_t, width);
  int32_t *acc = g_new (int32_t, 2 * width);

  for (int k = 0; k < n; k++) {
    s8[k] = g_new (uint8_t, width);
    s16[k] = g_new (int16_t, width);
    for (int x = 0; x < width; x++) {
      s8[k][x] = g_rand_int_range (r, 0, 256);
      /* intermediate range of the contract: 6 fractional bits, overshoot */
      s16[k][x] = g_rand_int_range (r, -8160, 24481);
    }
  }
  random_weights (r, w, n);

  as_v_u8_i16 (ref16, (const uint8_t *const *) s8, w, n, width);
  as_fast_v_u8_i16 (got16, (const uint8_t *const *) s8, w, n, width, acc);
  fail_unless (memcmp (ref16, got16, width * sizeof (int16_t)) == 0,
      "v_u8_i16 n=%d width=%d differs", n, width);

  as_v_i16_u8 (ref8, (const int16_t *const *) s16, w, n, width);
  as_fast_v_i16_u8 (got8, (const int16_t *const *) s16, w, n, width, acc);
  fail_unless (memcmp (ref8, got8, width) == 0,
      "v_i16_u8 n=%d width=%d differs", n, width);

  for (int k = 0; k < n; k++) {
    g_free (s8[k]);
    g_free (s16[k]);
  }
  g_free (ref16);
  g_free (got16);
  g_free (ref8);
  g_free (got8);
  g_free (acc);
}

static void
check_horizontal (GRand *r, int out_w, int ch, int n)
{
  int in_w = g_rand_int_range (r, n, 2 * out_w + n + 1);
  int width = out_w * ch;
  uint8_t *s8 = g_new (uint8_t, in_w * ch);
  int16_t *s16 = g_new (int16_t, in_w * ch);
  int32_t *off = g_new (int32_t, out_w);
  int16_t *w = g_new (int16_t, out_w * n), *wr = g_new (int16_t, width * n);
  int16_t *ref16 = g_new (int16_t, width), *got16 = g_new (int16_t, width);
  uint8_t *ref8 = g_new (uint8_t, width), *got8 = g_new (uint8_t, width);
  int32_t *acc = g_new (int32_t, 2 * width);
  void *gather = g_malloc (width * n * sizeof (int16_t));

  for (int x = 0; x < in_w * ch; x++) {
    s8[x] = g_rand_int_range (r, 0, 256);
    s16[x] = g_rand_int_range (r, -8160, 24481);
  }
  random_offsets (r, off, out_w, in_w, n);
  for (int i = 0; i < out_w; i++)
    random_weights (r, w + i * n, n);
  as_replicate_weights (wr, w, n, out_w, ch);

  as_h_u8_i16 (ref16, s8, off, w, n, out_w, ch);
  as_fast_h_u8_i16 (got16, s8, off, wr, n, out_w, ch, gather, acc);
  fail_unless (memcmp (ref16, got16, width * sizeof (int16_t)) == 0,
      "h_u8_i16 n=%d out_w=%d ch=%d differs", n, out_w, ch);

  as_h_i16_u8 (ref8, s16, off, w, n, out_w, ch);
  as_fast_h_i16_u8 (got8, s16, off, wr, n, out_w, ch, gather, acc);
  fail_unless (memcmp (ref8, got8, width) == 0,
      "h_i16_u8 n=%d out_w=%d ch=%d differs", n, out_w, ch);

  g_free (s8);
  g_free (s16);
  g_free (off);
  g_free (w);
  g_free (wr);
  g_free (ref16);
  g_free (got16);
  g_free (ref8);
  g_free (got8);
  g_free (acc);
  g_free (gather);
}

/* 30-bit weights summing to AS_WEIGHT_ONE_16, |w| < 2 and sum |w| <= 2
 * (cubic-a in [-2, 0] and its folded border taps stay inside) */
static void
random_weights16 (GRand *r, int32_t *w, int n)
{
  int64_t sum = 0;

  if (n == 1) {
    w[0] = AS_WEIGHT_ONE_16;
    return;
  }
  for (int k = 0; k < n - 1; k++) {
    w[k] = (int32_t) ((g_rand_double_range (r, -0.25, 1.2)) / n
        * AS_WEIGHT_ONE_16);
    if (g_rand_int_range (r, 0, 3) == 0)
      w[k] &= ~0xfffff; /* coarse: exact products, rounding ties */
    sum += w[k];
  }
  w[n - 1] = (int32_t) (AS_WEIGHT_ONE_16 - sum);
}

/* an intermediate of the 16-bit contract: 13 fractional bits, overshoot */
static int32_t
random_inter16 (GRand *r)
{
  return (int32_t) g_rand_double_range (
      r, -0.5 * 65535 * 8192, 1.5 * 65535 * 8192);
}

static void
check_16 (GRand *r, int out_w, int ch, int n)
{
  int in_w = g_rand_int_range (r, n, 2 * out_w + n + 1), width = out_w * ch;
  int vw = in_w * ch, big = MAX (vw, width);
  uint16_t *s16[MAX_TAPS], *ref16 = g_new (uint16_t, big),
                           *got16 = g_new (uint16_t, big);
  int32_t *s32[MAX_TAPS], *ref32 = g_new (int32_t, big),
                          *got32 = g_new (int32_t, big);
  int32_t w[MAX_TAPS], *off = g_new (int32_t, out_w);
  int32_t *hw = g_new (int32_t, out_w * n), *wr = g_new (int32_t, width * n);
  int32_t *acc = g_new (int32_t, 2 * big);
  void *gather = g_malloc (width * n * sizeof (int32_t));

  for (int k = 0; k < n; k++) {
    s16[k] = g_new (uint16_t, vw);
    s32[k] = g_new (int32_t, vw);
    for (int x = 0; x < vw; x++) {
      s16[k][x] = g_rand_int_range (r, 0, 65536);
      s32[k][x] = random_inter16 (r);
    }
  }
  random_weights16 (r, w, n);
  as_v_u16_i32 (ref32, (const uint16_t *const *) s16, w, n, vw);
  as_fast_v_u16_i32 (got32, (const uint16_t *const *) s16, w, n, vw, acc);
  fail_unless (memcmp (ref32, got32, vw * sizeof (int32_t)) == 0,
      "v_u16_i32 n=%d width=%d differs", n, vw);
  as_v_i32_u16 (ref16, (const int32_t *const *) s32, w, n, vw);
  as_fast_v_i32_u16 (got16, (const int32_t *const *) s32, w, n, vw, acc);
  fail_unless (memcmp (ref16, got16, vw * sizeof (uint16_t)) == 0,
      "v_i32_u16 n=%d width=%d differs", n, vw);

  /* horizontal: line 0 of the sources is the input line */
  random_offsets (r, off, out_w, in_w, n);
  for (int i = 0; i < out_w; i++)
    random_weights16 (r, hw + i * n, n);
  as_replicate_weights32 (wr, hw, n, out_w, ch);
  as_h_u16_i32 (ref32, s16[0], off, hw, n, out_w, ch);
  as_fast_h_u16_i32 (got32, s16[0], off, wr, n, out_w, ch, gather, acc);
  fail_unless (memcmp (ref32, got32, width * sizeof (int32_t)) == 0,
      "h_u16_i32 n=%d out_w=%d ch=%d differs", n, out_w, ch);
  as_h_i32_u16 (ref16, s32[0], off, hw, n, out_w, ch);
  as_fast_h_i32_u16 (got16, s32[0], off, wr, n, out_w, ch, gather, acc);
  fail_unless (memcmp (ref16, got16, width * sizeof (uint16_t)) == 0,
      "h_i32_u16 n=%d out_w=%d ch=%d differs", n, out_w, ch);

  for (int k = 0; k < n; k++) {
    g_free (s16[k]);
    g_free (s32[k]);
  }
  g_free (ref16);
  g_free (got16);
  g_free (ref32);
  g_free (got32);
  g_free (off);
  g_free (hw);
  g_free (wr);
  g_free (acc);
  g_free (gather);
}

GST_START_TEST (test_16bit)
{
  GRand *r = g_rand_new_with_seed (46);

  for (int n = 1; n <= MAX_TAPS; n++)
    for (int ch = 1; ch <= MAX_CH; ch++) {
      for (int out_w = 1; out_w <= 67; out_w++)
        check_16 (r, out_w, ch, n);
      check_16 (r, 1920, ch, n);
    }
  g_rand_free (r);
}

GST_END_TEST;

GST_START_TEST (test_vertical)
{
  GRand *r = g_rand_new_with_seed (42);

  for (int n = 1; n <= MAX_TAPS; n++) {
    for (int width = 1; width <= 67; width++)
      check_vertical (r, width, n);
    check_vertical (r, 1920, n);
    check_vertical (r, 1920 * 4, n);
  }
  g_rand_free (r);
}

GST_END_TEST;

GST_START_TEST (test_horizontal)
{
  GRand *r = g_rand_new_with_seed (43);

  for (int n = 1; n <= MAX_TAPS; n++)
    for (int ch = 1; ch <= MAX_CH; ch++) {
      for (int out_w = 1; out_w <= 67; out_w++)
        check_horizontal (r, out_w, ch, n);
      check_horizontal (r, 1920, ch, n);
    }
  g_rand_free (r);
}

GST_END_TEST;

/* sum-model weights: non-negative uint16 summing to 2^16, each below it */
static void
random_weights_sum (GRand *r, uint16_t *w, int n)
{
  guint32 left = 65536;

  for (int k = 0; k < n - 1; k++) {
    guint32 v = g_rand_int_range (r, 0, MIN (left, 65535) + 1);
    if (g_rand_int_range (r, 0, 3) == 0)
      v = MIN (v, left / (n - k)); /* spread out, as antialias rows are */
    w[k] = (uint16_t) v;
    left -= v;
  }
  if (left > 65535) { /* the last may not take 2^16: move one unit */
    w[0] += 1;
    left -= 1;
  }
  w[n - 1] = (uint16_t) left;
}

static void
check_sum (GRand *r, int out_w, int ch, int n, gboolean flat)
{
  int in_w = g_rand_int_range (r, n, 2 * out_w + n + 1), width = out_w * ch;
  int vw = in_w * ch, big = MAX (vw, width);
  uint8_t *s8[MAX_TAPS], *ref8 = g_new (uint8_t, big),
                         *got8 = g_new (uint8_t, big);
  uint16_t *s16[MAX_TAPS], *ref16 = g_new (uint16_t, big),
                           *got16 = g_new (uint16_t, big);
  uint16_t w[MAX_TAPS], *hw = g_new (uint16_t, out_w * n);
  uint16_t *wr = g_new (uint16_t, width * n), *acc = g_new (uint16_t, 2 * big);
  int32_t *off = g_new (int32_t, out_w);
  void *gather = g_malloc (width * n * sizeof (uint16_t));
  uint8_t level = g_rand_int_range (r, 0, 256);

  for (int k = 0; k < n; k++) {
    s8[k] = g_new (uint8_t, vw);
    s16[k] = g_new (uint16_t, vw);
    for (int x = 0; x < vw; x++) {
      s8[k][x] = flat ? level : g_rand_int_range (r, 0, 256);
      /* a first pass's output: 8 fractional bits plus its bias */
      s16[k][x] = flat ? level << 8 : g_rand_int_range (r, 0, 65280 + 64);
    }
  }
  random_weights_sum (r, w, n);
  as_sum_v_u8_u16 (ref16, (const uint8_t *const *) s8, w, n, vw);
  as_fast_sum_v_u8_u16 (got16, (const uint8_t *const *) s8, w, n, vw, acc);
  fail_unless (memcmp (ref16, got16, vw * 2) == 0,
      "sum_v_u8_u16 n=%d width=%d differs", n, vw);
  if (flat)
    for (int x = 0; x < vw; x++)
      fail_unless (ABS (ref16[x] - (level << 8)) <= n, "flat drifts");
  as_sum_v_u16_u8 (ref8, (const uint16_t *const *) s16, w, n, vw);
  as_fast_sum_v_u16_u8 (got8, (const uint16_t *const *) s16, w, n, vw, acc);
  fail_unless (memcmp (ref8, got8, vw) == 0,
      "sum_v_u16_u8 n=%d width=%d differs", n, vw);
  if (flat)
    for (int x = 0; x < vw; x++)
      fail_unless_equals_int (ref8[x], level);

  random_offsets (r, off, out_w, in_w, n);
  for (int i = 0; i < out_w; i++)
    random_weights_sum (r, hw + i * n, n);
  as_replicate_weights ((int16_t *) wr, (const int16_t *) hw, n, out_w, ch);
  as_sum_h_u8_u16 (ref16, s8[0], off, hw, n, out_w, ch);
  as_fast_sum_h_u8_u16 (got16, s8[0], off, wr, n, out_w, ch, gather, acc);
  fail_unless (memcmp (ref16, got16, width * 2) == 0,
      "sum_h_u8_u16 n=%d out_w=%d ch=%d differs", n, out_w, ch);
  as_sum_h_u16_u8 (ref8, s16[0], off, hw, n, out_w, ch);
  as_fast_sum_h_u16_u8 (got8, s16[0], off, wr, n, out_w, ch, gather, acc);
  fail_unless (memcmp (ref8, got8, width) == 0,
      "sum_h_u16_u8 n=%d out_w=%d ch=%d differs", n, out_w, ch);

  for (int k = 0; k < n; k++) {
    g_free (s8[k]);
    g_free (s16[k]);
  }
  g_free (ref8);
  g_free (got8);
  g_free (ref16);
  g_free (got16);
  g_free (hw);
  g_free (wr);
  g_free (acc);
  g_free (off);
  g_free (gather);
}

GST_START_TEST (test_sum_model)
{
  GRand *r = g_rand_new_with_seed (47);

  for (int n = 1; n <= MAX_TAPS; n++)
    for (int ch = 1; ch <= MAX_CH; ch++) {
      for (int out_w = 1; out_w <= 40; out_w++)
        check_sum (r, out_w, ch, n, out_w % 7 == 0);
      check_sum (r, 1920, ch, n, FALSE);
    }
  g_rand_free (r);
}

GST_END_TEST;

/* the extremes of the contract: all-255 and all-0 lines with the largest
 * overshooting weights saturate the same way */
GST_START_TEST (test_saturation)
{
  const int width = 64;
  int16_t hi[64], lo[64], w[2] = { 24000, AS_WEIGHT_ONE - 24000 };
  const int16_t *s[2] = { hi, lo };
  uint8_t ref[64], got[64];
  int32_t acc[128];

  for (int x = 0; x < width; x++) {
    hi[x] = 255 << 6;
    lo[x] = (x & 1) ? 0 : 255 << 6;
  }
  as_v_i16_u8 (ref, s, w, 2, width);
  as_fast_v_i16_u8 (got, s, w, 2, width, acc);
  fail_unless (memcmp (ref, got, width) == 0);
  fail_unless (ref[1] == 255 && ref[0] == 255);
  w[0] = -8000;
  w[1] = AS_WEIGHT_ONE + 8000;
  as_v_i16_u8 (ref, s, w, 2, width);
  as_fast_v_i16_u8 (got, s, w, 2, width, acc);
  fail_unless (memcmp (ref, got, width) == 0);
  fail_unless (ref[0] == 255 && ref[1] == 0);
}

GST_END_TEST;

/* lerp weights: any 16-bit value, with the edges (0, 1, 2^15, 2^16 - 1)
 * and multiples of 2^15 / 2^8 that make the truncations exact ties */
static uint16_t
random_lerp_weight (GRand *r)
{
  switch (g_rand_int_range (r, 0, 5)) {
    case 0: {
      static const uint16_t edge[] = { 0, 1, 32768, 65535 };
      return edge[g_rand_int_range (r, 0, 4)];
    }
    case 1:
      return (uint16_t) (g_rand_int_range (r, 0, 256) << 8);
    default:
      return (uint16_t) g_rand_int_range (r, 0, 65536);
  }
}

static void
check_lerp_vertical (GRand *r, int width)
{
  uint8_t *b8 = g_new (uint8_t, width), *o8 = g_new (uint8_t, width);
  uint16_t *b16 = g_new (uint16_t, width), *o16 = g_new (uint16_t, width);
  uint16_t *ref16 = g_new (uint16_t, width), *got16 = g_new (uint16_t, width);
  uint8_t *ref8 = g_new (uint8_t, width), *got8 = g_new (uint8_t, width);
  uint16_t w = random_lerp_weight (r);

  for (int x = 0; x < width; x++) {
    b8[x] = g_rand_int_range (r, 0, 256);
    o8[x] = g_rand_int_range (r, 0, 256);
    b16[x] = g_rand_int_range (r, 0, 65536);
    o16[x] = g_rand_int_range (r, 0, 65536);
  }
  as_lerp_v_u8_u16 (ref16, b8, o8, w, width);
  as_fast_lerp_v_u8_u16 (got16, b8, o8, w, width);
  fail_unless (memcmp (ref16, got16, width * sizeof (uint16_t)) == 0,
      "lerp_v_u8_u16 w=%u width=%d differs", w, width);
  as_lerp_v_u16_u8 (ref8, b16, o16, w, width);
  as_fast_lerp_v_u16_u8 (got8, b16, o16, w, width);
  fail_unless (memcmp (ref8, got8, width) == 0,
      "lerp_v_u16_u8 w=%u width=%d differs", w, width);

  /* one axis only: the two passes' bytes (w = 0 on the other) */
  as_lerp_v_u8_u8 (ref8, b8, o8, w, width);
  as_fast_lerp_v_u8_u8 (got8, b8, o8, w, width);
  fail_unless (memcmp (ref8, got8, width) == 0,
      "lerp_v_u8_u8 w=%u width=%d differs", w, width);
  as_lerp_v_u8_u16 (ref16, b8, o8, w, width);
  as_lerp_v_u16_u8 (got8, ref16, ref16, 0, width);
  fail_unless (memcmp (ref8, got8, width) == 0, "lerp_v_u8_u8 != 2 passes");
  as_lerp_v_u16_u8 (ref8, b16, o16, w, width);

  /* the model itself: the result lies between its inputs, and weight 0
   * gives the base exactly */
  for (int x = 0; x < width; x++) {
    fail_unless (ref16[x] >= MIN (b8[x], o8[x]) << 8
        && ref16[x] <= (MAX (b8[x], o8[x]) << 8 | 128));
    fail_unless (ref8[x] >= MIN (b16[x], o16[x]) >> 8
        && ref8[x] <= MAX (b16[x], o16[x]) >> 8);
  }
  as_lerp_v_u8_u16 (ref16, b8, o8, 0, width);
  for (int x = 0; x < width; x++)
    fail_unless (ref16[x] == (b8[x] << 8 | 128));

  g_free (b8);
  g_free (o8);
  g_free (b16);
  g_free (o16);
  g_free (ref16);
  g_free (got16);
  g_free (ref8);
  g_free (got8);
}

static void
check_lerp_horizontal (GRand *r, int out_w, int ch)
{
  int in_w = g_rand_int_range (r, 1, 2 * out_w + 2), width = out_w * ch;
  uint8_t *s8 = g_new (uint8_t, in_w * ch);
  uint16_t *s16 = g_new (uint16_t, in_w * ch);
  int32_t *base = g_new (int32_t, out_w);
  uint16_t *w = g_new (uint16_t, out_w), *wr = g_new (uint16_t, width);
  uint16_t *ref16 = g_new (uint16_t, width), *got16 = g_new (uint16_t, width);
  uint8_t *ref8 = g_new (uint8_t, width), *got8 = g_new (uint8_t, width);
  void *gather = g_malloc (2 * width * sizeof (uint16_t));
  int n_pair = 0;

  for (int x = 0; x < in_w * ch; x++) {
    s8[x] = g_rand_int_range (r, 0, 256);
    s16[x] = g_rand_int_range (r, 0, 65536);
  }
  /* monotonic bases; the last pixel (no right neighbour) only at the end,
   * with weight 0, as the tables make them */
  for (int i = 0; i < out_w; i++) {
    base[i] = (int32_t) ((gint64) i * in_w / out_w);
    if (g_rand_int_range (r, 0, 4) == 0 && i > 0)
      base[i] = base[i - 1];
    w[i] = base[i] + 1 < in_w ? random_lerp_weight (r) : 0;
    if (base[i] + 1 < in_w)
      n_pair = i + 1;
  }
  as_replicate_weights ((int16_t *) wr, (const int16_t *) w, 1, out_w, ch);

  as_lerp_h_u8_u16 (ref16, s8, base, w, out_w, ch);
  as_fast_lerp_h_u8_u16 (got16, s8, in_w, base, n_pair, wr, out_w, ch, gather);
  fail_unless (memcmp (ref16, got16, width * sizeof (uint16_t)) == 0,
      "lerp_h_u8_u16 out_w=%d ch=%d differs", out_w, ch);
  /* one axis only, against its fast twin and the two passes */
  as_lerp_h_u8_u8 (ref8, s8, base, w, out_w, ch);
  as_fast_lerp_h_u8_u8 (got8, s8, in_w, base, n_pair, wr, out_w, ch, gather);
  fail_unless (memcmp (ref8, got8, width) == 0,
      "lerp_h_u8_u8 out_w=%d ch=%d differs", out_w, ch);
  as_lerp_v_u16_u8 (got8, ref16, ref16, 0, width);
  fail_unless (memcmp (ref8, got8, width) == 0, "lerp_h_u8_u8 != 2 passes");

  as_lerp_h_u16_u8 (ref8, s16, base, w, out_w, ch);
  as_fast_lerp_h_u16_u8 (got8, s16, in_w, base, n_pair, wr, out_w, ch, gather);
  fail_unless (memcmp (ref8, got8, width) == 0,
      "lerp_h_u16_u8 out_w=%d ch=%d differs", out_w, ch);

  g_free (s8);
  g_free (s16);
  g_free (base);
  g_free (w);
  g_free (wr);
  g_free (ref16);
  g_free (got16);
  g_free (ref8);
  g_free (got8);
  g_free (gather);
}

static uint32_t
random_lerp_weight32 (GRand *r)
{
  switch (g_rand_int_range (r, 0, 5)) {
    case 0: {
      static const uint32_t edge[] = { 0, 1, 0x80000000u, 0xffffffffu };
      return edge[g_rand_int_range (r, 0, 4)];
    }
    case 1:
      return (uint32_t) g_rand_int_range (r, 0, 65536) << 16;
    default:
      return g_rand_int (r);
  }
}

/* the 16-bit samples' lerp kernels, vertical and horizontal */
static void
check_lerp32 (GRand *r, int out_w, int ch)
{
  int in_w = g_rand_int_range (r, 1, 2 * out_w + 2), width = out_w * ch;
  int vw = in_w * ch, n = MAX (vw, width);
  uint16_t *s16 = g_new (uint16_t, vw), *o16 = g_new (uint16_t, vw);
  uint32_t *s32 = g_new (uint32_t, vw), *o32 = g_new (uint32_t, vw);
  uint32_t *ref32 = g_new (uint32_t, n), *got32 = g_new (uint32_t, n);
  uint16_t *ref16 = g_new (uint16_t, n), *got16 = g_new (uint16_t, n);
  int32_t *base = g_new (int32_t, out_w);
  uint32_t *w = g_new (uint32_t, out_w), *wr = g_new (uint32_t, width);
  void *gather = g_malloc (2 * width * sizeof (uint32_t));
  uint32_t vwt = random_lerp_weight32 (r);
  int n_pair = 0;

  for (int x = 0; x < vw; x++) {
    s16[x] = g_rand_int_range (r, 0, 65536);
    o16[x] = g_rand_int_range (r, 0, 65536);
    s32[x] = g_rand_int (r);
    o32[x] = g_rand_int (r);
  }
  as_lerp_v_u16_u32 (ref32, s16, o16, vwt, vw);
  as_fast_lerp_v_u16_u32 (got32, s16, o16, vwt, vw);
  fail_unless (memcmp (ref32, got32, vw * sizeof (uint32_t)) == 0,
      "lerp_v_u16_u32 w=%u width=%d differs", vwt, vw);
  as_lerp_v_u32_u16 (ref16, s32, o32, vwt, vw);
  as_fast_lerp_v_u32_u16 (got16, s32, o32, vwt, vw);
  fail_unless (memcmp (ref16, got16, vw * sizeof (uint16_t)) == 0,
      "lerp_v_u32_u16 w=%u width=%d differs", vwt, vw);
  as_lerp_v_u16_u32 (ref32, s16, o16, 0, vw);
  for (int x = 0; x < vw; x++)
    fail_unless (ref32[x] == ((uint32_t) s16[x] << 16 | 32768));

  for (int i = 0; i < out_w; i++) {
    base[i] = (int32_t) ((gint64) i * in_w / out_w);
    if (g_rand_int_range (r, 0, 4) == 0 && i > 0)
      base[i] = base[i - 1];
    w[i] = base[i] + 1 < in_w ? random_lerp_weight32 (r) : 0;
    if (base[i] + 1 < in_w)
      n_pair = i + 1;
  }
  as_replicate_weights32 ((int32_t *) wr, (const int32_t *) w, 1, out_w, ch);
  as_lerp_h_u16_u32 (ref32, s16, base, w, out_w, ch);
  as_fast_lerp_h_u16_u32 (
      got32, s16, in_w, base, n_pair, wr, out_w, ch, gather);
  fail_unless (memcmp (ref32, got32, width * sizeof (uint32_t)) == 0,
      "lerp_h_u16_u32 out_w=%d ch=%d differs", out_w, ch);
  as_lerp_h_u32_u16 (ref16, s32, base, w, out_w, ch);
  as_fast_lerp_h_u32_u16 (
      got16, s32, in_w, base, n_pair, wr, out_w, ch, gather);
  fail_unless (memcmp (ref16, got16, width * sizeof (uint16_t)) == 0,
      "lerp_h_u32_u16 out_w=%d ch=%d differs", out_w, ch);

  g_free (s16);
  g_free (o16);
  g_free (s32);
  g_free (o32);
  g_free (ref32);
  g_free (got32);
  g_free (ref16);
  g_free (got16);
  g_free (base);
  g_free (w);
  g_free (wr);
  g_free (gather);
}

GST_START_TEST (test_lerp)
{
  GRand *r = g_rand_new_with_seed (45);

  for (int rep = 0; rep < 4; rep++) {
    for (int width = 1; width <= 67; width++)
      check_lerp_vertical (r, width);
    check_lerp_vertical (r, 1920);
    check_lerp_vertical (r, 1920 * 4);
    for (int ch = 1; ch <= MAX_CH; ch++) {
      for (int out_w = 1; out_w <= 67; out_w++) {
        check_lerp_horizontal (r, out_w, ch);
        check_lerp32 (r, out_w, ch);
      }
      check_lerp_horizontal (r, 1920, ch);
      check_lerp32 (r, 1920, ch);
    }
  }
  g_rand_free (r);
}

GST_END_TEST;

/* the 2x2 box kernels against the reference's two lerp passes with weight
 * 1/2 at 2i */
GST_START_TEST (test_box2)
{
  GRand *r = g_rand_new_with_seed (44);

  for (int ch = 1; ch <= 2; ch++)
    for (int out_w = 1; out_w <= 1921; out_w += out_w < 67 ? 1 : 1854) {
      int in_w = 2 * out_w;
      /* 4-byte aligned rows, as the plan requires */
      guint32 *buf0 = g_new (guint32, in_w * ch / 2 + 1);
      guint32 *buf1 = g_new (guint32, in_w * ch / 2 + 1);
      uint8_t *row0 = (uint8_t *) buf0, *row1 = (uint8_t *) buf1;
      uint16_t *inter = g_new (uint16_t, in_w * ch);
      int32_t *off = g_new (int32_t, out_w);
      uint16_t *w = g_new (uint16_t, out_w);
      uint8_t *ref = g_new (uint8_t, out_w * ch),
              *got = g_new (uint8_t, out_w * ch);

      for (int x = 0; x < in_w * ch; x++) {
        row0[x] = g_rand_int_range (r, 0, 256);
        row1[x] = g_rand_int_range (r, 0, 256);
      }
      for (int i = 0; i < out_w; i++) {
        off[i] = 2 * i;
        w[i] = 32768;
      }
      as_lerp_v_u8_u16 (inter, row0, row1, 32768, in_w * ch);
      as_lerp_h_u16_u8 (ref, inter, off, w, out_w, ch);
      as_fast_box2_u8 (got, row0, row1, out_w, ch);
      fail_unless (memcmp (ref, got, out_w * ch) == 0,
          "box2 ch=%d out_w=%d differs", ch, out_w);
      g_free (buf0);
      g_free (buf1);
      g_free (inter);
      g_free (off);
      g_free (w);
      g_free (ref);
      g_free (got);
    }
  g_rand_free (r);
}

GST_END_TEST;

static Suite *
kernels_suite (void)
{
  Suite *s = suite_create ("kernels");
  TCase *tc = tcase_create ("general");

  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_vertical);
  tcase_add_test (tc, test_horizontal);
  tcase_add_test (tc, test_saturation);
  tcase_add_test (tc, test_16bit);
  tcase_add_test (tc, test_sum_model);
  tcase_add_test (tc, test_lerp);
  tcase_add_test (tc, test_box2);
  return s;
}

GST_CHECK_MAIN (kernels);
