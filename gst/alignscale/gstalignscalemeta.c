/* alignscale: the way back, as a GstCustomMeta on each output buffer
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A GstCustomMeta (GStreamer >= 1.20) holds a GstStructure that C and
 * Python read without a binding of ours: which input pixels were resized
 * (source-*), where they landed in the output (picture-*), the scale per
 * axis and the letterbox preset. Its tags are video and size, so an
 * element downstream that changes the picture's geometry drops it, as it
 * must.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <gst/video/video.h>

#include "gstalignscalemeta.h"

void
gst_align_scale_geometry_meta_register (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done)) {
    static const gchar *tags[] = { GST_META_TAG_VIDEO_STR,
      GST_META_TAG_VIDEO_SIZE_STR, NULL };

    if (!gst_meta_get_info (GST_ALIGN_SCALE_GEOMETRY_META))
      gst_meta_register_custom (
          GST_ALIGN_SCALE_GEOMETRY_META, tags, NULL, NULL, NULL);
    g_once_init_leave (&done, 1);
  }
}

void
gst_align_scale_add_geometry_meta (GstBuffer *buffer, const AsLetterboxGeom *g)
{
  GstCustomMeta *meta = gst_buffer_add_custom_meta (
      buffer, GST_ALIGN_SCALE_GEOMETRY_META);
  GstStructure *s;

  if (!meta)
    return;
  s = gst_custom_meta_get_structure (meta);
  gst_structure_set (s, "letterbox", G_TYPE_STRING,
      as_letterbox_nick (g->preset), "input-width", G_TYPE_INT, g->in_w,
      "input-height", G_TYPE_INT, g->in_h, "output-width", G_TYPE_INT, g->out_w,
      "output-height", G_TYPE_INT, g->out_h, "source-x", G_TYPE_INT, g->src.x,
      "source-y", G_TYPE_INT, g->src.y, "source-width", G_TYPE_INT, g->src.w,
      "source-height", G_TYPE_INT, g->src.h, "picture-x", G_TYPE_INT, g->pic.x,
      "picture-y", G_TYPE_INT, g->pic.y, "picture-width", G_TYPE_INT, g->pic.w,
      "picture-height", G_TYPE_INT, g->pic.h, "scale-x", G_TYPE_DOUBLE, g->sx,
      "scale-y", G_TYPE_DOUBLE, g->sy, NULL);
}
