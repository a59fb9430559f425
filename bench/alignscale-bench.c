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
 * Then the library-bytes section: alignscale with integer-model=opencv or
 * pillow against the call whose bytes it reproduces (cv2.resize,
 * Image.resize, timed by libs-bench.py on the same frames), one thread
 * each, and whether the outputs' MD5s are equal ("same bytes"): a speed
 * target is met only when they are.
 *
 *   GST_PLUGIN_PATH=build/gst/alignscale build/bench/alignscale-bench \
 *       [--quick] [--scenario SUBSTRING] [--method NAME] [--iterations N]
 *       [--only alignscale,videoscale,...,convert-fused,convert-vcs,...,libs]
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
#ifndef LIBS_BENCH_SCRIPT
#define LIBS_BENCH_SCRIPT "libs-bench.py"
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

/* the library-bytes section: alignscale with integer-model=opencv/pillow
 * against the library call whose bytes it reproduces (libs-bench.py times
 * the library and prints the MD5 of its output) */
typedef struct
{
  const gchar *library; /* integer-model nick, libs-bench.py's name */
  Scenario s;           /* format and sizes (aa and targets unused) */
  const gchar *method;  /* alignscale "method" nick, libs-bench.py's */
  const gchar *call;    /* the library's constant: INTER_LINEAR, BICUBIC... */
  gdouble bound;        /* target alignscale / library <= bound; 0: report */
} LibRow;

/* the issue's speed targets for the library models: no slower than OpenCV
 * (bilinear, area), at least twice as fast as Pillow (bilinear, bicubic);
 * the others report only */
static const LibRow lib_rows[] = {
  { "opencv", { "RGB", 1920, 1080, 1280, 720 }, "bilinear", "INTER_LINEAR",
      1.0 },
  { "opencv", { "RGB", 1920, 1080, 1280, 720 }, "area", "INTER_AREA", 1.0 },
  { "opencv", { "RGB", 1920, 1080, 1280, 720 }, "bicubic", "INTER_CUBIC", 0 },
  { "opencv", { "GRAY8", 1920, 1080, 1280, 720 }, "bilinear", "INTER_LINEAR",
      1.0 },
  { "pillow", { "RGB", 1920, 1080, 224, 224 }, "bilinear", "BILINEAR", 0.5 },
  { "pillow", { "RGB", 1920, 1080, 224, 224 }, "bicubic", "BICUBIC", 0.5 },
  { "pillow", { "RGB", 1920, 1080, 224, 224 }, "lanczos", "LANCZOS", 0 },
};

#define N_LIB_ROWS G_N_ELEMENTS (lib_rows)

/* the library-bytes section's columns, one thread each */
typedef enum
{
  LIB_ALIGNSCALE, /* alignscale integer-model=..., n-threads=1 */
  LIB_LIBRARY,    /* cv2.resize / Image.resize (libs-bench.py) */
  N_LIB_COLS
} LibColumn;

/* --only's names; "libs" names both */
static const gchar *const lib_column_names[N_LIB_COLS] = { "libs-alignscale",
  "libs-library" };
#define LIB_COLUMNS_ALL "libs"

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

typedef struct
{
  gboolean measured;
  gdouble ms[N_LIB_COLS];
  gchar *frame_md5;       /* of the input samples */
  gchar *md5[N_LIB_COLS]; /* of the output bytes, tightly packed */
  gchar *warning;         /* what alignscale warned (its fallback), if it did */
} LibResult;

static LibResult lib_results[N_LIB_ROWS];
/* the lines under the library-bytes table, once each */
static GPtrArray *lib_notes = NULL;

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
static gchar *opt_libs_script = NULL;

/* the columns to measure (all but what --only leaves out) */
static gboolean column_on[N_COLS];
static gboolean conv_column_on[N_CONV_COLS];
static gboolean lib_column_on[N_LIB_COLS];

/* alignscale has the "antialias" property (else its -aa rows are n/a) */
static gboolean have_antialias = FALSE;
/* alignscale, videoscale have the "n-threads" property (else their 2 thr
 * column is n/a) */
static gboolean have_n_threads = FALSE;
static gboolean videoscale_has_n_threads = FALSE;
/* alignscale has the "integer-model" property (else the library-bytes
 * table's alignscale column is n/a) */
static gboolean have_integer_model = FALSE;

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
 * (videoscale has; alignscale from the revision that added it);
 * integer_model (NULL: left alone) to alignscale's "integer-model"; bus
 * (NULL: none) gets the element's messages (a harness sets no bus, so its
 * warnings would be dropped) */
static GstHarness *
new_harness (const gchar *factory, const Scenario *s, const gchar *method,
    gboolean antialias, guint n_threads, const gchar *integer_model,
    GstBus *bus)
{
  GstHarness *h = gst_harness_new (factory);
  gchar *in_caps = caps_string (s, TRUE), *out_caps = caps_string (s, FALSE);

  if (bus)
    gst_element_set_bus (h->element, bus);
  gst_util_set_object_arg (G_OBJECT (h->element), "method", method);
  if (antialias)
    gst_util_set_object_arg (G_OBJECT (h->element), "antialias", "true");
  if (integer_model)
    gst_util_set_object_arg (
        G_OBJECT (h->element), "integer-model", integer_model);
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
        element_cols[c].n_threads, NULL, NULL);
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
        /* issue 16: within 1.3x libyuv where it has the format */
        print_target ("vs libyuv bilinear", name, "bilinear",
            bl[COL_ALIGNSCALE], bl[COL_LIBYUV], 1.3);
        if (si == 0)
          print_target ("vs memcpy of input frame", name, "bilinear",
              bl[COL_ALIGNSCALE], bl[COL_MEMCPY], 3.0);
      }
      if (rows[si][1].measured) {
        print_target ("vs videoscale 4-tap", name, "bicubic",
            bc[COL_ALIGNSCALE], bc[COL_VIDEOSCALE], 0.5);
        /* issue 16: no slower than OpenCV; issue 4 aimed at 5x faster */
        print_target ("vs OpenCV INTER_CUBIC", name, "bicubic",
            bc[COL_ALIGNSCALE], bc[COL_OPENCV], 1.0);
        print_target ("vs OpenCV INTER_CUBIC (4)", name, "bicubic",
            bc[COL_ALIGNSCALE], bc[COL_OPENCV], 0.2);
      }
    }
    if (rows[si][2].measured) {
      print_report ("vs videoscale bilinear2", name, "bilinear-aa",
          bla[COL_ALIGNSCALE], bla[COL_VIDEOSCALE]);
      /* issue 16: antialiased rows no slower than INTER_AREA */
      print_target ("vs OpenCV INTER_AREA", name, "bilinear-aa",
          bla[COL_ALIGNSCALE], bla[COL_OPENCV], 1.0);
    }
    if (rows[si][3].measured) {
      print_report ("vs videoscale catrom", name, "bicubic-aa",
          bca[COL_ALIGNSCALE], bca[COL_VIDEOSCALE]);
      print_target ("vs OpenCV INTER_AREA", name, "bicubic-aa",
          bca[COL_ALIGNSCALE], bca[COL_OPENCV], 1.0);
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

/* the library-bytes section */

/* --scenario matches "LIBRARY SCENARIO" (e.g. pillow, 'RGB 1920x1080->224'),
 * --method its method, and one of its columns is on (--only) */
static gboolean
lib_row_selected (guint li)
{
  const LibRow *r = &lib_rows[li];
  gboolean sel = FALSE;
  gchar *name, *full;
  guint k;

  for (k = 0; k < N_LIB_COLS && !sel; k++)
    sel = lib_column_on[k];
  if (!sel || !in_list (opt_method, r->method))
    return FALSE;
  if (opt_scenario == NULL)
    return TRUE;
  name = scenario_name (&r->s);
  full = g_strdup_printf ("%s %s", r->library, name);
  sel = strstr (full, opt_scenario) != NULL;
  g_free (full);
  g_free (name);
  return sel;
}

/* a line under the library-bytes table, once (takes note) */
static void
lib_note (gchar *note)
{
  guint k;

  for (k = 0; k < lib_notes->len; k++)
    if (g_str_equal (g_ptr_array_index (lib_notes, k), note)) {
      g_free (note);
      return;
    }
  g_ptr_array_add (lib_notes, note);
}

/* "cv2.resize INTER_LINEAR", "Image.resize BILINEAR" */
static gchar *
lib_call_name (const LibRow *r)
{
  return g_strdup_printf ("%s %s",
      g_str_equal (r->library, "opencv") ? "cv2.resize" : "Image.resize",
      r->call);
}

/* MD5 of the frame's samples without stride padding: what libs-bench.py
 * prints for the library's output (a tightly packed array) */
static gchar *
output_md5 (const GstVideoInfo *info, GstBuffer *buf)
{
  GstVideoFrame frame;
  GChecksum *sum;
  gchar *md5;
  guint p;

  if (!gst_video_frame_map (&frame, (GstVideoInfo *) info, buf, GST_MAP_READ))
    g_error ("cannot map alignscale's output frame");
  sum = g_checksum_new (G_CHECKSUM_MD5);
  for (p = 0; p < GST_VIDEO_FRAME_N_PLANES (&frame); p++) {
    gint comps[GST_VIDEO_MAX_COMPONENTS], c, y;
    const guint8 *data = GST_VIDEO_FRAME_PLANE_DATA (&frame, p);
    gint stride = GST_VIDEO_FRAME_PLANE_STRIDE (&frame, p);

    gst_video_format_info_component (info->finfo, p, comps);
    c = comps[0];
    for (y = 0; y < GST_VIDEO_FRAME_COMP_HEIGHT (&frame, c); y++)
      g_checksum_update (sum, data + (gsize) y * stride,
          (gsize) GST_VIDEO_FRAME_COMP_WIDTH (&frame, c)
              * GST_VIDEO_FRAME_COMP_PSTRIDE (&frame, c));
  }
  gst_video_frame_unmap (&frame);
  md5 = g_strdup (g_checksum_get_string (sum));
  g_checksum_free (sum);
  return md5;
}

/* alignscale's "method" has this nick (an older plugin may lack it: the
 * property would keep its default and time another method) */
static gboolean
alignscale_has_method (const gchar *nick)
{
  GstElement *e = gst_element_factory_make ("alignscale", NULL);
  GParamSpec *ps;
  gboolean ok = FALSE;

  if (e == NULL)
    return FALSE;
  ps = g_object_class_find_property (G_OBJECT_GET_CLASS (e), "method");
  if (ps && G_IS_PARAM_SPEC_ENUM (ps))
    ok = g_enum_get_value_by_nick (G_PARAM_SPEC_ENUM (ps)->enum_class, nick)
        != NULL;
  gst_object_unref (e);
  return ok;
}

/* alignscale's column of row li: the input frame (its MD5 for the library's
 * side), the first output frame's MD5 and whatever alignscale warned while
 * negotiating (its fallback to the exact chain), then the warm-up and the
 * timed frames */
static void
measure_lib (guint li, gint iterations, gint warmup)
{
  const LibRow *r = &lib_rows[li];
  LibResult *res = &lib_results[li];
  GstVideoInfo in_info, out_info;
  GstHarness *h;
  GstBus *bus;
  GstMessage *msg;
  GstBuffer *in, *out;
  gchar *name = scenario_name (&r->s);
  gdouble *t;
  gint i;

  gst_video_info_set_format (&in_info,
      gst_video_format_from_string (r->s.format), r->s.in_w, r->s.in_h);
  gst_video_info_set_format (&out_info,
      gst_video_format_from_string (r->s.format), r->s.out_w, r->s.out_h);
  /* the scenario name seeds the frame: rows of one scenario share it, and
   * RGB 1920x1080->224x224 is the scaling table's frame */
  in = make_frame (&in_info, scenario_seed (name), &res->frame_md5);
  res->measured = TRUE;
  res->ms[LIB_ALIGNSCALE] = lib_column_on[LIB_ALIGNSCALE] ? MS_NA : MS_SKIPPED;
  /* run_libs () fills it */
  res->ms[LIB_LIBRARY] = lib_column_on[LIB_LIBRARY] ? MS_NA : MS_SKIPPED;
  if (!lib_column_on[LIB_ALIGNSCALE])
    goto done;
  if (!have_integer_model) {
    lib_note (g_strdup ("libs-alignscale: n/a, alignscale has no "
                        "integer-model property"));
    goto done;
  }
  if (!alignscale_has_method (r->method)) {
    lib_note (g_strdup_printf (
        "libs-alignscale: n/a for method=%s, alignscale has no such method",
        r->method));
    goto done;
  }

  bus = gst_bus_new ();
  h = new_harness ("alignscale", &r->s, r->method, FALSE, 1, r->library, bus);
  out = gst_harness_push_and_pull (h, gst_buffer_ref (in));
  if (out == NULL)
    g_error ("libs-alignscale produced no output buffer");
  res->md5[LIB_ALIGNSCALE] = output_md5 (&out_info, out);
  gst_buffer_unref (out);
  while ((msg = gst_bus_pop_filtered (bus, GST_MESSAGE_WARNING))) {
    GError *err = NULL;

    gst_message_parse_warning (msg, &err, NULL);
    if (res->warning == NULL && err)
      res->warning = g_strdup (err->message);
    g_clear_error (&err);
    gst_message_unref (msg);
  }

  t = g_new0 (gdouble, MAX (iterations, 1));
  for (i = -warmup; i < iterations; i++) {
    gdouble ms = push_pull (h, in, out_info.size, "libs-alignscale");

    if (i >= 0)
      t[i] = ms;
  }
  res->ms[LIB_ALIGNSCALE] = median (t, iterations);
  g_free (t);
  gst_harness_teardown (h);
  gst_object_unref (bus);

done:
  gst_buffer_unref (in);
  g_free (name);
}

/* Runs libs-bench.py on the selected rows (LIBRARY:FORMAT:WxH:WxH:METHODS,
 * one argument per library and scenario) and merges its lines:
 *   version<TAB>library<TAB>version
 *   frame<TAB>scenario<TAB>md5 of the input samples
 *   lib<TAB>library<TAB>scenario<TAB>method<TAB>ms<TAB>md5 of the output
 *   skip<TAB>library<TAB>scenario<TAB>method<TAB>reason
 *   unavailable<TAB>library<TAB>reason
 * Everything worth saying goes to lib_notes. */
static void
run_libs (gint iterations, gint warmup)
{
  GPtrArray *argv = g_ptr_array_new_with_free_func (g_free);
  GString *versions = g_string_new (NULL);
  gchar *out = NULL, *err = NULL, **lines, **l;
  gint status = 0;
  GError *error = NULL;
  gboolean mismatch = FALSE;
  guint li, k, matched = 0;

  if (!g_file_test (opt_libs_script, G_FILE_TEST_EXISTS)) {
    lib_note (
        g_strdup_printf ("libs-library: n/a, %s not found", opt_libs_script));
    goto done;
  }
  if (!g_file_test (opt_python, G_FILE_TEST_IS_EXECUTABLE)) {
    lib_note (g_strdup_printf ("libs-library: n/a, %s not found", opt_python));
    goto done;
  }

  g_ptr_array_add (argv, g_strdup (opt_python));
  g_ptr_array_add (argv, g_strdup (opt_libs_script));
  g_ptr_array_add (argv, g_strdup_printf ("--iterations=%d", iterations));
  g_ptr_array_add (argv, g_strdup_printf ("--warmup=%d", warmup));
  /* one argument per library and scenario: its methods alternate */
  for (li = 0; li < N_LIB_ROWS; li++) {
    const Scenario *s = &lib_rows[li].s;
    gchar *prefix;
    gboolean appended = FALSE;

    if (!lib_results[li].measured)
      continue;
    prefix = g_strdup_printf ("%s:%s:%dx%d:%dx%d:", lib_rows[li].library,
        s->format, s->in_w, s->in_h, s->out_w, s->out_h);
    for (k = 4; k < argv->len && !appended; k++) {
      gchar *a = g_ptr_array_index (argv, k);

      if (g_str_has_prefix (a, prefix)) {
        argv->pdata[k] = g_strconcat (a, ",", lib_rows[li].method, NULL);
        g_free (a);
        appended = TRUE;
      }
    }
    if (!appended)
      g_ptr_array_add (argv, g_strconcat (prefix, lib_rows[li].method, NULL));
    g_free (prefix);
  }
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (gchar **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL,
          NULL, &out, &err, &status, &error)) {
    lib_note (g_strdup_printf (
        "libs-library: n/a, cannot run %s: %s", opt_python, error->message));
    g_clear_error (&error);
    goto done;
  }

  lines = g_strsplit (out, "\n", -1);
  for (l = lines; *l; l++) {
    gchar **f = g_strsplit (*l, "\t", -1);
    guint n = g_strv_length (f);

    if (n >= 3 && g_str_equal (f[0], "version"))
      g_string_append_printf (versions, "%s%s %s", versions->len ? ", " : "",
          g_str_equal (f[1], "opencv") ? "OpenCV" : "Pillow", f[2]);
    else if (n >= 3 && g_str_equal (f[0], "unavailable")) {
      /* only for a library with a selected row */
      for (li = 0; li < N_LIB_ROWS; li++)
        if (lib_results[li].measured
            && g_str_equal (lib_rows[li].library, f[1])) {
          lib_note (
              g_strdup_printf ("libs-library: n/a for %s: %s", f[1], f[2]));
          break;
        }
    } else if (n >= 5 && g_str_equal (f[0], "skip"))
      lib_note (g_strdup_printf (
          "libs-library: n/a for %s %s %s: %s", f[1], f[2], f[3], f[4]));
    for (li = 0; li < N_LIB_ROWS; li++) {
      const LibRow *r = &lib_rows[li];
      LibResult *res = &lib_results[li];
      gchar *name = scenario_name (&r->s);

      if (res->measured && n >= 3 && g_str_equal (f[0], "frame")
          && g_str_equal (f[1], name)) {
        if (g_str_equal (f[2], res->frame_md5))
          matched++;
        else
          mismatch = TRUE;
      }
      if (res->measured && n >= 6 && g_str_equal (f[0], "lib")
          && g_str_equal (f[1], r->library) && g_str_equal (f[2], name)
          && g_str_equal (f[3], r->method)) {
        res->ms[LIB_LIBRARY] = g_ascii_strtod (f[4], NULL);
        g_free (res->md5[LIB_LIBRARY]);
        res->md5[LIB_LIBRARY] = g_strdup (f[5]);
      }
      g_free (name);
    }
    g_strfreev (f);
  }
  g_strfreev (lines);

  if (!g_spawn_check_wait_status (status, &error)) {
    lib_note (g_strdup_printf ("libs-library: libs-bench.py failed (%s): %s",
        error->message, err ? g_strstrip (err) : ""));
    g_clear_error (&error);
  } else if (mismatch) {
    lib_note (g_strdup ("WARNING: libs-bench.py generated different frames "
                        "(MD5 mismatch); its column and same bytes are not "
                        "comparable"));
  } else if (matched > 0) {
    /* matched counts rows: rows of one scenario share a frame line */
    lib_note (g_strdup_printf (
        "libs-library: %s, same input frames (MD5 equal, %u rows); "
        "cv2.setNumThreads(1), into a preallocated dst; Image.resize "
        "(reducing_gap=None) on an Image made once, Image.fromarray outside "
        "the timing",
        versions->len ? versions->str : "?", matched));
  }

done:
  g_string_free (versions, TRUE);
  g_free (out);
  g_free (err);
  g_ptr_array_unref (argv);
}

/* "yes" if both outputs have one MD5, "no", "n/a" (no MD5 for one) or "-"
 * (a column not run) */
static const gchar *
lib_same_bytes (const LibResult *res)
{
  if (res->ms[LIB_ALIGNSCALE] == MS_SKIPPED
      || res->ms[LIB_LIBRARY] == MS_SKIPPED)
    return "-";
  if (res->md5[LIB_ALIGNSCALE] == NULL || res->md5[LIB_LIBRARY] == NULL)
    return "n/a";
  return g_str_equal (res->md5[LIB_ALIGNSCALE], res->md5[LIB_LIBRARY]) ? "yes"
                                                                       : "no";
}

static void
print_lib_row (const gchar *scenario, const gchar *method, const gchar *model,
    const gchar *a, const gchar *call, const gchar *lib, const gchar *ratio,
    const gchar *same)
{
  g_print ("bench: %-30s %-11s %-7s %10s  %-24s %8s %7s  %s\n", scenario,
      method, model, a, call, lib, ratio, same);
}

static void
print_lib_table (void)
{
  guint li, k;

  g_print ("bench: library bytes: alignscale integer-model=opencv/pillow "
           "against the library call whose bytes it reproduces, one thread "
           "each; ratio = alignscale / library; same bytes: the MD5 of the "
           "two outputs is equal\n");
  print_lib_row ("scenario", "method", "model", "alignscale", "library call",
      "library", "ratio", "same bytes");
  for (li = 0; li < N_LIB_ROWS; li++) {
    const LibRow *r = &lib_rows[li];
    const LibResult *res = &lib_results[li];
    gchar *name, *call, *a, *lib, *ratio;

    if (!res->measured)
      continue;
    name = scenario_name (&r->s);
    call = lib_call_name (r);
    a = fmt_ms (res->ms[LIB_ALIGNSCALE]);
    lib = fmt_ms (res->ms[LIB_LIBRARY]);
    ratio = fmt_ratio (res->ms[LIB_ALIGNSCALE], res->ms[LIB_LIBRARY]);
    print_lib_row (
        name, r->method, r->library, a, call, lib, ratio, lib_same_bytes (res));
    g_free (name);
    g_free (call);
    g_free (a);
    g_free (lib);
    g_free (ratio);
  }
  for (li = 0; li < N_LIB_ROWS; li++) {
    const LibRow *r = &lib_rows[li];
    gchar *name;

    if (!lib_results[li].warning)
      continue;
    name = scenario_name (&r->s);
    g_print ("bench: library bytes: alignscale warned on %s method=%s "
             "integer-model=%s: \"%s\" (the exact chain ran: not the "
             "library's bytes)\n",
        name, r->method, r->library, lib_results[li].warning);
    g_free (name);
  }
  for (k = 0; k < lib_notes->len; k++)
    g_print ("bench: library bytes: %s\n",
        (const gchar *) g_ptr_array_index (lib_notes, k));
}

/* one target line per row: alignscale / library against the row's bound,
 * or its ratio alone (report only); then whether the bytes are the
 * library's: a target is met only if they are (else the speed is that of
 * other work, e.g. the exact chain alignscale falls back to) */
static void
print_lib_targets (void)
{
  guint li;

  for (li = 0; li < N_LIB_ROWS; li++) {
    const LibRow *r = &lib_rows[li];
    const LibResult *res = &lib_results[li];
    gdouble a = res->ms[LIB_ALIGNSCALE], l = res->ms[LIB_LIBRARY];
    gchar *name, *what;

    if (!res->measured || a == MS_SKIPPED || l == MS_SKIPPED)
      continue;
    name = scenario_name (&r->s);
    what = g_strdup_printf ("%s bytes vs %s", r->library, r->call);
    if (a < 0 || l <= 0)
      g_print ("target: %-30s %-11s %-28s %7s%s\n", name, r->method, what,
          "n/a", r->bound > 0 ? "" : " report only");
    else if (r->bound > 0)
      g_print ("target: %-30s %-11s %-28s %6.2fx <= %.2fx %s (same bytes: "
               "%s)\n",
          name, r->method, what, a / l, r->bound,
          a / l <= r->bound && g_str_equal (lib_same_bytes (res), "yes")
              ? "met"
              : "MISSED",
          lib_same_bytes (res));
    else
      g_print ("target: %-30s %-11s %-28s %6.2fx report only (same bytes: "
               "%s)\n",
          name, r->method, what, a / l, lib_same_bytes (res));
    g_free (what);
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
        "'RGB 224' (the conversion scenario); the library-bytes rows match "
        "'LIBRARY SCENARIO', e.g. pillow",
        "SUBSTRING" },
    { "opencv-script", 0, 0, G_OPTION_ARG_FILENAME, &opt_opencv_script,
        "opencv-bench.py (default $ALIGNSCALE_BENCH_OPENCV or the source tree's)",
        "PATH" },
    { "python", 0, 0, G_OPTION_ARG_FILENAME, &opt_python,
        "Python with cv2 and PIL (default $ALIGNSCALE_BENCH_PYTHON or " DEFAULT_PYTHON
        ")", "PATH" },
    { "libs-script", 0, 0, G_OPTION_ARG_FILENAME, &opt_libs_script,
        "libs-bench.py (default $ALIGNSCALE_BENCH_LIBS or the source tree's)",
        "PATH" },
    { "no-opencv", 0, 0, G_OPTION_ARG_NONE, &opt_no_opencv,
        "Skip the OpenCV column", NULL },
    { "method", 'm', 0, G_OPTION_ARG_STRING, &opt_method,
        "Only these rows (comma-separated): bilinear, bicubic, bilinear-aa, "
        "bicubic-aa; of the library-bytes table area, lanczos too", "NAMES" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &opt_only,
        "Only these columns (comma-separated): alignscale, alignscale-2t, "
        "videoscale, videoscale-2t, opencv, libyuv, memcpy; of the "
        "conversion section convert-fused, convert-vc-as, convert-vcs, "
        "convert-vs-vc; of the library-bytes section libs-alignscale, "
        "libs-library (libs: both); the others print -", "NAMES" },
    { NULL }
  };
  /* clang-format on */
  GOptionContext *ctx;
  GError *error = NULL;
  GstPluginFeature *f;
  gint iterations, warmup;
  guint si, mi, c, ci, li, selected = 0, conv_selected = 0, lib_selected = 0;
  gboolean scale_section = FALSE;
  const gchar *method_names[N_METHODS + N_LIB_ROWS];
  const gchar *only_names[N_COLS + N_CONV_COLS + N_LIB_COLS + 1];
  gchar *opencv_note = NULL;
  gdouble t_start = now_ms ();

  ctx = g_option_context_new ("- alignscale against videoscale, OpenCV, "
                              "libyuv, memcpy, and its library models "
                              "against cv2.resize and Image.resize");
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_option_context_add_group (ctx, gst_init_get_option_group ());
  if (!g_option_context_parse (ctx, &argc, &argv, &error)) {
    g_printerr ("%s\n", error->message);
    return 2;
  }
  g_option_context_free (ctx);
  for (mi = 0; mi < N_METHODS; mi++)
    method_names[mi] = methods[mi].name;
  for (li = 0; li < N_LIB_ROWS; li++)
    method_names[N_METHODS + li] = lib_rows[li].method;
  for (c = 0; c < N_COLS; c++)
    only_names[c] = column_names[c];
  for (c = 0; c < N_CONV_COLS; c++)
    only_names[N_COLS + c] = conv_column_names[c];
  for (c = 0; c < N_LIB_COLS; c++)
    only_names[N_COLS + N_CONV_COLS + c] = lib_column_names[c];
  only_names[N_COLS + N_CONV_COLS + N_LIB_COLS] = LIB_COLUMNS_ALL;
  /* the conversion rows' names are among methods[]'s */
  if ((opt_only
          && !check_list (
              "--only", opt_only, only_names, G_N_ELEMENTS (only_names)))
      || (opt_method
          && !check_list ("--method", opt_method, method_names,
              G_N_ELEMENTS (method_names))))
    return 2;
  for (c = 0; c < N_COLS; c++) {
    column_on[c] = in_list (opt_only, column_names[c]);
    /* the scaling section runs if --only names one of its columns */
    scale_section |= column_on[c];
  }
  for (c = 0; c < N_CONV_COLS; c++)
    conv_column_on[c] = in_list (opt_only, conv_column_names[c]);
  for (c = 0; c < N_LIB_COLS; c++)
    lib_column_on[c] = in_list (opt_only, lib_column_names[c])
        || in_list (opt_only, LIB_COLUMNS_ALL);
  if (opt_no_opencv)
    column_on[COL_OPENCV] = FALSE;
  conv_notes = g_ptr_array_new_with_free_func (g_free);
  lib_notes = g_ptr_array_new_with_free_func (g_free);

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
  if (opt_libs_script == NULL)
    opt_libs_script = g_strdup (g_getenv ("ALIGNSCALE_BENCH_LIBS")
            ? g_getenv ("ALIGNSCALE_BENCH_LIBS")
            : LIBS_BENCH_SCRIPT);
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
    have_integer_model = g_object_class_find_property (
                             G_OBJECT_GET_CLASS (e), "integer-model")
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
  for (li = 0; li < N_LIB_ROWS; li++)
    if (lib_row_selected (li))
      lib_selected++;
  if (selected == 0 && conv_selected == 0 && lib_selected == 0) {
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
  for (li = 0; li < N_LIB_ROWS; li++) {
    gchar *name;

    if (!lib_row_selected (li))
      continue;
    name = scenario_name (&lib_rows[li].s);
    g_printerr ("measuring %s %s integer-model=%s...\n", name,
        lib_rows[li].method, lib_rows[li].library);
    measure_lib (li, iterations, warmup);
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
  if (lib_selected > 0) {
    if (lib_column_on[LIB_LIBRARY]) {
      g_printerr ("running %s %s...\n", opt_python, opt_libs_script);
      run_libs (iterations, warmup);
    }
    print_lib_table ();
    print_lib_targets ();
  }
  g_print ("bench: total %.1f s\n", (now_ms () - t_start) / 1e3);

  g_free (opencv_note);
  g_ptr_array_unref (conv_notes);
  g_ptr_array_unref (lib_notes);
  for (li = 0; li < N_LIB_ROWS; li++) {
    g_free (lib_results[li].frame_md5);
    for (c = 0; c < N_LIB_COLS; c++)
      g_free (lib_results[li].md5[c]);
    g_free (lib_results[li].warning);
  }
  for (si = 0; si < N_SCENARIOS; si++) {
    g_free (frame_md5[si]);
    g_free (opencv_skip[si]);
  }
  g_free (opt_scenario);
  g_free (opt_method);
  g_free (opt_only);
  g_free (opt_opencv_script);
  g_free (opt_libs_script);
  g_free (opt_python);
  return 0;
}
