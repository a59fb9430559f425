/* YUV in, RGB (or GRAY8) out: the golden set of docs/conversion.md
 * through the element. Every sample within 1 code value of the expected
 * float (the model's 8-bit RGB resized by PyTorch), conversion-only cases
 * (identity resize) bit-exact, padding and missing alpha 255; exact rate
 * per output and input format. Negotiation: RGB -> YUV and YUV -> another
 * YUV are refused, the same format is preferred when downstream takes
 * both.
 * Data: tests/check/golden/golden-convert.bin, made by
 * gen_golden_convert.py (format: tests/check/golden/README.md).
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <gst/check/gstcheck.h>
#include <gst/check/gstharness.h>
#include <gst/video/video.h>
#include <math.h>
#include <string.h>

#include "common.h"

#define HEADER_SIZE 12
#define CASE_HEADER_SIZE 48
#define FLAG_CONVERSION_ONLY 0x01
#define FLAG_SPECIAL_CODES 0x02

typedef struct
{
  gchar in_format[13], out_format[13];
  guint in_w, in_h, out_w, out_h;
  guint method, align_corners, antialias, site, matrix, full_range, upsampling,
      flags;
  guint32 seed, n_values;
  const guint8 *values; /* n_values little-endian float32 */
} ConvertCase;

/* chroma_site codes: 1 jpeg, 2 mpeg2, 3 cosited, 4 absent (mpeg2), 5 dv */
static const gchar *site_caps[] = { NULL, "jpeg", "mpeg2", "cosited", NULL,
  "dv" };
static const gchar *site_name[] = { "?", "jpeg", "mpeg2", "cosited", "absent",
  "dv" };
static const gchar *matrix_name[] = { "bt601", "bt709", "bt2020", "smpte240m",
  "fcc" };
static const GstVideoColorMatrix matrices[] = { GST_VIDEO_COLOR_MATRIX_BT601,
  GST_VIDEO_COLOR_MATRIX_BT709, GST_VIDEO_COLOR_MATRIX_BT2020,
  GST_VIDEO_COLOR_MATRIX_SMPTE240M, GST_VIDEO_COLOR_MATRIX_FCC };
static const GstVideoColorPrimaries primaries[] = {
  GST_VIDEO_COLOR_PRIMARIES_SMPTE170M, GST_VIDEO_COLOR_PRIMARIES_BT709,
  GST_VIDEO_COLOR_PRIMARIES_BT2020, GST_VIDEO_COLOR_PRIMARIES_SMPTE240M,
  GST_VIDEO_COLOR_PRIMARIES_BT470M
};
static const gchar *method_name[] = { "nearest", "bilinear", "bicubic" };
static const gchar *upsampling_name[] = { "linear", "nearest" };

/* the formats of the file, in the generator's order (the summary order) */
static const gchar *in_formats[] = { "I420", "YV12", "Y42B", "Y444", "Y41B",
  "NV12", "NV21", "NV16", "NV61", "NV24", "YUY2", "UYVY", "YVYU", "VYUY",
  "AYUV", "AYUV64", "P010_10LE", "P012_LE", "P016_LE", "I420_10LE", "I420_12LE",
  "I422_10LE", "I422_12LE", "Y444_10LE", "Y444_12LE", "Y444_16LE" };
static const gchar *out_formats[] = { "RGB", "BGR", "RGBA", "BGRA", "ARGB",
  "ABGR", "RGBx", "BGRx", "xRGB", "xBGR", "RGBP", "BGRP", "GRAY8" };

static gfloat
value_at (const ConvertCase *c, guint i)
{
  guint32 u = read_le32 (c->values + 4 * (gsize) i);
  gfloat f;

  memcpy (&f, &u, 4);
  return f;
}

static gint
index_of (const gchar *const *names, guint n, const gchar *name)
{
  for (guint i = 0; i < n; i++)
    if (strcmp (names[i], name) == 0)
      return (gint) i;
  return -1;
}

/* an input code: next () >> (32 - depth), or, with special codes, one in
 * eight (low three bits of the draw 0) a range limit or extreme */
static guint
draw_code (guint32 *seed, guint depth, gboolean special)
{
  guint32 v = xorshift32 (seed);

  if (special && (v & 7) == 0) {
    guint s = depth - 8;
    const guint table[8] = { 0, (1u << depth) - 1, 16u << s, 235u << s,
      240u << s, 128u << s, 15u << s, 241u << s };
    return table[(v >> 3) & 7];
  }
  return v >> (32 - depth);
}

/* the generator's input: component by component (Y, U, V, A), rows,
 * pixels, written through the stored layout */
static GstBuffer *
make_input (const GstVideoInfo *info, guint32 seed, gboolean special)
{
  GstBuffer *buf = gst_buffer_new_allocate (NULL, info->size, NULL);
  GstVideoFrame f;

  gst_buffer_memset (buf, 0, 0, info->size);
  fail_unless (gst_video_frame_map (&f, info, buf, GST_MAP_WRITE));
  for (guint c = 0; c < GST_VIDEO_INFO_N_COMPONENTS (info); c++) {
    guint depth = GST_VIDEO_INFO_COMP_DEPTH (info, c);
    for (gint y = 0; y < GST_VIDEO_INFO_COMP_HEIGHT (info, c); y++)
      for (gint x = 0; x < GST_VIDEO_INFO_COMP_WIDTH (info, c); x++)
        write_sample (&f, c, x, y, draw_code (&seed, depth, special));
  }
  gst_video_frame_unmap (&f);
  GST_BUFFER_PTS (buf) = 0;
  GST_BUFFER_DURATION (buf) = GST_SECOND / 30;
  return buf;
}

static GstCaps *
input_caps (const ConvertCase *c)
{
  GstVideoColorimetry cm = { c->full_range ? GST_VIDEO_COLOR_RANGE_0_255
                                           : GST_VIDEO_COLOR_RANGE_16_235,
    matrices[c->matrix], GST_VIDEO_TRANSFER_BT709, primaries[c->matrix] };
  gchar *cs = gst_video_colorimetry_to_string (&cm);
  GstCaps *caps = gst_caps_new_simple ("video/x-raw", "format", G_TYPE_STRING,
      c->in_format, "width", G_TYPE_INT, c->in_w, "height", G_TYPE_INT, c->in_h,
      "framerate", GST_TYPE_FRACTION, 30, 1, "pixel-aspect-ratio",
      GST_TYPE_FRACTION, 1, 1, "colorimetry", G_TYPE_STRING, cs, NULL);

  if (site_caps[c->site])
    gst_caps_set_simple (
        caps, "chroma-site", G_TYPE_STRING, site_caps[c->site], NULL);
  g_free (cs);
  return caps;
}

typedef struct
{
  guint cases;
  guint64 samples, exact, over, conv_samples, conv_bad, fixed, fixed_bad;
  gdouble max_abs; /* max |ours - expected float| */
} Tally;

static void
tally_add (Tally *t, gint got, gfloat e, gboolean conv)
{
  gint ref = (gint) CLAMP (floor (e + 0.5), 0, 255);

  t->samples++;
  t->exact += got == ref;
  t->over += ABS (got - ref) > 1;
  t->max_abs = MAX (t->max_abs, fabs (got - CLAMP (e, 0, 255)));
  if (conv) {
    t->conv_samples++;
    t->conv_bad += got != (gint) e;
  }
}

static void
tally_fixed (Tally *t, gint got)
{
  t->fixed++;
  t->fixed_bad += got != 255;
}

/* byte kinds within an output pixel */
enum
{
  LIVE,
  FIXED /* padding, or alpha without an input alpha: 255 */
};

static void
run_case (const ConvertCase *c, Tally *all, Tally *per_out, Tally *per_in,
    Tally *per_method)
{
  gboolean conv = c->flags & FLAG_CONVERSION_ONLY;
  GstCaps *ic = input_caps (c);
  gchar *oc = g_strdup_printf ("video/x-raw,format=%s,width=%u,height=%u,"
                               "pixel-aspect-ratio=1/1",
      c->out_format, c->out_w, c->out_h);
  gchar *ics = gst_caps_to_string (ic);
  GstVideoInfo in_info, out_info;
  GstHarness *h;
  GstBuffer *in, *out;
  GstVideoFrame f;
  GstCaps *caps;
  guint v = 0, reported = 0;

  fail_unless (gst_video_info_from_caps (&in_info, ic), "%s", ics);
  fail_unless (in_info.colorimetry.matrix == matrices[c->matrix]
          && in_info.colorimetry.range
              == (c->full_range ? GST_VIDEO_COLOR_RANGE_0_255
                                : GST_VIDEO_COLOR_RANGE_16_235),
      "%s: colorimetry not as asked", ics);
  in = make_input (&in_info, c->seed, c->flags & FLAG_SPECIAL_CODES);

  h = gst_harness_new ("alignscale");
  g_object_set (h->element, "method", c->method, "align-corners",
      (gboolean) c->align_corners, "antialias", (gboolean) c->antialias, NULL);
  gst_util_set_object_arg (G_OBJECT (h->element), "chroma-upsampling",
      upsampling_name[c->upsampling]);
  gst_harness_set_sink_caps_str (h, oc);
  gst_harness_set_src_caps (h, ic);
  out = gst_harness_push_and_pull (h, in);
  fail_unless (out != NULL, "%s -> %s gave no buffer", ics, oc);

  caps = gst_pad_get_current_caps (h->sinkpad);
  fail_unless (gst_video_info_from_caps (&out_info, caps));
  gst_caps_unref (caps);
  fail_unless_equals_string (
      gst_video_format_to_string (GST_VIDEO_INFO_FORMAT (&out_info)),
      c->out_format);
  fail_unless_equals_int (GST_VIDEO_INFO_WIDTH (&out_info), c->out_w);
  fail_unless_equals_int (GST_VIDEO_INFO_HEIGHT (&out_info), c->out_h);
  fail_unless (gst_video_frame_map (&f, &out_info, out, GST_MAP_READ));

  /* planes, rows, pixels, the bytes of a pixel: the file's order */
  for (guint p = 0; p < GST_VIDEO_INFO_N_PLANES (&out_info); p++) {
    const GstVideoFormatInfo *fi = out_info.finfo;
    gint comp[GST_VIDEO_MAX_COMPONENTS];
    guint8 kind[8];
    gint pstride, w, hh;

    gst_video_format_info_component (fi, p, comp);
    pstride = GST_VIDEO_FORMAT_INFO_PSTRIDE (fi, comp[0]);
    w = GST_VIDEO_INFO_COMP_WIDTH (&out_info, comp[0]);
    hh = GST_VIDEO_INFO_COMP_HEIGHT (&out_info, comp[0]);
    fail_unless (pstride >= 1 && pstride <= 8);
    memset (kind, FIXED, sizeof (kind));
    for (guint k = 0; k < GST_VIDEO_INFO_N_COMPONENTS (&out_info); k++)
      if (GST_VIDEO_FORMAT_INFO_PLANE (fi, k) == p)
        kind[GST_VIDEO_FORMAT_INFO_POFFSET (fi, k)] = k == GST_VIDEO_COMP_A
                && GST_VIDEO_FORMAT_INFO_HAS_ALPHA (fi)
                && !GST_VIDEO_INFO_HAS_ALPHA (&in_info)
            ? FIXED
            : LIVE;
    for (gint y = 0; y < hh; y++) {
      const guint8 *row = (const guint8 *) GST_VIDEO_FRAME_PLANE_DATA (&f, p)
          + (gsize) y * GST_VIDEO_FRAME_PLANE_STRIDE (&f, p);
      for (gint s = 0; s < w * pstride; s++, v++) {
        gint got = row[s];
        gfloat e;

        fail_unless (v < c->n_values, "more samples than golden values");
        e = value_at (c, v);
        if (kind[s % pstride] == FIXED) {
          fail_unless (e == 255.0f, "golden padding/alpha value %g", e);
          tally_fixed (all, got);
          tally_fixed (per_out, got);
          tally_fixed (per_in, got);
          if (got != 255 && reported++ < 5)
            g_printerr ("FAIL %s -> %s %ux%u->%ux%u: plane %u row %d byte %d "
                        "(padding/alpha) is %d, not 255\n",
                c->in_format, c->out_format, c->in_w, c->in_h, c->out_w,
                c->out_h, p, y, s, got);
          continue;
        }
        tally_add (all, got, e, conv);
        tally_add (per_out, got, e, conv);
        tally_add (per_in, got, e, conv);
        tally_add (per_method, got, e, conv);
        if ((ABS (got - (gint) CLAMP (floor (e + 0.5), 0, 255)) > 1
                || (conv && got != (gint) e))
            && reported++ < 5)
          g_printerr ("FAIL %s -> %s %ux%u->%ux%u %s ac=%u aa=%u site=%s "
                      "%s %s %s%s: plane %u row %d byte %d: got %d, "
                      "expected %.4f\n",
              c->in_format, c->out_format, c->in_w, c->in_h, c->out_w, c->out_h,
              method_name[c->method], c->align_corners, c->antialias,
              site_name[c->site], matrix_name[c->matrix],
              c->full_range ? "full" : "limited",
              upsampling_name[c->upsampling], conv ? " (conversion only)" : "",
              p, y, s, got, e);
      }
    }
  }
  fail_unless_equals_int (v, c->n_values);
  all->cases++;
  per_out->cases++;
  per_in->cases++;
  per_method->cases++;

  gst_video_frame_unmap (&f);
  gst_buffer_unref (out);
  gst_harness_teardown (h);
  g_free (ics);
  g_free (oc);
}

static void
print_tally (const gchar *label, const gchar *name, const Tally *t)
{
  if (!t->cases)
    return;
  g_print ("golden-convert: %-3s %-10s %3u cases %7" G_GUINT64_FORMAT
           " samples %7" G_GUINT64_FORMAT " exact %7.3f%%, max|d| %.4f\n",
      label, name, t->cases, t->samples, t->exact,
      100.0 * t->exact / MAX (t->samples, 1), t->max_abs);
}

/* (method, align-corners, antialias) -> index */
static guint
method_index (const ConvertCase *c)
{
  return (c->method * 2 + c->align_corners) * 2 + c->antialias;
}

GST_START_TEST (test_golden_convert)
{
  gsize len = 0, pos = HEADER_SIZE;
  gchar *data = golden_file (
      "ALIGNSCALE_GOLDEN_CONVERT", "ASCONV01", HEADER_SIZE, &len);
  guint n_cases, n_conv = 0;
  Tally all = { 0 }, per_out[G_N_ELEMENTS (out_formats)],
        per_in[G_N_ELEMENTS (in_formats)], per_method[12];
  GstElement *e;

  n_cases = read_le32 ((const guint8 *) data + 8);
  fail_unless (n_cases >= 300, "only %u cases", n_cases);
  memset (per_out, 0, sizeof (per_out));
  memset (per_in, 0, sizeof (per_in));
  memset (per_method, 0, sizeof (per_method));

  e = gst_element_factory_make ("alignscale", NULL);
  fail_unless (e != NULL);
  fail_unless (
      g_object_class_find_property (G_OBJECT_GET_CLASS (e), "chroma-upsampling")
          != NULL,
      "alignscale has no chroma-upsampling property: no YUV -> RGB "
      "conversion in this build");
  gst_object_unref (e);

  for (guint i = 0; i < n_cases; i++) {
    const guint8 *p = (const guint8 *) data + pos;
    ConvertCase c;
    gint io, ii;

    fail_unless (pos + CASE_HEADER_SIZE <= len, "truncated at case %u", i);
    memcpy (c.in_format, p, 12);
    c.in_format[12] = 0;
    memcpy (c.out_format, p + 12, 12);
    c.out_format[12] = 0;
    c.in_w = read_le16 (p + 24);
    c.in_h = read_le16 (p + 26);
    c.out_w = read_le16 (p + 28);
    c.out_h = read_le16 (p + 30);
    c.method = p[32];
    c.align_corners = p[33];
    c.antialias = p[34];
    c.site = p[35];
    c.matrix = p[36];
    c.full_range = p[37];
    c.upsampling = p[38];
    c.flags = p[39];
    c.seed = read_le32 (p + 40);
    c.n_values = read_le32 (p + 44);
    c.values = p + CASE_HEADER_SIZE;
    pos += CASE_HEADER_SIZE + 4 * (gsize) c.n_values;
    io = index_of (out_formats, G_N_ELEMENTS (out_formats), c.out_format);
    ii = index_of (in_formats, G_N_ELEMENTS (in_formats), c.in_format);
    fail_unless (pos <= len && c.method < 3 && c.align_corners < 2
            && c.antialias < 2 && c.site >= 1
            && c.site < G_N_ELEMENTS (site_caps)
            && c.matrix < G_N_ELEMENTS (matrices) && c.full_range < 2
            && c.upsampling < 2 && !(c.flags & ~3u) && io >= 0 && ii >= 0,
        "bad case %u", i);
    n_conv += (c.flags & FLAG_CONVERSION_ONLY) != 0;
    run_case (
        &c, &all, &per_out[io], &per_in[ii], &per_method[method_index (&c)]);
  }
  fail_unless_equals_int (pos, len);

  g_print ("golden-convert: %u cases (%u conversion only), every sample vs "
           "round-half-up of the float result\n",
      n_cases, n_conv);
  for (guint i = 0; i < G_N_ELEMENTS (out_formats); i++)
    print_tally ("out", out_formats[i], &per_out[i]);
  for (guint i = 0; i < G_N_ELEMENTS (in_formats); i++)
    print_tally ("in", in_formats[i], &per_in[i]);
  for (guint m = 0; m < 3; m++)
    for (guint a = 0; a < 2; a++)
      for (guint aa = 0; aa < 2; aa++) {
        gchar *name = g_strdup_printf ("%s/%u/%u", method_name[m], a, aa);
        print_tally ("by", name, &per_method[(m * 2 + a) * 2 + aa]);
        g_free (name);
      }
  g_print ("golden-convert: conversion only: %" G_GUINT64_FORMAT
           " samples, %" G_GUINT64_FORMAT " differ from the model\n",
      all.conv_samples, all.conv_bad);
  g_print ("golden-convert: padding and missing alpha: %" G_GUINT64_FORMAT
           " bytes, %" G_GUINT64_FORMAT " not 255\n",
      all.fixed, all.fixed_bad);
  g_print ("golden-convert: all %" G_GUINT64_FORMAT
           " samples, %.3f%% exact, max|d| %.4f, %" G_GUINT64_FORMAT
           " beyond 1 code value\n",
      all.samples, 100.0 * all.exact / MAX (all.samples, 1), all.max_abs,
      all.over);
  fail_unless (
      all.over == 0, "%" G_GUINT64_FORMAT " samples beyond 1 code", all.over);
  fail_unless (all.conv_bad == 0,
      "%" G_GUINT64_FORMAT " conversion-only samples differ", all.conv_bad);
  fail_unless (all.fixed_bad == 0,
      "%" G_GUINT64_FORMAT " padding/alpha bytes not 255", all.fixed_bad);
  fail_unless (all.exact >= 0.99 * all.samples, "exact rate %.3f%% < 99%%",
      100.0 * all.exact / MAX (all.samples, 1));
  g_free (data);
}

GST_END_TEST;

/* RGB -> YUV and YUV -> another YUV: refused (not-negotiated or an error),
 * no buffer out */
GST_START_TEST (test_refuses_other_directions)
{
  static const gchar *const pairs[][2] = { { "RGB", "NV12" },
    { "RGBA", "I420" }, { "BGRx", "AYUV" }, { "RGBP", "Y444" },
    { "I420", "NV12" }, { "NV12", "I420" }, { "YUY2", "I420" },
    { "AYUV", "Y444" }, { "I420_10LE", "P010_10LE" }, { "P010_10LE", "NV12" },
    { "Y444", "AYUV" } };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++) {
    gchar *ic = g_strdup_printf ("video/x-raw,format=%s,width=32,height=24,"
                                 "framerate=30/1,pixel-aspect-ratio=1/1",
        pairs[i][0]);
    gchar *oc = g_strdup_printf (
        "video/x-raw,format=%s,width=16,height=12", pairs[i][1]);
    GstHarness *h = harness_with (ic, oc, NULL);
    GstFlowReturn ret = gst_harness_push (h, random_buffer (ic, 1 + i));

    fail_unless (ret == GST_FLOW_NOT_NEGOTIATED || ret == GST_FLOW_ERROR,
        "%s -> %s: flow %s", pairs[i][0], pairs[i][1], gst_flow_get_name (ret));
    fail_unless_equals_int (gst_harness_buffers_in_queue (h), 0);
    gst_harness_teardown (h);
    g_free (ic);
    g_free (oc);
  }
}

GST_END_TEST;

/* downstream takes the input's format and RGB: the input's format wins
 * (no conversion), whichever downstream lists first; downstream that
 * takes only RGB gets RGB */
GST_START_TEST (test_prefers_same_format)
{
  static const struct
  {
    const gchar *in, *down, *want;
  } cases[] = {
    { "NV12", "video/x-raw,format=NV12; video/x-raw,format=RGB", "NV12" },
    { "NV12", "video/x-raw,format=RGB; video/x-raw,format=NV12", "NV12" },
    { "I420", "video/x-raw,format={ RGBA, I420 }", "I420" },
    { "YUY2", "video/x-raw,format={ BGRx, GRAY8, YUY2 }", "YUY2" },
    { "P010_10LE", "video/x-raw,format={ RGBP, P010_10LE }", "P010_10LE" },
    { "NV12", "video/x-raw,format=RGB", "RGB" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    gchar *ic = g_strdup_printf ("video/x-raw,format=%s,width=32,height=24,"
                                 "framerate=30/1,pixel-aspect-ratio=1/1",
        cases[i].in);
    GstHarness *h = harness_with (ic, cases[i].down, NULL);
    GstBuffer *out = gst_harness_push_and_pull (h, random_buffer (ic, 7 + i));
    GstCaps *caps;
    GstVideoInfo info;

    fail_unless (
        out != NULL, "%s into %s: no buffer", cases[i].in, cases[i].down);
    caps = gst_pad_get_current_caps (h->sinkpad);
    fail_unless (gst_video_info_from_caps (&info, caps));
    fail_unless_equals_string (
        gst_video_format_to_string (GST_VIDEO_INFO_FORMAT (&info)),
        cases[i].want);
    fail_unless_equals_int (GST_VIDEO_INFO_WIDTH (&info), 32);
    fail_unless_equals_int (GST_VIDEO_INFO_HEIGHT (&info), 24);
    gst_caps_unref (caps);
    gst_buffer_unref (out);
    gst_harness_teardown (h);
    g_free (ic);
  }
}

GST_END_TEST;

static Suite *
alignscale_convert_suite (void)
{
  Suite *s = suite_create ("alignscale-convert");
  TCase *tc = tcase_create ("general");

  suite_add_tcase (s, tc);
  tcase_set_timeout (tc, 600);
  tcase_add_test (tc, test_golden_convert);
  tcase_add_test (tc, test_refuses_other_directions);
  tcase_add_test (tc, test_prefers_same_format);
  return s;
}

GST_CHECK_MAIN (alignscale_convert);
