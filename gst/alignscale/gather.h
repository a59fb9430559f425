/* alignscale: data movement for the horizontal fast rows
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef __ALIGN_SCALE_GATHER_H__
#define __ALIGN_SCALE_GATHER_H__

#include <stddef.h>
#include <stdint.h>

/* a SIMD byte shuffle in GCC's and Clang's vector extensions (the gather
 * and the row stages; other compilers take their 8-byte steps) */
#if defined(__clang__)
typedef uint8_t v16 __attribute__ ((vector_size (16)));
#define SHUFFLE(a, b, ...) __builtin_shufflevector (a, b, __VA_ARGS__)
#elif defined(__GNUC__)
typedef uint8_t v16 __attribute__ ((vector_size (16)));
#define SHUFFLE(a, b, ...) __builtin_shuffle (a, b, (v16){ __VA_ARGS__ })
#endif

/* tap k of output pixel i (channels samples of sample_size bytes) into
 * line k at pixel i: n_taps lines of out_w pixels. Outputs [run_a, run_b]
 * have first taps two pixels apart (as_gather_step2_run; b < a: none). */
void as_gather_taps (void *gather, const void *src, const int32_t *offset,
    int n_taps, int out_w, int channels, int sample_size, int run_a, int run_b);

/* the longest run [*a, *b] of outputs whose first taps are two pixels
 * apart; *b < *a when it is shorter than the gather's shuffles want */
void as_gather_step2_run (const int32_t *offset, int out_w, int *a, int *b);

/* pixels base[i] and base[i] + 1 (px bytes each) to pixel i of lines gb
 * and go; from i = n_pair on, base[i] + 1 is not read and base[i] goes to
 * both. src holds in_w pixels; nothing past them is read. */
void as_gather_pair (uint8_t *restrict gb, uint8_t *restrict go,
    const uint8_t *restrict s, int in_w, const int32_t *restrict base,
    int n_pair, int out_w, size_t px);

/* dst[k] = src[2 k], k < n (bytes); reads src[0 .. 2 n - 1) only */
void as_every_other_byte (uint8_t *dst, const uint8_t *src, size_t n);
/* the same for 2- and 4-byte elements: src elements 0, 2, 4, ... */
void as_every_other_word (uint8_t *dst, const uint8_t *src, size_t n);
void as_every_other_dword (uint8_t *dst, const uint8_t *src, size_t n);

#endif /* __ALIGN_SCALE_GATHER_H__ */
