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
#include "kernels.h"

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

/* The plan's bytes from the portable C reference kernels alone, following
 * the plan's tables and pass order: whole intermediate planes, no ring, no
 * gather, no ORC. The fast paths must give exactly these bytes. */
static void
reference_run (const AsPlanePlan *pp, const uint8_t *src, ptrdiff_t ss,
    uint8_t *dst, ptrdiff_t ds, AsKernel kernel)
{
  const AsPlaneDesc *d = &pp->desc;
  int ch = d->channels, wide = d->bytes_per_sample == 2;
  int iw = d->in_w * ch, ow = d->out_w * ch;
  /* the intermediate: in_w x out_h (V-first) or out_w x in_h (H-first) */
  size_t n = (size_t) MAX (iw * d->out_h, ow * d->in_h);
  uint32_t *inter = g_new0 (uint32_t, n);

#define SROW(y) (src + ss * (y))
#define DROW(y) (dst + ds * (y))
  if (kernel == AS_KERNEL_NEAREST) {
    for (int j = 0; j < d->out_h; j++)
      as_h_nearest (DROW (j), SROW (pp->y.offset[j]), pp->x.offset, d->out_w,
          ch * d->bytes_per_sample);
  } else if (pp->exact) {
    /* whole double planes: in_h x out_w (H-first) or in_w (V-first) */
    int ny = pp->y.n_taps, nx = pp->x.n_taps;
    double *t = g_new (double, (size_t) MAX (iw, ow) * d->in_h);
    const void **rows = g_new (const void *, ny);
    for (int y = 0; pp->h_first && y < d->in_h; y++)
      as_exact_h_in (t + (size_t) y * ow, SROW (y), d->bytes_per_sample,
          pp->x.offset, pp->x.weight, nx, d->out_w, ch);
    for (int j = 0; j < d->out_h; j++) {
      const double *wy = pp->y.weight + (size_t) j * ny;
      for (int k = 0; k < ny; k++)
        rows[k] = pp->h_first
            ? (const void *) (t + (size_t) (pp->y.offset[j] + k) * ow)
            : (const void *) SROW (pp->y.offset[j] + k);
      if (pp->h_first) {
        as_exact_v_out (DROW (j), d->bytes_per_sample,
            (const double *const *) rows, wy, ny, ow);
      } else {
        as_exact_v_in (
            t, (const uint8_t *const *) rows, d->bytes_per_sample, wy, ny, iw);
        as_exact_h_out (DROW (j), d->bytes_per_sample, t, pp->x.offset,
            pp->x.weight, nx, d->out_w, ch);
      }
    }
    g_free (rows);
    g_free (t);
  } else if (pp->lerp && !wide) {
    uint16_t *t = (uint16_t *) inter;
    if (pp->h_first) {
      for (int y = 0; y < d->in_h; y++)
        as_lerp_h_u8_u16 (t + (size_t) y * ow, SROW (y), pp->x.lerp_base,
            pp->x.lerp_w, d->out_w, ch);
      for (int j = 0; j < d->out_h; j++) {
        int b = pp->y.lerp_base[j], w = pp->y.lerp_w[j];
        as_lerp_v_u16_u8 (DROW (j), t + (size_t) b * ow,
            t + (size_t) (w ? b + 1 : b) * ow, w, ow);
      }
    } else {
      for (int j = 0; j < d->out_h; j++) {
        int b = pp->y.lerp_base[j], w = pp->y.lerp_w[j];
        as_lerp_v_u8_u16 (t, SROW (b), SROW (w ? b + 1 : b), w, iw);
        as_lerp_h_u16_u8 (
            DROW (j), t, pp->x.lerp_base, pp->x.lerp_w, d->out_w, ch);
      }
    }
  } else if (pp->lerp) {
    if (pp->h_first) {
      for (int y = 0; y < d->in_h; y++)
        as_lerp_h_u16_u32 (inter + (size_t) y * ow, (const uint16_t *) SROW (y),
            pp->x.lerp_base32, pp->x.lerp_w32, d->out_w, ch);
      for (int j = 0; j < d->out_h; j++) {
        int b = pp->y.lerp_base32[j];
        uint32_t w = pp->y.lerp_w32[j];
        as_lerp_v_u32_u16 ((uint16_t *) DROW (j), inter + (size_t) b * ow,
            inter + (size_t) (w ? b + 1 : b) * ow, w, ow);
      }
    } else {
      for (int j = 0; j < d->out_h; j++) {
        int b = pp->y.lerp_base32[j];
        uint32_t w = pp->y.lerp_w32[j];
        as_lerp_v_u16_u32 (inter, (const uint16_t *) SROW (b),
            (const uint16_t *) SROW (w ? b + 1 : b), w, iw);
        as_lerp_h_u32_u16 ((uint16_t *) DROW (j), inter, pp->x.lerp_base32,
            pp->x.lerp_w32, d->out_w, ch);
      }
    }
  } else if (pp->sum) {
    int ny = pp->y.n_taps, nx = pp->x.n_taps;
    const void **rows = g_new (const void *, ny);
    uint16_t *t = (uint16_t *) inter;
    for (int j = 0; j < d->out_h; j++) {
      const uint16_t *wy = pp->y.sweight + (size_t) j * ny;
      if (pp->h_first) {
        for (int k = 0; k < ny; k++) {
          rows[k] = t + (size_t) k * ow;
          as_sum_h_u8_u16 ((uint16_t *) rows[k], SROW (pp->y.offset[j] + k),
              pp->x.offset, pp->x.sweight, nx, d->out_w, ch);
        }
        as_sum_v_u16_u8 (DROW (j), (const uint16_t *const *) rows, wy, ny, ow);
      } else {
        for (int k = 0; k < ny; k++)
          rows[k] = SROW (pp->y.offset[j] + k);
        as_sum_v_u8_u16 (t, (const uint8_t *const *) rows, wy, ny, iw);
        as_sum_h_u16_u8 (
            DROW (j), t, pp->x.offset, pp->x.sweight, nx, d->out_w, ch);
      }
    }
    g_free (rows);
  } else {
    int ny = pp->y.n_taps, nx = pp->x.n_taps;
    const void **rows = g_new (const void *, ny);
    for (int j = 0; j < d->out_h; j++) {
      if (pp->h_first) {
        for (int k = 0; k < ny; k++) {
          int y = pp->y.offset[j] + k;
          rows[k] = wide ? (void *) ((int32_t *) inter + (size_t) k * ow)
                         : (void *) ((int16_t *) inter + (size_t) k * ow);
          if (wide)
            as_h_u16_i32 ((int32_t *) rows[k], (const uint16_t *) SROW (y),
                pp->x.offset, pp->x.lweight, nx, d->out_w, ch);
          else
            as_h_u8_i16 ((int16_t *) rows[k], SROW (y), pp->x.offset,
                pp->x.iweight, nx, d->out_w, ch);
        }
        if (wide)
          as_v_i32_u16 ((uint16_t *) DROW (j), (const int32_t *const *) rows,
              pp->y.lweight + (size_t) j * ny, ny, ow);
        else
          as_v_i16_u8 (DROW (j), (const int16_t *const *) rows,
              pp->y.iweight + (size_t) j * ny, ny, ow);
      } else {
        for (int k = 0; k < ny; k++)
          rows[k] = SROW (pp->y.offset[j] + k);
        if (wide) {
          as_v_u16_i32 ((int32_t *) inter, (const uint16_t *const *) rows,
              pp->y.lweight + (size_t) j * ny, ny, iw);
          as_h_i32_u16 ((uint16_t *) DROW (j), (const int32_t *) inter,
              pp->x.offset, pp->x.lweight, nx, d->out_w, ch);
        } else {
          as_v_u8_i16 ((int16_t *) inter, (const uint8_t *const *) rows,
              pp->y.iweight + (size_t) j * ny, ny, iw);
          as_h_i16_u8 (DROW (j), (const int16_t *) inter, pp->x.offset,
              pp->x.iweight, nx, d->out_w, ch);
        }
      }
    }
    g_free (rows);
  }
  /* tf_crop_and_resize: the plan's outside samples take its fill pixel */
  for (int j = 0; j < d->out_h; j++)
    for (int i = 0; i < d->out_w; i++)
      if ((pp->outside_y && pp->outside_y[j])
          || (pp->outside_x && pp->outside_x[i]))
        memcpy (DROW (j) + (size_t) i * ch * d->bytes_per_sample, pp->fill,
            ch * d->bytes_per_sample);
#undef SROW
#undef DROW
  g_free (inter);
}

/* every path of the plan (both orders, lerp, one pass, box, ring, gathers,
 * ORC) gives exactly the C reference's bytes */
GST_START_TEST (test_reference_bytes)
{
  GRand *r = g_rand_new_with_seed (10);

  for (int n = 0; n < 500; n++) {
    int in_w = g_rand_int_range (r, 1, 90), in_h = g_rand_int_range (r, 1, 40);
    int out_w = g_rand_int_range (r, 1, 90),
        out_h = g_rand_int_range (r, 1, 40);
    int ch = g_rand_int_range (r, 1, 5), bps = g_rand_int_range (r, 1, 3);
    AsKernel kernel = g_rand_int_range (r, 0, 3);
    AsConfig cfg = { g_rand_int_range (r, 0, 2), kernel,
      g_rand_double_range (r, -1.0, -0.25) };
    AsPlaneDesc d;
    AsPlan *plan;
    ptrdiff_t ss, ds;
    uint8_t *src, *a, *b;

    /* from case 300 on: every ONNX option, flipped and outside crops, long
     * antialias windows (up to 4x down), scale factors */
    if (n >= 300) {
      cfg.mapping = g_rand_int_range (r, 0, AS_MAP_TF_CROP_AND_RESIZE + 1);
      cfg.antialias = g_rand_boolean (r);
      cfg.exclude_outside = g_rand_boolean (r);
      cfg.nearest_mode = g_rand_int_range (r, 0, AS_NEAREST_MODE_CEIL + 1);
      if (g_rand_int_range (r, 0, 3) == 0) {
        cfg.scale_x = g_rand_double_range (r, 0.25, 3.0);
        cfg.scale_y = g_rand_double_range (r, 0.25, 3.0);
      }
      for (int k = 0; k < 4; k++)
        cfg.roi[k] = g_rand_double_range (r, -0.3, 1.3);
      cfg.extrapolation = g_rand_double (r);
      in_w = g_rand_int_range (r, 1, 200);
      in_h = g_rand_int_range (r, 1, 100);
      out_w = g_rand_int_range (r, MAX (1, in_w / 4), in_w + 20);
      out_h = g_rand_int_range (r, MAX (1, in_h / 4), in_h + 10);
    }
    switch (n % 5) {
      case 0: /* an identity axis: one-pass lerp */
        out_w = in_w;
        break;
      case 1:
        out_h = in_h;
        break;
      case 2: /* exact 2x: the box path */
        in_w = 2 * out_w;
        in_h = 2 * out_h;
        break;
      default:
        break;
    }
    d = (AsPlaneDesc){ in_w, in_h, out_w, out_h, ch, bps, 1, 1, 0, 0 };
    plan = as_plan_new (&cfg, in_w, in_h, out_w, out_h, &d, 1);
    fail_unless (plan != NULL);
    ss = GST_ROUND_UP_4 (in_w * ch * bps + 3);
    ds = GST_ROUND_UP_4 (out_w * ch * bps + 1);
    src = g_malloc (ss * in_h);
    a = g_malloc0 (ds * out_h);
    b = g_malloc0 (ds * out_h);
    for (gsize i = 0; i < (gsize) ss * in_h; i++)
      src[i] = g_rand_int_range (r, 0, 256);
    for (int o = 0; o < 2; o++) {
      plan->plane[0].h_first = o;
      as_plan_run_plane (plan, 0, src, ss, a, ds);
      reference_run (&plan->plane[0], src, ss, b, ds, kernel);
      fail_unless (memcmp (a, b, ds * out_h) == 0,
          "%dx%d -> %dx%d ch %d bps %d kernel %d map %d %s-first: fast paths "
          "differ from the C reference",
          in_w, in_h, out_w, out_h, ch, bps, kernel, cfg.mapping,
          o ? "h" : "v");
    }
    as_plan_free (plan);
    g_free (src);
    g_free (a);
    g_free (b);
  }
  g_rand_free (r);
}

GST_END_TEST;

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

/* Every model keeps each output within one code of the float result: a
 * plane whose fixed-point error bound passes half a code runs the exact
 * model. Antialias over hundreds and thousands of taps (8- and 16-bit,
 * bilinear and bicubic), on random rows and on rows built to make the
 * weight rounding errors add up (255 or 65535 where the 14- or 30-bit
 * weight rounds up, 0 where it rounds down). */
GST_START_TEST (test_model_bounds)
{
  const int lens[][2] = { { 1920, 224 }, { 1920, 64 }, { 1920, 16 },
    { 8000, 7 }, { 32767, 3 }, { 32767, 1 }, { 300, 299 } };
  GRand *r = g_rand_new_with_seed (12);
  guint exact = 0, fixed = 0;

  for (guint l = 0; l < G_N_ELEMENTS (lens); l++)
    for (int bps = 1; bps <= 2; bps++)
      for (int k = AS_KERNEL_LINEAR; k <= AS_KERNEL_CUBIC; k++) {
        int in_w = lens[l][0], out_w = lens[l][1], max = bps == 1 ? 255 : 65535;
        AsConfig cfg = { AS_MAP_HALF_PIXEL, k, -0.75 };
        AsPlaneDesc d = { in_w, 2, out_w, 2, 1, bps, 1, 1, 0, 0 };
        AsPlan *plan;
        AsPlanePlan *pp;
        uint8_t *src = g_malloc ((gsize) in_w * bps * 2);
        uint8_t *dst = g_malloc ((gsize) out_w * bps * 2);

        cfg.antialias = 1;
        plan = as_plan_new (&cfg, in_w, 2, out_w, 2, &d, 1);
        fail_unless (plan != NULL);
        pp = &plan->plane[0];
        exact += pp->exact;
        fixed += !pp->exact;
        fail_unless (pp->exact || pp->bound <= 0.5);
        for (int x = 0; x < in_w * bps * 2; x++)
          src[x] = g_rand_int_range (r, 0, 256);
        /* row 1: every output's taps at the extremes the rounding favours */
        for (int i = 0; i < out_w; i++)
          for (int t = 0; t < pp->x.n_taps; t++) {
            int j = pp->x.offset[i] + t;
            double w = pp->x.weight[i * pp->x.n_taps + t];
            double q = bps == 1
                ? ldexp (
                    floor (ldexp (w, AS_WEIGHT_BITS) + 0.5), -AS_WEIGHT_BITS)
                : ldexp (floor (ldexp (w, AS_WEIGHT_BITS_16) + 0.5),
                    -AS_WEIGHT_BITS_16);
            int v = q > w ? max : 0;
            if (bps == 1)
              src[in_w + j] = v;
            else
              ((uint16_t *) (src + in_w * 2))[j] = v;
          }
        as_plan_run_plane (
            plan, 0, src, (ptrdiff_t) in_w * bps, dst, (ptrdiff_t) out_w * bps);
        for (int j = 0; j < 2; j++)
          for (int i = 0; i < out_w; i++) {
            double e = CLAMP (
                reference (pp, src, (ptrdiff_t) in_w * bps, i, j, 0), 0, max);
            double got = sample (dst, (ptrdiff_t) out_w * bps, bps, i, j);
            if (G_UNLIKELY (fabs (got - e) >= 1.0))
              fail ("%d -> %d bps %d kernel %d (%s model, bound %.3f): row %d"
                    " sample %d is %g, float %.4f",
                  in_w, out_w, bps, k, pp->exact ? "exact" : "fixed", pp->bound,
                  j, i, got, e);
          }
        as_plan_free (plan);
        g_free (src);
        g_free (dst);
      }
  /* both kinds were exercised */
  fail_unless (exact > 0 && fixed > 0, "exact %u, fixed %u", exact, fixed);
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
  tcase_add_test (tc, test_reference_bytes);
  tcase_add_test (tc, test_model_bounds);
  return s;
}

GST_CHECK_MAIN (plan);
