/* The library filters with integer-model=exact (method=area, box, hamming,
 * lanczos, lanczos4) against the float results of the real libraries
 * (tests/check/golden/golden-kernels.bin, made by gen_golden_kernels.py
 * with torch's mode='area', Pillow's 'F' images and OpenCV's float64
 * INTER_LANCZOS4): every output byte within one code of the float result,
 * the rate equal to its round-half-up printed; and the combinations a
 * library does not have warn and fall back as documented.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <gst/check/gstcheck.h>
#include <gst/check/gstharness.h>
#include <gst/video/video.h>
#include <math.h>
#include <string.h>

#include "common.h"

#define CASE_BYTES 25
#define FIRST_METHOD 3

static const gchar *const method_nick[] = { "area", "box", "hamming", "lanczos",
  "lanczos4" };
#define N_METHODS G_N_ELEMENTS (method_nick)

typedef struct
{
  guint64 cases, samples, exact, beyond;
  gdouble max_d;
} Count;

static void
run_case (guint m, const gchar *fmt, gint iw, gint ih, gint ow, gint oh,
    guint32 seed, const guint8 *want, gsize n, Count *c)
{
  gchar *ic = g_strdup_printf ("video/x-raw,format=%s,width=%d,height=%d,"
                               "framerate=30/1",
      fmt, iw, ih);
  gchar *oc = g_strdup_printf (
      "video/x-raw,format=%s,width=%d,height=%d", fmt, ow, oh);
  GstHarness *h = gst_harness_new ("alignscale");
  GstVideoInfo ii, oi;
  GstVideoFrame f;
  GstBuffer *in, *out;
  gsize row;

  gst_util_set_object_arg (G_OBJECT (h->element), "method", method_nick[m]);
  gst_harness_set_sink_caps_str (h, oc);
  gst_harness_set_src_caps_str (h, ic);
  info_from_string (&ii, ic);
  info_from_string (&oi, oc);

  in = golden_input (&ii, seed);

  out = gst_harness_push_and_pull (h, in);
  fail_unless (out != NULL, "%s %s %dx%d -> %dx%d: no output", method_nick[m],
      fmt, iw, ih, ow, oh);
  fail_unless (gst_video_frame_map (&f, &oi, out, GST_MAP_READ));
  row = (gsize) ow * GST_VIDEO_INFO_COMP_PSTRIDE (&oi, 0);
  fail_unless (row * oh == n);
  c->cases++;
  for (gint y = 0; y < oh; y++) {
    const guint8 *d = (const guint8 *) GST_VIDEO_FRAME_PLANE_DATA (&f, 0)
        + (gsize) y * GST_VIDEO_FRAME_PLANE_STRIDE (&f, 0);
    for (gsize x = 0; x < row; x++) {
      guint32 bits = read_le32 (want + 4 * (y * row + x));
      gfloat v;
      gdouble q, dv;

      memcpy (&v, &bits, sizeof (v));
      q = CLAMP (floor ((gdouble) v + 0.5), 0.0, 255.0);
      dv = fabs (d[x] - CLAMP ((gdouble) v, 0.0, 255.0));
      c->samples++;
      c->exact += d[x] == q;
      c->max_d = MAX (c->max_d, dv);
      if (dv >= 1.0 && c->beyond++ == 0)
        g_printerr (
            "golden-kernels: %s %s %dx%d -> %dx%d: sample (%" G_GSIZE_FORMAT
            ", %d) is %u, the float result %.4f\n",
            method_nick[m], fmt, iw, ih, ow, oh, x, y, d[x], v);
    }
  }
  gst_video_frame_unmap (&f);
  gst_buffer_unref (out);
  gst_harness_teardown (h);
  g_free (ic);
  g_free (oc);
}

GST_START_TEST (test_golden_kernels)
{
  gsize len = 0, pos;
  gchar *data = golden_file ("ALIGNSCALE_GOLDEN_KERNELS", "ASKERN01", 12, &len);
  guint32 n_cases;
  Count count[N_METHODS];
  guint64 beyond = 0;

  n_cases = read_le32 ((const guint8 *) data + 8);
  memset (count, 0, sizeof (count));
  pos = 12;
  for (guint i = 0; i < n_cases; i++) {
    const guint8 *p = (const guint8 *) data + pos;
    gchar fmt[9];
    guint m, n;

    fail_unless (pos + CASE_BYTES <= len, "truncated at case %u", i);
    m = p[0] - FIRST_METHOD;
    memcpy (fmt, p + 1, 8);
    fmt[8] = 0;
    n = read_le32 (p + 21);
    fail_unless (m < N_METHODS && pos + CASE_BYTES + 4 * (gsize) n <= len);
    run_case (m, fmt, read_le16 (p + 9), read_le16 (p + 11), read_le16 (p + 13),
        read_le16 (p + 15), read_le32 (p + 17), p + CASE_BYTES, n, &count[m]);
    pos += CASE_BYTES + 4 * (gsize) n;
  }
  fail_unless (pos == len);
  for (guint m = 0; m < N_METHODS; m++) {
    Count *c = &count[m];
    g_print ("golden-kernels: %-8s %3" G_GUINT64_FORMAT
             " cases %8" G_GUINT64_FORMAT
             " samples, %.3f%% exact, max|d| %.4f, %" G_GUINT64_FORMAT
             " beyond 1 code\n",
        method_nick[m], c->cases, c->samples,
        c->samples ? 100.0 * c->exact / c->samples : 0.0, c->max_d, c->beyond);
    fail_unless (c->cases > 0, "no %s case", method_nick[m]);
    beyond += c->beyond;
  }
  g_free (data);
  fail_unless (
      beyond == 0, "%" G_GUINT64_FORMAT " samples beyond 1 code", beyond);
}

GST_END_TEST;

/* the frame of one configuration on a fixed random picture */
static GstBuffer *
resize (const gchar *model, const gchar *method, const gchar *fmt,
    GstMessage **warning)
{
  gchar *ic = g_strdup_printf (
      "video/x-raw,format=%s,width=61,height=47,framerate=30/1", fmt);
  gchar *oc = g_strdup_printf ("video/x-raw,format=%s,width=23,height=90", fmt);
  GstHarness *h = gst_harness_new ("alignscale");
  GstBus *bus = gst_bus_new ();
  GstBuffer *out;

  gst_element_set_bus (h->element, bus);
  gst_util_set_object_arg (G_OBJECT (h->element), "integer-model", model);
  gst_util_set_object_arg (G_OBJECT (h->element), "method", method);
  gst_harness_set_sink_caps_str (h, oc);
  gst_harness_set_src_caps_str (h, ic);
  out = gst_harness_push_and_pull (h, random_buffer (ic, 77));
  fail_unless (out != NULL);
  *warning = gst_bus_pop_filtered (bus, GST_MESSAGE_WARNING);
  gst_element_set_bus (h->element, NULL);
  gst_object_unref (bus);
  gst_harness_teardown (h);
  g_free (ic);
  g_free (oc);
  return out;
}

/* each (model, method) pair, the pair it must equal byte for byte, and
 * whether it warns (a method the library does not have) */
static const struct
{
  const gchar *model, *method, *as_model, *as_method;
  gboolean warns;
} same[] = {
  /* the _EXACT flavours are OpenCV's only */
  { "exact", "bilinear-exact", "exact", "bilinear", FALSE },
  { "exact", "nearest-exact", "exact", "nearest", FALSE },
  { "pillow", "bilinear-exact", "pillow", "bilinear", FALSE },
  { "pillow", "nearest-exact", "pillow", "nearest", FALSE },
  /* no such filter in the library: the exact float result, warned */
  { "opencv", "box", "exact", "box", TRUE },
  { "opencv", "hamming", "exact", "hamming", TRUE },
  { "opencv", "lanczos", "exact", "lanczos", TRUE },
  { "pillow", "area", "exact", "area", TRUE },
  { "pillow", "lanczos4", "exact", "lanczos4", TRUE },
};

GST_START_TEST (test_method_fallbacks)
{
  for (guint i = 0; i < G_N_ELEMENTS (same); i++) {
    GstMessage *w1, *w2;
    GstBuffer *a = resize (same[i].model, same[i].method, "RGB", &w1);
    GstBuffer *b = resize (same[i].as_model, same[i].as_method, "RGB", &w2);
    GstVideoInfo info;

    info_from_string (&info, "video/x-raw,format=RGB,width=23,height=90");
    fail_unless (frames_equal_info (a, b, &info), "%s %s is not %s %s",
        same[i].model, same[i].method, same[i].as_model, same[i].as_method);
    fail_unless ((w1 != NULL) == same[i].warns, "%s %s: %s warning",
        same[i].model, same[i].method, w1 ? "a" : "no");
    fail_unless (w2 == NULL);
    if (w1)
      gst_message_unref (w1);
    gst_buffer_unref (a);
    gst_buffer_unref (b);
  }
}

GST_END_TEST;

/* box, hamming and lanczos are Pillow's: antialiased whatever the
 * antialias property says, so the property changes nothing */
GST_START_TEST (test_pillow_filters_always_antialias)
{
  const gchar *methods[] = { "box", "hamming", "lanczos" };

  for (guint i = 0; i < G_N_ELEMENTS (methods); i++) {
    GstBuffer *out[2];
    GstVideoInfo info;

    info_from_string (&info, "video/x-raw,format=GRAY8,width=20,height=15");
    for (gint aa = 0; aa < 2; aa++) {
      GstHarness *h = gst_harness_new ("alignscale");
      g_object_set (h->element, "antialias", aa, NULL);
      gst_util_set_object_arg (G_OBJECT (h->element), "method", methods[i]);
      gst_harness_set_sink_caps_str (
          h, "video/x-raw,format=GRAY8,width=20,height=15");
      gst_harness_set_src_caps_str (
          h, "video/x-raw,format=GRAY8,width=77,height=64,framerate=30/1");
      out[aa] = gst_harness_push_and_pull (
          h, random_buffer ("video/x-raw,format=GRAY8,width=77,height=64", 9));
      fail_unless (out[aa] != NULL);
      gst_harness_teardown (h);
    }
    fail_unless (frames_equal_info (out[0], out[1], &info), "%s", methods[i]);
    gst_buffer_unref (out[0]);
    gst_buffer_unref (out[1]);
  }
}

GST_END_TEST;

static Suite *
alignscale_kernels_suite (void)
{
  Suite *s = suite_create ("alignscale-kernels");
  TCase *tc = tcase_create ("general");

  tcase_set_timeout (tc, 300);
  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_golden_kernels);
  tcase_add_test (tc, test_method_fallbacks);
  tcase_add_test (tc, test_pillow_filters_always_antialias);
  return s;
}

GST_CHECK_MAIN (alignscale_kernels);
