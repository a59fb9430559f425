/* letterbox presets against the training code's whole frames
 * (tests/check/golden/golden-letterbox.bin, made by
 * gen_golden_letterbox.py with the real cv2 and PIL): ultralytics and
 * mmdet with integer-model=opencv are cv2.copyMakeBorder (cv2.resize ())
 * built the preset's way, pillow with integer-model=pillow is
 * ImageOps.pad; every byte must be the library's. And the way-back meta
 * names the preset's placement.
 * Every preset on the geometry vectors (letterbox-vectors.bin, made by
 * gen_letterbox.py from the libraries' formulas and the real Pillow and
 * videoscale): the picture where the library puts it, the plain resize of
 * the source inside, the pad around, the library's refusals filled.
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
  info_from_string (&ii, ic);
  info_from_string (&oi, oc);

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
  gsize len = 0, pos;
  gchar *data = golden_file (
      "ALIGNSCALE_GOLDEN_LETTERBOX", "ASLBOX01", 12, &len);
  guint32 n_cases;
  guint64 count[8][3], all_bad = 0;

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

/* ---- every preset on the geometry vectors (gen_letterbox.py) ---- */

static const gchar *const lb_nick[] = { "none", "ultralytics", "mmdet",
  "deepstream", "deepstream-symmetric", "tf", "pillow", "add-borders" };

/* formats and method properties the cases rotate through */
static const gchar *const vec_formats[] = { "RGB", "GRAY8", "I420", "NV12",
  "BGRx", "GRAY16_LE", "AYUV", "Y42B" };
static const gchar *const vec_methods[][6] = {
  { "method", "bilinear", "integer-model", "exact", "antialias", "false" },
  { "method", "bicubic", "integer-model", "exact", "antialias", "true" },
  { "method", "nearest", "integer-model", "exact", "antialias", "false" },
  { "method", "bilinear", "integer-model", "opencv", "antialias", "false" },
  { "method", "area", "integer-model", "opencv", "antialias", "false" },
  { "method", "bicubic", "integer-model", "pillow", "antialias", "false" },
};

/* the libraries' default pad on RGB and GRAY (ultralytics' 114, the
 * others black) */
static guint
lib_pad (guint p)
{
  return p == 1 ? 114 : 0;
}

#define VEC_CASES 150 /* placed pictures per preset */
#define VEC_REFUSED 4 /* refused placements per preset */
#define VEC_MAX_AREA (400 * 400)

typedef struct
{
  guint placed, refused;
  guint64 inside, pad; /* samples compared */
} VecCount;

/* one vector through the element with preset p: the meta names the
 * formula's picture (or the whole output when the library refuses, with a
 * warning), the picture is the plain resize of the source to its size,
 * every other sample the pad */
static void
vec_case (guint p, gint w, gint h, gint W, gint H, const gint par[4],
    const gint16 rect[4], guint k, VecCount *count)
{
  const gchar *fmt = vec_formats[k % G_N_ELEMENTS (vec_formats)];
  const gchar *const *m = vec_methods[k % G_N_ELEMENTS (vec_methods)];
  GstVideoFormat vf = gst_video_format_from_string (fmt);
  const GstVideoFormatInfo *fi = gst_video_format_get_info (vf);
  gboolean yuv = GST_VIDEO_FORMAT_INFO_IS_YUV (fi);
  gboolean refused = rect[2] < 0;
  /* DeepStream resizes its source rounded down to even sizes */
  gboolean ds = g_str_has_prefix (lb_nick[p], "deepstream");
  gint sw = ds ? w & ~1 : w, sh = ds ? h & ~1 : h;
  gint px, py, pw, ph, sx, sy, sww, shh;
  gchar *ic = g_strdup_printf ("video/x-raw,format=%s,width=%d,height=%d,"
                               "pixel-aspect-ratio=%d/%d,framerate=30/1",
      fmt, w, h, par[0], par[1]);
  gchar *oc = g_strdup_printf ("video/x-raw,format=%s,width=%d,height=%d,"
                               "pixel-aspect-ratio=%d/%d",
      fmt, W, H, par[2], par[3]);
  gchar *pc, *crop = g_strdup_printf ("<0, 0, %d, %d>", sw, sh);
  const gchar *props[16];
  GstHarness *hn;
  GstBus *bus = gst_bus_new ();
  GstBuffer *in, *got, *plain;
  GstCustomMeta *meta;
  GstStructure *st;
  GstVideoInfo oi, pi;
  GstVideoFrame fo, fp;
  GstMessage *msg;
  guint want[4], warnings = 0;
  gchar *what;

  memcpy (props, m, 6 * sizeof (gchar *));
  props[6] = "letterbox";
  props[7] = lb_nick[p];
  props[8] = yuv ? "pad-value" : NULL;
  props[9] = "<40, 90, 200>";
  props[10] = NULL;
  in = random_buffer (ic, 1000 + k);
  hn = gst_harness_new ("alignscale");
  gst_element_set_bus (hn->element, bus);
  for (guint i = 0; props[i]; i += 2)
    gst_util_set_object_arg (G_OBJECT (hn->element), props[i], props[i + 1]);
  gst_harness_set_sink_caps_str (hn, oc);
  gst_harness_set_src_caps_str (hn, ic);
  got = gst_harness_push_and_pull (hn, gst_buffer_ref (in));
  what = g_strdup_printf ("letterbox=%s %s %dx%d (PAR %d/%d) -> %dx%d (PAR"
                          " %d/%d) %s %s",
      lb_nick[p], fmt, w, h, par[0], par[1], W, H, par[2], par[3], m[1], m[3]);
  fail_unless (got != NULL, "%s: no output", what);
  while ((msg = gst_bus_pop_filtered (bus, GST_MESSAGE_WARNING))) {
    GError *err = NULL;

    /* (a library model's fallback warns too) */
    gst_message_parse_warning (msg, &err, NULL);
    warnings += strstr (err->message, "letterbox=") != NULL;
    g_clear_error (&err);
    gst_message_unref (msg);
  }
  gst_element_set_bus (hn->element, NULL);
  gst_object_unref (bus);
  gst_harness_teardown (hn);

  meta = gst_buffer_get_custom_meta (got, "GstAlignScaleGeometryMeta");
  fail_unless (meta != NULL, "%s: no geometry meta", what);
  st = gst_custom_meta_get_structure (meta);
  fail_unless (gst_structure_get (st, "picture-x", G_TYPE_INT, &px, "picture-y",
                   G_TYPE_INT, &py, "picture-width", G_TYPE_INT, &pw,
                   "picture-height", G_TYPE_INT, &ph, "source-x", G_TYPE_INT,
                   &sx, "source-y", G_TYPE_INT, &sy, "source-width", G_TYPE_INT,
                   &sww, "source-height", G_TYPE_INT, &shh, NULL),
      "%s: meta fields", what);
  if (refused) {
    /* the library raises or outputs no picture: the output is filled,
     * with a warning */
    fail_unless (px == 0 && py == 0 && pw == W && ph == H && warnings == 1,
        "%s: refused by the library, got picture <%d,%d,%d,%d> and %u"
        " warnings",
        what, px, py, pw, ph, warnings);
    sw = w;
    sh = h;
    count->refused++;
  } else {
    fail_unless (px == rect[0] && py == rect[1] && pw == rect[2]
            && ph == rect[3] && warnings == 0,
        "%s: picture <%d,%d,%d,%d>, the library's <%d,%d,%d,%d>", what, px, py,
        pw, ph, rect[0], rect[1], rect[2], rect[3]);
    count->placed++;
  }
  fail_unless (sx == 0 && sy == 0 && sww == sw && shh == sh,
      "%s: source <%d,%d,%d,%d>, not <0,0,%d,%d>", what, sx, sy, sww, shh, sw,
      sh);

  /* the plain resize of the source to the picture's size */
  pc = g_strdup_printf ("video/x-raw,format=%s,width=%d,height=%d,"
                        "pixel-aspect-ratio=%d/%d",
      fmt, pw, ph, par[2], par[3]);
  memcpy (props, m, 6 * sizeof (gchar *));
  props[6] = (sw != w || sh != h) ? "crop" : NULL;
  props[7] = crop;
  props[8] = NULL;
  plain = scale_with (ic, pc, in, props);

  for (guint c = 0; c < GST_VIDEO_FORMAT_INFO_N_COMPONENTS (fi); c++)
    /* pad-value's last value repeats (AYUV's alpha too); RGB and GRAY
     * take the preset's, alpha opaque */
    want[c] = yuv ? (c == 0    ? 40
                      : c == 1 ? 90
                               : 200)
        : c == GST_VIDEO_COMP_A
        ? 255
        : lib_pad (p) * (GST_VIDEO_FORMAT_INFO_DEPTH (fi, c) > 8 ? 257 : 1);
  gst_video_info_set_format (&oi, vf, W, H);
  gst_video_info_set_format (&pi, vf, pw, ph);
  fail_unless (gst_video_frame_map (&fo, &oi, got, GST_MAP_READ));
  fail_unless (gst_video_frame_map (&fp, &pi, plain, GST_MAP_READ));
  for (guint c = 0; c < GST_VIDEO_FORMAT_INFO_N_COMPONENTS (fi); c++) {
    gint rw = 1 << GST_VIDEO_FORMAT_INFO_W_SUB (fi, c),
         rv = 1 << GST_VIDEO_FORMAT_INFO_H_SUB (fi, c);
    /* a sample is the picture's when its block meets the picture; on
     * block boundaries it is the plain resize's */
    gint x0 = px / rw, x1 = (px + pw + rw - 1) / rw;
    gint y0 = py / rv, y1 = (py + ph + rv - 1) / rv;
    gboolean same = px % rw == 0 && py % rv == 0;

    for (gint y = 0; y < GST_VIDEO_INFO_COMP_HEIGHT (&oi, c); y++)
      for (gint x = 0; x < GST_VIDEO_INFO_COMP_WIDTH (&oi, c); x++) {
        guint v = read_sample (&fo, c, x, y);
        gboolean inside = x >= x0 && x < x1 && y >= y0 && y < y1;

        if (!inside) {
          if (G_UNLIKELY (v != want[c]))
            fail ("%s: component %u (%d,%d) outside the picture is %u, not"
                  " the pad %u",
                what, c, x, y, v, want[c]);
          count->pad++;
        } else if (same) {
          guint e = read_sample (&fp, c, x - x0, y - y0);
          if (G_UNLIKELY (v != e))
            fail ("%s: component %u (%d,%d) is %u, the plain resize %u", what,
                c, x, y, v, e);
          count->inside++;
        }
      }
  }
  gst_video_frame_unmap (&fo);
  gst_video_frame_unmap (&fp);
  gst_buffer_unref (plain);
  gst_buffer_unref (got);
  gst_buffer_unref (in);
  g_free (what);
  g_free (ic);
  g_free (oc);
  g_free (pc);
  g_free (crop);
}

GST_START_TEST (test_presets_vectors)
{
  gsize len = 0;
  gchar *data = golden_file ("ALIGNSCALE_LETTERBOX", "ASLBOX01", 16, &len);
  const guint8 *q, *end;
  guint n, n_presets, k = 0;
  VecCount count[G_N_ELEMENTS (lb_nick)];

  n = read_le32 ((const guint8 *) data + 8);
  n_presets = read_le32 ((const guint8 *) data + 12);
  fail_unless (n_presets == G_N_ELEMENTS (lb_nick));
  memset (count, 0, sizeof (count));
  q = (const guint8 *) data + 16;
  end = (const guint8 *) data + len;
  for (guint v = 0; v < n; v++) {
    const guint8 *e;
    gint w, h, W, H, par[4];

    fail_unless (q + 32 + n_presets * 24 <= end, "vectors file truncated");
    w = read_le16 (q);
    h = read_le16 (q + 2);
    W = read_le16 (q + 4);
    H = read_le16 (q + 6);
    for (guint i = 0; i < 4; i++)
      par[i] = (gint) read_le32 (q + 8 + 4 * i);
    e = q + 32;
    q += 32 + n_presets * 24;
    /* small frames; pixel aspect ratios GStreamer's caps take as they are */
    if (w * h > VEC_MAX_AREA || W * H > VEC_MAX_AREA || par[0] > 10000
        || par[1] > 10000 || par[2] > 10000 || par[3] > 10000)
      continue;
    for (guint p = 1; p < n_presets; p++) {
      gint16 rect[4];

      for (guint i = 0; i < 4; i++)
        rect[i] = (gint16) read_le16 (e + 24 * p + 2 * i);
      if (rect[2] < 0 ? count[p].refused >= VEC_REFUSED
                      : count[p].placed >= VEC_CASES)
        continue;
      vec_case (p, w, h, W, H, par, rect, k++, &count[p]);
    }
  }
  fail_unless (q == end);
  for (guint p = 1; p < n_presets; p++) {
    g_print (
        "letterbox-frames: %-20s %2u placed %u refused, %7" G_GUINT64_FORMAT
        " picture samples = the plain resize, %7" G_GUINT64_FORMAT
        " pad samples\n",
        lb_nick[p], count[p].placed, count[p].refused, count[p].inside,
        count[p].pad);
    fail_unless (count[p].placed == VEC_CASES, "%s: %u placed vectors",
        lb_nick[p], count[p].placed);
  }
  g_free (data);
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
  tcase_add_test (tc, test_presets_vectors);
  return s;
}

GST_CHECK_MAIN (alignscale_letterbox);
