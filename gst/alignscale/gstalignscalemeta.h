/* alignscale: the way back, as a GstCustomMeta on each output buffer
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef __GST_ALIGN_SCALE_META_H__
#define __GST_ALIGN_SCALE_META_H__

#include <gst/gst.h>

#include "letterbox.h"

G_BEGIN_DECLS

/* the GstCustomMeta's name: gst_buffer_get_custom_meta (buf, this) */
#define GST_ALIGN_SCALE_GEOMETRY_META "GstAlignScaleGeometryMeta"

/* registers the meta once (idempotent, thread-safe) */
void gst_align_scale_geometry_meta_register (void);

/* attaches the geometry of the frame just made (docs/alignscale.md, "The
 * way back") */
void gst_align_scale_add_geometry_meta (
    GstBuffer *buffer, const AsLetterboxGeom *geom);

G_END_DECLS

#endif /* __GST_ALIGN_SCALE_META_H__ */
