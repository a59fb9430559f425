/* Hostile input and the corners where the element once crashed or was
 * silently wrong: one test per defect of issue 10, each failing before its
 * fix. Expected values come from the spec's formulas (computed here, in
 * double) or from ONNX Runtime / the ONNX reference as the issue quotes
 * them, never from the element.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <gst/check/gstcheck.h>
#include <gst/check/gstharness.h>
#include <gst/video/video.h>
#include <math.h>
#include <string.h>

#include "common.h"

/* ---------------------------------------------------------------- helpers */

static GstVideoInfo
info_from (const gchar *caps_str)
{
  GstCaps *caps = gst_caps_from_string (caps_str);
  GstVideoInfo info;

  fail_unless (gst_video_info_from_caps (&info, caps), "%s", caps_str);
  gst_caps_unref (caps);
  return info;
}

/* every sample of component c is v[c] (a flat picture) */
static GstBuffer *
flat_buffer (const gchar *caps_str, const guint16 *v)
{
  GstVideoInfo info = info_from (caps_str);
  GstBuffer *buf = gst_buffer_new_allocate (NULL, info.size, NULL);
  GstVideoFrame f;

  fail_unless (gst_video_frame_map (&f, &info, buf, GST_MAP_WRITE));
  for (guint c = 0; c < GST_VIDEO_INFO_N_COMPONENTS (&info); c++) {
    guint8 *d = GST_VIDEO_FRAME_COMP_DATA (&f, c);
    gint ps = GST_VIDEO_FRAME_COMP_PSTRIDE (&f, c);
    for (gint y = 0; y < GST_VIDEO_FRAME_COMP_HEIGHT (&f, c); y++)
      for (gint x = 0; x < GST_VIDEO_FRAME_COMP_WIDTH (&f, c); x++) {
        guint8 *p = d + (gsize) y * GST_VIDEO_FRAME_COMP_STRIDE (&f, c)
            + (gsize) x * ps;
        if (GST_VIDEO_INFO_COMP_DEPTH (&info, c) > 8)
          *(guint16 *) p = v[c];
        else
          *p = (guint8) v[c];
      }
  }
  gst_video_frame_unmap (&f);
  GST_BUFFER_PTS (buf) = 0;
  return buf;
}

/* the output of one frame is flat with the same component values */
static void
check_flat (GstBuffer *out, const gchar *caps_str, const guint16 *v)
{
  GstVideoInfo info = info_from (caps_str);
  GstVideoFrame f;

  fail_unless (out != NULL);
  fail_unless (gst_video_frame_map (&f, &info, out, GST_MAP_READ));
  for (guint c = 0; c < GST_VIDEO_INFO_N_COMPONENTS (&info); c++) {
    const guint8 *d = GST_VIDEO_FRAME_COMP_DATA (&f, c);
    gint ps = GST_VIDEO_FRAME_COMP_PSTRIDE (&f, c);
    for (gint y = 0; y < GST_VIDEO_FRAME_COMP_HEIGHT (&f, c); y++)
      for (gint x = 0; x < GST_VIDEO_FRAME_COMP_WIDTH (&f, c); x++) {
        const guint8 *p = d + (gsize) y * GST_VIDEO_FRAME_COMP_STRIDE (&f, c)
            + (gsize) x * ps;
        guint got = GST_VIDEO_INFO_COMP_DEPTH (&info, c) > 8
            ? *(const guint16 *) p
            : *p;
        if (G_UNLIKELY (got != v[c]))
          fail ("%s: component %u at (%d, %d) is %u, not %u", caps_str, c, x, y,
              got, v[c]);
      }
  }
  gst_video_frame_unmap (&f);
}

/* one buffer (taken) through a fresh element */
static GstBuffer *
scale_one (const gchar *in_caps, const gchar *out_caps,
    const gchar *const *props, GstBuffer *in)
{
  GstBuffer *out = scale_with (in_caps, out_caps, in, props);

  gst_buffer_unref (in);
  return out;
}

/* a one-row picture of the caps' layout (rows are padded to 4 bytes) */
static GstBuffer *
row_buffer (const gchar *caps_str, const void *row, gsize bytes)
{
  GstVideoInfo info = info_from (caps_str);
  GstBuffer *buf = gst_buffer_new_allocate (NULL, info.size, NULL);

  fail_unless (info.height == 1 && bytes <= info.size);
  gst_buffer_memset (buf, 0, 0, info.size);
  gst_buffer_fill (buf, 0, row, bytes);
  GST_BUFFER_PTS (buf) = 0;
  return buf;
}

static guint
sample_at (GstBuffer *buf, gsize offset, gboolean wide)
{
  guint16 v16 = 0;
  guint8 v8 = 0;

  if (wide) {
    gst_buffer_extract (buf, offset * 2, &v16, 2);
    return v16;
  }
  gst_buffer_extract (buf, offset, &v8, 1);
  return v8;
}

/* ------------------------------------------ 1: tiny scale factors */

/* A scale factor of 1e-18 maps output i to 1e18 i: the coordinate once
 * overflowed the conversion to an integer and the table was written out
 * of bounds (SIGSEGV, "double free or corruption"). Every tap lands on
 * the edge sample: a flat picture stays flat. */
GST_START_TEST (test_tiny_scale_factor)
{
  const struct
  {
    const gchar *in, *out;
    const gchar *const props[9];
  } cases[] = {
    { "video/x-raw,format=GRAY8,width=32767,height=4,framerate=30/1",
        "video/x-raw,format=GRAY8,width=37,height=4",
        { "method", "bicubic", "scale-factor-x", "1e-18", NULL } },
    { "video/x-raw,format=GRAY16_LE,width=14,height=2,framerate=30/1",
        "video/x-raw,format=GRAY16_LE,width=148,height=37",
        { "method", "bicubic", "scale-factor-x", "1e-300", NULL } },
    { "video/x-raw,format=GRAY16_LE,width=14,height=2,framerate=30/1",
        "video/x-raw,format=GRAY16_LE,width=148,height=37",
        { "method", "bicubic", "scale-factor-x", "1e-300", "antialias", "true",
            NULL } },
    { "video/x-raw,format=RGBA,width=40,height=30,framerate=30/1",
        "video/x-raw,format=RGBA,width=41,height=31",
        { "method", "nearest", "coordinate-mode", "asymmetric",
            "scale-factor-x", "1e-18", "scale-factor-y", "1e-300", NULL } },
    { "video/x-raw,format=NV12,width=40,height=30,framerate=30/1",
        "video/x-raw,format=NV12,width=41,height=31",
        { "method", "nearest", "nearest-mode", "ceil", "scale-factor-x",
            "1e-18", "scale-factor-y", "1e-300", NULL } },
    { "video/x-raw,format=I420,width=40,height=30,framerate=30/1",
        "video/x-raw,format=I420,width=41,height=31",
        { "method", "bilinear", "coordinate-mode", "half-pixel-symmetric",
            "scale-factor-x", "1e-18", "scale-factor-y", "32767", NULL } },
  };
  const guint16 v[4] = { 200, 17, 99, 3 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    GstBuffer *out = scale_one (cases[i].in, cases[i].out, cases[i].props,
        flat_buffer (cases[i].in, v));
    gchar *oc = g_strdup_printf ("%s,framerate=30/1", cases[i].out);
    check_flat (out, oc, v);
    g_free (oc);
    gst_buffer_unref (out);
  }
}

GST_END_TEST;

/* ------------------------------- 2: planes across memory blocks */

/* a random picture laid out with padded strides and gaps, as one block and
 * as memory blocks split at the given offsets (inside planes) */
static void
split_buffers (const gchar *caps_str, const gsize *cuts, guint n_cuts,
    GstBuffer **whole, GstBuffer **split)
{
  GstVideoInfo info = info_from (caps_str);
  gsize offset[GST_VIDEO_MAX_PLANES], size = 0;
  gint stride[GST_VIDEO_MAX_PLANES];
  guint32 seed = 7;
  guint8 *data;
  gsize at = 0;

  for (guint p = 0; p < GST_VIDEO_INFO_N_PLANES (&info); p++) {
    gint comp[GST_VIDEO_MAX_COMPONENTS];
    gst_video_format_info_component (info.finfo, p, comp);
    stride[p] = GST_ROUND_UP_8 (GST_VIDEO_INFO_PLANE_STRIDE (&info, p) + 5);
    offset[p] = size + 24;
    size = offset[p]
        + (gsize) stride[p] * GST_VIDEO_INFO_COMP_HEIGHT (&info, comp[0]);
  }
  data = g_malloc (size);
  for (gsize i = 0; i < size; i++)
    data[i] = xorshift32 (&seed) >> 24;

  *whole = gst_buffer_new_memdup (data, size);
  *split = gst_buffer_new ();
  for (guint c = 0; c <= n_cuts; c++) {
    gsize end = c < n_cuts ? cuts[c] : size;
    guint8 *part = g_memdup2 (data + at, end - at);
    gst_buffer_append_memory (*split,
        gst_memory_new_wrapped (0, part, end - at, 0, end - at, part, g_free));
    at = end;
  }
  g_free (data);
  for (guint b = 0; b < 2; b++)
    gst_buffer_add_video_meta_full (b ? *split : *whole,
        GST_VIDEO_FRAME_FLAG_NONE, GST_VIDEO_INFO_FORMAT (&info), info.width,
        info.height, GST_VIDEO_INFO_N_PLANES (&info), offset, stride);
}

static gboolean
visible_equal (GstBuffer *a, GstBuffer *b, const gchar *caps_str)
{
  GstVideoInfo info = info_from (caps_str);

  return frames_equal_info (a, b, &info);
}

/* v4l2 multi-planar and some decoders hand out a picture in several
 * GstMemory blocks; GstVideoMeta's default map gives a plane only the
 * block its offset falls in, and the vertical pass once read past it
 * (ASan: heap-buffer-overflow). The output must equal that of the same
 * picture in one block, for every method and for 8- and 16-bit samples. */
GST_START_TEST (test_multi_memory)
{
  const struct
  {
    const gchar *in, *out;
    gsize cuts[3];
    guint n_cuts;
  } cases[] = {
    /* RGBA 37x21: plane 0 rows of 152 bytes from offset 24; cut mid-row */
    { "video/x-raw,format=RGBA,width=37,height=21,framerate=30/1",
        "video/x-raw,format=RGBA,width=50,height=30,framerate=30/1",
        { 24 + 152 * 7 + 61 }, 1 },
    /* I420 37x21: cuts inside Y and inside V */
    { "video/x-raw,format=I420,width=37,height=21,framerate=30/1",
        "video/x-raw,format=I420,width=20,height=11,framerate=30/1",
        { 24 + 48 * 11 + 5, 24 + 48 * 21 + 24 + 32 * 11 + 24 + 32 * 5 + 3 },
        2 },
    { "video/x-raw,format=GRAY16_LE,width=33,height=17,framerate=30/1",
        "video/x-raw,format=GRAY16_LE,width=70,height=9,framerate=30/1",
        { 24 + 80 * 3 + 20, 24 + 80 * 9 }, 2 },
    /* a block that starts at an odd byte: its 16-bit samples sit at odd
     * addresses unless the blocks are merged */
    { "video/x-raw,format=GRAY16_LE,width=33,height=17,framerate=30/1",
        "video/x-raw,format=GRAY16_LE,width=20,height=30,framerate=30/1",
        { 23 }, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint m = 0; m < 3; m++) {
      const gchar *method[] = { "nearest", "bilinear", "bicubic" };
      const gchar *const props[] = { "method", method[m], NULL };
      GstBuffer *whole, *split, *a, *b;

      split_buffers (
          cases[i].in, cases[i].cuts, cases[i].n_cuts, &whole, &split);
      fail_unless (gst_buffer_n_memory (split) == cases[i].n_cuts + 1);
      a = scale_one (cases[i].in, cases[i].out, props, whole);
      b = scale_one (cases[i].in, cases[i].out, props, split);
      fail_unless (visible_equal (a, b, cases[i].out),
          "%s %s: the picture in %u blocks scales differently", cases[i].in,
          method[m], cases[i].n_cuts + 1);
      gst_buffer_unref (a);
      gst_buffer_unref (b);
    }
}

GST_END_TEST;

/* ------------------------------------------- 3: sizes that wrap */

/* A GstVideoMeta offset near 2^64 once wrapped the end-offset sum, passed
 * the check, and failed only in the map with a message naming no sizes.
 * The error names the plane, its offset, stride and the buffer size. */
GST_START_TEST (test_wrapping_layout)
{
  const gchar *caps = "video/x-raw,format=GRAY8,width=64,height=48,"
                      "framerate=30/1";
  gsize offset[4] = { G_MAXSIZE - 100 };
  gint stride[4] = { 64 };
  GstBuffer *buf;
  GstHarness *h = harness_with (caps, "video/x-raw,width=32,height=24", NULL);

  buf = gst_buffer_new_allocate (NULL, 64 * 48, NULL);
  gst_buffer_add_video_meta_full (buf, GST_VIDEO_FRAME_FLAG_NONE,
      GST_VIDEO_FORMAT_GRAY8, 64, 48, 1, offset, stride);
  expect_error_on (h, buf,
      "plane 0 of 64x48 GRAY8 (offset 18446744073709551515, stride 64, 48 "
      "rows of 64 bytes) ends at byte beyond 2^64");

  /* a huge stride that does not wrap: the end it reaches */
  offset[0] = 0;
  stride[0] = G_MAXINT;
  buf = gst_buffer_new_allocate (NULL, 64 * 48, NULL);
  gst_buffer_add_video_meta_full (buf, GST_VIDEO_FRAME_FLAG_NONE,
      GST_VIDEO_FORMAT_GRAY8, 64, 48, 1, offset, stride);
  expect_error_on (h, buf,
      "buffer has 3072 bytes, but plane 0 of 64x48 GRAY8 (offset 0, stride "
      "2147483647, 48 rows of 64 bytes) ends at byte 100931731473");

  /* a meta for another format than the caps */
  offset[0] = 0;
  stride[0] = 64;
  buf = gst_buffer_new_allocate (NULL, 64 * 48, NULL);
  gst_buffer_add_video_meta_full (buf, GST_VIDEO_FRAME_FLAG_NONE,
      GST_VIDEO_FORMAT_RGB8P, 64, 48, 1, offset, stride);
  expect_error_on (h, buf, "video meta says RGB8P");
  gst_harness_teardown (h);
}

GST_END_TEST;

/* equal sizes pass frames through untouched, but not a buffer that does
 * not hold its frame: that is refused with the reason, as any other */
GST_START_TEST (test_passthrough_checks_buffer)
{
  const gchar *caps = "video/x-raw,format=GRAY8,width=64,height=48,"
                      "framerate=30/1";
  const guint16 v[1] = { 9 };
  GstHarness *h = harness_with (caps, caps, NULL);
  GstBuffer *in = flat_buffer (caps, v), *out;

  out = gst_harness_push_and_pull (h, gst_buffer_ref (in));
  fail_unless (out == in); /* passthrough */
  gst_buffer_unref (out);
  gst_buffer_unref (in);
  expect_error_on (
      h, gst_buffer_new_allocate (NULL, 100, NULL), "has 100 bytes");
  gst_harness_teardown (h);
}

GST_END_TEST;

/* ----------------------------------------- 4: misaligned samples */

/* 16-bit samples at an odd address (even offsets and strides, odd memory)
 * were read misaligned (UBSan); they are refused with the reason */
GST_START_TEST (test_misaligned_16bit)
{
  const gchar *caps = "video/x-raw,format=GRAY16_LE,width=16,height=8,"
                      "framerate=30/1";
  guint8 *mem = g_malloc0 (16 * 8 * 2 + 1);
  GstBuffer *buf = gst_buffer_new ();
  GstHarness *h = harness_with (caps, "video/x-raw,width=8,height=4", NULL);

  gst_buffer_append_memory (buf,
      gst_memory_new_wrapped (
          0, mem, 16 * 8 * 2 + 1, 1, 16 * 8 * 2, mem, g_free));
  expect_error_on (h, buf, "odd address");
  gst_harness_teardown (h);
}

GST_END_TEST;

/* ---------------- 5: antialias windows past the picture, big weights */

/* scale-factor-y 0.55 with 30 output rows from 29: the last rows' windows
 * run past the picture, and the truncated bicubic window renormalised to
 * weights of 2 and more, which overflowed the 14-bit fixed point (a row
 * of 0 in a white picture). Such tables run on the exact model. */
GST_START_TEST (test_aa_window_past_picture)
{
  const gchar *const props[] = { "method", "bicubic", "antialias", "true",
    "scale-factor-y", "0.55", NULL };
  const gchar *const props2[] = { "method", "bicubic", "antialias", "true",
    "scale-factor-x", "0.55", "scale-factor-y", "0.6", NULL };
  const gchar *const props3[] = { "method", "bicubic", "exclude-outside",
    "true", "cubic-a", "-2", "scale-factor-x", "0.3", NULL };
  const guint16 white[1] = { 235 }, yuv[3] = { 200, 30, 140 };
  const guint16 w16[1] = { 60000 };
  GstBuffer *out;

  out = scale_one ("video/x-raw,format=GRAY8,width=1,height=29,framerate=30/1",
      "video/x-raw,format=GRAY8,width=1,height=30", props,
      flat_buffer (
          "video/x-raw,format=GRAY8,width=1,height=29,framerate=30/1", white));
  check_flat (out, "video/x-raw,format=GRAY8,width=1,height=30", white);
  gst_buffer_unref (out);

  out = scale_one ("video/x-raw,format=NV12,width=37,height=29,framerate=30/1",
      "video/x-raw,format=NV12,width=64,height=48", props2,
      flat_buffer (
          "video/x-raw,format=NV12,width=37,height=29,framerate=30/1", yuv));
  check_flat (out, "video/x-raw,format=NV12,width=64,height=48", yuv);
  gst_buffer_unref (out);

  out = scale_one (
      "video/x-raw,format=GRAY16_LE,width=9,height=3,framerate=30/1",
      "video/x-raw,format=GRAY16_LE,width=40,height=3", props3,
      flat_buffer (
          "video/x-raw,format=GRAY16_LE,width=9,height=3,framerate=30/1", w16));
  check_flat (out, "video/x-raw,format=GRAY16_LE,width=40,height=3", w16);
  gst_buffer_unref (out);
}

GST_END_TEST;

/* ------------------- 6: antialias over tens of thousands of taps */

/* spec §3.1 in double: torch's antialiased weights for output i */
static double
aa_reference (const guint16 *v, int in, int out, int i, gboolean cubic)
{
  double ratio = (double) in / out, fs = MAX (ratio, 1.0);
  double support = (cubic ? 2.0 : 1.0) * fs, c = (i + 0.5) * ratio;
  int lo = MAX ((int) (c - support + 0.5), 0);
  int hi = MIN ((int) (c + support + 0.5), in);
  double total = 0, acc = 0;

  for (int j = lo; j < hi; j++) {
    double u = fabs ((j - c + 0.5) / fs), w;
    if (cubic) /* Keys, A = -0.5 */
      w = u <= 1  ? (1.5 * u - 2.5) * u * u + 1
          : u < 2 ? ((-0.5 * u + 2.5) * u - 4) * u + 2
                  : 0;
    else
      w = MAX (0.0, 1.0 - u);
    total += w;
    acc += w * v[j];
  }
  return acc / total;
}

/* 16-bit antialias with more than 16384 taps lost a code per 8192 taps
 * (a flat 5914 came out 5910); 8-bit rounding errors of 14-bit weights
 * add up the same way. Flat stays flat, and a random row is within one
 * code of the float result, 8- and 16-bit, bilinear and bicubic. */
GST_START_TEST (test_aa_many_taps)
{
  const gint lens[] = { 16384, 32767 };
  const guint16 flat[1] = { 5914 };
  guint32 seed = 3;

  for (guint l = 0; l < G_N_ELEMENTS (lens); l++) {
    gchar *ic = g_strdup_printf (
        "video/x-raw,format=GRAY16_LE,width=%d,height=1,framerate=30/1",
        lens[l]);
    const gchar *const props[] = { "antialias", "true", NULL };
    GstBuffer *out = scale_one (
        ic, "video/x-raw,width=1,height=1", props, flat_buffer (ic, flat));
    check_flat (out, "video/x-raw,format=GRAY16_LE,width=1,height=1", flat);
    gst_buffer_unref (out);
    g_free (ic);
  }

  for (gint wide = 0; wide < 2; wide++)
    for (gint cubic = 0; cubic < 2; cubic++)
      for (gint out_w = 1; out_w <= 7; out_w += 3) {
        const gint in_w = 32767;
        const gchar *fmt = wide ? "GRAY16_LE" : "GRAY8";
        gchar *ic = g_strdup_printf (
            "video/x-raw,format=%s,width=%d,height=1,framerate=30/1", fmt,
            in_w);
        gchar *oc = g_strdup_printf ("video/x-raw,width=%d,height=1", out_w);
        const gchar *const props[] = { "antialias", "true", "method",
          cubic ? "bicubic" : "bilinear", NULL };
        guint16 *v = g_new (guint16, in_w);
        guint8 *bytes = g_malloc ((gsize) in_w * 2);
        GstBuffer *out;

        /* random samples on a slope: a mean far from half the range */
        for (gint x = 0; x < in_w; x++) {
          v[x] = (guint16) ((xorshift32 (&seed) >> 16) % (wide ? 20000 : 80)
              + (guint) x * (wide ? 40000 : 170) / in_w);
          if (wide)
            memcpy (bytes + 2 * x, &v[x], 2);
          else
            bytes[x] = (guint8) v[x];
        }
        out = scale_one (
            ic, oc, props, row_buffer (ic, bytes, (gsize) in_w * (wide + 1)));
        g_free (bytes);
        for (gint i = 0; i < out_w; i++) {
          double want = aa_reference (v, in_w, out_w, i, cubic);
          guint got = sample_at (out, i, wide);
          fail_unless (fabs (got - want) < 1.0,
              "%s %d -> %d %s: sample %d is %u, float %.4f", fmt, in_w, out_w,
              cubic ? "bicubic" : "bilinear", i, got, want);
        }
        gst_buffer_unref (out);
        g_free (v);
        g_free (ic);
        g_free (oc);
      }
}

GST_END_TEST;

/* ---------- 7: a scale factor changed between fixation and frame */

typedef struct
{
  GstElement *element;
  const gchar *value;
  gint fired;
} Changer;

/* the new output caps are on the source pad: negotiation has fixated the
 * size with the old scale factor, the frame has not been made yet */
static void
change_on_caps (GObject *pad, GParamSpec *ps, Changer *c)
{
  if (c->fired++ == 0)
    gst_util_set_object_arg (G_OBJECT (c->element), "scale-factor-x", c->value);
}

/* With the output size left free, a live scale factor change used to
 * reach a frame whose size the previous factor had chosen: mixed frames
 * (34 of 53197 in a storm). Each frame is one configuration's frame: the
 * one that chose its size; the next frame takes the new one. */
GST_START_TEST (test_scale_change_after_fixation)
{
  const gchar *ic = "video/x-raw,format=RGBA,width=64,height=48,"
                    "framerate=30/1";
  const gchar *free_caps = "video/x-raw,format=RGBA";
  const gchar *const p0625[] = { "scale-factor-x", "0.625", NULL };
  const gchar *const p075[] = { "scale-factor-x", "0.75", NULL };
  GstHarness *h;
  GstBuffer *in, *out, *want;
  Changer c = { NULL, "0.75", 0 };
  GstPad *src;
  guint32 seed = 5;
  GstMapInfo map;

  in = gst_buffer_new_allocate (NULL, 64 * 48 * 4, NULL);
  gst_buffer_map (in, &map, GST_MAP_WRITE);
  for (gsize i = 0; i < map.size; i++)
    map.data[i] = xorshift32 (&seed) >> 24;
  gst_buffer_unmap (in, &map);
  GST_BUFFER_PTS (in) = 0;

  h = gst_harness_new ("alignscale");
  gst_util_set_object_arg (G_OBJECT (h->element), "scale-factor-x", "0.5");
  gst_harness_set_sink_caps_str (h, free_caps);
  gst_harness_set_src_caps_str (h, ic);
  out = gst_harness_push_and_pull (h, gst_buffer_ref (in));
  fail_unless_equals_int (gst_buffer_get_size (out), 32 * 48 * 4);
  gst_buffer_unref (out);

  /* 0.625 renegotiates 40 wide; 0.75 is set as soon as those caps are on
   * the source pad, before the frame is made */
  c.element = h->element;
  src = gst_element_get_static_pad (h->element, "src");
  g_signal_connect (src, "notify::caps", G_CALLBACK (change_on_caps), &c);
  gst_util_set_object_arg (G_OBJECT (h->element), "scale-factor-x", "0.625");
  out = gst_harness_push_and_pull (h, gst_buffer_ref (in));
  fail_unless_equals_int (c.fired, 1);
  fail_unless_equals_int (gst_buffer_get_size (out), 40 * 48 * 4);
  want = scale_one (ic, free_caps, p0625, gst_buffer_ref (in));
  fail_unless (
      visible_equal (out, want, "video/x-raw,format=RGBA,width=40,height=48"),
      "a 40-wide frame not made with scale-factor-x 0.625");
  gst_buffer_unref (out);
  gst_buffer_unref (want);

  /* then the new factor, at its own size */
  out = gst_harness_push_and_pull (h, gst_buffer_ref (in));
  fail_unless_equals_int (gst_buffer_get_size (out), 48 * 48 * 4);
  want = scale_one (ic, free_caps, p075, gst_buffer_ref (in));
  fail_unless (
      visible_equal (out, want, "video/x-raw,format=RGBA,width=48,height=48"));
  gst_buffer_unref (out);
  gst_buffer_unref (want);

  gst_object_unref (src);
  gst_buffer_unref (in);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* --------------- 8: antialias stretch from the scale, not the slope */

/* pytorch-half-pixel maps an output of one sample to x = 0 whatever the
 * input: the slope is 0, but the kernel must still stretch by in / out.
 * ONNX Runtime (Resize-18, linear, pytorch_half_pixel, antialias=1) gives
 * 99.286 for this row (issue 10); the triangle of half-width 7 around 0
 * gives 2780 / 28. */
GST_START_TEST (test_aa_single_output)
{
  const guint8 row[7] = { 0, 100, 200, 50, 150, 250, 30 };
  const guint16 row16[7] = { 0, 10000, 20000, 5000, 15000, 25000, 3000 };
  const gchar *const props[] = { "coordinate-mode", "pytorch-half-pixel",
    "antialias", "true", NULL };
  GstBuffer *out;

  out = scale_one ("video/x-raw,format=GRAY8,width=7,height=1,framerate=30/1",
      "video/x-raw,width=1,height=1", props,
      row_buffer ("video/x-raw,format=GRAY8,width=7,height=1", row, 7));
  fail_unless_equals_int (sample_at (out, 0, FALSE), 99);
  gst_buffer_unref (out);

  out = scale_one (
      "video/x-raw,format=GRAY16_LE,width=7,height=1,framerate=30/1",
      "video/x-raw,width=1,height=1", props,
      row_buffer ("video/x-raw,format=GRAY16_LE,width=7,height=1", row16, 14));
  fail_unless_equals_int (sample_at (out, 0, TRUE), 9929); /* 9928.57 */
  gst_buffer_unref (out);
}

GST_END_TEST;

/* tf-crop-and-resize stretches antialias by in / out as the ONNX
 * reference does (its scale is output / input whatever the roi), not by
 * the roi's slope: a half-picture roi, 16 -> 4, stretch 4 rather than
 * 2.5 (the window itself is truncated at the picture as PyTorch's, docs) */
GST_START_TEST (test_aa_crop_stretch)
{
  const gchar *const props[] = { "coordinate-mode", "tf-crop-and-resize", "roi",
    "<0.25, 0, 0.75, 1>", "antialias", "true", NULL };
  guint16 v[16];
  GstBuffer *in = gst_buffer_new_allocate (NULL, 32, NULL), *out;

  for (int j = 0; j < 16; j++)
    v[j] = (guint16) (j * j * 200 + (j & 1) * 3000);
  gst_buffer_fill (in, 0, v, 32);
  out = scale_one (
      "video/x-raw,format=GRAY16_LE,width=16,height=1,framerate=30/1",
      "video/x-raw,width=4,height=1", props, in);
  for (int i = 0; i < 4; i++) {
    /* x = 0.25 * 15 + i * 0.5 * 15 / 3, window of half-width 4 (§3.1) */
    double x = 3.75 + 2.5 * i, c = x + 0.5, fs = 4.0, total = 0, acc = 0;
    int lo = MAX ((int) (c - fs + 0.5), 0), hi = MIN ((int) (c + fs + 0.5), 16);
    for (int j = lo; j < hi; j++) {
      double w = MAX (0.0, 1.0 - fabs ((j - c + 0.5) / fs));
      total += w;
      acc += w * v[j];
    }
    fail_unless (fabs (sample_at (out, i, TRUE) - acc / total) < 1.0,
        "sample %d: %u, want %.3f", i, sample_at (out, i, TRUE), acc / total);
  }
  gst_buffer_unref (out);
}

GST_END_TEST;

/* ------------------------- 9: a roi end exactly on the picture edge */

/* roi <0.125, 0, 1, 1>: the last output sample maps to 3 exactly, inside
 * the picture, though a * i + b evaluates to 3.0000000000000004. The ONNX
 * reference and ONNX Runtime give 40 (issue 10), not the extrapolation
 * value. */
GST_START_TEST (test_crop_roi_on_edge)
{
  const guint8 row[4] = { 10, 20, 30, 40 };
  guint8 row11[11];
  const gchar *const props[] = { "coordinate-mode", "tf-crop-and-resize", "roi",
    "<0.125, 0, 1, 1>", NULL };
  /* x(11) = 0.75 * 10 * 11 / 11 = 7.5 exactly (7.499999999999999 in
   * a * i + b): round-prefer-ceil picks 8, floor (x + 0.5) of the ONNX
   * reference's own arithmetic */
  const gchar *const nprops[] = { "coordinate-mode", "tf-crop-and-resize",
    "roi", "<0, 0, 0.75, 1>", "method", "nearest", "nearest-mode",
    "round-prefer-ceil", NULL };
  GstBuffer *out;

  out = scale_one ("video/x-raw,format=GRAY8,width=4,height=1,framerate=30/1",
      "video/x-raw,width=20,height=1", props,
      row_buffer ("video/x-raw,format=GRAY8,width=4,height=1", row, 4));
  fail_unless_equals_int (sample_at (out, 19, FALSE), 40);
  fail_unless_equals_int (sample_at (out, 0, FALSE), 14); /* 13.75 */
  gst_buffer_unref (out);

  for (int k = 0; k < 11; k++)
    row11[k] = 10 * k + 5;
  out = scale_one ("video/x-raw,format=GRAY8,width=11,height=1,framerate=30/1",
      "video/x-raw,width=12,height=1", nprops,
      row_buffer ("video/x-raw,format=GRAY8,width=11,height=1", row11, 11));
  fail_unless_equals_int (sample_at (out, 11, FALSE), 85);
  /* x(1) = 75 / 110 = 0.68...: 1 */
  fail_unless_equals_int (sample_at (out, 1, FALSE), 15);
  gst_buffer_unref (out);
}

GST_END_TEST;

/* ------------------------------ 10: a segment that is not in time */

/* appsrc's default segment is in bytes; the element converted timestamps
 * as time anyway (a GStreamer-CRITICAL per frame, fatal here as under
 * G_DEBUG=fatal-criticals) */
GST_START_TEST (test_bytes_segment)
{
  const gchar *caps = "video/x-raw,format=GRAY8,width=8,height=8,"
                      "framerate=30/1";
  const guint16 v[1] = { 77 };
  GstHarness *h = harness_with (caps, "video/x-raw,width=4,height=4", NULL);
  GstSegment seg;
  GstBuffer *out;

  gst_segment_init (&seg, GST_FORMAT_BYTES);
  fail_unless (gst_harness_push_event (h, gst_event_new_segment (&seg)));
  for (int i = 0; i < 3; i++) {
    GstBuffer *in = flat_buffer (caps, v);
    GST_BUFFER_PTS (in) = i * GST_SECOND / 30;
    out = gst_harness_push_and_pull (h, in);
    check_flat (out, "video/x-raw,format=GRAY8,width=4,height=4", v);
    gst_buffer_unref (out);
  }
  gst_harness_teardown (h);
}

GST_END_TEST;

/* ------------------------------------ 11, 12: what the user sees */

static guint
count_messages (GstBus *bus, GstMessageType type, const gchar *needle)
{
  GstMessage *m;
  guint n = 0;

  while ((m = gst_bus_pop_filtered (bus, type))) {
    GError *err = NULL;
    gchar *dbg = NULL;
    if (type == GST_MESSAGE_ERROR)
      gst_message_parse_error (m, &err, &dbg);
    else
      gst_message_parse_warning (m, &err, &dbg);
    if (!needle || (dbg && strstr (dbg, needle))
        || (err && strstr (err->message, needle)))
      n++;
    g_clear_error (&err);
    g_free (dbg);
    gst_message_unref (m);
  }
  return n;
}

/* a refused negotiation posts its reason: no GST_DEBUG needed */
GST_START_TEST (test_interlaced_says_why)
{
  const gchar *caps = "video/x-raw,format=I420,width=64,height=48,"
                      "framerate=30/1,interlace-mode=interleaved";
  const guint16 v[3] = { 1, 2, 3 };
  GstHarness *h = gst_harness_new ("alignscale");
  GstBus *bus = gst_bus_new ();

  gst_element_set_bus (h->element, bus);
  gst_harness_set_sink_caps_str (h, "video/x-raw,width=32,height=24");
  gst_harness_set_src_caps_str (h, caps);
  fail_unless_equals_int (
      gst_harness_push (h, flat_buffer (caps, v)), GST_FLOW_NOT_NEGOTIATED);
  fail_unless (count_messages (bus, GST_MESSAGE_ERROR, "deinterlace") >= 1);
  gst_element_set_bus (h->element, NULL);
  gst_object_unref (bus);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* a scale factor of 1e-9 on a fixed output size makes every output sample
 * average the whole picture: allowed, but it warns, once */
GST_START_TEST (test_costly_config_warns_once)
{
  const gchar *caps = "video/x-raw,format=GRAY8,width=320,height=240,"
                      "framerate=30/1";
  const gchar *const props[] = { "antialias", "true", "scale-factor-x", "1e-9",
    "scale-factor-y", "1e-9", NULL };
  const guint16 v[1] = { 123 };
  GstHarness *h = harness_with (
      caps, "video/x-raw,width=160,height=120", props);
  GstBus *bus = gst_bus_new ();

  gst_element_set_bus (h->element, bus);
  for (int i = 0; i < 3; i++) {
    GstBuffer *out = gst_harness_push_and_pull (h, flat_buffer (caps, v));
    check_flat (out, "video/x-raw,format=GRAY8,width=160,height=120", v);
    gst_buffer_unref (out);
    /* a rebuild (another absurd setting) does not warn again */
    g_object_set (h->element, "method", i == 1 ? 2 : 1, NULL);
  }
  fail_unless_equals_int (
      count_messages (bus, GST_MESSAGE_WARNING, "multiply-adds"), 1);
  gst_element_set_bus (h->element, NULL);
  gst_object_unref (bus);
  gst_harness_teardown (h);

  /* a plain resize does not warn */
  h = harness_with (caps, "video/x-raw,width=33,height=17", NULL);
  bus = gst_bus_new ();
  gst_element_set_bus (h->element, bus);
  gst_buffer_unref (gst_harness_push_and_pull (h, flat_buffer (caps, v)));
  fail_unless_equals_int (count_messages (bus, GST_MESSAGE_WARNING, NULL), 0);
  gst_element_set_bus (h->element, NULL);
  gst_object_unref (bus);
  gst_harness_teardown (h);
}

GST_END_TEST;

/* a scale factor of 100 with a free output size negotiates 32767x32767
 * RGBA frames of 4 GiB: allowed, with a warning (nothing is pushed) */
GST_START_TEST (test_huge_frames_warn)
{
  GstHarness *h = gst_harness_new ("alignscale");
  GstBus *bus = gst_bus_new ();

  gst_element_set_bus (h->element, bus);
  g_object_set (
      h->element, "scale-factor-x", 100.0, "scale-factor-y", 100.0, NULL);
  gst_harness_set_sink_caps_str (h, "video/x-raw,format=RGBA");
  gst_harness_set_src_caps_str (
      h, "video/x-raw,format=RGBA,width=640,height=480,framerate=30/1");
  fail_unless_equals_int (
      count_messages (bus, GST_MESSAGE_WARNING, "32767x32767 RGBA"), 1);
  gst_element_set_bus (h->element, NULL);
  gst_object_unref (bus);
  gst_harness_teardown (h);
}

GST_END_TEST;

static Suite *
alignscale_hostile_suite (void)
{
  Suite *s = suite_create ("alignscale_hostile");
  TCase *tc = tcase_create ("general");

  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_tiny_scale_factor);
  tcase_add_test (tc, test_multi_memory);
  tcase_add_test (tc, test_wrapping_layout);
  tcase_add_test (tc, test_passthrough_checks_buffer);
  tcase_add_test (tc, test_misaligned_16bit);
  tcase_add_test (tc, test_aa_window_past_picture);
  tcase_add_test (tc, test_aa_many_taps);
  tcase_add_test (tc, test_scale_change_after_fixation);
  tcase_add_test (tc, test_aa_single_output);
  tcase_add_test (tc, test_aa_crop_stretch);
  tcase_add_test (tc, test_crop_roi_on_edge);
  tcase_add_test (tc, test_bytes_segment);
  tcase_add_test (tc, test_interlaced_says_why);
  tcase_add_test (tc, test_costly_config_warns_once);
  tcase_add_test (tc, test_huge_frames_warn);
  return s;
}

GST_CHECK_MAIN (alignscale_hostile);
