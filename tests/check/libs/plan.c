/* The plan's integer pipeline (both pass orders, ring buffer, gather,
 * strides) against a double-precision separable evaluation of the same
 * weight tables, on sizes beyond the torch golden set (up to 2000); the
 * plan with the ORC rows against the same plan with the C rows; row
 * ranges, sample depths and row stages. The tables themselves are tested
 * against the spec in libs/resample.c, each row function in libs/dsp.c.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <gst/check/gstcheck.h>
#include <math.h>
#include <string.h>

#include "plan.h"
#include "stages.h"

/* every output row of plane p, one call */
static void
run_all (const AsPlan *plan, int p, const uint8_t *src, ptrdiff_t ss,
    uint8_t *dst, ptrdiff_t ds)
{
  AsScratch *s = as_scratch_new (plan);

  fail_unless (s != NULL);
  as_plan_run_plane (
      plan, s, p, src, ss, dst, ds, 0, plan->plane[p].desc.out_h);
  as_scratch_free (s);
}

static gboolean
is_exact (const AsPlanePlan *pp)
{
  return pp->m.model == &as_model_exact;
}

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
  AsPlan *plan = as_plan_new (&cfg, in_w, in_h, out_w, out_h, &d, 1, NULL);
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
    run_all (plan, 0, src, sstride, dst, dstride);
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

/* a random configuration of every option: ONNX modes, flipped and
 * outside crops, long antialias windows (up to 4x down), scale factors */
static void
random_config (GRand *r, AsConfig *cfg, gboolean all)
{
  memset (cfg, 0, sizeof (*cfg));
  cfg->mapping = g_rand_int_range (r, 0, 2);
  cfg->kernel = g_rand_int_range (r, 0, AS_N_KERNELS);
  cfg->cubic_a = g_rand_double_range (r, -1.0, -0.25);
  if (!all)
    return;
  cfg->mapping = g_rand_int_range (r, 0, AS_MAP_TF_CROP_AND_RESIZE + 1);
  cfg->antialias = g_rand_boolean (r);
  cfg->exclude_outside = g_rand_boolean (r);
  cfg->nearest_mode = g_rand_int_range (r, 0, AS_NEAREST_MODE_CEIL + 1);
  if (g_rand_int_range (r, 0, 3) == 0) {
    cfg->scale_x = g_rand_double_range (r, 0.25, 3.0);
    cfg->scale_y = g_rand_double_range (r, 0.25, 3.0);
  }
  for (int k = 0; k < 4; k++)
    cfg->roi[k] = g_rand_double_range (r, -0.3, 1.3);
  cfg->extrapolation = g_rand_double (r);
}

/* Every path of the plan (both orders, one pass, box, ring, gathers, ORC)
 * gives the bytes of the same plan built with the C rows of dsp.h: the
 * plans pick the same models and tables, only the functions differ. */
GST_START_TEST (test_c_table)
{
  GRand *r = g_rand_new_with_seed (10);
  AsDsp c;

  as_dsp_init_c (&c);
  for (int n = 0; n < 600; n++) {
    int in_w = g_rand_int_range (r, 1, 90), in_h = g_rand_int_range (r, 1, 40);
    int out_w = g_rand_int_range (r, 1, 90),
        out_h = g_rand_int_range (r, 1, 40);
    int ch = g_rand_int_range (r, 1, 5), bps = g_rand_int_range (r, 1, 3);
    AsConfig cfg;
    AsPlaneDesc d;
    AsPlan *fast, *ref;
    ptrdiff_t ss, ds;
    uint8_t *src, *a, *b;

    random_config (r, &cfg, n >= 300);
    if (n >= 300) {
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
    fast = as_plan_new (&cfg, in_w, in_h, out_w, out_h, &d, 1, NULL);
    ref = as_plan_new (&cfg, in_w, in_h, out_w, out_h, &d, 1, &c);
    fail_unless (fast != NULL && ref != NULL);
    fail_unless (fast->plane[0].m.model == ref->plane[0].m.model);
    ss = GST_ROUND_UP_4 (in_w * ch * bps + 3);
    ds = GST_ROUND_UP_4 (out_w * ch * bps + 1);
    src = g_malloc (ss * in_h);
    a = g_malloc0 (ds * out_h);
    b = g_malloc0 (ds * out_h);
    for (gsize i = 0; i < (gsize) ss * in_h; i++)
      src[i] = g_rand_int_range (r, 0, 256);
    for (int o = 0; o < 2; o++) {
      fast->plane[0].h_first = ref->plane[0].h_first = o;
      run_all (fast, 0, src, ss, a, ds);
      run_all (ref, 0, src, ss, b, ds);
      fail_unless (memcmp (a, b, ds * out_h) == 0,
          "%dx%d -> %dx%d ch %d bps %d kernel %d map %d %s model %s-first: "
          "the ORC rows differ from the C rows",
          in_w, in_h, out_w, out_h, ch, bps, cfg.kernel, cfg.mapping,
          fast->plane[0].m.model->name, o ? "h" : "v");
    }
    as_plan_free (fast);
    as_plan_free (ref);
    g_free (src);
    g_free (a);
    g_free (b);
  }
  g_rand_free (r);
}

GST_END_TEST;

/* A frame cut into row ranges, run in any order on scratches of their
 * own, gives the bytes of one run over every row (what n-threads does):
 * rings start empty in each range, the lerp model's pairs and the box
 * rows straddle the cuts, subsampled planes. */
GST_START_TEST (test_row_ranges)
{
  GRand *r = g_rand_new_with_seed (13);

  for (int n = 0; n < 400; n++) {
    int in_w = g_rand_int_range (r, 1, 120), in_h = g_rand_int_range (r, 1, 80);
    int out_w = g_rand_int_range (r, 1, 120),
        out_h = g_rand_int_range (r, 1, 80);
    int ch = g_rand_int_range (r, 1, 5), bps = g_rand_int_range (r, 1, 3);
    AsConfig cfg;
    AsPlaneDesc d;
    AsPlan *plan;
    AsScratch *s1, *s2;
    ptrdiff_t ss, ds;
    uint8_t *src, *a, *b;
    int j0 = 0;

    random_config (r, &cfg, n % 2);
    if (n % 4 == 0) {
      in_w = 2 * out_w;
      in_h = 2 * out_h;
    }
    d = (AsPlaneDesc){ in_w, in_h, out_w, out_h, ch, bps, 1 + n % 3 / 2,
      1 + n % 3 / 2, n % 2, n % 2 };
    plan = as_plan_new (&cfg, in_w, in_h, out_w, out_h, &d, 1, NULL);
    fail_unless (plan != NULL);
    s1 = as_scratch_new (plan);
    s2 = as_scratch_new (plan);
    ss = in_w * ch * bps + 2 * bps;
    ds = out_w * ch * bps + 4 * bps;
    src = g_malloc (ss * in_h);
    a = g_malloc0 (ds * out_h);
    b = g_malloc0 (ds * out_h);
    for (gsize i = 0; i < (gsize) ss * in_h; i++)
      src[i] = g_rand_int_range (r, 0, 256);
    run_all (plan, 0, src, ss, a, ds);
    /* random cuts, each range on the other scratch */
    while (j0 < out_h) {
      int j1 = MIN (out_h, j0 + g_rand_int_range (r, 1, 9));
      as_plan_run_plane (plan, j0 % 2 ? s1 : s2, 0, src, ss, b, ds, j0, j1);
      j0 = j1;
    }
    fail_unless (memcmp (a, b, ds * out_h) == 0,
        "%dx%d -> %dx%d ch %d bps %d kernel %d map %d %s model: ranges differ",
        in_w, in_h, out_w, out_h, ch, bps, cfg.kernel, cfg.mapping,
        plan->plane[0].m.model->name);
    as_scratch_free (s1);
    as_scratch_free (s2);
    as_plan_free (plan);
    g_free (src);
    g_free (a);
    g_free (b);
  }
  g_rand_free (r);
}

GST_END_TEST;

/* Samples of fewer bits than their word (10 and 12 in 16): every model
 * rounds and clamps on the plane's own grid, within one code of the float
 * result there, never above the largest code */
GST_START_TEST (test_depth)
{
  GRand *r = g_rand_new_with_seed (14);
  guint clamped = 0;

  for (int n = 0; n < 120; n++) {
    int depth = n % 2 ? 10 : 12, max = (1 << depth) - 1;
    int in_w = g_rand_int_range (r, 2, 60), in_h = g_rand_int_range (r, 2, 30);
    int out_w = g_rand_int_range (r, 1, 90),
        out_h = g_rand_int_range (r, 1, 40);
    AsConfig cfg;
    AsPlaneDesc d = { in_w, in_h, out_w, out_h, 1, 2, 1, 1, 0, 0, depth };
    AsPlan *plan;
    ptrdiff_t ss = in_w * 2, ds = out_w * 2;
    uint16_t *src = g_new (uint16_t, in_w * in_h);
    uint16_t *dst = g_new (uint16_t, out_w * out_h);

    random_config (r, &cfg, n % 3 == 0);
    cfg.mapping = n % 3 == 0 ? cfg.mapping : AS_MAP_HALF_PIXEL;
    cfg.kernel = n % 4 == 0 ? AS_KERNEL_LINEAR : AS_KERNEL_CUBIC;
    cfg.cubic_a = -2.0; /* the largest overshoot */
    plan = as_plan_new (&cfg, in_w, in_h, out_w, out_h, &d, 1, NULL);
    fail_unless (plan != NULL);
    /* edges: the overshoot of a step from 0 to the largest code */
    for (int i = 0; i < in_w * in_h; i++)
      src[i] = g_rand_boolean (r) ? max : g_rand_int_range (r, 0, 2) * max / 2;
    run_all (plan, 0, (uint8_t *) src, ss, (uint8_t *) dst, ds);
    for (int j = 0; j < out_h; j++)
      for (int i = 0; i < out_w; i++) {
        const AsPlanePlan *pp = &plan->plane[0];
        double e = reference (pp, (uint8_t *) src, ss, i, j, 0);
        double got = dst[j * out_w + i];
        if (pp->outside_x || pp->outside_y)
          break;
        clamped += e > max + 0.5;
        fail_unless (got <= max && fabs (got - CLAMP (e, 0, max)) < 1.0,
            "depth %d %s model: (%d,%d) is %g, float %f", depth,
            pp->m.model->name, i, j, got, e);
      }
    as_plan_free (plan);
    g_free (src);
    g_free (dst);
  }
  fail_unless (clamped > 0, "no output needed the clamp");
  g_rand_free (r);
}

GST_END_TEST;

/* row stages: 10-bit samples in the high bits of 16-bit words (P010's
 * layout) and byte-swapped words are unpacked before the passes and
 * packed after; the bytes are those of the same plan on the unpacked
 * plane, whatever the row ranges */
static void
unpack_msb10 (void *dst, const void *src, int width, const AsPlaneDesc *d)
{
  for (int i = 0; i < width; i++)
    ((uint16_t *) dst)[i] = ((const uint16_t *) src)[i] >> 6;
}

static void
pack_msb10 (void *dst, const void *src, int width, const AsPlaneDesc *d)
{
  for (int i = 0; i < width; i++)
    ((uint16_t *) dst)[i] = (uint16_t) (((const uint16_t *) src)[i] << 6);
}

static void
swap16 (void *dst, const void *src, int width, const AsPlaneDesc *d)
{
  for (int i = 0; i < width; i++)
    ((uint16_t *) dst)[i] = GUINT16_SWAP_LE_BE (((const uint16_t *) src)[i]);
}

GST_START_TEST (test_stages)
{
  GRand *r = g_rand_new_with_seed (15);

  for (int n = 0; n < 200; n++) {
    gboolean msb = n % 2;
    int in_w = g_rand_int_range (r, 1, 70), in_h = g_rand_int_range (r, 1, 30);
    int out_w = g_rand_int_range (r, 1, 70),
        out_h = g_rand_int_range (r, 1, 30);
    AsConfig cfg;
    AsPlaneDesc plain = { in_w, in_h, out_w, out_h, 1, 2, 1, 1, 0, 0,
      msb ? 10 : 16 };
    AsPlaneDesc staged = plain;
    AsPlan *p1, *p2;
    AsScratch *s;
    uint16_t *stored = g_new (uint16_t, in_w * in_h);
    uint16_t *work = g_new (uint16_t, in_w * in_h);
    uint16_t *a = g_new (uint16_t, out_w * out_h);
    uint16_t *b = g_new (uint16_t, out_w * out_h);
    int j0 = 0;

    random_config (r, &cfg, n % 3 == 0);
    staged.unpack = msb ? unpack_msb10 : swap16;
    staged.pack = msb ? pack_msb10 : swap16;
    p1 = as_plan_new (&cfg, in_w, in_h, out_w, out_h, &plain, 1, NULL);
    p2 = as_plan_new (&cfg, in_w, in_h, out_w, out_h, &staged, 1, NULL);
    fail_unless (p1 && p2);
    for (int i = 0; i < in_w * in_h; i++) {
      work[i] = g_rand_int_range (r, 0, msb ? 1024 : 65536);
      staged.unpack == swap16 ? swap16 (stored + i, work + i, 1, NULL)
                              : pack_msb10 (stored + i, work + i, 1, NULL);
    }
    run_all (p1, 0, (uint8_t *) work, in_w * 2, (uint8_t *) a, out_w * 2);
    for (int i = 0; i < out_w * out_h; i++)
      staged.pack (a + i, a + i, 1, NULL);
    s = as_scratch_new (p2);
    while (j0 < out_h) {
      int j1 = MIN (out_h, j0 + g_rand_int_range (r, 1, 7));
      as_plan_run_plane (p2, s, 0, (uint8_t *) stored, in_w * 2, (uint8_t *) b,
          out_w * 2, j0, j1);
      j0 = j1;
    }
    fail_unless (memcmp (a, b, out_w * out_h * 2) == 0,
        "%s stages: %dx%d -> %dx%d kernel %d %s model differ",
        msb ? "msb10" : "swap", in_w, in_h, out_w, out_h, cfg.kernel,
        p1->plane[0].m.model->name);
    as_scratch_free (s);
    as_plan_free (p1);
    as_plan_free (p2);
    g_free (stored);
    g_free (work);
    g_free (a);
    g_free (b);
  }
  g_rand_free (r);
}

GST_END_TEST;

/* Pillow's RGBA <-> RGBa stages over every (c, a) pair, at each alpha
 * position, in place and not, against the arithmetic written plainly:
 * round (c a / 255) (which MULDIV255 is, gen_golden_libs.py checks it
 * against Pillow) and min (255, 255 c / a), c kept where a is 0 or 255 */
GST_START_TEST (test_alpha_stages)
{
  uint8_t *src = g_malloc (4 * 65536), *dst = g_malloc (4 * 65536);

  for (int ka = 0; ka < 4; ka++) {
    AsPlaneDesc d = { 0 };

    d.alpha = ka + 1;
    for (int i = 0; i < 65536; i++)
      for (int k = 0; k < 4; k++)
        src[4 * i + k] = k == ka ? i & 255 : (uint8_t) ((i >> 8) + 85 * k);
    for (int inplace = 0; inplace < 2; inplace++) {
      uint8_t *o = dst;

      if (inplace) {
        memcpy (dst, src, 4 * 65536);
        as_stage_premultiply (dst, dst, 65536, &d);
      } else {
        as_stage_premultiply (dst, src, 65536, &d);
      }
      for (int i = 0; i < 65536; i++) {
        int a = src[4 * i + ka];
        for (int k = 0; k < 4; k++) {
          int c = src[4 * i + k];
          int want = k == ka ? a : (c * a + 127) / 255;
          fail_unless (o[4 * i + k] == want,
              "premultiply: c %d a %d (alpha at %d) gives %d, not %d", c, a, ka,
              o[4 * i + k], want);
        }
      }
      if (inplace) {
        memcpy (dst, src, 4 * 65536);
        as_stage_unpremultiply (dst, dst, 65536, &d);
      } else {
        as_stage_unpremultiply (dst, src, 65536, &d);
      }
      for (int i = 0; i < 65536; i++) {
        int a = src[4 * i + ka];
        for (int k = 0; k < 4; k++) {
          int c = src[4 * i + k];
          int want = k == ka || a == 0 || a == 255 ? c : MIN (255, 255 * c / a);
          fail_unless (o[4 * i + k] == want,
              "unpremultiply: c %d a %d (alpha at %d) gives %d, not %d", c, a,
              ka, o[4 * i + k], want);
        }
      }
    }
  }
  g_free (src);
  g_free (dst);
}

GST_END_TEST;

/* integer-model=pillow on an RGBA plane is the same plan on the
 * premultiplied plane, divided after, whatever the row ranges; equal sizes
 * are a copy (no round trip), unless a roi makes them Pillow's box */
GST_START_TEST (test_pillow_alpha_plan)
{
  static const AsKernel kernels[] = { AS_KERNEL_LINEAR, AS_KERNEL_CUBIC,
    AS_KERNEL_BOX, AS_KERNEL_HAMMING, AS_KERNEL_LANCZOS3 };
  GRand *r = g_rand_new_with_seed (77);

  for (int n = 0; n < 100; n++) {
    int in_w = g_rand_int_range (r, 1, 60), in_h = g_rand_int_range (r, 1, 40);
    int out_w = n % 7 == 3 ? in_w : g_rand_int_range (r, 1, 60);
    int out_h = n % 7 == 3 ? in_h : g_rand_int_range (r, 1, 40);
    int ka = n % 2 ? 0 : 3;
    AsConfig cfg = { AS_MAP_HALF_PIXEL, kernels[n % 5] };
    AsPlaneDesc alpha = { in_w, in_h, out_w, out_h, 4, 1, 1, 1, 0, 0, 8 };
    AsPlaneDesc plain = alpha;
    AsPlan *p1, *p2;
    AsScratch *s;
    size_t in_bytes = (size_t) in_w * in_h * 4;
    size_t out_bytes = (size_t) out_w * out_h * 4;
    uint8_t *src = g_malloc (in_bytes), *pre = g_malloc (in_bytes);
    uint8_t *a = g_malloc (out_bytes), *b = g_malloc (out_bytes);
    int j0 = 0;

    cfg.library = AS_LIBRARY_PILLOW;
    if (n % 14 == 10) {
      /* a box that is not the picture: no copy at equal sizes */
      cfg.mapping = AS_MAP_TF_CROP_AND_RESIZE;
      cfg.roi[0] = 0.25;
      cfg.roi[1] = 0.0;
      cfg.roi[2] = 0.75;
      cfg.roi[3] = 1.0;
    }
    alpha.alpha = ka + 1;
    for (size_t i = 0; i < in_bytes; i++)
      src[i] = g_rand_int_range (r, 0, 256);
    for (size_t i = 0; i < in_bytes; i += 4)
      if (g_rand_int_range (r, 0, 4) == 0)
        src[i + ka] = g_rand_boolean (r) ? 255 : 0;
    p1 = as_plan_new (&cfg, in_w, in_h, out_w, out_h, &plain, 1, NULL);
    p2 = as_plan_new (&cfg, in_w, in_h, out_w, out_h, &alpha, 1, NULL);
    fail_unless (p1 && p2);
    fail_unless (p2->plane[0].m.library == AS_LIBRARY_PILLOW);
    if (out_w == in_w && out_h == in_h && cfg.mapping == AS_MAP_HALF_PIXEL) {
      fail_unless (!p2->plane[0].m.premultiply && as_plan_is_identity (p2));
    } else {
      fail_unless (p2->plane[0].m.premultiply && !as_plan_is_identity (p2));
    }
    if (p2->plane[0].m.premultiply)
      as_stage_premultiply (pre, src, in_w * in_h, &alpha);
    else
      memcpy (pre, src, in_bytes);
    run_all (p1, 0, pre, in_w * 4, a, out_w * 4);
    if (p2->plane[0].m.premultiply)
      as_stage_unpremultiply (a, a, out_w * out_h, &alpha);
    s = as_scratch_new (p2);
    while (j0 < out_h) {
      int j1 = MIN (out_h, j0 + g_rand_int_range (r, 1, 7));
      as_plan_run_plane (p2, s, 0, src, in_w * 4, b, out_w * 4, j0, j1);
      j0 = j1;
    }
    fail_unless (memcmp (a, b, out_bytes) == 0,
        "RGBA %dx%d -> %dx%d kernel %d alpha at %d differs", in_w, in_h, out_w,
        out_h, cfg.kernel, ka);
    as_scratch_free (s);
    as_plan_free (p1);
    as_plan_free (p2);
    g_free (src);
    g_free (pre);
    g_free (a);
    g_free (b);
  }
  g_rand_free (r);
}

GST_END_TEST;

/* a packed 4:2:2 row (YUY2: Y0 U0 Y1 V0 ...) is two planes through
 * stages over the same bytes: Y at the even bytes, U and V pairs at the
 * odd ones; each pack writes only its own bytes */
static void
unpack_y (void *dst, const void *src, int width, const AsPlaneDesc *d)
{
  for (int i = 0; i < width; i++)
    ((uint8_t *) dst)[i] = ((const uint8_t *) src)[2 * i];
}

static void
pack_y (void *dst, const void *src, int width, const AsPlaneDesc *d)
{
  for (int i = 0; i < width; i++)
    ((uint8_t *) dst)[2 * i] = ((const uint8_t *) src)[i];
}

static void
unpack_uv (void *dst, const void *src, int width, const AsPlaneDesc *d)
{
  for (int i = 0; i < width; i++) {
    ((uint8_t *) dst)[2 * i] = ((const uint8_t *) src)[4 * i + 1];
    ((uint8_t *) dst)[2 * i + 1] = ((const uint8_t *) src)[4 * i + 3];
  }
}

static void
pack_uv (void *dst, const void *src, int width, const AsPlaneDesc *d)
{
  for (int i = 0; i < width; i++) {
    ((uint8_t *) dst)[4 * i + 1] = ((const uint8_t *) src)[2 * i];
    ((uint8_t *) dst)[4 * i + 3] = ((const uint8_t *) src)[2 * i + 1];
  }
}

GST_START_TEST (test_packed_422)
{
  GRand *r = g_rand_new_with_seed (16);

  for (int n = 0; n < 150; n++) {
    int in_w = 2 * g_rand_int_range (r, 1, 40),
        in_h = g_rand_int_range (r, 1, 30);
    int out_w = 2 * g_rand_int_range (r, 1, 40),
        out_h = g_rand_int_range (r, 1, 30);
    int cw = in_w / 2, ocw = out_w / 2;
    AsConfig cfg;
    /* the planar twins, then the same planes stored packed */
    AsPlaneDesc planar[2] = {
      { in_w, in_h, out_w, out_h, 1, 1, 1, 1, 0, 0 },
      { cw, in_h, ocw, out_h, 2, 1, 2, 1, 0, 0 },
    };
    AsPlaneDesc packed[2];
    AsPlan *pp, *pk;
    AsScratch *s;
    uint8_t *yuyv = g_malloc (in_w * 2 * in_h), *y = g_malloc (in_w * in_h);
    uint8_t *uv = g_malloc (cw * 2 * in_h), *oy = g_malloc0 (out_w * out_h);
    uint8_t *ouv = g_malloc0 (ocw * 2 * out_h);
    uint8_t *a = g_malloc0 (out_w * 2 * out_h),
            *b = g_malloc0 (out_w * 2 * out_h);
    int j0 = 0;

    random_config (r, &cfg, n % 3 == 0);
    memcpy (packed, planar, sizeof (planar));
    packed[0].unpack = unpack_y;
    packed[0].pack = pack_y;
    packed[1].unpack = unpack_uv;
    packed[1].pack = pack_uv;
    pp = as_plan_new (&cfg, in_w, in_h, out_w, out_h, planar, 2, NULL);
    pk = as_plan_new (&cfg, in_w, in_h, out_w, out_h, packed, 2, NULL);
    fail_unless (pp && pk);
    for (int i = 0; i < in_w * 2 * in_h; i++)
      yuyv[i] = g_rand_int_range (r, 0, 256);
    for (int j = 0; j < in_h; j++) {
      unpack_y (y + j * in_w, yuyv + j * in_w * 2, in_w, NULL);
      unpack_uv (uv + j * cw * 2, yuyv + j * in_w * 2, cw, NULL);
    }
    /* planar, then interleaved by hand */
    run_all (pp, 0, y, in_w, oy, out_w);
    run_all (pp, 1, uv, cw * 2, ouv, ocw * 2);
    for (int j = 0; j < out_h; j++) {
      pack_y (a + j * out_w * 2, oy + j * out_w, out_w, NULL);
      pack_uv (a + j * out_w * 2, ouv + j * ocw * 2, ocw, NULL);
    }
    /* packed: both planes on the same bytes, in row ranges */
    s = as_scratch_new (pk);
    while (j0 < out_h) {
      int j1 = MIN (out_h, j0 + g_rand_int_range (r, 1, 6));
      for (int p = 0; p < 2; p++)
        as_plan_run_plane (pk, s, p, yuyv, in_w * 2, b, out_w * 2, j0, j1);
      j0 = j1;
    }
    fail_unless (memcmp (a, b, out_w * 2 * out_h) == 0,
        "packed 4:2:2 %dx%d -> %dx%d kernel %d differs from planar", in_w, in_h,
        out_w, out_h, cfg.kernel);
    as_scratch_free (s);
    as_plan_free (pp);
    as_plan_free (pk);
    g_free (yuyv);
    g_free (y);
    g_free (uv);
    g_free (oy);
    g_free (ouv);
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
        &cfg, 2 * out_w, 2 * out_h, out_w, out_h, &d, 1, NULL);
    ptrdiff_t sstride = GST_ROUND_UP_4 (2 * out_w * ch);
    ptrdiff_t dstride = GST_ROUND_UP_4 (out_w * ch);
    guint32 *srcw = g_new (guint32, sstride * 2 * out_h / 4);
    uint8_t *src = (uint8_t *) srcw, *a = g_malloc (dstride * out_h);
    uint8_t *b = g_malloc (dstride * out_h);

    fail_unless (
        plan && plan->plane[0].m.one_box2, "2x downscale not on box path");
    for (gsize i = 0; i < (gsize) sstride * 2 * out_h; i++)
      src[i] = g_rand_int_range (r, 0, 256);
    memset (a, 0, dstride * out_h);
    memset (b, 0, dstride * out_h);
    run_all (plan, 0, src, sstride, a, dstride);
    plan->plane[0].m.one_box2 = 0;
    plan->plane[0].m.v_one = NULL;
    run_all (plan, 0, src, sstride, b, dstride);
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
    AsPlan *p1 = as_plan_new (&ac, 64, 64, 32, 32, &luma, 1, NULL);
    AsPlan *p2 = as_plan_new (&hp, 64, 64, 32, 32, &left, 1, NULL);
    fail_if (p1->plane[0].m.one_box2);
    fail_if (p2->plane[0].m.one_box2);
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
    plan = as_plan_new (&cfg, in_w, in_h, out_w, out_h, &d, 1, NULL);
    sstride = in_w * ch + 5;
    dstride = out_w * ch + 3;
    src = g_malloc (sstride * in_h);
    a = g_malloc0 (dstride * out_h);
    b = g_malloc0 (dstride * out_h);
    fail_unless (plan
        && (plan->plane[0].m.v_one || plan->plane[0].m.h_one)
            == (in_w == out_w || in_h == out_h));
    for (gsize i = 0; i < (gsize) sstride * in_h; i++)
      src[i] = g_rand_int_range (r, 0, 256);
    run_all (plan, 0, src, sstride, a, dstride);
    plan->plane[0].m.v_one = NULL;
    plan->plane[0].m.h_one = NULL;
    for (int o = 0; o < 2; o++) {
      plan->plane[0].h_first = o;
      run_all (plan, 0, src, sstride, b, dstride);
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
        plan = as_plan_new (&cfg, in_w, 2, out_w, 2, &d, 1, NULL);
        fail_unless (plan != NULL);
        pp = &plan->plane[0];
        exact += is_exact (pp);
        fixed += !is_exact (pp);
        fail_unless (is_exact (pp) || pp->m.bound <= 0.5);
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
        run_all (
            plan, 0, src, (ptrdiff_t) in_w * bps, dst, (ptrdiff_t) out_w * bps);
        for (int j = 0; j < 2; j++)
          for (int i = 0; i < out_w; i++) {
            double e = CLAMP (
                reference (pp, src, (ptrdiff_t) in_w * bps, i, j, 0), 0, max);
            double got = sample (dst, (ptrdiff_t) out_w * bps, bps, i, j);
            if (G_UNLIKELY (fabs (got - e) >= 1.0))
              fail ("%d -> %d bps %d kernel %d (%s model, bound %.3f): row %d"
                    " sample %d is %g, float %.4f",
                  in_w, out_w, bps, k, pp->m.model->name, pp->m.bound, j, i,
                  got, e);
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
  tcase_add_test (tc, test_c_table);
  tcase_add_test (tc, test_row_ranges);
  tcase_add_test (tc, test_depth);
  tcase_add_test (tc, test_stages);
  tcase_add_test (tc, test_alpha_stages);
  tcase_add_test (tc, test_pillow_alpha_plan);
  tcase_add_test (tc, test_packed_422);
  tcase_add_test (tc, test_model_bounds);
  return s;
}

GST_CHECK_MAIN (plan);
