/* alignscale: scaling plan (per-plane tables, pass order, scratch)
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"
#include "stages.h"

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

/* whether the tables are antialias windows: the setting, or always for
 * Pillow's filters; never for point sampling or area */
static int
config_aa (const AsConfig *cfg)
{
  const AsKernelDesc *kd = as_kernel_desc (cfg->kernel);

  return (cfg->antialias || kd->always_aa) && kd->support > 0
      && cfg->kernel != AS_KERNEL_AREA;
}

static AsMapping
config_mapping (const AsConfig *cfg)
{
  /* §3.1: torch antialias with align_corners keeps its own centres */
  if (config_aa (cfg) && cfg->mapping == AS_MAP_ALIGN_CORNERS)
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

/* du, dx: the plane's luma shifts of as_affine_placed (0 but where a
 * subsampled plane's crop or rectangle starts inside a block) */
static void
axis_spec (AsAxisSpec *s, const AsConfig *cfg, int vertical, int in, int out,
    int full_in, int full_out, int r, int o2, int du, int dx)
{
  AsMapSpec m = map_spec (cfg, vertical);

  memset (s, 0, sizeof (*s));
  s->in_len = in;
  s->out_len = out;
  s->kernel = cfg->kernel;
  s->param = cfg->cubic_a;
  s->map = as_affine_placed (
      as_affine_map (&m, full_in, full_out), r, o2, du, dx);
  s->nearest = axis_nearest_rule (
      cfg, r == 1 && in == full_in && out == full_out);
  s->torch_ratio = m.scale > 0 ? (float) (1.0 / m.scale) : 0.0f;
  s->exclude_outside = cfg->exclude_outside;
  s->antialias = config_aa (cfg);
  s->stretch = aa_stretch (m.mapping, m.scale, full_in, full_out);
  s->pillow = as_kernel_desc (cfg->kernel)->always_aa
      && m.mapping == AS_MAP_HALF_PIXEL && m.scale <= 0.0 && r == 1 && o2 == 0
      && in == full_in && out == full_out;
}

/* §1.1 tf_crop_and_resize: an output sample whose coordinate falls outside
 * [0, in - 1] is the extrapolation value. The test is made in the picture
 * (luma) coordinates: a subsampled sample is outside when every picture
 * pixel it covers is (sample j covers picture pixels r j + du .. r j + du
 * + r - 1, du the plane's placement shift). Returns the flags, or NULL
 * when none is set. */
static uint8_t *
outside_flags (const AsConfig *cfg, int vertical, int full_in, int full_out,
    int out, int r, int du, int *err)
{
  AsMapSpec m = map_spec (cfg, vertical);
  AsAffine f = as_affine_map (&m, full_in, full_out);
  uint8_t *flags;
  int any = 0;

  *err = 0;
  /* area's tables come from the lengths alone: no region, nothing outside */
  if (cfg->mapping != AS_MAP_TF_CROP_AND_RESIZE
      || cfg->kernel == AS_KERNEL_AREA)
    return NULL;
  flags = calloc (out, 1);
  if (!flags) {
    *err = 1;
    return NULL;
  }
  for (int j = 0; j < out; j++) {
    int all = 1;
    /* exact: a roi end on the picture edge is inside (§1.1) */
    for (int i = MAX (0, r * j + du); i < r * j + du + r && i < full_out; i++)
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

/* the largest code of the plane's working samples */
static int
plane_maxval (const AsPlaneDesc *d)
{
  int depth = d->depth ? d->depth : 8 * d->bytes_per_sample;
  return (int) ((1u << depth) - 1);
}

/* a sample value v in a plane's codes: rounded half up, clamped (NaN: 0) */
static void
set_sample (uint8_t *px, int c, const AsPlaneDesc *d, double v)
{
  int maxval = plane_maxval (d);
  uint16_t u;

  v = v >= 0 ? (v < maxval ? v : maxval) : 0;
  u = (uint16_t) floor (v + 0.5);
  if (d->bytes_per_sample == 1)
    px[c] = (uint8_t) u;
  else
    memcpy (px + 2 * c, &u, 2);
}

/* the plane's tables for its picture (pp's in_w .. out_h), the picture
 * being full_in_w x full_in_h resized to full_out_w x full_out_h; du, dx:
 * the placement shifts of each axis (as_affine_placed) */
static int
build_axes (AsPlanePlan *pp, const AsConfig *cfg, int full_in_w, int full_in_h,
    int full_out_w, int full_out_h, const int du[2], const int dx[2])
{
  const AsPlaneDesc *d = &pp->desc;
  AsAxisSpec sx, sy;
  int err_x, err_y;

  axis_spec (&sx, cfg, 0, pp->in_w, pp->out_w, full_in_w, full_out_w, d->r_h,
      d->o2_h, du[0], dx[0]);
  axis_spec (&sy, cfg, 1, pp->in_h, pp->out_h, full_in_h, full_out_h, d->r_v,
      d->o2_v, du[1], dx[1]);
  if (as_axis_init (&pp->x, &sx) < 0)
    return -1;
  if (as_axis_init (&pp->y, &sy) < 0)
    return -1;

  pp->outside_x = outside_flags (
      cfg, 0, full_in_w, full_out_w, pp->out_w, d->r_h, du[0], &err_x);
  pp->outside_y = outside_flags (
      cfg, 1, full_in_h, full_out_h, pp->out_h, d->r_v, du[1], &err_y);
  if (err_x || err_y)
    return -1;
  if (pp->outside_x || pp->outside_y) {
    double v = cfg->extrapolation < 0 ? 0
        : cfg->extrapolation > 1      ? 1
                                      : cfg->extrapolation;
    for (int c = 0; c < d->channels; c++)
      set_sample (pp->fill, c, d, v * plane_maxval (d));
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
      && a->roi[3] == b->roi[3] && a->extrapolation == b->extrapolation
      && a->chroma_nearest == b->chroma_nearest && a->library == b->library
      && a->variant == b->variant
      && memcmp (a->crop, b->crop, sizeof (a->crop)) == 0
      && memcmp (a->rect, b->rect, sizeof (a->rect)) == 0
      && memcmp (a->pad, b->pad, sizeof (a->pad)) == 0;
}

int
as_plan_is_identity (const AsPlan *plan)
{
  for (int p = 0; p < plan->n_planes; p++) {
    const AsPlanePlan *pp = &plan->plane[p];
    int copy = pp->m.copy ? pp->m.copy > 0 : pp->x.identity && pp->y.identity;
    if (!copy || pp->outside_x || pp->outside_y || pp->conv
        || pp->desc.planar_out || pp->padded || pp->src_x || pp->src_y
        || pp->in_w != pp->desc.in_w || pp->in_h != pp->desc.in_h)
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

/* V-first: every output row blends n_y input rows at input width, then one
 * horizontal pass. H-first: each needed input row gets one horizontal
 * pass, then every output row blends n_y of them. */
static int
pick_order (AsPlan *plan, AsPlanePlan *pp)
{
  const AsPlaneDesc *d = &pp->desc;
  const AsPass *h = &pp->m.h, *v = &pp->m.v;
  double ch = d->channels, rows_h = rows_needed (&pp->y), cost_v, cost_h;
  size_t ring;

  cost_v = (double) pp->out_h
      * ((double) pp->in_w * v->n_taps * COST_V
          + (double) pp->out_w * h->n_taps * COST_H);
  cost_h = rows_h * pp->out_w * h->n_taps * COST_H
      + (double) pp->out_h * pp->out_w * v->n_taps * COST_V;
  /* an exact tie (2:1 across, 3:2 down, as YUY2 720p -> 480p) goes to
   * V-first: 15 % faster there (its vertical pass streams whole rows; no
   * other bench row is a tie) */
  pp->h_first = cost_h < cost_v * 0.999 || pp->m.h_first_only;
  ring = (size_t) pp->out_w * d->channels * pp->m.inter_size * v->n_taps;
  /* a library model that runs horizontal first has no other order: too
   * large a ring is refused (Pillow would allocate it all) */
  if (ring > MAX_RING_BYTES && pp->m.h_first_only)
    return -1;
  if (ring > MAX_RING_BYTES)
    pp->h_first = 0;
  if (pp->m.h_one || (pp->m.v_one && !pp->m.one_box2))
    plan->macs += (double) pp->out_w * pp->out_h * ch; /* one pass */
  else
    plan->macs += ch
        * (pp->h_first ? rows_h * pp->out_w * h->n_taps
                    + (double) pp->out_h * pp->out_w * v->n_taps
                       : (double) pp->out_h
                    * ((double) pp->in_w * v->n_taps
                        + (double) pp->out_w * h->n_taps));
  /* room for either order and two passes, so the path can change without
   * new scratch (tests run every one) */
  plan->inter_bytes = MAX3 (plan->inter_bytes, ring > MAX_RING_BYTES ? 0 : ring,
      (size_t) pp->in_w * d->channels * pp->m.inter_size);
  return 0;
}

/* whether the run of a plane reads its source rows whole (a vertical pass
 * at the input width) or only through the horizontal pass's windows; as
 * as_plan_run_plane picks the path (a converting plane never takes the
 * 2x2 box one-pass path) */
static int
reads_whole_rows (const AsPlanePlan *pp)
{
  const AsModelPlan *m = &pp->m;

  if (m->v_one && !m->one_box2)
    return 1;
  if (m->h_one)
    return 0;
  return !pp->h_first;
}

/* the source columns a converting plane's run reads (the windows of the
 * horizontal pass, shifted to the crop; a flipped tf-crop-and-resize roi
 * runs them backwards): a 1080p -> 224 bilinear resize reads 448 of 1920;
 * only those are converted */
static int
conv_columns (AsPlanePlan *pp)
{
  const AsPass *h = &pp->m.h;
  int in_w = pp->desc.in_w, n = 0, ret, lo = pp->src_x, hi = lo + pp->in_w;
  int whole = reads_whole_rows (pp) || !h->offset || h->n_taps < 1
      || h->in_len != pp->in_w;
  uint8_t *read;
  int32_t *cols;

  if (whole && pp->in_w == in_w)
    return as_convert_set_columns (pp->conv, NULL, in_w);
  read = calloc (in_w, 1);
  cols = malloc (sizeof (int32_t) * (size_t) in_w);
  if (!read || !cols) {
    free (read);
    free (cols);
    return -1;
  }
  for (int i = 0; i < (whole ? 1 : h->out_len); i++) {
    int a = whole ? lo : MAX (lo, lo + h->offset[i]);
    int b = whole ? hi : lo + h->offset[i] + h->n_taps;
    for (int x = a; x < b && x < hi; x++)
      read[x] = 1;
  }
  for (int x = 0; x < in_w; x++)
    if (read[x])
      cols[n++] = x;
  ret = as_convert_set_columns (pp->conv, cols, n);
  free (read);
  free (cols);
  return ret;
}

static int
conv_plane_init (AsPlan *plan, AsPlanePlan *pp, const AsConvertDesc *cd)
{
  const AsPlaneDesc *d = &pp->desc;

  if (d->bytes_per_sample != 1 || d->unpack || d->r_h != 1 || d->r_v != 1
      || cd->n_out != d->channels || cd->width != d->in_w
      || cd->height != d->in_h)
    return -1;
  pp->conv = as_convert_new (cd, &plan->dsp);
  if (!pp->conv || conv_columns (pp) < 0)
    return -1;
  plan->conv_bytes = MAX (
      plan->conv_bytes, as_convert_scratch_bytes (pp->conv));
  plan->unpack_line = MAX (plan->unpack_line, (size_t) d->channels * d->in_w);
  return 0;
}

/* a crop or rectangle <x, y, w, h> inside a full_w x full_h picture (w
 * == 0: the whole picture) */
static int
region_ok (const int *b, int full_w, int full_h)
{
  return b[2] == 0
      || (b[0] >= 0 && b[1] >= 0 && b[2] >= 1 && b[3] >= 1
          && (int64_t) b[0] + b[2] <= full_w
          && (int64_t) b[1] + b[3] <= full_h);
}

/* The samples of a plane axis subsampled by r (n of them, full pixels
 * at full resolution) whose block of r pixels meets [x, x + w) (w == 0:
 * every sample): [*start, *start + *len); *shift = r * start - x, the
 * luma offset of the first block from the region (in (-r, 0]). */
static int
plane_span (
    int x, int w, int full, int r, int n, int *start, int *len, int *shift)
{
  if (w == 0) {
    *start = *shift = 0;
    *len = n;
    return 0;
  }
  /* GStreamer's plane sizes: ceil (full / r) */
  if ((int64_t) n != ((int64_t) full + r - 1) / r)
    return -1;
  *start = x / r;
  *len = (int) (((int64_t) x + w + r - 1) / r) - *start;
  *shift = r * *start - x;
  return 0;
}

/* a plane's picture (AsConfig.crop, .rect) in its samples, its pad, and
 * its tables for that picture */
static int
place_plane (AsPlanePlan *pp, int p, const AsConfig *cfg, int full_in_w,
    int full_in_h, int full_out_w, int full_out_h)
{
  const AsPlaneDesc *d = &pp->desc;
  static const int whole[4] = { 0, 0, 0, 0 };
  const int *c = cfg->crop[2] ? cfg->crop : whole;
  const int *o = cfg->rect[2] ? cfg->rect : whole;
  int sh[4], du[2], dx[2];

  if (plane_span (
          c[0], c[2], full_in_w, d->r_h, d->in_w, &pp->src_x, &pp->in_w, &sh[0])
          < 0
      || plane_span (c[1], c[3], full_in_h, d->r_v, d->in_h, &pp->src_y,
             &pp->in_h, &sh[1])
          < 0
      || plane_span (o[0], o[2], full_out_w, d->r_h, d->out_w, &pp->dst_x,
             &pp->out_w, &sh[2])
          < 0
      || plane_span (o[1], o[3], full_out_h, d->r_v, d->out_h, &pp->dst_y,
             &pp->out_h, &sh[3])
          < 0)
    return -1;
  /* the crop's first block starts -sh luma pixels before the crop: source
   * luma X of the picture is X + dx in the plane's blocks */
  dx[0] = -sh[0];
  dx[1] = -sh[1];
  du[0] = sh[2];
  du[1] = sh[3];
  pp->padded = pp->dst_x > 0 || pp->dst_y > 0
      || pp->dst_x + pp->out_w < d->out_w || pp->dst_y + pp->out_h < d->out_h;
  for (int k = 0; k < d->channels; k++)
    set_sample (pp->pad, k, d, k < 4 ? cfg->pad[p][k] : 0.0);
  return build_axes (pp, cfg, c[2] ? c[2] : full_in_w, c[2] ? c[3] : full_in_h,
      o[2] ? o[2] : full_out_w, o[2] ? o[3] : full_out_h, du, dx);
}

AsPlan *
as_plan_new (const AsConfig *config, int full_in_w, int full_in_h,
    int full_out_w, int full_out_h, const AsPlaneDesc *planes, int n_planes,
    const AsDsp *dsp)
{
  AsPlan *plan;
  const AsKernelDesc *kd = as_kernel_desc (config->kernel);

  if (n_planes < 1 || n_planes > AS_MAX_PLANES || !kd
      || !region_ok (config->crop, full_in_w, full_in_h)
      || !region_ok (config->rect, full_out_w, full_out_h))
    return NULL;

  plan = calloc (1, sizeof (AsPlan));
  if (!plan)
    return NULL;
  plan->config = *config;
  plan->n_planes = n_planes;
  if (dsp) {
    plan->dsp = *dsp;
  } else {
    as_dsp_init_c (&plan->dsp);
    as_dsp_init_orc (&plan->dsp);
    as_dsp_init_simd (&plan->dsp);
  }
  plan->max_taps = 2;

  for (int p = 0; p < n_planes; p++) {
    AsPlanePlan *pp = &plan->plane[p];
    const AsPlaneDesc *d = &planes[p];
    int depth = d->depth ? d->depth : 8 * d->bytes_per_sample;
    size_t px = (size_t) d->channels * d->bytes_per_sample;
    AsModelInput in;

    pp->desc = *d;
    pp->desc.convert = NULL; /* the plan's copy is pp->conv */
    if (d->in_w < 1 || d->in_h < 1 || d->out_w < 1 || d->out_h < 1
        || d->channels < 1 || (size_t) d->channels * d->bytes_per_sample > 8
        || (d->bytes_per_sample != 1 && d->bytes_per_sample != 2)
        || depth > 8 * d->bytes_per_sample
        || (d->bytes_per_sample == 1 && depth != 8) || depth < 8 || d->r_h < 1
        || d->r_v < 1
        || (d->planar_out
            && (d->pack || d->bytes_per_sample != 1
                || d->planar_out > d->channels)))
      goto fail;
    if (place_plane (
            pp, p, config, full_in_w, full_in_h, full_out_w, full_out_h)
        < 0)
      goto fail;
    plan->bytes += ((size_t) pp->out_w * pp->x.n_taps
                       + (size_t) pp->out_h * pp->y.n_taps)
            * sizeof (double)
        + ((size_t) pp->out_w + pp->out_h) * sizeof (int32_t);

    in = (AsModelInput){ &pp->x, &pp->y, kd, config_aa (config), d->channels,
      d->bytes_per_sample, plane_maxval (d), &plan->dsp, config->library,
      config->variant };
    /* a library's own crop: Pillow's box= (model-pillow.c) */
    if (config->mapping == AS_MAP_TF_CROP_AND_RESIZE)
      in.roi = config->roi;
    for (int q = 0; q < n_planes; q++)
      in.subsampled |= planes[q].r_h > 1 || planes[q].r_v > 1;
    in.alpha = d->alpha;
    if (as_model_pick (&pp->m, &in, MAX_BOUND) < 0)
      goto fail;
    if (pp->m.library != AS_LIBRARY_NONE) {
      /* a library's own geometry: tf-crop-and-resize's outside samples
       * are not its */
      free (pp->outside_x);
      free (pp->outside_y);
      pp->outside_x = pp->outside_y = NULL;
    }
    plan->bytes += pp->m.bytes;
    if (pick_order (plan, pp) < 0)
      goto fail;

    plan->max_taps = MAX (plan->max_taps, pp->m.v.n_taps);
    plan->acc_bytes = MAX (plan->acc_bytes, pp->m.acc_bytes);
    plan->gather_bytes = MAX (plan->gather_bytes, pp->m.gather_bytes);
    if (d->convert && conv_plane_init (plan, pp, d->convert) < 0)
      goto fail;
    if (d->unpack || pp->m.premultiply)
      plan->unpack_line = MAX (plan->unpack_line, px * d->in_w);
    if (d->pack || d->planar_out)
      plan->pack_line = MAX (plan->pack_line, px * d->out_w);
  }
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
    as_model_plan_clear (&plan->plane[p].m);
    as_axis_clear (&plan->plane[p].x);
    as_axis_clear (&plan->plane[p].y);
    free (plan->plane[p].outside_x);
    free (plan->plane[p].outside_y);
    as_convert_free (plan->plane[p].conv);
  }
  free (plan);
}

/* ---------------------------------------------------------- scratch */

struct AsScratch
{
  AsLineScratch line;
  void *inter;       /* intermediate lines (the H-first ring) */
  int *ring_row;     /* source row held by each ring slot */
  const void **rows; /* line pointers handed to vertical rows */
  uint8_t *unpacked; /* unpacked source rows, n_unpack slots */
  int *unpack_row;   /* source row held by each unpacked slot */
  uint8_t *packline; /* one working output row before its pack */
  void *conv;        /* the conversion's chroma lines */
  size_t inter_bytes, acc_bytes, gather_bytes, unpack_line, pack_line;
  size_t conv_bytes;
  int max_taps;
};

void
as_scratch_free (AsScratch *s)
{
  if (!s)
    return;
  free (s->line.gather);
  free (s->line.acc);
  free (s->inter);
  free (s->ring_row);
  free (s->rows);
  free (s->unpacked);
  free (s->unpack_row);
  free (s->packline);
  free (s->conv);
  free (s);
}

AsScratch *
as_scratch_new (const AsPlan *plan)
{
  AsScratch *s = calloc (1, sizeof (AsScratch));
  int n = plan->max_taps;

  if (!s)
    return NULL;
  s->inter_bytes = plan->inter_bytes;
  s->acc_bytes = plan->acc_bytes;
  s->gather_bytes = plan->gather_bytes;
  s->unpack_line = plan->unpack_line;
  s->pack_line = plan->pack_line;
  s->conv_bytes = plan->conv_bytes;
  s->max_taps = n;
  /* 16 spare bytes: the fast rows may read a word past a gathered line */
  s->line.gather = malloc (plan->gather_bytes + 16);
  s->line.acc = malloc (plan->acc_bytes + 16);
  s->inter = malloc (plan->inter_bytes + 16);
  s->ring_row = malloc (sizeof (int) * n);
  s->rows = malloc (sizeof (void *) * n);
  /* zeroed: a converting plane converts only the columns its windows
   * read, and the fast rows may load a word past them */
  s->unpacked = calloc (plan->unpack_line * n + 16, 1);
  s->unpack_row = malloc (sizeof (int) * n);
  s->packline = malloc (plan->pack_line + 16);
  s->conv = malloc (plan->conv_bytes + 16);
  if (!s->line.gather || !s->line.acc || !s->inter || !s->ring_row || !s->rows
      || !s->unpacked || !s->unpack_row || !s->packline || !s->conv) {
    as_scratch_free (s);
    return NULL;
  }
  return s;
}

int
as_scratch_fits (const AsScratch *s, const AsPlan *plan)
{
  return s && s->inter_bytes >= plan->inter_bytes
      && s->acc_bytes >= plan->acc_bytes
      && s->gather_bytes >= plan->gather_bytes
      && s->unpack_line >= plan->unpack_line && s->pack_line >= plan->pack_line
      && s->conv_bytes >= plan->conv_bytes && s->max_taps >= plan->max_taps;
}

/* ------------------------------------------------------------- runs */

/* where a run reads and writes: rows of the stored layout, or working
 * rows through the plane's stages. Rows and columns of the runs below are
 * the picture's (AsPlanePlan's src_x .. out_h place them in the plane). */
typedef struct
{
  const AsPlanePlan *pp;
  AsScratch *s;
  const AsPlaneIo *io;
  const uint8_t *src; /* io's plane 0 */
  ptrdiff_t sstride;
  uint8_t *dst;
  ptrdiff_t dstride;
  int n_unpack; /* slots of unpacked source rows */
  size_t px;    /* bytes of a working pixel */
} Run;

/* source row r of the picture as working samples: unpacked into slot r %
 * n_unpack (the whole stored row), which holds it while the rows a
 * vertical pass needs at once (consecutive, at most n_unpack of them) are
 * in use; a library that premultiplies alpha gets the picture's columns
 * premultiplied there */
static const void *
src_row (Run *run, int r)
{
  const AsPlanePlan *pp = run->pp;
  const AsPlaneDesc *d = &pp->desc;
  size_t line = (size_t) d->in_w * run->px, x0 = run->px * pp->src_x;
  const uint8_t *row = run->src + run->sstride * (r + pp->src_y);
  int slot;
  uint8_t *u;

  if (!d->unpack && !pp->conv && !pp->m.premultiply)
    return row + x0;
  slot = r % run->n_unpack;
  u = run->s->unpacked + line * slot;
  if (run->s->unpack_row[slot] != r) {
    if (pp->conv)
      as_convert_row (pp->conv, u, run->io->src, run->io->sstride,
          r + pp->src_y, run->s->conv);
    else if (d->unpack)
      d->unpack (u, row, d->in_w, d);
    if (pp->m.premultiply)
      as_stage_premultiply (
          u + x0, (d->unpack || pp->conv ? u : row) + x0, pp->in_w, d);
    run->s->unpack_row[slot] = r;
  }
  return u + x0;
}

/* the rows a vertical pass blends for output row j: n consecutive source
 * rows from v.offset[j], clamped to the picture (the lerp model's second
 * row is past the end only where its weight is 0: then the first is read
 * twice; OpenCV's first row may be -1, its weight not 0: row 0 twice) */
static int
v_row (const AsPass *v, int j, int k)
{
  int r = v->offset[j] + k;
  /* (OpenCV's rows above the picture: its y table keeps them) */
  return r < 0 ? 0 : r < v->in_len ? r : v->in_len - 1;
}

/* where picture row j is made: in the destination, or in the line its
 * stages pack from, at the picture's column */
static void *
dst_row (Run *run, int j)
{
  const AsPlanePlan *pp = run->pp;
  size_t x0 = run->px * pp->dst_x;

  if (pp->desc.pack || pp->desc.planar_out)
    return run->s->packline + x0;
  return run->dst + run->dstride * (j + pp->dst_y) + x0;
}

/* n pixels of the pad from o on: one, then doubling copies */
static void
fill_pad (uint8_t *o, const AsPlanePlan *pp, size_t px, int n)
{
  size_t done = px, total = px * (size_t) (n > 0 ? n : 0);

  if (!total)
    return;
  memcpy (o, pp->pad, px);
  while (done < total) {
    size_t k = done < total - done ? done : total - done;
    memcpy (o + done, o, k);
    done += k;
  }
}

/* a whole working row of the plane (row is its pixel 0) to plane row J
 * through the stages, when the plane has them */
static void
emit_row (Run *run, const uint8_t *row, int J)
{
  const AsPlaneDesc *d = &run->pp->desc;

  if (d->pack)
    d->pack (run->dst + run->dstride * J, row, d->out_w, d);
  for (int c = 0; c < d->planar_out; c++) {
    uint8_t *p = run->io->dst[c] + run->io->dstride[c] * J;
    for (int i = 0; i < d->out_w; i++)
      p[i] = row[d->channels * i + c];
  }
}

/* plane row J outside the picture: all pad */
static void
pad_row (Run *run, int J)
{
  const AsPlaneDesc *d = &run->pp->desc;
  uint8_t *row = d->pack || d->planar_out ? run->s->packline
                                          : run->dst + run->dstride * J;

  fill_pad (row, run->pp, run->px, d->out_w);
  emit_row (run, row, J);
}

/* a premultiplying library's division by alpha; tf_crop_and_resize:
 * samples mapped outside take the fill value; the pad either side of the
 * picture; then the row is packed into its layout */
static void
finish_row (Run *run, void *row, int j)
{
  const AsPlanePlan *pp = run->pp;
  const AsPlaneDesc *d = &pp->desc;
  size_t bpp = run->px;
  uint8_t *o = row, *whole = o - bpp * pp->dst_x;

  if (pp->m.premultiply)
    as_stage_unpremultiply (o, o, pp->out_w, d);
  if (pp->outside_x || pp->outside_y) {
    int all = pp->outside_y && pp->outside_y[j];
    for (int i = 0; i < pp->out_w; i++)
      if (all || (pp->outside_x && pp->outside_x[i]))
        memcpy (o + bpp * i, pp->fill, bpp);
  }
  if (pp->padded) {
    fill_pad (whole, pp, bpp, pp->dst_x);
    fill_pad (o + bpp * pp->out_w, pp, bpp, d->out_w - pp->dst_x - pp->out_w);
  }
  emit_row (run, whole, j + pp->dst_y);
}

static void
run_one_pass (Run *run, int j0, int j1)
{
  const AsModelPlan *m = &run->pp->m;
  const AsPlaneDesc *d = &run->pp->desc;
  AsLineScratch *ls = &run->s->line;
  int width = run->pp->out_w * d->channels;

  for (int j = j0; j < j1; j++) {
    void *o = dst_row (run, j);

    if (m->v_one) {
      /* its n_taps rows (two, or OpenCV's integer area blocks) */
      for (int k = 0; k < m->v.n_taps; k++)
        run->s->rows[k] = src_row (run, v_row (&m->v, j, k));
      m->v_one (o, run->s->rows, &m->v, j, width, ls);
    } else {
      m->h_one (o, src_row (run, m->v.offset[j]), &m->h, ls);
    }
    finish_row (run, o, j);
  }
}

static void
run_h_first (Run *run, int j0, int j1)
{
  const AsModelPlan *m = &run->pp->m;
  const AsPlaneDesc *d = &run->pp->desc;
  AsScratch *s = run->s;
  int ny = m->v.n_taps;
  size_t line = (size_t) run->pp->out_w * d->channels * m->inter_size;
  uint8_t *ring = s->inter;

  for (int k = 0; k < ny; k++)
    s->ring_row[k] = -1;

  /* offsets never decrease, so slot r % ny holds row r while it is needed */
  for (int j = j0; j < j1; j++) {
    void *o = dst_row (run, j);

    for (int k = 0; k < ny; k++) {
      int r = v_row (&m->v, j, k), slot = r % ny;
      if (s->ring_row[slot] != r) {
        m->h_in (ring + line * slot, src_row (run, r), &m->h, &s->line);
        s->ring_row[slot] = r;
      }
      s->rows[k] = ring + line * slot;
    }
    m->v_out (o, s->rows, &m->v, j, run->pp->out_w * d->channels, &s->line);
    finish_row (run, o, j);
  }
}

static void
run_v_first (Run *run, int j0, int j1)
{
  const AsModelPlan *m = &run->pp->m;
  const AsPlaneDesc *d = &run->pp->desc;
  AsScratch *s = run->s;

  for (int j = j0; j < j1; j++) {
    void *o = dst_row (run, j);

    for (int k = 0; k < m->v.n_taps; k++)
      s->rows[k] = src_row (run, v_row (&m->v, j, k));
    m->v_in (
        s->inter, s->rows, &m->v, j, run->pp->in_w * d->channels, &s->line);
    m->h_out (o, s->inter, &m->h, &s->line);
    finish_row (run, o, j);
  }
}

void
as_plan_run_plane (const AsPlan *plan, AsScratch *s, int p, const uint8_t *src,
    ptrdiff_t src_stride, uint8_t *dst, ptrdiff_t dst_stride, int row0,
    int row1)
{
  AsPlaneIo io;

  memset (&io, 0, sizeof (io));
  io.src[0] = src;
  io.sstride[0] = src_stride;
  io.dst[0] = dst;
  io.dstride[0] = dst_stride;
  as_plan_run_plane_io (plan, s, p, &io, row0, row1);
}

void
as_plan_run_plane_io (const AsPlan *plan, AsScratch *s, int p,
    const AsPlaneIo *io, int row0, int row1)
{
  const AsPlanePlan *pp = &plan->plane[p];
  const AsPlaneDesc *d = &pp->desc;
  const AsModelPlan *m = &pp->m;
  size_t px = (size_t) d->channels * d->bytes_per_sample;
  Run run = { pp, s, io, io->src[0], io->sstride[0], io->dst[0], io->dstride[0],
    s->max_taps, px };
  int j0, j1, top = pp->dst_y, bottom = pp->dst_y + pp->out_h;

  if (row0 < 0)
    row0 = 0;
  if (row1 > d->out_h)
    row1 = d->out_h;
  if (row0 >= row1)
    return;
  for (int k = 0; k < run.n_unpack; k++)
    s->unpack_row[k] = -1;

  /* the pad above and below the picture */
  for (int J = row0; J < row1 && J < top; J++)
    pad_row (&run, J);
  for (int J = MAX (row0, bottom); J < row1; J++)
    pad_row (&run, J);

  /* the picture's rows */
  j0 = MAX (row0, top) - top;
  j1 = (row1 < bottom ? row1 : bottom) - top;
  if (j0 >= j1)
    return;
  if ((m->v_one && !m->one_box2) || m->h_one
      || (m->one_box2 && !d->unpack && !d->pack && !pp->conv && !d->planar_out
          && as_dsp_box2_aligned (d->channels,
              run.src + run.sstride * pp->src_y + px * pp->src_x, run.sstride,
              run.dst + run.dstride * pp->dst_y + px * pp->dst_x, run.dstride)))
    run_one_pass (&run, j0, j1);
  else if (pp->h_first)
    run_h_first (&run, j0, j1);
  else
    run_v_first (&run, j0, j1);
}
