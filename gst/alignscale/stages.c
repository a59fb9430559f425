/* alignscale: row stages for stored layouts that are not working rows
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "gather.h"
#include "stages.h"

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define EVEN_BYTES 0x00ff00ff00ff00ffull

/* dst[2 k] = src[k], k < n, the bytes between kept */
static void
to_every_other_byte (uint8_t *dst, const uint8_t *src, size_t n)
{
  size_t k = 0;

#ifdef SHUFFLE
  /* sixteen a step: the bytes interleaved with zeros (punpcklbw,
   * punpckhbw), or-ed into the odd bytes already there */
  const v16 zero = { 0 };
  const v16 odd = { 0, 255, 0, 255, 0, 255, 0, 255, 0, 255, 0, 255, 0, 255, 0,
    255 };
  for (; k + 16 < n; k += 16) {
    v16 s, a, b;
    memcpy (&s, src + k, 16);
    memcpy (&a, dst + 2 * k, 16);
    memcpy (&b, dst + 2 * k + 16, 16);
    a = (a & odd)
        | SHUFFLE (
            s, zero, 0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
    b = (b & odd)
        | SHUFFLE (s, zero, 8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14,
            30, 15, 31);
    memcpy (dst + 2 * k, &a, 16);
    memcpy (dst + 2 * k + 16, &b, 16);
  }
#endif

  for (; k + 4 < n; k += 4) {
    uint32_t v;
    uint64_t x, w;
    memcpy (&v, src + k, 4);
    x = v;
    x = (x | x << 16) & 0x0000ffff0000ffffull;
    x = (x | x << 8) & EVEN_BYTES;
    memcpy (&w, dst + 2 * k, 8);
    w = (w & ~EVEN_BYTES) | x;
    memcpy (dst + 2 * k, &w, 8);
  }
  for (; k < n; k++)
    dst[2 * k] = src[k];
}

/* the layouts as_every_other_byte serves: one sample every 2 bytes, or a pair
 * every 4 bytes two apart */
static int
every_other (const AsPlaneDesc *d)
{
  const AsLayout *l = &d->layout;

  return (d->channels == 1 && l->pstride == 2)
      || (d->channels == 2 && l->pstride == 4
          && l->offset[1] == l->offset[0] + 2 && l->offset[0] < 2);
}
#endif

void
as_stage_unpack_strided8 (
    void *dst, const void *src, int width, const AsPlaneDesc *d)
{
  const AsLayout *l = &d->layout;
  const uint8_t *s = src;
  uint8_t *o = dst;
  size_t ps = (size_t) l->pstride;

#ifdef EVEN_BYTES
  if (every_other (d)) {
    as_every_other_byte (o, s + l->offset[0], (size_t) width * d->channels);
    return;
  }
#endif
  if (d->channels == 1) {
    s += l->offset[0];
    for (int i = 0; i < width; i++)
      o[i] = s[ps * i];
  } else if (d->channels == 2) {
    const uint8_t *a = s + l->offset[0], *b = s + l->offset[1];
    for (int i = 0; i < width; i++) {
      o[2 * i] = a[ps * i];
      o[2 * i + 1] = b[ps * i];
    }
  } else {
    for (int i = 0; i < width; i++)
      for (int k = 0; k < d->channels; k++)
        o[(size_t) i * d->channels + k] = s[ps * i + l->offset[k]];
  }
}

void
as_stage_pack_strided8 (
    void *dst, const void *src, int width, const AsPlaneDesc *d)
{
  const AsLayout *l = &d->layout;
  const uint8_t *s = src;
  uint8_t *o = dst;
  size_t ps = (size_t) l->pstride;

#ifdef EVEN_BYTES
  if (every_other (d)) {
    to_every_other_byte (o + l->offset[0], s, (size_t) width * d->channels);
    return;
  }
#endif
  if (d->channels == 1) {
    o += l->offset[0];
    for (int i = 0; i < width; i++)
      o[ps * i] = s[i];
  } else if (d->channels == 2) {
    uint8_t *a = o + l->offset[0], *b = o + l->offset[1];
    for (int i = 0; i < width; i++) {
      a[ps * i] = s[2 * i];
      b[ps * i] = s[2 * i + 1];
    }
  } else {
    for (int i = 0; i < width; i++)
      for (int k = 0; k < d->channels; k++)
        o[ps * i + l->offset[k]] = s[(size_t) i * d->channels + k];
  }
}

static inline uint16_t
swap16 (uint16_t v)
{
  return (uint16_t) (v << 8 | v >> 8);
}

void
as_stage_unpack_word16 (
    void *dst, const void *src, int width, const AsPlaneDesc *d)
{
  size_t n = (size_t) width * d->channels;
  const uint8_t *s = src;
  uint16_t *o = dst;
  int shift = d->layout.shift;

  if (d->layout.swap) {
    for (size_t i = 0; i < n; i++) {
      uint16_t v;
      memcpy (&v, s + 2 * i, 2);
      o[i] = (uint16_t) (swap16 (v) >> shift);
    }
  } else {
    for (size_t i = 0; i < n; i++) {
      uint16_t v;
      memcpy (&v, s + 2 * i, 2);
      o[i] = (uint16_t) (v >> shift);
    }
  }
}

void
as_stage_pack_word16 (
    void *dst, const void *src, int width, const AsPlaneDesc *d)
{
  size_t n = (size_t) width * d->channels;
  const uint16_t *s = src;
  uint8_t *o = dst;
  int shift = d->layout.shift;

  for (size_t i = 0; i < n; i++) {
    uint16_t v = (uint16_t) (s[i] << shift);
    if (d->layout.swap)
      v = swap16 (v);
    memcpy (o + 2 * i, &v, 2);
  }
}

void
as_stage_pack_drop4 (
    void *dst, const void *src, int width, const AsPlaneDesc *d)
{
  uint8_t *o = dst;
  const uint8_t *i = src;

  (void) d;
  for (int x = 0; x < width; x++) {
    o[3 * x] = i[4 * x];
    o[3 * x + 1] = i[4 * x + 1];
    o[3 * x + 2] = i[4 * x + 2];
  }
}

void
as_stage_premultiply (
    void *dst, const void *src, int width, const AsPlaneDesc *d)
{
  const uint8_t *s = src;
  uint8_t *o = dst;
  int ka = d->alpha - 1;

  for (int i = 0; i < width; i++, s += 4, o += 4) {
    uint32_t a = s[ka], t[4];
    /* every product first: dst may be src */
    for (int k = 0; k < 4; k++)
      t[k] = s[k] * a + 128;
    for (int k = 0; k < 4; k++)
      o[k] = k == ka ? (uint8_t) a : (uint8_t) (((t[k] >> 8) + t[k]) >> 8);
  }
}

/* r[a] = ceil (2^24 / a): (n r[a]) >> 24 is n / a for every n <= 255 * 255
 * (n r[a] / 2^24 passes n / a by n e / (a 2^24), e = r[a] a - 2^24 < a,
 * which stays below 1 / a since n (a - 1) < 2^24); tests/check/libs/plan.c
 * tries every pair */
#define RCP(a) ((a) ? (0xffffffu + (a)) / (a) : 0u)
#define RCP4(a) RCP (a), RCP ((a) + 1), RCP ((a) + 2), RCP ((a) + 3)
#define RCP16(a) RCP4 (a), RCP4 ((a) + 4), RCP4 ((a) + 8), RCP4 ((a) + 12)
#define RCP64(a) RCP16 (a), RCP16 ((a) + 16), RCP16 ((a) + 32), RCP16 ((a) + 48)

static const uint32_t rcp24[256] = { RCP64 (0u), RCP64 (64u), RCP64 (128u),
  RCP64 (192u) };

void
as_stage_unpremultiply (
    void *dst, const void *src, int width, const AsPlaneDesc *d)
{
  const uint8_t *s = src;
  uint8_t *o = dst;
  int ka = d->alpha - 1;

  for (int i = 0; i < width; i++, s += 4, o += 4) {
    uint32_t a = s[ka];
    if (a == 0 || a == 255) {
      if (o != s)
        memcpy (o, s, 4);
      continue;
    }
    for (int k = 0; k < 4; k++) {
      uint64_t q = ((uint64_t) (255u * s[k]) * rcp24[a]) >> 24;
      o[k] = k == ka ? (uint8_t) a : (uint8_t) (q > 255 ? 255 : q);
    }
  }
}
