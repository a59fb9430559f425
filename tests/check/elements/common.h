/* helpers shared by the element tests
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef __ALIGN_SCALE_TEST_COMMON_H__
#define __ALIGN_SCALE_TEST_COMMON_H__

#include <glib.h>

/* xorshift32: the generator of tests/check/golden/gen_golden.py */
static inline guint32
xorshift32 (guint32 *s)
{
  guint32 x = *s;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  return *s = x;
}

#endif /* __ALIGN_SCALE_TEST_COMMON_H__ */
