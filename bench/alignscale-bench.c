/* alignscale benchmark: alignscale against videoscale, OpenCV, libyuv and
 * memcpy, on the same frames, one thread each, plus alignscale and
 * videoscale with n-threads=2
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each scenario's input frame is prepared once (xorshift32 content, laid
 * out per GstVideoInfo) and pushed, by reference, through one GstHarness
 * per element. After a warm-up the elements (and libyuv and a memcpy of the
 * input frame) are timed alternately, frame by frame; each column is the
 * median ms/frame. Three downscale scenarios also get antialias rows
 * (alignscale antialias=true against videoscale's multi-tap methods, OpenCV
 * INTER_AREA and libyuv kFilterBox). alignscale and videoscale also run
 * with n-threads=2 in the same alternation (alignscale only if it has the
 * property), which gives alignscale's 2-thread speed-up measured in the
 * same run. The OpenCV column comes from opencv-bench.py, which regenerates
 * the identical frames (same generator, seed and packing; the MD5 of the
 * samples is compared) and is run with /usr/bin/python3 after the C
 * measurements. The format scenarios (P010_10LE, YUY2) have no OpenCV or
 * libyuv equivalent (n/a) and one target: no slower than videoscale. One
 * table, every line prefixed "bench:".
 *
 * Then the conversion section, a table of its own: NV12 1920x1080 in, RGB
 * 224x224 out, bilinear and bilinear-aa rows, one thread each, four
 * columns timed alternately like the others: alignscale converting and
 * resizing alone, videoconvert ! alignscale, videoconvertscale and
 * videoscale ! videoconvert (the pipelines are bins in one harness). A
 * column whose pipeline does not negotiate (alignscale without the fused
 * conversion) prints n/a, with the reason under the table.
 *
 *   GST_PLUGIN_PATH=build/gst/alignscale build/bench/alignscale-bench \
 *       [--quick] [--scenario SUBSTRING] [--method NAME] [--iterations N]
 *       [--only alignscale,videoscale,...,convert-fused,convert-vcs,...]
 *
 * --only alignscale --iterations N --warmup 0 runs nothing but the
 * one-thread alignscale element for N frames: callgrind.sh counts its
 * instructions that way.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gst/gst.h>
#include <gst/check/gstharness.h>
#include <gst/video/video.h>

#include "common.h" /* xorshift32, shared with the tests */

#ifdef HAVE_LIBYUV
#include <libyuv.h>
#endif

#ifndef OPENCV_BENCH_SCRIPT
#define OPENCV_BENCH_SCRIPT "opencv-bench.py"
#endif
#define DEFAULT_PYTHON "/usr/bin/python3"

#define DEFAULT_ITERATIONS 100
#define DEFAULT_WARMUP 5
#define QUICK_ITERATIONS 3
#define QUICK_WARMUP 1

/* the target: lines of a scenario */
typedef enum
{
  TARGETS_ISSUE,      /* the issue's: vs videoscale, OpenCV and memcpy */
  TARGETS_VIDEOSCALE, /* 1 thr no slower than videoscale's 1 thr */
} Targets;

typedef struct
{
  const gchar *format;
  gint in_w, in_h;
  gint out_w, out_h;
  gboolean aa; /* also the antialias rows */
  Targets targets;
} Scenario;

/* the issue's scenarios, then formats added later (same format in and out,
 * issue 12) whose only target is videoscale's speed; all go to
 * opencv-bench.py on its command line, which skips the formats it has no
 * cv2.resize equivalent for (P010_10LE, YUY2: their OpenCV column is n/a) */
static const Scenario scenarios[] = {
  { "RGBA", 1920, 1080, 1280, 720, TRUE, TARGETS_ISSUE },
  { "RGBA", 1280, 720, 1920, 1080, FALSE, TARGETS_ISSUE },
  { "I420", 1920, 1080, 1280, 720, TRUE, TARGETS_ISSUE },
  { "NV12", 3840, 2160, 1920, 1080, FALSE, TARGETS_ISSUE },
  { "RGB", 1920, 1080, 224, 224, TRUE, TARGETS_ISSUE },
  { "GRAY8", 640, 480, 1920, 1440, FALSE, TARGETS_ISSUE },
  { "GRAY16_LE", 1920, 1080, 1280, 720, FALSE, TARGETS_ISSUE },
  { "P010_10LE", 3840, 2160, 1920, 1080, FALSE, TARGETS_VIDEOSCALE },
  { "YUY2", 1280, 720, 640, 480, FALSE, TARGETS_VIDEOSCALE },
};

#define N_SCENARIOS G_N_ELEMENTS (scenarios)

/* the libyuv filter of a row */
typedef enum
{
  YUV_NONE,     /* libyuv has no such filter: n/a */
  YUV_BILINEAR, /* kFilterBilinear */
  YUV_BOX,      /* kFilterBox, its antialiased downscale */
} YuvFilter;

typedef struct
{
  const gchar *name;       /* row label, also opencv-bench.py's */
  const gchar *alignscale; /* alignscale "method" nick */
  gboolean antialias;      /* alignscale antialias=true (aa scenarios only) */
  const gchar *videoscale; /* videoscale "method" nick */
  YuvFilter libyuv;
} Method;

/* the antialias rows: videoscale's multi-tap methods stretch their kernel
 * when downscaling (bilinear2: triangle, catrom: Keys A=-0.5, the kernel of
 * alignscale's antialiased bicubic); OpenCV runs INTER_AREA for both */
static const Method methods[] = {
  { "bilinear", "bilinear", FALSE, "bilinear", YUV_BILINEAR },
  { "bicubic", "bicubic", FALSE, "4-tap", YUV_NONE },
  { "bilinear-aa", "bilinear", TRUE, "bilinear2", YUV_BOX },
  { "bicubic-aa", "bicubic", TRUE, "catrom", YUV_NONE },
};

#define N_METHODS G_N_ELEMENTS (methods)

/* the measured columns; the table adds the ratios */
typedef enum
{
  COL_ALIGNSCALE,    /* n-threads=1 */
  COL_ALIGNSCALE_2T, /* n-threads=2 (n/a if alignscale has no n-threads) */
  COL_VIDEOSCALE,    /* n-threads=1 */
  COL_VIDEOSCALE_2T, /* n-threads=2 */
  COL_OPENCV,
  COL_LIBYUV,
  COL_MEMCPY,
  N_COLS
} Column;

/* --only's names */
static const gchar *const column_names[N_COLS] = { "alignscale",
  "alignscale-2t", "videoscale", "videoscale-2t", "opencv", "libyuv",
  "memcpy" };

/* the conversion section: YUV in, RGB out (a scenario of its own, not in
 * scenarios[]: its input and output formats differ) */
typedef struct
{
  const gchar *in_format;
  gint in_w, in_h;
  const gchar *out_format;
  gint out_w, out_h;
} ConvScenario;

static const ConvScenario conv_scenarios[] = {
  { "NV12", 1920, 1080, "RGB", 224, 224 },
};

#define N_CONV_SCENARIOS G_N_ELEMENTS (conv_scenarios)

/* a conversion row; videoscale and videoconvertscale run the same method
 * in both rows: their 2-tap bilinear (no antialiasing on downscale) */
typedef struct
{
  const gchar *name;       /* row label, as --method names it */
  const gchar *alignscale; /* alignscale "method" nick */
  gboolean antialias;      /* alignscale antialias=true */
  const gchar *gst;        /* videoscale's, videoconvertscale's "method" */
} ConvMethod;

static const ConvMethod conv_methods[] = {
  { "bilinear", "bilinear", FALSE, "bilinear" },
  { "bilinear-aa", "bilinear", TRUE, "bilinear" },
};

#define N_CONV_METHODS G_N_ELEMENTS (conv_methods)

/* the conversion section's columns, one thread each */
typedef enum
{
  CONV_FUSED, /* alignscale: NV12 in, RGB out */
  CONV_VC_AS, /* videoconvert (to RGB, full size) ! alignscale */
  CONV_VCS,   /* videoconvertscale */
  CONV_VS_VC, /* videoscale (NV12) ! videoconvert (224x224 to RGB) */
  N_CONV_COLS
} ConvColumn;

/* --only's names */
static const gchar *const conv_column_names[N_CONV_COLS] = { "convert-fused",
  "convert-vc-as", "convert-vcs", "convert-vs-vc" };

/* a cell's value when it is not a time */
#define MS_NA (-1.0)      /* not available: printed n/a */
#define MS_SKIPPED (-2.0) /* not run (--only): printed - */

/* ms/frame per column, MS_NA or MS_SKIPPED */
typedef struct
{
  gboolean measured;
  gdouble ms[N_COLS];
} Row;

static Row rows[N_SCENARIOS][N_METHODS];
static gchar *frame_md5[N_SCENARIOS];
/* why opencv-bench.py skipped a scenario (its OpenCV column is n/a) */
static gchar *opencv_skip[N_SCENARIOS];

typedef struct
{
  gboolean measured;
  gdouble ms[N_CONV_COLS];
} ConvRow;

static ConvRow conv_rows[N_CONV_SCENARIOS][N_CONV_METHODS];
/* why a conversion column printed n/a: one line each, no repeats */
static GPtrArray *conv_notes = NULL;

/* options */
static gboolean opt_quick = FALSE;
static gint opt_iterations = 0;
static gint opt_warmup = -1;
static gchar *opt_scenario = NULL;
static gchar *opt_opencv_script = NULL;
static gchar *opt_python = NULL;
static gboolean opt_no_opencv = FALSE;
static gchar *opt_only = NULL;
static gchar *opt_method = NULL;

/* the columns to measure (all but what --only leaves out) */
static gboolean column_on[N_COLS];
static gboolean conv_column_on[N_CONV_COLS];

/* alignscale has the "antialias" property (else its -aa rows are n/a) */
static gboolean have_antialias = FALSE;
/* alignscale, videoscale have the "n-threads" property (else their 2 thr
 * column is n/a) */
static gboolean have_n_threads = FALSE;
static gboolean videoscale_has_n_threads = FALSE;

/* name is in the comma-separated list (NULL: every name is) */
static gboolean
in_list (const gchar *list, const gchar *name)
{
  gchar **v;
  gboolean found = FALSE;
  gint i;

  if (list == NULL)
    return TRUE;
  v = g_strsplit (list, ",", -1);
  for (i = 0; v[i] && !found; i++)
    found = g_str_equal (g_strstrip (v[i]), name);
  g_strfreev (v);
  return found;
}

/* every name of the comma-separated list is one of names[n]; else prints
 * which is not and returns FALSE */
static gboolean
check_list (
    const gchar *option, const gchar *list, const gchar *const *names, guint n)
{
  gchar **v = g_strsplit (list, ",", -1);
  gboolean ok = TRUE;
  guint i, k;

  for (i = 0; v[i]; i++) {
    gboolean known = FALSE;

    g_strstrip (v[i]);
    for (k = 0; k < n && !known; k++)
      known = g_str_equal (v[i], names[k]);
    if (!known) {
      g_printerr ("%s: unknown name '%s'\n", option, v[i]);
      ok = FALSE;
    }
  }
  g_strfreev (v);
  return ok;
}

static gboolean
row_selected (guint si, guint mi)
{
  return (!methods[mi].antialias || scenarios[si].aa)
      && in_list (opt_method, methods[mi].name);
}

/* FNV-1a of the scenario name: the seed of its frame */
static guint32
scenario_seed (const gchar *name)
{
  guint32 h = 2166136261u;
  const guchar *p;

  for (p = (const guchar *) name; *p; p++) {
    h ^= *p;
    h *= 16777619u;
  }
  return h ? h : 1;
}

static gchar *
scenario_name (const Scenario *s)
{
  return g_strdup_printf (
      "%s %dx%d->%dx%d", s->format, s->in_w, s->in_h, s->out_w, s->out_h);
}

static gdouble
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec * 1e-6;
}

static gint
compare_doubles (gconstpointer a, gconstpointer b)
{
  gdouble x = *(const gdouble *) a, y = *(const gdouble *) b;

  return x < y ? -1 : x > y;
}

static gdouble
median (gdouble *v, gint n)
{
  if (n <= 0)
    return -1;
  qsort (v, n, sizeof (gdouble), compare_doubles);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Fills every plane row by row, sample by sample, from one xorshift32
 * stream, leaving stride padding zero. A sample of depth D takes the top D
 * bits of the draw, placed at the format's shift in its byte (D <= 8) or
 * 16-bit word (D > 8, in the format's byte order): 8-bit samples are the
 * top 8 bits, 16-bit the top 16, P010's 10 bits the top 10 with the word's
 * low 6 bits zero: every sample is a value the format can hold. The MD5 of
 * the tightly packed samples goes to md5 (opencv-bench.py prints the same
 * for its frames). */
static GstBuffer *
make_frame (const GstVideoInfo *info, guint32 seed, gchar **md5)
{
  const GstVideoFormatInfo *finfo = info->finfo;
  GstBuffer *buf = gst_buffer_new_allocate (NULL, info->size, NULL);
  GChecksum *sum = g_checksum_new (G_CHECKSUM_MD5);
  GstVideoFrame frame;
  guint p;

  gst_buffer_memset (buf, 0, 0, info->size);
  if (!gst_video_frame_map (&frame, (GstVideoInfo *) info, buf, GST_MAP_WRITE))
    g_error ("cannot map the input frame");
  for (p = 0; p < GST_VIDEO_INFO_N_PLANES (info); p++) {
    gint comps[GST_VIDEO_MAX_COMPONENTS];
    gint c, k, rows_n, row_bytes, y, i;
    guint depth, shift, word;
    guint8 *data = GST_VIDEO_FRAME_PLANE_DATA (&frame, p);
    gint stride = GST_VIDEO_FRAME_PLANE_STRIDE (&frame, p);

    gst_video_format_info_component (finfo, p, comps);
    c = comps[0];
    depth = GST_VIDEO_FORMAT_INFO_DEPTH (finfo, c);
    shift = GST_VIDEO_FORMAT_INFO_SHIFT (finfo, c);
    word = depth > 8 ? 16 : 8;
    /* whole bytes or words, one layout per plane: not the bit-packed
     * (v210, RGB16, r210...) or tiled formats, which the scenarios do not
     * use */
    for (k = 0; k < GST_VIDEO_MAX_COMPONENTS && comps[k] >= 0; k++)
      if (GST_VIDEO_FORMAT_INFO_DEPTH (finfo, comps[k]) != depth
          || GST_VIDEO_FORMAT_INFO_SHIFT (finfo, comps[k]) != shift
          || GST_VIDEO_FORMAT_INFO_PSTRIDE (finfo, comps[k]) <= 0
          || GST_VIDEO_FORMAT_INFO_IS_TILED (finfo) || depth + shift > word)
        g_error ("make_frame: %s is not laid out in whole %u-bit samples",
            GST_VIDEO_FORMAT_INFO_NAME (finfo), word);
    rows_n = GST_VIDEO_INFO_COMP_HEIGHT (info, c);
    row_bytes = GST_VIDEO_INFO_COMP_WIDTH (info, c)
        * GST_VIDEO_INFO_COMP_PSTRIDE (info, c);
    for (y = 0; y < rows_n; y++) {
      guint8 *row = data + (gsize) y * stride;

      if (word == 16) {
        guint16 *row16 = (guint16 *) row;

        for (i = 0; i < row_bytes / 2; i++) {
          guint16 v = (xorshift32 (&seed) >> (32 - depth)) << shift;

          row16[i] = GST_VIDEO_FORMAT_INFO_IS_LE (finfo) ? GUINT16_TO_LE (v)
                                                         : GUINT16_TO_BE (v);
        }
      } else {
        for (i = 0; i < row_bytes; i++)
          row[i] = (xorshift32 (&seed) >> (32 - depth)) << shift;
      }
      g_checksum_update (sum, row, row_bytes);
    }
  }
  gst_video_frame_unmap (&frame);
  *md5 = g_strdup (g_checksum_get_string (sum));
  g_checksum_free (sum);
  return buf;
}

static gchar *
caps_string (const Scenario *s, gboolean input)
{
  const gchar *yuv = "";

  if (!g_str_has_prefix (s->format, "RGB")
      && !g_str_has_prefix (s->format, "GRAY"))
    yuv = ",colorimetry=bt709,chroma-site=mpeg2";
  if (input)
    return g_strdup_printf ("video/x-raw,format=%s,width=%d,height=%d,"
                            "framerate=30/1,pixel-aspect-ratio=1/1%s",
        s->format, s->in_w, s->in_h, yuv);
  return g_strdup_printf ("video/x-raw,format=%s,width=%d,height=%d", s->format,
      s->out_w, s->out_h);
}

/* n_threads goes to the element's "n-threads" property when it has one
 * (videoscale has; alignscale from the revision that added it) */
static GstHarness *
new_harness (const gchar *factory, const Scenario *s, const gchar *method,
    gboolean antialias, guint n_threads)
{
  GstHarness *h = gst_harness_new (factory);
  gchar *in_caps = caps_string (s, TRUE), *out_caps = caps_string (s, FALSE);

  gst_util_set_object_arg (G_OBJECT (h->element), "method", method);
  if (antialias)
    gst_util_set_object_arg (G_OBJECT (h->element), "antialias", "true");
  if (g_object_class_find_property (
          G_OBJECT_GET_CLASS (h->element), "n-threads"))
    g_object_set (h->element, "n-threads", n_threads, NULL);
  if (g_str_equal (factory, "videoscale")) {
    /* the whole output picture scaled (no letterbox) */
    g_object_set (h->element, "add-borders", FALSE, NULL);
  }
  /* downstream caps first, else the src caps event negotiates passthrough */
  gst_harness_set_sink_caps_str (h, out_caps);
  gst_harness_set_src_caps_str (h, in_caps);
  g_free (in_caps);
  g_free (out_caps);
  return h;
}

/* ms for one frame through the element; checks the output size */
static gdouble
push_pull (GstHarness *h, GstBuffer *in, gsize out_size, const gchar *what)
{
  gdouble t0 = now_ms (), t1;
  GstBuffer *out = gst_harness_push_and_pull (h, gst_buffer_ref (in));

  t1 = now_ms ();
  if (out == NULL)
    g_error ("%s produced no output buffer", what);
  if (gst_buffer_get_size (out) < out_size)
    g_error ("%s: output buffer of %" G_GSIZE_FORMAT
             " bytes, expected %" G_GSIZE_FORMAT " (passthrough?)",
        what, gst_buffer_get_size (out), out_size);
  gst_buffer_unref (out);
  return t1 - t0;
}

#ifdef HAVE_LIBYUV
/* libyuv's scaler for this format with this filter; FALSE if it has none */
static gboolean
libyuv_scale (GstVideoFrame *in, GstVideoFrame *out, YuvFilter filter)
{
  gint iw = GST_VIDEO_FRAME_WIDTH (in), ih = GST_VIDEO_FRAME_HEIGHT (in);
  gint ow = GST_VIDEO_FRAME_WIDTH (out), oh = GST_VIDEO_FRAME_HEIGHT (out);
  enum FilterMode mode;

  switch (filter) {
    case YUV_BILINEAR:
      mode = kFilterBilinear;
      break;
    case YUV_BOX:
      mode = kFilterBox;
      break;
    default:
      return FALSE;
  }

#define P(f, i) ((guint8 *) GST_VIDEO_FRAME_PLANE_DATA (f, i))
#define S(f, i) GST_VIDEO_FRAME_PLANE_STRIDE (f, i)
  switch (GST_VIDEO_FRAME_FORMAT (in)) {
    case GST_VIDEO_FORMAT_RGBA:
    case GST_VIDEO_FORMAT_BGRA:
    case GST_VIDEO_FORMAT_ARGB:
    case GST_VIDEO_FORMAT_ABGR:
    case GST_VIDEO_FORMAT_RGBx:
    case GST_VIDEO_FORMAT_BGRx:
    case GST_VIDEO_FORMAT_xRGB:
    case GST_VIDEO_FORMAT_xBGR:
      /* four independent bytes per pixel: the channel order is irrelevant */
      ARGBScale (
          P (in, 0), S (in, 0), iw, ih, P (out, 0), S (out, 0), ow, oh, mode);
      return TRUE;
    case GST_VIDEO_FORMAT_I420:
      I420Scale (P (in, 0), S (in, 0), P (in, 1), S (in, 1), P (in, 2),
          S (in, 2), iw, ih, P (out, 0), S (out, 0), P (out, 1), S (out, 1),
          P (out, 2), S (out, 2), ow, oh, mode);
      return TRUE;
    case GST_VIDEO_FORMAT_NV12:
      NV12Scale (P (in, 0), S (in, 0), P (in, 1), S (in, 1), iw, ih, P (out, 0),
          S (out, 0), P (out, 1), S (out, 1), ow, oh, mode);
      return TRUE;
    case GST_VIDEO_FORMAT_GRAY8:
      ScalePlane (
          P (in, 0), S (in, 0), iw, ih, P (out, 0), S (out, 0), ow, oh, mode);
      return TRUE;
    case GST_VIDEO_FORMAT_GRAY16_LE:
      /* libyuv's 16-bit strides count samples */
      ScalePlane_16 ((const guint16 *) P (in, 0), S (in, 0) / 2, iw, ih,
          (guint16 *) P (out, 0), S (out, 0) / 2, ow, oh, mode);
      return TRUE;
    default:
      /* RGB/BGR: libyuv has no 24-bit scaler; YUY2: no packed 4:2:2
       * scaler; P010_10LE: no P010 scaler (UVScale_16 would do its UV
       * plane, but its header calls it incomplete) */
      return FALSE;
  }
#undef P
#undef S
}
#endif

/* memcpy through a volatile pointer: the copy cannot be optimised away */
static void *(*volatile memcpy_fn) (void *, const void *, size_t) = memcpy;

/* the elements' columns: factory and n-threads */
static const struct
{
  const gchar *factory;
  guint n_threads;
} element_cols[] = {
  [COL_ALIGNSCALE] = { "alignscale", 1 },
  [COL_ALIGNSCALE_2T] = { "alignscale", 2 },
  [COL_VIDEOSCALE] = { "videoscale", 1 },
  [COL_VIDEOSCALE_2T] = { "videoscale", 2 },
};

#define N_ELEMENT_COLS G_N_ELEMENTS (element_cols)

static void
measure (guint si, guint mi, gint iterations, gint warmup)
{
  const Scenario *s = &scenarios[si];
  const Method *m = &methods[mi];
  Row *row = &rows[si][mi];
  GstVideoInfo in_info, out_info;
  GstBuffer *in;
  GstMapInfo in_map;
  GstHarness *h[N_ELEMENT_COLS] = { NULL };
  gdouble *t[N_COLS] = { NULL };
  guint8 *copy = NULL;
  gboolean have_libyuv = FALSE;
  guint c;
  gint i;
#ifdef HAVE_LIBYUV
  GstBuffer *yuv_out;
  GstVideoFrame yuv_in_frame, yuv_out_frame;
#endif

  gst_video_info_set_format (
      &in_info, gst_video_format_from_string (s->format), s->in_w, s->in_h);
  gst_video_info_set_format (
      &out_info, gst_video_format_from_string (s->format), s->out_w, s->out_h);
  {
    gchar *name = scenario_name (s);
    gchar *md5 = NULL;

    in = make_frame (&in_info, scenario_seed (name), &md5);
    g_free (frame_md5[si]);
    frame_md5[si] = md5;
    g_free (name);
  }

  for (c = 0; c < N_ELEMENT_COLS; c++) {
    gboolean alignscale = g_str_equal (element_cols[c].factory, "alignscale");

    if (!column_on[c])
      continue;
    /* without the antialias property the -aa row has no alignscale column,
     * without n-threads no 2-thread alignscale column */
    if (alignscale && m->antialias && !have_antialias)
      continue;
    if (element_cols[c].n_threads != 1
        && !(alignscale ? have_n_threads : videoscale_has_n_threads))
      continue;
    h[c] = new_harness (element_cols[c].factory, s,
        alignscale ? m->alignscale : m->videoscale, alignscale && m->antialias,
        element_cols[c].n_threads);
  }
  gst_buffer_map (in, &in_map, GST_MAP_READ);
  if (column_on[COL_MEMCPY])
    copy = g_malloc (in_map.size);

#ifdef HAVE_LIBYUV
  yuv_out = gst_buffer_new_allocate (NULL, out_info.size, NULL);
  gst_buffer_memset (yuv_out, 0, 0, out_info.size);
  gst_video_frame_map (&yuv_in_frame, &in_info, in, GST_MAP_READ);
  gst_video_frame_map (&yuv_out_frame, &out_info, yuv_out, GST_MAP_WRITE);
  if (column_on[COL_LIBYUV])
    have_libyuv = libyuv_scale (&yuv_in_frame, &yuv_out_frame, m->libyuv);
#endif

  for (c = 0; c < N_COLS; c++)
    t[c] = g_new0 (gdouble, MAX (iterations, 1));
  /* the warm-up (i < 0), then the timed frames, each iteration every
   * column once, in the order of the table */
  for (i = -warmup; i < iterations; i++) {
    gdouble ms[N_COLS] = { 0 };
    gdouble t0;

    for (c = 0; c < N_ELEMENT_COLS; c++)
      if (h[c])
        ms[c] = push_pull (h[c], in, out_info.size, column_names[c]);
#ifdef HAVE_LIBYUV
    if (have_libyuv) {
      t0 = now_ms ();
      libyuv_scale (&yuv_in_frame, &yuv_out_frame, m->libyuv);
      ms[COL_LIBYUV] = now_ms () - t0;
    }
#endif
    if (copy) {
      t0 = now_ms ();
      memcpy_fn (copy, in_map.data, in_map.size);
      ms[COL_MEMCPY] = now_ms () - t0;
    }
    if (i >= 0)
      for (c = 0; c < N_COLS; c++)
        t[c][i] = ms[c];
  }

  row->measured = TRUE;
  for (c = 0; c < N_COLS; c++) {
    gboolean ran = FALSE; /* OpenCV's comes later */

    if (c < N_ELEMENT_COLS)
      ran = h[c] != NULL;
    else if (c == COL_LIBYUV)
      ran = have_libyuv;
    else if (c == COL_MEMCPY)
      ran = copy != NULL;
    if (!column_on[c])
      row->ms[c] = MS_SKIPPED;
    else if (ran)
      row->ms[c] = median (t[c], iterations);
    else
      row->ms[c] = MS_NA;
    g_free (t[c]);
  }

#ifdef HAVE_LIBYUV
  gst_video_frame_unmap (&yuv_out_frame);
  gst_video_frame_unmap (&yuv_in_frame);
  gst_buffer_unref (yuv_out);
#endif
  g_free (copy);
  gst_buffer_unmap (in, &in_map);
  for (c = 0; c < N_ELEMENT_COLS; c++)
    if (h[c])
      gst_harness_teardown (h[c]);
  gst_buffer_unref (in);
}

static gboolean
scenario_selected (guint si)
{
  gchar *name;
  gboolean sel = FALSE;
  guint mi;

  /* at least one of its rows (--method) */
  for (mi = 0; mi < N_METHODS && !sel; mi++)
    sel = row_selected (si, mi);
  if (!sel || opt_scenario == NULL)
    return sel;
  name = scenario_name (&scenarios[si]);
  sel = strstr (name, opt_scenario) != NULL;
  g_free (name);
  return sel;
}

/* Runs opencv-bench.py on the selected scenarios (FORMAT:WxH:WxH:ROW,ROW,
 * the row names to time) and merges its lines:
 *   frame<TAB>scenario<TAB>md5
 *   opencv<TAB>scenario<TAB>method<TAB>ms
 *   skip<TAB>scenario<TAB>reason   (no cv2.resize equivalent: n/a)
 *   unavailable<TAB>reason
 * Returns a note for the table's footer (NULL: all fine). */
static gchar *
run_opencv (gint iterations, gint warmup)
{
  GPtrArray *argv = g_ptr_array_new_with_free_func (g_free);
  gchar *out = NULL, *err = NULL, **lines, **l;
  gint status = 0;
  GError *error = NULL;
  gchar *note = NULL;
  gboolean mismatch = FALSE;
  guint si, mi, matched = 0, skipped = 0;

  if (!g_file_test (opt_opencv_script, G_FILE_TEST_EXISTS))
    return g_strdup_printf ("%s not found", opt_opencv_script);
  if (!g_file_test (opt_python, G_FILE_TEST_IS_EXECUTABLE))
    return g_strdup_printf ("%s not found", opt_python);

  g_ptr_array_add (argv, g_strdup (opt_python));
  g_ptr_array_add (argv, g_strdup (opt_opencv_script));
  g_ptr_array_add (argv, g_strdup_printf ("--iterations=%d", iterations));
  g_ptr_array_add (argv, g_strdup_printf ("--warmup=%d", warmup));
  for (si = 0; si < N_SCENARIOS; si++) {
    const Scenario *s = &scenarios[si];
    GString *spec;

    if (!scenario_selected (si))
      continue;
    spec = g_string_new (NULL);
    g_string_printf (spec, "%s:%dx%d:%dx%d:", s->format, s->in_w, s->in_h,
        s->out_w, s->out_h);
    for (mi = 0; mi < N_METHODS; mi++)
      if (row_selected (si, mi))
        g_string_append_printf (spec, "%s%s",
            spec->str[spec->len - 1] == ':' ? "" : ",", methods[mi].name);
    g_ptr_array_add (argv, g_string_free (spec, FALSE));
  }
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (gchar **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL,
          NULL, &out, &err, &status, &error)) {
    note = g_strdup_printf ("cannot run %s: %s", opt_python, error->message);
    g_clear_error (&error);
    goto done;
  }

  lines = g_strsplit (out, "\n", -1);
  for (l = lines; *l; l++) {
    gchar **f = g_strsplit (*l, "\t", -1);
    guint n = g_strv_length (f);

    if (n >= 2 && g_str_equal (f[0], "unavailable")) {
      g_free (note);
      note = g_strdup (f[1]);
    }
    for (si = 0; si < N_SCENARIOS && n >= 3; si++) {
      gchar *name = scenario_name (&scenarios[si]);

      if (g_str_equal (name, f[1])) {
        if (g_str_equal (f[0], "skip")) {
          g_free (opencv_skip[si]);
          opencv_skip[si] = g_strdup (f[2]);
          skipped++;
        }
        if (g_str_equal (f[0], "frame") && frame_md5[si]) {
          if (g_str_equal (f[2], frame_md5[si]))
            matched++;
          else
            mismatch = TRUE;
        }
        for (mi = 0; mi < N_METHODS && n >= 4; mi++)
          if (g_str_equal (f[0], "opencv")
              && g_str_equal (f[2], methods[mi].name))
            rows[si][mi].ms[COL_OPENCV] = g_ascii_strtod (f[3], NULL);
      }
      g_free (name);
    }
    g_strfreev (f);
  }
  g_strfreev (lines);

  if (!g_spawn_check_wait_status (status, &error)) {
    g_free (note);
    note = g_strdup_printf ("opencv-bench.py failed (%s): %s", error->message,
        err ? g_strstrip (err) : "");
    g_clear_error (&error);
  } else if (mismatch) {
    g_free (note);
    note = g_strdup ("WARNING: opencv-bench.py generated different frames "
                     "(MD5 mismatch); its column is not comparable");
  } else if (note == NULL && matched == 0 && skipped > 0) {
    note = g_strdup ("no selected scenario has a cv2.resize equivalent");
  } else if (note == NULL) {
    note = g_strdup_printf ("cv2.resize, same frames (MD5 of %u scenario "
                            "inputs equal); INTER_LINEAR, INTER_CUBIC, "
                            "INTER_AREA for both -aa rows",
        matched);
  }

done:
  g_free (out);
  g_free (err);
  g_ptr_array_unref (argv);
  return note;
}

/* "12.345", "n/a" or "-" (not run) */
static gchar *
fmt_ms (gdouble ms)
{
  if (ms == MS_SKIPPED)
    return g_strdup ("-");
  return ms < 0 ? g_strdup ("n/a") : g_strdup_printf ("%.3f", ms);
}

/* num / den, "2.17x", "n/a" or "-" (either not run) */
static gchar *
fmt_ratio (gdouble num, gdouble den)
{
  if (num == MS_SKIPPED || den == MS_SKIPPED)
    return g_strdup ("-");
  return num < 0 || den <= 0 ? g_strdup ("n/a")
                             : g_strdup_printf ("%.2fx", num / den);
}

/* the table's cells after scenario and method, in groups */
#define N_CELLS 12

/* widths of the cells; two spaces between groups, one inside */
static const gint cell_width[N_CELLS] = { 6, 6, 8, 6, 6, 6, 6, 6, 6, 6, 6, 8 };

/* the groups of cells, labelled over them */
static const struct
{
  const gchar *label;
  gint first, last;
} groups[] = {
  { "alignscale", 0, 2 },
  { "videoscale", 3, 5 },
  { "opencv", 6, 7 },
  { "libyuv", 8, 9 },
  { "memcpy", 10, 11 },
};

/* label centred in a rule of dashes of the width of cells first..last
 * (widths: the table's cell widths) */
static gchar *
group_rule (const gchar *label, const gint *widths, gint first, gint last)
{
  gint w = 0, k, len = strlen (label) + 2, left;
  GString *r = g_string_new (NULL);

  for (k = first; k <= last; k++)
    w += widths[k] + (k > first);
  left = (w - len) / 2;
  for (k = 0; k < left; k++)
    g_string_append_c (r, '-');
  g_string_append_printf (r, " %s ", label);
  while ((gint) r->len < w)
    g_string_append_c (r, '-');
  return g_string_free (r, FALSE);
}

static void
print_row (const gchar *scenario, const gchar *method, gchar *c[N_CELLS])
{
  GString *line = g_string_new (NULL);
  guint k, g;

  g_string_printf (line, "bench: %-30s %-11s", scenario, method);
  for (k = 0; k < N_CELLS; k++) {
    const gchar *sep = " ";

    for (g = 0; g < G_N_ELEMENTS (groups); g++)
      if (groups[g].first == (gint) k)
        sep = "  "; /* a new group */
    g_string_append_printf (line, "%s%*s", sep, cell_width[k], c[k]);
  }
  g_print ("%s\n", line->str);
  g_string_free (line, TRUE);
}

static void
print_table (void)
{
  gchar *hdr[N_CELLS] = { "1 thr", "2 thr", "speed-up", "1 thr", "2 thr",
    "ratio", "1 thr", "ratio", "1 thr", "ratio", "1 thr", "ratio" };
  GString *line = g_string_new (NULL);
  guint si, mi, k;

  /* group labels over their cells */
  g_string_printf (line, "bench: %-30s %-11s", "", "");
  for (k = 0; k < G_N_ELEMENTS (groups); k++) {
    gchar *rule = group_rule (
        groups[k].label, cell_width, groups[k].first, groups[k].last);

    g_string_append_printf (line, "  %s", rule);
    g_free (rule);
  }
  g_print ("%s\n", line->str);
  g_string_free (line, TRUE);
  print_row ("scenario", "method", hdr);

  for (si = 0; si < N_SCENARIOS; si++) {
    gchar *name = scenario_name (&scenarios[si]);

    for (mi = 0; mi < N_METHODS; mi++) {
      Row *r = &rows[si][mi];
      gdouble a = r->ms[COL_ALIGNSCALE];
      gchar *c[N_CELLS];

      if (!r->measured)
        continue;
      c[0] = fmt_ms (a);
      c[1] = fmt_ms (r->ms[COL_ALIGNSCALE_2T]);
      c[2] = fmt_ratio (a, r->ms[COL_ALIGNSCALE_2T]);
      c[3] = fmt_ms (r->ms[COL_VIDEOSCALE]);
      c[4] = fmt_ms (r->ms[COL_VIDEOSCALE_2T]);
      c[5] = fmt_ratio (a, r->ms[COL_VIDEOSCALE]);
      c[6] = fmt_ms (r->ms[COL_OPENCV]);
      c[7] = fmt_ratio (a, r->ms[COL_OPENCV]);
      c[8] = fmt_ms (r->ms[COL_LIBYUV]);
      c[9] = fmt_ratio (a, r->ms[COL_LIBYUV]);
      c[10] = fmt_ms (r->ms[COL_MEMCPY]);
      c[11] = fmt_ratio (a, r->ms[COL_MEMCPY]);
      print_row (name, methods[mi].name, c);
      for (k = 0; k < N_CELLS; k++)
        g_free (c[k]);
    }
    g_free (name);
  }
}

/* one target line: ratio alignscale/other against the bound; none if
 * either column was not run */
static void
print_target (const gchar *what, const gchar *scenario, const gchar *method,
    gdouble num, gdouble den, gdouble bound)
{
  const gchar *verdict;

  if (num == MS_SKIPPED || den == MS_SKIPPED)
    return;
  if (num < 0 || den <= 0)
    verdict = "n/a";
  else
    verdict = num / den <= bound ? "met" : "MISSED";
  if (verdict[0] == 'n')
    g_print ("target: %-30s %-11s %-28s n/a\n", scenario, method, what);
  else
    g_print ("target: %-30s %-11s %-28s %6.2fx <= %.2fx %s\n", scenario, method,
        what, num / den, bound, verdict);
}

/* a ratio alignscale/other without a bound (the -aa rows) */
static void
print_report (const gchar *what, const gchar *scenario, const gchar *method,
    gdouble num, gdouble den)
{
  if (num == MS_SKIPPED || den == MS_SKIPPED)
    return;
  if (num < 0 || den <= 0)
    g_print ("target: %-30s %-11s %-28s %7s report only\n", scenario, method,
        what, "n/a");
  else
    g_print ("target: %-30s %-11s %-28s %6.2fx report only\n", scenario, method,
        what, num / den);
}

static void
print_targets (void)
{
  guint si;

  for (si = 0; si < N_SCENARIOS; si++) {
    const Scenario *s = &scenarios[si];
    gchar *name = scenario_name (s);
    gdouble *bl = rows[si][0].ms, *bc = rows[si][1].ms;
    gdouble *bla = rows[si][2].ms, *bca = rows[si][3].ms;
    gboolean eight_bit = !g_str_equal (s->format, "GRAY16_LE");

    if (s->targets == TARGETS_VIDEOSCALE) {
      /* no slower than videoscale, one thread each */
      if (rows[si][0].measured)
        print_target ("vs videoscale bilinear", name, "bilinear",
            bl[COL_ALIGNSCALE], bl[COL_VIDEOSCALE], 1.0);
      if (rows[si][1].measured)
        print_target ("vs videoscale 4-tap", name, "bicubic",
            bc[COL_ALIGNSCALE], bc[COL_VIDEOSCALE], 1.0);
    } else {
      if (rows[si][0].measured) {
        if (eight_bit)
          print_target ("vs videoscale bilinear", name, "bilinear",
              bl[COL_ALIGNSCALE], bl[COL_VIDEOSCALE], 0.35);
        print_target ("vs OpenCV INTER_LINEAR", name, "bilinear",
            bl[COL_ALIGNSCALE], bl[COL_OPENCV], 1.0);
        if (si == 0)
          print_target ("vs memcpy of input frame", name, "bilinear",
              bl[COL_ALIGNSCALE], bl[COL_MEMCPY], 3.0);
      }
      if (rows[si][1].measured) {
        print_target ("vs videoscale 4-tap", name, "bicubic",
            bc[COL_ALIGNSCALE], bc[COL_VIDEOSCALE], 0.5);
        print_target ("vs OpenCV INTER_CUBIC", name, "bicubic",
            bc[COL_ALIGNSCALE], bc[COL_OPENCV], 0.2);
      }
    }
    if (rows[si][2].measured) {
      print_report ("vs videoscale bilinear2", name, "bilinear-aa",
          bla[COL_ALIGNSCALE], bla[COL_VIDEOSCALE]);
      print_report ("vs OpenCV INTER_AREA", name, "bilinear-aa",
          bla[COL_ALIGNSCALE], bla[COL_OPENCV]);
    }
    if (rows[si][3].measured) {
      print_report ("vs videoscale catrom", name, "bicubic-aa",
          bca[COL_ALIGNSCALE], bca[COL_VIDEOSCALE]);
      print_report ("vs OpenCV INTER_AREA", name, "bicubic-aa",
          bca[COL_ALIGNSCALE], bca[COL_OPENCV]);
    }
    g_free (name);
  }
}

/* the conversion section */

static gchar *
conv_scenario_name (const ConvScenario *s)
{
  return g_strdup_printf ("%s %dx%d->%s %dx%d", s->in_format, s->in_w, s->in_h,
      s->out_format, s->out_w, s->out_h);
}

static gboolean
conv_row_selected (guint mi)
{
  return in_list (opt_method, conv_methods[mi].name);
}

/* --scenario matches, one of its rows (--method) and one of its columns
 * (--only) is selected */
static gboolean
conv_scenario_selected (guint ci)
{
  gboolean sel = FALSE;
  gchar *name;
  guint k;

  for (k = 0; k < N_CONV_COLS && !sel; k++)
    sel = conv_column_on[k];
  if (!sel)
    return FALSE;
  sel = FALSE;
  for (k = 0; k < N_CONV_METHODS && !sel; k++)
    sel = conv_row_selected (k);
  if (!sel || opt_scenario == NULL)
    return sel;
  name = conv_scenario_name (&conv_scenarios[ci]);
  sel = strstr (name, opt_scenario) != NULL;
  g_free (name);
  return sel;
}

/* what a conversion column runs, for the notes under the table */
static const gchar *const conv_column_what[N_CONV_COLS] = {
  "alignscale (YUV in, RGB out)",
  "videoconvert ! alignscale",
  "videoconvertscale",
  "videoscale ! videoconvert",
};

/* a note under the conversion table, once */
static void
conv_note (ConvColumn c, const gchar *why)
{
  gchar *note = g_strdup_printf (
      "%s (%s): n/a, %s", conv_column_names[c], conv_column_what[c], why);
  guint k;

  for (k = 0; k < conv_notes->len; k++)
    if (g_str_equal (g_ptr_array_index (conv_notes, k), note)) {
      g_free (note);
      return;
    }
  g_ptr_array_add (conv_notes, note);
}

/* the element's properties for a conversion row: one thread; the scalers'
 * method; no letterbox */
static void
conv_configure (GstElement *e, const ConvMethod *m)
{
  GstElementFactory *f = gst_element_get_factory (e);
  const gchar *name = f ? GST_OBJECT_NAME (f) : "";
  GObjectClass *klass = G_OBJECT_GET_CLASS (e);

  if (g_object_class_find_property (klass, "n-threads"))
    g_object_set (e, "n-threads", 1, NULL);
  if (g_str_equal (name, "alignscale")) {
    gst_util_set_object_arg (G_OBJECT (e), "method", m->alignscale);
    if (m->antialias)
      gst_util_set_object_arg (G_OBJECT (e), "antialias", "true");
  } else if (g_str_equal (name, "videoscale")
      || g_str_equal (name, "videoconvertscale")) {
    gst_util_set_object_arg (G_OBJECT (e), "method", m->gst);
    g_object_set (e, "add-borders", FALSE, NULL);
  }
}

/* One harness for conversion column c: the element or the pipeline (a bin
 * parsed from a launch line), caps set, and one frame pushed and pulled to
 * see that it negotiates and gives the output size. NULL and a note if an
 * element is missing, lacks a property, or the frame does not come out. */
static GstHarness *
new_conv_harness (ConvColumn c, const ConvScenario *s, const ConvMethod *m,
    GstBuffer *in, gsize out_size)
{
  static const gchar *const factories[N_CONV_COLS][2] = {
    [CONV_FUSED] = { "alignscale", NULL },
    [CONV_VC_AS] = { "videoconvert", "alignscale" },
    [CONV_VCS] = { "videoconvertscale", NULL },
    [CONV_VS_VC] = { "videoscale", "videoconvert" },
  };
  static const gchar *const names[] = { "e0", "e1" };
  GstHarness *h;
  GstBuffer *out = NULL;
  GstFlowReturn flow;
  gchar *launch, *in_caps, *out_caps, *why = NULL;
  guint k;

  for (k = 0; k < 2 && factories[c][k]; k++) {
    GstElementFactory *f = gst_element_factory_find (factories[c][k]);

    if (f == NULL) {
      why = g_strdup_printf ("no %s element%s", factories[c][k],
          g_str_equal (factories[c][k], "videoconvertscale")
              ? " (GStreamer < 1.22)"
              : "");
      conv_note (c, why);
      g_free (why);
      return NULL;
    }
    gst_object_unref (f);
  }
  if (m->antialias && !have_antialias && (c == CONV_FUSED || c == CONV_VC_AS)) {
    conv_note (c, "alignscale has no antialias property");
    return NULL;
  }

  /* the capsfilters pin the intermediate format and size: videoconvert
   * converts at full size (else alignscale would be offered NV12), and
   * videoscale scales in NV12 */
  switch (c) {
    case CONV_VC_AS:
      launch = g_strdup_printf ("videoconvert name=e0 ! "
                                "video/x-raw,format=%s,width=%d,height=%d ! "
                                "alignscale name=e1",
          s->out_format, s->in_w, s->in_h);
      break;
    case CONV_VS_VC:
      launch = g_strdup_printf ("videoscale name=e0 ! "
                                "video/x-raw,format=%s,width=%d,height=%d ! "
                                "videoconvert name=e1",
          s->in_format, s->out_w, s->out_h);
      break;
    default:
      launch = g_strdup_printf ("%s name=e0", factories[c][0]);
      break;
  }
  h = gst_harness_new_parse (launch);
  g_free (launch);
  for (k = 0; k < G_N_ELEMENTS (names); k++) {
    GstElement *e = gst_bin_get_by_name (GST_BIN (h->element), names[k]);

    if (e) {
      conv_configure (e, m);
      gst_object_unref (e);
    }
  }

  in_caps = g_strdup_printf ("video/x-raw,format=%s,width=%d,height=%d,"
                             "framerate=30/1,pixel-aspect-ratio=1/1,"
                             "colorimetry=bt709,chroma-site=mpeg2",
      s->in_format, s->in_w, s->in_h);
  out_caps = g_strdup_printf ("video/x-raw,format=%s,width=%d,height=%d",
      s->out_format, s->out_w, s->out_h);
  /* downstream caps first, as new_harness () */
  gst_harness_set_sink_caps_str (h, out_caps);
  gst_harness_set_src_caps_str (h, in_caps);
  g_free (in_caps);
  g_free (out_caps);

  /* the first frame: a pipeline that does not negotiate returns
   * not-negotiated here; every element is synchronous, so the output is
   * queued when the push returns */
  flow = gst_harness_push (h, gst_buffer_ref (in));
  if (flow == GST_FLOW_NOT_NEGOTIATED)
    why = g_strdup_printf ("%s -> %s does not negotiate (the push returned "
                           "not-negotiated)",
        s->in_format, s->out_format);
  else if (flow != GST_FLOW_OK)
    why = g_strdup_printf ("the push returned %s", gst_flow_get_name (flow));
  else if ((out = gst_harness_try_pull (h)) == NULL)
    why = g_strdup ("no output buffer");
  else if (gst_buffer_get_size (out) < out_size)
    why = g_strdup_printf ("output buffer of %" G_GSIZE_FORMAT
                           " bytes, expected %" G_GSIZE_FORMAT,
        gst_buffer_get_size (out), out_size);
  if (out)
    gst_buffer_unref (out);
  if (why) {
    conv_note (c, why);
    g_free (why);
    gst_harness_teardown (h);
    return NULL;
  }
  return h;
}

static void
measure_conv (guint ci, guint mi, gint iterations, gint warmup)
{
  const ConvScenario *s = &conv_scenarios[ci];
  const ConvMethod *m = &conv_methods[mi];
  ConvRow *row = &conv_rows[ci][mi];
  GstVideoInfo in_info, out_info;
  GstHarness *h[N_CONV_COLS] = { NULL };
  gdouble *t[N_CONV_COLS] = { NULL };
  GstBuffer *in;
  guint c;
  gint i;

  gst_video_info_set_format (
      &in_info, gst_video_format_from_string (s->in_format), s->in_w, s->in_h);
  gst_video_info_set_format (&out_info,
      gst_video_format_from_string (s->out_format), s->out_w, s->out_h);
  {
    gchar *name = conv_scenario_name (s);
    gchar *md5 = NULL;

    /* the same generator as the scaling scenarios, seeded with this name */
    in = make_frame (&in_info, scenario_seed (name), &md5);
    g_free (md5);
    g_free (name);
  }

  for (c = 0; c < N_CONV_COLS; c++)
    if (conv_column_on[c])
      h[c] = new_conv_harness (c, s, m, in, out_info.size);

  for (c = 0; c < N_CONV_COLS; c++)
    t[c] = g_new0 (gdouble, MAX (iterations, 1));
  /* the warm-up (i < 0), then the timed frames, each iteration every
   * column once, in the order of the table */
  for (i = -warmup; i < iterations; i++)
    for (c = 0; c < N_CONV_COLS; c++)
      if (h[c]) {
        gdouble ms = push_pull (h[c], in, out_info.size, conv_column_names[c]);

        if (i >= 0)
          t[c][i] = ms;
      }

  row->measured = TRUE;
  for (c = 0; c < N_CONV_COLS; c++) {
    if (!conv_column_on[c])
      row->ms[c] = MS_SKIPPED;
    else if (h[c])
      row->ms[c] = median (t[c], iterations);
    else
      row->ms[c] = MS_NA;
    g_free (t[c]);
    if (h[c])
      gst_harness_teardown (h[c]);
  }
  gst_buffer_unref (in);
}

/* the conversion table's cells after scenario and method */
#define N_CONV_CELLS 6

static const gint conv_cell_width[N_CONV_CELLS] = { 14, 18, 10, 12, 10, 29 };

static const struct
{
  const gchar *label;
  gint first, last;
} conv_groups[] = {
  { "alignscale", 0, 0 },
  { "videoconvert ! alignscale", 1, 2 },
  { "videoconvertscale", 3, 4 },
  { "videoscale ! videoconvert", 5, 5 },
};

static void
print_conv_row (const gchar *scenario, const gchar *method, gchar **c)
{
  GString *line = g_string_new (NULL);
  guint k;

  g_string_printf (line, "bench: %-30s %-11s", scenario, method);
  for (k = 0; k < N_CONV_CELLS; k++) {
    const gchar *sep = " ";
    guint g;

    for (g = 0; g < G_N_ELEMENTS (conv_groups); g++)
      if (conv_groups[g].first == (gint) k)
        sep = "  "; /* a new group */
    g_string_append_printf (line, "%s%*s", sep, conv_cell_width[k], c[k]);
  }
  g_print ("%s\n", line->str);
  g_string_free (line, TRUE);
}

static void
print_conv_table (void)
{
  gchar *hdr[N_CONV_CELLS] = { "1 thr", "1 thr", "speed-up", "1 thr", "ratio",
    "1 thr" };
  GString *line = g_string_new (NULL);
  guint ci, mi, k;

  g_print ("bench: conversion: YUV in, RGB out, one thread each "
           "(n-threads=1); speed-up = (videoconvert ! alignscale) / "
           "alignscale; ratio = alignscale / videoconvertscale\n");
  g_string_printf (line, "bench: %-30s %-11s", "", "");
  for (k = 0; k < G_N_ELEMENTS (conv_groups); k++) {
    gchar *rule = group_rule (conv_groups[k].label, conv_cell_width,
        conv_groups[k].first, conv_groups[k].last);

    g_string_append_printf (line, "  %s", rule);
    g_free (rule);
  }
  g_print ("%s\n", line->str);
  g_string_free (line, TRUE);
  print_conv_row ("scenario", "method", hdr);

  for (ci = 0; ci < N_CONV_SCENARIOS; ci++) {
    gchar *name = conv_scenario_name (&conv_scenarios[ci]);

    for (mi = 0; mi < N_CONV_METHODS; mi++) {
      ConvRow *r = &conv_rows[ci][mi];
      gdouble a = r->ms[CONV_FUSED];
      gchar *c[N_CONV_CELLS];

      if (!r->measured)
        continue;
      c[0] = fmt_ms (a);
      c[1] = fmt_ms (r->ms[CONV_VC_AS]);
      c[2] = fmt_ratio (r->ms[CONV_VC_AS], a);
      c[3] = fmt_ms (r->ms[CONV_VCS]);
      c[4] = fmt_ratio (a, r->ms[CONV_VCS]);
      c[5] = fmt_ms (r->ms[CONV_VS_VC]);
      print_conv_row (name, conv_methods[mi].name, c);
      for (k = 0; k < N_CONV_CELLS; k++)
        g_free (c[k]);
    }
    g_free (name);
  }
  for (k = 0; k < conv_notes->len; k++)
    g_print ("bench: conversion: %s\n",
        (const gchar *) g_ptr_array_index (conv_notes, k));
  if (conv_column_on[CONV_VCS] || conv_column_on[CONV_VS_VC])
    g_print ("bench: conversion: videoconvertscale and videoscale run "
             "method=bilinear in both rows (2 taps: no antialiasing on "
             "downscale), add-borders=false\n");
}

/* a conversion target: num / den <= bound ("at most"), or, with at_least,
 * num / den >= bound; the milliseconds follow; none if either column was
 * not run */
static void
print_conv_target (const gchar *what, const gchar *scenario,
    const gchar *method, gdouble num, gdouble den, gboolean at_least,
    gdouble bound)
{
  gdouble r;

  if (num == MS_SKIPPED || den == MS_SKIPPED)
    return;
  if (num < 0 || den <= 0) {
    g_print ("target: %-30s %-11s %-50s %7s\n", scenario, method, what, "n/a");
    return;
  }
  r = num / den;
  g_print ("target: %-30s %-11s %-50s %6.2fx %s %.2fx %s (%.3f / %.3f "
           "ms)\n",
      scenario, method, what, r, at_least ? ">=" : "<=", bound,
      (at_least ? r >= bound : r <= bound) ? "met" : "MISSED", num, den);
}

static void
print_conv_targets (void)
{
  guint ci, mi;

  for (ci = 0; ci < N_CONV_SCENARIOS; ci++) {
    gchar *name = conv_scenario_name (&conv_scenarios[ci]);

    for (mi = 0; mi < N_CONV_METHODS; mi++) {
      gdouble *ms = conv_rows[ci][mi].ms;

      if (!conv_rows[ci][mi].measured)
        continue;
      print_conv_target ("fused NV12->RGB no slower than videoconvertscale",
          name, conv_methods[mi].name, ms[CONV_FUSED], ms[CONV_VCS], FALSE,
          1.0);
      print_conv_target ("at least 3x faster than videoconvert ! alignscale",
          name, conv_methods[mi].name, ms[CONV_VC_AS], ms[CONV_FUSED], TRUE,
          3.0);
    }
    g_free (name);
  }
}

int
main (int argc, char **argv)
{
  /* clang-format off */
  GOptionEntry entries[] = {
    { "quick", 'q', 0, G_OPTION_ARG_NONE, &opt_quick,
        "Few iterations (smoke test)", NULL },
    { "iterations", 'n', 0, G_OPTION_ARG_INT, &opt_iterations,
        "Timed frames per element and row (default 100, --quick 3)", "N" },
    { "warmup", 'w', 0, G_OPTION_ARG_INT, &opt_warmup,
        "Untimed frames per element first (default 5, --quick 1)", "N" },
    { "scenario", 's', 0, G_OPTION_ARG_STRING, &opt_scenario,
        "Only scenarios whose name contains this, e.g. NV12, 224x224 or "
        "'RGB 224' (the conversion scenario)",
        "SUBSTRING" },
    { "opencv-script", 0, 0, G_OPTION_ARG_FILENAME, &opt_opencv_script,
        "opencv-bench.py (default $ALIGNSCALE_BENCH_OPENCV or the source tree's)",
        "PATH" },
    { "python", 0, 0, G_OPTION_ARG_FILENAME, &opt_python,
        "Python with cv2 (default $ALIGNSCALE_BENCH_PYTHON or " DEFAULT_PYTHON
        ")", "PATH" },
    { "no-opencv", 0, 0, G_OPTION_ARG_NONE, &opt_no_opencv,
        "Skip the OpenCV column", NULL },
    { "method", 'm', 0, G_OPTION_ARG_STRING, &opt_method,
        "Only these rows (comma-separated): bilinear, bicubic, bilinear-aa, "
        "bicubic-aa", "NAMES" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &opt_only,
        "Only these columns (comma-separated): alignscale, alignscale-2t, "
        "videoscale, videoscale-2t, opencv, libyuv, memcpy; of the "
        "conversion section convert-fused, convert-vc-as, convert-vcs, "
        "convert-vs-vc; the others print -", "NAMES" },
    { NULL }
  };
  /* clang-format on */
  GOptionContext *ctx;
  GError *error = NULL;
  GstPluginFeature *f;
  gint iterations, warmup;
  guint si, mi, c, ci, selected = 0, conv_selected = 0;
  gboolean scale_section = FALSE;
  const gchar *method_names[N_METHODS];
  const gchar *only_names[N_COLS + N_CONV_COLS];
  gchar *opencv_note = NULL;
  gdouble t_start = now_ms ();

  ctx = g_option_context_new ("- alignscale against videoscale, OpenCV, "
                              "libyuv and memcpy");
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_option_context_add_group (ctx, gst_init_get_option_group ());
  if (!g_option_context_parse (ctx, &argc, &argv, &error)) {
    g_printerr ("%s\n", error->message);
    return 2;
  }
  g_option_context_free (ctx);
  for (mi = 0; mi < N_METHODS; mi++)
    method_names[mi] = methods[mi].name;
  for (c = 0; c < N_COLS; c++)
    only_names[c] = column_names[c];
  for (c = 0; c < N_CONV_COLS; c++)
    only_names[N_COLS + c] = conv_column_names[c];
  /* the conversion rows' names are among methods[]'s */
  if ((opt_only
          && !check_list ("--only", opt_only, only_names, N_COLS + N_CONV_COLS))
      || (opt_method
          && !check_list ("--method", opt_method, method_names, N_METHODS)))
    return 2;
  for (c = 0; c < N_COLS; c++) {
    column_on[c] = in_list (opt_only, column_names[c]);
    /* the scaling section runs if --only names one of its columns */
    scale_section |= column_on[c];
  }
  for (c = 0; c < N_CONV_COLS; c++)
    conv_column_on[c] = in_list (opt_only, conv_column_names[c]);
  if (opt_no_opencv)
    column_on[COL_OPENCV] = FALSE;
  conv_notes = g_ptr_array_new_with_free_func (g_free);

  iterations = opt_iterations > 0 ? opt_iterations
      : opt_quick                 ? QUICK_ITERATIONS
                                  : DEFAULT_ITERATIONS;
  warmup = opt_warmup >= 0 ? opt_warmup
      : opt_quick          ? QUICK_WARMUP
                           : DEFAULT_WARMUP;
  if (opt_opencv_script == NULL)
    opt_opencv_script = g_strdup (g_getenv ("ALIGNSCALE_BENCH_OPENCV")
            ? g_getenv ("ALIGNSCALE_BENCH_OPENCV")
            : OPENCV_BENCH_SCRIPT);
  if (opt_python == NULL)
    opt_python = g_strdup (g_getenv ("ALIGNSCALE_BENCH_PYTHON")
            ? g_getenv ("ALIGNSCALE_BENCH_PYTHON")
            : DEFAULT_PYTHON);

  f = gst_registry_lookup_feature (gst_registry_get (), "alignscale");
  if (f == NULL) {
    g_printerr ("alignscale not found: set GST_PLUGIN_PATH to the build's "
                "gst/alignscale directory\n");
    return 1;
  }
  {
    GstPlugin *plugin = gst_plugin_feature_get_plugin (f);

    g_print ("bench: alignscale from %s\n",
        plugin ? gst_plugin_get_filename (plugin) : "?");
    if (plugin)
      gst_object_unref (plugin);
  }
  {
    GstElement *e = gst_element_factory_make ("alignscale", NULL);

    if (e == NULL) {
      g_printerr ("cannot create alignscale\n");
      return 1;
    }
    have_antialias = g_object_class_find_property (
                         G_OBJECT_GET_CLASS (e), "antialias")
        != NULL;
    have_n_threads = g_object_class_find_property (
                         G_OBJECT_GET_CLASS (e), "n-threads")
        != NULL;
    gst_object_unref (e);
  }
  gst_object_unref (f);
  if (column_on[COL_VIDEOSCALE] || column_on[COL_VIDEOSCALE_2T]) {
    GstElement *e = gst_element_factory_make ("videoscale", NULL);

    if (e == NULL) {
      g_printerr ("videoscale not found (gst-plugins-base)\n");
      return 1;
    }
    videoscale_has_n_threads = g_object_class_find_property (
                                   G_OBJECT_GET_CLASS (e), "n-threads")
        != NULL;
    gst_object_unref (e);
  }

  for (si = 0; si < N_SCENARIOS && scale_section; si++)
    if (scenario_selected (si))
      selected++;
  for (ci = 0; ci < N_CONV_SCENARIOS; ci++)
    if (conv_scenario_selected (ci))
      conv_selected++;
  if (selected == 0 && conv_selected == 0) {
    g_printerr ("no scenario matches --scenario '%s' --method '%s'\n",
        opt_scenario ? opt_scenario : "", opt_method ? opt_method : "");
    return 2;
  }

  g_print ("bench: %d warm-up + %d timed frames per element and row, "
           "alternating, median ms/frame; %d online cores\n",
      warmup, iterations, g_get_num_processors ());
  if (selected > 0)
    g_print ("bench: 1 thr = one thread (n-threads=1), 2 thr = n-threads=2; "
             "speed-up = alignscale 1 thr / 2 thr; ratio = alignscale 1 thr "
             "/ the group's 1 thr\n");

  for (si = 0; si < N_SCENARIOS && selected > 0; si++) {
    gchar *name;

    if (!scenario_selected (si))
      continue;
    name = scenario_name (&scenarios[si]);
    for (mi = 0; mi < N_METHODS; mi++) {
      if (!row_selected (si, mi))
        continue;
      g_printerr ("measuring %s %s...\n", name, methods[mi].name);
      measure (si, mi, iterations, warmup);
    }
    g_free (name);
  }
  for (ci = 0; ci < N_CONV_SCENARIOS; ci++) {
    gchar *name;

    if (!conv_scenario_selected (ci))
      continue;
    name = conv_scenario_name (&conv_scenarios[ci]);
    for (mi = 0; mi < N_CONV_METHODS; mi++) {
      if (!conv_row_selected (mi))
        continue;
      g_printerr ("measuring %s %s...\n", name, conv_methods[mi].name);
      measure_conv (ci, mi, iterations, warmup);
    }
    g_free (name);
  }
  if (selected > 0) {
    if (!column_on[COL_OPENCV])
      opencv_note = g_strdup (
          opt_no_opencv ? "skipped (--no-opencv)" : "skipped (--only)");
    else {
      g_printerr ("running %s %s...\n", opt_python, opt_opencv_script);
      opencv_note = run_opencv (iterations, warmup);
    }

    print_table ();
    if (opencv_note)
      g_print ("bench: opencv: %s\n", opencv_note);
    for (si = 0; si < N_SCENARIOS; si++)
      if (opencv_skip[si]) {
        gchar *name = scenario_name (&scenarios[si]);

        g_print ("bench: opencv: n/a for %s: %s\n", name, opencv_skip[si]);
        g_free (name);
      }
    if (!have_antialias)
      g_print ("bench: alignscale: no antialias property, its -aa rows are "
               "n/a\n");
    if (!have_n_threads && column_on[COL_ALIGNSCALE_2T])
      g_print ("bench: alignscale: no n-threads property, its 2 thr column and "
               "speed-up are n/a\n");
    if (!videoscale_has_n_threads && column_on[COL_VIDEOSCALE_2T])
      g_print ("bench: videoscale: no n-threads property, its 2 thr column is "
               "n/a\n");
    if (column_on[COL_LIBYUV]) {
#ifndef HAVE_LIBYUV
      g_print ("bench: libyuv: not found at configure time\n");
#else
      g_print ("bench: libyuv: kFilterBilinear, kFilterBox for bilinear-aa "
               "(libyuv makes it bilinear when either axis scales by 1/2 or "
               "more); no bicubic, no 24-bit RGB, YUY2 or P010_10LE scaler\n");
#endif
    }
    print_targets ();
  }
  if (conv_selected > 0) {
    print_conv_table ();
    print_conv_targets ();
  }
  g_print ("bench: total %.1f s\n", (now_ms () - t_start) / 1e3);

  g_free (opencv_note);
  g_ptr_array_unref (conv_notes);
  for (si = 0; si < N_SCENARIOS; si++) {
    g_free (frame_md5[si]);
    g_free (opencv_skip[si]);
  }
  g_free (opt_scenario);
  g_free (opt_method);
  g_free (opt_only);
  g_free (opt_opencv_script);
  g_free (opt_python);
  return 0;
}
