/* integer-model=opencv / pillow against the bytes of the real libraries
 * (tests/check/golden/golden-libs.bin, made by gen_golden_libs.py with
 * OpenCV 4.6's cv2.resize and Pillow 9.4's Image.resize): every output
 * byte must be the library's.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <gst/check/gstcheck.h>
#include <gst/check/gstharness.h>
#include <gst/video/video.h>
#include <string.h>

#include "common.h"

#define CASE_BYTES 26

static const gchar *const library_nick[] = { "exact", "opencv", "pillow" };
/* GstAlignScaleMethod values, as the golden file stores them */
static const gchar *const method_nick[] = { "nearest", "bilinear", "bicubic",
  "area", "box", "hamming", "lanczos", "lanczos4", "bilinear-exact",
  "nearest-exact" };
#define N_METHODS G_N_ELEMENTS (method_nick)

/* one case through the element; returns the bytes that differ */
static guint64
run_case (guint lib, guint method, const gchar *fmt, gint iw, gint ih, gint ow,
    gint oh, guint32 seed, const guint8 *want, gsize n)
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
  GstCaps *caps;
  guint64 bad = 0;
  gsize row;

  gst_util_set_object_arg (
      G_OBJECT (h->element), "integer-model", library_nick[lib]);
  gst_util_set_object_arg (
      G_OBJECT (h->element), "method", method_nick[method]);
  gst_harness_set_sink_caps_str (h, oc);
  gst_harness_set_src_caps_str (h, ic);
  caps = gst_caps_from_string (ic);
  fail_unless (gst_video_info_from_caps (&ii, caps));
  gst_caps_unref (caps);
  caps = gst_caps_from_string (oc);
  fail_unless (gst_video_info_from_caps (&oi, caps));
  gst_caps_unref (caps);

  /* the generator's bytes, row-major without padding, into the strides */
  in = gst_buffer_new_allocate (NULL, ii.size, NULL);
  fail_unless (gst_video_frame_map (&f, &ii, in, GST_MAP_WRITE));
  row = (gsize) iw * GST_VIDEO_INFO_COMP_PSTRIDE (&ii, 0);
  for (gint y = 0; y < ih; y++) {
    guint8 *d = (guint8 *) GST_VIDEO_FRAME_PLANE_DATA (&f, 0)
        + (gsize) y * GST_VIDEO_FRAME_PLANE_STRIDE (&f, 0);
    for (gsize x = 0; x < row; x++)
      d[x] = xorshift32 (&seed) >> 24;
  }
  gst_video_frame_unmap (&f);

  out = gst_harness_push_and_pull (h, in);
  fail_unless (out != NULL, "%s %s %s %dx%d -> %dx%d: no output",
      library_nick[lib], method_nick[method], fmt, iw, ih, ow, oh);
  fail_unless (gst_video_frame_map (&f, &oi, out, GST_MAP_READ));
  row = (gsize) ow * GST_VIDEO_INFO_COMP_PSTRIDE (&oi, 0);
  fail_unless (row * oh == n);
  for (gint y = 0; y < oh; y++) {
    const guint8 *d = (const guint8 *) GST_VIDEO_FRAME_PLANE_DATA (&f, 0)
        + (gsize) y * GST_VIDEO_FRAME_PLANE_STRIDE (&f, 0);
    for (gsize x = 0; x < row; x++)
      if (d[x] != want[y * row + x] && bad++ == 0)
        g_printerr (
            "golden-libs: %s %s %s %dx%d -> %dx%d: byte (%" G_GSIZE_FORMAT
            ", %d) is %u, the library's %u\n",
            library_nick[lib], method_nick[method], fmt, iw, ih, ow, oh, x, y,
            d[x], want[y * row + x]);
  }
  gst_video_frame_unmap (&f);
  gst_buffer_unref (out);
  gst_harness_teardown (h);
  g_free (ic);
  g_free (oc);
  return bad;
}

GST_START_TEST (test_golden_libs)
{
  const gchar *path = g_getenv ("ALIGNSCALE_GOLDEN_LIBS");
  gchar *data = NULL;
  gsize len = 0, pos;
  guint32 n_cases;
  /* [library][method]: cases, bytes, differing bytes */
  guint64 count[3][N_METHODS][3];
  guint64 all_bad = 0;

  fail_unless (path != NULL, "ALIGNSCALE_GOLDEN_LIBS is not set");
  fail_unless (
      g_file_get_contents (path, &data, &len, NULL), "cannot read %s", path);
  fail_unless (len >= 12 && memcmp (data, "ASLIBS01", 8) == 0);
  n_cases = read_le32 ((const guint8 *) data + 8);
  memset (count, 0, sizeof (count));
  pos = 12;
  for (guint i = 0; i < n_cases; i++) {
    const guint8 *p = (const guint8 *) data + pos;
    gchar fmt[9];
    guint lib, method, n;
    gint iw, ih, ow, oh;
    guint64 bad;

    fail_unless (pos + CASE_BYTES <= len, "truncated at case %u", i);
    lib = p[0];
    method = p[1];
    memcpy (fmt, p + 2, 8);
    fmt[8] = 0;
    iw = read_le16 (p + 10);
    ih = read_le16 (p + 12);
    ow = read_le16 (p + 14);
    oh = read_le16 (p + 16);
    n = read_le32 (p + 22);
    fail_unless (lib >= 1 && lib <= 2 && method < N_METHODS
        && pos + CASE_BYTES + n <= len);
    bad = run_case (lib, method, fmt, iw, ih, ow, oh, read_le32 (p + 18),
        p + CASE_BYTES, n);
    count[lib][method][0]++;
    count[lib][method][1] += n;
    count[lib][method][2] += bad;
    all_bad += bad;
    pos += CASE_BYTES + n;
  }
  fail_unless (pos == len);
  g_print ("golden-libs: %u cases against the libraries' own bytes\n", n_cases);
  for (guint l = 1; l <= 2; l++)
    for (guint m = 0; m < N_METHODS; m++)
      if (count[l][m][0])
        g_print ("golden-libs: %-7s %-14s %3" G_GUINT64_FORMAT
                 " cases %8" G_GUINT64_FORMAT " bytes %8" G_GUINT64_FORMAT
                 " identical\n",
            library_nick[l], method_nick[m], count[l][m][0], count[l][m][1],
            count[l][m][1] - count[l][m][2]);
  g_free (data);
  fail_unless (all_bad == 0, "%" G_GUINT64_FORMAT " bytes differ", all_bad);
}

GST_END_TEST;

/* Pillow runs horizontal first: a downscale whose intermediate rows pass
 * the plan's 64 MiB ring is refused with an error, not crashed (the
 * fuzzer's case 7037 of 20000) */
GST_START_TEST (test_pillow_huge_ring_refused)
{
  GstHarness *h = gst_harness_new ("alignscale");
  GstBus *bus = gst_bus_new ();
  GstMessage *m;
  GstFlowReturn ret;

  gst_element_set_bus (h->element, bus);
  gst_util_set_object_arg (G_OBJECT (h->element), "integer-model", "pillow");
  gst_util_set_object_arg (G_OBJECT (h->element), "method", "bicubic");
  gst_harness_set_sink_caps_str (
      h, "video/x-raw,format=GRAY8,width=4000,height=1");
  gst_harness_set_src_caps_str (
      h, "video/x-raw,format=GRAY8,width=16,height=20000,framerate=30/1");
  ret = gst_harness_push (
      h, random_buffer ("video/x-raw,format=GRAY8,width=16,height=20000", 5));
  fail_unless_equals_int (ret, GST_FLOW_ERROR);
  m = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
  fail_unless (m != NULL);
  gst_message_unref (m);
  gst_element_set_bus (h->element, NULL);
  gst_object_unref (bus);
  gst_harness_teardown (h);
}

GST_END_TEST;

static Suite *
alignscale_libs_suite (void)
{
  Suite *s = suite_create ("alignscale-libs");
  TCase *tc = tcase_create ("general");

  tcase_set_timeout (tc, 300);
  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_golden_libs);
  tcase_add_test (tc, test_pillow_huge_ring_refused);
  return s;
}

GST_CHECK_MAIN (alignscale_libs);
