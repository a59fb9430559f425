/* alignscale: resampling math (mapping -> kernel -> border rule -> tables)
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Pure C, no GStreamer types. Section numbers refer to
 * shared/spec/resampling.md.
 */
#ifndef __ALIGN_SCALE_RESAMPLE_H__
#define __ALIGN_SCALE_RESAMPLE_H__

#include <stdint.h>

#include "kernels.h"

typedef enum
{
  AS_KERNEL_NEAREST,
  AS_KERNEL_LINEAR,
  AS_KERNEL_CUBIC,
} AsKernel;

/* §1.1 coordinate mappings (more ONNX modes are additions here) */
typedef enum
{
  AS_MAP_HALF_PIXEL, /* (i + 0.5) * in / out - 0.5: torch align_corners=False */
  AS_MAP_ALIGN_CORNERS, /* i * (in - 1) / (out - 1): torch align_corners=True */
} AsMapping;

/* §2.3 nearest rounding of the source coordinate x */
typedef enum
{
  AS_NEAREST_HALF_UP,     /* floor (x + 0.5): nearest-exact on half_pixel */
  AS_NEAREST_HALF_DOWN,   /* ceil (x - 0.5): ONNX round_prefer_floor */
  AS_NEAREST_TORCH_EXACT, /* PyTorch nearest-exact in float32, bit for bit:
                                 * floor (fl32 ((i + 0.5) * fl32 (in / out))).
                                 * Only for half_pixel on a full-size plane. */
} AsNearestRule;

/* Source coordinate x(i) = (num * i + off) / den, exactly (every mapping of
 * §1.1 is affine with rational coefficients for given sizes, §6.2). */
typedef struct
{
  int64_t num, off, den;
} AsAffine;

typedef struct
{
  int in_len, out_len;
  AsAffine map;
  AsKernel kernel;
  double cubic_a; /* Keys A, §2.2 */
  AsNearestRule nearest;
} AsAxisSpec;

/* One axis' weight table. Taps are folded into a contiguous window of
 * n_taps source samples starting at offset[i]: border replication (§2.1,
 * §2.2 "clamp taps") is a weight moved onto the edge sample. */
typedef struct
{
  int in_len, out_len;
  int n_taps;
  int identity;     /* out[i] = in[i] exactly */
  int32_t *offset;  /* [out_len] */
  double *weight;   /* [out_len * n_taps], sum 1 */
  int16_t *iweight; /* [out_len * n_taps], sum AS_WEIGHT_ONE */
  int32_t *lweight; /* [out_len * n_taps], sum AS_WEIGHT_ONE_16 */
  /* linear axes only (else NULL): the same table for the 8-bit lerp model
   * of kernels.h. Output i blends sample lerp_base[i] with sample
   * lerp_base[i] + 1, the latter weighing lerp_w[i] / 2^16 < 1; the weight
   * is 0 when lerp_base[i] + 1 is past the end. */
  int32_t *lerp_base; /* [out_len] */
  uint16_t *lerp_w;   /* [out_len] */
  /* the same with 32-bit weights (16-bit samples) */
  int32_t *lerp_base32; /* [out_len] */
  uint32_t *lerp_w32;   /* [out_len] */
} AsAxis;

AsAffine as_affine_full (AsMapping mapping, int in_len, int out_len);
AsAffine as_affine_subsampled (AsAffine full, int r, int o2);
double as_affine_eval (AsAffine map, int i);

double as_keys_kernel (double u, double a);

int as_axis_init (AsAxis *axis, const AsAxisSpec *spec);
void as_axis_clear (AsAxis *axis);

#endif /* __ALIGN_SCALE_RESAMPLE_H__ */
