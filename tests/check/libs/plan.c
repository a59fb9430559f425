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
/* 2:1 chroma co-sited horizontally, centred vertically (NV12's) takes
 * the weighted 2x2 box (AS_V_BOX2W): the same bytes as the generic passes
 * of the same plan, in either order */
GST_START_TEST (test_box2w_path)
{
  GRand *r = g_rand_new_with_seed (10);

  for (int n = 0; n < 40; n++) {
    int ch = 1 + n % 2, out_w = g_rand_int_range (r, 1, 200);
    int out_h = g_rand_int_range (r, 1, 60);
    AsConfig cfg = { AS_MAP_HALF_PIXEL, AS_KERNEL_LINEAR, -0.75 };
    AsPlaneDesc d = { 2 * out_w, 2 * out_h, out_w, out_h, ch, 1, 2, 2, 0, 1 };
    AsPlan *plan = as_plan_new (
        &cfg, 4 * out_w, 4 * out_h, 2 * out_w, 2 * out_h, &d, 1, NULL);
    ptrdiff_t sstride = 2 * out_w * ch + 3, dstride = out_w * ch + 1;
    uint8_t *src = g_malloc (sstride * 2 * out_h);
    uint8_t *a = g_malloc0 (dstride * out_h), *b = g_malloc0 (dstride * out_h);

    fail_unless (plan && plan->plane[0].m.v_one == plan->dsp.v[AS_V_BOX2W],
        "co-sited 2:1 chroma not on the weighted box path: %dx%d ch %d", out_w,
        out_h, ch);
    for (gsize i = 0; i < (gsize) sstride * 2 * out_h; i++)
      src[i] = g_rand_int_range (r, 0, 4) ? g_rand_int_range (r, 0, 256)
                                          : 255 * g_rand_int_range (r, 0, 2);
    run_all (plan, 0, src, sstride, a, dstride);
    plan->plane[0].m.v_one = NULL;
    for (int o = 0; o < 2; o++) {
      plan->plane[0].h_first = o;
      memset (b, 0, dstride * out_h);
      run_all (plan, 0, src, sstride, b, dstride);
      fail_unless (memcmp (a, b, dstride * out_h) == 0,
          "weighted box path differs: %dx%d ch %d %s-first", out_w, out_h, ch,
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

/* ---- crop and pad (AsConfig.crop, .rect, .pad) */

/* a frame layout: working planes (channels, bytes, depth, subsampling);
 * packed: planes 0 and 1 are YUY2's Y and UV over the same bytes (the
 * stages of test_packed_422) */
typedef struct
{
  int ch, bps, depth, r_h, r_v;
} TPlane;

typedef struct
{
  const char *name;
  int n;
  TPlane pl[3];
  int packed;
  int alpha; /* 1 + the alpha channel of plane 0 (Pillow premultiplies) */
} TLayout;

static const TLayout layouts[] = {
  { "GRAY8", 1, { { 1, 1, 8, 1, 1 } } },
  { "RGBA", 1, { { 4, 1, 8, 1, 1 } }, 0, 4 },
  { "RGB", 1, { { 3, 1, 8, 1, 1 } } },
  { "GRAY16", 1, { { 1, 2, 16, 1, 1 } } },
  { "GRAY10", 1, { { 1, 2, 10, 1, 1 } } },
  { "I420", 3, { { 1, 1, 8, 1, 1 }, { 1, 1, 8, 2, 2 }, { 1, 1, 8, 2, 2 } } },
  { "NV12", 2, { { 1, 1, 8, 1, 1 }, { 2, 1, 8, 2, 2 } } },
  { "Y42B", 3, { { 1, 1, 8, 1, 1 }, { 1, 1, 8, 2, 1 }, { 1, 1, 8, 2, 1 } } },
  { "Y41B", 3, { { 1, 1, 8, 1, 1 }, { 1, 1, 8, 4, 1 }, { 1, 1, 8, 4, 1 } } },
  { "P016", 2, { { 1, 2, 16, 1, 1 }, { 2, 2, 16, 2, 2 } } },
  { "I420_10", 3,
      { { 1, 2, 10, 1, 1 }, { 1, 2, 10, 2, 2 }, { 1, 2, 10, 2, 2 } } },
  { "YUY2", 2, { { 1, 1, 8, 1, 1 }, { 2, 1, 8, 2, 1 } }, 1 },
};

/* one working plane in memory */
typedef struct
{
  int w, h;
  size_t px;
  ptrdiff_t stride;
  uint8_t *data;
} TBuf;

static void
tbuf_init (TBuf *b, int w, int h, const TPlane *t, int extra)
{
  b->w = w;
  b->h = h;
  b->px = (size_t) t->ch * t->bps;
  b->stride = (ptrdiff_t) (b->px * w + (size_t) extra * t->bps);
  b->data = g_malloc0 ((gsize) b->stride * h + 16);
}

static uint8_t *
tbuf_at (const TBuf *b, int x, int y)
{
  return b->data + b->stride * y + b->px * x;
}

/* the samples whose block of r pixels meets [x, x + w) of an axis of
 * full pixels: [*a, *a + *n) (w == 0: all ceil (full / r)) */
static void
block_span (int x, int w, int full, int r, int *a, int *n)
{
  if (w == 0) {
    *a = 0;
    *n = (full + r - 1) / r;
    return;
  }
  *a = x / r;
  *n = (x + w + r - 1) / r - *a;
}

/* the pad code the plan must write for v: rounded half up, clamped */
static int
pad_code (double v, int maxval)
{
  return v >= 0 ? (int) floor (MIN (v, (double) maxval) + 0.5) : 0;
}

static int
sample_at (const uint8_t *p, int bps, int c)
{
  return bps == 1 ? p[c] : ((const uint16_t *) p)[c];
}

/* a random region <x, y, w, h> of a w x h picture: the whole (w == 0 or
 * spelt out), or any inside, offsets odd or even */
static void
random_region (GRand *r, int full_w, int full_h, int *b)
{
  int k = g_rand_int_range (r, 0, 8);

  memset (b, 0, 4 * sizeof (int));
  if (k == 0)
    return;
  if (k == 1) {
    b[2] = full_w;
    b[3] = full_h;
    return;
  }
  b[0] = g_rand_int_range (r, 0, full_w);
  b[1] = g_rand_int_range (r, 0, full_h);
  b[2] = g_rand_int_range (r, 1, full_w - b[0] + 1);
  b[3] = g_rand_int_range (r, 1, full_h - b[1] + 1);
}

/* The placed plan (crop, rectangle, pad) on a frame against the plain
 * plan of the same configuration on the crop alone, resized to the
 * rectangle's size; compared counts the subsampled planes whose bytes
 * were compared (their crop and rectangle start on block boundaries). */
static void
check_placed (GRand *r, const TLayout *lay, AsConfig *cfg, int in_w, int in_h,
    int out_w, int out_h, const AsDsp *dsp, guint *compared)
{
  int cw = cfg->crop[2] ? cfg->crop[2] : in_w;
  int ch = cfg->crop[2] ? cfg->crop[3] : in_h;
  int rw = cfg->rect[2] ? cfg->rect[2] : out_w;
  int rh = cfg->rect[2] ? cfg->rect[3] : out_h;
  AsPlaneDesc fd[3], cd[3];
  TBuf in[3], crop[3], plain[3], out[2][3];
  AsConfig plain_cfg = *cfg;
  AsPlan *placed, *ref;
  uint8_t *packed_in = NULL, *packed_out[2] = { NULL, NULL };
  ptrdiff_t pk_in = 0, pk_out = 0;
  double pads[2][3][4];

  memset (plain_cfg.crop, 0, sizeof (plain_cfg.crop));
  memset (plain_cfg.rect, 0, sizeof (plain_cfg.rect));
  memset (plain_cfg.pad, 0, sizeof (plain_cfg.pad));
  for (int p = 0; p < lay->n; p++) {
    const TPlane *t = &lay->pl[p];
    int maxval = (1 << t->depth) - 1;
    int sx, sw, sy, sh, dw, dh, a;

    fd[p] = (AsPlaneDesc){ (in_w + t->r_h - 1) / t->r_h,
      (in_h + t->r_v - 1) / t->r_v, (out_w + t->r_h - 1) / t->r_h,
      (out_h + t->r_v - 1) / t->r_v, t->ch, t->bps, t->r_h, t->r_v,
      t->r_h > 1 ? g_rand_int_range (r, 0, 2) * (t->r_h - 1) : 0,
      t->r_v > 1 ? g_rand_int_range (r, 0, 2) * (t->r_v - 1) : 0, t->depth };
    if (lay->packed) /* YUY2's siting is cosited horizontally */
      fd[p].o2_h = 0;
    if (p == 0)
      fd[p].alpha = g_rand_boolean (r) ? lay->alpha : 0;
    block_span (cfg->crop[0], cfg->crop[2], in_w, t->r_h, &sx, &sw);
    block_span (
        cfg->crop[1], cfg->crop[2] ? cfg->crop[3] : 0, in_h, t->r_v, &sy, &sh);
    block_span (cfg->rect[0], cfg->rect[2], out_w, t->r_h, &a, &dw);
    block_span (
        cfg->rect[1], cfg->rect[2] ? cfg->rect[3] : 0, out_h, t->r_v, &a, &dh);
    cd[p] = fd[p];
    cd[p].in_w = sw;
    cd[p].in_h = sh;
    cd[p].out_w = dw;
    cd[p].out_h = dh;
    tbuf_init (&in[p], fd[p].in_w, fd[p].in_h, t, g_rand_int_range (r, 0, 5));
    tbuf_init (&crop[p], sw, sh, t, 0);
    tbuf_init (&plain[p], dw, dh, t, 1);
    for (int k = 0; k < 2; k++)
      tbuf_init (
          &out[k][p], fd[p].out_w, fd[p].out_h, t, g_rand_int_range (r, 0, 3));
    for (int y = 0; y < in[p].h; y++)
      for (int x = 0; x < in[p].w * t->ch; x++) {
        int v = g_rand_int_range (r, 0, maxval + 1);
        uint8_t *o = tbuf_at (&in[p], 0, y);
        if (t->bps == 1)
          o[x] = v;
        else
          ((uint16_t *) o)[x] = v;
      }
    for (int y = 0; y < sh; y++)
      memcpy (tbuf_at (&crop[p], 0, y), tbuf_at (&in[p], sx, sy + y),
          in[p].px * sw);
    /* two pads: a sample that is the picture's does not follow them */
    for (int k = 0; k < 2; k++)
      for (int c = 0; c < 4; c++)
        pads[k][p][c] = g_rand_double_range (r, -20.0, maxval + 20.0);
  }

  ref = as_plan_new (&plain_cfg, cw, ch, rw, rh, cd, lay->n, dsp);
  fail_unless (ref != NULL, "%s: plain plan", lay->name);
  for (int p = 0; p < lay->n; p++) {
    AsScratch *s = as_scratch_new (ref);
    as_plan_run_plane (ref, s, p, crop[p].data, crop[p].stride, plain[p].data,
        plain[p].stride, 0, plain[p].h);
    as_scratch_free (s);
  }

  if (lay->packed) {
    /* the frame stored as YUY2: both planes through their stages */
    fd[0].unpack = unpack_y;
    fd[0].pack = pack_y;
    fd[1].unpack = unpack_uv;
    fd[1].pack = pack_uv;
    pk_in = 4 * fd[1].in_w + 2;
    pk_out = 4 * fd[1].out_w + 4;
    packed_in = g_malloc0 (pk_in * in_h + 16);
    for (int k = 0; k < 2; k++)
      packed_out[k] = g_malloc0 (pk_out * out_h + 16);
    for (int y = 0; y < in_h; y++) {
      pack_y (packed_in + pk_in * y, tbuf_at (&in[0], 0, y), in_w, NULL);
      pack_uv (packed_in + pk_in * y, tbuf_at (&in[1], 0, y), fd[1].in_w, NULL);
    }
  }

  for (int k = 0; k < 2; k++) {
    AsScratch *s1, *s2;

    memcpy (cfg->pad, pads[k], sizeof (pads[k]));
    placed = as_plan_new (cfg, in_w, in_h, out_w, out_h, fd, lay->n, dsp);
    fail_unless (placed != NULL, "%s: placed plan", lay->name);
    s1 = as_scratch_new (placed);
    s2 = as_scratch_new (placed);
    for (int p = 0; p < lay->n; p++) {
      int j0 = 0;
      /* random row ranges on two scratches: n-threads' slices */
      while (j0 < fd[p].out_h) {
        int j1 = MIN (fd[p].out_h, j0 + g_rand_int_range (r, 1, 9));
        if (lay->packed)
          as_plan_run_plane (placed, j0 % 2 ? s1 : s2, p, packed_in, pk_in,
              packed_out[k], pk_out, j0, j1);
        else
          as_plan_run_plane (placed, j0 % 2 ? s1 : s2, p, in[p].data,
              in[p].stride, out[k][p].data, out[k][p].stride, j0, j1);
        j0 = j1;
      }
    }
    if (lay->packed)
      for (int y = 0; y < out_h; y++) {
        unpack_y (tbuf_at (&out[k][0], 0, y), packed_out[k] + pk_out * y, out_w,
            NULL);
        unpack_uv (tbuf_at (&out[k][1], 0, y), packed_out[k] + pk_out * y,
            fd[1].out_w, NULL);
      }
    as_scratch_free (s1);
    as_scratch_free (s2);
    as_plan_free (placed);
  }

  for (int p = 0; p < lay->n; p++) {
    const TPlane *t = &lay->pl[p];
    int maxval = (1 << t->depth) - 1;
    int dx, dw, dy, dh;
    /* the chroma is the plain resize's where the crop and the rectangle
     * start on block boundaries */
    gboolean same = cfg->crop[0] % t->r_h == 0 && cfg->crop[1] % t->r_v == 0
        && cfg->rect[0] % t->r_h == 0 && cfg->rect[1] % t->r_v == 0;

    block_span (cfg->rect[0], cfg->rect[2], out_w, t->r_h, &dx, &dw);
    block_span (
        cfg->rect[1], cfg->rect[2] ? cfg->rect[3] : 0, out_h, t->r_v, &dy, &dh);
    *compared += same && (t->r_h > 1 || t->r_v > 1);
    for (int y = 0; y < fd[p].out_h; y++)
      for (int x = 0; x < fd[p].out_w; x++) {
        gboolean inside = x >= dx && x < dx + dw && y >= dy && y < dy + dh;
        for (int c = 0; c < t->ch; c++) {
          int a = sample_at (tbuf_at (&out[0][p], x, y), t->bps, c);
          int b = sample_at (tbuf_at (&out[1][p], x, y), t->bps, c);
          if (!inside) {
            fail_unless (a == pad_code (pads[0][p][c], maxval)
                    && b == pad_code (pads[1][p][c], maxval),
                "%s plane %d (%d,%d,%d) outside the picture is %d / %d, not"
                " the pad %g / %g",
                lay->name, p, x, y, c, a, b, pads[0][p][c], pads[1][p][c]);
            continue;
          }
          fail_unless (a == b,
              "%s plane %d (%d,%d,%d) inside the picture follows the pad",
              lay->name, p, x, y, c);
          if (same) {
            int want = sample_at (
                tbuf_at (&plain[p], x - dx, y - dy), t->bps, c);
            fail_unless (a == want,
                "%s %dx%d crop <%d,%d,%d,%d> -> %dx%d rect <%d,%d,%d,%d>"
                " kernel %d map %d library %d: plane %d (%d,%d,%d) is %d, the"
                " plain resize %d",
                lay->name, in_w, in_h, cfg->crop[0], cfg->crop[1], cfg->crop[2],
                cfg->crop[3], out_w, out_h, cfg->rect[0], cfg->rect[1],
                cfg->rect[2], cfg->rect[3], cfg->kernel, cfg->mapping,
                cfg->library, p, x, y, c, a, want);
          }
        }
      }
  }

  as_plan_free (ref);
  for (int p = 0; p < lay->n; p++) {
    g_free (in[p].data);
    g_free (crop[p].data);
    g_free (plain[p].data);
    g_free (out[0][p].data);
    g_free (out[1][p].data);
  }
  g_free (packed_in);
  g_free (packed_out[0]);
  g_free (packed_out[1]);
}

/* Crop and pad: the picture inside the rectangle is, byte for byte, the
 * plain resize of the crop to the rectangle's size (every layout, method,
 * mapping, integer model, with ORC and with the C rows), in any row
 * ranges; every other sample is the pad (rounded, clamped); a subsampled
 * plane's picture is the samples whose block meets the rectangle, equal
 * to the plain resize's where crop and rectangle start on block
 * boundaries, and independent of the pad elsewhere. */
GST_START_TEST (test_crop_rect)
{
  GRand *r = g_rand_new_with_seed (21);
  guint compared = 0;
  AsDsp c;

  as_dsp_init_c (&c);
  for (int n = 0; n < 700; n++) {
    const TLayout *lay = &layouts[n % G_N_ELEMENTS (layouts)];
    int in_w = g_rand_int_range (r, 1, 60), in_h = g_rand_int_range (r, 1, 40);
    int out_w = g_rand_int_range (r, 1, 60),
        out_h = g_rand_int_range (r, 1, 40);
    AsConfig cfg;

    random_config (r, &cfg, n % 3 == 0);
    cfg.library = g_rand_int_range (r, 0, 3);
    cfg.variant = g_rand_int_range (r, 0, 4) == 0;
    if (n % 5 == 1)
      cfg.antialias = 1;
    random_region (r, in_w, in_h, cfg.crop);
    random_region (r, out_w, out_h, cfg.rect);
    check_placed (r, lay, &cfg, in_w, in_h, out_w, out_h,
        n % 4 == 3 ? &c : NULL, &compared);
  }
  fail_unless (compared > 100, "only %u chroma planes compared", compared);
  g_rand_free (r);
}

GST_END_TEST;

/* half-pixel bilinear of a plane (w samples), coordinate clamped to
 * [lo, hi - 1] */
static double
lerp_at (const uint8_t *row, ptrdiff_t step, double x, int lo, int hi)
{
  int i0;
  double f;

  x = x < lo ? lo : x > hi - 1 ? hi - 1 : x;
  i0 = (int) floor (x);
  f = x - i0;
  return row[step * i0] * (1 - f)
      + (f > 0 ? row[step * MIN (i0 + 1, hi - 1)] * f : 0);
}

/* the picture's luma mapping (crop-local source coordinate of picture
 * pixel u): half-pixel, or tf-crop-and-resize's roi corners aligned */
static double
pic_map (const AsConfig *cfg, int vertical, double u, int in, int out)
{
  double a = cfg->roi[vertical], b = cfg->roi[vertical + 2];

  if (cfg->mapping != AS_MAP_TF_CROP_AND_RESIZE)
    return (u + 0.5) * in / out - 0.5;
  return out > 1 ? a * (in - 1) + u * (b - a) * (in - 1) / (out - 1)
                 : 0.5 * (a + b) * (in - 1);
}

/* tf-crop-and-resize: a chroma sample (block of 2 output pixels from
 * 2 j, picture starting at luma r0) is outside when every picture pixel
 * of its block maps outside the crop */
static gboolean
chroma_outside (
    const AsConfig *cfg, int vertical, int j, int r0, int in, int out)
{
  if (cfg->mapping != AS_MAP_TF_CROP_AND_RESIZE)
    return FALSE;
  for (int i = MAX (0, 2 * j - r0); i < 2 * j - r0 + 2 && i < out; i++) {
    double x = pic_map (cfg, vertical, i, in, out);
    if (x >= 0 && x <= in - 1)
      return FALSE;
  }
  return TRUE;
}

/* The chroma rule where crop or rectangle start inside a 4:2:0 block (and
 * on whole frames, the plain plan's chroma): a chroma sample is the
 * picture's when its block meets the rectangle, and
 * is then the picture's own mapping evaluated at its siting (bilinear,
 * half-pixel or tf-crop-and-resize: the luma coordinate of the sample's
 * siting through the crop-to-rectangle map, read at the crop's chroma
 * samples, taps clamped to the chroma samples whose block meets the crop;
 * tf-crop-and-resize's extrapolation value where every picture pixel of
 * the block maps outside), within one code of that float value; every
 * other sample is the pad. */
GST_START_TEST (test_crop_rect_chroma)
{
  GRand *r = g_rand_new_with_seed (22);
  guint outside = 0;

  for (int n = 0; n < 300; n++) {
    int in_w = g_rand_int_range (r, 2, 50), in_h = g_rand_int_range (r, 2, 40);
    int out_w = g_rand_int_range (r, 2, 50),
        out_h = g_rand_int_range (r, 2, 40);
    int o2h = g_rand_int_range (r, 0, 2), o2v = g_rand_int_range (r, 0, 2);
    int ciw = (in_w + 1) / 2, cih = (in_h + 1) / 2;
    int cow = (out_w + 1) / 2, coh = (out_h + 1) / 2;
    AsConfig cfg = { n % 2 ? AS_MAP_TF_CROP_AND_RESIZE : AS_MAP_HALF_PIXEL,
      AS_KERNEL_LINEAR };
    AsPlaneDesc d[2] = {
      { in_w, in_h, out_w, out_h, 1, 1, 1, 1, 0, 0 },
      { ciw, cih, cow, coh, 1, 1, 2, 2, o2h, o2v },
    };
    uint8_t *src = g_malloc (ciw * cih), *dst = g_malloc (cow * coh);
    int cr[4], rc[4], k0x, k1x, k0y, k1y;
    AsPlan *plan;

    /* crop and rectangle, or the whole frames (the plain plan: its chroma
     * obeys the same mapping) */
    random_region (r, in_w, in_h, cfg.crop);
    random_region (r, out_w, out_h, cfg.rect);
    memcpy (cr, cfg.crop, sizeof (cr));
    memcpy (rc, cfg.rect, sizeof (rc));
    if (!cr[2]) {
      cr[2] = in_w;
      cr[3] = in_h;
    }
    if (!rc[2]) {
      rc[2] = out_w;
      rc[3] = out_h;
    }
    cfg.pad[1][0] = 7;
    for (int k = 0; k < 4; k++)
      cfg.roi[k] = g_rand_double_range (r, -0.4, 1.4);
    cfg.extrapolation = g_rand_double (r);
    for (int i = 0; i < ciw * cih; i++)
      src[i] = g_rand_int_range (r, 0, 256);
    plan = as_plan_new (&cfg, in_w, in_h, out_w, out_h, d, 2, NULL);
    fail_unless (plan != NULL);
    run_all (plan, 1, src, ciw, dst, cow);
    k0x = cr[0] / 2;
    k1x = (cr[0] + cr[2] + 1) / 2;
    k0y = cr[1] / 2;
    k1y = (cr[1] + cr[3] + 1) / 2;
    for (int j = 0; j < coh; j++)
      for (int i = 0; i < cow; i++) {
        gboolean inside = 2 * i + 1 >= rc[0] && 2 * i < rc[0] + rc[2]
            && 2 * j + 1 >= rc[1] && 2 * j < rc[1] + rc[3];
        /* the siting in picture luma pixels, through the half-pixel map
         * of the crop, to the source chroma grid */
        double ux = 2 * i + o2h / 2.0 - rc[0], uy = 2 * j + o2v / 2.0 - rc[1];
        double sx = (pic_map (&cfg, 0, ux, cr[2], rc[2]) + cr[0] - o2h / 2.0)
            / 2;
        double sy = (pic_map (&cfg, 1, uy, cr[3], rc[3]) + cr[1] - o2v / 2.0)
            / 2;
        double v0, v1, fy, e;
        int y0;

        if (!inside) {
          fail_unless (dst[j * cow + i] == 7, "(%d,%d) outside is %d", i, j,
              dst[j * cow + i]);
          continue;
        }
        if (chroma_outside (&cfg, 0, i, rc[0], cr[2], rc[2])
            || chroma_outside (&cfg, 1, j, rc[1], cr[3], rc[3])) {
          int fill = (int) floor (cfg.extrapolation * 255 + 0.5);
          fail_unless (dst[j * cow + i] == fill,
              "tf-crop-and-resize chroma (%d,%d) maps outside: %d, not the"
              " extrapolation value %d",
              i, j, dst[j * cow + i], fill);
          outside++;
          continue;
        }
        sy = sy < k0y ? k0y : sy > k1y - 1 ? k1y - 1 : sy;
        y0 = (int) floor (sy);
        fy = sy - y0;
        v0 = lerp_at (src + ciw * y0, 1, sx, k0x, k1x);
        v1 = lerp_at (src + ciw * MIN (y0 + 1, k1y - 1), 1, sx, k0x, k1x);
        e = v0 * (1 - fy) + v1 * fy;
        fail_unless (fabs (dst[j * cow + i] - e) < 1.0,
            "%dx%d crop <%d,%d,%d,%d> -> %dx%d rect <%d,%d,%d,%d> siting"
            " %d,%d map %d roi <%g,%g,%g,%g>: chroma (%d,%d) is %d, the"
            " picture's map gives %f",
            in_w, in_h, cr[0], cr[1], cr[2], cr[3], out_w, out_h, rc[0], rc[1],
            rc[2], rc[3], o2h, o2v, cfg.mapping, cfg.roi[0], cfg.roi[1],
            cfg.roi[2], cfg.roi[3], i, j, dst[j * cow + i], e);
      }
    as_plan_free (plan);
    g_free (src);
    g_free (dst);
  }
  fail_unless (outside > 100, "only %u samples mapped outside", outside);
  g_rand_free (r);
}

GST_END_TEST;

/* crops and rectangles outside the picture, negative, empty or
 * overflowing are refused; whole ones are the default's plan */
GST_START_TEST (test_crop_rect_refused)
{
  static const int bad[][4] = { { -1, 0, 4, 4 }, { 0, -1, 4, 4 },
    { 1, 0, 16, 8 }, { 0, 1, 16, 8 }, { 0, 0, 17, 8 }, { 0, 0, 4, 0 },
    { 0, 0, -4, 4 }, { 2147483647, 0, 1, 1 }, { 8, 0, 2147483647, 1 },
    { 0, 2147483647, 1, 2147483647 } };
  AsPlaneDesc d = { 16, 8, 16, 8, 1, 1, 1, 1, 0, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    for (int which = 0; which < 2; which++) {
      AsConfig cfg = { AS_MAP_HALF_PIXEL, AS_KERNEL_LINEAR };
      memcpy (which ? cfg.rect : cfg.crop, bad[i], sizeof (bad[i]));
      fail_unless (as_plan_new (&cfg, 16, 8, 16, 8, &d, 1, NULL) == NULL,
          "%s <%d,%d,%d,%d> accepted", which ? "rect" : "crop", bad[i][0],
          bad[i][1], bad[i][2], bad[i][3]);
    }
  {
    AsConfig cfg = { AS_MAP_HALF_PIXEL, AS_KERNEL_LINEAR };
    AsPlan *plan;

    cfg.crop[2] = 16;
    cfg.crop[3] = 8;
    cfg.rect[2] = 16;
    cfg.rect[3] = 8;
    plan = as_plan_new (&cfg, 16, 8, 16, 8, &d, 1, NULL);
    fail_unless (plan && as_plan_is_identity (plan));
    as_plan_free (plan);
    cfg.rect[2] = 15;
    plan = as_plan_new (&cfg, 16, 8, 16, 8, &d, 1, NULL);
    fail_unless (plan && !as_plan_is_identity (plan));
    as_plan_free (plan);
  }
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
  tcase_add_test (tc, test_box2w_path);
  tcase_add_test (tc, test_lerp_1d);
  tcase_add_test (tc, test_c_table);
  tcase_add_test (tc, test_row_ranges);
  tcase_add_test (tc, test_depth);
  tcase_add_test (tc, test_stages);
  tcase_add_test (tc, test_alpha_stages);
  tcase_add_test (tc, test_pillow_alpha_plan);
  tcase_add_test (tc, test_packed_422);
  tcase_add_test (tc, test_model_bounds);
  tcase_add_test (tc, test_crop_rect);
  tcase_add_test (tc, test_crop_rect_chroma);
  tcase_add_test (tc, test_crop_rect_refused);
  return s;
}

GST_CHECK_MAIN (plan);
