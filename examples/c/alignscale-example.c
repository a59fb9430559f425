/* alignscale from a C application: enum properties by nick, a live switch,
 * the way-back meta.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   ninja -C build
 *   GST_PLUGIN_PATH=$PWD/build/gst/alignscale build/examples/alignscale-example
 *
 * (meson test runs it as c_example.) The same 320x240 RGB picture is pushed
 * through appsrc ! alignscale ! appsink (224x224) six times. The element's
 * enum properties are set by their nick with gst_util_set_object_arg (),
 * the way gst-launch-1.0 parses them; their numbers are not part of any
 * framework's vocabulary. After two frames the method changes from
 * bilinear to bicubic, after four the letterbox from none to ultralytics,
 * while PLAYING. Each output frame is read with its stride
 * (GstVideoFrame), summed (md5), and its GstAlignScaleGeometryMeta, a
 * GstCustomMeta read with gst_buffer_get_custom_meta (), tells where the
 * picture landed. The program checks that the output is the same within
 * a configuration and changes at each switch, the output size, the meta's
 * fields and the letterbox's pad rows, and exits non-zero otherwise.
 *
 * Build it elsewhere with
 *   cc alignscale-example.c $(pkg-config --cflags --libs gstreamer-app-1.0 \
 *     gstreamer-video-1.0)
 */
#include <math.h>
#include <string.h>

#include <gst/gst.h>
#include <gst/app/gstappsink.h>
#include <gst/app/gstappsrc.h>
#include <gst/video/video.h>

#define IN_W 320
#define IN_H 240
#define OUT_W 224
#define OUT_H 224
/* the meta's name: a GstCustomMeta, no header of the plugin needed */
#define GEOMETRY_META "GstAlignScaleGeometryMeta"

typedef struct
{
  GstElement *pipeline, *src, *scale, *sink;
} App;

/* what the frame should carry after each switch */
typedef struct
{
  const gchar *property, *nick; /* set before the frame, or NULL */
  const gchar *letterbox;       /* the meta's preset */
  gint pic_x, pic_y, pic_w, pic_h;
} Step;

static const Step steps[] = {
  { "method", "bilinear", "none", 0, 0, 224, 224 },
  { NULL, NULL, "none", 0, 0, 224, 224 },
  { "method", "bicubic", "none", 0, 0, 224, 224 },
  { NULL, NULL, "none", 0, 0, 224, 224 },
  /* Ultralytics' LetterBox: gain min (224/320, 224/240) = 0.7, a 224x168
   * picture centred, rows 0-27 and 196-223 padded with 114 */
  { "letterbox", "ultralytics", "ultralytics", 0, 28, 224, 168 },
  { NULL, NULL, "ultralytics", 0, 28, 224, 168 },
};

/* the same picture every time: a gradient with sharp stripes */
static GstBuffer *
make_frame (guint n)
{
  GstVideoInfo info;
  GstVideoFrame frame;
  GstBuffer *buf;
  gint x, y;

  gst_video_info_set_format (&info, GST_VIDEO_FORMAT_RGB, IN_W, IN_H);
  buf = gst_buffer_new_allocate (NULL, GST_VIDEO_INFO_SIZE (&info), NULL);
  gst_video_frame_map (&frame, &info, buf, GST_MAP_WRITE);
  for (y = 0; y < IN_H; y++) {
    guint8 *row = (guint8 *) GST_VIDEO_FRAME_PLANE_DATA (&frame, 0)
        + y * GST_VIDEO_FRAME_PLANE_STRIDE (&frame, 0);

    for (x = 0; x < IN_W; x++) {
      row[3 * x] = x * 255 / (IN_W - 1);
      row[3 * x + 1] = y * 255 / (IN_H - 1);
      row[3 * x + 2] = ((x + y) / 8) % 2 ? 230 : 20;
    }
  }
  gst_video_frame_unmap (&frame);
  GST_BUFFER_PTS (buf) = n * GST_SECOND / 30;
  GST_BUFFER_DURATION (buf) = GST_SECOND / 30;
  return buf;
}

static gboolean
app_init (App *app)
{
  GstCaps *caps;

  app->pipeline = gst_pipeline_new ("example");
  app->src = gst_element_factory_make ("appsrc", "src");
  app->scale = gst_element_factory_make ("alignscale", "scale");
  app->sink = gst_element_factory_make ("appsink", "sink");
  if (!app->scale) {
    g_printerr ("no alignscale element: set GST_PLUGIN_PATH="
                "$PWD/build/gst/alignscale (after ninja -C build)\n");
    return FALSE;
  }
  if (!app->src || !app->sink) {
    g_printerr ("no appsrc / appsink: install gstreamer1.0-plugins-base\n");
    return FALSE;
  }

  caps = gst_caps_new_simple ("video/x-raw", "format", G_TYPE_STRING, "RGB",
      "width", G_TYPE_INT, IN_W, "height", G_TYPE_INT, IN_H, "framerate",
      GST_TYPE_FRACTION, 30, 1, "pixel-aspect-ratio", GST_TYPE_FRACTION, 1, 1,
      NULL);
  g_object_set (app->src, "caps", caps, "format", GST_FORMAT_TIME, NULL);
  gst_caps_unref (caps);
  caps = gst_caps_new_simple ("video/x-raw", "format", G_TYPE_STRING, "RGB",
      "width", G_TYPE_INT, OUT_W, "height", G_TYPE_INT, OUT_H, NULL);
  g_object_set (app->sink, "caps", caps, "sync", FALSE, NULL);
  gst_caps_unref (caps);

  gst_bin_add_many (
      GST_BIN (app->pipeline), app->src, app->scale, app->sink, NULL);
  if (!gst_element_link_many (app->src, app->scale, app->sink, NULL)) {
    g_printerr ("cannot link appsrc ! alignscale ! appsink\n");
    return FALSE;
  }
  /* PyTorch's F.interpolate (mode="bilinear", align_corners=False): the
   * enums by nick, as in gst-launch-1.0 (not g_object_set (scale,
   * "method", 1, ...), whose numbers nobody trained a model with) */
  gst_util_set_object_arg (
      G_OBJECT (app->scale), "coordinate-mode", "half-pixel");
  gst_util_set_object_arg (G_OBJECT (app->scale), "integer-model", "exact");
  return gst_element_set_state (app->pipeline, GST_STATE_PLAYING)
      != GST_STATE_CHANGE_FAILURE;
}

/* an enum property's nick, read back */
static const gchar *
enum_nick (GObject *obj, const gchar *name)
{
  GParamSpec *pspec = g_object_class_find_property (
      G_OBJECT_GET_CLASS (obj), name);
  GValue v = G_VALUE_INIT;
  GEnumValue *ev;

  g_value_init (&v, pspec->value_type);
  g_object_get_property (obj, name, &v);
  ev = g_enum_get_value (
      G_PARAM_SPEC_ENUM (pspec)->enum_class, g_value_get_enum (&v));
  g_value_unset (&v);
  return ev ? ev->value_nick : "?";
}

/* one frame's checks; fills md5 (the picture rows, without padding) */
static gboolean
check_frame (GstSample *sample, const Step *step, gchar **md5)
{
  GstBuffer *buf = gst_sample_get_buffer (sample);
  GstCustomMeta *meta;
  const GstStructure *s;
  GstVideoInfo info;
  GstVideoFrame frame;
  GChecksum *sum;
  gint iw = 0, ih = 0, sx = -1, sy = -1, sw = 0, sh = 0;
  gint px = -1, py = -1, pw = 0, ph = 0, x, y, padded = 0;
  gdouble scx = 0, scy = 0;
  const gchar *preset;
  gboolean ok = TRUE;

  if (!gst_video_info_from_caps (&info, gst_sample_get_caps (sample))
      || GST_VIDEO_INFO_WIDTH (&info) != OUT_W
      || GST_VIDEO_INFO_HEIGHT (&info) != OUT_H) {
    g_printerr ("  unexpected output caps\n");
    return FALSE;
  }

  /* the way back: which input pixels were resized, where they landed */
  meta = gst_buffer_get_custom_meta (buf, GEOMETRY_META);
  if (!meta) {
    g_printerr ("  no %s on the output buffer\n", GEOMETRY_META);
    return FALSE;
  }
  s = gst_custom_meta_get_structure (meta);
  preset = gst_structure_get_string (s, "letterbox");
  gst_structure_get (s, "input-width", G_TYPE_INT, &iw, "input-height",
      G_TYPE_INT, &ih, "source-x", G_TYPE_INT, &sx, "source-y", G_TYPE_INT, &sy,
      "source-width", G_TYPE_INT, &sw, "source-height", G_TYPE_INT, &sh,
      "picture-x", G_TYPE_INT, &px, "picture-y", G_TYPE_INT, &py,
      "picture-width", G_TYPE_INT, &pw, "picture-height", G_TYPE_INT, &ph,
      "scale-x", G_TYPE_DOUBLE, &scx, "scale-y", G_TYPE_DOUBLE, &scy, NULL);
  g_print ("  meta: letterbox=%s input %dx%d source %d,%d %dx%d picture "
           "%d,%d %dx%d scale %.4f x %.4f\n",
      preset, iw, ih, sx, sy, sw, sh, px, py, pw, ph, scx, scy);
  if (g_strcmp0 (preset, step->letterbox) != 0 || iw != IN_W || ih != IN_H
      || sx != 0 || sy != 0 || sw != IN_W || sh != IN_H || px != step->pic_x
      || py != step->pic_y || pw != step->pic_w || ph != step->pic_h
      || fabs (scx - (gdouble) pw / IN_W) > 1e-9
      || fabs (scy - (gdouble) ph / IN_H) > 1e-9) {
    g_printerr ("  the meta is not the expected letterbox=%s picture "
                "%d,%d %dx%d\n",
        step->letterbox, step->pic_x, step->pic_y, step->pic_w, step->pic_h);
    ok = FALSE;
  }

  /* the rows as they are laid out: each at its stride */
  if (!gst_video_frame_map (&frame, &info, buf, GST_MAP_READ))
    return FALSE;
  sum = g_checksum_new (G_CHECKSUM_MD5);
  for (y = 0; y < OUT_H; y++) {
    const guint8 *row = (const guint8 *) GST_VIDEO_FRAME_PLANE_DATA (&frame, 0)
        + y * GST_VIDEO_FRAME_PLANE_STRIDE (&frame, 0);
    gboolean pad_row = TRUE;

    g_checksum_update (sum, row, 3 * OUT_W);
    for (x = 0; x < 3 * OUT_W; x++)
      pad_row &= row[x] == 114;
    padded += pad_row;
    /* outside the picture: Ultralytics' grey */
    if ((y < py || y >= py + ph) && !pad_row) {
      g_printerr ("  row %d is outside the picture but not 114\n", y);
      ok = FALSE;
    }
  }
  gst_video_frame_unmap (&frame);
  *md5 = g_strdup (g_checksum_get_string (sum));
  g_checksum_free (sum);
  g_print ("  %d of %d rows are the letterbox's pad\n", padded, OUT_H);
  if (padded != OUT_H - ph) {
    g_printerr ("  %d pad rows, expected %d\n", padded, OUT_H - ph);
    ok = FALSE;
  }
  return ok;
}

int
main (int argc, char **argv)
{
  App app = { NULL };
  gchar *prev = NULL;
  gboolean ok = TRUE;
  guint n;

  gst_init (&argc, &argv);
  if (!app_init (&app))
    return 1;

  for (n = 0; n < G_N_ELEMENTS (steps) && ok; n++) {
    const Step *step = &steps[n];
    GstSample *sample;
    gchar *md5 = NULL;

    if (step->property) {
      /* while PLAYING: applied from the next frame alignscale scales */
      g_print ("set %s=%s\n", step->property, step->nick);
      gst_util_set_object_arg (
          G_OBJECT (app.scale), step->property, step->nick);
    }
    if (gst_app_src_push_buffer (GST_APP_SRC (app.src), make_frame (n))
        != GST_FLOW_OK) {
      g_printerr ("push-buffer failed\n");
      ok = FALSE;
      break;
    }
    sample = gst_app_sink_try_pull_sample (
        GST_APP_SINK (app.sink), 5 * GST_SECOND);
    if (!sample) {
      g_printerr ("frame %u: no output (see the bus or GST_DEBUG=*:3)\n", n);
      ok = FALSE;
      break;
    }
    g_print ("frame %u: method=%s letterbox=%s\n", n,
        enum_nick (G_OBJECT (app.scale), "method"),
        enum_nick (G_OBJECT (app.scale), "letterbox"));
    ok &= check_frame (sample, step, &md5);
    gst_sample_unref (sample);
    if (prev) {
      /* the same picture in: the output changes at a switch, only there */
      gboolean changed = strcmp (prev, md5) != 0;

      g_print ("  md5 %.12s (%s)\n", md5, changed ? "changed" : "same");
      if (changed != (step->property != NULL)) {
        g_printerr ("  the output %s\n",
            changed ? "changed without a switch"
                    : "did not change at a switch");
        ok = FALSE;
      }
    } else {
      g_print ("  md5 %.12s\n", md5);
    }
    g_free (prev);
    prev = md5;
  }
  g_free (prev);

  gst_app_src_end_of_stream (GST_APP_SRC (app.src));
  gst_element_set_state (app.pipeline, GST_STATE_NULL);
  gst_object_unref (app.pipeline);
  g_print ("%s\n", ok ? "all checks passed" : "FAILED");
  return ok ? 0 : 1;
}
