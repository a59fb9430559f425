/* alignscale: the Pillow model (integer-model=pillow)
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Pillow 9.4's Image.resize, byte for byte: its tables from the sizes alone.
 * See model.h for the arithmetic and the contract, docs/integer-models.md
 * for what each call of the library gives and how it was checked.
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gather.h"
#include "model-priv.h"

#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

/* Pillow's filters (Resample.c) */
static double
pil_bilinear (double x, double unused)
{
  if (x < 0.0)
    x = -x;
  return x < 1.0 ? 1.0 - x : 0.0;
}

static double
pil_bicubic (double x, double unused)
{
  const double a = -0.5;

  if (x < 0.0)
    x = -x;
  if (x < 1.0)
    return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
  if (x < 2.0)
    return (((x - 5) * x + 8) * x - 4) * a;
  return 0.0;
}

/* precompute_coeffs and normalize_coeffs_8bpc of one axis over the box
 * [in0, in1] (floats, as _imaging.c parses box=; 0 and in without one),
 * as n-tap windows: the window of output i starts at ofs[i] and holds its
 * taps at their pixels (a window that would pass the last pixel starts
 * earlier, zeros in front; an empty one, all zeros, gives 0 as Pillow) */
static int
pil_axis (AsModelPlan *mp, int in, int out, float in0, float in1,
    double (*filter) (double, double), double support0, AsPass *p)
{
  /* the box's width in float, then double (Resample.c) */
  double scale = (double) (float) (in1 - in0) / out, filterscale = scale;
  double support;
  int ksize, n = 1;
  int32_t *xmin, *cnt, *ofs, *w;
  double *k;

  if (filterscale < 1.0)
    filterscale = 1.0;
  support = support0 * filterscale;
  ksize = (int) ceil (support) * 2 + 1;
  xmin = malloc (sizeof (int32_t) * out);
  cnt = malloc (sizeof (int32_t) * out);
  k = malloc (sizeof (double) * (size_t) out * ksize);
  if (!xmin || !cnt || !k) {
    free (xmin);
    free (cnt);
    free (k);
    return -2;
  }
  for (int xx = 0; xx < out; xx++) {
    double center = (double) in0 + (xx + 0.5) * scale, ww = 0.0;
    double ss = 1.0 / filterscale;
    int lo = (int) (center - support + 0.5), hi;
    double *kx = k + (size_t) xx * ksize;

    if (lo < 0)
      lo = 0;
    hi = (int) (center + support + 0.5);
    if (hi > in)
      hi = in;
    hi -= lo;
    for (int x = 0; x < hi; x++) {
      double v = filter ((x + lo - center + 0.5) * ss, 0.0);
      kx[x] = v;
      ww += v;
    }
    for (int x = 0; x < hi; x++)
      if (ww != 0.0)
        kx[x] /= ww;
    xmin[xx] = lo;
    cnt[xx] = MAX (hi, 0);
    n = MAX (n, hi);
  }
  ofs = as_model_alloc (mp, out, sizeof (int32_t));
  w = as_model_alloc (mp, (size_t) out * n, sizeof (int32_t));
  if (!ofs || !w) {
    free (xmin);
    free (cnt);
    free (k);
    return -2;
  }
  for (int xx = 0; xx < out; xx++) {
    int start = MAX (MIN (xmin[xx], in - n), 0), at = xmin[xx] - start;
    for (int x = 0; x < cnt[xx]; x++) {
      double v = k[(size_t) xx * ksize + x] * (1 << 22);
      w[(size_t) xx * n + at + x] = (int32_t) (v < 0 ? v - 0.5 : v + 0.5);
    }
    ofs[xx] = start;
  }
  free (xmin);
  free (cnt);
  free (k);
  p->n_taps = n;
  p->offset = ofs;
  p->w = w;
  p->step2_a = 0;
  p->step2_b = -1;
  return 0;
}

/* NEAREST over the box [in0, in1] of one axis (_resize: a = (in1 - in0)
 * / out with the width in float, then ImagingTransform's affine map).
 * 8-bit images take ImagingScaleAffine, which accumulates the source
 * coordinate in double from in0 + a / 2; 'I;16' (IMAGING_TYPE_SPECIAL)
 * takes ImagingGenericTransform, a (i + 0.5) + in0 for each pixel. Both
 * truncate. -1 when a pixel falls outside (Pillow's 0 fill: only a box of
 * no width on the far edge) */
static int
pil_nearest_axis (
    int in, int out, float in0, float in1, int accumulate, int32_t *ofs)
{
  double a = (double) (float) (in1 - in0) / out, x = (double) in0 + a * 0.5;

  for (int i = 0; i < out; i++, x += a) {
    double v = accumulate ? x : a * (i + 0.5) + (double) in0;
    if (!(v >= 0.0) || (int) v >= in)
      return -1;
    ofs[i] = (int) v;
  }
  return 0;
}

static double
pillow_prepare (AsModelPlan *mp, const AsModelInput *in)
{
  int iw = in->x->in_len, ow = in->x->out_len, ih = in->y->in_len,
      oh = in->y->out_len;
  const AsDsp *dsp = in->dsp;
  double (*filter) (double, double);
  double support;
  int nearest = in->kernel == as_kernel_desc (AS_KERNEL_NEAREST);
  /* box= (Image.resize): the roi times the picture size, in double, which
   * _imaging.c parses into floats; none: (0, 0, in_w, in_h) */
  double bx[4] = { 0, 0, iw, ih };
  float box[4];

  if (in->library != AS_LIBRARY_PILLOW || (in->roi && in->subsampled))
    return -1;
  /* 16-bit: 'I;16' resizes with NEAREST only ("image has wrong mode" for
   * the filters); every channel of a plane takes the same pixels, as if
   * each were an 'I;16' image */
  if (in->bps != 1 && (in->bps != 2 || !nearest))
    return -1;
  if (in->roi) {
    bx[0] = in->roi[0] * iw;
    bx[1] = in->roi[1] * ih;
    bx[2] = in->roi[2] * iw;
    bx[3] = in->roi[3] * ih;
  }
  for (int k = 0; k < 4; k++)
    box[k] = (float) bx[k];
  /* what _resize refuses (ValueError) */
  if (box[0] < 0 || box[1] < 0 || box[2] > iw || box[3] > ih
      || box[2] - box[0] < 0 || box[3] - box[1] < 0)
    return -1;
  as_model_init_passes (mp, in);
  mp->library = in->library;
  /* Image.resize returns a copy for the same size and the whole box (in
   * double); anything else is resampled (RGBA round trip included) */
  mp->copy = iw == ow && ih == oh && bx[0] == 0 && bx[1] == 0 && bx[2] == iw
          && bx[3] == ih
      ? 1
      : -1;
  if (nearest) {
    int32_t *xo = as_model_alloc (mp, ow, sizeof (int32_t));
    int32_t *yo = as_model_alloc (mp, oh, sizeof (int32_t));
    int acc = in->bps == 1;
    if (!xo || !yo)
      return -2;
    if (pil_nearest_axis (iw, ow, box[0], box[2], acc, xo) < 0
        || pil_nearest_axis (ih, oh, box[1], box[3], acc, yo) < 0)
      return -1;
    return as_model_library_nearest (mp, in, xo, yo);
  }
  if (in->kernel == as_kernel_desc (AS_KERNEL_LINEAR)) {
    filter = pil_bilinear;
  } else if (in->kernel == as_kernel_desc (AS_KERNEL_CUBIC)) {
    filter = pil_bicubic;
  } else if (in->kernel->always_aa) {
    filter = in->kernel->eval; /* BOX, HAMMING, LANCZOS as Resample.c */
  } else {
    return -1;
  }
  /* 'RGBA' resizes as 'RGBa' (Image.resize converts there and back) */
  mp->premultiply = in->alpha && in->channels == 4 && mp->copy < 0;
  support = in->kernel->aa_support;
  if (pil_axis (mp, iw, ow, box[0], box[2], filter, support, &mp->h) < 0
      || pil_axis (mp, ih, oh, box[1], box[3], filter, support, &mp->v) < 0)
    return -2;
  /* the ORC rows: taps gathered into lines, weights per sample */
  switch (as_model_row_table (mp, dsp, AS_H_PIL8)) {
    case -1:
      return -2;
    case 0:
      mp->h.wr = as_model_replicate (
          mp, mp->h.w, sizeof (int32_t), mp->h.n_taps, ow, in->channels);
      if (!mp->h.wr)
        return -2;
      break;
  }
  as_gather_step2_run (mp->h.offset, ow, &mp->h.step2_a, &mp->h.step2_b);
  mp->h_in = dsp->h[AS_H_PIL8];
  mp->v_out = dsp->v[AS_V_PIL8];
  mp->h_first_only = 1;
  mp->inter_size = 1;
  /* the gathered taps (ORC), or a copy of a line's tail (AVX2: n taps and
   * 64 bytes); the accumulators (ORC), or a long vertical window's split
   * weights (AVX2) */
  mp->gather_bytes = (size_t) mp->h.n_taps * in->channels * MAX (ow, 2) + 64;
  mp->acc_bytes = 2 * (size_t) MAX (ow * in->channels, mp->v.n_taps + 2)
      * sizeof (int32_t);
  return 0.0;
}

const AsModel as_model_pillow = { "pillow", pillow_prepare };
