/* alignscale: the integer models (how a plane's tables are computed)
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A model is a unit: it decides whether it can run a plane (and how far
 * from the exact result it may land), quantises the double tables of
 * resample.c into its own, sizes its scratch and names its row functions
 * in the table of dsp.h. The plan tries the models in the order of
 * as_models and keeps the first whose error bound is at most half a code,
 * so every output is within one code of the float result (README). A new
 * model is one AsModel in model.c, its entries in dsp.h, rows-c.c and
 * (when it has ORC programs) rows-orc.c, or SIMD rows in rows-simd.c /
 * rows-x86.c, whose tables AsDsp.h_prep builds (docs/developers.md).
 *
 * Sample depth is a parameter: maxval is the largest code of the plane's
 * grid (255, 1023, 4095, 65535), and the final rounding and clamp are on
 * that grid. The arithmetic, model by model (docs/resampling-math.md §4
 * for the targets):
 *
 * nearest: copies; no arithmetic.
 *
 * lerp (bilinear tables: two taps, weights in [0, 1], bases that never
 * decrease). A sample blends a base b with the next sample o, o weighing
 * w / 2^16 (w < 2^16): lerp (b, o, w) = b - ((b w) >> 16) + ((o w) >> 16)
 * on uint16 values, which never leaves [min (b, o), max (b, o)] (so no
 * clamp at any depth).
 *  - first pass: lerp (b << 8 | 128, o << 8 | 128, w);
 *  - second pass: lerp (B, O, w) >> 8: the half makes the shift round.
 * The two truncations of a lerp err in (-1, 1) of 2^-8, centred; with
 * 16-bit weights this is nearer torch than 14-bit weights with exact sums
 * (golden bilinear 99.81/99.66 % -> 99.93/99.90 % exact), and it is 4-6
 * SIMD operations a sample (pmulhuw). w = 0 gives b exactly. 16-bit
 * samples: the same with 32-bit weights and uint32 values, (b w) >> 32,
 * b << 16 | 32768 and >> 16 (errors below 2^-15 code). One identity axis
 * (8-bit): one pass, lerp (b << 8 | 128, o << 8 | 128, w) >> 8, the two
 * passes' bytes. Exact 2x downscales with (1/2, 1/2) taps on both axes
 * (8-bit, 1 or 2 channels): (a + b + c + d + 2) >> 2, the same bytes; and
 * with (1/2, 1/2) rows and horizontal weights w = 512 m, 0 < m < 128, on
 * pixels 2i, 2i + 1 (co-sited 4:2:0 chroma at 2:1): neither pass
 * truncates, in either order, and the bytes are
 * ((128 - m)(a + c) + m (b + d) + 128) >> 8 (a, b the top row's pixels).
 *
 * sum (8-bit antialias tables whose weights are all >= 0, any number of
 * taps). Weights are uint16 summing to 2^16 (each below it); a product
 * keeps its high half, mulhu (a, w) = (a w) >> 16, and sums are uint16
 * (wrapping, which the bound on the taps rules out):
 *  - first pass: I = bias + sum mulhu (s << 8, w), 8 fractional bits;
 *  - second pass: out = (128 + bias + sum mulhu (I, w)) >> 8;
 * bias = n_taps >> 1 centres the truncations. Flat areas stay flat while
 * the two passes' taps add up to AS_SUM_MAX_TAPS; the error before the
 * final rounding is below (n_x + n_y) / 512 of a code. 3 SIMD operations a
 * tap instead of 7 for exact int32 sums.
 *
 * fixed (any table whose rows fit: positive weights summing to at most
 * 1.5, negative ones to at least -0.5, as every Keys kernel with A in
 * [-2, 0]):
 *  - 8-bit samples: int16 weights with AS_WEIGHT_BITS (14) fractional
 *    bits, int32 accumulators, int16 intermediate with 6 fractional bits,
 *    rounded half up ((acc + half) >> shift, arithmetic shift);
 *  - 16-bit words: int32 weights with AS_WEIGHT_BITS_16 (30) fractional
 *    bits and 32-bit products that keep their high half, mulhsl (a, b) =
 *    (a b) >> 32 (arithmetic), summed in int32:
 *      first pass  I = sum_k mulhsl (s_k << 15, w_k), 13 fractional bits;
 *      second pass r = sum_k mulhsl (I_k << 1, w_k), 12 fractional bits,
 *      out = (r + 2^11) >> 12, clamped to [0, maxval].
 *    Each truncation errs below 2^-12 of a code (ORC's pmuldq);
 *  - the weights of an output sample sum exactly to one (the residue of
 *    the rounding goes to the largest tap): flat areas stay flat, and the
 *    fast 2- and 4-tap rows leave one weight implied;
 *  - nothing is clipped between passes (cubic overshoot survives); the
 *    second pass clamps once.
 * 255 * 1.5 * 64 and 65535 * 1.5 * 2^13 (times 2) fit their types, so an
 * 8-bit intermediate lies in [-8160, 24480].
 *
 * Library models (AsModelInput.library): the bytes a library returns,
 * from the plane's sizes with the library's own mapping and arithmetic
 * (docs/integer-models.md), bound 0 by definition:
 *  - opencv: cv2.resize of OpenCV 4.6, 8-bit: INTER_NEAREST (floor of
 *    i in/out in double, clamped) and INTER_LINEAR (float32 coordinate,
 *    11-bit rhe weights, int32 Q11 horizontal, the SIMD vertical
 *    sat_u8 ((sat_s16 ((T0 >> 4) b0 >> 16) + ((T1 >> 4) b1 >> 16)) + 2)
 *    >> 2); an exact 2x2 downscale takes INTER_AREA's (a+b+c+d+2) >> 2;
 *    INTER_CUBIC and INTER_LANCZOS4 (float32 interpolateCubic, A = -0.75,
 *    and interpolateLanczos4, fraction kept at the borders, 11-bit rhe
 *    weights not renormalised; int32 Q11 horizontal with edge taps
 *    clamped, folded into windows inside the picture; vertical over
 *    clamped rows: Lanczos-4 sat_u8 ((sum + 2^21) >> 22), cubic the same
 *    on the last width % 8 samples of a row and, before them, Debian's
 *    SSE2 body: float32 T0 b0' + (T1 b1' + (T2 b2' + T3 b3')),
 *    b' = b / 2^22, rounded to even, saturated);
 *    INTER_AREA (other integer factors: the block's int sum times the
 *    float 1.f / area, cvRound; other downscales: resizeArea_'s float32
 *    weights, each row's horizontal sums then the weighted rows, in its
 *    order, cvRound once; an axis that grows: the INTER_LINEAR rows with
 *    its "coverage" fractions), INTER_LINEAR_EXACT (softdouble
 *    coordinate, Q8 weights rounded half to even, uint16 horizontal,
 *    (h0 c0 + h1 c1 + 2^15) >> 16; exact 2x2: INTER_AREA's but for 2
 *    channels) and INTER_NEAREST_EXACT (16.16, 4.6's ifx / 2 - 1); both
 *    nearest also on 16-bit planes (any depth: copies).
 *    Full 16-bit planes (maxval 65535, cv2.resize of a uint16 array; 10-
 *    and 12-bit planes run the exact chain), horizontal first:
 *    INTER_LINEAR, INTER_CUBIC, INTER_LANCZOS4 in float32, the 8-bit
 *    geometry with the float coefficients themselves (1 - f, f; cubic;
 *    Lanczos-4), T = sum S[clamp (x_k)] a_k left to right (edge taps not
 *    folded), out = cvRound (sum T_k b_k) left to right, saturated (ties
 *    to even), but the cubic's first 8 floor (width / 8) samples
 *    T0 b0 + (T1 b1 + (T2 b2 + T3 b3)) (its SSE2 body); INTER_AREA: 2x2
 *    (sum + 2) >> 2 (2 channels: cvRound (sum 0.25f)), other integer
 *    factors a float block sum (row by row, four samples at a time added
 *    as an int) times 1.f / area, cvRound; other downscales the 8-bit
 *    float tables and order; an axis that grows the 16-bit linear rows
 *    with coverage fractions; INTER_LINEAR_EXACT with ufixedpoint32:
 *    c1 = cvRound ((f - x0) 2^16), c0 = 2^16 - c1 (uint32), uint32
 *    horizontal, (h0 c0 + h1 c1 + 2^31) >> 32 in uint64; exact 2x2 on
 *    both axes as INTER_AREA's (INTER_LINEAR_EXACT: but for 2 channels);
 *    equal sizes a copy;
 *  - pillow: Image.resize of Pillow 9.4, 8-bit: NEAREST (accumulated
 *    double), BILINEAR, BICUBIC, BOX, HAMMING and LANCZOS
 *    (precompute_coeffs in double, int32 weights of 22 bits rounded away
 *    from zero, acc = 2^21 + sum, clip8 (acc >> 22), horizontal first
 *    over the rows needed, clipped between passes); 'RGBA' (input alpha)
 *    premultiplied for the filters (the plan's row stages, stages.h:
 *    MULDIV255 before, min (255, 255 c / a) after), the same size and
 *    whole box a copy; 16-bit: NEAREST only, 'I;16''s per-pixel
 *    a (i + 0.5) + x0; box= from a tf-crop-and-resize roi (roi times the
 *    picture size, as floats) on frames without subsampled planes.
 *
 * exact (any table): double weights and a double intermediate, each output
 * rounded half up and clamped to [0, maxval] once; a NaN gives 0. It runs
 * where no fixed-point model holds the table (weights beyond the sums
 * above, from renormalised windows) or would err by more than half a code
 * (windows of hundreds of taps). Plain C: those tables are rare and
 * already costly.
 */
#ifndef __ALIGN_SCALE_MODEL_H__
#define __ALIGN_SCALE_MODEL_H__

#include <stddef.h>
#include <stdint.h>

#include "dsp.h"
#include "resample.h"

#define AS_WEIGHT_BITS 14
#define AS_WEIGHT_ONE (1 << AS_WEIGHT_BITS)
#define AS_WEIGHT_BITS_16 30
#define AS_WEIGHT_ONE_16 (1 << AS_WEIGHT_BITS_16)
/* 8-bit fixed model: sample * weight -> intermediate keeps 6 bits */
#define AS_PASS1_SHIFT_8 8
#define AS_PASS2_SHIFT_8 (2 * AS_WEIGHT_BITS - AS_PASS1_SHIFT_8)
#define AS_SUM_MAX_TAPS 254

/* what a model is asked to run: one plane's two axes */
typedef struct
{
  const AsAxis *x, *y;
  const AsKernelDesc *kernel;
  int antialias;
  int channels;
  int bps;    /* bytes of a working sample: 1, or 2 native-endian */
  int maxval; /* the largest code: (1 << depth) - 1 */
  const AsDsp *dsp;
  /* the library whose bytes the plane must give (AsLibrary): its own
   * models, from the plane's sizes alone (the axes' weights unused) */
  int library;
  int variant; /* AsConfig.variant: the library's _EXACT flavour */
  /* tf-crop-and-resize: the roi x0, y0, x1, y1 normalised to the
   * picture (AsConfig.roi), else NULL: Pillow's box=, which its model
   * serves only when no plane of the frame is subsampled (subsampled:
   * a box in chroma pixels is no picture region Pillow defines) */
  const double *roi;
  int subsampled;
  /* 1 + the channel that holds straight alpha (AsPlaneDesc.alpha), 0 */
  int alpha;
} AsModelInput;

/* integer-model: whose bytes (library models: model-opencv.c,
 * model-pillow.c) */
typedef enum
{
  AS_LIBRARY_NONE,   /* the float result, rounded (the models above) */
  AS_LIBRARY_OPENCV, /* cv2.resize, OpenCV 4.6 */
  AS_LIBRARY_PILLOW, /* Image.resize, Pillow 9.4 */
} AsLibrary;

struct AsModel;

/* A model's plan for one plane: read-only once built. */
typedef struct
{
  const struct AsModel *model;
  double bound; /* worst-case error in codes before the final rounding */
  AsPass h, v;  /* the horizontal and vertical passes' tables */
  /* two passes: H-first runs h_in then v_out, V-first v_in then h_out */
  AsHFunc h_in, h_out;
  AsVFunc v_in, v_out;
  /* or one (when set): v_one blends rows v.offset[j] and the next, h_one
   * resamples row v.offset[j]. one_box2: v_one reads pixel pairs as
   * words, rows must pass as_dsp_box2_aligned (else the two passes run) */
  AsVFunc v_one;
  AsHFunc h_one;
  int one_box2;
  int h_first_only; /* the library computes horizontal first: no V-first */
  /* whose bytes the plane gives (AsLibrary): a library model's own
   * geometry and arithmetic, or AS_LIBRARY_NONE (the float result) */
  int library;
  /* the library premultiplies the colour channels by the alpha channel
   * (AsModelInput.alpha) before resampling and divides after (Pillow's
   * RGBA -> RGBa -> RGBA): the plan runs the stages around the rows */
  int premultiply;
  /* whether the library returns its input (the frame can pass through):
   * 1 always (Image.resize at the same size and the whole box), -1 never
   * (Pillow's box, its RGBA round trip), 0 where both axes are identities */
  int copy;
  size_t inter_size;   /* bytes of an intermediate sample */
  size_t gather_bytes; /* per-thread scratch of the fast rows */
  size_t acc_bytes;
  size_t bytes; /* the tables the model holds */
  void *mem[8]; /* what it allocated */
} AsModelPlan;

typedef struct AsModel
{
  const char *name;
  /* builds mp for in: returns the error bound, -1 when the model cannot
   * run this plane, -2 when memory ran out (mp is cleared then) */
  double (*prepare) (AsModelPlan *mp, const AsModelInput *in);
} AsModel;

extern const AsModel as_model_nearest, as_model_lerp, as_model_sum,
    as_model_fixed, as_model_exact, as_model_opencv, as_model_pillow;

/* the first model in preference order whose bound is at most max_bound
 * (exact always is); returns -1 when memory ran out */
int as_model_pick (AsModelPlan *mp, const AsModelInput *in, double max_bound);
void as_model_plan_clear (AsModelPlan *mp);

/* A row of weights in fixed point with an exact sum: each rounded, the
 * residue given to the largest tap. Returns the sum over the row of
 * |q / 2^bits - w|, or -1 (q unset) when a weight leaves [lo, hi]. */
double as_quantize_row (
    const double *w, int n, int bits, int64_t lo, int64_t hi, int32_t *q);
/* every row's positive weights sum to at most 1.5, negative ones to at
 * least -0.5, all finite: what the fixed and sum models can hold */
int as_axis_fits (const AsAxis *axis);

#endif /* __ALIGN_SCALE_MODEL_H__ */
