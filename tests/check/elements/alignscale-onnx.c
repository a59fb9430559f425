/* The official ONNX Resize test vectors (libonnx-testdata 1.12) and the ONNX
 * cases of spec section 11 through the element: every sample within 1 code
 * value, exact-match rate reported per coordinate mode and method.
 * Data: tests/check/onnx/resize-vectors.txt, made by extract_onnx.py (see
 * tests/check/onnx/README.md for the format and the two "expect ort" cases).
 * Samples are GRAY16_LE code values round (v * 1000 + 10000).
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <gst/check/gstcheck.h>
#include <gst/check/gstharness.h>
#include <gst/video/video.h>
#include <math.h>
#include <string.h>

/* official vectors in libonnx-testdata 1.12.0 (test_resize_*) */
#define N_OFFICIAL 23
#define MAX_SHOWN 8

typedef struct
{
  gchar *name, *mode, *ctm, *nearest_mode, *expect;
  gdouble cubic_a, extrapolation;
  gboolean exclude_outside, has_roi, has_scales;
  gdouble roi[8], scales[4]; /* ONNX order: N C H W starts, N C H W ends */
  guint in_w, in_h, out_w, out_h;
  gdouble *in, *out; /* row-major */
} OnnxCase;

static const gchar *ctm_names[] = { "half_pixel", "pytorch_half_pixel",
  "align_corners", "asymmetric", "half_pixel_symmetric", "tf_half_pixel_for_nn",
  "tf_crop_and_resize" };

static const gchar *onnx_methods[] = { "nearest", "linear", "cubic" };
static const gchar *method_nicks[] = { "nearest", "bilinear", "bicubic" };

static const gchar *props[] = { "method", "coordinate-mode", "nearest-mode",
  "cubic-a", "exclude-outside", "scale-factor-x", "scale-factor-y", "roi",
  "extrapolation-value" };

static gint
index_of (const gchar *const *names, guint n, const gchar *s)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (names[i], s) == 0)
      return i;
  return -1;
}

static guint16
code_of (gdouble v)
{
  return (guint16) CLAMP (floor (v * 1000.0 + 10000.0 + 0.5), 0, 65535);
}

/* ONNX attribute value -> element enum nick: '_' becomes '-' */
static gchar *
nick_of (const gchar *onnx)
{
  return g_strdelimit (g_strdup (onnx), "_", '-');
}

static void
case_clear (OnnxCase *c)
{
  g_free (c->name);
  g_free (c->mode);
  g_free (c->ctm);
  g_free (c->nearest_mode);
  g_free (c->expect);
  g_free (c->in);
  g_free (c->out);
  memset (c, 0, sizeof (*c));
}

/* ---------------------------------------------------------------- parser */

typedef struct
{
  gchar **lines;
  guint pos, n;
} Reader;

/* the next line that is neither empty nor a '#' comment, split at spaces */
static gchar **
next_tokens (Reader *r)
{
  while (r->pos < r->n) {
    const gchar *l = r->lines[r->pos++];
    if (l[0] != '\0' && l[0] != '#')
      return g_strsplit (l, " ", -1);
  }
  return NULL;
}

static gdouble
number (const gchar *s, guint line)
{
  gchar *end = NULL;
  gdouble v = g_ascii_strtod (s, &end);

  fail_unless (end != s && *end == '\0', "line %u: bad number '%s'", line, s);
  return v;
}

/* "key v0 v1 ..." with n values, or "key none" (then FALSE) */
static gboolean
key_values (Reader *r, const gchar *key, guint n, gdouble *v)
{
  gchar **t = next_tokens (r);
  gboolean some;

  fail_unless (t != NULL && g_strcmp0 (t[0], key) == 0,
      "line %u: expected '%s'", r->pos, key);
  some = g_strcmp0 (t[1], "none") != 0;
  if (some) {
    fail_unless (g_strv_length (t) == n + 1, "line %u: %s needs %u values",
        r->pos, key, n);
    for (guint i = 0; i < n; i++)
      v[i] = number (t[i + 1], r->pos);
  }
  g_strfreev (t);
  return some;
}

static gchar *
key_string (Reader *r, const gchar *key)
{
  gchar **t = next_tokens (r);
  gchar *s;

  fail_unless (
      t != NULL && g_strcmp0 (t[0], key) == 0 && g_strv_length (t) == 2,
      "line %u: expected '%s VALUE'", r->pos, key);
  s = g_strdup (t[1]);
  g_strfreev (t);
  return s;
}

/* "input H W" / "output H W", then H rows of W values */
static gdouble *
matrix (Reader *r, const gchar *key, guint *w, guint *h)
{
  gdouble hw[2], *m;

  fail_unless (key_values (r, key, 2, hw), "line %u: no %s size", r->pos, key);
  *h = (guint) hw[0];
  *w = (guint) hw[1];
  fail_unless (*w >= 1 && *h >= 1 && *w <= 4096 && *h <= 4096,
      "line %u: bad %s size", r->pos, key);
  m = g_new (gdouble, (gsize) *w * *h);
  for (guint y = 0; y < *h; y++) {
    gchar **t = next_tokens (r);
    fail_unless (t != NULL && g_strv_length (t) == *w,
        "line %u: %s row %u needs %u values", r->pos, key, y, *w);
    for (guint x = 0; x < *w; x++)
      m[y * *w + x] = number (t[x], r->pos);
    g_strfreev (t);
  }
  return m;
}

/* one "case ... end" block; FALSE at the end of the file */
static gboolean
read_case (Reader *r, OnnxCase *c)
{
  gchar **t = next_tokens (r);
  gdouble v, sizes[4];

  memset (c, 0, sizeof (*c));
  if (t == NULL)
    return FALSE;
  fail_unless (g_strcmp0 (t[0], "case") == 0 && g_strv_length (t) == 2,
      "line %u: expected 'case NAME'", r->pos);
  c->name = g_strdup (t[1]);
  g_strfreev (t);

  c->mode = key_string (r, "mode");
  c->ctm = key_string (r, "coordinate_transformation_mode");
  key_values (r, "cubic_coeff_a", 1, &c->cubic_a);
  key_values (r, "exclude_outside", 1, &v);
  c->exclude_outside = v != 0;
  c->nearest_mode = key_string (r, "nearest_mode");
  key_values (r, "extrapolation_value", 1, &c->extrapolation);
  c->has_roi = key_values (r, "roi", 8, c->roi);
  c->has_scales = key_values (r, "scales", 4, c->scales);
  key_values (r, "sizes", 4, sizes);
  c->expect = key_string (r, "expect");
  c->in = matrix (r, "input", &c->in_w, &c->in_h);
  c->out = matrix (r, "output", &c->out_w, &c->out_h);
  t = next_tokens (r);
  fail_unless (t != NULL && g_strcmp0 (t[0], "end") == 0,
      "line %u: case %s: expected 'end'", r->pos, c->name);
  g_strfreev (t);

  fail_unless (index_of (onnx_methods, 3, c->mode) >= 0
          && index_of (ctm_names, G_N_ELEMENTS (ctm_names), c->ctm) >= 0,
      "case %s: unknown mode %s / %s", c->name, c->mode, c->ctm);
  return TRUE;
}

/* ---------------------------------------------------------------- runner */

typedef struct
{
  guint cases, passed;
  guint64 samples, exact;
} Tally;

static void
set_roi (GstElement *e, const gdouble roi[4])
{
  GValue arr = G_VALUE_INIT;

  g_value_init (&arr, GST_TYPE_ARRAY);
  for (guint i = 0; i < 4; i++) {
    GValue d = G_VALUE_INIT;
    g_value_init (&d, G_TYPE_DOUBLE);
    g_value_set_double (&d, roi[i]);
    gst_value_array_append_value (&arr, &d);
    g_value_unset (&d);
  }
  g_object_set_property (G_OBJECT (e), "roi", &arr);
  g_value_unset (&arr);
}

static void
configure (GstElement *e, const OnnxCase *c)
{
  gchar *ctm = nick_of (c->ctm), *nm = nick_of (c->nearest_mode);
  /* ONNX roi W start, H start, W end, H end */
  gdouble roi[4] = { 0, 0, 1, 1 };

  if (c->has_roi) {
    roi[0] = c->roi[3];
    roi[1] = c->roi[2];
    roi[2] = c->roi[7];
    roi[3] = c->roi[6];
  }
  gst_util_set_object_arg (G_OBJECT (e), "method",
      method_nicks[index_of (onnx_methods, 3, c->mode)]);
  gst_util_set_object_arg (G_OBJECT (e), "coordinate-mode", ctm);
  gst_util_set_object_arg (G_OBJECT (e), "nearest-mode", nm);
  g_object_set (e, "cubic-a", c->cubic_a, "exclude-outside", c->exclude_outside,
      "scale-factor-x", c->has_scales ? c->scales[3] : 0.0, "scale-factor-y",
      c->has_scales ? c->scales[2] : 0.0, "extrapolation-value",
      (c->extrapolation * 1000.0 + 10000.0) / 65535.0, NULL);
  set_roi (e, roi);
  g_free (ctm);
  g_free (nm);
}

static GstBuffer *
make_input (const GstVideoInfo *info, const OnnxCase *c)
{
  GstBuffer *buf = gst_buffer_new_allocate (NULL, info->size, NULL);
  GstVideoFrame f;

  gst_buffer_memset (buf, 0, 0, info->size);
  fail_unless (gst_video_frame_map (&f, info, buf, GST_MAP_WRITE));
  for (guint y = 0; y < c->in_h; y++) {
    guint8 *row = (guint8 *) GST_VIDEO_FRAME_PLANE_DATA (&f, 0)
        + (gsize) y * GST_VIDEO_FRAME_PLANE_STRIDE (&f, 0);
    for (guint x = 0; x < c->in_w; x++)
      GST_WRITE_UINT16_LE (row + 2 * x, code_of (c->in[y * c->in_w + x]));
  }
  gst_video_frame_unmap (&f);
  GST_BUFFER_PTS (buf) = 0;
  GST_BUFFER_DURATION (buf) = GST_SECOND / 30;
  return buf;
}

/* TRUE when every sample is within 1 code value */
static gboolean
run_case (const OnnxCase *c, Tally *t)
{
  gchar *ic = g_strdup_printf (
      "video/x-raw,format=GRAY16_LE,width=%u,"
      "height=%u,framerate=30/1,pixel-aspect-ratio=1/1",
      c->in_w, c->in_h);
  gchar *oc = g_strdup_printf ("video/x-raw,format=GRAY16_LE,width=%u,"
                               "height=%u,pixel-aspect-ratio=1/1",
      c->out_w, c->out_h);
  GstCaps *caps = gst_caps_from_string (ic);
  GstVideoInfo in_info, out_info;
  GstHarness *h;
  GstBuffer *out = NULL;
  GstFlowReturn flow;
  GstVideoFrame f;
  guint shown = 0, exact = 0, n = c->out_w * c->out_h;
  gint max_d = 0;

  fail_unless (gst_video_info_from_caps (&in_info, caps));
  gst_caps_unref (caps);

  h = gst_harness_new ("alignscale");
  configure (h->element, c);
  gst_harness_set_sink_caps_str (h, oc);
  gst_harness_set_src_caps_str (h, ic);
  flow = gst_harness_push (h, make_input (&in_info, c));
  if (flow == GST_FLOW_OK)
    out = gst_harness_pull (h);
  t->cases++;
  t->samples += n;
  if (out == NULL) {
    g_printerr ("onnx: FAIL %s: %s -> %s: flow %s, no buffer\n", c->name, ic,
        oc, gst_flow_get_name (flow));
    max_d = G_MAXINT;
    goto done;
  }

  caps = gst_pad_get_current_caps (h->sinkpad);
  fail_unless (gst_video_info_from_caps (&out_info, caps));
  gst_caps_unref (caps);
  fail_unless_equals_int (GST_VIDEO_INFO_WIDTH (&out_info), c->out_w);
  fail_unless_equals_int (GST_VIDEO_INFO_HEIGHT (&out_info), c->out_h);
  fail_unless (gst_video_frame_map (&f, &out_info, out, GST_MAP_READ));
  for (guint y = 0; y < c->out_h; y++) {
    const guint8 *row = (const guint8 *) GST_VIDEO_FRAME_PLANE_DATA (&f, 0)
        + (gsize) y * GST_VIDEO_FRAME_PLANE_STRIDE (&f, 0);
    for (guint x = 0; x < c->out_w; x++) {
      gdouble e = c->out[y * c->out_w + x];
      gint ref = code_of (e), got = GST_READ_UINT16_LE (row + 2 * x);
      gint d = ABS (got - ref);

      exact += d == 0;
      max_d = MAX (max_d, d);
      if (d > 1 && shown++ < MAX_SHOWN)
        g_printerr ("onnx: FAIL %s (expect %s) row %u col %u: expected %.6g "
                    "(code %d), got code %d (%.6g)\n",
            c->name, c->expect, y, x, e, ref, got, (got - 10000) / 1000.0);
    }
  }
  gst_video_frame_unmap (&f);
  t->exact += exact;

done:
  if (max_d <= 1)
    t->passed++;
  if (g_strcmp0 (c->expect, "onnx") != 0 || max_d > 1)
    g_print ("onnx: expect=%s case %s: %s, %u/%u samples exact, max |d| %d "
             "code values\n",
        c->expect, c->name, max_d <= 1 ? "pass" : "FAIL", exact, n,
        out ? max_d : -1);
  if (out)
    gst_buffer_unref (out);
  gst_harness_teardown (h);
  g_free (ic);
  g_free (oc);
  return max_d <= 1;
}

GST_START_TEST (test_onnx_vectors)
{
  const gchar *path = g_getenv ("ALIGNSCALE_ONNX");
  gchar *data = NULL, *missing = NULL;
  Reader r = { NULL, 0, 0 };
  Tally tally[G_N_ELEMENTS (ctm_names)][3],
      all = {
        0,
      };
  guint count = 0, n_cases = 0, n_official = 0;
  GstElement *e;
  gchar **t;
  OnnxCase c;

  fail_unless (path != NULL, "ALIGNSCALE_ONNX is not set");
  fail_unless (
      g_file_get_contents (path, &data, NULL, NULL), "cannot read %s", path);
  r.lines = g_strsplit (data, "\n", -1);
  r.n = g_strv_length (r.lines);
  t = next_tokens (&r);
  fail_unless (t != NULL && g_strcmp0 (t[0], "count") == 0 && t[1] != NULL,
      "%s: no 'count' line", path);
  count = (guint) number (t[1], r.pos);
  g_strfreev (t);

  /* the ONNX attributes the test needs, all at once */
  e = gst_element_factory_make ("alignscale", NULL);
  fail_unless (e != NULL, "no alignscale element");
  for (guint i = 0; i < G_N_ELEMENTS (props); i++)
    if (!g_object_class_find_property (G_OBJECT_GET_CLASS (e), props[i])) {
      gchar *m = g_strconcat (missing ? missing : "", " ", props[i], NULL);
      g_free (missing);
      missing = m;
    }
  gst_object_unref (e);
  fail_unless (missing == NULL, "alignscale lacks properties:%s", missing);

  memset (tally, 0, sizeof (tally));
  while (read_case (&r, &c)) {
    gint m = index_of (onnx_methods, 3, c.mode);
    gint k = index_of (ctm_names, G_N_ELEMENTS (ctm_names), c.ctm);

    n_cases++;
    n_official += g_str_has_prefix (c.name, "test_resize_");
    run_case (&c, &tally[k][m]);
    case_clear (&c);
  }
  fail_unless_equals_int (n_cases, count);
  fail_unless (n_official >= N_OFFICIAL, "only %u official vectors in %s",
      n_official, path);

  g_print ("onnx: %u cases (%u official ONNX vectors), every sample within 1 "
           "code value of round (v * 1000 + 10000)\n",
      n_cases, n_official);
  g_print ("onnx: %-22s %-8s %8s %16s\n", "coordinate mode", "method",
      "vectors", "exact samples");
  for (guint k = 0; k < G_N_ELEMENTS (ctm_names); k++)
    for (guint m = 0; m < 3; m++) {
      Tally *x = &tally[k][m];
      gchar *v, *s;

      if (x->cases == 0)
        continue;
      v = g_strdup_printf ("%u/%u", x->passed, x->cases);
      s = g_strdup_printf (
          "%" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT, x->exact, x->samples);
      g_print (
          "onnx: %-22s %-8s %8s %16s\n", ctm_names[k], onnx_methods[m], v, s);
      g_free (v);
      g_free (s);
      all.cases += x->cases;
      all.passed += x->passed;
      all.samples += x->samples;
      all.exact += x->exact;
    }
  {
    gchar *v = g_strdup_printf ("%u/%u", all.passed, all.cases);
    gchar *s = g_strdup_printf (
        "%" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT, all.exact, all.samples);
    g_print ("onnx: %-22s %-8s %8s %16s (%.2f%% exact)\n", "all", "", v, s,
        100.0 * all.exact / MAX (all.samples, 1));
    g_free (v);
    g_free (s);
  }
  fail_unless (all.passed == all.cases, "%u of %u vectors failed",
      all.cases - all.passed, all.cases);

  g_strfreev (r.lines);
  g_free (data);
}

GST_END_TEST;

static Suite *
alignscale_onnx_suite (void)
{
  Suite *s = suite_create ("alignscale-onnx");
  TCase *tc = tcase_create ("general");

  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_onnx_vectors);
  return s;
}

GST_CHECK_MAIN (alignscale_onnx);
