/* GStreamer alignscale element
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/**
 * SECTION:element-alignscale
 * @title: alignscale
 *
 * Scales raw video with nearest, bilinear or bicubic interpolation and an
 * explicit pixel-corner convention, so the frames a model sees in
 * production equal the frames it was trained on:
 *
 * - `align-corners=false` (default): pixels are 1x1 areas and the image
 *   edges align, `x_src = (x_dst + 0.5) * in / out - 0.5` (PyTorch's
 *   default, OpenCV, TF2).
 * - `align-corners=true`: the centres of the corner pixels align,
 *   `x_src = x_dst * (in - 1) / (out - 1)`.
 *
 * The result is PyTorch's `F.interpolate (x, size=(out_h, out_w),
 * mode=..., align_corners=..., antialias=...)` rounded to the sample type:
 * 8- to 16-bit samples come within one code value of the exact result on
 * their own grid, almost always exactly. Beyond PyTorch's two conventions, every ONNX
 * `Resize` attribute is a property: #GstAlignScale:coordinate-mode (of
 * which #GstAlignScale:align-corners is a view), #GstAlignScale:nearest-mode,
 * #GstAlignScale:exclude-outside, #GstAlignScale:cubic-a, scale factors
 * used as given (#GstAlignScale:scale-factor-x, #GstAlignScale:scale-factor-y)
 * and the tf-crop-and-resize #GstAlignScale:roi with its
 * #GstAlignScale:extrapolation-value. #GstAlignScale:antialias is PyTorch's
 * antialiased downscaling (torchvision's default). Subsampled chroma
 * planes are resampled at the picture positions of their samples (the
 * caps' chroma-site), so the convention holds for the picture and not per
 * plane. Every property can be changed while PLAYING
 * and applies from the next frame.
 *
 * With YUV in and RGB (or GRAY8) asked downstream, the element converts
 * while it scales, in the order of a training pipeline: the whole frame to
 * 8-bit RGB at full resolution (matrix and range from the caps'
 * colorimetry, chroma brought up per #GstAlignScale:chroma-upsampling),
 * then the resize; only the pixels the resize reads are converted.
 * #GstAlignScale:integer-model gives, instead of the float result, the
 * bytes of OpenCV's `cv2.resize` (uint8 and uint16) or Pillow's
 * `Image.resize` (8-bit, and NEAREST on 16-bit). #GstAlignScale:crop
 * resizes part of the input; #GstAlignScale:letterbox places the picture
 * in the output as a training library's letterbox does, the rest
 * #GstAlignScale:pad-value; each output buffer carries a
 * GstAlignScaleGeometryMeta (a GstCustomMeta) that maps boxes back.
 *
 * ## Example launch line
 * |[
 * gst-launch-1.0 videotestsrc ! video/x-raw,width=640,height=480 ! \
 *     alignscale method=bicubic align-corners=true ! \
 *     video/x-raw,width=224,height=224 ! autovideosink
 * ]|
 * torchvision's `Resize ((224, 224))` (bilinear, antialiased):
 * |[
 * gst-launch-1.0 videotestsrc ! video/x-raw,format=RGB,width=1920,height=1080 ! \
 *     alignscale antialias=true ! video/x-raw,width=224,height=224 ! fakesink
 * ]|
 * A YOLO detector's input, byte for byte as Ultralytics' LetterBox:
 * |[
 * gst-launch-1.0 videotestsrc ! video/x-raw,format=BGR,width=1920,height=1080 ! \
 *     alignscale letterbox=ultralytics integer-model=opencv ! \
 *     video/x-raw,width=640,height=640 ! fakesink
 * ]|
 * A decoder's NV12 to a 224x224 RGB model input, converted exactly:
 * |[
 * gst-launch-1.0 videotestsrc ! video/x-raw,format=NV12,width=1920,height=1080 ! \
 *     alignscale antialias=true ! video/x-raw,format=RGB,width=224,height=224 ! fakesink
 * ]|
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <math.h>
#include <string.h>

#include "gstalignscale.h"
#include "gstalignscalepool.h"
#include "gstalignscalemeta.h"
#include "plan.h"
#include "stages.h"

GST_DEBUG_CATEGORY_STATIC (gst_align_scale_debug);
#define GST_CAT_DEFAULT gst_align_scale_debug

#define DEFAULT_METHOD GST_ALIGN_SCALE_METHOD_BILINEAR
#define DEFAULT_COORDINATE_MODE GST_ALIGN_SCALE_COORDINATE_MODE_HALF_PIXEL
#define DEFAULT_ALIGN_CORNERS FALSE
#define DEFAULT_CUBIC_A -0.75
#define MIN_CUBIC_A -2.0
#define MAX_CUBIC_A 0.0
#define DEFAULT_NEAREST_MODE GST_ALIGN_SCALE_NEAREST_MODE_AUTO
#define DEFAULT_EXCLUDE_OUTSIDE FALSE
#define DEFAULT_ANTIALIAS FALSE
#define DEFAULT_SCALE_FACTOR 0.0
#define MAX_SCALE_FACTOR 32767.0
#define DEFAULT_EXTRAPOLATION_VALUE 0.0
#define MAX_ROI 1000.0
#define MAX_SIZE 32767
/* beyond these a configuration warns once: real resizes cost a few
 * multiply-adds per sample (1080p -> 224 antialiased bicubic: 5) and hold
 * a few MiB of tables */
#define MAX_MACS_PER_SAMPLE 64.0
#define MAX_PLAN_BYTES ((gsize) 256 << 20)
#define MAX_FRAME_BYTES ((gsize) 1 << 30)
#define DEFAULT_N_THREADS 1
#define DEFAULT_CHROMA_UPSAMPLING GST_ALIGN_SCALE_CHROMA_UPSAMPLING_LINEAR
#define DEFAULT_INTEGER_MODEL GST_ALIGN_SCALE_INTEGER_MODEL_EXACT
#define MAX_THREADS 64
/* pad-value: at most one value per component, each within 16 bits */
#define MAX_PAD_VALUE 65535.0

enum
{
  PROP_0,
  PROP_METHOD,
  PROP_ALIGN_CORNERS,
  PROP_CUBIC_A,
  PROP_COORDINATE_MODE,
  PROP_NEAREST_MODE,
  PROP_EXCLUDE_OUTSIDE,
  PROP_ANTIALIAS,
  PROP_SCALE_FACTOR_X,
  PROP_SCALE_FACTOR_Y,
  PROP_ROI,
  PROP_EXTRAPOLATION_VALUE,
  PROP_N_THREADS,
  PROP_CHROMA_UPSAMPLING,
  PROP_INTEGER_MODEL,
  PROP_CROP,
  PROP_PAD_VALUE,
  PROP_LETTERBOX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GstAlignScaleMethod method;
  GstAlignScaleCoordinateMode coordinate_mode; /* align-corners is a view */
  gdouble cubic_a;
  GstAlignScaleNearestMode nearest_mode;
  gboolean exclude_outside;
  gboolean antialias;
  gdouble scale_factor_x, scale_factor_y;
  gdouble roi[4];
  gdouble extrapolation_value;
  GstAlignScaleChromaUpsampling chroma_upsampling;
  GstAlignScaleIntegerModel integer_model;
  /* <x, y, width, height> in input pixels, width 0: none */
  gint crop[4];
  /* per output component (n_pad_value of them, the last repeated; none:
   * 0), in output sample units */
  gdouble pad_value[GST_VIDEO_MAX_COMPONENTS];
  guint n_pad_value;
  GstAlignScaleLetterbox letterbox;
} GstAlignScaleSettings;

struct _GstAlignScale
{
  GstVideoFilter parent;

  /* under the object lock: `settings` is what set_property wrote,
   * `published` what frames use. Publishing happens once per
   * g_object_set () / notify thaw / controller sync, so properties set
   * together reach the same frame together. */
  GstAlignScaleSettings settings;
  GstAlignScaleSettings published;

  /* under the object lock: the settings the last fixation sized the
   * output with, the size it gave, and which dimensions a scale factor
   * chose (downstream left them free). A frame of that size is made with
   * these settings until a renegotiation catches up with a scale factor
   * changed since, so that the configuration that chose a frame's size is
   * the one that fills it. */
  GstAlignScaleSettings fixated;
  gint fixated_size[2];
  gboolean fixated_free[2];

  /* under the object lock: n-threads as set (0: one per online core) */
  guint n_threads;

  /* streaming thread only: tables for the current caps and configuration
   * (read-only while a frame runs), the threads and their scratch, and
   * the frame the slices are cut from */
  AsPlan *plan;
  /* the geometry of the plan's frames, for the way-back meta */
  AsLetterboxGeom geom;
  guint gst_plane[AS_MAX_PLANES]; /* the stored plane of each plan plane */
  GstAlignScalePool *pool;
  guint pool_asked; /* the n-threads value the pool was made for */
  AsScratch *scratch[MAX_THREADS];
  struct
  {
    guint8 *const *in_data, *const *out_data;
    const gint *in_stride, *out_stride;
    gint rows; /* output rows per slice: whole rows of every plane */
  } job;
  gboolean warned_aa_ac;
  gboolean warned_library;
  gboolean warned_letterbox;
  gboolean warned_cost;
  gboolean warned_frames;
  /* streaming thread only: the input frame the plan was built for (caps,
   * or a video meta's size under a crop meta), and the last crop refused
   * against the picture (warned once) */
  gint plan_in[2];
  gint warned_crop[6];
};

/* 16-bit words of the other byte order, samples in the high bits of a
 * word and packed 4:2:2 go through row stages (stages.h) */
#define ALIGN_SCALE_FORMATS                                                    \
  "{ GRAY8, GRAY16_LE, GRAY16_BE, "                                            \
  "RGBA, BGRA, ARGB, ABGR, RGBx, BGRx, xRGB, xBGR, RGB, BGR, "                 \
  "RGBP, BGRP, GBR, GBRA, RGBA64_LE, "                                         \
  "I420, YV12, Y42B, Y444, Y41B, NV12, NV21, NV16, NV61, NV24, "               \
  "YUY2, UYVY, YVYU, VYUY, AYUV, AYUV64, "                                     \
  "P010_10LE, P012_LE, P016_LE, I420_10LE, I420_12LE, I422_10LE, "             \
  "I422_12LE, Y444_10LE, Y444_12LE, Y444_16LE }"

#define ALIGN_SCALE_CAPS                                                       \
  "video/x-raw, format = (string) " ALIGN_SCALE_FORMATS ", "                   \
  "width = (int) [ 1, 32767 ], height = (int) [ 1, 32767 ], "                  \
  "framerate = (fraction) [ 0, max ]"

static GstStaticPadTemplate gst_align_scale_src_template =
    GST_STATIC_PAD_TEMPLATE (
        "src", GST_PAD_SRC, GST_PAD_ALWAYS, GST_STATIC_CAPS (ALIGN_SCALE_CAPS));

static GstStaticPadTemplate gst_align_scale_sink_template =
    GST_STATIC_PAD_TEMPLATE ("sink", GST_PAD_SINK, GST_PAD_ALWAYS,
        GST_STATIC_CAPS (ALIGN_SCALE_CAPS));

#define gst_align_scale_parent_class parent_class
G_DEFINE_TYPE (GstAlignScale, gst_align_scale, GST_TYPE_VIDEO_FILTER);
GST_ELEMENT_REGISTER_DEFINE (
    alignscale, "alignscale", GST_RANK_NONE, GST_TYPE_ALIGN_SCALE);

GType
gst_align_scale_method_get_type (void)
{
  static GType type = 0;
  static const GEnumValue values[] = {
    { GST_ALIGN_SCALE_METHOD_NEAREST,
        "Nearest sample, rounded per nearest-mode (auto: PyTorch "
        "nearest-exact)",
        "nearest" },
    { GST_ALIGN_SCALE_METHOD_BILINEAR, "Bilinear (PyTorch bilinear)",
        "bilinear" },
    { GST_ALIGN_SCALE_METHOD_BICUBIC,
        "Bicubic, Keys kernel with cubic-a (PyTorch bicubic)", "bicubic" },
    { GST_ALIGN_SCALE_METHOD_AREA,
        "Area: PyTorch area (adaptive average pooling), OpenCV INTER_AREA",
        "area" },
    { GST_ALIGN_SCALE_METHOD_BOX, "Pillow BOX (always antialiased)", "box" },
    { GST_ALIGN_SCALE_METHOD_HAMMING, "Pillow HAMMING (always antialiased)",
        "hamming" },
    { GST_ALIGN_SCALE_METHOD_LANCZOS,
        "Pillow LANCZOS, a = 3 (always antialiased)", "lanczos" },
    { GST_ALIGN_SCALE_METHOD_LANCZOS4, "OpenCV INTER_LANCZOS4, 8 taps",
        "lanczos4" },
    { GST_ALIGN_SCALE_METHOD_BILINEAR_EXACT,
        "OpenCV INTER_LINEAR_EXACT (bilinear unless integer-model=opencv)",
        "bilinear-exact" },
    { GST_ALIGN_SCALE_METHOD_NEAREST_EXACT,
        "OpenCV INTER_NEAREST_EXACT (nearest unless integer-model=opencv)",
        "nearest-exact" },
    { 0, NULL, NULL },
  };

  if (g_once_init_enter (&type)) {
    GType t = g_enum_register_static ("GstAlignScaleMethod", values);
    g_once_init_leave (&type, t);
  }
  return type;
}

GType
gst_align_scale_coordinate_mode_get_type (void)
{
  static GType type = 0;
  static const GEnumValue values[] = {
    { GST_ALIGN_SCALE_COORDINATE_MODE_HALF_PIXEL,
        "(i + 0.5) * in / out - 0.5: PyTorch align_corners=False, OpenCV, TF2",
        "half-pixel" },
    { GST_ALIGN_SCALE_COORDINATE_MODE_ALIGN_CORNERS,
        "i * (in - 1) / (out - 1): PyTorch align_corners=True",
        "align-corners" },
    { GST_ALIGN_SCALE_COORDINATE_MODE_ASYMMETRIC,
        "i * in / out: TF1, PyTorch nearest", "asymmetric" },
    { GST_ALIGN_SCALE_COORDINATE_MODE_PYTORCH_HALF_PIXEL,
        "half-pixel, but 0 for an output of one sample (ONNX)",
        "pytorch-half-pixel" },
    { GST_ALIGN_SCALE_COORDINATE_MODE_HALF_PIXEL_SYMMETRIC,
        "half-pixel, centred for a fractional output length (ONNX)",
        "half-pixel-symmetric" },
    { GST_ALIGN_SCALE_COORDINATE_MODE_TF_HALF_PIXEL_FOR_NN,
        "(i + 0.5) * in / out: TF2 nearest", "tf-half-pixel-for-nn" },
    { GST_ALIGN_SCALE_COORDINATE_MODE_TF_CROP_AND_RESIZE,
        "the roi region, corners aligned; outside is extrapolation-value",
        "tf-crop-and-resize" },
    { 0, NULL, NULL },
  };

  if (g_once_init_enter (&type)) {
    GType t = g_enum_register_static ("GstAlignScaleCoordinateMode", values);
    g_once_init_leave (&type, t);
  }
  return type;
}

GType
gst_align_scale_nearest_mode_get_type (void)
{
  static GType type = 0;
  static const GEnumValue values[] = {
    { GST_ALIGN_SCALE_NEAREST_MODE_AUTO,
        "PyTorch nearest-exact on half-pixel, PyTorch nearest on asymmetric,"
        " floor on tf-half-pixel-for-nn, else round-prefer-floor",
        "auto" },
    { GST_ALIGN_SCALE_NEAREST_MODE_ROUND_PREFER_FLOOR,
        "ceil (x - 0.5): ties go down (ONNX default)", "round-prefer-floor" },
    { GST_ALIGN_SCALE_NEAREST_MODE_ROUND_PREFER_CEIL,
        "floor (x + 0.5): ties go up", "round-prefer-ceil" },
    { GST_ALIGN_SCALE_NEAREST_MODE_FLOOR, "floor (x)", "floor" },
    { GST_ALIGN_SCALE_NEAREST_MODE_CEIL, "ceil (x)", "ceil" },
    { 0, NULL, NULL },
  };

  if (g_once_init_enter (&type)) {
    GType t = g_enum_register_static ("GstAlignScaleNearestMode", values);
    g_once_init_leave (&type, t);
  }
  return type;
}

GType
gst_align_scale_chroma_upsampling_get_type (void)
{
  static GType type = 0;
  static const GEnumValue values[] = {
    { GST_ALIGN_SCALE_CHROMA_UPSAMPLING_LINEAR,
        "Linear between the chroma samples around each pixel, at their siting",
        "linear" },
    { GST_ALIGN_SCALE_CHROMA_UPSAMPLING_NEAREST,
        "Each chroma sample covers its block (OpenCV cvtColor)", "nearest" },
    { 0, NULL, NULL },
  };

  if (g_once_init_enter (&type)) {
    GType t = g_enum_register_static ("GstAlignScaleChromaUpsampling", values);
    g_once_init_leave (&type, t);
  }
  return type;
}

GType
gst_align_scale_letterbox_get_type (void)
{
  static GType type = 0;
  static const GEnumValue values[] = {
    { GST_ALIGN_SCALE_LETTERBOX_NONE, "The picture fills the output", "none" },
    { GST_ALIGN_SCALE_LETTERBOX_ULTRALYTICS,
        "Ultralytics LetterBox: centred, pad 114", "ultralytics" },
    { GST_ALIGN_SCALE_LETTERBOX_MMDET, "mmcv imrescale + Pad: top left, pad 0",
        "mmdet" },
    { GST_ALIGN_SCALE_LETTERBOX_DEEPSTREAM,
        "DeepStream nvinfer maintain-aspect-ratio: top left, pad 0",
        "deepstream" },
    { GST_ALIGN_SCALE_LETTERBOX_DEEPSTREAM_SYMMETRIC,
        "DeepStream nvinfer with symmetric-padding: centred, pad 0",
        "deepstream-symmetric" },
    { GST_ALIGN_SCALE_LETTERBOX_TF, "tf.image.resize_with_pad (TF 2.x)", "tf" },
    { GST_ALIGN_SCALE_LETTERBOX_PILLOW, "PIL.ImageOps.pad: centred, pad 0",
        "pillow" },
    { GST_ALIGN_SCALE_LETTERBOX_ADD_BORDERS,
        "videoscale add-borders: the display aspect ratio kept",
        "add-borders" },
    { 0, NULL, NULL },
  };

  if (g_once_init_enter (&type)) {
    GType t = g_enum_register_static ("GstAlignScaleLetterbox", values);
    g_once_init_leave (&type, t);
  }
  return type;
}

GType
gst_align_scale_integer_model_get_type (void)
{
  static GType type = 0;
  static const GEnumValue values[] = {
    { GST_ALIGN_SCALE_INTEGER_MODEL_EXACT,
        "The framework's float result, rounded (PyTorch, ONNX, TF)", "exact" },
    { GST_ALIGN_SCALE_INTEGER_MODEL_OPENCV,
        "The bytes of OpenCV's cv2.resize on uint8 and uint16 images",
        "opencv" },
    { GST_ALIGN_SCALE_INTEGER_MODEL_PILLOW,
        "The bytes of Pillow's Image.resize (8-bit; 16-bit NEAREST)",
        "pillow" },
    { 0, NULL, NULL },
  };

  if (g_once_init_enter (&type)) {
    GType t = g_enum_register_static ("GstAlignScaleIntegerModel", values);
    g_once_init_leave (&type, t);
  }
  return type;
}

static void gst_align_scale_set_property (
    GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec);
static void gst_align_scale_get_property (
    GObject *object, guint prop_id, GValue *value, GParamSpec *pspec);
static void gst_align_scale_dispatch_properties_changed (
    GObject *object, guint n_pspecs, GParamSpec **pspecs);
static void gst_align_scale_finalize (GObject *object);
static gboolean gst_align_scale_stop (GstBaseTransform *trans);
static GstCaps *gst_align_scale_transform_caps (GstBaseTransform *trans,
    GstPadDirection direction, GstCaps *caps, GstCaps *filter);
static GstCaps *gst_align_scale_fixate_caps (GstBaseTransform *trans,
    GstPadDirection direction, GstCaps *caps, GstCaps *othercaps);
/* The input frame a buffer holds and the picture resized from it: the
 * caps' frame, or under a GstVideoCropMeta the frame of the buffer's video
 * meta with the meta's region as the picture; the crop property lies in
 * that picture. crop: what is resized, <x, y, w, h> in the frame (w 0:
 * the whole frame), AsConfig.crop. */
typedef struct
{
  GstVideoInfo info;
  gint crop[4];
} GstAlignScaleInput;

static gboolean gst_align_scale_ensure_plan (GstAlignScale *self,
    const GstAlignScaleSettings *st, const GstAlignScaleInput *input);
static void gst_align_scale_input (GstAlignScale *self, GstBuffer *buf,
    const GstAlignScaleSettings *st, GstAlignScaleInput *input);
static gboolean gst_align_scale_check_buffer (GstAlignScale *self,
    GstBuffer *buf, const GstVideoInfo *info, const gchar *what, gboolean post);
static void gst_align_scale_frame_settings (
    GstAlignScale *self, GstAlignScaleSettings *st);
static GstFlowReturn gst_align_scale_transform_frame (
    GstVideoFilter *filter, GstVideoFrame *in_frame, GstVideoFrame *out_frame);
static void gst_align_scale_before_transform (
    GstBaseTransform *trans, GstBuffer *buffer);
static GstFlowReturn gst_align_scale_transform (
    GstBaseTransform *trans, GstBuffer *inbuf, GstBuffer *outbuf);
static gboolean gst_align_scale_transform_meta (GstBaseTransform *trans,
    GstBuffer *outbuf, GstMeta *meta, GstBuffer *inbuf);
static gboolean gst_align_scale_propose_allocation (
    GstBaseTransform *trans, GstQuery *decide_query, GstQuery *query);
static gboolean gst_align_scale_set_info (GstVideoFilter *filter,
    GstCaps *incaps, GstVideoInfo *in_info, GstCaps *outcaps,
    GstVideoInfo *out_info);

static void
gst_align_scale_class_init (GstAlignScaleClass *klass)
{
  GObjectClass *gobject_class = G_OBJECT_CLASS (klass);
  GstElementClass *element_class = GST_ELEMENT_CLASS (klass);
  GstBaseTransformClass *trans_class = GST_BASE_TRANSFORM_CLASS (klass);
  GstVideoFilterClass *filter_class = GST_VIDEO_FILTER_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS
      | GST_PARAM_MUTABLE_PLAYING | GST_PARAM_CONTROLLABLE;

  GST_DEBUG_CATEGORY_INIT (
      gst_align_scale_debug, "alignscale", 0, "alignscale video scaler");

  gobject_class->set_property = gst_align_scale_set_property;
  gobject_class->get_property = gst_align_scale_get_property;
  gobject_class->dispatch_properties_changed =
      gst_align_scale_dispatch_properties_changed;
  gobject_class->finalize = gst_align_scale_finalize;

  /**
   * GstAlignScale:method:
   *
   * Interpolation method, as PyTorch's `mode` and ONNX's `mode`: nearest
   * (rounding per #GstAlignScale:nearest-mode), bilinear, or bicubic (Keys
   * cubic convolution with #GstAlignScale:cubic-a, taps clamped at the
   * border unless #GstAlignScale:exclude-outside), area (PyTorch's
   * adaptive average pooling). The filters of OpenCV and Pillow: box,
   * hamming and lanczos (Pillow's, always antialiased), lanczos4 (OpenCV's
   * 8 taps); bilinear-exact and nearest-exact are OpenCV's _EXACT flags
   * under #GstAlignScale:integer-model=opencv and bilinear and nearest
   * otherwise. With integer-model=exact each is the float result of its
   * kernel; docs/integer-models.md says which library call each gives.
   */
  properties[PROP_METHOD] = g_param_spec_enum ("method", "Method",
      "Interpolation: nearest (rounding per nearest-mode), bilinear,"
      " bicubic (Keys kernel with cubic-a, border taps clamped), area, or"
      " the library filters box, hamming, lanczos (Pillow), lanczos4,"
      " bilinear-exact, nearest-exact (OpenCV)",
      GST_TYPE_ALIGN_SCALE_METHOD, DEFAULT_METHOD, flags);

  /**
   * GstAlignScale:align-corners:
   *
   * Pixel-corner convention, as PyTorch's `align_corners`. %FALSE: pixels
   * are unit areas and the image edges align, `x_src = (x_dst + 0.5) * in /
   * out - 0.5`. %TRUE: the corner pixel centres align, `x_src = x_dst *
   * (in - 1) / (out - 1)` (0 for an output of one pixel).
   *
   * A view of #GstAlignScale:coordinate-mode: %TRUE sets it to
   * align-corners, %FALSE to half-pixel, and it reads %TRUE exactly when
   * that mode is align-corners. Setting either notifies both.
   */
  properties[PROP_ALIGN_CORNERS] = g_param_spec_boolean ("align-corners",
      "Align corners",
      "false: pixels are areas, edges align, "
      "x_src = (x_dst + 0.5) * in / out - 0.5 (PyTorch default, OpenCV,"
      " TF2); true: corner pixel centres align, "
      "x_src = x_dst * (in - 1) / (out - 1). Same state as coordinate-mode"
      " half-pixel / align-corners",
      DEFAULT_ALIGN_CORNERS, flags);

  /**
   * GstAlignScale:coordinate-mode:
   *
   * How output sample i maps to a source coordinate x, with ONNX Resize's
   * `coordinate_transformation_mode` names (spec §1.1). half-pixel and
   * align-corners are PyTorch's two conventions. Subsampled chroma follows
   * the mode in picture coordinates (chroma-site).
   */
  properties[PROP_COORDINATE_MODE] = g_param_spec_enum ("coordinate-mode",
      "Coordinate mode",
      "Output index to source coordinate, ONNX coordinate_transformation_mode"
      " names",
      GST_TYPE_ALIGN_SCALE_COORDINATE_MODE, DEFAULT_COORDINATE_MODE, flags);

  /**
   * GstAlignScale:cubic-a:
   *
   * The A of the Keys cubic kernel used by the bicubic method: -0.75 is
   * PyTorch's and OpenCV's, -0.5 is Catmull-Rom (Pillow, TF2). The range
   * keeps the fixed-point intermediate from overflowing. Antialiased
   * bicubic always uses -0.5, as PyTorch does.
   */
  properties[PROP_CUBIC_A] = g_param_spec_double ("cubic-a", "Cubic A",
      "A of the Keys cubic kernel: K(u) = (A+2)|u|^3 - (A+3)|u|^2 + 1 for"
      " |u| <= 1, A|u|^3 - 5A|u|^2 + 8A|u| - 4A for 1 < |u| < 2;"
      " -0.75 = PyTorch/OpenCV, -0.5 = Keys/Catmull-Rom (antialias uses -0.5)",
      MIN_CUBIC_A, MAX_CUBIC_A, DEFAULT_CUBIC_A, flags);

  /**
   * GstAlignScale:nearest-mode:
   *
   * How the nearest method rounds the source coordinate, ONNX's
   * `nearest_mode`; the index is then clamped to the picture. auto gives
   * PyTorch's indices bit for bit where PyTorch has the mode.
   */
  properties[PROP_NEAREST_MODE] = g_param_spec_enum ("nearest-mode",
      "Nearest mode", "Rounding of the nearest method (ONNX nearest_mode)",
      GST_TYPE_ALIGN_SCALE_NEAREST_MODE, DEFAULT_NEAREST_MODE, flags);

  /**
   * GstAlignScale:exclude-outside:
   *
   * ONNX's `exclude_outside` for bicubic: taps that fall outside the
   * picture get weight 0 and the others are renormalised, instead of
   * repeating the edge sample. No effect on bilinear (both rules give the
   * same weights) or nearest.
   */
  properties[PROP_EXCLUDE_OUTSIDE] = g_param_spec_boolean ("exclude-outside",
      "Exclude outside",
      "Bicubic: drop taps outside the picture and renormalise (ONNX"
      " exclude_outside) instead of repeating the edge",
      DEFAULT_EXCLUDE_OUTSIDE, flags);

  /**
   * GstAlignScale:antialias:
   *
   * PyTorch's `antialias=True` (spec §3.1) for bilinear and bicubic: on an
   * axis that shrinks, the kernel is stretched by the ratio, so every
   * source pixel contributes; the window is truncated at the borders and
   * renormalised, and bicubic uses A = -0.5. Each axis on its own: a
   * growing axis keeps the plain kernel (bicubic still with A = -0.5 and
   * the truncated border, as PyTorch). Nearest ignores it. With
   * align-corners it reproduces PyTorch's combination, which centres the
   * window at (i + 0.5) * (in - 1) / (out - 1), and warns once.
   */
  properties[PROP_ANTIALIAS] = g_param_spec_boolean ("antialias", "Antialias",
      "Downscaling with the kernel stretched over every source pixel, as"
      " PyTorch antialias=True (bilinear and bicubic; bicubic uses A=-0.5)",
      DEFAULT_ANTIALIAS, flags);

  /**
   * GstAlignScale:scale-factor-x:
   *
   * A horizontal scale factor used as given, as PyTorch's `scale_factor`
   * (with recompute_scale_factor off) and ONNX's `scales`: the source
   * coordinate uses the ratio 1 / scale instead of in / out. Where
   * downstream leaves the output width free it becomes floor (in * scale),
   * as in those frameworks, and a change negotiates again (a frame already
   * negotiated keeps the settings that chose its size); a width fixed
   * downstream is kept. 0 (default): the ratio of the sizes. A factor far
   * from the sizes is legal but can be costly: the element warns once.
   * align-corners and tf-crop-and-resize ignore it, as PyTorch and ONNX
   * Runtime do.
   */
  properties[PROP_SCALE_FACTOR_X] = g_param_spec_double ("scale-factor-x",
      "Scale factor x",
      "Horizontal scale used as given (PyTorch scale_factor, ONNX scales):"
      " ratio 1/scale instead of in/out, a free output size floor(in*scale);"
      " 0 = from the sizes",
      0.0, MAX_SCALE_FACTOR, DEFAULT_SCALE_FACTOR, flags);

  /**
   * GstAlignScale:scale-factor-y:
   *
   * The vertical twin of #GstAlignScale:scale-factor-x.
   */
  properties[PROP_SCALE_FACTOR_Y] = g_param_spec_double ("scale-factor-y",
      "Scale factor y",
      "Vertical scale used as given (PyTorch scale_factor, ONNX scales):"
      " ratio 1/scale instead of in/out, a free output size floor(in*scale);"
      " 0 = from the sizes",
      0.0, MAX_SCALE_FACTOR, DEFAULT_SCALE_FACTOR, flags);

  /**
   * GstAlignScale:roi:
   *
   * The region of interest of tf-crop-and-resize: `<x0, y0, x1, y1>`, left,
   * top, right and bottom in units of the picture size (ONNX `roi`). The
   * output spans it corners aligned: `x = x0 * (in - 1) + i * (x1 - x0) *
   * (in - 1) / (out - 1)`, and whether a sample falls outside is decided
   * on that exact value. With #GstAlignScale:integer-model=pillow it is
   * `Image.resize`'s `box=(x0 * in_w, y0 * in_h, x1 * in_w, y1 * in_h)`
   * instead (inside the picture, as Pillow requires). Other modes ignore
   * it. Four numbers of any
   * numeric type within +-1000; anything else is refused with a warning
   * and the roi kept.
   */
  /* no element spec: GObject would replace an int by 0.0 and refuse the
   * array with a bare warning; set_property converts any number and
   * names what it refuses */
  properties[PROP_ROI] = gst_param_spec_array ("roi", "Region of interest",
      "tf-crop-and-resize region <x0, y0, x1, y1>, four numbers within"
      " +-1000 normalised to the picture (default <0, 0, 1, 1>)",
      NULL,
      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | GST_PARAM_MUTABLE_PLAYING);

  /**
   * GstAlignScale:extrapolation-value:
   *
   * The value of samples that tf-crop-and-resize maps outside the picture,
   * as a fraction of the sample range (0: code 0, 1: 255 or 65535), in
   * every component (ONNX `extrapolation_value`).
   */
  properties[PROP_EXTRAPOLATION_VALUE] = g_param_spec_double (
      "extrapolation-value", "Extrapolation value",
      "tf-crop-and-resize: value of samples outside the picture, as a fraction"
      " of the sample range, every component",
      0.0, 1.0, DEFAULT_EXTRAPOLATION_VALUE, flags);

  /**
   * GstAlignScale:n-threads:
   *
   * Threads a frame is scaled on: its output rows are cut into slices
   * (whole chroma rows) run at once. 0 takes one per online core. The
   * output bytes are the same for every value. The threads start when the
   * value is first used and stay until it changes or the element stops.
   */
  properties[PROP_N_THREADS] = g_param_spec_uint ("n-threads", "Threads",
      "Threads a frame is scaled on (0: one per online core); the output is"
      " the same for every value",
      0, MAX_THREADS, DEFAULT_N_THREADS, flags);

  /**
   * GstAlignScale:chroma-upsampling:
   *
   * When the input is YUV and the output RGB or GRAY8, alignscale converts
   * the frame to 8-bit RGB at full resolution and resizes that
   * (docs/conversion.md); this is how chroma reaches every pixel first:
   * `linear` interpolates between the chroma samples around it at their
   * siting (libjpeg's fancy upsampling for centred 4:2:0), `nearest` gives
   * every pixel of a block its chroma sample (OpenCV's cvtColor). Unused
   * when the format is kept.
   */
  properties[PROP_CHROMA_UPSAMPLING] = g_param_spec_enum ("chroma-upsampling",
      "Chroma upsampling",
      "YUV in, RGB out: chroma at full resolution by linear interpolation at"
      " its siting, or nearest (each sample covers its block, as OpenCV)",
      GST_TYPE_ALIGN_SCALE_CHROMA_UPSAMPLING, DEFAULT_CHROMA_UPSAMPLING, flags);

  /**
   * GstAlignScale:integer-model:
   *
   * Whose bytes the output is. `exact`: the framework's float result
   * (PyTorch, ONNX, TF), rounded. `opencv`: what OpenCV 4.6's `cv2.resize`
   * returns for the same uint8 or uint16 image (`nearest`, `nearest-exact`,
   * `bilinear`, `bilinear-exact`, `area`, `bicubic`, `lanczos4`: its
   * INTER_ flags of those names; 10- and 12-bit planes the two nearest
   * only); `pillow`: what Pillow 9.4's `Image.resize` returns (`nearest`,
   * `bilinear`, `bicubic`, `box`, `hamming`, `lanczos`: its filters of
   * those names, on 8-bit images; RGBA premultiplied by alpha as Pillow
   * does; 16-bit images with NEAREST only, as Pillow; with
   * coordinate-mode=tf-crop-and-resize the roi is its `box=`). The
   * library's own mapping and arithmetic are used, whatever coordinate-mode
   * says; what the library does not have keeps `exact`, with a warning.
   * docs/integer-models.md.
   */
  properties[PROP_INTEGER_MODEL] = g_param_spec_enum ("integer-model",
      "Integer model",
      "Whose bytes: exact (the framework's float result, rounded), opencv"
      " (cv2.resize on uint8/uint16) or pillow (Image.resize)",
      GST_TYPE_ALIGN_SCALE_INTEGER_MODEL, DEFAULT_INTEGER_MODEL, flags);

  /**
   * GstAlignScale:crop:
   *
   * The part of the input picture that is resized: `<x, y, width, height>`
   * in input pixels, as torchvision's `resized_crop (img, top=y, left=x,
   * height, width, size)` (and `center_crop` after a resize): the crop is
   * the picture, resampled half-pixel over the crop, and the kernel's taps
   * stop at its edges (the pixels around it are not read), unlike Pillow's
   * `box=`. The output is byte for byte the plain resize of the cropped
   * picture, with every method, convention and integer model (a library
   * model sees the crop as its image). Composed with an upstream
   * #GstVideoCropMeta: the crop is then inside the meta's region. On
   * subsampled input whose crop starts at an odd pixel, each chroma plane
   * uses the chroma samples whose block meets the crop, at their siting
   * (docs/alignscale.md, "Crop and pad"). With YUV in and RGB out, the
   * crop is taken from the converted frame, as a training pipeline
   * decodes first.
   *
   * An empty array or a width of 0 is no crop (default). Four integers of
   * any numeric type, none negative, width and height at least 1; anything
   * else is refused with a warning and the crop kept. A crop that does not
   * fit the current picture is ignored for those frames, with a warning.
   * Where downstream leaves the output size free, it is the crop's (times
   * a scale factor), as after videocrop; a change of the crop's size
   * negotiates again.
   */
  properties[PROP_CROP] = gst_param_spec_array ("crop", "Crop",
      "Input region <x, y, width, height> in input pixels that is resized"
      " (torchvision resized_crop); empty or width 0: the whole picture",
      NULL,
      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | GST_PARAM_MUTABLE_PLAYING);

  /**
   * GstAlignScale:pad-value:
   *
   * The value of the output samples outside the picture, when the picture
   * does not fill the output (#GstAlignScale:letterbox): one number per output
   * component, in the component order of the format (R, G, B, A or Y, U, V,
   * A; GRAY: one) and in output sample units (0-255 for 8-bit samples,
   * 0-1023 for 10-bit ones); missing entries repeat the last; none (the
   * default) is the letterbox preset's pad: its grey (114 ultralytics, 0
   * the others) on RGB and GRAY, that grey's luma with neutral chroma on
   * YUV, alpha opaque. `<114>` is Ultralytics' grey on RGB, `<114,
   * 114, 114, 255>` keeps RGBA opaque. Values are rounded half up and
   * clamped to the component's range; a byte of no component (RGBx's x) is
   * filled with its largest value. At most four numbers, each within 0 and
   * 65535; anything else is refused with a warning and the values kept.
   */
  properties[PROP_PAD_VALUE] = gst_param_spec_array ("pad-value", "Pad value",
      "Output samples outside the picture: one value per output component"
      " (R, G, B, A or Y, U, V, A) in output sample units, the last repeated;"
      " default: the letterbox preset's",
      NULL,
      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | GST_PARAM_MUTABLE_PLAYING);

  /**
   * GstAlignScale:letterbox:
   *
   * Where the picture goes in the output, with each library's own
   * formula and rounding (docs/letterbox.md): `none` fills the output
   * (default); `ultralytics`, `mmdet`, `deepstream`,
   * `deepstream-symmetric`, `tf`, `pillow` keep the aspect ratio of the
   * picture (the crop, if any) as each library does, `add-borders` keeps
   * the display aspect ratio as videoscale's add-borders. The rest of the
   * output is #GstAlignScale:pad-value, by default the preset's (114 for
   * ultralytics, 0 for the others; on YUV outputs that grey's luma in the
   * stream's range with neutral chroma; alpha opaque). The picture inside
   * is exactly a plain resize to its size, with every method, convention
   * and integer model: `letterbox=ultralytics integer-model=opencv` is
   * the training code's cv2.resize and cv2.copyMakeBorder byte for byte.
   * A preset that cannot place a picture (one that rounds to no rows,
   * mmdet's orientation case) fills the output instead, with a warning.
   * Each output buffer's GstAlignScaleGeometryMeta gives the way back.
   */
  properties[PROP_LETTERBOX] = g_param_spec_enum ("letterbox", "Letterbox",
      "Where the picture goes: none (fill the output) or a library's"
      " letterbox (ultralytics, mmdet, deepstream, deepstream-symmetric, tf,"
      " pillow, add-borders)",
      GST_TYPE_ALIGN_SCALE_LETTERBOX, GST_ALIGN_SCALE_LETTERBOX_NONE, flags);

  g_object_class_install_properties (gobject_class, N_PROPS, properties);

  gst_element_class_set_static_metadata (element_class,
      "Align-corners video scaler", "Filter/Converter/Video/Scaler",
      "Scales video like PyTorch F.interpolate (or byte for byte like "
      "cv2.resize or Image.resize), converting YUV to RGB where asked, "
      "with every convention live-switchable",
      "alignscale developers");
  /* the installed docs (meson: <datadir>/doc/alignscale), for gst-inspect */
  gst_element_class_add_static_metadata (
      element_class, GST_ELEMENT_METADATA_DOC_URI, ALIGNSCALE_DOC_URI);
  gst_element_class_add_static_pad_template (
      element_class, &gst_align_scale_sink_template);
  gst_element_class_add_static_pad_template (
      element_class, &gst_align_scale_src_template);

  trans_class->stop = GST_DEBUG_FUNCPTR (gst_align_scale_stop);
  trans_class->transform_caps = GST_DEBUG_FUNCPTR (
      gst_align_scale_transform_caps);
  trans_class->fixate_caps = GST_DEBUG_FUNCPTR (gst_align_scale_fixate_caps);
  trans_class->before_transform = GST_DEBUG_FUNCPTR (
      gst_align_scale_before_transform);
  trans_class->transform_meta = GST_DEBUG_FUNCPTR (
      gst_align_scale_transform_meta);
  trans_class->propose_allocation = GST_DEBUG_FUNCPTR (
      gst_align_scale_propose_allocation);
  trans_class->passthrough_on_same_caps = FALSE;
  filter_class->set_info = GST_DEBUG_FUNCPTR (gst_align_scale_set_info);
  filter_class->transform_frame = GST_DEBUG_FUNCPTR (
      gst_align_scale_transform_frame);
  /* GstVideoFilter turns in-place without a transform_frame; frames come
   * through our own transform, though: GstVideoFilter's maps a short
   * buffer with only a warning and pushes the unwritten output frame */
  trans_class->transform = GST_DEBUG_FUNCPTR (gst_align_scale_transform);

  gst_type_mark_as_plugin_api (GST_TYPE_ALIGN_SCALE_METHOD, 0);
  gst_type_mark_as_plugin_api (GST_TYPE_ALIGN_SCALE_COORDINATE_MODE, 0);
  gst_type_mark_as_plugin_api (GST_TYPE_ALIGN_SCALE_NEAREST_MODE, 0);
  gst_type_mark_as_plugin_api (GST_TYPE_ALIGN_SCALE_CHROMA_UPSAMPLING, 0);
  gst_type_mark_as_plugin_api (GST_TYPE_ALIGN_SCALE_INTEGER_MODEL, 0);
  gst_type_mark_as_plugin_api (GST_TYPE_ALIGN_SCALE_LETTERBOX, 0);
  gst_align_scale_geometry_meta_register ();
}

static void
gst_align_scale_init (GstAlignScale *self)
{
  self->settings.method = DEFAULT_METHOD;
  self->settings.coordinate_mode = DEFAULT_COORDINATE_MODE;
  self->settings.cubic_a = DEFAULT_CUBIC_A;
  self->settings.nearest_mode = DEFAULT_NEAREST_MODE;
  self->settings.exclude_outside = DEFAULT_EXCLUDE_OUTSIDE;
  self->settings.antialias = DEFAULT_ANTIALIAS;
  self->settings.scale_factor_x = DEFAULT_SCALE_FACTOR;
  self->settings.scale_factor_y = DEFAULT_SCALE_FACTOR;
  self->settings.roi[0] = self->settings.roi[1] = 0.0;
  self->settings.roi[2] = self->settings.roi[3] = 1.0;
  self->settings.extrapolation_value = DEFAULT_EXTRAPOLATION_VALUE;
  self->settings.chroma_upsampling = DEFAULT_CHROMA_UPSAMPLING;
  self->settings.integer_model = DEFAULT_INTEGER_MODEL;
  self->published = self->settings;
  self->n_threads = DEFAULT_N_THREADS;
}

/* GObject calls this once after a g_object_set () of any number of
 * properties (notifications are frozen meanwhile), after a thaw, and after
 * gst_object_sync_values (): the one point where a set is complete */
static void
gst_align_scale_dispatch_properties_changed (
    GObject *object, guint n_pspecs, GParamSpec **pspecs)
{
  GstAlignScale *self = GST_ALIGN_SCALE (object);

  GST_OBJECT_LOCK (self);
  self->published = self->settings;
  GST_OBJECT_UNLOCK (self);
  G_OBJECT_CLASS (parent_class)
      ->dispatch_properties_changed (object, n_pspecs, pspecs);
}

/* the threads and every table: nothing runs any more */
static void
gst_align_scale_release (GstAlignScale *self)
{
  gst_align_scale_pool_free (self->pool);
  self->pool = NULL;
  for (guint i = 0; i < MAX_THREADS; i++) {
    as_scratch_free (self->scratch[i]);
    self->scratch[i] = NULL;
  }
  as_plan_free (self->plan);
  self->plan = NULL;
}

static void
gst_align_scale_finalize (GObject *object)
{
  gst_align_scale_release (GST_ALIGN_SCALE (object));
  G_OBJECT_CLASS (parent_class)->finalize (object);
}

static gboolean
numeric (GType t)
{
  return t == G_TYPE_DOUBLE || t == G_TYPE_FLOAT || t == G_TYPE_INT
      || t == G_TYPE_UINT || t == G_TYPE_INT64 || t == G_TYPE_UINT64
      || t == G_TYPE_LONG || t == G_TYPE_ULONG;
}

/* the numbers of a GstValueArray as doubles (NAN for a value that is no
 * number), at most max of them (more: *n > max), and a text of them for
 * a warning */
static GString *
array_numbers (const GValue *value, gdouble *x, guint max, guint *n)
{
  GString *got = g_string_new ("<");

  *n = gst_value_array_get_size (value);
  for (guint i = 0; i < *n; i++) {
    const GValue *v = gst_value_array_get_value (value, i);
    GValue d = G_VALUE_INIT;
    gdouble y = NAN;

    g_value_init (&d, G_TYPE_DOUBLE);
    if (numeric (G_VALUE_TYPE (v)) && g_value_transform (v, &d)) {
      y = g_value_get_double (&d);
      g_string_append_printf (got, "%s%g", i ? ", " : "", y);
    } else {
      g_string_append_printf (
          got, "%s(%s)", i ? ", " : "", g_type_name (G_VALUE_TYPE (v)));
    }
    g_value_unset (&d);
    if (i < max)
      x[i] = y;
  }
  g_string_append (got, ">");
  return got;
}

/* crop: none (empty), or four integers, none negative, width and height
 * at least 1 (width 0: none), right and bottom edges within the largest
 * picture; else a warning */
static gboolean
gst_align_scale_parse_crop (const GValue *value, gint crop[4])
{
  gdouble x[4];
  guint n;
  GString *got = array_numbers (value, x, 4, &n);
  gboolean ok = n == 0 || n == 4;

  for (guint i = 0; ok && i < n; i++)
    ok = x[i] >= 0 && x[i] <= MAX_SIZE && x[i] == floor (x[i]);
  if (ok && n == 4 && x[2] > 0)
    ok = x[3] >= 1 && x[0] + x[2] <= MAX_SIZE && x[1] + x[3] <= MAX_SIZE;
  if (!ok) {
    g_warning ("alignscale: crop needs <x, y, width, height>, four integers"
               " >= 0 with width and height >= 1 inside a picture of at most"
               " %dx%d (or none: <> or width 0), got %s; the crop is"
               " unchanged",
        MAX_SIZE, MAX_SIZE, got->str);
  } else {
    for (guint i = 0; i < 4; i++)
      crop[i] = n == 4 && x[2] > 0 ? (gint) x[i] : 0;
  }
  g_string_free (got, TRUE);
  return ok;
}

/* pad-value: up to one number per component, each within [0, 65535]; else
 * a warning */
static gboolean
gst_align_scale_parse_pad_value (
    const GValue *value, gdouble pad[GST_VIDEO_MAX_COMPONENTS], guint *count)
{
  guint n;
  GString *got = array_numbers (value, pad, GST_VIDEO_MAX_COMPONENTS, &n);
  gboolean ok = n <= GST_VIDEO_MAX_COMPONENTS;

  for (guint i = 0; ok && i < n; i++)
    ok = pad[i] >= 0 && pad[i] <= MAX_PAD_VALUE;
  if (!ok)
    g_warning ("alignscale: pad-value needs at most %d numbers within 0 and"
               " %g (one per output component, in its sample units), got %s;"
               " the pad value is unchanged",
        GST_VIDEO_MAX_COMPONENTS, MAX_PAD_VALUE, got->str);
  else
    *count = n;
  g_string_free (got, TRUE);
  return ok;
}

/* four finite numbers within +-MAX_ROI, of any numeric type (a Python list
 * of ints arrives as G_TYPE_INT values); else a warning */
static gboolean
gst_align_scale_parse_roi (const GValue *value, gdouble roi[4])
{
  guint n = gst_value_array_get_size (value);
  gboolean ok = n == 4;
  GString *got = g_string_new ("<");

  for (guint i = 0; i < n; i++) {
    const GValue *v = gst_value_array_get_value (value, i);
    GValue d = G_VALUE_INIT;
    gdouble x = NAN;

    g_value_init (&d, G_TYPE_DOUBLE);
    if (numeric (G_VALUE_TYPE (v)) && g_value_transform (v, &d)) {
      x = g_value_get_double (&d);
      g_string_append_printf (got, "%s%g", i ? ", " : "", x);
    } else {
      g_string_append_printf (
          got, "%s(%s)", i ? ", " : "", g_type_name (G_VALUE_TYPE (v)));
    }
    g_value_unset (&d);
    ok &= fabs (x) <= MAX_ROI;
    if (ok && i < 4)
      roi[i] = x;
  }
  g_string_append (got, ">");
  if (!ok)
    g_warning ("alignscale: roi needs four numbers <x0, y0, x1, y1> within"
               " +-%g, got %s; the roi is unchanged",
        MAX_ROI, got->str);
  g_string_free (got, TRUE);
  return ok;
}

/* the presets but add-borders (videoscale's: the PAR first, borders where
 * it is fixed) pad instead of changing the PAR */
static gboolean
gst_align_scale_pads (GstAlignScaleLetterbox letterbox)
{
  return letterbox != GST_ALIGN_SCALE_LETTERBOX_NONE
      && letterbox != GST_ALIGN_SCALE_LETTERBOX_ADD_BORDERS;
}

static void
gst_align_scale_set_property (
    GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  GstAlignScale *self = GST_ALIGN_SCALE (object);
  GParamSpec *also = NULL;
  gboolean resize = FALSE;
  gdouble roi[4], pad[GST_VIDEO_MAX_COMPONENTS];
  gint crop[4];
  guint n_pad = 0;

  /* warned like an out-of-range GObject value (visible without GST_DEBUG,
   * the property unchanged), outside the lock */
  if (prop_id == PROP_ROI && !gst_align_scale_parse_roi (value, roi))
    return;
  if (prop_id == PROP_CROP && !gst_align_scale_parse_crop (value, crop))
    return;
  if (prop_id == PROP_PAD_VALUE
      && !gst_align_scale_parse_pad_value (value, pad, &n_pad))
    return;

  /* published for frames by dispatch_properties_changed */
  GST_OBJECT_LOCK (self);
  switch (prop_id) {
    case PROP_METHOD:
      self->settings.method = g_value_get_enum (value);
      break;
    case PROP_ALIGN_CORNERS:
      self->settings.coordinate_mode = g_value_get_boolean (value)
          ? GST_ALIGN_SCALE_COORDINATE_MODE_ALIGN_CORNERS
          : GST_ALIGN_SCALE_COORDINATE_MODE_HALF_PIXEL;
      also = properties[PROP_COORDINATE_MODE];
      break;
    case PROP_COORDINATE_MODE:
      self->settings.coordinate_mode = g_value_get_enum (value);
      also = properties[PROP_ALIGN_CORNERS];
      break;
    case PROP_CUBIC_A:
      self->settings.cubic_a = g_value_get_double (value);
      break;
    case PROP_NEAREST_MODE:
      self->settings.nearest_mode = g_value_get_enum (value);
      break;
    case PROP_EXCLUDE_OUTSIDE:
      self->settings.exclude_outside = g_value_get_boolean (value);
      break;
    case PROP_ANTIALIAS:
      self->settings.antialias = g_value_get_boolean (value);
      break;
    case PROP_SCALE_FACTOR_X:
      self->settings.scale_factor_x = g_value_get_double (value);
      resize = TRUE;
      break;
    case PROP_SCALE_FACTOR_Y:
      self->settings.scale_factor_y = g_value_get_double (value);
      resize = TRUE;
      break;
    case PROP_ROI:
      memcpy (self->settings.roi, roi, sizeof (roi));
      break;
    case PROP_EXTRAPOLATION_VALUE:
      self->settings.extrapolation_value = g_value_get_double (value);
      break;
    case PROP_N_THREADS:
      self->n_threads = g_value_get_uint (value);
      break;
    case PROP_CHROMA_UPSAMPLING:
      self->settings.chroma_upsampling = g_value_get_enum (value);
      break;
    case PROP_INTEGER_MODEL:
      self->settings.integer_model = g_value_get_enum (value);
      break;
    case PROP_LETTERBOX:
      /* a free output PAR follows whether the picture is padded */
      resize = gst_align_scale_pads (self->settings.letterbox)
          != gst_align_scale_pads (g_value_get_enum (value));
      self->settings.letterbox = g_value_get_enum (value);
      break;
    case PROP_CROP:
      /* a free output size follows the crop's */
      resize = crop[2] != self->settings.crop[2]
          || crop[3] != self->settings.crop[3];
      memcpy (self->settings.crop, crop, sizeof (crop));
      break;
    case PROP_PAD_VALUE:
      memset (self->settings.pad_value, 0, sizeof (self->settings.pad_value));
      memcpy (self->settings.pad_value, pad, n_pad * sizeof (gdouble));
      self->settings.n_pad_value = n_pad;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      break;
  }
  GST_OBJECT_UNLOCK (self);
  /* align-corners and coordinate-mode are one state: both change */
  if (also)
    g_object_notify_by_pspec (object, also);
  /* a free output size follows the scale factor and the crop: negotiate
   * again */
  if (resize)
    gst_base_transform_reconfigure_src (GST_BASE_TRANSFORM (self));
}

static void
gst_align_scale_get_property (
    GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  GstAlignScale *self = GST_ALIGN_SCALE (object);

  GST_OBJECT_LOCK (self);
  switch (prop_id) {
    case PROP_METHOD:
      g_value_set_enum (value, self->settings.method);
      break;
    case PROP_ALIGN_CORNERS:
      g_value_set_boolean (value,
          self->settings.coordinate_mode
              == GST_ALIGN_SCALE_COORDINATE_MODE_ALIGN_CORNERS);
      break;
    case PROP_COORDINATE_MODE:
      g_value_set_enum (value, self->settings.coordinate_mode);
      break;
    case PROP_CUBIC_A:
      g_value_set_double (value, self->settings.cubic_a);
      break;
    case PROP_NEAREST_MODE:
      g_value_set_enum (value, self->settings.nearest_mode);
      break;
    case PROP_EXCLUDE_OUTSIDE:
      g_value_set_boolean (value, self->settings.exclude_outside);
      break;
    case PROP_ANTIALIAS:
      g_value_set_boolean (value, self->settings.antialias);
      break;
    case PROP_SCALE_FACTOR_X:
      g_value_set_double (value, self->settings.scale_factor_x);
      break;
    case PROP_SCALE_FACTOR_Y:
      g_value_set_double (value, self->settings.scale_factor_y);
      break;
    case PROP_ROI:
      for (guint i = 0; i < 4; i++) {
        GValue v = G_VALUE_INIT;
        g_value_init (&v, G_TYPE_DOUBLE);
        g_value_set_double (&v, self->settings.roi[i]);
        gst_value_array_append_and_take_value (value, &v);
      }
      break;
    case PROP_EXTRAPOLATION_VALUE:
      g_value_set_double (value, self->settings.extrapolation_value);
      break;
    case PROP_N_THREADS:
      g_value_set_uint (value, self->n_threads);
      break;
    case PROP_CHROMA_UPSAMPLING:
      g_value_set_enum (value, self->settings.chroma_upsampling);
      break;
    case PROP_INTEGER_MODEL:
      g_value_set_enum (value, self->settings.integer_model);
      break;
    case PROP_LETTERBOX:
      g_value_set_enum (value, self->settings.letterbox);
      break;
    case PROP_CROP:
      for (guint i = 0; self->settings.crop[2] && i < 4; i++) {
        GValue v = G_VALUE_INIT;
        g_value_init (&v, G_TYPE_INT);
        g_value_set_int (&v, self->settings.crop[i]);
        gst_value_array_append_and_take_value (value, &v);
      }
      break;
    case PROP_PAD_VALUE:
      for (guint i = 0; i < self->settings.n_pad_value; i++) {
        GValue v = G_VALUE_INIT;
        g_value_init (&v, G_TYPE_DOUBLE);
        g_value_set_double (&v, self->settings.pad_value[i]);
        gst_value_array_append_and_take_value (value, &v);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      break;
  }
  GST_OBJECT_UNLOCK (self);
}

static gboolean
gst_align_scale_stop (GstBaseTransform *trans)
{
  gst_align_scale_release (GST_ALIGN_SCALE (trans));
  return TRUE;
}

/* ------------------------------------------------------------------ caps */

/* YUV in, one of these out: converted while scaled (docs/conversion.md) */
static const gchar *const convert_out_formats[] = { "RGB", "BGR", "RGBA",
  "BGRA", "ARGB", "ABGR", "RGBx", "BGRx", "xRGB", "xBGR", "RGBP", "BGRP",
  "GRAY8" };

static gboolean
is_convert_out (GstVideoFormat f)
{
  for (guint i = 0; i < G_N_ELEMENTS (convert_out_formats); i++)
    if (f == gst_video_format_from_string (convert_out_formats[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_convert_in (GstVideoFormat f)
{
  const GstVideoFormatInfo *fi = gst_video_format_get_info (f);

  return fi && GST_VIDEO_FORMAT_INFO_IS_YUV (fi)
      && !GST_VIDEO_FORMAT_INFO_IS_GRAY (fi);
}

/* whether alignscale makes out from in */
static gboolean
gst_align_scale_can_convert (GstVideoFormat in, GstVideoFormat out)
{
  return in == out || (is_convert_in (in) && is_convert_out (out));
}

/* the formats of a caps structure's format field that pass test (all of
 * ours when it has none) */
static gboolean
any_format (const GstStructure *s, gboolean (*test) (GstVideoFormat))
{
  const GValue *v = gst_structure_get_value (s, "format");

  if (!v)
    return TRUE;
  if (G_VALUE_HOLDS_STRING (v))
    return test (gst_video_format_from_string (g_value_get_string (v)));
  if (GST_VALUE_HOLDS_LIST (v))
    for (guint i = 0; i < gst_value_list_get_size (v); i++) {
      const GValue *e = gst_value_list_get_value (v, i);
      if (G_VALUE_HOLDS_STRING (e)
          && test (gst_video_format_from_string (g_value_get_string (e))))
        return TRUE;
    }
  return FALSE;
}

/* a structure of s's fields with the other side's formats of a conversion:
 * RGB ones for YUV (sink -> src), YUV ones for RGB (src -> sink); the
 * YUV colorimetry and siting fields belong to one side only */
static GstStructure *
convert_structure (const GstStructure *s, GstPadDirection direction)
{
  GstStructure *c = gst_structure_copy (s);
  GValue list = G_VALUE_INIT, e = G_VALUE_INIT;

  g_value_init (&list, GST_TYPE_LIST);
  g_value_init (&e, G_TYPE_STRING);
  if (direction == GST_PAD_SINK) {
    for (guint i = 0; i < G_N_ELEMENTS (convert_out_formats); i++) {
      g_value_set_string (&e, convert_out_formats[i]);
      gst_value_list_append_value (&list, &e);
    }
  } else {
    GstCaps *tmpl = gst_static_caps_get (
        &gst_align_scale_sink_template.static_caps);
    const GValue *all = gst_structure_get_value (
        gst_caps_get_structure (tmpl, 0), "format");
    for (guint i = 0; i < gst_value_list_get_size (all); i++) {
      const GValue *f = gst_value_list_get_value (all, i);
      if (is_convert_in (gst_video_format_from_string (g_value_get_string (f))))
        gst_value_list_append_value (&list, f);
    }
    gst_caps_unref (tmpl);
  }
  gst_structure_take_value (c, "format", &list);
  g_value_unset (&e);
  gst_structure_remove_fields (c, "colorimetry", "chroma-site", NULL);
  return c;
}

static GstCaps *
gst_align_scale_transform_caps (GstBaseTransform *trans,
    GstPadDirection direction, GstCaps *caps, GstCaps *filter)
{
  GstCaps *ret = gst_caps_new_empty (), *conv = gst_caps_new_empty ();
  guint n = gst_caps_get_size (caps);

  /* same format and fields on both sides; any size and PAR. After them
   * (the same format is preferred), YUV to RGB (docs/conversion.md). */
  for (guint i = 0; i < n; i++) {
    GstStructure *s = gst_caps_get_structure (caps, i);
    GstCapsFeatures *f = gst_caps_get_features (caps, i);

    if (i > 0 && gst_caps_is_subset_structure_full (ret, s, f))
      continue;
    s = gst_structure_copy (s);
    if (!gst_caps_features_is_any (f)
        && gst_caps_features_is_equal (
            f, GST_CAPS_FEATURES_MEMORY_SYSTEM_MEMORY)) {
      gst_structure_set (s, "width", GST_TYPE_INT_RANGE, 1, MAX_SIZE, "height",
          GST_TYPE_INT_RANGE, 1, MAX_SIZE, NULL);
      if (gst_structure_has_field (s, "pixel-aspect-ratio"))
        gst_structure_set (s, "pixel-aspect-ratio", GST_TYPE_FRACTION_RANGE, 1,
            G_MAXINT, G_MAXINT, 1, NULL);
      if (any_format (
              s, direction == GST_PAD_SINK ? is_convert_in : is_convert_out)
          && gst_structure_has_field (s, "format"))
        gst_caps_append_structure_full (
            conv, convert_structure (s, direction), gst_caps_features_copy (f));
    }
    gst_caps_append_structure_full (ret, s, gst_caps_features_copy (f));
  }
  ret = gst_caps_merge (ret, conv);

  if (filter) {
    GstCaps *tmp = gst_caps_intersect_full (
        filter, ret, GST_CAPS_INTERSECT_FIRST);
    gst_caps_unref (ret);
    ret = tmp;
  }
  GST_DEBUG_OBJECT (trans, "%s caps %" GST_PTR_FORMAT " -> %" GST_PTR_FORMAT,
      direction == GST_PAD_SINK ? "sink" : "src", caps, ret);
  return ret;
}

/* a * b, exact when it fits a gint, else a close fraction (very large PAR
 * fractions overflow the exact product: tiscamera #426, MR !8262) */
static void
frac_mul (gint a_n, gint a_d, gint b_n, gint b_d, gint *n, gint *d)
{
  if (a_d == 0 || b_d == 0 || a_n == 0 || b_n == 0) {
    *n = 1;
    *d = 1;
    return;
  }
  if (!gst_util_fraction_multiply (a_n, a_d, b_n, b_d, n, d)) {
    gdouble v = ((gdouble) a_n / a_d) * ((gdouble) b_n / b_d);
    v = CLAMP (v, 1.0 / G_MAXINT, (gdouble) G_MAXINT);
    gst_util_double_to_fraction (v, n, d);
  }
  if (*n <= 0 || *d <= 0) {
    *n = 1;
    *d = 1;
  }
}

/* round (val * n / d) without overflow, saturated to gint */
static gint
scale_int (gint val, gint n, gint d)
{
  guint64 r = gst_util_uint64_scale_int_round (MAX (val, 0), n, d);
  return (gint) MIN (r, (guint64) G_MAXINT);
}

static void
get_par (GstStructure *s, gint *n, gint *d)
{
  if (!gst_structure_get_fraction (s, "pixel-aspect-ratio", n, d)) {
    *n = 1;
    *d = 1;
  }
}

/* fixate width, height (and PAR when par_n > 0) to exactly these values if
 * the structure allows them */
static gboolean
try_fixate (GstStructure *outs, gint w, gint h, gint par_n, gint par_d)
{
  GstStructure *tmp = gst_structure_copy (outs);
  gint tw = 0, th = 0, tn = 0, td = 0;
  gboolean ok;

  gst_structure_fixate_field_nearest_int (tmp, "width", w);
  gst_structure_fixate_field_nearest_int (tmp, "height", h);
  ok = gst_structure_get_int (tmp, "width", &tw)
      && gst_structure_get_int (tmp, "height", &th) && tw == w && th == h;
  if (ok && par_n > 0) {
    gst_structure_fixate_field_nearest_fraction (
        tmp, "pixel-aspect-ratio", par_n, par_d);
    ok = gst_structure_get_fraction (tmp, "pixel-aspect-ratio", &tn, &td)
        && gst_util_fraction_compare (tn, td, par_n, par_d) == 0;
  }
  gst_structure_free (tmp);
  if (ok) {
    gst_structure_set (
        outs, "width", G_TYPE_INT, w, "height", G_TYPE_INT, h, NULL);
    if (par_n > 0)
      gst_structure_set (
          outs, "pixel-aspect-ratio", GST_TYPE_FRACTION, par_n, par_d, NULL);
  }
  return ok;
}

/* Keep the display aspect ratio through the PAR, with videoscale's
 * preferences (users expect them): a fixed output dimension is kept, then
 * the input size, then the input PAR. keep_par: a letterbox preset keeps
 * the picture's aspect by padding, so a fixed output size keeps the input
 * PAR where it is free. */
static void
gst_align_scale_fixate_size (GstAlignScale *self, GstPadDirection direction,
    GstStructure *ins, GstStructure *outs, gboolean keep_par)
{
  gint in_w, in_h, in_par_n, in_par_d, dar_n, dar_d, par_n, par_d, n, d;
  gint w = 0, h = 0;
  const GValue *v;
  gboolean w_fixed, h_fixed, par_fixed;

  if (!gst_structure_get_int (ins, "width", &in_w)
      || !gst_structure_get_int (ins, "height", &in_h))
    return;
  get_par (ins, &in_par_n, &in_par_d);

  /* a missing output PAR is free when we pick the output, else square */
  if (!gst_structure_has_field (outs, "pixel-aspect-ratio")) {
    if (direction == GST_PAD_SINK)
      gst_structure_set (outs, "pixel-aspect-ratio", GST_TYPE_FRACTION_RANGE, 1,
          G_MAXINT, G_MAXINT, 1, NULL);
    else
      gst_structure_set (
          outs, "pixel-aspect-ratio", GST_TYPE_FRACTION, 1, 1, NULL);
  }
  frac_mul (in_w, in_h, in_par_n, in_par_d, &dar_n, &dar_d);

  v = gst_structure_get_value (outs, "width");
  w_fixed = v && G_VALUE_HOLDS_INT (v);
  if (w_fixed)
    w = g_value_get_int (v);
  v = gst_structure_get_value (outs, "height");
  h_fixed = v && G_VALUE_HOLDS_INT (v);
  if (h_fixed)
    h = g_value_get_int (v);
  v = gst_structure_get_value (outs, "pixel-aspect-ratio");
  par_fixed = v && GST_VALUE_HOLDS_FRACTION (v);

  GST_DEBUG_OBJECT (self, "input %dx%d DAR %d/%d; output %s%s%s", in_w, in_h,
      dar_n, dar_d, w_fixed ? "width " : "", h_fixed ? "height " : "",
      par_fixed ? "PAR fixed" : "");

  if (w_fixed && h_fixed) {
    if (!par_fixed && keep_par) {
      gst_structure_fixate_field_nearest_fraction (
          outs, "pixel-aspect-ratio", in_par_n, in_par_d);
    } else if (!par_fixed) {
      frac_mul (dar_n, dar_d, h, w, &n, &d);
      gst_structure_fixate_field_nearest_fraction (
          outs, "pixel-aspect-ratio", n, d);
    }
    return;
  }

  if (h_fixed || w_fixed) {
    if (!par_fixed) {
      /* keep the other input dimension and adjust the PAR, if allowed */
      gint tw = w_fixed ? w : in_w, th = h_fixed ? h : in_h;
      frac_mul (dar_n, dar_d, th, tw, &n, &d);
      if (try_fixate (outs, tw, th, n, d))
        return;
      gst_structure_fixate_field_nearest_fraction (
          outs, "pixel-aspect-ratio", n, d);
    }
    get_par (outs, &par_n, &par_d);
    if (h_fixed) {
      frac_mul (dar_n, dar_d, par_d, par_n, &n, &d); /* w = h * DAR / PAR */
      gst_structure_fixate_field_nearest_int (
          outs, "width", scale_int (h, n, d));
    } else {
      frac_mul (par_n, par_d, dar_d, dar_n, &n, &d); /* h = w * PAR / DAR */
      gst_structure_fixate_field_nearest_int (
          outs, "height", scale_int (w, n, d));
    }
    return;
  }

  /* neither dimension fixed */
  if (!par_fixed) {
    if (try_fixate (outs, in_w, in_h, in_par_n, in_par_d))
      return;
    gst_structure_fixate_field_nearest_fraction (
        outs, "pixel-aspect-ratio", in_par_n, in_par_d);
  }
  get_par (outs, &par_n, &par_d);
  frac_mul (dar_n, dar_d, par_d, par_n, &n, &d);
  if (try_fixate (outs, scale_int (in_h, n, d), in_h, 0, 0))
    return;
  if (try_fixate (outs, in_w, scale_int (in_w, d, n), 0, 0))
    return;
  gst_structure_fixate_field_nearest_int (outs, "height", in_h);
  gst_structure_get_int (outs, "height", &h);
  gst_structure_fixate_field_nearest_int (outs, "width", scale_int (h, n, d));
}

/* The input length a free output dimension follows (axis 0: width): the
 * crop's when the crop fits the in_w x in_h input, else the input's (a
 * crop that does not fit is ignored, gst_align_scale_input). */
static gint
gst_align_scale_source_len (
    const GstAlignScaleSettings *st, guint axis, gint in_w, gint in_h)
{
  const gint *c = st->crop;

  if (c[2] > 0 && (gint64) c[0] + c[2] <= in_w && (gint64) c[1] + c[3] <= in_h)
    return c[2 + axis];
  return axis ? in_h : in_w;
}

/* a scale factor picks the output length the frameworks give,
 * floor (in * scale) (PyTorch, ONNX), where downstream leaves it free;
 * in is the crop's length when there is one (ins has it). Returns which
 * dimensions were free. */
static void
gst_align_scale_fixate_scaled (GstAlignScale *self, GstStructure *ins,
    GstStructure *outs, const GstAlignScaleSettings *used, gboolean free[2])
{
  const gchar *field[2] = { "width", "height" };
  gdouble scale[2];
  gint in;

  scale[0] = used->scale_factor_x;
  scale[1] = used->scale_factor_y;

  for (guint a = 0; a < 2; a++) {
    const GValue *v = gst_structure_get_value (outs, field[a]);
    gdouble want;

    free[a] = v && !G_VALUE_HOLDS_INT (v);
    if (scale[a] <= 0 || !gst_structure_get_int (ins, field[a], &in) || !v
        || G_VALUE_HOLDS_INT (v))
      continue;
    want = floor (in * scale[a]);
    gst_structure_fixate_field_nearest_int (
        outs, field[a], (gint) CLAMP (want, 1, MAX_SIZE));
    GST_DEBUG_OBJECT (self, "%s %d * %g -> %d", field[a], in, scale[a],
        (gint) CLAMP (want, 1, MAX_SIZE));
  }
}

static GstCaps *
gst_align_scale_fixate_caps (GstBaseTransform *trans, GstPadDirection direction,
    GstCaps *caps, GstCaps *othercaps)
{
  GstAlignScale *self = GST_ALIGN_SCALE (trans);

  GstAlignScaleSettings used;
  gboolean free[2] = { FALSE, FALSE };
  gint size[2] = { 0, 0 };
  GstStructure *ins;

  /* the input's format where downstream takes it (caps are in its
   * order, which may put a conversion first) */
  if (direction == GST_PAD_SINK) {
    const gchar *fmt = gst_structure_get_string (
        gst_caps_get_structure (caps, 0), "format");
    GValue want = G_VALUE_INIT;

    g_value_init (&want, G_TYPE_STRING);
    g_value_set_string (&want, fmt ? fmt : "");
    for (guint i = 0; fmt && i < gst_caps_get_size (othercaps); i++) {
      GstStructure *o = gst_caps_get_structure (othercaps, i);
      const GValue *v = gst_structure_get_value (o, "format");

      if (!v || gst_value_intersect (NULL, v, &want)) {
        GstCaps *one = gst_caps_new_empty ();
        o = gst_structure_copy (o);
        gst_structure_set_value (o, "format", &want);
        gst_caps_append_structure_full (one, o,
            gst_caps_features_copy (gst_caps_get_features (othercaps, i)));
        gst_caps_unref (othercaps);
        othercaps = one;
        break;
      }
    }
    g_value_unset (&want);
  }
  othercaps = gst_caps_truncate (othercaps);
  othercaps = gst_caps_make_writable (othercaps);
  ins = gst_structure_copy (gst_caps_get_structure (caps, 0));
  if (direction == GST_PAD_SINK) {
    gint in_w, in_h;

    GST_OBJECT_LOCK (self);
    used = self->published;
    GST_OBJECT_UNLOCK (self);
    /* the picture is the crop: a free output size is the crop's (with
     * its display aspect ratio), as after videocrop */
    if (gst_structure_get_int (ins, "width", &in_w)
        && gst_structure_get_int (ins, "height", &in_h))
      gst_structure_set (ins, "width", G_TYPE_INT,
          gst_align_scale_source_len (&used, 0, in_w, in_h), "height",
          G_TYPE_INT, gst_align_scale_source_len (&used, 1, in_w, in_h), NULL);
    gst_align_scale_fixate_scaled (
        self, ins, gst_caps_get_structure (othercaps, 0), &used, free);
  }
  gst_align_scale_fixate_size (self, direction, ins,
      gst_caps_get_structure (othercaps, 0),
      direction == GST_PAD_SINK && gst_align_scale_pads (used.letterbox));
  gst_structure_free (ins);
  othercaps = gst_caps_fixate (othercaps);
  if (direction == GST_PAD_SINK) {
    GstStructure *st = gst_caps_get_structure (othercaps, 0);
    gst_structure_get_int (st, "width", &size[0]);
    gst_structure_get_int (st, "height", &size[1]);
    GST_OBJECT_LOCK (self);
    self->fixated = used;
    self->fixated_free[0] = free[0];
    self->fixated_free[1] = free[1];
    self->fixated_size[0] = size[0];
    self->fixated_size[1] = size[1];
    GST_OBJECT_UNLOCK (self);
  }
  GST_DEBUG_OBJECT (self, "fixated to %" GST_PTR_FORMAT, othercaps);
  return othercaps;
}

static gboolean
gst_align_scale_set_info (GstVideoFilter *filter, GstCaps *incaps,
    GstVideoInfo *in_info, GstCaps *outcaps, GstVideoInfo *out_info)
{
  GstAlignScale *self = GST_ALIGN_SCALE (filter);

  /* a refused negotiation posts its reason as an error, as GStreamer's
   * elements do, so it is seen without GST_DEBUG; the flow then returns
   * not-negotiated */
  if (GST_VIDEO_INFO_IS_INTERLACED (in_info)
      || GST_VIDEO_INFO_IS_INTERLACED (out_info)) {
    GST_ELEMENT_ERROR (self, CORE, NEGOTIATION,
        ("alignscale does not scale interlaced video"),
        ("interlace-mode=%s: scaling a frame of two fields mixes them; put a"
         " deinterlace element in front",
            gst_video_interlace_mode_to_string (
                GST_VIDEO_INFO_INTERLACE_MODE (in_info))));
    return FALSE;
  }
  if (!gst_align_scale_can_convert (
          GST_VIDEO_INFO_FORMAT (in_info), GST_VIDEO_INFO_FORMAT (out_info))) {
    GST_ELEMENT_ERROR (self, CORE, NEGOTIATION,
        ("alignscale converts only YUV to RGB or GRAY8"),
        ("%s -> %s: keep the format, or ask for RGB out of YUV; put a"
         " videoconvert element before or after it for anything else",
            GST_VIDEO_INFO_NAME (in_info), GST_VIDEO_INFO_NAME (out_info)));
    return FALSE;
  }
  if (out_info->size > MAX_FRAME_BYTES && !self->warned_frames) {
    GST_ELEMENT_WARNING (self, RESOURCE, SETTINGS, ("Very large output frames"),
        ("%dx%d %s: %" G_GSIZE_FORMAT " MiB per frame (a large scale factor"
         " with a free output size?)",
            out_info->width, out_info->height, GST_VIDEO_INFO_NAME (out_info),
            out_info->size >> 20));
    self->warned_frames = TRUE;
  }

  /* tables are rebuilt for the new caps on the next frame */
  as_plan_free (self->plan);
  self->plan = NULL;

  /* equal sizes may pass through; each frame decides (before_transform) */
  gst_base_transform_set_passthrough (GST_BASE_TRANSFORM (filter), FALSE);

  GST_DEBUG_OBJECT (self, "%s %dx%d -> %dx%d%s", GST_VIDEO_INFO_NAME (in_info),
      in_info->width, in_info->height, out_info->width, out_info->height,
      gst_base_transform_is_passthrough (GST_BASE_TRANSFORM (filter))
          ? " (passthrough)"
          : "");
  return TRUE;
}

/* --------------------------------------------------------------- frames */

static void
gst_align_scale_before_transform (GstBaseTransform *trans, GstBuffer *buf)
{
  GstAlignScale *self = GST_ALIGN_SCALE (trans);
  GstVideoFilter *filter = GST_VIDEO_FILTER (trans);
  GstClockTime ts = GST_BUFFER_PTS (buf), st = ts;
  GstAlignScaleSettings settings;
  gboolean same;

  /* controlled properties take their value for this frame's stream time;
   * a segment in another format (appsrc's default, bytes) has none, and
   * the timestamp stands for it */
  if (GST_CLOCK_TIME_IS_VALID (ts)) {
    if (trans->segment.format == GST_FORMAT_TIME)
      st = gst_segment_to_stream_time (&trans->segment, GST_FORMAT_TIME, ts);
    if (GST_CLOCK_TIME_IS_VALID (st))
      gst_object_sync_values (GST_OBJECT (trans), st);
  }

  /* equal sizes pass through when this frame's configuration maps every
   * sample onto itself (not so for a scale factor, a crop, or
   * tf-half-pixel-for-nn bilinear) */
  if (!filter->negotiated)
    return;
  same = filter->in_info.width == filter->out_info.width
      && filter->in_info.height == filter->out_info.height;
  /* a renegotiation is pending (a scale factor or the crop's size
   * changed): this frame's settings are known only after it, so no
   * passthrough for it (transform makes it with whatever the new fixation
   * chose) */
  if (same && gst_pad_needs_reconfigure (GST_BASE_TRANSFORM_SRC_PAD (trans)))
    same = FALSE;
  /* no tables (an error is posted): transform reports it, no passthrough;
   * nor for a buffer that does not hold its frame: transform refuses it
   * with the reason, instead of passing it on */
  if (same) {
    GstAlignScaleInput input;

    gst_align_scale_frame_settings (self, &settings);
    gst_align_scale_input (self, buf, &settings, &input);
    same = gst_align_scale_check_buffer (self, buf, &input.info, "input", FALSE)
        && gst_align_scale_ensure_plan (self, &settings, &input)
        && as_plan_is_identity (self->plan);
  }
  if (same != gst_base_transform_is_passthrough (trans)) {
    GST_DEBUG_OBJECT (self, "passthrough %s", same ? "on" : "off");
    gst_base_transform_set_passthrough (trans, same);
  }
}

/* Region-of-interest boxes are copied here as they are: this runs before
 * transform (GstBaseTransform's copy_metadata, in prepare_output_buffer),
 * when this frame's geometry is not known yet. gst_align_scale_map_rois
 * maps them once the frame is made. Other metas that depend only on the
 * picture size are scaled with GstVideoMetaTransform's scale, which maps
 * edges by out / in: the edges-align geometry of align-corners=false. The
 * rest is GstVideoFilter's choice (copy video-only metas, drop the
 * others). */
static gboolean
gst_align_scale_transform_meta (
    GstBaseTransform *trans, GstBuffer *outbuf, GstMeta *meta, GstBuffer *inbuf)
{
  GstVideoFilter *filter = GST_VIDEO_FILTER_CAST (trans);
  const GstMetaInfo *info = meta->info;
  const gchar *const *tags = gst_meta_api_type_get_tags (info->api);
  gboolean scalable;

  /* an upstream alignscale's way back is not ours: this frame gets its own */
  if (gst_meta_info_is_custom (info)
      && gst_custom_meta_has_name (
          (GstCustomMeta *) meta, GST_ALIGN_SCALE_GEOMETRY_META))
    return FALSE;
  scalable = tags != NULL && info->transform_func != NULL
      && gst_meta_api_type_has_tag (
          info->api, g_quark_from_string (GST_META_TAG_VIDEO_SIZE_STR));

  /* an upstream crop is applied (or refused): the output is the picture */
  if (info->api == GST_VIDEO_CROP_META_API_TYPE)
    return FALSE;
  for (; scalable && *tags; tags++)
    scalable = !strcmp (*tags, GST_META_TAG_VIDEO_STR)
        || !strcmp (*tags, GST_META_TAG_VIDEO_ORIENTATION_STR)
        || !strcmp (*tags, GST_META_TAG_VIDEO_SIZE_STR);
  if (scalable && info->api == GST_VIDEO_REGION_OF_INTEREST_META_API_TYPE) {
    GstMetaTransformCopy copy = { FALSE, 0, (gsize) -1 };
    info->transform_func (outbuf, meta, inbuf, _gst_meta_transform_copy, &copy);
    return FALSE; /* mapped after the frame, gst_align_scale_map_rois */
  }
  if (scalable) {
    GstVideoMetaTransform t = { &filter->in_info, &filter->out_info };
    info->transform_func (
        outbuf, meta, inbuf, gst_video_meta_transform_scale_get_quark (), &t);
    return FALSE; /* done here, no copy */
  }
  return GST_BASE_TRANSFORM_CLASS (parent_class)
      ->transform_meta (trans, outbuf, meta, inbuf);
}

/* Upstream may crop with a GstVideoCropMeta instead of copying (videocrop
 * does when it is offered): alignscale resizes the meta's region
 * (gst_align_scale_input). GstVideoFilter offers GstVideoMeta and a pool;
 * the crop meta is added, as GStreamer's converters do. */
static gboolean
gst_align_scale_propose_allocation (
    GstBaseTransform *trans, GstQuery *decide_query, GstQuery *query)
{
  if (!GST_BASE_TRANSFORM_CLASS (parent_class)
           ->propose_allocation (trans, decide_query, query))
    return FALSE;
  if (decide_query)
    gst_query_add_allocation_meta (query, GST_VIDEO_CROP_META_API_TYPE, NULL);
  return TRUE;
}

/* plane p's visible rows: bytes in one, and how many */
static void
plane_geometry (
    const GstVideoInfo *info, guint p, guint64 *row_bytes, guint64 *rows)
{
  const GstVideoFormatInfo *finfo = info->finfo;
  gint comp[GST_VIDEO_MAX_COMPONENTS];
  guint64 bps = GST_VIDEO_FORMAT_INFO_BITS (finfo) > 8 ? 2 : 1;

  /* whole pixels (RGBx's padding is read and written too), and the last
   * byte any component reaches (packed 4:2:2: the V of the last pair lies
   * past the last Y of an odd width) */
  gst_video_format_info_component (finfo, p, comp);
  *row_bytes = (guint64) GST_VIDEO_INFO_COMP_WIDTH (info, comp[0])
      * GST_VIDEO_INFO_COMP_PSTRIDE (info, comp[0]);
  for (guint k = 0; k < GST_VIDEO_MAX_COMPONENTS && comp[k] >= 0; k++) {
    guint64 end = GST_VIDEO_FORMAT_INFO_POFFSET (finfo, comp[k])
        + (guint64) (GST_VIDEO_INFO_COMP_WIDTH (info, comp[k]) - 1)
            * GST_VIDEO_INFO_COMP_PSTRIDE (info, comp[k])
        + bps;
    *row_bytes = MAX (*row_bytes, end);
  }
  *rows = GST_VIDEO_INFO_COMP_HEIGHT (info, comp[0]);
}

/* Refuse a buffer whose planes, as its GstVideoMeta or the caps lay them
 * out, do not fit inside it. Sizes from outside (meta offsets near 2^64,
 * strides) are summed with overflow checks; the error names the plane,
 * its offset, stride and rows, and the buffer size. */
static gboolean
gst_align_scale_check_buffer (GstAlignScale *self, GstBuffer *buf,
    const GstVideoInfo *info, const gchar *what, gboolean post)
{
  GstVideoMeta *meta = gst_buffer_get_video_meta (buf);
  const GstVideoFormatInfo *finfo = info->finfo;
  gsize size = gst_buffer_get_size (buf);

  if (meta
      && (meta->n_planes != GST_VIDEO_INFO_N_PLANES (info)
          || meta->format != GST_VIDEO_INFO_FORMAT (info)
          || meta->width < (guint) info->width
          || meta->height < (guint) info->height)) {
    if (post)
      GST_ELEMENT_ERROR (self, STREAM, FORMAT, ("Invalid %s video meta", what),
          ("%s video meta says %s %ux%u with %u planes, caps say %s %dx%d with"
           " %u",
              what, gst_video_format_to_string (meta->format), meta->width,
              meta->height, meta->n_planes, GST_VIDEO_INFO_NAME (info),
              info->width, info->height, GST_VIDEO_INFO_N_PLANES (info)));
    return FALSE;
  }

  for (guint p = 0; p < GST_VIDEO_INFO_N_PLANES (info); p++) {
    guint64 offset, row, rows, span, need;
    gint64 stride;
    gboolean ok;

    offset = meta ? meta->offset[p] : GST_VIDEO_INFO_PLANE_OFFSET (info, p);
    stride = meta ? meta->stride[p] : GST_VIDEO_INFO_PLANE_STRIDE (info, p);
    plane_geometry (info, p, &row, &rows);
    if (stride < 0 || (guint64) stride < row) {
      if (post)
        GST_ELEMENT_ERROR (self, STREAM, FORMAT,
            ("Invalid %s buffer layout", what),
            ("%s plane %u has a stride of %" G_GINT64_FORMAT " bytes, but a row"
             " of %dx%d %s needs %" G_GUINT64_FORMAT " bytes",
                what, p, stride, info->width, info->height,
                GST_VIDEO_INFO_NAME (info), row));
      return FALSE;
    }
    /* 16-bit samples are read as such: refuse a layout that misaligns them */
    if (GST_VIDEO_FORMAT_INFO_BITS (finfo) > 8 && (offset % 2 || stride % 2)) {
      if (post)
        GST_ELEMENT_ERROR (self, STREAM, FORMAT,
            ("Invalid %s buffer layout", what),
            ("%s plane %u has offset %" G_GUINT64_FORMAT
             " and stride %" G_GINT64_FORMAT ": 16-bit samples need even ones",
                what, p, offset, stride));
      return FALSE;
    }
    /* offset + stride * (rows - 1) + row, none of which wraps */
    ok = g_uint64_checked_mul (&span, (guint64) stride, rows - 1)
        && g_uint64_checked_add (&span, span, row)
        && g_uint64_checked_add (&need, offset, span);
    if (!ok || need > size) {
      gchar *end;

      if (!post)
        return FALSE;
      end = ok ? g_strdup_printf ("%" G_GUINT64_FORMAT, need)
               : g_strdup ("beyond 2^64");
      GST_ELEMENT_ERROR (self, STREAM, FORMAT, ("%s buffer is too small", what),
          ("%s buffer has %" G_GSIZE_FORMAT " bytes, but plane %u of %dx%d %s"
           " (offset %" G_GUINT64_FORMAT ", stride %" G_GINT64_FORMAT
           ", %" G_GUINT64_FORMAT " rows of %" G_GUINT64_FORMAT
           " bytes) ends at"
           " byte %s",
              what, size, p, info->width, info->height,
              GST_VIDEO_INFO_NAME (info), offset, stride, rows, row, end));
      g_free (end);
      return FALSE;
    }
  }
  return TRUE;
}

/* A mapped frame: plane pointers and strides, from a GstVideoFrame or,
 * when a plane spans several memory blocks, from one map of the whole
 * buffer (GstVideoMeta's default map gives each plane only the block its
 * offset falls in). */
typedef struct
{
  GstVideoFrame frame;
  GstMapInfo whole;
  gboolean merged;
  guint8 *data[GST_VIDEO_MAX_PLANES];
  gint stride[GST_VIDEO_MAX_PLANES];
} GstAlignScaleFrame;

/* is [data, data + stride * (rows - 1) + row) inside the mapped block? */
static gboolean
plane_in_map (const GstVideoInfo *info, guint p, const guint8 *data,
    gint stride, const GstMapInfo *map)
{
  guint64 row, rows;

  plane_geometry (info, p, &row, &rows);
  /* the sizes passed check_buffer: no overflow here */
  return data >= map->data
      && (gsize) (data - map->data) + (gsize) stride * (rows - 1) + row
      <= map->size;
}

static void
gst_align_scale_unmap (GstAlignScaleFrame *f, GstBuffer *buf)
{
  if (f->merged)
    gst_buffer_unmap (buf, &f->whole);
  else
    gst_video_frame_unmap (&f->frame);
}

/* 16-bit samples are read as 16-bit words: the first plane at an odd
 * address, or -1 */
static gint
misaligned_plane (const GstVideoInfo *info, const GstAlignScaleFrame *f)
{
  if (GST_VIDEO_FORMAT_INFO_BITS (info->finfo) > 8)
    for (guint p = 0; p < GST_VIDEO_INFO_N_PLANES (info); p++)
      if ((guintptr) f->data[p] & 1)
        return p;
  return -1;
}

static gboolean
gst_align_scale_map (GstAlignScale *self, GstAlignScaleFrame *f,
    const GstVideoInfo *info, GstBuffer *buf, GstMapFlags flags,
    const gchar *what)
{
  GstVideoMeta *meta;
  guint n = GST_VIDEO_INFO_N_PLANES (info);
  gboolean inside = TRUE;
  gint odd;

  f->merged = FALSE;
  if (!gst_video_frame_map (
          &f->frame, info, buf, flags | GST_VIDEO_FRAME_MAP_FLAG_NO_REF)) {
    GST_ELEMENT_ERROR (self, STREAM, FORMAT, (NULL),
        ("could not map the %s buffer of %" G_GSIZE_FORMAT " bytes in %u"
         " memory blocks as %dx%d %s",
            what, gst_buffer_get_size (buf), gst_buffer_n_memory (buf),
            info->width, info->height, GST_VIDEO_INFO_NAME (info)));
    return FALSE;
  }
  for (guint p = 0; p < n; p++) {
    f->data[p] = GST_VIDEO_FRAME_PLANE_DATA (&f->frame, p);
    f->stride[p] = GST_VIDEO_FRAME_PLANE_STRIDE (&f->frame, p);
    inside &= plane_in_map (info, p, f->data[p], f->stride[p],
        &f->frame.map[f->frame.meta ? p : 0]);
  }
  if (!inside || misaligned_plane (info, f) >= 0) {
    /* a plane crosses a memory boundary, or a block starts at an odd byte
     * of the buffer under 16-bit samples: map the buffer as one block
     * (GStreamer merges the blocks into new memory) and place the planes
     * ourselves. A single block stays where it is. */
    gst_video_frame_unmap (&f->frame);
    if (!gst_buffer_map (buf, &f->whole, flags)) {
      GST_ELEMENT_ERROR (self, STREAM, FORMAT, (NULL),
          ("could not map the %s buffer of %" G_GSIZE_FORMAT " bytes in %u"
           " memory blocks as one",
              what, gst_buffer_get_size (buf), gst_buffer_n_memory (buf)));
      return FALSE;
    }
    meta = gst_buffer_get_video_meta (buf);
    for (guint p = 0; p < n; p++) {
      f->data[p] = f->whole.data
          + (meta ? meta->offset[p] : GST_VIDEO_INFO_PLANE_OFFSET (info, p));
      f->stride[p] = meta ? meta->stride[p]
                          : GST_VIDEO_INFO_PLANE_STRIDE (info, p);
    }
    f->merged = TRUE;
    GST_LOG_OBJECT (self, "%s planes span memory blocks: mapped as one", what);
  }
  /* a single block at an odd address stays there: refused */
  odd = misaligned_plane (info, f);
  if (odd >= 0) {
    GST_ELEMENT_ERROR (self, STREAM, FORMAT, ("Misaligned %s buffer", what),
        ("%s plane %d starts at the odd address %p: 16-bit samples need"
         " 2-byte aligned memory",
            what, odd, f->data[odd]));
    gst_align_scale_unmap (f, buf);
    return FALSE;
  }
  return TRUE;
}

/* 16-bit words of the format in the other byte order than the host's */
static gboolean
words_swapped (const GstVideoFormatInfo *finfo)
{
  return GST_VIDEO_FORMAT_INFO_BITS (finfo) > 8
      && !GST_VIDEO_FORMAT_INFO_IS_LE (finfo) != (G_BYTE_ORDER == G_BIG_ENDIAN);
}

/* §6.1: twice the luma offset of chroma sample 0 on each axis of a plane
 * subsampled r_h x r_v: centred samples sit (r - 1) / 2 luma pixels in,
 * cosited ones at 0. Unknown siting: MPEG-2 / H.264 type 0 (left), the
 * default of H.273 and of most decoded 4:2:0 and 4:2:2 video
 * (docs/alignscale.md). */
static void
siting_o2 (const GstVideoInfo *info, gint r_h, gint r_v, gint *o2_h, gint *o2_v)
{
  GstVideoChromaSite site = GST_VIDEO_INFO_CHROMA_SITE (info);

  if (site == GST_VIDEO_CHROMA_SITE_UNKNOWN)
    site = GST_VIDEO_CHROMA_SITE_MPEG2;
  *o2_h = (site & GST_VIDEO_CHROMA_SITE_H_COSITED) ? 0 : r_h - 1;
  *o2_v = (site & GST_VIDEO_CHROMA_SITE_V_COSITED) ? 0 : r_v - 1;
}

/* The frame as the plan sees it: one working plane per group of a stored
 * plane's components that share a subsampling (YUY2's plane is Y and UV:
 * two), N equal channels each. A group stored otherwise (interleaved with
 * the other group, samples in the high bits of a word, the other byte
 * order) gets the row stages that read its layout (stages.h). Returns the
 * number of working planes; gst_plane[p]: the stored plane of p. */
static guint
gst_align_scale_describe_planes (const GstVideoInfo *in,
    const GstVideoInfo *out, AsPlaneDesc *d, guint *gst_plane)
{
  const GstVideoFormatInfo *finfo = in->finfo;
  gint bps = GST_VIDEO_FORMAT_INFO_BITS (finfo) > 8 ? 2 : 1;
  gboolean swap = words_swapped (finfo);
  guint n = 0;

  for (guint p = 0; p < GST_VIDEO_INFO_N_PLANES (in); p++) {
    gint comp[GST_VIDEO_MAX_COMPONENTS];
    guint first = n;

    gst_video_format_info_component (finfo, p, comp);
    for (guint k = 0; k < GST_VIDEO_MAX_COMPONENTS && comp[k] >= 0; k++) {
      gint c = comp[k];
      gint r_h = 1 << GST_VIDEO_FORMAT_INFO_W_SUB (finfo, c);
      gint r_v = 1 << GST_VIDEO_FORMAT_INFO_H_SUB (finfo, c);
      AsPlaneDesc *w = NULL;

      for (guint q = first; q < n; q++)
        if (d[q].r_h == r_h && d[q].r_v == r_v)
          w = &d[q];
      if (w) { /* another channel of this group */
        w->layout.offset[w->channels++] = GST_VIDEO_FORMAT_INFO_POFFSET (
            finfo, c);
        continue;
      }
      g_assert (n < AS_MAX_PLANES);
      w = &d[n];
      gst_plane[n++] = p;
      memset (w, 0, sizeof (*w));
      w->in_w = GST_VIDEO_INFO_COMP_WIDTH (in, c);
      w->in_h = GST_VIDEO_INFO_COMP_HEIGHT (in, c);
      w->out_w = GST_VIDEO_INFO_COMP_WIDTH (out, c);
      w->out_h = GST_VIDEO_INFO_COMP_HEIGHT (out, c);
      w->bytes_per_sample = bps;
      w->depth = GST_VIDEO_FORMAT_INFO_DEPTH (finfo, c);
      w->channels = 1;
      w->r_h = r_h;
      w->r_v = r_v;
      siting_o2 (in, r_h, r_v, &w->o2_h, &w->o2_v);
      w->layout.pstride = GST_VIDEO_FORMAT_INFO_PSTRIDE (finfo, c);
      w->layout.offset[0] = GST_VIDEO_FORMAT_INFO_POFFSET (finfo, c);
      w->layout.shift = GST_VIDEO_FORMAT_INFO_SHIFT (finfo, c);
      w->layout.swap = swap;
    }
    for (guint q = first; q < n; q++) {
      AsPlaneDesc *w = &d[q];

      if (n - first == 1) {
        /* the plane's only group is its whole stored pixel, padding (RGBx)
         * included, channels in stored order: they are scaled alike */
        w->channels = w->layout.pstride / bps;
        /* packed 8-bit RGB with alpha (RGBA, BGRA, ARGB, ABGR): Pillow
         * premultiplies by it; RGBx's padding and AYUV's alpha are not
         * an 'RGBA' image's */
        if (GST_VIDEO_FORMAT_INFO_HAS_ALPHA (finfo)
            && GST_VIDEO_FORMAT_INFO_IS_RGB (finfo) && bps == 1
            && w->channels == 4)
          w->alpha = 1
              + GST_VIDEO_FORMAT_INFO_POFFSET (finfo, GST_VIDEO_COMP_A);
        if (w->layout.shift || w->layout.swap) {
          w->unpack = as_stage_unpack_word16;
          w->pack = as_stage_pack_word16;
        }
      } else {
        /* groups interleaved in one stored row (packed 4:2:2); channels
         * in stored order (YVYU's V before U), which the stages prefer */
        g_assert (bps == 1);
        for (gint i = 1; i < w->channels; i++)
          for (gint j = i;
               j > 0 && w->layout.offset[j] < w->layout.offset[j - 1]; j--) {
            gint t = w->layout.offset[j];
            w->layout.offset[j] = w->layout.offset[j - 1];
            w->layout.offset[j - 1] = t;
          }
        w->unpack = as_stage_unpack_strided8;
        w->pack = as_stage_pack_strided8;
      }
    }
  }
  return n;
}

/* A YUV to RGB frame as the plan sees it: one working plane of 8-bit
 * samples at the picture size, made by the conversion from every stored
 * plane (docs/conversion.md), channels in the output's byte order (or
 * plane order for RGBP, BGRP). Returns the number of working planes. */
static guint
gst_align_scale_describe_convert (const GstVideoInfo *in,
    const GstVideoInfo *out, gboolean nearest, AsConvertDesc *cd,
    AsPlaneDesc *d, guint *gst_plane)
{
  const GstVideoFormatInfo *fi = in->finfo, *fo = out->finfo;
  gboolean swap = words_swapped (fi);
  gdouble kr, kb;

  memset (cd, 0, sizeof (*cd));
  for (guint c = 0; c < 4; c++) {
    AsConvComp *k = &cd->comp[c];

    if (c >= GST_VIDEO_FORMAT_INFO_N_COMPONENTS (fi)) {
      k->plane = -1;
      continue;
    }
    k->plane = GST_VIDEO_FORMAT_INFO_PLANE (fi, c);
    k->pstride = GST_VIDEO_FORMAT_INFO_PSTRIDE (fi, c);
    k->offset = GST_VIDEO_FORMAT_INFO_POFFSET (fi, c);
    k->bps = GST_VIDEO_FORMAT_INFO_BITS (fi) > 8 ? 2 : 1;
    /* GStreamer 1.22 lists P01x's V at byte 1 of its 4-byte pair: 2 */
    if (k->bps == 2 && k->offset % 2)
      k->offset *= 2;
    k->shift = GST_VIDEO_FORMAT_INFO_SHIFT (fi, c);
    k->swap = swap;
    k->r_h = 1 << GST_VIDEO_FORMAT_INFO_W_SUB (fi, c);
    k->r_v = 1 << GST_VIDEO_FORMAT_INFO_H_SUB (fi, c);
    k->depth = GST_VIDEO_FORMAT_INFO_DEPTH (fi, c);
  }
  cd->width = in->width;
  cd->height = in->height;
  /* an unknown matrix (or RGB's, impossible on YUV caps) is BT.601 */
  if (!gst_video_color_matrix_get_Kr_Kb (in->colorimetry.matrix, &kr, &kb)) {
    kr = 0.299;
    kb = 0.114;
  }
  cd->kr = kr;
  cd->kb = kb;
  cd->full_range = in->colorimetry.range == GST_VIDEO_COLOR_RANGE_0_255;
  siting_o2 (in, cd->comp[1].r_h, cd->comp[1].r_v, &cd->o2_h, &cd->o2_v);
  cd->nearest = nearest;

  memset (d, 0, sizeof (*d));
  if (GST_VIDEO_FORMAT_INFO_IS_GRAY (fo)) {
    cd->n_out = 1;
    cd->out[0] = AS_CONV_LUMA;
  } else {
    /* 4-byte working pixels (the conversion writes whole words): the
     * stored bytes of a packed pixel, padding included, and one more for
     * RGB and BGR, dropped by their pack stage; RGBP and BGRP in plane
     * order, the first three channels written to the three planes */
    gboolean planar = GST_VIDEO_FORMAT_INFO_N_PLANES (fo) > 1;

    cd->n_out = 4;
    for (gint b = 0; b < 4; b++)
      cd->out[b] = AS_CONV_PAD;
    for (guint c = 0; c < GST_VIDEO_FORMAT_INFO_N_COMPONENTS (fo); c++)
      cd->out[planar ? GST_VIDEO_FORMAT_INFO_PLANE (fo, c)
                     : GST_VIDEO_FORMAT_INFO_POFFSET (fo, c)] = (AsConvChannel)
          c;
    if (planar)
      d->planar_out = GST_VIDEO_FORMAT_INFO_N_PLANES (fo);
    else if (GST_VIDEO_FORMAT_INFO_PSTRIDE (fo, 0) == 3)
      d->pack = as_stage_pack_drop4;
    /* RGBA made from AYUV carries its alpha (Pillow premultiplies by it);
     * from a format without alpha it is 255, which the round trip keeps */
    if (!planar && GST_VIDEO_FORMAT_INFO_HAS_ALPHA (fo)
        && GST_VIDEO_FORMAT_INFO_HAS_ALPHA (fi))
      d->alpha = 1 + GST_VIDEO_FORMAT_INFO_POFFSET (fo, GST_VIDEO_COMP_A);
  }
  d->in_w = in->width;
  d->in_h = in->height;
  d->out_w = out->width;
  d->out_h = out->height;
  d->channels = cd->n_out;
  d->bytes_per_sample = 1;
  d->depth = 8;
  d->r_h = d->r_v = 1;
  d->convert = cd;
  gst_plane[0] = 0;
  return 1;
}

static AsMapping
gst_align_scale_mapping (GstAlignScaleCoordinateMode mode)
{
  switch (mode) {
    case GST_ALIGN_SCALE_COORDINATE_MODE_ALIGN_CORNERS:
      return AS_MAP_ALIGN_CORNERS;
    case GST_ALIGN_SCALE_COORDINATE_MODE_ASYMMETRIC:
      return AS_MAP_ASYMMETRIC;
    case GST_ALIGN_SCALE_COORDINATE_MODE_PYTORCH_HALF_PIXEL:
      return AS_MAP_PYTORCH_HALF_PIXEL;
    case GST_ALIGN_SCALE_COORDINATE_MODE_HALF_PIXEL_SYMMETRIC:
      return AS_MAP_HALF_PIXEL_SYMMETRIC;
    case GST_ALIGN_SCALE_COORDINATE_MODE_TF_HALF_PIXEL_FOR_NN:
      return AS_MAP_TF_HALF_PIXEL_FOR_NN;
    case GST_ALIGN_SCALE_COORDINATE_MODE_TF_CROP_AND_RESIZE:
      return AS_MAP_TF_CROP_AND_RESIZE;
    case GST_ALIGN_SCALE_COORDINATE_MODE_HALF_PIXEL:
    default:
      return AS_MAP_HALF_PIXEL;
  }
}

static AsKernel
gst_align_scale_kernel (GstAlignScaleMethod method)
{
  switch (method) {
    case GST_ALIGN_SCALE_METHOD_NEAREST:
    case GST_ALIGN_SCALE_METHOD_NEAREST_EXACT:
      return AS_KERNEL_NEAREST;
    case GST_ALIGN_SCALE_METHOD_BICUBIC:
      return AS_KERNEL_CUBIC;
    case GST_ALIGN_SCALE_METHOD_AREA:
      return AS_KERNEL_AREA;
    case GST_ALIGN_SCALE_METHOD_BOX:
      return AS_KERNEL_BOX;
    case GST_ALIGN_SCALE_METHOD_HAMMING:
      return AS_KERNEL_HAMMING;
    case GST_ALIGN_SCALE_METHOD_LANCZOS:
      return AS_KERNEL_LANCZOS3;
    case GST_ALIGN_SCALE_METHOD_LANCZOS4:
      return AS_KERNEL_LANCZOS4;
    case GST_ALIGN_SCALE_METHOD_BILINEAR:
    case GST_ALIGN_SCALE_METHOD_BILINEAR_EXACT:
    default:
      return AS_KERNEL_LINEAR;
  }
}

/* the plan's configuration for one settings snapshot; what the method
 * does not use is zeroed, so changing it rebuilds nothing */
static void
gst_align_scale_config (
    const GstAlignScaleSettings *st, gboolean converting, AsConfig *cfg)
{
  memset (cfg, 0, sizeof (*cfg));
  cfg->library = st->integer_model == GST_ALIGN_SCALE_INTEGER_MODEL_OPENCV
      ? AS_LIBRARY_OPENCV
      : st->integer_model == GST_ALIGN_SCALE_INTEGER_MODEL_PILLOW
      ? AS_LIBRARY_PILLOW
      : AS_LIBRARY_NONE;
  if (converting)
    cfg->chroma_nearest = st->chroma_upsampling
        == GST_ALIGN_SCALE_CHROMA_UPSAMPLING_NEAREST;
  cfg->kernel = gst_align_scale_kernel (st->method);
  if (cfg->library == AS_LIBRARY_OPENCV)
    cfg->variant = st->method == GST_ALIGN_SCALE_METHOD_BILINEAR_EXACT
        || st->method == GST_ALIGN_SCALE_METHOD_NEAREST_EXACT;
  cfg->mapping = gst_align_scale_mapping (st->coordinate_mode);
  cfg->scale_x = st->scale_factor_x;
  cfg->scale_y = st->scale_factor_y;
  if (cfg->kernel == AS_KERNEL_NEAREST)
    cfg->nearest_mode = (AsNearestMode) st->nearest_mode;
  else
    cfg->antialias = st->antialias;
  if (cfg->kernel == AS_KERNEL_CUBIC && !cfg->antialias) {
    cfg->cubic_a = st->cubic_a;
    cfg->exclude_outside = st->exclude_outside;
  }
  if (cfg->mapping == AS_MAP_TF_CROP_AND_RESIZE) {
    memcpy (cfg->roi, st->roi, sizeof (cfg->roi));
    cfg->extrapolation = st->extrapolation_value;
  }
}

/* The settings this frame is made with: what was last published, unless
 * a scale factor or the crop's size changed since the fixation that chose
 * the current output size on a dimension downstream leaves free (a
 * renegotiation is pending): then the settings of that fixation, in full,
 * so the frame is one configuration whose size it has. */
static void
gst_align_scale_frame_settings (GstAlignScale *self, GstAlignScaleSettings *st)
{
  GstVideoFilter *filter = GST_VIDEO_FILTER (self);
  gint in_w = filter->in_info.width, in_h = filter->in_info.height;
  gboolean pending = FALSE;

  GST_OBJECT_LOCK (self);
  *st = self->published;
  if (self->fixated_size[0] == filter->out_info.width
      && self->fixated_size[1] == filter->out_info.height) {
    const GstAlignScaleSettings *f = &self->fixated;

    pending = (self->fixated_free[0]
                  && (st->scale_factor_x != f->scale_factor_x
                      || gst_align_scale_source_len (st, 0, in_w, in_h)
                          != gst_align_scale_source_len (f, 0, in_w, in_h)))
        || (self->fixated_free[1]
            && (st->scale_factor_y != f->scale_factor_y
                || gst_align_scale_source_len (st, 1, in_w, in_h)
                    != gst_align_scale_source_len (f, 1, in_w, in_h)));
  }
  if (pending) {
    *st = self->fixated;
    GST_LOG_OBJECT (self,
        "scale factor or crop size changed after fixation: frame made"
        " with the fixated settings");
  }
  GST_OBJECT_UNLOCK (self);
}

/* warned once per value (GST_ELEMENT_WARNING: seen without GST_DEBUG) */
static void
gst_align_scale_warn_crop (
    GstAlignScale *self, const gint *crop, const gint *pic, const gchar *what)
{
  gint key[6] = { crop[0], crop[1], crop[2], crop[3], pic[2], pic[3] };

  if (memcmp (key, self->warned_crop, sizeof (key)) == 0)
    return;
  memcpy (self->warned_crop, key, sizeof (key));
  GST_ELEMENT_WARNING (self, STREAM, FORMAT,
      ("%s outside the picture: ignored", what),
      ("%s <%d, %d, %d, %d> does not fit in the %dx%d picture; the frames"
       " are made without it",
          what, crop[0], crop[1], crop[2], crop[3], pic[2], pic[3]));
}

static void
gst_align_scale_input (GstAlignScale *self, GstBuffer *buf,
    const GstAlignScaleSettings *st, GstAlignScaleInput *input)
{
  GstVideoFilter *filter = GST_VIDEO_FILTER (self);
  GstVideoCropMeta *cm = buf ? gst_buffer_get_video_crop_meta (buf) : NULL;
  GstVideoMeta *vm = buf ? gst_buffer_get_video_meta (buf) : NULL;
  gint pic[4] = { 0, 0, filter->in_info.width, filter->in_info.height };
  const gint *c = st->crop;

  input->info = filter->in_info;
  memset (input->crop, 0, sizeof (input->crop));
  if (cm && cm->width > 0 && cm->height > 0) {
    guint64 fw = vm ? vm->width : (guint) input->info.width;
    guint64 fh = vm ? vm->height : (guint) input->info.height;
    gint meta[4] = { (gint) MIN (cm->x, G_MAXINT), (gint) MIN (cm->y, G_MAXINT),
      (gint) MIN (cm->width, G_MAXINT), (gint) MIN (cm->height, G_MAXINT) };
    gint frame[4] = { 0, 0, (gint) MIN (fw, G_MAXINT),
      (gint) MIN (fh, G_MAXINT) };
    GstVideoInfo full;

    if (fw > MAX_SIZE || fh > MAX_SIZE || cm->x + (guint64) cm->width > fw
        || cm->y + (guint64) cm->height > fh) {
      gst_align_scale_warn_crop (self, meta, frame, "GstVideoCropMeta");
    } else if (fw == (guint) input->info.width
        && fh == (guint) input->info.height) {
      memcpy (pic, meta, sizeof (pic));
    } else if (gst_video_info_set_format (&full,
                   GST_VIDEO_INFO_FORMAT (&input->info), (guint) fw,
                   (guint) fh)) {
      /* the frame the meta crops from: the caps' colour and siting */
      full.colorimetry = input->info.colorimetry;
      full.chroma_site = input->info.chroma_site;
      full.par_n = input->info.par_n;
      full.par_d = input->info.par_d;
      full.fps_n = input->info.fps_n;
      full.fps_d = input->info.fps_d;
      input->info = full;
      memcpy (pic, meta, sizeof (pic));
    }
  }
  if (c[2] > 0
      && ((gint64) c[0] + c[2] > pic[2] || (gint64) c[1] + c[3] > pic[3])) {
    gst_align_scale_warn_crop (self, c, pic, "crop");
    c = NULL;
  }
  if (c && c[2] > 0) {
    input->crop[0] = pic[0] + c[0];
    input->crop[1] = pic[1] + c[1];
    input->crop[2] = c[2];
    input->crop[3] = c[3];
  } else if (pic[0] || pic[1] || pic[2] != input->info.width
      || pic[3] != input->info.height) {
    memcpy (input->crop, pic, sizeof (pic));
  }
}

/* the output component of each working channel (-1: a byte of none, as
 * RGBx's x): from the format's components of the channel's bytes, or the
 * conversion's output channels */
static void
gst_align_scale_channel_comps (const GstVideoInfo *out, const AsPlaneDesc *d,
    const guint *gst_plane, guint n, const AsConvertDesc *cd,
    gint comp[AS_MAX_PLANES][4])
{
  const GstVideoFormatInfo *fi = out->finfo;

  for (guint q = 0; q < n; q++) {
    gint comps[GST_VIDEO_MAX_COMPONENTS];
    gint bps = d[q].bytes_per_sample;

    for (gint k = 0; k < 4; k++)
      comp[q][k] = -1;
    if (cd) {
      for (gint k = 0; k < d[q].channels && k < 4; k++)
        comp[q][k] = cd->out[k] <= AS_CONV_A ? (gint) cd->out[k]
            : cd->out[k] == AS_CONV_LUMA     ? 0
                                             : -1;
      continue;
    }
    gst_video_format_info_component (fi, gst_plane[q], comps);
    for (gint k = 0; k < d[q].channels && k < 4; k++)
      for (guint i = 0; i < GST_VIDEO_MAX_COMPONENTS && comps[i] >= 0; i++) {
        gint c = comps[i], off = GST_VIDEO_FORMAT_INFO_POFFSET (fi, c);
        /* GStreamer 1.22 lists P01x's V at byte 1 of its 4-byte pair */
        if (bps == 2 && off % 2)
          off *= 2;
        if (d[q].unpack == as_stage_unpack_strided8
                ? (1 << GST_VIDEO_FORMAT_INFO_W_SUB (fi, c)) == d[q].r_h
                    && (1 << GST_VIDEO_FORMAT_INFO_H_SUB (fi, c)) == d[q].r_v
                    && off == d[q].layout.offset[k]
                : off == k * bps)
          comp[q][k] = c;
      }
  }
}

/* absurd but legal configurations (a scale factor or roi far from the
 * sizes) are run, but cost what they cost: say so once */
static void
gst_align_scale_warn_cost (GstAlignScale *self)
{
  GstVideoFilter *filter = GST_VIDEO_FILTER (self);
  gint bps = GST_VIDEO_INFO_COMP_DEPTH (&filter->in_info, 0) > 8 ? 2 : 1;
  double samples = ((double) filter->in_info.size + filter->out_info.size)
      / bps;

  if (self->warned_cost)
    return;
  if (self->plan->macs > MAX_MACS_PER_SAMPLE * samples
      || self->plan->bytes > MAX_PLAN_BYTES) {
    GST_ELEMENT_WARNING (self, RESOURCE, SETTINGS,
        ("Costly scaling configuration"),
        ("%dx%d -> %dx%d: %.0f multiply-adds (%.0f per sample) and "
         "%" G_GSIZE_FORMAT
         " MiB of tables per frame; a scale factor or roi far"
         " from the sizes makes every output sample cover much of the"
         " picture (see the element documentation)",
            filter->in_info.width, filter->in_info.height,
            filter->out_info.width, filter->out_info.height, self->plan->macs,
            self->plan->macs / samples, self->plan->bytes >> 20));
    self->warned_cost = TRUE;
  }
}

/* the pad of a preset when pad-value is not set, in component c's units:
 * the preset's grey (114 ultralytics, else 0) on RGB and GRAY, its luma in
 * the stream's range with neutral chroma on YUV, alpha opaque */
static gdouble
gst_align_scale_default_pad (
    const GstVideoInfo *out, GstAlignScaleLetterbox preset, gint c)
{
  const GstVideoFormatInfo *finfo = out->finfo;
  gdouble grey = as_letterbox_pad_value ((AsLetterbox) preset) / 255.0;
  gdouble maxv = (1 << GST_VIDEO_FORMAT_INFO_DEPTH (finfo, c)) - 1;

  if (c == GST_VIDEO_COMP_A)
    return maxv;
  if (GST_VIDEO_FORMAT_INFO_IS_YUV (finfo)) {
    gint offset[GST_VIDEO_MAX_COMPONENTS], scale[GST_VIDEO_MAX_COMPONENTS];

    gst_video_color_range_offsets (
        out->colorimetry.range, finfo, offset, scale);
    return c == 0 ? offset[0] + grey * scale[0] : offset[c];
  }
  return grey * maxv;
}

/* the picture's place: the letterbox preset's placement of the crop (or
 * the whole input) in the output, as the plan's crop and rectangle, and
 * the geometry the way-back meta reports. A preset that cannot place the
 * picture fills the output, with one warning. */
static void
gst_align_scale_place (GstAlignScale *self, const GstAlignScaleSettings *st,
    const GstAlignScaleInput *input, AsConfig *cfg)
{
  const GstVideoInfo *in = &input->info;
  const GstVideoInfo *out = &GST_VIDEO_FILTER (self)->out_info;
  AsLetterboxGeom *g = &self->geom;
  gint cx = 0, cy = 0, cw = in->width, ch = in->height;
  const char *why = "";

  if (input->crop[2]) {
    cx = input->crop[0];
    cy = input->crop[1];
    cw = input->crop[2];
    ch = input->crop[3];
  }
  if (as_letterbox_place ((AsLetterbox) st->letterbox, cw, ch, out->width,
          out->height, in->par_n, in->par_d, out->par_n, out->par_d, g, &why)
      < 0) {
    if (!self->warned_letterbox) {
      GST_ELEMENT_WARNING (self, STREAM, FORMAT,
          ("letterbox=%s cannot place this picture: it fills the output",
              as_letterbox_nick ((AsLetterbox) st->letterbox)),
          ("%dx%d into %dx%d: %s", cw, ch, out->width, out->height,
              why ? why : ""));
      self->warned_letterbox = TRUE;
    }
    as_letterbox_place (AS_LETTERBOX_NONE, cw, ch, out->width, out->height, 1,
        1, 1, 1, g, NULL);
  }
  /* in input pixels (the preset placed the crop) */
  g->src.x += cx;
  g->src.y += cy;
  g->in_w = in->width;
  g->in_h = in->height;
  memset (cfg->crop, 0, sizeof (cfg->crop));
  memset (cfg->rect, 0, sizeof (cfg->rect));
  if (g->src.x || g->src.y || g->src.w != in->width || g->src.h != in->height) {
    cfg->crop[0] = g->src.x;
    cfg->crop[1] = g->src.y;
    cfg->crop[2] = g->src.w;
    cfg->crop[3] = g->src.h;
  }
  if (g->pic.x || g->pic.y || g->pic.w != out->width
      || g->pic.h != out->height) {
    cfg->rect[0] = g->pic.x;
    cfg->rect[1] = g->pic.y;
    cfg->rect[2] = g->pic.w;
    cfg->rect[3] = g->pic.h;
  }
}

/* rebuild the tables only when the settings differ from the ones they were
 * built for */
static gboolean
gst_align_scale_ensure_plan (GstAlignScale *self,
    const GstAlignScaleSettings *st, const GstAlignScaleInput *input)
{
  GstVideoFilter *filter = GST_VIDEO_FILTER (self);
  const GstVideoInfo *in = &input->info;
  AsPlaneDesc planes[AS_MAX_PLANES];
  AsConvertDesc cd;
  AsConfig cfg;
  guint n;
  gint comp[AS_MAX_PLANES][4];
  gboolean converting = GST_VIDEO_INFO_FORMAT (in)
      != GST_VIDEO_INFO_FORMAT (&filter->out_info);

  gst_align_scale_config (st, converting, &cfg);
  gst_align_scale_place (self, st, input, &cfg);
  if (converting)
    n = gst_align_scale_describe_convert (in, &filter->out_info,
        cfg.chroma_nearest, &cd, planes, self->gst_plane);
  else
    n = gst_align_scale_describe_planes (
        in, &filter->out_info, planes, self->gst_plane);
  /* the pad, where there is one: a pad-value change without it rebuilds
   * nothing */
  if (cfg.rect[2]) {
    gst_align_scale_channel_comps (&filter->out_info, planes, self->gst_plane,
        n, converting ? &cd : NULL, comp);
    for (guint q = 0; q < n; q++)
      for (gint k = 0; k < 4; k++) {
        gint c = comp[q][k];
        cfg.pad[q][k] = c < 0 ? MAX_PAD_VALUE
            : st->n_pad_value
            ? st->pad_value[MIN ((guint) c, st->n_pad_value - 1)]
            : gst_align_scale_default_pad (&filter->out_info, st->letterbox, c);
      }
  }

  if (self->plan && as_config_equal (&self->plan->config, &cfg)
      && self->plan_in[0] == in->width && self->plan_in[1] == in->height)
    return TRUE;

  if (cfg.antialias && cfg.mapping == AS_MAP_ALIGN_CORNERS
      && !self->warned_aa_ac) {
    /* §3.1: torch keeps the half-pixel centre with the align-corners
     * ratio; we match it, but users should know */
    GST_ELEMENT_WARNING (self, LIBRARY, SETTINGS,
        ("antialias with align-corners reproduces PyTorch's inconsistent "
         "combination"),
        ("windows centred at (i + 0.5) * (in - 1) / (out - 1), not at the "
         "align-corners coordinates; see the element documentation"));
    self->warned_aa_ac = TRUE;
  }

  as_plan_free (self->plan);
  self->plan = as_plan_new (&cfg, in->width, in->height, filter->out_info.width,
      filter->out_info.height, planes, (int) n, NULL);
  self->plan_in[0] = in->width;
  self->plan_in[1] = in->height;
  if (!self->plan) {
    GST_ELEMENT_ERROR (self, RESOURCE, FAILED, ("Could not build the tables"),
        ("%dx%d -> %dx%d: out of memory, more than %d taps per axis (a"
         " scale factor or roi far from the sizes?), or an integer-model"
         " whose intermediate rows would pass 64 MiB",
            filter->in_info.width, filter->in_info.height,
            filter->out_info.width, filter->out_info.height,
            AS_MAX_TABLE_TAPS));
    return FALSE;
  }
  GST_DEBUG_OBJECT (self,
      "built tables: method %d, coordinate-mode %d, antialias %d, cubic-a %g,"
      " %d x %d taps, %s first, %s model (error bound %.3f)",
      st->method, st->coordinate_mode, cfg.antialias, cfg.cubic_a,
      self->plan->plane[0].x.n_taps, self->plan->plane[0].y.n_taps,
      self->plan->plane[0].h_first ? "horizontal" : "vertical",
      self->plan->plane[0].m.model->name, self->plan->plane[0].m.bound);
  gst_align_scale_warn_cost (self);
  if (cfg.library != AS_LIBRARY_NONE) {
    /* a plane the library's model does not take runs the exact chain */
    const gchar *want = cfg.library == AS_LIBRARY_OPENCV ? "opencv" : "pillow";
    for (gint p = 0; p < self->plan->n_planes; p++) {
      if (self->plan->plane[p].m.library == cfg.library)
        continue;
      GST_WARNING_OBJECT (
          self, "integer-model=%s does not cover plane %d", want, p);
      if (!self->warned_library) {
        GST_ELEMENT_WARNING (self, LIBRARY, SETTINGS,
            ("integer-model=%s does not cover this stream: exact used", want),
            ("%s, method=%s%s: the %s model serves %s;"
             " see docs/integer-models.md",
                GST_VIDEO_INFO_NAME (in),
                g_enum_get_value (
                    g_type_class_peek (GST_TYPE_ALIGN_SCALE_METHOD), st->method)
                    ->value_nick,
                cfg.antialias ? ", antialias" : "", want,
                cfg.library == AS_LIBRARY_OPENCV
                    ? "8-bit and full 16-bit planes with nearest,"
                      " nearest-exact, bilinear, bilinear-exact, bicubic and"
                      " lanczos4 (no antialias) and area (OpenCV knows no"
                      " 10- or 12-bit samples: those planes with nearest"
                      " and nearest-exact only)"
                    : "8-bit planes with nearest, bilinear, bicubic, box,"
                      " hamming and lanczos (not area, lanczos4), 16-bit"
                      " planes with nearest only, and a tf-crop-and-resize"
                      " roi inside the picture (box=) on full-resolution"
                      " planes only"));
        self->warned_library = TRUE;
      }
      break;
    }
  }
  return TRUE;
}

/* the threads n-threads asks for, started when it changed, and a scratch
 * for each that holds what the plan needs: allocated when the threads or
 * the tables change, never per frame */
static gboolean
gst_align_scale_ensure_threads (GstAlignScale *self)
{
  guint n;

  GST_OBJECT_LOCK (self);
  n = self->n_threads;
  GST_OBJECT_UNLOCK (self);

  /* compared with what was asked, not with the threads the system gave:
   * a refused thread must not make every frame try again */
  if (!self->pool || self->pool_asked != n) {
    guint want = n ? n : CLAMP (g_get_num_processors (), 1, MAX_THREADS);

    gst_align_scale_pool_free (self->pool);
    self->pool = gst_align_scale_pool_new (want);
    self->pool_asked = n;
    GST_DEBUG_OBJECT (self, "%u threads (%u asked)",
        gst_align_scale_pool_size (self->pool), want);
  }
  for (guint i = 0; i < gst_align_scale_pool_size (self->pool); i++) {
    if (as_scratch_fits (self->scratch[i], self->plan))
      continue;
    as_scratch_free (self->scratch[i]);
    self->scratch[i] = as_scratch_new (self->plan);
    if (!self->scratch[i]) {
      GST_ELEMENT_ERROR (self, RESOURCE, FAILED,
          ("Could not allocate scratch memory"), (NULL));
      return FALSE;
    }
  }
  return TRUE;
}

/* slice i, on a thread's scratch: output rows [i * rows, (i + 1) * rows)
 * of the picture, in every plane (rows is a multiple of the vertical subsampling, so a
 * boundary is a whole row of each plane) */
static void
gst_align_scale_slice (gpointer data, guint i, guint thread)
{
  GstAlignScale *self = data;
  const AsPlan *plan = self->plan;
  gint h = GST_VIDEO_FILTER (self)->out_info.height;
  gint y0 = (gint) i * self->job.rows, y1 = MIN (y0 + self->job.rows, h);

  for (gint p = 0; p < plan->n_planes; p++) {
    const AsPlanePlan *pp = &plan->plane[p];
    gint r = pp->desc.r_v;
    guint g = self->gst_plane[p];
    AsPlaneIo io;

    /* a converting plane reads every stored plane, a planar output (RGBP)
     * writes every one; other planes their own */
    memset (&io, 0, sizeof (io));
    for (guint k = 0; k < AS_MAX_PLANES; k++) {
      guint in = pp->conv ? k : g, out = pp->desc.planar_out ? k : g;
      if (in < GST_VIDEO_INFO_N_PLANES (&GST_VIDEO_FILTER (self)->in_info)) {
        io.src[k] = self->job.in_data[in];
        io.sstride[k] = self->job.in_stride[in];
      }
      if (out < GST_VIDEO_INFO_N_PLANES (&GST_VIDEO_FILTER (self)->out_info)) {
        io.dst[k] = self->job.out_data[out];
        io.dstride[k] = self->job.out_stride[out];
      }
    }
    as_plan_run_plane_io (plan, self->scratch[thread], p, &io, y0 / r,
        y1 == h ? pp->desc.out_h : y1 / r);
  }
}

/* one frame with this frame's settings, on the element's threads */
static GstFlowReturn
gst_align_scale_run (GstAlignScale *self, const GstAlignScaleSettings *settings,
    const GstAlignScaleInput *input, guint8 *const *in_data,
    const gint *in_stride, guint8 *const *out_data, const gint *out_stride)
{
  GstVideoFilter *filter = GST_VIDEO_FILTER (self);
  gint h = filter->out_info.height, align = 1, n_threads, slices;

  if (!gst_align_scale_ensure_plan (self, settings, input)
      || !gst_align_scale_ensure_threads (self))
    return GST_FLOW_ERROR;

  for (gint p = 0; p < self->plan->n_planes; p++)
    align = MAX (align, self->plan->plane[p].desc.r_v);
  n_threads = (gint) gst_align_scale_pool_size (self->pool);
  /* more slices than threads where a slice boundary costs little (the
   * H-first ring recomputes n_y - 1 rows at each): while a sleeping
   * worker wakes up, the others take the slices it would have run */
  slices = n_threads * (n_threads > 1 && self->plan->max_taps <= 2 ? 4 : 1);
  slices = MAX (1, MIN (slices, h / align));
  self->job.in_data = in_data;
  self->job.in_stride = in_stride;
  self->job.out_data = out_data;
  self->job.out_stride = out_stride;
  self->job.rows = ((h + slices - 1) / slices + align - 1) / align * align;
  slices = (h + self->job.rows - 1) / self->job.rows;
  gst_align_scale_pool_run (
      self->pool, (guint) slices, gst_align_scale_slice, self);
  return GST_FLOW_OK;
}

static GstFlowReturn
gst_align_scale_transform_frame (
    GstVideoFilter *filter, GstVideoFrame *in_frame, GstVideoFrame *out_frame)
{
  GstAlignScale *self = GST_ALIGN_SCALE (filter);
  GstAlignScaleSettings settings;
  GstAlignScaleInput input;

  /* (not called: gst_align_scale_transform maps the frames itself) no
   * crop meta here: the frame was mapped at the caps' size */
  gst_align_scale_frame_settings (self, &settings);
  gst_align_scale_input (self, NULL, &settings, &input);
  return gst_align_scale_run (self, &settings, &input,
      (guint8 *const *) in_frame->data, in_frame->info.stride,
      (guint8 *const *) out_frame->data, out_frame->info.stride);
}

/* one edge through the frame's geometry, clipped to the picture and
 * rounded to the nearest pixel */
static guint
roi_edge (double v, gint lo, gint hi)
{
  return (guint) floor (CLAMP (v, (double) lo, (double) hi) + 0.5);
}

static gboolean
roi_map_one (GstBuffer *buffer, GstMeta **meta, gpointer data)
{
  const AsLetterboxGeom *g = data;
  GstVideoRegionOfInterestMeta *roi;
  double in[4], out[4];
  guint x0, y0, x1, y1;

  if ((*meta)->info->api != GST_VIDEO_REGION_OF_INTEREST_META_API_TYPE)
    return TRUE;
  roi = (GstVideoRegionOfInterestMeta *) *meta;
  /* a box sharing no pixel with the source rectangle is not in the
   * picture: dropped */
  if ((gint64) roi->x + roi->w <= g->src.x
      || (gint64) roi->x >= (gint64) g->src.x + g->src.w
      || (gint64) roi->y + roi->h <= g->src.y
      || (gint64) roi->y >= (gint64) g->src.y + g->src.h) {
    GST_DEBUG ("dropping roi %u,%u %ux%u: outside the source %d,%d %dx%d",
        roi->x, roi->y, roi->w, roi->h, g->src.x, g->src.y, g->src.w, g->src.h);
    *meta = NULL;
    return TRUE;
  }
  in[0] = roi->x;
  in[1] = roi->y;
  in[2] = (double) roi->x + roi->w;
  in[3] = (double) roi->y + roi->h;
  as_letterbox_to_output (g, in, out);
  x0 = roi_edge (out[0], g->pic.x, g->pic.x + g->pic.w);
  y0 = roi_edge (out[1], g->pic.y, g->pic.y + g->pic.h);
  x1 = roi_edge (out[2], g->pic.x, g->pic.x + g->pic.w);
  y1 = roi_edge (out[3], g->pic.y, g->pic.y + g->pic.h);
  roi->x = x0;
  roi->y = y0;
  roi->w = x1 - x0;
  roi->h = y1 - y0;
  return TRUE;
}

/* the region-of-interest boxes copied from the input
 * (gst_align_scale_transform_meta) through this frame's geometry: edges
 * x' = (x - src.x) * sx + pic.x, clipped to the picture */
static void
gst_align_scale_map_rois (GstBuffer *outbuf, const AsLetterboxGeom *geom)
{
  gst_buffer_foreach_meta (outbuf, roi_map_one, (gpointer) geom);
}

static GstFlowReturn
gst_align_scale_transform (
    GstBaseTransform *trans, GstBuffer *inbuf, GstBuffer *outbuf)
{
  GstAlignScale *self = GST_ALIGN_SCALE (trans);
  GstVideoFilter *filter = GST_VIDEO_FILTER (trans);
  GstAlignScaleFrame in, out;
  GstAlignScaleSettings settings;
  GstAlignScaleInput input;
  GstFlowReturn ret;

  if (G_UNLIKELY (!filter->negotiated)) {
    GST_ELEMENT_ERROR (self, CORE, NEGOTIATION, (NULL), ("buffer before caps"));
    return GST_FLOW_NOT_NEGOTIATED;
  }
  /* this frame's settings, and the frame its buffer holds (a crop meta's) */
  gst_align_scale_frame_settings (self, &settings);
  gst_align_scale_input (self, inbuf, &settings, &input);
  if (!gst_align_scale_check_buffer (self, inbuf, &input.info, "input", TRUE)
      || !gst_align_scale_check_buffer (
          self, outbuf, &filter->out_info, "output", TRUE))
    return GST_FLOW_ERROR;

  if (!gst_align_scale_map (
          self, &in, &input.info, inbuf, GST_MAP_READ, "input"))
    return GST_FLOW_ERROR;
  if (!gst_align_scale_map (
          self, &out, &filter->out_info, outbuf, GST_MAP_WRITE, "output")) {
    gst_align_scale_unmap (&in, inbuf);
    return GST_FLOW_ERROR;
  }
  ret = gst_align_scale_run (
      self, &settings, &input, in.data, in.stride, out.data, out.stride);
  gst_align_scale_unmap (&out, outbuf);
  gst_align_scale_unmap (&in, inbuf);
  if (ret == GST_FLOW_OK) {
    gst_align_scale_map_rois (outbuf, &self->geom);
    gst_align_scale_add_geometry_meta (outbuf, &self->geom);
  }
  return ret;
}
