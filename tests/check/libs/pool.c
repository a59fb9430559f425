/* The element's worker threads (gst/alignscale/gstalignscalepool.c): every
 * task of every run runs exactly once, on pools used at once after they
 * are created (a run may begin before a worker has started), with more
 * tasks than threads and fewer, and pools freed right after a run.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <gst/check/gstcheck.h>

#include "gstalignscalepool.h"

#define MAX_TASKS 16

typedef struct
{
  gint count[MAX_TASKS];
  guint threads_seen;
} Job;

static void
task (gpointer data, guint i, guint thread)
{
  Job *job = data;

  g_atomic_int_inc (&job->count[i]);
  /* each thread its own index, below the pool's size */
  g_atomic_int_or (&job->threads_seen, 1 << thread);
}

/* busy threads: a pool's new workers then start late, after its first
 * run has begun (the case that once deadlocked) */
static gint stop_hogs;

static gpointer
hog (gpointer data)
{
  volatile guint64 x = 0;

  while (!g_atomic_int_get (&stop_hogs))
    x++;
  return NULL;
}

GST_START_TEST (test_every_task_once)
{
  GThread *hogs[4];

  g_atomic_int_set (&stop_hogs, 0);
  for (guint i = 0; i < G_N_ELEMENTS (hogs); i++)
    hogs[i] = g_thread_new ("hog", hog, NULL);
  for (guint n = 1; n <= 8; n++) {
    for (guint rep = 0; rep < 50; rep++) {
      /* a fresh pool, used at once */
      GstAlignScalePool *pool = gst_align_scale_pool_new (n);
      guint runs = 1 + rep % 5;

      fail_unless (gst_align_scale_pool_size (pool) >= 1);
      fail_unless (gst_align_scale_pool_size (pool) <= n);
      for (guint r = 0; r < runs; r++) {
        Job job = { { 0 } };
        guint tasks = 1 + (rep + r) % MAX_TASKS;

        gst_align_scale_pool_run (pool, tasks, task, &job);
        for (guint i = 0; i < MAX_TASKS; i++)
          fail_unless_equals_int (job.count[i], i < tasks ? 1 : 0);
        fail_unless (
            job.threads_seen < (1u << gst_align_scale_pool_size (pool)));
      }
      gst_align_scale_pool_free (pool);
    }
  }
  g_atomic_int_set (&stop_hogs, 1);
  for (guint i = 0; i < G_N_ELEMENTS (hogs); i++)
    g_thread_join (hogs[i]);
}

GST_END_TEST;

/* runs spaced out so the workers go to sleep between them */
GST_START_TEST (test_sleeping_workers)
{
  GstAlignScalePool *pool = gst_align_scale_pool_new (3);

  for (guint r = 0; r < 5; r++) {
    Job job = { { 0 } };

    g_usleep (2000);
    gst_align_scale_pool_run (pool, 3, task, &job);
    for (guint i = 0; i < 3; i++)
      fail_unless_equals_int (job.count[i], 1);
  }
  gst_align_scale_pool_free (pool);
}

GST_END_TEST;

static Suite *
pool_suite (void)
{
  Suite *s = suite_create ("pool");
  TCase *tc = tcase_create ("general");

  suite_add_tcase (s, tc);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_every_task_once);
  tcase_add_test (tc, test_sleeping_workers);
  return s;
}

GST_CHECK_MAIN (pool);
