/* alignscale: a fixed set of worker threads for the slices of a frame
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef __GST_ALIGN_SCALE_POOL_H__
#define __GST_ALIGN_SCALE_POOL_H__

#include <glib.h>

G_BEGIN_DECLS

typedef struct _GstAlignScalePool GstAlignScalePool;
/* task: which of the run's tasks; thread: which thread runs it (0: the
 * caller, then the workers), for per-thread scratch */
typedef void (*GstAlignScaleTaskFunc) (gpointer data, guint task, guint thread);

/* n_threads - 1 workers (the caller is the n-th); fewer if the system
 * refuses threads: gst_align_scale_pool_size says how many run */
GstAlignScalePool *gst_align_scale_pool_new (guint n_threads);
void gst_align_scale_pool_free (GstAlignScalePool *pool);
guint gst_align_scale_pool_size (const GstAlignScalePool *pool);

/* func (data, i, thread) for every i < n_tasks, on the workers and the
 * caller; returns when all are done. Allocates nothing. */
void gst_align_scale_pool_run (GstAlignScalePool *pool, guint n_tasks,
    GstAlignScaleTaskFunc func, gpointer data);

G_END_DECLS

#endif /* __GST_ALIGN_SCALE_POOL_H__ */
