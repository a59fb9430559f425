/* alignscale: row stages for stored layouts that are not working rows
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "stages.h"

void
as_stage_unpack_strided8 (
    void *dst, const void *src, int width, const AsPlaneDesc *d)
{
  const AsLayout *l = &d->layout;
  const uint8_t *s = src;
  uint8_t *o = dst;
  size_t ps = (size_t) l->pstride;

  /* constant shapes of the common layouts: the loops vectorise */
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
