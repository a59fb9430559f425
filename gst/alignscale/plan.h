/* alignscale: scaling plan (per-plane tables, models, pass order)
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The element describes the frame as planes; the plan builds one weight
 * table per plane axis (resample.c), picks each plane's integer model and
 * row functions once (model.h, dsp.h) and the pass order by cost. A plan
 * is read-only once built: runs take a range of output rows and their
 * own scratch (AsScratch, one per thread), so slices of a frame can run
 * at once, and running allocates nothing.
 * Pure C, no GStreamer types.
 */
#ifndef __ALIGN_SCALE_PLAN_H__
#define __ALIGN_SCALE_PLAN_H__

#include <stddef.h>
#include <stdint.h>

#include "convert.h"
#include "dsp.h"
#include "model.h"
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
  int antialias;           /* the kernels with a support; Pillow's always */
  double scale_x, scale_y; /* scale factors used as given, 0: from sizes */
  /* tf_crop_and_resize: region x0, y0, x1, y1 (normalised) and the value
   * of samples mapped outside the picture, as a fraction of the range */
  double roi[4];
  double extrapolation;
  /* converting planes: chroma-upsampling=nearest (else linear); the
   * planes' AsConvertDesc carry it, the config only tells a change */
  int chroma_nearest;
  /* whose bytes (AsLibrary, model.h): 0 the float result rounded; a
   * library's models take the plane (8-bit) or the default chain runs */
  int library;
  /* the library's _EXACT flavour of the method (OpenCV INTER_LINEAR_EXACT,
   * INTER_NEAREST_EXACT); the float result is the plain method's */
  int variant;
  /* Crop and pad (docs/alignscale.md "Crop and pad"): the input crop
   * <x, y, w, h> in full-resolution input pixels is the picture, resized
   * (half-pixel over the crop, taps stopping at its edges: torchvision's
   * resized_crop) into the rectangle <x, y, w, h> of the output, in
   * full-resolution output pixels; the picture inside is the bytes of a
   * plain resize of the crop to (w, h). w == 0: the whole input or
   * output. Both must lie inside, w and h >= 1, else as_plan_new fails.
   * A subsampled plane's picture is its samples whose block of r pixels
   * meets the crop (input) or the rectangle (output); away from block
   * boundaries its mapping is the picture's at each sample's siting
   * (as_affine_placed). Every other output sample is pad[p][c]: plane
   * p's working channel c in the plane's codes (rounded half up, clamped
   * to the plane's range). */
  int crop[4];
  int rect[4];
  double pad[AS_MAX_PLANES][4];
} AsConfig;

struct AsPlaneDesc;

/* A row stage: one row of width pixels from one layout to another (the
 * stored layout to working samples, or back), as the plane's layout says.
 * Working rows are N equal channels of bytes_per_sample bytes on one
 * grid. */
typedef void (*AsStageFunc) (
    void *dst, const void *src, int width, const struct AsPlaneDesc *d);

/* how a plane that needs stages stores its samples (stages.h) */
typedef struct
{
  int pstride;   /* bytes from one stored pixel to the next */
  int offset[4]; /* byte of each working channel within a stored pixel */
  int shift;     /* samples sit this many bits up in their 16-bit word */
  int swap;      /* 16-bit words in the other byte order */
} AsLayout;

/* One plane of a frame, as the element sees it. */
typedef struct AsPlaneDesc
{
  int in_w, in_h, out_w, out_h; /* plane size in pixels */
  int channels;                 /* working samples per pixel */
  int bytes_per_sample;         /* 1 or 2 (native-endian 16-bit words) */
  int r_h, r_v;                 /* subsampling against the full picture */
  int o2_h, o2_v; /* sample siting: twice the luma offset, §6.1 */
  /* significant bits of a working sample (8 for 1 byte, 9 to 16 for 2);
   * 0: 8 * bytes_per_sample. Outputs round and clamp on this grid. */
  int depth;
  /* source row -> working row, working row -> destination row (NULL: the
   * plane is stored as its working rows). A layout that is not N equal
   * channels (packed 4:2:2, samples in the high bits of a word) is a
   * pair of stages, which read its layout. */
  AsStageFunc unpack, pack;
  AsLayout layout;
  /* a converting plane (YUV in, RGB out): its source rows are made from
   * every source plane by this conversion (convert.h) instead of read;
   * the plan keeps its own copy */
  const AsConvertDesc *convert;
  /* the first planar_out channels of the working rows go to destination
   * planes 0 .. planar_out - 1 (RGBP: 3; 0: none) */
  int planar_out;
  /* 4 channels of 8 bits, one of them straight alpha: 1 + its channel
   * (RGBA 4, ARGB 1), else 0. Only a library that premultiplies uses it
   * (Pillow: AsModelPlan.premultiply); the others scale it alike. */
  int alpha;
} AsPlaneDesc;

typedef struct
{
  AsPlaneDesc desc;
  AsAxis x, y;   /* offsets and double weights */
  AsModelPlan m; /* the model, its tables and row functions */
  int h_first;   /* horizontal pass first (else vertical) */
  /* tf_crop_and_resize: output columns / rows mapped outside the picture
   * (NULL when none is); their samples are fill[] */
  uint8_t *outside_x, *outside_y;
  uint8_t fill[16]; /* one working pixel of the extrapolation value */
  /* the picture in this plane's samples (AsConfig.crop, .rect): source
   * samples [src_x, src_x + in_w) x [src_y, src_y + in_h) resized into
   * output samples [dst_x, dst_x + out_w) x [dst_y, dst_y + out_h); the
   * tables (x, y, m) are those of that resize. padded: some output
   * sample lies outside, and is pad (one working pixel). desc keeps the
   * whole plane. */
  int src_x, src_y, in_w, in_h;
  int dst_x, dst_y, out_w, out_h;
  int padded;
  uint8_t pad[16];
  /* a converting plane: the conversion, set to convert only the source
   * columns a run reads */
  AsConvert *conv;
} AsPlanePlan;

typedef struct
{
  AsConfig config;
  AsDsp dsp; /* the row functions the models picked from */
  int n_planes;
  AsPlanePlan plane[AS_MAX_PLANES];
  /* what one thread's scratch must hold (as_scratch_new) */
  size_t inter_bytes, acc_bytes, gather_bytes, unpack_line, pack_line;
  size_t conv_bytes;
  int max_taps;
  /* what running a frame costs: multiply-adds (the cost model's taps) and
   * the bytes of tables the plan holds */
  double macs;
  size_t bytes;
} AsPlan;

/* One thread's scratch: intermediate lines, accumulators, gathered taps,
 * unpacked rows. */
typedef struct AsScratch AsScratch;

/* Returns NULL on invalid input or allocation failure. dsp: the row
 * functions (NULL: the C references overridden by ORC, then SIMD,
 * as_dsp_init_*). */
AsPlan *as_plan_new (const AsConfig *config, int full_in_w, int full_in_h,
    int full_out_w, int full_out_h, const AsPlaneDesc *planes, int n_planes,
    const AsDsp *dsp);
void as_plan_free (AsPlan *plan);

/* every plane is copied unchanged: the frame can pass through */
int as_plan_is_identity (const AsPlan *plan);
int as_config_equal (const AsConfig *a, const AsConfig *b);

AsScratch *as_scratch_new (const AsPlan *plan);
void as_scratch_free (AsScratch *s);
/* whether s holds what plan needs (then it can run it) */
int as_scratch_fits (const AsScratch *s, const AsPlan *plan);

/* Output rows [row0, row1) of plane p from src to dst (strides in bytes;
 * src and dst point at row 0 of the whole plane: rows and columns outside
 * the picture get the pad). Any number of calls may run at once on
 * one plan, each with its own scratch; the bytes do not depend on how
 * the rows are split. */
void as_plan_run_plane (const AsPlan *plan, AsScratch *s, int p,
    const uint8_t *src, ptrdiff_t src_stride, uint8_t *dst,
    ptrdiff_t dst_stride, int row0, int row1);

/* The planes a run reads and writes: plane 0 of each for an ordinary
 * plane; every source plane for a converting one, every destination
 * plane for a planar_out one. */
typedef struct
{
  const uint8_t *src[AS_MAX_PLANES];
  ptrdiff_t sstride[AS_MAX_PLANES];
  uint8_t *dst[AS_MAX_PLANES];
  ptrdiff_t dstride[AS_MAX_PLANES];
} AsPlaneIo;

void as_plan_run_plane_io (const AsPlan *plan, AsScratch *s, int p,
    const AsPlaneIo *io, int row0, int row1);

#endif /* __ALIGN_SCALE_PLAN_H__ */
