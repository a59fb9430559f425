/* letterbox presets against the training code's whole frames
 * (tests/check/golden/golden-letterbox.bin, made by
 * gen_golden_letterbox.py with the real cv2 and PIL): ultralytics and
 * mmdet with integer-model=opencv are cv2.copyMakeBorder (cv2.resize ())
 * built the preset's way, pillow with integer-model=pillow is
 * ImageOps.pad; every byte must be the library's. And the way-back meta
 * names the preset's placement.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <gst/check/gstcheck.h>
#include <gst/check/gstharness.h>
#include <gst/video/video.h>
#include <string.h>

#include "common.h"

#define CASE_BYTES 25

static const gchar *
preset_nick (guint v)
{
  switch (v) {
    case 1:
      return "ultralytics";
    case 2:
      return "mmdet";
    case 6:
      return "pillow";
    default:
      return NULL;
  }
}

/* one case through the element; returns the bytes that differ */
static guint64
run_case (const gchar *preset, const gchar *fmt, gint iw, gint ih, gint ow,
    gint oh, guint32 seed, const guint8 *want, gsize n)
{
  gchar *ic = g_strdup_printf ("video/x-raw,format=%s,width=%d,height=%d,"
                               "framerate=30/1",
      fmt, iw, ih);
  gchar *oc = g_strdup_printf (
      "video/x-raw,format=%s,width=%d,height=%d", fmt, ow, oh);
  GstHarness *h = gst_harness_new ("alignscale");
  gboolean pillow = !strcmp (preset, "pillow");
  GstVideoInfo ii, oi;
  GstBuffer *in, *out;
  GstCaps *caps;
  GstCustomMeta *meta;
  guint64 bad = 0;
  gchar *what;
  gint px, py, pw, ph;

  gst_util_set_object_arg (G_OBJECT (h->element), "letterbox", preset);
  gst_util_set_object_arg (
      G_OBJECT (h->element), "integer-model", pillow ? "pillow" : "opencv");
  gst_util_set_object_arg (
      G_OBJECT (h->element), "method", pillow ? "bicubic" : "bilinear");
  gst_harness_set_sink_caps_str (h, oc);
  gst_harness_set_src_caps_str (h, ic);
  caps = gst_caps_from_string (ic);
  fail_unless (gst_video_info_from_caps (&ii, caps));
  gst_caps_unref (caps);
  caps = gst_caps_from_string (oc);
  fail_unless (gst_video_info_from_caps (&oi, caps));
  gst_caps_unref (caps);

  in = golden_input (&ii, seed);

  out = gst_harness_push_and_pull (h, in);
  fail_unless (out != NULL, "%s %s %dx%d -> %dx%d: no output", preset, fmt, iw,
      ih, ow, oh);
  meta = gst_buffer_get_custom_meta (out, "GstAlignScaleGeometryMeta");
  fail_unless (meta != NULL);
  fail_unless_equals_string (
      gst_structure_get_string (
          gst_custom_meta_get_structure (meta), "letterbox"),
      preset);
  fail_unless (
      gst_structure_get (gst_custom_meta_get_structure (meta), "picture-x",
          G_TYPE_INT, &px, "picture-y", G_TYPE_INT, &py, "picture-width",
          G_TYPE_INT, &pw, "picture-height", G_TYPE_INT, &ph, NULL));
  what = g_strdup_printf ("golden-letterbox: %s %s %dx%d -> %dx%d (picture "
                          "%dx%d at %d,%d)",
      preset, fmt, iw, ih, ow, oh, pw, ph, px, py);
  bad = golden_compare (out, &oi, want, n, what);
  g_free (what);
  gst_buffer_unref (out);
  gst_harness_teardown (h);
  g_free (ic);
  g_free (oc);
  return bad;
}

GST_START_TEST (test_golden_letterbox)
{
  const gchar *path = g_getenv ("ALIGNSCALE_GOLDEN_LETTERBOX");
  gchar *data = NULL;
  gsize len = 0, pos;
  guint32 n_cases;
  guint64 count[8][3], all_bad = 0;

  fail_unless (path != NULL, "ALIGNSCALE_GOLDEN_LETTERBOX is not set");
  fail_unless (
      g_file_get_contents (path, &data, &len, NULL), "cannot read %s", path);
  fail_unless (len >= 12 && memcmp (data, "ASLBOX01", 8) == 0);
  n_cases = read_le32 ((const guint8 *) data + 8);
  memset (count, 0, sizeof (count));
  pos = 12;
  for (guint i = 0; i < n_cases; i++) {
    const guint8 *p = (const guint8 *) data + pos;
    gchar fmt[9];
    guint n, preset;
    guint64 bad;

    fail_unless (pos + CASE_BYTES <= len, "truncated at case %u", i);
    preset = p[0];
    memcpy (fmt, p + 1, 8);
    fmt[8] = 0;
    n = read_le32 (p + 21);
    fail_unless (preset < 8 && preset_nick (preset) != NULL
        && pos + CASE_BYTES + n <= len);
    bad = run_case (preset_nick (preset), fmt, read_le16 (p + 9),
        read_le16 (p + 11), read_le16 (p + 13), read_le16 (p + 15),
        read_le32 (p + 17), p + CASE_BYTES, n);
    count[preset][0]++;
    count[preset][1] += n;
    count[preset][2] += bad;
    all_bad += bad;
    pos += CASE_BYTES + n;
  }
  fail_unless (pos == len);
  for (guint k = 0; k < 8; k++)
    if (count[k][0])
      g_print ("golden-letterbox: %-12s %3" G_GUINT64_FORMAT
               " cases %8" G_GUINT64_FORMAT " bytes %8" G_GUINT64_FORMAT
               " identical\n",
          preset_nick (k), count[k][0], count[k][1], count[k][1] - count[k][2]);
  g_free (data);
  fail_unless (all_bad == 0, "%" G_GUINT64_FORMAT " bytes differ", all_bad);
}

GST_END_TEST;

static Suite *
alignscale_letterbox_suite (void)
{
  Suite *s = suite_create ("alignscale-letterbox");
  TCase *tc = tcase_create ("general");

  tcase_set_timeout (tc, 300);
  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_golden_letterbox);
  return s;
}

GST_CHECK_MAIN (alignscale_letterbox);
