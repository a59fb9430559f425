/* helpers shared by the element tests
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef __ALIGN_SCALE_TEST_COMMON_H__
#define __ALIGN_SCALE_TEST_COMMON_H__

#include <gst/check/gstcheck.h>
#include <gst/check/gstharness.h>
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

/* little-endian fields of the golden files, at any address (their records
 * are not all aligned) */
static inline guint16
read_le16 (const guint8 *p)
{
  return (guint16) (p[0] | p[1] << 8);
}

static inline guint32
read_le32 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16
      | (guint32) p[3] << 24;
}

/* the video info of a caps string (the test fails if there is none) */
static inline void
info_from_string (GstVideoInfo *info, const gchar *caps_str)
{
  GstCaps *caps = gst_caps_from_string (caps_str);

  fail_unless (
      caps != NULL && gst_video_info_from_caps (info, caps), "%s", caps_str);
  gst_caps_unref (caps);
}

/* the golden file the environment variable env names (g_free it): at least
 * header bytes, starting with the 8-byte magic */
static inline gchar *
golden_file (const gchar *env, const gchar *magic, gsize header, gsize *len)
{
  const gchar *path = g_getenv (env);
  gchar *data = NULL;

  fail_unless (path != NULL, "%s is not set", env);
  fail_unless (
      g_file_get_contents (path, &data, len, NULL), "cannot read %s", path);
  fail_unless (*len >= header && memcmp (data, magic, 8) == 0,
      "%s is not %s data", path, magic);
  return data;
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

/* a one-plane frame whose visible bytes are the golden generators' image:
 * xorshift32 (seed) >> 24, row-major, no padding, into info's strides */
static inline GstBuffer *
golden_input (const GstVideoInfo *info, guint32 seed)
{
  GstBuffer *in = gst_buffer_new_allocate (NULL, info->size, NULL);
  GstVideoFrame f;
  gsize row = (gsize) info->width * GST_VIDEO_INFO_COMP_PSTRIDE (info, 0);

  fail_unless (gst_video_frame_map (&f, info, in, GST_MAP_WRITE));
  for (gint y = 0; y < info->height; y++) {
    guint8 *d = (guint8 *) GST_VIDEO_FRAME_PLANE_DATA (&f, 0)
        + (gsize) y * GST_VIDEO_FRAME_PLANE_STRIDE (&f, 0);
    for (gsize x = 0; x < row; x++)
      d[x] = xorshift32 (&seed) >> 24;
  }
  gst_video_frame_unmap (&f);
  return in;
}

/* the visible bytes of a one-plane frame against a library's row-major
 * bytes (n of them); returns how many differ, the first printed after
 * `what` */
static inline guint64
golden_compare (GstBuffer *out, const GstVideoInfo *info, const guint8 *want,
    gsize n, const gchar *what)
{
  GstVideoFrame f;
  gsize row = (gsize) info->width * GST_VIDEO_INFO_COMP_PSTRIDE (info, 0);
  guint64 bad = 0;

  fail_unless (gst_video_frame_map (&f, info, out, GST_MAP_READ));
  fail_unless (row * info->height == n);
  for (gint y = 0; y < info->height; y++) {
    const guint8 *d = (const guint8 *) GST_VIDEO_FRAME_PLANE_DATA (&f, 0)
        + (gsize) y * GST_VIDEO_FRAME_PLANE_STRIDE (&f, 0);
    for (gsize x = 0; x < row; x++)
      if (d[x] != want[y * row + x] && bad++ == 0)
        g_printerr ("%s: byte (%" G_GSIZE_FORMAT ", %d) is %u, the "
                    "library's %u\n",
            what, x, y, d[x], want[y * row + x]);
  }
  gst_video_frame_unmap (&f);
  return bad;
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

/* an alignscale harness, props as name / string-value pairs (NULL ends
 * them), downstream constraints set first: the src caps event negotiates */
static inline GstHarness *
harness_with (
    const gchar *in_caps, const gchar *out_caps, const gchar *const *props)
{
  GstHarness *h = gst_harness_new ("alignscale");

  for (; props && props[0]; props += 2)
    gst_util_set_object_arg (G_OBJECT (h->element), props[0], props[1]);
  gst_harness_set_sink_caps_str (h, out_caps);
  gst_harness_set_src_caps_str (h, in_caps);
  return h;
}

/* one buffer (not taken) through a fresh element with these props */
static inline GstBuffer *
scale_with (const gchar *in_caps, const gchar *out_caps, GstBuffer *in,
    const gchar *const *props)
{
  GstHarness *h = harness_with (in_caps, out_caps, props);
  GstBuffer *out = gst_harness_push_and_pull (h, gst_buffer_ref (in));

  fail_unless (out != NULL, "%s -> %s: no output", in_caps, out_caps);
  gst_harness_teardown (h);
  return out;
}

/* push buf (taken), expect GST_FLOW_ERROR, no output, and an element error
 * whose debug text has needle */
static inline void
expect_error_on (GstHarness *h, GstBuffer *buf, const gchar *needle)
{
  GstBus *bus = gst_bus_new ();
  GstMessage *msg;
  GError *err = NULL;
  gchar *dbg = NULL;

  gst_element_set_bus (h->element, bus);
  fail_unless_equals_int (gst_harness_push (h, buf), GST_FLOW_ERROR);
  msg = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
  fail_unless (msg != NULL, "no error message");
  gst_message_parse_error (msg, &err, &dbg);
  fail_unless (
      dbg && strstr (dbg, needle), "debug '%s' lacks '%s'", dbg, needle);
  fail_unless_equals_int (gst_harness_buffers_in_queue (h), 0);
  g_clear_error (&err);
  g_free (dbg);
  gst_message_unref (msg);
  gst_element_set_bus (h->element, NULL);
  gst_object_unref (bus);
}

/* ---- samples by component, whatever the layout (word size, shift, byte
 * order, packing): read and write sample (x, y) of component c */

/* a component's byte within a pixel of its plane (GStreamer 1.22 lists
 * P01x's V at byte 1 of the 4-byte pair: it is at byte 2) */
static inline gint
comp_offset (const GstVideoFormatInfo *fi, gint c)
{
  gint off = GST_VIDEO_FORMAT_INFO_POFFSET (fi, c);

  return GST_VIDEO_FORMAT_INFO_BITS (fi) > 8 && off % 2 ? 2 * off : off;
}

/* a component's first byte in its plane */
static inline guint8 *
comp_pixel (GstVideoFrame *f, gint c, gint x, gint y)
{
  const GstVideoFormatInfo *fi = f->info.finfo;
  gint p = GST_VIDEO_FORMAT_INFO_PLANE (fi, c);

  return (guint8 *) GST_VIDEO_FRAME_PLANE_DATA (f, p)
      + (gsize) y * GST_VIDEO_FRAME_PLANE_STRIDE (f, p) + comp_offset (fi, c)
      + (gsize) x * GST_VIDEO_FORMAT_INFO_PSTRIDE (fi, c);
}

static inline guint
read_sample (GstVideoFrame *f, gint c, gint x, gint y)
{
  const GstVideoFormatInfo *fi = f->info.finfo;
  const guint8 *d = comp_pixel (f, c, x, y);
  guint v;

  if (GST_VIDEO_FORMAT_INFO_BITS (fi) <= 8)
    return d[0];
  v = GST_VIDEO_FORMAT_INFO_IS_LE (fi) ? (guint) (d[0] | d[1] << 8)
                                       : (guint) (d[0] << 8 | d[1]);
  return v >> GST_VIDEO_FORMAT_INFO_SHIFT (fi, c);
}

/* the raw 16-bit word (to see the bits below the shift) */
static inline guint
read_word (GstVideoFrame *f, gint c, gint x, gint y)
{
  const guint8 *d = comp_pixel (f, c, x, y);
  return GST_VIDEO_FORMAT_INFO_IS_LE (f->info.finfo)
      ? (guint) (d[0] | d[1] << 8)
      : (guint) (d[0] << 8 | d[1]);
}

static inline void
write_sample (GstVideoFrame *f, gint c, gint x, gint y, guint v)
{
  const GstVideoFormatInfo *fi = f->info.finfo;
  guint8 *d = comp_pixel (f, c, x, y);

  if (GST_VIDEO_FORMAT_INFO_BITS (fi) <= 8) {
    d[0] = (guint8) v;
    return;
  }
  v <<= GST_VIDEO_FORMAT_INFO_SHIFT (fi, c);
  d[!GST_VIDEO_FORMAT_INFO_IS_LE (fi)] = v & 0xff;
  d[!!GST_VIDEO_FORMAT_INFO_IS_LE (fi)] = (v >> 8) & 0xff;
}

#endif /* __ALIGN_SCALE_TEST_COMMON_H__ */
