/* Formats that store the same samples differently scale to the same
 * samples: packed 4:2:2 and NV16/NV61 against Y42B, NV24 against Y444,
 * P010/P012 against I420_10LE/I420_12LE, GRAY16_BE against GRAY16_LE,
 * planar RGB against RGB, AYUV against ARGB, AYUV64 against RGBA64_LE; on
 * every method, antialias, crops and odd sizes. Samples of fewer bits than
 * their word stay on their grid: never above the largest code, P010's low
 * bits zero.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <gst/check/gstcheck.h>
#include <gst/video/video.h>

#include "common.h"

/* an input sample: edges at the extremes (cubic overshoot) one time in
 * four, noise between */
static guint
draw_sample (guint32 *seed, guint max, gint x, gint y)
{
  if ((xorshift32 (seed) & 3) == 0)
    return (x / 3 + y) % 2 ? max : 0;
  return xorshift32 (seed) % (max + 1);
}

static GstCaps *
caps_for (const gchar *format, gint w, gint h)
{
  return gst_caps_new_simple ("video/x-raw", "format", G_TYPE_STRING, format,
      "width", G_TYPE_INT, w, "height", G_TYPE_INT, h, "framerate",
      GST_TYPE_FRACTION, 30, 1, "chroma-site", G_TYPE_STRING, "mpeg2", NULL);
}

/* one frame of format through alignscale with props; the samples a
 * callback draws (seeded), or the samples of another frame `like` */
static GstBuffer *
scale (const gchar *format, gint w, gint h, gint ow, gint oh,
    const gchar *const *props, GstBuffer *like, const gchar *like_format,
    guint32 seed, GstVideoInfo *out_info)
{
  GstCaps *ic = caps_for (format, w, h), *oc = caps_for (format, ow, oh);
  gchar *is = gst_caps_to_string (ic), *os = gst_caps_to_string (oc);
  GstVideoInfo info, linfo;
  GstVideoFrame f, lf;
  GstBuffer *in, *out;

  fail_unless (gst_video_info_from_caps (&info, ic));
  fail_unless (gst_video_info_from_caps (out_info, oc));
  in = gst_buffer_new_allocate (NULL, info.size, NULL);
  gst_buffer_memset (in, 0, 0x5a, info.size);
  fail_unless (gst_video_frame_map (&f, &info, in, GST_MAP_WRITE));
  if (like) {
    GstCaps *lc = caps_for (like_format, w, h);
    fail_unless (gst_video_info_from_caps (&linfo, lc));
    gst_caps_unref (lc);
    fail_unless (gst_video_frame_map (&lf, &linfo, like, GST_MAP_READ));
  }
  for (guint c = 0; c < GST_VIDEO_INFO_N_COMPONENTS (&info); c++) {
    guint max = (1u << GST_VIDEO_INFO_COMP_DEPTH (&info, c)) - 1;
    for (gint y = 0; y < GST_VIDEO_INFO_COMP_HEIGHT (&info, c); y++)
      for (gint x = 0; x < GST_VIDEO_INFO_COMP_WIDTH (&info, c); x++) {
        guint v = like ? read_sample (&lf, c, x, y)
                       : draw_sample (&seed, max, x, y);
        write_sample (&f, c, x, y, v);
      }
  }
  if (like)
    gst_video_frame_unmap (&lf);
  gst_video_frame_unmap (&f);
  out = scale_with (is, os, in, props);
  gst_buffer_unref (in);
  gst_caps_unref (ic);
  gst_caps_unref (oc);
  g_free (is);
  g_free (os);
  return out;
}

static const gchar *const configs[][10] = {
  { "method", "nearest", "antialias", "false", NULL },
  { "method", "bilinear", "antialias", "false", NULL },
  { "method", "bicubic", "antialias", "false", "cubic-a", "-2.0", NULL },
  { "method", "bilinear", "antialias", "true", NULL },
  { "method", "bicubic", "antialias", "true", NULL },
  { "method", "bilinear", "coordinate-mode", "tf-crop-and-resize", "roi",
      "<-0.2, 0.1, 0.9, 1.3>", "extrapolation-value", "0.7" },
};

static const gint sizes[][4] = { { 33, 17, 20, 9 }, { 20, 10, 41, 23 },
  { 64, 32, 32, 16 }, { 7, 5, 7, 11 }, { 3, 3, 1, 1 } };

GST_START_TEST (test_same_samples)
{
  static const gchar *const pairs[][2] = { { "YUY2", "Y42B" },
    { "UYVY", "Y42B" }, { "YVYU", "Y42B" }, { "VYUY", "Y42B" },
    { "NV16", "Y42B" }, { "NV61", "Y42B" }, { "NV24", "Y444" },
    { "P010_10LE", "I420_10LE" }, { "P012_LE", "I420_12LE" },
    { "GRAY16_BE", "GRAY16_LE" }, { "RGBP", "RGB" }, { "BGRP", "RGB" },
    { "GBR", "RGB" }, { "GBRA", "RGBA" }, { "AYUV", "ARGB" },
    { "AYUV64", "RGBA64_LE" } };
  guint32 seed = 11;

  for (guint q = 0; q < G_N_ELEMENTS (pairs); q++)
    for (guint k = 0; k < G_N_ELEMENTS (configs); k++)
      for (guint z = 0; z < G_N_ELEMENTS (sizes); z++) {
        const gint *s = sizes[z];
        GstVideoInfo ia, ib;
        GstVideoFrame fa, fb;
        GstBuffer *ref_in, *a, *b;
        GstCaps *rc = caps_for (pairs[q][1], s[0], s[1]);
        GstVideoInfo ri;

        /* the input: drawn in the reference format, copied sample by
         * sample into the other */
        fail_unless (gst_video_info_from_caps (&ri, rc));
        gst_caps_unref (rc);
        ref_in = gst_buffer_new_allocate (NULL, ri.size, NULL);
        {
          GstVideoFrame f;
          fail_unless (gst_video_frame_map (&f, &ri, ref_in, GST_MAP_WRITE));
          for (guint c = 0; c < GST_VIDEO_INFO_N_COMPONENTS (&ri); c++) {
            guint max = (1u << GST_VIDEO_INFO_COMP_DEPTH (&ri, c)) - 1;
            for (gint y = 0; y < GST_VIDEO_INFO_COMP_HEIGHT (&ri, c); y++)
              for (gint x = 0; x < GST_VIDEO_INFO_COMP_WIDTH (&ri, c); x++)
                write_sample (&f, c, x, y, draw_sample (&seed, max, x, y));
          }
          gst_video_frame_unmap (&f);
        }
        b = scale (pairs[q][1], s[0], s[1], s[2], s[3], configs[k], ref_in,
            pairs[q][1], 0, &ib);
        a = scale (pairs[q][0], s[0], s[1], s[2], s[3], configs[k], ref_in,
            pairs[q][1], 0, &ia);
        fail_unless (gst_video_frame_map (&fa, &ia, a, GST_MAP_READ));
        fail_unless (gst_video_frame_map (&fb, &ib, b, GST_MAP_READ));
        for (guint c = 0; c < GST_VIDEO_INFO_N_COMPONENTS (&ib); c++)
          for (gint y = 0; y < GST_VIDEO_INFO_COMP_HEIGHT (&ib, c); y++)
            for (gint x = 0; x < GST_VIDEO_INFO_COMP_WIDTH (&ib, c); x++) {
              guint va = read_sample (&fa, c, x, y);
              guint vb = read_sample (&fb, c, x, y);
              if (G_UNLIKELY (va != vb))
                fail ("%s %dx%d -> %dx%d (%s %s): component %u (%d,%d) is"
                      " %u, %s gives %u",
                    pairs[q][0], s[0], s[1], s[2], s[3], configs[k][1],
                    configs[k][3], c, x, y, va, pairs[q][1], vb);
            }
        gst_video_frame_unmap (&fa);
        gst_video_frame_unmap (&fb);
        gst_buffer_unref (a);
        gst_buffer_unref (b);
        gst_buffer_unref (ref_in);
      }
}

GST_END_TEST;

/* samples of fewer bits than their word: bicubic overshoot of edges at
 * the extremes clamps to the largest code of the grid, and P01x's low bits
 * stay zero */
GST_START_TEST (test_own_grid)
{
  static const gchar *const formats[] = { "I420_10LE", "I420_12LE", "I422_10LE",
    "I422_12LE", "Y444_10LE", "Y444_12LE", "P010_10LE", "P012_LE" };
  const gchar *props[] = { "method", "bicubic", "cubic-a", "-2.0", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++) {
    GstVideoInfo info;
    GstVideoFrame f;
    GstBuffer *out = scale (
        formats[i], 24, 16, 61, 37, props, NULL, NULL, 3 + i, &info);
    guint at_max = 0;

    fail_unless (gst_video_frame_map (&f, &info, out, GST_MAP_READ));
    for (guint c = 0; c < GST_VIDEO_INFO_N_COMPONENTS (&info); c++) {
      guint max = (1u << GST_VIDEO_INFO_COMP_DEPTH (&info, c)) - 1;
      guint shift = GST_VIDEO_FORMAT_INFO_SHIFT (info.finfo, c);
      for (gint y = 0; y < GST_VIDEO_INFO_COMP_HEIGHT (&info, c); y++)
        for (gint x = 0; x < GST_VIDEO_INFO_COMP_WIDTH (&info, c); x++) {
          guint w = read_word (&f, c, x, y);
          fail_unless ((w & ((1u << shift) - 1)) == 0,
              "%s: low bits set in %04x", formats[i], w);
          fail_unless ((w >> shift) <= max, "%s: %u above %u", formats[i],
              w >> shift, max);
          at_max += (w >> shift) == max;
        }
    }
    /* the clamp was needed: some samples sit at the largest code */
    fail_unless (at_max > 0, "%s: nothing at the largest code", formats[i]);
    gst_video_frame_unmap (&f);
    gst_buffer_unref (out);
  }
}

GST_END_TEST;

static Suite *
alignscale_formats_suite (void)
{
  Suite *s = suite_create ("alignscale-formats");
  TCase *tc = tcase_create ("general");

  suite_add_tcase (s, tc);
  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_same_samples);
  tcase_add_test (tc, test_own_grid);
  return s;
}

GST_CHECK_MAIN (alignscale_formats);
