/* alignscale: per-line kernels (portable C reference)
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * These are the bit-exact reference that the ORC kernels must reproduce.
 * No GStreamer and no table-building here: a kernel gets lines, offsets and
 * fixed-point weights and writes one line.
 *
 * Fixed-point contract (spec §4). Bilinear tables (two taps, weights in
 * [0, 1]) take the lerp model described further down (8- and 16-bit);
 * 8-bit antialiased bilinear tables (weights >= 0, any number of taps) the
 * sum model, further down too. General tables (bicubic, antialias,
 * exclude-outside; any number of taps):
 *  - 8-bit samples: int16 weights with AS_WEIGHT_BITS (14) fractional bits,
 *    int32 accumulators, int16 intermediate with 6 fractional bits,
 *    rounded half up ((acc + half) >> shift, arithmetic shift);
 *  - 16-bit samples: int32 weights with AS_WEIGHT_BITS_16 (30) fractional
 *    bits (|w| < 2) and 32-bit products that keep their high half,
 *    mulhsl (a, b) = (a b) >> 32 (arithmetic), summed in int32:
 *      first pass  I = sum_k mulhsl (s_k << 15, w_k), 13 fractional bits;
 *      second pass r = sum_k mulhsl (I_k << 1, w_k), 12 fractional bits,
 *      out = (r + 2^11) >> 12.
 *    Each truncation errs below 2^-12 of a code: this is ORC's pmuldq
 *    arithmetic and nearer the exact sum than 22-bit weights in int64 were
 *    (14-bit weights would be off by up to 2 codes at 16 bits);
 *  - the weights of an output sample sum exactly to one;
 *  - nothing is clipped between passes (cubic overshoot survives);
 *  - the second pass clamps to the sample range once.
 * The tables these models get (resample.c's row_fits) have rows whose
 * positive weights sum to at most 1.5 and negative ones to at least -0.5,
 * as every Keys kernel with cubic-a in [-2, 0]: 255 * 1.5 * 64 and
 * 65535 * 1.5 * 2^13 (times 2) fit their types, and every accumulator fits
 * its type. So an 8-bit intermediate lies in [-8160, 24480] (255 * -0.5 *
 * 64 .. 255 * 1.5 * 64), and the weights of every output sample sum
 * exactly to one: the fast 2- and 4-tap kernels rely on both (they leave
 * one weight implied). Other tables, and tables whose error bound passes
 * half a code, run the exact model at the end of this file (plan.c).
 */
#ifndef __ALIGN_SCALE_KERNELS_H__
#define __ALIGN_SCALE_KERNELS_H__

#include <stdint.h>

#define AS_WEIGHT_BITS 14
#define AS_WEIGHT_ONE (1 << AS_WEIGHT_BITS)
#define AS_WEIGHT_BITS_16 30
#define AS_WEIGHT_ONE_16 (1 << AS_WEIGHT_BITS_16)

/* first-pass shifts: sample * weight -> intermediate */
#define AS_PASS1_SHIFT_8 8 /* 14 - 8: 6 fractional bits kept */
/* second-pass shifts: intermediate * weight -> sample */
#define AS_PASS2_SHIFT_8 (2 * AS_WEIGHT_BITS - AS_PASS1_SHIFT_8)

/* Vertical: dst[x] = sum_k w[k] * src[k][x], x < width (samples). */
void as_v_u8_i16 (int16_t *dst, const uint8_t *const *src, const int16_t *w,
    int n_taps, int width);
void as_v_i16_u8 (uint8_t *dst, const int16_t *const *src, const int16_t *w,
    int n_taps, int width);
void as_v_u16_i32 (int32_t *dst, const uint16_t *const *src, const int32_t *w,
    int n_taps, int width);
void as_v_i32_u16 (uint16_t *dst, const int32_t *const *src, const int32_t *w,
    int n_taps, int width);

/* Horizontal: for output pixel i and channel c,
 * dst[i*ch+c] = sum_k w[i*n_taps+k] * src[(offset[i]+k)*ch+c]. */
void as_h_u8_i16 (int16_t *dst, const uint8_t *src, const int32_t *offset,
    const int16_t *w, int n_taps, int out_w, int channels);
void as_h_i16_u8 (uint8_t *dst, const int16_t *src, const int32_t *offset,
    const int16_t *w, int n_taps, int out_w, int channels);
void as_h_u16_i32 (int32_t *dst, const uint16_t *src, const int32_t *offset,
    const int32_t *w, int n_taps, int out_w, int channels);
void as_h_i32_u16 (uint16_t *dst, const int32_t *src, const int32_t *offset,
    const int32_t *w, int n_taps, int out_w, int channels);

/* ---- fast 8-bit paths (ORC), equal to the references above bit for bit.
 * acc: int32 scratch for two lines of width (vertical) or out_w * channels
 * (horizontal) samples (in and out of each accumulate step: ORC's
 * arguments are restrict). Horizontal weights come replicated
 * per sample, wr[k * out_w * channels + i * channels + c] = w[i * n + k]
 * (as_replicate_weights), and taps are gathered into `gather`: n_taps
 * lines of out_w * channels samples of the source type. */
void as_fast_v_u8_i16 (int16_t *dst, const uint8_t *const *src,
    const int16_t *w, int n_taps, int width, int32_t *acc);
void as_fast_v_i16_u8 (uint8_t *dst, const int16_t *const *src,
    const int16_t *w, int n_taps, int width, int32_t *acc);
void as_fast_h_u8_i16 (int16_t *dst, const uint8_t *src, const int32_t *offset,
    const int16_t *wr, int n_taps, int out_w, int channels, void *gather,
    int32_t *acc);
void as_fast_h_i16_u8 (uint8_t *dst, const int16_t *src, const int32_t *offset,
    const int16_t *wr, int n_taps, int out_w, int channels, void *gather,
    int32_t *acc);
void as_replicate_weights (
    int16_t *wr, const int16_t *w, int n_taps, int out_w, int channels);

/* fast 16-bit paths (ORC), the same way: acc holds two lines of int32,
 * horizontal weights come replicated (as_replicate_weights32), taps are
 * gathered into `gather` (n_taps lines of the source type) */
void as_fast_v_u16_i32 (int32_t *dst, const uint16_t *const *src,
    const int32_t *w, int n_taps, int width, int32_t *acc);
void as_fast_v_i32_u16 (uint16_t *dst, const int32_t *const *src,
    const int32_t *w, int n_taps, int width, int32_t *acc);
void as_fast_h_u16_i32 (int32_t *dst, const uint16_t *src,
    const int32_t *offset, const int32_t *wr, int n_taps, int out_w,
    int channels, void *gather, int32_t *acc);
void as_fast_h_i32_u16 (uint16_t *dst, const int32_t *src,
    const int32_t *offset, const int32_t *wr, int n_taps, int out_w,
    int channels, void *gather, int32_t *acc);
void as_replicate_weights32 (
    int32_t *wr, const int32_t *w, int n_taps, int out_w, int channels);

/* Exact 2x downscale with (1/2, 1/2) taps on both axes (8-bit, 1 or 2
 * channels, little-endian): the same bytes as the two lerp passes below
 * with w = 2^15, (a + b + c + d + 2) >> 2. Rows must be aligned to
 * 2 * channels bytes. */
void as_fast_box2_u8 (uint8_t *dst, const uint8_t *row0, const uint8_t *row1,
    int out_w, int channels);

/* ---- the lerp model: 8-bit samples on 2-tap tables with weights in
 * [0, 1] (bilinear; resample.h's lerp tables). A sample blends a base b
 * with the next sample o, o weighing w / 2^16 (w < 2^16):
 *   lerp (b, o, w) = b - ((b w) >> 16) + ((o w) >> 16)
 * on uint16 values, which never leaves [min (b, o), max (b, o)].
 *  - first pass: u8 -> uint16 intermediate with 8 fractional bits plus a
 *    half: lerp (b << 8 | 128, o << 8 | 128, w);
 *  - second pass: lerp (B, O, w) >> 8: the half makes the shift round,
 *    and the result needs no clamp.
 * The two truncations of a lerp err in (-1, 1) of 2^-8, centred; with
 * 16-bit weights this model is nearer torch than 14-bit weights with exact
 * sums (golden bilinear 99.81/99.66 % -> 99.93/99.90 % exact), and it is
 * 4-6 SIMD operations a sample: pmulhuw keeps the high half of a 16-bit
 * product. w = 0 gives b exactly, so unit weights are exact. */
void as_lerp_v_u8_u16 (
    uint16_t *dst, const uint8_t *b, const uint8_t *o, uint16_t w, int width);
void as_lerp_v_u16_u8 (
    uint8_t *dst, const uint16_t *b, const uint16_t *o, uint16_t w, int width);
/* horizontal: output pixel i blends pixels base[i] and base[i] + 1 with
 * weight w[i] (the latter is not read when w[i] is 0) */
void as_lerp_h_u8_u16 (uint16_t *dst, const uint8_t *src, const int32_t *base,
    const uint16_t *w, int out_w, int channels);
void as_lerp_h_u16_u8 (uint8_t *dst, const uint16_t *src, const int32_t *base,
    const uint16_t *w, int out_w, int channels);
/* fast twins (ORC). Horizontal ones gather pixels base[i] and base[i] + 1
 * into `gather` (two lines of out_w * channels samples) and take the
 * weights replicated per sample (as_replicate_weights with one tap,
 * as_replicate_weights32 for 32-bit weights). base[i] + 1
 * is read for i < n_pair only: outputs from n_pair on must have weight 0
 * (bases never decrease, so they are the ones at the end of the line).
 * src holds in_w pixels; nothing past them is read. */
void as_fast_lerp_v_u8_u16 (
    uint16_t *dst, const uint8_t *b, const uint8_t *o, uint16_t w, int width);
void as_fast_lerp_v_u16_u8 (
    uint8_t *dst, const uint16_t *b, const uint16_t *o, uint16_t w, int width);
void as_fast_lerp_h_u8_u16 (uint16_t *dst, const uint8_t *src, int in_w,
    const int32_t *base, int n_pair, const uint16_t *wr, int out_w,
    int channels, void *gather);
void as_fast_lerp_h_u16_u8 (uint8_t *dst, const uint16_t *src, int in_w,
    const int32_t *base, int n_pair, const uint16_t *wr, int out_w,
    int channels, void *gather);
/* one axis only (the other is the identity): lerp (b << 8 | 128,
 * o << 8 | 128, w) >> 8, the two passes' bytes with w = 0 on the other */
void as_lerp_v_u8_u8 (
    uint8_t *dst, const uint8_t *b, const uint8_t *o, uint16_t w, int width);
void as_lerp_h_u8_u8 (uint8_t *dst, const uint8_t *src, const int32_t *base,
    const uint16_t *w, int out_w, int channels);
void as_fast_lerp_v_u8_u8 (
    uint8_t *dst, const uint8_t *b, const uint8_t *o, uint16_t w, int width);
void as_fast_lerp_h_u8_u8 (uint8_t *dst, const uint8_t *src, int in_w,
    const int32_t *base, int n_pair, const uint16_t *wr, int out_w,
    int channels, void *gather);

/* ---- the lerp model for 16-bit samples: the same with 32-bit weights
 * (w < 2^32), uint32 values and (b w) >> 32 (mulhul):
 *  - first pass: lerp32 (b << 16 | 32768, o << 16 | 32768, w);
 *  - second pass: lerp32 (B, O, w) >> 16.
 * 16 fractional bits in the intermediate, errors below 2^-15 code. */
void as_lerp_v_u16_u32 (
    uint32_t *dst, const uint16_t *b, const uint16_t *o, uint32_t w, int width);
void as_lerp_v_u32_u16 (
    uint16_t *dst, const uint32_t *b, const uint32_t *o, uint32_t w, int width);
void as_lerp_h_u16_u32 (uint32_t *dst, const uint16_t *src, const int32_t *base,
    const uint32_t *w, int out_w, int channels);
void as_lerp_h_u32_u16 (uint16_t *dst, const uint32_t *src, const int32_t *base,
    const uint32_t *w, int out_w, int channels);
void as_fast_lerp_v_u16_u32 (
    uint32_t *dst, const uint16_t *b, const uint16_t *o, uint32_t w, int width);
void as_fast_lerp_v_u32_u16 (
    uint16_t *dst, const uint32_t *b, const uint32_t *o, uint32_t w, int width);
void as_fast_lerp_h_u16_u32 (uint32_t *dst, const uint16_t *src, int in_w,
    const int32_t *base, int n_pair, const uint32_t *wr, int out_w,
    int channels, void *gather);
void as_fast_lerp_h_u32_u16 (uint16_t *dst, const uint32_t *src, int in_w,
    const int32_t *base, int n_pair, const uint32_t *wr, int out_w,
    int channels, void *gather);

/* ---- the sum model: 8-bit samples on tables whose weights are all
 * non-negative (antialiased bilinear), any number of taps. Weights are
 * uint16 summing to 2^16 (each below it); a product keeps its high half,
 * mulhu (a, w) = (a w) >> 16, and sums are uint16 (wrapping, which the
 * plan's bound on the taps rules out):
 *  - first pass: I = bias + sum mulhu (s << 8, w), 8 fractional bits;
 *  - second pass: out = (128 + bias + sum mulhu (I, w)) >> 8;
 * bias = n_taps >> 1 centres the truncations (each drops [0, 1) of 2^-8).
 * Flat areas stay flat while the two passes' taps add up to 254 at most;
 * the error before the final rounding is below (n_x + n_y) / 512 of a
 * code. 3 SIMD operations a tap (pmulhuw) instead of 7 for exact int32
 * sums. */
#define AS_SUM_MAX_TAPS 254
void as_sum_v_u8_u16 (uint16_t *dst, const uint8_t *const *src,
    const uint16_t *w, int n_taps, int width);
void as_sum_v_u16_u8 (uint8_t *dst, const uint16_t *const *src,
    const uint16_t *w, int n_taps, int width);
void as_sum_h_u8_u16 (uint16_t *dst, const uint8_t *src, const int32_t *offset,
    const uint16_t *w, int n_taps, int out_w, int channels);
void as_sum_h_u16_u8 (uint8_t *dst, const uint16_t *src, const int32_t *offset,
    const uint16_t *w, int n_taps, int out_w, int channels);
/* fast twins (ORC): acc holds two uint16 lines; horizontal ones gather
 * into `gather` (n_taps lines) and take weights replicated per sample
 * (as_replicate_weights) */
void as_fast_sum_v_u8_u16 (uint16_t *dst, const uint8_t *const *src,
    const uint16_t *w, int n_taps, int width, uint16_t *acc);
void as_fast_sum_v_u16_u8 (uint8_t *dst, const uint16_t *const *src,
    const uint16_t *w, int n_taps, int width, uint16_t *acc);
void as_fast_sum_h_u8_u16 (uint16_t *dst, const uint8_t *src,
    const int32_t *offset, const uint16_t *wr, int n_taps, int out_w,
    int channels, void *gather, uint16_t *acc);
void as_fast_sum_h_u16_u8 (uint8_t *dst, const uint16_t *src,
    const int32_t *offset, const uint16_t *wr, int n_taps, int out_w,
    int channels, void *gather, uint16_t *acc);

/* ---- the exact model: any table, double weights and a double
 * intermediate, each output rounded half up and clamped once. The plan
 * runs it where a fixed-point model cannot hold the table (weights beyond
 * the [-0.5, 1.5] sums above, from renormalised windows) or would err by
 * more than half a code (windows of hundreds of taps: antialiased
 * downscales far beyond 50x), so every output stays within one code of
 * the float result. Plain C: those tables are rare and already costly.
 * Samples are 8-bit (bps 1) or native-endian 16-bit (bps 2); maxval is
 * 255 or 65535; a NaN (only from weights near the double range) gives 0.
 *   v_in:  dst[x] = sum_k w[k] * src[k][x]               (samples in)
 *   h_in:  dst[i*ch+c] = sum_k w[i*n+k] * src[(offset[i]+k)*ch+c]
 *   v_out, h_out: the same from doubles to samples. */
void as_exact_v_in (double *dst, const uint8_t *const *src, int bps,
    const double *w, int n_taps, int width);
void as_exact_h_in (double *dst, const uint8_t *src, int bps,
    const int32_t *offset, const double *w, int n_taps, int out_w,
    int channels);
void as_exact_v_out (uint8_t *dst, int bps, const double *const *src,
    const double *w, int n_taps, int width);
void as_exact_h_out (uint8_t *dst, int bps, const double *src,
    const int32_t *offset, const double *w, int n_taps, int out_w,
    int channels);

/* Nearest: copy pixel idx[i] (bpp bytes) to pixel i. */
void as_h_nearest (
    uint8_t *dst, const uint8_t *src, const int32_t *idx, int out_w, int bpp);

#endif /* __ALIGN_SCALE_KERNELS_H__ */
