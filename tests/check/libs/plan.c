/* The plan's integer pipeline (both pass orders, ring buffer, gather,
 * strides) against a double-precision separable evaluation of the same
 * weight tables, on sizes beyond the torch golden set (up to 2000).
 * The tables themselves are tested against the spec in libs/resample.c.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <gst/check/gstcheck.h>
#include <math.h>
#include <string.h>

#include "plan.h"

static double
sample (const uint8_t *src, ptrdiff_t stride, int bps, int x, int y)
{
  const uint8_t *row = src + stride * y;
  return bps == 1 ? row[x] : ((const uint16_t *) row)[x];
}

/* the exact separable result at one output sample, from the double tables */
static double
reference (const AsPlanePlan *pp, const uint8_t *src, ptrdiff_t stride, int i,
    int j, int c)
{
  const AsPlaneDesc *d = &pp->desc;
  double v = 0;

  for (int ky = 0; ky < pp->y.n_taps; ky++) {
    double h = 0;
    int y = pp->y.offset[j] + ky;
    for (int kx = 0; kx < pp->x.n_taps; kx++) {
      int x = pp->x.offset[i] + kx;
      h += pp->x.weight[i * pp->x.n_taps + kx]
          * sample (src, stride, d->bytes_per_sample, x * d->channels + c, y);
    }
    v += pp->y.weight[j * pp->y.n_taps + ky] * h;
  }
  return v;
}

static void
check_case (GRand *r, int in_w, int in_h, int out_w, int out_h, int ch, int bps,
    AsKernel kernel, AsMapping mapping)
{
  AsConfig cfg = { mapping, kernel, -0.75 };
  AsPlaneDesc d = { in_w, in_h, out_w, out_h, ch, bps, 1, 1, 0, 0 };
  AsPlan *plan = as_plan_new (&cfg, in_w, in_h, out_w, out_h, &d, 1);
  /* padded strides, aligned to the sample size as GStreamer's are */
  ptrdiff_t sstride = (ptrdiff_t) (in_w * ch + 7) * bps;
  ptrdiff_t dstride = (ptrdiff_t) (out_w * ch + 3) * bps;
  uint8_t *src = g_malloc ((gsize) sstride * in_h);
  uint8_t *dst = g_malloc ((gsize) dstride * out_h);
  int max = bps == 1 ? 255 : 65535;
  gboolean orders[2];

  fail_unless (plan != NULL);
  for (gsize b = 0; b < (gsize) sstride * in_h; b++)
    src[b] = g_rand_int_range (r, 0, 256);
  orders[0] = plan->plane[0].h_first;
  orders[1] = !orders[0];

  for (int o = 0; o < (kernel == AS_KERNEL_NEAREST ? 1 : 2); o++) {
    plan->plane[0].h_first = orders[o];
    memset (dst, 0xee, (gsize) dstride * out_h);
    as_plan_run_plane (plan, 0, src, sstride, dst, dstride);
    for (int j = 0; j < out_h; j++)
      for (int i = 0; i < out_w; i++)
        for (int c = 0; c < ch; c++) {
          double e = reference (&plan->plane[0], src, sstride, i, j, c);
          double got = sample (dst, dstride, bps, i * ch + c, j);
          double want = CLAMP (floor (e + 0.5), 0, max);
          if (G_UNLIKELY (
                  fabs (got - want) > (kernel == AS_KERNEL_NEAREST ? 0 : 1)))
            fail ("%dx%d -> %dx%d ch %d bps %d kernel %d map %d %s-first: "
                  "(%d,%d,%d) got %g, want %g (%f)",
                in_w, in_h, out_w, out_h, ch, bps, kernel, mapping,
                orders[o] ? "h" : "v", i, j, c, got, want, e);
        }
  }
  as_plan_free (plan);
  g_free (src);
  g_free (dst);
}

static int
random_len (GRand *r)
{
  int p = g_rand_int_range (r, 0, 10);
  return p == 0 ? 1
      : p == 1  ? g_rand_int_range (r, 300, 2001)
                : g_rand_int_range (r, 2, 301);
}

GST_START_TEST (test_random_planes)
{
  GRand *r = g_rand_new_with_seed (7);

  for (int n = 0; n < 120; n++) {
    int in_w = random_len (r), in_h = random_len (r);
    int out_w = random_len (r), out_h = random_len (r);
    /* keep each case small enough: the reference is quadratic in taps */
    if ((gint64) out_w * out_h > 400000)
      out_h = MAX (1, 400000 / out_w);
    check_case (r, in_w, in_h, out_w, out_h, g_rand_int_range (r, 1, 5),
        g_rand_int_range (r, 1, 3), g_rand_int_range (r, 0, 3),
        g_rand_int_range (r, 0, 2));
  }
  g_rand_free (r);
}

GST_END_TEST;

/* exact 2x bilinear downscales take the 2x2 box path: the same bytes as
 * the generic passes of the same plan */
GST_START_TEST (test_box2_path)
{
  GRand *r = g_rand_new_with_seed (8);

  for (int n = 0; n < 40; n++) {
    int ch = 1 + n % 2, out_w = g_rand_int_range (r, 1, 200);
    int out_h = g_rand_int_range (r, 1, 60);
    AsConfig cfg = { AS_MAP_HALF_PIXEL, AS_KERNEL_LINEAR, -0.75 };
    AsPlaneDesc d = { 2 * out_w, 2 * out_h, out_w, out_h, ch, 1, 1, 1, 0, 0 };
    AsPlan *plan = as_plan_new (
        &cfg, 2 * out_w, 2 * out_h, out_w, out_h, &d, 1);
    ptrdiff_t sstride = GST_ROUND_UP_4 (2 * out_w * ch);
    ptrdiff_t dstride = GST_ROUND_UP_4 (out_w * ch);
    guint32 *srcw = g_new (guint32, sstride * 2 * out_h / 4);
    uint8_t *src = (uint8_t *) srcw, *a = g_malloc (dstride * out_h);
    uint8_t *b = g_malloc (dstride * out_h);

    fail_unless (plan && plan->plane[0].box2, "2x downscale not on box path");
    for (gsize i = 0; i < (gsize) sstride * 2 * out_h; i++)
      src[i] = g_rand_int_range (r, 0, 256);
    memset (a, 0, dstride * out_h);
    memset (b, 0, dstride * out_h);
    as_plan_run_plane (plan, 0, src, sstride, a, dstride);
    plan->plane[0].box2 = 0;
    as_plan_run_plane (plan, 0, src, sstride, b, dstride);
    fail_unless (memcmp (a, b, dstride * out_h) == 0,
        "box path differs: %dx%d ch %d", out_w, out_h, ch);
    as_plan_free (plan);
    g_free (srcw);
    g_free (a);
    g_free (b);
  }

  /* align-corners 2x is not a box, nor is left-sited chroma */
  {
    AsConfig ac = { AS_MAP_ALIGN_CORNERS, AS_KERNEL_LINEAR, -0.75 };
    AsConfig hp = { AS_MAP_HALF_PIXEL, AS_KERNEL_LINEAR, -0.75 };
    AsPlaneDesc luma = { 64, 64, 32, 32, 1, 1, 1, 1, 0, 0 };
    AsPlaneDesc left = { 32, 32, 16, 16, 2, 1, 2, 2, 0, 1 };
    AsPlan *p1 = as_plan_new (&ac, 64, 64, 32, 32, &luma, 1);
    AsPlan *p2 = as_plan_new (&hp, 64, 64, 32, 32, &left, 1);
    fail_if (p1->plane[0].box2);
    fail_if (p2->plane[0].box2);
    as_plan_free (p1);
    as_plan_free (p2);
  }
  g_rand_free (r);
}

GST_END_TEST;

/* bilinear with one identity axis takes one pass: the same bytes as the
 * two passes of the same plan, in both orders */
GST_START_TEST (test_lerp_1d)
{
  GRand *r = g_rand_new_with_seed (9);

  for (int n = 0; n < 40; n++) {
    int ch = 1 + n % 4, w = g_rand_int_range (r, 1, 300);
    int h = g_rand_int_range (r, 1, 60), other = g_rand_int_range (r, 1, 300);
    gboolean x_id = n % 2;
    int in_w = w, in_h = x_id ? other : h, out_w = w, out_h = h;
    AsConfig cfg = { n % 3 ? AS_MAP_HALF_PIXEL : AS_MAP_ALIGN_CORNERS,
      AS_KERNEL_LINEAR, -0.75 };
    AsPlaneDesc d;
    AsPlan *plan;
    ptrdiff_t sstride, dstride;
    uint8_t *src, *a, *b;

    if (!x_id)
      in_w = other;
    d = (AsPlaneDesc){ in_w, in_h, out_w, out_h, ch, 1, 1, 1, 0, 0 };
    plan = as_plan_new (&cfg, in_w, in_h, out_w, out_h, &d, 1);
    sstride = in_w * ch + 5;
    dstride = out_w * ch + 3;
    src = g_malloc (sstride * in_h);
    a = g_malloc0 (dstride * out_h);
    b = g_malloc0 (dstride * out_h);
    fail_unless (
        plan && plan->plane[0].lerp_1d == (in_w == out_w || in_h == out_h));
    for (gsize i = 0; i < (gsize) sstride * in_h; i++)
      src[i] = g_rand_int_range (r, 0, 256);
    as_plan_run_plane (plan, 0, src, sstride, a, dstride);
    plan->plane[0].lerp_1d = 0;
    for (int o = 0; o < 2; o++) {
      plan->plane[0].h_first = o;
      as_plan_run_plane (plan, 0, src, sstride, b, dstride);
      fail_unless (memcmp (a, b, dstride * out_h) == 0,
          "one pass differs: %dx%d -> %dx%d ch %d %s-first", in_w, in_h, out_w,
          out_h, ch, o ? "h" : "v");
    }
    as_plan_free (plan);
    g_free (src);
    g_free (a);
    g_free (b);
  }
  g_rand_free (r);
}

GST_END_TEST;

static Suite *
plan_suite (void)
{
  Suite *s = suite_create ("plan");
  TCase *tc = tcase_create ("general");

  suite_add_tcase (s, tc);
  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_random_planes);
  tcase_add_test (tc, test_box2_path);
  tcase_add_test (tc, test_lerp_1d);
  return s;
}

GST_CHECK_MAIN (plan);
