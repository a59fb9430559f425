/* alignscale: a fixed set of worker threads for the slices of a frame
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * GstTaskPool and GThreadPool allocate for every task pushed (a task
 * record, a queue node); a frame is a few slices, 30 or more times a
 * second, so the workers here are started once and wait on a condition:
 * running a frame is one broadcast and one wait, nothing allocated. Tasks
 * are claimed with an atomic counter, so a slow thread only runs fewer.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "gstalignscalepool.h"

struct _GstAlignScalePool
{
  GMutex lock;
  GCond work, done;
  GThread **threads;
  guint n_workers;
  /* under lock: the current run, numbered so each worker joins it once */
  guint64 generation;
  GstAlignScaleTaskFunc func;
  gpointer data;
  guint n_tasks;
  guint pending; /* workers still in the current run */
  gboolean quit;
  gint next; /* the next unclaimed task (atomic) */
};

static void
claim_tasks (GstAlignScalePool *pool, GstAlignScaleTaskFunc func, gpointer data,
    guint n_tasks)
{
  guint i;

  while ((i = (guint) g_atomic_int_add (&pool->next, 1)) < n_tasks)
    func (data, i);
}

static gpointer
worker (gpointer user)
{
  GstAlignScalePool *pool = user;
  guint64 seen = 0;

  g_mutex_lock (&pool->lock);
  for (;;) {
    GstAlignScaleTaskFunc func;
    gpointer data;
    guint n;

    while (pool->generation == seen && !pool->quit)
      g_cond_wait (&pool->work, &pool->lock);
    if (pool->quit)
      break;
    seen = pool->generation;
    func = pool->func;
    data = pool->data;
    n = pool->n_tasks;
    g_mutex_unlock (&pool->lock);

    claim_tasks (pool, func, data, n);

    g_mutex_lock (&pool->lock);
    if (--pool->pending == 0)
      g_cond_signal (&pool->done);
  }
  g_mutex_unlock (&pool->lock);
  return NULL;
}

GstAlignScalePool *
gst_align_scale_pool_new (guint n_threads)
{
  GstAlignScalePool *pool = g_new0 (GstAlignScalePool, 1);

  g_mutex_init (&pool->lock);
  g_cond_init (&pool->work);
  g_cond_init (&pool->done);
  pool->threads = g_new0 (GThread *, MAX (n_threads, 1));
  for (guint i = 0; i + 1 < n_threads; i++) {
    GThread *t = g_thread_try_new ("alignscale", worker, pool, NULL);
    if (!t)
      break;
    pool->threads[pool->n_workers++] = t;
  }
  return pool;
}

void
gst_align_scale_pool_free (GstAlignScalePool *pool)
{
  if (!pool)
    return;
  g_mutex_lock (&pool->lock);
  pool->quit = TRUE;
  g_cond_broadcast (&pool->work);
  g_mutex_unlock (&pool->lock);
  for (guint i = 0; i < pool->n_workers; i++)
    g_thread_join (pool->threads[i]);
  g_free (pool->threads);
  g_mutex_clear (&pool->lock);
  g_cond_clear (&pool->work);
  g_cond_clear (&pool->done);
  g_free (pool);
}

guint
gst_align_scale_pool_size (const GstAlignScalePool *pool)
{
  return pool->n_workers + 1;
}

void
gst_align_scale_pool_run (GstAlignScalePool *pool, guint n_tasks,
    GstAlignScaleTaskFunc func, gpointer data)
{
  if (pool->n_workers == 0 || n_tasks < 2) {
    for (guint i = 0; i < n_tasks; i++)
      func (data, i);
    return;
  }
  g_mutex_lock (&pool->lock);
  pool->func = func;
  pool->data = data;
  pool->n_tasks = n_tasks;
  pool->pending = pool->n_workers;
  g_atomic_int_set (&pool->next, 0);
  pool->generation++;
  g_cond_broadcast (&pool->work);
  g_mutex_unlock (&pool->lock);

  claim_tasks (pool, func, data, n_tasks);

  g_mutex_lock (&pool->lock);
  while (pool->pending > 0)
    g_cond_wait (&pool->done, &pool->lock);
  g_mutex_unlock (&pool->lock);
}
