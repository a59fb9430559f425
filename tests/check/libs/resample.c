/* Unit tests of the weight tables (gst/alignscale/resample.c) against the
 * formulas of docs/resampling-math.md and its torch-generated cases (§11).
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <gst/check/gstcheck.h>
#include <math.h>
#include <string.h>

#include "model.h"
#include "resample.h"

/* fail only when false: check's fail_unless costs a pipe write per call */
#define CHECK(cond, ...)                                                       \
  G_STMT_START                                                                 \
  {                                                                            \
    if (G_UNLIKELY (!(cond)))                                                  \
      fail_unless (cond, __VA_ARGS__);                                         \
  }                                                                            \
  G_STMT_END

/* ---- an independent, literal transcription of the spec formulas ---- */

static double
spec_keys (double t, double a)
{
  t = fabs (t);
  if (t <= 1)
    return ((a + 2) * t - (a + 3)) * t * t + 1;
  if (t < 2)
    return ((a * t - 5 * a) * t + 8 * a) * t - 4 * a;
  return 0;
}

static double
spec_src (int i, int in, int out, AsMapping m)
{
  if (m == AS_MAP_ALIGN_CORNERS)
    return out > 1 ? (double) i * (in - 1) / (out - 1) : 0.0;
  return (i + 0.5) * in / out - 0.5;
}

/* dense W (out x in), specref.weights_interp: taps clamped */
static double *
spec_dense (int in, int out, AsMapping m, AsKernel k, double a)
{
  double *W = g_new0 (double, (gsize) in *out);

  for (int i = 0; i < out; i++) {
    double x = spec_src (i, in, out, m), f = floor (x), t = x - f;
    if (k == AS_KERNEL_LINEAR) {
      W[i * in + CLAMP ((int) f, 0, in - 1)] += 1 - t;
      W[i * in + CLAMP ((int) f + 1, 0, in - 1)] += t;
    } else {
      double w[4] = { spec_keys (t + 1, a), spec_keys (t, a),
        spec_keys (1 - t, a), spec_keys (2 - t, a) };
      for (int j = 0; j < 4; j++)
        W[i * in + CLAMP ((int) f - 1 + j, 0, in - 1)] += w[j];
    }
  }
  return W;
}

static AsAxis
make_axis (int in, int out, AsMapping m, AsKernel k, double a)
{
  AsAxis axis;
  AsAxisSpec s = { 0 };

  s.in_len = in;
  s.out_len = out;
  s.map = as_affine_full (m, in, out);
  s.kernel = k;
  s.param = a;
  s.nearest = m == AS_MAP_ALIGN_CORNERS ? AS_NEAREST_HALF_DOWN
                                        : AS_NEAREST_TORCH_EXACT;
  fail_unless (as_axis_init (&axis, &s) == 0);
  return axis;
}

/* tap k of row i as the 8-bit fixed model quantises it (model.h) */
static int32_t
q14 (const AsAxis *axis, int i, int k)
{
  int32_t q[64];

  fail_unless (axis->n_taps <= 64);
  fail_unless (as_quantize_row (axis->weight + (gsize) i * axis->n_taps,
                   axis->n_taps, AS_WEIGHT_BITS, INT16_MIN, INT16_MAX, q)
      >= 0);
  return q[k];
}

/* the lerp model's plan for one axis (on both), or FALSE when it refuses */
static gboolean
lerp_plan (AsModelPlan *mp, const AsAxis *axis, AsKernel k, int bps)
{
  static AsDsp dsp;
  AsModelInput in = { axis, axis, as_kernel_desc (k), 0, 1, bps,
    bps == 1 ? 255 : 65535, &dsp };

  as_dsp_init_c (&dsp);
  memset (mp, 0, sizeof (*mp));
  if (as_model_lerp.prepare (mp, &in) >= 0)
    return TRUE;
  as_model_plan_clear (mp);
  return FALSE;
}

static double *
axis_dense (const AsAxis *axis, gboolean fixed)
{
  double *W = g_new0 (double, (gsize) axis->in_len * axis->out_len);

  for (int i = 0; i < axis->out_len; i++)
    for (int k = 0; k < axis->n_taps; k++) {
      int j = axis->offset[i] + k;
      gsize t = (gsize) i * axis->n_taps + k;
      CHECK (
          j >= 0 && j < axis->in_len, "tap %d out of [0,%d)", j, axis->in_len);
      W[(gsize) i * axis->in_len + j] += fixed
          ? (double) q14 (axis, i, k) / AS_WEIGHT_ONE
          : axis->weight[t];
    }
  return W;
}

static void
apply_1d (const AsAxis *axis, const double *in, double *out)
{
  for (int i = 0; i < axis->out_len; i++) {
    out[i] = 0;
    for (int k = 0; k < axis->n_taps; k++)
      out[i] += axis->weight[i * axis->n_taps + k] * in[axis->offset[i] + k];
  }
}

static void
check_vector (
    const gchar *id, const double *got, const double *want, int n, double tol)
{
  for (int i = 0; i < n; i++)
    fail_unless (fabs (got[i] - want[i]) <= tol, "%s[%d]: got %.6f, want %.4f",
        id, i, got[i], want[i]);
}

static void
check_case (const gchar *id, const double *in, int n_in, int n_out, AsMapping m,
    AsKernel k, const double *want)
{
  AsAxis axis = make_axis (n_in, n_out, m, k, -0.75);
  double out[64];

  apply_1d (&axis, in, out);
  check_vector (id, out, want, n_out, 6e-5);
  as_axis_clear (&axis);
}

/* an axis with every option of AsAxisSpec */
static AsAxis
make_axis_ex (int in, int out, AsMapping m, double scale, AsKernel k, double a,
    int antialias, int exclude, AsNearestRule nearest)
{
  AsMapSpec ms = { m, scale, 0.0, 1.0 };
  AsAxisSpec s = { 0 };
  AsAxis axis;

  s.in_len = in;
  s.out_len = out;
  s.map = as_affine_map (&ms, in, out);
  s.kernel = k;
  s.param = a;
  s.nearest = nearest;
  s.torch_ratio = scale > 0 ? (float) (1.0 / scale) : 0.0f;
  s.antialias = antialias;
  s.exclude_outside = exclude;
  fail_unless (as_axis_init (&axis, &s) == 0);
  return axis;
}

static void
check_case_ex (const gchar *id, const double *in, int n_in, int n_out,
    AsMapping m, double scale, AsKernel k, double a, int antialias, int exclude,
    const double *want)
{
  AsAxis axis = make_axis_ex (
      n_in, n_out, m, scale, k, a, antialias, exclude, AS_NEAREST_HALF_UP);
  double out[64];

  apply_1d (&axis, in, out);
  check_vector (id, out, want, n_out, 6e-5);
  as_axis_clear (&axis);
}

/* §11 cases of scale factors, antialias and exclude-outside (torch 1.13.1
 * and the ONNX reference, values from the spec) */
GST_START_TEST (test_spec_cases_options)
{
  const double r3[] = { 0, 1, 2 }, r4[] = { 0, 1, 2, 3 };
  const double r8[] = { 0, 1, 2, 3, 4, 5, 6, 7 };
  const double p8[] = { 3, 1, 4, 1, 5, 9, 2, 6 };
  const double t10in[] = { 0, 1, 5, 3 };
  const double t06[] = { 0.0, 0.1, 0.5, 0.9, 1.3, 1.7, 2.0 };
  const double t08[] = { 0.0, 0.3333, 0.6667, 1.0, 1.3333, 1.6667, 2.0 };
  const double t12[] = { -0.0311, 0.8088, 1.7248, 2.7533 };
  const double a01[] = { 1.1053, 3.5, 5.8947 };
  const double a02[] = { 2.1569, 4.0985, 5.2936 };
  const double a03[] = { -0.0793, 0.1493, 0.8318, 3.1875, 5.0324, 3.7568,
    2.8413 };
  const double a04[] = { 1.5814, 4.6875, 6.5333 };
  const double o05[] = { -0.0882, 0.1679, 0.7099, 1.25, 1.75, 2.2901, 2.8321,
    3.0882 };
  const double a06in[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    16 };
  const double a06[] = { 3.1429, 4.7143, 9.4286, 11.0 };

  check_case_ex (
      "T06", r3, 3, 7, AS_MAP_HALF_PIXEL, 2.5, AS_KERNEL_LINEAR, 0, 0, 0, t06);
  check_case_ex ("T08", r3, 3, 7, AS_MAP_ALIGN_CORNERS, 2.5, AS_KERNEL_LINEAR,
      0, 0, 0, t08);
  check_case_ex ("T12", r4, 4, 4, AS_MAP_HALF_PIXEL, 1.1, AS_KERNEL_CUBIC,
      -0.75, 0, 0, t12);
  check_case_ex (
      "A01", r8, 8, 3, AS_MAP_HALF_PIXEL, 0, AS_KERNEL_LINEAR, 0, 1, 0, a01);
  check_case_ex (
      "A02", p8, 8, 3, AS_MAP_HALF_PIXEL, 0, AS_KERNEL_CUBIC, -0.75, 1, 0, a02);
  check_case_ex ("A03", t10in, 4, 7, AS_MAP_HALF_PIXEL, 0, AS_KERNEL_CUBIC,
      -0.75, 1, 0, a03);
  check_case_ex ("A04", r8, 8, 3, AS_MAP_TORCH_AA_ALIGN_CORNERS, 0,
      AS_KERNEL_LINEAR, 0, 1, 0, a04);
  check_case_ex (
      "O05", r4, 4, 8, AS_MAP_HALF_PIXEL, 0, AS_KERNEL_CUBIC, -0.5, 0, 1, o05);

  /* A06: 4x4 at scale 0.6 with antialias, separable */
  {
    AsAxis ax = make_axis_ex (4, 2, AS_MAP_HALF_PIXEL, 0.6, AS_KERNEL_LINEAR, 0,
        1, 0, AS_NEAREST_HALF_UP);
    double rows[4][2], col[4], res[2], got[4];

    for (int y = 0; y < 4; y++)
      apply_1d (&ax, a06in + 4 * y, rows[y]);
    for (int x = 0; x < 2; x++) {
      for (int y = 0; y < 4; y++)
        col[y] = rows[y][x];
      apply_1d (&ax, col, res);
      got[x] = res[0];
      got[2 + x] = res[1];
    }
    check_vector ("A06", got, a06, 4, 6e-5);
    as_axis_clear (&ax);
  }
}

GST_END_TEST;

/* §11 N01 (torch nearest / nearest-exact) and N02 (ONNX nearest modes) */
GST_START_TEST (test_spec_nearest_modes)
{
  struct
  {
    int in, out;
    AsMapping m;
    AsNearestRule rule;
    int want[8];
  } c[] = {
    { 5, 3, AS_MAP_ASYMMETRIC, AS_NEAREST_TORCH_LEGACY, { 0, 1, 3 } },
    { 5, 2, AS_MAP_ASYMMETRIC, AS_NEAREST_TORCH_LEGACY, { 0, 2 } },
    { 5, 3, AS_MAP_HALF_PIXEL, AS_NEAREST_TORCH_EXACT, { 0, 2, 4 } },
    { 5, 2, AS_MAP_HALF_PIXEL, AS_NEAREST_TORCH_EXACT, { 1, 3 } },
    { 4, 2, AS_MAP_HALF_PIXEL, AS_NEAREST_HALF_DOWN, { 0, 2 } },
    { 4, 2, AS_MAP_HALF_PIXEL, AS_NEAREST_HALF_UP, { 1, 3 } },
    { 4, 2, AS_MAP_HALF_PIXEL, AS_NEAREST_FLOOR, { 0, 2 } },
    { 4, 2, AS_MAP_HALF_PIXEL, AS_NEAREST_CEIL, { 1, 3 } },
    { 4, 8, AS_MAP_ASYMMETRIC, AS_NEAREST_HALF_DOWN,
        { 0, 0, 1, 1, 2, 2, 3, 3 } },
    { 4, 8, AS_MAP_ASYMMETRIC, AS_NEAREST_HALF_UP, { 0, 1, 1, 2, 2, 3, 3, 3 } },
    { 4, 8, AS_MAP_ASYMMETRIC, AS_NEAREST_FLOOR, { 0, 0, 1, 1, 2, 2, 3, 3 } },
    { 4, 8, AS_MAP_ASYMMETRIC, AS_NEAREST_CEIL, { 0, 1, 1, 2, 2, 3, 3, 3 } },
    { 4, 3, AS_MAP_ALIGN_CORNERS, AS_NEAREST_HALF_DOWN, { 0, 1, 3 } },
    { 4, 3, AS_MAP_ALIGN_CORNERS, AS_NEAREST_HALF_UP, { 0, 2, 3 } },
    { 4, 3, AS_MAP_ALIGN_CORNERS, AS_NEAREST_FLOOR, { 0, 1, 3 } },
    { 4, 3, AS_MAP_ALIGN_CORNERS, AS_NEAREST_CEIL, { 0, 2, 3 } },
  };

  for (guint n = 0; n < G_N_ELEMENTS (c); n++) {
    AsAxis a = make_axis_ex (
        c[n].in, c[n].out, c[n].m, 0, AS_KERNEL_NEAREST, 0, 0, 0, c[n].rule);
    for (int i = 0; i < c[n].out; i++)
      fail_unless (a.offset[i] == c[n].want[i], "case %u [%d]: got %d, want %d",
          n, i, a.offset[i], c[n].want[i]);
    as_axis_clear (&a);
  }
}

GST_END_TEST;

/* PyTorch nearest (asymmetric) in float32 against its exact floor: they
 * may differ only where i * in / out is within float32 rounding of an
 * integer, and the shortcuts hold */
GST_START_TEST (test_torch_legacy_nearest)
{
  for (int in = 1; in <= 64; in++)
    for (int out = 1; out <= 64; out++) {
      AsAxis a = make_axis_ex (in, out, AS_MAP_ASYMMETRIC, 0, AS_KERNEL_NEAREST,
          0, 0, 0, AS_NEAREST_TORCH_LEGACY);
      for (int i = 0; i < out; i++) {
        int exact = MIN ((int) ((gint64) i * in / out), in - 1);
        if (out == 2 * in) {
          fail_unless_equals_int (a.offset[i], i >> 1);
        } else if (a.offset[i] != exact) {
          fail_unless (
              ((gint64) i * in) % out == 0 || ((gint64) i * in + 1) % out == 0,
              "%d->%d [%d]: %d vs exact %d", in, out, i, a.offset[i], exact);
        }
      }
      as_axis_clear (&a);
    }
}

GST_END_TEST;

/* §11 one-dimensional cases (values from torch 1.13.1 / cv2 4.6 / spec) */
GST_START_TEST (test_spec_cases)
{
  const double r4[] = { 0, 1, 2, 3 };
  const double r8[] = { 3, 1, 4, 1, 5, 9, 2, 6 };
  const double t10in[] = { 0, 1, 5, 3 };
  const double t05[] = { 0.0, 0.3571, 0.9286, 1.5, 2.0714, 2.6429, 3.0 };
  const double t10[] = { -0.0992, 0.0948, 0.758, 3.2813, 5.0703, 3.9275,
    2.8016 };
  const double t11[] = { 1.0266, 2.3438, 1.9664 };
  const double o06[] = { -0.1055, 0.1914, 0.668, 1.2969, 1.7031, 2.332, 2.8086,
    3.1055 };
  const double c01[] = { 2.4, 3.7, 3.0, 8.3, 4.8 };
  const double c02[] = { 2.3002, 3.9228, 2.3438, 8.642, 4.5532 };
  const double t09_hp[] = { 1.5 }, t09_ac[] = { 0.0 };
  const double o07[] = { 3.28125 };

  check_case ("T05", r4, 4, 7, AS_MAP_HALF_PIXEL, AS_KERNEL_LINEAR, t05);
  check_case (
      "T09 ac=False", r4, 4, 1, AS_MAP_HALF_PIXEL, AS_KERNEL_LINEAR, t09_hp);
  check_case (
      "T09 ac=True", r4, 4, 1, AS_MAP_ALIGN_CORNERS, AS_KERNEL_LINEAR, t09_ac);
  check_case (
      "T09 bicubic", r4, 4, 1, AS_MAP_HALF_PIXEL, AS_KERNEL_CUBIC, t09_hp);
  check_case (
      "O07 torch", t10in, 4, 1, AS_MAP_HALF_PIXEL, AS_KERNEL_CUBIC, o07);
  check_case ("T10", t10in, 4, 7, AS_MAP_HALF_PIXEL, AS_KERNEL_CUBIC, t10);
  check_case ("T11", r8, 8, 3, AS_MAP_HALF_PIXEL, AS_KERNEL_CUBIC, t11);
  check_case ("O06", r4, 4, 8, AS_MAP_HALF_PIXEL, AS_KERNEL_CUBIC, o06);
  check_case ("C01", r8, 8, 5, AS_MAP_HALF_PIXEL, AS_KERNEL_LINEAR, c01);
  check_case ("C02", r8, 8, 5, AS_MAP_HALF_PIXEL, AS_KERNEL_CUBIC, c02);
}

GST_END_TEST;

/* N01 (torch nearest-exact) and N02 (align_corners, ties down) indices */
GST_START_TEST (test_spec_nearest)
{
  struct
  {
    int in, out;
    AsMapping m;
    int want[8];
  } c[] = {
    { 5, 3, AS_MAP_HALF_PIXEL, { 0, 2, 4 } },
    { 5, 2, AS_MAP_HALF_PIXEL, { 1, 3 } },
    { 2, 1, AS_MAP_HALF_PIXEL, { 1 } },                   /* N03 torch */
    { 4, 2, AS_MAP_HALF_PIXEL, { 1, 3 } },                /* N03 torch */
    { 2, 7, AS_MAP_HALF_PIXEL, { 0, 0, 0, 1, 1, 1, 1 } }, /* N03 torch */
    { 4, 3, AS_MAP_ALIGN_CORNERS, { 0, 1, 3 } }, /* N02 round_prefer_floor */
  };

  for (guint n = 0; n < G_N_ELEMENTS (c); n++) {
    AsAxis a = make_axis (c[n].in, c[n].out, c[n].m, AS_KERNEL_NEAREST, 0);
    for (int i = 0; i < c[n].out; i++)
      fail_unless_equals_int (a.offset[i], c[n].want[i]);
    as_axis_clear (&a);
  }
}

GST_END_TEST;

/* V01: chroma of a 4:2:x plane, luma 4 -> 8, half_pixel; chroma [0, 100] */
GST_START_TEST (test_spec_chroma_v01)
{
  const double want_c[2][4] = { { -0.25, 0.25, 0.75, 1.25 },
    { -0.125, 0.375, 0.875, 1.375 } };
  const double want_v[2][4] = { { 0, 25, 75, 100 }, { 0, 37.5, 87.5, 100 } };
  const double chroma[] = { 0, 100 };

  for (int site = 0; site < 2; site++) {
    AsAffine luma = as_affine_full (AS_MAP_HALF_PIXEL, 4, 8);
    AsAxisSpec s = { 2, 4, as_affine_subsampled (luma, 2, site == 0 ? 1 : 0),
      AS_KERNEL_LINEAR, -0.75, AS_NEAREST_HALF_UP };
    AsAxis a;
    double out[4];

    for (int j = 0; j < 4; j++)
      fail_unless (fabs (as_affine_eval (s.map, j) - want_c[site][j]) < 1e-12);
    fail_unless (as_axis_init (&a, &s) == 0);
    apply_1d (&a, chroma, out);
    check_vector (site ? "V01 left" : "V01 centre", out, want_v[site], 4, 1e-9);
    as_axis_clear (&a);
  }
}

GST_END_TEST;

static void
check_against_spec (int in, int out, AsMapping m, AsKernel k, double a)
{
  AsAxis axis = make_axis (in, out, m, k, a);
  double *S = spec_dense (in, out, m, k, a);
  double *E = axis_dense (&axis, FALSE), *Q = axis_dense (&axis, TRUE);

  AsModelPlan lerp[2];
  gboolean lerped = lerp_plan (&lerp[0], &axis, k, 1);

  /* linear axes: the lerp model's tables are the same rows */
  CHECK ((k == AS_KERNEL_LINEAR) == lerped, "lerp model");
  if (lerped)
    fail_unless (lerp_plan (&lerp[1], &axis, k, 2));
  for (int i = 0; i < out; i++) {
    int sum = 0, sum16 = 0;
    int32_t q[64], q30[64];
    fail_unless (as_quantize_row (axis.weight + (gsize) i * axis.n_taps,
                     axis.n_taps, AS_WEIGHT_BITS, INT16_MIN, INT16_MAX, q)
        >= 0);
    fail_unless (as_quantize_row (axis.weight + (gsize) i * axis.n_taps,
                     axis.n_taps, AS_WEIGHT_BITS_16, INT32_MIN, INT32_MAX, q30)
        >= 0);
    for (int k2 = 0; k2 < axis.n_taps; k2++) {
      gsize t = (gsize) i * axis.n_taps + k2;
      sum += q[k2];
      sum16 += q30[k2];
      CHECK (fabs ((double) q30[k2] / AS_WEIGHT_ONE_16 - axis.weight[t])
              <= 2.5 / AS_WEIGHT_ONE_16,
          "w30[%d]", k2);
    }
    CHECK (sum == AS_WEIGHT_ONE, "row %d: w14 sum %d", i, sum);
    CHECK (sum16 == AS_WEIGHT_ONE_16, "row %d: w30 sum %d", i, sum16);
    for (int bits = 16; lerped && bits <= 32; bits += 16) {
      const AsPass *h = &lerp[bits / 32].h;
      int b = h->offset[i];
      double w = bits == 16 ? ((const uint16_t *) h->w)[i] / 65536.0
                            : ((const uint32_t *) h->w)[i] / 4294967296.0;
      CHECK (b >= 0 && b < in && (w == 0 || b + 1 < in), "lerp base %d", b);
      for (int j = 0; j < in; j++) {
        double v = (j == b ? 1 - w : 0) + (j == b + 1 ? w : 0);
        CHECK (fabs (v - S[(gsize) i * in + j]) <= ldexp (1.0, -bits - 1),
            "%d->%d m=%d lerp%d row %d [%d] %.12f, spec %.12f", in, out, m,
            bits, i, j, v, S[(gsize) i * in + j]);
      }
    }
    for (int j = 0; j < in; j++) {
      gsize t = (gsize) i * in + j;
      CHECK (fabs (E[t] - S[t]) < 1e-12,
          "%d->%d m=%d k=%d a=%g W[%d,%d] = %.15f, spec %.15f", in, out, m, k,
          a, i, j, E[t], S[t]);
      /* rounding plus the residue given to the largest tap */
      CHECK (fabs (Q[t] - S[t]) <= 2.5 / AS_WEIGHT_ONE,
          "fixed point W[%d,%d] = %f, spec %f", i, j, Q[t], S[t]);
    }
  }
  g_free (S);
  g_free (E);
  g_free (Q);
  if (lerped) {
    as_model_plan_clear (&lerp[0]);
    as_model_plan_clear (&lerp[1]);
  }
  as_axis_clear (&axis);
}

GST_START_TEST (test_tables_match_formulas)
{
  const int sizes[][2] = { { 1, 1 }, { 1, 7 }, { 7, 1 }, { 1, 4096 },
    { 4096, 1 }, { 2, 3 }, { 3, 2 }, { 4, 4 }, { 5, 9 }, { 1080, 224 },
    { 224, 1080 }, { 64, 63 } };
  const double as[] = { -0.75, -0.5, -2.0, 0.0 };
  GRand *rand = g_rand_new_with_seed (1234);

  for (int m = 0; m < 2; m++)
    for (int k = AS_KERNEL_LINEAR; k <= AS_KERNEL_CUBIC; k++) {
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        check_against_spec (
            sizes[s][0], sizes[s][1], m, k, as[s % G_N_ELEMENTS (as)]);
      for (int r = 0; r < 200; r++)
        check_against_spec (g_rand_int_range (rand, 1, 65),
            g_rand_int_range (rand, 1, 65), m, k, -0.75);
    }
  g_rand_free (rand);
}

GST_END_TEST;

/* in == out is the identity for every method and convention */
GST_START_TEST (test_identity)
{
  for (int m = 0; m < 2; m++)
    for (int k = AS_KERNEL_NEAREST; k <= AS_KERNEL_CUBIC; k++)
      for (int n = 1; n < 40; n += 7) {
        AsAxis a = make_axis (n, n, m, k, -0.75);
        fail_unless (a.identity && a.n_taps == 1);
        for (int i = 0; i < n; i++)
          fail_unless (a.offset[i] == i && a.weight[i] == 1.0);
        as_axis_clear (&a);
      }
}

GST_END_TEST;

/* degenerate lengths: in = 1 is a constant, out = 1 samples the centre
 * (half_pixel) or the first pixel (align_corners), T09 */
GST_START_TEST (test_degenerate)
{
  for (int k = AS_KERNEL_NEAREST; k <= AS_KERNEL_CUBIC; k++) {
    AsAxis a = make_axis (1, 4096, AS_MAP_HALF_PIXEL, k, -0.75);
    fail_unless_equals_int (a.n_taps, 1);
    for (int i = 0; i < 4096; i++)
      fail_unless (a.offset[i] == 0 && a.weight[i] == 1.0);
    as_axis_clear (&a);

    a = make_axis (4096, 1, AS_MAP_ALIGN_CORNERS, k, -0.75);
    fail_unless_equals_int (a.offset[0], 0);
    fail_unless (a.weight[0] == 1.0);
    as_axis_clear (&a);

    a = make_axis (4096, 1, AS_MAP_HALF_PIXEL, k, -0.75);
    if (k == AS_KERNEL_NEAREST) {
      fail_unless_equals_int (a.offset[0], 2048); /* floor (0.5 * 4096) */
    } else {
      double in[4096], out[1];
      for (int i = 0; i < 4096; i++)
        in[i] = i;
      apply_1d (&a, in, out);
      fail_unless (fabs (out[0] - 2047.5) < 1e-9, "centre: %f", out[0]);
    }
    as_axis_clear (&a);
  }
}

GST_END_TEST;

/* the float32 nearest-exact emulation differs from the exact rational rule
 * where torch does: 224 -> 1080 at 2 indices (§2.3) */
GST_START_TEST (test_torch_nearest_float32)
{
  AsAxis t = make_axis (224, 1080, AS_MAP_HALF_PIXEL, AS_KERNEL_NEAREST, 0);
  int diff = 0;

  for (int i = 0; i < 1080; i++) {
    int exact = (int) (((int64_t) (2 * i + 1) * 224) / (2 * 1080));
    diff += t.offset[i] != exact;
  }
  fail_unless_equals_int (diff, 2);
  as_axis_clear (&t);
}

GST_END_TEST;

/* ---- exact crop decisions (issue 10, defect 9) ---- */

/* a double as A * 2^-64 (exact for 2^-11 <= |v| < 2^53 and for 0) */
static __int128
fixed64 (double v)
{
  return (__int128) ldexp (v, 64);
}

/* the sign of x(j) - tn / td for a crop map, in 128-bit integers: the
 * definition of AsAffine, nothing of resample.c's arithmetic */
static int
crop_sign (double a, double b, int in, int out, int r, int o2, int j,
    int64_t tn, int64_t td)
{
  __int128 L = in - 1, D = out - 1, u2 = 2 * (__int128) r * j + o2, v;
  const __int128 one = (__int128) 1 << 64; /* 2^64 */

  if (D > 0)
    v = fixed64 (a) * (td * (2 * D - u2) * L) + fixed64 (b) * (td * u2 * L)
        - (__int128) (td * o2 + 2 * r * tn) * D * one;
  else
    v = fixed64 (a) * (td * L) + fixed64 (b) * (td * L)
        - (__int128) (td * o2 + 2 * r * tn) * one;
  return v > 0 ? 1 : (v < 0 ? -1 : 0);
}

/* as_affine_cmp and as_affine_outside decide on the real number the roi
 * doubles define, for every sample of full and subsampled planes, where
 * a * i + b in double errs by an ulp (3.0000000000000004, 7.4999...) */
GST_START_TEST (test_crop_exact_decisions)
{
  GRand *r = g_rand_new_with_seed (21);
  /* binary fractions and decimal ones (0.1 is not one), edges exactly */
  const double rois[] = { 0.0, 1.0, 0.125, 0.75, 0.1, 0.3, 0.7, 0.9, 0.05, 0.25,
    -0.3, 1.3, 0.2, 0.6, 1.0 / 3 };
  guint disagree = 0, checks = 0;

  for (int n = 0; n < 4000; n++) {
    double a = rois[g_rand_int_range (r, 0, G_N_ELEMENTS (rois))];
    double b = rois[g_rand_int_range (r, 0, G_N_ELEMENTS (rois))];
    int in = g_rand_int_range (r, 2, 40), out = g_rand_int_range (r, 1, 40);
    int rr = g_rand_int_range (r, 1, 3),
        o2 = rr == 2 ? g_rand_int_range (r, 0, 2) : 0;
    AsMapSpec ms = { AS_MAP_TF_CROP_AND_RESIZE, 0.0, a, b };
    AsAffine m;

    if (a == 0.0 && b == 1.0)
      continue; /* the rational map, tested elsewhere */
    m = as_affine_subsampled (as_affine_map (&ms, in, out), rr, o2);
    fail_unless (m.crop);
    for (int j = 0; j * rr < out; j++) {
      double x = as_affine_eval (m, j);
      for (int t2 = -2; t2 <= 2 * in; t2++) {
        int want = crop_sign (a, b, in, out, rr, o2, j, t2, 2);
        int got = as_affine_cmp (&m, j, t2, 2);
        CHECK (got == want,
            "roi %g..%g %d -> %d r %d o2 %d j %d vs %d/2: %d,"
            " want %d",
            a, b, in, out, rr, o2, j, t2, got, want);
        disagree += (x * 2 > t2 ? 1 : x * 2 < t2 ? -1 : 0) != want;
        checks++;
      }
      CHECK (as_affine_outside (&m, j, in)
              == (crop_sign (a, b, in, out, rr, o2, j, 0, 1) < 0
                  || crop_sign (a, b, in, out, rr, o2, j, in - 1, 1) > 0),
          "outside %d", j);
    }
  }
  /* the double evaluation is wrong often enough to matter */
  GST_INFO ("%u of %u comparisons differ in double", disagree, checks);
  fail_unless (disagree > 10);

  /* tiny roi values (no error term may underflow) */
  {
    AsMapSpec ms = { AS_MAP_TF_CROP_AND_RESIZE, 0.0, 1e-300, 4.9e-324 };
    AsAffine m = as_affine_map (&ms, 5, 3);
    fail_unless_equals_int (as_affine_cmp (&m, 0, 0, 1), 1);
    fail_unless_equals_int (as_affine_cmp (&m, 2, 0, 1), 1);
    ms.roi_start = -1e-300;
    m = as_affine_map (&ms, 5, 3);
    fail_unless_equals_int (as_affine_cmp (&m, 0, 0, 1), -1);
    fail_unless (as_affine_outside (&m, 0, 5));
    fail_unless (!as_affine_outside (&m, 2, 5));
  }
  g_rand_free (r);
}

GST_END_TEST;

/* nearest on a crop map rounds the exact coordinate */
GST_START_TEST (test_crop_exact_nearest)
{
  /* roi 0..0.75 of 11, 12 outputs: x(11) = 7.5 exactly, 7.499999999999999
   * in double; round-prefer-ceil gives 8, round-prefer-floor 7 */
  AsMapSpec ms = { AS_MAP_TF_CROP_AND_RESIZE, 0.0, 0.0, 0.75 };
  AsAxisSpec s = { 11, 12 };
  AsAxis axis;

  s.map = as_affine_map (&ms, 11, 12);
  s.kernel = AS_KERNEL_NEAREST;
  fail_unless (as_affine_eval (s.map, 11) < 7.5);
  s.nearest = AS_NEAREST_HALF_UP;
  fail_unless (as_axis_init (&axis, &s) == 0);
  fail_unless_equals_int (axis.offset[11], 8);
  as_axis_clear (&axis);
  s.nearest = AS_NEAREST_HALF_DOWN;
  fail_unless (as_axis_init (&axis, &s) == 0);
  fail_unless_equals_int (axis.offset[11], 7);
  as_axis_clear (&axis);

  /* roi 0.05..0.25 of 5, 12 outputs: x(11) = 1 exactly, 1.0000000000000002
   * in double (decimal roi values: the real numbers the doubles are) */
  ms.roi_start = 0.05;
  ms.roi_end = 0.25;
  s.in_len = 5;
  s.map = as_affine_map (&ms, 5, 12);
  s.nearest = AS_NEAREST_CEIL;
  fail_unless (as_axis_init (&axis, &s) == 0);
  fail_unless_equals_int (axis.offset[11],
      crop_sign (0.05, 0.25, 5, 12, 1, 0, 11, 1, 1) <= 0 ? 1 : 2);
  as_axis_clear (&axis);
}

GST_END_TEST;

/* coordinates far outside (tiny scale factors) stay on the edge sample,
 * whatever the kernel and rule, without overflow (UBSan in CI) */
GST_START_TEST (test_huge_coordinates)
{
  const double scales[] = { 1e-18, 1e-300, 4.9e-324, 1e18 };

  for (guint k = 0; k < 3; k++)
    for (guint sc = 0; sc < G_N_ELEMENTS (scales); sc++)
      for (int rule = AS_NEAREST_HALF_UP; rule <= AS_NEAREST_TORCH_LEGACY;
           rule++)
        for (int aa = 0; aa < 2; aa++) {
          AsMapSpec ms = { AS_MAP_HALF_PIXEL, scales[sc] };
          AsAxisSpec s = { 37, 9 };
          AsAxis axis;

          s.map = as_affine_map (&ms, 37, 9);
          s.kernel = k;
          s.param = -0.75;
          s.nearest = rule;
          s.torch_ratio = (float) (1.0 / scales[sc]);
          s.antialias = aa && k != AS_KERNEL_NEAREST;
          s.stretch = 1.0 / scales[sc];
          if (!isfinite (s.map.a) || !isfinite (s.map.b)) {
            fail_unless (as_axis_init (&axis, &s) < 0);
            continue;
          }
          if (s.antialias && scales[sc] < 1e-6) {
            /* a window over the whole row for each output: 37 taps */
            fail_unless (as_axis_init (&axis, &s) == 0);
          } else {
            fail_unless (as_axis_init (&axis, &s) == 0);
          }
          for (int i = 0; i < 9; i++) {
            double sum = 0;
            for (int t = 0; t < axis.n_taps; t++) {
              CHECK (axis.offset[i] >= 0 && axis.offset[i] + axis.n_taps <= 37,
                  "offset");
              sum += axis.weight[i * axis.n_taps + t];
            }
            CHECK (fabs (sum - 1) < 1e-9,
                "k %u s %g rule %d aa %d row %d sums"
                " to %g",
                k, scales[sc], rule, aa, i, sum);
          }
          as_axis_clear (&axis);
        }
}

GST_END_TEST;

/* what the fixed-point models hold: plain Keys rows (A in [-2, 0]) fit,
 * renormalised rows with weights past [-0.5, 1.5] do not, and then the
 * fixed-point tables are not built */
GST_START_TEST (test_fits)
{
  AsAxisSpec s = { 9, 40 };
  AsMapSpec ms = { AS_MAP_HALF_PIXEL, 0.55 };
  AsAxis axis;

  s.map = as_affine_full (AS_MAP_HALF_PIXEL, 9, 40);
  s.kernel = AS_KERNEL_CUBIC;
  s.param = -2.0;
  fail_unless (as_axis_init (&axis, &s) == 0);
  fail_unless (as_axis_fits (&axis) && axis.abs_sum <= 2.0 + 1e-9);
  {
    double err = 0;
    int32_t q[4];
    for (int i = 0; i < 40; i++)
      err = MAX (err,
          as_quantize_row (axis.weight + i * axis.n_taps, axis.n_taps,
              AS_WEIGHT_BITS, INT16_MIN, INT16_MAX, q));
    fail_unless (err > 0 && err < 4.0 / 16384);
  }
  as_axis_clear (&axis);

  /* antialias with a scale factor mapping past the picture (defect 5):
   * bicubic windows truncated to their negative lobe, renormalised */
  s.in_len = 29;
  s.out_len = 30;
  s.map = as_affine_map (&ms, 29, 30);
  s.antialias = 1;
  s.stretch = 1 / 0.55;
  fail_unless (as_axis_init (&axis, &s) == 0);
  fail_unless (!as_axis_fits (&axis));
  {
    /* the fixed-point models refuse the table: the exact model runs it */
    AsDsp dsp;
    AsModelPlan mp = { 0 };
    AsModelInput in = { &axis, &axis, as_kernel_desc (AS_KERNEL_CUBIC), 1, 1, 1,
      255, &dsp };
    as_dsp_init_c (&dsp);
    fail_unless (as_model_fixed.prepare (&mp, &in) == -1);
    as_model_plan_clear (&mp);
    fail_unless (as_model_sum.prepare (&mp, &in) == -1);
    as_model_plan_clear (&mp);
    fail_unless (as_model_pick (&mp, &in, 0.5) == 0);
    fail_unless (mp.model == &as_model_exact);
    as_model_plan_clear (&mp);
  }
  for (int i = 0; i < 30; i++) {
    double sum = 0;
    for (int t = 0; t < axis.n_taps; t++)
      sum += axis.weight[i * axis.n_taps + t];
    CHECK (fabs (sum - 1) < 1e-9, "row %d sums to %g", i, sum);
  }
  as_axis_clear (&axis);
}

GST_END_TEST;

static Suite *
resample_suite (void)
{
  Suite *s = suite_create ("resample");
  TCase *tc = tcase_create ("general");

  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_spec_cases);
  tcase_add_test (tc, test_spec_cases_options);
  tcase_add_test (tc, test_spec_nearest_modes);
  tcase_add_test (tc, test_torch_legacy_nearest);
  tcase_add_test (tc, test_spec_nearest);
  tcase_add_test (tc, test_spec_chroma_v01);
  tcase_add_test (tc, test_tables_match_formulas);
  tcase_add_test (tc, test_identity);
  tcase_add_test (tc, test_degenerate);
  tcase_add_test (tc, test_torch_nearest_float32);
  tcase_add_test (tc, test_crop_exact_decisions);
  tcase_add_test (tc, test_crop_exact_nearest);
  tcase_add_test (tc, test_huge_coordinates);
  tcase_add_test (tc, test_fits);
  return s;
}

GST_CHECK_MAIN (resample);
