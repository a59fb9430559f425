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
 *
 * Interpolation method, as PyTorch's `F.interpolate` `mode`.
 */
typedef enum
{
  GST_ALIGN_SCALE_METHOD_NEAREST,
  GST_ALIGN_SCALE_METHOD_BILINEAR,
  GST_ALIGN_SCALE_METHOD_BICUBIC,
} GstAlignScaleMethod;

#define GST_TYPE_ALIGN_SCALE_METHOD (gst_align_scale_method_get_type ())
GType gst_align_scale_method_get_type (void);

#define GST_TYPE_ALIGN_SCALE (gst_align_scale_get_type ())
G_DECLARE_FINAL_TYPE (
    GstAlignScale, gst_align_scale, GST, ALIGN_SCALE, GstVideoFilter)

GST_ELEMENT_REGISTER_DECLARE (alignscale);

G_END_DECLS

#endif /* __GST_ALIGN_SCALE_H__ */
