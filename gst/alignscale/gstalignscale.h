/* GStreamer alignscale element
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef __GST_ALIGN_SCALE_H__
#define __GST_ALIGN_SCALE_H__

#include <gst/gst.h>
#include <gst/video/video.h>
#include <gst/video/gstvideofilter.h>

G_BEGIN_DECLS

/**
 * GstAlignScaleMethod:
 * @GST_ALIGN_SCALE_METHOD_NEAREST: nearest sample
 * @GST_ALIGN_SCALE_METHOD_BILINEAR: linear interpolation on both axes
 * @GST_ALIGN_SCALE_METHOD_BICUBIC: Keys cubic convolution (#GstAlignScale:cubic-a)
 * @GST_ALIGN_SCALE_METHOD_AREA: PyTorch `mode='area'` (adaptive average
 *   pooling); OpenCV INTER_AREA with integer-model=opencv
 * @GST_ALIGN_SCALE_METHOD_BOX: Pillow's BOX filter (always antialiased)
 * @GST_ALIGN_SCALE_METHOD_HAMMING: Pillow's HAMMING filter (always
 *   antialiased)
 * @GST_ALIGN_SCALE_METHOD_LANCZOS: Pillow's LANCZOS filter, a = 3 (always
 *   antialiased)
 * @GST_ALIGN_SCALE_METHOD_LANCZOS4: OpenCV INTER_LANCZOS4 (8 taps, a = 4)
 * @GST_ALIGN_SCALE_METHOD_BILINEAR_EXACT: OpenCV INTER_LINEAR_EXACT with
 *   integer-model=opencv, bilinear otherwise
 * @GST_ALIGN_SCALE_METHOD_NEAREST_EXACT: OpenCV INTER_NEAREST_EXACT with
 *   integer-model=opencv, nearest otherwise
 *
 * Interpolation method, as PyTorch's `F.interpolate` `mode`, and the
 * filters of OpenCV and Pillow (docs/integer-models.md).
 */
typedef enum
{
  GST_ALIGN_SCALE_METHOD_NEAREST,
  GST_ALIGN_SCALE_METHOD_BILINEAR,
  GST_ALIGN_SCALE_METHOD_BICUBIC,
  GST_ALIGN_SCALE_METHOD_AREA,
  GST_ALIGN_SCALE_METHOD_BOX,
  GST_ALIGN_SCALE_METHOD_HAMMING,
  GST_ALIGN_SCALE_METHOD_LANCZOS,
  GST_ALIGN_SCALE_METHOD_LANCZOS4,
  GST_ALIGN_SCALE_METHOD_BILINEAR_EXACT,
  GST_ALIGN_SCALE_METHOD_NEAREST_EXACT,
} GstAlignScaleMethod;

#define GST_TYPE_ALIGN_SCALE_METHOD (gst_align_scale_method_get_type ())
GType gst_align_scale_method_get_type (void);

/**
 * GstAlignScaleCoordinateMode:
 * @GST_ALIGN_SCALE_COORDINATE_MODE_HALF_PIXEL: `(i + 0.5) * in / out - 0.5`
 * @GST_ALIGN_SCALE_COORDINATE_MODE_ALIGN_CORNERS: `i * (in - 1) / (out - 1)`
 * @GST_ALIGN_SCALE_COORDINATE_MODE_ASYMMETRIC: `i * in / out`
 * @GST_ALIGN_SCALE_COORDINATE_MODE_PYTORCH_HALF_PIXEL: half-pixel, 0 when
 *   out is 1
 * @GST_ALIGN_SCALE_COORDINATE_MODE_HALF_PIXEL_SYMMETRIC: half-pixel kept
 *   centred for a scale factor whose output length is fractional
 * @GST_ALIGN_SCALE_COORDINATE_MODE_TF_HALF_PIXEL_FOR_NN: `(i + 0.5) * in /
 *   out`
 * @GST_ALIGN_SCALE_COORDINATE_MODE_TF_CROP_AND_RESIZE: the
 *   #GstAlignScale:roi region, corners aligned; outside samples take
 *   #GstAlignScale:extrapolation-value
 *
 * How an output sample index maps to a source coordinate: ONNX Resize's
 * `coordinate_transformation_mode`.
 */
typedef enum
{
  GST_ALIGN_SCALE_COORDINATE_MODE_HALF_PIXEL,
  GST_ALIGN_SCALE_COORDINATE_MODE_ALIGN_CORNERS,
  GST_ALIGN_SCALE_COORDINATE_MODE_ASYMMETRIC,
  GST_ALIGN_SCALE_COORDINATE_MODE_PYTORCH_HALF_PIXEL,
  GST_ALIGN_SCALE_COORDINATE_MODE_HALF_PIXEL_SYMMETRIC,
  GST_ALIGN_SCALE_COORDINATE_MODE_TF_HALF_PIXEL_FOR_NN,
  GST_ALIGN_SCALE_COORDINATE_MODE_TF_CROP_AND_RESIZE,
} GstAlignScaleCoordinateMode;

#define GST_TYPE_ALIGN_SCALE_COORDINATE_MODE                                   \
  (gst_align_scale_coordinate_mode_get_type ())
GType gst_align_scale_coordinate_mode_get_type (void);

/**
 * GstAlignScaleNearestMode:
 * @GST_ALIGN_SCALE_NEAREST_MODE_AUTO: PyTorch `nearest-exact` for
 *   half-pixel and PyTorch `nearest` for asymmetric (both in PyTorch's
 *   float32 arithmetic), floor for tf-half-pixel-for-nn, round-prefer-floor
 *   otherwise
 * @GST_ALIGN_SCALE_NEAREST_MODE_ROUND_PREFER_FLOOR: `ceil (x - 0.5)`
 * @GST_ALIGN_SCALE_NEAREST_MODE_ROUND_PREFER_CEIL: `floor (x + 0.5)`
 * @GST_ALIGN_SCALE_NEAREST_MODE_FLOOR: `floor (x)`
 * @GST_ALIGN_SCALE_NEAREST_MODE_CEIL: `ceil (x)`
 *
 * How the nearest method rounds a source coordinate: ONNX Resize's
 * `nearest_mode`, plus an automatic choice.
 */
typedef enum
{
  GST_ALIGN_SCALE_NEAREST_MODE_AUTO,
  GST_ALIGN_SCALE_NEAREST_MODE_ROUND_PREFER_FLOOR,
  GST_ALIGN_SCALE_NEAREST_MODE_ROUND_PREFER_CEIL,
  GST_ALIGN_SCALE_NEAREST_MODE_FLOOR,
  GST_ALIGN_SCALE_NEAREST_MODE_CEIL,
} GstAlignScaleNearestMode;

#define GST_TYPE_ALIGN_SCALE_NEAREST_MODE                                      \
  (gst_align_scale_nearest_mode_get_type ())
GType gst_align_scale_nearest_mode_get_type (void);

/**
 * GstAlignScaleChromaUpsampling:
 * @GST_ALIGN_SCALE_CHROMA_UPSAMPLING_LINEAR: linear interpolation between
 *   the chroma samples around each luma position, at their siting
 *   (libjpeg's "fancy upsampling" for centred 4:2:0)
 * @GST_ALIGN_SCALE_CHROMA_UPSAMPLING_NEAREST: each chroma sample covers its
 *   block (OpenCV's cvtColor)
 *
 * How a YUV to RGB conversion brings chroma to full resolution.
 */
typedef enum
{
  GST_ALIGN_SCALE_CHROMA_UPSAMPLING_LINEAR,
  GST_ALIGN_SCALE_CHROMA_UPSAMPLING_NEAREST,
} GstAlignScaleChromaUpsampling;

#define GST_TYPE_ALIGN_SCALE_CHROMA_UPSAMPLING                                 \
  (gst_align_scale_chroma_upsampling_get_type ())
GType gst_align_scale_chroma_upsampling_get_type (void);

/**
 * GstAlignScaleIntegerModel:
 * @GST_ALIGN_SCALE_INTEGER_MODEL_EXACT: the framework's float result,
 *   rounded (PyTorch, ONNX, TF)
 * @GST_ALIGN_SCALE_INTEGER_MODEL_OPENCV: the bytes of OpenCV 4.6's
 *   `cv2.resize` on uint8 images
 * @GST_ALIGN_SCALE_INTEGER_MODEL_PILLOW: the bytes of Pillow 9.4's
 *   `Image.resize` on 8-bit images
 *
 * Whose bytes the element gives (docs/integer-models.md).
 */
typedef enum
{
  GST_ALIGN_SCALE_INTEGER_MODEL_EXACT,
  GST_ALIGN_SCALE_INTEGER_MODEL_OPENCV,
  GST_ALIGN_SCALE_INTEGER_MODEL_PILLOW,
} GstAlignScaleIntegerModel;

#define GST_TYPE_ALIGN_SCALE_INTEGER_MODEL                                     \
  (gst_align_scale_integer_model_get_type ())
GType gst_align_scale_integer_model_get_type (void);

/**
 * GstAlignScaleLetterbox:
 * @GST_ALIGN_SCALE_LETTERBOX_NONE: the picture fills the output
 * @GST_ALIGN_SCALE_LETTERBOX_ULTRALYTICS: Ultralytics' LetterBox (centred,
 *   rounding half to even, pad 114)
 * @GST_ALIGN_SCALE_LETTERBOX_MMDET: mmcv's imrescale and Pad (top left)
 * @GST_ALIGN_SCALE_LETTERBOX_DEEPSTREAM: nvinfer maintain-aspect-ratio
 *   (top left)
 * @GST_ALIGN_SCALE_LETTERBOX_DEEPSTREAM_SYMMETRIC: nvinfer with
 *   symmetric-padding
 * @GST_ALIGN_SCALE_LETTERBOX_TF: tf.image.resize_with_pad (TF 2.x)
 * @GST_ALIGN_SCALE_LETTERBOX_PILLOW: PIL.ImageOps.pad
 * @GST_ALIGN_SCALE_LETTERBOX_ADD_BORDERS: videoscale's add-borders, from
 *   the display aspect ratio
 *
 * Where the picture goes in the output, as each library places it
 * (docs/letterbox.md).
 */
typedef enum
{
  GST_ALIGN_SCALE_LETTERBOX_NONE,
  GST_ALIGN_SCALE_LETTERBOX_ULTRALYTICS,
  GST_ALIGN_SCALE_LETTERBOX_MMDET,
  GST_ALIGN_SCALE_LETTERBOX_DEEPSTREAM,
  GST_ALIGN_SCALE_LETTERBOX_DEEPSTREAM_SYMMETRIC,
  GST_ALIGN_SCALE_LETTERBOX_TF,
  GST_ALIGN_SCALE_LETTERBOX_PILLOW,
  GST_ALIGN_SCALE_LETTERBOX_ADD_BORDERS,
} GstAlignScaleLetterbox;

#define GST_TYPE_ALIGN_SCALE_LETTERBOX (gst_align_scale_letterbox_get_type ())
GType gst_align_scale_letterbox_get_type (void);

#define GST_TYPE_ALIGN_SCALE (gst_align_scale_get_type ())
G_DECLARE_FINAL_TYPE (
    GstAlignScale, gst_align_scale, GST, ALIGN_SCALE, GstVideoFilter)

GST_ELEMENT_REGISTER_DECLARE (alignscale);

G_END_DECLS

#endif /* __GST_ALIGN_SCALE_H__ */
