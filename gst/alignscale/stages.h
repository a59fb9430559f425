/* alignscale: row stages for stored layouts that are not working rows
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A plane whose stored pixels are not N equal channels of native samples
 * (packed 4:2:2, 10/12-bit samples in the high bits of a word, the other
 * byte order) names a pair of these in its AsPlaneDesc; they read the
 * plane's AsLayout. Pure C, no GStreamer types.
 */
#ifndef __ALIGN_SCALE_STAGES_H__
#define __ALIGN_SCALE_STAGES_H__

#include "plan.h"

/* 8-bit samples at layout.offset[k] of stored pixels layout.pstride bytes
 * apart (YUY2's Y: offset 0, pstride 2; its UV: offsets 1, 3, pstride 4).
 * A pack writes only the bytes of its channels, so two planes can share
 * one stored row. */
void as_stage_unpack_strided8 (
    void *dst, const void *src, int width, const AsPlaneDesc *d);
void as_stage_pack_strided8 (
    void *dst, const void *src, int width, const AsPlaneDesc *d);

/* 16-bit words holding a sample << layout.shift, byte-swapped when
 * layout.swap, channels contiguous (P010: shift 6; GRAY16_BE on a
 * little-endian host: swap). Packing leaves the low shift bits zero. */
void as_stage_unpack_word16 (
    void *dst, const void *src, int width, const AsPlaneDesc *d);
void as_stage_pack_word16 (
    void *dst, const void *src, int width, const AsPlaneDesc *d);

/* 4-byte working pixels to 3-byte stored ones, the fourth byte dropped
 * (RGB and BGR converted from YUV work as 4 channels: the conversion
 * writes whole words, the 4-byte rows are the fast ones) */
void as_stage_pack_drop4 (
    void *dst, const void *src, int width, const AsPlaneDesc *d);

/* Pillow 9.4's RGBA -> RGBa and RGBa -> RGBA (Convert.c), on 4-byte
 * pixels whose alpha is channel d->alpha - 1 (the others alike):
 *  - premultiply: c = MULDIV255 (c, a): t = c a + 128, ((t >> 8) + t) >> 8;
 *  - unpremultiply: c unchanged where a is 0 or 255, else
 *    min (255, 255 c / a) (integer division);
 * alpha is kept. dst may be src. */
void as_stage_premultiply (
    void *dst, const void *src, int width, const AsPlaneDesc *d);
void as_stage_unpremultiply (
    void *dst, const void *src, int width, const AsPlaneDesc *d);

#endif /* __ALIGN_SCALE_STAGES_H__ */
