/* alignscale: resampling math (mapping -> kernel -> border rule -> tables)
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Pure C, no GStreamer types. Section numbers (§) refer to
 * docs/resampling-math.md.
 */
#ifndef __ALIGN_SCALE_RESAMPLE_H__
#define __ALIGN_SCALE_RESAMPLE_H__

#include <stdint.h>

typedef enum
{
  AS_KERNEL_NEAREST,
  AS_KERNEL_LINEAR,
  AS_KERNEL_CUBIC,
  /* PyTorch mode='area' (adaptive average pooling): each output averages
   * source samples floor (i in / out) .. ceil ((i + 1) in / out) - 1, from
   * the lengths alone (no mapping, no antialias) */
  AS_KERNEL_AREA,
  /* Pillow's filters, always antialiased as Image.resize does (§3.1 window
   * with Pillow's own half-widths): BOX, HAMMING, LANCZOS (a = 3) */
  AS_KERNEL_BOX,
  AS_KERNEL_HAMMING,
  AS_KERNEL_LANCZOS3,
  /* OpenCV INTER_LANCZOS4: 8 taps of Lanczos a = 4, normalised */
  AS_KERNEL_LANCZOS4,
  AS_N_KERNELS,
} AsKernel;

/* A kernel as the table builder sees it (zimg's Filter, GStreamer's
 * get_tap): its reach, its weights, and what the integer models may
 * assume. A new kernel is one descriptor in resample.c plus an enum value
 * (docs/developers.md). */
typedef struct
{
  const char *name;
  /* half-width in source samples before any antialias stretch; 0: point
   * sampling (nearest: one tap, picked by the rounding rules) */
  int support;
  /* the 2 * support weights of taps floor (x) - support + 1 + k, for the
   * fractional position t = x - floor (x) (fixed-size windows) */
  void (*taps) (double t, double param, double *w);
  /* the kernel at distance u (antialias windows, stretched by the scale) */
  double (*eval) (double u, double param);
  /* the parameter antialias uses whatever the user's (torch's bicubic
   * antialias keeps A = -0.5, docs/resampling-math.md §3.1) */
  double aa_param;
  /* two taps whose weights lie in [0, 1] wherever it is evaluated: the
   * lerp model of model.h may run its tables */
  int lerp;
  /* the half-width of the antialias window before the stretch (support,
   * except Pillow's box: 0.5) */
  double aa_support;
  /* always an antialias window, whatever the antialias setting (Pillow's
   * filters: Image.resize has no other) */
  int always_aa;
} AsKernelDesc;

const AsKernelDesc *as_kernel_desc (AsKernel kernel);

/* §1.1 coordinate mappings, with the ONNX names */
typedef enum
{
  AS_MAP_HALF_PIXEL, /* (i + 0.5) * in / out - 0.5: torch align_corners=False */
  AS_MAP_ALIGN_CORNERS, /* i * (in - 1) / (out - 1): torch align_corners=True */
  AS_MAP_ASYMMETRIC,    /* i * in / out */
  AS_MAP_PYTORCH_HALF_PIXEL,   /* half_pixel, but x = 0 when out == 1 */
  AS_MAP_HALF_PIXEL_SYMMETRIC, /* half_pixel kept centred for a scale */
  AS_MAP_TF_HALF_PIXEL_FOR_NN, /* (i + 0.5) * in / out */
  AS_MAP_TF_CROP_AND_RESIZE,   /* a (in - 1) + i (b - a) (in - 1) / (out - 1) */
  /* §3.1 quirk: torch antialias=True, align_corners=True keeps the centre
   * (i + 0.5) * ratio with ratio = (in - 1) / (out - 1) (0 if out == 1) */
  AS_MAP_TORCH_AA_ALIGN_CORNERS,
} AsMapping;

/* §2.3 nearest rounding of the source coordinate x; the index is then
 * clamped to [0, in - 1] */
typedef enum
{
  AS_NEAREST_HALF_UP,      /* floor (x + 0.5): ONNX round_prefer_ceil */
  AS_NEAREST_HALF_DOWN,    /* ceil (x - 0.5): ONNX round_prefer_floor */
  AS_NEAREST_FLOOR,        /* floor (x) */
  AS_NEAREST_CEIL,         /* ceil (x) */
  AS_NEAREST_TORCH_EXACT,  /* PyTorch nearest-exact in float32, bit for bit:
                           * floor (fl32 ((i + 0.5) * ratio32)).
                           * Only for half_pixel on a full-size plane. */
  AS_NEAREST_TORCH_LEGACY, /* PyTorch nearest: i if out == in, i >> 1 if
                            * out == 2 in, else floor (fl32 (i * ratio32)).
                            * Only for asymmetric on a full-size plane. */
} AsNearestRule;

/* Source coordinate x(i) = (num * i + off) / den, exactly (every mapping of
 * §1.1 is affine with rational coefficients for given sizes, §6.2). A
 * mapping with real parameters (a scale factor used as given, a crop
 * region) is x(i) = a * i + b in double instead (real != 0).
 *
 * A crop region (tf_crop_and_resize) also keeps its exact terms, so that
 * the decisions that jump (outside the picture or not, nearest rounding)
 * are made on the real number the roi doubles define, not on a rounded
 * a * i + b (3.0000000000000004 is not outside a picture of 4):
 *   luma  f(u) = (ra (D - u) + rb u) L / D   (D > 0; (ra + rb) L / 2 if 0)
 *   plane x(j) = (f (r j + o2 / 2 + du) + dx - o2 / 2) / r
 * (du, dx: a subsampled plane's picture placed at luma offsets that are
 * not multiples of r, as_affine_placed). */
typedef struct
{
  int64_t num, off, den;
  int real;
  double a, b;
  int crop;       /* ra, rb, L, D, r, o2 below are set */
  double ra, rb;  /* roi start and end, normalised */
  int64_t L, D;   /* in - 1, out - 1 of the full-resolution axis */
  int64_t r, o2;  /* subsampling and twice the siting offset */
  int64_t du, dx; /* luma shifts of a placed plane (as_affine_placed) */
} AsAffine;

/* the parameters of a mapping beyond the two lengths */
typedef struct
{
  AsMapping mapping;
  /* ONNX `scales` / torch `scale_factor` (out / in as given): the ratio is
   * 1 / scale (§1.2, §1.3). 0: in / out from the lengths. Ignored by
   * align_corners (as torch and ONNX Runtime) and tf_crop_and_resize. */
  double scale;
  double roi_start, roi_end; /* tf_crop_and_resize, normalised (§1.1) */
} AsMapSpec;

typedef struct
{
  int in_len, out_len;
  AsAffine map;
  AsKernel kernel;
  double param; /* the kernel's parameter: Keys A for cubic (§2.2) */
  AsNearestRule nearest;
  /* ratio in float32 for the torch nearest rules: fl32 (in) / fl32 (out),
   * or fl32 (1 / scale); 0 computes the former */
  float torch_ratio;
  int exclude_outside; /* §2.2: weights of taps outside dropped, renormalised */
  /* §3.1: the kernel stretched by max (stretch, 1), window truncated
   * at the borders and renormalised; cubic uses A = -0.5 (torch) */
  int antialias;
  /* the antialias stretch: the ratio of the scale (in / out, 1 / scale
   * factor), not the slope of the mapping, which is 0 for an output of one
   * sample in pytorch_half_pixel (ONNX Runtime stretches by in / out
   * there). 0: the slope of map. */
  double stretch;
  /* antialias windows computed as Pillow's precompute_coeffs does, in its
   * double arithmetic: centre (i + 0.5) * stretch (set for its filters on
   * a full-resolution half-pixel axis with stretch in / out) */
  int pillow;
} AsAxisSpec;

/* One axis' weight table, in double: the integer models of model.h
 * quantise it into their own tables. Taps are folded into a contiguous
 * window of n_taps source samples starting at offset[i]: border
 * replication (§2.1, §2.2 "clamp taps") is a weight moved onto the edge
 * sample. Offsets never decrease. */
typedef struct
{
  int in_len, out_len;
  int n_taps;
  int identity;    /* out[i] = in[i] exactly (one tap, weight 1) */
  int32_t *offset; /* [out_len] */
  double *weight;  /* [out_len * n_taps], sum 1 */
  double abs_sum;  /* the largest sum of |w| over a row */
} AsAxis;

AsAffine as_affine_full (AsMapping mapping, int in_len, int out_len);
AsAffine as_affine_map (const AsMapSpec *spec, int in_len, int out_len);
AsAffine as_affine_subsampled (AsAffine full, int r, int o2);
/* as_affine_subsampled for a plane whose picture does not start on a
 * block boundary: sample j of the plane sits at picture luma coordinate
 * r j + o2 / 2 + du, and source luma coordinate X is the plane's
 * sample (X + dx - o2 / 2) / r:
 *   c(j) = (f (r j + o2 / 2 + du) + dx - o2 / 2) / r
 * (du = dx = 0: as_affine_subsampled, bit for bit) */
AsAffine as_affine_placed (
    AsAffine full, int r, int o2, int64_t du, int64_t dx);
double as_affine_eval (AsAffine map, int i);
double as_affine_slope (AsAffine map);
/* the sign of x(i) - tn / td (td > 0): exact for rational and crop maps */
int as_affine_cmp (const AsAffine *map, int i, int64_t tn, int64_t td);
/* whether x(i) lies outside [0, in_len - 1], exactly as as_affine_cmp */
int as_affine_outside (const AsAffine *map, int i, int in_len);

double as_keys_kernel (double u, double a);

/* the widest fixed window (taps of an unstretched kernel) is
 * 2 * AS_MAX_SUPPORT */
#define AS_MAX_SUPPORT 4

/* the largest out_len * taps as_axis_init builds (it fails beyond) */
#define AS_MAX_TABLE_TAPS (1 << 24)

int as_axis_init (AsAxis *axis, const AsAxisSpec *spec);
void as_axis_clear (AsAxis *axis);

#endif /* __ALIGN_SCALE_RESAMPLE_H__ */
