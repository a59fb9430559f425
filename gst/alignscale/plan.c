/* alignscale: scaling plan (per-plane tables, pass order, scratch)
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"
#include "kernels.h"

#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define MAX3(a, b, c) MAX (MAX ((a), (b)), (c))

/* relative cost of one tap: horizontal taps gather, vertical taps stream;
 * 2 picks the faster order (or one within 3 %) in 24 plan timings of 12
 * sizes x bilinear/bicubic (bench/ scenarios and more; SSE, ORC 0.4.33) */
#define COST_H 2.0
#define COST_V 1.0

/* an H-first ring (n_y lines of the output width) larger than this runs
 * V-first instead (one line of the input width): absurd windows must not
 * cost gigabytes of scratch */
#define MAX_RING_BYTES ((size_t) 64 << 20)

/* the fixed-point models run a plane while their worst-case error stays
 * below half a code: with the final rounding, every output is then within
 * one code of the float result (README) */
#define MAX_BOUND 0.5

/* §2.3: the rounding a user's nearest mode means on this axis. AUTO on a
 * full-size axis is PyTorch's own float32 index arithmetic. */
static AsNearestRule
axis_nearest_rule (const AsConfig *cfg, int full_size)
{
  switch (cfg->nearest_mode) {
    case AS_NEAREST_MODE_ROUND_PREFER_FLOOR:
      return AS_NEAREST_HALF_DOWN;
    case AS_NEAREST_MODE_ROUND_PREFER_CEIL:
      return AS_NEAREST_HALF_UP;
    case AS_NEAREST_MODE_FLOOR:
      return AS_NEAREST_FLOOR;
    case AS_NEAREST_MODE_CEIL:
      return AS_NEAREST_CEIL;
    case AS_NEAREST_MODE_AUTO:
    default:
      switch (cfg->mapping) {
        case AS_MAP_HALF_PIXEL:
          return full_size ? AS_NEAREST_TORCH_EXACT : AS_NEAREST_HALF_UP;
        case AS_MAP_ASYMMETRIC:
          return full_size ? AS_NEAREST_TORCH_LEGACY : AS_NEAREST_FLOOR;
        case AS_MAP_TF_HALF_PIXEL_FOR_NN:
          return AS_NEAREST_FLOOR;
        default:
          return AS_NEAREST_HALF_DOWN;
      }
  }
}

/* taps (1/2, 1/2) at 2i, 2i + 1 for every output i: bilinear half-pixel
 * with in == 2 out (chroma siting may shift it: then it is not) */
static int
axis_is_box2 (const AsAxis *a)
{
  if (a->n_taps != 2 || a->in_len != 2 * a->out_len)
    return 0;
  for (int i = 0; i < a->out_len; i++)
    if (a->offset[i] != 2 * i || a->iweight[2 * i] != AS_WEIGHT_ONE / 2
        || a->iweight[2 * i + 1] != AS_WEIGHT_ONE / 2)
      return 0;
  return 1;
}

static AsMapping
config_mapping (const AsConfig *cfg)
{
  /* §3.1: torch antialias with align_corners keeps its own centres */
  if (cfg->antialias && cfg->kernel != AS_KERNEL_NEAREST
      && cfg->mapping == AS_MAP_ALIGN_CORNERS)
    return AS_MAP_TORCH_AA_ALIGN_CORNERS;
  return cfg->mapping;
}

/* the luma mapping of one axis */
static AsMapSpec
map_spec (const AsConfig *cfg, int vertical)
{
  AsMapSpec m = { config_mapping (cfg), vertical ? cfg->scale_y : cfg->scale_x,
    cfg->roi[vertical ? 1 : 0], cfg->roi[vertical ? 3 : 2] };
  return m;
}

/* §3.1, §3.2: the antialias stretch comes from the scale, not from the
 * slope of the mapping: in / out, or 1 / the scale factor where the
 * mapping uses it. torch's align_corners quirk stretches by
 * (in - 1) / (out - 1) (0, no stretch, for one output sample). A crop
 * region does not change it: the ONNX reference stretches by in / out
 * whatever the roi (TF's crop_and_resize has no antialias). */
static double
aa_stretch (AsMapping mapping, double scale, int in, int out)
{
  if (mapping == AS_MAP_TORCH_AA_ALIGN_CORNERS)
    return out > 1 ? (double) (in - 1) / (out - 1) : 0.0;
  if (scale > 0.0 && mapping != AS_MAP_ALIGN_CORNERS
      && mapping != AS_MAP_TF_CROP_AND_RESIZE)
    return 1.0 / scale;
  return (double) in / out;
}

static void
axis_spec (AsAxisSpec *s, const AsConfig *cfg, int vertical, int in, int out,
    int full_in, int full_out, int r, int o2)
{
  AsMapSpec m = map_spec (cfg, vertical);

  memset (s, 0, sizeof (*s));
  s->in_len = in;
  s->out_len = out;
  s->kernel = cfg->kernel;
  s->cubic_a = cfg->cubic_a;
  s->map = as_affine_subsampled (as_affine_map (&m, full_in, full_out), r, o2);
  s->nearest = axis_nearest_rule (
      cfg, r == 1 && in == full_in && out == full_out);
  s->torch_ratio = m.scale > 0 ? (float) (1.0 / m.scale) : 0.0f;
  s->exclude_outside = cfg->exclude_outside;
  s->antialias = cfg->antialias && cfg->kernel != AS_KERNEL_NEAREST;
  s->stretch = aa_stretch (m.mapping, m.scale, full_in, full_out);
}

/* §1.1 tf_crop_and_resize: an output sample whose coordinate falls outside
 * [0, in - 1] is the extrapolation value. The test is made in the picture
 * (luma) coordinates: a subsampled sample is outside when every picture
 * pixel it covers is. Returns the flags, or NULL when none is set. */
static uint8_t *
outside_flags (const AsConfig *cfg, int vertical, int full_in, int full_out,
    int out, int r, int *err)
{
  AsMapSpec m = map_spec (cfg, vertical);
  AsAffine f = as_affine_map (&m, full_in, full_out);
  uint8_t *flags;
  int any = 0;

  *err = 0;
  if (cfg->mapping != AS_MAP_TF_CROP_AND_RESIZE)
    return NULL;
  flags = calloc (out, 1);
  if (!flags) {
    *err = 1;
    return NULL;
  }
  for (int j = 0; j < out; j++) {
    int all = 1;
    /* exact: a roi end on the picture edge is inside (§1.1) */
    for (int i = r * j; i < r * j + r && i < full_out; i++)
      all &= as_affine_outside (&f, i, full_in);
    flags[j] = all;
    any |= all;
  }
  if (!any) {
    free (flags);
    flags = NULL;
  }
  return flags;
}

static int
build_axes (AsPlanePlan *pp, const AsConfig *cfg, int full_in_w, int full_in_h,
    int full_out_w, int full_out_h)
{
  const AsPlaneDesc *d = &pp->desc;
  AsAxisSpec sx, sy;
  int err_x, err_y;

  axis_spec (
      &sx, cfg, 0, d->in_w, d->out_w, full_in_w, full_out_w, d->r_h, d->o2_h);
  axis_spec (
      &sy, cfg, 1, d->in_h, d->out_h, full_in_h, full_out_h, d->r_v, d->o2_v);
  if (as_axis_init (&pp->x, &sx) < 0)
    return -1;
  if (as_axis_init (&pp->y, &sy) < 0)
    return -1;

  pp->outside_x = outside_flags (
      cfg, 0, full_in_w, full_out_w, d->out_w, d->r_h, &err_x);
  pp->outside_y = outside_flags (
      cfg, 1, full_in_h, full_out_h, d->out_h, d->r_v, &err_y);
  if (err_x || err_y)
    return -1;
  if (pp->outside_x || pp->outside_y) {
    double v = cfg->extrapolation < 0 ? 0
        : cfg->extrapolation > 1      ? 1
                                      : cfg->extrapolation;
    for (int c = 0; c < d->channels; c++) {
      if (d->bytes_per_sample == 1) {
        pp->fill[c] = (uint8_t) floor (v * 255 + 0.5);
      } else {
        uint16_t u = (uint16_t) floor (v * 65535 + 0.5);
        memcpy (pp->fill + 2 * c, &u, 2);
      }
    }
  }
  return 0;
}

int
as_config_equal (const AsConfig *a, const AsConfig *b)
{
  return a->mapping == b->mapping && a->kernel == b->kernel
      && a->cubic_a == b->cubic_a && a->nearest_mode == b->nearest_mode
      && a->exclude_outside == b->exclude_outside
      && a->antialias == b->antialias && a->scale_x == b->scale_x
      && a->scale_y == b->scale_y && a->roi[0] == b->roi[0]
      && a->roi[1] == b->roi[1] && a->roi[2] == b->roi[2]
      && a->roi[3] == b->roi[3] && a->extrapolation == b->extrapolation;
}

int
as_plan_is_identity (const AsPlan *plan)
{
  for (int p = 0; p < plan->n_planes; p++) {
    const AsPlanePlan *pp = &plan->plane[p];
    if (!pp->x.identity || !pp->y.identity || pp->outside_x || pp->outside_y)
      return 0;
  }
  return 1;
}

/* count the source rows the vertical table touches (H-first computes
 * each of them once) */
static int
rows_needed (const AsAxis *y)
{
  int count = 0, last = -1;

  for (int i = 0; i < y->out_len; i++) {
    int lo = y->offset[i] > last ? y->offset[i] : last + 1;
    int hi = y->offset[i] + y->n_taps - 1;
    if (hi >= lo) {
      count += hi - lo + 1;
      last = hi;
    }
  }
  return count;
}

/* §4: the worst-case error, in codes before the final rounding, of the
 * general (int16 / int32) model and of the sum model on this plane. With
 * quantised weights summing exactly to one, a row's weight errors e_k
 * sum to zero, so sum e_k s_k is at most half the sample range times
 * sum |e_k| (err14, err30, err16); the 16-bit products drop up to one
 * 2^-13 (first pass) and 2^-12 (second pass) code each, the 8-bit
 * intermediate rounds to 2^-7, the sum model's biased truncations stay
 * within (n_x + n_y) / 512 (kernels.h). */
static double
general_bound (const AsPlanePlan *pp)
{
  const AsAxis *x = &pp->x, *y = &pp->y;

  if (pp->desc.bytes_per_sample == 1)
    return y->abs_sum * (127.5 * x->err14 + 1.0 / 128)
        + 127.5 * x->abs_sum * y->err14;
  return y->abs_sum * (32767.5 * x->err30 + x->n_taps / 8192.0)
      + 32767.5 * x->abs_sum * y->err30 + y->n_taps / 4096.0;
}

static double
sum_bound (const AsPlanePlan *pp)
{
  return (pp->x.n_taps + pp->y.n_taps) / 512.0
      + 127.5 * (pp->x.err16 + pp->y.err16);
}

/* bytes of one intermediate sample between the passes */
static size_t
inter_size (const AsPlanePlan *pp)
{
  if (pp->exact)
    return sizeof (double);
  return pp->desc.bytes_per_sample == 1 ? sizeof (int16_t) : sizeof (int32_t);
}

AsPlan *
as_plan_new (const AsConfig *config, int full_in_w, int full_in_h,
    int full_out_w, int full_out_h, const AsPlaneDesc *planes, int n_planes)
{
  AsPlan *plan;
  size_t inter_bytes = 0, acc_len = 1, gather_bytes = 1, held = 0;
  int max_taps = 1;

  if (n_planes < 1 || n_planes > AS_MAX_PLANES)
    return NULL;

  plan = calloc (1, sizeof (AsPlan));
  if (!plan)
    return NULL;
  plan->config = *config;
  plan->n_planes = n_planes;

  for (int p = 0; p < n_planes; p++) {
    AsPlanePlan *pp = &plan->plane[p];
    const AsPlaneDesc *d = &planes[p];
    size_t isz, line_h, line_v, ch = (size_t) d->channels;
    size_t out_line = (size_t) d->out_w * ch, in_line = (size_t) d->in_w * ch;
    double cost_v, cost_h, rows_h;

    pp->desc = *d;
    if (d->in_w < 1 || d->in_h < 1 || d->out_w < 1 || d->out_h < 1
        || d->channels < 1
        || (d->bytes_per_sample != 1 && d->bytes_per_sample != 2) || d->r_h < 1
        || d->r_v < 1)
      goto fail;
    if (build_axes (pp, config, full_in_w, full_in_h, full_out_w, full_out_h)
        < 0)
      goto fail;
    held += ((size_t) d->out_w * pp->x.n_taps
                + (size_t) d->out_h * pp->y.n_taps)
        * (sizeof (double) + sizeof (int16_t) + 2 * sizeof (int32_t));
    if (config->kernel == AS_KERNEL_NEAREST) {
      plan->macs += (double) d->out_w * d->out_h * ch; /* copies */
      continue;
    }

    /* V-first: every output row blends n_y input rows at input width,
     * then one horizontal pass. H-first: each needed input row gets one
     * horizontal pass, then every output row blends n_y of them. */
    rows_h = rows_needed (&pp->y);
    cost_v = (double) d->out_h
        * ((double) d->in_w * pp->y.n_taps * COST_V
            + (double) d->out_w * pp->x.n_taps * COST_H);
    cost_h = rows_h * d->out_w * pp->x.n_taps * COST_H
        + (double) d->out_h * d->out_w * pp->y.n_taps * COST_V;
    pp->h_first = cost_h <= cost_v;

    /* the model (kernels.h): lerp for bilinear, else the sum model, else
     * the general one, each while it holds the table within MAX_BOUND;
     * else the exact model */
    pp->exact = !pp->x.fits || !pp->y.fits;
    if (!pp->exact && config->kernel == AS_KERNEL_LINEAR && pp->x.lerp_base
        && pp->y.lerp_base)
      pp->lerp = 1;
    if (!pp->exact && !pp->lerp && d->bytes_per_sample == 1 && pp->x.sweight
        && pp->y.sweight && pp->x.n_taps + pp->y.n_taps <= AS_SUM_MAX_TAPS
        && sum_bound (pp) <= MAX_BOUND) {
      pp->sum = 1;
      pp->bound = sum_bound (pp);
    }
    if (!pp->exact && !pp->lerp && !pp->sum) {
      pp->bound = general_bound (pp);
      pp->exact = pp->bound > MAX_BOUND;
    }
    if (pp->exact)
      pp->bound = 0.0;
    isz = inter_size (pp);

    line_v = in_line * isz;
    /* the lerp ring keeps rows in slots r % 2, whatever n_taps is */
    line_h = out_line * isz
        * MAX (pp->y.n_taps, config->kernel == AS_KERNEL_LINEAR ? 2 : 1);
    if (line_h > MAX_RING_BYTES) {
      pp->h_first = 0;
      line_h = 0;
    }
    plan->macs += ch
        * (pp->h_first ? rows_h * d->out_w * pp->x.n_taps
                    + (double) d->out_h * d->out_w * pp->y.n_taps
                       : (double) d->out_h
                    * ((double) d->in_w * pp->y.n_taps
                        + (double) d->out_w * pp->x.n_taps));
    /* room for either order, so the order can change without new
     * scratch (tests run both) */
    inter_bytes = MAX3 (inter_bytes, line_h, line_v);
    if (pp->y.n_taps > max_taps)
      max_taps = pp->y.n_taps;
    if (pp->exact)
      continue;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    pp->box2 = d->bytes_per_sample == 1
        && (d->channels == 1 || d->channels == 2) && axis_is_box2 (&pp->x)
        && axis_is_box2 (&pp->y);
#endif

    if (pp->lerp) {
      const int32_t *xb = d->bytes_per_sample == 1 ? pp->x.lerp_base
                                                   : pp->x.lerp_base32;

      pp->lerp_1d = d->bytes_per_sample == 1
          && (pp->x.identity || pp->y.identity);
      if (d->bytes_per_sample == 1) {
        pp->lx_wrepl = malloc (sizeof (uint16_t) * out_line);
        if (!pp->lx_wrepl)
          goto fail;
        as_replicate_weights ((int16_t *) pp->lx_wrepl,
            (const int16_t *) pp->x.lerp_w, 1, d->out_w, d->channels);
      } else {
        pp->lx_wrepl32 = malloc (sizeof (uint32_t) * out_line);
        if (!pp->lx_wrepl32)
          goto fail;
        as_replicate_weights32 ((int32_t *) pp->lx_wrepl32,
            (const int32_t *) pp->x.lerp_w32, 1, d->out_w, d->channels);
      }
      held += out_line * sizeof (uint32_t);
      /* bases never decrease: those with no right neighbour come last */
      while (pp->lx_n_pair < d->out_w && xb[pp->lx_n_pair] + 1 < d->in_w)
        pp->lx_n_pair++;
      gather_bytes = MAX (gather_bytes, 2 * out_line * isz);
    }

    /* 8-bit antialias with non-negative weights: the sum model */
    if (pp->sum) {
      size_t n = out_line * pp->x.n_taps;

      pp->sx_wrepl = malloc (n * sizeof (uint16_t));
      if (!pp->sx_wrepl)
        goto fail;
      as_replicate_weights ((int16_t *) pp->sx_wrepl,
          (const int16_t *) pp->x.sweight, pp->x.n_taps, d->out_w, d->channels);
      held += n * sizeof (uint16_t);
      /* uint16 accumulators: half of the int32 room */
      acc_len = MAX3 (acc_len, out_line, in_line);
      gather_bytes = MAX (gather_bytes, n * sizeof (uint16_t));
    }

    /* general tables (bicubic): x weights per sample, accumulators */
    if (!pp->lerp && !pp->sum) {
      size_t n = out_line * pp->x.n_taps;

      if (d->bytes_per_sample == 1) {
        pp->xw_repl = malloc (n * sizeof (int16_t));
        if (!pp->xw_repl)
          goto fail;
        as_replicate_weights (
            pp->xw_repl, pp->x.iweight, pp->x.n_taps, d->out_w, d->channels);
      } else {
        pp->xw_repl32 = malloc (n * sizeof (int32_t));
        if (!pp->xw_repl32)
          goto fail;
        as_replicate_weights32 (
            pp->xw_repl32, pp->x.lweight, pp->x.n_taps, d->out_w, d->channels);
      }
      held += n * isz;
      acc_len = MAX3 (acc_len, out_line, in_line);
      /* isz: the weight and intermediate sizes are the same */
      gather_bytes = MAX (gather_bytes, n * isz);
    }
  }

  plan->inter = malloc (inter_bytes ? inter_bytes : 1);
  plan->ring_row = malloc (sizeof (int) * max_taps);
  plan->rows = malloc (sizeof (void *) * max_taps);
  plan->acc = malloc (2 * acc_len * sizeof (int32_t));
  plan->gather = malloc (gather_bytes);
  if (!plan->inter || !plan->ring_row || !plan->rows || !plan->acc
      || !plan->gather)
    goto fail;
  plan->bytes = held + inter_bytes + 2 * acc_len * sizeof (int32_t)
      + gather_bytes;
  return plan;

fail:
  as_plan_free (plan);
  return NULL;
}

void
as_plan_free (AsPlan *plan)
{
  if (!plan)
    return;
  for (int p = 0; p < AS_MAX_PLANES; p++) {
    as_axis_clear (&plan->plane[p].x);
    as_axis_clear (&plan->plane[p].y);
    free (plan->plane[p].xw_repl);
    free (plan->plane[p].lx_wrepl);
    free (plan->plane[p].lx_wrepl32);
    free (plan->plane[p].xw_repl32);
    free (plan->plane[p].sx_wrepl);
    free (plan->plane[p].outside_x);
    free (plan->plane[p].outside_y);
  }
  free (plan->acc);
  free (plan->gather);
  free (plan->inter);
  free (plan->ring_row);
  free (plan->rows);
  free (plan);
}

static void
run_nearest (const AsPlanePlan *pp, const uint8_t *src, ptrdiff_t sstride,
    uint8_t *dst, ptrdiff_t dstride)
{
  const AsPlaneDesc *d = &pp->desc;
  int bpp = d->channels * d->bytes_per_sample;

  for (int j = 0; j < d->out_h; j++) {
    const uint8_t *s = src + sstride * pp->y.offset[j];
    uint8_t *o = dst + dstride * j;
    if (pp->x.identity)
      memcpy (o, s, (size_t) d->out_w * bpp);
    else
      as_h_nearest (o, s, pp->x.offset, d->out_w, bpp);
  }
}

/* first (horizontal) pass of one line: general tables, the sum model or
 * the exact model */
static void
h_pass1 (AsPlan *plan, const AsPlanePlan *pp, void *dst, const uint8_t *src)
{
  const AsPlaneDesc *d = &pp->desc;
  if (pp->exact)
    as_exact_h_in (dst, src, d->bytes_per_sample, pp->x.offset, pp->x.weight,
        pp->x.n_taps, d->out_w, d->channels);
  else if (pp->sum)
    as_fast_sum_h_u8_u16 (dst, src, pp->x.offset, pp->sx_wrepl, pp->x.n_taps,
        d->out_w, d->channels, plan->gather, (uint16_t *) plan->acc);
  else if (d->bytes_per_sample == 1)
    as_fast_h_u8_i16 (dst, src, pp->x.offset, pp->xw_repl, pp->x.n_taps,
        d->out_w, d->channels, plan->gather, plan->acc);
  else
    as_fast_h_u16_i32 (dst, (const uint16_t *) src, pp->x.offset, pp->xw_repl32,
        pp->x.n_taps, d->out_w, d->channels, plan->gather, plan->acc);
}

static void
run_h_first (AsPlan *plan, const AsPlanePlan *pp, const uint8_t *src,
    ptrdiff_t sstride, uint8_t *dst, ptrdiff_t dstride)
{
  const AsPlaneDesc *d = &pp->desc;
  int ny = pp->y.n_taps;
  size_t line = (size_t) d->out_w * d->channels * inter_size (pp);
  uint8_t *ring = plan->inter;

  for (int k = 0; k < ny; k++)
    plan->ring_row[k] = -1;

  /* offsets never decrease, so slot r % ny holds row r while it is needed */
  for (int j = 0; j < d->out_h; j++) {
    int o = pp->y.offset[j];
    const int16_t *wy = pp->y.iweight + (size_t) j * ny;

    for (int k = 0; k < ny; k++) {
      int r = o + k, slot = r % ny;
      if (plan->ring_row[slot] != r) {
        h_pass1 (plan, pp, ring + line * slot, src + sstride * r);
        plan->ring_row[slot] = r;
      }
      plan->rows[k] = ring + line * slot;
    }
    if (pp->exact)
      as_exact_v_out (dst + dstride * j, d->bytes_per_sample,
          (const double *const *) plan->rows, pp->y.weight + (size_t) j * ny,
          ny, d->out_w * d->channels);
    else if (pp->sum)
      as_fast_sum_v_u16_u8 (dst + dstride * j,
          (const uint16_t *const *) plan->rows, pp->y.sweight + (size_t) j * ny,
          ny, d->out_w * d->channels, (uint16_t *) plan->acc);
    else if (d->bytes_per_sample == 1)
      as_fast_v_i16_u8 (dst + dstride * j, (const int16_t *const *) plan->rows,
          wy, ny, d->out_w * d->channels, plan->acc);
    else
      as_fast_v_i32_u16 ((uint16_t *) (dst + dstride * j),
          (const int32_t *const *) plan->rows, pp->y.lweight + (size_t) j * ny,
          ny, d->out_w * d->channels, plan->acc);
  }
}

static void
run_v_first (AsPlan *plan, const AsPlanePlan *pp, const uint8_t *src,
    ptrdiff_t sstride, uint8_t *dst, ptrdiff_t dstride)
{
  const AsPlaneDesc *d = &pp->desc;
  int ny = pp->y.n_taps, width = d->in_w * d->channels;

  for (int j = 0; j < d->out_h; j++) {
    const int16_t *wy = pp->y.iweight + (size_t) j * ny;
    uint8_t *o = dst + dstride * j;

    for (int k = 0; k < ny; k++)
      plan->rows[k] = src + sstride * (pp->y.offset[j] + k);
    if (pp->exact) {
      as_exact_v_in (plan->inter, (const uint8_t *const *) plan->rows,
          d->bytes_per_sample, pp->y.weight + (size_t) j * ny, ny, width);
      as_exact_h_out (o, d->bytes_per_sample, plan->inter, pp->x.offset,
          pp->x.weight, pp->x.n_taps, d->out_w, d->channels);
    } else if (pp->sum) {
      as_fast_sum_v_u8_u16 (plan->inter, (const uint8_t *const *) plan->rows,
          pp->y.sweight + (size_t) j * ny, ny, width, (uint16_t *) plan->acc);
      as_fast_sum_h_u16_u8 (o, plan->inter, pp->x.offset, pp->sx_wrepl,
          pp->x.n_taps, d->out_w, d->channels, plan->gather,
          (uint16_t *) plan->acc);
    } else if (d->bytes_per_sample == 1) {
      as_fast_v_u8_i16 (plan->inter, (const uint8_t *const *) plan->rows, wy,
          ny, width, plan->acc);
      as_fast_h_i16_u8 (o, plan->inter, pp->x.offset, pp->xw_repl, pp->x.n_taps,
          d->out_w, d->channels, plan->gather, plan->acc);
    } else {
      as_fast_v_u16_i32 (plan->inter, (const uint16_t *const *) plan->rows,
          pp->y.lweight + (size_t) j * ny, ny, width, plan->acc);
      as_fast_h_i32_u16 ((uint16_t *) o, plan->inter, pp->x.offset,
          pp->xw_repl32, pp->x.n_taps, d->out_w, d->channels, plan->gather,
          plan->acc);
    }
  }
}

/* the lerp model (kernels.h): output row j blends rows base and base + 1
 * (only base when the weight is 0) */
static void
lerp_h (AsPlan *plan, const AsPlanePlan *pp, void *dst, const uint8_t *src)
{
  const AsPlaneDesc *d = &pp->desc;

  if (d->bytes_per_sample == 1)
    as_fast_lerp_h_u8_u16 (dst, src, d->in_w, pp->x.lerp_base, pp->lx_n_pair,
        pp->lx_wrepl, d->out_w, d->channels, plan->gather);
  else
    as_fast_lerp_h_u16_u32 (dst, (const uint16_t *) src, d->in_w,
        pp->x.lerp_base32, pp->lx_n_pair, pp->lx_wrepl32, d->out_w, d->channels,
        plan->gather);
}

static void
run_lerp_h_first (AsPlan *plan, const AsPlanePlan *pp, const uint8_t *src,
    ptrdiff_t sstride, uint8_t *dst, ptrdiff_t dstride)
{
  const AsPlaneDesc *d = &pp->desc;
  int wide = d->bytes_per_sample == 2, width = d->out_w * d->channels;
  size_t line = (size_t) width * (wide ? sizeof (uint32_t) : sizeof (uint16_t));
  const int32_t *ybase = wide ? pp->y.lerp_base32 : pp->y.lerp_base;
  uint8_t *ring = plan->inter;
  int held[2] = { -1, -1 };

  /* bases never decrease, so slot r % 2 holds row r while it is needed */
  for (int j = 0; j < d->out_h; j++) {
    uint32_t w = wide ? pp->y.lerp_w32[j] : pp->y.lerp_w[j];
    int rows[2] = { ybase[j], w ? ybase[j] + 1 : ybase[j] };
    const void *b, *o;

    for (int k = 0; k < 2; k++) {
      int r = rows[k];
      if (held[r & 1] != r) {
        lerp_h (plan, pp, ring + line * (r & 1), src + sstride * r);
        held[r & 1] = r;
      }
    }
    b = ring + line * (rows[0] & 1);
    o = ring + line * (rows[1] & 1);
    if (wide)
      as_fast_lerp_v_u32_u16 ((uint16_t *) (dst + dstride * j), b, o, w, width);
    else
      as_fast_lerp_v_u16_u8 (dst + dstride * j, b, o, (uint16_t) w, width);
  }
}

static void
run_lerp_v_first (AsPlan *plan, const AsPlanePlan *pp, const uint8_t *src,
    ptrdiff_t sstride, uint8_t *dst, ptrdiff_t dstride)
{
  const AsPlaneDesc *d = &pp->desc;
  int width = d->in_w * d->channels;

  for (int j = 0; j < d->out_h; j++) {
    uint8_t *out = dst + dstride * j;

    if (d->bytes_per_sample == 1) {
      uint16_t w = pp->y.lerp_w[j];
      const uint8_t *b = src + sstride * pp->y.lerp_base[j];

      as_fast_lerp_v_u8_u16 (plan->inter, b, w ? b + sstride : b, w, width);
      as_fast_lerp_h_u16_u8 (out, plan->inter, d->in_w, pp->x.lerp_base,
          pp->lx_n_pair, pp->lx_wrepl, d->out_w, d->channels, plan->gather);
    } else {
      uint32_t w = pp->y.lerp_w32[j];
      const uint8_t *b = src + sstride * pp->y.lerp_base32[j];

      as_fast_lerp_v_u16_u32 (plan->inter, (const uint16_t *) b,
          (const uint16_t *) (w ? b + sstride : b), w, width);
      as_fast_lerp_h_u32_u16 ((uint16_t *) out, plan->inter, d->in_w,
          pp->x.lerp_base32, pp->lx_n_pair, pp->lx_wrepl32, d->out_w,
          d->channels, plan->gather);
    }
  }
}

/* one axis is the identity: one pass, the same bytes as two */
static void
run_lerp_1d (AsPlan *plan, const AsPlanePlan *pp, const uint8_t *src,
    ptrdiff_t sstride, uint8_t *dst, ptrdiff_t dstride)
{
  const AsPlaneDesc *d = &pp->desc;

  for (int j = 0; j < d->out_h; j++) {
    const uint8_t *b = src + sstride * pp->y.lerp_base[j];
    uint16_t w = pp->y.lerp_w[j];

    if (pp->x.identity)
      as_fast_lerp_v_u8_u8 (
          dst + dstride * j, b, w ? b + sstride : b, w, d->in_w * d->channels);
    else
      as_fast_lerp_h_u8_u8 (dst + dstride * j, b, d->in_w, pp->x.lerp_base,
          pp->lx_n_pair, pp->lx_wrepl, d->out_w, d->channels, plan->gather);
  }
}

static void
run_box2 (const AsPlanePlan *pp, const uint8_t *src, ptrdiff_t sstride,
    uint8_t *dst, ptrdiff_t dstride)
{
  for (int j = 0; j < pp->desc.out_h; j++)
    as_fast_box2_u8 (dst + dstride * j, src + sstride * 2 * j,
        src + sstride * (2 * j + 1), pp->desc.out_w, pp->desc.channels);
}

/* the box kernels read pairs of pixels as 2- or 4-byte words */
static int
box2_aligned (const AsPlanePlan *pp, const uint8_t *src, ptrdiff_t sstride,
    const uint8_t *dst, ptrdiff_t dstride)
{
  uintptr_t in = 2 * pp->desc.channels - 1, out = pp->desc.channels - 1;

  return ((uintptr_t) src & in) == 0 && ((uintptr_t) sstride & in) == 0
      && ((uintptr_t) dst & out) == 0 && ((uintptr_t) dstride & out) == 0;
}

/* tf_crop_and_resize: samples mapped outside take the fill value */
static void
fill_outside (const AsPlanePlan *pp, uint8_t *dst, ptrdiff_t dstride)
{
  const AsPlaneDesc *d = &pp->desc;
  size_t bpp = (size_t) d->channels * d->bytes_per_sample;

  for (int j = 0; j < d->out_h; j++) {
    uint8_t *o = dst + dstride * j;
    int row = pp->outside_y && pp->outside_y[j];

    for (int i = 0; i < d->out_w; i++)
      if (row || (pp->outside_x && pp->outside_x[i]))
        memcpy (o + bpp * i, pp->fill, bpp);
  }
}

static void
run_plane (AsPlan *plan, const AsPlanePlan *pp, const uint8_t *src,
    ptrdiff_t src_stride, uint8_t *dst, ptrdiff_t dst_stride)
{
  if (pp->box2 && box2_aligned (pp, src, src_stride, dst, dst_stride)) {
    run_box2 (pp, src, src_stride, dst, dst_stride);
    return;
  }

  if (plan->config.kernel == AS_KERNEL_NEAREST)
    run_nearest (pp, src, src_stride, dst, dst_stride);
  else if (pp->lerp_1d)
    run_lerp_1d (plan, pp, src, src_stride, dst, dst_stride);
  else if (pp->lerp && pp->h_first)
    run_lerp_h_first (plan, pp, src, src_stride, dst, dst_stride);
  else if (pp->lerp)
    run_lerp_v_first (plan, pp, src, src_stride, dst, dst_stride);
  else if (pp->h_first)
    run_h_first (plan, pp, src, src_stride, dst, dst_stride);
  else
    run_v_first (plan, pp, src, src_stride, dst, dst_stride);
}

void
as_plan_run_plane (AsPlan *plan, int p, const uint8_t *src,
    ptrdiff_t src_stride, uint8_t *dst, ptrdiff_t dst_stride)
{
  const AsPlanePlan *pp = &plan->plane[p];

  run_plane (plan, pp, src, src_stride, dst, dst_stride);
  if (pp->outside_x || pp->outside_y)
    fill_outside (pp, dst, dst_stride);
}
