/* helpers shared by the element tests
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef __ALIGN_SCALE_TEST_COMMON_H__
#define __ALIGN_SCALE_TEST_COMMON_H__

#include <gst/check/gstcheck.h>
#include <gst/video/video.h>
#include <string.h>

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

/* a buffer laid out as the caps say, every plane byte random */
static inline GstBuffer *
random_buffer (const gchar *caps_str, guint32 seed)
{
  GstCaps *caps = gst_caps_from_string (caps_str);
  GstVideoInfo info;
  GstBuffer *buf;
  GstMapInfo map;

  fail_unless (gst_video_info_from_caps (&info, caps));
  gst_caps_unref (caps);
  buf = gst_buffer_new_allocate (NULL, info.size, NULL);
  gst_buffer_map (buf, &map, GST_MAP_WRITE);
  for (gsize i = 0; i < map.size; i++)
    map.data[i] = xorshift32 (&seed) >> 24;
  gst_buffer_unmap (buf, &map);
  GST_BUFFER_PTS (buf) = 0;
  GST_BUFFER_DURATION (buf) = GST_SECOND / 30;
  return buf;
}

/* equal pictures: the visible bytes of every plane (stride padding is
 * never written) */
static inline gboolean
frames_equal_info (GstBuffer *a, GstBuffer *b, const GstVideoInfo *info)
{
  GstVideoFrame fa, fb;
  gboolean eq = TRUE;

  fail_unless (gst_video_frame_map (&fa, info, a, GST_MAP_READ));
  fail_unless (gst_video_frame_map (&fb, info, b, GST_MAP_READ));
  for (guint p = 0; p < GST_VIDEO_INFO_N_PLANES (info); p++) {
    gint comp[GST_VIDEO_MAX_COMPONENTS];
    gsize row;

    gst_video_format_info_component (info->finfo, p, comp);
    row = (gsize) GST_VIDEO_INFO_COMP_WIDTH (info, comp[0])
        * GST_VIDEO_INFO_COMP_PSTRIDE (info, comp[0]);
    for (gint y = 0; eq && y < GST_VIDEO_INFO_COMP_HEIGHT (info, comp[0]); y++)
      eq = memcmp ((guint8 *) GST_VIDEO_FRAME_PLANE_DATA (&fa, p)
                   + (gsize) y * GST_VIDEO_FRAME_PLANE_STRIDE (&fa, p),
               (guint8 *) GST_VIDEO_FRAME_PLANE_DATA (&fb, p)
                   + (gsize) y * GST_VIDEO_FRAME_PLANE_STRIDE (&fb, p),
               row)
          == 0;
  }
  gst_video_frame_unmap (&fa);
  gst_video_frame_unmap (&fb);
  return eq;
}

#endif /* __ALIGN_SCALE_TEST_COMMON_H__ */
