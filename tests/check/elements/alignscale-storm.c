/* property storm while streaming: every frame is produced with exactly one
 * consistent configuration
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A second thread switches the element between K complete configurations
 * (every property, one group per switch) as fast as it can, while the
 * main thread pushes the same input frame thousands of times. Each output
 * must equal the frame a fresh element gives with one of the
 * configurations; a mix of two (one's size and another's mapping, half of
 * one group applied, ...) matches none.
 *
 * The conversion variants (YUV in, RGB out, docs/conversion.md) switch
 * chroma-upsampling with the rest: a frame converted with one
 * configuration's upsampling and resized with another's mapping matches
 * none either.
 *
 * Some configurations crop the input (crop), the others not: a frame
 * cropped by one configuration and mapped by another matches none.
 *
 * Most configurations place the picture with a letterbox preset
 * (ultralytics, pillow, mmdet, deepstream(-symmetric), tf; some none):
 * a frame with one configuration's letterbox and another's size or
 * mapping matches none (check_letterbox_matters: each configuration with
 * each other's preset is none of the configurations' frames).
 *
 * The library variants switch integer-model too (exact, opencv, pillow;
 * docs/integer-models.md) with the method: a frame made with one
 * configuration's library model and another's method, or half a library
 * plan, matches none. One of their configurations asks pillow for
 * lanczos4, which it does not have: the default chain with that
 * configuration's mapping, switched to and from like the others.
 *
 * Environment: ALIGNSCALE_STORM_FRAMES frames per case (default 50000,
 * ~3 s each here; 2000 is enough under valgrind), ALIGNSCALE_STORM_SEED.
 */
#include <gst/check/gstcheck.h>
#include <gst/check/gstharness.h>
#include <gst/video/video.h>
#include <math.h>
#include <string.h>

#include "common.h"

#define DEFAULT_FRAMES 50000
/* at least this many switches during the stream (a loaded machine may
 * starve the storm thread for a while: then push on, up to 4x frames) */
#define MIN_CHANGES 1000
#define N_PROPS 15

typedef struct
{
  const gchar *method, *cmode, *nmode;
  gboolean aa, excl;
  gdouble cubic_a, sx, sy, roi[4], ev;
  const gchar *cu; /* chroma-upsampling (used when converting) */
  const gchar *im; /* integer-model */
  gint crop[4];    /* <x, y, w, h> inside the smallest input (37x29) */
  const gchar *lb; /* letterbox */
} Config;

/* every property differs somewhere; the scale factors and crops choose
 * distinct free output sizes for a 64x48 input: 32x24, 22x16, 96x60,
 * 70x42, 64x48, 6x24 */
static const Config default_configs[] = {
  { "bilinear", "half-pixel", "auto", FALSE, FALSE, -0.75, 0.5, 0.5,
      { 0, 0, 1, 1 }, 0.0, "linear", "exact", { 0, 0, 0, 0 }, "none" },
  { "bicubic", "pytorch-half-pixel", "floor", TRUE, FALSE, -0.5, 0.75, 0.8,
      { 0.2, 0.1, 0.9, 0.8 }, 0.25, "nearest", "exact", { 3, 2, 30, 20 },
      "ultralytics" },
  { "nearest", "asymmetric", "round-prefer-ceil", FALSE, TRUE, -1.5, 1.5, 1.25,
      { 0, 0, 1, 1 }, 1.0, "linear", "exact", { 0, 0, 0, 0 }, "none" },
  { "bicubic", "align-corners", "auto", FALSE, TRUE, -0.6, 2.0, 2.0,
      { -0.1, 0, 1, 1.1 }, 0.5, "nearest", "exact", { 1, 5, 35, 21 },
      "pillow" },
  { "bilinear", "tf-crop-and-resize", "ceil", FALSE, FALSE, -0.75, 0.0, 0.0,
      { 0.1, 0.2, 0.9, 0.7 }, 0.3, "nearest", "exact", { 0, 0, 0, 0 },
      "deepstream-symmetric" },
  { "bilinear", "half-pixel-symmetric", "auto", TRUE, FALSE, 0.0, 0.3, 1.0,
      { 0.5, 0.5, 0.6, 0.6 }, 0.9, "linear", "exact", { 10, 4, 20, 24 },
      "mmdet" },
};

#define K G_N_ELEMENTS (default_configs)

/* integer-model switched too, with the library filters: opencv
 * (bilinear: its exact 2x area path at 0.5; nearest-exact: the _EXACT
 * flavour, a variant of the same kernel; lanczos4), pillow (lanczos;
 * lanczos4, which Pillow has not: the exact chain) and exact; the same
 * free sizes as above. (INTER_AREA at 2x is the first's 2x2 path: not
 * here, the fuzzer switches it live.) The first is align-corners: OpenCV's 2x2
 * average is exact half-pixel bilinear's frame at 2x, and a frame that
 * took the other integer-model must differ. */
static const Config library_configs[K] = {
  { "bilinear", "align-corners", "auto", FALSE, FALSE, -0.75, 0.5, 0.5,
      { 0, 0, 1, 1 }, 0.0, "linear", "opencv", { 0, 0, 0, 0 }, "none" },
  { "lanczos4", "pytorch-half-pixel", "floor", TRUE, FALSE, -0.5, 0.75, 0.8,
      { 0.2, 0.1, 0.9, 0.8 }, 0.25, "nearest", "pillow", { 2, 2, 33, 25 },
      "ultralytics" },
  { "nearest-exact", "asymmetric", "round-prefer-ceil", FALSE, TRUE, -1.5, 1.5,
      1.25, { 0, 0, 1, 1 }, 1.0, "linear", "opencv", { 0, 0, 0, 0 }, "tf" },
  { "lanczos", "align-corners", "auto", FALSE, TRUE, -0.6, 2.0, 2.0,
      { -0.1, 0, 1, 1.1 }, 0.5, "nearest", "pillow", { 4, 0, 32, 29 },
      "pillow" },
  { "bilinear", "tf-crop-and-resize", "ceil", FALSE, FALSE, -0.75, 0.0, 0.0,
      { 0.1, 0.2, 0.9, 0.7 }, 0.3, "nearest", "exact", { 5, 3, 31, 22 },
      "none" },
  { "lanczos4", "half-pixel-symmetric", "auto", FALSE, FALSE, -0.5, 0.3, 1.0,
      { 0.5, 0.5, 0.6, 0.6 }, 0.9, "linear", "opencv", { 0, 0, 0, 0 },
      "deepstream" },
};

/* the configurations the running storm switches between (the test sets
 * it first) */
static const Config *configs = default_configs;

static const gchar *const prop_names[N_PROPS] = { "method", "coordinate-mode",
  "nearest-mode", "antialias", "exclude-outside", "cubic-a", "scale-factor-x",
  "scale-factor-y", "roi", "extrapolation-value", "align-corners",
  "chroma-upsampling", "integer-model", "crop", "letterbox" };

/* one configuration as GValues for g_object_setv () */
static void
config_values (GstElement *e, const Config *c, GValue *v)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (e);

  for (guint i = 0; i < N_PROPS; i++) {
    GParamSpec *ps = g_object_class_find_property (klass, prop_names[i]);

    fail_unless (ps != NULL, "no property %s", prop_names[i]);
    g_value_init (&v[i], ps->value_type);
  }
  /* align-corners is a view of coordinate-mode: set it first in the group
   * so coordinate-mode wins, as a user setting both might */
  g_value_set_boolean (&v[10], !strcmp (c->cmode, "align-corners"));
  fail_unless (gst_value_deserialize (&v[0], c->method));
  fail_unless (gst_value_deserialize (&v[1], c->cmode));
  fail_unless (gst_value_deserialize (&v[2], c->nmode));
  g_value_set_boolean (&v[3], c->aa);
  g_value_set_boolean (&v[4], c->excl);
  g_value_set_double (&v[5], c->cubic_a);
  g_value_set_double (&v[6], c->sx);
  g_value_set_double (&v[7], c->sy);
  for (guint i = 0; i < 4; i++) {
    GValue d = G_VALUE_INIT;

    g_value_init (&d, G_TYPE_DOUBLE);
    g_value_set_double (&d, c->roi[i]);
    gst_value_array_append_and_take_value (&v[8], &d);
  }
  g_value_set_double (&v[9], c->ev);
  fail_unless (gst_value_deserialize (&v[11], c->cu));
  fail_unless (gst_value_deserialize (&v[12], c->im));
  for (guint i = 0; c->crop[2] && i < 4; i++) {
    GValue d = G_VALUE_INIT;

    g_value_init (&d, G_TYPE_INT);
    g_value_set_int (&d, c->crop[i]);
    gst_value_array_append_and_take_value (&v[13], &d);
  }
  fail_unless (gst_value_deserialize (&v[14], c->lb));
}

/* the order of the setv: align-corners before coordinate-mode */
static const guint set_order[N_PROPS] = { 10, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11,
  12, 13, 14 };

typedef struct
{
  GValue v[N_PROPS];
  const gchar *names[N_PROPS];
  GValue ordered[N_PROPS];
} ConfigValues;

static void
config_values_init (ConfigValues *cv, GstElement *e, const Config *c)
{
  memset (cv, 0, sizeof (*cv));
  config_values (e, c, cv->v);
  for (guint i = 0; i < N_PROPS; i++) {
    cv->names[i] = prop_names[set_order[i]];
    g_value_init (&cv->ordered[i], G_VALUE_TYPE (&cv->v[set_order[i]]));
    g_value_copy (&cv->v[set_order[i]], &cv->ordered[i]);
  }
}

static void
config_values_clear (ConfigValues *cv)
{
  for (guint i = 0; i < N_PROPS; i++) {
    g_value_unset (&cv->v[i]);
    g_value_unset (&cv->ordered[i]);
  }
}

/* one complete configuration, published as one group: one
 * g_object_setv () call, or frozen notifications around single sets */
static void
apply (GstElement *e, const ConfigValues *cv, gboolean one_call)
{
  if (one_call) {
    g_object_setv (
        G_OBJECT (e), N_PROPS, (const gchar **) cv->names, cv->ordered);
    return;
  }
  g_object_freeze_notify (G_OBJECT (e));
  for (guint i = 0; i < N_PROPS; i++)
    g_object_set_property (G_OBJECT (e), cv->names[i], &cv->ordered[i]);
  g_object_thaw_notify (G_OBJECT (e));
}

/* one frame through a fresh element with configuration c; out_info gets
 * the negotiated output */
static GstBuffer *
scale_fresh_config (const gchar *in_caps, const gchar *out_caps, GstBuffer *in,
    const Config *c, GstVideoInfo *out_info)
{
  GstHarness *h = gst_harness_new ("alignscale");
  ConfigValues cv;
  GstBuffer *out;
  GstCaps *caps;

  config_values_init (&cv, h->element, c);
  apply (h->element, &cv, TRUE);
  config_values_clear (&cv);
  gst_harness_set_sink_caps_str (h, out_caps);
  gst_harness_set_src_caps_str (h, in_caps);
  out = gst_harness_push_and_pull (h, gst_buffer_ref (in));
  fail_unless (out != NULL, "%s -> %s gave no frame", in_caps, out_caps);
  caps = gst_pad_get_current_caps (h->sinkpad);
  fail_unless (caps && gst_video_info_from_caps (out_info, caps));
  gst_caps_unref (caps);
  gst_harness_teardown (h);
  return out;
}

/* the same with configuration k */
static GstBuffer *
scale_fresh (const gchar *in_caps, const gchar *out_caps, GstBuffer *in,
    guint k, GstVideoInfo *out_info)
{
  return scale_fresh_config (in_caps, out_caps, in, &configs[k], out_info);
}

/* whether the element converts in_caps to out (then chroma-upsampling
 * matters) */
static gboolean
converts (const gchar *in_caps, const GstVideoInfo *out)
{
  GstCaps *caps = gst_caps_from_string (in_caps);
  GstVideoInfo info;

  fail_unless (caps && gst_video_info_from_caps (&info, caps));
  gst_caps_unref (caps);
  return GST_VIDEO_INFO_FORMAT (&info) != GST_VIDEO_INFO_FORMAT (out);
}

/* converting: configuration k with the other chroma-upsampling (a frame
 * that took the upsampling from another configuration) is none of the
 * configurations' frames, so a torn switch cannot pass */
static void
check_upsampling_matters (const gchar *in_caps, const gchar *out_caps,
    GstBuffer *in, GstBuffer **ref, const GstVideoInfo *info)
{
  for (guint k = 0; k < K; k++) {
    Config c = configs[k];
    GstVideoInfo fi;
    GstBuffer *flip;

    c.cu = strcmp (c.cu, "linear") ? "linear" : "nearest";
    flip = scale_fresh_config (in_caps, out_caps, in, &c, &fi);
    for (guint j = 0; j < K; j++)
      fail_if (gst_video_info_is_equal (&fi, &info[j])
              && frames_equal_info (flip, ref[j], &fi),
          "%s -> %s: configuration %u with chroma-upsampling=%s gives "
          "configuration %u's frame",
          in_caps, out_caps, k, c.cu, j);
    gst_buffer_unref (flip);
  }
}

/* letterbox switched: configuration k with another configuration's preset
 * (its own size, mapping and crop) is none of the other configurations'
 * frames, so a frame placed by one configuration's letterbox at another's
 * size cannot pass. It may be k's own frame: a preset that places k's
 * picture on the whole output (the same aspect, or one that cannot place
 * it and fills) changes nothing there; most of the flips must change k's
 * frame, though (a third), or the letterbox would not be switched at all. */
static void
check_letterbox_matters (const gchar *in_caps, const gchar *out_caps,
    GstBuffer *in, GstBuffer **ref, const GstVideoInfo *info)
{
  guint flips = 0, changed = 0;

  for (guint k = 0; k < K; k++)
    for (guint o = 0; o < K; o++) {
      Config c = configs[k];
      GstVideoInfo fi;
      GstBuffer *flip;

      if (!strcmp (c.lb, configs[o].lb))
        continue;
      c.lb = configs[o].lb;
      flip = scale_fresh_config (in_caps, out_caps, in, &c, &fi);
      flips++;
      changed += !gst_video_info_is_equal (&fi, &info[k])
          || !frames_equal_info (flip, ref[k], &fi);
      for (guint j = 0; j < K; j++)
        fail_if (j != k && gst_video_info_is_equal (&fi, &info[j])
                && frames_equal_info (flip, ref[j], &fi),
            "%s -> %s: configuration %u with letterbox=%s gives "
            "configuration %u's frame",
            in_caps, out_caps, k, c.lb, j);
      gst_buffer_unref (flip);
    }
  fail_unless (changed * 3 > flips,
      "%s -> %s: only %u of %u letterbox flips change a frame", in_caps,
      out_caps, changed, flips);
}

/* integer-model switched: configuration k on exact instead is none of the
 * configurations' frames where its library model makes the planes (a
 * frame that took the model of another configuration cannot pass), and
 * is its own frame where the library has no such method (opencv
 * antialiased: the default chain) */
static void
check_library_matters (const gchar *in_caps, const gchar *out_caps,
    GstBuffer *in, GstBuffer **ref, const GstVideoInfo *info)
{
  for (guint k = 0; k < K; k++) {
    Config c = configs[k];
    gboolean covered = !strcmp (c.im, "pillow")
        ? strcmp (c.method, "area") && strcmp (c.method, "lanczos4")
        : g_str_has_prefix (c.method, "nearest") || !strcmp (c.method, "area")
            || (!c.aa
                && (g_str_has_prefix (c.method, "bilinear")
                    || !strcmp (c.method, "bicubic")
                    || !strcmp (c.method, "lanczos4")));
    GstVideoInfo fi;
    GstBuffer *flip;

    if (!strcmp (c.im, "exact"))
      continue;
    c.im = "exact";
    flip = scale_fresh_config (in_caps, out_caps, in, &c, &fi);
    fail_unless (gst_video_info_is_equal (&fi, &info[k]));
    if (!covered)
      fail_unless (frames_equal_info (flip, ref[k], &fi),
          "%s -> %s: configuration %u (integer-model=%s, %s%s) is not the "
          "default chain's frame",
          in_caps, out_caps, k, configs[k].im, c.method,
          c.aa ? " antialias" : "");
    else
      for (guint j = 0; j < K; j++)
        fail_if (gst_video_info_is_equal (&fi, &info[j])
                && frames_equal_info (flip, ref[j], &fi),
            "%s -> %s: configuration %u with integer-model=exact gives "
            "configuration %u's frame",
            in_caps, out_caps, k, j);
    gst_buffer_unref (flip);
  }
}

typedef struct
{
  GstElement *element;
  ConfigValues cv[K];
  gint stop;
  gint changes;
  guint32 seed;
} Storm;

static gpointer
storm_thread (gpointer data)
{
  Storm *s = data;
  guint32 r = s->seed;

  while (!g_atomic_int_get (&s->stop)) {
    guint32 x = xorshift32 (&r);

    apply (s->element, &s->cv[x % K], (x >> 16) & 1);
    /* the thread count too: it changes no byte */
    if ((x >> 20) % 8 == 0)
      g_object_set (s->element, "n-threads", (guint) (x >> 24) % 4, NULL);
    g_atomic_int_inc (&s->changes);
    g_thread_yield ();
  }
  return NULL;
}

static guint
n_frames (void)
{
  const gchar *s = g_getenv ("ALIGNSCALE_STORM_FRAMES");
  return s ? (guint) g_ascii_strtoull (s, NULL, 0) : DEFAULT_FRAMES;
}

static guint32
storm_seed (void)
{
  const gchar *s = g_getenv ("ALIGNSCALE_STORM_SEED");
  guint32 seed = s ? (guint32) g_ascii_strtoull (s, NULL, 0) : 0x5eed;
  return seed ? seed : 1;
}

/* push on until enough frames and enough switches during them */
static gboolean
keep_pushing (guint i, guint frames, Storm *s)
{
  return i < frames
      || (g_atomic_int_get (&s->changes) < MIN_CHANGES && i < 4 * frames);
}

static void
start_storm (Storm *s, GstHarness *h, GThread **thread)
{
  memset (s, 0, sizeof (*s));
  s->element = h->element;
  s->seed = storm_seed ();
  for (guint k = 0; k < K; k++)
    config_values_init (&s->cv[k], h->element, &configs[k]);
  *thread = g_thread_new ("storm", storm_thread, s);
}

static void
stop_storm (Storm *s, GThread *thread)
{
  g_atomic_int_set (&s->stop, 1);
  g_thread_join (thread);
  for (guint k = 0; k < K; k++)
    config_values_clear (&s->cv[k]);
}

static void
print_counts (const gchar *what, const guint *seen, guint mismatches,
    guint frames, gint changes, gdouble secs)
{
  GString *s = g_string_new (NULL);

  for (guint k = 0; k < K; k++)
    g_string_append_printf (s, " %u", seen[k]);
  g_print ("storm %s%s: %u frames, %d configuration changes, matches per "
           "configuration:%s, mismatches %u, %.1f s\n",
      what, configs == library_configs ? " (integer-model switched too)" : "",
      frames, changes, s->str, mismatches, secs);
  g_string_free (s, TRUE);
}

/* without a second thread: every switch from one configuration to
 * another gives the new one's frame; ends on configuration 0 */
static void
check_switches (GstHarness *h, GstBuffer *in, GstBuffer **ref,
    const GstVideoInfo *info, const gchar *what)
{
  ConfigValues cv[K];

  for (guint k = 0; k < K; k++)
    config_values_init (&cv[k], h->element, &configs[k]);
  for (guint i = 0; i < 2 * K * K + 1; i++) {
    /* j, k, j, k', ...: every ordered pair */
    guint pair = i / 2, k = i % 2 ? pair % K : pair / K % K;
    GstBuffer *out;

    if (i == 2 * K * K)
      k = 0;
    apply (h->element, &cv[k], i & 1);
    out = gst_harness_push_and_pull (h, gst_buffer_ref (in));
    fail_unless (out != NULL);
    fail_unless (gst_buffer_get_size (out) == info[k].size
            && frames_equal_info (out, ref[k], &info[k]),
        "%s: frame %u, just switched to configuration %u, is not its frame",
        what, i, k);
    gst_buffer_unref (out);
  }
  for (guint k = 0; k < K; k++)
    config_values_clear (&cv[k]);
}

/* ------------------------------------------------- fixed output size */

static void
storm_fixed (const gchar *in_caps, const gchar *out_caps_size, guint32 seed)
{
  /* the PAR fixed too: a crop's aspect or a padding preset would choose
   * another free PAR (a renegotiation, which storm_free has) */
  gchar *out_caps = g_strconcat (
      out_caps_size, ",pixel-aspect-ratio=1/1", NULL);
  GstBuffer *in = random_buffer (in_caps, seed), *ref[K];
  GstVideoInfo info, ri, infos[K];
  GstHarness *h = gst_harness_new ("alignscale");
  guint seen[K], mismatches = 0, first_bad = 0, frames = n_frames (), i;
  Storm storm;
  GThread *thread;
  gint64 t0;

  memset (seen, 0, sizeof (seen));
  for (guint k = 0; k < K; k++) {
    ref[k] = scale_fresh (in_caps, out_caps, in, k, &ri);
    if (k == 0)
      info = ri;
    fail_unless (gst_video_info_is_equal (&info, &ri));
    /* pairwise different, or a mix could pass for one of them */
    for (guint j = 0; j < k; j++)
      fail_if (frames_equal_info (ref[j], ref[k], &info),
          "%s: configurations %u and %u give the same frame", in_caps, j, k);
  }

  for (guint k = 0; k < K; k++)
    infos[k] = info;
  if (converts (in_caps, &info))
    check_upsampling_matters (in_caps, out_caps, in, ref, infos);
  check_library_matters (in_caps, out_caps, in, ref, infos);
  check_letterbox_matters (in_caps, out_caps, in, ref, infos);

  gst_harness_set_sink_caps_str (h, out_caps);
  gst_harness_set_src_caps_str (h, in_caps);

  /* first without a second thread */
  check_switches (h, in, ref, infos, in_caps);

  start_storm (&storm, h, &thread);
  t0 = g_get_monotonic_time ();
  for (i = 0; keep_pushing (i, frames, &storm); i++) {
    GstBuffer *out = gst_harness_push_and_pull (h, gst_buffer_ref (in));
    guint k;

    fail_unless (out != NULL, "%s: no output for frame %u", in_caps, i);
    fail_unless_equals_int (gst_buffer_get_size (out), info.size);
    for (k = 0; k < K && !frames_equal_info (out, ref[k], &info); k++)
      ;
    if (k < K)
      seen[k]++;
    else if (mismatches++ == 0)
      first_bad = i;
    gst_buffer_unref (out);
  }
  stop_storm (&storm, thread);
  frames = i;
  print_counts (in_caps, seen, mismatches, frames, storm.changes,
      (g_get_monotonic_time () - t0) / 1e6);

  for (guint k = 0; k < K; k++)
    gst_buffer_unref (ref[k]);
  gst_buffer_unref (in);
  gst_harness_teardown (h);
  fail_unless (mismatches == 0,
      "%s -> %s: %u of %u frames match no configuration (first: frame %u)",
      in_caps, out_caps, mismatches, frames, first_bad);
  /* the storm overlapped the stream */
  fail_unless (storm.changes >= 100, "only %d switches during %u frames",
      storm.changes, frames);
  g_free (out_caps);
}

GST_START_TEST (test_storm_fixed_size)
{
  configs = default_configs;
  storm_fixed ("video/x-raw,format=RGBA,width=64,height=48,framerate=30/1",
      "video/x-raw,format=RGBA,width=53,height=17", 3);
  storm_fixed ("video/x-raw,format=I420,width=37,height=29,framerate=30/1",
      "video/x-raw,format=I420,width=20,height=30", 4);
}

GST_END_TEST;

/* YUV in, RGB out: the conversion switches with the resize */
GST_START_TEST (test_storm_convert_fixed_size)
{
  configs = default_configs;
  storm_fixed ("video/x-raw,format=NV12,width=64,height=48,framerate=30/1,"
               "colorimetry=bt709,chroma-site=jpeg",
      "video/x-raw,format=RGB,width=53,height=17", 6);
  storm_fixed ("video/x-raw,format=I422_10LE,width=37,height=29,"
               "framerate=30/1,colorimetry=1:4:0:0,chroma-site=mpeg2",
      "video/x-raw,format=RGBP,width=20,height=30", 7);
}

GST_END_TEST;

/* -------------------------------------------------- free output size */

/* config k's mapping at config a's size: what a frame that mixes the two
 * looks like (a fresh element with a's size fixed downstream) */
static GstBuffer *
mixed_frame (
    const gchar *in_caps, GstBuffer *in, const GstVideoInfo *size_of, guint k)
{
  gchar *oc = g_strdup_printf ("video/x-raw,format=%s,width=%d,height=%d",
      GST_VIDEO_INFO_NAME (size_of), size_of->width, size_of->height);
  GstVideoInfo info;
  GstBuffer *out = scale_fresh (in_caps, oc, in, k, &info);

  g_free (oc);
  return out;
}

/* in_caps 64x48, out_caps without a size: each configuration's scale
 * factors give it its own output size */
static void
storm_free (const gchar *in_caps, const gchar *out_caps, guint32 seed)
{
  GstBuffer *in = random_buffer (in_caps, seed), *ref[K];
  GstVideoInfo info[K];
  GstHarness *h = gst_harness_new ("alignscale");
  guint seen[K], mismatches = 0, caps_mismatches = 0, frames = n_frames (), i;
  gint first_bad = -1;
  gchar diagnosis[256] = "";
  Storm storm;
  GThread *thread;
  gint64 t0;

  memset (seen, 0, sizeof (seen));
  for (guint k = 0; k < K; k++) {
    /* the crop's size, where there is one (as after videocrop) */
    gint cw = configs[k].crop[2] ? configs[k].crop[2] : 64;
    gint ch = configs[k].crop[2] ? configs[k].crop[3] : 48;
    gint w = configs[k].sx > 0 ? (gint) floor (cw * configs[k].sx) : cw;
    gint hh = configs[k].sy > 0 ? (gint) floor (ch * configs[k].sy) : ch;

    ref[k] = scale_fresh (in_caps, out_caps, in, k, &info[k]);
    fail_unless (info[k].width == w && info[k].height == hh,
        "config %u: %dx%d, want floor (in * s) = %dx%d", k, info[k].width,
        info[k].height, w, hh);
    /* frames are told apart by their size */
    for (guint j = 0; j < k; j++)
      fail_if (
          info[j].size == info[k].size, "configs %u and %u: same size", j, k);
  }

  if (converts (in_caps, &info[0]))
    check_upsampling_matters (in_caps, out_caps, in, ref, info);
  check_library_matters (in_caps, out_caps, in, ref, info);
  check_letterbox_matters (in_caps, out_caps, in, ref, info);

  gst_harness_set_sink_caps_str (h, out_caps);
  gst_harness_set_src_caps_str (h, in_caps);
  /* first without a second thread (it ends on configuration 0: no frame
   * of the defaults in the storm) */
  check_switches (h, in, ref, info, in_caps);
  start_storm (&storm, h, &thread);
  t0 = g_get_monotonic_time ();
  for (i = 0; keep_pushing (i, frames, &storm); i++) {
    GstBuffer *out;
    GstCaps *caps;
    GstVideoInfo ci;
    guint k;

    fail_unless_equals_int (
        gst_harness_push (h, gst_buffer_ref (in)), GST_FLOW_OK);
    /* pushing is synchronous: the current caps are this frame's */
    caps = gst_pad_get_current_caps (h->sinkpad);
    fail_unless (caps && gst_video_info_from_caps (&ci, caps));
    gst_caps_unref (caps);
    out = gst_harness_pull (h);
    fail_unless (out != NULL);
    for (k = 0; k < K && gst_buffer_get_size (out) != info[k].size; k++)
      ;
    if (k == K || ci.width != info[k].width || ci.height != info[k].height) {
      /* a size no configuration has, or caps that do not describe it */
      if (caps_mismatches++ == 0 && first_bad < 0)
        first_bad = i;
    } else if (frames_equal_info (out, ref[k], &info[k])) {
      seen[k]++;
    } else if (mismatches++ == 0) {
      /* which mapping did it use? */
      if (first_bad < 0)
        first_bad = i;
      for (guint j = 0; j < K; j++) {
        GstBuffer *mix;

        if (j == k)
          continue;
        mix = mixed_frame (in_caps, in, &info[k], j);
        if (frames_equal_info (out, mix, &info[k]))
          g_snprintf (diagnosis, sizeof (diagnosis),
              ": frame %u has configuration %u's size %dx%d and "
              "configuration %u's mapping",
              i, k, info[k].width, info[k].height, j);
        gst_buffer_unref (mix);
      }
    }
    gst_buffer_unref (out);
  }
  stop_storm (&storm, thread);
  frames = i;
  print_counts (in_caps, seen, mismatches + caps_mismatches, frames,
      storm.changes, (g_get_monotonic_time () - t0) / 1e6);

  for (guint k = 0; k < K; k++)
    gst_buffer_unref (ref[k]);
  gst_buffer_unref (in);
  gst_harness_teardown (h);
  fail_unless (caps_mismatches == 0,
      "%s -> %s: %u of %u frames have a size no configuration gives, or "
      "other caps (first: frame %d)",
      in_caps, out_caps, caps_mismatches, frames, first_bad);
  fail_unless (mismatches == 0,
      "%s -> %s: %u of %u frames match no configuration of their size "
      "(first: frame %d)%s",
      in_caps, out_caps, mismatches, frames, first_bad, diagnosis);
  /* the storm overlapped the stream */
  fail_unless (storm.changes >= 100, "only %d switches during %u frames",
      storm.changes, frames);
}

GST_START_TEST (test_storm_free_size)
{
  configs = default_configs;
  storm_free ("video/x-raw,format=RGBA,width=64,height=48,framerate=30/1",
      "video/x-raw,format=RGBA", 5);
}

GST_END_TEST;

/* YUV in, RGB out, the size from the scale factors */
GST_START_TEST (test_storm_convert_free_size)
{
  configs = default_configs;
  storm_free ("video/x-raw,format=I420,width=64,height=48,framerate=30/1,"
              "colorimetry=bt601,chroma-site=mpeg2",
      "video/x-raw,format=BGRx", 8);
}

GST_END_TEST;

/* integer-model switched with the rest: 8-bit RGBA and RGB (each plane a
 * library model's) */
GST_START_TEST (test_storm_library_fixed_size)
{
  configs = library_configs;
  storm_fixed ("video/x-raw,format=RGBA,width=64,height=48,framerate=30/1",
      "video/x-raw,format=RGBA,width=53,height=17", 9);
  storm_fixed ("video/x-raw,format=RGB,width=64,height=48,framerate=30/1",
      "video/x-raw,format=RGB,width=32,height=24", 10);
}

GST_END_TEST;

GST_START_TEST (test_storm_library_free_size)
{
  configs = library_configs;
  storm_free ("video/x-raw,format=RGBA,width=64,height=48,framerate=30/1",
      "video/x-raw,format=RGBA", 11);
}

GST_END_TEST;

/* and converting: the library models resize the converted 8-bit frame */
GST_START_TEST (test_storm_library_convert)
{
  configs = library_configs;
  storm_fixed ("video/x-raw,format=NV12,width=64,height=48,framerate=30/1,"
               "colorimetry=bt709,chroma-site=jpeg",
      "video/x-raw,format=RGB,width=53,height=17", 12);
}

GST_END_TEST;

static Suite *
alignscale_storm_suite (void)
{
  Suite *s = suite_create ("alignscale-storm");
  TCase *tc = tcase_create ("storm");

  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_storm_fixed_size);
  tcase_add_test (tc, test_storm_free_size);
  tcase_add_test (tc, test_storm_convert_fixed_size);
  tcase_add_test (tc, test_storm_convert_free_size);
  tcase_add_test (tc, test_storm_library_fixed_size);
  tcase_add_test (tc, test_storm_library_free_size);
  tcase_add_test (tc, test_storm_library_convert);
  return s;
}

GST_CHECK_MAIN (alignscale_storm);
