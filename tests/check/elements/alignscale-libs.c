/* integer-model=opencv / pillow against the bytes of the real libraries
 * (tests/check/golden/golden-libs.bin, made by gen_golden_libs.py with
 * OpenCV 4.6's cv2.resize and Pillow 9.4's Image.resize): every output
 * byte must be the library's. Pillow's box= cases run with
 * coordinate-mode=tf-crop-and-resize and the roi the generator drew.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <gst/check/gstcheck.h>
#include <gst/check/gstharness.h>
#include <gst/video/video.h>
#include <string.h>

#include "common.h"

#define CASE_BYTES 26
/* the library byte's flag of a box= case (gen_golden_libs.py) */
#define ROI_FLAG 0x80

static const gchar *const library_nick[] = { "exact", "opencv", "pillow" };
/* GstAlignScaleMethod values, as the golden file stores them */
static const gchar *const method_nick[] = { "nearest", "bilinear", "bicubic",
  "area", "box", "hamming", "lanczos", "lanczos4", "bilinear-exact",
  "nearest-exact" };
#define N_METHODS G_N_ELEMENTS (method_nick)

/* the report's format classes */
static const gchar *const class_name[] = { "GRAY8", "RGB/BGRx", "RGBA/ARGB",
  "GRAY16", "AYUV64" };
#define N_CLASSES G_N_ELEMENTS (class_name)

static guint
format_class (const gchar *fmt)
{
  if (!strcmp (fmt, "GRAY8"))
    return 0;
  if (g_str_has_prefix (fmt, "GRAY16"))
    return 3;
  if (!strcmp (fmt, "AYUV64"))
    return 4;
  return strchr (fmt, 'A') ? 2 : 1;
}

/* gen_golden_libs.py's case_roi: edges at multiples of 2^-24 of the
 * picture, or for a quarter of the boxes on whole pixels; never empty */
static void
case_roi (guint32 seed, gint iw, gint ih, gdouble roi[4])
{
  guint32 s = seed ^ 0x5A5A5A5A;
  gboolean whole = xorshift32 (&s) % 4 == 0;

  for (gint axis = 0; axis < 2; axis++) {
    guint32 n = axis ? ih : iw, d = whole ? n : 1u << 24, a, b, lo, hi;

    if (whole) {
      a = xorshift32 (&s) % (n + 1);
      b = xorshift32 (&s) % (n + 1);
    } else {
      a = xorshift32 (&s) >> 8;
      b = xorshift32 (&s) >> 8;
    }
    lo = MIN (a, b);
    hi = MAX (a, b);
    if (lo == hi) {
      if (hi < d)
        hi++;
      else
        lo--;
    }
    roi[axis] = (gdouble) lo / d;
    roi[axis + 2] = (gdouble) hi / d;
  }
}

/* formats with alpha: a pixel whose colour bytes xor to 0 mod 4 is made
 * transparent or opaque (its alpha byte odd: 255), as the generator */
static void
alpha_extremes (guint8 *row, gint w, gint alpha)
{
  for (gint i = 0; i < w; i++) {
    guint8 *p = row + 4 * i, x = 0;
    for (gint k = 0; k < 4; k++)
      if (k != alpha)
        x ^= p[k];
    if ((x & 3) == 0)
      p[alpha] = p[alpha] & 1 ? 255 : 0;
  }
}

static void
set_roi (GstElement *e, const gdouble roi[4])
{
  GValue arr = G_VALUE_INIT, v = G_VALUE_INIT;

  g_value_init (&arr, GST_TYPE_ARRAY);
  g_value_init (&v, G_TYPE_DOUBLE);
  for (gint i = 0; i < 4; i++) {
    g_value_set_double (&v, roi[i]);
    gst_value_array_append_value (&arr, &v);
  }
  g_object_set_property (G_OBJECT (e), "roi", &arr);
  g_value_unset (&v);
  g_value_unset (&arr);
}

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
  guint64 bad = 0;
  gchar *what;
  gsize row;
  gint alpha = -1;
  gdouble roi[4] = { 0, 0, 1, 1 };

  if (lib & ROI_FLAG) {
    case_roi (seed, iw, ih, roi);
    gst_util_set_object_arg (
        G_OBJECT (h->element), "coordinate-mode", "tf-crop-and-resize");
    set_roi (h->element, roi);
  }
  lib &= ~ROI_FLAG;
  gst_util_set_object_arg (
      G_OBJECT (h->element), "integer-model", library_nick[lib]);
  gst_util_set_object_arg (
      G_OBJECT (h->element), "method", method_nick[method]);
  gst_harness_set_sink_caps_str (h, oc);
  gst_harness_set_src_caps_str (h, ic);
  info_from_string (&ii, ic);
  info_from_string (&oi, oc);
  /* Pillow's 'RGBA' cases (AYUV64 is OpenCV's 4-channel uint16 image) */
  if (GST_VIDEO_INFO_HAS_ALPHA (&ii) && GST_VIDEO_INFO_IS_RGB (&ii)
      && GST_VIDEO_INFO_COMP_DEPTH (&ii, 0) == 8)
    alpha = GST_VIDEO_INFO_COMP_POFFSET (&ii, GST_VIDEO_COMP_A);

  /* the generator's bytes, row-major without padding, into the strides */
  in = gst_buffer_new_allocate (NULL, ii.size, NULL);
  fail_unless (gst_video_frame_map (&f, &ii, in, GST_MAP_WRITE));
  row = (gsize) iw * GST_VIDEO_INFO_COMP_PSTRIDE (&ii, 0);
  for (gint y = 0; y < ih; y++) {
    guint8 *d = (guint8 *) GST_VIDEO_FRAME_PLANE_DATA (&f, 0)
        + (gsize) y * GST_VIDEO_FRAME_PLANE_STRIDE (&f, 0);
    for (gsize x = 0; x < row; x++)
      d[x] = xorshift32 (&seed) >> 24;
    if (alpha >= 0)
      alpha_extremes (d, iw, alpha);
  }
  gst_video_frame_unmap (&f);

  out = gst_harness_push_and_pull (h, in);
  fail_unless (out != NULL, "%s %s %s %dx%d -> %dx%d: no output",
      library_nick[lib], method_nick[method], fmt, iw, ih, ow, oh);
  what = g_strdup_printf ("golden-libs: %s %s %s %dx%d -> %dx%d",
      library_nick[lib], method_nick[method], fmt, iw, ih, ow, oh);
  bad = golden_compare (out, &oi, want, n, what);
  g_free (what);
  gst_buffer_unref (out);
  gst_harness_teardown (h);
  g_free (ic);
  g_free (oc);
  return bad;
}

GST_START_TEST (test_golden_libs)
{
  gsize len = 0, pos;
  gchar *data = golden_file ("ALIGNSCALE_GOLDEN_LIBS", "ASLIBS01", 12, &len);
  guint32 n_cases;
  /* [library][method][format class][box]: cases, bytes, differing */
  guint64 count[3][N_METHODS][N_CLASSES][2][3];
  guint64 all_bad = 0;

  n_cases = read_le32 ((const guint8 *) data + 8);
  memset (count, 0, sizeof (count));
  pos = 12;
  for (guint i = 0; i < n_cases; i++) {
    const guint8 *p = (const guint8 *) data + pos;
    gchar fmt[16];
    guint lib, method, n, cls, box;
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
    box = (lib & ROI_FLAG) != 0;
    fail_unless ((lib & ~ROI_FLAG) >= 1 && (lib & ~ROI_FLAG) <= 2
        && method < N_METHODS && pos + CASE_BYTES + n <= len);
    /* the 16-bit names do not fit the 8 bytes */
    if (!strcmp (fmt, "GRAY16LE") || !strcmp (fmt, "GRAY16BE"))
      memcpy (fmt + 6, fmt[6] == 'L' ? "_LE" : "_BE", 4);
    bad = run_case (lib, method, fmt, iw, ih, ow, oh, read_le32 (p + 18),
        p + CASE_BYTES, n);
    cls = format_class (fmt);
    lib &= ~ROI_FLAG;
    count[lib][method][cls][box][0]++;
    count[lib][method][cls][box][1] += n;
    count[lib][method][cls][box][2] += bad;
    all_bad += bad;
    pos += CASE_BYTES + n;
  }
  fail_unless (pos == len);
  g_print ("golden-libs: %u cases against the libraries' own bytes\n", n_cases);
  for (guint l = 1; l <= 2; l++)
    for (guint m = 0; m < N_METHODS; m++)
      for (guint c = 0; c < N_CLASSES; c++)
        for (guint b = 0; b < 2; b++) {
          guint64 *k = count[l][m][c][b];
          if (k[0])
            g_print ("golden-libs: %-7s %-14s %-9s %-4s %3" G_GUINT64_FORMAT
                     " cases %8" G_GUINT64_FORMAT " bytes %8" G_GUINT64_FORMAT
                     " identical\n",
                library_nick[l], method_nick[m], class_name[c], b ? "box" : "",
                k[0], k[1], k[1] - k[2]);
        }
  g_free (data);
  fail_unless (all_bad == 0, "%" G_GUINT64_FORMAT " bytes differ", all_bad);
}

GST_END_TEST;

/* one frame through alignscale with integer-model=pillow */
static GstBuffer *
pillow_run (
    const gchar *method, const gchar *ic, const gchar *oc, GstBuffer *in)
{
  GstHarness *h = gst_harness_new ("alignscale");
  GstBuffer *out;

  gst_util_set_object_arg (G_OBJECT (h->element), "integer-model", "pillow");
  gst_util_set_object_arg (G_OBJECT (h->element), "method", method);
  gst_harness_set_sink_caps_str (h, oc);
  gst_harness_set_src_caps_str (h, ic);
  out = gst_harness_push_and_pull (h, in);
  fail_unless (out != NULL);
  gst_harness_teardown (h);
  return out;
}

/* YUV with alpha to RGBA is the conversion, then Image.resize of the
 * 'RGBA' image (premultiplied): the same bytes as converting at the input
 * size (Pillow's copy: no round trip) and resizing that RGBA frame */
GST_START_TEST (test_pillow_convert_alpha)
{
  static const gint sizes[][4] = { { 37, 21, 16, 30 }, { 64, 48, 29, 13 },
    { 9, 40, 33, 17 } };
  static const gchar *const methods[] = { "bilinear", "bicubic", "lanczos" };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++) {
    const gint *z = sizes[i];
    gchar *yuv = g_strdup_printf ("video/x-raw,format=AYUV,width=%d,height=%d,"
                                  "framerate=30/1",
        z[0], z[1]);
    gchar *rgba_in = g_strdup_printf (
        "video/x-raw,format=RGBA,width=%d,height=%d,framerate=30/1", z[0],
        z[1]);
    gchar *rgba_out = g_strdup_printf (
        "video/x-raw,format=RGBA,width=%d,height=%d", z[2], z[3]);
    GstBuffer *src = random_buffer (yuv, 1000 + i);
    GstBuffer *conv, *two, *one;
    GstMapInfo a, b;

    conv = pillow_run (methods[i], yuv, rgba_in, gst_buffer_ref (src));
    two = pillow_run (methods[i], rgba_in, rgba_out, conv);
    one = pillow_run (methods[i], yuv, rgba_out, src);
    fail_unless (gst_buffer_map (two, &a, GST_MAP_READ));
    fail_unless (gst_buffer_map (one, &b, GST_MAP_READ));
    fail_unless (a.size == b.size && memcmp (a.data, b.data, a.size) == 0,
        "AYUV %dx%d -> RGBA %dx%d %s: not the conversion then the resize", z[0],
        z[1], z[2], z[3], methods[i]);
    gst_buffer_unmap (two, &a);
    gst_buffer_unmap (one, &b);
    gst_buffer_unref (two);
    gst_buffer_unref (one);
    g_free (yuv);
    g_free (rgba_in);
    g_free (rgba_out);
  }
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
  tcase_add_test (tc, test_pillow_convert_alpha);
  return s;
}

GST_CHECK_MAIN (alignscale_libs);
