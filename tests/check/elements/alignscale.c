/* gst-check tests of the alignscale element
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <gst/check/gstcheck.h>
#include <gst/check/gstharness.h>
#include <gst/controller/gstinterpolationcontrolsource.h>
#include <gst/controller/gstdirectcontrolbinding.h>
#include <gst/video/video.h>
#include <stdio.h>
#include <string.h>

#include "common.h"

#define GRAY16                                                                 \
  "video/x-raw,format=GRAY16_LE,framerate=30/1,"                               \
  "pixel-aspect-ratio=1/1"

/* ---------------------------------------------------------------- helpers */

static GstHarness *
new_harness (
    const gchar *in_caps, const gchar *out_caps, const gchar *first_prop, ...)
{
  GstHarness *h = gst_harness_new ("alignscale");
  va_list args;

  if (first_prop) {
    va_start (args, first_prop);
    g_object_set_valist (G_OBJECT (h->element), first_prop, args);
    va_end (args);
  }
  /* downstream constraints first: the src caps event negotiates */
  gst_harness_set_sink_caps_str (h, out_caps);
  gst_harness_set_src_caps_str (h, in_caps);
  return h;
}

/* one buffer through a fresh element with this configuration */
static GstBuffer *
scale_fresh (const gchar *in_caps, const gchar *out_caps, GstBuffer *in,
    gint method, gboolean align_corners, gdouble cubic_a)
{
  GstHarness *h = new_harness (in_caps, out_caps, "method", method,
      "align-corners", align_corners, "cubic-a", cubic_a, NULL);
  GstBuffer *out = gst_harness_push_and_pull (h, gst_buffer_ref (in));

  fail_unless (out != NULL);
  gst_harness_teardown (h);
  return out;
}

/* equal pictures: visible bytes only (stride padding is never written) */
static gboolean
frames_equal (GstBuffer *a, GstBuffer *b, const gchar *format, gint w, gint h)
{
  GstVideoInfo info;

  gst_video_info_set_format (
      &info, gst_video_format_from_string (format), w, h);
  return frames_equal_info (a, b, &info);
}

/* the live-switch tests' output: RGBA 53x17 */
#define live_equal(a, b) frames_equal ((a), (b), "RGBA", 53, 17)

static GstBuffer *
gray16_buffer (const double *v, int w, int h, double scale)
{
  GstBuffer *buf;
  GstMapInfo map;
  gsize stride = GST_ROUND_UP_4 (w * 2);

  buf = gst_buffer_new_allocate (NULL, stride * h, NULL);
  gst_buffer_map (buf, &map, GST_MAP_WRITE);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      ((guint16 *) (map.data + y * stride))[x] = (guint16) (v[y * w + x] * scale
          + 0.5);
  gst_buffer_unmap (buf, &map);
  return buf;
}

/* ----------------------------------------------------------- properties */

GST_START_TEST (test_properties)
{
  GstElement *e = gst_element_factory_make ("alignscale", NULL);
  const gchar *names[] = { "method", "align-corners", "cubic-a" };
  GParamSpec *ps;
  gint method;
  gboolean ac;
  gdouble a;

  fail_unless (e != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++) {
    ps = g_object_class_find_property (G_OBJECT_GET_CLASS (e), names[i]);
    fail_unless (ps != NULL, "no property %s", names[i]);
    fail_unless (ps->flags & GST_PARAM_MUTABLE_PLAYING, "%s", names[i]);
    fail_unless (ps->flags & GST_PARAM_CONTROLLABLE, "%s", names[i]);
    fail_unless (ps->flags & G_PARAM_STATIC_STRINGS, "%s", names[i]);
  }
  g_object_get (
      e, "method", &method, "align-corners", &ac, "cubic-a", &a, NULL);
  fail_unless_equals_int (method, 1); /* bilinear */
  fail_unless (!ac);
  fail_unless (a == -0.75);
  ps = g_object_class_find_property (G_OBJECT_GET_CLASS (e), "cubic-a");
  fail_unless (G_PARAM_SPEC_DOUBLE (ps)->minimum == -2.0);
  fail_unless (G_PARAM_SPEC_DOUBLE (ps)->maximum == 0.0);
  gst_object_unref (e);
}

GST_END_TEST;

/* ------------------------------------- spec §5, cases T01-T04 (torch) */

static void
check_matrix (const double *in, int iw, int ih, int ow, int oh, gint method,
    gboolean ac, const double *want, int tol)
{
  const double scale = 10000.0;
  gchar *ic = g_strdup_printf (GRAY16 ",width=%d,height=%d", iw, ih);
  gchar *oc = g_strdup_printf (GRAY16 ",width=%d,height=%d", ow, oh);
  GstBuffer *inb = gray16_buffer (in, iw, ih, scale);
  GstBuffer *out = scale_fresh (ic, oc, inb, method, ac, -0.75);
  GstMapInfo map;
  gsize stride = GST_ROUND_UP_4 (ow * 2);

  gst_buffer_map (out, &map, GST_MAP_READ);
  for (int y = 0; y < oh; y++)
    for (int x = 0; x < ow; x++) {
      int got = ((guint16 *) (map.data + y * stride))[x];
      int exp = (int) floor (want[y * ow + x] * scale + 0.5);
      fail_unless (ABS (got - exp) <= tol,
          "method %d ac %d at (%d,%d): got %d, want %d", method, ac, x, y, got,
          exp);
    }
  gst_buffer_unmap (out, &map);
  gst_buffer_unref (out);
  gst_buffer_unref (inb);
  g_free (ic);
  g_free (oc);
}

GST_START_TEST (test_spec_matrices)
{
  const double a22[] = { 1, 2, 3, 4 };
  const double a33[] = { 1, 2, 0, 3, 4, 0, 0, 0, 0 };
  const double t01[] = { 1.0, 1.3148, 1.6852, 2.0, 1.6296, 1.9444, 2.3148,
    2.6296, 2.3704, 2.6852, 3.0556, 3.3704, 3.0, 3.3148, 3.6852, 4.0 };
  const double t02[] = { 0.6836, 1.0156, 1.5625, 1.8945, 1.3477, 1.6797, 2.2266,
    2.5586, 2.4414, 2.7734, 3.3203, 3.6523, 3.1055, 3.4375, 3.9844, 4.3164 };
  const double t03[] = { 1.0, 1.25, 1.75, 1.5, 0.5, 0.0, 1.5, 1.75, 2.25, 1.875,
    0.625, 0.0, 2.5, 2.75, 3.25, 2.625, 0.875, 0.0, 2.25, 2.4375, 2.8125, 2.25,
    0.75, 0.0, 0.75, 0.8125, 0.9375, 0.75, 0.25, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
    0.0 };
  const double t04[] = { 1.0, 1.4, 1.8, 1.6, 0.8, 0.0, 1.8, 2.2, 2.6, 2.24,
    1.12, 0.0, 2.6, 3.0, 3.4, 2.88, 1.44, 0.0, 2.4, 2.72, 3.04, 2.56, 1.28, 0.0,
    1.2, 1.36, 1.52, 1.28, 0.64, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0 };

  /* bicubic values are given to 4 decimals: within 1 after x10000 */
  check_matrix (a22, 2, 2, 4, 4, 2, TRUE, t01, 1);
  check_matrix (a22, 2, 2, 4, 4, 2, FALSE, t02, 1);
  /* bilinear: exact */
  check_matrix (a33, 3, 3, 6, 6, 1, FALSE, t03, 0);
  check_matrix (a33, 3, 3, 6, 6, 1, TRUE, t04, 0);
}

GST_END_TEST;

/* --------------------------------------------------------- live switch */

#define LIVE_IN "video/x-raw,format=RGBA,width=37,height=29,framerate=30/1"
#define LIVE_OUT "video/x-raw,format=RGBA,width=53,height=17"

GST_START_TEST (test_live_switch)
{
  struct
  {
    const gchar *prop;
    gint method;
    gboolean ac;
    gdouble a;
  } steps[] = {
    { NULL, 1, FALSE, -0.75 },
    { "align-corners", 1, TRUE, -0.75 },
    { "method", 2, TRUE, -0.75 },
    { "cubic-a", 2, TRUE, -0.5 },
    { "align-corners", 2, FALSE, -0.5 },
    { "method", 0, FALSE, -0.5 },
    { "align-corners", 0, TRUE, -0.5 },
  };
  GstBuffer *in = random_buffer (LIVE_IN, 7);
  GstHarness *h = new_harness (LIVE_IN, LIVE_OUT, NULL);
  GstBuffer *prev = NULL;

  gst_harness_play (h);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++) {
    GstBuffer *out, *ref;

    if (steps[i].prop && !strcmp (steps[i].prop, "method"))
      g_object_set (h->element, "method", steps[i].method, NULL);
    else if (steps[i].prop && !strcmp (steps[i].prop, "align-corners"))
      g_object_set (h->element, "align-corners", steps[i].ac, NULL);
    else if (steps[i].prop)
      g_object_set (h->element, "cubic-a", steps[i].a, NULL);

    out = gst_harness_push_and_pull (h, gst_buffer_ref (in));
    fail_unless (out != NULL);
    ref = scale_fresh (
        LIVE_IN, LIVE_OUT, in, steps[i].method, steps[i].ac, steps[i].a);
    fail_unless (live_equal (out, ref),
        "step %u (%s) differs from a fresh"
        " element with that configuration",
        i, steps[i].prop);
    /* every step changes the picture, so a missed switch cannot pass */
    if (prev)
      fail_if (live_equal (out, prev), "step %u had no effect", i);
    if (prev)
      gst_buffer_unref (prev);
    prev = out;
    gst_buffer_unref (ref);
  }
  gst_buffer_unref (prev);
  gst_buffer_unref (in);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* properties flipped from another thread while frames stream: every output
 * is exactly one configuration's frame, never a mix */

typedef struct
{
  GstElement *element;
  gint stop;
} Flipper;

static gpointer
flip_thread (gpointer data)
{
  Flipper *f = data;
  guint i = 0;

  while (!g_atomic_int_get (&f->stop)) {
    /* two properties per step: a frame must never see just one of them */
    g_object_set (f->element, "method", (i & 1) ? 2 : 1, "align-corners",
        (gboolean) (i & 1), NULL);
    i++;
    g_thread_yield ();
  }
  return NULL;
}

GST_START_TEST (test_live_switch_threaded)
{
  GstBuffer *in = random_buffer (LIVE_IN, 13), *ref[2];
  GstHarness *h = new_harness (LIVE_IN, LIVE_OUT, NULL);
  Flipper f = { h->element, 0 };
  GThread *thread;
  guint seen[3] = { 0, 0, 0 };

  ref[0] = scale_fresh (LIVE_IN, LIVE_OUT, in, 1, FALSE, -0.75);
  ref[1] = scale_fresh (LIVE_IN, LIVE_OUT, in, 2, TRUE, -0.75);
  fail_if (live_equal (ref[0], ref[1]));

  thread = g_thread_new ("flipper", flip_thread, &f);
  for (int i = 0; i < 400; i++) {
    GstBuffer *out = gst_harness_push_and_pull (h, gst_buffer_ref (in));
    gint which = live_equal (out, ref[0]) ? 0
        : live_equal (out, ref[1])        ? 1
                                          : 2;
    seen[which]++;
    gst_buffer_unref (out);
  }
  g_atomic_int_set (&f.stop, 1);
  g_thread_join (thread);

  fail_unless_equals_int (seen[2], 0);
  GST_INFO ("configuration A %u frames, B %u frames", seen[0], seen[1]);
  gst_buffer_unref (ref[0]);
  gst_buffer_unref (ref[1]);
  gst_buffer_unref (in);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* a buffer laid out by a GstVideoMeta (padded strides, plane offsets) gives
 * the same picture as the default layout */
GST_START_TEST (test_video_meta_layout)
{
  const gchar *caps = "video/x-raw,format=I420,width=37,height=21,"
                      "framerate=30/1";
  const gchar *ocaps = "video/x-raw,width=50,height=30";
  GstBuffer *in = random_buffer (caps, 17), *padded, *a, *b;
  GstVideoInfo info;
  GstVideoFrame src;
  GstCaps *c = gst_caps_from_string (caps);
  gsize offset[4];
  gint stride[4] = { 64, 48, 40, 0 };
  gsize size = 0;
  GstMapInfo map;

  gst_video_info_from_caps (&info, c);
  gst_caps_unref (c);
  for (guint p = 0; p < 3; p++) {
    offset[p] = size + 16; /* a gap before every plane */
    size = offset[p]
        + (gsize) stride[p] * GST_VIDEO_INFO_COMP_HEIGHT (&info, p);
  }
  padded = gst_buffer_new_allocate (NULL, size, NULL);
  gst_buffer_memset (padded, 0, 0xAA, size);
  gst_buffer_add_video_meta_full (padded, GST_VIDEO_FRAME_FLAG_NONE,
      GST_VIDEO_FORMAT_I420, 37, 21, 3, offset, stride);
  gst_video_frame_map (&src, &info, in, GST_MAP_READ);
  gst_buffer_map (padded, &map, GST_MAP_WRITE);
  for (guint p = 0; p < 3; p++)
    for (gint y = 0; y < GST_VIDEO_INFO_COMP_HEIGHT (&info, p); y++)
      memcpy (map.data + offset[p] + (gsize) y * stride[p],
          (guint8 *) GST_VIDEO_FRAME_PLANE_DATA (&src, p)
              + y * GST_VIDEO_FRAME_PLANE_STRIDE (&src, p),
          GST_VIDEO_INFO_COMP_WIDTH (&info, p));
  gst_buffer_unmap (padded, &map);
  gst_video_frame_unmap (&src);

  for (gint m = 0; m < 3; m++) {
    a = scale_fresh (caps, ocaps, in, m, FALSE, -0.75);
    b = scale_fresh (caps, ocaps, padded, m, FALSE, -0.75);
    fail_unless (frames_equal (a, b, "I420", 50, 30),
        "method %d: meta layout differs", m);
    gst_buffer_unref (a);
    gst_buffer_unref (b);
  }
  gst_buffer_unref (padded);
  gst_buffer_unref (in);
}

GST_END_TEST;

/* size-dependent metas follow the picture: region-of-interest boxes are
 * scaled (an upstream crop meta is applied instead: test_crop_meta) */
GST_START_TEST (test_roi_meta_scaled)
{
  const gchar *caps = "video/x-raw,format=GRAY8,width=100,height=50,"
                      "framerate=30/1";
  GstHarness *h = new_harness (caps, "video/x-raw,width=50,height=25", NULL);
  GstBuffer *in = random_buffer (caps, 2), *out;
  GstVideoRegionOfInterestMeta *roi;

  gst_buffer_add_video_region_of_interest_meta (in, "face", 10, 20, 30, 10);
  out = gst_harness_push_and_pull (h, in);
  roi = gst_buffer_get_video_region_of_interest_meta (out);
  fail_unless (roi != NULL);
  fail_unless (roi->x == 5 && roi->y == 10 && roi->w == 15 && roi->h == 5,
      "roi %u,%u %ux%u", roi->x, roi->y, roi->w, roi->h);
  gst_buffer_unref (out);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* the output's box of this roi type, or FALSE when it was dropped */
static gboolean
find_roi (GstBuffer *buf, const gchar *type, guint box[4])
{
  gpointer state = NULL;
  GstMeta *m;

  while ((m = gst_buffer_iterate_meta_filtered (
              buf, &state, GST_VIDEO_REGION_OF_INTEREST_META_API_TYPE))) {
    GstVideoRegionOfInterestMeta *roi = (GstVideoRegionOfInterestMeta *) m;
    if (roi->roi_type != g_quark_from_string (type))
      continue;
    box[0] = roi->x;
    box[1] = roi->y;
    box[2] = roi->w;
    box[3] = roi->h;
    return TRUE;
  }
  return FALSE;
}

#define CHECK_ROI(buf, type, bx, by, bw, bh)                                   \
  G_STMT_START                                                                 \
  {                                                                            \
    guint b_[4];                                                               \
    fail_unless (find_roi (buf, type, b_), "roi %s dropped", type);            \
    fail_unless (                                                              \
        b_[0] == (bx) && b_[1] == (by) && b_[2] == (bw) && b_[3] == (bh),      \
        "roi %s: %u,%u %ux%u, expected %u,%u %ux%u", type, b_[0], b_[1],       \
        b_[2], b_[3], (guint) (bx), (guint) (by), (guint) (bw), (guint) (bh)); \
  }                                                                            \
  G_STMT_END

/* roi boxes follow the frame's geometry: (x - crop.x) * s, clipped to the
 * picture; a box outside the crop is dropped; its params are kept */
GST_START_TEST (test_roi_meta_crop)
{
  const gchar *caps = "video/x-raw,format=GRAY8,width=100,height=50,"
                      "framerate=30/1";
  GstHarness *h = new_harness (caps, "video/x-raw,width=30,height=15", NULL);
  GstBuffer *in = random_buffer (caps, 3), *out;
  GstVideoRegionOfInterestMeta *roi;
  guint b[4];

  gst_util_set_object_arg (G_OBJECT (h->element), "crop", "<20, 10, 60, 30>");
  roi = gst_buffer_add_video_region_of_interest_meta (in, "in", 30, 20, 20, 10);
  gst_video_region_of_interest_meta_add_param (roi,
      gst_structure_new ("detection", "confidence", G_TYPE_DOUBLE, 0.5, NULL));
  gst_buffer_add_video_region_of_interest_meta (in, "edge", 10, 0, 20, 20);
  gst_buffer_add_video_region_of_interest_meta (in, "out", 85, 40, 10, 5);
  /* touches the crop's right edge, shares no pixel with it */
  gst_buffer_add_video_region_of_interest_meta (in, "touch", 80, 10, 5, 5);
  out = gst_harness_push_and_pull (h, in);
  CHECK_ROI (out, "in", 5, 5, 10, 5);
  CHECK_ROI (out, "edge", 0, 0, 5, 5);
  fail_if (find_roi (out, "out", b), "a box outside the crop was kept");
  fail_if (find_roi (out, "touch", b), "a box beside the crop was kept");
  roi = gst_buffer_get_video_region_of_interest_meta (out);
  while (roi && roi->roi_type != g_quark_from_string ("in"))
    roi = gst_buffer_get_video_region_of_interest_meta_id (out, roi->id + 1);
  fail_unless (roi != NULL
      && gst_video_region_of_interest_meta_get_param (roi, "detection"));
  gst_buffer_unref (out);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* letterbox=ultralytics: 100x50 into 64x64 is a 64x32 picture at y = 16
 * (r = 0.64, top = round (15.9)); the boxes move by the pad */
GST_START_TEST (test_roi_meta_letterbox)
{
  const gchar *caps = "video/x-raw,format=GRAY8,width=100,height=50,"
                      "framerate=30/1";
  GstHarness *h = new_harness (caps, "video/x-raw,width=64,height=64", NULL);
  GstBuffer *in = random_buffer (caps, 4), *out;

  gst_util_set_object_arg (G_OBJECT (h->element), "letterbox", "ultralytics");
  /* edges 25..75 x 10..35: 16..48 x 22.4..38.4 */
  gst_buffer_add_video_region_of_interest_meta (in, "a", 25, 10, 50, 25);
  gst_buffer_add_video_region_of_interest_meta (in, "all", 0, 0, 100, 50);
  out = gst_harness_push_and_pull (h, in);
  CHECK_ROI (out, "a", 16, 22, 32, 16);
  CHECK_ROI (out, "all", 0, 16, 64, 32);
  gst_buffer_unref (out);

  /* with a crop too: <50, 0, 50, 50> is a 64x64 picture, at 0, 0 */
  gst_util_set_object_arg (G_OBJECT (h->element), "crop", "<50, 0, 50, 50>");
  in = random_buffer (caps, 5);
  gst_buffer_add_video_region_of_interest_meta (in, "a", 25, 10, 50, 25);
  gst_buffer_add_video_region_of_interest_meta (in, "left", 0, 0, 50, 50);
  out = gst_harness_push_and_pull (h, in);
  /* 50..75 -> 0..32, 10..35 -> 12.8..44.8 */
  CHECK_ROI (out, "a", 0, 13, 32, 32);
  {
    guint b[4];
    fail_if (find_roi (out, "left", b), "a box left of the crop was kept");
  }
  gst_buffer_unref (out);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* ---------------------- tables are rebuilt only when something changed */

static gint builds;

static void
count_builds (GstDebugCategory *category, GstDebugLevel level,
    const gchar *file, const gchar *function, gint line, GObject *object,
    GstDebugMessage *message, gpointer user_data)
{
  if (!strcmp (gst_debug_category_get_name (category), "alignscale")
      && g_str_has_prefix (gst_debug_message_get (message), "built tables"))
    g_atomic_int_inc (&builds);
}

GST_START_TEST (test_rebuild_only_on_change)
{
  GstBuffer *in = random_buffer (LIVE_IN, 9);
  GstHarness *h;

  gst_debug_set_threshold_for_name ("alignscale", GST_LEVEL_DEBUG);
  gst_debug_add_log_function (count_builds, NULL, NULL);
  builds = 0;

  h = new_harness (LIVE_IN, LIVE_OUT, NULL);
  for (int i = 0; i < 3; i++)
    gst_buffer_unref (gst_harness_push_and_pull (h, gst_buffer_ref (in)));
  fail_unless_equals_int (builds, 1);

  /* cubic-a does not matter for bilinear; an unchanged value is no change */
  g_object_set (h->element, "cubic-a", -0.5, "align-corners", FALSE, NULL);
  gst_buffer_unref (gst_harness_push_and_pull (h, gst_buffer_ref (in)));
  fail_unless_equals_int (builds, 1);

  g_object_set (h->element, "align-corners", TRUE, NULL);
  for (int i = 0; i < 2; i++)
    gst_buffer_unref (gst_harness_push_and_pull (h, gst_buffer_ref (in)));
  fail_unless_equals_int (builds, 2);

  /* new caps: new tables */
  gst_harness_set_sink_caps_str (
      h, "video/x-raw,format=RGBA,width=20,height=20");
  fail_unless (
      gst_harness_push_upstream_event (h, gst_event_new_reconfigure ()));
  gst_buffer_unref (gst_harness_push_and_pull (h, gst_buffer_ref (in)));
  fail_unless_equals_int (builds, 3);

  gst_debug_remove_log_function (count_builds);
  gst_debug_set_threshold_for_name ("alignscale", GST_LEVEL_NONE);
  gst_buffer_unref (in);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* ------------------- controlled properties follow the stream time */

GST_START_TEST (test_controller)
{
  GstBuffer *in = random_buffer (LIVE_IN, 11), *out, *ref;
  GstHarness *h = new_harness (LIVE_IN, LIVE_OUT, "method", 2, NULL);
  GstControlSource *cs = gst_interpolation_control_source_new ();
  GstTimedValueControlSource *tvcs = (GstTimedValueControlSource *) cs;
  gdouble a;

  g_object_set (cs, "mode", GST_INTERPOLATION_MODE_NONE, NULL);
  gst_timed_value_control_source_set (tvcs, 0, -0.75);
  gst_timed_value_control_source_set (tvcs, GST_SECOND, -0.5);
  gst_object_add_control_binding (GST_OBJECT (h->element),
      gst_direct_control_binding_new_absolute (
          GST_OBJECT (h->element), "cubic-a", cs));

  out = gst_harness_push_and_pull (h, gst_buffer_ref (in)); /* pts 0 */
  ref = scale_fresh (LIVE_IN, LIVE_OUT, in, 2, FALSE, -0.75);
  fail_unless (live_equal (out, ref));
  gst_buffer_unref (out);
  gst_buffer_unref (ref);

  in = gst_buffer_make_writable (in);
  GST_BUFFER_PTS (in) = 2 * GST_SECOND;
  out = gst_harness_push_and_pull (h, gst_buffer_ref (in));
  ref = scale_fresh (LIVE_IN, LIVE_OUT, in, 2, FALSE, -0.5);
  fail_unless (live_equal (out, ref), "controller value not applied");
  g_object_get (h->element, "cubic-a", &a, NULL);
  fail_unless (a == -0.5);
  gst_buffer_unref (out);
  gst_buffer_unref (ref);

  gst_object_unref (cs);
  gst_buffer_unref (in);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* ---------------------------------------------------------- negotiation */

/* the output size a harness negotiated */
static void
current_size (GstHarness *h, gint *w, gint *hh)
{
  GstCaps *caps = gst_pad_get_current_caps (h->sinkpad);

  fail_unless (caps != NULL);
  fail_unless (
      gst_structure_get_int (gst_caps_get_structure (caps, 0), "width", w)
      && gst_structure_get_int (
          gst_caps_get_structure (caps, 0), "height", hh));
  gst_caps_unref (caps);
}

static GstStructure *
negotiated (const gchar *in_caps, const gchar *out_caps)
{
  GstHarness *h = new_harness (in_caps, out_caps, NULL);
  GstCaps *caps = gst_pad_get_current_caps (h->sinkpad);
  GstStructure *s;

  fail_unless (caps != NULL, "%s -> %s did not negotiate", in_caps, out_caps);
  s = gst_structure_copy (gst_caps_get_structure (caps, 0));
  gst_caps_unref (caps);
  gst_harness_teardown (h);
  return s;
}

static void
check_size (const gchar *in_caps, const gchar *out_caps, gint w, gint h,
    gint par_n, gint par_d)
{
  GstStructure *s = negotiated (in_caps, out_caps);
  gint gw, gh, n = 1, d = 1;

  fail_unless (gst_structure_get_int (s, "width", &gw));
  fail_unless (gst_structure_get_int (s, "height", &gh));
  gst_structure_get_fraction (s, "pixel-aspect-ratio", &n, &d);
  fail_unless (gw == w && gh == h && n == par_n && d == par_d,
      "%s -> %s: got %dx%d PAR %d/%d, want %dx%d PAR %d/%d", in_caps, out_caps,
      gw, gh, n, d, w, h, par_n, par_d);
  gst_structure_free (s);
}

GST_START_TEST (test_fixate_keeps_dar)
{
  /* one dimension and the PAR fixed: the other keeps the DAR */
  check_size ("video/x-raw,format=I420,width=320,height=240,"
              "pixel-aspect-ratio=1/1,framerate=30/1",
      "video/x-raw,width=160,pixel-aspect-ratio=1/1", 160, 120, 1, 1);
  check_size ("video/x-raw,format=I420,width=320,height=240,"
              "pixel-aspect-ratio=1/1,framerate=30/1",
      "video/x-raw,height=60,pixel-aspect-ratio=1/1", 80, 60, 1, 1);
  /* anamorphic PAL 4:3 PAR -> square pixels: DAR 5/3 */
  check_size ("video/x-raw,format=RGB,width=720,height=576,"
              "pixel-aspect-ratio=4/3,framerate=25/1",
      "video/x-raw,width=1024,pixel-aspect-ratio=1/1", 1024, 614, 1, 1);
  /* one dimension fixed, PAR free: keep the other input dimension */
  check_size ("video/x-raw,format=GRAY8,width=320,height=240,"
              "pixel-aspect-ratio=1/1,framerate=30/1",
      "video/x-raw,width=160", 160, 240, 2, 1);
  /* both fixed, PAR free: the PAR keeps the DAR */
  check_size ("video/x-raw,format=GRAY8,width=320,height=240,"
              "pixel-aspect-ratio=1/1,framerate=30/1",
      "video/x-raw,width=240,height=240", 240, 240, 4, 3);
  /* large sizes (tiscamera #426) */
  check_size ("video/x-raw,format=GRAY8,width=3872,height=2764,"
              "pixel-aspect-ratio=1/1,framerate=30/1",
      "video/x-raw,width=640,pixel-aspect-ratio=1/1", 640, 457, 1, 1);
  /* nothing fixed downstream: the input size and PAR are kept */
  check_size ("video/x-raw,format=NV12,width=99,height=77,"
              "pixel-aspect-ratio=3/2,framerate=30/1",
      "video/x-raw", 99, 77, 3, 2);
}

GST_END_TEST;

/* huge PAR fractions overflow exact DAR products (MR !8262): negotiation
 * must still succeed with a sane size */
GST_START_TEST (test_fixate_overflow)
{
  GstStructure *s = negotiated (
      "video/x-raw,format=GRAY8,width=32767,"
      "height=32767,pixel-aspect-ratio=2147483647/2147483646,framerate=0/1",
      "video/x-raw,width=30000,pixel-aspect-ratio=1/1");
  gint w, h;

  fail_unless (gst_structure_get_int (s, "width", &w));
  fail_unless (gst_structure_get_int (s, "height", &h));
  fail_unless_equals_int (w, 30000);
  fail_unless (h >= 29999 && h <= 30001, "height %d", h);
  gst_structure_free (s);

  s = negotiated ("video/x-raw,format=GRAY8,width=32767,height=1,"
                  "pixel-aspect-ratio=2147483647/1,framerate=0/1",
      "video/x-raw,height=32767,pixel-aspect-ratio=1/1");
  fail_unless (gst_structure_get_int (s, "width", &w));
  fail_unless_equals_int (w, 32767); /* clamped to the largest size */
  gst_structure_free (s);
}

GST_END_TEST;

GST_START_TEST (test_passthrough)
{
  const gchar *caps = "video/x-raw,format=NV12,width=64,height=48,"
                      "framerate=30/1";
  GstHarness *h = new_harness (
      caps, caps, "method", 2, "align-corners", TRUE, NULL);
  GstBuffer *in = random_buffer (caps, 3), *out;

  out = gst_harness_push_and_pull (h, gst_buffer_ref (in));
  fail_unless (out == in, "equal sizes must be passed through");
  fail_unless (
      gst_base_transform_is_passthrough (GST_BASE_TRANSFORM (h->element)));
  gst_buffer_unref (out);
  gst_buffer_unref (in);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* odd sizes in 4:2:0: chroma planes are ceil (L / 2), output size exact */
GST_START_TEST (test_odd_420)
{
  const gchar *fmts[] = { "I420", "YV12", "NV12", "NV21" };

  for (guint f = 0; f < G_N_ELEMENTS (fmts); f++) {
    gchar *ic = g_strdup_printf ("video/x-raw,format=%s,width=33,height=17,"
                                 "framerate=30/1",
        fmts[f]);
    gchar *oc = g_strdup_printf (
        "video/x-raw,format=%s,width=15,height=9", fmts[f]);
    GstBuffer *in = random_buffer (ic, 5), *out;
    GstVideoInfo info;

    for (gint m = 0; m < 3; m++) {
      out = scale_fresh (ic, oc, in, m, m == 1, -0.75);
      gst_video_info_set_format (
          &info, gst_video_format_from_string (fmts[f]), 15, 9);
      fail_unless_equals_int (gst_buffer_get_size (out), info.size);
      gst_buffer_unref (out);
    }
    gst_buffer_unref (in);
    g_free (ic);
    g_free (oc);
  }
}

GST_END_TEST;

GST_START_TEST (test_interlaced_refused)
{
  const gchar *caps = "video/x-raw,format=I420,width=64,height=48,"
                      "framerate=30/1,interlace-mode=interleaved";
  GstHarness *h = new_harness (caps, "video/x-raw,width=32,height=24", NULL);

  fail_unless_equals_int (
      gst_harness_push (h, random_buffer (caps, 1)), GST_FLOW_NOT_NEGOTIATED);
  gst_harness_teardown (h);
}

GST_END_TEST;

GST_START_TEST (test_absurd_size_refused)
{
  const gchar *caps = "video/x-raw,format=GRAY8,width=64,height=48,"
                      "framerate=30/1";
  GstHarness *h = new_harness (caps, "video/x-raw,width=40000,height=24", NULL);

  fail_unless_equals_int (
      gst_harness_push (h, random_buffer (caps, 1)), GST_FLOW_NOT_NEGOTIATED);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* sizes at the limits: one row of 32767 pixels to one column and back, in
 * every method, with constant input that must stay constant */
GST_START_TEST (test_extreme_sizes)
{
  const gchar *fmts[] = { "GRAY8", "GRAY16_LE", "RGBA", "I420", "NV12" };
  const gint sizes[][4] = { { 32767, 1, 1, 32767 }, { 1, 32767, 32767, 1 },
    { 32767, 2, 3, 1 }, { 2, 2, 32767, 3 } };

  for (guint f = 0; f < G_N_ELEMENTS (fmts); f++)
    for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
      for (gint m = 0; m < 3; m++) {
        gchar *ic = g_strdup_printf ("video/x-raw,format=%s,width=%d,"
                                     "height=%d,framerate=30/1",
            fmts[f], sizes[z][0], sizes[z][1]);
        gchar *oc = g_strdup_printf ("video/x-raw,format=%s,width=%d,"
                                     "height=%d",
            fmts[f], sizes[z][2], sizes[z][3]);
        GstCaps *caps = gst_caps_from_string (ic);
        GstVideoInfo info;
        GstBuffer *in, *out;
        GstMapInfo map;

        fail_unless (gst_video_info_from_caps (&info, caps));
        gst_caps_unref (caps);
        in = gst_buffer_new_allocate (NULL, info.size, NULL);
        gst_buffer_memset (in, 0, 0x5a, info.size);
        out = scale_fresh (ic, oc, in, m, m == 2, -0.75);
        gst_video_info_set_format (
            &info, info.finfo->format, sizes[z][2], sizes[z][3]);
        fail_unless_equals_int (gst_buffer_get_size (out), info.size);
        gst_buffer_map (out, &map, GST_MAP_READ);
        for (guint p = 0; p < GST_VIDEO_INFO_N_PLANES (&info); p++)
          for (gint y = 0; y < GST_VIDEO_INFO_COMP_HEIGHT (&info, p); y++) {
            const guint8 *row = map.data + info.offset[p]
                + (gsize) y * info.stride[p];
            gint bytes = GST_VIDEO_INFO_COMP_WIDTH (&info, p)
                * GST_VIDEO_INFO_COMP_PSTRIDE (&info, p);
            for (gint x = 0; x < bytes; x++)
              if (G_UNLIKELY (row[x] != 0x5a))
                fail ("%s -> %s method %d: byte %d of row %d plane %u is %d",
                    ic, oc, m, x, y, p, row[x]);
          }
        gst_buffer_unmap (out, &map);
        gst_buffer_unref (out);
        gst_buffer_unref (in);
        g_free (ic);
        g_free (oc);
      }
}

GST_END_TEST;

/* ------------------------------------------- YUV in, RGB out (caps) */

/* the format on the element's src pad after negotiating in_caps against
 * a downstream that takes out_caps (NULL: none) */
static gchar *
src_format (const gchar *in_caps, const gchar *out_caps)
{
  GstHarness *h = new_harness (in_caps, out_caps, NULL);
  GstCaps *caps = gst_pad_get_current_caps (
      GST_BASE_TRANSFORM_SRC_PAD (GST_BASE_TRANSFORM (h->element)));
  gchar *f = NULL;

  if (caps)
    f = g_strdup (
        gst_structure_get_string (gst_caps_get_structure (caps, 0), "format"));
  gst_clear_caps (&caps);
  gst_harness_teardown (h);
  return f;
}

#define CONV_NV12 "video/x-raw,format=NV12,width=64,height=48,framerate=30/1"

/* downstream wants RGB of NV12: offered, negotiated, converted */
GST_START_TEST (test_convert_negotiation)
{
  static const gchar *outs[] = { "RGB", "BGR", "RGBA", "BGRA", "ARGB", "ABGR",
    "RGBx", "BGRx", "xRGB", "xBGR", "RGBP", "BGRP", "GRAY8" };
  GstHarness *h = new_harness (CONV_NV12, "video/x-raw,format=RGB", NULL);
  GstBuffer *out;
  GstCaps *caps;
  GstVideoInfo info;

  caps = gst_pad_get_current_caps (
      GST_BASE_TRANSFORM_SRC_PAD (GST_BASE_TRANSFORM (h->element)));
  fail_unless (caps != NULL, "NV12 -> RGB did not negotiate");
  fail_unless (gst_video_info_from_caps (&info, caps));
  fail_unless_equals_string (GST_VIDEO_INFO_NAME (&info), "RGB");
  fail_unless (info.width == 64 && info.height == 48);
  gst_caps_unref (caps);
  out = gst_harness_push_and_pull (h, random_buffer (CONV_NV12, 3));
  fail_unless (out != NULL);
  fail_unless_equals_int (gst_buffer_get_size (out), info.size);
  gst_buffer_unref (out);
  gst_harness_teardown (h);

  /* every RGB output, with a size of its own */
  for (guint i = 0; i < G_N_ELEMENTS (outs); i++) {
    gchar *oc = g_strdup_printf (
        "video/x-raw,format=%s,width=33,height=17", outs[i]);
    gchar *f = src_format (CONV_NV12, oc);

    fail_unless (f && !strcmp (f, outs[i]), "NV12 -> %s negotiated %s", outs[i],
        GST_STR_NULL (f));
    g_free (f);
    g_free (oc);
  }
}

GST_END_TEST;

/* downstream takes the input's format too: it is kept, in either order of
 * the list, with or without a size */
GST_START_TEST (test_convert_same_format_preferred)
{
  const gchar *downstream[] = { "video/x-raw,format={ RGB, NV12 }",
    "video/x-raw,format={ NV12, RGB }",
    "video/x-raw,format={ RGBx, NV12, GRAY8 },width=32,height=24",
    "video/x-raw,format={ GRAY8, RGBP, NV12 },width=32,height=24",
    "video/x-raw,format=RGB;video/x-raw,format=NV12", "video/x-raw" };

  for (guint i = 0; i < G_N_ELEMENTS (downstream); i++) {
    gchar *f = src_format (CONV_NV12, downstream[i]);

    fail_unless (f && !strcmp (f, "NV12"), "NV12 into %s: negotiated %s",
        downstream[i], GST_STR_NULL (f));
    g_free (f);
  }
}

GST_END_TEST;

/* set_caps (as basetransform would) with a pair alignscale does not make:
 * refused with an error naming both formats */
static void
expect_caps_refused (const gchar *in_caps, const gchar *out_caps,
    const gchar *in_fmt, const gchar *out_fmt)
{
  GstElement *e = gst_element_factory_make ("alignscale", NULL);
  GstBaseTransformClass *klass = GST_BASE_TRANSFORM_GET_CLASS (e);
  GstCaps *ic = gst_caps_from_string (in_caps);
  GstCaps *oc = gst_caps_from_string (out_caps);
  GstBus *bus = gst_bus_new ();
  GstMessage *msg;
  GError *err = NULL;
  gchar *dbg = NULL, *all;

  gst_element_set_bus (e, bus);
  fail_if (klass->set_caps (GST_BASE_TRANSFORM (e), ic, oc),
      "%s -> %s accepted", in_fmt, out_fmt);
  msg = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
  fail_unless (msg != NULL, "%s -> %s: no error message", in_fmt, out_fmt);
  gst_message_parse_error (msg, &err, &dbg);
  all = g_strdup_printf ("%s %s", err->message, GST_STR_NULL (dbg));
  fail_unless (strstr (all, in_fmt) && strstr (all, out_fmt),
      "%s -> %s refused with '%s', which does not name both", in_fmt, out_fmt,
      all);
  g_free (all);
  g_free (dbg);
  g_clear_error (&err);
  gst_message_unref (msg);
  gst_caps_unref (ic);
  gst_caps_unref (oc);
  gst_element_set_bus (e, NULL);
  gst_object_unref (bus);
  gst_object_unref (e);
}

/* a downstream that takes only a format alignscale cannot make of the
 * input: not negotiated, no frame */
static void
expect_not_negotiated (const gchar *in_caps, const gchar *out_caps)
{
  GstHarness *h = new_harness (in_caps, out_caps, NULL);

  fail_unless_equals_int (gst_harness_push (h, random_buffer (in_caps, 1)),
      GST_FLOW_NOT_NEGOTIATED);
  fail_unless_equals_int (gst_harness_buffers_received (h), 0);
  gst_harness_teardown (h);
}

/* RGB -> YUV and YUV -> another YUV: refused */
GST_START_TEST (test_convert_refused)
{
  const gchar *rgb = "video/x-raw,format=RGB,width=64,height=48,"
                     "framerate=30/1";

  expect_not_negotiated (rgb, "video/x-raw,format=NV12");
  expect_not_negotiated (CONV_NV12, "video/x-raw,format=I420");
  expect_not_negotiated (CONV_NV12, "video/x-raw,format=YUY2,width=32");
  expect_not_negotiated ("video/x-raw,format=GRAY8,width=64,height=48,"
                         "framerate=30/1",
      "video/x-raw,format=RGB");
  expect_caps_refused (rgb,
      "video/x-raw,format=NV12,width=32,height=24,framerate=30/1", "RGB",
      "NV12");
  expect_caps_refused (CONV_NV12,
      "video/x-raw,format=I420,width=32,height=24,framerate=30/1", "NV12",
      "I420");
}

GST_END_TEST;

/* GRAY8 out of limited-range YUV at the input size: every pixel is the
 * luma stretched to full range, round (255 (Y - 16) / 219) clamped (every
 * code 0-255 occurs); full range gives Y itself */
GST_START_TEST (test_convert_gray8_identity)
{
  static const gchar *in_fmts[] = { "NV12", "I420", "YUY2", "Y444" };
  static const gchar *ranges[] = { "bt601", "bt709", "1:4:0:0" };

  for (guint f = 0; f < G_N_ELEMENTS (in_fmts); f++)
    for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
      for (guint u = 0; u < 2; u++) {
        gchar *ic = g_strdup_printf ("video/x-raw,format=%s,width=64,"
                                     "height=48,framerate=30/1,colorimetry=%s",
            in_fmts[f], ranges[r]);
        gboolean full = r == 2;
        const gchar *const props[] = { "chroma-upsampling",
          u ? "nearest" : "linear", NULL };
        GstBuffer *in = random_buffer (ic, 21 + f), *out;
        GstVideoInfo ii, oi;
        GstVideoFrame fin, fout;
        GstCaps *caps = gst_caps_from_string (ic);
        guint seen = 0;

        fail_unless (gst_video_info_from_caps (&ii, caps));
        gst_caps_unref (caps);
        /* every luma code somewhere */
        fail_unless (gst_video_frame_map (&fin, &ii, in, GST_MAP_WRITE));
        for (gint i = 0; i < 256; i++)
          write_sample (&fin, 0, i % 64, i / 64, i);
        gst_video_frame_unmap (&fin);

        out = scale_with (
            ic, "video/x-raw,format=GRAY8,width=64,height=48", in, props);
        gst_video_info_set_format (&oi, GST_VIDEO_FORMAT_GRAY8, 64, 48);
        fail_unless_equals_int (gst_buffer_get_size (out), oi.size);
        fail_unless (gst_video_frame_map (&fin, &ii, in, GST_MAP_READ));
        fail_unless (gst_video_frame_map (&fout, &oi, out, GST_MAP_READ));
        for (gint y = 0; y < 48; y++)
          for (gint x = 0; x < 64; x++) {
            gint Y = read_sample (&fin, 0, x, y);
            gint want = full
                ? Y
                : (gint) CLAMP (floor (255.0 * (Y - 16) / 219.0 + 0.5), 0, 255);
            gint got = read_sample (&fout, 0, x, y);

            fail_unless (got == want,
                "%s %s chroma-upsampling=%s: pixel (%d,%d) luma %d gives %d, "
                "want %d",
                in_fmts[f], ranges[r], props[1], x, y, Y, got, want);
            seen++;
          }
        fail_unless_equals_int (seen, 64 * 48);
        gst_video_frame_unmap (&fin);
        gst_video_frame_unmap (&fout);
        gst_buffer_unref (out);
        gst_buffer_unref (in);
        g_free (ic);
      }
}

GST_END_TEST;

/* chroma-upsampling: an enum, linear by default, changeable while
 * playing; it changes what a conversion gives */
GST_START_TEST (test_chroma_upsampling_property)
{
  GstElement *e = gst_element_factory_make ("alignscale", NULL);
  GParamSpec *ps = g_object_class_find_property (
      G_OBJECT_GET_CLASS (e), "chroma-upsampling");
  GEnumClass *ec;
  gint v;
  const gchar *ic = "video/x-raw,format=I420,width=37,height=29,"
                    "framerate=30/1,colorimetry=bt709";
  const gchar *oc = "video/x-raw,format=RGB,width=37,height=29";
  const gchar *const lin[] = { "chroma-upsampling", "linear", NULL };
  const gchar *const near[] = { "chroma-upsampling", "nearest", NULL };
  GstBuffer *in = random_buffer (ic, 31), *a, *b, *got;
  GstHarness *h;
  GstVideoInfo info;

  fail_unless (ps != NULL && G_IS_PARAM_SPEC_ENUM (ps));
  fail_unless (ps->flags & GST_PARAM_MUTABLE_PLAYING);
  fail_unless (ps->flags & G_PARAM_STATIC_STRINGS);
  ec = G_PARAM_SPEC_ENUM (ps)->enum_class;
  fail_unless (g_enum_get_value_by_nick (ec, "linear") != NULL);
  fail_unless (g_enum_get_value_by_nick (ec, "nearest") != NULL);
  g_object_get (e, "chroma-upsampling", &v, NULL);
  fail_unless_equals_int (v, g_enum_get_value_by_nick (ec, "linear")->value);
  gst_object_unref (e);

  /* linear and nearest differ on random chroma; a live switch gives a
   * fresh element's frame */
  gst_video_info_set_format (&info, GST_VIDEO_FORMAT_RGB, 37, 29);
  a = scale_with (ic, oc, in, lin);
  b = scale_with (ic, oc, in, near);
  fail_if (frames_equal_info (a, b, &info));
  h = harness_with (ic, oc, lin);
  for (guint i = 0; i < 4; i++) {
    gst_util_set_object_arg (G_OBJECT (h->element), "chroma-upsampling",
        i % 2 ? "nearest" : "linear");
    got = gst_harness_push_and_pull (h, gst_buffer_ref (in));
    fail_unless (got && frames_equal_info (got, i % 2 ? b : a, &info),
        "frame %u: the live chroma-upsampling is not a fresh element's", i);
    gst_buffer_unref (got);
  }
  gst_harness_teardown (h);
  gst_buffer_unref (a);
  gst_buffer_unref (b);
  gst_buffer_unref (in);
}

GST_END_TEST;

/* integer-model: an enum (exact, opencv, pillow), exact by default,
 * changeable while playing: each frame is a fresh element's with the
 * setting of the moment. A library's bilinear and bicubic are not
 * exact's, nor each other's */
GST_START_TEST (test_integer_model_property)
{
  static const gchar *const nicks[] = { "exact", "opencv", "pillow" };
  static const gchar *const methods[] = { "nearest", "bilinear", "bicubic" };
  /* exact, then every change between two of the three */
  static const guint steps[] = { 0, 1, 2, 0, 2, 1, 0, 1, 1, 2 };
  static const gint sizes[][4] = { { 64, 48, 45, 31 }, { 64, 48, 32, 24 },
    { 37, 29, 53, 17 } };
  GstElement *e = gst_element_factory_make ("alignscale", NULL);
  GParamSpec *ps = g_object_class_find_property (
      G_OBJECT_GET_CLASS (e), "integer-model");
  GEnumClass *ec;
  gint v;

  fail_unless (ps != NULL && G_IS_PARAM_SPEC_ENUM (ps));
  fail_unless (ps->flags & G_PARAM_READWRITE);
  fail_unless (ps->flags & GST_PARAM_MUTABLE_PLAYING);
  fail_unless (ps->flags & GST_PARAM_CONTROLLABLE);
  fail_unless (ps->flags & G_PARAM_STATIC_STRINGS);
  ec = G_PARAM_SPEC_ENUM (ps)->enum_class;
  fail_unless_equals_int (ec->n_values, G_N_ELEMENTS (nicks));
  for (guint i = 0; i < G_N_ELEMENTS (nicks); i++) {
    GEnumValue *ev = g_enum_get_value_by_nick (ec, nicks[i]);

    fail_unless (ev != NULL, "no nick %s", nicks[i]);
    fail_unless_equals_int (ev->value, i);
  }
  fail_unless_equals_int (G_PARAM_SPEC_ENUM (ps)->default_value, 0);
  g_object_get (e, "integer-model", &v, NULL);
  fail_unless_equals_int (v, 0);
  for (guint i = G_N_ELEMENTS (nicks); i-- > 0;) {
    gst_util_set_object_arg (G_OBJECT (e), "integer-model", nicks[i]);
    g_object_get (e, "integer-model", &v, NULL);
    fail_unless_equals_int (v, i);
  }
  gst_object_unref (e);

  for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
    for (guint m = 0; m < G_N_ELEMENTS (methods); m++) {
      gchar *ic = g_strdup_printf (
          "video/x-raw,format=RGBA,width=%d,height=%d,framerate=30/1",
          sizes[z][0], sizes[z][1]);
      gchar *oc = g_strdup_printf ("video/x-raw,format=RGBA,width=%d,"
                                   "height=%d",
          sizes[z][2], sizes[z][3]);
      const gchar *props[] = { "method", methods[m], "integer-model", NULL,
        NULL };
      GstBuffer *in = random_buffer (ic, 400 + 3 * z + m), *ref[3];
      GstBus *bus = gst_bus_new ();
      GstHarness *h;
      GstVideoInfo info;
      GstMessage *msg;
      guint warnings = 0;

      gst_video_info_set_format (
          &info, GST_VIDEO_FORMAT_RGBA, sizes[z][2], sizes[z][3]);
      for (guint i = 0; i < G_N_ELEMENTS (nicks); i++) {
        props[3] = nicks[i];
        ref[i] = scale_with (ic, oc, in, props);
      }
      if (m == 1) {
        /* bilinear: three different frames (but at exactly 2x, where
         * OpenCV's 2x2 average, (a + b + c + d + 2) >> 2, is half-pixel
         * bilinear rounded half up: exact's frame) */
        if (sizes[z][0] != 2 * sizes[z][2] || sizes[z][1] != 2 * sizes[z][3])
          fail_if (frames_equal_info (ref[0], ref[1], &info),
              "%s -> %s bilinear: opencv gives exact's frame", ic, oc);
        fail_if (frames_equal_info (ref[0], ref[2], &info),
            "%s -> %s bilinear: pillow gives exact's frame", ic, oc);
        fail_if (frames_equal_info (ref[1], ref[2], &info),
            "%s -> %s bilinear: opencv gives pillow's frame", ic, oc);
      } else if (m == 2) {
        /* (at exactly 2x the weights are (-3, 19, 19, -3) / 32 both in
         * Q11 and in double: OpenCV's bytes are exact's but for ties) */
        if (sizes[z][0] != 2 * sizes[z][2] || sizes[z][1] != 2 * sizes[z][3])
          fail_if (frames_equal_info (ref[0], ref[1], &info),
              "%s -> %s bicubic: opencv gives exact's frame", ic, oc);
        fail_if (frames_equal_info (ref[0], ref[2], &info),
            "%s -> %s bicubic: pillow gives exact's frame", ic, oc);
        fail_if (frames_equal_info (ref[1], ref[2], &info),
            "%s -> %s bicubic: opencv gives pillow's frame", ic, oc);
      }

      props[2] = NULL;
      h = harness_with (ic, oc, props);
      gst_element_set_bus (h->element, bus);
      for (guint i = 0; i < G_N_ELEMENTS (steps); i++) {
        GstBuffer *got;

        if (i > 0)
          gst_util_set_object_arg (
              G_OBJECT (h->element), "integer-model", nicks[steps[i]]);
        got = gst_harness_push_and_pull (h, gst_buffer_ref (in));
        fail_unless (got != NULL);
        fail_unless (frames_equal_info (got, ref[steps[i]], &info),
            "%s -> %s %s: frame %u, integer-model=%s (live), is not a "
            "fresh element's",
            ic, oc, methods[m], i, nicks[steps[i]]);
        gst_buffer_unref (got);
      }
      /* every library model serves: no fallback warning */
      while ((msg = gst_bus_pop_filtered (bus, GST_MESSAGE_WARNING))) {
        warnings++;
        gst_message_unref (msg);
      }
      fail_unless_equals_int (warnings, 0);
      gst_element_set_bus (h->element, NULL);
      gst_object_unref (bus);
      gst_harness_teardown (h);
      for (guint i = 0; i < G_N_ELEMENTS (nicks); i++)
        gst_buffer_unref (ref[i]);
      gst_buffer_unref (in);
      g_free (ic);
      g_free (oc);
    }
}

GST_END_TEST;

/* a library model has the library's own mapping: coordinate-mode, roi,
 * extrapolation (no tf-crop-and-resize fill), nearest-mode, cubic-a,
 * exclude-outside, the scale factors of a fixed size and (Pillow, which
 * always antialiases) antialias change none of its bytes; at equal sizes
 * it is a copy. But Pillow's tf-crop-and-resize roi: its box= (golden-libs
 * cases; one outside the picture runs the exact chain, below). OpenCV's
 * methods on 16-bit RGBA64_LE too (its uint16 paths). Where it does not
 * serve (10- and 12-bit planes with OpenCV but nearest, 16-bit with
 * Pillow's filters, opencv with antialias) the frame is exact's with the
 * same properties */
GST_START_TEST (test_integer_model_own_mapping)
{
  static const gchar *const others[][9] = {
    { "coordinate-mode", "align-corners", NULL },
    { "coordinate-mode", "asymmetric", "nearest-mode", "ceil", NULL },
    { "coordinate-mode", "tf-crop-and-resize", "roi", "<-0.3, 0.2, 0.8, 1.4>",
        "extrapolation-value", "1", NULL },
    { "coordinate-mode", "tf-crop-and-resize", "roi", "<0.1, 0.1, 0.9, 0.8>",
        "extrapolation-value", "0.5", NULL },
    { "coordinate-mode", "pytorch-half-pixel", "cubic-a", "-0.5",
        "exclude-outside", "true", NULL },
    { "coordinate-mode", "tf-half-pixel-for-nn", "nearest-mode", "floor",
        NULL },
    { "scale-factor-x", "0.3", "scale-factor-y", "2.5", NULL },
    { "antialias", "true", "coordinate-mode", "half-pixel-symmetric", NULL },
  };
  static const gchar *const lib[][2] = { { "opencv", "nearest" },
    { "opencv", "bilinear" }, { "opencv", "bicubic" }, { "opencv", "lanczos4" },
    { "opencv", "area" }, { "opencv", "bilinear-exact" },
    { "opencv", "nearest-exact" }, { "pillow", "nearest" },
    { "pillow", "bilinear" }, { "pillow", "bicubic" } };
  static const gint sizes[][4] = { { 64, 48, 45, 31 }, { 64, 48, 32, 24 },
    { 37, 29, 53, 17 }, { 40, 30, 40, 30 } };
  static const gchar *const fmts[] = { "RGBA", "RGBA64_LE" };

  for (guint zf = 0; zf < 2 * G_N_ELEMENTS (sizes); zf++) {
    guint z = zf % G_N_ELEMENTS (sizes), wide = zf >= G_N_ELEMENTS (sizes);
    gchar *ic = g_strdup_printf (
        "video/x-raw,format=%s,width=%d,height=%d,framerate=30/1", fmts[wide],
        sizes[z][0], sizes[z][1]);
    gchar *oc = g_strdup_printf ("video/x-raw,format=%s,width=%d,height=%d",
        fmts[wide], sizes[z][2], sizes[z][3]);
    GstBuffer *in = random_buffer (ic, 500 + zf);
    GstVideoInfo info;

    gst_video_info_set_format (&info, gst_video_format_from_string (fmts[wide]),
        sizes[z][2], sizes[z][3]);
    for (guint l = 0; l < G_N_ELEMENTS (lib); l++) {
      const gchar *props[16] = { "integer-model", lib[l][0], "method",
        lib[l][1], NULL };
      GstBuffer *ref;

      /* Pillow 9.4 has no filter for 16-bit images */
      if (wide && !strcmp (lib[l][0], "pillow")
          && strcmp (lib[l][1], "nearest"))
        continue;
      ref = scale_with (ic, oc, in, props);

      if (sizes[z][0] == sizes[z][2] && sizes[z][1] == sizes[z][3])
        fail_unless (frames_equal_info (ref, in, &info),
            "%s %s at equal sizes is not a copy", lib[l][0], lib[l][1]);
      for (guint o = 0; o < G_N_ELEMENTS (others); o++) {
        GstBuffer *got;
        guint n = 4;

        /* opencv antialiased is exact's (below); Pillow's roi is its
         * box= */
        if (!strcmp (lib[l][0], "opencv") && strcmp (lib[l][1], "nearest")
            && !strcmp (others[o][0], "antialias"))
          continue;
        if (!strcmp (lib[l][0], "pillow")
            && !strcmp (others[o][1], "tf-crop-and-resize"))
          continue;
        for (const gchar *const *p = others[o]; p[0]; p += 2) {
          props[n++] = p[0];
          props[n++] = p[1];
        }
        props[n] = NULL;
        got = scale_with (ic, oc, in, props);
        fail_unless (frames_equal_info (got, ref, &info),
            "%s -> %s integer-model=%s method=%s: %s=%s changes the frame", ic,
            oc, lib[l][0], lib[l][1], others[o][0], others[o][1]);
        gst_buffer_unref (got);
        props[4] = NULL;
      }
      gst_buffer_unref (ref);
    }
    gst_buffer_unref (in);
    g_free (ic);
    g_free (oc);
  }

  /* the default chain where the library model does not serve */
  {
    static const gchar *const fallback[][4] = {
      { "RGBA", "opencv", "bicubic", "true" },
      { "RGBA", "opencv", "lanczos4", "true" },
      { "RGBA", "opencv", "bilinear", "true" },
      { "GRAY16_LE", "pillow", "bilinear", "false" },
      { "GRAY16_LE", "pillow", "bicubic", "true" },
      { "RGBA", "opencv", "bilinear-exact", "true" },
      { "Y444_10LE", "opencv", "bilinear", "false" },
      { "I420_12LE", "opencv", "area", "false" },
      { "Y444_12LE", "opencv", "bicubic", "false" },
      { "I420_10LE", "pillow", "box", "false" },
    };

    for (guint f = 0; f < G_N_ELEMENTS (fallback); f++)
      for (guint o = 0; o < G_N_ELEMENTS (others); o++) {
        gchar *ic = g_strdup_printf (
            "video/x-raw,format=%s,width=61,height=47,framerate=30/1",
            fallback[f][0]);
        gchar *oc = g_strdup_printf (
            "video/x-raw,format=%s,width=45,height=31", fallback[f][0]);
        const gchar *props[16] = { "method", fallback[f][2], "antialias",
          fallback[f][3], NULL };
        GstBuffer *in = random_buffer (ic, 600 + f), *want, *got;
        GstVideoInfo info;
        guint n = 4;

        gst_video_info_set_format (
            &info, gst_video_format_from_string (fallback[f][0]), 45, 31);
        for (const gchar *const *p = others[o]; p[0]; p += 2) {
          props[n++] = p[0];
          props[n++] = p[1];
        }
        props[n] = NULL;
        want = scale_with (ic, oc, in, props);
        props[n++] = "integer-model";
        props[n++] = fallback[f][1];
        props[n] = NULL;
        got = scale_with (ic, oc, in, props);
        fail_unless (frames_equal_info (got, want, &info),
            "%s integer-model=%s method=%s antialias=%s %s=%s: not exact's "
            "frame",
            fallback[f][0], fallback[f][1], fallback[f][2], fallback[f][3],
            others[o][0], others[o][1]);
        gst_buffer_unref (got);
        gst_buffer_unref (want);
        gst_buffer_unref (in);
        g_free (ic);
        g_free (oc);
      }
  }

  /* Pillow refuses a box outside the picture or reversed (ValueError), and
   * defines none in chroma pixels: exact's frame */
  {
    static const gchar *const refused[][2] = { { "RGBA",
                                                   "<-0.3, 0.2, 0.8, 1.4>" },
      { "GRAY8", "<0.1, 0.2, 1.01, 0.8>" }, { "RGB", "<0.7, 0.2, 0.3, 0.9>" },
      { "I420", "<0.1, 0.2, 0.8, 0.9>" }, { "NV12", "<0, 0, 1, 1>" } };

    for (guint f = 0; f < G_N_ELEMENTS (refused); f++) {
      gchar *ic = g_strdup_printf (
          "video/x-raw,format=%s,width=61,height=47,framerate=30/1",
          refused[f][0]);
      gchar *oc = g_strdup_printf (
          "video/x-raw,format=%s,width=45,height=31", refused[f][0]);
      const gchar *props[16] = { "method", "bicubic", "coordinate-mode",
        "tf-crop-and-resize", "roi", refused[f][1], "extrapolation-value",
        "0.5", NULL };
      GstBuffer *in = random_buffer (ic, 700 + f), *want, *got;
      GstVideoInfo info;

      gst_video_info_set_format (
          &info, gst_video_format_from_string (refused[f][0]), 45, 31);
      want = scale_with (ic, oc, in, props);
      props[8] = "integer-model";
      props[9] = "pillow";
      props[10] = NULL;
      got = scale_with (ic, oc, in, props);
      fail_unless (frames_equal_info (got, want, &info),
          "%s integer-model=pillow roi=%s: not exact's frame", refused[f][0],
          refused[f][1]);
      gst_buffer_unref (got);
      gst_buffer_unref (want);
      gst_buffer_unref (in);
      g_free (ic);
      g_free (oc);
    }
  }
}

GST_END_TEST;

/* ------------------------------------------------------------ bad input */

static void
expect_error (GstBuffer *buf, const gchar *caps, const gchar *needle)
{
  GstHarness *h = new_harness (caps, "video/x-raw,width=32,height=24", NULL);

  expect_error_on (h, buf, needle);
  gst_harness_teardown (h);
}

GST_START_TEST (test_short_buffer)
{
  const gchar *caps = "video/x-raw,format=I420,width=64,height=48,"
                      "framerate=30/1";

  /* 64x48 I420 is 4608 bytes */
  expect_error (
      gst_buffer_new_allocate (NULL, 100, NULL), caps, "has 100 bytes");
  expect_error (
      gst_buffer_new_allocate (NULL, 4607, NULL), caps, "has 4607 bytes");
}

GST_END_TEST;

GST_START_TEST (test_bad_video_meta)
{
  const gchar *caps = "video/x-raw,format=GRAY8,width=64,height=48,"
                      "framerate=30/1";
  gsize offset[4] = { 0 };
  gint stride[4] = { 32 };
  GstBuffer *buf = gst_buffer_new_allocate (NULL, 64 * 48, NULL);

  /* stride shorter than a row */
  gst_buffer_add_video_meta_full (buf, GST_VIDEO_FRAME_FLAG_NONE,
      GST_VIDEO_FORMAT_GRAY8, 64, 48, 1, offset, stride);
  expect_error (buf, caps, "stride of 32 bytes");

  /* rows that run past the end of the buffer */
  buf = gst_buffer_new_allocate (NULL, 64 * 48, NULL);
  stride[0] = 128;
  gst_buffer_add_video_meta_full (buf, GST_VIDEO_FRAME_FLAG_NONE,
      GST_VIDEO_FORMAT_GRAY8, 64, 48, 1, offset, stride);
  expect_error (buf, caps, "has 3072 bytes");

  /* an odd stride would misalign 16-bit samples */
  buf = gst_buffer_new_allocate (NULL, 129 * 48, NULL);
  stride[0] = 129;
  gst_buffer_add_video_meta_full (buf, GST_VIDEO_FRAME_FLAG_NONE,
      GST_VIDEO_FORMAT_GRAY16_LE, 64, 48, 1, offset, stride);
  expect_error (buf,
      "video/x-raw,format=GRAY16_LE,width=64,height=48,"
      "framerate=30/1",
      "16-bit samples need even ones");
}

GST_END_TEST;

/* ------------------------------------------------ chroma siting (§6.2) */

/* spec case V01: luma 4 -> 8, chroma [0, 100]: centre-sited gives
 * [0, 25, 75, 100], left-sited [0, 37.5, 87.5, 100] */
GST_START_TEST (test_chroma_siting)
{
  struct
  {
    const gchar *site;
    guint8 want[4];
  } c[] = {
    { ",chroma-site=jpeg", { 0, 25, 75, 100 } },
    { ",chroma-site=mpeg2", { 0, 38, 88, 100 } },
    { "", { 0, 38, 88, 100 } }, /* unknown: treated as mpeg2 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (c); i++) {
    gchar *ic = g_strdup_printf ("video/x-raw,format=I420,width=4,height=2,"
                                 "framerate=30/1,colorimetry=bt601%s",
        c[i].site);
    GstBuffer *in = random_buffer (ic, 1), *out;
    GstVideoInfo info;
    GstVideoFrame frame;
    GstCaps *caps = gst_caps_from_string (ic);

    gst_video_info_from_caps (&info, caps);
    gst_caps_unref (caps);
    gst_video_frame_map (&frame, &info, in, GST_MAP_WRITE);
    for (int p = 1; p < 3; p++) {
      guint8 *d = GST_VIDEO_FRAME_PLANE_DATA (&frame, p);
      d[0] = 0;
      d[1] = 100;
    }
    gst_video_frame_unmap (&frame);

    out = scale_fresh (ic, "video/x-raw,width=8,height=2", in, 1, FALSE, -0.75);
    gst_video_info_set_format (&info, GST_VIDEO_FORMAT_I420, 8, 2);
    gst_video_frame_map (&frame, &info, out, GST_MAP_READ);
    for (int p = 1; p < 3; p++)
      for (int j = 0; j < 4; j++)
        fail_unless_equals_int (
            ((guint8 *) GST_VIDEO_FRAME_PLANE_DATA (&frame, p))[j],
            c[i].want[j]);
    gst_video_frame_unmap (&frame);
    gst_buffer_unref (out);
    gst_buffer_unref (in);
    g_free (ic);
  }
}

GST_END_TEST;

/* ------------------------------------------------ ONNX-style properties */

static void
count_notify (GObject *obj, GParamSpec *ps, gpointer data)
{
  gint *n = data;
  if (g_str_equal (ps->name, "align-corners"))
    n[0]++;
  else if (g_str_equal (ps->name, "coordinate-mode"))
    n[1]++;
}

GST_START_TEST (test_properties_onnx)
{
  GstElement *e = gst_element_factory_make ("alignscale", NULL);
  const gchar *names[] = { "coordinate-mode", "nearest-mode", "exclude-outside",
    "antialias", "scale-factor-x", "scale-factor-y", "roi",
    "extrapolation-value" };
  gint notified[2] = { 0, 0 }, mode, nm;
  gboolean ac, aa, ex;
  gdouble sx, sy, ev;
  GValue roi = G_VALUE_INIT;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++) {
    GParamSpec *ps = g_object_class_find_property (
        G_OBJECT_GET_CLASS (e), names[i]);
    fail_unless (ps != NULL, "no property %s", names[i]);
    fail_unless (ps->flags & GST_PARAM_MUTABLE_PLAYING, "%s", names[i]);
    fail_unless (ps->flags & G_PARAM_STATIC_STRINGS, "%s", names[i]);
  }
  g_object_get (e, "coordinate-mode", &mode, "nearest-mode", &nm, "antialias",
      &aa, "exclude-outside", &ex, "scale-factor-x", &sx, "scale-factor-y", &sy,
      "extrapolation-value", &ev, NULL);
  fail_unless (
      mode == 0 && nm == 0 && !aa && !ex && sx == 0 && sy == 0 && ev == 0);

  /* align-corners is a view of coordinate-mode: one state, both notify */
  g_signal_connect (e, "notify", G_CALLBACK (count_notify), notified);
  g_object_set (e, "align-corners", TRUE, NULL);
  g_object_get (e, "coordinate-mode", &mode, NULL);
  fail_unless_equals_int (mode, 1);
  fail_unless (notified[0] == 1 && notified[1] == 1);
  gst_util_set_object_arg (G_OBJECT (e), "coordinate-mode", "asymmetric");
  g_object_get (e, "align-corners", &ac, NULL);
  fail_unless (!ac);
  fail_unless (notified[0] == 2 && notified[1] == 2);
  gst_util_set_object_arg (G_OBJECT (e), "coordinate-mode", "align-corners");
  g_object_get (e, "align-corners", &ac, NULL);
  fail_unless (ac);
  g_object_set (e, "align-corners", FALSE, NULL);
  g_object_get (e, "coordinate-mode", &mode, NULL);
  fail_unless_equals_int (mode, 0);

  /* roi: four numbers of any numeric type (integers too: a Python list of
   * ints); anything else is refused with a warning and the old one kept */
  gst_util_set_object_arg (G_OBJECT (e), "roi", "<0, 0, 1, 2>");
  gst_util_set_object_arg (G_OBJECT (e), "roi", "<0.25, 0.5, 0.75, 1.5>");
  ASSERT_WARNING (
      gst_util_set_object_arg (G_OBJECT (e), "roi", "<0.1, 0.2, 0.3>"));
  ASSERT_WARNING (gst_util_set_object_arg (
      G_OBJECT (e), "roi", "<0.1, 0.2, 0.3, 0.4, 0.5>"));
  ASSERT_WARNING (
      gst_util_set_object_arg (G_OBJECT (e), "roi", "<0, 0, 1, 1e9>"));
  {
    /* GStreamer's parser writes into a "(type)" cast: not a literal */
    gchar *str = g_strdup ("<0, 0, 1, (string)one>");
    ASSERT_WARNING (gst_util_set_object_arg (G_OBJECT (e), "roi", str));
    g_free (str);
  }
  g_value_init (&roi, GST_TYPE_ARRAY);
  g_object_get_property (G_OBJECT (e), "roi", &roi);
  fail_unless_equals_int (gst_value_array_get_size (&roi), 4);
  fail_unless (
      g_value_get_double (gst_value_array_get_value (&roi, 0)) == 0.25);
  fail_unless (g_value_get_double (gst_value_array_get_value (&roi, 3)) == 1.5);
  g_value_unset (&roi);
  g_value_init (&roi, GST_TYPE_ARRAY);
  gst_util_set_object_arg (G_OBJECT (e), "roi", "<0, 1, 1, 2>");
  g_object_get_property (G_OBJECT (e), "roi", &roi);
  fail_unless (g_value_get_double (gst_value_array_get_value (&roi, 1)) == 1.0);
  fail_unless (g_value_get_double (gst_value_array_get_value (&roi, 3)) == 2.0);
  g_value_unset (&roi);
  gst_object_unref (e);
}

GST_END_TEST;

/* every coordinate mode, antialias and nearest mode switched per frame on
 * one element: each frame equals a fresh element's with that setting */
GST_START_TEST (test_live_switch_modes)
{
  const gchar *ic = "video/x-raw,format=I420,width=61,height=47,"
                    "framerate=30/1";
  const gchar *oc = "video/x-raw,format=I420,width=23,height=30";
  const gchar *const configs[][9] = {
    { "coordinate-mode", "asymmetric", "method", "bicubic", NULL },
    { "coordinate-mode", "half-pixel", "antialias", "true", NULL },
    { "coordinate-mode", "tf-crop-and-resize", "roi", "<-0.2, 0.1, 0.9, 1.3>",
        "extrapolation-value", "0.5", NULL },
    { "coordinate-mode", "pytorch-half-pixel", "method", "bicubic",
        "exclude-outside", "true", NULL },
    { "coordinate-mode", "tf-half-pixel-for-nn", "method", "nearest",
        "nearest-mode", "ceil", NULL },
    { "coordinate-mode", "half-pixel-symmetric", "scale-factor-x", "0.4",
        "scale-factor-y", "0.65", NULL },
    { "coordinate-mode", "align-corners", "antialias", "true", "method",
        "bicubic", NULL },
  };
  const gchar *const defaults[] = { "method", "bilinear", "coordinate-mode",
    "half-pixel", "antialias", "false", "exclude-outside", "false",
    "nearest-mode", "auto", "scale-factor-x", "0", "scale-factor-y", "0", "roi",
    "<0, 0, 1, 1>", "extrapolation-value", "0", NULL };
  GstHarness *h = gst_harness_new ("alignscale");
  GstBuffer *in = random_buffer (ic, 77);
  GstBus *bus = gst_bus_new ();

  gst_element_set_bus (h->element, bus); /* antialias + align-corners warns */
  gst_harness_set_sink_caps_str (h, oc);
  gst_harness_set_src_caps_str (h, ic);
  for (guint round = 0; round < 2; round++)
    for (guint c = 0; c < G_N_ELEMENTS (configs); c++) {
      GstBuffer *got, *want;
      const gchar *const *p;

      /* one g_object_set-like group: back to the defaults, then the case */
      g_object_freeze_notify (G_OBJECT (h->element));
      for (p = defaults; p[0]; p += 2)
        gst_util_set_object_arg (G_OBJECT (h->element), p[0], p[1]);
      for (p = configs[c]; p[0]; p += 2)
        gst_util_set_object_arg (G_OBJECT (h->element), p[0], p[1]);
      g_object_thaw_notify (G_OBJECT (h->element));
      got = gst_harness_push_and_pull (h, gst_buffer_ref (in));
      want = scale_with (ic, oc, in, configs[c]);
      fail_unless (got != NULL);
      fail_unless (frames_equal (got, want, "I420", 23, 30),
          "config %u (%s %s) differs from a fresh element", c, configs[c][0],
          configs[c][1]);
      gst_buffer_unref (got);
      gst_buffer_unref (want);
    }
  /* warned once, not per frame or per rebuild */
  {
    guint warnings = 0;
    GstMessage *m;
    while ((m = gst_bus_pop_filtered (bus, GST_MESSAGE_WARNING))) {
      warnings++;
      gst_message_unref (m);
    }
    fail_unless_equals_int (warnings, 1);
  }
  gst_element_set_bus (h->element, NULL);
  gst_object_unref (bus);
  gst_buffer_unref (in);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* equal sizes pass through only when the configuration maps every sample
 * onto itself; the decision follows live changes */
GST_START_TEST (test_passthrough_follows_config)
{
  const gchar *caps = "video/x-raw,format=RGBA,width=40,height=30,"
                      "framerate=30/1";
  GstHarness *h = new_harness (
      caps, caps, "method", 2, "antialias", TRUE, NULL);
  GstBuffer *in = random_buffer (caps, 5), *out;

  /* antialias at ratio 1 is the identity */
  out = gst_harness_push_and_pull (h, gst_buffer_ref (in));
  fail_unless (out == in);
  gst_buffer_unref (out);

  /* torch bicubic with scale_factor 1.1 keeps the size but resamples */
  g_object_set (h->element, "antialias", FALSE, "scale-factor-x", 1.1, NULL);
  out = gst_harness_push_and_pull (h, gst_buffer_ref (in));
  fail_unless (out != in && !frames_equal (out, in, "RGBA", 40, 30));
  fail_unless (
      !gst_base_transform_is_passthrough (GST_BASE_TRANSFORM (h->element)));
  gst_buffer_unref (out);

  /* a crop region */
  g_object_set (h->element, "scale-factor-x", 0.0, NULL);
  gst_util_set_object_arg (
      G_OBJECT (h->element), "coordinate-mode", "tf-crop-and-resize");
  gst_util_set_object_arg (
      G_OBJECT (h->element), "roi", "<0.25, 0.25, 0.75, 0.75>");
  out = gst_harness_push_and_pull (h, gst_buffer_ref (in));
  fail_unless (out != in && !frames_equal (out, in, "RGBA", 40, 30));
  gst_buffer_unref (out);

  /* back to the whole picture: passthrough again */
  gst_util_set_object_arg (G_OBJECT (h->element), "roi", "<0, 0, 1, 1>");
  out = gst_harness_push_and_pull (h, gst_buffer_ref (in));
  fail_unless (out == in);
  gst_buffer_unref (out);
  gst_buffer_unref (in);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* tf-crop-and-resize: samples mapped outside [0, in - 1] are the
 * extrapolation value, on every plane (a chroma sample when all the
 * picture pixels it covers are outside); inside ones are interpolated */
GST_START_TEST (test_crop_extrapolation)
{
  const gchar *ic = "video/x-raw,format=I420,width=32,height=24,"
                    "framerate=30/1";
  const gchar *oc = "video/x-raw,format=I420,width=20,height=10";
  const gchar *const props[] = { "coordinate-mode", "tf-crop-and-resize", "roi",
    "<0.5, -0.5, 1.5, 1.0>", "extrapolation-value", "1.0", NULL };
  GstBuffer *in = random_buffer (ic, 9), *out = scale_with (ic, oc, in, props);
  GstVideoInfo info;
  GstVideoFrame f;
  guint outside = 0, inside_max = 0;

  gst_video_info_set_format (&info, GST_VIDEO_FORMAT_I420, 20, 10);
  fail_unless (gst_video_frame_map (&f, &info, out, GST_MAP_READ));
  for (guint p = 0; p < 3; p++) {
    gint r = p ? 2 : 1, w = p ? 10 : 20, hh = p ? 5 : 10;
    for (gint j = 0; j < hh; j++)
      for (gint i = 0; i < w; i++) {
        guint8 v = ((guint8 *) GST_VIDEO_FRAME_PLANE_DATA (
            &f, p))[j * GST_VIDEO_FRAME_PLANE_STRIDE (&f, p) + i];
        gboolean ox = TRUE, oy = TRUE;
        /* spec §1.1 in picture coordinates, every covered pixel */
        for (gint k = r * i; k < r * i + r; k++) {
          double x = 0.5 * 31 + k * 1.0 * 31 / 19;
          ox &= x < 0 || x > 31;
        }
        for (gint k = r * j; k < r * j + r; k++) {
          double y = -0.5 * 23 + k * 1.5 * 23 / 9;
          oy &= y < 0 || y > 23;
        }
        if (ox || oy) {
          fail_unless_equals_int (v, 255);
          outside++;
        } else {
          inside_max = MAX (inside_max, v == 255 ? 0 : 1);
        }
      }
  }
  fail_unless (outside > 100 && inside_max == 1);
  gst_video_frame_unmap (&f);
  gst_buffer_unref (out);
  gst_buffer_unref (in);
}

GST_END_TEST;

/* a crop region or scale factor far from the sizes must not allocate
 * gigabytes: an element error, no frame */
GST_START_TEST (test_absurd_window_refused)
{
  const gchar *ic = "video/x-raw,format=GRAY8,width=20000,height=2,"
                    "framerate=30/1";
  const gchar *oc = "video/x-raw,format=GRAY8,width=20000,height=2";
  GstHarness *h = new_harness (ic, oc, "antialias", TRUE, NULL);
  GstBuffer *in = random_buffer (ic, 3);
  GstBus *bus = gst_bus_new ();
  GstMessage *msg;

  gst_element_set_bus (h->element, bus);
  /* the kernel stretched 1000x: 2004 taps for each of 20000 outputs */
  g_object_set (h->element, "scale-factor-x", 1e-3, NULL);
  fail_unless_equals_int (gst_harness_push (h, in), GST_FLOW_ERROR);
  msg = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
  fail_unless (msg != NULL);
  gst_message_unref (msg);
  fail_unless_equals_int (gst_harness_buffers_received (h), 0);
  gst_element_set_bus (h->element, NULL);
  gst_object_unref (bus);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* with the output size left free, a scale factor gives floor (in * s),
 * as PyTorch and ONNX; a live change negotiates the new size */
GST_START_TEST (test_scale_factor_sizes)
{
  const gchar *ic = "video/x-raw,format=GRAY8,width=101,height=51,"
                    "framerate=30/1";
  GstHarness *h = new_harness (ic, "video/x-raw,format=GRAY8", "scale-factor-x",
      0.4, "scale-factor-y", 0.5, NULL);
  GstBuffer *in = random_buffer (ic, 4), *out;
  gint w, hh;

  out = gst_harness_push_and_pull (h, gst_buffer_ref (in));
  fail_unless (out != NULL);
  gst_buffer_unref (out);
  current_size (h, &w, &hh);
  fail_unless (w == 40 && hh == 25, "got %dx%d", w, hh); /* floor (40.4) */

  g_object_set (h->element, "scale-factor-x", 2.5, NULL);
  out = gst_harness_push_and_pull (h, gst_buffer_ref (in));
  fail_unless (out != NULL);
  current_size (h, &w, &hh);
  fail_unless (w == 252 && hh == 25, "got %dx%d", w, hh); /* floor (252.5) */
  fail_unless_equals_int (gst_buffer_get_size (out), 252 * 25);
  gst_buffer_unref (out);
  gst_buffer_unref (in);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* one input through threads 2, 3 and 0 (one per core), on fresh elements
 * and on one element whose count changes between frames: the bytes of one
 * thread. extra: more properties (name, value pairs, NULL-ended) */
static void
check_threads (const gchar *in_caps, const gchar *out_caps,
    const gchar *const *method, const gchar *const *extra, guint32 seed,
    const gchar *what)
{
  static const gchar *threads[] = { "2", "3", "0" };
  const gchar *props[16] = { method[0], method[1], method[2], method[3],
    "n-threads", "1", NULL };
  GstBuffer *in = random_buffer (in_caps, seed), *one;
  GstHarness *live;
  GstVideoInfo info;
  GstCaps *caps;
  guint n = 6;

  for (; extra && extra[0]; extra += 2) {
    g_assert (n + 3 <= G_N_ELEMENTS (props));
    props[n++] = extra[0];
    props[n++] = extra[1];
  }
  props[n] = NULL;
  one = scale_with (in_caps, out_caps, in, props);
  live = harness_with (in_caps, out_caps, props);
  caps = gst_pad_get_current_caps (live->sinkpad);
  fail_unless (caps && gst_video_info_from_caps (&info, caps));
  gst_caps_unref (caps);
  fail_unless_equals_int (gst_buffer_get_size (one), info.size);
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++) {
    GstBuffer *got;

    props[5] = threads[t];
    got = scale_with (in_caps, out_caps, in, props);
    fail_unless (frames_equal_info (one, got, &info),
        "%s %s antialias %s: n-threads=%s differs from 1", what, method[1],
        method[3], threads[t]);
    gst_buffer_unref (got);
    /* the same element, the count changed between frames */
    gst_util_set_object_arg (G_OBJECT (live->element), "n-threads", threads[t]);
    got = gst_harness_push_and_pull (live, gst_buffer_ref (in));
    fail_unless (got && frames_equal_info (one, got, &info),
        "%s %s antialias %s: n-threads changed to %s while playing differs",
        what, method[1], method[3], threads[t]);
    gst_buffer_unref (got);
  }
  gst_harness_teardown (live);
  gst_buffer_unref (in);
  gst_buffer_unref (one);
}

/* check_threads for format fmt, sizes sz (in w, h, out w, h), the method
 * properties and one integer-model */
static void
check_threads_model (const gchar *fmt, const gint *sz,
    const gchar *const *method, const gchar *model, guint32 seed)
{
  const gchar *extra[] = { "integer-model", model, NULL };
  gchar *in_caps = g_strdup_printf (
      "video/x-raw,format=%s,width=%d,height=%d,framerate=30/1", fmt, sz[0],
      sz[1]);
  gchar *out_caps = g_strdup_printf (
      "video/x-raw,format=%s,width=%d,height=%d,framerate=30/1", fmt, sz[2],
      sz[3]);
  gchar *what = g_strdup_printf ("%s %dx%d -> %dx%d integer-model=%s", fmt,
      sz[0], sz[1], sz[2], sz[3], model);

  check_threads (in_caps, out_caps, method, extra, seed, what);
  g_free (in_caps);
  g_free (out_caps);
  g_free (what);
}

/* n-threads cuts the output rows into slices run at once: the bytes are
 * those of one thread for every format, method, size and thread count
 * (0: one per core), and when the count changes between frames; YUV
 * converted to RGB too, both chroma upsamplings; and the library models
 * (integer-model opencv and pillow) and filters on 8-bit formats */
GST_START_TEST (test_n_threads)
{
  static const gchar *formats[] = { "GRAY8", "GRAY16_LE", "GRAY16_BE", "RGBA",
    "BGRA", "ARGB", "ABGR", "RGBx", "BGRx", "xRGB", "xBGR", "RGB", "BGR",
    "RGBP", "BGRP", "GBR", "GBRA", "RGBA64_LE", "I420", "YV12", "Y42B", "Y444",
    "Y41B", "NV12", "NV21", "NV16", "NV61", "NV24", "YUY2", "UYVY", "YVYU",
    "VYUY", "AYUV", "AYUV64", "P010_10LE", "P012_LE", "P016_LE", "I420_10LE",
    "I420_12LE", "I422_10LE", "I422_12LE", "Y444_10LE", "Y444_12LE",
    "Y444_16LE" };
  /* YUV in (with a colorimetry and siting), RGB out */
  static const gchar *convert[][3] = {
    { "NV12", "colorimetry=bt709,chroma-site=jpeg", "RGB" },
    { "I420", "colorimetry=bt601", "RGBP" },
    { "YUY2", "colorimetry=1:4:0:0,chroma-site=mpeg2", "BGRx" },
    { "P010_10LE", "colorimetry=bt2020,chroma-site=cosited", "RGBA" },
    { "AYUV", "colorimetry=1:3:0:0", "ARGB" },
    { "Y41B", "colorimetry=smpte240m,chroma-site=dv", "GRAY8" },
    { "I422_12LE", "colorimetry=1:2:0:0", "BGRP" },
    { "NV21", "colorimetry=bt709,chroma-site=v-cosited", "xBGR" },
    { "AYUV64", "colorimetry=bt601", "BGRA" },
    { "Y444_10LE", "colorimetry=1:6:0:0", "RGB" },
  };
  static const gchar *upsampling[] = { "linear", "nearest" };
  static const gchar *methods[][4] = {
    { "method", "nearest", "antialias", "false" },
    { "method", "bilinear", "antialias", "false" },
    { "method", "bicubic", "antialias", "false" },
    { "method", "bilinear", "antialias", "true" },
    { "method", "bicubic", "antialias", "true" },
  };
  static const gint sizes[][4] = { { 97, 61, 50, 35 }, { 64, 48, 32, 24 },
    { 41, 30, 83, 67 }, { 64, 48, 64, 30 }, { 20, 9, 7, 3 } };
  static const gint wide[4] = { 640, 360, 61, 45 };
  static const gchar *lib_formats[] = { "GRAY8", "RGB", "RGBA", "I420", "NV12",
    "YUY2" };
  static const gchar *libraries[] = { "opencv", "pillow" };
  /* the library filters: with both models and exact */
  static const gchar *filters[][4] = {
    { "method", "area", "antialias", "false" },
    { "method", "box", "antialias", "false" },
    { "method", "hamming", "antialias", "false" },
    { "method", "lanczos", "antialias", "false" },
    { "method", "lanczos4", "antialias", "false" },
    { "method", "bilinear-exact", "antialias", "false" },
    { "method", "nearest-exact", "antialias", "false" },
  };
  static const gchar *models[] = { "exact", "opencv", "pillow" };
  guint32 seed = 5;

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    for (guint m = 0; m < G_N_ELEMENTS (methods); m++)
      for (guint z = 0; z < G_N_ELEMENTS (sizes); z++) {
        gchar *in_caps = g_strdup_printf (
            "video/x-raw,format=%s,width=%d,height=%d,framerate=30/1",
            formats[f], sizes[z][0], sizes[z][1]);
        gchar *out_caps = g_strdup_printf (
            "video/x-raw,format=%s,width=%d,height=%d,framerate=30/1",
            formats[f], sizes[z][2], sizes[z][3]);
        gchar *what = g_strdup_printf ("%s %dx%d -> %dx%d", formats[f],
            sizes[z][0], sizes[z][1], sizes[z][2], sizes[z][3]);

        check_threads (in_caps, out_caps, methods[m], NULL, seed++, what);
        g_free (in_caps);
        g_free (out_caps);
        g_free (what);
      }

  for (guint c = 0; c < G_N_ELEMENTS (convert); c++)
    for (guint u = 0; u < G_N_ELEMENTS (upsampling); u++)
      for (guint m = 0; m < G_N_ELEMENTS (methods); m++)
        for (guint z = 0; z < G_N_ELEMENTS (sizes); z++) {
          const gchar *extra[] = { "chroma-upsampling", upsampling[u], NULL };
          gchar *in_caps = g_strdup_printf (
              "video/x-raw,format=%s,width=%d,height=%d,framerate=30/1,%s",
              convert[c][0], sizes[z][0], sizes[z][1], convert[c][1]);
          gchar *out_caps = g_strdup_printf (
              "video/x-raw,format=%s,width=%d,height=%d,framerate=30/1",
              convert[c][2], sizes[z][2], sizes[z][3]);
          gchar *what = g_strdup_printf ("%s (%s) %dx%d -> %s %dx%d "
                                         "chroma-upsampling=%s",
              convert[c][0], convert[c][1], sizes[z][0], sizes[z][1],
              convert[c][2], sizes[z][2], sizes[z][3], upsampling[u]);

          check_threads (in_caps, out_caps, methods[m], extra, seed++, what);
          g_free (in_caps);
          g_free (out_caps);
          g_free (what);
        }

  /* nearest, bilinear, bicubic (opencv: the default chain), and
   * antialiased bilinear (opencv: the default chain; pillow: always);
   * the sizes above (64x48 -> 32x24: OpenCV's 2x2 area path) and a
   * downscale with wide Pillow windows */
  for (guint f = 0; f < G_N_ELEMENTS (lib_formats); f++)
    for (guint l = 0; l < G_N_ELEMENTS (libraries); l++)
      for (guint m = 0; m < 4; m++)
        for (guint z = 0; z < G_N_ELEMENTS (sizes) + 1; z++) {
          check_threads_model (lib_formats[f],
              z < G_N_ELEMENTS (sizes) ? sizes[z] : wide, methods[m],
              libraries[l], seed++);
        }

  /* the library filters, every model, the same formats and sizes */
  for (guint f = 0; f < G_N_ELEMENTS (lib_formats); f++)
    for (guint l = 0; l < G_N_ELEMENTS (models); l++)
      for (guint m = 0; m < G_N_ELEMENTS (filters); m++)
        for (guint z = 0; z < G_N_ELEMENTS (sizes) + 1; z++) {
          check_threads_model (lib_formats[f],
              z < G_N_ELEMENTS (sizes) ? sizes[z] : wide, filters[m], models[l],
              seed++);
        }
}

GST_END_TEST;

/* ----------------------------------------------------------- crop and pad */

/* the w x h region at (x, y) of a frame as a frame of its own (x, y on
 * whole blocks of every plane): each plane's rows from the block of (x, y),
 * every byte a row of the region reaches */
static GstBuffer *
crop_frame (GstBuffer *in, const gchar *format, gint w, gint h, gint x, gint y,
    gint cw, gint ch)
{
  GstVideoFormat fmt = gst_video_format_from_string (format);
  GstVideoInfo a, b;
  GstVideoFrame fa, fb;
  GstBuffer *out;

  gst_video_info_set_format (&a, fmt, w, h);
  gst_video_info_set_format (&b, fmt, cw, ch);
  out = gst_buffer_new_allocate (NULL, b.size, NULL);
  gst_buffer_memset (out, 0, 0, b.size);
  fail_unless (gst_video_frame_map (&fa, &a, in, GST_MAP_READ));
  fail_unless (gst_video_frame_map (&fb, &b, out, GST_MAP_WRITE));
  for (guint p = 0; p < GST_VIDEO_INFO_N_PLANES (&b); p++) {
    gint comp[GST_VIDEO_MAX_COMPONENTS];
    const GstVideoFormatInfo *fi = b.finfo;
    gint c, ws, hs, ps;
    gsize row = 0;

    gst_video_format_info_component (fi, p, comp);
    c = comp[0];
    ws = GST_VIDEO_FORMAT_INFO_W_SUB (fi, c);
    hs = GST_VIDEO_FORMAT_INFO_H_SUB (fi, c);
    ps = GST_VIDEO_FORMAT_INFO_PSTRIDE (fi, c);
    fail_unless ((x >> ws) << ws == x && (y >> hs) << hs == y);
    for (guint k = 0; k < GST_VIDEO_MAX_COMPONENTS && comp[k] >= 0; k++)
      row = MAX (row,
          (gsize) comp_offset (fi, comp[k])
              + (gsize) (GST_VIDEO_INFO_COMP_WIDTH (&b, comp[k]) - 1)
                  * GST_VIDEO_FORMAT_INFO_PSTRIDE (fi, comp[k])
              + (GST_VIDEO_FORMAT_INFO_BITS (fi) > 8 ? 2 : 1));
    row = MAX (row, (gsize) GST_VIDEO_INFO_COMP_WIDTH (&b, c) * ps);
    for (gint r = 0; r < GST_VIDEO_INFO_COMP_HEIGHT (&b, c); r++)
      memcpy ((guint8 *) GST_VIDEO_FRAME_PLANE_DATA (&fb, p)
              + (gsize) r * GST_VIDEO_FRAME_PLANE_STRIDE (&fb, p),
          (guint8 *) GST_VIDEO_FRAME_PLANE_DATA (&fa, p)
              + (gsize) ((y >> hs) + r) * GST_VIDEO_FRAME_PLANE_STRIDE (&fa, p)
              + (gsize) (x >> ws) * ps,
          row);
  }
  gst_video_frame_unmap (&fa);
  gst_video_frame_unmap (&fb);
  GST_BUFFER_PTS (out) = GST_BUFFER_PTS (in);
  GST_BUFFER_DURATION (out) = GST_BUFFER_DURATION (in);
  return out;
}

static gchar *
raw_caps (const gchar *format, gint w, gint h)
{
  return g_strdup_printf (
      "video/x-raw,format=%s,width=%d,height=%d,framerate=30/1", format, w, h);
}

/* crop=<x, y, w, h> is the resize of the cropped frame, byte for byte
 * (formats of every layout, methods, integer models; n-threads=3 too) */
GST_START_TEST (test_crop_property)
{
  static const gchar *formats[] = { "GRAY8", "GRAY16_LE", "GRAY16_BE", "RGBA",
    "RGBx", "RGB", "BGR", "GBR", "RGBA64_LE", "I420", "Y42B", "Y444", "Y41B",
    "NV12", "NV21", "YUY2", "UYVY", "AYUV", "P010_10LE", "I420_10LE" };
  static const gchar *configs[][6] = {
    { "method", "bilinear", "integer-model", "exact", "antialias", "false" },
    { "method", "bicubic", "integer-model", "exact", "antialias", "true" },
    { "method", "nearest", "integer-model", "exact", "antialias", "false" },
    { "method", "bilinear", "integer-model", "opencv", "antialias", "false" },
    { "method", "area", "integer-model", "opencv", "antialias", "false" },
    { "method", "lanczos", "integer-model", "pillow", "antialias", "false" },
    { "method", "bicubic", "integer-model", "pillow", "antialias", "false" },
  };
  guint32 seed = 31;

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    for (guint k = 0; k < G_N_ELEMENTS (configs); k++) {
      gint w = 16 + xorshift32 (&seed) % 40, h = 12 + xorshift32 (&seed) % 30;
      /* offsets on whole blocks (4 pixels: Y41B), sizes any (even for the
       * packed 4:2:2 formats) */
      gint x = 4 * (xorshift32 (&seed) % (w / 8)),
           y = 4 * (xorshift32 (&seed) % (h / 8));
      gint cw = 1 + xorshift32 (&seed) % (w - x),
           ch = 1 + xorshift32 (&seed) % (h - y);
      gint ow = 1 + xorshift32 (&seed) % 40, oh = 1 + xorshift32 (&seed) % 30;
      gboolean packed = g_str_equal (formats[f], "YUY2")
          || g_str_equal (formats[f], "UYVY");
      gchar *in_caps, *crop_caps, *out_caps, *crop;
      const gchar *props[12];
      GstBuffer *in, *cropped, *want, *got;

      if (packed && cw % 2)
        cw = cw > 1 ? cw - 1 : 2;
      in_caps = raw_caps (formats[f], w, h);
      crop_caps = raw_caps (formats[f], cw, ch);
      out_caps = raw_caps (formats[f], ow, oh);
      crop = g_strdup_printf ("<%d, %d, %d, %d>", x, y, cw, ch);
      in = random_buffer (in_caps, seed);
      cropped = crop_frame (in, formats[f], w, h, x, y, cw, ch);
      memcpy (props, configs[k], sizeof (configs[k]));
      props[6] = NULL;
      want = scale_with (crop_caps, out_caps, cropped, props);
      props[6] = "crop";
      props[7] = crop;
      props[8] = "n-threads";
      props[9] = k % 2 ? "3" : "1";
      props[10] = NULL;
      got = scale_with (in_caps, out_caps, in, props);
      fail_unless (frames_equal (got, want, formats[f], ow, oh),
          "%s %dx%d crop=%s -> %dx%d %s %s %s %s: not the resize of the"
          " cropped frame",
          formats[f], w, h, crop, ow, oh, configs[k][1], configs[k][3],
          configs[k][4], configs[k][5]);
      gst_buffer_unref (in);
      gst_buffer_unref (cropped);
      gst_buffer_unref (want);
      gst_buffer_unref (got);
      g_free (in_caps);
      g_free (crop_caps);
      g_free (out_caps);
      g_free (crop);
    }
}

GST_END_TEST;

/* YUV in, RGB out: the crop of the converted frame, as a training pipeline
 * decodes, then crops (converting at the same size, cropping the RGB,
 * resizing it gives the same bytes) */
GST_START_TEST (test_crop_convert)
{
  static const gchar *cases[][3] = {
    { "I420", "colorimetry=bt709,chroma-site=jpeg", "RGB" },
    { "NV12", "colorimetry=bt601", "RGBA" },
    { "YUY2", "colorimetry=bt709,chroma-site=mpeg2", "BGRx" },
    { "P010_10LE", "colorimetry=bt2020", "RGBP" },
  };
  static const gint crops[][4] = { { 5, 3, 30, 20 }, { 0, 0, 17, 9 },
    { 11, 7, 1, 1 }, { 2, 1, 45, 30 } };
  guint32 seed = 32;

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (guint k = 0; k < G_N_ELEMENTS (crops); k++) {
      const gint *cr = crops[k];
      gchar *yuv = g_strdup_printf (
          "video/x-raw,format=%s,width=48,height=32,framerate=30/1,%s",
          cases[c][0], cases[c][1]);
      gchar *rgb_full = raw_caps (cases[c][2], 48, 32);
      gchar *rgb_crop = raw_caps (cases[c][2], cr[2], cr[3]);
      gchar *out = raw_caps (cases[c][2], 21, 14);
      gchar *crop = g_strdup_printf (
          "<%d, %d, %d, %d>", cr[0], cr[1], cr[2], cr[3]);
      const gchar *props[] = { "method", k % 2 ? "bicubic" : "bilinear",
        "antialias", "true", "crop", crop, NULL };
      GstBuffer *in = random_buffer (yuv, seed + k);
      GstBuffer *converted, *cropped, *want, *got;

      got = scale_with (yuv, out, in, props);
      props[4] = NULL;
      converted = scale_with (yuv, rgb_full, in, NULL);
      cropped = crop_frame (
          converted, cases[c][2], 48, 32, cr[0], cr[1], cr[2], cr[3]);
      want = scale_with (rgb_crop, out, cropped, props);
      fail_unless (frames_equal (got, want, cases[c][2], 21, 14),
          "%s -> %s crop=%s: not the crop of the converted frame, resized",
          cases[c][0], cases[c][2], crop);
      gst_buffer_unref (in);
      gst_buffer_unref (converted);
      gst_buffer_unref (cropped);
      gst_buffer_unref (want);
      gst_buffer_unref (got);
      g_free (yuv);
      g_free (rgb_full);
      g_free (rgb_crop);
      g_free (out);
      g_free (crop);
    }
}

GST_END_TEST;

/* the picture a letterbox preset placed inside the output: the plain
 * resize to its size inside, pad-value in every other sample, per
 * component in output sample units (the last value repeated, rounded,
 * clamped; RGBx's x the largest value). The rectangles are the presets'
 * formulas (tests/check/golden/gen_letterbox.py's functions: odd offsets,
 * padding on either axis); the way-back meta must name them. */
typedef struct
{
  const gchar *in, *out, *pad, *preset;
  gint in_w, in_h;
  gint rect[4];
  guint want[4]; /* per output component */
  gint x_byte;   /* the byte of no component and its value, or -1 */
} PadCase;

GST_START_TEST (test_pad_value)
{
  static const PadCase cases[] = {
    { "RGB", "RGB", "<114>", "ultralytics", 45, 27, { 2, 0, 27, 16 },
        { 114, 114, 114 }, -1 },
    { "RGBA", "RGBA", "<1, 2, 3>", "mmdet", 60, 20, { 0, 0, 32, 11 },
        { 1, 2, 3, 3 }, -1 },
    { "RGBx", "RGBx", "<10, 20.5, 300>", "deepstream-symmetric", 50, 20,
        { 0, 2, 32, 12 }, { 10, 21, 255 }, 3 },
    { "xBGR", "xBGR", "<10, 20, 30>", "tf", 25, 21, { 6, 0, 19, 16 },
        { 10, 20, 30 }, 0 },
    { "GBR", "GBR", "<7, 8, 9>", "pillow", 45, 17, { 0, 2, 32, 12 },
        { 7, 8, 9 }, -1 },
    { "GRAY16_BE", "GRAY16_BE", "<300.6>", "ultralytics", 30, 17,
        { 2, 0, 28, 16 }, { 301 }, -1 },
    { "I420", "I420", "<16, 128, 240>", "tf", 45, 26, { 2, 0, 27, 16 },
        { 16, 128, 240 }, -1 },
    { "I420", "I420", "<16, 128, 240>", "ultralytics", 45, 19, { 0, 1, 32, 14 },
        { 16, 128, 240 }, -1 },
    { "NV21", "NV21", "<50, 60, 70>", "deepstream", 46, 22, { 0, 0, 32, 15 },
        { 50, 60, 70 }, -1 },
    { "YUY2", "YUY2", "<1, 2, 3>", "pillow", 41, 27, { 4, 0, 24, 16 },
        { 1, 2, 3 }, -1 },
    { "UYVY", "UYVY", "<1, 2, 3>", "ultralytics", 35, 33, { 7, 0, 17, 16 },
        { 1, 2, 3 }, -1 },
    { "Y41B", "Y41B", "<9, 99, 199>", "deepstream-symmetric", 24, 20,
        { 6, 0, 19, 16 }, { 9, 99, 199 }, -1 },
    { "P010_10LE", "P010_10LE", "<1000, 512, 100>", "mmdet", 45, 20,
        { 0, 0, 32, 14 }, { 1000, 512, 100 }, -1 },
    { "AYUV", "AYUV", "<16, 128, 128, 255>", "add-borders", 45, 27,
        { 3, 0, 26, 16 }, { 16, 128, 128, 255 }, -1 },
    { "I420", "RGBP", "<114, 115, 116>", "ultralytics", 44, 27,
        { 3, 0, 26, 16 }, { 114, 115, 116 }, -1 },
    { "NV12", "RGBx", "<114>", "pillow", 45, 14, { 0, 3, 32, 10 },
        { 114, 114, 114 }, 3 },
  };
  guint32 seed = 33;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    const PadCase *pc = &cases[i];
    const gint *rc = pc->rect;
    gchar *in_caps = raw_caps (pc->in, pc->in_w, pc->in_h);
    /* square pixels out: add-borders keeps the display aspect ratio */
    gchar *out_caps = g_strdup_printf (
        "video/x-raw,format=%s,width=32,height=16,pixel-aspect-ratio=1/1",
        pc->out);
    gchar *pic_caps = raw_caps (pc->out, rc[2], rc[3]);
    const gchar *props[] = { "pad-value", pc->pad, "letterbox", pc->preset,
      "method", "bicubic", NULL };
    GstBuffer *in = random_buffer (in_caps, seed + i), *plain, *got;
    GstHarness *h = harness_with (in_caps, out_caps, props);
    GstVideoInfo oi, pi;
    GstVideoFrame fo, fp;
    const GstVideoFormatInfo *fi;
    GstCustomMeta *meta;
    gint px = -1, py = -1, pw = -1, ph = -1;

    /* slices of rows on three threads write their own pad rows */
    g_object_set (h->element, "n-threads", i % 2 ? 3 : 1, NULL);
    got = gst_harness_push_and_pull (h, gst_buffer_ref (in));
    fail_unless (got != NULL);
    meta = gst_buffer_get_custom_meta (got, "GstAlignScaleGeometryMeta");
    fail_unless (meta != NULL);
    gst_structure_get (gst_custom_meta_get_structure (meta), "picture-x",
        G_TYPE_INT, &px, "picture-y", G_TYPE_INT, &py, "picture-width",
        G_TYPE_INT, &pw, "picture-height", G_TYPE_INT, &ph, NULL);
    fail_unless (px == rc[0] && py == rc[1] && pw == rc[2] && ph == rc[3],
        "%s %dx%d letterbox=%s: picture <%d,%d,%d,%d>, the formula's"
        " <%d,%d,%d,%d>",
        pc->in, pc->in_w, pc->in_h, pc->preset, px, py, pw, ph, rc[0], rc[1],
        rc[2], rc[3]);
    plain = scale_with (in_caps, pic_caps, in, props + 4);
    gst_video_info_set_format (
        &oi, gst_video_format_from_string (pc->out), 32, 16);
    gst_video_info_set_format (
        &pi, gst_video_format_from_string (pc->out), rc[2], rc[3]);
    fi = oi.finfo;
    fail_unless (gst_video_frame_map (&fo, &oi, got, GST_MAP_READ));
    fail_unless (gst_video_frame_map (&fp, &pi, plain, GST_MAP_READ));
    for (guint c = 0; c < GST_VIDEO_FORMAT_INFO_N_COMPONENTS (fi); c++) {
      gint ws = GST_VIDEO_FORMAT_INFO_W_SUB (fi, c),
           hs = GST_VIDEO_FORMAT_INFO_H_SUB (fi, c);
      gint rw = 1 << ws, rv = 1 << hs;
      /* the chroma rule: a sample is the picture's when its block meets
       * the rectangle */
      gint x0 = rc[0] / rw, x1 = (rc[0] + rc[2] + rw - 1) / rw;
      gint y0 = rc[1] / rv, y1 = (rc[1] + rc[3] + rv - 1) / rv;
      /* on block boundaries, it is the plain resize's */
      gboolean same = rc[0] % rw == 0 && rc[1] % rv == 0;

      for (gint y = 0; y < GST_VIDEO_INFO_COMP_HEIGHT (&oi, c); y++)
        for (gint x = 0; x < GST_VIDEO_INFO_COMP_WIDTH (&oi, c); x++) {
          guint v = read_sample (&fo, c, x, y);
          gboolean inside = x >= x0 && x < x1 && y >= y0 && y < y1;
          if (!inside)
            fail_unless (v == pc->want[c],
                "%s -> %s pad-value=%s: component %u (%d,%d) outside is %u,"
                " not %u",
                pc->in, pc->out, pc->pad, c, x, y, v, pc->want[c]);
          else if (same)
            fail_unless (v == read_sample (&fp, c, x - x0, y - y0),
                "%s -> %s %s <%d,%d,%d,%d>: component %u (%d,%d) is %u, the"
                " plain resize %u",
                pc->in, pc->out, pc->preset, rc[0], rc[1], rc[2], rc[3], c, x,
                y, v, read_sample (&fp, c, x - x0, y - y0));
        }
    }
    if (pc->x_byte >= 0)
      for (gint y = 0; y < 16; y++)
        for (gint x = 0; x < 32; x++) {
          gboolean inside = x >= rc[0] && x < rc[0] + rc[2] && y >= rc[1]
              && y < rc[1] + rc[3];
          guint8 b = ((guint8 *) GST_VIDEO_FRAME_PLANE_DATA (
              &fo, 0))[y * GST_VIDEO_FRAME_PLANE_STRIDE (&fo, 0) + 4 * x
              + pc->x_byte];
          fail_unless (
              inside || b == 255, "%s: x byte (%d,%d) is %u", pc->out, x, y, b);
        }
    gst_video_frame_unmap (&fo);
    gst_video_frame_unmap (&fp);
    gst_buffer_unref (in);
    gst_buffer_unref (plain);
    gst_buffer_unref (got);
    gst_harness_teardown (h);
    g_free (in_caps);
    g_free (out_caps);
    g_free (pic_caps);
  }
}

GST_END_TEST;

/* crop and pad-value change while PLAYING and apply from the next frame;
 * a crop ends passthrough at equal sizes, and clearing it brings it back */
GST_START_TEST (test_crop_pad_live)
{
  const gchar *ic = "video/x-raw,format=I420,width=40,height=30,"
                    "framerate=30/1";
  const gchar *oc = "video/x-raw,format=I420,width=40,height=30";
  GstHarness *h = gst_harness_new ("alignscale");
  GstBuffer *in = random_buffer (ic, 34), *got, *want, *cropped;
  GstVideoFrame f;
  GstVideoInfo info;
  gchar *crop_caps = raw_caps ("I420", 20, 14);
  const gchar *none[] = { NULL };

  gst_harness_set_sink_caps_str (h, oc);
  gst_harness_set_src_caps_str (h, ic);
  /* equal sizes, nothing to do: the buffer itself */
  got = gst_harness_push_and_pull (h, gst_buffer_ref (in));
  fail_unless (got == in);
  gst_buffer_unref (got);

  gst_util_set_object_arg (G_OBJECT (h->element), "crop", "<4, 2, 20, 14>");
  got = gst_harness_push_and_pull (h, gst_buffer_ref (in));
  cropped = crop_frame (in, "I420", 40, 30, 4, 2, 20, 14);
  want = scale_with (crop_caps, oc, cropped, none);
  fail_unless (got != in && frames_equal (got, want, "I420", 40, 30),
      "the crop set while PLAYING is not the next frame's");
  gst_buffer_unref (got);
  gst_buffer_unref (want);

  /* the pad of the placed picture follows pad-value from the next frame
   * (mmdet: the 20x14 crop scaled by 2 at the top left, rows 28, 29 and
   * chroma row 14 pad) */
  gst_util_set_object_arg (G_OBJECT (h->element), "letterbox", "mmdet");
  gst_video_info_set_format (&info, GST_VIDEO_FORMAT_I420, 40, 30);
  for (guint k = 0; k < 2; k++) {
    guint y = k ? 235 : 16;
    gst_util_set_object_arg (
        G_OBJECT (h->element), "pad-value", k ? "<235, 16, 17>" : "<16, 128>");
    got = gst_harness_push_and_pull (h, gst_buffer_ref (in));
    fail_unless (gst_video_frame_map (&f, &info, got, GST_MAP_READ));
    fail_unless_equals_int (read_sample (&f, 0, 5, 28), y);
    fail_unless_equals_int (read_sample (&f, 0, 39, 29), y);
    fail_unless_equals_int (read_sample (&f, 1, 3, 14), k ? 16 : 128);
    fail_unless_equals_int (read_sample (&f, 2, 10, 14), k ? 17 : 128);
    gst_video_frame_unmap (&f);
    gst_buffer_unref (got);
  }
  gst_util_set_object_arg (G_OBJECT (h->element), "letterbox", "none");

  /* no crop again: passthrough again, once the output PAR, which kept the
   * crop's display aspect ratio (15/14), is square again */
  gst_util_set_object_arg (G_OBJECT (h->element), "crop", "<>");
  got = gst_harness_push_and_pull (h, gst_buffer_ref (in));
  fail_unless (frames_equal (got, in, "I420", 40, 30));
  gst_buffer_unref (got);
  got = gst_harness_push_and_pull (h, gst_buffer_ref (in));
  fail_unless (got == in);
  gst_buffer_unref (got);
  gst_util_set_object_arg (G_OBJECT (h->element), "crop", "<4, 2, 20, 14>");
  gst_util_set_object_arg (G_OBJECT (h->element), "crop", "<9, 9, 0, 0>");
  /* (the renegotiation the crop's size asks for makes one copy) */
  got = gst_harness_push_and_pull (h, gst_buffer_ref (in));
  fail_unless (frames_equal (got, in, "I420", 40, 30), "width 0 is no crop");
  gst_buffer_unref (got);
  got = gst_harness_push_and_pull (h, gst_buffer_ref (in));
  fail_unless (got == in, "width 0 is no crop");
  gst_buffer_unref (got);

  gst_buffer_unref (cropped);
  gst_buffer_unref (in);
  g_free (crop_caps);
  gst_harness_teardown (h);
}

GST_END_TEST;

static gchar *
array_string (GObject *o, const gchar *name)
{
  GValue v = G_VALUE_INIT;
  gchar *s;

  g_value_init (&v, GST_TYPE_ARRAY);
  g_object_get_property (o, name, &v);
  s = gst_value_serialize (&v);
  g_value_unset (&v);
  return s;
}

/* invalid crops and pad values are refused with a warning, the old value
 * kept; a crop that does not fit the picture is ignored with an element
 * warning (once), the frame made whole */
GST_START_TEST (test_crop_pad_refused)
{
  static const gchar *bad_crops[] = { "<1, 2, 3>", "<-1, 0, 4, 4>",
    "<0, -2, 4, 4>", "<0, 0, 4, 0>", "<0.5, 0, 4, 4>", "<0, 0, 40000, 4>",
    "<30000, 0, 30000, 4>", "<2147483647, 0, 1, 1>", "<0, 0, 1, 2147483647>",
    "<0, 0, 1, 2, 3>", "<\"a\", 0, 1, 1>" };
  static const gchar *bad_pads[] = { "<-1>", "<1, 2, 3, 4, 5>", "<70000>",
    "<1, \"a\">" };
  GstElement *e = gst_element_factory_make ("alignscale", NULL);
  const gchar *ic = "video/x-raw,format=RGB,width=20,height=10,"
                    "framerate=30/1";
  const gchar *oc = "video/x-raw,format=RGB,width=8,height=6";
  GstBuffer *in = random_buffer (ic, 35), *got, *want;
  GstHarness *h;
  GstBus *bus;
  gchar *s;
  guint warnings = 0;
  GstMessage *m;

  s = array_string (G_OBJECT (e), "crop");
  fail_unless_equals_string (s, "<  >");
  g_free (s);
  gst_util_set_object_arg (G_OBJECT (e), "crop", "<1, 2, 3, 4>");
  gst_util_set_object_arg (G_OBJECT (e), "pad-value", "<114, 115.5>");
  for (guint i = 0; i < G_N_ELEMENTS (bad_crops); i++) {
    ASSERT_WARNING (
        gst_util_set_object_arg (G_OBJECT (e), "crop", bad_crops[i]));
    s = array_string (G_OBJECT (e), "crop");
    fail_unless_equals_string (s, "< (int)1, (int)2, (int)3, (int)4 >");
    g_free (s);
  }
  for (guint i = 0; i < G_N_ELEMENTS (bad_pads); i++) {
    ASSERT_WARNING (
        gst_util_set_object_arg (G_OBJECT (e), "pad-value", bad_pads[i]));
    s = array_string (G_OBJECT (e), "pad-value");
    fail_unless_equals_string (s, "< (double)114, (double)115.5 >");
    g_free (s);
  }
  gst_object_unref (e);

  /* 20x10 picture, crop reaching x = 21: ignored, warned once */
  h = gst_harness_new ("alignscale");
  bus = gst_bus_new ();
  gst_element_set_bus (h->element, bus);
  gst_util_set_object_arg (G_OBJECT (h->element), "crop", "<5, 0, 16, 10>");
  gst_harness_set_sink_caps_str (h, oc);
  gst_harness_set_src_caps_str (h, ic);
  want = scale_with (ic, oc, in, NULL);
  for (guint k = 0; k < 3; k++) {
    got = gst_harness_push_and_pull (h, gst_buffer_ref (in));
    fail_unless (got && frames_equal (got, want, "RGB", 8, 6));
    gst_buffer_unref (got);
  }
  while ((m = gst_bus_pop_filtered (bus, GST_MESSAGE_WARNING))) {
    GError *err = NULL;
    gchar *dbg = NULL;
    gst_message_parse_warning (m, &err, &dbg);
    fail_unless (strstr (dbg, "crop <5, 0, 16, 10>") != NULL, "%s", dbg);
    warnings++;
    g_clear_error (&err);
    g_free (dbg);
    gst_message_unref (m);
  }
  fail_unless_equals_int (warnings, 1);
  gst_element_set_bus (h->element, NULL);
  gst_object_unref (bus);
  gst_harness_teardown (h);
  gst_buffer_unref (want);
  gst_buffer_unref (in);
}

GST_END_TEST;

/* an upstream GstVideoCropMeta is a crop: videocrop's way (caps of the
 * crop's size, a video meta of the whole frame) and a crop meta inside
 * the caps' frame; the crop property is inside its region; the output
 * carries no crop meta. The sink pad offers the meta in the allocation
 * query. */
GST_START_TEST (test_crop_meta)
{
  static const gchar *formats[] = { "GRAY8", "I420", "NV12", "RGBA" };
  guint32 seed = 36;

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    for (guint way = 0; way < 2; way++)
      for (guint prop = 0; prop < 2; prop++) {
        GstVideoFormat fmt = gst_video_format_from_string (formats[f]);
        gchar *full_caps = raw_caps (formats[f], 64, 48);
        gchar *meta_caps = raw_caps (formats[f], 40, 30);
        gchar *crop_caps = raw_caps (
            formats[f], prop ? 20 : 40, prop ? 16 : 30);
        gchar *out_caps = raw_caps (formats[f], 23, 17);
        const gchar *props[] = { "crop", "<4, 2, 20, 16>", NULL };
        GstBuffer *in = random_buffer (full_caps, seed + f), *cropped;
        GstBuffer *want, *got;
        GstVideoCropMeta *cm;
        GstVideoInfo info;

        cropped = prop ? crop_frame (in, formats[f], 64, 48, 12, 6, 20, 16)
                       : crop_frame (in, formats[f], 64, 48, 8, 4, 40, 30);
        want = scale_with (crop_caps, out_caps, cropped, NULL);
        gst_buffer_unref (cropped);
        in = gst_buffer_make_writable (in);
        gst_video_info_set_format (&info, fmt, 64, 48);
        if (way == 0)
          gst_buffer_add_video_meta_full (in, GST_VIDEO_FRAME_FLAG_NONE, fmt,
              64, 48, GST_VIDEO_INFO_N_PLANES (&info), info.offset,
              info.stride);
        cm = gst_buffer_add_video_crop_meta (in);
        cm->x = 8;
        cm->y = 4;
        cm->width = 40;
        cm->height = 30;
        got = scale_with (way == 0 ? meta_caps : full_caps, out_caps, in,
            prop ? props : NULL);
        fail_unless (frames_equal (got, want, formats[f], 23, 17),
            "%s crop meta (%s)%s: not the resize of its region", formats[f],
            way ? "in the caps' frame" : "videocrop's",
            prop ? " and crop" : "");
        fail_unless (gst_buffer_get_video_crop_meta (got) == NULL);
        gst_buffer_unref (in);
        gst_buffer_unref (want);
        gst_buffer_unref (got);
        g_free (full_caps);
        g_free (meta_caps);
        g_free (crop_caps);
        g_free (out_caps);
      }

  /* offered upstream */
  {
    GstHarness *h = harness_with ("video/x-raw,format=I420,width=64,height=48,"
                                  "framerate=30/1",
        "video/x-raw,format=I420,width=32,height=24", NULL);
    GstCaps *caps = gst_caps_from_string (
        "video/x-raw,format=I420,width=64,height=48,framerate=30/1");
    GstQuery *q = gst_query_new_allocation (caps, TRUE);

    fail_unless (gst_pad_peer_query (h->srcpad, q));
    fail_unless (
        gst_query_find_allocation_meta (q, GST_VIDEO_CROP_META_API_TYPE, NULL));
    fail_unless (
        gst_query_find_allocation_meta (q, GST_VIDEO_META_API_TYPE, NULL));
    gst_query_unref (q);
    gst_caps_unref (caps);
    gst_harness_teardown (h);
  }
}

GST_END_TEST;

/* where downstream leaves the size free, the output is the crop's size
 * (times a scale factor), as after videocrop; a live change of the crop's
 * size negotiates again from the next frame, a move does not; a crop that
 * does not fit is ignored (the input's size) */
GST_START_TEST (test_crop_free_size)
{
  const gchar *ic = "video/x-raw,format=RGB,width=64,height=48,"
                    "framerate=30/1";
  static const struct
  {
    const gchar *crop;
    gdouble scale;
    gint w, h;
  } steps[] = {
    { "<4, 2, 20, 16>", 0, 20, 16 },
    { "<0, 0, 30, 10>", 0, 30, 10 },
    { "<33, 37, 30, 10>", 0, 30, 10 },
    { "<33, 37, 30, 10>", 0.5, 15, 5 },
    { "<1, 1, 9, 7>", 0.5, 4, 3 },
    { "<50, 0, 20, 10>", 0, 64, 48 },
    { "<>", 0, 64, 48 },
  };
  GstHarness *h = harness_with (ic, "video/x-raw,format=RGB", NULL);
  GstBuffer *in = random_buffer (ic, 37), *got;
  gint w, hh;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++) {
    gint c[4] = { 0, 0, 64, 48 };

    gst_util_set_object_arg (G_OBJECT (h->element), "crop", steps[i].crop);
    g_object_set (h->element, "scale-factor-x", steps[i].scale,
        "scale-factor-y", steps[i].scale, NULL);
    got = gst_harness_push_and_pull (h, gst_buffer_ref (in));
    fail_unless (got != NULL);
    current_size (h, &w, &hh);
    fail_unless (w == steps[i].w && hh == steps[i].h,
        "crop=%s scale %g: output %dx%d, not %dx%d", steps[i].crop,
        steps[i].scale, w, hh, steps[i].w, steps[i].h);
    fail_unless_equals_int (
        gst_buffer_get_size (got), GST_ROUND_UP_4 (w * 3) * hh);
    /* at the crop's own size the frame is the crop */
    if (sscanf (steps[i].crop, "<%d, %d, %d, %d>", &c[0], &c[1], &c[2], &c[3])
            == 4
        && c[2] == w && c[3] == hh) {
      GstBuffer *want = crop_frame (in, "RGB", 64, 48, c[0], c[1], c[2], c[3]);
      fail_unless (frames_equal (got, want, "RGB", w, hh),
          "crop=%s: not the crop's pixels", steps[i].crop);
      gst_buffer_unref (want);
    }
    gst_buffer_unref (got);
  }
  /* no crop, no scale: passthrough */
  got = gst_harness_push_and_pull (h, gst_buffer_ref (in));
  fail_unless (got == in);
  gst_buffer_unref (got);
  gst_buffer_unref (in);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* a fixed output size with a free PAR: a padding preset keeps the input's
 * PAR (its padding keeps the picture's aspect), none and add-borders keep
 * the display aspect ratio through it (videoscale's rule; add-borders then
 * needs no borders); a live switch negotiates again */
GST_START_TEST (test_letterbox_par)
{
  static const struct
  {
    const gchar *preset;
    gint par_n, par_d, pic_h;
  } steps[] = {
    { "none", 16, 9, 32 },
    { "ultralytics", 1, 1, 18 },
    { "add-borders", 16, 9, 32 },
    { "pillow", 1, 1, 18 },
    { "tf", 1, 1, 18 },
    { "none", 16, 9, 32 },
  };
  const gchar *ic = "video/x-raw,format=RGB,width=96,height=54,"
                    "framerate=30/1";
  GstHarness *h = harness_with (
      ic, "video/x-raw,format=RGB,width=32,height=32", NULL);
  GstBuffer *in = random_buffer (ic, 38), *got;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++) {
    GstCaps *caps;
    gint n = 0, d = 0, ph = 0;

    gst_util_set_object_arg (
        G_OBJECT (h->element), "letterbox", steps[i].preset);
    got = gst_harness_push_and_pull (h, gst_buffer_ref (in));
    fail_unless (got != NULL);
    caps = gst_pad_get_current_caps (h->sinkpad);
    fail_unless (gst_structure_get_fraction (
        gst_caps_get_structure (caps, 0), "pixel-aspect-ratio", &n, &d));
    fail_unless (n == steps[i].par_n && d == steps[i].par_d,
        "letterbox=%s: output PAR %d/%d, not %d/%d", steps[i].preset, n, d,
        steps[i].par_n, steps[i].par_d);
    gst_structure_get_int (
        gst_custom_meta_get_structure (
            gst_buffer_get_custom_meta (got, "GstAlignScaleGeometryMeta")),
        "picture-height", &ph);
    fail_unless_equals_int (ph, steps[i].pic_h);
    gst_caps_unref (caps);
    gst_buffer_unref (got);
  }
  gst_buffer_unref (in);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* the way back: every output buffer carries GstAlignScaleGeometryMeta
 * (a GstCustomMeta) with the input pixels resized, where they landed and
 * the scale; an upstream alignscale's meta is replaced, not copied */
GST_START_TEST (test_geometry_meta)
{
  GstHarness *h = gst_harness_new ("alignscale");
  GstBuffer *in, *out, *out2;
  GstCustomMeta *meta;
  GstStructure *st;
  gint v;
  gdouble d;

  gst_harness_set_sink_caps_str (
      h, "video/x-raw,format=RGB,width=40,height=30");
  gst_harness_set_src_caps_str (
      h, "video/x-raw,format=RGB,width=100,height=60,framerate=30/1");
  in = random_buffer ("video/x-raw,format=RGB,width=100,height=60", 3);
  out = gst_harness_push_and_pull (h, in);
  fail_unless (out != NULL);
  meta = gst_buffer_get_custom_meta (out, "GstAlignScaleGeometryMeta");
  fail_unless (meta != NULL);
  st = gst_custom_meta_get_structure (meta);
  fail_unless_equals_string (
      gst_structure_get_string (st, "letterbox"), "none");
  fail_unless (gst_structure_get_int (st, "input-width", &v) && v == 100);
  fail_unless (gst_structure_get_int (st, "input-height", &v) && v == 60);
  fail_unless (gst_structure_get_int (st, "source-width", &v) && v == 100);
  fail_unless (gst_structure_get_int (st, "picture-x", &v) && v == 0);
  fail_unless (gst_structure_get_int (st, "picture-width", &v) && v == 40);
  fail_unless (gst_structure_get_int (st, "picture-height", &v) && v == 30);
  fail_unless (gst_structure_get_double (st, "scale-x", &d) && d == 0.4);
  fail_unless (gst_structure_get_double (st, "scale-y", &d) && d == 0.5);

  /* through a second alignscale: its own geometry, one meta */
  {
    GstHarness *h2 = gst_harness_new ("alignscale");
    gpointer state = NULL;
    GstMeta *m;
    guint n = 0;

    gst_harness_set_sink_caps_str (
        h2, "video/x-raw,format=RGB,width=20,height=10");
    gst_harness_set_src_caps_str (
        h2, "video/x-raw,format=RGB,width=40,height=30,framerate=30/1");
    out2 = gst_harness_push_and_pull (h2, out);
    fail_unless (out2 != NULL);
    while ((m = gst_buffer_iterate_meta (out2, &state)))
      n += gst_meta_info_is_custom (m->info)
          && gst_custom_meta_has_name (
              (GstCustomMeta *) m, "GstAlignScaleGeometryMeta");
    fail_unless_equals_int (n, 1);
    st = gst_custom_meta_get_structure (
        gst_buffer_get_custom_meta (out2, "GstAlignScaleGeometryMeta"));
    fail_unless (gst_structure_get_int (st, "input-width", &v) && v == 40);
    fail_unless (
        gst_structure_get_double (st, "scale-y", &d) && d == 10.0 / 30);
    gst_buffer_unref (out2);
    gst_harness_teardown (h2);
  }
  gst_harness_teardown (h);
}

GST_END_TEST;

/* a scale factor and a crop changed together at equal sizes while passing
 * through: the frame after them is theirs (the passthrough decision waits
 * for the renegotiation the scale factor asks for), not the input passed
 * on (fuzzer case 7220) */
GST_START_TEST (test_passthrough_then_scale_and_crop)
{
  GstHarness *h = gst_harness_new ("alignscale");
  const gchar *caps = "video/x-raw,format=GRAY8,width=16,height=16";
  GstBuffer *in, *out;
  GstCustomMeta *meta;
  gint v;

  gst_harness_set_sink_caps_str (h, "video/x-raw,format=GRAY8");
  gst_harness_set_src_caps_str (
      h, "video/x-raw,format=GRAY8,width=16,height=16,framerate=30/1");
  in = random_buffer (caps, 11);
  out = gst_harness_push_and_pull (h, gst_buffer_ref (in));
  fail_unless (out == in, "equal sizes, identity: passed through");
  gst_buffer_unref (out);
  gst_buffer_unref (in);

  /* floor (16 * 1.03) is still 16, but the mapping is not the identity */
  gst_util_set_object_arg (G_OBJECT (h->element), "crop", "<0, 4, 16, 8>");
  g_object_set (
      h->element, "scale-factor-x", 1.03, "scale-factor-y", 1.03, NULL);
  in = random_buffer (caps, 12);
  out = gst_harness_push_and_pull (h, gst_buffer_ref (in));
  fail_unless (
      out != NULL && out != in, "the new settings' frame, not the input");
  meta = gst_buffer_get_custom_meta (out, "GstAlignScaleGeometryMeta");
  fail_unless (meta != NULL);
  fail_unless (gst_structure_get_int (
                   gst_custom_meta_get_structure (meta), "source-y", &v)
      && v == 4);
  gst_buffer_unref (out);
  gst_buffer_unref (in);
  gst_harness_teardown (h);
}

GST_END_TEST;

static Suite *
alignscale_suite (void)
{
  Suite *s = suite_create ("alignscale");
  TCase *tc = tcase_create ("general");

  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_properties);
  tcase_add_test (tc, test_properties_onnx);
  tcase_add_test (tc, test_live_switch_modes);
  tcase_add_test (tc, test_passthrough_follows_config);
  tcase_add_test (tc, test_crop_extrapolation);
  tcase_add_test (tc, test_absurd_window_refused);
  tcase_add_test (tc, test_scale_factor_sizes);
  tcase_add_test (tc, test_spec_matrices);
  tcase_add_test (tc, test_live_switch);
  tcase_add_test (tc, test_live_switch_threaded);
  tcase_add_test (tc, test_video_meta_layout);
  tcase_add_test (tc, test_roi_meta_scaled);
  tcase_add_test (tc, test_roi_meta_crop);
  tcase_add_test (tc, test_roi_meta_letterbox);
  tcase_add_test (tc, test_rebuild_only_on_change);
  tcase_add_test (tc, test_controller);
  tcase_add_test (tc, test_fixate_keeps_dar);
  tcase_add_test (tc, test_fixate_overflow);
  tcase_add_test (tc, test_passthrough);
  tcase_add_test (tc, test_odd_420);
  tcase_add_test (tc, test_interlaced_refused);
  tcase_add_test (tc, test_absurd_size_refused);
  tcase_add_test (tc, test_extreme_sizes);
  tcase_add_test (tc, test_short_buffer);
  tcase_add_test (tc, test_bad_video_meta);
  tcase_add_test (tc, test_chroma_siting);
  tcase_add_test (tc, test_n_threads);
  tcase_add_test (tc, test_geometry_meta);
  tcase_add_test (tc, test_crop_free_size);
  tcase_add_test (tc, test_letterbox_par);
  tcase_add_test (tc, test_passthrough_then_scale_and_crop);
  tcase_add_test (tc, test_convert_negotiation);
  tcase_add_test (tc, test_convert_same_format_preferred);
  tcase_add_test (tc, test_convert_refused);
  tcase_add_test (tc, test_convert_gray8_identity);
  tcase_add_test (tc, test_chroma_upsampling_property);
  tcase_add_test (tc, test_integer_model_property);
  tcase_add_test (tc, test_integer_model_own_mapping);
  tcase_add_test (tc, test_crop_property);
  tcase_add_test (tc, test_crop_convert);
  tcase_add_test (tc, test_pad_value);
  tcase_add_test (tc, test_crop_pad_live);
  tcase_add_test (tc, test_crop_pad_refused);
  tcase_add_test (tc, test_crop_meta);
  return s;
}

GST_CHECK_MAIN (alignscale);
