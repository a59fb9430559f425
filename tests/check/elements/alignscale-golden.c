/* The torch golden set through the element: every sample within 1 code
 * value of PyTorch's float result rounded half up, exact-match rate
 * reported per method and convention.
 * Data: tests/check/golden/golden.bin, made by gen_golden.py (see there).
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <gst/check/gstcheck.h>
#include <gst/check/gstharness.h>
#include <gst/video/video.h>
#include <math.h>
#include <string.h>

#include "common.h"

typedef struct
{
  gchar format[13];
  guint in_w, in_h, out_w, out_h, method, align_corners, site, flags;
  guint32 seed, n_values;
  const guint8 *values; /* n_values little-endian float32 */
} GoldenCase;

static const gchar *site_caps[] = { "", ",chroma-site=jpeg",
  ",chroma-site=mpeg2", ",chroma-site=cosited", "" };

static const gchar *method_name[] = { "nearest", "bilinear", "bicubic" };

static gfloat
value_at (const GoldenCase *c, guint i)
{
  guint32 u = read_le32 (c->values + 4 * (gsize) i);
  gfloat f;
  memcpy (&f, &u, 4);
  return f;
}

/* plane p: width in pixels, rows, bytes per pixel, bytes per sample */
static void
plane_geometry (const GstVideoInfo *info, guint p, guint *w, guint *h,
    guint *bpp, guint *bps)
{
  gint comp[GST_VIDEO_MAX_COMPONENTS];

  gst_video_format_info_component (info->finfo, p, comp);
  *w = GST_VIDEO_INFO_COMP_WIDTH (info, comp[0]);
  *h = GST_VIDEO_INFO_COMP_HEIGHT (info, comp[0]);
  *bpp = GST_VIDEO_INFO_COMP_PSTRIDE (info, comp[0]);
  *bps = GST_VIDEO_INFO_COMP_DEPTH (info, comp[0]) > 8 ? 2 : 1;
}

/* the generator's input: xorshift32 samples, plane/row/pixel/sample order */
static GstBuffer *
make_input (const GstVideoInfo *info, guint32 seed)
{
  GstBuffer *buf = gst_buffer_new_allocate (NULL, info->size, NULL);
  GstVideoFrame f;

  gst_buffer_memset (buf, 0, 0, info->size);
  fail_unless (gst_video_frame_map (&f, info, buf, GST_MAP_WRITE));
  for (guint p = 0; p < GST_VIDEO_INFO_N_PLANES (info); p++) {
    guint w, h, bpp, bps;
    plane_geometry (info, p, &w, &h, &bpp, &bps);
    for (guint y = 0; y < h; y++) {
      guint8 *row = (guint8 *) GST_VIDEO_FRAME_PLANE_DATA (&f, p)
          + (gsize) y * GST_VIDEO_FRAME_PLANE_STRIDE (&f, p);
      for (guint s = 0; s < w * bpp / bps; s++) {
        if (bps == 1)
          row[s] = xorshift32 (&seed) >> 24;
        else
          ((guint16 *) row)[s] = xorshift32 (&seed) >> 16;
      }
    }
  }
  gst_video_frame_unmap (&f);
  return buf;
}

/* golden-formats.bin (flags 2): component by component, a sample of
 * depth d being next () >> (32 - d), whatever the stored layout */
static GstBuffer *
make_input_components (const GstVideoInfo *info, guint32 seed)
{
  GstBuffer *buf = gst_buffer_new_allocate (NULL, info->size, NULL);
  GstVideoFrame f;

  gst_buffer_memset (buf, 0, 0, info->size);
  fail_unless (gst_video_frame_map (&f, info, buf, GST_MAP_WRITE));
  for (guint c = 0; c < GST_VIDEO_INFO_N_COMPONENTS (info); c++) {
    guint depth = GST_VIDEO_INFO_COMP_DEPTH (info, c);
    for (gint y = 0; y < GST_VIDEO_INFO_COMP_HEIGHT (info, c); y++)
      for (gint x = 0; x < GST_VIDEO_INFO_COMP_WIDTH (info, c); x++)
        write_sample (&f, c, x, y, xorshift32 (&seed) >> (32 - depth));
  }
  gst_video_frame_unmap (&f);
  return buf;
}

typedef struct
{
  guint64 samples, exact, over;
  guint cases;
  gdouble max_abs; /* max |ours - exact float| */
} Tally;

/* one output sample against its golden value */
static void
tally_sample (Tally *t, const GoldenCase *c, gint got, gint max, gdouble e,
    guint where, guint y, guint s)
{
  gint ref = (gint) CLAMP (floor (e + 0.5), 0, max);

  t->samples++;
  t->exact += got == ref;
  if (ABS (got - ref) > 1 && t->over++ < 10)
    g_printerr ("FAIL %s %ux%u->%ux%u %s ac=%u site=%u plane/component %u "
                "row %u sample %u: got %d, torch %.4f\n",
        c->format, c->in_w, c->in_h, c->out_w, c->out_h, method_name[c->method],
        c->align_corners, c->site, where, y, s, got, e);
  t->max_abs = MAX (t->max_abs, fabs (got - CLAMP (e, 0, max)));
}

static void
run_case (const GoldenCase *c, Tally *t, Tally *per_format)
{
  gboolean comps = c->flags & 2;
  gboolean yuv = c->site != 0;
  gchar *ic = g_strdup_printf ("video/x-raw,format=%s,width=%u,height=%u,"
                               "framerate=30/1,pixel-aspect-ratio=1/1%s%s",
      c->format, c->in_w, c->in_h, yuv ? ",colorimetry=bt601" : "",
      site_caps[c->site]);
  gchar *oc = g_strdup_printf ("video/x-raw,format=%s,width=%u,height=%u,"
                               "pixel-aspect-ratio=1/1",
      c->format, c->out_w, c->out_h);
  GstCaps *caps = gst_caps_from_string (ic);
  GstVideoInfo in_info, out_info;
  GstHarness *h;
  GstBuffer *in, *out;
  GstVideoFrame f;
  guint v = 0;

  fail_unless (gst_video_info_from_caps (&in_info, caps));
  gst_caps_unref (caps);
  in = comps ? make_input_components (&in_info, c->seed)
             : make_input (&in_info, c->seed);

  h = gst_harness_new ("alignscale");
  g_object_set (h->element, "method", c->method, "align-corners",
      (gboolean) c->align_corners, "antialias", (gboolean) (c->flags & 1),
      NULL);
  gst_harness_set_sink_caps_str (h, oc);
  gst_harness_set_src_caps_str (h, ic);
  out = gst_harness_push_and_pull (h, in);
  fail_unless (out != NULL, "%s -> %s gave no buffer", ic, oc);

  caps = gst_pad_get_current_caps (h->sinkpad);
  fail_unless (gst_video_info_from_caps (&out_info, caps));
  gst_caps_unref (caps);
  fail_unless (gst_video_frame_map (&f, &out_info, out, GST_MAP_READ));

  for (guint k = 0; comps && k < GST_VIDEO_INFO_N_COMPONENTS (&out_info); k++) {
    gint max = (1 << GST_VIDEO_INFO_COMP_DEPTH (&out_info, k)) - 1;
    for (gint y = 0; y < GST_VIDEO_INFO_COMP_HEIGHT (&out_info, k); y++)
      for (gint x = 0; x < GST_VIDEO_INFO_COMP_WIDTH (&out_info, k); x++, v++) {
        gint got = (gint) read_sample (&f, k, x, y);
        fail_unless (v < c->n_values, "more samples than golden values");
        tally_sample (t, c, got, max, value_at (c, v), k, y, x);
        tally_sample (per_format, c, got, max, value_at (c, v), k, y, x);
      }
  }
  for (guint p = 0; !comps && p < GST_VIDEO_INFO_N_PLANES (&out_info); p++) {
    guint w, hh, bpp, bps;
    plane_geometry (&out_info, p, &w, &hh, &bpp, &bps);
    for (guint y = 0; y < hh; y++) {
      const guint8 *row = (const guint8 *) GST_VIDEO_FRAME_PLANE_DATA (&f, p)
          + (gsize) y * GST_VIDEO_FRAME_PLANE_STRIDE (&f, p);
      for (guint s = 0; s < w * bpp / bps; s++, v++) {
        gint got = bps == 1 ? row[s] : ((const guint16 *) row)[s];

        fail_unless (v < c->n_values, "more samples than golden values");
        tally_sample (
            t, c, got, bps == 1 ? 255 : 65535, value_at (c, v), p, y, s);
      }
    }
  }
  fail_unless_equals_int (v, c->n_values);
  t->cases++;
  per_format->cases++;

  gst_video_frame_unmap (&f);
  gst_buffer_unref (out);
  gst_harness_teardown (h);
  g_free (ic);
  g_free (oc);
}

/* every case of one golden file; flags: what byte 23 must hold */
static void
run_golden (const gchar *env, guint min_cases, guint flags, const gchar *tag)
{
  gsize len = 0, pos = 12;
  gchar *data = golden_file (env, "ASGOLD01", 12, &len);
  guint n_cases;
  Tally tally[3][2];
  guint64 over = 0, total = 0, exact = 0;
  GHashTable *formats = g_hash_table_new_full (
      g_str_hash, g_str_equal, g_free, g_free);
  GPtrArray *order = g_ptr_array_new ();

  n_cases = read_le32 ((guint8 *) data + 8);
  fail_unless (n_cases >= min_cases, "only %u cases", n_cases);
  memset (tally, 0, sizeof (tally));

  for (guint i = 0; i < n_cases; i++) {
    const guint8 *p = (const guint8 *) data + pos;
    GoldenCase c;

    fail_unless (pos + 32 <= len, "truncated at case %u", i);
    memcpy (c.format, p, 12);
    c.format[12] = 0;
    c.in_w = read_le16 (p + 12);
    c.in_h = read_le16 (p + 14);
    c.out_w = read_le16 (p + 16);
    c.out_h = read_le16 (p + 18);
    c.method = p[20];
    c.align_corners = p[21];
    c.site = p[22];
    c.flags = p[23];
    c.seed = read_le32 (p + 24);
    c.n_values = read_le32 (p + 28);
    c.values = p + 32;
    pos += 32 + 4 * (gsize) c.n_values;
    fail_unless (pos <= len && c.method < 3 && c.align_corners < 2
            && c.site < G_N_ELEMENTS (site_caps) && c.flags == flags,
        "bad case %u", i);
    {
      Tally *pf = g_hash_table_lookup (formats, c.format);
      if (!pf) {
        gchar *key = g_strdup (c.format);
        pf = g_new0 (Tally, 1);
        g_hash_table_insert (formats, key, pf);
        g_ptr_array_add (order, key);
      }
      run_case (&c, &tally[c.method][c.align_corners], pf);
    }
  }
  fail_unless_equals_int (pos, len);

  g_print ("%s: %u torch cases, every sample vs round-half-up of the "
           "float result\n",
      tag, n_cases);
  g_print ("%s: %-9s %-13s %6s %9s %9s %8s %10s\n", tag, "method",
      "align-corners", "cases", "samples", "exact", "rate", "max|d|");
  for (guint m = 0; m < 3; m++)
    for (guint a = 0; a < 2; a++) {
      Tally *t = &tally[m][a];
      if (!t->cases)
        continue;
      g_print ("%s: %-9s %-13s %6u %9" G_GUINT64_FORMAT " %9" G_GUINT64_FORMAT
               " %7.3f%% %10.4f\n",
          tag, method_name[m], a ? "true" : "false", t->cases, t->samples,
          t->exact, t->samples ? 100.0 * t->exact / t->samples : 0.0,
          t->max_abs);
      over += t->over;
      total += t->samples;
      exact += t->exact;
    }
  /* per format: the files that hold new formats say how each does */
  for (guint i = 0; flags & 2 && i < order->len; i++) {
    const Tally *t = g_hash_table_lookup (formats, order->pdata[i]);
    g_print ("%s: %-10s %3u cases %7" G_GUINT64_FORMAT " samples %7.3f%% exact,"
             " max|d| %.4f\n",
        tag, (const gchar *) order->pdata[i], t->cases, t->samples,
        100.0 * t->exact / MAX (t->samples, 1), t->max_abs);
  }
  g_ptr_array_unref (order);
  g_hash_table_unref (formats);
  g_print ("%s: all %" G_GUINT64_FORMAT
           " samples, %.3f%% exact, %" G_GUINT64_FORMAT
           " beyond 1 code value\n",
      tag, total, 100.0 * exact / total, over);
  fail_unless (
      over == 0, "%" G_GUINT64_FORMAT " samples beyond 1 code value", over);
  g_free (data);
}

GST_START_TEST (test_golden)
{
  run_golden ("ALIGNSCALE_GOLDEN", 300, 0, "golden");
}

GST_END_TEST;

/* antialias=true (golden-aa.bin, gen_golden_aa.py): 8-bit formats */
GST_START_TEST (test_golden_antialias)
{
  run_golden ("ALIGNSCALE_GOLDEN_AA", 150, 1, "golden-aa");
}

GST_END_TEST;

/* the formats with stored layouts of their own (golden-formats.bin,
 * gen_golden_formats.py): packed 4:2:2, planar RGB, 10/12/16-bit YUV on
 * their own grid, big-endian words, 4:1:1 */
GST_START_TEST (test_golden_formats)
{
  run_golden ("ALIGNSCALE_GOLDEN_FORMATS", 300, 2, "golden-formats");
}

GST_END_TEST;

static Suite *
alignscale_golden_suite (void)
{
  Suite *s = suite_create ("alignscale-golden");
  TCase *tc = tcase_create ("general");

  suite_add_tcase (s, tc);
  tcase_set_timeout (tc, 600);
  tcase_add_test (tc, test_golden);
  tcase_add_test (tc, test_golden_antialias);
  tcase_add_test (tc, test_golden_formats);
  return s;
}

GST_CHECK_MAIN (alignscale_golden);
