/* alignscale: a fixed set of worker threads for the slices of a frame
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * GstTaskPool and GThreadPool allocate for every task pushed (a task
 * record, a queue node); a frame is a few slices, 30 or more times a
 * second, so the workers here are started once and wait for the next run:
 * running a frame allocates nothing. Tasks are claimed with an atomic
 * counter, so a slow thread only runs fewer.
 *
 * Waking a sleeping thread costs tens of microseconds here, as much as a
 * whole 1080p -> 224 bilinear frame: a worker polls for the next run for
 * SPIN_US after finishing one before it sleeps on the condition, and the
 * caller polls for the end of a run before it sleeps. Back-to-back frames
 * then never sleep; at 30 frames a second the polling costs at most
 * SPIN_US of a core per frame (0.3 %).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "gstalignscalepool.h"

#define SPIN_US 100

typedef struct
{
  GstAlignScalePool *pool;
  guint index;
} Worker;

struct _GstAlignScalePool
{
  GMutex lock;
  GCond work, done;
  GThread **threads;
  Worker *workers;
  guint n_workers;
  /* the current run: func, data and n_tasks are written before generation
   * moves on (an atomic, a barrier) and read after it has */
  gint generation;
  GstAlignScaleTaskFunc func;
  gpointer data;
  guint n_tasks;
  gint pending; /* workers still in the current run (atomic) */
  gint next;    /* the next unclaimed task (atomic) */
  gint quit;
};

static inline void
cpu_relax (void)
{
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
  __builtin_ia32_pause ();
#endif
}

/* poll for at most SPIN_US until *p != value (until_zero: until *p is 0)
 * or quit: whether that happened */
static gboolean
spin (GstAlignScalePool *pool, gint *p, gint value, gboolean until_zero)
{
  gint64 until = g_get_monotonic_time () + SPIN_US;

  for (guint i = 1;; i++) {
    gint v = g_atomic_int_get (p);
    if ((until_zero ? v == 0 : v != value) || g_atomic_int_get (&pool->quit))
      return TRUE;
    cpu_relax ();
    if (i % 64 == 0 && g_get_monotonic_time () > until)
      return FALSE;
  }
}

static void
claim_tasks (GstAlignScalePool *pool, GstAlignScaleTaskFunc func, gpointer data,
    guint n_tasks, guint thread)
{
  guint i;

  while ((i = (guint) g_atomic_int_add (&pool->next, 1)) < n_tasks)
    func (data, i, thread);
}

static gpointer
worker (gpointer user)
{
  Worker *self = user;
  GstAlignScalePool *pool = self->pool;
  gint seen = 0; /* the generation at creation, not at start: a run may
                  * begin before this thread does */

  for (;;) {
    if (!spin (pool, &pool->generation, seen, FALSE)) {
      g_mutex_lock (&pool->lock);
      while (g_atomic_int_get (&pool->generation) == seen
          && !g_atomic_int_get (&pool->quit))
        g_cond_wait (&pool->work, &pool->lock);
      g_mutex_unlock (&pool->lock);
    }
    if (g_atomic_int_get (&pool->quit))
      break;
    seen = g_atomic_int_get (&pool->generation);
    claim_tasks (pool, pool->func, pool->data, pool->n_tasks, self->index);
    if (g_atomic_int_dec_and_test (&pool->pending)) {
      g_mutex_lock (&pool->lock);
      g_cond_signal (&pool->done);
      g_mutex_unlock (&pool->lock);
    }
  }
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
  pool->workers = g_new0 (Worker, MAX (n_threads, 1));
  for (guint i = 0; i + 1 < n_threads; i++) {
    GThread *t;

    pool->workers[i].pool = pool;
    pool->workers[i].index = i + 1;
    t = g_thread_try_new ("alignscale", worker, &pool->workers[i], NULL);
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
  g_atomic_int_set (&pool->quit, 1);
  g_cond_broadcast (&pool->work);
  g_mutex_unlock (&pool->lock);
  for (guint i = 0; i < pool->n_workers; i++)
    g_thread_join (pool->threads[i]);
  g_free (pool->threads);
  g_free (pool->workers);
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
      func (data, i, 0);
    return;
  }
  /* every worker finished the last run (pending reached 0): none reads
   * these while they change */
  pool->func = func;
  pool->data = data;
  pool->n_tasks = n_tasks;
  g_atomic_int_set (&pool->next, 0);
  g_atomic_int_set (&pool->pending, (gint) pool->n_workers);
  g_mutex_lock (&pool->lock);
  g_atomic_int_inc (&pool->generation);
  g_cond_broadcast (&pool->work);
  g_mutex_unlock (&pool->lock);

  claim_tasks (pool, func, data, n_tasks, 0);

  if (!spin (pool, &pool->pending, 0, TRUE)) {
    g_mutex_lock (&pool->lock);
    while (g_atomic_int_get (&pool->pending) > 0)
      g_cond_wait (&pool->done, &pool->lock);
    g_mutex_unlock (&pool->lock);
  }
}
