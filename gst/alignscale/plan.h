/* alignscale: scaling plan (per-plane tables, pass order, scratch)
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The element describes the frame as planes; the plan builds one weight
 * table per plane axis (resample.c), picks the pass order by cost and owns
 * all scratch memory, so running a frame allocates nothing.
 * Pure C, no GStreamer types.
 */
#ifndef __ALIGN_SCALE_PLAN_H__
#define __ALIGN_SCALE_PLAN_H__

#include <stddef.h>
#include <stdint.h>

#include "resample.h"

#define AS_MAX_PLANES 4

/* nearest rounding as the user picks it (§2.3); AUTO: PyTorch's
 * nearest-exact for half_pixel and nearest for asymmetric (bit for bit, in
 * its float32 arithmetic), floor for tf_half_pixel_for_nn, ONNX's default
 * round_prefer_floor for the others */
typedef enum
{
  AS_NEAREST_MODE_AUTO,
  AS_NEAREST_MODE_ROUND_PREFER_FLOOR,
  AS_NEAREST_MODE_ROUND_PREFER_CEIL,
  AS_NEAREST_MODE_FLOOR,
  AS_NEAREST_MODE_CEIL,
} AsNearestMode;

typedef struct
{
  AsMapping mapping; /* not AS_MAP_TORCH_AA_ALIGN_CORNERS: antialias picks it */
  AsKernel kernel;
  double cubic_a;
  AsNearestMode nearest_mode;
  int exclude_outside;
  int antialias;           /* linear and cubic only */
  double scale_x, scale_y; /* scale factors used as given, 0: from sizes */
  /* tf_crop_and_resize: region x0, y0, x1, y1 (normalised) and the value
   * of samples mapped outside the picture, as a fraction of the range */
  double roi[4];
  double extrapolation;
} AsConfig;

/* One plane of a frame, as the element sees it. */
typedef struct
{
  int in_w, in_h, out_w, out_h; /* plane size in pixels */
  int channels;                 /* samples per pixel in this plane */
  int bytes_per_sample;         /* 1 or 2 (native-endian 16-bit) */
  int r_h, r_v;                 /* subsampling against the full picture */
  int o2_h, o2_v; /* sample siting: twice the luma offset, §6.1 */
} AsPlaneDesc;

typedef struct
{
  AsPlaneDesc desc;
  AsAxis x, y;
  int h_first;          /* horizontal pass first (else vertical) */
  int16_t *xw_repl;     /* 8-bit: x weights per sample, see kernels.h */
  int32_t *xw_repl32;   /* 16-bit: the same */
  int lerp;             /* bilinear: the lerp model of kernels.h */
  int lerp_1d;          /* 8-bit lerp with one identity axis: one pass */
  int lx_n_pair;        /* lerp: outputs whose second x tap is inside */
  uint16_t *lx_wrepl;   /* lerp, 8-bit: x weights per sample */
  uint32_t *lx_wrepl32; /* lerp, 16-bit: x weights per sample */
  int box2; /* both axes are exact (1/2, 1/2) 2x downscales: 2x2 box path */
  /* the exact model of kernels.h: a table no fixed-point model holds
   * within half a code. bound: the worst-case error, in codes before the
   * final rounding, of the model the plane runs (0 for the exact one) */
  int exact;
  double bound;
  int sum;            /* 8-bit antialias, weights >= 0: the sum model */
  uint16_t *sx_wrepl; /* sum model: x weights per sample */
  /* tf_crop_and_resize: output columns / rows mapped outside the picture
   * (NULL when none is); their samples are fill[] */
  uint8_t *outside_x, *outside_y;
  uint8_t fill[8]; /* one pixel of the extrapolation value */
} AsPlanePlan;

typedef struct
{
  AsConfig config;
  int n_planes;
  AsPlanePlan plane[AS_MAX_PLANES];
  /* scratch, sized for the largest plane */
  void *inter;       /* intermediate lines */
  int *ring_row;     /* source row held by each ring slot */
  const void **rows; /* line pointers handed to vertical kernels */
  int32_t *acc;      /* int32 accumulator line (fast paths) */
  void *gather;      /* gathered horizontal taps (fast paths) */
  /* what running a frame costs: multiply-adds (the cost model's taps) and
   * the bytes of tables and scratch the plan holds */
  double macs;
  size_t bytes;
} AsPlan;

/* Returns NULL on invalid input or allocation failure. */
AsPlan *as_plan_new (const AsConfig *config, int full_in_w, int full_in_h,
    int full_out_w, int full_out_h, const AsPlaneDesc *planes, int n_planes);
void as_plan_free (AsPlan *plan);

/* every plane is copied unchanged: the frame can pass through */
int as_plan_is_identity (const AsPlan *plan);
int as_config_equal (const AsConfig *a, const AsConfig *b);

/* Scale plane p from src to dst (strides in bytes). Not reentrant: one
 * thread per plan (the scratch is the plan's). */
void as_plan_run_plane (AsPlan *plan, int p, const uint8_t *src,
    ptrdiff_t src_stride, uint8_t *dst, ptrdiff_t dst_stride);

#endif /* __ALIGN_SCALE_PLAN_H__ */
