/* alignscale: YUV -> 8-bit RGB (or full-range luma) at full resolution
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A converting plane's source rows are made by this stage instead of an
 * unpack: picture row y, columns [x0, x1), from the stored YUV planes,
 * with the arithmetic of docs/conversion.md (IEEE binary64 in a fixed
 * order, -ffp-contract=off), so the numpy model
 * (tests/check/golden/convert_model.py) gives the same bytes.
 * Pure C, no GStreamer types.
 */
#ifndef __ALIGN_SCALE_CONVERT_H__
#define __ALIGN_SCALE_CONVERT_H__

#include <stddef.h>
#include <stdint.h>

#include "dsp.h"

/* what a working channel of the converted rows holds */
typedef enum
{
  AS_CONV_R,
  AS_CONV_G,
  AS_CONV_B,
  AS_CONV_A,    /* the input's alpha scaled to 8 bits, or 255 */
  AS_CONV_PAD,  /* 255 (the x of RGBx) */
  AS_CONV_LUMA, /* full-range 8-bit luma (GRAY8) */
} AsConvChannel;

/* where one component's samples are stored */
typedef struct
{
  int plane;   /* index into the source planes; < 0: absent (alpha) */
  int pstride; /* bytes from one sample to the next in a row */
  int offset;  /* byte of sample 0 in a row */
  int bps;     /* 1, or 2 (16-bit words) */
  int shift;   /* the code sits this many bits up in its word */
  int swap;    /* words in the other byte order than the host's */
  int r_h, r_v;
  int depth;
} AsConvComp;

typedef struct
{
  AsConvComp comp[4]; /* Y, Cb, Cr, A */
  int width, height;  /* the picture */
  double kr, kb;      /* the matrix's Kr, Kb */
  int full_range;
  int o2_h, o2_v; /* chroma siting: twice the luma offset of sample 0 */
  int nearest;    /* chroma-upsampling=nearest (else linear) */
  int n_out;      /* working channels, 1 to 4 */
  AsConvChannel out[4];
} AsConvertDesc;

typedef struct AsConvert AsConvert;

/* NULL on an invalid description or no memory. dsp: the float32 rows
 * (NULL: C overridden by ORC, then SIMD, as_dsp_init_*) */
AsConvert *as_convert_new (const AsConvertDesc *d, const AsDsp *dsp);
void as_convert_free (AsConvert *cv);
/* bytes of scratch a row needs (as_convert_row's tmp) */
size_t as_convert_scratch_bytes (const AsConvert *cv);

/* the columns as_convert_row converts: cols[0 .. n), increasing (NULL:
 * 0 .. n - 1); every column until set. Returns -1 on invalid columns or
 * no memory. */
int as_convert_set_columns (AsConvert *cv, const int32_t *cols, int n);

/* Picture row y at the set columns into dst (n_out bytes a pixel, pixel x
 * at dst + n_out * x), from the source planes src[] (rows 0, strides in
 * bytes). tmp: as_convert_scratch_bytes bytes. */
void as_convert_row (const AsConvert *cv, uint8_t *dst,
    const uint8_t *const *src, const ptrdiff_t *stride, int y, void *tmp);

#endif /* __ALIGN_SCALE_CONVERT_H__ */
